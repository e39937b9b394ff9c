/**
 * French typography, following the Imprimerie nationale convention (Lexique des règles
 * typographiques en usage à l'Imprimerie nationale):
 *
 * - narrow no-break space U+202F ("espace fine insécable") before `;`, `!` and `?`;
 * - no-break space U+00A0 ("espace insécable", word width) before `:` and inside guillemets
 *   (`« x »`);
 * - typographic apostrophe `’` instead of `'` after a letter (`l'alerte` → `l’alerte`);
 * - straight double quotes `"x"` become `« x »` when they are balanced within a paragraph (an odd
 *   count is ambiguous, e.g. a quotation cut short as in the seed issue, and is left alone);
 * - a double hyphen typed between words and spaces (`Canal+ -- Bouygues`), as on a keyboard with
 *   no dash key, is the dash meant: `Canal+ — Bouygues`. Not at a paragraph's start (a house
 *   opener may be `-- `, and `--> ` is one), nor stuck to a word or another hyphen (`--help`,
 *   `-->`, `---`).
 *
 * Spacing we repair, because pasted copy is full of it (the seed has "la mesure ." and
 * "Rochebrocard ,"): runs of spaces collapse to one ordinary space when they contain an ordinary
 * space (so the " &nbsp;" WordPress writes for a typed double space goes too); whatever space
 * precedes `;:!?` is replaced by the right no-break space, and one is inserted when missing;
 * ordinary spaces before `,` and `.` are removed when they follow a word and precede a space or
 * the end ("mesure ." → "mesure.", but ". ." in "achat. . Ou" and ",5" in "1 ,5" are left alone:
 * no word before, or no space after, means we cannot tell what was meant).
 *
 * A no-break space between a number and `%` or `€` after it (`13 %`, `275 €`, one put in
 * `13%`), so that a line never starts with the sign. Three dots typed (`...`, not two nor four)
 * are the ellipsis `…`. Curly quotes typed the English way (`“x”`) become guillemets outside
 * guillemets, and stay inside them (the second level). Not done: a no-break space between a day
 * and its month (`15 mars`): WordPress's search would no longer find the issue's title as typed.
 *
 * Never touched: URLs (`scheme://…`, `www.…`, `mailto:…`), e-mail addresses, times such as
 * `11:30`, character references, and in HTML every tag and attribute plus the content of `<code>`,
 * `<pre>`, `<kbd>`, `<samp>`, `<script>`, `<style>`, `<textarea>`. Nor is text in another
 * language: the content of an element whose `lang` is not French (a quote from an English page,
 * « <span lang="en">Why it matters: the deal</span> »), which reads like a word to the French
 * prose around it. A missing space is only inserted
 * before a mark that is followed by a space or the end, so `index.php?id=1` and `ratio 3:2` stay.
 *
 * Idempotent: applying a function twice gives the same result as once.
 */
import { tokenizeHtml, type HtmlToken } from './html-tokenizer';
import { BLOCK_ELEMENTS, escapeHtml } from '../lib/html';
import type { SafeInline } from './sanitize';
import { isFrench } from '../lib/lang';

export const NBSP = '\u00A0';
export const NNBSP = '\u202F';

/**
 * Placeholders standing for things the rules must see but not change. They live in the Private
 * Use Area; a real PUA character in the input is itself protected so it cannot be mistaken.
 */
const MARK = '\uE000'; // a tag boundary (<em>, </a>…): transparent, spacing rules look through it
const WORD = '\uE001'; // a protected span (URL, code…): reads like a word
const BREAK = '\uE002'; // a line break (<br>): like "\n", nothing crosses it

type Boundary = { kind: 'mark' | 'word' | 'break'; raw: string };
/** A run of typesettable text, or something to keep verbatim between runs. */
type Piece = string | Boundary;

const PLACEHOLDER: Record<Boundary['kind'], string> = { mark: MARK, word: WORD, break: BREAK };
const PLACEHOLDERS = /[\uE000-\uE002]/;

/** The end of a URL-like span: no space or quote, and not the punctuation ending a sentence. */
const SPAN_TAIL = String.raw`[^\s<>"«»\uE000-\uE002]*[^\s<>"«»\uE000-\uE002.,;:!?'’)\]]`;

/**
 * The French elisions an e-mail address may be glued to in prose (« écrivez à l'info@… »): the
 * apostrophe is the prose's, the address begins after it. Only before a vowel or an h, as an
 * elision is (names such as M'Baye or T'Serstevens are not one). Not d' nor n': they begin names
 * as often (d'artagnan@…, n'diaye@…), and an address's name is left as written.
 */
export const ELISION = String.raw`(?:[jJ]usqu|[lL]orsqu|[pP]uisqu|[qQ]uoiqu|[qQ]u|[cjlmstCJLMST])`;
/** What an elision comes before: a vowel or an h. */
export const ELIDED_START = String.raw`[aeiouyhàâäæéèêëîïôöœùûüAEIOUYHÀÂÄÆÉÈÊËÎÏÔÖŒÙÛÜ]`;

/**
 * Spans inside text that must not change, each with a cheap trigger, a test that holds whenever
 * the pattern can match: the combined pattern only includes the alternatives whose trigger holds
 * for the text (most prose has no "@" or "://"), which keeps the scan linear and fast on long
 * items. The triggers are substring tests rather than regular expressions: they run on every run
 * of text of every item.
 */
const PROTECTED_ALTERNATIVES: ReadonlyArray<{
  trigger: (text: string) => boolean;
  pattern: string;
}> = [
  // scheme://…
  {
    trigger: (text) => text.includes('://'),
    pattern: String.raw`\b[a-zA-Z][a-zA-Z0-9+.-]*:\/\/${SPAN_TAIL}`,
  },
  // mailto:, tel:, javascript:… (schemes without "//"), and times such as 11:30
  {
    trigger: (text) => text.includes(':'),
    pattern: String.raw`\b(?:[mM][aA][iI][lL][tT][oO]|[tT][eE][lL]|[uU][rR][nN]|[dD][aA][tT][aA]|[jJ][aA][vV][aA][sS][cC][rR][iI][pP][tT]):${SPAN_TAIL}|\b\d{1,2}:\d{2}(?::\d{2})?\b`,
  },
  {
    trigger: (text) => (text.includes('w.') || text.includes('W.')) && /[wW]{3}\./.test(text),
    pattern: String.raw`\b[wW]{3}\.${SPAN_TAIL}`,
  },
  // e-mail addresses, an apostrophe inside the name kept straight (jean.o'brien@…); the
  // lookbehind makes the scan start at word starts only, nor after apostrophes that follow a
  // word's character (each such start would scan the rest of the word again: quadratic). An
  // elision glued to an address (l'info@…) is the prose's: the address starts after it (after
  // l’ too: what follows an elision made typographic is read as it was before).
  {
    trigger: (text) => text.includes('@'),
    pattern: String.raw`(?:(?<![\p{L}\p{N}._%+-]'*)(?!${ELISION}'${ELIDED_START})|(?<=(?<![\p{L}\p{N}._%+-]'*)${ELISION}['’])(?=${ELIDED_START}))[\p{L}\p{N}._%+-](?:[\p{L}\p{N}._%+'-]*[\p{L}\p{N}._%+-])?@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
  },
  // character references (in plain text they are somebody's markup, keep them whole)
  {
    trigger: (text) => text.includes('&'),
    pattern: String.raw`&(?:#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);`,
  },
  // our own placeholder characters occurring in the input
  {
    trigger: (text) => text.includes(MARK) || text.includes(WORD) || text.includes(BREAK),
    pattern: String.raw`[\uE000-\uE002]`,
  },
];
/** The combined pattern of each set of alternatives (bit i for alternative i), built when first needed. */
const protectedPatterns: Array<RegExp | null | undefined> = [];

/** The protected-span pattern for this text, or null when nothing in it can be protected. */
function protectedPattern(text: string): RegExp | null {
  let key = 0;
  for (let i = 0; i < PROTECTED_ALTERNATIVES.length; i++) {
    if ((PROTECTED_ALTERNATIVES[i] as (typeof PROTECTED_ALTERNATIVES)[number]).trigger(text)) {
      key |= 1 << i;
    }
  }
  let pattern = protectedPatterns[key];
  if (pattern === undefined) {
    const parts = PROTECTED_ALTERNATIVES.filter((_, i) => key & (1 << i)).map((a) => a.pattern);
    pattern = parts.length > 0 ? new RegExp(parts.join('|'), 'gu') : null;
    protectedPatterns[key] = pattern;
  }
  return pattern;
}

/*
 * The rules below find the characters that trigger them (indexOf, or an expression that starts
 * with that character) and then read the spaces and marks right around each one, code unit by
 * code unit. They used to be one replace per rule with patterns such as `([ \t…]*)»`, which the
 * engine tries at every position of the text, and a callback per match: most of the time of a
 * first export. Each rule still reads the previous rule's output, in the same order as before.
 */
const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const MARK_CODE = 0xe000;
const BREAK_CODE = 0xe002;

/** Two horizontal spaces or more (ordinary, tab, NBSP, NNBSP, thin). */
const SPACE_RUN = /[ \t\u00A0\u202F\u2009]{2,}/g;
const ORDINARY_SPACE = /[ \t]/;
/** The signs that take a no-break space before them. */
const HIGH_PUNCTUATION = /[;:!?]/g;
/** Horizontal spaces: ordinary, tab, NBSP, NNBSP, thin. */
const isHorizontalSpace = (code: number): boolean =>
  code === SPACE || code === TAB || code === 0xa0 || code === 0x202f || code === 0x2009;
/** A horizontal space or a tag mark: what the rules look through around a sign. */
const isSpaceOrMark = (code: number): boolean => code === MARK_CODE || isHorizontalSpace(code);
/** "There is content here": not a space, not a mark, not a line end, not past either end (NaN). */
const isContent = (code: number): boolean =>
  !Number.isNaN(code) &&
  !isSpaceOrMark(code) &&
  code !== LINE_FEED &&
  code !== CARRIAGE_RETURN &&
  code !== BREAK_CODE;

/** What may end a word right before `,` or `.`. */
const WORD_END_STRICT = /[\p{L}\p{M}\p{N})\]»’"%€$\uE001]/u;
/** What may end a word right before `;:!?` when we insert a missing space. */
const WORD_END = /[\p{L}\p{M}\p{N})\]}»’"'%€$.…\uE001]/u;
/** What may follow `;:!?` for a missing space to be inserted before it. */
const FOLLOWS_MARK = /[\s\uE002»«"’)\]…;:!?.,]/;
/** What may follow `,` or `.` for the space before it to be removed. */
const FOLLOWS_STOP = /[ \t\n\r\uE002»"’)\]]/;
const LETTER = /[\p{L}\p{M}]/u;

/** The tag marks of `text` from `start` to `end`, without the spaces between them. */
function marksBetween(text: string, start: number, end: number): string {
  let marks = '';
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === MARK_CODE) marks += MARK;
  return marks;
}

/** Where the run of spaces and marks (or of spaces only) ending at `end` starts, not before `floor`. */
function runStart(text: string, end: number, floor: number, marksToo: boolean): number {
  let i = end;
  while (i > floor) {
    const code = text.charCodeAt(i - 1);
    if (!(marksToo ? isSpaceOrMark(code) : isHorizontalSpace(code))) break;
    i--;
  }
  return i;
}

/** The first character at or after `index` that is not a tag mark, or undefined at the end. */
function nextNonMark(all: string, index: number): string | undefined {
  let i = index;
  while (all.charCodeAt(i) === MARK_CODE) i++;
  return all[i];
}

/**
 * Rebuilds a string from the replacements a rule decides, in order: `replace(start, end, text)`
 * replaces `start`…`end` of the rule's input; `done()` returns the input itself when nothing was
 * replaced.
 */
function edits(input: string): {
  replace: (start: number, end: number, text: string) => void;
  done: () => string;
} {
  let out = '';
  let copied = 0;
  let changed = false;
  return {
    replace(start, end, text) {
      out += input.slice(copied, start) + text;
      copied = end;
      changed = true;
    },
    done: () => (changed ? out + input.slice(copied) : input),
  };
}

/**
 * A no-break space beside an ordinary one is the trace of a double space typed in a WYSIWYG
 * editor (WordPress saves "  " as " &nbsp;"; the seed is full of them): every run of two spaces
 * or more that holds an ordinary space or a tab becomes one ordinary space. Runs of no-break
 * spaces only are left, they may be deliberate.
 */
function collapseSpaces(s: string): string {
  const out = edits(s);
  // A regular expression without a leading repetition is the fast way to find the candidates.
  SPACE_RUN.lastIndex = 0;
  for (let run = SPACE_RUN.exec(s); run; run = SPACE_RUN.exec(s)) {
    if (ORDINARY_SPACE.test(run[0])) out.replace(run.index, SPACE_RUN.lastIndex, ' ');
  }
  return out.done();
}

/**
 * Balanced straight double quotes become guillemets, alternately opening and closing: the spaces
 * before an opening one stay and those after it go, the reverse for a closing one.
 */
function straightQuotes(s: string): string {
  let count = 0;
  for (let q = s.indexOf('"'); q !== -1; q = s.indexOf('"', q + 1)) count++;
  if (count === 0 || count % 2 !== 0) return s;
  const out = edits(s);
  let index = 0;
  let previousEnd = 0;
  for (let q = s.indexOf('"'); q !== -1; q = s.indexOf('"', previousEnd)) {
    const start = runStart(s, q, previousEnd, false);
    let end = q + 1;
    while (end < s.length && isHorizontalSpace(s.charCodeAt(end))) end++;
    out.replace(
      start,
      end,
      index++ % 2 === 0 ? `${s.slice(start, q)}«${NBSP}` : `${NBSP}»${s.slice(q + 1, end)}`,
    );
    previousEnd = end;
  }
  return out.done();
}

/**
 * Curly double quotes typed or pasted the English way (`“x”`, Word's autocorrect) become
 * guillemets where French wants them: an outermost balanced pair outside any guillemets, with no
 * guillemet inside it. Inside guillemets they stay, as the second level of quotation the
 * Imprimerie nationale gives them (`« il a dit “non” »`), and so do nested or unmatched ones (one
 * left open or a lone `”`: which was meant cannot be told). The spacing is the guillemets' rules'.
 */
function curlyQuotes(s: string): string {
  const out = edits(s);
  let guillemets = 0;
  const open: Array<{ at: number; outermost: boolean; clean: boolean }> = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '«' || c === '»') {
      guillemets = c === '«' ? guillemets + 1 : Math.max(0, guillemets - 1);
      for (const pair of open) pair.clean = false;
    } else if (c === '“') {
      open.push({ at: i, outermost: open.length === 0 && guillemets === 0, clean: true });
    } else if (c === '”') {
      const pair = open.pop();
      if (pair?.outermost && pair.clean) {
        out.replace(pair.at, pair.at + 1, '«');
        out.replace(i, i + 1, '»');
      }
    }
  }
  return out.done();
}

/**
 * `--` with a space before (after some content on the line) and a space after is a dash: `—`.
 * The spaces stay as typed: which side of an incise a dash opens or closes is not known here.
 */
function doubleHyphens(s: string): string {
  const out = edits(s);
  for (let h = s.indexOf('--'); h !== -1; h = s.indexOf('--', h + 2)) {
    const start = runStart(s, h, 0, true);
    if (marksBetween(s, start, h).length === h - start) continue; // no space before
    if (!isContent(s.charCodeAt(start - 1))) continue; // a paragraph's or a line's start
    let after = h + 2;
    while (s.charCodeAt(after) === MARK_CODE) after++;
    if (!isHorizontalSpace(s.charCodeAt(after))) continue;
    out.replace(h, h + 2, '—');
  }
  return out.done();
}

/** What may follow `%` or `€` for it to be a number's sign: not a letter or a digit. */
const AFTER_SIGN = /[\p{L}\p{M}\p{N}]/u;
/** What a number ends with, before its `%` or `€`. */
const DIGIT = /\p{N}/u;

/**
 * A number's `%` or `€` after it takes a no-break space (`13 %`, `275 €`), in place of the
 * ordinary spaces typed there, or put there when there are none (`13%`). A space already
 * no-break is kept (a narrow one too), and a sign stuck to a word is not a number's (`€uro`).
 */
function numberSigns(s: string): string {
  const out = edits(s);
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code !== 0x25 && code !== 0x20ac) continue;
    const start = runStart(s, i, 0, false);
    if (!DIGIT.test(s[start - 1] ?? '')) continue;
    if (AFTER_SIGN.test(nextNonMark(s, i + 1) ?? '')) continue;
    const run = s.slice(start, i);
    if (run.includes(NBSP) || run.includes(NNBSP)) continue;
    out.replace(start, i, NBSP);
  }
  return out.done();
}

/** Three dots typed, no fourth before or after, are an ellipsis. */
function ellipses(s: string): string {
  const out = edits(s);
  for (let d = s.indexOf('...'); d !== -1; d = s.indexOf('...', d + 3)) {
    if (s[d - 1] === '.') continue;
    if (s[d + 3] === '.') {
      while (s[d + 3] === '.') d++;
      continue;
    }
    out.replace(d, d + 3, '…');
  }
  return out.done();
}

/** `'` after a letter is an apostrophe. */
function apostrophes(s: string): string {
  const out = edits(s);
  for (let q = s.indexOf("'"); q !== -1; q = s.indexOf("'", q + 1)) {
    if (LETTER.test(s[q - 1] ?? '')) out.replace(q, q + 1, '’');
  }
  return out.done();
}

/** A no-break space after `«`, when content follows on the same line ("«" at a line end keeps its newline). */
function openingGuillemets(s: string): string {
  const out = edits(s);
  let end = 0;
  for (let g = s.indexOf('«'); g !== -1; g = s.indexOf('«', end)) {
    end = g + 1;
    while (end < s.length && isSpaceOrMark(s.charCodeAt(end))) end++;
    if (isContent(s.charCodeAt(end))) {
      out.replace(g, end, `«${NBSP}${marksBetween(s, g + 1, end)}`);
    }
  }
  return out.done();
}

/** A no-break space before `»`, when content precedes it on the same line. */
function closingGuillemets(s: string): string {
  const out = edits(s);
  for (let g = s.indexOf('»'); g !== -1; g = s.indexOf('»', g + 1)) {
    const start = runStart(s, g, 0, true);
    if (isContent(s.charCodeAt(start - 1))) {
      out.replace(start, g + 1, `${marksBetween(s, start, g)}${NBSP}»`);
    }
  }
  return out.done();
}

/** The position of the next `,` or `.` at or after `from`, or -1. */
function nextStop(s: string, from: number): number {
  const comma = s.indexOf(',', from);
  const dot = s.indexOf('.', from);
  return comma === -1 ? dot : dot === -1 ? comma : Math.min(comma, dot);
}

/** No space before `,` or `.` after a word ("la mesure ." → "la mesure."). */
function spaceBeforeStops(s: string): string {
  const out = edits(s);
  for (let stop = nextStop(s, 0); stop !== -1; stop = nextStop(s, stop + 1)) {
    // The run of spaces and marks right before the stop, which must hold a space or a tab.
    let start = stop;
    let spaced = false;
    for (; start > 0; start--) {
      const code = s.charCodeAt(start - 1);
      if (code === SPACE || code === TAB) spaced = true;
      else if (code !== MARK_CODE) break;
    }
    if (!spaced || start === 0 || !WORD_END_STRICT.test(s[start - 1] as string)) continue;
    const after = nextNonMark(s, stop + 1);
    if (after !== undefined && !FOLLOWS_STOP.test(after)) continue;
    out.replace(start, stop + 1, marksBetween(s, start, stop) + (s[stop] as string));
  }
  return out.done();
}

/**
 * The right no-break space before `;:!?` (U+202F, U+00A0 before `:`) in place of whatever space
 * is there, or inserted when there is none.
 */
function highPunctuation(s: string): string {
  const out = edits(s);
  HIGH_PUNCTUATION.lastIndex = 0;
  for (let found = HIGH_PUNCTUATION.exec(s); found; found = HIGH_PUNCTUATION.exec(s)) {
    const i = found.index;
    const code = s.charCodeAt(i);
    const start = runStart(s, i, 0, true);
    if (!isContent(s.charCodeAt(start - 1))) continue;
    const sign = s[i] as string;
    const space = code === 0x3a ? NBSP : NNBSP;
    const marks = marksBetween(s, start, i);
    if (marks.length !== i - start) {
      out.replace(start, i + 1, marks + space + sign);
      continue;
    }
    // No space yet: insert one only after a word and before a space/end, so that
    // "index.php?id=1", "3:2" or "?!" keep their meaning.
    if (!WORD_END.test(s[start - 1] as string)) continue;
    const after = nextNonMark(s, i + 1);
    if (after !== undefined && !FOLLOWS_MARK.test(after)) continue;
    out.replace(start, i + 1, marks + space + sign);
  }
  return out.done();
}

/** Applies every rule to one paragraph's worth of text with placeholders, in this order. */
function applyRules(input: string): string {
  let s = collapseSpaces(input);
  if (s.includes('--')) s = doubleHyphens(s);
  if (s.includes('"')) s = straightQuotes(s);
  if (s.includes("'")) s = apostrophes(s);
  if (s.includes('“')) s = curlyQuotes(s);
  if (s.includes('«')) s = openingGuillemets(s);
  if (s.includes('»')) s = closingGuillemets(s);
  if (s.includes('%') || s.includes('€')) s = numberSigns(s);
  if (s.includes('...')) s = ellipses(s);
  s = spaceBeforeStops(s);
  return highPunctuation(s);
}

/**
 * A pattern finding `texts` as whole words (not inside a longer word), whatever spaces stand
 * between their words (an editor's text keeps ordinary spaces where a page title had a no-break
 * one), longest first; null when there is nothing to find.
 */
function keptPattern(texts: readonly string[]): string | null {
  const words = [
    ...new Set(texts.map((text) => text.replace(/[\s\u00A0\u202F\u2009]+/g, ' ').trim())),
  ]
    .filter((text) => text && !PLACEHOLDERS.test(text))
    .sort((a, b) => b.length - a.length)
    .map((text) =>
      text
        .split(' ')
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join(String.raw`[ \t\u00A0\u202F\u2009]+`),
    );
  if (words.length === 0) return null;
  return String.raw`(?<![\p{L}\p{M}\p{N}])(?:${words.join('|')})(?![\p{L}\p{M}\p{N}])`;
}

/**
 * The protected-span `pattern` of a run with the kept texts `keep` first (so that a kept title
 * holding a URL or a time is kept whole), built once per pattern in `built`.
 */
function withKept(keep: string, pattern: RegExp | null, built: Map<RegExp | null, RegExp>) {
  let combined = built.get(pattern);
  if (!combined) {
    combined = new RegExp(pattern ? `${keep}|${pattern.source}` : keep, 'gu');
    built.set(pattern, combined);
  }
  return combined;
}

/**
 * Typesets a sequence of text runs and boundaries as one paragraph. Returns the new text runs,
 * one per input string, in order; boundaries are unchanged. Spaces the rules add or remove stay
 * next to the character that caused them, so they land in the run they belong to. Each of
 * `kept` found in a run is left as written, like a URL (see {@link keptPattern}).
 */
function typesetPieces(pieces: readonly Piece[], kept: readonly string[] = []): string[] {
  const keep = kept.length > 0 ? keptPattern(kept) : null;
  // Built only for a run with kept texts: most paragraphs have none.
  const combinedPatterns = keep ? new Map<RegExp | null, RegExp>() : null;
  let joined = '';
  /**
   * What each placeholder of `joined` stands for, in order: the verbatim text of a protected
   * span, or null for a boundary, which ends a group of text.
   */
  const spans: Array<string | null> = [];
  /** Index (in pieces) of the string that owns each group between boundaries, or -1. */
  const owners: number[] = [-1];
  const protect = (span: string): string => {
    spans.push(span);
    return WORD;
  };
  let previousWasText = false;
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index] as Piece;
    if (typeof piece !== 'string') {
      joined += PLACEHOLDER[piece.kind];
      spans.push(null);
      owners.push(-1);
      previousWasText = false;
      continue;
    }
    if (previousWasText) {
      // Two runs in a row: separate them with an invisible transparent mark.
      joined += MARK;
      spans.push(null);
      owners.push(-1);
    }
    owners[owners.length - 1] = index;
    previousWasText = true;
    // Each run gets the pattern of the spans its own text can hold: a span never crosses a
    // boundary, and the costly URL alternative then only scans the runs that contain "://".
    const pattern = protectedPattern(piece);
    const combined = keep && combinedPatterns ? withKept(keep, pattern, combinedPatterns) : pattern;
    joined += combined ? piece.replace(combined, protect) : piece;
  }

  const parts = applyRules(joined).split(PLACEHOLDERS);
  if (parts.length !== spans.length + 1) {
    // Cannot happen (no rule creates or deletes a placeholder); fail safe, change nothing.
    return pieces.filter((p): p is string => typeof p === 'string');
  }
  // Each group's text, its protected spans put back, goes to the run that owns the group.
  const texts: string[] = [];
  let group = 0;
  let current = parts[0] as string;
  let carry = '';
  for (let k = 0; k <= spans.length; k++) {
    const span = spans[k];
    if (typeof span === 'string') {
      current += span + (parts[k + 1] as string);
      continue;
    }
    const owner = owners[group++] ?? -1;
    if (owner === -1) carry += current;
    else {
      texts[owner] = carry + current;
      carry = '';
    }
    current = parts[k + 1] ?? '';
  }
  const out: string[] = [];
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index];
    if (typeof piece === 'string') out.push(texts[index] ?? piece);
  }
  if (carry && out.length > 0) out[out.length - 1] += carry;
  return out;
}

/**
 * Applies French typography to plain text. Quotes are balanced per paragraph (paragraphs are
 * separated by a blank line); line breaks are kept and nothing crosses them.
 * @param text plain text; returned unchanged in structure, only spaces and quote marks change.
 * @param kept texts left as written wherever they occur as whole words (see
 *   {@link frenchTypographyInline}).
 */
export function frenchTypographyText(text: string, kept: readonly string[] = []): string {
  return text
    .split(/(\n[ \t]*\n)/)
    .map((part, i) => (i % 2 === 1 ? part : (typesetPieces([part], kept)[0] ?? part)))
    .join('');
}

/** Elements whose content is code or raw data, never prose. */
const PROTECTED_ELEMENTS = new Set([
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'script',
  'style',
  'textarea',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'title',
  'plaintext',
  'svg',
  'math',
]);

/** Tags that separate paragraphs: quotes are never paired across them (protected ones are copied whole). */
const SEGMENT_TAGS = new Set(
  [...BLOCK_ELEMENTS, 'body', 'head', 'html'].filter((tag) => !PROTECTED_ELEMENTS.has(tag)),
);

/** Elements that have no content, hence no end tag to copy up to. */
const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input link meta source track wbr'.split(' '),
);

/** Whether a start tag opens an element whose text is in another language than French. */
function inOtherLanguage(token: Extract<HtmlToken, { type: 'startTag' }>): boolean {
  if (token.selfClosing || VOID_ELEMENTS.has(token.name)) return false;
  const lang = token.attributes.find((a) => a.name === 'lang')?.value.trim();
  return !!lang && !isFrench(lang);
}

/**
 * Applies French typography to the text nodes of an HTML string. Tags, attributes, comments and
 * the content of code-like elements are copied verbatim. Text is decoded, typeset and re-escaped
 * (only `&`, `<`, `>`), so entities may change spelling (`&eacute;` → `é`, `&nbsp;` → U+00A0)
 * but never meaning.
 * @param html any HTML fragment; malformed input is handled like a browser would tokenize it.
 */
export function frenchTypographyHtml(html: string): string {
  const tokens = tokenizeHtml(html);
  /** Copies the element started at `tokens[i]` and everything in it, up to its matching end tag. */
  const wholeElement = (token: Extract<HtmlToken, { type: 'startTag' }>): string => {
    let raw = token.raw;
    let depth = 1;
    while (depth > 0 && i + 1 < tokens.length) {
      const next = tokens[++i] as HtmlToken;
      raw += next.raw;
      if (next.type !== 'startTag' && next.type !== 'endTag') continue;
      if (next.name !== token.name) continue;
      depth += next.type === 'startTag' ? 1 : -1;
    }
    return raw;
  };
  let out = '';
  let segment: Piece[] = [];
  const flushSegment = (): void => {
    const texts = typesetPieces(segment);
    let t = 0;
    for (const piece of segment) {
      out += typeof piece === 'string' ? escapeHtml(texts[t++] ?? piece, 'text') : piece.raw;
    }
    segment = [];
  };
  let i = 0;
  for (; i < tokens.length; i++) {
    const token = tokens[i] as HtmlToken;
    if (token.type === 'text') {
      segment.push(token.text);
      continue;
    }
    if (token.type === 'comment') {
      segment.push({ kind: 'mark', raw: token.raw });
      continue;
    }
    if (token.type === 'startTag' && inOtherLanguage(token)) {
      // Text in another language keeps its own typography, a paragraph of it as a span.
      if (SEGMENT_TAGS.has(token.name)) {
        flushSegment();
        out += wholeElement(token);
      } else segment.push({ kind: 'word', raw: wholeElement(token) });
      continue;
    }
    if (SEGMENT_TAGS.has(token.name)) {
      flushSegment();
      out += token.raw;
      continue;
    }
    if (token.name === 'br') {
      segment.push({ kind: 'break', raw: token.raw });
      continue;
    }
    if (token.type === 'startTag' && PROTECTED_ELEMENTS.has(token.name)) {
      // Copy the element and everything in it verbatim, up to its matching end tag.
      segment.push({ kind: 'word', raw: wholeElement(token) });
      continue;
    }
    segment.push({ kind: 'mark', raw: token.raw });
  }
  flushSegment();
  return out;
}

/** The boundaries of a tree: nothing to write back, so one object each serves every paragraph. */
const TREE_MARK: Boundary = { kind: 'mark', raw: '' };
const TREE_BREAK: Boundary = { kind: 'break', raw: '' };
const TREE_WORD: Boundary = { kind: 'word', raw: '' };

/** Whether a node is text in another language than French, kept as written. */
const foreign = (node: SafeInline): boolean => node.type === 'lang' && !isFrench(node.lang);

/**
 * Applies French typography to a sanitized paragraph, treating element boundaries as transparent
 * (so `"<em>x</em>"` pairs its quotes) and `<br>` as a line break. Link targets are attributes,
 * not text, so they are never touched; text in another language (a `lang` node not French) is
 * left as written and reads like a word to the prose around it. Returns a new tree; the input is not mutated.
 * @param kept texts left as written wherever they occur as whole words, such as the title of a
 *   source in another language (« Why it matters: the deal » keeps its English colon); French
 *   spacing around them still applies.
 */
export function frenchTypographyInline(
  nodes: readonly SafeInline[],
  kept: readonly string[] = [],
): SafeInline[] {
  const pieces: Piece[] = [];
  const walk = (list: readonly SafeInline[]): void => {
    for (const node of list) {
      if (node.type === 'text') pieces.push(node.text);
      else if (node.type === 'br') pieces.push(TREE_BREAK);
      else if (foreign(node)) pieces.push(TREE_WORD);
      else {
        pieces.push(TREE_MARK);
        walk(node.children);
        pieces.push(TREE_MARK);
      }
    }
  };
  walk(nodes);
  const texts = typesetPieces(pieces, kept);
  let t = 0;
  const rebuild = (list: readonly SafeInline[]): SafeInline[] =>
    list.map((node): SafeInline => {
      if (node.type === 'text') return { type: 'text', text: texts[t++] ?? node.text };
      if (node.type === 'br' || foreign(node)) return node;
      return { ...node, children: rebuild(node.children) };
    });
  return rebuild(nodes);
}
