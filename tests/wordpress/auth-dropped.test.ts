import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishFailureText } from '../../components/publishFailureText';
import { syncLine } from '../../components/SharedDeskBar';
import { probeFailureText } from '../../components/SharedDeskSettings';
import { SyncEngine } from '../../services/sync';
import { publishPost, testConnection } from '../../wordpress/client';
import { discoverDesk } from '../../wordpress/desk-client';
import { newsroom, serverRecord, url } from './desks';
import { adminSettings, dropping, rest, site, type Post } from './helpers';

/**
 * A host that drops the Authorization header before PHP (Apache running PHP as CGI/FastCGI
 * without WordPress's HTTP_AUTHORIZATION rule, some proxies), played by the suite's router under
 * `/sans-authorization` (tests/wordpress/helpers.ts, `dropping`): the right application password
 * goes out, WordPress never sees it. The companion plugin (0.1.9) says so in its discovery
 * (`authorization: false`): the connection test, publishing, the shared desk's check and its
 * sync each say the server drops it (auth_header_dropped), not « wrong password », and lose
 * nothing; a wrong password at the site's own address reached PHP, and is said refused
 * (wrong_credentials).
 */

const { setUp, as, closeAll } = newsroom();

describe('a server that drops the Authorization header', { timeout: 180_000 }, () => {
  beforeAll(setUp);
  afterAll(closeAll);

  it('publishing is refused as the header dropped, nothing written, and goes through at the site’s own address', async () => {
    const before = (await rest('GET', '/wp/v2/posts?status=any&per_page=100&context=edit'))
      .json as Post[];
    const post = { title: 'Derrière un serveur qui retire l’en-tête', content: '<p>x</p>' };

    const refused = await publishPost(adminSettings({ siteUrl: dropping() }), post);

    // WordPress's refusal of the post to the anonymous visitor it took the editor for.
    expect(refused).toMatchObject({
      ok: false,
      code: 'auth_header_dropped',
      status: 401,
      wpCode: 'rest_cannot_create',
    });
    if (!refused.ok) {
      const said = publishFailureText(refused.code, refused, 'fr');
      expect(said).toContain('HTTP_AUTHORIZATION');
      expect(said).toContain('n’est pas en cause');
      expect(said).not.toContain('Vérifiez');
    }
    const after = (await rest('GET', '/wp/v2/posts?status=any&per_page=100&context=edit'))
      .json as Post[];
    expect(after.length).toBe(before.length);
    // The same password at the site's own address: it was right.
    const published = await publishPost(adminSettings(), post);
    expect(published).toMatchObject({ ok: true });
  });

  it('the connection test says it for the right password, and a wrong one refused at the site’s own address', async () => {
    expect(await testConnection(adminSettings({ siteUrl: dropping() }))).toMatchObject({
      ok: false,
      code: 'auth_header_dropped',
      status: 401,
      wpCode: 'rest_not_logged_in',
    });
    // The header reached PHP, WordPress found no user with it: the password is what to check.
    expect(
      await testConnection(adminSettings({ appPassword: 'abcd efgh ijkl mnop qrst uvwx' })),
    ).toMatchObject({ ok: false, code: 'wrong_credentials', status: 401 });
  });

  it('the shared desk’s check says it, for the right password', async () => {
    const editor = as('editor');
    const found = await discoverDesk({ ...editor.settings, siteUrl: dropping() });

    expect(found).toEqual({ ok: false, code: 'auth_header_dropped', status: 401 });
    if (!found.ok) {
      const said = probeFailureText(found);
      expect(said).toContain('Le serveur du site retire l’identification');
      expect(said).not.toContain('Vérifiez');
    }
    expect(await discoverDesk(editor.settings)).toMatchObject({ ok: true });
  });

  it('the shared desk’s check says a wrong password at the site’s own address is refused', async () => {
    // Asked of the plugin itself: the header reached PHP, and WordPress found no user with it.
    const raw = await fetch(`${site().url}/?rest_route=/indiscrets/v1&_fields=user,authorization`, {
      headers: {
        Authorization: `Basic ${Buffer.from('personne:abcd efgh ijkl mnop qrst uvwx').toString('base64')}`,
      },
    });
    expect(await raw.json()).toMatchObject({ user: null, authorization: true });
    const dropped = await fetch(
      `${dropping()}/?rest_route=/indiscrets/v1&_fields=user,authorization`,
      { headers: { Authorization: `Basic ${Buffer.from('x:y').toString('base64')}` } },
    );
    expect(await dropped.json()).toMatchObject({ user: null, authorization: false });

    const editor = as('editor');
    const found = await discoverDesk({
      ...editor.settings,
      appPassword: 'abcd efgh ijkl mnop qrst uvwx',
    });
    expect(found).toEqual({ ok: false, code: 'wrong_credentials', status: 401 });
  });

  it('the sync stops on it with the outbox kept, says it in its line, and goes through once the header passes', async () => {
    const editor = as('editor');
    await editor.join();
    const draft = await editor.clip(url());
    // The same browser, the same settings, its requests through a host that drops the header.
    const dropped = new SyncEngine({
      db: editor.db,
      settings: async () => editor.settings,
      // Answered from the address asked, as such a host's own answers are (the prefix is the
      // suite's way to have one): from the prefix, the desk took them for another folder's
      // (6462712), a move.
      fetch: async (input, init) => {
        const answer = await fetch(input.replace(site().url, dropping()), init);
        Object.defineProperty(answer, 'url', { value: input });
        return answer;
      },
    });

    const status = await dropped.run();

    expect(status).toMatchObject({ pending: 1, lastError: { code: 'auth_header_dropped' } });
    expect(syncLine(status, status.pending ?? 0, true)).toContain('HTTP_AUTHORIZATION');
    expect(syncLine(status, status.pending ?? 0, true)).toContain('n’est pas en cause');
    expect(await serverRecord('drafts', draft.id)).toHaveLength(0);
    // The administrator lets the header through: the same outbox goes, nothing lost.
    await editor.sync();
    expect(await serverRecord('drafts', draft.id)).toHaveLength(1);
  });
});
