/**
 * "Clip link" from the context menu: Chrome hands over the link's URL only, so the link element
 * is found again in the page to read its text and the paragraph around it; Firefox can name the
 * element right-clicked too.
 */

import { readElement, type ShadowRootOf } from './selection';
import type { CapturedPassage } from './types';
import { cleanText } from './text';
import { cleanUrl } from './url';

export type { ShadowRootOf };

/** What the clip records about a link. */
export interface LinkDescription {
  /** The link's URL, tracking parameters removed. */
  url: string;
  /** The link's text, else its title or aria-label, else the alt text of an image inside it. */
  text: string;
  /** The paragraph (or list item, quote, cell...) that contains the link. */
  context?: CapturedPassage;
}

/** Containers that make a sensible context for a link. */
const CONTEXT_SELECTOR = 'p, li, blockquote, dd, dt, td, th, figcaption, h1, h2, h3, h4, h5, h6';

/** Larger "paragraphs" are layout containers, not context. */
const MAX_CONTEXT_CHARS = 3_000;

/** The link's URL as the browser resolved it, or undefined if it does not parse. */
function resolvedHref(link: Element, base: string): string | undefined {
  try {
    return new URL(link.getAttribute('href') ?? '', base).href;
  } catch {
    return undefined;
  }
}

/**
 * What tells which of a page's links to one address the editor right-clicked: the browser's
 * context menu names the address only, and a page often links it several times (the menu, the
 * headline's image, the article's words).
 */
export interface LinkHint {
  /** The element right-clicked, when the browser tells it (Firefox: menus.getTargetElement). */
  target?: Element | null;
  /** The page's selection: a link to that address inside it is the one the editor meant. */
  selection?: Selection | null;
}

const LINKS = 'a[href], area[href]';

/** Site furniture: a link there is rarely the one read, when the article links the same page. */
const FURNITURE =
  'nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [role=complementary]';

/** The page's reading: an article or the main content. */
const CONTENT = 'article, main, [role=main], [role=article]';

/** Whether `link` leads to `href`: resolved as the browser resolves it, or once both are cleaned. */
function leadsTo(link: Element, href: string, base: string): boolean {
  const url = resolvedHref(link, base);
  return url !== undefined && (url === href || cleanUrl(url) === cleanUrl(href));
}

const openShadowRoot: ShadowRootOf = (element) => element.shadowRoot;

/**
 * The shadow trees under `root` that `rootOf` opens, theirs included: a custom element
 * (`<my-link href>`) draws its link there (`<a href><slot></slot></a>`), out of reach of the
 * page's querySelectorAll.
 */
function shadowRoots(root: Document | ShadowRoot, rootOf: ShadowRootOf): ShadowRoot[] {
  return Array.from(root.querySelectorAll('*')).flatMap((element) => {
    const shadow = rootOf(element);
    return shadow ? [shadow, ...shadowRoots(shadow, rootOf)] : [];
  });
}

/**
 * The links whose resolved URL is `href`; else those equal to it once both are cleaned. In the
 * page's shadow trees when the page itself has none: every element is looked at (and, for a
 * closed tree, asked of the browser) to find them, which only a page that draws its links there
 * needs.
 */
function linksTo(doc: Document, href: string, rootOf: ShadowRootOf): Element[] {
  const found = linksIn(doc, [doc], href);
  return found.length > 0 ? found : linksIn(doc, shadowRoots(doc, rootOf), href);
}

function linksIn(doc: Document, roots: (Document | ShadowRoot)[], href: string): Element[] {
  const links = roots.flatMap((root) => Array.from(root.querySelectorAll(LINKS)));
  const base = doc.baseURI;
  const resolved = links.map((link) => resolvedHref(link, base));
  const exact = links.filter((_, index) => resolved[index] === href);
  if (exact.length > 0) return exact;
  const wanted = cleanUrl(href);
  return links.filter((_, index) => {
    const url = resolved[index];
    return url !== undefined && cleanUrl(url) === wanted;
  });
}

/** Whether the selection holds some of `link` (a link half selected was meant too). */
function selected(selection: Selection | null | undefined, link: Element): boolean {
  if (!selection || selection.isCollapsed) return false;
  for (let index = 0; index < selection.rangeCount; index++) {
    if (selection.getRangeAt(index).intersectsNode(link)) return true;
  }
  return false;
}

/**
 * How likely the editor right-clicked `link` among links to the same address, reading the page:
 * a link they can see first (a hidden one cannot be clicked), then one out of the site's
 * furniture, then one with words (an image-only link is the headline's picture, the logo), then
 * one inside the article or the main content.
 */
function likelihood(link: Element): number {
  // (Not aria-hidden: a teaser's picture link is often hidden from screen readers, not eyes.)
  const hidden =
    !!link.closest('[hidden]') ||
    // Absent from older engines (and jsdom): the attribute above tells what it can. With
    // `visibility: hidden` too (a closed drop-down's link, laid out, cannot be clicked either;
    // `checkVisibilityCSS` is its name before Chrome 121); not opacity: a transparent link is.
    (link as Element & { checkVisibility?(options: object): boolean }).checkVisibility?.({
      visibilityProperty: true,
      checkVisibilityCSS: true,
    }) === false;
  return (
    (hidden ? 0 : 8) +
    (link.closest(FURNITURE) ? 0 : 4) +
    (cleanText(shownText(link)) ? 2 : 0) +
    (link.closest(CONTENT) ? 1 : 0)
  );
}

/**
 * The link of `doc` to `href` (as the browser's context menu gives it) the editor meant: the
 * element right-clicked when the browser names it and it leads there; else, of those in the
 * editor's selection (or of all when it holds none), the most likely read ({@link likelihood}),
 * the first of those in the page's order. Shadow trees are those `rootOf` opens.
 */
export function chooseLink(
  doc: Document,
  href: string,
  hint: LinkHint = {},
  rootOf: ShadowRootOf = openShadowRoot,
): Element | undefined {
  const clicked = hint.target?.closest(LINKS);
  if (clicked && leadsTo(clicked, href, doc.baseURI)) return clicked;
  // The element named leads elsewhere: another link than the menu's (an id gone stale, a list
  // the page drew again in the same elements, another right-click since), so the address
  // decides. Unless no link of the page leads there any more: the page rewrote the link's href
  // after the menu read it (Google's results swap theirs on mousedown, and back): the element is
  // then still the one right-clicked, its words and paragraph the right ones, and the menu's
  // address (kept by describeLink) the one the editor saw; the address alone would find nothing.
  const all = linksTo(doc, href, rootOf);
  if (clicked && all.length === 0) return clicked;
  if (all.length < 2) return all[0];
  // A selection of the whole page (Ctrl+A) or of a column holds the menu's link too.
  const inSelection = all.filter((link) => selected(hint.selection, link));
  const links = inSelection.length > 0 ? inSelection : all;
  let best = links[0]!;
  let bestScore = likelihood(best);
  for (const link of links.slice(1)) {
    const score = likelihood(link);
    if (score > bestScore) [best, bestScore] = [link, score];
  }
  return best;
}

/**
 * The text `node` shows: a `<slot>`'s is that of the page's nodes placed in it (a custom
 * element's words, written in the page, shown by its shadow tree's link), else its own.
 */
function shownText(node: Node): string {
  if (node.nodeType === 3 /* Node.TEXT_NODE */) return node.nodeValue ?? '';
  const slot = node as HTMLSlotElement;
  const shown = slot.localName === 'slot' ? slot.assignedNodes({ flatten: true }) : node.childNodes;
  return Array.from(shown, shownText).join('');
}

function linkText(link: Element): string | undefined {
  return (
    cleanText(shownText(link)) ??
    cleanText(link.getAttribute('title')) ??
    cleanText(link.getAttribute('aria-label')) ??
    cleanText(link.querySelector('img[alt]')?.getAttribute('alt')) ??
    cleanText(link.getAttribute('alt'))
  );
}

/**
 * The paragraph around `element` as the reader sees it: its ancestors, a shadow tree's host
 * after the tree's top (a custom element's link), and for an element of the page placed in a
 * slot of its parent's tree (of those `rootOf` opens), the slot's (a paragraph the tree draws).
 */
function blockOf(element: Element, rootOf: ShadowRootOf): Element | undefined {
  for (let node: Element | null | undefined = element; node;) {
    if (node.matches(CONTEXT_SELECTOR)) return node;
    const parent: Element | null = node.parentElement;
    const shadow: ShadowRoot | null = parent && rootOf(parent);
    node = shadow
      ? Array.from(shadow.querySelectorAll('slot')).find((slot) =>
          slot.assignedNodes().includes(node!),
        )
      : (parent ?? (node.getRootNode() as Partial<ShadowRoot>).host);
  }
  return undefined;
}

function contextOf(link: Element, rootOf: ShadowRootOf): CapturedPassage | undefined {
  const block = blockOf(link, rootOf);
  if (!block) return undefined;
  // Checked before reading: a layout container can hold a whole page.
  if ((block.textContent ?? '').replace(/\s+/g, ' ').length > MAX_CONTEXT_CHARS) return undefined;
  // Paragraphs and quotes keep their element; other containers (li, td...) give their content.
  const tag = block.localName;
  const context = readElement(
    block,
    tag === 'p' || tag === 'blockquote',
    rootOf,
    MAX_CONTEXT_CHARS,
  );
  // The words shadow trees draw count too, which the page's text above leaves out: a block cut
  // at the bound is a layout container as well.
  return context?.truncated ? undefined : context;
}

/**
 * Describes the link of `doc` whose resolved URL is `href` (as given by the browser's context
 * menu), the one {@link chooseLink} finds: its cleaned URL, its text, and the paragraph around it
 * as a passage, read as the reader sees it (the words shadow trees draw in it included). Returns
 * undefined when the page has no such link. Shadow trees are those `rootOf` opens (open ones by
 * default).
 */
export function describeLink(
  doc: Document,
  href: string,
  hint?: LinkHint,
  rootOf: ShadowRootOf = openShadowRoot,
): LinkDescription | undefined {
  const link = chooseLink(doc, href, hint, rootOf);
  if (!link) return undefined;
  const url = cleanUrl(href);
  return { url, text: linkText(link) ?? url, context: contextOf(link, rootOf) };
}
