import { changedFields, sameValue } from '../../lib/merge';
import type { Draft, IndiscretsDB } from '../../storage/db';
import { quietly } from '../../storage/outbox';
import {
  clearDeskRecords,
  outboxKey,
  SYNC_OFF,
  type OutboxEntry,
  type SyncPlan,
  type SyncRecord,
  type SyncState,
  type SyncStatus,
} from '../../storage/sync-state';
import {
  countRecords,
  hasClientId,
  ID_FIELDS,
  pullFirstPages,
  pullPage,
  type DeskErrorCode,
  type DeskKind,
  type DeskResult,
  type DeskSettings,
} from '../../wordpress/desk-client';
import { sharedOf } from '../../storage/shared-fields';
import { fromGmt } from '../../wordpress/desk-records';
import {
  type AnyRecord,
  codeAndAddress,
  fewAtATime,
  fieldsOf,
  type RestRecord,
  SYNC_TABLES,
  tableOf,
} from './shared';
import { followPosts } from './account';
import type { SyncCore } from './core';

/**
 * Joining and leaving the desk: what a first sync would move ({@link Membership.plan}), turning
 * sync on (a first join, or a rejoin that compares each record with its merge base) and off
 * (what the desk's records and marks become while off, what an unfinished first sync takes back).
 */
export class Membership {
  private readonly db: IndiscretsDB;

  constructor(private readonly core: SyncCore) {
    this.db = core.db;
  }

  /** What a first sync would move: local records to upload, the newsroom's to download. */
  async plan(): Promise<
    SyncPlan | { ok: false; code: DeskErrorCode | 'no_settings'; address?: string }
  > {
    const settings = await this.core.deps.settings();
    if (!settings) return { ok: false, code: 'no_settings' };
    const [drafts, issues] = await Promise.all([
      countRecords(settings, 'drafts', this.core.options()),
      countRecords(settings, 'issues', this.core.options()),
    ]);
    if (!drafts.ok) return { ok: false, ...codeAndAddress(drafts) };
    if (!issues.ok) return { ok: false, ...codeAndAddress(issues) };
    // Only what is not on the desk yet is the editor's to send: the desk's records this browser
    // knows (kept while off, or received by a cancelled first sync) are merged, not sent.
    const known = (await this.core.account.sameAccount(settings))
      ? new Set(await this.db.syncRecords.toCollection().primaryKeys())
      : new Set<string>();
    const unknownDrafts = (await this.db.clips
      .filter((draft) => !draft.deletedAt && !known.has(outboxKey('draft', draft.id)))
      .primaryKeys()) as string[];
    const unknownIssues = (await this.db.issues
      .filter((issue) => !known.has(outboxKey('issue', issue.id)))
      .primaryKeys()) as string[];
    // The others may be on the desk all the same: a browser that last synced with an earlier
    // version (which forgot, when the desk was turned off, which record was which), a backup of
    // another browser. The desk is asked, not assumed.
    const onDesk = await this.onDesk(settings, unknownDrafts, unknownIssues, {
      drafts: drafts.total,
      issues: issues.total,
    });
    if (!onDesk.ok) return { ok: false, ...codeAndAddress(onDesk) };
    return {
      localDrafts: unknownDrafts.filter((id) => !onDesk.drafts.has(id)).length,
      localIssues: unknownIssues.filter((id) => !onDesk.issues.has(id)).length,
      remoteDrafts: drafts.total,
      remoteIssues: issues.total,
    };
  }

  /**
   * Which of these local drafts and issues the desk has (trashed or not), by the cheaper of two
   * ways: one `client_id` lookup per record, or one ids-only listing of the whole desk (both
   * kinds' first page in one `/changes`, then a page per hundred records, `id` and `clientId`
   * only). A browser with a few records of its own asks for them; one with thousands lists
   * the desk (101 small requests for 10,000 drafts and 200 issues, four at a time). Nothing to
   * look up, nothing asked.
   */
  private async onDesk(
    settings: DeskSettings,
    drafts: string[],
    issues: string[],
    totals: { drafts: number; issues: number },
  ): Promise<DeskResult<{ drafts: Set<string>; issues: Set<string> }>> {
    const found = { drafts: new Set<string>(), issues: new Set<string>() };
    const lookups = drafts.length + issues.length;
    if (lookups === 0) return { ok: true, ...found };
    const perPage = this.core.deps.perPage ?? 100;
    const pages = (total: number) => Math.max(1, Math.ceil(total / perPage));
    const listing = 1 + (pages(totals.drafts) - 1) + (pages(totals.issues) - 1);
    if (lookups <= listing) {
      const asks = [
        ...drafts.map((id) => ['drafts', id] as const),
        ...issues.map((id) => ['issues', id] as const),
      ];
      const failure = await fewAtATime(asks, async ([kind, id]) => {
        const result = await hasClientId(settings, kind, id, this.core.options());
        if (result.ok && result.found) found[kind].add(id);
        return result;
      });
      return failure ?? { ok: true, ...found };
    }
    const options = { ...this.core.options(), perPage, fields: ID_FIELDS };
    const first = await pullFirstPages(settings, {}, options);
    if (!first.ok) return first;
    const wanted = { drafts: new Set(drafts), issues: new Set(issues) };
    const take = (kind: DeskKind, records: RestRecord[]) => {
      for (const record of records) {
        const id = String((record.meta as { clientId?: string } | undefined)?.clientId ?? '');
        if (wanted[kind].has(id)) found[kind].add(id);
      }
    };
    take('drafts', first.drafts.records);
    take('issues', first.issues.records);
    // The other pages of a listing whose length the first told, a few at a time.
    const rest = (['drafts', 'issues'] as const).flatMap((kind) =>
      Array.from({ length: Math.max(0, first[kind].pages - 1) }, (_, i) => [kind, i + 2] as const),
    );
    const failure = await fewAtATime(rest, async ([kind, n]) => {
      const result = await pullPage(settings, kind, undefined, n, options);
      if (result.ok) take(kind, result.records);
      return result;
    });
    return failure ?? { ok: true, ...found };
  }

  /**
   * Turns sync on and starts the first sync (upload every local draft and issue, download the
   * newsroom's). Returns at once; the state tells the progress.
   *
   * A rejoin (the same account, whose sync records were kept when it was turned off) is a sync
   * like any other, not an upload: each record the desk knows is compared with its merge base.
   * Unchanged here, nothing is queued and the pull (from the cursors kept) brings the server's
   * version, a trash included; changed here, it is queued as an update based on the version it
   * was synced at, so that a change made there meanwhile is merged, or is a conflict for the
   * editor: never the old copy written over the newer (re-sent as new, it was answered
   * `exists`, adopted with the server's record as its base, and "mine" won every field).
   * Records only here are created; a record of the desk deleted for good here is trashed there.
   * With no sync record left (a « Remplacer tout » that forgot the desk, even one that did so
   * while this was asking the desk), it is a first join: no cursor, the whole listing pulled.
   * The desk's site moved while it was off (`monjournal.fr` to `www.`), turned on at the new
   * address: a rejoin too, once proven the same desk as a run's follow is
   * ({@link AccountCheck.askMove}), its published posts following it ({@link followPosts});
   * unproven, a first join.
   */
  async enable(): Promise<SyncStatus> {
    this.core.account.forgetNames();
    const probe = await this.core.discover();
    if (!probe.ok) {
      // A moved site's address with it: the options say it under the button.
      await this.core.patchState({ lastError: { ...codeAndAddress(probe), at: this.core.now() } });
      return this.core.status();
    }
    const settings = (await this.core.deps.settings())!;
    // The desk left at an address its site has since moved from, turned on at the new one (the
    // options name it, from turning on at the old): a rejoin there once proven as a run's
    // follow is (askMove: the site's redirect, the same user, the desk's records there), where
    // it was a first join, the records kept forgotten. Asked before the transaction (requests).
    const left = await this.core.state();
    const followed =
      left.siteUrl !== settings.siteUrl &&
      !!left.siteUrl &&
      (await this.db.syncRecords.count()) > 0 &&
      (await this.core.account.accountCheck(settings)).same
        ? left.siteUrl
        : undefined;
    await quietly(this.db, SYNC_TABLES, async () => {
      // Read in the transaction that writes: a « Remplacer tout » that forgot the desk (the
      // options page, meanwhile) is seen. A rejoin needs the sync records kept: without them,
      // the old pull cursors would skip the desk's records this browser no longer has.
      const previous = await this.core.state();
      // The desk's site, at its address or where it was proven to have moved (left again
      // meanwhile, or joined elsewhere: not the desk that was proven).
      const sameSite =
        previous.siteUrl === settings.siteUrl ||
        (followed !== undefined && previous.siteUrl === followed);
      // The same user by another name WordPress takes (the account's e-mail, the desk having
      // been joined by the login), as the site now says who that is: a rejoin too.
      const sameUser = sameSite && previous.user?.id === probe.user.id;
      const sameAccount =
        (await this.db.syncRecords.count()) > 0 &&
        (sameUser || (await this.core.account.sameAccount(settings)));
      // What waited from before (the outbox and conflicts of a cancelled first sync) is found
      // again below, by comparing each record with its base: nothing of it is lost.
      await (sameAccount
        ? Promise.all([this.db.outbox.clear(), this.db.conflicts.clear()])
        : this.forget());
      // Its published posts follow it too, as with a run's follow.
      if (sameAccount && previous.siteUrl !== settings.siteUrl) {
        await followPosts(this.db, previous.siteUrl, settings.siteUrl);
      }
      const at = this.core.now();
      const state: SyncState = {
        ...SYNC_OFF,
        ...(sameAccount ? { cursors: previous.cursors } : {}),
        enabled: true,
        siteUrl: settings.siteUrl,
        username: settings.username,
        user: probe.user,
        can: probe.can,
        roleCheckedAt: at,
        lockWindow: probe.lockWindow,
        phase: 'first-sync',
        firstSyncDone: false,
        firstSyncId: at,
      };
      await this.db.syncState.put(state);
      // Issues first: items refer to them.
      const entries: OutboxEntry[] = [];
      const syncs = new Map((await this.db.syncRecords.toArray()).map((r) => [r.key, r]));
      const seen = new Set<string>();
      const unstashed: SyncRecord[] = [];
      for (const kind of ['issue', 'draft'] as const) {
        const table = this.db.table(tableOf(kind));
        const marked: AnyRecord[] = [];
        for (const record of (await table.toArray()) as AnyRecord[]) {
          const key = outboxKey(kind, record.id);
          const sync = syncs.get(key);
          seen.add(key);
          if (!sync) {
            if (!(kind === 'draft' && (record as Draft).deletedAt)) {
              entries.push(this.core.entry(kind, record.id, at));
            }
            continue;
          }
          const changed = changedFields(sync.base, sharedOf(kind, record), fieldsOf(kind));
          if (changed.length > 0) {
            const { overrides } = sync;
            entries.push({
              ...this.core.entry(kind, record.id, at),
              ...(overrides ? { overrides } : {}),
            });
          }
          if (sync.mark || sync.overrides) {
            if (sync.mark) marked.push({ ...record, desk: sync.mark });
            const rest = { ...sync };
            delete rest.mark;
            delete rest.overrides;
            unstashed.push(rest);
          }
        }
        if (marked.length > 0) await table.bulkPut(marked);
      }
      for (const sync of syncs.values()) {
        // Deleted for good here while off (a trashed issue is not kept here: nothing to do).
        if (!seen.has(sync.key) && !sync.base.trashed) {
          entries.push({
            ...this.core.entry(sync.kind, sync.recordId, at),
            op: 'delete',
            ...(sync.mergedInto ? { mergedInto: sync.mergedInto } : {}),
          });
        }
      }
      if (unstashed.length > 0) await this.db.syncRecords.bulkPut(unstashed);
      await this.db.outbox.bulkPut(entries);
    });
    void this.core.run();
    return this.core.status();
  }

  /**
   * Sync goes off (turned off, or its first sync cancelled): local records stay as they are.
   * The sync records (which record is which on the desk, and its merge base), the account and
   * the pull cursors are kept for a rejoin to reconcile (see {@link enable}); the outbox and
   * conflicts go (a rejoin finds them again from the bases), and so do the desk marks, kept
   * in the sync records meanwhile. An unfinished first sync also takes back what it received
   * and the editor did not touch (see {@link takeBackReceived}). Call in a quiet transaction.
   */
  async leave(): Promise<void> {
    this.core.account.forgetNames();
    const previous = await this.core.state();
    const removed = previous.firstSyncDone ? 0 : await this.takeBackReceived(previous.firstSyncId);
    // A choice kept over a colleague's version, not sent yet: the rejoin queues it again.
    const chosen = (await this.db.outbox.toArray()).filter((entry) => entry.overrides);
    const chosenSyncs = await this.db.syncRecords.bulkGet(chosen.map((entry) => entry.key));
    await this.db.syncRecords.bulkPut(
      chosenSyncs.flatMap((sync, i) =>
        sync ? [{ ...sync, overrides: chosen[i]!.overrides }] : [],
      ),
    );
    await Promise.all([
      this.db.outbox.clear(),
      this.db.conflicts.clear(),
      this.db.refusals.clear(),
    ]);
    // Without a desk, who-did-what marks mean nothing: records go back to what they were.
    for (const kind of ['issue', 'draft'] as const) {
      const table = this.db.table(tableOf(kind));
      const marked = (await table.filter((r: AnyRecord) => !!r.desk).toArray()) as AnyRecord[];
      if (marked.length === 0) continue;
      const syncs = await this.db.syncRecords.bulkGet(marked.map((r) => outboxKey(kind, r.id)));
      const stashed: SyncRecord[] = [];
      for (const [i, record] of marked.entries()) {
        const sync = syncs[i];
        if (!sync) continue;
        // A lock will have lapsed by the rejoin; the next poll marks the current ones.
        const mark = { ...record.desk! };
        delete mark.lock;
        stashed.push({ ...sync, mark });
      }
      await this.db.syncRecords.bulkPut(stashed);
      await table.bulkPut(
        marked.map((record) => {
          const next = { ...record };
          delete next.desk;
          return next;
        }),
      );
    }
    await this.db.syncState.put({
      ...SYNC_OFF,
      siteUrl: previous.siteUrl,
      username: previous.username,
      // Who that was, by the site's id: joined again under another name of theirs, a rejoin.
      ...(previous.user ? { user: previous.user } : {}),
      // What was taken back must come again with the next pull: from the start, then.
      cursors: removed > 0 ? {} : previous.cursors,
      ...(previous.lastError ? { lastError: previous.lastError } : {}),
    });
  }

  /**
   * Takes out of this browser what the unfinished first sync (or rejoin) `firstSyncId`
   * received and the editor did not touch since: the records it did not have before, whose
   * shared fields are still the server's, with no write queued and their time still the
   * server's (a private note written meanwhile changes that). Anything the editor wrote on
   * stays, with its sync record, so that a rejoin merges it. A received issue that still holds
   * a draft kept here stays too, or the draft would move to the inbox. Returns how many went.
   */
  private async takeBackReceived(firstSyncId: string | undefined): Promise<number> {
    if (!firstSyncId) return 0;
    const received = await this.db.syncRecords
      .filter((sync) => sync.receivedIn === firstSyncId)
      .toArray();
    let removed = 0;
    for (const kind of ['draft', 'issue'] as const) {
      const table = this.db.table(tableOf(kind));
      const syncs = received.filter((sync) => sync.kind === kind);
      const [locals, entries] = await Promise.all([
        table.bulkGet(syncs.map((sync) => sync.recordId)) as Promise<(AnyRecord | undefined)[]>,
        this.db.outbox.bulkGet(syncs.map((sync) => sync.key)),
      ]);
      const gone: SyncRecord[] = [];
      for (const [i, sync] of syncs.entries()) {
        const local = locals[i];
        const untouched =
          !local ||
          (!entries[i] &&
            local.updatedAt === fromGmt(sync.modifiedGmt) &&
            sameValue(sharedOf(kind, local), sync.base));
        if (!untouched) continue;
        if (
          kind === 'issue' &&
          (await this.db.clips.where('issueId').equals(sync.recordId).count())
        ) {
          continue;
        }
        gone.push(sync);
      }
      await table.bulkDelete(gone.map((sync) => sync.recordId));
      await this.db.syncRecords.bulkDelete(gone.map((sync) => sync.key));
      removed += gone.length;
    }
    return removed;
  }

  /**
   * Drops everything the sync knew (another account, or a first join): the tables of
   * `DESK_RECORD_TABLES` (storage/sync-state.ts), the list « Remplacer tout » forgets too.
   * Records stay.
   */
  async forget(): Promise<void> {
    await clearDeskRecords(this.db);
  }
}
