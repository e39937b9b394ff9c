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
  squash,
  until,
} from './harness';

/**
 * « Retirer » undone, in real Chromium with the built extension: the undo bar says what was
 * taken out of the issue, by its label as the list shows it, in place of an earlier action's
 * offer, and « Annuler » puts the item back at its place, the keyboard on its row; the offer is
 * shared by the popup and the desk. The tests share one profile and run in order.
 */
describe('« Retirer » undone in Chromium', () => {
  let session: ExtensionSession;
  let server: PageServer;
  const titles = { guardian: '', lemonde: '', quanta: '', wikipedia: '' };

  const bar = (page: Page) => page.getByTestId('undo-bar');
  /** What the bar says, its button aside. */
  const barText = (page: Page) =>
    bar(page)
      .locator('span')
      .first()
      .textContent({ timeout: 1000 })
      .then(squash, () => '');
  /** The items' « Retirer », by their labels, in the list's order. */
  const removes = (page: Page) =>
    page
      .getByTestId('issue-item')
      .getByRole('button', { name: /^Retirer « / })
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')!));
  /** The item's name in a « Retirer »'s label. */
  const nameIn = (label: string) => /^Retirer « (.*) » du numéro$/.exec(squash(label))![1]!;
  const inTrash = (page: Page, title: string) =>
    page.evaluate(
      (title) =>
        new Promise<boolean>((resolve, reject) => {
          const request = indexedDB.open('indiscrets');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const idb = request.result;
            const all = idb.transaction('clips').objectStore('clips').getAll();
            all.onsuccess = () => {
              idb.close();
              const clips = all.result as Array<{ title: string; deletedAt?: string }>;
              resolve(!!clips.find((clip) => clip.title === title)?.deletedAt);
            };
          };
        }),
      title,
    );

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    Object.assign(titles, await clipThreeArticles(session, server));
    titles.wikipedia = await clipFixture(session, server, 'wikipedia', '#mw-content-text p');
    // An issue holding three drafts, in the order they are added; Wikipedia's in the inbox.
    const popup = await openPopup(session);
    await createIssueInPopup(popup);
    await popup.getByRole('tab', { name: 'Brouillons' }).click();
    for (const title of [titles.guardian, titles.lemonde, titles.quanta]) {
      const add = popup.getByRole('button', { name: `Ajouter « ${title} » au numéro` });
      await add.click();
      await add.waitFor({ state: 'detached' });
    }
    await popup.close();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('offers to undo « Retirer » in place of an earlier trash, in the desk and the popup beside it, and puts the item back at its place, the keyboard on it', async () => {
    const desk = await openDesk(session);
    const names = await until(
      () => removes(desk),
      (labels) => labels.length === 3,
      'the three items',
    );
    // An earlier action, still offered.
    await desk.getByRole('button', { name: `Supprimer « ${titles.wikipedia} »` }).click();
    const trashed = `« ${titles.wikipedia} » est à la corbeille.`;
    await until(
      () => barText(desk),
      (text) => text === trashed,
      'the trash offered',
    );
    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();

    // The middle item taken out from the keyboard.
    await desk.getByRole('button', { name: names[1] }).focus();
    await desk.keyboard.press('Enter');

    const removed = `« ${nameIn(names[1]!)} » retiré du numéro.`;
    await until(
      () => barText(desk),
      (text) => text === removed,
      'the removal offered in the desk',
    );
    await until(
      () => barText(popup),
      (text) => text === removed,
      'the removal offered in the popup beside it',
    );
    expect(await removes(desk)).toEqual([names[0], names[2]]);
    // The keyboard on the next item, as before: from there, Shift+Tab… or the pointer undoes.
    await until(
      () => focusedLabel(desk),
      (now) => now === names[2],
      'the focus on the next item',
    );

    await bar(desk).getByRole('button', { name: 'Annuler' }).focus();
    await desk.keyboard.press('Enter');

    // Back at its place, in both views, the keyboard on its row.
    await until(
      () => removes(desk),
      (labels) => labels.join('|') === names.join('|'),
      'the item back at its place in the desk',
    );
    await until(
      () => removes(popup),
      (labels) => labels.join('|') === names.join('|'),
      'the item back at its place in the popup',
    );
    await until(
      () => focusedLabel(desk),
      (now) => now === names[1],
      'the focus on the item put back',
    );
    // The trash was not undone with it: it is what the bar offers now, named.
    expect(await inTrash(desk, titles.wikipedia)).toBe(true);
    expect(await barText(desk)).toBe(trashed);
    await popup.close();
    await desk.close();
  });

  it('undoes « Retirer » on Ctrl+Z from the item the keyboard went on to, « Annuler » being far down the page', async () => {
    const desk = await openDesk(session);
    const names = await until(
      () => removes(desk),
      (labels) => labels.length === 3,
      'the three items',
    );
    await desk.getByRole('button', { name: names[0] }).focus();
    await desk.keyboard.press('Enter');
    await until(
      () => focusedLabel(desk),
      (now) => now === names[1],
      'the focus on the next item',
    );
    await until(
      () => barText(desk),
      (text) => text === `« ${nameIn(names[0]!)} » retiré du numéro.`,
      'the removal offered',
    );
    // « Ctrl+Z » beside « Annuler » can be read: before, the page's white key caps (kbd) drew it
    // white on white in the dark bar, an empty grey pill.
    const key = await desk.locator('.undo-bar__key').evaluate((kbd) => {
      const rgb = (value: string) => value.match(/[\d.]+/g)!.map(Number);
      let back = kbd as Element | null;
      while (back && rgb(getComputedStyle(back).backgroundColor)[3] === 0)
        back = back.parentElement;
      const luminance = ([r, g, b]: number[]) => {
        const [R, G, B] = [r!, g!, b!].map((c) => {
          const v = c / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
      };
      const text = luminance(rgb(getComputedStyle(kbd).color));
      const ground = luminance(rgb(getComputedStyle(back!).backgroundColor));
      return {
        text: kbd.textContent,
        contrast: (Math.max(text, ground) + 0.05) / (Math.min(text, ground) + 0.05),
      };
    });
    expect(key.text).toBe('Ctrl+Z');
    expect(key.contrast).toBeGreaterThanOrEqual(4.5);

    await desk.keyboard.press('Control+z');

    await until(
      () => removes(desk),
      (labels) => labels.join('|') === names.join('|'),
      'the item back at its place',
    );
    await until(
      () => focusedLabel(desk),
      (now) => now === names[0],
      'the focus on the item put back',
    );
    await desk.close();
  });

  it('offers to undo the draft editor’s « Retirer du numéro » too, which puts the item back at its place', async () => {
    const desk = await openDesk(session);
    const names = await until(
      () => removes(desk),
      (labels) => labels.length === 3,
      'the three items',
    );
    const name = nameIn(names[1]!);
    // The item's title opens it in the editor.
    await desk.getByTestId('issue-item').nth(1).locator('.issue-item__title').click();

    await desk
      .getByTestId('draft-editor')
      .getByRole('button', { name: 'Retirer du numéro' })
      .click();

    await until(
      () => barText(desk),
      (text) => text === `« ${name} » retiré du numéro.`,
      'the removal offered',
    );
    await until(
      () => removes(desk),
      (labels) => labels.length === 2,
      'two items',
    );
    await bar(desk).getByRole('button', { name: 'Annuler' }).click();
    await until(
      () => removes(desk),
      (labels) => labels.join('|') === names.join('|'),
      'the item back at its place',
    );
    await desk.close();
  });

  it('undoes in the desk opened next an item taken out in the popup, at its place', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    const names = await until(
      () => removes(popup),
      (labels) => labels.length === 3,
      'the three items',
    );
    await popup.getByRole('button', { name: names[0] }).click();
    const removed = `« ${nameIn(names[0]!)} » retiré du numéro.`;
    await until(
      () => barText(popup),
      (text) => text === removed,
      'the removal offered',
    );
    // A click outside closes the popup; the desk is opened next.
    await popup.close();

    const desk = await openDesk(session);
    await until(
      () => barText(desk),
      (text) => text === removed,
      'the removal offered in the desk',
    );
    await until(
      () => removes(desk),
      (labels) => labels.length === 2,
      'two items',
    );
    await bar(desk).getByRole('button', { name: 'Annuler' }).click();

    await until(
      () => removes(desk),
      (labels) => labels.join('|') === names.join('|'),
      'the item back first',
    );
    expect(await inTrash(desk, titles.wikipedia)).toBe(true);
    await desk.close();
  });
});
