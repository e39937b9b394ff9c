// The benchmarks that need the real extension in Chromium (the test build, which may reach pages
// on 127.0.0.1): clip latency against its floor, in-page capture against Readability and
// Defuddle, the popup with 10,000 drafts, the desk with a 100-item issue. Called by bench/run.mjs.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { extensionArgs, findChromium } from '../scripts/chromium.mjs';

const require = createRequire(import.meta.url);

/** Median (the mean of the middle two for an even count), p90 and minimum of a list. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const middle = sorted.length / 2;
  const p50 =
    sorted.length % 2 === 1
      ? sorted[Math.floor(middle)]
      : (sorted[middle - 1] + sorted[middle]) / 2;
  return { p50, p90: at(0.9), min: sorted[0], n: sorted.length };
}

/** About 20 MB and 500,000 nodes: 250,000 paragraphs of 80 characters (as tests/browser/huge-pages). */
function hugePage() {
  const paragraph =
    'Une phrase du très long document, répétée pour faire un grand corps de texte. ';
  const parts = ['<!doctype html><html lang="fr"><head><meta charset="utf-8">'];
  parts.push('<title>Énorme page</title></head><body><main id="all">');
  for (let i = 0; i < 250_000; i += 1) parts.push(`<p>${i} ${paragraph}</p>`);
  parts.push('</main></body></html>');
  return parts.join('');
}

/**
 * Serves `DIR/NAME/source.html` at `/page/NAME/` on 127.0.0.1 (any query string is ignored), and
 * the generated 20 MB page at `/huge/`.
 */
async function serveCorpus(dir) {
  let huge;
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const match = /^\/page\/([^/]+)\/$/.exec(pathname);
    if (pathname === '/huge/') {
      huge ??= hugePage();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(huge);
      return;
    }
    try {
      if (!match) throw new Error('not found');
      const body = await readFile(path.join(dir, decodeURIComponent(match[1]), 'source.html'));
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    huge: (round) => `http://127.0.0.1:${port}/huge/?round=${round}`,
    url: (name, round) =>
      `http://127.0.0.1:${port}/page/${encodeURIComponent(name)}/?round=${round}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The two reference extractors as scripts to evaluate in a page. Each is wrapped with its own
 * `module` so that a page's AMD loader or globals cannot catch it: Readability and Defuddle end
 * up in `window.__benchReadability` and `window.__benchDefuddle`.
 */
async function referenceLibraries() {
  const wrap = (code, global) =>
    `(function () { var module = { exports: {} }; var exports = module.exports; var define;\n${code}\n` +
    `;window.${global} = module.exports; })();`;
  const readability = await readFile(
    require.resolve('@mozilla/readability/Readability.js'),
    'utf8',
  );
  const defuddle = await readFile(require.resolve('defuddle'), 'utf8');
  return (
    wrap(readability, '__benchReadability') +
    wrap(defuddle, '__benchDefuddle') +
    // Defuddle's UMD bundle exports the class or a namespace holding it.
    'window.__benchDefuddle = window.__benchDefuddle.default || window.__benchDefuddle.Defuddle || window.__benchDefuddle;'
  );
}

/** Runs in a corpus page: selects its longest paragraph, as an editor would select a passage. */
function selectPassage() {
  let best = null;
  let bestLength = 0;
  for (const p of document.querySelectorAll('p, li, blockquote')) {
    const length = (p.textContent ?? '').trim().length;
    if (length > bestLength && length < 5000) {
      best = p;
      bestLength = length;
    }
  }
  const selection = window.getSelection();
  selection?.removeAllRanges();
  if (best) {
    const range = document.createRange();
    range.selectNodeContents(best);
    selection?.addRange(range);
  }
  return bestLength;
}

/**
 * Runs in a page: resolves once the browser has drawn it (two animation frames after the call).
 * An editor clips a page they see; on the 20 MB page the first style and layout pass after
 * `load` takes more than a second, and an injected script waits behind it. Timing the clip from
 * there would time the browser's first layout of the page, not the clip.
 */
function drawn() {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/**
 * Runs in a corpus page: one timed run of `what`. The capture script is evaluated from its
 * source each time, as `scripting.executeScript` does at every clip (its parse is included);
 * Readability clones the page first (it changes the document it reads, its README says to pass
 * a clone); Defuddle clones it itself.
 */
function timeExtractor([what, captureCode]) {
  const start = performance.now();
  let result;
  if (what === 'capture') result = (0, eval)(captureCode);
  else if (what === 'readability') {
    result = new window.__benchReadability(document.cloneNode(true)).parse();
  } else result = new window.__benchDefuddle(document).parse();
  const ms = performance.now() - start;
  // Keeps the work observable (and tells a broken run from a fast one). The capture script
  // answers with its PageCapture as JSON (entrypoints/capture.ts), read once the clock stopped;
  // builds from before 3a47b2a answered with the object itself, and can still be measured.
  const answer = what === 'capture' && typeof result === 'string' ? JSON.parse(result) : result;
  const ok = what === 'capture' ? Boolean(answer?.page?.url) : answer !== undefined;
  return { ms, ok };
}

/**
 * Runs in the bench extension page: one clip request or one floor request, timed from sending it
 * to the background's answer, which comes once the draft is committed to IndexedDB.
 * - `clip`: the popup's. As it opens, the popup asks for the page to be read (`prepareClip`); an
 *   editor's click comes a few hundred milliseconds later, once that read of a few milliseconds
 *   is done, so the read is awaited first, untimed. The click then sends the tab's id with its
 *   address and title, as the popup read them from `tabs.query`, and the read's token.
 * - `directClip`: the same request without an early read, as the context menu and the keyboard
 *   shortcut ask: the page is read after the request.
 * - `floor`, `captureFloor`, `leastFloor`: the floor, and the floor with the real capture script
 *   injected in place of the empty one, or a script that reads only the page's address and title.
 */
async function timeRequest([kind, { id: tabId, url, title }]) {
  let message;
  if (kind === 'clip' || kind === 'directClip') {
    const request = { tabId, tab: { url, title } };
    if (kind === 'clip') {
      request.prepared = crypto.randomUUID();
      const prepare = { tabId, tab: { url, title }, token: request.prepared };
      const ready = await chrome.runtime.sendMessage({
        indiscrets: 1,
        type: 'prepareClip',
        request: prepare,
      });
      if (!ready?.ok || !ready.value) throw new Error('clip: the early read failed');
    }
    message = { indiscrets: 1, type: 'clipTab', request };
  } else {
    message = {
      indiscretsBench: 'floor',
      tabId,
      script: { captureFloor: 'capture', leastFloor: 'least' }[kind] ?? 'empty',
    };
  }
  const start = performance.now();
  const reply = await chrome.runtime.sendMessage(message);
  const ms = performance.now() - start;
  if (!reply?.ok) throw new Error(`${kind}: ${reply?.error ?? 'no answer'}`);
  return { ms, status: reply.value?.status, limit: reply.value?.limit };
}

/** Runs in an extension page: the tab showing `url`, as `tabs.query` tells it to the popup. */
async function tabOf(url) {
  const tabs = await chrome.tabs.query({});
  const tab = tabs.find((candidate) => candidate.url === url);
  if (!tab) throw new Error(`No tab shows ${url}`);
  return { id: tab.id, url: tab.url, title: tab.title };
}

/**
 * Clip latency and in-page extraction over the corpus. For each page and round:
 * - a fresh load at a new URL (its first clip creates a draft; a page that declares its canonical
 *   address is found by it from its second round on, and those clips add their quote to that
 *   draft), its longest paragraph selected;
 * - the popup's clip (its early read awaited first) and a floor request, in alternating order;
 * - the page loaded again at another new address, the clip that reads the page at the request
 *   (the clip: menu, shortcut) and a floor request, in alternating order;
 * - the page loaded again at another new address, a floor and the floor with a script that reads
 *   only the page's address and title, in alternating order;
 * - the page loaded again at another new address, a second floor and the floor with the capture
 *   script, in alternating order too (after the clip, so that the clip's figures are taken as
 *   before; on a fresh page, as the clip's capture is the first in its page; the pair is compared
 *   with itself);
 * - on that page, the capture script, Readability and Defuddle in turn.
 */
async function benchCorpus({ context, bench, extensionDir, corpus, rounds, hugeRounds, log }) {
  const server = await serveCorpus(corpus.dir);
  const captureCode = await readFile(path.join(extensionDir, 'capture.js'), 'utf8');
  const libraries = await referenceLibraries();
  const clip = [];
  const floor = [];
  /** The pair timed after the clip: a floor, and the floor with the capture script. */
  const pairFloor = [];
  const captureFloor = [];
  /** The pair timed on a page of its own: a floor, and the floor reading the address and title. */
  const leastPairFloor = [];
  const leastFloor = [];
  /** The clip without an early read (context menu, shortcut), and the floor timed with it. */
  const directClip = [];
  const directFloor = [];
  const perPage = [];
  const huge = [];
  const hugeCapture = [];
  const problems = [];
  const article = await context.newPage();
  /** Loads a corpus page at a new address, selects its passage, and names its tab. */
  const loadAfresh = async (url) => {
    await article.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await article.evaluate(selectPassage);
    await article.evaluate(drawn);
    return bench.evaluate(tabOf, article.url());
  };
  try {
    // One round on the first page first, not counted: it wakes the service worker and warms up
    // both paths.
    const pages = [corpus.names[0], ...corpus.names];
    for (const [index, name] of pages.entries()) {
      const warmUp = index === 0;
      const page = {
        name,
        clip: [],
        floor: [],
        pairFloor: [],
        captureFloor: [],
        leastPairFloor: [],
        leastFloor: [],
        directClip: [],
        directFloor: [],
        capture: [],
        readability: [],
        defuddle: [],
      };
      for (let round = 0; round < (warmUp ? 1 : rounds); round++) {
        const tab = await loadAfresh(server.url(name, warmUp ? 'warm-up' : round));
        const order = round % 2 === 0 ? ['clip', 'floor'] : ['floor', 'clip'];
        for (const kind of order) {
          const { ms, limit } = await bench.evaluate(timeRequest, [kind, tab]);
          if (kind === 'clip' && limit) problems.push(`${name}: clipped with a limit (${limit})`);
          page[kind].push(ms);
        }
        /** `kind` and a floor (kept as `floorKey`), alternating, on the page loaded afresh. */
        const pairOnFreshPage = async (address, kind, floorKey) => {
          const fresh = await loadAfresh(server.url(name, `${round}-${address}`));
          for (const timed of round % 2 === 0 ? [kind, 'floor'] : ['floor', kind]) {
            const { ms } = await bench.evaluate(timeRequest, [timed, fresh]);
            page[timed === 'floor' ? floorKey : timed].push(ms);
          }
        };
        // The clip without an early read (menu, shortcut), on a page loaded afresh too (a new
        // address again).
        await pairOnFreshPage('direct', 'directClip', 'directFloor');
        // What reading a page at all costs: the floor with a script that reads the page's address
        // and title only.
        await pairOnFreshPage('least', 'leastFloor', 'leastPairFloor');
        // The floor with the capture script is timed on a page loaded afresh too: the first script
        // injected in a page runs slower than the next ones (about 1 ms more for the capture
        // script, the same page's second run being warm), and the clip's capture is the first.
        // Timed after the clip, on the page the clip already read, it told too little of the
        // clip's page part. The extractors run on that page next.
        await pairOnFreshPage('pair', 'captureFloor', 'pairFloor');
        await article.evaluate(libraries);
        for (const what of ['capture', 'readability', 'defuddle']) {
          const { ms, ok } = await article.evaluate(timeExtractor, [what, captureCode]);
          if (!ok) problems.push(`${name}: ${what} returned nothing`);
          page[what].push(ms);
        }
      }
      if (warmUp) continue;
      clip.push(...page.clip);
      floor.push(...page.floor);
      pairFloor.push(...page.pairFloor);
      captureFloor.push(...page.captureFloor);
      leastPairFloor.push(...page.leastPairFloor);
      leastFloor.push(...page.leastFloor);
      directClip.push(...page.directClip);
      directFloor.push(...page.directFloor);
      const median = (key) => stats(page[key]).p50;
      perPage.push({
        name,
        // The clip: the page read at the request, beside the floor timed with it.
        clip: median('directClip'),
        floor: median('directFloor'),
        popupClip: median('clip'),
        capture: median('capture'),
        readability: median('readability'),
        defuddle: median('defuddle'),
      });
      log(
        `  ${name}: clip ${median('directClip').toFixed(1)} ms, floor ${median('directFloor').toFixed(1)} ms, ` +
          `from the popup ${median('clip').toFixed(1)} ms, ` +
          `capture ${median('capture').toFixed(2)} ms, Readability ${median('readability').toFixed(1)} ms, ` +
          `Defuddle ${median('defuddle').toFixed(1)} ms`,
      );
    }
    // The 20 MB page, all of it selected: the clip must come back in under a second.
    log('  the generated 20 MB page (500,000 nodes), all selected…');
    for (let round = 0; round < hugeRounds; round++) {
      // A fresh tab each time: three 20 MB documents in a row in one tab can exhaust its memory.
      const tab = await context.newPage();
      try {
        await tab.goto(server.huge(round), { waitUntil: 'load', timeout: 300_000 });
        await tab.evaluate(() => {
          const range = document.createRange();
          range.selectNodeContents(document.body);
          window.getSelection()?.removeAllRanges();
          window.getSelection()?.addRange(range);
        });
        await tab.evaluate(drawn);
        const known = await bench.evaluate(tabOf, tab.url());
        // As the menu or the shortcut asks: nothing read ahead, the page is read in the time.
        const { ms, limit } = await bench.evaluate(timeRequest, ['directClip', known]);
        if (limit) problems.push(`huge page: clipped with a limit (${limit})`);
        huge.push(ms);
        // The in-page part alone, bounded by the capture's own budgets (capture/selection.ts).
        const capture = await tab.evaluate(timeExtractor, ['capture', captureCode]);
        if (!capture.ok) problems.push('huge page: capture returned nothing');
        hugeCapture.push(capture.ms);
      } finally {
        await tab.close();
      }
    }
    log(
      `  huge page: clip ${stats(huge).p50.toFixed(0)} ms, capture in the page ` +
        `${stats(hugeCapture).p50.toFixed(0)} ms (p50 of ${huge.length})`,
    );
  } finally {
    await article.close();
    await server.close();
  }
  return {
    clip,
    floor,
    pairFloor,
    captureFloor,
    leastPairFloor,
    leastFloor,
    directClip,
    directFloor,
    perPage,
    huge,
    hugeCapture,
    problems: [...new Set(problems)],
  };
}

/** Replaces the extension's data with the benchmark data set (bench/seed.ts). */
async function seedDatabase(bench, log) {
  const count = await bench.evaluate(() => globalThis.seedBench());
  log(`  seeded ${count} drafts`);
}

/**
 * The popup with 10,000 drafts: first render (navigation to the first draft on screen, from the
 * page's own clock) and a search keystroke (input event to the first match on screen). In the
 * same runs, alternating which goes first, the popup's floor (`popup-floor.html`, test builds
 * only): one element drawn from one tiny module script, marked as the popup's first draft is,
 * which tells what of the popup's time any extension page takes on this machine.
 * Each timed opening navigates the tab from that trivial page (loaded untimed just before): a
 * popup opens in a view of its own with no previous document to unload, where navigating from
 * the previous popup would time its unloading too; a new tab (from `about:blank`) would time a
 * change of process that the popup, opened in the extension's process, does not make either.
 */
/**
 * A quoted phrase typed into the popup's search, as an editor types it: the phrase's words are in
 * every draft of the data set (bench/seed.ts: « …, selon nos informations. »), never in that
 * order, so each keystroke from its third word on looks through every draft for none. The search
 * emptied first (settled), then a key every 120 ms; the last key is timed from its input event
 * to the list settled for it: the rows gone at the key, then its first match or « no match »
 * shown (the earlier keys' searches may still be running: a queue counts).
 */
const PHRASE = '"nos informations selon';
const PHRASE_KEY_MS = 120;

async function typePhrase(popup) {
  return popup.evaluate(
    ({ text, every }) =>
      new Promise((resolve) => {
        const input = document.querySelector('[data-testid="search"]');
        const type = (value) => {
          input.value = value;
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        };
        const settled = () =>
          !!document.querySelector('[data-testid="draft"], [data-testid="drafts-empty"]');
        type('');
        let typed = 0;
        const next = () => {
          typed += 1;
          if (typed < text.length) {
            type(text.slice(0, typed));
            setTimeout(next, every);
            return;
          }
          // The last key: timed until its own list is shown.
          let blank = !settled();
          const start = performance.now();
          new MutationObserver((_, observer) => {
            if (!settled()) blank = true;
            else if (blank) {
              observer.disconnect();
              resolve(performance.now() - start);
            }
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
          type(text);
        };
        setTimeout(next, 500);
      }),
    { text: PHRASE, every: PHRASE_KEY_MS },
  );
}

async function benchPopup({ context, base, runs }) {
  const firstRender = [];
  const floor = [];
  const keystroke = [];
  const phrase = [];
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  /** The first draft's time on `file`, opened from the trivial page. */
  const open = async (file) => {
    for (const page of ['popup-floor.html', file]) {
      await popup.goto(`${base}${page}`);
      await popup.waitForFunction(() => globalThis.__firstDraft !== undefined, null, {
        timeout: 60_000,
      });
    }
    return popup.evaluate(() => globalThis.__firstDraft);
  };
  try {
    for (let run = 0; run < runs; run++) {
      // The floor before the popup in odd runs, after it in even ones.
      if (run % 2 === 1) floor.push(await open('popup-floor.html'));
      firstRender.push(await open('popup.html'));
      // A keystroke on a settled popup (live list and total shown), as an editor types.
      await popup.waitForFunction(
        () => /\d/.test(document.querySelector('[data-testid="draft-total"]')?.textContent ?? ''),
        null,
        { timeout: 60_000 },
      );
      await popup.waitForTimeout(200);
      const query = run % 2 === 0 ? 'ovh' : 'bercy';
      keystroke.push(
        await popup.evaluate(
          (q) =>
            new Promise((resolve) => {
              const input = document.querySelector('[data-testid="search"]');
              const done = () =>
                (document.querySelector('[data-testid="draft"]')?.textContent ?? '')
                  .toLowerCase()
                  .includes(q);
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
      phrase.push(await typePhrase(popup));
      if (run % 2 === 0) floor.push(await open('popup-floor.html'));
    }
  } finally {
    await popup.close();
  }
  return { firstRender, floor, keystroke, phrase };
}

/** Where the desk keeps its first screen for its next opening (components/deskSnapshot.ts). */
const DESK_SNAPSHOT = 'indiscrets:desk-snapshot:1';

/**
 * The desk (desk.html, 1366×768) opening on a 100-item issue: navigation to the first
 * rows, the editor column and the inbox on screen. Each run opens it twice: with the first screen
 * an earlier desk kept (as an editor reopens it: `ready`), then with none (the first opening after
 * an install or a cleared browser: `cold`, its snapshot removed from the trivial page of the same
 * origin first). Each opening is left open until it has kept its first screen again: until
 * 8 December 2026 the next navigation came as soon as the desk was ready, and whether the snapshot
 * was written before it was a race (a run of 5 gave 245 to 302 ms, all cold; another 60 to 80 ms).
 * Then the whole issue must be reachable: its last item is drawn once the column is scrolled to
 * its end.
 */
async function benchDesk({ context, base, runs, items }) {
  const ready = [];
  const cold = [];
  const desk = await context.newPage();
  await desk.setViewportSize({ width: 1366, height: 768 });
  const open = async () => {
    await desk.goto(`${base}desk.html`);
    await desk.waitForFunction(() => globalThis.__deskReady !== undefined, null, {
      timeout: 60_000,
    });
    const time = await desk.evaluate(() => globalThis.__deskReady);
    await desk.waitForFunction((key) => localStorage.getItem(key) !== null, DESK_SNAPSHOT, {
      timeout: 60_000,
    });
    return time;
  };
  try {
    // An untimed opening first, so that the first timed one has a first screen kept.
    await open();
    for (let run = 0; run < runs; run++) {
      ready.push(await open());
      await desk.goto(`${base}popup-floor.html`);
      await desk.evaluate((key) => localStorage.removeItem(key), DESK_SNAPSHOT);
      cold.push(await open());
    }
    // The whole issue is there: scrolling the column to its end draws its last item (scrolled
    // again at each try, as the rows measured on the way change the list's height).
    const last = await desk.waitForFunction(
      (expected) => {
        const column = document.querySelector('.desk__issue');
        column?.scrollTo(0, column.scrollHeight);
        const rows = document.querySelectorAll('.desk__issue [data-testid="issue-item"]');
        return (
          rows.length >= expected ||
          Array.from(rows).some((row) => row.getAttribute('aria-posinset') === String(expected))
        );
      },
      items,
      { timeout: 60_000 },
    );
    await last.dispose();
  } finally {
    await desk.close();
  }
  return { ready, cold };
}

/**
 * Typing in « Votre version » while the desk (1366×768) shows a conflict over an item's text of
 * 1,000 words (`seedConflictDraft`, test builds only): the desk's writes fail (IndexedDB
 * refuses them, as on a full disk) while another view changes the text, as in
 * tests/browser/two-views.test.ts, and the desk shows both versions compared. Then words are
 * typed at its end as an editor types them, a key every 120 ms and a pause of a second after
 * each word, in which the comparison catches up (the notice that it is updating gone, checked).
 * Each keystroke's latency runs from the key's event time (its `timeStamp`: a key waiting for
 * the page's main thread counts) to the first task after the next frame.
 */
async function benchConflictTyping({ context, base, bench, words = 8 }) {
  const { id } = await bench.evaluate(() => globalThis.seedConflictDraft());
  const desk = await context.newPage();
  await desk.setViewportSize({ width: 1366, height: 768 });
  try {
    await desk.goto(`${base}desk.html`);
    await desk.locator('.desk__issue .issue-item__title').first().click();
    const text = desk.getByRole('textbox', { name: 'Texte de l’indiscret' });
    await text.waitFor({ timeout: 60_000 });
    await text.click();
    await desk.keyboard.press('Control+End');
    await desk.evaluate(() => {
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.put = full;
      IDBObjectStore.prototype.add = full;
      IDBCursor.prototype.update = full;
    });
    await desk.keyboard.type(' Ajout', { delay: 50 });
    await desk.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="save-state"]')
          ?.textContent?.startsWith('Plus de place'),
      null,
      { timeout: 60_000 },
    );
    await bench.evaluate((draft) => globalThis.editElsewhere(draft), id);
    await desk.waitForSelector('[data-testid="conflict-theirs"]', { timeout: 60_000 });
    await desk.evaluate(() => {
      globalThis.__keys = [];
      document.addEventListener(
        'keydown',
        (event) => {
          const start = event.timeStamp;
          requestAnimationFrame(() =>
            setTimeout(() => globalThis.__keys.push(performance.now() - start)),
          );
        },
        true,
      );
    });
    for (let word = 0; word < words; word++) {
      await desk.keyboard.type(` suite${word}`, { delay: 120 });
      await desk.waitForTimeout(1000);
      await desk.waitForFunction(
        () => !document.querySelector('[data-testid="conflict-updating"]'),
        null,
        { timeout: 60_000 },
      );
    }
    // The comparison shown is the text as typed.
    const mine = await desk.getByTestId('conflict-mine').last().textContent();
    if (!mine?.includes(`suite${words - 1}`)) {
      throw new Error('« Votre version » does not show the words typed');
    }
    return { keystroke: await desk.evaluate(() => globalThis.__keys) };
  } finally {
    await desk.close();
  }
}

/** Runs every Chromium benchmark in one browser; `log` prints progress. */
export async function benchChromium({
  extensionDir,
  corpus,
  rounds,
  runs,
  deskItems,
  parts = ['corpus', 'conflict', 'pages'],
  log,
}) {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'indiscrets-bench-'));
  const executablePath = findChromium({ log });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    locale: 'fr-FR',
    // The reference extractors are evaluated in corpus pages whatever their own policy says.
    bypassCSP: true,
    args: [...extensionArgs(extensionDir), '--lang=fr-FR'],
  });
  try {
    // Nothing leaves the machine: whatever a corpus page asks of another host is refused.
    await context.route(/^https?:\/\//, (route) => {
      const { hostname } = new URL(route.request().url());
      return hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}/`;
    const bench = await context.newPage();
    await bench.goto(`${base}bench.html`);
    await bench.waitForFunction(() => typeof globalThis.seedBench === 'function');
    const version =
      context.browser()?.version() ?? (await bench.evaluate(() => navigator.userAgent));

    let corpusResults;
    if (parts.includes('corpus')) {
      log(`Clips and extractors over ${corpus.names.length} pages (${rounds} rounds each)…`);
      corpusResults = await benchCorpus({
        context,
        bench,
        extensionDir,
        corpus,
        rounds,
        hugeRounds: 3,
        log,
      });
    }

    // `--only=clips` stops here: the popup and the desk need the seeded data set.
    if (!parts.includes('pages') && !parts.includes('conflict')) {
      return { version, executablePath, corpus: corpusResults };
    }

    log('Seeding 10,000 drafts and a 100-item issue…');
    await seedDatabase(bench, log);
    let conflict;
    if (parts.includes('conflict')) {
      log('Typing with a conflict shown over a 1,000-word text…');
      try {
        conflict = await benchConflictTyping({ context, base, bench });
      } catch (error) {
        conflict = { error: error instanceof Error ? error.message : String(error) };
      }
      // The data set back as seeded, and nothing the closed desk left unsaved in the journal.
      await bench.evaluate(() => {
        for (const key of Object.keys(localStorage)) {
          if (key.startsWith('indiscrets:journal:')) localStorage.removeItem(key);
        }
      });
      await seedDatabase(bench, log);
    }
    if (!parts.includes('pages')) return { version, executablePath, conflict };
    // Marks, from each page's own clock (0 = navigation), the first draft on screen (popup) and
    // the moment the desk is usable: its issue's items filling the issue column's visible part
    // (a long issue only draws the rows near it), the editor column and the inbox's first draft.
    await context.addInitScript((expected) => {
      const deskReady = () => {
        const column = document.querySelector('.desk__issue');
        const rows = column?.querySelectorAll('[data-testid="issue-item"]') ?? [];
        if (!column || rows.length === 0) return false;
        if (!document.querySelector('.desk__editor > *')) return false;
        if (!document.querySelector('[data-testid="draft"]')) return false;
        if (rows.length >= expected) return true;
        // Fewer rows than items: the drawn ones must reach the column's visible bottom.
        const last = rows[rows.length - 1].getBoundingClientRect();
        return last.bottom >= Math.min(column.getBoundingClientRect().bottom, innerHeight);
      };
      new MutationObserver((_, observer) => {
        const isDesk = location.pathname.endsWith('/desk.html');
        if (!isDesk && document.querySelector('[data-testid="draft"]')) {
          globalThis.__firstDraft = performance.now();
          observer.disconnect();
        }
        if (isDesk && deskReady()) {
          globalThis.__deskReady = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    }, deskItems);
    log(`Popup with 10,000 drafts (${runs} runs)…`);
    const popup = await benchPopup({ context, base, runs });
    log(`Desk with a ${deskItems}-item issue (${runs} runs)…`);
    let desk;
    try {
      desk = await benchDesk({ context, base, runs, items: deskItems });
    } catch (error) {
      desk = { error: error instanceof Error ? error.message : String(error) };
    }
    return { version, executablePath, corpus: corpusResults, popup, desk, conflict };
  } finally {
    await context.close();
    // Chromium may still be writing its profile as it exits.
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
  }
}
