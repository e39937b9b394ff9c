/**
 * A quoted search is a phrase: « "café de Matignon" » finds the words one after the other in
 * one field, accents and case ignored as every search word is; straight quotes, French « » and
 * English “ ” alike. A quote still open as the editor types takes its last word by its beginning.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndiscretsDB } from '../../../storage/db';
import {
  countDrafts,
  draftPosition,
  searchPage,
  splitPhrases,
} from '../../../storage/draft-search';
import { addDraft, freshDatabase } from './helpers';

let database: IndiscretsDB;
beforeEach(() => {
  database = freshDatabase();
});
afterEach(async () => {
  await database.delete();
});

async function seed() {
  const phrase = await addDraft(database, {
    title: 'Réunion au Café de Matignon',
    createdAt: '2021-03-01T00:00:01.000Z',
  });
  const scattered = await addDraft(database, {
    title: 'Matignon répond',
    body: '<p>Un café de trop, dit-on de ce côté.</p>',
    createdAt: '2021-03-01T00:00:02.000Z',
  });
  const inQuote = await addDraft(database, {
    title: 'Sans rapport',
    quotes: [{ text: 'On se verra au CAFE DE MATIGNON, comme d’habitude.' } as never],
    createdAt: '2021-03-01T00:00:03.000Z',
  });
  const longer = await addDraft(database, {
    title: 'Le café de Matignonville',
    createdAt: '2021-03-01T00:00:04.000Z',
  });
  return { phrase, scattered, inQuote, longer };
}

const titles = (drafts: { title: string }[]) => drafts.map((d) => d.title).sort();

describe('draft search, a quoted phrase', () => {
  it('finds the words in their order, one field, accents and case folded', async () => {
    const { phrase, inQuote, scattered } = await seed();
    const found = await searchPage({ text: '"café de Matignon"' }, database);
    expect(titles(found)).toEqual(titles([phrase, inQuote]));
    expect(found.map((d) => d.id)).not.toContain(scattered.id);
    expect(await countDrafts({ text: '"café de Matignon"' }, database)).toBe(2);
  });

  it('takes French « » and English “ ” as straight quotes', async () => {
    const { phrase, inQuote } = await seed();
    for (const text of [
      '« café de Matignon »',
      '«\u00a0cafe de matignon\u00a0»',
      '“Café de Matignon”',
    ]) {
      expect(titles(await searchPage({ text }, database))).toEqual(titles([phrase, inQuote]));
    }
  });

  it('without quotes, the words anywhere as before', async () => {
    const { phrase, inQuote, scattered, longer } = await seed();
    expect(titles(await searchPage({ text: 'café de Matignon' }, database))).toEqual(
      titles([phrase, inQuote, scattered, longer]),
    );
  });

  it('a closed phrase ends on a whole word; one still open as typed, on its beginning', async () => {
    const { phrase, inQuote, longer } = await seed();
    expect(titles(await searchPage({ text: '"café de Matignon"' }, database))).not.toContain(
      longer.title,
    );
    expect(titles(await searchPage({ text: '"café de Matig' }, database))).toEqual(
      titles([phrase, inQuote, longer]),
    );
  });

  it('takes one word in quotes whole, and as its beginning while the quote is open', async () => {
    const { phrase, inQuote, scattered, longer } = await seed();
    const all = titles([phrase, inQuote, scattered, longer]);
    expect(titles(await searchPage({ text: '"Matignon"' }, database))).toEqual(
      titles([phrase, inQuote, scattered]),
    );
    expect(await countDrafts({ text: '« matignon »' }, database)).toBe(3);
    expect(titles(await searchPage({ text: '"Matig' }, database))).toEqual(all);
    // A single letter, not among a draft's search words: found in its text.
    expect(titles(await searchPage({ text: '"d"' }, database))).toEqual([inQuote.title]);
  });

  it('mixes a phrase with loose words, all required', async () => {
    const { phrase } = await seed();
    expect(titles(await searchPage({ text: 'réunion "café de matignon"' }, database))).toEqual([
      phrase.title,
    ]);
  });

  it('counts by reading the candidates when the words are too common to read', async () => {
    for (let i = 0; i < 1_100; i++) {
      await addDraft(database, {
        title: i === 5 ? 'le café de la gare' : `le café ${i} de la gare`,
        createdAt: new Date(Date.UTC(2021, 0, 1, 0, 0, i)).toISOString(),
      });
    }
    expect(await countDrafts({ text: '"café de la gare"' }, database)).toBe(1);
    expect(await countDrafts({ text: 'café gare' }, database)).toBe(1_100);
  }, 30_000);

  it('places a draft by the phrase too', async () => {
    const { phrase, scattered } = await seed();
    expect(await draftPosition({ text: '"café de Matignon"' }, scattered.id, database)).toBe(
      undefined,
    );
    expect(await draftPosition({ text: '"café de Matignon"' }, phrase.id, database)).toBe(1);
  });
});

describe('draft search, a quoted phrase as typed in French', () => {
  // Review of 394a288: the phrase is now looked for in each text folded whole, by one pattern,
  // where each text was split into an array of its words (seconds at 10,000 drafts).
  it('folds apostrophes, ligatures, hyphens and French quotes with their spaces as words are', async () => {
    const elysee = await addDraft(database, {
      title: 'Sans rapport',
      body: '<p>Le conseiller de l’<em>Élysée</em> a le cœur à droite, rue Saint-Honoré.</p>',
      createdAt: '2021-03-01T00:00:01.000Z',
    });
    await addDraft(database, {
      title: 'L’Élysée, le conseiller et le Cœur',
      createdAt: '2021-03-01T00:00:02.000Z',
    });
    for (const text of [
      '"conseiller de l\'Elysee"',
      '«\u00a0de l’Élysée a le coeur\u00a0»',
      '«\u202fle cœur à droite\u202f»',
      '"rue saint honore"',
      '"a le cœur à',
    ]) {
      expect(titles(await searchPage({ text }, database)), text).toEqual([elysee.title]);
    }
    expect(await countDrafts({ text: '"cœur, à droite, rue Saint-Honoré."' }, database)).toBe(1);
  });

  it('ends an open phrase on a number whole, and takes a word cut in the index by its beginning', async () => {
    const long = 'anticonstitutionnellementdeclaree';
    const third = await addDraft(database, {
      title: `L’article 3e est ${long} hier`,
      createdAt: '2021-03-01T00:00:01.000Z',
    });
    await addDraft(database, {
      title: 'L’article 30 est la suite',
      createdAt: '2021-03-01T00:00:02.000Z',
    });
    expect(titles(await searchPage({ text: '"article 3' }, database))).toEqual([third.title]);
    expect(titles(await searchPage({ text: '"article 3"' }, database))).toEqual([]);
    expect(titles(await searchPage({ text: `"est ${long} hier"` }, database))).toEqual([
      third.title,
    ]);
    expect(titles(await searchPage({ text: `"est ${long.slice(0, 32)} hier"` }, database))).toEqual(
      [third.title],
    );
    expect(titles(await searchPage({ text: `"est ${long.slice(0, 31)} hier"` }, database))).toEqual(
      [],
    );
  });
});

describe('splitPhrases', () => {
  it('splits the quoted parts, each as its folded words', () => {
    expect(splitPhrases('ministre « Café de  Matignon » "l’été" “Noël')).toEqual([
      { words: ['cafe', 'de', 'matignon'], open: false },
      { words: ['l', 'ete'], open: false },
      { words: ['noel'], open: true },
    ]);
    expect(splitPhrases('sans guillemets')).toEqual([]);
    expect(splitPhrases('"" «»')).toEqual([]);
  });

  it('closes a straight quote with ” too, as a keyboard that curls the closing one types it', () => {
    expect(splitPhrases('"café de Matignon” ministre')).toEqual([
      { words: ['cafe', 'de', 'matignon'], open: false },
    ]);
    expect(splitPhrases('"café” "Matignon')).toEqual([
      { words: ['cafe'], open: false },
      { words: ['matignon'], open: true },
    ]);
  });
});
