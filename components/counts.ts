/**
 * Words and characters, as an editor counts them against the length budget. Apart from
 * `richtext.ts` (DOMPurify), so that the inbox list counts without loading the cleaner.
 */
export function countText(text: string): { words: number; chars: number } {
  const trimmed = text.trim();
  return { words: trimmed ? trimmed.split(/\s+/).length : 0, chars: trimmed.length };
}
