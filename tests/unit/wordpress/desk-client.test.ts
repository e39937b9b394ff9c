import { beforeEach, describe, expect, it } from 'vitest';
import { siteMoved } from '../../../wordpress/client';
import {
  createRecord,
  discoverDesk,
  pullChanges,
  trashRecord,
  updateRecord,
} from '../../../wordpress/desk-client';
import { FakeDesk } from '../services/fake-desk';

/**
 * The desk client's trash of a merged draft (`merged_into`), against the fake desk: the target
 * is sent, and the trash never waits on it (a refused target, an older plugin). The same calls
 * run against the real plugin in tests/wordpress/desk-client.test.ts.
 */

async function twoDrafts(server: FakeDesk) {
  const settings = server.settings('redac');
  const options = { fetch: server.fetch, isOnline: () => true };
  const made = [];
  for (const title of ['X', 'Y']) {
    const write = { title, content: `<p>${title}</p>`, meta: { clientId: `draft-${title}-0001` } };
    const created = await createRecord(settings, 'drafts', write, options);
    if (!created.ok) throw new Error(created.code);
    made.push(created.record);
  }
  const [x, y] = made;
  return { settings, options, x: x!, y: y! };
}

describe('trashRecord with the draft it was merged into', () => {
  let server: FakeDesk;
  beforeEach(() => {
    server = new FakeDesk();
    server.addUser('redac', 'Rédaction', 'editor');
  });

  it('sends merged_into, and the trashed record names the draft', async () => {
    const { settings, options, x, y } = await twoDrafts(server);
    const trashed = await trashRecord(settings, 'drafts', x.id, { ...options, mergedInto: y.id });
    expect(trashed).toMatchObject({
      ok: true,
      merged: true,
      record: { status: 'trash', merged_into: { id: y.id, clientId: 'draft-Y-0001' } },
    });
    expect(server.log.filter((line) => line.startsWith('DELETE'))).toHaveLength(1);
  });

  it('trashes without the target when the plugin refuses it', async () => {
    const { settings, options, x } = await twoDrafts(server);
    const trashed = await trashRecord(settings, 'drafts', x.id, { ...options, mergedInto: 9999 });
    expect(trashed).toMatchObject({ ok: true, merged: false, record: { status: 'trash' } });
    expect(trashed.ok && trashed.record.merged_into).toBeNull();
    expect(server.log.filter((line) => line.startsWith('DELETE'))).toHaveLength(2);
    expect(server.byClientId('drafts', 'draft-X-0001')!.status).toBe('trash');
  });

  it('trashes with an older plugin, which ignores the target', async () => {
    server = new FakeDesk({ olderPlugin: true });
    server.addUser('redac', 'Rédaction', 'editor');
    const { settings, options, x, y } = await twoDrafts(server);
    const trashed = await trashRecord(settings, 'drafts', x.id, { ...options, mergedInto: y.id });
    expect(trashed).toMatchObject({ ok: true, merged: false, record: { status: 'trash' } });
    expect(trashed.ok && 'merged_into' in trashed.record).toBe(false);
  });

  it('a plain trash sends no target', async () => {
    const { settings, options, x } = await twoDrafts(server);
    const trashed = await trashRecord(settings, 'drafts', x.id, options);
    expect(trashed).toMatchObject({ ok: true, merged: false, record: { merged_into: null } });
  });
});

describe('an issue’s post with who published it, to an older plugin', () => {
  const post = {
    postId: 812,
    link: 'https://desk.test/?p=812',
    modifiedGmt: '2026-03-15T09:02:00',
    publishedAt: '2026-03-15T09:02:00.000Z',
    siteUrl: 'https://desk.test',
  };
  const named = { ...post, publishedBy: { id: 1, name: 'Rédaction' }, updated: true };

  for (const older of [false, true]) {
    it(
      older
        ? 'is sent again without the publisher when a plugin before 0.1.4 refuses it: the issue and its post still reach the desk'
        : 'keeps the publisher on a plugin that has it',
      async () => {
        const server = new FakeDesk({ olderPlugin: older });
        server.addUser('redac', 'Rédaction', 'editor');
        const settings = server.settings('redac');
        const options = { fetch: server.fetch, isOnline: () => true };
        const write = {
          title: 'Les indiscrets du 15 mars',
          content: '',
          meta: { clientId: 'issue-0001', status: 'published', wordpress: named },
        };
        const created = await createRecord(settings, 'issues', write, options);
        expect(created.ok).toBe(true);
        const stored = () => server.byClientId('issues', 'issue-0001')!.meta.wordpress;
        expect(stored()).toEqual(older ? post : named);

        const again = { ...named, publishedBy: { id: 1, name: 'Rédaction' }, updated: false };
        const record = created.ok ? created.record : undefined;
        const updated = await updateRecord(
          settings,
          'issues',
          record!.id,
          record!.version,
          { meta: { wordpress: again } },
          options,
        );
        expect(updated.ok).toBe(true);
        expect(stored()).toEqual(older ? post : again);
        expect(server.log.filter((line) => line.startsWith('POST'))).toHaveLength(older ? 4 : 2);
      },
    );
  }
});

describe('an issue’s post with the digest of what was sent, to older plugins', () => {
  const post = {
    postId: 812,
    link: 'https://desk.test/?p=812',
    modifiedGmt: '2026-03-15T09:02:00',
    publishedAt: '2026-03-15T09:02:00.000Z',
    siteUrl: 'https://desk.test',
  };
  const named = { ...post, publishedBy: { id: 1, name: 'Rédaction' }, updated: true };
  const sent = { ...named, digest: 'fnv1a32:4f1c0a9e:5321' };

  const plugins = [
    { plugin: '0.1.6', options: {}, kept: sent, posts: 2 },
    // Refused once: sent again without the digest, keeping who published.
    { plugin: '0.1.5', options: { noPostDigest: true }, kept: named, posts: 4 },
    // Refused twice: without the digest, then without who published.
    { plugin: '0.1.3', options: { olderPlugin: true }, kept: post, posts: 6 },
  ];
  for (const { plugin, options: desk, kept, posts } of plugins) {
    it(`plugin ${plugin} keeps what its schema has, and the issue and its post reach the desk`, async () => {
      const server = new FakeDesk(desk);
      server.addUser('redac', 'Rédaction', 'editor');
      const settings = server.settings('redac');
      const options = { fetch: server.fetch, isOnline: () => true };
      const write = {
        title: 'Les indiscrets du 15 mars',
        content: '',
        meta: { clientId: 'issue-0001', status: 'published', wordpress: sent },
      };
      const created = await createRecord(settings, 'issues', write, options);
      expect(created.ok).toBe(true);
      const stored = () => server.byClientId('issues', 'issue-0001')!.meta.wordpress;
      expect(stored()).toEqual(kept);

      const record = created.ok ? created.record : undefined;
      const updated = await updateRecord(
        settings,
        'issues',
        record!.id,
        record!.version,
        { meta: { wordpress: { ...sent, digest: 'fnv1a32:00c0ffee:5400' } } },
        options,
      );
      expect(updated.ok).toBe(true);
      expect(stored()).toEqual(
        plugin === '0.1.6' ? { ...sent, digest: 'fnv1a32:00c0ffee:5400' } : kept,
      );
      expect(server.log.filter((line) => line.startsWith('POST'))).toHaveLength(posts);
    });
  }
});

describe('the desk client facing a page served as a success', () => {
  const settings = {
    siteUrl: 'https://monjournal.fr',
    username: 'redac',
    appPassword: 'abcd efgh',
  };
  /** A security plugin's or a host's login or maintenance page, sent with 200 for every URL. */
  const loginPage = async () =>
    new Response('<!doctype html><title>Connexion</title><form id="loginform"></form>', {
      status: 200,
      headers: { 'Content-Type': 'text/html' },
    });
  const options = { fetch: loginPage, isOnline: () => true };

  it('answers a listing with a server’s failure, not by throwing', async () => {
    const pulled = await pullChanges(settings, 'issues', undefined, options);

    expect(pulled).toMatchObject({ ok: false, code: 'server_error', status: 200 });
  });

  it('answers a write with a server’s failure, not a success without its record', async () => {
    // Settled as sent, the change was dropped from the outbox and never reached the colleagues.
    const write = { title: 'X', content: '<p>X</p>', meta: { clientId: 'draft-X-0001' } };

    const created = await createRecord(settings, 'drafts', write, options);

    expect(created).toMatchObject({ ok: false, code: 'server_error' });
  });

  it('answers a listing sent as an object with a server’s failure', async () => {
    const object = async () =>
      new Response('{"code":"ok"}', {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });

    const pulled = await pullChanges(settings, 'drafts', undefined, { ...options, fetch: object });

    expect(pulled).toMatchObject({ ok: false, code: 'server_error' });
  });
});

/**
 * A site whose every answer comes from another address, as `redirect: 'follow'` gives it: the
 * desk's index there, anonymous (the browser drops the Authorization header on a redirect to
 * another origin), a listing, and a POST turned into a GET by the 301.
 */
function movedTo(host: string) {
  return async (input: string) => {
    const final = new URL(input);
    final.protocol = host.startsWith('http:') ? 'http:' : 'https:';
    final.host = host.replace(/^https?:\/\//, '');
    const route = final.searchParams.get('rest_route') ?? '';
    const body = route.startsWith('/indiscrets/v1/')
      ? []
      : { plugin: { name: 'indiscrets', version: '0.1.8' }, user: null, can: {}, lockWindow: 150 };
    const answer = new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
    Object.defineProperty(answer, 'url', { value: final.href });
    return answer;
  };
}

describe('the desk client facing a site that answers at another address', () => {
  const settings = { siteUrl: 'https://monjournal.fr/blog', username: 'redac', appPassword: 'x' };
  const options = { fetch: movedTo('www.monjournal.fr'), isOnline: () => true };
  const moved = { ok: false, code: 'site_moved', address: 'https://www.monjournal.fr/blog' };

  it('says so with the address to use, as publishing does, not « wrong password »', async () => {
    // Anonymous at www, the index named no user: the password was said to be wrong.
    expect(await discoverDesk(settings, options)).toMatchObject(moved);
    expect(siteMoved('https://www.monjournal.fr/blog/?rest_route=/', settings.siteUrl)).toEqual({
      ok: false,
      code: 'site_moved',
      address: moved.address,
    });
  });

  it('stops a listing and a write the same way, not as the desk’s answer', async () => {
    expect(await pullChanges(settings, 'drafts', undefined, options)).toMatchObject(moved);
    // The 301 made the POST a GET of the listing: not a server's failure to retry as such.
    const write = { title: 'X', content: '<p>X</p>', meta: { clientId: 'draft-X-0001' } };
    expect(await createRecord(settings, 'drafts', write, options)).toMatchObject(moved);
  });

  it('names no address when the other one is plain http to a remote host', async () => {
    const insecure = { ...options, fetch: movedTo('http://www.monjournal.fr') };

    const found = await discoverDesk(settings, insecure);

    expect(found).toMatchObject({ ok: false, code: 'site_moved' });
    expect(found).not.toHaveProperty('address');
  });

  it('follows a redirect to another port of the site’s host as before', async () => {
    const found = await discoverDesk(settings, {
      ...options,
      fetch: movedTo('monjournal.fr:8443'),
    });

    // The anonymous index of the same host: the credentials were refused, or dropped.
    expect(found).toMatchObject({ ok: false, code: 'credentials_unseen' });
  });
});

/**
 * A site whose every answer is `answer(route)`: the requests reach it with the credentials, what
 * it does with them is its answer (as WordPress's, seen in tests/wordpress/desk-client.test.ts).
 */
function answering(answer: (route: string) => { status: number; body: unknown }) {
  return async (input: string) => {
    const route = new URL(input).searchParams.get('rest_route') ?? '';
    const { status, body } = answer(route);
    const response = new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
    Object.defineProperty(response, 'url', { value: input });
    return response;
  };
}

describe('the desk client’s 401s told apart', () => {
  const settings = { siteUrl: 'https://monjournal.fr', username: 'redac', appPassword: 'x' };
  const index = { plugin: { name: 'indiscrets', version: '0.1.8' }, can: {}, lockWindow: 150 };

  it('takes a refusal WordPress names for wrong credentials, at discovery and in a listing', async () => {
    const fetch = answering(() => ({
      status: 401,
      body: { code: 'incorrect_password', message: 'The provided password is invalid.' },
    }));
    const options = { fetch, isOnline: () => true };
    expect(await discoverDesk(settings, options)).toMatchObject({
      ok: false,
      code: 'wrong_credentials',
      wpCode: 'incorrect_password',
    });
    expect(await pullChanges(settings, 'drafts', undefined, options)).toMatchObject({
      ok: false,
      code: 'wrong_credentials',
    });
  });

  it('takes the index with no user for credentials unseen: refused, or dropped on the way', async () => {
    // WordPress's answer to a wrong password, and to the right one whose header the server
    // dropped: the public index, anonymous.
    const fetch = answering(() => ({ status: 200, body: { ...index, user: null } }));
    expect(await discoverDesk(settings, { fetch, isOnline: () => true })).toEqual({
      ok: false,
      code: 'credentials_unseen',
      status: 401,
    });
  });

  it('takes a permission check’s 401 (anonymous) in a listing or a write for credentials unseen', async () => {
    const fetch = answering(() => ({
      status: 401,
      body: {
        code: 'indiscrets_cannot_read',
        message: 'Sorry, your role on this site does not give access to the shared desk.',
        data: { status: 401, needs: 'contributor' },
      },
    }));
    const options = { fetch, isOnline: () => true };
    expect(await pullChanges(settings, 'drafts', undefined, options)).toMatchObject({
      ok: false,
      code: 'credentials_unseen',
      status: 401,
    });
    const write = { title: 'X', content: '<p>X</p>', meta: { clientId: 'draft-X-0001' } };
    expect(await createRecord(settings, 'drafts', write, options)).toMatchObject({
      ok: false,
      code: 'credentials_unseen',
    });
  });
});

/**
 * The plugin's discovery naming its site's address (`home`, `url`: plugin 0.1.10), as the REST
 * index does: a desk at `monjournal.fr/blog` answered by the WordPress of the root (a network's
 * sub-site deleted, the main site answering under its folder with no redirect) is told so, as
 * publishing is (client.ts, siteOfElsewhere), not taken for its own.
 */
describe('the desk client facing a discovery that names another site’s address', () => {
  const blog = { siteUrl: 'https://monjournal.fr/blog', username: 'redac', appPassword: 'x' };
  const index = {
    plugin: { name: 'indiscrets', version: '0.1.10', wordpress: '6.7', revisions: true },
    user: { id: 1, name: 'Rédaction', roles: ['editor'] },
    can: {},
    lockWindow: 150,
  };
  const named = (fields: object, settings = blog) =>
    discoverDesk(settings, {
      fetch: answering(() => ({ status: 200, body: { ...index, ...fields } })),
      isOnline: () => true,
    });

  it('says site_moved with the root’s address when the root’s WordPress answers at the folder', async () => {
    const root = { home: 'https://monjournal.fr', url: 'https://monjournal.fr' };
    expect(await named(root)).toEqual({
      ok: false,
      code: 'site_moved',
      address: 'https://monjournal.fr',
    });
    // Anonymous there too: the address, not « wrong password ».
    expect(await named({ ...root, user: null })).toMatchObject({
      code: 'site_moved',
      address: 'https://monjournal.fr',
    });
    // Another folder of the host.
    expect(
      await named({ home: 'https://monjournal.fr/actu/', url: 'https://monjournal.fr/actu' }),
    ).toMatchObject({ code: 'site_moved', address: 'https://monjournal.fr/actu' });
  });

  it('takes its own address, one within it, or its files’ folder named, as its desk', async () => {
    const own = { home: 'https://monjournal.fr/blog/', url: 'https://monjournal.fr/blog' };
    expect(await named(own)).toMatchObject({ ok: true });
    // WordPress in a folder of its own files, its home the root: the same site.
    expect(
      await named({ home: 'https://monjournal.fr', url: 'https://monjournal.fr/blog' }),
    ).toMatchObject({ ok: true });
    // A WordPress in a folder of the address (monjournal.fr answered by the one at /fr).
    const root = { ...blog, siteUrl: 'https://monjournal.fr' };
    const fr = { home: 'https://monjournal.fr/fr', url: 'https://monjournal.fr/fr' };
    expect(await named(fr, root)).toMatchObject({ ok: true });
    // Another host named (a site answering at two names): nothing said of a move.
    expect(
      await named({ home: 'https://www.monjournal.fr', url: 'https://www.monjournal.fr' }),
    ).toMatchObject({ ok: true });
  });

  it('takes an older plugin’s discovery, which names no address, as before', async () => {
    expect(await named({ plugin: { ...index.plugin, version: '0.1.9' } })).toMatchObject({
      ok: true,
    });
  });
});

describe('discoverDesk and the names of the user’s roles (plugin 0.1.12)', () => {
  const settings = { siteUrl: 'https://monjournal.fr', username: 'chef', appPassword: 'x' };
  const index = (user: unknown) => ({
    plugin: { name: 'indiscrets', version: '0.1.12' },
    user,
    can: {},
    lockWindow: 150,
  });
  const found = (user: unknown) =>
    discoverDesk(settings, {
      fetch: answering(() => ({ status: 200, body: index(user) })),
      isOnline: () => true,
    });

  it('keeps WordPress’s name of each of the user’s roles', async () => {
    const result = await found({
      id: 12,
      name: 'Chef',
      roles: ['shop_manager'],
      roleNames: { shop_manager: 'Gestionnaire de boutique' },
    });
    expect(result.ok && result.desk.user).toEqual({
      id: 12,
      name: 'Chef',
      roles: ['shop_manager'],
      roleNames: { shop_manager: 'Gestionnaire de boutique' },
    });
  });

  it('keeps only names that are strings, of the user’s roles (PHP’s empty object is [])', async () => {
    const result = await found({
      id: 12,
      name: 'Chef',
      roles: ['shop_manager', 'editor'],
      roleNames: { shop_manager: { html: '<b>' }, editor: '  Éditeur ', administrator: 'Admin' },
    });
    expect(result.ok && result.desk.user?.roleNames).toEqual({ editor: 'Éditeur' });
    const empty = await found({ id: 12, name: 'Chef', roles: [], roleNames: [] });
    expect(empty.ok && empty.desk.user).toEqual({ id: 12, name: 'Chef', roles: [] });
  });

  it('cuts a very long name at a word, with « … », never inside a character (review s65 RI)', async () => {
    const long = `Rédacteur en chef adjoint ${'chargé des éditions du soir '.repeat(400)}`;
    const emoji = `${'a'.repeat(199)}\u{1F4F0} du soir`;
    const result = await found({
      id: 12,
      name: 'Chef',
      roles: ['chef', 'veilleur'],
      roleNames: { chef: long, veilleur: emoji },
    });
    const names = (result.ok && result.desk.user?.roleNames) || {};
    expect(names.chef!.length).toBeLessThanOrEqual(200);
    expect(names.chef).toMatch(
      /^Rédacteur en chef adjoint chargé des éditions du soir .*[a-zé]…$/u,
    );
    expect(names.veilleur).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
    expect(names.veilleur!.endsWith('…')).toBe(true);
  });

  it('gives none from an older plugin, which names the roles only', async () => {
    const result = await found({ id: 12, name: 'Chef', roles: ['shop_manager'] });
    expect(result.ok && result.desk.user).toEqual({
      id: 12,
      name: 'Chef',
      roles: ['shop_manager'],
    });
  });
});
