import { purifyHtml } from '../lib/purify';

/** What an item's text may contain: the house voice is paragraphs, bold, italic and links. */
const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'a'];

/**
 * Cleans HTML typed or pasted into an item to the house allow-list: `<b>`/`<i>` become
 * `<strong>`/`<em>`, headings and divs become paragraphs, links keep only an http(s)/mailto
 * href, everything else (spans included) is reduced to its text; no-break spaces become spaces.
 */
export function cleanItemHtml(html: string, doc: Document = document): string {
  const template = doc.createElement('template');
  template.innerHTML = html;
  const root = template.content;
  for (const [from, to] of [
    ['b', 'strong'],
    ['i', 'em'],
  ] as const) {
    root.querySelectorAll(from).forEach((el) => rename(el, to, doc));
  }
  root.querySelectorAll('div, h1, h2, h3, h4, h5, h6, li, blockquote').forEach((el) => {
    // Only blocks that hold text become paragraphs; wrappers are unwrapped by the purifier.
    if (!el.querySelector('div, p, h1, h2, h3, h4, h5, h6, li, blockquote, ul, ol')) {
      rename(el, 'p', doc);
    }
  });
  // Links that lose their href (a javascript: one, say) become plain text.
  const clean = purifyHtml(root, ALLOWED_TAGS, doc);
  clean.querySelectorAll('p').forEach((p) => {
    if (!p.textContent?.trim() && !p.querySelector('br')) p.remove();
  });
  // Browsers type a space at the end of a line as a no-break space (to keep it visible) and
  // leave `&nbsp;` behind; spacing is the export's typography's job, so the text keeps spaces.
  const walker = doc.createTreeWalker(clean, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue?.includes('\u00a0')) node.nodeValue = node.nodeValue.replace(/\u00a0/g, ' ');
  }
  const out = doc.createElement('div');
  out.appendChild(clean);
  return wrapLooseText(out, doc).innerHTML.trim();
}

/** Text typed straight into the editor, outside any paragraph, goes into one. */
function wrapLooseText(container: HTMLElement, doc: Document): HTMLElement {
  let current: HTMLParagraphElement | undefined;
  for (const node of Array.from(container.childNodes)) {
    const inline =
      node.nodeType === 3 || (node.nodeType === 1 && (node as Element).tagName !== 'P');
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

function rename(el: Element, tag: string, doc: Document) {
  const replacement = doc.createElement(tag);
  for (const attr of Array.from(el.attributes)) replacement.setAttribute(attr.name, attr.value);
  replacement.append(...Array.from(el.childNodes));
  el.replaceWith(replacement);
}

/**
 * The visible text of an item, for counts, checks and list snippets. A string function, no DOM
 * parse: the inbox calls it for every row on every keystroke.
 */
export { bodyText as itemText } from '../storage/derive';

export { countText } from './counts';
