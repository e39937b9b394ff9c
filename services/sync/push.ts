import { changedFields, sameValue } from '../../lib/merge';
import type { Draft, IndiscretsDB, Issue } from '../../storage/db';
import { quietly } from '../../storage/outbox';
import {
  outboxKey,
  type OutboxEntry,
  type SyncAction,
  type SyncKind,
  type SyncRecord,
} from '../../storage/sync-state';
import {
  BATCH_SIZE,
  createRecord,
  createRecords,
  restoreRecord,
  trashRecord,
  updateRecord,
  type DeskFailure,
  type DeskSettings,
} from '../../wordpress/desk-client';
import { deskMarkOf, restChanges, restCreate } from '../sync-fields';
import { sharedName, sharedOf, type Shared } from '../../storage/shared-fields';
import { fromGmt } from '../../wordpress/desk-records';
import {
  type AnyRecord,
  fieldsOf,
  keptWrites,
  restKind,
  type RestRecord,
  sharedOfRest,
  SYNC_TABLES,
  tableOf,
} from './shared';
import type { SyncCore } from './core';

/**
 * The push of the outbox: records never sent created in batches, then each entry one by one,
 * as a create, an update of the fields changed since the merge base, a trash or a restore, or a
 * deletion; the server's answer settles the entry and becomes the merge base, a `conflict` is
 * merged ({@link Absorber.absorb}), a refusal rolled back ({@link Refusals.refuse}).
 */
export class Pusher {
  private readonly db: IndiscretsDB;

  constructor(private readonly core: SyncCore) {
    this.db = core.db;
  }

  async push(settings: DeskSettings, first: boolean): Promise<void> {
    // Every write queued until now goes up here: a sync still waiting after one of them is moot
    // (it would ask the desk for its changes again 2 s later, with nothing to send). Stopped
    // before the outbox is read: a write queued after the read asks for a sync of its own.
    clearTimeout(this.core.writeTimer);
    this.core.writeTimer = undefined;
    const entries = await this.db.outbox.orderBy('queuedAt').toArray();
    // Issues before drafts (items name their issue), deletions last.
    const rank = (e: OutboxEntry) => (e.op === 'delete' ? 2 : e.kind === 'issue' ? 0 : 1);
    entries.sort((a, b) => rank(a) - rank(b));
    let done = 0;
    await this.core.progress('upload', 0, entries.length, first);
    done = await this.createInBatches(settings, entries, first);
    for (const entry of entries) {
      // Created by a batch above (the entry is gone), or to be pushed one by one.
      if (!(await this.db.outbox.get(entry.key))) continue;
      await this.core.checkCancelled();
      if (!entry.blocked) await this.pushEntry(settings, entry.key);
      done += 1;
      if (first && (done % 10 === 0 || done === entries.length)) {
        await this.core.progress('upload', done, entries.length, true);
      }
    }
  }

  /**
   * Records never sent (the upload of a first sync, clips made offline) go up
   * {@link BATCH_SIZE} at a time, one request each batch. Whatever a batch did not create
   * (`exists`, a refusal, an invalid field) stays in the outbox for the one-by-one push, which
   * knows what to do with each answer. Returns how many entries were settled.
   */
  private async createInBatches(
    settings: DeskSettings,
    entries: OutboxEntry[],
    first: boolean,
  ): Promise<number> {
    let settled = 0;
    for (const kind of ['issue', 'draft'] as const) {
      const candidates = entries.filter((e) => e.kind === kind && e.op === 'upsert' && !e.blocked);
      const keys = candidates.map((e) => e.key);
      const [synced, records] = await Promise.all([
        this.db.syncRecords.bulkGet(keys),
        this.db.table(tableOf(kind)).bulkGet(candidates.map((e) => e.recordId)) as Promise<
          (AnyRecord | undefined)[]
        >,
      ]);
      const creates = candidates
        .map((entry, i) => ({ entry, record: records[i], sync: synced[i] }))
        .filter(({ record, sync }) => record && !sync)
        .map(({ entry, record }) => ({ entry, record: record!, mine: sharedOf(kind, record!) }))
        .filter(({ mine }) => !(kind === 'draft' && mine.trashed));
      if (creates.length < 2) continue;
      for (let i = 0; i < creates.length; i += BATCH_SIZE) {
        await this.core.checkCancelled();
        const batch = creates.slice(i, i + BATCH_SIZE);
        const result = await createRecords(
          settings,
          restKind(kind),
          batch.map(({ record, mine }) => restCreate(kind, record.id, mine)),
          this.core.options(),
        );
        if (!result.ok) {
          this.core.fail(result);
          // No batch API here (or it refused): the one-by-one push takes them all.
          return settled;
        }
        for (const [j, answer] of result.answers.entries()) {
          if (!answer.record) continue;
          const { entry, record } = batch[j]!;
          await this.settle(entry, record, answer.record as RestRecord);
          settled += 1;
        }
        if (first) await this.core.progress('upload', settled, entries.length, true);
      }
    }
    return settled;
  }

  /** Pushes one outbox entry; loops while a merge makes something new to push (at most 3). */
  private async pushEntry(settings: DeskSettings, key: string): Promise<void> {
    for (let round = 0; round < 4; round += 1) {
      const snapshot = await this.db.transaction(
        'r',
        [this.db.outbox, this.db.syncRecords, this.db.clips, this.db.issues],
        async () => {
          const entry = await this.db.outbox.get(key);
          if (!entry || entry.blocked) return undefined;
          const table = entry.kind === 'draft' ? this.db.clips : this.db.issues;
          const record = (await table.get(entry.recordId)) as AnyRecord | undefined;
          const sync = await this.db.syncRecords.get(key);
          return { entry, record, sync };
        },
      );
      if (!snapshot) return;
      const again = await this.pushOne(settings, snapshot.entry, snapshot.record, snapshot.sync);
      if (!again) return;
    }
  }

  /** Returns true when the entry must be pushed again (after a merge). */
  private async pushOne(
    settings: DeskSettings,
    entry: OutboxEntry,
    record: AnyRecord | undefined,
    sync: SyncRecord | undefined,
  ): Promise<boolean> {
    const { kind } = entry;
    const rk = restKind(kind);
    if (!record || entry.op === 'delete') {
      if (!sync || sync.base.trashed) return this.settle(entry, undefined, undefined);
      // Merged into a draft: named by its WordPress id (pushed before, deletions go last).
      const target = entry.mergedInto
        ? await this.db.syncRecords.get(outboxKey('draft', entry.mergedInto))
        : undefined;
      // A draft deleted here goes to the trash there only as this browser last saw it: a
      // colleague's edit made since is answered `conflict`, and kept (see keepDeleted).
      const result = await trashRecord(settings, rk, sync.remoteId, {
        ...this.core.options(),
        ...(target ? { mergedInto: target.remoteId } : {}),
        ...(kind === 'draft' ? { baseVersion: sync.version } : {}),
      });
      if (!result.ok) {
        this.core.fail(result);
        if (result.code === 'conflict' && result.current) {
          const remote = result.current as RestRecord;
          if (!(await this.core.deletions.keepDeleted(kind, entry.recordId, sync, remote))) {
            // Written meanwhile but not edited (trashed, or the same fields): the deletion goes
            // on from the version it now has.
            await this.recordSynced(kind, entry.recordId, remote, false);
          }
          return true;
        }
        if (result.code === 'forbidden') {
          // Not allowed to delete it: it comes back, as the server has it.
          const told = await this.core.refusals.refuse(
            entry,
            'trash',
            result,
            sync.base,
            async () => {
              await this.core.local.writeLocal(
                kind,
                undefined,
                sync.base,
                this.core.now(),
                entry.recordId,
              );
              if (kind === 'issue')
                await this.core.refusals.forgetReleases(entry.recordId, entry.released);
            },
          );
          // The deletion undone meanwhile (the issue back with its items): the releases refused
          // before it were the editor's own to undo, and are said no more.
          if (!told && kind === 'issue') {
            await quietly(this.db, SYNC_TABLES, () =>
              this.core.refusals.forgetReleases(entry.recordId, entry.released),
            );
          }
          return false;
        }
        if (result.code === 'not_found') return this.settle(entry, undefined, undefined, true);
        return this.settleFailed(entry, result);
      }
      return this.settle(entry, undefined, result.record as RestRecord);
    }

    const mine = sharedOf(kind, record);
    if (!sync) {
      if (kind === 'draft' && mine.trashed) return this.settle(entry, undefined, undefined, true);
      const result = await createRecord(
        settings,
        rk,
        restCreate(kind, record.id, mine),
        this.core.options(),
      );
      if (result.ok) return this.settle(entry, record, result.record as RestRecord);
      this.core.fail(result);
      if (result.code === 'exists' && result.current) {
        // Already there (a create whose answer was lost): adopt it and merge.
        await this.core.absorber.absorb(kind, result.current as RestRecord, true);
        return true;
      }
      if (result.code === 'forbidden') {
        if (result.wpCode === 'indiscrets_cannot_arrange' && kind === 'draft') {
          // May clip but not arrange: the draft goes up to the inbox, the arrangement is undone.
          const rollback = { ...mine, issueId: '', sortKey: '' };
          await this.core.refusals.refuse(
            entry,
            'arrange',
            result,
            mine,
            () => this.core.local.writeLocal(kind, record, rollback, this.core.now()),
            { requeue: true },
          );
          return true;
        }
        await this.core.refusals.refuse(
          entry,
          'create',
          result,
          mine,
          () => this.core.local.removeLocal(kind, record.id),
          {
            changed: Object.keys(mine),
          },
        );
        return false;
      }
      return this.settleFailed(entry, result);
    }

    // Trash and restore are requests of their own; then the fields that changed.
    if (mine.trashed !== sync.base.trashed) {
      const result = mine.trashed
        ? await trashRecord(settings, rk, sync.remoteId, this.core.options())
        : await restoreRecord(settings, rk, sync.remoteId, this.core.options());
      if (!result.ok) {
        this.core.fail(result);
        if (result.code === 'forbidden') {
          const kept: Shared = { ...mine, trashed: sync.base.trashed };
          const edits = changedFields(sync.base, kept, fieldsOf(kind));
          // A draft whose edits WordPress would refuse too (a colleague's, to a user who may not
          // write others' drafts): one refusal for the whole change, rolled back, its words
          // offered to copy as an edit's are; not two, the edit's a moment after the trash's.
          const theirs =
            kind === 'draft' && (await this.core.refusals.editsRefusedToo(record as Draft));
          if (theirs) for (const field of edits) kept[field] = sync.base[field];
          // Only the trash (or restore) is refused: what was written before it still goes up,
          // merged with what the server has since, as any edit would be.
          const requeue = !theirs && edits.length > 0;
          await this.core.refusals.refuse(
            entry,
            mine.trashed ? 'trash' : 'restore',
            result,
            mine,
            () => this.core.local.writeLocal(kind, record, kept, this.core.now()),
            { changed: theirs ? edits : [], requeue },
          );
          return requeue;
        }
        return this.settleFailed(entry, result);
      }
      const reply = result.record as RestRecord;
      if (reply.id === sync.remoteId && reply.version > sync.version + 1) {
        // More than this trash or restore since the base: a colleague wrote the record
        // meanwhile. Merged as a pull would be, so that their text is kept, not taken for this
        // browser's change and overwritten with its older copy by the push that follows.
        return !(await this.core.absorber.absorb(kind, reply, true));
      }
      // Only the base moves: field edits made with the trash still have to be pushed.
      await this.recordSynced(kind, record.id, reply, false);
      return true;
    }

    const fields = fieldsOf(kind);
    const changes = changedFields(sync.base, mine, fields);
    if (changes.length === 0) return this.settle(entry, record, undefined);
    // Kept over a colleague's version, of the fields still sent: they will be told.
    const overrides = (entry.overrides ?? []).filter((field) =>
      changes.includes(sharedName(kind, field)),
    );
    const result = await updateRecord(
      settings,
      rk,
      sync.remoteId,
      sync.version,
      restChanges(kind, mine, changes),
      { ...this.core.options(), ...(overrides.length > 0 ? { overrides } : {}) },
    );
    if (result.ok) {
      const reply = result.record as RestRecord;
      if (
        await this.core.deletions.deletionMeetsWork(
          kind,
          record.id,
          sync.base,
          mine,
          sharedOfRest(kind, reply),
        )
      ) {
        // Written into an issue another editor had trashed meanwhile (its version unchanged):
        // the same policy as when the deletion is met by a merge, see absorb.
        await quietly(this.db, SYNC_TABLES, async () => {
          await this.recordSynced(kind, record.id, reply, false, changes);
          await this.core.deletions.putBack(record as Issue, reply);
        });
        return true;
      }
      return this.settle(entry, record, reply, false, { changes, overrides });
    }
    this.core.fail(result);
    if (result.code === 'conflict' && result.current) {
      const blocked = await this.core.absorber.absorb(kind, result.current as RestRecord, true);
      return !blocked;
    }
    if (result.code === 'forbidden') {
      const action: SyncAction =
        changes.includes('issueId') || changes.includes('sortKey')
          ? 'arrange'
          : kind === 'issue' && changes.includes('status') && mine.status === 'published'
            ? 'publish'
            : 'edit';
      const rollback = { ...mine };
      for (const field of changes) rollback[field] = sync.base[field];
      await this.core.refusals.refuse(
        entry,
        action,
        result,
        mine,
        () => this.core.local.writeLocal(kind, record, rollback, this.core.now()),
        { changed: changes },
      );
      return false;
    }
    if (result.code === 'not_found') {
      // Deleted for good on the server (an editor emptied the trash) while this desk had changes
      // of it to send: dropping it here would drop them. It is sent again as a new record (the
      // same clientId: nothing on the server has it any more), as this desk has it; an issue
      // with its items, and the editor told, as when a deletion meets work (see putBack).
      await quietly(this.db, SYNC_TABLES, async () => {
        await this.db.syncRecords.delete(entry.key);
        if (kind === 'issue') await this.core.deletions.putBack(record as Issue, undefined);
      });
      return true;
    }
    return this.settleFailed(entry, result);
  }

  /** A push that WordPress refused as invalid: counted, kept, the others go on. */
  private async settleFailed(entry: OutboxEntry, failure: DeskFailure): Promise<false> {
    await this.db.outbox.update(entry.key, {
      attempts: entry.attempts + 1,
      error: `${failure.code}${failure.detail ? `: ${failure.detail}` : ''}`.slice(0, 300),
    });
    return false;
  }

  /**
   * After a successful push (or nothing to push): the server's record becomes the merge base,
   * the outbox entry goes unless the record was written again meanwhile.
   */
  private async settle(
    entry: OutboxEntry,
    record: AnyRecord | undefined,
    reply: RestRecord | undefined,
    dropSync = false,
    sent: { changes: readonly string[]; overrides: readonly string[] } = {
      changes: [],
      overrides: [],
    },
  ): Promise<false> {
    await quietly(this.db, SYNC_TABLES, async () => {
      const current = await this.db.outbox.get(entry.key);
      const unchanged = current?.seq === entry.seq;
      if (unchanged) await this.db.outbox.delete(entry.key);
      else if (current?.overrides && sent.overrides.length > 0) {
        // Written to meanwhile, the entry stays for the rest: the fields kept over a colleague's
        // went with this push, and are not theirs to be told of again at the next one.
        const left = current.overrides.filter((field) => !sent.overrides.includes(field));
        const next: OutboxEntry = { ...current, overrides: left };
        if (left.length === 0) delete next.overrides;
        await this.db.outbox.put(next);
      }
      if (dropSync) await this.db.syncRecords.delete(entry.key);
      if (reply) {
        const writeBack = unchanged && !!record;
        await this.recordSynced(entry.kind, entry.recordId, reply, writeBack, sent.changes);
      }
    });
    return false;
  }

  /**
   * Stores the server's record as the merge base; optionally writes its values locally. `wrote`:
   * the shared fields this browser's push just wrote (see {@link SyncRecord.wrote}).
   */
  private async recordSynced(
    kind: SyncKind,
    recordId: string,
    reply: RestRecord,
    writeBack = true,
    wrote: readonly string[] = [],
  ): Promise<void> {
    await quietly(this.db, SYNC_TABLES, async () => {
      const theirs = sharedOfRest(kind, reply);
      const key = outboxKey(kind, recordId);
      const before = await this.db.syncRecords.get(key);
      const own = keptWrites(before, reply.id, theirs);
      for (const field of wrote) own[field] = reply.version;
      await this.db.syncRecords.put({
        key,
        kind,
        recordId,
        remoteId: reply.id,
        version: reply.version,
        modifiedGmt: reply.modified_gmt,
        base: theirs,
        ...(Object.keys(own).length > 0 ? { wrote: own } : {}),
      });
      const table = this.db.table(tableOf(kind));
      const local = (await table.get(recordId)) as AnyRecord | undefined;
      if (!local) return;
      const mark = deskMarkOf(reply, (await this.core.state()).user?.id, local);
      const sameFields = sameValue(sharedOf(kind, local), theirs);
      if (writeBack && !sameFields) {
        // The server normalised something we sent: take its form, or the next push resends it.
        await this.core.local.writeLocal(
          kind,
          local,
          theirs,
          fromGmt(reply.modified_gmt),
          recordId,
          mark,
        );
      } else if (!sameValue(local.desk, mark)) {
        await table.update(recordId, { desk: mark });
      }
    });
  }
}
