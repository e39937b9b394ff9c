import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDraft, readDatabase, writeDatabase } from './database';
import {
  launchExtension,
  servePages,
  until,
  type ExtensionSession,
  type PageServer,
} from './harness';

/**
 * Every Chromium session fails at its close when the extension logged an error no test expected
 * (tests/browser/harness.ts). That check holds only if the errors reach it: proven here, from an
 * extension page, its service worker and a script error, while a page the extension clips is
 * not held against it.
 */
describe('the Chromium harness’s watch over the extension’s errors', () => {
  let session: ExtensionSession;
  let server: PageServer;

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('sees an extension page’s own error, an uncaught one, and the service worker’s', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await popup.evaluate(() => console.error('Indiscrets harness check', new Error('page')));
    await popup.evaluate(() => setTimeout(() => Promise.reject(new Error('harness uncaught'))));
    const worker = session.context.serviceWorkers()[0]!;
    await worker.evaluate(() => console.error('Indiscrets harness check from the worker'));

    const errors = await until(
      async () => session.extensionErrors(),
      (found) => found.length >= 3,
      'the three errors',
    );

    // In the order they reach the test, which is not always the order they were logged in.
    expect(errors).toHaveLength(3);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/popup\.html: Indiscrets harness check Error: page/),
        expect.stringMatching(/popup\.html: .*harness uncaught/),
        expect.stringMatching(/background\.js: Indiscrets harness check from the worker/),
      ]),
    );
    await popup.close();
    // They were on purpose: the session's close must not fail for them.
    session.expectErrors(/Indiscrets harness check|harness uncaught/);
  });

  it('leaves out what a page the extension reads logs', async () => {
    const page = await session.context.newPage();
    await page.goto(server.page('two-paragraphs.html'));
    await page.evaluate(() => console.error('Indiscrets in a page of the web'));
    // Logged after it: once this one is seen, the first would have been too.
    const popup = await session.openExtensionPage('popup.html');
    await popup.evaluate(() => console.error('Indiscrets harness check, second'));
    const errors = await until(
      async () => session.extensionErrors(),
      (found) => found.some((error) => error.includes('second')),
      'the extension page’s error',
    );
    await Promise.all([page.close(), popup.close()]);

    expect(errors.filter((error) => error.includes('a page of the web'))).toEqual([]);
  });
});

/**
 * A suite seeds the database from a page it has just opened (launchSeeded), while the extension
 * makes its database only as its background or popup first reads: on a slow machine the seed
 * comes first. It must wait for the extension's database, not make an empty one of its own that
 * the extension then stumbles on: the clean-clone CI's taken-out suite once never got past its
 * set-up. Shown in a page of 127.0.0.1, whose origin no extension code opens a database in: the
 * test makes it, as the extension would, when it chooses.
 */
describe('the harness’s writes into a database not made yet', () => {
  let session: ExtensionSession;
  let server: PageServer;

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('waits for the database to be made, makes none itself, then writes into it', async () => {
    const page = await session.context.newPage();
    await page.goto(server.page('two-paragraphs.html'));

    let written = false;
    const writing = writeDatabase(page, {
      clips: [localDraft({ id: 'early', title: 'Écrit avant la base' })],
    }).then(() => (written = true));
    // Long enough for a write that did not wait to have made a database and failed in it.
    await page.waitForTimeout(500);
    expect(written).toBe(false);
    expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);

    // Made as the extension makes it: at its version, with its tables.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('indiscrets', 50);
          request.onupgradeneeded = () => {
            request.result.createObjectStore('clips', { keyPath: 'id' });
            request.result.createObjectStore('issues', { keyPath: 'id' });
          };
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
    );
    await writing;

    const { clips } = await readDatabase<{ clips: { id: string }[]; issues: [] }>(page);
    expect(clips.map((clip) => clip.id)).toEqual(['early']);
    expect(await page.evaluate(() => indexedDB.databases())).toEqual([
      { name: 'indiscrets', version: 50 },
    ]);
  });
});
