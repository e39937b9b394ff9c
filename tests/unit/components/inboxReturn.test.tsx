/**
 * The popup's inbox drawn again after its editor closed: the keyboard goes back to the row of the
 * draft that was open, found among the rows read, not among the snapshot's painted before them.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AnnouncerProvider } from '../../../components/Announcer';
import { Inbox } from '../../../components/Inbox';
import { db } from '../../../storage/db';
import { trashDraft } from '../../../storage/drafts';
import { createIssue } from '../../../storage/issues';
import { addDraft } from '../storage/helpers';

// The inbox's rows answer when a test lets them: what the list draws until then is its snapshot.
const gate = vi.hoisted(() => ({ held: undefined as Promise<void> | undefined }));
vi.mock('../../../components/inboxData', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../components/inboxData')>();
  return {
    ...actual,
    inboxRows: async (...args: Parameters<typeof actual.inboxRows>) => {
      await gate.held;
      return actual.inboxRows(...args);
    },
  };
});

const SNAPSHOT = 'indiscrets:inbox-snapshot:4';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  gate.held = undefined;
  await db.clips.clear();
});
afterEach(cleanup);

/** The draft id of the row that has the keyboard, or what else has it. */
const focused = () =>
  document.activeElement?.matches('li[data-index]')
    ? document.activeElement.querySelector('[data-id]')?.getAttribute('data-id')
    : document.activeElement?.tagName;

/** Draws the inbox once, for its snapshot of the first screen. */
async function snapshotOf(count: number) {
  const first = render(<Inbox onOpen={() => {}} pageSize={20} />);
  await waitFor(() =>
    expect(JSON.parse(localStorage.getItem(SNAPSHOT) ?? '[]')).toHaveLength(count),
  );
  first.unmount();
}

describe('Inbox › back from the editor', () => {
  it('focuses the row of the draft that was open once the rows are read', async () => {
    const older = await addDraft(db, { title: 'Brève ancienne' });
    await addDraft(db, { title: 'Brève récente' });
    await snapshotOf(2);

    render(<Inbox onOpen={() => {}} pageSize={20} returnTo={{ id: older.id, scrollY: 0 }} />);

    await waitFor(() => expect(focused()).toBe(older.id));
  });

  it('does not focus the row of a draft that left the inbox while it was open, still in the snapshot', async () => {
    // Merged into another (or put in the trash by a colleague) while its editor was open: the
    // snapshot, written before, still holds it, and its row is painted until the rows are read.
    const gone = await addDraft(db, { title: 'Brève fusionnée' });
    await addDraft(db, { title: 'Brève restée' });
    await snapshotOf(2);
    await trashDraft(gone.id);
    let release!: () => void;
    gate.held = new Promise((resolve) => (release = resolve));

    render(<Inbox onOpen={() => {}} pageSize={20} returnTo={{ id: gone.id, scrollY: 0 }} />);
    // Painted from the snapshot, and counted (one draft) while the rows are still being read.
    expect(screen.getAllByTestId('draft').map((row) => row.dataset.id)).toContain(gone.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(focused()).not.toBe(gone.id);

    release();
    await waitFor(() =>
      expect(screen.getAllByTestId('draft').map((row) => row.dataset.id)).not.toContain(gone.id),
    );
    expect(focused()).toBe('BODY');
  });
});

describe('Inbox › « a » on the last draft', () => {
  it('keeps the keyboard on the inbox once its last draft has gone to the issue', async () => {
    // The row leaving had the keyboard, with no neighbour to pass it to: not left on the body.
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    const draft = await addDraft(db, { title: 'Brève seule' });
    render(<Inbox onOpen={() => {}} pageSize={20} currentIssueId={issue.id} />);
    await waitFor(() => expect(document.querySelector('li[data-index]')).not.toBeNull());
    const row = document.querySelector<HTMLElement>('li[data-index]')!;
    row.focus();

    fireEvent.keyDown(row, { key: 'a' });

    await waitFor(async () => expect((await db.clips.get(draft.id))?.issueId).toBe(issue.id));
    // On the list itself, not in the search field: the desk's next key is not typed there.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Brouillons' })),
    );
  });
});

describe('Inbox › « Ajouter au numéro » pressed on a row', () => {
  it('says the draft was added, and leaves the keyboard on the next draft, as « a » does', async () => {
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    // Said by its text's first words, as the issue list names it.
    const first = await addDraft(db, { title: 'Brève une', body: '<p>Brève une</p>' });
    const second = await addDraft(db, { title: 'Brève deux' });
    render(
      <AnnouncerProvider>
        <Inbox onOpen={() => {}} pageSize={20} currentIssueId={issue.id} />
      </AnnouncerProvider>,
    );
    const add = await screen.findByRole('button', {
      name: 'Ajouter «\u00a0Brève une\u00a0» au numéro',
    });
    add.focus();

    fireEvent.click(add);

    await waitFor(async () => expect((await db.clips.get(first.id))?.issueId).toBe(issue.id));
    // Before, nothing was said, and the keyboard went with the row to the page's body.
    await waitFor(() =>
      expect(screen.getByTestId('announcement').textContent).toBe(
        '«\u00a0Brève une\u00a0» ajouté au numéro.',
      ),
    );
    await waitFor(() => expect(focused()).toBe(second.id));
  });

  it('leaves the keyboard on the draft’s row when every draft is searched (the row stays)', async () => {
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    const draft = await addDraft(db, { title: 'Brève une' });
    await addDraft(db, { title: 'Brève deux' });
    render(
      <AnnouncerProvider>
        <Inbox onOpen={() => {}} pageSize={20} currentIssueId={issue.id} />
      </AnnouncerProvider>,
    );
    fireEvent.change(await screen.findByRole('combobox', { name: 'Où chercher' }), {
      target: { value: 'all' },
    });
    const add = await screen.findByRole('button', {
      name: 'Ajouter «\u00a0Brève une\u00a0» au numéro',
    });
    add.focus();

    fireEvent.click(add);

    await waitFor(async () => expect((await db.clips.get(draft.id))?.issueId).toBe(issue.id));
    // Listed still, in the issue now: its « Ajouter au numéro » gone, and before, the keyboard
    // with it.
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /^Ajouter «\u00a0Brève une/ })).toBeNull(),
    );
    expect(focused()).toBe(draft.id);
  });
});
