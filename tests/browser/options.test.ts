import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focusedLabel, launchExtension, openPopup, until, type ExtensionSession } from './harness';

/**
 * The house style in the options page, in real Chromium: the exports turned English bring the
 * English title pattern (a French one would give « Les indiscrets du March 15 »), and the next
 * issue made in the popup is titled with it.
 */
describe('the house style in the options page, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('turns the title pattern English with the exports, and a new issue is titled with it', async () => {
    const options = await session.openExtensionPage('options.html');
    const style = options.getByRole('form', { name: 'Style maison' });
    const pattern = style.getByRole('textbox', { name: /^Modèle du titre/ });
    await until(
      () => pattern.inputValue(),
      (value) => value === 'Les indiscrets du {date}',
      'the stored style',
    );

    await style.getByLabel('Langue des exports').selectOption('en');

    expect(await pattern.inputValue()).toBe('Les Indiscrets, {date}');
    expect(await style.textContent()).toContain('→ «\u00a0Les Indiscrets, March 15\u00a0»');
    await style.getByRole('button', { name: 'Enregistrer' }).click();
    await style.getByText('Enregistré.').waitFor();

    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    const form = popup.getByRole('form', { name: 'Nouveau numéro' });
    await form.getByLabel('Date').fill('2027-03-22');
    await until(
      () => form.getByLabel('Titre').inputValue(),
      (value) => value === 'Les Indiscrets, March 22',
      'the new issue’s title',
    );
    await popup.close();
    await options.close();
  });
  it('asks before the page is left with a change not saved, and not once it is', async () => {
    const options = await session.openExtensionPage('options.html');
    const style = options.getByRole('form', { name: 'Style maison' });
    const opener = style.getByLabel('Ouverture de chaque indiscret');
    await until(
      () => opener.inputValue(),
      (value) => value !== '',
      'the stored style',
    );
    const asked: string[] = [];
    options.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });

    // Chromium asks only a page that had a real gesture: the typing is one.
    await opener.fill('• ');
    await style.getByTestId('unsaved').waitFor();
    await options.close({ runBeforeUnload: true });
    await until(
      () => Promise.resolve(asked),
      (types) => types.includes('beforeunload'),
      'the browser to ask before the page goes',
    );
    // Dismissed: the page stays, the change with it; saved, it goes without a question.
    expect(options.isClosed()).toBe(false);
    expect(await opener.inputValue()).toBe('• ');
    await style.getByRole('button', { name: 'Enregistrer' }).click();
    await style.getByText('Enregistré.').waitFor();
    asked.length = 0;
    await options.close({ runBeforeUnload: true });
    await until(() => Promise.resolve(options.isClosed()), Boolean, 'the page to close');
    expect(asked).toEqual([]);
  });
});

describe('the interface language chosen by the keyboard, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('arrowing through the languages reloads nothing; Enter applies the one chosen, the keyboard back on the list', async () => {
    const options = await session.openExtensionPage('options.html');
    const list = options.getByRole('combobox', { name: 'Langue de l’interface' });
    await list.focus();
    await options.evaluate(() => ((globalThis as unknown as { marked: boolean }).marked = true));

    // Chromium fires a change at each arrow on the closed list: « Celle du navigateur »,
    // « Français », « English ».
    await options.keyboard.press('ArrowDown');
    await options.keyboard.press('ArrowDown');
    await options.waitForTimeout(500);
    expect(
      await options.evaluate(() => (globalThis as unknown as { marked?: boolean }).marked),
    ).toBe(true);
    expect(await list.inputValue()).toBe('en');

    await options.keyboard.press('Enter');
    await options.getByRole('heading', { name: 'Indiscrets settings' }).waitFor();
    await until(
      () => focusedLabel(options),
      (now) => now === 'Interface language',
      'the focus on the language’s list, in English',
    );
    await options.close();
  });

  it('a language arrowed to applies when Tab leaves the list', async () => {
    const options = await session.openExtensionPage('options.html');
    const list = options.getByRole('combobox', { name: 'Interface language' });
    await list.focus();
    // From English (the test before): « Celle du navigateur », « Français », « English ».
    await options.keyboard.press('ArrowUp');
    await options.waitForTimeout(300);
    expect(await options.getByRole('heading', { name: 'Indiscrets settings' }).count()).toBe(1);

    await options.keyboard.press('Tab');
    await options.getByRole('heading', { name: 'Réglages d’Indiscrets' }).waitFor();
    await options.close();
  });
});

/**
 * The interface language chosen while another card holds changes typed and not saved, in
 * Chromium: the page asks first, in itself, and nothing is stored while it asks or when the
 * editor stays; « Changer de langue sans les enregistrer » reloads with no second question.
 */
describe('the interface language chosen with changes not saved, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('stores the language the page is drawn in, chosen back after a restore stored another, asking nothing and reloading nothing', async () => {
    const options = await session.openExtensionPage('options.html');
    const questions: string[] = [];
    options.on('dialog', (dialog) => {
      questions.push(dialog.type());
      void dialog.dismiss();
    });
    type Sync = {
      storage: {
        sync: {
          get(key: string): Promise<Record<string, unknown>>;
          set(items: Record<string, unknown>): Promise<void>;
          remove(key: string): Promise<void>;
        };
      };
    };
    const stored = () =>
      options.evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: Sync }).chrome;
        const got = await chrome.storage.sync.get('uiLocale');
        return (got.uiLocale as string | undefined) ?? 'none';
      });
    const style = options.getByRole('form', { name: 'Style maison' });
    await style.getByLabel('Ouverture de chaque indiscret').fill('• ');
    await style.getByText('Modifications non enregistrées.').waitFor();
    const list = options.getByRole('combobox', { name: 'Langue de l’interface' });
    // A restore over the typing (or another tab) stores English: shown at the next reload.
    await options.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: Sync }).chrome;
      await chrome.storage.sync.set({ uiLocale: 'en' });
      (globalThis as unknown as { marked: boolean }).marked = true;
    });
    await until(
      () => list.inputValue(),
      (value) => value === 'en',
      'the list showing the language stored',
    );

    await list.selectOption('fr');

    await until(stored, (value) => value === 'fr', 'French stored');
    await options.waitForTimeout(300);
    expect(await options.getByTestId('language-unsaved').count()).toBe(0);
    expect(
      await options.evaluate(() => (globalThis as unknown as { marked?: boolean }).marked),
    ).toBe(true);
    expect(await style.getByLabel('Ouverture de chaque indiscret').inputValue()).toBe('• ');
    expect(questions).toEqual([]);
    await options.evaluate(async () => {
      await (globalThis as unknown as { chrome: Sync }).chrome.storage.sync.remove('uiLocale');
    });
    await options.close();
  });

  it('asks before storing it; stays as it was when the editor stays; goes with no browser question', async () => {
    const options = await session.openExtensionPage('options.html');
    const questions: string[] = [];
    options.on('dialog', (dialog) => {
      questions.push(dialog.type());
      void dialog.dismiss();
    });
    const stored = () =>
      options.evaluate(async () => {
        type Sync = { storage: { sync: { get(key: string): Promise<Record<string, unknown>> } } };
        const chrome = (globalThis as unknown as { chrome: Sync }).chrome;
        const got = await chrome.storage.sync.get('uiLocale');
        return (got.uiLocale as string | undefined) ?? 'none';
      });
    const style = options.getByRole('form', { name: 'Style maison' });
    await style.getByLabel('Ouverture de chaque indiscret').fill('• ');
    await style.getByText('Modifications non enregistrées.').waitFor();
    const list = options.getByRole('combobox', { name: 'Langue de l’interface' });

    await list.selectOption('en');

    await options
      .getByRole('alert')
      .filter({ hasText: 'changer de langue recharge la page' })
      .waitFor();
    await options.waitForTimeout(300);
    expect(await stored()).toBe('none');
    expect(await list.inputValue()).toBe('auto');
    expect(questions).toEqual([]);

    await options.getByRole('button', { name: 'Garder la langue et les modifications' }).click();
    expect(await list.inputValue()).toBe('auto');
    expect(await stored()).toBe('none');
    expect(await style.getByLabel('Ouverture de chaque indiscret').inputValue()).toBe('• ');

    // By the keyboard alone: a step on the closed list asks nothing; Tab, leaving the list,
    // asks, and takes the keyboard to the question drawn after it, not past it to the next card.
    // « Celle du navigateur », « Français », « English ».
    await list.focus();
    await options.keyboard.press('ArrowDown');
    await options.keyboard.press('ArrowDown');
    await options.waitForTimeout(300);
    expect(await options.getByTestId('language-unsaved').count()).toBe(0);
    await options.keyboard.press('Tab');
    await until(
      () => focusedLabel(options),
      (now) => now === 'Garder la langue et les modifications',
      'the keyboard on the question',
    );
    await options.keyboard.press('Enter');
    await until(
      () => focusedLabel(options),
      (now) => now === 'Langue de l’interface',
      'the keyboard back on the list',
    );
    expect(await list.inputValue()).toBe('auto');
    expect(await stored()).toBe('none');

    await list.selectOption('en');
    await options.getByRole('button', { name: 'Changer de langue sans les enregistrer' }).click();
    await options.getByRole('heading', { name: 'Indiscrets settings' }).waitFor();
    expect(await stored()).toBe('en');
    expect(questions).toEqual([]);
    await options.close();
  });
});
