/**
 * The shared desk's sync engine (background only). Dexie stays the working copy: local writes
 * are queued in the outbox (storage/outbox.ts) and pushed; pulls ask only what changed since the
 * last cursor. Everything it needs to go on is in IndexedDB (outbox, sync records, cursors,
 * first-sync state), so a stopped MV3 service worker loses nothing: the next trigger resumes.
 *
 * Push, per outbox entry:
 * - never synced → create with the record's id as `clientId`; `exists` (a retried create whose
 *   answer was lost, or the same backup on two desks) → adopt the server's record and merge;
 * - synced → send only the fields that changed since the merge base, with `base_version`;
 *   `conflict` → 3-way merge against the base (storage of `syncRecords`): disjoint fields are
 *   merged and pushed again, and so is a text (body, chapô, shared note) both changed in
 *   different paragraphs (lib/block-merge.ts; the editor is told, `SyncState.textMerges`); a
 *   field both changed otherwise becomes a stored conflict for the editor (the local value is
 *   kept, nothing is dropped, the record waits);
 * - 403 → the local change is rolled back to the server's state and a typed refusal is kept;
 * - offline, timeout, server trouble → the run stops, the outbox waits.
 * Pull: each kind since its cursor (`modified_after`, paged, `_fields`), trash included; a
 * record with unpushed local edits is merged the same way.
 *
 * Runs are serialised: one at a time; a trigger during a run joins it (and a write during a run
 * asks for one more).
 */

import type { DeskPublishCheck, DeskPublishLock } from '../../messaging/protocol';
import { changedFields, merge3, sameValue, type FieldConflict } from '../../lib/merge';
import type { Draft, IndiscretsDB, Issue } from '../../storage/db';
import { conflictChoicesToken, conflictChoiceToken } from '../../storage/conflict-undo';
import type { UndoToken } from '../../storage/drafts';
import { mayWrite, trashedBy } from '../../storage/draft-records';
import { allItems } from '../../storage/issue-query';
import { deleteIssue } from '../../storage/issues';
import { itemLabel } from '../../storage/label';
import { originOf } from '../../storage/preferences';
import { provenMove } from '../../storage/settings';
import { quietly } from '../../storage/outbox';
import {
  clearDeskRecords,
  outboxKey,
  SYNC_OFF,
  type DeskLockAnswer,
  type DeskMergeCheck,
  type DeskMark,
  type DeskRole,
  type OutboxEntry,
  type SyncAction,
  type ConflictChoice,
  type Unwritten,
  type SyncConflict,
  type SyncKeptDraft,
  type SyncKind,
  type SyncPendingRelease,
  type SyncPlan,
  type SyncReason,
  type SyncRecord,
  type SyncRefusal,
  type SyncState,
  type SyncStatus,
  type SyncIssueBack,
  type SyncIssueDeleted,
  type SyncTakenOut,
  type SyncTextMerge,
  type SyncOverridden,
  OVERRIDDEN_KEPT,
  TAKEN_OUT_KEPT,
  TEXT_MERGES_KEPT,
  askableFields,
  withMovePlace,
} from '../../storage/sync-state';
import {
  BATCH_SIZE,
  countRecords,
  createRecord,
  createRecords,
  discoverDesk,
  findRecord,
  hasClientId,
  ID_FIELDS,
  lockRecord,
  readLock,
  pullChanges,
  pullFirstPages,
  pullPage,
  restoreRecord,
  trashRecord,
  unlockRecord,
  updateRecord,
  type DeskErrorCode,
  type DeskFailure,
  type DeskKind,
  type DeskLockRef,
  type DeskOptions,
  type DeskResult,
  type DeskSettings,
} from '../../wordpress/desk-client';
import type { DeskLock, RestDraft } from '../../wordpress/desk-records';
import { applyDraft, applyIssue, deskMarkOf, restChanges, restCreate } from '../sync-fields';
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
  codeAndAddress,
  type EngineProbe,
  fewAtATime,
  fieldsOf,
  highestRole,
  keptWrites,
  MERGE_CHECK_MARK_MS,
  MERGE_CHECK_MS,
  restKind,
  type RestRecord,
  sharedOfRest,
  Stop,
  SYNC_TABLES,
  type SyncDeps,
  tableOf,
  titleOf,
  TRANSIENT,
} from './shared';

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
function settleUnasked(
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

/** One second after a WordPress GMT time (`2026-03-15T10:00:00`). */
function plusSeconds(gmt: string, seconds: number): string {
  const t = Date.parse(`${gmt.replace(/Z$/, '')}Z`);
  return new Date(t + seconds * 1000).toISOString().slice(0, 19);
}

/**
 * The next pull's `modified_after`: past the last record seen (the bound is inclusive, so an
 * idle desk is not sent the same record at every poll), but never later than five seconds
 * before the server's clock. A write's modification time is taken a little before the write
 * is seen: one still committing when we asked may carry a time earlier than the newest record
 * we were sent, and a record dated in the future (a server clock set wrong) would otherwise
 * hide every change until then. Records of those last seconds come again, once, and are
 * skipped by their version.
 */
export function nextCursor(
  previous: string | undefined,
  maxSeen: string | undefined,
  serverTime: string | undefined,
): string | undefined {
  if (!maxSeen) return previous;
  let next = plusSeconds(maxSeen, 1);
  if (serverTime) {
    const guard = plusSeconds(serverTime.slice(0, 19), -5);
    if (guard < next) next = guard;
  } else {
    next = maxSeen;
  }
  return previous && previous > next ? previous : next;
}

/**
 * Seconds an edit lock lasts unless renewed, when the desk did not say (`SyncState.lockWindow`,
 * from its discovery): the plugin's `INDISCRETS_LOCK_WINDOW`.
 */
export const LOCK_WINDOW_S = 150;

/**
 * How old the desk's last word on the user's role may be before a run asks again (see
 * `recheckRole`): a role changed in WordPress shows within a few polls.
 */
export const ROLE_CHECK_MS = 5 * 60_000;

/**
 * How long a name the site would not identify (a wrong password, no plugin) is not asked about
 * again: the desk then waits as for the site itself.
 */
export const ALIAS_RETRY_MS = 60_000;

/**
 * The failures of the question « who is this name? » that are the site's answer, kept for
 * {@link ALIAS_RETRY_MS}: asked again at once, they would be answered the same.
 */
const ALIAS_FAILURES_KEPT: ReadonlySet<string> = new Set([
  'wrong_credentials',
  'credentials_unseen',
  'auth_header_dropped',
  'no_plugin',
  'forbidden',
  'blocked',
]);

/**
 * How many of the newest synced records a move's proof looks for at the new address
 * (`SyncEngine.holdsOurRecords`): one found is enough, the others in case colleagues deleted it.
 */
const MOVE_PROOF_RECORDS = 3;

/**
 * The failures of a request that never got the site's answer: a move's proof asking the desk's
 * old address (`SyncEngine.askMove`) learns nothing from them, and asks again.
 */
const UNREACHED: ReadonlySet<string> = new Set(['offline', 'unreachable', 'timeout', 'cancelled']);

/**
 * `address` (a post's link) at the site's new address `to` when it is under its old one `from`
 * (the same path, query and fragment after it); any other address as it is (a link on another
 * host: the site's permalinks on a domain of their own, another site's post).
 */
export function movedAddress(address: string, from: string, to: string): string {
  if (address === from) return to;
  const rest = address.slice(from.length);
  return address.startsWith(from) && /^[/?#]/.test(rest) ? to + rest : address;
}

/**
 * A question « who is this name? » the site did not answer: why, and for a site that moved, where
 * it answers now ({@link AliasAnswer}).
 */
function unknownFor(failure: { code: DeskErrorCode | 'no_settings'; address?: string }) {
  const { code, address } = codeAndAddress(failure);
  return { same: false, unknown: code, ...(address ? { address } : {}) };
}

/**
 * The issues published on a site at its old address `from`, once it is proven to answer at `to`
 * (the shared desk following its site, `SyncEngine.askMove`, in the same transaction; or one
 * post proven the same at the new address, services/post-state.ts `followedPost`, with `only`
 * that issue's id): their post's record (`Issue.wordpress`: its site, its link under the old
 * address) and a creation under way (`Issue.publishing`) name the new address. The same
 * WordPress, the same posts: the publish panel reads and updates them there, where it said they
 * were published on another site and would create new ones. Written quietly (nothing queued,
 * nothing of a colleague's written over, `updatedAt` kept): the desk's copy on the server keeps
 * the old address until the issue is next sent, when it goes with it (it differs from the merge
 * base); colleagues' desks rewrite theirs as they follow or read the post. Posts recorded on any
 * other site are left as they are.
 */
export async function followPosts(
  database: Pick<IndiscretsDB, 'issues'>,
  from: string,
  to: string,
  only?: string,
): Promise<void> {
  const recorded = (issue: Issue) =>
    issue.wordpress?.siteUrl === from || issue.publishing?.siteUrl === from;
  const issues =
    only === undefined
      ? database.issues.filter(recorded)
      : database.issues.where('id').equals(only).filter(recorded);
  await issues.modify((issue) => {
    if (issue.wordpress?.siteUrl === from) {
      issue.wordpress = {
        ...issue.wordpress,
        siteUrl: to,
        link: movedAddress(issue.wordpress.link, from, to),
      };
    }
    if (issue.publishing?.siteUrl === from) {
      issue.publishing = { ...issue.publishing, siteUrl: to };
    }
  });
}

/** Whether a name is the desk's user; when the site could not say, why. */
interface AliasAnswer {
  same: boolean;
  unknown?: DeskErrorCode | 'no_settings';
  /**
   * With `unknown` `site_moved`: the address the site answers at now, for the sync line to name
   * (the address the settings give moved on again: `www.` followed to `new.`).
   */
  address?: string;
}

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

/** The state's patch keeping these notices of items taken out (the newest; none: absent). */
function takenOutPatch(notices: SyncTakenOut[]): Partial<SyncState> {
  const kept = notices.slice(-TAKEN_OUT_KEPT);
  return { takenOut: kept.length > 0 ? kept : undefined };
}

/** The state's patch keeping these notices of issues deleted (the newest; none: absent). */
function issuesDeletedPatch(notices: SyncIssueDeleted[]): Partial<SyncState> {
  const kept = notices.slice(-TAKEN_OUT_KEPT);
  return { issuesDeleted: kept.length > 0 ? kept : undefined };
}

export class SyncEngine {
  private readonly db: IndiscretsDB;
  private running?: Promise<SyncStatus>;
  private again = false;
  private controller?: AbortController;
  private writeTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly deps: SyncDeps) {
    this.db = deps.db;
  }

  /**
   * The requests of an editor's check before a merge or a publication: bounded by
   * {@link MERGE_CHECK_MS}, and not the sync's signal: stopping a sync stops neither.
   */
  private checkOptions(): DeskOptions {
    const options = this.options({ timeoutMs: MERGE_CHECK_MS });
    delete options.signal;
    return options;
  }

  private now(): string {
    return (this.deps.clock ?? (() => new Date().toISOString()))();
  }

  private options(extra: Partial<DeskOptions> = {}): DeskOptions {
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

  private async patchState(patch: Partial<SyncState>): Promise<SyncState> {
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
  private async updateState(
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
    return {
      ok: true,
      user: { id: desk.user!.id, name: desk.user!.name, roles },
      role: highestRole(roles),
      can: desk.can,
      plugin: { version: desk.plugin.version },
      lockWindow: desk.lockWindow,
    };
  }

  /** What a first sync would move: local records to upload, the newsroom's to download. */
  async plan(): Promise<
    SyncPlan | { ok: false; code: DeskErrorCode | 'no_settings'; address?: string }
  > {
    const settings = await this.deps.settings();
    if (!settings) return { ok: false, code: 'no_settings' };
    const [drafts, issues] = await Promise.all([
      countRecords(settings, 'drafts', this.options()),
      countRecords(settings, 'issues', this.options()),
    ]);
    if (!drafts.ok) return { ok: false, ...codeAndAddress(drafts) };
    if (!issues.ok) return { ok: false, ...codeAndAddress(issues) };
    // Only what is not on the desk yet is the editor's to send: the desk's records this browser
    // knows (kept while off, or received by a cancelled first sync) are merged, not sent.
    const known = (await this.sameAccount(settings))
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
    const perPage = this.deps.perPage ?? 100;
    const pages = (total: number) => Math.max(1, Math.ceil(total / perPage));
    const listing = 1 + (pages(totals.drafts) - 1) + (pages(totals.issues) - 1);
    if (lookups <= listing) {
      const asks = [
        ...drafts.map((id) => ['drafts', id] as const),
        ...issues.map((id) => ['issues', id] as const),
      ];
      const failure = await fewAtATime(asks, async ([kind, id]) => {
        const result = await hasClientId(settings, kind, id, this.options());
        if (result.ok && result.found) found[kind].add(id);
        return result;
      });
      return failure ?? { ok: true, ...found };
    }
    const options = { ...this.options(), perPage, fields: ID_FIELDS };
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

  /** Whether the sync records kept are of the desk and account `settings` name. */
  private async sameAccount(settings: DeskSettings): Promise<boolean> {
    const state = await this.state();
    // WordPress takes a login in any case: « Redac » is the account joined as « redac ».
    return (
      state.siteUrl === settings.siteUrl &&
      state.username?.toLowerCase() === settings.username.toLowerCase()
    );
  }

  /** The site and name last found to be another user than the desk's (asked once a name). */
  private otherAccount?: string;
  /**
   * The last question « who is this name? » the site answered without saying (a refused
   * password, no plugin, a refusal), for these very settings: not asked again for
   * {@link ALIAS_RETRY_MS}. A run every two seconds and a lock renewal every minute would
   * otherwise each send it, and repeated 401s are what login-limiting plugins count. A site that
   * did not answer (offline, unreachable, slow) is asked again at the next run, as the run itself
   * would have tried: coming back online is then seen at once.
   */
  private aliasFailure?: { key: string; at: number; code: DeskErrorCode | 'no_settings' };
  /**
   * The question being asked, shared by the callers that need its answer meanwhile: those of
   * the same bound (a sync's, or an editor's check's 3 s), so that none waits longer than its own.
   */
  private aliasProbe?: { key: string; answer: Promise<AliasAnswer> };

  /** Whether `settings` still name the account the desk was joined with ({@link accountCheck}). */
  private async stillSameAccount(settings: DeskSettings, options?: DeskOptions): Promise<boolean> {
    return (await this.accountCheck(settings, options)).same;
  }

  /**
   * Whether `settings` still name the account the desk was joined with: {@link sameAccount}, or
   * another name WordPress takes for the same user (the account's e-mail, which application
   * passwords accept): the desk then asks the site who that is, once a name, and adopts the name
   * as typed when it is the same user. Unknown (the site not saying) is no, with why: nothing is
   * sent.
   */
  private async accountCheck(settings: DeskSettings, options?: DeskOptions): Promise<AliasAnswer> {
    if (await this.sameAccount(settings)) return { same: true };
    const state = await this.state();
    if (!state.user) return { same: false };
    // Another address than the desk's: followed only when it is where the desk's own site said
    // it moved, for the same login (askMove). Any other site is another site, whatever its
    // WordPress answers: settings changed to another newsroom's WordPress (a colleague's
    // settings copied, a second employer's site) must never receive this desk's changes, nor
    // have its records taken for this desk's.
    const moved = state.siteUrl !== settings.siteUrl;
    if (moved && state.username?.toLowerCase() !== settings.username.toLowerCase()) {
      return { same: false };
    }
    const name = `${settings.siteUrl}\n${settings.username}`;
    if (this.otherAccount === name) return { same: false };
    // A new password is a new question: the one refused is not held against it.
    const key = `${name}\n${settings.appPassword}`;
    const failed = this.aliasFailure;
    // A clock set back since is no reason to wait longer: asked again.
    const elapsed = failed ? Date.parse(this.now()) - failed.at : NaN;
    if (failed?.key === key && elapsed >= 0 && elapsed < ALIAS_RETRY_MS) {
      return { same: false, unknown: failed.code };
    }
    const asking = `${key}\n${options ? 'check' : 'run'}`;
    if (this.aliasProbe?.key !== asking) {
      const answer = moved
        ? this.askMove(settings, name, key, state, options)
        : this.askAlias(settings, name, key, state.user.id, options);
      this.aliasProbe = { key: asking, answer };
      const done = () => {
        if (this.aliasProbe?.answer === answer) this.aliasProbe = undefined;
      };
      answer.then(done, done);
    }
    return this.aliasProbe.answer;
  }

  /**
   * Asks the site who the name of `settings` is (the settings the caller read: the ones it would
   * send with; `name` and `key`, {@link accountCheck}'s for them): the desk's user (the name
   * adopted as typed), another, or unknown.
   */
  private async askAlias(
    settings: DeskSettings,
    name: string,
    key: string,
    userId: number,
    options?: DeskOptions,
  ): Promise<AliasAnswer> {
    const probe = await this.whoThere(settings, key, options);
    if (!probe.ok) return unknownFor(probe);
    if (probe.user.id !== userId) {
      this.otherAccount = name;
      return { same: false };
    }
    // Adopted as typed, unless the options name another since (that one is asked in its turn).
    const current = await this.deps.settings();
    if (current?.siteUrl === settings.siteUrl && current.username === settings.username) {
      await this.patchState({ username: settings.username });
    }
    return { same: true };
  }

  /**
   * Who the desk at `settings` says the user is, asked for an alias's or a move's question
   * (`key`, {@link accountCheck}'s): a failure the editor must mend ({@link ALIAS_FAILURES_KEPT})
   * is kept, for the question not to be asked again at every run; an answer forgets this
   * question's kept failure only (one of newer settings, asked since, stays).
   */
  private async whoThere(
    settings: DeskSettings,
    key: string,
    options?: DeskOptions,
  ): Promise<EngineProbe> {
    const probe = await this.discover(settings, options);
    if (!probe.ok) {
      if (ALIAS_FAILURES_KEPT.has(probe.code)) {
        this.aliasFailure = { key, at: Date.parse(this.now()), code: probe.code };
      }
    } else if (this.aliasFailure?.key === key) {
      this.aliasFailure = undefined;
    }
    return probe;
  }

  /**
   * Whether the other address `settings` name is where the desk's own site moved
   * (`monjournal.fr` redirected to `www.monjournal.fr`, the sync line asking the editor to put
   * it in the settings), the same desk there for the same user (`name`, `key`:
   * {@link accountCheck}'s; the login, the same as the desk's, is checked there). Then the desk
   * follows its site: its address becomes the settings', and the outbox, the conflicts and the
   * releases waiting go there as they are (leaving and rejoining would have the editor's waiting
   * changes compared anew, and the releases dropped). Proven by, in turn:
   * - the site's own word: the move recorded with the last run's error (`lastError.address`),
   *   or, that lost (a later failure written over it, the settings changed before a run met the
   *   move), the desk's address asked now and redirecting there, or, that address not read (its
   *   origin given back by the options), or not redirecting to another folder of its own origin
   *   the settings name (the root's WordPress answering at the folder it left), the move the
   *   options proved as the address changed (`SyncDeps.moved`). The redirect comes from the
   *   address the editor joined and trusted with the password: the site saying where it is;
   * - the desk there answering as the desk's user (the same WordPress user id);
   * - the desk there holding this desk's records: one of the newest synced found by its id (a
   *   random UUID no other desk has) at its WordPress id. The plugin's discovery names no desk
   *   nor site to compare; this tells the same desk from another WordPress a redirect might lead
   *   to (a parked domain, a host's mistake). A copy of the site (a staging clone) holds them too,
   *   but is no address the site redirected to.
   * A site that did not answer leaves it unknown (nothing sent, asked again at the next run);
   * an answer otherwise is another site, not asked again for these settings.
   */
  private async askMove(
    settings: DeskSettings,
    name: string,
    key: string,
    state: SyncState,
    options?: DeskOptions,
  ): Promise<AliasAnswer> {
    const recorded =
      state.lastError?.code === 'site_moved' && state.lastError.address === settings.siteUrl;
    if (!recorded) {
      // Asked without the password: the settings' is the new address's, and if that is another
      // newsroom's WordPress, its password is no business of the desk's old site. The redirect
      // is the web server's or WordPress's, whoever asks (the discovery index is public).
      const before = await this.discover(
        { ...settings, siteUrl: state.siteUrl, appPassword: '' },
        options,
      );
      const there = !before.ok && before.code === 'site_moved' && before.address;
      // Not reached: the old address's origin given back by the options (the browser then lets
      // nothing of it be read, its redirect failing as if unreachable), or the host gone. The
      // move the options proved as the editor changed the address, while they could read it,
      // is the site's word then.
      // Or, the settings naming another folder of its origin, answering with no redirect: the
      // site moved from `monjournal.fr/blog` to the root, the folder gone, the root's WordPress
      // answering there itself (its password refused there: none sent); the options proved it
      // from the REST index's own address.
      const unread = !before.ok && (before.code === 'unreachable' || before.code === 'timeout');
      const folderLeft = !there && originOf(state.siteUrl) === originOf(settings.siteUrl);
      const noted =
        (unread || folderLeft) &&
        (await (this.deps.moved ?? provenMove)(state.siteUrl, settings.siteUrl).catch(() => false));
      if (there !== settings.siteUrl && !noted) {
        // Offline, nothing can be known (nor sent): said as offline, asked again once online.
        if (!before.ok && before.code === 'offline') return { same: false, unknown: 'offline' };
        // The desk's address answering, or sending elsewhere: another site. Not reached (down,
        // slow), nothing says it moved: another site too, but asked again at the next run, as is
        // another folder of its origin (the options' check of the old address may note the move
        // after this, the background asking it as the settings change).
        if ((before.ok || !UNREACHED.has(before.code)) && !folderLeft) this.otherAccount = name;
        return { same: false };
      }
    }
    const probe = await this.whoThere(settings, key, options);
    if (!probe.ok) return unknownFor(probe);
    if (probe.user.id !== state.user?.id) {
      this.otherAccount = name;
      return { same: false };
    }
    const desk = await this.holdsOurRecords(settings, options);
    if (!desk.ok) return { same: false, unknown: desk.code };
    if (!desk.found) {
      this.otherAccount = name;
      return { same: false };
    }
    await this.updateState(
      async (now) => {
        // Left, or joined anew, meanwhile: that desk's address is not this one's to change.
        if (!now.enabled || now.siteUrl !== state.siteUrl) return {};
        await followPosts(this.db, state.siteUrl, settings.siteUrl);
        return {
          siteUrl: settings.siteUrl,
          username: settings.username,
          // The sync line's « Le site répond désormais à l’adresse… », now followed.
          ...(now.lastError?.code === 'site_moved' ? { lastError: undefined } : {}),
        };
      },
      ['issues'],
    );
    return { same: true };
  }

  /**
   * Whether the desk at `settings` has this desk's records: one of the {@link MOVE_PROOF_RECORDS}
   * newest synced found there by its id at its WordPress id ({@link askMove}). Nothing synced
   * yet: nothing to compare, found.
   */
  private async holdsOurRecords(
    settings: DeskSettings,
    options?: DeskOptions,
  ): Promise<DeskResult<{ found: boolean }>> {
    const newest = (await this.db.syncRecords.toArray())
      .sort((x, y) => y.modifiedGmt.localeCompare(x.modifiedGmt))
      .slice(0, MOVE_PROOF_RECORDS);
    if (newest.length === 0) return { ok: true, found: true };
    // One is enough; the next asked only if a colleague deleted that one for good.
    for (const sync of newest) {
      const result = await findRecord(
        settings,
        restKind(sync.kind),
        sync.recordId,
        options ?? this.options(),
      );
      if (!result.ok) return result;
      if (result.record?.id === sync.remoteId) return { ok: true, found: true };
    }
    return { ok: true, found: false };
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
   * address: a rejoin too, once proven the same desk as a run's follow is ({@link askMove}),
   * its published posts following it ({@link followPosts}); unproven, a first join.
   */
  async enable(): Promise<SyncStatus> {
    // A name found to be another user's was so for the desk left: not for the one joined now.
    this.otherAccount = undefined;
    this.aliasFailure = undefined;
    const probe = await this.discover();
    if (!probe.ok) {
      // A moved site's address with it: the options say it under the button.
      await this.patchState({ lastError: { ...codeAndAddress(probe), at: this.now() } });
      return this.status();
    }
    const settings = (await this.deps.settings())!;
    // The desk left at an address its site has since moved from, turned on at the new one (the
    // options name it, from turning on at the old): a rejoin there once proven as a run's
    // follow is (askMove: the site's redirect, the same user, the desk's records there), where
    // it was a first join, the records kept forgotten. Asked before the transaction (requests).
    const left = await this.state();
    const followed =
      left.siteUrl !== settings.siteUrl &&
      !!left.siteUrl &&
      (await this.db.syncRecords.count()) > 0 &&
      (await this.accountCheck(settings)).same
        ? left.siteUrl
        : undefined;
    await quietly(this.db, SYNC_TABLES, async () => {
      // Read in the transaction that writes: a « Remplacer tout » that forgot the desk (the
      // options page, meanwhile) is seen. A rejoin needs the sync records kept: without them,
      // the old pull cursors would skip the desk's records this browser no longer has.
      const previous = await this.state();
      // The desk's site, at its address or where it was proven to have moved (left again
      // meanwhile, or joined elsewhere: not the desk that was proven).
      const sameSite =
        previous.siteUrl === settings.siteUrl ||
        (followed !== undefined && previous.siteUrl === followed);
      // The same user by another name WordPress takes (the account's e-mail, the desk having
      // been joined by the login), as the site now says who that is: a rejoin too.
      const sameUser = sameSite && previous.user?.id === probe.user.id;
      const sameAccount =
        (await this.db.syncRecords.count()) > 0 && (sameUser || (await this.sameAccount(settings)));
      // What waited from before (the outbox and conflicts of a cancelled first sync) is found
      // again below, by comparing each record with its base: nothing of it is lost.
      await (sameAccount
        ? Promise.all([this.db.outbox.clear(), this.db.conflicts.clear()])
        : this.forget());
      // Its published posts follow it too, as with a run's follow.
      if (sameAccount && previous.siteUrl !== settings.siteUrl) {
        await followPosts(this.db, previous.siteUrl, settings.siteUrl);
      }
      const at = this.now();
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
              entries.push(this.entry(kind, record.id, at));
            }
            continue;
          }
          const changed = changedFields(sync.base, sharedOf(kind, record), fieldsOf(kind));
          if (changed.length > 0) {
            const { overrides } = sync;
            entries.push({
              ...this.entry(kind, record.id, at),
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
            ...this.entry(sync.kind, sync.recordId, at),
            op: 'delete',
            ...(sync.mergedInto ? { mergedInto: sync.mergedInto } : {}),
          });
        }
      }
      if (unstashed.length > 0) await this.db.syncRecords.bulkPut(unstashed);
      await this.db.outbox.bulkPut(entries);
    });
    void this.run();
    return this.status();
  }

  private entry(kind: SyncKind, recordId: string, at: string): OutboxEntry {
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

  /**
   * Sync goes off (turned off, or its first sync cancelled): local records stay as they are.
   * The sync records (which record is which on the desk, and its merge base), the account and
   * the pull cursors are kept for a rejoin to reconcile (see {@link enable}); the outbox and
   * conflicts go (a rejoin finds them again from the bases), and so do the desk marks, kept
   * in the sync records meanwhile. An unfinished first sync also takes back what it received
   * and the editor did not touch (see {@link takeBackReceived}). Call in a quiet transaction.
   */
  private async leave(): Promise<void> {
    this.otherAccount = undefined;
    this.aliasFailure = undefined;
    const previous = await this.state();
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
  private async forget(): Promise<void> {
    await clearDeskRecords(this.db);
  }

  /** Sync off: local records stay as they are (see {@link leave}). */
  async disable(): Promise<SyncStatus> {
    this.controller?.abort();
    await this.running?.catch(() => undefined);
    await quietly(this.db, SYNC_TABLES, () => this.leave());
    return this.status();
  }

  /** Stops the running sync. A first sync cancelled also turns sync off (what was sent stays). */
  async cancel(): Promise<SyncStatus> {
    const state = await this.state();
    if (state.phase === 'idle' && !this.running) return this.status();
    await this.patchState({ cancelRequested: true });
    this.controller?.abort();
    await this.running?.catch(() => undefined);
    return this.status();
  }

  /** One run now (joining the running one); `write` waits ~2 s for more writes first. */
  async syncNow(reason: SyncReason = 'manual'): Promise<SyncStatus> {
    if (reason === 'write') {
      if (this.writeTimer) clearTimeout(this.writeTimer);
      this.writeTimer = setTimeout(() => {
        this.writeTimer = undefined;
        void this.run();
      }, this.deps.writeDelayMs ?? 2000);
      return this.status();
    }
    return this.run();
  }

  /** Resolves once no run is going on (the first sync started by `enable`, a debounced run). */
  async whenIdle(): Promise<void> {
    while (this.running || this.writeTimer) {
      if (this.running) await this.running.catch(() => undefined);
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Runs one sync, or joins the running one (and asks for one more after it). */
  run(): Promise<SyncStatus> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    // This run pushes every write queued so far: a sync still waiting after one of them is moot.
    // Stopped here too, not only at the push (after the run's first reads): a timer running out
    // in between would ask for a second run, with nothing to send.
    clearTimeout(this.writeTimer);
    this.writeTimer = undefined;
    const run = (async () => {
      try {
        do {
          this.again = false;
          await this.runOnce();
        } while (this.again);
      } finally {
        this.running = undefined;
      }
      return this.status();
    })();
    this.running = run;
    return run;
  }

  private async runOnce(): Promise<void> {
    const state = await this.state();
    if (!state.enabled) return;
    const settings = await this.deps.settings();
    if (!settings) {
      await this.patchState({ lastError: { code: 'no_settings', at: this.now() } });
      return;
    }
    // The options saved with another site or account while the desk was on: the sync records,
    // cursors and this desk's name are the first account's. Nothing is sent under the new one (a
    // colleague's account lent, a password pasted in the wrong field: the editor's drafts would
    // reach the desk as theirs, their own edits be refused as not theirs), and nothing is taken:
    // the bar says so, until the first account is set again or the desk is left and joined anew.
    // The address the desk's own site moved to is no other site: followed (askMove).
    const account = state.siteUrl !== undefined ? await this.accountCheck(settings) : undefined;
    if (account && !account.same) {
      // Not known to be another account (the site did not say who the name is): said as what
      // it is, an offline site as offline.
      const code = account.unknown ?? 'account_changed';
      await this.patchState({
        lastError: { ...codeAndAddress({ code, address: account.address }), at: this.now() },
      });
      return;
    }
    this.controller = new AbortController();
    const first = !state.firstSyncDone;
    await this.patchState({
      phase: first ? 'first-sync' : 'syncing',
      runningSince: this.now(),
      cancelRequested: undefined,
    });
    this.refusedInRun = false;
    this.roleReadInRun = false;
    try {
      await this.settleUnaskedConflicts();
      // Before anything else: colleagues have seen the records as being edited since.
      if (state.releases) await this.sendReleases(state);
      if (first) {
        // A first sync (or a rejoin) lists the desk before it sends: a local record the desk
        // already has is matched by its id in that listing and merged, instead of being sent
        // as new, answered `exists` and adopted, one request each (minutes for a large desk).
        await this.pull(settings, first);
        await this.push(settings, first);
      } else {
        // Items placed offline in an issue another editor may have deleted meanwhile: the pull
        // comes first, so that the deletion meets that work here (the issue is put back, see
        // deletionMeetsWork) before the items are sent into a trashed issue, or their placing
        // merged against the deletion's release of them to the inbox.
        await this.recheckRole(false);
        if (await this.arrangementPending()) await this.pull(settings, first);
        await this.push(settings, first);
        // A refusal may be the first sign of a role lowered: the bar, the buttons and the
        // refusal's sentence then name the role the editor has now.
        if (this.refusedInRun && !this.roleReadInRun) await this.recheckRole(true);
        await this.pull(settings, first);
      }
      await this.patchState({
        phase: 'idle',
        firstSyncDone: true,
        lastSyncAt: this.now(),
        lastError: undefined,
        progress: undefined,
        runningSince: undefined,
      });
    } catch (error) {
      if (!(error instanceof Stop)) {
        await this.patchState({
          phase: 'idle',
          runningSince: undefined,
          progress: undefined,
          lastError: { code: 'unexpected', at: this.now(), detail: String(error).slice(0, 300) },
        });
        throw error;
      }
      const cancelled = error.failure.code === 'cancelled';
      const now = await this.state();
      // Cancelling the first sync means "not now": sync goes off, what was sent stays, and
      // what was received and not touched goes (this browser is as it was before).
      if (cancelled && first && now.cancelRequested) {
        await quietly(this.db, SYNC_TABLES, () => this.leave());
      }
      await this.patchState({
        phase: 'idle',
        runningSince: undefined,
        progress: undefined,
        cancelRequested: undefined,
        lastError: {
          // A moved site's new address with it, for the sync line to name (as the options' check
          // does).
          ...codeAndAddress(error.failure),
          at: this.now(),
          ...(error.failure.detail ? { detail: error.failure.detail } : {}),
        },
      });
      this.again = false;
    } finally {
      this.controller = undefined;
    }
  }

  private async checkCancelled(): Promise<void> {
    if (this.controller?.signal.aborted || (await this.state()).cancelRequested) {
      throw new Stop({ ok: false, code: 'cancelled' });
    }
  }

  private async progress(step: 'upload' | 'download', done: number, total: number, on: boolean) {
    if (on) await this.patchState({ progress: { step, done, total } });
  }

  // -------------------------------------------------------------------------------------------
  // Push

  private async push(settings: DeskSettings, first: boolean): Promise<void> {
    // Every write queued until now goes up here: a sync still waiting after one of them is moot
    // (it would ask the desk for its changes again 2 s later, with nothing to send). Stopped
    // before the outbox is read: a write queued after the read asks for a sync of its own.
    clearTimeout(this.writeTimer);
    this.writeTimer = undefined;
    const entries = await this.db.outbox.orderBy('queuedAt').toArray();
    // Issues before drafts (items name their issue), deletions last.
    const rank = (e: OutboxEntry) => (e.op === 'delete' ? 2 : e.kind === 'issue' ? 0 : 1);
    entries.sort((a, b) => rank(a) - rank(b));
    let done = 0;
    await this.progress('upload', 0, entries.length, first);
    done = await this.createInBatches(settings, entries, first);
    for (const entry of entries) {
      // Created by a batch above (the entry is gone), or to be pushed one by one.
      if (!(await this.db.outbox.get(entry.key))) continue;
      await this.checkCancelled();
      if (!entry.blocked) await this.pushEntry(settings, entry.key);
      done += 1;
      if (first && (done % 10 === 0 || done === entries.length)) {
        await this.progress('upload', done, entries.length, true);
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
        await this.checkCancelled();
        const batch = creates.slice(i, i + BATCH_SIZE);
        const result = await createRecords(
          settings,
          restKind(kind),
          batch.map(({ record, mine }) => restCreate(kind, record.id, mine)),
          this.options(),
        );
        if (!result.ok) {
          this.fail(result);
          // No batch API here (or it refused): the one-by-one push takes them all.
          return settled;
        }
        for (const [j, answer] of result.answers.entries()) {
          if (!answer.record) continue;
          const { entry, record } = batch[j]!;
          await this.settle(entry, record, answer.record as RestRecord);
          settled += 1;
        }
        if (first) await this.progress('upload', settled, entries.length, true);
      }
    }
    return settled;
  }

  private fail(result: DeskFailure): never | void {
    if (TRANSIENT.has(result.code)) throw new Stop(result);
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
        ...this.options(),
        ...(target ? { mergedInto: target.remoteId } : {}),
        ...(kind === 'draft' ? { baseVersion: sync.version } : {}),
      });
      if (!result.ok) {
        this.fail(result);
        if (result.code === 'conflict' && result.current) {
          const remote = result.current as RestRecord;
          if (!(await this.keepDeleted(kind, entry.recordId, sync, remote))) {
            // Written meanwhile but not edited (trashed, or the same fields): the deletion goes
            // on from the version it now has.
            await this.recordSynced(kind, entry.recordId, remote, false);
          }
          return true;
        }
        if (result.code === 'forbidden') {
          // Not allowed to delete it: it comes back, as the server has it.
          const told = await this.refuse(entry, 'trash', result, sync.base, async () => {
            await this.writeLocal(kind, undefined, sync.base, this.now(), entry.recordId);
            if (kind === 'issue') await this.forgetReleases(entry.recordId, entry.released);
          });
          // The deletion undone meanwhile (the issue back with its items): the releases refused
          // before it were the editor's own to undo, and are said no more.
          if (!told && kind === 'issue') {
            await quietly(this.db, SYNC_TABLES, () =>
              this.forgetReleases(entry.recordId, entry.released),
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
        this.options(),
      );
      if (result.ok) return this.settle(entry, record, result.record as RestRecord);
      this.fail(result);
      if (result.code === 'exists' && result.current) {
        // Already there (a create whose answer was lost): adopt it and merge.
        await this.absorb(kind, result.current as RestRecord, true);
        return true;
      }
      if (result.code === 'forbidden') {
        if (result.wpCode === 'indiscrets_cannot_arrange' && kind === 'draft') {
          // May clip but not arrange: the draft goes up to the inbox, the arrangement is undone.
          const rollback = { ...mine, issueId: '', sortKey: '' };
          await this.refuse(
            entry,
            'arrange',
            result,
            mine,
            () => this.writeLocal(kind, record, rollback, this.now()),
            { requeue: true },
          );
          return true;
        }
        await this.refuse(entry, 'create', result, mine, () => this.removeLocal(kind, record.id), {
          changed: Object.keys(mine),
        });
        return false;
      }
      return this.settleFailed(entry, result);
    }

    // Trash and restore are requests of their own; then the fields that changed.
    if (mine.trashed !== sync.base.trashed) {
      const result = mine.trashed
        ? await trashRecord(settings, rk, sync.remoteId, this.options())
        : await restoreRecord(settings, rk, sync.remoteId, this.options());
      if (!result.ok) {
        this.fail(result);
        if (result.code === 'forbidden') {
          const kept: Shared = { ...mine, trashed: sync.base.trashed };
          const edits = changedFields(sync.base, kept, fieldsOf(kind));
          // A draft whose edits WordPress would refuse too (a colleague's, to a user who may not
          // write others' drafts): one refusal for the whole change, rolled back, its words
          // offered to copy as an edit's are; not two, the edit's a moment after the trash's.
          const theirs = kind === 'draft' && (await this.editsRefusedToo(record as Draft));
          if (theirs) for (const field of edits) kept[field] = sync.base[field];
          // Only the trash (or restore) is refused: what was written before it still goes up,
          // merged with what the server has since, as any edit would be.
          const requeue = !theirs && edits.length > 0;
          await this.refuse(
            entry,
            mine.trashed ? 'trash' : 'restore',
            result,
            mine,
            () => this.writeLocal(kind, record, kept, this.now()),
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
        return !(await this.absorb(kind, reply, true));
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
      { ...this.options(), ...(overrides.length > 0 ? { overrides } : {}) },
    );
    if (result.ok) {
      const reply = result.record as RestRecord;
      if (
        await this.deletionMeetsWork(kind, record.id, sync.base, mine, sharedOfRest(kind, reply))
      ) {
        // Written into an issue another editor had trashed meanwhile (its version unchanged):
        // the same policy as when the deletion is met by a merge, see absorb.
        await quietly(this.db, SYNC_TABLES, async () => {
          await this.recordSynced(kind, record.id, reply, false, changes);
          await this.putBack(record as Issue, reply);
        });
        return true;
      }
      return this.settle(entry, record, reply, false, { changes, overrides });
    }
    this.fail(result);
    if (result.code === 'conflict' && result.current) {
      const blocked = await this.absorb(kind, result.current as RestRecord, true);
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
      await this.refuse(
        entry,
        action,
        result,
        mine,
        () => this.writeLocal(kind, record, rollback, this.now()),
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
        if (kind === 'issue') await this.putBack(record as Issue, undefined);
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
      const mark = deskMarkOf(reply, (await this.state()).user?.id, local);
      const sameFields = sameValue(sharedOf(kind, local), theirs);
      if (writeBack && !sameFields) {
        // The server normalised something we sent: take its form, or the next push resends it.
        await this.writeLocal(kind, local, theirs, fromGmt(reply.modified_gmt), recordId, mark);
      } else if (!sameValue(local.desk, mark)) {
        await table.update(recordId, { desk: mark });
      }
    });
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
  private async forgetReleases(
    issueId: string,
    released: readonly string[] | undefined,
  ): Promise<void> {
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
  private async refuse(
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
      at: this.now(),
      discarded,
      ...(changed.length > 0 ? { changed: [...changed] } : {}),
    };
    this.refusedInRun = true;
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
  private async editsRefusedToo(draft: Draft): Promise<boolean> {
    if (!this.roleReadInRun) await this.recheckRole(true);
    const state = await this.state();
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

  /** Whether a change was refused (403) in the run under way: its role is asked again. */
  private refusedInRun = false;

  /** Whether the role was asked in the run under way: not asked twice in one run. */
  private roleReadInRun = false;

  /**
   * Asks the desk again who the user is and what their role allows, when the last answer is
   * {@link ROLE_CHECK_MS} old or more, or at once (`force`, after a refusal): an administrator may
   * have raised or lowered the role meanwhile, which the bar, every button and every sentence that
   * names the role follow. A role changed makes the next pull read every record again (cursors
   * forgotten): what each record allows this user (`desk.canEdit`, `canTrash`) changed with it.
   * A site that does not answer stops the run, as the push would have.
   */
  private async recheckRole(force: boolean): Promise<void> {
    const state = await this.state();
    const checked = state.roleCheckedAt ? Date.parse(state.roleCheckedAt) : NaN;
    if (!force && Date.parse(this.now()) - checked < ROLE_CHECK_MS) return;
    await this.checkCancelled();
    this.roleReadInRun = true;
    const probe = await this.discover();
    if (!probe.ok) {
      if (probe.code === 'no_settings') return;
      // Narrowed above (no `no_settings`), which the code read apart keeps.
      const { code, address } = probe;
      throw new Stop({ ok: false, ...codeAndAddress({ code, address }) });
    }
    // Another user than the desk's (the options changed since the run began): nothing of theirs
    // is taken as this desk's, and the run stops as runOnce would have.
    if (state.user && probe.user.id !== state.user.id) {
      throw new Stop({ ok: false, code: 'account_changed' });
    }
    const allowed = (user: SyncState['user'], can: SyncState['can']) => ({
      roles: [...(user?.roles ?? [])].sort(),
      can,
    });
    const changed = !sameValue(allowed(state.user, state.can), allowed(probe.user, probe.can));
    await this.patchState({
      roleCheckedAt: this.now(),
      user: probe.user,
      can: probe.can,
      ...(changed ? { cursors: {} } : {}),
    });
  }

  /** Writes shared fields onto the local record, quietly (not queued). */
  private async writeLocal(
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
  private async removeLocal(kind: SyncKind, id: string): Promise<void> {
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
  private async releaseItems(issueIds: string[]): Promise<void> {
    if (issueIds.length === 0) return;
    await quietly(this.db, SYNC_TABLES, async () => {
      const items = await this.db.clips.where('issueId').anyOf(issueIds).toArray();
      if (items.length === 0) return;
      await this.db.clips.where('issueId').anyOf(issueIds).modify({ issueId: '', sortKey: '' });
      const [syncs, entries] = await this.draftsSyncState(items);
      const at = this.now();
      for (const [i, item] of items.entries()) {
        const entry = entries[i];
        if (entry) await this.db.outbox.put({ ...entry, seq: entry.seq + 1 });
        else if (syncs[i]) await this.db.outbox.put(this.entry('draft', item.id, at));
      }
      this.again = true;
    });
  }

  /** The sync records and outbox entries of `drafts`, in their order (undefined where none). */
  private draftsSyncState(drafts: Draft[]) {
    const keys = drafts.map((draft) => outboxKey('draft', draft.id));
    return Promise.all([this.db.syncRecords.bulkGet(keys), this.db.outbox.bulkGet(keys)]);
  }

  /**
   * After a pull: drafts still naming an issue this desk does not have, that the server is
   * known to have trashed (a draft pulled from a desk that added it offline, or left so by an
   * earlier version), go to the inbox (see {@link releaseItems}). An issue this desk has never
   * heard of (created since this pull read the issues, deleted for good before this desk saw
   * it, or never on the desk) is asked of the server (see {@link askIssues}): taken in when it
   * is there, its drafts to the inbox when it is trashed or gone.
   */
  private async repairOrphans(settings: DeskSettings): Promise<void> {
    const named = (await this.db.clips.orderBy('issueId').uniqueKeys()) as string[];
    const candidates = named.filter(Boolean);
    if (candidates.length === 0) return;
    const [issues, syncs] = await Promise.all([
      this.db.issues.bulkGet(candidates),
      this.db.syncRecords.bulkGet(candidates.map((id) => outboxKey('issue', id))),
    ]);
    const gone = candidates.filter((_, i) => !issues[i] && syncs[i]?.base.trashed === true);
    const unknown = candidates.filter((_, i) => !issues[i] && !syncs[i]);
    if (unknown.length > 0) gone.push(...(await this.askIssues(settings, unknown)));
    await this.releaseItems(gone);
  }

  /**
   * Asks the desk about issues drafts name and this desk has never heard of; returns those
   * whose drafts go to the inbox. The plugin finds a record by one clientId only: one listing
   * of the desk's issues (trash included, a page per hundred; issues are few, a weekly column's)
   * answers for all of them, where a request per id would not. An issue listed is taken in
   * (see {@link absorb}: a trashed one becomes known trashed, not shown); one not listed is
   * gone for good, or never was. Not asked again: afterwards each is known, or its drafts name
   * no issue.
   */
  private async askIssues(settings: DeskSettings, ids: string[]): Promise<string[]> {
    await this.checkCancelled();
    const perPage = this.deps.perPage ? { perPage: this.deps.perPage } : {};
    const result = await pullChanges(settings, 'issues', undefined, {
      ...this.options(),
      ...perPage,
    });
    if (!result.ok) {
      this.fail(result);
      // Refused or unreadable: the drafts stay as they are, for the next pull to ask again.
      return [];
    }
    const listed = new Map(
      result.records.map((record) => [
        String((record.meta as { clientId?: string }).clientId ?? ''),
        record as RestRecord,
      ]),
    );
    const gone: string[] = [];
    for (const id of ids) {
      const remote = listed.get(id);
      if (remote) await this.absorb('issue', remote);
      if (!remote || remote.status === 'trash') gone.push(id);
    }
    return gone;
  }

  // -------------------------------------------------------------------------------------------
  // Merge a server record into the local copy

  /**
   * A draft deleted for good here (emptied from the trash offline, or while the desk was off)
   * that a colleague edited on the desk since this browser last saw it: their work wins over a
   * deletion made without seeing it. The draft is not trashed there; it comes back here as the
   * desk has it, and the editor is told who edited it, with the choice to delete it anyway
   * ({@link deleteKept}, undoable). Returns false, changing nothing, when the desk's version
   * differs from the base in nothing but the trash (no edit to keep), or for an issue (its
   * deletion goes on as before). Call with no local record and the deletion queued.
   */
  private async keepDeleted(
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
    me ??= (await this.state()).user?.id;
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
      await this.writeLocal(kind, undefined, theirs, fromGmt(remote.modified_gmt), recordId, mark);
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
        at: this.now(),
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
  private async deletionMeetsWork(
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
    const [syncs, entries] = await this.draftsSyncState(items);
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
  private async arrangementPending(): Promise<boolean> {
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
   * is told who deleted it, and may delete it too (see {@link resolve}).
   */
  private async putBack(issue: Issue, remote: RestRecord | undefined): Promise<void> {
    const items = await this.db.clips.where('issueId').equals(issue.id).toArray();
    const [syncs, entries] = await this.draftsSyncState(items);
    const at = this.now();
    for (const [i, item] of items.entries()) {
      const sync = syncs[i];
      if (sync && sync.base.issueId === issue.id) {
        await this.db.syncRecords.put({
          ...sync,
          base: { ...sync.base, issueId: '', sortKey: '' },
        });
      }
      const entry = entries[i];
      if (!entry) await this.db.outbox.put(this.entry('draft', item.id, at));
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
    this.again = true;
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
    me ??= (await this.state()).user?.id;
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
        (await this.deletionMeetsWork(kind, recordId, sync.base, sharedOf(kind, local), theirs))
      ) {
        // Trashed there while this desk placed items in it (and left its own fields alone): the
        // issue is queued as if edited here, and the merge below puts it back.
        entry = this.entry(kind, recordId, this.now());
        await this.db.outbox.put(entry);
      }
      if (!local && entry?.op === 'delete' && sync) {
        // Deleted for good here, not yet sent (offline, or while the desk was off): a
        // colleague's edit made since keeps it (see keepDeleted).
        if (await this.keepDeleted(kind, recordId, sync, remote, me)) return false;
      }
      if (!local) {
        // Deleted here (waiting to be trashed there), or trashed there and never seen here.
        const deletedHere = entry?.op === 'delete' || (sync && theirs.trashed);
        if (!deletedHere && !(kind === 'issue' && theirs.trashed)) {
          await this.writeLocal(kind, undefined, theirs, modifiedAt, recordId, mark);
          // An issue known here as deleted, put back by a colleague: without a word it would
          // just be there again, and its deleter think the deletion had failed.
          if (kind === 'issue' && sync?.base.trashed) {
            await this.noteIssueBack(recordId, theirs, remote, me);
          }
        }
        if (!sync) Object.assign(newSync, await this.receiving());
      } else if (!entry || entry.op === 'delete') {
        // An issue a colleague deleted: said where it was open (see issueDeletion).
        const deleted =
          !entry && kind === 'issue'
            ? await this.issueDeletion(local as Issue, sync, theirs, mark, me)
            : undefined;
        if (!entry) await this.writeLocal(kind, local, theirs, modifiedAt, recordId, mark);
        if (deleted) await this.keepIssuesDeleted(deleted);
      } else {
        const fields = fieldsOf(kind);
        const mine = sharedOf(kind, local);
        // Without a merge base (a create whose answer was lost; a desk this browser left with an
        // older version, which dropped the bases), the server's record is the base only while
        // it is still its first version: then only this browser changed it. Past that, nobody
        // knows who changed what, and a field that differs is the editor's to choose (taking
        // "mine" for every field wrote old copies over colleagues' newer work).
        const base = sync?.base ?? (remote.version <= 1 ? theirs : {});
        const kept = await this.deletionMeetsWork(kind, recordId, base, mine, theirs);
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
        await this.writeLocal(kind, local, merged, local.updatedAt, recordId, mark);
        if (textMerged.length > 0) {
          await this.noteTextMerge({
            key,
            kind,
            recordId,
            title: titleOf(merged),
            fields: textMerged.map((field) => conflictName(kind, field)),
            ...(remote.last_edited_by?.name ? { by: remote.last_edited_by.name } : {}),
            at: this.now(),
          });
        }
        if (kept) await this.putBack(local as Issue, remote);
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
            detectedAt: this.now(),
          };
          await this.db.conflicts.put(conflict);
          await this.db.outbox.update(key, { blocked: 'conflict' });
        } else if (sameValue(merged, theirs)) {
          // Everything local is already on the server: nothing left to push.
          await this.db.outbox.delete(key);
        }
      }
      if (kind === 'draft') await this.noteTakenOut(local as Draft | undefined, sync, theirs, me);
      if (local && sync) await this.noteOverridden(kind, local, sync, remote, theirs, me);
      await this.db.syncRecords.put(newSync);
      return blocked;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Items a colleague took out of an issue

  /**
   * After a pulled draft was applied (see {@link absorb}; `before` is the draft as this desk had
   * it, `sync` its merge base then, `theirs` the desk's version): when a colleague's change took
   * it out of the issue this desk showed it in — « Retirer », « Déplacer vers… », the trash, a
   * merge into another draft — a notice is kept for that issue's column (`SyncState.takenOut`,
   * one per draft, the newest {@link TAKEN_OUT_KEPT}); brought back into the issue a notice
   * names, that notice goes. Nothing for a first sync's new records (no `before`), a change of
   * this desk's own (applied here before it was sent: `before` is already out, and the desk
   * does not pull it back), a change made under this desk's own account elsewhere, a reorder,
   * or a merge that kept this desk's own placing. Call inside absorb's quiet transaction.
   */
  private async noteTakenOut(
    before: Draft | undefined,
    sync: SyncRecord | undefined,
    theirs: Shared,
    me: number | undefined,
  ): Promise<void> {
    if (!before) return;
    const after = await this.db.clips.get(before.id);
    const inIssue = (draft: Draft | undefined, issueId: string) =>
      !!issueId && !!draft && !draft.deletedAt && draft.issueId === issueId;
    // A draft of the inbox (or the trash) that stays out of the issues, most of what a pull
    // brings: nothing to tell, no notice to take back.
    if (!inIssue(before, before.issueId) && !(after && inIssue(after, after.issueId))) return;
    const key = outboxKey('draft', before.id);
    const notices = (await this.state()).takenOut ?? [];
    const others = notices.filter((notice) => notice.key !== key);
    const told = notices.find((notice) => notice.key === key);
    const issueId = !before.deletedAt ? before.issueId : '';
    const base = sync?.base;
    const out =
      !!issueId &&
      base?.issueId === issueId &&
      !base.trashed &&
      !(theirs.issueId === issueId && !theirs.trashed) &&
      !inIssue(after, issueId);
    // Who: the last writer, who put it in the trash too (see deskMarkOf).
    const mark = after?.desk;
    const issue = out ? await this.db.issues.get(issueId) : undefined;
    if (!out || !issue || (me !== undefined && mark?.modifiedById === me)) {
      // Back in the issue its notice named: nothing to tell any more.
      if (told && inIssue(after, told.issueId)) await this.keepTakenOut(others);
      return;
    }
    const notice: SyncTakenOut = {
      key,
      recordId: before.id,
      issueId,
      title: itemLabel(before),
      to: 'inbox',
      at: this.now(),
    };
    // The trasher as the trash's own views name them (an empty one: the last editor).
    const by = trashedBy(mark).name;
    if (by) notice.by = by;
    if (!after) notice.to = 'deleted';
    else if (after.deletedAt && mark?.mergedInto) {
      notice.to = 'merged';
      notice.mergedInto = mark.mergedInto;
      const into = await this.db.clips.get(mark.mergedInto);
      if (into) notice.mergedIntoTitle = into.title;
    } else if (after.deletedAt) notice.to = 'trash';
    else if (after.issueId) {
      notice.to = 'issue';
      notice.toIssueId = after.issueId;
      const to = await this.db.issues.get(after.issueId);
      if (to) notice.toIssue = to.title;
    }
    await this.keepTakenOut([...others, notice]);
  }

  /**
   * Stores the notices of items taken out (the newest {@link TAKEN_OUT_KEPT}; none: absent).
   * Only in a transaction that read them (absorb's): see {@link updateState}.
   */
  private async keepTakenOut(notices: SyncTakenOut[]): Promise<void> {
    await this.patchState(takenOutPatch(notices));
  }

  /**
   * After each pull: the notices of items taken out whose item is back in its issue (put back
   * here by hand, restored from the trash, moved back by anyone) or whose issue this desk no
   * longer has go: they would tell something no longer true, or nowhere. A draft merged into
   * one the pull brought after it (see {@link fetchMergeTargets}) is named now. The notice of an
   * issue deleted goes once the issue is back here. Read and written in one transaction, which
   * a page's write that drops a notice meanwhile cannot fall between.
   */
  private async pruneTakenOut(): Promise<void> {
    await this.updateState(
      async (state) => {
        const patch: Partial<SyncState> = {};
        // An issue deleted that is back (restored from the site's trash): its notice goes too.
        const deleted = state.issuesDeleted ?? [];
        if (deleted.length > 0) {
          const back = await this.db.issues.bulkGet(deleted.map((notice) => notice.issueId));
          if (back.some(Boolean)) {
            Object.assign(patch, issuesDeletedPatch(deleted.filter((_, i) => !back[i])));
          }
        }
        const notices = state.takenOut ?? [];
        if (notices.length === 0) return patch;
        const [drafts, issues, targets] = await Promise.all([
          this.db.clips.bulkGet(notices.map((notice) => notice.recordId)),
          this.db.issues.bulkGet(notices.map((notice) => notice.issueId)),
          this.db.clips.bulkGet(
            notices.map((notice) => (notice.mergedIntoTitle ? '' : (notice.mergedInto ?? ''))),
          ),
        ]);
        let changed = false;
        const kept = notices.flatMap((notice, i) => {
          const draft = drafts[i];
          const back = !!draft && !draft.deletedAt && draft.issueId === notice.issueId;
          if (back || !issues[i]) {
            changed = true;
            return [];
          }
          const into = targets[i];
          if (!into) return [notice];
          changed = true;
          return [{ ...notice, mergedIntoTitle: into.title }];
        });
        if (changed) Object.assign(patch, takenOutPatch(kept));
        return patch;
      },
      ['clips', 'issues'],
    );
  }

  /**
   * « Fermer »: the editor read the notice of these items taken out of an issue, or of these
   * issues a colleague deleted (their keys, `issue:<id>`). In one transaction: a notice the
   * page drops meanwhile (its item put back) stays dropped.
   */
  async dismissTakenOut(keys: readonly string[]): Promise<SyncStatus> {
    const closed = new Set(keys);
    await this.updateState((state) => {
      const patch = takenOutPatch(
        (state.takenOut ?? []).filter((notice) => !closed.has(notice.key)),
      );
      const deleted = state.issuesDeleted ?? [];
      if (deleted.some((notice) => closed.has(notice.key))) {
        Object.assign(
          patch,
          issuesDeletedPatch(deleted.filter((notice) => !closed.has(notice.key))),
        );
      }
      return patch;
    });
    return this.status();
  }

  /**
   * Before a pulled issue in the trash is applied (see {@link absorb}; `local` is the issue as
   * this desk has it, with no unsent work of its own): the notice of a colleague's deletion of
   * it, with how many items it had here (all sent to the inbox, by the deletion there and by
   * {@link releaseItems} here) — what the editor who had it open is told, since the issue goes
   * first and its items are then no longer in it to be said one by one ({@link noteTakenOut}).
   * Nothing for one this desk knew in the trash already, nor one deleted under this desk's own
   * account elsewhere. The notices kept with it: the others', less this issue's.
   */
  private async issueDeletion(
    local: Issue,
    sync: SyncRecord | undefined,
    theirs: Shared,
    mark: DeskMark,
    me: number | undefined,
  ): Promise<SyncIssueDeleted[] | undefined> {
    if (!theirs.trashed || !sync || sync.base.trashed) return undefined;
    const by = trashedBy(mark);
    if (me !== undefined && by.id === me) return undefined;
    const items = await this.db.clips.where('issueId').equals(local.id).toArray();
    const key = outboxKey('issue', local.id);
    const notice: SyncIssueDeleted = {
      key,
      issueId: local.id,
      title: local.title,
      date: local.date,
      items: items.filter((item) => !item.deletedAt).length,
      at: this.now(),
    };
    if (by.name) notice.by = by.name;
    const others = ((await this.state()).issuesDeleted ?? []).filter((n) => n.key !== key);
    return [...others, notice];
  }

  /**
   * Stores the notices of issues deleted (the newest {@link TAKEN_OUT_KEPT}; none: absent).
   * Only in a transaction that read them (absorb's): see {@link updateState}.
   */
  private async keepIssuesDeleted(notices: SyncIssueDeleted[]): Promise<void> {
    await this.patchState(issuesDeletedPatch(notices));
  }

  // -------------------------------------------------------------------------------------------
  // Pull

  /**
   * Pulls what changed since each kind's cursor. The first page of both kinds comes in one
   * request (`/changes`): a poll that finds nothing is that one small request. Further pages
   * are asked per kind. Each page is taken in with one transaction.
   */
  private async pull(settings: DeskSettings, first: boolean): Promise<void> {
    await this.checkCancelled();
    const cursors = { ...(await this.state()).cursors };
    const perPage = this.deps.perPage ? { perPage: this.deps.perPage } : {};
    // Who is editing what rides on the same answer: a lock changes no record.
    const firstPages = await pullFirstPages(settings, cursors, {
      ...this.options(),
      ...perPage,
      locks: true,
    });
    if (!firstPages.ok) throw new Stop(firstPages);
    const total = firstPages.issues.total + firstPages.drafts.total;
    let done = 0;
    for (const kind of ['issue', 'draft'] as const) {
      const rk = restKind(kind);
      const cursor = cursors[rk];
      let maxSeen: string | undefined;
      let page: { records: RestRecord[]; pages: number } = firstPages[rk];
      for (let n = 1; ; n += 1) {
        if (n > 1) {
          await this.checkCancelled();
          const result = await pullPage(settings, rk, cursor, n, { ...this.options(), ...perPage });
          if (!result.ok) throw new Stop(result);
          page = result;
        }
        await this.absorbPage(kind, page.records);
        for (const record of page.records) {
          if (!maxSeen || record.modified_gmt > maxSeen) maxSeen = record.modified_gmt;
          const into = record.status === 'trash' && (record as RestDraft).merged_into?.clientId;
          if (kind === 'draft' && into) this.mergeTargetsWanted.add(into);
        }
        done += page.records.length;
        await this.progress('download', done, total, first);
        if (n >= page.pages || page.records.length === 0) break;
      }
      const next = nextCursor(cursor, maxSeen, firstPages.serverTime);
      if (next !== cursor) {
        const state = await this.state();
        await this.patchState({ cursors: { ...state.cursors, [rk]: next } });
      }
    }
    if (firstPages.locks) await this.applyLocks(firstPages.locks);
    await this.fetchMergeTargets(settings);
    // Every poll: it reads the issueIds index's distinct keys (one per issue, a few hundred at
    // most) and their issues, not the drafts; an orphan left by an earlier version is found too.
    await this.repairOrphans(settings);
    await this.pruneTakenOut();
  }

  /**
   * Drafts a merge went into (`merged_into` of a draft pulled in the trash) that the pull did not
   * bring and this browser never had: asked for again at the next pulls until the desk answers.
   * Kept in memory, and found again in what is stored when the background starts again
   * ({@link mergeTargetsStored}): no draft's notice stays « pas encore arrivé » for a restart.
   */
  private readonly mergeTargetsWanted = new Set<string>();
  /** Whether this background has looked in the trash for the targets still to ask for. */
  private mergeTargetsLookedUp = false;
  /**
   * Targets the desk answered once it has none of: asked once more at a later poll (a write
   * still committing may be missed by one lookup), then stored as gone ({@link mergeTargetGone}).
   */
  private readonly mergeTargetsUnfound = new Set<string>();

  /**
   * The drafts the trashed drafts' desk marks say they were merged into (`mergedInto`, a
   * clientId): once per background, the trash read through its `deletedAt` index. Those this
   * browser has or knows are left out by {@link fetchMergeTargets}, as after a pull, and those
   * the desk said it no longer has (`mergedIntoGone`) are not asked again.
   */
  private async mergeTargetsStored(): Promise<void> {
    if (this.mergeTargetsLookedUp) return;
    const trashed = await this.db.clips
      .orderBy('deletedAt')
      .filter((draft) => !!draft.desk?.mergedInto && !draft.desk.mergedIntoGone)
      .toArray();
    for (const draft of trashed) this.mergeTargetsWanted.add(draft.desk!.mergedInto!);
    this.mergeTargetsLookedUp = true;
  }

  /**
   * Takes in the drafts that drafts pulled into the trash were merged into, when this browser has
   * never had them (a pull cut between its pages, a later edit putting the draft past the page
   * that brought the trash): one request each, a few at a time, each bounded as a merge check is
   * ({@link MERGE_CHECK_MS}), so that the merged draft's editor and row name the draft and open
   * it now, not at some later sync. Nothing stops the run: a draft the desk answers twice, at two
   * polls, it no longer has is marked gone on the drafts merged into it and not asked again, even
   * by a background started again; one not answered is asked again at the next pull.
   */
  private async fetchMergeTargets(settings: DeskSettings): Promise<void> {
    await this.mergeTargetsStored();
    const wanted = [...this.mergeTargetsWanted];
    if (wanted.length === 0) return;
    const [locals, syncs] = await Promise.all([
      this.db.clips.bulkGet(wanted),
      this.db.syncRecords.bulkGet(wanted.map((id) => outboxKey('draft', id))),
    ]);
    // Here, or known to this browser (deleted here since): not asked.
    const missing = wanted.filter((id, i) => {
      if (!locals[i] && !syncs[i]) return true;
      this.mergeTargetsWanted.delete(id);
      this.mergeTargetsUnfound.delete(id);
      return false;
    });
    await fewAtATime(missing, async (id) => {
      const found = await findRecord(settings, 'drafts', id, {
        ...this.options(),
        timeoutMs: MERGE_CHECK_MS,
      });
      if (!found.ok) return { ok: true };
      if (!found.record && !this.mergeTargetsUnfound.has(id)) {
        this.mergeTargetsUnfound.add(id);
        return { ok: true };
      }
      this.mergeTargetsWanted.delete(id);
      this.mergeTargetsUnfound.delete(id);
      if (found.record) await this.absorb('draft', found.record);
      else await this.mergeTargetGone(id);
      return { ok: true };
    });
  }

  /**
   * The desk has no draft `id` any more (deleted for good): the trashed drafts merged into it
   * say so (`mergedIntoGone` on their desk marks, a quiet write), and are not asked for again.
   * Should that draft come back (sent again by a desk that had changes of it), a pull brings
   * it as any new draft, and their notices name it.
   */
  private async mergeTargetGone(id: string): Promise<void> {
    await quietly(this.db, SYNC_TABLES, async () => {
      const merged = await this.db.clips
        .orderBy('deletedAt')
        .filter((draft) => draft.desk?.mergedInto === id)
        .toArray();
      for (const draft of merged) {
        await this.db.clips.update(draft.id, { desk: { ...draft.desk!, mergedIntoGone: true } });
      }
    });
  }

  /**
   * Marks who is editing what now, as the site listed its fresh locks: a lock taken elsewhere
   * appears on the record, a released (or expired) one goes, while the desk stays open. Quiet
   * writes of `desk.lock` only (never queued); this user's own locks are not marks.
   */
  private async applyLocks(locks: DeskLockRef[]): Promise<void> {
    const state = await this.state();
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
      await this.patchState({ locks: marked.length > 0 ? marked : undefined });
    });
  }

  /**
   * Takes one page of server records in, in one transaction. Records this desk has never seen
   * (the whole of a first sync) are written with two bulk puts; the others go through
   * {@link absorb}, one by one, for their merge.
   */
  private async absorbPage(kind: SyncKind, records: RestRecord[]): Promise<void> {
    if (records.length === 0) return;
    await quietly(this.db, SYNC_TABLES, async () => {
      const me = (await this.state()).user?.id;
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
    const state = await this.state();
    return !state.firstSyncDone && state.firstSyncId ? { receivedIn: state.firstSyncId } : {};
  }

  // -------------------------------------------------------------------------------------------
  // Conflicts, refusals, locks

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
      void this.run();
      const status = await this.status();
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
    void this.run();
    const status = await this.status();
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
    if (settled > 0) void this.run();
    const status = { ...(await this.status()), settled };
    return tokens.length > 0 ? { ...status, undo: conflictChoicesToken(tokens) } : status;
  }

  /**
   * Conflicts stored by an earlier version on fields no box asks about (where the metadata came
   * from, a capture's note: UNASKED_FIELDS), which the pull now merges itself: settled as this
   * browser has them, their records freed, as the pull would settle them now. In the background,
   * in one transaction, never from a view, which could meet a newer conflict under the same key.
   */
  private async settleUnaskedConflicts(): Promise<void> {
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
      await this.writeLocal(conflict.kind, local, shared, this.now(), conflict.recordId);
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

  /**
   * After a pulled record was applied (see {@link absorb}; `before` is the record as this desk
   * had it, `sync` its merge base then): when a colleague kept their version of some fields
   * over this editor's (« Garder la mienne », noted by the plugin in the record's `overrides`
   * since this desk's version), the fields where this desk's words gave way to theirs are said,
   * with those words (kept nowhere else but WordPress's revisions). This desk's words: the field
   * as its own push wrote it (`SyncRecord.wrote`), the very version WordPress says went
   * (`replaced`, plugin 0.1.8). Nothing when the editor had written there again since (a
   * conflict now asks them, or the texts were merged), for a choice made under this desk's own
   * account, or over someone else's version. Call inside absorb's quiet transaction.
   */
  private async noteOverridden(
    kind: SyncKind,
    before: AnyRecord,
    sync: SyncRecord,
    remote: RestRecord,
    theirs: Shared,
    me: number | undefined,
  ): Promise<void> {
    if (me === undefined || sync.remoteId !== remote.id || !sync.wrote) return;
    // Since this desk's version, by someone else (not this account in another browser).
    const news = (remote.overrides ?? []).filter(
      (o) => o.version > sync.version && o.version <= remote.version && o.by?.id !== me,
    );
    if (news.length === 0) return;
    const wrote = sync.wrote;
    const after = (await this.db.table(tableOf(kind)).get(before.id)) as AnyRecord | undefined;
    if (!after) return;
    const had = sharedOf(kind, before);
    const now = sharedOf(kind, after);
    const mine: Record<string, unknown> = {};
    /** Who replaced each field told, by the choice that replaced this desk's version of it. */
    const whose = new Map<string, string | undefined>();
    for (const o of news) {
      for (const field of o.fields) {
        const name = sharedName(kind, field);
        if (whose.has(field) || wrote[name] === undefined) continue;
        // Written by this desk's own push: its words are the ones that went when WordPress says
        // that version's value was replaced (an older plugin, or a history it could not read:
        // when nobody else wrote the field since, as far as this desk knows).
        const replaced = o.replaced?.[field];
        if (replaced && replaced.version !== wrote[name]) continue;
        // Their version is what this desk now has, in place of a different one of this editor's
        // (one written here again since is the conflict's to ask, or merged).
        const gave = Object.hasOwn(theirs, name) && sameValue(now[name], theirs[name]);
        if (!gave || sameValue(had[name], theirs[name])) continue;
        mine[name] = had[name];
        whose.set(field, o.by?.name);
      }
    }
    if (whose.size === 0) return;
    const key = outboxKey(kind, before.id);
    const notices = (await this.state()).overridden ?? [];
    // One notice a record: a second choice over it before the first notice was closed adds to
    // it, the words of the first kept (they are nowhere else); but a field of the first this
    // desk has written since is not said again (the desk has the editor's own).
    const earlier = notices.find((n) => n.key === key);
    const still = (earlier?.fields ?? []).filter((field) => {
      const at = wrote[sharedName(kind, field)];
      return earlier?.version === undefined || at === undefined || at <= earlier.version;
    });
    // Named when one colleague did it all; else « un autre membre de la rédaction ».
    const names = [...whose.values(), ...(still.length > 0 ? [earlier?.by] : [])];
    const by = names.every((name) => name && name === names[0]) ? names[0] : undefined;
    const notice: SyncOverridden = {
      key,
      kind,
      recordId: before.id,
      title: titleOf(now),
      fields: [...new Set([...still, ...whose.keys()])],
      ...(by ? { by } : {}),
      mine: { ...earlier?.mine, ...mine },
      version: remote.version,
      at: this.now(),
    };
    const kept = notices.filter((n) => n.key !== key);
    await this.patchState({ overridden: [...kept, notice].slice(-OVERRIDDEN_KEPT) });
  }

  /** Closes the notice of a version replaced by a colleague's (see {@link noteOverridden}). */
  dismissOverridden(key: string): Promise<SyncStatus> {
    return this.dismiss('overridden', key);
  }

  /**
   * Closes the notice `key` of one of the state's lists of news, read and written in one
   * transaction (see {@link updateState}): the list goes once empty.
   */
  private async dismiss(
    list: 'overridden' | 'textMerges' | 'issuesBack',
    key: string,
  ): Promise<SyncStatus> {
    await this.updateState((state) => {
      const kept = (state[list] ?? []).filter((notice) => notice.key !== key);
      return { [list]: kept.length > 0 ? kept : undefined };
    });
    return this.status();
  }

  /** Keeps a merge notice for the editor: one per record (the latest), the newest few. */
  private async noteTextMerge(notice: SyncTextMerge): Promise<void> {
    const kept = ((await this.state()).textMerges ?? []).filter((m) => m.key !== notice.key);
    await this.patchState({ textMerges: [...kept, notice].slice(-TEXT_MERGES_KEPT) });
  }

  /** Keeps the notice of issue `issueId` put back by a colleague (none when it was this user). */
  private async noteIssueBack(
    issueId: string,
    theirs: Shared,
    remote: RestRecord,
    me: number | undefined,
  ): Promise<void> {
    const by = remote.last_edited_by;
    if (me !== undefined && by?.id === me) return;
    const key = outboxKey('issue', issueId);
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const notice: SyncIssueBack = {
      key,
      issueId,
      title: text(theirs.title),
      date: text(theirs.date),
      at: this.now(),
    };
    if (by?.name) notice.by = by.name;
    const others = ((await this.state()).issuesBack ?? []).filter((n) => n.key !== key);
    await this.patchState({ issuesBack: [...others, notice].slice(-TAKEN_OUT_KEPT) });
  }

  /** The editor closed the notice of an issue a colleague put back. */
  dismissIssueBack(key: string): Promise<SyncStatus> {
    return this.dismiss('issuesBack', key);
  }

  /** The editor closed the notice of a text merged with another editor's. */
  dismissTextMerge(key: string): Promise<SyncStatus> {
    return this.dismiss('textMerges', key);
  }

  /** « Le garder »: the editor keeps the draft a colleague's edit brought back; the notice goes. */
  async dismissKept(key: string): Promise<SyncStatus> {
    await this.replaceKept(key);
    return this.status();
  }

  /**
   * « Le supprimer quand même »: the draft a colleague's edit brought back is deleted for good
   * here, and so trashed on the desk (as the editor now has seen it), with the undo of it, as
   * any deletion: « Annuler » writes it back, and the next push takes it out of the trash there.
   */
  async deleteKept(key: string): Promise<SyncStatus & { undo?: UndoToken }> {
    const notice = ((await this.state()).keptDrafts ?? []).find((k) => k.key === key);
    await this.replaceKept(key);
    const draft = notice ? await this.db.clips.get(notice.recordId) : undefined;
    if (!draft) return this.status();
    // Not quiet: the deletion is queued, as the editor's own.
    await this.db.clips.delete(draft.id);
    void this.run();
    const undo: UndoToken = { label: 'trash', before: [draft], after: [] };
    return { ...(await this.status()), undo };
  }

  /**
   * Takes the notice of the draft kept under `key` away and, when given, puts `notice` last in
   * its place (the newest TEXT_MERGES_KEPT kept).
   */
  private async replaceKept(key: string, notice?: SyncKeptDraft): Promise<void> {
    const others = ((await this.state()).keptDrafts ?? []).filter((k) => k.key !== key);
    const kept = notice ? [...others, notice].slice(-TEXT_MERGES_KEPT) : others;
    await this.patchState({ keptDrafts: kept.length > 0 ? kept : undefined });
  }

  async dismissRefusal(key: string): Promise<SyncStatus> {
    await this.db.refusals.delete(key);
    return this.status();
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
      return [...waiting, { key, kind, recordId: id, at: this.now() }];
    });
    return answer;
  }

  private async askLock(kind: SyncKind, id: string, release: boolean): Promise<DeskLockAnswer> {
    const settings = await this.deps.settings();
    if (!settings) return { ok: false, code: 'no_settings' };
    const sync = await this.db.syncRecords.get(outboxKey(kind, id));
    if (!sync || !(await this.state()).enabled) return { ok: false, code: 'not_synced' };
    // Nothing goes out under another account than the desk's (see runOnce); a site that did not
    // say who the name is, said as what it is (a release kept for later when offline).
    const account = await this.accountCheck(settings);
    if (!account.same) return { ok: false, code: account.unknown ?? 'account_changed' };
    const rk = restKind(kind);
    const result = release
      ? await unlockRecord(settings, rk, sync.remoteId, this.options())
      : await lockRecord(settings, rk, sync.remoteId, this.options());
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
  private async sendReleases(state: SyncState): Promise<void> {
    const windowMs = (state.lockWindow ?? LOCK_WINDOW_S) * 1000;
    await Promise.all(
      (state.releases ?? []).map((release) =>
        this.inOrder(release.key, async () => {
          const now = await this.state();
          const still = now.releases?.find((r) => r.key === release.key && r.at === release.at);
          if (!still) return;
          if (Date.parse(this.now()) - Date.parse(still.at) >= windowMs) {
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
    const lapse = lapseMs === undefined ? undefined : Date.parse(this.now()) + lapseMs;
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
      const marked = (await this.state()).locks ?? [];
      if (!marked.includes(key)) await this.patchState({ locks: [...marked, key] });
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
    const [settings, state] = await Promise.all([this.deps.settings(), this.state()]);
    if (!settings || !state.enabled) return { ok: true };
    const options = this.checkOptions();
    // Not asked under another account than the desk's: the merge goes on as with the desk off.
    if (!(await this.stillSameAccount(settings, options))) return { ok: true };
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
    const lapse = this.deps.mergeCheckMarkMs ?? MERGE_CHECK_MARK_MS;
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
    const [settings, state] = await Promise.all([this.deps.settings(), this.state()]);
    if (!settings || !state.enabled) return { ok: true };
    const options = this.checkOptions();
    // Not asked under another account than the desk's: the publication goes on as before.
    if (!(await this.stillSameAccount(settings, options))) return { ok: true };
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
    const lapse = this.deps.mergeCheckMarkMs ?? MERGE_CHECK_MARK_MS;
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
