import { describe, expect, it } from 'vitest';
import { plainTitle, sitePosts } from '../../../wordpress/client';
import type { FetchLike } from '../../../wordpress/transport';
import { fakeSite as fakeSiteOf, freshSettings, json, PASSWORD } from './fake-site';

const NBSP = '\u00a0';
/** The site's posts route answered by `answer`, as fake-site.ts's {@link fakeSite}. */
const fakeSite = (answer: (url: URL) => Response | Promise<Response>, plain = false) =>
  fakeSiteOf(/^\/wp\/v2\/posts$/, answer, plain);
const settings = () => freshSettings('site');

describe('plainTitle', () => {
  it('decodes WordPress typography and drops tags, keeping no-break spaces', () => {
    expect(
      plainTitle('L&#8217;État &laquo;&nbsp;muscle&nbsp;&raquo; <em>Bercy</em> &amp; co'),
    ).toBe(`L’État «${NBSP}muscle${NBSP}» Bercy & co`);
    expect(plainTitle('  Deux\n  lignes ')).toBe('Deux lignes');
  });
});

describe('sitePosts', () => {
  it('asks the published posts (20, id/link/title/date) with the credentials and reads plain titles', async () => {
    const site = fakeSite(() =>
      json([
        {
          id: 12,
          link: 'https://monsite.fr/2026/11/30/bercy/',
          title: { rendered: 'Bercy &laquo;&nbsp;muscle&nbsp;&raquo; son jeu' },
          date: '2026-11-30T08:15:00',
        },
        // Not a post the form can link to: no id, then a link that is not http(s).
        { link: 'https://monsite.fr/sans-id/', title: { rendered: 'Sans id' } },
        { id: 13, link: 'javascript:alert(1)', title: { rendered: 'Piège' }, date: '' },
        {
          id: 14,
          link: 'https://monsite.fr/?p=14',
          title: { rendered: '' },
          date: '2026-11-29T10:00:00',
        },
      ]),
    );

    const result = await sitePosts(settings(), {}, { fetch: site.fetch });

    expect(result).toEqual({
      ok: true,
      posts: [
        {
          id: 12,
          link: 'https://monsite.fr/2026/11/30/bercy/',
          title: `Bercy «${NBSP}muscle${NBSP}» son jeu`,
          date: '2026-11-30T08:15:00',
        },
        { id: 14, link: 'https://monsite.fr/?p=14', title: '', date: '2026-11-29T10:00:00' },
      ],
    });
    const asked = site.calls.at(-1)!;
    expect(asked.url.pathname).toBe('/wp-json/wp/v2/posts');
    expect(Object.fromEntries(asked.url.searchParams)).toEqual({
      per_page: '20',
      status: 'publish',
      _fields: 'id,link,title,date',
    });
    expect((asked.init.headers as Record<string, string>).Authorization).toMatch(/^Basic /);
  });

  it('sends the words typed as `search`, and finds the REST root only once per site', async () => {
    const site = fakeSite(() => json([]));
    const wp = settings();

    await sitePosts(wp, { search: '  ministre   Bercy ' }, { fetch: site.fetch });
    await sitePosts(wp, { search: 'OVH' }, { fetch: site.fetch });

    const posts = site.calls.filter((c) => c.url.pathname === '/wp-json/wp/v2/posts');
    expect(posts.map((c) => c.url.searchParams.get('search'))).toEqual(['ministre Bercy', 'OVH']);
    // One look at the REST index: the second search goes straight to the posts.
    expect(site.calls.filter((c) => c.url.pathname === '/wp-json/')).toHaveLength(1);
  });

  it('works on a site with plain permalinks (?rest_route=)', async () => {
    const site = fakeSite(
      () => json([{ id: 3, link: 'https://monsite.fr/?p=3', title: { rendered: 'Un' }, date: '' }]),
      true,
    );

    const result = await sitePosts(settings(), { perPage: 5 }, { fetch: site.fetch });

    expect(result).toMatchObject({ ok: true, posts: [{ id: 3, title: 'Un' }] });
    const asked = site.calls.at(-1)!.url;
    expect(asked.searchParams.get('rest_route')).toBe('/wp/v2/posts');
    expect(asked.searchParams.get('per_page')).toBe('5');
  });

  it('names a refused password (401) without a trace of it', async () => {
    const site = fakeSite(() =>
      json({ code: 'incorrect_password', message: `Mot de passe ${PASSWORD} incorrect` }, 401),
    );

    const result = await sitePosts(settings(), {}, { fetch: site.fetch });

    expect(result).toMatchObject({ ok: false, code: 'wrong_credentials', status: 401 });
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it('says the site is slow when it does not answer in time', async () => {
    const site = fakeSite(() => json([]));
    // The posts route stalls, as an overloaded server does; only the transport's timer ends it.
    const stalled: FetchLike = (input, init) =>
      new URL(input).pathname === '/wp-json/wp/v2/posts'
        ? new Promise((_, reject) =>
            init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
          )
        : site.fetch(input, init);

    await expect(
      sitePosts(settings(), {}, { fetch: stalled, timeoutMs: 50 }),
    ).resolves.toMatchObject({ ok: false, code: 'timeout' });
  });

  it('tells offline from an unreachable site', async () => {
    const down: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));

    await expect(
      sitePosts(settings(), {}, { fetch: down, isOnline: () => false }),
    ).resolves.toMatchObject({ ok: false, code: 'offline' });
    await expect(
      sitePosts(settings(), {}, { fetch: down, isOnline: () => true }),
    ).resolves.toMatchObject({ ok: false, code: 'unreachable' });
  });

  it('refuses an answer that is not a list of posts', async () => {
    const site = fakeSite(() => json({ posts: [] }));

    await expect(sitePosts(settings(), {}, { fetch: site.fetch })).resolves.toMatchObject({
      ok: false,
      code: 'bad_response',
    });
  });
});
