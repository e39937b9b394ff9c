/**
 * Cleans HTML typed or pasted into an item to the house allow-list (see storage/item-html.ts,
 * where a restore finds the same rules for an item's text).
 */
import { decodeEntities } from '../storage/derive';

export { cleanItemHtml, cleanPastedHtml } from '../storage/item-html';

/**
 * The visible text of an item, for counts, checks and list snippets. A string function, no DOM
 * parse: the inbox calls it for every row on every keystroke.
 */
export { bodyText as itemText } from '../storage/derive';

/**
 * An item's text as the conflict box shows it: a line per paragraph or list entry, where
 * {@link itemText} runs them on (« …la fin.Le début… » read as one paragraph).
 */
export function itemLines(html: string): string {
  return decodeEntities(
    html
      .replace(/<(br|\/p|\/li|\/h\d)\b[^>]*>/gi, '\n')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export { countText } from './counts';

/**
 * Whether `range` (inside `el`) holds all of `el`'s text: what is outside it, before or after,
 * is only spaces.
 */
export function coversText(range: Range, el: Node): boolean {
  const outside = el.ownerDocument!.createRange();
  outside.selectNodeContents(el);
  outside.setEnd(range.startContainer, range.startOffset);
  if (outside.toString().trim() !== '') return false;
  outside.selectNodeContents(el);
  outside.setStart(range.endContainer, range.endOffset);
  return outside.toString().trim() === '';
}

/**
 * The elements around `node` in the editor `root`, closest first (`node` itself when it is one),
 * `root` left out: what says a language, or a style, where a range is.
 */
function* elementsAround(node: Node, root: Node): Generator<Element> {
  for (let at: Node | null = node; at && at !== root && root.contains(at); at = at.parentNode) {
    if (at.nodeType === 1) yield at as Element;
  }
}

/**
 * The language of the text where `range` is in the editor `root`, an item's text written in
 * `textLang`: that of the closest element around it inside `root` that says one (a quote's
 * `<span lang="en">`), else `textLang`.
 */
export function languageAt(range: Range, root: Node, textLang: string): string {
  for (const el of elementsAround(range.commonAncestorContainer, root)) {
    const lang = el.getAttribute('lang');
    if (lang) return lang;
  }
  return textLang;
}

/**
 * `range` (a selection in the editor `root`) widened over the quotes around it whose words it
 * holds whole (elements saying a language): what replaces all a quote's words replaces the
 * quote, and is among the words around it, not in a quote left empty.
 */
export function overWholeQuotes(range: Range, root: Node): Range {
  const wide = range.cloneRange();
  if (wide.collapsed) return wide;
  for (const el of elementsAround(wide.commonAncestorContainer, root)) {
    if (el.hasAttribute('lang') && coversText(wide, el)) {
      wide.setStartBefore(el);
      wide.setEndAfter(el);
    }
  }
  return wide;
}
