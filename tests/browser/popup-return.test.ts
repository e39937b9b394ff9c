import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDraft, storedIssue, writeDatabase } from './database';
import { launchExtension, openPopup, until, type ExtensionSession } from './harness';

/**
 * The popup shows one view at a time: opening a draft takes the inbox off the screen. « ← Retour »
 * must bring it back as the editor left it, in real Chromium where the list scrolls with the
 * page: the same box, search and results, scrolled as they were, the keyboard on the draft just
 * closed (to go on to the next result from there).
 */

/** Drafts outside any issue, and as many in an issue: « Tous » shows both. */
const EACH = 15;

/** Drafts written with IndexedDB itself, with the search words the extension would derive. */
async function seedDrafts(session: ExtensionSession): Promise<void> {
  const page = await session.openExtensionPage('popup.html');
  const now = new Date(Date.UTC(2024, 2, 15, 7, 30)).toISOString();
  await writeDatabase(page, {
    issues: [storedIssue('issue-1', { at: now })],
    clips: [
      ...Array.from({ length: 2 * EACH }, (_, i) => {
        // Newest first in the list: the numbers count down from the top.
        const at = new Date(Date.UTC(2024, 2, 1, 0, 0, i)).toISOString();
        const inIssue = i % 2 === 1;
        return localDraft({
          id: `draft-${i}`,
          url: `https://news.test/article-${i}`,
          title: `Remaniement numero ${i}`,
          createdAt: at,
          updatedAt: at,
          body: '<p>Le texte de l’indiscret, sur deux lignes au moins dans la liste.</p>',
          issueId: inIssue ? 'issue-1' : '',
          ...(inIssue ? { sortKey: `a${i}` } : {}),
          words: ['remaniement', 'numero', String(i), 'texte'],
        });
      }),
      // And one the search leaves out.
      localDraft({
        id: 'draft-other',
        url: 'https://news.test/other',
        title: 'Budget des regions',
        createdAt: now,
        updatedAt: now,
        body: '',
        issueId: '',
        words: ['budget', 'des', 'regions'],
      }),
    ],
  });
  await page.close();
}

/** The box, the search, the scroll, the count and the focused row's title. */
function inboxState(popup: Page) {
  return popup.evaluate(() => ({
    box: document.querySelector<HTMLSelectElement>('select[aria-label="Où chercher"]')?.value,
    search: document.querySelector<HTMLInputElement>('[data-testid="search"]')?.value,
    total: document.querySelector('[data-testid="draft-total"]')?.textContent?.trim(),
    scrollY,
    focused:
      document.activeElement?.closest('.draft-list > li')?.querySelector('.draft__title')
        ?.textContent ?? null,
  }));
}

describe('the popup inbox after « ← Retour » in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    await seedDrafts(session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('is back with the same box, search, scroll and the closed draft focused', async () => {
    const popup = await openPopup(session);
    await popup.getByLabel('Où chercher').selectOption('all');
    await popup.getByTestId('search').fill('remaniement');
    await until(
      () => inboxState(popup),
      (state) => state.total === `${2 * EACH} brouillons`,
      'the 30 results of the search',
    );
    // Well down the list, as an editor goes through the results, then a draft there opened.
    await popup.evaluate(() => scrollTo(0, 1200));
    const title = await until(
      () =>
        popup.evaluate(() => {
          const rows = Array.from(
            document.querySelectorAll('.draft-list > li[data-loaded="true"]'),
          );
          const middle = rows.find((li) => {
            const box = li.getBoundingClientRect();
            return box.top > innerHeight / 3 && box.bottom < innerHeight;
          });
          return middle?.querySelector('.draft__title')?.textContent ?? '';
        }),
      Boolean,
      'a row drawn in the middle of the popup',
    );
    const row = popup.locator('.draft__title', { hasText: new RegExp(`^${title}$`) });
    const left = await inboxState(popup);
    expect(left.scrollY).toBe(1200);

    await row.click();
    await popup.getByRole('button', { name: /Retour/ }).click();

    const back = await until(
      () => inboxState(popup),
      // Or, at once, an inbox started over (its search empty): the comparison says what differs.
      (state) => state.focused !== null || state.search !== left.search,
      'the closed draft focused',
    );
    expect(back).toEqual({ ...left, focused: title });
    await popup.close();
  });
});
