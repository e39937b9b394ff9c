/**
 * « Restaurer » on a draft of the trash takes it out, and says so in the undo bar (it left the
 * list the editor is looking at, for the inbox or its issue); the keyboard, on the button that
 * went with its row, goes on to the next draft of the trash, or to the search box after the last,
 * not to the page's body (where the next Tab starts over from the top of the popup).
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../components/App';
import { db } from '../../../storage/db';
import { trashDraft } from '../../../storage/drafts';
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

/** The popup's trash, holding `trashed` (the first trashed last: listed first). */
async function trashOf(...trashed: string[]) {
  await addDraft(db, { title: 'Budget des régions' });
  for (const title of trashed) await trashDraft((await addDraft(db, { title })).id);
  render(<App layout="popup" />);
  await waitFor(() => expect(titles()).toEqual(['Budget des régions']));
  fireEvent.change(screen.getByLabelText('Où chercher'), { target: { value: 'trash' } });
  await waitFor(() => expect(titles()).toHaveLength(trashed.length));
}

async function restore(title: string) {
  const button = within(rowOf(title)).getByRole('button', { name: 'Restaurer' });
  button.focus();
  fireEvent.click(button);
  await waitFor(() => expect(titles()).not.toContain(title));
}

describe('Inbox › « Restaurer » in the trash', () => {
  it('says the draft is out of the trash, the keyboard on the next one', async () => {
    await trashOf('Le café de Matignon', 'Remaniement');
    expect(titles()).toEqual(['Remaniement', 'Le café de Matignon']);
    await restore('Remaniement');

    expect(await screen.findByTestId('undo-bar')).toHaveProperty(
      'textContent',
      expect.stringContaining('«\u00a0Remaniement\u00a0» est sorti de la corbeille.'),
    );
    await waitFor(() =>
      expect(document.activeElement?.querySelector('.draft__title')?.textContent).toBe(
        'Le café de Matignon',
      ),
    );
    expect(
      (await db.clips.toArray())
        .filter((d) => !d.deletedAt)
        .map((d) => d.title)
        .sort(),
    ).toEqual(['Budget des régions', 'Remaniement']);
  });

  it('after the last one, the keyboard goes to the search box', async () => {
    await trashOf('Remaniement');
    await restore('Remaniement');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('search')));
  });
});
