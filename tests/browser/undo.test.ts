import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clipTwoArticles,
  createIssueInPopup,
  launchExtension,
  liveRegionsSaying,
  openDesk,
  openPopup,
  screenshotPath,
  servePages,
  squash,
  until,
  type ExtensionSession,
  type PageServer,
} from './harness';

/**
 * « Annuler » is not lost by moving around, in real Chromium with the built extension: the popup
 * closes at the first click outside it, and the popup opened again (or the desk opened next)
 * still offers the undo, which then shows what came back; two views open at once share the
 * offer, and an undo in one takes it from the other. In the desk, the bar covers none of the
 * columns. The tests share one profile and run in order.
 */
describe('undo across the popup and the desk in Chromium', () => {
  let session: ExtensionSession;
  let server: PageServer;
  const titles = { guardian: '', lemonde: '' };
  /** How the issue list names Le Monde's draft: the first words of its clipped passage. */
  const lemondeLabel = '« Les députés ont, sans surprise, adopté…';

  const draftRow = (page: Page, title: string) =>
    page.getByTestId('draft').filter({ has: page.getByRole('button', { name: title }) });
  const bar = (page: Page) => page.getByTestId('undo-bar');
  /** What the bar says, its button aside. */
  const barText = (page: Page) =>
    bar(page)
      .locator('span')
      .first()
      .textContent()
      .then((text) => squash(text));
  const selectedTab = (page: Page) =>
    page
      .locator('[role="tab"][aria-selected="true"]')
      .textContent()
      .then((text) => squash(text));
  const itemNames = (page: Page) =>
    page
      .getByTestId('issue-item')
      .locator('.issue-item__title')
      .allTextContents()
      .then((names) => names.map(squash));
  /** The offers every view shares, as stored (storage/undo-offers.ts). */
  const storedOffers = (page: Page) =>
    page
      .evaluate(async () => {
        const api = (
          globalThis as unknown as {
            chrome: {
              storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
            };
          }
        ).chrome;
        const { undoOffers } = await api.storage.session.get('undoOffers');
        // Read here, folded in the test: `squash` is not in the page.
        return ((undoOffers ?? []) as Array<{ label: string }>).map((offer) => offer.label);
      })
      .then((labels) => labels.map(squash));

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    Object.assign(titles, await clipTwoArticles(session, server));
    // An issue of the 15th of March holding Le Monde's draft, the current one.
    const popup = await openPopup(session);
    await createIssueInPopup(popup);
    await popup.getByRole('tab', { name: 'Brouillons' }).click();
    await popup.getByRole('button', { name: `Ajouter « ${titles.lemonde} » au numéro` }).click();
    await draftRow(popup, titles.lemonde).waitFor({ state: 'detached' });
    await popup.close();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('offers « Annuler » again in a popup opened after a click outside closed it, and shows the issue put back', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await popup.getByText('Titre, date, chapô et longueur visée').click();
    await popup.getByRole('button', { name: 'Supprimer le numéro' }).click();
    const deleted =
      '« Les indiscrets du 15 mars » est supprimé ; ses indiscrets sont retournés dans les brouillons.';
    await until(
      () => barText(popup),
      (text) => text === deleted,
      'the undo bar',
    );
    // Shown at once, the offer is kept for the other views a moment later: an editor's click
    // outside comes after that (a test's close may come before).
    await until(
      () => storedOffers(popup),
      (offers) => offers.includes(deleted),
      'the offer kept for the other views',
    );
    // A click outside: the popup is gone, and with it everything it held.
    await popup.close();

    const again = await openPopup(session);
    await until(
      () => barText(again),
      (text) => text === deleted,
      'the same undo bar',
    );
    // The popup opens on the drafts, where the issue's item went back.
    expect(await selectedTab(again)).toBe('Brouillons');
    await draftRow(again, titles.lemonde).waitFor();

    await bar(again).getByRole('button', { name: 'Annuler' }).click();

    // What came back is shown: the issue, chosen, in its tab, with its item.
    await until(
      () => selectedTab(again),
      (tab) => tab === 'Numéro',
      'the issue tab',
    );
    await until(
      () =>
        again
          .getByRole('combobox', { name: 'Numéro en cours' })
          .locator('option:checked')
          .textContent(),
      (text) => squash(text) === 'Les indiscrets du 15 mars',
      'the issue put back, chosen',
    );
    await until(
      () => itemNames(again),
      (names) => names.length === 1 && names[0] === lemondeLabel,
      'its item back in it',
    );
    expect(await storedOffers(again)).toEqual([]);
    await again.close();
  });

  it('undoes in the desk opened next a draft trashed in the popup, each view speaking the offer by its announcer; the popup opened again no longer offers it', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: `Supprimer « ${titles.guardian} »` }).click();
    const trashed = `« ${titles.guardian} » est à la corbeille.`;
    await until(
      () => barText(popup),
      (text) => text === trashed,
      'the undo bar',
    );
    // Spoken by the page's announcer, its one live region: the bar is none.
    await until(
      () => liveRegionsSaying(popup, trashed),
      (ids) => ids.length === 1 && ids[0] === 'announcement',
      'the offer spoken by the popup’s announcer alone',
    );
    await until(
      () => storedOffers(popup),
      (offers) => offers.includes(trashed),
      'the offer kept for the other views',
    );
    await popup.close();

    const desk = await openDesk(session);
    await until(
      () => barText(desk),
      (text) => text === trashed,
      'the undo bar in the desk',
    );
    await until(
      () => liveRegionsSaying(desk, trashed),
      (ids) => ids.length === 1 && ids[0] === 'announcement',
      'the offer spoken by the desk’s announcer alone',
    );
    await bar(desk).getByRole('button', { name: 'Annuler' }).click();
    await draftRow(desk, titles.guardian).waitFor();

    const again = await openPopup(session);
    await draftRow(again, titles.guardian).waitFor();
    expect(await storedOffers(again)).toEqual([]);
    expect(await bar(again).count()).toBe(0);
    await again.close();
    await desk.close();
  });

  it('shows in the desk open beside the popup what the popup offers, and an undo in the desk takes it from the popup', async () => {
    const desk = await openDesk(session);
    await draftRow(desk, titles.guardian).waitFor();
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: `Supprimer « ${titles.guardian} »` }).click();
    const trashed = `« ${titles.guardian} » est à la corbeille.`;
    await until(
      () => barText(desk),
      (text) => text === trashed,
      'the undo bar in the desk',
    );

    await bar(desk).getByRole('button', { name: 'Annuler' }).click();

    await bar(popup).waitFor({ state: 'detached' });
    await draftRow(popup, titles.guardian).waitFor();
    await draftRow(desk, titles.guardian).waitFor();
    await popup.close();
    await desk.close();
  });

  it('takes « Annuler » from the desk open beside the popup as soon as the popup restores the draft from the trash', async () => {
    const desk = await openDesk(session);
    await draftRow(desk, titles.guardian).waitFor();
    const popup = await openPopup(session);
    await popup.getByRole('button', { name: `Supprimer « ${titles.guardian} »` }).click();
    await bar(desk).getByRole('button', { name: 'Annuler' }).waitFor();
    await popup.getByLabel('Où chercher').selectOption('trash');

    const restored = Date.now();
    await draftRow(popup, titles.guardian).getByRole('button', { name: 'Restaurer' }).click();
    await bar(desk).waitFor({ state: 'detached' });

    // At once, not when the bar's own ten seconds run out: nothing in the offers the views share
    // changed, the desk hears it from the database. A few seconds leave room for a loaded machine.
    expect(Date.now() - restored).toBeLessThan(4000);
    await draftRow(desk, titles.guardian).waitFor();
    expect(await storedOffers(desk)).toEqual([]);
    await popup.close();
    await desk.close();
  });

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    it(`covers none of the desk's columns with the undo bar at ${size.width}×${size.height}`, async () => {
      const desk = await openDesk(session, size);
      await desk.getByRole('button', { name: `Supprimer « ${titles.guardian} »` }).click();
      await bar(desk).getByRole('button', { name: 'Annuler' }).waitFor();

      const layout = await desk.evaluate(() => {
        const shown = document.querySelector('[data-testid="undo-bar"]')!.getBoundingClientRect();
        return {
          barTop: shown.top,
          barBottom: shown.bottom,
          columns: Array.from(document.querySelectorAll('.desk__column'), (column) => ({
            name: column.className,
            bottom: column.getBoundingClientRect().bottom,
          })),
          pageScrolls: document.documentElement.scrollHeight > innerHeight,
        };
      });
      await desk.screenshot({ path: screenshotPath(`desk-undo-${size.width}.png`) });
      // Each column ends above the bar: what it shows at its bottom, its last rows scrolled to,
      // is never under the bar; and the bar is in the window, the page not scrolled to see it.
      for (const column of layout.columns) {
        expect(column.bottom, column.name).toBeLessThanOrEqual(layout.barTop);
      }
      expect(layout.barBottom).toBeLessThanOrEqual(size.height);
      expect(layout.pageScrolls).toBe(false);

      await bar(desk).getByRole('button', { name: 'Annuler' }).click();
      await draftRow(desk, titles.guardian).waitFor();
      // The bar gone (nothing else to undo), the columns take the room back.
      await bar(desk).waitFor({ state: 'detached' });
      const bottoms = await desk.evaluate(() =>
        Array.from(
          document.querySelectorAll('.desk__column'),
          (c) => c.getBoundingClientRect().bottom,
        ),
      );
      expect(Math.min(...bottoms)).toBeGreaterThan(size.height - 20);
      await desk.close();
    });
  }
});
