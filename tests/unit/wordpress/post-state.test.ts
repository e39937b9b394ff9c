import { describe, expect, it, vi } from 'vitest';
import { readPostState } from '../../../wordpress/client';
import type { FetchLike } from '../../../wordpress/transport';
import { fakeSite as fakeSiteOf, freshSettings, json, PASSWORD } from './fake-site';

/** The site's posts route answered by `answer`, as fake-site.ts's {@link fakeSite}. */
const fakeSite = (answer: (url: URL) => Response | Promise<Response>, plain = false) =>
  fakeSiteOf(/^\/wp\/v2\/posts\/\d+$/, answer, plain);
const settings = () => freshSettings('etat');

const POST = {
  id: 812,
  modified_gmt: '2026-12-05T09:12:00',
  status: 'draft',
  link: 'https://monsite.fr/?p=812',
};

describe('readPostState', () => {
  it('reads the post in the edit context, four fields only, with the credentials', async () => {
    const site = fakeSite(() => json(POST));
    const wp = settings();

    const result = await readPostState(wp, 812, { fetch: site.fetch });

    expect(result).toEqual({
      ok: true,
      postId: 812,
      modifiedGmt: '2026-12-05T09:12:00',
      status: 'draft',
      link: 'https://monsite.fr/?p=812',
      editLink: `${wp.siteUrl}/wp-admin/post.php?post=812&action=edit`,
    });
    const read = site.calls.find((c) => c.url.pathname === '/wp-json/wp/v2/posts/812')!;
    expect(read.url.searchParams.get('context')).toBe('edit');
    expect(read.url.searchParams.get('_fields')).toBe('id,modified_gmt,status,link');
    expect(new Headers(read.init.headers).get('authorization')).toMatch(/^Basic /);
    // Only read: nothing written.
    expect(site.calls.every((c) => (c.init.method ?? 'GET') === 'GET')).toBe(true);
  });

  it('reuses the REST root found once: a second read is one request', async () => {
    const site = fakeSite(() => json(POST));
    const wp = settings();
    await readPostState(wp, 812, { fetch: site.fetch });
    const before = site.calls.length;
    await readPostState(wp, 812, { fetch: site.fetch });
    expect(site.calls.length - before).toBe(1);
  });

  it('reads through ?rest_route= on a site without pretty links', async () => {
    const site = fakeSite(() => json(POST), true);
    const result = await readPostState(settings(), 812, { fetch: site.fetch });
    expect(result.ok).toBe(true);
    expect(site.calls.at(-1)!.url.searchParams.get('rest_route')).toBe('/wp/v2/posts/812');
  });

  it('says a post gone (404) or in the trash is deleted', async () => {
    const gone = fakeSite(() =>
      json({ code: 'rest_post_invalid_id', message: 'Invalid post ID.' }, 404),
    );
    expect(await readPostState(settings(), 812, { fetch: gone.fetch })).toMatchObject({
      ok: false,
      code: 'deleted',
      status: 404,
    });
    const trashed = fakeSite(() => json({ ...POST, status: 'trash' }));
    expect(await readPostState(settings(), 812, { fetch: trashed.fetch })).toMatchObject({
      ok: false,
      code: 'deleted',
    });
  });

  it('says a refused password as such, and never holds it', async () => {
    const site = fakeSite(() =>
      json({ code: 'incorrect_password', message: `Mot de passe ${PASSWORD} refusé` }, 401),
    );
    const result = await readPostState(settings(), 812, { fetch: site.fetch });
    expect(result).toMatchObject({ ok: false, code: 'wrong_credentials', status: 401 });
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it('says a site that does not answer in time, and a read stopped by its caller', async () => {
    // A site that never answers: only the request's own signal ends it, as fetch does.
    const silent = vi.fn<FetchLike>(
      (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () =>
            reject(new DOMException('Aborted', 'AbortError')),
          );
        }),
    );
    const timedOut = await readPostState(settings(), 812, { fetch: silent, timeoutMs: 20 });
    expect(timedOut).toMatchObject({ ok: false, code: 'timeout' });

    const controller = new AbortController();
    const reading = readPostState(settings(), 812, { fetch: silent, signal: controller.signal });
    await vi.waitFor(() => expect(silent).toHaveBeenCalledTimes(2));
    controller.abort();
    expect(await reading).toMatchObject({ ok: false, code: 'cancelled' });
  });

  it('asks nothing for a post id that cannot be one', async () => {
    const site = fakeSite(() => json(POST));
    expect(await readPostState(settings(), 0, { fetch: site.fetch })).toMatchObject({
      ok: false,
      code: 'deleted',
    });
    expect(site.fetch).not.toHaveBeenCalled();
  });
});
