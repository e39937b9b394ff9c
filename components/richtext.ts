/**
 * Cleans HTML typed or pasted into an item to the house allow-list (see storage/item-html.ts,
 * where a restore finds the same rules for an item's text).
 */
export { cleanItemHtml, cleanPastedHtml } from '../storage/item-html';

/**
 * The visible text of an item, for counts, checks and list snippets. A string function, no DOM
 * parse: the inbox calls it for every row on every keystroke.
 */
export { bodyText as itemText } from '../storage/derive';

export { countText } from './counts';
