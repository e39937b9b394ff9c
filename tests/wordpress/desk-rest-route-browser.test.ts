/**
 * The shared desk from the built extension (test build) in real Chromium, on the suite's site
 * behind rules on `?rest_route=` (scripts/wordpress/php/router.php): /sans-route blocks it (its
 * REST root found at /sans-route/wp-json/ without the password), /vers-wp-json redirects it to
 * the site's own /wp-json/ (a write's redirect hidden by the browser, `opaqueredirect`, told by a
 * GET without the password). The desk joins, its local draft sent once, no site moved said.
 * Build first: INDISCRETS_TEST_BUILD=1 npx wxt build.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { localDraft } from '../browser/database';
import { launchSeeded } from '../browser/harness';
import {
  deskAccounts,
  openDesk,
  readStore,
  serverRecords,
  settled,
  sync,
  type Desk,
} from './desk-browsers';
import { site } from './helpers';

describe('the shared desk in Chromium on a site whose ?rest_route= is blocked or sent to /wp-json/', () => {
  let desk: Desk | undefined;

  afterEach(async () => {
    await desk?.session.close();
    desk = undefined;
  });

  for (const folder of ['/sans-route', '/vers-wp-json']) {
    it(`joins ${folder} and sends its draft there once`, async () => {
      const { editor } = deskAccounts();
      const id = `draft-${randomUUID()}`;
      const session = await launchSeeded(() => ({
        clips: [localDraft({ id, title: `Sans rest_route ${folder}`, body: '<p>Texte</p>' })],
      }));
      desk = await openDesk(editor, { siteUrl: `${site().url}${folder}`, session });
      await settled(desk);
      const state = await readStore<{ lastError?: unknown }>(desk.page, 'syncState', 'desk');
      expect(state.lastError).toBeUndefined();
      expect(await serverRecords(editor, 'drafts', id)).toHaveLength(1);
    });
  }

  it('keeps /sans-route’s REST root while the service worker sleeps, and forgets it when the desk is turned off', async () => {
    const { editor } = deskAccounts();
    const siteUrl = `${site().url}/sans-route`;
    const opened = await openDesk(editor, { siteUrl });
    desk = opened;
    await settled(opened);
    // storage.session, as extension pages and the worker read it.
    const kept = () =>
      opened.page.evaluate(async () => {
        type Area = { get(key: string): Promise<Record<string, unknown>> };
        const api = (globalThis as unknown as { chrome: { storage: { session: Area } } }).chrome;
        return (await api.storage.session.get('deskBase')).deskBase ?? null;
      });
    const root = { siteUrl, username: editor.user, base: `${siteUrl}/wp-json/` };
    expect(await kept()).toEqual(root);
    // Chrome stops the idle worker; the next sync wakes another, which asks at the root kept.
    const cdp = await opened.session.context.newCDPSession(opened.page);
    let stopped = false;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.runningStatus === 'stopped')) stopped = true;
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => stopped, { timeout: 30_000 }).toBe(true);
    await sync(opened);
    const state = await readStore<{ lastError?: unknown }>(opened.page, 'syncState', 'desk');
    expect(state.lastError).toBeUndefined();
    expect(await kept()).toEqual(root);
    // The desk turned off: forgotten.
    await opened.page.evaluate(async () => {
      type Runtime = { sendMessage(message: unknown): Promise<unknown> };
      const api = (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome;
      await api.runtime.sendMessage({ indiscrets: 1, type: 'syncDisable' });
    });
    expect(await kept()).toBeNull();
  });
});
