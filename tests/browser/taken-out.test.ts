import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { writeDatabase } from './database';
import {
  DELETED_ISSUE,
  ISSUE,
  laterRecords,
  OTHER,
  SAID,
  SAID_DELETED,
  seeded,
  seededBeforeTargets,
  seededIssueDeleted,
  seededIssueDeletedOneLeft,
} from './taken-out-seed';
import {
  launchSeeded,
  openDesk,
  openPopup,
  setCurrentIssue,
  squash,
  until,
  type ExtensionSession,
} from './harness';

/**
 * Items a colleague took out of the issue, as the sync leaves their notices (SyncState.takenOut,
 * services/sync/notices.ts noteTakenOut), in real Chromium: the issue's column says who took which
 * out and where each went, in one notice; « Ouvrir » opens one where it is now; the notice stays
 * over a reload and goes with « Fermer », for good; axe finds nothing wrong with it. No WordPress
 * needed: the state and the drafts are written into IndexedDB as a sync leaves them.
 */

describe('items a colleague took out of the issue, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seeded);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('the issue column says them in one notice, « Ouvrir » opens one where it is now, « Fermer » closes it for good', async () => {
    const desk = await openDesk(session);
    await desk.getByLabel('Numéro en cours').selectOption(ISSUE);
    const notices = desk.getByTestId('taken-out');
    await notices.waitFor();
    expect(await notices.count()).toBe(1);
    // In the issue's column, above its items.
    expect(await desk.locator('.desk__issue').getByTestId('taken-out').count()).toBe(1);
    expect(squash(await notices.innerText())).toBe(squash(SAID));

    // Its « Ouvrir » each named by its item, the notice a status: nothing axe finds wrong.
    expect(await axeViolations(desk)).toEqual([]);

    // The moved one opens in the editor, in the issue it is in now.
    await notices
      .getByRole('button', { name: 'Ouvrir «\u00a0Le ministre et le yacht\u00a0»' })
      .click();
    await until(
      () => desk.getByLabel('Titre du brouillon').inputValue(),
      (title) => title === 'Le ministre et le yacht',
      'the moved draft open in the editor',
    );

    // Kept over a reload of the desk.
    await desk.reload();
    await desk.getByLabel('Numéro en cours').selectOption(ISSUE);
    await notices.waitFor();

    await notices.getByRole('button', { name: 'Fermer' }).click();
    await notices.waitFor({ state: 'detached' });
    await desk.reload();
    await desk.getByLabel('Numéro en cours').selectOption(ISSUE);
    await desk.getByText('OVH reste').first().waitFor();
    // The shared desk's state read (its bar drawn from it): the notice would be drawn by now.
    await desk.getByTestId('sync-status').waitFor();
    expect(await notices.count()).toBe(0);
    await desk.close();
  }, 60_000);
});

describe('an issue or a draft a notice names before this browser has it, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seededBeforeTargets);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('is said in words until a later sync brings it, then by its name', async () => {
    const desk = await openDesk(session);
    await desk.getByLabel('Numéro en cours').selectOption(ISSUE);
    const notices = desk.getByTestId('taken-out');
    await notices.waitFor();
    expect(squash(await notices.innerText())).toBe(
      squash(
        'Paul Martin a retiré 2 indiscrets du numéro\u00a0: ' +
          '«\u00a0Bpifrance recrute\u00a0»\u00a0: déplacé vers un autre numéro Ouvrir ' +
          '«\u00a0La vedette du ministre\u00a0»\u00a0: fusionné dans un autre brouillon Ouvrir Fermer',
      ),
    );

    // A later sync brings them (as it stores them: the notices stay as they were kept).
    await writeDatabase(desk, laterRecords());
    await desk.reload();
    await desk.getByLabel('Numéro en cours').selectOption(ISSUE);
    // The issue and the draft are each looked up as the desk reads them (two reads): wait for
    // both names, the issue's alone may come first.
    const named = squash(
      'Paul Martin a retiré 2 indiscrets du numéro\u00a0: ' +
        '«\u00a0Bpifrance recrute\u00a0»\u00a0: déplacé vers «\u00a0Les indiscrets du 29 mars\u00a0» Ouvrir ' +
        '«\u00a0La vedette du ministre\u00a0»\u00a0: fusionné dans «\u00a0Le yacht du ministre\u00a0» Ouvrir Fermer',
    );
    await until(
      async () => squash(await notices.innerText()),
      (said) => said === named,
      'the issue and the draft named',
    );
    // « Ouvrir » opens the draft it went into, by its name for a screen reader.
    await notices
      .getByRole('button', { name: 'Ouvrir «\u00a0Le yacht du ministre\u00a0»' })
      .click();
    await until(
      () => desk.getByLabel('Titre du brouillon').inputValue(),
      (title) => title === 'Le yacht du ministre',
      'the draft it was merged into open in the editor',
    );
    await desk.close();
  }, 60_000);
});

/** The keys of the notices stored in the sync state, read with IndexedDB itself. */
function storedNotices(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('indiscrets');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const idb = request.result;
          const read = idb.transaction('syncState').objectStore('syncState').get('desk');
          read.onsuccess = () => {
            idb.close();
            const state = read.result as { takenOut?: { key: string }[] } | undefined;
            resolve((state?.takenOut ?? []).map((notice) => notice.key));
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}

describe('an item put back in the issue by hand, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seeded);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('loses its notice for good: taken out again, the colleague’s old news is not said again', async () => {
    const desk = await openDesk(session);
    await desk.getByLabel('Numéro en cours').selectOption(ISSUE);
    const notices = desk.getByTestId('taken-out');
    await notices.waitFor();
    expect(squash(await notices.innerText())).toBe(squash(SAID));

    // The editor opens the item Paul Martin took out and puts it back in the issue.
    await notices.getByRole('button', { name: 'Ouvrir «\u00a0Bpifrance recrute\u00a0»' }).click();
    await until(
      () => desk.getByLabel('Titre du brouillon').inputValue(),
      (title) => title === 'Bpifrance recrute',
      'the item open in the editor',
    );
    await desk.getByRole('button', { name: 'Ajouter au numéro' }).click();
    const row = desk.locator('.desk__issue').getByTestId('issue-item').filter({
      hasText: 'Bpifrance recrute',
    });
    await row.waitFor();
    // Its notice goes from what is stored, not only from the screen.
    await until(
      () => storedNotices(desk),
      (keys) => !keys.includes('draft:removed'),
      'the notice of the item brought back forgotten',
    );
    const rest =
      'Paul Martin a retiré 2 indiscrets du numéro\u00a0: ' +
      '«\u00a0Le ministre et le yacht\u00a0»\u00a0: déplacé vers «\u00a0Les indiscrets du 22 mars\u00a0» Ouvrir ' +
      '«\u00a0La vedette du ministre\u00a0»\u00a0: mis à la corbeille Ouvrir Fermer';
    expect(squash(await notices.innerText())).toBe(squash(rest));

    // The editor takes it out again, before any sync: the notice does not say Paul Martin did.
    await desk.getByRole('button', { name: 'Retirer du numéro' }).click();
    await row.waitFor({ state: 'detached' });
    expect(squash(await notices.innerText())).toBe(squash(rest));
    await desk.reload();
    await desk.getByLabel('Numéro en cours').selectOption(ISSUE);
    await desk.getByText('OVH reste').first().waitFor();
    await notices.waitFor();
    expect(squash(await notices.innerText())).toBe(squash(rest));
    await desk.close();
  }, 60_000);
});

describe('an item put back in its issue while its column is not drawn, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seeded);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('restored from the trash with the desk on another issue: its notice goes with the restore, not said again', async () => {
    const desk = await openDesk(session);
    // The desk on the 22nd's issue: the 15th's column, whose notice names the item, is not drawn.
    await desk.getByLabel('Numéro en cours').selectOption(OTHER);
    await desk.getByRole('combobox', { name: 'Où chercher' }).selectOption('trash');
    const row = desk.getByTestId('draft').filter({ hasText: 'La vedette du ministre' }).first();
    await row.getByRole('button', { name: 'Restaurer' }).click();
    await row.waitFor({ state: 'detached' });
    // Back in the 15th's issue, in its place: its notice gone from what is stored.
    await until(
      () => storedNotices(desk),
      (keys) => !keys.includes('draft:trashed'),
      'the notice of the item restored forgotten',
    );

    // Put in the trash again here, before any sync: the 15th's column does not say Paul Martin did.
    await desk.getByLabel('Numéro en cours').selectOption(ISSUE);
    const item = desk.locator('.desk__issue').getByTestId('issue-item').filter({
      hasText: 'La vedette du ministre',
    });
    await item.waitFor();
    await item.getByRole('button', { name: /^Retirer/ }).click();
    await item.waitFor({ state: 'detached' });
    const notices = desk.getByTestId('taken-out');
    await notices.waitFor();
    expect(squash(await notices.innerText())).toBe(
      squash(
        'Paul Martin a retiré 2 indiscrets du numéro\u00a0: ' +
          '«\u00a0Bpifrance recrute\u00a0»\u00a0: remis dans les brouillons Ouvrir ' +
          '«\u00a0Le ministre et le yacht\u00a0»\u00a0: déplacé vers «\u00a0Les indiscrets du 22 mars\u00a0» Ouvrir Fermer',
      ),
    );
    await desk.close();
  }, 60_000);
});

describe('an issue a colleague deleted while it was open here, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seededIssueDeleted);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('the desk and the popup say who deleted it and where its items went; « Fermer » closes it for both', async () => {
    const desk = await openDesk(session);
    await setCurrentIssue(desk, DELETED_ISSUE);
    await desk.reload();
    const notice = desk.locator('.desk__issue').getByTestId('issue-deleted');
    await notice.waitFor();
    expect(squash(await notice.innerText())).toBe(squash(SAID_DELETED));
    expect(await notice.getAttribute('role')).toBe('status');
    // No issue chosen: the picker says so, below the notice.
    await desk.getByText('Choisissez ou créez un numéro.').waitFor();
    expect(await axeViolations(desk)).toEqual([]);

    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    const inPopup = popup.getByTestId('issue-deleted');
    await inPopup.waitFor();
    expect(squash(await inPopup.innerText())).toBe(squash(SAID_DELETED));
    await inPopup.getByRole('button', { name: 'Fermer' }).click();
    await inPopup.waitFor({ state: 'detached' });

    // Closed for every view: the desk, drawn again, does not say it.
    await desk.reload();
    await desk.getByText('Choisissez ou créez un numéro.').waitFor();
    await desk.getByTestId('sync-status').waitFor();
    expect(await desk.getByTestId('issue-deleted').count()).toBe(0);
    await popup.close();
    await desk.close();
  }, 60_000);
});

describe('an issue a colleague deleted while another was open here, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seededIssueDeleted);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('is said neither in the desk nor in the popup: the column showed the 15th’s', async () => {
    const desk = await openDesk(session);
    await setCurrentIssue(desk, ISSUE);
    await desk.reload();
    await desk.getByLabel('Numéro en cours').waitFor();
    expect(await desk.getByLabel('Numéro en cours').inputValue()).toBe(ISSUE);
    await desk.locator('.desk__issue').getByTestId('issue-empty').waitFor();
    // The shared desk's state read (its bar drawn from it): the notice would be drawn by now.
    await desk.getByTestId('sync-status').waitFor();
    expect(await desk.getByTestId('issue-deleted').count()).toBe(0);

    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await popup.getByTestId('issue-empty').waitFor();
    await popup.getByTestId('sync-status').waitFor();
    expect(await popup.getByTestId('issue-deleted').count()).toBe(0);
    await popup.close();
    await desk.close();
  }, 60_000);
});

describe('an issue a colleague deleted while it was open here, one issue left, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seededIssueDeletedOneLeft);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('is said in the column of the issue the app took in its place, over a reload, and in the popup', async () => {
    const desk = await openDesk(session);
    await setCurrentIssue(desk, DELETED_ISSUE);
    await desk.reload();
    // The app takes the one issue left: its item drawn, the notice above it.
    const column = desk.locator('.desk__issue');
    await column.getByTestId('issue-item').filter({ hasText: 'OVH reste' }).waitFor();
    const notice = column.getByTestId('issue-deleted');
    await notice.waitFor();
    expect(squash(await notice.innerText())).toBe(squash(SAID_DELETED));

    // Kept over a reload: the column remembers it fell back from the deleted issue.
    await desk.reload();
    await column.getByTestId('issue-item').filter({ hasText: 'OVH reste' }).waitFor();
    await notice.waitFor();
    expect(squash(await notice.innerText())).toBe(squash(SAID_DELETED));

    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    const inPopup = popup.getByTestId('issue-deleted');
    await inPopup.waitFor();
    await inPopup.getByRole('button', { name: 'Fermer' }).click();
    await inPopup.waitFor({ state: 'detached' });
    await notice.waitFor({ state: 'detached' });
    await popup.close();
    await desk.close();
  }, 60_000);
});
