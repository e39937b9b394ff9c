/**
 * The user's selection, as plain text and as HTML reduced to a small allow-list. The HTML ends up
 * in a WordPress draft, so everything that could run, track or restyle is removed, and links are
 * made absolute (a relative link means nothing once the passage leaves the page).
 */

import DOMPurify from 'dompurify';
import type { SelectedPassage } from './types';
import { normalizeMultiline } from './text';
import { cleanUrl } from './url';

/** Elements a passage may keep. Everything else is unwrapped (or dropped with its content). */
export const PASSAGE_TAGS: readonly string[] =
  'p br a strong b em i blockquote q cite ul ol li code sub sup'.split(' ');

/** Link schemes worth keeping; `javascript:`, `data:`, `blob:`... are dropped. */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Ancestors whose meaning a partial selection should keep (selecting words inside a link). */
const CONTEXT_TAGS = new Set('A STRONG B EM I Q CITE CODE SUB SUP BLOCKQUOTE'.split(' '));

/** Elements that end a paragraph when the passage is turned into text. */
const BLOCK_TAGS = new Set([
  ...'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER HEADER HR'.split(' '),
  ...'H1 H2 H3 H4 H5 H6 LI MAIN NAV OL P PRE SECTION TABLE TR UL'.split(' '),
]);

/** Elements whose text is not part of what the reader saw. */
const HIDDEN_TAGS = new Set('SCRIPT STYLE NOSCRIPT TEMPLATE SVG MATH'.split(' '));

/** Resolves a link against the page and returns it if its scheme is safe, cleaned of tracking. */
function safeHref(href: string, base: string): string | undefined {
  try {
    const url = new URL(href.trim(), base);
    if (!SAFE_PROTOCOLS.has(url.protocol)) return undefined;
    return cleanUrl(url.href);
  } catch {
    return undefined;
  }
}

/** Replaces an element by its children. */
function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

/** Passage elements that start on their own line: whitespace next to them is not content. */
const PASSAGE_BLOCKS = new Set(['P', 'UL', 'OL', 'LI', 'BLOCKQUOTE']);

function isPassageBlock(node: Node | null): boolean {
  return node?.nodeType === ELEMENT_NODE && PASSAGE_BLOCKS.has((node as Element).tagName);
}

/**
 * Collapses whitespace in text nodes and drops the source indentation around blocks, so that a
 * passage serialises as `<p>a</p><p>b</p>` rather than keeping the page's formatting.
 */
function tidyWhitespace(root: DocumentFragment, owner: Document): void {
  root.normalize();
  const texts: Text[] = [];
  const walker = owner.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const text of texts) {
    let value = text.data.replace(/[\s\u00a0]+/g, ' ');
    const parent = text.parentNode;
    const inBlock = parent === root || isPassageBlock(parent);
    const prev = text.previousSibling;
    const next = text.nextSibling;
    if ((prev === null && inBlock) || isPassageBlock(prev)) value = value.trimStart();
    if ((next === null && inBlock) || isPassageBlock(next)) value = value.trimEnd();
    if (value === '') text.remove();
    else text.data = value;
  }
}

/** Escapes text for use as HTML, for environments where DOMPurify cannot run. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Sanitises HTML to the passage allow-list (`p, br, a, strong, b, em, i, blockquote, q, cite, ul,
 * ol, li, code, sub, sup`), keeping only `href` on links: relative links are made absolute against
 * `doc.baseURI`, links with an unsafe scheme lose their `href` and are unwrapped, and whitespace is
 * collapsed. Scripts, styles, event handlers and inline styles never survive.
 *
 * @param html Untrusted HTML, e.g. a serialised selection.
 * @param doc The document the HTML comes from: gives the base URL and the window DOMPurify needs.
 */
export function sanitizePassageHtml(html: string, doc: Document = document): string {
  const win = doc.defaultView;
  const base = doc.baseURI;
  const purify = win ? DOMPurify(win) : undefined;
  if (!purify?.isSupported) {
    // Without a working DOMPurify, only text is safe.
    return escapeHtml(normalizeMultiline(html.replace(/<[^>]*>/g, ' ')));
  }
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    if (element.nodeType !== ELEMENT_NODE || !element.hasAttribute('href')) return;
    const href = safeHref(element.getAttribute('href') ?? '', base);
    if (href) element.setAttribute('href', href);
    else element.removeAttribute('href');
  });
  const fragment = purify.sanitize(html, {
    ALLOWED_TAGS: [...PASSAGE_TAGS],
    ALLOWED_ATTR: ['href'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
    // A fragment rather than a string: the post-processing below then needs no innerHTML write,
    // which pages enforcing Trusted Types would refuse.
    RETURN_DOM_FRAGMENT: true,
  });
  const owner = fragment.ownerDocument ?? doc;
  for (const link of Array.from(fragment.querySelectorAll('a:not([href])'))) unwrap(link);
  tidyWhitespace(fragment, owner);
  const holder = owner.createElement('div');
  holder.appendChild(fragment);
  return holder.innerHTML.trim();
}

/** The selected part of one range, wrapped in clones of the inline elements around it. */
function cloneRange(range: Range, doc: Document): Node {
  let fragment: Node = range.cloneContents();
  let node: Node | null = range.commonAncestorContainer;
  if (node.nodeType !== ELEMENT_NODE) node = node.parentNode;
  for (; node && node.nodeType === ELEMENT_NODE && node !== doc.body; node = node.parentNode) {
    if (CONTEXT_TAGS.has((node as Element).tagName.toUpperCase())) {
      const wrapper = node.cloneNode(false);
      wrapper.appendChild(fragment);
      fragment = wrapper;
    }
  }
  return fragment;
}

/**
 * Text of a node with paragraph breaks (`\n\n`) where blocks end, without the contents of
 * scripts and styles: what `Selection.toString()` gives in a browser, also where it does not
 * (jsdom returns raw text nodes, source indentation and script text included).
 */
export function passageText(root: Node): string {
  const parts: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      parts.push((node.nodeValue ?? '').replace(/\s+/g, ' '));
      return;
    }
    const tag = node.nodeType === ELEMENT_NODE ? (node as Element).tagName.toUpperCase() : '';
    if (HIDDEN_TAGS.has(tag)) return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push('\n\n');
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (block) parts.push('\n\n');
  };
  visit(root);
  return normalizeMultiline(parts.join(''));
}

/** Whether the fragment already has block structure (a multi-range selection can mix both). */
function hasBlocks(node: Node): boolean {
  if (node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).tagName.toUpperCase())) {
    return true;
  }
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (hasBlocks(child)) return true;
  }
  return false;
}

const withoutSpace = (text: string): string => text.replace(/\s+/g, '');

/**
 * Reads the user's selection: every range is cloned (not moved: the page is left untouched), its
 * HTML sanitised with {@link sanitizePassageHtml}, and its text whitespace-normalised with
 * paragraph breaks kept as `\n\n`. Returns undefined when nothing (or only whitespace) is selected.
 */
export function captureSelection(win: Window = window): SelectedPassage | undefined {
  const selection = win.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const doc = win.document;
  const container = doc.createElement('div');
  for (let i = 0; i < selection.rangeCount; i += 1) {
    const fragment = cloneRange(selection.getRangeAt(i), doc);
    // Separate ranges (Firefox's Ctrl+selection, table cells) are separate paragraphs.
    if (selection.rangeCount > 1 && !hasBlocks(fragment)) {
      const paragraph = doc.createElement('p');
      paragraph.appendChild(fragment);
      container.appendChild(paragraph);
    } else {
      container.appendChild(fragment);
    }
  }
  const selected = normalizeMultiline(selection.toString());
  const structured = passageText(container);
  // Prefer the structured text when the browser's text contains each of its paragraphs: it keeps
  // paragraph breaks that toString() loses in some engines. When a paragraph is missing from the
  // browser's text (an element hidden with CSS), trust the browser, which knows what is rendered.
  const flat = withoutSpace(selected);
  const faithful =
    structured !== '' &&
    structured.split('\n\n').every((part) => flat.includes(withoutSpace(part)));
  const text = faithful ? structured : selected;
  if (text === '') return undefined;
  return { text, html: sanitizePassageHtml(container.innerHTML, doc) };
}
