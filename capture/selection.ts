/**
 * The user's selection, read as a small tree of allowed nodes (text, paragraphs, emphasis, links
 * with absolute http(s) URLs, lists, quotes): never as HTML. The extension writes the HTML from
 * the tree with its one escaper (services/passage.ts), so nothing a page puts in its markup can
 * reach a draft as markup: there is no filter to bypass.
 *
 * The page is read in place (nothing is cloned or moved) and within budgets: a select-all on a
 * 20 MB page stops at the longest quote a clip keeps, or when reading takes too long, and says so.
 * Everything that needs no page (tidying whitespace, the text, the HTML) is done by the
 * background, to keep this script small: it is parsed in the page at every clip.
 */

import { BLOCK_ELEMENTS } from '../lib/html';
import { cutAtWord } from '../lib/ellipsis';
import { CUT_MARK, MAX_QUOTE_CELLS, MAX_QUOTE_CHARS, MAX_QUOTE_RANGES } from './bounds';
import { PASSAGE_TAGS, type CapturedPassage, type PassageNode, type PassageTag } from './types';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const ALLOWED = new Set<string>(PASSAGE_TAGS);

/**
 * The shadow root `element` hosts, or null. A page's script reads only open ones
 * (`element.shadowRoot`); an extension's script can read closed ones too, each browser its own
 * way (entrypoints/describe-link.ts), which these pure functions are given.
 */
export type ShadowRootOf = (element: Element) => ShadowRoot | null;

/** Ancestors whose meaning a partial selection should keep (selecting words inside a link). */
const CONTEXT_TAGS = new Set('a strong b em i q cite code sub sup blockquote'.split(' '));

/** Elements whose text is not part of what the reader saw. */
const HIDDEN_TAGS = new Set('script style noscript template svg math select textarea'.split(' '));

/** Elements visited at most, and how long reading may take, before the passage is cut. */
const MAX_NODES = 200_000;
const MAX_MILLISECONDS = 400;

/** Nesting deeper than this is read as text only (a page can nest thousands of elements). */
const MAX_DEPTH = 200;

const isBlock = (node: PassageNode): boolean =>
  typeof node === 'object' && BLOCK_ELEMENTS.has(node.tag);

/** A `lang` longer than this is no language tag (the background checks the shorter ones). */
const LANG_LIMIT = 64;

/**
 * `nodes` marked in the language `lang` an element of the page gave them: the one element they
 * are, or the blocks among them, carry it; inline nodes are wrapped in a `span` that does.
 */
function inLanguage(nodes: PassageNode[], lang: string): PassageNode[] {
  const [only] = nodes;
  if (nodes.length === 1 && typeof only === 'object') return [{ lang, ...only }];
  if (!nodes.some(isBlock)) return [{ tag: 'span', lang, children: nodes }];
  return nodes.map((node) =>
    typeof node === 'object'
      ? { lang, ...node }
      : /\S/.test(node)
        ? { tag: 'span', lang, children: [node] }
        : node,
  );
}

/** Resolves a link against the page; returns it when it is http(s) (the background cleans it). */
function httpHref(element: Element, base: string): string | undefined {
  try {
    // The URL parser itself strips the spaces around an attribute's value.
    const url = new URL(element.getAttribute('href') ?? '', base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a link is a call of one of the page's own notes: `[1]`, `[a]`, `[n 1]` (Wikipedia's
 * references), or a short superscript such as `<sup><a href="#fn1">1</a></sup>`. Those are the
 * page's apparatus, not the quoted text: a column quoting the page would have to delete them.
 */
function isNoteCall(element: Element): boolean {
  if (!(element.getAttribute('href') ?? '').startsWith('#')) return false;
  const text = (element.textContent ?? '').trim();
  if (/^\[[^[\]]{1,12}\]$/.test(text)) return true;
  return text.length <= 4 && element.parentElement?.localName === 'sup';
}

/** Reads ranges into passage nodes, counting characters, elements and time. */
class Reader {
  chars = 0;
  nodes = 0;
  cut = false;
  /** Whether any text other than whitespace was read. */
  words = false;
  /** Whether a note call was left out ({@link isNoteCall}): the browser's text still has it. */
  notes = false;
  /** How many `<pre>` the text being read is in: its line breaks are the text's. */
  pre = 0;
  private readonly deadline: number;

  constructor(
    private readonly base: string,
    private readonly rootOf?: ShadowRootOf,
    private readonly max = MAX_QUOTE_CHARS,
  ) {
    this.deadline = Date.now() + MAX_MILLISECONDS;
  }

  /**
   * The nodes `node` shows, when they are not its children (given `rootOf`: a link's paragraph):
   * an element's shadow tree (a custom element's words, drawn there only), in which its children
   * show through slots alone, and a slot's nodes placed in it (its own when none are).
   */
  private shown(node: Node): ArrayLike<Node> | undefined {
    if (!this.rootOf || node.nodeType !== ELEMENT_NODE) return undefined;
    const shadow = this.rootOf(node as Element);
    if (shadow) return shadow.childNodes;
    const slot = node as HTMLSlotElement;
    return slot.localName === 'slot' ? slot.assignedNodes({ flatten: true }) : undefined;
  }

  /** The part of `range` under `node`, as passage nodes appended to `out`. */
  read(node: Node, range: Range, partial: boolean, depth: number, out: PassageNode[]): void {
    if (this.cut) return;
    if (node.nodeType === TEXT_NODE) {
      let value = node.nodeValue ?? '';
      if (node === range.endContainer) value = value.slice(0, range.endOffset);
      if (node === range.startContainer) value = value.slice(range.startOffset);
      this.text(value, out);
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    this.nodes += 1;
    if (this.nodes > MAX_NODES || (this.nodes % 1024 === 0 && Date.now() > this.deadline)) {
      this.cut = true;
      return;
    }
    const element = node as Element;
    const tag = element.localName;
    if (HIDDEN_TAGS.has(tag) || element.hasAttribute('hidden')) return;
    // A link's paragraph, read as shown: what its trees' styles hide (a note's bubble) was not.
    if (
      this.rootOf &&
      element.ownerDocument.defaultView?.getComputedStyle(element).display === 'none'
    )
      return;
    if (tag === 'br') {
      out.push({ tag: 'br', children: [] });
      return;
    }
    const children: PassageNode[] = [];
    if (tag === 'pre') this.pre += 1;
    if (depth < MAX_DEPTH) this.readChildren(node, range, partial, depth, children);
    else this.text(element.textContent ?? '', children);
    if (tag === 'pre') this.pre -= 1;
    for (const kept of this.element(element, tag, children)) out.push(kept);
  }

  /** The part of `range` under the children of `node`. */
  readChildren(node: Node, range: Range, partial: boolean, depth: number, out: PassageNode[]) {
    // Another tree than the range's, read whole: only a whole element's (readElement) is, never
    // the tree of the range's container (a custom element's, whose slot shows the paragraph).
    const shown = partial ? undefined : this.shown(node);
    if (shown) {
      for (const child of Array.from(shown)) this.read(child, range, false, depth + 1, out);
      return;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (this.cut) break;
      if (!partial) {
        this.read(child, range, false, depth + 1, out);
      } else if (range.intersectsNode(child)) {
        const edge = child.contains(range.startContainer) || child.contains(range.endContainer);
        this.read(child, range, edge, depth + 1, out);
      }
    }
  }

  /** The element itself when allowed; else its children, made a paragraph if it was a block. */
  element(element: Element, tag: string, children: PassageNode[]): PassageNode[] {
    if (children.length === 0) return [];
    let kept = children;
    if (tag === 'a') {
      if (isNoteCall(element)) {
        this.notes = true;
        return [];
      }
      const href = httpHref(element, this.base);
      if (href) kept = [{ tag: 'a', href, children }];
    } else if (ALLOWED.has(tag)) kept = [{ tag: tag as PassageTag, children }];
    // Page blocks that a passage does not allow (div, h2, td…) become paragraphs.
    else if (BLOCK_ELEMENTS.has(tag) && !children.some(isBlock)) kept = [{ tag: 'p', children }];
    // Words in another language than the text around them keep it (`<span lang="en">`).
    // `lang=""` (a language unknown) marks nothing, as an element without one.
    const lang = element.getAttribute('lang');
    return lang ? inLanguage(kept, lang.slice(0, LANG_LIMIT)) : kept;
  }

  text(raw: string, out: PassageNode[]): void {
    if (this.pre > 0 && raw.includes('\n')) {
      // A poem's or a statement's lines: each a line of the passage (its final break, none).
      raw.split(/\r?\n/).forEach((line, i, lines) => {
        if (i > 0 && (i < lines.length - 1 || line !== '')) out.push({ tag: 'br', children: [] });
        this.pre -= 1;
        this.text(line, out);
        this.pre += 1;
      });
      return;
    }
    let value = raw.replace(/[\s\u00a0]+/g, ' ');
    if (value === '') return;
    const room = this.max - this.chars;
    if (value.length > room) {
      value = cutAtWord(value, room, CUT_MARK);
      this.cut = true;
    }
    this.chars += value.length;
    if (/\S/.test(value)) this.words = true;
    out.push(value);
  }
}

/**
 * Wraps `nodes` in the inline elements (link, emphasis, quote…) the range sits inside, and marks
 * them with the language of the nearest element that gives one (English words selected inside
 * a `<span lang="en">`); the background drops it when it is the page's own.
 */
function withContext(range: Range, nodes: PassageNode[], reader: Reader): PassageNode[] {
  let wrapped = nodes;
  let langFound = false;
  let node: Node | null = range.commonAncestorContainer;
  if (node.nodeType !== ELEMENT_NODE) node = node.parentNode;
  const body = node?.ownerDocument?.body;
  // Items selected from one to another: their list is around them. A numbered one only from its
  // first item: items 3 to 5 in an <ol> of their own would read 1 to 3, misquoting a ranking.
  const list = (node as Element | null)?.localName;
  if (
    (list === 'ul' || list === 'ol') &&
    nodes.some((n) => typeof n === 'object' && n.tag === 'li')
  ) {
    const start = range.startContainer;
    const item = (
      start.nodeType === ELEMENT_NODE ? (start as Element) : start.parentElement
    )?.closest('li');
    if (list === 'ul' || !item || item === (node as Element).querySelector(':scope > li')) {
      wrapped = [{ tag: list, children: nodes }];
      node = node!.parentNode;
    }
  }
  for (; node && node.nodeType === ELEMENT_NODE && node !== body; node = node.parentNode) {
    const element = node as Element;
    const tag = element.localName;
    const lang: string | null = langFound ? null : element.getAttribute('lang');
    if (CONTEXT_TAGS.has(tag)) wrapped = reader.element(element, tag, wrapped);
    else if (lang) wrapped = inLanguage(wrapped, lang.slice(0, LANG_LIMIT));
    langFound ||= !!lang;
  }
  return wrapped;
}

/**
 * Reads ranges of a page into a passage tree, as the page holds it (the background tidies the
 * whitespace and writes the text and HTML: services/passage.ts). Returns undefined when the
 * ranges hold no text.
 *
 * @param shown What the browser says is selected (`Selection.toString()`): read only for a
 *   passage that was not cut, since it costs as much as the selection is long.
 * @param max The characters read before the passage is cut: the longest quote by default.
 */
export function readRanges(
  ranges: Range[],
  base: string,
  shown?: () => string,
  rootOf?: ShadowRootOf,
  max?: number,
): CapturedPassage | undefined {
  const reader = new Reader(base, rootOf, max);
  const nodes: PassageNode[] = [];
  // Ranges kept of each kind: table cells ({@link MAX_QUOTE_CELLS}) and the others.
  let cells = 0;
  let others = 0;
  for (const range of ranges) {
    if (reader.cut) break;
    const root = range.commonAncestorContainer;
    const element = root.nodeType === ELEMENT_NODE ? (root as Element) : root.parentElement;
    if (element?.closest('tr') ? ++cells > MAX_QUOTE_CELLS : ++others > MAX_QUOTE_RANGES) {
      reader.cut = true;
      break;
    }
    const part: PassageNode[] = [];
    reader.pre = element?.closest('pre') ? 1 : 0;
    // The common ancestor itself is context (added below when it means something), not content.
    if (root.nodeType === TEXT_NODE) reader.read(root, range, true, 0, part);
    else reader.readChildren(root, range, true, 0, part);
    let read = withContext(range, part, reader);
    // Separate ranges (Firefox's Ctrl+selection, table cells) are separate paragraphs.
    if (ranges.length > 1 && !read.some(isBlock)) read = [{ tag: 'p', children: read }];
    for (const node of read) nodes.push(node);
  }
  if (!reader.words) return undefined;
  if (reader.cut) return { nodes, truncated: true };
  // The browser's text would bring back the note calls left out.
  return shown && !reader.notes ? { nodes, shown: shown().slice(0, MAX_QUOTE_CHARS) } : { nodes };
}

/**
 * The code selected in GitHub's file view: its lines are drawn apart, the selection made in the
 * read-only text area laid over them (`#read-only-cursor-text-area`), which the page's selection
 * does not hold (Chromium's is collapsed at the area). Read from there (GitHub's own id: no
 * guess from the text, which would take prose for code), and marked as code as a selection in a
 * `<pre><code>` is: its lines line breaks.
 */
function codeViewSelection(doc: Document): CapturedPassage | undefined {
  const area = doc.activeElement as HTMLTextAreaElement | null;
  if (area?.localName !== 'textarea' || area.id !== 'read-only-cursor-text-area') return undefined;
  const reader = new Reader('');
  const lines: PassageNode[] = [];
  reader.pre = 1;
  reader.text(area.value.slice(area.selectionStart, area.selectionEnd), lines);
  const nodes: PassageNode[] = [{ tag: 'code', children: lines }];
  return !reader.words ? undefined : reader.cut ? { nodes, truncated: true } : { nodes };
}

/**
 * Reads the user's selection, without touching the page. Returns undefined when nothing (or
 * only whitespace) is selected.
 */
export function captureSelection(win: Window = window): CapturedPassage | undefined {
  const code = codeViewSelection(win.document);
  if (code) return code;
  const selection = win.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const ranges: Range[] = [];
  for (
    let i = 0;
    i < Math.min(selection.rangeCount, MAX_QUOTE_RANGES + MAX_QUOTE_CELLS + 1);
    i += 1
  ) {
    ranges.push(selection.getRangeAt(i));
  }
  return readRanges(ranges, win.document.baseURI, () => selection.toString());
}

/**
 * The passage made of one element of the page (a link's paragraph), element included, read as
 * the reader sees it: the shadow trees `rootOf` opens in place of their hosts' children. Cut
 * (`truncated`) past `max` characters.
 */
export function readElement(
  element: Element,
  withElement: boolean,
  rootOf: ShadowRootOf,
  max: number,
): CapturedPassage | undefined {
  const doc = element.ownerDocument;
  const range = doc.createRange();
  // A heading hosting a tree is read whole, its tree with it.
  if (withElement || rootOf(element)) range.selectNode(element);
  else range.selectNodeContents(element);
  return readRanges([range], doc.baseURI, undefined, rootOf, max);
}
