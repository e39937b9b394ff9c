import { describe, expect, it } from 'vitest';
import { readDatabase } from '../browser/database';
import { type PageServer, until } from '../browser/harness';
import { clipFromPopup, type FirefoxSession, inFirefox } from './harness';

/**
 * A quoted phrase in the popup's search, in Firefox: its drafts are found by the index of the
 * pairs of words one after the other (`wordPairs`, version 7 of the database, 2feb941), a
 * multi-entry index of keys holding a space, read as a range by its beginning while the quote
 * is open. Firefox's IndexedDB is not Chromium's: the clip writes the pairs, the search reads them.
 */
interface StoredClip {
  id: string;
  title: string;
  wordPairs: string[];
}

describe('the popup’s quoted phrase search, in Firefox', () => {
  let session: FirefoxSession;
  let server: PageServer;
  inFirefox((launched) => ({ session, server } = launched));
  it('finds a clipped draft by a phrase of its title, open or closed, and not by its words reordered', async () => {
    const article = await session.openUrl(server.fixture('lemonde-1'));
    const clipped = await clipFromPopup(session, article);
    await article.close();
    const draft = (
      await readDatabase<{ clips: StoredClip[]; issues: Array<{ id: string }> }>(clipped)
    ).clips[0]!;
    await clipped.close();
    // The title's first three words, as typed; their pairs are the draft's.
    const words = draft.title.split(/[^\p{L}\p{N}’']+/u).filter((w) => w.length > 1);
    const three = words.slice(0, 3);
    expect(three).toHaveLength(3);
    expect(draft.wordPairs.length).toBeGreaterThan(2);

    const popup = await session.openExtensionPage('popup.html');
    await popup.waitForSelector('[data-testid="draft"]');
    const shown = (text: string) =>
      until(
        async () => {
          await popup.evaluate((value) => {
            const input = document.querySelector<HTMLInputElement>('[data-testid="search"]')!;
            if (input.value === value) return;
            input.value = value;
            input.dispatchEvent(new InputEvent('input', { bubbles: true }));
          }, text);
          return popup.evaluate(() =>
            document.querySelector('[data-testid="drafts-empty"]')
              ? 'none'
              : [...document.querySelectorAll('[data-testid="draft"] .draft__title')]
                  .map((title) => title.textContent)
                  .join('|'),
          );
        },
        (titles) => titles === 'none' || titles === draft.title,
        `the list for ${text}`,
      );

    // Open, its last word by its beginning; then closed.
    expect(await shown(`"${three[0]} ${three[1]} ${three[2]!.slice(0, 2)}`)).toBe(draft.title);
    expect(await shown(`« ${three.join(' ')} »`)).toBe(draft.title);
    // The same words, in another order: no pair of them is the draft's.
    expect(await shown(`"${[...three].reverse().join(' ')}"`)).toBe('none');
    await popup.close();
  });
});
