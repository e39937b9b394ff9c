// `npm test`: every suite, the browser ones included. Never skips a suite silently.
//   check      typecheck, lint, format (npm run check)
//   unit       Vitest + fakeBrowser + fake-indexeddb (vitest.config.ts)
//   browser    the built extension in real headless Chromium (vitest.browser.config.ts)
//   wordpress  the publishing client against a real WordPress (vitest.wordpress.config.ts)
//   firefox    the built Firefox (MV2) extension in real headless Firefox ESR, driven by
//              puppeteer-core over WebDriver BiDi (vitest.firefox.config.ts); its shared-desk
//              file has a colleague in Chromium, so the Chromium test build is made for it too
// Options: --only=check,unit,browser,wordpress,firefox
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { findChromium } from './chromium.mjs';
import { findFirefox } from './firefox.mjs';

const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice(7)
  .split(',');
const wanted = (suite) => !only || only.includes(suite);
mkdirSync('.tmp', { recursive: true });

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
/** Each failed test, a line each, said again at the very end (CI may keep only its last lines). */
const failedTests = [];

/** The failed tests of a Vitest JSON report: file, name and the first line of why. */
function failedIn(name, json) {
  for (const file of json.testResults ?? []) {
    const where = path.relative(process.cwd(), file.name ?? '');
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      const why = String(test.failureMessages?.[0] ?? '')
        .replace(/\x1b\[[0-9;]*m/g, '')
        .split('\n')
        .find((line) => line.trim())
        ?.trim()
        .slice(0, 400);
      failedTests.push(`${name}: ${where} › ${test.fullName}${why ? ` — ${why}` : ''}`);
    }
    // A file that failed outside its tests (its set-up, an import) has no failed test to name.
    // A describe's failed beforeAll leaves no message on the file either (Vitest's JSON report
    // keeps the file's own errors only): the tests it skipped say which set-up it was.
    if (
      file.status === 'failed' &&
      !(file.assertionResults ?? []).some((t) => t.status === 'failed')
    ) {
      const message = String(file.message ?? '').split('\n')[0];
      const skipped = (file.assertionResults ?? [])
        .filter((t) => t.status !== 'passed')
        .map((t) => t.fullName);
      const why =
        message ||
        (skipped.length > 0
          ? `a hook failed (see the log above); not run: ${skipped.join('; ')}`
          : 'a hook failed (see the log above)');
      failedTests.push(`${name}: ${where} — ${why.slice(0, 400)}`);
    }
  }
}

function vitest(name, config, env = {}) {
  const report = `.tmp/vitest-${name}.json`;
  const status = run(
    'npx',
    [
      'vitest',
      'run',
      '-c',
      config,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    env,
  );
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests ?? 0;
    totals.failed += json.numFailedTests ?? 0;
    totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    if (json.numTotalTests === 0) failures.push(`${name}: ran no test`);
    failedIn(name, json);
  } else {
    failures.push(`${name}: no report`);
  }
  if (status !== 0) failures.push(`${name}: exit ${status}`);
}

if (wanted('check') && run('npm', ['run', 'check']) !== 0)
  failures.push('check: typecheck, lint or format');
if (wanted('unit')) vitest('unit', 'vitest.config.ts');

let chromiumBuilt;
/**
 * Chromium and its test build (.output/test/chrome-mv3), made once a run: the browser and
 * WordPress suites drive it, and so does the Firefox suite (a Chromium colleague on the shared
 * desk, tests/firefox/shared-desk.test.ts). Returns the Chromium binary's path.
 */
function chromiumWithTestBuild() {
  if (chromiumBuilt) return chromiumBuilt;
  let chromium;
  try {
    chromium = findChromium();
  } catch (error) {
    console.error(String(error.message ?? error));
    process.exit(1);
  }
  // The test build adds a host permission for 127.0.0.1 only (see wxt.config.ts).
  if (run('npx', ['wxt', 'build'], { INDISCRETS_TEST_BUILD: '1' }) !== 0) {
    console.error('The test build of the extension failed.');
    process.exit(1);
  }
  chromiumBuilt = chromium;
  return chromium;
}

if (wanted('browser') || wanted('wordpress')) {
  const env = { CHROMIUM_PATH: chromiumWithTestBuild() };
  if (wanted('browser')) vitest('browser', 'vitest.browser.config.ts', env);
  if (wanted('wordpress')) vitest('wordpress', 'vitest.wordpress.config.ts', env);
}

if (wanted('firefox')) {
  let firefox;
  try {
    firefox = findFirefox();
  } catch (error) {
    console.error(String(error.message ?? error));
    process.exit(1);
  }
  // The Firefox test build (.output/test/firefox-mv2), with the same 127.0.0.1 host permission.
  if (
    run('npx', ['wxt', 'build', '-b', 'firefox', '--mv2'], { INDISCRETS_TEST_BUILD: '1' }) !== 0
  ) {
    console.error('The Firefox test build of the extension failed.');
    process.exit(1);
  }
  vitest('firefox', 'vitest.firefox.config.ts', {
    FIREFOX_PATH: firefox,
    CHROMIUM_PATH: chromiumWithTestBuild(),
  });
}

console.log('');
for (const test of failedTests) console.log(`FAILED TEST ${test}`);
for (const failure of failures) console.log(`FAILED ${failure}`);
console.log(
  `npm test: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
);
process.exit(failures.length > 0 ? 1 : 0);
