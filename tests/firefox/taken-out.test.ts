/**
 * Items a colleague took out of the issue, in Firefox (MV2 test build, headless Firefox ESR):
 * the issue's column says them in one notice, « Ouvrir » opens one in the editor, « Fermer »
 * closes the notice for good (its dismissal goes through Firefox's background page). The same
 * seed as the Chromium test (tests/browser/taken-out.test.ts). An issue a colleague deleted while
 * it was open here is said in the desk's and the popup's issue column; « Fermer » in the popup
 * closes it in the desk too (seededIssueDeleted, as the Chromium test).
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { until } from '../browser/harness';
import {
  DELETED_ISSUE,
  ISSUE,
  SAID,
  SAID_DELETED,
  seeded,
  seededIssueDeleted,
} from '../browser/taken-out-seed';
import {
  clickButton,
  fieldSelector,
  inFirefox,
  seedExtension,
  pressButton,
  type FirefoxSession,
} from './harness';

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
    await seedExtension(session, seeded(), { currentIssueId: ISSUE });

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

describe('an issue a colleague deleted while it was open here, in Firefox (MV2)', () => {
  let session: FirefoxSession;

  inFirefox((launched) => ({ session } = launched));

  /**
   * What the notice of the deleted issue within `scope` says, spaces folded, and its role (null
   * while none is drawn, or it is hidden as it closes).
   */
  const deleted = (page: Page, scope: string) =>
    page.evaluate((css) => {
      const notice = document.querySelector<HTMLElement>(`${css} [data-testid="issue-deleted"]`);
      if (!notice || notice.hidden) return null;
      return {
        text: notice.innerText.replace(/\s+/g, ' ').trim(),
        role: notice.getAttribute('role'),
      };
    }, scope);

  /** Whether the page says no issue is chosen (the picker's hint). */
  const noIssueChosen = (page: Page) =>
    page.evaluate(() =>
      (document.body.textContent ?? '')
        .replace(/\s+/g, ' ')
        .includes('Choisissez ou créez un numéro.'),
    );

  it('the desk and the popup say who deleted it and where its items went; « Fermer » closes it for both', async () => {
    await seedExtension(session, seededIssueDeleted(), { currentIssueId: DELETED_ISSUE });

    const expected = { text: SAID_DELETED.replace(/\s+/g, ' ').trim(), role: 'status' };
    const desk = await session.openExtensionPage('desk.html');
    await desk.waitForSelector('[data-testid="sync-status"]');
    await until(
      () => deleted(desk, '.desk__issue'),
      (notice) => notice?.text === expected.text,
      'the deleted issue said in the desk’s issue column',
    );
    expect(await deleted(desk, '.desk__issue')).toEqual(expected);
    // No issue chosen: the picker says so, below the notice.
    await until(
      () => noIssueChosen(desk),
      (shown) => shown,
      '« Choisissez ou créez un numéro. » on the desk',
    );

    const popup = await session.openExtensionPage('popup.html');
    await clickButton(popup, 'Numéro');
    await until(
      () => deleted(popup, 'body'),
      (notice) => notice?.text === expected.text,
      'the deleted issue said in the popup’s issue tab',
    );
    expect(await deleted(popup, 'body')).toEqual(expected);
    await pressButton(popup, 'Fermer', '[data-testid="issue-deleted"]');
    await until(
      () => popup.evaluate(() => document.querySelector('[data-testid="issue-deleted"]')),
      (notice) => notice === null,
      'the notice gone from the popup',
    );
    // Closed for every view: the desk open meanwhile lets it go, and a new desk does not say it.
    await until(
      () => deleted(desk, 'body'),
      (notice) => notice === null,
      'the notice gone from the desk open meanwhile',
    );
    await popup.close();
    await desk.close();
    const again = await session.openExtensionPage('desk.html');
    await again.waitForSelector('[data-testid="sync-status"]');
    await until(
      () => noIssueChosen(again),
      (shown) => shown,
      '« Choisissez ou créez un numéro. » on a new desk',
    );
    expect(await deleted(again, 'body')).toBeNull();
    await again.close();
  });
});
