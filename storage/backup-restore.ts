import { browser } from 'wxt/browser';
import { PASSAGE_TAGS } from '../capture/types';
import type { BackupDraft, ParsedBackup } from './backup-format';
import { db as defaultDb, type IndiscretsDB, type Issue } from './db';
import { deriveFields } from './derive';
import { sameFields } from '../lib/merge';
import {
  DEFAULT_WORDPRESS,
  houseStyleItem,
  originPattern,
  wordpressItem,
  wordpressPasswordItem,
} from './preferences';
import {
  characterKeys,
  currentIssueId,
  draftTemplate,
  storeWordPressSettings,
  uiLocale,
} from './settings';
import { RECORD_BOOKKEEPING } from './record-values';
import { checkSignal, slicer, type Progress } from './slices';
import { clearDeskRecords, DESK_RECORD_TABLES, SYNC_OFF } from './sync-state';

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
  /**
   * Records of the backup not restored: this browser's version is as recent or more (or the
   * same moment's copy of it is already here). A record added as a copy is counted in
   * {@link RestoreResult.copied} only.
   */
  kept: number;
  /** Records of this browser deleted first (`replace` only). */
  removed: number;
}

export interface RestoreOptions {
  /**
   * - `merge`: a record whose id is new is added; one this browser has is replaced only when the
   *   backup's `updatedAt` is more recent, so newer work here is never lost; nor is an undo
   *   undone: a backup's version of a draft that an undo took back (`undone`) is kept out.
   *   With the same `updatedAt` and a record that differs (see {@link sameTimeMerge}), neither
   *   is known to be the later: this browser's stays, and the backup's is not dropped: a draft
   *   here in no issue takes the backup's place in one; otherwise the backup's version is added
   *   beside this browser's as a copy (an id derived from it, so restoring the same backup again
   *   adds no second copy; a draft's copy in the inbox), which the editor sees and keeps or deletes;
   * - `replace`: drafts and issues here are all deleted first, then the backup's are written.
   *   The UI must have the editor confirm it. Refused where the shared desk would send the
   *   deletions and the backup's older versions to the whole newsroom: while it is on, or at a
   *   rejoin ({@link ReplaceRefusal}, {@link ReplaceOnSharedDeskError}) unless the editor
   *   agreed to {@link RestoreOptions.forgetDesk}.
   */
  mode: 'merge' | 'replace';
  /**
   * `replace` with the shared desk off but its records kept for a rejoin (`kept`): the editor
   * confirmed that this browser forgets the desk too. In the transaction that replaces, the
   * sync records (which record is which on the desk, and its merge base), the outbox, the
   * conflicts and refusals go, and the sync's state is as if the desk had never been turned on
   * here (no account, no pull cursors): the next « Activer la rédaction partagée » is a first
   * join, like a new browser's (see {@link forgetSharedDesk}). Never for a desk that is on.
   */
  forgetDesk?: boolean;
  /** Return the backup's settings, for the caller to apply with {@link applyBackupSettings}. */
  settings?: boolean;
  /**
   * Cancels the restore: it rejects with an `AbortError`, nothing written (aborted in the
   * transaction, the database is rolled back). Heard until the last records are written; an
   * abort after that comes too late, and the restore is done.
   */
  signal?: AbortSignal;
  /** Told how far the restore has got, step by step (see {@link RestoreProgress}). */
  onProgress?: (progress: RestoreProgress) => void;
}

/**
 * How far a restore has got, in drafts: `prepare`, their rich text cleaned (before the
 * transaction); `compare`, this browser's versions of them read (in it); `write`, written.
 */
export interface RestoreProgress extends Progress {
  step: 'prepare' | 'compare' | 'write';
}

/**
 * How many records one database request reads or writes in the transaction: the page's thread
 * runs between two (Dexie's hooks and the records' cloning for a few hundred take tens of ms),
 * and an abort is heard there.
 */
export const RESTORE_BATCH = 200;

/**
 * How many characters of text the drafts of one write may hold together: under
 * {@link RESTORE_BATCH} drafts when they are long (a body, quotes of pages), since each is
 * indexed twice (its words, here and in the hooks) and cloned, on the page's thread.
 */
export const WRITE_BATCH_CHARS = 300_000;

/** About how many characters of text a draft holds: what its write costs grows with it. */
function textWeight(draft: BackupDraft): number {
  let weight = (draft.body?.length ?? 0) + (draft.note?.length ?? 0) + draft.title.length;
  for (const quote of draft.quotes ?? []) weight += quote.text.length + (quote.html?.length ?? 0);
  return weight;
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
  /**
   * Drafts and issues of the backup added as copies beside this browser's version, changed at
   * the same moment (`updatedAt`) but differently (`merge` only).
   */
  copied: number;
  /** The backup's settings, when asked for. */
  settings?: ParsedBackup['settings'];
  /**
   * The backup's WordPress user, when its account (site and user) was not applied because this
   * browser has its own, password and all (see {@link applyBackupSettings}); said to the editor.
   */
  accountKept?: string;
  /**
   * The WordPress address the restore wrote, when this browser may not reach it yet (its origin's
   * permission not held, see {@link restoredSiteToAllow}): the editor is told to allow it in the
   * options (« Tester la connexion »), which only a click can do.
   */
  siteToAllow?: string;
}

/**
 * Why « Remplacer tout » is refused in this browser, if it is:
 * - `on`: the shared desk is on. Its outbox queues every local write (storage/outbox.ts): the
 *   deletions of a replace would go up as trashes of colleagues' drafts on WordPress (then in
 *   their own browsers), and the backup's records, written with revisions above this browser's,
 *   as new versions over their later edits, with no question asked;
 * - `kept`: the desk is off, but this browser keeps its sync records for a rejoin (see
 *   `SyncEngine.enable`), which trashes there every record of the desk deleted for good here and
 *   sends every record changed since its merge base as an edit: the same, at the return. Refused
 *   only without {@link RestoreOptions.forgetDesk}: with it, the replace forgets the desk in its
 *   transaction ({@link forgetSharedDesk}), and the next join is a first one.
 * A merge is safe either way: it writes only the records whose backup version is newer, and adds
 * what is missing. Read it in a transaction that includes `syncState` and `syncRecords`.
 */
export type ReplaceRefusal = 'on' | 'kept';

/** {@link ReplaceRefusal} of `database`, or `undefined` when a replace touches this browser only. */
export async function replaceRefusal(
  database: IndiscretsDB = defaultDb,
): Promise<ReplaceRefusal | undefined> {
  if ((await database.syncState.get('desk'))?.enabled) return 'on';
  if ((await database.syncRecords.count()) > 0) return 'kept';
  return undefined;
}

/**
 * « Remplacer tout » asked where it would reach the shared desk ({@link ReplaceRefusal}):
 * refused, nothing changed. The panel does not offer it while the desk is on, and offers it
 * after leaving only with {@link RestoreOptions.forgetDesk}; this guards every other way to it.
 */
export class ReplaceOnSharedDeskError extends Error {
  readonly reason: ReplaceRefusal;

  constructor(reason: ReplaceRefusal) {
    super(
      reason === 'on'
        ? 'Replacing everything is refused while the shared desk is on: merge instead.'
        : 'Replacing everything is refused while this browser keeps the shared desk’s records for a rejoin, unless it forgets the desk too (forgetDesk): merge instead, or agree to forget it.',
    );
    this.name = 'ReplaceOnSharedDeskError';
    this.reason = reason;
  }
}

const newer = (a: string, b: string) => Date.parse(a) > Date.parse(b);

/**
 * Whether `version` (a backup's) is one an undo here took back (`undone`, see `Draft`): a backup
 * made between an action and its undo holds the action at a later `updatedAt` than the draft's
 * now, and its merge must not redo it. Only that version: one written later elsewhere (an edit
 * in another browser) is newer work, taken as any other.
 */
function undoneHere(version: { updatedAt: string }, here: { undone?: string[] }): boolean {
  const at = Date.parse(version.updatedAt);
  return !!here.undone?.some((moment) => Date.parse(moment) === at);
}
const counts = (): RestoreCounts => ({ added: 0, updated: 0, kept: 0, removed: 0 });

/**
 * The backup's drafts with every rich-text field cleaned by `cleanDraft`: an item's text (the
 * editor's rules) and each quote's HTML. A backup is a file anyone can write: what it holds is
 * shown as HTML by the editor and read as text by the inbox, search and exports, so it gets the
 * cleaning HTML pasted into the editor gets. A field with nothing to clean away comes back
 * byte for byte (see `cleanStoredHtml`). A draft at a time, pausing with `pause` (the cleaning
 * of thousands of drafts takes seconds), telling `onDraft` how many are done. An issue's chapô
 * is plain text, shown and exported as such (« <Orange> » is words): it is kept as written,
 * never read as markup.
 */
async function withCleanRichText(
  backup: ParsedBackup,
  cleanDraft: <D extends BackupDraft>(draft: D) => D,
  pause: () => Promise<void>,
  onDraft: (done: number) => void,
): Promise<Pick<ParsedBackup, 'clips'>> {
  const clips: BackupDraft[] = [];
  for (const draft of backup.clips) {
    clips.push(cleanDraft(draft));
    onDraft(clips.length);
    await pause();
  }
  return { clips };
}

/**
 * Writes a backup's drafts and issues, in one transaction: all of it, or nothing when anything
 * fails or the restore is cancelled (`options.signal`). Rich-text fields are cleaned first (see
 * {@link withCleanRichText}): this needs a DOM, so a restore runs in an extension page (the
 * options page), not in the background. Derived fields are recomputed. Settings are not written
 * here (browser storage is not part of the transaction): ask for them with `settings: true` and
 * apply them afterwards. The work goes in slices, the page running in between (see
 * `slices.ts`): the cleaning pauses every few tens of ms, the transaction reads and writes
 * {@link RESTORE_BATCH} records per request; `options.onProgress` hears how far it has got.
 */
export async function restoreBackup(
  parsed: ParsedBackup,
  database: IndiscretsDB = defaultDb,
  options: RestoreOptions = { mode: 'merge' },
): Promise<RestoreResult> {
  const { mode, signal, onProgress } = options;
  if (mode !== 'merge' && mode !== 'replace') {
    throw new TypeError(`Unknown restore mode: ${String(mode)}`);
  }
  checkSignal(signal);
  const total = parsed.clips.length;
  const tell = (step: RestoreProgress['step'], done: number) => onProgress?.({ step, done, total });
  tell('prepare', 0);
  // Loaded at the restore: the options page paints without the cleaner. Cleaned before the
  // transaction, which must not wait on anything but the database.
  const [{ cleanStoredHtml }, { cleanStoredItemHtml }] = await Promise.all([
    import('../lib/purify'),
    import('./item-html'),
  ]);
  // A quote keeps a passage's elements (block quotes, code…); an item's text gets the editor's
  // own rules (paragraphs, lists one level deep, bold, italic, links), or a nested list of a
  // backup would be stored, and shown, until the editor's next keystroke cleaned it.
  // Its words in another language keep their mark, as the capture wrote it (`<span lang="en">`,
  // a `lang` on a paragraph): else a restore loses it, and a merge takes the quote for changed.
  const clean = (html: unknown) =>
    typeof html === 'string'
      ? cleanStoredHtml(html, [...PASSAGE_TAGS, 'span'], document, ['href', 'lang'])
      : html;
  const cleanDraft = <D extends BackupDraft>(draft: D): D => ({
    ...draft,
    body: typeof draft.body === 'string' ? cleanStoredItemHtml(draft.body) : draft.body,
    quotes: draft.quotes.map((quote) => ({ ...quote, html: clean(quote.html) as string })),
  });
  const backup = {
    ...parsed,
    ...(await withCleanRichText(parsed, cleanDraft, slicer(signal), (done) =>
      tell('prepare', done),
    )),
  };
  // The sync's state is read in the transaction that writes: the desk turned on meanwhile (from
  // another page) is seen, and the replace refused before anything is deleted.
  // The desk's tables are those a replace that forgets the desk clears (forgetSharedDesk).
  const tables = [
    database.clips,
    database.issues,
    database.syncState,
    ...DESK_RECORD_TABLES.map((name) => database[name]),
  ];
  return database.transaction('rw', tables, async () => {
    // Inside the transaction nothing but its requests may be awaited (it would commit): the page
    // runs while a batch is read or written, and a cancel is heard after each one. Thrown here,
    // it aborts the transaction, which undoes every batch already written.
    checkSignal(signal);
    const refusal = mode === 'replace' ? await replaceRefusal(database) : undefined;
    if (refusal === 'on' || (refusal === 'kept' && !options.forgetDesk)) {
      throw new ReplaceOnSharedDeskError(refusal);
    }
    const result: RestoreResult = {
      mode,
      clips: counts(),
      issues: counts(),
      movedToInbox: 0,
      copied: 0,
      ...(options.settings ? { settings: backup.settings } : {}),
    };
    let drafts: BackupDraft[];
    let issues: Issue[];
    let issueIds: Set<string>;
    // Read before a replace clears them: the revisions the open views have seen, and what a
    // merge compares the backup's records with.
    const issuesHere = await inBatches(
      backup.issues.map((issue) => issue.id),
      (ids) => database.issues.bulkGet(ids),
      signal,
    );
    tell('compare', 0);
    const clipsHere = await inBatches(
      backup.clips.map((draft) => draft.id),
      (ids) => database.clips.bulkGet(ids),
      signal,
      (done) => tell('compare', done),
    );
    const seenClips = revisionsOf(backup.clips, clipsHere);
    const seenIssues = revisionsOf(backup.issues, issuesHere);
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
      issues = await chooseNewer(backup.issues, issuesHere, database.issues, result.issues, result);
      // A draft here whose text is not in the shape a restore writes (a body from an editor's
      // template with `<b>`, stored as the template was typed) is compared as a restore would
      // write it: else a merge of this browser's own backup took it for changed, and added a copy.
      drafts = await chooseNewer(
        backup.clips,
        clipsHere,
        database.clips,
        result.clips,
        result,
        (draft) => cleanDraft(draft as BackupDraft),
      );
      const here = await database.issues.toCollection().primaryKeys();
      issueIds = new Set([...here, ...backup.issues.map((issue) => issue.id)]);
    }
    checkSignal(signal);
    const written = drafts.map((draft) => {
      if (!draft.issueId || issueIds.has(draft.issueId)) return draft;
      result.movedToInbox++;
      return { ...draft, issueId: '', sortKey: '' };
    });
    await inBatches(
      issues.map((issue) => aboveSeen(issue, seenIssues)),
      async (batch) => {
        await database.issues.bulkPut(batch);
        return [];
      },
      signal,
    );
    // Counted on the backup's drafts (a merge writes only some): the last batch ends at all.
    const skipped = total - written.length;
    tell('write', skipped);
    await inBatches(
      written,
      // The hooks derive these too; computing them here keeps the records complete as typed.
      async (batch) => {
        await database.clips.bulkPut(
          batch.map((draft) => aboveSeen({ ...draft, ...deriveFields(draft) }, seenClips)),
        );
        return [];
      },
      signal,
      (done) => tell('write', skipped + done),
      textWeight,
    );
    if (refusal === 'kept') await forgetSharedDesk(database);
    // The last moment a cancel undoes the restore: past it, the transaction commits.
    checkSignal(signal);
    return result;
  });
}

/**
 * `request` over `items` {@link RESTORE_BATCH} at a time (fewer when `weigh` says they hold
 * more than {@link WRITE_BATCH_CHARS} of text together), in order, the answers put end to end
 * (a write answers none);
 * after each batch, `onBatch` hears how many items are done and an aborted `signal` throws
 * (in a transaction, aborting it).
 */
async function inBatches<T, R>(
  items: readonly T[],
  request: (batch: T[]) => Promise<R[]>,
  signal: AbortSignal | undefined,
  onBatch?: (done: number) => void,
  weigh?: (item: T) => number,
): Promise<R[]> {
  const out: R[] = [];
  for (let start = 0; start < items.length;) {
    let end = Math.min(start + RESTORE_BATCH, items.length);
    if (weigh) {
      // At least one item; then as many as {@link WRITE_BATCH_CHARS} of text allows.
      let weight = weigh(items[start]!);
      for (let next = start + 1; next < end; next++) {
        weight += weigh(items[next]!);
        if (weight > WRITE_BATCH_CHARS) {
          end = next;
          break;
        }
      }
    }
    const batch = items.slice(start, end);
    out.push(...(await request(batch)));
    start = end;
    onBatch?.(start);
    checkSignal(signal);
  }
  return out;
}

/**
 * This browser forgets the shared desk it left (the desk must be off): which of its records
 * are the desk's and their merge bases (`syncRecords`), anything still queued or waiting for
 * the editor, and the sync's state with the account and the pull cursors (back to
 * {@link SYNC_OFF}). What turning the desk on does next is then a first join, as from a new
 * browser (`SyncEngine.enable`): nothing is sent as a deletion, since nothing here is known to
 * be the desk's; the desk's whole listing comes down, its records this browser lacks written
 * here; a record on both sides, the same, is left alone; different, and changed on the desk
 * since it was created there (version above 1), it is a conflict the editor settles field by
 * field, WordPress's version kept meanwhile; at its first version still, this browser's is sent
 * as its edit; a record only here is sent as new, and a trashed draft only here stays here.
 * The tables cleared are the engine's own list ({@link DESK_RECORD_TABLES}, the same
 * `SyncEngine` forgets for another account). Call in a read-write transaction over `syncState`
 * and those tables.
 */
export async function forgetSharedDesk(database: IndiscretsDB): Promise<void> {
  await clearDeskRecords(database);
  await database.syncState.put({ ...SYNC_OFF });
}

/**
 * The revision (`rev`) of each record this browser has with the id of a backup record, from
 * `here`, this browser's versions read in the backup's order (`undefined` for none).
 */
function revisionsOf(
  records: ReadonlyArray<{ id: string }>,
  here: ReadonlyArray<{ rev?: number } | undefined>,
): Map<string, number> {
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

/** Where a draft is: its issue and its place in it. */
const PLACEMENT = new Set(['issueId', 'sortKey']);

/**
 * What a merge does with a backup record whose `updatedAt` is the same as this browser's
 * version of it: neither is the later, so this browser's is kept, and the backup's is not lost:
 * - `keep`: they hold the same (bookkeeping aside: revision, edit marks, the shared desk's
 *   mark), or only place a draft differently, and this browser's is in an issue (a copy, in the
 *   inbox, would only duplicate it);
 * - `place`: the same draft, in no issue here and in one in the backup: the backup's, which
 *   has the place, is written (nothing of this browser's is lost);
 * - `copy`: anything else (another text, intro or title): the backup's version is added
 *   beside this browser's, as a copy (see {@link copyOf}).
 */
export function sameTimeMerge(backup: object, here: object): 'keep' | 'place' | 'copy' {
  if (sameFields(backup, here, RECORD_BOOKKEEPING)) return 'keep';
  if (!sameFields(backup, here, new Set([...RECORD_BOOKKEEPING, ...PLACEMENT]))) return 'copy';
  // Only the placement differs. A copy would go to the inbox (see copyOf), a duplicate that
  // keeps nothing of the backup's: the backup's place is taken only by a draft in no issue.
  const issueOf = (record: object) => (record as { issueId?: string }).issueId || '';
  return issueOf(backup) && !issueOf(here) ? 'place' : 'keep';
}

/** `value` as JSON with every object's keys sorted: the same data gives the same text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A UUID-shaped id (version 8: custom) made from `text` by four FNV-1a hashes with different
 * seeds: not cryptographic, only stable. Synchronous, because it runs inside the restore's
 * transaction, which must not wait on anything but the database (`crypto.subtle` would).
 */
function idFrom(text: string): string {
  const seeds = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  const hex = seeds
    .map((seed) => {
      let h = seed >>> 0;
      for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
      }
      return h.toString(16).padStart(8, '0');
    })
    .join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/**
 * The id of the copy of a backup record: derived from the original's id and the backup's
 * version of it (bookkeeping and placement aside), so that restoring the same backup again
 * finds the copy the first restore made instead of adding another; another backup with another
 * version gives another copy.
 */
function copyIdOf(record: { id: string }): string {
  const content = Object.fromEntries(
    Object.entries(record).filter(([key]) => !RECORD_BOOKKEEPING.has(key) && !PLACEMENT.has(key)),
  );
  return idFrom(`indiscrets-backup-copy\u0000${record.id}\u0000${stableJson(content)}`);
}

/**
 * The backup's version of a record as a copy beside this browser's: its id from
 * {@link copyIdOf}, and nothing that ties it to the original elsewhere (the shared desk's mark;
 * an issue's WordPress post, which publishing the copy would overwrite). A draft's copy goes to
 * the inbox: in the original's issue it would show the item twice (at the same place), and be
 * exported and shared with the newsroom twice.
 */
function copyOf<T extends { id: string }>(record: T): T {
  const copy: Record<string, unknown> = { ...record, id: copyIdOf(record) };
  for (const key of ['rev', 'desk', 'wordpress', 'publishing', 'exportedAt']) delete copy[key];
  if ('issueId' in copy) Object.assign(copy, { issueId: '', sortKey: '' });
  return copy as T;
}

/**
 * The backup's records to write in a merge, counting each decision; `here` holds this browser's
 * versions of them, in the same order (`undefined` for none).
 */
async function chooseNewer<T extends { id: string; updatedAt: string }>(
  records: readonly T[],
  here: ReadonlyArray<{ id: string; updatedAt: string; undone?: string[] } | undefined>,
  table: { bulkGet(ids: string[]): Promise<Array<{ id: string; updatedAt: string } | undefined>> },
  tally: RestoreCounts,
  result: Pick<RestoreResult, 'copied'>,
  asRestored?: (local: { id: string; updatedAt: string }) => object,
): Promise<T[]> {
  const decisions = records.map((record, i) => {
    const local = here[i];
    if (!local) return 'add';
    if (newer(record.updatedAt, local.updatedAt) && !undoneHere(record, local)) return 'update';
    // Older than this browser's version, or the version an undo here took back: kept. As old:
    // see sameTimeMerge.
    if (Date.parse(record.updatedAt) !== Date.parse(local.updatedAt)) return 'keep';
    const decision = sameTimeMerge(record, local);
    // Cleaned only when they differ: cleaning every draft here would hold the page still.
    return decision === 'copy' && asRestored ? sameTimeMerge(record, asRestored(local)) : decision;
  });
  const copyIds = new Map<number, string>();
  decisions.forEach((decision, i) => {
    if (decision === 'copy') copyIds.set(i, copyIdOf(records[i]!));
  });
  // A copy this browser already has (made by restoring this backup before), or that the backup
  // holds itself (saved after such a restore), is not added again.
  const copiesHere = copyIds.size ? await table.bulkGet([...copyIds.values()]) : [];
  const present = new Set<string | undefined>([
    ...copiesHere.map((copy) => copy?.id),
    ...records.map((record) => record.id),
  ]);
  const out: T[] = [];
  records.forEach((record, i) => {
    const decision = decisions[i];
    if (decision === 'add') {
      tally.added++;
      out.push(record);
    } else if (decision === 'update' || decision === 'place') {
      tally.updated++;
      out.push(record);
    } else if (decision === 'copy' && !present.has(copyIds.get(i))) {
      // This browser's version stays and the backup's is added as a copy: counted as a copy
      // only (neither kept, since it was restored, nor added under its id).
      present.add(copyIds.get(i));
      result.copied++;
      out.push(copyOf(record));
    } else {
      tally.kept++;
    }
  });
  return out;
}

/**
 * The WordPress address the settings name, when this browser does not hold its origin's
 * permission (`contains`, browser.permissions.contains by default): after a restore that wrote
 * it, publishing and the shared desk would be refused with no word of why. Undefined when
 * allowed, when no address is set, or when the browser cannot tell.
 */
export async function restoredSiteToAllow(
  contains: (origin: string) => Promise<boolean> = (origin) =>
    browser.permissions.contains({ origins: [origin] }),
): Promise<string | undefined> {
  try {
    const { siteUrl } = await wordpressItem.getValue();
    if (!siteUrl) return undefined;
    return (await contains(originPattern(siteUrl))) ? undefined : siteUrl;
  } catch {
    return undefined;
  }
}

/**
 * Applies a backup's settings with the storage items, after {@link restoreBackup}. The
 * WordPress password is never touched; the current issue is set only when it exists in the
 * database. Returns the names of the settings written, and `wordpressAccountKept` when the
 * backup names another WordPress account than the one set up here (a colleague's backup, or
 * another site's): this browser's site and user stay with its password, for the backup's user
 * with this browser's password would have publishing and the shared desk refused (401); the
 * backup's category and status still apply. With no account here (no password), the backup's
 * site and user are written, for the editor to add the password; another address than this
 * browser's is then left as the options' change leaves it (`wordpressSiteLeft`: the caller sends
 * the background `siteLeave`).
 */
export async function applyBackupSettings(
  settings: ParsedBackup['settings'],
  database: IndiscretsDB = defaultDb,
): Promise<string[]> {
  const applied: string[] = [];
  try {
    await applySettings(settings, database, applied);
  } catch (error) {
    throw new SettingsPartlyAppliedError(applied, error);
  }
  return applied;
}

/**
 * {@link applyBackupSettings} failed midway: `applied`, the names of the settings it had written
 * before (as it returns them; none, possibly), the others not; `cause`, what failed.
 */
export class SettingsPartlyAppliedError extends Error {
  readonly applied: string[];

  constructor(applied: string[], cause: unknown) {
    super('The backup’s settings were only partly applied', { cause });
    this.name = 'SettingsPartlyAppliedError';
    this.applied = applied;
  }
}

/** The writes of {@link applyBackupSettings}, each named in `applied` once done. */
async function applySettings(
  settings: ParsedBackup['settings'],
  database: IndiscretsDB,
  applied: string[],
): Promise<void> {
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
  if (settings.characterKeys !== undefined) {
    await characterKeys.setValue(settings.characterKeys);
    applied.push('characterKeys');
  }
  if (settings.wordpress) {
    const [here, password] = await Promise.all([
      wordpressItem.getValue(),
      wordpressPasswordItem.getValue(),
    ]);
    const mine = { ...DEFAULT_WORDPRESS, ...here };
    const theirs = settings.wordpress;
    const hasAccount = !!password && !!mine.siteUrl && !!mine.username;
    const another =
      (theirs.siteUrl !== undefined && theirs.siteUrl !== mine.siteUrl) ||
      (theirs.username !== undefined && theirs.username !== mine.username);
    const keep = hasAccount && another;
    const next = {
      ...mine,
      ...theirs,
      ...(keep ? { siteUrl: mine.siteUrl, username: mine.username } : {}),
    };
    // Another address: the one left is written with it, in one storage write, for the background
    // to complete as after the options' change (services/site-leave.ts: the moves noted from the
    // restored address forgotten, the old one asked whether the site moved, its permission given
    // back), once the caller sends it `siteLeave`.
    const left = await storeWordPressSettings(next);
    applied.push('wordpress');
    if (keep) applied.push('wordpressAccountKept');
    if (left) applied.push('wordpressSiteLeft');
  }
  if (settings.currentIssueId !== undefined) {
    const id = settings.currentIssueId;
    if (id === null || (await database.issues.get(id))) {
      await currentIssueId.setValue(id);
      applied.push('currentIssueId');
    }
  }
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
