import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndiscretsDB } from '../../../storage/db';
import { deriveFields } from '../../../storage/derive';
import { searchDrafts } from '../../../storage/draft-search';
import { addDraft, freshDatabase, STORES_V3 } from './helpers';

describe('IndiscretsDB migration v1 → v2', () => {
  const name = `test-${crypto.randomUUID()}`;

  afterEach(async () => {
    await Dexie.delete(name);
  });

  it('fills the new fields of existing drafts', async () => {
    // The database as version 1 of the extension left it.
    const v1 = new Dexie(name);
    v1.version(1).stores({ clips: 'id, url, createdAt, updatedAt' });
    await v1.table('clips').bulkAdd([
      {
        id: 'quoted',
        url: 'https://www.bloomberg.com/news/ovh-ipo',
        title: 'OVH Weighs IPO',
        siteName: 'Bloomberg',
        quotes: [
          { text: 'Older', html: '', clippedAt: '2021-03-15T08:00:00.000Z' },
          { text: "L'été d'OVH", html: '', clippedAt: '2021-03-15T08:01:00.000Z' },
        ],
        provenance: { title: 'og:title' },
        createdAt: '2021-03-15T08:00:00.000Z',
        updatedAt: '2021-03-15T08:01:00.000Z',
      },
      {
        id: 'bare',
        url: 'chrome://version/',
        title: 'Version',
        quotes: [],
        provenance: { title: 'tab' },
        captureNote: 'browser-page',
        createdAt: '2021-03-15T09:00:00.000Z',
        updatedAt: '2021-03-15T09:00:00.000Z',
      },
    ]);
    v1.close();

    const database = new IndiscretsDB(name);
    const quoted = await database.clips.get('quoted');
    const bare = await database.clips.get('bare');
    database.close();

    expect(quoted).toMatchObject({
      body:
        '<p>«\u00a0L&#39;été d&#39;OVH\u00a0» ' +
        '(<a href="https://www.bloomberg.com/news/ovh-ipo">Bloomberg</a>)</p>',
      sources: [
        {
          url: 'https://www.bloomberg.com/news/ovh-ipo',
          title: 'OVH Weighs IPO',
          siteName: 'Bloomberg',
        },
      ],
      note: '',
      tags: [],
      status: 'draft',
      issueId: '',
      sortKey: '',
      sourceUrls: ['https://bloomberg.com/news/ovh-ipo'],
      // Untouched: the upgrade is not an edit.
      updatedAt: '2021-03-15T08:01:00.000Z',
    });
    expect(quoted!.words).toEqual(expect.arrayContaining(['ovh', 'ete', 'older', 'bloomberg']));
    expect(quoted).not.toHaveProperty('deletedAt');
    // No quote, and a URL that cannot be linked: plain text, no link.
    expect(bare).toMatchObject({
      body: '<p>Version (Version)</p>',
      sources: [{ url: 'chrome://version/', title: 'Version' }],
      captureNote: 'browser-page',
    });
  });

  it('marks the quote of a page in another language than French with the page’s, as a new draft’s template does', async () => {
    const v1 = new Dexie(name);
    v1.version(1).stores({ clips: 'id, url, createdAt, updatedAt' });
    const draft = (id: string, lang: string | undefined, text: string) => ({
      id,
      url: `https://a.test/${id}`,
      title: id,
      siteName: 'Axios',
      ...(lang === undefined ? {} : { lang }),
      quotes: [{ text, html: '', clippedAt: '2021-03-15T08:00:00.000Z' }],
      provenance: {},
      createdAt: '2021-03-15T08:00:00.000Z',
      updatedAt: '2021-03-15T08:00:00.000Z',
    });
    await v1
      .table('clips')
      .bulkAdd([
        draft('english', 'EN-us', 'Why it matters: the deal'),
        draft('french', 'fr-FR', 'Pourquoi c’est important'),
        draft('unknown', undefined, 'Sans langue'),
        draft('invalid', 'english please', 'Not a tag'),
      ]);
    v1.close();

    const database = new IndiscretsDB(name);
    const bodies = Object.fromEntries(
      (await database.clips.toArray()).map((record) => [record.id, record.body]),
    );
    database.close();

    const credit = (id: string) => ` (<a href="https://a.test/${id}">Axios</a>)</p>`;
    expect(bodies).toEqual({
      // The tag written as tags are, the colon of the English left as written by the exports.
      english: `<p>«\u00a0<span lang="en-US">Why it matters: the deal</span>\u00a0»${credit('english')}`,
      // French, unknown or not a language: the quote reads as the French around it.
      french: `<p>«\u00a0Pourquoi c’est important\u00a0»${credit('french')}`,
      unknown: `<p>«\u00a0Sans langue\u00a0»${credit('unknown')}`,
      invalid: `<p>«\u00a0Not a tag\u00a0»${credit('invalid')}`,
    });
  });

  it('indexes the upgraded drafts: inbox, search words and source URLs', async () => {
    const v1 = new Dexie(name);
    v1.version(1).stores({ clips: 'id, url, createdAt, updatedAt' });
    await v1.table('clips').add({
      id: 'one',
      url: 'https://a.test/1',
      title: 'Été chaud',
      quotes: [],
      provenance: {},
      createdAt: '2021-03-15T08:00:00.000Z',
      updatedAt: '2021-03-15T08:00:00.000Z',
    });
    v1.close();

    const database = new IndiscretsDB(name);
    const inbox = await database.clips.where('issueId').equals('').primaryKeys();
    const byWord = await database.clips.where('words').startsWith('ete').primaryKeys();
    const byUrl = await database.clips.where('sourceUrls').equals('https://a.test/1').primaryKeys();
    database.close();

    expect({ inbox, byWord, byUrl }).toEqual({ inbox: ['one'], byWord: ['one'], byUrl: ['one'] });
  });
});

/** A draft as an earlier version stored it, with the words it derived then. */
function storedDraft(id: string, body: string, words: string[]) {
  return {
    id,
    url: `https://a.test/${id}`,
    title: 'Classement',
    quotes: [],
    provenance: {},
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-02T00:00:00.000Z',
    body,
    sources: [],
    note: '',
    tags: [],
    status: 'draft',
    issueId: '',
    sortKey: '',
    words,
    sourceUrls: [],
    rev: 3,
  };
}

describe('IndiscretsDB migration v4 → v5 (numbers of one digit searchable)', () => {
  const name = `test-${crypto.randomUUID()}`;
  afterEach(() => Dexie.delete(name));

  it('indexes the digits of existing drafts, and rewrites only the drafts that had some', async () => {
    const v4 = new Dexie(name);
    v4.version(4).stores(STORES_V3);
    const numbered = storedDraft('numbered', '<p>Le n°7 du CAC.</p>', [
      'classement',
      'le',
      'du',
      'cac',
    ]);
    const plain = storedDraft('plain', '<p>Le yacht.</p>', ['classement', 'le', 'yacht']);
    await v4.table('clips').bulkAdd([numbered, plain]);
    await v4.table('outbox').add({ key: 'draft:plain', queuedAt: '2026-03-02T00:00:00.000Z' });
    v4.close();

    const database = new IndiscretsDB(name);
    const found = await searchDrafts({ text: 'n°7' }, database);
    const upgraded = await database.clips.get('numbered');
    const untouched = await database.clips.get('plain');
    const outbox = await database.outbox.toArray();
    database.close();

    expect(found.drafts.map((draft) => draft.id)).toEqual(['numbered']);
    expect(upgraded!.words).toEqual(['classement', 'le', '7', 'du', 'cac']);
    // An index rebuilt is not an edit: the draft keeps its date, and the sync is not told.
    expect(upgraded!.updatedAt).toBe(numbered.updatedAt);
    // Version 5 left it alone: only version 7's pairs of words wrote it (one revision).
    expect(untouched).toEqual({ ...plain, wordPairs: ['le yacht'], rev: plain.rev + 1 });
    expect(outbox).toEqual([{ key: 'draft:plain', queuedAt: '2026-03-02T00:00:00.000Z' }]);
  });
});

describe('IndiscretsDB migration v5 → v6 (authors searched, invisible characters left out)', () => {
  const name = `test-${crypto.randomUUID()}`;
  afterEach(() => Dexie.delete(name));

  it('indexes the author and the words a soft hyphen cut, and rewrites only the drafts that change', async () => {
    const v5 = new Dexie(name);
    v5.version(5).stores(STORES_V3);
    // Words as version 5 derived them: the soft hyphens split « gouvernement », no author.
    const hyphened = {
      ...storedDraft('hyphened', '<p>Le gou\u00adver\u00adne\u00adment recule.</p>', [
        'classement',
        'le',
        'gou',
        'ver',
        'ne',
        'ment',
        'recule',
      ]),
      byline: 'Ariane Chemin',
    };
    const plain = storedDraft('plain', '<p>Le yacht.</p>', ['classement', 'le', 'yacht']);
    await v5.table('clips').bulkAdd([hyphened, plain]);
    v5.close();

    const database = new IndiscretsDB(name);
    const byWord = await searchDrafts({ text: 'gouvernement' }, database);
    const byAuthor = await searchDrafts({ text: 'chemin' }, database);
    const untouched = await database.clips.get('plain');
    database.close();

    expect(byWord.drafts.map((draft) => draft.id)).toEqual(['hyphened']);
    expect(byAuthor.drafts.map((draft) => draft.id)).toEqual(['hyphened']);
    // Version 6 left it alone: only version 7's pairs of words wrote it (one revision).
    expect(untouched).toEqual({ ...plain, wordPairs: ['le yacht'], rev: plain.rev + 1 });
  });
});

describe('IndiscretsDB migration v6 → v7 (quoted phrases found by pairs of words)', () => {
  const name = `test-${crypto.randomUUID()}`;
  afterEach(() => Dexie.delete(name));

  it('gives every draft its pairs of words, an index rebuilt and no edit', async () => {
    const v6 = new Dexie(name);
    v6.version(6).stores(STORES_V3);
    const said = {
      ...storedDraft('said', '<p>Selon nos informations, le yacht.</p>', []),
      byline: 'Ariane Chemin',
    };
    said.words = deriveFields(said).words;
    const other = storedDraft('other', '<p>Nos informations, selon elle.</p>', []);
    other.words = deriveFields(other).words;
    await v6.table('clips').bulkAdd([said, other]);
    await v6.table('outbox').add({ key: 'draft:other', queuedAt: '2026-03-02T00:00:00.000Z' });
    v6.close();

    const database = new IndiscretsDB(name);
    const found = await searchDrafts({ text: '"nos informations, le' }, database);
    const byPair = await database.clips.where('wordPairs').equals('nos informations').primaryKeys();
    const upgraded = await database.clips.get('said');
    const outbox = await database.outbox.toArray();
    database.close();

    expect(found.drafts.map((draft) => draft.id)).toEqual(['said']);
    expect(found.total).toBe(1);
    expect(byPair.sort()).toEqual(['other', 'said']);
    expect(upgraded).toEqual({
      ...said,
      // Each text apart: the title's words are not paired with the body's, nor the author's.
      wordPairs: ['selon nos', 'nos informations', 'informations le', 'le yacht', 'ariane chemin'],
      rev: said.rev + 1,
    });
    // The sync is not told: no draft changed for an editor.
    expect(outbox).toEqual([{ key: 'draft:other', queuedAt: '2026-03-02T00:00:00.000Z' }]);
  });
});

describe('IndiscretsDB derived fields', () => {
  let database: IndiscretsDB;
  beforeEach(() => {
    database = freshDatabase();
  });
  afterEach(async () => {
    await database.delete();
  });

  it('derives words and source URLs when a draft is created', async () => {
    const draft = await addDraft(database, {
      title: 'Le Conseil d’État',
      sources: [{ url: 'https://www.a.test/x/#y', title: 'A' }],
    });

    expect(draft.words).toEqual(expect.arrayContaining(['le', 'conseil', 'etat']));
    expect(draft.sourceUrls).toEqual(['https://a.test/x']);
  });

  it('re-derives them on update(), put() and modify(), whoever writes', async () => {
    const draft = await addDraft(database);

    await database.clips.update(draft.id, { note: 'Rappeler Matignon' });
    expect((await database.clips.get(draft.id))!.words).toContain('matignon');

    await database.clips.put({ ...draft, tags: ['Élysée'], words: [] });
    expect((await database.clips.get(draft.id))!.words).toContain('elysee');
    expect((await database.clips.get(draft.id))!.words).not.toContain('matignon');

    await database.clips
      .where('id')
      .equals(draft.id)
      .modify((draft) => {
        draft.sources = [{ url: 'https://b.test/', title: 'B' }];
      });
    expect((await database.clips.get(draft.id))!.sourceUrls).toEqual(['https://b.test']);
  });

  it('re-derives them from a nested key-path update', async () => {
    const draft = await addDraft(database, {
      quotes: [{ text: 'avant', html: '', clippedAt: '2021-03-15T08:00:00.000Z' }],
    });

    await database.clips.update(draft.id, { 'quotes.0.text': 'après' });

    const words = (await database.clips.get(draft.id))!.words;
    expect(words).toContain('apres');
    expect(words).not.toContain('avant');
  });
});
