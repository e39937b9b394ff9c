/**
 * The trash (the inbox's « Corbeille ») lists its drafts most recently trashed first, by their
 * `deletedAt`, ties by id, as a search of it pages them: a page read from a word's candidates and
 * a page walked along the `deletedAt` index agree, with words and filters too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft, DraftStatus, IndiscretsDB } from '../../../storage/db';
import {
  countDrafts,
  searchDrafts,
  searchPage,
  type DraftQuery,
} from '../../../storage/draft-search';
import { trashDraft } from '../../../storage/drafts';
import { addDraft, freshDatabase, steppingClock } from './helpers';

let database: IndiscretsDB;

beforeEach(() => {
  database = freshDatabase();
});
afterEach(async () => {
  await database.delete();
});

const ids = (drafts: Draft[]) => drafts.map((d) => d.id);

/** A second of 2021 as ISO 8601: `day` days and `second` seconds after the 1st of January. */
const moment = (day: number, second: number) =>
  new Date(Date.UTC(2021, 0, 1 + day, 0, 0, second)).toISOString();

/**
 * Draft `i` of a large desk, written directly: clipped at second `i`; every fourth one ready;
 * « OVH » in one title in three, « rarissime » in one in a hundred; trashed or not as given.
 */
const record = (i: number, deletedAt?: string) => ({
  id: `id-${String(i).padStart(5, '0')}`,
  url: `https://a.test/${i}`,
  title: `Le marché ${i % 3 === 0 ? 'OVH' : 'autre'}${i % 100 === 0 ? ' rarissime' : ''}`,
  quotes: [],
  provenance: {},
  createdAt: moment(0, i),
  updatedAt: moment(0, i),
  body: '',
  sources: [],
  note: '',
  tags: [],
  status: (i % 4 === 0 ? 'ready' : 'draft') as DraftStatus,
  issueId: i % 5 === 0 ? 'issue' : '',
  sortKey: i % 5 === 0 ? `k${i}` : '',
  ...(deletedAt ? { deletedAt } : {}),
});

/** The trash as an editor expects it: most recently trashed first, then by id descending. */
const trashOrder = (drafts: Draft[]) =>
  drafts
    .filter((d) => !!d.deletedAt)
    .sort((a, b) =>
      a.deletedAt !== b.deletedAt ? (a.deletedAt! < b.deletedAt! ? 1 : -1) : a.id < b.id ? 1 : -1,
    );

describe('searching the trash', () => {
  it('lists the most recently trashed draft first, whenever it was clipped', async () => {
    const clock = steppingClock('2021-03-20T08:00:00.000Z');
    const [oldest, middle, newest] = [
      await addDraft(database, { title: 'Le plus ancien' }),
      await addDraft(database, { title: 'Le suivant' }),
      await addDraft(database, { title: 'Le dernier coupé' }),
    ];
    await trashDraft(middle.id, database, clock);
    await trashDraft(newest.id, database, clock);
    await trashDraft(oldest.id, database, clock);

    const page = await searchDrafts({ box: 'trash' }, database);

    // Before, by creation: newest, middle, oldest.
    expect(ids(page.drafts)).toEqual([oldest.id, newest.id, middle.id]);
    expect(page.total).toBe(3);
  });

  it('orders drafts trashed at the same moment by id, newest first, as the index does', async () => {
    const at = '2021-03-20T08:00:00.000Z';
    await addDraft(database, { id: 'b', deletedAt: at, createdAt: moment(10, 0) });
    await addDraft(database, { id: 'c', deletedAt: at, createdAt: moment(5, 0) });
    await addDraft(database, { id: 'a', deletedAt: at, createdAt: moment(20, 0) });

    expect(ids(await searchPage({ box: 'trash' }, database))).toEqual(['c', 'b', 'a']);
  });

  it('pages a large trash, searched and filtered, in the order it was trashed', async () => {
    // 1,200 drafts trashed in an order unlike their creation's (a permutation of their
    // seconds), three at each moment so that a walk's chunk ends between drafts of one time;
    // 300 drafts out of the trash, clipped after them, among them.
    const trashed = Array.from({ length: 1200 }, (_, i) =>
      record(i, moment(40, Math.floor(((i * 37) % 1200) / 3))),
    );
    const live = Array.from({ length: 300 }, (_, i) => record(1200 + i));
    await database.clips.bulkAdd([...trashed, ...live] as never);
    const all = await database.clips.toArray();

    // Each query paged from a few offsets: a page of five is walked along the index (1,200
    // trashed drafts, 400 with « OVH », are more than such a page reads as candidates), a page
    // of fifty, and « rarissime », read from candidates; the walk crosses chunks (64, 128…).
    const queries: [DraftQuery, (d: Draft) => boolean][] = [
      [{}, () => true],
      [{ text: 'ovh' }, (d) => d.title.includes('OVH')],
      [{ text: 'rarissime' }, (d) => d.title.includes('rarissime')],
      [{ status: 'ready' }, (d) => d.status === 'ready'],
      [{ text: 'marche', status: 'ready' }, (d) => d.status === 'ready'],
    ];
    for (const [query, keep] of queries) {
      const expected = ids(trashOrder(all.filter(keep)));
      for (const [offset, limit] of [
        [0, 5],
        [60, 5],
        [125, 5],
        [0, 50],
        [50, 50],
      ] as const) {
        const page = await searchPage({ ...query, box: 'trash', offset, limit }, database);
        expect(ids(page), JSON.stringify({ query, offset, limit })).toEqual(
          expected.slice(offset, offset + limit),
        );
      }
      expect(await countDrafts({ ...query, box: 'trash' }, database)).toBe(expected.length);
    }
  });
});
