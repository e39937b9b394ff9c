/**
 * A search typed on (« "nos informations s », then « "nos informations se ») walks on from
 * where the last keystroke's walk stopped, checking again only the drafts it matched; a change
 * to the database between two keys starts the walk over, and a stale keystroke's search stops
 * between two chunks when its signal is aborted.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { liveQuery } from 'dexie';
import type { Draft, IndiscretsDB } from '../../../storage/db';
import { countDrafts, searchPage, type DraftQuery } from '../../../storage/draft-search';
import { searchedTexts } from '../../../storage/derive';
import { freshDatabase, watchDraftRequests } from './helpers';

// Counted: how many drafts' texts a phrase search looks at.
vi.mock('../../../storage/derive', async (original) => {
  const derive = await original<typeof import('../../../storage/derive')>();
  return { ...derive, searchedTexts: vi.fn(derive.searchedTexts) };
});

let database: IndiscretsDB;
/** Every request reading records from the drafts' store (a walk's chunk, a candidates' read). */
let reads: number;
/** How many drafts those requests read. */
let read: number;
/** Counting requests on the drafts' store. */
let counts: number;
/** Requests reading keys only. */
let keyReads: number;
/** Run at each such request, before it is made. */
let onRead: () => void;

beforeEach(() => {
  vi.mocked(searchedTexts).mockClear();
  database = freshDatabase();
  reads = 0;
  read = 0;
  counts = 0;
  keyReads = 0;
  onRead = () => {};
  watchDraftRequests(database, {
    beforeRecords: () => {
      reads += 1;
      onRead();
    },
    query: (values, answered) => (values ? (read += answered) : (keyReads += 1)),
    count: () => (counts += 1),
    getMany: () => (reads += 1),
  });
});
afterEach(async () => {
  await database.delete();
});

/**
 * Each holds the words of « nos informations selon », and each of its pairs, never in that
 * order: the pairs' index cannot tell those drafts from one holding the phrase, and the box is
 * walked, reading their text.
 */
function draft(n: number, fields: Partial<Draft> = {}): Draft {
  const at = new Date(Date.UTC(2021, 2, 1, 0, 0, n)).toISOString();
  const url = `https://news.test/a-${n}`;
  return {
    id: `d-${String(n).padStart(4, '0')}`,
    url,
    title: `Matignon prépare une réforme ${n % 2 === 0 ? 'article 30' : 'article 3'}`,
    siteName: 'News',
    quotes: [
      {
        text: '« Matignon », selon nos informations. Informations selon Matignon.',
        html: '',
        clippedAt: at,
      },
    ],
    provenance: {},
    createdAt: at,
    updatedAt: at,
    body: '<p>Texte</p>',
    sources: [{ url, title: 'Article' }],
    note: '',
    tags: [],
    status: 'draft',
    issueId: '',
    sortKey: '',
    ...fields,
  } as Draft;
}

/** 300 drafts: over what a page of 5 reads from candidates, so the box is walked. */
async function seed() {
  await database.clips.bulkAdd(Array.from({ length: 300 }, (_, i) => draft(i + 1)));
}

/** The page as a search that resumes nothing finds it: another walk made first takes its place. */
async function fresh(query: DraftQuery) {
  await searchPage({ text: '"nos informations', status: 'checked', limit: 1 }, database);
  return searchPage(query, database);
}

const ids = (drafts: Draft[]) => drafts.map((d) => d.id);

describe('draft search typed on', () => {
  it('reads no draft again for a phrase typed on from one found nowhere', async () => {
    await seed();
    expect(await searchPage({ text: '"nos informations s', limit: 5 }, database)).toEqual([]);
    const before = read;
    expect(await searchPage({ text: '"nos informations se', limit: 5 }, database)).toEqual([]);
    // The one draft read so that a live query follows every draft.
    expect(read - before).toBe(1);
  });

  it('counts no word of a phrase typed on from one whose walk read the whole box', async () => {
    await seed();
    await searchPage({ text: '"nos informations s', limit: 5 }, database);
    [counts, keyReads] = [0, 0];
    await searchPage({ text: '"nos informations se', limit: 5 }, database);
    expect(counts + keyReads).toBe(0);
  });

  it('reads the few drafts of a rare word typed on, not the rest of the box', async () => {
    await seed();
    await database.clips.update('d-0010', { note: 'Nos informations selon la préfecture.' });
    await searchPage({ text: '"nos informations ', limit: 5 }, database);
    read = 0;
    const found = await searchPage(
      { text: '"nos informations selon la prefecture', limit: 5 },
      database,
    );
    expect(ids(found)).toEqual(['d-0010']);
    expect(read).toBeLessThan(10);
  });

  it('counts the matches of a phrase its page walked to the end without reading a draft', async () => {
    await seed();
    await database.clips.update('d-0040', { note: 'Nos informations selon.' });
    expect(await searchPage({ text: '"nos informations s', limit: 5 }, database)).toHaveLength(1);
    read = 0;
    expect(await countDrafts({ text: '"nos informations s' }, database)).toBe(1);
    expect(await countDrafts({ text: '"nos informations sel' }, database)).toBe(1);
    expect(await countDrafts({ text: '"nos informations seu' }, database)).toBe(0);
    // One draft read each, to follow every draft in a live query.
    expect(read).toBe(3);
    // Another draft changed: counted anew.
    await database.clips.update('d-0041', { note: 'Nos informations selon.' });
    expect(await countDrafts({ text: '"nos informations sel' }, database)).toBe(2);
  });

  it('finds what the next key matches as a search made anew does', async () => {
    await seed();
    await database.clips.bulkPut([
      draft(40, { note: 'Selon nos informations selon la presse' }),
      draft(250, { note: 'nos informations seulement' }),
      draft(260, { note: 'nos informations selon elle' }),
    ]);
    // Each key after the one before it; pages a walk fills (a longer one reads the candidates).
    const typed = ['"nos informations ', '"nos informations s', '"nos informations se'];
    typed.push('"nos informations sel');
    const pages: [number, number][] = [
      [5, 0],
      [1, 1],
      [3, 2],
    ];
    for (const [i, text] of typed.entries()) {
      for (const [limit, offset] of pages) {
        const query = { text, limit, offset };
        const expected = ids(await fresh(query));
        if (i > 0) await searchPage({ text: typed[i - 1], limit: 8 }, database);
        expect(ids(await searchPage(query, database)), `${text} ${limit} ${offset}`).toEqual(
          expected,
        );
      }
    }
    expect(ids(await searchPage({ text: '"nos informations sel', limit: 5 }, database))).toEqual([
      'd-0260',
      'd-0040',
    ]);
  });

  it('sees a draft changed between two keys', async () => {
    await seed();
    expect(await searchPage({ text: '"nos informations s', limit: 5 }, database)).toEqual([]);
    await database.clips.update('d-0100', { note: 'Selon nos informations selon elle.' });
    await database.clips.add(draft(400, { note: 'nos informations selon lui' }));
    expect(ids(await searchPage({ text: '"nos informations se', limit: 5 }, database))).toEqual([
      'd-0400',
      'd-0100',
    ]);
  });

  it('tells a live query of a change to the drafts it did not read again', async () => {
    await seed();
    expect(await searchPage({ text: '"nos informations s', limit: 5 }, database)).toEqual([]);
    const seen: string[][] = [];
    const live = liveQuery(() =>
      searchPage({ text: '"nos informations se', limit: 5 }, database),
    ).subscribe({ next: (drafts) => seen.push(ids(drafts)) });
    try {
      await vi.waitFor(() => expect(seen).toEqual([[]]));
      await database.clips.update('d-0100', { note: 'nos informations selon elle' });
      await vi.waitFor(() => expect(seen.at(-1)).toEqual(['d-0100']), { timeout: 3000 });
    } finally {
      live.unsubscribe();
    }
  });

  it('tells a live query of a change among the drafts walked before it', async () => {
    await seed();
    const said = { note: 'Nos informations selon.' };
    await database.clips.bulkUpdate([
      { key: 'd-0150', changes: said },
      { key: 'd-0050', changes: said },
    ]);
    // The first match, then the page from it: the drafts above it are not read again.
    const first = await searchPage({ text: '"nos informations s', limit: 1 }, database);
    expect(ids(first)).toEqual(['d-0150']);
    const seen: string[][] = [];
    const live = liveQuery(() =>
      searchPage({ text: '"nos informations se', limit: 5 }, database),
    ).subscribe({ next: (drafts) => seen.push(ids(drafts)) });
    try {
      await vi.waitFor(() => expect(seen).toEqual([['d-0150', 'd-0050']]));
      // Its words already the draft's (its quote's): the words index is not changed.
      await database.clips.update('d-0200', said);
      await vi.waitFor(() => expect(seen.at(-1)).toEqual(['d-0200', 'd-0150', 'd-0050']), {
        timeout: 3000,
      });
    } finally {
      live.unsubscribe();
    }
  });

  it('does not take a number typed on for a narrower one', async () => {
    await seed();
    // « article 3 » does not find « article 30 »: « article 30 » is no narrower.
    const three = await searchPage({ text: '"reforme article 3', limit: 1 }, database);
    expect(ids(three)).toEqual(['d-0299']);
    const thirty = await searchPage({ text: '"reforme article 30', limit: 1 }, database);
    expect(ids(thirty)).toEqual(['d-0300']);
  });

  it('does not take another filter for a narrower search', async () => {
    await seed();
    await database.clips.update('d-0010', { status: 'ready' });
    await searchPage({ text: '"nos informations', status: 'ready', limit: 5 }, database);
    expect(ids(await searchPage({ text: '"nos informations ', limit: 2 }, database))).toEqual([
      'd-0300',
      'd-0299',
    ]);
  });
});

describe('draft search, a stale keystroke', () => {
  it('stops once its signal is aborted, the chunk then read left to the next key', async () => {
    await seed();
    const stale = new AbortController();
    onRead = () => stale.abort();
    await expect(
      searchPage({ text: '"nos informations s', limit: 5 }, database, stale.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(reads).toBe(1);
    // Aborted as its first chunk was read: no draft of it checked.
    expect(vi.mocked(searchedTexts)).not.toHaveBeenCalled();
    // The next key checks those 64 without reading them again, then reads the 236 others.
    onRead = () => {};
    [read, reads] = [0, 0];
    expect(await searchPage({ text: '"nos informations se', limit: 5 }, database)).toEqual([]);
    // Each chunk is read from the last draft checked, which it reads again and skips.
    expect(read - reads).toBe(236);
  });

  it('leaves how far it went to the next key, which walks on from there', async () => {
    await seed();
    const stale = new AbortController();
    // Aborted as its second chunk is read: the first was checked.
    onRead = () => {
      if (reads === 2) stale.abort();
    };
    await expect(
      searchPage({ text: '"nos informations s', limit: 5 }, database, stale.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
    onRead = () => {};
    await database.clips.get('d-0001'); // a read, not a change: the walk stands
    [read, reads] = [0, 0];
    expect(await searchPage({ text: '"nos informations se', limit: 5 }, database)).toEqual([]);
    // The 64 checked not read again, nor the 127 read then (checked from memory): the last 109.
    expect(read - reads).toBe(109);
  });

  it('rejects at once when aborted before it starts', async () => {
    await seed();
    const stale = new AbortController();
    stale.abort();
    await expect(
      searchPage({ text: '"nos informations s' }, database, stale.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(reads).toBe(0);
  });
});
