/**
 * A quoted phrase of single letters (« "y a" », « "il y a" » being typed, « "a" ») is found by
 * its pairs or its text: a draft's search words hold no single letter (indexWords), so the
 * letters are not also asked of them as the beginnings of words, which left out every draft
 * without a word beginning with each (« "y a" » found only the drafts holding a word in y-).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndiscretsDB } from '../../../storage/db';
import { countDrafts, draftMatches, searchPage } from '../../../storage/draft-search';
import { addDraft, freshDatabase } from './helpers';

let database: IndiscretsDB;
beforeEach(() => {
  database = freshDatabase();
});
afterEach(async () => {
  await database.delete();
});

const titles = (drafts: { title: string }[]) => drafts.map((d) => d.title).sort();

describe('draft search, a quoted phrase of single letters', () => {
  it('finds the drafts holding it, whatever their words begin with', async () => {
    const jours = await addDraft(database, { title: 'Il y a des jours', body: '' });
    const pilote = await addDraft(database, { title: 'Y a-t-il un pilote', body: '' });
    const yacht = await addDraft(database, { title: 'Yacht à vendre', body: '' });
    await addDraft(database, { title: 'Rien', body: '' });

    const cases: [string, string[]][] = [
      ['"y a', [jours.title, pilote.title]],
      ['"y a"', [jours.title, pilote.title]],
      ['« y a »', [jours.title, pilote.title]],
      ['"a"', [jours.title, pilote.title, yacht.title]],
    ];
    for (const [text, found] of cases) {
      expect(titles(await searchPage({ text }, database)), text).toEqual(found.sort());
      expect(await countDrafts({ text }, database), text).toBe(found.length);
      expect(await countDrafts({ text, box: 'inbox' }, database), text).toBe(found.length);
      expect(await draftMatches({ text }, jours.id, database), text).toBe(true);
    }
    // A single letter typed alone, out of quotes or in one still open, is still the beginning
    // of a word (its search as typed).
    for (const text of ['y', '"y']) {
      expect(titles(await searchPage({ text }, database)), text).toEqual([yacht.title]);
      expect(await countDrafts({ text }, database), text).toBe(1);
    }
  });
});
