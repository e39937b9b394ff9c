import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ConflictsSaid } from '../../../components/StoredConflict';
import {
  HouseStyleSettings,
  KeyboardSettings,
  LanguageSettings,
  TemplateSettings,
} from '../../../components/Options';
import { setLocale } from '../../../locales';
import { DEFAULT_HOUSE_STYLE } from '../../../storage/house-style';
import { houseStyleItem } from '../../../storage/preferences';
import { characterKeys, draftTemplate, settingsFocus, uiLocale } from '../../../storage/settings';

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

describe('Options: the house style', () => {
  it('shows what {date} gives in the language of the exports', async () => {
    render(<HouseStyleSettings />);
    // The label holds its help too: its name starts with the field's.
    const pattern = await screen.findByLabelText(/^Modèle du titre/);
    const help = within(pattern.closest('label')!);

    expect(help.getByText(/^\{date\} = « 15 mars »/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Langue des exports'), { target: { value: 'en' } });

    expect(await help.findByText(/^\{date\} = « March 15 »/)).toBeTruthy();
  });

  it('names each language in itself, marked with it for a screen reader', async () => {
    render(<HouseStyleSettings />);
    const language = await screen.findByLabelText('Langue des exports');

    const options = within(language).getAllByRole('option') as HTMLOptionElement[];

    expect(options.map((option) => [option.text, option.lang])).toEqual([
      ['Français', 'fr'],
      ['English', 'en'],
    ]);
  });

  it('gives the English default title pattern when the exports turn English, and keeps one of the newsroom’s own', async () => {
    render(<HouseStyleSettings />);
    const pattern = (await screen.findByLabelText(/^Modèle du titre/)) as HTMLInputElement;
    const language = screen.getByLabelText('Langue des exports');

    fireEvent.change(language, { target: { value: 'en' } });

    expect(pattern.value).toBe('Les Indiscrets, {date}');
    expect(pattern.closest('label')!.textContent).toContain(
      '→ «\u00a0Les Indiscrets, March 15\u00a0»',
    );
    fireEvent.change(language, { target: { value: 'fr' } });
    expect(pattern.value).toBe('Les indiscrets du {date}');

    fireEvent.input(pattern, { target: { value: 'Nos indiscrets du {date}' } });
    fireEvent.change(language, { target: { value: 'en' } });
    expect(pattern.value).toBe('Nos indiscrets du {date}');
  });

  it('quotes the title the pattern gives as the interface’s language quotes', async () => {
    // An English editor of a French column: its title in French, in English quotation marks.
    setLocale('en');
    try {
      render(<HouseStyleSettings />);
      const pattern = await screen.findByLabelText(/^Title pattern/);
      expect(pattern.closest('label')!.textContent).toContain('→ “Les indiscrets du 15 mars”');
      expect(pattern.closest('label')!.textContent).not.toMatch(/[«»]/);
    } finally {
      setLocale('fr');
    }
  });

  it('gives a style saved with English exports and the French default pattern the English default', async () => {
    // Saved when the French pattern was the only default, whatever the export language.
    await houseStyleItem.setValue({
      ...DEFAULT_HOUSE_STYLE,
      locale: 'en',
      frenchTypography: false,
    });

    render(<HouseStyleSettings />);
    const pattern = (await screen.findByLabelText(/^Modèle du titre/)) as HTMLInputElement;

    expect(pattern.value).toBe('Les Indiscrets, {date}');
    expect(pattern.closest('label')!.textContent).toContain('Les Indiscrets, March 15');
  });
});

/** Whether leaving the page now would be asked about (a `beforeunload` the page prevents). */
function leavingAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('Options: changes not saved', () => {
  it('says that the house style typed is not saved, and asks before the page is left, until « Enregistrer »', async () => {
    render(<HouseStyleSettings />);
    const opener = (await screen.findByLabelText(
      'Ouverture de chaque indiscret',
    )) as HTMLInputElement;
    expect(screen.queryByTestId('unsaved')).toBeNull();
    expect(leavingAsks()).toBe(false);

    fireEvent.input(opener, { target: { value: '• ' } });

    expect(screen.getByTestId('unsaved').textContent).toBe('Modifications non enregistrées.');
    expect(leavingAsks()).toBe(true);
    // Typed back as it was saved: nothing left to lose.
    fireEvent.input(opener, { target: { value: DEFAULT_HOUSE_STYLE.itemOpener } });
    expect(screen.queryByTestId('unsaved')).toBeNull();
    expect(leavingAsks()).toBe(false);

    fireEvent.input(opener, { target: { value: '• ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Enregistré.');
    await waitFor(() => expect(leavingAsks()).toBe(false));
    expect((await houseStyleItem.getValue()).itemOpener).toBe('• ');
    expect(screen.queryByTestId('unsaved')).toBeNull();
  });

  it('asks from the moment it says « Modifications non enregistrées. », not a frame later', async () => {
    render(<HouseStyleSettings />);
    const opener = (await screen.findByLabelText(
      'Ouverture de chaque indiscret',
    )) as HTMLInputElement;

    // Typed as a page gets it, outside the testing library's act(), which would run every
    // effect at once and hide one still waiting for the next frame.
    opener.value = '• ';
    opener.dispatchEvent(new Event('input', { bubbles: true }));
    for (let turn = 0; turn < 20 && !screen.queryByTestId('unsaved'); turn++) {
      await Promise.resolve();
    }

    expect(screen.getByTestId('unsaved')).toBeTruthy();
    expect(leavingAsks()).toBe(true);
  });

  it('says the same of the draft template', async () => {
    render(<TemplateSettings />);
    const template = await screen.findByLabelText(/^Texte de départ/);

    fireEvent.input(template, { target: { value: '<p>{title}</p>' } });
    expect(screen.getByTestId('unsaved')).toBeTruthy();
    expect(leavingAsks()).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Enregistré.');
    await waitFor(() => expect(leavingAsks()).toBe(false));
  });
});

const CONFLICT =
  'Ce réglage a changé ailleurs pendant que vous le modifiiez (une restauration, un autre onglet)\u00a0: vos modifications ne sont pas enregistrées. Lesquelles garder\u202f?';

describe('Options: a setting written elsewhere while the page is open (a restore that did not reload it)', () => {
  it('the house style card shows the stored style when nothing was typed in it, with no change of its own to save', async () => {
    render(<HouseStyleSettings />);
    const opener = (await screen.findByLabelText(
      'Ouverture de chaque indiscret',
    )) as HTMLInputElement;

    await houseStyleItem.setValue({ ...DEFAULT_HOUSE_STYLE, itemOpener: '▸ ' });

    await waitFor(() => expect(opener.value).toBe('▸ '));
    expect(screen.queryByTestId('unsaved')).toBeNull();
    expect(leavingAsks()).toBe(false);
  });

  it('the house style card keeps what was typed in it, still not saved, and says the style changed under it', async () => {
    render(<HouseStyleSettings />);
    const opener = (await screen.findByLabelText(
      'Ouverture de chaque indiscret',
    )) as HTMLInputElement;
    fireEvent.input(opener, { target: { value: '• ' } });

    await houseStyleItem.setValue({ ...DEFAULT_HOUSE_STYLE, itemOpener: '▸ ', intro: 'Bonjour' });

    const conflict = await screen.findByTestId('stored-conflict');
    expect(within(conflict).getByTestId('conflict-question').textContent).toBe(CONFLICT);
    expect(opener.value).toBe('• ');
    expect(leavingAsks()).toBe(true);
  });

  it('the house style card changed under the typing: « Enregistrer » writes nothing and asks, « Enregistrer les miennes » writes the typing', async () => {
    render(<HouseStyleSettings />);
    const opener = (await screen.findByLabelText(
      'Ouverture de chaque indiscret',
    )) as HTMLInputElement;
    fireEvent.input(opener, { target: { value: '• ' } });
    const restored = { ...DEFAULT_HOUSE_STYLE, itemOpener: '▸ ', intro: 'Bonjour' };
    await houseStyleItem.setValue(restored);
    const conflict = await screen.findByTestId('stored-conflict');

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await houseStyleItem.getValue()).toEqual(restored);
    expect(document.activeElement).toBe(within(conflict).getByTestId('conflict-question'));

    fireEvent.click(within(conflict).getByRole('button', { name: 'Enregistrer les miennes' }));
    await waitFor(async () => expect((await houseStyleItem.getValue()).itemOpener).toBe('• '));
    // The typing alone: the intro restored meanwhile, never typed here, is kept.
    expect((await houseStyleItem.getValue()).intro).toBe('Bonjour');
    await screen.findByText('Enregistré.');
    expect(screen.queryByTestId('stored-conflict')).toBeNull();
    expect(leavingAsks()).toBe(false);
    expect(document.activeElement).toBe(screen.getByLabelText(/^Modèle du titre/));
  });

  it('the house style card changed under the typing: « Reprendre la version enregistrée » shows the stored style, the typing dropped', async () => {
    render(<HouseStyleSettings />);
    const opener = (await screen.findByLabelText(
      'Ouverture de chaque indiscret',
    )) as HTMLInputElement;
    const intro = screen.getByLabelText('Chapô par défaut') as HTMLTextAreaElement;
    fireEvent.input(opener, { target: { value: '• ' } });
    await houseStyleItem.setValue({ ...DEFAULT_HOUSE_STYLE, itemOpener: '▸ ', intro: 'Bonjour' });
    const conflict = await screen.findByTestId('stored-conflict');

    fireEvent.click(
      within(conflict).getByRole('button', { name: 'Reprendre la version enregistrée' }),
    );

    await waitFor(() => expect(opener.value).toBe('▸ '));
    expect(intro.value).toBe('Bonjour');
    expect(screen.queryByTestId('stored-conflict')).toBeNull();
    expect(screen.queryByTestId('unsaved')).toBeNull();
    expect(leavingAsks()).toBe(false);
  });

  it('the house style card typed back to where it started, changed under it since: still a change not saved, not the old style shown as saved', async () => {
    render(<HouseStyleSettings />);
    const opener = (await screen.findByLabelText(
      'Ouverture de chaque indiscret',
    )) as HTMLInputElement;
    fireEvent.input(opener, { target: { value: '• ' } });
    await houseStyleItem.setValue({ ...DEFAULT_HOUSE_STYLE, itemOpener: '▸ ', intro: 'Bonjour' });
    await screen.findByTestId('stored-conflict');

    fireEvent.input(opener, { target: { value: DEFAULT_HOUSE_STYLE.itemOpener } });

    await screen.findByTestId('unsaved');
    expect(leavingAsks()).toBe(true);
  });

  it('the template card shows the stored template when nothing was typed in it, and keeps one typed', async () => {
    render(<TemplateSettings />);
    const template = (await screen.findByLabelText(/^Texte de départ/)) as HTMLTextAreaElement;

    await draftTemplate.setValue('<p>{title}, restauré</p>');
    await waitFor(() => expect(template.value).toBe('<p>{title}, restauré</p>'));
    expect(screen.queryByTestId('unsaved')).toBeNull();

    fireEvent.input(template, { target: { value: '<p>tapé</p>' } });
    await draftTemplate.setValue('<p>{title}, encore</p>');
    await screen.findByTestId('stored-conflict');
    expect(template.value).toBe('<p>tapé</p>');
  });

  it('the template card changed under the typing: « Enregistrer » writes nothing, « Enregistrer les miennes » does', async () => {
    render(<TemplateSettings />);
    const template = (await screen.findByLabelText(/^Texte de départ/)) as HTMLTextAreaElement;
    fireEvent.input(template, { target: { value: '<p>tapé</p>' } });
    await draftTemplate.setValue('<p>{title}, restauré</p>');
    const conflict = await screen.findByTestId('stored-conflict');

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await draftTemplate.getValue()).toBe('<p>{title}, restauré</p>');
    expect(document.activeElement).toBe(within(conflict).getByTestId('conflict-question'));

    fireEvent.click(within(conflict).getByRole('button', { name: 'Enregistrer les miennes' }));
    await waitFor(async () => expect(await draftTemplate.getValue()).toBe('<p>tapé</p>'));
    await screen.findByText('Enregistré.');
    expect(screen.queryByTestId('stored-conflict')).toBeNull();
    expect(document.activeElement).toBe(template);
  });
});

describe('Options: the desk’s keys of one character', () => {
  it('are on by default, and unticked are stored off at once, with no « Enregistrer »', async () => {
    render(<KeyboardSettings />);
    const box = (await screen.findByRole('checkbox', {
      name: 'Raccourcis d’une seule touche sur le bureau',
    })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    // What they are and what stays, read with the box.
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Les touches ? i n / 1 2 3 4, tapées hors d’un champ de texte. Coupez-les si vous dictez votre texte, ou si une touche tapée par mégarde vous gêne\u202f; Échap, les raccourcis avec Ctrl ou Alt et les touches d’une ligne de liste (a, j, k) restent.',
    );

    fireEvent.click(box);
    await screen.findByText('Enregistré.');
    expect(await characterKeys.getValue()).toBe(false);
    expect(box.checked).toBe(false);

    fireEvent.click(box);
    await waitFor(async () => expect(await characterKeys.getValue()).toBe(true));
  });

  it('shows the setting changed elsewhere (another browser, synced)', async () => {
    render(<KeyboardSettings />);
    const box = (await screen.findByRole('checkbox')) as HTMLInputElement;

    await characterKeys.setValue(false);

    await waitFor(() => expect(box.checked).toBe(false));
  });

  it('says so and shows what is still stored when browser storage refuses the change', async () => {
    render(<KeyboardSettings />);
    const box = (await screen.findByRole('checkbox')) as HTMLInputElement;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    // The synced area's limit of writes per minute reached, as Chrome refuses a write then.
    const refused = vi
      .spyOn(fakeBrowser.storage.sync, 'set')
      .mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));

    fireEvent.click(box);

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Le réglage n’a pas pu être enregistré\u00a0: réessayez.',
    );
    expect(box.checked).toBe(true);
    expect(errors).toHaveBeenCalled();
    refused.mockRestore();
    errors.mockRestore();
  });
});

describe('Options: the desk’s keyboard asked for from the desk’s list of keys', () => {
  const boxName = 'Raccourcis d’une seule touche sur le bureau';

  it('gives the box the keyboard and puts it on screen, once, in a page opening or open already', async () => {
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    // The list's « Réglages » (openKeyboardSettings).
    await settingsFocus.setValue({ section: 'keyboard', at: Date.now() });
    const { unmount } = render(<KeyboardSettings />);
    const box = await screen.findByRole('checkbox', { name: boxName });

    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(scrolled.mock.contexts).toContain(box);
    // Obeyed once: the page opened again later starts at its top.
    await waitFor(async () => expect(await settingsFocus.getValue()).toBeNull());
    unmount();

    render(<KeyboardSettings />);
    const again = await screen.findByRole('checkbox', { name: boxName });
    expect(document.activeElement).not.toBe(again);
    // Asked while the page is open: it moves there too.
    await settingsFocus.setValue({ section: 'keyboard', at: Date.now() });
    await waitFor(() => expect(document.activeElement).toBe(again));
    scrolled.mockRestore();
  });

  it('leaves a request too old, never read, unobeyed, and the WordPress settings’ to them', async () => {
    await settingsFocus.setValue({ section: 'keyboard', at: Date.now() - 60_000 });
    render(<KeyboardSettings />);
    const box = (await screen.findByRole('checkbox', { name: boxName })) as HTMLInputElement;
    await waitFor(async () => expect(await settingsFocus.getValue()).toBeNull());
    expect(document.activeElement).toBe(document.body);

    const wordpress = { section: 'wordpress', at: Date.now() } as const;
    await settingsFocus.setValue(wordpress);
    // Changed after it: once the box shows this, the request was heard and drawn too.
    await characterKeys.setValue(false);
    await waitFor(() => expect(box.checked).toBe(false));

    // Another section's: neither obeyed nor cleared here.
    expect(await settingsFocus.getValue()).toEqual(wordpress);
    expect(document.activeElement).toBe(document.body);
  });
});

describe('Options: a house style changed under the typing, the typing refused', () => {
  it('says why « Enregistrer les miennes » wrote nothing (an empty title pattern), the question still there', async () => {
    render(<HouseStyleSettings />);
    const pattern = (await screen.findByLabelText(/^Modèle du titre/)) as HTMLInputElement;
    fireEvent.input(pattern, { target: { value: ' ' } });
    await houseStyleItem.setValue({
      ...DEFAULT_HOUSE_STYLE,
      titlePattern: 'Échos du {date}',
      intro: 'Bonjour',
    });
    const conflict = await screen.findByTestId('stored-conflict');

    fireEvent.click(within(conflict).getByRole('button', { name: 'Enregistrer les miennes' }));

    await screen.findByText('Le modèle du titre est vide.');
    expect(screen.getByTestId('stored-conflict')).toBeTruthy();
    expect((await houseStyleItem.getValue()).intro).toBe('Bonjour');
  });
});

describe('Options: the template card’s own save', () => {
  it('a template typed with spaces or a line break around it, saved: no question of a change made elsewhere, not even for a moment', async () => {
    render(<TemplateSettings />);
    const template = (await screen.findByLabelText(/^Texte de départ/)) as HTMLTextAreaElement;
    const asked: string[] = [];
    const watch = new MutationObserver(() => {
      if (document.querySelector('[data-testid="stored-conflict"]')) asked.push('asked');
    });
    watch.observe(document.body, { childList: true, subtree: true });
    fireEvent.input(template, { target: { value: '<p>{title}, tapé</p>\n' } });

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await screen.findByText('Enregistré.');
    await new Promise((resolve) => setTimeout(resolve, 50));
    watch.disconnect();
    expect(asked).toEqual([]);
    expect(await draftTemplate.getValue()).toBe('<p>{title}, tapé</p>');
    expect(template.value).toBe('<p>{title}, tapé</p>');
  });
});

describe('Options: a house style changed elsewhere in fields not typed in', () => {
  it('shows those fields as stored, keeps the typing, asks nothing: « Enregistrer » writes both', async () => {
    render(<HouseStyleSettings />);
    const opener = (await screen.findByLabelText(
      'Ouverture de chaque indiscret',
    )) as HTMLInputElement;
    const intro = screen.getByLabelText('Chapô par défaut') as HTMLTextAreaElement;
    fireEvent.input(opener, { target: { value: '• ' } });

    await houseStyleItem.setValue({ ...DEFAULT_HOUSE_STYLE, intro: 'Bonjour' });

    await waitFor(() => expect(intro.value).toBe('Bonjour'));
    expect(screen.queryByTestId('stored-conflict')).toBeNull();
    expect(opener.value).toBe('• ');
    expect(screen.getByTestId('unsaved')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Enregistré.');
    const saved = await houseStyleItem.getValue();
    expect([saved.itemOpener, saved.intro]).toEqual(['• ', 'Bonjour']);
  });

  it('a field typed changed elsewhere too: asks, the others shown as stored; « Enregistrer les miennes » writes the typed field alone over the stored style', async () => {
    render(<HouseStyleSettings />);
    const opener = (await screen.findByLabelText(
      'Ouverture de chaque indiscret',
    )) as HTMLInputElement;
    const intro = screen.getByLabelText('Chapô par défaut') as HTMLTextAreaElement;
    fireEvent.input(opener, { target: { value: '• ' } });

    await houseStyleItem.setValue({ ...DEFAULT_HOUSE_STYLE, itemOpener: '▸ ', intro: 'Bonjour' });
    const conflict = await screen.findByTestId('stored-conflict');
    expect(intro.value).toBe('Bonjour');
    expect(opener.value).toBe('• ');

    fireEvent.click(within(conflict).getByRole('button', { name: 'Enregistrer les miennes' }));
    await screen.findByText('Enregistré.');
    const saved = await houseStyleItem.getValue();
    expect([saved.itemOpener, saved.intro]).toEqual(['• ', 'Bonjour']);
  });
});

describe('Options: the interface language chosen by the keyboard', () => {
  // A language applied turns this page's texts to it: the next test starts in French.
  afterEach(() => setLocale('fr'));

  /** An arrow on the closed list: the browser moves the choice and fires a change at once. */
  const step = (list: HTMLSelectElement, to: string) => {
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.change(list, { target: { value: to } });
  };

  it('applies nothing at each arrow on the closed list, the language stepped to at Enter', async () => {
    render(<LanguageSettings />);
    const list = (await screen.findByRole('combobox', {
      name: 'Langue de l’interface',
    })) as HTMLSelectElement;

    step(list, 'fr');
    step(list, 'en');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await uiLocale.getValue()).toBe('auto');
    expect(list.value).toBe('en');

    fireEvent.keyDown(list, { key: 'Enter' });
    await waitFor(async () => expect(await uiLocale.getValue()).toBe('en'));
  });

  it('applies the language stepped to when the keyboard leaves the list, not when the window does', async () => {
    render(
      <>
        <LanguageSettings />
        <button type="button">Après</button>
      </>,
    );
    const list = (await screen.findByRole('combobox', {
      name: 'Langue de l’interface',
    })) as HTMLSelectElement;
    list.focus();
    step(list, 'fr');
    await new Promise((resolve) => setTimeout(resolve, 30));

    // The window left: the list keeps the keyboard.
    fireEvent.blur(list);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await uiLocale.getValue()).toBe('auto');

    screen.getByRole('button', { name: 'Après' }).focus();
    await waitFor(async () => expect(await uiLocale.getValue()).toBe('fr'));
  });

  it('applies a choice made with no arrow (the opened list, the mouse) at once', async () => {
    render(<LanguageSettings />);
    const list = (await screen.findByRole('combobox', {
      name: 'Langue de l’interface',
    })) as HTMLSelectElement;
    await new Promise((resolve) => setTimeout(resolve, 30));

    fireEvent.change(list, { target: { value: 'en' } });

    await waitFor(async () => expect(await uiLocale.getValue()).toBe('en'));
  });
});

describe('Options: a house style conflict settled by typing', () => {
  it('the field changed elsewhere typed as stored: no longer asked, the other typing still not saved', async () => {
    render(<HouseStyleSettings />);
    const opener = (await screen.findByLabelText(
      'Ouverture de chaque indiscret',
    )) as HTMLInputElement;
    const intro = screen.getByLabelText('Chapô par défaut') as HTMLTextAreaElement;
    fireEvent.input(opener, { target: { value: '• ' } });
    fireEvent.input(intro, { target: { value: 'Bonjour' } });
    await houseStyleItem.setValue({ ...DEFAULT_HOUSE_STYLE, itemOpener: '▸ ' });
    await screen.findByTestId('stored-conflict');

    fireEvent.input(opener, { target: { value: '▸ ' } });

    await screen.findByTestId('unsaved');
    expect(screen.queryByTestId('stored-conflict')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await screen.findByText('Enregistré.');
    const saved = await houseStyleItem.getValue();
    expect([saved.itemOpener, saved.intro]).toEqual(['▸ ', 'Bonjour']);
  });
});

/**
 * The house style and the template typed in, then both changed elsewhere (a restore): both
 * cards ask which to keep.
 */
async function typedInBothThenRestored() {
  const opener = await screen.findByLabelText('Ouverture de chaque indiscret');
  const template = await screen.findByLabelText(/^Texte de départ/);
  fireEvent.input(opener, { target: { value: '• ' } });
  fireEvent.input(template, { target: { value: '<p>tapé</p>' } });
  await houseStyleItem.setValue({ ...DEFAULT_HOUSE_STYLE, itemOpener: '▸ ' });
  await draftTemplate.setValue('<p>{title}, restauré</p>');
  await waitFor(() => expect(screen.getAllByTestId('stored-conflict')).toHaveLength(2));
}

describe('Options: the question of a setting changed elsewhere, by a screen reader', () => {
  it('holds its two answers in a group named by the question, each card’s its own', async () => {
    render(
      <>
        <HouseStyleSettings />
        <TemplateSettings />
      </>,
    );
    await typedInBothThenRestored();
    const groups = screen.getAllByRole('group', { name: CONFLICT });
    expect(groups).toHaveLength(2);
    for (const group of groups) {
      expect(
        within(group)
          .getAllByRole('button')
          .map((button) => button.textContent),
      ).toEqual(['Enregistrer les miennes', 'Reprendre la version enregistrée']);
    }
  });
});

describe('Options: several cards asking at once (a restore under typing in them), said once', () => {
  it('says which cards ask in the page’s one region, no card’s question an alert of its own', async () => {
    render(
      <>
        <HouseStyleSettings />
        <TemplateSettings />
        <ConflictsSaid />
      </>,
    );
    await typedInBothThenRestored();
    expect(screen.queryAllByRole('alert')).toEqual([]);
    await waitFor(() =>
      expect(screen.getByTestId('conflicts-said').textContent).toBe(
        'Les cartes «\u00a0Style maison\u00a0» et «\u00a0Modèle des nouveaux brouillons\u00a0» demandent chacune lesquelles garder\u00a0: leurs réglages ont changé ailleurs pendant que vous les modifiiez.',
      ),
    );
    expect(screen.getByTestId('conflicts-said').getAttribute('role')).toBe('status');

    // One answered: the page says the one left, and nothing once none asks.
    fireEvent.click(
      within(screen.getAllByTestId('stored-conflict')[0]!).getByRole('button', {
        name: 'Reprendre la version enregistrée',
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('conflicts-said').textContent).toBe(
        'La carte «\u00a0Modèle des nouveaux brouillons\u00a0» demande lesquelles garder\u00a0: son réglage a changé ailleurs pendant que vous le modifiiez.',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reprendre la version enregistrée' }));
    await waitFor(() => expect(screen.getByTestId('conflicts-said').textContent).toBe(''));
  });

  it('quotes the cards as English does, in English', async () => {
    setLocale('en');
    try {
      render(
        <>
          <TemplateSettings />
          <ConflictsSaid />
        </>,
      );
      const template = await screen.findByLabelText(/^Starting text/);
      fireEvent.input(template, { target: { value: '<p>typed</p>' } });
      await draftTemplate.setValue('<p>{title}, restored</p>');

      await waitFor(() =>
        expect(screen.getByTestId('conflicts-said').textContent).toBe(
          'The “Template of new drafts” card asks which to keep: its setting was changed elsewhere while you were editing it.',
        ),
      );
    } finally {
      setLocale('fr');
    }
  });
});

// Last of the file: the page left unasked (leaveWithoutAsking) stays so for this module.
describe('Options: the interface language chosen with changes typed and not saved', () => {
  afterEach(() => setLocale('fr'));

  async function typedThenChosen() {
    render(
      <>
        <LanguageSettings />
        <HouseStyleSettings />
      </>,
    );
    const opener = await screen.findByLabelText('Ouverture de chaque indiscret');
    fireEvent.input(opener, { target: { value: '• ' } });
    const list = screen.getByRole('combobox', {
      name: 'Langue de l’interface',
    }) as HTMLSelectElement;
    await new Promise((resolve) => setTimeout(resolve, 30));
    fireEvent.change(list, { target: { value: 'en' } });
    return list;
  }

  it('asks first, the language not stored nor shown as chosen until the editor answers', async () => {
    const list = await typedThenChosen();

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Des modifications ne sont pas enregistrées sur cette page\u00a0: changer de langue recharge la page, elles seraient perdues.',
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await uiLocale.getValue()).toBe('auto');
    expect(list.value).toBe('auto');
  });

  it('the editor staying: nothing stored, the keyboard back on the list, the typing kept', async () => {
    const list = await typedThenChosen();

    fireEvent.click(
      await screen.findByRole('button', { name: 'Garder la langue et les modifications' }),
    );

    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(list);
    expect(list.value).toBe('auto');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await uiLocale.getValue()).toBe('auto');
    expect(screen.getByTestId('unsaved')).toBeTruthy();
  });

  it('the keyboard leaving the list stepped to a language goes to the question, not past it', async () => {
    render(
      <>
        <LanguageSettings />
        <HouseStyleSettings />
      </>,
    );
    const opener = await screen.findByLabelText('Ouverture de chaque indiscret');
    fireEvent.input(opener, { target: { value: '• ' } });
    const list = screen.getByRole('combobox', {
      name: 'Langue de l’interface',
    }) as HTMLSelectElement;
    await new Promise((resolve) => setTimeout(resolve, 30));
    list.focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.change(list, { target: { value: 'en' } });

    // Tab from the list: the browser puts the keyboard on the next card's first field.
    screen.getByLabelText('Langue des exports').focus();

    const stay = await screen.findByRole('button', {
      name: 'Garder la langue et les modifications',
    });
    await waitFor(() => expect(document.activeElement).toBe(stay));
    expect(await uiLocale.getValue()).toBe('auto');
  });

  it('the language the page is drawn in, chosen back after a restore stored another: stored, nothing asked nor reloaded', async () => {
    // A French page, the typing not saved; a restore over it (or another tab) stores English,
    // which shows only at the next reload: the list says English meanwhile.
    render(
      <>
        <LanguageSettings />
        <HouseStyleSettings />
      </>,
    );
    const opener = await screen.findByLabelText('Ouverture de chaque indiscret');
    fireEvent.input(opener, { target: { value: '• ' } });
    const list = screen.getByRole('combobox', {
      name: 'Langue de l’interface',
    }) as HTMLSelectElement;
    await uiLocale.setValue('en');
    await waitFor(() => expect(list.value).toBe('en'));
    sessionStorage.clear();

    fireEvent.change(list, { target: { value: 'fr' } });

    // French kept, as the page shows it: no reload to lose the typing for, nothing asked.
    await waitFor(async () => expect(await uiLocale.getValue()).toBe('fr'));
    expect(screen.queryByTestId('language-unsaved')).toBeNull();
    expect(list.value).toBe('fr');
    expect(sessionStorage.length).toBe(0);
    expect((opener as HTMLInputElement).value).toBe('• ');
    expect(screen.getByTestId('unsaved')).toBeTruthy();
  });

  it('the editor leaving: the language stored, the page left with no second question', async () => {
    await typedThenChosen();

    fireEvent.click(
      await screen.findByRole('button', { name: 'Changer de langue sans les enregistrer' }),
    );

    await waitFor(async () => expect(await uiLocale.getValue()).toBe('en'));
    await waitFor(() => expect(leavingAsks()).toBe(false));
  });
});
