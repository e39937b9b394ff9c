import { browser } from 'wxt/browser';
import { toExportIssue } from '../export/from-issue';
import { issueDigest } from '../export/post-digest';
import { renderWordPressBlocks } from '../export/wordpress-blocks';
import { publishPost, publishSlug } from '../wordpress/client';
import type { PublishOutcome, PublishRequest } from '../messaging/protocol';
import { db } from '../storage/db';
import { getIssue, issueItems, markPublished, recordPublishIntent } from '../storage/issues';
import { getHouseStyle } from '../storage/preferences';
import { followedPost, type MoveProofDeps } from './post-state';
import { siteAccess } from './site-access';

export type { PublishOutcome, PublishRequest };

/** What {@link publishIssue} calls; tests inject their own. */
export interface PublisherDeps {
  publish?: typeof publishPost;
  /** The proof that a post recorded at another address is the settings' site's (post-state). */
  proof?: MoveProofDeps;
}

/**
 * Chrome stops an idle MV3 service worker after 30 s without an event or extension API call,
 * and a publication is several requests of up to 20 s each. A cheap API call every 20 s keeps
 * the worker up while a publication runs. A worker stopped anyway (browser closed, extension
 * updated, Chrome's own limits) loses nothing: see the publish intent in {@link attempt}.
 */
function keepAlive(): () => void {
  const ping = () => {
    Promise.resolve()
      .then(() => browser.runtime.getPlatformInfo())
      .catch(() => undefined);
  };
  const timer = setInterval(ping, 20_000);
  return () => clearInterval(timer);
}

/** One publication at a time per issue: a second click waits and then updates the same post. */
const running = new Map<string, Promise<unknown>>();

/**
 * Publishes an issue as a WordPress post, from the background so that closing the popup
 * mid-request cannot lose the post id (a lost id would mean a duplicate post next time).
 * The issue and its items are only read; on success the issue remembers the post. Never
 * rejects: every failure is an outcome with a code the UI words, and none holds
 * the application password.
 */
export function publishIssue(
  request: PublishRequest,
  deps: PublisherDeps = {},
): Promise<PublishOutcome> {
  const previous = running.get(request.issueId) ?? Promise.resolve();
  const next = previous.then(() => publishNow(request, deps));
  const settled = next.catch(() => undefined);
  running.set(request.issueId, settled);
  void settled.then(() => {
    if (running.get(request.issueId) === settled) running.delete(request.issueId);
  });
  return next;
}

/** The publication of each issue under way, to stop on the editor's word ({@link cancelPublish}). */
const underWay = new Map<string, AbortController>();

/**
 * Stops the publication of an issue under way: its requests to WordPress are aborted and its
 * outcome is `cancelled`. Safe at any point: a post created before the stop is found by its
 * slug at the next attempt (see {@link attempt}), not made twice. True when one was under way.
 */
export function cancelPublish(issueId: string): boolean {
  const controller = underWay.get(issueId);
  controller?.abort();
  return controller !== undefined;
}

async function publishNow(request: PublishRequest, deps: PublisherDeps): Promise<PublishOutcome> {
  const stop = keepAlive();
  const controller = new AbortController();
  underWay.set(request.issueId, controller);
  try {
    return await attempt(request, deps, controller.signal);
  } catch {
    // A bug or a storage failure: its text could be anything, so it is not passed on.
    return { ok: false, code: 'unexpected', params: {} };
  } finally {
    if (underWay.get(request.issueId) === controller) underWay.delete(request.issueId);
    stop();
  }
}

/** Eight random lowercase letters and digits: the unique part of a publication's slug. */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
}

/**
 * One publication. Idempotent against a stop at any point: an update (post id recorded) is
 * idempotent by itself; a creation records its intent (a unique slug) first, the client looks
 * the slug up before creating, and `markPublished` records the post and drops the intent in one
 * write.
 */
async function attempt(
  request: PublishRequest,
  deps: PublisherDeps,
  signal: AbortSignal,
): Promise<PublishOutcome> {
  const publish = deps.publish ?? publishPost;
  const access = await siteAccess();
  if (!access.ok) return { ok: false, code: access.code, params: {} };
  const { settings } = access;
  const issue = await getIssue(request.issueId);
  if (!issue) return { ok: false, code: 'issue_missing', params: {} };

  const items = await issueItems(issue.id);
  const model = toExportIssue(issue, items);
  const post = renderWordPressBlocks(model, await getHouseStyle());
  // A post recorded on another site (the settings changed since) is not ours to update there,
  // unless the site proves it is the same post at its new address (it moved since: the panel's
  // proof, post-state's followedPost), which is then updated: a second post made there would
  // be a duplicate of the one published before the move.
  const recorded = issue.wordpress;
  let previous = request.createNew ? undefined : recorded;
  if (previous?.siteUrl && previous.siteUrl !== settings.siteUrl) {
    const followed = await followedPost(
      settings,
      issue.id,
      { siteUrl: previous.siteUrl, postId: previous.postId, link: previous.link },
      deps.proof,
      { signal },
    );
    // The post not read there for a reason that says nothing of it (the site down, slow, the
    // editor's stop): nothing is created, lest it be the duplicate.
    const failed = !followed.ok ? followed.failure : undefined;
    if (failed) {
      return {
        ok: false,
        code: signal.aborted ? 'cancelled' : failed.code,
        params: failed.status !== undefined ? { status: failed.status } : {},
      };
    }
    if (!followed.ok) previous = undefined;
  }
  let marker: string | undefined;
  if (!previous) {
    // A creation is recorded before its request: if the answer is lost (the worker stopped, the
    // network cut), the next attempt reuses this slug and finds the post instead of making a
    // second one. An intent for another site is of no use here.
    const intent = issue.publishing;
    if (intent && intent.siteUrl === settings.siteUrl) {
      marker = intent.slug;
    } else {
      marker = publishSlug(issue.title, randomKey());
      await recordPublishIntent(issue.id, {
        slug: marker,
        siteUrl: settings.siteUrl,
        startedAt: new Date().toISOString(),
      });
    }
  }
  const result = await publish(
    settings,
    {
      title: post.title,
      content: post.content,
      ...(previous
        ? { postId: previous.postId, lastModifiedGmt: previous.modifiedGmt }
        : { marker }),
    },
    { overwrite: request.overwrite === true, signal },
  );
  if (!result.ok) {
    return {
      ok: false,
      code: result.code,
      params: {
        ...(result.status !== undefined ? { status: result.status } : {}),
        ...(result.category !== undefined ? { category: result.category } : {}),
        ...(result.address !== undefined ? { address: result.address } : {}),
      },
      ...(result.remoteModifiedGmt ? { remoteModifiedGmt: result.remoteModifiedGmt } : {}),
    };
  }
  // Who published, for the desk's other editors: the shared desk's user, as it names them.
  const desk = await db.syncState.get('desk');
  await markPublished(issue.id, {
    postId: result.postId,
    link: result.link,
    modifiedGmt: result.modifiedGmt,
    publishedAt: new Date().toISOString(),
    siteUrl: settings.siteUrl,
    ...(desk?.enabled && desk.user
      ? { publishedBy: { id: desk.user.id, name: desk.user.name } }
      : {}),
    ...(result.created ? {} : { updated: true }),
    // What the post was made from, for every editor's panel to tell when the issue no longer
    // matches it, whatever house style each renders it with.
    digest: issueDigest(model),
  });
  return {
    ok: true,
    postId: result.postId,
    link: result.link,
    editLink: result.editLink,
    created: result.created,
  };
}
