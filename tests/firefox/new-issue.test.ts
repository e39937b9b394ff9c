/**
 * The new issue's form and the export's controls in Firefox (MV2 test build, headless Firefox
 * ESR), whose classic scrollbar takes room from the page: Escape lets the form go, what was
 * typed kept and brought back by « + Nouveau numéro (commencé) »; the Format beside
 * « Télécharger » alone, the copy on its line above, in the desk and the popup at 320 px.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { exportLayout, until } from '../browser/harness';
import {
  clickButton,
  fieldSelector,
  inFirefox,
  sizeViewport,
  typeInto,
  type FirefoxSession,
} from './harness';

const EXPORT_TOLD_APART = {
  copyAbove: true,
  formatBesideDownload: true,
  group: 'Télécharger un fichier',
  groupHoldsCopy: false,
  groupHoldsDownload: true,
  copySays: 'Tel que dans l’aperçu, à coller dans un courriel ou un éditeur.',
};

describe('the new issue’s form and the export in Firefox (MV2)', () => {
  let session: FirefoxSession;
  let desk: Page;

  inFirefox((launched) => ({ session } = launched));

  const formShown = (page: Page) => page.evaluate(() => !!document.querySelector('form.new-issue'));
  const newIssueButton = (page: Page) =>
    page.$eval('[data-testid="new-issue"]', (button) =>
      (button.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );

  it('lets the form go with Escape, keeping the title typed for the next time', async () => {
    desk = await session.browser.newPage();
    await sizeViewport(desk, { width: 1024, height: 768 });
    await session.openExtensionPage('desk.html', desk);
    const date = 'form.new-issue .date-field input';
    await desk.waitForSelector(date);
    await typeInto(desk, date, '15/03/2027');
    await clickButton(desk, 'Créer le numéro');
    await desk.waitForSelector('[data-testid="download"]');

    await desk.keyboard.press('n');
    await desk.waitForSelector('form.new-issue');
    const titleField = await fieldSelector(desk, 'Titre');
    // Today's, as the house pattern gives it.
    const proposed = await desk.$eval(titleField, (field) => (field as HTMLInputElement).value);
    await typeInto(desk, titleField, 'Spécial remaniement');
    await desk.keyboard.press('Escape');
    await until(
      () => formShown(desk),
      (shown) => !shown,
      'the form let go',
    );
    await until(
      () => desk.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''),
      (id) => id === 'new-issue',
      'the focus back on « + Nouveau numéro »',
    );
    expect(await newIssueButton(desk)).toBe('+ Nouveau numéro (commencé)');

    await desk.keyboard.press('Enter');
    const title = await fieldSelector(desk, 'Titre');
    expect(await desk.$eval(title, (field) => (field as HTMLInputElement).value)).toBe(
      'Spécial remaniement',
    );
    await clickButton(desk, 'Repartir de zéro');
    expect(await desk.$eval(title, (field) => (field as HTMLInputElement).value)).toBe(proposed);
    await desk.keyboard.press('Escape');
    await until(
      () => formShown(desk),
      (shown) => !shown,
      'the form let go, nothing kept',
    );
    expect(await newIssueButton(desk)).toBe('+ Nouveau numéro');
  });

  it('puts the Format beside « Télécharger » alone, the copy above, in the desk at 1024 px', async () => {
    await desk.waitForSelector('[data-testid="download"]');
    expect(await desk.evaluate(exportLayout)).toEqual(EXPORT_TOLD_APART);
    await desk.close();
  });

  it('and in the popup 320 px wide, under Firefox’s scrollbar', async () => {
    const popup = await session.browser.newPage();
    await sizeViewport(popup, { width: 320, height: 600 });
    await session.openExtensionPage('popup.html', popup);
    await clickButton(popup, 'Numéro');
    await popup.waitForSelector('[data-testid="download"]');
    expect(await popup.evaluate(exportLayout)).toEqual(EXPORT_TOLD_APART);
    await popup.close();
  });
});
