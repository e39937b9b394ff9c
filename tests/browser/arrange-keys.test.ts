import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clearTables, localDraft, readDatabase, storedIssue, writeDatabase } from './database';
import {
  type ExtensionSession,
  focusedLabel,
  launchExtension,
  openDesk,
  setCurrentIssue,
  squash,
  until,
} from './harness';

const ISSUE = 'arrange-issue-15';
const TITLES = ['OVH', 'Mauboussin', 'Lina Khan', 'Quanta', 'Wikipédia'];

/**
 * The issue « Les indiscrets du 15 mars » of five items, in that order, each named by its text,
 * and two drafts in the inbox.
 */
function seeded() {
  const now = new Date().toISOString();
  return {
    issues: [storedIssue(ISSUE, { at: now })],
    clips: [
      ...TITLES.map((title, i) =>
        localDraft({
          id: `arrange-${i}`,
          title,
          body: `<p>${title}</p>`,
          issueId: ISSUE,
          sortKey: `a${String(i).padStart(2, '0')}`,
        }),
      ),
      // The inbox: two drafts of no issue, « Orange » the newer (listed first).
      ...['Free', 'Orange'].map((title, i) =>
        localDraft({
          id: `arrange-inbox-${title}`,
          title,
          body: `<p>${title}</p>`,
          createdAt: new Date(Date.now() - 60_000 + i * 1000).toISOString(),
        }),
      ),
    ],
  };
}

/**
 * The issue's order arranged from the keyboard alone, in real Chromium with the built extension,
 * the editor's keys and the list's buttons as a keyboard user presses them: where the keyboard
 * is after each move, and what is said. Each test starts from the seeded order.
 */
describe('the issue arranged from the keyboard, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await session?.close();
  });

  /** The desk on the seeded issue, its five items drawn. */
  async function deskOnIssue(seed = seeded()) {
    const setup = await session.openExtensionPage('popup.html');
    // Each test from the seed alone.
    await clearTables(setup, ['clips', 'issues']);
    await writeDatabase(setup, seed);
    await setCurrentIssue(setup, ISSUE);
    await setup.close();
    const desk = await openDesk(session);
    await until(
      () => itemNames(desk),
      (names) => names.join('|') === TITLES.join('|'),
      'the five items in their seeded order',
    );
    return desk;
  }

  /** The issue's items, in the order drawn. */
  const itemNames = (page: Page) =>
    page
      .getByTestId('issue-item')
      .locator('.issue-item__title')
      .allTextContents()
      .then((names) => names.map(squash));

  /** The items' titles in the order stored. */
  const stored = async (page: Page) => {
    const { clips } = await readDatabase<{
      clips: Array<{ id: string; title: string; issueId: string; sortKey: string }>;
      issues: Array<{ id: string }>;
    }>(page);
    return clips
      .filter((clip) => clip.issueId === ISSUE)
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1))
      .map((clip) => clip.title);
  };

  /** The focused element's label, spaces folded (a name holds no-break ones). */
  const focused = (page: Page) => focusedLabel(page).then(squash);

  const said = (page: Page) => page.getByTestId('reorder-announcement').textContent().then(squash);

  it('keeps the keyboard on « Descendre » after it moved the item, a second Enter moving it again', async () => {
    const desk = await deskOnIssue();
    const down = 'Descendre « Mauboussin »';
    await desk.getByRole('button', { name: down }).focus();

    await desk.keyboard.press('Enter');
    await until(
      () => said(desk),
      (text) => text === '« Mauboussin » déplacé en position 3 sur 5.',
      'the first move said',
    );
    // Before, the keyboard went to the item's row (its node moved down, which blurred the
    // button), and the second Enter opened the item in the editor.
    await until(
      () => focused(desk),
      (label) => label === down,
      'the keyboard back on « Descendre »',
    );

    await desk.keyboard.press('Enter');
    await until(
      () => said(desk),
      (text) => text === '« Mauboussin » déplacé en position 4 sur 5.',
      'the second move said',
    );
    expect(await stored(desk)).toEqual(['OVH', 'Lina Khan', 'Quanta', 'Mauboussin', 'Wikipédia']);
    await until(
      () => focused(desk),
      (label) => label === down,
      'the keyboard still on « Descendre »',
    );
    await desk.close();
  });

  it('never leaves the keyboard on the page’s body as the list is drawn moved, a key pressed at once moving on', async () => {
    const desk = await deskOnIssue();
    // Where the keyboard is once the task that redraws the list is done (its promise callbacks
    // included): a key pressed next goes there. Before, the page's body: the moved row's node
    // took the keyboard with it, given back only after the next paint.
    await desk.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const where = () => {
        const el = document.activeElement;
        return !el || el === document.body ? 'BODY' : (el.getAttribute('aria-label') ?? el.tagName);
      };
      new MutationObserver(() => {
        let hops = 20;
        const later = () => (--hops > 0 ? queueMicrotask(later) : seen.push(where()));
        queueMicrotask(later);
      }).observe(document.querySelector('ol.reorder')!, { childList: true });
    });
    const down = 'Descendre « Mauboussin »';
    await desk.getByRole('button', { name: down }).focus();

    // Three presses as fast as a held key repeats: none lost on the page's body.
    await desk.keyboard.press('Enter');
    await desk.keyboard.press('Enter');
    await desk.keyboard.press('Enter');
    await until(
      () => stored(desk),
      (titles) => titles.join('|') === 'OVH|Lina Khan|Quanta|Wikipédia|Mauboussin',
      'three moves',
    );
    // At the bottom « Descendre » is greyed: the row, then Alt+↑ on it.
    await until(
      () => focused(desk),
      (label) => label === 'Mauboussin, position 5 sur 5',
      'the row to take the keyboard',
    );
    await desk.keyboard.press('Alt+ArrowUp');
    await until(
      () => stored(desk),
      (titles) => titles.join('|') === 'OVH|Lina Khan|Quanta|Mauboussin|Wikipédia',
      'moved up from the row',
    );
    await until(
      () => focused(desk),
      (label) => label === 'Mauboussin, position 4 sur 5',
      'the keyboard on the row',
    );
    const seen = await desk.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((label) => label === 'BODY')).toEqual([]);
    await desk.close();
  });

  it('keeps the keyboard on « Monter » after it moved the item, and on the row once at the top', async () => {
    const desk = await deskOnIssue();
    const up = 'Monter « Lina Khan »';
    await desk.getByRole('button', { name: up }).focus();

    await desk.keyboard.press('Enter');
    await until(
      () => said(desk),
      (text) => text === '« Lina Khan » déplacé en position 2 sur 5.',
      'the first move said',
    );
    await until(
      () => focused(desk),
      (label) => label === up,
      'the keyboard back on « Monter »',
    );

    await desk.keyboard.press('Enter');
    await until(
      () => said(desk),
      (text) => text === '« Lina Khan » déplacé en position 1 sur 5.',
      'the second move said',
    );
    // « Monter » is greyed at the top: the keyboard goes to the item's row, not the page.
    await until(
      () => focused(desk),
      (label) => label === 'Lina Khan, position 1 sur 5',
      'the row to take the keyboard',
    );
    expect(await stored(desk)).toEqual(['Lina Khan', 'OVH', 'Mauboussin', 'Quanta', 'Wikipédia']);
    await desk.close();
  });

  it('moves the item put back by Ctrl+Z with Alt+↑, from its « Retirer » where the keyboard is', async () => {
    const desk = await deskOnIssue();
    const remove = 'Retirer « Lina Khan » du numéro';
    await desk.getByRole('button', { name: remove }).focus();
    await desk.keyboard.press('Enter');
    await until(
      () => itemNames(desk),
      (names) => !names.includes('Lina Khan'),
      'the item taken out',
    );
    await desk.keyboard.press('Control+z');
    await until(
      () => focused(desk),
      (label) => label === remove,
      'the keyboard on the item put back',
    );

    await desk.keyboard.press('Alt+ArrowUp');

    // Before, nothing: the key list's move was left to the button, which has none.
    await until(
      () => said(desk),
      (text) => text === '« Lina Khan » déplacé en position 2 sur 5.',
      'the move said',
    );
    expect(await stored(desk)).toEqual(['OVH', 'Lina Khan', 'Mauboussin', 'Quanta', 'Wikipédia']);
    await until(
      () => focused(desk),
      (label) => label === remove,
      'the keyboard still on the item’s « Retirer »',
    );
    await desk.keyboard.press('Alt+ArrowUp');
    await until(
      () => said(desk),
      (text) => text === '« Lina Khan » déplacé en position 1 sur 5.',
      'the second move said',
    );
    await desk.close();
  });

  it('goes on to the next or previous item with ↓ and k from the « Retirer » the keyboard is left on', async () => {
    const desk = await deskOnIssue();
    await desk.getByRole('button', { name: 'Retirer « Mauboussin » du numéro' }).focus();
    await desk.keyboard.press('Enter');
    // The keyboard on the next item's « Retirer », as before.
    await until(
      () => focused(desk),
      (label) => label === 'Retirer « Lina Khan » du numéro',
      'the keyboard on the next item’s « Retirer »',
    );

    // Before, ↓ scrolled the page and k did nothing: the keyboard stayed on the button.
    await desk.keyboard.press('ArrowDown');
    await until(
      () => focused(desk),
      (label) => label === 'Quanta, position 3 sur 4',
      'the next item',
    );
    await desk.getByRole('button', { name: 'Retirer « Quanta » du numéro' }).focus();
    await desk.keyboard.press('k');
    await until(
      () => focused(desk),
      (label) => label === 'Lina Khan, position 2 sur 4',
      'the previous item',
    );
    await desk.close();
  });

  it('says a draft added with its « Ajouter au numéro », and leaves the keyboard on the next draft', async () => {
    const desk = await deskOnIssue();
    await desk.getByRole('button', { name: 'Ajouter « Orange » au numéro' }).focus();

    await desk.keyboard.press('Enter');

    // Before, nothing was said, and the keyboard went to the page's body with the row.
    await until(
      () => desk.getByTestId('announcement').textContent().then(squash),
      (text) => text === '« Orange » ajouté au numéro.',
      'the addition said',
    );
    await until(
      () => itemNames(desk),
      (names) => names.join('|') === [...TITLES, 'Orange'].join('|'),
      'the draft last in the issue',
    );
    await until(
      () =>
        desk.evaluate(
          () =>
            document.activeElement?.matches('.draft-list > li') &&
            document.activeElement.querySelector('[data-id]')?.getAttribute('data-id'),
        ),
      (id) => id === 'arrange-inbox-Free',
      'the keyboard on the next draft',
    );
    await desk.close();
  });

  it('says « Annulé. » on Ctrl+Z after two « Retirer », with the removal the bar offers next', async () => {
    const desk = await deskOnIssue();
    await desk.getByRole('button', { name: 'Retirer « Mauboussin » du numéro' }).focus();
    await desk.keyboard.press('Enter');
    await until(
      () => focused(desk),
      (label) => label === 'Retirer « Lina Khan » du numéro',
      'the keyboard on the next item’s « Retirer »',
    );
    await desk.keyboard.press('Enter');
    await until(
      () => itemNames(desk),
      (names) => names.join('|') === 'OVH|Quanta|Wikipédia',
      'both taken out',
    );

    await desk.keyboard.press('Control+z');

    await until(
      () => itemNames(desk),
      (names) => names.join('|') === 'OVH|Lina Khan|Quanta|Wikipédia',
      'Lina Khan back',
    );
    // Before, « « Mauboussin » retiré du numéro. » alone: the undo unsaid, a removal said that
    // the editor had not just made.
    await until(
      () => desk.getByTestId('announcement').textContent().then(squash),
      (text) => text === 'Annulé. « Mauboussin » retiré du numéro.',
      'the undo said, then what the bar offers',
    );
    await desk.close();
  });

  it('says once a draft dragged from the inbox with the mouse, and where it went, the keyboard going with it', async () => {
    const desk = await deskOnIssue();
    await desk.evaluate(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      for (const region of document.querySelectorAll('[aria-live="polite"]')) {
        new MutationObserver(() => region.textContent && heard.push(region.textContent)).observe(
          region,
          { childList: true, subtree: true, characterData: true },
        );
      }
    });

    // Onto Mauboussin's lower half.
    await desk
      .getByTestId('draft')
      .filter({ hasText: 'Free' })
      .dragTo(desk.getByTestId('issue-item').nth(1), { targetPosition: { x: 40, y: 90 } });

    await until(
      () => stored(desk),
      (titles) => titles.join('|') === 'OVH|Mauboussin|Free|Lina Khan|Quanta|Wikipédia',
      'the draft below Mauboussin',
    );
    // Before, nothing: a screen reader heard nothing of the drop.
    await until(
      () => desk.getByTestId('announcement').textContent().then(squash),
      (text) => text === '« Free » ajouté au numéro en position 3 sur 6.',
      'the drop said',
    );
    await desk.waitForTimeout(300);
    const heard = await desk.evaluate(() => (window as unknown as { heard: string[] }).heard);
    expect(heard.map(squash)).toEqual(['« Free » ajouté au numéro en position 3 sur 6.']);
    // The keyboard, on the inbox's row the pointer was pressed on, goes with the draft: before,
    // to the page's body as the row left the inbox, and ↓ did nothing.
    await until(
      () => focused(desk),
      (label) => label === 'Free, position 3 sur 6',
      'the keyboard on the item dropped',
    );
    await desk.keyboard.press('ArrowDown');
    await until(
      () => focused(desk),
      (label) => label === 'Lina Khan, position 4 sur 6',
      'the next item',
    );
    await desk.close();
  });

  it('takes an item dragged back to the inbox out of the issue, said, the inbox drawn as the target, « Annuler » putting it back', async () => {
    const desk = await deskOnIssue();
    const inbox = desk.locator('section.inbox');

    // Mauboussin's row dragged with the mouse onto the inbox's « Free ».
    const handle = (await desk
      .getByTestId('issue-item')
      .nth(1)
      .locator('.reorder__handle')
      .boundingBox())!;
    const free = (await desk.getByTestId('draft').filter({ hasText: 'Free' }).boundingBox())!;
    await desk.mouse.move(handle.x + 4, handle.y + 4);
    await desk.mouse.down();
    await desk.mouse.move(handle.x + 20, handle.y + 20, { steps: 4 });
    await desk.mouse.move(free.x + 40, free.y + 20, { steps: 8 });
    await desk.mouse.move(free.x + 60, free.y + 30, { steps: 4 });
    // Before, the inbox took no such drop, and showed none.
    await until(
      () => inbox.getAttribute('class'),
      (names) => !!names?.split(' ').includes('inbox--drop'),
      'the inbox drawn as the drop target',
    );
    await desk.mouse.up();

    await until(
      () => stored(desk),
      (titles) => titles.join('|') === 'OVH|Lina Khan|Quanta|Wikipédia',
      'Mauboussin out of the issue',
    );
    expect(await inbox.getAttribute('class')).toBe('inbox');
    await until(
      () => desk.getByTestId('announcement').textContent().then(squash),
      (text) => text === '« Mauboussin » retiré du numéro.',
      'the take-out said',
    );
    // An inbox draft again, its row there holding the keyboard.
    await until(
      () => desk.evaluate(() => !!document.activeElement?.closest('section.inbox')),
      (inInbox) => inInbox,
      'the keyboard on its row in the inbox',
    );
    expect(
      squash((await desk.evaluate(() => document.activeElement?.textContent)) ?? ''),
    ).toContain('Mauboussin');

    await desk
      .getByTestId('undo-bar')
      .getByRole('button', { name: /Annuler/ })
      .click();
    await until(
      () => stored(desk),
      (titles) => titles.join('|') === TITLES.join('|'),
      'Mauboussin back in its place',
    );
    await desk.close();
  });

  it('no longer draws the inbox as the target once a drag over it is given up with Escape, the item left in the issue', async () => {
    const desk = await deskOnIssue();
    const inbox = desk.locator('section.inbox');
    const handle = (await desk
      .getByTestId('issue-item')
      .nth(1)
      .locator('.reorder__handle')
      .boundingBox())!;
    const free = (await desk.getByTestId('draft').filter({ hasText: 'Free' }).boundingBox())!;
    await desk.mouse.move(handle.x + 4, handle.y + 4);
    await desk.mouse.down();
    await desk.mouse.move(handle.x + 20, handle.y + 20, { steps: 4 });
    await desk.mouse.move(free.x + 40, free.y + 20, { steps: 8 });
    await until(
      () => inbox.getAttribute('class'),
      (names) => !!names?.split(' ').includes('inbox--drop'),
      'the inbox drawn as the drop target',
    );
    await desk.keyboard.press('Escape');
    await desk.mouse.up();
    // Before, its dashed outline stayed drawn until the next drag over it left it.
    await until(
      () => inbox.getAttribute('class'),
      (names) => names === 'inbox',
      'the inbox no longer drawn as a target',
    );
    expect(await stored(desk)).toEqual(TITLES);
    await desk.close();
  });

  it('puts the keyboard on the row of an item dragged back to a long inbox, listed beyond the rows read', async () => {
    // Mauboussin clipped a week ago, 150 drafts clipped since in the inbox: its row comes
    // after them, beyond the first page of drafts read.
    const seed = seeded();
    const week = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const clips = seed.clips.map((clip) =>
      clip.title === 'Mauboussin' ? { ...clip, createdAt: week } : clip,
    );
    for (let i = 0; i < 150; i++) {
      clips.push(
        localDraft({
          id: `arrange-long-${i}`,
          title: `Brouillon ${i}`,
          body: `<p>Brouillon ${i}</p>`,
          createdAt: new Date(Date.now() - 86_400_000 + i * 1000).toISOString(),
        }),
      );
    }
    const desk = await deskOnIssue({ ...seed, clips });
    await until(
      () => desk.getByTestId('draft-total').textContent().then(squash),
      (text) => text === '152 brouillons',
      'the inbox counted',
    );
    const inbox = desk.locator('section.inbox');
    const handle = (await desk
      .getByTestId('issue-item')
      .nth(1)
      .locator('.reorder__handle')
      .boundingBox())!;
    const first = (await desk.getByTestId('draft').first().boundingBox())!;
    await desk.mouse.move(handle.x + 4, handle.y + 4);
    await desk.mouse.down();
    await desk.mouse.move(handle.x + 20, handle.y + 20, { steps: 4 });
    await desk.mouse.move(first.x + 40, first.y + 20, { steps: 8 });
    await desk.mouse.move(first.x + 60, first.y + 30, { steps: 4 });
    await until(
      () => inbox.getAttribute('class'),
      (names) => !!names?.split(' ').includes('inbox--drop'),
      'the inbox drawn as the drop target',
    );
    await desk.mouse.up();
    await until(
      () => stored(desk),
      (titles) => titles.join('|') === 'OVH|Lina Khan|Quanta|Wikipédia',
      'Mauboussin out of the issue',
    );
    // Before, the keyboard waited on the inbox itself: its row was not among those read.
    await until(
      () =>
        desk.evaluate(() => {
          const row = document.activeElement;
          return row?.matches('section.inbox li') ? (row.textContent ?? '') : '';
        }),
      (text) => squash(text).includes('Mauboussin'),
      'the keyboard on Mauboussin’s row in the inbox',
    );
    await desk.close();
  });

  it('takes an item dropped on the drafts’ column below its last draft out of the issue, the whole column drawn as the target', async () => {
    const desk = await deskOnIssue();
    const column = (await desk.locator('.desk__inbox').boundingBox())!;
    const handle = (await desk
      .getByTestId('issue-item')
      .nth(1)
      .locator('.reorder__handle')
      .boundingBox())!;
    // The column's empty part, far below the inbox's two drafts.
    const below = { x: column.x + column.width / 2, y: column.y + column.height - 40 };
    expect(below.y).toBeGreaterThan(
      (await desk.getByTestId('draft').last().boundingBox())!.y + 200,
    );
    await desk.mouse.move(handle.x + 4, handle.y + 4);
    await desk.mouse.down();
    await desk.mouse.move(handle.x + 20, handle.y + 20, { steps: 4 });
    await desk.mouse.move(below.x, below.y, { steps: 8 });
    await desk.mouse.move(below.x + 10, below.y - 10, { steps: 4 });
    // Before, the drafts' list ended with its last draft: the column below it took nothing.
    await until(
      () => desk.locator('section.inbox').getAttribute('class'),
      (names) => !!names?.split(' ').includes('inbox--drop'),
      'the column drawn as the drop target',
    );
    await desk.mouse.up();
    await until(
      () => stored(desk),
      (titles) => titles.join('|') === 'OVH|Lina Khan|Quanta|Wikipédia',
      'Mauboussin out of the issue',
    );
    await desk.close();
  });

  it('moves an item up with Alt+↑, never down, when a colleague moved its drawn neighbour below it, not drawn yet', async () => {
    const desk = await deskOnIssue();
    // Mauboussin moved last by a colleague's write (the shared desk), and Alt+↑ pressed on Lina
    // Khan, drawn below it, in the same task: the list has not drawn the write yet, and the move
    // is read after it (IndexedDB runs the two in order).
    await desk.evaluate(async () => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const request = indexedDB.open('indiscrets');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const row = [...document.querySelectorAll<HTMLElement>('li[data-item-id]')].find(
        (each) => each.dataset.itemId === 'arrange-2',
      )!;
      row.focus();
      const clips = db.transaction('clips', 'readwrite').objectStore('clips');
      const mauboussin = clips.get('arrange-1');
      mauboussin.onsuccess = () => {
        clips.put({ ...mauboussin.result, sortKey: 'a99' });
        row.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true }),
        );
      };
    });

    // Before, placed above Mauboussin alone, Lina Khan went down to the 4th place, and « en
    // position 4 sur 5 » was said of Alt+↑.
    await until(
      () => stored(desk),
      (titles) => titles.join('|') === 'Lina Khan|OVH|Quanta|Wikipédia|Mauboussin',
      'Lina Khan one place up from where it was stored',
    );
    await until(
      () => said(desk),
      (text) => text === '« Lina Khan » déplacé en position 1 sur 5.',
      'the place said',
    );
    await desk.close();
  });
});
