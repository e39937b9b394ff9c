/**
 * The shared desk's browsers, for the end-to-end suites against the real WordPress of the suite
 * (companion plugin active): who signs in (the same WordPress accounts in every suite), what a
 * browser holds (read from its IndexedDB in one of its pages), what the desk holds (the plugin's
 * REST API as one of the newsroom), and the waits on the sync's own state, never a fixed delay.
 * Chromium's desks (playwright-core) are here whole; Firefox's (puppeteer-core,
 * tests/firefox/shared-desk.test.ts) read and wait through the same functions.
 */
import type { Page } from 'playwright-core';
import { shownLabel } from '../../components/itemName';
import { DEFAULT_HOUSE_STYLE } from '../../storage/house-style';
import { launchExtension, squash, until, type ExtensionSession } from '../browser/harness';
import { restAs, site } from './helpers';

export { restAs };

/**
 * Run in a desk's page (`page.evaluate(seemHidden, true)`, Playwright or puppeteer): its document
 * says it is hidden (`true`), or as it is again (`false`). An open desk polls every 30 s only while
 * in view (components/useDeskSync.ts reads `document.visibilityState` at each tick), so a test
 * whose arrange must not be seen by a desk before it acts (a lock taken elsewhere, say) stops its
 * polls this way: a slow arrange (CI, a loaded machine) would otherwise cross one. No visibility
 * event is sent.
 */
export function seemHidden(hidden: boolean): void {
  if (hidden)
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => 'hidden',
    });
  else delete (document as { visibilityState?: unknown }).visibilityState;
}

export type Who = { user: string; name: string; appPassword: string };
export type Row = Record<string, unknown>;
export type StoredClip = Row & {
  id: string;
  title: string;
  body: string;
  url: string;
  siteName?: string;
  byline?: string;
  status?: string;
  quotes: Array<{ text: string }>;
  issueId?: string;
  sortKey?: string;
  deletedAt?: string;
  desk?: { remoteId: number; createdBy?: string; modifiedBy?: string; canEdit?: boolean };
};

/**
 * How the desk names a draft: by its title in the inbox, by its label once in an issue, as the list
 * writes it (typeset as the exports write it; spaces folded, as the names read from a page are).
 */
export const shownName = (clip: StoredClip) =>
  clip.issueId ? squash(shownLabel(clip, DEFAULT_HOUSE_STYLE)) : clip.title;

/** The newsroom's Editor `redac`, and the administrator, a second Editor. */
export function deskAccounts(): { editor: Who; admin: Who } {
  const wp = site();
  return {
    editor: wp.newsroom.editor,
    admin: { user: wp.adminUser, name: wp.adminUser, appPassword: wp.appPassword },
  };
}

/**
 * Runs in an extension page (Playwright's or puppeteer's `evaluate`): one store of the
 * extension's IndexedDB, or one record of it, read without Dexie.
 */
export async function readStoreInPage({ store, key }: { store: string; key?: string }) {
  const db = await new Promise<IDBDatabase | undefined>((resolve, reject) => {
    const request = indexedDB.open('indiscrets');
    // Not made by the extension yet: nothing stored. Aborted, so as not to make an empty one
    // (version 1, no table) in the extension's way.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () =>
      request.error?.name === 'AbortError' ? resolve(undefined) : reject(request.error);
  });
  if (!db) return key ? undefined : [];
  try {
    if (!db.objectStoreNames.contains(store)) return key ? undefined : [];
    const tx = db.transaction(store, 'readonly');
    const request = key ? tx.objectStore(store).get(key) : tx.objectStore(store).getAll();
    return await new Promise<unknown>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** Reads the extension's IndexedDB from one of its pages (Playwright). */
export function readStore<T>(page: Page, store: string, key?: string): Promise<T> {
  return page.evaluate(readStoreInPage, { store, key }) as Promise<T>;
}

/** One browser's store reader: `(store, key?) => records`, whichever driver reads them. */
export type StoreReader = <T>(store: string, key?: string) => Promise<T>;

/** Waits until the browser has pushed everything and no sync runs. */
export async function pushedEverything(read: StoreReader, who: string): Promise<void> {
  await until(
    async () => {
      const [state, outbox] = await Promise.all([
        read<Row | undefined>('syncState', 'desk'),
        read<Row[]>('outbox'),
      ]);
      // A string, so that a timeout says what was left.
      return JSON.stringify({ phase: state?.phase, error: state?.lastError, outbox });
    },
    (s) => {
      const { phase, outbox } = JSON.parse(s) as { phase?: string; outbox: Row[] };
      return phase === 'idle' && outbox.length === 0;
    },
    `${who}'s desk to push everything`,
  );
}

/** Presses « Synchroniser » with `press`, and waits for that run to finish. */
export async function syncedBy(
  read: StoreReader,
  press: () => Promise<void>,
  who: string,
): Promise<void> {
  const before = (await read<Row | undefined>('syncState', 'desk'))?.lastSyncAt;
  await press();
  await until(
    () => read<Row | undefined>('syncState', 'desk'),
    (state) => state?.phase === 'idle' && state.lastSyncAt !== before,
    `${who}'s sync to finish`,
  );
}

/** Every server record with this clientId, trashed ones included. */
export async function serverRecords(who: Who, kind: 'drafts' | 'issues', clientId: string) {
  const answer = await restAs(
    who,
    'GET',
    `/indiscrets/v1/${kind}?client_id=${encodeURIComponent(clientId)}&status=any,trash&context=edit&_fields=id,version,status,title.raw,content.raw,meta`,
  );
  if (answer.status !== 200) throw new Error(`The desk answered ${answer.status}`);
  return answer.json as Array<{
    id: number;
    version: number;
    status: string;
    title: { raw: string };
    content: { raw: string };
    meta: Row;
  }>;
}

/** Who holds WordPress's edit lock on the desk's draft `remoteId`, as the desk says. */
export async function lockOn(who: Who, remoteId: number) {
  const answer = await restAs(who, 'GET', `/indiscrets/v1/drafts/${remoteId}?_fields=lock`);
  return answer.json.lock as { user: { name: string } } | null;
}

/** A Chromium browser on the shared desk. */
export interface Desk {
  who: Who;
  session: ExtensionSession;
  /** desk.html, where the editor works. */
  page: Page;
}

/**
 * Launches Chromium with the test build for `who` (or takes `at.session`, launched seeded), saves
 * their WordPress account for the suite's site (or `at.siteUrl`) and turns the shared desk on
 * from the options page.
 */
export async function openDesk(
  who: Who,
  at: { siteUrl?: string; session?: ExtensionSession } = {},
): Promise<Desk> {
  const session = at.session ?? (await launchExtension());
  const options = await session.openExtensionPage('options.html');
  await options.evaluate(
    async ({ url, who }) => {
      type Local = { set(items: Record<string, unknown>): Promise<void> };
      const api = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome;
      await api.storage.local.set({
        wordpress: { siteUrl: url, username: who.user, category: 'Indiscrets', status: 'draft' },
        wordpressPassword: who.appPassword,
      });
    },
    { url: at.siteUrl ?? site().url, who },
  );
  const section = options.getByTestId('shared-desk');
  await section.getByTestId('desk-role').waitFor({ timeout: 30_000 });
  await section.getByRole('button', { name: 'Activer la rédaction partagée' }).click();
  await section
    .getByRole('button', { name: /^(Envoyer et activer|Activer)$/ })
    .click({ timeout: 30_000 });
  await section.getByTestId('sync-on').waitFor({ timeout: 60_000 });
  await options.close();
  const page = await session.openExtensionPage('desk.html');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('sync-bar').waitFor({ timeout: 30_000 });
  return { who, session, page };
}

/** Waits until the Chromium desk has pushed everything and no sync runs. */
export function settled(desk: Desk): Promise<void> {
  return pushedEverything((store, key) => readStore(desk.page, store, key), desk.who.user);
}

/**
 * Presses « Synchroniser » and waits for that run to finish. `keepFocus`: the
 * button is clicked without taking the focus, as a sync on its own would run, so that an editor
 * typing in a text goes on typing in it.
 */
export async function sync(desk: Desk, { keepFocus = false } = {}): Promise<void> {
  const button = desk.page.getByTestId('sync-bar').getByRole('button', { name: 'Synchroniser' });
  await syncedBy(
    (store, key) => readStore(desk.page, store, key),
    async () => {
      await until(
        () => button.isEnabled(),
        (enabled) => enabled,
        'the sync button to be enabled',
      );
      if (keepFocus) await button.dispatchEvent('click');
      else await button.click();
    },
    desk.who.user,
  );
}

/** The drafts of a Chromium desk's database. */
export function clips(desk: Desk): Promise<StoredClip[]> {
  return readStore<StoredClip[]>(desk.page, 'clips');
}

/** Waits for the draft titled `title` in a Chromium desk's database. */
export function clipByTitle(desk: Desk, title: string): Promise<StoredClip> {
  return until(
    async () => (await clips(desk)).find((clip) => clip.title === title),
    (clip) => clip !== undefined,
    `« ${title} » in ${desk.who.user}'s database`,
  ) as Promise<StoredClip>;
}

/**
 * Opens a draft in the Chromium desk's editor, from the row that shows `title`: the inbox names
 * a draft by its title, the issue list an item by its label.
 */
export async function openDraft(desk: Desk, title: string) {
  // In the inbox, or in the issue once it is an item of it.
  const row = desk.page
    .getByTestId('draft')
    .or(desk.page.getByTestId('issue-item'))
    .filter({ hasText: title })
    .first();
  await row.getByRole('button', { name: title, exact: true }).click();
  await desk.page.getByTestId('draft-editor').getByLabel('Titre du brouillon').waitFor();
  return desk.page.getByTestId('draft-editor');
}
