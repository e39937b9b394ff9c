import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft, IndiscretsDB } from '../../../storage/db';
import { listSiteNames, listTags, searchDrafts, searchPage } from '../../../storage/draft-search';
import {
  DraftNotFoundError,
  listTrash,
  mergeDrafts,
  purgeTrash,
  restoreDraft,
  trashDraft,
  undo,
  undoable,
  updateDraft,
} from '../../../storage/drafts';
import { conflictChoicesToken, conflictChoiceToken } from '../../../storage/conflict-undo';
import { createIssue, updateIssue } from '../../../storage/issues';
import type { SyncConflict } from '../../../storage/sync-state';
import { DESK_PEOPLE, deskState } from '../desk-fixtures';
import { addDraft, freshDatabase, steppingClock } from './helpers';

let database: IndiscretsDB;
let clock: () => string;

beforeEach(() => {
  database = freshDatabase();
  clock = steppingClock('2021-03-20T08:00:00.000Z');
});
afterEach(async () => {
  await database.delete();
});

const ids = (drafts: Draft[]) => drafts.map((d) => d.id);

/** `count` drafts written directly, one a second, each titled by `title`, nothing else set. */
const plainDrafts = (count: number, title: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => ({
    id: `id-${String(i).padStart(4, '0')}`,
    url: `https://a.test/${i}`,
    title: title(i),
    quotes: [],
    provenance: {},
    createdAt: new Date(Date.UTC(2021, 0, 1, 0, 0, i)).toISOString(),
    updatedAt: '2021-01-01T00:00:00.000Z',
    body: '',
    sources: [],
    note: '',
    tags: [],
    status: 'draft' as const,
    issueId: '',
    sortKey: '',
    words: [],
    wordPairs: [],
    sourceUrls: [],
  }));

describe('updateDraft', () => {
  it('changes the given fields, stamps updatedAt and returns the stored draft', async () => {
    const draft = await addDraft(database);

    const updated = await updateDraft(
      draft.id,
      { body: '<p>Nouveau</p>', status: 'checked', tags: [' tech ', 'Tech', '', 'IPO'] },
      database,
      clock,
    );

    expect(updated).toMatchObject({
      body: '<p>Nouveau</p>',
      status: 'checked',
      tags: ['tech', 'IPO'],
      updatedAt: '2021-03-20T08:00:00.000Z',
      title: draft.title,
    });
    expect(await database.clips.get(draft.id)).toEqual(updated);
    expect(updated.words).toContain('nouveau');
  });

  it('removes an optional field set to undefined but ignores undefined for a required one', async () => {
    const draft = await addDraft(database, { imageUrl: 'https://a.test/i.png' });

    const updated = await updateDraft(
      draft.id,
      { imageUrl: undefined, title: undefined },
      database,
      clock,
    );

    expect(updated).not.toHaveProperty('imageUrl');
    expect(updated.title).toBe(draft.title);
  });

  it('ignores fields that are not editable', async () => {
    const draft = await addDraft(database);

    const updated = await updateDraft(
      draft.id,
      { issueId: 'x', createdAt: 'never', note: 'ok' } as never,
      database,
      clock,
    );

    expect(updated).toMatchObject({ issueId: '', createdAt: draft.createdAt, note: 'ok' });
  });

  it('rejects an unknown id and an unknown status', async () => {
    const draft = await addDraft(database);

    await expect(updateDraft('nope', { note: 'x' }, database)).rejects.toBeInstanceOf(
      DraftNotFoundError,
    );
    await expect(updateDraft(draft.id, { status: 'done' as never }, database)).rejects.toThrow(
      /status/,
    );
  });
});

describe('searchDrafts', () => {
  it('lists the inbox newest first, one page at a time, with the total', async () => {
    const drafts: Draft[] = [];
    for (let i = 0; i < 7; i++) drafts.push(await addDraft(database));
    const newestFirst = ids(drafts).reverse();

    const first = await searchDrafts({ box: 'inbox', limit: 3 }, database);
    const third = await searchDrafts({ box: 'inbox', limit: 3, offset: 6 }, database);

    expect(first).toEqual({ drafts: drafts.slice(4).reverse(), total: 7 });
    expect(ids(third.drafts)).toEqual(newestFirst.slice(6));
  });

  it('skips trashed drafts and drafts in an issue when paging the inbox', async () => {
    const a = await addDraft(database);
    await addDraft(database, { deletedAt: '2021-03-10T00:00:00.000Z' });
    await addDraft(database, { issueId: 'issue', sortKey: 'V' });
    const d = await addDraft(database);
    await addDraft(database, { deletedAt: '2021-03-10T00:00:00.000Z' });
    const f = await addDraft(database);

    const page1 = await searchDrafts({ box: 'inbox', limit: 2 }, database);
    const page2 = await searchDrafts({ box: 'inbox', limit: 2, offset: 2 }, database);

    expect(ids(page1.drafts)).toEqual([f.id, d.id]);
    expect(ids(page2.drafts)).toEqual([a.id]);
    expect(page1.total).toBe(3);
  });

  it('finds words whatever their accents and case: "ete" finds "Été"', async () => {
    const summer = await addDraft(database, { title: "L'Été de la French Tech" });
    await addDraft(database, { title: 'Hiver' });

    const result = await searchDrafts({ text: 'ete', box: 'inbox' }, database);
    const accented = await searchDrafts({ text: 'ÉTÉ', box: 'inbox' }, database);

    expect(ids(result.drafts)).toEqual([summer.id]);
    expect(ids(accented.drafts)).toEqual([summer.id]);
  });

  it('matches each word as a prefix, and requires all words', async () => {
    const both = await addDraft(database, { title: 'OVHcloud prépare son introduction en Bourse' });
    const one = await addDraft(database, { title: 'OVH recrute' });

    expect(ids((await searchDrafts({ text: 'ovh' }, database)).drafts)).toEqual([one.id, both.id]);
    expect(ids((await searchDrafts({ text: 'ovh bours' }, database)).drafts)).toEqual([both.id]);
    expect((await searchDrafts({ text: 'ovh absent' }, database)).total).toBe(0);
  });

  it('finds a number whole: « article 3 » finds 3 and 3ᵉ, not 30', async () => {
    // No other number in them: the helper's default text is « Texte n ».
    const text = { body: '<p>Vu au Journal officiel.</p>' };
    const third = await addDraft(database, { title: 'L’article 3 de la loi', ...text });
    const arrondissement = await addDraft(database, {
      title: 'Un local dans le 3ᵉ arrondissement',
      ...text,
    });
    await addDraft(database, { title: 'L’article 30 de la loi', ...text });

    const found = await searchDrafts({ text: 'article 3' }, database);
    const alone = await searchDrafts({ text: '3' }, database);

    expect(ids(found.drafts)).toEqual([third.id]);
    expect(found.total).toBe(1);
    expect(ids(alone.drafts)).toEqual([arrondissement.id, third.id]);
    expect(alone.total).toBe(2);
  });

  it('counts a number whole when its drafts are too many to read (keys intersected)', async () => {
    // Over a thousand drafts under `3` and under `article`: the count intersects index keys.
    const titles = ['Article 3', 'Article 30', 'Article 3e alinéa'];
    await database.clips.bulkAdd(plainDrafts(2400, (i) => titles[i % 3]!));

    const page = await searchDrafts({ text: 'article 3', limit: 10 }, database);

    expect(page.total).toBe(1600);
    expect(page.drafts.map((d) => d.title)).not.toContain('Article 30');
  });

  it('searches the body text, quotes, tags, site name and note, but not markup', async () => {
    const body = await addDraft(database, {
      body: '<p>Selon <a href="https://x.test">Matignon</a></p>',
    });
    const quote = await addDraft(database, {
      quotes: [{ text: 'Le ministre dément', html: '', clippedAt: '2021-03-01T00:00:00.000Z' }],
    });
    const note = await addDraft(database, { note: 'Rappeler le cabinet' });
    const tag = await addDraft(database, { tags: ['Élysée'] });
    const site = await addDraft(database, { siteName: 'Les Échos' });

    const find = async (text: string) => ids((await searchDrafts({ text }, database)).drafts);

    expect(await find('matignon')).toEqual([body.id]);
    expect(await find('href')).toEqual([]);
    expect(await find('dement')).toEqual([quote.id]);
    expect(await find('cabinet')).toEqual([note.id]);
    expect(await find('elysee')).toEqual([tag.id]);
    expect(await find('echos')).toEqual([site.id]);
  });

  it('filters by status, site name and tag, alone or with text', async () => {
    const a = await addDraft(database, {
      title: 'OVH',
      status: 'ready',
      siteName: 'Bloomberg',
      tags: ['tech'],
    });
    const b = await addDraft(database, {
      title: 'OVH',
      status: 'draft',
      siteName: 'Bloomberg',
      tags: [],
    });
    const c = await addDraft(database, {
      title: 'Autre',
      status: 'ready',
      siteName: 'Le Monde',
      tags: ['tech'],
    });

    const find = async (query: Parameters<typeof searchDrafts>[0]) =>
      ids((await searchDrafts(query, database)).drafts);

    expect(await find({ status: 'ready' })).toEqual([c.id, a.id]);
    expect(await find({ siteName: 'Bloomberg' })).toEqual([b.id, a.id]);
    expect(await find({ tag: 'tech' })).toEqual([c.id, a.id]);
    expect(
      await find({ text: 'ovh', status: 'ready', siteName: 'Bloomberg', tag: 'tech' }),
    ).toEqual([a.id]);
  });

  it('looks in the box asked for: inbox, an issue, everything but the trash, or the trash', async () => {
    const inbox = await addDraft(database, { title: 'OVH inbox' });
    const item = await addDraft(database, { title: 'OVH item', issueId: 'i1', sortKey: 'V' });
    const trashed = await addDraft(database, {
      title: 'OVH trash',
      deletedAt: '2021-03-10T00:00:00.000Z',
    });
    const trashedItem = await addDraft(database, {
      title: 'OVH trashed item',
      issueId: 'i1',
      sortKey: 'W',
      // Trashed after the other: the trash lists the most recently trashed first.
      deletedAt: '2021-03-11T00:00:00.000Z',
    });

    for (const text of [undefined, 'ovh']) {
      const find = async (box: 'inbox' | 'all' | 'trash' | 'issue') =>
        ids(
          (await searchDrafts({ box, issueId: 'i1', ...(text ? { text } : {}) }, database)).drafts,
        );
      expect(await find('inbox')).toEqual([inbox.id]);
      expect(await find('issue')).toEqual([item.id]);
      expect(await find('all')).toEqual([item.id, inbox.id]);
      expect(await find('trash')).toEqual([trashedItem.id, trashed.id]);
    }
    expect((await searchDrafts({ box: 'all' }, database)).total).toBe(2);
    await expect(searchDrafts({ box: 'issue' }, database)).rejects.toThrow(/issueId/);
  });

  it('pages a search and counts all its matches', async () => {
    for (let i = 0; i < 5; i++) await addDraft(database, { title: `Bourse ${i}` });
    await addDraft(database, { title: 'Autre' });

    const page = await searchDrafts({ text: 'bourse', limit: 2, offset: 2 }, database);

    expect(page.total).toBe(5);
    expect(page.drafts.map((d) => d.title)).toEqual(['Bourse 2', 'Bourse 1']);
  });

  it('gives the same answer when every index range is large (keys intersected)', async () => {
    // More candidates than the search reads one by one, to take the key-intersection path.
    const records = Array.from({ length: 1500 }, (_, i) => ({
      id: `id-${String(i).padStart(4, '0')}`,
      url: `https://a.test/${i}`,
      title: `Le marché ${i % 3 === 0 ? 'OVH' : 'autre'}`,
      siteName: i % 2 ? 'Bloomberg' : 'Reuters',
      quotes: [],
      provenance: {},
      // Some drafts share a creation time: ties are ordered by id, newest (highest) first.
      createdAt: new Date(Date.UTC(2021, 0, 1, 0, 0, Math.floor(i / 2))).toISOString(),
      updatedAt: '2021-01-01T00:00:00.000Z',
      body: '',
      sources: [],
      note: '',
      tags: [],
      status: i % 5 === 0 ? ('ready' as const) : ('draft' as const),
      issueId: i % 7 === 0 ? 'issue' : '',
      sortKey: i % 7 === 0 ? 'V' : '',
      ...(i % 11 === 0 ? { deletedAt: '2021-02-01T00:00:00.000Z' } : {}),
      words: [],
      wordPairs: [],
      sourceUrls: [],
    }));
    await database.clips.bulkAdd(records);
    const expected = records
      .filter(
        (r) =>
          !r.deletedAt && r.issueId === '' && r.status === 'draft' && r.title.includes('marché'),
      )
      .sort((a, b) =>
        a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
      )
      .map((r) => r.id);

    const page = await searchDrafts(
      { text: 'marche', status: 'draft', box: 'inbox', limit: 30, offset: 10 },
      database,
    );

    expect(page.total).toBe(expected.length);
    expect(ids(page.drafts)).toEqual(expected.slice(10, 40));
  });

  it('reads only the drafts a short page needs: a word one draft in ten holds is walked for five rows', async () => {
    // 3,000 drafts, one in ten about OVH (300): a page of 50 reads those 300 whole, the five rows
    // a popup shows as the editor types are found walking the newest drafts (a first chunk).
    const records = plainDrafts(3000, (i) => `${i % 10 === 0 ? 'OVHcloud' : 'Bercy'} annonce ${i}`);
    await database.clips.bulkAdd(records);
    const newest = records
      .filter((r) => r.title.startsWith('OVH'))
      .reverse()
      .map((r) => r.id);
    // Records read by every request of a range (getAll), or by a cursor, one at a time.
    const { getAll, openCursor } = IDBIndex.prototype;
    let read = 0;
    IDBIndex.prototype.getAll = function (this: IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
      const request = getAll.apply(this, args);
      request.addEventListener('success', () => (read += (request.result as unknown[]).length));
      return request;
    };
    IDBIndex.prototype.openCursor = function (
      this: IDBIndex,
      ...args: Parameters<IDBIndex['openCursor']>
    ) {
      const request = openCursor.apply(this, args);
      request.addEventListener('success', () => (read += request.result ? 1 : 0));
      return request;
    };
    try {
      const screen = await searchPage({ text: 'ovh', box: 'inbox', limit: 5 }, database);
      const screenRead = read;
      read = 0;
      const page = await searchPage({ text: 'ovh', box: 'inbox', limit: 50 }, database);

      expect(ids(screen)).toEqual(newest.slice(0, 5));
      expect(screenRead).toBe(64);
      expect(ids(page)).toEqual(newest.slice(0, 50));
      expect(read).toBe(300);
    } finally {
      Object.assign(IDBIndex.prototype, { getAll, openCursor });
    }
  });

  it('pages through drafts that share a creation time, none skipped or repeated', async () => {
    // The walk reads the box in chunks, each from the last draft's time: 200 drafts created in
    // the same second span several chunks, and must come out in id order, each exactly once.
    const records = Array.from({ length: 320 }, (_, i) => ({
      id: `id-${String((i * 7919) % 320).padStart(3, '0')}`,
      url: `https://a.test/${i}`,
      title: `Brève ${i}`,
      siteName: 'Reuters',
      quotes: [],
      provenance: {},
      createdAt: new Date(Date.UTC(2021, 0, 1, 0, 0, i < 200 ? 0 : i)).toISOString(),
      updatedAt: '2021-01-01T00:00:00.000Z',
      body: '',
      sources: [],
      note: '',
      tags: [],
      status: i % 3 === 0 ? ('ready' as const) : ('draft' as const),
      issueId: '',
      sortKey: '',
      ...(i % 13 === 0 ? { deletedAt: '2021-02-01T00:00:00.000Z' } : {}),
      words: [],
      wordPairs: [],
      sourceUrls: [],
    }));
    await database.clips.bulkAdd(records);
    const newestFirst = (a: Draft, b: Draft) =>
      a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1;
    const live = records.filter((r) => !r.deletedAt).sort(newestFirst);
    const ready = live.filter((r) => r.status === 'ready');

    const pages = async (query: Parameters<typeof searchDrafts>[0], size: number) => {
      const found: string[] = [];
      for (let offset = 0; offset < 400; offset += size) {
        found.push(
          ...ids((await searchDrafts({ ...query, offset, limit: size }, database)).drafts),
        );
      }
      return found;
    };

    expect(await pages({ box: 'inbox' }, 50)).toEqual(ids(live));
    expect(await pages({ box: 'all', status: 'ready' }, 30)).toEqual(ids(ready));
    expect(await pages({ box: 'inbox', status: 'ready' }, 100)).toEqual(ids(ready));
  });
});

describe('listSiteNames and listTags', () => {
  it('list each value once, in French alphabetical order', async () => {
    await addDraft(database, { siteName: 'Le Monde', tags: ['tech', 'Élysée'] });
    await addDraft(database, { siteName: 'Bloomberg', tags: ['tech', 'bourse'] });
    await addDraft(database, { siteName: 'Les Échos', tags: [] });
    await addDraft(database, { siteName: 'Bloomberg' });

    expect(await listSiteNames(database)).toEqual(['Bloomberg', 'Le Monde', 'Les Échos']);
    expect(await listTags(database)).toEqual(['bourse', 'Élysée', 'tech']);
  });

  it('list a tag spelled with other capitals in other drafts once, and find every spelling of it', async () => {
    // The tag field takes « Tech » and « tech » for one tag; two drafts spell it each their way.
    const a = await addDraft(database, { title: 'A', tags: ['Tech'] });
    const b = await addDraft(database, { title: 'B', tags: ['tech', 'bourse'] });

    expect(await listTags(database)).toEqual(['bourse', 'Tech']);
    for (const tag of ['tech', 'Tech', 'TECH']) {
      const found = await searchDrafts({ tag }, database);
      expect(found.drafts.map((draft) => draft.id).sort()).toEqual([a.id, b.id].sort());
      expect(found.total).toBe(2);
    }
    // With a word too: read from the tag's index range, or from the word's.
    const both = await searchDrafts({ tag: 'TECH', text: 'b' }, database);
    expect(both.drafts.map((draft) => draft.id)).toEqual([b.id]);
  });
});

describe('trash', () => {
  it('hides a trashed draft everywhere but the trash, and restores it in place', async () => {
    const draft = await addDraft(database, { issueId: 'i1', sortKey: 'V' });

    await trashDraft(draft.id, database, clock);
    const trashed = await database.clips.get(draft.id);
    const trash = await listTrash(database);
    const restored = await restoreDraft(draft.id, database, clock);

    expect(trashed).toMatchObject({
      deletedAt: '2021-03-20T08:00:00.000Z',
      issueId: 'i1',
      sortKey: 'V',
    });
    expect(ids(trash)).toEqual([draft.id]);
    expect(restored).not.toHaveProperty('deletedAt');
    expect(restored).toMatchObject({ issueId: 'i1', sortKey: 'V' });
    expect(await listTrash(database)).toEqual([]);
  });

  it('returns an undo token that puts the draft back exactly', async () => {
    const draft = await addDraft(database);

    const token = await trashDraft(draft.id, database, clock);
    await undo(token, database, clock);

    expect(token.label).toBe('trash');
    // Exactly, but for the revision: it rises, so that open views see the draft come back; and
    // the version taken back (the trashed one) is noted, for a backup's merge to keep it out.
    const back = (await database.clips.get(draft.id))!;
    expect({ ...back, rev: undefined, undone: undefined }).toEqual(draft);
    expect(back.undone).toEqual(['2021-03-20T08:00:00.000Z']);
  });

  it('lists the most recently trashed first', async () => {
    const a = await addDraft(database);
    const b = await addDraft(database);
    await trashDraft(b.id, database, clock);
    await trashDraft(a.id, database, clock);

    expect(ids(await listTrash(database))).toEqual([a.id, b.id]);
  });

  it('purges drafts trashed more than 30 days ago, and only those', async () => {
    const old = await addDraft(database);
    const recent = await addDraft(database);
    const kept = await addDraft(database);
    await trashDraft(old.id, database, () => '2021-02-01T12:00:00.000Z');
    await trashDraft(recent.id, database, () => '2021-02-20T12:00:00.000Z');

    const purged = await purgeTrash(new Date('2021-03-05T12:00:00.000Z'), 30, database);

    expect(purged).toBe(1);
    expect(await database.clips.get(old.id)).toBeUndefined();
    expect(await database.clips.get(recent.id)).toBeDefined();
    expect(await database.clips.get(kept.id)).toBeDefined();
  });

  it('keeps a draft trashed exactly 30 days ago, then purges it a moment later', async () => {
    const draft = await addDraft(database);
    await trashDraft(draft.id, database, () => '2021-02-01T12:00:00.000Z');

    expect(await purgeTrash(new Date('2021-03-03T12:00:00.000Z'), 30, database)).toBe(0);
    expect(await purgeTrash(new Date('2021-03-03T12:00:00.001Z'), 30, database)).toBe(1);
  });
});

describe('mergeDrafts', () => {
  const quote = (text: string, clippedAt: string) => ({ text, html: '', clippedAt });

  async function pair() {
    const source = await addDraft(database, {
      url: 'https://b.test/2',
      title: 'Source',
      body: '<p>Second paragraphe</p>',
      sources: [
        { url: 'https://b.test/2', title: 'B' },
        { url: 'https://www.a.test/1/', title: 'A again' },
      ],
      quotes: [quote('Q2', '2021-03-02T00:00:00.000Z'), quote('Q1', '2021-03-01T00:00:00.000Z')],
      tags: ['bourse', 'Tech'],
      note: 'Note B',
      byline: 'Jane Doe',
      provenance: { byline: 'json-ld' },
    });
    const target = await addDraft(database, {
      url: 'https://a.test/1',
      title: 'Target',
      body: '<p>Premier paragraphe</p>',
      sources: [{ url: 'https://a.test/1', title: 'A' }],
      quotes: [quote('Q1', '2021-03-01T00:00:00.000Z'), quote('Q3', '2021-03-03T00:00:00.000Z')],
      tags: ['tech'],
      note: 'Note A',
      issueId: 'i1',
      sortKey: 'V',
    });
    return { source, target };
  }

  it('makes one item of two and deletes the source', async () => {
    const { source, target } = await pair();

    await mergeDrafts(source.id, target.id, database, clock);
    const merged = await database.clips.get(target.id);

    expect(await database.clips.get(source.id)).toBeUndefined();
    expect(merged).toMatchObject({
      title: 'Target',
      body: '<p>Premier paragraphe</p><p>Second paragraphe</p>',
      sources: [
        { url: 'https://a.test/1', title: 'A' },
        { url: 'https://b.test/2', title: 'B' },
      ],
      quotes: [
        quote('Q1', '2021-03-01T00:00:00.000Z'),
        quote('Q2', '2021-03-02T00:00:00.000Z'),
        quote('Q3', '2021-03-03T00:00:00.000Z'),
      ],
      tags: ['tech', 'bourse'],
      note: 'Note A\n\nNote B',
      byline: 'Jane Doe',
      provenance: { byline: 'json-ld' },
      issueId: 'i1',
      sortKey: 'V',
      createdAt: target.createdAt,
      updatedAt: '2021-03-20T08:00:00.000Z',
    });
    expect(merged!.sourceUrls).toEqual(['https://a.test/1', 'https://b.test/2']);
    expect(merged!.words).toContain('second');
  });

  it('gives an issue’s item merged into a draft of the inbox the item’s place in the issue', async () => {
    const { source, target } = await pair();
    // The target is in the inbox, the source the issue's item: the other way round.
    await database.clips.update(target.id, { issueId: '', sortKey: '' });
    await database.clips.update(source.id, { issueId: 'i2', sortKey: 'M' });

    await mergeDrafts(source.id, target.id, database, clock);

    expect(await database.clips.get(target.id)).toMatchObject({ issueId: 'i2', sortKey: 'M' });
  });

  it("does not repeat the source's body when the target already says it", async () => {
    const { source, target } = await pair();
    await database.clips.update(target.id, {
      body: '<p>Premier paragraphe</p><p>Second paragraphe</p>',
    });

    await mergeDrafts(source.id, target.id, database, clock);

    expect((await database.clips.get(target.id))!.body).toBe(
      '<p>Premier paragraphe</p><p>Second paragraphe</p>',
    );
  });

  it('wraps a body without paragraph in one, and ignores an empty one', async () => {
    const { source, target } = await pair();
    const empty = await addDraft(database, { body: '<p>&nbsp;</p>' });
    await database.clips.update(source.id, { body: 'Sans balise' });

    await mergeDrafts(source.id, target.id, database, clock);
    await mergeDrafts(empty.id, target.id, database, clock);

    expect((await database.clips.get(target.id))!.body).toBe(
      '<p>Premier paragraphe</p><p>Sans balise</p>',
    );
  });

  it('appends a body that opens with a list as it is, not inside a paragraph', async () => {
    const { source, target } = await pair();
    // A <ul> inside a <p> is no HTML: the parser closes the paragraph, and the one after the
    // list was stored nested in the wrapper.
    await database.clips.update(source.id, {
      body: '<ul><li>un</li><li>deux</li></ul><p>après</p>',
    });

    await mergeDrafts(source.id, target.id, database, clock);

    expect((await database.clips.get(target.id))!.body).toBe(
      '<p>Premier paragraphe</p><ul><li>un</li><li>deux</li></ul><p>après</p>',
    );
  });

  it('is undone exactly, in one step', async () => {
    const { source, target } = await pair();

    const token = await mergeDrafts(source.id, target.id, database, clock);
    await undo(token, database, clock);

    expect(token.label).toBe('merge');
    // Exactly, but for the revisions: they rise, so that open views see the undo; and the
    // target's version taken back (the merged one) is noted, for a backup's merge to keep it
    // out. The source was gone, in no backup made since: nothing to note.
    const [sourceBack, targetBack] = await database.clips.bulkGet([source.id, target.id]);
    expect({ ...sourceBack, rev: undefined }).toEqual(source);
    expect({ ...targetBack, rev: undefined, undone: undefined }).toEqual(target);
    expect(targetBack!.undone).toHaveLength(1);
    expect(await database.clips.count()).toBe(2);
  });

  it('is undone keeping what was written in the target since, the merged-in part taken out', async () => {
    const { source, target } = await pair();
    const token = await mergeDrafts(source.id, target.id, database, clock);
    // Typed in the merged draft since, in another view: its own paragraph, title, note, a tag.
    await updateDraft(
      target.id,
      {
        body: '<p>Premier paragraphe revu</p><p>Second paragraphe</p>',
        title: 'Cible revue',
        note: 'Note A revue\n\nNote B',
        tags: ['tech', 'bourse', 'urgent'],
      },
      database,
      clock,
    );

    const back = await undo(token, database, clock);

    expect(back).toEqual({ issueId: '', draftId: source.id });
    expect({
      ...(await database.clips.get(source.id)),
      rev: undefined,
      undone: undefined,
    }).toEqual(source);
    const unmerged = (await database.clips.get(target.id))!;
    expect(unmerged).toMatchObject({
      title: 'Cible revue',
      body: '<p>Premier paragraphe revu</p>',
      note: 'Note A revue',
      tags: ['tech', 'urgent'],
      sources: target.sources,
      quotes: target.quotes,
      provenance: {},
      issueId: 'i1',
      sortKey: 'V',
    });
    expect(unmerged.byline).toBeUndefined();
  });

  it('keeps a target’s text whose merged-in part was changed since, and says so', async () => {
    const { source, target } = await pair();
    const token = await mergeDrafts(source.id, target.id, database, clock);
    const corrected = '<p>Premier paragraphe</p><p>Second paragraphe, corrigé</p>';
    await updateDraft(target.id, { body: corrected }, database, clock);

    const back = await undo(token, database, clock);

    // The merged-in paragraph cannot be told from the correction: nothing typed is dropped.
    expect(back).toMatchObject({ draftId: source.id, kept: { fields: ['body'] } });
    expect(back!.kept!.title).toBeTruthy();
    expect(await database.clips.get(target.id)).toMatchObject({
      body: corrected,
      note: 'Note A',
      tags: ['tech'],
      sources: target.sources,
    });
    expect({
      ...(await database.clips.get(source.id)),
      rev: undefined,
      undone: undefined,
    }).toEqual(source);
  });

  it('puts a target of the inbox back there on undo, with what was written in it since', async () => {
    const { source, target } = await pair();
    await database.clips.update(target.id, { issueId: '', sortKey: '' });
    await database.clips.update(source.id, { issueId: 'i2', sortKey: 'M' });
    const token = await mergeDrafts(source.id, target.id, database, clock);
    await updateDraft(target.id, { title: 'Cible revue' }, database, clock);

    await undo(token, database, clock);

    expect(await database.clips.get(target.id)).toMatchObject({
      title: 'Cible revue',
      issueId: '',
      sortKey: '',
      body: '<p>Premier paragraphe</p>',
    });
    expect(await database.clips.get(source.id)).toMatchObject({ issueId: 'i2', sortKey: 'M' });
  });

  it('refuses to merge a draft into itself or into a missing draft', async () => {
    const { source } = await pair();

    await expect(mergeDrafts(source.id, source.id, database)).rejects.toThrow();
    await expect(mergeDrafts(source.id, 'nope', database)).rejects.toBeInstanceOf(
      DraftNotFoundError,
    );
    expect(await database.clips.get(source.id)).toEqual(source);
  });
});

describe('undo', () => {
  it('deletes the drafts an action created and puts back the one it trashed', async () => {
    const changed = await addDraft(database, { note: 'before' });
    const created = await addDraft(database);
    const { before } = await trashDraft(changed.id, database, clock);

    await undo({ label: 'trash', before, after: [created.id] }, database);

    expect(await database.clips.get(created.id)).toBeUndefined();
    const back = await database.clips.get(changed.id);
    expect({ ...back, rev: undefined, undone: undefined }).toEqual(changed);
  });

  it('undoes a trash and keeps what was written in the draft since, in its issue and place', async () => {
    const { id: i1 } = await createIssue({ title: 'N', date: '2021-03-15' }, database, clock);
    const draft = await addDraft(database, {
      body: '<p>Texte AVANT</p>',
      issueId: i1,
      sortKey: 'V',
      tags: ['tech'],
    });
    const token = await trashDraft(draft.id, database, clock);
    // Another view, open on it, keeps writing in it (« Ce que vous y écrivez reste enregistré »).
    await updateDraft(
      draft.id,
      { body: '<p>Texte AVANT PENDANT</p>', title: 'Récrit', note: 'Vu', tags: ['tech', 'bourse'] },
      database,
      clock,
    );
    const written = (await database.clips.get(draft.id))!;

    await expect(undo(token, database, clock)).resolves.toEqual({ issueId: i1, draftId: draft.id });

    const back = (await database.clips.get(draft.id))!;
    expect(back).toMatchObject({
      body: '<p>Texte AVANT PENDANT</p>',
      title: 'Récrit',
      note: 'Vu',
      tags: ['tech', 'bourse'],
      issueId: i1,
      sortKey: 'V',
    });
    expect(back.deletedAt).toBeUndefined();
    // An edit like any other: its revision rises, and it is dated now.
    expect(back.rev).toBe(written.rev! + 1);
    expect(back.updatedAt > written.updatedAt).toBe(true);
    expect(await listTrash(database)).toEqual([]);
  });

  it('does not undo a trash twice: what was written after the first undo stays', async () => {
    const draft = await addDraft(database, { body: '<p>Avant</p>' });
    const token = await trashDraft(draft.id, database, clock);

    await expect(undo(token, database)).resolves.toEqual({ issueId: '', draftId: draft.id });
    await updateDraft(draft.id, { body: '<p>Écrit après</p>' }, database, clock);
    // Another view (or a second click) undoes the same action.
    await expect(undo(token, database)).resolves.toBeUndefined();

    expect((await database.clips.get(draft.id))!.body).toBe('<p>Écrit après</p>');
  });

  it('undoes a trash of a draft trashed again since (its second trash is undone with it)', async () => {
    const draft = await addDraft(database);
    const token = await trashDraft(draft.id, database, clock);
    await restoreDraft(draft.id, database, clock);
    await trashDraft(draft.id, database, clock);

    await undo(token, database);

    expect((await database.clips.get(draft.id))!.deletedAt).toBeUndefined();
  });

  it('does not undo a merge twice: the draft merged away is not written back over its edits', async () => {
    const source = await addDraft(database, { title: 'Source' });
    const target = await addDraft(database, { title: 'Cible' });
    const token = await mergeDrafts(source.id, target.id, database, clock);

    await expect(undo(token, database)).resolves.toEqual({ issueId: '', draftId: source.id });
    await updateDraft(source.id, { title: 'Source récrite' }, database, clock);
    await updateDraft(target.id, { title: 'Cible récrite' }, database, clock);
    await expect(undo(token, database)).resolves.toBeUndefined();

    expect((await database.clips.get(source.id))!.title).toBe('Source récrite');
    expect((await database.clips.get(target.id))!.title).toBe('Cible récrite');
  });

  it('says where a draft put back is: in its issue, or in the inbox when that issue is gone', async () => {
    const { id: i1 } = await createIssue({ title: 'N', date: '2021-03-15' }, database, clock);
    const item = await addDraft(database, { issueId: i1, sortKey: 'V' });
    const orphan = await addDraft(database, { issueId: 'gone', sortKey: 'V' });
    const inbox = await addDraft(database);
    const source = await addDraft(database, { issueId: i1, sortKey: 'W' });

    const trashedItem = await trashDraft(item.id, database, clock);
    const trashedOrphan = await trashDraft(orphan.id, database, clock);
    const merged = await mergeDrafts(source.id, inbox.id, database, clock);

    await expect(undo(trashedItem, database)).resolves.toEqual({ issueId: i1, draftId: item.id });
    await expect(undo(trashedOrphan, database)).resolves.toEqual({
      issueId: '',
      draftId: orphan.id,
    });
    // The draft merged away comes back to its issue; the one it was merged into stays in the inbox.
    await expect(undo(merged, database)).resolves.toEqual({ issueId: i1, draftId: source.id });
  });
});

describe('undo of « Prendre l’autre » in a shared desk’s conflict', () => {
  /** A conflict as the sync stores it (services/sync/absorb.ts, absorb). */
  const conflictOn = (
    kind: SyncConflict['kind'],
    recordId: string,
    fields: SyncConflict['fields'],
  ): SyncConflict => ({
    key: `${kind}:${recordId}`,
    kind,
    recordId,
    title: 'Le ministre et Bercy',
    fields,
    theirsBy: 'Rédac',
    remoteVersion: 4,
    detectedAt: '2021-03-20T07:00:00.000Z',
  });

  it('writes back the editor’s values of the conflict’s fields only, once', async () => {
    const issue = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2021-03-15', intro: '<p>Mon chapô</p>' },
      database,
      clock,
    );
    const token = conflictChoiceToken(
      conflictOn('issue', issue.id, [
        { field: 'intro', base: '', mine: '<p>Mon chapô</p>', theirs: '<p>Son chapô</p>' },
      ]),
      issue,
    );
    // The choice, then a colleague's title taken in by a later sync.
    await database.issues.update(issue.id, { intro: '<p>Son chapô</p>' });
    await database.issues.update(issue.id, { title: 'Les indiscrets du 16 mars' });
    expect(await undoable(token, database)).toBe(true);

    const back = await undo(token, database, clock);

    expect(back).toEqual({ issueId: issue.id, conflict: true });
    expect(await database.issues.get(issue.id)).toMatchObject({
      intro: '<p>Mon chapô</p>',
      title: 'Les indiscrets du 16 mars',
    });
    // Shared desk off: the text is back as any edit, with no conflict to show.
    expect(await database.conflicts.count()).toBe(0);
    // A second undo (another view's, at the same moment) finds nothing to write back.
    expect(await undoable(token, database)).toBe(false);
    await expect(undo(token, database, clock)).resolves.toBeUndefined();
  });

  it('puts the conflict back, against the desk’s version, and holds the draft from the push', async () => {
    await database.syncState.put(deskState('editor'));
    const draft = await addDraft(database, { note: 'Ma note', noteShared: true });
    const stored = conflictOn('draft', draft.id, [
      { field: 'note', base: '', mine: 'Ma note', theirs: 'Leur note' },
    ]);
    await database.syncRecords.put({
      key: stored.key,
      kind: 'draft',
      recordId: draft.id,
      remoteId: 12,
      version: 5,
      modifiedGmt: '2021-03-20T07:00:00',
      base: { sharedNote: 'Leur note' },
    });
    const token = conflictChoiceToken(stored, draft);
    await database.clips.update(draft.id, { note: 'Leur note' });
    // The choice was sent: nothing waits.
    await database.outbox.clear();

    await undo(token, database, clock);

    expect(await database.clips.get(draft.id)).toMatchObject({
      note: 'Ma note',
      noteShared: true,
    });
    expect(await database.conflicts.get(stored.key)).toMatchObject({
      fields: [{ field: 'note', mine: 'Ma note', theirs: 'Leur note' }],
      theirsBy: 'Rédac',
      remoteVersion: 5,
    });
    expect(await database.outbox.get(stored.key)).toMatchObject({
      op: 'upsert',
      blocked: 'conflict',
    });
    // The conflict waits again: the offer is spent.
    expect(await undoable(token, database)).toBe(false);
  });

  describe('with what the editor wrote since the choice', () => {
    const p = (...paragraphs: string[]) => paragraphs.map((text) => `<p>${text}</p>`).join('');
    const mine = p('Le ministre dîne à Bercy.', 'Il dément.', 'Fin.');
    const theirs = p('Le ministre déjeune à Bercy.', 'Il dément.', 'Fin.');

    /**
     * A draft with `mine` as its text, in conflict with a colleague's `theirs` on `fields` (the
     * body's by default); the desk's version as last synced is theirs. The choice is made: the
     * record holds their values. Answers the draft before the choice, the conflict and its undo.
     */
    const chosen = async (
      fields: SyncConflict['fields'] = [{ field: 'body', base: '', mine, theirs }],
      start: Partial<Draft> = { body: mine },
    ) => {
      await database.syncState.put(deskState('editor'));
      const draft = await addDraft(database, start);
      const stored = conflictOn('draft', draft.id, fields);
      await database.syncRecords.put({
        key: stored.key,
        kind: 'draft',
        recordId: draft.id,
        remoteId: 12,
        version: 5,
        modifiedGmt: '2021-03-20T07:00:00',
        base: Object.fromEntries(fields.map((field) => [field.field, field.theirs])),
      });
      const token = conflictChoiceToken(stored, draft);
      await database.clips.update(
        draft.id,
        Object.fromEntries(fields.map((field) => [field.field, field.theirs])) as Partial<Draft>,
      );
      await database.outbox.clear();
      return { draft, stored, token };
    };

    it('keeps the words typed since and gets the editor’s own paragraphs back', async () => {
      const { draft, stored, token } = await chosen();
      // Typed in the popup, open on the draft, after « Prendre l’autre » in the desk.
      const typed = p('Le ministre déjeune à Bercy.', 'Il dément.', 'Fin, ajoutée depuis.');
      await updateDraft(draft.id, { body: typed }, database, clock);

      const back = await undo(token, database, clock);

      const both = p('Le ministre dîne à Bercy.', 'Il dément.', 'Fin, ajoutée depuis.');
      expect(back).toEqual({ issueId: '', draftId: draft.id, conflict: true });
      expect((await database.clips.get(draft.id))!.body).toBe(both);
      // The box is back with what the draft now holds as the editor's version.
      expect((await database.conflicts.get(stored.key))!.fields).toMatchObject([
        { field: 'body', mine: both, theirs },
      ]);
      expect(await database.outbox.get(stored.key)).toMatchObject({ blocked: 'conflict' });
    });

    it('keeps the words typed since, then the editor’s own paragraph, where the two meet, and says so', async () => {
      const { draft, stored, token } = await chosen();
      const typed = p('Le ministre déjeune à Bercy avec un patron.', 'Il dément.', 'Fin.');
      await updateDraft(draft.id, { body: typed }, database, clock);

      const back = await undo(token, database, clock);

      // Nothing lost: the paragraph as typed since, then the editor's from before; the others once.
      const both = p(
        'Le ministre déjeune à Bercy avec un patron.',
        'Le ministre dîne à Bercy.',
        'Il dément.',
        'Fin.',
      );
      expect(back).toEqual({
        issueId: '',
        draftId: draft.id,
        conflict: true,
        conflictKept: {
          title: 'Le ministre et Bercy',
          kind: 'draft',
          fields: [],
          both: ['body'],
          records: 1,
        },
      });
      expect((await database.clips.get(draft.id))!.body).toBe(both);
      // The box is back with what the draft now holds as the editor's version.
      expect((await database.conflicts.get(stored.key))!.fields).toMatchObject([
        { field: 'body', mine: both, theirs },
      ]);
      expect(await database.outbox.get(stored.key)).toMatchObject({ blocked: 'conflict' });
      // The box waits again: the offer is spent.
      expect(await undoable(token, database)).toBe(false);
    });

    it('keeps both versions of a list entry typed in since, in the list, the other entries merged', async () => {
      const list = (...entries: string[]) =>
        `<ul>${entries.map((entry) => `<li>${entry}</li>`).join('')}</ul>`;
      const myList = `${p('Trois pistes :')}${list('Bercy', 'Matignon', 'Élysée')}`;
      const theirList = `${p('Trois pistes :')}${list('Bercy', 'Matignon, selon Rédac', 'Élysée')}`;
      const { draft, token } = await chosen(
        [{ field: 'body', base: '', mine: myList, theirs: theirList }],
        { body: myList },
      );
      const typed = `${p('Trois pistes :')}${list('Bercy', 'Matignon, démenti', 'Élysée', 'Sénat')}`;
      await updateDraft(draft.id, { body: typed }, database, clock);

      const back = await undo(token, database, clock);

      expect((await database.clips.get(draft.id))!.body).toBe(
        `${p('Trois pistes :')}${list('Bercy', 'Matignon, démenti', 'Matignon', 'Élysée', 'Sénat')}`,
      );
      expect(back!.conflictKept).toMatchObject({ fields: [], both: ['body'] });
    });

    it('keeps the text typed since, then the editor’s own, when either is not the shape merged by paragraphs', async () => {
      const loose = 'Le ministre dîne à Bercy. <h2>Suite</h2>';
      const { draft, token } = await chosen([{ field: 'body', base: '', mine: loose, theirs }], {
        body: loose,
      });
      const typed = p('Le ministre déjeune à Bercy avec un patron.', 'Il dément.', 'Fin.');
      await updateDraft(draft.id, { body: typed }, database, clock);

      await undo(token, database, clock);

      expect((await database.clips.get(draft.id))!.body).toBe(`${typed}\n${loose}`);
    });

    it('says both what holds both versions and what stays as typed since, in one choice undone', async () => {
      const { draft, token } = await chosen(
        [
          { field: 'body', base: '', mine, theirs },
          { field: 'tags', base: [], mine: ['Bercy'], theirs: ['Élysée'] },
        ],
        { body: mine, tags: ['Bercy'] },
      );
      const typed = p('Le ministre déjeune à Bercy avec un patron.', 'Il dément.', 'Fin.');
      await updateDraft(draft.id, { body: typed, tags: ['Élysée', 'urgent'] }, database, clock);

      const back = await undo(token, database, clock);

      expect(back!.conflictKept).toEqual({
        title: 'Le ministre et Bercy',
        kind: 'draft',
        fields: ['tags'],
        both: ['body'],
        records: 1,
      });
      expect(await database.clips.get(draft.id)).toMatchObject({
        body: p(
          'Le ministre déjeune à Bercy avec un patron.',
          'Le ministre dîne à Bercy.',
          'Il dément.',
          'Fin.',
        ),
        tags: ['Élysée', 'urgent'],
      });
    });

    it('gathers what several choices undone at once kept and joined, the first record named', async () => {
      const first = await chosen();
      await updateDraft(
        first.draft.id,
        { body: p('Le ministre déjeune à Bercy avec un patron.', 'Il dément.', 'Fin.') },
        database,
        clock,
      );
      const second = await chosen(
        [{ field: 'tags', base: [], mine: ['Bercy'], theirs: ['Élysée'] }],
        { tags: ['Bercy'] },
      );
      await updateDraft(second.draft.id, { tags: ['Élysée', 'urgent'] }, database, clock);

      const back = await undo(conflictChoicesToken([first.token, second.token]), database, clock);

      expect(back!.conflictKept).toEqual({
        title: 'Le ministre et Bercy',
        kind: 'draft',
        fields: ['tags'],
        both: ['body'],
        records: 2,
      });
    });

    it('names, of several choices undone at once, a record that holds both versions', async () => {
      const first = await chosen(
        [{ field: 'tags', base: [], mine: ['Bercy'], theirs: ['Élysée'] }],
        { tags: ['Bercy'] },
      );
      await updateDraft(first.draft.id, { tags: ['Élysée', 'urgent'] }, database, clock);
      const second = await chosen();
      second.token.conflict!.stored.title = 'Le dîner de Bercy';
      await updateDraft(
        second.draft.id,
        { body: p('Le ministre déjeune à Bercy avec un patron.', 'Il dément.', 'Fin.') },
        database,
        clock,
      );

      const back = await undo(conflictChoicesToken([first.token, second.token]), database, clock);

      // The one the editor has to read over, not the first (whose tags only stayed).
      expect(back!.conflictKept).toMatchObject({ title: 'Le dîner de Bercy', records: 2 });
    });

    it('keeps a field other than a text changed since, and gives the untouched ones back', async () => {
      const { draft, stored, token } = await chosen(
        [
          { field: 'body', base: '', mine, theirs },
          { field: 'tags', base: [], mine: ['Bercy'], theirs: ['Élysée'] },
        ],
        { body: mine, tags: ['Bercy'] },
      );
      await updateDraft(draft.id, { tags: ['Élysée', 'urgent'] }, database, clock);

      const back = await undo(token, database, clock);

      expect(back!.conflictKept).toEqual({
        title: 'Le ministre et Bercy',
        kind: 'draft',
        fields: ['tags'],
        records: 1,
      });
      expect(await database.clips.get(draft.id)).toMatchObject({
        body: mine,
        tags: ['Élysée', 'urgent'],
      });
      expect((await database.conflicts.get(stored.key))!.fields).toMatchObject([
        { field: 'body', mine, theirs },
        { field: 'tags', mine: ['Élysée', 'urgent'], theirs: ['Élysée'] },
      ]);
    });

    it('keeps the words typed since that the sync already sent to the desk', async () => {
      const { draft, stored, token } = await chosen();
      const typed = p('Le ministre déjeune à Bercy.', 'Il dément.', 'Fin, ajoutée depuis.');
      await updateDraft(draft.id, { body: typed }, database, clock);
      // Sent: the desk's version is the editor's, written by them last.
      await database.syncRecords.update(stored.key, { base: { body: typed }, version: 6 });
      await database.clips.update(draft.id, {
        desk: { remoteId: 12, modifiedBy: 'Éditeur', modifiedById: DESK_PEOPLE.editor.id },
      });

      await undo(token, database, clock);

      const both = p('Le ministre dîne à Bercy.', 'Il dément.', 'Fin, ajoutée depuis.');
      expect((await database.clips.get(draft.id))!.body).toBe(both);
      expect((await database.conflicts.get(stored.key))!.fields).toMatchObject([
        { field: 'body', mine: both, theirs: typed },
      ]);
    });

    it('keeps the words the editor sent, when a colleague’s edit of another field was pulled after them', async () => {
      const { draft, stored, token } = await chosen();
      const typed = p('Le ministre déjeune à Bercy.', 'Il dément.', 'Fin, ajoutée depuis.');
      await updateDraft(draft.id, { body: typed }, database, clock);
      // Sent by the sync; then a colleague's tags pulled: the record's last writer is theirs.
      await database.syncRecords.update(stored.key, {
        base: { body: typed, tags: ['Bercy'] },
        version: 7,
      });
      await database.clips.update(draft.id, {
        tags: ['Bercy'],
        desk: { remoteId: 12, modifiedBy: 'Autrice', modifiedById: DESK_PEOPLE.author.id },
      });

      await undo(token, database, clock);

      const both = p('Le ministre dîne à Bercy.', 'Il dément.', 'Fin, ajoutée depuis.');
      expect((await database.clips.get(draft.id))!.body).toBe(both);
    });

    it('keeps a move whole: the place changed since keeps its issue too, and says so', async () => {
      const { draft, token } = await chosen(
        [
          { field: 'issueId', base: '', mine: 'issue-Y', theirs: 'issue-X' },
          { field: 'sortKey', base: '', mine: 'm', theirs: 'b' },
        ],
        { issueId: 'issue-Y', sortKey: 'm' },
      );
      // Moved within issue X after the choice.
      await database.clips.update(draft.id, { sortKey: 'c', updatedAt: clock() });

      const back = await undo(token, database, clock);

      expect(await database.clips.get(draft.id)).toMatchObject({
        issueId: 'issue-X',
        sortKey: 'c',
      });
      expect(back!.conflictKept!.fields.sort()).toEqual(['issueId', 'sortKey']);
    });

    it('keeps a note made private since and written in, and says so', async () => {
      const { draft, token } = await chosen(
        [{ field: 'note', base: 'Notre note', mine: '', theirs: 'Leur note' }],
        { note: 'Ma note privée', noteShared: false },
      );
      // The choice wrote their note, shared; then the editor made it private and wrote in it.
      await database.clips.update(draft.id, { note: 'Leur note', noteShared: true });
      const written = 'Leur note. Et ce que j’ajoute, pour moi.';
      await updateDraft(
        draft.id,
        { note: written, noteShared: false } as Partial<Draft>,
        database,
        clock,
      );

      const back = await undo(token, database, clock);

      expect(await database.clips.get(draft.id)).toMatchObject({
        note: written,
        noteShared: false,
      });
      expect(back!.conflictKept!.fields).toEqual(['note']);
    });

    it('leaves a field kept « mine » in the same choice to what was written since, unsaid, and asks no more about it', async () => {
      const { draft, stored } = await chosen(
        [
          { field: 'body', base: '', mine, theirs },
          { field: 'title', base: '', mine: 'Mon titre', theirs: 'Leur titre' },
        ],
        { body: mine, title: 'Mon titre' },
      );
      // Their body taken, the title kept « mine » and sent.
      await database.clips.update(draft.id, { title: 'Mon titre' });
      await database.syncRecords.update(stored.key, { base: { body: theirs, title: 'Mon titre' } });
      const token = conflictChoiceToken(stored, draft, ['body']);
      await updateDraft(draft.id, { title: 'Mon titre, corrigé' }, database, clock);

      const back = await undo(token, database, clock);

      expect(back!.conflictKept).toBeUndefined();
      expect(await database.clips.get(draft.id)).toMatchObject({
        body: mine,
        title: 'Mon titre, corrigé',
      });
      expect((await database.conflicts.get(stored.key))!.fields).toMatchObject([
        { field: 'body', mine, theirs },
      ]);
    });

    it('gives a shared note its editor’s lines back, keeping those written since', async () => {
      await database.syncState.put(deskState('editor'));
      const note = 'Rappeler le cabinet.\nVérifier la date.';
      const draft = await addDraft(database, { note, noteShared: true });
      const token = conflictChoiceToken(
        conflictOn('draft', draft.id, [
          { field: 'note', base: '', mine: note, theirs: 'Rappeler Bercy.\nVérifier la date.' },
        ]),
        draft,
      );
      await database.clips.update(draft.id, { note: 'Rappeler Bercy.\nVérifier la date.' });
      await updateDraft(
        draft.id,
        { note: 'Rappeler Bercy.\nVérifier la date.\nSource : AFP.' },
        database,
        clock,
      );

      await undo(token, database, clock);

      expect(await database.clips.get(draft.id)).toMatchObject({
        note: 'Rappeler le cabinet.\nVérifier la date.\nSource : AFP.',
        noteShared: true,
      });
    });

    it('keeps a chapô’s line typed since, then the editor’s own, where the two meet, the other lines merged', async () => {
      await database.syncState.put(deskState('editor'));
      const intro = 'Bercy s’agite.\nLe ministre dément.\nSuite demain.';
      const issue = await createIssue(
        { title: 'Les indiscrets du 15 mars', date: '2021-03-15', intro },
        database,
        clock,
      );
      const other = 'Bercy s’inquiète.\nLe ministre dément.\nSuite demain.';
      const stored = conflictOn('issue', issue.id, [
        { field: 'intro', base: '', mine: intro, theirs: other },
      ]);
      await database.syncRecords.put({
        key: stored.key,
        kind: 'issue',
        recordId: issue.id,
        remoteId: 30,
        version: 5,
        modifiedGmt: '2021-03-20T07:00:00',
        base: { intro: other },
      });
      const token = conflictChoiceToken(stored, issue);
      await database.issues.update(issue.id, { intro: other });
      await database.outbox.clear();
      const typed = 'Bercy s’inquiète, et Matignon aussi.\nLe ministre dément.\nSuite lundi.';
      await updateIssue(issue.id, { intro: typed }, database, clock);

      const back = await undo(token, database, clock);

      const both =
        'Bercy s’inquiète, et Matignon aussi.\nBercy s’agite.\nLe ministre dément.\nSuite lundi.';
      expect((await database.issues.get(issue.id))!.intro).toBe(both);
      expect(back!.conflictKept).toEqual({
        title: 'Le ministre et Bercy',
        kind: 'issue',
        fields: [],
        both: ['intro'],
        records: 1,
      });
      expect((await database.conflicts.get(stored.key))!.fields).toMatchObject([
        { field: 'intro', mine: both, theirs: other },
      ]);
    });
  });
});
