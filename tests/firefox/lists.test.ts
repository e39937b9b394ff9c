import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { until, type PageServer } from '../browser/harness';
import { readDatabase, writeDatabase, type ArgumentPage } from '../browser/database';
import {
  chord,
  clickButton,
  clipFromPopup,
  expectNoExtensionErrors,
  type FirefoxSession,
  inFirefox,
  pressButton,
  selectInEditor,
} from './harness';

interface StoredClip {
  id: string;
  title: string;
  body: string;
}

/**
 * A list in an item's text edited in Firefox, whose contenteditable is not Chromium's: its
 * `outdent`, the `<br>` it leaves in entries and the `<p>` it puts in them, its own way of
 * inserting a quote as a paragraph.
 */
describe('a list in an item’s text, in Firefox (MV2)', () => {
  let session: FirefoxSession;
  let server: PageServer;

  inFirefox((launched) => ({ session, server } = launched));

  it('keeps a list a list through typing, Enter, Backspace, undo, paste and a quote', async () => {
    const article = await session.openUrl(server.fixture('lemonde-1'));
    await article.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('#articleBody p')!);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    const clipped = await clipFromPopup(session, article);
    await article.close();
    const read = async (page: Page) =>
      (await readDatabase<{ clips: StoredClip[]; issues: Array<{ id: string }> }>(page)).clips;
    const draft = (await read(clipped))[0]!;
    // The draft given a text made by a template with {quote} in a list (written straight into
    // the database, as a new draft's template would), and a quote to insert.
    const before = '<ul><li>Un <strong>fort</strong></li><li>Deux</li></ul>';
    // (puppeteer types the argument of `evaluate` as a handle's: it is the record, serialised.)
    await writeDatabase(clipped as unknown as ArgumentPage, {
      clips: [
        {
          ...draft,
          body: before,
          quotes: [{ text: 'Oui.', html: '', clippedAt: '2026-03-15T08:00:00Z' }],
        },
      ],
    });
    await clipped.close();

    const popup = await session.openExtensionPage('popup.html');
    await clickButton(popup, draft.title);
    const html = () =>
      popup.evaluate(() => document.querySelector('[data-testid="item-text"]')?.innerHTML ?? '');
    await until(html, (shown) => shown === before, 'the list shown');
    const stored = async () => (await read(popup)).find((clip) => clip.id === draft.id)!.body;
    // Read without taking the focus from the editor, whose undo stack must stay as it is.
    const saved = (body: string, what: string) => until(stored, (now) => now === body, what);

    // Typed in an entry: still an entry.
    await selectInEditor(popup, 'Deux', 'end');
    await popup.keyboard.type(' et demi');
    await saved('<ul><li>Un <strong>fort</strong></li><li>Deux et demi</li></ul>', 'the typing');
    // Enter makes an entry; Enter in the empty last one leaves the list for a paragraph.
    await popup.keyboard.press('Enter');
    const list = '<li>Un <strong>fort</strong></li><li>Deux et demi</li>';
    // Shown, not stored: an entry or a paragraph with no words is none (see cleanItemHtml).
    await until(html, (shown) => shown === `<ul>${list}<li><br></li></ul>`, 'the new entry, empty');
    await popup.keyboard.type('Trois');
    await saved(`<ul>${list}<li>Trois</li></ul>`, 'the new entry');
    await popup.keyboard.press('Enter');
    await popup.keyboard.press('Enter');
    await until(
      html,
      (shown) => shown === `<ul>${list}<li>Trois</li></ul><p><br></p>`,
      'the empty paragraph after the list',
    );
    await popup.keyboard.type('Après.');
    const full = `<ul>${list}<li>Trois</li></ul><p>Après.</p>`;
    await saved(full, 'the paragraph after the list');

    // Backspace at the start of the first entry makes it a paragraph, in one undo step.
    await selectInEditor(popup, 'Un', 'start');
    await popup.keyboard.press('Backspace');
    const unlisted =
      '<p>Un <strong>fort</strong></p><ul><li>Deux et demi</li><li>Trois</li></ul><p>Après.</p>';
    await saved(unlisted, 'the first entry made a paragraph');
    await chord(popup, ['Control', 'z']);
    await saved(full, 'the list back after Ctrl+Z');
    await chord(popup, ['Control', 'Shift', 'z']);
    await saved(unlisted, 'the paragraph again after Ctrl+Shift+Z');
    await chord(popup, ['Control', 'z']);
    await saved(full, 'the list back again');
    // Typing after the undo goes in the list again.
    await selectInEditor(popup, 'Trois', 'end');
    await popup.keyboard.type(' bis');
    const bis = `<ul>${list}<li>Trois bis</li></ul><p>Après.</p>`;
    await saved(bis, 'the typing after the undo');

    // A list pasted at the end of an entry gives entries of this list, as in Word: its first
    // entry's words end the entry at the caret, the next ones are entries of their own. Copied
    // from a page with Ctrl+C and pasted with Ctrl+V: Firefox gives a paste event made by a
    // script no clipboard data.
    const source = await session.browser.newPage();
    await source.goto(
      'data:text/html;charset=utf-8,' +
        encodeURIComponent(
          '<ul style="margin:0"><li dir="ltr"><p><span style="font-weight:700">Quatre</span></p>' +
            '</li><li><p>Cinq</p></li></ul>',
        ),
    );
    await source.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.body);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    await chord(source, ['Control', 'c']);
    await source.close();
    await popup.bringToFront();
    await selectInEditor(popup, 'Trois bis', 'end');
    await chord(popup, ['Control', 'v']);
    const pasted = '<li>Trois bis<strong>Quatre</strong></li><li>Cinq</li></ul><p>Après.</p>';
    await saved(`<ul>${list}${pasted}`, 'the pasted list');

    // A quote asked for as a paragraph, the caret in an entry: an entry after that one.
    await selectInEditor(popup, 'Deux', 'end');
    await pressButton(popup, 'En paragraphe');
    const quoted = `<ul>${list}<li>« Oui. »</li>${pasted}`;
    await saved(quoted, 'the quote as an entry');
    // The caret in an empty entry after it, shown, not stored: the next key is not the quote's.
    await until(
      html,
      (shown) => shown.includes('<li>« Oui. »</li><li><br></li><li>Trois bis'),
      'the empty entry after the quote',
    );
    // One Ctrl+Z takes it away.
    await chord(popup, ['Control', 'z']);
    await saved(`<ul>${list}${pasted}`, 'the quote undone');

    // Shown again as a list.
    await popup.close();
    const again = await session.openExtensionPage('popup.html');
    await clickButton(again, draft.title);
    const shown = await until(
      () => again.evaluate(() => document.querySelector('[data-testid="item-text"]')?.innerHTML),
      (now) => now === `<ul>${list}${pasted}`,
      'the list shown again',
    );
    expect(shown).toBe(`<ul>${list}${pasted}`);
    await again.close();
  });

  it('makes lists from the buttons, Ctrl+Maj+7 / Ctrl+Maj+8 and « - » typed, each one Ctrl+Z', async () => {
    // The draft of the test before, given three paragraphs.
    const page = await session.openExtensionPage('popup.html');
    const read = async () =>
      (await readDatabase<{ clips: StoredClip[]; issues: Array<{ id: string }> }>(page)).clips;
    const draft = (await read())[0]!;
    const text = '<p>Un</p><p>Deux</p><p>Trois</p>';
    await writeDatabase(page as unknown as ArgumentPage, { clips: [{ ...draft, body: text }] });
    await page.close();
    const popup = await session.openExtensionPage('popup.html');
    await clickButton(popup, draft.title);
    const html = () =>
      popup.evaluate(() => document.querySelector('[data-testid="item-text"]')?.innerHTML ?? '');
    await until(html, (shown) => shown === text, 'the paragraphs shown');
    const stored = async () =>
      (
        await readDatabase<{ clips: StoredClip[]; issues: Array<{ id: string }> }>(popup)
      ).clips.find((clip) => clip.id === draft.id)!.body;
    const saved = (body: string, what: string) => until(stored, (now) => now === body, what);
    const pressed = (name: string) =>
      popup.evaluate(
        (label) =>
          document.querySelector(`button[aria-label^="${label}"]`)?.getAttribute('aria-pressed'),
        name,
      );

    // Ctrl+Maj+7 in « Deux »: a numbered entry, the button pressed.
    await selectInEditor(popup, 'Deux', 'end');
    await chord(popup, ['Control', 'Shift', '7']);
    const one = '<p>Un</p><ol><li>Deux</li></ol><p>Trois</p>';
    await saved(one, 'the numbered entry');
    expect(await html()).toBe(one);
    await until(
      () => pressed('Liste numérotée'),
      (now) => now === 'true',
      'numbered pressed',
    );
    // Ctrl+Maj+8 there: the list switches kind; the bulleted button: a paragraph again.
    await chord(popup, ['Control', 'Shift', '8']);
    await saved(one.replace(/ol>/g, 'ul>'), 'the list switched');
    await pressButton(popup, 'Liste à puces (Ctrl+Maj+8)');
    await saved(text, 'the paragraph again');
    await chord(popup, ['Control', 'z']);
    await saved(one.replace(/ol>/g, 'ul>'), 'the list back after Ctrl+Z');
    await chord(popup, ['Control', 'y']);
    await saved(text, 'the paragraph again after Ctrl+Y');

    // « - » and a space at the start of « Trois »: an entry; Ctrl+Z gives the « - » back.
    await selectInEditor(popup, 'Trois', 'start');
    await popup.keyboard.type('- ');
    const listed = '<p>Un</p><p>Deux</p><ul><li>Trois</li></ul>';
    await saved(listed, 'the entry typed');
    expect(await html()).toBe(listed);
    await chord(popup, ['Control', 'z']);
    await saved('<p>Un</p><p>Deux</p><p>- Trois</p>', 'the « - » given back');
    await chord(popup, ['Control', 'y']);
    await saved(listed, 'the entry again');
    // Typing goes on at the entry's start.
    await popup.keyboard.type('x');
    await saved('<p>Un</p><p>Deux</p><ul><li>xTrois</li></ul>', 'typed in the entry');
    await popup.close();
  });

  it('logged no error from any extension page or the background', () => {
    expectNoExtensionErrors(session);
  });
});
