import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openPopup, squash, type ExtensionSession } from './harness';

/**
 * Pages close to the browser's limits, generated here and served from 127.0.0.1: a clip must
 * come back with bounded fields (and say when it cut something), never hang or store megabytes.
 * How fast is measured by `npm run bench`; this checks the behaviour.
 */

const HEADLINE = 'Titre '.repeat(500_000 / 6);

/** A page titled by its JSON-LD alone, whose headline is 500,000 characters long. */
const jsonLdPage = () => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<script type="application/ld+json">${JSON.stringify({
  '@type': 'NewsArticle',
  headline: HEADLINE,
  author: { '@type': 'Person', name: 'Auteur '.repeat(14_000) },
  description: 'Résumé '.repeat(14_000),
})}</script></head><body><p>Un article sans autre titre que son JSON-LD.</p></body></html>`;

/** About 20 MB and 500,000 nodes: 250,000 paragraphs of 80 characters. */
function hugePage(): string {
  const paragraph =
    'Une phrase du très long document, répétée pour faire un grand corps de texte. ';
  const parts = ['<!doctype html><html lang="fr"><head><meta charset="utf-8">'];
  parts.push('<title>Énorme page</title></head><body><main id="all">');
  for (let i = 0; i < 250_000; i += 1) parts.push(`<p>${i} ${paragraph}</p>`);
  parts.push('</main></body></html>');
  return parts.join('');
}

describe('clipping pages close to the browser’s limits', () => {
  let session: ExtensionSession;
  let server: Server;
  let origin = '';
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    pages['/jsonld.html'] = jsonLdPage();
    pages['/huge.html'] = hugePage();
    server = createServer((request, response) => {
      const body = pages[request.url ?? ''];
      response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    origin = `http://127.0.0.1:${address.port}`;
    session = await launchExtension();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function clip(url: string, selectAll: boolean) {
    const page = await session.context.newPage();
    // 20 MB of HTML: parsing it is the slow part on a loaded machine; the clip needs the DOM,
    // not every subresource event, so wait for the document only, with room to spare.
    await page.goto(url, { timeout: 240_000, waitUntil: 'domcontentloaded' });
    if (selectAll) {
      await page.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.body);
        window.getSelection()!.addRange(range);
      });
    }
    const tabId = await session.tabIdOf(page.url());
    const popup = await openPopup(session, `?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Couper cette page' }).click();
    const message = popup.getByTestId('clip-message').filter({ hasText: /\S/ });
    await message.waitFor({ timeout: 60_000 });
    return { page, popup, message: squash(await message.textContent()) };
  }

  it('keeps a 500,000-character JSON-LD headline to the title limit, and the popup lists it', async () => {
    const { page, popup, message } = await clip(`${origin}/jsonld.html`, false);

    // The message quotes the start of the title; the draft keeps it to the title limit, cut at a
    // word with its mark, and its inbox row gives it whole on hover.
    expect(message).toMatch(/^Nouveau brouillon : « Titre Titre/);
    const quoted = /« (.*) »/.exec(message)?.[1] ?? '';
    expect(quoted.length).toBeLessThanOrEqual(120);
    expect(quoted.endsWith('Titre…')).toBe(true);
    const draft = popup.getByTestId('draft').first();
    await draft.waitFor();
    const title = (await draft.locator('.draft__title').getAttribute('title')) ?? '';
    expect(title.length).toBeGreaterThan(500);
    expect(title.length).toBeLessThanOrEqual(1_000);
    expect(title.endsWith('Titre …')).toBe(true);
    expect((await draft.textContent())?.length ?? 0).toBeLessThan(10_000);
    await popup.close();
    await page.close();
  }, 120_000);

  it('clips a select-all on a 20 MB, 500,000-node page as a quote cut at 100,000 characters, and says so', async () => {
    const { page, popup, message } = await clip(`${origin}/huge.html`, true);

    expect(message).toContain('Nouveau brouillon : « Énorme page »');
    expect(message).toContain('La sélection était trop longue pour une citation');
    // The inbox row shows the draft's text (its body, drawn from the template with the quote),
    // so the whole quote is read where the editor reads it: in the draft, opened from the popup.
    // On a loaded machine the first layout of 100,000 characters can take longer than
    // Playwright's default 30 s action limit.
    await popup
      .getByRole('button', { name: 'Énorme page', exact: true })
      .first()
      .click({ timeout: 180_000 });
    const quoteElement = popup.getByTestId('draft-editor').locator('.quotes blockquote').first();
    await quoteElement.waitFor({ timeout: 180_000 });
    const quote = squash(await quoteElement.textContent({ timeout: 60_000 }));
    // Cut at 100,000 characters, or earlier when reading the page took longer than the capture
    // allows (capture/selection.ts: 400 ms, reached on a loaded machine: 83,719 characters were
    // kept once in CI). Either way a long quote, cut at a word, and the editor is told.
    expect(quote.length).toBeLessThanOrEqual(100_000);
    expect(quote.length).toBeGreaterThan(10_000);
    expect(quote).toMatch(/^0 Une phrase du très long document/);
    expect(quote).toMatch(/\[…\]$/);
    await popup.close();
    await page.close();
  }, 600_000);
});
