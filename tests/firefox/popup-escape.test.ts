import { describe, it } from 'vitest';
import { readDatabase } from '../browser/database';
import { type PageServer, until } from '../browser/harness';
import { clickButton, clipFromPopup, type FirefoxSession, inFirefox } from './harness';

/**
 * Escape in the popup's draft editor (be41be5), in Firefox: a tag typed and not yet added (no
 * Enter, no comma) is saved, as « ← Retour »'s click saves it. The tags field adds what it holds
 * when left; Firefox tells no field removed with the editor (Chromium does), and the tag was lost.
 */
interface StoredClip {
  id: string;
  title: string;
  tags: string[];
}

describe('the popup editor’s Escape, in Firefox', () => {
  let session: FirefoxSession;
  let server: PageServer;
  inFirefox((launched) => ({ session, server } = launched));
  it('saves a tag typed and not yet added', async () => {
    const article = await session.openUrl(server.fixture('lemonde-1'));
    const clipped = await clipFromPopup(session, article);
    await article.close();
    const draft = (
      await readDatabase<{ clips: StoredClip[]; issues: Array<{ id: string }> }>(clipped)
    ).clips[0]!;
    await clipped.close();
    const popup = await session.openExtensionPage('popup.html');
    await clickButton(popup, draft.title);
    await popup.waitForSelector('input[placeholder="Ajouter un tag"]');
    await popup.focus('input[placeholder="Ajouter un tag"]');
    await popup.keyboard.type('élection');
    await popup.keyboard.press('Escape');
    // Back to the drafts, the keyboard on the draft just closed.
    await until(
      () =>
        popup.evaluate(() =>
          document.querySelector('[data-testid="draft-editor"]')
            ? null
            : (document.activeElement?.querySelector('.draft__title')?.textContent ?? ''),
        ),
      (focused) => focused === draft.title,
      'the list, the keyboard on the draft',
    );
    await until(
      async () =>
        (await readDatabase<{ clips: StoredClip[]; issues: Array<{ id: string }> }>(popup))
          .clips[0]!.tags,
      (tags) => tags.includes('élection'),
      'the tag stored',
    );
  });
});
