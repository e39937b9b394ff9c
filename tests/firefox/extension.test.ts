import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selectInPage, squash, until, type PageServer } from '../browser/harness';
import { readDatabase } from '../browser/database';
import {
  chord,
  clickButton,
  clipFromPopup,
  expectNoExtensionErrors,
  inFirefox,
  pressButton,
  textsOf,
  type FirefoxSession,
} from './harness';

describe('the extension in Firefox (MV2)', () => {
  let session: FirefoxSession;
  let server: PageServer;

  inFirefox((launched) => ({ session, server } = launched));

  // The last test relies on Firefox's stdout: first prove an extension page's error reaches it.
  it('sees what an extension page logs as an error (the check of the last test can fail)', async () => {
    const page = await session.openExtensionPage('popup.html');
    await page.evaluate(() => console.error('Indiscrets harness check'));
    await until(
      async () => session.extensionErrors(),
      (errors) => errors.some((line) => line.includes('Indiscrets harness check')),
      'the logged error on stdout',
    );
    await page.close();
  });

  it('clips a page with its selected passage', async () => {
    const article = await session.openUrl(server.fixture('lemonde-1'));
    const passage = await article.evaluate(selectInPage, '#articleBody p');

    const popup = await clipFromPopup(session, article);

    const [message] = await textsOf(popup, '[data-testid="clip-message"]');
    expect(message).toMatch(/^Nouveau brouillon : « Le projet de loi sur le renseignement/);
    const drafts = await until(
      () => textsOf(popup, '[data-testid="draft"]'),
      (texts) => texts.length === 1,
      'one draft in the inbox',
    );
    expect(drafts[0]).toContain('Le Monde');
    // The row shows the item's text, which starts from the template: the quote, then its source.
    const [text] = await textsOf(popup, '[data-testid="draft-text"]');
    expect(text).toContain(squash(passage));
    await popup.close();
    await article.close();
  });

  it('adds a second selection of the same page to its draft as another quote', async () => {
    const article = await session.openUrl(server.fixture('lemonde-1'));
    await article.evaluate(selectInPage, '#articleBody p:nth-of-type(3)');

    const popup = await clipFromPopup(session, article);

    const [message] = await textsOf(popup, '[data-testid="clip-message"]');
    expect(message).toContain('la citation y a été ajoutée (2 citations)');
    await until(
      () => textsOf(popup, '[data-testid="quote-count"]'),
      (texts) => texts.some((text) => text.includes('2 citations')),
      'the draft to count 2 quotes',
    );
    expect(await textsOf(popup, '[data-testid="draft"]')).toHaveLength(1);
    await popup.close();
    await article.close();
  });

  it('composes an issue from a French date typed jj/mm/aaaa and downloads it as Markdown', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await clickButton(popup, 'Numéro');
    const dateField = 'form.new-issue .date-field input';
    await popup.waitForSelector(dateField);
    // What a keyboard entry gives the field: the text, then an input event.
    await popup.evaluate((css) => {
      const input = document.querySelector(css) as HTMLInputElement;
      input.focus();
      input.value = '15/03/2027';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, dateField);
    const title = await until(
      () =>
        popup.evaluate(
          () => (document.querySelectorAll('form.new-issue input')[1] as HTMLInputElement).value,
        ),
      (value) => value === 'Les indiscrets du 15 mars',
      'the title from the date',
    );
    expect(title).toBe('Les indiscrets du 15 mars');
    // The day said in words (its no-break spaces folded by textsOf).
    expect((await textsOf(popup, 'form.new-issue .date-field small'))[0]).toBe(
      'lundi 15 mars 2027', // (no-break spaces, folded by textsOf),
    );
    await clickButton(popup, 'Créer le numéro');
    await clickButton(popup, 'Brouillons');
    await until(
      () =>
        popup.evaluate(() => {
          const add = document.querySelector<HTMLButtonElement>(
            'button[aria-label^="Ajouter «\u00a0"]',
          );
          add?.click();
          return !!add;
        }),
      (clicked) => clicked,
      'the button adding the draft to the issue',
    );
    // The popup writes to IndexedDB itself: closing it before the transaction commits aborts
    // the write (what failed on a loaded CI machine). Wait until the issue lists the item.
    await clickButton(popup, 'Numéro');
    await until(
      () => textsOf(popup, '[data-testid="issue-item"]'),
      (items) => items.length === 1,
      'the item in the popup’s issue',
    );
    await popup.close();

    const desk = await session.openExtensionPage('desk.html');
    await until(
      () => textsOf(desk, '[data-testid="issue-item"]'),
      (items) => items.length === 1,
      'the issue with its item',
    );
    // The export panel is drawn the frame after the items (the desk paints its issue first).
    await desk.waitForSelector('section.export select');
    await desk.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('section.export select')!;
      select.value = 'markdown';
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await desk.click('[data-testid="download"]');
    const file = await until(
      async () => (await readdir(session.downloadDir)).find((name) => name.endsWith('.md')),
      (name) => name !== undefined,
      'the Markdown file in the downloads',
    );
    // Firefox makes the file, then writes it: on a loaded machine, it is read empty in between.
    const markdown = await until(
      () => readFile(path.join(session.downloadDir, file!), 'utf8'),
      (text) => text.length > 0,
      'the Markdown file written',
    );
    expect(markdown).toContain('Les indiscrets du 15 mars');
    expect(markdown).toMatch(/^# Les indiscrets du 15 mars\n/);
    expect(markdown).toContain('le projet de loi sur le renseignement');
    expect(markdown).toContain('[Le Monde.fr](http://www.lemonde.fr/pixels/');
    await desk.close();
  });

  it('keeps the URL and title of a PDF, which the script cannot read, and says why', async () => {
    // Firefox's PDF viewer (pdf.js) is closed to extensions' scripts: the fallback path.
    const page = await session.browser.newPage();
    await page.goto(server.page('rapport.pdf')).catch(() => undefined);

    const popup = await clipFromPopup(session, page);

    const [message] = await textsOf(popup, '[data-testid="clip-message"]');
    expect(message).toContain('seuls l’adresse et le titre ont été gardés');
    const drafts = await until(
      () => textsOf(popup, '[data-testid="draft"]'),
      (texts) => texts.some((text) => text.includes('rapport.pdf')),
      'the PDF draft',
    );
    expect(drafts.find((text) => text.includes('rapport.pdf'))).toContain('PDF');
    await popup.close();
    await page.close();
  });

  it('takes a quote inserted as a paragraph away with one Ctrl+Z, the typing before kept', async () => {
    const article = await session.openUrl(server.fixture('guardian-1'));
    await article.evaluate(selectInPage, '[itemprop="articleBody"] p');
    const popup = await clipFromPopup(session, article);
    await article.close();
    const [message] = await textsOf(popup, '[data-testid="clip-message"]');
    const title = /^Nouveau brouillon : « (.*) »$/.exec(message!)![1]!;
    await clickButton(popup, title);
    await popup.waitForSelector('[data-testid="item-text"]');
    await until(
      () => popup.evaluate(() => document.activeElement?.getAttribute('data-testid')),
      (focused) => focused === 'item-text',
      'the text to have the focus',
    );
    const stored = async () => {
      const { clips } = await readDatabase<{
        clips: Array<{ id: string; title: string; body: string }>;
        issues: Array<{ id: string }>;
      }>(popup);
      return clips.find((clip) => clip.title === title)?.body ?? '';
    };
    const typed = '<p>Premier paragraphe écrit.</p>';
    await chord(popup, ['Control', 'a']);
    await popup.keyboard.type('Premier paragraphe écrit.');
    await until(stored, (body) => body === typed, 'the typed text stored');
    // Typing is taken back a word at a time, not a character or all of it.
    await chord(popup, ['Control', 'z']);
    await until(stored, (body) => body === '<p>Premier paragraphe </p>', 'the last word undone');
    await chord(popup, ['Control', 'y']);
    await until(stored, (body) => body === typed, 'the last word redone');

    await pressButton(popup, 'En paragraphe');
    const inserted = await until(
      stored,
      // The Guardian's page is in English: its words keep their language inside the French « ».
      (body) =>
        /^<p>Premier paragraphe écrit\.<\/p><p>« <span lang="en">[^«»<]+<\/span> »<\/p>$/.test(
          body,
        ),
      'the quote stored as a paragraph',
    );
    // One Ctrl+Z takes the whole quote away, not the typing before it; Ctrl+Shift+Z redoes it.
    await chord(popup, ['Control', 'z']);
    await until(stored, (body) => body === typed, 'the quote undone');
    await chord(popup, ['Control', 'Shift', 'z']);
    await until(stored, (body) => body === inserted, 'the quote redone');
    // The caret left after the quote, in a paragraph of its own: the next key is not the quote's.
    await popup.keyboard.type('Suite.');
    const followed = `${inserted}<p>Suite.</p>`;
    await until(stored, (body) => body === followed, 'the words typed after the quote');
    await popup.close();
  });

  it('offers « Annuler » again in the popup opened after the first closed (storage.session in MV2)', async () => {
    const popup = await session.openExtensionPage('popup.html');
    // Firefox has storage.session in MV2 too: the undo outlives the popup, as in Chrome.
    expect(
      await popup.evaluate(
        () =>
          typeof (globalThis as unknown as { browser: { storage: { session?: { get: unknown } } } })
            .browser.storage.session?.get,
      ),
    ).toBe('function');
    await until(
      () =>
        popup.evaluate(() => {
          const row = [...document.querySelectorAll('[data-testid="draft"]')].find((draft) =>
            draft.textContent?.includes('rapport.pdf'),
          );
          const trash = [...(row?.querySelectorAll('button') ?? [])].find(
            (button) => button.textContent?.trim() === 'Supprimer',
          );
          trash?.click();
          return !!trash;
        }),
      (clicked) => clicked,
      'the PDF draft’s « Supprimer »',
    );
    const bar = (page: typeof popup) => textsOf(page, '[data-testid="undo-bar"] span');
    const [said] = await until(
      () => bar(popup),
      (texts) => texts.some((text) => text.endsWith('est à la corbeille.')),
      'the undo bar',
    );
    await popup.close();

    const again = await session.openExtensionPage('popup.html');
    await until(
      () => bar(again),
      (texts) => texts[0] === said,
      'the same undo bar',
    );
    await clickButton(again, 'Annuler');

    await until(
      () => textsOf(again, '[data-testid="draft"]'),
      (texts) => texts.some((text) => text.includes('rapport.pdf')),
      'the PDF draft back',
    );
    await until(
      () => bar(again),
      (texts) => texts.length === 0,
      'the bar gone',
    );
    await again.close();
  });

  it('still has its context menu items after a browser restart', async () => {
    // Firefox has no API to list menu items; updating one that does not exist is refused.
    const menusPresent = async () => {
      const page = await session.openExtensionPage('popup.html');
      const result = await page.evaluate(async () => {
        const menus = (
          globalThis as unknown as {
            browser: { contextMenus: { update(id: string, props: object): Promise<void> } };
          }
        ).browser.contextMenus;
        const found: Record<string, boolean> = {};
        for (const id of ['indiscrets-clip-page', 'indiscrets-clip-link', 'not-ours']) {
          found[id] = await menus.update(id, {}).then(
            () => true,
            () => false,
          );
        }
        return found;
      });
      await page.close();
      return result;
    };
    const expected = {
      'indiscrets-clip-page': true,
      'indiscrets-clip-link': true,
      'not-ours': false,
    };
    expect(
      await until(menusPresent, (found) => found['indiscrets-clip-page']!, 'the menus'),
    ).toEqual(expected);

    await session.restart();

    expect(
      await until(
        menusPresent,
        (found) => found['indiscrets-clip-page']!,
        'the menus after restart',
      ),
    ).toEqual(expected);
    // The drafts clipped before the restart are still there.
    const popup = await session.openExtensionPage('popup.html');
    await until(
      () => textsOf(popup, '[data-testid="draft"]'),
      (texts) => texts.length >= 1,
      'the drafts after restart',
    );
    await popup.close();
  });

  it('names on the desk the clip shortcut the browser has, one the editor changed included', async () => {
    type Commands = {
      update(detail: { name: string; shortcut: string }): Promise<void>;
      reset(name: string): Promise<void>;
    };
    /**
     * Opens the desk (live, its data loaded: closing it interrupts nothing), waits for its hint
     * to end with `keys` (drawn with the manifest's first, then with the browser's), then from it
     * sets the clip shortcut to `next` (`null`: back to the manifest's), as the editor would in
     * about:addons (Firefox lets an extension change its own).
     */
    const hintSays = async (keys: string, next?: string | null) => {
      const desk = await session.openExtensionPage('desk.html');
      const said = await until(
        async () => squash((await textsOf(desk, '[data-testid="clip-hint"]'))[0] ?? ''),
        (text) => text.endsWith(` ou ${keys}.`),
        `the desk’s clip hint naming ${keys}`,
      );
      if (next !== undefined) {
        await desk.evaluate(async (shortcut) => {
          const commands = (globalThis as unknown as { browser: { commands: Commands } }).browser
            .commands;
          if (shortcut) await commands.update({ name: 'clip-page', shortcut });
          else await commands.reset('clip-page');
        }, next);
      }
      await desk.close();
      return said;
    };

    expect(await hintSays('Alt+Maj+K', 'Ctrl+Shift+Y')).toMatch(/^Pour couper une page : /);
    expect(await hintSays('Ctrl+Maj+Y', null)).not.toContain('Alt+Maj+K');
    await hintSays('Alt+Maj+K');
  });

  it('logged no error from any extension page or the background', () => {
    expectNoExtensionErrors(session, /Indiscrets harness check/);
  });
});
