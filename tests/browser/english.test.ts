import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDraft, storedIssue, writeDatabase } from './database';
import {
  launchExtension,
  openDesk,
  openPopup,
  POPUP,
  screenshotPath,
  selectsCutOff,
  setCurrentIssue,
  type ExtensionSession,
} from './harness';

/**
 * The extension as an English-speaking editor uses it: Chromium speaking en-US, so the interface
 * speaks English (locales/core.ts, detectLocale). The popup at its width and narrower, the desk
 * on laptop screens: no French mark or word left in the interface, and no select whose chosen
 * option is cut off (English words run longer than the French ones the layout was drawn for).
 * The drafts are English too, so that what is French on the page can only be the interface's;
 * the issue keeps the default house style (French exports: the outlet's, see README).
 */

const NOW = new Date(Date.UTC(2024, 2, 15, 7, 30)).toISOString();
const ISSUE = 'issue-en';

const draft = (id: string, title: string, issueId = '', sortKey = '') =>
  localDraft({
    id,
    title,
    siteName: 'The Guardian',
    byline: 'Eleanor Ainge Roy',
    quotes: [{ text: 'Why it matters: the deal is off.', html: '', clippedAt: NOW }],
    provenance: { title: 'og:title', byline: 'meta[name=author]', siteName: 'hostname' },
    createdAt: NOW,
    body: `<p>${title}: the minister told his staff on Monday.</p>`,
    sources: [{ url: `https://news.test/${id}`, title, siteName: 'The Guardian' }],
    tags: ['politics'],
    issueId,
    sortKey,
  });

/**
 * What reads French in the interface: guillemets, a (no-break) space before a colon, semicolon,
 * question or exclamation mark, French words of the interface, a French example address, and
 * the code's own field names. The preview is left out: it is the export, in the house style; so
 * are the items' names in the issue list, wherever they are quoted (a button's name), and the
 * label field's placeholder: the list names them as the exports write them
 * (components/itemName.ts).
 */
async function frenchLeft(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const french =
      /[«»]|[\s\u00a0\u202f][:;?!]|\b(brouillons?|numéros?|réglages|bureau|corbeille|jj\/mm\/aaaa|monsite)\b|\b(byline|publishedAt|siteName|imageUrl):/i;
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (parent.closest('.preview') || !parent.checkVisibility()) continue;
      texts.push(node.textContent ?? '');
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (el.closest('.preview')) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    const names = [
      ...[...document.querySelectorAll('.issue-item__title')].map((el) => el.textContent ?? ''),
      // The label's placeholder: the name the list will show while the field is empty.
      ...[...document.querySelectorAll('[data-testid="item-label"]')].map(
        (el) => el.getAttribute('placeholder') ?? '',
      ),
    ].filter(Boolean);
    return texts.filter((text) =>
      french.test(names.reduce((t, name) => t.split(name).join(''), text)),
    );
  });
}

describe('an English editor’s popup and desk', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension('en-US');
    session.context.setDefaultTimeout(20_000);
    const page = await session.openExtensionPage('popup.html');
    await writeDatabase(page, {
      clips: [
        draft('d1', 'Ministers weigh a snap election'),
        draft('d2', 'The central bank’s next move', ISSUE, 'a0'),
      ],
      issues: [storedIssue(ISSUE, { at: NOW })],
    });
    await setCurrentIssue(page, ISSUE);
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  for (const width of [320, POPUP.width]) {
    it(`shows the popup in English at ${width} px: its inbox, a draft, the issue`, async () => {
      const popup = await openPopup(session);
      await popup.setViewportSize({ width, height: POPUP.height });
      await popup.getByTestId('draft').first().waitFor();
      await popup.screenshot({ path: screenshotPath(`english-popup-${width}-inbox.png`) });
      const inbox = { french: await frenchLeft(popup), cut: await selectsCutOff(popup) };

      await popup
        .getByRole('button', { name: 'Ministers weigh a snap election', exact: true })
        .click();
      await popup.getByTestId('draft-editor').waitFor();
      await popup.screenshot({
        path: screenshotPath(`english-popup-${width}-editor.png`),
        fullPage: true,
      });
      const editor = { french: await frenchLeft(popup), cut: await selectsCutOff(popup) };

      await popup.getByRole('tab', { name: 'Issue' }).click();
      await popup.getByTestId('issue-item').first().waitFor();
      await popup.screenshot({
        path: screenshotPath(`english-popup-${width}-issue.png`),
        fullPage: true,
      });
      const issue = { french: await frenchLeft(popup), cut: await selectsCutOff(popup) };
      await popup.close();

      expect(inbox).toEqual({ french: [], cut: [] });
      expect(editor).toEqual({ french: [], cut: [] });
      expect(issue).toEqual({ french: [], cut: [] });
    });
  }

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1366, height: 768 },
  ]) {
    it(`shows the desk in English on a ${size.width} px screen, nothing French, no choice cut off`, async () => {
      const desk = await openDesk(session, size);
      await desk.getByTestId('draft').first().waitFor();
      await desk.screenshot({ path: screenshotPath(`english-desk-${size.width}.png`) });
      const french = await frenchLeft(desk);
      const cut = await selectsCutOff(desk);
      await desk.close();

      expect(french).toEqual([]);
      expect(cut).toEqual([]);
    });
  }

  it('shows the settings in English', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.getByRole('heading', { name: 'House style' }).waitFor();
    await options.screenshot({ path: screenshotPath('english-options.png'), fullPage: true });
    const french = await frenchLeft(options);
    await options.close();

    expect(french).toEqual([]);
  });
});
