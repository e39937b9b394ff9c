import type { Locator, Page } from 'playwright-core';
import type { Box } from '../../components/markTips';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { localDraft, readDatabase, storedIssue, type StoredTables } from './database';
import {
  heardIn,
  launchSeeded,
  openDesk,
  screenshotPath,
  selectWordsIn,
  until,
  type ExtensionSession,
} from './harness';

/**
 * The desk's conflict box as an editor meets it in the editor's column: two fields of one draft
 * changed in two desks at once (its title and its text, a word made bold and one italic), read
 * and chosen at a tablet's width and a laptop's, and each mark's box of what differs (« mêmes
 * mots, ici en gras ») reached by keyboard and kept inside the window and the column.
 */

const ISSUE = 'issue-conflicts';
const TEXT = '<p>Le ministre quitte Bercy jeudi, selon Axios, pour rejoindre le parti.</p>';
/** The other desk's text: « Bercy » bold and italic (its box the widest), « Axios » italic. */
const THEIR_TEXT =
  '<p>Le ministre quitte <em><strong>Bercy</strong></em> jeudi, selon <em>Axios</em>, pour rejoindre le parti.</p>';
/** One draft a test: each leaves its conflict unresolved. */
const DRAFTS = ['keys', 'place-1366', 'place-768', 'width-768', 'width-1024', 'width-1366'];
const titleOf = (draft: string) => `Le ministre et Bercy (${draft})`;

function records() {
  return {
    issues: [storedIssue(ISSUE)],
    clips: DRAFTS.map((draft, i) =>
      localDraft({
        id: `draft-${draft}`,
        title: titleOf(draft),
        label: titleOf(draft),
        body: TEXT,
        issueId: ISSUE,
        sortKey: `a${i}`,
      }),
    ),
  };
}

describe('the conflict box in the desk’s editor column', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(records, { currentIssue: ISSUE });
    // Each conflict's first view logs its refused writes.
    session.expectErrors(/desk\.html[^:]*: Indiscrets save /);
  });

  afterAll(async () => {
    await session?.close();
  });

  /** `draft`'s editor opened on `desk`: its title field and its text. */
  async function openDraft(desk: Page, draft: string) {
    await desk
      .getByTestId('issue-item')
      .filter({ hasText: titleOf(draft) })
      .locator('.issue-item__title')
      .click();
    const text = desk.getByRole('textbox', { name: 'Texte de l’indiscret' });
    await text.waitFor();
    return { title: desk.getByLabel('Titre du brouillon'), text };
  }

  /**
   * A desk of `viewport` showing a conflict over `draft`'s title and text: its writes refused
   * (IndexedDB full), it adds words to both; another desk changes the title and makes
   * « Bercy » bold and « Axios » italic. Returns the first desk, its comparison current.
   */
  async function conflictOn(draft: string, viewport: { width: number; height: number }) {
    const mine = await openDesk(session, viewport);
    const inMine = await openDraft(mine, draft);
    await mine.evaluate(() => {
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.put = full;
      IDBObjectStore.prototype.add = full;
      IDBCursor.prototype.update = full;
    });
    await inMine.title.click();
    await mine.keyboard.press('End');
    await mine.keyboard.type(' (mis à jour)');
    await inMine.text.click();
    await mine.keyboard.press('Control+End');
    await mine.keyboard.type(' Démenti mardi.');
    await until(
      () => mine.getByTestId('save-state').textContent(),
      (text) => !!text?.startsWith('Plus de place pour enregistrer'),
      'the first desk’s writes to fail',
    );

    const theirs = await openDesk(session);
    const inTheirs = await openDraft(theirs, draft);
    await inTheirs.title.fill('Le ministre quitte Bercy pour le parti');
    await inTheirs.text.click();
    for (const [words, keys] of [
      ['Bercy', ['Control+B', 'Control+I']],
      ['Axios', ['Control+I']],
    ] as const) {
      await inTheirs.text.evaluate(selectWordsIn, [words, false] as [string, boolean]);
      for (const key of keys) await theirs.keyboard.press(key);
    }
    await until(
      async () =>
        (
          await readDatabase<StoredTables<{ id: string; body: string }, { id: string }>>(theirs)
        ).clips.find((clip) => clip.id === `draft-${draft}`)?.body,
      (body) => body === THEIR_TEXT,
      'the other desk’s bold and italic words stored',
    );
    await theirs.close();

    await mine.bringToFront();
    const box = mine.getByTestId('conflicts');
    await until(
      () => box.getByTestId('conflict').count(),
      (count) => count === 2,
      'both fields in conflict',
    );
    await until(
      () => box.getByTestId('conflict-updating').count(),
      (count) => count === 0,
      'the comparison to be current',
    );
    return mine;
  }

  /** The text's conflict: its two versions. */
  const textConflict = (desk: Page) =>
    desk
      .getByTestId('conflict')
      .filter({ has: desk.getByRole('heading', { name: 'Texte de l’indiscret' }) });

  /** The focused element's text, and whether it is a mark. */
  const focused = (desk: Page) =>
    desk.evaluate(() => ({
      tag: document.activeElement?.tagName.toLowerCase(),
      text: document.activeElement?.firstChild?.textContent,
    }));

  /** A box of what differs: its rectangle, or `undefined` while hidden. */
  const shownBox = (said: Locator) =>
    said.evaluate((el) =>
      el.getBoundingClientRect().width > 1 ? el.getBoundingClientRect().toJSON() : undefined,
    ) as Promise<DOMRect | undefined>;

  it('reaches each mark’s box by keyboard: one Tab stop a version, the arrows between, Escape to put it away', async () => {
    const desk = await conflictOn('keys', { width: 1366, height: 768 });
    const conflict = textConflict(desk);
    // Said under each version's caption, as each mark's description: the title's conflict, with
    // no mark to reach, says nothing of it.
    expect(await desk.getByTestId('conflict-keys').count()).toBe(2);
    for (const version of ['conflict-mine', 'conflict-theirs']) {
      const figure = conflict.locator('figure').filter({ has: desk.getByTestId(version) });
      const hint = figure.getByTestId('conflict-keys');
      expect(await hint.isVisible()).toBe(true);
      expect(
        await figure.evaluate((el) => {
          const caption = el.querySelector('figcaption')!.getBoundingClientRect();
          const hint = el.querySelector('[data-testid="conflict-keys"]')!.getBoundingClientRect();
          return hint.top >= caption.bottom - 0.5 && hint.height > 0;
        }),
      ).toBe(true);
      expect(
        await figure.locator('mark.conflict__change--style').evaluateAll((all) =>
          all.map((mark) =>
            mark
              .getAttribute('aria-describedby')!
              .split(' ')
              .map((id) => document.getElementById(id)?.textContent),
          ),
        ),
      ).toEqual(
        Array(2).fill([
          version === 'conflict-mine' ? 'Votre version' : 'L’autre version',
          await hint.textContent(),
        ]),
      );
    }
    const theirs = conflict.getByTestId('conflict-theirs');
    const marks = theirs.locator('mark.conflict__change--style');
    expect(await marks.allTextContents()).toEqual([
      'Bercy\u00a0(mêmes mots, ici en gras, en italique)',
      'Axios\u00a0(mêmes mots, ici en italique)',
    ]);
    // One Tab stop a version: its first mark that says something.
    expect(
      await conflict
        .locator('mark')
        .evaluateAll((all) => all.map((mark) => (mark as HTMLElement).tabIndex)),
    ).toEqual([0, -1, -1, 0, -1]);

    // From « Garder la mienne », Tab reaches the other version's first mark: its box shows.
    await conflict
      .getByRole('button', { name: 'Garder la mienne\u00a0: Texte de l’indiscret' })
      .focus();
    await desk.keyboard.press('Tab');
    expect(await focused(desk)).toEqual({ tag: 'mark', text: 'Bercy' });
    const bercy = marks.nth(0).getByTestId('conflict-said');
    const axios = marks.nth(1).getByTestId('conflict-said');
    expect((await shownBox(bercy))?.width).toBeGreaterThan(100);
    // A screen reader hears the words and what differs, once, as it reads them through; then,
    // focused, whose version it is and how to move (the caption and the keys' hint shown).
    const keys =
      'Tab pour atteindre les changements de forme, ← → pour passer de l’un à l’autre, Échap pour masquer leur explication';
    expect(await heardIn(marks.nth(0))).toMatchObject({
      role: 'mark',
      description: `L’autre version ${keys}`,
      text: 'Bercy\u00a0(mêmes mots, ici en gras, en italique)',
    });
    expect(await axeViolations(desk)).toEqual([]);
    await desk.screenshot({ path: screenshotPath('conflict-focus.png') });

    // → moves to the next mark, whose box shows instead; ← and Home back, End to the last.
    await desk.keyboard.press('ArrowRight');
    expect(await focused(desk)).toEqual({ tag: 'mark', text: 'Axios' });
    expect(await shownBox(bercy)).toBeUndefined();
    expect((await shownBox(axios))?.width).toBeGreaterThan(100);
    expect(await axios.textContent()).toBe('\u00a0(mêmes mots, ici en italique)');
    await desk.keyboard.press('ArrowRight');
    expect(await focused(desk)).toEqual({ tag: 'mark', text: 'Axios' });
    await desk.keyboard.press('Home');
    expect(await focused(desk)).toEqual({ tag: 'mark', text: 'Bercy' });
    await desk.keyboard.press('End');
    expect(await focused(desk)).toEqual({ tag: 'mark', text: 'Axios' });

    // Escape puts the box away; the focus stays on the mark (not back to the desk's list).
    await desk.keyboard.press('Escape');
    expect(await shownBox(axios)).toBeUndefined();
    expect(await focused(desk)).toEqual({ tag: 'mark', text: 'Axios' });

    // Shift+Tab leaves the version (one stop), Tab comes back to the mark last focused.
    await desk.keyboard.press('Shift+Tab');
    expect(await desk.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Garder la mienne\u00a0: Texte de l’indiscret',
    );
    await desk.keyboard.press('Tab');
    expect(await focused(desk)).toEqual({ tag: 'mark', text: 'Axios' });
    expect((await shownBox(axios))?.width).toBeGreaterThan(100);
    await desk.keyboard.press('Tab');
    expect(await desk.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Prendre l’autre\u00a0: Texte de l’indiscret',
    );
    expect(await shownBox(axios)).toBeUndefined();

    // Hovered, Escape puts the box away too, the focus where it was.
    await marks.nth(0).hover();
    expect((await shownBox(bercy))?.width).toBeGreaterThan(100);
    await desk.keyboard.press('Escape');
    expect(await shownBox(bercy)).toBeUndefined();
    expect(await desk.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Prendre l’autre\u00a0: Texte de l’indiscret',
    );
    await desk.mouse.move(0, 0);

    // A box shown when its conflict is chosen (by keyboard, the pointer still on the words) goes
    // with it: Escape is the desk's again.
    await marks.nth(1).hover();
    expect((await shownBox(axios))?.width).toBeGreaterThan(100);
    await conflict
      .getByRole('button', { name: 'Prendre l’autre\u00a0: Texte de l’indiscret' })
      .focus();
    await desk.keyboard.press('Enter');
    await until(
      () => desk.getByTestId('conflict').count(),
      (count) => count === 1,
      'the text chosen',
    );
    // Heard after the boxes' own Escape (window, capture) and before the desk's: the keyboard is
    // on the next field's choice, in the editor, where the desk's Escape goes back to the list.
    await desk.evaluate(() =>
      window.addEventListener(
        'keydown',
        (event) => ((window as unknown as { escaped: boolean }).escaped = !event.defaultPrevented),
        { once: true, capture: true },
      ),
    );
    await desk.keyboard.press('Escape');
    expect(await desk.evaluate(() => (window as unknown as { escaped: boolean }).escaped)).toBe(
      true,
    );
    await desk.close();
  });

  /**
   * Each mark that says something, scrolled to the top then to the bottom of what shows of its
   * column and hovered: where its box shows against the mark, the window and the column.
   */
  async function tipsPlaced(desk: Page) {
    const marks = desk.locator('.desk__editor mark.conflict__change--style');
    const placed = [];
    for (let i = 0; i < (await marks.count()); i++) {
      for (const block of ['start', 'end'] as const) {
        const mark = marks.nth(i);
        // Scrolled by what scrolls the column (the column at 1366 px, the page at 768 px).
        await mark.evaluate((el, at) => {
          const column = el.closest('.desk__column')!;
          const scrolls = getComputedStyle(column).overflowY === 'auto';
          const scroller = scrolls ? column : document.scrollingElement!;
          const view = scrolls ? column.getBoundingClientRect() : { top: 0, bottom: innerHeight };
          const words = el.getBoundingClientRect();
          scroller.scrollTop += at === 'start' ? words.top - view.top : words.bottom - view.bottom;
        }, block);
        // A column that does not scroll that far (the box at the top of the editor, the desk
        // not scrolling at 1366 px): the window made shorter, to end just under the words.
        const room = await mark.evaluate((el) => {
          const column = el.closest('.desk__column')!.getBoundingClientRect();
          return Math.min(column.bottom, innerHeight) - el.getBoundingClientRect().bottom;
        });
        const viewport = desk.viewportSize()!;
        if (block === 'end' && room > 8) {
          await desk.setViewportSize({
            ...viewport,
            height: Math.ceil(viewport.height - room + 4),
          });
        }
        await mark.hover();
        const seen = await mark.evaluate((el) => {
          const said = el.querySelector('[data-testid="conflict-said"]')!;
          const column = el.closest('.desk__column')!.getBoundingClientRect();
          const rect = (r: DOMRect) => ({
            left: r.left,
            top: r.top,
            right: r.right,
            bottom: r.bottom,
          });
          return {
            words: el.firstChild!.textContent,
            tip: rect(said.getBoundingClientRect()),
            mark: rect(el.getBoundingClientRect()),
            lines: [...el.getClientRects()].map(rect),
            column: rect(column),
            window: { left: 0, top: 0, right: innerWidth, bottom: innerHeight },
            side: (said as HTMLElement).dataset.side,
          };
        });
        placed.push({ block, ...seen });
        await desk.mouse.move(0, 0);
        await desk.setViewportSize(viewport);
      }
    }
    return placed;
  }

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 768, height: 1024 },
  ]) {
    it(`shows each mark’s box inside the window and the column, off the mark, at ${viewport.width}×${viewport.height}`, async () => {
      const desk = await conflictOn(`place-${viewport.width}`, viewport);
      const placed = await tipsPlaced(desk);
      expect(placed.map(({ words, block }) => `${words} ${block}`)).toEqual(
        ['Bercy', 'Axios', 'Bercy', 'Axios'].flatMap((words) => [`${words} start`, `${words} end`]),
      );
      const inside = (a: Box, b: Box) =>
        a.left >= b.left - 0.5 &&
        a.right <= b.right + 0.5 &&
        a.top >= b.top - 0.5 &&
        a.bottom <= b.bottom + 0.5;
      const meet = (a: Box, b: Box) =>
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
      for (const seen of placed) {
        const where = `${seen.words} scrolled to the ${seen.block}`;
        expect(seen.tip.right - seen.tip.left, where).toBeGreaterThan(100);
        expect(inside(seen.tip, seen.window), `${where}: inside the window`).toBe(true);
        expect(inside(seen.tip, seen.column), `${where}: inside the column`).toBe(true);
        expect(
          seen.lines.some((line) => meet(seen.tip, line)),
          `${where}: off the words`,
        ).toBe(false);
        // Under the words where there is room, over them at the bottom of what shows.
        expect(seen.side, where).toBe(seen.block === 'start' ? 'below' : 'above');
      }
      // The other version's marks are near the column's right edge: their boxes moved left.
      expect(placed.some((seen) => seen.tip.left < seen.mark.left - 0.5)).toBe(true);
      await desk.close();
    });
  }

  /**
   * What sticks out or runs into something in the conflict box: elements past the editor's
   * column (sideways), the column scrolling sideways, a choice's words wider than its button,
   * a button, a version's caption, its keys' hint or its text over another of them, and a
   * keys' hint hidden or cut.
   */
  const crowding = (desk: Page) =>
    desk.evaluate(() => {
      const column = document.querySelector('.desk__editor')!;
      const edge = column.getBoundingClientRect();
      const box = column.querySelector('[data-testid="conflicts"]')!;
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}.${el.className} ${el.textContent?.slice(0, 30)}`;
      const overlap = (a: DOMRect, b: DOMRect) =>
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
        Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
      const buttons = [...box.querySelectorAll('button')];
      // A version's caption, keys' hint, text and choice: none over another.
      const parts = [
        ...box.querySelectorAll('button, figcaption, .conflict__keys, .conflict__text'),
      ];
      return {
        pastColumn: [...box.querySelectorAll('*')]
          // Hidden but to a screen reader (a mark's box while it does not show): no room taken.
          .filter((el) => el.checkVisibility() && !el.closest('.visually-hidden, .conflict__said'))
          .filter((el) => {
            const rect = el.getBoundingClientRect();
            return rect.width > 0 && (rect.right > edge.right + 0.5 || rect.left < edge.left - 0.5);
          })
          .map(name),
        columnScrolls: column.scrollWidth > column.clientWidth,
        pageScrolls: document.documentElement.scrollWidth > innerWidth,
        cutButtons: buttons
          .filter((button) => button.scrollWidth > button.clientWidth + 0.5)
          .map(name),
        overlapping: parts.flatMap((part, i) =>
          parts
            .slice(i + 1)
            .filter((other) => overlap(part.getBoundingClientRect(), other.getBoundingClientRect()))
            .map((other) => `${name(part)} over ${name(other)}`),
        ),
        // Each keys' hint shown whole: no line of it cut.
        cutHints: [...box.querySelectorAll('.conflict__keys')]
          .filter((hint) => !hint.checkVisibility() || hint.scrollWidth > hint.clientWidth + 0.5)
          .map(name),
      };
    });

  for (const viewport of [
    { width: 768, height: 1024 },
    { width: 1024, height: 768 },
    { width: 1366, height: 768 },
  ]) {
    it(`shows two fields in conflict whole and apart at ${viewport.width}×${viewport.height}`, async () => {
      const desk = await conflictOn(`width-${viewport.width}`, viewport);
      await desk.getByTestId('conflicts').scrollIntoViewIfNeeded();
      await desk.screenshot({
        path: screenshotPath(`conflict-two-${viewport.width}.png`),
        fullPage: true,
      });
      expect(await crowding(desk)).toEqual({
        pastColumn: [],
        columnScrolls: false,
        pageScrolls: false,
        cutButtons: [],
        overlapping: [],
        cutHints: [],
      });
      // The text's two versions say how to reach their marks.
      expect(await desk.getByTestId('conflict-keys').count()).toBe(2);
      // Each choice still works: the title taken from the other desk, the text kept.
      await desk.getByRole('button', { name: 'Prendre l’autre\u00a0: Titre du brouillon' }).click();
      await until(
        () => desk.getByLabel('Titre du brouillon').inputValue(),
        (value) => value === 'Le ministre quitte Bercy pour le parti',
        'the other desk’s title taken',
      );
      expect(await desk.getByTestId('conflict').count()).toBe(1);
      await desk.close();
    });
  }
});
