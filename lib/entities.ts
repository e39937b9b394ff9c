/**
 * Character references (`&amp;`, `&#39;`, `&eacute;`…), decoded the same way wherever text
 * crosses from HTML to plain text: page metadata (capture), item bodies (storage, export) and
 * WordPress's answers.
 *
 * The `entities` package does the work (all 2,231 named references of the HTML standard, the
 * numeric rules of the HTML parser: `&#146;` → ’ as in Windows-1252, NUL, surrogates and out of
 * range → U+FFFD). It needs no DOM, so it runs in pages, the service worker and Node alike.
 */

import { DecodingMode, decodeHTML } from 'entities/decode';

/**
 * Decodes character references that end with `;`, as an HTML parser does in text. Legacy
 * references without `;` (`&amp` alone) are left literal: rare in editor output, and guessing
 * them wrongly would alter URLs. Unknown names (`&toString;`, `&constructor;`) stay literal text,
 * which is also what a browser shows.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return decodeHTML(text, DecodingMode.Strict);
}
