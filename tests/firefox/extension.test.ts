import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectInPage, servePages, squash, until, type PageServer } from '../browser/harness';
import { clickButton, launchFirefox, textsOf, type FirefoxSession } from './harness';

/** Clips the tab showing `article` from the popup opened on `popup.html?tabId=`. */
async function clipFromPopup(session: FirefoxSession, article: Page): Promise<Page> {
  const tabId = await session.tabIdOf(article.url());
  const popup = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
  await clickButton(popup, 'Couper cette page');
  await until(
    () => textsOf(popup, '[data-testid="clip-message"]'),
    (texts) => texts.some((text) => text !== '' && !text.startsWith('Coupe en cours')),
    'the clip message',
  );
  return popup;
}

describe('the extension in Firefox (MV2)', () => {
  let session: FirefoxSession;
  let server: PageServer;

  beforeAll(async () => {
    server = await servePages();
    session = await launchFirefox();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  // The last test relies on Firefox's stdout: first prove an extension page's error reaches it.
  it('sees what an extension page logs as an error (the check of the last test can fail)', async () => {
    const page = await session.openExtensionPage('popup.html');
    await page.evaluate(() => console.error('Indiscrets harness check'));
    await until(
      async () => session.extensionErrors(),
      (errors) => errors.some((line) => line.includes('Indiscrets harness check')),
      'the logged error on stdout',
    );
    await page.close();
  });

  it('clips a page with its selected passage', async () => {
    const article = await session.openUrl(server.fixture('lemonde-1'));
    const passage = await article.evaluate(selectInPage, '#articleBody p');

    const popup = await clipFromPopup(session, article);

    const [message] = await textsOf(popup, '[data-testid="clip-message"]');
    expect(message).toMatch(/^Nouveau brouillon : « Le projet de loi sur le renseignement/);
    const drafts = await until(
      () => textsOf(popup, '[data-testid="draft"]'),
      (texts) => texts.length === 1,
      'one draft in the inbox',
    );
    expect(drafts[0]).toContain('Le Monde');
    // The row shows the item's text, which starts from the template: the quote, then its source.
    const [text] = await textsOf(popup, '[data-testid="draft-text"]');
    expect(text).toContain(squash(passage));
    await popup.close();
    await article.close();
  });

  it('adds a second selection of the same page to its draft as another quote', async () => {
    const article = await session.openUrl(server.fixture('lemonde-1'));
    await article.evaluate(selectInPage, '#articleBody p:nth-of-type(3)');

    const popup = await clipFromPopup(session, article);

    const [message] = await textsOf(popup, '[data-testid="clip-message"]');
    expect(message).toContain('la citation y a été ajoutée (2 citations)');
    await until(
      () => textsOf(popup, '[data-testid="quote-count"]'),
      (texts) => texts.some((text) => text.includes('2 citations')),
      'the draft to count 2 quotes',
    );
    expect(await textsOf(popup, '[data-testid="draft"]')).toHaveLength(1);
    await popup.close();
    await article.close();
  });

  it('keeps the URL and title of a PDF, which the script cannot read, and says why', async () => {
    // Firefox's PDF viewer (pdf.js) is closed to extensions' scripts: the fallback path.
    const page = await session.browser.newPage();
    await page.goto(server.page('rapport.pdf')).catch(() => undefined);

    const popup = await clipFromPopup(session, page);

    const [message] = await textsOf(popup, '[data-testid="clip-message"]');
    expect(message).toContain('seuls l’adresse et le titre ont été gardés');
    const drafts = await until(
      () => textsOf(popup, '[data-testid="draft"]'),
      (texts) => texts.some((text) => text.includes('rapport.pdf')),
      'the PDF draft',
    );
    expect(drafts.find((text) => text.includes('rapport.pdf'))).toContain('PDF');
    await popup.close();
    await page.close();
  });

  it('still has its context menu items after a browser restart', async () => {
    // Firefox has no API to list menu items; updating one that does not exist is refused.
    const menusPresent = async () => {
      const page = await session.openExtensionPage('popup.html');
      const result = await page.evaluate(async () => {
        const menus = (
          globalThis as unknown as {
            browser: { contextMenus: { update(id: string, props: object): Promise<void> } };
          }
        ).browser.contextMenus;
        const found: Record<string, boolean> = {};
        for (const id of ['indiscrets-clip-page', 'indiscrets-clip-link', 'not-ours']) {
          found[id] = await menus.update(id, {}).then(
            () => true,
            () => false,
          );
        }
        return found;
      });
      await page.close();
      return result;
    };
    const expected = {
      'indiscrets-clip-page': true,
      'indiscrets-clip-link': true,
      'not-ours': false,
    };
    expect(
      await until(menusPresent, (found) => found['indiscrets-clip-page']!, 'the menus'),
    ).toEqual(expected);

    await session.restart();

    expect(
      await until(
        menusPresent,
        (found) => found['indiscrets-clip-page']!,
        'the menus after restart',
      ),
    ).toEqual(expected);
    // The drafts clipped before the restart are still there.
    const popup = await session.openExtensionPage('popup.html');
    await until(
      () => textsOf(popup, '[data-testid="draft"]'),
      (texts) => texts.length >= 1,
      'the drafts after restart',
    );
    await popup.close();
  });

  it('logged no error from any extension page or the background', () => {
    const errors = session.extensionErrors();
    expect(errors.filter((line) => !line.includes('Indiscrets harness check'))).toEqual([]);
  });
});
