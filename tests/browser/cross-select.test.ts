import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  clipTwoArticles,
  launchExtension,
  openPopup,
  servePages,
  until,
  type ExtensionSession,
  type PageServer,
} from './harness';
import { readDatabase, writeDatabase } from './database';
import { pageParagraphs } from '../fixtures/clipboard';
import {
  P1,
  P2,
  caretAfterIn,
  matrixTable,
  runDragMoves,
  runMatrix,
  runSmartCuts,
  selectAcross,
  styledIn,
  type DragDriver,
} from '../fixtures/cross-select';

/**
 * A selection across two blocks of an item's text replaced every way an editor replaces one —
 * a letter, Enter, Backspace, Delete, Ctrl+V, Ctrl+Maj+V, Ctrl+B, a list pasted — in real
 * Chromium with the built extension: the two blocks joined where it was cut, as in Word, stored
 * and shown with no bare span, stray <br> or empty paragraph, the caret after what was put in,
 * each one Ctrl+Z (tests/fixtures/cross-select.ts). A paste is a synthetic event, as Chromium's
 * own copy of a page gives it (tests/fixtures/clipboard.ts).
 */
describe('replacing a selection across two blocks of an item’s text, in Chromium', () => {
  let session: ExtensionSession;
  let server: PageServer;
  let title = '';

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    title = (await clipTwoArticles(session, server)).lemonde;
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /** The drafts as stored, read from `page`. */
  const stored = async (page: Page) =>
    (
      await readDatabase<{ clips: Array<{ id: string; title: string; body: string }>; issues: [] }>(
        page,
      )
    ).clips;

  /** The popup, with a draft of the lemonde article opened, and a driver of its editor. */
  async function openDriver(): Promise<{ popup: Page; driver: DragDriver }> {
    const popup = await openPopup(session);
    const draft = (await stored(popup)).find((clip) => clip.title === title)!;
    const area = popup.getByTestId('item-text');
    const paste = (data: Record<string, string>) =>
      area.evaluate((el, given) => {
        const transfer = new DataTransfer();
        for (const [type, value] of Object.entries(given)) transfer.setData(type, value);
        el.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
        );
      }, data);
    const body = async () => (await stored(popup)).find((clip) => clip.id === draft.id)!.body;

    const driver: DragDriver = {
      async drag(from, to) {
        // A real drag of the selection: pressed on it, moved a little, then to the drop point.
        await popup.mouse.move(from.x, from.y);
        await popup.mouse.down();
        await popup.mouse.move(from.x + 8, from.y + 4, { steps: 4 });
        await popup.mouse.move(to.x, to.y, { steps: 10 });
        await popup.mouse.up();
      },
      onEditor: <T, A>(fn: (el: Element, arg: A) => T, arg: A) =>
        area.evaluate(fn as (el: Element, arg: unknown) => T, arg) as Promise<T>,
      async load(html) {
        await writeDatabase(popup, { clips: [{ ...draft, body: html }] });
        await popup.reload();
        await popup.getByRole('button', { name: title, exact: true }).click();
        await until(
          () => area.innerHTML(),
          (shown) => shown === html,
          'the text drawn',
        );
      },
      select: (words) => area.evaluate(selectAcross, words),
      async act(way) {
        const keys: Record<string, string> = {
          letter: 'X',
          Enter: 'Enter',
          Backspace: 'Backspace',
          Delete: 'Delete',
          'Ctrl+X': 'Control+X',
          'Ctrl+B': 'Control+B',
          'Ctrl+I': 'Control+I',
        };
        if (keys[way]) await popup.keyboard.press(keys[way]);
        else if (way === 'Ctrl+V') {
          await paste({ 'text/html': pageParagraphs(P1, P2), 'text/plain': `${P1}\n\n${P2}` });
        } else if (way === 'Ctrl+Maj+V') await paste({ 'text/plain': `${P1}\n\n${P2}` });
        else await paste({ 'text/html': '<ul><li>A</li><li>B</li></ul>', 'text/plain': 'A\nB' });
      },
      screen: () => area.innerHTML(),
      async saved(before) {
        const deadline = Date.now() + 3000;
        let now = await body();
        while (now === before && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          now = await body();
        }
        return now;
      },
      undo: () => popup.keyboard.press('Control+Z'),
      redo: () => popup.keyboard.press('Control+Y'),
      caretAfter: (words) => area.evaluate(caretAfterIn, words),
      styled: (html, [first, last], style) =>
        area.evaluate(styledIn, [html, first, last, style] as [string, string, string, string]),
    };

    return { popup, driver };
  }

  it('joins the two blocks where the selection was cut, whatever replaces it, each one Ctrl+Z', async () => {
    const { popup, driver } = await openDriver();
    const cells = await runMatrix(driver);
    console.log(matrixTable(cells));
    expect(
      cells.filter((cell) => cell.faults.length),
      matrixTable(cells),
    ).toEqual([]);
    await popup.close();
  });

  it('moves words dragged within the text as Word does: the blocks they leave joined, nothing stray, one Ctrl+Z', async () => {
    const { popup, driver } = await openDriver();
    const cells = await runDragMoves(driver);
    expect(
      cells.filter((cell) => cell.faults.length),
      matrixTable(cells),
    ).toEqual([]);
    await popup.close();
  });

  it('leaves one space where a cut leaves one on both sides, as Word’s smart cut, each one Ctrl+Z', async () => {
    const { popup, driver } = await openDriver();
    const cells = await runSmartCuts(driver);
    expect(
      cells.filter((cell) => cell.faults.length),
      matrixTable(cells),
    ).toEqual([]);
    await popup.close();
  });
});
