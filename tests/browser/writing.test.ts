import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  clipTwoArticles,
  launchExtension,
  openPopup as openPopupPage,
  screenshotPath,
  servePages,
  squash,
  until,
  type ExtensionSession,
  type PageServer,
  selectWordsIn,
} from './harness';
import { readDatabase, writeDatabase } from './database';
import {
  GOOGLE_DOCS_HTML,
  GOOGLE_DOCS_STORED,
  WORD_LANG_HTML,
  WORD_LANG_STORED,
  pageParagraphs,
  pageWords,
  wordParagraphs,
  wordWords,
} from '../fixtures/clipboard';

/**
 * The writing loop, in real Chromium with the built extension: an item with an inline link to
 * its clipped source must cost at most 3 clicks and 4 keys besides typing the prose; Enter
 * makes paragraphs; an address pasted or a source dropped on selected words links them; a
 * quote goes where the caret is; a copy from Google Docs keeps its bold and italic. The tests
 * share one profile and run in order.
 */
describe('writing an item in Chromium with the built extension', () => {
  let session: ExtensionSession;
  let server: PageServer;
  const titles = { guardian: '', lemonde: '' };

  const openPopup = (query = '') => openPopupPage(session, query);

  /** Opens the Le Monde draft in the popup's editor: its item text, once drawn. */
  async function openLemonde(popup: Page): Promise<Locator> {
    await popup.getByRole('button', { name: titles.lemonde, exact: true }).click();
    const area = popup.getByTestId('item-text');
    await area.waitFor();
    return area;
  }

  /**
   * Gives the Le Monde draft `fields` (its text, its quotes…) straight in the database, as a
   * template or an earlier session would have left them, and reloads the popup. Returns the
   * draft as it was before.
   */
  async function giveLemonde(popup: Page, fields: Record<string, unknown> & { body: string }) {
    const { clips } = await readDatabase<{
      clips: Array<{ id: string; title: string }>;
      issues: Array<{ id: string }>;
    }>(popup);
    const draft = clips.find((clip) => clip.title === titles.lemonde)!;
    await writeDatabase(popup, { clips: [{ ...draft, ...fields }] });
    await popup.reload();
    return draft;
  }

  /** {@link giveLemonde}, then opens the draft in the editor once that text is drawn. */
  async function openLemondeGiven(popup: Page, fields: Record<string, unknown> & { body: string }) {
    const draft = await giveLemonde(popup, fields);
    const area = await openLemonde(popup);
    await until(
      () => area.innerHTML(),
      (html) => html === fields.body,
      'the text written',
    );
    return { draft, area };
  }

  /**
   * The item's text as stored: the editor shows exactly that once it loses focus, but for its
   * empty lines (a paragraph or entry with no words), still shown to be typed in.
   */
  async function storedBody(page: Page, area: Locator): Promise<string> {
    await page.getByTestId('save-state').filter({ hasText: 'Enregistré' }).waitFor();
    await area.evaluate((el) => (el as HTMLElement).blur());
    return area.innerHTML();
  }

  /** Sets the house style's export language (Options › the exports' language) to `locale`. */
  async function exportsIn(page: Page, locale: 'fr' | 'en') {
    await page.evaluate(async (wanted) => {
      const sync = (
        globalThis as unknown as {
          chrome: {
            storage: {
              sync: {
                get(key: string): Promise<Record<string, object | undefined>>;
                set(items: object): Promise<void>;
              };
            };
          };
        }
      ).chrome.storage.sync;
      const { houseStyle } = await sync.get('houseStyle');
      await sync.set({ houseStyle: { ...(houseStyle ?? {}), locale: wanted } });
    }, locale);
  }

  /** The drafts' bodies as stored in the database, by id. */
  async function storedBodies(page: Page): Promise<Map<string, string>> {
    const { clips } = await readDatabase<{
      clips: Array<{ id: string; body: string }>;
      issues: Array<{ id: string }>;
    }>(page);
    return new Map(clips.map((clip) => [clip.id, clip.body]));
  }

  /**
   * The body of draft `id` stored in the database, once `check` accepts it: read without taking
   * the focus from the editor, whose undo stack must stay as it is.
   */
  function savedBody(page: Page, id: string, check: (body: string) => boolean) {
    const read = async () => (await storedBodies(page)).get(id) ?? '';
    return until(read, check, `the stored body of draft ${id}`);
  }

  /**
   * One Ctrl+Z gives `before` back, drawn and stored (`saved`), then Ctrl+Y `after` again: what
   * a paste or a command did is one step of the editor's own history.
   */
  async function undoneThenRedone(
    page: Page,
    area: Locator,
    saved: (html: string) => Promise<unknown>,
    before: string,
    after: string,
  ) {
    await page.keyboard.press('Control+Z');
    await saved(before);
    expect(await area.innerHTML()).toBe(before);
    await page.keyboard.press('Control+Y');
    await saved(after);
  }

  /** Waits for draft `id`'s stored body to be `html` (see {@link savedBody}). */
  const savedAs = (page: Page, id: string) => (html: string) =>
    savedBody(page, id, (body) => body === html);

  /** Selects `word` in the editor with a double click, as an editor would. */
  async function wordBox(page: Page, area: Locator, word: string) {
    return area.evaluate((el, w) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue!.lastIndexOf(w);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + w.length);
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      throw new Error(`No "${w}" in the text`);
    }, word);
  }

  /** Selects `word` in the editor without the mouse (for the tests that do not count). */
  async function select(area: Locator, word: string) {
    await area.evaluate(selectWordsIn, [word, true] as [string, boolean]);
  }

  /** Pastes `html` (its text/plain `plain`) over the whole text, as after Ctrl+A. */
  async function pasteOverAll(area: Locator, html: string, plain: string) {
    await area.evaluate(
      (el, [h, p]) => {
        const all = document.createRange();
        all.selectNodeContents(el);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(all);
        const data = new DataTransfer();
        data.setData('text/html', h!);
        data.setData('text/plain', p!);
        el.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      },
      [html, plain],
    );
  }

  /**
   * Pastes `html` (its text/plain `plain`; only that when `html` is empty) where `words` are, the
   * last time they are in the text: over them, or with `after`, the caret right after them.
   */
  async function pasteAt(area: Locator, words: string, html: string, plain: string, after = false) {
    await area.evaluate(
      (el, [w, h, p, a]) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.nodeValue!.lastIndexOf(w as string);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, a ? at + (w as string).length : at);
          range.setEnd(node, at + (w as string).length);
          window.getSelection()!.removeAllRanges();
          window.getSelection()!.addRange(range);
          const data = new DataTransfer();
          // None for a plain-text paste (Ctrl+Maj+V).
          if (h) data.setData('text/html', h as string);
          data.setData('text/plain', p as string);
          el.dispatchEvent(
            new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
          );
          return;
        }
        throw new Error(`No "${w as string}" in the text`);
      },
      [words, html, plain, after],
    );
  }

  /**
   * Pastes `html` (its text/plain `plain`; only that when `html` is empty) over the words from
   * `first` to `last`, each the last time it is in the text: a selection across paragraphs.
   */
  async function pasteAcross(
    area: Locator,
    [first, last]: [string, string],
    html: string,
    plain: string,
  ) {
    await area.evaluate(
      (el, [f, l, h, p]) => {
        const find = (w: string) => {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          let found: [Node, number] | undefined;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.nodeValue!.lastIndexOf(w);
            if (at >= 0) found = [node, at];
          }
          if (!found) throw new Error(`No "${w}" in the text`);
          return found;
        };
        const [start, from] = find(f!);
        const [end, to] = find(l!);
        const range = document.createRange();
        range.setStart(start, from);
        range.setEnd(end, to + l!.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        const data = new DataTransfer();
        if (h) data.setData('text/html', h);
        data.setData('text/plain', p!);
        el.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      },
      [first, last, html, plain],
    );
  }

  beforeAll(async () => {
    server = await servePages();
    session = await launchExtension();
    session.context.setDefaultTimeout(15_000);
    Object.assign(titles, await clipTwoArticles(session, server));
    // An issue to add items to.
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await popup.getByRole('button', { name: 'Créer le numéro' }).click();
    await popup.getByTestId('issue-totals').waitFor();
    await popup.close();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('writes an item linked to its clipped source in at most 3 clicks and 4 keys', async () => {
    const popup = await openPopup();
    let clicks = 0;
    let keys = 0;
    const click = async (target: Locator) => {
      clicks++;
      await target.click();
    };
    const key = async (name: string) => {
      keys++;
      await popup.keyboard.press(name);
    };

    // 1 click: open the draft; the caret is already in its text.
    await click(popup.getByRole('button', { name: titles.guardian, exact: true }));
    const area = popup.getByTestId('item-text');
    await area.waitFor();
    await until(
      () => area.evaluate((el) => document.activeElement === el),
      Boolean,
      'the text to have the focus',
    );
    // 1 key: select the template, then the prose (not counted) replaces it.
    await key('Control+A');
    await popup.keyboard.type(
      'Les Maoris s’inquiètent des échouages de baleines, dit le Guardian.',
    );
    // 1 click: a double click selects the words to link.
    clicks++;
    const box = await wordBox(popup, area, 'Guardian');
    await popup.mouse.dblclick(box.x, box.y);
    // 2 keys: Ctrl+K offers the draft's source first, Enter picks it.
    await key('Control+K');
    const options = popup.getByTestId('link-options').getByRole('option');
    await options.first().waitFor();
    expect(squash(await options.first().textContent())).toContain('Source');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await popup.screenshot({ path: screenshotPath('link-picker.png') });
    await key('Enter');
    // 1 click: into the issue.
    await click(popup.getByRole('button', { name: 'Ajouter au numéro' }));
    await popup.getByRole('button', { name: 'Retirer du numéro' }).waitFor();

    const link = area.getByRole('link', { name: 'Guardian' });
    const sourceUrl = await popup
      .getByRole('textbox', { name: 'Adresse de la source' })
      .first()
      .inputValue();
    expect(await link.getAttribute('href')).toBe(sourceUrl);
    expect(squash(await area.textContent())).toBe(
      'Les Maoris s’inquiètent des échouages de baleines, dit le Guardian.',
    );
    expect(clicks).toBeLessThanOrEqual(3);
    expect(keys).toBeLessThanOrEqual(4);
    await popup.close();
  });

  it('keeps the caret placed in the text as soon as the draft opens where it was put', async () => {
    const popup = await openPopup();
    const before = '<p>Début.</p><p>Fin.</p>';
    const draft = await giveLemonde(popup, { body: before });
    // The caret put at the start of the text the moment it is shown, as the quickest click
    // would: the editor opening used to put it at the end a little later.
    await popup.evaluate(() => {
      const observer = new MutationObserver(() => {
        const el = document.querySelector<HTMLElement>('[data-testid="item-text"]');
        const text = el?.querySelector('p')?.firstChild;
        if (!el || !text) return;
        observer.disconnect();
        el.focus();
        const range = document.createRange();
        range.setStart(text, 0);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    await popup.getByRole('button', { name: titles.lemonde, exact: true }).click();
    const area = popup.getByTestId('item-text');
    await area.waitFor();
    await new Promise((resolve) => setTimeout(resolve, 500));

    await popup.keyboard.type('Tout ');
    const after = '<p>Tout Début.</p><p>Fin.</p>';
    await savedBody(popup, draft.id, (body) => body === after);
    expect(await storedBody(popup, area)).toBe(after);
    await popup.close();
  });

  it('makes a paragraph with Enter, kept as <p> in the stored text', async () => {
    const popup = await openPopup();
    const area = await openLemonde(popup);
    await popup.keyboard.press('Control+A');
    await popup.keyboard.type('Premier paragraphe.');
    await popup.keyboard.press('Enter');
    await popup.keyboard.type('Deuxième paragraphe.');
    await popup.keyboard.press('Enter');
    await popup.keyboard.type('Troisième.');

    const body = await storedBody(popup, area);
    expect(body).toBe('<p>Premier paragraphe.</p><p>Deuxième paragraphe.</p><p>Troisième.</p>');
    await popup.close();
  });

  it('links selected words to an address pasted over them', async () => {
    const popup = await openPopup();
    const area = await openLemonde(popup);
    await select(area, 'Deuxième');
    await area.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'https://www.lemonde.fr/pixels/article.html');
      el.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });

    const body = await storedBody(popup, area);
    expect(body).toContain('<a href="https://www.lemonde.fr/pixels/article.html">Deuxième</a>');
    expect(squash(await area.textContent())).toContain('Deuxième paragraphe.');
    await popup.close();
  });

  it('links selected words to a source dropped on them', async () => {
    const popup = await openPopup();
    const area = await openLemonde(popup);
    const url = await popup
      .getByRole('textbox', { name: 'Adresse de la source' })
      .first()
      .inputValue();
    await area.click();
    await select(area, 'Troisième');
    await area.evaluate((el, href) => {
      const data = new DataTransfer();
      data.setData('application/x-indiscrets-source', href);
      for (const type of ['dragenter', 'dragover', 'drop']) {
        el.dispatchEvent(
          new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      }
    }, url);

    const body = await storedBody(popup, area);
    expect(body).toContain(`<a href="${url}">Troisième</a>`);
    await popup.close();
  });

  it('inserts a quote at the caret, inline in « », with no span or &nbsp; stored', async () => {
    const popup = await openPopup();
    const area = await openLemonde(popup);
    await select(area, 'Premier paragraphe.');
    await popup.keyboard.type('Le ministre a dit ');
    await popup.getByRole('button', { name: 'Insérer', exact: true }).first().click();
    await popup.keyboard.type(' avant le vote.');

    const body = await storedBody(popup, area);
    const first = /<p>(.*?)<\/p>/.exec(body)![1]!;
    expect(first).toMatch(/^Le ministre a dit « [^«»]+ » avant le vote\.$/);
    expect(body).not.toContain('&nbsp;');
    expect(body).not.toContain('<span');
    // The other paragraphs are untouched: the quote went where the caret was, not at the end.
    expect(body).toMatch(/<p>Troisième|Troisième<\/a>\.<\/p>$/);
    await popup.close();
  });

  it('inserts a quote as a paragraph of its own on request', async () => {
    const popup = await openPopup();
    const area = await openLemonde(popup);
    await select(area, 'avant le vote');
    await popup.getByRole('button', { name: 'En paragraphe' }).first().click();

    const body = await storedBody(popup, area);
    const paragraphs = [...body.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]!);
    // Shown once the editor is left, the empty paragraph the caret was left in after the quote
    // (not stored): still there to be typed in.
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[1]).toMatch(/^« [^«»]+ »$/);
    expect(paragraphs[2]).toBe('<br>');
    expect(body).not.toContain('&nbsp;');
    await popup.close();
  });

  it('pastes from Google Docs with its bold and italic, not all in bold, and nothing refused', async () => {
    const popup = await openPopup();
    // Chromium logs each style attribute the page's security policy refuses.
    const refusals: string[] = [];
    popup.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
    });
    const area = await openLemonde(popup);
    await pasteOverAll(
      area,
      GOOGLE_DOCS_HTML,
      'Le ministre prépare une réforme discrète.\n\nLire un lien et la fin',
    );

    const body = await storedBody(popup, area);
    expect(body).toBe(GOOGLE_DOCS_STORED);
    expect(refusals).toEqual([]);
    await popup.close();
  });

  it('pastes from Word with only the languages that change: the English quote, in one span', async () => {
    const popup = await openPopup();
    const area = await openLemonde(popup);
    // Said French for screen readers: the exports' language, the default house style's.
    await expect(area.getAttribute('lang')).resolves.toBe('fr');
    await pasteOverAll(area, WORD_LANG_HTML, 'Selon Axios…');

    await expect(storedBody(popup, area)).resolves.toBe(WORD_LANG_STORED);
    await expect(storedBodies(popup).then((bodies) => [...bodies.values()])).resolves.toContain(
      WORD_LANG_STORED,
    );
    await popup.close();
  });

  it('pastes a Wikipedia paragraph without its note calls, as a clip leaves them out', async () => {
    const popup = await openPopup();
    const area = await openLemonde(popup);
    // As Chromium copies it: the calls' addresses made absolute.
    const copied =
      '<meta charset="utf-8"><p>Mozilla est une fondation<sup id="cite_ref-1" class="reference">' +
      '<a href="https://fr.wikipedia.org/wiki/Mozilla#cite_note-1">[1]</a></sup> de ' +
      '<a href="https://fr.wikipedia.org/wiki/Californie">Californie</a>.</p>';
    await pasteOverAll(area, copied, 'Mozilla est une fondation[1] de Californie.');

    await expect(storedBody(popup, area)).resolves.toBe(
      '<p>Mozilla est une fondation de <a href="https://fr.wikipedia.org/wiki/Californie">Californie</a>.</p>',
    );
    await popup.close();
  });

  it('pastes code from a page as written, marked in no language, and types no French typography in it', async () => {
    const popup = await openPopup();
    const { draft, area } = await openLemondeGiven(popup, { body: '<p>Début.</p>' });
    // As Chromium copies a documentation page's sentence: a command and an address's path.
    const copied =
      '<meta charset="utf-8"><p>Lancez <code>npm run a:b -- "x"</code>, puis l\'<code>l\'id</code>.</p>';
    await pasteOverAll(area, copied, 'Lancez npm run a:b -- "x", puis l\'l\'id.');
    const code = (words: string) =>
      `<p>Lancez <span lang="zxx">${words}</span>, puis l'<span lang="zxx">l'id</span>.</p>`;
    await savedBody(popup, draft.id, (body) => body === code('npm run a:b -- "x"'));

    // Typed inside the command: left as typed, where French prose gets a narrow no-break space.
    await select(area, 'a:b');
    await popup.keyboard.press('ArrowRight');
    await popup.keyboard.type(' ?');
    await savedBody(popup, draft.id, (body) => body === code('npm run a:b ? -- "x"'));
    await expect(storedBody(popup, area)).resolves.toBe(code('npm run a:b ? -- "x"'));
    await popup.close();
  });

  it('pastes a block of code with its lines, its empty line and its indent, kept as it is typed in', async () => {
    const popup = await openPopup();
    const { draft, area } = await openLemondeGiven(popup, { body: '<p>Début.</p>' });
    // As Chromium copies a documentation page's block: a command over lines, one indented.
    const copied =
      '<meta charset="utf-8"><p>Installez :</p><pre style="white-space: pre">npm install \\\n    --save-dev  x\n\n# fin</pre>';
    await pasteOverAll(area, copied, 'Installez :\nnpm install \\\n    --save-dev  x\n\n# fin');
    const nb = (count: number) => '&nbsp;'.repeat(count);
    const code = (dev: string) =>
      `<p>Installez :</p><p><span lang="zxx">npm install \\<br>${nb(4)}${dev} ${nb(1)}x<br><br># fin</span></p>`;
    // Before, « npm install \ --save-dev x # fin », on one line.
    await savedBody(popup, draft.id, (body) => body === code('--save-dev'));

    // Typed in the indented line: its indent and its run of spaces stay.
    await select(area, '--save-dev');
    await popup.keyboard.press('ArrowRight');
    await popup.keyboard.type('=1');
    await savedBody(popup, draft.id, (body) => body === code('--save-dev=1'));
    await expect(storedBody(popup, area)).resolves.toBe(code('--save-dev=1'));
    await popup.close();
  });

  it('pastes a GitHub diff with the signs of its removed and added lines, a review’s comment where it was', async () => {
    const popup = await openPopup();
    const { draft, area } = await openLemondeGiven(popup, { body: '<p>Début.</p>' });
    // GitHub's unified diff as its markup holds it: the sign of each line drawn from
    // data-code-marker by the page's style, a review's comment between two lines.
    const row = (kind: string, marker: string, code: string) =>
      `<tr><td class="blob-num blob-num-${kind}" data-line-number="1"></td><td class="blob-num blob-num-${kind}" data-line-number="1"></td>` +
      `<td class="blob-code blob-code-${kind} js-file-line"><span class="blob-code-inner blob-code-marker" data-code-marker="${marker}">${code}</span></td></tr>`;
    const copied =
      '<meta charset="utf-8"><table class="diff-table js-diff-table tab-size"><tbody>' +
      row('deletion', '-', 'a = 1') +
      row('addition', '+', 'a = 2') +
      '<tr class="inline-comments"><td colspan="3"><p>Pourquoi 2 ?</p></td></tr>' +
      row('context', ' ', 'b = 3') +
      '</tbody></table>';
    await pasteOverAll(area, copied, 'a = 1\na = 2\nPourquoi 2 ?\nb = 3');
    // Before, « a = 1 / a = 2 / b = 3 », the comment after them all, nothing telling the line
    // removed from the line added.
    await savedBody(
      popup,
      draft.id,
      (body) =>
        body ===
        '<p><span lang="zxx">-a = 1<br>+a = 2</span></p><p>Pourquoi 2 ?</p>' +
          '<p><span lang="zxx">&nbsp;b = 3</span></p>',
    );
    await popup.close();
  });

  it('pastes GitHub’s code table (a gist, a file’s permalink) as the code a block pastes, its line numbers dropped', async () => {
    const popup = await openPopup();
    const { draft, area } = await openLemondeGiven(popup, { body: '<p>Début.</p>' });
    // What Chromium put on the clipboard for a sentence and four lines of a gist's table, copied
    // with Ctrl+C from a page with GitHub's markup (its long inline styles shortened): the line
    // numbers, drawn from an attribute and unselectable, are not there; a row per line, the
    // empty line a line break alone.
    const cell = (n: number, code: string) =>
      `<tr><td id="LC${n}" class="blob-code blob-code-inner js-file-line" style="white-space: pre; font-family: monospace;">${code}</td></tr>`;
    const copied =
      '<meta charset="utf-8"><p id="intro" style="color: rgb(0, 0, 0); white-space: normal;">Le correctif :</p>' +
      '<div class="blob-wrapper data type-python" style="color: rgb(0, 0, 0); white-space: normal;">' +
      '<table class="highlight tab-size js-file-line-container" data-tab-size="8"><tbody>' +
      cell(
        1,
        '<span class="pl-k" style="color: rgb(207, 34, 46);">def</span> <span class="pl-en">f</span>(<span class="pl-s1">x</span>):',
      ) +
      cell(2, '    <span class="pl-k" style="color: rgb(207, 34, 46);">return</span>  x * 2') +
      cell(3, '\n') +
      cell(4, '<span class="pl-c"># fin : l\'id</span>') +
      '</tbody></table></div>';
    await pasteOverAll(
      area,
      copied,
      "Le correctif :\n\ndef f(x):\n    return  x * 2\n\n# fin : l'id",
    );
    const nb = (count: number) => '&nbsp;'.repeat(count);
    const code = (twice: string) =>
      `<p>Le correctif :</p><p><span lang="zxx">def f(x):<br>${nb(4)}return ${nb(1)}${twice}<br><br># fin : l'id</span></p>`;
    // Before, « def f(x): return x * 2 # fin : l'id », one paragraph of prose.
    await savedBody(popup, draft.id, (body) => body === code('x * 2'));

    // Typed in the indented line: its indent and its run of spaces stay.
    await select(area, 'x * 2');
    await popup.keyboard.press('ArrowRight');
    await popup.keyboard.type('.0');
    await savedBody(popup, draft.id, (body) => body === code('x * 2.0'));
    await expect(storedBody(popup, area)).resolves.toBe(code('x * 2.0'));
    await popup.close();
  });

  it('takes a quote inserted as a paragraph away with Ctrl+Z, the typing before kept, and brings it back', async () => {
    const popup = await openPopup();
    const area = await openLemonde(popup);
    await until(
      () => area.evaluate((el) => document.activeElement === el),
      Boolean,
      'the text to have the focus',
    );
    const typed = 'Premier paragraphe écrit.';
    await popup.keyboard.press('Control+A');
    await popup.keyboard.type(typed);
    const bodies = await until(
      () => storedBodies(popup),
      (stored) => [...stored.values()].includes(`<p>${typed}</p>`),
      'the typed text to be stored',
    );
    const id = [...bodies].find(([, body]) => body === `<p>${typed}</p>`)![0];
    await popup.getByRole('button', { name: 'En paragraphe' }).first().click();

    const quoted = /^<p>Premier paragraphe écrit\.<\/p><p>« [^«»<]+ »<\/p>$/;
    const inserted = await savedBody(popup, id, (body) => quoted.test(body));
    // The caret is in an empty paragraph after the quote (shown, not stored), not in the quote.
    const caretAfter = () =>
      area.evaluate((el) => {
        const caret = window.getSelection()!.getRangeAt(0);
        const quote = el.children[1]!;
        return {
          collapsed: caret.collapsed,
          inQuote: quote.contains(caret.endContainer),
          afterQuote: quote.nextElementSibling?.contains(caret.endContainer) ?? false,
          shown: el.innerHTML.slice(el.innerHTML.lastIndexOf('<p>')),
        };
      });
    expect(await caretAfter()).toEqual({
      collapsed: true,
      inQuote: false,
      afterQuote: true,
      shown: '<p><br></p>',
    });

    // One Ctrl+Z takes the quote away, not the typing before it.
    await popup.keyboard.press('Control+Z');
    await savedBody(popup, id, (body) => body === `<p>${typed}</p>`);
    expect(await area.innerHTML()).toBe(`<p>${typed}</p>`);
    // Ctrl+Shift+Z brings it back; so does Ctrl+Y.
    await popup.keyboard.press('Control+Shift+Z');
    await savedBody(popup, id, (body) => body === inserted);
    await popup.keyboard.press('Control+Z');
    await savedBody(popup, id, (body) => body === `<p>${typed}</p>`);
    await popup.keyboard.press('Control+Y');
    await savedBody(popup, id, (body) => body === inserted);
    // Brought back, the caret where the insertion left it: the next key types a paragraph.
    await popup.keyboard.type('Suite.');
    const followed = `${inserted}<p>Suite.</p>`;
    await savedBody(popup, id, (body) => body === followed);

    expect(await storedBody(popup, area)).toBe(followed);
    await popup.close();
  });

  it('puts a quote inserted as a paragraph in a text emptied with Ctrl+A and Suppr alone, the caret after it', async () => {
    const popup = await openPopup();
    const before = '<p>Avant.</p><p>Après.</p>';
    const { draft, area } = await openLemondeGiven(popup, { body: before });
    await select(area, 'Avant.');
    await popup.keyboard.press('Control+A');
    await popup.keyboard.press('Delete');
    // Chromium's emptied text, an empty paragraph, is no text: nothing stored.
    await savedBody(popup, draft.id, (body) => body === '');
    await popup.getByRole('button', { name: 'En paragraphe' }).first().click();
    const alone = /^<p>« [^«»<]+ »<\/p>$/;
    const inserted = await savedBody(popup, draft.id, (body) => alone.test(body));
    // The empty paragraph the caret was in is the quote's: none left before it.
    expect(await area.innerHTML()).toBe(`${inserted}<p><br></p>`);
    await popup.keyboard.type('Suite.');
    await savedBody(popup, draft.id, (body) => body === `${inserted}<p>Suite.</p>`);

    // In the middle of the text: the caret in the quote, a second after it, then the next key
    // types a paragraph of its own between it and « Suite. », not at the start of « Suite. ».
    await area.evaluate((el) => {
      const caret = document.createRange();
      caret.setStart(el.firstElementChild!.firstChild!, 1);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(caret);
    });
    await popup.getByRole('button', { name: 'En paragraphe' }).first().click();
    await popup.keyboard.type('Entre.');
    await savedBody(
      popup,
      draft.id,
      (body) => body === `${inserted}${inserted}<p>Entre.</p><p>Suite.</p>`,
    );
    await popup.close();
  });

  it('joins a quote to the paragraph before on Backspace at its start, and the next on Suppr, with no <span> and nothing refused', async () => {
    const popup = await openPopup();
    // Chromium logs each style attribute the page's security policy refuses.
    const refusals: string[] = [];
    popup.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
    });
    const before = '<p>Avant <strong>fort</strong></p><p>« Oui. »</p><p>Suite <em>fin</em>.</p>';
    const { draft, area } = await openLemondeGiven(popup, { body: before });
    const saved = savedAs(popup, draft.id);
    await area.click();
    await area.evaluate((el) => {
      const caret = document.createRange();
      caret.setStart(el.children[1]!.firstChild!, 0);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(caret);
    });
    await popup.keyboard.press('Backspace');
    const joined = '<p>Avant <strong>fort</strong>« Oui. »</p><p>Suite <em>fin</em>.</p>';
    await saved(joined);
    // Shown as stored: Chromium's own join put « Oui. » in a bare <span>.
    expect(await area.innerHTML()).toBe(joined);
    await popup.keyboard.press('End');
    await popup.keyboard.press('Delete');
    const all = '<p>Avant <strong>fort</strong>« Oui. »Suite <em>fin</em>.</p>';
    await saved(all);
    expect(await area.innerHTML()).toBe(all);
    await undoneThenRedone(popup, area, saved, joined, all);
    // Ctrl+Retour arrière at the start of a paragraph joins it the same way.
    await popup.keyboard.press('Control+Z');
    await saved(joined);
    await area.evaluate((el) => {
      const caret = document.createRange();
      caret.setStart(el.children[1]!.firstChild!, 0);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(caret);
    });
    await popup.keyboard.press('Control+Backspace');
    await saved(all);
    expect(await area.innerHTML()).toBe(all);
    expect(refusals).toEqual([]);
    await popup.close();
  });

  it('inserts a quote of several paragraphs after one ending in bold, in plain text, in one undo step', async () => {
    // The Le Monde draft, given a text whose middle paragraph ends in bold and a quote of two
    // paragraphs (written straight into the database).
    const popup = await openPopup();
    const before = '<p>Avant.</p><p>Un mot <strong>fort</strong></p><p>Fin.</p>';
    const { draft, area } = await openLemondeGiven(popup, {
      body: before,
      quotes: [{ text: 'Un.\n\nDeux, « oui ».', html: '', clippedAt: '2026-03-15T08:00:00Z' }],
    });
    await select(area, 'mot');
    await popup.getByRole('button', { name: 'En paragraphe' }).first().click();

    const after =
      '<p>Avant.</p><p>Un mot <strong>fort</strong></p><p>« Un.</p><p>« Deux, “oui”. »</p><p>Fin.</p>';
    await savedBody(popup, draft.id, (body) => body === after);
    await popup.keyboard.press('Control+Z');
    await savedBody(popup, draft.id, (body) => body === before);
    await popup.keyboard.press('Control+Shift+Z');
    await savedBody(popup, draft.id, (body) => body === after);
    // Shown once the editor is left, the empty paragraph the caret is back in (not stored).
    expect(await storedBody(popup, area)).toBe(after.replace('<p>Fin.', '<p><br></p><p>Fin.'));
    await popup.close();
  });
  it('takes a sentence typed in one go back a word at a time with Ctrl+Z, and Ctrl+Y brings it back', async () => {
    const popup = await openPopup();
    const before = '<p>Début.</p>';
    const { draft, area } = await openLemondeGiven(popup, { body: before });
    const saved = (html: string) => savedBody(popup, draft.id, (body) => body === html);
    await area.click();
    await select(area, 'Début.');
    await popup.keyboard.press('End');

    // Each keystroke changes the page elsewhere (the save state, the count), which ended
    // Chromium's own undo step at each character.
    await popup.keyboard.type(" Une phrase tapée d'un trait.");
    await saved('<p>Début. Une phrase tapée d’un trait.</p>');
    await popup.keyboard.press('Control+Z');
    await saved('<p>Début. Une phrase tapée d’un </p>');
    await popup.keyboard.press('Control+Z');
    await saved('<p>Début. Une phrase tapée d’</p>');
    // The apostrophe made ’ as it was typed is a step of its own (see the test below).
    await popup.keyboard.press('Control+Z');
    await saved("<p>Début. Une phrase tapée d'</p>");
    await popup.keyboard.press('Control+Z');
    await saved('<p>Début. Une phrase tapée </p>');
    for (let step = 0; step < 4; step++) await popup.keyboard.press('Control+Y');
    await saved('<p>Début. Une phrase tapée d’un trait.</p>');
    // Taken back again, the typing goes on where the word taken back was.
    await popup.keyboard.press('Control+Z');
    await popup.keyboard.type('coup.');
    const after = '<p>Début. Une phrase tapée d’un coup.</p>';
    await saved(after);
    expect(await storedBody(popup, area)).toBe(after);
    await popup.close();
  });

  it('typesets French as it is typed — no-break spaces before ? ! ; : and inside « », ’ — and Ctrl+Z right after gives back what was typed', async () => {
    const popup = await openPopup();
    const { draft, area } = await openLemondeGiven(popup, { body: '<p>Début.</p>' });
    const saved = (html: string) => savedBody(popup, draft.id, (body) => body === html);
    await area.click();
    await select(area, 'Début.');
    await popup.keyboard.press('End');

    await popup.keyboard.type(" Le ministre part ? Il a dit : « oui » ; c'est l'heure !");
    const typeset =
      '<p>Début. Le ministre part\u202f? Il a dit&nbsp;: «&nbsp;oui&nbsp;»\u202f; c’est l’heure\u202f!</p>';
    await saved(typeset);
    // Shown so in the editor: the « ? » cannot start a line alone.
    expect(await area.innerHTML()).toBe(typeset);

    // Right after the change, Ctrl+Z gives back the space typed (one step), Ctrl+Y the change.
    await popup.keyboard.type(' Vraiment ?');
    const changed = typeset.replace('</p>', ' Vraiment\u202f?</p>');
    await saved(changed);
    await popup.keyboard.press('Control+Z');
    const asTyped = await savedBody(popup, draft.id, (body) =>
      /Vraiment(?: |&nbsp;)\?<\/p>$/.test(body),
    );
    expect(asTyped.replace(/Vraiment.*$/, '')).toBe(typeset.replace('</p>', ' '));
    await popup.keyboard.press('Control+Y');
    await saved(changed);
    // Taken back, it stays as typed while the typing goes on; the next word's sign is typeset.
    await popup.keyboard.press('Control+Z');
    await popup.keyboard.type(" Oui l'heure");
    await savedBody(popup, draft.id, (body) =>
      /Vraiment(?: |&nbsp;)\? Oui l’heure<\/p>$/.test(body),
    );
    // Kept once the editor is left (stored so, drawn again from the store).
    expect(await storedBody(popup, area)).toMatch(/Vraiment(?: |&nbsp;)\? Oui l’heure<\/p>$/);
    expect(await area.innerHTML()).toContain(typeset.replace('</p>', ''));
    await popup.close();
  });

  it('gives an e-mail address’s apostrophe back straight once its @ is typed, as the exports keep it', async () => {
    const popup = await openPopup();
    const { draft, area } = await openLemondeGiven(popup, { body: '<p>Début.</p>' });
    await area.click();
    await select(area, 'Début.');
    await popup.keyboard.press('End');

    // « o' » is made « o’ » as it is typed; the « @ » says it was an address's name.
    await popup.keyboard.type(" Écrire à jean.o'brien@exemple.fr ?");
    const written = "<p>Début. Écrire à jean.o'brien@exemple.fr\u202f?</p>";
    await savedBody(popup, draft.id, (body) => body === written);
    expect(await area.innerHTML()).toBe(written);
    await popup.close();
  });

  it('typesets an issue’s chapô as it is typed too, Ctrl+Z right after giving back what was typed', async () => {
    const popup = await openPopup();
    await popup.getByRole('tab', { name: 'Numéro' }).click();
    await popup.getByText('Titre, date, chapô et longueur visée').click();
    const intro = popup.getByRole('textbox', { name: 'Chapô (facultatif)' });
    await intro.click();
    const stored = async () =>
      (
        await readDatabase<{
          clips: Array<{ id: string }>;
          issues: Array<{ id: string; intro?: string }>;
        }>(popup)
      ).issues[0]?.intro ?? '';
    await popup.keyboard.type("Cette semaine : l'été ?");
    const typeset = 'Cette semaine\u00a0: l’été\u202f?';
    await until(stored, (text) => text === typeset, 'the chapô typeset as typed');
    expect(await intro.inputValue()).toBe(typeset);
    await popup.keyboard.press('Control+Z');
    await until(
      () => intro.inputValue(),
      (text) => text === 'Cette semaine\u00a0: l’été ?',
      'the space typed before « ? » given back by Ctrl+Z',
    );
    await until(stored, (text) => text === 'Cette semaine\u00a0: l’été ?', 'the chapô stored so');
    await popup.close();
  });

  it('leaves a URL typed and a paste as they are, and an English text as typed', async () => {
    const popup = await openPopup();
    const { draft, area } = await openLemondeGiven(popup, { body: '<p>Début.</p>' });
    await area.click();
    await select(area, 'Début.');
    await popup.keyboard.press('End');
    await popup.keyboard.type(" Voir https://example.fr/l'index.php?id=1 et");
    // Plain text pasted over « et », as Ctrl+Maj+V pastes it.
    await pasteAt(area, 'et', '', 'et part ? Il dit : « oui » !');
    const body = await savedBody(popup, draft.id, (html) => html.includes('!'));
    expect(body).toBe(
      "<p>Début. Voir https://example.fr/l'index.php?id=1 et part ? Il dit : « oui » !</p>",
    );

    // Exports in English (the house style's language): the text is English, typed as it is.
    await exportsIn(popup, 'en');
    try {
      const english = await openLemondeGiven(popup, { body: '<p>Start.</p>' });
      await until(
        () => english.area.getAttribute('lang'),
        (lang) => lang === 'en',
        'the text said English',
      );
      await english.area.click();
      await select(english.area, 'Start.');
      await popup.keyboard.press('End');
      await popup.keyboard.type(" The minister's off ! Why : « no » ?");
      await savedBody(popup, english.draft.id, (html) => html.endsWith('?</p>'));
      expect(await storedBody(popup, english.area)).toMatch(
        /^<p>Start\. The minister's off ! Why : « no »(?: |&nbsp;)\?<\/p>$/,
      );
    } finally {
      await exportsIn(popup, 'fr');
    }
    await popup.close();
  });

  it('keeps a list of the template a list while typing, Enter, Backspace, undo, paste and reload', async () => {
    // The Le Monde draft, given a text made by a template with {quote} in a list (written
    // straight into the database, as a new draft's template would).
    const popup = await openPopup();
    // Chromium logs each inline style the page's security policy refuses (its outdent set some).
    const refusals: string[] = [];
    popup.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
    });
    const before = '<ul><li>Un <strong>fort</strong></li><li>Deux</li></ul>';
    const { draft, area } = await openLemondeGiven(popup, {
      body: before,
      quotes: [{ text: 'Oui.', html: '', clippedAt: '2026-03-15T08:00:00Z' }],
    });
    const saved = (html: string) => savedBody(popup, draft.id, (body) => body === html);

    // Typed in an entry: still an entry (the editor made it a paragraph at the first key).
    await area.click();
    await select(area, 'Deux');
    await popup.keyboard.press('End');
    await popup.keyboard.type(' et demi');
    await saved('<ul><li>Un <strong>fort</strong></li><li>Deux et demi</li></ul>');
    // Enter makes an entry; Enter in the empty last one leaves the list for a paragraph.
    await popup.keyboard.press('Enter');
    await popup.keyboard.type('Trois');
    const list = '<li>Un <strong>fort</strong></li><li>Deux et demi</li><li>Trois</li>';
    await saved(`<ul>${list}</ul>`);
    await popup.keyboard.press('Enter');
    await popup.keyboard.press('Enter');
    await popup.keyboard.type('Après.');
    await saved(`<ul>${list}</ul><p>Après.</p>`);

    // Backspace at the start of the first entry makes it a paragraph, in one undo step.
    await select(area, 'Un');
    await popup.keyboard.press('Home');
    await popup.keyboard.press('Backspace');
    const unlisted =
      '<p>Un <strong>fort</strong></p><ul><li>Deux et demi</li><li>Trois</li></ul><p>Après.</p>';
    await saved(unlisted);
    // Shown as stored: a paragraph (outdent showed bare text and a <br> before the list).
    expect(await area.innerHTML()).toBe(unlisted);
    // The caret stays at the start of that paragraph.
    await popup.keyboard.type('À');
    await saved(unlisted.replace('<p>Un', '<p>ÀUn'));
    await popup.keyboard.press('Control+Z');
    await saved(unlisted);
    await popup.keyboard.press('Control+Z');
    await saved(`<ul>${list}</ul><p>Après.</p>`);
    await popup.keyboard.press('Control+Y');
    await saved(unlisted);
    await popup.keyboard.press('Control+Z');
    await saved(`<ul>${list}</ul><p>Après.</p>`);
    expect(await area.innerHTML()).toBe(`<ul>${list}</ul><p>Après.</p>`);

    // A list pasted at the end of an entry gives entries of this list, each its text, the
    // first's words joining that entry's as in a word processor.
    await select(area, 'Trois');
    await popup.keyboard.press('End');
    await area.evaluate((el) => {
      const data = new DataTransfer();
      data.setData(
        'text/html',
        '<ul style="margin:0"><li dir="ltr"><p><span style="font-weight:700">Quatre</span></p></li>' +
          '<li><p>Cinq</p></li></ul>',
      );
      data.setData('text/plain', 'Quatre\nCinq');
      el.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    });
    const pasted = '<li>Trois<strong>Quatre</strong></li><li>Cinq</li></ul><p>Après.</p>';
    await saved(`<ul><li>Un <strong>fort</strong></li><li>Deux et demi</li>${pasted}`);

    // A quote asked for as a paragraph, the caret in an entry: an entry after that one.
    await select(area, 'Deux');
    await popup.getByRole('button', { name: 'En paragraphe' }).first().click();
    const after = `<ul><li>Un <strong>fort</strong></li><li>Deux et demi</li><li>« Oui. »</li>${pasted}`;
    await saved(after);
    // Shown once the editor is left, the empty entry the caret was left in (not stored).
    expect(await storedBody(popup, area)).toBe(
      after.replace('<li>Trois', '<li><br></li><li>Trois'),
    );
    // Counted as the words of the entries, as the exports give them (« and » are no words).
    const count = popup.locator('[id^="body-label-"] .muted');
    expect(squash(await count.textContent())).toBe('9 mots, 53 signes');

    // Shown again as a list.
    await popup.reload();
    const again = await openLemonde(popup);
    await until(
      () => again.innerHTML(),
      (html) => html === after,
      'the list shown again',
    );
    expect(refusals).toEqual([]);
    await popup.close();
  });

  it('replaces a list that is the whole text with the paragraphs pasted over it after Ctrl+A', async () => {
    const popup = await openPopup();
    const before = '<ol><li>Un</li><li>Deux</li></ol>';
    const { draft, area } = await openLemondeGiven(popup, { body: before });
    const saved = (html: string) => savedBody(popup, draft.id, (body) => body === html);
    const paste = (data: Record<string, string>) =>
      area.evaluate((el, entries) => {
        const transfer = new DataTransfer();
        for (const [type, text] of Object.entries(entries)) transfer.setData(type, text);
        el.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
        );
      }, data);

    // Plain text: its paragraphs are the text (the browser put them in the first entry).
    await area.click();
    await popup.keyboard.press('Control+A');
    await paste({ 'text/plain': 'A\n\nB' });
    await saved('<p>A</p><p>B</p>');
    expect(await area.innerHTML()).toBe('<p>A</p><p>B</p>');
    // One Ctrl+Z gives the list back, Ctrl+Y the paste.
    await undoneThenRedone(popup, area, saved, before, '<p>A</p><p>B</p>');
    await popup.keyboard.press('Control+Z');
    await saved(before);

    // HTML, the same; typing carries on at the end of the last paragraph.
    await popup.keyboard.press('Control+A');
    await paste({ 'text/html': '<p>A <b>fort</b></p><p>B</p>', 'text/plain': 'A fort\n\nB' });
    await popup.keyboard.type(' fin');
    const pasted = '<p>A <strong>fort</strong></p><p>B fin</p>';
    await saved(pasted);
    expect(await storedBody(popup, area)).toBe(pasted);
    await popup.close();
  });

  it('marks a quote of an English page with its language, as a paragraph or inline, with no &nbsp;', async () => {
    // The Le Monde draft, given an English page's language and quote (written straight into the
    // database): the exports' French typography must leave the quote's words as written.
    const popup = await openPopup();
    const before = '<p>Avant le <strong>vote</strong>.</p>';
    const { draft, area } = await openLemondeGiven(popup, {
      lang: 'en',
      body: before,
      quotes: [{ text: 'Why it matters: the deal', html: '', clippedAt: '2026-03-15T08:00:00Z' }],
    });
    const saved = (html: string) => savedBody(popup, draft.id, (body) => body === html);
    const quote = '« <span lang="en">Why it matters: the deal</span> »';

    await select(area, 'vote');
    await popup.getByRole('button', { name: 'En paragraphe' }).first().click();
    const block = `${before}<p>${quote}</p>`;
    await saved(block);
    // One Ctrl+Z takes the quote away (its words are HTML, not typing); Ctrl+Y brings it back.
    await undoneThenRedone(popup, area, saved, before, block);

    await select(area, 'Avant');
    await popup.keyboard.type('Il a dit');
    await popup.getByRole('button', { name: 'Insérer', exact: true }).first().click();
    await popup.keyboard.type(' ensuite');
    const inline = `<p>Il a dit ${quote} ensuite le <strong>vote</strong>.</p><p>${quote}</p>`;
    await saved(inline);
    // Shown once the editor is left, the empty paragraph left after the quote (not stored).
    expect(await storedBody(popup, area)).toBe(`${inline}<p><br></p>`);
    await popup.close();
  });

  it('reads a paste’s languages against the words at the caret: in an English quote, English words join it, French ones are marked', async () => {
    const popup = await openPopup();
    const text = (quote: string, end: string) =>
      `<p>Selon Axios, « <span lang="en">${quote}</span> », écrit ${end}.</p>`;
    const { draft, area } = await openLemondeGiven(popup, {
      body: text('Why it matters: the deal', 'le site'),
    });
    const saved = savedAs(popup, draft.id);

    // English words from Word over words of the quote: they join it, no span of their own.
    await pasteAt(area, 'matters', wordWords('EN-US', 'really matters'), 'really matters');
    await saved(text('Why it really matters: the deal', 'le site'));
    // French words there are said to be French.
    await pasteAt(area, 'the', wordWords('FR', 'le'), 'le');
    await saved(text('Why it really matters: <span lang="fr">le</span> deal', 'le site'));
    // Outside the quote, among French words, English ones are said to be English.
    await pasteAt(area, 'le site', wordWords('EN-US', 'the newsletter'), 'the newsletter');
    const marked = text(
      'Why it really matters: <span lang="fr">le</span> deal',
      '<span lang="en-US">the newsletter</span>',
    );
    await saved(marked);
    expect(await storedBody(popup, area)).toBe(marked);
    await popup.close();
  });

  it('pastes over all the words of a quote among the text’s, the quote’s language gone with them', async () => {
    const popup = await openPopup();
    const { draft, area } = await openLemondeGiven(popup, {
      body: '<p>Selon Axios, « <span lang="en">Why it matters</span> ».</p>',
    });
    const saved = savedAs(popup, draft.id);

    await pasteAt(area, 'Why it matters', wordWords('FR', 'Pourquoi'), 'Pourquoi');
    await saved('<p>Selon Axios, « Pourquoi ».</p>');
    await pasteAt(area, 'Pourquoi', wordWords('EN-US', 'The deal'), 'The deal');
    const english = '<p>Selon Axios, « <span lang="en-US">The deal</span> ».</p>';
    await saved(english);
    expect(await storedBody(popup, area)).toBe(english);
    await popup.close();
  });

  it('marks a quote inserted inline in a quote against that quote’s language, not the text’s', async () => {
    const popup = await openPopup();
    const body = '<p>Selon Axios, « <span lang="en">He said it matters</span> ».</p>';
    const quotes = [{ text: 'la réforme', html: '', clippedAt: '2026-03-15T08:00:00Z' }];
    const { draft, area } = await openLemondeGiven(popup, { lang: 'fr-FR', body, quotes });
    const saved = savedAs(popup, draft.id);
    const insertAfterSaid = async () => {
      await select(area, 'said');
      await popup.keyboard.press('ArrowRight');
      await popup.getByRole('button', { name: 'Insérer', exact: true }).first().click();
    };

    // A French page's quote in the English quote: said to be French.
    await insertAfterSaid();
    const french =
      '<p>Selon Axios, « <span lang="en">He said « <span lang="fr-FR">la réforme</span> » ' +
      'it matters</span> ».</p>';
    await saved(french);

    // An English page's quote there: English as the words around it, no span of its own.
    await openLemondeGiven(popup, {
      lang: 'en',
      body,
      quotes: [{ ...quotes[0]!, text: 'the reform' }],
    });
    await insertAfterSaid();
    const english =
      '<p>Selon Axios, « <span lang="en">He said « the reform » it matters</span> ».</p>';
    await saved(english);
    expect(await storedBody(popup, area)).toBe(english);
    await popup.close();
  });

  it('pastes words from a page in their own style: plain inside bold, italic or a link, bold as bold, a link as a link', async () => {
    const popup = await openPopup();
    const body =
      '<p>Un <strong>vote très discret</strong>, un <em>projet bien caché</em>, ' +
      '<a href="https://www.lemonde.fr/a">le site du journal</a> et la fin.</p>';
    const { draft, area } = await openLemondeGiven(popup, { body });
    const saved = savedAs(popup, draft.id);
    await area.focus();

    // Plain words over a word in bold: plain among the bold ones; one Ctrl+Z takes them away.
    await pasteAt(area, 'très', pageWords('peu'), 'peu');
    const bold = body.replace(
      '<strong>vote très discret</strong>',
      '<strong>vote </strong>peu<strong> discret</strong>',
    );
    await saved(bold);
    await undoneThenRedone(popup, area, saved, body, bold);
    // In italic: upright.
    await pasteAt(area, 'bien', pageWords('mal'), 'mal');
    const italic = bold.replace('<em>projet bien caché</em>', '<em>projet </em>mal<em> caché</em>');
    await saved(italic);
    // In a link: out of it, the link on the words around them.
    await pasteAt(area, 'site', pageWords('blog'), 'blog');
    const a = '<a href="https://www.lemonde.fr/a">';
    const unlinked = italic.replace(
      `${a}le site du journal</a>`,
      `${a}le </a>blog${a} du journal</a>`,
    );
    await saved(unlinked);
    // A link pasted in a link: its own.
    await pasteAt(area, 'journal', pageWords('<a href="https://example.org/b">Axios</a>'), 'Axios');
    const linked = unlinked.replace(
      `${a} du journal</a>`,
      `${a} du </a><a href="https://example.org/b">Axios</a>`,
    );
    await saved(linked);
    // Bold words among plain ones: bold.
    await pasteAt(area, 'fin', pageWords('<strong>suite</strong>'), 'suite');
    const strong = linked.replace('la fin.', 'la <strong>suite</strong>.');
    await saved(strong);
    // Words whose page source breaks and indents their lines: spaced as the page showed them.
    const source = `<meta charset='utf-8'><p class="chapo">\n        Encore un\n        jour\n      </p>`;
    await pasteAt(area, 'Un', source, 'Encore un jour');
    const spaced = strong.replace('<p>Un ', '<p>Encore un jour ');
    await saved(spaced);
    expect(await storedBody(popup, area)).toBe(spaced);
    await popup.close();
  });

  it('pastes words in their own style inside a bold word of a quote, in the quote’s language', async () => {
    const popup = await openPopup();
    const quote = (words: string) =>
      `<p>Selon Axios, « <span lang="en"><strong>it ${words} matters</strong> now</span> ».</p>`;
    const { draft, area } = await openLemondeGiven(popup, { body: quote('really') });
    const saved = savedAs(popup, draft.id);

    // French words are said to be French, in the quote, out of its bold.
    await pasteAt(area, 'really', wordWords('FR', 'vraiment'), 'vraiment');
    const french = quote('</strong><span lang="fr">vraiment</span><strong>');
    await saved(french);
    // English ones over them join the quote, still out of the bold.
    await pasteAt(area, 'vraiment', wordWords('EN-US', 'truly'), 'truly');
    const english = quote('</strong>truly<strong>');
    await saved(english);
    expect(await storedBody(popup, area)).toBe(english);
    await popup.close();
  });

  it('pastes plain text (Ctrl+Maj+V) in the style at the caret, as typing does', async () => {
    const popup = await openPopup();
    const body = '<p>Un <strong>vote très discret</strong>, un <em>projet bien caché</em>.</p>';
    const { draft, area } = await openLemondeGiven(popup, { body });
    const saved = savedAs(popup, draft.id);
    await area.focus();

    // Only text/plain, as Chromium sends Ctrl+Maj+V: the words take the bold around them.
    await pasteAt(area, 'très', '', 'peu');
    const bold = body.replace('vote très discret', 'vote peu discret');
    await saved(bold);
    await popup.keyboard.press('Control+Z');
    await saved(body);
    await popup.keyboard.press('Control+Y');
    await saved(bold);
    await pasteAt(area, 'bien', '', 'mal');
    const italic = bold.replace('projet bien caché', 'projet mal caché');
    await saved(italic);
    // Two paragraphs: typed as with Enter between them, in the bold.
    await pasteAt(area, 'peu', '', 'très\n\nbien');
    const split = italic.replace(
      '<strong>vote peu discret</strong>',
      '<strong>vote très</strong></p><p><strong>bien discret</strong>',
    );
    await saved(split);
    // One Ctrl+Z takes both paragraphs away, Ctrl+Y puts them back.
    await undoneThenRedone(popup, area, saved, italic, split);
    expect(await storedBody(popup, area)).toBe(split);
    await popup.close();
  });

  it('pastes several paragraphs from a page inside bold, italic or a link: the caret’s paragraph cut around them, each word in its own style, one Ctrl+Z', async () => {
    const popup = await openPopup();
    const a = '<a href="https://www.lemonde.fr/a">';
    const body =
      `<p>Un <strong>vote très discret</strong>, un <em>projet bien caché</em>, ` +
      `${a}le site du journal</a> et la fin.</p>`;
    const { draft, area } = await openLemondeGiven(popup, { body });
    const saved = savedAs(popup, draft.id);
    await area.focus();

    // Over a bold word: the first paragraph's words end the bold's paragraph, plain; the one in
    // between is a paragraph of its own, its bold word bold; the last's words are followed by
    // the rest of the bold words and of the paragraph.
    await pasteAt(
      area,
      'très',
      pageParagraphs('peu', '<strong>Deux</strong> mots', 'trois'),
      'peu\n\nDeux mots\n\ntrois',
    );
    const bold =
      '<p>Un <strong>vote </strong>peu</p><p><strong>Deux</strong> mots</p>' +
      `<p>trois<strong> discret</strong>, un <em>projet bien caché</em>, ${a}le site du journal</a> et la fin.</p>`;
    await saved(bold);
    // One Ctrl+Z takes the whole paste away, Ctrl+Y puts it back.
    await undoneThenRedone(popup, area, saved, body, bold);
    // In italic, the caret after the last word pasted: typing goes on there, upright.
    await pasteAt(area, 'bien', pageParagraphs('mal', 'pas'), 'mal\n\npas');
    await popup.keyboard.type('!');
    const italic = bold.replace(
      '<em>projet bien caché</em>',
      '<em>projet </em>mal</p><p>pas!<em> caché</em>',
    );
    await saved(italic);
    // In a link: out of it, which goes on after them.
    await pasteAt(area, 'site', pageParagraphs('blog', 'sa page'), 'blog\n\nsa page');
    const unlinked = italic.replace(
      `${a}le site du journal</a>`,
      `${a}le </a>blog</p><p>sa page${a} du journal</a>`,
    );
    await saved(unlinked);
    // A list pasted among the words: between the two parts of the paragraph, still a list.
    await pasteAt(
      area,
      'fin',
      pageParagraphs('<ul><li>A</li><li><strong>B</strong></li></ul>'),
      'A\nB',
      true,
    );
    const listed = unlinked.replace(
      ' et la fin.</p>',
      ' et la fin</p><ul><li>A</li><li><strong>B</strong></li></ul><p>.</p>',
    );
    await saved(listed);
    expect(await storedBody(popup, area)).toBe(listed);
    await popup.close();
  });

  it('pastes several paragraphs inside a quote: the first’s and the last’s words in it, in its language, those in between among the text’s', async () => {
    const popup = await openPopup();
    const body =
      '<p>Selon Axios, « <span lang="en">Why it matters: the deal</span> », écrit le site.</p>';
    const { draft, area } = await openLemondeGiven(popup, { body });
    const saved = savedAs(popup, draft.id);

    await pasteAt(
      area,
      'matters',
      wordParagraphs(
        ['EN-US', 'really'],
        ['FR', 'dit-il'],
        ['EN-US', 'Truly'],
        ['EN-US', 'it does'],
      ),
      'really\n\ndit-il\n\nTruly\n\nit does',
    );
    const pasted =
      '<p>Selon Axios, « <span lang="en">Why it really</span></p><p>dit-il</p>' +
      '<p><span lang="en-US">Truly</span></p>' +
      '<p><span lang="en">it does: the deal</span> », écrit le site.</p>';
    await saved(pasted);
    expect(await storedBody(popup, area)).toBe(pasted);
    await popup.close();
  });

  it('pastes several paragraphs over words across two paragraphs, from a page or as plain text in bold, each one Ctrl+Z', async () => {
    const popup = await openPopup();
    const body = '<p>Un <strong>vote très</strong></p><p><strong>discret</strong> et la fin.</p>';
    const { draft, area } = await openLemondeGiven(popup, { body });
    const saved = savedAs(popup, draft.id);
    await area.focus();

    // From a page: in their own style, between the words left of the two paragraphs.
    await pasteAcross(area, ['très', 'discret'], pageParagraphs('peu', 'trop'), 'peu\n\ntrop');
    const page = '<p>Un <strong>vote </strong>peu</p><p>trop et la fin.</p>';
    await saved(page);
    await undoneThenRedone(popup, area, saved, body, page);
    await popup.keyboard.press('Control+Z');
    await saved(body);

    // Plain text (Ctrl+Maj+V): typed in the bold at the caret, each paragraph's words bold.
    await pasteAcross(area, ['très', 'discret'], '', 'peu\n\ntrop');
    const plain = '<p>Un <strong>vote peu</strong></p><p><strong>trop</strong> et la fin.</p>';
    await saved(plain);
    await undoneThenRedone(popup, area, saved, body, plain);
    expect(await storedBody(popup, area)).toBe(plain);
    await popup.close();
  });

  it('pastes paragraphs into a list’s entry as entries of it, the entry cut around them', async () => {
    const popup = await openPopup();
    const body = '<ul><li>Un <strong>deux trois</strong></li><li>Quatre</li></ul>';
    const { draft, area } = await openLemondeGiven(popup, { body });
    const saved = savedAs(popup, draft.id);

    await pasteAt(area, 'deux', pageParagraphs('A', 'B', 'C'), 'A\n\nB\n\nC');
    const entries =
      '<ul><li>Un A</li><li>B</li><li>C<strong> trois</strong></li><li>Quatre</li></ul>';
    await saved(entries);
    expect(await storedBody(popup, area)).toBe(entries);
    await popup.close();
  });

  it('types a letter composed with a dead key (^ then ê) or an IME first in an empty text as composed, in a paragraph', async () => {
    // Chromium types right in an empty editor; the text put in a paragraph while composed (the
    // first key's input, 8bdfe7b), it left the ^ there and typed ê after it: « ^être ».
    const popup = await openPopup();
    const { draft, area } = await openLemondeGiven(popup, { body: '' });
    const saved = savedAs(popup, draft.id);
    await area.click();
    const ime = await popup.context().newCDPSession(popup);

    await ime.send('Input.imeSetComposition', { text: '^', selectionStart: 1, selectionEnd: 1 });
    await ime.send('Input.insertText', { text: 'ê' });
    await popup.keyboard.type('tre');
    await saved('<p>être</p>');
    expect(await area.innerHTML()).toBe('<p>être</p>');

    // A Japanese IME's syllables: « k », « ka », then か, committed, in a text emptied again.
    await area.evaluate((el) => {
      el.innerHTML = '';
      window.getSelection()!.collapse(el, 0);
    });
    for (const text of ['k', 'ka', 'か']) {
      await ime.send('Input.imeSetComposition', { text, selectionStart: 1, selectionEnd: 1 });
    }
    await ime.send('Input.insertText', { text: 'か' });
    await saved('<p>か</p>');
    expect(await storedBody(popup, area)).toBe('<p>か</p>');
    await popup.close();
  });
});
