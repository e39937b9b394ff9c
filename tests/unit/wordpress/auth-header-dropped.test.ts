import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishFailureText } from '../../../components/publishFailureText';
import { syncLine } from '../../../components/SharedDeskBar';
import { probeFailureText } from '../../../components/SharedDeskSettings';
import { setLocale } from '../../../locales/core';
import { SYNC_OFF } from '../../../storage/sync-state';
import { publishPost, sitePosts, testConnection } from '../../../wordpress/client';
import { createRecord, discoverDesk, pullChanges } from '../../../wordpress/desk-client';
import type { FetchLike } from '../../../wordpress/transport';

afterEach(() => setLocale('fr'));

/**
 * Credentials answered as to an anonymous visitor, on a site with the companion plugin 0.1.9:
 * its discovery says whether the request reached PHP with any Authorization header
 * (`authorization`). None did: the site's server drops it (`auth_header_dropped`, the password
 * not in question); one did: WordPress refused the credentials (`wrong_credentials`). Without
 * the field (an older plugin) or without the plugin, both stay possible (`credentials_unseen`).
 */

const settings = { siteUrl: 'https://monjournal.fr', username: 'redac', appPassword: 'x' };

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The plugin's index as an anonymous visitor gets it, `authorization` as given (or absent). */
const anonymousIndex = (authorization?: boolean) => ({
  plugin: { name: 'indiscrets', version: authorization === undefined ? '0.1.8' : '0.1.9' },
  user: null,
  can: {},
  lockWindow: 150,
  ...(authorization === undefined ? {} : { authorization }),
});

/** The REST route a request asked (`/` for the index), with `_fields` if any. */
function routeOf(input: string): { route: string; fields: string | null } {
  const url = new URL(input);
  const route = url.pathname.startsWith('/wp-json')
    ? url.pathname.replace(/^\/wp-json/, '') || '/'
    : (url.searchParams.get('rest_route') ?? `page:${url.pathname}`);
  return { route: route.replace(/\/$/, '') || '/', fields: url.searchParams.get('_fields') };
}

/** A site seen through `fetch`, every request recorded (route and `_fields`). */
function site(answer: (route: string, init: RequestInit) => Response) {
  const asked: { route: string; fields: string | null }[] = [];
  const fetch = vi.fn<FetchLike>(async (input, init) => {
    const seen = routeOf(input);
    asked.push(seen);
    const response = answer(seen.route, init);
    Object.defineProperty(response, 'url', { value: input });
    return response;
  });
  return { fetch, asked };
}

/** A permission check's 401 to a visitor WordPress did not identify. */
const anonymous401 = () =>
  json(
    {
      code: 'indiscrets_cannot_read',
      message: 'Sorry, your role on this site does not give access to the shared desk.',
      data: { status: 401, needs: 'contributor' },
    },
    401,
  );

describe('the shared desk’s check with plugin 0.1.9', () => {
  it('says the header was dropped when the plugin saw no Authorization', async () => {
    const desk = site(() => json(anonymousIndex(false)));
    expect(await discoverDesk(settings, { fetch: desk.fetch, isOnline: () => true })).toEqual({
      ok: false,
      code: 'auth_header_dropped',
      status: 401,
    });
    // The field is asked by name: WordPress's _fields would leave it out otherwise.
    expect(desk.asked[0]?.fields?.split(',')).toContain('authorization');
  });

  it('says the credentials were refused when the plugin saw them and found no user', async () => {
    const desk = site(() => json(anonymousIndex(true)));
    expect(await discoverDesk(settings, { fetch: desk.fetch, isOnline: () => true })).toEqual({
      ok: false,
      code: 'wrong_credentials',
      status: 401,
    });
  });

  it('keeps credentials_unseen for an older plugin, which does not say', async () => {
    const desk = site(() => json(anonymousIndex()));
    expect(await discoverDesk(settings, { fetch: desk.fetch, isOnline: () => true })).toEqual({
      ok: false,
      code: 'credentials_unseen',
      status: 401,
    });
  });
});

describe('the desk client’s anonymous 401s told apart by the plugin', () => {
  const deskAnswering = (index: object) =>
    site((route) => (route === '/indiscrets/v1' ? json(index) : anonymous401()));

  it('asks the plugin once, and says the header was dropped, in a listing and a write', async () => {
    const desk = deskAnswering(anonymousIndex(false));
    const options = { fetch: desk.fetch, isOnline: () => true };
    expect(await pullChanges(settings, 'drafts', undefined, options)).toMatchObject({
      ok: false,
      code: 'auth_header_dropped',
      status: 401,
      wpCode: 'indiscrets_cannot_read',
    });
    expect(desk.asked.filter((a) => a.route === '/indiscrets/v1')).toHaveLength(1);
    const write = { title: 'X', content: '<p>X</p>', meta: { clientId: 'draft-X-0001' } };
    expect(await createRecord(settings, 'drafts', write, options)).toMatchObject({
      ok: false,
      code: 'auth_header_dropped',
    });
  });

  it('says wrong credentials when the plugin saw the header', async () => {
    const desk = deskAnswering(anonymousIndex(true));
    expect(
      await pullChanges(settings, 'drafts', undefined, { fetch: desk.fetch, isOnline: () => true }),
    ).toMatchObject({ ok: false, code: 'wrong_credentials', status: 401 });
  });

  it('keeps credentials_unseen for an older plugin, and for a site that refuses its index too, asking it once', async () => {
    const older = deskAnswering(anonymousIndex());
    expect(
      await pullChanges(settings, 'drafts', undefined, {
        fetch: older.fetch,
        isOnline: () => true,
      }),
    ).toMatchObject({ ok: false, code: 'credentials_unseen' });
    // A REST API closed to anonymous visitors: the index's own 401 asks nothing more.
    const closed = site(() => anonymous401());
    const listed = await pullChanges(settings, 'drafts', undefined, {
      fetch: closed.fetch,
      isOnline: () => true,
    });
    expect(listed).toMatchObject({ ok: false, code: 'credentials_unseen' });
    expect(closed.asked.filter((a) => a.route === '/indiscrets/v1')).toHaveLength(1);
  });
});

const INDEX = {
  name: 'Mon Journal',
  namespaces: ['wp/v2'],
  authentication: { 'application-passwords': { endpoints: {} } },
};
const WITH_PLUGIN = { ...INDEX, namespaces: ['wp/v2', 'indiscrets/v1'] };

/** A WordPress that answers users/me and the post's creation as to an anonymous visitor. */
function anonymousWordPress(index: object, plugin: object | undefined) {
  return site((route, init) => {
    if (route === '/') return json(index);
    if (route === '/indiscrets/v1' && plugin) return json(plugin);
    if (route === '/wp/v2/categories') return json([{ id: 7, name: 'Indiscrets' }]);
    if (route === '/wp/v2/posts' && init.method === 'POST') {
      return json({ code: 'rest_cannot_create', message: 'Non', data: { status: 401 } }, 401);
    }
    if (route === '/wp/v2/posts') return json([]);
    // An update reads the post back first, in the edit context: anonymous, refused.
    if (route.startsWith('/wp/v2/posts/')) {
      return json({ code: 'rest_forbidden_context', message: 'Non', data: { status: 401 } }, 401);
    }
    if (route === '/wp/v2/users/me') {
      return json({ code: 'rest_not_logged_in', message: 'Non', data: { status: 401 } }, 401);
    }
    return json({ code: 'rest_no_route' }, 404);
  });
}

describe('the connection test and publishing with the plugin on the site', () => {
  const POST = { title: 'Les indiscrets', content: '<p>x</p>', marker: 'les-indiscrets-abcd1234' };

  it('says the header was dropped when the plugin saw none', async () => {
    const wp = anonymousWordPress(WITH_PLUGIN, anonymousIndex(false));
    expect(await testConnection(settings, { fetch: wp.fetch })).toMatchObject({
      ok: false,
      code: 'auth_header_dropped',
      status: 401,
      wpCode: 'rest_not_logged_in',
    });
    expect(await publishPost(settings, POST, { fetch: wp.fetch })).toMatchObject({
      ok: false,
      code: 'auth_header_dropped',
      wpCode: 'rest_cannot_create',
    });
    const update = { title: POST.title, content: POST.content, postId: 5 };
    expect(await publishPost(settings, update, { fetch: wp.fetch })).toMatchObject({
      ok: false,
      code: 'auth_header_dropped',
      wpCode: 'rest_forbidden_context',
    });
  });

  it('says wrong credentials when the plugin saw them', async () => {
    const wp = anonymousWordPress(WITH_PLUGIN, anonymousIndex(true));
    expect(await testConnection(settings, { fetch: wp.fetch })).toMatchObject({
      ok: false,
      code: 'wrong_credentials',
      status: 401,
    });
  });

  it('keeps credentials_unseen with an older plugin, and asks nothing more of a site without it', async () => {
    const older = anonymousWordPress(WITH_PLUGIN, anonymousIndex());
    expect(await testConnection(settings, { fetch: older.fetch })).toMatchObject({
      ok: false,
      code: 'credentials_unseen',
    });
    const without = anonymousWordPress(INDEX, undefined);
    expect(await testConnection(settings, { fetch: without.fetch })).toMatchObject({
      ok: false,
      code: 'credentials_unseen',
    });
    expect(without.asked.some((a) => a.route.startsWith('/indiscrets'))).toBe(false);
  });
});

describe('the link form’s site posts with the plugin on the site', () => {
  /** A site whose REST API answers logged-in users only: its posts refused as to a visitor. */
  const closedWordPress = (plugin: object | undefined) =>
    site((route) => {
      if (route === '/') return json(WITH_PLUGIN);
      if (route === '/indiscrets/v1' && plugin) return json(plugin);
      if (route === '/wp/v2/posts') {
        return json({ code: 'rest_not_logged_in', message: 'Non', data: { status: 401 } }, 401);
      }
      return json({ code: 'rest_no_route' }, 404);
    });

  it('tells a dropped header from refused credentials, as the connection test does', async () => {
    const dropped = closedWordPress(anonymousIndex(false));
    const refused = closedWordPress(anonymousIndex(true));
    const older = closedWordPress(anonymousIndex());

    expect(await sitePosts(settings, {}, { fetch: dropped.fetch })).toMatchObject({
      ok: false,
      code: 'auth_header_dropped',
    });
    expect(await sitePosts(settings, {}, { fetch: refused.fetch })).toMatchObject({
      ok: false,
      code: 'wrong_credentials',
    });
    expect(await sitePosts(settings, {}, { fetch: older.fetch })).toMatchObject({
      ok: false,
      code: 'credentials_unseen',
    });
  });
});

describe('auth_header_dropped in words', () => {
  it('says, at the connection test and in publishing, that the server removes it, not to check the password (FR and EN)', () => {
    const fr = publishFailureText('auth_header_dropped', { status: 401 }, 'fr');
    expect(fr).toBe(
      'Le serveur du site retire l’identification avant qu’elle n’arrive à WordPress (401)\u00a0: votre mot de passe d’application n’est pas en cause. L’administrateur du site ou son hébergeur peut la laisser passer (la règle HTTP_AUTHORIZATION du fichier .htaccess de WordPress, ou un réglage de l’hébergeur).',
    );
    expect(fr).not.toContain('Vérifiez');
    expect(publishFailureText('auth_header_dropped', { status: 401 }, 'en')).toBe(
      'The site’s server removes the identification before it reaches WordPress (401): your application password is not at fault. The site’s administrator or host can let it through (the HTTP_AUTHORIZATION rule in WordPress’s .htaccess file, or a setting at the host).',
    );
    // Once the settings went through, the same: the server, not a revoked password.
    expect(publishFailureText('auth_header_dropped', {}, 'fr', { workedBefore: true })).toBe(fr);
  });

  it('is the shared desk check’s sentence in the options', () => {
    const failure = { ok: false as const, code: 'auth_header_dropped' as const, status: 401 };
    expect(probeFailureText(failure)).toContain(
      'votre mot de passe d’application n’est pas en cause',
    );
    setLocale('en');
    expect(probeFailureText(failure)).toContain('your application password is not at fault');
  });

  it('is the desk’s sync line', () => {
    const line = () =>
      syncLine(
        { ...SYNC_OFF, enabled: true, lastError: { code: 'auth_header_dropped', at: '' } },
        0,
        true,
      );
    expect(line()).toBe(
      'Le serveur du site retire l’identification avant qu’elle n’arrive à WordPress (401)\u00a0: votre mot de passe n’est pas en cause\u202f; l’administrateur du site ou son hébergeur peut la laisser passer (règle HTTP_AUTHORIZATION du .htaccess de WordPress, ou réglage de l’hébergeur)',
    );
    setLocale('en');
    expect(line()).toBe(
      'The site’s server removes the identification before it reaches WordPress (401): your password is not at fault; the site’s administrator or host can let it through (the HTTP_AUTHORIZATION rule in WordPress’s .htaccess, or a setting at the host)',
    );
  });
});
