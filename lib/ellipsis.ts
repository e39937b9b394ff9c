import { cutAtWord } from '../capture/bounds';

/** Punctuation a cut text must not end on before its « … »: « Le projet,… » reads as a typo. */
const STRANDED = /[\s,;:«(“‘'"–—-]+$/u;

/** `text` without punctuation left dangling at its end (« Le projet, » reads as a cut). */
export function withoutStranded(text: string): string {
  return text.replace(STRANDED, '');
}

/**
 * A text cut short, ended with « … » against its last word: without the punctuation it was cut
 * on, nor a sentence's full stop, which « .… » would repeat (an ellipsis already there stays).
 */
export function withEllipsis(kept: string): string {
  return `${withoutStranded(kept).replace(/(?<!\.)\.$/u, '')}…`;
}

/**
 * `text` whole when it has at most `max` characters; else cut at a word to fit in `max` with its
 * « … » (see {@link withEllipsis}). For a title quoted in a message or a menu.
 */
export function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  return withEllipsis(cutAtWord(text, max - 1, '', ''));
}
