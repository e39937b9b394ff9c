/**
 * Twelve conflicts at once in the shared desk's bar, in Firefox (MV2 test build, headless Firefox
 * ESR): the first box and « 11 autres conflits à régler », « Prendre toutes les autres versions »
 * settling them all through Firefox's background page, and one « Annuler », which has the
 * keyboard, bringing every text and conflict back. The same seed as the Chromium test
 * (tests/browser/many-conflicts.test.ts).
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { until } from '../browser/harness';
import { writeDatabase, type ArgumentPage } from '../browser/database';
import { bodies, COUNT, ISSUE, mine, seeded, theirs } from '../browser/many-conflicts-seed';
import {
  expectNoExtensionErrors,
  inFirefox,
  pressButton,
  textsOf,
  type FirefoxSession,
} from './harness';

describe('many conflicts in the shared desk’s bar, in Firefox (MV2)', () => {
  let session: FirefoxSession;

  inFirefox((launched) => ({ session } = launched));

  const boxes = (page: Page) =>
    page.evaluate(() => document.querySelectorAll('[data-testid="sync-conflict"]').length);

  it('settles them all with the others’ versions, and one « Annuler » brings them back', async () => {
    const first = await session.openExtensionPage('desk.html');
    await first.waitForSelector('form.new-issue');
    await writeDatabase(first as unknown as ArgumentPage, seeded());
    await first.evaluate(async (issue) => {
      type Local = { set(items: object): Promise<void> };
      const api = (globalThis as unknown as { browser: { storage: { local: Local } } }).browser;
      await api.storage.local.set({ currentIssueId: issue });
    }, ISSUE);
    await first.close();

    const desk = await session.openExtensionPage('desk.html');
    await until(
      () => textsOf(desk, '[data-testid="sync-conflicts-more"] span'),
      (texts) => texts[0] === '11 autres conflits à régler',
      'the line of the conflicts not shown',
    );
    expect(await boxes(desk)).toBe(1);

    await pressButton(desk, 'Prendre toutes les autres versions');
    await pressButton(desk, 'Oui, prendre les autres versions');
    await until(
      () => bodies(desk),
      (texts) => texts.length === COUNT && texts.every((text, i) => text === theirs(i + 1)),
      'the others’ texts',
    );
    await until(
      () =>
        desk.evaluate(() => {
          const focused = document.activeElement;
          return !!focused?.closest('[data-testid="undo-bar"]') && focused.textContent;
        }),
      (text) => text === 'Annuler',
      'the keyboard on « Annuler »',
    );
    await until(
      () => boxes(desk),
      (count) => count === 0,
      'every box gone',
    );

    await desk.keyboard.press('Enter');
    await until(
      () => bodies(desk),
      (texts) => texts.every((text, i) => text === mine(i + 1)),
      'every text back',
    );
    await until(
      () => boxes(desk),
      (count) => count === 1,
      'the boxes back',
    );
    await desk.close();
    expectNoExtensionErrors(session);
  });
});
