import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../services/sync';
import { updateDraft } from '../../../storage/drafts';
import { closeDesks, TestDesk, twoDesks, twoShared } from './desks';
import { FakeDesk } from './fake-desk';

/**
 * A site whose web server redirects the desk's writes only, its REST index answering at the
 * settings' address itself: the site did not move, no address in the settings would help
 * (wordpress/errors.ts `write_redirected`). The run stops, the change waits, and the sync line
 * says what happened rather than sending the editor to a connection test that passes.
 */
describe('sync engine: writes redirected by a site that did not move', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  it('stops the run on write_redirected and keeps the change queued', async () => {
    const { x } = await twoShared(a, b);
    await updateDraft(x.id, { title: 'X corrigé' }, a.db);
    const landed: string[] = [];
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => server.settings('redac'),
      fetch: async (input: string, init: RequestInit = {}) => {
        const method = (init.method ?? 'GET').toUpperCase();
        if (method === 'GET' && new URL(input).searchParams.get('rest_route') === '/') {
          // WordPress's public REST index, answered here, from here.
          return new Response(JSON.stringify({ name: 'Site', namespaces: ['wp/v2'] }), {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          });
        }
        if (method === 'GET') return server.fetch(input, init);
        if (init.redirect === 'manual') {
          return new Response(null, { status: 308, headers: { Location: `${input}/` } });
        }
        landed.push(`${method} ${input}`);
        return server.fetch(input, init);
      },
    });

    const status = await engine.run();

    expect(landed).toEqual([]);
    expect(status.lastError).toMatchObject({ code: 'write_redirected' });
    expect(await a.db.outbox.count()).toBe(1);
    expect(server.byClientId('drafts', x.id)!.title).toBe('X');
  });
});
