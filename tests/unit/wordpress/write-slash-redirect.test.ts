import { describe, expect, it, vi } from 'vitest';
import { ensureCategory, publishPost } from '../../../wordpress/client';
import { slashAdded, type FetchLike } from '../../../wordpress/transport';
import { freshSettings, json } from './fake-site';

/**
 * A site whose web server adds a trailing slash to every path (an nginx or Apache rule: 308 from
 * `/wp-json/wp/v2/posts` to `/wp-json/wp/v2/posts/`, the query kept). A write is sent with
 * `redirect: 'manual'` and the browser hides where its redirect leads (`opaqueredirect`): a GET of
 * the same address, which follows and names where it ended, tells it; the write then goes once to
 * the same address with the slash added, and nowhere else. `lead` says where that GET ends.
 */
function slashingSite(
  options: { browser?: boolean; lead?: (slashed: URL) => string; writes?: 'redirect' } = {},
) {
  const settings = freshSettings('slash');
  const posts: { url: string; authorization?: string }[] = [];
  const site: FetchLike = async (input, init) => {
    const url = new URL(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = (init.headers ?? {}) as Record<string, string>;
    if (!url.pathname.endsWith('/')) {
      const slashed = new URL(url);
      slashed.pathname += '/';
      if (init.redirect === 'manual') {
        if (!options.browser) {
          return new Response(null, { status: 308, headers: { Location: slashed.href } });
        }
        return {
          type: 'opaqueredirect',
          status: 0,
          url: '',
          headers: new Headers(),
          text: async () => '',
        } as unknown as Response;
      }
      // Followed (a read): answered at the end of the redirects, which the answer names. `lead`
      // sends a visitor without the password elsewhere (the publisher's reads carry it).
      const end = options.lead && !headers.Authorization ? options.lead(slashed) : slashed.href;
      if (end === slashed.href) return site(end, init);
      const answer = json({ code: 'rest_no_route' }, 404);
      Object.defineProperty(answer, 'url', { value: end });
      return answer;
    }
    const route = url.pathname.replace(/^\/wp-json/, '').replace(/(.)\/$/, '$1');
    if (method === 'GET') {
      const read = (body: unknown) => {
        const answer = json(body);
        Object.defineProperty(answer, 'url', { value: url.href });
        return answer;
      };
      if (route === '/')
        return read({
          name: 'Slash',
          home: settings.siteUrl,
          url: settings.siteUrl,
          namespaces: ['wp/v2'],
        });
      if (route === '/wp/v2/categories') return read([{ id: 3, name: 'Indiscrets' }]);
      if (route === '/wp/v2/posts') return read([]);
      return json({ code: 'rest_no_route' }, 404);
    }
    if (options.writes === 'redirect' || init.redirect !== 'manual') {
      return new Response(null, { status: 308, headers: { Location: `${url.origin}/ailleurs/` } });
    }
    posts.push({ url: url.href, authorization: headers.Authorization });
    return json(
      { id: 7, link: `${settings.siteUrl}/?p=7`, modified_gmt: '2026-12-07T20:00:00' },
      201,
    );
  };
  const fetch = vi.fn<FetchLike>(site);
  return { settings, fetch, posts };
}

const post = { title: 'Indiscret', content: '<p>Texte</p>', marker: 'indiscret-slash' };

describe('a write whose redirect only adds a trailing slash', () => {
  for (const browser of [true, false]) {
    const as = browser ? ' (opaqueredirect, as in a browser)' : ' (the 308 itself, as in Node)';

    it(`publishing sends the post once to the address with the slash${as}`, async () => {
      const site = slashingSite({ browser });
      const result = await publishPost(site.settings, post, { fetch: site.fetch });
      expect(result).toMatchObject({ ok: true, postId: 7, created: true });
      expect(site.posts).toHaveLength(1);
      expect(site.posts[0]!.url).toBe(`${site.settings.siteUrl}/wp-json/wp/v2/posts/`);
      expect(site.posts[0]!.authorization).toMatch(/^Basic /);
    });
  }

  it('the GET asking where the address leads carries no password and writes nothing', async () => {
    const site = slashingSite({ browser: true });
    await publishPost(site.settings, post, { fetch: site.fetch });
    const asked = site.fetch.mock.calls.filter(
      ([input, init]) =>
        input === `${site.settings.siteUrl}/wp-json/wp/v2/posts` &&
        (init.method ?? 'GET') === 'GET',
    );
    expect(asked).toHaveLength(1);
    const [, init] = asked[0]!;
    expect(init.headers).not.toHaveProperty('Authorization');
    expect(init.body).toBeUndefined();
    expect(init.redirect).toBe('follow');
  });

  it('a redirect leading to another folder, host or query is still refused: nothing written', async () => {
    const leads = [
      (slashed: URL) => `${slashed.origin}/autre${slashed.pathname}`,
      (slashed: URL) => slashed.href.replace('://', '://www.'),
      (slashed: URL) => `${slashed.href}?lang=fr`,
      (slashed: URL) => slashed.href.replace(/\/$/, ''),
    ];
    for (const lead of leads) {
      const site = slashingSite({ browser: true, lead });
      const result = await publishPost(site.settings, post, { fetch: site.fetch });
      expect(result.ok).toBe(false);
      expect(site.posts).toEqual([]);
    }
  });

  it('the write at the slashed address redirected again is refused, not followed further', async () => {
    const site = slashingSite({ browser: true, writes: 'redirect' });
    const result = await ensureCategory(site.settings, 'Nouvelle', { fetch: site.fetch });
    expect(result).toMatchObject({ ok: false });
    expect(site.posts).toEqual([]);
    const writes = site.fetch.mock.calls.filter(([, init]) => init.method === 'POST');
    expect(writes.map(([input]) => input)).toEqual([
      `${site.settings.siteUrl}/wp-json/wp/v2/categories`,
      `${site.settings.siteUrl}/wp-json/wp/v2/categories/`,
    ]);
    for (const [, init] of writes) expect(init.redirect).toBe('manual');
  });
});

describe('slashAdded', () => {
  it('adds a slash to the path, the query kept; none when the path has one', () => {
    expect(slashAdded('https://a.fr/wp-json/wp/v2/posts?x=1')).toBe(
      'https://a.fr/wp-json/wp/v2/posts/?x=1',
    );
    expect(slashAdded('https://a.fr/?rest_route=/wp/v2/posts')).toBeUndefined();
    expect(slashAdded('https://a.fr/wp-json/')).toBeUndefined();
  });
});
