import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clipFixture,
  createIssueInPopup,
  launchExtension,
  openPopup as openPopupPage,
  screenshotPath,
  servePages,
  squash,
  until,
  type ExtensionSession,
  type PageServer,
} from './harness';
import { axeViolations } from './axe';
import {
  clearDatabase,
  clearTables,
  readDatabase as readTables,
  SHARED_DESK_STATE,
  syncedDraft,
  writeDatabase,
} from './database';

/**
 * Backup and restore from the options page, in real Chromium with the built extension: drafts
 * clipped from the corpus and an issue composed in the popup go into a downloaded file; a
 * broken file is refused and changes nothing; the good file brings everything back into an
 * emptied browser. The tests run in order and share one browser profile.
 */

const PASSWORD = 'abcd EFGH ijkl MNOP qrst UVWX';

interface Stored {
  clips: Array<Record<string, unknown> & { id: string; title: string; issueId: string }>;
  issues: Array<Record<string, unknown> & { id: string; title: string }>;
}

/** Both tables of the extension's database, as stored (see database.ts). */
const readDatabase = (page: Page) => readTables<Stored>(page);

interface ChromeStorage {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
    };
    sync: { set(items: object): Promise<void> };
  };
}

describe('backup and restore in Chromium with the built extension', () => {
  let session: ExtensionSession;
  let server: PageServer;
  /** The downloaded backup file. */
  let backupText = '';
  let backupName = '';
  const titles = { lemonde: '', guardian: '', wikipedia: '' };

  const openPopup = (query = '') => openPopupPage(session, query);

  async function openOptions(): Promise<Page> {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 900, height: 900 });
    await session.openExtensionPage('options.html', page);
    await page.getByTestId('backup-settings').waitFor();
    return page;
  }

  const clip = (name: string, selector: string) => clipFixture(session, server, name, selector);

  /** Chooses a file in the "Restaurer une sauvegarde…" picker, as the editor would. */
  async function chooseFile(page: Page, name: string, content: string) {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Restaurer une sauvegarde…' }).click(),
    ]);
    await chooser.setFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(content, 'utf8'),
    });
  }

  const status = (page: Page) => page.getByTestId('backup-status');

  /** A file refused: the keyboard back on the button that chose it, to choose another. */
  const backOnRestore = (page: Page) =>
    until(
      () => page.evaluate(() => document.activeElement?.textContent ?? ''),
      (text) => text === 'Restaurer une sauvegarde…',
      'the focus back on « Restaurer une sauvegarde… »',
    );

  /** The issue's items as the list names them: by the first words of their text here. */
  const issueNames = (page: Page) =>
    page
      .getByTestId('issue-item')
      .locator('.issue-item__title')
      .allTextContents()
      .then((list) => list.map(squash));

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('has three clipped drafts, two of them in an issue, and a WordPress password', async () => {
    titles.lemonde = await clip('lemonde-1', '#articleBody p');
    titles.guardian = await clip('guardian-1', '[itemprop="articleBody"] p');
    titles.wikipedia = await clip('wikipedia', '#mw-content-text p');

    const popup = await openPopup();
    await createIssueInPopup(popup);
    await popup.getByRole('tab', { name: 'Brouillons' }).click();
    for (const title of [titles.lemonde, titles.guardian]) {
      await popup.getByRole('button', { name: `Ajouter « ${title} » au numéro` }).click();
      await popup
        .getByTestId('draft')
        .filter({ has: popup.getByRole('button', { name: title }) })
        .waitFor({ state: 'detached' });
    }
    await popup.evaluate(async (password) => {
      const api = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
      await api.storage.local.set({ wordpressPassword: password });
    }, PASSWORD);

    const stored = await readDatabase(popup);
    expect(stored.clips).toHaveLength(3);
    expect(stored.issues).toHaveLength(1);
    expect(stored.clips.filter((c) => c.issueId === stored.issues[0]!.id)).toHaveLength(2);
    await popup.close();
  });

  it('downloads a backup holding the drafts and the issue, without the password', async () => {
    const options = await openOptions();
    const stored = await readDatabase(options);

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Télécharger une sauvegarde' }).click(),
    ]);

    backupName = download.suggestedFilename();
    expect(backupName).toMatch(/^indiscrets-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
    backupText = await readFile((await download.path())!, 'utf8');
    const backup = JSON.parse(backupText);
    // Schema 5 (single digits searchable) follows 4 (item labels) and the shared desk's 3 (its
    // sync tables); the backup names it but holds only the drafts, the issues and the settings:
    // the sync bookkeeping stays out.
    expect(backup).toMatchObject({ format: 'indiscrets-backup', version: 1, schemaVersion: 7 });
    expect(Object.keys(backup).sort()).toEqual(
      ['clips', 'exportedAt', 'format', 'issues', 'schemaVersion', 'settings', 'version'].sort(),
    );
    expect(backup.clips.map((c: { title: string }) => c.title).sort()).toEqual(
      [titles.lemonde, titles.guardian, titles.wikipedia].sort(),
    );
    expect(backup.issues).toEqual(stored.issues);
    // Every field of every draft, except the derived ones.
    for (const record of stored.clips) {
      const { words: _words, wordPairs: _pairs, sourceUrls: _urls, ...contract } = record;
      expect(backup.clips.find((c: { id: string }) => c.id === record.id)).toEqual(contract);
      expect(_words).toBeDefined();
      expect(_pairs).toBeDefined();
      expect(_urls).toBeDefined();
    }
    expect(backupText).not.toContain(PASSWORD);
    expect(backup.settings.wordpress).not.toHaveProperty('appPassword');
    expect(squash(await status(options).textContent())).toBe(
      `Fichier ${backupName} téléchargé : 3 brouillons, 1 numéro.`,
    );
    await options.close();
  });

  it('refuses a file with a broken draft, says which, and changes nothing', async () => {
    const options = await openOptions();
    const before = await readDatabase(options);
    const broken = JSON.parse(backupText);
    // The draft with the shortest title, so that the message names it in full.
    const lengths: number[] = broken.clips.map((c: { title: string }) => c.title.length);
    const index = lengths.indexOf(Math.min(...lengths));
    const victim = broken.clips[index];
    delete victim.createdAt;
    // A draft of the file that would be new here, to show that nothing at all is written.
    broken.clips.push({ ...broken.clips[0], id: 'nouveau', url: 'https://exemple.fr/nouveau' });

    await chooseFile(options, 'cassee.json', JSON.stringify(broken));

    await until(
      () => status(options).textContent(),
      (text) => squash(text).length > 0,
      'the message',
    );
    expect(squash(await status(options).textContent())).toBe(
      `Le brouillon n° ${index + 1} de la sauvegarde (« ${victim.title} ») n’a pas de champ ` +
        '« date de création » (createdAt). Rien n’a été modifié.',
    );
    expect(await status(options).getAttribute('role')).toBe('alert');
    expect(await options.getByTestId('backup-summary').count()).toBe(0);
    expect(await readDatabase(options)).toEqual(before);
    await backOnRestore(options);
    await options.close();
  });

  it('refuses a file that is not a backup at all', async () => {
    const options = await openOptions();
    const before = await readDatabase(options);

    await chooseFile(options, 'notes.json', backupText.slice(0, 200));

    await until(
      () => status(options).textContent(),
      (text) => squash(text).startsWith('Ce fichier n’est pas une sauvegarde'),
      'the message',
    );
    expect(squash(await status(options).textContent())).toBe(
      'Ce fichier n’est pas une sauvegarde d’Indiscrets : ce n’est pas du JSON lisible ' +
        '(fichier tronqué, ou d’un autre type). Rien n’a été modifié.',
    );
    expect(await readDatabase(options)).toEqual(before);
    await backOnRestore(options);
    await options.close();
  });

  it('says an empty file is empty', async () => {
    const options = await openOptions();
    const before = await readDatabase(options);

    await chooseFile(options, 'sauvegarde.json', '');

    await until(
      () => status(options).textContent(),
      (text) => squash(text).startsWith('Ce fichier est vide'),
      'the message',
    );
    expect(squash(await status(options).textContent())).toBe(
      'Ce fichier est vide : ce n’est pas une sauvegarde d’Indiscrets. Rien n’a été modifié.',
    );
    expect(await readDatabase(options)).toEqual(before);
    await backOnRestore(options);
    await options.close();
  });

  it('says, before restoring it, that a backup from a newer version loses what this one does not know', async () => {
    const options = await openOptions();
    const newer = JSON.parse(backupText) as { schemaVersion: number };
    newer.schemaVersion += 1;

    await chooseFile(options, 'plus-recente.json', JSON.stringify(newer));

    const summary = options.getByTestId('backup-summary');
    await summary.waitFor();
    expect(squash(await summary.getByTestId('backup-newer-schema').textContent())).toBe(
      'Cette sauvegarde vient d’une version plus récente d’Indiscrets : ce que cette version-ci ' +
        'ne connaît pas encore n’en sera pas restauré. Pour tout garder, mettez l’extension à ' +
        'jour avant de restaurer.',
    );
    // The file of this very version says nothing of it.
    await summary.getByRole('button', { name: 'Annuler' }).click();
    await chooseFile(options, backupName, backupText);
    await options.getByTestId('backup-summary').waitFor();
    expect(await options.getByTestId('backup-newer-schema').count()).toBe(0);
    await options.close();
  });

  it('brings the drafts and the issue back into an emptied browser by merging the file', async () => {
    const options = await openOptions();
    const before = await readDatabase(options);
    await clearDatabase(options);
    const popup = await openPopup();
    await popup.getByTestId('drafts-empty').waitFor();
    await popup.close();

    await chooseFile(options, backupName, backupText);

    const summary = options.getByTestId('backup-summary');
    await summary.waitFor();
    expect(squash(await summary.textContent())).toContain(
      '3 brouillons, 1 numéro et les réglages.',
    );
    expect(squash(await summary.textContent())).toMatch(
      /Sauvegarde du \d{1,2} \S+ à \d{1,2} h \d{2}/,
    );
    await options.getByTestId('backup-settings').scrollIntoViewIfNeeded();
    await options.getByTestId('backup-settings').screenshot({ path: screenshotPath('backup.png') });

    await summary.getByRole('button', { name: 'Fusionner' }).click();

    await until(
      () => status(options).textContent(),
      (text) => squash(text).startsWith('Sauvegarde fusionnée'),
      'the restore',
    );
    expect(squash(await status(options).textContent())).toBe(
      'Sauvegarde fusionnée : 3 brouillons ajoutés, 0 mis à jour, 0 gardé ; ' +
        '1 numéro ajouté, 0 mis à jour, 0 gardé.',
    );
    expect(await readDatabase(options)).toEqual(before);
    await options.close();

    const again = await openPopup();
    const rows = again.getByTestId('draft');
    await rows.first().waitFor();
    expect((await rows.locator('.draft__title').allTextContents()).map(squash)).toEqual([
      titles.wikipedia,
    ]);
    await again.getByRole('tab', { name: 'Numéro' }).click();
    await again.getByTestId('issue-item').nth(1).waitFor();
    expect(await issueNames(again)).toEqual([
      '« Les députés ont, sans surprise, adopté…',
      '« Whale whisperer Hori Parata was just…',
    ]);
    expect(
      await again
        .getByRole('combobox', { name: 'Numéro en cours' })
        .locator('option:checked')
        .textContent(),
    ).toBe('Les indiscrets du 15 mars');
    await again.close();
  });

  it('replaces everything after a confirmation, with the settings, and keeps the password', async () => {
    const extra = await clip('quanta-1', '.post__content__section p');
    const options = await openOptions();
    await options.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
      await api.storage.sync.set({ draftTemplate: '<p>Modèle changé depuis</p>' });
    });

    await chooseFile(options, backupName, backupText);
    const summary = options.getByTestId('backup-summary');
    await summary.getByRole('checkbox', { name: /Restaurer aussi les réglages/ }).check();
    await summary.getByRole('button', { name: 'Remplacer tout…' }).click();
    const confirm = options.getByTestId('backup-confirm');
    await confirm.waitFor();
    expect(squash(await confirm.textContent())).toContain(
      'Ce navigateur a 4 brouillons et 1 numéro.',
    );
    // Nothing happens before the confirmation.
    expect((await readDatabase(options)).clips).toHaveLength(4);

    await confirm.getByRole('button', { name: 'Oui, tout remplacer' }).click();

    // Restored settings reload the page; the message follows it.
    await until(
      () => status(options).textContent(),
      (text) => squash(text).startsWith('Tout a été remplacé'),
      'the replace',
    );
    expect(squash(await status(options).textContent())).toBe(
      'Tout a été remplacé par la sauvegarde : 3 brouillons et 1 numéro. ' +
        'Réglages restaurés ; le mot de passe WordPress n’a pas changé.',
    );
    // …and is in view, although the cards above it filled in after the reload.
    await until(
      () => status(options).evaluate((el) => el.getBoundingClientRect().top),
      (top) => top > 0 && top < 900,
      'the message to be in view',
    );
    const stored = await readDatabase(options);
    expect(stored.clips.map((c) => c.title)).not.toContain(extra);
    expect(stored.clips).toHaveLength(3);
    const template = options.getByRole('textbox', { name: /Texte de départ/ });
    expect(await template.inputValue()).not.toContain('Modèle changé depuis');
    const password = await options.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
      return (await api.storage.local.get('wordpressPassword')).wordpressPassword;
    });
    expect(password).toBe(PASSWORD);
    await options.close();
  });

  it('keeps this browser’s WordPress account when a colleague’s backup names theirs, and says so', async () => {
    // A colleague's backup with the settings: their user with this browser's password would have
    // publishing and the shared desk refused (401), the editor left to find out why.
    const options = await openOptions();
    await options.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
      await api.storage.local.set({
        wordpress: {
          siteUrl: 'https://monsite.fr',
          username: 'redac',
          category: 'Indiscrets',
          status: 'draft',
        },
      });
    });
    const theirs = JSON.parse(backupText);
    theirs.settings.wordpress = {
      siteUrl: 'https://monsite.fr',
      username: 'pigiste',
      category: 'Coulisses',
      status: 'pending',
    };

    await chooseFile(options, 'indiscrets-sauvegarde-pigiste.json', JSON.stringify(theirs));
    const summary = options.getByTestId('backup-summary');
    await summary.getByRole('checkbox', { name: /Restaurer aussi les réglages/ }).check();
    await summary.getByRole('button', { name: 'Fusionner' }).click();

    // Restored settings reload the page; the message follows it.
    await until(
      () => status(options).textContent(),
      (text) => squash(text).includes('Réglages restaurés'),
      'the merge with the settings',
    );
    expect(squash(await status(options).textContent())).toContain(
      'Réglages restaurés, sauf le compte WordPress de la sauvegarde (« pigiste ») : ' +
        'ce navigateur garde le sien, avec son mot de passe.',
    );
    const stored = await options.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
      return api.storage.local.get('wordpress');
    });
    expect(stored.wordpress).toEqual({
      siteUrl: 'https://monsite.fr',
      username: 'redac',
      category: 'Coulisses',
      status: 'pending',
    });
    await options.close();
  });

  it('restores stored HTML with style attributes, cleaned, and nothing refused by the page’s security policy', async () => {
    const options = await openOptions();
    // Chromium logs each style attribute the page's security policy refuses, even one parsed in
    // an inert template: the restore's cleaner must not parse one.
    const refusals: string[] = [];
    options.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
    });
    const backup = JSON.parse(backupText) as { clips: Array<Record<string, unknown>> };
    const id = crypto.randomUUID();
    const [first] = backup.clips as Array<{ createdAt: string }>;
    // A draft this browser does not have, its text and quote holding inline styles, as a page
    // or a hand-edited file may give them.
    backup.clips = [
      {
        ...first,
        id,
        url: 'https://example.test/styled',
        issueId: '',
        sortKey: '',
        body: '<p style="color: red">Un <span style="font-weight: 700">texte</span> stylé</p>',
        quotes: [
          {
            text: 'Une citation',
            html: '<p style="margin: 0">Une <em style="color: blue">citation</em></p>',
            clippedAt: first!.createdAt,
          },
        ],
      },
    ];

    await chooseFile(options, 'styled.json', JSON.stringify(backup));
    await options.getByTestId('backup-summary').getByRole('button', { name: 'Fusionner' }).click();
    await until(
      () => status(options).textContent(),
      (text) => squash(text).startsWith('Sauvegarde fusionnée'),
      'the restore',
    );

    const stored = (await readDatabase(options)).clips.find((clip) => clip.id === id)!;
    // An item's text gets the editor's own cleaning, which reads a bold style as bold (as a
    // paste does) without parsing it.
    expect(stored.body).toBe('<p>Un <strong>texte</strong> stylé</p>');
    expect(JSON.stringify(stored.quotes)).not.toContain('style');
    expect(refusals).toEqual([]);
    await options.close();
  });

  it('keeps the keyboard’s focus through a restore: on what the file holds, through « Remplacer tout… » (the warning, back on the button), then on what came of it', async () => {
    const options = await openOptions();
    /** What has the focus: a test id, else its text; `BODY` when nothing has. */
    const focused = () =>
      options.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'BODY';
        return (
          el.getAttribute('data-testid') ??
          (el.id || (el.textContent ?? '').replace(/\s+/g, ' ').trim())
        );
      });
    const focusOn = (wanted: string, what: string) => until(focused, (now) => now === wanted, what);

    await chooseFile(options, backupName, backupText);
    const summary = options.getByTestId('backup-summary');
    // The file read, the focus is on what it holds, read first (it was on the page's body, and
    // nothing said the choices had come).
    const inSummary = () =>
      options.evaluate(() => {
        const el = document.activeElement;
        const panel = el?.closest('[data-testid="backup-summary"]');
        return panel && el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : 'outside';
      });
    await until(
      inSummary,
      (text) => /^Sauvegarde du .*3 brouillons, 1 numéro/.test(text),
      'the focus on what the file holds',
    );
    await options.keyboard.press('Tab');
    // Tab goes on to the first choice.
    const settingsBox = summary.getByRole('checkbox', { name: 'Restaurer aussi les réglages' });
    expect(await settingsBox.evaluate((box) => box === document.activeElement)).toBe(true);
    await summary.getByRole('button', { name: 'Remplacer tout…' }).focus();
    await options.keyboard.press('Enter');
    const confirm = options.getByTestId('backup-confirm');
    await confirm.waitFor();
    // The warning that counts what goes is what the editor reads first.
    await focusOn('backup-confirm', 'the focus on the warning');
    // « Annuler » keeps everything: back on « Remplacer tout… ».
    await confirm.getByRole('button', { name: 'Annuler' }).focus();
    await options.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await focusOn('Remplacer tout…', 'the focus back on « Remplacer tout… »');

    await options.keyboard.press('Enter');
    // The warning takes the focus once drawn (an effect, after the paint): only then is the focus
    // put on « Oui, tout remplacer », or the warning would take it back before Enter.
    await focusOn('backup-confirm', 'the focus on the warning again');
    await confirm.getByRole('button', { name: 'Oui, tout remplacer' }).focus();
    await options.keyboard.press('Enter');
    await until(
      () => status(options).textContent(),
      (text) => squash(text).startsWith('Tout a été remplacé'),
      'the replace',
    );
    await summary.waitFor({ state: 'detached' });
    // The panel and its buttons are gone: the focus is on the message that says what was done.
    await focusOn('backup-status', 'the focus on the message');

    // A file chosen, then let go: back on the button that chose it.
    await chooseFile(options, backupName, backupText);
    await summary.getByRole('button', { name: 'Annuler' }).focus();
    await options.keyboard.press('Enter');
    await summary.waitFor({ state: 'detached' });
    await focusOn('Restaurer une sauvegarde…', 'the focus back on « Restaurer une sauvegarde… »');
    await options.close();
  });

  it('does not offer « Remplacer tout… » on the shared desk, which would trash and rewrite the team’s drafts; « Fusionner » stays and sends nothing; after leaving, it is offered and forgets the desk; turned on meanwhile, the refusal says why', async () => {
    const options = await openOptions();
    // The desk on, as a sync leaves it, with a colleague's draft the backup does not have.
    const colleague = syncedDraft({
      id: 'collegue-1',
      title: 'Le scoop de Pigiste',
      second: 7,
      by: 'Pigiste',
    });
    await writeDatabase(options, { syncState: [SHARED_DESK_STATE], clips: [colleague] });
    await options.reload();
    await options.getByTestId('backup-settings').waitFor();
    const before = await readDatabase(options);

    await chooseFile(options, backupName, backupText);
    const summary = options.getByTestId('backup-summary');
    const replace = summary.getByRole('button', { name: 'Remplacer tout…' });
    await until(() => replace.isDisabled(), Boolean, '« Remplacer tout… » greyed');
    const reason = summary.getByTestId('role-reason');
    expect(squash(await reason.textContent())).toBe(
      'Sur la rédaction partagée, tout remplacer mettrait à la corbeille ou réécrirait des ' +
        'brouillons de toute l’équipe : utilisez « Fusionner », qui garde la version la plus ' +
        'récente de chacun.',
    );
    // Read with the button, and shown beside it.
    expect(await replace.getAttribute('aria-describedby')).toBe(await reason.getAttribute('id'));
    expect(await reason.isVisible()).toBe(true);
    expect(await axeViolations(options)).toEqual([]);
    await summary.screenshot({ path: screenshotPath('backup-shared-desk.png') });
    // A click on the greyed button asks nothing and changes nothing.
    await replace.click({ force: true });
    expect(await options.getByTestId('backup-confirm').count()).toBe(0);

    await summary.getByRole('button', { name: 'Fusionner' }).click();
    await until(
      () => status(options).textContent(),
      (text) => squash(text).startsWith('Sauvegarde fusionnée'),
      'the merge',
    );
    const after = await readDatabase(options);
    // The colleague's draft is still here, and this browser's versions (as recent as the file's).
    expect(after.clips.map((c) => c.id).sort()).toEqual(before.clips.map((c) => c.id).sort());
    const queued = await options.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('indiscrets');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const idb = request.result;
            const count = idb.transaction('outbox').objectStore('outbox').count();
            count.onsuccess = () => {
              idb.close();
              resolve(count.result);
            };
            count.onerror = () => reject(count.error);
          };
        }),
    );
    // Nothing goes to the newsroom: no trash, no older version sent as a new one.
    expect(queued).toBe(0);

    // In English too.
    await options.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
      await api.storage.sync.set({ uiLocale: 'en' });
    });
    await options.reload();
    await options.getByTestId('backup-settings').waitFor();
    const [chooser] = await Promise.all([
      options.waitForEvent('filechooser'),
      options.getByRole('button', { name: 'Restore a backup…' }).click(),
    ]);
    await chooser.setFiles({
      name: backupName,
      mimeType: 'application/json',
      buffer: Buffer.from(backupText, 'utf8'),
    });
    const replaceEn = summary.getByRole('button', { name: 'Replace everything…' });
    await until(() => replaceEn.isDisabled(), Boolean, '“Replace everything…” greyed');
    expect(squash(await summary.getByTestId('role-reason').textContent())).toBe(
      'On the shared desk, replacing everything would trash or rewrite drafts of the whole ' +
        'team: use “Merge”, which keeps the most recent version of each.',
    );

    // Left, the desk's records kept for a rejoin: offered, its confirmation saying that this
    // browser forgets the desk too (its rejoin, a new browser's, then trashes nothing there).
    await writeDatabase(options, {
      syncState: [{ ...SHARED_DESK_STATE, enabled: false }],
      syncRecords: [
        {
          key: 'draft:collegue-1',
          kind: 'draft',
          recordId: 'collegue-1',
          remoteId: 7,
          version: 1,
          modifiedGmt: '2026-03-15T08:00:07',
          base: {},
        },
      ],
    });
    await options.reload();
    await options.getByTestId('backup-settings').waitFor();
    const [again] = await Promise.all([
      options.waitForEvent('filechooser'),
      options.getByRole('button', { name: 'Restore a backup…' }).click(),
    ]);
    await again.setFiles({
      name: backupName,
      mimeType: 'application/json',
      buffer: Buffer.from(backupText, 'utf8'),
    });
    await summary.getByTestId('backup-made').waitFor();
    expect(await replaceEn.isDisabled()).toBe(false);
    expect(await summary.getByTestId('role-reason').count()).toBe(0);
    await replaceEn.click();
    const confirmEn = options.getByTestId('backup-confirm');
    await until(
      () => confirmEn.locator('#backup-confirm').textContent(),
      (text) => squash(text).endsWith('you will choose which version to keep.'),
      'the confirmation saying the desk is forgotten, in English',
    );
    expect(squash(await confirmEn.locator('#backup-confirm').textContent())).toContain(
      'You left the shared desk: replacing everything also makes this browser forget what it ' +
        'knew of it, and turning it on again joins it as a new browser would. Nothing you ' +
        'delete here will be trashed there; what the backup lacks will come back from it; a ' +
        'draft or issue the desk changed since will not be written over: you will choose ' +
        'which version to keep.',
    );
    await confirmEn.getByRole('button', { name: 'Cancel' }).click();

    await options.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: ChromeStorage }).chrome;
      await api.storage.sync.set({ uiLocale: 'fr' });
    });
    await options.reload();
    await options.getByTestId('backup-settings').waitFor();
    await chooseFile(options, backupName, backupText);
    await replace.click();
    const warning = options.getByTestId('backup-confirm').locator('#backup-confirm');
    await until(
      () => options.evaluate(() => document.activeElement?.id ?? ''),
      (id) => id === 'backup-confirm',
      'the keyboard on the warning',
    );
    expect(squash(await warning.textContent())).toContain(
      'Vous avez quitté la rédaction partagée : tout remplacer fait aussi oublier à ce ' +
        'navigateur ce qu’il en savait, et la réactiver la rejoindra comme depuis un nouveau ' +
        'navigateur. Rien de ce que vous supprimez ici n’y sera mis à la corbeille ; ce qui ' +
        'manque à la sauvegarde en reviendra ; un brouillon ou un numéro que la rédaction a ' +
        'modifié depuis ne sera pas réécrit : vous choisirez quelle version garder.',
    );
    expect(await axeViolations(options)).toEqual([]);
    await summary.screenshot({ path: screenshotPath('backup-left-desk.png') });
    await options.getByRole('button', { name: 'Oui, tout remplacer' }).click();
    await until(
      () => status(options).textContent(),
      (text) => squash(text).startsWith('Tout a été remplacé par la sauvegarde'),
      'the replace',
    );
    const replaced = await readDatabase(options);
    // The colleague's draft, not in the backup, is gone from here only; the desk is forgotten.
    expect(replaced.clips.map((c) => c.id)).not.toContain('collegue-1');
    const desk = await options.evaluate(
      () =>
        new Promise<{ records: number; state: unknown }>((resolve, reject) => {
          const request = indexedDB.open('indiscrets');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const idb = request.result;
            const tx = idb.transaction(['syncRecords', 'syncState']);
            const records = tx.objectStore('syncRecords').count();
            const state = tx.objectStore('syncState').get('desk');
            tx.oncomplete = () => {
              idb.close();
              resolve({ records: records.result, state: state.result });
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    expect(desk.records).toBe(0);
    expect(desk.state).toMatchObject({ enabled: false, siteUrl: '', username: '', cursors: {} });

    // The desk turned on from another page between the confirmation and the click (written
    // here behind the panel's back: it has not caught up): the restore refuses, and says why
    // as the greyed button does, the keyboard on « Fusionner ».
    await chooseFile(options, backupName, backupText);
    await replace.click();
    const yes = options.getByRole('button', { name: 'Oui, tout remplacer' });
    await yes.waitFor();
    await writeDatabase(options, { syncState: [SHARED_DESK_STATE] });
    await yes.click();
    await until(
      () => status(options).textContent(),
      (text) =>
        squash(text) ===
        'Sur la rédaction partagée, tout remplacer mettrait à la corbeille ou réécrirait des ' +
          'brouillons de toute l’équipe : utilisez « Fusionner », qui garde la version la plus ' +
          'récente de chacun. Rien n’a été modifié.',
      'the refusal said as the greyed button says it',
    );
    expect(await options.getByTestId('failure-detail').count()).toBe(0);
    await until(
      () => options.evaluate(() => document.activeElement?.textContent ?? ''),
      (text) => text === 'Fusionner',
      'the keyboard on « Fusionner »',
    );
    expect(await options.getByTestId('backup-confirm').count()).toBe(0);

    await clearTables(options, ['syncState', 'syncRecords', 'outbox']);
    await options.close();
  });
});
