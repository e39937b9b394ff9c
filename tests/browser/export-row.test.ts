import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDraft, storedIssue, writeDatabase } from './database';
import {
  exportLayout,
  launchExtension,
  openDesk,
  overflowing,
  POPUP,
  screenshotPath,
  setCurrentIssue,
  type ExtensionSession,
} from './harness';

/**
 * « Copier le numéro » and the Format, told apart at every width: the copy (the issue as the
 * preview shows it, rich and plain text) on its line, said in a few words; the Format with
 * « Télécharger » alone, in a group named for the download, on one line (it was the copy's
 * neighbour, « Télécharger » wrapping below it in the desk). French, then English.
 */

for (const { language, tab, group, says } of [
  {
    language: 'fr-FR',
    tab: 'Numéro',
    group: 'Télécharger un fichier',
    says: 'Tel que dans l’aperçu, à coller dans un courriel ou un éditeur.',
  },
  {
    language: 'en-US',
    tab: 'Issue',
    group: 'Download a file',
    says: 'As in the preview, to paste into an email or an editor.',
  },
]) {
  describe(`the export’s copy and Format told apart (${language})`, () => {
    let session: ExtensionSession;
    const expected = {
      copyAbove: true,
      formatBesideDownload: true,
      group,
      groupHoldsCopy: false,
      groupHoldsDownload: true,
      copySays: says,
    };

    beforeAll(async () => {
      session = await launchExtension(language);
      session.context.setDefaultTimeout(15_000);
      const page = await session.openExtensionPage('popup.html');
      await writeDatabase(page, {
        issues: [storedIssue('issue-1')],
        clips: [
          localDraft({
            id: 'item-1',
            title: 'Budget',
            issueId: 'issue-1',
            sortKey: 'a',
            status: 'ready',
            body: '<p>Le ministre aurait confié.</p>',
          }),
        ],
      });
      await setCurrentIssue(page, 'issue-1');
      await page.close();
    });

    afterAll(async () => {
      await session?.close();
    });

    for (const width of [320, 360, 420]) {
      it(`in the popup ${width} px wide`, async () => {
        const popup = await session.context.newPage();
        await popup.setViewportSize({ width, height: POPUP.height });
        await session.openExtensionPage('popup.html', popup);
        await popup.getByRole('tab', { name: tab }).click();
        await popup.getByTestId('download').scrollIntoViewIfNeeded();
        await popup.screenshot({
          path: screenshotPath(`export-row-${language}-popup-${width}.png`),
        });
        expect(await popup.evaluate(exportLayout)).toEqual(expected);
        expect((await overflowing(popup)).past).toEqual([]);
        await popup.close();
      });
    }

    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 1366, height: 768 },
    ]) {
      it(`in the desk at ${viewport.width}×${viewport.height}`, async () => {
        const desk = await openDesk(session, viewport);
        await desk.getByTestId('download').waitFor();
        await desk.screenshot({
          path: screenshotPath(`export-row-${language}-desk-${viewport.width}.png`),
        });
        expect(await desk.evaluate(exportLayout)).toEqual(expected);
        expect((await overflowing(desk)).past).toEqual([]);
        await desk.close();
      });
    }
  });
}
