// Turns the raw figures of `npm run bench` into results beside their targets, a console table,
// an SVG chart and docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { stats } from './chromium.mjs';
import { syncMarkdown } from './sync-scale.mjs';

/**
 * One result: `value` in `unit`; with a `target`, it passes when value ≤ target. `group` sorts
 * the table, `how` says in a few words what was timed.
 */
const result = (group, name, value, unit, target, how) => ({
  group,
  name,
  value,
  unit,
  target,
  pass: target === undefined ? undefined : value <= target,
  how,
});

/** The median of Vitest bench `name` in group `groupName` (suffix match), in ms. */
function vitestMedian(vitest, groupName, name) {
  for (const file of vitest.files ?? []) {
    for (const group of file.groups ?? []) {
      if (!group.fullName.endsWith(groupName)) continue;
      const bench = group.benchmarks.find((candidate) => candidate.name === name);
      if (bench) return bench.median ?? bench.mean;
    }
  }
  return undefined;
}

const median = (values) => stats(values).p50;

/** The figures of the corpus part: clip against its floor, the 20 MB page, in-page extraction. */
export function corpusFigures({ chromium, corpus, rounds }) {
  const results = [];
  const {
    clip,
    floor,
    pairFloor = [],
    captureFloor = [],
    leastPairFloor = [],
    leastFloor = [],
    directClip = [],
    directFloor = [],
    perPage,
  } = chromium.corpus;

  const pages = `${corpus.names.length} pages × ${rounds}`;

  /** A clip figure, and its p50 divided by the p50 of the floor timed beside it. */
  const againstFloor = (name, values, floors, ratio, target, how) => [
    result('Clip', name, median(values), 'ms', undefined, `Chromium, ${pages}`),
    result('Clip', ratio, median(values) / median(floors), '×', target, how),
  ];

  // The issue's clip: the page read after the request, against the floor timed with it. It is
  // how the context menu and the shortcut clip (and the popup, when its early read is not used).
  if (directClip.length > 0 && directFloor.length > 0) {
    results.push(
      ...againstFloor(
        'Clip request → draft committed, page read at the request, p50',
        directClip,
        directFloor,
        'Clip ÷ floor at p50',
        1.25,
        'same pairs',
      ),
    );
  }
  results.push(
    result(
      'Clip',
      'Floor: empty script + one put, p50',
      median(floor),
      'ms',
      undefined,
      `Chromium, ${pages}`,
    ),
    // The popup's clip: the page was read as the popup opened; the click only stores it.
    ...againstFloor(
      'Clip from the popup, page read as it opened, p50',
      clip,
      floor,
      'Clip from the popup ÷ floor at p50',
      undefined,
      'same run',
    ),
  );
  // How much of the clip's budget the page's part alone takes: the floor with the real capture
  // script injected in place of the empty one, against a floor timed in the same pairs.
  if (captureFloor.length > 0 && pairFloor.length > 0) {
    results.push(
      ...againstFloor(
        'Floor with the capture script in place of the empty one, p50',
        captureFloor,
        pairFloor,
        'Floor with the capture script ÷ floor at p50',
        undefined,
        'same pairs',
      ),
    );
  }
  // What no capture can avoid: a script that reads only the page's address and title, answered
  // as the capture script answers, against a floor timed in the same pairs.
  if (leastFloor.length > 0 && leastPairFloor.length > 0) {
    results.push(
      ...againstFloor(
        'Floor with a script reading only the address and title, p50',
        leastFloor,
        leastPairFloor,
        'Floor reading only the address and title ÷ floor at p50',
        undefined,
        'same pairs',
      ),
    );
  }
  if (chromium.corpus.huge?.length) {
    results.push(
      result(
        'Clip',
        '20 MB page, 500,000 nodes, all selected: clip, p50',
        median(chromium.corpus.huge),
        'ms',
        1000,
        `Chromium, ${chromium.corpus.huge.length} runs`,
      ),
    );
  }
  if (chromium.corpus.hugeCapture?.length) {
    results.push(
      result(
        'Clip',
        '20 MB page: capture script in the page, p50',
        median(chromium.corpus.hugeCapture),
        'ms',
        undefined,
        `Chromium, ${chromium.corpus.hugeCapture.length} runs`,
      ),
    );
  }

  // In-page extraction, same pages, same loads.
  const captureToReadability = median(perPage.map((page) => page.capture / page.readability));
  const captureToDefuddle = median(perPage.map((page) => page.capture / page.defuddle));
  results.push(
    result(
      'Capture',
      'Capture script in the page, p50 of pages',
      median(perPage.map((p) => p.capture)),
      'ms',
      undefined,
      'Chromium, parse + run',
    ),
    result(
      'Capture',
      'Readability 0.6 clone + parse, p50 of pages',
      median(perPage.map((p) => p.readability)),
      'ms',
      undefined,
      'Chromium',
    ),
    result(
      'Capture',
      'Defuddle parse, p50 of pages',
      median(perPage.map((p) => p.defuddle)),
      'ms',
      undefined,
      'Chromium',
    ),
    result(
      'Capture',
      'Capture ÷ Readability, p50 of pages',
      captureToReadability,
      '×',
      0.2,
      'per-page ratio',
    ),
    result(
      'Capture',
      'Capture ÷ Defuddle, p50 of pages',
      captureToDefuddle,
      '×',
      undefined,
      'per-page ratio',
    ),
  );
  return results;
}

/**
 * The popup's floor, timed in the same runs as its first render (bench/chromium.mjs, `benchPopup`),
 * and the first render's p50 divided by the floor's: what of the popup's time is ours. No target:
 * the issue's is the first render's own. `how` says how the floor was timed.
 */
export function popupFloorFigures(popup, how) {
  if (!(popup.floor?.length > 0)) return [];
  return [
    result(
      'Pages',
      'Popup floor: one element, one tiny module, p50',
      median(popup.floor),
      'ms',
      undefined,
      how,
    ),
    result(
      'Pages',
      'Popup first render ÷ floor at p50',
      median(popup.firstRender) / median(popup.floor),
      '×',
      undefined,
      'same runs, alternated',
    ),
  ];
}

/**
 * Typing with a conflict shown over a 1,000-word text (bench/chromium.mjs
 * `benchConflictTyping`): its keystrokes' latency, p50 against the popup search keystroke's
 * target, and p90 and the slowest, which a comparison made on the typing path would show.
 */
export function conflictFigures(chromium) {
  const name = 'Keystroke with a conflict shown, 1,000-word text';
  const { keystroke, error } = chromium.conflict ?? { error: 'not run' };
  if (!keystroke) return [result('Pages', `${name}, p50`, Number.NaN, 'ms', 50, error)];
  const { p50, p90, n } = stats(keystroke);
  const max = Math.max(...keystroke);
  const how = `Chromium 1366×768, ${n} keys`;
  return [
    result('Pages', `${name}, p50`, p50, 'ms', 50, how),
    result('Pages', `${name}, p90`, p90, 'ms', 100, how),
    result('Pages', `${name}, slowest`, max, 'ms', undefined, how),
  ];
}

/** Every figure of the run with its target. */
export function evaluate({ vitest, size, chromium, corpus, rounds, runs }) {
  const results = corpusFigures({ chromium, corpus, rounds });

  // The extension's pages with a newsroom's data.
  results.push(
    result(
      'Pages',
      'Popup first render, 10,000 drafts, p50',
      median(chromium.popup.firstRender),
      'ms',
      100,
      `Chromium, ${runs} runs`,
    ),
    ...popupFloorFigures(chromium.popup, `Chromium, ${runs} runs`),
    result(
      'Pages',
      'Popup search keystroke, 10,000 drafts, p50',
      median(chromium.popup.keystroke),
      'ms',
      50,
      `Chromium, ${runs} runs`,
    ),
    result(
      'Pages',
      'Popup quoted phrase, last key, 10,000 drafts, p50',
      median(chromium.popup.phrase),
      'ms',
      50,
      `Chromium, ${runs} runs, a key every 120 ms`,
    ),
  );
  results.push(...conflictFigures(chromium));
  if (chromium.desk.ready) {
    results.push(
      result(
        'Pages',
        'Desk with a 100-item issue, p50',
        median(chromium.desk.ready),
        'ms',
        150,
        `Chromium 1366×768, ${runs} runs`,
      ),
    );
    if (chromium.desk.cold?.length > 0) {
      results.push(
        result(
          'Pages',
          'Desk with a 100-item issue, first opening, p50',
          median(chromium.desk.cold),
          'ms',
          undefined,
          `Chromium 1366×768, ${runs} runs, no first screen kept`,
        ),
      );
    }
  } else {
    results.push(
      result(
        'Pages',
        'Desk with a 100-item issue, p50',
        Number.NaN,
        'ms',
        150,
        chromium.desk.error,
      ),
    );
  }

  // Exports of a 100-item issue (Vitest bench, Node).
  for (const format of ['wordpress', 'html', 'markdown', 'text', 'json']) {
    const value = vitestMedian(vitest, 'export a 100-item issue', format);
    if (value !== undefined) {
      results.push(
        result('Export', `Export ${format}, 100 items, median`, value, 'ms', 10, 'Node'),
      );
    }
  }
  const clipboard = vitestMedian(vitest, 'export a 100-item issue', 'clipboard (html + text)');
  if (clipboard !== undefined) {
    results.push(
      result(
        'Export',
        'Copy (HTML + text), 100 items, median',
        clipboard,
        'ms',
        20,
        'Node, 2 exports',
      ),
    );
  }

  // The same exports once the desk's preview has prepared the items (informative: the target is
  // held by the first export above).
  const prepared = 'export a 100-item issue, items already prepared';
  const warm = vitestMedian(vitest, prepared, 'html');
  if (warm !== undefined) {
    results.push(
      result(
        'Export',
        'Export html, items already prepared, median',
        warm,
        'ms',
        undefined,
        'Node',
      ),
    );
  }
  const edited = vitestMedian(vitest, prepared, 'after editing one item (html)');
  if (edited !== undefined) {
    results.push(
      result(
        'Export',
        'Export html after editing one item, median',
        edited,
        'ms',
        undefined,
        'Node',
      ),
    );
  }

  // Storage queries and jsdom figures: the code alone, without the browser (informative).
  const storage = 'storage with 10,000 drafts and 200 issues';
  const inbox = vitestMedian(vitest, storage, 'searchDrafts({ box: "inbox" }), first page');
  const ovh = vitestMedian(vitest, storage, 'searchDrafts({ text: "ovh" })');
  if (inbox !== undefined)
    results.push(
      result('Storage', 'Inbox first page query, median', inbox, 'ms', 100, 'Node, fake-indexeddb'),
    );
  if (ovh !== undefined)
    results.push(
      result('Storage', 'Text search query, median', ovh, 'ms', 50, 'Node, fake-indexeddb'),
    );
  const metadata = (vitest.files ?? [])
    .flatMap((file) => file.groups ?? [])
    .find((group) => group.fullName.endsWith('capture'))?.benchmarks[0];
  if (metadata) {
    results.push(
      result(
        'Storage',
        `${metadata.name}, median`,
        metadata.median ?? metadata.mean,
        'ms',
        undefined,
        'Node, jsdom',
      ),
    );
  }

  // Sizes, from the built files.
  const kb = (bytes) => bytes / 1024;
  results.push(
    result('Size', 'Popup JavaScript before first paint', kb(size.popup), 'KB gz', 45, 'gzip -9'),
    result('Size', 'Injected capture script', kb(size.capture), 'KB gz', 8, 'gzip -9'),
    result(
      'Size',
      'Desk JavaScript before first paint',
      kb(size.desk),
      'KB gz',
      undefined,
      'gzip -9',
    ),
    result(
      'Size',
      'Options JavaScript before first paint',
      kb(size.options),
      'KB gz',
      undefined,
      'gzip -9',
    ),
    result('Size', 'Background script', kb(size.background), 'KB gz', undefined, 'gzip -9'),
  );
  return results;
}

/** A figure as shown: 3 significant digits at most, unit attached. */
export function format(value, unit) {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = value >= 100 || Number.isInteger(value) ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

const verdict = (r) => (r.pass === undefined ? '—' : r.pass ? 'pass' : 'FAIL');

/** The console table, passes and failures last. */
export function table(results) {
  const rows = results.map((r) => [
    r.name,
    format(r.value, r.unit),
    r.target === undefined ? '' : `≤ ${format(r.target, r.unit)}`,
    verdict(r),
  ]);
  const header = ['Figure', 'Measured', 'Target', 'Result'];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i].length)),
  );
  const line = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  const judged = results.filter((r) => r.pass !== undefined);
  const passed = judged.filter((r) => r.pass).length;
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    `${passed} of ${judged.length} targets met.`,
  ].join('\n');
}

/** What the figures were measured on. */
export async function machine(chromium) {
  const cpus = os.cpus();
  let system = `${os.type()} ${os.release()}`;
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1];
    if (pretty) system = `${pretty} (${os.type()} ${os.release()})`;
  } catch {
    // Not Linux: the kernel's name and release are enough.
  }
  let browser = chromium.version;
  try {
    browser = execFileSync(chromium.executablePath, ['--version'], {
      encoding: 'utf8',
      // Debian's wrapper script complains on stderr about the machine's memory: not ours to show.
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // The version the browser reported over the protocol is kept.
  }
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ram: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: system,
    chromium: browser,
    node: process.version,
  };
}

const escapeXml = (text) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * A horizontal bar chart of every figure that has a target, as a share of its target: a bar
 * that ends left of the 100 % line meets it. Bars beyond 300 % are cut and say so.
 */
export function svgChart(results) {
  const judged = results.filter((r) => r.target !== undefined && Number.isFinite(r.value));
  const labelWidth = 330;
  const plotWidth = 360;
  const row = 24;
  const top = 40;
  const max = 3;
  const height = top + judged.length * row + 30;
  const x = (share) => labelWidth + (Math.min(share, max) / max) * plotWidth;
  const bars = judged.map((r, i) => {
    const share = r.value / r.target;
    const y = top + i * row;
    const color = share <= 1 ? '#2e7d32' : '#c62828';
    const text = `${format(r.value, r.unit)} / ${format(r.target, r.unit)}${share > max ? ' ▸' : ''}`;
    return [
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${escapeXml(r.name)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${(x(share) - labelWidth).toFixed(1)}" height="${row - 8}" fill="${color}"/>`,
      `<text x="${(x(share) + 6).toFixed(1)}" y="${y + 15}">${escapeXml(text)}</text>`,
    ].join('\n  ');
  });
  const ticks = [0, 1, 2, 3].map(
    (share) =>
      `<line x1="${x(share)}" y1="${top - 4}" x2="${x(share)}" y2="${height - 26}" stroke="${share === 1 ? '#000' : '#ccc'}"${share === 1 ? ' stroke-dasharray="4 3"' : ''}/>\n  ` +
      `<text x="${x(share)}" y="${height - 10}" text-anchor="middle">${share * 100} %</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + plotWidth + 190}" height="${height}" font-family="sans-serif" font-size="12">
  <rect width="100%" height="100%" fill="#fff"/>
  <text x="8" y="20" font-size="14" font-weight="bold">Each figure as a share of its target (left of the dashed line: met)</text>
  ${ticks.join('\n  ')}
  ${bars.join('\n  ')}
</svg>
`;
}

/** docs/benchmarks.md: how the figures were made, the machine, the table and the chart. */
export function markdown(results, context) {
  const { machine: m, load, corpus } = context;
  const cell = (text) => String(text).replace(/\|/g, '\\|');
  const rows = results.map(
    (r) =>
      `| ${cell(r.name)} | ${format(r.value, r.unit)} | ${r.target === undefined ? '' : `≤ ${format(r.target, r.unit)}`} | ${verdict(r)} | ${cell(r.how ?? '')} |`,
  );
  const judged = results.filter((r) => r.pass !== undefined);
  const passed = judged.filter((r) => r.pass).length;
  const perPage = context.perPage.map(
    (p) =>
      `| ${cell(p.name)} | ${p.clip.toFixed(1)} | ${p.floor.toFixed(1)} | ${p.popupClip?.toFixed(1) ?? '—'} | ${p.capture.toFixed(2)} | ${p.readability.toFixed(1)} | ${p.defuddle.toFixed(1)} |`,
  );
  return `# Benchmarks

Generated by \`npm run bench -- --write-docs\` on ${context.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.
Run \`npm run bench\` to measure on your machine (see [How to run](#how-to-run)); the figures that depend on the
machine's speed are judged as ratios measured in the same run where the issue asks for it.

**${passed} of ${judged.length} targets met.**

![Each figure as a share of its target](benchmarks.svg)

| Figure | Measured | Target | Result | How |
| ------ | -------- | ------ | ------ | --- |
${rows.join('\n')}

## Machine

| | |
| - | - |
| CPU | ${cell(m.cpu)} |
| Cores | ${m.cores} |
| RAM | ${m.ram} |
| OS | ${cell(m.os)} |
| Chromium | ${cell(m.chromium)} (headless) |
| Node | ${m.node} |
| Load average (1 min) | ${load.before[0].toFixed(2)} at the start, ${load.after[0].toFixed(2)} at the end |
| Corpus | \`${corpus.dir}\`: ${corpus.pages} pages, ${corpus.rounds} rounds each; popup and desk ${corpus.runs} openings |

A load average above the number of cores means other work shared the machine during the run: absolute times
are then longer than on an idle machine, the ratios less so.${
    load.before[0] > m.cores
      ? ` **This run was made on a shared machine, ${(load.before[0] / m.cores).toFixed(0)} runnable tasks per core` +
        ' at the start: read the absolute times as an upper bound, several times what an idle machine gives.**'
      : ''
  }
${context.problems.length > 0 ? `\nProblems seen during the run:\n\n${context.problems.map((p) => `- ${p}`).join('\n')}\n` : ''}
## What is measured

- **Clip request → draft committed, page read at the request**: the test build of the extension in headless
  Chromium, corpus pages served on 127.0.0.1. For each page and round the page is loaded at a new address, its
  longest paragraph selected, then the bench page (\`bench.html\`, test builds only) sends the \`clipTab\` message
  (the tab's id, address and title) and times it until the background answers, which it does once the draft is
  committed to IndexedDB. The background reads the page after the request, as for the context menu and the
  keyboard shortcut. In the same round, alternating which goes first, a test-only message (\`bench/floor.ts\`,
  registered by test builds only) makes the background inject an empty script file into the same tab and write
  one record: the **floor**. The clip's p50 over every round of every page is divided by that floor's: the
  issue's target. The new address makes each page's first clip create a draft. A page that declares its canonical
  address (about half of the corpus) is found by it from its second round on: those clips add their quote to the
  draft of the first round, as clipping a page again does.
- **Clip from the popup, page read as it opened**: in each round, on another page loaded at a new address, what
  the popup does. As it opens, the popup asks the background to read the page (\`prepareClip\`: while the popup
  is open the page cannot change its selection); an editor's click comes a few hundred milliseconds later, after
  that read of a few milliseconds, so the bench waits for the read, untimed. Then it sends the popup's
  \`clipTab\` message with the read's token, timed as above, alternating with a floor. No target: the page is read
  before the request, so this is not the clip the floor is the trivial version of; it tells what the editor
  waits for after a click in the popup.
- **Floor with the capture script**: after the clips and their floors, the page loaded again at another new address
  (the first script injected in a page runs slower than the next ones, and a clip's capture is the first), then
  the floor once more and the floor injecting the real \`capture.js\` in place of the empty script (what it
  returns is dropped), in alternating order; the second's p50 is divided by the first's. It has no target: it tells how much of the
  clip's 1.25 × budget running the page's part of a clip takes by itself, before anything the background
  does with it.
- **Floor with a script reading only the address and title**: in each round, on another page loaded at a new
  address, the floor and the floor injecting a test-only script (\`bench-least.js\`) that reads the page's
  address and title and answers them as JSON, as \`capture.js\` answers, in alternating order; the second's p50
  is divided by the first's. No target: it tells the part of the clip's budget that reading a page at all
  takes (the script's first use of the page's objects in its world, an answer to carry back), which no capture
  can avoid.
${
  results.some((r) => r.name.startsWith('20 MB page'))
    ? '- **20 MB page**: a generated page of 250,000 paragraphs (about 500,000 nodes), all of it selected, ' +
      'clipped as above three times (a new address each time).\n'
    : ''
}- **Capture ÷ Readability, Defuddle**: in the same loaded page, the built \`capture.js\` is evaluated from its
  source (its parse included, as at every clip), \`@mozilla/readability\` clones and parses the document,
  \`defuddle\` parses it (it clones it itself). Both libraries are loaded beforehand, so their own parse is not
  counted. The ratio is computed per page from medians, then its median over the pages is taken.
- **Popup and desk**: the real pages of the test build with 10,000 drafts and 200 issues seeded (\`bench/seed.ts\`)
  plus a 100-item open issue. Times are read from the page's own clock, from navigation to: the first draft on
  screen (popup); the issue's first items filling its column (the list draws only the items near its visible
  part), the editor column and the inbox's first draft on screen (desk, 1366 × 768; the issue's last item must
  then be drawn once the column is scrolled to its end); and from a search input event to the first match on
  screen. The desk is opened twice a run: with the first screen an earlier desk kept (\`deskSnapshot.ts\`), as an
  editor reopens it (the target's figure), and with none, as the first opening after an install or a cleared
  browser (**first opening**, no target); each opening is left open until it has kept its first screen. Until
  8 December 2026 the next opening came as soon as the desk was ready, and whether the snapshot had been written
  by then was a race: a run of 5 gave 245 to 302 ms (none kept), another 60 to 80 ms; the 130 ms of the last full
  run (6 December) mixed both. Measured then with \`--only=pages\`, 5 runs: 86.3 ms reopened (77.7 to 94.2), 265 ms
  on a first opening (218 to 276: the editor column at about 180 ms, the issue's rows at about 300 ms in a run
  timed mark by mark). The **quoted phrase** \`"nos informations selon\` is then typed in the popup's emptied search, a key
  every 120 ms: its words are in every draft, never in that order; the last key is timed from its input event
  to its own list shown (the rows gone, then « no match »), the earlier keys' searches perhaps still running.
  Measured with \`--extension\` on 2 cores, 5 runs each: each key reading every draft again, the earlier keys'
  searches running on to their end, as until 85a4711, p50 1,379 ms; each key walking on from the last one's
  search, which it stops, 325 ms; the keys after a walk that read the whole box answered from its matches
  (6611573), 241 ms; since 2feb941 a phrase's drafts are found by an index of the pairs of words one after
  the other in a draft's texts (\`wordPairs\`, Dexie version 7), so that the drafts holding the words in
  another order are not read, and a phrase of two words is told by its pair alone: 251 ms still, each key's
  page counting every entry of its words' and pairs' ranges (up to four of 10,000 each); since 3587c36 a page
  asks each range only whether it holds fewer drafts than the crossover (its keys read up to it): **8.7 ms**
  (min 7.7, 5 runs, load 0.9 to 1.3; each key's page 4 to 8 ms in the popup).
  What is left: a phrase whose every pair is in many drafts while the phrase is in none (drafts saying
  « nos informations » and, elsewhere, « informations selon ») still walks the drafts' texts, as every phrase
  did before the pairs (the walk goes on from the last key's). The pairs cost at each write (Chromium, raw
  IndexedDB with the same indexes): a draft holding a 100 KB quote (some 13,000 pairs beside 4,000 words) takes
  13.6 ms of the page's thread where it took 5.2, and its write commits in 60 to 110 ms where it took 13 to 22; a
  draft of a few hundred words, 0.4 ms either way; 500 drafts written at once (a first sync, a restore, the
  upgrade to version 7) take about twice as long: 1.0 s where 0.6 s (300 words each), 4.3 s where 1.9 s
  (1,300 words each).
  The popup's **floor** (\`bench/popup-floor/\`, copied into test builds only) is an extension page that draws
  one element from one tiny module script, marked as the popup's first draft is: what any extension page takes on
  the machine (the browser's navigation, one file fetched and run). It is opened in the same runs as the popup,
  alternating which goes first; the popup's p50 is divided by the floor's. The ratio has no target: the issue's is
  the popup's own 100 ms. Each opening, popup or floor, navigates the tab from that trivial page, loaded untimed
  just before: a popup opens in a view of its own, with no previous document to unload. Navigating from the
  previous popup, as the bench did until 3 December 2026, also timed that popup's unloading; a new tab would time
  a change of process (from \`about:blank\`) that the popup, opened in the extension's process, does not make.
  Measured on 2026-12-03, the three ways alternated in one browser, 15 openings each, three runs on a loaded
  machine (load average 11 to 14 on 2 cores): popup p50 120–153 ms from the trivial page, 135–179 ms from the
  previous popup, 167–243 ms in a new tab; the floor 108–128, 86–127 and 126–173 ms.
- **Keystroke with a conflict shown**: the desk (1366 × 768) open on a draft of the seeded data set given an
  item's text of 1,000 words (\`seedConflictDraft\` on the bench page), its writes refused by IndexedDB (as on a full
  disk) while another view changes the same paragraph and one of the first (\`editElsewhere\`): the desk shows
  both versions compared, nearly the whole text compared word by word (the costliest comparison still made).
  Then eight words are typed at its end, a key every 120 ms and a pause of a second after each word, in which
  the comparison catches up (its « mise à jour » notice gone, checked; « Votre version » then shows the words
  typed). Each keystroke is timed from its event's time (a key waiting for the page counts) to the first task
  after the next frame. \`npm run bench -- --only=conflict\` runs it alone. Measured on 2026-12-03 with
  \`--extension\` (load average 11 to 18 on 2 cores): the comparison made again at every keystroke, as until this
  date, p50 197 ms, p90 546 ms, slowest 1,023 ms; made after the editor pauses (400 ms), p50 20.6 ms, p90
  32.4 ms, slowest 82 ms.
- **Exports, storage**: Vitest bench in Node (\`bench/*.bench.ts\`), medians.
- **Sizes**: the built test extension, gzip -9: the scripts a page loads before it can paint (its module scripts
  and their static imports), the injected capture script, the background.

## Per page

| Page | Clip (ms) | Floor (ms) | From the popup (ms) | Capture (ms) | Readability (ms) | Defuddle (ms) |
| ---- | --------- | ---------- | ------------------- | ------------ | ---------------- | ------------- |
${perPage.join('\n')}

${context.sync ? `${syncMarkdown(context.sync)}\n` : ''}## How to run

\`\`\`sh
npm ci
npm run bench                          # everything, corpus tests/fixtures/pages
npm run bench -- --corpus ~/my-pages   # any folder of NAME/source.html
npm run bench -- --write-docs          # also rewrite this page and its chart
npm run bench -- --only=sync           # only the shared desk at scale (WordPress + Chromium)
npm run bench -- --only=pages          # only the popup and the desk (printed, docs untouched)
npm run bench -- --only=clips          # only the corpus: clips, floor, extractors (printed, docs untouched)
\`\`\`

It needs Chromium (\`CHROMIUM_PATH\`, or Debian's \`/usr/bin/chromium\`, installed when missing and run as root).
It builds the test extension itself (\`--no-build\` reuses \`.output/test/chrome-mv3\`). \`--rounds N\` (default 5)
sets the rounds per corpus page, \`--runs N\` (default 15) the popup and desk openings. It is not a test: nothing
here runs in \`npm test\`, and a missed target does not fail the command.
`;
}
