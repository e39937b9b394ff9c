import { describe, expect, it } from 'vitest';
import { captureSelection, sanitizePassageHtml } from '../../../capture/selection';
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

describe('sanitizePassageHtml', () => {
  const doc = makeWindow(
    '<html><head><base href="https://example.com/dir/page.html"></head></html>',
  ).document;

  it('removes scripts, styles, event handlers and inline styles', () => {
    const html = sanitizePassageHtml(
      '<p style="color:red" onclick="x()">Hi <script>alert(1)</script><style>p{}</style><img src=x onerror="y()">there</p>',
      doc,
    );
    expect(html).toBe('<p>Hi there</p>');
  });

  it('keeps the allow-listed elements and unwraps the others', () => {
    const html = sanitizePassageHtml(
      '<div><h2>Title</h2><blockquote><p><em>a</em> <b>b</b> <i>c</i> <q>d</q> <cite>e</cite> <code>f</code> H<sub>2</sub>O x<sup>2</sup></p></blockquote><ul><li>one</li></ul><ol><li>two</li></ol><span class="x">span</span><br></div>',
      doc,
    );
    expect(html).toBe(
      'Title<blockquote><p><em>a</em> <b>b</b> <i>c</i> <q>d</q> <cite>e</cite> <code>f</code> H<sub>2</sub>O x<sup>2</sup></p></blockquote><ul><li>one</li></ul><ol><li>two</li></ol>span<br>',
    );
  });

  it('makes relative links absolute against the base URL and keeps only href', () => {
    const html = sanitizePassageHtml(
      '<a href="../other.html#x" title="t" target="_blank" rel="nofollow">link</a>',
      doc,
    );
    expect(html).toBe('<a href="https://example.com/other.html#x">link</a>');
  });

  it('removes tracking parameters from links', () => {
    expect(sanitizePassageHtml('<a href="https://a.example/?id=1&utm_source=x">l</a>', doc)).toBe(
      '<a href="https://a.example/?id=1">l</a>',
    );
  });

  it('drops javascript: and data: links, keeping their text', () => {
    expect(
      sanitizePassageHtml(
        '<a href="javascript:alert(1)">click</a> and <a href="data:text/html,x">data</a>',
        doc,
      ),
    ).toBe('click and data');
    expect(sanitizePassageHtml('<a href=" JaVaScRiPt:alert(1)">click</a>', doc)).toBe('click');
  });

  it('keeps mailto: links', () => {
    expect(sanitizePassageHtml('<a href="mailto:desk@example.com">write</a>', doc)).toBe(
      '<a href="mailto:desk@example.com">write</a>',
    );
  });

  it('collapses whitespace', () => {
    expect(
      sanitizePassageHtml('<p>\n  a\n   b  </p>\n  <ul>\n <li> c <em>d</em> </li>\n</ul>', doc),
    ).toBe('<p>a b</p><ul><li>c <em>d</em></li></ul>');
  });
});

describe('captureSelection', () => {
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

  it('keeps the link around a selection made inside it', () => {
    const win = makeWindow(ARTICLE);
    const text = win.document.querySelector('#one a')!.firstChild!;
    const range = win.document.createRange();
    range.setStart(text, 2);
    range.setEnd(text, 6);
    win.getSelection()!.addRange(range);
    expect(captureSelection(win)).toEqual({
      text: 'link',
      html: '<a href="https://news.example.com/other.html">link</a>',
    });
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
