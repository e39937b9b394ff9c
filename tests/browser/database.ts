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

/** A page that runs a function with one argument in itself (playwright and puppeteer alike). */
export interface ArgumentPage {
  evaluate<R, A>(pageFunction: (argument: A) => Promise<R>, argument: A): Promise<R>;
}

/** What {@link inDatabase} does, in one transaction: empties `clear`, writes `write`, reads `read`. */
interface Job {
  clear?: string[];
  write?: Record<string, object[]>;
  read?: string[];
}

/**
 * Does `job` in the extension's database from `page`, in one transaction, and hands back the
 * tables read. A page that has just opened may not have made the database yet (the popup opens it
 * as it first reads, after its first paint): opened without a version, IndexedDB would then make
 * an empty one that stands in the extension's way and the job would find no table (the
 * clean-clone CI's set-up that never ended), so no database is made here; it is asked for again
 * until the extension has made it, for 30 seconds at most.
 */
function inDatabase(page: ArgumentPage, job: Job): Promise<Record<string, object[]>> {
  return page.evaluate(
    ({ clear = [], write = {}, read = [] }: Job) =>
      new Promise<Record<string, object[]>>((resolve, reject) => {
        const giveUpAt = Date.now() + 30_000;
        const attempt = () => {
          const request = indexedDB.open('indiscrets');
          // Only where no database is yet: abort, so that none is made (the request fails with AbortError).
          request.onupgradeneeded = () => request.transaction?.abort();
          request.onerror = () => {
            if (request.error?.name !== 'AbortError') reject(request.error);
            else if (Date.now() < giveUpAt) setTimeout(attempt, 25);
            else reject(new Error('The extension never made its database « indiscrets ».'));
          };
          request.onsuccess = () => {
            const idb = request.result;
            try {
              const names = [...new Set([...clear, ...Object.keys(write), ...read])];
              const tx = idb.transaction(names, 'readwrite');
              for (const name of clear) tx.objectStore(name).clear();
              for (const [name, rows] of Object.entries(write)) {
                for (const row of rows) tx.objectStore(name).put(row);
              }
              const reads = read.map((name) => [name, tx.objectStore(name).getAll()] as const);
              tx.oncomplete = () => {
                idb.close();
                resolve(Object.fromEntries(reads.map(([name, got]) => [name, got.result])));
              };
              tx.onerror = () => {
                idb.close();
                reject(tx.error);
              };
            } catch (error) {
              // A table the job names that the database lacks: said, rather than a page left waiting.
              idb.close();
              reject(error);
            }
          };
        };
        attempt();
      }),
    job,
  );
}

/** Both tables of the extension's database, each sorted by id. */
export async function readDatabase<S extends StoredTables<{ id: string }, { id: string }>>(
  page: EvaluatingPage,
): Promise<S> {
  const tables = await inDatabase(page as unknown as ArgumentPage, { read: ['clips', 'issues'] });
  const byId = (a: object, b: object) =>
    (a as { id: string }).id < (b as { id: string }).id ? -1 : 1;
  return { clips: tables.clips!.sort(byId), issues: tables.issues!.sort(byId) } as S;
}

/** Empties both tables, as a lost or reset browser profile would be. */
export async function clearDatabase(page: EvaluatingPage): Promise<void> {
  await inDatabase(page as unknown as ArgumentPage, { clear: ['clips', 'issues'] });
}

/**
 * Writes records into the extension's database with IndexedDB itself, in one transaction, as
 * the extension stores them (derived fields included: the caller gives them), for a test that
 * needs many records or exact ones without going through the UI. Keyed by table: `clips`,
 * `issues`, or any other (`syncState`, `refusals`…) a test needs in a given state.
 */
export async function writeDatabase(
  page: ArgumentPage,
  records: Record<string, object[]>,
): Promise<void> {
  await inDatabase(page, { write: records });
}

/** Empties the named tables (`clearDatabase` empties the two record tables, from any page). */
export async function clearTables(page: ArgumentPage, tables: string[]): Promise<void> {
  await inDatabase(page, { clear: tables });
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

/** A field of a conflict (for {@link syncConflict}): its value here and on the desk. */
export interface SeededConflictField {
  field: string;
  base?: unknown;
  mine: unknown;
  theirs: unknown;
}

/**
 * A conflict as the sync leaves it (for {@link writeDatabase}): `fields` of the `kind` record
 * `recordId`, named `title`, changed on the desk (its version 2) by `by`, the editor-in-chief
 * unless given, found `at` (now unless given).
 */
export function syncConflict(
  kind: 'draft' | 'issue',
  recordId: string,
  title: string,
  fields: SeededConflictField[],
  { by = 'Rédactrice en chef', at = new Date().toISOString() }: { by?: string; at?: string } = {},
) {
  return {
    key: `${kind}:${recordId}`,
    kind,
    recordId,
    title,
    fields,
    theirsBy: by,
    remoteVersion: 2,
    detectedAt: at,
  };
}
