/**
 * On the shared desk, « Publier sur WordPress » first asks WordPress who has the issue or its
 * items open, in Firefox (MV2 test build, headless Firefox ESR): the panel, its message, the
 * background page's sync engine and its request, answered by the stand-in WordPress of the
 * Chromium test (tests/browser/publish-locks.test.ts), on 127.0.0.1. A colleague holding an item:
 * the question says who and what and takes the keyboard; « Attendre » publishes nothing and
 * gives the keyboard back to the button; « Publier quand même » publishes (to a site that fails,
 * said as always).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../browser/harness';
import {
  ASKED,
  ISSUE_ID,
  lockOf,
  publications,
  seeded,
  standInSite,
  type Site,
} from '../browser/publish-locks-site';
import {
  expectNoExtensionErrors,
  inFirefox,
  seedExtension,
  wordpressSettings,
  pressButton,
  type FirefoxSession,
} from './harness';

/** The test id of what has the keyboard (`BODY` when nothing has). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'BODY';
    return el.getAttribute('data-testid') ?? (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  });

describe('publishing an issue a colleague has open, in Firefox (MV2)', () => {
  let session: FirefoxSession;
  let site: Site;
  let desk: Page;

  inFirefox((launched) => ({ session } = launched));

  beforeAll(async () => {
    site = await standInSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('says who has which item open, the keyboard on the question; « Attendre » publishes nothing and gives the keyboard back', async () => {
    // The shared desk and its issue written as a sync leaves them, the site set up.
    await seedExtension(session, seeded(site.origin), {
      ...wordpressSettings(site.origin),
      currentIssueId: ISSUE_ID,
    });
    desk = await session.openExtensionPage('desk.html');
    await desk.waitForSelector('[data-testid="publish-button"]:not([disabled])');

    site.locks = [
      lockOf('item-bpi', { id: 4, name: 'Paul Martin' }),
      lockOf('item-ovh', { id: 3, name: 'Rédac' }),
    ];
    await desk.focus('[data-testid="publish-button"]');
    await desk.keyboard.press('Enter');

    await desk.waitForSelector('[data-testid="publish-locked"]');
    const question = await desk.$eval('[data-testid="publish-locked"]', (el) => ({
      text: (el.querySelector('p')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      role: el.getAttribute('role'),
    }));
    expect(question).toEqual({ text: ASKED.replace(/\s+/g, ' '), role: 'alert' });
    await until(
      () => focused(desk),
      (what) => what === 'publish-locked',
      'the keyboard on the question',
    );
    expect(publications(site)).toEqual([]);

    await desk.keyboard.press('Tab');
    await desk.keyboard.press('Tab');
    expect(await focused(desk)).toBe('Attendre');
    await desk.keyboard.press('Enter');

    await until(
      () => desk.$('[data-testid="publish-locked"]'),
      (left) => left === null,
      'the question gone',
    );
    expect(await focused(desk)).toBe('publish-button');
    expect(publications(site)).toEqual([]);
  });

  it('« Publier quand même » publishes as before', async () => {
    await pressButton(desk, 'Publier sur WordPress (brouillon)');
    await desk.waitForSelector('[data-testid="publish-locked"]');
    await pressButton(desk, 'Publier quand même');

    await desk.waitForSelector('[data-testid="publish-message"]');
    expect(await desk.$('[data-testid="publish-locked"]')).toBeNull();
    expect(publications(site).length).toBeGreaterThan(0);
    expectNoExtensionErrors(session);
  });
});
