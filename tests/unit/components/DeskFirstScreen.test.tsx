import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SnapshotColumns } from '../../../components/DeskFirstScreen';
import { takeEarlyRemovals, type DeskSnapshot } from '../../../components/deskSnapshot';
import { AnnouncerProvider } from '../../../components/Announcer';
import { IssueView } from '../../../components/IssueView';
import { UndoProvider } from '../../../components/Undo';
import { db } from '../../../storage/db';
import { addToIssue, createIssue } from '../../../storage/issues';
import { addDraft } from '../storage/helpers';
import { wrap } from './desk-views';

afterEach(() => {
  cleanup();
  takeEarlyRemovals('issue-2');
});

const snapshot = (fields: Partial<DeskSnapshot> = {}): DeskSnapshot => ({
  issueId: 'issue-2',
  title: 'Les indiscrets du 15 mars',
  status: 'open',
  items: 1,
  words: 30,
  chars: 180,
  problems: 0,
  otherIssues: true,
  rows: [
    { id: 'draft-1', label: 'Bercy', text: 'Le ministère…', words: 30, chars: 180, checks: [] },
  ],
  ...fields,
});

describe('the desk’s first screen', () => {
  it('names the issue in its picker as the live picker did, « (2) » beside a namesake', () => {
    render(
      <SnapshotColumns
        snapshot={snapshot({ pickerName: 'Les indiscrets du 15 mars (2)' })}
        onOpen={() => {}}
      />,
    );

    const picker = screen.getByRole('combobox', { name: 'Numéro en cours' });
    expect(picker.textContent).toBe('Les indiscrets du 15 mars (2)');
  });

  it('names it from its title and status when the snapshot is older than the picker’s name', () => {
    render(<SnapshotColumns snapshot={snapshot({ status: 'exported' })} onOpen={() => {}} />);

    const picker = screen.getByRole('combobox', { name: 'Numéro en cours' });
    expect(picker.textContent).toBe('Les indiscrets du 15 mars (exporté)');
  });

  it('takes an item out with « Retirer » at once, totals and focus as the live desk, for the desk to take out', async () => {
    const row = (id: string, label: string) => ({
      id,
      label,
      text: '',
      words: 10,
      chars: 60,
      checks: [],
    });
    const three = snapshot({
      items: 3,
      words: 30,
      chars: 180,
      rows: [row('d1', 'Bercy'), row('d2', 'Matignon'), row('d3', 'Élysée')],
    });
    render(<SnapshotColumns snapshot={three} onOpen={() => {}} />);
    const remove = (label: string) =>
      screen.getByRole('button', { name: new RegExp(`^Retirer «\\s${label}\\s»`) });

    remove('Matignon').focus();
    fireEvent.click(remove('Matignon'));
    await waitFor(() => expect(document.activeElement).toBe(remove('Élysée')));
    expect(screen.queryByText('Matignon')).toBeNull();
    expect(screen.getByTestId('issue-totals').textContent).toMatch(/^2 indiscrets/);

    fireEvent.click(remove('Élysée'));
    await waitFor(() => expect(document.activeElement).toBe(remove('Bercy')));
    fireEvent.click(remove('Bercy'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('issue-empty')));
    expect(takeEarlyRemovals('issue-2')).toEqual(['d2', 'd3', 'd1']);
  });
});

describe('the desk replacing its first screen', () => {
  it('puts the focus back on the « Retirer » it was on there, never pressed, the item kept', async () => {
    await Promise.all([db.clips.clear(), db.issues.clear()]);
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
    const drafts = [];
    for (const title of ['Bercy', 'Matignon', 'Élysée']) {
      const draft = await addDraft(db, { title, body: `<p>${title} bouge.</p>` });
      await addToIssue(draft.id, issue.id);
      drafts.push(draft);
    }
    const rows = drafts.map((draft) => ({
      id: draft.id,
      // As the live desk names an item: its text's first words.
      label: `${draft.title} bouge.`,
      text: '',
      words: 2,
      chars: 12,
      checks: [],
    }));
    const first = snapshot({ issueId: issue.id, items: 3, words: 6, chars: 36, rows });
    const remove = (label: string) =>
      screen.getByRole('button', { name: new RegExp(`^Retirer «\\s${label}\\s»`) });
    const desk = (live: boolean) =>
      live ? (
        <IssueView currentIssueId={issue.id} onSelectIssue={() => {}} onOpenDraft={() => {}} />
      ) : (
        <SnapshotColumns snapshot={first} onOpen={() => {}} />
      );
    const { rerender } = wrap(desk(false));
    remove('Matignon bouge.').focus();

    rerender(
      <AnnouncerProvider>
        <UndoProvider>{desk(true)}</UndoProvider>
      </AnnouncerProvider>,
    );

    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Numéro' }).getAttribute('aria-busy')).toBeNull(),
    );
    await waitFor(() => expect(document.activeElement).toBe(remove('Matignon bouge.')));
    expect(document.activeElement!.closest('[aria-busy="true"]')).toBeNull();
    expect(screen.getAllByTestId('issue-item')).toHaveLength(3);
    expect((await db.clips.get(drafts[1]!.id))!.issueId).toBe(issue.id);
  });
});
