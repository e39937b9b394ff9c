import { DESCRIPTIVE_FIELDS } from '../capture/types';
import { db as defaultDb, type Draft, type IndiscretsDB, type Issue, UNDONE_KEPT } from './db';
import { bodyText, hasVisibleText, normaliseUrl } from './derive';
import { sameFields, sameValue } from '../lib/merge';
import { markEdit, type EditSource } from './edit-marks';
import { DRAFT_STATUSES, RECORD_BOOKKEEPING } from './record-values';
import type { SyncConflict, SyncKind } from './sync-state';
import { conflictChoiceInEffect, undoConflictChoice } from './conflict-undo';
import { removalInEffect, undoRemoval } from './remove-undo';
import { forgetMergedInto, noteMergedInto } from './outbox';
import { GAP_FIELDS, unmergeTarget, type KeptField } from './merge-undo';
import { itemLabel } from './label';

const now = () => new Date().toISOString();
const DAY_MS = 24 * 60 * 60 * 1000;

/** Thrown when an id names no draft (deleted meanwhile, or from another database). */
export class DraftNotFoundError extends Error {
  override name = 'DraftNotFoundError';
  constructor(readonly draftId: string) {
    super(`No draft with id ${draftId}`);
  }
}

/** The fields an editor changes by hand. The rest is managed by the functions that own it. */
export const EDITABLE_FIELDS = [
  'title',
  'label',
  'body',
  'sources',
  'note',
  'noteShared',
  'tags',
  'status',
  'quotes',
  'siteName',
  'byline',
  'publishedAt',
  'lang',
  'excerpt',
  'imageUrl',
] as const satisfies ReadonlyArray<keyof Draft>;

/** A change to a draft's editable fields. An optional field set to `undefined` is removed. */
export type DraftPatch = Partial<Pick<Draft, (typeof EDITABLE_FIELDS)[number]>>;

const REQUIRED_FIELDS = new Set<string>([
  'title',
  'body',
  'sources',
  'note',
  'tags',
  'status',
  'quotes',
]);

/** Trims tags, drops empty ones and keeps the first of those that differ only by case. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLocaleLowerCase('fr');
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

/**
 * Applies an edit and stamps `updatedAt`; returns the draft as stored. Fields outside
 * {@link EDITABLE_FIELDS} are ignored, not written: the patch may come from the journal, i.e.
 * from JSON that was written by an older version. Unknown statuses are rejected.
 */
export function updateDraft(
  id: string,
  patch: DraftPatch,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
  bookkeeping: Pick<Draft, 'edits'> = {},
): Promise<Draft> {
  const changes: Partial<Draft> = { ...bookkeeping };
  for (const field of EDITABLE_FIELDS) {
    if (!Object.hasOwn(patch, field)) continue;
    const value = patch[field];
    if (value === undefined && REQUIRED_FIELDS.has(field)) continue;
    (changes as Record<string, unknown>)[field] = value;
  }
  if (changes.tags) changes.tags = normaliseTags(changes.tags);
  if (
    changes.status !== undefined &&
    !(DRAFT_STATUSES as readonly unknown[]).includes(changes.status)
  ) {
    return Promise.reject(new TypeError(`Unknown draft status: ${String(changes.status)}`));
  }
  return database.transaction('rw', database.clips, async () => {
    changes.updatedAt = clock();
    const typed = DESCRIPTIVE_FIELDS.filter((field) => Object.hasOwn(changes, field));
    if (typed.length > 0) {
      const current = await database.clips.get(id);
      if (!current) throw new DraftNotFoundError(id);
      const provenance = typedOverTab(current, changes, typed);
      if (provenance) changes.provenance = provenance;
    }
    // Dexie's update() removes a field set to undefined, and the hooks re-derive the indexes.
    const updated = await database.clips.update(id, changes);
    if (!updated) throw new DraftNotFoundError(id);
    return (await database.clips.get(id))!;
  });
}

/**
 * The provenance of `current` once the editor's `changes` are written: a value the editor typed
 * over one the tab gave (`tab`: the page closed to scripts, its reader view, its source) no
 * longer comes from the tab, whose weak values a later clip of the page replaces
 * (storage/draft-records.ts, `saveDraft`): the editor's words are kept. Undefined when unchanged.
 */
function typedOverTab(
  current: Draft,
  changes: Partial<Draft>,
  fields: readonly (typeof DESCRIPTIVE_FIELDS)[number][],
): Draft['provenance'] | undefined {
  const typed = fields.filter(
    (field) => current.provenance?.[field] === 'tab' && !sameValue(changes[field], current[field]),
  );
  if (typed.length === 0) return undefined;
  const provenance = { ...current.provenance };
  for (const field of typed) delete provenance[field];
  return provenance;
}

/** A draft's editable field. */
export type DraftField = (typeof EDITABLE_FIELDS)[number];

/** What {@link saveDraftEdit} wrote, and what it could not. */
export interface DraftEditResult {
  /** The draft as stored after the write. */
  draft: Draft;
  /**
   * Fields of the patch that were not written: changed elsewhere since `base` (another view,
   * the background), to a value other than the patch's. The caller asks the editor to choose.
   */
  conflicts: DraftField[];
}

/**
 * Writes an editor's changes made from `base` (for each field of `patch`, the value the editor
 * started from), in one transaction: a field still as in `base` (or already as in `patch`) is
 * written; a field someone else changed meanwhile is left as they wrote it and reported in
 * `conflicts`. Nothing is overwritten unseen, whatever the order of the views' writes.
 * With `source` (an editor view), the write is marked on the draft (`edits`) for the journal
 * replay.
 */
export function saveDraftEdit(
  id: string,
  patch: DraftPatch,
  base: DraftPatch,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
  source?: EditSource,
): Promise<DraftEditResult> {
  return database.transaction('rw', database.clips, async () => {
    const current = await database.clips.get(id);
    if (!current) throw new DraftNotFoundError(id);
    const writable: DraftPatch = {};
    const conflicts: DraftField[] = [];
    for (const field of EDITABLE_FIELDS) {
      if (!Object.hasOwn(patch, field)) continue;
      if (sameValue(current[field], base[field]) || sameValue(current[field], patch[field])) {
        (writable as Record<string, unknown>)[field] = patch[field];
      } else {
        conflicts.push(field);
      }
    }
    const wrote = Object.keys(writable);
    const marks = source ? { edits: markEdit(current, source, wrote, conflicts) } : {};
    const draft =
      wrote.length > 0 ? await updateDraft(id, writable, database, clock, marks) : current;
    return { draft, conflicts };
  });
}

/**
 * What an action changed, so that {@link undo} can put it back: the records as they were, and
 * the ids of drafts the action created. Meant for the "Undo" toast right after the action; what
 * was written in the drafts since is kept by the undo (see {@link undo}).
 */
export interface UndoToken {
  /** Which action: the UI words the toast. */
  label: 'trash' | 'merge' | 'issue' | 'conflict' | 'remove' | 'move';
  /**
   * The drafts as they were before the action: a trashed one, of which the undo writes back
   * what the trash changed; a merge's two, the one merged away then the one merged into (the
   * undo reads what the merge added from them, see storage/merge-undo.ts); a draft missing when
   * undone is written back as it was. For `conflict`, the draft whose conflict was settled, of
   * which only the conflict's fields are written back.
   */
  before: Draft[];
  /** Ids of drafts the action created, deleted on undo. */
  after: string[];
  /**
   * The issue the action deleted (`label` 'issue'), put back as it was. Its items (`before`)
   * take their places in it again if they are still in the inbox, as they are now: what was
   * written in them since is kept, and one moved to another issue meanwhile stays there.
   */
  issue?: Issue;
  /**
   * A shared desk's conflict settled with another editor's version (`label` 'conflict', see
   * storage/conflict-undo.ts): the conflict as it was stored, and for an issue's conflict the
   * issue as it was just before the choice (a draft's is `before`).
   */
  conflict?: {
    stored: SyncConflict;
    issue?: Issue;
    /**
     * The fields the choice replaced: took the other version of, or kept both versions of (the
     * others were kept « mine »).
     */
    taken?: string[];
    /**
     * What the choice wrote in the fields it kept both versions of (« Garder les deux »: a text
     * holding both), by field, in its shared form: the undo compares the record with it. A field
     * not named here was given the other version (the conflict's `theirs`).
     */
    wrote?: Record<string, unknown>;
  };
  /**
   * Several conflicts settled at once with the others' versions (« Prendre toutes les autres »,
   * `label` 'conflict', see storage/conflict-undo.ts): each one's undo, all undone together.
   */
  conflicts?: UndoToken[];
  /**
   * Items taken out of an issue with « Retirer » (`label` 'remove', see storage/remove-undo.ts):
   * `before` holds them as they were, in the issue's order, and `places` the items that were
   * just before and just after each one then, for the undo to put it back between them. Items
   * moved to another issue with « Déplacer vers… » (`label` 'move'): the same, and `to`, the
   * issue they were moved to (an item put in another issue since stays there).
   */
  removed?: { issueId: string; places: RemovedPlace[]; to?: string };
}

/** Where an item taken out of its issue was: its neighbours in the list as shown (ids). */
export interface RemovedPlace {
  /** The item just above it; none when it was the first. */
  previous?: string;
  /** The item just below it; none when it was the last. */
  next?: string;
}

/** Where what an undo brought back is now, for the view to show it there. */
export interface Undone {
  /**
   * The issue it is in: the deleted issue put back, or the issue the draft put back is an item
   * of; `''` when that draft is in the inbox (or its issue is gone).
   */
  issueId: string;
  /** The draft put back (trashed, or merged into another); none for a deleted issue. */
  draftId?: string;
  /**
   * A conflict's choice undone: the conflict is back in the shared desk's bar, which every view
   * shows, and the editor's version in the record; the view stays where it is.
   */
  conflict?: true;
  /**
   * Items taken out of an issue, put back: one of them could not be, and why (in the trash, or
   * deleted meanwhile), named as the issue's list named it. The others are back in their places.
   */
  notBack?: { reason: 'trashed' | 'deleted'; title: string };
  /**
   * A merge undone whose target's text (or note) was changed since where the merge had put the
   * other draft's: it is kept as it is now, merged-in part and all (nothing typed is dropped),
   * and the undo says so. `title` names the target as its list does.
   */
  kept?: { title: string; fields: KeptField[] };
  /**
   * A conflict's choice undone whose fields the editor changed since (typed in another view
   * after « Prendre l'autre ») and that could not take their value from before the choice back
   * without dropping those words: kept as they are now (`fields`), or, a text whose words since
   * meet the editor's own from before, holding both, the words since first (`both`, when there
   * is one); the undo says so (see storage/conflict-undo.ts). `title` names the record as its
   * conflict does, `fields` and `both` are the conflict's names of those fields (the shared
   * note is `note`), of the record's `kind`; `records` counts the records with such fields when
   * several conflicts were undone at once (one holding both named, else the first; `fields`
   * and `both` then gather all of theirs).
   */
  conflictKept?: {
    title: string;
    kind: SyncKind;
    fields: string[];
    both?: string[];
    records: number;
  };
}

/**
 * Reverts an action: in one transaction, deletes what it created and writes back what it
 * changed, keeping what was written since in any view (see `putBack`). Answers where what came
 * back is, or `undefined` when there was nothing left to undo: the
 * action was undone already (from another view, or by a second click) and is not undone again,
 * since that would write back the records as they were before it over what was written since.
 */
export async function undo(
  token: UndoToken,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<Undone | undefined> {
  if (token.conflict || token.conflicts) return undoConflictChoice(token, database, clock);
  if (token.removed) return undoRemoval(token, database, clock);
  const tables = [database.clips, database.issues, database.syncRecords];
  return database.transaction('rw', tables, async () => {
    if (!(await stillDone(token, database))) return undefined;
    if (token.after.length > 0) await database.clips.bulkDelete(token.after);
    if (!token.issue) {
      const kept = await putBack(token, database, clock);
      if (token.label === 'merge' && token.before[0]) {
        await forgetMergedInto(database, token.before[0].id);
      }
      const draftId = token.before[0]?.id;
      const draft = draftId ? await database.clips.get(draftId) : undefined;
      const issueId =
        draft?.issueId && (await database.issues.get(draft.issueId)) ? draft.issueId : '';
      const where: Undone = draftId ? { issueId, draftId } : { issueId };
      return kept ? { ...where, kept } : where;
    }
    await database.issues.put(token.issue);
    const at = clock();
    const current = await database.clips.bulkGet(token.before.map((draft) => draft.id));
    for (const [index, draft] of current.entries()) {
      const was = token.before[index]!;
      if (draft && draft.issueId === '') {
        await database.clips.update(draft.id, {
          issueId: was.issueId,
          sortKey: was.sortKey,
          updatedAt: at,
        });
      }
    }
    return { issueId: token.issue.id };
  });
}

/**
 * Writes back what a trash or a merge changed, keeping what was written since in any view:
 * - a draft missing now (merged away, deleted meanwhile) is written back as it was;
 * - a draft trashed is taken out of the trash: `deletedAt` as it was before (none), the rest as
 *   it is now, since the trash changed nothing else (it kept the draft's issue and place);
 * - the draft merged into (a merge's second draft) loses what the merge added to it, and keeps
 *   what was written in it since where the two can be told apart (storage/merge-undo.ts).
 * Each is an ordinary update (its revision raised, queued for the shared desk like any edit).
 * A draft with nothing written since is as it was before, `updatedAt` too (the same version
 * as before the action: a backup made before it merges as the same record, and a draft the
 * shared desk brought keeps the server's time, which tells it untouched), and notes the version
 * taken back, its `updatedAt`, in `undone`, which a backup's merge keeps out: else a backup made
 * between the action and the undo, later by `updatedAt`, would redo the action. Else
 * `updatedAt` is now. A draft written back because it is missing needs no note: no backup holds
 * it deleted.
 * Answers the merge's texts that kept their merged-in part, for the undo to say so.
 */
async function putBack(
  token: UndoToken,
  database: IndiscretsDB,
  clock: () => string,
): Promise<Undone['kept']> {
  const current = await database.clips.bulkGet(token.before.map((draft) => draft.id));
  let kept: Undone['kept'];
  for (const [index, was] of token.before.entries()) {
    const draft = current[index];
    if (!draft) {
      await database.clips.put(was);
      continue;
    }
    let changes: Partial<Draft>;
    if (token.label === 'merge' && index === 1 && token.before[0]) {
      const merged = mergedDraft(token.before[0], was, draft.updatedAt);
      const undone = unmergeTarget(was, merged, draft);
      changes = undone.changes;
      if (undone.kept.length > 0) kept = { title: itemLabel(draft), fields: undone.kept };
    } else {
      changes = { deletedAt: was.deletedAt };
      // Out of the trash, a draft another editor merged away is merged nowhere any more.
      if (draft.desk?.mergedInto)
        (changes as Record<string, unknown>)['desk.mergedInto'] = undefined;
    }
    const next = { ...draft, ...changes };
    if (sameFields(next, was, NOT_CONTENT)) {
      changes.updatedAt = was.updatedAt;
      changes.undone = [...(draft.undone ?? []), draft.updatedAt].slice(-UNDONE_KEPT);
    } else {
      changes.updatedAt = clock();
    }
    await database.clips.update(draft.id, changes);
  }
  return kept;
}

/** What two versions of a draft are compared without: bookkeeping, and when they were written. */
const NOT_CONTENT: ReadonlySet<string> = new Set([...RECORD_BOOKKEEPING, 'updatedAt']);

/**
 * Whether `token`'s action is still in effect, so that undoing it would do something: an offer
 * to undo one that was reverted by other means (a draft restored from the trash) is not shown.
 */
export function undoable(token: UndoToken, database: IndiscretsDB = defaultDb): Promise<boolean> {
  if (token.conflict || token.conflicts) return conflictChoiceInEffect(token, database);
  if (token.removed) return removalInEffect(token, database);
  return database.transaction('r', database.clips, database.issues, () =>
    stillDone(token, database),
  );
}

/**
 * Whether the action a token recorded is still in effect, read in the undo's transaction (so
 * that of two views undoing it at once, the second finds it undone): a draft it created is
 * still there; the issue it deleted is still missing; the draft it merged into another is still
 * missing (only an undo brings it back); the draft it trashed is still in the trash, or missing.
 */
async function stillDone(token: UndoToken, database: IndiscretsDB): Promise<boolean> {
  if (token.after.length > 0 && (await database.clips.bulkGet(token.after)).some(Boolean)) {
    return true;
  }
  if (token.issue) return !(await database.issues.get(token.issue.id));
  const first = token.before[0];
  if (!first) return false;
  const current = await database.clips.get(first.id);
  if (token.label === 'trash') return !current || !!current.deletedAt;
  return !current;
}

async function mustGet(database: IndiscretsDB, id: string): Promise<Draft> {
  const draft = await database.clips.get(id);
  if (!draft) throw new DraftNotFoundError(id);
  return draft;
}

/**
 * Puts a draft in the trash. It keeps its issue and place there, but no longer shows in the
 * issue, the inbox or searches, and {@link purgeTrash} deletes it after 30 days.
 */
export function trashDraft(
  id: string,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<UndoToken> {
  return database.transaction('rw', database.clips, async () => {
    const before = await mustGet(database, id);
    if (!before.deletedAt) {
      const at = clock();
      await database.clips.update(id, { deletedAt: at, updatedAt: at });
    }
    return { label: 'trash', before: [before], after: [] };
  });
}

/** Takes a draft out of the trash, back where it was (the inbox, or its place in its issue). */
export function restoreDraft(
  id: string,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<Draft> {
  return database.transaction('rw', database.clips, async () => {
    const draft = await mustGet(database, id);
    if (!draft.deletedAt) return draft;
    await database.clips.update(id, {
      deletedAt: undefined,
      updatedAt: clock(),
      // Out of the trash, a draft another editor merged away is merged nowhere any more.
      ...(draft.desk?.mergedInto ? { 'desk.mergedInto': undefined } : {}),
    });
    return mustGet(database, id);
  });
}

/** The trash, most recently trashed first. */
export function listTrash(database: IndiscretsDB = defaultDb): Promise<Draft[]> {
  return database.clips.orderBy('deletedAt').reverse().toArray();
}

/**
 * Deletes for good the drafts trashed more than `days` days before `now`; returns how many.
 * Run at start-up.
 */
export function purgeTrash(
  now: Date = new Date(),
  days = 30,
  database: IndiscretsDB = defaultDb,
): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  return database.clips.where('deletedAt').below(cutoff).delete();
}

/**
 * Merges one draft into another, for two clips that make one item (see {@link mergedDraft}).
 * The source draft is deleted.
 */
export function mergeDrafts(
  sourceId: string,
  targetId: string,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<UndoToken> {
  if (sourceId === targetId) {
    return Promise.reject(new TypeError('A draft cannot be merged into itself'));
  }
  const tables = [database.clips, database.outbox, database.syncRecords];
  return database.transaction('rw', tables, async () => {
    const [source, target] = await Promise.all([
      mustGet(database, sourceId),
      mustGet(database, targetId),
    ]);
    await database.clips.delete(sourceId);
    await database.clips.put(mergedDraft(source, target, clock()));
    await noteMergedInto(database, sourceId, targetId);
    return { label: 'merge', before: [source, target], after: [] };
  });
}

/**
 * The target as a merge of `source` into it writes it, at `at`: it keeps its body, followed by
 * the source's as a new paragraph when it has text the target lacks; sources are concatenated
 * (one per URL), quotes too (oldest first), tags united and notes joined. Metadata the target
 * lacks is taken from the source. Pure: the merge's undo reads from it what the merge added.
 */
export function mergedDraft(source: Draft, target: Draft, at: string): Draft {
  const merged: Draft = {
    ...target,
    body: appendParagraph(target.body, source.body),
    sources: uniqueBy([...target.sources, ...source.sources], (s) => normaliseUrl(s.url)),
    quotes: uniqueBy([...target.quotes, ...source.quotes], (q) => q.text)
      // Stable sort: quotes clipped at the same moment keep the target's first.
      .sort((a, b) => (a.clippedAt < b.clippedAt ? -1 : a.clippedAt > b.clippedAt ? 1 : 0)),
    tags: normaliseTags([...target.tags, ...source.tags]),
    note: [...new Set([target.note.trim(), source.note.trim()].filter(Boolean))].join('\n\n'),
    provenance: { ...target.provenance },
    updatedAt: at,
  };
  // An issue's item merged into a draft of the inbox: the merged item keeps the item's place.
  if (!target.issueId && source.issueId) {
    merged.issueId = source.issueId;
    merged.sortKey = source.sortKey;
  }
  for (const field of GAP_FIELDS) {
    const value = source[field];
    if (!target[field] && value) {
      merged[field] = value;
      const from = source.provenance[field];
      if (from) merged.provenance[field] = from;
    }
  }
  return merged;
}

/** The target body, plus the source's as a paragraph when it brings text the target lacks. */
function appendParagraph(target: string, source: string): string {
  const extra = source.trim();
  if (!hasVisibleText(extra)) return target;
  if (!hasVisibleText(target)) return extra;
  if (bodyText(target).includes(bodyText(extra))) return target;
  // A body that opens with a block (a paragraph, a list) is appended as is: a list wrapped in a
  // paragraph is no HTML, and what followed it ended up nested.
  return target.trim() + (/^<(?:p|ul|ol)[\s>]/i.test(extra) ? extra : `<p>${extra}</p>`);
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
