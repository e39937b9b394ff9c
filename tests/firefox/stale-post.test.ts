/**
 * A published issue says when its WordPress post is out of date, in Firefox (MV2 test build,
 * headless Firefox ESR): nothing while the issue is what was sent, « Modifié depuis… » once the
 * chapô typed changes what would be sent, nothing again once it is undone; and a post edited in
 * WordPress itself since, read by the background page from a stand-in WordPress on 127.0.0.1:
 * « Article modifié dans WordPress le … », with its link. The same seeds and stand-in as the
 * Chromium test (tests/browser/stale-post.test.ts).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../browser/harness';
import {
  EDITED_GMT,
  EDITED_ISSUE,
  EDITED_LINE,
  post812,
  type PostSite,
  postSite,
  seededOn,
} from '../browser/edited-post-site';
import { SENT, STALE, seeded } from '../browser/published-issues';
import {
  fieldSelector,
  inFirefox,
  seedExtension,
  wordpressSettings,
  typeInto,
  type FirefoxSession,
} from './harness';

/** The sentence beside the published line, spaces folded ('' when none; null while not drawn). */
const stale = (page: Page) =>
  page.evaluate(() => {
    const line = document.querySelector('[data-testid="post-stale"]');
    return line ? (line.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
  });

describe('a published issue whose post is out of date, in Firefox (MV2)', () => {
  let session: FirefoxSession;

  inFirefox((launched) => ({ session } = launched));

  it('says nothing while the issue is what was sent, then « Modifié depuis… » as the chapô is typed, and nothing once undone', async () => {
    // The issues written as a publication leaves them.
    await seedExtension(session, seeded(), { currentIssueId: SENT });
    const desk = await session.openExtensionPage('desk.html');
    await desk.waitForSelector('[data-testid="published-by"]');
    // The preview drawn: the panel compared what it would send with what was sent.
    await until(
      () => desk.evaluate(() => document.querySelector('[data-testid="preview"]')?.textContent),
      (text) => !!text?.includes('Le ministre quitte Bercy.'),
      'the preview',
    );
    expect(await stale(desk)).toBe('');

    await desk.waitForSelector('details.issue__fields summary');
    await desk.click('details.issue__fields summary');
    const intro = await fieldSelector(desk, 'Chapô (facultatif)');
    await typeInto(desk, intro, 'Cette semaine, Bercy.');
    await until(
      () => stale(desk),
      (said) => said === STALE,
      'the post said out of date',
    );
    expect(
      await desk.$eval('[data-testid="post-stale"]', (line) => [
        line.getAttribute('role'),
        getComputedStyle(line).display,
      ]),
    ).toEqual(['status', 'block']);

    await desk.evaluate((css) => {
      const field = document.querySelector(css) as HTMLTextAreaElement;
      field.focus();
      field.select();
    }, intro);
    await desk.keyboard.press('Backspace');
    await until(
      () => stale(desk),
      (said) => said === '',
      'nothing said once undone',
    );
    await desk.close();
  });
});

describe('a published issue whose post was edited in WordPress, in Firefox (MV2)', () => {
  let session: FirefoxSession;
  let site: PostSite;

  inFirefox((launched) => ({ session } = launched));

  beforeAll(async () => {
    site = await postSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('says so, when, with its link, from the background page’s read of the post', async () => {
    site.answer = { status: 200, body: post812(site.origin, EDITED_GMT) };
    await seedExtension(session, seededOn(site.origin), {
      ...wordpressSettings(site.origin),
      currentIssueId: EDITED_ISSUE,
    });
    // A new desk reads it, and its panel asks for the post.
    const desk = await session.openExtensionPage('desk.html');
    await desk.waitForSelector('[data-testid="published-by"]');
    const line = () =>
      desk.evaluate(() => {
        const el = document.querySelector('[data-testid="post-edited"]');
        if (!el || el.getAttribute('aria-busy') !== null) return null;
        return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      });
    expect(await until(line, (said) => said !== null, 'the post read')).toBe(
      EDITED_LINE.replace(/\s+/g, ' '),
    );
    expect(
      await desk.$eval('[data-testid="post-edited"] a', (link) => [
        link.getAttribute('href'),
        link.getAttribute('target'),
      ]),
    ).toEqual([`${site.origin}/wp-admin/post.php?post=812&action=edit`, '_blank']);
    expect(site.reads.length).toBeGreaterThan(0);
    await desk.close();
  });
});
