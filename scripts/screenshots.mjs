// `npm run screenshots`: remakes the README's screenshots in docs/ (popup, inbox, editor, issue,
// desk, backup, options, publish). They are taken by the browser and WordPress suites at the
// moment each screen is in the state the README describes, so this runs those suites with
// INDISCRETS_SCREENSHOTS=1, which points their screenshots at docs/ instead of the ignored
// .tmp/screenshots/ that a plain `npm test` uses. Review the images (`git diff --stat docs`)
// and commit them.
import { spawnSync } from 'node:child_process';

const result = spawnSync('node', ['scripts/test.mjs', '--only=browser,wordpress'], {
  stdio: 'inherit',
  env: { ...process.env, INDISCRETS_SCREENSHOTS: '1' },
});
process.exit(result.status ?? 1);
