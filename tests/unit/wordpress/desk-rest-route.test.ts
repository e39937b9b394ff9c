import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createRecord,
  discoverDesk,
  keepDeskBasesIn,
  pullChanges,
  trashRecord,
  type DeskBaseKeeper,
  type DeskSettings,
  type KeptDeskBase,
} from '../../../wordpress/desk-client';
import type { FetchLike } from '../../../wordpress/transport';
import { FakeDesk } from '../services/fake-desk';

/** A new origin for each site: the desk remembers a blocked site's REST root by its address. */
let sites = 0;

/**
 * A WordPress whose `?rest_route=` the server does not answer itself: `blocked`, a hardening
 * rule's page (404, or 403 with `status`); `redirected`, a 301 to the same route under
 * `<redirectTo>/wp-json/` (the site's own path unless said), the rest of the query kept. Its REST
 * API answers at `<site>/<prefix>/` (`wp-json`, or a custom prefix its home page's Link header
 * names), the companion plugin (the fake desk) there. Every request is recorded, with whether it
 * carried the password.
 */
function site(
  options: {
    mode: 'blocked' | 'redirected';
    folder?: string;
    prefix?: string;
    status?: number;
    redirectTo?: string;
    link?: string;
  } = { mode: 'blocked' },
) {
  sites += 1;
  const origin = `https://g${sites}.test`;
  const folder = options.folder ?? '';
  const home = `${origin}${folder}`;
  const prefix = options.prefix ?? 'wp-json';
  const base = `${home}/${prefix}/`;
  const desk = new FakeDesk();
  const redac = desk.addUser('redac', 'Rédaction', 'editor');
  desk.names = { home, url: home };
  const sent: { method: string; url: string; password: boolean }[] = [];
  const page = (status: number, headers: Record<string, string> = {}) =>
    new Response('<html><body>Page</body></html>', { status, headers });
  const answerAt = async (url: URL, route: string, init: RequestInit) => {
    const asked = new URL(`${desk.url}/`);
    asked.searchParams.set('rest_route', route);
    for (const [k, v] of url.searchParams) asked.searchParams.append(k, v);
    const answer = await desk.fetch(asked.href, init);
    Object.defineProperty(answer, 'url', { value: url.href });
    return answer;
  };
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = (init.headers ?? {}) as Record<string, string>;
    sent.push({ method, url: url.href, password: 'Authorization' in headers });
    const route = url.searchParams.get('rest_route');
    if (route !== null) {
      if (options.mode === 'blocked') return page(options.status ?? 404);
      const target = new URL(`${origin}${options.redirectTo ?? folder}/wp-json${route}`);
      for (const [k, v] of url.searchParams) {
        if (k !== 'rest_route') target.searchParams.append(k, v);
      }
      if (init.redirect === 'manual') {
        return new Response(null, { status: 301, headers: { Location: target.href } });
      }
      // Followed (a read): answered there, the answer naming where it ended.
      const there = await fetch(target.href, init);
      if (!there.url) Object.defineProperty(there, 'url', { value: target.href });
      return there;
    }
    if (url.href.startsWith(base)) {
      const rest = `/${url.pathname.slice(new URL(base).pathname.length)}`.replace(/(.)\/$/, '$1');
      return answerAt(url, rest, init);
    }
    // The site's own /wp-json/ when its REST API is elsewhere: WordPress's 404 page.
    if (url.href.startsWith(`${home}/wp-json/`)) return page(404);
    if (url.href === `${home}/`) {
      // The home page, naming the REST API.
      return page(200, { Link: `<${options.link ?? base}>; rel="https://api.w.org/"` });
    }
    // Anywhere else, another WordPress's REST API (a sub-site of the network, another host's):
    // JSON, not the fake desk's.
    const error = { code: 'rest_no_route', message: 'Aucune route', data: { status: 404 } };
    return new Response(JSON.stringify(error), {
      status: 404,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  const settings: DeskSettings = {
    siteUrl: home,
    username: redac.username,
    appPassword: redac.appPassword,
  };
  return { settings, fetch, sent, desk, base, origin };
}

const write = { title: 'x', content: '<p>x</p>', meta: { clientId: 'draft-x-0001' } } as never;

describe('a shared desk on a site whose ?rest_route= is blocked', () => {
  for (const [status, folder] of [
    [404, ''],
    [403, '/blog'],
  ] as const) {
    it(`joins, reads and writes at its REST root (/wp-json/), answering ${status}${folder ? ' in a folder' : ''}`, async () => {
      const wp = site({ mode: 'blocked', status, folder });
      const options = { fetch: wp.fetch, isOnline: () => true };
      expect(await discoverDesk(wp.settings, options)).toMatchObject({ ok: true });
      expect(await pullChanges(wp.settings, 'drafts', undefined, options)).toMatchObject({
        ok: true,
      });
      expect(await createRecord(wp.settings, 'drafts', write, options)).toMatchObject({
        ok: true,
      });
      expect(wp.desk.log.filter((line) => line.startsWith('POST'))).toHaveLength(1);
    });
  }

  it('finds a custom prefix through the home page’s link', async () => {
    const wp = site({ mode: 'blocked', prefix: 'api' });
    const options = { fetch: wp.fetch, isOnline: () => true };
    expect(await discoverDesk(wp.settings, options)).toMatchObject({ ok: true });
    expect(await createRecord(wp.settings, 'drafts', write, options)).toMatchObject({ ok: true });
    // The root found at discovery: the write goes there at once.
    expect(wp.sent.filter((r) => r.method === 'POST').map((r) => r.url)).toEqual([
      expect.stringMatching(/^https:\/\/g\d+\.test\/api\/indiscrets\/v1\/drafts\?/),
    ]);
  });

  it('asks where its REST root is without the password, and sends none to another folder or host', async () => {
    for (const link of ['https://ailleurs.test/wp-json/', '/autre/wp-json/', '/blog/x/y/']) {
      const wp = site({ mode: 'blocked', folder: '/blog', prefix: 'api', link });
      const options = { fetch: wp.fetch, isOnline: () => true };
      expect(await discoverDesk(wp.settings, options)).toMatchObject({ ok: false });
      expect(
        wp.sent.filter((r) => r.password && !r.url.includes('?rest_route=')).map((r) => r.url),
      ).toEqual([]);
    }
    const wp = site({ mode: 'blocked' });
    await discoverDesk(wp.settings, { fetch: wp.fetch, isOnline: () => true });
    const probes = wp.sent.filter((r) => !r.url.includes('?rest_route='));
    expect(probes[0]).toMatchObject({ method: 'GET', password: false });
  });
});

describe('a shared desk on a site redirecting ?rest_route= to /wp-json/', () => {
  for (const folder of ['', '/blog']) {
    it(`writes once at the site's own /wp-json/${folder ? ' in a folder' : ''}, not told it moved`, async () => {
      const wp = site({ mode: 'redirected', folder });
      const options = { fetch: wp.fetch, isOnline: () => true };
      expect(await discoverDesk(wp.settings, options)).toMatchObject({ ok: true });
      expect(await createRecord(wp.settings, 'drafts', write, options)).toMatchObject({
        ok: true,
      });
      expect(wp.desk.log.filter((line) => line.startsWith('POST'))).toHaveLength(1);
      const posts = wp.sent.filter((r) => r.method === 'POST' && r.url.includes('/wp-json/'));
      expect(posts).toEqual([
        expect.objectContaining({
          url: expect.stringContaining(`${folder}/wp-json/indiscrets/v1/drafts?`),
        }),
      ]);
    });
  }

  it('does not send a write to another folder’s /wp-json/ (another site): the password stays home', async () => {
    const wp = site({ mode: 'redirected', redirectTo: '/blog2' });
    const result = await createRecord(wp.settings, 'drafts', write, {
      fetch: wp.fetch,
      isOnline: () => true,
    });
    expect(result).toMatchObject({ ok: false });
    expect(wp.sent.filter((r) => r.url.includes('/blog2/') && r.password)).toEqual([]);
  });
});

describe('the REST root a blocked site’s desk takes (session 63, RG)', () => {
  it('takes no folder answering JSON that is neither the plugin’s discovery nor WordPress’s', async () => {
    // The site's /wp-json/ a 404 page, its home page naming a folder of its path where another
    // application answers JSON to anything: no REST API of this site, no password there.
    for (const [status, json] of [
      [200, { status: 'ok' }],
      [404, { error: 'Not found' }],
      [200, { plugin: { name: 'autre' } }],
      [404, { code: 'not_found', message: 'Introuvable' }],
    ] as const) {
      const wp = site({ mode: 'blocked', prefix: 'api', link: '/autre/' });
      const fetch: FetchLike = async (input, init) => {
        if (!new URL(input).pathname.startsWith('/autre/')) return wp.fetch(input, init);
        const password = 'Authorization' in ((init.headers ?? {}) as Record<string, string>);
        wp.sent.push({ method: init.method ?? 'GET', url: input, password });
        return new Response(JSON.stringify(json), {
          status,
          headers: { 'Content-Type': 'application/json' },
        });
      };
      expect(await discoverDesk(wp.settings, { fetch, isOnline: () => true })).toMatchObject({
        ok: false,
      });
      expect(wp.sent.filter((r) => r.password && !r.url.includes('?rest_route='))).toEqual([]);
    }
  });

  it('takes no root named with a fragment or an encoded slash, dot or backslash', async () => {
    for (const link of ['/api/#x', '/api%2F..%2Fblog2/', '/%2E%2E/', '/a%5C..%5Cb/']) {
      const wp = site({ mode: 'blocked', prefix: 'api', link });
      const options = { fetch: wp.fetch, isOnline: () => true };
      await discoverDesk(wp.settings, options);
      expect(wp.sent.filter((r) => r.password && !r.url.includes('?rest_route='))).toEqual([]);
    }
  });
});

/**
 * A site whose REST API answers at ?rest_route= and at /wp-json/, behind a firewall answering
 * some writes with its 403 page (`refuses`, told the write's address and whether it has a body):
 * every request recorded, with whether it carried the password.
 */
function guarded(refuses: (url: URL, body: boolean, method: string) => boolean) {
  sites += 1;
  const home = `https://waf${sites}.test`;
  const desk = new FakeDesk();
  const redac = desk.addUser('redac', 'Rédaction', 'editor');
  desk.names = { home, url: home };
  const sent: { method: string; url: string; password: boolean }[] = [];
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const password = 'Authorization' in ((init.headers ?? {}) as Record<string, string>);
    sent.push({ method, url: url.href, password });
    if (refuses(url, init.body != null, method)) {
      return new Response('<html>Accès refusé</html>', { status: 403 });
    }
    const route = url.pathname.startsWith('/wp-json/')
      ? url.pathname.slice('/wp-json'.length).replace(/(.)\/$/, '$1')
      : url.searchParams.get('rest_route');
    if (route === null) return new Response('<html>Accueil</html>', { status: 200 });
    const asked = new URL(`${desk.url}/`);
    asked.searchParams.set('rest_route', route);
    for (const [k, v] of url.searchParams) if (k !== 'rest_route') asked.searchParams.append(k, v);
    const answer = await desk.fetch(asked.href, init);
    Object.defineProperty(answer, 'url', { value: url.href });
    return answer;
  };
  const settings: DeskSettings = {
    siteUrl: home,
    username: redac.username,
    appPassword: redac.appPassword,
  };
  return { settings, fetch, sent, desk };
}

describe('a shared desk on a site whose ?rest_route= works, one write refused by a firewall’s page', () => {
  it('reports the refusal and keeps asking at ?rest_route=, no REST root looked for', async () => {
    // The firewall's rule reads the write's content, at either address.
    const wp = guarded((_, body, method) => method !== 'GET' && body);
    const options = { fetch: wp.fetch, isOnline: () => true };
    expect(await discoverDesk(wp.settings, options)).toMatchObject({ ok: true });
    expect(await createRecord(wp.settings, 'drafts', write, options)).toMatchObject({
      ok: false,
      code: 'blocked',
    });
    expect(await pullChanges(wp.settings, 'drafts', undefined, options)).toMatchObject({
      ok: true,
    });
    expect(wp.sent.filter((r) => r.method === 'POST' && r.password)).toHaveLength(1);
    expect(wp.sent.filter((r) => !r.url.includes('?rest_route='))).toEqual([]);
  });

  it('sends the write once when the firewall refuses every write, wherever', async () => {
    const wp = guarded((_, __, method) => method !== 'GET');
    const options = { fetch: wp.fetch, isOnline: () => true };
    expect(await discoverDesk(wp.settings, options)).toMatchObject({ ok: true });
    expect(await createRecord(wp.settings, 'drafts', write, options)).toMatchObject({
      ok: false,
      code: 'blocked',
    });
    expect(await pullChanges(wp.settings, 'drafts', undefined, options)).toMatchObject({
      ok: true,
    });
    expect(wp.sent.filter((r) => r.method === 'POST' && r.password)).toHaveLength(1);
    // Reads stay at ?rest_route=; nothing went with the password anywhere else.
    expect(wp.sent.filter((r) => r.password && !r.url.includes('?rest_route='))).toEqual([]);
    expect(wp.sent.at(-1)?.url).toContain('?rest_route=');
  });
});

describe('a shared desk on a site refusing writes at ?rest_route=, reads answered there', () => {
  it('writes at the site’s REST root, reads staying at ?rest_route=', async () => {
    const wp = guarded((url, _, method) => method !== 'GET' && url.searchParams.has('rest_route'));
    const options = { fetch: wp.fetch, isOnline: () => true };
    expect(await discoverDesk(wp.settings, options)).toMatchObject({ ok: true });
    const made = await createRecord(wp.settings, 'drafts', write, options);
    expect(made).toMatchObject({ ok: true });
    if (!made.ok) return;
    expect(await trashRecord(wp.settings, 'drafts', made.record.id, options)).toMatchObject({
      ok: true,
    });
    expect(
      wp.desk.log.filter((line) => /^(POST|DELETE) \/indiscrets\/v1\/drafts/.test(line)),
    ).toHaveLength(2);
    const reads = wp.sent.length;
    expect(await pullChanges(wp.settings, 'drafts', undefined, options)).toMatchObject({
      ok: true,
    });
    expect(wp.sent.slice(reads).map((r) => r.url)).toEqual([
      expect.stringContaining('/?rest_route=/indiscrets/v1/drafts'),
    ]);
    // The password with the writes: once refused at ?rest_route=, then at /wp-json/ only.
    expect(wp.sent.filter((r) => r.method !== 'GET' && r.password).map((r) => r.url)).toEqual([
      expect.stringContaining('/?rest_route=/indiscrets/v1/drafts'),
      expect.stringContaining('/wp-json/indiscrets/v1/drafts?'),
      expect.stringContaining('/wp-json/indiscrets/v1/drafts/'),
    ]);
  });
});

describe('a shared desk whose REST root found stops answering (a page)', () => {
  it('tells the refusal as blocked, never as the record gone (not_found)', async () => {
    const wp = site({ mode: 'blocked' });
    let off = false;
    // The site's /wp-json/ later refused too, with a 404 page (another hardening rule).
    const fetch: FetchLike = (input, init) =>
      off && new URL(input).pathname.startsWith('/wp-json/')
        ? Promise.resolve(new Response('<html>Introuvable</html>', { status: 404 }))
        : wp.fetch(input, init);
    const options = { fetch, isOnline: () => true };
    expect(await discoverDesk(wp.settings, options)).toMatchObject({ ok: true });
    const made = await createRecord(wp.settings, 'drafts', write, options);
    if (!made.ok) throw new Error('not made');
    off = true;
    // A trash told not_found is settled as done by the sync (the record deleted for good on the
    // server), an update sent again as a new record: the editor's change lost or doubled.
    for (let i = 0; i < 2; i += 1) {
      const result = await trashRecord(wp.settings, 'drafts', made.record.id, options);
      expect(result).toMatchObject({ ok: false, code: 'rest_route_blocked' });
    }
  });
});

describe('a shared desk whose REST root found is blocked since', () => {
  it('asks the same request at ?rest_route= again, unblocked since, and it goes through', async () => {
    let refuses = (url: URL) => url.searchParams.has('rest_route');
    const wp = guarded((url) => refuses(url));
    const options = { fetch: wp.fetch, isOnline: () => true };
    expect(await discoverDesk(wp.settings, options)).toMatchObject({ ok: true });
    // The rule now on /wp-json/, ?rest_route= answered again.
    refuses = (url) => url.pathname.startsWith('/wp-json/');
    expect(await createRecord(wp.settings, 'drafts', write, options)).toMatchObject({ ok: true });
    expect(wp.desk.log.filter((line) => line.startsWith('POST /indiscrets/v1/drafts'))).toEqual([
      expect.any(String),
    ]);
    const writes = wp.sent.filter((r) => r.method === 'POST' && r.password).map((r) => r.url);
    expect(writes).toEqual([
      expect.stringContaining('/wp-json/indiscrets/v1/drafts?'),
      expect.stringContaining('/?rest_route=/indiscrets/v1/drafts'),
    ]);
    // Asked there from now on.
    const before = wp.sent.length;
    expect(await pullChanges(wp.settings, 'drafts', undefined, options)).toMatchObject({
      ok: true,
    });
    expect(wp.sent.slice(before).map((r) => r.url)).toEqual([
      expect.stringContaining('/?rest_route=/indiscrets/v1/drafts'),
    ]);
  });

  it('finds another root its home page names, and sends the request there', async () => {
    const wp = site({ mode: 'blocked', prefix: 'api' });
    let off = false;
    // At first /wp-json/ answers too (the same REST API), then a rule refuses it with a page.
    const fetch: FetchLike = (input, init) => {
      const url = new URL(input);
      if (url.pathname.startsWith('/wp-json/')) {
        const password = 'Authorization' in ((init.headers ?? {}) as Record<string, string>);
        wp.sent.push({ method: init.method ?? 'GET', url: input, password });
        if (off) return Promise.resolve(new Response('<html>Non</html>', { status: 403 }));
        return answerAt(input, init);
      }
      return wp.fetch(input, init);
    };
    // The same REST API at /wp-json/: asked at /api/, unrecorded, the answer naming /wp-json/.
    const answerAt = (input: string, init: RequestInit) =>
      wp.fetch(input.replace('/wp-json/', '/api/'), init).then(async (there) => {
        wp.sent.pop();
        const { status, headers } = there;
        const answer = new Response(await there.text(), { status, headers });
        Object.defineProperty(answer, 'url', { value: input });
        return answer;
      });
    const options = { fetch, isOnline: () => true };
    expect(await discoverDesk(wp.settings, options)).toMatchObject({ ok: true });
    off = true;
    expect(await pullChanges(wp.settings, 'drafts', undefined, options)).toMatchObject({
      ok: true,
    });
    expect(
      wp.sent
        .filter((r) => r.password)
        .map((r) => new URL(r.url).pathname.split('/')[1] || new URL(r.url).search.slice(0, 11)),
    ).toEqual(['?rest_route', 'wp-json', 'wp-json', '?rest_route', 'api']);
  });
});

describe('a shared desk whose REST root found is sent to the home page since (review of 42c9e51)', () => {
  for (const [unblocked, writeFirst] of [
    [true, false],
    [true, true],
    [false, false],
    [false, true],
  ]) {
    it(`drops the root, ${unblocked ? 'asks at ?rest_route= again, answered there' : 'told rest_route_blocked, ?rest_route= still refused'}${writeFirst ? ', a write first' : ''}`, async () => {
      let refuses = (url: URL) => url.searchParams.has('rest_route');
      const wp = guarded((url) => refuses(url));
      let home = false;
      // A rule added since sends the site's /wp-json/ to its home page (a read follows: 200).
      const fetch: FetchLike = (input, init) => {
        if (!home || !new URL(input).pathname.startsWith('/wp-json/')) return wp.fetch(input, init);
        if (init.redirect === 'manual') {
          return Promise.resolve(
            new Response(null, { status: 302, headers: { Location: `${wp.settings.siteUrl}/` } }),
          );
        }
        return wp.fetch(`${wp.settings.siteUrl}/`, init).then((page) => {
          Object.defineProperty(page, 'url', { value: `${wp.settings.siteUrl}/` });
          return page;
        });
      };
      const options = { fetch, isOnline: () => true };
      expect(await discoverDesk(wp.settings, options)).toMatchObject({ ok: true });
      home = true;
      if (unblocked) refuses = () => false;
      // Taken for the desk's answer before, a page: server_error at every request for as long
      // as the browser kept the root (a write redirected: site_moved, with no address).
      expect(
        await (writeFirst
          ? createRecord(wp.settings, 'drafts', write, options)
          : pullChanges(wp.settings, 'drafts', undefined, options)),
      ).toMatchObject(unblocked ? { ok: true } : { ok: false, code: 'rest_route_blocked' });
      if (!unblocked) return;
      const before = wp.sent.length;
      expect(await pullChanges(wp.settings, 'drafts', undefined, options)).toMatchObject({
        ok: true,
      });
      expect(wp.sent.slice(before).map((r) => r.url)).toEqual([
        expect.stringContaining('/?rest_route=/indiscrets/v1/drafts'),
      ]);
    });
  }
});

describe('a shared desk whose REST root outlives the background (Chromium’s service worker asleep)', () => {
  afterEach(() => keepDeskBasesIn(undefined));

  /** A keeper as storage.session is: what the last background wrote. */
  function keeper() {
    const kept: { value: KeptDeskBase | null } = { value: null };
    const keep: DeskBaseKeeper = {
      get: () => Promise.resolve(kept.value),
      set: (value) => {
        kept.value = value;
        return Promise.resolve();
      },
    };
    return { kept, keep };
  }

  it('asks at the root found at once after a restart, no search again', async () => {
    const { kept, keep } = keeper();
    keepDeskBasesIn(keep);
    const wp = site({ mode: 'blocked' });
    const options = { fetch: wp.fetch, isOnline: () => true };
    expect(await discoverDesk(wp.settings, options)).toMatchObject({ ok: true });
    expect(kept.value).toEqual({
      siteUrl: wp.settings.siteUrl,
      username: wp.settings.username,
      base: wp.base,
    });
    // The background starts again: a new module, its memory empty.
    vi.resetModules();
    const woken = await import('../../../wordpress/desk-client');
    woken.keepDeskBasesIn(keep);
    const before = wp.sent.length;
    expect(await woken.pullChanges(wp.settings, 'drafts', undefined, options)).toMatchObject({
      ok: true,
    });
    expect(wp.sent.slice(before)).toEqual([
      {
        method: 'GET',
        url: expect.stringContaining(`${wp.base}indiscrets/v1/drafts?`),
        password: true,
      },
    ]);
    // The desk leaves: forgotten.
    await woken.forgetDeskBases();
    expect(kept.value).toBeNull();
  });

  it('forgets a root kept for another account or site, and asks at ?rest_route= first', async () => {
    const { kept, keep } = keeper();
    keepDeskBasesIn(keep);
    const wp = site({ mode: 'blocked' });
    const options = { fetch: wp.fetch, isOnline: () => true };
    expect(await discoverDesk(wp.settings, options)).toMatchObject({ ok: true });
    for (const other of [
      { ...wp.settings, username: 'autre' },
      { ...wp.settings, siteUrl: `${wp.settings.siteUrl}/blog` },
    ]) {
      kept.value = { siteUrl: wp.settings.siteUrl, username: wp.settings.username, base: wp.base };
      vi.resetModules();
      const woken = await import('../../../wordpress/desk-client');
      woken.keepDeskBasesIn(keep);
      const before = wp.sent.length;
      await woken.pullChanges(other, 'drafts', undefined, options);
      expect(wp.sent[before]?.url).toContain('?rest_route=');
      expect(kept.value === null || kept.value.username === other.username).toBe(true);
      expect(kept.value?.siteUrl ?? other.siteUrl).toBe(other.siteUrl);
    }
  });
  it('forgets the root when the settings name another account or site, in the same life', async () => {
    const { kept, keep } = keeper();
    keepDeskBasesIn(keep);
    const wp = site({ mode: 'blocked' });
    const options = { fetch: wp.fetch, isOnline: () => true };
    expect(await discoverDesk(wp.settings, options)).toMatchObject({ ok: true });
    expect(kept.value).toMatchObject({ base: wp.base });
    // Another account at the same site: redac's root goes, here and in storage.session (autre's
    // found again); redac back, it is looked for again.
    await pullChanges({ ...wp.settings, username: 'autre' }, 'drafts', undefined, options);
    expect(kept.value).toMatchObject({ username: 'autre' });
    const before = wp.sent.length;
    await pullChanges(wp.settings, 'drafts', undefined, options);
    expect(wp.sent[before]?.url).toContain('?rest_route=');
  });
});

describe('a shared desk on a site sending ?rest_route= to its home page (200)', () => {
  /** The site whose rule sends every `?rest_route=` address to its home page. */
  function homeSent(folder: string) {
    const wp = site({ mode: 'blocked', folder });
    const fetch: FetchLike = async (input, init) => {
      if (!new URL(input).searchParams.has('rest_route')) return wp.fetch(input, init);
      const password = 'Authorization' in ((init.headers ?? {}) as Record<string, string>);
      wp.sent.push({ method: init.method ?? 'GET', url: input, password });
      const home = `${wp.settings.siteUrl}/`;
      if (init.redirect === 'manual') {
        return new Response(null, { status: 302, headers: { Location: home } });
      }
      const answer = await wp.fetch(home, { ...init, headers: {} });
      Object.defineProperty(answer, 'url', { value: home });
      return answer;
    };
    return { wp, fetch };
  }

  for (const folder of ['', '/blog']) {
    it(`joins, reads and writes at its REST root${folder ? ' in a folder' : ''}`, async () => {
      const { wp, fetch } = homeSent(folder);
      const options = { fetch, isOnline: () => true };
      expect(await discoverDesk(wp.settings, options)).toMatchObject({ ok: true });
      expect(await createRecord(wp.settings, 'drafts', write, options)).toMatchObject({ ok: true });
      expect(wp.desk.log.filter((line) => line.startsWith('POST /indiscrets/v1/drafts'))).toEqual([
        expect.any(String),
      ]);
    });
  }
  it('writes at its REST root when a write comes first, no root found yet (review of 42c9e51)', async () => {
    // A new browser session (storage.session emptied) whose run begins with a write (a lock
    // released, the outbox sent before the role's next check): told site_moved with no address
    // before, the site not moved, the change waiting.
    const { wp, fetch } = homeSent('');
    const options = { fetch, isOnline: () => true };
    expect(await createRecord(wp.settings, 'drafts', write, options)).toMatchObject({ ok: true });
    expect(wp.desk.log.filter((line) => line.startsWith('POST /indiscrets/v1/drafts'))).toEqual([
      expect.any(String),
    ]);
    // The password with the write: at ?rest_route= (redirected, not followed), then the root.
    expect(wp.sent.filter((r) => r.password).map((r) => r.url)).toEqual([
      expect.stringContaining('/?rest_route=/indiscrets/v1/drafts'),
      expect.stringContaining(`${wp.base}indiscrets/v1/drafts?`),
    ]);
  });
});

describe('a shared desk on a site blocking ?rest_route= whose REST API is nowhere it may go', () => {
  it('is told rest_route_blocked, the password sent nowhere else: /api/v1/ (two segments) or none found', async () => {
    // A prefix of two segments is refused: a sub-site under the root has that shape.
    for (const options of [
      { mode: 'blocked', prefix: 'api/v1' },
      { mode: 'blocked', prefix: 'api', link: '/' },
    ] as const) {
      const wp = site(options);
      const call = { fetch: wp.fetch, isOnline: () => true };
      expect(await discoverDesk(wp.settings, call)).toMatchObject({
        ok: false,
        code: 'rest_route_blocked',
      });
      expect(await createRecord(wp.settings, 'drafts', write, call)).toMatchObject({
        ok: false,
        code: 'rest_route_blocked',
      });
      expect(wp.sent.filter((r) => r.password && !r.url.includes('?rest_route='))).toEqual([]);
    }
  });

  it('is told blocked as before when the site is not reached during the search', async () => {
    const wp = site({ mode: 'blocked', prefix: 'api' });
    const fetch: FetchLike = (input, init) =>
      new URL(input).search ? wp.fetch(input, init) : Promise.reject(new TypeError('network'));
    expect(await discoverDesk(wp.settings, { fetch, isOnline: () => true })).toMatchObject({
      ok: false,
      code: 'blocked',
    });
  });
});

describe('a shared desk whose site moved, every address sent to the new home page (200)', () => {
  it('is told the site moved, with its address, not that ?rest_route= is refused', async () => {
    sites += 1;
    const home = `https://moved${sites}.test`;
    const there = `https://www.moved${sites}.test/`;
    const settings: DeskSettings = { siteUrl: home, username: 'redac', appPassword: 'x y z' };
    const fetch: FetchLike = async (input) => {
      const url = new URL(input);
      if (url.origin === new URL(there).origin) {
        const page = new Response('<html>Accueil</html>', {
          status: 200,
          headers: { Link: `<${there}wp-json/>; rel="https://api.w.org/"` },
        });
        Object.defineProperty(page, 'url', { value: there });
        return page;
      }
      // The old address: everything to the new home page, followed (a read).
      const page = new Response('<html>Accueil</html>', { status: 200 });
      Object.defineProperty(page, 'url', { value: there });
      return page;
    };
    expect(await discoverDesk(settings, { fetch, isOnline: () => true })).toMatchObject({
      ok: false,
      code: 'site_moved',
    });
  });
});

describe('a shared desk whose REST root is forgotten while another site’s is found (review of dcc9617)', () => {
  afterEach(() => keepDeskBasesIn(undefined));

  it('never sends one account’s password to the root found meanwhile for another site', async () => {
    // The options' check of a site B typed in, while the background's sync asks at the desk's
    // site A: both blocking ?rest_route=, each with its own REST root.
    const a = site({ mode: 'blocked' });
    const b = site({ mode: 'blocked' });
    const chef = a.desk.addUser('chef', 'Chef', 'editor');
    const settingsA: DeskSettings = { ...a.settings, ...chef };
    const passwordA = `Basic ${btoa(`${chef.username}:${chef.appPassword}`)}`;
    const toB: string[] = [];
    const fetch: FetchLike = (input, init) => {
      const headers = (init.headers ?? {}) as Record<string, string>;
      if (input.startsWith(b.origin)) {
        if (headers.Authorization === passwordA) toB.push(input);
        return b.fetch(input, init);
      }
      return a.fetch(input, init);
    };
    // storage.session, its clearing slow for a moment (a write of the browser's).
    let kept: KeptDeskBase | null = null;
    const clearing: { done?: () => void } = {};
    keepDeskBasesIn({
      get: () => Promise.resolve(kept),
      set: (value) => {
        kept = value;
        return value ? Promise.resolve() : new Promise<void>((done) => (clearing.done = done));
      },
    });
    const options = { fetch, isOnline: () => true };
    // B checked first: its root kept.
    expect(await discoverDesk(b.settings, options)).toMatchObject({ ok: true });
    expect(kept).toMatchObject({ base: b.base });
    // A's request forgets B's root; while storage.session clears it, B's next check finds its
    // root again and keeps it.
    const pull = pullChanges(settingsA, 'drafts', undefined, options);
    await vi.waitFor(() => expect(clearing.done).toBeDefined());
    const release = clearing.done!;
    const again = discoverDesk(b.settings, options);
    for (let i = 0; i < 50 && kept === null; i += 1) await new Promise((r) => setTimeout(r, 1));
    expect(kept).toMatchObject({ base: b.base });
    release();
    const pulled = await pull;
    await again;
    expect(toB).toEqual([]);
    expect(pulled).toMatchObject({ ok: true });
  });
});
