import { merge3, sameValue } from '../../lib/merge';
import type { Draft, IndiscretsDB, Issue } from '../../storage/db';
import { quietly } from '../../storage/outbox';
import {
  outboxKey,
  type SyncConflict,
  type SyncKind,
  type SyncRecord,
} from '../../storage/sync-state';
import { applyDraft, applyIssue, deskMarkOf } from '../sync-fields';
import {
  conflictName,
  mergeSharedText,
  sharedName,
  sharedOf,
  type Shared,
} from '../../storage/shared-fields';
import { fromGmt } from '../../wordpress/desk-records';
import {
  type AnyRecord,
  fieldsOf,
  keptWrites,
  type RestRecord,
  sharedOfRest,
  SYNC_TABLES,
  tableOf,
  titleOf,
} from './shared';
import { settleUnasked } from './conflicts';
import type { SyncCore } from './core';

/**
 * Taking the desk's records in: a page of them in one transaction, the records never seen here
 * with two bulk writes, the others merged one by one against their merge base
 * ({@link Absorber.absorb}), with the notices the merge leaves for the editor.
 */
export class Absorber {
  private readonly db: IndiscretsDB;

  constructor(private readonly core: SyncCore) {
    this.db = core.db;
  }

  /**
   * Takes a server record in. Without unpushed local edits, the local copy becomes the
   * server's; with some, a 3-way merge against the last synced version: disjoint changes are
   * both kept, so are a text's changes in different paragraphs (merged by blocks, a notice kept
   * for the editor), and a field both changed otherwise keeps the local value and becomes a
   * stored conflict (the record then waits for the editor). Returns true when a conflict
   * blocks the record.
   */
  async absorb(kind: SyncKind, remote: RestRecord, force = false, me?: number): Promise<boolean> {
    me ??= (await this.core.state()).user?.id;
    return quietly(this.db, SYNC_TABLES, async () => {
      const theirs = sharedOfRest(kind, remote);
      const recordId = String((remote.meta as { clientId?: string }).clientId ?? '');
      if (!recordId) return false;
      const key = outboxKey(kind, recordId);
      const table = this.db.table(tableOf(kind));
      const [local, sync, queued] = await Promise.all([
        table.get(recordId) as Promise<AnyRecord | undefined>,
        this.db.syncRecords.get(key),
        this.db.outbox.get(key),
      ]);
      const mark = deskMarkOf(remote, me, local);
      // A version is a record's own: one made again under the same clientId (sent again after
      // it was deleted for good) starts over at 1, and is new whatever its number.
      if (!force && sync && sync.remoteId === remote.id && sync.version >= remote.version) {
        // Nothing new in the fields; the marks (a lock taken, rights) may have changed.
        if (local && !sameValue(local.desk, mark)) await table.update(recordId, { desk: mark });
        return false;
      }
      const modifiedAt = fromGmt(remote.modified_gmt);
      const newSync: SyncRecord = {
        key,
        kind,
        recordId,
        remoteId: remote.id,
        version: remote.version,
        modifiedGmt: remote.modified_gmt,
        base: theirs,
        ...(sync?.receivedIn ? { receivedIn: sync.receivedIn } : {}),
      };
      const own = keptWrites(sync, remote.id, theirs);
      if (Object.keys(own).length > 0) newSync.wrote = own;
      let blocked = false;
      let entry = queued;
      if (
        local &&
        !entry &&
        sync &&
        (await this.core.deletions.deletionMeetsWork(
          kind,
          recordId,
          sync.base,
          sharedOf(kind, local),
          theirs,
        ))
      ) {
        // Trashed there while this desk placed items in it (and left its own fields alone): the
        // issue is queued as if edited here, and the merge below puts it back.
        entry = this.core.entry(kind, recordId, this.core.now());
        await this.db.outbox.put(entry);
      }
      if (!local && entry?.op === 'delete' && sync) {
        // Deleted for good here, not yet sent (offline, or while the desk was off): a
        // colleague's edit made since keeps it (see keepDeleted).
        if (await this.core.deletions.keepDeleted(kind, recordId, sync, remote, me)) return false;
      }
      if (!local) {
        // Deleted here (waiting to be trashed there), or trashed there and never seen here.
        const deletedHere = entry?.op === 'delete' || (sync && theirs.trashed);
        if (!deletedHere && !(kind === 'issue' && theirs.trashed)) {
          await this.core.local.writeLocal(kind, undefined, theirs, modifiedAt, recordId, mark);
          // An issue known here as deleted, put back by a colleague: without a word it would
          // just be there again, and its deleter think the deletion had failed.
          if (kind === 'issue' && sync?.base.trashed) {
            await this.core.notices.noteIssueBack(recordId, theirs, remote, me);
          }
        }
        if (!sync) Object.assign(newSync, await this.receiving());
      } else if (!entry || entry.op === 'delete') {
        // An issue a colleague deleted: said where it was open (see issueDeletion).
        const deleted =
          !entry && kind === 'issue'
            ? await this.core.notices.issueDeletion(local as Issue, sync, theirs, mark, me)
            : undefined;
        if (!entry)
          await this.core.local.writeLocal(kind, local, theirs, modifiedAt, recordId, mark);
        if (deleted) await this.core.notices.keepIssuesDeleted(deleted);
      } else {
        const fields = fieldsOf(kind);
        const mine = sharedOf(kind, local);
        // Without a merge base (a create whose answer was lost; a desk this browser left with an
        // older version, which dropped the bases), the server's record is the base only while
        // it is still its first version: then only this browser changed it. Past that, nobody
        // knows who changed what, and a field that differs is the editor's to choose (taking
        // "mine" for every field wrote old copies over colleagues' newer work).
        const base = sync?.base ?? (remote.version <= 1 ? theirs : {});
        const kept = await this.core.deletions.deletionMeetsWork(
          kind,
          recordId,
          base,
          mine,
          theirs,
        );
        // Put back: merged as if it had not been deleted; the base stays the trashed record, so
        // the next push restores it before sending the changes.
        const other = kept ? { ...theirs, trashed: base.trashed } : theirs;
        const { merged, conflicts: found } = merge3<Shared, string>(base, mine, other, fields);
        const both = settleUnasked(kind, merged, found);
        // A text both changed in different paragraphs: both kept, and the editor told. Not a
        // text the editor has a conflict open on (the record held for their choice): that box
        // is found again with the newer version, as before, rather than left showing the old
        // one beside a text merged under it.
        const open = await this.db.conflicts.get(key);
        const chosen = new Set(open?.fields.map((field) => sharedName(kind, field.field)));
        const textMerged: string[] = [];
        const conflicts = both.filter((conflict) => {
          if (chosen.has(conflict.field)) return true;
          const text = mergeSharedText(
            kind,
            conflict.field,
            conflict.base,
            conflict.mine,
            conflict.theirs,
          );
          if (text === undefined) return true;
          merged[conflict.field] = text;
          textMerged.push(conflict.field);
          return false;
        });
        await this.core.local.writeLocal(kind, local, merged, local.updatedAt, recordId, mark);
        if (textMerged.length > 0) {
          await this.core.notices.noteTextMerge({
            key,
            kind,
            recordId,
            title: titleOf(merged),
            fields: textMerged.map((field) => conflictName(kind, field)),
            ...(remote.last_edited_by?.name ? { by: remote.last_edited_by.name } : {}),
            at: this.core.now(),
          });
        }
        if (kept) await this.core.deletions.putBack(local as Issue, remote);
        // The fields the open box asks about that this merge did not find again: the base moved
        // to the colleague's version when the box opened, so a field only they had changed reads
        // now as changed here alone. Still two versions, still the editor's to choose: asked
        // still, not settled as this browser's by the colleague's save of another field.
        const stillOpen = (open?.fields ?? []).filter((field) => {
          const name = sharedName(kind, field.field);
          return (
            !conflicts.some((c) => c.field === name) &&
            Object.hasOwn(theirs, name) &&
            !sameValue(mine[name], theirs[name])
          );
        });
        if (conflicts.length > 0 || stillOpen.length > 0) {
          blocked = true;
          const conflict: SyncConflict = {
            key,
            kind,
            recordId,
            title: titleOf(mine),
            fields: [
              ...stillOpen.map((field) => {
                const name = sharedName(kind, field.field);
                return { ...field, mine: mine[name], theirs: theirs[name] };
              }),
              ...conflicts.map((c) => {
                const field = conflictName(kind, c.field);
                // Found again (the colleague saved once more while the box was open): the base
                // stays the one both versions started from, not the colleague's earlier version,
                // against which « Garder les deux » would read the editor's text as deleting it.
                const before = open?.fields.find((f) => f.field === field);
                return {
                  field,
                  base: before ? before.base : c.base,
                  mine: c.mine,
                  theirs: c.theirs,
                };
              }),
            ],
            ...(remote.last_edited_by?.name ? { theirsBy: remote.last_edited_by.name } : {}),
            remoteVersion: remote.version,
            detectedAt: this.core.now(),
          };
          await this.db.conflicts.put(conflict);
          await this.db.outbox.update(key, { blocked: 'conflict' });
        } else if (sameValue(merged, theirs)) {
          // Everything local is already on the server: nothing left to push.
          await this.db.outbox.delete(key);
        }
      }
      if (kind === 'draft')
        await this.core.notices.noteTakenOut(local as Draft | undefined, sync, theirs, me);
      if (local && sync)
        await this.core.notices.noteOverridden(kind, local, sync, remote, theirs, me);
      await this.db.syncRecords.put(newSync);
      return blocked;
    });
  }

  /**
   * Takes one page of server records in, in one transaction. Records this desk has never seen
   * (the whole of a first sync) are written with two bulk puts; the others go through
   * {@link absorb}, one by one, for their merge.
   */
  async absorbPage(kind: SyncKind, records: RestRecord[]): Promise<void> {
    if (records.length === 0) return;
    await quietly(this.db, SYNC_TABLES, async () => {
      const me = (await this.core.state()).user?.id;
      const received = await this.receiving();
      const table = this.db.table(tableOf(kind));
      const ids = records.map((r) => String((r.meta as { clientId?: string }).clientId ?? ''));
      const keys = ids.map((id) => outboxKey(kind, id));
      const [locals, syncs, entries] = await Promise.all([
        table.bulkGet(ids) as Promise<(AnyRecord | undefined)[]>,
        this.db.syncRecords.bulkGet(keys),
        this.db.outbox.bulkGet(keys),
      ]);
      const fresh: AnyRecord[] = [];
      const freshSync: SyncRecord[] = [];
      for (const [i, remote] of records.entries()) {
        const recordId = ids[i]!;
        if (!recordId) continue;
        if (locals[i] || syncs[i] || entries[i]) {
          await this.absorb(kind, remote, false, me);
          continue;
        }
        const theirs = sharedOfRest(kind, remote);
        freshSync.push({
          key: keys[i]!,
          kind,
          recordId,
          remoteId: remote.id,
          version: remote.version,
          modifiedGmt: remote.modified_gmt,
          base: theirs,
          ...received,
        });
        // A trashed issue is not kept locally (its items are in the inbox); a trashed draft is
        // kept in the trash, as everywhere else.
        if (kind === 'issue' && theirs.trashed) continue;
        const modifiedAt = fromGmt(remote.modified_gmt);
        const next =
          kind === 'draft'
            ? applyDraft(undefined, theirs, modifiedAt)
            : applyIssue(undefined, theirs, modifiedAt);
        next.id = recordId;
        next.desk = deskMarkOf(remote, me);
        fresh.push(next);
      }
      if (fresh.length > 0) await table.bulkPut(fresh);
      if (freshSync.length > 0) await this.db.syncRecords.bulkPut(freshSync);
    });
  }

  /** The tag of a record received by the first sync under way (none after it). */
  private async receiving(): Promise<Pick<SyncRecord, 'receivedIn'>> {
    const state = await this.core.state();
    return !state.firstSyncDone && state.firstSyncId ? { receivedIn: state.firstSyncId } : {};
  }
}
