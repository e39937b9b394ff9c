import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { bodies, COUNT, ISSUE, mine, seeded, theirs } from './many-conflicts-seed';
import {
  launchSeeded,
  openDesk,
  openPopup,
  overflowing,
  popupPreferredWidth,
  screenshotPath,
  squash,
  until,
  type ExtensionSession,
} from './harness';

/**
 * Twelve conflicts at once in the shared desk's bar, in real Chromium (a browser back from a
 * week offline): the first box and « 11 autres conflits à régler », the desk's issue still
 * in sight, and « Prendre toutes les autres versions » settling them all, undone by one
 * « Annuler ». No WordPress needed: the records, the conflicts and the held outbox are written
 * into IndexedDB as a sync leaves them.
 */

/** Whether the whole of the element is inside the window. */
const inView = (el: Element) => {
  const box = el.getBoundingClientRect();
  return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
};

describe('many conflicts in the shared desk’s bar, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seeded, { currentIssue: ISSUE });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the first box and the count of the others, the issue in sight, and settles them all with the others’ versions, undone by one « Annuler »', async () => {
    const desk = await openDesk(session, { width: 1024, height: 768 });
    const more = desk.getByTestId('sync-conflicts-more');
    await until(
      () => more.textContent().catch(() => ''),
      (text) => squash(text).startsWith('11 autres conflits à régler'),
      'the line of the conflicts not shown',
    );
    expect(await desk.getByTestId('sync-conflict').count()).toBe(1);
    // The desk stays usable: its issue's first items are in the window, below the bar.
    const firstItem = desk.locator('.desk__issue [data-item-id]').first();
    expect(await firstItem.evaluate(inView)).toBe(true);
    expect(await axeViolations(desk), 'the bar with twelve conflicts').toEqual([]);
    await desk.screenshot({ path: screenshotPath('desk-many-conflicts.png') });

    // All of them shown in place, the issue still in sight (the boxes scroll in their area).
    await more.getByRole('button', { name: 'Tout afficher' }).click();
    await until(
      () => desk.getByTestId('sync-conflict').count(),
      (count) => count === COUNT,
      'every box shown',
    );
    expect(await firstItem.evaluate(inView)).toBe(true);
    expect(await axeViolations(desk), 'every conflict shown').toEqual([]);
    await more.getByRole('button', { name: 'Replier' }).click();

    const group = desk.getByRole('group', { name: 'Régler les 12 conflits d’un coup\u00a0:' });
    await group.getByRole('button', { name: 'Prendre toutes les autres versions' }).click();
    const question = desk.getByTestId('sync-conflicts-confirm');
    expect(squash(await question.textContent())).toContain(
      squash(
        'Prendre les autres versions de 12 champs dans 12 brouillons\u202f? Vos versions de ces champs seront remplacées\u202f; «\u00a0Annuler\u00a0» les ramènera toutes.',
      ),
    );
    const yes = desk.getByRole('button', { name: 'Oui, prendre les autres versions' });
    await until(
      () => yes.evaluate((el) => el === document.activeElement),
      Boolean,
      'the keyboard on the question’s answer',
    );
    expect(await axeViolations(desk), 'the question').toEqual([]);
    await desk
      .getByTestId('sync-bar')
      .screenshot({ path: screenshotPath('desk-conflicts-all.png') });
    await desk.keyboard.press('Enter');

    const undo = desk.getByTestId('undo-bar').getByRole('button', { name: 'Annuler' });
    await undo.waitFor();
    await until(
      () => undo.evaluate((el) => el === document.activeElement),
      Boolean,
      'the keyboard on « Annuler »',
    );
    expect(squash(await desk.getByTestId('undo-bar').textContent())).toContain(
      'Vous avez pris les autres versions dans 12 brouillons.',
    );
    await until(
      () => desk.getByTestId('sync-conflict').count(),
      (count) => count === 0,
      'every box gone',
    );
    expect(await bodies(desk)).toEqual(Array.from({ length: COUNT }, (_, i) => theirs(i + 1)));

    // One « Annuler »: every text and every conflict back.
    await desk.keyboard.press('Enter');
    await until(
      () => bodies(desk),
      (texts) => texts.every((text, i) => text === mine(i + 1)),
      'every text back',
    );
    await until(
      () => more.textContent().catch(() => ''),
      (text) => squash(text).startsWith('11 autres conflits à régler'),
      'the conflicts back',
    );
    expect(await desk.getByTestId('sync-conflict').count()).toBe(1);
    await desk.close();
  });

  it('fits the popup: the line and the choice for all wrap in its width, nothing cut, nothing for axe', async () => {
    const popup = await openPopup(session);
    await popup.getByTestId('sync-conflicts-more').waitFor();
    await popup.getByRole('button', { name: 'Prendre toutes les autres versions' }).waitFor();
    expect(await popup.getByTestId('sync-conflict').count()).toBe(1);
    // The line and the drafts' tab under the bar, within the popup's 600 px.
    expect(await popup.getByTestId('sync-conflicts-more').evaluate(inView)).toBe(true);
    expect(await popup.getByRole('searchbox').first().evaluate(inView)).toBe(true);
    const laid = await overflowing(popup);
    expect(laid.past).toEqual([]);
    expect(laid.scrollWidth).toBeLessThanOrEqual(laid.clientWidth);
    // Chrome sizes its popup to the page's narrowest width: still 420 px with the bar's choices.
    expect(await popupPreferredWidth(popup)).toBe(420);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: screenshotPath('popup-many-conflicts.png') });
    await popup.close();
  });
});
