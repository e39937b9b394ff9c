/**
 * A search that finds nothing says so, and what to try next, with the button that does it: the
 * draft looked for may be in an issue (« Hors numéro » leaves those out) or out of the trash;
 * among all drafts, the search and filters are cleared in one press. The keyboard stays in the
 * inbox, on the search box, once the button that had it has gone.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Inbox } from '../../../components/Inbox';
import { db } from '../../../storage/db';
import { trashDraft } from '../../../storage/drafts';
import { addDraft } from '../storage/helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await db.clips.clear();
});
afterEach(cleanup);

const titles = () =>
  screen.queryAllByTestId('draft').map((row) => row.querySelector('.draft__title')?.textContent);
const search = () => screen.getByTestId<HTMLInputElement>('search');
const boxMenu = () => screen.getByLabelText<HTMLSelectElement>('Où chercher');
const empty = () =>
  screen
    .getByTestId('drafts-empty')
    .textContent?.replace(/[ \n\t]+/g, ' ')
    .trim();

describe('Inbox › a search without a match', () => {
  it('offers, out of the issues, to look in the issues too, and finds the draft there', async () => {
    await addDraft(db, { title: 'Le café de Matignon', issueId: 'issue-1' });
    await addDraft(db, { title: 'Budget des régions' });
    render(<Inbox onOpen={() => {}} />);
    await waitFor(() => expect(titles()).toEqual(['Budget des régions']));

    search().focus();
    fireEvent.input(search(), { target: { value: 'cafe' } });
    await waitFor(() =>
      expect(empty()).toBe(
        'Aucun brouillon hors numéro ne correspond. Chercher aussi dans les numéros',
      ),
    );
    const button = screen.getByRole('button', { name: 'Chercher aussi dans les numéros' });
    button.focus();
    fireEvent.click(button);

    await waitFor(() => expect(titles()).toEqual(['Le café de Matignon']));
    expect(boxMenu().value).toBe('all');
    expect(search().value).toBe('cafe');
    expect(document.activeElement).toBe(search());
  });

  it('offers, in the trash, to look out of it', async () => {
    await addDraft(db, { title: 'Le café de Matignon' });
    const gone = await addDraft(db, { title: 'Budget des régions' });
    await trashDraft(gone.id);
    render(<Inbox onOpen={() => {}} />);
    await waitFor(() => expect(titles()).toEqual(['Le café de Matignon']));
    fireEvent.change(boxMenu(), { target: { value: 'trash' } });
    await waitFor(() => expect(titles()).toEqual(['Budget des régions']));

    fireEvent.input(search(), { target: { value: 'café' } });
    await waitFor(() =>
      expect(empty()).toBe(
        'Aucun brouillon de la corbeille ne correspond. Chercher hors de la corbeille',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Chercher hors de la corbeille' }));
    await waitFor(() => expect(titles()).toEqual(['Le café de Matignon']));
    expect(boxMenu().value).toBe('all');
  });

  it('among all drafts, says to try other words and clears the search and filters', async () => {
    await addDraft(db, { title: 'Le café de Matignon' });
    await addDraft(db, { title: 'Budget des régions', issueId: 'issue-1' });
    render(<Inbox onOpen={() => {}} />);
    await waitFor(() => expect(titles()).toEqual(['Le café de Matignon']));
    fireEvent.change(boxMenu(), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Statut'), { target: { value: 'ready' } });
    fireEvent.input(search(), { target: { value: 'zzz' } });
    await waitFor(() =>
      expect(empty()).toBe(
        'Aucun brouillon ne correspond\u00a0: essayez d’autres mots, ou moins de filtres. Effacer la recherche et les filtres',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Effacer la recherche et les filtres' }));

    await waitFor(() => expect(titles()).toHaveLength(2));
    expect(search().value).toBe('');
    expect(screen.getByLabelText<HTMLSelectElement>('Statut').value).toBe('');
    expect(boxMenu().value).toBe('all');
    expect(document.activeElement).toBe(search());
  });
});
