import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndiscretsDB } from '../../../storage/db';
import { deriveFields } from '../../../storage/derive';
import { searchDrafts } from '../../../storage/draft-search';
import { saveDraftEdit, updateDraft } from '../../../storage/drafts';
import { itemLabel, labelFromText } from '../../../storage/label';
import { addDraft, freshDatabase, STORES_V3 } from './helpers';

describe('labelFromText', () => {
  it('takes the first six words of the text, with « … » when it goes on', () => {
    expect(
      labelFromText(
        '<p>OVH prépare son entrée en Bourse pour la rentrée.</p><p>Deuxième paragraphe.</p>',
      ),
    ).toBe('OVH prépare son entrée en Bourse…');
  });

  it('keeps a short text whole, without « … »', () => {
    expect(labelFromText('<p>Le yacht du ministre.</p>')).toBe('Le yacht du ministre.');
  });

  it('cuts at a word within 48 characters, and drops the punctuation it was cut on', () => {
    const label = labelFromText(
      '<p>Anticonstitutionnellement, extraordinairement, incompréhensiblement dit.</p>',
    );
    expect(label).toBe('Anticonstitutionnellement, extraordinairement…');
    expect(labelFromText('<p>Un, deux, trois, quatre, cinq, six, sept.</p>')).toBe(
      'Un, deux, trois, quatre, cinq, six…',
    );
  });

  it('lets the ellipsis take the place of a full stop the words end on: no « .… »', () => {
    expect(
      labelFromText('<p>Le ministre a cité “une citation”. Puis il est parti en vacances.</p>'),
    ).toBe('Le ministre a cité “une citation”…');
    expect(labelFromText('<p>Le texte finit. Ici.</p>')).toBe('Le texte finit. Ici.');
  });

  it('reads the text, not the markup: links, entities, no-break spaces', () => {
    expect(
      labelFromText('<p>«&nbsp;<a href="https://a.test">Je ne savais pas</a>&nbsp;», dit-il</p>'),
    ).toBe('« Je ne savais pas », dit-il');
  });

  it('does not stop inside an aside or quotation its words leave open', () => {
    expect(labelFromText('<p>The Hidden Heroines of Chaos (Quanta Magazine) tells</p>')).toBe(
      'The Hidden Heroines of Chaos…',
    );
    expect(labelFromText('<p>Le ministre dénonce une « chasse aux sorcières »</p>')).toBe(
      'Le ministre dénonce une…',
    );
    // Typed with straight quotes, which the exports make « »: the same.
    expect(
      labelFromText(
        '<p>Sa notice wikipedia rappelle ainsi "Après avoir terminé ses études, elle travaille"</p>',
      ),
    ).toBe('Sa notice wikipedia rappelle ainsi…');
  });

  it('gives nothing for an item without text', () => {
    expect(labelFromText('<p> </p>')).toBe('');
  });
});

describe('itemLabel', () => {
  const draft = { title: 'OVH Is Said to Pick Rothschild for IPO', body: '<p>OVH en Bourse.</p>' };

  it('is the label the editor gave, trimmed', () => {
    expect(itemLabel({ ...draft, label: '  OVH, la Bourse ' })).toBe('OVH, la Bourse');
  });

  it('is the first words of the text when the editor gave none (absent, or emptied)', () => {
    expect(itemLabel(draft)).toBe('OVH en Bourse.');
    expect(itemLabel({ ...draft, label: '   ' })).toBe('OVH en Bourse.');
  });

  it('is the draft’s title while the item has no text', () => {
    expect(itemLabel({ ...draft, body: '' })).toBe(draft.title);
  });
});

describe('IndiscretsDB migration v3 → v4 (item labels)', () => {
  const name = `test-${crypto.randomUUID()}`;
  afterEach(() => Dexie.delete(name));

  it('keeps every draft as it was: without a label, it shows the first words of its text', async () => {
    // The database as version 3 of the extension left it.
    const v3 = new Dexie(name);
    v3.version(3).stores(STORES_V3);
    const draft = {
      id: 'd1',
      url: 'https://www.bloomberg.com/ovh',
      title: 'OVH Is Said to Pick Rothschild for IPO',
      quotes: [],
      provenance: {},
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
      body: '<p>OVH choisit Rothschild pour son entrée en Bourse, selon Bloomberg.</p>',
      sources: [],
      note: '',
      tags: [],
      status: 'draft',
      issueId: 'i1',
      sortKey: 'a0',
      sourceUrls: [],
      rev: 2,
    };
    // The search words as every version derives them (version 5 derives them again, and
    // rewrites a draft only if they differ).
    Object.assign(draft, { words: deriveFields(draft).words });
    await v3.table('clips').add(draft);
    await v3.table('outbox').add({ key: 'draft:d1', queuedAt: '2026-03-01T00:00:00.000Z' });
    v3.close();

    const database = new IndiscretsDB(name);
    const stored = await database.clips.get('d1');
    expect(database.verno).toBeGreaterThanOrEqual(4);
    // Nothing lost: the record and the sync's queue are as they were, but for the pairs of
    // words version 7 indexes (its one write, one revision).
    expect(stored).toEqual({ ...draft, wordPairs: deriveFields(draft).wordPairs, rev: 3 });
    expect(await database.outbox.count()).toBe(1);
    expect(itemLabel(stored!)).toBe('OVH choisit Rothschild pour son entrée…');

    // The upgraded draft takes a label like any other.
    await updateDraft('d1', { label: 'OVH en Bourse' }, database);
    expect(itemLabel((await database.clips.get('d1'))!)).toBe('OVH en Bourse');
    database.close();
  });
});

describe('a draft’s label', () => {
  let database: IndiscretsDB;
  beforeEach(() => {
    database = freshDatabase();
  });
  afterEach(async () => {
    database.close();
    await Dexie.delete(database.name);
  });

  it('is stored by an edit as typed, and emptied back to the default', async () => {
    const draft = await addDraft(database, { title: 'OVH Is Said to Pick Rothschild' });
    await updateDraft(draft.id, { label: 'OVH en Bourse ' }, database);
    expect((await database.clips.get(draft.id))!.label).toBe('OVH en Bourse ');

    await updateDraft(draft.id, { label: '' }, database);
    const emptied = (await database.clips.get(draft.id))!;
    expect(itemLabel(emptied)).toBe(itemLabel({ ...emptied, label: undefined }));
  });

  it('finds the draft by a word of its label', async () => {
    const draft = await addDraft(database, { title: 'OVH Is Said to Pick Rothschild' });
    await addDraft(database, { title: 'Autre chose' });
    await updateDraft(draft.id, { label: 'Introduction boursière' }, database);

    const found = await searchDrafts({ text: 'boursiere' }, database);
    expect(found.drafts.map((d) => d.id)).toEqual([draft.id]);
  });

  it('is merged field by field: another view’s label is not overwritten unseen', async () => {
    const draft = await addDraft(database);
    // Another view renamed the item after this one read it.
    await updateDraft(draft.id, { label: 'Le nom de l’autre vue' }, database);

    const result = await saveDraftEdit(
      draft.id,
      { label: 'Mon nom', note: 'à vérifier' },
      { label: undefined, note: draft.note },
      database,
    );
    expect(result.conflicts).toEqual(['label']);
    expect(result.draft).toMatchObject({ label: 'Le nom de l’autre vue', note: 'à vérifier' });
  });
});
