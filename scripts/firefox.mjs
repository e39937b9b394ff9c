// Finds the Firefox the Firefox suite drives, installing Debian's firefox-esr when it is missing
// and we may (as root on Debian, like scripts/chromium.mjs does for Chromium).
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends firefox-esr';

/** Returns the path to a Firefox binary, or throws with the exact command to run. */
export function findFirefox({ log = console.log } = {}) {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path) => path && existsSync(path));
  if (found) return found;
  if (process.env.FIREFOX_PATH) {
    throw new Error(`FIREFOX_PATH=${process.env.FIREFOX_PATH} does not exist.`);
  }
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      `No Firefox found for the Firefox tests. Install it with:\n  sudo sh -c '${INSTALL}'\n` +
        'or set FIREFOX_PATH to a Firefox (≥ 138) binary.',
    );
  }
  log('Firefox is missing: installing Debian’s firefox-esr package…');
  execFileSync('sh', ['-c', INSTALL], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!existsSync('/usr/bin/firefox-esr'))
    throw new Error(`"${INSTALL}" did not install /usr/bin/firefox-esr.`);
  return '/usr/bin/firefox-esr';
}
