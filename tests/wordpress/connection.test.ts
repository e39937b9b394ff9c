import { afterAll, describe, expect, it } from 'vitest';
import { publishFailureText } from '../../components/publishFailureText';
import { testConnection, validateSiteUrl } from '../../wordpress/client';
import {
  adminSettings,
  closedPortUrl,
  dropping,
  php,
  serve,
  site,
  subscriberSettings,
  type TestServer,
} from './helpers';

describe('validateSiteUrl', () => {
  it('normalises addresses', () => {
    expect(validateSiteUrl('https://monsite.fr/')).toEqual({ ok: true, url: 'https://monsite.fr' });
    expect(validateSiteUrl('  monsite.fr  ')).toEqual({ ok: true, url: 'https://monsite.fr' });
    expect(validateSiteUrl('https://monsite.fr/blog///')).toEqual({
      ok: true,
      url: 'https://monsite.fr/blog',
    });
    expect(validateSiteUrl('https://monsite.fr/blog/wp-admin/post.php?post=3')).toEqual({
      ok: true,
      url: 'https://monsite.fr/blog',
    });
    expect(validateSiteUrl('http://localhost:8080/')).toEqual({
      ok: true,
      url: 'http://localhost:8080',
    });
    expect(validateSiteUrl('http://127.0.0.1:8881')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:8881',
    });
  });

  it('refuses bad and insecure addresses', () => {
    for (const bad of ['', '   ', 'ftp://monsite.fr', 'https://', 'https://user:pw@monsite.fr']) {
      const result = validateSiteUrl(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.code, bad).toBe('bad_url');
    }
    const insecure = validateSiteUrl('http://monsite.fr');
    expect(insecure).toMatchObject({ ok: false, code: 'insecure_url' });
    if (!insecure.ok) {
      expect(publishFailureText(insecure.code, insecure, 'fr')).toMatch(/https/);
      expect(publishFailureText(insecure.code, insecure, 'en')).toMatch(/https/);
    }
  });
});

describe('testConnection against a real WordPress', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('succeeds with the administrator’s application password (spaces kept)', async () => {
    expect(site().appPassword).toContain(' ');
    const result = await testConnection(adminSettings());
    expect(result).toMatchObject({
      ok: true,
      siteName: 'Petit Web',
      userName: 'admin',
      canPublish: true,
      canCreateCategory: true,
      siteUrl: site().url,
      restUrl: `${site().url}/wp-json/`,
    });
  });

  it('accepts the application password without spaces and a trailing slash on the URL', async () => {
    const result = await testConnection(
      adminSettings({
        siteUrl: `${site().url}/`,
        appPassword: site().appPassword.replace(/ /g, ''),
      }),
    );
    expect(result.ok).toBe(true);
  });

  // What WordPress 6.1 answers at /wp/v2/users/me?context=edit, the REST index advertising
  // application passwords: a wrong application password, an unknown user, the user's own login
  // password and no credentials at all are one answer, 401 rest_not_logged_in. WordPress asks who
  // the user is (and so checks the application password) only at priority 100 of
  // rest_authentication_errors, after its own filter that would name the refusal (priority 90);
  // a site whose plugin asks before names it (below). A server that drops the Authorization
  // header gives that same answer to the right password (`sans-authorization`, below). The
  // companion plugin's discovery (0.1.9, installed here) tells the two apart: whether any
  // Authorization header reached PHP.
  const WRONG = 'abcd efgh ijkl mnop qrst uvwx';
  const refusals = () => ({
    wrong: adminSettings({ appPassword: WRONG }),
    unknown: adminSettings({ username: 'personne' }),
    login: adminSettings({ appPassword: site().adminPassword }),
  });

  it('reports a wrong password, an unknown user, the login password as refused, the plugin having seen them', async () => {
    // Answered as no credentials are; the companion plugin (0.1.9) says the header reached PHP.
    for (const [what, settings] of Object.entries(refusals())) {
      const result = await testConnection(settings);
      expect(result, what).toMatchObject({
        ok: false,
        code: 'wrong_credentials',
        status: 401,
        wpCode: 'rest_not_logged_in',
      });
      if (!result.ok) {
        expect(publishFailureText(result.code, result, 'fr')).toContain(
          'mot de passe d’application',
        );
        expect(publishFailureText(result.code, result, 'en')).toContain('application password');
      }
    }
  });

  it('reports them as wrong credentials, by name, where a plugin asks who the user is first', async () => {
    await php("update_option('indiscrets_test_early_user_check', 1);");
    try {
      const named = {
        wrong: 'incorrect_password',
        unknown: 'invalid_username',
        login: 'incorrect_password',
      };
      for (const [what, settings] of Object.entries(refusals())) {
        const result = await testConnection(settings);
        expect(result, what).toMatchObject({
          ok: false,
          code: 'wrong_credentials',
          status: 401,
          wpCode: named[what as keyof typeof named],
        });
      }
      // The right password through a server that drops it: not taken for a wrong one.
      expect(await testConnection(adminSettings({ siteUrl: dropping() }))).toMatchObject({
        ok: false,
        code: 'auth_header_dropped',
        wpCode: 'rest_not_logged_in',
      });
    } finally {
      await php("delete_option('indiscrets_test_early_user_check');");
    }
  });

  it('reports the right password through a server that drops the Authorization header', async () => {
    // The index still advertises application passwords: WordPress cannot see the header went.
    const index = (await (await fetch(`${dropping()}/wp-json/`)).json()) as {
      authentication?: Record<string, unknown>;
    };
    expect(index.authentication).toHaveProperty('application-passwords');
    // The right password sent through the prefix: answered as no credentials at all are.
    const auth = Buffer.from(`${site().adminUser}:${site().appPassword}`).toString('base64');
    const dropped = await fetch(`${dropping()}/wp-json/wp/v2/users/me?context=edit`, {
      headers: { Authorization: `Basic ${auth}` },
    });
    const none = await fetch(`${site().url}/wp-json/wp/v2/users/me?context=edit`);
    expect([dropped.status, none.status]).toEqual([401, 401]);
    expect(await dropped.json()).toEqual(await none.json());

    // The companion plugin says no header reached PHP: the server dropped it.
    const result = await testConnection(adminSettings({ siteUrl: dropping() }));
    expect(result).toMatchObject({
      ok: false,
      code: 'auth_header_dropped',
      status: 401,
      wpCode: 'rest_not_logged_in',
    });
    if (!result.ok) {
      const fr = publishFailureText(result.code, result, 'fr');
      expect(fr).not.toContain('refusé');
      expect(fr).toContain('Le serveur du site retire l’identification');
      expect(fr).not.toContain('Vérifiez');
      expect(fr).toContain('HTTP_AUTHORIZATION');
      expect(publishFailureText(result.code, result, 'en')).toContain(
        'your application password is not at fault',
      );
    }
    // The same settings at the site's own address go through: the password was right.
    expect(await testConnection(adminSettings())).toMatchObject({ ok: true });
  });

  it('reports a subscriber as unable to create posts', async () => {
    const result = await testConnection(subscriberSettings());
    expect(result).toMatchObject({ ok: false, code: 'cannot_create_posts' });
  });

  it('reports missing credentials without any request', async () => {
    const result = await testConnection(adminSettings({ appPassword: '  ' }), {
      fetch: () => {
        throw new Error('no request expected');
      },
    });
    expect(result).toMatchObject({ ok: false, code: 'missing_credentials' });
  });

  it('reports a bad URL', async () => {
    expect(await testConnection(adminSettings({ siteUrl: 'pas une adresse' }))).toMatchObject({
      ok: false,
      code: 'bad_url',
    });
    expect(await testConnection(adminSettings({ siteUrl: 'http://example.com' }))).toMatchObject({
      ok: false,
      code: 'insecure_url',
    });
  });

  it('reports a site that is not WordPress', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Pas WordPress</title><h1>Bonjour</h1>');
    });
    servers.push(server);
    const result = await testConnection(adminSettings({ siteUrl: server.url }));
    expect(result).toMatchObject({ ok: false, code: 'not_wordpress' });
  });

  it('reports a site that never answers as a timeout', async () => {
    const server = await serve(() => {
      // never answers
    });
    servers.push(server);
    const started = Date.now();
    const result = await testConnection(adminSettings({ siteUrl: server.url }), {
      timeoutMs: 300,
    });
    expect(result).toMatchObject({ ok: false, code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reports a closed port as unreachable, or offline when the browser is offline', async () => {
    const url = await closedPortUrl();
    expect(await testConnection(adminSettings({ siteUrl: url }))).toMatchObject({
      ok: false,
      code: 'unreachable',
    });
    expect(
      await testConnection(adminSettings({ siteUrl: url }), { isOnline: () => false }),
    ).toMatchObject({ ok: false, code: 'offline' });
  });

  it('reports a cancelled request', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await testConnection(adminSettings(), { signal: controller.signal })).toMatchObject({
      ok: false,
      code: 'cancelled',
    });
  });

  it('reports a REST API turned off by a plugin', async () => {
    await php("update_option('indiscrets_test_rest_disabled', 1);");
    try {
      const result = await testConnection(adminSettings());
      expect(result).toMatchObject({ ok: false, code: 'rest_disabled', wpCode: 'rest_disabled' });
    } finally {
      await php("delete_option('indiscrets_test_rest_disabled');");
    }
  });

  it('reports application passwords turned off', async () => {
    await php("update_option('indiscrets_test_no_app_passwords', 1);");
    try {
      const result = await testConnection(adminSettings());
      expect(result).toMatchObject({ ok: false, code: 'app_passwords_unavailable' });
    } finally {
      await php("delete_option('indiscrets_test_no_app_passwords');");
    }
  });

  it('falls back to ?rest_route= when pretty permalinks are off', async () => {
    await php(
      "global $wp_rewrite; $wp_rewrite->set_permalink_structure(''); flush_rewrite_rules(false);",
    );
    try {
      // Without rewrite rules /wp-json/ is no REST route any more (WordPress serves a page).
      const wpJson = await fetch(`${site().url}/wp-json/`);
      expect(wpJson.headers.get('content-type')).not.toContain('json');
      const result = await testConnection(adminSettings());
      expect(result).toMatchObject({ ok: true, restUrl: `${site().url}/?rest_route=/` });
    } finally {
      await php(
        "global $wp_rewrite; $wp_rewrite->set_permalink_structure('/%postname%/'); flush_rewrite_rules(false);",
      );
    }
  });
});
