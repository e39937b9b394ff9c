/**
 * Language tags (BCP 47) as an item's text and the exports use them: the language of a quoted
 * page, kept on the quote (`<span lang="en">`) so that French typography leaves it as written.
 */

import { escapeHtml } from './html';

/**
 * The language tag of words in no language (BCP 47's « no linguistic content »): code a page
 * showed (`<code>`, `<kbd>`, `<pre>`), kept in an item as `<span lang="zxx">` so that French
 * typography leaves it as written.
 */
export const NO_LANGUAGE = 'zxx';

/** The elements whose words are code (a command, an address's path, a snippet), not prose. */
export const CODE_ELEMENTS = ['code', 'kbd', 'samp', 'tt', 'pre'] as const;

/**
 * A well-formed language tag of the common shape: a language of 2 or 3 letters, then an
 * optional script (4 letters), region (2 letters or 3 digits) and variants. Extensions,
 * private use and the irregular legacy tags are not taken: no page language needs them, and
 * an attribute value that is not a tag is not markup worth keeping.
 */
const LANGUAGE_TAG =
  /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*$/i;

/** How a language tag is read: see {@link languageTag}. */
export interface LanguageTagOptions {
  /**
   * The tag is what a page declares of itself (`<html lang>`, Content-Language, og:locale): the
   * first of a list (`en-US, fr`), and without its extensions and private use (`en-US-u-ca-gregory`
   * is `en-US`), which name no language of their own.
   */
  declared?: boolean;
}

/**
 * `tag` as a valid language tag in its usual case (`en`, `en-GB`, `pt-BR`, `zh-Hant-TW`: `EN-us`
 * gives `en-US`; `en_US`, as some pages write it, `en-US`), or null when it is not one. The one
 * reader of language tags: a page's language, a quote's `<span lang>`, a source's `lang` in an
 * export, each written the same way, so that two tags of one language compare equal.
 */
export function languageTag(
  tag: string | null | undefined,
  { declared = false }: LanguageTagOptions = {},
): string | null {
  let written = (tag ?? '').trim().replace(/_/g, '-');
  if (declared) {
    written = written.split(',')[0]!.trim();
    // From the first singleton (`-u-`, `-x-`…) on, extensions and private use.
    written = written.replace(/-[a-z\d](?:-.*)?$/i, '');
  }
  if (!LANGUAGE_TAG.test(written)) return null;
  return written
    .split('-')
    .map((part, index) => {
      if (index === 0) return part.toLowerCase();
      if (part.length === 2) return part.toUpperCase();
      if (part.length === 4 && /^[a-z]+$/i.test(part)) {
        return part[0]!.toUpperCase() + part.slice(1).toLowerCase();
      }
      return part.toLowerCase();
    })
    .join('-');
}

/** The language of a tag without its script, region or variants: `en` for `en-GB`. */
export function primaryLanguage(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? '').toLowerCase();
}

/** Whether a language tag names French (`fr`, `fr-FR`, `fr-CA`…). */
export function isFrench(lang: string): boolean {
  return /^fr(?:[-_]|$)/i.test(lang.trim());
}

/**
 * The language a quote from a page in `pageLang` is marked with in a text written in
 * `textLang`: the page's, when it is known, valid and another language; null otherwise (the
 * quote reads as the text around it).
 */
export function quoteLanguage(pageLang: string | undefined, textLang: string): string | null {
  const tag = languageTag(pageLang);
  if (!tag || primaryLanguage(tag) === primaryLanguage(textLang)) return null;
  return tag;
}

/**
 * `html` (words already escaped, as element content or as attribute-safe text, whichever the
 * caller writes) marked in `lang`: `<span lang="en">…</span>`, as a quote's words are in an
 * item's text and a new draft's template; `html` as it is without a language.
 */
export function languageSpan(html: string, lang: string | null | undefined): string {
  return lang ? `<span lang="${escapeHtml(lang)}">${html}</span>` : html;
}
