/**
 * The editor's day in Firefox (MV2 test build, headless Firefox ESR over WebDriver BiDi): clip
 * two pages, compose an issue on the desk from a date typed fast, reorder it from the keyboard,
 * copy it and download it in every format, change a setting, back up and restore, and publish
 * it to the real WordPress of the suite's global setup (tests/wordpress/global-setup.ts), the
 * site's origin asked for at run time from the options page. The tests run in order on one
 * profile; the last one checks that no extension page nor the background logged an error.
 */
import { writeFile, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse } from '@wordpress/block-serialization-default-parser';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { selectInPage, squash, until, type PageServer } from '../browser/harness';
import { readPost, site } from '../wordpress/helpers';
import {
  clickButton,
  clipFromPopup,
  downloaded,
  expectNoExtensionErrors,
  fieldSelector,
  type FirefoxSession,
  inFirefox,
  pressButton,
  textsOf,
  typeInto,
} from './harness';
import { clearDatabase, readDatabase as readTables } from '../browser/database';

interface Stored {
  clips: Array<{ id: string; title: string; issueId?: string; sortKey?: string }>;
  issues: Array<{ id: string; title: string; wordpress?: { postId: number } }>;
}

/** Both tables of the extension's database, as stored (see database.ts). */
const readDatabase = (page: Page) => readTables<Stored>(page);

/** The issue's items, in order, as the list names them (their labels). */
const itemNames = (page: Page) => textsOf(page, '[data-testid="issue-item"] .issue-item__title');

describe('composing, exporting, backing up and publishing in Firefox (MV2)', () => {
  let session: FirefoxSession;
  let server: PageServer;
  let desk: Page;
  const titles = { lemonde: '', guardian: '' };
  const passages = { lemonde: '', guardian: '' };
  /** How the issue list names the two items: the first words of their clipped passage. */
  const labels = {
    lemonde: '« Les députés ont, sans surprise, adopté…',
    guardian: '« Whale whisperer Hori Parata was just…',
  };
  let backupText = '';

  /** Picks a format in the desk's export panel and downloads it; returns the file's text. */
  async function download(format: string, wanted: (name: string) => boolean) {
    // Drawn the frame after the items: wait for it rather than take its absence for a failure.
    await desk.waitForSelector('section.export select');
    await desk.select('section.export select', format);
    await desk.click('[data-testid="download"]');
    const file = await downloaded(session, wanted, `the ${format} file`);
    const text = await readFile(file, 'utf8');
    // Gone once read, so that the next file with the same name is not taken for this one.
    await rm(file);
    return text;
  }

  async function openOptions(): Promise<Page> {
    const page = await session.openExtensionPage('options.html');
    await page.waitForSelector('[data-testid="backup-settings"]');
    return page;
  }

  inFirefox((launched) => ({ session, server } = launched));

  it('clips two pages with their selected passages', async () => {
    for (const [name, selector, key] of [
      ['lemonde-1', '#articleBody p', 'lemonde'],
      ['guardian-1', '[itemprop="articleBody"] p', 'guardian'],
    ] as const) {
      const article = await session.openUrl(server.fixture(name));
      passages[key] = squash(await article.evaluate(selectInPage, selector));
      const popup = await clipFromPopup(session, article);
      const [message] = await textsOf(popup, '[data-testid="clip-message"]');
      expect(message).toMatch(/^Nouveau brouillon : « /);
      titles[key] = /^Nouveau brouillon : « (.*) »/.exec(message!)![1]!;
      await popup.close();
      await article.close();
    }
    expect(titles.lemonde).not.toBe(titles.guardian);
  });

  it('creates an issue on the desk from a date typed fast, every character kept', async () => {
    desk = await session.openExtensionPage('desk.html');
    const dateField = 'form.new-issue .date-field input';
    await desk.waitForSelector(dateField);

    // Real key presses, without any delay between them.
    await typeInto(desk, dateField, '15/03/2027');

    expect(await desk.$eval(dateField, (input) => (input as HTMLInputElement).value)).toBe(
      '15/03/2027',
    );
    await until(
      () => textsOf(desk, 'form.new-issue .date-field small'),
      ([said]) => said === 'lundi 15 mars 2027',
      'the day said in words',
    );
    const title = await desk.evaluate(
      () => (document.querySelectorAll('form.new-issue input')[1] as HTMLInputElement).value,
    );
    expect(title).toBe('Les indiscrets du 15 mars');
    await clickButton(desk, 'Créer le numéro');

    for (const key of ['lemonde', 'guardian'] as const) {
      await pressButton(desk, `Ajouter «\u00a0${titles[key]}\u00a0» au numéro`);
      // The row loses its button once the draft is in the issue.
      await until(
        () =>
          desk.evaluate(
            (label) => !!document.querySelector(`button[aria-label="${CSS.escape(label)}"]`),
            `Ajouter «\u00a0${titles[key]}\u00a0» au numéro`,
          ),
        (present) => !present,
        `the draft « ${titles[key]} » in the issue`,
      );
    }
    expect(
      await until(
        () => itemNames(desk),
        (list) => list.length === 2,
        'the two items',
      ),
    ).toEqual([labels.lemonde, labels.guardian]);
  });

  it('moves an item down with Alt+↓ and keeps the new order after a reload', async () => {
    await desk.focus('[data-testid="issue-item"]');
    await desk.keyboard.down('Alt');
    await desk.keyboard.press('ArrowDown');
    await desk.keyboard.up('Alt');

    await until(
      () => itemNames(desk),
      (list) => list[0] === labels.guardian,
      'the new order',
    );
    expect(await itemNames(desk)).toEqual([labels.guardian, labels.lemonde]);
    const [announcement] = await textsOf(desk, '[data-testid="reorder-announcement"]');
    expect(announcement).toContain('2');
    // The moved item keeps the focus, so that Alt+↑ brings it back at once.
    await desk.keyboard.down('Alt');
    await desk.keyboard.press('ArrowUp');
    await desk.keyboard.up('Alt');
    await until(
      () => itemNames(desk),
      (list) => list[0] === labels.lemonde,
      'the item back up',
    );
    // Alt+↓ once more, then a fresh desk shows what was stored.
    await desk.focus('[data-testid="issue-item"]');
    await desk.keyboard.down('Alt');
    await desk.keyboard.press('ArrowDown');
    await desk.keyboard.up('Alt');
    await until(
      () => itemNames(desk),
      (list) => list[0] === labels.guardian,
      'the order again',
    );
    await desk.close();
    desk = await session.openExtensionPage('desk.html');
    expect(
      await until(
        () => itemNames(desk),
        (list) => list.length === 2,
        'the items after a reload',
      ),
    ).toEqual([labels.guardian, labels.lemonde]);
  });

  it('takes an item out with « Retirer » and puts it back at its place with « Annuler », from the keyboard', async () => {
    /** What has the focus: its accessible label, else its text. */
    const focused = () =>
      desk.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'BODY';
        return (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
      });
    const barText = async () => (await textsOf(desk, '[data-testid="undo-bar"] > span'))[0] ?? '';
    await desk.focus('[data-testid="issue-item"] .issue-item__remove');
    const remove = await focused();
    expect(remove).toContain('Whale whisperer');
    await desk.keyboard.press('Enter');

    await until(
      () => itemNames(desk),
      (list) => list.length === 1,
      'the item taken out',
    );
    const said = await until(
      barText,
      (text) => text.endsWith('retiré du numéro.'),
      'the removal offered',
    );
    expect(said).toContain('Whale whisperer Hori Parata was just…');
    await desk.focus('[data-testid="undo-bar"] button');
    await desk.keyboard.press('Enter');

    await until(
      () => itemNames(desk),
      (list) => list.length === 2,
      'the item put back',
    );
    expect(await itemNames(desk)).toEqual([labels.guardian, labels.lemonde]);
    await until(focused, (now) => now === remove, 'the keyboard back on its « Retirer »');
  });

  it('downloads the issue in each of the five formats, items in their order', async () => {
    await desk.waitForSelector('[data-testid="download"]');

    const markdown = await download('markdown', (name) => name.endsWith('.md'));
    const html = await download(
      'html',
      (name) => name.endsWith('.html') && !name.endsWith('.wp.html'),
    );
    const blocks = await download('wordpress', (name) => name.endsWith('.wp.html'));
    const text = await download('text', (name) => name.endsWith('.txt'));
    const json = await download('json', (name) => name.endsWith('.json'));

    // Markdown: the title, then each item as its own paragraph, opened by the house opener.
    expect(markdown).toMatch(/^# Les indiscrets du 15 mars\n/);
    // Each item as the default template made it, « quote » (linked source), after the house
    // opener; nothing escaped or doubled.
    const paragraphs = markdown.trim().split(/\n\n+/).slice(1);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toBe(
      `--> «\u00a0${passages.guardian.replace(/ ([:;!?»])/g, '\u00a0$1')}\u00a0» ([the Guardian](https://www.theguardian.com/environment/2019/jan/03/what-is-the-sea-telling-us-maori-tribes-fearful-over-whale-strandings))`,
    );
    expect(paragraphs[1]).toMatch(/^--> «\u00a0Les députés ont/);
    expect(paragraphs[1]).toMatch(
      /\u00a0» \(\[Le Monde\.fr\]\(http:\/\/www\.lemonde\.fr\/pixels\/[^)]+\)\)$/,
    );
    expect(markdown.indexOf('(https://www.theguardian.com/')).toBeLessThan(
      markdown.indexOf('(http://www.lemonde.fr/'),
    );
    expect(markdown).not.toContain('<');

    expect(html).toContain('Les indiscrets du 15 mars');
    expect(html).toContain('href="http://www.lemonde.fr/pixels/');
    expect(html.indexOf('theguardian.com')).toBeLessThan(html.indexOf('lemonde.fr'));

    const parsed = parse(blocks).filter((block) => block.blockName !== null);
    expect(parsed.length).toBeGreaterThanOrEqual(2);
    for (const block of parsed) expect(block.blockName).toBe('core/paragraph');
    expect(blocks.indexOf('theguardian.com')).toBeLessThan(blocks.indexOf('lemonde.fr'));

    expect(text).toContain('Les indiscrets du 15 mars');
    expect(text).not.toMatch(/<\/?[a-z]/);
    expect(text).toContain('http://www.lemonde.fr/pixels/');
    expect(text.indexOf('theguardian.com')).toBeLessThan(text.indexOf('lemonde.fr'));

    const data = JSON.parse(json) as {
      issue: { title: string; items: Array<{ text: string; sources: Array<{ url: string }> }> };
    };
    expect(data.issue.title).toBe('Les indiscrets du 15 mars');
    expect(data.issue.items.map((item) => new URL(item.sources[0]!.url).hostname)).toEqual([
      'www.theguardian.com',
      'www.lemonde.fr',
    ]);
    expect(data.issue.items[1]!.text).toContain('Les députés ont, sans surprise');
  });

  it('copies the issue as rich text and plain text', async () => {
    await desk.click('[data-testid="copy"]');
    await until(
      () => textsOf(desk, 'section.export [role="status"]'),
      (texts) => texts.includes('Numéro copié (texte enrichi et texte brut).'),
      'the copy message',
    );

    // Pasted with the keyboard into a field of the page: what a mail or a CMS would receive.
    await desk.evaluate(() => {
      const field = document.createElement('textarea');
      field.id = 'paste-target';
      document.body.append(field);
      field.addEventListener('paste', (event) => {
        field.dataset.html = event.clipboardData?.getData('text/html') ?? '';
        field.dataset.text = event.clipboardData?.getData('text/plain') ?? '';
      });
      field.focus();
    });
    await desk.keyboard.down('Control');
    await desk.keyboard.press('v');
    await desk.keyboard.up('Control');
    const pasted = await until(
      () =>
        desk.$eval('#paste-target', (field) => ({
          html: (field as HTMLElement).dataset.html,
          text: (field as HTMLElement).dataset.text,
        })),
      (value) => value.text !== undefined,
      'the paste',
    );
    await desk.$eval('#paste-target', (field) => field.remove());
    expect(pasted.html).toContain('<a href="http://www.lemonde.fr/pixels/');
    expect(pasted.text).toContain('Les indiscrets du 15 mars');
    expect(pasted.text).not.toMatch(/<\/?[a-z]/);
    expect(pasted.text!.indexOf('theguardian.com')).toBeLessThan(
      pasted.text!.indexOf('lemonde.fr'),
    );
  });

  it('keeps a changed setting, which the next export follows: the opener of each item', async () => {
    const options = await openOptions();
    const opener = await fieldSelector(options, 'Ouverture de chaque indiscret');
    expect(await options.$eval(opener, (input) => (input as HTMLInputElement).value)).toBe('--> ');
    await typeInto(options, opener, 'Bref, ');
    await pressButton(options, 'Enregistrer', 'form:has([data-field])');
    await until(
      () => textsOf(options, 'form:has([data-field])'),
      ([text]) => !!text?.includes('Enregistré.'),
      'the saved message',
    );
    await options.close();

    const again = await openOptions();
    const after = await fieldSelector(again, 'Ouverture de chaque indiscret');
    expect(await again.$eval(after, (input) => (input as HTMLInputElement).value)).toBe('Bref, ');
    await again.close();
    const markdown = await download('markdown', (name) => name.endsWith('.md'));
    const paragraphs = markdown.trim().split(/\n\n+/).slice(1);
    expect(paragraphs.map((paragraph) => paragraph.slice(0, 8))).toEqual([
      'Bref, «\u00a0',
      'Bref, «\u00a0',
    ]);
  });

  it('downloads a backup, refuses a broken file, and restores the backup into an emptied profile', async () => {
    const options = await openOptions();
    const before = await readDatabase(options);
    expect(before.clips).toHaveLength(2);
    expect(before.issues).toHaveLength(1);

    await pressButton(options, 'Télécharger une sauvegarde');
    const file = await downloaded(
      session,
      (name) => /^indiscrets-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/.test(name),
      'the backup',
    );
    backupText = await readFile(file, 'utf8');
    const backup = JSON.parse(backupText) as { clips: Array<{ title: string }> };
    expect(backup.clips.map((clip) => clip.title).sort()).toEqual(
      [titles.lemonde, titles.guardian].sort(),
    );

    // A truncated file: a clear message, nothing changed.
    const broken = path.join(session.downloadDir, 'notes.json');
    await writeFile(broken, backupText.slice(0, 200));
    const input = (await options.$('input[data-testid="backup-file"]'))!;
    await input.uploadFile(broken);
    await until(
      () => textsOf(options, '[data-testid="backup-status"]'),
      ([text]) => !!text?.startsWith('Ce fichier n’est pas une sauvegarde'),
      'the refusal',
    );
    expect(await readDatabase(options)).toEqual(before);

    // The profile loses everything; the backup brings it back.
    await desk.close();
    await clearDatabase(options);
    await options.close();
    const emptied = await openOptions();
    expect((await readDatabase(emptied)).clips).toEqual([]);
    const good = path.join(session.downloadDir, 'restore.json');
    await writeFile(good, backupText);
    await (await emptied.$('input[data-testid="backup-file"]'))!.uploadFile(good);
    await emptied.waitForSelector('[data-testid="backup-summary"]');
    await pressButton(emptied, 'Fusionner', '[data-testid="backup-summary"]');
    await until(
      () => textsOf(emptied, '[data-testid="backup-status"]'),
      ([text]) => !!text?.startsWith('Sauvegarde fusionnée'),
      'the restore',
    );
    expect(await readDatabase(emptied)).toEqual(before);
    await emptied.close();

    desk = await session.openExtensionPage('desk.html');
    expect(
      await until(
        () => itemNames(desk),
        (list) => list.length === 2,
        'the restored items',
      ),
    ).toEqual([labels.guardian, labels.lemonde]);
  });

  it('asks for the site’s origin from the options page, then publishes the issue to WordPress', async () => {
    const options = await openOptions();
    // Records each permissions.request, then lets Firefox answer it (same call, same click).
    await options.evaluate(() => {
      const scope = globalThis as unknown as {
        requests: unknown[];
        browser: { permissions: { request: (query: unknown) => Promise<boolean> } };
      };
      const permissions = scope.browser.permissions;
      const request = permissions.request.bind(permissions);
      scope.requests = [];
      permissions.request = (query) => {
        scope.requests.push(query);
        return request(query);
      };
    });
    await typeInto(options, await fieldSelector(options, 'Adresse du site'), site().url);
    await typeInto(
      options,
      await fieldSelector(options, 'Identifiant WordPress'),
      site().adminUser,
    );
    await typeInto(
      options,
      await fieldSelector(options, 'Mot de passe d’application'),
      site().appPassword,
    );
    await pressButton(options, 'Tester la connexion');
    const status = await until(
      () => textsOf(options, '[data-testid="wp-status"]'),
      ([text]) => !!text && text !== 'Vérification…',
      'the connection status',
    );
    // « en tant qu’admin »: que elided before the vowel.
    expect(status[0]).toBe(`Connexion réussie à « Petit Web » en tant qu’${site().adminUser}.`);
    expect(
      await options.evaluate(() => (globalThis as unknown as { requests: unknown[] }).requests),
    ).toEqual([{ origins: ['http://127.0.0.1/*'] }]);
    await options.close();

    await pressButton(desk, 'Publier sur WordPress (brouillon)');
    await until(
      () => textsOf(desk, '[data-testid="publish-message"]'),
      ([text]) => !!text,
      'the publish message',
    );
    expect((await textsOf(desk, '[data-testid="publish-message"]'))[0]).toContain(
      'Article créé dans WordPress.',
    );
    const { issues } = await readDatabase(desk);
    const postId = issues[0]!.wordpress!.postId;
    expect(postId).toBeGreaterThan(0);
    const post = await readPost(postId);
    expect(post.status).toBe('draft');
    expect(post.title.raw).toBe('Les indiscrets du 15 mars');
    const paragraphs = parse(post.content.raw).filter((block) => block.blockName !== null);
    for (const block of paragraphs) expect(block.blockName).toBe('core/paragraph');
    // The items in the order of the issue, opened the way the options now say.
    expect(paragraphs.map((block) => block.innerHTML.trim().slice(0, 11))).toEqual([
      '<p>Bref, «\u00a0',
      '<p>Bref, «\u00a0',
    ]);
    expect(post.content.raw.indexOf('theguardian.com')).toBeLessThan(
      post.content.raw.indexOf('lemonde.fr'),
    );
    expect(post.content.raw).toContain('(<a href="http://www.lemonde.fr/pixels/');
  });

  it('logged no error from any extension page or the background', async () => {
    expectNoExtensionErrors(session);
    // The folder held only what the tests downloaded and wrote.
    expect((await readdir(session.downloadDir)).every((name) => !name.endsWith('.part'))).toBe(
      true,
    );
  });
});
