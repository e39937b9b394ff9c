/**
 * A body word holding a zero-width no-break space (U+FEFF, a byte-order mark pasted into a word)
 * is one word, as the phrase's check reads the body and as the other texts' words are: the
 * index reads the body's words as they stand, not its text with runs of spaces made one (for
 * which U+FEFF is a space).
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { IndiscretsDB, type Draft } from '../../../storage/db';
import { countDrafts, searchPage } from '../../../storage/draft-search';
import { addDraft, freshDatabase, STORES_V3 } from './helpers';

const BODY = '<p>Le gou\ufeffvernement recule, selon nos informations.</p>';

describe('draft search, a body word holding U+FEFF', () => {
  let database: IndiscretsDB;
  afterEach(async () => {
    await database.delete();
  });

  it('indexes the word whole, so that its word and its phrases find the draft', async () => {
    database = freshDatabase();
    const draft = await addDraft(database, { title: 'Budget', body: BODY });

    expect(draft.words).toContain('gouvernement');
    expect(draft.wordPairs).toContain('le gouvernement');
    for (const text of ['gouvernement', '"le gouvernement"', '"le gouvernement recule"']) {
      expect(
        (await searchPage({ text }, database)).map((d) => d.id),
        text,
      ).toEqual([draft.id]);
      expect(await countDrafts({ text }, database), text).toBe(1);
    }
  });
});

describe('IndiscretsDB migration v6 → v7, a body word holding U+FEFF', () => {
  const name = `test-${crypto.randomUUID()}`;
  let database: IndiscretsDB;
  afterEach(async () => {
    database.close();
    await Dexie.delete(name);
  });

  it('gives a draft indexed before its body word whole', async () => {
    const v6 = new Dexie(name);
    v6.version(6).stores(STORES_V3);
    await v6.table('clips').add({
      id: 'feff',
      url: 'https://a.test/feff',
      title: 'Budget',
      quotes: [],
      provenance: {},
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-02T00:00:00.000Z',
      body: BODY,
      sources: [],
      note: '',
      tags: [],
      status: 'draft',
      issueId: '',
      sortKey: '',
      // As version 6 derived them: the body's U+FEFF cut the word in two.
      words: ['budget', 'le', 'gou', 'vernement', 'recule', 'selon', 'nos', 'informations'],
      sourceUrls: [],
    } satisfies Omit<Draft, 'wordPairs'>);
    v6.close();

    database = new IndiscretsDB(name);
    const upgraded = await database.clips.get('feff');
    expect(upgraded!.words).toContain('gouvernement');
    expect(upgraded!.updatedAt).toBe('2026-03-02T00:00:00.000Z');
    expect((await searchPage({ text: '"le gouvernement"' }, database)).map((d) => d.id)).toEqual([
      'feff',
    ]);
  });
});
