/**
 * A browser with no issue chosen, and exactly one issue (a desk just joined: its first sync
 * brought the newsroom's one issue), takes that issue as the current one: nothing to choose.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../components/App';
import { db } from '../../../storage/db';
import { createIssue, deleteIssue } from '../../../storage/issues';
import { currentIssueId } from '../../../storage/settings';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await Promise.all([db.clips.clear(), db.issues.clear()]);
});
afterEach(cleanup);

const picker = () => screen.findByLabelText<HTMLSelectElement>('Numéro en cours');

describe('the current issue', () => {
  it('is the only issue there is when none was chosen here', async () => {
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    render(<App layout="popup" />);

    await waitFor(async () => expect(await currentIssueId.getValue()).toBe(issue.id));
    fireEvent.click(screen.getByRole('tab', { name: 'Numéro' }));
    await waitFor(async () => expect((await picker()).value).toBe(issue.id));
    expect(screen.queryByText('Aucun numéro choisi')).toBeNull();
  });

  it('is the one issue a first sync brings into a browser that had none', async () => {
    // The issue as the sync will write it, not here yet.
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    await db.issues.delete(issue.id);
    render(<App layout="popup" />);
    await waitFor(() => expect(screen.getAllByRole('tab')).toHaveLength(2));

    // Written by the sync in the background while the popup is open, as it takes a page of
    // records in: looked for, then put, in one transaction.
    await db.transaction('rw', db.issues, async () => {
      await db.issues.bulkGet([issue.id]);
      await db.issues.bulkPut([issue]);
    });

    await waitFor(async () => expect(await currentIssueId.getValue()).toBe(issue.id));
  });

  it('is the one left when the issue chosen is deleted', async () => {
    const kept = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    const gone = await createIssue({ title: 'Les indiscrets du 22 mars', date: '2026-03-22' });
    await currentIssueId.setValue(gone.id);
    render(<App layout="popup" />);
    fireEvent.click(screen.getByRole('tab', { name: 'Numéro' }));
    await waitFor(async () => expect((await picker()).value).toBe(gone.id));

    // Deleted on another desk, say: the sync removes it here.
    await deleteIssue(gone.id);

    await waitFor(async () => expect((await picker()).value).toBe(kept.id));
    expect(await currentIssueId.getValue()).toBe(kept.id);
  });

  it('is left to the editor to choose among several issues', async () => {
    await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    await createIssue({ title: 'Les indiscrets du 22 mars', date: '2026-03-22' });
    render(<App layout="popup" />);
    fireEvent.click(screen.getByRole('tab', { name: 'Numéro' }));

    await waitFor(async () => expect((await picker()).value).toBe(''));
    // Long enough for a choice made without asking to have been stored.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await currentIssueId.getValue()).toBeNull();
    expect(screen.getByText('Aucun numéro choisi')).toBeTruthy();
  });
});
