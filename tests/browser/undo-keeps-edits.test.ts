import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clipFixture,
  launchExtension,
  openDesk,
  openPopup,
  servePages,
  squash,
  until,
  type ExtensionSession,
  type PageServer,
} from './harness';

/**
 * « Annuler » keeps what was written since the action, in another view: the popup's editor, open
 * on a draft the desk trashed, says that what is written there stays with the draft; undoing
 * the trash from the desk brings it back with those words, stored and in the editor still open
 * (a review found them written over by the draft as it was before the trash).
 */

/** A draft read straight from IndexedDB in an extension page. */
function storedDraft(page: Page, id: string) {
  return page.evaluate(
    (key) =>
      new Promise<{ body: string; deletedAt?: string }>((resolve, reject) => {
        const open = indexedDB.open('indiscrets');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('clips').objectStore('clips').get(key);
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result as { body: string; deletedAt?: string });
          };
          get.onerror = () => reject(get.error);
        };
      }),
    id,
  );
}

/** The id of the only draft whose title is `title`. */
function draftIdOf(page: Page, title: string) {
  return page.evaluate(
    (wanted) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('indiscrets');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('clips').objectStore('clips').getAll();
          all.onsuccess = () => {
            open.result.close();
            const found = (all.result as { id: string; title: string }[]).find(
              (draft) => draft.title === wanted,
            );
            if (found) resolve(found.id);
            else reject(new Error(`No draft titled ${wanted}`));
          };
          all.onerror = () => reject(all.error);
        };
      }),
    title,
  );
}

describe('undo keeps what another view wrote since, in Chromium', () => {
  let session: ExtensionSession;
  let server: PageServer;
  let title: string;

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    title = await clipFixture(session, server, 'lemonde-1', 'h1');
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const saved = (page: Page) =>
    until(
      () => page.getByTestId('save-state').textContent(),
      (text) => text === 'Enregistré',
      'the editor to be saved',
    );

  async function typeAtEnd(page: Page, words: string) {
    const text = page.getByTestId('draft-editor').getByTestId('item-text');
    await text.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(words, { delay: 10 });
  }

  it('undoes in the desk a trash made there, keeping what the popup typed in the draft since', async () => {
    const popup = await openPopup(session);
    const desk = await openDesk(session);
    for (const page of [popup, desk]) {
      await page.getByRole('button', { name: title, exact: true }).first().click();
      await page.getByTestId('draft-editor').getByTestId('item-text').waitFor();
    }
    const id = await draftIdOf(desk, title);
    await typeAtEnd(popup, ' AVANT');
    await saved(popup);
    await until(
      () => storedDraft(desk, id),
      (draft) => draft.body.includes('AVANT'),
      '« AVANT » stored',
    );

    // The desk trashes it; the popup's editor stays open on it, and says what it keeps.
    await desk
      .getByTestId('draft-editor')
      .getByRole('button', { name: /^Supprimer/ })
      .first()
      .click();
    const notice = popup.getByTestId('draft-trashed');
    await notice.waitFor();
    expect(squash(await notice.textContent())).toContain(
      'Ce que vous y écrivez reste enregistré avec lui',
    );
    await typeAtEnd(popup, ' PENDANT');
    await until(
      () => storedDraft(desk, id),
      (draft) => draft.body.includes('AVANT PENDANT') && !!draft.deletedAt,
      '« PENDANT » stored in the trashed draft',
    );
    await saved(popup);

    await desk.getByTestId('undo-bar').getByRole('button', { name: 'Annuler' }).click();

    const back = await until(
      () => storedDraft(desk, id),
      (draft) => !draft.deletedAt,
      'the draft out of the trash',
    );
    expect(back.body).toContain('AVANT PENDANT');
    // The popup's editor, still open, shows the draft back, with what was typed in it.
    await notice.waitFor({ state: 'detached' });
    const shown = squash(
      await popup.getByTestId('draft-editor').getByTestId('item-text').textContent(),
    );
    expect(shown).toContain('AVANT PENDANT');
    expect((await storedDraft(desk, id)).body).toContain('AVANT PENDANT');
    await popup.close();
    await desk.close();
  });
});
