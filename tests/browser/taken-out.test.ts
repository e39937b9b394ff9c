import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { SHARED_DESK_STATE, storedIssue, syncedDraft } from './database';
import { launchSeeded, openDesk, squash, until, type ExtensionSession } from './harness';

/**
 * Items a colleague took out of the issue, as the sync leaves their notices (SyncState.takenOut,
 * services/sync.ts noteTakenOut), in real Chromium: the issue's column says who took which out
 * and where each went, in one notice; « Ouvrir » opens one where it is now; the notice stays
 * over a reload and goes with « Fermer », for good; axe finds nothing wrong with it. No WordPress needed: the state and the
 * drafts are written into IndexedDB as a sync leaves them.
 */

const ISSUE = 'taken-out-issue-15';
const OTHER = 'taken-out-issue-22';

const draft = (id: string, title: string, second: number, fields: object = {}) => ({
  ...syncedDraft({ id, title, second }),
  ...fields,
});

const notice = (recordId: string, title: string, fields: object = {}) => ({
  key: `draft:${recordId}`,
  recordId,
  issueId: ISSUE,
  title,
  to: 'inbox',
  by: 'Paul Martin',
  at: '2026-03-15T10:00:00.000Z',
  ...fields,
});

function seeded() {
  const now = new Date().toISOString();
  return {
    issues: [
      storedIssue(ISSUE, { at: now }),
      storedIssue(OTHER, { title: 'Les indiscrets du 22 mars', at: now }),
    ],
    clips: [
      draft('stays', 'OVH reste', 1, { issueId: ISSUE, sortKey: 'a0' }),
      draft('removed', 'Bpifrance recrute', 2),
      draft('moved', 'Le ministre et le yacht', 3, { issueId: OTHER, sortKey: 'a0' }),
      draft('trashed', 'La vedette du ministre', 4, {
        issueId: ISSUE,
        sortKey: 'a1',
        deletedAt: now,
      }),
    ],
    syncState: [
      {
        ...SHARED_DESK_STATE,
        takenOut: [
          notice('removed', 'Bpifrance recrute'),
          notice('moved', 'Le ministre et le yacht', {
            to: 'issue',
            toIssueId: OTHER,
            toIssue: 'Les indiscrets du 22 mars',
          }),
          notice('trashed', 'La vedette du ministre', { to: 'trash' }),
        ],
      },
    ],
  };
}

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
    expect(squash(await notices.innerText())).toBe(
      squash(
        'Paul Martin a retiré 3 indiscrets du numéro\u00a0: ' +
          '«\u00a0Bpifrance recrute\u00a0»\u00a0: remis dans les brouillons Ouvrir ' +
          '«\u00a0Le ministre et le yacht\u00a0»\u00a0: déplacé vers «\u00a0Les indiscrets du 22 mars\u00a0» Ouvrir ' +
          '«\u00a0La vedette du ministre\u00a0»\u00a0: mis à la corbeille Ouvrir Fermer',
      ),
    );

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
