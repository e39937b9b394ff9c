import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, servePages, type ExtensionSession, type PageServer } from './harness';
import { readDatabase } from './database';

/**
 * Code selected in GitHub's file view, clipped in Chromium with the built extension: the page
 * draws the file's lines apart and lays a transparent read-only text area over them
 * (`#read-only-cursor-text-area`), where the editor's selection is made; the page's own
 * selection is then collapsed. tests/browser/pages/github-blob.html is shaped so (no network).
 */
describe('clipping code from GitHub’s file view in Chromium', () => {
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

  it('quotes the lines selected in its text area as code, line by line', async () => {
    const page = await session.context.newPage();
    await page.goto(server.page('github-blob.html'));
    // As an editor does: the mouse dragged from the file's first line to past its last (the text
    // area laid over the lines takes it).
    const box = (await page.getByRole('textbox', { name: 'file content' }).boundingBox())!;
    await page.mouse.move(box.x + 1, box.y + 5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 5, box.y + box.height - 2, { steps: 5 });
    await page.mouse.up();
    const selected = await page.evaluate(() => {
      const area = document.activeElement as HTMLTextAreaElement;
      return area.value.slice(area.selectionStart, area.selectionEnd);
    });
    expect(selected).toContain('return x * 2');

    const tabId = await session.tabIdOf(page.url());
    const popup = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Couper cette page' }).click();
    await popup.getByTestId('clip-message').filter({ hasText: /\S/ }).waitFor();

    const { clips } = await readDatabase<{
      clips: { id: string; url: string; body: string; quotes: { text: string; html: string }[] }[];
      issues: { id: string }[];
    }>(popup);
    const draft = clips.find((clip) => clip.url === page.url());
    expect(draft?.quotes).toHaveLength(1);
    expect(draft?.quotes).toMatchObject([
      {
        text: "def double(x):\nreturn x * 2\n\n# l'exemple s'arrête là",
        html: '<code>def double(x):<br> return x * 2<br><br># l&#39;exemple s&#39;arrête là</code>',
      },
    ]);
    // The item's text marks it as words in no language: no French typography in it.
    expect(draft?.body).toContain('<span lang="zxx">def double(x):');
    await popup.close();
    await page.close();
  });
});
