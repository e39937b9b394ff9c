/**
 * Publishing again after an update whose answer never came back, against a WordPress in memory:
 * the post then holds what is sent, and is updated without asking; a post changed in WordPress
 * since is still asked about.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { publishIssue } from '../../../services/publisher';
import { saveDraft } from '../../../storage/draft-records';
import { db } from '../../../storage/db';
import { updateDraft } from '../../../storage/drafts';
import { addToIssue, createIssue } from '../../../storage/issues';
import { wordpressItem, wordpressPasswordItem } from '../../../storage/preferences';
import { publishPost } from '../../../wordpress/client';

const SITE = 'https://monsite.fr';

interface FakePost {
  id: number;
  slug: string;
  status: string;
  title: string;
  content: string;
  categories: number[];
  modified_gmt: string;
}

/**
 * A WordPress in memory, behind a `fetch`: the REST index, categories, and posts (list by slug,
 * create, read, update, delete). `cut` makes one request fail as a stopped background would
 * see it: `before` it reaches WordPress, or `after` WordPress did the work (the answer is lost).
 */
function fakeWordPress() {
  const posts: FakePost[] = [];
  let nextId = 100;
  let clock = 0;
  let count = 0;
  const requests: string[] = [];
  let cut: { at: number; when: 'before' | 'after' } | undefined;
  /** Runs before a request is handled, to play a second client's request arriving meanwhile. */
  let before: ((method: string, path: string) => unknown) | undefined;

  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  const stamp = () => `2021-03-15T08:00:${String(clock++).padStart(2, '0')}`;
  const create = (fields: Partial<FakePost>) => {
    const post: FakePost = {
      id: nextId++,
      slug: '',
      status: 'draft',
      title: '',
      content: '',
      categories: [],
      modified_gmt: stamp(),
      ...fields,
    };
    posts.push(post);
    return post;
  };

  function handle(method: string, url: URL, body: Record<string, unknown>): Response {
    const path = url.pathname;
    if (path === '/wp-json/') {
      return json({
        name: 'Mon site',
        namespaces: ['wp/v2'],
        authentication: { 'application-passwords': {} },
      });
    }
    if (path === '/wp-json/wp/v2/categories') return json([{ id: 5, name: 'Indiscrets' }]);
    if (path === '/wp-json/wp/v2/posts' && method === 'GET') {
      // WordPress leaves trashed posts out of `status=any`.
      const slug = url.searchParams.get('slug');
      return json(posts.filter((p) => p.slug === slug && p.status !== 'trash'));
    }
    if (path === '/wp-json/wp/v2/posts' && method === 'POST') {
      return json(create(body as Partial<FakePost>), 201);
    }
    const one = /^\/wp-json\/wp\/v2\/posts\/(\d+)$/.exec(path);
    const post = one ? posts.find((p) => p.id === Number(one[1])) : undefined;
    if (!post) return json({ code: 'rest_post_invalid_id' }, 404);
    if (method === 'GET') return json(post);
    if (method === 'DELETE') {
      posts.splice(posts.indexOf(post), 1);
      return json({ deleted: true });
    }
    Object.assign(post, body, { modified_gmt: stamp() });
    return json(post);
  }

  const fetch = vi.fn(async (input: string, init: RequestInit) => {
    const url = new URL(input);
    const method = init.method ?? 'GET';
    count += 1;
    requests.push(`${method} ${url.pathname}`);
    await before?.(method, url.pathname);
    if (cut?.at === count && cut.when === 'before') throw new TypeError('Failed to fetch');
    const body = init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    const response = handle(method, url, body);
    if (cut?.at === count) throw new TypeError('Failed to fetch');
    return response;
  });

  return {
    posts,
    requests,
    fetch,
    create,
    /** Makes request number `at` (from now on) fail; `undefined` lets all through. */
    cutAt(at: number | undefined, when: 'before' | 'after' = 'after') {
      count = 0;
      requests.length = 0;
      cut = at === undefined ? undefined : { at, when };
    },
    meanwhile(hook: typeof before) {
      before = hook;
    },
  };
}

async function configure() {
  await wordpressItem.setValue({
    siteUrl: SITE,
    username: 'redac',
    category: 'Indiscrets',
    status: 'draft',
  });
  await wordpressPasswordItem.setValue('abcd EFGH ijkl MNOP qrst UVWX');
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
}

async function issueWithItem() {
  const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
  const { clip: draft } = await saveDraft({
    metadata: { url: 'https://www.lemonde.fr/ministre', title: 'Ministre', provenance: {} },
  });
  await updateDraft(draft.id, { body: '<p>Le ministre quitte Bercy.</p>' });
  await addToIssue(draft.id, issue.id);
  return issue;
}

/** The publisher with its client talking to the fake WordPress. */
function through(wp: ReturnType<typeof fakeWordPress>) {
  return {
    publish: ((settings, post, options) =>
      publishPost(settings, post, { ...options, fetch: wp.fetch })) as typeof publishPost,
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await db.clips.clear();
  await db.issues.clear();
});

describe('publishIssue after an update whose answer was lost (timeout, network cut, « Annuler »)', () => {
  it('updates the post at the next try: it holds our own update, not a colleague’s change', async () => {
    await configure();
    const issue = await issueWithItem();
    const wp = fakeWordPress();
    expect(await publishIssue({ issueId: issue.id }, through(wp))).toMatchObject({
      ok: true,
      created: true,
    });
    // The issue changed and published again; WordPress applies the update (request 4: index,
    // categories, read, POST) but its answer never comes back: its new date is not recorded.
    await updateDraft((await db.clips.toArray())[0]!.id, { body: '<p>Le ministre reste.</p>' });
    wp.cutAt(4, 'after');
    const lost = await publishIssue({ issueId: issue.id }, through(wp));
    expect(lost).toMatchObject({ ok: false, code: 'unreachable' });
    expect(wp.posts[0]!.content).toContain('reste');

    wp.cutAt(undefined);
    const retry = await publishIssue({ issueId: issue.id }, through(wp));

    expect(retry).toMatchObject({ ok: true, created: false });
    expect(wp.posts).toHaveLength(1);
  });

  it('still asks before overwriting a post changed in WordPress since', async () => {
    await configure();
    const issue = await issueWithItem();
    const wp = fakeWordPress();
    await publishIssue({ issueId: issue.id }, through(wp));
    await updateDraft((await db.clips.toArray())[0]!.id, { body: '<p>Le ministre reste.</p>' });
    // A colleague edits the post in WordPress.
    Object.assign(wp.posts[0]!, {
      content: 'Relu par la cheffe.',
      modified_gmt: '2021-03-15T09:00:00',
    });

    const again = await publishIssue({ issueId: issue.id }, through(wp));

    expect(again).toMatchObject({ ok: false, code: 'conflict' });
    expect(wp.posts[0]!.content).toBe('Relu par la cheffe.');
  });
});
