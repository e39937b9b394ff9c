import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  clipFixture,
  launchExtension,
  openDesk as openDeskPage,
  openPopup as openPopupPage,
  screenshotPath,
  servePages,
  squash,
  until,
  type ExtensionSession,
  type PageServer,
} from './harness';

/**
 * The editor's whole week, in real Chromium with the built extension: clip pages, write items
 * with the keyboard, make an issue, order it by keyboard and by mouse, close everything, and
 * find it all again. The tests run in order and share one browser profile: each one starts
 * where the previous one left the drafts.
 */

const DESK = { width: 1400, height: 900 };

describe('composing an issue in Chromium with the built extension', () => {
  let session: ExtensionSession;
  let server: PageServer;

  const openPopup = (query = '') => openPopupPage(session, query);

  const openDesk = () => openDeskPage(session, DESK);

  const clip = (name: string, selector: string) => clipFixture(session, server, name, selector);

  const draftRow = (page: Page, title: string) =>
    page.getByTestId('draft').filter({ has: page.getByRole('button', { name: title }) });

  /** Opens a draft in the popup's editor from the inbox. */
  async function openDraft(page: Page, title: string): Promise<Locator> {
    await page.getByRole('button', { name: title, exact: true }).click();
    const editor = page.getByTestId('draft-editor');
    await editor.waitFor();
    return editor.getByTestId('item-text');
  }

  /** Empties the item editor with the keyboard, as an editor rewriting the template does. */
  async function clearItem(page: Page, area: Locator) {
    await area.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
  }

  /** The issue's items, in order, as the list names them (their labels). */
  const issueNames = (page: Page) =>
    page
      .getByTestId('issue-item')
      .locator('.issue-item__title')
      .allTextContents()
      .then((names) => names.map(squash));

  /** The clipped pages' titles: the inbox names drafts by them. */
  const titles = { lemonde: '', guardian: '', wikipedia: '', nytimes: '', quanta: '' };
  /**
   * How the issue list names the items, none of which is given a label here: the first words
   * of their text (the clipped passage in « » until the editor writes over it).
   */
  const labels = {
    lemonde: 'La loi sur le renseignement passe…',
    guardian: 'Les Maoris s’inquiètent des échouages de…',
    wikipedia: '« Mozilla is a free-software community, created…',
    quanta: '« A little over half a century…',
  };
  /** The address of the Le Monde draft's first source, to use it twice. */
  let lemondeUrl = '';

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
    // A broken step fails in 15 s, not after Playwright's 30 s default (5 s is short on a loaded CI machine).
    session.context.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('clips three pages into three drafts, newest first', async () => {
    titles.lemonde = await clip('lemonde-1', '#articleBody p');
    titles.guardian = await clip('guardian-1', '[itemprop="articleBody"] p');
    titles.wikipedia = await clip('wikipedia', '#mw-content-text p');

    const popup = await openPopup();
    const rows = popup.getByTestId('draft');
    await rows.nth(2).waitFor();

    const shown = (await rows.locator('.draft__title').allTextContents()).map(squash);
    expect(shown).toEqual([titles.wikipedia, titles.guardian, titles.lemonde]);
    const total = popup.getByTestId('draft-total');
    await until(
      () => total.textContent(),
      (text) => text === '3 brouillons',
      'the count',
    );
    await popup.screenshot({ path: screenshotPath('inbox.png') });
    await popup.close();
  });

  it('writes an item by typing, with bold (Ctrl+B) and a link, and saves it', async () => {
    const popup = await openPopup();
    const area = await openDraft(popup, titles.lemonde);

    await clearItem(popup, area);
    await area.pressSequentially('La loi sur le renseignement passe ');
    await popup.keyboard.press('Control+B');
    await area.pressSequentially('à une large majorité');
    await popup.keyboard.press('Control+B');
    await area.pressSequentially(', selon Le Monde');
    for (let i = 0; i < 'Le Monde'.length; i++) await popup.keyboard.press('Shift+ArrowLeft');
    await popup.getByRole('button', { name: 'Lien' }).click();
    const url = popup.getByRole('combobox', { name: 'Adresse du lien' });
    await url.fill('https://www.lemonde.fr/pixels/');
    await url.press('Enter');
    await area.press('End');
    await area.pressSequentially('.');

    const saved = popup.getByTestId('save-state');
    await until(
      () => saved.textContent(),
      (text) => text === 'Enregistré',
      'the save',
    );
    expect(await area.locator('strong, b').textContent()).toBe('à une large majorité');
    const link = area.getByRole('link', { name: 'Le Monde' });
    expect(await link.getAttribute('href')).toBe('https://www.lemonde.fr/pixels/');
    expect(squash(await area.textContent())).toBe(
      'La loi sur le renseignement passe à une large majorité, selon Le Monde.',
    );
    lemondeUrl = await popup.getByRole('textbox', { name: 'Adresse de la source' }).inputValue();
    await popup.screenshot({ path: screenshotPath('editor.png') });
    await popup.close();
  });

  it('writes a second item on another draft', async () => {
    const popup = await openPopup();
    const area = await openDraft(popup, titles.guardian);

    await clearItem(popup, area);
    await popup.keyboard.type('Les Maoris s’inquiètent des échouages de baleines.');
    await popup.getByRole('button', { name: /Retour/ }).click();

    // Back in the inbox, the row already shows the new text's length.
    await until(
      () => draftRow(popup, titles.guardian).textContent(),
      (text) => squash(text).includes('7 mots'),
      'the word count of the second item',
    );
    await popup.close();
  });

  it('creates an issue whose title is its date in French', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    const form = popup.getByRole('form', { name: 'Nouveau numéro' });

    await form.getByLabel('Date').fill('2027-03-15');
    const title = form.getByLabel('Titre');
    await until(
      () => title.inputValue(),
      (v) => v === 'Les indiscrets du 15 mars',
      'the title',
    );
    await form.getByRole('button', { name: 'Créer le numéro' }).click();

    const picker = popup.getByRole('combobox', { name: 'Numéro en cours' });
    await until(
      () => picker.locator('option:checked').textContent(),
      (text) => text === 'Les indiscrets du 15 mars',
      'the new issue to be current',
    );
    expect(await popup.getByTestId('issue-totals').textContent()).toMatch(/^0 indiscret/);
    await popup.close();
  });

  it('adds the three drafts to the issue from the inbox, in the order they are added', async () => {
    const popup = await openPopup();
    for (const title of [titles.lemonde, titles.guardian, titles.wikipedia]) {
      await popup.getByRole('button', { name: `Ajouter « ${title} » au numéro` }).click();
      await draftRow(popup, title).waitFor({ state: 'detached' });
    }
    const total = popup.getByTestId('draft-total');
    await until(
      () => total.textContent(),
      (text) => text === '0 brouillon',
      'the count',
    );

    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await popup.getByTestId('issue-item').nth(2).waitFor();
    expect(await issueNames(popup)).toEqual([labels.lemonde, labels.guardian, labels.wikipedia]);
    await popup.close();
  });

  it('moves an item with Alt+↓ and Alt+↑ alone, and announces each move', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    const items = popup.getByTestId('issue-item');
    await items.nth(2).waitFor();
    const announcement = popup.getByTestId('reorder-announcement');

    await items.nth(0).focus();
    await popup.keyboard.press('Alt+ArrowDown');
    await until(
      () => issueNames(popup),
      (t) => t[1] === labels.lemonde,
      'the move down',
    );
    expect(await announcement.textContent()).toBe(
      `«\u00a0${labels.lemonde}\u00a0» déplacé en position 2 sur 3.`,
    );
    // Focus followed the item: a second press moves it again.
    await popup.keyboard.press('Alt+ArrowDown');
    await until(
      () => issueNames(popup),
      (t) => t[2] === labels.lemonde,
      'the second move',
    );
    expect(await announcement.textContent()).toBe(
      `«\u00a0${labels.lemonde}\u00a0» déplacé en position 3 sur 3.`,
    );
    await popup.keyboard.press('Alt+ArrowUp');
    await until(
      () => issueNames(popup),
      (t) => t[1] === labels.lemonde,
      'the move up',
    );

    expect(await issueNames(popup)).toEqual([labels.guardian, labels.lemonde, labels.wikipedia]);
    expect(await announcement.textContent()).toBe(
      `«\u00a0${labels.lemonde}\u00a0» déplacé en position 2 sur 3.`,
    );
    await popup.close();
  });

  it('moves an item by dragging it above another', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    const items = popup.getByTestId('issue-item');
    await items.nth(2).waitFor();

    // Both items in sight, as an editor drags: Playwright would scroll the popup mid-drag.
    await items.nth(0).evaluate((item) => item.scrollIntoView({ block: 'start' }));
    // Wikipedia, the last, dropped on the top half of the first item: it becomes the first.
    await items
      .nth(2)
      .locator('.reorder__handle')
      .dragTo(items.nth(0), { targetPosition: { x: 40, y: 4 } });

    await until(
      () => issueNames(popup),
      (t) => t[0] === labels.wikipedia,
      'the drop',
    );
    expect(await issueNames(popup)).toEqual([labels.wikipedia, labels.guardian, labels.lemonde]);
    await popup.close();
  });

  it('keeps the typed text and the order once the popup is closed and opened again', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await popup.getByTestId('issue-item').nth(2).waitFor();

    expect(await issueNames(popup)).toEqual([labels.wikipedia, labels.guardian, labels.lemonde]);
    const preview = popup.getByTestId('preview');
    await until(
      () => preview.textContent(),
      (text) => squash(text).includes('--> La loi sur le renseignement'),
      'the preview',
    );
    const previewText = squash(await preview.textContent());
    expect(previewText).toContain('Les indiscrets du 15 mars');
    expect(previewText.indexOf('--> Les Maoris')).toBeLessThan(
      previewText.indexOf('--> La loi sur le renseignement'),
    );
    expect(await preview.locator('strong').first().textContent()).toBe('à une large majorité');

    await popup.getByRole('button', { name: labels.lemonde, exact: true }).click();
    const area = popup.getByTestId('item-text');
    expect(await until(() => area.innerHTML(), Boolean, 'the item text')).toBe(
      '<p>La loi sur le renseignement passe <strong>à une large majorité</strong>, selon ' +
        '<a href="https://www.lemonde.fr/pixels/">Le Monde</a>.</p>',
    );
    await popup.close();
  });

  it('keeps what was typed just before the page closed, mid-sentence', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await popup.getByRole('button', { name: labels.wikipedia, exact: true }).click();
    const area = popup.getByTestId('item-text');
    await clearItem(popup, area);
    await popup.keyboard.type('Mozilla fête ses vingt ans et');
    // No wait for the autosave: the page goes at once.
    await popup.close();

    const again = await openPopup();
    await again.getByRole('tab', { name: 'Numéro' }).click();
    // The list names the item by the words typed, all of them: nothing was lost.
    labels.wikipedia = 'Mozilla fête ses vingt ans et';
    await until(
      () => issueNames(again),
      (names) => names.includes(labels.wikipedia),
      'the item named by the text typed before closing',
    );
    await again.getByRole('button', { name: labels.wikipedia, exact: true }).click();
    const reopened = again.getByTestId('item-text');
    await until(
      () => reopened.textContent(),
      (text) => squash(text) === 'Mozilla fête ses vingt ans et',
      'the text typed before closing',
    );
    await again.close();
  });

  it('flags an item without text, one without a source, and a source used twice', async () => {
    titles.nytimes = await clip('nytimes-1', 'p.story-body-text');
    const popup = await openPopup();
    await popup.getByRole('button', { name: `Ajouter « ${titles.nytimes} » au numéro` }).click();
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    // Named by its clipped passage until its text is emptied, then by its page's title.
    await popup
      .getByRole('button', { name: '« LONDON — After nearly 20 years of…', exact: true })
      .click();

    // Its text emptied, its page replaced by the one Le Monde's item cites.
    await clearItem(popup, popup.getByTestId('item-text'));
    await popup.getByRole('textbox', { name: 'Adresse de la source' }).fill(lemondeUrl);
    await popup.getByRole('button', { name: /Retour/ }).click();

    const item = (name: string) =>
      popup
        .getByTestId('issue-item')
        .filter({ has: popup.getByRole('button', { name, exact: true }) });
    const checks = (name: string) => item(name).getByTestId('checks');
    await until(
      () => checks(titles.nytimes).textContent(),
      (text) => squash(text).includes('Texte vide'),
      'the empty-text check',
    );
    expect(squash(await checks(titles.nytimes).textContent())).toContain(
      `Source déjà utilisée par « ${labels.lemonde} » dans ce numéro`,
    );
    expect(squash(await checks(labels.lemonde).textContent())).toContain(
      `Source déjà utilisée par « ${titles.nytimes} » dans ce numéro`,
    );
    expect(await checks(labels.guardian).count()).toBe(0);
    expect(squash(await popup.getByTestId('issue-totals').textContent())).toMatch(
      /^4 indiscrets · .* · 3 points à vérifier$/,
    );
    await popup.getByTestId('preview').waitFor();
    await popup.screenshot({ path: screenshotPath('issue.png'), fullPage: true });

    // Without its source, and with no link in its text, the item cites nothing.
    await popup.getByRole('button', { name: titles.nytimes, exact: true }).click();
    await popup.getByRole('button', { name: /^Retirer la source/ }).click();
    await popup.getByRole('button', { name: /Retour/ }).click();
    await until(
      () => checks(titles.nytimes).textContent(),
      (text) => squash(text).includes('Aucun lien vers une source'),
      'the no-source check',
    );
    expect(await checks(labels.lemonde).count()).toBe(0);
    await popup.close();
  });

  it('takes an item out of the issue, back to the inbox', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'Numéro' }).click();

    await popup.getByRole('button', { name: `Retirer « ${titles.nytimes} » du numéro` }).click();

    await until(
      () => issueNames(popup),
      (t) => t.length === 3,
      'the removal',
    );
    expect(await issueNames(popup)).toEqual([labels.wikipedia, labels.guardian, labels.lemonde]);
    await popup.getByRole('tab', { name: 'Brouillons' }).click();
    await draftRow(popup, titles.nytimes).waitFor();
    await popup.close();
  });

  it('merges a draft dropped on another in the inbox, and Undo puts both back', async () => {
    titles.quanta = await clip('quanta-1', '.post__content__section p');
    const popup = await openPopup();
    const source = draftRow(popup, titles.nytimes);
    const target = draftRow(popup, titles.quanta);
    // The popup paints its inbox from the last snapshot first and redraws it when the database
    // answers: a drag begun on the snapshot's rows can be cut by that redraw (this test failed
    // so once on a loaded machine). Dragged once the list is live (its count is shown).
    await target.waitFor();
    await popup.getByTestId('draft-total').filter({ hasText: /\d/ }).waitFor();
    await source.waitFor();

    await source.dragTo(target);

    const undoBar = popup.getByTestId('undo-bar');
    await until(
      () => undoBar.textContent(),
      (text) => squash(text).startsWith(`Fusionné dans « ${titles.quanta} ».`),
      'the undo bar',
    );
    await source.waitFor({ state: 'detached' });
    expect(await popup.getByTestId('draft').count()).toBe(1);
    expect(squash(await target.getByTestId('quote-count').textContent())).toBe('· 2 citations');

    await undoBar.getByRole('button', { name: 'Annuler' }).click();

    await source.waitFor();
    expect(await popup.getByTestId('draft').count()).toBe(2);
    expect(await target.getByTestId('quote-count').count()).toBe(0);
    await popup.close();
  });

  it('merges a draft into another chosen with "Fusionner dans…", and Undo puts both back', async () => {
    const popup = await openPopup();
    await openDraft(popup, titles.nytimes);

    await popup.getByRole('button', { name: 'Fusionner dans…' }).click();
    const dialog = popup.getByTestId('merge-dialog');
    await dialog.getByRole('searchbox').pressSequentially('chaos');
    await dialog.getByRole('button', { name: new RegExp(titles.quanta) }).click();

    // Back in the inbox, where the absorbed draft is gone.
    const undoBar = popup.getByTestId('undo-bar');
    await until(
      () => undoBar.textContent(),
      (text) => squash(text).startsWith(`Fusionné dans « ${titles.quanta} ».`),
      'the undo bar',
    );
    await draftRow(popup, titles.quanta).getByTestId('quote-count').waitFor();
    expect(await draftRow(popup, titles.nytimes).count()).toBe(0);

    await undoBar.getByRole('button', { name: 'Annuler' }).click();
    await draftRow(popup, titles.nytimes).waitFor();
    expect(await popup.getByTestId('draft').count()).toBe(2);
    await popup.close();
  });

  it('puts a draft in the trash and restores it from there', async () => {
    const popup = await openPopup();
    await popup.getByRole('button', { name: `Supprimer « ${titles.quanta} »` }).click();
    await draftRow(popup, titles.quanta).waitFor({ state: 'detached' });
    // Waited for: the popup may have opened on the bar of the merge undone before.
    await until(
      () => popup.getByTestId('undo-bar').textContent(),
      (text) => squash(text).includes(`« ${titles.quanta} » est à la corbeille.`),
      'the trash offered to be undone',
    );

    await popup.getByRole('combobox', { name: 'Où chercher' }).selectOption('trash');
    await draftRow(popup, titles.quanta).getByRole('button', { name: 'Restaurer' }).click();
    await popup.getByTestId('drafts-empty').waitFor();
    expect(await popup.getByTestId('drafts-empty').textContent()).toBe('La corbeille est vide.');
    await popup.getByRole('combobox', { name: 'Où chercher' }).selectOption('inbox');

    await draftRow(popup, titles.quanta).waitFor();
    expect(await popup.getByTestId('draft').count()).toBe(2);
    await popup.close();
  });

  it('finds drafts by a word of their text, and by site, in issues too', async () => {
    const popup = await openPopup();
    await popup.getByRole('combobox', { name: 'Où chercher' }).selectOption('all');
    const shown = () => popup.getByTestId('draft').locator('.draft__title').allTextContents();

    await popup.getByRole('searchbox', { name: 'Rechercher' }).fill('baleines');
    await until(shown, (t) => t.length === 1, 'the search');
    expect((await shown()).map(squash)).toEqual([titles.guardian]);
    expect(await draftRow(popup, titles.guardian).textContent()).toContain('dans un numéro');

    await popup.getByRole('searchbox', { name: 'Rechercher' }).fill('');
    // The menus fill in when the pointer reaches them, as it does before a click.
    await popup.getByRole('combobox', { name: 'Site' }).hover();
    await popup.getByRole('combobox', { name: 'Site' }).selectOption('Le Monde.fr');
    await until(shown, (t) => t.length === 1, 'the site filter');
    expect((await shown()).map(squash)).toEqual([titles.lemonde]);
    await popup.close();
  });

  it('moves an item to another issue once « Déplacer » is pressed, and « Annuler » puts it back', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await popup.getByRole('button', { name: 'Nouveau numéro' }).click();
    await popup.getByRole('form', { name: 'Nouveau numéro' }).getByLabel('Date').fill('2027-03-22');
    await popup.getByRole('button', { name: 'Créer le numéro' }).click();
    const picker = popup.getByRole('combobox', { name: 'Numéro en cours' });
    await until(
      () => picker.locator('option:checked').textContent(),
      (text) => text === 'Les indiscrets du 22 mars',
      'the second issue',
    );
    await picker.selectOption({ label: 'Les indiscrets du 15 mars' });
    await popup.getByTestId('issue-item').nth(2).waitFor();
    const before = await issueNames(popup);
    const left = before.filter((name) => name !== labels.wikipedia);
    expect(left).toHaveLength(2);
    // After it, the item that takes its place in the list.
    const next = before[before.indexOf(labels.wikipedia) + 1] ?? left[left.length - 1]!;

    const move = popup.getByRole('combobox', {
      name: `Déplacer « ${labels.wikipedia} » vers un autre numéro`,
    });
    const moveButton = popup.getByRole('button', {
      name: `Déplacer « ${labels.wikipedia} » vers « Les indiscrets du 22 mars »`,
    });
    // ↓ on the closed list chooses the next issue (Linux, Windows): that alone moves nothing.
    await move.focus();
    await popup.keyboard.press('ArrowDown');
    await moveButton.waitFor();
    expect(await move.locator('option:checked').textContent()).toBe('Les indiscrets du 22 mars');
    expect(await issueNames(popup)).toEqual(before);

    await moveButton.click();
    await until(
      () => issueNames(popup),
      (t) => t.length === 2,
      'the move',
    );
    expect(await issueNames(popup)).toEqual(left);
    // Said, with its undo, and the keyboard on the next item rather than nowhere.
    const bar = popup.getByTestId('undo-bar');
    await until(
      () => bar.textContent(),
      (text) =>
        squash(text ?? '').includes(
          squash(`« ${labels.wikipedia} » déplacé vers « Les indiscrets du 22 mars ».`),
        ),
      'the move offered to be undone',
    );
    await until(
      () => popup.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      (name) => squash(name ?? '') === squash(`Retirer « ${next} » du numéro`),
      'the focus on the next item',
    );

    await bar.getByRole('button', { name: 'Annuler' }).click();
    await until(
      () => issueNames(popup),
      (t) => t.length === 3,
      'the item back',
    );
    expect(await issueNames(popup)).toEqual(before);

    // Moved again, for the tests after this one.
    await move.focus();
    await move.selectOption({ label: 'Les indiscrets du 22 mars' });
    await moveButton.click();
    await until(
      () => issueNames(popup),
      (t) => t.length === 2,
      'the second move',
    );
    await picker.selectOption({ label: 'Les indiscrets du 22 mars' });
    await until(
      () => issueNames(popup),
      (t) => t[0] === labels.wikipedia,
      'the other issue',
    );
    await picker.selectOption({ label: 'Les indiscrets du 15 mars' });
    await popup.close();
  });

  it('deletes an issue at once, and « Annuler » puts it back with its items', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    const picker = popup.getByRole('combobox', { name: 'Numéro en cours' });
    const options = () => picker.locator('option').allTextContents();
    await picker.selectOption({ label: 'Les indiscrets du 22 mars' });
    await until(
      () => issueNames(popup),
      (t) => t[0] === labels.wikipedia,
      'the issue to delete',
    );
    let asked = false;
    popup.on('dialog', (dialog) => {
      asked = true;
      void dialog.dismiss();
    });

    await popup.getByText('Titre, date, chapô et longueur visée').click();
    await popup.getByRole('button', { name: 'Supprimer le numéro' }).click();

    const bar = popup.getByTestId('undo-bar');
    // The popup may open on the bar of an earlier action (offered again for two minutes): the
    // deletion's own words are waited for, and « Annuler » then undoes the deletion.
    await until(
      () => bar.textContent(),
      (text) =>
        !!text?.includes(
          '«\u00a0Les indiscrets du 22 mars\u00a0» est supprimé\u202f; ses indiscrets sont retournés dans les brouillons.',
        ),
      'the deletion offered to be undone',
    );
    expect(asked).toBe(false);
    expect(await options()).not.toContain('Les indiscrets du 22 mars');

    // The keyboard is on « Annuler » (the deletion's button went with the issue's form).
    const focusedName = () =>
      popup.evaluate(
        () =>
          document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent,
      );
    await until(focusedName, (name) => name === 'Annuler', 'the focus on « Annuler »');
    await popup.keyboard.press('Enter');

    await until(
      () => picker.locator('option:checked').textContent(),
      (text) => text === 'Les indiscrets du 22 mars',
      'the issue put back and shown',
    );
    // Then on its first item, not on nothing (nor on the picker, where ↓ chooses an issue).
    await until(
      () =>
        popup.evaluate(() =>
          document.activeElement?.matches('.issue [data-item-id]')
            ? document.activeElement.querySelector('.issue-item__title')?.textContent
            : document.activeElement?.tagName,
        ),
      (name) => squash(name ?? '') === labels.wikipedia,
      'the focus on the issue’s item',
    );
    await until(
      () => issueNames(popup),
      (t) => t.length === 1 && t[0] === labels.wikipedia,
      'its item back in it',
    );
    await picker.selectOption({ label: 'Les indiscrets du 15 mars' });
    await popup.close();
  });

  it('copies the issue as rich and plain text, and downloads it', async () => {
    const desk = await openDesk();
    await desk.getByTestId('issue-item').nth(1).waitFor();

    await desk.getByTestId('copy').click();
    await desk.getByText('Numéro copié (texte enrichi et texte brut).').waitFor();
    // Read back as a paste reads it (no permission can be granted to an extension origin).
    const note = desk.getByRole('textbox', { name: 'Note privée (jamais exportée)' });
    await desk.getByRole('button', { name: labels.guardian, exact: true }).click();
    await note.evaluate((el: HTMLElement) => {
      el.addEventListener('paste', (event: ClipboardEvent) => {
        event.preventDefault();
        const data = event.clipboardData!;
        el.dataset.pasted = JSON.stringify({
          types: [...data.types],
          html: data.getData('text/html'),
          text: data.getData('text/plain'),
        });
      });
    });
    await note.focus();
    await desk.keyboard.press('Control+V');
    const clipboard = JSON.parse((await note.getAttribute('data-pasted')) ?? '{}') as {
      types: string[];
      html: string;
      text: string;
    };
    expect([...clipboard.types].sort()).toEqual(['text/html', 'text/plain']);
    expect(clipboard.html).toContain('<strong>à une large majorité</strong>');
    expect(clipboard.html).toContain('href="https://www.lemonde.fr/pixels/"');
    expect(clipboard.text).toContain('Les indiscrets du 15 mars');
    expect(clipboard.text).not.toContain('<strong>');

    await desk.getByRole('combobox', { name: 'Format' }).selectOption('markdown');
    const [download] = await Promise.all([
      desk.waitForEvent('download'),
      desk.getByTestId('download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toContain('**à une large majorité**');
    expect(markdown).toContain('[Le Monde](https://www.lemonde.fr/pixels/)');
    await desk.close();
  });

  it('shows the inbox, the editor and the issue side by side on the desk', async () => {
    const desk = await openDesk();
    await desk.getByTestId('issue-item').nth(1).waitFor();
    await draftRow(desk, titles.quanta).waitFor();

    await desk.getByRole('button', { name: labels.guardian, exact: true }).click();

    const area = desk.getByTestId('item-text');
    await until(
      () => area.textContent(),
      (text) => squash(text) === 'Les Maoris s’inquiètent des échouages de baleines.',
      'the second item in the desk editor',
    );
    expect(await issueNames(desk)).toEqual([labels.guardian, labels.lemonde]);
    expect(await desk.getByTestId('draft').count()).toBe(2);

    // The preview and the counts follow the editor's typing.
    await area.click();
    await desk.keyboard.press('End');
    await desk.keyboard.type(' Elles sont 200.');
    const preview = desk.getByTestId('preview');
    await until(
      () => preview.textContent(),
      (text) =>
        squash(text).includes(
          '--> Les Maoris s’inquiètent des échouages de baleines. Elles sont 200.',
        ),
      'the preview to follow the typing',
    );
    const totals = desk.getByTestId('issue-totals');
    expect(squash(await totals.textContent())).toContain('2 indiscrets · 23 mots · 137 signes');
    // The issue's own fields are folded on the desk, under its items' totals.
    await desk.getByText('Titre, date, chapô et longueur visée').click();
    await desk.getByLabel('Longueur visée (signes)').fill('100');
    await until(
      () => totals.textContent(),
      (text) => squash(text).includes('37 signes de trop'),
      'the length budget',
    );
    await desk.getByLabel('Longueur visée (signes)').fill('');
    await desk.getByLabel('Longueur visée (signes)').blur();
    await desk.screenshot({ path: screenshotPath('desk.png') });
    await desk.close();
  });

  it('adds a draft dragged from the desk inbox to the issue, where it is dropped', async () => {
    const desk = await openDesk();
    const items = desk.getByTestId('issue-item');
    await items.nth(1).waitFor();

    // Dropped on the lower half of the first item: it becomes the second.
    await draftRow(desk, titles.quanta).dragTo(items.nth(0), {
      targetPosition: { x: 60, y: (await items.nth(0).boundingBox())!.height - 6 },
    });

    // The item list redraws from a live query: wait for the final order rather than reading it
    // at the first redraw that shows three items (a loaded machine may show an earlier state).
    const expected = [labels.guardian, labels.quanta, labels.lemonde];
    await until(
      () => issueNames(desk),
      (t) => JSON.stringify(t) === JSON.stringify(expected),
      'the drop at the second place',
    );
    expect(await issueNames(desk)).toEqual(expected);
    await draftRow(desk, titles.quanta).waitFor({ state: 'detached' });
    await desk.close();
  });
});
