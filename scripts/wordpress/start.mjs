#!/usr/bin/env node
// Starts a throw-away WordPress on 127.0.0.1 and leaves it running in the background.
//
//   node scripts/wordpress/start.mjs [--json FILE] [--port N] [--foreground]
//
// Prints { url, adminUser, appPassword, subscriberUser, subscriberAppPassword, pids, dir, ... }
// as JSON on stdout and writes it to FILE (default .tmp/wordpress.json), which
// scripts/wordpress/stop.mjs reads to stop everything. With --foreground it stays attached
// and stops the site on Ctrl-C instead.

import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_STATE_FILE, describe, startWordPress } from './server.mjs';

function parseArgs(argv) {
  const args = { json: DEFAULT_STATE_FILE, port: undefined, foreground: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      const next = argv[i + 1];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      i += 1;
      return next;
    };
    if (arg === '--json') args.json = path.resolve(value());
    else if (arg.startsWith('--json=')) args.json = path.resolve(arg.slice(7));
    else if (arg === '--port') args.port = Number(value());
    else if (arg.startsWith('--port=')) args.port = Number(arg.slice(7));
    else if (arg === '--foreground') args.foreground = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: start.mjs [--json FILE] [--port N] [--foreground]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
if (fs.existsSync(args.json)) {
  const previous = JSON.parse(fs.readFileSync(args.json, 'utf8'));
  const stillRunning = Object.values(previous.pids || {}).some((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
  if (stillRunning && fs.existsSync(previous.dir || '')) {
    process.stderr.write(
      `[wordpress] already running at ${previous.url} (state in ${args.json}); ` +
        `stop it with: node scripts/wordpress/stop.mjs --json ${args.json}\n`,
    );
    process.exit(1);
  }
}

const site = await startWordPress({ detached: !args.foreground, port: args.port });
const info = { ...describe(site), stateFile: args.json };
fs.mkdirSync(path.dirname(args.json), { recursive: true });
fs.writeFileSync(args.json, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);

if (args.foreground) {
  process.stderr.write('[wordpress] running; Ctrl-C stops it\n');
  const stop = async () => {
    await site.stop();
    fs.rmSync(args.json, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}
