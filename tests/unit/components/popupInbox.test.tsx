/**
 * The popup shows one view at a time: opening a draft, or the issue tab, takes the inbox off the
 * screen. Coming back must show it as the editor left it (box, search, filters, the draft just
 * closed), not start over: an editor going through the results of a search opens them one by one.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../components/App';
import { db } from '../../../storage/db';
import { addDraft } from '../storage/helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await db.clips.clear();
});
afterEach(cleanup);

const titles = () =>
  screen.queryAllByTestId('draft').map((row) => row.querySelector('.draft__title')?.textContent);
const boxMenu = () => screen.getByLabelText<HTMLSelectElement>('Où chercher');
const search = () => screen.getByTestId<HTMLInputElement>('search');

/** The popup with « Tous » chosen and « remaniement » searched: one draft in an issue, one not. */
async function searchedPopup() {
  await addDraft(db, { title: 'Remaniement : la liste circule' });
  await addDraft(db, { title: 'Remaniement, le retour', issueId: 'issue-1' });
  await addDraft(db, { title: 'Budget des régions' });
  render(<App layout="popup" />);
  await waitFor(() => expect(titles()).toHaveLength(2));
  fireEvent.change(boxMenu(), { target: { value: 'all' } });
  fireEvent.input(search(), { target: { value: 'remaniement' } });
  await waitFor(() =>
    expect(titles()).toEqual(['Remaniement, le retour', 'Remaniement : la liste circule']),
  );
}

describe('the popup inbox', () => {
  it('comes back from a draft with the same box, search and results', async () => {
    await searchedPopup();

    const row = screen
      .getAllByTestId('draft')
      .find((li) => li.textContent?.includes('la liste circule'))!;
    fireEvent.click(within(row).getByText('Remaniement : la liste circule'));
    fireEvent.click(await screen.findByRole('button', { name: /Retour/ }));

    await waitFor(() =>
      expect(titles()).toEqual(['Remaniement, le retour', 'Remaniement : la liste circule']),
    );
    expect(boxMenu().value).toBe('all');
    expect(search().value).toBe('remaniement');
    // The keyboard is back on the draft just closed, to go on to the next result from there.
    await waitFor(() =>
      expect(document.activeElement?.querySelector('[data-testid="draft"]')?.textContent).toContain(
        'la liste circule',
      ),
    );
  });

  it('leaves the keyboard where the editor moved it before the return was done', async () => {
    await searchedPopup();
    const row = screen
      .getAllByTestId('draft')
      .find((li) => li.textContent?.includes('la liste circule'))!;
    fireEvent.click(within(row).getByText('Remaniement : la liste circule'));
    fireEvent.click(await screen.findByRole('button', { name: /Retour/ }));

    // Home pressed on the first row as soon as it shows, while the count (which the return
    // waits for) is still being debounced: the editor has moved on, the return must not undo it.
    await waitFor(() => expect(titles()).toHaveLength(2));
    const first = screen.getAllByTestId('draft')[0]!.closest('li')!;
    first.focus();
    fireEvent.keyDown(first, { key: 'Home' });
    await new Promise((resolve) => setTimeout(resolve, 600));

    expect(document.activeElement?.querySelector('[data-testid="draft"]')?.textContent).toContain(
      'le retour',
    );
  });

  it('comes back from the issue tab with the same box, search and results', async () => {
    await searchedPopup();

    fireEvent.click(screen.getByRole('tab', { name: 'Numéro' }));
    await waitFor(() => expect(screen.queryByTestId('search')).toBeNull());
    // The issue's view, loaded when first shown, drawn before the editor goes back: its code
    // still loading when the test ends would be loaded after the test environment is gone.
    await waitFor(() => expect(document.querySelector('section.issue')).not.toBeNull());
    fireEvent.click(screen.getByRole('tab', { name: 'Brouillons' }));

    await waitFor(() =>
      expect(titles()).toEqual(['Remaniement, le retour', 'Remaniement : la liste circule']),
    );
    expect(boxMenu().value).toBe('all');
    expect(search().value).toBe('remaniement');
  });
});
