import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, squash, until, type ExtensionSession } from './harness';

/**
 * A backup restored with its settings into a browser with no WordPress password, in Chromium
 * (test build): the backup names another site than this browser's (`http://localhost:<port>`,
 * granted). As after a change in the options, the background gives the old origin back; the
 * restored site, which only a click can have allowed, is said to be not allowed yet, with a
 * button to the WordPress settings, where « Tester la connexion » asks for it.
 * Build first: npm run build:test.
 */

/** The extension APIs the test uses from an extension page (`chrome` is its global). */
interface ChromeApis {
  permissions: { contains(query: { origins: string[] }): Promise<boolean> };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
    };
  };
}

describe('a restore that changes the WordPress address, in Chromium', () => {
  let session: ExtensionSession;
  let old: http.Server;
  let oldUrl = '';

  beforeAll(async () => {
    // The old address: a site still there (no redirect, so no move to note).
    old = http.createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ name: 'Ancien', namespaces: ['wp/v2'] }));
    });
    await new Promise<void>((resolve) => old.listen(0, '127.0.0.1', resolve));
    oldUrl = `http://localhost:${(old.address() as AddressInfo).port}`;
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    // The editor granted the old address when they set it (the prompt, which a headless browser
    // cannot show, answered through chrome://extensions).
    const extensions = await session.context.newPage();
    await extensions.goto('chrome://extensions/');
    await extensions.evaluate(
      (id) =>
        (
          globalThis as unknown as {
            chrome: { developerPrivate: { addHostPermission(id: string, host: string): unknown } };
          }
        ).chrome.developerPrivate.addHostPermission(id, 'http://localhost/*'),
      session.extensionId,
    );
    await extensions.close();
  });

  afterAll(async () => {
    await session?.close();
    old?.closeAllConnections();
    await new Promise((resolve) => old?.close(resolve));
  });

  it('gives the old site back, says the restored one is not allowed yet, and leads to « Tester la connexion »', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.setViewportSize({ width: 900, height: 900 });
    await options.getByTestId('backup-settings').waitFor();
    await options.evaluate(async (siteUrl) => {
      const api = (globalThis as unknown as { chrome: ChromeApis }).chrome;
      await api.storage.local.set({
        wordpress: { siteUrl, username: 'redac', category: 'Indiscrets', status: 'draft' },
      });
    }, oldUrl);
    const backup = {
      format: 'indiscrets-backup',
      version: 1,
      exportedAt: '2026-12-01T10:00:00.000Z',
      schemaVersion: 6,
      clips: [],
      issues: [],
      settings: {
        wordpress: {
          siteUrl: 'https://monsite.example',
          username: 'redaction',
          category: 'Coulisses',
          status: 'draft',
        },
      },
    };
    const [chooser] = await Promise.all([
      options.waitForEvent('filechooser'),
      options.getByRole('button', { name: 'Restaurer une sauvegarde…' }).click(),
    ]);
    await chooser.setFiles({
      name: 'indiscrets-sauvegarde.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup), 'utf8'),
    });
    const summary = options.getByTestId('backup-summary');
    await summary.getByRole('checkbox', { name: /Restaurer aussi les réglages/ }).check();
    await summary.getByRole('button', { name: 'Fusionner' }).click();

    // Restored settings reload the page; the message follows it.
    const status = options.getByTestId('backup-status');
    await until(
      () => status.textContent(),
      (text) => squash(text).includes('Réglages restaurés'),
      'the merge with the settings',
    );
    expect(squash(await status.textContent())).toContain(
      'Réglages restaurés ; le mot de passe WordPress n’a pas changé. ' +
        'Le site WordPress restauré (https://monsite.example) n’est pas encore autorisé dans ce ' +
        'navigateur : ouvrez les réglages WordPress et cliquez sur « Tester la connexion » ' +
        'pour l’autoriser.',
    );

    // The button brings the WordPress section: its field to fill (the password, none here) has
    // the keyboard, « Tester la connexion » beside it.
    await options.getByRole('button', { name: 'Ouvrir les réglages WordPress' }).click();
    const password = options.getByLabel('Mot de passe d’application');
    await until(
      () => password.evaluate((field) => field === document.activeElement),
      (yes) => yes,
      'the password field focused',
    );
    expect(await options.getByLabel('Adresse du site').inputValue()).toBe(
      'https://monsite.example',
    );
    await options
      .getByTestId('wordpress-settings')
      .getByRole('button', { name: 'Tester la connexion' })
      .waitFor();

    // The old origin, given back by the background once it was asked (no move: it answers).
    const read = () =>
      options.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: ChromeApis }).chrome;
        return {
          old: await api.permissions.contains({ origins: ['http://localhost/*'] }),
          leaves: (await api.storage.local.get('siteLeaves')).siteLeaves,
        };
      });
    const deadline = Date.now() + 8_000;
    let after = await read();
    while (after.old && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await read();
    }
    expect(after).toEqual({ old: false, leaves: [] });
    await options.close();
  });
});
