import { describe, expect, it, vi } from 'vitest';
import { publishFailureText } from '../../../components/publishFailureText';
import { publishPost, testConnection, type WpSettings } from '../../../wordpress/client';
import type { FetchLike } from '../../../wordpress/transport';

const settings: WpSettings = {
  siteUrl: 'https://www.monjournal.fr',
  username: 'redac',
  appPassword: 'abcd EFGH ijkl MNOP qrst UVWX',
};

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A site seen through `fetch`: `answer` gives each request's response. Records the URLs. */
function fakeSite(answer: (url: URL, init: RequestInit) => Response) {
  const urls: string[] = [];
  const fetch = vi.fn<FetchLike>(async (input, init) => {
    urls.push(input);
    return answer(new URL(input), init);
  });
  return { fetch, urls };
}

/** WordPress's page when it cannot reach its database: a 500 with no REST API behind it. */
const DATABASE_DOWN =
  '<!DOCTYPE html><title>Erreur</title><h1>Erreur lors de la connexion à la base de données</h1>';

describe('discovery of a site that answers with a server error', () => {
  it.each([500, 502, 503])(
    'reports HTTP %i everywhere as a server error with its status, not as « not WordPress »',
    async (status) => {
      const site = fakeSite(() => html(DATABASE_DOWN, status));
      const result = await testConnection(settings, { fetch: site.fetch });
      expect(result).toMatchObject({ ok: false, code: 'site_server_error', status });
    },
  );

  it('reports a REST API that answers 503 while the home page is a WordPress page', async () => {
    const site = fakeSite((url) =>
      url.pathname === '/' && !url.searchParams.has('rest_route')
        ? html('<link rel="stylesheet" href="/wp-content/themes/t/style.css">')
        : html('<h1>Service Unavailable</h1>', 503),
    );
    const result = await testConnection(settings, { fetch: site.fetch });
    expect(result).toMatchObject({ ok: false, code: 'site_server_error', status: 503 });
  });

  it('reports a WordPress error object with a 500, asked again with the credentials, as a server error', async () => {
    const site = fakeSite(() =>
      json(
        { code: 'internal_server_error', message: 'Erreur critique', data: { status: 500 } },
        500,
      ),
    );
    const result = await testConnection(settings, { fetch: site.fetch });
    expect(result).toMatchObject({ ok: false, code: 'site_server_error', status: 500 });
  });

  it('stops a publication at a 502 with the same code, before any post is written', async () => {
    const site = fakeSite(() => html('<h1>502 Bad Gateway</h1>', 502));
    const result = await publishPost(
      settings,
      { title: 'Les indiscrets', content: '<p>x</p>' },
      {
        fetch: site.fetch,
      },
    );
    expect(result).toMatchObject({ ok: false, code: 'site_server_error', status: 502 });
    expect(site.fetch.mock.calls.every(([, init]) => (init.method ?? 'GET') === 'GET')).toBe(true);
  });

  it('still reports a site that answers normally without WordPress as not WordPress', async () => {
    const site = fakeSite((url) =>
      url.pathname === '/' && !url.searchParams.has('rest_route')
        ? html('<!doctype html><title>Pas WordPress</title><h1>Bonjour</h1>')
        : html('<h1>Introuvable</h1>', 404),
    );
    const result = await testConnection(settings, { fetch: site.fetch });
    expect(result).toMatchObject({ ok: false, code: 'not_wordpress' });
  });

  it('words the server error with its status, to try again later or ask the administrator', () => {
    expect(publishFailureText('site_server_error', { status: 503 }, 'fr')).toBe(
      'Le site a répondu par une erreur du serveur (code 503)\u00a0: il est peut-être momentanément indisponible. Réessayez plus tard, ou prévenez son administrateur si cela dure.',
    );
    expect(publishFailureText('site_server_error', { status: 503 }, 'en')).toBe(
      'The site answered with a server error (status 503): it may be down for a moment. Try again later, or tell its administrator if it lasts.',
    );
  });
});
