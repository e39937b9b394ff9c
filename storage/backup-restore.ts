import { PASSAGE_TAGS } from '../capture/types';
import type { BackupDraft, ParsedBackup } from './backup-format';
import { db as defaultDb, type IndiscretsDB, type Issue } from './db';
import { deriveFields } from './derive';
import { DEFAULT_WORDPRESS, houseStyleItem, wordpressItem } from './preferences';
import { currentIssueId, draftTemplate, uiLocale } from './settings';

/**
 * Restoring a backup read by `backup-read.ts`: its drafts and issues written into the database
 * (merged or replacing what is here), its settings applied with the storage items.
 */

/** What a restore did to one table. */
export interface RestoreCounts {
  /** Records whose id this browser did not have. */
  added: number;
  /** Records replaced by the backup's, which was more recent (`updatedAt`). */
  updated: number;
  /** Records of the backup not restored: this browser's version is as recent or more. */
  kept: number;
  /** Records of this browser deleted first (`replace` only). */
  removed: number;
}

export interface RestoreOptions {
  /**
   * - `merge`: a record whose id is new is added; one this browser has is replaced only when the
   *   backup's `updatedAt` is more recent, so newer work here is never lost;
   * - `replace`: drafts and issues here are all deleted first, then the backup's are written.
   *   The UI must have the editor confirm it.
   */
  mode: 'merge' | 'replace';
  /** Return the backup's settings, for the caller to apply with {@link applyBackupSettings}. */
  settings?: boolean;
}

export interface RestoreResult {
  mode: RestoreOptions['mode'];
  clips: RestoreCounts;
  issues: RestoreCounts;
  /**
   * Drafts written back to the inbox because their issue exists neither here nor in the
   * backup (otherwise they would be in no list at all).
   */
  movedToInbox: number;
  /** The backup's settings, when asked for. */
  settings?: ParsedBackup['settings'];
}

const newer = (a: string, b: string) => Date.parse(a) > Date.parse(b);
const counts = (): RestoreCounts => ({ added: 0, updated: 0, kept: 0, removed: 0 });

/**
 * The backup's drafts and issues with every rich-text field cleaned: an item's text, each
 * quote's HTML, an issue's intro. A backup is a file anyone can write: what it holds is shown
 * as HTML by the editor and read as text by the inbox, search and exports, so it gets the
 * cleaning HTML pasted into the editor gets. A field with nothing to clean away comes back
 * byte for byte (see `cleanStoredHtml`).
 */
function withCleanRichText(
  backup: ParsedBackup,
  clean: (html: string) => string,
): Pick<ParsedBackup, 'clips' | 'issues'> {
  const cleaned = (html: unknown) => (typeof html === 'string' ? clean(html) : html);
  return {
    clips: backup.clips.map((draft) => ({
      ...draft,
      body: cleaned(draft.body) as string,
      quotes: draft.quotes.map((quote) => ({ ...quote, html: cleaned(quote.html) as string })),
    })),
    issues: backup.issues.map((issue) => ({ ...issue, intro: cleaned(issue.intro) as string })),
  };
}

/**
 * Writes a backup's drafts and issues, in one transaction: all of it, or nothing when anything
 * fails. Rich-text fields are cleaned first (see {@link withCleanRichText}): this needs a DOM,
 * so a restore runs in an extension page (the options page), not in the background. Derived
 * fields are recomputed. Settings are not written here (browser storage is not part of the
 * transaction): ask for them with `settings: true` and apply them afterwards.
 */
export async function restoreBackup(
  parsed: ParsedBackup,
  database: IndiscretsDB = defaultDb,
  options: RestoreOptions = { mode: 'merge' },
): Promise<RestoreResult> {
  const { mode } = options;
  if (mode !== 'merge' && mode !== 'replace') {
    throw new TypeError(`Unknown restore mode: ${String(mode)}`);
  }
  // Loaded at the restore: the options page paints without the cleaner. Cleaned before the
  // transaction, which must not wait on anything but the database.
  const { cleanStoredHtml } = await import('../lib/purify');
  // A passage's elements are every element a stored field holds: an item's text has fewer
  // (paragraphs, bold, italic, links), a quote more (lists, block quotes, code…).
  const clean = (html: string) => cleanStoredHtml(html, PASSAGE_TAGS);
  const backup = { ...parsed, ...withCleanRichText(parsed, clean) };
  return database.transaction('rw', database.clips, database.issues, async () => {
    const result: RestoreResult = {
      mode,
      clips: counts(),
      issues: counts(),
      movedToInbox: 0,
      ...(options.settings ? { settings: backup.settings } : {}),
    };
    let drafts: BackupDraft[];
    let issues: Issue[];
    let issueIds: Set<string>;
    // Read before a replace clears them: the revisions the open views have seen.
    const seenClips = await revisionsOf(backup.clips, database.clips);
    const seenIssues = await revisionsOf(backup.issues, database.issues);
    if (mode === 'replace') {
      result.clips.removed = await database.clips.count();
      result.issues.removed = await database.issues.count();
      await database.clips.clear();
      await database.issues.clear();
      drafts = backup.clips;
      issues = backup.issues;
      result.clips.added = drafts.length;
      result.issues.added = issues.length;
      issueIds = new Set(issues.map((issue) => issue.id));
    } else {
      issues = await chooseNewer(backup.issues, database.issues, result.issues);
      drafts = await chooseNewer(backup.clips, database.clips, result.clips);
      const here = await database.issues.toCollection().primaryKeys();
      issueIds = new Set([...here, ...backup.issues.map((issue) => issue.id)]);
    }
    const written = drafts.map((draft) => {
      if (!draft.issueId || issueIds.has(draft.issueId)) return draft;
      result.movedToInbox++;
      return { ...draft, issueId: '', sortKey: '' };
    });
    await database.issues.bulkPut(issues.map((issue) => aboveSeen(issue, seenIssues)));
    // The hooks derive these too; computing them here keeps the records complete as typed.
    await database.clips.bulkPut(
      written.map((draft) => aboveSeen({ ...draft, ...deriveFields(draft) }, seenClips)),
    );
    return result;
  });
}

/** The revision (`rev`) of each record this browser has with the id of a backup record. */
async function revisionsOf(
  records: ReadonlyArray<{ id: string }>,
  table: { bulkGet(ids: string[]): Promise<Array<{ rev?: number } | undefined>> },
): Promise<Map<string, number>> {
  const here = await table.bulkGet(records.map((record) => record.id));
  const revs = new Map<string, number>();
  here.forEach((record, i) => {
    if (record && typeof record.rev === 'number') revs.set(records[i]!.id, record.rev);
  });
  return revs;
}

/**
 * A restored record replacing one of this browser gets a revision above both: an open view
 * ignores a record older than the last revision it saw (see `useSyncedRecord`), so a restored
 * record with the backup's lower `rev` would not be shown, and the view's next keystroke would
 * silently write over the restore.
 */
function aboveSeen<T extends { id: string; rev?: number }>(
  record: T,
  seen: Map<string, number>,
): T {
  const here = seen.get(record.id);
  if (here === undefined) return record;
  const own = typeof record.rev === 'number' && Number.isSafeInteger(record.rev) ? record.rev : 0;
  return { ...record, rev: Math.max(own, here) + 1 };
}

/** The backup's records to write in a merge, counting each decision. */
async function chooseNewer<T extends { id: string; updatedAt: string }>(
  records: readonly T[],
  table: { bulkGet(ids: string[]): Promise<Array<{ updatedAt: string } | undefined>> },
  tally: RestoreCounts,
): Promise<T[]> {
  const here = await table.bulkGet(records.map((record) => record.id));
  return records.filter((record, i) => {
    const local = here[i];
    if (!local) tally.added++;
    else if (newer(record.updatedAt, local.updatedAt)) tally.updated++;
    else {
      tally.kept++;
      return false;
    }
    return true;
  });
}

/**
 * Applies a backup's settings with the storage items, after {@link restoreBackup}. The
 * WordPress password is never touched; the current issue is set only when it exists in the
 * database. Returns the names of the settings written.
 */
export async function applyBackupSettings(
  settings: ParsedBackup['settings'],
  database: IndiscretsDB = defaultDb,
): Promise<string[]> {
  const applied: string[] = [];
  if (settings.houseStyle) {
    await houseStyleItem.setValue(settings.houseStyle);
    applied.push('houseStyle');
  }
  if (settings.draftTemplate !== undefined) {
    await draftTemplate.setValue(settings.draftTemplate);
    applied.push('draftTemplate');
  }
  if (settings.uiLocale) {
    await uiLocale.setValue(settings.uiLocale);
    applied.push('uiLocale');
  }
  if (settings.wordpress) {
    const here = await wordpressItem.getValue();
    await wordpressItem.setValue({ ...DEFAULT_WORDPRESS, ...here, ...settings.wordpress });
    applied.push('wordpress');
  }
  if (settings.currentIssueId !== undefined) {
    const id = settings.currentIssueId;
    if (id === null || (await database.issues.get(id))) {
      await currentIssueId.setValue(id);
      applied.push('currentIssueId');
    }
  }
  return applied;
}

/**
 * Clears the current issue when it no longer exists (after a restore that replaced
 * everything): "Add to issue" would otherwise add to nothing. Returns true when it cleared it.
 */
export async function forgetMissingCurrentIssue(
  database: IndiscretsDB = defaultDb,
): Promise<boolean> {
  const id = await currentIssueId.getValue();
  if (!id || (await database.issues.get(id))) return false;
  await currentIssueId.setValue(null);
  return true;
}
