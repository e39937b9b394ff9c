import { db as defaultDb, type IndiscretsDB } from './db';
import { updateDraft, type DraftPatch } from './drafts';
import { updateIssue, type IssuePatch } from './issues';

/**
 * A write-ahead journal of draft edits in `localStorage`. IndexedDB writes are asynchronous:
 * a popup closed mid-sentence is gone before they finish. `localStorage` writes synchronously,
 * so every keystroke's patch is journaled first, written to Dexie a moment later, and the
 * journal entry removed once Dexie has it. At the next start, what is left is replayed.
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

export const journalKey = (draftId: string) => PREFIX + draftId;

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

function parse(raw: string | null): JournalEntry | undefined {
  if (!raw) return undefined;
  try {
    const entry = JSON.parse(raw) as JournalEntry;
    if (typeof entry?.draftId !== 'string' || typeof entry.at !== 'string') return undefined;
    if (typeof entry.patch !== 'object' || entry.patch === null) return undefined;
    const patch: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(entry.patch)) {
      patch[field] = value === null ? undefined : value;
    }
    return { draftId: entry.draftId, patch: patch as DraftPatch, at: entry.at };
  } catch {
    return undefined;
  }
}

/** The pending entry of a draft, if any. */
export function readJournal(draftId: string): JournalEntry | undefined {
  return parse(local()?.getItem(journalKey(draftId)) ?? null);
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
  const entry: JournalEntry = {
    draftId,
    patch: { ...readJournal(draftId)?.patch, ...patch },
    at: clock(),
  };
  try {
    local()?.setItem(journalKey(draftId), JSON.stringify(entry, keepUndefined));
  } catch (error) {
    // Storage full: the edit still goes to Dexie, only without the safety net.
    console.warn('Indiscrets journal', error);
  }
  return entry;
}

/**
 * Drops a draft's pending entry once Dexie has it. With `at`, only the entry journaled at that
 * moment is dropped: an edit journaled while the write was in flight stays pending.
 */
export function commitJournal(draftId: string, at?: string): void {
  const store = local();
  if (!store) return;
  if (at !== undefined && readJournal(draftId)?.at !== at) return;
  store.removeItem(journalKey(draftId));
}

/** Ids that have an entry pending under `prefix`. */
function pendingUnder(prefix: string): string[] {
  const store = local();
  if (!store) return [];
  const ids: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(prefix)) ids.push(key.slice(prefix.length));
  }
  return ids;
}

/** Drafts that have an entry pending. */
export function pendingDrafts(): string[] {
  return pendingUnder(PREFIX);
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

export const issueJournalKey = (issueId: string) => ISSUE_PREFIX + issueId;

export function readIssueJournal(issueId: string): IssueJournalEntry | undefined {
  try {
    const raw = local()?.getItem(issueJournalKey(issueId));
    const entry = raw ? (JSON.parse(raw) as IssueJournalEntry) : undefined;
    if (entry?.issueId !== issueId || typeof entry.at !== 'string') return undefined;
    return typeof entry.patch === 'object' && entry.patch !== null ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Journals an edit of an issue's fields, synchronously, merged over what is pending. */
export function journalIssueEdit(
  issueId: string,
  patch: IssuePatch,
  clock: () => string = now,
): IssueJournalEntry {
  const entry: IssueJournalEntry = {
    issueId,
    patch: { ...readIssueJournal(issueId)?.patch, ...patch },
    at: clock(),
  };
  try {
    local()?.setItem(issueJournalKey(issueId), JSON.stringify(entry));
  } catch (error) {
    console.warn('Indiscrets journal', error);
  }
  return entry;
}

/** Drops an issue's pending entry once Dexie has it (only the one journaled at `at`, if given). */
export function commitIssueJournal(issueId: string, at?: string): void {
  const store = local();
  if (!store) return;
  if (at !== undefined && readIssueJournal(issueId)?.at !== at) return;
  store.removeItem(issueJournalKey(issueId));
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
  const store = local();
  if (!store) return [];
  const applied: string[] = [];
  const failures: unknown[] = [];
  for (const draftId of pendingDrafts()) {
    const entry = readJournal(draftId);
    if (!entry || entry.draftId !== draftId) {
      store.removeItem(journalKey(draftId));
      continue;
    }
    try {
      const draft = await database.clips.get(draftId);
      if (draft && entry.at > draft.updatedAt) {
        await updateDraft(draftId, entry.patch, database, () => entry.at);
        applied.push(draftId);
      }
      commitJournal(draftId, entry.at);
    } catch (error) {
      failures.push(error);
    }
  }
  for (const issueId of pendingUnder(ISSUE_PREFIX)) {
    const entry = readIssueJournal(issueId);
    if (!entry) {
      store.removeItem(issueJournalKey(issueId));
      continue;
    }
    try {
      const issue = await database.issues.get(issueId);
      if (issue && entry.at > issue.updatedAt) {
        await updateIssue(issueId, entry.patch, database, () => entry.at);
        applied.push(issueId);
      }
      commitIssueJournal(issueId, entry.at);
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, 'Journal replay failed');
  return applied;
}
