import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clipFixture,
  launchExtension,
  servePages,
  until,
  type ExtensionSession,
  type PageServer,
} from './harness';
import { readDatabase, type StoredTables } from './database';

/**
 * The extension pages run under a strict content security policy (wxt.config.ts): they must
 * load and work without the browser refusing anything.
 */
describe('the extension pages under their content security policy', () => {
  let session: ExtensionSession;
  let server: PageServer;
  /** What Chromium refused, per page: its console reports each refusal. */
  const refusals: string[] = [];

  const watch = (page: Page, name: string) =>
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) {
        refusals.push(`${name}: ${message.text()}`);
      }
    });

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
    await clipFixture(session, server, 'lemonde-1', 'h1');
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('declares the policy in the manifest', async () => {
    const page = await session.openExtensionPage('popup.html');
    const csp = await page.evaluate(async () => {
      const response = await fetch('/manifest.json');
      const manifest = (await response.json()) as {
        content_security_policy?: { extension_pages?: string };
      };
      return manifest.content_security_policy?.extension_pages ?? '';
    });
    await page.close();
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/connect-src 'self' https: http:\/\/localhost:\* http:\/\/127\.0\.0\.1:\*/);
  });

  it('loads the popup, the desk and the options with nothing refused', async () => {
    for (const name of ['popup.html', 'desk.html', 'options.html']) {
      const page = await session.context.newPage();
      watch(page, name);
      await session.openExtensionPage(name, page);
      await page.waitForLoadState('networkidle');
      if (name === 'desk.html') {
        // The editor, the issue view and its preview: the richest page, working.
        await page.getByTestId('draft').first().getByRole('button').first().click();
        await page.getByTestId('draft-editor').waitFor();
      }
      await page.close();
    }
    expect(refusals).toEqual([]);
  });

  it('does refuse what the policy forbids (the check above can fail)', async () => {
    const page = await session.context.newPage();
    watch(page, 'probe');
    await session.openExtensionPage('popup.html', page);
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.innerHTML = '<span style="color: red">x</span>';
      document.body.append(box);
    });
    await until(
      async () => refusals.length,
      (count) => count > 0,
      'the inline style to be refused',
    );
    expect(refusals.join('\n')).toMatch(/style/);
    await page.close();
  });
  /**
   * Every error `page` logs, whoever logs it: the session's own check counts only the
   * extension's (« Indiscrets … »), not the browser's refusals.
   */
  const everyError = (page: Page) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    return errors;
  };

  /** HTML with event handlers, as a backup or a paste may bring them: cleaned, never run. */
  const HOSTILE = [
    '<p>a <img src=x onerror="window.__p=1"></p>',
    '<p>a <b onclick="window.__p=1">b</b> <span style="font-weight:700">c</span></p>',
    '<p>a</p><svg onload="window.__p=2"><script>window.__p=6</script></svg>',
  ];

  it('restores drafts whose text and quotes have event handlers with no error on the page', async () => {
    const page = await session.context.newPage();
    const errors = everyError(page);
    await session.openExtensionPage('options.html', page);
    const at = '2026-03-10T08:00:00.000Z';
    const clips = HOSTILE.map((html, index) => ({
      id: `hostile-${index}`,
      url: `https://exemple.fr/hostile-${index}`,
      title: `Hostile ${index}`,
      createdAt: at,
      body: html,
      quotes: [{ text: 'q', html, clippedAt: at }],
    }));
    const backup = { format: 'indiscrets-backup', version: 1, exportedAt: at, clips, issues: [] };
    const card = page.getByTestId('backup-settings');
    await card.getByTestId('backup-file').setInputFiles({
      name: 'hostile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup)),
    });
    await card.getByTestId('backup-summary').getByRole('button', { name: 'Fusionner' }).click();
    await until(
      async () => (await card.getByTestId('backup-status').textContent()) ?? '',
      (text) => text.includes('fusionnée'),
      'the restore',
    );

    const stored =
      await readDatabase<StoredTables<{ id: string; body: string }, { id: string }>>(page);
    const hostile = stored.clips.filter((clip) => clip.id.startsWith('hostile-'));
    expect(hostile).toHaveLength(3);
    for (const clip of hostile) expect(clip.body).not.toMatch(/on[a-z]+=|__p|svg|img/);
    expect(await page.evaluate(() => (window as { __p?: number }).__p)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes a paste with event handlers into an item’s text with no error on the page', async () => {
    const page = await session.context.newPage();
    const errors = everyError(page);
    await session.openExtensionPage('desk.html', page);
    await page.getByTestId('draft').first().getByRole('button').first().click();
    const area = page.getByTestId('draft-editor').getByTestId('item-text');
    await area.click();
    await area.press('End');
    await area.evaluate((el, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'a b c');
      el.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, HOSTILE.join(''));
    await until(
      async () => (await area.innerHTML()) ?? '',
      (html) => html.includes('<strong>b c</strong>'),
      'the paste',
    );

    expect(await area.innerHTML()).not.toMatch(/on[a-z]+=|__p|svg|img/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
