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
});
