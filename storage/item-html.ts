import { cleanUrl } from '../capture/url';
import { languageTag, primaryLanguage } from '../lib/lang';
import {
  CODE_SPAN,
  disarmAttributes,
  flattenLists,
  keepCodeSpaces,
  markCode,
  onlyAllowedMarkup,
  purifyHtml,
  STYLE,
} from '../lib/purify';

/**
 * What an item's text may contain: the house voice is paragraphs, bold, italic and links, and
 * lists one level deep (a template may put `{quote}` in one), the shape every export renders;
 * and a quote in the language of its page, `<span lang="en">` (see {@link keepLanguages}); code
 * pasted, as written in a span of no language, `<span lang="zxx">` (see `markCode`).
 */
const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'span'];
/** The attributes it keeps: a link's address, a span's language. */
const ALLOWED_ATTRIBUTES = ['href', 'lang'];

/**
 * Takes out of `root` every paragraph or list entry with no words, its <br> too (a list left with
 * none with it): an empty line typed (Enter twice), the one the caret is left in after a quote
 * inserted, a text emptied. No export shows it (see sanitizeBlocks, export/sanitize.ts); the
 * editor still shows it, to be typed in, while it is written in.
 */
export function dropEmptyLines(root: ParentNode): void {
  root.querySelectorAll('p, li').forEach((block) => {
    if (!block.textContent?.trim()) block.remove();
  });
  root.querySelectorAll('ul, ol').forEach((list) => {
    if (!list.querySelector('li')) list.remove();
  });
}

/**
 * Cleans HTML typed or pasted into an item to the house allow-list: bold and italic become
 * `<strong>`/`<em>` wherever the reader saw them, headings and divs become paragraphs, links keep
 * only an http(s)/mailto href, everything else (spans without a language included) is reduced to
 * its text; no-break spaces become spaces (but, with `typed`, for the editor's own typing, those
 * French typography put as it was typed: before `:`, `;`, `!`, `?`, `»` and after `«`, see
 * export/typing.ts; and code's that keep its indent and runs of spaces, see `keepCodeSpaces`). A span keeps a valid language tag (a quote from a
 * page in another language, which the exports' French typography leaves as written); code
 * (`<code>`, `<pre>`…) is such a span, in no language (see `markCode` in lib/purify.ts). Lists stay lists one level deep, each entry inline text (see
 * `flattenLists` in lib/purify.ts): what the exports read as a list.
 *
 * Bold and italic are read as the source displayed them, from the tags and from each element's
 * own `style`: Google Docs wraps the whole paste in `<b style="font-weight:normal">` and marks
 * its words with `<span style="font-weight:700">` and `font-style:italic`, where Word and the
 * editor itself write `<b>` and `<i>`. No `style` attribute is ever parsed: Chromium has the
 * page's content security policy refuse each one, and log the refusal, even in a template's
 * inert document; the styles are read under another name ({@link disarmAttributes}).
 */
export function cleanItemHtml(
  html: string,
  doc: Document = document,
  { typed = false }: { typed?: boolean } = {},
): string {
  return cleanItem(html, doc, false, typed);
}

/**
 * {@link cleanItemHtml}; with `otherLanguages`, a language said on another element than a span
 * (a paragraph, a bold run) is said on a span instead (see {@link languagesOnSpans}).
 */
function cleanItem(html: string, doc: Document, otherLanguages: boolean, typed = false): string {
  const template = doc.createElement('template');
  template.innerHTML = disarmAttributes(html);
  const root = template.content;
  const inert = root.ownerDocument;
  // A language said on a paragraph or a bold run is said on a span, the one element that keeps it.
  if (otherLanguages) languagesOnSpans(root, inert);
  // Pasted, the page's note calls go, as a clip leaves them out (see {@link dropNoteCalls}).
  if (otherLanguages) dropNoteCalls(root);
  // Code (`<code>`, `<pre>`…) kept as written, marked as words in no language: reduced to its
  // text, the exports typeset it as prose (see markCode).
  markCode(root, inert);
  // What each text looked like, read before the tags and styles that said it go.
  const looks = new Map<Text, Look>();
  readLooks(root, { bold: false, italic: false }, looks);
  root.querySelectorAll('b, strong, i, em').forEach((el) => el.replaceWith(...el.childNodes));
  root.querySelectorAll('div, h1, h2, h3, h4, h5, h6, li, blockquote').forEach((el) => {
    // An entry of a list stays one (it is flattened below).
    if (el.localName === 'li' && el.parentElement?.closest('ul, ol')) return;
    // Only blocks that hold text become paragraphs; wrappers are unwrapped (an entry outside
    // any list is none: it is too).
    if (!el.querySelector('div, p, h1, h2, h3, h4, h5, h6, li, blockquote, ul, ol')) {
      rename(el, 'p', inert);
    } else if (el.localName === 'li') {
      el.replaceWith(...Array.from(el.childNodes));
    }
  });
  wrapRuns(root, (text) => looks.get(text)?.bold === true, 'strong', inert);
  wrapRuns(root, (text) => looks.get(text)?.italic === true, 'em', inert);
  // Links that lose their href (a javascript: one, say) become plain text.
  const clean = purifyHtml(root, ALLOWED_TAGS, doc, ALLOWED_ATTRIBUTES);
  keepLanguages(clean);
  // A link pasted or typed loses its tracking parameters, as a clipped page's address does.
  clean.querySelectorAll('a[href]').forEach((a) => {
    a.setAttribute('href', withoutTracking(a.getAttribute('href')!));
  });
  flattenLists(clean, inert);
  dropEmptyLines(clean);
  dropBreaksBesideParagraphs(clean);
  // Browsers type a space at the end of a line as a no-break space (to keep it visible) and
  // leave `&nbsp;` behind; spacing is the export's typography's job, so the text keeps spaces.
  // Typed in the editor, those of French typography stay: before `:` or `»`, after `«` (see
  // export/typing.ts), where the editor shows them again once left.
  const space = typed ? /(?<!«)\u00a0(?![:;!?»])/g : /\u00a0/g;
  for (const text of textNodes(clean, doc)) {
    // Code's keep its indent and its runs of spaces, which as spaces would collapse.
    if (text.parentElement?.closest(CODE_SPAN)) continue;
    if (text.data.includes('\u00a0')) text.data = text.data.replace(space, ' ');
  }
  keepCodeSpaces(clean, inert);
  const out = doc.createElement('div');
  out.appendChild(clean);
  return wrapLooseText(out, doc).innerHTML.trim();
}

/**
 * HTML pasted into an item written in `textLang` (the exports' language), cleaned as
 * {@link cleanItemHtml} cleans it (a language said on a paragraph too), its languages kept only
 * where they change: Word marks every run of text with one (`<span lang=FR style='mso-ansi-language:FR'>` in a French text, and the
 * whole copy on its `<body lang>`), and splits a quote into runs of its own. A span in the
 * language around it (the text's, or the quote's it is in) is its words; the runs of one quote
 * are one span: `Selon Axios, « <span lang="en-US">Why it matters: the deal</span> »`.
 */
export function cleanPastedHtml(html: string, textLang: string, doc: Document = document): string {
  // The language of the whole copy, on its <body>, which parsing a fragment leaves out.
  const copy = languageTag(/<body\b[^>]*?\slang\s*=\s*["']?([\w-]+)/i.exec(html)?.[1]);
  // Word says a paragraph's language on the paragraph: it is kept, on a span.
  const clean = cleanItem(copy ? `<div lang="${copy}">${html}</div>` : html, doc, true);
  const template = doc.createElement('template');
  template.innerHTML = clean;
  const root = template.content;
  collapseSpaces(root, doc);
  if (!clean.includes('<span')) return template.innerHTML;
  // A span all of whose words say their own language says none (Word's French copy around a
  // paragraph of English runs): it would mark nothing but spaces, and, kept as the language
  // around them, keep its English runs marked inside an English quote.
  root.querySelectorAll('span[lang]').forEach((span) => {
    const own = textNodes(span, doc).some(
      (text) => text.data.trim() && text.parentElement?.closest('span[lang]') === span,
    );
    if (!own) span.replaceWith(...Array.from(span.childNodes));
  });
  // In document order: a span is read after the spans around it, already unwrapped or kept.
  root.querySelectorAll('span[lang]').forEach((span) => {
    const around = span.parentElement?.closest('span[lang]')?.getAttribute('lang') ?? textLang;
    if (primaryLanguage(span.getAttribute('lang')!) === primaryLanguage(around)) {
      span.replaceWith(...Array.from(span.childNodes));
    }
  });
  // A bold word of a quote is a bold run in the quote's language: the language goes outside.
  Array.from(root.querySelectorAll('strong, em, a'))
    .reverse()
    .forEach((el) => {
      const only = el.childNodes.length === 1 ? el.firstChild : null;
      if (only?.nodeName !== 'SPAN' || !(only as Element).hasAttribute('lang')) return;
      el.replaceWith(only);
      el.append(...Array.from(only.childNodes));
      only.appendChild(el);
    });
  root.querySelectorAll('span[lang]').forEach((span) => {
    if (span.parentNode) joinNextRuns(span);
  });
  const out = doc.createElement('div');
  out.appendChild(root);
  return out.innerHTML;
}

/**
 * The note calls of the page words were copied from: a superscript holding only links to an
 * anchor of their page (`#cite_note-1`, made absolute by the copy), each a bracketed call (`[1]`,
 * `[n 1]`: Wikipedia's references) or a short number, with nothing else but brackets, commas and
 * spaces. They go, as a clip leaves them out of a quote (capture/selection.ts): kept, they would
 * be published as links to another site's footnotes, and the plain text export would number
 * them beside its own (« exceptions.[1][4] »). A superscript with words of its own (« 1er »), or
 * a link to another page (« [PDF] »), stays.
 */
function dropNoteCalls(root: DocumentFragment): void {
  root.querySelectorAll('sup').forEach((sup) => {
    const links = Array.from(sup.querySelectorAll('a'));
    if (links.length === 0 || !links.every(isNoteCall)) return;
    const rest = sup.cloneNode(true) as Element;
    rest.querySelectorAll('a').forEach((link) => link.remove());
    if (/^[\s,;[\]]*$/.test(rest.textContent ?? '')) sup.remove();
  });
}

/**
 * A link that calls a note of its page, named `[1]` or a short number: to one of its anchors
 * (`#fn1`, as the page wrote it), or, made absolute by the copy, to an anchor named as notes are
 * (`…/wiki/Mozilla#cite_note-1`, `#footnote-2`). A paste does not tell which page it came from:
 * another fragment (`rapport.pdf#page=12`) is a link to another page's place, and stays.
 */
const NOTE_ANCHOR = /#(?:cite[_-]?note|cite[_-]?ref|fn|footnote|endnote|note|ref)(?:[-_:.]|\d|$)/i;

function isNoteCall(link: Element): boolean {
  const href = link.getAttribute('href') ?? '';
  if (!/^#./.test(href) && !NOTE_ANCHOR.test(href)) return false;
  const text = (link.textContent ?? '').trim();
  return /^\[[^[\]]{1,12}\]$/.test(text) || (text.length > 0 && text.length <= 4);
}

/** The text nodes inside `within`, in document order, as a list (changed as it is read). */
function textNodes(within: Node, doc: Document): Text[] {
  const found: Text[] = [];
  const walker = doc.createTreeWalker(within, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) found.push(node as Text);
  return found;
}

/** A run of HTML source's spaces. */
const SOURCE_SPACES = /[ \t\n\r\f]+/g;
/** Spaces that break a source's line, at the start of a paragraph's text or at its end. */
const SOURCE_LINE_START = /^[ \t\n\r\f]*[\n\r][ \t\n\r\f]*/;
const SOURCE_LINE_END = /[ \t\n\r\f]*[\n\r][ \t\n\r\f]*$/;

/**
 * The spaces of pasted words as the reader saw them: a page's source breaks and indents its lines
 * (`<p>\n  Selon Axios…\n</p>`), which the browser shows as one space, or none at the start and
 * the end of a paragraph; a copy keeps them as written, and they would be stored so. A space
 * copied at an end of the words (a word selected with the space after it) stays: it goes between
 * the words pasted and those at the caret.
 */
function collapseSpaces(root: DocumentFragment, doc: Document): void {
  root.querySelectorAll('p, li').forEach((block) => {
    const inside = textNodes(block, doc);
    // From the edge inwards, past the texts that were only the source's line break.
    for (const text of inside) {
      text.data = text.data.replace(SOURCE_LINE_START, '');
      if (text.data) break;
    }
    for (const text of inside.reverse()) {
      text.data = text.data.replace(SOURCE_LINE_END, '');
      if (text.data) break;
    }
  });
  for (const text of textNodes(root, doc)) {
    const value = text.data.replace(SOURCE_SPACES, ' ');
    if (value !== text.data) text.data = value;
  }
}

/**
 * `span` and the spans of the same language right after it (spaces between them allowed), one
 * span: Word's runs of one quote.
 */
function joinNextRuns(span: Element): void {
  const lang = span.getAttribute('lang');
  for (;;) {
    const between: Node[] = [];
    let next = span.nextSibling;
    while (next?.nodeType === 3 && !next.nodeValue?.trim()) {
      between.push(next);
      next = next.nextSibling;
    }
    if (next?.nodeName !== 'SPAN' || (next as Element).getAttribute('lang') !== lang) return;
    span.append(...between, ...Array.from(next.childNodes));
    next.parentNode!.removeChild(next);
  }
}

/**
 * The languages said in `root` on other elements than spans (`<p lang="en">`, `<b lang>`, Word's
 * `<body lang>`), said on a span instead, which {@link keepLanguages} keeps: see
 * {@link sayOnSpans}. A span's own language, or a deeper element's, is left to it.
 */
function languagesOnSpans(root: DocumentFragment, inert: Document): void {
  // In document order: an element is read before those inside it, which may take its language.
  root.querySelectorAll('[lang]:not(span)').forEach((el) => {
    const lang = el.getAttribute('lang');
    if (lang !== null) sayOnSpans(el, lang, inert);
  });
}

/**
 * `el`'s content said to be in `lang`, on spans: inside an element of inline content, one span
 * around it; in an element holding blocks, the same for each of its elements, and a span around
 * its loose text. What says its own language keeps it.
 */
function sayOnSpans(el: Element, lang: string, inert: Document): void {
  el.removeAttribute('lang');
  const wrap = (nodes: Node[], before: Node | null) => {
    const span = inert.createElement('span');
    span.setAttribute('lang', lang);
    el.insertBefore(span, before);
    span.append(...nodes);
  };
  if (!el.querySelector(BLOCKS)) {
    wrap(Array.from(el.childNodes), null);
    return;
  }
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3 && child.nodeValue?.trim()) wrap([child], child.nextSibling);
    if (child.nodeType !== 1 || (child as Element).hasAttribute('lang')) continue;
    if (child.nodeName === 'SPAN') (child as Element).setAttribute('lang', lang);
    else if (child.hasChildNodes()) sayOnSpans(child as Element, lang, inert);
  }
}

/**
 * An item's text from outside the editor (a backup being restored) made what the editor itself
 * would store: cleaned by {@link cleanItemHtml}, its lists one level deep. A text already in the
 * editor's shape (its elements only, links to http(s) or mailto, paragraphs and lists at the top,
 * list entries of inline text, quotes marked with their language as the editor and a new draft's
 * template mark them) comes back byte for byte, so a restored backup gives back exactly what was
 * saved: the no-break spaces of « » around a marked quote included, which the cleaner would
 * have made spaces.
 */
export function cleanStoredItemHtml(html: string, doc: Document = document): string {
  if (!html.includes('<')) return html;
  // A language span is read by inEditorShape; the fast check reads the rest of its tag.
  const unmarked = html.replace(LANGUAGE_SPAN, '<span>');
  if (onlyAllowedMarkup(unmarked, ALLOWED_TAGS) && inEditorShape(html)) return html;
  return cleanItemHtml(html, doc);
}

/**
 * An item's text as nodes to read, never to put in a page as they are: cleaned as a restored
 * text is ({@link cleanStoredItemHtml}), then parsed in a template, whose document is inert
 * (nothing in it runs or loads). What shows them builds its own elements from them.
 */
export function parseItemHtml(html: string, doc: Document = document): DocumentFragment {
  const template = doc.createElement('template');
  template.innerHTML = cleanStoredItemHtml(html, doc);
  return template.content;
}

/** The start of a span marked with a language, as the editor writes it: `<span lang="en">`. */
const LANGUAGE_SPAN = /<span\s+lang="([^"<>]*)"\s*>/gi;

/**
 * The spans of `root` (cleaned by {@link purifyHtml}) that say a language: a valid tag (see
 * lib/lang.ts), `lang` on a span only. A span without one, or in a span of the same language,
 * or with no text, or around paragraphs or lists, is reduced to its content: a pasted page's spans say nothing the exports
 * read.
 */
function keepLanguages(root: DocumentFragment): void {
  root.querySelectorAll('[lang]').forEach((el) => {
    if (el.localName !== 'span') el.removeAttribute('lang');
  });
  // In document order: a span is read after the spans around it, which are already cleaned.
  root.querySelectorAll('span').forEach((span) => {
    const lang = languageTag(span.getAttribute('lang'));
    const around = span.parentElement?.closest('span[lang]')?.getAttribute('lang');
    // A span around blocks is no quote's (and kept, it would hold a paragraph in a paragraph).
    const blocks = span.querySelector('p, ul, ol, li') !== null;
    if (!lang || lang === around || !span.textContent?.trim() || blocks) {
      span.replaceWith(...Array.from(span.childNodes));
    } else span.setAttribute('lang', lang);
  });
}

/**
 * The tags of a text that {@link onlyAllowedMarkup} accepted (name, whether it closes, a span's
 * language), and the text between them.
 */
const TOKEN = /<(\/?)([a-z][a-z0-9]*)(?:\s+lang="([^"<>]*)")?[^>]*>|[^<]+/gi;

/** Whether text between tags shows something: not only spaces, no-break ones included. */
const shows = (text: string) => text.replace(/&(?:nbsp|#160|#xa0);/gi, ' ').trim() !== '';

/** A span open in {@link inEditorShape}: its language, and whether it has shown text yet. */
interface OpenSpan {
  lang: string;
  shown: boolean;
}

/**
 * Whether the blocks of `html` (whose tags are all the editor's) nest as the editor writes
 * them: paragraphs and lists at the top, entries right in a list, nothing but inline text in a
 * paragraph or an entry (no list in a list); and whether each span is one {@link keepLanguages}
 * keeps as it is: a language tag as written by {@link languageTag}, another than the span
 * around it, around inline text that shows.
 */
function inEditorShape(html: string): boolean {
  const open: (string | OpenSpan)[] = [];
  for (const [token, closing, raw, lang] of html.matchAll(TOKEN)) {
    if (raw === undefined) {
      if (shows(token)) {
        for (const el of open) if (typeof el !== 'string') el.shown = true;
      }
      continue;
    }
    const name = raw.toLowerCase();
    if (name === 'span') {
      if (closing) {
        const span = open.pop();
        if (typeof span !== 'object' || !span.shown) return false;
        continue;
      }
      const around = open.findLast((el): el is OpenSpan => typeof el === 'object');
      const written = languageTag(lang);
      if (!lang || written !== lang || lang === around?.lang) return false;
      if (!open.some((el) => el === 'p' || el === 'li')) return false;
      open.push({ lang, shown: false });
      continue;
    }
    if (name !== 'p' && name !== 'ul' && name !== 'ol' && name !== 'li') continue;
    if (closing) {
      if (open.pop() !== name) return false;
      continue;
    }
    const parent = open.at(-1);
    const fits = name === 'li' ? parent === 'ul' || parent === 'ol' : parent === undefined;
    if (!fits) return false;
    open.push(name);
  }
  return open.length === 0;
}

/**
 * `href` without its tracking parameters (`utm_*`, `fbclid`…; see capture/url.ts), and otherwise
 * as written: an address with none is left byte for byte, not rewritten in the URL's own form.
 */
function withoutTracking(href: string): string {
  const cleaned = cleanUrl(href);
  if (cleaned === href) return href;
  try {
    const before = new URL(href);
    const after = new URL(cleaned);
    return before.search === after.search && before.hash === after.hash ? href : cleaned;
  } catch {
    return href;
  }
}

/** How a text was shown: bold, italic. */
interface Look {
  bold: boolean;
  italic: boolean;
}

/**
 * Notes in `looks` how each text under `node` was shown, as CSS would inherit it: an element's
 * own `font-weight`/`font-style` decides, else its tag (`<b>`, `<strong>`, `<i>`, `<em>`), else
 * its parent, its style read as text from its renamed attribute ({@link STYLE}), never applied.
 */
function readLooks(node: Node, inherited: Look, looks: Map<Text, Look>): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      looks.set(child as Text, inherited);
    } else if (child.nodeType === 1) {
      const el = child as Element;
      const tag = el.localName;
      const style = el.getAttribute(STYLE) ?? '';
      el.removeAttribute(STYLE);
      readLooks(
        el,
        {
          bold: isBold(declared(style, 'font-weight'), tag === 'b' || tag === 'strong', inherited),
          italic: isItalic(declared(style, 'font-style'), tag === 'i' || tag === 'em', inherited),
        },
        looks,
      );
    }
  }
}

/** The value a `style` attribute gives `property` (its last declaration wins), lowercased. */
function declared(style: string, property: string): string | undefined {
  let value: string | undefined;
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    // `mso-bidi-font-weight` (Word's, on a `<b>` that is bold) is another property.
    if (colon > 0 && declaration.slice(0, colon).trim().toLowerCase() === property) {
      value = declaration
        .slice(colon + 1)
        .replace(/!\s*important\s*$/i, '')
        .trim()
        .toLowerCase();
    }
  }
  return value;
}

/**
 * Whether text is bold under a `font-weight` of `value` (600 and up, as word processors show
 * it), in an element whose tag is bold or not, in a parent that is or not.
 */
function isBold(value: string | undefined, tag: boolean, parent: Look): boolean {
  if (value === 'bold' || value === 'bolder') return true;
  if (value === 'normal' || value === 'lighter' || value === 'initial') return false;
  if (value === 'inherit' || value === 'unset') return parent.bold;
  if (value && /^\d+(\.\d+)?$/.test(value)) return Number(value) >= 600;
  return tag || parent.bold;
}

/** Whether text is italic under a `font-style` of `value` (oblique too), as {@link isBold}. */
function isItalic(value: string | undefined, tag: boolean, parent: Look): boolean {
  if (value === 'italic' || value?.startsWith('oblique')) return true;
  if (value === 'normal' || value === 'initial') return false;
  if (value === 'inherit' || value === 'unset') return parent.italic;
  return tag || parent.italic;
}

/** Elements that lay out as blocks: a run of bold or italic never wraps one. */
const BLOCKS =
  'address, article, aside, blockquote, dd, div, dl, dt, figure, footer, h1, h2, h3, h4, h5, h6, header, hr, li, main, nav, ol, p, pre, section, table, tbody, td, tfoot, th, thead, tr, ul';

/**
 * Whether all the text of `node` is `shown` (bold, say): undefined for a node with no text but
 * spaces (a `<br>`, a space between two words), which goes with its neighbours.
 */
function allShown(node: Node, shown: (text: Text) => boolean): boolean | undefined {
  if (node.nodeType === 3) return node.nodeValue?.trim() ? shown(node as Text) : undefined;
  let any: boolean | undefined;
  for (const child of Array.from(node.childNodes)) {
    const each = allShown(child, shown);
    if (each === false) return false;
    if (each) any = true;
  }
  return any;
}

/**
 * Wraps each run of inline nodes under `container` whose text is all `shown` in one `tag`
 * element (`<strong>` around three bold spans, not three `<strong>`), going down into blocks
 * and into inline elements only partly shown (a link with one bold word).
 */
function wrapRuns(
  container: Node,
  shown: (text: Text) => boolean,
  tag: string,
  inert: Document,
): void {
  let run: Node[] = [];
  /** The run's nodes up to its last shown one (spaces and breaks after it stay out). */
  let end = 0;
  const flush = () => {
    if (end > 0) {
      const wrapper = inert.createElement(tag);
      run[0]!.parentNode!.insertBefore(wrapper, run[0]!);
      wrapper.append(...run.slice(0, end));
    }
    run = [];
    end = 0;
  };
  for (const child of Array.from(container.childNodes)) {
    const block =
      child.nodeType === 1 &&
      ((child as Element).matches(BLOCKS) || (child as Element).querySelector(BLOCKS) !== null);
    const all = block ? false : allShown(child, shown);
    if (all === false) {
      flush();
      if (child.nodeType === 1) wrapRuns(child, shown, tag, inert);
    } else if (all || run.length > 0) {
      run.push(child);
      if (all) end = run.length;
    }
  }
  flush();
}

/** The elements the text is made of, one after another: paragraphs and lists. */
const TEXT_BLOCKS = new Set(['P', 'UL', 'OL']);

/**
 * Google Docs puts a `<br>` between its paragraphs, and Safari one after the last: a line break
 * outside a paragraph, beside one or a list or at the start or end of the text, breaks no line,
 * and left there it would become an empty line or end one (Chromium leaves one before a list
 * whose first entry was made a paragraph again).
 */
function dropBreaksBesideParagraphs(root: DocumentFragment): void {
  /** The nearest sibling that is not blank text, `step` being `previousSibling` or `nextSibling`. */
  const beside = (node: Node, step: 'previousSibling' | 'nextSibling') => {
    let sibling = node[step];
    while (sibling?.nodeType === 3 && !sibling.nodeValue?.trim()) sibling = sibling[step];
    return sibling;
  };
  const stray = (node: Node) =>
    [beside(node, 'previousSibling'), beside(node, 'nextSibling')].some(
      (sibling) => sibling === null || TEXT_BLOCKS.has(sibling.nodeName),
    );
  // Forwards then backwards: a break dropped leaves the next one of a row at the edge.
  const nodes = Array.from(root.childNodes);
  for (const node of [...nodes, ...nodes.slice().reverse()]) {
    if (node.nodeName === 'BR' && node.parentNode === root && stray(node)) root.removeChild(node);
  }
}

/**
 * Text typed straight into the editor, outside any paragraph or list, goes into a paragraph
 * (Chromium leaves the text of a list's entry made a paragraph again there, before the list).
 */
function wrapLooseText(container: HTMLElement, doc: Document): HTMLElement {
  let current: HTMLParagraphElement | undefined;
  for (const node of Array.from(container.childNodes)) {
    const inline = node.nodeType === 3 || (node.nodeType === 1 && !TEXT_BLOCKS.has(node.nodeName));
    if (inline) {
      if (node.nodeType === 3 && !node.textContent?.trim() && !current) {
        node.remove();
        continue;
      }
      current ??= container.insertBefore(doc.createElement('p'), node);
      current.appendChild(node);
    } else {
      current = undefined;
    }
  }
  return container;
}

/**
 * `el` as a `tag` element with its content, made in `inert` (the template's document) and with
 * none of its attributes: the purifier would keep none but `href`, and a `style` copied onto an
 * element of the live page is refused by its content security policy, which logs an error.
 */
function rename(el: Element, tag: string, inert: Document) {
  const replacement = inert.createElement(tag);
  replacement.append(...Array.from(el.childNodes));
  el.replaceWith(replacement);
}
