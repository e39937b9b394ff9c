import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clipFixture,
  clipTwoArticles,
  configureWordPress,
  type ExtensionSession,
  LAPTOP,
  launchExtension,
  openDesk as openDeskPage,
  openPopup,
  type PageServer,
  screenshotPath,
  servePages,
  squash,
  until,
} from './harness';

/**
 * The desk in real Chromium with the built extension: the issue in the centre, the preview and
 * the publish button in view without scrolling at 1366×768, the inbox folding away (and staying
 * folded), and the whole loop (create an issue, add drafts, go through items, open, write,
 * reorder) from the keyboard alone, announced to screen readers. The tests share one profile
 * and run in order.
 */
describe('the desk in Chromium with the built extension', () => {
  let session: ExtensionSession;
  let server: PageServer;
  const titles = { guardian: '', lemonde: '' };
  /** How the issue list names the two items: the first words of their clipped passage. */
  const labels = {
    guardian: '« Whale whisperer Hori Parata was just…',
    lemonde: '« Les députés ont, sans surprise, adopté…',
  };

  const openDesk = () => openDeskPage(session);

  /** What the screen reader was last told. */
  const announcement = (page: Page) =>
    page
      .getByTestId('announcement')
      .textContent()
      .then((text) => squash(text));

  /** The items, in order, as the list names them. */
  const itemNames = (page: Page) =>
    page
      .getByTestId('issue-item')
      .locator('.issue-item__title')
      .allTextContents()
      .then((names) => names.map(squash));

  /** The accessible label of the focused element (the issue list's items carry one). */
  const focused = (page: Page) =>
    page
      .evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
      })
      // Spaces folded as in the names above: a typeset name holds no-break ones.
      .then(squash);

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    Object.assign(titles, await clipTwoArticles(session, server));
    // WordPress configured (never reached here): the desk shows its publish button.
    await configureWordPress(session, {
      siteUrl: 'https://redaction.example',
      username: 'redaction',
    });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('offers to create the first issue, and composes it from the keyboard alone', async () => {
    const desk = await openDesk();
    // No issue yet: the centre of the desk says so and holds the form.
    await desk.getByText('Pas encore de numéro : créez-le').waitFor();
    const form = desk.getByRole('form', { name: 'Nouveau numéro' });
    await form.waitFor();

    // n: the new issue's form takes the keyboard; its date gives its title.
    await desk.keyboard.press('n');
    await until(
      () => desk.evaluate(() => !!document.activeElement?.closest('.new-issue')),
      Boolean,
      'the new issue form to take the focus',
    );
    // The date proposed is selected: a date typed replaces it.
    await desk.keyboard.type('15/03/2027');
    await desk.keyboard.press('Enter');
    const picker = desk.getByRole('combobox', { name: 'Numéro en cours' });
    await picker.waitFor({ timeout: 30_000 });
    await until(
      () => picker.locator('option:checked').textContent(),
      (text) => squash(text) === 'Les indiscrets du 15 mars',
      'the new issue to be the current one',
    );

    // 1: the drafts; a adds the one in focus to the issue, and the keyboard stays in the list.
    await desk.keyboard.press('1');
    // The inbox's rows take the keyboard (a roving tabindex on the list's items).
    await until(
      () => desk.evaluate(() => !!document.activeElement?.matches('.draft-list > li')),
      Boolean,
      'a draft to take the focus',
    );
    const first = squash(
      await desk.evaluate(
        () => document.activeElement?.querySelector('.draft__title')?.textContent ?? '',
      ),
    );
    await desk.keyboard.press('a');
    const [addedName] = await until(
      () => itemNames(desk),
      (names) => names.length === 1,
      'the first item',
    );
    // Said by its name in the list (its text's first words, « Les députés… »), not by its
    // page's title; a name that opens a quotation is not opened twice.
    const said = `« ${addedName!.replace(/^«\s*/u, '')} » ajouté au numéro.`;
    await until(
      () => announcement(desk),
      (text) => text === said,
      'the first addition to be announced',
    );
    // The keyboard is on the next draft once the added one has left the inbox: the row may be
    // drawn anew as the list reloads, and a key pressed before then would find no row.
    await until(
      () =>
        desk.evaluate((added) => {
          const titles = [...document.querySelectorAll('.draft-list > li .draft__title')].map(
            (title) => title.textContent?.replace(/\s+/g, ' ').trim(),
          );
          const row = document.activeElement?.closest('.draft-list > li');
          const focused = row?.querySelector('.draft__title')?.textContent;
          return (
            !titles.includes(added) && !!focused && focused.replace(/\s+/g, ' ').trim() !== added
          );
        }, first),
      Boolean,
      'the next draft to take the keyboard',
    );
    await desk.keyboard.press('a');
    await until(
      () => itemNames(desk),
      (names) => names.length === 2,
      'the second item',
    );
    const added = await itemNames(desk);
    expect([...added].sort()).toEqual([labels.guardian, labels.lemonde].sort());

    // 2: the items; ↓ goes to the second, Enter opens it in the editor beside.
    await desk.keyboard.press('2');
    await until(
      () => focused(desk),
      (label) => label.startsWith(`${added[0]}, position 1 sur 2`),
      'the first item to take the focus',
    );
    await desk.keyboard.press('j');
    await until(
      () => focused(desk),
      (label) => label.startsWith(`${added[1]}, position 2 sur 2`),
      'the second item to take the focus',
    );
    await desk.keyboard.press('Enter');
    const area = desk.getByTestId('draft-editor').getByTestId('item-text');
    await until(
      () =>
        area.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)),
      Boolean,
      'the editor to take the keyboard',
    );
    await desk.keyboard.press('Control+A');
    await desk.keyboard.type('Le texte tapé au clavier seul.');
    await desk.getByTestId('save-state').filter({ hasText: 'Enregistré' }).waitFor();
    // The list names the item by its new first words from now on.
    const written = 'Le texte tapé au clavier seul.';
    await until(
      () => desk.getByTestId('preview').textContent(),
      (text) => squash(text).includes('Le texte tapé au clavier seul.'),
      'the preview to follow the typing',
    );

    // Escape: back on the item in the list; Alt+↑ moves it first, and says so.
    await desk.keyboard.press('Escape');
    await until(
      () => focused(desk),
      (label) => label.startsWith(`${written}, position 2 sur 2`),
      'the item to take the focus back',
    );
    await desk.keyboard.press('Alt+ArrowUp');
    await until(
      () => itemNames(desk),
      (names) => names[0] === written,
      'the item to move up',
    );
    await until(
      () => desk.getByTestId('reorder-announcement').textContent(),
      (text) => squash(text) === `« ${written} » déplacé en position 1 sur 2.`,
      'the move to be announced',
    );
    expect(squash(await desk.getByTestId('preview').textContent())).toMatch(
      /^Les indiscrets du 15 mars.*Le texte tapé au clavier seul\./,
    );
    await desk.close();
  });

  it('keeps the preview and the publish button in view at 1366×768, without scrolling', async () => {
    const desk = await openDesk();
    await desk.getByTestId('issue-item').nth(1).waitFor();
    await desk.getByTestId('issue-item').nth(0).locator('.issue-item__title').click();
    await desk.getByTestId('draft-editor').waitFor();
    const publish = desk.getByTestId('publish-button');
    const preview = desk.getByTestId('preview');
    await publish.waitFor();
    await preview.waitFor();

    const inView = async (name: string) => {
      const box = (await desk.getByTestId(name).boundingBox())!;
      return (
        box.y >= 0 && box.x >= 0 && box.x + box.width <= LAPTOP.width && box.y + 24 <= LAPTOP.height
      );
    };
    expect(await inView('publish-button')).toBe(true);
    expect(await inView('preview')).toBe(true);
    expect(await inView('draft-editor')).toBe(true);
    // The page itself never scrolls: each column scrolls by itself.
    const page = await desk.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      width: document.documentElement.scrollWidth,
    }));
    expect(page.height).toBeLessThanOrEqual(LAPTOP.height);
    expect(page.width).toBeLessThanOrEqual(LAPTOP.width);
    // The items are listed beside the editor, not below it.
    const list = (await desk.getByTestId('issue-item').nth(0).boundingBox())!;
    const editor = (await desk.getByTestId('draft-editor').boundingBox())!;
    expect(list.x + list.width).toBeLessThanOrEqual(editor.x);
    await desk.screenshot({ path: screenshotPath('desk-1366.png') });
    await desk.close();
  });

  it('folds the inbox away, and opens folded the next time', async () => {
    const desk = await openDesk();
    const inbox = desk.locator('#desk-inbox');
    await inbox.waitFor();
    const toggle = desk.getByTestId('inbox-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    await desk.keyboard.press('i');
    await inbox.waitFor({ state: 'detached' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await until(
      () => announcement(desk),
      (text) => text === 'Brouillons repliés.',
      'the fold to be announced',
    );
    // The editor's column takes the room.
    await desk.reload();
    await desk.getByTestId('issue-item').nth(1).waitFor();
    expect(await desk.locator('#desk-inbox').count()).toBe(0);

    await desk.getByTestId('inbox-toggle').click();
    await desk.locator('#desk-inbox').waitFor();
    await desk.close();
  });

  it('says how to clip a page, with the keyboard shortcut Chromium has for it', async () => {
    const desk = await openDesk();
    const asked = await desk.evaluate(async () => {
      type Commands = { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
      const api = (globalThis as unknown as { chrome: { commands: Commands } }).chrome;
      return (await api.commands.getAll()).find((command) => command.name === 'clip-page');
    });
    expect(asked?.shortcut).toBe('Alt+Shift+K');

    const hint = desk.getByTestId('clip-hint');
    expect(squash(await hint.textContent())).toMatch(
      /^Pour couper une page : .* ou Alt\+Maj\+K\.$/,
    );
    await desk.close();
  });

  it('lists its keyboard shortcuts on « ? », and closes the list on Escape, the keyboard back where « ? » was pressed', async () => {
    const desk = await openDesk();
    await desk.getByTestId('issue-item').nth(1).waitFor();
    await desk.keyboard.press('2');
    const item = await until(
      () => focused(desk),
      (label) => label.includes('position 1 sur 2'),
      'the first item to take the focus',
    );
    await desk.keyboard.press('?');
    const help = desk.getByRole('dialog', { name: 'Raccourcis clavier' });
    await help.waitFor();
    const text = squash(await help.textContent());
    expect(text).toContain('Ajouter le brouillon choisi au numéro');
    expect(text).toContain('Déplacer l’indiscret choisi dans le numéro');
    await desk.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    // On the item again (it was left on the page's body, the list's « Fermer » gone), so that
    // ↓ goes on from there.
    await until(
      () => focused(desk),
      (label) => label === item,
      'the focus back on the item',
    );
    await desk.keyboard.press('j');
    await until(
      () => focused(desk),
      (label) => label.includes('position 2 sur 2'),
      'the next item to take the focus',
    );
    await desk.close();
  });

  it('puts the keyboard in a new issue’s form on « n » with an issue open, and back on « + Nouveau numéro » when it is let go, in the popup too', async () => {
    const desk = await openDesk();
    await desk.getByTestId('issue-item').nth(1).waitFor();
    await desk.keyboard.press('2');
    await until(
      () => focused(desk),
      (label) => label.includes('position 1 sur 2'),
      'the first item to take the focus',
    );
    // The form reads the house style before it draws its fields: the date takes the keyboard
    // once it is there (it stayed on the page's body, the item's list gone with the issue).
    await desk.keyboard.press('n');
    const form = desk.getByRole('form', { name: 'Nouveau numéro' });
    await until(
      () => form.getByLabel('Date').evaluate((field) => field === document.activeElement),
      Boolean,
      'the date of the new issue to take the focus',
    );
    // Selected: the date typed replaces the one proposed, and gives the title.
    await desk.keyboard.type('16/03/2027');
    await until(
      () => form.getByLabel('Titre').inputValue(),
      (title) => title === 'Les indiscrets du 16 mars',
      'the title of the date typed',
    );
    await form.getByRole('button', { name: 'Annuler' }).focus();
    await desk.keyboard.press('Enter');
    await form.waitFor({ state: 'detached' });
    await until(
      () => desk.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''),
      (id) => id === 'new-issue',
      'the focus back on « + Nouveau numéro »',
    );
    expect(await itemNames(desk)).toHaveLength(2);
    await desk.close();

    // The popup's « + Nouveau numéro » alike: the date, then back on the button.
    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await popup.getByTestId('new-issue').click();
    const popupForm = popup.getByRole('form', { name: 'Nouveau numéro' });
    await until(
      () => popupForm.getByLabel('Date').evaluate((field) => field === document.activeElement),
      Boolean,
      'the date of the popup’s new issue to take the focus',
    );
    await popupForm.getByRole('button', { name: 'Annuler' }).click();
    await popupForm.waitFor({ state: 'detached' });
    await until(
      () => popup.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''),
      (id) => id === 'new-issue',
      'the focus back on the popup’s « + Nouveau numéro »',
    );
    await popup.close();
  });

  it('deletes the issue from the keyboard: « Annuler » takes it, not the open item’s text', async () => {
    const desk = await openDesk();
    await desk.getByTestId('issue-item').nth(1).waitFor();
    const names = await itemNames(desk);
    // An item opened, then the list again: the editor stays open beside it.
    await desk.keyboard.press('2');
    await desk.keyboard.press('Enter');
    await desk.getByTestId('item-text').waitFor();
    await desk.keyboard.press('Escape');
    await desk.getByText('Titre, date, chapô et longueur visée').click();
    await desk.getByRole('button', { name: 'Supprimer le numéro' }).focus();

    await desk.keyboard.press('Enter');

    const undo = desk.getByTestId('undo-bar').getByRole('button', { name: 'Annuler' });
    await until(
      () => undo.evaluate((button) => button === document.activeElement),
      (has) => has,
      '« Annuler » to take the keyboard',
    );
    // The editor drawn again beside no issue did not take it back.
    expect(
      await desk.evaluate(() =>
        Boolean(document.activeElement?.closest('[data-testid="item-text"]')),
      ),
    ).toBe(false);
    await desk.keyboard.press('Enter');
    await until(
      () => itemNames(desk),
      (shown) => shown.length === names.length,
      'the issue back',
    );
    expect(await itemNames(desk)).toEqual(names);
    await desk.close();
  });

  it('closes the editor on a draft trashed from its row, as its own « Supprimer » does, and follows one merged from its row into the draft it went into', async () => {
    const title = await clipFixture(session, server, 'seattletimes-1', 'h1');
    const other = await clipFixture(session, server, 'quanta-1', 'h1');
    const desk = await openDesk();
    const inbox = desk.locator('#desk-inbox');
    const row = (name: string) =>
      inbox.getByTestId('draft').filter({ has: desk.getByRole('button', { name, exact: true }) });
    const editorTitle = () =>
      desk.getByTestId('draft-editor').getByLabel('Titre du brouillon').inputValue();
    await row(title).getByRole('button', { name: title, exact: true }).click();
    await desk.getByTestId('draft-editor').waitFor();

    await row(title)
      .getByRole('button', { name: `Supprimer « ${title} »` })
      .click();

    // Gone with its draft: no notice that it went to the trash « ailleurs ».
    await desk.getByTestId('draft-editor').waitFor({ state: 'detached' });
    expect(await desk.getByTestId('draft-trashed').count()).toBe(0);
    const undoBar = desk.getByTestId('undo-bar');
    expect(squash(await undoBar.textContent())).toContain(`« ${title} » est à la corbeille.`);
    await undoBar.getByRole('button', { name: 'Annuler' }).click();
    await row(title).waitFor();

    await row(title).getByRole('button', { name: title, exact: true }).click();
    await until(editorTitle, (shown) => shown === title, 'the draft open again');
    await row(title).dragTo(row(other));

    await until(editorTitle, (shown) => shown === other, 'the editor on the draft merged into');
    expect(await desk.getByTestId('draft-trashed').count()).toBe(0);
    expect(squash(await undoBar.textContent())).toContain(`Fusionné dans « ${other} ».`);
    await desk.close();
  });
});
