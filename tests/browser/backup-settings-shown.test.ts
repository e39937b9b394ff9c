import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchExtension,
  liveRegionsSaying,
  squash,
  until,
  type ExtensionSession,
} from './harness';

/**
 * A restore with its settings, on the options page in Chromium (test build): what it wrote shows
 * at once (the page reloads), its settings failing midway too, the message then saying which
 * were restored and which this browser kept; and no reload over a change typed in another card
 * and not saved. Build first: npm run build:test.
 */

/** A backup holding only settings. */
const backupOf = (settings: object) => ({
  format: 'indiscrets-backup',
  version: 1,
  exportedAt: '2026-12-01T10:00:00.000Z',
  schemaVersion: 6,
  clips: [],
  issues: [],
  settings,
});

async function restoreWithSettings(options: Page, backup: object) {
  const [chooser] = await Promise.all([
    options.waitForEvent('filechooser'),
    options.getByRole('button', { name: 'Restaurer une sauvegarde…' }).click(),
  ]);
  await chooser.setFiles({
    name: 'indiscrets-sauvegarde.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(backup), 'utf8'),
  });
  const summary = options.getByTestId('backup-summary');
  await summary.getByRole('checkbox', { name: /Restaurer aussi les réglages/ }).check();
  await summary.getByRole('button', { name: 'Fusionner' }).click();
}

describe('restored settings shown at once, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('a restore whose settings fail midway reloads the page, the house style written shown, and says what this browser kept', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.getByTestId('backup-settings').waitFor();
    await options.evaluate(() => ((globalThis as unknown as { marked: boolean }).marked = true));
    // The draft template, past what the browser's synced storage takes in one item (8 KB),
    // fails after the house style was written: the language, after it, is not.
    await restoreWithSettings(
      options,
      backupOf({
        houseStyle: { itemOpener: '→ ' },
        draftTemplate: `<p>${'Modèle '.repeat(1500)}</p>`,
        uiLocale: 'en',
      }),
    );
    const status = options.getByTestId('backup-status');
    await until(
      () => status.textContent(),
      (text) => squash(text).includes('qu’en partie'),
      'the restore failing midway',
    );
    expect(squash(await status.textContent())).toContain(
      'Les réglages n’ont été restaurés qu’en partie. Restauré : le style maison. Pas ' +
        'restaurés : le modèle des brouillons et la langue ; ici, rien n’y a changé.',
    );
    expect(await status.getAttribute('role')).toBe('alert');
    expect(
      await options.evaluate(() => (globalThis as unknown as { marked?: boolean }).marked),
    ).toBeUndefined();
    // The page reloaded: the house style's card shows the restored opener.
    const style = options.getByRole('form', { name: 'Style maison' });
    expect(await style.getByLabel('Ouverture de chaque indiscret').inputValue()).toBe('→ ');
    await options.close();
  });

  it('a restore gone through does not reload over a change typed in another card, and says how to see it', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.getByTestId('backup-settings').waitFor();
    const style = options.getByRole('form', { name: 'Style maison' });
    const opener = style.getByLabel('Ouverture de chaque indiscret');
    await until(
      () => opener.inputValue(),
      (value) => value !== '',
      'the stored style',
    );
    await opener.fill('¶ ');
    await style.getByTestId('unsaved').waitFor();
    const dialogs: string[] = [];
    options.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });

    await restoreWithSettings(options, backupOf({ uiLocale: 'en' }));
    const status = options.getByTestId('backup-status');
    await until(
      () => status.textContent(),
      (text) => squash(text).includes('Réglages restaurés'),
      'the restore',
    );
    expect(squash(await status.textContent())).toContain(
      'Page non rechargée, pour garder les modifications non enregistrées des autres cartes : ' +
        'là où la restauration a changé un réglage que vous modifiiez, sa carte vous demande ' +
        'lesquelles garder. La langue restaurée s’affichera une fois la page rechargée.',
    );
    expect(await opener.inputValue()).toBe('¶ ');
    expect(dialogs).toEqual([]);
    await options.close();
  });

  it('not reloaded over a change typed in another card, the card where nothing was typed shows what was restored', async () => {
    // In French again: the restore before wrote English, not shown there (no reload).
    const first = await session.openExtensionPage('options.html');
    await first.evaluate(async () => {
      type Sync = { storage: { sync: { set(items: object): Promise<void> } } };
      await (globalThis as unknown as { chrome: Sync }).chrome.storage.sync.set({ uiLocale: 'fr' });
    });
    await first.close();
    const options = await session.openExtensionPage('options.html');
    await options.getByTestId('backup-settings').waitFor();
    const template = options.getByRole('form', { name: 'Modèle des nouveaux brouillons' });
    const field = template.getByRole('textbox');
    await until(
      () => field.inputValue(),
      (value) => value !== '',
      'the stored template',
    );
    await field.fill('<p>Tapé ici</p>');
    await template.getByTestId('unsaved').waitFor();

    await restoreWithSettings(options, backupOf({ houseStyle: { itemOpener: '✦ ' } }));
    const status = options.getByTestId('backup-status');
    await until(
      () => status.textContent(),
      (text) => squash(text).includes('Réglages restaurés'),
      'the restore',
    );
    // The house style's card, untouched, shows the restored opener, no change of its own to
    // save back over it; the template keeps what was typed.
    const style = options.getByRole('form', { name: 'Style maison' });
    const opener = style.getByLabel('Ouverture de chaque indiscret');
    await until(
      () => opener.inputValue(),
      (value) => value === '✦ ',
      'the restored opener',
    );
    expect(await style.getByTestId('unsaved').count()).toBe(0);
    expect(await field.inputValue()).toBe('<p>Tapé ici</p>');
    await options.close();
  });

  it('a restore that changes the setting typed in a card: the card keeps the typing, writes nothing at « Enregistrer », and asks which to keep', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.getByTestId('backup-settings').waitFor();
    const template = options.getByRole('form', { name: 'Modèle des nouveaux brouillons' });
    const field = template.getByRole('textbox');
    await until(
      () => field.inputValue(),
      (value) => value !== '',
      'the stored template',
    );
    await field.fill('<p>Tapé ici</p>');
    await template.getByTestId('unsaved').waitFor();

    await restoreWithSettings(options, backupOf({ draftTemplate: '<p>{title}, restauré</p>' }));
    const conflict = template.getByTestId('stored-conflict');
    await conflict.waitFor();
    expect(squash(await conflict.getByTestId('conflict-question').textContent())).toBe(
      'Ce réglage a changé ailleurs pendant que vous le modifiiez (une restauration, un autre ' +
        'onglet) : vos modifications ne sont pas enregistrées. Lesquelles garder ?',
    );
    expect(await field.inputValue()).toBe('<p>Tapé ici</p>');
    // Its answers in a group named by the question, as a screen reader reaches them by Tab.
    expect(
      await template
        .getByRole('group', { name: /^Ce réglage a changé ailleurs/ })
        .getByRole('button')
        .allTextContents(),
    ).toEqual(['Enregistrer les miennes', 'Reprendre la version enregistrée']);
    const storedTemplate = () =>
      options.evaluate(async () => {
        type Sync = { storage: { sync: { get(key: string): Promise<Record<string, unknown>> } } };
        const chrome = (globalThis as unknown as { chrome: Sync }).chrome;
        return (await chrome.storage.sync.get('draftTemplate')).draftTemplate;
      });

    // « Enregistrer », by the keyboard: nothing written, the keyboard on the question.
    await template.getByRole('button', { name: 'Enregistrer', exact: true }).focus();
    await options.keyboard.press('Enter');
    await until(
      () => options.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''),
      (id) => id === 'conflict-question',
      'the keyboard on the question',
    );
    expect(await storedTemplate()).toBe('<p>{title}, restauré</p>');

    // Tab to « Reprendre la version enregistrée »: the restored template shown, nothing typed.
    await options.keyboard.press('Tab');
    await options.keyboard.press('Tab');
    expect(await options.evaluate(() => document.activeElement?.textContent)).toBe(
      'Reprendre la version enregistrée',
    );
    await options.keyboard.press('Enter');
    await until(
      () => field.inputValue(),
      (value) => value === '<p>{title}, restauré</p>',
      'the restored template shown',
    );
    expect(await conflict.count()).toBe(0);
    expect(await template.getByTestId('unsaved').count()).toBe(0);
    expect(await options.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await options.close();
  });

  it('a restore that changes only fields not typed in a card: they show as restored, the typing kept, nothing asked, « Enregistrer » writing both', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.getByTestId('backup-settings').waitFor();
    const style = options.getByRole('form', { name: 'Style maison' });
    const opener = style.getByLabel('Ouverture de chaque indiscret');
    const intro = style.getByLabel('Chapô par défaut');
    await until(
      () => opener.inputValue(),
      (value) => value !== '',
      'the stored style',
    );
    const before = await opener.inputValue();
    await opener.fill('¶ ');
    await style.getByTestId('unsaved').waitFor();

    // The backup's style holds the opener stored here: only its intro is new.
    await restoreWithSettings(
      options,
      backupOf({ houseStyle: { itemOpener: before, intro: 'Bonjour' } }),
    );
    await until(
      () => intro.inputValue(),
      (value) => value === 'Bonjour',
      'the restored intro shown',
    );
    expect(await opener.inputValue()).toBe('¶ ');
    expect(await style.getByTestId('stored-conflict').count()).toBe(0);
    await style.getByTestId('unsaved').waitFor();

    await style.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await style.getByText('Enregistré.').waitFor();
    const stored = await options.evaluate(async () => {
      type Sync = { storage: { sync: { get(key: string): Promise<Record<string, unknown>> } } };
      const chrome = (globalThis as unknown as { chrome: Sync }).chrome;
      return (await chrome.storage.sync.get('houseStyle')).houseStyle as Record<string, unknown>;
    });
    expect([stored.itemOpener, stored.intro]).toEqual(['¶ ', 'Bonjour']);
    await options.close();
  });

  it('a restore that changes the settings typed in three cards: the page says once which ask, after the restore’s message, no question an alert', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.getByTestId('backup-settings').waitFor();
    const style = options.getByRole('form', { name: 'Style maison' });
    const template = options.getByRole('form', { name: 'Modèle des nouveaux brouillons' });
    const wordpress = options.getByRole('form', { name: 'WordPress' });
    const templateField = template.getByRole('textbox');
    await until(
      () => templateField.inputValue(),
      (value) => value !== '',
      'the stored template',
    );
    await style.getByLabel('Ouverture de chaque indiscret').fill('• ');
    await templateField.fill('<p>Tapé ici</p>');
    await wordpress.getByLabel('Catégorie (créée si besoin)').fill('Coulisses');
    await wordpress.getByTestId('unsaved').waitFor();

    await restoreWithSettings(
      options,
      backupOf({
        houseStyle: { itemOpener: '▹ ' },
        draftTemplate: '<p>{title}, restauré des trois</p>',
        wordpress: {
          siteUrl: 'https://monsite.fr',
          username: 'redac',
          category: 'Indiscrets restaurés',
          status: 'draft',
        },
      }),
    );
    await until(
      () => options.getByTestId('stored-conflict').count(),
      (count) => count === 3,
      'the three cards asking',
    );
    const said =
      'Les cartes « Style maison », « Modèle des nouveaux brouillons » et « WordPress » ' +
      'demandent chacune lesquelles garder : leurs réglages ont changé ailleurs pendant que ' +
      'vous les modifiiez.';
    await until(
      () => options.getByTestId('conflicts-said').textContent(),
      (text) => squash(text) === said,
      'the cards asking, said once',
    );
    // What a screen reader is given: the question of no card is a live region; the page's one
    // region says which ask, polite, after the restore's message (polite too), not over it.
    expect(await liveRegionsSaying(options, 'Lesquelles garder')).toEqual([]);
    expect(await liveRegionsSaying(options, 'demandent chacune lesquelles garder')).toEqual([
      'conflicts-said',
    ]);
    expect(await options.getByTestId('conflicts-said').getAttribute('role')).toBe('status');
    expect(await options.getByTestId('backup-status').getAttribute('role')).toBe('status');
    expect(await options.locator('[role="alert"]').count()).toBe(0);
    expect(squash(await options.getByTestId('backup-status').textContent())).toContain(
      'sa carte vous demande lesquelles garder',
    );
    await options.close();
  });
});
