/**
 * A post edited in WordPress itself since its publication, said by the publish panel before
 * anyone publishes again, from the built extension (test build) in real Chromium against the real
 * WordPress of the suite: the desk's panel asks the background, which reads the post through the
 * REST API with the saved credentials. Another user (the newsroom's Editor) edits the post through
 * REST: « Article modifié dans WordPress le … à …, après sa dernière publication : le mettre à
 * jour écraserait ces changements. » with a link to the post in wp-admin. A post untouched since: nothing.
 * Build first: INDISCRETS_TEST_BUILD=1 npx wxt build.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editedInWordPressLine } from '../../components/publishedLine';
import { toExportIssue } from '../../export/from-issue';
import { issueDigest } from '../../export/post-digest';
import type { Draft, Issue } from '../../storage/db';
import { publishPost, validateSiteUrl } from '../../wordpress/client';
import { localDraft, storedIssue } from '../browser/database';
import {
  configureWordPress,
  launchSeeded,
  openDesk,
  screenshotPath,
  squash,
  until,
  type ExtensionSession,
} from '../browser/harness';
import { adminSettings, readPost, restAs, site, sleep } from './helpers';

const UNTOUCHED = 'issue-untouched';
const EDITED = 'issue-edited';
const SEE = 'Voir ces changements dans WordPress';

/** Two items of `issueId`, as stored. */
function itemsOf(issueId: string) {
  return [
    ['Le ministre part', '<p>Le ministre quitte Bercy.</p>'],
    ['OVH en Bourse', '<p>OVH prépare son entrée en Bourse.</p>'],
  ].map(([title, body], i) =>
    localDraft({
      id: `${issueId}-${i + 1}`,
      title: title!,
      body: body!,
      issueId,
      sortKey: `a${i}`,
    }),
  );
}

/**
 * Issue `id` published as a post on the suite's WordPress (created here through the client, as
 * the administrator the extension signs in as), recorded as the publisher records it.
 */
async function publishedIssue(id: string, title: string) {
  const issue = storedIssue(id, { title, status: 'published' });
  const items = itemsOf(id);
  const post = await publishPost(adminSettings(), { title, content: '<p>Le ministre…</p>' });
  if (!post.ok) throw new Error(`Not published: ${post.code}`);
  const siteUrl = validateSiteUrl(site().url);
  return {
    post,
    items,
    issue: {
      ...issue,
      wordpress: {
        postId: post.postId,
        link: post.link,
        modifiedGmt: post.modifiedGmt,
        publishedAt: new Date().toISOString(),
        siteUrl: siteUrl.ok ? siteUrl.url : site().url,
        // The issue is what was sent: « Modifié depuis » says nothing here.
        digest: issueDigest(toExportIssue(issue as Issue, items as unknown as Draft[])),
      },
    },
  };
}

/** The line of the panel, spaces folded, once the post was read ('' when none). */
async function editedLine(page: Page): Promise<string> {
  const line = page.getByTestId('post-edited');
  await until(
    () => line.getAttribute('aria-busy'),
    (busy) => busy === null,
    'the post read',
  );
  return squash(await line.textContent());
}

/**
 * Picks issue `id` in the desk and waits for its publish panel: its own post's link (`link`),
 * not only a published line — the desk opens on the issue the last test picked, whose panel
 * (read, not busy) is there until the picked one's is drawn.
 */
async function showIssue(desk: Page, id: string, link: string): Promise<void> {
  await desk.getByLabel('Numéro en cours').selectOption(id);
  await desk.locator(`[data-testid="post-link"][href="${link}"]`).waitFor();
}

describe('a post edited in WordPress since its publication, in Chromium against a real WordPress', () => {
  let session: ExtensionSession;
  let untouched: Awaited<ReturnType<typeof publishedIssue>>;
  let edited: Awaited<ReturnType<typeof publishedIssue>>;

  beforeAll(async () => {
    untouched = await publishedIssue(UNTOUCHED, 'Les indiscrets du 8 mars');
    edited = await publishedIssue(EDITED, 'Les indiscrets du 15 mars');
    session = await launchSeeded(() => ({
      clips: [...untouched.items, ...edited.items],
      issues: [untouched.issue, edited.issue],
    }));
    await configureWordPress(session, {
      siteUrl: site().url,
      username: site().adminUser,
      password: site().appPassword,
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('says nothing of a post untouched since its publication', async () => {
    const desk = await openDesk(session);
    await showIssue(desk, UNTOUCHED, untouched.post.link);
    expect(await editedLine(desk)).toBe('');
    expect(await desk.getByTestId('post-stale').textContent()).toBe('');
    await desk.close();
  });

  it('says a post another user edited through WordPress, when, and links to it; publishing again over it then says nothing', async () => {
    await sleep(1100); // modified_gmt counts seconds
    const editor = site().newsroom.editor;
    const change = await restAs(editor, 'POST', `/wp/v2/posts/${edited.post.postId}`, {
      content: '<p>Le ministre quitte Bercy, corrigé par le chef.</p>',
    });
    expect(change.status).toBe(200);
    const modifiedGmt = (change.json as { modified_gmt: string }).modified_gmt;
    expect(modifiedGmt).not.toBe(edited.post.modifiedGmt);

    const desk = await openDesk(session);
    await showIssue(desk, EDITED, edited.post.link);
    // The browser's time zone is this machine's, as Node's: the sentence is computed alike.
    expect(await editedLine(desk)).toBe(
      squash(`${editedInWordPressLine({ modifiedGmt }, 'fr')} ${SEE}`),
    );
    const link = desk.getByRole('link', { name: SEE });
    expect(await link.getAttribute('href')).toBe(
      `${site().url}/wp-admin/post.php?post=${edited.post.postId}&action=edit`,
    );
    const update = desk.getByRole('button', { name: 'Mettre à jour l’article WordPress' });
    expect(await update.getAttribute('aria-describedby')).toBe(
      await desk.getByTestId('post-edited').getAttribute('id'),
    );
    await desk.getByTestId('publish').scrollIntoViewIfNeeded();
    await desk.screenshot({ path: screenshotPath('desk-post-edited-in-wordpress.png') });

    // Publishing asks before overwriting, as before; once overwritten, the post is read again
    // and nothing is said.
    await update.click();
    await desk.getByRole('button', { name: 'Écraser la version de WordPress' }).click();
    await desk
      .getByTestId('publish-message')
      .filter({ hasText: 'Article mis à jour dans WordPress.' })
      .waitFor();
    await until(
      () => editedLine(desk),
      (said) => said === '',
      'nothing said once overwritten',
    );
    expect((await readPost(edited.post.postId)).content.raw).not.toContain('corrigé par le chef');
    await desk.close();
  });
});
