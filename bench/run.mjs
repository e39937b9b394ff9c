// `npm run bench`: every speed and size figure of the extension in one run, each beside its
// target, and a pass/fail table at the end. Not a test: nothing here runs in `npm test`.
//
//   npm run bench                        all figures, corpus tests/fixtures/pages
//   npm run bench -- --corpus DIR        clips and extractors over DIR/NAME/source.html
//   npm run bench -- --rounds 5          rounds per corpus page (default 5)
//   npm run bench -- --runs 15           popup and desk openings (default 15)
//   npm run bench -- --no-build          reuse .output/test/chrome-mv3 as it is
//   npm run bench -- --write-docs        also write docs/benchmarks.md and docs/benchmarks.svg
//   npm run bench -- --docs-from .tmp/bench/results.json   rewrite them from a saved run
//   npm run bench -- --only=sync         only the shared desk at scale (bench/sync-scale.mjs);
//                                        with --write-docs, its figures replace those of the
//                                        last full run's .tmp/bench/results.json in the docs
//   npm run bench -- --only=pages        only the popup and the desk with the seeded data set
//                                        (figures printed, docs untouched)
//   npm run bench -- --only=clips        only the corpus: clips against their floor, the 20 MB
//                                        page, the extractors (figures printed, docs untouched)
//   npm run bench -- --only=conflict     only typing with a conflict shown over a 1,000-word
//                                        text in the desk (figures printed, docs untouched)
//   npm run bench -- --extension DIR     measure another build of the test extension (with
//                                        --no-build: before/after comparisons in one session)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from '../scripts/chromium.mjs';
import { benchChromium, stats } from './chromium.mjs';
import {
  conflictFigures,
  corpusFigures,
  evaluate,
  machine,
  markdown,
  popupFloorFigures,
  svgChart,
  table,
} from './report.mjs';
import { sizes } from './sizes.mjs';
import { benchSync, syncResults } from './sync-scale.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.tmp/bench');

const { values: options } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.join(ROOT, 'tests/fixtures/pages') },
    rounds: { type: 'string', default: '5' },
    runs: { type: 'string', default: '15' },
    'no-build': { type: 'boolean', default: false },
    'write-docs': { type: 'boolean', default: false },
    'docs-from': { type: 'string' },
    only: { type: 'string' },
    extension: { type: 'string' },
  },
});
if (options.only !== undefined && !['sync', 'pages', 'clips', 'conflict'].includes(options.only)) {
  throw new Error('--only takes: sync, pages, clips, conflict');
}
const EXTENSION_DIR = options.extension
  ? path.resolve(options.extension)
  : path.join(ROOT, '.output/test/chrome-mv3');
const rounds = Number(options.rounds);
const runs = Number(options.runs);
if (!(rounds >= 1) || !(runs >= 1)) throw new Error('--rounds and --runs take a number ≥ 1');

const log = (line) => console.log(line);

/** The corpus: every folder of DIR holding a source.html, sorted by name. */
function readCorpus(dir) {
  const absolute = path.resolve(dir);
  if (!existsSync(absolute)) throw new Error(`--corpus ${dir}: no such folder`);
  const names = readdirSync(absolute, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(path.join(absolute, entry.name, 'source.html')),
    )
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) throw new Error(`--corpus ${dir}: no NAME/source.html inside`);
  return { dir: absolute, names };
}

/** Runs a command in the project, its output shown; throws when it fails, unless `mayFail`. */
function run(command, args, { env = {}, mayFail = false } = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0 && !mayFail) throw new Error(`${command} ${args.join(' ')} failed`);
  return result.status === 0;
}

/** Writes docs/benchmarks.md and its chart from a run's results. */
async function writeDocs(results, context) {
  await writeFile(path.join(ROOT, 'docs/benchmarks.svg'), svgChart(results));
  await writeFile(path.join(ROOT, 'docs/benchmarks.md'), markdown(results, context));
  // The generated Markdown is formatted as `npm run check` wants it.
  run('npx', ['prettier', '--write', 'docs/benchmarks.md']);
  log('Wrote docs/benchmarks.md and docs/benchmarks.svg');
}

// `--docs-from FILE`: rewrites the docs from a run's results.json, measuring nothing.
if (options['docs-from']) {
  const saved = JSON.parse(await readFile(options['docs-from'], 'utf8'));
  const { results, ...context } = saved;
  await writeDocs(results, { ...context, startedAt: new Date(context.startedAt) });
  process.exit(0);
}

/** The shared desk at scale (a WordPress of its own, the test build in Chromium). */
async function runSync() {
  log('\n== Shared desk at scale (WordPress + the extension in Chromium)');
  try {
    const sync = await benchSync({ extensionDir: EXTENSION_DIR, log });
    return { sync, results: syncResults(sync), problems: sync.problems.map((p) => `sync: ${p}`) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`! the sync bench failed: ${message}`);
    return { sync: undefined, results: [], problems: [`sync: ${message}`] };
  }
}

/** Builds the test build unless --no-build, and checks it is one. */
function testBuild() {
  if (!options['no-build']) {
    log('\n== Test build (INDISCRETS_TEST_BUILD=1 wxt build)');
    run('npx', ['wxt', 'build'], { env: { INDISCRETS_TEST_BUILD: '1' } });
  }
  if (!existsSync(path.join(EXTENSION_DIR, 'bench.html'))) {
    throw new Error(`${EXTENSION_DIR} is not a test build: run without --no-build`);
  }
  // The popup's floor (bench/popup-floor/), in test builds since 2026-12-03.
  if (!existsSync(path.join(EXTENSION_DIR, 'popup-floor.html'))) {
    throw new Error(`${EXTENSION_DIR} has no popup-floor.html: build it again`);
  }
}

// `--only=sync`: the shared desk alone. Its figures are printed; with --write-docs they replace
// the shared desk's in the last full run's results, and the docs are written from those.
if (options.only === 'sync') {
  await mkdir(OUT, { recursive: true });
  testBuild();
  const own = await runSync();
  await writeFile(path.join(OUT, 'sync.json'), JSON.stringify(own, null, 2));
  log('\n== Results');
  log(table(own.results));
  for (const problem of own.problems) log(`! ${problem}`);
  const m = await machine({ executablePath: findChromium({ log }), version: 'Chromium' });
  log(
    `\nMachine: ${m.cpu}, ${m.cores} cores, ${m.ram}, ${m.os}; ${m.chromium}; Node ${m.node}. ` +
      `Load average (1 min) ${os.loadavg()[0].toFixed(2)}. Raw figures: ${path.relative(ROOT, OUT)}/sync.json`,
  );
  if (options['write-docs']) {
    const saved = path.join(OUT, 'results.json');
    if (!existsSync(saved)) throw new Error(`--only=sync --write-docs needs a full run's ${saved}`);
    const { results, ...context } = JSON.parse(await readFile(saved, 'utf8'));
    const merged = [...results.filter((r) => r.group !== 'Shared desk'), ...own.results];
    const next = {
      ...context,
      sync: own.sync,
      problems: [...context.problems.filter((p) => !p.startsWith('sync: ')), ...own.problems],
    };
    await writeFile(saved, JSON.stringify({ ...next, results: merged }, null, 2));
    await writeDocs(merged, { ...next, startedAt: new Date(next.startedAt) });
  }
  process.exit(0);
}

const corpus = readCorpus(options.corpus);
await mkdir(OUT, { recursive: true });

/**
 * `--only=pages` or `--only=clips`: one Chromium part alone, its figures printed with the load it
 * ran under and saved as `.tmp/bench/NAME.json`; the docs are left alone (quick before/after
 * comparisons). Exits once done.
 */
async function chromiumPartAlone(part, name, figuresOf) {
  testBuild();
  const loadStart = os.loadavg()[0];
  const chromium = await benchChromium({
    extensionDir: EXTENSION_DIR,
    corpus,
    rounds,
    runs,
    deskItems: 100,
    parts: [part],
    log,
  });
  const figures = figuresOf(chromium);
  await writeFile(path.join(OUT, `${name}.json`), JSON.stringify({ chromium, figures }, null, 2));
  log('\n== Results');
  log(table(figures));
  if (chromium.desk?.error) log(`! desk: ${chromium.desk.error}`);
  if (chromium.conflict?.error) log(`! conflict: ${chromium.conflict.error}`);
  for (const problem of chromium.corpus?.problems ?? []) log(`! ${problem}`);
  log(
    `\nLoad average (1 min) ${loadStart.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after, ` +
      `on ${os.cpus().length} cores. Raw figures: ${path.relative(ROOT, OUT)}/${name}.json`,
  );
  process.exit(0);
}

// The popup and the desk alone.
if (options.only === 'pages') {
  await chromiumPartAlone('pages', 'pages', (chromium) => {
    const how = (values) => {
      const { p90, min, n } = stats(values);
      return `p90 ${p90.toFixed(1)}, min ${min.toFixed(1)}, n ${n}`;
    };
    const figure = (name, values, target) => {
      const { p50 } = stats(values);
      return {
        group: 'Pages',
        name,
        value: p50,
        unit: 'ms',
        target,
        pass: target === undefined ? undefined : p50 <= target,
        how: how(values),
      };
    };
    return [
      figure('Popup first render, 10,000 drafts, p50', chromium.popup.firstRender, 100),
      ...popupFloorFigures(chromium.popup, how(chromium.popup.floor)),
      figure('Popup search keystroke, 10,000 drafts, p50', chromium.popup.keystroke, 50),
      figure('Popup quoted phrase, last key, 10,000 drafts, p50', chromium.popup.phrase, 50),
      ...(chromium.desk.ready
        ? [
            figure('Desk with a 100-item issue, p50', chromium.desk.ready, 150),
            figure('Desk with a 100-item issue, first opening, p50', chromium.desk.cold),
          ]
        : []),
    ];
  });
}
// Typing with a conflict shown, alone.
if (options.only === 'conflict') {
  await chromiumPartAlone('conflict', 'conflict', conflictFigures);
}
// The corpus alone (clips and their floor, the 20 MB page, the extractors), with each page's
// medians.
if (options.only === 'clips') {
  await chromiumPartAlone('corpus', 'clips', (chromium) =>
    corpusFigures({ chromium, corpus, rounds }),
  );
}

const loadBefore = os.loadavg();
const startedAt = new Date();

// 1. The pure code in Node (Vitest bench): exports, storage queries, extraction in jsdom. Their
//    JSON report is read back for the table; a bench that failed is reported, the rest go on.
log('\n== Vitest benchmarks (Node, jsdom, fake-indexeddb)');
const vitestJson = path.join(OUT, 'vitest.json');
await rm(vitestJson, { force: true });
const vitestPassed = run('npx', ['vitest', 'bench', '--run', '--outputJson', vitestJson], {
  mayFail: true,
});
const vitest = existsSync(vitestJson) ? JSON.parse(await readFile(vitestJson, 'utf8')) : {};

// 2. The test build: the extension with the 127.0.0.1 host permission and the bench page.
testBuild();

// 3. Sizes, read from the built files.
const size = await sizes(EXTENSION_DIR);

// 4. The real extension in Chromium.
log('\n== Chromium (test build)');
const chromium = await benchChromium({
  extensionDir: EXTENSION_DIR,
  corpus,
  rounds,
  runs,
  deskItems: 100,
  log,
});

// 5. The shared desk at scale.
const own = await runSync();

const loadAfter = os.loadavg();
const results = [...evaluate({ vitest, size, chromium, corpus, rounds, runs }), ...own.results];
const context = {
  startedAt,
  machine: await machine(chromium),
  load: { before: loadBefore, after: loadAfter },
  corpus: { dir: path.relative(ROOT, corpus.dir) || '.', pages: corpus.names.length, rounds, runs },
  problems: [
    ...(vitestPassed ? [] : ['a Vitest benchmark failed (see its output above)']),
    ...chromium.corpus.problems,
    ...(chromium.desk.error ? [`desk: ${chromium.desk.error}`] : []),
    ...(chromium.conflict?.error ? [`conflict: ${chromium.conflict.error}`] : []),
    ...own.problems,
  ],
  perPage: chromium.corpus.perPage,
  sync: own.sync,
};
await writeFile(path.join(OUT, 'results.json'), JSON.stringify({ ...context, results }, null, 2));

log('\n== Results');
log(table(results));
for (const problem of context.problems) log(`! ${problem}`);
log(
  `\nLoad average (1 min) ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after, ` +
    `on ${os.cpus().length} cores. Raw figures: ${path.relative(ROOT, OUT)}/results.json`,
);

if (options['write-docs']) await writeDocs(results, context);
