import { describe, expect, it, vi } from 'vitest';
import {
  cleanItemHtml,
  countText,
  blockAt,
  deleteAcross,
  insertBlocks,
  insertOwnStyle,
  itemText,
  languageAt,
  leavesTwoSpaces,
  moveWords,
  overWholeQuotes,
  paragraphAround,
  selectedWords,
  spansBlocks,
  splitBlockAt,
  toggleList,
  typedFrench,
} from '../../../components/richtext';
import { cleanPastedHtml } from '../../../storage/item-html';
import { sanitizeBlocks } from '../../../export/sanitize';
import {
  GOOGLE_DOCS_HTML,
  GOOGLE_DOCS_RUN as RUN,
  GOOGLE_DOCS_STORED,
  WORD_ENGLISH_HTML,
  WORD_HTML,
  WORD_LANG_HTML,
  WORD_LANG_STORED,
  wordParagraphs,
  wordWords,
} from '../../fixtures/clipboard';

describe('cleanItemHtml', () => {
  it('takes the tracking parameters out of a link, as a clip does, and leaves other links as written', () => {
    const html = cleanItemHtml(
      '<p><a href="https://example.com/a?utm_source=x&amp;id=3&amp;fbclid=y">lien</a> et ' +
        '<a href="https://Example.com">site</a></p>',
    );

    expect(html).toBe(
      '<p><a href="https://example.com/a?id=3">lien</a> et <a href="https://Example.com">site</a></p>',
    );
  });

  it('keeps the bold and italic of a Google Docs copy, not its all-bold wrapper', () => {
    const html = cleanItemHtml(GOOGLE_DOCS_HTML);

    expect(html).toBe(GOOGLE_DOCS_STORED);
    // The spans' styles said the formatting: none of them is stored.
    expect(html).not.toMatch(/style|<span|<b[ >]|docs-internal/);
  });

  it('makes no empty line of the <br> Google Docs puts between and after paragraphs', () => {
    // A copy that stops before the end of its last paragraph ends with that paragraph's spans
    // after the <br>, out of any <p>; Safari adds a break after the copy.
    const html = cleanItemHtml(
      `<b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="${RUN}">Un.</span></p>` +
        `<br><span style="${RUN}">Deux.</span></b><br class="Apple-interchange-newline">`,
    );

    expect(html).toBe('<p>Un.</p><p>Deux.</p>');
  });

  it('reads bold from a weight of 600 and up, or bold, and a weight of 400 or normal as not bold', () => {
    expect(
      cleanItemHtml(
        '<span style="font-weight:600">mi-gras</span> <span style="FONT-WEIGHT: bold !important">gras</span> ' +
          '<span style="font-weight:500">moyen</span> <strong style="font-weight: 400">maigre</strong>',
      ),
    ).toBe('<p><strong>mi-gras gras</strong> moyen maigre</p>');
  });

  it('reads an <i> whose style says font-style: normal as upright, an oblique span as italic', () => {
    expect(
      cleanItemHtml(
        '<i style="font-style:normal">droit</i> <span style="font-style:oblique 10deg">penché</span>',
      ),
    ).toBe('<p>droit <em>penché</em></p>');
  });

  it('leaves out of the bold the words whose own style sets them back to normal', () => {
    // CSS inheritance: the innermost style decides what the reader saw.
    expect(
      cleanItemHtml('<p><b>Gras <span style="font-weight:normal">maigre</span> gras</b></p>'),
    ).toBe('<p><strong>Gras </strong>maigre<strong> gras</strong></p>');
  });

  it('keeps a Word copy as it pasted before: its <b> and <i>, its link, its paragraphs', () => {
    // `mso-bidi-font-weight: normal` is Word's setting for right-to-left text, not the weight;
    // the <style> of the page is not applied (it is dropped with its content).
    expect(cleanItemHtml(WORD_HTML)).toBe(
      '<p>Le ministre prépare une <strong>réforme</strong> <em>discrète</em>.</p>' +
        '<p>Lire <a href="https://example.com/x">un lien</a> !</p>',
    );
  });

  it('keeps a quote’s language on its span, as a paste or the quote list writes it', () => {
    const html = cleanItemHtml(
      '<p>Axios : « <span lang="en" style="color:red" class="q">Why it matters: the deal</span> »</p>',
    );

    expect(html).toBe('<p>Axios : « <span lang="en">Why it matters: the deal</span> »</p>');
    // The exports read the same span, and leave its text out of French typography.
    expect(sanitizeBlocks(html).paragraphs[0]![1]).toEqual({
      type: 'lang',
      lang: 'en',
      children: [{ type: 'text', text: 'Why it matters: the deal' }],
    });
  });

  it('drops a language that is not a valid tag, one on another element, and a span saying none', () => {
    const html = cleanItemHtml(
      '<p lang="en">a <span lang="english language">b</span> <span>c</span> ' +
        '<strong lang="de">d</strong> <span lang="en_GB">e <span lang="EN-gb">f</span></span>' +
        '<span lang="en"> </span></p>',
    );

    // `en_GB`, as some pages write it, is the tag `en-GB`; the span inside it says it again.
    expect(html).toBe('<p>a b c <strong>d</strong> <span lang="en-GB">e f</span> </p>');
    // What the editor keeps, the exports keep: the sanitizer reads the same spans.
    expect(sanitizeBlocks(html).paragraphs[0]!.filter((node) => node.type === 'lang')).toEqual([
      { type: 'lang', lang: 'en-GB', children: [{ type: 'text', text: 'e f' }] },
    ]);
  });

  it('writes a quote’s language as a tag is written, in the editor and in the exports alike', () => {
    const html = cleanItemHtml('<p>« <span lang="EN-us">Why it matters</span> »</p>');

    expect(html).toBe('<p>« <span lang="en-US">Why it matters</span> »</p>');
    expect(sanitizeBlocks('<p><span lang="EN-us">Why</span></p>').paragraphs[0]).toEqual([
      { type: 'lang', lang: 'en-US', children: [{ type: 'text', text: 'Why' }] },
    ]);
  });

  it('keeps the editor’s own text as it writes it: bold around a link, a line break', () => {
    expect(
      cleanItemHtml(
        '<p>Après, <b>en gras avec <a href="https://example.com/y">un lien</a></b>.</p><p>Ligne<br>suivante</p>',
      ),
    ).toBe(
      '<p>Après, <strong>en gras avec <a href="https://example.com/y">un lien</a></strong>.</p><p>Ligne<br>suivante</p>',
    );
  });

  it('stores no empty paragraph or entry: the editor’s empty line, one beside a quote, a text emptied', () => {
    // Enter twice, an empty paragraph the browser leaves beside a quote inserted: the exports,
    // the preview and WordPress's blocks show none of them (sanitizeBlocks drops them).
    const typed = '<p>Avant.</p><p><br></p><p>« Oui. »</p><p><b><br></b></p><p>&nbsp;</p>';
    expect(cleanItemHtml(typed, document, { typed: true })).toBe('<p>Avant.</p><p>« Oui. »</p>');
    expect(sanitizeBlocks(cleanItemHtml(typed))).toEqual(sanitizeBlocks(typed));
    // Chromium's emptied text (Ctrl+A, Suppr) is no text at all.
    expect(cleanItemHtml('<p><br></p>', document, { typed: true })).toBe('');
    // A paste's empty lines (Google Docs, a page's <div><br></div>) are none either.
    expect(cleanPastedHtml('<div>Un.</div><div><br></div><p><br></p><div>Deux.</div>', 'fr')).toBe(
      '<p>Un.</p><p>Deux.</p>',
    );
    // Nor an empty entry of a list (Enter in a list), nor a list of none; a line break stays.
    expect(
      cleanItemHtml('<p>Ligne<br>suivante</p><ul><li>Un</li><li><br></li></ul><ol><li> </li></ol>'),
    ).toBe('<p>Ligne<br>suivante</p><ul><li>Un</li></ul>');
  });

  it('makes one <strong> of bold words side by side, and none of an empty one', () => {
    // The editor's bold button, used twice on neighbouring words, writes two <b>.
    expect(cleanItemHtml('<p><b>un</b> <b>deux</b><b></b> trois</p>')).toBe(
      '<p><strong>un deux</strong> trois</p>',
    );
  });

  it('keeps no attribute but a link’s href: none of the data- or aria- of a web page', () => {
    // A paragraph copied from a page built with ProseMirror, say.
    expect(
      cleanItemHtml(
        '<p data-pm-slice="1 1 []" aria-level="2" id="x" class="y">Un <a href="https://example.com/z" data-id="7" aria-label="z">lien</a></p>',
      ),
    ).toBe('<p>Un <a href="https://example.com/z">lien</a></p>');
  });

  it('parses no style attribute and copies none: the page’s security policy would refuse each', () => {
    // Chromium refuses a style attribute, and logs the refusal, as soon as it is parsed, even
    // in a template's inert document, and when one is copied onto an element of the page.
    // Every element the cleaner makes with the page's document is watched: what is parsed
    // into it, and any style it is given.
    const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
    const create = document.createElement.bind(document);
    const parsed: string[] = [];
    const watchers: MutationObserver[] = [];
    const spy = vi.spyOn(document, 'createElement').mockImplementation(((tag: string) => {
      const el = create(tag);
      Object.defineProperty(el, 'innerHTML', {
        get: () => innerHTML.get!.call(el) as string,
        set: (markup: string) => {
          parsed.push(markup);
          innerHTML.set!.call(el, markup);
        },
      });
      const watcher = new MutationObserver(() => {});
      watcher.observe(el, { attributeFilter: ['style'], subtree: true });
      watchers.push(watcher);
      return el;
    }) as typeof document.createElement);

    const html = cleanItemHtml(GOOGLE_DOCS_HTML);
    spy.mockRestore();

    expect(parsed).toHaveLength(1);
    expect(parsed[0]).not.toMatch(/\sstyle\s*=/i);
    expect(watchers.flatMap((watcher) => watcher.takeRecords())).toEqual([]);
    expect(html).not.toContain('style');
  });

  it('reads the style of a tag with a > in a quoted value, and leaves « style= » in the text', () => {
    // The styles are renamed in the markup before it is parsed: only attributes are renamed.
    expect(
      cleanItemHtml(
        '<p title="a > b" STYLE=\'font-weight: bold\'>Le style="x" <span title="style=1" style="font-style:italic">reste</span></p>',
      ),
    ).toBe('<p><strong>Le style="x" <em>reste</em></strong></p>');
  });
});

describe('cleanItemHtml with lists', () => {
  it('keeps a list typed in: its entries, their bold and links, not an empty entry being typed', () => {
    // As Chromium leaves it after Enter in a list of a template with {quote} in a <ul>.
    const html = cleanItemHtml(
      '<ul><li>« Un » (<a href="https://example.com/a">Le Monde</a>)</li><li>Deux <b>fort</b></li>' +
        '<li><br></li></ul><p>Après</p>',
    );

    expect(html).toBe(
      '<ul><li>« Un » (<a href="https://example.com/a">Le Monde</a>)</li>' +
        '<li>Deux <strong>fort</strong></li></ul><p>Après</p>',
    );
    // The entries' words are counted apart, as the paragraphs' are (« and » are no words).
    expect(countText(itemText(html))).toEqual({ words: 6, chars: 33 });
  });

  it('keeps an ordered list ordered', () => {
    expect(cleanItemHtml('<ol start="3" class="x"><li>Un</li><li>Deux</li></ol>')).toBe(
      '<ol><li>Un</li><li>Deux</li></ol>',
    );
  });

  it('makes a pasted list one level deep, each entry inline text, as the exports read it', () => {
    // Google Docs puts each entry's text in a <p>; a list inside an entry gives entries after it.
    const html = cleanItemHtml(
      '<b style="font-weight:normal" id="docs-internal-guid-1"><ul style="margin:0">\n' +
        '<li dir="ltr" aria-level="1"><p dir="ltr" role="presentation"><span style="font-weight:700">Un</span> deux</p>' +
        '<p>suite</p></li>\n<li>Trois<ul><li>a</li><li>b</li></ul>reste</li></ul></b>',
    );

    expect(html).toBe(
      '<ul><li><strong>Un</strong> deux<br>suite</li><li>Trois</li><li>a</li><li>b</li><li>reste</li></ul>',
    );
    const read = sanitizeBlocks(html);
    expect(read.lists).toEqual([{ ordered: false, start: 0, end: 5 }]);
    expect(read.paragraphs).toHaveLength(5);
  });

  it('makes text right in a list an entry, an entry outside any list a paragraph, and drops an empty list', () => {
    expect(cleanItemHtml('<ul><li>a</li>loose <b>b</b><p>c</p></ul>')).toBe(
      '<ul><li>a</li><li>loose <strong>b</strong></li><li>c</li></ul>',
    );
    expect(cleanItemHtml('<li>seul</li><li><p>a</p><p>b</p></li>')).toBe(
      '<p>seul</p><p>a</p><p>b</p>',
    );
    expect(cleanItemHtml('<ul></ul><ol><li> </li></ol><p>x</p>')).toBe('<p>x</p>');
  });

  it('stores the first entry made a paragraph again by Backspace as a paragraph before the list', () => {
    // Chromium's outdent leaves the entry's text outside any paragraph, ended by a <br>.
    expect(cleanItemHtml('Un <b>fort</b><br><ul><li>Deux</li></ul><p>Après</p>')).toBe(
      '<p>Un <strong>fort</strong></p><ul><li>Deux</li></ul><p>Après</p>',
    );
  });

  it('takes a list out of a link around it, the link kept on the text before and after', () => {
    expect(cleanItemHtml('<a href="https://x.fr">lien<ul><li>a</li></ul>fin</a>')).toBe(
      '<p><a href="https://x.fr">lien</a></p><ul><li>a</li></ul><p><a href="https://x.fr">fin</a></p>',
    );
  });
});

describe('cleanPastedHtml', () => {
  it('keeps of a Word copy only the languages that change, a quote in one span', () => {
    expect(cleanPastedHtml(WORD_LANG_HTML, 'fr')).toBe(WORD_LANG_STORED);
    // Every run of Word's copy says its language: cleaned as any text, they all stay.
    expect(cleanItemHtml(WORD_LANG_HTML)).toContain('<span lang="fr">Selon Axios, « </span>');
  });

  it('reads the languages against the text’s: in an English item, the French is marked', () => {
    // Word's copy says French on its <body>: the first paragraph is French, its quote English.
    expect(cleanPastedHtml(WORD_LANG_HTML, 'en')).toBe(
      '<p><span lang="fr">Selon Axios, « <span lang="en-US">Why it <strong>matters</strong>: the deal</span>' +
        ' », écrit le site.</span></p><p>The Guardian’s view</p>',
    );
  });

  it('marks a copy whose language Word says only on its body, when it is not the text’s', () => {
    expect(cleanPastedHtml(WORD_ENGLISH_HTML, 'fr')).toBe(
      '<p><span lang="en-US">The deal is <em>done</em>.</span></p>',
    );
    expect(cleanPastedHtml(WORD_ENGLISH_HTML, 'en')).toBe('<p>The deal is <em>done</em>.</p>');
  });

  it('keeps a language inside a quote in another, and pastes the editor’s own text as it was', () => {
    const nested = '<p>« <span lang="en">the <span lang="fr">cliché</span> again</span> »</p>';
    expect(cleanPastedHtml(nested, 'fr')).toBe(nested);
    expect(cleanPastedHtml(GOOGLE_DOCS_HTML, 'fr')).toBe(GOOGLE_DOCS_STORED);
    expect(
      cleanPastedHtml('<p><span lang="en-GB">a <span lang="en-US">b</span></span></p>', 'fr'),
    ).toBe('<p><span lang="en-GB">a b</span></p>');
  });
});

describe('cleanPastedHtml and a page’s note calls', () => {
  it('leaves out Wikipedia’s note calls, as a clip does, and keeps the words around them', () => {
    // As Chromium copies a Wikipedia paragraph: the calls' addresses made absolute.
    const copied =
      '<p>Mozilla est une fondation<sup id="cite_ref-1" class="reference">' +
      '<a href="https://fr.wikipedia.org/wiki/Mozilla#cite_note-1">[1]</a></sup>' +
      '<sup class="reference"><a href="https://fr.wikipedia.org/wiki/Mozilla#cite_note-nyt-4">[n 4]</a></sup>' +
      ' de <a href="https://fr.wikipedia.org/wiki/Californie">Californie</a>.<sup>' +
      '<a href="#fn2">2</a>, <a href="#fn3">3</a></sup></p>';

    expect(cleanPastedHtml(copied, 'fr')).toBe(
      '<p>Mozilla est une fondation de <a href="https://fr.wikipedia.org/wiki/Californie">Californie</a>.</p>',
    );
  });

  it('keeps a superscript with words of its own, and a link to another page’s place, bracketed or short', () => {
    const copied =
      '<p>Le 1<sup>er</sup> rapport<sup><a href="https://example.org/rapport.pdf#page=12">[PDF]</a></sup>, ' +
      'voir la note<sup><a href="https://example.org/page#n1">1</a> et suite</sup>, ' +
      'la loi<sup><a href="https://example.org/loi#art4">4</a></sup>.</p>';

    expect(cleanPastedHtml(copied, 'fr')).toBe(
      '<p>Le 1er rapport<a href="https://example.org/rapport.pdf#page=12">[PDF]</a>, ' +
        'voir la note<a href="https://example.org/page#n1">1</a> et suite, ' +
        'la loi<a href="https://example.org/loi#art4">4</a>.</p>',
    );
  });

  it('keeps the calls of a text typed or stored (only a paste is a page’s copy)', () => {
    const html = '<p>Texte<sup><a href="https://x.org/a#cite_note-1">[1]</a></sup></p>';
    expect(cleanItemHtml(html)).toContain('[1]');
  });
});

describe('cleanPastedHtml and the spaces of a page’s source', () => {
  it('reads a source’s line breaks and indents as one space, none at a paragraph’s edges', () => {
    const copied =
      '<meta charset="utf-8"><p id="q">\n        Selon Axios, « <span lang="en">Why it\n' +
      '     matters</span> »,\n   écrit le site.\n      </p>';
    expect(cleanPastedHtml(copied, 'fr')).toBe(
      '<p>Selon Axios, « <span lang="en">Why it matters</span> », écrit le site.</p>',
    );
    // The same without a language to keep; a list's entries too.
    expect(cleanPastedHtml('<ul>\n  <li>\n    Un\n    deux\n  </li>\n</ul>', 'fr')).toBe(
      '<ul><li>Un deux</li></ul>',
    );
  });

  it('keeps a space copied at an end of the words: it goes between them and the caret’s', () => {
    expect(cleanPastedHtml('<span style="font-weight: 400;">vote </span>', 'fr')).toBe(
      '<p>vote </p>',
    );
    expect(cleanPastedHtml('<b> fort</b>', 'fr')).toBe('<p><strong> fort</strong></p>');
  });
});

describe('cleanPastedHtml and code', () => {
  it('keeps code pasted from a page as written, marked as words in no language', () => {
    // A command and an address's path in a page's prose, as a documentation page writes them.
    const copied =
      "<p>Lancez <code>npm run build -- --watch</code>, puis l'<code>api/v2?id=3</code> : <kbd>Ctrl+Maj+K</kbd>.</p>";

    // Before, reduced to their text, which the exports then typeset as prose.
    expect(cleanPastedHtml(copied, 'fr')).toBe(
      '<p>Lancez <span lang="zxx">npm run build -- --watch</span>, puis l\'<span lang="zxx">api/v2?id=3</span> : <span lang="zxx">Ctrl+Maj+K</span>.</p>',
    );
  });

  it('makes a block of code (GitHub’s <pre>) a paragraph, its lines kept as line breaks', () => {
    const copied =
      '<p>Dans le dépôt :</p><div class="highlight highlight-source-shell"><pre><span class="pl-c1">echo</span> <span class="pl-s"><span class="pl-pds">"</span>a:b<span class="pl-pds">"</span></span>\n--&gt; l\'id ...</pre></div><p>Après.</p>';

    expect(cleanPastedHtml(copied, 'fr')).toBe(
      '<p>Dans le dépôt :</p><p><span lang="zxx">echo "a:b"<br>--&gt; l\'id ...</span></p><p>Après.</p>',
    );
    // Code in code (<pre><code>), one mark.
    expect(cleanPastedHtml('<pre><code>un\ndeux</code></pre>', 'fr')).toBe(
      '<p><span lang="zxx">un<br>deux</span></p>',
    );
  });

  it('makes GitHub’s code table (a gist, a file embedded in an issue) the code a <pre> makes, its line numbers dropped', () => {
    // As Chromium copies three lines of a gist or of a file's permalink: a table, a row per line,
    // the line number drawn from data-line-number (no text), the code cell holding the line
    // (an empty line is its line break), a span per highlighted word.
    const row = (n: number, code: string) =>
      `<tr><td id="L${n}" class="blob-num js-line-number js-code-nav-line-number js-blob-rnum" data-line-number="${n}" style="width: 1%;"></td>` +
      `<td id="LC${n}" class="blob-code blob-code-inner js-file-line" style="white-space: pre;">${code}</td></tr>\n`;
    const copied =
      '<meta charset="utf-8"><p>Le correctif :</p>' +
      '<table class="highlight tab-size js-file-line-container js-code-nav-container js-tagsearch-file" data-tab-size="8" data-paste-markdown-skip="" data-tagsearch-lang="Python"><tbody>\n' +
      row(
        1,
        '<span class="pl-k">def</span> <span class="pl-en">f</span>(<span class="pl-s1">x</span>):',
      ) +
      row(
        2,
        '    <span class="pl-k">return</span>  <span class="pl-s1">x</span> <span class="pl-c1">*</span> 2',
      ) +
      row(3, '\n') +
      row(4, '<span class="pl-c"># fin : l\'id ...</span>') +
      '</tbody></table>';
    const nb = (count: number) => '&nbsp;'.repeat(count);

    // Before, one paragraph of prose: « def f(x): return x * 2 # fin : l'id ... ».
    expect(cleanPastedHtml(copied, 'fr')).toBe(
      `<p>Le correctif :</p><p><span lang="zxx">def f(x):<br>${nb(4)}return ${nb(1)}x * 2<br><br># fin : l'id ...</span></p>`,
    );
  });

  it('makes the lines of GitHub’s file view (its React markup) the code a <pre> makes, its line numbers dropped', () => {
    // The file view's two columns: the numbers, written as text, and the lines, a block each.
    const numbers = [1, 2, 3]
      .map(
        (n) => `<div data-line-number="${n}" class="react-line-number react-code-text">${n}</div>`,
      )
      .join('');
    const line = (n: number, code: string) =>
      `<div data-key="${n - 1}" class="react-code-text react-code-line-contents"><div><div id="LC${n}" class="react-file-line html-div" data-testid="code-cell" data-line-number="${n}" style="position: relative;">${code}</div></div></div>`;
    const copied =
      `<div class="react-code-file-contents"><div class="react-line-numbers">${numbers}</div>` +
      `<div class="react-code-lines">${line(1, '<span class="pl-k">if</span> (a) {')}${line(2, '\tb();')}${line(3, '}')}</div></div>`;
    const nb = (count: number) => '&nbsp;'.repeat(count);

    // Before, a paragraph per number, then per line, the tab gone.
    expect(cleanPastedHtml(copied, 'fr')).toBe(
      `<p><span lang="zxx">if (a) {<br>${nb(8)}b();<br>}</span></p>`,
    );
  });

  it('keeps the words a GitHub code table holds beside its lines (a review’s comment in a diff)', () => {
    const copied =
      '<table class="diff-table"><tbody>' +
      '<tr><td class="blob-num" data-line-number="4"></td><td class="blob-code blob-code-addition"><span class="blob-code-inner blob-code-marker" data-code-marker="+">  a = 1</span></td></tr>' +
      '<tr class="inline-comments"><td colspan="2"><p>Pourquoi 1 ?</p></td></tr>' +
      '<tr><td class="blob-num" data-line-number="5"></td><td class="blob-code blob-code-addition"><span class="blob-code-inner blob-code-marker" data-code-marker="+">  b = 2</span></td></tr>' +
      '</tbody></table>';
    // The comment where it was, after the line it is about, before the next one.
    expect(cleanPastedHtml(copied, 'fr')).toBe(
      '<p><span lang="zxx">+ &nbsp;a = 1</span></p><p>Pourquoi 1 ?</p>' +
        '<p><span lang="zxx">+ &nbsp;b = 2</span></p>',
    );
  });

  it('keeps the sign of a GitHub diff’s removed and added lines, which its style draws', () => {
    // GitHub's unified diff: two number columns, the hunk's header, a cell per line, the sign
    // drawn from data-code-marker (not on the clipboard as text).
    const row = (kind: string, marker: string, code: string) =>
      `<tr><td class="blob-num blob-num-${kind}" data-line-number="1"></td><td class="blob-num blob-num-${kind}" data-line-number="1"></td>` +
      `<td class="blob-code blob-code-${kind} js-file-line"><span class="blob-code-inner blob-code-marker js-code-nav-pass" data-code-marker="${marker}">${code}</span></td></tr>`;
    const copied =
      '<table class="diff-table js-diff-table tab-size" data-tab-size="8"><tbody>' +
      '<tr class="js-expandable-line"><td class="blob-num blob-num-expandable" colspan="2"></td><td class="blob-code blob-code-inner blob-code-hunk">@@ -1,2 +1,2 @@</td></tr>' +
      row('context', ' ', 'def f(x):') +
      row('deletion', '-', '    return x * 2') +
      row('addition', '+', '    return x * 3') +
      '</tbody></table>';

    // Before, both lines as code, nothing telling the one removed: « return x * 2 / return x * 3 ».
    expect(cleanPastedHtml(copied, 'fr')).toBe(
      '<p><span lang="zxx">@@ -1,2 +1,2 @@<br>&nbsp;def f(x):<br>' +
        '- &nbsp;&nbsp;&nbsp;return x * 2<br>+ &nbsp;&nbsp;&nbsp;return x * 3</span></p>',
    );
  });

  it('reads a GitHub split diff’s unchanged line once and its empty side as no line', () => {
    const side = (kind: string, code: string) =>
      `<td class="blob-num blob-num-${kind}" data-line-number="1"></td><td class="blob-code blob-code-${kind}"><span class="blob-code-inner">${code}</span></td>`;
    const empty =
      '<td class="blob-num blob-num-empty empty-cell"></td><td class="blob-code blob-code-empty empty-cell"></td>';
    const copied =
      '<table class="diff-table file-diff-split"><tbody>' +
      `<tr>${side('context', 'a = 0')}${side('context', 'a = 0')}</tr>` +
      `<tr>${side('deletion', 'b = 1')}${side('addition', 'b = 2')}</tr>` +
      `<tr>${empty}${side('addition', 'c = 3')}</tr>` +
      '</tbody></table>';

    // Before, « a = 0 » twice, an empty line, and no sign.
    expect(cleanPastedHtml(copied, 'fr')).toBe(
      '<p><span lang="zxx">&nbsp;a = 0<br>-b = 1<br>+b = 2<br>+c = 3</span></p>',
    );
  });

  it('leaves a table that is not GitHub’s code as it was', () => {
    const copied =
      '<table><tbody><tr><td>1</td><td>Paris :  2 M</td></tr><tr><td>2</td><td>Lyon</td></tr></tbody></table>';
    expect(cleanPastedHtml(copied, 'fr')).not.toContain('zxx');
  });

  it('keeps the link and the bold around code, and code in a list or in an English text', () => {
    expect(
      cleanPastedHtml(
        '<p>Voir <a href="https://x.fr/doc"><code>l\'id</code></a> et <b><code>a;b</code></b></p>',
        'fr',
      ),
    ).toBe(
      '<p>Voir <span lang="zxx"><a href="https://x.fr/doc">l\'id</a></span> et <span lang="zxx"><strong>a;b</strong></span></p>',
    );
    expect(cleanPastedHtml('<ul><li><code>a:b</code> ou non</li></ul>', 'fr')).toBe(
      '<ul><li><span lang="zxx">a:b</span> ou non</li></ul>',
    );
    expect(cleanPastedHtml('<p>Run <code>a:b</code></p>', 'en')).toBe(
      '<p>Run <span lang="zxx">a:b</span></p>',
    );
  });

  it('marks code dropped or restored into an item too (cleanItemHtml)', () => {
    expect(cleanItemHtml('<p>Tapez <code>a ? b</code></p>')).toBe(
      '<p>Tapez <span lang="zxx">a ? b</span></p>',
    );
  });

  it('keeps the indent and the runs of spaces of a block of code as no-break spaces', () => {
    // A shell command over several lines and an indented snippet, as a documentation page shows
    // them (a tab to its stop at 8 columns, as the browser showed it).
    const copied =
      '<p>Installez :</p><pre>npm install \\\n    --save-dev  x\n\tif (a) {\n  # note\n- y</pre>';
    const nb = (count: number) => '&nbsp;'.repeat(count);

    // Before, each line's indent went and the runs of spaces were one.
    expect(cleanPastedHtml(copied, 'fr')).toBe(
      `<p>Installez :</p><p><span lang="zxx">npm install \\<br>${nb(4)}--save-dev ${nb(1)}x<br>${nb(8)}if (a) {<br>${nb(2)}# note<br>- y</span></p>`,
    );
    // A highlighted snippet (a span per word) is read across its spans.
    expect(
      cleanPastedHtml('<pre><span>a</span>  <span>b</span>\n<span>  c</span></pre>', 'fr'),
    ).toBe(`<p><span lang="zxx">a ${nb(1)}b<br>${nb(2)}c</span></p>`);
  });

  it('keeps the spaces of code as it is typed and stored again, the prose’s no-break spaces spaces', () => {
    const stored = '<p>Un\u00a0mot <span lang="zxx">&nbsp;&nbsp;a &nbsp;b<br>&nbsp;c</span></p>';
    const kept = '<p>Un mot <span lang="zxx">&nbsp;&nbsp;a &nbsp;b<br>&nbsp;c</span></p>';
    expect(cleanItemHtml(stored)).toBe(kept);
    expect(cleanItemHtml(stored, document, { typed: true })).toBe(kept);
    // A no-break space after a word (Chromium types a space at the end of a line as one) is a
    // space once words follow: only an indent or a run needs it.
    expect(
      cleanItemHtml('<p><span lang="zxx">a\u00a0b\u00a0\u00a0c ?</span></p>', document, {
        typed: true,
      }),
    ).toBe('<p><span lang="zxx">a b &nbsp;c ?</span></p>');
    // A run Chromium made over as it typed in it (a no-break space then a space, across texts)
    // is the same run: not two spaces, which would collapse.
    expect(
      cleanItemHtml(
        '<p><span lang="zxx">x=1\u00a0<a href="https://x.fr/"> y</a></span></p>',
        document,
        {
          typed: true,
        },
      ),
    ).toBe('<p><span lang="zxx">x=1 <a href="https://x.fr/">&nbsp;y</a></span></p>');
  });
});

describe('languageAt', () => {
  /** An item's text in French with an English quote, one French word in a second one. */
  function editor() {
    const root = document.createElement('div');
    root.setAttribute('lang', 'fr');
    root.innerHTML =
      '<p>Selon Axios, « <span lang="en">Why it <strong>matters</strong></span> », puis ' +
      '« <span lang="en-GB">the <span lang="fr">cliché</span> again</span> ».</p>';
    return root;
  }

  /** The range from `from` characters into the text node holding `start` to `to` into `end`'s. */
  function rangeIn(root: Element, start: string, from: number, end = start, to = from) {
    const text = (words: string) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeValue!.includes(words)) return node;
      }
      throw new Error(`No "${words}"`);
    };
    const range = document.createRange();
    range.setStart(text(start), from);
    range.setEnd(text(end), to);
    return range;
  }

  it('is the language of the quote the caret is in, else the text’s', () => {
    const root = editor();
    expect(languageAt(rangeIn(root, 'Selon', 3), root, 'fr')).toBe('fr');
    expect(languageAt(rangeIn(root, 'Why it', 4), root, 'fr')).toBe('en');
    // In a bold word of the quote, the quote's.
    expect(languageAt(rangeIn(root, 'matters', 2), root, 'fr')).toBe('en');
    // A French word inside the second quote is French; the quote around it is British.
    expect(languageAt(rangeIn(root, 'cliché', 2), root, 'fr')).toBe('fr');
    expect(languageAt(rangeIn(root, 'again', 2), root, 'fr')).toBe('en-GB');
    // Outside any quote, the text's, whatever the root says.
    expect(languageAt(rangeIn(root, 'puis', 1), root, 'en')).toBe('en');
  });

  it('is the quote’s for words selected in it, the text’s for a selection across its edge', () => {
    const root = editor();
    expect(languageAt(rangeIn(root, 'Why it', 0, 'matters', 3), root, 'fr')).toBe('en');
    expect(languageAt(rangeIn(root, 'Selon', 0, 'Why it', 3), root, 'fr')).toBe('fr');
  });

  it('widens a selection of all a quote’s words over the quote, read among the words around it', () => {
    const root = editor();
    const whole = overWholeQuotes(rangeIn(root, 'Why it', 0, 'matters', 7), root);
    expect(whole.toString()).toBe('Why it matters');
    expect(whole.startContainer).toBe(root.firstChild);
    expect(languageAt(whole, root, 'fr')).toBe('fr');
    // The French word of the second quote: in the British quote once it is gone.
    const cliche = overWholeQuotes(rangeIn(root, 'cliché', 0, 'cliché', 6), root);
    expect(languageAt(cliche, root, 'fr')).toBe('en-GB');
    // The whole second quote, the French word in it too: among the French text.
    const second = overWholeQuotes(rangeIn(root, 'the ', 0, ' again', 6), root);
    expect(second.toString()).toBe('the cliché again');
    expect(languageAt(second, root, 'fr')).toBe('fr');
    // Not all its words, or a caret: as it was.
    const some = rangeIn(root, 'the ', 0, 'cliché', 6);
    expect(languageAt(overWholeQuotes(some, root), root, 'fr')).toBe('en-GB');
    const caret = rangeIn(root, 'Why it', 0);
    expect(overWholeQuotes(caret, root).startContainer).toBe(caret.startContainer);
  });

  it('gives the paste its languages against the quote it goes into', () => {
    const root = editor();
    const inQuote = languageAt(rangeIn(root, 'Why it', 4), root, 'fr');
    const outside = languageAt(rangeIn(root, 'puis', 1), root, 'fr');
    // English words join the English quote; French ones are said to be French there.
    expect(cleanPastedHtml(wordWords('EN-US', 'really'), inQuote)).toBe('<p>really</p>');
    expect(cleanPastedHtml(wordWords('FR', 'vraiment'), inQuote)).toBe(
      '<p><span lang="fr">vraiment</span></p>',
    );
    // Among French words, the other way round.
    expect(cleanPastedHtml(wordWords('EN-US', 'really'), outside)).toBe(
      '<p><span lang="en-US">really</span></p>',
    );
    expect(cleanPastedHtml(wordWords('FR', 'vraiment'), outside)).toBe('<p>vraiment</p>');
  });

  it('reads each paragraph of a French Word copy by its runs’ own language, inside a quote or out', () => {
    // The copy says French on its body; each paragraph's run says its own language.
    const copy = wordParagraphs(['EN-US', 'really'], ['FR', 'dit-il']);
    expect(cleanPastedHtml(copy, 'en')).toBe('<p>really</p><p><span lang="fr">dit-il</span></p>');
    expect(cleanPastedHtml(copy, 'fr')).toBe(
      '<p><span lang="en-US">really</span></p><p>dit-il</p>',
    );
  });
});

/** Cleaned HTML as the fragment a paste gives. */
function fragment(source: string): DocumentFragment {
  const made = document.createElement('template');
  made.innerHTML = source;
  return made.content;
}

/**
 * The editor's HTML `html` after `insert` has put a paste at the `|` in its text: a `|` where
 * the caret it returns is left.
 */
function pastedAt(html: string, insert: (caret: Range, root: HTMLElement) => Range): string {
  const root = document.createElement('div');
  root.innerHTML = html;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const caret = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue!.indexOf('|');
    if (at < 0) continue;
    node.nodeValue = node.nodeValue!.replace('|', '');
    caret.setStart(node, at);
    break;
  }
  insert(caret, root).insertNode(document.createTextNode('|'));
  root.normalize();
  return root.innerHTML;
}

describe('insertOwnStyle', () => {
  /**
   * Pastes `words` (cleaned HTML) into `html` at the `|` in its text, with insertOwnStyle: the
   * editor's HTML after, a `|` where the caret is left.
   */
  const paste = (html: string, words: string) =>
    pastedAt(html, (caret, root) => insertOwnStyle(caret, fragment(words), root));

  it('cuts the bold or italic around the caret: plain words stay plain, bold ones bold', () => {
    expect(paste('<p>Un <strong>vote |discret</strong>.</p>', 'peu ')).toBe(
      '<p>Un <strong>vote </strong>peu |<strong>discret</strong>.</p>',
    );
    expect(paste('<p><em>bien <b>ca|ché</b></em></p>', '<strong>fort</strong>')).toBe(
      '<p><em>bien <b>ca</b></em><strong>fort</strong>|<em><b>ché</b></em></p>',
    );
    // At an end of the bold words, no empty bold is left behind.
    expect(paste('<p>Un <strong>|vote</strong></p>', 'grand ')).toBe(
      '<p>Un grand |<strong>vote</strong></p>',
    );
    expect(paste('<p>Un <strong>vote|</strong></p>', ' nul')).toBe(
      '<p>Un <strong>vote</strong> nul|</p>',
    );
    // Among plain words, where they are.
    expect(paste('<p>Un vo|te</p>', '<em>x</em>')).toBe('<p>Un vo<em>x</em>|te</p>');
  });

  it('keeps pasted words out of a link, and a link pasted in a link its own', () => {
    const a = '<a href="https://www.lemonde.fr/a">';
    expect(paste(`<p>${a}le |site</a></p>`, 'blog ')).toBe(`<p>${a}le </a>blog |${a}site</a></p>`);
    expect(paste(`<p>${a}le |site</a></p>`, '<a href="https://example.org/b">Axios</a>')).toBe(
      `<p>${a}le </a><a href="https://example.org/b">Axios</a>|${a}site</a></p>`,
    );
  });

  it('keeps the words in the quote the caret is in, said again around them when it is cut', () => {
    // The quote around the bold: they stay in it.
    expect(
      paste('<p>« <span lang="en">it <strong>really |matters</strong></span> »</p>', 'truly '),
    ).toBe(
      '<p>« <span lang="en">it <strong>really </strong>truly |<strong>matters</strong></span> »</p>',
    );
    // The bold around the quote: cut with it, the quote's language said on the words.
    expect(paste('<p><strong>« <span lang="en">it |matters</span> »</strong></p>', 'truly ')).toBe(
      '<p><strong>« <span lang="en">it </span></strong><span lang="en">truly </span>|' +
        '<strong><span lang="en">matters</span> »</strong></p>',
    );
  });

  it('fills an empty paragraph without the <br> that showed it', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Avant</p><p><br></p>';
    const caret = document.createRange();
    caret.setStart(root.lastChild!, 0);
    insertOwnStyle(caret, fragment('Après'), root);
    expect(root.innerHTML).toBe('<p>Avant</p><p>Après</p>');
  });
});

describe('insertBlocks', () => {
  /**
   * Pastes `blocks` (cleaned HTML) into `html` at the `|` in its text, with insertBlocks (its
   * blocks in between read as `amongText` when given): the editor's HTML after, a `|` where the
   * caret is left.
   */
  const paste = (html: string, blocks: string, amongText?: string) =>
    pastedAt(html, (caret, root) =>
      insertBlocks(
        caret,
        fragment(blocks),
        root,
        amongText === undefined ? undefined : fragment(amongText),
      ),
    );

  it('cuts the caret’s paragraph around several: the first’s words end it, the last’s start the rest', () => {
    expect(
      paste(
        '<p>Un <strong>vote |discret</strong>.</p>',
        '<p>peu</p><p><em>deux</em> mots</p><p>trois </p>',
      ),
    ).toBe(
      '<p>Un <strong>vote </strong>peu</p><p><em>deux</em> mots</p>' +
        '<p>trois |<strong>discret</strong>.</p>',
    );
    // Out of a link, which goes on after them.
    const a = '<a href="https://www.lemonde.fr/a">';
    expect(paste(`<p>${a}le |site</a></p>`, '<p>blog</p><p><strong>x</strong> </p>')).toBe(
      `<p>${a}le </a>blog</p><p><strong>x</strong> |${a}site</a></p>`,
    );
    // At the end of the paragraph, the last pasted is a paragraph of its own.
    expect(paste('<p>Un <strong>vote|</strong></p>', '<p>A</p><p>B</p>')).toBe(
      '<p>Un <strong>vote</strong>A</p><p>B|</p>',
    );
    // In an empty paragraph: its <br> gone.
    const root = document.createElement('div');
    root.innerHTML = '<p>Avant</p><p><br></p>';
    const caret = document.createRange();
    caret.setStart(root.lastChild!, 0);
    insertBlocks(caret, fragment('<p>A</p><p>B</p>'), root);
    expect(root.innerHTML).toBe('<p>Avant</p><p>A</p><p>B</p>');
  });

  it('keeps the first’s and the last’s words in the quote at the caret, those between among the text’s', () => {
    const quote = '<p>« <span lang="en">it |matters</span> »</p>';
    // Read against the quote's language (English words plain) and against the text's.
    const inQuote = '<p>really </p><p>very</p><p><span lang="fr">oui</span></p><p>truly </p>';
    const amongText =
      '<p><span lang="en">really </span></p><p><span lang="en">very</span></p><p>oui</p>' +
      '<p><span lang="en">truly </span></p>';
    expect(paste(quote, inQuote, amongText)).toBe(
      '<p>« <span lang="en">it really </span></p><p><span lang="en">very</span></p><p>oui</p>' +
        '<p><span lang="en">truly |matters</span> »</p>',
    );
    // The bold around the quote, cut: the quote said again around the words.
    expect(
      paste('<p><strong>« <span lang="en">it |matters</span> »</strong></p>', '<p>a </p><p>b </p>'),
    ).toBe(
      '<p><strong>« <span lang="en">it </span></strong><span lang="en">a </span></p>' +
        '<p><span lang="en">b </span>|<strong><span lang="en">matters</span> »</strong></p>',
    );
  });

  it('keeps a list pasted among words a list, between the two parts of the paragraph', () => {
    expect(paste('<p>Un <strong>vote |discret</strong></p>', '<ul><li>A</li><li>B</li></ul>')).toBe(
      '<p>Un <strong>vote </strong></p><ul><li>A</li><li>B|</li></ul>' +
        '<p><strong>discret</strong></p>',
    );
    // A paragraph, then a list: the paragraph's words end the caret's.
    expect(paste('<p>Un |deux</p>', '<p>A</p><ol><li>B</li></ol>')).toBe(
      '<p>Un A</p><ol><li>B|</li></ol><p>deux</p>',
    );
    // At the start of a paragraph, no empty paragraph is left before the list.
    expect(paste('<p>|deux</p>', '<ul><li>A</li></ul>')).toBe('<ul><li>A|</li></ul><p>deux</p>');
  });

  it('pastes into a list’s entry as entries of it: paragraphs in between and a list’s entries', () => {
    expect(
      paste('<ul><li>Un <strong>deux| trois</strong></li></ul>', '<p>A</p><p>B</p><p>C</p>'),
    ).toBe(
      '<ul><li>Un <strong>deux</strong>A</li><li>B</li><li>C|<strong> trois</strong></li></ul>',
    );
    // A list, as in a word processor: its first entry's words end the caret's entry, its last's
    // start the rest of it, those in between are entries.
    expect(paste('<ul><li>Trois|</li></ul>', '<ul><li>Quatre</li><li>Cinq</li></ul>')).toBe(
      '<ul><li>TroisQuatre</li><li>Cinq|</li></ul>',
    );
    expect(
      paste(
        '<ul><li>Un <strong>de|ux</strong></li></ul>',
        '<ul><li>A</li><li>B</li><li>C</li></ul>',
      ),
    ).toBe('<ul><li>Un <strong>de</strong>A</li><li>B</li><li>C|<strong>ux</strong></li></ul>');
    // One entry: its words among the entry's.
    expect(paste('<ul><li>Un |deux</li></ul>', '<ul><li><em>A</em> </li></ul>')).toBe(
      '<ul><li>Un <em>A</em> |deux</li></ul>',
    );
  });

  it('puts the blocks whole where the caret is outside any paragraph (an empty text)', () => {
    const root = document.createElement('div');
    const caret = document.createRange();
    caret.setStart(root, 0);
    const pasted = document.createElement('template');
    pasted.innerHTML = '<p>A</p><ul><li>B</li></ul>';
    const after = insertBlocks(caret, pasted.content, root);
    after.insertNode(document.createTextNode('|'));
    root.normalize();
    expect(root.innerHTML).toBe('<p>A</p><ul><li>B|</li></ul>');
  });

  it('puts one paragraph among the words, as insertOwnStyle does', () => {
    expect(paste('<p>Un <strong>vote |discret</strong></p>', '<p>peu </p>')).toBe(
      '<p>Un <strong>vote </strong>peu |<strong>discret</strong></p>',
    );
  });
});

describe('blockAt', () => {
  it('finds the paragraph or entry around a node, none right in the editor', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Un <strong>vote</strong></p><ul><li>A</li></ul>';
    const bold = root.querySelector('strong')!.firstChild!;
    expect(blockAt(bold, root)).toBe(root.firstChild);
    expect(blockAt(root.querySelector('li')!.firstChild!, root)).toBe(root.querySelector('li'));
    expect(blockAt(root, root)).toBeUndefined();
  });
});

/**
 * The editor's HTML `html`, its selection from the `[` to the `]` in its text, after `edit`: a
 * `|` where the caret it returns is left.
 */
function editedAcross(html: string, edit: (range: Range, root: HTMLElement) => Range): string {
  const root = document.createElement('div');
  root.innerHTML = html;
  const range = document.createRange();
  for (const [mark, set] of [
    ['[', (node: Node, at: number) => range.setStart(node, at)],
    [']', (node: Node, at: number) => range.setEnd(node, at)],
  ] as const) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf(mark);
      if (at < 0) continue;
      // Taken out as data, not the whole text set again: a mark set before in it stays put.
      (node as Text).deleteData(at, 1);
      set(node, at);
      break;
    }
  }
  edit(range, root).insertNode(document.createTextNode('|'));
  root.normalize();
  return root.innerHTML;
}

describe('deleteAcross', () => {
  const deleted = (html: string) => editedAcross(html, deleteAcross);

  it('joins the last block’s words after the selection to the first block, which keeps its kind', () => {
    expect(deleted('<p>Un [vote</p><p>long</p><p>très ]serré</p>')).toBe('<p>Un |serré</p>');
    // A space on both sides: both kept, the second shown.
    expect(deleted('<p>Un [vote</p><p>très] serré</p>')).toBe('<p>Un |&nbsp;serré</p>');
    // A paragraph into a list: the entry's words join the paragraph, the other entries stay.
    expect(deleted('<p>Un [vote</p><ul><li>Une] fin</li><li>Deux</li></ul>')).toBe(
      '<p>Un |&nbsp;fin</p><ul><li>Deux</li></ul>',
    );
    // A list into a paragraph: the paragraph's words join the entry; a list emptied goes.
    expect(
      deleted('<ul><li>Un [vote</li></ul><ul><li>A</li></ul><p>Une] fin.</p><p>Après</p>'),
    ).toBe('<ul><li>Un |&nbsp;fin.</li></ul><p>Après</p>');
    // Two entries of one list.
    expect(deleted('<ul><li>A[a</li><li>B</li><li>C]c</li><li>D</li></ul>')).toBe(
      '<ul><li>A|c</li><li>D</li></ul>',
    );
  });

  it('makes one the two parts of a bold or a quote cut by the selection, and leaves no empty style', () => {
    expect(
      deleted('<p>Un <strong>vote [très</strong></p><p><strong>discret ]et</strong> la fin.</p>'),
    ).toBe('<p>Un <strong>vote |et</strong> la fin.</p>');
    expect(
      deleted(
        '<p>Il dit « <span lang="en">the deal [is</span></p><p><span lang="en">done ]now</span> » et part.</p>',
      ),
    ).toBe('<p>Il dit « <span lang="en">the deal |now</span> » et part.</p>');
    // Two quotes in two languages stay two.
    expect(deleted('<p><span lang="en">A [b</span></p><p><span lang="de">c ]d</span></p>')).toBe(
      '<p><span lang="en">A |</span><span lang="de">d</span></p>',
    );
    // The bold whose words all went, on either side, goes.
    expect(deleted('<p>Un <em>[vote</em></p><p><strong>très]</strong> fin</p>')).toBe(
      '<p>Un |&nbsp;fin</p>',
    );
  });

  it('leaves an empty first block a <br> to hold the caret, and no <br> where there are words', () => {
    expect(deleted('<p>[Un</p><p>deux]</p><p>trois</p>')).toBe('<p>|<br></p><p>trois</p>');
    expect(deleted('<p>Un [vote</p><p><br></p><p>]</p>')).toBe('<p>Un |</p>');
    expect(deleted('<p>[</p><p>deux]<br></p>')).toBe('<p>|<br></p>');
  });
});

describe('deleteAcross for a cut', () => {
  const cut = (html: string) =>
    editedAcross(html, (range, root) => deleteAcross(range, root, true));

  it('takes one of two spaces left on both sides of the join, as Word’s smart cut does', () => {
    // Across two paragraphs: « la fin  début » would be left.
    expect(cut('<p>C’est la fin [du texte.</p><p>Le] début du suivant.</p>')).toBe(
      '<p>C’est la fin |début du suivant.</p>',
    );
    // Within one paragraph, a whole word cut without its spaces, in bold or not.
    expect(cut('<p>Un vote [très] serré</p>')).toBe('<p>Un vote |serré</p>');
    expect(cut('<p>Un <strong>vote [très</strong>] serré</p>')).toBe(
      '<p>Un <strong>vote |</strong>serré</p>',
    );
    // Across a paragraph and a list.
    expect(cut('<p>Un [vote</p><ul><li>Une] fin</li><li>Deux</li></ul>')).toBe(
      '<p>Un |fin</p><ul><li>Deux</li></ul>',
    );
  });

  it('never takes a single space, nor a no-break space French typography put there', () => {
    expect(cut('<p>Un vote [très ]serré</p>')).toBe('<p>Un vote |serré</p>');
    expect(cut('<p>Un vote[ très] serré</p>')).toBe('<p>Un vote| serré</p>');
    expect(cut('<p>Un [vote</p><p>très ]serré</p>')).toBe('<p>Un |serré</p>');
    // The plain space goes, the no-break one before the colon stays.
    expect(cut('<p>Il a [dit]\u00a0: oui</p>')).toBe('<p>Il a|&nbsp;: oui</p>');
    expect(cut('<p>Il a\u202f[dit] : oui</p>')).toBe('<p>Il a\u202f|: oui</p>');
    // Two no-break spaces inside « » both stay.
    expect(cut('<p>«\u00a0[texte]\u00a0»</p>')).toBe('<p>«&nbsp;|&nbsp;»</p>');
  });
});

describe('leavesTwoSpaces', () => {
  const leaves = (html: string) => {
    let result = false;
    editedAcross(html, (range, root) => {
      result = leavesTwoSpaces(range, root);
      return range;
    });
    return result;
  };

  it('says whether a delete leaves a space on both sides of the join, one of them plain', () => {
    expect(leaves('<p>Un vote [très] serré</p>')).toBe(true);
    expect(leaves('<p>Un <em>vote </em>[<strong>très</strong>] serré</p>')).toBe(true);
    expect(leaves('<p>la fin [du</p><p>Le] début</p>')).toBe(true);
    expect(leaves('<p>Un vote [très ]serré</p>')).toBe(false);
    expect(leaves('<p>Un vote[ très] serré</p>')).toBe(false);
    expect(leaves('<p>[Un] vote</p>')).toBe(false);
    expect(leaves('<p>«\u00a0[texte]\u00a0»</p>')).toBe(false);
  });
});

describe('selectedWords', () => {
  const words = (html: string) => {
    let copied = '';
    editedAcross(html, (range, root) => {
      const holder = document.createElement('div');
      holder.append(selectedWords(range, root));
      copied = holder.innerHTML;
      return range;
    });
    return copied;
  };

  it('gives the words in the bold, link or quote they are all in, entries in their list', () => {
    expect(words('<p>Il dit « <span lang="en"><strong>the [deal] is</strong></span> »</p>')).toBe(
      '<span lang="en"><strong>deal</strong></span>',
    );
    expect(words('<p>Un <a href="https://a.fr/">[lien]</a> ici</p>')).toBe(
      '<a href="https://a.fr/">lien</a>',
    );
    expect(words('<ul><li>A[a</li><li>b]B</li></ul>')).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(words('<p>Un <strong>vote [très</strong></p><p><strong>discret ]et</strong></p>')).toBe(
      '<p><strong>très</strong></p><p><strong>discret </strong></p>',
    );
  });
});

describe('moveWords', () => {
  /** `html` with its words from `[` to `]` moved (copied) to the `^`; the words put in `{ }`. */
  const moved = (html: string, copy = false) =>
    editedAcross(html, (range, root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const drop = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue!.indexOf('^');
        if (at < 0) continue;
        (node as Text).deleteData(at, 1);
        drop.setStart(node, at);
        break;
      }
      // Cleaned as the editor cleans them (a paste's paragraphs, words alone in one).
      const holder = document.createElement('div');
      holder.append(selectedWords(range, root));
      const words = document.createElement('template');
      words.innerHTML = cleanPastedHtml(holder.innerHTML, 'fr');
      const put = moveWords(range, drop, root, (at) => insertBlocks(at, words.content, root), copy);
      put.insertNode(document.createTextNode('{'));
      put.collapse(false);
      put.insertNode(document.createTextNode('}'));
      const caret = document.createRange();
      caret.setStart(root, 0);
      return caret;
    }).replace(/^\|/, '');

  it('takes the words out as a cut does and puts them at the drop point as a paste does', () => {
    // Two paragraphs' words into a third: the two joined, the third cut around them.
    expect(
      moved(
        '<p>Un <strong>vote [très</strong></p><p><strong>discret ]et</strong> la fin.</p><p>Trois ^ici.</p>',
      ),
    ).toBe(
      '<p>Un <strong>vote et</strong> la fin.</p><p>Trois <strong>{très</strong></p><p><strong>discret </strong>}ici.</p>',
    );
    // Further in their own block: the drop point kept through the cut; one of two spaces gone
    // (and one put before « la », see below).
    expect(moved('<p>Un [très] vote et ^la fin.</p>')).toBe('<p>Un vote et {très} la fin.</p>');
    // Before them, from the block they leave.
    expect(moved('<p>Un ^vote très [serré.</p><p>Et ]la fin.</p>')).toBe(
      '<p>Un {serré.</p><p>Et }vote très la fin.</p>',
    );
  });

  it('leaves the words where they were too with the copy key', () => {
    expect(moved('<p>Un [très] vote ^fin.</p>', true)).toBe('<p>Un très vote {très} fin.</p>');
  });

  it('puts a space where the words land touching a letter or digit, as Word’s smart paste', () => {
    // Against the word before: « icitrès. » was left.
    expect(moved('<p>Un [très] vote ici^.</p>')).toBe('<p>Un vote ici {très}.</p>');
    // After a word and before one, across the blocks they leave.
    expect(moved('<p>Un [très</p><p>serré] vote ici^ fin.</p>')).toBe(
      '<p>Un vote ici {très</p><p>serré} fin.</p>',
    );
    // A digit is a word's too.
    expect(moved('<p>Le [vote] en 2026^.</p>')).toBe('<p>Le en 2026 {vote}.</p>');
    // Outside their bold or link: the space is plain text, the words alone left selected.
    expect(moved('<p>Un <strong>[très]</strong> vote ici^.</p>')).toBe(
      '<p>Un vote ici <strong>{très</strong>}.</p>',
    );
  });

  it('puts no space before closing punctuation, after an opening « ( or at a block’s edge', () => {
    // Their own closing punctuation: against the word before it stays.
    expect(moved('<p>Un vote[, très] serré ici^.</p>')).toBe('<p>Un vote serré ici{, très}.</p>');
    // A closing one after them, an opening one before: no space there.
    expect(moved('<p>Un [très] vote « ^serré ».</p>')).toBe('<p>Un vote « {très} serré ».</p>');
    expect(moved('<p>Un [très] vote (serré^).</p>')).toBe('<p>Un vote (serré {très}).</p>');
    // Their own opening « or elision: none after it.
    expect(moved('<p>Il [dit «] vote ^serré ».</p>')).toBe('<p>Il vote {dit «}serré ».</p>');
    expect(moved('<p>Un vote [de l’] ici ^Europe.</p>')).toBe('<p>Un vote ici {de l’}Europe.</p>');
    // At a block's start or end, nor across a line break.
    expect(moved('<p>^Un [très] vote.</p>')).toBe('<p>{très} Un vote.</p>');
    expect(moved('<p>Un [très] vote</p><p>La fin^</p>')).toBe('<p>Un vote</p><p>La fin {très}</p>');
    expect(moved('<p>Un [très] vote<br>^la fin.</p>')).toBe('<p>Un vote<br>{très} la fin.</p>');
    // No French no-break space before a colon: the export's.
    expect(moved('<p>Un [vote] ici^: oui.</p>')).toBe('<p>Un ici {vote}: oui.</p>');
  });

  it('puts a space after sentence punctuation they land against, as after a word', () => {
    // « ici.serré » was left.
    expect(moved('<p>Un [serré] vote ici.^Puis la fin.</p>')).toBe(
      '<p>Un vote ici. {serré} Puis la fin.</p>',
    );
    expect(moved('<p>Un [serré] vote ici.^ Puis la fin.</p>')).toBe(
      '<p>Un vote ici. {serré} Puis la fin.</p>',
    );
    for (const mark of [',', ';', ':', '!', '?', '»', ')', '”', '…']) {
      expect(moved(`<p>Un [serré] vote ici${mark}^ fin.</p>`)).toBe(
        `<p>Un vote ici${mark} {serré} fin.</p>`,
      );
    }
    // In another text node (after a bold word's full stop), outside their bold.
    expect(moved('<p>Un <em>[serré]</em> vote <strong>ici.</strong>^ fin.</p>')).toBe(
      '<p>Un vote <strong>ici. </strong><em>{serré</em>} fin.</p>',
    );
  });

  it('puts no second space after punctuation, nor one before closing or after opening punctuation', () => {
    // A space or no-break space of theirs already there.
    expect(moved('<p>Un vote[ serré] ici.^</p><p>Fin</p>')).toBe(
      '<p>Un vote ici.{ serré}</p><p>Fin</p>',
    );
    // (a no-break space of theirs is a plain one once cleaned as a paste cleans it).
    expect(moved('<p>Un vote[\u00a0serré] ici.^</p>')).toBe('<p>Un vote ici.{ serré}</p>');
    // One of the text's where they land.
    expect(moved('<p>Un [serré] vote oui\u00a0!\u00a0^fin.</p>')).toBe(
      '<p>Un vote oui&nbsp;!&nbsp;{serré} fin.</p>',
    );
    expect(moved('<p>Un [serré] vote «\u00a0^ici\u00a0».</p>')).toBe(
      '<p>Un vote «&nbsp;{serré} ici&nbsp;».</p>',
    );
    // Their own closing punctuation after one: none between.
    expect(moved('<p>Un vote[, serré] ici)^ fin.</p>')).toBe('<p>Un vote ici){, serré} fin.</p>');
    // After an opening « or (: none, as before.
    expect(moved('<p>Un [serré] vote («^ici»).</p>')).toBe('<p>Un vote («{serré} ici»).</p>');
    // At a block's start, after a full stop at the end of the block before: none.
    expect(moved('<p>Un [serré] vote.</p><p>^Ici.</p>')).toBe('<p>Un vote.</p><p>{serré} Ici.</p>');
  });

  it('puts a space before an opening « or ( they land against, as before a word', () => {
    // « a dit serré« oui » » was left.
    expect(moved('<p>Un [serré] vote a dit^« oui ».</p>')).toBe(
      '<p>Un vote a dit {serré} « oui ».</p>',
    );
    expect(moved('<p>Un [serré] vote ^(ici).</p>')).toBe('<p>Un vote {serré} (ici).</p>');
    expect(moved('<p>Un [serré] vote ^“ici”.</p>')).toBe('<p>Un vote {serré} “ici”.</p>');
    // Their own closing punctuation, then the opening one: a space between.
    expect(moved('<p>Un [serré.] vote ^(ici).</p>')).toBe('<p>Un vote {serré.} (ici).</p>');
    // Their own opening « last: none after it.
    expect(moved('<p>Il [dit «] vote ^(ici).</p>')).toBe('<p>Il vote {dit «}(ici).</p>');
  });

  it('puts the words as they are inside a word or a number, as Word', () => {
    // « inter|national »: spaced on both sides before.
    expect(moved('<p>Un [très] vote inter^national.</p>')).toBe(
      '<p>Un vote inter{très}national.</p>',
    );
    // Two words glued together are one word, for Word as here.
    expect(moved('<p>Un [très] vote serré^et la fin.</p>')).toBe(
      '<p>Un vote serré{très}et la fin.</p>',
    );
    // A number's comma or colon between digits is not a sentence's.
    expect(moved('<p>Un [très] vote à 3,^5 %.</p>')).toBe('<p>Un vote à 3,{très}5 %.</p>');
    expect(moved('<p>Un [très] vote à 10^:30.</p>')).toBe('<p>Un vote à 10{très}:30.</p>');
    // Inside a bold word: put as a paste puts plain words there, out of its bold, unspaced.
    expect(moved('<p>Un [très] vote <strong>inter^national</strong>.</p>')).toBe(
      '<p>Un vote <strong>inter</strong>{très}<strong>national</strong>.</p>',
    );
  });

  it('spaces only whole words dragged, not a piece of one, as Word', () => {
    expect(moved('<p>Un vote^ très ser[ré].</p>')).toBe('<p>Un vote{ré} très ser.</p>');
    expect(moved('<p>Un [vo]te ici^.</p>')).toBe('<p>Un te ici{vo}.</p>');
    // Ending on a space or punctuation before the next word: whole.
    expect(moved('<p>Un [très ]vote ici^.</p>')).toBe('<p>Un vote ici {très }.</p>');
    expect(moved('<p>Un vote[,]et ici^ oui.</p>')).toBe('<p>Un voteet ici{,} oui.</p>');
  });
});

describe('splitBlockAt', () => {
  const split = (html: string) =>
    editedAcross(html, (range, root) => splitBlockAt(deleteAcross(range, root), root));

  it('cuts the block in two of its kind, the words after in their own style', () => {
    expect(
      split('<p>Un <strong>vote [très</strong></p><p><strong>discret ]et</strong> fin</p>'),
    ).toBe('<p>Un <strong>vote </strong></p><p><strong>|et</strong> fin</p>');
    expect(split('<ul><li>Un [a</li><li>b]c</li></ul>')).toBe('<ul><li>Un </li><li>|c</li></ul>');
    // A part with no words holds a <br>.
    expect(split('<p>[Un</p><p>b]c</p>')).toBe('<p><br></p><p>|c</p>');
  });
});

describe('spansBlocks', () => {
  it('says whether a selection goes from one paragraph or entry into another', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Un <strong>vote</strong></p><ul><li>A</li></ul>';
    const range = document.createRange();
    range.setStart(root.querySelector('p')!.firstChild!, 1);
    range.setEnd(root.querySelector('strong')!.firstChild!, 2);
    expect(spansBlocks(range, root)).toBe(false);
    range.setEnd(root.querySelector('li')!.firstChild!, 1);
    expect(spansBlocks(range, root)).toBe(true);
  });
});

describe('paragraphAround', () => {
  /** `root` holding `html`, the caret after the `offset`th character of its text node `text`. */
  function caretIn(html: string, text: string, offset: number) {
    const root = document.createElement('div');
    root.innerHTML = html;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && node.nodeValue !== text) node = walker.nextNode();
    const caret = document.createRange();
    caret.setStart(node!, offset);
    return { root, caret, node: node! };
  }

  it('puts the words typed right in the editor (Firefox, after Ctrl+A) in a paragraph, the caret kept, and typesets them then', () => {
    const { root, caret, node } = caretIn("C'", "C'", 2);

    const kept = paragraphAround(caret, root)!;

    expect(root.innerHTML).toBe("<p>C'</p>");
    expect([kept.startContainer, kept.startOffset]).toEqual([node, 2]);
    typedFrench(kept, root, 'fr');
    expect(root.innerHTML).toBe('<p>C’</p>');
  });

  it('takes the words and styles out of any block around the caret, not the paragraphs beside them', () => {
    const { root, caret } = caretIn(
      '<p>Avant.</p>Un <strong>deux</strong> trois<br><p>Après.</p>',
      ' trois',
      3,
    );

    paragraphAround(caret, root);

    expect(root.innerHTML).toBe(
      '<p>Avant.</p><p>Un <strong>deux</strong> trois<br></p><p>Après.</p>',
    );
  });

  it('makes an empty paragraph in a text Firefox emptied (Ctrl+A, Suppr), the caret in it, which a list then makes an entry of', () => {
    const root = document.createElement('div');
    const caret = document.createRange();
    caret.setStart(root, 0);

    const kept = paragraphAround(caret, root)!;

    expect(root.innerHTML).toBe('<p><br></p>');
    expect([kept.startContainer, kept.startOffset]).toEqual([root.firstChild, 0]);
    toggleList(kept, root, 'ul');
    expect(root.innerHTML).toBe('<ul><li><br></li></ul>');
  });

  it('wraps the words the caret is right in the editor beside, the caret kept between the same two nodes', () => {
    const root = document.createElement('div');
    root.innerHTML = 'Un<br>';
    const caret = document.createRange();
    caret.setStart(root, 1);

    const kept = paragraphAround(caret, root)!;

    expect(root.innerHTML).toBe('<p>Un<br></p>');
    expect([kept.startContainer, kept.startOffset]).toEqual([root.firstChild, 1]);
  });

  it('changes nothing when the caret is right in the editor between two paragraphs', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Un</p><p>Deux</p>';
    const caret = document.createRange();
    caret.setStart(root, 1);

    expect(paragraphAround(caret, root)).toBeNull();
    expect(root.innerHTML).toBe('<p>Un</p><p>Deux</p>');
  });

  it('changes nothing when the caret is in a paragraph already', () => {
    const { root, caret } = caretIn('<p>Un <em>deux</em></p>', 'deux', 1);

    expect(paragraphAround(caret, root)).toBeNull();
    expect(root.innerHTML).toBe('<p>Un <em>deux</em></p>');
  });
});

describe('typedFrench', () => {
  /** `html` after the keystroke typed before `[]`, the caret `|` after it; as it was if none. */
  const typedIn = (html: string, lang = 'fr') =>
    editedAcross(html, (caret, root) => typedFrench(caret, root, lang) ?? caret);

  it('makes the space typed before ? ! ; narrow no-break, before : no-break, the caret kept after the sign', () => {
    expect(typedIn('<p>Le ministre part ?[]</p>')).toBe('<p>Le ministre part\u202f?|</p>');
    expect(typedIn('<p>Il a dit :[] oui</p>')).toBe('<p>Il a dit&nbsp;:| oui</p>');
    // Through the bold the word before it is in, and on the line the caret is on.
    expect(typedIn('<p>Un <strong>vote</strong> !<br>Non ![]</p>')).toBe(
      '<p>Un <strong>vote</strong> !<br>Non\u202f!|</p>',
    );
    expect(typedIn('<p>Il a dit <a href="https://a.fr">ceci</a> ;[]</p>')).toBe(
      '<p>Il a dit <a href="https://a.fr">ceci</a>\u202f;|</p>',
    );
  });

  it('puts a no-break space inside « », and makes an apostrophe ’', () => {
    expect(typedIn('<p>Il a dit « o[]</p>')).toBe('<p>Il a dit «&nbsp;o|</p>');
    expect(typedIn('<p>Il a dit «o[]</p>')).toBe('<p>Il a dit «&nbsp;o|</p>');
    expect(typedIn('<p>«\u00a0<em>oui</em>»[]</p>')).toBe('<p>«&nbsp;<em>oui</em>&nbsp;»|</p>');
    expect(typedIn("<p>Le ministre d'[]</p>")).toBe('<p>Le ministre d’|</p>');
  });

  it('leaves a URL, a quote in another language and an English text as typed', () => {
    expect(typedIn("<p>Voir https://example.fr/l'[]</p>")).toBe(
      "<p>Voir https://example.fr/l'|</p>",
    );
    expect(typedIn('<p>« <span lang="en">Why it matters :[]</span></p>')).toBe(
      '<p>« <span lang="en">Why it matters :|</span></p>',
    );
    expect(typedIn("<p>The minister's ?[]</p>", 'en')).toBe("<p>The minister's ?|</p>");
    // French words marked so in an English text are typeset.
    expect(typedIn('<p>He said <span lang="fr">quoi ?[]</span></p>', 'en')).toBe(
      '<p>He said <span lang="fr">quoi\u202f?|</span></p>',
    );
  });

  it('leaves code pasted into the text (marked in no language) as typed', () => {
    expect(typedIn('<p>Tapez <span lang="zxx">a ?[]</span></p>')).toBe(
      '<p>Tapez <span lang="zxx">a ?|</span></p>',
    );
    expect(typedIn('<p>Tapez <span lang="zxx">l\'[]</span></p>')).toBe(
      '<p>Tapez <span lang="zxx">l\'|</span></p>',
    );
  });

  it('changes nothing when only asked whether it would', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>part ?</p>';
    const caret = document.createRange();
    caret.setStart(root.firstChild!.firstChild!, 6);
    expect(typedFrench(caret, root, 'fr', false)).not.toBeNull();
    expect(root.innerHTML).toBe('<p>part ?</p>');
  });
});

describe('cleanItemHtml and the no-break spaces of French typography', () => {
  const typed = '<p>Il a dit\u00a0: «\u00a0oui\u00a0» ; quoi\u202f?\u00a0Non.\u00a0</p>';

  it('keeps those typed before : ; ! ? » and after «, and makes the others plain spaces', () => {
    expect(cleanItemHtml(typed, document, { typed: true })).toBe(
      '<p>Il a dit&nbsp;: «&nbsp;oui&nbsp;» ; quoi\u202f? Non. </p>',
    );
  });

  it('keeps none in a paste or any text from elsewhere, which the exports typeset', () => {
    expect(cleanItemHtml(typed)).toBe('<p>Il a dit : « oui » ; quoi\u202f? Non. </p>');
    expect(cleanPastedHtml('<p>Il a dit\u00a0: «\u00a0oui\u00a0»</p>', 'fr')).toBe(
      '<p>Il a dit : « oui »</p>',
    );
  });
});

describe('countText', () => {
  it('counts words as a word processor does, not the marks French typography spaces apart', () => {
    // « Il a dit : « oui » ! » is four words, whether its spaces are plain (as typed or
    // stored) or no-break (as French typography puts them, which Word never splits a word at).
    expect(countText('Il a dit : « oui » !')).toEqual({ words: 4, chars: 20 });
    expect(countText('Il a dit\u00a0: «\u00a0oui\u00a0»\u202f!')).toEqual({ words: 4, chars: 20 });
    // A dash between two asides, a per cent sign: marks, not words; a number is one.
    expect(countText('Le ministre — dit-on — a pris 5 % de l’État.').words).toBe(8);
  });
});
