/**
 * Options › « Rédaction partagée » in the built test extension (Chromium), for a site whose
 * `?rest_route=` is refused with a page and whose REST API answers only at a prefix of two
 * segments (`/api/v1/`, named by its home page's Link header; `/wp-json/` a 404 page too): the
 * desk sends the password nowhere else (a sub-site under the root has that shape), and the check
 * says what to ask the site's administrator (wordpress/desk-client.ts, `rest_route_blocked`).
 * Build first: INDISCRETS_TEST_BUILD=1 npx wxt build (npm run test:wordpress does it).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from '../browser/harness';
import { serve, type TestServer } from './helpers';

describe('Options › Rédaction partagée, a site refusing ?rest_route= with its API at /api/v1/', () => {
  let session: ExtensionSession;
  let options: Page;
  let blocked: TestServer;
  /** The addresses asked with the password, outside `?rest_route=`. */
  const withPassword: string[] = [];

  beforeAll(async () => {
    blocked = await serve((request, response) => {
      const url = new URL(request.url ?? '/', 'http://site.test');
      if (request.headers.authorization && !url.searchParams.has('rest_route')) {
        withPassword.push(url.pathname);
      }
      if (url.pathname.startsWith('/api/v1/')) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ plugin: { name: 'indiscrets', version: '0.1.10' } }));
        return;
      }
      if (url.pathname === '/' && !url.searchParams.has('rest_route')) {
        response.writeHead(200, {
          'content-type': 'text/html',
          link: `<http://${request.headers.host}/api/v1/>; rel="https://api.w.org/"`,
        });
        response.end('<html><body>La Une</body></html>');
        return;
      }
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<html><body>Not Found</body></html>');
    });
    session = await launchExtension();
    options = await session.openExtensionPage('options.html');
    await options.setViewportSize({ width: 900, height: 1200 });
    await options.getByTestId('shared-desk').waitFor();
  });

  afterAll(async () => {
    await session?.close();
    await blocked?.close();
  });

  it('says to ask the administrator to let rest_route through or to serve the API at /wp-json/', async () => {
    await options.getByLabel('Adresse du site').fill(blocked.url);
    await options.getByLabel('Identifiant WordPress').fill('redac');
    await options.getByLabel('Mot de passe d’application').fill('abcd efgh ijkl mnop qrst uvwx');
    await options.getByRole('button', { name: 'Tester la connexion' }).click();
    const problem = options
      .getByTestId('shared-desk')
      .getByTestId('desk-problem')
      .filter({ hasText: 'rest_route' });
    await problem.waitFor({ timeout: 30_000 });
    expect((await problem.innerText()).trim()).toBe(
      'Le site refuse les adresses de son API REST qui passent par le paramètre «\u00a0rest_route\u00a0» (une extension de sécurité ou une règle du serveur), et Indiscrets ne trouve cette API nulle part ailleurs dans le dossier du site (ni à /wp-json/, ni à un préfixe d’un seul niveau comme /api/)\u00a0: la rédaction partagée ne peut pas y travailler. Demandez à l’administrateur du site d’autoriser le paramètre «\u00a0rest_route\u00a0» (lectures et écritures), ou de laisser l’API REST à /wp-json/.',
    );
    // The desk's probes went without the password (publishing's own connection test aside).
    expect(withPassword.filter((path) => path.includes('indiscrets'))).toEqual([]);
  });
});
