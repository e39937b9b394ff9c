import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../services/sync';
import { saveDraft } from '../../../storage/draft-records';
import { closeDesks, TestDesk, twoDesks } from '../services/desks';
import type { FakeDesk } from '../services/fake-desk';

/** One browser of the newsroom on the fake desk, which clips pages. */
class Desk extends TestDesk {
  async clip(url: string) {
    const { clip: draft } = await saveDraft(
      {
        metadata: { url, title: 'Le ministre et le yacht', siteName: 'Exemple' },
        selection: { text: '« Je ne savais pas »', html: '<p>« Je ne savais pas »</p>' },
      } as never,
      this.db,
    );
    return draft;
  }
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/**
 * What WordPress answers a request it did not identify (the credentials wrong, or dropped by the
 * server on the way, as tests/wordpress/auth-dropped.test.ts sees it): the plugin's public index
 * with no user, and a 401 from every permission check.
 */
function anonymousAnswer(input: string): Response {
  const route = new URL(input).searchParams.get('rest_route') ?? '';
  if (route === '/indiscrets/v1') {
    return json(200, {
      plugin: { name: 'indiscrets', version: '0.1.8' },
      user: null,
      can: {},
      lockWindow: 150,
    });
  }
  return json(401, {
    code: 'indiscrets_cannot_read',
    message: 'Sorry, your role on this site does not give access to the shared desk.',
    data: { status: 401, needs: 'contributor' },
  });
}

describe('the sync engine facing credentials answered as to an anonymous visitor', () => {
  let server: FakeDesk;
  let a: Desk;
  let b: Desk;
  beforeEach(() => {
    ({ server, a, b } = twoDesks(Desk));
  });
  afterEach(() => closeDesks(a, b));

  it('stops its run on a write so answered, the outbox kept, as for a refused password', async () => {
    await a.join();
    const draft = await a.clip('https://exemple.fr/1');
    // The site identifies the reads, not the writes (a proxy that drops the header of a POST).
    const dropping = new SyncEngine({
      db: a.db,
      settings: async () => server.settings('redac'),
      fetch: async (input: string, init: RequestInit = {}) => {
        return init.method && init.method !== 'GET'
          ? anonymousAnswer(input)
          : server.fetch(input, init);
      },
    });

    const status = await dropping.run();

    expect(status).toMatchObject({ pending: 1, lastError: { code: 'credentials_unseen' } });
    expect(server.byClientId('drafts', draft.id)).toBeUndefined();
    // Nothing was taken for refused: the same outbox goes through once the site identifies it.
    expect(await a.sync()).toMatchObject({ pending: 0 });
    expect(server.byClientId('drafts', draft.id)).toBeDefined();
  });

  it('stops its run on a header the plugin saw dropped, the outbox kept, and says so', async () => {
    await a.join();
    const draft = await a.clip('https://exemple.fr/1');
    // The writes reach PHP without the header: the plugin's discovery (0.1.9) says none came.
    const dropping = new SyncEngine({
      db: a.db,
      settings: async () => server.settings('redac'),
      fetch: async (input: string, init: RequestInit = {}) => {
        const asked = new URL(input).searchParams;
        if (
          asked.get('rest_route') === '/indiscrets/v1' &&
          asked.get('_fields') === 'plugin,user,authorization'
        ) {
          return json(200, {
            plugin: { name: 'indiscrets', version: '0.1.9' },
            user: null,
            authorization: false,
          });
        }
        return init.method && init.method !== 'GET'
          ? anonymousAnswer(input)
          : server.fetch(input, init);
      },
    });

    const status = await dropping.run();

    expect(status).toMatchObject({ pending: 1, lastError: { code: 'auth_header_dropped' } });
    expect(server.byClientId('drafts', draft.id)).toBeUndefined();
    expect(await a.sync()).toMatchObject({ pending: 0 });
    expect(server.byClientId('drafts', draft.id)).toBeDefined();
  });

  it('asks who an e-mail is once a minute while the site answers it anonymously', async () => {
    await a.join();
    const draft = await a.clip('https://exemple.fr/1');
    await a.sync();
    server.aliases.set('redac@exemple.fr', 'redac');
    let time = Date.parse('2026-03-15T10:00:00Z');
    const asked: string[] = [];
    const byMail = new SyncEngine({
      db: a.db,
      settings: async () => ({ ...server.settings('redac'), username: 'redac@exemple.fr' }),
      fetch: async (input: string) => {
        asked.push(new URL(input).searchParams.get('rest_route') ?? '');
        return anonymousAnswer(input);
      },
      clock: () => new Date(time).toISOString(),
    });
    const questions = () => asked.filter((route) => route === '/indiscrets/v1').length;

    const first = await byMail.run();
    expect(first).toMatchObject({ lastError: { code: 'credentials_unseen' } });
    const once = questions();
    expect(once).toBeGreaterThan(0);
    // Within the minute, a lock and another run ask nothing more: each 401 is one more that
    // login-limiting plugins count.
    time += 30_000;
    expect(await byMail.lock('draft', draft.id)).toMatchObject({
      ok: false,
      code: 'credentials_unseen',
    });
    expect(await byMail.run()).toMatchObject({ lastError: { code: 'credentials_unseen' } });
    expect(questions()).toBe(once);
    time += 31_000;
    await byMail.run();
    expect(questions()).toBeGreaterThan(once);
  });
});
