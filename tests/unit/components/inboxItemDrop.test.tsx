/**
 * An issue's item dragged out of the issue and dropped on the desk's inbox: taken out of the
 * issue as « Retirer » takes it (an inbox draft again, its text whole), said by the undo bar that
 * offers to put it back in its place; the inbox shown as a drop target while the drag is over it;
 * refused with « Retirer »'s reason to a role that may not take items out.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Desk } from '../../../components/Desk';
import { db } from '../../../storage/db';
import { addToIssue, createIssue, issueItems } from '../../../storage/issues';
import { deskState } from '../desk-fixtures';
import { addDraft } from '../storage/helpers';
import { clearSharedDesk, recordSpoken, wrap } from './desk-views';

const TITLES = ['OVH', 'Mauboussin', 'Lina Khan'];

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await clearSharedDesk({ clips: true, issues: true });
});
afterEach(cleanup);

/** The desk on an issue of three items, and « Free » in its inbox. */
async function openDesk() {
  const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
  for (const title of TITLES) {
    const draft = await addDraft(db, { title, body: `<p>${title}</p>`, label: title });
    await addToIssue(draft.id, issue.id);
  }
  await addDraft(db, { title: 'Free', body: '<p>Le texte de Free.</p>' });
  wrap(<Desk header={null} currentIssueId={issue.id} onSelectIssue={() => {}} />);
  await waitFor(() => expect(screen.getAllByTestId('issue-item')).toHaveLength(3));
  await screen.findByText('Free');
  return issue;
}

const inbox = () => document.querySelector<HTMLElement>('section.inbox')!;
const item = (title: string) =>
  screen.getAllByTestId('issue-item').find((row) => row.textContent?.includes(title))!;

/** A drag of the issue's item `title` as the browser starts it, its data shared by its events. */
function dragItem(title: string) {
  const data = new Map<string, string>();
  const dataTransfer = {
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    effectAllowed: 'all',
    dropEffect: 'none',
  };
  const from = item(title);
  from.focus();
  fireEvent.dragStart(from, { dataTransfer });
  return {
    /** Over `to`: whether it takes the drop (cancels dragover). */
    over: (to: HTMLElement) => !fireEvent.dragOver(to, { dataTransfer }),
    drop: (to: HTMLElement) => {
      fireEvent.drop(to, { dataTransfer });
      fireEvent.dragEnd(from, { dataTransfer });
    },
  };
}

const titles = async (issueId: string) => (await issueItems(issueId)).map((draft) => draft.title);

describe('Inbox › an issue’s item dropped on it (the desk)', () => {
  it('takes the item out of the issue, its text whole, said with « Annuler » that puts it back', async () => {
    const issue = await openDesk();
    const spoken = recordSpoken();

    const drag = dragItem('Mauboussin');
    // Dropped on a draft's row of the inbox, as on its empty part.
    const onto = screen.getByText('Free').closest('article')!;
    expect(drag.over(onto)).toBe(true);
    drag.drop(onto);

    // Before, nothing: the item stayed, nothing was said.
    await waitFor(async () => expect(await titles(issue.id)).toEqual(['OVH', 'Lina Khan']));
    const draft = (await db.clips.toArray()).find((clip) => clip.title === 'Mauboussin')!;
    expect(draft.issueId).toBeFalsy();
    expect(draft.body).toBe('<p>Mauboussin</p>');
    expect(draft.label).toBe('Mauboussin');
    await waitFor(() => expect(spoken).toContain('«\u00a0Mauboussin\u00a0» retiré du numéro.'));
    // An inbox draft again: its row in the inbox, the keyboard on it.
    await waitFor(() => {
      expect(inbox().contains(document.activeElement)).toBe(true);
      expect(document.activeElement?.textContent).toContain('Mauboussin');
    });

    fireEvent.click(
      within(screen.getByTestId('undo-bar')).getByRole('button', { name: /Annuler/ }),
    );
    await waitFor(async () =>
      expect(await titles(issue.id)).toEqual(['OVH', 'Mauboussin', 'Lina Khan']),
    );
  });

  it('leaves the keyboard on the inbox, not on the page’s body, when a search does not show the item', async () => {
    const issue = await openDesk();
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'Free' } });
    await waitFor(() => expect(screen.getAllByTestId('draft')).toHaveLength(1));

    const drag = dragItem('Mauboussin');
    drag.over(inbox());
    drag.drop(inbox());
    await waitFor(async () => expect(await titles(issue.id)).toEqual(['OVH', 'Lina Khan']));
    // Before, on the page's body once its row left the issue: ↓ did nothing.
    await waitFor(() => expect(document.activeElement).toBe(inbox()));
  });

  it('shows the inbox as a drop target while the item is over it, and no longer once it left', async () => {
    await openDesk();

    const drag = dragItem('OVH');
    expect(drag.over(inbox())).toBe(true);
    expect(inbox().classList.contains('inbox--drop')).toBe(true);
    fireEvent.dragLeave(inbox(), { relatedTarget: document.body });
    expect(inbox().classList.contains('inbox--drop')).toBe(false);
    drag.over(inbox());
    drag.drop(inbox());
    expect(inbox().classList.contains('inbox--drop')).toBe(false);
  });

  it('takes no draft of the inbox as a drop on itself (a draft dragged onto the inbox’s space)', async () => {
    await openDesk();
    const data = new Map<string, string>();
    const dataTransfer = {
      get types() {
        return [...data.keys()];
      },
      setData: (type: string, value: string) => data.set(type, value),
      getData: (type: string) => data.get(type) ?? '',
    };
    fireEvent.dragStart(screen.getByText('Free').closest('article')!, { dataTransfer });
    expect(!fireEvent.dragOver(inbox(), { dataTransfer })).toBe(false);
    expect(inbox().classList.contains('inbox--drop')).toBe(false);
  });

  it('refuses it to a Contributor with « Retirer »’s reason, the item left in the issue', async () => {
    await db.syncState.put(deskState('contributor'));
    const issue = await openDesk();
    const spoken = recordSpoken();

    // Their list cannot be dragged; a drag from another desk window can still come.
    const drag = dragItem('Mauboussin');
    drag.over(inbox());
    drag.drop(inbox());

    await waitFor(() =>
      expect(spoken).toContain(
        'Vous êtes Contributeur\u00a0: mettre un brouillon dans le numéro ou l’en retirer revient à un Éditeur.',
      ),
    );
    expect(await titles(issue.id)).toEqual(['OVH', 'Mauboussin', 'Lina Khan']);
  });
});

describe('Inbox › an item dropped on it, what the drafts then show said with its undo', () => {
  const bar = () => screen.getByTestId('undo-bar').querySelector('span')?.textContent;

  it('says the drafts out of the issues shown when it was dropped on the trash', async () => {
    await openDesk();
    fireEvent.change(screen.getByRole('combobox', { name: 'Où chercher' }), {
      target: { value: 'trash' },
    });
    await waitFor(() => expect(screen.queryByText('Free')).toBeNull());
    const spoken = recordSpoken();

    const drag = dragItem('Mauboussin');
    drag.over(inbox());
    drag.drop(inbox());

    const said =
      '«\u00a0Mauboussin\u00a0» retiré du numéro. Les brouillons hors numéro sont affichés.';
    // Before, only the take-out was said: the list changed under a screen reader, unsaid.
    await waitFor(() => expect(spoken).toContain(said));
    expect(bar()).toBe(said);
  });

  it('says the search hides it, when it does', async () => {
    await openDesk();
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'Free' } });
    await waitFor(() => expect(screen.getAllByTestId('draft')).toHaveLength(1));
    const spoken = recordSpoken();

    const drag = dragItem('Mauboussin');
    drag.over(inbox());
    drag.drop(inbox());

    const said =
      '«\u00a0Mauboussin\u00a0» retiré du numéro. La recherche le masque dans les brouillons\u00a0: effacez-la pour le voir.';
    await waitFor(() => expect(spoken).toContain(said));
    expect(bar()).toBe(said);
    // The search kept as typed.
    expect(screen.getByTestId<HTMLInputElement>('search').value).toBe('Free');
  });

  it('says the filters hide it, when one does', async () => {
    await openDesk();
    await db.clips.filter((clip) => clip.title === 'Free').modify({ status: 'ready' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Statut' }), {
      target: { value: 'ready' },
    });
    await waitFor(() => expect(screen.getAllByTestId('draft')).toHaveLength(1));

    const drag = dragItem('Mauboussin');
    drag.over(inbox());
    drag.drop(inbox());

    await waitFor(() =>
      expect(bar()).toBe(
        '«\u00a0Mauboussin\u00a0» retiré du numéro. La recherche ou les filtres le masquent dans les brouillons\u00a0: effacez-les pour le voir.',
      ),
    );
  });

  it('says nothing more when the search shows it', async () => {
    await openDesk();
    fireEvent.input(screen.getByTestId('search'), { target: { value: 'mauboussin' } });
    await waitFor(() => expect(screen.queryAllByTestId('draft')).toHaveLength(0));

    const drag = dragItem('Mauboussin');
    drag.over(inbox());
    drag.drop(inbox());

    await waitFor(() => expect(bar()).toBe('«\u00a0Mauboussin\u00a0» retiré du numéro.'));
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Mauboussin'));
  });
});
