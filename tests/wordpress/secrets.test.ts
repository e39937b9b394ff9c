import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishFailureText } from '../../components/publishFailureText';
import {
  ensureCategory,
  publishPost,
  testConnection,
  type WpSettings,
} from '../../wordpress/client';
import type { WpResult } from '../../wordpress/errors';
import { adminSettings, serve, site, type TestServer } from './helpers';

/** Every way the password could show up in a result. */
function secretForms(settings: WpSettings): string[] {
  const { username, appPassword } = settings;
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  return [
    appPassword,
    appPassword.replace(/ /g, ''),
    b64(`${username}:${appPassword}`),
    b64(`${username}:${appPassword}`).replace(/=+$/, ''),
    encodeURIComponent(appPassword),
  ];
}

function expectNoSecret(result: WpResult<unknown>, settings: WpSettings) {
  expect(result.ok).toBe(false);
  const text = JSON.stringify(result);
  for (const secret of secretForms(settings)) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/Basic\s+[A-Za-z0-9+/]{8,}/);
}

/**
 * A hostile "WordPress": a valid REST index, then every other request answered with an error
 * that echoes the Authorization header, the decoded password and the request body back.
 */
function echoHandler(status: number): http.RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const isIndex = url.pathname === '/wp-json/' || url.searchParams.get('rest_route') === '/';
    if (isIndex && !req.headers.authorization) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          name: 'Écho',
          namespaces: ['wp/v2'],
          authentication: { 'application-passwords': {} },
        }),
      );
      return;
    }
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const auth = req.headers.authorization ?? '';
      const decoded = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString();
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'X-Echo-Authorization': auth,
      });
      res.end(
        JSON.stringify({
          code: 'echo',
          message: `Refused. Authorization: ${auth} (decoded ${decoded}, password ${decoded.split(':')[1]}) body=${body}`,
          data: { status, authorization: auth, decoded },
        }),
      );
    });
  };
}

describe('no failure ever holds the password', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  const statuses = [400, 401, 403, 404, 500, 502];
  const echoes: Record<number, string> = {};
  beforeAll(async () => {
    for (const status of statuses) {
      const server = await serve(echoHandler(status));
      servers.push(server);
      echoes[status] = server.url;
    }
  });

  it.each(statuses)('when a server echoes the credentials back with status %i', async (status) => {
    const settings = adminSettings({ siteUrl: echoes[status] });
    const connection = await testConnection(settings);
    expectNoSecret(connection, settings);
    if (!connection.ok) expect(connection.status).toBe(status);
    expectNoSecret(await ensureCategory(settings), settings);
    expectNoSecret(await publishPost(settings, { title: 't', content: 'c', postId: 3 }), settings);
  });

  it('keeps the server’s explanation, scrubbed, in `detail`', async () => {
    const settings = adminSettings({ siteUrl: echoes[500] });
    const result = await testConnection(settings);
    expect(result).toMatchObject({ ok: false, code: 'server_error', status: 500, wpCode: 'echo' });
    if (!result.ok) {
      expect(result.detail).toContain('Refused.');
      expect(result.detail).toContain('•••');
      expect(publishFailureText(result.code, result, 'fr')).toContain('500');
    }
  });

  it('with a real WordPress and a wrong password or a wrong user', async () => {
    const wrong = adminSettings({ appPassword: 'Secr et01 Pass word 2345 6789' });
    expectNoSecret(await testConnection(wrong), wrong);
    expectNoSecret(await publishPost(wrong, { title: 't', content: 'c' }), wrong);
    const userOnly = adminSettings({ username: 'inconnu' });
    expectNoSecret(await testConnection(userOnly), userOnly);
  });

  it('with the real password on a failing call to the real WordPress', async () => {
    const settings = adminSettings();
    const deleted = await publishPost(settings, { title: 't', content: 'c', postId: 999999 });
    expect(deleted).toMatchObject({ ok: false, code: 'deleted' });
    expectNoSecret(deleted, settings);
    expect(site().appPassword.length).toBeGreaterThan(20);
  });
});
