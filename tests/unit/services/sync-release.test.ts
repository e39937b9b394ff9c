import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_WINDOW_S, SyncEngine } from '../../../services/sync';
import { closeDesks, TestDesk, twoDesks, twoShared } from './desks';
import type { FakeDesk } from './fake-desk';

/**
 * A release of this desk's edit lock that did not reach WordPress (closed offline, the site
 * slow or failing, or answering from another address, or refusing the password) is kept and
 * sent again at the next run, so that colleagues stop seeing the record as being edited: unless
 * the editor opened it again meanwhile, or the lock has lapsed by then, or WordPress answered
 * it (a refusal is not asked again: the lock lapses on the server by itself).
 */

describe('sync engine: a lock released offline is released once back online', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  /** The lock requests the desk received since the log was emptied. */
  const lockRequests = () => server.log.filter((line) => line.endsWith('/lock'));
  /** Whether B, a colleague, may take the draft's lock now (and gives it back at once). */
  async function freeForB(id: string) {
    const answer = await b.engine.lock('draft', id);
    if (answer.ok) await b.engine.lock('draft', id, true);
    return answer.ok;
  }

  it('A closes X offline: kept, and the next run after the reconnect sends the one release; B may take X', async () => {
    const { x } = await twoShared(a, b);
    await a.engine.lock('draft', x.id);

    server.offline = true;
    expect(await a.engine.lock('draft', x.id, true)).toMatchObject({ ok: false, code: 'offline' });
    expect((await a.engine.state()).releases).toEqual([
      { key: `draft:${x.id}`, kind: 'draft', recordId: x.id, at: expect.any(String) },
    ]);
    // Still A's on WordPress: B is told A edits it.
    server.offline = false;
    expect(await freeForB(x.id)).toBe(false);
    // A run still offline keeps it (the desk polls on).
    server.offline = true;
    await a.sync();
    expect((await a.engine.state()).releases).toHaveLength(1);

    // Back online, after the background started again: the run sends it, once.
    server.offline = false;
    a.restart();
    server.log = [];
    await a.sync();
    const remoteId = server.byClientId('drafts', x.id)!.id;
    expect(lockRequests()).toEqual([`DELETE /indiscrets/v1/drafts/${remoteId}/lock`]);
    expect((await a.engine.state()).releases).toBeUndefined();
    expect(server.byClientId('drafts', x.id)!.lock).toBeUndefined();
    expect(await freeForB(x.id)).toBe(true);

    server.log = [];
    await a.sync();
    expect(lockRequests()).toEqual([]);
  });

  /** A 401 as a site that moved gives it: answered from `www.`, anonymous there. */
  function fromElsewhere(input: string) {
    const final = new URL(input);
    final.hostname = `www.${final.hostname}`;
    const answer = new Response(
      JSON.stringify({ code: 'rest_not_logged_in', message: 'Non', data: { status: 401 } }),
      { status: 401, headers: { 'Content-Type': 'application/json' } },
    );
    Object.defineProperty(answer, 'url', { value: final.href });
    return answer;
  }
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });

  // Before, any of these dropped the release: B was told A edited X until the lock lapsed.
  it.each([
    ['site_moved', fromElsewhere],
    [
      'wrong_credentials',
      () => json(401, { code: 'incorrect_password', message: 'Non', data: { status: 401 } }),
    ],
    [
      'blocked',
      () =>
        new Response('<html>Access denied</html>', {
          status: 403,
          headers: { 'Content-Type': 'text/html' },
        }),
    ],
    [
      'no_plugin',
      () => json(404, { code: 'rest_no_route', message: 'Non', data: { status: 404 } }),
    ],
  ] as const)(
    'A closes X while the site answers with no word of the lock (%s): kept, and sent by the first run once it answers again',
    async (code, trouble) => {
      const { x } = await twoShared(a, b);
      let troubled = false;
      const engine = new SyncEngine({
        db: a.db,
        settings: async () => server.settings('redac'),
        fetch: async (input: string, init: RequestInit = {}) =>
          troubled ? trouble(input) : server.fetch(input, init),
      });
      await engine.lock('draft', x.id);

      troubled = true;
      expect(await engine.lock('draft', x.id, true)).toMatchObject({ ok: false, code });
      expect((await engine.state()).releases?.map((r) => r.recordId)).toEqual([x.id]);
      // Still A's on WordPress; a run meeting the same trouble keeps it.
      expect(await freeForB(x.id)).toBe(false);
      await engine.run();
      expect((await engine.state()).releases).toHaveLength(1);

      // The site answers again (the redirect gone, the password or the plugin back): sent.
      troubled = false;
      server.log = [];
      await engine.run();
      const remoteId = server.byClientId('drafts', x.id)!.id;
      expect(lockRequests()).toEqual([`DELETE /indiscrets/v1/drafts/${remoteId}/lock`]);
      expect((await engine.state()).releases).toBeUndefined();
      expect(await freeForB(x.id)).toBe(true);
    },
  );

  it('A opens X again before the reconnect: no release is sent, and the take goes', async () => {
    const { x } = await twoShared(a, b);
    await a.engine.lock('draft', x.id);
    server.offline = true;
    await a.engine.lock('draft', x.id, true);
    // Opened again, still offline: the take fails, and cancels the release waiting.
    expect(await a.engine.lock('draft', x.id)).toMatchObject({ ok: false, code: 'offline' });
    expect((await a.engine.state()).releases).toBeUndefined();

    server.offline = false;
    server.log = [];
    await a.sync();
    expect(lockRequests()).toEqual([]);
    // The editor's renewal takes it; B is told A edits it.
    expect(await a.engine.lock('draft', x.id)).toEqual({ ok: true, lock: null });
    expect(lockRequests()).toEqual([
      `POST /indiscrets/v1/drafts/${server.byClientId('drafts', x.id)!.id}/lock`,
    ]);
    expect(await freeForB(x.id)).toBe(false);
  });

  it('A opens X again as the run sends its release: the take goes after it, and A holds X', async () => {
    const { x } = await twoShared(a, b);
    await a.engine.lock('draft', x.id);
    server.offline = true;
    await a.engine.lock('draft', x.id, true);
    server.offline = false;
    expect((await a.engine.state()).releases).toHaveLength(1);

    // The release is slow to reach WordPress; the take is asked while it is under way.
    let reach!: () => void;
    const slow = new Promise<void>((resolve) => (reach = resolve));
    let reached!: () => void;
    const atFetch = new Promise<void>((resolve) => (reached = resolve));
    let taking!: () => void;
    const takeAtFetch = new Promise<void>((resolve) => (taking = resolve));
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => server.settings('redac'),
      fetch: async (input: string, init: RequestInit = {}) => {
        if (init.method === 'DELETE') {
          reached();
          await slow;
        }
        if (init.method === 'POST') taking();
        return server.fetch(input, init);
      },
    });
    server.log = [];
    const run = engine.run();
    await atFetch;
    const take = engine.lock('draft', x.id);
    // The release goes on once the take reached WordPress before it (the order this test
    // refuses), else after a grace: a take waiting its turn never reaches it meanwhile. A slow
    // machine only gives the wrong order less time to show; it never fails the right one.
    await Promise.race([takeAtFetch, new Promise((resolve) => setTimeout(resolve, 50))]);
    reach();
    await Promise.all([run, take]);

    const remoteId = server.byClientId('drafts', x.id)!.id;
    expect(lockRequests()).toEqual([
      `DELETE /indiscrets/v1/drafts/${remoteId}/lock`,
      `POST /indiscrets/v1/drafts/${remoteId}/lock`,
    ]);
    expect(await freeForB(x.id)).toBe(false);
    expect((await a.engine.state()).releases).toBeUndefined();
  });

  it(`a release asked ${LOCK_WINDOW_S} s ago or more is dropped unsent: the lock has lapsed`, async () => {
    const { x, y } = await twoShared(a, b);
    let now = Date.parse('2027-03-15T10:00:00Z');
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => server.settings('redac'),
      fetch: server.fetch,
      isOnline: () => !server.offline,
      clock: () => new Date(now).toISOString(),
    });
    await engine.lock('draft', x.id);
    await engine.lock('draft', y.id);
    server.offline = true;
    await engine.lock('draft', x.id, true);
    now += 60_000;
    await engine.lock('draft', y.id, true);
    expect((await engine.state()).releases?.map((r) => r.recordId)).toEqual([x.id, y.id]);

    // Back online 150 s after X was closed, 90 s after Y: X's is dropped, Y's sent.
    now += (LOCK_WINDOW_S - 60) * 1000;
    server.offline = false;
    server.log = [];
    await engine.run();
    expect(lockRequests()).toEqual([
      `DELETE /indiscrets/v1/drafts/${server.byClientId('drafts', y.id)!.id}/lock`,
    ]);
    expect((await engine.state()).releases).toBeUndefined();
  });

  it('a release WordPress refuses (403) or has no record for (404) is not sent again; one it failed (5xx) is', async () => {
    const { x, y } = await twoShared(a, b);
    await a.engine.lock('draft', x.id);
    await a.engine.lock('draft', y.id);
    const answer = (status: number, code: string) =>
      new Response(JSON.stringify({ code, message: code, data: { status } }), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    let refuse: ((remoteId: number) => Response | undefined) | undefined;
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => server.settings('redac'),
      fetch: async (input: string, init: RequestInit = {}) => {
        const id = /drafts\/(\d+)\/lock/.exec(decodeURIComponent(input))?.[1];
        const refused = init.method === 'DELETE' && id ? refuse?.(Number(id)) : undefined;
        if (refused) {
          server.log.push(`DELETE refused ${id}`);
          return refused;
        }
        return server.fetch(input, init);
      },
    });
    const [xId, yId] = [x, y].map((d) => server.byClientId('drafts', d.id)!.id);
    refuse = (id) => (id === xId ? answer(403, 'rest_cannot_edit') : answer(502, 'bad_gateway'));
    expect(await engine.lock('draft', x.id, true)).toMatchObject({ code: 'forbidden' });
    expect(await engine.lock('draft', y.id, true)).toMatchObject({ code: 'server_error' });
    expect((await engine.state()).releases?.map((r) => r.recordId)).toEqual([y.id]);

    refuse = (id) => (id === yId ? answer(404, 'rest_post_invalid_id') : undefined);
    server.log = [];
    await engine.run();
    expect(server.log.filter((line) => line.startsWith('DELETE'))).toEqual([
      `DELETE refused ${yId}`,
    ]);
    expect((await engine.state()).releases).toBeUndefined();
  });
});
