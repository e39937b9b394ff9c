import 'fake-indexeddb/auto';
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateDraft } from '../../storage/drafts';
import { createIssue, markPublished } from '../../storage/issues';
import { followedPost, readPublishedPost } from '../../services/post-state';
import { publishPost, readPostState } from '../../wordpress/client';
import { newsroom, serverRecord, url } from './desks';
import { php, serve, site, type TestServer } from './helpers';

/**
 * A site that moves, against the real WordPress with the companion plugin: the desk joined at
 * the site's first address (`http://localhost:<port>`, a node server passing every request on to
 * the suite's WordPress), then that address redirects to the site's own (`http://127.0.0.1:…`:
 * the same WordPress, as `monjournal.fr` redirected to `www.monjournal.fr`). The sync line names
 * the new address; given it in the settings, the desk follows its site there, and the change and
 * the lock release that waited reach WordPress, where the desk took the settings for another
 * site's and sent nothing.
 */

const { setUp, as, closeAll } = newsroom();

/** Requests whose headers are passed on (the credentials, the body's type). */
const PASSED_ON = ['authorization', 'content-type'];
/** Answers' headers not passed back (the node server sets its own framing). */
const NOT_PASSED_BACK = ['content-length', 'content-encoding', 'transfer-encoding', 'connection'];

describe('shared desk: the site moves to another address', { timeout: 180_000 }, () => {
  let first: TestServer;
  /** The site's first address now redirects (301) to its own. */
  let moved = false;

  /** The site's first address: WordPress's answers as they are, or, once moved, its redirect. */
  async function firstAddress(request: http.IncomingMessage, response: http.ServerResponse) {
    const target = `${site().url}${request.url ?? '/'}`;
    if (moved) {
      response.writeHead(301, { Location: target });
      response.end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const name of PASSED_ON) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const answer = await fetch(target, {
      method: request.method ?? 'GET',
      headers,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      redirect: 'manual',
    });
    const back: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!NOT_PASSED_BACK.includes(name)) back[name] = value;
    });
    response.writeHead(answer.status, back);
    response.end(Buffer.from(await answer.arrayBuffer()));
  }

  beforeAll(async () => {
    await setUp();
    first = await serve((request, response) => {
      firstAddress(request, response).catch(() => {
        response.writeHead(502);
        response.end();
      });
    });
  });
  afterAll(async () => {
    await first.close();
    await closeAll();
  });

  /** Whether WordPress holds an edit lock on the post (`_edit_lock`, as the plugin reads it). */
  async function locked(postId: number): Promise<boolean> {
    const out = await php(`echo json_encode(indiscrets_lock_of(${postId}) !== null);`);
    return JSON.parse(out.slice(out.search(/true|false/))) as boolean;
  }

  it('given the address the site moved to, the desk follows it: the waiting change and release reach WordPress', async () => {
    const wp = site();
    const a = as('editor');
    const firstUrl = first.url.replace('127.0.0.1', 'localhost');
    a.settings.siteUrl = firstUrl;
    await a.join();
    const draft = await a.clip(url());
    await a.sync();
    const [record] = await serverRecord('drafts', draft.id);
    expect(await a.engine.lock('draft', draft.id)).toEqual({ ok: true, lock: null });
    expect(await locked(record!.id)).toBe(true);

    // The site moves; the editor edits the draft and closes it.
    moved = true;
    await updateDraft(draft.id, { title: 'Le ministre, le yacht et le port' }, a.db);
    expect(await a.engine.lock('draft', draft.id, true)).toMatchObject({
      ok: false,
      code: 'site_moved',
    });
    const stuck = await a.engine.run();
    expect(stuck.lastError).toMatchObject({ code: 'site_moved', address: wp.url });
    expect(stuck.pending).toBe(1);
    expect(stuck.releases).toHaveLength(1);

    // The editor does what the sync line says: the new address in the settings.
    a.settings.siteUrl = wp.url;
    const status = await a.sync();

    expect(status).toMatchObject({ siteUrl: wp.url, pending: 0, enabled: true });
    expect(status.releases).toBeUndefined();
    expect((await serverRecord('drafts', draft.id))[0]).toMatchObject({
      id: record!.id,
      title: 'Le ministre, le yacht et le port',
    });
    expect(await locked(record!.id)).toBe(false);
  });

  it('an issue published before the move: its post is the same at the new address, read and updated there', async () => {
    const wp = site();
    moved = false;
    const a = as('editor');
    const firstUrl = first.url.replace('127.0.0.1', 'localhost');
    a.settings.siteUrl = firstUrl;
    await a.join();
    await a.clip(url());
    // Published at the first address (the post made on the one WordPress behind both; the
    // publisher records the settings' address, and the link under it as WordPress gave it then).
    const issue = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2026-03-15' },
      a.db,
    );
    const made = await publishPost(
      { ...a.settings, siteUrl: wp.url },
      { title: issue.title, content: '<p>Premier indiscret</p>' },
    );
    if (!made.ok) throw new Error(made.code);
    await markPublished(
      issue.id,
      {
        postId: made.postId,
        link: `${firstUrl}/?p=${made.postId}`,
        modifiedGmt: made.modifiedGmt,
        publishedAt: new Date().toISOString(),
        siteUrl: firstUrl,
      },
      a.db,
    );
    await a.sync();

    moved = true;
    expect((await a.engine.run()).lastError).toMatchObject({ code: 'site_moved' });
    a.settings.siteUrl = wp.url;
    expect(await a.sync()).toMatchObject({ siteUrl: wp.url });

    // What the publish panel and the publisher compare with the settings: the new address.
    const post = (await a.db.issues.get(issue.id))!.wordpress!;
    expect(post).toMatchObject({
      postId: made.postId,
      siteUrl: wp.url,
      link: `${wp.url}/?p=${made.postId}`,
    });
    const state = await readPostState(a.settings, post.postId);
    expect(state).toMatchObject({ ok: true, postId: made.postId, modifiedGmt: post.modifiedGmt });
    const updated = await publishPost(a.settings, {
      title: 'Les indiscrets du 15 mars, corrigés',
      content: '<p>Premier indiscret, corrigé</p>',
      postId: post.postId,
      lastModifiedGmt: post.modifiedGmt,
    });
    expect(updated).toMatchObject({ ok: true, postId: made.postId, created: false });
  });

  it('the shared desk off, the settings changed to the address the site moved to: a post published before is read and updated there, no second post', async () => {
    const wp = site();
    moved = false;
    const a = as('editor');
    const firstUrl = first.url.replace('127.0.0.1', 'localhost');
    const title = `Les indiscrets du 22 mars ${Math.random().toString(36).slice(2, 8)}`;
    // Published at the first address (no desk joined), the post made through it.
    const issue = await createIssue({ title, date: '2026-03-22' }, a.db);
    const made = await publishPost(
      { ...a.settings, siteUrl: firstUrl },
      { title, content: '<p>Premier indiscret</p>' },
    );
    if (!made.ok) throw new Error(made.code);
    // WordPress wrote the guid at the address it had then: the suite's WordPress has one address
    // (WP_HOME), so the first address's is written as a site answering there would have.
    await php(
      `global $wpdb; $wpdb->update($wpdb->posts, array('guid' => '${firstUrl}/?p=${made.postId}'), array('ID' => ${made.postId})); clean_post_cache(${made.postId});`,
    );
    const recorded = {
      postId: made.postId,
      link: `${firstUrl}/?p=${made.postId}`,
      modifiedGmt: made.modifiedGmt,
      publishedAt: new Date().toISOString(),
      siteUrl: firstUrl,
    };
    await markPublished(issue.id, recorded, a.db);
    const settings = { ...a.settings, siteUrl: wp.url, category: 'Indiscrets' };
    const panel = () =>
      readPublishedPost(
        { issueId: issue.id },
        {
          access: async () => ({ ok: true, settings }) as never,
          database: a.db,
          isOnline: () => true,
        },
      );

    // The first address still a WordPress of its own (not moved yet): another site.
    expect(await panel()).toEqual({ ok: false, code: 'other_site' });
    expect((await a.db.issues.get(issue.id))!.wordpress!.siteUrl).toBe(firstUrl);

    // The site moves; the editor, the shared desk off, puts the new address in the settings.
    moved = true;
    expect(await panel()).toMatchObject({
      ok: true,
      postId: made.postId,
      modifiedGmt: made.modifiedGmt,
    });
    expect((await a.db.issues.get(issue.id))!.wordpress).toMatchObject({
      postId: made.postId,
      siteUrl: wp.url,
      link: `${wp.url}/?p=${made.postId}`,
    });

    // A colleague's copy still at the first address (a pull brought it back): the publisher's
    // check proves it again, and the update goes to the same post.
    await markPublished(issue.id, recorded, a.db);
    const followed = await followedPost(
      settings,
      issue.id,
      { siteUrl: firstUrl, postId: made.postId },
      { database: a.db },
    );
    expect(followed).toMatchObject({ ok: true, state: { postId: made.postId } });
    const post = (await a.db.issues.get(issue.id))!.wordpress!;
    expect(post.siteUrl).toBe(wp.url);
    const updated = await publishPost(settings, {
      title: `${title}, corrigés`,
      content: '<p>Premier indiscret, corrigé</p>',
      postId: post.postId,
      lastModifiedGmt: post.modifiedGmt,
    });
    expect(updated).toMatchObject({ ok: true, postId: made.postId, created: false });
    const count = await php(
      `global $wpdb; echo 'n=' . $wpdb->get_var($wpdb->prepare("SELECT COUNT(*) FROM $wpdb->posts WHERE post_type = 'post' AND post_status <> 'trash' AND post_title LIKE %s", '${title}%'));`,
    );
    expect(count.slice(count.indexOf('n='))).toBe('n=1');
  });

  it('the desk turned off while its site moved, turned on at the new address: the desk it left', async () => {
    const wp = site();
    moved = false;
    const a = as('editor');
    const firstUrl = first.url.replace('127.0.0.1', 'localhost');
    a.settings.siteUrl = firstUrl;
    await a.join();
    const kept = await a.clip(url());
    const deleted = await a.clip(url());
    await a.sync();
    await a.engine.disable();
    // While off: one draft edited, one deleted for good; the site moves.
    await updateDraft(kept.id, { title: 'Le ministre, le yacht et la rade' }, a.db);
    await a.db.clips.delete(deleted.id);
    moved = true;
    const refused = await a.engine.enable();
    expect(refused).toMatchObject({ enabled: false, lastError: { address: wp.url } });

    // The editor puts the address the options name in the settings, and turns the desk on.
    a.settings.siteUrl = wp.url;
    await a.join();

    expect(await a.engine.status()).toMatchObject({ siteUrl: wp.url, pending: 0 });
    expect((await serverRecord('drafts', kept.id))[0]!.title).toBe(
      'Le ministre, le yacht et la rade',
    );
    // Deleted while off: the rejoin trashes it, where a first join knew nothing of it.
    expect((await serverRecord('drafts', deleted.id))[0]!.status).toBe('trash');
  });

  it('another address than the one the site moved to stays another site: nothing is sent', async () => {
    const wp = site();
    moved = false;
    const a = as('editor');
    const firstUrl = first.url.replace('127.0.0.1', 'localhost');
    a.settings.siteUrl = firstUrl;
    await a.join();
    const draft = await a.clip(url());
    await a.sync();
    moved = true;
    await updateDraft(draft.id, { title: 'Le ministre, le yacht et la marina' }, a.db);
    await a.engine.run();

    // The same WordPress under a name the site never redirected to.
    a.settings.siteUrl = wp.url.replace('127.0.0.1', 'localhost');
    const status = await a.engine.run();

    expect(status.lastError).toMatchObject({ code: 'account_changed' });
    expect(status.siteUrl).toBe(firstUrl);
    expect(status.pending).toBe(1);
    expect((await serverRecord('drafts', draft.id))[0]!.title).toBe('Le ministre et le yacht');
  });
});
