import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDesk, syncedDraft } from './database';
import { launchSeeded, openPopup, until, type ExtensionSession } from './harness';

/**
 * Two editors clipped one page offline, each into a draft of their own, and the sync brought
 * both: in real Chromium, the row of each says who has the other and opens it, and the editor
 * merges the colleague's into the editor's own, undoably. The desk is shared as the sync leaves
 * it (its state and the drafts' marks written into IndexedDB): no WordPress is needed, and the
 * sync runs meet no settings and change nothing.
 */

const PAGE = 'https://news.test/le-ministre-part';

/** Rédac's draft of the page and Pigiste's. */
const seeded = () =>
  sharedDesk([
    syncedDraft({
      id: 'redac',
      url: PAGE,
      title: 'Le ministre part',
      second: 1,
      text: 'Texte de Rédac',
    }),
    syncedDraft({
      id: 'pigiste',
      url: PAGE,
      title: 'Le ministre s’en va',
      by: 'Pigiste',
      second: 2,
      text: 'Texte de Pigiste',
    }),
  ]);

describe('a page two editors clipped, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seeded);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('says so on the rows, opens the other draft, and merges it undoably', async () => {
    const popup = await openPopup(session);
    const theirs = popup.getByTestId('draft').filter({ hasText: 'Le ministre s’en va' });
    const mine = popup.getByTestId('draft').filter({ hasText: 'Le ministre part' });
    await expect(mine.getByTestId('page-twin').innerText()).resolves.toContain(
      'Pigiste a aussi un brouillon de cette page.',
    );
    await expect(theirs.getByTestId('page-twin').innerText()).resolves.toContain(
      'Vous avez aussi un brouillon de cette page.',
    );

    // From the colleague's row to the editor's own draft, where the merge is.
    await theirs.getByRole('button', { name: /^Ouvrir l’autre brouillon/ }).click();
    const editor = popup.getByTestId('draft-editor');
    await expect(
      editor.getByLabel('Titre du brouillon', { exact: true }).inputValue(),
    ).resolves.toBe('Le ministre part');
    const notice = editor.getByTestId('page-twin');
    await expect(notice.innerText()).resolves.toContain(
      'Pigiste a aussi un brouillon de cette page.',
    );
    await notice.getByRole('button', { name: 'Le fusionner dans celui-ci' }).click();

    await notice.waitFor({ state: 'detached' });
    const bar = popup.getByTestId('undo-bar');
    await expect(bar.innerText()).resolves.toContain(
      'Fusionné dans «\u00a0Le ministre part\u00a0».',
    );
    const text = editor.locator('[contenteditable="true"]').first();
    await until(
      () => text.innerText(),
      (body) => body.includes('Texte de Rédac') && body.includes('Texte de Pigiste'),
      'both texts in the merged draft',
    );
    await bar.getByRole('button', { name: 'Annuler' }).click();
    // Both drafts are back, shown in « Brouillons » as any undone merge, each with the hint.
    await expect(theirs.getByTestId('page-twin').innerText()).resolves.toContain(
      'Vous avez aussi un brouillon de cette page.',
    );
    await expect(mine.getByTestId('page-twin').innerText()).resolves.toContain(
      'Pigiste a aussi un brouillon de cette page.',
    );
    await popup.close();
  });
});
