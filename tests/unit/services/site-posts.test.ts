import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listSitePosts, SITE_POSTS_COUNT } from '../../../services/site-posts';
import { sitePostsItem, type SitePostsCache } from '../../../storage/site-posts';
import type { sitePosts } from '../../../wordpress/client';
import { failure } from '../../../wordpress/errors';
import { wordpressPasswordItem } from '../../../storage/preferences';
import { allowSite, PASSWORD, SITE, storeSite } from './stored-site';

const NOW = new Date('2026-12-01T09:30:00.000Z');

const post = (id: number, title: string) => ({
  id,
  link: `${SITE}/?p=${id}`,
  title,
  date: '2026-11-30T08:15:00',
});

type FetchPosts = typeof sitePosts;

/** A stand-in for the client's call: records what it was asked. */
function fakeFetch(answer: Awaited<ReturnType<FetchPosts>>) {
  return vi.fn(async () => answer) as unknown as FetchPosts & ReturnType<typeof vi.fn>;
}

const online = () => true;
const now = () => NOW;

beforeEach(async () => {
  fakeBrowser.reset();
  await storeSite();
});

describe('listSitePosts', () => {
  it('asks the latest posts with the stored settings and keeps them as the cached list', async () => {
    allowSite();
    const fetchPosts = fakeFetch({ ok: true, posts: [post(2, 'Deux'), post(1, 'Un')] });

    const answer = await listSitePosts({}, { fetchPosts, isOnline: online, now });

    expect(answer).toEqual({
      ok: true,
      posts: [post(2, 'Deux'), post(1, 'Un')],
      fetchedAt: NOW.toISOString(),
    });
    // The background asks with the password it keeps; the editor's page never had it.
    expect(fetchPosts).toHaveBeenCalledWith(
      expect.objectContaining({ siteUrl: SITE, username: 'redac', appPassword: PASSWORD }),
      { perPage: SITE_POSTS_COUNT },
      expect.objectContaining({ timeoutMs: expect.any(Number) }),
    );
    await expect(sitePostsItem.getValue()).resolves.toEqual({
      siteUrl: SITE,
      fetchedAt: NOW.toISOString(),
      posts: [post(2, 'Deux'), post(1, 'Un')],
    });
  });

  it('searches without replacing the cached latest posts', async () => {
    allowSite();
    const cached: SitePostsCache = { siteUrl: SITE, fetchedAt: 'avant', posts: [post(1, 'Un')] };
    await sitePostsItem.setValue(cached);
    const fetchPosts = fakeFetch({ ok: true, posts: [post(9, 'Bercy')] });

    const answer = await listSitePosts(
      { search: ' Bercy ' },
      { fetchPosts, isOnline: online, now },
    );

    expect(answer).toMatchObject({ ok: true, posts: [post(9, 'Bercy')] });
    expect(fetchPosts).toHaveBeenCalledWith(
      expect.anything(),
      { perPage: SITE_POSTS_COUNT, search: 'Bercy' },
      expect.anything(),
    );
    await expect(sitePostsItem.getValue()).resolves.toEqual(cached);
  });

  it('keeps the cached list and passes only the code when WordPress refuses', async () => {
    allowSite();
    const cached: SitePostsCache = { siteUrl: SITE, fetchedAt: 'avant', posts: [post(1, 'Un')] };
    await sitePostsItem.setValue(cached);
    const fetchPosts = fakeFetch(failure('wrong_credentials', { status: 401, detail: 'Non.' }));

    await expect(listSitePosts({}, { fetchPosts, isOnline: online, now })).resolves.toEqual({
      ok: false,
      code: 'wrong_credentials',
      status: 401,
    });
    await expect(sitePostsItem.getValue()).resolves.toEqual(cached);
  });

  it('asks nobody when WordPress is not configured, offline, or the site not granted', async () => {
    const fetchPosts = fakeFetch({ ok: true, posts: [] });

    allowSite(false);
    await expect(listSitePosts({}, { fetchPosts, isOnline: online })).resolves.toEqual({
      ok: false,
      code: 'no_permission',
    });
    allowSite();
    await expect(listSitePosts({}, { fetchPosts, isOnline: () => false })).resolves.toEqual({
      ok: false,
      code: 'offline',
    });
    await wordpressPasswordItem.setValue('');
    await expect(listSitePosts({}, { fetchPosts, isOnline: online })).resolves.toEqual({
      ok: false,
      code: 'not_configured',
    });
    expect(fetchPosts).not.toHaveBeenCalled();
  });

  it('asks once when the link form asks again while the latest posts are on their way', async () => {
    allowSite();
    let release!: () => void;
    const fetchPosts = vi.fn(
      () =>
        new Promise<Awaited<ReturnType<FetchPosts>>>((resolve) => {
          release = () => resolve({ ok: true, posts: [post(1, 'Un')] });
        }),
    ) as unknown as FetchPosts & ReturnType<typeof vi.fn>;

    const first = listSitePosts({}, { fetchPosts, isOnline: online, now });
    const second = listSitePosts({}, { fetchPosts, isOnline: online, now });
    await vi.waitFor(() => expect(fetchPosts).toHaveBeenCalled());
    release();

    const answers = await Promise.all([first, second]);
    expect(answers[0]).toEqual(answers[1]);
    expect(fetchPosts).toHaveBeenCalledTimes(1);
  });

  it('answers `unexpected` when something on our side fails, with no text of its own', async () => {
    allowSite();
    const fetchPosts = vi.fn(() => Promise.reject(new Error(`boom ${PASSWORD}`)));

    const answer = await listSitePosts(
      {},
      {
        fetchPosts: fetchPosts as unknown as FetchPosts,
        isOnline: online,
      },
    );

    expect(answer).toEqual({ ok: false, code: 'unexpected' });
  });
});
