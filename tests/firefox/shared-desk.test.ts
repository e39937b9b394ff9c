/**
 * A mixed newsroom on one shared desk: F, an Editor in Firefox (the MV2 test build, headless
 * Firefox ESR over WebDriver BiDi), and C, a second Editor in Chromium (the Chromium test build,
 * playwright-core), each with their own WordPress account on the real WordPress of the suite's
 * global setup (companion plugin active). F turns the shared desk on from its options page as an
 * editor would: the site, the account, « Tester la connexion » (the site's origin asked for
 * there), then « Activer la rédaction partagée ». Syncs are asked with the desk's
 * « Synchroniser » button and awaited on the sync's own state in IndexedDB, never on a fixed
 * delay. The tests run in order on the two profiles; the last one checks that no extension page
 * nor the background of Firefox logged an error.
 * Build both first: `npm run test:firefox` builds the Firefox and the Chromium test builds.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../locales';
import {
  clipFixture,
  EXTENSION_DIR,
  screenshotPath,
  selectInPage,
  squash,
  until,
  type PageServer,
} from '../browser/harness';
import {
  clipByTitle as clipByTitleIn,
  clips as clipsOf,
  deskAccounts,
  lockOn,
  openDesk,
  openDraft,
  pushedEverything,
  readStoreInPage,
  seemHidden,
  serverRecords,
  settled,
  shownName,
  sync,
  syncedBy,
  type Desk,
  type StoredClip,
  type Who,
} from '../wordpress/desk-browsers';
import { site } from '../wordpress/helpers';
import {
  clickButton,
  clipFromPopup,
  expectNoExtensionErrors,
  fieldSelector,
  type FirefoxSession,
  inFirefox,
  pressButton,
  textsOf,
  typeInto,
} from './harness';

const fr = (key: Parameters<typeof t>[0], params: Record<string, string | number> = {}) =>
  t(key, params, 'fr');

/** The drafts of an issue in the order of their sort keys. */
const inOrder = (all: StoredClip[], issueId: string) =>
  all
    .filter((clip) => clip.issueId === issueId && !clip.deletedAt)
    .sort((x, y) => (x.sortKey! < y.sortKey! ? -1 : 1));

describe('a Firefox editor and a Chromium colleague on one shared desk, through a real WordPress', () => {
  let session: FirefoxSession;
  let server: PageServer;
  /** F's desk.html. */
  let desk: Page;
  let c: Desk;
  let f: Who;

  const readF = <T>(store: string, key?: string) =>
    desk.evaluate(readStoreInPage, { store, key }) as Promise<T>;
  const clipsF = () => readF<StoredClip[]>('clips');
  const clipByTitleF = (title: string) =>
    until(
      async () => (await clipsF()).find((clip) => clip.title === title),
      (clip) => clip !== undefined,
      `« ${title} » in Firefox’s database`,
    ) as Promise<StoredClip>;
  const settledF = () => pushedEverything(readF, 'Firefox');
  /** F presses « Synchroniser » on its desk and waits for that run to finish. */
  const syncF = () =>
    syncedBy(
      readF,
      () => pressButton(desk, fr('shared.status.syncNow'), '[data-testid="sync-bar"]'),
      'Firefox',
    );

  /** Who clipped a draft, as its marks say it: once, when the clipper also edited it last. */
  const clippedMarks = (name: string) =>
    new RegExp(
      (['shared.marks.clippedBy', 'shared.marks.clippedEditedBy'] as const)
        .map((key) => squash(fr(key, { name })).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
    );

  /** The text of the marks (who clipped, who has it open) on F's row naming `name`. */
  const marksOnF = (name: string) =>
    desk.evaluate((wanted) => {
      const row = [
        ...document.querySelectorAll('[data-testid="draft"], [data-testid="issue-item"]'),
      ].find((candidate) =>
        [...candidate.querySelectorAll('button')].some(
          (button) => button.textContent?.replace(/\s+/g, ' ').trim() === wanted,
        ),
      );
      const text = (css: string) =>
        (row?.querySelector(css)?.textContent ?? '').replace(/\s+/g, ' ').trim();
      return { marks: text('[data-testid="desk-marks"]'), lock: text('[data-testid="desk-lock"]') };
    }, name);

  /** F opens the draft its list names `name` in the desk's editor. */
  async function openDraftF(name: string) {
    await desk.bringToFront();
    const marker = `open-${Math.random().toString(36).slice(2)}`;
    await until(
      () =>
        desk.evaluate(
          (wanted, mark) => {
            const button = [
              ...document.querySelectorAll(
                '[data-testid="draft"] button, [data-testid="issue-item"] button',
              ),
            ].find((candidate) => candidate.textContent?.replace(/\s+/g, ' ').trim() === wanted);
            button?.setAttribute('data-open', mark);
            return !!button;
          },
          name,
          marker,
        ),
      (found) => found,
      `« ${name} » in Firefox’s list`,
    );
    await desk.click(`[data-open="${marker}"]`);
    return fieldSelector(desk, fr('editor.title'));
  }

  /** F closes the draft open in its editor. */
  const closeDraftF = () =>
    pressButton(desk, `← ${fr('common.close')}`, '[data-testid="draft-editor"]');

  /** The issue's items on a desk's screen, in order, as the list names them. */
  const itemsOnF = () => textsOf(desk, '[data-testid="issue-item"] .issue-item__title');
  const itemsOnC = () =>
    c.page
      .getByTestId('issue-item')
      .locator('.issue-item__title')
      .allTextContents()
      .then((names) => names.map(squash));

  inFirefox((launched) => ({ session, server } = launched));

  beforeAll(async () => {
    // Run alone (npx vitest run -c vitest.firefox.config.ts), this file needs both builds.
    if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No Chromium test build in ${EXTENSION_DIR}: run npm run build:test first.`);
    }
    f = deskAccounts().editor;
    c = await openDesk(deskAccounts().admin);
  });

  afterAll(async () => {
    await c?.session.close();
  });

  it('turns the shared desk on in Firefox from the options page, the site’s origin asked for there', async () => {
    const options = await session.openExtensionPage('options.html');
    await typeInto(options, await fieldSelector(options, 'Adresse du site'), site().url);
    await typeInto(options, await fieldSelector(options, 'Identifiant WordPress'), f.user);
    await typeInto(
      options,
      await fieldSelector(options, 'Mot de passe d’application'),
      f.appPassword,
    );
    await pressButton(options, 'Tester la connexion');
    const [status] = await until(
      () => textsOf(options, '[data-testid="wp-status"]'),
      ([text]) => !!text && text !== 'Vérification…',
      'the connection status',
    );
    expect(status).toBe(`Connexion réussie à « Petit Web » en tant que ${f.name}.`);

    // The desk's section asks the plugin who F is, then turns the desk on.
    const section = '[data-testid="shared-desk"]';
    await options.waitForSelector(`${section} [data-testid="desk-role"]`);
    await pressButton(options, fr('shared.switch.on'), section);
    const confirm = await until(
      () =>
        textsOf(options, `${section} button`).then((names) =>
          names.find(
            (name) => name === fr('shared.switch.send') || name === fr('shared.switch.join'),
          ),
        ),
      (name) => name !== undefined,
      'the question before the first sync',
    );
    await pressButton(options, confirm!, section);
    await options.waitForSelector(`${section} [data-testid="sync-on"]`, { timeout: 60_000 });
    await options.close();

    desk = await session.openExtensionPage('desk.html');
    await desk.waitForSelector('[data-testid="sync-bar"]');
    await until(
      () => readF<{ enabled?: boolean; firstSyncDone?: boolean } | undefined>('syncState', 'desk'),
      (state) => state?.enabled === true && state.firstSyncDone === true,
      'Firefox’s first sync',
    );
  });

  /** F's draft (clipped in Firefox) and C's (clipped in Chromium). */
  let fromF: StoredClip;
  let fromC: StoredClip;

  it('a draft clipped in Firefox reaches Chromium, and one clipped in Chromium reaches Firefox, who clipped each said', async () => {
    const article = await session.openUrl(server.fixture('lemonde-1'));
    await article.evaluate(selectInPage, '#articleBody p');
    const popup = await clipFromPopup(session, article);
    const [message] = await textsOf(popup, '[data-testid="clip-message"]');
    const titleF = /^Nouveau brouillon : « (.*) »$/.exec(message!)![1]!;
    await popup.close();
    await article.close();
    fromF = await clipByTitleF(titleF);
    await settledF();

    await sync(c);
    const inC = await clipByTitleIn(c, titleF);
    for (const field of ['id', 'url', 'siteName', 'byline', 'body'] as const) {
      expect(inC[field], field).toEqual(fromF[field]);
    }
    expect(inC.quotes.map((quote) => quote.text)).toEqual(fromF.quotes.map((quote) => quote.text));
    await c.page
      .getByTestId('draft')
      .filter({ hasText: titleF })
      .getByTestId('desk-marks')
      .filter({ hasText: clippedMarks(f.name) })
      .waitFor();

    const titleC = await clipFixture(c.session, server, 'guardian-1', '[itemprop="articleBody"] p');
    fromC = await clipByTitleIn(c, titleC);
    await settled(c);

    await syncF();
    const inF = await clipByTitleF(titleC);
    for (const field of ['id', 'url', 'siteName', 'byline', 'body'] as const) {
      expect(inF[field], field).toEqual(fromC[field]);
    }
    const { marks } = await until(
      () => marksOnF(titleC),
      ({ marks }) => marks !== '',
      'the desk’s marks on Firefox’s row',
    );
    expect(marks).toMatch(clippedMarks(c.who.name));
  });

  it('shows in Chromium the draft Firefox has open, and an edit made in Firefox reaches Chromium', async () => {
    const title = await openDraftF(fromC.title);
    const [record] = await serverRecords(f, 'drafts', fromC.id);
    await until(
      () => lockOn(f, record!.id),
      (lock) => lock?.user.name === f.name,
      'Firefox’s lock on the server',
    );
    await sync(c);
    const row = c.page.getByTestId('draft').filter({ hasText: fromC.title }).first();
    await until(
      async () => ((await row.getByTestId('desk-lock').count()) ? row.innerText() : ''),
      (text) => text.includes(fr('shared.marks.editing', { name: f.name })),
      'Chromium’s row saying Firefox has it open',
    );

    await typeInto(desk, title, 'Baleines : le chant des Maoris');
    await until(
      async () => (await clipsF()).find((clip) => clip.id === fromC.id)?.title,
      (stored) => stored === 'Baleines : le chant des Maoris',
      'the title stored in Firefox',
    );
    await settledF();
    await sync(c);
    await clipByTitleIn(c, 'Baleines : le chant des Maoris');
    await c.page
      .getByTestId('draft')
      .filter({ hasText: 'Baleines : le chant des Maoris' })
      .first()
      .waitFor();

    // Closed in Firefox: the lock goes, and Chromium's next sync takes the mark away.
    await closeDraftF();
    await until(
      () => lockOn(f, record!.id),
      (lock) => lock === null,
      'Firefox’s lock released',
    );
    await sync(c);
    await row.getByTestId('desk-lock').waitFor({ state: 'detached' });
    fromC = (await clipsF()).find((clip) => clip.id === fromC.id)!;
  });

  it('refuses in Firefox to merge into the draft Chromium has open, naming who, then marks it after the sync; an edit made in Chromium reaches Firefox', async () => {
    // C opens F's draft; F has not synced since (its desk does not poll until F has tried, and
    // no poll is still running).
    await desk.evaluate(seemHidden, true);
    await settledF();
    const editorC = await openDraft(c, fromF.title);
    const [record] = await serverRecords(f, 'drafts', fromF.id);
    const lock = await until(
      () => lockOn(f, record!.id),
      (held) => !!held,
      'Chromium’s lock on the server',
    );
    const said = fr('shared.cannot.mergeIntoLocked', { name: lock!.user.name, title: fromF.title });

    // F tries to merge C's draft into it: WordPress is asked, and says who has it open.
    await openDraftF(fromC.title);
    await pressButton(desk, fr('editor.mergeInto'), '[data-testid="draft-editor"]');
    await desk.waitForSelector('[data-testid="merge-dialog"] input[type="search"]');
    const word = fromF.title.split(/\s+/).sort((p, q) => q.length - p.length)[0]!;
    await desk.type('[data-testid="merge-dialog"] input[type="search"]', word);
    await pressButton(desk, await mergeTargetName(fromF.title), '[data-testid="merge-dialog"]');
    const [refusal] = await until(
      () => textsOf(desk, '[data-testid="merge-locked"]'),
      ([text]) => !!text,
      'the refusal in Firefox’s dialog',
    );
    // textsOf folds white space, no-break spaces too.
    expect(refusal).toBe(squash(said));
    // Nothing merged: C's draft in F's inbox and on the desk, F's draft as it was.
    expect((await clipsF()).find((clip) => clip.id === fromC.id)?.deletedAt).toBeUndefined();
    expect((await serverRecords(f, 'drafts', fromC.id))[0]!.status).not.toBe('trash');
    const [afterF] = await serverRecords(f, 'drafts', fromF.id);
    expect([afterF!.version, afterF!.content.raw]).toEqual([record!.version, record!.content.raw]);
    await pressButton(desk, fr('common.cancel'), '[data-testid="merge-dialog"]');
    await closeDraftF();
    await desk.evaluate(seemHidden, false);

    // After F's sync, its row says C has it open.
    await syncF();
    const { lock: mark } = await until(
      () => marksOnF(fromF.title),
      ({ lock }) => lock !== '',
      'Firefox’s row saying Chromium has it open',
    );
    expect(mark).toContain(squash(fr('shared.marks.editing', { name: lock!.user.name })));
    await desk.bringToFront();
    await desk.screenshot({ path: screenshotPath('shared-desk-firefox.png') });

    // C rewrites its title; F's next sync brings it, and C's closing takes the mark away.
    await editorC.getByLabel(fr('editor.title')).fill('Renseignement : la loi adoptée');
    await until(
      async () => (await clipsOf(c)).find((clip) => clip.id === fromF.id)?.title,
      (stored) => stored === 'Renseignement : la loi adoptée',
      'the title stored in Chromium',
    );
    await settled(c);
    await editorC.getByRole('button', { name: `← ${fr('common.close')}` }).click();
    await until(
      () => lockOn(f, record!.id),
      (held) => held === null,
      'Chromium’s lock released',
    );
    await syncF();
    fromF = await clipByTitleF('Renseignement : la loi adoptée');
    await until(
      () => marksOnF(fromF.title),
      ({ marks, lock }) => marks !== '' && lock === '',
      'Firefox’s row without the mark',
    );
  });

  it('an issue composed in Firefox reaches Chromium, and each side’s new order is the other’s after a sync', async () => {
    await desk.bringToFront();
    await clickButton(desk, fr('issue.create'));
    for (const clip of [fromF, fromC]) {
      await pressButton(desk, fr('issue.addNamed', { title: clip.title }));
    }
    await until(
      () => itemsOnF(),
      (names) => names.length === 2,
      'both items in Firefox’s issue',
    );
    await settledF();
    const issueId = (await clipsF()).find((clip) => clip.issueId)!.issueId!;

    await sync(c);
    // The desk's only issue: Chromium's desk takes it, unasked.
    await until(
      () => c.page.getByLabel(fr('issue.pick')).inputValue(),
      (value) => value === issueId,
      'the issue chosen on Chromium’s desk',
    );
    const before = inOrder(await clipsOf(c), issueId);
    expect(before.map((clip) => clip.id)).toEqual(
      inOrder(await clipsF(), issueId).map((clip) => clip.id),
    );
    await until(
      () => itemsOnC(),
      (names) => names.length === 2,
      'both items in Chromium’s issue',
    );

    // C moves the first item down: F has it after its sync, in its database and on its screen.
    await c.page
      .getByRole('button', { name: fr('reorder.down', { title: shownName(before[0]!) }) })
      .click();
    await settled(c);
    await syncF();
    const swapped = [before[1]!, before[0]!].map(shownName);
    await until(
      () => itemsOnF(),
      (names) => names.join('\n') === swapped.join('\n'),
      'Chromium’s order on Firefox’s screen',
    );
    expect(inOrder(await clipsF(), issueId).map((clip) => clip.id)).toEqual(
      [before[1]!, before[0]!].map((clip) => clip.id),
    );

    // F moves it back up: C has it after its sync.
    await desk.bringToFront();
    await pressButton(desk, fr('reorder.up', { title: shownName(before[0]!) }));
    await until(
      () => itemsOnF(),
      (names) => names[0] === shownName(before[0]!),
      'the item back up on Firefox’s screen',
    );
    await settledF();
    await sync(c);
    await until(
      () => itemsOnC(),
      (names) => names.join('\n') === before.map(shownName).join('\n'),
      'Firefox’s order on Chromium’s screen',
    );
    expect(inOrder(await clipsOf(c), issueId).map((clip) => clip.id)).toEqual(
      before.map((clip) => clip.id),
    );
  });

  /** The draft F clips with no desk open. */
  let alone: StoredClip;

  it('a page clipped in Firefox with no desk open reaches the desk from the background page alone', async () => {
    await desk.close();
    const article = await session.openUrl(server.fixture('quanta-1'));
    await article.evaluate(selectInPage, 'h1');
    const popup = await clipFromPopup(session, article);
    const [message] = await textsOf(popup, '[data-testid="clip-message"]');
    const title = /^Nouveau brouillon : « (.*) »$/.exec(message!)![1]!;
    alone = (await until(
      async () =>
        ((await popup.evaluate(readStoreInPage, { store: 'clips' })) as StoredClip[]).find(
          (clip) => clip.title === title,
        ),
      (clip) => clip !== undefined,
      'the clip in Firefox’s database',
    )) as StoredClip;
    await popup.close();
    await article.close();

    // No extension page open: the background page pushes it, a few seconds after the write.
    await until(
      () => serverRecords(f, 'drafts', alone.id),
      (records) => records.length === 1 && records[0]!.status === 'draft',
      'the draft on the desk',
    );
    await sync(c);
    await clipByTitleIn(c, title);
  });

  it('a draft trashed in Firefox is in Chromium’s trash after a sync, and back when Firefox’s « Annuler » undoes it', async () => {
    desk = await session.openExtensionPage('desk.html');
    await pressButton(desk, fr('editor.deleteNamed', { title: alone.title }));
    const [offer] = await until(
      () => textsOf(desk, '[data-testid="undo-bar"]'),
      ([text]) => !!text,
      'Firefox’s undo bar',
    );
    expect(offer).toContain(squash(fr('undo.trashed', { title: alone.title })));
    await settledF();
    expect((await serverRecords(f, 'drafts', alone.id))[0]!.status).toBe('trash');
    await sync(c);
    await until(
      async () => (await clipsOf(c)).find((clip) => clip.id === alone.id)?.deletedAt,
      (deletedAt) => !!deletedAt,
      'the draft in Chromium’s trash',
    );

    await pressButton(desk, fr('undo.button'), '[data-testid="undo-bar"]');
    await until(
      async () => (await clipsF()).find((clip) => clip.id === alone.id),
      (clip) => !!clip && !clip.deletedAt,
      'the draft back in Firefox',
    );
    await settledF();
    expect((await serverRecords(f, 'drafts', alone.id))[0]!.status).toBe('draft');
    await sync(c);
    await until(
      async () => (await clipsOf(c)).find((clip) => clip.id === alone.id),
      (clip) => !!clip && !clip.deletedAt,
      'the draft back in Chromium',
    );
  });

  it('keeps the desk on after Firefox restarts: its next sync brings what Chromium wrote meanwhile', async () => {
    await session.restart();
    const editorC = await openDraft(c, alone.title);
    await editorC.getByLabel(fr('editor.title')).fill('Écrit pendant le redémarrage');
    await settled(c);
    await editorC.getByRole('button', { name: `← ${fr('common.close')}` }).click();

    desk = await session.openExtensionPage('desk.html');
    await desk.waitForSelector('[data-testid="sync-bar"]');
    await syncF();
    await clipByTitleF('Écrit pendant le redémarrage');
  });

  it('asks Firefox which title to keep when Chromium changed it meanwhile, names who, and the kept one reaches Chromium', async () => {
    const title = await openDraftF('Écrit pendant le redémarrage');
    // F's desk behind another tab: hidden, it does not poll, and C's change waits on the desk.
    const other = await session.openUrl(server.fixture('lemonde-1'));
    const editorC = await openDraft(c, 'Écrit pendant le redémarrage');
    await editorC.getByLabel(fr('editor.title')).fill('Titre de Chromium');
    await settled(c);
    await editorC.getByRole('button', { name: `← ${fr('common.close')}` }).click();

    // F, who has not seen it, writes its own title (as a keystroke's input would).
    await desk.evaluate(
      (css, text) => {
        const field = document.querySelector(css) as HTMLInputElement;
        field.value = text;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      },
      title,
      'Titre de Firefox',
    );
    await until(
      () => desk.$$eval('[data-testid="sync-conflict"]', (found) => found.length),
      (count) => count === 1,
      'the conflict on Firefox’s desk',
    );
    await other.close();
    await desk.bringToFront();
    expect(await textsOf(desk, '[data-testid="conflict-mine"]')).toEqual(['Titre de Firefox']);
    expect(await textsOf(desk, '[data-testid="conflict-theirs"]')).toEqual(['Titre de Chromium']);
    const [alert] = await textsOf(desk, '[data-testid="sync-conflict"] [role="alert"]');
    expect(alert).toContain(`a été modifié dans la rédaction partagée par ${c.who.name}`);

    await pressButton(
      desk,
      fr('conflict.keepMineNamed', { field: fr('editor.title') }),
      '[data-testid="sync-conflict"]',
    );
    await until(
      () => desk.$$eval('[data-testid="sync-conflict"]', (found) => found.length),
      (count) => count === 0,
      'the conflict settled on Firefox’s desk',
    );
    await settledF();
    expect((await serverRecords(f, 'drafts', alone.id))[0]!.title.raw).toBe('Titre de Firefox');
    await sync(c);
    await clipByTitleIn(c, 'Titre de Firefox');
    await closeDraftF();
  });

  it('logged no error from any extension page or the background', () => {
    expectNoExtensionErrors(session);
  });

  /** The merge dialog's button for `title`: its text is the title, then the site's name. */
  async function mergeTargetName(title: string): Promise<string> {
    const names = await until(
      () => textsOf(desk, '[data-testid="merge-dialog"] li button'),
      (found) => found.some((name) => name.startsWith(title)),
      `« ${title} » among the merge's targets`,
    );
    return names.find((name) => name.startsWith(title))!;
  }
});
