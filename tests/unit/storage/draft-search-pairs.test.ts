/**
 * A quoted phrase's drafts are found by the index of the pairs of words one after the other
 * (`wordPairs`): a phrase of words every draft holds, in another order, reads none of their texts.
 * The index only narrows: what it finds is the phrase's own check's, word for word.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft, IndiscretsDB } from '../../../storage/db';
import { countDrafts, searchPage } from '../../../storage/draft-search';
import { MAX_WORD_LENGTH, searchedTexts, tokenize } from '../../../storage/derive';
import { addDraft, freshDatabase, watchDraftRequests } from './helpers';

let database: IndiscretsDB;
/** How many drafts were read from the drafts' store (records, not keys). */
let read: number;
/** Requests counting index entries, and keys read without their records. */
let counts: number;
let keys: number;

beforeEach(() => {
  database = freshDatabase();
  read = 0;
  counts = 0;
  keys = 0;
  watchDraftRequests(database, {
    query: (values, answered) => (values ? (read += answered) : (keys += answered)),
    count: () => (counts += 1),
    getMany: (found) => (read += found),
  });
});
afterEach(async () => {
  await database.delete();
});

const titles = (drafts: { title: string }[]) => drafts.map((d) => d.title).sort();

/**
 * `count` drafts written as stored (their words and pairs from the table's hooks), one second
 * apart, the last the newest: `fields` gives each its title and texts.
 */
function many(count: number, fields: (i: number) => Partial<Draft>) {
  return database.clips.bulkAdd(
    Array.from({ length: count }, (_, i) => ({
      id: `d-${String(i).padStart(4, '0')}`,
      url: `https://news.test/${i}`,
      title: '',
      quotes: [],
      provenance: {},
      createdAt: new Date(Date.UTC(2021, 2, 1, 0, 0, i)).toISOString(),
      updatedAt: '2021-03-01T00:00:00.000Z',
      body: '',
      sources: [],
      note: '',
      tags: [],
      status: 'draft' as const,
      issueId: '',
      sortKey: '',
      ...fields(i),
    })) as unknown as Draft[],
  );
}

describe('draft search, a quoted phrase found by its pairs of words', () => {
  it('reads no draft holding its words in another order, page and count', async () => {
    await many(400, (i) => ({
      title: `Réforme ${i}`,
      quotes: [{ text: '« Matignon », selon nos informations.', html: '', clippedAt: '' }],
      body: '<p>Texte</p>',
    }));
    const said = await addDraft(database, {
      title: 'Nos informations selon la préfecture',
      createdAt: '2020-01-01T00:00:00.000Z',
    });
    read = 0;

    for (const text of [
      '"nos informations s',
      '"nos informations selon',
      '"nos informations selon"',
    ]) {
      expect(titles(await searchPage({ text, limit: 5 }, database)), text).toEqual([said.title]);
      expect(await countDrafts({ text }, database), text).toBe(1);
    }
    // The one draft holding it, once per search: not the 400 holding its words.
    expect(read).toBe(6);
    expect(await searchPage({ text: '"informations nos', limit: 5 }, database)).toEqual([]);
    expect(await countDrafts({ text: '"informations nos' }, database)).toBe(0);
    expect(read).toBe(6);
  });

  it('asks each word and pair of a page only whether it is under the crossover, counting none', async () => {
    await many(1_000, (i) => ({
      title: `Selon nos informations ${i}`,
    }));
    [read, keys] = [0, 0];
    // Three words and two pairs, each in every draft: a page of 5 walks the newest.
    const page = await searchPage({ text: '"selon nos informations', limit: 5 }, database);
    expect(page.map((d) => d.id)).toEqual(['d-0999', 'd-0998', 'd-0997', 'd-0996', 'd-0995']);
    expect(counts).toBe(0);
    // √(5 × 10,000) is 223: 224 keys of each, at most, where counting went through 5,000.
    expect(keys).toBeLessThanOrEqual(5 * 224);
    expect(read).toBeLessThanOrEqual(64);
    // A rare one still found from its few drafts.
    expect(
      (await searchPage({ text: '"nos informations 42"' }, database)).map((d) => d.id),
    ).toEqual(['d-0042']);
  });

  it('counts a phrase of two words from the index alone, reading no draft', async () => {
    // Over what a count reads as candidates: its keys are intersected.
    await many(1_100, (i) => ({
      title: i % 2 ? `Article 3${i % 10} de la loi, alinéa 3` : `Article 3 de la loi`,
      body: '<p>Nos informations</p>',
    }));
    read = 0;
    expect(await countDrafts({ text: '"nos informations' }, database)).toBe(1_100);
    expect(await countDrafts({ text: '"nos informations"' }, database)).toBe(1_100);
    expect(read).toBe(0);
    // A number still being typed: « article 3 » is not « article 31 » (beside a « 3 » elsewhere),
    // which only the text tells.
    expect(await countDrafts({ text: '"article 3' }, database)).toBe(550);
    expect(read).toBe(1_100);
  });

  it('finds what the phrase itself finds, for every phrase of every text', async () => {
    // Words that repeat, cut, fold and follow each other in many orders, and numbers.
    const vocabulary = [
      'de',
      'la',
      'l’État',
      'Etat',
      'Élysée',
      'cœur',
      'coeur',
      'à',
      'a',
      'l',
      '3',
      '30',
      '3ᵉ',
      'n°7',
      'gou\u00adver\u00adne\u00adment',
      'anticonstitutionnellementdeclaree',
      'anticonstitutionnellementdeclarees',
      'Saint-Honoré',
    ];
    const separators = [' ', ', ', ' « ', ' » ', '\u00a0: ', '. ', '-', ' ’'];
    // 32-bit steps (Math.imul), its high bits taken: in doubles, seed × 1,103,515,245 loses its
    // low bits, and `seed % n` was nearly always even (one separator, half the words).
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return Math.floor((seed / 2 ** 32) * n);
    };
    const used = new Set<string>();
    const take = (list: string[]) => {
      const each = list[random(list.length)]!;
      used.add(each);
      return each;
    };
    const sentence = (length: number) =>
      Array.from({ length }, (_, i) => (i ? take(separators) : '') + take(vocabulary)).join('');
    const drafts: Draft[] = [];
    for (let i = 0; i < 60; i++) {
      drafts.push(
        await addDraft(database, {
          title: sentence(2 + random(4)),
          body: `<p>${sentence(3 + random(6))}</p><p>${sentence(2 + random(3))}</p>`,
          note: i % 3 === 0 ? sentence(3) : '',
          createdAt: new Date(Date.UTC(2021, 2, 1, 0, 0, i)).toISOString(),
        }),
      );
    }
    // The phrase's own meaning, told from the words apart: each word in a row, whole, the last
    // of an open quote by its beginning (a number's, not by more digits), a cut word's whole.
    const holds = (draft: Draft, words: string[], open: boolean) =>
      searchedTexts(draft).some((text) => {
        const tokens = tokenize(text ?? '');
        return tokens.some((_, start) =>
          words.every((word, i) => {
            const token = tokens[start + i];
            if (token === undefined) return false;
            if (token === word) return true;
            if (i < words.length - 1 || !open || word.length >= MAX_WORD_LENGTH) return false;
            if (!token.startsWith(word)) return false;
            return !/^[0-9]+$/.test(word) || !/[0-9]/.test(token[word.length]!);
          }),
        );
      });
    // Every word and separator in some draft.
    expect([...used].sort()).toEqual([...new Set([...vocabulary, ...separators])].sort());
    let tried = 0;
    for (let i = 0; i < 150; i++) {
      const open = i % 2 === 0;
      let words = tokenize(sentence(2 + random(3)));
      // Half of them taken from a draft, so that there are matches to find.
      if (i % 4 < 2) {
        const tokens = tokenize(drafts[random(drafts.length)]!.body.replace(/<[^>]+>/g, ' '));
        const start = random(Math.max(1, tokens.length - 2));
        words = tokens.slice(start, start + 2 + random(2));
        if (open && words.length > 1) words[words.length - 1] = words.at(-1)!.slice(0, 2);
      }
      if (words.length < 2) continue;
      tried += 1;
      const text = `"${words.join(' ')}${open ? '' : '"'}`;
      const expected = drafts.filter((draft) => holds(draft, words, open)).map((d) => d.title);
      expect(titles(await searchPage({ text, limit: 100 }, database)), text).toEqual(
        expected.sort(),
      );
      expect(await countDrafts({ text }, database), text).toBe(expected.length);
    }
    expect(tried).toBeGreaterThan(100);
  });
});
