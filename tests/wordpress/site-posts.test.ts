import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitePosts } from '../../wordpress/client';
import { adminSettings, closedPortUrl, rest, site } from './helpers';

const NBSP = '\u00a0';

/** The site's own articles the link form offers (« voir notre article »), from a real WordPress. */
describe('sitePosts against a real WordPress', () => {
  const created: number[] = [];
  let older = 0;
  let newer = 0;
  let draft = 0;

  /** Creates a post as the administrator; `minutesAgo` sets its publication date. */
  async function create(fields: Record<string, unknown>, minutesAgo: number) {
    const date = new Date(Date.now() - minutesAgo * 60_000).toISOString().slice(0, 19);
    const answer = await rest('POST', '/wp/v2/posts', { date_gmt: date, ...fields });
    expect(answer.status).toBe(201);
    const id = (answer.json as { id: number }).id;
    created.push(id);
    return id;
  }

  beforeAll(async () => {
    older = await create(
      {
        title: 'L’Élysée et « ses » conseillers',
        content: '<p>Un article sur les cabinets ministériels et la chlorophylle.</p>',
        status: 'publish',
      },
      3,
    );
    newer = await create(
      { title: 'Bercy & les comptes', content: '<p>Le budget.</p>', status: 'publish' },
      2,
    );
    draft = await create({ title: 'Brouillon à ne pas offrir', status: 'draft' }, 1);
  });

  afterAll(async () => {
    for (const id of created) await rest('DELETE', `/wp/v2/posts/${id}?force=true`);
  });

  it('lists the latest published posts with their permalinks and plain French titles', async () => {
    const result = await sitePosts(adminSettings());

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = result.posts.map((post) => post.id);
    expect(ids).not.toContain(draft);
    expect(ids.indexOf(newer)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(newer)).toBeLessThan(ids.indexOf(older));
    const first = result.posts.find((post) => post.id === older)!;
    // WordPress renders the title with its own typography (&#8217;, &laquo;&nbsp;…): decoded.
    expect(first.title).toMatch(
      new RegExp(`^L.Élysée et «(${NBSP}| )?ses(${NBSP}| )?» conseillers$`),
    );
    expect(first.title).not.toMatch(/&[#\w]+;/);
    expect(result.posts.find((post) => post.id === newer)!.title).toBe('Bercy & les comptes');
    expect(first.link.startsWith(site().url)).toBe(true);
    expect(first.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('finds a post by a word of its text', async () => {
    const result = await sitePosts(adminSettings(), { search: 'chlorophylle' });

    expect(result).toMatchObject({ ok: true, posts: [{ id: older }] });
  });

  it('still lists the public posts when the password is refused, never a draft', async () => {
    // WordPress checks a Basic password only when a route needs the user: published posts are
    // public, so the list stays usable (a refusal is said where the user matters: publishing).
    const result = await sitePosts(adminSettings({ appPassword: 'zzzz yyyy xxxx wwww vvvv uuuu' }));

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.posts.map((post) => post.id)).toContain(newer);
    expect(result.posts.map((post) => post.id)).not.toContain(draft);
  });

  it('says the site is unreachable when nothing answers', async () => {
    const result = await sitePosts(adminSettings({ siteUrl: await closedPortUrl() }));

    expect(result).toMatchObject({ ok: false, code: 'unreachable' });
  });
});
