/**
 * The site's own posts in the link form (« voir notre article »), from the built extension (test
 * build) in real Chromium against the real WordPress of the suite's global setup: the background
 * asks WordPress, the popup's link form offers the posts under « Articles du site », arrows and
 * Enter pick one, the stored text holds the link; with the site unreachable, the last list stays
 * usable and one quiet line says why. Build first: INDISCRETS_TEST_BUILD=1 npx wxt build.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../storage/db';
import { deriveFields } from '../../storage/derive';
import type { SitePostsCache } from '../../storage/site-posts';
import {
  launchExtension,
  openPopup,
  screenshotPath,
  squash,
  selectWordsIn,
  until,
  type ExtensionSession,
} from '../browser/harness';
import { closedPortUrl, rest, site } from './helpers';

const DRAFT_ID = 'draft-bercy';
const SOURCE_URL = 'https://www.lemonde.fr/economie/bercy';

const draft = (): Draft => {
  const fields: Omit<Draft, 'words' | 'wordPairs' | 'sourceUrls'> = {
    id: DRAFT_ID,
    url: SOURCE_URL,
    title: 'Bercy serre la vis',
    siteName: 'Le Monde',
    body: '<p>Bercy serre la vis, voir notre article.</p>',
    sortKey: 'V',
    quotes: [],
    provenance: {},
    createdAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:00:00.000Z',
    sources: [{ url: SOURCE_URL, title: 'Bercy serre la vis', siteName: 'Le Monde' }],
    note: '',
    tags: [],
    status: 'draft',
    // In the inbox: no issue yet.
    issueId: '',
  };
  // The table hooks compute these in the extension; the record is written here without Dexie.
  return { ...fields, ...deriveFields(fields) };
};

/** Runs in an extension page: puts the draft in the extension's IndexedDB, or reads it back. */
function idb(page: Page, put?: Draft): Promise<Draft | undefined> {
  return page.evaluate(
    async ({ put, id }) => {
      // Opened without a version, a database Dexie has not created yet would be made empty.
      const ready = async () =>
        (await indexedDB.databases()).some((d) => d.name === 'indiscrets' && d.version! >= 20);
      for (let tries = 0; !(await ready()); tries += 1) {
        if (tries > 200) throw new Error('The extension never created its database');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('indiscrets');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const tx = db.transaction(['clips'], put ? 'readwrite' : 'readonly');
        const request = put ? tx.objectStore('clips').put(put) : tx.objectStore('clips').get(id);
        return await new Promise<Draft | undefined>((resolve, reject) => {
          tx.oncomplete = () => resolve(put ? undefined : (request.result as Draft));
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { put, id: DRAFT_ID },
  );
}

/** `chrome.storage.local` from an extension page. */
interface LocalArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
const local = (page: Page, items?: Record<string, unknown>) =>
  page.evaluate(async (items) => {
    const area = (globalThis as unknown as { chrome: { storage: { local: LocalArea } } }).chrome
      .storage.local;
    if (items) await area.set(items);
    return area.get(null);
  }, items);

describe('the site’s own posts in the link form, from the built extension', () => {
  let session: ExtensionSession;
  const posts: { id: number; link: string }[] = [];

  /** Publishes a post `minutesAgo` minutes ago, as the administrator. */
  async function publish(title: string, minutesAgo: number) {
    const date = new Date(Date.now() - minutesAgo * 60_000).toISOString().slice(0, 19);
    const answer = await rest('POST', '/wp/v2/posts', {
      title,
      content: '<p>Texte.</p>',
      status: 'publish',
      date_gmt: date,
    });
    expect(answer.status).toBe(201);
    const post = answer.json as { id: number; link: string };
    posts.push(post);
    return post;
  }

  /** Opens the draft in the popup, selects `words` and opens the link form with Ctrl+K. */
  async function linkForm(words: string) {
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: 'Bercy serre la vis', exact: true }).click();
    const area = popup.getByTestId('item-text');
    await area.waitFor();
    await area.evaluate(selectWordsIn, [words, false] as [string, boolean]);
    await popup.keyboard.press('Control+K');
    return { popup, area };
  }

  /** Presses ↓ until the option holding `title` is the active one, then Enter. */
  async function pickWithArrows(popup: Page, title: string) {
    const options = popup.getByTestId('link-options').getByRole('option');
    const texts = await options.allTextContents();
    const index = texts.findIndex((text) => text.includes(title));
    expect(index).toBeGreaterThan(0);
    for (let i = 0; i < index; i += 1) await popup.keyboard.press('ArrowDown');
    expect(await options.nth(index).getAttribute('aria-selected')).toBe('true');
    await popup.keyboard.press('Enter');
  }

  /** The stored text of the draft once saved. */
  async function storedBody(popup: Page, wanted: string) {
    return until(
      async () => (await idb(popup))?.body ?? '',
      (body) => body.includes(wanted),
      `the stored text to hold ${wanted}`,
    );
  }

  beforeAll(async () => {
    await publish('L’Élysée recrute « un communicant »', 3);
    await publish('Bercy & les comptes publics', 2);
    session = await launchExtension();
    session.context.setDefaultTimeout(30_000);
    const popup = await openPopup(session);
    await idb(popup, draft());
    // WordPress set up as the options page leaves it (the test build holds 127.0.0.1 already).
    await local(popup, {
      wordpress: {
        siteUrl: site().url,
        username: site().adminUser,
        category: 'Indiscrets',
        status: 'draft',
      },
      wordpressPassword: site().appPassword,
    });
    await popup.close();
  });

  afterAll(async () => {
    await session?.close();
    for (const post of posts) await rest('DELETE', `/wp/v2/posts/${post.id}?force=true`);
  });

  it('offers the site’s recent posts under their heading; arrows and Enter link the words', async () => {
    const { popup, area } = await linkForm('notre article');

    const group = popup.getByTestId('link-group-site');
    await group.getByRole('option').filter({ hasText: 'Bercy & les comptes publics' }).waitFor();
    expect(squash(await group.textContent())).toContain('Articles du site');
    expect(squash(await group.textContent())).toMatch(/L’Élysée recrute «\s?un communicant\s?»/);
    // The draft's source comes first, under « Sources », and is the one picked by Enter alone.
    const first = popup.getByTestId('link-options').getByRole('option').first();
    expect(squash(await first.textContent())).toContain(SOURCE_URL);
    expect(squash(await popup.getByTestId('link-group-draft').textContent())).toContain('Sources');
    await popup.screenshot({ path: screenshotPath('link-picker-site.png') });

    await pickWithArrows(popup, 'Bercy & les comptes publics');

    const link = posts[1]!.link;
    await expect(storedBody(popup, link)).resolves.toContain(`<a href="${link}">notre article</a>`);
    expect(await area.getByRole('link', { name: 'notre article' }).getAttribute('href')).toBe(link);
    // The background kept the list for the next opening (and offline).
    const cache = (await local(popup)).sitePosts as SitePostsCache;
    expect(cache.siteUrl).toBe(site().url);
    expect(cache.posts.map((post) => post.link)).toEqual(
      expect.arrayContaining(posts.map((post) => post.link)),
    );
    await popup.close();
  });

  it('keeps the last list usable and says why when WordPress cannot be reached', async () => {
    const probe = await openPopup(session);
    const cache = (await local(probe)).sitePosts as SitePostsCache;
    // The same site, now at an address where nothing answers (the list was received before).
    const gone = await closedPortUrl();
    const settings = (await local(probe)).wordpress as Record<string, string>;
    await local(probe, {
      wordpress: { ...settings, siteUrl: gone },
      sitePosts: { ...cache, siteUrl: gone },
    });
    await idb(probe, { ...draft(), body: '<p>Bercy serre la vis, voir notre enquête.</p>' });
    await probe.close();

    const { popup } = await linkForm('notre enquête');

    const note = popup.getByTestId('site-posts-note');
    await note.filter({ hasText: 'derniers articles connus' }).waitFor();
    expect(squash(await note.textContent())).toMatch(
      /^Le site ne répond pas : derniers articles connus, liste du .+\.$/,
    );
    await pickWithArrows(popup, 'L’Élysée recrute');

    const link = posts[0]!.link;
    await expect(storedBody(popup, link)).resolves.toContain(`<a href="${link}">notre enquête</a>`);
    await popup.close();
  });
});
