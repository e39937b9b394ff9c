import { describe, expect, it, vi } from 'vitest';
import { publishPost, testConnection, type WpSettings } from '../../../wordpress/client';
import { createRecord } from '../../../wordpress/desk-client';
import type { FetchLike } from '../../../wordpress/transport';
import { publishFailureText } from '../../../components/publishFailureText';
import { PASSWORD, json } from './fake-site';

/**
 * A site whose web server redirects its REST API's writes only (a rule sending every POST to a
 * challenge page, or adding a trailing slash with a 308), its REST index answering at the
 * settings' address itself: nothing moved, so « testez la connexion pour la connaître » sends the
 * editor to a test that passes, and names no address to change. The editor is told what happened
 * and who can fix it.
 */
function writesRedirected(home?: string) {
  const settings: WpSettings = {
    siteUrl: 'https://ecrit.monsite.fr',
    username: 'redac',
    appPassword: PASSWORD,
  };
  const fetch = vi.fn<FetchLike>(async (input, init) => {
    const url = new URL(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const route = url.searchParams.get('rest_route') ?? url.pathname.replace(/^\/wp-json/, '');
    if (method !== 'GET') {
      return new Response(null, { status: 308, headers: { Location: `${input}/` } });
    }
    if (route === '/' || route === '/indiscrets/v1')
      return json({
        name: 'Ecrit',
        url: home ?? settings.siteUrl,
        home: home ?? settings.siteUrl,
        namespaces: ['wp/v2', 'indiscrets/v1'],
        authentication: { 'application-passwords': {} },
        plugin: { name: 'indiscrets', version: '0.1.10' },
        user: { id: 3, name: 'Rédac' },
      });
    if (route.startsWith('/wp/v2/users/me'))
      return json({ id: 3, name: 'Rédac', capabilities: { edit_posts: true } });
    if (route.startsWith('/wp/v2/categories')) return json([{ id: 3, name: 'Indiscrets' }]);
    if (route.startsWith('/wp/v2/posts')) return json([]);
    return json({ code: 'rest_no_route' }, 404);
  });
  return { settings, fetch };
}

describe('writes redirected by a site whose REST index answers at its address', () => {
  it('publishing says the server redirected the write, not a move the connection test would name', async () => {
    const site = writesRedirected();
    expect(await testConnection(site.settings, { fetch: site.fetch })).toMatchObject({ ok: true });
    const result = await publishPost(
      site.settings,
      { title: 'Indiscret', content: '<p>Texte</p>', marker: 'indiscret-r7' },
      { fetch: site.fetch },
    );
    expect(result).toMatchObject({ ok: false, code: 'write_redirected' });
    if (result.ok) return;
    const text = publishFailureText(result.code, {}, 'fr');
    expect(text).toContain('rien n’a été écrit');
    expect(text).toContain('administrateur');
    expect(text).not.toContain('testez la connexion');
  });

  it('a desk write says so too', async () => {
    const site = writesRedirected();
    const result = await createRecord(
      site.settings,
      'drafts',
      { title: 'x', meta: { clientId: 'c1' } } as never,
      { fetch: site.fetch },
    );
    expect(result).toEqual({ ok: false, code: 'write_redirected' });
  });

  it('a desk write at a folder whose index names another folder its site is still that move', async () => {
    const site = writesRedirected('https://ecrit.monsite.fr');
    site.settings.siteUrl = 'https://ecrit.monsite.fr/blog';
    const result = await createRecord(
      site.settings,
      'drafts',
      { title: 'x', meta: { clientId: 'c1' } } as never,
      { fetch: site.fetch },
    );
    expect(result).toEqual({ ok: false, code: 'site_moved', address: 'https://ecrit.monsite.fr' });
  });

  it('a desk write on a site whose REST API refuses anonymous visitors says so as publishing does', async () => {
    const site = writesRedirected();
    // A security plugin closing the REST API to anonymous visitors: its index, asked without
    // the password, is a WordPress error answered at the address itself.
    const fetch: FetchLike = async (input, init) => {
      const headers = (init.headers ?? {}) as Record<string, string>;
      if ((init.method ?? 'GET') === 'GET' && !headers.Authorization) {
        return json({ code: 'rest_not_logged_in', message: 'Connexion requise.' }, 401);
      }
      return site.fetch(input, init);
    };
    const options = { fetch };
    const published = await publishPost(
      site.settings,
      { title: 'Indiscret', content: '<p>Texte</p>', marker: 'indiscret-r7b' },
      options,
    );
    const created = await createRecord(
      site.settings,
      'drafts',
      { title: 'x', meta: { clientId: 'c1' } } as never,
      options,
    );
    expect(published).toMatchObject({ ok: false, code: 'write_redirected' });
    expect(created).toEqual({ ok: false, code: 'write_redirected' });
  });
});
