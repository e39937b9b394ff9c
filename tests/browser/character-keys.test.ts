import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * The desk's keys of one character turned off in the options page and on again, in real
 * Chromium (WCAG 2.1.4): a desk open in its own tab follows at once, with no reload. Off, « n »
 * and « / » pressed on the page do nothing (an editor dictating types them into the page), and
 * the list of keys, opened by its button, says they are off; on again, they act as before.
 */
describe('the desk’s keys of one character, turned off in the options', () => {
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

  const newIssueForm = (page: Page) => page.getByRole('form', { name: 'Nouveau numéro' });
  const helpButton = (page: Page) => page.getByRole('button', { name: /^Raccourcis clavier/ });
  /** What has the keyboard: a test id, a search box, or the page's body. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'body';
      if (el.matches('input[type="search"]')) return 'search';
      return el.getAttribute('data-testid') ?? el.tagName;
    });
  /** The help button names « ? » as its key: how the desk says it heard the setting. */
  const keysNamed = (page: Page) => helpButton(page).getAttribute('aria-keyshortcuts');

  it('ignores « n » and « / » on an open desk once unticked, and acts on them again once ticked', async () => {
    const desk = await openDesk(session);
    await desk.getByTestId('issue-item').first().waitFor();
    await until(
      () => keysNamed(desk),
      (keys) => keys === '?',
      'the desk’s keys on',
    );
    // Marks this page: still there at the end, the desk was never reloaded.
    await desk.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));

    const options = await session.openExtensionPage('options.html');
    const box = options.getByRole('checkbox', {
      name: 'Raccourcis d’une seule touche sur le bureau',
    });
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await options.getByText('Enregistré.').waitFor();

    await desk.bringToFront();
    await until(
      () => keysNamed(desk),
      (keys) => keys === null,
      'the desk to hear them off',
    );
    expect(await focused(desk)).toBe('body');
    await desk.keyboard.press('n');
    await desk.keyboard.press('/');
    // Pressed after them: the list opens from its button, once what « n » and « / » would have
    // done (a render, a focus the next task) would be done.
    await helpButton(desk).click();
    const help = desk.getByRole('dialog', { name: 'Raccourcis clavier' });
    await help.waitFor();
    expect(await newIssueForm(desk).count()).toBe(0);
    expect(
      await desk.locator('input[type="search"]').evaluate((el) => el === document.activeElement),
    ).toBe(false);
    expect(squash(await help.getByTestId('single-keys').textContent())).toBe(
      'Les raccourcis d’une seule touche (? i n / 1 2 3 4) sont coupés : les taper ne fait rien. Pour les rétablir : Réglages, rubrique « Clavier ».',
    );
    expect(squash(await help.textContent())).not.toContain('Nouveau numéro');
    // The keys stay on one line, the sentence however narrow: broken between « 3 » and « 4 », the
    // list reads as two.
    const keyLines = await help.getByTestId('single-keys').evaluate((el) => {
      (el as HTMLElement).style.width = '10em';
      const lines = el.querySelector('.key-list')?.getClientRects().length;
      (el as HTMLElement).style.width = '';
      return lines;
    });
    expect(keyLines).toBe(1);
    await desk.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await desk.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    await options.bringToFront();
    await box.check();
    await until(() => box.isChecked(), Boolean, 'the box ticked again');

    await desk.bringToFront();
    await until(
      () => keysNamed(desk),
      (keys) => keys === '?',
      'the desk to hear them on',
    );
    await desk.keyboard.press('n');
    const form = newIssueForm(desk);
    await until(
      () => form.getByLabel('Date').evaluate((field) => field === document.activeElement),
      Boolean,
      'the date of the new issue to take the focus',
    );
    await form.getByRole('button', { name: 'Annuler' }).click();
    await form.waitFor({ state: 'detached' });
    await until(
      () => focused(desk),
      (id) => id === 'new-issue',
      'the focus on « + Nouveau numéro »',
    );
    await desk.keyboard.press('/');
    await until(
      () => focused(desk),
      (id) => id === 'search',
      'the focus in the drafts’ search',
    );
    expect(await desk.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await options.close();
    await desk.close();
  });

  it('opens the options at « Clavier » from the list’s « Réglages », the box focused and on screen, in a new tab or the one open', async () => {
    const desk = await openDesk(session);
    await desk.getByTestId('issue-item').first().waitFor();
    const boxOf = (page: Page) =>
      page.getByRole('checkbox', { name: 'Raccourcis d’une seule touche sur le bureau' });
    /** Whether the box has the keyboard and is on screen, whole. */
    const boxShown = (page: Page) =>
      boxOf(page).evaluate((box) => {
        const at = box.getBoundingClientRect();
        return box === document.activeElement && at.top >= 0 && at.bottom <= innerHeight;
      });
    /** The list of keys opened from its button, and its « Réglages » pressed. */
    const pressSettings = async () => {
      await desk.bringToFront();
      await helpButton(desk).click();
      const help = desk.getByRole('dialog', { name: 'Raccourcis clavier' });
      await help.getByTestId('single-keys').getByRole('button', { name: 'Réglages' }).click();
    };

    // No options tab open: a new one, at « Clavier ». Before, the page's top, the box unfocused.
    const opened = session.context.waitForEvent('page');
    await pressSettings();
    const options = await opened;
    expect(options.url()).toContain('options.html');
    await until(() => boxShown(options), Boolean, 'the box focused and on screen');
    // Turned off there, as the list says to.
    await boxOf(options).uncheck();
    await options.getByText('Enregistré.').waitFor();

    // The tab open, scrolled to its end and its focus elsewhere: it comes forward and goes there.
    await options.setViewportSize({ width: 1000, height: 400 });
    await options.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      scrollTo(0, document.body.scrollHeight);
    });
    expect(await boxShown(options)).toBe(false);
    await desk.keyboard.press('Escape');
    await pressSettings();
    await until(() => boxShown(options), Boolean, 'the open tab moved to the box');
    expect(
      session.context.pages().filter((page) => page.url().includes('options.html')),
    ).toHaveLength(1);

    await boxOf(options).check();
    await until(() => boxOf(options).isChecked(), Boolean, 'the box ticked again');
    await options.close();
    await desk.close();
  });
});
