import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clipFixture,
  clipThreeArticles,
  createIssueInPopup,
  type ExtensionSession,
  focusedLabel,
  launchExtension,
  openDesk,
  openPopup,
  type PageServer,
  servePages,
  until,
} from './harness';

/**
 * The keyboard's focus in the desk and the options, in real Chromium with the built extension:
 * never left on the page's body when what held it goes (a dialog closed, an item taken out of
 * the issue), and the tabs named in the editor's language. The tests share one profile and run
 * in order.
 */
describe('where the focus goes in the desk, and the tabs’ titles, in Chromium', () => {
  let session: ExtensionSession;
  let server: PageServer;
  const titles = { guardian: '', lemonde: '', quanta: '' };

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    Object.assign(titles, await clipThreeArticles(session, server));
    // An issue holding the three drafts, in the order they are added.
    const popup = await openPopup(session);
    await createIssueInPopup(popup);
    await addThree(popup);
  });

  /** Opens the desk until it has left its snapshot of the issue's `items` items, then closes it. */
  async function snapshotOf(items: number) {
    const live = await openDesk(session);
    await until(
      () =>
        live.evaluate(
          () =>
            (
              JSON.parse(localStorage.getItem('indiscrets:desk-snapshot:1') ?? 'null') as {
                rows: unknown[];
              } | null
            )?.rows.length,
        ),
      (rows) => rows === items,
      `the desk’s snapshot of the ${items} items`,
    );
    await live.close();
  }

  /** Adds the three drafts to the issue open, in that order, from the popup, then closes it. */
  async function addThree(popup: Page) {
    await popup.getByRole('tab', { name: 'Brouillons' }).click();
    for (const title of [titles.guardian, titles.lemonde, titles.quanta]) {
      const add = popup.getByRole('button', { name: `Ajouter « ${title} » au numéro` });
      await add.click();
      await add.waitFor({ state: 'detached' });
    }
    await popup.close();
  }

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('gives the focus back to « Fusionner dans… » when its dialog is closed by Escape or « Annuler »', async () => {
    const desk = await openDesk(session);
    // Le Monde's item, opened from the issue's list where it is named by its first words.
    await desk
      .getByTestId('issue-item')
      .locator('.issue-item__title', { hasText: '« Les députés ont, sans surprise, adopté…' })
      .click();
    const editor = desk.getByTestId('draft-editor');
    const mergeButton = editor.getByRole('button', { name: 'Fusionner dans…' });
    await mergeButton.focus();
    await desk.keyboard.press('Enter');
    const dialog = desk.getByTestId('merge-dialog');
    await dialog.waitFor();
    // The dialog takes the focus once drawn, a moment after it appears: waited for, not read.
    const inDialog = () =>
      until(
        () => focusedLabel(desk),
        (now) => now !== 'Fusionner dans…',
        'the focus in the dialog',
      );
    // Closed, the focus may pass by the page's body before it is given back.
    const backOut = () =>
      until(
        () => focusedLabel(desk),
        (now) => now !== 'BODY',
        'the focus back',
      );
    expect(await inDialog()).toBe('Rechercher');
    await desk.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await backOut()).toBe('Fusionner dans…');

    // Opened again from the keyboard, closed by its « Annuler ».
    await desk.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await inDialog()).toBe('Rechercher');
    await dialog.getByRole('button', { name: 'Annuler' }).focus();
    await desk.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await backOut()).toBe('Fusionner dans…');
    await desk.close();
  });

  it('puts the focus, after « Retirer », on the next item’s, else the previous one’s, else the empty issue', async () => {
    const desk = await openDesk(session);
    const removes = () =>
      desk
        .getByTestId('issue-item')
        .getByRole('button', { name: /^Retirer « / })
        .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')!));
    const names = await until(removes, (labels) => labels.length === 3, 'the three items');
    // The middle one: the focus goes to the one that takes its place.
    await desk.getByRole('button', { name: names[1] }).focus();
    await desk.keyboard.press('Enter');
    await until(removes, (labels) => labels.length === 2, 'the item taken out');
    expect(
      await until(
        () => focusedLabel(desk),
        (now) => now !== names[1],
        'the focus moved',
      ),
    ).toBe(names[2]);
    // The last one: the focus goes to the one before.
    await desk.keyboard.press('Enter');
    await until(removes, (labels) => labels.length === 1, 'the last item taken out');
    expect(
      await until(
        () => focusedLabel(desk),
        (now) => now !== names[2],
        'the focus moved',
      ),
    ).toBe(names[0]);
    // The only one: the focus goes to the empty issue's message.
    await desk.keyboard.press('Enter');
    const empty = desk.getByTestId('issue-empty');
    await empty.waitFor();
    await until(
      () => empty.evaluate((el) => el === document.activeElement),
      (has) => has,
      'the focus on the empty issue',
    );
    // Screen readers are told what now has the focus: the message, named by its text.
    const cdp = await desk.context().newCDPSession(desk);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: Array<{
        role?: { value?: string };
        name?: { value?: string };
        properties?: Array<{ name: string; value: { value?: unknown } }>;
      }>;
    };
    const focusedNode = nodes.find(
      (node) =>
        node.role?.value !== 'RootWebArea' &&
        node.properties?.some((p) => p.name === 'focused' && p.value.value === true),
    );
    expect(focusedNode?.name?.value?.replace(/\u00a0/g, ' ')).toBe(
      'Aucun indiscret : ajoutez des brouillons depuis la liste, ou déposez-les ici.',
    );
    await cdp.detach();
    // Tab goes on from there to the next control after it, not back to the page's top.
    await desk.keyboard.press('Tab');
    expect(
      await empty.evaluate(
        (el) =>
          document.activeElement !== document.body &&
          !!document.activeElement &&
          !!(el.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING),
      ),
    ).toBe(true);
    await desk.close();
  });

  it('names the desk’s, the options’ and the popup’s tabs in the interface’s language', async () => {
    /** The popup opened as a page: its tab's title once it speaks `language` (its first tab). */
    const popupTitle = async (drafts: string) => {
      const popup = await openPopup(session);
      await popup.getByRole('tab', { name: drafts }).waitFor();
      const title = await popup.title();
      await popup.close();
      return title;
    };
    const options = await session.openExtensionPage('options.html');
    await options.getByRole('heading', { name: 'Réglages d’Indiscrets' }).waitFor();
    expect(await options.title()).toBe('Indiscrets — réglages');
    let desk = await openDesk(session);
    expect(await desk.title()).toBe('Indiscrets — bureau');
    await desk.close();
    expect(await popupTitle('Brouillons')).toBe('Indiscrets — brouillons');

    await options.getByRole('combobox', { name: 'Langue de l’interface' }).selectOption('en');
    await options.getByRole('heading', { name: 'Indiscrets settings' }).waitFor();
    expect(await options.title()).toBe('Indiscrets — settings');
    desk = await openDesk(session);
    expect(await desk.title()).toBe('Indiscrets — desk');
    await desk.close();
    expect(await popupTitle('Drafts')).toBe('Indiscrets — drafts');

    await options.getByRole('combobox', { name: 'Interface language' }).selectOption('fr');
    await options.getByRole('heading', { name: 'Réglages d’Indiscrets' }).waitFor();
    expect(await options.title()).toBe('Indiscrets — réglages');
    await options.close();
    expect(await popupTitle('Brouillons')).toBe('Indiscrets — brouillons');
  });

  /**
   * Opens the desk again: on its first screen, drawn before its code and the database are
   * loaded, the page itself puts the focus on the second of the `items` items' « Retirer » the
   * moment it is drawn (and presses it when `press`), and records what that screen then shows
   * and focuses.
   */
  async function onFirstScreen(items: number, press: boolean) {
    const desk = await session.context.newPage();
    await desk.addInitScript(
      ({ items, press }) => {
        new MutationObserver((_, observer) => {
          const column = document.querySelector('.desk__issue[aria-busy="true"]');
          const buttons = column?.querySelectorAll<HTMLElement>('.issue-item__remove') ?? [];
          if (buttons.length < items) return;
          observer.disconnect();
          const labels = Array.from(buttons, (button) => button.getAttribute('aria-label'));
          buttons[1]!.focus();
          if (press) buttons[1]!.click();
          setTimeout(() => {
            const now = document.activeElement;
            (globalThis as unknown as { __firstScreen: unknown }).__firstScreen = {
              labels,
              left: Array.from(column!.querySelectorAll('.issue-item__remove'), (button) =>
                button.getAttribute('aria-label'),
              ),
              focus: now?.getAttribute('aria-label'),
              stillFirst: !!now?.closest('.desk__issue[aria-busy="true"]'),
            };
          });
        }).observe(document, { childList: true, subtree: true });
      },
      { items, press },
    );
    await desk.setViewportSize({ width: 1366, height: 768 });
    await session.openExtensionPage('desk.html', desk);
    const first = (await until(
      () =>
        desk.evaluate(() => (globalThis as unknown as { __firstScreen?: unknown }).__firstScreen),
      (found) => found !== undefined,
      'the first screen’s second « Retirer » focused',
    )) as { labels: string[]; left: string[]; focus: string; stillFirst: boolean };
    return { desk, first };
  }

  /** The live desk's items' « Retirer », by their labels. */
  const liveRemoves = (desk: Page) =>
    desk
      .locator('.desk__issue:not([aria-busy])')
      .getByTestId('issue-item')
      .getByRole('button', { name: /^Retirer « / })
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')!));

  /** Waits for the live desk to list `count` items: their « Retirer », by their labels. */
  const liveRemovesOnceThere = (desk: Page, count: number, what: string) =>
    until(
      () => liveRemoves(desk),
      (labels) => labels.length === count,
      what,
    );

  /** Waits for the focus to be on the live desk's control labelled `label`. */
  const liveFocusOn = (desk: Page, label: string, what: string) =>
    until(
      () =>
        desk.evaluate(
          () =>
            !document.activeElement?.closest('.desk__issue[aria-busy]') &&
            document.activeElement?.getAttribute('aria-label'),
        ),
      (focused) => focused === label,
      what,
    );

  it('takes an item out with « Retirer » on the desk’s first screen, the focus on the next one’s there and on the desk', async () => {
    // The three items back in the issue, and a desk that leaves its snapshot of them.
    await addThree(await openPopup(session));
    await snapshotOf(3);

    // « Retirer » pressed on the first screen.
    const { desk, first } = await onFirstScreen(3, true);
    const [one, , three] = first.labels;
    expect(new Set(first.labels).size).toBe(3);
    // The first screen itself: the row gone, the focus on the next item's « Retirer ».
    expect(first.stillFirst).toBe(true);
    expect(first.left).toEqual([one, three]);
    expect(first.focus).toBe(three);

    // The live desk: the item taken out of the issue, the focus on the same button there.
    expect(await liveRemovesOnceThere(desk, 2, 'the item taken out')).toEqual([one, three]);
    await liveFocusOn(desk, three!, 'the focus on the live desk’s next « Retirer »');
    // Stored: a desk opened again lists two items.
    await desk.reload();
    await desk.waitForSelector('.desk__issue:not([aria-busy])');
    expect(await liveRemovesOnceThere(desk, 2, 'two items stored')).toEqual([one, three]);
    await desk.close();
  });

  it('keeps the focus on a first-screen « Retirer » never pressed: the desk, once there, puts it on the same item’s', async () => {
    // The two items the last test left, in the desk's snapshot; the second one's « Retirer »
    // focused on the first screen, not pressed.
    await snapshotOf(2);
    const { desk, first } = await onFirstScreen(2, false);
    expect(first.labels).toHaveLength(2);
    expect(first.stillFirst).toBe(true);
    expect(first.focus).toBe(first.labels[1]);

    // The live desk: both items still there, the focus on that item's « Retirer ».
    await liveFocusOn(desk, first.labels[1]!, 'the focus on the live desk’s same « Retirer »');
    expect(await liveRemoves(desk)).toEqual(first.labels);
    await desk.close();
  });
  it('puts the focus, after a draft’s « Supprimer » in the inbox, on the next draft’s row, else on the search box', async () => {
    // Two drafts more outside the issue, beside the one the tests above took out of it.
    await clipFixture(session, server, 'wikipedia', '#mw-content-text p');
    await clipFixture(session, server, 'nytimes-1', 'p');
    const popup = await openPopup(session);
    const rows = popup.locator('.draft-list > li[data-index]');
    const titles = () => rows.locator('.draft__title').allTextContents();
    const names = await until(titles, (list) => list.length === 3, 'three drafts in the inbox');
    /** The title of the draft whose row has the focus, or what else has it. */
    const onRow = () =>
      popup.evaluate(() => {
        const el = document.activeElement;
        if (el?.matches('input[type="search"]')) return 'SEARCH';
        const title = el?.matches('li[data-index]') && el.querySelector('.draft__title');
        return title
          ? (title.textContent ?? '').trim()
          : el === document.body
            ? 'BODY'
            : el?.tagName;
      });
    const trashFirst = async () => {
      await rows
        .first()
        .getByRole('button', { name: /^Supprimer « / })
        .focus();
      await popup.keyboard.press('Enter');
    };

    // The first one's « Supprimer »: the keyboard on the next draft, not on the page's body.
    await trashFirst();
    await until(onRow, (now) => now === names[1]!.trim(), 'the focus on the next draft');
    await until(titles, (list) => list.length === 2, 'the draft trashed');
    // Its row is the first now: the next again, then, the last gone, the search box.
    await trashFirst();
    await until(onRow, (now) => now === names[2]!.trim(), 'the focus on the last draft');
    await until(titles, (list) => list.length === 1, 'the second draft trashed');
    await trashFirst();
    await until(onRow, (now) => now === 'SEARCH', 'the focus on the search box');
    await popup.close();
  });
});
