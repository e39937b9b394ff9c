import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDesk, syncedDraft, writeDatabase } from './database';
import {
  launchSeeded,
  openDesk,
  openPopup,
  overflowing,
  POPUP,
  popupPreferredWidth,
  screenshotPath,
  selectShows,
  setCurrentIssue,
  squash,
  until,
  type ExtensionSession,
} from './harness';

/**
 * Who published an issue, and when, where an editor of the shared desk looks at it: the desk's
 * issue and the popup's « Numéro » tab, in real Chromium. The issue as the sync leaves it once
 * Claire Martin (another editor) published it from her desk: her name came with the issue's
 * post (no WordPress needed: the desk's state and records are written into IndexedDB).
 */

const ISSUE_ID = 'issue-published';
const POST_LINK = 'https://redaction.test/?p=812';
/** 15 March of this year at 10:02 in the browser's time zone (the machine's, as Node's). */
const PUBLISHED_AT = new Date(new Date().getFullYear(), 2, 15, 10, 2).toISOString();
const SAID = 'Publié par Claire Martin le 15 mars à 10 h 02 — voir l’article';
/** An issue this desk's user sent on 8 March, and one a colleague of long name sent. */
const MINE = 'issue-mine';
const EIGHTH = new Date(new Date().getFullYear(), 2, 8, 9, 30).toISOString();
const LONG = 'issue-long';
const LONG_NAME = { id: 12, name: 'Marie-Christine de La Rochefoucauld-Liancourt' };

/**
 * Issue `id` as the sync leaves it once `by` published it on WordPress at `at`: its record and
 * its post numbered from `number` (812 for the first issue).
 */
function sentIssue(
  id: string,
  title: string,
  at: string,
  by: { id: number; name: string },
  number = 812,
) {
  return {
    id,
    title,
    date: at.slice(0, 10),
    intro: '',
    status: 'published',
    createdAt: new Date(Date.UTC(2026, 2, 14, 8)).toISOString(),
    updatedAt: at,
    wordpress: {
      postId: number,
      link: `https://redaction.test/?p=${number}`,
      modifiedGmt: at.slice(0, 19),
      publishedAt: at,
      siteUrl: 'https://redaction.test',
      publishedBy: by,
    },
    desk: { remoteId: number - 722, createdBy: by.name, canEdit: true, canTrash: true },
  };
}

function seeded() {
  const records = sharedDesk([
    {
      ...syncedDraft({ id: 'item-1', title: 'Le ministre part', second: 1 }),
      issueId: ISSUE_ID,
      sortKey: 'a0',
    },
  ]);
  records.issues = [
    sentIssue(ISSUE_ID, 'Les indiscrets du 15 mars', PUBLISHED_AT, {
      id: 7,
      name: 'Claire Martin',
    }),
  ];
  return records;
}

/** The sentence under the publish button, spaces folded, and where its link goes. */
async function publishedBy(page: Page) {
  const line = page.getByTestId('published-by');
  await line.waitFor();
  // Named once the shared desk is read: before, the line says when only (« Publié le … »).
  await until(
    async () => squash(await line.innerText()),
    (text) => text.startsWith('Publié par') || text.startsWith('Published by'),
    'the publisher named',
  );
  const link = line.getByRole('link', { name: 'voir l’article' });
  return {
    text: squash(await line.innerText()),
    raw: await line.innerText(),
    href: await link.getAttribute('href'),
    title: await link.getAttribute('title'),
  };
}

describe('who published an issue, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seeded);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('the desk’s issue names the colleague who published it, when, and links to the post', async () => {
    const desk = await openDesk(session);
    await desk.getByLabel('Numéro en cours').selectOption(ISSUE_ID);
    const said = await publishedBy(desk);
    expect(said.text).toBe(SAID);
    // No-break spaces inside the day and the time: never cut at the end of a line.
    expect(said.raw).toContain('15\u00a0mars à 10\u00a0h\u00a002');
    expect([said.href, said.title]).toEqual([POST_LINK, 'Article n°\u00a0812']);
    await desk.screenshot({ path: screenshotPath('desk-published-by.png') });
    await desk.close();
  });

  it('the popup’s « Numéro » tab says it too', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    const said = await publishedBy(popup);
    expect(said.text).toBe(SAID);
    expect(said.href).toBe(POST_LINK);
    await popup.getByTestId('publish').evaluate((panel) => panel.scrollIntoView({ block: 'end' }));
    await popup.screenshot({ path: screenshotPath('popup-published-by.png') });
    await popup.close();
  });

  /** The picker « Numéro en cours » of `page`, once the database answered. */
  async function picker(page: Page) {
    const select = page.getByRole('combobox', { name: 'Numéro en cours' });
    // The live picker (the desk's first screen draws one from its snapshot before).
    await until(
      () => select.evaluate((box) => !box.hasAttribute('aria-disabled')),
      Boolean,
      'the live picker',
    );
    return select;
  }

  /** The picker's options, spaces folded. */
  const options = async (page: Page) =>
    (await (await picker(page)).locator('option').allTextContents()).map(squash);

  it('the picker says who sent each issue and on which day, in the desk and the popup', async () => {
    // Two more sent issues: one by this desk's user (Rédac, 3), one by a colleague of long name.
    const page = await session.openExtensionPage('desk.html');
    await writeDatabase(page, {
      issues: [
        sentIssue(MINE, 'Les indiscrets du 8 mars', EIGHTH, { id: 3, name: 'Rédac' }, 813),
        sentIssue(LONG, 'Les indiscrets du 1er septembre', PUBLISHED_AT, LONG_NAME, 814),
      ],
    });
    await setCurrentIssue(page, ISSUE_ID);
    await page.close();
    const said = [
      'Les indiscrets du 15 mars (envoyé par Claire Martin le 15 mars)',
      'Les indiscrets du 8 mars (envoyé par vous le 8 mars)',
      'Les indiscrets du 1er septembre (envoyé par Marie-Christine de… le 15 mars)',
    ];

    const desk = await openDesk(session);
    expect((await options(desk)).sort()).toEqual([...said].sort());
    await desk.close();
    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    expect((await options(popup)).sort()).toEqual([...said].sort());
    await popup.close();
  });

  for (const width of [320, 360, 420]) {
    it(`the popup’s picker holds a long name in ${width} px: nothing wider, its beginning in sight`, async () => {
      const page = await session.openExtensionPage('desk.html');
      await setCurrentIssue(page, LONG);
      await page.close();
      const popup = await openPopup(session);
      await popup.setViewportSize({ width, height: POPUP.height });
      await popup.getByRole('tab', { name: 'Numéro' }).click();
      const select = await picker(popup);
      await until(
        () => select.locator('option:checked').textContent(),
        (text) => !!text?.startsWith('Les indiscrets du 1er septembre'),
        'the long-named issue chosen',
      );
      await popup.screenshot({ path: screenshotPath(`popup-sent-by-${width}.png`) });
      const seen = await overflowing(popup);
      // From 360 px the title and « (envoyé par », in 320 px the title whole (as « (exporté) »
      // is not either).
      const shown = await selectShows(select, width < 360 ? 'septembre' : '(envoyé par');
      const ending = await select.evaluate((box) => getComputedStyle(box).textOverflow);
      const button = await popup.getByTestId('new-issue').boundingBox();
      const preferred = await popupPreferredWidth(popup);
      await popup.close();

      expect(seen.past).toEqual([]);
      expect(seen.scrollWidth).toBeLessThanOrEqual(seen.clientWidth);
      // The issue's title and who sent it begin in sight; what the select cuts ends with « … ».
      expect(shown.width).toBeLessThanOrEqual(shown.room);
      expect(ending).toBe('ellipsis');
      expect(button!.x + button!.width).toBeLessThanOrEqual(width);
      // The long option does not widen the popup Chrome sizes to its content.
      expect(preferred).toBe(POPUP.width);
    });
  }
});
