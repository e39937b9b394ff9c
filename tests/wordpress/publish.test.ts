import { beforeAll, describe, expect, it } from 'vitest';
import { publishFailureText } from '../../components/publishFailureText';
import { ensureCategory, publishPost, testConnection } from '../../wordpress/client';
import {
  adminSettings,
  categoryIdByName,
  php,
  readPost,
  rest,
  site,
  sleep,
  subscriberSettings,
  type Post,
} from './helpers';

const CONTENT = [
  '<!-- wp:paragraph -->',
  '<p>Premier indiscret : <strong>l’élu</strong> a dit « non » &amp; <em>s’en va</em> 🎉</p>',
  '<!-- /wp:paragraph -->',
  '',
  '<!-- wp:paragraph -->',
  '<p>Source : <a href="https://exemple.fr/article?id=1&amp;x=2">Exemple</a></p>',
  '<!-- /wp:paragraph -->',
].join('\n');

describe('publishPost against a real WordPress', () => {
  beforeAll(async () => {
    // Start without the category, so the first publication has to create it.
    const id = await categoryIdByName('Indiscrets');
    if (id) await rest('DELETE', `/wp/v2/categories/${id}?force=true`);
  });

  it('creates a draft in the category "Indiscrets", created when missing', async () => {
    expect(await categoryIdByName('Indiscrets')).toBeUndefined();
    const result = await publishPost(adminSettings(), {
      title: 'Les indiscrets du 15 mars',
      content: CONTENT,
    });
    expect(result).toMatchObject({ ok: true, status: 'draft', created: true });
    if (!result.ok) return;
    expect(result.editLink).toBe(
      `${site().url}/wp-admin/post.php?post=${result.postId}&action=edit`,
    );
    expect(result.link).toContain(site().url);
    expect(result.modifiedGmt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);

    const categoryId = await categoryIdByName('Indiscrets');
    expect(categoryId).toBeGreaterThan(0);
    const post = await readPost(result.postId);
    expect(post.status).toBe('draft');
    expect(post.categories).toEqual([categoryId]);
    expect(post.title.raw).toBe('Les indiscrets du 15 mars');
    expect(post.content.raw).toBe(CONTENT);
    expect(post.modified_gmt).toBe(result.modifiedGmt);
  });

  it('finds an existing category whatever its case, and creates a custom one', async () => {
    const first = await ensureCategory(adminSettings(), 'indiscrets');
    expect(first).toMatchObject({
      ok: true,
      created: false,
      id: await categoryIdByName('Indiscrets'),
    });

    const custom = await ensureCategory(adminSettings({ category: 'Brèves & échos' }));
    expect(custom).toMatchObject({ ok: true, created: true });
    const again = await ensureCategory(adminSettings(), 'BRÈVES & ÉCHOS');
    expect(again).toMatchObject({ ok: true, created: false });
    if (custom.ok && again.ok) expect(again.id).toBe(custom.id);
  });

  it('creates a pending post when the settings ask for it', async () => {
    const result = await publishPost(adminSettings({ status: 'pending' }), {
      title: 'En attente',
      content: '<p>À relire</p>',
    });
    expect(result).toMatchObject({ ok: true, status: 'pending' });
  });

  it('updates the same post when given its id', async () => {
    const first = await publishPost(adminSettings(), { title: 'Version 1', content: '<p>Un</p>' });
    if (!first.ok) throw new Error(first.code);
    await sleep(1100); // modified_gmt has a one-second resolution
    const second = await publishPost(adminSettings(), {
      title: 'Version 2',
      content: '<p>Deux</p>',
      postId: first.postId,
      lastModifiedGmt: first.modifiedGmt,
    });
    expect(second).toMatchObject({ ok: true, postId: first.postId, created: false });
    const post = await readPost(first.postId);
    expect(post.title.raw).toBe('Version 2');
    expect(post.content.raw).toBe('<p>Deux</p>');
    if (second.ok) expect(post.modified_gmt).toBe(second.modifiedGmt);
  });

  it('stops on a conflict when the post changed in WordPress, and overwrites on request', async () => {
    const first = await publishPost(adminSettings(), { title: 'Original', content: '<p>A</p>' });
    if (!first.ok) throw new Error(first.code);
    await sleep(1100);
    const edited = await rest('POST', `/wp/v2/posts/${first.postId}`, {
      content: '<p>Changé dans WordPress</p>',
    });
    expect(edited.status).toBe(200);
    const remoteModified = (edited.json as Post).modified_gmt;
    expect(remoteModified).not.toBe(first.modifiedGmt);

    const update = { title: 'Mise à jour', content: '<p>B</p>', postId: first.postId };
    const conflict = await publishPost(adminSettings(), {
      ...update,
      lastModifiedGmt: first.modifiedGmt,
    });
    expect(conflict).toMatchObject({
      ok: false,
      code: 'conflict',
      remoteModifiedGmt: remoteModified,
      remoteStatus: 'draft',
    });
    expect((await readPost(first.postId)).content.raw).toBe('<p>Changé dans WordPress</p>');

    const forced = await publishPost(
      adminSettings(),
      { ...update, lastModifiedGmt: first.modifiedGmt },
      { overwrite: true },
    );
    expect(forced).toMatchObject({ ok: true, postId: first.postId });
    expect((await readPost(first.postId)).content.raw).toBe('<p>B</p>');
  });

  it('never turns a published post back into a draft, and keeps its categories', async () => {
    const first = await publishPost(adminSettings(), { title: 'Sera publié', content: '<p>x</p>' });
    if (!first.ok) throw new Error(first.code);
    const uncategorized = 1;
    await rest('POST', `/wp/v2/posts/${first.postId}`, {
      status: 'publish',
      categories: [uncategorized],
    });
    const again = await publishPost(
      adminSettings(),
      { title: 'Toujours publié', content: '<p>y</p>', postId: first.postId },
      { overwrite: true },
    );
    expect(again).toMatchObject({ ok: true, status: 'publish' });
    const post = await readPost(first.postId);
    expect(post.categories).toContain(uncategorized);
    expect(post.categories).toContain(await categoryIdByName('Indiscrets'));
  });

  it('reports a deleted post (trash or deleted for good)', async () => {
    const trashed = await publishPost(adminSettings(), { title: 'Corbeille', content: '<p>t</p>' });
    if (!trashed.ok) throw new Error(trashed.code);
    expect((await rest('DELETE', `/wp/v2/posts/${trashed.postId}`)).status).toBe(200);
    expect(
      await publishPost(adminSettings(), { title: 'x', content: 'x', postId: trashed.postId }),
    ).toMatchObject({ ok: false, code: 'deleted' });

    const gone = await publishPost(adminSettings(), { title: 'Supprimé', content: '<p>s</p>' });
    if (!gone.ok) throw new Error(gone.code);
    expect((await rest('DELETE', `/wp/v2/posts/${gone.postId}?force=true`)).status).toBe(200);
    const result = await publishPost(adminSettings(), {
      title: 'x',
      content: 'x',
      postId: gone.postId,
      lastModifiedGmt: gone.modifiedGmt,
    });
    expect(result).toMatchObject({ ok: false, code: 'deleted', status: 404 });
    if (!result.ok) expect(publishFailureText(result.code, result, 'fr')).toMatch(/supprimé/);

    // The UI then offers to create a new post: same call without postId.
    const fresh = await publishPost(adminSettings(), { title: 'Nouveau', content: '<p>n</p>' });
    expect(fresh).toMatchObject({ ok: true, created: true });
    if (fresh.ok) expect(fresh.postId).not.toBe(gone.postId);
  });

  it('refuses a subscriber, and a wrong password, without creating anything', async () => {
    const before = (await rest('GET', '/wp/v2/posts?status=any&per_page=100&context=edit'))
      .json as Post[];
    const noCategory = await publishPost(subscriberSettings({ category: 'Inexistante' }), {
      title: 'Abonné',
      content: '<p>a</p>',
    });
    expect(noCategory).toMatchObject({ ok: false, code: 'cannot_create_category', status: 403 });
    if (!noCategory.ok)
      expect(publishFailureText(noCategory.code, noCategory, 'fr')).toContain(
        '«\u00a0Inexistante\u00a0»',
      );
    // With the category already there, the post creation itself is refused.
    await ensureCategory(adminSettings(), 'Existe');
    expect(
      await publishPost(subscriberSettings({ category: 'Existe' }), {
        title: 'Abonné',
        content: '<p>a</p>',
      }),
    ).toMatchObject({ ok: false, code: 'cannot_create_posts', status: 403 });
    expect(
      await publishPost(adminSettings({ appPassword: 'zzzz zzzz zzzz zzzz zzzz zzzz' }), {
        title: 'Faux',
        content: '<p>f</p>',
      }),
    ).toMatchObject({ ok: false, code: 'wrong_credentials' });
    const after = (await rest('GET', '/wp/v2/posts?status=any&per_page=100&context=edit'))
      .json as Post[];
    expect(after.length).toBe(before.length);
  });

  it('publishes through ?rest_route= when pretty permalinks are off', async () => {
    await php(
      "global $wp_rewrite; $wp_rewrite->set_permalink_structure(''); flush_rewrite_rules(false);",
    );
    try {
      const connection = await testConnection(adminSettings());
      expect(connection).toMatchObject({ ok: true });
      const result = await publishPost(adminSettings(), {
        title: 'Sans jolis liens',
        content: '<p>p</p>',
      });
      expect(result).toMatchObject({ ok: true });
      if (result.ok) expect((await readPost(result.postId)).title.raw).toBe('Sans jolis liens');
    } finally {
      await php(
        "global $wp_rewrite; $wp_rewrite->set_permalink_structure('/%postname%/'); flush_rewrite_rules(false);",
      );
    }
  });
});
