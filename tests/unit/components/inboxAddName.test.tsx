/**
 * The inbox putting a draft in the issue (« a » on its row, its « Ajouter au numéro ») says it by
 * the item's name as the issue list shows it, not by the source page's title, where that list is
 * beside it (the desk); the popup, which shows the drafts or the issue, says the row's own name.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AnnouncerProvider } from '../../../components/Announcer';
import { Inbox } from '../../../components/Inbox';
import { createHouseStyle } from '../../../export/house-style';
import { db } from '../../../storage/db';
import { createIssue } from '../../../storage/issues';
import { houseStyleItem } from '../../../storage/preferences';
import { addDraft } from '../storage/helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await db.clips.clear();
  await db.issues.clear();
});
afterEach(cleanup);

async function pressA() {
  await waitFor(() => expect(document.querySelector('li[data-index]')).not.toBeNull());
  const row = document.querySelector<HTMLElement>('li[data-index]')!;
  row.focus();
  fireEvent.keyDown(row, { key: 'a' });
}

const said = () => screen.getByTestId('announcement').textContent;

/** A draft whose first words differ from its title, as the issue list and the row name it. */
const BILL = {
  title: 'Le projet de loi sur le renseignement massivement approuvé',
  body: '<p>Les députés ont, sans surprise, adopté le texte mardi.</p>',
};

/** The inbox, adding to `currentIssueId`; `issueBeside`: the desk's, its issue list beside it. */
function renderInbox(currentIssueId: string, issueBeside: boolean) {
  render(
    <AnnouncerProvider>
      <Inbox
        onOpen={() => {}}
        pageSize={20}
        currentIssueId={currentIssueId}
        issueBeside={issueBeside}
      />
    </AnnouncerProvider>,
  );
}

describe('Inbox › a draft put in the issue, said', () => {
  it('names it by its first words, as the issue list does, not by its page’s title', async () => {
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    await addDraft(db, {
      ...BILL,
    });
    renderInbox(issue.id, true);
    await pressA();

    await waitFor(() =>
      expect(said()).toBe(
        '«\u00a0Les députés ont, sans surprise, adopté…\u00a0» ajouté au numéro.',
      ),
    );
  });

  it('names it by the label the editor gave it, in the house style, as the list does', async () => {
    await houseStyleItem.setValue(createHouseStyle({ locale: 'fr' }));
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    await addDraft(db, {
      title: 'Page title',
      label: 'L\'affaire "X"',
      body: '<p>Un texte.</p>',
    });
    renderInbox(issue.id, true);
    await pressA();

    await waitFor(() => expect(said()).toBe('«\u00a0L’affaire “X”\u00a0» ajouté au numéro.'));
  });

  it('names a draft already in an issue (every draft searched) as its issue’s list does', async () => {
    const other = await createIssue({ title: 'Les indiscrets du 8 mars', date: '2026-03-08' });
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    await addDraft(db, {
      ...BILL,
      issueId: other.id,
      sortKey: 'a0',
    });
    renderInbox(issue.id, true);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Où chercher' }), {
      target: { value: 'all' },
    });
    await pressA();

    await waitFor(() =>
      expect(said()).toBe(
        '«\u00a0Les députés ont, sans surprise, adopté…\u00a0» est déjà dans un numéro.',
      ),
    );
  });
});

describe('Inbox › a draft put in the issue from the popup (no issue list beside), said', () => {
  it('names it as its row does, by its title, not by the issue list’s name the popup does not show', async () => {
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    await addDraft(db, {
      ...BILL,
    });
    renderInbox(issue.id, false);
    await pressA();

    await waitFor(() =>
      expect(said()).toBe(
        '«\u00a0Le projet de loi sur le renseignement massivement approuvé\u00a0» ajouté au numéro.',
      ),
    );
  });

  it('names a draft already in an issue as its row does', async () => {
    const other = await createIssue({ title: 'Les indiscrets du 8 mars', date: '2026-03-08' });
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    await addDraft(db, {
      ...BILL,
      issueId: other.id,
      sortKey: 'a0',
    });
    renderInbox(issue.id, false);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Où chercher' }), {
      target: { value: 'all' },
    });
    await pressA();

    await waitFor(() =>
      expect(said()).toBe(
        '«\u00a0Le projet de loi sur le renseignement massivement approuvé\u00a0» est déjà dans un numéro.',
      ),
    );
  });
});
