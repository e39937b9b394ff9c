import { describe, expect, it, vi } from 'vitest';
import { ensureCategory, publishPost, type WpSettings } from '../../../wordpress/client';
import {
  createRecord,
  createRecords,
  lockRecord,
  restoreRecord,
  trashRecord,
  unlockRecord,
  updateRecord,
} from '../../../wordpress/desk-client';
import type { FetchLike } from '../../../wordpress/transport';
import { PASSWORD, json } from './fake-site';

/**
 * A site at `https://redirN.monsite.fr/blog` whose writes (any method but GET) the web server
 * answers 307 to the same route at the host's root (`/blog/wp-json/…` → `/wp-json/…`): another
 * WordPress there (a multisite network's main site, its users shared) would take the write, body
 * and Authorization header, had it been followed. Reads answer as the site itself does.
 * `browser`: the redirect not followed answers as Chromium's and Firefox's fetch give it
 * (`opaqueredirect`, status 0); otherwise as Node's (the 307 itself).
 */
let sites = 0;
function redirectingSite(
  options: { browser?: boolean; categories?: unknown[]; only?: string; indexMoved?: boolean } = {},
) {
  sites += 1;
  const settings: WpSettings = {
    siteUrl: `https://redir${sites}.monsite.fr/blog`,
    username: 'redac',
    appPassword: PASSWORD,
  };
  /** Writes that landed at the redirect's target. */
  const landed: { method: string; url: string; authorization?: string }[] = [];
  const fetch = vi.fn<FetchLike>(async (input, init) => {
    const url = new URL(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const route =
      url.searchParams.get('rest_route') ?? url.pathname.replace(/^\/blog\/wp-json/, '');
    if (method === 'GET') {
      if (route === '/' && options.indexMoved) {
        // The whole folder moved: its reads redirected to the root, answered there.
        const root = new URL(settings.siteUrl).origin;
        const answer = json({ name: 'Racine', url: root, home: root, namespaces: ['wp/v2'] });
        Object.defineProperty(answer, 'url', { value: `${root}/?rest_route=/` });
        return answer;
      }
      if (route === '/' || route === '/blog/wp-json/')
        return json({
          name: 'Blog',
          url: settings.siteUrl,
          home: settings.siteUrl,
          namespaces: ['wp/v2', 'indiscrets/v1'],
          authentication: {},
        });
      if (route.startsWith('/wp/v2/categories')) return json(options.categories ?? []);
      if (route.startsWith('/wp/v2/posts')) return json([]);
      return json({ code: 'rest_no_route' }, 404);
    }
    if (options.only && method !== options.only) {
      return json(
        { id: 12, link: `${settings.siteUrl}/?p=12`, modified_gmt: '2026-12-07T10:00:00' },
        201,
      );
    }
    const target = input.replace('/blog/', '/');
    if (init.redirect === 'manual') {
      if (!options.browser)
        return new Response(null, { status: 307, headers: { Location: target } });
      return {
        type: 'opaqueredirect',
        status: 0,
        url: '',
        headers: new Headers(),
        text: async () => '',
      } as unknown as Response;
    }
    // Followed, as the browser does a 307: the same method, body and header at the target.
    const headers = (init.headers ?? {}) as Record<string, string>;
    landed.push({ method, url: target, authorization: headers.Authorization });
    return json(
      { id: 5, link: `${target}?p=5`, modified_gmt: '2026-12-07T10:00:00', meta: {} },
      201,
    );
  });
  return { settings, fetch, landed };
}

const write = { title: 'Indiscret', meta: { clientId: 'c1' } };

describe('writes to WordPress redirected by the site', () => {
  for (const browser of [false, true]) {
    const as = browser ? ' (opaqueredirect, as in a browser)' : ' (the 307 itself, as in Node)';

    it(`publishing a post is not sent on to the redirect's target: write_redirected${as}`, async () => {
      const site = redirectingSite({ browser, categories: [{ id: 3, name: 'Indiscrets' }] });
      const result = await publishPost(
        site.settings,
        { title: 'Indiscret', content: '<p>Texte</p>', marker: 'indiscret-abc' },
        { fetch: site.fetch },
      );
      expect(site.landed).toEqual([]);
      // Its REST index answers at the folder itself: no move, the server redirects writes.
      expect(result).toMatchObject({ ok: false, code: 'write_redirected' });
      expect(result.ok || result.address).toBeFalsy();
      const posted = site.fetch.mock.calls.filter(([, init]) => init.method === 'POST');
      expect(posted.length).toBeGreaterThan(0);
      for (const [, init] of posted) expect(init.redirect).toBe('manual');
    });

    it(`creating the category is not sent on: write_redirected${as}`, async () => {
      const site = redirectingSite({ browser });
      const result = await ensureCategory(site.settings, 'Indiscrets', { fetch: site.fetch });
      expect(site.landed).toEqual([]);
      expect(result).toMatchObject({ ok: false, code: 'write_redirected' });
    });

    it(`every desk write is not sent on: write_redirected${as}`, async () => {
      const site = redirectingSite({ browser });
      const options = { fetch: site.fetch };
      const results = [
        await createRecord(site.settings, 'drafts', write as never, options),
        await createRecords(site.settings, 'drafts', [write as never], options),
        await updateRecord(site.settings, 'issues', 4, 2, write as never, options),
        await trashRecord(site.settings, 'drafts', 4, options),
        await restoreRecord(site.settings, 'drafts', 4, options),
        await lockRecord(site.settings, 'issues', 4, options),
        await unlockRecord(site.settings, 'issues', 4, options),
      ];
      expect(site.landed).toEqual([]);
      for (const result of results) {
        expect(result).toMatchObject({ ok: false, code: 'write_redirected' });
      }
      expect(results.every((r) => !('address' in r) || r.address === undefined)).toBe(true);
    });
  }

  it('a desk write redirected names the address the REST index answers from, asked without the password', async () => {
    const site = redirectingSite({ indexMoved: true });
    const result = await createRecord(site.settings, 'drafts', write as never, {
      fetch: site.fetch,
    });
    expect(site.landed).toEqual([]);
    expect(result).toEqual({
      ok: false,
      code: 'site_moved',
      address: new URL(site.settings.siteUrl).origin,
    });
    const [, [, index]] = site.fetch.mock.calls as [unknown, [string, RequestInit]];
    expect(index.headers).not.toHaveProperty('Authorization');
  });

  it('a publication redirected names the address the REST index answers from once moved', async () => {
    const site = redirectingSite({ categories: [{ id: 3, name: 'Indiscrets' }] });
    let moved = false;
    const fetch: FetchLike = async (input, init) => {
      const answer = await site.fetch(input, init);
      // The folder moves as the post is sent: the index read before it answered at the folder.
      if ((init.method ?? 'GET') === 'POST') moved = true;
      if (moved && input.endsWith('/blog/?rest_route=/')) {
        const root = new URL(site.settings.siteUrl).origin;
        const there = json({ name: 'Racine', url: root, home: root, namespaces: ['wp/v2'] });
        Object.defineProperty(there, 'url', { value: `${root}/?rest_route=/` });
        return there;
      }
      return answer;
    };
    const result = await publishPost(
      site.settings,
      { title: 'Indiscret', content: '<p>Texte</p>', marker: 'indiscret-def' },
      { fetch },
    );
    expect(site.landed).toEqual([]);
    expect(result).toMatchObject({
      ok: false,
      code: 'site_moved',
      address: new URL(site.settings.siteUrl).origin,
    });
  });

  it('reads still follow redirects (the REST index read tells and names a move)', async () => {
    const site = redirectingSite({ categories: [{ id: 3, name: 'Indiscrets' }] });
    await ensureCategory(site.settings, 'Indiscrets', { fetch: site.fetch });
    const gets = site.fetch.mock.calls.filter(([, init]) => (init.method ?? 'GET') === 'GET');
    expect(gets.length).toBeGreaterThan(0);
    for (const [, init] of gets) expect(init.redirect).toBe('follow');
  });
});
