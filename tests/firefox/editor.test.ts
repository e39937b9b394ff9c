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
 * The item editor's keyboard in Firefox: Ctrl+B and Ctrl+I make bold and italic as in Chromium
 * (Firefox's own Ctrl+B opens the bookmarks sidebar, and its editor has no Ctrl+I), each one
 * undo step of the editor's; Ctrl+V pastes words copied from a page with Ctrl+C (a real copy,
 * in the browser's clipboard: a scripted paste reaches a Firefox page with an empty one), and
 * Ctrl+Maj+V as plain text in the style at the caret.
 */
describe('bold, italic and paste from the keyboard in the item editor, in Firefox (MV2)', () => {
  let session: FirefoxSession;
  let server: PageServer;

  inFirefox((launched) => ({ session, server } = launched));

  /**
   * Copies with Ctrl+C, as an editor copies them, words of one of the tests' own pages
   * (tests/browser/pages): those of the element `from`, or from it to the element `to`, both
   * whole (paragraphs).
   */
  async function copyFrom(file: string, from: string, to?: string) {
    const page = await session.openUrl(server.page(file));
    await page.evaluate(
      (first, last) => {
        const words = document.createRange();
        if (last) {
          words.setStartBefore(document.getElementById(first)!);
          words.setEndAfter(document.getElementById(last)!);
        } else words.selectNodeContents(document.getElementById(first)!);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(words);
      },
      from,
      to,
    );
    await chord(page, ['Control', 'c']);
    await page.close();
  }

  /** The text the paste tests paste into: bold words to paste among. */
  const before = '<p>À lire : <strong>la dépêche.</strong></p>';

  /** The draft of the tests before, given {@link before} as its text, open in a popup. */
  async function withBoldWords() {
    const writer = await session.openExtensionPage('popup.html');
    const draft = (await read(writer))[0]!;
    await writeDatabase(writer as unknown as ArgumentPage, { clips: [{ ...draft, body: before }] });
    await writer.close();
    return openDraft(draft, before);
  }

  /** The drafts as stored, read from `page`. */
  const read = async (page: Page) =>
    (await readDatabase<{ clips: StoredClip[]; issues: Array<{ id: string }> }>(page)).clips;

  /**
   * Opens `draft` in a new popup's editor once its text `shown` is drawn: the popup, and a wait
   * for the draft's stored text to be `body` (`what` says which, when it times out).
   */
  async function openDraft(draft: StoredClip, shown: string) {
    const popup = await session.openExtensionPage('popup.html');
    await clickButton(popup, draft.title);
    await until(
      () => popup.evaluate(() => document.querySelector('[data-testid="item-text"]')?.innerHTML),
      (html) => html === shown,
      'the text shown',
    );
    const stored = async () => (await read(popup)).find((clip) => clip.id === draft.id)!.body;
    const saved = (body: string, what: string) => until(stored, (now) => now === body, what);
    return { popup, saved };
  }

  it('makes the selected words bold with Ctrl+B and italic with Ctrl+I, each one undo step', async () => {
    const article = await session.openUrl(server.fixture('lemonde-1'));
    const clipped = await clipFromPopup(session, article);
    await article.close();
    const draft = (await read(clipped))[0]!;
    const before = '<p>Un deux trois quatre</p>';
    await writeDatabase(clipped as unknown as ArgumentPage, {
      clips: [{ ...draft, body: before }],
    });
    await clipped.close();

    const { popup, saved } = await openDraft(draft, before);

    await selectInEditor(popup, 'deux');
    await chord(popup, ['Control', 'b']);
    const bold = '<p>Un <strong>deux</strong> trois quatre</p>';
    await saved(bold, 'the word made bold by Ctrl+B');
    await selectInEditor(popup, 'trois');
    await chord(popup, ['Control', 'i']);
    const both = '<p>Un <strong>deux</strong> <em>trois</em> quatre</p>';
    await saved(both, 'the word made italic by Ctrl+I');

    // Each is one step of the editor's undo, and comes back with Ctrl+Shift+Z.
    await chord(popup, ['Control', 'z']);
    await saved(bold, 'the italic undone');
    await chord(popup, ['Control', 'z']);
    await saved(before, 'the bold undone');
    await chord(popup, ['Control', 'Shift', 'z']);
    await saved(bold, 'the bold again');

    // Ctrl+B on the caret: what is typed next is bold; Ctrl+B again ends it.
    await selectInEditor(popup, 'quatre', 'end');
    await chord(popup, ['Control', 'b']);
    await popup.keyboard.type(' fort');
    await chord(popup, ['Control', 'b']);
    await popup.keyboard.type(' fin');
    await saved(
      '<p>Un <strong>deux</strong> trois quatre<strong> fort</strong> fin</p>',
      'the words typed in bold',
    );

    // The page is still the popup's: Ctrl+B never opened the browser's bookmarks.
    expect(await popup.evaluate(() => document.hasFocus())).toBe(true);
    await popup.close();
  });

  it('pastes words copied from a page (Ctrl+C, Ctrl+V) with their language, in their own style, one undo step', async () => {
    // The words of a French page quoting Axios in English, copied as an editor copies them.
    await copyFrom('quote-in-english.html', 'quoted');
    const { popup, saved } = await withBoldWords();

    // Pasted inside the bold words: the quote marked English, the words plain.
    await selectInEditor(popup, 'la ', 'end');
    await chord(popup, ['Control', 'v']);
    const pasted =
      '<p>À lire : <strong>la </strong>Selon Axios, « <span lang="en">Why it matters: the deal</span> », ' +
      'écrit le site.<strong>dépêche.</strong></p>';
    await saved(pasted, 'the words pasted');
    // One Ctrl+Z takes them all away.
    await chord(popup, ['Control', 'z']);
    await saved(before, 'the paste undone');
    await popup.close();
  });

  it('pastes two paragraphs copied from a page inside bold words, in their own style or as plain text in the bold (Ctrl+Maj+V), each one undo step', async () => {
    // Two paragraphs of a page, copied as an editor copies them.
    await copyFrom('two-paragraphs.html', 'first', 'second');
    const { popup, saved } = await withBoldWords();
    const first = 'Nous ne céderons pas sur le calendrier de la réforme.';
    const second = 'Le texte sera présenté en juin, « quoi qu’il arrive ».';

    // Ctrl+V inside the bold words: the paragraph cut around the two, which stay plain.
    await selectInEditor(popup, 'la ', 'end');
    await chord(popup, ['Control', 'v']);
    const pasted = `<p>À lire : <strong>la </strong>${first}</p><p>${second}<strong>dépêche.</strong></p>`;
    await saved(pasted, 'the paragraphs pasted');
    await chord(popup, ['Control', 'z']);
    await saved(before, 'the paste undone');

    // Ctrl+Maj+V: typed in the bold, each paragraph's words bold.
    await selectInEditor(popup, 'la ', 'end');
    await chord(popup, ['Control', 'Shift', 'v']);
    const typed = `<p>À lire : <strong>la ${first}</strong></p><p><strong>${second}dépêche.</strong></p>`;
    await saved(typed, 'the paragraphs pasted as plain text');
    await chord(popup, ['Control', 'z']);
    await saved(before, 'the plain paste undone');
    await chord(popup, ['Control', 'y']);
    await saved(typed, 'the plain paste again');
    await popup.close();
  });

  it('typesets French as it is typed, and Ctrl+Z right after gives back what was typed', async () => {
    const writer = await session.openExtensionPage('popup.html');
    const draft = (await read(writer))[0]!;
    const start = '<p>Début.</p>';
    await writeDatabase(writer as unknown as ArgumentPage, { clips: [{ ...draft, body: start }] });
    await writer.close();
    const { popup, saved } = await openDraft(draft, start);
    await selectInEditor(popup, 'Début.', 'end');

    await popup.keyboard.type(" Le ministre part ? Il a dit : « oui » ; c'est l'heure !");
    const typeset =
      '<p>Début. Le ministre part\u202f? Il a dit&nbsp;: «&nbsp;oui&nbsp;»\u202f; c’est l’heure\u202f!</p>';
    await saved(typeset, 'the text typeset as typed');
    await popup.keyboard.type(' Vraiment ?');
    const changed = typeset.replace('</p>', ' Vraiment\u202f?</p>');
    await saved(changed, 'the last sign typeset');
    await chord(popup, ['Control', 'z']);
    const stored = async () => (await read(popup)).find((clip) => clip.id === draft.id)!.body;
    await until(
      stored,
      (body) => body.replace(/Vraiment(?: |&nbsp;)\?<\/p>$/, '') === typeset.replace('</p>', ' '),
      'the space typed given back by Ctrl+Z',
    );
    await chord(popup, ['Control', 'Shift', 'z']);
    await saved(changed, 'the change again');
    await popup.close();
  });

  it('typesets French typed over the whole text selected with Ctrl+A, in a paragraph of its own', async () => {
    // Firefox takes the paragraphs away with the words selected, and types the first key right
    // in the editor, out of any paragraph (Chromium types it in the first): the text typed so
    // was never typeset, its apostrophes and question marks stored as typed.
    const writer = await session.openExtensionPage('popup.html');
    const draft = (await read(writer))[0]!;
    const start = '<p>Modèle.</p><p>À remplacer.</p>';
    await writeDatabase(writer as unknown as ArgumentPage, { clips: [{ ...draft, body: start }] });
    await writer.close();
    const { popup, saved } = await openDraft(draft, start);
    await selectInEditor(popup, 'Modèle.', 'start');

    await chord(popup, ['Control', 'a']);
    await popup.keyboard.type("C'est l'heure ! Qui vote ?");
    const typeset = '<p>C’est l’heure\u202f! Qui vote\u202f?</p>';
    await saved(typeset, 'the words typed over everything, typeset');
    expect(
      await popup.evaluate(() => document.querySelector('[data-testid="item-text"]')!.innerHTML),
    ).toBe(typeset);
    await popup.close();
  });

  it('types the next key in the first paragraph after the whole text typed over with Ctrl+A is undone', async () => {
    // Firefox's Ctrl+A starts right in the editor, before the first paragraph: Ctrl+Z put the
    // caret back there, and the next key was a paragraph of its own above « Modèle. ».
    const writer = await session.openExtensionPage('popup.html');
    const draft = (await read(writer))[0]!;
    const start = '<p>Modèle.</p><p>À remplacer.</p>';
    await writeDatabase(writer as unknown as ArgumentPage, { clips: [{ ...draft, body: start }] });
    await writer.close();
    const { popup, saved } = await openDraft(draft, start);
    await selectInEditor(popup, 'Modèle.', 'start');

    await chord(popup, ['Control', 'a']);
    await popup.keyboard.type('abc');
    await saved('<p>abc</p>', 'the text typed over');
    await chord(popup, ['Control', 'z']);
    await saved(start, 'the text back');
    await popup.keyboard.type('x');
    await saved('<p>xModèle.</p><p>À remplacer.</p>', 'the key typed in the first paragraph');
    await popup.close();
  });

  it('makes a list with Ctrl+Maj+8 in a text emptied with Ctrl+A and Suppr, as in Chromium', async () => {
    // Firefox leaves no paragraph in the editor emptied so, the caret right in it: the list
    // had no paragraph to make an entry of, and the words typed next were a paragraph.
    const writer = await session.openExtensionPage('popup.html');
    const draft = (await read(writer))[0]!;
    const start = '<p>Modèle.</p><p>À remplacer.</p>';
    await writeDatabase(writer as unknown as ArgumentPage, { clips: [{ ...draft, body: start }] });
    await writer.close();
    const { popup, saved } = await openDraft(draft, start);
    await selectInEditor(popup, 'Modèle.', 'start');

    await chord(popup, ['Control', 'a']);
    await popup.keyboard.press('Delete');
    await chord(popup, ['Control', 'Shift', '8']);
    await popup.keyboard.type("l'a ?");
    await saved('<ul><li>l’a\u202f?</li></ul>', 'the words typed in a list entry');
    await popup.close();
  });

  it('inserts a quote « En paragraphe » into a text emptied with Ctrl+A and Suppr, as in Chromium', async () => {
    // Firefox leaves no paragraph in the editor emptied so: the quote had none to go after,
    // and nothing was inserted.
    const writer = await session.openExtensionPage('popup.html');
    const draft = (await read(writer))[0]!;
    const start = '<p>Modèle.</p>';
    const quote = { text: 'Nous ne céderons pas.', html: '', clippedAt: new Date().toISOString() };
    await writeDatabase(writer as unknown as ArgumentPage, {
      clips: [{ ...draft, body: start, quotes: [quote] }],
    });
    await writer.close();
    const { popup } = await openDraft(draft, start);
    await selectInEditor(popup, 'Modèle.', 'start');

    await chord(popup, ['Control', 'a']);
    await popup.keyboard.press('Delete');
    await pressButton(popup, 'En paragraphe');
    const body = async () => (await read(popup)).find((clip) => clip.id === draft.id)!.body;
    // Alone: the empty paragraph the text was is not stored (see cleanItemHtml).
    const quoted = '<p>« Nous ne céderons pas. »</p>';
    await until(body, (now) => now === quoted, 'the quote inserted as a paragraph');
    // The caret left in an empty paragraph after it: the next key types a paragraph of its own.
    await popup.keyboard.type('Suite.');
    await until(body, (now) => now === `${quoted}<p>Suite.</p>`, 'the words typed after it');
    await popup.close();
  });

  it('joins a quote to the paragraph before on Backspace at its start, and the next on Suppr, as in Chromium', async () => {
    // The editor's own join in every browser (Chromium's put the words moved in bare <span>s).
    const writer = await session.openExtensionPage('popup.html');
    const draft = (await read(writer))[0]!;
    const start = '<p>Avant <strong>fort</strong></p><p>« Oui. »</p><p>Suite <em>fin</em>.</p>';
    await writeDatabase(writer as unknown as ArgumentPage, { clips: [{ ...draft, body: start }] });
    await writer.close();
    const { popup, saved } = await openDraft(draft, start);
    const shown = () =>
      popup.evaluate(() => document.querySelector('[data-testid="item-text"]')!.innerHTML);

    await selectInEditor(popup, '« Oui', 'start');
    await popup.keyboard.press('Backspace');
    const joined = '<p>Avant <strong>fort</strong>« Oui. »</p><p>Suite <em>fin</em>.</p>';
    await saved(joined, 'the quote joined to the paragraph before');
    expect(await shown()).toBe(joined);
    await selectInEditor(popup, 'Oui. »', 'end');
    await popup.keyboard.press('Delete');
    const all = '<p>Avant <strong>fort</strong>« Oui. »Suite <em>fin</em>.</p>';
    await saved(all, 'the paragraph after joined');
    expect(await shown()).toBe(all);
    await chord(popup, ['Control', 'z']);
    await saved(joined, 'the second join undone');
    await popup.close();
  });

  it('keeps the empty line typed in when another window changes the text, and joins a quote’s paragraph to the list before it, as in Chromium', async () => {
    const writer = await session.openExtensionPage('popup.html');
    const draft = (await read(writer))[0]!;
    const start = '<p>Un.</p><p>Deux.</p>';
    await writeDatabase(writer as unknown as ArgumentPage, { clips: [{ ...draft, body: start }] });
    await writer.close();
    const { popup, saved } = await openDraft(draft, start);
    const shown = () =>
      popup.evaluate(() => document.querySelector('[data-testid="item-text"]')!.innerHTML);
    await selectInEditor(popup, 'Un.', 'end');
    await popup.keyboard.press('Enter');
    await until(shown, (html) => html === '<p>Un.</p><p><br></p><p>Deux.</p>', 'the empty line');

    // The same draft changed in another window meanwhile (not stored: the empty line).
    const other = await openDraft(draft, start);
    await selectInEditor(other.popup, 'Deux.', 'end');
    await other.popup.keyboard.type(' Ailleurs.');
    await saved('<p>Un.</p><p>Deux. Ailleurs.</p>', 'the change made in the other window');
    await other.popup.close();
    await until(
      shown,
      (html) => html === '<p>Un.</p><p><br></p><p>Deux. Ailleurs.</p>',
      'the change shown, the empty line kept',
    );
    await popup.keyboard.type('Entre.');
    await saved(
      '<p>Un.</p><p>Entre.</p><p>Deux. Ailleurs.</p>',
      'the words typed on the empty line',
    );
    await popup.close();

    const list = '<ul><li>Un</li><li>Deux</li></ul><p>« <span lang="en">Yes</span> »</p>';
    const page = await session.openExtensionPage('popup.html');
    await writeDatabase(page as unknown as ArgumentPage, {
      clips: [{ ...(await read(page)).find((clip) => clip.id === draft.id)!, body: list }],
    });
    await page.close();
    const joining = await openDraft(draft, list);
    await selectInEditor(joining.popup, '« ', 'start');
    await joining.popup.keyboard.press('Backspace');
    await joining.saved(
      '<ul><li>Un</li><li>Deux« <span lang="en">Yes</span> »</li></ul>',
      'the quote joined to the list’s last entry',
    );
    await joining.popup.close();
  });

  it('logged no error from any extension page or the background', () => {
    expectNoExtensionErrors(session);
  });
});
