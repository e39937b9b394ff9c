import { withEllipsis, withoutStranded } from '../lib/ellipsis';
import type { Draft } from './db';
import { bodyText } from './derive';

/** At most this many words in a label drawn from the text. */
const LABEL_WORDS = 6;
/** …and at most this many characters, so that it fits on one line of the issue list. */
const LABEL_CHARS = 48;
/** The longest label an editor may give (a name, not a text). */
export const LABEL_MAX = 80;

/**
 * The first words of an item's text, as the label it has until the editor gives one: up to six
 * words and 48 characters, cut at a word, without the punctuation it was cut on, with « … » when
 * the text goes on. `''` for an item without text.
 */
export function labelFromText(html: string): string {
  const text = bodyText(html).replace(/\u00a0/g, ' ');
  if (!text) return '';
  const words = text.split(' ');
  let label = '';
  let used = 0;
  let counted = 0;
  for (const word of words) {
    const next = label ? `${label} ${word}` : word;
    // A lone « or » (French quotes stand apart) is not a word of the six.
    const isWord = /[\p{L}\p{N}]/u.test(word);
    if ((isWord && counted === LABEL_WORDS) || (label && next.length > LABEL_CHARS)) break;
    label = next;
    used++;
    if (isWord) counted++;
  }
  // A single very long word is cut too.
  if (label.length > LABEL_CHARS) label = label.slice(0, LABEL_CHARS);
  const whole = used === words.length && label === text;
  // A whole text needs no « … », but « Le projet, » still reads as a cut: the comma goes.
  return whole ? withoutStranded(label) : withEllipsis(label);
}

/**
 * How the issue list names an item: the label the editor gave it, else the first words of its
 * text, else (no text yet) the draft's title. The source's own title stays in the sources.
 */
export function itemLabel(draft: Pick<Draft, 'title' | 'body'> & { label?: string }): string {
  return draft.label?.trim() || labelFromText(draft.body) || draft.title;
}
