/**
 * "Clip link" from the context menu: the browser hands over the link's URL only, so the link
 * element is found again in the page to read its text and the paragraph around it.
 */

import { readElement } from './selection';
import type { CapturedPassage } from './types';
import { cleanText } from './text';
import { cleanUrl } from './url';

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

/** Finds the link: exact match of the resolved URL first, then a match once both are cleaned. */
function findLink(doc: Document, href: string): Element | undefined {
  const links = Array.from(doc.querySelectorAll('a[href], area[href]'));
  const base = doc.baseURI;
  const resolved = links.map((link) => resolvedHref(link, base));
  const exact = links.find((_, index) => resolved[index] === href);
  if (exact) return exact;
  const wanted = cleanUrl(href);
  return links.find((_, index) => {
    const url = resolved[index];
    return url !== undefined && cleanUrl(url) === wanted;
  });
}

function linkText(link: Element): string | undefined {
  return (
    cleanText(link.textContent) ??
    cleanText(link.getAttribute('title')) ??
    cleanText(link.getAttribute('aria-label')) ??
    cleanText(link.querySelector('img[alt]')?.getAttribute('alt')) ??
    cleanText(link.getAttribute('alt'))
  );
}

function contextOf(link: Element): CapturedPassage | undefined {
  const block = link.closest(CONTEXT_SELECTOR);
  if (!block) return undefined;
  // Checked before reading: a layout container can hold a whole page.
  if ((block.textContent ?? '').replace(/\s+/g, ' ').length > MAX_CONTEXT_CHARS) return undefined;
  // Paragraphs and quotes keep their element; other containers (li, td...) give their content.
  const tag = block.localName;
  return readElement(block, tag === 'p' || tag === 'blockquote');
}

/**
 * Describes the link of `doc` whose resolved URL is `href` (as given by the browser's context
 * menu): its cleaned URL, its text, and the paragraph around it as a passage. Returns undefined
 * when the page has no such link.
 */
export function describeLink(doc: Document, href: string): LinkDescription | undefined {
  const link = findLink(doc, href);
  if (!link) return undefined;
  const url = cleanUrl(href);
  return { url, text: linkText(link) ?? url, context: contextOf(link) };
}
