/**
 * Items a colleague took out of the issue, in Firefox (MV2 test build, headless Firefox ESR):
 * the issue's column says them in one notice, « Ouvrir » opens one in the editor, « Fermer »
 * closes the notice for good (its dismissal goes through Firefox's background page). The same
 * seed as the Chromium test (tests/browser/taken-out.test.ts).
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { until } from '../browser/harness';
import { writeDatabase, type ArgumentPage } from '../browser/database';
import { ISSUE, SAID, seeded } from '../browser/taken-out-seed';
import { fieldSelector, inFirefox, pressButton, type FirefoxSession } from './harness';

/** What the issue's column says of the items taken out, spaces folded (null while none). */
const said = (page: Page) =>
  page.evaluate(() => {
    const notice = document.querySelector<HTMLElement>('.desk__issue [data-testid="taken-out"]');
    return notice ? notice.innerText.replace(/\s+/g, ' ').trim() : null;
  });

describe('items a colleague took out of the issue, in Firefox (MV2)', () => {
  let session: FirefoxSession;

  inFirefox((launched) => ({ session } = launched));

  /** A new desk on the issue (written behind Dexie's back: a new desk reads it). */
  async function desk() {
    const page = await session.openExtensionPage('desk.html');
    await page.waitForSelector('[data-testid="sync-status"]');
    await until(
      () => page.evaluate(() => document.querySelectorAll('[data-testid="issue-item"]').length),
      (n) => n === 1,
      'the issue’s item',
    );
    return page;
  }

  it('says them in the issue column, « Ouvrir » opens one, « Fermer » closes the notice for good', async () => {
    const first = await session.openExtensionPage('desk.html');
    await first.waitForSelector('form.new-issue');
    await writeDatabase(first as unknown as ArgumentPage, seeded());
    await first.evaluate(async (issue) => {
      type Local = { set(items: object): Promise<void> };
      const api = (globalThis as unknown as { browser: { storage: { local: Local } } }).browser;
      await api.storage.local.set({ currentIssueId: issue });
    }, ISSUE);
    await first.close();

    const page = await desk();
    const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
    await until(
      () => said(page),
      (text) => text === fold(SAID),
      'the notice in the issue column',
    );

    await pressButton(page, 'Ouvrir «\u00a0Le ministre et le yacht\u00a0»', '.desk__issue');
    const title = await fieldSelector(page, 'Titre du brouillon');
    await until(
      () => page.$eval(title, (field) => (field as HTMLInputElement).value),
      (value) => value === 'Le ministre et le yacht',
      'the moved draft open in the editor',
    );

    await pressButton(page, 'Fermer', '[data-testid="taken-out"]');
    await until(
      () => said(page),
      (text) => text === null,
      'the notice closed',
    );
    await page.close();
    const again = await desk();
    expect(await said(again)).toBeNull();
    await again.close();
  });
});
