/**
 * « a » held down on a row of the inbox puts one draft in the issue, not the drafts after it:
 * the browser repeats a key held down on the row that takes the keyboard once the first draft
 * leaves the inbox, and each repeat added the next draft (about thirty a second), as « Suppr »
 * held trashed them before cb55cda.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AnnouncerProvider } from '../../../components/Announcer';
import { Inbox } from '../../../components/Inbox';
import { db } from '../../../storage/db';
import { createIssue } from '../../../storage/issues';
import { addDraft } from '../storage/helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await db.clips.clear();
  await db.issues.clear();
});
afterEach(cleanup);

const rows = () => document.querySelectorAll<HTMLElement>('li[data-index]');

describe('Inbox › « a » held down', () => {
  it('puts one draft in the issue, not the drafts taking the keyboard after it', async () => {
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    await addDraft(db, { title: 'Budget des régions' });
    await addDraft(db, { title: 'Le café de Matignon' });
    await addDraft(db, { title: 'Remaniement' });
    render(
      <AnnouncerProvider>
        <Inbox onOpen={() => {}} pageSize={20} currentIssueId={issue.id} />
      </AnnouncerProvider>,
    );
    await waitFor(() => expect(rows()).toHaveLength(3));
    const first = rows()[0]!;
    first.focus();
    fireEvent.keyDown(first, { key: 'a' });
    await waitFor(() => expect(rows()).toHaveLength(2));

    // The key still down: repeats land on whichever row has the keyboard now.
    const next =
      (document.activeElement as HTMLElement | null)?.closest('li[data-index]') ?? rows()[0]!;
    fireEvent.keyDown(next, { key: 'a', repeat: true });
    fireEvent.keyDown(next, { key: 'a', repeat: true });
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(rows()).toHaveLength(2);
    expect((await db.clips.toArray()).filter((d) => d.issueId).map((d) => d.title)).toEqual([
      'Remaniement',
    ]);
  });
});
