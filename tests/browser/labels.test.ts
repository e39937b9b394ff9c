import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clipTwoArticles,
  launchExtension,
  openDesk as openDeskPage,
  openPopup,
  servePages,
  squash,
  until,
  type ExtensionSession,
  type PageServer,
} from './harness';

/**
 * Item labels in real Chromium with the built extension: the issue list names each item by the
 * label the editor gave it in « Libellé », else by the first words of its text — never by the
 * clipped page's title (often English, often long). The label is kept after a reload, and the
 * link form's « Dans ce numéro » uses it too. The tests share one profile and run in order.
 */
describe('item labels in Chromium with the built extension', () => {
  let session: ExtensionSession;
  let server: PageServer;
  const titles = { guardian: '', lemonde: '' };

  const openDesk = () => openDeskPage(session);

  /** The items, in order, as the list names them. */
  const itemNames = (page: Page) =>
    page
      .getByTestId('issue-item')
      .locator('.issue-item__title')
      .allTextContents()
      .then((names) => names.map(squash));

  /** Opens the item the list shows under `name` in the desk's editor; returns its label field. */
  async function openItem(page: Page, name: string) {
    await page
      .getByTestId('issue-item')
      .locator('.issue-item__title', { hasText: name })
      .first()
      .click();
    const editor = page.getByTestId('draft-editor');
    await editor.waitFor();
    return editor.getByRole('textbox', { name: 'Libellé' });
  }

  const saved = (page: Page) =>
    page.getByTestId('save-state').filter({ hasText: 'Enregistré' }).waitFor();

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    Object.assign(titles, await clipTwoArticles(session, server));
    // An issue, and both drafts in it.
    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await popup.getByRole('button', { name: 'Créer le numéro' }).click();
    await popup.getByTestId('issue-totals').waitFor();
    await popup.getByRole('tab', { name: 'Brouillons' }).click();
    for (const title of [titles.guardian, titles.lemonde]) {
      await popup.getByRole('button', { name: `Ajouter « ${title} » au numéro` }).click();
      await popup
        .getByRole('button', { name: `Ajouter « ${title} » au numéro` })
        .waitFor({ state: 'detached' });
    }
    await popup.close();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('lists an item without a label by the first words of its text, not by its page’s title', async () => {
    const desk = await openDesk();
    await desk.getByTestId('issue-item').nth(1).waitFor();
    // Clipped with a passage: the text starts with it, in « », and so does the name.
    const names = await itemNames(desk);
    expect(names).toHaveLength(2);
    for (const [index, title] of [titles.guardian, titles.lemonde].entries()) {
      expect(names[index]).not.toBe(title);
      expect(names[index]).toMatch(/^« \S+( \S+){5}…$/);
    }

    // The editor writes the text: the list follows it, and the empty « Libellé » shows it.
    const label = await openItem(desk, names[0]!);
    expect(await label.inputValue()).toBe('');
    const area = desk.getByTestId('draft-editor').getByTestId('item-text');
    await area.click();
    await desk.keyboard.press('Control+A');
    await desk.keyboard.type('Les Maoris s’inquiètent des échouages de baleines à Wellington.');
    await saved(desk);
    await until(
      () => itemNames(desk),
      (list) => list[0] === 'Les Maoris s’inquiètent des échouages de…',
      'the list to name the item by its new first words',
    );
    expect(await label.getAttribute('placeholder')).toBe(
      'Les Maoris s’inquiètent des échouages de…',
    );
    await desk.close();
  });

  it('names an item by the label typed in the editor, everywhere the list names it', async () => {
    const desk = await openDesk();
    await desk.getByTestId('issue-item').nth(1).waitFor();
    const [, second] = await itemNames(desk);
    const label = await openItem(desk, second!);
    await label.click();
    await desk.keyboard.type('Loi renseignement');
    await saved(desk);

    await until(
      () => itemNames(desk),
      (list) => list[1] === 'Loi renseignement',
      'the list to show the label',
    );
    // The item's own buttons and its name for screen readers say it too.
    await desk.getByRole('button', { name: 'Retirer « Loi renseignement » du numéro' }).waitFor();
    expect(await desk.getByTestId('issue-item').nth(1).getAttribute('aria-label')).toMatch(
      /^Loi renseignement, position 2 sur 2/,
    );
    await desk.close();
  });

  it('keeps the label after a reload', async () => {
    const desk = await openDesk();
    await desk.getByTestId('issue-item').nth(1).waitFor();
    expect(await itemNames(desk)).toEqual([
      'Les Maoris s’inquiètent des échouages de…',
      'Loi renseignement',
    ]);
    await desk.reload();
    await desk.getByTestId('issue-item').nth(1).waitFor();
    expect(await itemNames(desk)).toEqual([
      'Les Maoris s’inquiètent des échouages de…',
      'Loi renseignement',
    ]);
    const label = await openItem(desk, 'Loi renseignement');
    await until(
      () => label.inputValue(),
      (value) => value === 'Loi renseignement',
      'the stored label in the editor',
    );
    await desk.close();
  });

  it('offers the other items under their label in the link form’s « Dans ce numéro »', async () => {
    const desk = await openDesk();
    await desk.getByTestId('issue-item').nth(1).waitFor();
    await openItem(desk, 'Les Maoris');
    const area = desk.getByTestId('draft-editor').getByTestId('item-text');
    await area.click();
    await area.evaluate((el) => {
      const text = el.querySelector('p')!.firstChild!;
      const at = text.nodeValue!.indexOf('baleines');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'baleines'.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await desk.keyboard.press('Control+K');

    const group = desk.getByTestId('link-group-issue');
    await group.waitFor();
    expect(squash(await group.textContent())).toContain('Dans ce numéro');
    expect(squash(await group.getByRole('option').first().textContent())).toContain(
      'Loi renseignement',
    );
    expect(squash(await group.textContent())).not.toContain(titles.lemonde);
    await desk.keyboard.press('Escape');
    await desk.close();
  });

  it('goes back to the first words when the label is emptied', async () => {
    const desk = await openDesk();
    await desk.getByTestId('issue-item').nth(1).waitFor();
    const label = await openItem(desk, 'Loi renseignement');
    await until(
      () => label.inputValue(),
      (value) => value === 'Loi renseignement',
      'the stored label in the editor',
    );
    await label.click();
    await desk.keyboard.press('Control+A');
    await desk.keyboard.press('Delete');
    await saved(desk);

    const names = await until(
      () => itemNames(desk),
      (list) => list[1] !== 'Loi renseignement',
      'the list to drop the label',
    );
    expect(names[1]).toMatch(/^« \S+( \S+){5}…$/);
    // Typeset as the list shows it (its no-break spaces folded as `names`' are).
    expect(squash(await label.getAttribute('placeholder'))).toBe(names[1]);
    await desk.close();
  });

  it('shows a label typed with straight quotes typeset, as the exports write it, in the desk and the popup', async () => {
    const desk = await openDesk();
    await desk.getByTestId('issue-item').nth(1).waitFor();
    const [, second] = await itemNames(desk);
    const label = await openItem(desk, second!);
    await label.click();
    await desk.keyboard.press('Control+A');
    await desk.keyboard.type('Selon "Le Monde", l\'affaire est close');
    await saved(desk);

    const typeset = 'Selon «\u00a0Le Monde\u00a0», l’affaire est close';
    await until(
      () => desk.getByTestId('issue-item').nth(1).locator('.issue-item__title').textContent(),
      (name) => name === typeset,
      'the list to show the label typeset',
    );
    // The field keeps what the editor typed.
    expect(await label.inputValue()).toBe('Selon "Le Monde", l\'affaire est close');
    // Quoted by the button's name, its own quotation is a quotation in a quotation.
    await desk
      .getByRole('button', {
        name: 'Retirer « Selon “Le Monde”, l’affaire est close » du numéro',
        exact: true,
      })
      .waitFor();
    await desk.close();

    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await popup.getByTestId('issue-item').nth(1).waitFor();
    expect(
      await popup.getByTestId('issue-item').nth(1).locator('.issue-item__title').textContent(),
    ).toBe(typeset);
    await popup.close();
  });
});
