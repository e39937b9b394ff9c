import type { Draft, IndiscretsDB, Issue } from '../../storage/db';
import { quietly } from '../../storage/outbox';
import { outboxKey, type SyncKind } from '../../storage/sync-state';
import { applyDraft, applyIssue } from '../sync-fields';
import type { Shared } from '../../storage/shared-fields';
import { type AnyRecord, SYNC_TABLES, tableOf } from './shared';
import type { SyncCore } from './core';

/**
 * Writes of the sync onto the local records, quietly (never queued): a record's shared fields
 * written or removed, and the drafts of issues that are gone sent to the inbox.
 */
export class LocalRecords {
  private readonly db: IndiscretsDB;

  constructor(private readonly core: SyncCore) {
    this.db = core.db;
  }

  /** Writes shared fields onto the local record, quietly (not queued). */
  async writeLocal(
    kind: SyncKind,
    local: AnyRecord | undefined,
    shared: Shared,
    modifiedAt: string,
    id = local?.id,
    mark?: AnyRecord['desk'],
  ): Promise<void> {
    await quietly(this.db, SYNC_TABLES, async () => {
      const current = (await this.db.table(tableOf(kind)).get(id!)) as AnyRecord | undefined;
      const base = current ?? local;
      if (kind === 'issue' && shared.trashed) {
        if (current) await this.removeLocal('issue', id!);
        return;
      }
      const next =
        kind === 'draft'
          ? applyDraft(base as Draft | undefined, shared, modifiedAt)
          : applyIssue(base as Issue | undefined, shared, modifiedAt);
      next.id = id!;
      if (mark) next.desk = mark;
      await this.db.table(tableOf(kind)).put(next);
    });
  }

  /** Removes a record locally, quietly (an issue's items go back to the inbox, as on delete). */
  async removeLocal(kind: SyncKind, id: string): Promise<void> {
    await quietly(this.db, SYNC_TABLES, async () => {
      if (kind === 'issue') {
        await this.db.issues.delete(id);
        await this.releaseItems([id]);
      } else {
        await this.db.clips.delete(id);
      }
    });
  }

  /**
   * Sends the drafts naming issues that are gone (deleted here by the sync, or known trashed on
   * the server) to the inbox, quietly, and queues each one the server has: its copy there may
   * still name the issue (a draft added to it offline on another desk, pushed after the
   * deletion), and a draft in no issue that exists is shown nowhere but under « Tous ». Every
   * desk that finds one does the same, so they agree; a push with nothing new sends nothing.
   */
  async releaseItems(issueIds: string[]): Promise<void> {
    if (issueIds.length === 0) return;
    await quietly(this.db, SYNC_TABLES, async () => {
      const items = await this.db.clips.where('issueId').anyOf(issueIds).toArray();
      if (items.length === 0) return;
      await this.db.clips.where('issueId').anyOf(issueIds).modify({ issueId: '', sortKey: '' });
      const [syncs, entries] = await this.draftsSyncState(items);
      const at = this.core.now();
      for (const [i, item] of items.entries()) {
        const entry = entries[i];
        if (entry) await this.db.outbox.put({ ...entry, seq: entry.seq + 1 });
        else if (syncs[i]) await this.db.outbox.put(this.core.entry('draft', item.id, at));
      }
      this.core.again = true;
    });
  }

  /** The sync records and outbox entries of `drafts`, in their order (undefined where none). */
  draftsSyncState(drafts: Draft[]) {
    const keys = drafts.map((draft) => outboxKey('draft', draft.id));
    return Promise.all([this.db.syncRecords.bulkGet(keys), this.db.outbox.bulkGet(keys)]);
  }
}
