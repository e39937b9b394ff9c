/**
 * An undo in the popup shows what it brought back: the issue put back, chosen in the « Numéro »
 * tab; an item of an issue, in that tab with its issue chosen; a draft of the inbox, in the
 * « Brouillons » tab. Whichever tab the editor undid it from, and in a popup opened again after
 * a click outside closed the one where the action was done.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../components/App';
import { db } from '../../../storage/db';
import { addToIssue, createIssue } from '../../../storage/issues';
import { currentIssueId } from '../../../storage/settings';
import { addDraft } from '../storage/helpers';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await Promise.all([db.clips.clear(), db.issues.clear()]);
});
afterEach(cleanup);

const tab = (name: string) => screen.getByRole('tab', { name });
const selectedTab = () => screen.getAllByRole('tab').find((t) => t.ariaSelected === 'true');
const picker = () => screen.findByLabelText<HTMLSelectElement>('Numéro en cours');
const undoButton = async () =>
  within(await screen.findByTestId('undo-bar')).getByRole('button', { name: 'Annuler' });
const itemTitles = () =>
  screen
    .queryAllByTestId('issue-item')
    .map((item) => item.querySelector<HTMLElement>('.issue-item__title'));

/** The issue of the 15th of March, chosen, holding a draft titled « OVH ». */
async function currentIssue() {
  const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
  const item = await addDraft(db, { title: 'OVH', body: '<p>OVH</p>' });
  await addToIssue(item.id, issue.id);
  await currentIssueId.setValue(issue.id);
  return { issue, item };
}

describe('an undo in the popup', () => {
  it('shows the issue put back in « Numéro », chosen, when undone from « Brouillons »', async () => {
    const { issue } = await currentIssue();
    render(<App layout="popup" />);
    fireEvent.click(tab('Numéro'));
    fireEvent.click(await screen.findByRole('button', { name: 'Supprimer le numéro' }));
    await screen.findByTestId('undo-bar');
    // Its item went back to the drafts: the editor goes to see it there.
    fireEvent.click(tab('Brouillons'));
    await waitFor(() => expect(screen.queryAllByTestId('draft')).toHaveLength(1));

    fireEvent.click(await undoButton());

    await waitFor(() => expect(selectedTab()?.textContent).toBe('Numéro'));
    await waitFor(async () => expect((await picker()).value).toBe(issue.id));
    await waitFor(() => expect(itemTitles()).toHaveLength(1));
  });

  it('shows an item trashed in a popup since closed back in its issue, from a popup opened on « Brouillons »', async () => {
    const { issue, item } = await currentIssue();
    const first = render(<App layout="popup" />);
    fireEvent.click(tab('Numéro'));
    await waitFor(() => expect(itemTitles()).toHaveLength(1));
    fireEvent.click(itemTitles()[0]!);
    fireEvent.click(await screen.findByRole('button', { name: 'Supprimer' }));
    await screen.findByTestId('undo-bar');
    await waitFor(async () => expect((await db.clips.get(item.id))?.deletedAt).toBeDefined());
    // A click outside closes the popup; the issue chosen meanwhile is another one.
    first.unmount();
    const other = await createIssue({ title: 'Les indiscrets du 22 mars', date: '2026-03-22' });
    await currentIssueId.setValue(other.id);
    render(<App layout="popup" />);
    expect(selectedTab()?.textContent).toBe('Brouillons');

    fireEvent.click(await undoButton());

    await waitFor(() => expect(selectedTab()?.textContent).toBe('Numéro'));
    await waitFor(async () => expect((await picker()).value).toBe(issue.id));
    await waitFor(() => expect(itemTitles()).toHaveLength(1));
    expect((await db.clips.get(item.id))?.deletedAt).toBeUndefined();
  });

  it('shows a draft of the inbox merged from the « Numéro » tab back in « Brouillons »', async () => {
    await currentIssue();
    const source = await addDraft(db, { title: 'Budget des régions' });
    const target = await addDraft(db, { title: 'Remaniement' });
    render(<App layout="popup" />);
    fireEvent.click(await screen.findByText('Budget des régions'));
    fireEvent.click(await screen.findByRole('button', { name: 'Fusionner dans…' }));
    fireEvent.click(
      await within(await screen.findByTestId('merge-dialog')).findByRole('button', {
        name: /Remaniement/,
      }),
    );
    await screen.findByTestId('undo-bar');
    await waitFor(async () => expect(await db.clips.get(source.id)).toBeUndefined());
    fireEvent.click(tab('Numéro'));
    await screen.findByLabelText('Numéro en cours');

    fireEvent.click(await undoButton());

    await waitFor(() => expect(selectedTab()?.textContent).toBe('Brouillons'));
    await screen.findByText('Budget des régions');
    expect(await db.clips.get(target.id)).toBeDefined();
  });
});
