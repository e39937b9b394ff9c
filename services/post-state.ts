import type { PostStateAnswer } from '../messaging/protocol';
import { db as defaultDb, type IndiscretsDB } from '../storage/db';
import { getIssue } from '../storage/issues';
import { provenMove } from '../storage/settings';
import { quietly } from '../storage/outbox';
import {
  askAddress,
  createdUnder,
  guidNamesPost,
  readPostState,
  type WpPostState,
  type WpSettings,
} from '../wordpress/client';
import type { WpFailure } from '../wordpress/errors';
import type { WpRequestOptions } from '../wordpress/transport';
import { siteAccess, type SiteAccess } from './site-access';
import { followPosts } from './sync';

export type { PostStateAnswer };

/** A panel waits for nobody: a site slower than this is left unsaid. */
export const POST_STATE_TIMEOUT_MS = 10_000;

/** What {@link followedPost} asks; tests inject their own. */
export interface MoveProofDeps {
  /** The WordPress client's read of a post; tests inject a fake one. */
  read?: typeof readPostState;
  /** What an old address answers, asked without credentials ({@link askAddress}). */
  ask?: typeof askAddress;
  /** The issues' database; the default one's unless given. */
  database?: IndiscretsDB;
  /**
   * Whether the options proved, as the editor changed the address, that the site at `from`
   * answers at `to` now (storage/settings.ts `provenMove`, the default).
   */
  moved?: (from: string, to: string) => Promise<boolean>;
}

/**
 * The post of issue `issueId`, recorded at an address (`recorded.siteUrl`) other than the
 * settings' (`settings.siteUrl`), when the site proves it is the same post there: its site moved
 * (`monjournal.fr` to `www.monjournal.fr`) and the record came from before the move, whoever
 * brought it (a colleague who published then, the shared desk off here while the editor changed
 * the address, a pull that brought back a colleague's copy still at the old address). Proven by:
 * - the post of that id at the settings' site, created at the old address: its `guid`, the
 *   permalink WordPress wrote when it created the post and never changes (a move keeps it), lies
 *   under the recorded address ({@link createdUnder}), and names no other id than the record's
 *   ({@link guidNamesPost}: an import keeps a post's guid, not always its id). Another
 *   WordPress's post of that id was created at its own address. Or, recorded at a folder of the
 *   settings' address, that post's guid and the link the record kept both at the settings'
 *   address, not the folder: the settings' WordPress made it, answering at the folder;
 * - and the old address, asked without credentials (the settings' password is the new site's,
 *   none of an old address's business), answering no WordPress of its own: it redirects to the
 *   settings' address, or is gone (no answer, or not a WordPress). A WordPress still answering
 *   there (the production site whose staging copy the settings name: the copy's posts have the
 *   same guids) or a redirect to yet another address leaves it unproven. From the extension, an
 *   old address whose permission was given back cannot be read ({@link askAddress}): anything
 *   answering there, its own answer or a redirect (the two cannot be told apart), leaves it
 *   unproven, unless the options proved the move as the editor changed the address, while they
 *   could still read it (`moved`: storage/settings.ts `SiteMove`); no answer at all counts as
 *   gone.
 * Proven: the issue's record follows its site quietly, as the shared desk's does ({@link
 * followPosts}, that issue only), and the post's state read there is returned; the publish panel
 * and the publisher then read and update it there. Unproven (or the post not read there): why,
 * the post then being another site's as before (`other_site`).
 */
export async function followedPost(
  settings: WpSettings,
  issueId: string,
  recorded: { siteUrl: string; postId: number; link?: string },
  deps: MoveProofDeps = {},
  options: WpRequestOptions = {},
): Promise<{ ok: true; state: { ok: true } & WpPostState } | { ok: false; failure?: WpFailure }> {
  const read = await (deps.read ?? readPostState)(settings, recorded.postId, options, true);
  // No post of that id there, or one the editor may not edit (a colleague's on the site the
  // settings now name, a staging copy's issue taken to production): not proven theirs, another
  // site's as before. Any other failure says nothing of the post (the site slow, down, the
  // password refused): a failure, for which the publisher creates nothing.
  if (!read.ok && (read.code === 'deleted' || read.code === 'cannot_edit_post')) {
    return { ok: false };
  }
  if (!read.ok) return { ok: false, failure: read };
  // Recorded at a folder of the settings' address whose WordPress answered there (the settings
  // then naming `monjournal.fr/fr`, or `/blog` after the site moved to the root with no
  // redirect): that WordPress made the post, its guid and the link it gave at publication at
  // its own address, not under the folder, where a WordPress of the folder's own writes both
  // there. The settings since told its address (client.ts siteOfElsewhere): the same post.
  const madeHere = (guid: string) =>
    deeper(recorded.siteUrl, settings.siteUrl) &&
    !!recorded.link &&
    createdUnder(recorded.link, settings.siteUrl) &&
    !createdUnder(recorded.link, recorded.siteUrl) &&
    createdUnder(guid, settings.siteUrl);
  if (!read.guid || !(createdUnder(read.guid, recorded.siteUrl) || madeHere(read.guid))) {
    return { ok: false };
  }
  // Created there as another post (its guid naming another id), brought here under this id.
  if (!guidNamesPost(read.guid, recorded.postId)) return { ok: false };
  // The settings' site in a folder of the recorded address (`journal.fr/blog2`, the post recorded
  // at `journal.fr`): a guid under the settings' address lies under the recorded one too, but
  // was written there, by the settings' own WordPress: another site's post of that id.
  if (deeper(settings.siteUrl, recorded.siteUrl) && createdUnder(read.guid, settings.siteUrl)) {
    return { ok: false };
  }
  const old = await (deps.ask ?? askAddress)(recorded.siteUrl, options);
  if (old.kind === 'unreached' && old.code === 'cancelled') {
    return { ok: false, failure: { ok: false, code: 'cancelled' } };
  }
  if (old.kind === 'wordpress' || (old.kind === 'moved' && old.address !== settings.siteUrl)) {
    return { ok: false };
  }
  // Something answers there that the extension may not read (its origin given back): the move
  // the options proved as the address changed, else unproven.
  if (
    old.kind === 'answers' &&
    !(await (deps.moved ?? provenMove)(recorded.siteUrl, settings.siteUrl).catch(() => false))
  ) {
    return { ok: false };
  }
  const database = deps.database ?? defaultDb;
  await quietly(database, ['issues'], () =>
    followPosts(database, recorded.siteUrl, settings.siteUrl, issueId),
  );
  return { ok: true, state: read };
}

/** Whether site address `inner` lies in a folder of `outer` (the same host, a longer path). */
function deeper(inner: string, outer: string): boolean {
  const path = (address: string) => new URL(address).pathname.replace(/\/+$/, '');
  return createdUnder(inner, outer) && path(inner).length > path(outer).length;
}

export interface PostStateDeps extends MoveProofDeps {
  /** The configured site, as {@link siteAccess} answers; the WordPress suite gives its own. */
  access?: () => Promise<SiteAccess>;
  /** Defaults to `navigator.onLine`. */
  isOnline?: () => boolean;
  /**
   * A run of the shared desk's sync (none when it is off, see {@link deskCatchUp}): what a
   * colleague published is in WordPress before its record reaches this browser, and this brings
   * it first, when their browser has sent it. True when the run went through.
   */
  catchUp?: () => Promise<boolean>;
}

/** What {@link deskCatchUp} needs of the shared desk's sync engine (services/sync/). */
export interface DeskSync {
  state(): Promise<{ enabled: boolean }>;
  run(): Promise<{ enabled: boolean; lastError?: unknown }>;
}

/**
 * The catch-up {@link readPublishedPost} waits for: none when the shared desk is off (no
 * colleague's publication to wait for, nothing to be unsure of); else a run of its sync, through
 * when it ended without an error (a run stopped offline, refused or cancelled is not).
 */
export async function deskCatchUp(engine: DeskSync): Promise<(() => Promise<boolean>) | undefined> {
  if (!(await engine.state()).enabled) return undefined;
  return async () => {
    const status = await engine.run();
    return !status.enabled || !status.lastError;
  };
}

/** The reads under way, by the panel's token: {@link cancelPostState} stops one. */
const reading = new Map<string, AbortController>();

/**
 * The post of published issue `issueId` as WordPress has it now: its `modified_gmt`, status and
 * links, read with the settings and password the background keeps (the editor's page never has
 * the password). Nothing is asked of a site that is not configured, not granted, or while the
 * browser is offline. A post recorded at another address than the configured one is taken for
 * the post there only once the site proves it moved there ({@link followedPost}, the record then
 * following it); else it is another site's (`other_site`: the next publication creates a new
 * post there), or unknown when the post could not be read there (the read's failure). Only
 * reads, but for that record. Never rejects, and a failure carries a code only.
 *
 * A post changed since the publication recorded here may be a colleague's publication on the
 * shared desk whose record has not reached this browser yet (the desk and the popup sync as they
 * open, at the very moment the panel reads): the answer waits for a sync run (`catchUp`), within
 * the read's time, so that the panel, whose issue that run updates and which then reads again,
 * never says « Modifié dans WordPress » of its colleague's publication to take it back a moment
 * later. Nor is a panel answered that still compares with an older record than the one stored
 * (`recordedGmt`, the sync having brought a publication the panel has not drawn yet): it reads
 * again once it has. A run that did not go through (offline meanwhile, refused, slower than the
 * read's time) leaves that unknown: the answer says so (`unsure`), and the panel names no one,
 * until a run goes through: it then reads again (`caughtUp`), and that answer waits for no run.
 */
export async function readPublishedPost(
  request: { issueId: string; token?: string; recordedGmt?: string; caughtUp?: true },
  deps: PostStateDeps = {},
): Promise<PostStateAnswer> {
  const controller = new AbortController();
  const started = Date.now();
  if (request.token) {
    reading.get(request.token)?.abort();
    reading.set(request.token, controller);
  }
  try {
    const isOnline = deps.isOnline ?? (() => globalThis.navigator?.onLine !== false);
    const access = await (deps.access ?? (() => siteAccess(isOnline)))();
    if (!access.ok) return { ok: false, code: access.code };
    const { settings } = access;
    const database = deps.database ?? defaultDb;
    const post = (await getIssue(request.issueId, database))?.wordpress;
    if (!post) return { ok: false, code: 'not_published' };
    // The panel is behind the record (its own read of the issue not yet updated): an answer
    // compared with its older record would call a colleague's publication an edit.
    if (request.recordedGmt !== undefined && request.recordedGmt !== post.modifiedGmt) {
      return { ok: false, code: 'cancelled' };
    }
    if (controller.signal.aborted) return { ok: false, code: 'cancelled' };
    const options = { timeoutMs: POST_STATE_TIMEOUT_MS, signal: controller.signal };
    let result: Awaited<ReturnType<typeof readPostState>>;
    if (post.siteUrl && post.siteUrl !== settings.siteUrl) {
      // Recorded at another address: the same post there once the site proves it moved.
      const followed = await followedPost(
        settings,
        request.issueId,
        { siteUrl: post.siteUrl, postId: post.postId, link: post.link },
        { ...deps, database },
        options,
      );
      if (!followed.ok) {
        if (controller.signal.aborted) return { ok: false, code: 'cancelled' };
        // Not read there for a reason that says nothing of the post: said as such, as the
        // publisher does; not proven the same: another site's.
        return { ok: false, code: followed.failure?.code ?? 'other_site' };
      }
      result = followed.state;
    } else {
      result = await (deps.read ?? readPostState)(settings, post.postId, options);
    }
    if (!result.ok) return { ok: false, code: result.code };
    const { postId, modifiedGmt, status, link, editLink } = result;
    let unsure = false;
    if (modifiedGmt !== post.modifiedGmt && deps.catchUp && !request.caughtUp) {
      const caughtUp = await settled(
        deps.catchUp(),
        POST_STATE_TIMEOUT_MS - (Date.now() - started),
        controller,
      );
      if (controller.signal.aborted) return { ok: false, code: 'cancelled' };
      unsure = caughtUp !== true;
      // The run brought a publication (a colleague's): this answer is of the record before it.
      // The panel reads again for the new one; this one says nothing, lest it be drawn first.
      const now = (await getIssue(request.issueId, database))?.wordpress;
      if (now?.modifiedGmt !== post.modifiedGmt) return { ok: false, code: 'cancelled' };
    }
    return { ok: true, postId, modifiedGmt, status, link, editLink, ...(unsure ? { unsure } : {}) };
  } catch {
    // A storage failure or a bug: its text could be anything, so it is not passed on.
    return { ok: false, code: 'unexpected' };
  } finally {
    if (request.token && reading.get(request.token) === controller) reading.delete(request.token);
  }
}

/** Stops the read `token` under way (its answer is then `cancelled`); true when one was. */
export function cancelPostState(token: string): boolean {
  const controller = reading.get(token);
  controller?.abort();
  return controller !== undefined;
}

/**
 * Resolves once `work` has settled (with its value; undefined when it failed), `ms` have passed,
 * or `controller` was aborted (undefined both), whichever comes first.
 */
function settled<T>(
  work: Promise<T>,
  ms: number,
  controller: AbortController,
): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve) => {
    const done = (value?: T) => {
      clearTimeout(timer);
      controller.signal.removeEventListener('abort', stop);
      resolve(value);
    };
    const stop = () => done();
    const timer = setTimeout(stop, Math.max(0, ms));
    controller.signal.addEventListener('abort', stop);
    work.then(done, stop);
  });
}
