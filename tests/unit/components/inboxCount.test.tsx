/**
 * The inbox's count is this search's own: the query keeps its last value while the next one is
 * read, and the count of a search that found nothing, taken for the next one's, drew « Aucun
 * brouillon ne correspond » over its rows. Counting is held back here to make the wait visible
 * (on 10,000 drafts it takes a while).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Inbox } from '../../../components/Inbox';
import { db } from '../../../storage/db';
import { addDraft } from '../storage/helpers';

// Counting answers when the test lets it (a count on 10,000 drafts takes a while).
const gate = vi.hoisted(() => ({ held: undefined as Promise<void> | undefined }));
vi.mock('../../../components/inboxData', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../components/inboxData')>();
  return {
    ...actual,
    countDrafts: async (...args: Parameters<typeof actual.countDrafts>) => {
      const held = gate.held;
      if (held) await held;
      return actual.countDrafts(...args);
    },
  };
});

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  gate.held = undefined;
  await db.clips.clear();
});
afterEach(cleanup);

const titles = () =>
  screen.queryAllByTestId('draft').map((row) => row.querySelector('.draft__title')?.textContent);
const search = () => screen.getByTestId<HTMLInputElement>('search');

describe('Inbox › the count of a new search', () => {
  it('does not show the previous search’s count (and « no match ») over the new results', async () => {
    await addDraft(db, { title: 'Remaniement : la liste circule' });
    await addDraft(db, { title: 'Budget des régions' });
    render(<Inbox onOpen={() => {}} pageSize={20} />);
    await waitFor(() => expect(titles()).toHaveLength(2));

    // A search that finds nothing, counted: « 0 brouillon », « Aucun brouillon ne correspond ».
    fireEvent.input(search(), { target: { value: 'remaniementx' } });
    await waitFor(() => expect(screen.getByTestId('draft-total').textContent).toMatch(/^0 /));

    // The editor deletes the stray « x »: the row is found at once; counting it takes a while.
    let release!: () => void;
    gate.held = new Promise((resolve) => (release = resolve));
    fireEvent.input(search(), { target: { value: 'remaniement' } });
    await waitFor(() => expect(titles()).toEqual(['Remaniement : la liste circule']));
    // Past the count's debounce (300 ms), the count of « remaniement » is still being read.
    await new Promise((resolve) => setTimeout(resolve, 450));

    try {
      // Shown: « 0 brouillon », the row gone, « Aucun brouillon ne correspond. »
      expect(screen.queryByTestId('drafts-empty')).toBeNull();
      expect(titles()).toEqual(['Remaniement : la liste circule']);
      expect(screen.getByTestId('draft-total').textContent).not.toMatch(/^0 /);
    } finally {
      release();
    }
  });
});
