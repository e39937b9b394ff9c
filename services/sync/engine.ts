import type { DeskPublishCheck } from '../../messaging/protocol';
import type { UndoToken } from '../../storage/drafts';
import { quietly } from '../../storage/outbox';
import type {
  DeskLockAnswer,
  DeskMergeCheck,
  ConflictChoice,
  Unwritten,
  SyncConflict,
  SyncKind,
  SyncPlan,
  SyncReason,
  SyncState,
  SyncStatus,
} from '../../storage/sync-state';
import {
  forgetDeskBases,
  type DeskErrorCode,
  type DeskOptions,
  type DeskSettings,
} from '../../wordpress/desk-client';
import {
  codeAndAddress,
  type EngineProbe,
  type RestRecord,
  Stop,
  SYNC_TABLES,
  type SyncDeps,
} from './shared';
import { SyncCore } from './core';

/**
 * The shared desk's sync engine (background only): the public API the background, the views'
 * handlers and the tests call, and the run loop (runs serialised: one at a time, a trigger during
 * a run joining it, a write during a run asking for one more). What each question needs is done
 * by the part that holds it (services/sync/index.ts lists them), reached through {@link SyncCore}.
 */
export class SyncEngine {
  private readonly core: SyncCore;
  private running?: Promise<SyncStatus>;

  constructor(deps: SyncDeps) {
    this.core = new SyncCore(deps, () => this.run());
  }

  /** Sync off: local records stay as they are (see {@link Membership.leave}). */
  async disable(): Promise<SyncStatus> {
    this.core.controller?.abort();
    await this.running?.catch(() => undefined);
    await quietly(this.core.db, SYNC_TABLES, () => this.core.membership.leave());
    // The REST root found for a site blocking ?rest_route= goes with the desk: a rejoin, perhaps
    // at another site or with another account, looks again.
    await forgetDeskBases();
    return this.core.status();
  }

  /** Stops the running sync. A first sync cancelled also turns sync off (what was sent stays). */
  async cancel(): Promise<SyncStatus> {
    const state = await this.core.state();
    if (state.phase === 'idle' && !this.running) return this.core.status();
    await this.core.patchState({ cancelRequested: true });
    this.core.controller?.abort();
    await this.running?.catch(() => undefined);
    return this.core.status();
  }

  /** One run now (joining the running one); `write` waits ~2 s for more writes first. */
  async syncNow(reason: SyncReason = 'manual'): Promise<SyncStatus> {
    if (reason === 'write') {
      if (this.core.writeTimer) clearTimeout(this.core.writeTimer);
      this.core.writeTimer = setTimeout(() => {
        this.core.writeTimer = undefined;
        void this.run();
      }, this.core.deps.writeDelayMs ?? 2000);
      return this.core.status();
    }
    return this.run();
  }

  /** Resolves once no run is going on (the first sync started by `enable`, a debounced run). */
  async whenIdle(): Promise<void> {
    while (this.running || this.core.writeTimer) {
      if (this.running) await this.running.catch(() => undefined);
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Runs one sync, or joins the running one (and asks for one more after it). */
  run(): Promise<SyncStatus> {
    if (this.running) {
      this.core.again = true;
      return this.running;
    }
    // This run pushes every write queued so far: a sync still waiting after one of them is moot.
    // Stopped here too, not only at the push (after the run's first reads): a timer running out
    // in between would ask for a second run, with nothing to send.
    clearTimeout(this.core.writeTimer);
    this.core.writeTimer = undefined;
    const run = (async () => {
      try {
        do {
          this.core.again = false;
          await this.runOnce();
        } while (this.core.again);
      } finally {
        this.running = undefined;
      }
      return this.core.status();
    })();
    this.running = run;
    return run;
  }

  private async runOnce(): Promise<void> {
    const state = await this.core.state();
    if (!state.enabled) return;
    const settings = await this.core.deps.settings();
    if (!settings) {
      await this.core.patchState({ lastError: { code: 'no_settings', at: this.core.now() } });
      return;
    }
    // The options saved with another site or account while the desk was on: the sync records,
    // cursors and this desk's name are the first account's. Nothing is sent under the new one (a
    // colleague's account lent, a password pasted in the wrong field: the editor's drafts would
    // reach the desk as theirs, their own edits be refused as not theirs), and nothing is taken:
    // the bar says so, until the first account is set again or the desk is left and joined anew.
    // The address the desk's own site moved to is no other site: followed (askMove).
    const account =
      state.siteUrl !== undefined ? await this.core.account.accountCheck(settings) : undefined;
    if (account && !account.same) {
      // Not known to be another account (the site did not say who the name is): said as what
      // it is, an offline site as offline.
      const code = account.unknown ?? 'account_changed';
      await this.core.patchState({
        lastError: { ...codeAndAddress({ code, address: account.address }), at: this.core.now() },
      });
      return;
    }
    this.core.controller = new AbortController();
    const first = !state.firstSyncDone;
    await this.core.patchState({
      phase: first ? 'first-sync' : 'syncing',
      runningSince: this.core.now(),
      cancelRequested: undefined,
    });
    this.core.refusedInRun = false;
    this.core.roleReadInRun = false;
    try {
      await this.core.conflicts.settleUnaskedConflicts();
      // Before anything else: colleagues have seen the records as being edited since.
      if (state.releases) await this.core.locks.sendReleases(state);
      if (first) {
        // A first sync (or a rejoin) lists the desk before it sends: a local record the desk
        // already has is matched by its id in that listing and merged, instead of being sent
        // as new, answered `exists` and adopted, one request each (minutes for a large desk).
        await this.core.puller.pull(settings, first);
        await this.core.pusher.push(settings, first);
      } else {
        // Items placed offline in an issue another editor may have deleted meanwhile: the pull
        // comes first, so that the deletion meets that work here (the issue is put back, see
        // deletionMeetsWork) before the items are sent into a trashed issue, or their placing
        // merged against the deletion's release of them to the inbox.
        await this.core.account.recheckRole(false);
        if (await this.core.deletions.arrangementPending())
          await this.core.puller.pull(settings, first);
        await this.core.pusher.push(settings, first);
        // A refusal may be the first sign of a role lowered: the bar, the buttons and the
        // refusal's sentence then name the role the editor has now.
        if (this.core.refusedInRun && !this.core.roleReadInRun)
          await this.core.account.recheckRole(true);
        await this.core.puller.pull(settings, first);
      }
      await this.core.patchState({
        phase: 'idle',
        firstSyncDone: true,
        lastSyncAt: this.core.now(),
        lastError: undefined,
        progress: undefined,
        runningSince: undefined,
      });
    } catch (error) {
      if (!(error instanceof Stop)) {
        await this.core.patchState({
          phase: 'idle',
          runningSince: undefined,
          progress: undefined,
          lastError: {
            code: 'unexpected',
            at: this.core.now(),
            detail: String(error).slice(0, 300),
          },
        });
        throw error;
      }
      // The desk refusing to list its records may be the first sign of a role taken away (an
      // editor removed from a network's sub-site): asked at once, the bar and every greyed
      // button say the account has no role there, where they named the old role for up to
      // ROLE_CHECK_MS. A site that does not answer that question leaves the refusal said.
      if (error.failure.code === 'forbidden' && !this.core.roleReadInRun) {
        await this.core.account.recheckRole(true).catch(() => undefined);
      }
      const cancelled = error.failure.code === 'cancelled';
      const now = await this.core.state();
      // Cancelling the first sync means "not now": sync goes off, what was sent stays, and
      // what was received and not touched goes (this browser is as it was before).
      if (cancelled && first && now.cancelRequested) {
        await quietly(this.core.db, SYNC_TABLES, () => this.core.membership.leave());
        await forgetDeskBases();
      }
      await this.core.patchState({
        phase: 'idle',
        runningSince: undefined,
        progress: undefined,
        cancelRequested: undefined,
        lastError: {
          // A moved site's new address with it, for the sync line to name (as the options' check
          // does).
          ...codeAndAddress(error.failure),
          at: this.core.now(),
          ...(error.failure.detail ? { detail: error.failure.detail } : {}),
        },
      });
      this.core.again = false;
    } finally {
      this.core.controller = undefined;
    }
  }

  // The state, and the editor's and the views' questions: each answered by the part that holds it.

  /** The sync state as stored (the desk off: {@link SYNC_OFF}). */
  state(): Promise<SyncState> {
    return this.core.state();
  }

  /** The state with the counts the UI shows. */
  status(): Promise<SyncStatus> {
    return this.core.status();
  }

  /** Whether the site has the plugin, who the user is and what their role allows. */
  discover(given?: DeskSettings, options?: DeskOptions): Promise<EngineProbe> {
    return this.core.discover(given, options);
  }

  /** What a first sync would move ({@link Membership.plan}). */
  plan(): Promise<SyncPlan | { ok: false; code: DeskErrorCode | 'no_settings'; address?: string }> {
    return this.core.membership.plan();
  }

  /** Turns sync on and starts the first sync ({@link Membership.enable}). */
  enable(): Promise<SyncStatus> {
    return this.core.membership.enable();
  }

  /** Takes a server record in ({@link Absorber.absorb}); true when a conflict blocks it. */
  absorb(kind: SyncKind, remote: RestRecord, force = false, me?: number): Promise<boolean> {
    return this.core.absorber.absorb(kind, remote, force, me);
  }

  listConflicts(): Promise<SyncConflict[]> {
    return this.core.conflicts.listConflicts();
  }

  /** The editor's choice for each field of a conflict ({@link Conflicts.resolve}). */
  resolve(
    key: string,
    choose: Record<string, ConflictChoice>,
  ): Promise<SyncStatus & { undo?: UndoToken; unwritten?: Unwritten }> {
    return this.core.conflicts.resolve(key, choose);
  }

  /** One choice for every field of the conflicts `keys` ({@link Conflicts.resolveAll}). */
  resolveAll(
    keys: readonly string[],
    choice: 'mine' | 'theirs',
  ): Promise<SyncStatus & { settled: number; undo?: UndoToken }> {
    return this.core.conflicts.resolveAll(keys, choice);
  }

  /**
   * « Fermer » on items taken out of an issue, or issues deleted ({@link Notices.dismissTakenOut}).
   */
  dismissTakenOut(keys: readonly string[]): Promise<SyncStatus> {
    return this.core.notices.dismissTakenOut(keys);
  }

  /** Closes the notice of a version replaced by a colleague's ({@link Notices.noteOverridden}). */
  dismissOverridden(key: string): Promise<SyncStatus> {
    return this.core.notices.dismissOverridden(key);
  }

  /** The editor closed the notice of an issue a colleague put back. */
  dismissIssueBack(key: string): Promise<SyncStatus> {
    return this.core.notices.dismissIssueBack(key);
  }

  /** The editor closed the notice of a text merged with another editor's. */
  dismissTextMerge(key: string): Promise<SyncStatus> {
    return this.core.notices.dismissTextMerge(key);
  }

  /**
   * « Le garder »: the draft a colleague's edit brought back stays ({@link Deletions.dismissKept}).
   */
  dismissKept(key: string): Promise<SyncStatus> {
    return this.core.deletions.dismissKept(key);
  }

  /** « Le supprimer quand même » ({@link Deletions.deleteKept}), with its undo. */
  deleteKept(key: string): Promise<SyncStatus & { undo?: UndoToken }> {
    return this.core.deletions.deleteKept(key);
  }

  dismissRefusal(key: string): Promise<SyncStatus> {
    return this.core.refusals.dismissRefusal(key);
  }

  /** Takes (or renews) the edit lock on a shared record, or releases it ({@link Locks.lock}). */
  lock(kind: SyncKind, id: string, release = false): Promise<DeskLockAnswer> {
    return this.core.locks.lock(kind, id, release);
  }

  /** Who has drafts open before merging them ({@link Locks.mergeCheck}). */
  mergeCheck(sourceId: string, targetId: string): Promise<DeskMergeCheck> {
    return this.core.locks.mergeCheck(sourceId, targetId);
  }

  /** Who has an issue or its items open before publishing it ({@link Locks.publishCheck}). */
  publishCheck(issueId: string): Promise<DeskPublishCheck> {
    return this.core.locks.publishCheck(issueId);
  }
}
