import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDraft, storedIssue } from './database';
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
 * The new issue's form let go, in real Chromium: Escape closes it as « Annuler » does, the
 * keyboard back on « + Nouveau numéro »; nothing changed, nothing is kept; something typed (a
 * date half typed, a title, an intro) is kept, the button says so, and the form opened again in
 * the popup or the desk comes back with it (the popup closed under it included), « Repartir de
 * zéro » giving what the form proposes. A field's
 * own Escape (a menu's) is not the form's. Meanwhile the desk's publish column speaks of the
 * issue to come, not as if there were none.
 */
describe('the new issue’s form, let go and opened again', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(() => ({
      issues: [storedIssue('issue-1')],
      clips: [
        localDraft({
          id: 'item-1',
          title: 'Budget',
          issueId: 'issue-1',
          sortKey: 'a',
          status: 'ready',
          body: '<p>Le ministre aurait confié.</p>',
        }),
      ],
    }));
    const page = await session.openExtensionPage('popup.html');
    await setCurrentIssue(page, 'issue-1');
    await page.close();
  });

  afterAll(async () => {
    await session?.close();
  });

  const form = (page: Page) => page.getByRole('form', { name: 'Nouveau numéro' });
  const focusedTestId = (page: Page) =>
    page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
  const newIssueButton = (page: Page, within: string) =>
    page
      .locator(`${within} [data-testid="new-issue"]`)
      .textContent()
      .then((text) => squash(text));
  /** « + Nouveau numéro » says `text`: at once, or once the kept form is read back. */
  const buttonSays = (page: Page, within: string, text: string) =>
    until(
      () => newIssueButton(page, within),
      (shown) => shown === text,
      `« ${text} »`,
    );
  /** The form's date, title and intro, as shown. */
  const fields = async (page: Page) => ({
    date: await form(page).getByLabel('Date').inputValue(),
    title: await form(page).getByLabel('Titre').inputValue(),
    intro: await form(page).getByLabel('Chapô (facultatif)').inputValue(),
  });
  /** Escape in the form: it goes, the keyboard back on « + Nouveau numéro ». */
  async function escape(page: Page) {
    await page.keyboard.press('Escape');
    await form(page).waitFor({ state: 'detached' });
    await until(
      () => focusedTestId(page),
      (id) => id === 'new-issue',
      'the focus back on « + Nouveau numéro »',
    );
  }
  async function dateFocused(page: Page) {
    await until(
      () =>
        form(page)
          .getByLabel('Date')
          .evaluate((field) => field === document.activeElement),
      Boolean,
      'the date of the new issue to take the focus',
    );
  }

  it('closes with Escape on the desk, keeps what was typed and brings it back', async () => {
    const desk = await openDesk(session);
    await desk.getByTestId('issue-item').first().waitFor();
    const output = desk.locator('.desk__output');

    // Nothing typed: Escape closes at once, and nothing is said to be kept.
    await desk.keyboard.press('n');
    await dateFocused(desk);
    // Meanwhile the publish column says what it will hold, not « as if there were no issue ».
    expect(squash(await output.textContent())).toBe(
      'Une fois le numéro créé, sa publication, son export et son aperçu s’afficheront ici.',
    );
    const proposed = await fields(desk);
    await escape(desk);
    await buttonSays(desk, '.desk__issue', '+ Nouveau numéro');
    // The issue's own column is back.
    await output.getByTestId('copy').waitFor();

    // A date half typed, a title and an intro: Escape from the intro keeps them all.
    await desk.keyboard.press('n');
    await dateFocused(desk);
    expect(await desk.getByTestId('new-issue-resumed').count()).toBe(0);
    expect(await fields(desk)).toEqual(proposed);
    await desk.keyboard.type('16/03/');
    await form(desk).getByLabel('Titre').fill('Spécial remaniement');
    await form(desk).getByLabel('Chapô (facultatif)').fill('Tout le monde en parle');
    await form(desk).getByLabel('Chapô (facultatif)').focus();
    // Typed with French typography, as the issue's own chapô is once created.
    await desk.keyboard.press('End');
    await desk.keyboard.type(' ?');
    await escape(desk);
    await buttonSays(desk, '.desk__issue', '+ Nouveau numéro (commencé)');
    await until(
      () =>
        desk
          .getByTestId('announcement')
          .textContent()
          .then((text) => squash(text)),
      (text) => text === 'Numéro commencé gardé : « + Nouveau numéro (commencé) » le reprend.',
      'what Escape did said',
    );

    await desk.keyboard.press('Enter');
    await dateFocused(desk);
    expect(await fields(desk)).toEqual({
      date: '16/03/',
      title: 'Spécial remaniement',
      intro: 'Tout le monde en parle\u202f?',
    });
    expect(squash(await desk.getByTestId('new-issue-resumed').textContent())).toBe(
      'Repris tel que vous l’aviez laissé. Repartir de zéro',
    );

    // A field's own Escape (a menu, a picker) prevents it: the form stays, and so does the text.
    await form(desk)
      .getByLabel('Titre')
      .evaluate((field) =>
        field.addEventListener('keydown', (event) => {
          if ((event as KeyboardEvent).key === 'Escape') event.preventDefault();
        }),
      );
    await form(desk).getByLabel('Titre').focus();
    await desk.keyboard.press('Escape');
    await desk.waitForTimeout(300);
    expect(await form(desk).count()).toBe(1);
    expect((await fields(desk)).title).toBe('Spécial remaniement');

    // « Repartir de zéro »: what the form proposes; let go then, nothing is kept.
    await desk.getByRole('button', { name: 'Repartir de zéro' }).click();
    await dateFocused(desk);
    expect(await fields(desk)).toEqual(proposed);
    expect(await desk.getByTestId('new-issue-resumed').count()).toBe(0);
    await escape(desk);
    await buttonSays(desk, '.desk__issue', '+ Nouveau numéro');

    // « Annuler » keeps too; once the issue is created, nothing is left to bring back.
    await desk.keyboard.press('n');
    await dateFocused(desk);
    await desk.keyboard.type('17/03/2027');
    await form(desk).getByRole('button', { name: 'Annuler' }).click();
    await form(desk).waitFor({ state: 'detached' });
    await buttonSays(desk, '.desk__issue', '+ Nouveau numéro (commencé)');
    await desk.getByTestId('new-issue').click();
    expect((await fields(desk)).title).toBe('Les indiscrets du 17 mars');
    await form(desk).getByRole('button', { name: 'Créer le numéro' }).click();
    await form(desk).waitFor({ state: 'detached' });
    await buttonSays(desk, '.desk__issue', '+ Nouveau numéro');
    await desk.keyboard.press('n');
    await dateFocused(desk);
    expect(await desk.getByTestId('new-issue-resumed').count()).toBe(0);
    expect((await fields(desk)).title).toBe(proposed.title);
    await escape(desk);
    await desk.close();
  });

  it('leaves nothing started once an issue is created from the keyboard alone', async () => {
    // « n », a date, Enter: the form goes with the keyboard still in its date, whose field
    // rewrites its text as it loses it. That is no new issue started.
    const desk = await openDesk(session);
    await buttonSays(desk, '.desk__issue', '+ Nouveau numéro');
    await desk.keyboard.press('n');
    await dateFocused(desk);
    await desk.keyboard.type('18/03/2027');
    await desk.keyboard.press('Enter');
    await form(desk).waitFor({ state: 'detached' });
    await until(
      () => focusedTestId(desk),
      (id) => id === 'issue-empty',
      'the keyboard on the new issue’s empty list',
    );
    await buttonSays(desk, '.desk__issue', '+ Nouveau numéro');
    // What is stored, read by a new page: no form to bring back.
    await desk.reload();
    await buttonSays(desk, '.desk__issue', '+ Nouveau numéro');
    await desk.locator('.desk__issue [data-testid="new-issue"]').click();
    await dateFocused(desk);
    expect(await desk.getByTestId('new-issue-resumed').count()).toBe(0);
    expect((await fields(desk)).title).not.toBe('Les indiscrets du 18 mars');
    await escape(desk);
    await desk.close();
  });

  it('closes with Escape in the popup, and keeps what was typed past the other tab', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await popup.getByTestId('new-issue').click();
    await dateFocused(popup);
    await escape(popup);
    await buttonSays(popup, '.issue', '+ Nouveau numéro');

    await popup.getByTestId('new-issue').click();
    await dateFocused(popup);
    await form(popup).getByLabel('Titre').fill('Spécial remaniement');
    await escape(popup);
    await buttonSays(popup, '.issue', '+ Nouveau numéro (commencé)');

    // Opened again, left for the drafts' tab, back: still there.
    await popup.getByTestId('new-issue').click();
    expect((await fields(popup)).title).toBe('Spécial remaniement');
    await popup.getByRole('tab', { name: 'Brouillons' }).click();
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await popup.getByTestId('new-issue').click();
    expect((await fields(popup)).title).toBe('Spécial remaniement');
    await popup.close();
  });

  it('keeps what was typed when the popup closes, for the next popup and the desk', async () => {
    // The popup closes at the first click outside it: no Escape, no « Annuler », no time.
    const first = await openPopup(session);
    await first.getByRole('tab', { name: 'Numéro' }).click();
    await first.getByTestId('new-issue').click();
    await dateFocused(first);
    await form(first).getByLabel('Titre').fill('Spécial municipales');
    await form(first).getByLabel('Chapô (facultatif)').fill('Tout commence ce soir.');
    await first.close();

    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await buttonSays(popup, '.issue', '+ Nouveau numéro (commencé)');
    await popup.getByTestId('new-issue').click();
    await dateFocused(popup);
    expect((await fields(popup)).title).toBe('Spécial municipales');
    expect((await fields(popup)).intro).toBe('Tout commence ce soir.');
    await popup.close();

    // The desk brings it back too; « Repartir de zéro » lets it go everywhere.
    const desk = await openDesk(session);
    await buttonSays(desk, '.desk__issue', '+ Nouveau numéro (commencé)');
    await desk.getByTestId('new-issue').click();
    await dateFocused(desk);
    expect((await fields(desk)).intro).toBe('Tout commence ce soir.');
    await desk.getByRole('button', { name: 'Repartir de zéro' }).click();
    await dateFocused(desk);
    await escape(desk);
    await buttonSays(desk, '.desk__issue', '+ Nouveau numéro');
    const again = await openPopup(session);
    await again.getByRole('tab', { name: 'Numéro' }).click();
    await buttonSays(again, '.issue', '+ Nouveau numéro');
    await again.close();
    await desk.close();
  });
});
