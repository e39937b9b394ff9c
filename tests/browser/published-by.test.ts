import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDesk, syncedDraft } from './database';
import {
  launchSeeded,
  openDesk,
  openPopup,
  screenshotPath,
  squash,
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

function seeded() {
  const records = sharedDesk([
    {
      ...syncedDraft({ id: 'item-1', title: 'Le ministre part', second: 1 }),
      issueId: ISSUE_ID,
      sortKey: 'a0',
    },
  ]);
  const at = new Date(Date.UTC(2026, 2, 14, 8)).toISOString();
  records.issues = [
    {
      id: ISSUE_ID,
      title: 'Les indiscrets du 15 mars',
      date: '2026-03-15',
      intro: '',
      status: 'published',
      createdAt: at,
      updatedAt: PUBLISHED_AT,
      wordpress: {
        postId: 812,
        link: POST_LINK,
        modifiedGmt: PUBLISHED_AT.slice(0, 19),
        publishedAt: PUBLISHED_AT,
        siteUrl: 'https://redaction.test',
        publishedBy: { id: 7, name: 'Claire Martin' },
      },
      desk: { remoteId: 90, createdBy: 'Claire Martin', canEdit: true, canTrash: true },
    },
  ];
  return records;
}

/** The sentence under the publish button, spaces folded, and where its link goes. */
async function publishedBy(page: Page) {
  const line = page.getByTestId('published-by');
  await line.waitFor();
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
});
