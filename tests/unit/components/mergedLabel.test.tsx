import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mergedLabel, tellApartAll } from '../../../components/mergedLabel';
import { MergeDialog } from '../../../components/MergeDialog';
import { UndoProvider } from '../../../components/Undo';
import { db } from '../../../storage/db';
import { deskState } from '../desk-fixtures';
import { addDraft } from '../storage/helpers';
import { setLocale } from '../../../locales';
import type { Draft } from '../../../storage/db';
import type { UndoToken } from '../../../storage/drafts';

/** A draft as a merge's undo token keeps it; dates in local time, as the editor reads them. */
function draft(fields: Partial<Draft>): Draft {
  return {
    id: crypto.randomUUID(),
    url: 'https://www.lemonde.fr/politique/le-ministre.html',
    title: 'Le ministre part',
    quotes: [],
    provenance: {},
    createdAt: new Date(2026, 2, 14, 10, 5).toISOString(),
    updatedAt: new Date(2026, 2, 14, 10, 5).toISOString(),
    body: '',
    sources: [],
    tags: [],
    note: '',
    status: 'draft',
    ...fields,
  } as Draft;
}

/** The token `mergeDrafts` returns: the merged draft, then the one it went into. */
const merged = (source: Partial<Draft>, target: Partial<Draft>): UndoToken => ({
  label: 'merge',
  before: [draft(source), draft(target)],
  after: [],
});

afterEach(() => setLocale('fr'));

describe('mergedLabel, the undo bar’s words for a merge', () => {
  it('names the draft merged into when the titles differ', () => {
    expect(mergedLabel(merged({ title: 'OVH en feu' }, { title: 'Le ministre part' }))).toBe(
      'Fusionné dans «\u00a0Le ministre part\u00a0».',
    );
  });

  it('says who clipped each of two drafts of the same title on the shared desk', () => {
    expect(
      mergedLabel(
        merged(
          { desk: { remoteId: 1, createdBy: 'Pigiste' }, siteName: 'Le Monde' },
          { desk: { remoteId: 2, createdBy: 'Rédac' }, siteName: 'Libération' },
        ),
      ),
    ).toBe(
      '«\u00a0Le ministre part\u00a0» (Pigiste) fusionné dans «\u00a0Le ministre part\u00a0» (Rédac).',
    );
  });

  it('says « vous » for the draft the desk’s own user clipped, told by the id, not the name', () => {
    const source = { desk: { remoteId: 1, createdBy: 'Rédac', createdById: 3 } };
    const target = { desk: { remoteId: 2, createdBy: 'Pigiste', createdById: 5 } };
    expect(mergedLabel(merged(source, target), 3)).toBe(
      '«\u00a0Le ministre part\u00a0» (vous) fusionné dans «\u00a0Le ministre part\u00a0» (Pigiste).',
    );
    expect(mergedLabel(merged(target, source), 3)).toBe(
      '«\u00a0Le ministre part\u00a0» (Pigiste) fusionné dans «\u00a0Le ministre part\u00a0» (vous).',
    );
    // Another Rédac (user 8): two editors of one name, told apart by « vous ».
    const namesake = { desk: { remoteId: 2, createdBy: 'Rédac', createdById: 8 } };
    expect(mergedLabel(merged(source, namesake), 3)).toBe(
      '«\u00a0Le ministre part\u00a0» (vous) fusionné dans «\u00a0Le ministre part\u00a0» (Rédac).',
    );
    // A mark kept before the ids, or no desk: the name.
    expect(mergedLabel(merged({ desk: { remoteId: 1, createdBy: 'Rédac' } }, target), 3)).toBe(
      '«\u00a0Le ministre part\u00a0» (Rédac) fusionné dans «\u00a0Le ministre part\u00a0» (Pigiste).',
    );
    expect(mergedLabel(merged(source, target))).toBe(
      '«\u00a0Le ministre part\u00a0» (Rédac) fusionné dans «\u00a0Le ministre part\u00a0» (Pigiste).',
    );
    setLocale('en');
    expect(mergedLabel(merged(source, target), 3)).toBe(
      '“Le ministre part” (you) merged into “Le ministre part” (Pigiste).',
    );
  });

  it('says their sites when the same editor clipped both, or nobody says who', () => {
    expect(
      mergedLabel(
        merged(
          { desk: { remoteId: 1, createdBy: 'Rédac' }, siteName: 'Le Monde' },
          { desk: { remoteId: 2, createdBy: 'Rédac' }, siteName: 'Libération' },
        ),
      ),
    ).toBe(
      '«\u00a0Le ministre part\u00a0» (Le Monde) fusionné dans «\u00a0Le ministre part\u00a0» (Libération).',
    );
  });

  it('says the days they were clipped on the same site, and the times on the same day', () => {
    const at = (day: number, hour: number, minute: number) =>
      new Date(2026, 2, day, hour, minute).toISOString();
    expect(
      mergedLabel(
        merged(
          { siteName: 'Le Monde', createdAt: at(14, 10, 5) },
          { siteName: 'Le Monde', createdAt: at(15, 9, 0) },
        ),
      ),
    ).toBe(
      '«\u00a0Le ministre part\u00a0» (14\u00a0mars) fusionné dans «\u00a0Le ministre part\u00a0» (15\u00a0mars).',
    );
    expect(mergedLabel(merged({ createdAt: at(14, 10, 5) }, { createdAt: at(14, 16, 40) }))).toBe(
      '«\u00a0Le ministre part\u00a0» (14\u00a0mars à 10\u00a0h\u00a005) fusionné dans «\u00a0Le ministre part\u00a0» (14\u00a0mars à 16\u00a0h\u00a040).',
    );
  });

  it('writes a day as the publish line does: « 1er » the first of the month, the year when they differ in it', () => {
    expect(
      mergedLabel(
        merged(
          { createdAt: new Date(2026, 2, 1, 10, 5).toISOString() },
          { createdAt: new Date(2025, 2, 2, 10, 5).toISOString() },
        ),
      ),
    ).toBe(
      '«\u00a0Le ministre part\u00a0» (1er\u00a0mars\u00a02026) fusionné dans «\u00a0Le ministre part\u00a0» (2\u00a0mars\u00a02025).',
    );
  });

  it('says the title alone when nothing tells the two apart', () => {
    expect(mergedLabel(merged({}, {}))).toBe('Fusionné dans «\u00a0Le ministre part\u00a0».');
  });

  it('says the title alone where only their text tells them apart, or only one says who clipped it', () => {
    expect(
      mergedLabel(
        merged(
          { body: '<p>Le ministre a confirmé</p>' },
          { body: '<p>Selon nos informations</p>' },
        ),
      ),
    ).toBe('Fusionné dans «\u00a0Le ministre part\u00a0».');
    expect(mergedLabel(merged({ desk: { remoteId: 1, createdBy: 'Pigiste' } }, {}))).toBe(
      'Fusionné dans «\u00a0Le ministre part\u00a0».',
    );
  });

  it('speaks English', () => {
    setLocale('en');
    expect(
      mergedLabel(
        merged(
          { desk: { remoteId: 1, createdBy: 'Pigiste' } },
          { desk: { remoteId: 2, createdBy: 'Rédac' } },
        ),
      ),
    ).toBe('“Le ministre part” (Pigiste) merged into “Le ministre part” (Rédac).');
    expect(
      mergedLabel(
        merged(
          { createdAt: new Date(2026, 2, 14, 10, 5).toISOString() },
          { createdAt: new Date(2026, 2, 15, 9, 0).toISOString() },
        ),
      ),
    ).toBe('“Le ministre part” (14\u00a0March) merged into “Le ministre part” (15\u00a0March).');
  });
});

describe('tellApartAll, for a list of drafts', () => {
  it('tells apart only drafts whose title another has', () => {
    expect(
      tellApartAll([
        draft({ title: 'OVH en feu' }),
        draft({ title: 'Le ministre part', siteName: 'Le Monde' }),
        draft({ title: 'Le ministre part ', siteName: 'Libération' }),
      ]),
    ).toEqual([undefined, 'Le Monde', 'Libération']);
  });

  it('says who clipped them, else the day, else the first words of their text', () => {
    const by = (name: string) => ({ desk: { createdBy: name } }) as Partial<Draft>;
    expect(tellApartAll([draft(by('Rédac')), draft(by('Pigiste'))])).toEqual(['Rédac', 'Pigiste']);
    expect(
      tellApartAll([
        draft({ siteName: 'Le Monde' }),
        draft({ siteName: 'Le Monde', createdAt: new Date(2026, 2, 15, 9).toISOString() }),
      ]),
    ).toEqual(['14\u00a0mars', '15\u00a0mars']);
    expect(
      tellApartAll([
        draft({ body: '<p>Le ministre a confirmé son départ ce lundi soir.</p>' }),
        draft({ body: '<p>Selon nos informations</p>' }),
      ]),
    ).toEqual(['Le ministre a confirmé son départ…', 'Selon nos informations']);
  });

  it('says « vous » for the desk’s own user’s draft, by the id, and their sites when both are theirs', () => {
    const by = (name: string, id?: number) =>
      ({ desk: { remoteId: 1, createdBy: name, createdById: id } }) as Partial<Draft>;
    expect(tellApartAll([draft(by('Rédac', 3)), draft(by('Rédac', 8))], 3)).toEqual([
      'vous',
      'Rédac',
    ]);
    expect(tellApartAll([draft(by('Rédac')), draft(by('Pigiste', 5))], 3)).toEqual([
      'Rédac',
      'Pigiste',
    ]);
    expect(
      tellApartAll(
        [
          draft({ ...by('Rédac', 3), siteName: 'Le Monde' }),
          draft({ ...by('Rédac', 3), siteName: 'Libération' }),
        ],
        3,
      ),
    ).toEqual(['Le Monde', 'Libération']);
  });

  it('ends the first words as the desk cuts a text: no comma before « … », no aside left open', () => {
    expect(
      tellApartAll([
        draft({ body: '<p>Le ministre a confirmé son départ, lundi soir.</p>' }),
        draft({ body: '<p>Selon nos informations le ministre (de l’Intérieur) partira.</p>' }),
      ]),
    ).toEqual(['Le ministre a confirmé son départ…', 'Selon nos informations le ministre…']);
  });

  it('keeps an aside the cut leaves open where dropping it would make two drafts alike', () => {
    expect(
      tellApartAll([
        draft({ body: '<p>Selon le ministre des Finances (Bruno Le Maire), la dette…</p>' }),
        draft({ body: '<p>Selon le ministre des Finances (Éric Lombard), la dette…</p>' }),
      ]),
    ).toEqual(['Selon le ministre des Finances (Bruno…', 'Selon le ministre des Finances (Éric…']);
  });

  it('says what differs for some when nothing tells every one apart', () => {
    expect(
      tellApartAll([
        draft({ siteName: 'Le Monde' }),
        draft({ siteName: 'Le Monde' }),
        draft({ siteName: 'Libération' }),
      ]),
    ).toEqual(['Le Monde', 'Le Monde', 'Libération']);
  });
});

describe('MergeDialog › drafts of the same title in the list', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await Promise.all([db.clips.clear(), db.issues.clear(), db.syncState.clear()]);
  });
  afterEach(cleanup);

  it('lists each with what tells it apart: the day it was clipped on the same site', async () => {
    const source = await addDraft(db, { title: 'OVH en feu' });
    for (const day of [14, 15]) {
      await addDraft(db, {
        title: 'Le ministre part',
        siteName: 'Le Monde',
        createdAt: new Date(2026, 2, day, 10).toISOString(),
      });
    }
    render(
      <UndoProvider>
        <MergeDialog sourceId={source.id} onDone={() => {}} />
      </UndoProvider>,
    );

    // Found by its text with spaces made ordinary (testing-library's default normaliser).
    await screen.findByText('Le Monde · 14 mars');
    const buttons = screen
      .getAllByRole('button')
      .filter((button) => button.textContent?.startsWith('Le ministre part'));
    expect(buttons.map((button) => button.textContent).sort()).toEqual([
      'Le ministre part Le Monde · 14\u00a0mars',
      'Le ministre part Le Monde · 15\u00a0mars',
    ]);
  });
});

describe('MergeDialog › drafts of the same title on the shared desk', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await Promise.all([db.clips.clear(), db.issues.clear(), db.syncState.clear()]);
    await db.syncState.put(deskState('editor'));
  });
  afterEach(cleanup);

  it('says « vous » for the desk’s own user’s draft in the list and in the undo bar, by the id', async () => {
    const mine = { remoteId: 1, createdBy: 'Rédac', createdById: 3, canEdit: true };
    const source = await addDraft(db, { title: 'Le ministre part', desk: mine });
    await addDraft(db, { title: 'Le ministre part', desk: { ...mine, remoteId: 2 } });
    await addDraft(db, {
      title: 'Le ministre part',
      desk: { remoteId: 3, createdBy: 'Rédac', createdById: 8, canEdit: true },
    });
    render(
      <UndoProvider>
        <MergeDialog sourceId={source.id} onDone={() => {}} />
      </UndoProvider>,
    );

    // Two Rédac: the desk's own (user 3) is « vous », the other (user 8) named.
    expect((await screen.findByText('News · vous')).closest('button')).toBeTruthy();
    fireEvent.click(screen.getByText('News · Rédac').closest('button')!);
    await waitFor(() =>
      expect(screen.getByTestId('undo-bar').textContent).toContain(
        '«\u00a0Le ministre part\u00a0» (vous) fusionné dans «\u00a0Le ministre part\u00a0» (Rédac).',
      ),
    );
  });
});

describe('MergeDialog › two drafts of the same title', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await Promise.all([db.clips.clear(), db.issues.clear(), db.syncState.clear()]);
  });
  afterEach(cleanup);

  it('says from which site into which the draft was merged', async () => {
    const source = await addDraft(db, { title: 'Le ministre part', siteName: 'Le Monde' });
    const target = await addDraft(db, { title: 'Le ministre part', siteName: 'Libération' });
    render(
      <UndoProvider>
        <MergeDialog sourceId={source.id} onDone={() => {}} />
      </UndoProvider>,
    );

    fireEvent.click((await screen.findByText('Libération')).closest('button')!);

    await waitFor(async () => expect(await db.clips.get(source.id)).toBeUndefined());
    expect(await db.clips.get(target.id)).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId('undo-bar').textContent).toContain(
        '«\u00a0Le ministre part\u00a0» (Le Monde) fusionné dans «\u00a0Le ministre part\u00a0» (Libération).',
      ),
    );
  });
});
