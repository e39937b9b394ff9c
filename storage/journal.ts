import type { InsertType, Table } from 'dexie';
import { sameValue } from '../lib/merge';
import { db as defaultDb, type EditMark, type IndiscretsDB } from './db';
import { updateDraft, type DraftPatch } from './drafts';
import { markEdit } from './edit-marks';
import { updateIssue, type IssuePatch } from './issues';

/**
 * A write-ahead journal of draft edits in `localStorage`. Editors write every keystroke to
 * IndexedDB at once (see `components/useSyncedRecord.ts`); this journal is kept because it
 * still covers what IndexedDB cannot:
 * - a page closed while its write is in flight (an IndexedDB transaction is asynchronous and
 *   dies with its page; `localStorage` is written synchronously, by the browser process);
 * - a write that fails (disk full, quota): what was typed waits here, replayed at next start;
 * - a field left in conflict with another view until the editor chooses.
 * It does not cover a killed browser: Chromium writes `localStorage` to disk seconds later,
 * which is why the keystrokes go to IndexedDB within milliseconds rather than after a pause.
 *
 * Each editor view (one opened editor of one record) keeps one entry: what it has typed and not
 * yet stored (`patch`) and, for each of those fields, the stored value its edit started from
 * (`base`). The entry is removed once Dexie has everything. At the next start, the entries of
 * views that are gone are replayed, field by field against their base (see
 * {@link replayDecision}), so a change made elsewhere meanwhile (another view, the sync, a
 * restore) is never overwritten: a field changed on both sides is left for the editor opening
 * the record to choose.
 *
 * Only pages have `localStorage` (the background service worker does not): elsewhere the
 * journal does nothing, and edits go to Dexie unprotected.
 */

const PREFIX = 'indiscrets:journal:';
const ISSUE_PREFIX = 'indiscrets:issue-journal:';
/** Held by every page that journals, as long as it lives: its entries are not replayed. */
const PAGE_LOCK = 'indiscrets:journal-page:';
const now = () => new Date().toISOString();

/** What an editor view has pending for a draft, and when it last changed. */
export interface JournalEntry {
  draftId: string;
  /**
   * The editor view that typed it (`page.n`, see {@link newJournalView}). Absent in entries
   * written before 0.2 (one entry per draft, no base), replayed by time.
   */
  view?: string;
  /** The view's values of the fields it has not stored yet. */
  patch: DraftPatch;
  /**
   * For each field of `patch`, the stored value the view's edit started from: the replay
   * merges against it. For a field in conflict, the value both sides started from.
   */
  base?: DraftPatch;
  /** When the latest keystroke was journaled (ISO 8601); editors stamp their writes with it. */
  at: string;
  /**
   * Set by the replay: the view is gone and these fields were changed elsewhere meanwhile,
   * differently. The editor opening the record takes them in and shows both versions.
   */
  orphaned?: boolean;
}

/** As {@link JournalEntry}, for an issue's own fields. */
export interface IssueJournalEntry {
  issueId: string;
  view?: string;
  patch: IssuePatch;
  base?: IssuePatch;
  at: string;
  orphaned?: boolean;
}

function local(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // Reading `localStorage` throws where storage is blocked (opaque origins, some settings).
    return undefined;
  }
}

/** JSON drops `undefined`; the journal must keep "remove this field", so it writes `null`. */
const keepUndefined = (_key: string, value: unknown) => (value === undefined ? null : value);

/** Back from JSON: `null` was `undefined` (see {@link keepUndefined}). */
function revive(raw: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(raw)) out[field] = value ?? undefined;
  return out;
}

let page: string | undefined;
let views = 0;

/** Whether the Web Locks API is there (not in the service worker of old browsers, not in jsdom). */
function locks(): LockManager | undefined {
  try {
    return globalThis.navigator?.locks ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * A new editor view's id, `page.n`. The page holds a lock named after it as long as it lives
 * (the browser releases it when the page closes or dies), so that a replay run by another page
 * leaves the entries of an editor still open alone.
 */
export function newJournalView(): string {
  if (!page) {
    // 64 random bits: short, as the id is kept in the records' marks.
    page = [...crypto.getRandomValues(new Uint8Array(8))]
      .map((byte) => byte.toString(16).padStart(2, '0'))
      .join('');
    void locks()
      ?.request(PAGE_LOCK + page, () => new Promise<never>(() => {}))
      .catch(() => {});
  }
  views += 1;
  return `${page}.${views}`;
}

/** The pages still open (their lock held); empty where there are no Web Locks. */
async function livePages(): Promise<Set<string>> {
  const manager = locks();
  if (!manager) return new Set();
  try {
    const { held = [] } = await manager.query();
    return new Set(
      held
        .map((lock) => lock.name ?? '')
        .filter((name) => name.startsWith(PAGE_LOCK))
        .map((name) => name.slice(PAGE_LOCK.length)),
    );
  } catch {
    return new Set();
  }
}

/** A record as the replay reads it: its fields, when and by whom it was last written. */
export interface ReplayedRecord {
  updatedAt: string;
  rev?: number;
  edits?: EditMark[];
  [field: string]: unknown;
}

/** What to do with a journal entry of a view that is gone. */
export interface ReplayDecision {
  /** Fields to store, with the journal's values. */
  write: Record<string, unknown>;
  /** Fields changed elsewhere meanwhile, differently: left for the editor to choose. */
  conflicts: string[];
}

/**
 * Decides, field by field, what a journal entry of a view that is gone does to the record as
 * stored now. For each field the entry holds:
 * - the record already has the journal's value → nothing to do;
 * - the view itself stored the field later (a write of its own stamped with this entry's time
 *   or a later one: the entry is an older copy left behind, as a killed browser leaves
 *   `localStorage`) → nothing to do, what it stored since is newer;
 * - the view's own write is the record's latest and stored the field → the journal's value,
 *   typed after that write;
 * - otherwise against the entry's base: unchanged elsewhere → the journal's value; changed
 *   elsewhere → a conflict, both kept.
 * A field the view held in conflict when it last wrote is always merged against the base.
 * An entry without a base (before 0.2) is replayed by time: newer than the record, written;
 * older, its fields that differ become conflicts (nothing is dropped unseen).
 */
export function replayDecision(
  entry: { view?: string; patch: object; base?: object; at: string },
  record: ReplayedRecord,
): ReplayDecision {
  const patch = entry.patch as Record<string, unknown>;
  const write: Record<string, unknown> = {};
  const conflicts: string[] = [];
  const fields = Object.keys(patch).filter((field) => !sameValue(record[field], patch[field]));
  if (!entry.base || !entry.view) {
    for (const field of fields) {
      if (entry.at >= record.updatedAt) write[field] = patch[field];
      else conflicts.push(field);
    }
    return { write, conflicts };
  }
  const base = entry.base as Record<string, unknown>;
  const marks = Array.isArray(record.edits) ? record.edits : [];
  const own = marks.find((mark) => mark?.view === entry.view);
  const latest = marks[0];
  const ownIsLatest = !!own && latest === own && own.rev === (record.rev ?? 0);
  for (const field of fields) {
    const held = own?.held?.includes(field) ?? false;
    if (own && !held && own.at >= entry.at) continue;
    if (ownIsLatest && !held && own.wrote?.includes(field)) write[field] = patch[field];
    else if (Object.hasOwn(base, field) && sameValue(record[field], base[field])) {
      write[field] = patch[field];
    } else conflicts.push(field);
  }
  return { write, conflicts };
}

/**
 * The journal of one kind of record: an entry per record and view under `prefix`
 * (`prefix + id + '/' + view`; before 0.2, `prefix + id`), naming the record in `idField`.
 */
function journalOf<K extends 'draftId' | 'issueId', P extends object>(prefix: string, idField: K) {
  type Entry = Record<K, string> & {
    view?: string;
    patch: P;
    base?: P;
    at: string;
    orphaned?: boolean;
  };
  const keyOf = (id: string, view?: string) => prefix + id + (view ? `/${view}` : '');

  function parseKey(key: string): { id: string; view?: string } | undefined {
    if (!key.startsWith(prefix)) return undefined;
    const [id, view] = key.slice(prefix.length).split('/', 2);
    return id ? { id, ...(view ? { view } : {}) } : undefined;
  }

  function readKey(key: string): Entry | undefined {
    const parsed = parseKey(key);
    if (!parsed) return undefined;
    try {
      const raw = local()?.getItem(key);
      const entry = raw ? (JSON.parse(raw) as Record<string, unknown> | null) : undefined;
      if (entry?.[idField] !== parsed.id || typeof entry.at !== 'string') return undefined;
      if (typeof entry.patch !== 'object' || entry.patch === null) return undefined;
      if ((entry.view ?? undefined) !== parsed.view) return undefined;
      const base =
        typeof entry.base === 'object' && entry.base !== null ? revive(entry.base) : undefined;
      return {
        [idField]: parsed.id,
        ...(parsed.view ? { view: parsed.view } : {}),
        patch: revive(entry.patch),
        ...(base ? { base } : {}),
        at: entry.at,
        ...(entry.orphaned === true ? { orphaned: true } : {}),
      } as Entry;
    } catch {
      return undefined;
    }
  }

  function store(entry: Entry): Entry {
    try {
      local()?.setItem(keyOf(entry[idField], entry.view), JSON.stringify(entry, keepUndefined));
    } catch (error) {
      // Storage full: the edit still goes to Dexie, only without the safety net.
      console.warn('Indiscrets journal', error);
    }
    return entry;
  }

  /** Every key of this kind, for one record or all. */
  function keys(id?: string): string[] {
    const storage = local();
    if (!storage) return [];
    const found: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      const parsed = key ? parseKey(key) : undefined;
      if (parsed && (id === undefined || parsed.id === id)) found.push(key!);
    }
    return found;
  }

  /** The entries of a record, newest first. */
  function entries(id: string): Entry[] {
    return keys(id)
      .map(readKey)
      .filter((entry): entry is Entry => !!entry)
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }

  /** One editor view's journal of one record. */
  function view(id: string, viewId: string) {
    return {
      /** The view's id, to mark its writes (see `Draft.edits`). */
      view: viewId,
      /** The view's pending state after a keystroke: replaces its entry; returns the new time. */
      write(patch: P, base: P, clock: () => string = now): string {
        return store({ [idField]: id, view: viewId, patch, base, at: clock() } as unknown as Entry)
          .at;
      },
      /**
       * The view's pending state after a write or a change taken in from elsewhere: replaces
       * its entry, keeping the time of its latest keystroke (`at`).
       */
      keep(patch: P, base: P, at: string): void {
        store({ [idField]: id, view: viewId, patch, base, at } as unknown as Entry);
      },
      /** Drops the view's entry, if it is still the one journaled at `at`. */
      commit(at: string): void {
        const key = keyOf(id, viewId);
        if (readKey(key)?.at === at) local()?.removeItem(key);
      },
      /** The view closes with its entry not all stored: marks it `orphaned` for the next. */
      release(at: string): void {
        const entry = readKey(keyOf(id, viewId));
        if (entry?.at === at) store({ ...entry, orphaned: true });
      },
      /** What views that are gone left unresolved for this record (see `orphaned`). */
      orphans(): Array<{ patch: P; base?: P }> {
        return entries(id)
          .filter((entry) => entry.orphaned)
          .map(({ patch, base }) => ({ patch, ...(base ? { base } : {}) }));
      },
      /** Drops the orphaned entries, once the view has taken them in (and journaled them). */
      dropOrphans(): void {
        for (const key of keys(id)) {
          if (readKey(key)?.orphaned) local()?.removeItem(key);
        }
      },
    };
  }

  /** Replays the entries of views that are gone; see {@link replayJournal}. */
  async function replay(
    apply: (id: string, entry: Entry) => Promise<ReplayDecision | undefined>,
    live: Set<string>,
    applied: string[],
    failures: unknown[],
  ): Promise<void> {
    for (const key of keys()) {
      const entry = readKey(key);
      if (!entry) {
        local()?.removeItem(key);
        continue;
      }
      // An editor still open keeps its own entry.
      if (entry.view && live.has(entry.view.split('.')[0]!)) continue;
      try {
        const decision = await apply(entry[idField], entry);
        if (decision && Object.keys(decision.write).length > 0) applied.push(entry[idField]);
        if (!decision || decision.conflicts.length === 0) {
          local()?.removeItem(key);
          continue;
        }
        const only = (from: P | undefined) =>
          from &&
          (Object.fromEntries(
            Object.entries(from).filter(([field]) => decision.conflicts.includes(field)),
          ) as P);
        store({
          ...entry,
          patch: only(entry.patch)!,
          ...(entry.base ? { base: only(entry.base) } : {}),
          orphaned: true,
        });
      } catch (error) {
        failures.push(error);
      }
    }
  }

  return { keyOf, readKey, entries, view, keys, replay };
}

const drafts = journalOf<'draftId', DraftPatch>(PREFIX, 'draftId');
const issues = journalOf<'issueId', IssuePatch>(ISSUE_PREFIX, 'issueId');

/** The `localStorage` key of a view's entry for a draft (without a view: before 0.2). */
export const journalKey = drafts.keyOf;
export const issueJournalKey = issues.keyOf;

/** The journal of one editor view of a draft (see {@link newJournalView}). */
export function draftJournal(draftId: string, view: string) {
  return drafts.view(draftId, view);
}

/** The journal of one editor view of an issue's own fields. */
export function issueJournal(issueId: string, view: string) {
  return issues.view(issueId, view);
}

/** The newest pending entry of a draft, whichever view wrote it. */
export function readJournal(draftId: string): JournalEntry | undefined {
  return drafts.entries(draftId)[0];
}

/** The newest pending entry of an issue, whichever view wrote it. */
export function readIssueJournal(issueId: string): IssueJournalEntry | undefined {
  return issues.entries(issueId)[0];
}

/** Drafts that have an entry pending. */
export function pendingDrafts(): string[] {
  return [...new Set(drafts.keys().map((key) => drafts.readKey(key)?.draftId ?? ''))].filter(
    Boolean,
  );
}

/**
 * The mark of a replayed entry's view on what the replay wrote (see `Draft.edits`): a copy of
 * the entry that comes back (`localStorage` not yet on disk when the browser is killed again)
 * is then seen as already stored, not as typed over a base changed since.
 */
function replayMark(
  entry: { view?: string; at: string },
  record: ReplayedRecord,
  decision: ReplayDecision,
): { edits?: EditMark[] } {
  if (!entry.view) return {};
  const own = record.edits?.find((mark) => mark?.view === entry.view);
  const at = own && own.at > entry.at ? own.at : entry.at;
  return {
    edits: markEdit(
      record,
      { view: entry.view, at, held: decision.conflicts },
      Object.keys(decision.write),
      [],
    ),
  };
}

/**
 * How the replay applies one entry to a record of `table`: the record read and the journal's
 * winning fields written in one transaction, each write stamped with the entry's time (or now
 * when the record is newer) and marked with the entry's view. Undefined when the record is gone.
 */
function replayInto<R extends { id: string; updatedAt: string }, P extends object>(
  database: IndiscretsDB,
  table: Table<R, string, InsertType<R, 'id'>>,
  update: (
    id: string,
    patch: P,
    database: IndiscretsDB,
    clock: () => string,
    bookkeeping: { edits?: EditMark[] },
  ) => Promise<unknown>,
): (
  id: string,
  entry: { patch: P; base?: P; view?: string; at: string },
) => Promise<ReplayDecision | undefined> {
  return (id, entry) =>
    database.transaction('rw', table, async () => {
      const record = await table.get(id);
      if (!record) return undefined;
      const replayed = record as unknown as ReplayedRecord;
      const decision = replayDecision(entry, replayed);
      if (Object.keys(decision.write).length > 0) {
        await update(
          id,
          decision.write as P,
          database,
          () => (entry.at > record.updatedAt ? entry.at : now()),
          replayMark(entry, replayed, decision),
        );
      }
      return decision;
    });
}

/**
 * Applies what the journal holds, at start-up: each entry of an editor view that is gone (its
 * page closed or its browser killed) is decided field by field ({@link replayDecision}); the
 * journal's values that win are written in one transaction with the read (stamped with the
 * entry's time, or now if the record is newer), the fields changed elsewhere meanwhile stay in
 * the journal, marked `orphaned`, for the editor opening the record to choose. Entries for
 * records that no longer exist, and unreadable ones, are dropped; an entry whose write fails
 * stays for the next start. Entries of editors still open in another page are left alone.
 * Returns the ids of the drafts and issues that were updated.
 */
export async function replayJournal(database: IndiscretsDB = defaultDb): Promise<string[]> {
  if (!local()) return [];
  const applied: string[] = [];
  const failures: unknown[] = [];
  const live = await livePages();
  await drafts.replay(replayInto(database, database.clips, updateDraft), live, applied, failures);
  await issues.replay(replayInto(database, database.issues, updateIssue), live, applied, failures);
  if (failures.length > 0) throw new AggregateError(failures, 'Journal replay failed');
  return applied;
}
