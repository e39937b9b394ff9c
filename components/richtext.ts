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
