import type { DeskPublishCheck, DeskPublishLock } from '../../messaging/protocol';
import { sameValue } from '../../lib/merge';
import type { IndiscretsDB } from '../../storage/db';
import { allItems } from '../../storage/issue-query';
import { quietly } from '../../storage/outbox';
import {
  outboxKey,
  type DeskLockAnswer,
  type DeskMergeCheck,
  type DeskMark,
  type SyncKind,
  type SyncPendingRelease,
  type SyncState,
} from '../../storage/sync-state';
import {
  lockRecord,
  readLock,
  pullFirstPages,
  unlockRecord,
  type DeskLockRef,
} from '../../wordpress/desk-client';
import type { DeskLock } from '../../wordpress/desk-records';
import {
  type AnyRecord,
  MERGE_CHECK_MARK_MS,
  restKind,
  SYNC_TABLES,
  tableOf,
  TRANSIENT,
} from './shared';
import type { SyncCore } from './core';

/**
 * Seconds an edit lock lasts unless renewed, when the desk did not say (`SyncState.lockWindow`,
 * from its discovery): the plugin's `INDISCRETS_LOCK_WINDOW`.
 */
export const LOCK_WINDOW_S = 150;

/**
 * The failures of a release that say nothing of the lock, still held: those the run itself waits
 * out ({@link TRANSIENT}), as the request never had the lock's answer — no answer (offline, the
 * site unreachable or too slow, the request cancelled with the run it went with), the site's own
 * failure (5xx), or an answer that is not the plugin's (a site that moved to another address, a
 * password refused, the plugin gone, a firewall's 403). The release is sent again at each run
 * (`SyncState.releases`), once the site answers again (the redirect gone, the password fixed),
 * for as long as the lock may still be held. WordPress's answers about the lock itself (a
 * refusal of a right, a record gone) are not: sent again, they would be again. Nor is a release
 * not sent at all (the options naming another account or site since: nothing goes out under it;
 * the address the desk's own site moved to is followed, `askMove`, and the release goes there).
 * Those leave the lock to lapse on the server by itself, a lock window after it was last renewed
 * (`INDISCRETS_LOCK_WINDOW`, 150 s, through WordPress's `wp_check_post_lock_window` filter:
 * wordpress/plugin/indiscrets/includes/records.php, `indiscrets_lock_of`); colleagues' desks stop
 * naming the editor then (the polls list fresh locks only, and useDeskLock says another's lock
 * until its expiry), never later.
 */
const RELEASE_RETRIED: ReadonlySet<string> = TRANSIENT;

/**
 * Edit locks: taking, renewing and releasing one (in order per record, releases that got no
 * answer sent again), the marks of who is editing what as the polls list the locks, and the checks
 * before a merge or a publication of who has the records open right now.
 */
export class Locks {
  private readonly db: IndiscretsDB;

  constructor(private readonly core: SyncCore) {
    this.db = core.db;
  }

  /**
   * Marks who is editing what now, as the site listed its fresh locks: a lock taken elsewhere
   * appears on the record, a released (or expired) one goes, while the desk stays open. Quiet
   * writes of `desk.lock` only (never queued); this user's own locks are not marks.
   */
  async applyLocks(locks: DeskLockRef[]): Promise<void> {
    const state = await this.core.state();
    const me = state.user?.id;
    const held = new Map<string, NonNullable<DeskMark['lock']>>();
    // The site lists fresh locks only, by its own clock: no expiry check against this one's.
    for (const lock of locks) {
      if (lock.user.id === me) continue;
      const kind: SyncKind = lock.kind === 'drafts' ? 'draft' : 'issue';
      held.set(outboxKey(kind, lock.clientId), {
        by: lock.user.name,
        userId: lock.user.id,
        since: lock.since,
        expires: lock.expires,
      });
    }
    const marked: string[] = [];
    await quietly(this.db, SYNC_TABLES, async () => {
      for (const key of new Set([...(state.locks ?? []), ...held.keys()])) {
        const [kind, ...rest] = key.split(':') as [SyncKind, ...string[]];
        const id = rest.join(':');
        const table = this.db.table(tableOf(kind));
        const local = (await table.get(id)) as AnyRecord | undefined;
        if (!local?.desk) continue;
        const lock = held.get(key);
        if (lock) marked.push(key);
        if (sameValue(local.desk.lock, lock)) continue;
        const desk: DeskMark = { ...local.desk };
        if (lock) desk.lock = lock;
        else delete desk.lock;
        await table.update(id, { desk });
      }
      await this.core.patchState({ locks: marked.length > 0 ? marked : undefined });
    });
  }

  /** Per record, the lock request under way: the next one waits for it (see {@link lock}). */
  private readonly lockRequests = new Map<string, Promise<unknown>>();

  /**
   * Takes (or renews) the edit lock on a shared record, or releases it. Requests for one record
   * reach WordPress in the order they were asked: an editor opened and closed at once (a draft
   * deleted as soon as it is open) asks a take then a release, and a release answered before a
   * slower take would leave the lock held for its whole window, the record shown as being
   * edited by nobody who is.
   */
  lock(kind: SyncKind, id: string, release = false): Promise<DeskLockAnswer> {
    return this.inOrder(outboxKey(kind, id), () => this.lockNow(kind, id, release));
  }

  /** Runs `ask` once the lock requests asked before it for record `key` are done ({@link lock}). */
  private inOrder<T>(key: string, ask: () => Promise<T>): Promise<T> {
    const before = this.lockRequests.get(key) ?? Promise.resolve();
    const request = before.then(ask, ask);
    this.lockRequests.set(key, request);
    const forget = () => {
      if (this.lockRequests.get(key) === request) this.lockRequests.delete(key);
    };
    request.then(forget, forget);
    return request;
  }

  /**
   * One take or release. A release that did not get the lock's answer ({@link RELEASE_RETRIED}:
   * offline, a 5xx, a site that moved…) is kept in `SyncState.releases` and sent again at the
   * next run ({@link sendReleases}): lost, it would leave colleagues seeing the record as being
   * edited by someone who closed it, and publishing asking about it, until the lock lapses on
   * its own. A take cancels the record's release still waiting: sent after it, that release
   * would take the lock from under the editor who opened the record again.
   */
  private async lockNow(kind: SyncKind, id: string, release: boolean): Promise<DeskLockAnswer> {
    const key = outboxKey(kind, id);
    if (!release) await this.editReleases((waiting) => waiting.filter((r) => r.key !== key));
    const answer = await this.askLock(kind, id, release);
    if (!release) return answer;
    const again = !answer.ok && RELEASE_RETRIED.has(answer.code);
    await this.editReleases((waiting, state) => {
      if (!again) return waiting.filter((r) => r.key !== key);
      // Kept as first asked: the lock was last taken before, and lapses a window after at most.
      if (!state.enabled || waiting.some((r) => r.key === key)) return waiting;
      return [...waiting, { key, kind, recordId: id, at: this.core.now() }];
    });
    return answer;
  }

  private async askLock(kind: SyncKind, id: string, release: boolean): Promise<DeskLockAnswer> {
    const settings = await this.core.deps.settings();
    if (!settings) return { ok: false, code: 'no_settings' };
    const sync = await this.db.syncRecords.get(outboxKey(kind, id));
    if (!sync || !(await this.core.state()).enabled) return { ok: false, code: 'not_synced' };
    // Nothing goes out under another account than the desk's (see runOnce); a site that did not
    // say who the name is, said as what it is (a release kept for later when offline).
    const account = await this.core.account.accountCheck(settings);
    if (!account.same) return { ok: false, code: account.unknown ?? 'account_changed' };
    const rk = restKind(kind);
    const result = release
      ? await unlockRecord(settings, rk, sync.remoteId, this.core.options())
      : await lockRecord(settings, rk, sync.remoteId, this.core.options());
    if (result.ok) return { ok: true, lock: null };
    if (result.code === 'locked' && result.lock) {
      return { ok: false, code: 'locked', lock: await this.markLock(kind, id, result.lock) };
    }
    return { ok: false, code: result.code };
  }

  /**
   * Rewrites the releases waiting (`SyncState.releases`) in one transaction, so that a run
   * patching the state meanwhile neither loses one nor brings one back; no write when `edit`
   * changes nothing (a take with no release waiting, the common case).
   */
  private async editReleases(
    edit: (waiting: SyncPendingRelease[], state: SyncState) => SyncPendingRelease[],
  ): Promise<void> {
    await this.db.transaction('rw', this.db.syncState, async () => {
      const state = await this.db.syncState.get('desk');
      if (!state) return;
      const waiting = state.releases ?? [];
      const next = edit(waiting, state);
      if (next.length === waiting.length && next.every((r, i) => r === waiting[i])) return;
      const patched: SyncState = { ...state, releases: next };
      if (next.length === 0) delete patched.releases;
      await this.db.syncState.put(patched);
    });
  }

  /**
   * Sends again the releases that failed for want of the lock's answer (see {@link lockNow}), at
   * the start of each run: a poll, a reconnect (the `online` triggers of the desk and of the
   * background) or « Synchroniser ». Each goes in its record's order of lock requests, after
   * those asked before it, and only if still waiting then (a take asked meanwhile cancelled it).
   * One asked a lock window ago or more (`SyncState.lockWindow`, else {@link LOCK_WINDOW_S}) is
   * dropped unsent: the lock has lapsed, and the record may be another's, or this desk's
   * again. Never stops the run: one still failing waits for the next.
   */
  async sendReleases(state: SyncState): Promise<void> {
    const windowMs = (state.lockWindow ?? LOCK_WINDOW_S) * 1000;
    await Promise.all(
      (state.releases ?? []).map((release) =>
        this.inOrder(release.key, async () => {
          const now = await this.core.state();
          const still = now.releases?.find((r) => r.key === release.key && r.at === release.at);
          if (!still) return;
          if (Date.parse(this.core.now()) - Date.parse(still.at) >= windowMs) {
            await this.editReleases((waiting) => waiting.filter((r) => r.key !== still.key));
            return;
          }
          await this.lockNow(still.kind, still.recordId, true);
        }),
      ),
    );
  }

  /**
   * Marks a record as open by another user (`desk.lock`), as a poll would: the desk shows it, and
   * refuses what it refuses of a record being edited, before the next sync saw it.
   */
  private async markLock(
    kind: SyncKind,
    id: string,
    held: DeskLock,
    lapseMs?: number,
  ): Promise<NonNullable<DeskMark['lock']>> {
    // Read once (a merge check), not renewed by a poll: the mark lapses sooner than the lock may.
    const lapse = lapseMs === undefined ? undefined : Date.parse(this.core.now()) + lapseMs;
    const lock = {
      by: held.user.name,
      userId: held.user.id,
      since: held.since,
      expires:
        lapse !== undefined && lapse < Date.parse(held.expires)
          ? new Date(lapse).toISOString()
          : held.expires,
    };
    const table = this.db.table(tableOf(kind));
    await quietly(this.db, SYNC_TABLES, async () => {
      const local = (await table.get(id)) as AnyRecord | undefined;
      if (!local?.desk) return;
      await table.update(id, { desk: { ...local.desk, lock } });
      // Followed by the polls from now on: its release clears the mark.
      const key = outboxKey(kind, id);
      const marked = (await this.core.state()).locks ?? [];
      if (!marked.includes(key)) await this.core.patchState({ locks: [...marked, key] });
    });
    return lock;
  }

  /**
   * Before merging draft `sourceId` into `targetId` (which trashes the one and rewrites the
   * other): asks WordPress who has them open right now, for a lock taken since the last sync is
   * not marked yet. Another user's lock refuses the merge (and is marked, so the desk greys the
   * draft with why, for {@link MERGE_CHECK_MARK_MS} at most unless a sync sees it since); this
   * user's own (the draft open here) does not. Shared desk off, drafts
   * the desk never had, offline or the desk unreachable or slower than {@link MERGE_CHECK_MS}:
   * `ok`, and the merge goes on as before (the next sync merges texts by blocks, both kept).
   */
  async mergeCheck(sourceId: string, targetId: string): Promise<DeskMergeCheck> {
    const [settings, state] = await Promise.all([this.core.deps.settings(), this.core.state()]);
    if (!settings || !state.enabled) return { ok: true };
    const options = this.core.checkOptions();
    // Not asked under another account than the desk's: the merge goes on as with the desk off.
    if (!(await this.core.account.stillSameAccount(settings, options))) return { ok: true };
    const ask = async (id: string) => {
      const sync = await this.db.syncRecords.get(outboxKey('draft', id));
      if (!sync) return null;
      const result = await readLock(settings, 'drafts', sync.remoteId, options);
      if (!result.ok || !result.lock) return null;
      return result.lock.user.id === state.user?.id ? null : result.lock;
    };
    const [source, target] = await Promise.all([ask(sourceId), ask(targetId)]);
    // The draft merged into first: it is the one rewritten under its editor's hands.
    const [which, id, held] = target
      ? (['target', targetId, target] as const)
      : (['source', sourceId, source] as const);
    if (!held) return { ok: true };
    const lapse = this.core.deps.mergeCheckMarkMs ?? MERGE_CHECK_MARK_MS;
    const lock = await this.markLock('draft', id, held, lapse);
    return { ok: false, code: 'locked', which, lock };
  }

  /**
   * Before publishing issue `issueId` (« Publier sur WordPress », « Mettre à jour »): asks
   * WordPress who has the issue or one of its items open right now, for a colleague still typing
   * in one would see the post go out without their last sentences. One request: the desk's poll
   * (`/changes`, one record of each kind) with every fresh lock of the desk, of which those of
   * the issue and its items (those not in the trash, in the issue's order, the issue first) are
   * answered, and marked as a merge check marks them. This user's own locks (the draft open here
   * or in another window) never count. Shared desk off, offline, the desk unreachable, failing
   * or slower than {@link MERGE_CHECK_MS}: `ok`, and the publication goes on as before.
   */
  async publishCheck(issueId: string): Promise<DeskPublishCheck> {
    const [settings, state] = await Promise.all([this.core.deps.settings(), this.core.state()]);
    if (!settings || !state.enabled) return { ok: true };
    const options = this.core.checkOptions();
    // Not asked under another account than the desk's: the publication goes on as before.
    if (!(await this.core.account.stillSameAccount(settings, options))) return { ok: true };
    const result = await pullFirstPages(
      settings,
      {},
      {
        ...options,
        perPage: 1,
        fields: 'id',
        locks: true,
      },
    );
    if (!result.ok || !result.locks) return { ok: true };
    const held = new Map<string, DeskLockRef>();
    for (const lock of result.locks) {
      if (lock.user.id === state.user?.id) continue;
      held.set(outboxKey(lock.kind === 'drafts' ? 'draft' : 'issue', lock.clientId), lock);
    }
    if (held.size === 0) return { ok: true };
    const items = (await allItems(issueId, this.db)).filter((item) => !item.deletedAt);
    const open: DeskPublishLock[] = [];
    const lapse = this.core.deps.mergeCheckMarkMs ?? MERGE_CHECK_MARK_MS;
    for (const [kind, id] of [
      ['issue', issueId] as const,
      ...items.map((item) => ['draft', item.id] as const),
    ]) {
      const lock = held.get(outboxKey(kind, id));
      if (!lock) continue;
      const mark = await this.markLock(kind, id, lock, lapse);
      open.push({ kind, id, by: mark.by, userId: mark.userId });
    }
    return open.length > 0 ? { ok: false, code: 'locked', open } : { ok: true };
  }
}
