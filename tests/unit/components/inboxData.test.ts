import { describe, expect, it } from 'vitest';
import { ROW_PREVIEW_CHARS, toRow } from '../../../components/inboxData';
import type { Draft } from '../../../storage/db';
import { DRAFT_TEXT_LIMITS, TAG_LIMITS } from '../../../storage/record-values';

function draft(overrides: Partial<Draft>): Draft {
  return {
    id: 'd1',
    url: 'https://example.com/a',
    title: 'Un titre',
    quotes: [],
    provenance: {},
    createdAt: '2024-03-15T07:30:00.000Z',
    updatedAt: '2024-03-15T07:30:00.000Z',
    body: '',
    sources: [],
    note: '',
    tags: [],
    status: 'draft',
    issueId: '',
    sortKey: '',
    words: [],
    wordPairs: [],
    sourceUrls: [],
    ...overrides,
  };
}

describe('toRow', () => {
  it('keeps a short body and quote whole, with the word count of the body', () => {
    const row = toRow(
      draft({
        body: '<p>Trois mots <em>ici</em>.</p>',
        quotes: [{ text: 'Une citation.', html: '', clippedAt: '2024-03-15T07:30:00.000Z' }],
      }),
    );
    expect(row.text).toBe('Trois mots ici.');
    expect(row.wordCount).toBe(3);
    expect(row.quote).toBe('Une citation.');
    expect(row.quoteCount).toBe(1);
    expect(row).not.toHaveProperty('body');
    expect(row).not.toHaveProperty('quotes');
  });

  it('caps the text and the quote a row stores, counting the words of the whole body', () => {
    // A 100 KB body and quote: the first page of rows is kept in localStorage and parsed
    // before the popup paints, so a row must stay small whatever the draft holds.
    const long = 'mot '.repeat(25_000).trim();
    const row = toRow(
      draft({
        body: `<p>${long}</p>`,
        quotes: [{ text: long, html: '', clippedAt: '2024-03-15T07:30:00.000Z' }],
      }),
    );
    expect(row.text.length).toBeLessThanOrEqual(ROW_PREVIEW_CHARS);
    expect(row.text.endsWith('mot…')).toBe(true);
    expect(row.quote!.length).toBeLessThanOrEqual(ROW_PREVIEW_CHARS);
    expect(row.wordCount).toBe(25_000);
    expect(JSON.stringify(row).length).toBeLessThan(3 * ROW_PREVIEW_CHARS);
  });

  it('cuts a title, site name or byline stored longer than a draft now takes', () => {
    // A title typed or restored before it had a limit: 2,000,000 characters froze the popup.
    const row = toRow(
      draft({
        title: 'T'.repeat(2_000_000),
        siteName: 'Le Monde '.repeat(500),
        byline: 'Jeanne Reporter, '.repeat(100),
      }),
    );
    expect(row.title).toBe(`${'T'.repeat(DRAFT_TEXT_LIMITS.title - 1)}…`);
    expect(row.siteName!.length).toBeLessThanOrEqual(DRAFT_TEXT_LIMITS.siteName);
    expect(row.siteName!.endsWith('Monde…')).toBe(true);
    expect(row.byline!.length).toBeLessThanOrEqual(DRAFT_TEXT_LIMITS.byline);
    expect(toRow(draft({ title: 'Un titre' }))).not.toHaveProperty('siteName');
    expect(toRow(draft({ title: 'Un titre', byline: 'Jeanne' }))).toMatchObject({
      title: 'Un titre',
      byline: 'Jeanne',
    });
  });

  it('cuts a long text as the desk cuts one: at a word, no comma before « … », no aside left open', () => {
    const words = 'mot '.repeat(120); // 480 characters
    const comma = toRow(draft({ body: `<p>${words}${'x'.repeat(110)}, ${'y'.repeat(40)}</p>` }));
    expect(comma.text.length).toBeLessThanOrEqual(ROW_PREVIEW_CHARS);
    expect(comma.text.endsWith(`${'x'.repeat(110)}…`)).toBe(true);
    const aside = toRow(
      draft({ body: `<p>${words}(selon ${'une source '.repeat(20)}proche)</p>` }),
    );
    expect(aside.text).toBe(`${words.trimEnd()}…`);
    const quote = `${words}« Nous ${'partirons '.repeat(20)}» a dit le ministre.`;
    const row = toRow(
      draft({ quotes: [{ text: quote, html: '', clippedAt: '2024-03-15T07:30:00.000Z' }] }),
    );
    expect(row.quote).toBe(`${words.trimEnd()}…`);
  });

  it('keeps the tags a row draws, each cut, and the count of the others', () => {
    // A backup's or the shared desk's: 100,000 tags, one of 1 MB. The row lays each tag out and
    // the first page of rows is kept in localStorage.
    const huge = 'affaire du yacht '.repeat(62_000);
    const tags = [huge, ...Array.from({ length: 99_999 }, (_, i) => `tag${i}`)];
    const row = toRow(draft({ tags }));
    expect(row.tags).toHaveLength(TAG_LIMITS.count);
    expect(row.tags[0]!.length).toBeLessThanOrEqual(TAG_LIMITS.length);
    expect(row.tags[0]!.endsWith('…')).toBe(true);
    expect(row.tags[1]).toBe('tag0');
    expect(row.moreTags).toBe(100_000 - TAG_LIMITS.count);
    expect(JSON.stringify(row).length).toBeLessThan(3 * ROW_PREVIEW_CHARS);
    // A few tags: as they are, nothing more to count.
    const few = toRow(draft({ tags: ['élysée', 'remaniement'] }));
    expect(few.tags).toEqual(['élysée', 'remaniement']);
    expect(few).not.toHaveProperty('moreTags');
  });

  it('leaves out the quote of a draft that has none', () => {
    expect(toRow(draft({})).quote).toBeUndefined();
  });
});

describe('inboxRows', () => {
  it('gives the search its signal: a keystroke left stops its search', async () => {
    const { inboxRows } = await import('../../../components/inboxData');
    const left = new AbortController();
    left.abort();
    await expect(inboxRows({ text: '"nos informations' }, left.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
