/**
 * `end`, or one less when it would cut `text` between the two halves of a surrogate pair (an
 * emoji, a rare ideogram): where a slice of `text` may end.
 */
export function wholeCharEnd(text: string, end: number): number {
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/**
 * Where the first `max` characters of `text` end, counted as {@link charCount} counts them (a
 * surrogate pair is one): a cut that keeps `max` characters, as an editor counts them.
 */
export function charsEnd(text: string, max: number): number {
  let end = 0;
  for (let chars = 0; chars < max && end < text.length; chars++) {
    const code = text.charCodeAt(end);
    const next = text.charCodeAt(end + 1);
    end += code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return end;
}

/**
 * How many characters `text` holds, as code points: an emoji or a rare ideogram of one (two
 * UTF-16 code units, a surrogate pair) is one, where `length` counts two; an emoji joined of
 * several, or followed by a variation selector, counts each. Counted without `Intl.Segmenter`
 * and without splitting the text into an array: a value may be 2,000,000 characters long.
 */
export function charCount(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}

/**
 * Shortens `text` to at most `max` characters, cutting at the last word boundary when one is
 * close enough (a single 5,000-character "word" is cut where the limit falls), and never in the
 * middle of a surrogate pair. Returns the text unchanged when it fits.
 *
 * @param mark Appended after the cut, counted within `max`.
 * @param joint Between the text kept and the mark: a space (`trois …`, the fields' mark of a
 *   cut), or nothing for an ellipsis against the word (`trois…`, in a sentence).
 */
export function cutAtWord(text: string, max: number, mark = '…', joint = ' '): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - mark.length - joint.length);
  let end = room;
  const space = text.lastIndexOf(' ', room);
  const newline = text.lastIndexOf('\n', room);
  const boundary = Math.max(space, newline);
  // A boundary in the second half of the room ends a word; earlier, the text has no words to
  // speak of (a long address, a run of characters) and is cut where the limit falls.
  if (boundary > room / 2) end = boundary;
  const kept = text.slice(0, wholeCharEnd(text, end)).trimEnd();
  return kept === '' ? mark : `${kept}${joint}${mark}`;
}

/** Punctuation a cut text must not end on before its « … »: « Le projet,… » reads as a typo. */
const STRANDED = /[\s,;:«(“‘'"–—-]+$/u;

/** `text` without punctuation left dangling at its end (« Le projet, » reads as a cut). */
export function withoutStranded(text: string): string {
  return text.replace(STRANDED, '');
}

/** The marks that open an aside or a quotation, and the mark that closes each. */
const CLOSING: Readonly<Record<string, string>> = { '(': ')', '«': '»', '“': '”' };

/**
 * `kept` (a text cut short) without the aside or quotation its cut left open: « The Hidden
 * Heroines of Chaos (Quanta » is cut before its « ( », at a word, and reads « The Hidden Heroines
 * of Chaos ». Kept as it is when that would take away most of it (a quotation that opens the
 * text, « « United States to Lift Sudan », is better cut inside than dropped). A straight `"`, as
 * typed on a keyboard (the exports make « » of it), closes the one open, else opens one where a
 * word starts (after a space, an elision's apostrophe, `l'"affaire`, or at the start: `27"` is no
 * quotation).
 */
function closedAtCut(kept: string): string {
  const open: { at: number; close: string }[] = [];
  for (let i = 0; i < kept.length; i++) {
    const mark = kept[i]!;
    const straightOpens =
      mark === '"' &&
      !open.some((entry) => entry.close === '"') &&
      (i === 0 || /[\s(«“'’]/u.test(kept[i - 1]!));
    const close = straightOpens ? '"' : CLOSING[mark];
    if (close) {
      open.push({ at: i, close });
      continue;
    }
    const closed = open.map((entry) => entry.close).lastIndexOf(mark);
    if (closed >= 0) open.length = closed;
  }
  const first = open[0];
  if (!first) return kept;
  let end = first.at;
  // A mark against a word (« ministre(s » ) takes the word with it.
  if (end > 0 && !/\s/u.test(kept[end - 1]!)) end = kept.slice(0, end).search(/\S*$/u);
  const before = withoutStranded(kept.slice(0, end));
  return /[\p{L}\p{N}]/u.test(before) && before.length >= kept.length / 2 ? before : kept;
}

/**
 * A text cut short, ended with « … » against its last word: without the punctuation it was cut
 * on, nor a sentence's full stop, which « .… » would repeat (an ellipsis already there stays),
 * nor an aside or quotation the cut left open (see {@link closedAtCut}).
 */
export function withEllipsis(kept: string): string {
  return `${withoutStranded(closedAtCut(withoutStranded(kept))).replace(/(?<!\.)\.$/u, '')}…`;
}

/**
 * `text` whole when it has at most `max` characters; else cut at a word to fit in `max` with its
 * « … » (see {@link withEllipsis}). For a title quoted in a message or a menu.
 */
export function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  return withEllipsis(cutAtWord(text, max - 1, '', ''));
}
