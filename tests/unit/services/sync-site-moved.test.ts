import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { movedAddress, ROLE_CHECK_MS, SyncEngine } from '../../../services/sync';
import { updateDraft } from '../../../storage/drafts';
import { noteSiteMove } from '../../../storage/settings';
import {
  createIssue,
  markPublished,
  recordPublishIntent,
  updateIssue,
} from '../../../storage/issues';
import { IndiscretsDB } from '../../../storage/db';
import { addDraft } from '../storage/helpers';
import { closeDesks, TestDesk, twoDesks, twoShared } from './desks';
import { FakeDesk } from './fake-desk';

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
   * answer anonymous there; `ahead` moves its clock on (a role's check falls due); `username`
   * the login the settings give.
   */
  function movedEngine(ahead = 0, username = 'redac') {
    const asked: string[] = [];
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => ({ ...server.settings('redac'), username }),
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

  it('gives it with the count asked before turning the desk on: the options name it too', async () => {
    const { engine } = movedEngine();

    const plan = await engine.plan();

    expect(plan).toEqual({ ok: false, code: 'site_moved', address: 'https://www.desk.test' });
  });

  it('keeps it when the settings name the user by another name, asked first: who it is', async () => {
    await a.join();
    server.aliases.set('redac@desk.test', 'redac');
    const { engine } = movedEngine(0, 'redac@desk.test');

    const status = await engine.run();

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

/**
 * The editor does what the sync line says: puts the address the site moved to in the settings.
 * The desk follows its site there (the same desk, the same user): its waiting changes and lock
 * releases go to it, where the sync took the settings for another site's, sent nothing, and asked
 * to leave and rejoin. Any other address stays another site: nothing of this desk's goes there.
 */
describe('sync engine: the desk follows its site to the address it moved to', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  const NEW = 'https://www.desk.test';

  /**
   * A's browser once the site moved: `desk.test` redirects to `www.desk.test` (answered from
   * there, anonymous, as `redirect: 'follow'` gives it), and every other host is served by `at`
   * (the same desk unless said). `settings` names `siteUrl` as the editor typed it, as `username`.
   */
  function afterTheMove(siteUrl: string, options: { at?: FakeDesk; username?: string } = {}) {
    const hosts: string[] = [];
    const at = options.at ?? server;
    const username = options.username ?? 'redac';
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => ({ ...server.settings(username), siteUrl }),
      fetch: async (input: string, init: RequestInit = {}) => {
        const url = new URL(input);
        hosts.push(url.hostname);
        if (url.hostname !== 'desk.test') return at.fetch(input, init);
        url.hostname = `www.${url.hostname}`;
        const answer = new Response(
          JSON.stringify({ code: 'rest_not_logged_in', message: 'Non', data: { status: 401 } }),
          { status: 401, headers: { 'Content-Type': 'application/json' } },
        );
        Object.defineProperty(answer, 'url', { value: url.href });
        return answer;
      },
    });
    return { engine, hosts };
  }

  /** A edits X and closes it while the site answers from `www.`: both wait. */
  async function waitingForTheMove() {
    const { x } = await twoShared(a, b);
    await a.engine.lock('draft', x.id);
    await updateDraft(x.id, { title: 'X corrigé' }, a.db);
    const moved = afterTheMove(server.url);
    expect(await moved.engine.lock('draft', x.id, true)).toMatchObject({ code: 'site_moved' });
    await moved.engine.run();
    const state = await a.engine.state();
    expect(state.lastError).toMatchObject({ code: 'site_moved', address: NEW });
    expect(state.releases).toHaveLength(1);
    expect(await a.db.outbox.count()).toBe(1);
    return x;
  }

  it('takes the address the site said it moved to: the waiting change and release go there, the line reads as normal', async () => {
    const x = await waitingForTheMove();
    const { engine, hosts } = afterTheMove(NEW);

    const status = await engine.run();

    expect(status.siteUrl).toBe(NEW);
    expect(status.lastError).toBeUndefined();
    expect(status.pending).toBe(0);
    expect(status.releases).toBeUndefined();
    expect(server.byClientId('drafts', x.id)!.title).toBe('X corrigé');
    expect(server.byClientId('drafts', x.id)!.lock).toBeUndefined();
    // The move recorded with the error: the old address is not asked again.
    expect(hosts).not.toContain('desk.test');
    // Followed once: the next run goes on at the new address as at any other.
    hosts.length = 0;
    await updateDraft(x.id, { title: 'X corrigé deux fois' }, a.db);
    expect((await engine.run()).lastError).toBeUndefined();
    expect(server.byClientId('drafts', x.id)!.title).toBe('X corrigé deux fois');
    expect(new Set(hosts)).toEqual(new Set(['www.desk.test']));
  });

  it('takes it when the move was not recorded: the desk’s address, asked, redirects there', async () => {
    const x = await waitingForTheMove();
    // A failure since written over the one that named the address (offline a moment).
    await a.db.syncState.update('desk', { lastError: { code: 'offline', at: '2026-03-15' } });
    const { engine, hosts } = afterTheMove(NEW);

    const status = await engine.run();

    expect(hosts[0]).toBe('desk.test');
    expect(status.siteUrl).toBe(NEW);
    expect(status.lastError).toBeUndefined();
    expect(server.byClientId('drafts', x.id)!.title).toBe('X corrigé');
  });

  it('a lock taken with the new address in the settings follows the site too', async () => {
    const x = await waitingForTheMove();
    const { engine } = afterTheMove(NEW);

    expect(await engine.lock('draft', x.id)).toEqual({ ok: true, lock: null });

    expect((await engine.state()).siteUrl).toBe(NEW);
    expect(server.byClientId('drafts', x.id)!.lock).toBeDefined();
  });

  it('another address than the one the site moved to stays another site: nothing is sent there', async () => {
    const x = await waitingForTheMove();
    // The same WordPress would answer there (the fake serves every host): only the move proves.
    const { engine, hosts } = afterTheMove('https://autre-redaction.test');

    const status = await engine.run();

    expect(status.siteUrl).toBe(server.url);
    expect(status.lastError).toMatchObject({ code: 'account_changed' });
    expect(status.pending).toBe(1);
    expect(status.releases).toHaveLength(1);
    expect(hosts).not.toContain('autre-redaction.test');
    expect(server.byClientId('drafts', x.id)!.title).toBe('X');
  });

  it('another newsroom’s site with the same login: its password is not sent to the desk’s old address', async () => {
    const { x } = await twoShared(a, b);
    await updateDraft(x.id, { title: 'X corrigé' }, a.db);
    const sent: string[] = [];
    // The desk's site has not moved: the settings now name another WordPress, its own password.
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => ({
        siteUrl: 'https://autre-redaction.test',
        username: 'redac',
        appPassword: 'mot-de-passe-de-l-autre-redaction',
      }),
      fetch: async (input: string, init: RequestInit = {}) => {
        const auth = new Headers(init.headers).get('Authorization') ?? '';
        sent.push(`${new URL(input).hostname} ${atob(auth.replace(/^Basic /, ''))}`);
        return server.fetch(input, init);
      },
    });

    const status = await engine.run();

    expect(status.lastError).toMatchObject({ code: 'account_changed' });
    // The old address was asked whether it redirects, without the other site's password.
    expect(sent).toEqual(['desk.test redac:']);
    expect(server.byClientId('drafts', x.id)!.title).toBe('X');
  });

  it('the address it moved to, with another login, stays another account', async () => {
    await waitingForTheMove();
    const { engine, hosts } = afterTheMove(NEW, { username: 'auteur' });

    const status = await engine.run();

    expect(status.siteUrl).toBe(server.url);
    expect(status.lastError).toMatchObject({ code: 'account_changed' });
    expect(status.pending).toBe(1);
    expect(hosts).toEqual([]);
  });

  it('a desk at that address without this desk’s records is another site (the redirect led elsewhere)', async () => {
    const x = await waitingForTheMove();
    // Another WordPress with the plugin, and the same user as the same id.
    const elsewhere = new FakeDesk();
    elsewhere.addUser('redac', 'Rédaction', 'editor');
    const { engine } = afterTheMove(NEW, { at: elsewhere });

    const status = await engine.run();

    expect(status.siteUrl).toBe(server.url);
    expect(status.lastError).toMatchObject({ code: 'account_changed' });
    expect(status.pending).toBe(1);
    expect(status.releases).toHaveLength(1);
    expect(elsewhere.all('drafts')).toEqual([]);
    expect(server.byClientId('drafts', x.id)!.title).toBe('X');
  });

  /**
   * A's browser once the options gave the desk's old address's permission back: nothing of
   * `desk.test` can be read (its redirect fails as if unreachable); `www.desk.test` is the desk.
   */
  function unreadableOld(moved?: (from: string, to: string) => Promise<boolean>) {
    const hosts: string[] = [];
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => ({ ...server.settings('redac'), siteUrl: NEW }),
      fetch: async (input: string, init: RequestInit = {}) => {
        const url = new URL(input);
        hosts.push(url.hostname);
        if (url.hostname === 'desk.test') throw new TypeError('Failed to fetch');
        return server.fetch(input, init);
      },
      ...(moved ? { moved } : {}),
    });
    return { engine, hosts };
  }

  it('takes the move the options proved when the desk’s old address can no longer be read', async () => {
    fakeBrowser.reset();
    const x = await waitingForTheMove();
    await a.db.syncState.update('desk', { lastError: { code: 'offline', at: '2026-03-15' } });
    // The options asked desk.test as the editor changed the address: it redirected to www.
    await noteSiteMove({ from: server.url, to: NEW, at: '2026-03-15T10:00:00.000Z' });
    const { engine, hosts } = unreadableOld();

    const status = await engine.run();

    expect(hosts[0]).toBe('desk.test');
    expect(status.siteUrl).toBe(NEW);
    expect(status.lastError).toBeUndefined();
    expect(server.byClientId('drafts', x.id)!.title).toBe('X corrigé');
  });

  it('without that proof, an old address it cannot read leaves the settings another site’s', async () => {
    const x = await waitingForTheMove();
    await a.db.syncState.update('desk', { lastError: { code: 'offline', at: '2026-03-15' } });
    const moved = vi.fn(async () => false);
    const { engine } = unreadableOld(moved);

    const status = await engine.run();

    expect(moved).toHaveBeenCalledWith(server.url, NEW);
    expect(status.siteUrl).toBe(server.url);
    expect(status.pending).toBe(1);
    expect(server.byClientId('drafts', x.id)!.title).toBe('X');
  });

  it('the new address not reached: nothing is sent nor forgotten, followed once it answers', async () => {
    const x = await waitingForTheMove();
    const { engine } = afterTheMove(NEW);
    server.offline = true;

    const offline = await engine.run();

    expect(offline.siteUrl).toBe(server.url);
    expect(offline.lastError).toMatchObject({ code: 'unreachable' });
    expect(offline.pending).toBe(1);

    // The error naming the move written over: the desk's address, asked, still redirects there.
    server.offline = false;
    const back = await engine.run();

    expect(back.siteUrl).toBe(NEW);
    expect(back.lastError).toBeUndefined();
    expect(server.byClientId('drafts', x.id)!.title).toBe('X corrigé');
  });
});

/**
 * The issues published on the site before it moved: their post's record names the old address,
 * and the publish panel said « publié sur un autre site » and would have created a new post. The
 * desk following its site takes them along, in the same write; posts of any other site stay.
 */
describe('sync engine: the desk following its site takes its published posts along', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  const OLD = 'https://desk.test';
  const NEW = 'https://www.desk.test';

  /** A's browser with the settings at `siteUrl`, `desk.test` redirecting to `www.`. */
  function movedTo(siteUrl: string) {
    return new SyncEngine({
      db: a.db,
      settings: async () => ({ ...server.settings('redac'), siteUrl }),
      fetch: async (input: string, init: RequestInit = {}) => {
        const url = new URL(input);
        if (url.hostname !== 'desk.test') return server.fetch(input, init);
        url.hostname = `www.${url.hostname}`;
        const answer = new Response(
          JSON.stringify({ code: 'rest_not_logged_in', message: 'Non', data: { status: 401 } }),
          { status: 401, headers: { 'Content-Type': 'application/json' } },
        );
        Object.defineProperty(answer, 'url', { value: url.href });
        return answer;
      },
    });
  }

  /**
   * On the desk before the move: issue `here` published on its site, `elsewhere` on another
   * site, `creating` with a post's creation under way on its site. Then a run meets the move.
   */
  async function publishedBeforeTheMove() {
    await a.join();
    const post = (siteUrl: string, postId: number) => ({
      postId,
      link: `${siteUrl}/2026/03/15/les-indiscrets-${postId}/`,
      modifiedGmt: '2026-03-15T09:02:00',
      publishedAt: '2026-03-15T09:02:00.000Z',
      siteUrl,
    });
    const here = await createIssue({ title: 'Du 15 mars', date: '2026-03-15' }, a.db);
    await markPublished(here.id, post(OLD, 812), a.db);
    const elsewhere = await createIssue({ title: 'Du 8 mars', date: '2026-03-08' }, a.db);
    await markPublished(elsewhere.id, post('https://autre-redaction.test', 40), a.db);
    const creating = await createIssue({ title: 'Du 22 mars', date: '2026-03-22' }, a.db);
    await recordPublishIntent(
      creating.id,
      { slug: 'du-22-mars-abcd1234', siteUrl: OLD, startedAt: '2026-03-22T09:00:00.000Z' },
      a.db,
    );
    await a.sync();
    expect(await a.db.outbox.count()).toBe(0);
    await movedTo(OLD).run();
    expect((await a.engine.state()).lastError).toMatchObject({ code: 'site_moved' });
    return { here, elsewhere, creating };
  }

  it('rewrites the posts recorded at the old address, their link under it too, with nothing queued', async () => {
    const { here, elsewhere, creating } = await publishedBeforeTheMove();
    const before = (await a.db.issues.get(here.id))!;

    const status = await movedTo(NEW).run();

    expect(status.siteUrl).toBe(NEW);
    expect((await a.db.issues.get(here.id))!.wordpress).toMatchObject({
      postId: 812,
      siteUrl: NEW,
      link: `${NEW}/2026/03/15/les-indiscrets-812/`,
      modifiedGmt: '2026-03-15T09:02:00',
    });
    expect((await a.db.issues.get(creating.id))!.publishing).toMatchObject({
      slug: 'du-22-mars-abcd1234',
      siteUrl: NEW,
    });
    // Another site's post is not the moved site's.
    expect((await a.db.issues.get(elsewhere.id))!.wordpress).toMatchObject({
      siteUrl: 'https://autre-redaction.test',
      link: 'https://autre-redaction.test/2026/03/15/les-indiscrets-40/',
    });
    // Not the editor's edit: nothing is sent for it, nor written over a colleague's.
    expect(status.pending).toBe(0);
    expect((await a.db.issues.get(here.id))!.updatedAt).toBe(before.updatedAt);
  });

  it('the issue edited after, the desk’s copy on the server takes the new address with it', async () => {
    const { here } = await publishedBeforeTheMove();
    const engine = movedTo(NEW);
    await engine.run();

    await updateIssue(here.id, { title: 'Du 15 mars, corrigé' }, a.db);
    expect((await engine.run()).lastError).toBeUndefined();

    const meta = server.byClientId('issues', here.id)!.meta as { wordpress: { siteUrl: string } };
    expect(meta.wordpress).toMatchObject({ postId: 812, siteUrl: NEW });
  });

  it('settings naming another site than the one it moved to leave the posts as they were', async () => {
    const { here } = await publishedBeforeTheMove();

    const status = await movedTo('https://autre-redaction.test').run();

    expect(status.lastError).toMatchObject({ code: 'account_changed' });
    expect((await a.db.issues.get(here.id))!.wordpress).toMatchObject({
      siteUrl: OLD,
      link: `${OLD}/2026/03/15/les-indiscrets-812/`,
    });
  });
});

describe('movedAddress', () => {
  const OLD = 'https://monjournal.fr';
  const NEW = 'https://www.monjournal.fr';

  it('puts a path, a query or a fragment under the old address under the new', () => {
    expect(movedAddress(`${OLD}/2026/03/15/indiscrets/`, OLD, NEW)).toBe(
      `${NEW}/2026/03/15/indiscrets/`,
    );
    expect(movedAddress(`${OLD}/?p=812`, OLD, NEW)).toBe(`${NEW}/?p=812`);
    expect(movedAddress(`${OLD}?p=812`, OLD, NEW)).toBe(`${NEW}?p=812`);
    expect(movedAddress(OLD, OLD, NEW)).toBe(NEW);
  });

  it('leaves an address on another host, or one only starting like the old, as it is', () => {
    expect(movedAddress('https://monjournal.fr.evil.test/x', OLD, NEW)).toBe(
      'https://monjournal.fr.evil.test/x',
    );
    expect(movedAddress('https://articles.monjournal.fr/x', OLD, NEW)).toBe(
      'https://articles.monjournal.fr/x',
    );
    expect(movedAddress('https://exemple.fr/blogue/x', 'https://exemple.fr/blog', NEW)).toBe(
      'https://exemple.fr/blogue/x',
    );
  });
});

/**
 * A site that moves twice (`desk.test` to `www.desk.test`, the desk following it, then on to
 * `new.desk.test`): the sync line names the second address, and the desk follows it there too.
 */
describe('sync engine: a site that moves again', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  const SECOND = 'https://www.desk.test';
  const THIRD = 'https://new.desk.test';

  /**
   * A's browser with the settings at `siteUrl`; `at` the host the site answers at, every other
   * of its hosts redirecting there (answered from there, anonymous, as `redirect: 'follow'`).
   */
  function answeringAt(siteUrl: string, at: string) {
    const hosts: string[] = [];
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => ({ ...server.settings('redac'), siteUrl }),
      fetch: async (input: string, init: RequestInit = {}) => {
        const url = new URL(input);
        hosts.push(url.hostname);
        if (url.hostname === at) return server.fetch(input, init);
        url.hostname = at;
        const answer = new Response(
          JSON.stringify({ code: 'rest_not_logged_in', message: 'Non', data: { status: 401 } }),
          { status: 401, headers: { 'Content-Type': 'application/json' } },
        );
        Object.defineProperty(answer, 'url', { value: url.href });
        return answer;
      },
    });
    return { engine, hosts };
  }

  /** A's desk followed its site to `www.`, then the site moved on to `new.`: X edited since. */
  async function movedTwice() {
    const { x } = await twoShared(a, b);
    await answeringAt(server.url, 'www.desk.test').engine.run();
    expect(await answeringAt(SECOND, 'www.desk.test').engine.run()).toMatchObject({
      siteUrl: SECOND,
    });
    await updateDraft(x.id, { title: 'X corrigé' }, a.db);
    return x;
  }

  it('the run at the first move’s address names the second', async () => {
    await movedTwice();

    const status = await answeringAt(SECOND, 'new.desk.test').engine.run();

    expect(status.lastError).toMatchObject({ code: 'site_moved', address: THIRD });
    expect(status.pending).toBe(1);
  });

  it('given the second address, the desk follows it there: the waiting change goes', async () => {
    const x = await movedTwice();
    await answeringAt(SECOND, 'new.desk.test').engine.run();
    const { engine } = answeringAt(THIRD, 'new.desk.test');

    const status = await engine.run();

    expect(status).toMatchObject({ siteUrl: THIRD, pending: 0 });
    expect(status.lastError).toBeUndefined();
    expect(server.byClientId('drafts', x.id)!.title).toBe('X corrigé');
  });

  it('the first move not yet followed when the site moved again: the settings at the first move’s address name the second', async () => {
    const { x } = await twoShared(a, b);
    await updateDraft(x.id, { title: 'X corrigé' }, a.db);
    await answeringAt(server.url, 'www.desk.test').engine.run();
    expect((await a.engine.state()).lastError).toMatchObject({ address: SECOND });

    // The site moves on before the editor puts the address the line gave in the settings.
    const status = await answeringAt(SECOND, 'new.desk.test').engine.run();

    expect(status.siteUrl).toBe(server.url);
    expect(status.lastError).toMatchObject({ code: 'site_moved', address: THIRD });
    const followed = await answeringAt(THIRD, 'new.desk.test').engine.run();
    expect(followed).toMatchObject({ siteUrl: THIRD, pending: 0 });
    expect(server.byClientId('drafts', x.id)!.title).toBe('X corrigé');
  });
});

/**
 * The desk turned off, its site moved meanwhile: turned on again at the address the options
 * name (turning on at the old one said it), it is the desk it left, proven as a run's follow is,
 * where it started as a first join and forgot the records it kept.
 */
describe('sync engine: the desk turned on again where its site moved while it was off', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  const NEW = 'https://www.desk.test';

  /** A's browser with the settings at `siteUrl` (as `redac`), `desk.test` redirecting to `www.`. */
  function movedTo(siteUrl: string, at: FakeDesk = server) {
    return new SyncEngine({
      db: a.db,
      settings: async () => ({ ...server.settings('redac'), siteUrl }),
      fetch: async (input: string, init: RequestInit = {}) => {
        const url = new URL(input);
        if (url.hostname !== 'desk.test') return at.fetch(input, init);
        url.hostname = `www.${url.hostname}`;
        const answer = new Response(
          JSON.stringify({ code: 'rest_not_logged_in', message: 'Non', data: { status: 401 } }),
          { status: 401, headers: { 'Content-Type': 'application/json' } },
        );
        Object.defineProperty(answer, 'url', { value: url.href });
        return answer;
      },
    });
  }

  /**
   * A's desk with X and Y and a published issue, turned off; X deleted for good meanwhile, and
   * turning on at the old address said where the site answers now.
   */
  async function offWhileItMoved() {
    const { x, y } = await twoShared(a, b);
    const issue = await createIssue({ title: 'Du 15 mars', date: '2026-03-15' }, a.db);
    await markPublished(
      issue.id,
      {
        postId: 812,
        link: `${server.url}/?p=812`,
        modifiedGmt: '2026-03-15T09:02:00',
        publishedAt: '2026-03-15T09:02:00.000Z',
        siteUrl: server.url,
      },
      a.db,
    );
    await a.sync();
    await a.engine.disable();
    await a.db.clips.delete(x.id);
    const refused = await movedTo(server.url).enable();
    expect(refused).toMatchObject({ enabled: false, lastError: { address: NEW } });
    return { x, y, issue };
  }

  it('is the desk it left: what was deleted while off goes to the trash, its posts follow', async () => {
    const { x, issue } = await offWhileItMoved();
    const engine = movedTo(NEW);

    await engine.enable();
    await engine.whenIdle();

    const status = await engine.status();
    expect(status).toMatchObject({ enabled: true, siteUrl: NEW, firstSyncDone: true });
    expect(status.lastError).toBeUndefined();
    expect(server.byClientId('drafts', x.id)!.status).toBe('trash');
    expect((await a.db.issues.get(issue.id))!.wordpress).toMatchObject({
      siteUrl: NEW,
      link: `${NEW}/?p=812`,
    });
  });

  it('a desk at that address without this desk’s records is joined as a first join', async () => {
    const { x, issue } = await offWhileItMoved();
    const elsewhere = new FakeDesk();
    elsewhere.addUser('redac', 'Rédaction', 'editor');
    const engine = movedTo(NEW, elsewhere);

    await engine.enable();
    await engine.whenIdle();

    expect(await engine.status()).toMatchObject({ enabled: true, siteUrl: NEW });
    expect(elsewhere.byClientId('drafts', x.id)).toBeUndefined();
    expect((await a.db.issues.get(issue.id))!.wordpress).toMatchObject({ siteUrl: server.url });
  });
});

/**
 * The site moved between the root of its host and a folder of it (`desk.test` to
 * `desk.test/actu`, or back): the same origin, its permission kept, the old address redirecting
 * its REST requests to the new one's WordPress. The desk follows it as it follows another host.
 */
describe('sync engine: a site moved to a folder of its own host', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  const FOLDER = 'https://desk.test/actu';

  /**
   * A's browser once the site moved to /actu: the root's REST requests redirected there
   * (answered anonymously, as `redirect: 'follow'` gives it, or by `page`, a page that is no
   * WordPress), /actu's served by the desk. `siteUrl`: what the settings name.
   */
  function afterTheMove(siteUrl: string, page?: string) {
    const paths: string[] = [];
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => ({ ...server.settings('redac'), siteUrl }),
      fetch: async (input: string, init: RequestInit = {}) => {
        const url = new URL(input);
        paths.push(url.pathname);
        if (url.pathname.startsWith('/actu/')) return server.fetch(input, init);
        const answer = page
          ? new Response('<html>Connexion</html>', { status: 200 })
          : new Response(
              JSON.stringify({ code: 'rest_not_logged_in', message: 'Non', data: { status: 401 } }),
              { status: 401, headers: { 'Content-Type': 'application/json' } },
            );
        const final = page ? new URL(page, url) : new URL(`/actu${url.pathname}${url.search}`, url);
        Object.defineProperty(answer, 'url', { value: final.href });
        return answer;
      },
    });
    return { engine, paths };
  }

  async function waiting() {
    const { x } = await twoShared(a, b);
    await updateDraft(x.id, { title: 'X corrigé' }, a.db);
    return x;
  }

  it('names the folder the site answers at, then follows it there once the settings name it', async () => {
    const x = await waiting();

    const met = await afterTheMove(server.url).engine.run();

    expect(met.lastError).toMatchObject({ code: 'site_moved', address: FOLDER });
    expect(met.pending).toBe(1);
    const { engine, paths } = afterTheMove(FOLDER);
    const status = await engine.run();

    expect(status.siteUrl).toBe(FOLDER);
    expect(status.lastError).toBeUndefined();
    expect(status.pending).toBe(0);
    expect(server.byClientId('drafts', x.id)!.title).toBe('X corrigé');
    expect(paths.every((path) => path.startsWith('/actu/'))).toBe(true);
  });

  it('follows it when the settings named the folder before a run met the move', async () => {
    const x = await waiting();
    const { engine, paths } = afterTheMove(FOLDER);

    const status = await engine.run();

    // The desk's address asked, anonymously: it redirects to the folder the settings name.
    expect(paths[0]).toBe('/');
    expect(status.siteUrl).toBe(FOLDER);
    expect(status.lastError).toBeUndefined();
    expect(server.byClientId('drafts', x.id)!.title).toBe('X corrigé');
  });

  it('follows a move the options proved when the old address, with no redirect, is answered by the new one’s WordPress', async () => {
    fakeBrowser.reset();
    // The host's rewrite rules send the old address to the WordPress now at /actu, which answers
    // there itself: the same desk at both addresses, nothing redirected.
    const x = await waiting();
    await noteSiteMove({ from: server.url, to: FOLDER, at: '2026-03-15T10:00:00.000Z' });
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => ({ ...server.settings('redac'), siteUrl: FOLDER }),
      fetch: server.fetch,
    });

    const status = await engine.run();

    expect(status.siteUrl).toBe(FOLDER);
    expect(status.lastError).toBeUndefined();
    expect(server.byClientId('drafts', x.id)!.title).toBe('X corrigé');
  });

  it('without that proof, a folder of its origin the old address does not redirect to stays another site', async () => {
    fakeBrowser.reset();
    const x = await waiting();
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => ({ ...server.settings('redac'), siteUrl: FOLDER }),
      fetch: server.fetch,
    });

    const status = await engine.run();

    expect(status.siteUrl).toBe(server.url);
    expect(status.pending).toBe(1);
    expect(server.byClientId('drafts', x.id)!.title).toBe('X');
  });

  it('asks again at the next run when the options had not noted the move yet', async () => {
    fakeBrowser.reset();
    const x = await waiting();
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => ({ ...server.settings('redac'), siteUrl: FOLDER }),
      fetch: server.fetch,
    });
    // The desk's section checks as the settings change, before the background's check of the
    // old address has noted the move (up to 4 s).
    expect((await engine.run()).siteUrl).toBe(server.url);
    await noteSiteMove({ from: server.url, to: FOLDER, at: '2026-03-15T10:00:00.000Z' });

    const status = await engine.run();

    expect(status.siteUrl).toBe(FOLDER);
    expect(server.byClientId('drafts', x.id)!.title).toBe('X corrigé');
  });

  it('names no move for a redirect to a page of the host that is no WordPress: nothing sent there', async () => {
    const x = await waiting();
    const { engine } = afterTheMove(server.url, '/connexion/?redirect_to=%2F');

    const status = await engine.run();

    // Not « Le site répond désormais à l’adresse https://desk.test/connexion ».
    expect(status.lastError?.code).not.toBe('site_moved');
    expect(status.siteUrl).toBe(server.url);
    expect(status.pending).toBe(1);
    expect(server.byClientId('drafts', x.id)!.title).toBe('X');
  });
});

/**
 * A desk at `desk.test/blog`, the site there gone (a network's sub-site deleted) and the root's
 * WordPress answering under the folder with no redirect, its discovery naming its own address
 * (plugin 0.1.10): the desk says the address the site answers at, and reads and sends nothing
 * there, where it took the root's desk (its users the network's: the same user) for its own.
 */
describe('sync engine: a desk at a folder answered by the root’s WordPress', () => {
  const BLOG = 'https://desk.test/blog';
  const ROOT = { home: 'https://desk.test', url: 'https://desk.test' };
  let server: FakeDesk;
  let db: IndiscretsDB;
  let ahead = 0;

  beforeEach(() => {
    server = new FakeDesk();
    server.addUser('redac', 'Rédaction', 'editor');
    db = new IndiscretsDB(`sync-blog-${crypto.randomUUID()}`);
    ahead = 0;
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  const engineAt = (siteUrl: string) =>
    new SyncEngine({
      db,
      settings: async () => ({ ...server.settings('redac'), siteUrl }),
      fetch: server.fetch,
      clock: () => new Date(Date.now() + ahead).toISOString(),
      writeDelayMs: 10,
    });

  it('turned on there: the root’s address said, nothing read nor sent', async () => {
    server.names = ROOT;
    await addDraft(db, { title: 'X', body: '<p>Texte X</p>' });
    const engine = engineAt(BLOG);

    await engine.enable();
    await engine.whenIdle();
    const status = await engine.status();

    expect(status.lastError).toMatchObject({ code: 'site_moved', address: 'https://desk.test' });
    expect(status.enabled).not.toBe(true);
    expect(server.log).toEqual(['GET /indiscrets/v1']);
  });

  it('met by a run’s check of the role: the run stops, the change kept, nothing sent', async () => {
    const engine = engineAt(BLOG);
    const x = await addDraft(db, { title: 'X', body: '<p>Texte X</p>' });
    await engine.enable();
    await engine.whenIdle();
    expect(server.byClientId('drafts', x.id)!.title).toBe('X');
    await updateDraft(x.id, { title: 'X corrigé' }, db);
    server.names = ROOT;
    server.log = [];
    ahead = ROLE_CHECK_MS;

    const status = await engine.run();

    expect(status.lastError).toMatchObject({ code: 'site_moved', address: 'https://desk.test' });
    expect(status.pending).toBe(1);
    expect(server.byClientId('drafts', x.id)!.title).toBe('X');
    expect(server.log).toEqual(['GET /indiscrets/v1']);
  });

  it('the site moved to the root, the folder answered there: followed once the settings name it, with no note', async () => {
    fakeBrowser.reset();
    const x = await addDraft(db, { title: 'X', body: '<p>Texte X</p>' });
    const before = engineAt(BLOG);
    await before.enable();
    await before.whenIdle();
    await updateDraft(x.id, { title: 'X corrigé' }, db);
    // The same desk, now the root's, answering under the folder it left: its discovery there,
    // asked without the password, names the root, as a redirect would.
    server.names = ROOT;

    const status = await engineAt(server.url).run();

    expect(status.siteUrl).toBe(server.url);
    expect(status.lastError).toBeUndefined();
    expect(server.byClientId('drafts', x.id)!.title).toBe('X corrigé');
  });

  it('its own address named (the new plugin at the folder’s own site): synced as before', async () => {
    server.names = { home: `${BLOG}/`, url: BLOG };
    const x = await addDraft(db, { title: 'X', body: '<p>Texte X</p>' });
    const engine = engineAt(BLOG);

    await engine.enable();
    await engine.whenIdle();

    expect((await engine.status()).lastError).toBeUndefined();
    expect(server.byClientId('drafts', x.id)!.title).toBe('X');
  });
});
