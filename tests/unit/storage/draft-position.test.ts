/**
 * Where a draft is listed by a search (draftPosition): the number of its matches listed before
 * it, newest first, ties by id as the pages are read, so that the inbox can take the keyboard to
 * a draft beyond the rows it has read; none when the search does not list it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndiscretsDB } from '../../../storage/db';
import { draftPosition, searchPage, type DraftQuery } from '../../../storage/draft-search';
import { trashDraft } from '../../../storage/drafts';
import { addDraft, freshDatabase } from './helpers';

let database: IndiscretsDB;

beforeEach(() => {
  database = freshDatabase();
});
afterEach(async () => {
  await database.delete();
});

/** Draft `i`: clipped at second `second` of the 1st of March 2021, its id `id-i`. */
const add = (i: number, second: number, fields: Parameters<typeof addDraft>[1] = {}) =>
  addDraft(database, {
    id: `id-${String(i).padStart(3, '0')}`,
    createdAt: new Date(Date.UTC(2021, 2, 1, 0, 0, second)).toISOString(),
    ...fields,
  } as Parameters<typeof addDraft>[1]);

/** The position as the pages list it: its index in every match, read in one page. */
async function listedAt(query: DraftQuery, id: string) {
  const all = await searchPage({ ...query, offset: 0, limit: 10_000 }, database);
  const at = all.findIndex((draft) => draft.id === id);
  return at < 0 ? undefined : at;
}

describe('draftPosition', () => {
  it('counts the drafts listed before it, newest first, those of its time by id as pages read them', async () => {
    for (let i = 0; i < 120; i++) await add(i, 1000 - i);
    // Three of one time, and one in an issue (not in the inbox).
    await add(200, 500);
    await add(201, 500);
    await add(202, 500, { issueId: 'issue-1' });
    for (const id of ['id-000', 'id-050', 'id-119', 'id-200', 'id-201']) {
      const inbox = { box: 'inbox' } as const;
      expect(await draftPosition(inbox, id, database)).toBe(await listedAt(inbox, id));
    }
    expect(await draftPosition({ box: 'inbox' }, 'id-119', database)).toBe(119);
    expect(await draftPosition({ box: 'inbox' }, 'id-202', database)).toBeUndefined();
    expect(await draftPosition({ box: 'all' }, 'id-202', database)).toBe(
      await listedAt({ box: 'all' }, 'id-202'),
    );
  });

  it('lists none that a search or the trash does not show', async () => {
    await add(1, 10, { title: 'Le café de Matignon' });
    await add(2, 20, { title: 'OVH recrute' });
    await add(3, 30, { title: 'Matignon encore' });
    expect(await draftPosition({ box: 'inbox', text: 'matignon' }, 'id-001', database)).toBe(1);
    expect(await draftPosition({ box: 'inbox', text: 'matignon' }, 'id-002', database)).toBe(
      undefined,
    );
    expect(await draftPosition({ box: 'trash' }, 'id-001', database)).toBeUndefined();
    await trashDraft('id-001', database);
    expect(await draftPosition({ box: 'trash' }, 'id-001', database)).toBe(0);
    expect(await draftPosition({ box: 'inbox' }, 'id-001', database)).toBeUndefined();
  });
});
