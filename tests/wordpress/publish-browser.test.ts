/**
 * Publishing from the built extension (test build, .output/test/chrome-mv3) in real Chromium
 * to the real WordPress of the suite's global setup: options page, popup, background, REST.
 * Build first: INDISCRETS_TEST_BUILD=1 npx wxt build (npm run test:wordpress does it).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from '@wordpress/block-serialization-default-parser';
import type { ConsoleMessage, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedWhen } from '../../components/publishedLine';
import { publishFailureText } from '../../components/publishFailureText';
import { toExportIssue } from '../../export/from-issue';
import { issueDigest } from '../../export/post-digest';
import { t } from '../../locales';
import type { Draft, Issue } from '../../storage/db';
import { deriveFields } from '../../storage/derive';
import {
  EXTENSION_DIR,
  launchExtension,
  screenshotPath,
  until,
  type ExtensionSession,
} from '../browser/harness';
import { categoryIdByName, readPost, rest, site, sleep } from './helpers';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const ISSUE_ID = 'issue-15-mars';
const WRONG_PASSWORD = 'zzzz yyyy xxxx wwww vvvv uuuu';

const issueRecord: Issue = {
  id: ISSUE_ID,
  title: 'Les indiscrets du 15 mars',
  date: '2021-03-15',
  intro: 'Cette semaine : deux indiscrets.',
  lengthBudget: 4000,
  status: 'open',
  createdAt: '2021-03-10T09:00:00.000Z',
  updatedAt: '2021-03-10T09:00:00.000Z',
};

function item(
  fields: Pick<Draft, 'id' | 'url' | 'title' | 'siteName' | 'body' | 'sortKey'>,
): Draft {
  const draft: Omit<Draft, 'words' | 'wordPairs' | 'sourceUrls'> = {
    ...fields,
    quotes: [],
    provenance: {},
    createdAt: '2021-03-10T09:00:00.000Z',
    updatedAt: '2021-03-10T09:00:00.000Z',
    sources: [{ url: fields.url, title: fields.title, siteName: fields.siteName }],
    note: 'Note privée : ne jamais publier.',
    tags: [],
    status: 'ready',
    issueId: ISSUE_ID,
  };
  // The table hooks compute these in the extension; the records are written here without Dexie.
  return { ...draft, ...deriveFields(draft) };
}

const items: Draft[] = [
  item({
    id: 'item-ministre',
    url: 'https://www.lemonde.fr/politique/ministre',
    title: 'Le ministre et Bercy',
    siteName: 'Le Monde',
    body: '<p>Le ministre <strong>quitte</strong> Bercy ?</p>',
    sortKey: 'V',
  }),
  item({
    id: 'item-ovh',
    url: 'https://www.bloomberg.com/news/ovh-ipo',
    title: 'OVH Weighs IPO',
    siteName: 'Bloomberg',
    body: '<p>OVH prépare son entrée en Bourse.</p>',
    sortKey: 'k',
  }),
];

/** The post content WordPress must hold: one paragraph block per paragraph, typeset. */
const expectedParagraphs = (ovhText: string) => [
  `<p>Cette semaine${NBSP}: deux indiscrets.</p>`,
  `<p>--&gt; Le ministre <strong>quitte</strong> Bercy${NNBSP}? (<a href="https://www.lemonde.fr/politique/ministre">Le Monde</a>)</p>`,
  `<p>--&gt; ${ovhText} (<a href="https://www.bloomberg.com/news/ovh-ipo">Bloomberg</a>)</p>`,
];

/** The blocks of a post's raw content, whitespace between blocks left out. */
function paragraphsOf(raw: string) {
  const blocks = parse(raw).filter((block) => block.blockName !== null || block.innerHTML.trim());
  for (const block of blocks) {
    expect(block.blockName).toBe('core/paragraph');
    expect(block.attrs).toEqual({});
    expect(block.innerBlocks).toEqual([]);
  }
  return blocks.map((block) => block.innerHTML.trim());
}

/** Runs in an extension page: the raw IndexedDB of the extension, without Dexie. */
function idb<T>(page: Page, action: 'get' | 'put', arg: { issue?: Issue; items?: Draft[] } = {}) {
  return page.evaluate(
    async ({ action, arg, issueId }) => {
      // Opened without a version, a database Dexie has not created yet would be made empty.
      const ready = async () =>
        (await indexedDB.databases()).some((d) => d.name === 'indiscrets' && d.version! >= 20);
      for (let tries = 0; !(await ready()); tries += 1) {
        if (tries > 100) throw new Error('The extension never created its database');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('indiscrets');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const tx = db.transaction(['issues', 'clips'], action === 'put' ? 'readwrite' : 'readonly');
        const done = new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        const ask = <R>(request: IDBRequest<R>) =>
          new Promise<R>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
        if (action === 'put') {
          if (arg.issue) tx.objectStore('issues').put(arg.issue);
          for (const draft of arg.items ?? []) tx.objectStore('clips').put(draft);
          await done;
          return undefined;
        }
        const issue = await ask(tx.objectStore('issues').get(issueId));
        const clips = await ask(tx.objectStore('clips').getAll());
        await done;
        return { issue, clips };
      } finally {
        db.close();
      }
    },
    { action, arg, issueId: ISSUE_ID },
  ) as Promise<T>;
}

type Stored = { issue: Issue; clips: Draft[] };

/** The few extension APIs the tests call from an extension page (`chrome` is its global). */
interface ChromeApis {
  permissions: { contains(query: { origins: string[] }): Promise<boolean> };
  storage: Record<'local' | 'sync', StorageArea>;
}
interface StorageArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

describe('publishing an issue from the built extension to a real WordPress', () => {
  let session: ExtensionSession;
  let options: Page;
  let popup: Page;
  const consoleLines: string[] = [];
  const record = (message: ConsoleMessage) => consoleLines.push(message.text());
  const watchWorker = (worker: Worker) => worker.on('console', record);

  const password = () => site().appPassword;
  /** The password in every form it could leak in: as typed, without spaces, as Basic auth. */
  const secretForms = (secret: string) => {
    const b64 = Buffer.from(`${site().adminUser}:${secret}`).toString('base64');
    return [secret, secret.replace(/ /g, ''), b64, b64.replace(/=+$/, '')];
  };
  const expectNoSecret = (text: string, secret = password()) => {
    for (const form of secretForms(secret)) expect(text).not.toContain(form);
  };

  /** What the options page passed to permissions.request (recorded by a wrapper). */
  function permissionRequests(): Promise<unknown[]> {
    return options.evaluate(() => (globalThis as unknown as { requests: unknown[] }).requests);
  }

  async function stored(page: Page = popup): Promise<Stored> {
    return idb<Stored>(page, 'get');
  }

  async function publishButton(name: string) {
    const button = popup.getByRole('button', { name, exact: true });
    await button.waitFor();
    return button;
  }

  async function publishMessage(text: string | RegExp) {
    const message = popup.getByTestId('publish-message').filter({ hasText: text });
    await message.waitFor();
    return (await message.innerText()).trim();
  }

  /** Fills the WordPress settings and presses "Tester la connexion"; returns the status shown. */
  async function testConnection(secret: string) {
    await options.getByLabel('Adresse du site').fill(site().url);
    await options.getByLabel('Identifiant WordPress').fill(site().adminUser);
    await options.getByLabel('Mot de passe d’application').fill(secret);
    await options.getByRole('button', { name: 'Tester la connexion' }).click();
    const status = options.getByTestId('wp-status');
    await status.filter({ hasNotText: 'Vérification…' }).filter({ hasText: /\S/ }).waitFor();
    return (await status.innerText()).trim();
  }

  beforeAll(async () => {
    // The first publication has to create the category.
    const id = await categoryIdByName('Indiscrets');
    if (id) await rest('DELETE', `/wp/v2/categories/${id}?force=true`);

    const manifest = await readFile(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8').catch(
      () => '{}',
    );
    if (!(JSON.parse(manifest) as { host_permissions?: string[] }).host_permissions) {
      throw new Error('No test build: run INDISCRETS_TEST_BUILD=1 npx wxt build first.');
    }
    session = await launchExtension();
    session.context.on('console', record);
    session.context.serviceWorkers().forEach(watchWorker);
    session.context.on('serviceworker', watchWorker);

    options = await session.openExtensionPage('options.html');
    // Records each permissions.request, then lets Chrome answer it (same call, same gesture).
    await options.evaluate(() => {
      const scope = globalThis as unknown as {
        requests: unknown[];
        chrome: { permissions: { request: (query: unknown) => Promise<boolean> } };
      };
      const permissions = scope.chrome.permissions;
      const request = permissions.request.bind(permissions);
      scope.requests = [];
      permissions.request = (query) => {
        scope.requests.push(query);
        return request(query);
      };
    });
    await options.setViewportSize({ width: 900, height: 1000 });
    popup = await session.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 420, height: 720 });
    await popup.getByRole('tab', { name: 'Numéro' }).waitFor();
    // The popup opened the database (schema version 2): seed one issue with two items.
    await idb(popup, 'put', { issue: issueRecord, items });
    await popup.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: ChromeApis }).chrome;
      await api.storage.local.set({ currentIssueId: id });
      // Credits are off by default (the house voice links words); this suite checks them on.
      await (api.storage as unknown as { sync: { set(v: object): Promise<void> } }).sync.set({
        houseStyle: { creditStyle: 'parenthesis' },
      });
    }, ISSUE_ID);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('refuses a plain http address other than localhost, before asking for any permission', async () => {
    await options.getByLabel('Adresse du site').fill('http://monsite.fr');
    await options.getByRole('button', { name: 'Tester la connexion' }).click();

    await expect(options.getByTestId('wp-status').innerText()).resolves.toBe(
      publishFailureText('insecure_url', {}, 'fr'),
    );
    await expect(permissionRequests()).resolves.toEqual([]);
  });

  it('tests the connection from the options page and keeps the password in storage.local only', async () => {
    const status = await testConnection(password());

    // Asked during the click, for the site's origin only.
    await expect(permissionRequests()).resolves.toEqual([{ origins: ['http://127.0.0.1/*'] }]);

    // « en tant qu’admin »: que elided before the vowel.
    expect(status).toBe(
      `Connexion réussie à «\u00a0Petit Web\u00a0» en tant qu’${site().adminUser}.`,
    );
    // The test build holds 127.0.0.1 already: the request resolved without a prompt.
    const storage = await options.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: ChromeApis }).chrome;
      return {
        allowed: await api.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
        local: await api.storage.local.get(null),
        sync: await api.storage.sync.get(null),
      };
    });
    expect(storage.allowed).toBe(true);
    expect(storage.local.wordpressPassword).toBe(password());
    expect(storage.local.wordpress).toEqual({
      siteUrl: site().url,
      username: site().adminUser,
      category: 'Indiscrets',
      status: 'draft',
    });
    expectNoSecret(JSON.stringify(storage.sync));
    await options.screenshot({ path: screenshotPath('options.png'), fullPage: true });
  });

  it('publishes the issue as a draft in "Indiscrets", as the paragraph blocks of the export', async () => {
    await popup.reload();
    await popup.getByRole('tab', { name: 'Numéro' }).click();

    await (await publishButton('Publier sur WordPress (brouillon)')).click();

    await expect(publishMessage('Article créé dans WordPress.')).resolves.toContain(
      'L’ouvrir dans WordPress',
    );
    const { issue } = await stored();
    expect(issue.status).toBe('published');
    expect(issue.wordpress?.postId).toBeGreaterThan(0);
    const postId = issue.wordpress!.postId;
    expect(issue.wordpress?.link).toBe(`${site().url}/?p=${postId}`);
    const post = await readPost(postId);
    expect(post.status).toBe('draft');
    expect(post.categories).toEqual([await categoryIdByName('Indiscrets')]);
    expect(post.title.raw).toBe('Les indiscrets du 15 mars');
    expect(paragraphsOf(post.content.raw)).toEqual(
      expectedParagraphs('OVH prépare son entrée en Bourse.'),
    );
    expect(post.content.raw).not.toContain('Note privée');
    expect(post.modified_gmt).toBe(issue.wordpress?.modifiedGmt);
    // Sync off: when, not by whom; the link to the post says its number.
    const { date, time } = publishedWhen(new Date(issue.wordpress!.publishedAt), 'fr');
    await expect(popup.getByTestId('published-by').innerText()).resolves.toBe(
      `Publié le ${date} à ${time}\u00a0— voir l’article`,
    );
    await expect(popup.getByTestId('post-link').getAttribute('title')).resolves.toBe(
      `Article n°\u00a0${postId}`,
    );
    expect(issue.wordpress).not.toHaveProperty('publishedBy');
    // What the post was made from is recorded (the issue's title, date, intro, items' texts and
    // sources, whatever the house style), and the issue is just that: nothing said.
    const { clips } = await stored();
    const inIssue = clips
      .filter((clip) => clip.issueId === issue.id && !clip.deletedAt)
      .sort((x, y) => (x.sortKey < y.sortKey ? -1 : 1));
    expect(issue.wordpress?.digest).toBe(issueDigest(toExportIssue(issue, inIssue)));
    expect(issue.wordpress?.digest).toMatch(/^issue-fnv1a32:[0-9a-f]{8}:\d+$/);
    expect(await popup.getByTestId('post-stale').textContent()).toBe('');
    // As the toolbar popup shows it: 600 px high at most, scrolled down to the publish panel.
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.getByTestId('publish').evaluate((panel) => panel.scrollIntoView({ block: 'end' }));
    await popup.screenshot({ path: screenshotPath('publish.png') });
    await popup.setViewportSize({ width: 420, height: 720 });
  });

  it('updates the same post when the issue is published again', async () => {
    const before = await stored();
    const edited = { ...items[1]!, body: '<p>OVH entrera en Bourse en juin.</p>' };
    await idb(popup, 'put', { items: [{ ...edited, ...deriveFields(edited) }] });
    // Written behind Dexie's back: the popup reads it again, and says the post is out of date.
    await popup.reload();
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    const stale = popup.getByTestId('post-stale');
    await until(
      () => stale.textContent(),
      (said) => said === 'Modifié depuis\u00a0: l’article WordPress n’est plus à jour.',
      'the post said out of date',
    );

    await (await publishButton('Mettre à jour l’article WordPress')).click();

    await publishMessage('Article mis à jour dans WordPress.');
    // Updated: the sentence goes.
    await until(
      () => stale.textContent(),
      (said) => said === '',
      'the post no longer said out of date',
    );
    const { issue } = await stored();
    expect(issue.wordpress?.postId).toBe(before.issue.wordpress?.postId);
    const post = await readPost(issue.wordpress!.postId);
    expect(paragraphsOf(post.content.raw)).toEqual(
      expectedParagraphs('OVH entrera en Bourse en juin.'),
    );
    expect(issue.wordpress?.modifiedGmt).toBe(post.modified_gmt);
  });

  it('asks before overwriting a post edited in WordPress, and overwrites on request', async () => {
    const { issue } = await stored();
    const postId = issue.wordpress!.postId;
    await sleep(1100); // modified_gmt counts seconds
    const edit = await rest('POST', `/wp/v2/posts/${postId}`, {
      content: '<!-- wp:paragraph -->\n<p>Retouché dans WordPress</p>\n<!-- /wp:paragraph -->',
    });
    expect(edit.status).toBe(200);

    await (await publishButton('Mettre à jour l’article WordPress')).click();

    await expect(publishMessage('modifié dans WordPress')).resolves.toContain(
      publishFailureText('conflict', {}, 'fr'),
    );
    expect(paragraphsOf((await readPost(postId)).content.raw)).toEqual([
      '<p>Retouché dans WordPress</p>',
    ]);
    await popup.getByRole('button', { name: 'Écraser la version de WordPress' }).click();
    await publishMessage('Article mis à jour dans WordPress.');
    const post = await readPost(postId);
    expect(paragraphsOf(post.content.raw)).toEqual(
      expectedParagraphs('OVH entrera en Bourse en juin.'),
    );
    expect((await stored()).issue.wordpress).toMatchObject({
      postId,
      modifiedGmt: post.modified_gmt,
    });
  });

  it('offers a new post when the post was deleted in WordPress, and creates it', async () => {
    const oldId = (await stored()).issue.wordpress!.postId;
    expect((await rest('DELETE', `/wp/v2/posts/${oldId}?force=true`)).status).toBe(200);

    await (await publishButton('Mettre à jour l’article WordPress')).click();

    await expect(publishMessage('supprimé')).resolves.toContain(
      publishFailureText('deleted', {}, 'fr'),
    );
    await popup.getByRole('button', { name: 'Créer un nouvel article' }).click();
    await publishMessage('Article créé dans WordPress.');
    const { issue } = await stored();
    expect(issue.wordpress?.postId).not.toBe(oldId);
    const post = await readPost(issue.wordpress!.postId);
    expect(post.status).toBe('draft');
    expect(paragraphsOf(post.content.raw)).toEqual(
      expectedParagraphs('OVH entrera en Bourse en juin.'),
    );
  });

  it('names a wrong password, loses nothing when publishing fails, and retries once fixed', async () => {
    const before = await stored();
    const postBefore = await readPost(before.issue.wordpress!.postId);

    // WordPress answers a wrong application password as it answers no credentials at all; the
    // companion plugin (0.1.9) says the header reached PHP: the password was refused.
    await expect(testConnection(WRONG_PASSWORD)).resolves.toBe(
      publishFailureText('wrong_credentials', {}, 'fr'),
    );
    await popup.reload();
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await (await publishButton('Mettre à jour l’article WordPress')).click();

    await expect(publishMessage('refusé')).resolves.toContain(
      publishFailureText('wrong_credentials', {}, 'fr'),
    );
    expect(await stored()).toEqual(before);
    expect((await readPost(postBefore.id)).modified_gmt).toBe(postBefore.modified_gmt);
    expectNoSecret(await popup.locator('body').innerText(), WRONG_PASSWORD);
    expectNoSecret(await options.content(), WRONG_PASSWORD);

    await expect(testConnection(password())).resolves.toMatch(/^Connexion réussie/);
    await (await publishButton('Mettre à jour l’article WordPress')).click();
    await publishMessage('Article mis à jour dans WordPress.');
    expect((await stored()).issue.wordpress?.postId).toBe(postBefore.id);
  });

  it('keeps the password out of the pages, the exported files and the console', async () => {
    const exported: string[] = [];
    for (const format of ['json', 'html', 'wordpress']) {
      await popup
        .getByRole('combobox', { name: t('export.format', {}, 'fr') })
        .selectOption(format);
      const [download] = await Promise.all([
        popup.waitForEvent('download'),
        popup.getByRole('button', { name: 'Télécharger' }).click(),
      ]);
      exported.push(await readFile((await download.path())!, 'utf8'));
    }

    expect(JSON.parse(exported[0]!)).toMatchObject({
      issue: { title: 'Les indiscrets du 15 mars' },
    });
    expect(exported[1]).toContain('Bloomberg');
    expect(exported[2]).toContain('<!-- wp:paragraph -->');
    for (const file of exported) expectNoSecret(file);
    for (const page of [options, popup]) {
      expectNoSecret(await page.locator('body').innerText());
      expectNoSecret(await page.content());
    }
    // The capture itself works, for the pages and the background.
    await popup.evaluate(() => console.info('probe: popup console'));
    await session.context
      .serviceWorkers()[0]!
      .evaluate(() => console.info('probe: worker console'));
    await sleep(200);
    expect(consoleLines).toContain('probe: popup console');
    expect(consoleLines).toContain('probe: worker console');
    expectNoSecret(consoleLines.join('\n'));
    expectNoSecret(consoleLines.join('\n'), WRONG_PASSWORD);
  });
});
