import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearTables, localDraft, storedIssue, writeDatabase } from './database';
import {
  launchExtension,
  openDesk,
  openPopup as openPopupPage,
  selectShows,
  selectsCutOff,
  setCurrentIssue,
  squash,
  until,
  screenshotPath,
  type ExtensionSession,
} from './harness';

/**
 * The desk between the narrowest width that lays it out in columns (1100 px) and a common
 * laptop's: nothing wider than the window (the page itself does not scroll sideways, so what
 * overflows is simply cut off), and every item of the issue with its ↑ and ↓ buttons whole inside
 * the issue column, whatever the length of its title.
 */

/** The open issue, and one other (every item then offers « Déplacer vers… »). */
const ISSUE = 'issue-widths';
const OTHER = 'issue-other';

/** Item names as editors write them: short, long, and one long word (a pasted address). */
const LABELS = [
  'Remaniement',
  'Le ministre de l’Économie aurait confié à ses proches qu’il ne briguerait pas la présidence du parti avant l’automne',
  'Budget',
  'https://www.example-presse-regionale.fr/politique/2024/03/15/les-coulisses-du-remaniement-gouvernemental',
  'La sénatrice et le préfet',
];

/** Quotes as clipped: one of three lines in a wide column, one short. */
const QUOTES = [
  '« Nous ne laisserons pas le budget de la Nation entre les mains de ceux qui ne savent pas compter », a déclaré la sénatrice devant la commission des finances.',
  'Le préfet a refusé de commenter.',
];

/**
 * The issue and its items, written with IndexedDB itself (as the extension's database stores
 * them), and chosen as the desk's open issue.
 */
async function seedIssue(session: ExtensionSession): Promise<void> {
  const page = await session.openExtensionPage('desk.html');
  const now = new Date(Date.UTC(2024, 2, 15, 7, 30)).toISOString();
  await writeDatabase(page, {
    issues: [
      storedIssue(ISSUE, { at: now }),
      // The house pattern's longest title, exported: the picker must show it with its status.
      storedIssue(OTHER, { title: 'Les indiscrets du 1er septembre', status: 'exported', at: now }),
    ],
    clips: LABELS.map((label, i) =>
      localDraft({
        id: `item-${i}`,
        title: label,
        label,
        // The long title's draft has quotes, as a clipped draft does: its editor shows them.
        quotes: i === 1 ? QUOTES.map((text) => ({ text, html: '', clippedAt: now })) : [],
        createdAt: now,
        body: `<p>${label}. La suite de l’indiscret, assez longue pour tenir deux lignes dans la colonne du numéro.</p>`,
        issueId: ISSUE,
        sortKey: `a${i}`,
      }),
    ),
  });
  await page.close();
  await currentIssue(session, ISSUE);
}

/** Makes `issueId` the current issue, as the picker stores it. */
async function currentIssue(session: ExtensionSession, issueId: string): Promise<void> {
  const page = await session.openExtensionPage('desk.html');
  await setCurrentIssue(page, issueId);
  await page.close();
}

/** What sticks out: the page's width against the window's, and each item's buttons. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const column = document.querySelector('.desk__issue')!.getBoundingClientRect();
    const items = Array.from(document.querySelectorAll<HTMLElement>('.reorder__item'));
    // Cut off rather than scrolled (the desk and its columns hide what sticks out sideways):
    // elements reaching past the window's right edge, or past their column's.
    const past = (limit: number, within: ParentNode) =>
      Array.from(within.querySelectorAll<HTMLElement>('*'))
        // What is not shown (a closed <details>, a hidden panel) cannot stick out.
        .filter((el) => el.checkVisibility())
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && box.right > limit + 0.5;
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.textContent?.slice(0, 30)}`);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      pastWindow: past(innerWidth, document.body),
      pastColumn: Array.from(document.querySelectorAll<HTMLElement>('.desk__column')).flatMap(
        (col) => past(col.getBoundingClientRect().right, col),
      ),
      items: items.length,
      // ↑ and ↓ not wholly inside the issue column's box, by item.
      clipped: items.flatMap((item, index) =>
        Array.from(item.querySelectorAll<HTMLElement>('.reorder__buttons button'))
          .map((button) => button.getBoundingClientRect())
          .filter(
            (box) =>
              box.left < column.left - 0.5 ||
              box.right > column.right + 0.5 ||
              box.width === 0 ||
              box.height === 0,
          )
          .map((box) => ({
            index,
            button: { left: box.left, right: box.right },
            column: { left: column.left, right: column.right },
          })),
      ),
    };
  });
}

describe('the desk from 1100 px wide to a laptop', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    await seedIssue(session);
  });

  afterAll(async () => {
    await session?.close();
  });

  for (const viewport of [
    { width: 1100, height: 720 },
    // The narrowest widths laid out in columns, where their least widths once added up to more.
    { width: 1101, height: 720 },
    { width: 1120, height: 720 },
    // The drafts' column a few pixels too narrow for « Hors numéro » beside « Tout statut ».
    { width: 1200, height: 720 },
    { width: 1280, height: 720 },
    { width: 1280, height: 800 },
    { width: 1366, height: 768 },
    { width: 1440, height: 900 },
    { width: 1920, height: 1080 },
  ]) {
    it(`fits in the window at ${viewport.width}×${viewport.height}, every item's ↑ and ↓ inside the issue column`, async () => {
      const desk = await openDesk(session, viewport);
      await desk
        .locator('.reorder__item')
        .nth(LABELS.length - 1)
        .waitFor();
      // The issue's fields (title, date, length) open too: they share the column.
      await desk.locator('.issue__fields summary').click();
      await desk.locator('.issue__fields input[type="number"]').waitFor();
      await desk.screenshot({
        path: screenshotPath(`desk-width-${viewport.width}x${viewport.height}.png`),
      });
      const seen = await overflow(desk);
      expect(seen.items).toBe(LABELS.length);
      expect(seen.scrollWidth).toBeLessThanOrEqual(seen.innerWidth);
      expect(seen.pastWindow).toEqual([]);
      expect(seen.pastColumn).toEqual([]);
      expect(seen.clipped).toEqual([]);
      // The drafts' filters read whole: « Hors numéro » was cut off in equal halves at 1280 px,
      // and beside « Tout statut » below about 1215 px, where the column is too narrow for both.
      expect(await selectsCutOff(desk)).toEqual([]);
      await desk.close();
    });
  }

  it('gives each column room to read at 1280×800, the drafts shown or folded away', async () => {
    const desk = await openDesk(session, { width: 1280, height: 800 });
    await desk
      .locator('.reorder__item')
      .nth(LABELS.length - 1)
      .waitFor();
    await desk.getByTestId('issue-item').nth(1).locator('.issue-item__title').click();
    await desk
      .locator('.desk__editor .quotes blockquote')
      .nth(QUOTES.length - 1)
      .waitFor();
    /** Each column's width, and each quote's against the editor's room inside its padding. */
    const measure = () =>
      desk.evaluate(() => {
        const width = (selector: string) =>
          document.querySelector(selector)?.getBoundingClientRect().width ?? 0;
        const editor = document.querySelector('.desk__editor .quotes')!.getBoundingClientRect();
        return {
          inbox: width('.desk__inbox'),
          issue: width('.desk__issue'),
          editor: width('.desk__editor'),
          output: width('.desk__output'),
          // A quote squeezed beside its buttons was a few words a line.
          quotes: Array.from(
            document.querySelectorAll('.desk__editor .quotes blockquote'),
            (quote) => Math.round(quote.getBoundingClientRect().width - editor.width),
          ),
        };
      });

    const shown = await measure();
    await desk.screenshot({ path: screenshotPath('desk-width-1280x800-editor.png') });
    // The least widths where each column reads: the drafts' titles, the items' titles beside
    // their handles and arrows, the editor's fields and quotes, the preview's paragraphs.
    expect(shown.inbox).toBeGreaterThanOrEqual(220);
    expect(shown.issue).toBeGreaterThanOrEqual(320);
    expect(shown.editor).toBeGreaterThanOrEqual(360);
    expect(shown.output).toBeGreaterThanOrEqual(300);
    // Each quote as wide as the list: its buttons go under it.
    expect(shown.quotes).toEqual(QUOTES.map(() => 0));
    const seen = await overflow(desk);
    expect(seen.pastWindow).toEqual([]);
    expect(seen.pastColumn).toEqual([]);
    expect(seen.clipped).toEqual([]);

    // The drafts folded away (the desk remembers it): the editor and the issue have their room.
    await desk.getByTestId('inbox-toggle').click();
    await desk.locator('.desk__inbox').waitFor({ state: 'detached' });
    const folded = await measure();
    await desk.screenshot({ path: screenshotPath('desk-width-1280x800-editor-folded.png') });
    expect(folded.issue).toBeGreaterThanOrEqual(340);
    expect(folded.editor).toBeGreaterThanOrEqual(500);
    expect(folded.output).toBeGreaterThanOrEqual(340);
    expect(await overflow(desk)).toMatchObject({ pastWindow: [], pastColumn: [], clipped: [] });
    // Shown again for the next tests, which open desks in this profile.
    await desk.getByTestId('inbox-toggle').click();
    await desk.locator('.desk__inbox').waitFor();
    await desk.close();
  });

  it('fits in the window at every width from a tablet to a wide screen', async () => {
    const desk = await openDesk(session, { width: 1366, height: 768 });
    await desk
      .locator('.reorder__item')
      .nth(LABELS.length - 1)
      .waitFor();
    await desk.locator('.issue__fields summary').click();
    // Every few pixels across the start of the columns (where the least widths bite), then
    // every 40 up to 1920; below 1100, the two-column layout.
    const widths = [640, 800, 1000, 1100];
    for (let width = 1101; width < 1160; width += 3) widths.push(width);
    for (let width = 1160; width <= 1920; width += 40) widths.push(width);
    const failures = [];
    for (const width of widths) {
      await desk.setViewportSize({ width, height: 768 });
      // Laid out again at the new width before it is measured.
      await desk.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      const seen = await overflow(desk);
      if (
        seen.scrollWidth > seen.innerWidth ||
        seen.pastWindow.length ||
        seen.pastColumn.length ||
        seen.clipped.length
      )
        failures.push({ width, ...seen });
    }
    expect(failures).toEqual([]);
    await desk.close();
  });

  it('shows the issue picker’s title whole with its status, in the popup and the desk from 1280 px', async () => {
    const shown = 'Les indiscrets du 1er septembre (exporté)';
    // The exported issue made the current one in storage, as the picker does, before any view
    // opens: no view's choice can race another's.
    await currentIssue(session, OTHER);
    /** The picker's shown text, its width as drawn in its font, and the room the select gives. */
    const picker = async (page: Page) => {
      const select = page.getByRole('combobox', { name: 'Numéro en cours' });
      // The live picker, once the database answered (the first screen's is drawn before).
      await until(
        () => select.evaluate((box) => !box.hasAttribute('aria-disabled')),
        Boolean,
        'the live picker',
      );
      await until(
        () => select.locator('option:checked').textContent(),
        (text) => text === shown,
        'the exported issue shown',
      );
      return selectShows(select);
    };
    const seen = [];
    for (const width of [1280, 1366, 1920]) {
      const desk = await openDesk(session, { width, height: 768 });
      seen.push({ where: `desk ${width}`, ...(await picker(desk)) });
      await desk.close();
    }
    const popup = await openPopupPage(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    seen.push({ where: 'popup', ...(await picker(popup)) });
    await popup.close();
    await currentIssue(session, ISSUE);

    for (const picked of seen) {
      expect(picked.text, picked.where).toBe(shown);
      expect(picked.width, picked.where).toBeLessThanOrEqual(picked.room);
    }
  });

  it('puts what sharing a note does under its box, not run on after « Partager la note… »', async () => {
    const desk = await openDesk(session, { width: 1366, height: 768 });
    await writeDatabase(desk, {
      syncState: [
        {
          id: 'desk',
          enabled: true,
          phase: 'idle',
          firstSyncDone: true,
          lastSyncAt: new Date().toISOString(),
          user: { id: 3, name: 'Rédac', roles: ['editor'] },
        },
      ],
    });
    await desk.reload();
    await desk.getByTestId('issue-item').first().locator('.issue-item__title').click();
    const share = desk.getByTestId('share-note');
    await share.scrollIntoViewIfNeeded();
    const [box, small] = await Promise.all([
      share.locator('input').boundingBox(),
      share.locator('small').evaluate((el) => el.getClientRects()[0]!.toJSON() as DOMRect),
    ]);
    // On the line under the box (« … avec la rédactionLa note reste… » when run on), its words
    // lined up with the label's.
    expect(small.top).toBeGreaterThanOrEqual(box!.y + box!.height - 1);
    await desk.screenshot({ path: screenshotPath('desk-share-note.png') });
    await clearTables(desk, ['syncState']);
    await desk.close();
  });

  it('keeps ⚙ on the line of « ◂ Brouillons » and « Raccourcis clavier », the clipping hint on one line or two', async () => {
    // 1366: the hint on one line; 1024 and 900: on two (as at 1024 in Firefox, whose scrollbar
    // takes room), which once put ⚙ lower still, centred on the title and the hint.
    for (const width of [1366, 1024, 900]) {
      const desk = await openDesk(session, { width, height: 768 });
      const tops = await desk.locator('.desk__top button').evaluateAll((buttons) =>
        buttons.map((button) => ({
          name: button.getAttribute('aria-label') ?? button.textContent!.trim(),
          top: Math.round(button.getBoundingClientRect().top),
        })),
      );
      const gear = tops.find(({ name }) => name === 'Réglages')!.top;
      expect(tops.length).toBeGreaterThanOrEqual(3);
      expect(tops.map(({ name, top }) => ({ name, top: top - gear }))).toEqual(
        tops.map(({ name }) => ({ name, top: 0 })),
      );
      await desk.close();
    }
  });

  it('keeps the export format beside « Télécharger », which downloads in it, wherever the row wraps', async () => {
    // The desk's output column (1100, 1366 px) and the narrowest popup: too narrow for the three
    // on one line, « Télécharger » went alone under « Copier le numéro » and the format.
    const desk1100 = () => openDesk(session, { width: 1100, height: 720 });
    const desk1366 = () => openDesk(session, { width: 1366, height: 768 });
    const popup320 = async () => {
      const page = await openPopupPage(session);
      await page.setViewportSize({ width: 320, height: 600 });
      await page.getByRole('tab', { name: 'Numéro' }).click();
      return page;
    };
    for (const open of [desk1100, desk1366, popup320]) {
      const page = await open();
      const row = page.locator('.export__row');
      const format = await row.getByRole('combobox', { name: 'Format' }).boundingBox();
      const download = await row.getByRole('button', { name: 'Télécharger' }).boundingBox();
      const width = page.viewportSize()!.width;
      // One line: their middles level (the button is a little taller than the select).
      const middle = (box: { y: number; height: number }) => box.y + box.height / 2;
      expect({ width, apart: Math.round(Math.abs(middle(download!) - middle(format!))) }).toEqual({
        width,
        apart: 0,
      });
      await page.close();
    }
  });

  /**
   * The shared desk on as `user`, with a change WordPress refused of the item « Remaniement »
   * (no site is set, so the engine only says so), and the desk showing it.
   */
  async function showRefusal(
    desk: Page,
    user: { id: number; name: string; roles: string[] },
    refusal: { key: string; action: string; discarded: object; changed?: string[] },
  ) {
    await writeDatabase(desk, {
      syncState: [
        {
          id: 'desk',
          enabled: true,
          phase: 'idle',
          firstSyncDone: true,
          lastSyncAt: new Date().toISOString(),
          user,
        },
      ],
      refusals: [
        {
          kind: 'draft',
          recordId: 'item-0',
          title: 'Remaniement',
          needs: 'editor',
          at: new Date().toISOString(),
          ...refusal,
        },
      ],
    });
    // Written with IndexedDB itself, which Dexie's live queries do not hear: the desk reads it anew.
    await desk.reload();
    await desk.getByTestId('sync-refusal').waitFor();
  }

  it('keeps its tools by its title when a refusal of the shared desk makes the header tall', async () => {
    const desk = await openDesk(session, { width: 1366, height: 768 });
    // The shared desk on, as a Contributor, with a change WordPress refused: the bar in the header
    // shows it (no site is set, so the engine only says so).
    await showRefusal(
      desk,
      { id: 7, name: 'Pigiste', roles: ['contributor'] },
      { key: 'draft:item-0:arrange', action: 'arrange', discarded: { issueId: '' } },
    );

    const title = await desk.locator('.desk__top h1').boundingBox();
    const help = await desk.getByRole('button', { name: /^Raccourcis clavier/ }).boundingBox();
    const header = await desk.locator('.desk__top').boundingBox();

    // The header is tall (the bar and the refusal), the tools stay on the title's line.
    expect(header!.height).toBeGreaterThan(100);
    expect(Math.abs(help!.y - title!.y)).toBeLessThan(20);
    await desk.screenshot({ path: screenshotPath('desk-refusal.png') });
    await clearTables(desk, ['syncState', 'refusals']);
    await desk.close();
  });

  it('copies, from a refusal, the words the refused edit had written, links kept', async () => {
    const desk = await openDesk(session, { width: 1366, height: 768 });
    await showRefusal(
      desk,
      { id: 4, name: 'Rédac', roles: ['author'] },
      {
        key: 'draft:item-0:edit',
        action: 'edit',
        discarded: {
          title: 'Remaniement',
          body: '<p>Une demi-heure de <a href="https://exemple.fr/source">travail</a>.</p>',
        },
        changed: ['body'],
      },
    );
    const refusal = desk.getByTestId('sync-refusal');

    await refusal.getByRole('button', { name: 'Copier ce que vous aviez écrit' }).click();
    await until(
      () => desk.getByTestId('sync-refusal-copied').textContent(),
      (text) => squash(text ?? '') === 'Copié : collez-le où vous voulez le garder.',
      'the copy said',
    );
    // Read back as a paste reads it (no permission can be granted to an extension origin).
    const search = desk.getByRole('searchbox').first();
    await search.evaluate((el: HTMLElement) => {
      el.addEventListener('paste', (event: ClipboardEvent) => {
        event.preventDefault();
        el.dataset.pasted = JSON.stringify({
          html: event.clipboardData!.getData('text/html'),
          text: event.clipboardData!.getData('text/plain'),
        });
      });
    });
    await search.focus();
    await desk.keyboard.press('Control+V');
    const pasted = JSON.parse((await search.getAttribute('data-pasted')) ?? '{}') as {
      html: string;
      text: string;
    };
    expect(pasted.html).toContain('<a href="https://exemple.fr/source">travail</a>');
    expect(pasted.text).toBe('Une demi-heure de travail.');
    await clearTables(desk, ['syncState', 'refusals']);
    await desk.close();
  });
});
