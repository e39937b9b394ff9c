import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clipFixture,
  launchExtension,
  openPopup,
  selectWordsIn,
  servePages,
  until,
  type ExtensionSession,
  type PageServer,
} from './harness';
import { readDatabase, writeDatabase } from './database';

/** The tables read: the drafts, with their text. */
interface Tables {
  clips: Array<{ id: string; title: string; body: string }>;
  issues: Array<{ id: string }>;
}

/**
 * Lists made in the item editor, in real Chromium with the built extension: from the toolbar's
 * buttons, their shortcuts (Ctrl+Maj+8, Ctrl+Maj+7) and by typing « - » or « 1. » and a space at
 * a paragraph's start, each one Ctrl+Z, stored in the allowed shape, with no inline style for
 * the page's security policy to refuse (Chromium's own list commands set some).
 */
describe('making lists in the item editor, in Chromium', () => {
  let session: ExtensionSession;
  let server: PageServer;
  let title = '';

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    title = await clipFixture(session, server, 'lemonde-1', '#articleBody p');
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /** The draft given `body`, opened in the popup's editor once that text is drawn. */
  async function openWith(popup: Page, body: string) {
    const { clips } = await readDatabase<Tables>(popup);
    const draft = clips.find((clip) => clip.title === title)!;
    await writeDatabase(popup, { clips: [{ ...draft, body }] });
    await popup.reload();
    await popup.getByRole('button', { name: title, exact: true }).click();
    const area = popup.getByTestId('item-text');
    await until(
      () => area.innerHTML(),
      (html) => html === body,
      'the text written',
    );
    const saved = (html: string) =>
      until(
        async () =>
          (await readDatabase<Tables>(popup)).clips.find((clip) => clip.id === draft.id)!.body,
        (stored) => stored === html,
        `the stored body ${html}`,
      );
    return { area, saved };
  }

  it('makes paragraphs a list and back from the buttons and Ctrl+Maj+8 / Ctrl+Maj+7, one Ctrl+Z each', async () => {
    const popup = await openPopup(session);
    const refusals: string[] = [];
    popup.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
    });
    const text = '<p>Un</p><p>Deux</p><p>Trois</p>';
    const { area, saved } = await openWith(popup, text);
    const bullets = popup.getByRole('button', { name: 'Liste à puces (Ctrl+Maj+8)' });
    const numbers = popup.getByRole('button', { name: 'Liste numérotée (Ctrl+Maj+7)' });

    await area.click();
    await area.evaluate(selectWordsIn, ['Deux', false] as [string, boolean]);
    await popup.keyboard.press('Control+Shift+8');
    const one = '<p>Un</p><ul><li>Deux</li></ul><p>Trois</p>';
    await saved(one);
    expect(await area.innerHTML()).toBe(one);
    expect(await bullets.getAttribute('aria-pressed')).toBe('true');
    expect(await numbers.getAttribute('aria-pressed')).toBe('false');
    await popup.keyboard.press('Control+Z');
    await saved(text);
    await popup.keyboard.press('Control+Y');
    await saved(one);

    // All the text selected, the numbered button: one numbered list of the three.
    await popup.keyboard.press('Control+A');
    await numbers.click();
    const numbered = '<ol><li>Un</li><li>Deux</li><li>Trois</li></ol>';
    await saved(numbered);
    await until(
      () => numbers.getAttribute('aria-pressed'),
      (pressed) => pressed === 'true',
      'the numbered button pressed',
    );
    // The other kind: the list switches, then the same kind: paragraphs again.
    await popup.keyboard.press('Control+Shift+8');
    await saved(numbered.replace(/ol>/g, 'ul>'));
    await bullets.click();
    await saved(text);
    await popup.keyboard.press('Control+Z');
    await saved(numbered.replace(/ol>/g, 'ul>'));
    await popup.keyboard.press('Control+Z');
    await saved(numbered);
    // Typing goes on in the selection's place, the focus kept in the text.
    await area.evaluate(selectWordsIn, ['Trois', false] as [string, boolean]);
    await popup.keyboard.press('End');
    await popup.keyboard.type(' bis');
    await saved('<ol><li>Un</li><li>Deux</li><li>Trois bis</li></ol>');
    expect(refusals).toEqual([]);
    await popup.close();
  });

  it('makes an entry of « - » or « 1. » and a space typed at a paragraph’s start, Ctrl+Z giving the typed « - » back; Enter in an empty last entry ends the list', async () => {
    const popup = await openPopup(session);
    const { area, saved } = await openWith(popup, '<p>Avant</p>');
    await area.click();
    await area.evaluate(selectWordsIn, ['Avant', false] as [string, boolean]);
    await popup.keyboard.press('End');
    await popup.keyboard.press('Enter');
    await popup.keyboard.type('- Un');
    await saved('<p>Avant</p><ul><li>Un</li></ul>');
    await popup.keyboard.press('Enter');
    await popup.keyboard.type('Deux');
    await saved('<p>Avant</p><ul><li>Un</li><li>Deux</li></ul>');
    // Enter twice: out of the list, in a paragraph after it.
    await popup.keyboard.press('Enter');
    await popup.keyboard.press('Enter');
    await popup.keyboard.type('Après.');
    const after = '<p>Avant</p><ul><li>Un</li><li>Deux</li></ul><p>Après.</p>';
    await saved(after);

    await popup.keyboard.press('Enter');
    await popup.keyboard.type('1. ');
    // Shown, not stored: an entry with no words is none (see cleanItemHtml).
    await until(
      () => area.innerHTML(),
      (html) => html.endsWith('<ol><li><br></li></ol>'),
      'the empty entry',
    );
    // Ctrl+Z right after: the « 1. » typed, as text, and the typing goes on there.
    await popup.keyboard.press('Control+Z');
    await until(
      () => area.innerHTML(),
      (html) => html.endsWith('<p>1.&nbsp;</p>'),
      'the marker given back',
    );
    await popup.keyboard.type('un');
    await saved(`${after}<p>1. un</p>`);
    await popup.close();
  });
});
