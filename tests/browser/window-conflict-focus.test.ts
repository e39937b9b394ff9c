import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { localDraft, storedIssue } from './database';
import {
  launchSeeded,
  openDesk,
  setCurrentIssue,
  squash,
  until,
  type ExtensionSession,
} from './harness';

/**
 * The keyboard after a choice in the « Modifié ailleurs en même temps » box between two windows
 * of this browser, in real Chromium: the button that had it goes with the field's choice, and the
 * keyboard goes back to the field chosen for, the choice said in the page's live region as the
 * shared desk's box says it. Never left on the page's body. One desk's writes are refused (as a
 * full disk would), so that what it typed stays its own while another desk changes the same
 * fields: the box is there, whatever the machine's speed.
 */

const ISSUE = 'window-conflict-issue';
const DRAFT = 'window-conflict-draft';

function seeded() {
  const now = new Date().toISOString();
  return {
    issues: [{ ...storedIssue(ISSUE, { at: now }), intro: 'Le chapô' }],
    clips: [
      localDraft({ id: DRAFT, title: 'Le ministre et Bercy', issueId: ISSUE, sortKey: 'a0' }),
    ],
  };
}

/** Opens the issue's own fields on `page`, folded at first. */
async function unfold(page: Page) {
  const fields = page.locator('details.issue__fields');
  if (!(await fields.evaluate((el) => (el as HTMLDetailsElement).open))) {
    await fields.locator('summary').click();
  }
}

/** Opens the draft in `page`'s editor. */
async function openDraft(page: Page) {
  await page
    .getByTestId('issue-item')
    .filter({ hasText: 'Le ministre et Bercy' })
    .locator('.issue-item__title')
    .click();
  await page.getByTestId('draft-editor').waitFor();
}

describe('the keyboard after a choice between two windows’ versions, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seeded);
    const page = await session.openExtensionPage('desk.html');
    await setCurrentIssue(page, ISSUE);
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('« Prendre l’autre » and « Garder la mienne » give the keyboard back to the field chosen for, and say the choice', async () => {
    // Desk A: the draft open, its writes refused from now on.
    const a = await openDesk(session);
    await openDraft(a);
    await unfold(a);
    session.expectErrors(/desk\.html: Indiscrets save /);
    await a.evaluate(() => {
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.put = full;
      IDBObjectStore.prototype.add = full;
      IDBCursor.prototype.update = full;
    });
    const editorA = a.getByTestId('draft-editor');
    await editorA.getByLabel('Titre du brouillon').fill('Le ministre reste à Bercy');
    await a.getByLabel('Chapô (facultatif)').fill('Mon chapô');

    // Desk B changes the same two fields, stored.
    const b = await openDesk(session);
    await openDraft(b);
    await unfold(b);
    await b
      .getByTestId('draft-editor')
      .getByLabel('Titre du brouillon')
      .fill('Le ministre quitte Bercy');
    await b.getByLabel('Chapô (facultatif)').fill('Son chapô');
    await until(
      () => b.getByTestId('save-state').textContent(),
      (text) => text === 'Enregistré',
      'desk B’s title stored',
    );

    // A takes the other's title, by the keyboard: the keyboard back in the title.
    await a.bringToFront();
    const take = a.getByRole('button', { name: 'Prendre l’autre\u00a0: Titre du brouillon' });
    await take.waitFor();
    await take.focus();
    await a.keyboard.press('Enter');
    await take.waitFor({ state: 'detached' });
    const title = editorA.getByLabel('Titre du brouillon');
    await until(
      () => title.evaluate((el) => el === document.activeElement),
      Boolean,
      'the focus back on the draft’s title',
    );
    await until(
      () => a.getByTestId('announcement').textContent(),
      (said) =>
        squash(said) ===
        squash('Vous avez pris l’autre version de «\u00a0Le ministre quitte Bercy\u00a0».'),
      'the choice of the other’s title said in the live region',
    );

    // A keeps its own chapô: the keyboard back in the chapô.
    const keep = a.getByRole('button', { name: 'Garder la mienne\u00a0: Chapô (facultatif)' });
    await keep.waitFor();
    await keep.focus();
    await a.keyboard.press('Enter');
    await keep.waitFor({ state: 'detached' });
    await until(
      () => a.getByLabel('Chapô (facultatif)').evaluate((el) => el === document.activeElement),
      Boolean,
      'the focus back on the chapô',
    );
    await until(
      () => a.getByTestId('announcement').textContent(),
      (said) =>
        squash(said) ===
        squash('Vous avez gardé votre version de «\u00a0Les indiscrets du 15 mars\u00a0».'),
      'the choice of its own chapô said in the live region',
    );
    await a.close();
    await b.close();
  });
});
