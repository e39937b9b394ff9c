import type { SitePostsAnswer } from '../messaging/protocol';
import { sitePostsItem } from '../storage/site-posts';
import { sitePosts } from '../wordpress/client';
import { siteAccess } from './site-access';

export type { SitePostsAnswer };

/** How many recent posts the link form offers (and the cache keeps). */
export const SITE_POSTS_COUNT = 20;

/** A picker waits for nobody: a site slower than this is said to be slow, the last list stays. */
export const SITE_POSTS_TIMEOUT_MS = 10_000;

export interface SitePostsDeps {
  /** The WordPress client's call; tests inject a fake one. */
  fetchPosts?: typeof sitePosts;
  /** Defaults to `navigator.onLine`. */
  isOnline?: () => boolean;
  /** Defaults to the clock. */
  now?: () => Date;
}

/** The refresh of the latest posts under way, per site: the link form opened twice asks once. */
const refreshing = new Map<string, Promise<SitePostsAnswer>>();

/**
 * The configured site's latest published posts, or those matching `search`, for the link form
 * (« voir notre article »). Runs in the background with the settings and password it keeps.
 * The latest posts (no `search`) replace the cached list the link form shows first; a search
 * is not cached. Never rejects, and a failure carries a code only (never WordPress's text):
 * the cached list stays as it was.
 */
export async function listSitePosts(
  request: { search?: string } = {},
  deps: SitePostsDeps = {},
): Promise<SitePostsAnswer> {
  try {
    const access = await siteAccess(
      deps.isOnline ?? (() => globalThis.navigator?.onLine !== false),
    );
    if (!access.ok) return { ok: false, code: access.code };
    const { settings } = access;

    const search = request.search?.trim() ?? '';
    const fetchPosts = deps.fetchPosts ?? sitePosts;
    const now = deps.now ?? (() => new Date());
    const ask = async (): Promise<SitePostsAnswer> => {
      const result = await fetchPosts(
        settings,
        { perPage: SITE_POSTS_COUNT, ...(search ? { search } : {}) },
        { timeoutMs: SITE_POSTS_TIMEOUT_MS },
      );
      if (!result.ok) {
        return {
          ok: false,
          code: result.code,
          ...(result.status ? { status: result.status } : {}),
        };
      }
      const fetchedAt = now().toISOString();
      const posts = result.posts.map(({ id, link, title, date }) => ({ id, link, title, date }));
      if (!search) await sitePostsItem.setValue({ siteUrl: settings.siteUrl, fetchedAt, posts });
      return { ok: true, posts, fetchedAt };
    };
    if (search) return await ask();

    const running = refreshing.get(settings.siteUrl);
    if (running) return await running;
    const next = ask().finally(() => refreshing.delete(settings.siteUrl));
    refreshing.set(settings.siteUrl, next);
    return await next;
  } catch {
    // A storage failure or a bug: its text could be anything, so it is not passed on.
    return { ok: false, code: 'unexpected' };
  }
}
