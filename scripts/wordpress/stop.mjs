#!/usr/bin/env node
// Stops what scripts/wordpress/start.mjs started and removes its temp dir.
//
//   node scripts/wordpress/stop.mjs [--json FILE]   (default .tmp/wordpress.json)

import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_STATE_FILE, stopFromState } from './server.mjs';

const argv = process.argv.slice(2);
let file = DEFAULT_STATE_FILE;
for (let i = 0; i < argv.length; i += 1) {
  if (argv[i] === '--json' && argv[i + 1]) file = path.resolve(argv[++i]);
  else if (argv[i]?.startsWith('--json=')) file = path.resolve(argv[i].slice(7));
  else {
    process.stderr.write('usage: stop.mjs [--json FILE]\n');
    process.exit(2);
  }
}

let state;
try {
  state = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (error) {
  process.stderr.write(`[wordpress] no state in ${file}: ${error.message}\n`);
  process.exit(1);
}
const ok = await stopFromState(state);
fs.rmSync(file, { force: true });
process.stderr.write(
  ok ? `[wordpress] stopped ${state.url ?? ''}\n` : '[wordpress] some processes survived\n',
);
process.exit(ok ? 0 : 1);
