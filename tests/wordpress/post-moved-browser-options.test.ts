/**
 * An issue published before its site moved, the editor changing the address in the real options
 * page of the built extension (test build) in Chromium, against the real WordPress of the suite:
 * the site's first address (`http://localhost:<port>`, a node server that redirects every request
 * to the suite's WordPress, as `monjournal.fr` redirects to `www.monjournal.fr`) is the one the
 * editor had set and granted; they change it to the new one. The options ask the first address
 * then, while its origin is still granted, read its redirect to the new address and note the move,
 * then give the first origin's permission back. From then on nothing of the first address can be
 * read (a redirect and a site still there alike, and it still redirects): the noted move is the
 * proof, the post's guid, written at the first address, proves it the same post. The panel reads
 * it at the new address (a colleague's edit said) and updates it: one post.
 * Build first: INDISCRETS_TEST_BUILD=1 npx wxt build.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toExportIssue } from '../../export/from-issue';
import { issueDigest } from '../../export/post-digest';
import type { Draft, Issue } from '../../storage/db';
import { publishPost } from '../../wordpress/client';
import { localDraft, readDatabase, storedIssue } from '../browser/database';
import { launchSeeded, openDesk, squash, until, type ExtensionSession } from '../browser/harness';
import { adminSettings, php, restAs, serve, site, sleep, type TestServer } from './helpers';

const ISSUE = 'issue-moved-options';

/** Post `title` made on the suite's WordPress, its guid written at `address` as made there. */
async function madeAt(address: string, title: string) {
  const made = await publishPost(adminSettings(), { title, content: '<p>Le ministre…</p>' });
  if (!made.ok) throw new Error(`Not published: ${made.code}`);
  // The suite's WordPress has one address (WP_HOME): the first address's guid is written as a
  // site answering there would have.
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

/** The extension APIs the test reads from an extension page (`chrome` is its global). */
interface ChromeApis {
  permissions: { contains(query: { origins: string[] }): Promise<boolean> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

describe('the site’s address changed in the options, its old origin given back, in Chromium against a real WordPress', () => {
  let session: ExtensionSession;
  let first: TestServer;
  let firstUrl: string;
  let postId: number;
  const title = `Les indiscrets du 5 avril ${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    // The site's first address: every request redirected (301) to the site's own, throughout.
    first = await serve((request, response) => {
      response.writeHead(301, { Location: `${site().url}${request.url ?? '/'}` });
      response.end();
    });
    firstUrl = first.url.replace('127.0.0.1', 'localhost');
    const made = await madeAt(firstUrl, title);
    postId = made.postId;
    const moved = issueAt(ISSUE, title, firstUrl, made);
    session = await launchSeeded(() => ({ clips: moved.items, issues: [moved.issue] }));
    // The editor granted the first address long ago, when they set it: the browser's prompt,
    // which a headless browser cannot show, answered through chrome://extensions (the same
    // grant: the options' request then resolves at once, as for an origin granted before).
    const extensions = await session.context.newPage();
    await extensions.goto('chrome://extensions/');
    await extensions.evaluate(
      (id) =>
        (
          globalThis as unknown as {
            chrome: { developerPrivate: { addHostPermission(id: string, host: string): unknown } };
          }
        ).chrome.developerPrivate.addHostPermission(id, 'http://localhost/*'),
      session.extensionId,
    );
    await extensions.close();
  });

  afterAll(async () => {
    await session?.close();
    await first?.close();
  });

  /** Fills the WordPress settings with `siteUrl` and presses « Enregistrer »; the status shown. */
  async function saveAddress(options: Page, siteUrl: string) {
    await options.getByLabel('Adresse du site').fill(siteUrl);
    await options.getByLabel('Identifiant WordPress').fill(site().adminUser);
    await options.getByLabel('Mot de passe d’application').fill(site().appPassword);
    await options
      .getByTestId('wordpress-settings')
      .getByRole('button', { name: 'Enregistrer' })
      .click();
    const status = options.getByTestId('wp-status');
    await status.filter({ hasNotText: 'Vérification…' }).filter({ hasText: /\S/ }).waitFor();
    return squash(await status.textContent());
  }

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

  it('notes the move as the address changes, gives the old origin back, then reads and updates the same post at the new address', async () => {
    const options = await session.openExtensionPage('options.html');
    const chrome = () =>
      options.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: ChromeApis }).chrome;
        return {
          old: await api.permissions.contains({ origins: ['http://localhost/*'] }),
          moves: (await api.storage.local.get('siteMoves')).siteMoves,
        };
      });
    // The address the editor had: granted.
    expect(await saveAddress(options, firstUrl)).toBe('Enregistré.');
    expect(await chrome()).toMatchObject({ old: true });

    // The new one: the move noted, the first origin given back.
    expect(await saveAddress(options, site().url)).toBe('Enregistré.');
    const after = await chrome();
    expect(after.old).toBe(false);
    expect(after.moves).toEqual([{ from: firstUrl, to: site().url, at: expect.any(String) }]);
    await options.close();

    await sleep(1100); // modified_gmt counts seconds
    const change = await restAs(site().newsroom.editor, 'POST', `/wp/v2/posts/${postId}`, {
      content: '<p>Le ministre quitte Bercy, corrigé par le chef.</p>',
    });
    expect(change.status).toBe(200);

    // The first address still redirects, unreadable now: the noted move proves it.
    const desk = await openDesk(session);
    await desk.getByLabel('Numéro en cours').selectOption(ISSUE);
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
});
