import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { ISSUE_ID, lockOf, seeded } from './publish-locks-site';
import {
  clipFixture,
  clipThreeArticles,
  configureWordPress,
  type ExtensionSession,
  focusedLabel,
  launchExtension,
  launchSeeded,
  openDesk,
  openPopup,
  type PageServer,
  selectText,
  servePages,
  squash,
  until,
} from './harness';

/**
 * Where the keyboard goes after an action takes away what held it, in real Chromium with the
 * built extension: « Créer le numéro » (the form goes), the editor's « Supprimer » on the desk and
 * the undo bar's « Annuler », the popup editor's « ← Retour » to the issue tab, « Couper cette
 * page » (the button disabled while it clips), the popup editor's « Supprimer » (from the inbox
 * and from the issue tab), « Annuler » of a draft of the inbox put in the trash or merged into
 * another (popup and desk), a language chosen in the options (the page drawn again): never left
 * on the page's body. The tests share one profile and run in order.
 */
describe('the keyboard after an action, in Chromium', () => {
  let session: ExtensionSession;
  let server: PageServer;
  const titles = { guardian: '', lemonde: '', quanta: '', nytimes: '', medium: '' };

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    Object.assign(titles, await clipThreeArticles(session, server));
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /**
   * Waits for the focus to leave `from` (the control pressed, then the page's body as it goes)
   * and answers what has it then: the focus may pass by the body before it is given back.
   */
  const focusAfter = (page: Page, from: string) =>
    until(
      () => focusedLabel(page),
      (now) => now !== from && now !== 'BODY',
      `the focus moved from « ${from} »`,
    );

  /** Fills in the new issue's form for `date` (giving `title`) and presses « Créer le numéro ». */
  async function createFromKeyboard(page: Page, date: string, title: string) {
    const form = page.getByRole('form', { name: 'Nouveau numéro' });
    await form.getByLabel('Date').fill(date);
    await until(
      () => form.getByLabel('Titre').inputValue(),
      (value) => value === title,
      'the title',
    );
    await form.getByRole('button', { name: 'Créer le numéro' }).focus();
    await page.keyboard.press('Enter');
  }

  /**
   * Waits for the focus to leave « Créer le numéro » (and the page's body, as the form goes) and
   * answers where it went: the empty issue's message, in the issue « Numéro en cours » shows.
   */
  const afterCreate = async (page: Page) => {
    await focusAfter(page, 'Créer le numéro');
    return page.evaluate(() => ({
      focused: document.activeElement?.getAttribute('data-testid'),
      issue:
        document.querySelector<HTMLSelectElement>('.issue__picker select')?.selectedOptions[0]
          ?.text,
    }));
  };

  it('puts the focus, after « Créer le numéro », on the new issue’s empty list (popup, then desk)', async () => {
    // The first issue, from the popup's form.
    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await createFromKeyboard(popup, '2027-03-15', 'Les indiscrets du 15 mars');
    expect(await afterCreate(popup)).toEqual({
      focused: 'issue-empty',
      issue: 'Les indiscrets du 15 mars',
    });
    await popup.close();

    // Another, from the desk's « + Nouveau numéro »; the desk's keys still work from there.
    const desk = await openDesk(session);
    await desk.getByTestId('new-issue').click();
    await createFromKeyboard(desk, '2027-03-22', 'Les indiscrets du 22 mars');
    expect(await afterCreate(desk)).toEqual({
      focused: 'issue-empty',
      issue: 'Les indiscrets du 22 mars',
    });
    await desk.keyboard.press('1');
    await until(
      () => desk.evaluate(() => !!document.activeElement?.matches('.draft-list > li')),
      Boolean,
      'a draft to take the focus on « 1 »',
    );
    await desk.close();
  });

  /** The issue's items in `page`: each row's item id and label, in order. */
  const itemRows = (page: Page) =>
    page.getByTestId('issue-item').evaluateAll((rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-item-id')!,
        label: row.getAttribute('aria-label')!,
      })),
    );

  /** The item row that has the focus: its id, or what else has it. */
  const focusedItem = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'BODY';
      return el.getAttribute('data-item-id') ?? `${el.tagName} ${el.getAttribute('aria-label')}`;
    });

  it('gives the focus back, after the popup editor’s « ← Retour », to the issue tab’s item that was open', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Brouillons' }).click();
    for (const title of [titles.guardian, titles.lemonde, titles.quanta]) {
      const add = popup.getByRole('button', { name: `Ajouter « ${title} » au numéro` });
      await add.click();
      await add.waitFor({ state: 'detached' });
    }
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    const rows = await until(
      () => itemRows(popup),
      (list) => list.length === 3,
      'the three items',
    );
    // The second item, opened by Enter on its row; « ← Retour » pressed from the keyboard.
    await popup.locator(`[data-item-id="${rows[1]!.id}"]`).focus();
    await popup.keyboard.press('Enter');
    const back = popup.getByTestId('draft-editor').getByRole('button', { name: '← Retour' });
    await back.focus();
    await popup.keyboard.press('Enter');
    await back.waitFor({ state: 'detached' });
    await until(
      () => focusedItem(popup),
      (now) => now === rows[1]!.id,
      'the focus on the item that was open',
    );
    await popup.close();
  });

  it('puts the focus, after the desk editor’s « Supprimer », on the next item, and after « Annuler » back on the item', async () => {
    const desk = await openDesk(session);
    const rows = await until(
      () => itemRows(desk),
      (list) => list.length === 3,
      'the three items',
    );
    // The middle item opened in the editor, then put in the trash from its « Supprimer ».
    await desk.locator(`[data-item-id="${rows[1]!.id}"] .issue-item__title`).click();
    const trash = desk.getByTestId('draft-editor').getByTestId('delete-button');
    await trash.focus();
    await desk.keyboard.press('Enter');
    await until(
      () => itemRows(desk),
      (list) => list.length === 2,
      'the item trashed',
    );
    // On the row that took its place, not on the page's body with the editor's button.
    expect(
      await until(
        () => focusedItem(desk),
        (now) => now !== 'BODY' && !now.startsWith('BUTTON'),
        'the focus moved',
      ),
    ).toBe(rows[2]!.id);

    // « Annuler » in the undo bar: the draft back in its place, the keyboard on its row's
    // « Retirer », as after « Retirer » and « Annuler ».
    const undo = desk.getByTestId('undo-bar').getByRole('button', { name: 'Annuler' });
    await undo.focus();
    await desk.keyboard.press('Enter');
    await until(
      () => itemRows(desk),
      (list) => list.length === 3,
      'the item back',
    );
    const remove = await desk
      .locator(`[data-item-id="${rows[1]!.id}"] .issue-item__remove`)
      .getAttribute('aria-label');
    expect(await focusAfter(desk, 'Annuler')).toBe(remove);
    await desk.close();
  });

  /** The inbox row that has the focus: its draft's id, or what else has it. */
  const focusedDraft = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'BODY';
      if (el.matches('li[data-index]'))
        return el.querySelector('[data-id]')?.getAttribute('data-id');
      return `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim()}`;
    });

  /** The id of the draft whose inbox row shows `title`. */
  const draftId = (page: Page, title: string) =>
    page.getByTestId('draft').filter({ hasText: title }).first().getAttribute('data-id');

  it('puts the focus, after « Couper cette page », on the clipped draft’s row', async () => {
    // A draft in the inbox already, then another page clipped from the keyboard.
    titles.nytimes = await clipFixture(session, server, 'nytimes-1', 'p');
    const article = await session.context.newPage();
    await article.goto(server.fixture('medium-2'));
    await selectText(article, 'p');
    const popup = await openPopup(session, `?tabId=${await session.tabIdOf(article.url())}`);
    const clip = popup.getByRole('button', { name: 'Couper cette page' });
    await clip.focus();
    await popup.keyboard.press('Enter');
    const message = popup.getByTestId('clip-message').filter({ hasText: /\S/ });
    titles.medium = /^Nouveau brouillon : « (.*) »$/.exec(squash(await message.textContent()))![1]!;
    const id = await draftId(popup, titles.medium);
    // On the new draft's row, where Enter opens it: not on the page's body.
    expect(
      await until(
        () => focusedDraft(popup),
        (now) => now !== 'BODY' && now !== 'BUTTON Couper cette page' && now !== 'BUTTON Découpe…',
        'the focus moved',
      ),
    ).toBe(id);
    await popup.close();
    await article.close();
  });

  it('puts the focus, after the popup editor’s « Supprimer », on the next draft, and after « Annuler » back on the draft', async () => {
    const popup = await openPopup(session);
    const [medium, nytimes] = [
      await draftId(popup, titles.medium),
      await draftId(popup, titles.nytimes),
    ];
    // The first draft of the inbox (the page clipped last) opened by Enter, then « Supprimer ».
    await popup.locator(`li[data-index]:has([data-id="${medium}"])`).focus();
    await popup.keyboard.press('Enter');
    const trash = popup.getByTestId('draft-editor').getByTestId('delete-button');
    await trash.focus();
    await popup.keyboard.press('Enter');
    await trash.waitFor({ state: 'detached' });
    // On the row that took its place, not on the page's body with the editor.
    expect(
      await until(
        () => focusedDraft(popup),
        (now) => now !== 'BODY' && !String(now).startsWith('BUTTON'),
        'the focus moved',
      ),
    ).toBe(nytimes);

    // « Annuler » in the undo bar: the draft back in the inbox, the keyboard on its row.
    const undo = popup.getByTestId('undo-bar').getByRole('button', { name: 'Annuler' });
    await undo.focus();
    await popup.keyboard.press('Enter');
    await popup.locator(`[data-id="${medium}"]`).waitFor();
    expect(
      await until(
        () => focusedDraft(popup),
        (now) => now !== 'BODY' && now !== 'BUTTON Annuler' && now !== nytimes,
        'the focus moved',
      ),
    ).toBe(medium);
    await popup.close();
  });

  it('puts the focus, after the desk inbox’s « Supprimer » and « Annuler », back on the draft', async () => {
    const desk = await openDesk(session);
    // The inbox's first draft put in the trash from its row's « Supprimer ».
    await desk.keyboard.press('1');
    const medium = await draftId(desk, titles.medium);
    const row = desk.locator(`li[data-index]:has([data-id="${medium}"])`);
    const trash = row.getByRole('button', { name: 'Supprimer' });
    await trash.focus();
    await desk.keyboard.press('Enter');
    await row.waitFor({ state: 'detached' });
    const undo = desk.getByTestId('undo-bar').getByRole('button', { name: 'Annuler' });
    await undo.focus();
    await desk.keyboard.press('Enter');
    await desk.locator(`[data-id="${medium}"]`).waitFor();
    expect(
      await until(
        () => focusedDraft(desk),
        (now) => now !== 'BODY' && now !== 'BUTTON Annuler',
        'the focus moved',
      ),
    ).toBe(medium);
    await desk.close();
  });

  /**
   * Merges the draft `id` of the inbox, open in `page`'s editor, into the draft `into` from the
   * keyboard (« Fusionner dans… », then the draft chosen), and undoes it from the undo bar's
   * « Annuler », pressed from the keyboard too; answers where the keyboard then is (focusedDraft),
   * once the merged-away draft is back in the inbox. Merged, the editor closes and the keyboard
   * goes to the row that took the draft's place, `next`, as after its « Supprimer ».
   */
  async function mergeThenUndo(page: Page, id: string, into: string, next: string) {
    const editor = page.getByTestId('draft-editor');
    await editor.getByRole('button', { name: 'Fusionner dans…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('merge-dialog').getByRole('button', { name: into }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('merge-dialog').waitFor({ state: 'detached' });
    expect(
      await until(
        () => focusedDraft(page),
        (now) => now !== 'BODY' && now !== id,
        'the focus after the merge',
      ),
    ).toBe(next);
    const undo = page.getByTestId('undo-bar').getByRole('button', { name: 'Annuler' });
    await undo.focus();
    const before = await focusedDraft(page);
    await page.keyboard.press('Enter');
    await page
      .locator(`[data-id="${id}"]`)
      .waitFor({ timeout: 10_000 })
      .catch(async (error: unknown) => {
        // Says what the page showed, for a failure seen once in a clean-clone CI and never since.
        const shown = await page.evaluate(() => ({
          bar: document.querySelector('[data-testid="undo-bar"]')?.textContent ?? null,
          editor: !!document.querySelector('[data-testid="draft-editor"]'),
          rows: [...document.querySelectorAll('[data-testid="draft"]')].map((row) =>
            row.getAttribute('data-id'),
          ),
        }));
        const now = await focusedDraft(page);
        throw new Error(
          `The merged-away draft's row never came back (focus before Enter: ${before}, now: ${now}; shown: ${JSON.stringify(shown)}): ${String(error)}`,
        );
      });
    expect(
      await until(
        () => focusedDraft(page),
        (now) => now !== 'BODY' && now !== 'BUTTON Annuler',
        'the focus moved',
      ),
    ).toBe(id);
  }

  it('puts the focus, after « Fusionner dans… » and « Annuler », back on the merged-away draft’s row (popup, then desk)', async () => {
    const popup = await openPopup(session);
    // The inbox's first draft (the page clipped last) opened by Enter, merged into the other.
    const medium = (await draftId(popup, titles.medium))!;
    const nytimes = (await draftId(popup, titles.nytimes))!;
    await popup.locator(`li[data-index]:has([data-id="${medium}"])`).focus();
    await popup.keyboard.press('Enter');
    await mergeThenUndo(popup, medium, titles.nytimes, nytimes);
    await popup.close();

    const desk = await openDesk(session);
    await desk.keyboard.press('1');
    await desk.locator(`li[data-index]:has([data-id="${medium}"])`).focus();
    await desk.keyboard.press('Enter');
    await desk.getByTestId('draft-editor').waitFor();
    await mergeThenUndo(desk, medium, titles.nytimes, nytimes);
    await desk.close();
  });

  it('puts the focus, after the popup editor’s « Supprimer » of an item, on the next item', async () => {
    const popup = await openPopup(session);
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    const rows = await until(
      () => itemRows(popup),
      (list) => list.length === 3,
      'the three items',
    );
    await popup.locator(`[data-item-id="${rows[1]!.id}"]`).focus();
    await popup.keyboard.press('Enter');
    const trash = popup.getByTestId('draft-editor').getByTestId('delete-button');
    await trash.focus();
    await popup.keyboard.press('Enter');
    await trash.waitFor({ state: 'detached' });
    expect(
      await until(
        () => focusedItem(popup),
        (now) => now !== 'BODY' && !now.startsWith('BUTTON'),
        'the focus moved',
      ),
    ).toBe(rows[2]!.id);
    // Put back, for what follows.
    await popup.getByTestId('undo-bar').getByRole('button', { name: 'Annuler' }).click();
    await until(
      () => itemRows(popup),
      (list) => list.length === 3,
      'the item back',
    );
    await popup.close();
  });

  it('gives the focus back to « Langue de l’interface » once the options are drawn in the language chosen', async () => {
    const options = await session.openExtensionPage('options.html');
    const french = options.getByRole('combobox', { name: 'Langue de l’interface' });
    await french.focus();
    await french.selectOption('en');
    await options.getByRole('heading', { name: 'Indiscrets settings' }).waitFor();
    await until(
      () => focusedLabel(options),
      (now) => now === 'Interface language',
      'the focus on the language’s list, in English',
    );
    // And back to French, the same way.
    await options.getByRole('combobox', { name: 'Interface language' }).selectOption('fr');
    await options.getByRole('heading', { name: 'Réglages d’Indiscrets' }).waitFor();
    await until(
      () => focusedLabel(options),
      (now) => now === 'Langue de l’interface',
      'the focus on the language’s list, in French',
    );
    await options.close();
  });
});

/**
 * A stand-in for the shared desk's WordPress on 127.0.0.1, enough to publish an issue already
 * published (post 812): the desk's poll (with the locks a test sets), the REST root, the
 * category, the post (edited in WordPress since: a conflict, unless overwritten) and its update.
 * The post's requests wait while `held` is set, as a slow site's do: the panel is publishing.
 */
interface SlowSite {
  origin: string;
  locks: object[];
  held?: Promise<void>;
  /** The publication's requests of the post answered or waiting, in order (`GET` or `POST`). */
  asked: string[];
  close(): Promise<void>;
}

async function slowSite(): Promise<SlowSite> {
  const site: Partial<SlowSite> = { locks: [], asked: [] };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route = (url.searchParams.get('rest_route') ?? url.pathname).replace(/^\/wp-json/, '');
    const json = (body: unknown, status = 200) => {
      response.writeHead(status, {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
        'access-control-allow-headers': '*',
        'access-control-allow-methods': 'GET, POST',
      });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'OPTIONS') return json({});
    if (route === '/indiscrets/v1/changes') {
      const empty = { records: [], total: 0, pages: 1 };
      return json({ drafts: empty, issues: empty, locks: site.locks });
    }
    if (route === '/' || route === '') return json({ namespaces: ['wp/v2'], routes: {} });
    if (route === '/wp/v2/categories') return json([{ id: 5, name: 'Indiscrets' }]);
    if (route === '/wp/v2/posts/812') {
      // The panel's own look at the post (« Modifié dans WordPress… », as it opens and after a
      // publication) is not publishing: answered at once, and not counted.
      const look = url.searchParams.get('_fields') === 'id,modified_gmt,status,link';
      if (!look) site.asked!.push(request.method ?? '');
      const post = {
        id: 812,
        status: 'draft',
        link: `${site.origin}/?p=812`,
        // Edited in WordPress after this browser's publication: a conflict, unless overwritten.
        modified_gmt: request.method === 'POST' ? '2027-03-15T11:00:00' : '2027-03-15T10:00:00',
        categories: [5],
      };
      void ((!look && site.held) || Promise.resolve()).then(() => json(post));
      return;
    }
    json({ code: 'rest_no_route', message: 'No route', data: { status: 404 } }, 404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  site.origin = `http://127.0.0.1:${address.port}`;
  site.close = () => new Promise((resolve) => server.close(() => resolve()));
  return site as SlowSite;
}

describe('the keyboard while publishing, in Chromium', () => {
  let session: ExtensionSession;
  let site: SlowSite;
  let desk: Page;

  beforeAll(async () => {
    site = await slowSite();
    // The desk of the publish-locks tests, its issue published once (post 812).
    const seed = seeded(site.origin);
    session = await launchSeeded(() => ({
      ...seed,
      issues: seed.issues.map((issue) => ({
        ...issue,
        wordpress: {
          postId: 812,
          link: `${site.origin}/?p=812`,
          modifiedGmt: '2027-03-15T09:00:00',
          publishedAt: '2027-03-15T09:00:00.000Z',
          siteUrl: site.origin,
        },
      })),
    }));
    await configureWordPress(session, {
      siteUrl: site.origin,
      username: 'redac',
      password: 'abcd efgh ijkl mnop qrst uvwx',
    });
    desk = await openDesk(session);
    await desk.getByLabel('Numéro en cours').selectOption(ISSUE_ID);
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  /** What has the focus, and whether it is in the publish panel. */
  const focusedInPanel = () =>
    desk.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'BODY';
      const where = el.closest('[data-testid="publish"]') ? '' : 'outside: ';
      const label = el.getAttribute('aria-label') ?? (el.textContent ?? '').replace(/\s+/g, ' ');
      return `${where}${el.tagName} ${label.trim().slice(0, 60)}`;
    });

  /** Holds the post's requests until the returned function is called. */
  const hold = () => {
    let release!: () => void;
    site.held = new Promise<void>((resolve) => (release = resolve));
    return () => {
      site.held = undefined;
      release();
    };
  };

  it('puts the focus, after « Publier quand même » and « Écraser », on « Annuler » while it publishes, then on what came of it', async () => {
    // Paul Martin has an item open: the question, then « Publier quand même » from the keyboard.
    site.locks = [lockOf('item-bpi', { id: 4, name: 'Paul Martin' })];
    await desk.getByRole('button', { name: 'Mettre à jour l’article WordPress' }).click();
    const question = desk.getByTestId('publish-locked');
    const anyway = question.getByRole('button', { name: 'Publier quand même' });
    await anyway.waitFor();
    let release = hold();
    await anyway.focus();
    await desk.keyboard.press('Enter');
    await until(
      async () => site.asked.length,
      (count) => count === 1,
      'the post asked for',
    );
    // The post is being read: the keyboard on « Annuler », which stops it.
    expect(
      await until(
        focusedInPanel,
        (now) => now !== 'BODY' && now !== 'BUTTON Publier quand même',
        'the focus moved',
      ),
    ).toBe('BUTTON Annuler');
    release();
    // Edited in WordPress since: the failure says so, and has the keyboard.
    const failure = desk.getByTestId('publish-message');
    await failure.getByRole('button', { name: 'Écraser la version de WordPress' }).waitFor();
    expect(
      await until(
        focusedInPanel,
        (now) => now !== 'BODY' && now !== 'BUTTON Annuler',
        'the focus moved',
      ),
    ).toMatch(/^DIV L’article a été modifié dans WordPress/);

    // « Écraser… » from the keyboard: « Annuler » again while it publishes, then the success.
    release = hold();
    await failure.getByRole('button', { name: 'Écraser la version de WordPress' }).focus();
    await desk.keyboard.press('Enter');
    await until(
      async () => site.asked.length,
      (count) => count === 2,
      'the post read again',
    );
    expect(
      await until(
        focusedInPanel,
        (now) => now !== 'BODY' && !now.includes('Écraser'),
        'the focus moved',
      ),
    ).toBe('BUTTON Annuler');
    release();
    await desk.getByTestId('publish-message').filter({ hasText: 'Article mis à jour' }).waitFor();
    expect(
      await until(
        focusedInPanel,
        (now) => now !== 'BODY' && now !== 'BUTTON Annuler',
        'the focus moved',
      ),
    ).toMatch(/^P Article mis à jour dans WordPress/);
  });
});
