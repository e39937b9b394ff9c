import { describe, expect, it } from 'vitest';
import type { PageServer } from '../browser/harness';
import { readDatabase } from '../browser/database';
import { clipFromPopup, expectNoExtensionErrors, inFirefox, type FirefoxSession } from './harness';

/**
 * Code selected in GitHub's file view, clipped in Firefox: the selection is in the read-only
 * text area laid over the lines drawn (tests/browser/pages/github-blob.html), where the page's
 * own selection does not hold it (tests/browser/clip-code.test.ts for Chromium).
 */
describe('clipping code from GitHub’s file view in Firefox (MV2)', () => {
  let session: FirefoxSession;
  let server: PageServer;

  inFirefox((launched) => ({ session, server } = launched));

  it('quotes the lines selected in its text area as code, line by line', async () => {
    const page = await session.openUrl(server.page('github-blob.html'));
    await page.evaluate(() => {
      const area = document.querySelector('textarea')!;
      area.focus();
      area.setSelectionRange(0, area.value.length);
    });

    const popup = await clipFromPopup(session, page);

    const { clips } = await readDatabase<{
      clips: { id: string; url: string; quotes: { text: string; html: string }[] }[];
      issues: { id: string }[];
    }>(popup);
    const draft = clips.find((clip) => clip.url === page.url());
    expect(draft?.quotes).toHaveLength(1);
    expect(draft?.quotes[0]).toMatchObject({
      text: "def double(x):\nreturn x * 2\n\n# l'exemple s'arrête là",
      html: '<code>def double(x):<br> return x * 2<br><br># l&#39;exemple s&#39;arrête là</code>',
    });
    await popup.close();
    await page.close();
  });

  it('logged no error from any extension page or the background', () => {
    expectNoExtensionErrors(session);
  });
});
