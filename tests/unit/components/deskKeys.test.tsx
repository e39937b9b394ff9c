/**
 * The desk's keys of one character (« ? », « i », « n », « / », « 1 » to « 4 ») can be turned
 * off in the options (WCAG 2.1.4, Character Key Shortcuts): an editor who dictates, or whose
 * hand slips, sets nothing off then. The desk follows the setting as it changes, its buttons and
 * its list of keys say what acts, and what is no such shortcut (Escape, a row's « a ») stays.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Desk, DESK_KEYS } from '../../../components/Desk';
import { DeskTools } from '../../../components/DeskFirstScreen';
import { rememberCharacterKeys, SINGLE_KEYS } from '../../../components/shortcuts';
import { useCharacterKeys } from '../../../components/useSettings';
import { db } from '../../../storage/db';
import { createIssue } from '../../../storage/issues';
import { characterKeys, settingsFocus } from '../../../storage/settings';
import { addDraft } from '../storage/helpers';
import { clearSharedDesk, wrap } from './desk-views';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await clearSharedDesk({ clips: true, issues: true });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The desk with an issue open and a draft in its inbox. */
async function openDesk() {
  const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
  await addDraft(db, { title: 'OVH Data Center Fire', body: '<p>OVH en feu</p>' });
  wrap(
    <Desk header={null} currentIssueId={issue.id} onSelectIssue={() => {}} freshId={undefined} />,
  );
  await screen.findByText('OVH Data Center Fire');
  await screen.findByRole('button', { name: '+ Nouveau numéro' });
}

/** A key pressed on the page, outside any field: whether the desk took it (prevented it). */
const press = (key: string, target: Element = document.body) => !fireEvent.keyDown(target, { key });

const helpButton = () => screen.getByRole('button', { name: /^Raccourcis clavier/ });
const newIssueForm = () => screen.queryByRole('form', { name: 'Nouveau numéro' });

describe('Desk › keys of one character', () => {
  it('acts on « n », « / », « i » and « ? » as before while the setting is on, its default', async () => {
    await openDesk();

    expect(press('n')).toBe(true);
    await waitFor(() => expect(newIssueForm()).not.toBeNull());
    expect(press('?')).toBe(true);
    expect(screen.getByRole('dialog', { name: 'Raccourcis clavier' })).toBeTruthy();
    expect(press('?')).toBe(true);
    expect(press('/')).toBe(true);
    await waitFor(() =>
      expect(document.activeElement).toBe(document.querySelector('.inbox input[type="search"]')),
    );
    // Out of the search field, where « i » is text.
    (document.activeElement as HTMLElement).blur();
    expect(press('i')).toBe(true);
    expect(screen.getByTestId('inbox-toggle').getAttribute('aria-expanded')).toBe('false');
  });

  it('ignores them, the key left to the page, once they are turned off', async () => {
    await characterKeys.setValue(false);
    await openDesk();

    for (const key of SINGLE_KEYS) expect(press(key), key).toBe(false);
    expect(newIssueForm()).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('inbox-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(document.body);
  });

  it('follows the options as they change, with no reload: off, then on again', async () => {
    await openDesk();
    expect(helpButton().getAttribute('aria-keyshortcuts')).toBe('?');

    await characterKeys.setValue(false);
    await waitFor(() => expect(helpButton().getAttribute('aria-keyshortcuts')).toBeNull());
    expect(press('n')).toBe(false);
    expect(press('/')).toBe(false);
    expect(newIssueForm()).toBeNull();

    await characterKeys.setValue(true);
    await waitFor(() => expect(helpButton().getAttribute('aria-keyshortcuts')).toBe('?'));
    expect(press('n')).toBe(true);
    await waitFor(() => expect(newIssueForm()).not.toBeNull());
  });

  it('keeps what is no character key shortcut: Escape, and « a » on a row of the inbox', async () => {
    await characterKeys.setValue(false);
    await openDesk();

    // The list of keys opened by its button closes on Escape.
    fireEvent.click(helpButton());
    screen.getByRole('dialog', { name: 'Raccourcis clavier' });
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();

    // « a » acts only on the row that has the focus: the draft goes into the issue.
    const row = screen.getByText('OVH Data Center Fire').closest('li')!;
    row.focus();
    expect(press('a', row)).toBe(true);
    await waitFor(async () => expect((await db.clips.toArray())[0]?.issueId).toBeTruthy());
  });
});

describe('Desk › the list of keys', () => {
  it('says, while they act, that the keys of one character can be turned off, and where', async () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    await openDesk();
    press('?');
    const help = screen.getByRole('dialog', { name: 'Raccourcis clavier' });

    expect(within(help).getByText('Nouveau numéro')).toBeTruthy();
    const line = within(help).getByTestId('single-keys');
    expect(line.textContent).toBe(
      'Les raccourcis d’une seule touche (? i n / 1 2 3 4) peuvent être coupés, si vous dictez votre texte par exemple\u00a0: Réglages, rubrique «\u00a0Clavier\u00a0».',
    );
    fireEvent.click(within(line).getByRole('button', { name: 'Réglages' }));
    await waitFor(() => expect(open).toHaveBeenCalledOnce());
    expect((await settingsFocus.getValue())?.section).toBe('keyboard');
  });

  it('once they are off, opens from its button only, lists the keys that act and says how to turn the others on', async () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    await characterKeys.setValue(false);
    await openDesk();
    // The buttons name no key that would not act.
    expect(helpButton().getAttribute('aria-keyshortcuts')).toBeNull();
    expect(helpButton().textContent).toBe('Raccourcis clavier');
    expect(screen.getByTestId('inbox-toggle').getAttribute('aria-keyshortcuts')).toBeNull();

    fireEvent.click(helpButton());
    const help = screen.getByRole('dialog', { name: 'Raccourcis clavier' });

    const listed = [...help.querySelectorAll('dd')].map((what) => what.textContent);
    expect(listed).not.toContain('Nouveau numéro');
    expect(listed).not.toContain('Chercher dans les brouillons');
    expect(listed).not.toContain('Afficher ou masquer cette aide');
    expect(listed).toContain('Ajouter le brouillon choisi au numéro');
    expect(listed).toHaveLength(DESK_KEYS.filter((key) => !key.single).length);
    const line = within(help).getByTestId('single-keys');
    expect(line.textContent).toBe(
      'Les raccourcis d’une seule touche (? i n / 1 2 3 4) sont coupés\u00a0: les taper ne fait rien. Pour les rétablir\u00a0: Réglages, rubrique «\u00a0Clavier\u00a0».',
    );
    fireEvent.click(within(line).getByRole('button', { name: 'Réglages' }));
    // At « Clavier », where they are turned on (the options read the request as they open).
    await waitFor(() => expect(open).toHaveBeenCalledOnce());
    expect(await settingsFocus.getValue()).toEqual({ section: 'keyboard', at: expect.any(Number) });
  });

  it('names as keys of one character exactly those the list marks so', () => {
    const marked = DESK_KEYS.filter((key) => key.single).flatMap((key) => key.keys().split(' '));
    expect([...marked].sort()).toEqual([...SINGLE_KEYS].sort());
  });
});

describe('useCharacterKeys', () => {
  function Probe({ seen }: { seen: boolean[] }) {
    const on = useCharacterKeys();
    seen.push(on);
    return <p data-testid="probe">{String(on)}</p>;
  }

  it('goes by what the last desk read until browser storage answers, then remembers the answer', async () => {
    rememberCharacterKeys(false);
    await characterKeys.setValue(true);
    const seen: boolean[] = [];
    render(<Probe seen={seen} />);

    // A key pressed before storage answers is not taken for a desk whose keys were off.
    expect(seen[0]).toBe(false);
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('true'));
    await waitFor(() => expect(localStorage.getItem('indiscrets:desk-character-keys')).toBe('1'));
  });
});

describe('DeskTools on the first screen', () => {
  it('names « ? » and « i » only when the last desk read the keys as on', () => {
    rememberCharacterKeys(false);
    render(<DeskTools folded={false} onFold={() => {}} />);
    expect(screen.getByTestId('inbox-toggle').getAttribute('aria-keyshortcuts')).toBeNull();
    expect(helpButton().querySelector('kbd')).toBeNull();
    cleanup();

    rememberCharacterKeys(true);
    render(<DeskTools folded={false} onFold={() => {}} />);
    expect(screen.getByTestId('inbox-toggle').getAttribute('aria-keyshortcuts')).toBe('i');
    expect(helpButton().querySelector('kbd')?.textContent).toBe('?');
  });
});
