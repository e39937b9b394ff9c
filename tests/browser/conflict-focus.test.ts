import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  SHARED_DESK_STATE,
  storedIssue,
  syncConflict,
  syncedDraft,
  type SeededConflictField,
} from './database';
import { launchSeeded, openDesk, squash, until, type ExtensionSession } from './harness';

/**
 * The keyboard after a choice in the shared desk's « Modifié ailleurs en même temps » box, in
 * real Chromium: « Garder la mienne » gives it back to the field the editor was writing in and
 * says the choice in the page's live region, as « Prendre l’autre » does; « Prendre l’autre »
 * puts it on the undo bar's « Annuler ». Never on the page's body with the box's button. No
 * WordPress needed: the conflicts are written into IndexedDB as a sync leaves them.
 */

const ISSUE = 'conflict-focus-issue';
const DRAFT = 'conflict-focus-draft';
const CHIEF = 'Rédactrice en chef';

function seeded() {
  const now = new Date().toISOString();
  const issue = { ...storedIssue(ISSUE, { at: now }), intro: 'Mon chapô' };
  const draft = {
    ...syncedDraft({ id: DRAFT, title: 'Le ministre et Bercy', second: 1 }),
    issueId: ISSUE,
    sortKey: 'a0',
  };
  const conflict = (
    kind: 'issue' | 'draft',
    recordId: string,
    title: string,
    field: SeededConflictField,
  ) => syncConflict(kind, recordId, title, [field], { by: CHIEF, at: now });
  return {
    issues: [issue],
    clips: [draft],
    syncState: [SHARED_DESK_STATE],
    conflicts: [
      conflict('issue', ISSUE, issue.title, {
        field: 'intro',
        mine: 'Mon chapô',
        theirs: 'Son chapô',
      }),
      conflict('draft', DRAFT, draft.title, {
        field: 'title',
        mine: 'Le ministre et Bercy',
        theirs: 'Le ministre quitte Bercy',
      }),
    ],
  };
}

describe('the keyboard after a choice in the shared desk’s conflict box, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seeded, { currentIssue: ISSUE });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('« Garder la mienne » gives the keyboard back to the field and says so; « Prendre l’autre » puts it on « Annuler »', async () => {
    const desk = await openDesk(session);
    const boxes = desk.getByTestId('sync-conflict');
    await until(
      () => boxes.count(),
      (count) => count === 2,
      'both conflicts in the bar',
    );

    // The editor writes in the issue's chapô when the box comes; then keeps their version.
    const fields = desk.locator('details.issue__fields');
    if (!(await fields.evaluate((el) => (el as HTMLDetailsElement).open))) {
      await fields.locator('summary').click();
    }
    const intro = desk.getByLabel('Chapô (facultatif)');
    await intro.focus();
    await desk.keyboard.press('End');
    const keep = desk.getByRole('button', { name: 'Garder la mienne\u00a0: Chapô' });
    await keep.focus();
    await desk.keyboard.press('Enter');
    await keep.waitFor({ state: 'detached' });
    await until(
      () => intro.evaluate((el) => el === document.activeElement),
      Boolean,
      'the focus back on the chapô',
    );
    await until(
      () => desk.getByTestId('announcement').textContent(),
      (said) =>
        squash(said) ===
        squash('Vous avez gardé votre version de «\u00a0Les indiscrets du 15 mars\u00a0».'),
      'the choice said in the live region',
    );

    // The draft open in the editor, its title being written; the other's title taken.
    await desk
      .getByTestId('issue-item')
      .filter({ hasText: 'Le ministre et Bercy' })
      .locator('.issue-item__title')
      .click();
    const title = desk.getByTestId('draft-editor').getByLabel('Titre du brouillon');
    await title.focus();
    const take = desk.getByRole('button', { name: 'Prendre l’autre\u00a0: Titre du brouillon' });
    await take.focus();
    await desk.keyboard.press('Enter');
    await take.waitFor({ state: 'detached' });
    const undo = desk.getByTestId('undo-bar').getByRole('button', { name: 'Annuler' });
    await undo.waitFor();
    await until(
      () => undo.evaluate((el) => el === document.activeElement),
      Boolean,
      'the focus on « Annuler »',
    );
    // Enter there undoes: the box is back to choose again.
    await desk.keyboard.press('Enter');
    await desk.getByRole('button', { name: 'Prendre l’autre\u00a0: Titre du brouillon' }).waitFor();
    await desk.close();
  });
});
