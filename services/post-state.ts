import type { PostStateAnswer } from '../messaging/protocol';
import { getIssue } from '../storage/issues';
import { readPostState } from '../wordpress/client';
import { siteAccess } from './site-access';

export type { PostStateAnswer };

/** A panel waits for nobody: a site slower than this is left unsaid. */
export const POST_STATE_TIMEOUT_MS = 10_000;

export interface PostStateDeps {
  /** The WordPress client's read; tests inject a fake one. */
  read?: typeof readPostState;
  /** Defaults to `navigator.onLine`. */
  isOnline?: () => boolean;
  /**
   * A run of the shared desk's sync (none when it is off, see {@link deskCatchUp}): what a
   * colleague published is in WordPress before its record reaches this browser, and this brings
   * it first, when their browser has sent it. True when the run went through.
   */
  catchUp?: () => Promise<boolean>;
}

/** What {@link deskCatchUp} needs of the shared desk's sync engine (services/sync.ts). */
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
 * browser is offline; nor of a post recorded on another site than the configured one (the next
 * publication creates a new post there). Only reads: nothing is stored. Never rejects, and a
 * failure carries a code only.
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
    const access = await siteAccess(
      deps.isOnline ?? (() => globalThis.navigator?.onLine !== false),
    );
    if (!access.ok) return { ok: false, code: access.code };
    const { settings } = access;
    const post = (await getIssue(request.issueId))?.wordpress;
    if (!post) return { ok: false, code: 'not_published' };
    // The panel is behind the record (its own read of the issue not yet updated): an answer
    // compared with its older record would call a colleague's publication an edit.
    if (request.recordedGmt !== undefined && request.recordedGmt !== post.modifiedGmt) {
      return { ok: false, code: 'cancelled' };
    }
    if (post.siteUrl && post.siteUrl !== settings.siteUrl) return { ok: false, code: 'other_site' };
    if (controller.signal.aborted) return { ok: false, code: 'cancelled' };
    const read = deps.read ?? readPostState;
    const result = await read(settings, post.postId, {
      timeoutMs: POST_STATE_TIMEOUT_MS,
      signal: controller.signal,
    });
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
      const now = (await getIssue(request.issueId))?.wordpress;
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
