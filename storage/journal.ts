import { db as defaultDb, type IndiscretsDB } from './db';
import { updateDraft, type DraftPatch } from './drafts';
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
 * The entry is removed once Dexie has everything. At the next start, what is left is replayed.
 *
 * Only pages have `localStorage` (the background service worker does not): elsewhere the
 * journal does nothing, and edits go to Dexie unprotected.
 */

const PREFIX = 'indiscrets:journal:';
const now = () => new Date().toISOString();

/** What is pending for a draft: the patches since the last commit, merged, and when. */
export interface JournalEntry {
  draftId: string;
  patch: DraftPatch;
  /** When the latest patch was journaled (ISO 8601). */
  at: string;
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

/**
 * The journal of one kind of record: an entry per record under `prefix`, naming the record in
 * `idField`, its patches since the last commit merged.
 */
function journalOf<K extends 'draftId' | 'issueId', P extends object>(prefix: string, idField: K) {
  type Entry = Record<K, string> & { patch: P; at: string };
  const keyOf = (id: string) => prefix + id;

  function read(id: string): Entry | undefined {
    try {
      const raw = local()?.getItem(keyOf(id));
      const entry = raw ? (JSON.parse(raw) as Record<string, unknown> | null) : undefined;
      if (entry?.[idField] !== id || typeof entry.at !== 'string') return undefined;
      if (typeof entry.patch !== 'object' || entry.patch === null) return undefined;
      const patch: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(entry.patch)) {
        patch[field] = value === null ? undefined : value;
      }
      return { [idField]: id, patch, at: entry.at } as Entry;
    } catch {
      return undefined;
    }
  }

  function write(id: string, patch: P, clock: () => string): Entry {
    const entry = { [idField]: id, patch: { ...read(id)?.patch, ...patch }, at: clock() } as Entry;
    try {
      local()?.setItem(keyOf(id), JSON.stringify(entry, keepUndefined));
    } catch (error) {
      // Storage full: the edit still goes to Dexie, only without the safety net.
      console.warn('Indiscrets journal', error);
    }
    return entry;
  }

  function commit(id: string, at?: string): void {
    const store = local();
    if (!store) return;
    if (at !== undefined && read(id)?.at !== at) return;
    store.removeItem(keyOf(id));
  }

  /** Ids that have an entry pending. */
  function pending(): string[] {
    const store = local();
    if (!store) return [];
    const ids: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(prefix)) ids.push(key.slice(prefix.length));
    }
    return ids;
  }

  /** Replays each pending entry newer than its record; see {@link replayJournal}. */
  async function replay(
    get: (id: string) => Promise<{ updatedAt: string } | undefined>,
    update: (id: string, patch: P, clock: () => string) => Promise<unknown>,
    applied: string[],
    failures: unknown[],
  ): Promise<void> {
    for (const id of pending()) {
      const entry = read(id);
      if (!entry) {
        local()?.removeItem(keyOf(id));
        continue;
      }
      try {
        const record = await get(id);
        // Editors stamp a write with the journal time of its latest keystroke: an entry of the
        // same time holds nothing newer, and writing it again changes nothing.
        if (record && entry.at >= record.updatedAt) {
          await update(id, entry.patch, () => entry.at);
          applied.push(id);
        }
        commit(id, entry.at);
      } catch (error) {
        failures.push(error);
      }
    }
  }

  return { keyOf, read, write, commit, pending, replay };
}

const drafts = journalOf<'draftId', DraftPatch>(PREFIX, 'draftId');

export const journalKey = drafts.keyOf;

/** The pending entry of a draft, if any. */
export function readJournal(draftId: string): JournalEntry | undefined {
  return drafts.read(draftId);
}

/**
 * Journals an edit, synchronously, merged over what is already pending for the draft. Returns
 * the entry as now pending: pass its `at` to {@link commitJournal} after the Dexie write.
 */
export function journalEdit(
  draftId: string,
  patch: DraftPatch,
  clock: () => string = now,
): JournalEntry {
  return drafts.write(draftId, patch, clock);
}

/**
 * Drops a draft's pending entry once Dexie has it. With `at`, only the entry journaled at that
 * moment is dropped: an edit journaled while the write was in flight stays pending.
 */
export function commitJournal(draftId: string, at?: string): void {
  drafts.commit(draftId, at);
}

/** Drafts that have an entry pending. */
export function pendingDrafts(): string[] {
  return drafts.pending();
}

/*
 * The same safety net for an issue's own fields (title, date, intro, length budget), typed in
 * the issue view: one entry per issue, under its own prefix.
 */
const ISSUE_PREFIX = 'indiscrets:issue-journal:';

export interface IssueJournalEntry {
  issueId: string;
  patch: IssuePatch;
  at: string;
}

const issues = journalOf<'issueId', IssuePatch>(ISSUE_PREFIX, 'issueId');

export const issueJournalKey = issues.keyOf;

export function readIssueJournal(issueId: string): IssueJournalEntry | undefined {
  return issues.read(issueId);
}

/** Journals an edit of an issue's fields, synchronously, merged over what is pending. */
export function journalIssueEdit(
  issueId: string,
  patch: IssuePatch,
  clock: () => string = now,
): IssueJournalEntry {
  return issues.write(issueId, patch, clock);
}

/** Drops an issue's pending entry once Dexie has it (only the one journaled at `at`, if given). */
export function commitIssueJournal(issueId: string, at?: string): void {
  issues.commit(issueId, at);
}

/**
 * Applies what the journal holds, at start-up: each entry newer than its draft's `updatedAt`
 * is written (stamped with the entry's time); an older one was written already, or was
 * overtaken by a later edit made elsewhere, and is dropped, as are entries for drafts that no
 * longer exist and unreadable ones. An entry whose write fails stays for the next start.
 * The issues' entries are replayed the same way. Returns the ids of the drafts and issues
 * that were updated.
 */
export async function replayJournal(database: IndiscretsDB = defaultDb): Promise<string[]> {
  if (!local()) return [];
  const applied: string[] = [];
  const failures: unknown[] = [];
  await drafts.replay(
    (id) => database.clips.get(id),
    (id, patch, clock) => updateDraft(id, patch, database, clock),
    applied,
    failures,
  );
  await issues.replay(
    (id) => database.issues.get(id),
    (id, patch, clock) => updateIssue(id, patch, database, clock),
    applied,
    failures,
  );
  if (failures.length > 0) throw new AggregateError(failures, 'Journal replay failed');
  return applied;
}
