import type { IndiscretsDB } from '../../storage/db';
import { quietly } from '../../storage/outbox';
import {
  outboxKey,
  SYNC_OFF,
  type DeskRole,
  type OutboxEntry,
  type SyncKind,
  type SyncState,
  type SyncStatus,
} from '../../storage/sync-state';
import {
  discoverDesk,
  type DeskFailure,
  type DeskOptions,
  type DeskSettings,
} from '../../wordpress/desk-client';
import {
  codeAndAddress,
  type EngineProbe,
  highestRole,
  MERGE_CHECK_MS,
  Stop,
  type SyncDeps,
  TRANSIENT,
} from './shared';
import { AccountCheck } from './account';
import { LocalRecords } from './local-records';
import { Refusals } from './refusals';
import { Notices } from './notices';
import { Deletions } from './deletions';
import { Conflicts } from './conflicts';
import { Locks } from './locks';
import { Absorber } from './absorb';
import { Puller } from './pull';
import { Pusher } from './push';
import { Membership } from './membership';

/**
 * What the parts of one sync engine share (services/sync/index.ts): the database and the
 * engine's dependencies, the run under way's flags, the sync state's reads and writes, the
 * request options, and the parts themselves, each built here with this core and reaching the
 * others through it (`this.core.notices.noteTakenOut(…)`). One core per engine; nothing in it
 * outlives the engine (a new background starts from what IndexedDB holds).
 */
export class SyncCore {
  readonly db: IndiscretsDB;
  /** The run under way's abort: `cancel` and `disable` stop its requests. */
  controller?: AbortController;
  /** One more run after the one under way (a write during it, items queued by a merge). */
  again = false;
  /** The debounce of `syncNow('write')` (a run waiting for more writes), stopped by a push. */
  writeTimer?: ReturnType<typeof setTimeout>;

  readonly account: AccountCheck;
  readonly local: LocalRecords;
  readonly refusals: Refusals;
  readonly notices: Notices;
  readonly deletions: Deletions;
  readonly conflicts: Conflicts;
  readonly locks: Locks;
  readonly absorber: Absorber;
  readonly puller: Puller;
  readonly pusher: Pusher;
  readonly membership: Membership;

  constructor(
    readonly deps: SyncDeps,
    /** Starts a run, or joins the one under way ({@link SyncEngine.run}). */
    readonly run: () => Promise<SyncStatus>,
  ) {
    this.db = deps.db;
    this.account = new AccountCheck(this);
    this.local = new LocalRecords(this);
    this.refusals = new Refusals(this);
    this.notices = new Notices(this);
    this.deletions = new Deletions(this);
    this.conflicts = new Conflicts(this);
    this.locks = new Locks(this);
    this.absorber = new Absorber(this);
    this.puller = new Puller(this);
    this.pusher = new Pusher(this);
    this.membership = new Membership(this);
  }

  /**
   * The requests of an editor's check before a merge or a publication: bounded by
   * {@link MERGE_CHECK_MS}, and not the sync's signal: stopping a sync stops neither.
   */
  checkOptions(): DeskOptions {
    const options = this.options({ timeoutMs: MERGE_CHECK_MS });
    delete options.signal;
    return options;
  }

  now(): string {
    return (this.deps.clock ?? (() => new Date().toISOString()))();
  }

  options(extra: Partial<DeskOptions> = {}): DeskOptions {
    return {
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
      ...(this.deps.isOnline ? { isOnline: this.deps.isOnline } : {}),
      ...(this.deps.onRequest ? { onRequest: this.deps.onRequest } : {}),
      ...(this.controller ? { signal: this.controller.signal } : {}),
      ...extra,
    };
  }

  async state(): Promise<SyncState> {
    return (await this.db.syncState.get('desk')) ?? { ...SYNC_OFF };
  }

  async patchState(patch: Partial<SyncState>): Promise<SyncState> {
    return this.db.transaction('rw', this.db.syncState, async () => {
      const next = { ...(await this.state()), ...patch };
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) delete (next as Record<string, unknown>)[key];
      }
      await this.db.syncState.put(next);
      return next;
    });
  }

  /**
   * Reads the state, hands it to `change` and writes the patch it returns (as
   * {@link patchState}: a key set to undefined goes; none, nothing written), all in one
   * read-write transaction over `syncState` and the `tables` `change` reads. For every change
   * that keeps part of what it read (the notices): the page's own writes change the state too
   * (storage/outbox.ts drops the notice of an item put back), and one of theirs between a read
   * and a write of two transactions here would be written over, the notice coming back.
   */
  async updateState(
    change: (state: SyncState) => Partial<SyncState> | Promise<Partial<SyncState>>,
    tables: readonly string[] = [],
  ): Promise<SyncState> {
    return quietly(this.db, ['syncState', ...tables], async () => {
      const state = await this.state();
      const patch = await change(state);
      return Object.keys(patch).length > 0 ? this.patchState(patch) : state;
    });
  }

  /** The state with the counts the UI shows. */
  async status(): Promise<SyncStatus> {
    const [state, pending, conflicts, refusals] = await Promise.all([
      this.state(),
      this.db.outbox.count(),
      this.db.conflicts.count(),
      this.db.refusals.count(),
    ]);
    return { ...state, pending, conflicts, refusals };
  }

  /** Whether the site has the plugin, who the user is and what their role allows. */
  async discover(
    given?: DeskSettings,
    options: DeskOptions = this.options(),
  ): Promise<EngineProbe> {
    const settings = given ?? (await this.deps.settings());
    if (!settings) return { ok: false, code: 'no_settings' };
    const result = await discoverDesk(settings, options);
    if (!result.ok) return { ok: false, ...codeAndAddress(result) };
    const { desk } = result;
    const roles = (desk.user?.roles ?? []) as DeskRole[];
    const roleNames = desk.user?.roleNames;
    return {
      ok: true,
      user: {
        id: desk.user!.id,
        name: desk.user!.name,
        roles,
        ...(roleNames ? { roleNames } : {}),
      },
      role: highestRole(roles),
      can: desk.can,
      plugin: { version: desk.plugin.version },
      lockWindow: desk.lockWindow,
    };
  }

  entry(kind: SyncKind, recordId: string, at: string): OutboxEntry {
    return {
      key: outboxKey(kind, recordId),
      kind,
      recordId,
      op: 'upsert',
      queuedAt: at,
      seq: 1,
      attempts: 0,
    };
  }

  async checkCancelled(): Promise<void> {
    if (this.controller?.signal.aborted || (await this.state()).cancelRequested) {
      throw new Stop({ ok: false, code: 'cancelled' });
    }
  }

  async progress(step: 'upload' | 'download', done: number, total: number, on: boolean) {
    if (on) await this.patchState({ progress: { step, done, total } });
  }

  fail(result: DeskFailure): never | void {
    if (TRANSIENT.has(result.code)) throw new Stop(result);
  }

  /** Whether a change was refused (403) in the run under way: its role is asked again. */
  refusedInRun = false;

  /** Whether the role was asked in the run under way: not asked twice in one run. */
  roleReadInRun = false;
}
