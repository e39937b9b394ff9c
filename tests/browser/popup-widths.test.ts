import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDraft, writeDatabase } from './database';
import {
  launchExtension,
  overflowing,
  POPUP,
  popupPreferredWidth,
  screenshotPath,
  type ExtensionSession,
} from './harness';

/**
 * The popup from the narrowest a browser gives it to its own width: 420 px where there is room
 * (Chrome sizes its popup to it), down to about 320 px (a zoomed page, a small screen, Firefox's
 * overflow menu), its inbox and its draft editor laid out in the width there is, nothing wider
 * than the window (cut off, or scrolled sideways).
 */

const NOW = new Date(Date.UTC(2024, 2, 15, 7, 30)).toISOString();

/** A draft as a clip makes it, with what lengthens lines: a long title, address, quote, tags. */
const DRAFT = localDraft({
  id: 'draft-long',
  url: 'https://www.example-presse-regionale.fr/politique/2024/03/15/les-coulisses-du-remaniement-gouvernemental',
  title:
    'Le ministre de l’Économie aurait confié à ses proches qu’il ne briguerait pas la présidence du parti',
  siteName: 'La Presse régionale de l’Est et du Centre-Val de Loire',
  quotes: [
    '« Nous ne laisserons pas le budget de la Nation entre les mains de ceux qui ne savent pas compter », a déclaré la sénatrice.',
    'https://www.example-presse-regionale.fr/politique/2024/03/15/les-coulisses-du-remaniement',
  ].map((text) => ({ text, html: '', clippedAt: NOW })),
  createdAt: NOW,
  body: '<p>Le ministre de l’Économie aurait confié à ses proches qu’il ne briguerait pas la présidence.</p>',
  sources: [
    {
      url: 'https://www.example-presse-regionale.fr/politique/2024/03/15/les-coulisses-du-remaniement-gouvernemental',
      title: 'Les coulisses du remaniement gouvernemental',
      siteName: 'La Presse régionale',
    },
  ],
  tags: ['politique-intérieure', 'remaniement'],
});

describe('the popup from 320 px wide to its own 420', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    const page = await session.openExtensionPage('popup.html');
    await writeDatabase(page, {
      clips: [
        DRAFT,
        { ...DRAFT, id: 'draft-short', title: 'Budget', url: 'https://news.test/budget' },
      ],
    });
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  /** popup.html in a tab `width` px wide, as high as Chrome's popup at most. */
  async function openAt(width: number): Promise<Page> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width, height: POPUP.height });
    await session.openExtensionPage('popup.html', page);
    await page.getByTestId('draft').nth(1).waitFor();
    return page;
  }

  for (const width of [320, 360, 420]) {
    it(`lays the inbox, the draft editor and the new issue's form out in ${width} px, nothing wider than the window`, async () => {
      const popup = await openAt(width);
      await popup.screenshot({ path: screenshotPath(`popup-width-${width}-inbox.png`) });
      const inbox = await overflowing(popup);
      // The header's buttons each on one line (« Ouvrir le bureau » was three words under one
      // another beside the tabs): as high as the one-character ⚙.
      const desk = await popup.getByRole('button', { name: 'Ouvrir le bureau' }).boundingBox();
      const options = await popup.getByRole('button', { name: 'Réglages' }).boundingBox();
      const tabs = await popup.getByRole('tablist').boundingBox();

      await popup.getByRole('button', { name: DRAFT.title, exact: true }).click();
      await popup.locator('.quotes blockquote').nth(1).waitFor();
      await popup.screenshot({
        path: screenshotPath(`popup-width-${width}-editor.png`),
        fullPage: true,
      });
      const editor = await overflowing(popup);

      // The issue's tab, with no issue yet: the new issue's form.
      await popup.getByRole('tab', { name: 'Numéro' }).click();
      await popup.getByRole('form', { name: 'Nouveau numéro' }).waitFor();
      await popup.screenshot({ path: screenshotPath(`popup-width-${width}-issue.png`) });
      const issue = await overflowing(popup);
      await popup.close();

      expect(desk!.height).toBe(options!.height);
      // The two go together: the ⚙ right of « Ouvrir le bureau » on its line (it fell alone on a
      // line of its own, on the left, at 340–360 px), beside the tabs from 360 px up.
      expect(options!.y).toBe(desk!.y);
      expect(options!.x).toBeGreaterThan(desk!.x);
      if (width >= 360) expect(desk!.y).toBeLessThan(tabs!.y + tabs!.height);
      expect(inbox.past).toEqual([]);
      expect(inbox.scrollWidth).toBeLessThanOrEqual(inbox.clientWidth);
      expect(editor.past).toEqual([]);
      expect(editor.scrollWidth).toBeLessThanOrEqual(editor.clientWidth);
      expect(issue.past).toEqual([]);
      expect(issue.scrollWidth).toBeLessThanOrEqual(issue.clientWidth);
    });
  }

  it('asks for 420 px where there is room: the width Chrome sizes its popup to', async () => {
    const popup = await openAt(800);
    expect(await popupPreferredWidth(popup)).toBe(420);
    expect((await popup.locator('.popup').boundingBox())!.width).toBe(420);
    await popup.close();
  });
});
