import { changedFields } from '../../lib/merge';
import type { IndiscretsDB, Issue } from '../../storage/db';
import type { UndoToken } from '../../storage/drafts';
import { quietly } from '../../storage/outbox';
import {
  outboxKey,
  type SyncConflict,
  type SyncKeptDraft,
  type SyncKind,
  type SyncRecord,
  type SyncStatus,
  TEXT_MERGES_KEPT,
} from '../../storage/sync-state';
import { deskMarkOf } from '../sync-fields';
import type { Shared } from '../../storage/shared-fields';
import { fromGmt } from '../../wordpress/desk-records';
import { fieldsOf, type RestRecord, sharedOfRest, SYNC_TABLES, titleOf } from './shared';
import type { SyncCore } from './core';

/**
 * A deletion meeting work not seen by whoever deleted: an issue another editor deleted while
 * this desk worked on it (or placed items in it) is put back, and they are told; a draft deleted
 * here that a colleague edited since is kept as the desk has it, with a notice to delete it anyway.
 */
export class Deletions {
  private readonly db: IndiscretsDB;

  constructor(private readonly core: SyncCore) {
    this.db = core.db;
  }

  /**
   * A draft deleted for good here (emptied from the trash offline, or while the desk was off)
   * that a colleague edited on the desk since this browser last saw it: their work wins over a
   * deletion made without seeing it. The draft is not trashed there; it comes back here as the
   * desk has it, and the editor is told who edited it, with the choice to delete it anyway
   * ({@link deleteKept}, undoable). Returns false, changing nothing, when the desk's version
   * differs from the base in nothing but the trash (no edit to keep), or for an issue (its
   * deletion goes on as before). Call with no local record and the deletion queued.
   */
  async keepDeleted(
    kind: SyncKind,
    recordId: string,
    sync: SyncRecord,
    remote: RestRecord,
    me?: number,
  ): Promise<boolean> {
    if (kind !== 'draft' || sync.base.trashed) return false;
    const theirs = sharedOfRest(kind, remote);
    const fields = fieldsOf(kind).filter((field) => field !== 'trashed');
    if (changedFields(sync.base, theirs, fields).length === 0) return false;
    me ??= (await this.core.state()).user?.id;
    return quietly(this.db, SYNC_TABLES, async () => {
      const key = outboxKey(kind, recordId);
      const [local, entry] = await Promise.all([
        this.db.clips.get(recordId),
        this.db.outbox.get(key),
      ]);
      // Written again here meanwhile (an undo): no longer a deletion to keep.
      if (local || entry?.op !== 'delete') return false;
      // Merged into another draft (its content is there too): the notice names that draft.
      const intoId = entry.mergedInto ?? sync.mergedInto;
      const into = intoId ? await this.db.clips.get(intoId) : undefined;
      const mark = deskMarkOf(remote, me);
      await this.core.local.writeLocal(
        kind,
        undefined,
        theirs,
        fromGmt(remote.modified_gmt),
        recordId,
        mark,
      );
      await this.db.syncRecords.put({
        key,
        kind,
        recordId,
        remoteId: remote.id,
        version: remote.version,
        modifiedGmt: remote.modified_gmt,
        base: theirs,
      });
      await this.db.outbox.delete(key);
      const notice: SyncKeptDraft = {
        key,
        recordId,
        title: titleOf(theirs),
        ...(remote.last_edited_by?.name ? { by: remote.last_edited_by.name } : {}),
        ...(into && !into.deletedAt ? { mergedInto: into.title } : {}),
        at: this.core.now(),
      };
      await this.replaceKept(key, notice);
      return true;
    });
  }

  /**
   * Whether a pulled (or conflicting) issue is another editor's deletion meeting this desk's
   * work on it not yet sent: changes of its own fields, or of its items' placing (see
   * {@link arrangedIn}). Policy: the work wins, the deletion is told. Deleting an issue is
   * undoable (WordPress keeps it in its trash, items and all), while an offline chapô, title or
   * order is nowhere but here; an editor who finds the issue back, with a notice naming who
   * deleted it and a button to delete it too, has lost nothing, and neither has the one who
   * deleted it (one more click). The other way round, the issue vanished silently with the work.
   */
  async deletionMeetsWork(
    kind: SyncKind,
    issueId: string,
    base: Shared,
    mine: Shared,
    theirs: Shared,
  ): Promise<boolean> {
    if (kind !== 'issue' || !theirs.trashed || base.trashed) return false;
    const fields = fieldsOf(kind).filter((field) => field !== 'trashed');
    return changedFields(base, mine, fields).length > 0 || (await this.arrangedIn(issueId));
  }

  /**
   * Whether drafts of issue `issueId` have a placing not yet sent: added to it, or moved in it,
   * here (their issueId or sortKey differs from their merge base; a draft never sent has none).
   */
  private async arrangedIn(issueId: string): Promise<boolean> {
    const items = await this.db.clips.where('issueId').equals(issueId).toArray();
    if (items.length === 0) return false;
    const [syncs, entries] = await this.core.local.draftsSyncState(items);
    return items.some((item, i) => {
      if (entries[i]?.op !== 'upsert') return false;
      const base = syncs[i]?.base;
      return !base || base.issueId !== item.issueId || base.sortKey !== item.sortKey;
    });
  }

  /**
   * Whether the outbox holds a placing of drafts (see {@link arrangedIn}) in an issue the desk
   * has (one that has a merge base, not trashed): another editor may have deleted it since.
   */
  async arrangementPending(): Promise<boolean> {
    const entries = await this.db.outbox
      .filter((entry) => entry.kind === 'draft' && entry.op === 'upsert')
      .toArray();
    if (entries.length === 0) return false;
    const [drafts, syncs] = await Promise.all([
      this.db.clips.bulkGet(entries.map((entry) => entry.recordId)),
      this.db.syncRecords.bulkGet(entries.map((entry) => entry.key)),
    ]);
    const issueIds = new Set<string>();
    for (const [i, draft] of drafts.entries()) {
      const base = syncs[i]?.base;
      if (!draft?.issueId) continue;
      if (!base || base.issueId !== draft.issueId || base.sortKey !== draft.sortKey) {
        issueIds.add(draft.issueId);
      }
    }
    if (issueIds.size === 0) return false;
    const issues = await this.db.syncRecords.bulkGet(
      [...issueIds].map((id) => outboxKey('issue', id)),
    );
    return issues.some((sync) => sync && !sync.base.trashed);
  }

  /**
   * The issue another editor deleted stays here, with this desk's changes, and goes back on the
   * server at the next push (restore, then the changes). Its items go back with it: the
   * deletion sent every item of the issue to the inbox on the server (deleteIssue does that
   * before the trash), so the base of each item still here is taken to be that, and this desk's
   * placing of it becomes a change of its own, which the merge keeps over the inbox. The editor
   * is told who deleted it, and may delete it too (see {@link Conflicts.resolve}).
   */
  async putBack(issue: Issue, remote: RestRecord | undefined): Promise<void> {
    const items = await this.db.clips.where('issueId').equals(issue.id).toArray();
    const [syncs, entries] = await this.core.local.draftsSyncState(items);
    const at = this.core.now();
    for (const [i, item] of items.entries()) {
      const sync = syncs[i];
      if (sync && sync.base.issueId === issue.id) {
        await this.db.syncRecords.put({
          ...sync,
          base: { ...sync.base, issueId: '', sortKey: '' },
        });
      }
      const entry = entries[i];
      if (!entry) await this.db.outbox.put(this.core.entry('draft', item.id, at));
      else if (entry.op === 'upsert') await this.db.outbox.put({ ...entry, seq: entry.seq + 1 });
    }
    const notice: SyncConflict = {
      key: `${outboxKey('issue', issue.id)}:deleted`,
      kind: 'issue',
      recordId: issue.id,
      title: issue.title,
      fields: [],
      // Deleted for good (no record left to say who): the notice names nobody.
      deletedBy: remote?.last_edited_by?.name ?? '',
      remoteVersion: remote?.version ?? 0,
      detectedAt: at,
    };
    await this.db.conflicts.put(notice);
    // The items queued here were not in this run's push: one more run sends them.
    this.core.again = true;
  }

  /** « Le garder »: the editor keeps the draft a colleague's edit brought back; the notice goes. */
  async dismissKept(key: string): Promise<SyncStatus> {
    await this.replaceKept(key);
    return this.core.status();
  }

  /**
   * « Le supprimer quand même »: the draft a colleague's edit brought back is deleted for good
   * here, and so trashed on the desk (as the editor now has seen it), with the undo of it, as
   * any deletion: « Annuler » writes it back, and the next push takes it out of the trash there.
   */
  async deleteKept(key: string): Promise<SyncStatus & { undo?: UndoToken }> {
    const notice = ((await this.core.state()).keptDrafts ?? []).find((k) => k.key === key);
    await this.replaceKept(key);
    const draft = notice ? await this.db.clips.get(notice.recordId) : undefined;
    if (!draft) return this.core.status();
    // Not quiet: the deletion is queued, as the editor's own.
    await this.db.clips.delete(draft.id);
    void this.core.run();
    const undo: UndoToken = { label: 'trash', before: [draft], after: [] };
    return { ...(await this.core.status()), undo };
  }

  /**
   * Takes the notice of the draft kept under `key` away and, when given, puts `notice` last in
   * its place (the newest TEXT_MERGES_KEPT kept).
   */
  private async replaceKept(key: string, notice?: SyncKeptDraft): Promise<void> {
    const others = ((await this.core.state()).keptDrafts ?? []).filter((k) => k.key !== key);
    const kept = notice ? [...others, notice].slice(-TEXT_MERGES_KEPT) : others;
    await this.core.patchState({ keptDrafts: kept.length > 0 ? kept : undefined });
  }
}
