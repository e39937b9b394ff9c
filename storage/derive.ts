/**
 * Values derived from a draft for its indexes: search words and normalised source URLs. Kept
 * free of the DOM on purpose: the background service worker writes drafts too, and it has no
 * DOMParser.
 */

import { decodeEntities as decodeShared } from '../lib/entities';
import { stripWww } from '../lib/html';
import { TextMemo } from '../lib/text-memo';

/** Words longer than this are cut: IndexedDB keys that long only bloat the index. */
export const MAX_WORD_LENGTH = 32;

/** Letters that Unicode does not decompose but a French reader spells out. */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' };

/**
 * Characters that show nothing inside a word: the soft hyphen (`&shy;`, which sites and Word's
 * optional hyphens put in long words), zero-width spaces and joiners, the word joiner and the
 * byte-order mark. Taken for separators, they cut `gou&shy;ver&shy;ne&shy;ment` in four.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * Splits text into search tokens: lowercase, accents stripped (`été` → `ete`), ligatures
 * spelled out (`œuvre` → `oeuvre`), superscripts and other compatibility forms written plain
 * (`7ᵉ` → `7e`, `ﬁn` → `fin`), invisible characters left out ({@link INVISIBLE}), split on
 * anything that is not a letter or a digit (so `l'OVH` gives `l` and `ovh`; the modifier
 * apostrophe of `lʼÉtat`, a letter for Unicode, splits as `'` does).
 */
export function tokenize(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word.slice(0, MAX_WORD_LENGTH));
}

/**
 * A text folded as its search words are ({@link tokenize}), not yet split: its runs of letters
 * and digits are its words, whole (not cut at {@link MAX_WORD_LENGTH}). A quoted phrase is
 * looked for in it as it stands, without making an array of its words.
 */
export function foldText(text: string): string {
  return (
    text
      .replace(INVISIBLE, '')
      .replace(/\u02bc/g, "'")
      .normalize('NFKD')
      // The marks of Latin letters' accents first, in one plain range (most of them, sooner
      // than by Unicode's class), then any other: the same text as one pass of the class.
      .replace(/[\u0300-\u036f]+/g, '')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[œæßøłđ]/g, (c) => LIGATURES[c] ?? c)
  );
}

/**
 * Whether a token is worth a search on its own: a word of two characters or more, or a number of
 * any length (`n°7`, `G7`, `article 3`). A single letter is not (`l'`, `d'`, `à`, `y` are in
 * nearly every draft and would only make the index bigger, and a search match half of them).
 */
export function meaningful(token: string): boolean {
  return token.length > 1 || /\p{N}/u.test(token);
}

/** The distinct words to index: every token but single letters ({@link meaningful}). */
export function indexWords(parts: ReadonlyArray<string | undefined>): string[] {
  return indexTexts(parts).words;
}

/**
 * The distinct pairs of words that follow each other in one text, as `word word` (every token,
 * single letters too: `l'été` gives `l ete`). A quoted phrase's drafts are those holding each of
 * its pairs, found by their index: where only a draft's text told the order of its words, and a
 * phrase of common words (« "nos informations selon" ») read every draft's text at a keystroke.
 * A pair does not run from one text into the next, as a phrase does not.
 */
export function indexWordPairs(parts: ReadonlyArray<string | undefined>): string[] {
  return indexTexts(parts).pairs;
}

/**
 * The distinct words and pairs of a draft's texts, each text split once: a draft's are derived
 * at every write, a keystroke's save included.
 */
function indexTexts(parts: ReadonlyArray<string | undefined>): {
  words: string[];
  pairs: string[];
} {
  const words = new Set<string>();
  const pairs = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    const index = partIndex(part);
    for (const word of index.words) words.add(word);
    for (const pair of index.pairs) pairs.add(pair);
  }
  return { words: [...words], pairs: [...pairs] };
}

/** A text this long or longer has its words kept for the next write ({@link partIndex}). */
const KEPT_PART_LENGTH = 1_000;

/** What one text of a draft gives its indexes. */
interface PartIndex {
  /** Its meaningful words ({@link meaningful}). */
  readonly words: readonly string[];
  /** Its pairs of words one after the other ({@link indexWordPairs}). */
  readonly pairs: readonly string[];
}

/**
 * The words and pairs of long texts, for 4,000,000 characters of them at most (8 MB, and their
 * words and pairs: some 30 MB at the most, the pairs most of it): a 2,000,000-character title,
 * used at every save, stays while the versions of a long text typed in, each used once, go first.
 */
const keptIndex = new TextMemo<PartIndex>(4_000_000);

/**
 * The words and pairs of one text of a draft. A draft's are derived again from all its texts
 * at every write, a keystroke's save included: for a quote of 100 KB (a page clipped whole), or
 * a backup's title of 2,000,000 characters, that took most of each save (a second for the
 * title). Those of a long text are kept for the next write; a short text costs less to split
 * than to look up.
 */
function partIndex(part: string): PartIndex {
  if (part.length < KEPT_PART_LENGTH) return splitPart(part);
  return keptIndex.get(part, (text) => {
    const { words, pairs } = splitPart(text);
    return { words: [...new Set(words)], pairs: [...new Set(pairs)] };
  });
}

function splitPart(part: string): PartIndex {
  const tokens = tokenize(part);
  const pairs: string[] = [];
  for (let i = 1; i < tokens.length; i++) pairs.push(`${tokens[i - 1]} ${tokens[i]}`);
  return { words: tokens.filter(meaningful), pairs };
}

/**
 * The tokens of a search query, each matched as a prefix. A single letter is dropped when the
 * query has other words or numbers (`l'été` searches `ete`, `n°7` searches `7`), since it
 * would match half of the drafts; alone, it is kept.
 */
export function queryTokens(query: string): string[] {
  const tokens = [...new Set(tokenize(query))];
  const kept = tokens.filter(meaningful);
  return kept.length > 0 ? kept : tokens;
}

/** Decodes the entities a browser writes when it serialises HTML, and numeric ones. */
export function decodeEntities(html: string): string {
  return decodeShared(html);
}

/**
 * The visible text of an item's body (restricted HTML): tags removed, entities decoded,
 * paragraphs and line breaks turned into spaces. For search and checks, not for display.
 */
export function bodyText(html: string): string {
  return bodyWordsText(html).replace(/\s+/g, ' ').trim();
}

/**
 * {@link bodyText} with its spaces as they come (the same words, in the same order), for what
 * only reads its words: a quoted phrase looked for in every draft's body as the editor types.
 */
export function bodyWordsText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(br|\/p|\/li|\/h\d)\b[^>]*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]*>/g, ''),
  );
}

/** True when the HTML shows some text (not only tags, spaces or non-breaking spaces). */
export function hasVisibleText(html: string): boolean {
  return /[^\s\u00a0\u200b\u202f\ufeff]/.test(bodyText(html));
}

/** True when the HTML has a link to an http(s) URL. */
export function hasHttpLink(html: string): boolean {
  return /<a\b[^>]*\shref\s*=\s*["']?\s*https?:\/\//i.test(html);
}

export { isHttpUrl } from './http-url';

/**
 * A URL in the form used to tell that two sources are the same page: host lowercased without
 * `www.`, no hash, no trailing slash, and http and https taken as the same (one article is
 * often linked both ways). Anything that is not an http(s) URL is only trimmed.
 */
export function normaliseUrl(raw: string): string {
  const trimmed = raw.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return trimmed;
  const host = stripWww(url.hostname.toLowerCase());
  const port = url.port ? `:${url.port}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return `https://${host}${port}${path}${url.search}`;
}

/** The fields of a draft that its derived fields are computed from. */
export interface DerivableDraft {
  title?: string;
  label?: string;
  body?: string;
  siteName?: string;
  byline?: string;
  tags?: readonly string[];
  quotes?: ReadonlyArray<{ text: string }>;
  note?: string;
  sources?: ReadonlyArray<{ url: string }>;
}

/** The index-only fields of a draft, recomputed from the fields the editor writes. */
export interface DerivedFields {
  words: string[];
  wordPairs: string[];
  sourceUrls: string[];
}

/**
 * The texts a draft is searched by, each apart (a search phrase does not run from one into the
 * next): title, label, body's text, site, author, tags, quotes, note. `body` makes the body's
 * text ({@link bodyWordsText} gives the same words sooner).
 */
export function searchedTexts(
  draft: DerivableDraft,
  body: (html: string) => string = bodyText,
): (string | undefined)[] {
  return [
    draft.title,
    draft.label,
    draft.body ? body(draft.body) : undefined,
    draft.siteName,
    draft.byline,
    ...(draft.tags ?? []),
    ...(draft.quotes ?? []).map((quote) => quote.text),
    draft.note,
  ];
}

/**
 * Computes `words`, `wordPairs` and `sourceUrls`. Tolerates missing fields: the database hooks also see
 * version-1 records while they are being upgraded.
 */
export function deriveFields(draft: DerivableDraft): DerivedFields {
  // The body's words as they stand, as a phrase is looked for in them: its text with runs of
  // spaces made one ({@link bodyText}) cut a word at a U+FEFF, a space for `\s`.
  const { words, pairs } = indexTexts(searchedTexts(draft, bodyWordsText));
  return {
    words,
    wordPairs: pairs,
    sourceUrls: [
      ...new Set(
        (draft.sources ?? [])
          .map((source) => (source.url ? normaliseUrl(source.url) : ''))
          .filter(Boolean),
      ),
    ],
  };
}
