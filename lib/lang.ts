/**
 * Language tags (BCP 47) as an item's text and the exports use them: the language of a quoted
 * page, kept on the quote (`<span lang="en">`) so that French typography leaves it as written.
 */

/**
 * A well-formed language tag of the common shape: a language of 2 or 3 letters, then an
 * optional script (4 letters), region (2 letters or 3 digits) and variants. Extensions,
 * private use and the irregular legacy tags are not taken: no page language needs them, and
 * an attribute value that is not a tag is not markup worth keeping.
 */
const LANGUAGE_TAG =
  /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*$/i;

/**
 * `tag` as a valid language tag (`en`, `en-GB`, `pt-BR`; `en_US`, as some pages write it,
 * becomes `en-US`), or null when it is not one.
 */
export function languageTag(tag: string | null | undefined): string | null {
  const written = (tag ?? '').trim().replace(/_/g, '-');
  return LANGUAGE_TAG.test(written) ? written : null;
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
