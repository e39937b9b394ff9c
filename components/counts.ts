/** What makes a word of what stands between two spaces: a letter or a digit. */
const WORD = /[\p{L}\p{N}]/u;

/**
 * Words and characters, as an editor counts them against the length budget. Apart from
 * `richtext.ts` (DOMPurify), so that the inbox list counts without loading the cleaner.
 *
 * A mark standing alone between spaces is no word: French typography spaces « », : ; ! ? apart
 * from their words (« Il a dit : « oui » ! » is four words, not eight), with no-break spaces a
 * word processor never splits a word at, and a dash between asides or a « % » is none either.
 */
export function countText(text: string): { words: number; chars: number } {
  const trimmed = text.trim();
  let words = 0;
  if (trimmed) for (const part of trimmed.split(/\s+/)) if (WORD.test(part)) words++;
  return { words, chars: trimmed.length };
}
