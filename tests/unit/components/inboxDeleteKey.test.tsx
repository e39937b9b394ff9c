/**
 * « Suppr » (Delete) on a row of the drafts puts its draft in the trash, as its « Supprimer »
 * does: said in the undo bar (« Annuler », Ctrl+Z), the keyboard going on to the next draft. An
 * editor going through the list with ↑ and ↓ expects it of a list, as in a mail client; it did
 * nothing. In the trash it does nothing (« Restaurer » is the row's), nor with a modifier, nor
 * repeated by a key held down (one draft a press).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../components/App';
import { DESK_KEYS } from '../../../components/Desk';
import { t } from '../../../locales';
import { db } from '../../../storage/db';
import { addDraft } from '../storage/helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await Promise.all([db.clips.clear(), db.issues.clear()]);
});
afterEach(cleanup);

const titles = () =>
  screen.queryAllByTestId('draft').map((row) => row.querySelector('.draft__title')?.textContent);
const rowOf = (title: string) =>
  screen
    .getAllByTestId('draft')
    .find((row) => row.querySelector('.draft__title')?.textContent === title)!
    .closest('li')!;
const focusedTitle = () =>
  document.activeElement?.querySelector('.draft__title')?.textContent ?? null;

async function popupOfThree() {
  await addDraft(db, { title: 'Budget des régions' });
  await addDraft(db, { title: 'Le café de Matignon' });
  await addDraft(db, { title: 'Remaniement' });
  render(<App layout="popup" />);
  await waitFor(() =>
    expect(titles()).toEqual(['Remaniement', 'Le café de Matignon', 'Budget des régions']),
  );
}

describe('Inbox › Delete on a row', () => {
  it('puts the draft in the trash, said with « Annuler », the keyboard staying in the list', async () => {
    await popupOfThree();
    const row = rowOf('Le café de Matignon');
    row.focus();
    fireEvent.keyDown(row, { key: 'Delete' });

    await waitFor(() => expect(titles()).toEqual(['Remaniement', 'Budget des régions']));
    const bar = await screen.findByTestId('undo-bar');
    expect(bar.textContent).toContain('Le café de Matignon');
    // On a neighbour's row (the list's own order in a real browser: Chromium's test).
    expect(['Remaniement', 'Budget des régions']).toContain(focusedTitle());
    expect((await db.clips.toArray()).filter((d) => d.deletedAt).map((d) => d.title)).toEqual([
      'Le café de Matignon',
    ]);

    fireEvent.click(within(bar).getByRole('button', { name: 'Annuler' }));
    await waitFor(() =>
      expect(titles()).toEqual(['Remaniement', 'Le café de Matignon', 'Budget des régions']),
    );
  });

  it('does nothing with a modifier, nor on a button of the row', async () => {
    await popupOfThree();
    const row = rowOf('Le café de Matignon');
    row.focus();
    fireEvent.keyDown(row, { key: 'Delete', ctrlKey: true });
    fireEvent.keyDown(within(row).getByRole('button', { name: /^Supprimer/ }), { key: 'Delete' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(titles()).toHaveLength(3);
    expect((await db.clips.toArray()).filter((d) => d.deletedAt)).toEqual([]);
  });

  it('trashes one draft for a key held down, not the drafts after it', async () => {
    await popupOfThree();
    const row = rowOf('Remaniement');
    row.focus();
    fireEvent.keyDown(row, { key: 'Delete' });
    await waitFor(() => expect(titles()).toEqual(['Le café de Matignon', 'Budget des régions']));
    // The key still down: the browser repeats it on the row that took the keyboard.
    expect(focusedTitle()).toBe('Le café de Matignon');
    fireEvent.keyDown(document.activeElement!, { key: 'Delete', repeat: true });
    fireEvent.keyDown(document.activeElement!, { key: 'Delete', repeat: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(titles()).toEqual(['Le café de Matignon', 'Budget des régions']);
    expect((await db.clips.toArray()).filter((d) => d.deletedAt).map((d) => d.title)).toEqual([
      'Remaniement',
    ]);
  });

  it('is listed in the desk’s help (« ? »)', () => {
    const listed = DESK_KEYS.map(({ keys, what }) => `${keys()} : ${t(what)}`);
    expect(listed).toContain('Suppr : Mettre le brouillon choisi à la corbeille');
  });
});
