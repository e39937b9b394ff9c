import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IssueView } from '../../../components/IssueView';
import { useOnlyIssue } from '../../../components/useOnlyIssue';
import { useStorageItem } from '../../../components/useStorageItem';
import { setLocale } from '../../../locales/core';
import { registerHandlers, type Handlers } from '../../../messaging/protocol';
import { db } from '../../../storage/db';
import { addToIssue, createIssue } from '../../../storage/issues';
import { currentIssueId as currentIssueItem, issueFellBack } from '../../../storage/settings';
import type { SyncIssueDeleted, SyncTakenOut } from '../../../storage/sync-state';
import { deskState } from '../desk-fixtures';
import { addDraft } from '../storage/helpers';
import { wrap } from './desk-views';

/**
 * The issue's column tells the items colleagues took out of it (SyncState.takenOut, written by
 * the sync): who, where each went, « Ouvrir » where it is now, « Fermer ».
 */

let calls: Array<[string, unknown]>;
let unregister: () => void;
let opened: string[];

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  calls = [];
  opened = [];
  unregister = registerHandlers({
    syncDismissTakenOut: async (request: unknown) => {
      calls.push(['syncDismissTakenOut', request]);
      return { ...deskState('editor'), pending: 0, conflicts: 0, refusals: 0 };
    },
  } as unknown as Handlers);
  await Promise.all([db.clips.clear(), db.issues.clear(), db.syncState.clear()]);
});
afterEach(() => {
  unregister();
  cleanup();
  setLocale('fr');
});

/** The issue of the 15th of March with one item left, and the issue of the 22nd. */
async function issues() {
  const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
  const other = await createIssue({ title: 'Les indiscrets du 22 mars', date: '2026-03-22' });
  const left = await addDraft(db, { title: 'Reste', label: 'OVH reste' });
  await addToIssue(left.id, issue.id);
  return { issue, other, left };
}

const notice = (patch: Partial<SyncTakenOut> & Pick<SyncTakenOut, 'recordId' | 'issueId'>) =>
  ({
    key: `draft:${patch.recordId}`,
    title: 'Bpifrance recrute…',
    to: 'inbox',
    by: 'Paul Martin',
    at: '2026-03-15T10:00:00.000Z',
    ...patch,
  }) as SyncTakenOut;

const show = async (issueId: string, takenOut: SyncTakenOut[]) => {
  await db.syncState.put(deskState('editor', { takenOut }));
  wrap(
    <IssueView
      currentIssueId={issueId}
      onSelectIssue={() => {}}
      onOpenDraft={(id) => opened.push(id)}
    />,
  );
  return screen.findByTestId('taken-out');
};

describe('the issue column › items a colleague took out', () => {
  it('one item: who took it out, as a status, « Ouvrir » where it is now and « Fermer »', async () => {
    const { issue } = await issues();
    const shown = await show(issue.id, [notice({ recordId: 'd1', issueId: issue.id })]);

    expect(shown.textContent).toContain(
      'Paul Martin a retiré «\u00a0Bpifrance recrute…\u00a0» du numéro.',
    );
    expect(shown.getAttribute('role')).toBe('status');
    // In the issue's column, with its items.
    expect(shown.closest('section.issue')).not.toBeNull();
    fireEvent.click(within(shown).getByRole('button', { name: 'Ouvrir' }));
    expect(opened).toEqual(['d1']);
    fireEvent.click(within(shown).getByRole('button', { name: 'Fermer' }));
    await waitFor(() => expect(calls).toEqual([['syncDismissTakenOut', { keys: ['draft:d1'] }]]));
  });

  it('says each way out: moved to another issue (as the picker names it), trashed, merged', async () => {
    const { issue, other } = await issues();
    await show(issue.id, [
      notice({ recordId: 'd1', issueId: issue.id, to: 'issue', toIssueId: other.id }),
    ]);
    expect(screen.getByTestId('taken-out').textContent).toContain(
      'Paul Martin a déplacé «\u00a0Bpifrance recrute…\u00a0» vers «\u00a0Les indiscrets du 22 mars\u00a0».',
    );
    cleanup();

    await show(issue.id, [notice({ recordId: 'd2', issueId: issue.id, to: 'trash' })]);
    expect(screen.getByTestId('taken-out').textContent).toContain(
      'Paul Martin a mis «\u00a0Bpifrance recrute…\u00a0» à la corbeille.',
    );
    cleanup();

    const shown = await show(issue.id, [
      notice({
        recordId: 'd3',
        issueId: issue.id,
        to: 'merged',
        mergedInto: 'd9',
        mergedIntoTitle: 'Le yacht du ministre',
        by: undefined,
      }),
    ]);
    expect(shown.textContent).toContain(
      '«\u00a0Bpifrance recrute…\u00a0» a été fusionné dans «\u00a0Le yacht du ministre\u00a0».',
    );
    // Opens the draft it went into, where its text now is.
    fireEvent.click(within(shown).getByRole('button', { name: 'Ouvrir' }));
    expect(opened).toEqual(['d9']);
  });

  it('names an issue or a draft not here yet in words, not quoted as a title', async () => {
    const { issue } = await issues();
    await show(issue.id, [
      notice({ recordId: 'd1', issueId: issue.id, to: 'issue', toIssueId: 'not-here' }),
    ]);
    expect(screen.getByTestId('taken-out').textContent).toContain(
      'Paul Martin a déplacé «\u00a0Bpifrance recrute…\u00a0» vers un autre numéro.',
    );
    cleanup();

    const shown = await show(issue.id, [
      notice({ recordId: 'd2', issueId: issue.id, to: 'merged', mergedInto: 'd9' }),
    ]);
    expect(shown.textContent).toContain(
      'Paul Martin a fusionné «\u00a0Bpifrance recrute…\u00a0» dans un autre brouillon.',
    );
  });

  it('names the issue and the draft once a later sync brings them, as the notice shows', async () => {
    const { issue } = await issues();
    // Known by id only: the sync kept the notices before this browser had them.
    const later = await createIssue({ title: 'Les indiscrets du 29 mars', date: '2026-03-29' });
    const into = await addDraft(db, { title: 'Le yacht du ministre' });
    await db.issues.delete(later.id);
    await db.clips.delete(into.id);
    const shown = await show(issue.id, [
      notice({ recordId: 'd1', issueId: issue.id, title: 'Un', to: 'issue', toIssueId: later.id }),
      notice({
        recordId: 'd2',
        issueId: issue.id,
        title: 'Deux',
        to: 'merged',
        mergedInto: into.id,
      }),
    ]);
    const lines = () => [...shown.querySelectorAll('li')].map((li) => li.firstChild!.textContent);
    expect(lines()).toEqual([
      '«\u00a0Un\u00a0»\u00a0: déplacé vers un autre numéro',
      '«\u00a0Deux\u00a0»\u00a0: fusionné dans un autre brouillon',
    ]);

    // The next sync brings them: named in the notice on screen, « Ouvrir » too.
    await db.issues.put(later);
    await db.clips.put(into);
    await waitFor(() =>
      expect(lines()).toEqual([
        '«\u00a0Un\u00a0»\u00a0: déplacé vers «\u00a0Les indiscrets du 29 mars\u00a0»',
        '«\u00a0Deux\u00a0»\u00a0: fusionné dans «\u00a0Le yacht du ministre\u00a0»',
      ]),
    );
    within(shown).getByRole('button', { name: 'Ouvrir «\u00a0Le yacht du ministre\u00a0»' });

    // Renamed since: the name it has now.
    await db.clips.update(into.id, { title: 'Le yacht de la ministre' });
    await waitFor(() =>
      expect(lines()[1]).toBe(
        '«\u00a0Deux\u00a0»\u00a0: fusionné dans «\u00a0Le yacht de la ministre\u00a0»',
      ),
    );
  });

  it('is shown once the draft it went into is read, never first as « un autre brouillon »', async () => {
    const { issue } = await issues();
    const into = await addDraft(db, { title: 'Le yacht du ministre' });
    // As the notice first appears (a status is read out as it changes): the draft named.
    const shown = await show(issue.id, [
      notice({ recordId: 'd2', issueId: issue.id, to: 'merged', mergedInto: into.id }),
    ]);
    expect(shown.textContent).toContain(
      'Paul Martin a fusionné «\u00a0Bpifrance recrute…\u00a0» dans «\u00a0Le yacht du ministre\u00a0».',
    );
  });

  it('several at once: one notice, a line each, one « Fermer » for all', async () => {
    const { issue, other } = await issues();
    const shown = await show(issue.id, [
      notice({ recordId: 'd1', issueId: issue.id, title: 'Un' }),
      notice({ recordId: 'd2', issueId: issue.id, title: 'Deux', to: 'trash' }),
      notice({
        recordId: 'd3',
        issueId: issue.id,
        title: 'Trois',
        to: 'issue',
        toIssueId: other.id,
      }),
    ]);

    expect(screen.getAllByTestId('taken-out')).toHaveLength(1);
    expect(shown.querySelector('p')!.textContent).toBe(
      'Paul Martin a retiré 3 indiscrets du numéro\u00a0:',
    );
    const lines = [...shown.querySelectorAll('li')].map((li) => li.firstChild!.textContent);
    expect(lines).toEqual([
      '«\u00a0Un\u00a0»\u00a0: remis dans les brouillons',
      '«\u00a0Deux\u00a0»\u00a0: mis à la corbeille',
      '«\u00a0Trois\u00a0»\u00a0: déplacé vers «\u00a0Les indiscrets du 22 mars\u00a0»',
    ]);
    fireEvent.click(within(shown).getByRole('button', { name: 'Ouvrir «\u00a0Deux\u00a0»' }));
    expect(opened).toEqual(['d2']);
    fireEvent.click(within(shown).getByRole('button', { name: 'Fermer' }));
    await waitFor(() =>
      expect(calls).toEqual([
        ['syncDismissTakenOut', { keys: ['draft:d1', 'draft:d2', 'draft:d3'] }],
      ]),
    );
  });

  it('several hands: the notice names nobody at its head, each line who did it', async () => {
    const { issue } = await issues();
    const shown = await show(issue.id, [
      notice({ recordId: 'd1', issueId: issue.id, title: 'Un' }),
      notice({ recordId: 'd2', issueId: issue.id, title: 'Deux', by: 'Léa Roux' }),
    ]);

    expect(shown.querySelector('p')!.textContent).toBe(
      '2 indiscrets ont été retirés du numéro\u00a0:',
    );
    expect(shown.textContent).toContain(
      '«\u00a0Deux\u00a0»\u00a0: remis dans les brouillons, par Léa Roux',
    );
  });

  it('not in another issue’s column, nor for an item the list shows again', async () => {
    const { issue, other, left } = await issues();
    const shown = await show(issue.id, [
      notice({ recordId: 'd1', issueId: other.id, title: 'Ailleurs' }),
      notice({ recordId: left.id, issueId: issue.id, title: 'OVH reste' }),
      notice({ recordId: 'd2', issueId: issue.id, title: 'Parti' }),
    ]);

    // The one item of this issue that is not in its list, alone: not a group of three.
    expect(shown.textContent).toContain('Paul Martin a retiré «\u00a0Parti\u00a0» du numéro.');
    expect(shown.textContent).not.toContain('Ailleurs');
    expect(shown.textContent).not.toContain('OVH reste');
  });

  it('in English', async () => {
    setLocale('en');
    const { issue, other } = await issues();
    await show(issue.id, [
      notice({ recordId: 'd1', issueId: issue.id, to: 'issue', toIssueId: other.id }),
    ]);

    expect(screen.getByTestId('taken-out').textContent).toContain(
      'Paul Martin moved “Bpifrance recrute…” to “Les indiscrets du 22 mars”.',
    );
    expect(screen.getByRole('button', { name: 'Open' })).toBeTruthy();
  });

  describe('an issue a colleague deleted', () => {
    const deleted = (patch: Partial<SyncIssueDeleted> = {}): SyncIssueDeleted => ({
      key: 'issue:gone',
      issueId: 'gone',
      title: 'Les indiscrets du 22 mars',
      date: '2026-03-22',
      items: 3,
      by: 'Paul Martin',
      at: '2026-03-15T10:00:00.000Z',
      ...patch,
    });
    /**
     * The column on `currentIssueId`, chosen in this browser as the app keeps it (the setting
     * the notice reads), after it fell back from `fellBackFrom` when given.
     */
    const showDeleted = async (
      currentIssueId: string,
      issuesDeleted: SyncIssueDeleted[],
      fellBackFrom?: string[],
    ) => {
      await db.syncState.put(deskState('editor', { issuesDeleted }));
      await currentIssueItem.setValue(currentIssueId);
      if (fellBackFrom) await issueFellBack.setValue({ from: fellBackFrom, to: currentIssueId });
      wrap(
        <IssueView
          currentIssueId={currentIssueId}
          onSelectIssue={() => {}}
          onOpenDraft={() => {}}
        />,
      );
      return screen.findByTestId('issue-deleted');
    };

    it('says who deleted it and where its items went, where it was open, with « Fermer »', async () => {
      await issues();
      // The issue open here is gone: the column has no issue chosen.
      const shown = await showDeleted('gone', [deleted()]);

      expect(shown.textContent).toContain(
        'Paul Martin a supprimé le numéro «\u00a0Les indiscrets du 22 mars\u00a0». ' +
          'Ses 3 indiscrets sont remis dans les brouillons.',
      );
      expect(shown.getAttribute('role')).toBe('status');
      expect(screen.getByText('Choisissez ou créez un numéro.')).toBeTruthy();
      fireEvent.click(within(shown).getByRole('button', { name: 'Fermer' }));
      await waitFor(() =>
        expect(calls).toEqual([['syncDismissTakenOut', { keys: ['issue:gone'] }]]),
      );
    });

    it('in the column of the issue the app fell back to, impersonal, one item, named by its date', async () => {
      const { issue } = await issues();
      const shown = await showDeleted(
        issue.id,
        [deleted({ by: undefined, items: 1, title: '' })],
        ['gone'],
      );

      expect(shown.closest('section.issue')).not.toBeNull();
      expect(shown.textContent).toContain(
        'Un autre membre de la rédaction a supprimé le numéro «\u00a0Les indiscrets du 22 mars\u00a0». ' +
          '1 indiscret est remis dans les brouillons.',
      );
    });

    it('not in a column that had another issue open when it went, nor once another is chosen', async () => {
      const { issue, other } = await issues();
      const elsewhere = deleted({ key: 'issue:elsewhere', issueId: 'elsewhere', by: 'Léa Roux' });
      // Fell back from « gone » to the 15th's: said; « elsewhere » was never open here.
      const shown = await showDeleted(issue.id, [elsewhere, deleted()], ['gone']);
      expect(shown.textContent).toContain('Paul Martin a supprimé');
      expect(shown.textContent).not.toContain('Léa Roux');

      // The editor chooses the 22nd's: another issue's column, which says nothing of either.
      cleanup();
      await currentIssueItem.setValue(other.id);
      // An item taken out of the 22nd's too: its notice drawn, the sync state was read.
      await db.syncState.put(
        deskState('editor', {
          issuesDeleted: [elsewhere, deleted()],
          takenOut: [notice({ recordId: 'd9', issueId: other.id, title: 'Parti' })],
        }),
      );
      wrap(<IssueView currentIssueId={other.id} onSelectIssue={() => {}} onOpenDraft={() => {}} />);
      await screen.findByTestId('taken-out');
      expect(screen.queryByTestId('issue-deleted')).toBeNull();
    });

    it('the column that had it open remembers it fell back to the only issue left, over a reload too', async () => {
      const only = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
      // The column as the app keeps its issue (App.tsx): the one chosen is gone.
      function Column() {
        const chosen = useStorageItem(currentIssueItem);
        useOnlyIssue(chosen, (id) => void currentIssueItem.setValue(id));
        return <p data-testid="chosen">{chosen ?? ''}</p>;
      }
      await currentIssueItem.setValue('gone');
      wrap(<Column />);
      await waitFor(() => expect(screen.getByTestId('chosen').textContent).toBe(only.id));
      expect(await issueFellBack.getValue()).toEqual({ from: ['gone'], to: only.id });

      // That one deleted too, another left: both remembered, the last last.
      const next = await createIssue({ title: 'Les indiscrets du 22 mars', date: '2026-03-22' });
      await db.issues.delete(only.id);
      await waitFor(() => expect(screen.getByTestId('chosen').textContent).toBe(next.id));
      expect(await issueFellBack.getValue()).toEqual({ from: ['gone', only.id], to: next.id });
    });

    it('a second open view falling back after the first keeps the chain it noted', async () => {
      const only = await createIssue({ title: 'Les indiscrets du 29 mars', date: '2026-03-29' });
      // « gone » then « next » deleted: the popup fell back from next, after gone, to the only
      // one left; the desk, which had next too, falls back in its turn.
      await issueFellBack.setValue({ from: ['gone', 'next'], to: only.id });
      const chosen: string[] = [];
      function Desk() {
        useOnlyIssue('next', (id) => chosen.push(id));
        return null;
      }
      wrap(<Desk />);
      await waitFor(() => expect(chosen).toEqual([only.id]));

      expect(await issueFellBack.getValue()).toEqual({ from: ['gone', 'next'], to: only.id });
    });

    /** The column as App.tsx keeps its issue, with its picker and its new-issue form. */
    function Column() {
      const chosen = useStorageItem(currentIssueItem);
      if (chosen === undefined) return null;
      return (
        <IssueView
          currentIssueId={chosen}
          onSelectIssue={(id) => void currentIssueItem.setValue(id)}
          onOpenDraft={() => {}}
        />
      );
    }

    it('not once the editor picked another issue, even back to the one fallen back to', async () => {
      const { issue, other } = await issues();
      await db.syncState.put(deskState('editor', { issuesDeleted: [deleted()] }));
      await currentIssueItem.setValue(issue.id);
      await issueFellBack.setValue({ from: ['gone'], to: issue.id });
      wrap(<Column />);
      await screen.findByTestId('issue-deleted');

      const pick = () => screen.getByRole('combobox', { name: 'Numéro en cours' });
      fireEvent.change(pick(), { target: { value: other.id } });
      await waitFor(() => expect(screen.queryByTestId('issue-deleted')).toBeNull());
      fireEvent.change(pick(), { target: { value: issue.id } });
      await waitFor(async () => expect(await currentIssueItem.getValue()).toBe(issue.id));
      await screen.findByText('Les indiscrets du 15 mars', { selector: 'option:checked' });

      expect(screen.queryByTestId('issue-deleted')).toBeNull();
      expect(await issueFellBack.getValue()).toBeNull();
    });

    it('not once the editor created an issue', async () => {
      const { issue } = await issues();
      await db.syncState.put(deskState('editor', { issuesDeleted: [deleted()] }));
      await currentIssueItem.setValue(issue.id);
      await issueFellBack.setValue({ from: ['gone'], to: issue.id });
      wrap(<Column />);
      await screen.findByTestId('issue-deleted');

      fireEvent.click(screen.getByTestId('new-issue'));
      fireEvent.click(await screen.findByRole('button', { name: 'Créer le numéro' }));
      await waitFor(async () => expect(await currentIssueItem.getValue()).not.toBe(issue.id));

      expect(await issueFellBack.getValue()).toBeNull();
    });

    it('« Fermer » closes only the notices it says', async () => {
      await issues();
      const elsewhere = deleted({ key: 'issue:elsewhere', issueId: 'elsewhere' });
      const shown = await showDeleted('gone', [elsewhere, deleted()]);
      fireEvent.click(within(shown).getByRole('button', { name: 'Fermer' }));
      await waitFor(() =>
        expect(calls).toEqual([['syncDismissTakenOut', { keys: ['issue:gone'] }]]),
      );
    });

    it('in English', async () => {
      setLocale('en');
      await issues();
      const shown = await showDeleted('gone', [deleted()]);
      expect(shown.textContent).toContain(
        'Paul Martin deleted the issue “Les indiscrets du 22 mars”. Its 3 items are back in the drafts.',
      );
    });
  });
});
