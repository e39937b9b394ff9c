import { sameValue } from '../../lib/merge';
import type { IndiscretsDB, Issue } from '../../storage/db';
import { originOf } from '../../storage/preferences';
import { provenMove } from '../../storage/settings';
import type { SyncState } from '../../storage/sync-state';
import {
  findRecord,
  type DeskErrorCode,
  type DeskOptions,
  type DeskResult,
  type DeskSettings,
} from '../../wordpress/desk-client';
import { codeAndAddress, type EngineProbe, restKind, Stop } from './shared';
import type { SyncCore } from './core';

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
  'rest_route_blocked',
]);

/**
 * How many of the newest synced records a move's proof looks for at the new address
 * (`AccountCheck.holdsOurRecords`): one found is enough, the others in case colleagues deleted it.
 */
const MOVE_PROOF_RECORDS = 3;

/**
 * The failures of a request that never got the site's answer: a move's proof asking the desk's
 * old address (`AccountCheck.askMove`) learns nothing from them, and asks again.
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
 * (the shared desk following its site, `AccountCheck.askMove`, in the same transaction; or one
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
 * Who the desk's user is, and whether the options still name them: the same account (by its login,
 * or by another name WordPress takes for the same user, asked once a name), the desk's own site at
 * the address it moved to (proven by the site's redirect, the same user and the desk's records
 * there), and the role, asked again every {@link ROLE_CHECK_MS} or after a refusal.
 */
export class AccountCheck {
  private readonly db: IndiscretsDB;

  constructor(private readonly core: SyncCore) {
    this.db = core.db;
  }

  /** Whether the sync records kept are of the desk and account `settings` name. */
  async sameAccount(settings: DeskSettings): Promise<boolean> {
    const state = await this.core.state();
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

  /**
   * Forgets the names asked about (another user, a question refused): they were so for the desk
   * left, not for the one joined now.
   */
  forgetNames(): void {
    this.otherAccount = undefined;
    this.aliasFailure = undefined;
  }

  /** Whether `settings` still name the account the desk was joined with ({@link accountCheck}). */
  async stillSameAccount(settings: DeskSettings, options?: DeskOptions): Promise<boolean> {
    return (await this.accountCheck(settings, options)).same;
  }

  /**
   * Whether `settings` still name the account the desk was joined with: {@link sameAccount}, or
   * another name WordPress takes for the same user (the account's e-mail, which application
   * passwords accept): the desk then asks the site who that is, once a name, and adopts the name
   * as typed when it is the same user. Unknown (the site not saying) is no, with why: nothing is
   * sent.
   */
  async accountCheck(settings: DeskSettings, options?: DeskOptions): Promise<AliasAnswer> {
    if (await this.sameAccount(settings)) return { same: true };
    const state = await this.core.state();
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
    const elapsed = failed ? Date.parse(this.core.now()) - failed.at : NaN;
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
    const current = await this.core.deps.settings();
    if (current?.siteUrl === settings.siteUrl && current.username === settings.username) {
      await this.core.patchState({ username: settings.username });
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
    const probe = await this.core.discover(settings, options);
    if (!probe.ok) {
      if (ALIAS_FAILURES_KEPT.has(probe.code)) {
        this.aliasFailure = { key, at: Date.parse(this.core.now()), code: probe.code };
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
      const before = await this.core.discover(
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
        (await (this.core.deps.moved ?? provenMove)(state.siteUrl, settings.siteUrl).catch(
          () => false,
        ));
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
    await this.core.updateState(
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
        options ?? this.core.options(),
      );
      if (!result.ok) return result;
      if (result.record?.id === sync.remoteId) return { ok: true, found: true };
    }
    return { ok: true, found: false };
  }

  /**
   * Asks the desk again who the user is and what their role allows, when the last answer is
   * {@link ROLE_CHECK_MS} old or more, or at once (`force`, after a refusal): an administrator may
   * have raised or lowered the role meanwhile, which the bar, every button and every sentence that
   * names the role follow. A role changed makes the next pull read every record again (cursors
   * forgotten): what each record allows this user (`desk.canEdit`, `canTrash`) changed with it.
   * A site that does not answer stops the run, as the push would have.
   */
  async recheckRole(force: boolean): Promise<void> {
    const state = await this.core.state();
    const checked = state.roleCheckedAt ? Date.parse(state.roleCheckedAt) : NaN;
    if (!force && Date.parse(this.core.now()) - checked < ROLE_CHECK_MS) return;
    await this.core.checkCancelled();
    this.core.roleReadInRun = true;
    const probe = await this.core.discover();
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
    await this.core.patchState({
      roleCheckedAt: this.core.now(),
      user: probe.user,
      can: probe.can,
      ...(changed ? { cursors: {} } : {}),
    });
  }
}
