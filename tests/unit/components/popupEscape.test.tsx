/**
 * Escape in the popup's draft editor goes back to the drafts, as « ← Retour » and as on the desk
 * (README: Escape goes back from the editor to the list): the list as it was, the keyboard on the
 * draft just closed, what was typed saved. Before, it did nothing in the page (Chrome then closes
 * the whole popup). What takes Escape inside the editor first (a list of suggestions, a dialog)
 * keeps it.
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
  await Promise.all([db.clips.clear(), db.issues.clear()]);
});
afterEach(cleanup);

const titles = () =>
  screen.queryAllByTestId('draft').map((row) => row.querySelector('.draft__title')?.textContent);

async function openCafe() {
  await addDraft(db, { title: 'Budget des régions' });
  await addDraft(db, { title: 'Le café de Matignon' });
  render(<App layout="popup" />);
  await waitFor(() => expect(titles()).toEqual(['Le café de Matignon', 'Budget des régions']));
  const row = screen
    .getAllByTestId('draft')
    .find((li) => li.textContent?.includes('Le café de Matignon'))!;
  fireEvent.click(within(row).getByText('Le café de Matignon'));
  return screen.findByTestId('draft-editor');
}

describe('the popup editor › Escape', () => {
  it('goes back to the drafts, the keyboard on the draft just closed', async () => {
    const editor = await openCafe();
    const title = within(editor).getAllByDisplayValue('Le café de Matignon')[0]!;
    title.focus();
    fireEvent.keyDown(title, { key: 'Escape' });

    await waitFor(() => expect(titles()).toEqual(['Le café de Matignon', 'Budget des régions']));
    expect(screen.queryByTestId('draft-editor')).toBeNull();
    await waitFor(() =>
      expect(document.activeElement?.querySelector('.draft__title')?.textContent).toBe(
        'Le café de Matignon',
      ),
    );
  });

  it('keeps a tag typed and not yet added, as « ← Retour » does', async () => {
    const editor = await openCafe();
    const tag = within(editor).getByPlaceholderText('Ajouter un tag');
    tag.focus();
    fireEvent.input(tag, { target: { value: 'élection' } });
    // Escape at once: the tag is added only when its field is left (Enter, a comma, or elsewhere).
    fireEvent.keyDown(tag, { key: 'Escape' });

    await waitFor(() => expect(screen.queryByTestId('draft-editor')).toBeNull());
    await waitFor(async () =>
      expect(
        (await db.clips.toArray()).find((d) => d.title === 'Le café de Matignon')?.tags,
      ).toEqual(['élection']),
    );
  });

  it('is left to what took it first inside the editor, and to a key held with it', async () => {
    const editor = await openCafe();
    const title = within(editor).getAllByDisplayValue('Le café de Matignon')[0]!;
    title.addEventListener('keydown', (event) => event.preventDefault(), { once: true });
    fireEvent.keyDown(title, { key: 'Escape' });
    fireEvent.keyDown(title, { key: 'Escape', shiftKey: true });
    // An input method composing (a dead key, an IME) takes its own Escape.
    fireEvent.keyDown(title, { key: 'Escape', isComposing: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(screen.queryByTestId('draft-editor')).not.toBeNull();
  });
});
