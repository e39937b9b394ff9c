import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IssueView } from '../../../components/IssueView';
import { readItemsAhead, useIssueWorkspace } from '../../../components/useIssueWorkspace';
import { removeEarly } from '../../../components/deskSnapshot';
import { UndoProvider, useUndo } from '../../../components/Undo';
import { AnnouncerProvider } from '../../../components/Announcer';
import { db, type Issue } from '../../../storage/db';
import { trashDraft, updateDraft } from '../../../storage/drafts';
import {
  addToIssue,
  createIssue,
  deleteIssue,
  issueItems,
  markExported,
  moveItem,
} from '../../../storage/issues';
import { addDraft } from '../storage/helpers';
import { readSeed } from '../export/fixtures';
import { escapeHtml } from '../../../lib/html';
import { createHouseStyle } from '../../../storage/house-style';
import { toExportIssue } from '../../../export/from-issue';
import { prepareIssue } from '../../../export/prepare';
import { houseStyleItem } from '../../../storage/preferences';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await Promise.all([db.clips.clear(), db.issues.clear()]);
});
afterEach(cleanup);

/** An issue of the 15th of March holding drafts with these titles (and bodies), in order. */
async function issueWith(
  items: Array<{ title: string; body?: string; url?: string; label?: string }>,
) {
  const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
  for (const item of items) {
    const draft = await addDraft(db, item);
    await addToIssue(draft.id, issue.id);
  }
  return issue;
}

/**
 * The « Déplacer vers… » list of the item named `name` (its start), reached for (the options are
 * put in then) and `target` chosen in it: the button to move it shows.
 */
async function chooseMoveTarget(name: string, target: string) {
  const move = await screen.findByRole('combobox', {
    name: new RegExp(`^Déplacer «\u00a0${name}`),
  });
  fireEvent.focus(move);
  await waitFor(() => expect((move as HTMLSelectElement).options.length).toBeGreaterThan(1));
  fireEvent.change(move, { target: { value: target } });
}

const renderIssue = (issueId: string | null) =>
  render(
    <UndoProvider>
      <IssueView currentIssueId={issueId} onSelectIssue={() => {}} onOpenDraft={() => {}} />
    </UndoProvider>,
  );

/**
 * An issue of three items, named by their text's first words (the list, the moves and their
 * announcements use them), shown, and its rows.
 */
async function threeItems() {
  const issue = await issueWith([
    { title: 'OVH', body: '<p>OVH</p>' },
    { title: 'Mauboussin', body: '<p>Mauboussin</p>' },
    { title: 'Lina Khan', body: '<p>Lina Khan</p>' },
  ]);
  renderIssue(issue.id);
  return { issue, items: await screen.findAllByTestId('issue-item') };
}

const order = async (issueId: string) => (await issueItems(issueId)).map((item) => item.title);

describe('IssueView', () => {
  it('moves an item with Alt+arrow keys alone, and announces where it went', async () => {
    const { issue, items } = await threeItems();

    items[0]!.focus();
    fireEvent.keyDown(items[0]!, { key: 'ArrowDown', altKey: true });

    await waitFor(async () =>
      expect(await order(issue.id)).toEqual(['Mauboussin', 'OVH', 'Lina Khan']),
    );
    await waitFor(() =>
      expect(screen.getByTestId('reorder-announcement').textContent).toBe(
        '«\u00a0OVH\u00a0» déplacé en position 2 sur 3.',
      ),
    );
    // Focus follows the moved item, so a second press keeps moving it.
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^OVH, position 2/),
    );
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown', altKey: true });
    await waitFor(async () =>
      expect(await order(issue.id)).toEqual(['Mauboussin', 'Lina Khan', 'OVH']),
    );
  });

  it('moves an item two places for Alt+↓ pressed twice before the list is drawn again', async () => {
    const { issue, items } = await threeItems();

    // The key held down repeats faster than the database answers: both presses on the row
    // still drawn at the top.
    items[0]!.focus();
    fireEvent.keyDown(items[0]!, { key: 'ArrowDown', altKey: true });
    fireEvent.keyDown(items[0]!, { key: 'ArrowDown', altKey: true });

    await waitFor(async () =>
      expect(await order(issue.id)).toEqual(['Mauboussin', 'Lina Khan', 'OVH']),
    );
    await waitFor(() =>
      expect(screen.getByTestId('reorder-announcement').textContent).toBe(
        '«\u00a0OVH\u00a0» déplacé en position 3 sur 3.',
      ),
    );
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^OVH, position 3/),
    );
  });

  it('moves an item with Alt+arrow keys from its « Retirer », where « Annuler » puts the keyboard', async () => {
    const { issue } = await threeItems();
    const remove = screen.getByRole('button', {
      name: 'Retirer «\u00a0Lina Khan\u00a0» du numéro',
    });

    remove.focus();
    fireEvent.keyDown(remove, { key: 'ArrowUp', altKey: true });

    // Before, nothing moved and nothing was said: the keys were left to the button.
    await waitFor(async () =>
      expect(await order(issue.id)).toEqual(['OVH', 'Lina Khan', 'Mauboussin']),
    );
    await waitFor(() =>
      expect(screen.getByTestId('reorder-announcement').textContent).toBe(
        '«\u00a0Lina Khan\u00a0» déplacé en position 2 sur 3.',
      ),
    );
  });

  it('goes to the next or previous item with ↓ ↑ j k from an item’s « Retirer »', async () => {
    await threeItems();
    const remove = (name: string) =>
      screen.getByRole('button', { name: `Retirer «\u00a0${name}\u00a0» du numéro` });
    const focusedItem = () => document.activeElement?.getAttribute('aria-label');

    // Before, nothing: the keys the key list gives for it were left to the button.
    remove('OVH').focus();
    fireEvent.keyDown(remove('OVH'), { key: 'ArrowDown' });
    await waitFor(() => expect(focusedItem()).toBe('Mauboussin, position 2 sur 3'));
    remove('Lina Khan').focus();
    fireEvent.keyDown(remove('Lina Khan'), { key: 'k' });
    await waitFor(() => expect(focusedItem()).toBe('Mauboussin, position 2 sur 3'));
    remove('OVH').focus();
    fireEvent.keyDown(remove('OVH'), { key: 'j' });
    await waitFor(() => expect(focusedItem()).toBe('Mauboussin, position 2 sur 3'));
    remove('Mauboussin').focus();
    fireEvent.keyDown(remove('Mauboussin'), { key: 'ArrowUp' });
    await waitFor(() => expect(focusedItem()).toBe('OVH, position 1 sur 3'));
  });

  it('leaves the page where it is with ↓ or j on the last item’s « Retirer », ↑ or k on the first’s, as on their rows', async () => {
    const { issue } = await threeItems();
    const remove = (name: string) =>
      screen.getByRole('button', { name: `Retirer «\u00a0${name}\u00a0» du numéro` });

    // No item beyond: nothing, as on the row (the list's keys), where before the page scrolled.
    for (const [name, key] of [
      ['Lina Khan', 'ArrowDown'],
      ['Lina Khan', 'j'],
      ['OVH', 'ArrowUp'],
      ['OVH', 'k'],
    ] as const) {
      remove(name).focus();
      expect(fireEvent.keyDown(remove(name), { key }), `${key} on ${name}`).toBe(false);
      expect(document.activeElement).toBe(remove(name));
    }
    expect(await order(issue.id)).toEqual(['OVH', 'Mauboussin', 'Lina Khan']);
  });

  it('leaves Alt+↓ to an item’s « Déplacer vers… » list, which it opens', async () => {
    const issue = await issueWith([
      { title: 'OVH', body: '<p>OVH</p>' },
      { title: 'Mauboussin', body: '<p>Mauboussin</p>' },
    ]);
    // Another issue: the list shows.
    await createIssue({ title: 'Les indiscrets du 22 mars', date: '2021-03-22' });
    renderIssue(issue.id);
    const menu = await screen.findByRole('combobox', { name: /^Déplacer «\u00a0OVH/ });

    menu.focus();
    fireEvent.keyDown(menu, { key: 'ArrowDown', altKey: true });

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await order(issue.id)).toEqual(['OVH', 'Mauboussin']);
  });

  it('says the place and total as stored when an item came in before the list is drawn', async () => {
    const { issue, items } = await threeItems();
    const free = await addDraft(db, { title: 'Free', body: '<p>Free</p>' });

    // « Free » added at the end (a colleague's item brought by the shared desk, the inbox's
    // « Ajouter »), then Alt+↓ on OVH before the list shows it.
    void addToIssue(free.id, issue.id);
    items[0]!.focus();
    fireEvent.keyDown(items[0]!, { key: 'ArrowDown', altKey: true });

    await waitFor(async () =>
      expect(await order(issue.id)).toEqual(['Mauboussin', 'OVH', 'Lina Khan', 'Free']),
    );
    // Before, « sur 3 »: the total counted in the list as drawn.
    await waitFor(() =>
      expect(screen.getByTestId('reorder-announcement').textContent).toBe(
        '«\u00a0OVH\u00a0» déplacé en position 2 sur 4.',
      ),
    );
  });

  it('moves an item below its drawn neighbour with Alt+↓ when a colleague’s item came in above it, not yet drawn', async () => {
    const { issue, items } = await threeItems();
    const free = await addDraft(db, { title: 'Free', body: '<p>Free</p>' });

    // « Free » put at the top of the issue (a colleague's item the shared desk brings in), in
    // one write, then Alt+↓ on OVH, first as drawn, before the list shows « Free ».
    void db.transaction('rw', db.clips, db.issues, async () => {
      await addToIssue(free.id, issue.id);
      await moveItem(issue.id, free.id, 0);
    });
    items[0]!.focus();
    fireEvent.keyDown(items[0]!, { key: 'ArrowDown', altKey: true });

    // Before, nothing moved: OVH was already 2nd of the list as stored, the index asked, and
    // « en position 2 sur 4 » was said, true but not below Mauboussin.
    await waitFor(() =>
      expect(screen.getByTestId('reorder-announcement').textContent).toBe(
        '«\u00a0OVH\u00a0» déplacé en position 3 sur 4.',
      ),
    );
    expect(await order(issue.id)).toEqual(['Free', 'Mauboussin', 'OVH', 'Lina Khan']);
    await waitFor(() => expect(screen.getAllByTestId('issue-item')).toHaveLength(4));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement?.getAttribute('aria-label')).toBe('OVH, position 3 sur 4');
  });

  it('moves an item up with Alt+↑, never down, when a colleague moved its drawn neighbour below it, not yet drawn', async () => {
    const { issue, items } = await threeItems();
    const [, mauboussin] = await issueItems(issue.id);

    // Mauboussin moved to the end by a colleague (the shared desk), not drawn yet when Alt+↑ is
    // pressed on Lina Khan, drawn below it. Before, placed above Mauboussin alone, Lina Khan went
    // down: stored OVH, Lina Khan, Mauboussin, « en position 2 sur 3 » said of its own place.
    void moveItem(issue.id, mauboussin!.id, 2);
    items[2]!.focus();
    fireEvent.keyDown(items[2]!, { key: 'ArrowUp', altKey: true });

    await waitFor(() =>
      expect(screen.getByTestId('reorder-announcement').textContent).toBe(
        '«\u00a0Lina Khan\u00a0» déplacé en position 1 sur 3.',
      ),
    );
    expect(await order(issue.id)).toEqual(['Lina Khan', 'OVH', 'Mauboussin']);
  });

  it('moves an item down with Alt+↓, never up, when a colleague moved its drawn neighbour above it, not yet drawn', async () => {
    const { issue, items } = await threeItems();
    const [, mauboussin] = await issueItems(issue.id);

    // Mauboussin moved to the top by a colleague, not drawn yet when Alt+↓ is pressed on OVH.
    // Before, placed below Mauboussin alone, OVH stayed where it was stored, 2nd.
    void moveItem(issue.id, mauboussin!.id, 0);
    items[0]!.focus();
    fireEvent.keyDown(items[0]!, { key: 'ArrowDown', altKey: true });

    await waitFor(() =>
      expect(screen.getByTestId('reorder-announcement').textContent).toBe(
        '«\u00a0OVH\u00a0» déplacé en position 3 sur 3.',
      ),
    );
    expect(await order(issue.id)).toEqual(['Mauboussin', 'Lina Khan', 'OVH']);
  });

  it('names each item by its label, else by its text’s first words, else by its title', async () => {
    const title = 'OVH Is Said to Pick Rothschild for IPO';
    const issue = await issueWith([
      { title, body: '<p>OVH prépare son entrée en Bourse pour la rentrée.</p>' },
      { title, body: '<p>Texte</p>', label: 'OVH en Bourse' },
      { title, body: '' },
    ]);
    renderIssue(issue.id);

    const items = await screen.findAllByTestId('issue-item');
    const names = items.map((item) => item.querySelector('.issue-item__title')?.textContent);
    expect(names).toEqual(['OVH prépare son entrée en Bourse…', 'OVH en Bourse', title]);
    // The buttons and the list's own names for screen readers say the same.
    expect(
      within(items[1]!).getByRole('button', {
        name: 'Retirer «\u00a0OVH en Bourse\u00a0» du numéro',
      }),
    ).toBeTruthy();
    expect(items[0]!.getAttribute('aria-label')).toMatch(
      /^OVH prépare son entrée en Bourse…, position 1 sur 3/,
    );
  });

  it('shows a label as the exports write it: typeset in the French house style', async () => {
    const label = 'Selon "Le Monde", l\'affaire est close';
    const issue = await issueWith([{ title: 'Affaire', body: '<p>Texte</p>', label }]);
    // Another issue, for « Déplacer vers… » to be offered.
    await createIssue({ title: 'Les indiscrets du 22 mars', date: '2021-03-22' });
    renderIssue(issue.id);

    const [item] = await screen.findAllByTestId('issue-item');
    const typeset = 'Selon «\u00a0Le Monde\u00a0», l’affaire est close';
    expect(item!.querySelector('.issue-item__title')?.textContent).toBe(typeset);
    // What the JSON export writes, by the same typesetter.
    const [stored] = await issueItems(issue.id);
    const model = toExportIssue(issue, [stored!]);
    expect(prepareIssue(model, createHouseStyle()).items[0]!.label).toBe(typeset);
    // Quoted by a message, its own quotation is a quotation in a quotation.
    const quoted = 'Selon “Le Monde”, l’affaire est close';
    expect(
      within(item!).getByRole('button', { name: `Retirer «\u00a0${quoted}\u00a0» du numéro` }),
    ).toBeTruthy();
    await waitFor(() =>
      expect(
        within(item!).getByRole('combobox', {
          name: `Déplacer «\u00a0${quoted}\u00a0» vers un autre numéro`,
        }),
      ).toBeTruthy(),
    );
    expect(item!.getAttribute('aria-label')).toMatch(new RegExp(`^${typeset}, position 1 sur 1`));
    // Taken out, the undo bar names it so too.
    fireEvent.click(within(item!).getByRole('button', { name: /^Retirer/ }));
    await waitFor(() => expect(screen.getByTestId('undo-bar').textContent).toContain(quoted));
  });

  it('names an item without text by its title held to a title’s limit, not 2,000,000 characters', async () => {
    // Restored or pulled from the shared desk, a title may be longer than its field takes.
    const title = 'Une affaire à suivre '.repeat(100_000);
    const issue = await issueWith([{ title, body: '' }]);
    renderIssue(issue.id);

    const [item] = await screen.findAllByTestId('issue-item');
    const name = item!.querySelector('.issue-item__title')?.textContent ?? '';
    expect(name.length).toBeLessThanOrEqual(1000);
    expect(name).toMatch(/^Une affaire à suivre Une affaire.*…$/);
  });

  it('shows a label as typed where the house style sets no French typography', async () => {
    await houseStyleItem.setValue(createHouseStyle({ locale: 'en' }));
    const label = 'Selon "Le Monde", l\'affaire est close';
    const issue = await issueWith([{ title: 'Affaire', body: '<p>Texte</p>', label }]);
    renderIssue(issue.id);

    await waitFor(() =>
      expect(
        screen.getAllByTestId('issue-item')[0]!.querySelector('.issue-item__title')?.textContent,
      ).toBe(label),
    );
  });

  it('shows a new label as soon as it is stored elsewhere (the editor beside)', async () => {
    const issue = await issueWith([
      { title: 'OVH Is Said to Pick Rothschild', body: '<p>OVH</p>' },
    ]);
    renderIssue(issue.id);
    const [item] = await screen.findAllByTestId('issue-item');
    expect(item!.querySelector('.issue-item__title')?.textContent).toBe('OVH');

    const [draft] = await issueItems(issue.id);
    await updateDraft(draft!.id, { label: 'OVH en Bourse' });

    await waitFor(() =>
      expect(
        screen.getAllByTestId('issue-item')[0]!.querySelector('.issue-item__title')?.textContent,
      ).toBe('OVH en Bourse'),
    );
  });

  it('ignores arrows without Alt, and a move past either end', async () => {
    const issue = await issueWith([{ title: 'OVH' }, { title: 'Mauboussin' }]);
    renderIssue(issue.id);
    const items = await screen.findAllByTestId('issue-item');

    fireEvent.keyDown(items[0]!, { key: 'ArrowDown' });
    fireEvent.keyDown(items[0]!, { key: 'ArrowUp', altKey: true });

    expect(await order(issue.id)).toEqual(['OVH', 'Mauboussin']);
  });

  it('shows each check next to its item', async () => {
    const exported = await issueWith([
      { title: 'Ancien', body: '<p>Déjà paru</p>', url: 'https://www.bloomberg.com/ovh-ipo' },
    ]);
    await markExported(exported.id);
    const issue = await issueWith([
      { title: 'Vide', body: '' },
      { title: 'Sans lien', body: '<p>Du texte</p>', url: 'notes://aucune' },
      { title: 'Redite', body: '<p>OVH en Bourse</p>', url: 'https://www.bloomberg.com/ovh-ipo' },
    ]);
    renderIssue(issue.id);

    const items = await screen.findAllByTestId('issue-item');
    await waitFor(() =>
      expect(within(items[0]!).getByTestId('checks').textContent).toContain('Texte vide'),
    );
    expect(within(items[1]!).getByTestId('checks').textContent).toContain(
      'Aucun lien vers une source',
    );
    expect(within(items[2]!).getByTestId('checks').textContent).toContain(
      'Source déjà publiée dans «\u00a0Les indiscrets du 15 mars\u00a0»',
    );
    expect(screen.getByTestId('issue-totals').textContent).toMatch(/3 indiscrets/);
  });

  it('names an earlier issue whose title was rubbed out by the house pattern in its check', async () => {
    const exported = await issueWith([
      { title: 'Ancien', body: '<p>Déjà paru</p>', url: 'https://www.bloomberg.com/ovh-ipo' },
    ]);
    await db.issues.update(exported.id, { title: '  ', date: '2021-03-01' });
    await markExported(exported.id);
    const issue = await issueWith([
      { title: 'Redite', body: '<p>OVH en Bourse</p>', url: 'https://www.bloomberg.com/ovh-ipo' },
    ]);
    renderIssue(issue.id);

    const [item] = await screen.findAllByTestId('issue-item');
    await waitFor(() =>
      expect(within(item!).getByTestId('checks').textContent).toContain(
        'Source déjà publiée dans «\u00a0Les indiscrets du 1er mars\u00a0»',
      ),
    );
  });

  it('takes an item out with « Retirer », and puts it back in its place, the keyboard on it, on « Annuler »', async () => {
    const issue = await issueWith([
      { title: 'OVH', label: 'OVH en Bourse' },
      { title: 'Mauboussin', label: 'Mauboussin' },
      { title: 'Lina Khan', label: 'Lina Khan' },
    ]);
    // An earlier action's offer, still up: the removal takes the bar from it.
    const trashed = await addDraft(db, { title: 'Remaniement' });
    let offered!: ReturnType<typeof useUndo>['offer'];
    const Offerer = () => {
      offered = useUndo().offer;
      return null;
    };
    render(
      <AnnouncerProvider>
        <UndoProvider>
          <Offerer />
          <IssueView currentIssueId={issue.id} onSelectIssue={() => {}} onOpenDraft={() => {}} />
        </UndoProvider>
      </AnnouncerProvider>,
    );
    await screen.findAllByTestId('issue-item');
    const token = await trashDraft(trashed.id);
    offered(token, '«\u00a0Remaniement\u00a0» est à la corbeille.');
    const bar = () => screen.getByTestId('undo-bar');
    await waitFor(() => expect(bar().textContent).toContain('Remaniement'));

    const remove = screen.getByRole('button', {
      name: 'Retirer «\u00a0Mauboussin\u00a0» du numéro',
    });
    remove.focus();
    fireEvent.click(remove);

    await waitFor(() =>
      expect(bar().textContent).toContain('«\u00a0Mauboussin\u00a0» retiré du numéro.'),
    );
    expect(bar().textContent).not.toContain('Remaniement');
    expect(await order(issue.id)).toEqual(['OVH', 'Lina Khan']);
    // The keyboard went to the next item's « Retirer ».
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe(
        'Retirer «\u00a0Lina Khan\u00a0» du numéro',
      ),
    );

    const undo = within(bar()).getByRole('button', { name: 'Annuler' });
    undo.focus();
    fireEvent.click(undo);

    await waitFor(async () =>
      expect(await order(issue.id)).toEqual(['OVH', 'Mauboussin', 'Lina Khan']),
    );
    // Back on its row, not left on the bar (which offers the trash before it again).
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe(
        'Retirer «\u00a0Mauboussin\u00a0» du numéro',
      ),
    );
    expect((await db.clips.get(trashed.id))!.deletedAt).toBeTruthy();
  });

  it('takes out the items pressed « Retirer » on the desk’s first screen in one undo, which puts them all back in order', async () => {
    const issue = await issueWith([
      { title: 'A', label: 'Bpifrance recrute' },
      { title: 'B', label: 'OVH en Bourse' },
      { title: 'C', label: 'Mauboussin' },
      { title: 'D', label: 'Lina Khan' },
    ]);
    const [, b, , d] = await issueItems(issue.id);
    // Pressed on the first screen, before the list was drawn: the last first.
    removeEarly(issue.id, d!.id);
    removeEarly(issue.id, b!.id);
    renderIssue(issue.id);
    const bar = () => screen.getByTestId('undo-bar');
    await waitFor(() => expect(bar().textContent).toContain('2 indiscrets retirés du numéro.'));
    expect(await order(issue.id)).toEqual(['A', 'C']);

    fireEvent.click(within(bar()).getByRole('button', { name: 'Annuler' }));

    await waitFor(async () => expect(await order(issue.id)).toEqual(['A', 'B', 'C', 'D']));
  });

  it('says so, and loses nothing, when the issue of an item taken out was deleted meanwhile', async () => {
    const issue = await issueWith([
      { title: 'OVH', label: 'OVH en Bourse' },
      { title: 'Mauboussin' },
    ]);
    renderIssue(issue.id);
    await screen.findAllByTestId('issue-item');
    fireEvent.click(
      screen.getByRole('button', { name: 'Retirer «\u00a0OVH en Bourse\u00a0» du numéro' }),
    );
    const bar = () => screen.getByTestId('undo-bar');
    await waitFor(() => expect(bar().textContent).toContain('retiré du numéro'));
    const ovh = (await db.clips.toArray()).find((draft) => draft.title === 'OVH')!;
    // Deleted in another view, the item was back in the inbox already.
    await deleteIssue(issue.id);

    fireEvent.click(within(bar()).getByRole('button', { name: 'Annuler' }));

    await waitFor(() =>
      expect(bar().textContent).toBe(
        'Le numéro a été supprimé entre-temps\u00a0: «\u00a0OVH en Bourse\u00a0» reste dans les brouillons.',
      ),
    );
    expect(within(bar()).queryByRole('button')).toBeNull();
    expect(await db.clips.get(ovh.id)).toMatchObject({ issueId: '', title: 'OVH' });
  });

  it('says the item stays where it was moved when its first issue was deleted meanwhile', async () => {
    const issue = await issueWith([{ title: 'OVH', label: 'OVH en Bourse' }]);
    const other = await createIssue({ title: 'Les indiscrets du 22 mars', date: '2021-03-22' });
    renderIssue(issue.id);
    await chooseMoveTarget('OVH', other.id);
    fireEvent.click(
      await screen.findByRole('button', { name: /^Déplacer «\u00a0OVH en Bourse\u00a0» vers/ }),
    );
    const bar = () => screen.getByTestId('undo-bar');
    await waitFor(() => expect(bar().textContent).toContain('déplacé vers'));
    await deleteIssue(issue.id);

    fireEvent.click(within(bar()).getByRole('button', { name: 'Annuler' }));

    await waitFor(() =>
      expect(bar().textContent).toBe(
        'Le numéro d’où il venait a été supprimé entre-temps\u00a0: «\u00a0OVH en Bourse\u00a0» reste dans celui où il a été déplacé.',
      ),
    );
    expect((await issueItems(other.id)).map((item) => item.title)).toEqual(['OVH']);
  });

  it('deletes an issue without asking, and puts it back with its items on « Annuler »', async () => {
    const issue = await issueWith([{ title: 'OVH' }, { title: 'Mauboussin' }]);
    const confirm = vi.spyOn(window, 'confirm');
    let shown: string | null = issue.id;
    const view = () => (
      // The view shows what an undo brought back (App: the issue chosen, in its tab).
      <UndoProvider
        onUndone={(back) => {
          shown = back.issueId;
          rerender(view());
        }}
      >
        <IssueView
          currentIssueId={shown}
          onSelectIssue={(id) => {
            shown = id;
            rerender(view());
          }}
          onOpenDraft={() => {}}
        />
      </UndoProvider>
    );
    const { rerender } = render(view());
    await screen.findAllByTestId('issue-item');

    fireEvent.click(screen.getByRole('button', { name: 'Supprimer le numéro' }));

    await waitFor(() =>
      expect(screen.getByTestId('undo-bar').textContent).toContain(
        '«\u00a0Les indiscrets du 15 mars\u00a0» est supprimé\u202f; ses indiscrets sont retournés dans les brouillons.',
      ),
    );
    expect(confirm).not.toHaveBeenCalled();
    expect(shown).toBeNull();
    expect(await db.issues.get(issue.id)).toBeUndefined();
    expect(await order(issue.id)).toEqual([]);

    fireEvent.click(
      within(screen.getByTestId('undo-bar')).getByRole('button', { name: 'Annuler' }),
    );

    await waitFor(() => expect(shown).toBe(issue.id));
    expect(await db.issues.get(issue.id)).toMatchObject({ title: 'Les indiscrets du 15 mars' });
    expect(await order(issue.id)).toEqual(['OVH', 'Mauboussin']);
    expect(await screen.findAllByTestId('issue-item')).toHaveLength(2);
  });

  it('names a deleted issue whose title was emptied by the title it goes out with, in the undo bar', async () => {
    const issue = await issueWith([{ title: 'OVH' }]);
    // Rubbed out in its field: the picker, the preview and the exports name it by its date.
    await db.issues.update(issue.id, { title: '' });
    renderIssue(issue.id);
    await screen.findAllByTestId('issue-item');

    fireEvent.click(screen.getByRole('button', { name: 'Supprimer le numéro' }));

    await waitFor(() =>
      expect(screen.getByTestId('undo-bar').textContent).toContain(
        '«\u00a0Les indiscrets du 15 mars\u00a0» est supprimé\u202f; ses indiscrets sont retournés dans les brouillons.',
      ),
    );
  });

  it('names the issues to move an item to as the picker does, a namesake numbered', async () => {
    const issue = await issueWith([{ title: 'OVH', body: '<p>OVH</p>' }]);
    const made = (at: string) => () => at;
    await createIssue(
      { title: 'Les indiscrets du 22 mars', date: '2021-03-22' },
      db,
      made('2021-03-01T08:00:00.000Z'),
    );
    await createIssue(
      { title: 'Les indiscrets du 22 mars', date: '2021-03-22' },
      db,
      made('2021-03-02T08:00:00.000Z'),
    );
    renderIssue(issue.id);
    const move = await screen.findByRole('combobox', { name: /^Déplacer «\u00a0OVH/ });

    fireEvent.focus(move);

    await waitFor(() =>
      // Listed newest first, as the picker lists them; the one made second is « (2) ».
      expect(Array.from((move as HTMLSelectElement).options, (o) => o.text).slice(1)).toEqual([
        'Les indiscrets du 22 mars (2)',
        'Les indiscrets du 22 mars',
      ]),
    );
  });

  it('moves an item only once « Déplacer » is pressed, and offers to undo the move', async () => {
    const issue = await issueWith([
      { title: 'OVH', body: '<p>OVH</p>' },
      { title: 'Free', body: '<p>Free</p>' },
    ]);
    const other = await createIssue({ title: 'Les indiscrets du 22 mars', date: '2021-03-22' });
    renderIssue(issue.id);

    // Chosen (as ↓ on the closed list chooses on Windows and Linux): nothing moves yet.
    await chooseMoveTarget('OVH', other.id);
    const button = await screen.findByRole('button', {
      name: 'Déplacer «\u00a0OVH\u00a0» vers «\u00a0Les indiscrets du 22 mars\u00a0»',
    });
    expect((await issueItems(issue.id)).map((item) => item.title)).toEqual(['OVH', 'Free']);

    fireEvent.click(button);

    await waitFor(async () =>
      expect((await issueItems(other.id)).map((item) => item.title)).toEqual(['OVH']),
    );
    const bar = await screen.findByTestId('undo-bar');
    await waitFor(() =>
      expect(bar.textContent).toContain(
        '«\u00a0OVH\u00a0» déplacé vers «\u00a0Les indiscrets du 22 mars\u00a0».',
      ),
    );
    fireEvent.click(within(bar).getByRole('button', { name: 'Annuler' }));
    await waitFor(async () =>
      expect((await issueItems(issue.id)).map((item) => item.title)).toEqual(['OVH', 'Free']),
    );
  });

  it('names an issue whose title was emptied as its preview and exports do, in the picker and « Déplacer vers… »', async () => {
    const issue = await issueWith([{ title: 'OVH', body: '<p>OVH</p>' }]);
    const other = await createIssue({ title: 'Les indiscrets du 22 mars', date: '2021-03-22' });
    // Both emptied in their fields (a title rubbed out to be written again).
    await db.issues.update(issue.id, { title: '' });
    await db.issues.update(other.id, { title: ' ' });
    renderIssue(issue.id);

    const picker = await screen.findByRole('combobox', { name: 'Numéro en cours' });
    await waitFor(() =>
      expect(Array.from((picker as HTMLSelectElement).options, (o) => o.text)).toEqual([
        'Les indiscrets du 22 mars',
        'Les indiscrets du 15 mars',
      ]),
    );
    const move = await screen.findByRole('combobox', { name: /^Déplacer «\u00a0OVH/ });
    fireEvent.focus(move);
    await waitFor(() =>
      expect(Array.from((move as HTMLSelectElement).options, (o) => o.text).slice(1)).toEqual([
        'Les indiscrets du 22 mars',
      ]),
    );
  });

  it('shows in an emptied title the one the issue goes out with, which follows its date', async () => {
    const issue = await issueWith([{ title: 'OVH' }]);
    renderIssue(issue.id);
    fireEvent.click(await screen.findByText('Titre, date, chapô et longueur visée'));
    const title = screen.getByLabelText('Titre') as HTMLInputElement;
    fireEvent.input(title, { target: { value: '' } });

    await waitFor(() => expect(title.placeholder).toBe('Les indiscrets du 15 mars'));
    fireEvent.input(screen.getByLabelText('Date'), { target: { value: '22/03/2021' } });
    await waitFor(() => expect(title.placeholder).toBe('Les indiscrets du 22 mars'));
  });

  it('refuses a new issue with an impossible date or no title, saying what to do and taking the keyboard to that field', async () => {
    renderIssue(null);
    const form = await screen.findByRole('form', { name: 'Nouveau numéro' });
    const date = within(form).getByLabelText('Date');
    fireEvent.input(date, { target: { value: '31/02/2027' } });
    const create = within(form).getByRole('button', { name: 'Créer le numéro' });
    create.focus();
    fireEvent.click(create);

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toBe('Corrigez la date (jj/mm/aaaa) pour créer le numéro.');
    expect(document.activeElement).toBe(date);

    fireEvent.input(date, { target: { value: '15/03/2027' } });
    const title = within(form).getByLabelText('Titre');
    fireEvent.input(title, { target: { value: '  ' } });
    create.focus();
    fireEvent.click(create);
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toBe(
        'Donnez un titre au numéro pour le créer.',
      ),
    );
    expect(document.activeElement).toBe(title);
    expect(await db.issues.count()).toBe(0);
  });

  it('types a new issue’s chapô with French typography, as its fields type it once created', async () => {
    renderIssue(null);
    const form = await screen.findByRole('form', { name: 'Nouveau numéro' });
    const intro = within(form).getByLabelText('Chapô (facultatif)') as HTMLTextAreaElement;
    expect(intro.lang).toBe('fr');
    intro.focus();
    // Typed as the browser types: the text, then its `input`.
    for (const key of [...'Pourquoi ?', ...' l', "'", ...'État']) {
      intro.setRangeText(key, intro.selectionStart, intro.selectionEnd, 'end');
      intro.dispatchEvent(
        new InputEvent('input', { inputType: 'insertText', data: key, bubbles: true }),
      );
    }
    expect(intro.value).toBe('Pourquoi\u202f? l’État');

    fireEvent.click(within(form).getByRole('button', { name: 'Créer le numéro' }));
    await waitFor(async () =>
      expect((await db.issues.toArray()).map((issue) => issue.intro)).toEqual([
        'Pourquoi\u202f? l’État',
      ]),
    );
  });

  it('says a new issue’s date is an existing issue’s, and creates it all the same', async () => {
    await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
    renderIssue(null);
    fireEvent.click(await screen.findByRole('button', { name: '+ Nouveau numéro' }));
    const form = await screen.findByRole('form', { name: 'Nouveau numéro' });
    const date = within(form).getByLabelText('Date');
    const said = within(form).getByTestId('new-issue-namesake');

    fireEvent.input(date, { target: { value: '15/03/2021' } });
    await waitFor(() =>
      expect(said.textContent).toBe(
        'Un numéro de cette date existe déjà\u00a0: «\u00a0Les indiscrets du 15 mars\u00a0».',
      ),
    );
    // Another day: nothing to say.
    fireEvent.input(date, { target: { value: '16/03/2021' } });
    await waitFor(() => expect(said.textContent).toBe(''));

    // Said, not forbidden: a special issue the same day is an issue too.
    fireEvent.input(date, { target: { value: '15/03/2021' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Créer le numéro' }));
    await waitFor(async () => expect(await db.issues.count()).toBe(2));
  });

  it('counts words and characters of the issue against its budget, when it has one', async () => {
    const issue = await issueWith([{ title: 'Un', body: '<p>Quatre mots bien comptés</p>' }]);
    renderIssue(issue.id);

    // A new issue has no budget: nothing to be over.
    const totals = await screen.findByTestId('issue-totals');
    await waitFor(() => expect(totals.textContent).toBe('1 indiscret · 4 mots · 24 signes'));

    fireEvent.input(screen.getByLabelText('Longueur visée (signes)'), { target: { value: '10' } });

    await waitFor(() =>
      expect(screen.getByTestId('issue-totals').textContent).toContain('14 signes de trop'),
    );
  });

  it('does not flag the real issue of the 15th of March (about 5,200 signs) as too long', async () => {
    const seed = readSeed();
    const texts = seed
      .split(/\n[ \t\u00A0]*\n/)
      .filter((block) => block.startsWith('--> '))
      .map((block) => block.slice(4));
    const issue = await issueWith(
      texts.map((text, i) => ({ title: `Item ${i}`, body: `<p>${escapeHtml(text)}</p>` })),
    );
    renderIssue(issue.id);

    const totals = await screen.findByTestId('issue-totals');
    await waitFor(() => expect(totals.textContent).toMatch(/^7 indiscrets/));
    const chars = Number(
      /([\d\s\u202f]+) signes/.exec(totals.textContent!)![1]!.replace(/\D/g, ''),
    );
    expect(chars).toBeGreaterThan(5000);
    expect(totals.textContent).not.toContain('de trop');
    expect(totals.className).not.toContain('issue__totals--over');
  });

  it('previews the issue in house style', async () => {
    const issue = await issueWith([
      {
        title: 'OVH',
        body: '<p>OVH <strong>a pris feu</strong>.</p>',
        url: 'https://www.linkedin.com/posts/klaba',
      },
    ]);
    renderIssue(issue.id);

    const preview = await screen.findByTestId('preview');
    await waitFor(() => expect(preview.textContent).toContain('Les indiscrets du 15 mars'));
    expect(preview.textContent).toContain('--> OVH a pris feu.');
    expect(preview.querySelector('strong')?.textContent).toBe('a pris feu');
  });
});

describe('IssueView: the issue’s date and title', () => {
  const titleField = () => screen.getByLabelText('Titre') as HTMLInputElement;
  const dateField = () => screen.getByLabelText('Date') as HTMLInputElement;
  const stored = async (id: string) => (await db.issues.get(id))!;

  it('moves a title the house pattern gave to the new date, through a date being typed', async () => {
    const issue = await issueWith([{ title: 'OVH' }]);
    renderIssue(issue.id);
    await waitFor(() => expect(titleField().value).toBe('Les indiscrets du 15 mars'));

    // Half typed first: no date, and the title waits.
    fireEvent.input(dateField(), { target: { value: '16/03' } });
    fireEvent.input(dateField(), { target: { value: '16/03/202' } });
    fireEvent.input(dateField(), { target: { value: '16/03/2027' } });

    expect(titleField().value).toBe('Les indiscrets du 16 mars');
    await waitFor(async () =>
      expect(await stored(issue.id)).toMatchObject({
        date: '2027-03-16',
        title: 'Les indiscrets du 16 mars',
      }),
    );
  });

  it('moves a title the English default gave to the new date once the exports are French again', async () => {
    const issue = await issueWith([{ title: 'OVH' }]);
    await db.issues.update(issue.id, { title: 'Les Indiscrets, March 15' });
    renderIssue(issue.id);
    await waitFor(() => expect(titleField().value).toBe('Les Indiscrets, March 15'));

    fireEvent.input(dateField(), { target: { value: '16/03/2021' } });

    expect(titleField().value).toBe('Les Indiscrets, March 16');
    await waitFor(async () =>
      expect(await stored(issue.id)).toMatchObject({ title: 'Les Indiscrets, March 16' }),
    );
  });

  it('moves a title the French default gave to the new date while the exports are English', async () => {
    await houseStyleItem.setValue(createHouseStyle({ locale: 'en', itemOpener: '>>> ' }));
    const issue = await issueWith([{ title: 'OVH' }]);
    renderIssue(issue.id);
    await waitFor(() => expect(titleField().value).toBe('Les indiscrets du 15 mars'));
    // The English style is read (the preview opens items its way), not the default still.
    await waitFor(() => expect(screen.getByTestId('preview').textContent).toContain('>>> '));

    fireEvent.input(dateField(), { target: { value: '16/03/2021' } });

    expect(titleField().value).toBe('Les indiscrets du 16 mars');
    await waitFor(async () =>
      expect(await stored(issue.id)).toMatchObject({ title: 'Les indiscrets du 16 mars' }),
    );
  });

  it('keeps a title the editor wrote when the date changes', async () => {
    const issue = await issueWith([{ title: 'OVH' }]);
    renderIssue(issue.id);
    await waitFor(() => expect(titleField().value).toBe('Les indiscrets du 15 mars'));

    fireEvent.input(titleField(), { target: { value: 'Spécial élections' } });
    fireEvent.input(dateField(), { target: { value: '16/03/2021' } });

    expect(titleField().value).toBe('Spécial élections');
    await waitFor(async () =>
      expect(await stored(issue.id)).toMatchObject({
        date: '2021-03-16',
        title: 'Spécial élections',
      }),
    );
  });
});

describe('IssueView: a title longer than its field takes', () => {
  // What a backup or the shared desk may bring: the field takes 1,000 characters.
  const HUGE = 'Les indiscrets du grand soir '.repeat(7_000);

  it('shows its start in the field and says so, the stored title whole while another field is typed in', async () => {
    const issue = await issueWith([{ title: 'OVH' }]);
    await db.issues.update(issue.id, { title: HUGE });
    renderIssue(issue.id);
    fireEvent.click(await screen.findByText('Titre, date, chapô et longueur visée'));
    const title = screen.getByLabelText('Titre') as HTMLInputElement;
    await waitFor(() => expect(title.value).toBe(HUGE.slice(0, 1000)));

    const notice = screen.getByTestId('title-long');
    expect(notice.textContent).toMatch(
      /^Ce titre, long de 203\u202f000 caractères, est montré coupé à 1\u202f000/,
    );
    expect(title.getAttribute('aria-describedby')).toBe(notice.id);
    expect(title.maxLength).toBe(1000);

    fireEvent.input(screen.getByLabelText('Chapô (facultatif)'), {
      target: { value: 'Une semaine chargée.' },
    });

    await waitFor(async () =>
      expect((await db.issues.get(issue.id))?.intro).toBe('Une semaine chargée.'),
    );
    expect((await db.issues.get(issue.id))?.title === HUGE).toBe(true);
  });

  it('is named cut at a word in the picker, not laid out whole', async () => {
    const issue = await issueWith([{ title: 'OVH' }]);
    await db.issues.update(issue.id, { title: HUGE });
    await createIssue({ title: 'Les indiscrets du 22 mars', date: '2021-03-22' });
    renderIssue(issue.id);

    const option = await waitFor(() => {
      const found = screen
        .getAllByRole('option')
        .find((o) => o.textContent?.startsWith('Les indiscrets du grand soir'));
      expect(found).toBeTruthy();
      return found!;
    });

    expect(option.textContent!.length).toBeLessThanOrEqual(1000);
    expect(option.textContent).toMatch(
      /^(Les indiscrets du grand soir )+Les( indiscrets( du( grand)?)?)?…$/,
    );
  });

  it('says that a paste was cut to the 1,000 characters the field takes', async () => {
    const issue = await issueWith([{ title: 'OVH' }]);
    renderIssue(issue.id);
    fireEvent.click(await screen.findByText('Titre, date, chapô et longueur visée'));
    const title = screen.getByLabelText('Titre') as HTMLInputElement;

    // The browser keeps what its maxLength takes of a paste; jsdom does not cut, so the test
    // gives the field what the browser would have kept.
    title.setSelectionRange(0, title.value.length);
    fireEvent.paste(title, { clipboardData: { getData: () => 'x'.repeat(1500) } });
    fireEvent.input(title, { target: { value: 'x'.repeat(1000) } });

    expect(screen.getByTestId('paste-cut').textContent).toMatch(
      /^Ce champ prend au plus 1\u202f000 caractères\s: la fin du texte collé n’a pas été gardée\.$/,
    );
  });
});

describe('IssueView: the issue’s length budget', () => {
  it('says what a length budget must be when it is not one', async () => {
    const issue = await issueWith([{ title: 'OVH' }]);
    renderIssue(issue.id);
    const budget = (await screen.findByLabelText('Longueur visée (signes)')) as HTMLInputElement;

    fireEvent.input(budget, { target: { value: '-5' } });

    const said = await screen.findByText(
      'Un nombre entier de signes, au moins 1, ou rien pour aucune longueur visée.',
    );
    expect(budget.getAttribute('aria-invalid')).toBe('true');
    expect(budget.getAttribute('aria-describedby')).toBe(said.id);
    fireEvent.input(budget, { target: { value: '1500' } });
    await waitFor(() => expect(screen.queryByText(/Un nombre entier de signes/)).toBeNull());
  });
});

describe('IssueView and closing the page', () => {
  it('journals the issue title at each keystroke, before any database write', async () => {
    const { readIssueJournal } = await import('../../../storage/journal');
    const issue = await issueWith([{ title: 'OVH' }]);
    const { unmount } = renderIssue(issue.id);
    fireEvent.click(await screen.findByText('Titre, date, chapô et longueur visée'));

    fireEvent.input(screen.getByLabelText('Titre'), {
      target: { value: 'Les indiscrets du 16 mars' },
    });

    expect(readIssueJournal(issue.id)?.patch).toEqual({ title: 'Les indiscrets du 16 mars' });
    unmount();
    await waitFor(async () => expect((await issueItems(issue.id)).length).toBe(1));
    await waitFor(async () =>
      expect((await db.issues.get(issue.id))?.title).toBe('Les indiscrets du 16 mars'),
    );
    await waitFor(() => expect(readIssueJournal(issue.id)).toBeUndefined());
  });
});

describe('IssueView when a write fails', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says the disk is full in French and keeps what was typed, on screen and in the journal', async () => {
    const { readIssueJournal } = await import('../../../storage/journal');
    const issue = await issueWith([{ title: 'OVH' }]);
    renderIssue(issue.id);
    fireEvent.click(await screen.findByText('Titre, date, chapô et longueur visée'));
    const title = screen.getByLabelText('Titre') as HTMLInputElement;
    // What a full disk makes IndexedDB throw, through Dexie.
    const full = vi
      .spyOn(db.issues, 'update')
      .mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

    fireEvent.input(title, { target: { value: 'Les indiscrets du 16 mars' } });

    await waitFor(() =>
      expect(screen.getByTestId('issue-save-state').textContent).toMatch(
        /^Plus de place pour enregistrer/,
      ),
    );
    expect(title.value).toBe('Les indiscrets du 16 mars');
    expect(readIssueJournal(issue.id)?.patch).toEqual({ title: 'Les indiscrets du 16 mars' });
    expect((await db.issues.get(issue.id))?.title).toBe('Les indiscrets du 15 mars');

    // Space freed: the next keystroke writes everything and the message goes.
    full.mockRestore();
    fireEvent.input(title, { target: { value: 'Les indiscrets du 16 mars !' } });
    await waitFor(async () =>
      expect((await db.issues.get(issue.id))?.title).toBe('Les indiscrets du 16 mars !'),
    );
    await waitFor(() => expect(screen.queryByTestId('issue-save-state')).toBeNull());
    await waitFor(() => expect(readIssueJournal(issue.id)).toBeUndefined());
  });
});

describe('IssueView opening an issue a closed page typed in, changed elsewhere meanwhile', () => {
  it('writes the intro only that page typed, and shows both titles for the editor to choose', async () => {
    const { issueJournal, newJournalView, replayJournal, readIssueJournal } =
      await import('../../../storage/journal');
    const { saveIssueEdit } = await import('../../../storage/issues');
    const issue = await issueWith([{ title: 'OVH' }]);
    // A page typed a title and an intro, then closed before its write; another view then
    // changed the title.
    issueJournal(issue.id, newJournalView()).write(
      { title: 'Les indiscrets du 15 mars, spécial cloud', intro: 'Le cloud brûle.' },
      { title: 'Les indiscrets du 15 mars', intro: '' },
    );
    await saveIssueEdit(
      issue.id,
      { title: 'Les indiscrets du lundi 15 mars' },
      { title: 'Les indiscrets du 15 mars' },
      db,
    );
    await replayJournal(db);

    renderIssue(issue.id);

    const chooser = await screen.findByTestId('conflict');
    expect(within(chooser).getByTestId('conflict-mine').textContent).toBe(
      'Les indiscrets du 15 mars, spécial cloud',
    );
    expect(within(chooser).getByTestId('conflict-theirs').textContent).toBe(
      'Les indiscrets du lundi 15 mars',
    );
    expect((await db.issues.get(issue.id))?.intro).toBe('Le cloud brûle.');
    fireEvent.click(within(chooser).getByRole('button', { name: /^Prendre l’autre\u00a0: / }));
    await waitFor(() => expect(screen.queryByTestId('conflicts')).toBeNull());
    expect((await db.issues.get(issue.id))?.title).toBe('Les indiscrets du lundi 15 mars');
    await waitFor(() => expect(readIssueJournal(issue.id)).toBeUndefined());
  });
});

describe('IssueView with the chapô changed here and elsewhere at once', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps both changes when they are on different lines', async () => {
    const { updateIssue } = await import('../../../storage/issues');
    const issue = await createIssue({
      title: 'Les indiscrets du 15 mars',
      date: '2021-03-15',
      intro: 'Ligne un.\nLigne deux.',
    });
    renderIssue(issue.id);
    const intro = (await screen.findByLabelText('Chapô (facultatif)')) as HTMLTextAreaElement;
    // This view's write cannot land before the other view's: the two changes cross.
    const full = vi
      .spyOn(db.issues, 'update')
      .mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    fireEvent.input(intro, { target: { value: 'Ligne un, ici.\nLigne deux.' } });
    await waitFor(() => expect(full).toHaveBeenCalled());
    full.mockRestore();

    await updateIssue(issue.id, { intro: 'Ligne un.\nLigne deux, ailleurs.' });

    const both = 'Ligne un, ici.\nLigne deux, ailleurs.';
    await waitFor(async () => expect((await db.issues.get(issue.id))?.intro).toBe(both));
    await waitFor(() => expect(intro.value).toBe(both));
    expect(screen.queryByTestId('conflicts')).toBeNull();
  });
});

describe('readItemsAhead', () => {
  /** An issue's workspace, noting the titles of its items at each render (`undefined`: not read). */
  function Probe({ issue, seen }: { issue: Issue; seen: Array<string[] | undefined> }) {
    const { items } = useIssueWorkspace(issue);
    seen.push(items?.map((item) => item.title));
    return null;
  }

  it('gives the issue’s next workspace its items at its first render, and only that one', async () => {
    const issue = await issueWith([{ title: 'OVH' }, { title: 'Mauboussin' }]);
    await readItemsAhead(issue.id);
    const first: Array<string[] | undefined> = [];
    render(<Probe issue={issue} seen={first} />);
    expect(first[0]).toEqual(['OVH', 'Mauboussin']);
    cleanup();

    // Taken once: a workspace opened later reads them itself (they may have changed since).
    const [draft] = await issueItems(issue.id);
    await updateDraft(draft!.id, { title: 'OVH en Bourse' });
    const later: Array<string[] | undefined> = [];
    render(<Probe issue={issue} seen={later} />);
    expect(later[0]).toBeUndefined();
    await waitFor(() => expect(later.at(-1)).toEqual(['OVH en Bourse', 'Mauboussin']));
  });

  it('leaves them to no other issue’s workspace, and keeps them for no later one', async () => {
    const issue = await issueWith([{ title: 'OVH' }]);
    const other = await createIssue({ title: 'Les indiscrets du 22 mars', date: '2021-03-22' });
    await readItemsAhead(issue.id);
    const elsewhere: Array<string[] | undefined> = [];
    render(<Probe issue={other} seen={elsewhere} />);
    expect(elsewhere[0]).toBeUndefined();
    await waitFor(() => expect(elsewhere.at(-1)).toEqual([]));
    cleanup();

    // Opened while they are being read: it takes them once read; nothing is left for later.
    const reading = readItemsAhead(issue.id);
    const early: Array<string[] | undefined> = [];
    render(<Probe issue={issue} seen={early} />);
    expect(early[0]).toBeUndefined();
    await reading;
    await waitFor(() => expect(early.at(-1)).toEqual(['OVH']));
    cleanup();
    const after: Array<string[] | undefined> = [];
    render(<Probe issue={issue} seen={after} />);
    expect(after[0]).toBeUndefined();
    await waitFor(() => expect(after.at(-1)).toEqual(['OVH']));
  });
});
