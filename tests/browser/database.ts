/**
 * The extension's database read, written and emptied with IndexedDB itself, from one of its
 * pages: what is really stored, whatever the extension's own code says. For Chromium (playwright) and Firefox
 * (puppeteer) pages alike: both evaluate a function in the page.
 */

/** A page that runs a function in itself and hands back its result. */
export interface EvaluatingPage {
  evaluate<R>(pageFunction: () => Promise<R>): Promise<R>;
}

/** Both tables, each sorted by id: the suite says which fields it looks at. */
export interface StoredTables<Clip extends { id: string }, Issue extends { id: string }> {
  clips: Clip[];
  issues: Issue[];
}

/** Both tables of the extension's database, each sorted by id. */
export function readDatabase<S extends StoredTables<{ id: string }, { id: string }>>(
  page: EvaluatingPage,
): Promise<S> {
  return page.evaluate(
    () =>
      new Promise<S>((resolve, reject) => {
        const request = indexedDB.open('indiscrets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const idb = request.result;
          const tx = idb.transaction(['clips', 'issues']);
          const clips = tx.objectStore('clips').getAll();
          const issues = tx.objectStore('issues').getAll();
          tx.oncomplete = () => {
            idb.close();
            const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
            resolve({ clips: clips.result.sort(byId), issues: issues.result.sort(byId) } as S);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Empties both tables, as a lost or reset browser profile would be. */
export function clearDatabase(page: EvaluatingPage): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('indiscrets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const idb = request.result;
          const tx = idb.transaction(['clips', 'issues'], 'readwrite');
          tx.objectStore('clips').clear();
          tx.objectStore('issues').clear();
          tx.oncomplete = () => {
            idb.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** A page that runs a function with one argument in itself (playwright and puppeteer alike). */
export interface ArgumentPage {
  evaluate<R, A>(pageFunction: (argument: A) => Promise<R>, argument: A): Promise<R>;
}

/**
 * Writes records into the extension's database with IndexedDB itself, in one transaction, as
 * the extension stores them (derived fields included: the caller gives them), for a test that
 * needs many records or exact ones without going through the UI. Keyed by table: `clips`,
 * `issues`, or any other (`syncState`, `refusals`…) a test needs in a given state.
 */
export function writeDatabase(
  page: ArgumentPage,
  records: Record<string, object[]>,
): Promise<void> {
  return page.evaluate(
    (tables: Record<string, object[]>) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('indiscrets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const idb = request.result;
          const tx = idb.transaction(Object.keys(tables), 'readwrite');
          for (const [name, rows] of Object.entries(tables)) {
            for (const row of rows) tx.objectStore(name).put(row);
          }
          tx.oncomplete = () => {
            idb.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

/** Empties the named tables (`clearDatabase` empties the two record tables, from any page). */
export function clearTables(page: ArgumentPage, tables: string[]): Promise<void> {
  return page.evaluate(
    (names: string[]) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('indiscrets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const idb = request.result;
          const tx = idb.transaction(names, 'readwrite');
          for (const name of names) tx.objectStore(name).clear();
          tx.oncomplete = () => {
            idb.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    tables,
  );
}

/** The shared desk's state as a sync leaves it for Rédac (`redac`, an Editor): on, idle, synced. */
export const SHARED_DESK_STATE = {
  id: 'desk',
  enabled: true,
  siteUrl: 'https://redaction.test',
  username: 'redac',
  user: { id: 3, name: 'Rédac', roles: ['editor'] },
  phase: 'idle',
  firstSyncDone: true,
  cursors: {},
};

/** A draft as {@link syncedDraft} stores it. */
export interface SyncedDraft {
  id: string;
  title: string;
  /** When it was clipped: this second of 08:00 UTC on 15 March 2026; also its WordPress id. */
  second: number;
  /** The page: `https://news.test/<id>` unless given. */
  url?: string;
  /** Who clipped it (its mark's `createdBy`). */
  by?: string;
  /** Its one quote, and its text: « Texte de <title> » unless given. */
  text?: string;
  /** Added to its desk mark (`trashedBy`, `mergedInto`, `lock`…). */
  desk?: Record<string, unknown>;
}

/**
 * A draft as the sync leaves it, every derived field given (for {@link writeDatabase}): one
 * quote, its page as its source, in no issue, editable and trashable by this desk's user.
 */
export function syncedDraft({
  id,
  title,
  second,
  url = `https://news.test/${id}`,
  by = 'Rédac',
  text = `Texte de ${title}`,
  desk = {},
}: SyncedDraft) {
  const at = new Date(Date.UTC(2026, 2, 15, 8, 0, second)).toISOString();
  return {
    id,
    url,
    title,
    siteName: 'News',
    quotes: [{ text, html: `<p>${text}</p>`, clippedAt: at }],
    provenance: {},
    sources: [{ url, title, siteName: 'News' }],
    note: '',
    tags: [],
    status: 'draft',
    issueId: '',
    sortKey: '',
    createdAt: at,
    updatedAt: at,
    body: `<p>${text}</p>`,
    words: title.toLowerCase().split(' '),
    sourceUrls: [url],
    desk: { remoteId: second, createdBy: by, canEdit: true, canTrash: true, ...desk },
  };
}

/** The records of a shared desk as the sync leaves it ({@link SHARED_DESK_STATE}) holding `clips`. */
export function sharedDesk(clips: object[]): Record<string, object[]> {
  return { syncState: [SHARED_DESK_STATE], clips };
}

/**
 * An issue as the extension stores it (for {@link writeDatabase}): « Les indiscrets du 15 mars »,
 * open, dated, created and changed at `at` (now by default) unless given.
 */
export function storedIssue(
  id: string,
  {
    title = 'Les indiscrets du 15 mars',
    status = 'open',
    at = new Date().toISOString(),
  }: { title?: string; status?: string; at?: string } = {},
) {
  return { id, title, date: at.slice(0, 10), intro: '', status, createdAt: at, updatedAt: at };
}

/**
 * A draft clipped in this browser and never shared (for {@link writeDatabase}): every stored field
 * given, empty unless `fields` says otherwise (its page `https://news.test/<id>`, no quote, no
 * source, in no issue, no search words), created and changed at `fields.createdAt` or now.
 */
export function localDraft(fields: { id: string; title: string; [field: string]: unknown }) {
  const at = typeof fields.createdAt === 'string' ? fields.createdAt : new Date().toISOString();
  return {
    url: `https://news.test/${fields.id}`,
    siteName: 'News',
    quotes: [],
    provenance: {},
    createdAt: at,
    updatedAt: at,
    body: '',
    sources: [],
    note: '',
    tags: [],
    status: 'draft',
    issueId: '',
    sortKey: '',
    words: [],
    sourceUrls: [],
    ...fields,
  };
}
