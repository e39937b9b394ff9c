import { merge3, sameValue, type FieldConflict } from '../../lib/merge';
import type { IndiscretsDB } from '../../storage/db';
import { conflictChoicesToken, conflictChoiceToken } from '../../storage/conflict-undo';
import type { UndoToken } from '../../storage/drafts';
import { deleteIssue } from '../../storage/issues';
import { quietly } from '../../storage/outbox';
import {
  type OutboxEntry,
  type ConflictChoice,
  type Unwritten,
  type SyncConflict,
  type SyncKind,
  type SyncStatus,
  askableFields,
  withMovePlace,
} from '../../storage/sync-state';
import { mergeSharedText, sharedName, sharedOf, type Shared } from '../../storage/shared-fields';
import { type AnyRecord, SYNC_TABLES, tableOf } from './shared';
import type { SyncCore } from './core';

/** A record of a stored object field (`provenance`), `{}` for anything else. */
const entries = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/**
 * The conflicts of a draft's fields that are not the editor's writing, settled in `merged`
 * rather than asked (storage/sync-state.ts, `UNASKED_FIELDS`); the others, given back. Its
 * `provenance` (where each metadata field came from) is merged key by key, this browser's entry
 * kept where both changed one. Its `captureNote` (why a capture could not read the page,
 * `CAPTURE_LIMITS`) only ever goes from a reason to none, when a later capture read the page:
 * none where either side has none, else this browser's.
 */
export function settleUnasked(
  kind: SyncKind,
  merged: Shared,
  conflicts: FieldConflict<Shared, string>[],
): FieldConflict<Shared, string>[] {
  if (kind !== 'draft') return conflicts;
  return conflicts.filter((conflict) => {
    if (conflict.field === 'provenance') {
      const [base, mine, theirs] = [conflict.base, conflict.mine, conflict.theirs].map(entries);
      const keys = [...new Set([...Object.keys(mine!), ...Object.keys(theirs!)])];
      const { merged: byKey } = merge3(base!, mine!, theirs!, keys);
      merged.provenance = Object.fromEntries(
        Object.entries(byKey).filter(([, source]) => source !== undefined && source !== ''),
      );
      return false;
    }
    if (conflict.field === 'captureNote') {
      merged.captureNote = conflict.mine && conflict.theirs ? conflict.mine : '';
      return false;
    }
    return true;
  });
}

/**
 * Whether `choose` chooses for every field of `conflict` that a box asks about: a box drawn
 * before the conflict was found again with more fields answers for some only, and the others
 * would be settled as this browser's without a word.
 */
function asksAbout(conflict: SyncConflict, choose: Record<string, ConflictChoice>): boolean {
  // A move is one choice: the place goes with the issue.
  const chosen = withMovePlace(conflict.fields, choose);
  return askableFields(conflict.fields).every((field) => field.field in chosen);
}

/**
 * Conflicts the editor settles: one box's choice ({@link Conflicts.resolve}), every box at once
 * ({@link Conflicts.resolveAll}), and those an earlier version stored on fields no box asks about.
 */
export class Conflicts {
  private readonly db: IndiscretsDB;

  constructor(private readonly core: SyncCore) {
    this.db = core.db;
  }

  listConflicts(): Promise<SyncConflict[]> {
    return this.db.conflicts.toArray();
  }

  /**
   * The editor's choice for each field of a conflict: the chosen values are written locally and
   * pushed, based on the server's version the conflict was found against (whatever is not
   * chosen stays in WordPress's revisions when it was the server's). A text kept « both » is the
   * union of the two versions (lib/block-merge.ts): the editor's paragraphs, then the other's.
   * A choice that took another editor's version over the editor's own text answers with the
   * undo of it (`undo`, for the view's « Annuler »: storage/conflict-undo.ts), since that text
   * was nowhere else. Deleting an issue another editor deleted, too, answers with that
   * deletion's undo.
   */
  async resolve(
    key: string,
    choose: Record<string, ConflictChoice>,
  ): Promise<SyncStatus & { undo?: UndoToken; unwritten?: Unwritten }> {
    const notice = await this.db.conflicts.get(key);
    if (notice?.deletedBy !== undefined) {
      // Another editor's deletion, the issue put back here: keeping it only closes the notice;
      // deleting it too is this editor's own deletion, queued as any (items to the inbox).
      await this.db.conflicts.delete(key);
      // An ordinary deletion, undoable as any (« Annuler » brings the issue and its items back).
      const undo = Object.values(choose).includes('theirs')
        ? await deleteIssue(notice.recordId, this.db)
        : undefined;
      void this.core.run();
      const status = await this.core.status();
      return undo ? { ...status, undo } : status;
    }
    const { undo, unwritten } = await quietly(
      this.db,
      SYNC_TABLES,
      async (): Promise<{ undo?: UndoToken; unwritten?: Unwritten }> => {
        const conflict = await this.db.conflicts.get(key);
        // Settled meanwhile (another view's choice, or the versions met on the desk since).
        if (!conflict) return { unwritten: 'settled' };
        // A choice that does not name every field asked is none: the conflict stored now is a
        // newer one than the box answered (found again since), left to ask about.
        if (!asksAbout(conflict, choose)) return { unwritten: 'changed' };
        const settled = await this.settleConflict(conflict, choose);
        return settled.gone ? { unwritten: 'gone' } : settled;
      },
    );
    void this.core.run();
    const status = await this.core.status();
    return { ...status, ...(undo ? { undo } : {}), ...(unwritten ? { unwritten } : {}) };
  }

  /**
   * « Garder toutes mes versions » or « Prendre toutes les autres »: the conflicts `keys` (those
   * the editor was shown and confirmed; one found since is left to ask about) settled with one
   * choice for every field, in one transaction: all of them, or none when it fails (the boxes stay,
   * nothing is written). Another editor's deletion of an issue is no choice of fields: its notice
   * is left out and stays. Each record is written and its outbox entry freed as {@link resolve}
   * does for one, then one push sends them all. Taking the others' versions answers with one undo
   * (storage/conflict-undo.ts, `conflictChoicesToken`): « Annuler » brings back every text and
   * every conflict. `settled` says how many conflicts were.
   */
  async resolveAll(
    keys: readonly string[],
    choice: 'mine' | 'theirs',
  ): Promise<SyncStatus & { settled: number; undo?: UndoToken }> {
    const { settled, tokens } = await quietly(this.db, SYNC_TABLES, async () => {
      const found = await this.db.conflicts.bulkGet([...new Set(keys)]);
      const conflicts = found.filter(
        (conflict): conflict is SyncConflict => !!conflict && conflict.deletedBy === undefined,
      );
      const tokens: UndoToken[] = [];
      for (const conflict of conflicts) {
        // Every field the box asks about: what it never asks (UNASKED_FIELDS) stays this
        // browser's, as a box settles it.
        const asked = askableFields(conflict.fields);
        const { undo: token } = await this.settleConflict(
          conflict,
          Object.fromEntries(asked.map((field) => [field.field, choice])),
        );
        if (token) tokens.push(token);
      }
      return { settled: conflicts.length, tokens };
    });
    if (settled > 0) void this.core.run();
    const status = { ...(await this.core.status()), settled };
    return tokens.length > 0 ? { ...status, undo: conflictChoicesToken(tokens) } : status;
  }

  /**
   * Conflicts stored by an earlier version on fields no box asks about (where the metadata came
   * from, a capture's note: UNASKED_FIELDS), which the pull now merges itself: settled as this
   * browser has them, their records freed, as the pull would settle them now. In the background,
   * in one transaction, never from a view, which could meet a newer conflict under the same key.
   */
  async settleUnaskedConflicts(): Promise<void> {
    const unasked = (conflicts: SyncConflict[]) =>
      conflicts.filter(
        (conflict) =>
          conflict.deletedBy === undefined && askableFields(conflict.fields).length === 0,
      );
    // Every run comes here: a read first, the write transaction over the sync's tables (which
    // holds the editor's writes back a moment) only when there is one to settle.
    if (unasked(await this.db.conflicts.toArray()).length === 0) return;
    await quietly(this.db, SYNC_TABLES, async () => {
      for (const conflict of unasked(await this.db.conflicts.toArray())) {
        await this.settleConflict(conflict, {});
      }
    });
  }

  /**
   * One conflict settled with the editor's `choose` (a field not chosen, or chosen « mine »,
   * keeps this browser's version), inside the caller's transaction ({@link resolve} for one,
   * {@link resolveAll} for many): the record written, the conflict gone, the record's outbox
   * entry freed; the undo of the choice when it replaced the editor's text of a record still here
   * (the other version taken, or a text holding both); `gone` when the record was not here any
   * more (deleted for good meanwhile), and nothing was written.
   */
  private async settleConflict(
    conflict: SyncConflict,
    choose: Record<string, ConflictChoice>,
  ): Promise<{ undo?: UndoToken; gone?: true }> {
    // A move is one choice: the place goes along with the issue chosen.
    const chosen = withMovePlace(conflict.fields, choose);
    const table = this.db.table(tableOf(conflict.kind));
    const local = (await table.get(conflict.recordId)) as AnyRecord | undefined;
    // Replaced: the other version taken, or a text holding both (the editor's words in it).
    const replaced = conflict.fields
      .filter((field) => chosen[field.field] === 'theirs')
      .map((field) => field.field);
    const wrote: Record<string, unknown> = {};
    // Kept over the other version: the colleague who wrote it is told (the plugin records it).
    const overrides: string[] = [];
    if (local) {
      const shared = sharedOf(conflict.kind, local);
      for (const field of conflict.fields) {
        const name = sharedName(conflict.kind, field.field);
        // « Keep mine » keeps the text as it is now: the editor may have gone on typing in it
        // since the box opened (the record is held, nothing of it sent, until the choice).
        const mine = Object.hasOwn(shared, name) ? shared[name] : field.mine;
        if (chosen[field.field] === 'mine' && !sameValue(mine, field.theirs)) {
          overrides.push(field.field);
        }
        if (chosen[field.field] === 'theirs') shared[name] = field.theirs;
        else if (chosen[field.field] === 'both') {
          // The text as it is now, then what the other version has more; mine alone for a field
          // no text (a box offers « both » only for texts).
          const union = mergeSharedText(conflict.kind, name, field.base, mine, field.theirs, {
            union: true,
          });
          shared[name] = union ?? mine;
          if (union !== undefined && !sameValue(union, mine)) {
            wrote[field.field] = union;
            replaced.push(field.field);
          }
        } else shared[name] = mine;
      }
      await this.core.local.writeLocal(
        conflict.kind,
        local,
        shared,
        this.core.now(),
        conflict.recordId,
      );
    }
    await this.db.conflicts.delete(conflict.key);
    const entry = await this.db.outbox.get(conflict.key);
    if (entry) {
      const unblocked: OutboxEntry = { ...entry, seq: entry.seq + 1 };
      delete unblocked.blocked;
      // An earlier choice's not yet sent (its push met another conflict) stay, but for a field
      // this one took from the other version, or merged: the editor's alone no more.
      const settled = conflict.fields.map((field) => field.field);
      const all = [
        ...(entry.overrides ?? []).filter((field) => !settled.includes(field)),
        ...overrides,
      ];
      if (all.length > 0) unblocked.overrides = [...new Set(all)];
      else delete unblocked.overrides;
      await this.db.outbox.put(unblocked);
    }
    if (!local) return { gone: true };
    if (replaced.length === 0) return {};
    return {
      undo: conflictChoiceToken(
        conflict,
        local,
        replaced,
        Object.keys(wrote).length > 0 ? wrote : undefined,
      ),
    };
  }
}
