import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabase, SHARED_DESK_STATE, syncConflict, syncedDraft } from './database';
import { launchSeeded, openDesk, openPopup, squash, until, type ExtensionSession } from './harness';

/**
 * « Annuler » after « Prendre l’autre » in the shared desk's conflict box keeps what the editor
 * wrote since the choice, in another view: the popup open on the draft beside the desk. The
 * undo used to write the editor's text from before the choice over the draft, and the words
 * typed since were lost; now the editor's own paragraph comes back and those words stay, stored
 * and in the popup's editor, and the box is back with that text as « Votre version ». Typed in
 * the very paragraph the choice changed, the text holds both: the words since, then the
 * editor's own paragraph, and the bar asks to read it over. No WordPress needed: the conflict
 * is written into IndexedDB as a sync leaves it.
 */

const ID = 'conflict-undo-draft';
const TITLE = 'Le ministre et Bercy';
const MINE = '<p>Le ministre dîne à Bercy.</p><p>Il dément.</p>';
const THEIRS = '<p>Le ministre déjeune à Bercy.</p><p>Il dément.</p>';

function seeded() {
  const now = new Date().toISOString();
  return {
    clips: [{ ...syncedDraft({ id: ID, title: TITLE, second: 1 }), body: MINE }],
    syncState: [SHARED_DESK_STATE],
    conflicts: [
      syncConflict('draft', ID, TITLE, [{ field: 'body', base: '', mine: MINE, theirs: THEIRS }]),
    ],
    // Held until the editor chooses, as the sync holds a conflict it finds.
    outbox: [
      {
        key: `draft:${ID}`,
        kind: 'draft',
        recordId: ID,
        op: 'upsert',
        queuedAt: now,
        seq: 1,
        attempts: 0,
        blocked: 'conflict',
      },
    ],
  };
}

/** The draft's text as stored. */
async function storedBody(page: Page): Promise<string | undefined> {
  const { clips } = await readDatabase<{
    clips: Array<{ id: string; body: string }>;
    issues: Array<{ id: string }>;
  }>(page);
  return clips.find((clip) => clip.id === ID)?.body;
}

/**
 * The popup open on the draft, the desk beside it takes the other version; the popup's editor
 * shows it, its bar the desk's « Annuler », held there by the pointer while the editor types.
 */
async function takenInTheDesk(session: ExtensionSession) {
  const popup = await openPopup(session);
  await popup.getByRole('button', { name: TITLE, exact: true }).first().click();
  const text = popup.getByTestId('draft-editor').getByTestId('item-text');
  await text.waitFor();

  const desk = await openDesk(session);
  const box = desk.getByTestId('sync-conflict').filter({ hasText: `«\u00a0${TITLE}\u00a0»` });
  await box.getByRole('button', { name: 'Prendre l’autre\u00a0: Texte de l’indiscret' }).click();
  await box.waitFor({ state: 'detached' });
  await until(
    () => storedBody(desk),
    (body) => body === THEIRS,
    'the other version stored',
  );
  await until(
    async () => squash(await text.textContent()),
    (shown) => shown.includes('déjeune'),
    'the other version in the popup',
  );
  const bar = popup.getByTestId('undo-bar');
  await bar.waitFor();
  await text.click();
  return { popup, desk, text, bar };
}

/** Types `words` in the popup's editor, the pointer on the bar, and waits for them stored. */
async function typeInPopup(popup: Page, bar: Locator, words: string): Promise<void> {
  await bar.hover();
  await popup.keyboard.type(words, { delay: 10 });
  await until(
    () => popup.getByTestId('save-state').textContent(),
    (state) => state === 'Enregistré',
    'the popup’s editor to be saved',
  );
  await until(
    () => storedBody(popup),
    (body) => !!body?.includes(words.trim()),
    'the words typed since stored',
  );
}

/** The box back in the desk: what it shows as « Votre version ». */
async function boxBack(desk: Page, wanted: (mine: string) => boolean): Promise<void> {
  const again = desk.getByTestId('sync-conflict').filter({ hasText: `«\u00a0${TITLE}\u00a0»` });
  await until(
    async () => squash((await again.getByTestId('conflict-mine').allTextContents()).join(' ')),
    wanted,
    'the box back with the text as it is now',
  );
}

describe('undo of « Prendre l’autre » keeps what another view wrote since, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seeded);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('keeps the words the popup typed since the desk took the other version, and gives the editor’s paragraph back', async () => {
    const { popup, desk, text, bar } = await takenInTheDesk(session);
    // At the end of the text: a paragraph the choice did not change.
    await popup.keyboard.press('Control+End');
    await typeInPopup(popup, bar, ' Démenti mardi.');

    await bar.getByRole('button', { name: 'Annuler' }).click();

    const back = await until(
      () => storedBody(popup),
      (body) => !!body?.includes('dîne'),
      'the editor’s own paragraph back',
    );
    expect(back).toBe('<p>Le ministre dîne à Bercy.</p><p>Il dément. Démenti mardi.</p>');
    await until(
      async () => squash(await text.textContent()),
      (shown) => shown.includes('dîne') && shown.includes('Démenti mardi.'),
      'both in the popup’s editor, still open',
    );
    // The box is back in the desk, the text as it now is on the editor's side.
    await boxBack(desk, (mine) => mine.includes('dîne') && mine.includes('Démenti mardi.'));
    await popup.close();
    await desk.close();
  });
});

describe('undo of « Prendre l’autre » keeps both versions of a paragraph written in since, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seeded);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('keeps the words typed since in the paragraph the choice changed, then the editor’s own, and says to read it over', async () => {
    const { popup, desk, text, bar } = await takenInTheDesk(session);
    // At the end of the first paragraph: the one the choice changed.
    await popup.keyboard.press('Control+Home');
    await popup.keyboard.press('End');
    await typeInPopup(popup, bar, ' Avec un patron.');

    await bar.getByRole('button', { name: 'Annuler' }).click();

    const back = await until(
      () => storedBody(popup),
      (body) => !!body?.includes('dîne'),
      'the editor’s own paragraph back',
    );
    expect(back).toBe(
      '<p>Le ministre déjeune à Bercy. Avec un patron.</p><p>Le ministre dîne à Bercy.</p><p>Il dément.</p>',
    );
    await until(
      async () => squash(await bar.textContent()),
      (said) =>
        said.includes(
          `Choix annulé. Ce que vous avez écrit depuis et votre version d’avant sont tous deux dans « ${TITLE} » (Texte de l’indiscret) : relisez-le.`,
        ),
      'the bar saying both are in the text',
    );
    await until(
      async () => squash(await text.textContent()),
      (shown) => shown.includes('Avec un patron.') && shown.includes('dîne'),
      'both in the popup’s editor, still open',
    );
    await boxBack(desk, (mine) => mine.includes('Avec un patron.') && mine.includes('dîne'));
    await popup.close();
    await desk.close();
  });
});
