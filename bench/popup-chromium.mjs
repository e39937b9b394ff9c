// Benchmark (not a test): the real popup in headless Chromium, with 10,000 drafts and 200
// issues in its database. Targets: first render ≤ 100 ms, search keystroke ≤ 50 ms.
// Needs the test build (npm run build:test) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { extensionArgs, findChromium } from '../scripts/chromium.mjs';

const EXTENSION = path.resolve('.output/test/chrome-mv3');
const RUNS = 15;

const userDataDir = await mkdtemp(path.join(tmpdir(), 'indiscrets-bench-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: findChromium(),
  headless: true,
  locale: 'fr-FR',
  args: extensionArgs(EXTENSION),
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const base = `chrome-extension://${new URL(worker.url()).host}/`;
  const seeding = await context.newPage();
  await seeding.goto(`${base}bench-seed.html`);
  await seeding.waitForFunction(() => /seeded|failed/.test(document.body.textContent ?? ''), null, {
    timeout: 120_000,
  });
  console.log(await seeding.locator('#status').textContent());

  // Marks the moment the first draft is on screen, from the page's own clock (0 = navigation).
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="draft"]')) {
        globalThis.__firstDraft = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });

  const firstRender = [];
  const keystroke = [];
  const popup = await context.newPage();
  for (let run = 0; run < RUNS; run++) {
    await popup.goto(`${base}popup.html`);
    await popup.waitForFunction(() => globalThis.__firstDraft !== undefined);
    firstRender.push(await popup.evaluate(() => globalThis.__firstDraft));
    // A keystroke on a settled popup (live list and total shown), as an editor types.
    await popup.waitForFunction(() =>
      /\d/.test(document.querySelector('[data-testid="draft-total"]')?.textContent ?? ''),
    );
    await popup.waitForTimeout(200);
    // One keystroke: the search box changes, until the list shows the first match.
    const query = run % 2 === 0 ? 'ovh' : 'bercy';
    keystroke.push(
      await popup.evaluate(
        (q) =>
          new Promise((resolve) => {
            const input = document.querySelector('[data-testid="search"]');
            const done = () => {
              const first = document.querySelector('[data-testid="draft"]')?.textContent ?? '';
              return first.toLowerCase().includes(q);
            };
            const start = performance.now();
            new MutationObserver((_, observer) => {
              if (done()) {
                observer.disconnect();
                resolve(performance.now() - start);
              }
            }).observe(document.body, { childList: true, subtree: true, characterData: true });
            input.value = q;
            input.dispatchEvent(new InputEvent('input', { bubbles: true }));
          }),
        query,
      ),
    );
  }
  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms`;
  };
  console.log(
    `popup first render (to first draft on screen): ${stats(firstRender)}  target ≤ 100 ms`,
  );
  console.log(`search keystroke (to first match on screen):   ${stats(keystroke)}  target ≤ 50 ms`);
} finally {
  await context.close();
  await rm(userDataDir, { recursive: true, force: true });
}
