import { sameValue } from '../lib/merge';
import type { Draft, IndiscretsDB, Issue } from './db';
import type { Undone, UndoToken } from './drafts';
import { type OutboxEntry, type SyncConflict } from './sync-state';

/**
 * Undoing « Prendre l'autre » in a shared desk's conflict (services/sync.ts, `resolve`): the
 * editor's own text, replaced by another editor's version, existed nowhere else.
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
 */

/** The local fields a conflict's field is kept in (the shared note is the note and its flag). */
function localFields(kind: SyncConflict['kind'], field: string): string[] {
  if (kind === 'draft' && field === 'note') return ['note', 'noteShared'];
  if (field === 'trashed') return ['deletedAt'];
  return [field];
}

/** The field's name in the shared fields of the merge base (services/sync-fields.ts). */
const sharedName = (kind: SyncConflict['kind'], field: string) =>
  kind === 'draft' && field === 'note' ? 'sharedNote' : field;

/** The undo of « Prendre l'autre » in `conflict`, `record` as it was just before the choice. */
export function conflictChoiceToken(conflict: SyncConflict, record: Draft | Issue): UndoToken {
  return conflict.kind === 'draft'
    ? { label: 'conflict', before: [record as Draft], after: [], conflict: { stored: conflict } }
    : {
        label: 'conflict',
        before: [],
        after: [],
        conflict: { stored: conflict, issue: record as Issue },
      };
}

/**
 * The one undo of several conflicts settled at once with the others' versions (« Prendre toutes
 * les autres », services/sync.ts `resolveAll`), from each one's {@link conflictChoiceToken}:
 * « Annuler » undoes them all in one transaction, each as its own undo would. One token is
 * itself.
 */
export function conflictChoicesToken(tokens: readonly UndoToken[]): UndoToken {
  if (tokens.length === 1) return tokens[0]!;
  return { label: 'conflict', before: [], after: [], conflicts: [...tokens] };
}

/** The single conflicts' undos a token holds: its own, or each of several settled at once. */
const singles = (token: UndoToken): UndoToken[] => token.conflicts ?? [token];

function parts(token: UndoToken, database: IndiscretsDB) {
  const { stored, issue } = token.conflict!;
  const was = (issue ?? token.before[0]) as unknown as Record<string, unknown> | undefined;
  // Either table, written by field name (the conflict's fields are the record's own).
  const table = database.table<Record<string, unknown>, string>(
    stored.kind === 'draft' ? 'clips' : 'issues',
  );
  const names = stored.fields.flatMap((f) => localFields(stored.kind, f.field));
  return { stored, was, table, names };
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
    const deskOn = !!(await database.syncState.get('desk'))?.enabled;
    for (const single of singles(token)) {
      const one = await undoOne(single, database, at, deskOn);
      if (one) undone.push(one);
    }
    if (undone.length <= 1) return undone[0];
    // Several records, each in its own issue or none: the view stays where it is.
    return { issueId: '', conflict: true };
  });
}

/**
 * {@link undoConflictChoice} for one conflict, in its transaction, as of `at`; its conflict put
 * back only while the shared desk is on (`deskOn`, read once for all).
 */
async function undoOne(
  token: UndoToken,
  database: IndiscretsDB,
  at: string,
  deskOn: boolean,
): Promise<Undone | undefined> {
  if (!(await inEffect(token, database))) return undefined;
  const { stored, was, table, names } = parts(token, database);
  // An ordinary write, queued for the shared desk by the outbox middleware like any edit.
  const changes: Record<string, unknown> = { updatedAt: at };
  for (const name of names) changes[name] = was![name];
  await table.update(stored.recordId, changes);
  const current = (await table.get(stored.recordId)) as unknown as Draft | Issue;
  const undone: Undone = {
    issueId: stored.kind === 'issue' ? stored.recordId : '',
    ...(stored.kind === 'draft' ? { draftId: stored.recordId } : {}),
    conflict: true,
  };
  if (!deskOn) return undone;

  const sync = await database.syncRecords.get(stored.key);
  // The other version is the desk's as last synced; a field it now has as the editor's is
  // settled (their choice of « mine » for it sent meanwhile).
  const fields = stored.fields.flatMap((field) => {
    const theirs = sync ? sync.base[sharedName(stored.kind, field.field)] : field.theirs;
    return sameValue(theirs, field.mine) ? [] : [{ ...field, theirs }];
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
