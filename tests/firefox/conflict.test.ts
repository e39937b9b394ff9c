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
  textsOf,
} from './harness';

/** The hint under each version's caption that has marks to reach by keyboard. */
const KEYS =
  'Tab pour atteindre les changements de forme, ←\u00a0→ pour passer de l’un à l’autre, Échap pour masquer leur explication';

interface StoredClip {
  id: string;
  title: string;
  body: string;
}

/**
 * Two views of one draft in Firefox (two popups opened as pages), both changing one paragraph of
 * its text: the one whose writes could not land (IndexedDB refuses them, as on a full disk)
 * shows the conflict box, both texts drawn as they read, the words it added marked, a word the
 * other made italic and one bold marked and said (shown on hovering them, or focusing them: one
 * Tab stop a version, the arrow keys between its marks, Escape to put the box away, as a hint
 * under each version's caption says and each mark's description repeats), and takes the
 * other's text.
 */
describe('a conflict over an item’s text, in Firefox (MV2)', () => {
  let session: FirefoxSession;
  let server: PageServer;

  inFirefox((launched) => ({ session, server } = launched));

  /** The drafts as stored, read from `page`. */
  const read = async (page: Page) =>
    (await readDatabase<{ clips: StoredClip[]; issues: Array<{ id: string }> }>(page)).clips;

  /** A popup opened as a page on `draft`, once its text `shown` is drawn. */
  async function openDraft(draft: StoredClip, shown: string) {
    const popup = await session.openExtensionPage('popup.html');
    await clickButton(popup, draft.title);
    await until(
      () => popup.evaluate(() => document.querySelector('[data-testid="item-text"]')?.innerHTML),
      (html) => html === shown,
      'the text shown',
    );
    return popup;
  }

  it('shows both texts as they read, a word added and a word made bold marked, and takes the other', async () => {
    const article = await session.openUrl(server.fixture('lemonde-1'));
    const clipped = await clipFromPopup(session, article);
    await article.close();
    const draft = (await read(clipped))[0]!;
    const before = '<p>Le ministre quitte Bercy jeudi.</p>';
    await writeDatabase(clipped as unknown as ArgumentPage, {
      clips: [{ ...draft, body: before }],
    });
    await clipped.close();
    const mineView = await openDraft(draft, before);
    const theirView = await openDraft(draft, before);
    const stored = async () => (await read(theirView)).find((clip) => clip.id === draft.id)!.body;

    // The first view's writes fail from now on: what it types cannot land before the other's.
    await mineView.bringToFront();
    await mineView.evaluate(() => {
      const real = {
        put: IDBObjectStore.prototype.put,
        add: IDBObjectStore.prototype.add,
        update: IDBCursor.prototype.update,
      };
      (window as unknown as { realWrites: typeof real }).realWrites = real;
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.put = full;
      IDBObjectStore.prototype.add = full;
      IDBCursor.prototype.update = full;
    });
    await selectInEditor(mineView, 'jeudi.', 'end');
    await mineView.keyboard.type(' Démenti mardi.');
    await until(
      () => textsOf(mineView, '[data-testid="save-state"]'),
      (texts) => !!texts[0]?.startsWith('Plus de place pour enregistrer'),
      'the first view’s write to fail',
    );

    // The other view makes « ministre » italic with Ctrl+I, and « Bercy » bold with Ctrl+B.
    await theirView.bringToFront();
    await selectInEditor(theirView, 'ministre');
    await chord(theirView, ['Control', 'i']);
    await selectInEditor(theirView, 'Bercy');
    await chord(theirView, ['Control', 'b']);
    const theirBody = '<p>Le <em>ministre</em> quitte <strong>Bercy</strong> jeudi.</p>';
    await until(stored, (body) => body === theirBody, 'the italic and bold words stored');

    // The first view shows both versions, as they read, compared with what it typed last.
    await mineView.bringToFront();
    const shown = () =>
      mineView.evaluate(() => {
        const box = document.querySelector('[data-testid="conflicts"]');
        if (!box || box.querySelector('[data-testid="conflict-updating"]')) return undefined;
        const version = (id: string) => box.querySelector(`[data-testid="${id}"]`)!;
        const [mine, theirs] = [version('conflict-mine'), version('conflict-theirs')];
        /** The words as drawn, without what a mark says of them. */
        const words = (el: Element) => {
          const copy = el.cloneNode(true) as Element;
          copy.querySelectorAll('[data-testid="conflict-said"]').forEach((said) => said.remove());
          return copy.textContent;
        };
        return {
          lang: theirs.getAttribute('lang'),
          mine: words(mine),
          theirs: words(theirs),
          bold: theirs.querySelector('p > strong')?.firstChild?.firstChild?.textContent,
          added: [...mine.querySelectorAll('mark:not(.conflict__change--style)')].map(
            (mark) => mark.textContent,
          ),
          saidMine: [...mine.querySelectorAll('[data-testid="conflict-said"]')].map(
            (said) => said.textContent,
          ),
          saidTheirs: [
            ...theirs.querySelectorAll('strong > mark [data-testid="conflict-said"]'),
          ].map((said) => said.textContent),
          titles: box.querySelectorAll('mark[title]').length,
          // How the keyboard reaches the marks: said under each version's caption, shown whole.
          keys: [...box.querySelectorAll<HTMLElement>('[data-testid="conflict-keys"]')].map(
            (hint) => ({
              text: hint.textContent,
              shown:
                hint.checkVisibility() &&
                hint.getBoundingClientRect().height > 0 &&
                hint.scrollWidth <= hint.clientWidth,
              underCaption:
                hint.previousElementSibling?.localName === 'figcaption' &&
                hint.getBoundingClientRect().top >=
                  hint.previousElementSibling.getBoundingClientRect().bottom - 0.5,
            }),
          ),
          // What a mark focused is described by: its version's caption and the hint.
          described: [...box.querySelectorAll('mark.conflict__change--style')].map((mark) =>
            mark
              .getAttribute('aria-describedby')
              ?.split(' ')
              .map((id) => document.getElementById(id)?.textContent),
          ),
        };
      });
    const box = await until(shown, (value) => value !== undefined, 'the conflict box');
    expect(box).toEqual({
      lang: 'fr',
      mine: 'Le ministre quitte Bercy jeudi. Démenti mardi.',
      theirs: 'Le ministre quitte Bercy jeudi.',
      bold: 'Bercy',
      added: ['Démenti mardi.'],
      saidMine: ['\u00a0(mêmes mots, ici pas en italique)', '\u00a0(mêmes mots, ici pas en gras)'],
      saidTheirs: ['\u00a0(mêmes mots, ici en gras)'],
      titles: 0,
      keys: Array(2).fill({ text: KEYS, shown: true, underCaption: true }),
      described: [
        ...Array(2).fill(['Votre version', KEYS]),
        ...Array(2).fill(['L’autre version', KEYS]),
      ],
    });

    // What differs shows on hovering the bold word, under it; hidden otherwise.
    const mark = '[data-testid="conflict-theirs"] strong > mark';
    await mineView.mouse.move(0, 0);
    const width = () =>
      mineView.evaluate(
        (css) =>
          document.querySelector(`${css} [data-testid="conflict-said"]`)!.getBoundingClientRect()
            .width,
        mark,
      );
    expect(await width()).toBeLessThanOrEqual(1);
    await mineView.hover(mark);
    expect(await until(width, (w) => w > 100, 'what differs shown on hovering')).toBeGreaterThan(
      100,
    );
    await mineView.mouse.move(0, 0);
    expect(await width()).toBeLessThanOrEqual(1);

    // By keyboard: one Tab stop a version, its first mark; the arrows between its marks, each
    // showing its box in the window and off the words; Escape puts it away, the focus kept.
    /** The focused element's words, and its box of what differs: its rectangle when shown. */
    const focused = () =>
      mineView.evaluate(() => {
        const el = document.activeElement!;
        const said = el.querySelector('[data-testid="conflict-said"]');
        // Its rectangle while it shows (hidden, it is one pixel, said only to a screen reader).
        const rect =
          said && said.getBoundingClientRect().width > 100
            ? said.getBoundingClientRect()
            : undefined;
        const words = el.getBoundingClientRect();
        return {
          tag: el.tagName.toLowerCase(),
          words: el.firstChild?.textContent,
          label: el.getAttribute('aria-label'),
          shown: !!rect,
          inWindow:
            !!rect &&
            rect.left >= 0 &&
            rect.top >= 0 &&
            rect.right <= innerWidth &&
            rect.bottom <= innerHeight,
          offWords:
            !!rect &&
            (rect.top >= words.bottom - 0.5 ||
              rect.bottom <= words.top + 0.5 ||
              rect.left >= words.right - 0.5 ||
              rect.right <= words.left + 0.5),
        };
      });
    const onMark = (words: string) => ({
      tag: 'mark',
      words,
      label: null,
      shown: true,
      inWindow: true,
      offWords: true,
    });
    const onButton = (label: string) => ({
      tag: 'button',
      words: label.split('\u00a0:')[0],
      label,
      shown: false,
      inWindow: false,
      offWords: false,
    });
    const keep = 'Garder la mienne\u00a0: Texte de l’indiscret';
    const take = 'Prendre l’autre\u00a0: Texte de l’indiscret';
    await mineView.evaluate(
      (label) => document.querySelector<HTMLElement>(`button[aria-label="${label}"]`)!.focus(),
      keep,
    );
    await mineView.keyboard.press('Tab');
    expect(await focused()).toEqual(onMark('ministre'));
    await mineView.keyboard.press('ArrowRight');
    expect(await focused()).toEqual(onMark('Bercy'));
    expect(
      await mineView.evaluate(() => document.querySelectorAll('.conflict__said--shown').length),
    ).toBe(1);
    await mineView.keyboard.press('Home');
    expect(await focused()).toEqual(onMark('ministre'));
    await mineView.keyboard.press('End');
    await mineView.keyboard.press('Escape');
    expect(await focused()).toEqual({
      ...onMark('Bercy'),
      shown: false,
      inWindow: false,
      offWords: false,
    });
    await chord(mineView, ['Shift', 'Tab']);
    expect(await focused()).toEqual(onButton(keep));
    await mineView.keyboard.press('Tab');
    expect(await focused()).toEqual(onMark('Bercy'));
    await mineView.keyboard.press('Tab');
    expect(await focused()).toEqual(onButton(take));

    // Its writes back, the first view takes the other version: its text is the other's.
    await mineView.evaluate(() => {
      const { realWrites: real } = window as unknown as {
        realWrites: { put: never; add: never; update: never };
      };
      IDBObjectStore.prototype.put = real.put;
      IDBObjectStore.prototype.add = real.add;
      IDBCursor.prototype.update = real.update;
    });
    await pressButton(mineView, 'Prendre l’autre\u00a0: Texte de l’indiscret');
    await until(
      () => mineView.evaluate(() => document.querySelector('[data-testid="item-text"]')?.innerHTML),
      (html) => html === theirBody,
      'the other’s text in the first view',
    );
    expect(await textsOf(mineView, '[data-testid="conflicts"]')).toEqual([]);
    expect(await stored()).toBe(theirBody);
    await mineView.close();
    await theirView.close();
  });

  it('logged no error but the refused writes from any extension page or the background', () => {
    expectNoExtensionErrors(session, /Indiscrets save/);
  });
});
