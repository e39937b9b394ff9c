/**
 * What the inbox paints while the database is being read is this moment's: the count is this
 * search's own (the last one's, kept by the query while the next was read, drew « Aucun
 * brouillon ne correspond » over the new rows), and the snapshot (localStorage) is the first
 * paint's only and holds the plain inbox's rows only. Counting and reading rows are held back
 * here (`gate`) to look at what is painted meanwhile (on 10,000 drafts they take a while).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Inbox } from '../../../components/Inbox';
import { db } from '../../../storage/db';
import { trashDraft } from '../../../storage/drafts';
import { addDraft } from '../storage/helpers';

// Each read answers when the test lets it: `count` for countDrafts, `rows` for inboxRows.
const gate = vi.hoisted(() => ({
  count: undefined as Promise<void> | undefined,
  rows: undefined as Promise<void> | undefined,
}));
vi.mock('../../../components/inboxData', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../components/inboxData')>();
  return {
    ...actual,
    countDrafts: async (...args: Parameters<typeof actual.countDrafts>) => {
      if (gate.count) await gate.count;
      return actual.countDrafts(...args);
    },
    inboxRows: async (...args: Parameters<typeof actual.inboxRows>) => {
      if (gate.rows) await gate.rows;
      return actual.inboxRows(...args);
    },
  };
});

const SNAPSHOT = 'indiscrets:inbox-snapshot:4';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  gate.count = undefined;
  gate.rows = undefined;
  await db.clips.clear();
});
afterEach(cleanup);

const titles = () =>
  screen.queryAllByTestId('draft').map((row) => row.querySelector('.draft__title')?.textContent);
const ids = () => screen.queryAllByTestId('draft').map((row) => row.dataset.id);
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
    gate.count = new Promise((resolve) => (release = resolve));
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

describe('Inbox › snapshot', () => {
  it('does not paint a draft trashed since the inbox opened when the search is cleared', async () => {
    const other = await addDraft(db, { title: 'Remaniement : la liste circule' });
    const kept = await addDraft(db, { title: 'Budget des régions' });
    // The newest: the snapshot's first row.
    const gone = await addDraft(db, { title: 'Brève supprimée' });
    // A first inbox leaves its snapshot (the three drafts); the desk's inbox then stays open for hours.
    const first = render(<Inbox onOpen={() => {}} pageSize={20} />);
    await waitFor(() => expect(JSON.parse(localStorage.getItem(SNAPSHOT) ?? '[]')).toHaveLength(3));
    first.unmount();
    render(<Inbox onOpen={() => {}} pageSize={20} />);
    await waitFor(() => expect(ids()).toHaveLength(3));

    await trashDraft(gone.id);
    await waitFor(() => expect(ids()).toEqual([kept.id, other.id]));
    fireEvent.input(search(), { target: { value: 'budget' } });
    await waitFor(() => expect(ids()).toEqual([kept.id]));

    // The search cleared; the plain inbox's rows take a moment to read.
    let release!: () => void;
    gate.rows = new Promise((resolve) => (release = resolve));
    fireEvent.input(search(), { target: { value: '' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    try {
      expect(ids()).not.toContain(gone.id);
    } finally {
      release();
    }
  });

  it('does not write the trash’s rows as the inbox’s snapshot when going back to « Brouillons »', async () => {
    await addDraft(db, { title: 'Budget des régions' });
    const trashed = await addDraft(db, { title: 'Brève supprimée' });
    await trashDraft(trashed.id);
    render(<Inbox onOpen={() => {}} pageSize={20} />);
    await waitFor(() => expect(screen.getAllByTestId('draft')).toHaveLength(1));

    const boxMenu = screen.getByLabelText<HTMLSelectElement>('Où chercher');
    fireEvent.change(boxMenu, { target: { value: 'trash' } });
    await waitFor(() => expect(ids()).toEqual([trashed.id]));
    // Back to the inbox; its rows take a moment to read (the popup may close meanwhile).
    let release!: () => void;
    gate.rows = new Promise((resolve) => (release = resolve));
    fireEvent.change(boxMenu, { target: { value: 'inbox' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    try {
      const snapshot = JSON.parse(localStorage.getItem(SNAPSHOT) ?? '[]') as { id: string }[];
      // The effect writes `live`, still the trash's rows, as soon as `isPlainInbox` turns true.
      expect(snapshot.map((row) => row.id)).not.toContain(trashed.id);
    } finally {
      release();
    }
  });
});
