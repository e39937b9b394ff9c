/**
 * A draft with no label, no text and no title (its title field emptied, a backup or the shared
 * desk bringing one so): named « Brouillon sans titre » wherever a row, a list or a sentence names
 * it, where it was said « «  » », empty quotes, and drawn as an empty row title.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { conflictKeptText } from '../../../components/conflictFields';
import { DraftEditor } from '../../../components/DraftEditor';
import { toRow } from '../../../components/inboxData';
import { shownLabel } from '../../../components/itemName';
import { mergedLabel } from '../../../components/mergedLabel';
import { AnnouncerProvider } from '../../../components/Announcer';
import { UndoProvider, useUndo } from '../../../components/Undo';
import { trashDraft } from '../../../storage/drafts';
import { addToIssue, createIssue } from '../../../storage/issues';
import { removeItems } from '../../../storage/remove-undo';
import { setLocale } from '../../../locales';
import type { Draft } from '../../../storage/db';
import { db } from '../../../storage/db';
import { DEFAULT_HOUSE_STYLE } from '../../../storage/house-style';
import { addDraft } from '../storage/helpers';

const UNTITLED = 'Brouillon sans titre';

function draft(fields: Partial<Draft>): Draft {
  return {
    id: 'd1',
    url: 'https://example.com/a',
    title: '',
    quotes: [],
    provenance: {},
    createdAt: '2026-03-14T10:05:00.000Z',
    updatedAt: '2026-03-14T10:05:00.000Z',
    body: '',
    sources: [],
    tags: [],
    note: '',
    status: 'draft',
    ...fields,
  } as Draft;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await db.clips.clear();
});
afterEach(() => {
  cleanup();
  setLocale('fr');
});

describe('a draft with no label, text or title, named', () => {
  it('in the issue list and its messages (shownLabel)', () => {
    expect(shownLabel({ title: '', body: '' }, DEFAULT_HOUSE_STYLE)).toBe(UNTITLED);
    expect(shownLabel({ title: '  ', body: '<p> </p>', label: ' ' }, DEFAULT_HOUSE_STYLE)).toBe(
      UNTITLED,
    );
    setLocale('en');
    expect(shownLabel({ title: '', body: '' }, DEFAULT_HOUSE_STYLE)).toBe('Untitled draft');
  });

  it('on its inbox row, which its row’s buttons and the inbox’s messages name it by', () => {
    expect(toRow(draft({ title: '' })).title).toBe(UNTITLED);
    expect(toRow(draft({ title: 'Un titre' })).title).toBe('Un titre');
  });

  it('in the undo bar’s words for a merge into it', () => {
    const token = {
      label: 'merge' as const,
      before: [draft({ title: 'OVH en feu' }), draft({ id: 'd2', title: '' })],
      after: [],
    };
    expect(mergedLabel(token)).toBe(`Fusionné dans «\u00a0${UNTITLED}\u00a0».`);
  });

  it('in the undo bar’s words for a conflict’s choice undone', () => {
    const kept = { title: '', kind: 'draft' as const, fields: ['note'], records: 1 };
    expect(conflictKeptText(kept)).toContain(`«\u00a0${UNTITLED}\u00a0»`);
  });

  it('when the editor sends it to the trash', async () => {
    const stored = await addDraft(db, { title: '', body: '', sources: [] });
    render(
      <UndoProvider>
        <DraftEditor id={stored.id} onClose={() => {}} />
      </UndoProvider>,
    );
    await screen.findByLabelText('Titre du brouillon');

    fireEvent.click(screen.getByRole('button', { name: 'Supprimer' }));

    await waitFor(() =>
      expect(screen.getByTestId('undo-bar').textContent).toContain(
        `«\u00a0${UNTITLED}\u00a0» est à la corbeille.`,
      ),
    );
  });

  it('when an item taken out of the issue could not go back, by the undo', async () => {
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    const [a, b] = [
      await addDraft(db, { title: 'A', label: 'Bpifrance recrute' }),
      await addDraft(db, { title: '', body: '', sources: [] }),
    ];
    for (const one of [a, b]) await addToIssue(one.id, issue.id);
    const token = (await removeItems([a.id, b.id]))!;
    let offer!: ReturnType<typeof useUndo>['offer'];
    const Offerer = () => {
      offer = useUndo().offer;
      return null;
    };
    render(
      <AnnouncerProvider>
        <UndoProvider>
          <Offerer />
        </UndoProvider>
      </AnnouncerProvider>,
    );
    offer(token, '2 indiscrets retirés du numéro.');
    const bar = () => screen.getByTestId('undo-bar');
    await waitFor(() => expect(bar().textContent).toContain('2 indiscrets retirés'));
    await trashDraft(b.id);

    fireEvent.click(within(bar()).getByRole('button', { name: 'Annuler' }));

    await waitFor(() =>
      expect(bar().textContent).toContain(
        `«\u00a0${UNTITLED}\u00a0» est à la corbeille\u00a0: il n’a pas été remis dans le numéro.`,
      ),
    );
  });
});
