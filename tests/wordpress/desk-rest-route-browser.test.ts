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
});
