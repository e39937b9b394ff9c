// The shared desk at scale (issue 13), in `npm run bench` (`--only=sync` runs it alone): a real
// WordPress with the companion plugin (scripts/wordpress, started and stopped here), a newsroom
// of 20 users, 200 issues and 10,000 drafts seeded in seconds by bench/sync-seed.php, and the
// real extension (the test build) in headless Chromium as one editor's desk. Every request the
// desk makes goes through a counting proxy on 127.0.0.1, so requests and bytes are what crossed
// the wire (status line, headers and body, uncompressed as `php -S` sends them), whatever code
// made them.
//
// Measured:
// - the first sync of an empty desk: time from « turn on » to done, requests, bytes;
// - idle polls (the desk's 30 s poll when nothing changed): requests and bytes each, and an hour
//   of them (120 polls) computed from that;
// - one draft changed by another editor, seen by the desk's next poll: requests and bytes;
// - 20 users polling at once (the desk's own poll requests replayed with each user's password):
//   how long WordPress takes per poll.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { extensionArgs, findChromium } from '../scripts/chromium.mjs';
import { startWordPress, wpEval } from '../scripts/wordpress/server.mjs';
import { stats } from './chromium.mjs';

export const SYNC_DRAFTS = 10_000;
export const SYNC_ISSUES = 200;
/** Polls in an hour: the desk polls every 30 s while it is open. */
const POLLS_PER_HOUR = 120;
const SEED = path.join(import.meta.dirname, 'sync-seed.php');

/**
 * A reverse proxy to WordPress that counts what goes through it: requests, bytes up (request
 * line, headers, body) and down (status line, headers, body), and the routes asked.
 */
async function countingProxy(target) {
  const to = new URL(target);
  const counts = { requests: 0, up: 0, down: 0, body: 0, routes: [] };
  const reset = () => Object.assign(counts, { requests: 0, up: 0, down: 0, body: 0, routes: [] });
  const headerBytes = (first, raw) => {
    let size = Buffer.byteLength(`${first}\r\n`);
    for (let i = 0; i < raw.length; i += 2)
      size += Buffer.byteLength(`${raw[i]}: ${raw[i + 1]}\r\n`);
    return size + 2;
  };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      counts.requests += 1;
      counts.up += headerBytes(`${req.method} ${req.url} HTTP/1.1`, req.rawHeaders) + body.length;
      counts.routes.push(`${req.method} ${req.url}`);
      const headers = { ...req.headers, host: to.host };
      const upstream = httpRequest(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers },
        (answer) => {
          const parts = [];
          answer.on('data', (chunk) => parts.push(chunk));
          answer.on('end', () => {
            const data = Buffer.concat(parts);
            counts.down +=
              headerBytes(
                `HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}`,
                answer.rawHeaders,
              ) + data.length;
            counts.body += data.length;
            const out = { ...answer.headers };
            delete out['transfer-encoding'];
            out['content-length'] = String(data.length);
            res.writeHead(answer.statusCode ?? 502, out);
            res.end(data);
          });
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      upstream.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    counts,
    reset,
    /** What went through since the last reset. */
    take() {
      const taken = { ...counts, routes: [...counts.routes] };
      reset();
      return taken;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs in the bench page: one message of the extension's protocol to the background. */
async function send([type, request]) {
  const reply = await chrome.runtime.sendMessage({ indiscrets: 1, type, request });
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no answer'}`);
  return reply.value;
}

/** Runs in the bench page: the number of records in an IndexedDB store of the extension. */
async function countStore(store) {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('indiscrets');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const count = db.transaction(store).objectStore(store).count();
      count.onsuccess = () => resolve(count.result);
      count.onerror = () => reject(count.error);
    });
  } finally {
    db.close();
  }
}

/** Runs in the bench page: one record of an IndexedDB store of the extension. */
async function readRecord([store, key]) {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('indiscrets');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const get = db.transaction(store).objectStore(store).get(key);
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    });
  } finally {
    db.close();
  }
}

/** Calls WordPress directly (not through the proxy) as one of the newsroom. */
async function restAs(site, who, method, route, body) {
  const auth = Buffer.from(`${who.user}:${who.appPassword}`).toString('base64');
  const [route0 = '', query] = route.split('?');
  const response = await fetch(`${site.url}/?rest_route=${route0}${query ? `&${query}` : ''}`, {
    method,
    headers: {
      Authorization: `Basic ${auth}`,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/**
 * Replays the requests of one poll (`routes`, as the desk sent them) as each of `users` at
 * once, `rounds` times: each user's poll time (its requests one after the other, as the desk
 * does), and the wall time of each burst.
 */
async function concurrentPolls(site, users, routes, rounds) {
  const pollTimes = [];
  const bursts = [];
  const poll = async (who) => {
    const auth = Buffer.from(`${who.user}:${who.appPassword}`).toString('base64');
    const start = performance.now();
    for (const route of routes) {
      const [method, url] = route.split(' ');
      const response = await fetch(`${site.url}${url}`, {
        method,
        headers: { Authorization: `Basic ${auth}` },
      });
      await response.arrayBuffer();
      if (response.status !== 200)
        throw new Error(`${who.user}: ${url} answered ${response.status}`);
    }
    return performance.now() - start;
  };
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    pollTimes.push(...(await Promise.all(users.map(poll))));
    bursts.push(performance.now() - start);
  }
  return { pollTimes, bursts };
}

/**
 * The whole sync bench. `extensionDir` is the test build (it may reach 127.0.0.1). Returns the
 * raw figures (see syncResults for what is judged).
 */
export async function benchSync({ extensionDir, log }) {
  const wpLog = (line) => log(`  [wordpress] ${line}`);
  log('Starting WordPress with the companion plugin…');
  const site = await startWordPress({ log: wpLog });
  const problems = [];
  let context;
  let userDataDir;
  let proxy;
  try {
    log(`Seeding ${SYNC_DRAFTS.toLocaleString('en')} drafts, ${SYNC_ISSUES} issues, 20 users…`);
    let started = performance.now();
    const out = await wpEval(
      site.wpDir,
      `define('INDISCRETS_BENCH_DRAFTS', ${SYNC_DRAFTS}); define('INDISCRETS_BENCH_ISSUES', ${SYNC_ISSUES}); require ${JSON.stringify(SEED)};`,
    );
    const line = out.split('\n').find((l) => l.startsWith('INDISCRETS_BENCH:'));
    if (!line) throw new Error(`sync-seed.php printed no result:\n${out.slice(0, 2000)}`);
    const seeded = JSON.parse(line.slice('INDISCRETS_BENCH:'.length));
    const seedMs = performance.now() - started;
    log(
      `  ${seeded.drafts} drafts, ${seeded.issues} issues, ${seeded.metaRows} meta rows, ` +
        `${seeded.users.length} users in ${(seedMs / 1000).toFixed(1)} s`,
    );
    const [me, other] = seeded.users.filter((user) => user.role === 'editor');

    proxy = await countingProxy(site.url);
    userDataDir = await mkdtemp(path.join(tmpdir(), 'indiscrets-bench-sync-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: findChromium({ log }),
      headless: true,
      locale: 'fr-FR',
      args: [...extensionArgs(extensionDir), '--lang=fr-FR'],
    });
    await context.route(/^https?:\/\//, (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
    );
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const base = `chrome-extension://${new URL(worker.url()).host}/`;
    const bench = await context.newPage();
    await bench.goto(`${base}bench.html`);
    await bench.evaluate(
      async ({ url, who }) => {
        await chrome.storage.local.set({
          wordpress: { siteUrl: url, username: who.user, category: 'Indiscrets', status: 'draft' },
          wordpressPassword: who.appPassword,
        });
      },
      { url: proxy.url, who: me },
    );

    // 1. First sync of an empty desk.
    log(`First sync of an empty desk (${me.user}, Editor)…`);
    proxy.reset();
    started = performance.now();
    let status = await bench.evaluate(send, ['syncEnable', undefined]);
    const progress = [];
    let lastLog = started;
    const deadline = Date.now() + 30 * 60_000;
    while (status.phase !== 'idle' || !(status.firstSyncDone || status.lastError)) {
      if (Date.now() > deadline) throw new Error('the first sync did not end in 30 minutes');
      await bench.waitForTimeout(250);
      status = await bench.evaluate(send, ['syncStatus', undefined]);
      if (status.progress) {
        progress.push(status.progress);
        const { step, done, total } = status.progress;
        if (performance.now() - lastLog > 15_000) {
          lastLog = performance.now();
          log(`  ${((lastLog - started) / 1000).toFixed(0)} s: ${step} ${done} of ${total}`);
        }
      }
    }
    const firstMs = performance.now() - started;
    const first = proxy.take();
    if (status.lastError)
      throw new Error(`the first sync failed: ${JSON.stringify(status.lastError)}`);
    const [drafts, issues] = [
      await bench.evaluate(countStore, 'clips'),
      await bench.evaluate(countStore, 'issues'),
    ];
    if (drafts !== SYNC_DRAFTS || issues !== SYNC_ISSUES) {
      problems.push(`first sync: ${drafts} drafts and ${issues} issues on the desk`);
    }
    const pagesShown = new Set(progress.map((p) => `${p.step}:${p.done}`)).size;
    log(
      `  ${(firstMs / 1000).toFixed(1)} s, ${first.requests} requests, ` +
        `${(first.down / 2 ** 20).toFixed(1)} MB down; ${drafts} drafts, ${issues} issues; ` +
        `${pagesShown} progress steps seen`,
    );

    // 2. Idle polls: nothing changed on the server.
    log('Idle polls…');
    const idle = [];
    for (let i = 0; i < 5; i++) {
      proxy.reset();
      status = await bench.evaluate(send, ['syncNow', { reason: 'poll' }]);
      if (status.lastError) problems.push(`idle poll: ${JSON.stringify(status.lastError)}`);
      idle.push(proxy.take());
    }
    const idleRoutes = idle.at(-1).routes;
    const idleRequests = Math.max(...idle.map((p) => p.requests));
    const idleBytes = stats(idle.map((p) => p.up + p.down)).p50;
    log(`  ${idleRequests} request(s), ${idleBytes} bytes per poll: ${idleRoutes.join(' | ')}`);

    // 3. Another editor changes one draft; the desk's next poll brings it.
    log(`One draft changed by ${other.user}, then the desk polls…`);
    const id = `bench-draft-${String(SYNC_DRAFTS - 1).padStart(5, '0')}`;
    const [record] = (
      await restAs(
        site,
        other,
        'GET',
        `/indiscrets/v1/drafts?client_id=${id}&context=edit&_fields=id,version`,
      )
    ).json;
    const title = `Titre changé par ${other.user} à ${new Date().toISOString()}`;
    const update = await restAs(site, other, 'POST', `/indiscrets/v1/drafts/${record.id}`, {
      base_version: record.version,
      title,
    });
    if (update.status !== 200) throw new Error(`the remote change answered ${update.status}`);
    proxy.reset();
    status = await bench.evaluate(send, ['syncNow', { reason: 'poll' }]);
    const change = proxy.take();
    const local = await bench.evaluate(readRecord, ['clips', id]);
    if (local?.title !== title) problems.push('one remote change: the desk did not get it');
    log(`  ${change.requests} request(s), ${change.up + change.down} bytes`);

    // 4. 20 users polling at once, with the desk's own poll requests.
    log('20 users polling at once (5 bursts)…');
    const single = await concurrentPolls(site, [me], idleRoutes, 5);
    const crowd = await concurrentPolls(site, seeded.users, idleRoutes, 5);
    log(
      `  one user alone: ${stats(single.pollTimes).p50.toFixed(0)} ms per poll; 20 at once: ` +
        `p50 ${stats(crowd.pollTimes).p50.toFixed(0)} ms, p90 ${stats(crowd.pollTimes).p90.toFixed(0)} ms, ` +
        `burst ${stats(crowd.bursts).p50.toFixed(0)} ms`,
    );

    return {
      wpVersion: site.wpVersion,
      seed: {
        drafts: seeded.drafts,
        issues: seeded.issues,
        users: seeded.users.length,
        ms: seedMs,
      },
      first: {
        ms: firstMs,
        requests: first.requests,
        up: first.up,
        down: first.down,
        drafts,
        issues,
        progressSteps: pagesShown,
      },
      idle: idle.map(({ requests, up, down, body }) => ({ requests, up, down, body })),
      idleRoutes,
      change: { requests: change.requests, up: change.up, down: change.down, body: change.body },
      single: single.pollTimes,
      crowd,
      problems,
    };
  } finally {
    await context?.close().catch(() => undefined);
    if (userDataDir) {
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
    }
    await proxy?.close();
    await site.stop();
  }
}

const KB = 1024;

/** The figures of the sync bench beside the issue's targets, in report.mjs's result form. */
export function syncResults(sync) {
  const row = (name, value, unit, target, how) => ({
    group: 'Shared desk',
    name,
    value,
    unit,
    target,
    pass: target === undefined ? undefined : value <= target,
    how,
  });
  const proxy = 'Chromium, the extension, counted at a proxy (headers + body, both ways)';
  const idleRequests = Math.max(...sync.idle.map((p) => p.requests));
  const idleBytes = stats(sync.idle.map((p) => p.up + p.down)).p50;
  const seeded = `${sync.first.drafts.toLocaleString('en')} drafts, ${sync.first.issues} issues`;
  return [
    row(`First sync of an empty desk, ${seeded}`, sync.first.ms / 1000, 's', undefined, proxy),
    row('First sync: requests', sync.first.requests, 'requests', undefined, proxy),
    row('First sync: bytes', (sync.first.up + sync.first.down) / KB / KB, 'MB', undefined, proxy),
    row('One remote change seen by a desk: requests', sync.change.requests, 'requests', 2, proxy),
    row(
      'One remote change seen by a desk: bytes',
      (sync.change.up + sync.change.down) / KB,
      'KB',
      5,
      proxy,
    ),
    row('Poll with no change: requests', idleRequests, 'requests', 1, proxy),
    // Small: its body is the empty envelope (89 bytes); the rest is HTTP headers both ways.
    row('Poll with no change: bytes, p50', idleBytes / KB, 'KB', 2, proxy),
    row(
      'Desk idle for an hour (120 polls): requests',
      idleRequests * POLLS_PER_HOUR,
      'requests',
      undefined,
      'measured poll × 120',
    ),
    row(
      'Desk idle for an hour (120 polls): bytes',
      (idleBytes * POLLS_PER_HOUR) / KB,
      'KB',
      undefined,
      'measured poll × 120',
    ),
    row(
      'Poll answered, one user alone, p50',
      stats(sync.single).p50,
      'ms',
      undefined,
      'WordPress php -S, 4 workers',
    ),
    row(
      'Poll answered, 20 users at once, p50',
      stats(sync.crowd.pollTimes).p50,
      'ms',
      undefined,
      `WordPress php -S, 4 workers, ${sync.crowd.bursts.length} bursts`,
    ),
    row(
      'Poll answered, 20 users at once, p90',
      stats(sync.crowd.pollTimes).p90,
      'ms',
      undefined,
      `WordPress php -S, 4 workers, ${sync.crowd.bursts.length} bursts`,
    ),
    row(
      'Server time per poll, 20 users at once',
      stats(sync.crowd.bursts).p50 / 20,
      'ms',
      undefined,
      'burst wall time ÷ 20',
    ),
  ];
}

/** The shared desk's section of docs/benchmarks.md. */
export function syncMarkdown(sync) {
  return `## Shared desk at scale

\`bench/sync-scale.mjs\` (\`npm run bench -- --only=sync\` runs it alone) starts a throw-away WordPress ${sync.wpVersion}
with the companion plugin (MariaDB, \`php -S\` with 4 workers, on this machine), seeds it with \`bench/sync-seed.php\`
(${sync.seed.drafts.toLocaleString('en')} drafts, ${sync.seed.issues} issues, ${sync.seed.users} users — 5 Editors,
15 Contributors, each with an application password — by SQL inserts, in ${(sync.seed.ms / 1000).toFixed(1)} s), then
turns the shared desk on in the real extension (test build, headless Chromium) as one Editor. Every request of
the desk goes through a counting proxy: requests and bytes are what crossed the wire, headers included, both
ways, uncompressed (\`php -S\` does not gzip; a real host would send less).

- **First sync**: from « turn on » to the desk holding every record (${sync.first.progressSteps} progress steps
  seen by the UI's status); it pulls pages of 100 records with \`_fields\`, each page written in one IndexedDB
  transaction.
- **Poll with no change**: the desk's 30 s poll, five times, with nothing new on the server: it is one
  \`GET /indiscrets/v1/changes\` (both kinds, each from its cursor). An idle hour is 120 of them and nothing else.
- **One remote change**: another Editor retitles a draft through the REST API; the desk's next poll brings it
  (checked in the desk's IndexedDB).
- **20 users at once**: the desk's poll request replayed with each of the 20 users' passwords at the same time,
  five bursts: the time each poll took to be answered, and the burst's wall time ÷ 20.
`;
}
