import { sameValue } from '../lib/merge';
import { mergeSharedText, sharedName, sharedOf } from './shared-fields';
import type { Draft, IndiscretsDB, Issue } from './db';
import type { Undone, UndoToken } from './drafts';
import { type ConflictField, type OutboxEntry, type SyncConflict } from './sync-state';

/**
 * Undoing « Prendre l'autre » in a shared desk's conflict (services/sync/conflicts.ts, `resolve`):
 * the editor's own text, replaced by another editor's version, existed nowhere else.
 *
 * « Garder les deux » is undone the same way: it replaced the editor's text with one holding
 * both versions (`wrote`), which the checks below compare with where they would compare with the
 * other version. That text sent to the desk since (the sync runs at once after a choice) is the
 * choice itself: the box put back shows the other version it showed, not the text it wrote.
 *
 * What an editor expects of « Annuler » is to be back before the click: their text in the
 * draft (or issue), and the conflict box with both versions, to choose again. Not their text
 * sent as it is: that would write it over the colleague's version on the shared desk, a choice
 * the editor did not make (they may have meant « Garder la mienne » for one field only). So the
 * undo writes back the editor's values of the conflict's fields (those only: what the record
 * received otherwise since, a colleague's edit of another field, stays) as a local change, held
 * by the conflict put back, as the sync holds a conflict it finds (the record is not sent until
 * the editor chooses).
 *
 * The sync may have run meanwhile: the choice sent (a field kept as « mine » pushed with it), or
 * a newer version pulled. The other version the box shows is then the shared desk's as this
 * browser last synced it (the merge base), and a field the desk now has as the editor wrote it
 * is no conflict any more; when none is left, the editor's text is a plain local change, sent
 * at the next sync. With the shared desk turned off meanwhile, the undo writes the editor's
 * text back, as any edit; an undo is then told done by that text being back (the offer leaves
 * every view once undone, so only two views undoing at the same moment meet this check).
 *
 * The editor may also have written in a field since the choice (the popup and the desk open on
 * one draft: typed in one after choosing in the other). Writing their old value back would drop
 * those words, so the undo knows three versions of such a field: the one the choice wrote (the
 * conflict's `theirs`), the one now, and the editor's before the choice. Only the fields the
 * choice took the other version of (`taken`: one kept « mine » in the same choice was not
 * replaced, and stays as it is). Field by field:
 * - as the choice wrote it: the editor's value goes back, as described above;
 * - changed since: a text (the item's, the chapô, a shared note) is merged by paragraphs (or
 *   lines) as the sync merges two editors' (lib/block-merge.ts), the change since kept and the
 *   editor's own text back in the other paragraphs, whoever made that change;
 * - a text whose change since meets the editor's own, or another field (a title, the tags, the
 *   status, the trash…) changed since: when the change is a colleague's, brought by the sync
 *   (the desk has it, and its last writer is not this editor), the editor's value goes back and
 *   the box shows the colleague's against it;
 * - a text whose change since meets the editor's own, the change theirs (typed here, or sent by
 *   them): the text holds both, as git's « union » merge does (lib/block-merge.ts, `union`):
 *   the paragraphs (lines) both agree on once, the changes apart merged as above, and where the
 *   two meet the text as it is now, then the editor's own paragraphs from before that are not
 *   already there, lists closing as they open; a text not of the shape merged by paragraphs is
 *   the text as it is now, then the editor's after it. The undo says so (`conflictKept.both`),
 *   for the editor to read it over;
 * - another field changed since by the editor: it stays as it is now, and the undo says so
 *   (`conflictKept.fields`). So does a note made private since and written in (the editor's
 *   own, never merged). A move is one: its place kept, its issue is too.
 * Nothing typed since is dropped, nor anything of the editor's text from before the choice. The
 * conflict put back asks about the fields the choice replaced, with what the record then holds
 * (« Votre version », a text holding both) against the desk's.
 */

/** The local fields a conflict's field is kept in (the shared note is the note and its flag). */
function localFields(kind: SyncConflict['kind'], field: string): string[] {
  if (kind === 'draft' && field === 'note') return ['note', 'noteShared'];
  if (field === 'trashed') return ['deletedAt'];
  return [field];
}

/**
 * The undo of « Prendre l'autre » in `conflict`, `record` as it was just before the choice;
 * `taken`, the fields it replaced (all of them unless told: a field kept « mine » in the same
 * choice was not replaced, and its undo has nothing to give back); `wrote`, what it wrote in
 * those it kept both versions of (« Garder les deux »).
 */
export function conflictChoiceToken(
  conflict: SyncConflict,
  record: Draft | Issue,
  taken: readonly string[] = conflict.fields.map((field) => field.field),
  wrote?: Record<string, unknown>,
): UndoToken {
  const choice = { stored: conflict, taken: [...taken], ...(wrote ? { wrote } : {}) };
  return conflict.kind === 'draft'
    ? { label: 'conflict', before: [record as Draft], after: [], conflict: choice }
    : {
        label: 'conflict',
        before: [],
        after: [],
        conflict: { ...choice, issue: record as Issue },
      };
}

/**
 * The one undo of several conflicts settled at once with the others' versions (« Prendre toutes
 * les autres », services/sync/conflicts.ts `resolveAll`), from each one's
 * {@link conflictChoiceToken}: « Annuler » undoes them all in one transaction, each as its own
 * undo would. One token is itself.
 */
export function conflictChoicesToken(tokens: readonly UndoToken[]): UndoToken {
  if (tokens.length === 1) return tokens[0]!;
  return { label: 'conflict', before: [], after: [], conflicts: [...tokens] };
}

/** The single conflicts' undos a token holds: its own, or each of several settled at once. */
const singles = (token: UndoToken): UndoToken[] => token.conflicts ?? [token];

function parts(token: UndoToken, database: IndiscretsDB) {
  const { stored, issue, taken, wrote } = token.conflict!;
  const was = (issue ?? token.before[0]) as unknown as Record<string, unknown> | undefined;
  // Either table, written by field name (the conflict's fields are the record's own).
  const table = database.table<Record<string, unknown>, string>(
    stored.kind === 'draft' ? 'clips' : 'issues',
  );
  // Only the fields the choice replaced have a value to give back.
  const replaced = stored.fields.filter((f) => !taken || taken.includes(f.field));
  const names = replaced.flatMap((f) => localFields(stored.kind, f.field));
  return { stored, was, table, names, replaced, wrote: wrote ?? {} };
}

/**
 * Whether undoing the choice would do something: the record is still there, no conflict on it
 * waits (one put back already, by another view's undo, or found again by the sync), and a
 * field of the conflict is no longer as the editor had it. Of several settled at once: one of
 * them.
 */
export async function conflictChoiceInEffect(
  token: UndoToken,
  database: IndiscretsDB,
): Promise<boolean> {
  return database.transaction(
    'r',
    [database.clips, database.issues, database.conflicts],
    async () => {
      for (const single of singles(token)) if (await inEffect(single, database)) return true;
      return false;
    },
  );
}

async function inEffect(token: UndoToken, database: IndiscretsDB): Promise<boolean> {
  const { stored, was, table, names } = parts(token, database);
  if (!was) return false;
  const [current, waiting] = await Promise.all([
    table.get(stored.recordId),
    database.conflicts.get(stored.key),
  ]);
  if (!current || waiting) return false;
  return names.some((name) => !sameValue(current[name], was[name]));
}

/**
 * Undoes the choice (see the top of this file), or each of several made at once, in one
 * transaction: those still in effect; `undefined` when there was nothing to undo.
 */
export function undoConflictChoice(
  token: UndoToken,
  database: IndiscretsDB,
  clock: () => string,
): Promise<Undone | undefined> {
  const tables = [
    database.clips,
    database.issues,
    database.conflicts,
    database.outbox,
    database.syncRecords,
    database.syncState,
  ];
  return database.transaction('rw', tables, async () => {
    const at = clock();
    const undone: Undone[] = [];
    const desk = await database.syncState.get('desk');
    const context: Context = { at, deskOn: !!desk?.enabled, me: desk?.user?.id };
    for (const single of singles(token)) {
      const one = await undoOne(single, database, context);
      if (one) undone.push(one);
    }
    if (undone.length <= 1) return undone[0];
    // Several records, each in its own issue or none: the view stays where it is. Fields kept
    // as they are now, or texts holding both versions: one record named (below), the others
    // counted; the fields of all of them, which tell whether any was kept, any holds both.
    const kept = undone.flatMap((one) => (one.conflictKept ? [one.conflictKept] : []));
    const several: Undone = { issueId: '', conflict: true };
    if (kept[0]) {
      const all = (list: (one: (typeof kept)[number]) => string[] | undefined) => [
        ...new Set(kept.flatMap((one) => list(one) ?? [])),
      ];
      const both = all((one) => one.both);
      // Named: a record holding both versions, the one the editor has to read over.
      const named = kept.find((one) => (one.both ?? []).length > 0) ?? kept[0];
      several.conflictKept = {
        ...named,
        fields: all((one) => one.fields),
        records: kept.length,
        ...(both.length > 0 ? { both } : {}),
      };
    }
    return several;
  });
}

/** What every conflict undone together shares, read once for all. */
interface Context {
  /** When the undo is made (ISO 8601). */
  at: string;
  /** The shared desk is on: each conflict is put back. */
  deskOn: boolean;
  /** The desk's user (WordPress id), who may have sent what they typed since the choice. */
  me?: number;
}

/**
 * What undoing the choice writes on the record, `current` as it is now, and the conflict's
 * fields that stay as they are now (see the top of this file).
 */
function writeBack(
  stored: SyncConflict,
  replaced: readonly ConflictField[],
  wrote: Record<string, unknown>,
  was: Record<string, unknown>,
  current: Record<string, unknown>,
  desk: Record<string, unknown> | undefined,
  pulled: boolean,
): { changes: Record<string, unknown>; kept: string[]; both: string[] } {
  const changes: Record<string, unknown> = {};
  const kept: string[] = [];
  const both: string[] = [];
  const now = sharedOf(stored.kind, current as unknown as Draft | Issue);
  const before = sharedOf(stored.kind, was as unknown as Draft | Issue);
  const giveBack = (field: string) => {
    for (const local of localFields(stored.kind, field)) changes[local] = was[local];
  };
  for (const field of replaced) {
    const name = sharedName(stored.kind, field.field);
    // What the choice wrote: the other version, or a text holding both (« Garder les deux »).
    const chosen = Object.hasOwn(wrote, field.field) ? wrote[field.field] : field.theirs;
    // A note made private since and typed in: its shared form is '' as the editor's was before
    // the choice, yet the words are new; kept, never merged (a private note is the editor's).
    if (name === 'sharedNote' && typedPrivately(current, was, chosen)) {
      kept.push(field.field);
      continue;
    }
    if (sameValue(now[name], chosen) || sameValue(now[name], before[name])) {
      giveBack(field.field);
      continue;
    }
    // Changed since: by the editor, or by a colleague (the sync). The editor's own text merged
    // back around the change first, whoever made it: nothing of either is dropped.
    // The shared note merged is the local note, shared already (no side of it is '').
    const local = name === 'sharedNote' ? 'note' : name;
    const merged = mergedBack(stored.kind, name, chosen, now[name], before[name]);
    if (merged !== undefined) {
      changes[local] = merged;
      continue;
    }
    // Brought by the sync from a colleague since: their version is on the desk, the box's to
    // show against the editor's given back. The record's last writer tells: what this editor
    // sent is theirs, and stays.
    if (pulled && desk !== undefined && sameValue(now[name], desk[name])) {
      giveBack(field.field);
      continue;
    }
    // The editor's own words since meet their text from before: a text holds both, the words
    // since first, then the editor's own blocks (lines) where they met; another field stays.
    const union = mergedBack(stored.kind, name, chosen, now[name], before[name], true);
    if (union !== undefined) {
      changes[local] = union;
      both.push(field.field);
    } else kept.push(field.field);
  }
  // A move is one choice (services/sync/conflicts.ts, withMovePlace): the place goes with its
  // issue. One of the two kept, the other is too, or the item would land in one issue at another's
  // place.
  const place = ['issueId', 'sortKey'];
  if (place.some((field) => kept.includes(field))) {
    for (const field of place) {
      if (!replaced.some((f) => f.field === field) || kept.includes(field)) continue;
      delete changes[field];
      kept.push(field);
    }
  }
  return { changes, kept, both };
}

/**
 * Whether the note was made private since the choice and written in: not shared now, and
 * neither the editor's note from before nor the one the choice wrote (`chosen`, shared).
 */
function typedPrivately(
  current: Record<string, unknown>,
  was: Record<string, unknown>,
  chosen: unknown,
): boolean {
  return !current.noteShared && current.note !== was.note && current.note !== chosen;
}

/**
 * A text field changed since the choice with the editor's own value merged back in, by blocks
 * against what the choice wrote, as the sync merges two editors' ({@link mergeSharedText});
 * `undefined` when the two meet, or the field is no text merged so. A shared note is merged
 * only while every side shares it: '' is a note not shared, not one emptied. With `union`, the
 * two never meet: where they would, the text as it is now, then the editor's own blocks (lines)
 * from before (lib/block-merge.ts, a union merge); `undefined` only for a field that is no text
 * merged so, or a note not shared on a side.
 */
function mergedBack(
  kind: SyncConflict['kind'],
  name: string,
  chosen: unknown,
  now: unknown,
  before: unknown,
  union = false,
): string | undefined {
  if (name === 'sharedNote' && chosen === '') return undefined;
  return mergeSharedText(kind, name, chosen, now, before, { union });
}

/**
 * {@link undoConflictChoice} for one conflict, in its transaction; its conflict put back only
 * while the shared desk is on.
 */
async function undoOne(
  token: UndoToken,
  database: IndiscretsDB,
  { at, deskOn, me }: Context,
): Promise<Undone | undefined> {
  if (!(await inEffect(token, database))) return undefined;
  const { stored, was, table, replaced, wrote } = parts(token, database);
  const sync = deskOn ? await database.syncRecords.get(stored.key) : undefined;
  const before = (await table.get(stored.recordId))!;
  // The desk's version as last synced is the editor's own when they wrote it last (what they
  // typed since, sent): only another editor's counts as brought by the sync.
  const mark = before.desk as Draft['desk'];
  const pulled = !(me !== undefined && mark?.modifiedById === me);
  const { changes, kept, both } = writeBack(
    stored,
    replaced,
    wrote,
    was!,
    before,
    sync?.base,
    pulled,
  );
  // An ordinary write, queued for the shared desk by the outbox middleware like any edit.
  if (Object.keys(changes).length > 0) {
    await table.update(stored.recordId, { ...changes, updatedAt: at });
  }
  const current = (await table.get(stored.recordId)) as unknown as Draft | Issue;
  const undone: Undone = {
    issueId: stored.kind === 'issue' ? stored.recordId : '',
    ...(stored.kind === 'draft' ? { draftId: stored.recordId } : {}),
    conflict: true,
  };
  if (kept.length > 0 || both.length > 0) {
    const said = { title: stored.title, kind: stored.kind, fields: kept, records: 1 };
    undone.conflictKept = both.length > 0 ? { ...said, both } : said;
  }
  if (!deskOn) return undone;

  // The other version is the desk's as last synced; a field it now has as the record does is
  // settled (the editor's choice of « mine » for it sent meanwhile). The record's side is what
  // it holds now: the editor's value back, or what they wrote since.
  const ours = sharedOf(stored.kind, current);
  // The box asks again about what the choice replaced: a field kept « mine » stays chosen.
  const fields = replaced.flatMap((field) => {
    const name = sharedName(stored.kind, field.field);
    const onDesk = sync ? sync.base[name] : field.theirs;
    // The desk holding the text « Garder les deux » wrote (sent since, as the choice was) is the
    // choice being undone: the other version is again the one the box showed.
    const undone = Object.hasOwn(wrote, field.field) && sameValue(onDesk, wrote[field.field]);
    const theirs = undone ? field.theirs : onDesk;
    const mine = ours[name];
    return sameValue(theirs, mine) ? [] : [{ ...field, mine, theirs }];
  });
  if (fields.length === 0) return undone;
  const chosen = new Map(stored.fields.map((field) => [field.field, field.theirs]));
  const same = fields.every((field) => sameValue(field.theirs, chosen.get(field.field)));
  const conflict: SyncConflict = {
    ...stored,
    fields,
    remoteVersion: sync?.version ?? stored.remoteVersion,
    // Found again now: a view that showed the box and its choice draws it afresh.
    detectedAt: at,
  };
  // Another version than the one chosen (written on the desk since): by whoever wrote it.
  const by = same ? stored.theirsBy : current.desk?.modifiedBy;
  if (by) conflict.theirsBy = by;
  else delete conflict.theirsBy;
  await database.conflicts.put(conflict);
  const entry = await database.outbox.get(stored.key);
  const held: OutboxEntry = entry
    ? { ...entry, blocked: 'conflict' }
    : {
        key: stored.key,
        kind: stored.kind,
        recordId: stored.recordId,
        op: 'upsert',
        queuedAt: at,
        seq: 1,
        attempts: 0,
        blocked: 'conflict',
      };
  await database.outbox.put(held);
  return undone;
}
