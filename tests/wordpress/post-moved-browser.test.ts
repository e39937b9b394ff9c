/**
 * An issue published before its site moved, from the built extension (test build) in real
 * Chromium against the real WordPress of the suite: the post is recorded at the site's first
 * address (`http://localhost:<port>`, a node server that redirects every request to the suite's
 * WordPress, as `monjournal.fr` redirects to `www.monjournal.fr`, then is gone), the settings
 * name the new one, the shared desk is off. The first address's origin is not granted to the extension
 * (the options give an old address's permission back): its redirect cannot be read, nor told
 * from a site still answering there (the post then another site's); gone, it answers nothing,
 * and the post's guid, written at the first address, proves it the same post. The panel reads
 * it there (a colleague's edit in WordPress is said) and updates it: one post.
 * Build first: INDISCRETS_TEST_BUILD=1 npx wxt build.
 */
import type http from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toExportIssue } from '../../export/from-issue';
import { issueDigest } from '../../export/post-digest';
import type { Draft, Issue } from '../../storage/db';
import { publishPost } from '../../wordpress/client';
import { localDraft, readDatabase, storedIssue } from '../browser/database';
import {
  configureWordPress,
  launchSeeded,
  openDesk,
  squash,
  until,
  type ExtensionSession,
} from '../browser/harness';
import { adminSettings, php, restAs, serve, site, sleep, type TestServer } from './helpers';

const ISSUE = 'issue-moved';
const STAYED = 'issue-stayed';

/** A site still answering at its address: every request passed on to the suite's WordPress. */
async function passOn(request: http.IncomingMessage, response: http.ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string' && !['host', 'connection'].includes(name)) headers[name] = value;
  }
  const answer = await fetch(`${site().url}${request.url ?? '/'}`, {
    method: request.method ?? 'GET',
    headers,
    ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    redirect: 'manual',
  });
  const back: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)) {
      back[name] = value;
    }
  });
  response.writeHead(answer.status, back);
  response.end(Buffer.from(await answer.arrayBuffer()));
}

/** Post `title` made on the suite's WordPress, its guid written at `address` as made there. */
async function madeAt(address: string, title: string) {
  const made = await publishPost(adminSettings(), { title, content: '<p>Le ministre…</p>' });
  if (!made.ok) throw new Error(`Not published: ${made.code}`);
  // WordPress writes the guid at the address it has then: the suite's WordPress has one address
  // (WP_HOME), so another address's is written as a site answering there would have.
  await php(
    `global $wpdb; $wpdb->update($wpdb->posts, array('guid' => '${address}/?p=${made.postId}'), array('ID' => ${made.postId})); clean_post_cache(${made.postId});`,
  );
  return made;
}

/** Issue `id` published as `made` at `address`, as the publisher recorded it then. */
function issueAt(
  id: string,
  title: string,
  address: string,
  made: { postId: number; modifiedGmt: string },
) {
  const issue = storedIssue(id, { title, status: 'published' });
  const items = [
    localDraft({ id: `${id}-1`, title: 'Le ministre part', issueId: id, sortKey: 'a0' }),
  ];
  return {
    items,
    issue: {
      ...issue,
      wordpress: {
        postId: made.postId,
        link: `${address}/?p=${made.postId}`,
        modifiedGmt: made.modifiedGmt,
        publishedAt: new Date().toISOString(),
        siteUrl: address,
        digest: issueDigest(toExportIssue(issue as Issue, items as unknown as Draft[])),
      },
    },
  };
}

describe('an issue published before its site moved, in Chromium against a real WordPress', () => {
  let session: ExtensionSession;
  let first: TestServer;
  let firstUrl: string;
  let firstGone = false;
  let postId: number;
  const title = `Les indiscrets du 22 mars ${Math.random().toString(36).slice(2, 8)}`;

  let other: TestServer;
  let otherUrl: string;
  let stayedId: number;
  const stayedTitle = `Les indiscrets du 29 mars ${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    // The site's first address: every request redirected (301) to the site's own; then gone
    // (every connection dropped, as a host no longer there).
    first = await serve((request, response) => {
      if (firstGone) {
        request.socket.destroy();
        return;
      }
      response.writeHead(301, { Location: `${site().url}${request.url ?? '/'}` });
      response.end();
    });
    firstUrl = first.url.replace('127.0.0.1', 'localhost');
    // Another address where a site still answers (the production site of a staging copy).
    other = await serve((request, response) => {
      passOn(request, response).catch(() => {
        response.writeHead(502);
        response.end();
      });
    });
    otherUrl = other.url.replace('127.0.0.1', 'localhost');
    const made = await madeAt(firstUrl, title);
    postId = made.postId;
    const stayed = await madeAt(otherUrl, stayedTitle);
    stayedId = stayed.postId;
    const moved = issueAt(ISSUE, title, firstUrl, made);
    const kept = issueAt(STAYED, stayedTitle, otherUrl, stayed);
    session = await launchSeeded(() => ({
      clips: [...moved.items, ...kept.items],
      issues: [moved.issue, kept.issue],
    }));
    await configureWordPress(session, {
      siteUrl: site().url,
      username: site().adminUser,
      password: site().appPassword,
    });
  });

  afterAll(async () => {
    await session?.close();
    await first?.close();
    await other?.close();
  });

  /** The panel's line on an edit made in WordPress, once the post was read ('' when none). */
  async function editedLine(page: Page): Promise<string> {
    const line = page.getByTestId('post-edited');
    await until(
      () => line.getAttribute('aria-busy'),
      (busy) => busy === null,
      'the post read',
    );
    return squash(await line.textContent());
  }

  it('leaves the post unproven while its old address redirects; gone, reads it at the new address, its record following, and updates the same post', async () => {
    await sleep(1100); // modified_gmt counts seconds
    const change = await restAs(site().newsroom.editor, 'POST', `/wp/v2/posts/${postId}`, {
      content: '<p>Le ministre quitte Bercy, corrigé par le chef.</p>',
    });
    expect(change.status).toBe(200);

    // While the first address redirects: unreadable to the extension, its answer opaque as a
    // site's own would be (a production site still there): not proven, the record kept.
    const before = await openDesk(session);
    await before.getByLabel('Numéro en cours').selectOption(ISSUE);
    await before.getByTestId('post-edited').waitFor({ state: 'attached' });
    expect(await editedLine(before)).toBe('');
    expect(await recordOf(before, ISSUE)).toMatchObject({ siteUrl: firstUrl });
    await before.close();

    firstGone = true;
    const desk = await openDesk(session);
    await desk.getByLabel('Numéro en cours').selectOption(ISSUE);
    // Read at the new address: the colleague's edit is said, where the post was another site's.
    await until(
      () => editedLine(desk),
      (said) => said.startsWith('Article modifié dans WordPress'),
      'the edit said',
    );
    const { issues } = await readDatabase<{
      clips: { id: string }[];
      issues: Array<{ id: string; wordpress?: { siteUrl?: string; link?: string } }>;
    }>(desk);
    expect(issues.find((i) => i.id === ISSUE)!.wordpress).toMatchObject({
      siteUrl: site().url,
      link: `${site().url}/?p=${postId}`,
    });

    await desk.getByRole('button', { name: 'Mettre à jour l’article WordPress' }).click();
    await desk.getByRole('button', { name: 'Écraser la version de WordPress' }).click();
    await desk
      .getByTestId('publish-message')
      .filter({ hasText: 'Article mis à jour dans WordPress.' })
      .waitFor();
    const count = await php(
      `global $wpdb; echo 'n=' . $wpdb->get_var($wpdb->prepare("SELECT COUNT(*) FROM $wpdb->posts WHERE post_type = 'post' AND post_status <> 'trash' AND post_title = %s", '${title}'));`,
    );
    expect(count.slice(count.indexOf('n='))).toBe('n=1');
    await desk.close();
  });

  /** Issue `id`'s record of its post, as stored. */
  async function recordOf(page: Page, id: string) {
    const { issues } = await readDatabase<{
      clips: { id: string }[];
      issues: Array<{ id: string; wordpress?: { siteUrl?: string; link?: string } }>;
    }>(page);
    return issues.find((i) => i.id === id)!.wordpress;
  }

  it('leaves a post recorded where a site still answers another site’s, its guid there notwithstanding', async () => {
    await sleep(1100);
    const change = await restAs(site().newsroom.editor, 'POST', `/wp/v2/posts/${stayedId}`, {
      content: '<p>Le ministre quitte Bercy, corrigé sur la copie.</p>',
    });
    expect(change.status).toBe(200);

    const desk = await openDesk(session);
    await desk.getByLabel('Numéro en cours').selectOption(STAYED);
    await desk.getByTestId('post-edited').waitFor({ state: 'attached' });
    expect(await editedLine(desk)).toBe('');
    expect(await recordOf(desk, STAYED)).toMatchObject({ siteUrl: otherUrl });
    await desk.close();
  });
});
