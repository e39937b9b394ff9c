import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';
import { CODE_ELEMENTS, NO_LANGUAGE, languageTag } from './lang';

/**
 * The project's one HTML cleaner: DOMPurify, with the house's rules for links. Used where HTML
 * from outside enters the drafts, in extension pages (they have a DOM; the background has
 * none): HTML typed or pasted into an item (`cleanItemHtml` in storage/item-html.ts, its lists
 * made one level deep by {@link flattenLists}; a restored item's text too), and the other
 * rich-text fields of a backup being restored ({@link cleanStoredHtml}). Neither parses a `style`
 * or event handler attribute (see {@link disarmAttributes}).
 */

/** A purifier per window: DOMPurify sets one up for a window, which is worth doing once. */
const purifiers = new WeakMap<Window, Purifier>();

function purifierFor(doc: Document): Purifier {
  const view = (doc.defaultView ?? window) as Window & typeof globalThis;
  let purifier = purifiers.get(view);
  if (!purifier) {
    purifier = DOMPurify(view);
    purifiers.set(view, purifier);
  }
  return purifier;
}

/**
 * `root` cleaned to the elements `tags` and the attributes `attributes`: `href` is kept only to
 * an http(s) or mailto address (the caller checks the values of any other); every other element
 * is reduced to its content, except what a reader never sees (`script`, `style`…), which goes
 * with its content. A link that lost its href (a `javascript:` one) is its text.
 */
export function purifyHtml(
  root: Node,
  tags: readonly string[],
  doc: Document,
  attributes: readonly string[] = ['href'],
): DocumentFragment {
  const clean = purifierFor(doc).sanitize(root, {
    ALLOWED_TAGS: [...tags],
    ALLOWED_ATTR: [...attributes],
    // DOMPurify keeps data-* and aria-* attributes unless told not to: pasted from a web page
    // (`data-pm-slice`, `aria-hidden`…), they would be stored.
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    // DOMPurify holds any other attribute's value to the address pattern too (a `lang="en"`
    // would go): their values are not addresses, and the caller checks them.
    ADD_URI_SAFE_ATTR: attributes.filter((name) => name !== 'href'),
    KEEP_CONTENT: true,
    RETURN_DOM_FRAGMENT: true,
  }) as DocumentFragment;
  clean.querySelectorAll('a:not([href])').forEach((a) => a.replaceWith(...a.childNodes));
  return clean;
}

/**
 * The code of `root` (a command, an address's path, a snippet a page shows in `<code>`, `<kbd>`
 * or `<pre>`, as GitHub's pages do) marked as words in no language, `<span lang="zxx">`, before
 * it is cleaned: an item's text has no element for code (the house voice, and every export,
 * are paragraphs, bold, italic and links), and, reduced to its text, it was typeset as French
 * prose by the exports (`a : b`, `l’id`, « x » for "x", `…` for `...`). French typography
 * leaves a span in another language as written, the exports' and the editor's as it types
 * alike; every export keeps it as text (HTML and WordPress say its language). A `<pre>` is a
 * block of its own, a paragraph, its lines kept as line breaks and its spaces as written (see
 * {@link preText}). New elements are made in `inert`, the document `root` was parsed in.
 */
export function markCode(root: DocumentFragment, inert: Document): void {
  codeLinesAsPre(root, inert);
  root.querySelectorAll('pre').forEach((pre) => {
    const walker = inert.createTreeWalker(pre, 4 /* NodeFilter.SHOW_TEXT */);
    const texts: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
    // Read across the texts of the block (a highlighted snippet is a span per word).
    const line = { column: 0, afterSpace: true };
    for (const text of texts) {
      // Each new line a line break, as the page showed it: as text, it would be a space.
      const lines = text.data.split(/\r\n?|\n/).map((written, i) => {
        if (i > 0) Object.assign(line, { column: 0, afterSpace: true });
        return preText(written, line);
      });
      if (lines.length === 1) {
        if (lines[0] !== text.data) text.data = lines[0]!;
        continue;
      }
      text.replaceWith(
        ...lines.flatMap((words, i) => [
          ...(i > 0 ? [inert.createElement('br')] : []),
          ...(words ? [inert.createTextNode(words)] : []),
        ]),
      );
    }
  });
  // The innermost first: the code inside code (GitHub's `<pre><code>`) is marked, then the code
  // around it, whose span the cleaning makes one (a span in a span of its language goes).
  Array.from(root.querySelectorAll(CODE_ELEMENTS.join(', ')))
    .reverse()
    .forEach((el) => {
      const span = inert.createElement('span');
      span.setAttribute('lang', NO_LANGUAGE);
      span.append(...Array.from(el.childNodes));
      if (el.localName === 'pre') {
        // A block (a paragraph once cleaned, as a heading or a div is), the span inside it.
        const block = inert.createElement('div');
        block.appendChild(span);
        el.replaceWith(block);
      } else {
        el.replaceWith(span);
      }
    });
}

/**
 * A line of code GitHub draws as a block of its own, not in a `<pre>`: a code table's cell (a
 * gist, a file embedded in an issue or a comment, a diff: `td.blob-code`) and a line of the file
 * view (`.react-file-line`).
 */
const CODE_LINE = '.blob-code, .react-file-line';

/**
 * Their line numbers: a table's cell (drawn from an attribute) or the file view's column; and a
 * split diff's empty side (`blob-code-empty`: no line there).
 */
const LINE_NUMBERS = '.blob-num, .react-line-numbers, .react-line-number, .blob-code-empty';

/** What holds a code's lines: a table, the file view's column, else the lines' own parent. */
const CODE_LINES = 'table, .react-code-lines';

/** A diff's line, removed, added or kept, by the class of its cell. */
const DIFF_LINES: Record<string, string> = {
  'blob-code-deletion': '-',
  'blob-code-addition': '+',
  'blob-code-context': ' ',
};

/**
 * The sign GitHub draws before a diff's line (`data-code-marker`, shown by its style, not
 * copied as text; its cell's class says it too): `-` removed, `+` added, a space kept. None for
 * other code.
 */
function diffMarker(line: Element): string {
  const written = line.closest('[data-code-marker]') ?? line.querySelector('[data-code-marker]');
  const marker = written?.getAttribute('data-code-marker');
  if (marker === '-' || marker === '+' || marker === ' ') return marker;
  for (const name of Array.from(line.classList)) if (name in DIFF_LINES) return DIFF_LINES[name]!;
  return '';
}

/**
 * GitHub's code, copied from a table's rows or the file view's lines, made the `<pre>` it shows
 * (line numbers dropped, each line's indent and words as written) so that it is marked as a
 * `<pre>` is: cleaned as any table or block, its lines were one paragraph of prose or a
 * paragraph each, their indent gone, the numbers a paragraph each. A diff's lines keep the sign
 * that tells a removed line from an added one, and a split diff's unchanged line, drawn on both
 * sides, is read once. Lines one after another are one block; words between them (a review's
 * comment in a diff) stay where they are, between two blocks.
 */
function codeLinesAsPre(root: DocumentFragment, inert: Document): void {
  root.querySelectorAll(LINE_NUMBERS).forEach((numbers) => numbers.remove());
  const runs: { holder: Node; lines: Element[] }[] = [];
  const between = inert.createRange();
  let previous: Element | undefined;
  root.querySelectorAll(CODE_LINE).forEach((line) => {
    // A line inside a line (a diff's `blob-code-inner` in its `blob-code` cell) is read with it.
    if (line.parentElement?.closest(CODE_LINE)) return;
    // A split diff's unchanged line, on the right as on the left.
    if (diffMarker(line) === ' ' && line.parentElement?.querySelector(CODE_LINE) !== line) {
      line.remove();
      return;
    }
    const holder = line.closest(CODE_LINES) ?? line.parentNode!;
    const run = runs[runs.length - 1];
    let apart = run?.holder !== holder;
    if (!apart) {
      between.setStartAfter(previous!);
      between.setEndBefore(line);
      apart = /\S/.test(between.toString());
    }
    if (apart) runs.push({ holder, lines: [line] });
    else run!.lines.push(line);
    previous = line;
  });
  const letters = (node: Node) => (node.textContent ?? '').replace(/\s/g, '').length;
  runs.forEach(({ holder, lines }) => {
    // The table goes with its lines when it holds nothing else.
    const whole =
      holder.nodeType === 1 &&
      (holder as Element).matches(CODE_LINES) &&
      letters(holder) === lines.reduce((sum, line) => sum + letters(line), 0);
    const pre = inert.createElement('pre');
    lines.forEach((line, i) => {
      // An empty line is its line break alone (drawn so, the row would have no height).
      const last = line.lastChild;
      if (last?.nodeType === 3) (last as Text).data = (last as Text).data.replace(/\r?\n$/, '');
      if (i > 0) pre.append('\n');
      pre.append(diffMarker(line), ...Array.from(line.childNodes));
    });
    if (whole) {
      (holder as Element).replaceWith(pre);
    } else {
      lines[0]!.replaceWith(pre);
      lines.slice(1).forEach((line) => line.remove());
    }
  });
}

const NBSP = '\u00a0';

/** The columns between two tab stops, as a browser shows a `<pre>` (CSS `tab-size`). */
const TAB_SIZE = 8;

/**
 * A line of a `<pre>` (or a piece of one, `line` saying where it starts) with the spaces that
 * HTML would collapse made no-break spaces: those that indent it and each space after a space
 * (the first of a run stays a space, where the line may wrap), tabs as the spaces to their tab
 * stop. The item's text has no element that keeps spaces (no `<pre>`, no style: the exports'
 * allowed markup, WordPress's paragraph blocks, Markdown's paragraphs all collapse them), but
 * a no-break space is a character every format shows as written: the snippet reads indented as
 * the page showed it in the editor, the preview and every export, where the cleaning and the
 * exports collapsed its spaces (see {@link keepCodeSpaces} for what stays of them after).
 */
function preText(written: string, line: { column: number; afterSpace: boolean }): string {
  let out = '';
  for (const char of written) {
    if (char === '\t') {
      const width = TAB_SIZE - (line.column % TAB_SIZE);
      out += (line.afterSpace ? NBSP : ' ') + NBSP.repeat(width - 1);
      line.column += width;
      line.afterSpace = true;
      continue;
    }
    const space = char === ' ' || char === NBSP;
    out += space ? (line.afterSpace ? NBSP : ' ') : char;
    line.afterSpace = space;
    line.column += 1;
  }
  return out;
}

/** Code kept in an item's text: a span of words in no language (see {@link markCode}). */
export const CODE_SPAN = `span[lang="${NO_LANGUAGE}"]`;

/**
 * The spaces of the code in `root` (cleaned) written as {@link preText} writes them, where they
 * were kept with no-break spaces: each run of spaces that holds one (an indent, a run in a
 * snippet) is a space then no-break spaces, or no-break spaces only at the start of a line, and
 * a lone one after a word is a space. Typing in the code, Chromium makes a run's spaces over as
 * it likes (« x\u00a0 » and a space for « x » and a no-break space, a no-break space at the end
 * of a line): read one by one, the space after the no-break one would be a second space, and
 * the run collapse in every export. A run of spaces alone is left as it is: a page's source
 * spaces in an inline `<code>`, which the paste collapses after (the `<pre>`'s were made
 * no-break spaces, see {@link markCode}). The prose's no-break spaces are the caller's.
 */
export function keepCodeSpaces(root: ParentNode, inert: Document): void {
  root.querySelectorAll(CODE_SPAN).forEach((span) => {
    // Code inside code was read with it.
    if (span.parentElement?.closest(CODE_SPAN)) return;
    /** The characters of each text of the span, changed in place, and the run being read. */
    const texts: { text: Text; chars: string[] }[] = [];
    let run: { chars: string[]; at: number }[] = [];
    let kept = false;
    let lineStart = true;
    let runAtLineStart = true;
    const endRun = () => {
      if (kept) {
        run.forEach(({ chars, at }, i) => {
          chars[at] = i === 0 && !runAtLineStart ? ' ' : NBSP;
        });
      }
      run = [];
      kept = false;
    };
    const walker = inert.createTreeWalker(span, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeName === 'BR') {
        endRun();
        lineStart = true;
      }
      if (node.nodeType !== 3) continue;
      const chars = [...(node as Text).data];
      texts.push({ text: node as Text, chars });
      chars.forEach((char, at) => {
        if (char === ' ' || char === NBSP) {
          if (run.length === 0) runAtLineStart = lineStart;
          run.push({ chars, at });
          kept ||= char === NBSP;
        } else {
          endRun();
          lineStart = false;
        }
      });
    }
    endRun();
    for (const { text, chars } of texts) {
      const written = chars.join('');
      if (written !== text.data) text.data = written;
    }
  });
}

/**
 * The lists of `root` (cleaned by {@link purifyHtml}) made one level deep, as an item's text
 * holds them and every export renders them: a `<ul>` or `<ol>` at the top of `root`, of `<li>`s
 * of inline text only (see {@link flattenList}). New elements are made in `inert`, the
 * document `root` was parsed in.
 */
export function flattenLists(root: DocumentFragment, inert: Document): void {
  root.querySelectorAll('ul, ol').forEach((list) => {
    // The outermost lists, each once: the lists inside are flattened with it.
    if (!list.parentElement?.closest('ul, ol')) flattenList(list, root, inert);
  });
}

/**
 * `list` made the shape the exports read as a list (see export/sanitize.ts), and moved to the
 * top of `root` if it was in a link, say: a `<ul>` or `<ol>` of `<li>`s of inline text. The
 * paragraphs of one entry (Google Docs puts each in a `<p>`) are its lines, joined by line
 * breaks; the entries of a list inside it are entries of its own, after it; text right in the
 * list, outside an entry, is one. An entry with no text but an empty line (`<li><br></li>`, as
 * Enter makes it) stays, to be typed in, like an empty paragraph; a list with no entry goes.
 */
function flattenList(list: Element, root: DocumentFragment, inert: Document): void {
  /** Each entry's lines, each line its nodes. */
  const entries: Node[][][] = [];
  let entry: Node[][] | null = null;
  let line: Node[] | null = null;
  const add = (node: Node) => {
    if (!entry) {
      entries.push((entry = []));
      line = null;
    }
    if (!line) entry.push((line = []));
    line.push(node);
  };
  const readList = (el: Element) => {
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeName === 'UL' || child.nodeName === 'OL') readList(child as Element);
      else if (child.nodeName === 'LI' || child.nodeName === 'P') {
        entry = null;
        readEntry(child as Element);
        entry = null;
      } else if (child.nodeType !== 3 || child.nodeValue?.trim()) {
        readEntry({ childNodes: [child] });
      }
    }
  };
  function readEntry(el: { childNodes: ArrayLike<ChildNode> }) {
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeName === 'UL' || child.nodeName === 'OL') {
        entry = null;
        readList(child as Element);
        entry = null;
      } else if (child.nodeName === 'P' || child.nodeName === 'LI') {
        line = null;
        readEntry(child as Element);
        line = null;
      } else if (child.nodeType === 1 && (child as Element).querySelector('ul, ol, li, p')) {
        // A link around a list, say: its text is read, the list's entries as entries.
        readEntry(child as Element);
      } else add(child);
    }
  }
  readList(list);
  const flat = inert.createElement(list.localName);
  for (const lines of entries) {
    const shown = lines.filter((nodes) => nodes.some((node) => node.textContent?.trim()));
    const empty = lines.some((nodes) => nodes.some((node) => node.nodeName === 'BR'));
    if (shown.length === 0 && !empty) continue;
    const li = flat.appendChild(inert.createElement('li'));
    if (shown.length === 0) li.appendChild(inert.createElement('br'));
    shown.forEach((nodes, index) => {
      if (index > 0) li.appendChild(inert.createElement('br'));
      li.append(...nodes);
    });
  }
  hoist(list, root);
  if (flat.childNodes.length > 0) list.replaceWith(flat);
  else list.remove();
}

/**
 * Moves `node` up to a child of `root`, splitting the elements around it in two (a link around
 * a list: its text before the list, and after).
 */
function hoist(node: Element, root: DocumentFragment): void {
  while (node.parentNode && node.parentNode !== root) {
    const parent = node.parentNode as Element;
    const after = parent.cloneNode(false) as Element;
    while (node.nextSibling) after.appendChild(node.nextSibling);
    parent.after(node, after);
    if (!after.hasChildNodes()) after.remove();
    if (!parent.hasChildNodes()) parent.remove();
  }
}

/**
 * Rich text from outside the editor (a backup's item text, quote or issue intro) made safe to
 * store: scripts, event handlers, images, `javascript:` links and every element not in `tags`
 * are cleaned away by {@link purifyHtml}. When there is nothing to clean away, the text
 * comes back as it was, byte for byte: a restored backup gives back exactly what was saved, so
 * the cleaner's own way of writing HTML (`&nbsp;`, quotes of attributes) never shows as a change.
 */
export function cleanStoredHtml(
  html: string,
  tags: readonly string[],
  doc: Document = document,
  attributes: readonly string[] = ['href'],
): string {
  // Text without a tag cannot run anything: shown as HTML, it is text.
  if (!html.includes('<')) return html;
  // What the editor writes (its few elements, links to http(s) or mailto) has nothing to clean
  // away: read by a pattern, not by parsing it twice and DOMPurify, at a fraction of the cost
  // (a restore cleans every field of thousands of drafts).
  if (onlyAllowedMarkup(html, tags)) return html;
  const template = doc.createElement('template');
  // Parsing a style or event handler attribute, even in a template's inert document, has
  // Chromium refuse it under the page's security policy and log it: they are renamed first,
  // and go as any attribute but href does (a text that had one is cleaned, as before).
  template.innerHTML = disarmAttributes(html);
  // What the browser would show, in its own writing: the yardstick for « nothing was removed ».
  const parsed = template.innerHTML;
  const out = doc.createElement('div');
  out.appendChild(purifyHtml(template.content, tags, doc, attributes));
  // A `lang` is kept only as a language tag (see lib/lang.ts), as the capture writes it.
  if (attributes.includes('lang')) {
    out.querySelectorAll('[lang]').forEach((element) => {
      if (!languageTag(element.getAttribute('lang'))) element.removeAttribute('lang');
    });
  }
  return out.innerHTML === parsed ? html : out.innerHTML;
}

/**
 * A tag of markup that needs no cleaning: opening or closing, with no attribute but an `href`
 * to an http(s) or mailto address, in quotes that nothing inside can close.
 */
const PLAIN_TAG =
  /<\/?([a-z][a-z0-9]*)(?:\s+href=(?:"(?:https?:|mailto:)[^"<>]*"|'(?:https?:|mailto:)[^'<>]*'))?\s*\/?>/gi;

/**
 * Whether every tag of `html` is a {@link PLAIN_TAG} of an element of `tags`, and nothing else
 * in it starts markup (a comment, a `<!`, a `<` left over): then DOMPurify would remove nothing
 * that could run or load, and the text is stored as it is.
 */
export function onlyAllowedMarkup(html: string, tags: readonly string[]): boolean {
  let allowed = true;
  const rest = html.replace(PLAIN_TAG, (_tag, name: string) => {
    if (!tags.includes(name.toLowerCase())) allowed = false;
    return '';
  });
  return allowed && !rest.includes('<');
}

/** What {@link disarmAttributes} prefixes the attributes it disarms with. */
const DISARMED = 'indiscrets-';

/** What {@link disarmAttributes} renames `style` attributes to: a name that styles nothing. */
export const STYLE = `${DISARMED}style`;

/**
 * A start tag: its name, then anything up to the `>` that ends it, quoted values read whole (a
 * `>` in a quoted value does not end the tag).
 */
const START_TAG = /<[a-z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/**
 * In a start tag's attributes: a quoted value, kept as it is; or the name of a `style` or of an
 * event handler (`onerror`, `onload`…) attribute, after a space, a `/` or a quoted value (which
 * the parser reads as ending the one before).
 */
const ARMED_ATTRIBUTE = /"[^"]*"|'[^']*'|(?<=[\s/"'])(style|on[a-z]+)(?=[\s/=>])/gi;

/** Whether `html` may hold an attribute {@link disarmAttributes} renames: a cheap first look. */
const MAY_BE_ARMED = /style|on[a-z]/i;

/**
 * `html` with its `style` attributes renamed {@link STYLE} and its event handlers renamed
 * likewise (`onerror` becomes `indiscrets-onerror`), so that parsing it applies no style and
 * compiles no handler. Chromium has the page's content security policy refuse each of them, and
 * log the refusal, even in a template's inert document; nothing runs, but the page's console
 * fills with errors for every restored or pasted text that had one. The renamed attributes go
 * as any attribute but href does. Read as markup, not parsed: in text, a `<` is written `&lt;`;
 * a tag-like run inside a comment, a script or a style sheet, renamed by mistake, goes with them
 * in the purifier.
 */
export function disarmAttributes(html: string): string {
  if (!MAY_BE_ARMED.test(html)) return html;
  return html.replace(START_TAG, (tag) =>
    tag.replace(ARMED_ATTRIBUTE, (match, name?: string) =>
      name === undefined ? match : `${DISARMED}${name}`,
    ),
  );
}
