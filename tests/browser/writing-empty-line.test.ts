import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  clipTwoArticles,
  launchExtension,
  openPopup as openPopupPage,
  servePages,
  until,
  type ExtensionSession,
  type PageServer,
} from './harness';
import { readDatabase, writeDatabase } from './database';

/**
 * An empty line being typed in (Enter just pressed), which the item's text does not store
 * (storage/item-html.ts), in real Chromium with the built extension: it stays where the editor
 * types when the same draft's text is changed in another view, and when the keyboard leaves the
 * text for a quote's « En paragraphe »; Backspace after a line broken at a paragraph's end moves
 * the next paragraph's words up to that line; and a paragraph joins a list's entry beside it.
 * The tests share one profile, in order.
 */
describe('an empty line in an item’s text, in Chromium', () => {
  let session: ExtensionSession;
  let server: PageServer;
  const titles = { guardian: '', lemonde: '' };

  const openPopup = () => openPopupPage(session, '');

  /** The Le Monde draft given `fields` in the database, opened in `popup`'s editor once drawn. */
  async function openLemondeGiven(popup: Page, fields: Record<string, unknown> & { body: string }) {
    const { clips } = await readDatabase<{
      clips: Array<{ id: string; title: string }>;
      issues: Array<{ id: string }>;
    }>(popup);
    const draft = clips.find((clip) => clip.title === titles.lemonde)!;
    await writeDatabase(popup, { clips: [{ ...draft, ...fields }] });
    await popup.reload();
    return { draft, area: await openLemonde(popup, fields.body) };
  }

  /** Opens the Le Monde draft in `page`'s editor once `body` is drawn there. */
  async function openLemonde(page: Page, body: string): Promise<Locator> {
    await page.getByRole('button', { name: titles.lemonde, exact: true }).click();
    const area = page.getByTestId('item-text');
    await until(
      () => area.innerHTML(),
      (html) => html === body,
      'the text written',
    );
    return area;
  }

  /** Waits for draft `id`'s stored body to be `html`. */
  const savedAs = (page: Page, id: string) => (html: string) =>
    until(
      async () => {
        const { clips } = await readDatabase<{
          clips: Array<{ id: string; body: string }>;
          issues: Array<{ id: string }>;
        }>(page);
        return clips.find((clip) => clip.id === id)?.body ?? '';
      },
      (body) => body === html,
      `the stored body of draft ${id}`,
    );

  /** The caret at the end of the text node holding `words` in `area`. */
  async function caretAfter(area: Locator, words: string) {
    await area.evaluate((el, w) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeValue !== w) continue;
        const caret = document.createRange();
        caret.setStart(node, w.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(caret);
        return;
      }
      throw new Error(`No "${w}" in the text`);
    }, words);
  }

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    Object.assign(titles, await clipTwoArticles(session, server));
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('keeps the empty line typed in when the same text is changed in another view meanwhile', async () => {
    const popup = await openPopup();
    const before = '<p>Un.</p><p>Deux.</p>';
    const { draft, area } = await openLemondeGiven(popup, { body: before });
    const saved = savedAs(popup, draft.id);
    await area.click();
    await caretAfter(area, 'Un.');
    await popup.keyboard.press('Enter');
    await until(
      () => area.innerHTML(),
      (html) => html === '<p>Un.</p><p><br></p><p>Deux.</p>',
      'the empty line',
    );

    // The same draft, open in another window, changed there.
    const other = await openPopup();
    const there = await openLemonde(other, before);
    await there.click();
    await caretAfter(there, 'Deux.');
    await other.keyboard.type(' Ailleurs.');
    await saved('<p>Un.</p><p>Deux. Ailleurs.</p>');
    await until(
      () => area.innerHTML(),
      (html) => html.includes('Ailleurs.'),
      'the change made in the other window shown',
    );

    // Back in the first window: the next words typed go on the empty line.
    await popup.bringToFront();
    expect(await area.innerHTML()).toBe('<p>Un.</p><p><br></p><p>Deux. Ailleurs.</p>');
    await popup.keyboard.type('Entre.');
    await saved('<p>Un.</p><p>Entre.</p><p>Deux. Ailleurs.</p>');
    await other.close();
    await popup.close();
  });

  it('puts a quote in the empty line after the keyboard went to its « En paragraphe »', async () => {
    const popup = await openPopup();
    const before = '<p>Avant.</p><p>Après.</p>';
    const { draft, area } = await openLemondeGiven(popup, { body: before });
    await area.click();
    await caretAfter(area, 'Avant.');
    await popup.keyboard.press('Enter');
    const typed = '<p>Avant.</p><p><br></p><p>Après.</p>';
    await until(
      () => area.innerHTML(),
      (html) => html === typed,
      'the empty line',
    );
    // The keyboard leaves the text for the first quote's « En paragraphe » (as Tab takes it).
    const button = popup.getByRole('button', { name: 'En paragraphe' }).first();
    await button.focus();
    expect(await area.innerHTML()).toBe(typed);
    await popup.keyboard.press('Enter');

    const between = /^<p>Avant\.<\/p><p>« [^«»<]+ »<\/p><p>Après\.<\/p>$/;
    const body = await until(
      async () => {
        const { clips } = await readDatabase<{
          clips: Array<{ id: string; body: string }>;
          issues: Array<{ id: string }>;
        }>(popup);
        return clips.find((clip) => clip.id === draft.id)?.body ?? '';
      },
      (stored) => between.test(stored),
      'the quote between the two paragraphs',
    );
    expect(body).toMatch(between);
    await popup.close();
  });

  it('moves a paragraph’s words up to the line broken at the end of the one before on Backspace', async () => {
    const popup = await openPopup();
    const before = '<p>Ligne</p><p>Suite</p>';
    const { draft, area } = await openLemondeGiven(popup, { body: before });
    const saved = savedAs(popup, draft.id);
    await area.click();
    await caretAfter(area, 'Ligne');
    await popup.keyboard.press('Shift+Enter');
    await saved('<p>Ligne<br><br></p><p>Suite</p>');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Home');
    await popup.keyboard.press('Backspace');

    await saved('<p>Ligne<br>Suite</p>');
    expect(await area.innerHTML()).toBe('<p>Ligne<br>Suite</p>');
    // The next key typed goes before « Suite », on its line.
    await popup.keyboard.type('La ');
    await saved('<p>Ligne<br>La Suite</p>');

    // An empty paragraph after it taken away alone, the line kept for the next words.
    const empty = '<p>Ligne<br><br></p><p><br></p>';
    await openLemondeGiven(popup, { body: empty });
    await area.click();
    await area.evaluate((el) => {
      const caret = document.createRange();
      caret.setStart(el.lastElementChild!, 0);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(caret);
    });
    await popup.keyboard.press('Backspace');
    await until(
      () => area.innerHTML(),
      (html) => html === '<p>Ligne<br><br></p>',
      'the empty paragraph gone alone',
    );
    await popup.keyboard.type('Fin');
    await saved('<p>Ligne<br>Fin</p>');
    await popup.close();
  });

  it('joins a quote’s paragraph to the list before it on Backspace, and a list’s first entry to the paragraph before it on Suppr, with no <span> and nothing refused', async () => {
    const popup = await openPopup();
    // Chromium logs each style attribute the page's security policy refuses.
    const refusals: string[] = [];
    popup.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
    });
    const before = '<ul><li>Un</li><li>Deux</li></ul><p>« <span lang="en">Yes</span> »</p>';
    const { draft, area } = await openLemondeGiven(popup, { body: before });
    const saved = savedAs(popup, draft.id);
    await area.click();
    await area.evaluate((el) => {
      const caret = document.createRange();
      caret.setStart(el.lastElementChild!.firstChild!, 0);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(caret);
    });
    await popup.keyboard.press('Backspace');
    // Chromium's own: « Deux« <span lang="en">Yes</span><span> »</span> », a refusal a span.
    const joined = '<ul><li>Un</li><li>Deux« <span lang="en">Yes</span> »</li></ul>';
    await saved(joined);
    expect(await area.innerHTML()).toBe(joined);
    await popup.keyboard.press('Control+Z');
    await saved(before);
    expect(await area.innerHTML()).toBe(before);

    const list =
      '<p>Avant <strong>fort</strong></p><ul><li>« <span lang="en">Yes</span> »</li></ul>';
    await openLemondeGiven(popup, { body: list });
    await area.click();
    await caretAfter(area, 'fort');
    await popup.keyboard.press('Delete');
    const pulled = '<p>Avant <strong>fort</strong>« <span lang="en">Yes</span> »</p>';
    await saved(pulled);
    expect(await area.innerHTML()).toBe(pulled);
    expect(refusals).toEqual([]);
    await popup.close();
  });
});
