import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDatabase } from './database';
import { launchExtension, openDesk, squash, until, type ExtensionSession } from './harness';

/**
 * The shared desk as the sync leaves it, in real Chromium (its state and the drafts' marks
 * written into IndexedDB: no WordPress is needed, and the sync runs meet no settings):
 * - a draft Rédac merged into another that has not reached this browser yet says so in the
 *   trash, and names that draft, with « Ouvrir », as soon as it arrives (here from a backup
 *   merged in the options page, another tab: no sync, no reload);
 * - a draft greyed by a colleague's lock that a merge check found (a mark that lapses) takes
 *   drops again once the mark lapses, without a sync.
 */

const Y_ID = 'f0f0f0f0-0000-4000-8000-000000000001';
const at = (second: number) => new Date(Date.UTC(2026, 2, 15, 8, 0, second)).toISOString();

function draft(id: string, title: string, second: number, desk: Record<string, unknown>) {
  const url = `https://news.test/${id}`;
  const text = `Texte de ${title}`;
  return {
    id,
    url,
    title,
    siteName: 'News',
    quotes: [{ text, html: `<p>${text}</p>`, clippedAt: at(second) }],
    provenance: {},
    sources: [{ url, title, siteName: 'News' }],
    note: '',
    tags: [],
    status: 'draft',
    issueId: '',
    sortKey: '',
    createdAt: at(second),
    updatedAt: at(second),
    body: `<p>${text}</p>`,
    words: title.toLowerCase().split(' '),
    sourceUrls: [url],
    desk: { remoteId: second, createdBy: 'Rédac', canEdit: true, canTrash: true, ...desk },
  };
}

/** How long the lock mark of « Le port est fermé » lasts from the seed. */
const LOCK_LAPSE_MS = 12_000;

async function seed(session: ExtensionSession): Promise<number> {
  const page = await session.openExtensionPage('popup.html');
  const lapse = Date.now() + LOCK_LAPSE_MS;
  await writeDatabase(page, {
    syncState: [
      {
        id: 'desk',
        enabled: true,
        siteUrl: 'https://redaction.test',
        username: 'redac',
        user: { id: 3, name: 'Rédac', roles: ['editor'] },
        phase: 'idle',
        firstSyncDone: true,
        cursors: {},
      },
    ],
    clips: [
      {
        ...draft('merged-x', 'Le yacht du ministre', 1, { trashedBy: 'Rédac', mergedInto: Y_ID }),
        deletedAt: new Date().toISOString(),
      },
      draft('source-w', 'Le ministre part', 2, {}),
      draft('locked-z', 'Le port est fermé', 3, {
        lock: {
          by: 'Auteur',
          userId: 4,
          since: new Date(lapse - 60_000).toISOString(),
          expires: new Date(lapse).toISOString(),
        },
      }),
    ],
  });
  await page.close();
  return lapse;
}

describe('the shared desk’s gaps, in Chromium', () => {
  let session: ExtensionSession;
  let lapse: number;

  beforeAll(async () => {
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    lapse = await seed(session);
  });

  afterAll(async () => {
    await session?.close();
  });

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
    const desk = await openDesk(session);
    await desk.getByRole('combobox', { name: 'Où chercher' }).selectOption('trash');
    const row = desk.getByTestId('draft').filter({ hasText: 'Le yacht du ministre' }).first();
    const said = row.getByTestId('merged-into');
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
      clips: [{ ...draft(Y_ID, 'Le ministre et le yacht', 4, {}), desk: undefined }],
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
});
