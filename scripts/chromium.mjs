// Finds the Chromium the browser tests drive, installing Debian's when it is missing and we may.
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium';

/** Returns the path to a Chromium binary, or throws with the exact command to run. */
export function findChromium({ log = console.log } = {}) {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path) => path && existsSync(path));
  if (found) return found;
  if (process.env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  }
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      `No Chromium found for the browser tests. Install it with:\n  sudo sh -c '${INSTALL}'\n` +
        'or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  log('Chromium is missing: installing Debian’s chromium package…');
  execFileSync('sh', ['-c', INSTALL], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!existsSync('/usr/bin/chromium'))
    throw new Error(`"${INSTALL}" did not install /usr/bin/chromium.`);
  return '/usr/bin/chromium';
}

/**
 * Command-line switches for Chromium with one unpacked extension, on a machine whose network
 * is closed: background networking off, or Chromium keeps knocking on Google's hosts.
 */
export function extensionArgs(extensionDir) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}
