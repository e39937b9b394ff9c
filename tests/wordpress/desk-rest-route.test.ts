import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createRecord,
  discoverDesk,
  findRecord,
  pullChanges,
  type DeskSettings,
} from '../../wordpress/desk-client';
import { site } from './helpers';

/**
 * The suite's site behind rules on `?rest_route=` (scripts/wordpress/php/router.php): under
 * /sans-route it is blocked (a 404 page), under /vers-wp-json it is redirected (301) to the same
 * route under /vers-wp-json/wp-json/; under /ecrit-sans-route only writes are blocked (a 403
 * page). The shared desk joins, reads and writes at the site's own REST root, the record made on
 * the suite's WordPress.
 */
function editor(siteUrl: string): DeskSettings {
  const wp = site();
  return {
    siteUrl,
    username: wp.newsroom.editor.user,
    appPassword: wp.newsroom.editor.appPassword,
  };
}

describe('the shared desk on a site whose ?rest_route= is blocked or sent to /wp-json/', () => {
  for (const folder of ['/sans-route', '/vers-wp-json', '/ecrit-sans-route']) {
    it(`joins, reads and writes there (${folder}), not told the site moved`, async () => {
      const settings = editor(`${site().url}${folder}`);
      const id = randomUUID();
      expect(await discoverDesk(settings)).toMatchObject({ ok: true });
      expect(await pullChanges(settings, 'drafts', undefined, { perPage: 5 })).toMatchObject({
        ok: true,
      });
      const created = await createRecord(settings, 'drafts', {
        title: 'Sans rest_route',
        content: '<p>Texte</p>',
        meta: { clientId: id },
      } as never);
      expect(created).toMatchObject({ ok: true });
      expect(await findRecord(editor(site().url), 'drafts', id)).toMatchObject({
        ok: true,
        record: { id: created.ok ? created.record.id : -1 },
      });
    });
  }
});
