/**
 * The shared desk end to end: two (or three) browsers, each with the built test extension and
 * its own WordPress account, sharing drafts and issues through the real WordPress of the suite
 * (companion plugin active). A = Editor (`redac`), B = a second Editor (the administrator),
 * P = Contributor (`pigiste`). Each browser turns the shared desk on from the options page, as
 * an editor would; syncs are asked with the desk's « Synchroniser » button and awaited on the
 * sync's own state in IndexedDB, never on a fixed delay.
 * Build first: INDISCRETS_TEST_BUILD=1 npx wxt build (npm run test:wordpress does it).
 */
import { chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  clipFixture,
  liveRegionsSaying,
  openPopup,
  screenshotPath,
  selectText,
  servePages,
  until,
  type PageServer,
} from '../browser/harness';
import { t } from '../../locales';
import {
  clipByTitle,
  clips,
  deskAccounts,
  lockOn,
  openDesk,
  openDraft,
  readStore,
  restAs,
  seemHidden,
  serverRecords,
  settled,
  shownName,
  sync,
  type Desk,
  type Row,
  type StoredClip,
} from './desk-browsers';
import { php, site } from './helpers';
import { publishedWhen } from '../../components/publishedLine';
import { shortened } from '../../lib/ellipsis';
import { itemLabel } from '../../storage/label';

describe('the shared desk between two browsers, through a real WordPress', () => {
  let server: PageServer;
  let a: Desk;
  let b: Desk;
  const newsroom = () => site().newsroom;
  const admin = () => deskAccounts().admin;

  beforeAll(async () => {
    server = await servePages();
    a = await openDesk(newsroom().editor);
    b = await openDesk(admin());
  });

  afterAll(async () => {
    await a?.session.close();
    await b?.session.close();
    await server?.close();
  });

  it('A clips a page; B sees the draft after a sync, quote and metadata intact, and who clipped it; A’s marks say « vous »', async () => {
    const title = await clipFixture(a.session, server, 'lemonde-1', '#articleBody p');
    const mine = await clipByTitle(a, title);
    await settled(a);

    await sync(b);

    const theirs = await clipByTitle(b, title);
    for (const field of [
      'id',
      'url',
      'siteName',
      'byline',
      'publishedAt',
      'lang',
      'body',
    ] as const) {
      expect(theirs[field], field).toEqual(mine[field]);
    }
    expect(theirs.quotes.map((q) => q.text)).toEqual(mine.quotes.map((q) => q.text));
    expect(theirs.quotes.length).toBeGreaterThan(0);
    // B's inbox says who clipped it.
    const row = b.page.getByTestId('draft').filter({ hasText: title }).first();
    await row
      .getByTestId('desk-marks')
      .filter({ hasText: new RegExp(`Coupé (et modifié )?par ${newsroom().editor.name}`) })
      .waitFor();
    await b.page.screenshot({ path: screenshotPath('shared-desk.png') });
    // A's own inbox says « vous » for A, as the rest of the desk does, not A's name.
    await a.page
      .getByTestId('draft')
      .filter({ hasText: title })
      .first()
      .getByTestId('desk-marks')
      .filter({ hasText: /^Coupé (et modifié )?par vous$/ })
      .waitFor();
  });

  it('marks on A’s open desk, at its next sync, the draft B is editing, and unmarks it when B closes it', async () => {
    const draft = (await clips(a))[0]!;
    const [record] = await serverRecords(a.who, 'drafts', draft.id);
    const lockOnServer = async () =>
      (await restAs(a.who, 'GET', `/indiscrets/v1/drafts/${record!.id}?_fields=lock`)).json
        .lock as { user: { name: string } } | null;
    const row = a.page.getByTestId('draft').filter({ hasText: draft.title }).first();
    await row.getByTestId('desk-marks').waitFor();
    expect(await row.getByTestId('desk-lock').count()).toBe(0);

    // B opens the draft: its editor takes WordPress's lock. A's desk stays as it is, open.
    const editorB = await openDraft(b, draft.title);
    const lock = await until(lockOnServer, (held) => !!held, 'B’s lock on the server');
    await sync(a);
    await expect(row.getByTestId('desk-lock').innerText()).resolves.toContain(
      fr('shared.marks.editing', { name: lock!.user.name }),
    );

    // B closes it: the lock is released, and A's next sync takes the mark away.
    await editorB.getByRole('button', { name: `← ${fr('common.close')}` }).click();
    await until(lockOnServer, (held) => held === null, 'B’s lock released');
    await sync(a);
    await row.getByTestId('desk-lock').waitFor({ state: 'detached' });
    await row.getByTestId('desk-marks').waitFor();
  });

  /** The draft both desks share from the first test. */
  let shared: StoredClip;
  const fr = (key: Parameters<typeof t>[0], params: Record<string, string | number> = {}) =>
    t(key, params, 'fr');

  it('keeps both edits when A and B change different fields of one draft', async () => {
    shared = (await clips(a))[0]!;
    // B works offline: its change waits in the outbox while A's reaches WordPress first.
    await b.session.context.setOffline(true);
    const editorB = await openDraft(b, shared.title);
    await editorB.getByLabel(fr('editor.status')).selectOption('checked');
    await until(
      async () => (await clips(b)).find((c) => c.id === shared.id)?.status,
      (status) => status === 'checked',
      'B’s status change stored',
    );
    // B's sync bar says so: offline, and how many changes wait. (Checked on a desk that opened
    // no other extension page while offline: in Chromium, closing one ends the emulated offline
    // of every page of the extension's process, which a real network failure would not.)
    const status = b.page.getByTestId('sync-status');
    const waiting = (await readStore<Row[]>(b.page, 'outbox')).length;
    expect(waiting).toBeGreaterThan(0);
    const offlineLine = `${fr('shared.status.offline')} · ${fr('shared.status.pending', { count: waiting })}`;
    await until(
      () => status.innerText(),
      (text) => text.includes(offlineLine),
      `B’s sync bar to say « ${offlineLine} »`,
    );
    await expect(
      status.getByRole('button', { name: fr('shared.status.syncNow') }).isDisabled(),
    ).resolves.toBe(true);
    const editorA = await openDraft(a, shared.title);
    await editorA.getByLabel(fr('editor.title')).fill('Renseignement : la loi adoptée');
    await until(
      async () => (await clips(a)).find((c) => c.id === shared.id)?.title,
      (title) => title === 'Renseignement : la loi adoptée',
      'A’s title stored',
    );
    await settled(a);

    await b.session.context.setOffline(false);
    await sync(b);
    await settled(b);
    // Back online and everything sent: no offline marker, nothing waiting.
    await until(
      () => status.innerText(),
      (text) =>
        !text.includes(fr('shared.status.offline')) &&
        !text.includes(fr('shared.status.pending', { count: waiting })) &&
        text.includes(fr('shared.status.synced', { time: '' }).trim()),
      'B’s sync bar to say synced, with nothing waiting',
    );
    await sync(a);

    const [record] = await serverRecords(a.who, 'drafts', shared.id);
    expect(record!.title.raw).toBe('Renseignement : la loi adoptée');
    expect(record!.meta.status).toBe('checked');
    for (const desk of [a, b]) {
      const clip = (await clips(desk)).find((c) => c.id === shared.id)!;
      expect([clip.title, clip.status], desk.who.user).toEqual([
        'Renseignement : la loi adoptée',
        'checked',
      ]);
    }
  });

  it('asks B when both changed the same field, undoes « Prendre l’autre », and keeps the other version in the revisions', async () => {
    await b.session.context.setOffline(true);
    const editorB = b.page.getByTestId('draft-editor');
    await editorB.getByLabel(fr('editor.title')).fill('Titre de B');
    await until(
      async () => (await clips(b)).find((c) => c.id === shared.id)?.title,
      (title) => title === 'Titre de B',
      'B’s title stored',
    );
    const editorA = a.page.getByTestId('draft-editor');
    await editorA.getByLabel(fr('editor.title')).fill('Titre de A');
    await until(
      async () => (await clips(a)).find((c) => c.id === shared.id)?.title,
      (title) => title === 'Titre de A',
      'A’s title stored',
    );
    await settled(a);

    await b.session.context.setOffline(false);
    await sync(b);

    const conflict = b.page.getByTestId('sync-conflict');
    await conflict.waitFor({ timeout: 30_000 });
    await expect(conflict.getByTestId('conflict-mine').innerText()).resolves.toBe('Titre de B');
    await expect(conflict.getByTestId('conflict-theirs').innerText()).resolves.toBe('Titre de A');
    // Who wrote the other version, and where: the shared desk, not « another window ».
    await expect(conflict.getByRole('alert').innerText()).resolves.toContain(
      `a été modifié dans la rédaction partagée par ${newsroom().editor.name} pendant que vous écriviez`,
    );
    await b.page.screenshot({ path: screenshotPath('shared-desk-conflict.png') });
    // « Prendre l'autre » by mistake: « Annuler » brings back B's title and the box, to choose
    // again (B's title was nowhere else).
    await conflict
      .getByRole('button', {
        name: fr('conflict.takeTheirsNamed', { field: fr('editor.title') }),
      })
      .click();
    await until(
      async () => (await clips(b)).find((c) => c.id === shared.id)?.title,
      (title) => title === 'Titre de A',
      'A’s title taken on B',
    );
    const undoBar = b.page.getByTestId('undo-bar');
    await expect(undoBar.innerText()).resolves.toContain(
      fr('undo.conflictTheirsBy', { name: newsroom().editor.name, title: 'Titre de B' }),
    );
    await undoBar.getByRole('button', { name: fr('undo.button') }).click();
    await until(
      async () => (await clips(b)).find((c) => c.id === shared.id)?.title,
      (title) => title === 'Titre de B',
      'B’s title back on B',
    );
    const back = b.page.getByTestId('sync-conflict');
    await expect(back.getByTestId('conflict-mine').innerText()).resolves.toBe('Titre de B');
    await expect(back.getByTestId('conflict-theirs').innerText()).resolves.toBe('Titre de A');
    await back
      .getByRole('button', {
        name: fr('conflict.keepMineNamed', { field: fr('editor.title') }),
      })
      .click();
    await conflict.waitFor({ state: 'detached', timeout: 30_000 });
    await settled(b);

    const [record] = await serverRecords(a.who, 'drafts', shared.id);
    expect(record!.title.raw).toBe('Titre de B');
    const versions = await restAs(a.who, 'GET', `/indiscrets/v1/drafts/${record!.id}/versions`);
    expect(versions.status).toBe(200);
    const titles = (versions.json as Array<{ title: string }>).map((v) => v.title);
    expect(titles).toContain('Titre de A');
    expect(titles[0]).toBe('Titre de B');

    // A is told, once, that B kept their title over A's, with A's words to copy.
    await sync(a);
    const told = a.page.getByTestId('sync-overridden');
    await told.waitFor({ timeout: 30_000 });
    await expect(told.getByRole('status').first().innerText()).resolves.toContain(
      fr('shared.overridden', {
        title: 'Titre de B',
        count: 1,
        name: admin().name,
        fields: fr('editor.title').toLocaleLowerCase('fr'),
      }),
    );
    await told.getByRole('button', { name: fr('shared.refusedCopy') }).click();
    await until(
      () => told.getByTestId('sync-overridden-copied').textContent(),
      (text) => text === fr('shared.refusedCopied'),
      'A’s words copied',
    );
    await told.getByRole('button', { name: fr('shared.refusedOk') }).click();
    await told.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await readStore(a.page, 'syncState', 'desk')).not.toHaveProperty('overridden');
  });

  it('keeps both texts when A and B rewrite different paragraphs, and says so to B in passing', async () => {
    const text = (...paragraphs: string[]) => paragraphs.map((p) => `<p>${p}</p>`).join('');
    /** Types `html` into a desk's open editor, as a paste over the whole text would. */
    const write = (desk: Desk, html: string) =>
      desk.page
        .getByTestId('draft-editor')
        .getByRole('textbox', { name: fr('editor.body') })
        .evaluate((el, html) => {
          el.innerHTML = html;
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }, html);
    const stored = (desk: Desk, body: string, what: string) =>
      until(
        async () => (await clips(desk)).find((c) => c.id === shared.id)?.body,
        (value) => value === body,
        what,
      );
    const start = text('Premier.', 'Deuxième.', 'Troisième.');
    await write(a, start);
    await stored(a, start, 'A’s three paragraphs stored');
    await settled(a);
    await sync(b);
    await stored(b, start, 'A’s three paragraphs on B');

    await b.session.context.setOffline(true);
    await write(b, text('Premier.', 'Deuxième.', 'Troisième, par B.'));
    await stored(b, text('Premier.', 'Deuxième.', 'Troisième, par B.'), 'B’s paragraph stored');
    await write(a, text('Premier, par A.', 'Deuxième.', 'Troisième.'));
    await stored(a, text('Premier, par A.', 'Deuxième.', 'Troisième.'), 'A’s paragraph stored');
    await settled(a);
    await b.session.context.setOffline(false);
    await sync(b);
    await settled(b);

    const both = text('Premier, par A.', 'Deuxième.', 'Troisième, par B.');
    await stored(b, both, 'both paragraphs on B');
    expect(await b.page.getByTestId('sync-conflict').count()).toBe(0);
    const notice = b.page.getByTestId('sync-merged');
    const title = (await clips(b)).find((c) => c.id === shared.id)!.title;
    await expect(notice.innerText()).resolves.toContain(
      fr('shared.merged', {
        title,
        name: newsroom().editor.name,
        fields: fr('shared.merged.body'),
      }),
    );
    // B's open editor shows the merged text.
    await until(
      () =>
        b.page
          .getByTestId('draft-editor')
          .getByRole('textbox', { name: fr('editor.body') })
          .innerHTML(),
      (html) => html === both,
      'the merged text in B’s editor',
    );
    await notice.getByRole('button', { name: fr('shared.mergedOk') }).click();
    await notice.waitFor({ state: 'detached', timeout: 30_000 });
    const [record] = await serverRecords(a.who, 'drafts', shared.id);
    expect(record!.content.raw).toBe(both);
    await sync(a);
    await stored(a, both, 'both paragraphs on A');
  });

  it('keeps B’s caret in its paragraph, after the space it typed, when A’s paragraph is merged in above', async () => {
    const text = (...paragraphs: string[]) => paragraphs.map((p) => `<p>${p}</p>`).join('');
    const bodyOf = (desk: Desk) =>
      desk.page.getByTestId('draft-editor').getByRole('textbox', { name: fr('editor.body') });
    const stored = (desk: Desk, body: string, what: string) =>
      until(
        async () => (await clips(desk)).find((c) => c.id === shared.id)?.body,
        (value) => value === body,
        what,
      );
    const start = text('Un.', 'Deux.', 'Trois.');
    await bodyOf(a).evaluate((el, html) => {
      el.innerHTML = html;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, start);
    await stored(a, start, 'A’s three paragraphs stored');
    await settled(a);
    await sync(b);
    await stored(b, start, 'A’s three paragraphs on B');

    // B types at the end of the second paragraph, offline, a space last.
    await b.session.context.setOffline(true);
    await bodyOf(b).locator('p').nth(1).click();
    await b.page.keyboard.press('End');
    await b.page.keyboard.type(' Et B ', { delay: 20 });
    await stored(b, text('Un.', 'Deux. Et B ', 'Trois.'), 'B’s words stored');
    // A adds a paragraph above.
    await bodyOf(a).evaluate(
      (el, html) => {
        el.innerHTML = html;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      text('Venu de A.', 'Un.', 'Deux.', 'Trois.'),
    );
    await stored(a, text('Venu de A.', 'Un.', 'Deux.', 'Trois.'), 'A’s paragraph stored');
    await settled(a);
    await b.session.context.setOffline(false);
    await sync(b, { keepFocus: true });
    await settled(b);
    await until(
      () => bodyOf(b).locator('p').allTextContents(),
      (texts) => texts[0] === 'Venu de A.' && texts.length === 4,
      'A’s paragraph merged into B’s open editor',
    );
    expect(await bodyOf(b).evaluate((el) => document.activeElement === el)).toBe(true);

    // B goes on typing where it was.
    await b.page.keyboard.type('encore', { delay: 20 });
    const merged = text('Venu de A.', 'Un.', 'Deux. Et B encore', 'Trois.');
    await stored(b, merged, 'B’s next words after its own, in its paragraph');
    const notice = b.page.getByTestId('sync-merged');
    if ((await notice.count()) > 0) {
      await notice.getByRole('button', { name: fr('shared.mergedOk') }).click();
    }
    await settled(b);
    const [record] = await serverRecords(a.who, 'drafts', shared.id);
    expect(record!.content.raw).toBe(merged);
    // B is done with the draft: its editor closed. Left open, named A (whose lock it is) and
    // would take it once A leaves the draft (the offline test), to be named in turn by the
    // publication's question (the publish tests) as one of the issue's items B has open.
    await b.page
      .getByTestId('draft-editor')
      .getByRole('button', { name: `← ${fr('common.close')}` })
      .click();
    await b.page.getByTestId('draft-editor').waitFor({ state: 'detached' });
  });

  it('pushes what A clipped and wrote offline once back online, without duplicates', async () => {
    const article = await a.session.context.newPage();
    await article.goto(server.fixture('guardian-1'));
    await selectText(article, '[itemprop="articleBody"] p');
    const tabId = await a.session.tabIdOf(article.url());
    // A has the shared draft open since the tests before: WordPress holds A's lock on it.
    const [left] = await serverRecords(a.who, 'drafts', shared.id);
    expect(await lockOn(a.who, left!.id)).not.toBeNull();
    await a.session.context.setOffline(true);
    const popup = await openPopup(a.session, `?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Couper cette page' }).click();
    const message = await popup.getByTestId('clip-message').filter({ hasText: /\S/ }).innerText();
    const title = /«\u00a0(.*)\u00a0»/.exec(message)?.[1];
    expect(title).toBeTruthy();
    await popup.close();
    await article.close();
    const editor = await openDraft(a, title!);
    await editor.getByLabel(fr('editor.title')).fill(`${title} (hors ligne)`);
    const offline = await clipByTitle(a, `${title} (hors ligne)`);
    // Nothing reached WordPress: it waits in the outbox. Nor did the release of the draft A
    // left for this one: kept, to be sent again.
    expect(await serverRecords(a.who, 'drafts', offline.id)).toEqual([]);
    expect((await readStore<Row[]>(a.page, 'outbox')).length).toBeGreaterThan(0);
    expect(await lockOn(a.who, left!.id)).not.toBeNull();

    await a.session.context.setOffline(false);
    await sync(a);
    await settled(a);
    await sync(a);

    const records = await serverRecords(a.who, 'drafts', offline.id);
    expect(records).toHaveLength(1);
    expect(records[0]!.title.raw).toBe(`${title} (hors ligne)`);
    expect(records[0]!.status).toBe('draft');
    // Back online, the draft A left offline is released: colleagues no longer see A editing
    // it, long before the lock would have lapsed on its own (150 s).
    await until(
      () => lockOn(a.who, left!.id),
      (lock) => lock === null,
      'A’s lock on the draft it left offline released',
    );
  });

  it(
    'keeps B’s new order and A’s text when B reorders the issue while A edits an item',
    { timeout: 120_000 },
    async () => {
      // A composes an issue with both drafts.
      await a.page.getByRole('button', { name: fr('issue.create') }).click();
      const all = await clips(a);
      for (const clip of all) {
        await a.page
          .getByRole('button', { name: fr('issue.addNamed', { title: clip.title }) })
          .click();
      }
      const items = a.page.getByTestId('issue-item');
      await until(
        () => items.count(),
        (n) => n === all.length,
        'both items in A’s issue',
      );
      await settled(a);
      await sync(b);
      const issueId = (await clips(b)).find((c) => c.issueId)!.issueId!;
      // B had no issue chosen, and this is the desk's only one: B's desk takes it, unasked.
      await until(
        () => b.page.getByLabel(fr('issue.pick')).inputValue(),
        (value) => value === issueId,
        'the only issue chosen on B’s desk',
      );
      const itemsB = b.page.getByTestId('issue-item');
      await until(
        () => itemsB.count(),
        (n) => n === all.length,
        'both items in B’s issue',
      );
      const first = (await clips(b)).sort((x, y) => (x.sortKey! < y.sortKey! ? -1 : 1))[0]!;
      const firstTitle = first.title;

      // B moves the first item down; A, who has not seen it, rewrites that item's title.
      await b.page
        .getByRole('button', { name: fr('reorder.down', { title: shownName(first) }) })
        .click();
      const editorA = await openDraft(a, shownName(first));
      await editorA.getByLabel(fr('editor.title')).fill(`${firstTitle} — réécrit`);
      await settled(b);
      await settled(a);
      await sync(a);
      await sync(b);

      for (const desk of [a, b]) {
        const inIssue = (await clips(desk))
          .filter((c) => c.issueId === issueId)
          .sort((x, y) => (x.sortKey! < y.sortKey! ? -1 : 1))
          .map((c) => c.title);
        expect(inIssue, desk.who.user).toHaveLength(2);
        expect(inIssue[1], desk.who.user).toBe(`${firstTitle} — réécrit`);
      }
    },
  );

  it(
    'says on B’s desk that A published the issue, and when; and on A’s that B updated it',
    { timeout: 120_000 },
    async () => {
      // The issue the test before composed, on both desks.
      const issueOf = async (desk: Desk) =>
        (await readStore<Row[]>(desk.page, 'issues'))[0] as {
          id: string;
          title: string;
          intro: string;
          wordpress?: {
            publishedAt: string;
            publishedBy?: { id: number; name: string };
            updated?: boolean;
            digest?: string;
          };
        };
      const said = (desk: Desk) =>
        desk.page.getByTestId('published-by').innerText({ timeout: 30_000 });
      // The panel draws the line from the issue once its live query answers, a moment after
      // the record changed: waited for, not read once.
      const told = (desk: Desk, text: string, what: string) =>
        until(
          () => said(desk),
          (shown) => shown === text,
          what,
        );
      const line = (who: string, publishedAt: string) => {
        const { date, time } = publishedWhen(new Date(publishedAt), 'fr');
        return `${who} le ${date} à ${time}\u00a0— ${fr('publish.viewPost')}`;
      };
      // The issue picker says it too, in short: « Les indiscrets du … (envoyé par … le 15 mars) ».
      const picked = (desk: Desk, issue: Awaited<ReturnType<typeof issueOf>>, who: string) =>
        until(
          () =>
            desk.page
              .getByRole('combobox', { name: fr('issue.pick') })
              .locator('option:checked')
              .textContent(),
          (shown) =>
            shown ===
            `${issue.title} (envoyé ${who} le ${publishedWhen(new Date(issue.wordpress!.publishedAt), 'fr').date})`,
          `the picker naming who sent it (${who})`,
        );
      expect(await b.page.getByTestId('published-by').count()).toBe(0);

      await a.page.getByTestId('publish-button').click();
      await a.page.getByTestId('publish-message').waitFor({ timeout: 30_000 });
      const published = await until(
        () => issueOf(a),
        (issue) => !!issue.wordpress,
        'the post recorded on A',
      );
      expect(published.wordpress!.publishedBy?.name).toBe(newsroom().editor.name);
      await told(
        a,
        line('Publié par vous', published.wordpress!.publishedAt),
        'A told it published',
      );

      // A's publication reaches B with the issue: who, and when.
      await settled(a);
      await sync(b);
      await until(
        () => issueOf(b),
        (issue) => !!issue.wordpress,
        'the post recorded on B',
      );
      await told(
        b,
        line(`Publié par ${newsroom().editor.name}`, published.wordpress!.publishedAt),
        'B told A published it',
      );
      await picked(b, published, `par ${newsroom().editor.name}`);
      await b.page.screenshot({ path: screenshotPath('shared-desk-published-by.png') });

      // The digest of what A sent came with the post: B, whose issue is the same, is told
      // nothing; once A changes the chapô, both desks say the post is out of date.
      const stale = (desk: Desk) => desk.page.getByTestId('post-stale').textContent();
      const staleSaid = (desk: Desk, text: string, what: string) =>
        until(
          () => stale(desk),
          (shown) => shown === text,
          what,
        );
      const outOfDate = fr('publish.stale');
      expect((await issueOf(b)).wordpress?.digest).toBe(published.wordpress!.digest);
      expect(published.wordpress!.digest).toMatch(/^issue-fnv1a32:/);
      await staleSaid(b, '', 'B told nothing while the issue is what A sent');
      const intro = a.page.getByLabel(fr('issue.intro'));
      if (!(await intro.isVisible())) {
        await a.page.getByText(fr('issue.settings')).click();
      }
      await intro.fill('Cette semaine, le cloud.');
      await staleSaid(a, outOfDate, 'A told its post is out of date');
      await until(
        () => issueOf(a),
        (issue) => issue.intro === 'Cette semaine, le cloud.',
        'the chapô stored on A',
      );
      await settled(a);
      await sync(b);
      await staleSaid(b, outOfDate, 'B told the post is out of date');

      // B publishes it again: the post updated, and A is told who did; neither says it is out
      // of date any more. A still has the item it rewrote open: B is asked first, naming A, and
      // publishes anyway.
      await b.page.getByTestId('publish-button').click();
      const asked = b.page.getByTestId('publish-locked');
      await asked.waitFor({ timeout: 30_000 });
      // The item only: the other, which A left offline (the offline test), was released once A
      // was back online.
      expect(await asked.locator('p').innerText()).toContain(
        `${newsroom().editor.name} modifie «\u00a0`,
      );
      await asked.getByRole('button', { name: fr('publish.locked.anyway') }).click();
      const updated = await until(
        () => issueOf(b),
        (issue) => !!issue.wordpress?.updated,
        'the update recorded on B',
      );
      await told(
        b,
        line('Mis à jour par vous', updated.wordpress!.publishedAt),
        'B told it updated',
      );
      await staleSaid(b, '', 'B no longer told the post is out of date');
      await settled(b);
      // A opens the desk in another tab before a sync has brought B's update: its panel reads
      // the post, which WordPress says changed since A's record of it, while the sync the desk
      // starts as it opens brings B's publication. The panel waits for that sync: « Article
      // modifié dans WordPress… » is never said of a colleague's publication (everything the line
      // ever held is kept, from the tab's first moment).
      const name = updated.wordpress!.publishedBy!.name;
      const again = await a.session.context.newPage();
      await again.addInitScript(() => {
        const seen: string[] = [];
        (globalThis as unknown as { editedSaid: string[] }).editedSaid = seen;
        new MutationObserver(() => {
          const text = document.querySelector('[data-testid="post-edited"]')?.textContent ?? '';
          if (text && seen[seen.length - 1] !== text) seen.push(text);
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      // Closed whatever happens: the next tests expect A's one desk tab.
      try {
        await a.session.openExtensionPage('desk.html', again);
        await until(
          () => again.getByTestId('published-by').innerText({ timeout: 30_000 }),
          (shown) => shown === line(`Mis à jour par ${name}`, updated.wordpress!.publishedAt),
          'A’s other tab told B updated it',
        );
        // Its panel has read the post again since the sync brought B's record (the line not busy).
        await again
          .locator('[data-testid="post-edited"]:not([aria-busy])')
          .waitFor({ state: 'attached' });
        expect(
          await again.evaluate(
            () => (globalThis as unknown as { editedSaid: string[] }).editedSaid,
          ),
        ).toEqual([]);
      } finally {
        await again.close();
      }
      await sync(a);
      expect(name).not.toBe(newsroom().editor.name);
      await told(
        a,
        line(`Mis à jour par ${name}`, updated.wordpress!.publishedAt),
        'A told B updated it',
      );
      await picked(a, updated, `par ${name}`);
      await staleSaid(a, '', 'A no longer told the post is out of date');
    },
  );

  it(
    'asks A, about to update the post while B has one of the issue’s items open, who and what; « Publier quand même » updates it',
    { timeout: 120_000 },
    async () => {
      const issueOf = async () =>
        (await readStore<Row[]>(a.page, 'issues'))[0] as {
          id: string;
          wordpress?: { publishedAt: string; publishedBy?: { name: string } };
        };
      const before = (await issueOf()).wordpress!.publishedAt;
      // A still has the item it rewrote open (its own lock, which never counts): B opens the other.
      const aOpen = await a.page
        .getByTestId('draft-editor')
        .getByLabel(fr('editor.title'))
        .inputValue();
      const issueId = (await issueOf()).id;
      const items = (await clips(a)).filter((c) => c.issueId === issueId && !c.deletedAt);
      const item = items.find((c) => c.title !== aOpen)!;
      const [record] = await serverRecords(a.who, 'drafts', item.id);
      // A left that other item while offline (the offline test): released once A was back.
      expect(await lockOn(a.who, record!.id)).toBeNull();
      const editorB = await openDraft(b, shownName(item));
      const held = await bHoldsLock(record!.id);

      await a.page.getByTestId('publish-button').click();
      const question = a.page.getByTestId('publish-locked');
      await question.waitFor({ timeout: 30_000 });
      expect(await question.locator('p').innerText()).toBe(
        fr('publish.locked.one', { name: held!.user.name, title: shortened(itemLabel(item), 60) }),
      );
      // Nothing sent yet.
      expect((await issueOf()).wordpress!.publishedAt).toBe(before);
      await a.page.screenshot({ path: screenshotPath('shared-desk-publish-locked.png') });

      await question.getByRole('button', { name: fr('publish.locked.anyway') }).click();
      await a.page.getByTestId('publish-message').waitFor({ timeout: 30_000 });
      const updated = await until(
        () => issueOf(),
        (issue) => issue.wordpress!.publishedAt !== before,
        'the update recorded on A',
      );
      expect(updated.wordpress!.publishedBy?.name).toBe(newsroom().editor.name);
      expect(await question.count()).toBe(0);

      // B is done: its lock released, for the tests after.
      await editorB.getByRole('button', { name: `← ${fr('common.close')}` }).click();
      await until(
        () => lockOn(a.who, record!.id),
        (lock) => lock === null,
        'B’s lock released',
      );
    },
  );

  it(
    'takes at the next sync the title the chief corrected in WordPress’s own editor, with the text’s paragraphs',
    { timeout: 120_000 },
    async () => {
      // A is done with the item it rewrote: closing it releases WordPress's edit lock, which
      // would otherwise stop the chief in wp-admin (« This post is already being edited »).
      await a.page
        .getByTestId('draft-editor')
        .getByRole('button', { name: `← ${fr('common.close')}` })
        .click();
      const draft = (await clips(a)).find((c) => !c.deletedAt)!;
      const lockOf = async (id: number) =>
        (await restAs(a.who, 'GET', `/indiscrets/v1/drafts/${id}?_fields=lock`)).json.lock;
      const [record] = await serverRecords(a.who, 'drafts', draft.id);
      await until(
        () => lockOf(record!.id),
        (held) => held === null,
        'no lock on the draft',
      );
      const corrected = `${draft.title} (corrigé dans WordPress)`;
      // The administrator's own browser, signed in to wp-admin by its form (cookie and nonce).
      await php(`
      global $wpdb;
      $admin = get_user_by('login', ${JSON.stringify(site().adminUser)});
      // No welcome guide over the editor.
      update_user_meta($admin->ID, $wpdb->get_blog_prefix() . 'persisted_preferences',
        array('core/edit-post' => array('welcomeGuide' => false), '_modified' => gmdate('c')));
    `);
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu'],
      });
      try {
        const page = await browser.newPage();
        await page.goto(`${site().url}/wp-login.php`);
        await page.fill('#user_login', site().adminUser);
        await page.fill('#user_pass', site().adminPassword);
        await Promise.all([page.waitForURL(/wp-admin/), page.click('#wp-submit')]);
        await page.goto(`${site().url}/wp-admin/post.php?post=${record!.id}&action=edit`);
        const title = page.getByRole('textbox', { name: 'Add title' });
        await title.click({ timeout: 60_000 });
        await page.keyboard.press('Control+End');
        await page.keyboard.type(' (corrigé dans WordPress)');
        const saved = page.waitForResponse(
          (r) => r.request().method() === 'POST' && r.url().includes(`/drafts/${record!.id}`),
        );
        await page.keyboard.press('Control+s');
        // WordPress's editor sends no base_version: the plugin takes it as the chief's own write.
        expect((await saved).status()).toBe(200);
      } catch (error) {
        await browser
          .contexts()[0]
          ?.pages()[0]
          ?.screenshot({ path: screenshotPath('wp-admin-edit.png') });
        throw error;
      } finally {
        await browser.close();
      }
      // Closed without leaving the page: WordPress's edit lock stays; the chief is done with it.
      const unlocked = await restAs(admin(), 'DELETE', `/indiscrets/v1/drafts/${record!.id}/lock`);
      expect(unlocked.status).toBe(200);
      const [after] = await serverRecords(a.who, 'drafts', draft.id);
      expect(after!.title.raw).toBe(corrected);
      expect(after!.version).toBe(record!.version + 1);
      // WordPress's editor gave the text back without its paragraph tags: the plugin put them
      // back. The editor also writes some characters as other entities (no-break spaces as
      // &nbsp;, apostrophes as themselves): the same text.
      const blocks = (html: string) =>
        html
          .replace(/>\s+</g, '><')
          .replace(/&nbsp;/g, '\u00a0')
          .replace(/&#0?39;/g, "'")
          .trim();
      expect(blocks(after!.content.raw)).toBe(blocks(record!.content.raw));

      // A's desk takes it at its next sync, as any change of the record.
      await sync(a);
      await clipByTitle(a, corrected);
    },
  );

  it(
    'trashes a draft for B too when A deletes it, and B can restore it',
    { timeout: 120_000 },
    async () => {
      const victim = (await clips(a)).find((c) => !c.deletedAt)!;
      const editor = await openDraft(a, shownName(victim));
      await editor.getByRole('button', { name: fr('editor.delete'), exact: true }).click();
      await settled(a);
      const [trashed] = await serverRecords(a.who, 'drafts', victim.id);
      expect(trashed!.status).toBe('trash');

      await sync(b);
      await until(
        async () => (await clips(b)).find((c) => c.id === victim.id)?.deletedAt,
        (deletedAt) => !!deletedAt,
        'the draft in B’s trash',
      );
      await b.page.getByLabel(fr('filter.box')).selectOption('trash');
      const row = b.page.getByTestId('draft').filter({ hasText: victim.title });
      await row.getByRole('button', { name: fr('trash.restore') }).click();
      await settled(b);

      const [restored] = await serverRecords(a.who, 'drafts', victim.id);
      expect(restored!.status).toBe('draft');
      await sync(a);
      await until(
        async () => (await clips(a)).find((c) => c.id === victim.id),
        (clip) => !!clip && !clip.deletedAt,
        'the draft restored on A',
      );
    },
  );

  it('B’s editor open on a draft A trashes says so after the sync, names A, and putting it back keeps what B typed', async () => {
    const title = await clipFixture(a.session, server, 'mozilla-2', 'h1');
    const draft = await clipByTitle(a, title);
    await settled(a);
    await sync(b);
    // The test before left B's list on the trash.
    await b.page.getByLabel(fr('filter.box')).selectOption('inbox');
    // A trashes it before B opens it: once B has it open (its edit lock), A's « Supprimer » is
    // greyed, and only a trash B's lock did not stop reaches B's editor.
    const editorA = await openDraft(a, shownName(draft));
    await editorA.getByRole('button', { name: fr('editor.delete'), exact: true }).click();
    await settled(a);
    const editorB = await openDraft(b, shownName(await clipByTitle(b, title)));
    await sync(b);

    const notice = editorB.getByTestId('draft-trashed');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toContain(
      fr('editor.trashedBy', { name: newsroom().editor.name }),
    );
    await expect(editorB.getByTestId('delete-button').isDisabled()).resolves.toBe(true);
    await expect(editorB.getByTestId('merge-button').isDisabled()).resolves.toBe(true);
    await b.page.screenshot({ path: screenshotPath('shared-desk-editor-trashed-elsewhere.png') });

    await editorB.getByLabel(fr('editor.title')).fill('Titre tapé dans la corbeille');
    await notice.getByRole('button', { name: fr('editor.restore') }).click();
    await notice.waitFor({ state: 'detached' });
    await settled(b);
    const [record] = await serverRecords(b.who, 'drafts', draft.id);
    expect([record!.status, record!.title.raw]).toEqual(['draft', 'Titre tapé dans la corbeille']);
    await sync(a);
    const back = (await clips(a)).find((c) => c.id === draft.id)!;
    expect([back.deletedAt, back.title]).toEqual([undefined, 'Titre tapé dans la corbeille']);
  });

  /** A page clipped by A and synced to B: its title, A's draft and the site's record of it. */
  async function clipShared(page: string) {
    const title = await clipFixture(a.session, server, page, 'h1');
    const draft = await clipByTitle(a, title);
    await settled(a);
    await sync(b);
    const [record] = await serverRecords(a.who, 'drafts', draft.id);
    return { title, draft, record: record! };
  }

  /** B opens the draft and is told that A is editing it (A's lock refusing B's). */
  async function bToldAEdits(title: string) {
    const editor = await openDraft(b, shownName(await clipByTitle(b, title)));
    const presence = editor.getByTestId('editing-elsewhere');
    await presence.waitFor();
    expect(await presence.innerText()).toContain(
      fr('shared.lock.draft', { name: newsroom().editor.name }),
    );
    return { editor, presence };
  }

  /** Waits until B, not A, holds the lock on the record: B is the one editing it now. */
  const bHoldsLock = (id: number) =>
    until(
      () => lockOn(a.who, id),
      (held) => !!held && held.user.name !== newsroom().editor.name,
      'B’s lock on the draft',
    );

  /** A opens the draft in its editor and holds its lock. */
  async function aEdits(draft: Awaited<ReturnType<typeof clipByTitle>>, id: number) {
    const editor = await openDraft(a, shownName(draft));
    await until(
      () => lockOn(a.who, id),
      (lock) => !!lock,
      'A’s lock on the draft',
    );
    return editor;
  }

  it('B’s editor stops naming A as editing the draft once A’s trash reaches it', async () => {
    const { title, draft, record } = await clipShared('cnet');
    await b.page.getByLabel(fr('filter.box')).selectOption('inbox');
    // A is editing it; B opens it then, and is told so (its own take of the lock refused).
    const editorA = await aEdits(draft, record.id);
    const { editor: editorB, presence } = await bToldAEdits(title);

    // A, who holds the lock, puts it in the trash.
    await editorA.getByRole('button', { name: fr('editor.delete'), exact: true }).click();
    await settled(a);
    await sync(b);

    await editorB.getByTestId('draft-trashed').waitFor({ timeout: 30_000 });
    // Nobody is editing a draft in the trash: neither line names A beside the notice.
    expect(await presence.count()).toBe(0);
    expect(await editorB.getByTestId('desk-lock').count()).toBe(0);
    await b.page.screenshot({ path: screenshotPath('shared-desk-editor-trashed-no-presence.png') });

    // Back from the trash, A not editing it: still nobody named.
    await editorB.getByRole('button', { name: fr('editor.restore') }).click();
    await editorB.getByTestId('draft-trashed').waitFor({ state: 'detached' });
    await settled(b);
    await bHoldsLock(record.id);
    expect(await presence.count()).toBe(0);
    await editorB.getByRole('button', { name: `← ${fr('common.close')}` }).click();
  });

  it('B’s editor stops naming A as editing the draft at B’s next sync once A closed it', async () => {
    const { title, draft, record } = await clipShared('v8-blog');
    const editorA = await aEdits(draft, record.id);
    const { editor: editorB, presence } = await bToldAEdits(title);

    // A leaves it: the lock released, which B's next sync sees go.
    await editorA.getByRole('button', { name: `← ${fr('common.close')}` }).click();
    await until(
      () => lockOn(a.who, record.id),
      (lock) => lock === null,
      'A’s lock released',
    );
    const left = Date.now();
    await sync(b);
    // At once, not at B's renewal of the lock, up to a minute after B opened the draft.
    await presence.waitFor({ state: 'detached', timeout: 10_000 });
    expect(Date.now() - left).toBeLessThan(20_000);
    expect(await editorB.getByTestId('desk-lock').count()).toBe(0);
    await bHoldsLock(record.id);
    await editorB.getByRole('button', { name: `← ${fr('common.close')}` }).click();
  });

  it('B’s editor stops naming A as editing the draft when A’s lock lapses, A’s desk closed without releasing it', async () => {
    const { title, record } = await clipShared('yahoo-2');
    // A's browser quit while A had the draft open: WordPress holds A's lock until it lapses, 150 s
    // after A last renewed it; here, that renewal was 140 s ago.
    await php(
      `update_post_meta(${record.id}, '_edit_lock', (time() - 140) . ':' . get_user_by('login', '${newsroom().editor.user}')->ID);`,
    );
    const lock = (await lockOn(b.who, record.id)) as { user: { name: string }; expires: string };
    expect(lock.user.name).toBe(newsroom().editor.name);

    const { editor: editorB, presence } = await bToldAEdits(title);
    // Gone when the lock lapses (in 10 s), not at B's next renewal a minute after opening.
    await presence.waitFor({ state: 'detached', timeout: 25_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(lock.expires) - 2_000);
    expect(await editorB.getByTestId('desk-lock').count()).toBe(0);
    // B took the lock then: B is the one editing it now.
    await bHoldsLock(record.id);
    await editorB.getByRole('button', { name: `← ${fr('common.close')}` }).click();
  });

  it('B’s editor open on a draft A merged into another says into which, names A, and opens it; so does its row in B’s trash', async () => {
    // Pages no earlier test clipped (guardian-1 is the offline test's): each a new draft.
    const titleX = await clipFixture(a.session, server, 'webmd-1', 'h1');
    const titleY = await clipFixture(a.session, server, 'nytimes-1', 'h1');
    const x = await clipByTitle(a, titleX);
    const y = await clipByTitle(a, titleY);
    await settled(a);
    await sync(b);
    await b.page.getByLabel(fr('filter.box')).selectOption('inbox');
    await clipByTitle(b, titleX);

    // A merges X into Y with « Fusionner dans… », before B opens X (B's lock would stop it).
    const editorA = await openDraft(a, shownName(x));
    await editorA.getByRole('button', { name: fr('editor.mergeInto'), exact: true }).click();
    const dialog = a.page.getByTestId('merge-dialog');
    const word = titleY.split(/\s+/).sort((p, q) => q.length - p.length)[0]!;
    await dialog.getByRole('searchbox').pressSequentially(word);
    await dialog.getByRole('button', { name: new RegExp(titleY.slice(0, 20)) }).click();
    // The merge first asks WordPress who has the drafts open: done once the dialog closes.
    await dialog.waitFor({ state: 'detached' });
    await settled(a);
    const [remoteX] = await serverRecords(a.who, 'drafts', x.id);
    expect(remoteX!.status).toBe('trash');

    const editorB = await openDraft(b, shownName(x));
    await sync(b);
    const notice = editorB.getByTestId('draft-trashed');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toContain(
      fr('editor.mergedBy', { name: newsroom().editor.name, title: titleY }).split('. ')[0]!,
    );
    const open = notice.getByRole('button', { name: fr('merged.openNamed', { title: titleY }) });
    const restore = notice.getByRole('button', { name: fr('editor.restore') });
    // Both buttons on one line.
    const [openBox, restoreBox] = await Promise.all([open.boundingBox(), restore.boundingBox()]);
    expect(Math.abs(openBox!.y - restoreBox!.y)).toBeLessThan(2);
    await b.page.screenshot({ path: screenshotPath('shared-desk-editor-merged-elsewhere.png') });
    await open.click();
    await until(
      () => b.page.getByTestId('draft-editor').getByLabel(fr('editor.title')).inputValue(),
      (value) => value === titleY,
      'B’s editor to show Y',
    );
    expect(await b.page.getByTestId('draft-editor').innerText()).toContain(
      y.quotes[0]!.text.slice(0, 20),
    );

    // The trash says it too, and opens Y from there.
    await b.page.getByLabel(fr('filter.box')).selectOption('trash');
    const row = b.page.getByTestId('draft').filter({ hasText: titleX }).first();
    const said = row.getByTestId('merged-into');
    await said.waitFor();
    expect(await said.innerText()).toContain(
      fr('merged.row', { name: newsroom().editor.name, title: titleY }),
    );
    await b.page.getByLabel(fr('filter.box')).selectOption('inbox');
  });

  /**
   * X and Y, two drafts A clips from `pageX` and `pageY` (pages no earlier test clipped: each a
   * new draft), on the desk and in B's browser; then B opens Y, its editor taking WordPress's
   * lock, and A does not sync: A's desk has not seen it. Y as the desk has it then (`remoteY`),
   * and the name of who holds the lock.
   */
  async function yOpenedByB(pageX: string, pageY: string) {
    const titleX = await clipFixture(a.session, server, pageX, 'h1');
    const titleY = await clipFixture(a.session, server, pageY, 'h1');
    const x = await clipByTitle(a, titleX);
    const y = await clipByTitle(a, titleY);
    // A's open desk must not see B's lock before A acts: no poll until the test ends (afterEach),
    // and none still running once A's drafts are on the desk.
    await a.page.evaluate(seemHidden, true);
    await settled(a);
    await sync(b);
    await clipByTitle(b, titleY);
    const [remoteY] = await serverRecords(a.who, 'drafts', y.id);
    const editorB = await openDraft(b, shownName(y));
    const lock = await until(
      async () =>
        (await restAs(a.who, 'GET', `/indiscrets/v1/drafts/${remoteY!.id}/lock`)).json.lock as {
          user: { name: string };
        } | null,
      (held) => !!held,
      'B’s lock on Y',
    );
    return { titleX, titleY, x, y, remoteY: remoteY!, editorB, lockedBy: lock!.user.name };
  }

  afterEach(() => a.page.evaluate(seemHidden, false));

  /** Nothing merged: X still in A's inbox and on the desk, Y on the desk as it was (`remoteY`). */
  async function expectNothingMerged(
    x: StoredClip,
    y: StoredClip,
    remoteY: Awaited<ReturnType<typeof serverRecords>>[number],
  ) {
    expect((await clips(a)).find((clip) => clip.id === x.id)?.deletedAt).toBeUndefined();
    expect(await readStore<Row[]>(a.page, 'outbox')).toEqual([]);
    const [afterX] = await serverRecords(a.who, 'drafts', x.id);
    const [afterY] = await serverRecords(a.who, 'drafts', y.id);
    expect(afterX!.status).not.toBe('trash');
    expect(afterY!.version).toBe(remoteY.version);
    expect(afterY!.content.raw).toBe(remoteY.content.raw);
  }

  it('A’s « Fusionner dans… » over a draft B opened after A’s last sync is refused, naming B, and nothing is merged', async () => {
    const { titleY, x, y, remoteY, editorB, lockedBy } = await yOpenedByB(
      'quanta-1',
      'seattletimes-1',
    );
    expect((await clipByTitle(a, titleY)).desk).not.toHaveProperty('lock');

    const editorA = await openDraft(a, shownName(x));
    await editorA.getByRole('button', { name: fr('editor.mergeInto'), exact: true }).click();
    const dialog = a.page.getByTestId('merge-dialog');
    const word = titleY.split(/\s+/).sort((p, q) => q.length - p.length)[0]!;
    await dialog.getByRole('searchbox').pressSequentially(word);
    const target = dialog.getByRole('button', { name: new RegExp(titleY.slice(0, 20)) });
    await target.click();

    const said = fr('shared.cannot.mergeIntoLocked', { name: lockedBy, title: titleY });
    const refused = dialog.getByTestId('merge-locked');
    await refused.waitFor();
    expect(await refused.innerText()).toBe(said);
    // Greyed now, with why, as a lock the last sync saw.
    await until(
      () => target.isDisabled(),
      (disabled) => disabled,
      'Y greyed in A’s dialog',
    );
    expect(await target.getAttribute('title')).toBe(said);
    await a.page.screenshot({ path: screenshotPath('shared-desk-merge-locked.png') });
    await expectNothingMerged(x, y, remoteY);

    await dialog.getByRole('button', { name: fr('common.cancel') }).click();
    await editorB.getByRole('button', { name: `← ${fr('common.close')}` }).click();
    await editorA.getByRole('button', { name: `← ${fr('common.close')}` }).click();
  });

  it('A drops a draft on one B opened after A’s last sync: refused in the bar where a drop’s merge is said, spoken once, Y greyed, nothing merged', async () => {
    const { titleX, titleY, x, y, remoteY, editorB, lockedBy } = await yOpenedByB(
      'ehow-1',
      'buzzfeed-1',
    );
    const source = a.page.getByTestId('draft').filter({ hasText: titleX }).first();
    const target = a.page.getByTestId('draft').filter({ hasText: titleY }).first();
    expect(await target.getByTestId('desk-lock').count()).toBe(0);

    await source.dragTo(target);

    const said = fr('shared.cannot.mergeIntoLocked', { name: lockedBy, title: titleY });
    const bar = a.page.getByTestId('undo-bar');
    await until(
      async () => ((await bar.count()) > 0 ? await bar.innerText() : ''),
      (text) => text.trim() === said,
      'the refusal in A’s undo bar',
    );
    expect(await bar.getByRole('button').count()).toBe(0);
    // Spoken once, by the bar through the page's announcer: the one live region that says it.
    await until(
      () => liveRegionsSaying(a.page, said),
      (ids) => ids.length === 1 && ids[0] === 'announcement',
      'the refusal spoken by A’s announcer alone',
    );
    // Not above the list, far from where the draft was dropped.
    expect(await a.page.getByTestId('merge-locked').count()).toBe(0);
    // Y greyed with why, as a lock the last sync saw.
    await target.getByTestId('desk-lock').waitFor();
    await a.page.screenshot({ path: screenshotPath('shared-desk-drop-locked.png') });
    await expectNothingMerged(x, y, remoteY);

    await editorB.getByRole('button', { name: `← ${fr('common.close')}` }).click();
  });

  it(
    'a draft A deleted for good with the desk off and B edited meanwhile is kept at A’s rejoin and said; « Le supprimer quand même » deletes it, « Annuler » brings it back',
    { timeout: 120_000 },
    async () => {
      const clientId = crypto.randomUUID();
      const title = `Brève gardée ${Date.now()}`;
      const created = await restAs(b.who, 'POST', '/indiscrets/v1/drafts?_fields=id,version', {
        title,
        content: '<p>Texte</p>',
        meta: { clientId },
      });
      expect(created.status).toBe(201);
      await sync(a);
      await clipByTitle(a, title);

      // A turns the shared desk off and its trash is emptied (no outbox while off: the purge
      // is a plain delete, done here on the database itself).
      const options = await a.session.openExtensionPage('options.html');
      const section = options.getByTestId('shared-desk');
      await section.getByRole('button', { name: fr('shared.switch.off') }).click();
      await section.getByRole('button', { name: fr('shared.switch.on') }).waitFor();
      await options.evaluate(async (id) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('indiscrets');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise((resolve, reject) => {
          const tx = db.transaction('clips', 'readwrite');
          tx.objectStore('clips').delete(id);
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      }, clientId);
      expect((await clips(a)).find((c) => c.id === clientId)).toBeUndefined();
      const edited = await restAs(b.who, 'POST', `/indiscrets/v1/drafts/${created.json.id}`, {
        content: '<p>TEXTE-DE-B</p>',
        base_version: created.json.version,
      });
      expect(edited.status).toBe(200);

      // A turns it on again: the draft is kept, back in A's browser with B's text, and said.
      await section.getByRole('button', { name: fr('shared.switch.on') }).click();
      await section
        .getByRole('button', { name: /^(Envoyer et activer|Activer)$/ })
        .click({ timeout: 30_000 });
      await section.getByTestId('sync-on').waitFor({ timeout: 60_000 });
      await options.close();
      const notice = a.page.getByTestId('sync-kept');
      await notice.waitFor({ timeout: 30_000 });
      await expect(notice.innerText()).resolves.toContain(
        `Vous aviez supprimé le brouillon «\u00a0${title}\u00a0», mais `,
      );
      await expect(notice.innerText()).resolves.toContain('il est gardé.');
      expect((await clipByTitle(a, title)).body).toBe('<p>TEXTE-DE-B</p>');
      expect((await serverRecords(a.who, 'drafts', clientId))[0]!.status).toBe('draft');

      // « Le supprimer quand même »: gone here and in the desk's trash; « Annuler » undoes it.
      await notice.getByRole('button', { name: fr('shared.kept.delete') }).click();
      await notice.waitFor({ state: 'detached' });
      await settled(a);
      expect((await clips(a)).find((c) => c.id === clientId)).toBeUndefined();
      expect((await serverRecords(a.who, 'drafts', clientId))[0]!.status).toBe('trash');
      const undoBar = a.page.getByTestId('undo-bar');
      await expect(undoBar.innerText()).resolves.toContain(fr('undo.draftDeleted', { title }));
      await undoBar.getByRole('button', { name: fr('undo.button') }).click();
      await clipByTitle(a, title);
      await settled(a);
      const [back] = await serverRecords(a.who, 'drafts', clientId);
      expect([back!.status, back!.content.raw]).toEqual(['draft', '<p>TEXTE-DE-B</p>']);
    },
  );

  describe('a Contributor', () => {
    let p: Desk;
    beforeAll(async () => {
      p = await openDesk(newsroom().contributor);
    });
    afterAll(async () => {
      await p?.session.close();
    });

    it('sees reorder and publish disabled with the reason; a forced request gets 403 and changes nothing', async () => {
      const issueId = (await clips(p)).find((c) => c.issueId)!.issueId!;
      await p.page.getByLabel(fr('issue.pick')).selectOption(issueId);
      const notice = p.page.getByTestId('role-notice');
      await expect(notice.innerText()).resolves.toBe(
        'Vous êtes Contributeur\u00a0: l’ordre du numéro revient à un Éditeur.',
      );
      const items = p.page.getByTestId('issue-item');
      await until(
        () => items.count(),
        (n) => n > 0,
        'the issue’s items',
      );
      for (const button of await p.page
        .getByRole('button', { name: /^(Monter|Descendre) « / })
        .all()) {
        await expect(button.isDisabled()).resolves.toBe(true);
      }
      await expect(items.first().getAttribute('draggable')).resolves.toBe('false');
      // Each panel reads the desk's state by its own query: the publish panel's may answer a
      // moment after the role notice's (the clean-clone CI on 1ca91b9 read it enabled once).
      await until(
        () => p.page.getByTestId('publish-button').isDisabled(),
        Boolean,
        'the publish button disabled',
      );
      await expect(p.page.getByTestId('publish-refused').innerText()).resolves.toBe(
        'Vous êtes Contributeur\u00a0: la publication revient à un Éditeur.',
      );
      await p.page.screenshot({ path: screenshotPath('shared-desk-contributor.png') });

      // Forced: the Contributor's own password, straight to the REST API.
      const item = (await clips(p)).find((c) => c.issueId === issueId)!;
      const [before] = await serverRecords(a.who, 'drafts', item.id);
      const forced = await restAs(
        newsroom().contributor,
        'POST',
        `/indiscrets/v1/drafts/${before!.id}`,
        {
          base_version: before!.version,
          meta: { sortKey: 'zz' },
        },
      );
      expect(forced.status).toBe(403);
      const [after] = await serverRecords(a.who, 'drafts', item.id);
      expect(after).toEqual(before);
      await sync(p);
      expect((await clips(p)).find((c) => c.id === item.id)!.sortKey).toBe(item.sortKey);
    });

    it('sees « + Nouveau numéro » disabled with its reason, another’s draft read-only and their own draft editable', async () => {
      const issuesRefused =
        'Vous êtes Contributeur\u00a0: créer et modifier les numéros revient à un Éditeur.';
      const issueId = (await clips(p)).find((c) => c.issueId)!.issueId!;
      await p.page.getByLabel(fr('issue.pick')).selectOption(issueId);

      // « + Nouveau numéro »: greyed, its reason as its tooltip and read with it.
      const create = p.page.getByTestId('new-issue');
      await until(
        () => create.isDisabled(),
        (disabled) => disabled,
        '« + Nouveau numéro » greyed',
      );
      await expect(create.getAttribute('title')).resolves.toBe(issuesRefused);
      const described = await create.getAttribute('aria-describedby');
      await expect(p.page.locator(`[id="${described}"]`).textContent()).resolves.toBe(
        issuesRefused,
      );
      // Its key says the same instead of opening the form.
      await p.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await p.page.keyboard.press('n');
      await until(
        () => p.page.getByTestId('announcement').textContent(),
        (text) => text === issuesRefused,
        'the reason announced for « n »',
      );
      expect(await p.page.locator('.new-issue').count()).toBe(0);

      // An item of the Editor's: shown to be read, with whose it is; nothing taken or written.
      const theirs = (await clips(p)).find(
        (c) => c.issueId === issueId && c.desk?.canEdit === false,
      )!;
      expect(theirs, 'an item the Contributor may not edit').toBeTruthy();
      const editor = await openDraft(p, shownName(theirs));
      await expect(editor.getByTestId('read-only').innerText()).resolves.toBe(
        `Vous êtes Contributeur\u00a0: ce brouillon est celui de ${theirs.desk!.createdBy}, le modifier revient à son auteur ou à un Éditeur. Vous pouvez le lire.`,
      );
      await expect(editor.getByLabel(fr('editor.title')).isDisabled()).resolves.toBe(true);
      await expect(editor.getByLabel(fr('editor.status')).isDisabled()).resolves.toBe(true);
      const text = editor.getByTestId('item-text');
      await expect(text.getAttribute('contenteditable')).resolves.toBe('false');
      await expect(editor.getByTestId('delete-button').isDisabled()).resolves.toBe(true);
      await text.click();
      await p.page.keyboard.type('ajout');
      await p.page.screenshot({ path: screenshotPath('shared-desk-read-only.png') });
      const [record] = await serverRecords(a.who, 'drafts', theirs.id);
      expect(await lockOn(a.who, record!.id)).toBeNull();
      expect((await clips(p)).find((c) => c.id === theirs.id)!.body).toBe(theirs.body);
      expect(await readStore<Row[]>(p.page, 'outbox')).toEqual([]);
      await editor.getByRole('button', { name: `← ${fr('common.close')}` }).click();

      // Their own draft: clipped here, written here, pushed under their name.
      // A page nobody on the desk has clipped yet.
      const title = await clipFixture(p.session, server, 'engadget', 'h1');
      await clipByTitle(p, title);
      await settled(p);
      const own = await openDraft(p, title);
      expect(await own.getByTestId('read-only').count()).toBe(0);
      await expect(own.getByTestId('item-text').getAttribute('contenteditable')).resolves.toBe(
        'true',
      );
      await own.getByLabel(fr('editor.title')).fill('Le scoop du pigiste');
      const mine = await clipByTitle(p, 'Le scoop du pigiste');
      await settled(p);
      const [pushed] = await serverRecords(a.who, 'drafts', mine.id);
      expect(pushed!.title.raw).toBe('Le scoop du pigiste');
      // Written here, it is held here: the Editor sees the Contributor is on it.
      const held = await until(
        () => lockOn(a.who, pushed!.id),
        (lock) => !!lock,
        'the Contributor’s lock on their own draft',
      );
      expect(held!.user.name).toBe(newsroom().contributor.name);
    });
  });
});
