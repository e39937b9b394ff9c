/**
 * Publishing from the built extension (test build) in real Chromium to the real WordPress of
 * the suite, with the background service worker stopped in the middle (CDP
 * `ServiceWorker.stopAllWorkers`, what Chrome does to an idle or misbehaving worker): at random
 * points of the publication, and once exactly between WordPress creating the post and the
 * extension recording it. Then the editor publishes again: never a second post, and the issue
 * ends up recorded with its one post.
 * Build first: INDISCRETS_TEST_BUILD=1 npx wxt build (npm run test:wordpress does it).
 */
import type { CDPSession, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft, Issue } from '../../storage/db';
import { deriveFields } from '../../storage/derive';
import { launchExtension, setCurrentIssue, type ExtensionSession } from '../browser/harness';
import { rest, site, sleep } from './helpers';

/** What one stored issue looks like once read back, with the fields this test checks. */
type StoredIssue = Pick<Issue, 'id' | 'wordpress' | 'publishing' | 'status'>;

/** Runs in an extension page: writes records into the extension's IndexedDB, without Dexie. */
function seed(page: Page, issue: Issue, draft: Draft) {
  return page.evaluate(
    async ({ issue, clip: draft }) => {
      // Opened without a version, a database Dexie has not created yet would be made empty.
      for (let tries = 0; ; tries += 1) {
        const dbs = await indexedDB.databases();
        if (dbs.some((d) => d.name === 'indiscrets' && d.version! >= 20)) break;
        if (tries > 200) throw new Error('The extension never created its database');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('indiscrets');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const tx = db.transaction(['issues', 'clips'], 'readwrite');
        tx.objectStore('issues').put(issue);
        tx.objectStore('clips').put(draft);
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { issue, clip: draft },
  );
}

/** Runs in an extension page: the issue as stored. */
function storedIssue(page: Page, id: string): Promise<StoredIssue | undefined> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('indiscrets');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const request = db.transaction('issues').objectStore('issues').get(id);
      return await new Promise<StoredIssue | undefined>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result as StoredIssue | undefined);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, id);
}

/** Every post of the site (any status but trash) whose title is `title`, as the admin sees it. */
async function postsTitled(title: string): Promise<Array<{ id: number; slug: string }>> {
  const found = await rest(
    'GET',
    `/wp/v2/posts?search=${encodeURIComponent(title)}&status=any&context=edit&per_page=100`,
  );
  expect(found.status).toBe(200);
  return (found.json as Array<{ id: number; slug: string; title: { raw: string } }>)
    .filter((post) => post.title.raw === title)
    .map(({ id, slug }) => ({ id, slug }));
}

const run = Date.now().toString(36);

function roundRecords(round: number): { issue: Issue; clip: Draft } {
  const at = '2021-03-10T09:00:00.000Z';
  const issue: Issue = {
    id: `issue-coupe-${run}-${round}`,
    title: `Les indiscrets coupés n° ${round} (${run})`,
    date: '2021-03-15',
    intro: 'Publication interrompue.',
    status: 'open',
    createdAt: at,
    updatedAt: at,
  };
  const fields: Omit<Draft, 'words' | 'wordPairs' | 'sourceUrls'> = {
    id: `item-coupe-${run}-${round}`,
    url: `https://www.lemonde.fr/politique/coupe-${round}`,
    title: 'Le ministre et Bercy',
    siteName: 'Le Monde',
    body: `<p>Le ministre quitte Bercy (tour ${round}).</p>`,
    quotes: [],
    provenance: {},
    createdAt: at,
    updatedAt: at,
    sources: [{ url: `https://www.lemonde.fr/politique/coupe-${round}`, title: 'Le ministre' }],
    note: '',
    tags: [],
    status: 'ready',
    issueId: issue.id,
    sortKey: 'V',
  };
  return { issue, clip: { ...fields, ...deriveFields(fields) } };
}

describe('publishing when the background is stopped mid-way, against a real WordPress', () => {
  let session: ExtensionSession;
  let popup: Page;
  /** An extension page that stays open: its CDP session drives the service workers. */
  let control: Page;
  let cdp: CDPSession;
  let workerStatus = 'running';
  /** How many times one of the extension's worker versions went to `stopped`. */
  let stops = 0;
  const versionStatus = new Map<string, string>();

  /** Stops the extension's service worker as Chrome does, and waits until it is stopped. */
  async function stopWorker() {
    if (workerStatus === 'stopped') return;
    // Count stop transitions rather than read the latest status: the popup may wake the worker
    // again within milliseconds of the stop, and a poll would miss the short `stopped` state.
    const before = stops;
    await cdp.send('ServiceWorker.stopAllWorkers');
    const until = Date.now() + 30_000;
    while (stops === before) {
      if (Date.now() > until) throw new Error(`The worker did not stop (${workerStatus})`);
      await sleep(20);
    }
  }

  async function openRound(round: number) {
    const { issue, clip: draft } = roundRecords(round);
    await seed(control, issue, draft);
    await setCurrentIssue(control, issue.id);
    await popup.reload();
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    return issue;
  }

  /** Clicks the publish button (create or update, whichever the popup offers). */
  async function clickPublish() {
    const button = popup.getByTestId('publish-button');
    await button.waitFor();
    await popup.waitForFunction(
      () => !document.querySelector<HTMLButtonElement>('[data-testid="publish-button"]')?.disabled,
      undefined,
      { timeout: 30_000 },
    );
    await button.click();
  }

  /** Waits until the popup shows the publication's outcome; returns its text. */
  async function outcome(): Promise<string> {
    const message = popup.getByTestId('publish-message').filter({ hasText: /\S/ });
    await message.waitFor({ timeout: 60_000 });
    return (await message.innerText()).trim();
  }

  /** Publishes again until the issue is recorded (each retry is a fresh, uncut attempt). */
  async function retryUntilRecorded(id: string): Promise<StoredIssue> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const issue = await storedIssue(control, id);
      if (issue?.wordpress) return issue;
      await popup.reload();
      await popup.getByRole('tab', { name: 'Numéro' }).click();
      await clickPublish();
      await expect(outcome()).resolves.toMatch(/Article (créé|mis à jour) dans WordPress/);
    }
    return (await storedIssue(control, id))!;
  }

  async function expectOnePostRecorded(round: number, where: string) {
    const { issue } = roundRecords(round);
    const stored = await retryUntilRecorded(issue.id);
    const posts = await postsTitled(issue.title);
    expect(posts, where).toHaveLength(1);
    expect(stored.wordpress?.postId, where).toBe(posts[0]!.id);
    expect(stored.status, where).toBe('published');
    expect(stored, where).not.toHaveProperty('publishing');
  }

  beforeAll(async () => {
    session = await launchExtension();
    // A worker stopped while it starts (the popup woke it, the test stops it at a random point)
    // has its pending extension calls refused by Chrome, « No SW », which it logs as it goes
    // (its reading of the language, say): the worker is gone, nothing of the publication with
    // it, and what this test checks is what the next worker and WordPress hold.
    session.expectErrors(/background\.js: Indiscrets [\w ]+ Error: No SW/);
    control = await session.openExtensionPage('options.html');
    cdp = await session.context.newCDPSession(control);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) {
        if (!version.scriptURL.startsWith(`chrome-extension://`)) continue;
        const previous = versionStatus.get(version.versionId);
        if (version.runningStatus === 'stopped' && previous !== 'stopped') stops += 1;
        versionStatus.set(version.versionId, version.runningStatus);
        workerStatus = version.runningStatus;
      }
    });
    await cdp.send('ServiceWorker.enable');
    await control.evaluate(
      async ({ url, user, password }) => {
        const api = (globalThis as unknown as { chrome: { storage: { local: StorageLike } } })
          .chrome;
        await api.storage.local.set({
          wordpress: { siteUrl: url, username: user, category: 'Indiscrets', status: 'draft' },
          wordpressPassword: password,
        });
      },
      { url: site().url, user: site().adminUser, password: site().appPassword },
    );
    popup = await session.context.newPage();
    await popup.setViewportSize({ width: 420, height: 720 });
    await session.openExtensionPage('popup.html', popup);
    await popup.getByRole('tab', { name: 'Numéro' }).waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('leaves one post when the worker stops between WordPress creating it and the issue recording it', async () => {
    const issue = await openRound(0);
    // The creation goes through to WordPress; its answer never reaches the worker.
    let created: number | undefined;
    const isCreation = (url: string) =>
      /\/wp\/v2\/posts(&|\?|$)/.test(decodeURIComponent(url)) && !/posts\/\d/.test(url);
    const cut = async (route: Route) => {
      if (route.request().method() !== 'POST' || !isCreation(route.request().url())) {
        return route.fallback();
      }
      const response = await route.fetch();
      created = ((await response.json()) as { id: number }).id;
      await stopWorker();
      await route.abort().catch(() => undefined);
    };
    await session.context.route(/^http:\/\/127\.0\.0\.1/, cut);
    try {
      await clickPublish();
      await expect(outcome()).resolves.toMatch(/n’a pas abouti/);
    } finally {
      await session.context.unroute(/^http:\/\/127\.0\.0\.1/, cut);
    }

    // The post exists, the issue does not know it: the state the duplicate came from.
    expect(created).toBeGreaterThan(0);
    const cutOff = await storedIssue(control, issue.id);
    expect(cutOff?.wordpress).toBeUndefined();
    expect(cutOff?.publishing?.slug).toMatch(/^les-indiscrets-coupes-n-0-/);
    expect(await postsTitled(issue.title)).toEqual([
      { id: created, slug: cutOff!.publishing!.slug },
    ]);

    await expectOnePostRecorded(0, 'stopped after the creation');
    expect((await storedIssue(control, issue.id))?.wordpress?.postId).toBe(created);
  });

  it('stops a publication on « Annuler », and the next one records the post WordPress made', async () => {
    const issue = await openRound(20);
    // WordPress creates the post, and its answer is held until the editor has cancelled.
    let created: number | undefined;
    let reached!: () => void;
    const atCreation = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const isCreation = (url: string) =>
      /\/wp\/v2\/posts(&|\?|$)/.test(decodeURIComponent(url)) && !/posts\/\d/.test(url);
    const hold = async (route: Route) => {
      if (route.request().method() !== 'POST' || !isCreation(route.request().url())) {
        return route.fallback();
      }
      const response = await route.fetch();
      created = ((await response.json()) as { id: number }).id;
      reached();
      await held;
      await route.abort().catch(() => undefined);
    };
    await session.context.route(/^http:\/\/127\.0\.0\.1/, hold);
    try {
      await clickPublish();
      await atCreation;
      await popup.getByTestId('publish').getByRole('button', { name: 'Annuler' }).click();
      await expect(outcome()).resolves.toMatch(/^Publication annulée/);
    } finally {
      release();
      await session.context.unroute(/^http:\/\/127\.0\.0\.1/, hold);
    }

    expect(created).toBeGreaterThan(0);
    expect((await storedIssue(control, issue.id))?.wordpress).toBeUndefined();
    await expectOnePostRecorded(20, 'cancelled after the creation');
    expect((await storedIssue(control, issue.id))?.wordpress?.postId).toBe(created);
  });

  it('never duplicates a post when the worker stops at random points of the publication', async () => {
    // How long an uncut publication takes here, to spread the stops over all of it.
    await openRound(1);
    const started = Date.now();
    await clickPublish();
    await expect(outcome()).resolves.toMatch(/Article créé dans WordPress/);
    const span = Math.max(300, Date.now() - started);
    await expectOnePostRecorded(1, 'uncut');

    const rounds = 10;
    const seen: string[] = [];
    for (let round = 2; round < 2 + rounds; round += 1) {
      const issue = await openRound(round);
      const delay = Math.round(Math.random() * span * 1.2);
      await clickPublish();
      await sleep(delay);
      await stopWorker();
      const shown = await outcome();
      const cutOff = await storedIssue(control, issue.id);
      const posts = await postsTitled(issue.title);
      // Where the stop fell, for the log: before the intent, before the post, before the record.
      const where = `round ${round}, stopped ${delay} ms after the click (of ${span} ms)`;
      seen.push(
        `${where}: ${posts.length} post(s), ${cutOff?.wordpress ? 'recorded' : 'not recorded'}` +
          `${cutOff?.publishing ? ', intent kept' : ''}; popup: ${shown.slice(0, 40)}`,
      );
      expect(posts.length, where).toBeLessThanOrEqual(1);
      await expectOnePostRecorded(round, where);
    }
    console.info(seen.join('\n'));
  });
});

interface StorageLike {
  set(items: Record<string, unknown>): Promise<void>;
}
