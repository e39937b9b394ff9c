import { describe, expect, it, vi } from 'vitest';
import { fieldToFix } from '../../../components/openSettings';
import { publishFailureText } from '../../../components/publishFailureText';
import { publishPost, testConnection, type WpSettings } from '../../../wordpress/client';
import { jsonOf, type FetchLike } from '../../../wordpress/transport';

const settings: WpSettings = {
  siteUrl: 'https://www.monjournal.fr',
  username: 'redac',
  appPassword: 'abcd EFGH ijkl MNOP qrst UVWX',
};

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A site seen through `fetch`: `answer` gives each request's response. Records the URLs. */
function fakeSite(answer: (url: URL, init: RequestInit) => Response) {
  const urls: string[] = [];
  const fetch = vi.fn<FetchLike>(async (input, init) => {
    urls.push(input);
    return answer(new URL(input), init);
  });
  return { fetch, urls };
}

/** WordPress's page when it cannot reach its database: a 500 with no REST API behind it. */
const DATABASE_DOWN =
  '<!DOCTYPE html><title>Erreur</title><h1>Erreur lors de la connexion à la base de données</h1>';

describe('discovery of a site that answers with a server error', () => {
  it.each([500, 502, 503])(
    'reports HTTP %i everywhere as a server error with its status, not as « not WordPress »',
    async (status) => {
      const site = fakeSite(() => html(DATABASE_DOWN, status));
      const result = await testConnection(settings, { fetch: site.fetch });
      expect(result).toMatchObject({ ok: false, code: 'site_server_error', status });
    },
  );

  it('reports a REST API that answers 503 while the home page is a WordPress page', async () => {
    const site = fakeSite((url) =>
      url.pathname === '/' && !url.searchParams.has('rest_route')
        ? html('<link rel="stylesheet" href="/wp-content/themes/t/style.css">')
        : html('<h1>Service Unavailable</h1>', 503),
    );
    const result = await testConnection(settings, { fetch: site.fetch });
    expect(result).toMatchObject({ ok: false, code: 'site_server_error', status: 503 });
  });

  it('reports a WordPress error object with a 500, asked again with the credentials, as a server error', async () => {
    const site = fakeSite(() =>
      json(
        { code: 'internal_server_error', message: 'Erreur critique', data: { status: 500 } },
        500,
      ),
    );
    const result = await testConnection(settings, { fetch: site.fetch });
    expect(result).toMatchObject({ ok: false, code: 'site_server_error', status: 500 });
  });

  it('stops a publication at a 502 with the same code, before any post is written', async () => {
    const site = fakeSite(() => html('<h1>502 Bad Gateway</h1>', 502));
    const result = await publishPost(
      settings,
      { title: 'Les indiscrets', content: '<p>x</p>' },
      {
        fetch: site.fetch,
      },
    );
    expect(result).toMatchObject({ ok: false, code: 'site_server_error', status: 502 });
    expect(site.fetch.mock.calls.every(([, init]) => (init.method ?? 'GET') === 'GET')).toBe(true);
  });

  it('still reports a site that answers normally without WordPress as not WordPress', async () => {
    const site = fakeSite((url) =>
      url.pathname === '/' && !url.searchParams.has('rest_route')
        ? html('<!doctype html><title>Pas WordPress</title><h1>Bonjour</h1>')
        : html('<h1>Introuvable</h1>', 404),
    );
    const result = await testConnection(settings, { fetch: site.fetch });
    expect(result).toMatchObject({ ok: false, code: 'not_wordpress' });
  });

  it('words the server error with its status, to try again later or ask the administrator', () => {
    expect(publishFailureText('site_server_error', { status: 503 }, 'fr')).toBe(
      'Le site a répondu par une erreur du serveur (code 503)\u00a0: il est peut-être momentanément indisponible. Réessayez plus tard, ou prévenez son administrateur si cela dure.',
    );
    expect(publishFailureText('site_server_error', { status: 503 }, 'en')).toBe(
      'The site answered with a server error (status 503): it may be down for a moment. Try again later, or tell its administrator if it lasts.',
    );
  });
});

const INDEX = {
  name: 'Mon Journal',
  namespaces: ['wp/v2'],
  authentication: { 'application-passwords': { endpoints: {} } },
};

/** A site's answers by REST route (`/` for the index), `page:/path` for other pages. */
function restSite(answer: (route: string, init: RequestInit) => Response) {
  return fakeSite((url, init) => {
    const route = url.pathname.startsWith('/wp-json')
      ? url.pathname.replace(/^\/wp-json/, '')
      : (url.searchParams.get('rest_route') ?? `page:${url.pathname}`);
    return answer(route, init);
  });
}

/** A WordPress that answers everything but the POST that creates the post, refused by `refuse`. */
const refusingPost = (refuse: () => Response) =>
  restSite((route, init) => {
    if (route === '/') return json(INDEX);
    if (route === '/wp/v2/categories') return json([{ id: 7, name: 'Indiscrets' }]);
    if (route === '/wp/v2/posts' && init.method === 'POST') return refuse();
    if (route === '/wp/v2/posts') return json([]);
    return json({ code: 'rest_no_route' }, 404);
  });

const POST = { title: 'Les indiscrets', content: '<p>x</p>', marker: 'les-indiscrets-abcd1234' };

describe('refusals told apart', () => {
  it('takes a 401 WordPress names (incorrect_password, invalid_username) for refused credentials', async () => {
    // WordPress read the credentials and said no: they are what the editor corrects.
    for (const code of ['incorrect_password', 'invalid_username', 'invalid_email']) {
      const wrong = restSite((route) =>
        route === '/' ? json(INDEX) : json({ code, message: 'Refusé' }, 401),
      );
      expect(await testConnection(settings, { fetch: wrong.fetch }), code).toMatchObject({
        ok: false,
        code: 'wrong_credentials',
        wpCode: code,
      });
    }
    expect(fieldToFix('wrong_credentials')).toBe('password');
  });

  it('takes a 401 as to an anonymous visitor for credentials unseen: wrong, or dropped on the way', async () => {
    // A real WordPress answers so a wrong application password (unless a plugin asks who the
    // user is first) and a request whose Authorization header the server dropped, the right
    // password in it (tests/wordpress/connection.test.ts): nothing tells the two apart.
    for (const code of ['rest_not_logged_in', 'rest_forbidden_context', 'rest_forbidden']) {
      const anonymous = restSite((route) =>
        route === '/' ? json(INDEX) : json({ code, message: 'Non connecté' }, 401),
      );
      const result = await testConnection(settings, { fetch: anonymous.fetch });
      expect(result, code).toMatchObject({ ok: false, code: 'credentials_unseen', status: 401 });
      if (!result.ok) {
        const said = publishFailureText(result.code, result, 'fr');
        expect(said).toContain('comme si aucun identifiant ne lui avait été envoyé');
        expect(said).toContain('HTTP_AUTHORIZATION');
      }
    }
    // The password is still the first thing to check: the settings open on it.
    expect(fieldToFix('credentials_unseen')).toBe('password');
  });

  it('does not blame the editor’s role for a 403 that names no right (a firewall’s page)', async () => {
    const waf = refusingPost(() =>
      html('<html><title>403 Forbidden</title><p>Mod_Security</p></html>', 403),
    );
    const result = await publishPost(settings, POST, { fetch: waf.fetch });
    expect(result).toMatchObject({ ok: false, code: 'blocked', status: 403 });
    expect(publishFailureText('blocked', { status: 403 }, 'fr')).toBe(
      'Le site a bloqué la demande (pare-feu, extension de sécurité ou protection de l’hébergeur, code 403)\u00a0: vos droits dans WordPress ne sont pas en cause. Réessayez plus tard\u202f; si cela se reproduit, transmettez ce message à l’administrateur du site.',
    );
    expect(publishFailureText('blocked', { status: 403 }, 'en')).toBe(
      'The site blocked the request (a firewall, a security plugin or the host’s protection, status 403): your WordPress rights are not the cause. Try again later; if it happens again, pass this message on to the site’s administrator.',
    );
    // A security plugin's own code is no right either; WordPress's refusal of one still is.
    const plugin = refusingPost(() => json({ code: 'itsec_rest_api_access_restricted' }, 403));
    expect(await publishPost(settings, POST, { fetch: plugin.fetch })).toMatchObject({
      code: 'blocked',
    });
    const role = refusingPost(() => json({ code: 'rest_cannot_create', message: 'Non' }, 403));
    expect(await publishPost(settings, POST, { fetch: role.fetch })).toMatchObject({
      code: 'cannot_create_posts',
    });
  });

  it('says a post too big for the server (413) and a rate limit (429) in their own words', async () => {
    const big = refusingPost(() => html('<h1>413 Request Entity Too Large</h1>', 413));
    const tooBig = await publishPost(settings, POST, { fetch: big.fetch });
    expect(tooBig).toMatchObject({ ok: false, code: 'too_large', status: 413 });
    const busy = refusingPost(() => html('<h1>Too Many Requests</h1>', 429));
    const limited = await publishPost(settings, POST, { fetch: busy.fetch });
    expect(limited).toMatchObject({ ok: false, code: 'too_many_requests', status: 429 });

    expect(publishFailureText('too_large', { status: 413 }, 'fr')).toBe(
      'L’article est trop volumineux pour les limites du serveur du site (code 413)\u00a0: raccourcissez le numéro, ou demandez à l’administrateur du site de relever la taille maximale acceptée.',
    );
    expect(publishFailureText('too_large', { status: 413 }, 'en')).toBe(
      'The post is too big for the site server’s limits (status 413): shorten the issue, or ask the site’s administrator to raise the maximum size accepted.',
    );
    expect(publishFailureText('too_many_requests', { status: 429 }, 'fr')).toBe(
      'Le site reçoit trop de demandes et demande de patienter (code 429)\u00a0: attendez un moment, puis réessayez.',
    );
    expect(publishFailureText('too_many_requests', { status: 429 }, 'en')).toBe(
      'The site is receiving too many requests and asks to wait (status 429): wait a moment, then try again.',
    );
  });
});

describe('discovery of a site that refuses to be looked at', () => {
  it('reports a server password (401 with WWW-Authenticate: Basic) everywhere as site_protected', async () => {
    const site = fakeSite(() => {
      const answer = html('<h1>Authorization Required</h1>', 401);
      answer.headers.set('WWW-Authenticate', 'Basic realm="Preprod"');
      return answer;
    });
    const result = await testConnection(settings, { fetch: site.fetch });
    expect(result).toMatchObject({ ok: false, code: 'site_protected', status: 401 });
  });

  it('reports a 429 or a challenge page (403) everywhere as such, not as « not WordPress »', async () => {
    const limited = fakeSite(() => html('<h1>Too Many Requests</h1>', 429));
    expect(await testConnection(settings, { fetch: limited.fetch })).toMatchObject({
      ok: false,
      code: 'too_many_requests',
      status: 429,
    });
    const challenged = fakeSite(() => html('<title>Just a moment...</title>', 403));
    expect(await testConnection(settings, { fetch: challenged.fetch })).toMatchObject({
      ok: false,
      code: 'blocked',
      status: 403,
    });
  });

  it('keeps « not WordPress » for a site that shows its home page but refuses wp-* paths', async () => {
    const site = fakeSite((url) =>
      url.pathname === '/' && !url.searchParams.has('rest_route')
        ? html('<!doctype html><title>Pas WordPress</title>')
        : html('<h1>Forbidden</h1>', 403),
    );
    expect(await testConnection(settings, { fetch: site.fetch })).toMatchObject({
      ok: false,
      code: 'not_wordpress',
    });
  });
});

describe('a PHP notice holding « [ » before the JSON', () => {
  const NOTICE =
    '<br />\n<b>Deprecated</b>:  Return type of Foo::getIterator() should either be compatible with IteratorAggregate::getIterator(): Traversable, or the #[\\ReturnTypeWillChange] attribute should be used to temporarily suppress the notice in <b>/var/www/foo.php</b> on line <b>42</b><br />\n';

  it('reads the created post after it, rather than calling a 201 unreadable', async () => {
    const site = refusingPost(
      () =>
        new Response(
          `${NOTICE}${JSON.stringify({ id: 99, link: 'https://x/?p=99', modified_gmt: '2026-01-01T10:00:00', status: 'draft' })}`,
          { status: 201, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    const result = await publishPost(settings, POST, { fetch: site.fetch });
    expect(result).toMatchObject({ ok: true, postId: 99, created: true });
  });

  it('tries a bounded number of starts, and none for a body that does not end as JSON', () => {
    expect(jsonOf(`${NOTICE}${NOTICE}[1, 2]`)).toEqual([1, 2]);
    expect(jsonOf('\ufeff{"a": 1}\n')).toEqual({ a: 1 });
    const parse = vi.spyOn(JSON, 'parse');
    try {
      // Lines opening with the other bracket cost no parse.
      expect(jsonOf(`${'[notice]\n'.repeat(10_000)}{"late": true}`)).toEqual({ late: true });
      expect(parse.mock.calls.length).toBeLessThanOrEqual(2);
      parse.mockClear();
      expect(jsonOf(`${'{notice}\n'.repeat(10_000)}{"late": true}`)).toBeUndefined();
      expect(parse.mock.calls.length).toBeLessThanOrEqual(4);
      parse.mockClear();
      expect(jsonOf(`<html>${'[x] '.repeat(100_000)}</html>`)).toBeUndefined();
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});

describe('a folder of a host answered by the WordPress of another folder (monjournal.fr/blog, the root’s)', () => {
  const blog = { ...settings, siteUrl: 'https://www.monjournal.fr/blog' };
  const ROOT = 'https://www.monjournal.fr';
  /**
   * The root's WordPress, asked under /blog: the folder gone, its rewrite rules answering
   * /blog/?rest_route= itself (/blog/wp-json/ a 404 page), or the folder redirecting every
   * address to the root's. `own`: the index's url and home, the root's unless given.
   */
  const rootSite = (redirect: boolean, own: { url?: string; home?: string } = {}) =>
    fakeSite((asked, init) => {
      const url = redirect ? new URL(asked.href.replace('/blog/', '/')) : asked;
      const route = url.pathname.startsWith('/wp-json')
        ? url.pathname.replace(/^\/wp-json/, '')
        : url.searchParams.get('rest_route');
      const answer =
        route === '/'
          ? json({ ...INDEX, url: ROOT, home: ROOT, ...own })
          : route === '/wp/v2/users/me'
            ? json({ id: 3, name: 'Rédac', capabilities: { edit_posts: true } })
            : route === '/wp/v2/posts' && init.method === 'POST'
              ? json({ id: 5, link: `${ROOT}/?p=5` }, 201)
              : route
                ? json([])
                : html('<h1>Page introuvable</h1>', 404);
      Object.defineProperty(answer, 'url', { value: url.href });
      return answer;
    });

  it('names the root the address to use and sends the credentials nowhere, redirected or not', async () => {
    // Another WordPress of the host (the root's, where /blog's was a site of its own, or a
    // network's main site where /blog was another) would otherwise take the post, recorded at
    // /blog: its guid at the root, a rename of the address then made a second post.
    for (const redirect of [false, true]) {
      const site = rootSite(redirect);
      expect(await testConnection(blog, { fetch: site.fetch })).toMatchObject({
        ok: false,
        code: 'site_moved',
        address: ROOT,
      });
      const published = await publishPost(blog, POST, { fetch: site.fetch });
      expect(published).toMatchObject({ ok: false, code: 'site_moved' });
      const authed = site.fetch.mock.calls.filter(
        ([, init]) => (init.headers as Record<string, string>).Authorization,
      );
      expect(authed).toEqual([]);
    }
  });

  it('connects where the index names the settings’ address its own, its url or its home', async () => {
    // WordPress in a folder of its own files (/blog: its url, where wp-admin is), its home the
    // root: the same site; and a site whose home only says /blog.
    for (const own of [{ url: blog.siteUrl }, { home: `${blog.siteUrl}/` }, { url: '' }]) {
      const site = rootSite(false, own);
      const result = await testConnection(blog, { fetch: site.fetch });
      expect(result, JSON.stringify(own)).toMatchObject(
        own.url === '' ? { ok: false, code: 'site_moved' } : { ok: true },
      );
    }
    // The settings naming the root, its WordPress in a folder (the root redirecting to /fr):
    // followed there as before, its posts made under the settings' address.
    const fr = `${ROOT}/fr`;
    const site = rootSite(false, { url: fr, home: fr });
    expect(
      await testConnection({ ...settings, siteUrl: ROOT }, { fetch: site.fetch }),
    ).toMatchObject({ ok: true });
  });
});

describe('a site that redirects to another host (monjournal.fr → www.monjournal.fr)', () => {
  /** Every request answered as if redirected to www, as `redirect: 'follow'` gives it. */
  const redirected = () =>
    fakeSite((url, init) => {
      const final = new URL(url.href.replace('//monjournal.fr', '//www.monjournal.fr'));
      const route = final.pathname.replace(/^\/blog\/wp-json/, '');
      const answer =
        route === '/'
          ? json(INDEX)
          : route === '/wp/v2/categories'
            ? json([{ id: 7, name: 'Indiscrets' }])
            : route === '/wp/v2/posts' && init.method === 'POST'
              ? json({ id: 5, link: 'https://www.monjournal.fr/?p=5' }, 201)
              : json([]);
      Object.defineProperty(answer, 'url', { value: final.href });
      return answer;
    });
  const bare = { ...settings, siteUrl: 'https://monjournal.fr/blog/' };

  it('names the address to use and sends the credentials nowhere', async () => {
    const site = redirected();
    const result = await testConnection(bare, { fetch: site.fetch });
    expect(result).toMatchObject({
      ok: false,
      code: 'site_moved',
      address: 'https://www.monjournal.fr/blog',
    });
    const published = await publishPost(bare, POST, { fetch: site.fetch });
    expect(published).toMatchObject({ ok: false, code: 'site_moved' });
    const authed = site.fetch.mock.calls.filter(
      ([, init]) => (init.headers as Record<string, string>).Authorization,
    );
    expect(authed).toEqual([]);
    if (result.ok) return;
    expect(publishFailureText(result.code, result, 'fr')).toBe(
      'Ce site répond à l’adresse https://www.monjournal.fr/blog\u00a0: utilisez-la dans «\u00a0Adresse du site\u00a0», puis testez la connexion.',
    );
    expect(publishFailureText(result.code, result, 'en')).toBe(
      'This site answers at https://www.monjournal.fr/blog: enter that address in “Site address”, then test the connection.',
    );
    // A publication's answer carries no address: the settings' test gives it.
    expect(publishFailureText('site_moved', { status: 200 }, 'fr')).toBe(
      'Ce site répond désormais à une autre adresse que celle des réglages\u00a0: testez la connexion dans les réglages pour la connaître.',
    );
  });

  it('still follows a redirect within the same host (another path, another port)', async () => {
    const site = fakeSite((url) => {
      const answer =
        url.pathname === '/wp-json/'
          ? json(INDEX)
          : url.pathname === '/wp-json/wp/v2/users/me'
            ? json({ id: 3, name: 'Rédac', capabilities: { edit_posts: true } })
            : json({}, 404);
      Object.defineProperty(answer, 'url', {
        value: url.href.replace('www.monjournal.fr/', 'www.monjournal.fr:8443/'),
      });
      return answer;
    });
    const result = await testConnection(settings, { fetch: site.fetch });
    expect(result).toMatchObject({ ok: true, restUrl: 'https://www.monjournal.fr:8443/wp-json/' });
  });
});
