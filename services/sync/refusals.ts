import type { Draft, IndiscretsDB } from '../../storage/db';
import { mayWrite } from '../../storage/draft-records';
import { quietly } from '../../storage/outbox';
import type {
  DeskRole,
  OutboxEntry,
  SyncAction,
  SyncRefusal,
  SyncStatus,
} from '../../storage/sync-state';
import type { DeskFailure } from '../../wordpress/desk-client';
import type { Shared } from '../../storage/shared-fields';
import { SYNC_TABLES, titleOf } from './shared';
import type { SyncCore } from './core';

/**
 * Changes WordPress refused (403): the typed refusal kept for the editor, the local change rolled
 * back, and what goes with it (an issue's deletion refused: its items' releases are not said
 * again; a trash refused: whether the draft's edits would be refused too).
 */
export class Refusals {
  private readonly db: IndiscretsDB;

  constructor(private readonly core: SyncCore) {
    this.db = core.db;
  }

  /**
   * Once WordPress has refused the deletion of issue `issueId` (in its refusal's transaction): the
   * refusals of its items' releases to the inbox, which deleting it here made of each (`released`,
   * noted with the deletion) and which were refused before it (deletions go last), are forgotten.
   * Each item is back in the issue (its release rolled back), and the deletion's one refusal says
   * it: not a notice an item besides. A release that wrote anything else keeps its refusal (its
   * words, its other changes), and so does an item the editor took out before (when the deletion
   * noted its items). Called too when the deletion was undone while it was being sent.
   */
  async forgetReleases(issueId: string, released: readonly string[] | undefined): Promise<void> {
    const release = (refusal: SyncRefusal) =>
      // A deletion queued without the list (sync off at the time, or by an earlier version): every
      // item back in the issue whose release alone was refused.
      (released === undefined || released.includes(refusal.recordId)) &&
      refusal.kind === 'draft' &&
      refusal.action === 'arrange' &&
      refusal.discarded.issueId === '' &&
      (refusal.changed ?? []).every((field) => field === 'issueId' || field === 'sortKey');
    for (const refusal of (await this.db.refusals.toArray()).filter(release)) {
      if ((await this.db.clips.get(refusal.recordId))?.issueId === issueId) {
        await this.db.refusals.delete(refusal.key);
      }
    }
  }

  /**
   * Keeps a typed refusal and rolls the local change back (in one quiet transaction).
   * `changed`: the fields the refused change wrote (their words offered to copy); `requeue`: what
   * else it held is sent again. False when the record was written again meanwhile: then nothing
   * is kept nor rolled back (see below).
   */
  async refuse(
    entry: OutboxEntry,
    action: SyncAction,
    failure: DeskFailure,
    discarded: Shared,
    rollback: () => Promise<void>,
    { changed = [], requeue = false }: { changed?: readonly string[]; requeue?: boolean } = {},
  ): Promise<boolean> {
    const refusal: SyncRefusal = {
      key: `${entry.key}:${action}`,
      kind: entry.kind,
      recordId: entry.recordId,
      title: titleOf(discarded),
      action,
      // WordPress's own permission check (before the plugin's) names no role: on this desk,
      // what a Contributor or Author lacks is an Editor's, and a Subscriber lacks a clip.
      needs: (failure.needs ??
        (action === 'create' && entry.kind === 'draft' ? 'contributor' : 'editor')) as DeskRole,
      ...(failure.wpCode ? { wpCode: failure.wpCode } : {}),
      at: this.core.now(),
      discarded,
      ...(changed.length > 0 ? { changed: [...changed] } : {}),
    };
    this.core.refusedInRun = true;
    return quietly(this.db, SYNC_TABLES, async () => {
      const waiting = await this.db.outbox.get(entry.key);
      // Written again while the refused request was under way: the record holds words the
      // refused change did not, which its rollback would drop, and its refusal would not offer
      // to copy. It stays as it is, queued: sent again, the answer decides with all of it.
      if (waiting && waiting.seq !== entry.seq) return false;
      await rollback();
      await this.db.refusals.put(refusal);
      if (!requeue) {
        await this.db.outbox.delete(entry.key);
        return true;
      }
      // What else the change held is sent again: in the same transaction, so that nothing lies
      // between its entry taken and put back.
      await this.db.outbox.put({ ...entry, seq: entry.seq + 1 });
      return true;
    });
  }

  /**
   * Whether WordPress would refuse the edits of a draft whose trash (or restore) it has just
   * refused: the rule a clip follows ({@link mayWrite}), the trash aside, with the role read again
   * first (once a run), since the refusal may be the first sign of a role lowered (an Editor made
   * Contributor while their desk was offline). The draft's marks of what this user may do with it
   * may have been read with the role before: while they are, whose the draft is decides instead.
   */
  async editsRefusedToo(draft: Draft): Promise<boolean> {
    if (!this.core.roleReadInRun) await this.core.account.recheckRole(true);
    const state = await this.core.state();
    // Marks read with an older role: a role changed forgets the cursors, and the pull that reads
    // every record again (and their marks with it) has not gone through yet.
    const stale = state.cursors.drafts === undefined;
    const mark = draft.desk && { ...draft.desk };
    if (mark && stale) {
      delete mark.canEdit;
      delete mark.canTrash;
    }
    return !mayWrite({ ...draft, deletedAt: undefined, desk: mark }, state);
  }

  async dismissRefusal(key: string): Promise<SyncStatus> {
    await this.db.refusals.delete(key);
    return this.core.status();
  }
}
