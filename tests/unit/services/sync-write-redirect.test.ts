import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../services/sync';
import { updateDraft } from '../../../storage/drafts';
import { closeDesks, TestDesk, twoDesks, twoShared } from './desks';
import { FakeDesk } from './fake-desk';

/**
 * A site whose web server answers the desk's writes (any method but GET) with a 307 to another
 * folder of its host (`monjournal.fr/blog/…` to `monjournal.fr/…`, another site of a network with
 * the same users), its reads as before: the write is not replayed there (wordpress/transport.ts),
 * the run stops as for a site that moved, and the change waits for the settings to be fixed.
 */
describe('sync engine: a desk write the site redirects', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  /** A's browser while the site redirects its writes; `landed`: writes replayed at the target. */
  function redirectingWrites() {
    const landed: string[] = [];
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => server.settings('redac'),
      fetch: async (input: string, init: RequestInit = {}) => {
        const method = (init.method ?? 'GET').toUpperCase();
        if (method === 'GET') return server.fetch(input, init);
        const target = new URL(input);
        target.pathname = '/ailleurs/';
        if (init.redirect === 'manual') {
          return new Response(null, { status: 307, headers: { Location: target.href } });
        }
        // Followed, as a browser does a 307: the same write at the target.
        landed.push(`${method} ${target.href}`);
        return server.fetch(target.href, init);
      },
    });
    return { engine, landed };
  }

  it('sends nothing to the target, keeps the change queued and says the server redirected it', async () => {
    const { x } = await twoShared(a, b);
    await updateDraft(x.id, { title: 'X corrigé' }, a.db);
    const { engine, landed } = redirectingWrites();

    const status = await engine.run();

    expect(landed).toEqual([]);
    // Its REST index (closed to anonymous visitors) answers at the address itself: not a move.
    expect(status.lastError).toMatchObject({ code: 'write_redirected' });
    expect(status.lastError?.address).toBeUndefined();
    expect(await a.db.outbox.count()).toBe(1);
    expect(server.byClientId('drafts', x.id)!.title).toBe('X');
  });

  it('sends the waiting change once the site answers the write itself (the settings fixed)', async () => {
    const { x } = await twoShared(a, b);
    await updateDraft(x.id, { title: 'X corrigé' }, a.db);
    await redirectingWrites().engine.run();

    const status = await a.engine.run();

    expect(status.lastError).toBeUndefined();
    expect(status.pending).toBe(0);
    expect(server.byClientId('drafts', x.id)!.title).toBe('X corrigé');
  });
});
