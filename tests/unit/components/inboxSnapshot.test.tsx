/**
 * The inbox's snapshot (localStorage) is the first paint's only, and holds the plain inbox's
 * rows only: a search cleared hours later painted the rows of the opening again (a draft
 * trashed since among them), and coming back from the trash wrote the trash's rows as the
 * inbox's. Reading rows is held back here to look at what is painted meanwhile.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Inbox } from '../../../components/Inbox';
import { db } from '../../../storage/db';
import { trashDraft } from '../../../storage/drafts';
import { addDraft } from '../storage/helpers';

const gate = vi.hoisted(() => ({ held: undefined as Promise<void> | undefined }));
vi.mock('../../../components/inboxData', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../components/inboxData')>();
  return {
    ...actual,
    inboxRows: async (...args: Parameters<typeof actual.inboxRows>) => {
      const held = gate.held;
      if (held) await held;
      return actual.inboxRows(...args);
    },
  };
});

const SNAPSHOT = 'indiscrets:inbox-snapshot:3';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  gate.held = undefined;
  await db.clips.clear();
});
afterEach(cleanup);

const ids = () => screen.queryAllByTestId('draft').map((row) => row.dataset.id);
const search = () => screen.getByTestId<HTMLInputElement>('search');

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
    gate.held = new Promise((resolve) => (release = resolve));
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
    gate.held = new Promise((resolve) => (release = resolve));
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
