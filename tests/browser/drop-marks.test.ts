/**
 * The desk's drop targets in Chromium, with real drags: each drawn as one while a drag is over
 * it, and no longer once the drag is given up with Escape (Chromium tells only the drag's source,
 * dragend, not the place it was over); an issue's item dropped on the inbox while it shows the
 * trash, taken out of the issue and shown among the drafts out of the issues.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { clearTables, localDraft, readDatabase, storedIssue, writeDatabase } from './database';
import {
  type ExtensionSession,
  launchExtension,
  openDesk,
  setCurrentIssue,
  squash,
  until,
} from './harness';

const ISSUE = 'drop-marks-issue';
const MARKS =
  '.reorder__item--before, .reorder__item--after, .draft--drop, .dropzone--over, .inbox--drop';

function seeded(items: string[]) {
  const now = new Date().toISOString();
  return {
    issues: [storedIssue(ISSUE, { at: now })],
    clips: [
      ...items.map((title, i) =>
        localDraft({
          id: `drop-marks-${i}`,
          title,
          body: `<p>${title}</p>`,
          issueId: ISSUE,
          sortKey: `a${String(i).padStart(2, '0')}`,
        }),
      ),
      ...['Free', 'Orange'].map((title, i) =>
        localDraft({
          id: `drop-marks-inbox-${title}`,
          title,
          body: `<p>Le texte de ${title}.</p>`,
          createdAt: new Date(Date.now() - 60_000 + i * 1000).toISOString(),
        }),
      ),
    ],
  };
}

describe('the desk’s drop targets, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await session?.close();
  });

  async function deskWith(items: string[]) {
    const setup = await session.openExtensionPage('popup.html');
    await clearTables(setup, ['clips', 'issues']);
    await writeDatabase(setup, seeded(items));
    await setCurrentIssue(setup, ISSUE);
    await setup.close();
    const desk = await openDesk(session);
    if (items.length) {
      await until(
        () => desk.getByTestId('issue-item').count(),
        (n) => n === items.length,
        'the items drawn',
      );
    } else await desk.getByTestId('issue-empty').waitFor();
    await desk.getByTestId('draft').filter({ hasText: 'Orange' }).waitFor();
    return desk;
  }

  const marks = (page: Page) =>
    page.evaluate((selector) => document.querySelectorAll(selector).length, MARKS);

  /** A real drag from `from`'s point to `to`'s, held there: the drag not yet dropped. */
  async function dragOver(page: Page, from: Locator, to: Locator) {
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await page.mouse.move(a.x + 30, a.y + 10);
    await page.mouse.down();
    await page.mouse.move(a.x + 40, a.y + 20, { steps: 4 });
    await page.mouse.move(b.x + 40, b.y + 12, { steps: 8 });
    await page.mouse.move(b.x + 50, b.y + 14, { steps: 3 });
  }

  async function givenUp(page: Page) {
    await page.keyboard.press('Escape');
    await page.mouse.up();
  }

  const draft = (page: Page, title: string) => page.getByTestId('draft').filter({ hasText: title });

  it('no longer draws a draft’s row as the merge target once the drag is given up with Escape', async () => {
    const desk = await deskWith(['OVH', 'Mauboussin']);
    await dragOver(desk, draft(desk, 'Free'), draft(desk, 'Orange'));
    await until(
      () => draft(desk, 'Orange').getAttribute('class'),
      (names) => !!names?.split(' ').includes('draft--drop'),
      'Orange drawn as the merge target',
    );
    await givenUp(desk);
    // Before, its outline stayed until another drag passed over it and left.
    await until(
      () => marks(desk),
      (n) => n === 0,
      'no drop target drawn',
    );
    await desk.close();
  });

  it('no longer draws the issue list’s drop marker for a draft once its drag is given up with Escape', async () => {
    const desk = await deskWith(['OVH', 'Mauboussin']);
    await dragOver(
      desk,
      draft(desk, 'Free'),
      desk.getByTestId('issue-item').filter({ hasText: 'Mauboussin' }),
    );
    await until(
      () =>
        desk.evaluate(
          () => document.querySelectorAll('.reorder__item--before, .reorder__item--after').length,
        ),
      (n) => n === 1,
      'the drop marker drawn',
    );
    await givenUp(desk);
    // Before, the marker stayed: only an item's own drag cleared it.
    await until(
      () => marks(desk),
      (n) => n === 0,
      'no drop marker drawn',
    );
    await desk.close();
  });

  it('no longer outlines the empty issue once a draft’s drag is given up with Escape', async () => {
    const desk = await deskWith([]);
    await dragOver(desk, draft(desk, 'Free'), desk.getByTestId('issue-empty'));
    await until(
      () => desk.getByTestId('issue-empty').getAttribute('class'),
      (names) => !!names?.split(' ').includes('dropzone--over'),
      'the empty issue outlined',
    );
    await givenUp(desk);
    await until(
      () => marks(desk),
      (n) => n === 0,
      'the empty issue no longer outlined',
    );
    await desk.close();
  });

  // A drag from another desk window over this one, given up there: this page is told nothing
  // (its source and dragend are in the other window). Driven here by the drag events this page
  // receives from it, the pointer then moved (Playwright drags within one page only).
  it('no longer draws the marks of a drag from another window given up over this one, once the pointer moves', async () => {
    const desk = await deskWith(['OVH', 'Mauboussin']);
    const overFromElsewhere = (selector: string, type: string) =>
      desk.evaluate(
        ([selector, type]) => {
          const data = new DataTransfer();
          data.setData(type!, 'ailleurs');
          const to = document.querySelector(selector!)!;
          const box = to.getBoundingClientRect();
          const at = { clientX: box.x + 20, clientY: box.y + 10 };
          for (const kind of ['dragenter', 'dragover']) {
            to.dispatchEvent(
              new DragEvent(kind, { bubbles: true, cancelable: true, dataTransfer: data, ...at }),
            );
          }
        },
        [selector, type],
      );
    for (const [selector, type] of [
      ['[data-testid="draft"]', 'application/x-indiscrets-draft'],
      ['[data-testid="issue-item"]', 'application/x-indiscrets-draft'],
      ['section.inbox', 'application/x-indiscrets-item'],
    ] as const) {
      await overFromElsewhere(selector, type);
      await until(
        () => marks(desk),
        (n) => n === 1,
        `${selector} drawn`,
      );
      await desk.mouse.move(5, 5);
      await desk.mouse.move(40, 60, { steps: 3 });
      // Before, drawn until another drag passed over and left it.
      await until(
        () => marks(desk),
        (n) => n === 0,
        `${selector} no longer drawn`,
      );
    }
    await desk.close();
  });

  it('takes an issue’s item dropped on the inbox showing the trash out of the issue, and shows it among the drafts', async () => {
    const desk = await deskWith(['OVH', 'Mauboussin']);
    const box = desk.getByRole('combobox', { name: 'Où chercher' });
    await box.selectOption('trash');
    await until(
      () => draft(desk, 'Orange').count(),
      (n) => n === 0,
      'the trash shown',
    );
    const handle = desk
      .getByTestId('issue-item')
      .filter({ hasText: 'Mauboussin' })
      .locator('.reorder__handle');
    const inbox = desk.locator('section.inbox');
    const a = (await handle.boundingBox())!;
    const b = (await inbox.boundingBox())!;
    await desk.mouse.move(a.x + 4, a.y + 4);
    await desk.mouse.down();
    await desk.mouse.move(a.x + 20, a.y + 20, { steps: 4 });
    await desk.mouse.move(b.x + 60, b.y + 200, { steps: 8 });
    await desk.mouse.move(b.x + 70, b.y + 210, { steps: 3 });
    await desk.mouse.up();

    await until(
      async () => {
        const { clips } = await readDatabase<{
          clips: Array<{ id: string; title: string; issueId?: string; deletedAt?: string }>;
          issues: Array<{ id: string }>;
        }>(desk);
        return clips.find((clip) => clip.title === 'Mauboussin');
      },
      (clip) => !!clip && !clip.issueId && !clip.deletedAt,
      'Mauboussin out of the issue, not trashed',
    );
    // Before, the trash stayed shown, without it: the editor took it for trashed.
    await until(
      () => box.inputValue(),
      (value) => value === 'inbox',
      'the drafts shown',
    );
    await until(
      () =>
        desk.evaluate(() =>
          document.activeElement?.closest('section.inbox')
            ? (document.activeElement.textContent ?? '')
            : '',
        ),
      (text) => text.includes('Mauboussin'),
      'the keyboard on its row',
    );
    expect(await draft(desk, 'Mauboussin').count()).toBe(1);
    // The switch said with the take-out, seen and spoken (before, the take-out alone).
    await until(
      () => desk.getByTestId('announcement').textContent(),
      (text) =>
        squash(text) ===
        '« Mauboussin » retiré du numéro. Les brouillons hors numéro sont affichés.',
      'the switch said',
    );
    expect(squash(await desk.getByTestId('undo-bar').textContent())).toContain(
      'Les brouillons hors numéro sont affichés.',
    );
    await desk.close();
  });
});
