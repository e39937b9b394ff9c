/**
 * Options › « Rédaction partagée » in the built test extension (Chromium) against the real
 * WordPress of the suite, where the companion plugin is active: the role and what it allows,
 * the plugin's zip offered to a site without the plugin, and the 401 messages (a wrong password,
 * and the right one through a server that drops the Authorization header).
 * Build first: INDISCRETS_TEST_BUILD=1 npx wxt build (npm run test:wordpress does it).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packPlugin } from '../../scripts/pack-plugin.mjs';
import { launchExtension, screenshotPath, type ExtensionSession } from '../browser/harness';
import { publishFailureText } from '../../components/publishFailureText';
import { dropping, serve, site, type TestServer } from './helpers';

const WRONG_PASSWORD = 'zzzz yyyy xxxx wwww vvvv uuuu';

describe('Options › Rédaction partagée, against a real WordPress', () => {
  let session: ExtensionSession;
  let options: Page;
  let bare: TestServer;

  /** Fills the WordPress settings and presses « Tester la connexion » (grants the origin). */
  async function connect(siteUrl: string, user: string, secret: string) {
    await options.getByLabel('Adresse du site').fill(siteUrl);
    await options.getByLabel('Identifiant WordPress').fill(user);
    await options.getByLabel('Mot de passe d’application').fill(secret);
    await options.getByRole('button', { name: 'Tester la connexion' }).click();
    const status = options.getByTestId('wp-status');
    await status.filter({ hasNotText: 'Vérification…' }).filter({ hasText: /\S/ }).waitFor();
  }

  /** The section's answer once the check is over: what it says about the role, or the problem. */
  async function deskAnswer(text: string | RegExp) {
    const section = options.getByTestId('shared-desk');
    const answer = section
      .getByTestId('desk-role')
      .or(section.getByTestId('desk-problem'))
      .filter({ hasText: text });
    await answer.waitFor({ timeout: 30_000 });
    return (await answer.innerText()).trim();
  }

  beforeAll(async () => {
    // A site that answers like WordPress without the plugin: its namespace is unknown.
    bare = await serve((_request, response) => {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          code: 'rest_no_route',
          message: 'No route was found matching the URL and request method.',
          data: { status: 404 },
        }),
      );
    });
    session = await launchExtension();
    options = await session.openExtensionPage('options.html');
    await options.setViewportSize({ width: 900, height: 1200 });
    await options.getByTestId('shared-desk').waitFor();
  });

  afterAll(async () => {
    await session?.close();
    await bare?.close();
  });

  it('asks for the WordPress settings first', async () => {
    await expect(deskAnswer('Réglez d’abord la connexion à WordPress')).resolves.toContain(
      'Réglez d’abord',
    );
  });

  it('tells a Contributor what they may do and what is up to an Editor', async () => {
    const { contributor } = site().newsroom;
    await connect(site().url, contributor.user, contributor.appPassword);

    await expect(deskAnswer('Contributeur')).resolves.toContain(
      'Vous êtes Contributeur\u00a0: vous pouvez proposer et écrire vos brouillons\u202f; l’ordre du numéro et la publication reviennent à un Éditeur.',
    );
  });

  it('tells an Editor they may order and publish the issue', async () => {
    const { editor } = site().newsroom;
    await connect(site().url, editor.user, editor.appPassword);

    await expect(deskAnswer('Éditeur :')).resolves.toContain(
      'Vous êtes Éditeur\u00a0: vous pouvez écrire tous les brouillons, ordonner le numéro et le publier.',
    );
    await options
      .getByTestId('shared-desk')
      .screenshot({ path: screenshotPath('shared-desk-options.png') });
  });

  // QA: a Subscriber was told « vous pouvez lire le numéro » and offered « Activer », which
  // failed with « Vérifiez la connexion »; the plugin answers `can.read: false` for them.
  it('tells a Subscriber the desk takes a Contributor, and offers no switch', async () => {
    const wp = site();
    await connect(wp.url, wp.subscriberUser, wp.subscriberAppPassword);

    await expect(deskAnswer('Abonné')).resolves.toContain(
      'Vous êtes Abonné\u00a0: la rédaction partagée demande au moins le rôle Contributeur',
    );
    await expect(
      options.getByRole('button', { name: 'Activer la rédaction partagée' }).count(),
    ).resolves.toBe(0);
  });

  it('names a refused application password (401), which the plugin saw reach WordPress', async () => {
    const { editor } = site().newsroom;
    await connect(site().url, editor.user, WRONG_PASSWORD);

    await expect(deskAnswer('(401)')).resolves.toContain(
      'WordPress refuse l’identifiant ou le mot de passe d’application (401). Corrigez-les ci-dessus.',
    );
  });

  it('says, for the right password, that the site’s server drops it before WordPress', async () => {
    const { editor } = site().newsroom;
    await connect(dropping(), editor.user, editor.appPassword);

    // The connection test above and the shared desk's check both say it.
    // The plugin saw no header reach PHP: the server, not the password.
    await expect(options.getByTestId('wp-status').innerText()).resolves.toBe(
      publishFailureText('auth_header_dropped', {}, 'fr'),
    );
    await expect(deskAnswer('(401)')).resolves.toContain(
      'Le serveur du site retire l’identification avant qu’elle n’arrive à WordPress (401)\u00a0: votre mot de passe d’application n’est pas en cause.',
    );
  });

  it('offers the plugin zip to a site without the plugin, and the link gives the plugin', async () => {
    await connect(bare.url, 'redac', 'abcd efgh ijkl mnop qrst uvwx');

    await expect(deskAnswer('n’est pas installée')).resolves.toContain(
      'L’extension WordPress «\u00a0Indiscrets\u00a0» n’est pas installée',
    );
    const link = options.getByRole('link', { name: /indiscrets-wordpress\.zip/ });
    await expect(link.getAttribute('download')).resolves.toBe('indiscrets-wordpress.zip');
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe(`chrome-extension://${session.extensionId}/indiscrets-wordpress.zip`);
    // The link works: the extension serves the same bytes as the packed plugin.
    const served = await options.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, bytes: [...new Uint8Array(await response.arrayBuffer())] };
    }, href);
    expect(served.status).toBe(200);
    const dir = await mkdtemp(path.join(tmpdir(), 'indiscrets-zip-'));
    try {
      const packed = await readFile(packPlugin({ out: path.join(dir, 'plugin.zip') }));
      expect(Buffer.from(served.bytes).equals(packed)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // Clicking it downloads the zip.
    const [download] = await Promise.all([options.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('indiscrets-wordpress.zip');
    await expect(options.getByTestId('desk-plugin-help').innerText()).resolves.toContain(
      'Téléverser une extension',
    );
  });
});
