import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROLE_CHECK_MS, SyncEngine } from '../../../services/sync';
import { closeDesks, TestDesk, twoDesks } from './desks';
import type { FakeDesk } from './fake-desk';

/**
 * A site that answers at another address (`monjournal.fr` redirected to `www.`): the sync's
 * recorded error keeps the address it answers at, for the desk's sync line to name it as the
 * options' check does, wherever the run met it (a request of the run, the role's check, turning
 * the desk on).
 */

describe('sync engine: a site that moved is recorded with its new address', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  /**
   * A's browser with the site answering from `www.` (as `redirect: 'follow'` gives it), every
   * answer anonymous there; `ahead` moves its clock on (a role's check falls due).
   */
  function movedEngine(ahead = 0) {
    const asked: string[] = [];
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => server.settings('redac'),
      fetch: async (input: string, init: RequestInit = {}) => {
        asked.push(`${init.method ?? 'GET'} ${new URL(input).searchParams.get('rest_route')}`);
        const final = new URL(input);
        final.hostname = `www.${final.hostname}`;
        const answer = new Response(
          JSON.stringify({ code: 'rest_not_logged_in', message: 'Non', data: { status: 401 } }),
          { status: 401, headers: { 'Content-Type': 'application/json' } },
        );
        Object.defineProperty(answer, 'url', { value: final.href });
        return answer;
      },
      clock: () => new Date(Date.now() + ahead).toISOString(),
    });
    return { engine, asked };
  }

  it('keeps the address with the error of a run a request of which met it', async () => {
    await a.join();
    const { engine, asked } = movedEngine();

    const status = await engine.run();

    // The role was checked at joining: the run's first request met the move.
    expect(asked[0]).toMatch(/^GET \/indiscrets\/v1\/changes/);
    expect(status.lastError).toEqual({
      code: 'site_moved',
      at: expect.any(String),
      address: 'https://www.desk.test',
    });
  });

  it('keeps it when the role’s check, first in the run, met it', async () => {
    await a.join();
    const { engine, asked } = movedEngine(ROLE_CHECK_MS + 60_000);

    const status = await engine.run();

    expect(asked).toEqual(['GET /indiscrets/v1']);
    expect(status.lastError).toMatchObject({
      code: 'site_moved',
      address: 'https://www.desk.test',
    });
  });

  it('keeps it when turning the desk on met it: the options name it under the button', async () => {
    const { engine } = movedEngine();

    const status = await engine.enable();

    expect(status.enabled).toBe(false);
    expect(status.lastError).toMatchObject({
      code: 'site_moved',
      address: 'https://www.desk.test',
    });
  });

  it('forgets it once a run goes through again', async () => {
    await a.join();
    await movedEngine().engine.run();
    expect((await a.engine.state()).lastError?.address).toBe('https://www.desk.test');

    const status = await a.sync();

    expect(status.lastError).toBeUndefined();
  });
});
