import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publishFailureText } from '../../components/publishFailureText';
import { askAddress, publishPost, testConnection } from '../../wordpress/client';
import type { Draft } from '../../storage/db';
import { draftToRest } from '../../wordpress/desk-records';
import {
  createRecord,
  discoverDesk,
  findRecord,
  type DeskSettings,
} from '../../wordpress/desk-client';
import { adminSettings, rest, site } from './helpers';

/**
 * The suite's site under /ecrit-ailleurs (scripts/wordpress/php/router.php): its reads answered
 * there as its own, its writes with a 307 to the root's same route — another site of the host,
 * the same users. Nothing is written there: the write is not followed.
 */
const ELSEWHERE = () => `${site().url}/ecrit-ailleurs`;

function editor(siteUrl: string): DeskSettings {
  const wp = site();
  return {
    siteUrl,
    username: wp.newsroom.editor.user,
    appPassword: wp.newsroom.editor.appPassword,
  };
}

describe('a write the site redirects with a 307 is not replayed at the target', () => {
  it('publishing makes no post at the root and says the server redirected it', async () => {
    const title = `Redirigé ${randomUUID()}`;
    // Its index answers at the address as its own: the connection test (reads only) passes, so
    // the failure names the redirect and who can fix it, not that test.
    expect(await testConnection(adminSettings({ siteUrl: ELSEWHERE() }))).toMatchObject({
      ok: true,
    });
    const result = await publishPost(adminSettings({ siteUrl: ELSEWHERE() }), {
      title,
      content: '<p>Texte</p>',
    });
    expect(result).toMatchObject({ ok: false, code: 'write_redirected' });
    if (!result.ok) {
      const text = publishFailureText(result.code, {}, 'fr');
      expect(text).toContain('rien n’a été écrit');
      expect(text).not.toContain('testez la connexion');
    }
    const found = await rest(
      'GET',
      `/wp/v2/posts?status=any&search=${encodeURIComponent(title)}&context=edit`,
    );
    expect(found).toMatchObject({ status: 200, json: [] });
  });

  it('a desk record is not created at the root', async () => {
    const id = randomUUID();
    const draft: Draft = {
      id,
      url: 'https://exemple.fr/yacht',
      title: 'Redirigé',
      siteName: 'Exemple',
      quotes: [],
      provenance: {},
      createdAt: '2026-03-10T10:00:00.000Z',
      updatedAt: '2026-03-10T10:00:00.000Z',
      body: '<p>Texte</p>',
      sources: [],
      note: '',
      tags: [],
      status: 'draft',
      issueId: '',
      sortKey: '',
      words: [],
      wordPairs: [],
      sourceUrls: [],
    };
    const created = await createRecord(editor(ELSEWHERE()), 'drafts', draftToRest(draft));
    expect(created).toMatchObject({ ok: false, code: 'write_redirected' });
    expect(await findRecord(editor(site().url), 'drafts', id)).toMatchObject({
      ok: true,
      record: null,
    });
  });
});

describe('a write the site redirects only to add a trailing slash', () => {
  it('publishing makes the post once, at the address with the slash', async () => {
    const title = `Barre ${randomUUID()}`;
    const result = await publishPost(adminSettings({ siteUrl: `${site().url}/avec-barre` }), {
      title,
      content: '<p>Texte</p>',
    });
    expect(result).toMatchObject({ ok: true, created: true });
    const found = await rest(
      'GET',
      `/wp/v2/posts?status=any&search=${encodeURIComponent(title)}&context=edit`,
    );
    expect(found.status).toBe(200);
    expect(found.json).toHaveLength(1);
    expect(found.json).toMatchObject([{ id: result.ok ? result.postId : -1 }]);
  });
});

describe('a site whose REST API is at a custom prefix (/api/, ?rest_route= redirected there)', () => {
  const PREFIXED = () => `${site().url}/avec-api`;

  it('passes the connection test and publishes there, the address asked answering as its own', async () => {
    expect(await testConnection(adminSettings({ siteUrl: PREFIXED() }))).toMatchObject({
      ok: true,
      restUrl: `${PREFIXED()}/api/`,
    });
    const title = `Préfixe ${randomUUID()}`;
    const result = await publishPost(adminSettings({ siteUrl: PREFIXED() }), {
      title,
      content: '<p>Texte</p>',
    });
    expect(result).toMatchObject({ ok: true, created: true });
    expect(await askAddress(PREFIXED())).toEqual({ kind: 'wordpress' });
  });

  it('the shared desk reads and writes there, not told the site moved', async () => {
    const id = randomUUID();
    const settings = editor(PREFIXED());
    expect(await discoverDesk(settings)).toMatchObject({ ok: true });
    const created = await createRecord(settings, 'drafts', {
      title: 'Préfixe',
      content: '<p>Texte</p>',
      meta: { clientId: id },
    } as never);
    expect(created).toMatchObject({ ok: true });
    expect(await findRecord(editor(site().url), 'drafts', id)).toMatchObject({
      ok: true,
      record: { id: created.ok ? created.record.id : -1 },
    });
  });
});
