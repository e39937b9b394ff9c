import { addCatalogues, type CoreKey, type Locale } from './core';
import { en } from './en';
import { fr, type RestKey } from './fr';

/**
 * The words of every page: the first paint's (core.ts) and all the others (fr.ts, en.ts), added
 * to them as this module is evaluated. Importing it brings those catalogues into the importer's
 * chunk: the popup's first-paint modules import `locales/core` instead (see core.ts), every
 * other module this one.
 */

export { detectLocale, getLocale, listOf, setLocale, setLocaleChoice } from './core';
export type { Locale, PluralMessage } from './core';

/** Any message's key. */
export type MessageKey = CoreKey | RestKey;

/** Translates any message (the one `t` of core.ts, over every key). */
export const t = addCatalogues(fr, en);

/**
 * Translates `key` as {@link t} does, with the placeholders named in `elements` filled by
 * elements (a link, a button) rather than words: the message places them in its sentence, each
 * language in its own order, where an element glued after a message's words kept French order
 * in English. Returns the sentence's parts in order, words and elements, for a component to lay
 * out: `<p>{tParts('publish.notConfigured', { settings: <button>…</button> })}</p>`.
 */
export function tParts<Element>(
  key: MessageKey,
  elements: Record<string, Element>,
  params: Record<string, string | number> = {},
  locale?: Locale,
): (string | Element)[] {
  const names = Object.keys(elements);
  // Each element's place is marked with characters of the private use area, which no message
  // holds, and filled as a value is; then the sentence is cut at the marks.
  const marks = Object.fromEntries(names.map((name, i) => [name, `\ue000${i}\ue001`]));
  return t(key, { ...params, ...marks }, locale)
    .split(/\ue000(\d+)\ue001/u)
    .flatMap((part, i): (string | Element)[] =>
      i % 2 ? [elements[names[Number(part)]!]!] : part ? [part] : [],
    );
}
