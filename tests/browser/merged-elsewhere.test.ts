import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDesk, syncedDraft, type SyncedDraft } from './database';
import { launchSeeded, openDesk, squash, until, type ExtensionSession } from './harness';

/**
 * The shared desk as the sync leaves it, in real Chromium (its state and the drafts' marks
 * written into IndexedDB: no WordPress is needed, and the sync runs meet no settings):
 * - a draft Rédac merged into another that has not reached this browser yet says so in the
 *   trash, and names that draft, with « Ouvrir », as soon as it arrives (here from a backup
 *   merged in the options page, another tab: no sync, no reload); one merged into a draft the
 *   desk said it no longer has says that; one merged into a draft in the trash too says that,
 *   and « Ouvrir » opens that draft there, to be restored;
 * - a draft greyed by a colleague's lock that a merge check found (a mark that lapses) takes
 *   drops again once the mark lapses, without a sync.
 */

const Y_ID = 'f0f0f0f0-0000-4000-8000-000000000001';
/** A draft the desk answered it no longer has (deleted for good). */
const GONE_ID = 'f0f0f0f0-0000-4000-8000-000000000002';
/** A draft in the trash too (found there on the desk, or trashed since). */
const TRASHED_ID = 'f0f0f0f0-0000-4000-8000-000000000003';

/** How long the lock mark of « Le port est fermé » lasts from the seed. */
const LOCK_LAPSE_MS = 12_000;

/** `draft` as the sync leaves it once Rédac put it in the trash (merging it: `desk.mergedInto`). */
const trashedByRedac = (draft: SyncedDraft) => ({
  ...syncedDraft({ ...draft, desk: { trashedBy: 'Rédac', ...draft.desk } }),
  deletedAt: new Date().toISOString(),
});

/**
 * The drafts: X merged into Y (not here), V merged into a draft the desk no longer has, U merged
 * into T (in the trash too), W, and Z with a colleague's lock lapsing at `lapse`.
 */
function seeded(lapse: number) {
  return sharedDesk([
    trashedByRedac({
      id: 'merged-x',
      title: 'Le yacht du ministre',
      second: 1,
      desk: { mergedInto: Y_ID },
    }),
    trashedByRedac({
      id: 'merged-v',
      title: 'La vedette du ministre',
      second: 5,
      desk: { mergedInto: GONE_ID, mergedIntoGone: true },
    }),
    trashedByRedac({
      id: 'merged-u',
      title: 'Le voilier du ministre',
      second: 6,
      desk: { mergedInto: TRASHED_ID },
    }),
    trashedByRedac({ id: TRASHED_ID, title: 'Le ministre et le voilier', second: 7 }),
    syncedDraft({ id: 'source-w', title: 'Le ministre part', second: 2 }),
    syncedDraft({
      id: 'locked-z',
      title: 'Le port est fermé',
      second: 3,
      desk: {
        lock: {
          by: 'Auteur',
          userId: 4,
          since: new Date(lapse - 60_000).toISOString(),
          expires: new Date(lapse).toISOString(),
        },
      },
    }),
  ]);
}

describe('the shared desk’s gaps, in Chromium', () => {
  let session: ExtensionSession;
  let lapse: number;

  beforeAll(async () => {
    session = await launchSeeded(() => seeded((lapse = Date.now() + LOCK_LAPSE_MS)));
  });

  afterAll(async () => {
    await session?.close();
  });

  /** The desk shown on its trash, and what the row of draft `title` says of its merge. */
  async function trashRow(title: string) {
    const desk = await openDesk(session);
    await desk.getByRole('combobox', { name: 'Où chercher' }).selectOption('trash');
    const row = desk.getByTestId('draft').filter({ hasText: title }).first();
    return { desk, said: row.getByTestId('merged-into') };
  }

  /** Waits until `said` says `text` (spaces folded), as `what`. */
  const saysSoon = (said: Locator, text: string, what: string) =>
    until(
      async () => squash(await said.innerText()),
      (seen) => seen === text,
      what,
    );

  it('a draft greyed by a lock mark takes drops again once the mark lapses, without a sync', async () => {
    const desk = await openDesk(session);
    const row = (title: string) => desk.getByTestId('draft').filter({ hasText: title }).first();
    const target = row('Le port est fermé');
    await target.getByTestId('desk-lock').waitFor();
    expect(Date.now()).toBeLessThan(lapse);

    await target.getByTestId('desk-lock').waitFor({ state: 'detached', timeout: 30_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(lapse);
    await row('Le ministre part').dragTo(target);

    const bar = desk.getByTestId('undo-bar');
    await until(
      async () => squash(await bar.textContent()),
      (text) => text.startsWith('Fusionné dans « Le port est fermé ».'),
      'the merge in the undo bar',
    );
    await desk.close();
  }, 60_000);

  it('says in the trash that a draft was merged into one not here yet, then names it with « Ouvrir » as soon as it arrives', async () => {
    const { desk, said } = await trashRow('Le yacht du ministre');
    await said.waitFor();
    expect(await said.innerText()).toBe(
      'Rédac l’a fusionné dans un autre brouillon, pas encore arrivé ici.',
    );
    expect(await said.getByRole('button').count()).toBe(0);

    // Y arrives, written in another tab (a backup merged in the options page): the row,
    // neither reloaded nor synced, names it.
    const options = await session.context.newPage();
    await session.openExtensionPage('options.html', options);
    await options.getByTestId('backup-settings').waitFor();
    const backup = {
      format: 'indiscrets-backup',
      version: 1,
      schemaVersion: 5,
      clips: [
        {
          ...syncedDraft({ id: Y_ID, title: 'Le ministre et le yacht', second: 4 }),
          desk: undefined,
        },
      ],
      issues: [],
      settings: {},
    };
    const [chooser] = await Promise.all([
      options.waitForEvent('filechooser'),
      options.getByRole('button', { name: 'Restaurer une sauvegarde…' }).click(),
    ]);
    await chooser.setFiles({
      name: 'y.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(backup), 'utf8'),
    });
    await options.getByTestId('backup-summary').getByRole('button', { name: 'Fusionner' }).click();
    await until(
      async () => squash(await options.getByTestId('backup-status').textContent()),
      (text) => text.startsWith('Sauvegarde fusionnée'),
      'the backup merged',
    );
    await options.close();

    await until(
      async () => squash(await said.innerText()),
      (text) => text.startsWith('Rédac l’a fusionné dans « Le ministre et le yacht ».'),
      'the row to name the draft it went into',
    );
    await said.getByRole('button', { name: /^Ouvrir « Le ministre et le yacht »/ }).click();
    await until(
      () => desk.getByTestId('draft-editor').getByLabel('Titre du brouillon').inputValue(),
      (value) => value === 'Le ministre et le yacht',
      'the editor to show the draft it went into',
    );
    await desk.close();
  });

  it('says in the trash that a draft was merged into one the desk no longer has, with nothing to open', async () => {
    const { desk, said } = await trashRow('La vedette du ministre');
    await saysSoon(
      said,
      'Rédac l’a fusionné dans un autre brouillon, qui n’est plus dans la rédaction partagée.',
      'the row to say the draft it went into is gone',
    );
    expect(await said.getByRole('button').count()).toBe(0);
    await desk.close();
  });

  it('says in the trash that a draft was merged into one in the trash too, which « Ouvrir » opens there to be restored', async () => {
    const { desk, said } = await trashRow('Le voilier du ministre');
    await saysSoon(
      said,
      'Rédac l’a fusionné dans « Le ministre et le voilier », lui aussi à la corbeille. Ouvrir',
      'the row to say the draft it went into is in the trash too',
    );

    await said.getByRole('button', { name: /^Ouvrir « Le ministre et le voilier »/ }).click();
    const editor = desk.getByTestId('draft-editor');
    await until(
      () => editor.getByLabel('Titre du brouillon').inputValue(),
      (value) => value === 'Le ministre et le voilier',
      'the editor to show the draft it went into',
    );
    await editor.getByRole('button', { name: 'Le remettre dans les brouillons' }).click();
    await saysSoon(
      said,
      'Rédac l’a fusionné dans « Le ministre et le voilier ». Ouvrir',
      'the row to say the draft it went into is back among the drafts',
    );
    await desk.close();
  });
});
