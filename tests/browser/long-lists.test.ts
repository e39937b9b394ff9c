import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openPopup, until, type ExtensionSession } from './harness';

/**
 * The inbox of a newsroom after years of use (the benchmark's 10,000 drafts, seeded by the test
 * build's bench page): the list scrolls through all of them while the DOM only holds the
 * rows near the visible part, and the keyboard reaches the last draft.
 */

/** Rows in the DOM, and the place in the whole list of the first and last ones. */
function drawnRows(page: Page) {
  return page.evaluate(() => {
    const rows = Array.from(document.querySelectorAll<HTMLElement>('.draft-list > li'));
    const places = rows.map((row) => Number(row.getAttribute('aria-posinset')));
    return {
      count: rows.length,
      loaded: rows.filter((row) => row.dataset.loaded === 'true').length,
      first: Math.min(...places),
      last: Math.max(...places),
      setSize: Number(rows[0]?.getAttribute('aria-setsize') ?? 0),
    };
  });
}

/** The focused row's place in the list, whether it shows a draft yet, and that draft's title. */
function focusedRow(page: Page) {
  return page.evaluate(() => {
    const row = document.activeElement?.closest<HTMLElement>('.draft-list > li');
    return row
      ? {
          place: Number(row.getAttribute('aria-posinset')),
          loaded: row.dataset.loaded === 'true',
          title: row.querySelector('.draft__title')?.textContent ?? '',
        }
      : undefined;
  });
}

describe('the inbox of 10,000 drafts in Chromium', () => {
  let session: ExtensionSession;
  let popup: Page;
  let total: number;

  beforeAll(async () => {
    session = await launchExtension();
    const seeding = await session.openExtensionPage('bench.html');
    await seeding.waitForFunction(() => 'seedBench' in globalThis);
    // Ten thousand records take a while to write on a loaded machine: evaluate waits for it.
    const seeded = await seeding.evaluate(() =>
      (globalThis as unknown as { seedBench(): Promise<number> }).seedBench(),
    );
    expect(seeded).toBeGreaterThanOrEqual(10_000);
    await seeding.close();
    popup = await openPopup(session);
    // The total is counted after the first rows are shown; the list then spans all of them.
    const count = await until(
      () => drawnRows(popup),
      (rows) => rows.setSize > 1000 && rows.loaded > 0,
      'the inbox list with its total',
    );
    total = count.setSize;
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  it('holds only a window of rows in the DOM, each telling its place in the whole list', async () => {
    const rows = await drawnRows(popup);
    expect(rows.first).toBe(1);
    expect(rows.count).toBeGreaterThan(3);
    // The popup is 600 px high: a few screens of rows at most, never thousands.
    expect(rows.count).toBeLessThan(60);
    const shown = await popup.getByTestId('draft-total').textContent();
    expect(shown?.replace(/\D/g, '')).toBe(String(total));
  });

  it('shows other drafts when scrolled, still holding only a window of rows', async () => {
    await popup.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    const rows = await until(
      () => drawnRows(popup),
      (found) => found.first > 1000 && found.loaded > 3,
      'rows from the middle of the list',
    );
    expect(rows.count).toBeLessThan(60);
    expect(rows.last).toBeLessThan(total);
    await popup.evaluate(() => window.scrollTo(0, 0));
    await until(
      () => drawnRows(popup),
      (found) => found.first === 1 && found.loaded > 3,
      'the first rows again',
    );
  });

  it('reaches the last draft with End, moves with the arrows and opens with Enter', async () => {
    await popup.locator('.draft-list > li[aria-posinset="1"]').focus();
    await popup.keyboard.press('ArrowDown');
    await until(
      () => focusedRow(popup),
      (row) => row?.place === 2,
      'the second row focused',
    );

    await popup.keyboard.press('End');
    const last = await until(
      () => focusedRow(popup),
      (row) => row?.place === total && row.loaded,
      'the last row focused and loaded',
    );
    expect(last!.title).not.toBe('');
    expect((await drawnRows(popup)).count).toBeLessThan(60);

    await popup.keyboard.press('ArrowUp');
    const before = await until(
      () => focusedRow(popup),
      (row) => row?.place === total - 1 && row.loaded,
      'the row before the last focused',
    );

    // Enter opens the focused draft in the editor, whose code loads when first used.
    await popup.keyboard.press('Enter');
    await popup.getByTestId('draft-editor').waitFor({ timeout: 30_000 });
    await until(
      () => popup.getByTestId('draft-editor').locator('input').first().inputValue(),
      (value) => value === before!.title,
      'the editor on the focused draft',
    );
  });

  it('goes back to the first draft with Home', async () => {
    await popup.getByRole('tab', { name: 'Brouillons' }).click();
    await popup.locator('.draft-list > li').first().waitFor();
    await popup.locator('.draft-list > li[tabindex="0"]').focus();
    await popup.keyboard.press('Home');
    await until(
      () => focusedRow(popup),
      (row) => row?.place === 1 && row.loaded,
      'the first row focused',
    );
    expect(await popup.evaluate(() => window.scrollY)).toBeLessThan(400);
  });
});
