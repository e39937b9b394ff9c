import { describe, expect, it } from 'vitest';
import { askAddress, publishPost, testConnection } from '../../../wordpress/client';
import { createRecord, discoverDesk, pullChanges } from '../../../wordpress/desk-client';
import type { FetchLike } from '../../../wordpress/transport';
import { FakeDesk } from '../services/fake-desk';
import { json } from './fake-site';

/**
 * A site whose REST API a security plugin moved from `/wp-json/` to `/api/` (WordPress's
 * `rest_url_prefix`), `?rest_route=` answered by a 301 to the same route there, the query kept:
 * its REST index, its companion plugin (the fake desk) and its posts all answer under `/api/`,
 * `/wp-json/` is WordPress's 404 page. `at`: where the prefix sits (`/api`, the site's own;
 * another folder's for a site whose folder is gone).
 */
function prefixedSite(options: { folder?: string; at?: string; blocked?: true } = {}) {
  const desk = new FakeDesk();
  const redac = desk.addUser('redac', 'Rédaction', 'editor');
  const origin = desk.url;
  const site = `${origin}${options.folder ?? ''}`;
  const base = `${origin}${options.at ?? `${options.folder ?? ''}/api`}`;
  desk.names = { home: site, url: site };
  const posts: string[] = [];
  /** The same route asked at the prefix: answered by the site (the fake desk's own routes). */
  const atPrefix = async (route: string, params: URLSearchParams, init: RequestInit) => {
    const asked = new URL(`${origin}/`);
    asked.searchParams.set('rest_route', route);
    for (const [k, v] of params) asked.searchParams.append(k, v);
    let answer: Response;
    if (route === '/' || route === '') {
      answer = json({
        name: 'Préfixé',
        home: site,
        url: site,
        namespaces: ['wp/v2', 'indiscrets/v1'],
        authentication: { 'application-passwords': {} },
      });
    } else if (route.startsWith('/wp/v2/users/me')) {
      answer = json({ id: 1, name: 'Rédaction', capabilities: { edit_posts: true } });
    } else if (route.startsWith('/wp/v2/categories')) {
      answer = json([{ id: 3, name: 'Indiscrets' }]);
    } else if (route.startsWith('/wp/v2/posts')) {
      if ((init.method ?? 'GET') === 'GET') answer = json([]);
      else {
        posts.push(route);
        answer = json({ id: 9, link: `${site}/?p=9`, modified_gmt: '2026-12-07T20:00:00' }, 201);
      }
    } else answer = await desk.fetch(asked.href, init);
    const query = params.toString();
    const url = `${base}${route === '/' ? '/' : route}${query ? `?${query}` : ''}`;
    Object.defineProperty(answer, 'url', { value: url });
    return answer;
  };
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const route = url.searchParams.get('rest_route');
    if (route !== null && options.blocked) {
      return new Response('<html><body>Interdit</body></html>', { status: 404 });
    }
    if (route !== null) {
      const params = new URLSearchParams(url.searchParams);
      params.delete('rest_route');
      if (method !== 'GET' && init.redirect === 'manual') {
        return new Response(null, { status: 301, headers: { Location: `${base}${route}` } });
      }
      // Followed (a read): the same route at the prefix.
      return atPrefix(route, params, init);
    }
    if (
      url.pathname === `${new URL(base).pathname}/` ||
      url.pathname.startsWith(`${new URL(base).pathname}/`)
    ) {
      const rest = url.pathname.slice(new URL(base).pathname.length) || '/';
      return atPrefix(rest.length > 1 ? rest.replace(/\/$/, '') : '/', url.searchParams, init);
    }
    // Any other address: WordPress's 404 page, with the REST API's link in its header.
    return new Response('<html><body>Introuvable</body></html>', {
      status: 404,
      headers: { Link: `<${base}/>; rel="https://api.w.org/"` },
    });
  };
  const settings = { siteUrl: site, username: redac.username, appPassword: redac.appPassword };
  return { settings, fetch, posts, desk, base };
}

describe('a site whose REST API answers at a custom prefix', () => {
  it('passes the connection test, at the prefix', async () => {
    const site = prefixedSite();
    const result = await testConnection(site.settings, { fetch: site.fetch });
    expect(result).toMatchObject({ ok: true, restUrl: `${site.base}/` });
  });

  it('is found through the home page’s link when ?rest_route= is blocked too', async () => {
    const site = prefixedSite({ blocked: true });
    const result = await testConnection(site.settings, { fetch: site.fetch });
    expect(result).toMatchObject({ ok: true, restUrl: `${site.base}/` });
  });

  it('publishes there, the post written once at the prefix', async () => {
    const site = prefixedSite();
    const result = await publishPost(
      site.settings,
      { title: 'Indiscret', content: '<p>Texte</p>', marker: 'indiscret-api' },
      { fetch: site.fetch },
    );
    expect(result).toMatchObject({ ok: true, postId: 9 });
    expect(site.posts).toEqual(['/wp/v2/posts']);
  });

  it('its address asked without the password answers as its own WordPress, not as moved to the prefix', async () => {
    for (const folder of ['', '/blog']) {
      const site = prefixedSite({ folder });
      expect(await askAddress(site.settings.siteUrl, { fetch: site.fetch })).toEqual({
        kind: 'wordpress',
      });
    }
  });

  it('the shared desk reads there, not told the site moved to the prefix', async () => {
    for (const folder of ['', '/blog']) {
      const site = prefixedSite({ folder });
      const options = { fetch: site.fetch, isOnline: () => true };
      expect(await discoverDesk(site.settings, options)).toMatchObject({ ok: true });
      expect(await pullChanges(site.settings, 'drafts', undefined, options)).toMatchObject({
        ok: true,
      });
    }
  });

  it('a desk write redirected to the prefix is sent there once', async () => {
    for (const folder of ['', '/blog']) {
      const site = prefixedSite({ folder });
      const result = await createRecord(
        site.settings,
        'drafts',
        { title: 'x', content: '<p>x</p>', meta: { clientId: 'draft-x-0001' } } as never,
        { fetch: site.fetch, isOnline: () => true },
      );
      expect(result).toMatchObject({ ok: true });
      expect(site.desk.log.filter((line) => line.startsWith('POST'))).toHaveLength(1);
    }
  });

  it('a desk write redirected to another folder’s prefix is not sent there', async () => {
    const site = prefixedSite({ folder: '/blog', at: '/api' });
    const result = await createRecord(
      site.settings,
      'drafts',
      { title: 'x', content: '<p>x</p>', meta: { clientId: 'draft-x-0001' } } as never,
      { fetch: site.fetch, isOnline: () => true },
    );
    expect(result).toMatchObject({ ok: false });
    expect(site.desk.log.filter((line) => line.startsWith('POST'))).toEqual([]);
  });

  it('a folder whose REST answers come from another folder’s prefix is still moved', async () => {
    // The site at /blog gone, its ?rest_route= answered by the root's WordPress under /api.
    const site = prefixedSite({ folder: '/blog', at: '/api' });
    site.desk.names = { home: site.desk.url, url: site.desk.url };
    const options = { fetch: site.fetch, isOnline: () => true };
    expect(await discoverDesk(site.settings, options)).toMatchObject({
      ok: false,
      code: 'site_moved',
    });
    expect(await askAddress(site.settings.siteUrl, { fetch: site.fetch })).toMatchObject({
      kind: 'moved',
    });
  });
});

describe('a desk write redirected to the same route under another folder of the origin', () => {
  it('is not sent there when no REST API answers there (a sub-site’s page): the password stays home', async () => {
    // The site at the root; /blog2 a sub-site of its network (or another WordPress of the host),
    // whose REST API is under /blog2/wp-json/: /blog2/indiscrets/v1/drafts is one of its pages.
    const origin = 'https://monjournal.fr';
    const sent: { method: string; url: string; password: boolean }[] = [];
    const fetch: FetchLike = async (input, init) => {
      const url = new URL(input);
      const method = (init.method ?? 'GET').toUpperCase();
      const headers = (init.headers ?? {}) as Record<string, string>;
      sent.push({ method, url: url.href, password: 'Authorization' in headers });
      const route = url.searchParams.get('rest_route');
      if (route !== null) {
        const target = new URL(`${origin}/blog2${route}`);
        for (const [k, v] of url.searchParams)
          if (k !== 'rest_route') target.searchParams.append(k, v);
        if (init.redirect === 'manual') {
          return new Response(null, { status: 301, headers: { Location: target.href } });
        }
        const page = new Response('<html><body>Page introuvable</body></html>', { status: 404 });
        Object.defineProperty(page, 'url', { value: target.href });
        return page;
      }
      return new Response('<html><body>Page introuvable</body></html>', { status: 404 });
    };
    const result = await createRecord(
      { siteUrl: origin, username: 'redac', appPassword: 'abcd efgh ijkl mnop' },
      'drafts',
      { title: 'x', content: '<p>x</p>', meta: { clientId: 'draft-x-0001' } } as never,
      { fetch, isOnline: () => true },
    );
    expect(result).toMatchObject({ ok: false });
    expect(sent.filter((request) => request.url.startsWith(`${origin}/blog2/`))).toEqual([]);
  });
});
