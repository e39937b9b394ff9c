/**
 * The tag filter finds every spelling of a tag (« Tech », « tech ») from the index: counted by
 * it, each spelling's drafts read in one request, as a tag of one spelling was, never every
 * tagged draft on each keystroke; and a tag whose capital sorts above its small letter
 * (« İstanbul », « µ ») does not make the search fail.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DBCore, DBCoreTable } from 'dexie';
import type { IndiscretsDB } from '../../../storage/db';
import { countDrafts, searchDrafts, searchPage } from '../../../storage/draft-search';
import { freshDatabase } from '../storage/helpers';

let database: IndiscretsDB;
/** Every record value a cursor handed over on the clips table. */
let valuesRead = 0;

beforeEach(() => {
  database = freshDatabase();
  valuesRead = 0;
  database.use({
    stack: 'dbcore',
    name: 'spy',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string): DBCoreTable {
        const table = down.table(name);
        if (name !== 'clips') return table;
        return {
          ...table,
          async openCursor(req) {
            const cursor = await table.openCursor(req);
            if (!cursor || !req.values) return cursor;
            // Count each step of a cursor that reads values.
            const start = cursor.start.bind(cursor);
            cursor.start = (onNext: () => void) =>
              start(() => {
                valuesRead += 1;
                onNext();
              });
            return cursor;
          },
        };
      },
    }),
  });
});
afterEach(async () => {
  await database.delete();
});

const draft = (i: number, tags: string[]) => ({
  id: `id-${String(i).padStart(5, '0')}`,
  url: `https://a.test/${i}`,
  title: `Article ${i}`,
  quotes: [],
  provenance: {},
  createdAt: new Date(Date.UTC(2021, 0, 1, 0, 0, i)).toISOString(),
  updatedAt: '2021-01-01T00:00:00.000Z',
  body: `<p>${'texte '.repeat(200)}</p>`,
  sources: [],
  note: '',
  tags,
  status: 'draft' as const,
  issueId: '',
  sortKey: '',
});

describe('the tag filter, whatever the case of its spellings', () => {
  it('counts a tag range from the index, not by reading every tagged draft (was a native count)', async () => {
    // 2,000 drafts of one tag: a newsroom's « Politique ».
    await database.clips.bulkAdd(
      Array.from({ length: 2000 }, (_, i) => draft(i, ['Politique'])) as never,
    );
    valuesRead = 0;
    // One keystroke of a search with the tag filter set: the planner counts the tag's range.
    await searchPage({ tag: 'Politique', text: 'article', limit: 5 }, database);
    // Before the change, `where('tags').equals(tag).count()` was one native count.
    expect(valuesRead).toBeLessThan(500);
  });

  it('countDrafts of a tag alone does not read every draft of it', async () => {
    await database.clips.bulkAdd(
      Array.from({ length: 2000 }, (_, i) => draft(i, ['Politique'])) as never,
    );
    valuesRead = 0;
    expect(await countDrafts({ tag: 'politique', box: 'inbox' }, database)).toBe(2000);
    expect(valuesRead).toBeLessThan(500);
  });

  it('does not reject a search by a tag whose capital sorts above its small letter (İ, ÿ, µ)', async () => {
    // Dexie's equalsIgnoreCase ranges from toUpperCase() to toLowerCase(): 'İ' (U+0130) is above
    // its lower case 'i̇', so IDBKeyRange.bound throws DataError and the whole search rejects.
    await database.clips.bulkAdd([draft(1, ['İstanbul']), draft(2, ['µ-entreprises'])] as never);
    await expect(searchDrafts({ tag: 'İstanbul' }, database)).resolves.toMatchObject({ total: 1 });
    await expect(searchDrafts({ tag: 'µ-entreprises' }, database)).resolves.toMatchObject({
      total: 1,
    });
  });
});
