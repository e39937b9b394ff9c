import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { publishIssue } from '../../../services/publisher';
import { saveDraft } from '../../../storage/draft-records';
import { db } from '../../../storage/db';
import { updateDraft } from '../../../storage/drafts';
import { addToIssue, createIssue, getIssue } from '../../../storage/issues';
import { wordpressItem, wordpressPasswordItem } from '../../../storage/preferences';
import { publishPost, publishSlug } from '../../../wordpress/client';

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

describe('publishSlug', () => {
  it('turns the title into a WordPress slug and ends it with the key', () => {
    expect(publishSlug('Les indiscrets du 15 mars', 'k3x9q2ab')).toBe(
      'les-indiscrets-du-15-mars-k3x9q2ab',
    );
    expect(publishSlug('  « Œuvres » d’été : l’écho !', 'ab12')).toBe('oeuvres-d-ete-l-echo-ab12');
    expect(publishSlug('« »', 'ab12')).toBe('indiscrets-ab12');
  });
});

describe('publishing an issue cut off at any point', () => {
  it('records the creation’s slug on the issue before the first request, and drops it once the post is recorded', async () => {
    await configure();
    const issue = await issueWithItem();
    const wp = fakeWordPress();
    // The issue as stored when the first request goes out.
    const stored: Array<Awaited<ReturnType<typeof getIssue>>> = [];
    wp.meanwhile(async () => {
      if (stored.length === 0) stored.push(await getIssue(issue.id));
    });

    const outcome = await publishIssue({ issueId: issue.id }, through(wp));

    expect(outcome).toMatchObject({ ok: true, created: true });
    expect(stored[0]?.publishing).toEqual({
      slug: expect.stringMatching(/^les-indiscrets-du-15-mars-[a-z0-9]{8}$/),
      siteUrl: SITE,
      startedAt: expect.any(String),
    });
    expect(wp.posts).toHaveLength(1);
    expect(wp.posts[0]!.slug).toBe(stored[0]!.publishing!.slug);
    const after = await getIssue(issue.id);
    expect(after?.wordpress?.postId).toBe(wp.posts[0]!.id);
    expect(after).not.toHaveProperty('publishing');
  });

  it('creates exactly one post, recorded on the issue, whichever request is cut and however', async () => {
    await configure();
    // How many requests an uncut first publication makes.
    const probe = fakeWordPress();
    expect(
      await publishIssue({ issueId: (await issueWithItem()).id }, through(probe)),
    ).toMatchObject({ ok: true });
    const total = probe.requests.length;
    expect(probe.requests).toContain('POST /wp-json/wp/v2/posts');

    for (let at = 1; at <= total; at += 1) {
      for (const when of ['before', 'after'] as const) {
        const issue = await issueWithItem();
        const wp = fakeWordPress();
        wp.cutAt(at, when);
        const cut = await publishIssue({ issueId: issue.id }, through(wp));
        const lostAnswer = wp.requests[at - 1];

        wp.cutAt(undefined);
        const retry = await publishIssue({ issueId: issue.id }, through(wp));

        const where = `request ${at} (${lostAnswer}) cut ${when}`;
        expect(retry, where).toMatchObject({ ok: true });
        expect(wp.posts, where).toHaveLength(1);
        const stored = await getIssue(issue.id);
        expect(stored?.wordpress?.postId, where).toBe(wp.posts[0]!.id);
        expect(stored, where).not.toHaveProperty('publishing');
        if (!cut.ok) expect(retry, where).toMatchObject({ created: true });
      }
    }
  });

  it('finds the post when the background stopped after WordPress answered but before the issue recorded it', async () => {
    await configure();
    const issue = await issueWithItem();
    const wp = fakeWordPress();
    // The client got its answer; the worker died before `markPublished`.
    const stopped = {
      publish: (async (...args: Parameters<typeof publishPost>) => {
        await through(wp).publish(...args);
        throw new Error('service worker stopped');
      }) as typeof publishPost,
    };

    expect(await publishIssue({ issueId: issue.id }, stopped)).toMatchObject({ ok: false });
    expect(wp.posts).toHaveLength(1);
    const slug = (await getIssue(issue.id))?.publishing?.slug;
    expect(wp.posts[0]!.slug).toBe(slug);
    wp.cutAt(undefined);

    const retry = await publishIssue({ issueId: issue.id }, through(wp));

    expect(retry).toMatchObject({ ok: true, postId: wp.posts[0]!.id, created: true });
    expect(wp.posts).toHaveLength(1);
    expect(wp.requests).not.toContain('POST /wp-json/wp/v2/posts');
    expect((await getIssue(issue.id))?.wordpress?.postId).toBe(wp.posts[0]!.id);
  });

  it('keeps the older post when the cut-off request creates it after the retry looked', async () => {
    await configure();
    const issue = await issueWithItem();
    const wp = fakeWordPress();
    wp.cutAt(undefined);
    // Cut off after the intent was recorded, before anything reached WordPress.
    expect(
      await publishIssue(
        { issueId: issue.id },
        { publish: () => Promise.reject(new Error('stop')) },
      ),
    ).toMatchObject({ ok: false });
    const slug = (await getIssue(issue.id))!.publishing!.slug;
    // The first attempt's request lands while the retry creates its own post.
    let landed = false;
    wp.meanwhile((method, path) => {
      if (method === 'POST' && path === '/wp-json/wp/v2/posts' && !landed) {
        landed = true;
        wp.create({ slug, title: 'Les indiscrets du 15 mars', categories: [5] });
      }
    });

    const retry = await publishIssue({ issueId: issue.id }, through(wp));

    expect(wp.posts).toHaveLength(1);
    expect(retry).toMatchObject({ ok: true, postId: wp.posts[0]!.id, created: true });
    expect(wp.posts[0]!.content).toContain('Le ministre quitte Bercy.');
    expect(wp.requests).toContain(`DELETE /wp-json/wp/v2/posts/${wp.posts[0]!.id + 1}`);
    expect((await getIssue(issue.id))?.wordpress?.postId).toBe(wp.posts[0]!.id);
  });

  it('creates a post again when the one found by the slug went to the trash', async () => {
    await configure();
    const issue = await issueWithItem();
    const wp = fakeWordPress();
    // Requests: REST root, category, slug look-up, creation: its answer is lost.
    wp.cutAt(4, 'after');
    await publishIssue({ issueId: issue.id }, through(wp));
    expect(wp.posts).toHaveLength(1);
    wp.posts[0]!.status = 'trash';

    wp.cutAt(undefined);
    const retry = await publishIssue({ issueId: issue.id }, through(wp));

    expect(retry).toMatchObject({ ok: true, created: true });
    const live = wp.posts.filter((p) => p.status !== 'trash');
    expect(live).toHaveLength(1);
    expect((await getIssue(issue.id))?.wordpress?.postId).toBe(live[0]!.id);
  });

  it('updates the recorded post without any slug look-up once the post id is known', async () => {
    await configure();
    const issue = await issueWithItem();
    const wp = fakeWordPress();
    await publishIssue({ issueId: issue.id }, through(wp));
    wp.cutAt(undefined);

    const again = await publishIssue({ issueId: issue.id }, through(wp));

    expect(again).toMatchObject({ ok: true, created: false });
    expect(wp.requests.filter((r) => r === 'GET /wp-json/wp/v2/posts')).toEqual([]);
    expect(wp.posts).toHaveLength(1);
  });
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

  it('leaves the status a colleague gave the post since (sent for review)', async () => {
    await configure();
    const issue = await issueWithItem();
    const wp = fakeWordPress();
    await publishIssue({ issueId: issue.id }, through(wp));
    await updateDraft((await db.clips.toArray())[0]!.id, { body: '<p>Le ministre reste.</p>' });
    wp.cutAt(4, 'after');
    await publishIssue({ issueId: issue.id }, through(wp));
    wp.cutAt(undefined);
    // The chief sends the post for review in WordPress: its text is still ours.
    Object.assign(wp.posts[0]!, { status: 'pending', modified_gmt: '2021-03-15T09:00:00' });

    const retry = await publishIssue({ issueId: issue.id }, through(wp));

    expect(retry).toMatchObject({ ok: true, created: false });
    expect(wp.posts[0]!.status).toBe('pending');
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
