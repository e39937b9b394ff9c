// Kills the servers of one startWordPress() run when the process that started them dies,
// however it died (SIGKILL included), then removes the run's temp dir.
// Usage (spawned by server.mjs, detached): node watchdog.mjs PARENT_PID RUN_DIR
// RUN_DIR/pids.json lists the servers' pids; the watchdog exits once RUN_DIR is gone.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const parent = Number(process.argv[2]);
const dir = process.argv[3] || '';

const alive = (pid) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'; // a zombie has died
  } catch {
    return true;
  }
};

const readPids = () => {
  try {
    return Object.values(JSON.parse(fs.readFileSync(path.join(dir, 'pids.json'), 'utf8'))).filter(
      (pid) => Number.isInteger(pid) && pid > 1,
    );
  } catch {
    return [];
  }
};

const killGroup = (pid, signal) => {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // gone
    }
  }
};

const safeDir =
  path.dirname(path.resolve(dir)) === path.resolve(os.tmpdir()) &&
  path.basename(dir).startsWith('indiscrets-wp-');

const timer = setInterval(() => {
  if (!safeDir || !fs.existsSync(dir)) {
    clearInterval(timer);
    return;
  }
  if (alive(parent)) return;
  clearInterval(timer);
  const pids = readPids();
  for (const pid of pids) killGroup(pid, 'SIGTERM');
  setTimeout(() => {
    for (const pid of readPids()) killGroup(pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }, 2000);
}, 500);
