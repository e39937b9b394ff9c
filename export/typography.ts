/**
 * French typography, following the Imprimerie nationale convention (Lexique des règles
 * typographiques en usage à l'Imprimerie nationale):
 *
 * - narrow no-break space U+202F ("espace fine insécable") before `;`, `!` and `?`;
 * - no-break space U+00A0 ("espace insécable", word width) before `:` and inside guillemets
 *   (`« x »`);
 * - typographic apostrophe `’` instead of `'` after a letter (`l'alerte` → `l’alerte`);
 * - straight double quotes `"x"` become `« x »` when they are balanced within a paragraph (an odd
 *   count is ambiguous, e.g. a quotation cut short as in the seed issue, and is left alone).
 *
 * Spacing we repair, because pasted copy is full of it (the seed has "la mesure ." and
 * "Rochebrocard ,"): runs of spaces collapse to one ordinary space when they contain an ordinary
 * space (so the " &nbsp;" WordPress writes for a typed double space goes too); whatever space
 * precedes `;:!?` is replaced by the right no-break space, and one is inserted when missing;
 * ordinary spaces before `,` and `.` are removed when they follow a word and precede a space or
 * the end ("mesure ." → "mesure.", but ". ." in "achat. . Ou" and ",5" in "1 ,5" are left alone:
 * no word before, or no space after, means we cannot tell what was meant). Not done: ellipsis
 * "..." → "…", spaces before `%` or `€`, curly English quotes → guillemets.
 *
 * Never touched: URLs (`scheme://…`, `www.…`, `mailto:…`), e-mail addresses, times such as
 * `11:30`, character references, and in HTML every tag and attribute plus the content of `<code>`,
 * `<pre>`, `<kbd>`, `<samp>`, `<script>`, `<style>`, `<textarea>`. A missing space is only inserted
 * before a mark that is followed by a space or the end, so `index.php?id=1` and `ratio 3:2` stay.
 *
 * Idempotent: applying a function twice gives the same result as once.
 */
import { tokenizeHtml, type HtmlToken } from './html-tokenizer';
import { BLOCK_ELEMENTS, escapeHtml } from '../lib/html';
import type { SafeInline } from './sanitize';

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

/** The end of a URL-like span: no space or quote, and not the punctuation ending a sentence. */
const SPAN_TAIL = String.raw`[^\s<>"«»\uE000-\uE002]*[^\s<>"«»\uE000-\uE002.,;:!?'’)\]]`;

/**
 * Spans inside text that must not change, each with a cheap trigger: the combined pattern only
 * includes the alternatives whose trigger occurs in the text (most prose has no "@" or "://"),
 * which keeps the scan linear and fast on long items.
 */
const PROTECTED_ALTERNATIVES: ReadonlyArray<{ trigger: RegExp; pattern: string }> = [
  // scheme://…
  { trigger: /:\/\//, pattern: String.raw`\b[a-zA-Z][a-zA-Z0-9+.-]*:\/\/${SPAN_TAIL}` },
  // mailto:, tel:, javascript:… (schemes without "//"), and times such as 11:30
  {
    trigger: /:/,
    pattern: String.raw`\b(?:[mM][aA][iI][lL][tT][oO]|[tT][eE][lL]|[uU][rR][nN]|[dD][aA][tT][aA]|[jJ][aA][vV][aA][sS][cC][rR][iI][pP][tT]):${SPAN_TAIL}|\b\d{1,2}:\d{2}(?::\d{2})?\b`,
  },
  { trigger: /[wW]{3}\./, pattern: String.raw`\b[wW]{3}\.${SPAN_TAIL}` },
  // e-mail addresses; the lookbehind makes the scan start at word starts only
  {
    trigger: /@/,
    pattern: String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
  },
  // character references (in plain text they are somebody's markup, keep them whole)
  { trigger: /&/, pattern: String.raw`&(?:#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);` },
  // our own placeholder characters occurring in the input
  { trigger: /[\uE000-\uE002]/, pattern: String.raw`[\uE000-\uE002]` },
];
const protectedPatternCache = new Map<number, RegExp | null>();

/** The protected-span pattern for this text, or null when nothing in it can be protected. */
function protectedPattern(text: string): RegExp | null {
  let key = 0;
  PROTECTED_ALTERNATIVES.forEach(({ trigger }, i) => {
    if (trigger.test(text)) key |= 1 << i;
  });
  let pattern = protectedPatternCache.get(key);
  if (pattern === undefined) {
    const parts = PROTECTED_ALTERNATIVES.filter((_, i) => key & (1 << i)).map((a) => a.pattern);
    pattern = parts.length > 0 ? new RegExp(parts.join('|'), 'gu') : null;
    protectedPatternCache.set(key, pattern);
  }
  return pattern;
}

/** Horizontal spaces (ordinary, tab, NBSP, NNBSP, thin). */
const HS = ' \\t\\u00A0\\u202F\\u2009';
/** "There is content just before": not a space, not a mark, not a line end. */
const CONTENT = /[^ \t\u00A0\u202F\u2009\uE000\n\r\uE002]/;
/** What may end a word right before `,` or `.`. */
const WORD_END_STRICT = /[\p{L}\p{M}\p{N})\]»’"%€$\uE001]/u;
/** What may end a word right before `;:!?` when we insert a missing space. */
const WORD_END = /[\p{L}\p{M}\p{N})\]}»’"'%€$.…\uE001]/u;
/** What may follow `;:!?` for a missing space to be inserted before it. */
const FOLLOWS_MARK = /[\s\uE002»«"’)\]…;:!?.,]/;
/** What may follow `,` or `.` for the space before it to be removed. */
const FOLLOWS_STOP = /[ \t\n\r\uE002»"’)\]]/;
const LETTER = /[\p{L}\p{M}]/u;

/** Two or more horizontal spaces of which at least one is an ordinary space or a tab. */
const COLLAPSE_SPACES = new RegExp(`[${HS}]{2,}`, 'g');
const STRAIGHT_QUOTE = new RegExp(`([${HS}]*)"([${HS}]*)`, 'g');
// Runs of spaces and marks before a sign. Written without a leading lookbehind (slow in V8):
// a match starts right after the previous character, which the callbacks then check.
const OPEN_GUILLEMET = new RegExp(`«([${HS}\\uE000]*)`, 'g');
const CLOSE_GUILLEMET = new RegExp(`([${HS}\\uE000]*)»`, 'g');
const SPACE_BEFORE_STOP = /([ \t\uE000]*[ \t][ \t\uE000]*)([,.])/g;
const HIGH_PUNCTUATION = new RegExp(`([${HS}\\uE000]*)([;:!?])`, 'g');

const onlyMarks = (run: string): string => run.replace(/[^\uE000]/g, '');

/** The first character at or after `index` that is not a tag mark, or undefined at the end. */
function nextNonMark(all: string, index: number): string | undefined {
  let i = index;
  while (all[i] === MARK) i++;
  return all[i];
}

/** Applies every rule to one paragraph's worth of text with placeholders. */
function applyRules(input: string): string {
  // A no-break space beside an ordinary one is the trace of a double space typed in a WYSIWYG
  // editor (WordPress saves "  " as " &nbsp;"; the seed is full of them): collapse it too. Runs
  // of no-break spaces only are left, they may be deliberate.
  let s = input.replace(COLLAPSE_SPACES, (run) => (/[ \t]/.test(run) ? ' ' : run));

  if (s.includes('"')) {
    const quotes = s.split('"').length - 1;
    if (quotes % 2 === 0) {
      let index = 0;
      s = s.replace(STRAIGHT_QUOTE, (_m, before: string, after: string) =>
        index++ % 2 === 0 ? `${before}«${NBSP}` : `${NBSP}»${after}`,
      );
    }
  }

  if (s.includes("'")) {
    s = s.replace(/'/g, (quote, offset: number, all: string) =>
      LETTER.test(all[offset - 1] ?? '') ? '’' : quote,
    );
  }

  if (s.includes('«')) {
    s = s.replace(OPEN_GUILLEMET, (match, run: string, offset: number, all: string) => {
      // Only when content follows on the same line: "«" at a line end keeps its newline.
      const after = all[offset + match.length];
      return after !== undefined && CONTENT.test(after) ? `«${NBSP}${onlyMarks(run)}` : match;
    });
  }
  if (s.includes('»')) {
    s = s.replace(CLOSE_GUILLEMET, (match, run: string, offset: number, all: string) => {
      const before = all[offset - 1];
      return before !== undefined && CONTENT.test(before) ? `${onlyMarks(run)}${NBSP}»` : match;
    });
  }

  s = s.replace(
    SPACE_BEFORE_STOP,
    (match, run: string, stop: string, offset: number, all: string) => {
      const before = all[offset - 1];
      if (before === undefined || !WORD_END_STRICT.test(before)) return match;
      const after = nextNonMark(all, offset + match.length);
      if (after !== undefined && !FOLLOWS_STOP.test(after)) return match;
      return onlyMarks(run) + stop;
    },
  );

  s = s.replace(
    HIGH_PUNCTUATION,
    (match, run: string, mark: string, offset: number, all: string) => {
      const before = all[offset - 1];
      if (before === undefined || !CONTENT.test(before)) return match;
      const space = mark === ':' ? NBSP : NNBSP;
      if (onlyMarks(run).length !== run.length) return onlyMarks(run) + space + mark;
      // No space yet: insert one only after a word and before a space/end, so that
      // "index.php?id=1", "3:2" or "?!" keep their meaning.
      if (!WORD_END.test(before)) return match;
      const after = nextNonMark(all, offset + match.length);
      if (after !== undefined && !FOLLOWS_MARK.test(after)) return match;
      return run + space + mark;
    },
  );
  return s;
}

/**
 * Typesets a sequence of text runs and boundaries as one paragraph. Returns the new text runs,
 * one per input string, in order; boundaries are unchanged. Spaces the rules add or remove stay
 * next to the character that caused them, so they land in the run they belong to.
 */
function typesetPieces(pieces: readonly Piece[]): string[] {
  let joined = '';
  /** Verbatim replacement for each placeholder in `joined`, in order. */
  const slots: Array<{ raw: string; splits: boolean }> = [];
  /** Index (in pieces) of the string that owns each group between splitting placeholders. */
  const owners: Array<number | null> = [null];
  let previousWasText = false;
  pieces.forEach((piece, index) => {
    if (typeof piece !== 'string') {
      joined += PLACEHOLDER[piece.kind];
      slots.push({ raw: piece.raw, splits: true });
      owners.push(null);
      previousWasText = false;
      return;
    }
    if (previousWasText) {
      // Two runs in a row: separate them with an invisible transparent mark.
      joined += MARK;
      slots.push({ raw: '', splits: true });
      owners.push(null);
    }
    owners[owners.length - 1] = index;
    previousWasText = true;
    // Each run gets the pattern of the spans its own text can hold: a span never crosses a
    // boundary, and the costly URL alternative then only scans the runs that contain "://".
    const pattern = protectedPattern(piece);
    joined += pattern
      ? piece.replace(pattern, (span) => {
          slots.push({ raw: span, splits: false });
          return WORD;
        })
      : piece;
  });

  const result = applyRules(joined);
  const parts = result.split(/[\uE000-\uE002]/);
  if (parts.length !== slots.length + 1) {
    // Cannot happen (no rule creates or deletes a placeholder); fail safe, change nothing.
    return pieces.filter((p): p is string => typeof p === 'string');
  }

  const texts = new Map<number, string>();
  let group = 0;
  let current = parts[0] ?? '';
  let carry = '';
  const flush = (): void => {
    const owner = owners[group];
    if (owner === null || owner === undefined) carry += current;
    else {
      texts.set(owner, carry + current);
      carry = '';
    }
  };
  slots.forEach((slot, k) => {
    if (slot.splits) {
      flush();
      group++;
      current = parts[k + 1] ?? '';
    } else {
      current += slot.raw + (parts[k + 1] ?? '');
    }
  });
  flush();
  const out: string[] = [];
  let lastOwner: number | null = null;
  pieces.forEach((piece, index) => {
    if (typeof piece === 'string') {
      out.push(texts.get(index) ?? piece);
      lastOwner = out.length - 1;
    }
  });
  if (carry && lastOwner !== null) out[lastOwner] += carry;
  return out;
}

/**
 * Applies French typography to plain text. Quotes are balanced per paragraph (paragraphs are
 * separated by a blank line); line breaks are kept and nothing crosses them.
 * @param text plain text; returned unchanged in structure, only spaces and quote marks change.
 */
export function frenchTypographyText(text: string): string {
  return text
    .split(/(\n[ \t]*\n)/)
    .map((part, i) => (i % 2 === 1 ? part : (typesetPieces([part])[0] ?? part)))
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

/**
 * Applies French typography to the text nodes of an HTML string. Tags, attributes, comments and
 * the content of code-like elements are copied verbatim. Text is decoded, typeset and re-escaped
 * (only `&`, `<`, `>`), so entities may change spelling (`&eacute;` → `é`, `&nbsp;` → U+00A0)
 * but never meaning.
 * @param html any HTML fragment; malformed input is handled like a browser would tokenize it.
 */
export function frenchTypographyHtml(html: string): string {
  const tokens = tokenizeHtml(html);
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
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as HtmlToken;
    if (token.type === 'text') {
      segment.push(token.text);
      continue;
    }
    if (token.type === 'comment') {
      segment.push({ kind: 'mark', raw: token.raw });
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
      let raw = token.raw;
      let depth = 1;
      while (depth > 0 && i + 1 < tokens.length) {
        const next = tokens[++i] as HtmlToken;
        raw += next.raw;
        if (next.type !== 'startTag' && next.type !== 'endTag') continue;
        if (next.name !== token.name) continue;
        depth += next.type === 'startTag' ? 1 : -1;
      }
      segment.push({ kind: 'word', raw });
      continue;
    }
    segment.push({ kind: 'mark', raw: token.raw });
  }
  flushSegment();
  return out;
}

/**
 * Applies French typography to a sanitized paragraph, treating element boundaries as transparent
 * (so `"<em>x</em>"` pairs its quotes) and `<br>` as a line break. Link targets are attributes,
 * not text, so they are never touched. Returns a new tree; the input is not mutated.
 */
export function frenchTypographyInline(nodes: readonly SafeInline[]): SafeInline[] {
  const pieces: Piece[] = [];
  const walk = (list: readonly SafeInline[]): void => {
    for (const node of list) {
      if (node.type === 'text') pieces.push(node.text);
      else if (node.type === 'br') pieces.push({ kind: 'break', raw: '' });
      else {
        pieces.push({ kind: 'mark', raw: '' });
        walk(node.children);
        pieces.push({ kind: 'mark', raw: '' });
      }
    }
  };
  walk(nodes);
  const texts = typesetPieces(pieces);
  let t = 0;
  const rebuild = (list: readonly SafeInline[]): SafeInline[] =>
    list.map((node): SafeInline => {
      if (node.type === 'text') return { type: 'text', text: texts[t++] ?? node.text };
      if (node.type === 'br') return node;
      return { ...node, children: rebuild(node.children) };
    });
  return rebuild(nodes);
}
