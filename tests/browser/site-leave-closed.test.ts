import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openDesk, squash, until, type ExtensionSession } from './harness';

/**
 * The WordPress address changed in the options, the page closed at once, in Chromium (test
 * build): the old address (`http://localhost:<port>`, granted, slow, redirecting to the new one)
 * is still being asked whether the site moved when the editor closes the page. The background
 * does that check and the giving back, so both are done all the same: the old origin's
 * permission is gone afterwards, and the move noted. Before, the page's script did them and died
 * with it: the permission stayed, nothing noted.
 * Build first: npm run build:test.
 */

/** A node server on 127.0.0.1 answering with `handler`; its address and how to close it. */
async function serve(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The extension APIs the test reads from an extension page (`chrome` is its global). */
interface ChromeApis {
  permissions: { contains(query: { origins: string[] }): Promise<boolean> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

describe('the options page closed during the move check, in Chromium', () => {
  let session: ExtensionSession;
  let site: Awaited<ReturnType<typeof serve>>;
  let old: Awaited<ReturnType<typeof serve>>;
  const asked: string[] = [];

  beforeAll(async () => {
    // The new address: a WordPress, as its REST index says.
    site = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ name: 'Mon journal', namespaces: ['wp/v2'] }));
    });
    // The old one: slow (2.5 s, within the check's 4), then redirects there.
    old = await serve((request, response) => {
      asked.push(request.url ?? '');
      setTimeout(() => {
        response.writeHead(301, { Location: `http://127.0.0.1:${site.port}${request.url ?? '/'}` });
        response.end();
      }, 2_500);
    });
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    await grantLocalhost();
  });

  /**
   * The editor granted the old address when they set it (the prompt, which a headless browser
   * cannot show, answered through chrome://extensions).
   */
  async function grantLocalhost() {
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
  }

  afterAll(async () => {
    await session?.close();
    await site?.close();
    await old?.close();
  });

  it('gives the old origin back and notes the move though the page closed right after « Enregistrer »', async () => {
    const oldUrl = `http://localhost:${old.port}`;
    const newUrl = `http://127.0.0.1:${site.port}`;
    const options = await session.openExtensionPage('options.html');
    const form = options.getByTestId('wordpress-settings');
    const save = async (address: string) => {
      await options.getByLabel('Adresse du site').fill(address);
      await options.getByLabel('Identifiant WordPress').fill('redac');
      await options.getByLabel('Mot de passe d’application').fill('abcd efgh ijkl mnop');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
    };
    await save(oldUrl);
    const status = options.getByTestId('wp-status');
    await status.filter({ hasText: 'Enregistré.' }).waitFor();

    await save(newUrl);
    // The old address is being asked whether it moved (its REST index; the shared desk's section
    // asks its own route as the settings change): the editor closes the page.
    await until(
      async () => asked.includes('/?rest_route=/'),
      (yes) => yes,
      'the old address asked',
    );
    expect(squash(await status.textContent())).not.toBe('Enregistré.');
    await options.close();

    const desk = await openDesk(session);
    const read = () =>
      desk.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: ChromeApis }).chrome;
        return {
          old: await api.permissions.contains({ origins: ['http://localhost/*'] }),
          moves: (await api.storage.local.get('siteMoves')).siteMoves,
          leaves: (await api.storage.local.get('siteLeaves')).siteLeaves,
        };
      });
    // Within the check's bound and a little more.
    const deadline = Date.now() + 8_000;
    let after = await read();
    while (after.old && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await read();
    }
    expect(after.old).toBe(false);
    expect(after.moves).toEqual([{ from: oldUrl, to: newUrl, at: expect.any(String) }]);
    expect(after.leaves).toEqual([]);
    await desk.close();
  });

  it('shares the lock of the addresses left between the options page and the background', async () => {
    // storage/settings.ts SITE_LEAVES_LOCK: a save's write in the page and the background's drop
    // of a leave done, each a read then a write, wait for one another only if both see it.
    const options = await session.openExtensionPage('options.html');
    // Resolved once the page holds it (for 10 s, longer than the test needs).
    await options.evaluate(
      () =>
        new Promise<void>((held) => {
          void navigator.locks.request('indiscrets:siteLeaves', () => {
            held();
            return new Promise((resolve) => setTimeout(resolve, 10_000));
          });
        }),
    );
    const worker = session.context.serviceWorkers()[0]!;
    const names = () =>
      worker.evaluate(async () => (await navigator.locks.query()).held?.map((l) => l.name));
    expect(await names()).toContain('indiscrets:siteLeaves');
    await options.close();
    // The page closed lets its lock go: the background never waits for a page gone.
    await until(
      names,
      (held) => !held?.includes('indiscrets:siteLeaves'),
      'the lock let go with the page',
    );
  });

  it('notes a move from a folder to the root of its origin, the origin kept', async () => {
    // WordPress moved from /blog to the root of the same host, which redirects the folder there.
    const host = await serve((request, response) => {
      const url = request.url ?? '/';
      if (url.startsWith('/blog')) {
        response.writeHead(301, { Location: url.slice('/blog'.length) || '/' });
        response.end();
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ name: 'Mon journal', namespaces: ['wp/v2'] }));
    });
    try {
      await grantLocalhost();
      const folder = `http://localhost:${host.port}/blog`;
      const root = `http://localhost:${host.port}`;
      const options = await session.openExtensionPage('options.html');
      const form = options.getByTestId('wordpress-settings');
      const status = options.getByTestId('wp-status');
      for (const address of [folder, root]) {
        await options.getByLabel('Adresse du site').fill(address);
        await options.getByLabel('Identifiant WordPress').fill('redac');
        await options.getByLabel('Mot de passe d’application').fill('abcd efgh ijkl mnop');
        await form.getByRole('button', { name: 'Enregistrer' }).click();
        await status.filter({ hasText: 'Enregistré.' }).waitFor();
      }
      const after = await options.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: ChromeApis }).chrome;
        return {
          origin: await api.permissions.contains({ origins: ['http://localhost/*'] }),
          moves: (await api.storage.local.get('siteMoves')).siteMoves,
          leaves: (await api.storage.local.get('siteLeaves')).siteLeaves,
        };
      });
      expect(after.moves).toContainEqual({ from: folder, to: root, at: expect.any(String) });
      expect(after.origin).toBe(true);
      expect(after.leaves).toEqual([]);
      await options.close();
    } finally {
      await host.close();
    }
  });
});
