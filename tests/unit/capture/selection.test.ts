import { describe, expect, it } from 'vitest';
import { MAX_QUOTE_CHARS, MAX_QUOTE_RANGES } from '../../../capture/bounds';
import {
  captureSelection as readSelection,
  readRanges as readInPage,
} from '../../../capture/selection';
import { toSelectedPassage } from '../../../services/passage';

/** The selection as the background stores it: the page's tree made into text and HTML. */
function captureSelection(win: Window) {
  const passage = readSelection(win);
  return passage && toSelectedPassage(passage);
}

function readRanges(ranges: Range[], base: string) {
  const passage = readInPage(ranges, base);
  return passage && toSelectedPassage(passage);
}
import { makeWindow } from './dom';

const ARTICLE = `<!doctype html><html><head><base href="https://news.example.com/section/"></head><body>
  <article>
    <p id="one">First   paragraph with <a href="../other.html?utm_source=x" onclick="steal()" style="color:red">a link</a>.</p>
    <script>alert('no')</script>
    <p id="two">Second <strong class="big">paragraph</strong>.</p>
    <p id="blank">   </p>
  </article>
</body></html>`;

/** Selects from the start of `startId`'s content to the end of `endId`'s content. */
function select(win: Window, startId: string, endId = startId): void {
  const doc = win.document;
  const range = doc.createRange();
  range.setStart(doc.getElementById(startId)!, 0);
  const end = doc.getElementById(endId)!;
  range.setEnd(end, end.childNodes.length);
  const selection = win.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

/** Selects the whole body of a page holding `body`, and returns the passage's HTML. */
function htmlOf(body: string, base = 'https://example.com/dir/page.html'): string | undefined {
  const win = makeWindow(
    `<!doctype html><html><head><base href="${base}"></head><body>${body}</body></html>`,
  );
  const range = win.document.createRange();
  range.selectNodeContents(win.document.body);
  win.getSelection()!.addRange(range);
  return captureSelection(win)?.html;
}

describe('captureSelection: the tree of allowed nodes, written as HTML by services/passage', () => {
  it('leaves out scripts, styles, event handlers, inline styles and images', () => {
    expect(
      htmlOf(
        '<p style="color:red" onclick="x()">Hi <script>alert(1)</script><style>p{}</style><img src=x onerror="y()">there</p>',
      ),
    ).toBe('<p>Hi there</p>');
  });

  it('keeps the allowed elements, makes page blocks paragraphs and unwraps the rest', () => {
    expect(
      htmlOf(
        '<div><h2>Title</h2><blockquote><p><em>a</em> <b>b</b> <i>c</i> <q>d</q> <cite>e</cite> <code>f</code> H<sub>2</sub>O x<sup>2</sup></p></blockquote><ul><li>one</li></ul><ol><li>two</li></ol><span class="x">span</span><br></div>',
      ),
    ).toBe(
      '<p>Title</p><blockquote><p><em>a</em> <b>b</b> <i>c</i> <q>d</q> <cite>e</cite> <code>f</code> H<sub>2</sub>O x<sup>2</sup></p></blockquote><ul><li>one</li></ul><ol><li>two</li></ol>span<br>',
    );
  });

  it('makes relative links absolute against the base URL and keeps only href', () => {
    expect(
      htmlOf('<a href="../other.html#x" title="t" target="_blank" rel="nofollow">link</a>'),
    ).toBe('<a href="https://example.com/other.html#x">link</a>');
  });

  it('removes tracking parameters from links', () => {
    expect(htmlOf('<a href="https://a.example/?id=1&utm_source=x">l</a>')).toBe(
      '<a href="https://a.example/?id=1">l</a>',
    );
  });

  it('keeps only http(s) links: javascript:, data: and mailto: links keep their text', () => {
    expect(
      htmlOf(
        '<a href="javascript:alert(1)">click</a> and <a href="data:text/html,x">data</a> or <a href=" JaVaScRiPt:alert(1)">this</a> <a href="mailto:desk@example.com">write</a>',
      ),
    ).toBe('click and data or this write');
  });

  it('escapes markup-looking text instead of passing it on', () => {
    expect(htmlOf('<p>&lt;img src=x onerror=alert(1)&gt; &amp; "quotes"</p>')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</p>',
    );
  });

  it('collapses whitespace', () => {
    expect(htmlOf('<p>\n  a\n   b  </p>\n  <ul>\n <li> c <em>d</em> </li>\n</ul>')).toBe(
      '<p>a b</p><ul><li>c <em>d</em></li></ul>',
    );
  });
});

describe('captureSelection: bounds', () => {
  it('cuts a quote longer than MAX_QUOTE_CHARS at a word, ends it with […] and says so', () => {
    const words = 'mot '.repeat(MAX_QUOTE_CHARS / 2);
    const win = makeWindow(`<p id="long">${words}</p><p>after</p>`);
    select(win, 'long');
    const passage = captureSelection(win)!;
    expect(passage.truncated).toBe(true);
    expect(passage.text.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
    expect(passage.text.endsWith('mot […]')).toBe(true);
    expect(passage.html.endsWith('mot […]')).toBe(true);
  });

  it('keeps a passage within the limit whole, without the mark', () => {
    const win = makeWindow('<p id="short">Un passage court.</p>');
    select(win, 'short');
    expect(captureSelection(win)).toEqual({ text: 'Un passage court.', html: 'Un passage court.' });
  });

  it('keeps at most MAX_QUOTE_RANGES ranges of a multi-range selection', () => {
    const paragraphs = Array.from({ length: MAX_QUOTE_RANGES + 5 }, (_, i) => `<p>p${i}</p>`);
    const win = makeWindow(paragraphs.join(''));
    const ranges = Array.from(win.document.querySelectorAll('p'), (p) => {
      const range = win.document.createRange();
      range.selectNodeContents(p);
      return range;
    });
    const passage = readRanges(ranges, 'https://example.com/')!;
    expect(passage.truncated).toBe(true);
    expect(passage.text.split('\n\n')).toHaveLength(MAX_QUOTE_RANGES + 1);
    expect(passage.text.endsWith('p19\n\n[…]')).toBe(true);
  });

  it('keeps a table selected cell by cell (as Firefox selects one dragged over) whole', () => {
    const rows = Array.from(
      { length: 6 },
      (_, r) => `<tr>${Array.from({ length: 4 }, (_, c) => `<td>r${r}c${c}</td>`).join('')}</tr>`,
    );
    const win = makeWindow(`<table>${rows.join('')}</table>`);
    // Firefox's ranges: each around one cell, in its row.
    const ranges = Array.from(win.document.querySelectorAll('td'), (td) => {
      const range = win.document.createRange();
      range.selectNode(td);
      return range;
    });

    const passage = readRanges(ranges, 'https://example.com/')!;

    // 24 ranges, more than MAX_QUOTE_RANGES: cells are counted apart.
    expect(passage.truncated).toBeUndefined();
    expect(passage.text.split('\n\n')).toHaveLength(24);
    expect(passage.text.endsWith('r5c3')).toBe(true);
  });

  it('keeps the list around items selected from one to another', () => {
    const win = makeWindow('<ol><li id="a">Un</li><li>Deux</li><li id="c">Trois</li></ol>');
    const range = win.document.createRange();
    range.setStart(win.document.getElementById('a')!.firstChild!, 0);
    range.setEnd(win.document.getElementById('c')!.firstChild!, 5);

    expect(readRanges([range], 'https://example.com/')?.html).toBe(
      '<ol><li>Un</li><li>Deux</li><li>Trois</li></ol>',
    );
  });

  it('does not number items selected from the middle of a numbered list anew', () => {
    // Items 2 and 3 in an <ol> of their own would read 1 and 2: they are kept as items.
    const win = makeWindow('<ol><li>Un</li><li id="b">Deux</li><li id="c">Trois</li></ol>');
    const range = win.document.createRange();
    range.setStart(win.document.getElementById('b')!.firstChild!, 0);
    range.setEnd(win.document.getElementById('c')!.firstChild!, 5);

    expect(readRanges([range], 'https://example.com/')?.html).not.toMatch(/<ol>/);
  });

  it('keeps the lines of a <pre> (a poem, a statement), whole or in part', () => {
    const win = makeWindow('<pre id="p">Vers   un\nVers <em>deux</em>\nVers trois\n</pre>');
    const pre = win.document.getElementById('p')!;
    const whole = win.document.createRange();
    whole.selectNodeContents(pre);
    const part = win.document.createRange();
    part.setStart(pre.firstChild!, 7);
    part.setEnd(pre.firstChild!, 14);

    expect(readRanges([whole], 'https://example.com/')).toEqual({
      text: 'Vers un\nVers deux\nVers trois',
      html: 'Vers un<br>Vers <em>deux</em><br>Vers trois',
    });
    expect(readRanges([part], 'https://example.com/')?.text).toBe('un\nVers');
  });

  it('reads a page nested deeper than it follows elements as text, without throwing', () => {
    const depth = 600;
    const win = makeWindow(`${'<span>'.repeat(depth)}deep text${'</span>'.repeat(depth)}`);
    const range = win.document.createRange();
    range.selectNodeContents(win.document.body);
    win.getSelection()!.addRange(range);
    expect(captureSelection(win)?.text).toBe('deep text');
  });
});

describe('captureSelection', () => {
  /** GitHub's file view: lines drawn apart, the selection in the read-only text area over them. */
  const codeView = (id = 'read-only-cursor-text-area') =>
    makeWindow(
      `<section><div class="react-code-lines" aria-hidden="true"><div class="react-file-line">def double(x):</div><div class="react-file-line">    return x * 2</div></div>` +
        `<textarea id="${id}" aria-label="file content" readonly>def double(x):\n    return x * 2\n\n# fin d'exemple\n</textarea></section>`,
    );
  const selectInArea = (win: Window, start: number, end: number) => {
    const area = win.document.querySelector('textarea')!;
    area.focus();
    area.setSelectionRange(start, end);
  };

  it('reads the code selected in GitHub’s file view as code, its lines line breaks', () => {
    const win = codeView();
    selectInArea(win, 0, 48);
    expect(captureSelection(win)).toEqual({
      text: "def double(x):\nreturn x * 2\n\n# fin d'exemple",
      html: '<code>def double(x):<br> return x * 2<br><br># fin d&#39;exemple</code>',
    });
    // A part of a line.
    selectInArea(win, 4, 10);
    expect(captureSelection(win)?.html).toBe('<code>double</code>');
  });

  it('reads a selection in another text area as before: not code', () => {
    const win = codeView('comment');
    selectInArea(win, 0, 14);
    expect(captureSelection(win)).toBeUndefined();
  });

  it('reads the page’s selection when GitHub’s text area holds none', () => {
    const win = codeView();
    selectInArea(win, 3, 3);
    const range = win.document.createRange();
    range.selectNodeContents(win.document.querySelector('.react-file-line')!);
    win.getSelection()!.removeAllRanges();
    win.getSelection()!.addRange(range);
    expect(captureSelection(win)?.html).toBe('def double(x):');
  });

  it('returns undefined when nothing is selected', () => {
    const win = makeWindow(ARTICLE);
    expect(captureSelection(win)).toBeUndefined();
    const range = win.document.createRange();
    range.setStart(win.document.getElementById('one')!, 0);
    win.getSelection()!.addRange(range);
    expect(captureSelection(win)).toBeUndefined();
  });

  it('returns undefined for a whitespace-only selection', () => {
    const win = makeWindow(ARTICLE);
    select(win, 'blank');
    expect(captureSelection(win)).toBeUndefined();
  });

  it('returns the text with paragraph breaks, and sanitised HTML with absolute links', () => {
    const win = makeWindow(ARTICLE);
    select(win, 'one', 'two');
    const passage = captureSelection(win);
    expect(passage?.text).toBe('First paragraph with a link.\n\nSecond paragraph.');
    expect(passage?.html).toBe(
      '<p>First paragraph with <a href="https://news.example.com/other.html">a link</a>.</p><p>Second <strong>paragraph</strong>.</p>',
    );
  });

  it('leaves out the calls of the page’s own notes, Wikipedia’s [1] and a blog’s superscript', () => {
    const win = makeWindow(
      '<!doctype html><html><body><p id="khan">Lina Khan est née à Londres' +
        '<sup class="reference"><a href="#cite_note-1"><span class="cite-bracket">[</span>1' +
        '<span class="cite-bracket">]</span></a></sup>, en 1989<sup><a href="#cite_note-b">[n 2]</a></sup>' +
        '<sup><a href="#fn3">3</a></sup> (<a href="#carriere">voir sa carrière</a>).</p></body></html>',
      'https://fr.wikipedia.org/wiki/Lina_Khan',
    );
    select(win, 'khan');

    const passage = captureSelection(win)!;

    // The text too: the browser's own text of the selection still holds the calls.
    expect(passage.text).toBe('Lina Khan est née à Londres, en 1989 (voir sa carrière).');
    // A link within the page that is not a note call stays a link.
    expect(passage.html).toBe(
      'Lina Khan est née à Londres, en 1989 (<a href="https://fr.wikipedia.org/wiki/Lina_Khan#carriere">voir sa carrière</a>).',
    );
  });

  it('keeps the link around a selection made inside it', () => {
    const win = makeWindow(ARTICLE);
    const text = win.document.querySelector('#one a')!.firstChild!;
    const range = win.document.createRange();
    range.setStart(text, 2);
    range.setEnd(text, 6);
    win.getSelection()!.addRange(range);
    const passage = captureSelection(win)!;
    expect(passage.text).toBe('link');
    expect(passage.html).toBe('<a href="https://news.example.com/other.html">link</a>');
  });

  it('leaves the page untouched', () => {
    const win = makeWindow(ARTICLE);
    const before = win.document.body.innerHTML;
    select(win, 'one', 'two');
    captureSelection(win);
    expect(win.document.body.innerHTML).toBe(before);
    expect(win.getSelection()?.toString()).toContain('Second');
  });
});

describe('captureSelection: the languages the page marks', () => {
  /** Selects the whole body of a French page holding `body`; the passage as a French clip stores it. */
  function frenchHtmlOf(body: string, pageLang = 'fr'): string | undefined {
    const win = makeWindow(`<!doctype html><html lang="${pageLang}"><body>${body}</body></html>`);
    const range = win.document.createRange();
    range.selectNodeContents(win.document.body);
    win.getSelection()!.addRange(range);
    const passage = readSelection(win);
    return passage && toSelectedPassage(passage, pageLang)?.html;
  }

  it('keeps English words quoted in a French page as a span with their language', () => {
    expect(
      frenchHtmlOf(
        '<p>Selon Axios, « <span lang="en">Why it matters: the deal</span> », dit-il.</p>',
      ),
    ).toBe('<p>Selon Axios, « <span lang="en">Why it matters: the deal</span> », dit-il.</p>');
  });

  it('keeps the language on an allowed element, and on a page block made a paragraph', () => {
    expect(
      frenchHtmlOf(
        '<blockquote lang="en-GB"><p>Keep calm.</p></blockquote><div lang="de">Guten Tag.</div><p><em lang="it">ciao</em></p>',
      ),
    ).toBe(
      '<blockquote lang="en-GB"><p>Keep calm.</p></blockquote><p lang="de">Guten Tag.</p><p><em lang="it">ciao</em></p>',
    );
  });

  it('drops a language that is the page’s own or the one around, and one that is no tag', () => {
    expect(
      frenchHtmlOf(
        '<div lang="fr-FR"><p>Bonjour <span lang="fr">à tous</span>.</p></div><p lang="en">Hi <span lang="en-US">you</span> <span lang="not a tag">there</span> <span lang="">all</span>.</p>',
      ),
    ).toBe('<p>Bonjour à tous.</p><p lang="en">Hi you there all.</p>');
  });

  it('keeps the language of a link, and of loose text beside blocks', () => {
    expect(
      frenchHtmlOf(
        '<p>Voir <a href="https://example.com/" lang="en">the report</a>.</p><div lang="en">Intro<p>Body.</p></div>',
      ),
    ).toBe(
      '<p>Voir <a href="https://example.com/" lang="en">the report</a>.</p><span lang="en">Intro</span><p lang="en">Body.</p>',
    );
  });

  it('reads lang="" (a language unknown) as no language, in a whole selection and inside one', () => {
    expect(frenchHtmlOf('<p lang="en">Hi <span lang="">you</span>.</p>')).toBe(
      '<p lang="en">Hi you.</p>',
    );
    const win = makeWindow(
      '<!doctype html><html lang="fr"><body><p lang="en" id="q">Hi <span lang="">you</span>.</p></body></html>',
    );
    const words = win.document.querySelector('#q span')!.firstChild!;
    const range = win.document.createRange();
    range.selectNodeContents(words);
    win.getSelection()!.addRange(range);
    expect(toSelectedPassage(readSelection(win)!, 'fr')?.html).toBe('<span lang="en">you</span>');
  });

  it('marks words selected inside a span of another language with it', () => {
    const win = makeWindow(
      '<!doctype html><html lang="fr"><body><p id="q">Selon Axios, « <span lang="en">Why it matters</span> ».</p></body></html>',
    );
    const words = win.document.querySelector('#q span')!.firstChild!;
    const range = win.document.createRange();
    range.setStart(words, 4);
    range.setEnd(words, 14);
    win.getSelection()!.addRange(range);
    const passage = readSelection(win)!;
    expect(toSelectedPassage(passage, 'fr')).toEqual({
      text: 'it matters',
      html: '<span lang="en">it matters</span>',
    });
    // The same words read in an English page need no mark.
    expect(toSelectedPassage(passage, 'en')?.html).toBe('it matters');
  });

  it('writes no span that a page sends without a valid language', () => {
    expect(
      toSelectedPassage({
        nodes: [
          { tag: 'span', children: ['plain'] },
          ' ',
          { tag: 'span', lang: 'en" onclick="x', children: ['quoted'] },
          ' ',
          { tag: 'p', lang: '<b>', children: ['para'] },
        ],
      })?.html,
    ).toBe('plain quoted<p>para</p>');
  });
});
