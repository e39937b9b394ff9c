import { describe, expect, it, vi } from 'vitest';
import { askAddress, createdUnder, readPostState } from '../../../wordpress/client';
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

describe('readPostState, the post’s guid', () => {
  it('gives the guid as stored (raw), else as rendered: the address the post was created at', async () => {
    const raw = fakeSite(() =>
      json({
        ...POST,
        guid: { raw: 'http://ancien.fr/?p=812', rendered: 'http://ancien.fr/?p=812&amp;x' },
      }),
    );
    expect(await readPostState(settings(), 812, { fetch: raw.fetch }, true)).toMatchObject({
      ok: true,
      guid: 'http://ancien.fr/?p=812',
    });
    const rendered = fakeSite(() => json({ ...POST, guid: { rendered: 'http://ancien.fr/?p=9' } }));
    expect(await readPostState(settings(), 812, { fetch: rendered.fetch }, true)).toMatchObject({
      guid: 'http://ancien.fr/?p=9',
    });
    const none = await readPostState(
      settings(),
      812,
      { fetch: fakeSite(() => json(POST)).fetch },
      true,
    );
    expect(none.ok && 'guid' in none).toBe(false);
  });

  it('asks for the guid only when told to: the panel’s every other read stays as small', async () => {
    const site = fakeSite(() => json(POST));

    await readPostState(settings(), 812, { fetch: site.fetch }, true);

    const read = site.calls.find((c) => c.url.pathname === '/wp-json/wp/v2/posts/812')!;
    expect(read.url.searchParams.get('_fields')).toBe('id,modified_gmt,status,link,guid');
  });
});

describe('createdUnder', () => {
  it('takes a guid under the address, whatever the scheme: host, port and path prefix', () => {
    expect(createdUnder('http://monjournal.fr/?p=12', 'https://monjournal.fr')).toBe(true);
    expect(createdUnder('https://MonJournal.fr/2026/03/x/', 'https://monjournal.fr')).toBe(true);
    expect(createdUnder('http://h.fr/blog/?p=3', 'https://h.fr/blog')).toBe(true);
    expect(createdUnder('http://h.fr/blog', 'https://h.fr/blog')).toBe(true);
    expect(createdUnder('http://localhost:8081/?p=3', 'http://localhost:8081')).toBe(true);
  });

  it('refuses another host, port or path, and what is no web address', () => {
    expect(createdUnder('https://www.monjournal.fr/?p=12', 'https://monjournal.fr')).toBe(false);
    expect(createdUnder('https://monjournal.fr.evil.com/?p=1', 'https://monjournal.fr')).toBe(
      false,
    );
    expect(createdUnder('http://localhost:8082/?p=3', 'http://localhost:8081')).toBe(false);
    expect(createdUnder('http://h.fr/blogue/?p=3', 'https://h.fr/blog')).toBe(false);
    expect(createdUnder('http://h.fr/?p=3', 'https://h.fr/blog')).toBe(false);
    expect(createdUnder('ftp://h.fr/?p=3', 'https://h.fr')).toBe(false);
    expect(createdUnder('812', 'https://h.fr')).toBe(false);
  });
});

describe('askAddress', () => {
  /** A fetch answering `answer` for every request, as a browser would (its final address). */
  function fetchOf(answer: (url: string) => Response) {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return answer(url);
    });
    return { fetch: fetch as unknown as FetchLike, calls };
  }
  /** A response as fetch gives it after redirects: `url` the address it came from. */
  const from = (url: string, response: Response) => {
    Object.defineProperty(response, 'url', { value: url });
    return response;
  };

  it('says where a redirecting address sends its REST index, asked with no credentials', async () => {
    const site = fetchOf(() =>
      from('https://www.monjournal.fr/?rest_route=/', json({ namespaces: ['wp/v2'] })),
    );
    expect(await askAddress('https://monjournal.fr', { fetch: site.fetch })).toEqual({
      kind: 'moved',
      address: 'https://www.monjournal.fr',
    });
    expect(site.calls).toHaveLength(1);
    expect(site.calls[0]!.url).toBe('https://monjournal.fr/?rest_route=/');
    expect(new Headers(site.calls[0]!.init.headers).get('authorization')).toBeNull();
    expect(site.calls[0]!.init.credentials).toBe('omit');
    expect(JSON.stringify(site.calls)).not.toContain(PASSWORD);
  });

  it('says where a folder redirects its REST index on the same host: the root of its origin', async () => {
    const root = fetchOf(() =>
      from('https://monjournal.fr/?rest_route=/', json({ namespaces: ['wp/v2'] })),
    );
    expect(await askAddress('https://monjournal.fr/blog', { fetch: root.fetch })).toEqual({
      kind: 'moved',
      address: 'https://monjournal.fr',
    });
    const folder = fetchOf(() =>
      from('https://monjournal.fr/actu/wp-json/', json({ namespaces: ['wp/v2'] })),
    );
    expect(await askAddress('https://monjournal.fr', { fetch: folder.fetch })).toEqual({
      kind: 'moved',
      address: 'https://monjournal.fr/actu',
    });
  });

  it('takes a folder redirecting to a page of its host that is no WordPress for a site gone, not moved', async () => {
    // The old folder sent to the host's login page or home page: no site answers at either, so
    // nothing says where the site went. Gone, as the same page answered at the folder itself
    // is: the post proven by its guid alone, where a move elsewhere left it unproven and the
    // next publication made a second post at the settings' site.
    const pages = [
      'https://monjournal.fr/wp-login.php?redirect_to=%2Fblog%2F',
      'https://monjournal.fr/',
      'https://monjournal.fr/blog/maintenance/',
    ];
    for (const page of pages) {
      const site = fetchOf(() => from(page, new Response('<html>Connexion</html>')));
      expect(await askAddress('https://monjournal.fr/blog', { fetch: site.fetch })).toEqual({
        kind: 'other',
      });
    }
    // A WordPress's REST error at the other folder is a site answering there.
    const refused = fetchOf(() =>
      from('https://monjournal.fr/?rest_route=/', json({ code: 'rest_login_required' }, 401)),
    );
    expect(await askAddress('https://monjournal.fr/blog', { fetch: refused.fetch })).toEqual({
      kind: 'moved',
      address: 'https://monjournal.fr',
    });
  });

  it('takes the root’s WordPress answering at a folder it left, with no redirect, for its move to the root', async () => {
    // The folder gone, the host's rewrite rules send /blog/?rest_route=/ to the root's
    // WordPress, which answers its REST index there itself (seen on the WordPress suite's
    // site), naming its own address, `home`.
    const root = fetchOf((url) =>
      from(
        url,
        json({
          namespaces: ['wp/v2'],
          url: 'https://monjournal.fr',
          home: 'https://monjournal.fr',
        }),
      ),
    );
    expect(await askAddress('https://monjournal.fr/blog', { fetch: root.fetch })).toEqual({
      kind: 'moved',
      address: 'https://monjournal.fr',
    });
    // Its own address, or one of another host (a site answering at two names): itself there.
    for (const home of ['https://monjournal.fr/blog/', 'https://www.monjournal.fr/blog', 42]) {
      const itself = fetchOf((url) => from(url, json({ namespaces: ['wp/v2'], home })));
      expect(await askAddress('https://monjournal.fr/blog', { fetch: itself.fetch })).toEqual({
        kind: 'wordpress',
      });
    }
  });

  it('takes a redirect within the same address for the site answering there itself', async () => {
    const slash = fetchOf(() =>
      from('https://monjournal.fr/blog/wp-json/', json({ namespaces: ['wp/v2'] })),
    );
    expect(await askAddress('https://monjournal.fr/blog', { fetch: slash.fetch })).toEqual({
      kind: 'wordpress',
    });
  });

  it('tells a WordPress answering there itself from something else, and no answer', async () => {
    const here = (body: unknown, status = 200) =>
      fetchOf((url) => from(url, json(body, status))).fetch;
    expect(await askAddress('https://a.fr', { fetch: here({ namespaces: [] }) })).toEqual({
      kind: 'wordpress',
    });
    expect(
      await askAddress('https://a.fr', { fetch: here({ code: 'rest_login_required' }, 401) }),
    ).toEqual({ kind: 'wordpress' });
    const parked = fetchOf((url) => from(url, new Response('<html>À vendre</html>'))).fetch;
    expect(await askAddress('https://a.fr', { fetch: parked })).toEqual({ kind: 'other' });
    const refused = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as FetchLike;
    expect(await askAddress('https://a.fr', { fetch: refused, isOnline: () => true })).toEqual({
      kind: 'unreached',
      code: 'unreachable',
    });
    // Asked twice: the second as a page loads an image (see below).
    expect(refused).toHaveBeenCalledTimes(2);
  });

  it('asks an address it may not read again as a page loads an image, telling an answer from none', async () => {
    /**
     * Chromium from the extension's worker, the origin not granted (tried there): a CORS
     * request fails, a `no-cors` one whose redirect mode is not `follow` fails unsent (the Fetch
     * standard's main fetch), a `no-cors` one followed gives an opaque answer (status 0),
     * whether the site answers itself or redirects; a host that answers nothing fails.
     */
    const chromium = (answers: boolean) => {
      const calls: RequestInit[] = [];
      const fetch = vi.fn(async (_url: string, init: RequestInit) => {
        calls.push(init);
        if (!answers || init.mode !== 'no-cors') throw new TypeError('Failed to fetch');
        if ((init.redirect ?? 'follow') !== 'follow') throw new TypeError('Failed to fetch');
        return { type: 'opaque', status: 0 } as Response;
      });
      return { fetch: fetch as unknown as FetchLike, calls };
    };
    // A site still answering there (or redirecting: the same opaque answer): not gone.
    const there = chromium(true);
    expect(await askAddress('https://a.fr', { fetch: there.fetch, isOnline: () => true })).toEqual({
      kind: 'answers',
    });
    expect(there.calls[1]).toMatchObject({ mode: 'no-cors', credentials: 'omit' });
    expect(new Headers(there.calls[1]!.headers).get('authorization')).toBeNull();
    // Nothing answering there: gone.
    const gone = chromium(false);
    expect(await askAddress('https://a.fr', { fetch: gone.fetch, isOnline: () => true })).toEqual({
      kind: 'unreached',
      code: 'unreachable',
    });
  });
});
