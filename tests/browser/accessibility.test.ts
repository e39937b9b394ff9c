import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { clearTables, localDraft, storedIssue, writeDatabase } from './database';
import {
  clipTwoArticles,
  createIssueInPopup,
  launchExtension,
  openDesk,
  openPopup,
  servePages,
  setCurrentIssue,
  type ExtensionSession,
  type PageServer,
} from './harness';

/**
 * The extension's pages as a screen reader and the keyboard find them, checked by axe-core
 * (WCAG 2.2 A and AA, and its best practices: one main landmark, a level-one heading, every
 * piece of content in a landmark, landmarks told apart) in each state an editor goes through:
 * the popup's drafts, a draft open, its issue; the desk with its issue, an item open, its
 * dialogs; the settings. The popup's tabs work from the keyboard as tabs do.
 */
describe('the extension for a screen reader and the keyboard', () => {
  let server: PageServer;
  let session: ExtensionSession;
  const titles = { guardian: '', lemonde: '' };

  /** Creates « Les indiscrets du 15 mars » from the popup and adds the Guardian's draft to it. */
  async function composeIssue() {
    const popup = await openPopup(session);
    await createIssueInPopup(popup);
    await popup.getByRole('tab', { name: 'Brouillons' }).click();
    const add = popup.getByRole('button', { name: `Ajouter « ${titles.guardian} » au numéro` });
    await add.click();
    await add.waitFor({ state: 'detached' });
    await popup.close();
  }

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    Object.assign(titles, await clipTwoArticles(session, server));
    await composeIssue();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('finds what is wrong in a page (the checks below can fail)', async () => {
    const popup = await openPopup(session);
    await popup.evaluate(() => {
      const unnamed = document.createElement('button');
      unnamed.className = 'axe-probe';
      document.body.append(unnamed);
    });
    expect(await axeViolations(popup)).toEqual([
      expect.stringMatching(/^button-name \(critical\): .* — \.axe-probe$/),
    ]);
    await popup.close();
  });

  it('finds nothing wrong in the popup: its drafts, a draft open, its issue', async () => {
    const popup = await openPopup(session);
    const row = popup.getByRole('button', { name: titles.lemonde, exact: true }).first();
    await row.waitFor();
    expect(await axeViolations(popup), 'the drafts').toEqual([]);

    await row.click();
    await popup.getByTestId('item-text').waitFor();
    expect(await axeViolations(popup), 'a draft open').toEqual([]);

    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await popup.getByTestId('issue-totals').waitFor();
    expect(await axeViolations(popup), 'the issue').toEqual([]);
    await popup.close();
  });

  it('finds nothing wrong in the desk: its issue and preview, an item open, its dialogs', async () => {
    const desk = await openDesk(session);
    await desk.getByTestId('issue-item').first().waitFor();
    expect(await axeViolations(desk), 'the desk').toEqual([]);

    await desk.getByTestId('issue-item').locator('.issue-item__title').first().click();
    const editor = desk.getByTestId('draft-editor');
    await editor.getByTestId('item-text').waitFor();
    expect(await axeViolations(desk), 'an item open').toEqual([]);

    await editor.getByRole('button', { name: 'Fusionner dans…' }).click();
    await desk.getByTestId('merge-dialog').waitFor();
    expect(await axeViolations(desk), 'the merge dialog').toEqual([]);
    await desk.keyboard.press('Escape');
    await desk.getByTestId('merge-dialog').waitFor({ state: 'detached' });

    await desk.getByRole('button', { name: /^Raccourcis clavier/ }).click();
    await desk.getByRole('dialog', { name: 'Raccourcis clavier' }).waitFor();
    expect(await axeViolations(desk), 'the shortcuts').toEqual([]);
    await desk.close();
  });

  it('finds nothing wrong in the settings', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.getByTestId('backup-settings').waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });

  it('moves between the popup’s tabs with ← and →, Home and End, one Tab stop on the shown one', async () => {
    const popup = await openPopup(session);
    const drafts = popup.getByRole('tab', { name: 'Brouillons' });
    const issue = popup.getByRole('tab', { name: 'Numéro' });
    const panel = popup.getByRole('tabpanel');
    /** Which tab has the focus and is shown, and what the panel is named after. */
    const state = async (page: Page) => ({
      focused: await page.evaluate(() => document.activeElement?.textContent),
      shown: await page.getByRole('tab', { selected: true }).textContent(),
      panel: await panel.getAttribute('aria-labelledby'),
    });
    await drafts.focus();

    await popup.keyboard.press('ArrowRight');
    await popup.getByTestId('issue-totals').waitFor();
    expect(await state(popup)).toEqual({
      focused: 'Numéro',
      shown: 'Numéro',
      panel: await issue.getAttribute('id'),
    });
    await popup.keyboard.press('ArrowRight');
    expect(await state(popup)).toMatchObject({ focused: 'Brouillons', shown: 'Brouillons' });
    await popup.keyboard.press('End');
    expect(await state(popup)).toMatchObject({ focused: 'Numéro', shown: 'Numéro' });
    await popup.keyboard.press('Home');
    expect(await state(popup)).toMatchObject({ focused: 'Brouillons', shown: 'Brouillons' });
    await popup.keyboard.press('ArrowLeft');
    expect(await state(popup)).toMatchObject({ focused: 'Numéro', shown: 'Numéro' });

    // Tab leaves the tabs at once: the tab not shown is not a stop of its own.
    expect([await drafts.getAttribute('tabindex'), await issue.getAttribute('tabindex')]).toEqual([
      '-1',
      '0',
    ]);
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe(
      'tab',
    );
    await popup.close();
  });
});

describe('the extension for a screen reader, in English', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension('en-US');
    session.context.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('finds nothing wrong in an empty popup, desk and settings', async () => {
    const popup = await openPopup(session);
    await popup.getByTestId('draft-total').filter({ hasText: /\d/ }).waitFor();
    expect(await axeViolations(popup), 'the popup').toEqual([]);
    await popup.getByRole('tab', { name: 'Issue' }).click();
    await popup.getByRole('form', { name: 'New issue' }).waitFor();
    expect(await axeViolations(popup), 'the popup’s issue').toEqual([]);
    await popup.close();

    const desk = await openDesk(session);
    await desk.getByTestId('draft-total').filter({ hasText: /\d/ }).waitFor();
    expect(await axeViolations(desk), 'the desk').toEqual([]);
    await desk.close();

    const options = await session.openExtensionPage('options.html');
    await options.getByTestId('backup-settings').waitFor();
    expect(await axeViolations(options), 'the settings').toEqual([]);
    await options.close();
  });

  it('finds nothing wrong in a draft’s row with an issue open, its « + To issue » named with its words', async () => {
    const popup = await openPopup(session);
    await writeDatabase(popup, {
      clips: [localDraft({ id: 'en-draft', title: 'Whale whisperers worry' })],
      issues: [storedIssue('en-issue', { title: 'The insiders, March 15' })],
    });
    await setCurrentIssue(popup, 'en-issue');
    await popup.reload();
    const add = popup.getByRole('button', { name: 'Add “Whale whisperers worry” to issue' });
    await add.waitFor();
    expect(await axeViolations(popup), 'a draft’s row').toEqual([]);
    await clearTables(popup, ['clips', 'issues']);
    await popup.close();
  });
});
