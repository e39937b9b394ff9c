import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchExtension,
  screenshotPath,
  selectText,
  servePages,
  squash,
  type ExtensionSession,
  type PageServer,
} from './harness';
import { readDatabase } from './database';

/** Selects a passage in `page`, then clips its tab from the popup opened on `popup.html?tabId=`. */
async function clipFromPopup(session: ExtensionSession, page: Page, popup?: Page) {
  const tabId = await session.tabIdOf(page.url());
  const target = await session.openExtensionPage(`popup.html?tabId=${tabId}`, popup);
  await target.setViewportSize({ width: 420, height: 640 });
  await target.getByRole('button', { name: 'Couper cette page' }).click();
  await target.getByTestId('clip-message').filter({ hasText: /\S/ }).waitFor();
  return target;
}

describe('clipping in Chromium with the built extension', () => {
  let session: ExtensionSession;
  let server: PageServer;

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('clips a page with its selected passage and shows the draft in the popup', async () => {
    const article = await session.context.newPage();
    await article.goto(server.fixture('lemonde-1'));
    const passage = await selectText(article, '#articleBody p');

    const popup = await clipFromPopup(session, article);

    await expect(popup.getByTestId('clip-message').textContent()).resolves.toMatch(
      /^Nouveau brouillon\u00a0: «\u00a0Le projet de loi sur le renseignement/,
    );
    const drafts = popup.getByTestId('draft');
    // The answer comes once the draft is committed; the inbox's live query hears of the write a
    // moment later (another context's IndexedDB notification), so the row is waited for.
    await drafts.first().waitFor();
    await expect(drafts.count()).resolves.toBe(1);
    await expect(drafts.first().textContent()).resolves.toContain('Le Monde');
    // The row shows the item's text, which starts from the template: the quote, then its source.
    const text = await popup.getByTestId('draft-text').first().textContent();
    expect(text?.replace(/\s+/g, ' ')).toContain(passage.replace(/\s+/g, ' ').trim());
    await popup.screenshot({ path: screenshotPath('popup.png') });
    await popup.close();
    await article.close();
  });

  it('adds a second selection of the same page to the same draft as another quote', async () => {
    const article = await session.context.newPage();
    await article.goto(server.fixture('lemonde-1'));
    await selectText(article, '#articleBody p:nth-of-type(3)');

    const popup = await clipFromPopup(session, article);

    await expect(popup.getByTestId('clip-message').textContent()).resolves.toContain(
      'avait déjà un brouillon',
    );
    await popup.getByTestId('draft').first().waitFor();
    await expect(popup.getByTestId('draft').count()).resolves.toBe(1);
    await expect(popup.getByTestId('quote-count').textContent()).resolves.toContain('2 citations');
    await popup.close();
    await article.close();
  });

  it('still makes a draft from a page whose JSON-LD is malformed', async () => {
    const page = await session.context.newPage();
    await page.goto(server.page('bad-jsonld.html'));
    await selectText(page, '#lead');

    const popup = await clipFromPopup(session, page);

    const draft = popup.getByTestId('draft').filter({ hasText: 'Une page au JSON-LD cassé' });
    await draft.waitFor();
    await expect(draft.textContent()).resolves.toContain('Petit Web');
    await expect(popup.getByTestId('draft').count()).resolves.toBe(2);
    await popup.close();
    await page.close();
  });

  it('keeps the paragraphs of a selection across two: each opens with «, the last closes', async () => {
    const page = await session.context.newPage();
    await page.goto(server.page('two-paragraphs.html'));
    await page.evaluate(() => {
      const range = document.createRange();
      range.setStartBefore(document.getElementById('first')!.firstChild!);
      range.setEndAfter(document.getElementById('second')!.lastChild!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });

    const popup = await clipFromPopup(session, page);

    await popup.getByTestId('draft').filter({ hasText: 'Une déclaration' }).waitFor();
    const { clips } = await readDatabase<{
      clips: { id: string; title: string; body: string }[];
      issues: { id: string }[];
    }>(popup);
    const draft = clips.find((clip) => clip.title === 'Une déclaration en deux paragraphes');
    expect(draft?.body).toBe(
      '<p>«\u00a0Nous ne céderons pas sur le calendrier de la réforme.</p>' +
        '<p>«\u00a0Le texte sera présenté en juin, “quoi qu’il arrive”.\u00a0» ' +
        `(<a href="${server.page('two-paragraphs.html')}">Petit Web</a>)</p>`,
    );
    await popup.close();
    await page.close();
  });

  it('marks the quote of an English page with its language inside the French « »', async () => {
    const page = await session.context.newPage();
    await page.goto(server.fixture('guardian-1'));
    const passage = await selectText(page, '[itemprop="articleBody"] p');

    const popup = await clipFromPopup(session, page);

    const { clips } = await readDatabase<{
      clips: { id: string; url: string; lang?: string; body: string }[];
      issues: { id: string }[];
    }>(popup);
    // Stored under the page's canonical address, the Guardian's.
    const draft = clips.find((clip) => clip.url.startsWith('https://www.theguardian.com/'));
    // The page says `<html lang="en">`, the exports are in French (the default house style, read
    // by the clip from the settings): screen readers and WordPress read the quote as English.
    expect(draft?.lang).toBe('en');
    const quoted =
      /^<p>«\u00a0<span lang="en">([^<]+)<\/span>\u00a0» \(<a href="[^"]+">[^<]+<\/a>\)<\/p>$/.exec(
        draft?.body ?? '',
      );
    expect(quoted, draft?.body).not.toBeNull();
    expect(squash(quoted![1]!)).toBe(squash(passage));
    await popup.close();
    await page.close();
  });

  it('keeps English words quoted in a French page marked as English, in the quote and the text', async () => {
    const page = await session.context.newPage();
    await page.goto(server.page('quote-in-english.html'));
    await selectText(page, '#quoted');

    const popup = await clipFromPopup(session, page);

    type Clip = { id: string; url: string; body: string; quotes: { html: string }[] };
    const read = async (target: Page) =>
      (await readDatabase<{ clips: Clip[]; issues: { id: string }[] }>(target)).clips.find(
        (clip) => clip.url === server.page('quote-in-english.html'),
      );
    const draft = await read(popup);
    // The page's `<span lang="en">` is kept: French typography (« : » with a no-break space)
    // leaves those words as written, and screen readers read them in English.
    expect(draft?.quotes[0]?.html).toBe(
      'Selon Axios, « <span lang="en">Why it matters: the deal</span> », écrit le site.',
    );
    expect(draft?.body).toBe(
      '<p>«\u00a0Selon Axios, “<span lang="en">Why it matters: the deal</span>”, écrit le site.\u00a0» ' +
        `(<a href="${server.page('quote-in-english.html')}">Petit Web</a>)</p>`,
    );

    // Only the English words selected: the span they sit in still says their language.
    await page.evaluate(() => {
      const words = document.querySelector('#quoted span')!.firstChild!;
      const range = document.createRange();
      range.setStart(words, 0);
      range.setEnd(words, 'Why it matters'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await popup.close();
    const again = await clipFromPopup(session, page);
    const merged = await read(again);
    expect(merged?.quotes.map((quote) => quote.html)).toEqual([
      'Selon Axios, « <span lang="en">Why it matters: the deal</span> », écrit le site.',
      '<span lang="en">Why it matters</span>',
    ]);
    await again.close();
    await page.close();
  });

  it('leaves Wikipedia’s note calls ([1], [2]) out of a quote, in its text and its HTML', async () => {
    const page = await session.context.newPage();
    await page.goto(server.fixture('wikipedia'));
    const shown = await selectText(page, '#mw-content-text p:has(sup.reference)');
    // The page shows them: the passage selected has some.
    expect(shown).toMatch(/\[\d+\]/);

    const popup = await clipFromPopup(session, page);

    await popup.getByTestId('draft').filter({ hasText: 'Mozilla' }).first().waitFor();
    const { clips } = await readDatabase<{
      clips: { id: string; url: string; quotes: { text: string; html: string }[] }[];
      issues: { id: string }[];
    }>(popup);
    const [quote] = clips.find((clip) => clip.url.includes('wikipedia'))?.quotes ?? [];
    expect(quote?.text.length).toBeGreaterThan(100);
    expect(quote?.text).not.toMatch(/\[\d+\]/);
    expect(quote?.html).not.toMatch(/\[\d+\]|cite_note/);
    // Nothing else went: the quote is the selection without its note calls.
    expect(quote?.text.replace(/\s+/g, '')).toBe(shown.replace(/\[\d+\]|\s+/g, ''));
    await popup.close();
    await page.close();
  });

  // chrome:// pages cannot be tested here: without a real click (activeTab) the extension does
  // not even see their address. The PDF viewer takes the same fallback path, and unit tests
  // cover the browser's own pages (tests/unit/services/clipper.test.ts).
  it('keeps the URL and title of a PDF, which the script cannot read, and says why', async () => {
    const page = await session.context.newPage();
    await page.goto(server.page('rapport.pdf'));

    const popup = await clipFromPopup(session, page);

    await expect(popup.getByTestId('clip-message').textContent()).resolves.toContain(
      'Le lecteur PDF ne se laisse pas lire\u00a0: seuls l’adresse et le titre ont été gardés.',
    );
    const draft = popup.getByTestId('draft').filter({ hasText: 'rapport.pdf' });
    await draft.waitFor();
    await expect(draft.textContent()).resolves.toContain('Le lecteur PDF');
    await popup.close();
    await page.close();
  });

  it('says the words selected in the PDF viewer, which the context menu saw, were kept', async () => {
    const page = await session.context.newPage();
    const address = `${server.page('rapport.pdf')}?menu`;
    await page.goto(address);
    const tabId = await session.tabIdOf(address);
    const [worker] = session.context.serviceWorkers();
    // A Chromium menu item cannot be clicked from a test: its event is dispatched as a click on
    // « Couper dans Indiscrets » with words selected in the viewer would dispatch it.
    await worker!.evaluate(
      ([id, url]) => {
        type Clicked = { dispatch(info: object, tab: object): void };
        const { chrome } = globalThis as unknown as {
          chrome: { contextMenus: { onClicked: Clicked } };
        };
        chrome.contextMenus.onClicked.dispatch(
          {
            menuItemId: 'indiscrets-clip-page',
            editable: false,
            pageUrl: url,
            selectionText: 'Le chiffre d’affaires a doublé.',
          },
          { id, url, title: 'rapport.pdf', index: 0, windowId: 1 },
        );
      },
      [tabId, address] as const,
    );

    const popup = await session.openExtensionPage('popup.html');
    const draft = popup.getByTestId('draft').filter({ hasText: 'Le chiffre d’affaires a doublé.' });
    await draft.waitFor();
    await expect(draft.getByRole('note').textContent()).resolves.toBe(
      'Le lecteur PDF ne se laisse pas lire\u00a0: seuls l’adresse, le titre et les mots ' +
        'sélectionnés (en texte brut, sans leurs liens) ont été gardés.',
    );
    await popup.close();
    await page.close();
  });
});
