import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { PageServer } from '../browser/harness';
import { readDatabase, writeDatabase, type ArgumentPage } from '../browser/database';
import {
  caretAfterIn,
  matrixTable,
  runDragMoves,
  runMatrix,
  runSmartCuts,
  selectAcross,
  styledIn,
  type DragDriver,
} from '../fixtures/cross-select';
import {
  chord,
  clickButton,
  clipFromPopup,
  expectNoExtensionErrors,
  type FirefoxSession,
  inFirefox,
} from './harness';

interface StoredClip {
  id: string;
  title: string;
  body: string;
}

/**
 * A selection across two blocks of an item's text replaced every way an editor replaces one, in
 * Firefox as in Chromium (tests/browser/cross-select.test.ts, the cases and what each should
 * leave in tests/fixtures/cross-select.ts): a letter, Enter, Backspace, Delete, Ctrl+V and
 * Ctrl+Maj+V of paragraphs or a list copied from a page with Ctrl+C (a real copy: a scripted
 * paste reaches a Firefox page with an empty clipboard), Ctrl+B.
 */
describe('replacing a selection across two blocks of an item’s text, in Firefox (MV2)', () => {
  let session: FirefoxSession;
  let server: PageServer;

  inFirefox((launched) => ({ session, server } = launched));

  /** The drafts as stored, read from `page`. */
  const read = async (page: Page) =>
    (await readDatabase<{ clips: StoredClip[]; issues: Array<{ id: string }> }>(page)).clips;

  /** Copies with Ctrl+C the element `id` of one of the tests' own pages, whole. */
  async function copyFrom(file: string, from: string, to = from) {
    const page = await session.openUrl(server.page(file));
    await page.evaluate(
      (first, last) => {
        const words = document.createRange();
        words.setStartBefore(document.getElementById(first)!);
        words.setEndAfter(document.getElementById(last)!);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(words);
      },
      from,
      to,
    );
    await chord(page, ['Control', 'c']);
    await page.close();
  }

  let popup: Page | undefined;
  let clippedDraft: StoredClip | undefined;

  /** A driver of the editor of a draft of the lemonde article (clipped once), in the popup. */
  async function openDriver(): Promise<DragDriver> {
    if (!clippedDraft) {
      const article = await session.openUrl(server.fixture('lemonde-1'));
      const clipped = await clipFromPopup(session, article);
      await article.close();
      clippedDraft = (await read(clipped))[0]!;
      await clipped.close();
    }
    const draft = clippedDraft;
    let selected: [string, string] = ['', ''];
    const editor = '[data-testid="item-text"]';
    const shown = () => popup!.$eval(editor, (el) => el.innerHTML);
    const body = async () => (await read(popup!)).find((clip) => clip.id === draft.id)!.body;

    const driver: DragDriver = {
      async drag(from, to) {
        // Puppeteer's mouse over WebDriver BiDi starts Firefox's drag (dragstart, dragover come)
        // but its release never ends it: no drop, no dragend, the drag session left hanging. The
        // drag's events are sent instead, at the same points: what the editor does with a drop
        // is tested, not Firefox's own drag (a scripted drop has no default action).
        await popup!.$eval(
          editor,
          (el, [start, end]) => {
            const data = new DataTransfer();
            const send = (type: string, at: { x: number; y: number }) =>
              (document.elementFromPoint(at.x, at.y) ?? el).dispatchEvent(
                new DragEvent(type, {
                  dataTransfer: data,
                  bubbles: true,
                  cancelable: true,
                  clientX: at.x,
                  clientY: at.y,
                }),
              );
            send('dragstart', start);
            for (const type of ['dragenter', 'dragover', 'drop']) send(type, end);
            send('dragend', start);
          },
          [from, to] as const,
        );
      },
      onEditor: <T, A>(fn: (el: Element, arg: A) => T, arg: A) =>
        popup!.$eval(editor, fn as (el: Element, arg: unknown) => T, arg) as Promise<T>,
      async load(html) {
        await popup?.close();
        const writer = await session.openExtensionPage('popup.html');
        await writeDatabase(writer as unknown as ArgumentPage, {
          clips: [{ ...draft, body: html }],
        });
        await writer.close();
        popup = await session.openExtensionPage('popup.html');
        await clickButton(popup, draft.title);
        const deadline = Date.now() + 30_000;
        while ((await popup.$(editor)) === null || (await shown()) !== html) {
          if (Date.now() > deadline) throw new Error(`The text was not drawn: ${html}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      async select(words) {
        selected = words;
        await popup!.$eval(editor, selectAcross, words);
      },
      async act(way) {
        const keys: Record<string, string[]> = {
          letter: ['X'],
          Enter: ['Enter'],
          Backspace: ['Backspace'],
          Delete: ['Delete'],
          'Ctrl+X': ['Control', 'x'],
          'Ctrl+B': ['Control', 'b'],
          'Ctrl+I': ['Control', 'i'],
        };
        const chordKeys = keys[way];
        if (chordKeys) {
          await chord(popup!, chordKeys);
          return;
        }
        // A copy opens a page: the popup's tab and its selection again after it.
        if (way === 'list') await copyFrom('two-entries.html', 'entries');
        else await copyFrom('two-paragraphs.html', 'first', 'second');
        await popup!.bringToFront();
        await popup!.$eval(editor, selectAcross, selected);
        await chord(popup!, way === 'Ctrl+Maj+V' ? ['Control', 'Shift', 'v'] : ['Control', 'v']);
      },
      screen: shown,
      async saved(before) {
        const deadline = Date.now() + 3000;
        let now = await body();
        while (now === before && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          now = await body();
        }
        return now;
      },
      undo: () => chord(popup!, ['Control', 'z']),
      redo: () => chord(popup!, ['Control', 'y']),
      caretAfter: (words) => popup!.$eval(editor, caretAfterIn, words),
      styled: (html, [first, last], style) =>
        popup!.$eval(editor, styledIn, [html, first, last, style] as [
          string,
          string,
          string,
          string,
        ]),
    };

    return driver;
  }

  it('joins the two blocks where the selection was cut, whatever replaces it, each one Ctrl+Z', async () => {
    const cells = await runMatrix(await openDriver());
    console.log(matrixTable(cells));
    expect(
      cells.filter((cell) => cell.faults.length),
      matrixTable(cells),
    ).toEqual([]);
    await popup?.close();
    popup = undefined;
  });

  it('moves words dragged within the text as Word does: the blocks they leave joined, nothing stray, one Ctrl+Z', async () => {
    const cells = await runDragMoves(await openDriver());
    console.log(matrixTable(cells));
    expect(
      cells.filter((cell) => cell.faults.length),
      matrixTable(cells),
    ).toEqual([]);
    await popup?.close();
    popup = undefined;
  });

  it('leaves one space where a cut leaves one on both sides, as Word’s smart cut, each one Ctrl+Z', async () => {
    const cells = await runSmartCuts(await openDriver());
    expect(
      cells.filter((cell) => cell.faults.length),
      matrixTable(cells),
    ).toEqual([]);
    await popup?.close();
    popup = undefined;
  });

  it('logged no error from any extension page or the background', () => {
    expectNoExtensionErrors(session);
  });
});
