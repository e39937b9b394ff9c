import Dexie, { type Collection, type InsertType } from 'dexie';
import { countBox, newestFirstIn } from './draft-records';
import { db as defaultDb, type Draft, type DraftStatus, type IndiscretsDB } from './db';
import {
  bodyWordsText,
  foldText,
  MAX_WORD_LENGTH,
  meaningful,
  queryTokens,
  searchedTexts,
  tokenize,
} from './derive';
import { TextMemo } from '../lib/text-memo';

/**
 * Searching the drafts: a query (words, status, site, tag, box) resolved into index ranges, and
 * a planner that picks, per query, between reading the candidates of the most selective index
 * and walking the drafts newest first (see {@link walkAbove}); counts come from primary keys.
 * Newest is by creation, but in the trash, by when each draft was trashed ({@link ListedBy}).
 */

/** Which drafts a search looks at. */
export type DraftBox =
  /** Not in an issue, not in the trash. */
  | 'inbox'
  /** Everything but the trash. */
  | 'all'
  /** Only the trash, listed by when each draft went there, most recently trashed first. */
  | 'trash'
  /** The items of `issueId`, not in the trash. */
  | 'issue';

export interface DraftQuery {
  /**
   * Words to find, each as a word prefix (a number whole: {@link matchesWord}), all required;
   * case and accents are ignored. Words in quotes (`"…"`, `« … »`, `“ … ”`) are a phrase
   * ({@link splitPhrases}): found one after the other in one field of the draft.
   */
  text?: string;
  status?: DraftStatus;
  siteName?: string;
  /**
   * A tag, whatever its case: a draft's tag field takes « Tech » and « tech » for one tag, and
   * two drafts may spell it each their way.
   */
  tag?: string;
  /** Where to look; `all` unless set. */
  box?: DraftBox;
  /** The issue, for `box: 'issue'`. */
  issueId?: string;
  /** Page size, 50 unless set. */
  limit?: number;
  /** Drafts to skip, for the following pages. */
  offset?: number;
}

/** One page of a search, and how many drafts match in all. */
export interface DraftPage {
  drafts: Draft[];
  total: number;
}

/**
 * Above this many candidates from the most selective index, a search intersects primary keys
 * instead of reading the candidates: reading records is what costs.
 */
const READ_CANDIDATES_MAX = 1000;

type DraftCollection = Collection<Draft, string, InsertType<Draft, 'id'>>;

/**
 * The time a box is listed by, newest first: when each draft was clipped, or in the trash when
 * it was trashed (an editor looks there for what they just threw away, whatever its age). Both
 * have an index of their own (`createdAt`, `deletedAt`), where drafts of one time follow their ids.
 */
type ListedBy = 'createdAt' | 'deletedAt';

/** The size of inbox the planner is tuned for: a newsroom after four years (bench/seed.ts). */
const PLANNED_DRAFTS = 10_000;

/**
 * Up to this many candidates from the most selective index (a search word, a tag, a site), a
 * page ending at the `wanted`th match is read from those candidates; above it, walking the
 * drafts newest first and keeping the matches fills it sooner. Reading a record costs about the
 * same either way, so the crossover is where both read as many: √(wanted × drafts), 700 for a
 * page of 50 among 10,000, 220 for the five rows a popup shows as the editor types (the inbox
 * reads those first): a word one draft in twenty holds (500 drafts) then walks some 200 drafts
 * instead of reading its 500.
 */
function walkAbove(wanted: number): number {
  return Math.sqrt(wanted * PLANNED_DRAFTS);
}

/** The parts of a query every search function resolves the same way. */
function resolveQuery(query: DraftQuery) {
  const { box = 'all', limit = 50, offset = 0, status, siteName, tag } = query;
  if (box === 'issue' && !query.issueId) {
    throw new TypeError("searchDrafts: box 'issue' needs an issueId");
  }
  // A quote of one word still open is that word's search as typed, which `tokens` makes: its
  // text is not read for it (the editor typing `"caf`, on every keystroke).
  const phrases = (query.text ? splitPhrases(query.text) : [])
    .filter((phrase) => phrase.words.length > 1 || !phrase.open)
    .map((phrase) => ({
      ...phrase,
      pattern: phrasePattern(phrase),
      pairs: phrasePairs(phrase),
      exact: toldByPairs(phrase),
    }));
  // A single letter of a phrase (« "y a" ») is the phrase's to find, by its pairs or its text: a
  // draft's words hold none, and asked of them as a word's beginning it left out the drafts
  // holding no word in y-.
  const letters = new Set(phrases.flatMap((phrase) => phrase.words).filter((w) => !meaningful(w)));
  const tokens = (query.text ? queryTokens(query.text) : []).filter(
    (token) => meaningful(token) || !letters.has(token),
  );
  // The issueId a box is confined to; undefined for 'all' and 'trash'.
  const issueId = box === 'inbox' ? '' : box === 'issue' ? query.issueId : undefined;
  const plain =
    tokens.length === 0 && phrases.length === 0 && !status && !siteName && !tag && box !== 'trash';
  const listedBy: ListedBy = box === 'trash' ? 'deletedAt' : 'createdAt';
  const matches = (draft: Draft | undefined): draft is Draft =>
    !!draft &&
    (box === 'trash' ? !!draft.deletedAt : !draft.deletedAt) &&
    (issueId === undefined || draft.issueId === issueId) &&
    (!status || draft.status === status) &&
    (!siteName || draft.siteName === siteName) &&
    (!tag || draft.tags.some((each) => each.toLowerCase() === tag.toLowerCase())) &&
    tokens.every((token) => draft.words.some((word) => matchesWord(word, token))) &&
    phrases.every((phrase) => holdsPhrase(draft, phrase));
  return {
    phrases,
    box,
    limit,
    offset,
    status,
    siteName,
    tag,
    tokens,
    issueId,
    plain,
    listedBy,
    matches,
  };
}

/** Words searched one after the other, from a quoted part of a search. */
export interface Phrase {
  /** Its words, folded as a draft's are ({@link tokenize}), single letters kept (`l'été`). */
  words: string[];
  /**
   * The quote is not closed (the editor is typing it): its last word is found by its
   * beginning, as a loose word is; in a closed quote, every word is whole.
   */
  open: boolean;
}

/**
 * The quoted parts of a search text: straight quotes (closed by a straight one or by ”, which a
 * keyboard curling quotes types after a straight one), French « » (whatever the spaces inside)
 * and English “ ” (closed by ” or a straight quote). A quote left open runs to the end of the text.
 * Quotes holding no word are left out. The words are also every search word's
 * ({@link queryTokens} ignores the quotes), so the index still narrows the drafts read.
 */
export function splitPhrases(text: string): Phrase[] {
  const phrases: Phrase[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const words = tokenize(m[1] ?? m[3] ?? m[5] ?? '');
    if (words.length > 0) phrases.push({ words, open: !(m[2] || m[4] || m[6]) });
  }
  return phrases;
}

/**
 * A pair of a phrase's words one after the other, as a draft's `wordPairs` holds them: `word
 * word`; `prefix`, the last pair of a phrase still open, whose second word is a beginning.
 */
interface PhrasePair {
  key: string;
  prefix: boolean;
}

/**
 * The pairs of words a draft holding the phrase holds: each two words one after the other. The
 * phrase's words are tokens as a draft's are (cut at {@link MAX_WORD_LENGTH} both sides), and its
 * pattern takes whole words but the last of an open quote ({@link phrasePattern}): a text the
 * pattern finds holds every pair whole, the last one maybe as a beginning. (A number still being
 * typed, `3`, is taken as a beginning too: `30` is left out by the pattern.)
 */
function phrasePairs({ words, open }: Phrase): PhrasePair[] {
  return words.slice(1).map((word, i) => ({
    key: `${words[i]} ${word}`,
    prefix: open && i === words.length - 2,
  }));
}

/**
 * Whether a phrase's pairs alone tell the drafts holding it: those of two words, the last not a
 * number still being typed (its pair's beginning `article 3` is `article 30`'s too). Each word
 * is whole in a pair as in the phrase's pattern, a cut one as cut, and the last of an open quote
 * is a beginning in both: its drafts are counted from the index, none read.
 */
function toldByPairs({ words, open }: Phrase): boolean {
  return words.length === 2 && !(open && NUMBER.test(words[1]!));
}

/**
 * Whether a draft holds a phrase: each of its pairs first, so that the drafts holding its words
 * in another order are left out without their text read; then, when the pairs do not tell it
 * ({@link toldByPairs}), its text. A record without pairs (none is: the table's hooks and
 * version 7's upgrade write them) is told by its text.
 */
function holdsPhrase(draft: Draft, phrase: ReturnType<typeof resolveQuery>['phrases'][number]) {
  const held = draft.wordPairs;
  if (!held) return hasPhrase(draft, phrase);
  const pairs = phrase.pairs.every(({ key, prefix }) =>
    prefix ? held.some((pair) => pair.startsWith(key)) : held.includes(key),
  );
  return pairs && (phrase.exact || hasPhrase(draft, phrase));
}

/** The drafts indexed under a phrase's pair. */
function pairRange(drafts: IndiscretsDB['clips'], { key, prefix }: PhrasePair): Constraint {
  const pairs = drafts.where('wordPairs');
  return union([prefix ? pairs.startsWith(key) : pairs.equals(key)]);
}

/** A quoted part: its words, then its closing quote (empty while still open). */
const QUOTED = /"([^"”]*)(["”]?)|«([^»]*)(»?)|“([^”"]*)([”"]?)/g;

/**
 * A text folded as its words are ({@link foldText}): what a phrase is looked for in, as it stands.
 * Those of long texts kept for the next keystroke's search, as a draft's words are at each save.
 */
function folded(text: string): string {
  return text.length < 1_000 ? foldText(text) : foldedKept.get(text, foldText);
}

/** The folded long texts ({@link folded}): 2,000,000 characters of texts at most. */
const foldedKept = new TextMemo<string>(2_000_000);

/**
 * Whether one of the texts a draft is searched by (those its `words` come from) holds the
 * phrase's words one after the other. A phrase does not run from one text into the next. Each
 * text is folded and searched whole by one pattern ({@link phrasePattern}), with no array of its
 * words made: every draft holding the words of a phrase of common ones (« "de la de" ») is read
 * on each keystroke, and splitting their texts into words took seconds at 10,000 drafts.
 */
function hasPhrase(draft: Draft, phrase: Phrase & { pattern: RegExp }): boolean {
  // One whole word: among the draft's own search words, unless it is one they leave out (a
  // single letter, {@link indexWords}).
  const [only, ...more] = phrase.words;
  if (more.length === 0 && (only!.length > 1 || NUMBER.test(only!))) {
    return draft.words.includes(only!);
  }
  return searchedTexts(draft, bodyWordsText).some(
    (text) => !!text && phrase.pattern.test(folded(text)),
  );
}

/**
 * The phrase's words as a pattern of a folded text: each whole, in a row, anything but letters
 * and digits between them; the last by its beginning if the quote is open (a number's not
 * followed by more digits, as {@link matchesWord} takes it). A word as long as a draft's words
 * are cut to is the beginning of a longer one too, as the cut words compare.
 */
function phrasePattern({ words, open }: Phrase): RegExp {
  const letter = '[\\p{L}\\p{N}]';
  const last = words.length - 1;
  const parts = words.map((word, i) => {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (word.length >= MAX_WORD_LENGTH) return `${escaped}${letter}*`;
    if (i < last) return escaped;
    if (!open) return `${escaped}(?!${letter})`;
    return NUMBER.test(word) ? `${escaped}(?![0-9])` : escaped;
  });
  return new RegExp(`(?<!${letter})${parts.join(`[^\\p{L}\\p{N}]+`)}`, 'u');
}

/** A query token made of digits alone: a number, matched whole (see {@link matchesWord}). */
const NUMBER = /^[0-9]+$/;

/**
 * Whether a draft's word answers a query token. A word is found by its beginning (`gouvern`
 * finds `gouvernement`: French words inflect). A number is found whole, letters after it
 * allowed, not more digits: « article 3 » finds `3` and `3e` (`3ᵉ`), not `30`, since a number's
 * beginning is another number.
 */
function matchesWord(word: string, token: string): boolean {
  if (!word.startsWith(token)) return false;
  if (!NUMBER.test(token) || word.length === token.length) return true;
  const next = word.charCodeAt(token.length);
  return next < 0x30 || next > 0x39;
}

/** What a search reads of one constraint: the drafts under one or more index ranges. */
interface Constraint {
  /** How many index entries it holds: a draft listed under two of its keys counts twice. */
  count(): Promise<number>;
  /**
   * {@link count}, but `max` when it holds more: as many keys read, at most. A range's count
   * goes through each of its entries, a common word's 10,000 at each keystroke, where the planner
   * only asks whether it is under a few hundred.
   */
  countUpTo(max: number): Promise<number>;
  /** Its drafts; one listed under two of its keys may come twice ({@link distinct}). */
  toArray(): Promise<Draft[]>;
  primaryKeys(): Promise<string[]>;
}

/** A constraint made of a few index ranges, each read in one request. */
function union(ranges: DraftCollection[]): Constraint {
  const all = <T>(read: (range: DraftCollection) => Promise<T[]>) =>
    Promise.all(ranges.map(read)).then((lists) => lists.flat());
  return {
    count: () => Promise.all(ranges.map((r) => r.count())).then((n) => n.reduce((a, b) => a + b)),
    countUpTo: (max) =>
      Promise.all(ranges.map((r) => r.clone().limit(max).primaryKeys())).then((lists) =>
        Math.min(
          max,
          lists.reduce((n, keys) => n + keys.length, 0),
        ),
      ),
    toArray: () => all((range) => range.toArray()),
    primaryKeys: () => all((range) => range.primaryKeys()),
  };
}

/**
 * The drafts indexed under a word {@link matchesWord} accepts for `token`: a number's words are
 * the number itself and those where a letter follows it (digits sort between `/` and `:`), two
 * plain ranges, so that a count made of index keys alone agrees with the matches.
 */
function wordRange(drafts: IndiscretsDB['clips'], token: string): Constraint {
  const words = () => drafts.where('words');
  if (!NUMBER.test(token)) return union([words().startsWith(token)]);
  return union([words().equals(token), words().between(`${token}:`, `${token}\uffff`)]);
}

/**
 * The index range of each constraint of a query. `selective` leaves out status and box, whose
 * ranges hold thousands of drafts: a page is found sooner by walking the box than by reading them.
 */
function indexRanges(
  q: ReturnType<typeof resolveQuery> & { spellings: string[] },
  database: IndiscretsDB,
  which: 'selective' | 'all',
): Constraint[] {
  const drafts = database.clips;
  return [
    ...q.tokens.map((token) => wordRange(drafts, token)),
    // A phrase's pairs (« "nos informations selon" »: « nos informations », « informations
    // selon »): where the drafts holding every word hold the words in no order, none.
    ...q.phrases.flatMap((phrase) => phrase.pairs.map((pair) => pairRange(drafts, pair))),
    // Each spelling its own range: counted by the index, read in one request each.
    ...(q.tag
      ? [
          union(
            (q.spellings.length ? q.spellings : [q.tag]).map((s) => drafts.where('tags').equals(s)),
          ),
        ]
      : []),
    ...(q.siteName ? [union([drafts.where('siteName').equals(q.siteName)])] : []),
    ...(which === 'all' && q.status ? [union([drafts.where('status').equals(q.status)])] : []),
    ...(which === 'all' && q.issueId !== undefined
      ? [union([drafts.where('issueId').equals(q.issueId)])]
      : []),
    ...(q.box === 'trash' ? [union([drafts.orderBy('deletedAt')])] : []),
  ];
}

/**
 * The spellings of `tag` in use (« Tech », « tech »): the distinct keys of the tags index that
 * differ from it in case only. Dexie finds them with a key cursor that skips between the cases;
 * where its range cannot be built (« İstanbul », « µ », whose capitals sort above their small
 * letters), every distinct tag is read instead.
 */
async function tagSpellings(tag: string, database: IndiscretsDB): Promise<string[]> {
  const folded = tag.toLowerCase();
  const same = (keys: unknown[]) => keys.map(String).filter((key) => key.toLowerCase() === folded);
  try {
    return same(await database.clips.where('tags').equalsIgnoreCase(tag).uniqueKeys());
  } catch {
    return same(await database.clips.orderBy('tags').uniqueKeys());
  }
}

/** Resolves a query, then runs `body` on it in one read transaction; a bad query rejects. */
function runQuery<T>(
  query: DraftQuery,
  database: IndiscretsDB,
  body: (q: ReturnType<typeof resolveQuery> & { spellings: string[] }) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  let q: ReturnType<typeof resolveQuery>;
  try {
    signal?.throwIfAborted();
    q = resolveQuery(query);
  } catch (error) {
    return Promise.reject(error);
  }
  return database.transaction('r', database.clips, async () => {
    const spellings = q.tag ? await tagSpellings(q.tag, database) : [];
    return body({ ...q, spellings });
  });
}

/**
 * The drafts of a box, newest first by `listedBy`, from the time `from` (included) down: an index
 * range read backwards. `from` undefined: from the newest. An issue (or the inbox) is listed by
 * creation; the trash, by the `deletedAt` index, which holds trashed drafts only, of any issue.
 */
function newestFirstFrom(
  issueId: string | undefined,
  listedBy: ListedBy,
  from: string | undefined,
  database: IndiscretsDB,
): DraftCollection {
  if (issueId !== undefined) return newestFirstIn(issueId, database, from);
  const clips = database.clips;
  return from === undefined
    ? clips.orderBy(listedBy).reverse()
    : clips.where(listedBy).belowOrEqual(from).reverse();
}

/** The first chunk of drafts a walk reads at once; each next chunk is twice as long. */
const WALK_CHUNK = 64;

/**
 * How far a walk of the box went for a query ({@link walkNewestFirst}): every match among the
 * drafts checked, down to the last one checked. The next keystroke's search, when each of its matches
 * is one of this query's (a word typed on: {@link narrows}), checks those matches again and
 * walks on from there, where it read every draft again from the newest: a phrase of common words
 * (« "nos informations selon" ») reads every draft for none at each key. A walk stopped because
 * its keystroke is stale ({@link searchPage}'s `signal`) leaves how far it went too.
 */
interface WalkProgress {
  query: ReturnType<typeof resolveQuery>;
  /** The matches among the drafts checked, newest first: all of them, up to the page's end. */
  kept: Draft[];
  /** The last draft checked; undefined when none was. */
  last: Draft | undefined;
  /** Drafts read after it, not yet checked (the walk stopped within their chunk). */
  unchecked: Draft[];
  /** No draft of the box after those of the last chunk read. */
  endsBox: boolean;
  /** The size of the next chunk to read. */
  size: number;
  /** The box read to its end. */
  done: boolean;
  /** {@link changes} when the walk began: any later change of the database voids it. */
  changes: number;
}

/**
 * The last walk of each database ({@link WalkProgress}); one is enough for an editor typing.
 * Voided by any change to a database made or heard in this page (Dexie's `storagemutated`, which
 * its live queries follow): a draft saved between two keys may match the second.
 */
const walks = new WeakMap<IndiscretsDB, WalkProgress>();
let changes = 0;
Dexie.on('storagemutated', () => {
  changes += 1;
});

/**
 * Whether every match of `next` is a match of `previous`: the same filters and box, each word
 * and phrase of `previous` implied by one of `next` (the editor typed on: a word longer, one more
 * word, a quote closed). A number typed on is another number (`3`, `30`), not a narrower one.
 */
function narrows(
  previous: ReturnType<typeof resolveQuery>,
  next: ReturnType<typeof resolveQuery>,
): boolean {
  const same = (['box', 'issueId', 'status', 'siteName', 'tag', 'listedBy'] as const).every(
    (key) => previous[key] === next[key],
  );
  return (
    same &&
    previous.tokens.every((token) => next.tokens.some((word) => matchesWord(word, token))) &&
    previous.phrases.every((phrase) => next.phrases.some((other) => implies(other, phrase)))
  );
}

/**
 * The last phrase walk of `database` when `q` may go on from it ({@link narrows}, nothing
 * changed since it began); undefined otherwise.
 */
function walkToResume(
  q: ReturnType<typeof resolveQuery>,
  database: IndiscretsDB,
): WalkProgress | undefined {
  const before = walks.get(database);
  return q.phrases.length > 0 && before && before.changes === changes && narrows(before.query, q)
    ? before
    : undefined;
}

/**
 * Makes a live query (the inbox) follow every draft, for the cost of one read: a search that
 * takes its matches from a walk made before has not read the drafts it walked, whose text may
 * change (no index holds it).
 */
async function followEveryDraft(database: IndiscretsDB): Promise<void> {
  await database.clips.limit(1).toArray();
}

/** Whether a text holding phrase `a` holds phrase `b` there too ({@link phrasePattern}). */
function implies(a: Phrase, b: Phrase): boolean {
  const last = b.words.length - 1;
  if (!b.open) {
    return (
      !a.open && a.words.length === b.words.length && a.words.every((w, i) => w === b.words[i])
    );
  }
  return (
    a.words.length > last &&
    b.words.every((word, i) => (i < last ? a.words[i] === word : matchesWord(a.words[i]!, word)))
  );
}

/**
 * The drafts of a box that `q` matches, newest first (by `listedBy`, then by id), from the
 * `offset`th, at most `limit`. The box is read in chunks of consecutive drafts, each chunk in
 * one request (an index range read whole, backwards where the browser can), not record by
 * record through a cursor: reading records one at a time is what costs. Chunks grow as the walk
 * goes on, so a common word reads about what it needs and a rare one few requests. Each chunk
 * starts at the time of the last draft read (drafts may share a time: those already read, whose
 * ids are not below the last one's, are skipped). A walk of a query that narrows the last one
 * starts where that one stopped ({@link WalkProgress}); `signal` aborted (the next key) stops it
 * at the next draft, and rejects (`AbortError`).
 */
async function walkNewestFirst(
  q: ReturnType<typeof resolveQuery>,
  database: IndiscretsDB,
  signal?: AbortSignal,
): Promise<Draft[]> {
  const { issueId, listedBy, offset, limit } = q;
  if (limit <= 0) return [];
  const wanted = offset + limit;
  // A phrase only: the other searches fill a page within a few hundred drafts.
  const before = walkToResume(q, database);
  const resumed = before !== undefined;
  const progress: WalkProgress = {
    query: q,
    kept: before ? before.kept.filter(q.matches) : [],
    last: before?.last,
    unchecked: before?.unchecked ?? [],
    endsBox: before?.endsBox ?? false,
    size: before?.size ?? WALK_CHUNK,
    done: before?.done ?? false,
    changes,
  };
  if (q.phrases.length > 0) walks.set(database, progress);
  const { kept } = progress;
  // The drafts read before are not read again: a live query is told of a change to any draft.
  if (resumed) await followEveryDraft(database);
  if (progress.done || kept.length >= wanted) return kept.slice(offset, wanted);
  for (;;) {
    signal?.throwIfAborted();
    const { last } = progress;
    const from = last?.[listedBy];
    let chunk = progress.unchecked;
    if (chunk.length === 0) {
      chunk = await newestFirstFrom(issueId, listedBy, from, database)
        .limit(progress.size)
        .toArray();
      progress.endsBox = chunk.length < progress.size;
      progress.size *= 2;
    }
    for (let i = 0; i < chunk.length; i++) {
      // Checked at each draft: a chunk of thousands takes long to check. The drafts left
      // unchecked are the next key's to check first, not to read again.
      if (signal?.aborted) {
        progress.unchecked = chunk.slice(i);
        signal.throwIfAborted();
      }
      const draft = chunk[i]!;
      if (last && draft[listedBy] === from && draft.id >= last.id) continue;
      progress.last = draft;
      if (q.matches(draft) && kept.push(draft) === wanted) {
        progress.unchecked = chunk.slice(i + 1);
        return kept.slice(offset);
      }
    }
    progress.unchecked = [];
    if (progress.endsBox) {
      progress.done = true;
      return kept.slice(offset);
    }
  }
}

/** Each draft once: a multi-entry index (words, tags) lists a draft under each of its keys. */
function distinct(drafts: Draft[]): Draft[] {
  const ids = new Set<string>();
  return drafts.filter((draft) => !ids.has(draft.id) && !!ids.add(draft.id));
}

/**
 * One page of a search, newest first (by creation; in the trash, by when each was trashed),
 * without counting all matches: what the inbox shows on each keystroke. Every path reads few
 * records, each range in one request:
 * - no text and no filter (the inbox as it opens): the box walked newest first, skipping the
 *   trash (a few drafts), so one chunk fills a page;
 * - a selective constraint (a rare word, a tag, a site: at most {@link walkAbove} drafts, fewer
 *   for a shorter page): only its drafts are read, checked against the rest and sorted;
 * - otherwise the box is walked newest first until the page is full: a common word fills it
 *   within a few hundred drafts; a phrase typed on walks on from the last key's walk.
 * `signal` aborted (the editor typed on) stops the search early: it rejects with an `AbortError`.
 */
export function searchPage(
  query: DraftQuery = {},
  database: IndiscretsDB = defaultDb,
  signal?: AbortSignal,
): Promise<Draft[]> {
  return runQuery(
    query,
    database,
    async (q) => {
      // A phrase typed on from one whose walk read the whole box: its matches are among those
      // known, without counting its words. (Else a rare word's few drafts may be read sooner.)
      if (!q.plain && !walkToResume(q, database)?.done) {
        const selective = indexRanges(q, database, 'selective');
        if (selective.length > 0) {
          // Only whether one is under the crossover matters: each is counted up to it.
          const above = Math.floor(walkAbove(q.offset + q.limit)) + 1;
          const sizes = await Promise.all(
            selective.map((constraint) => constraint.countUpTo(above)),
          );
          const smallest = sizes.indexOf(Math.min(...sizes));
          if (sizes[smallest]! < above) {
            const candidates = distinct(await selective[smallest]!.toArray());
            const found = candidates.filter(q.matches).sort(newestFirst(q.listedBy));
            return found.slice(q.offset, q.offset + q.limit);
          }
        }
      }
      return walkNewestFirst(q, database, signal);
    },
    signal,
  );
}

/**
 * How many drafts a search matches in all. Exact, and dearer than a page on a large database
 * (it may read every key of an index): the inbox asks for it apart, after the page is shown.
 * - no text and no filter: counted from indexes;
 * - otherwise each constraint is an index range; when the smallest is small its drafts are read
 *   and checked, else primary keys are intersected without reading any record (but the drafts
 *   left, for a quoted phrase: its words' order is in their text).
 */
export function countDrafts(
  query: DraftQuery = {},
  database: IndiscretsDB = defaultDb,
): Promise<number> {
  const drafts = database.clips;
  return runQuery(query, database, async (q) => {
    if (q.plain) {
      return q.issueId === undefined
        ? Promise.all([drafts.count(), drafts.orderBy('deletedAt').count()]).then(([a, t]) => a - t)
        : countBox(q.issueId, database);
    }
    // A phrase whose page walked the whole box: its matches are all known.
    const walked = walkToResume(q, database);
    if (walked?.done) {
      await followEveryDraft(database);
      return walked.kept.filter(q.matches).length;
    }
    const constraints = indexRanges(q, database, 'all');
    // A phrase of single letters alone (« "a" »): no index holds it, every draft's text tells.
    if (constraints.length === 0) return drafts.filter(q.matches).count();
    const sizes = await Promise.all(constraints.map((constraint) => constraint.count()));
    const smallest = sizes.indexOf(Math.min(...sizes));
    if (sizes[smallest]! <= READ_CANDIDATES_MAX) {
      return distinct(await constraints[smallest]!.toArray()).filter(q.matches).length;
    }
    const [sets, trashed] = await Promise.all([
      Promise.all(constraints.map(async (constraint) => new Set(await constraint.primaryKeys()))),
      q.box === 'trash'
        ? new Set<string>()
        : drafts
            .orderBy('deletedAt')
            .primaryKeys()
            .then((k) => new Set(k)),
    ]);
    const [first, ...rest] = sets;
    const ids = [...first!].filter((id) => !trashed.has(id) && rest.every((set) => set.has(id)));
    // A phrase its pairs do not tell is told by the text: only the drafts holding all its words
    // and pairs are read.
    if (q.phrases.some((phrase) => !phrase.exact)) {
      return (await drafts.bulkGet(ids)).filter(q.matches).length;
    }
    return ids.length;
  });
}

/**
 * Where draft `id` is listed by a search: how many of its matches come before it (newest
 * first, as {@link searchPage} lists them); `undefined` when it is not among them. Reads the
 * drafts listed before it: dear for an old draft in a large box, asked once, for one draft
 * (the inbox's keyboard going to a draft that landed beyond the rows it has read).
 */
export function draftPosition(
  query: DraftQuery,
  id: string,
  database: IndiscretsDB = defaultDb,
): Promise<number | undefined> {
  return runQuery(query, database, async (q) => {
    const draft = await database.clips.get(id);
    if (!q.matches(draft)) return undefined;
    const at = draft[q.listedBy];
    if (at === undefined) return undefined;
    const drafts = database.clips;
    const [newer, sameTime] = await Promise.all([
      drafts.where(q.listedBy).above(at).filter(q.matches).count(),
      // Drafts of one time are listed by id, highest first.
      drafts
        .where(q.listedBy)
        .equals(at)
        .filter((other) => other.id > id && q.matches(other))
        .count(),
    ]);
    return newer + sameTime;
  });
}

/** Whether draft `id` is among a search's matches: one record read. */
export function draftMatches(
  query: DraftQuery,
  id: string,
  database: IndiscretsDB = defaultDb,
): Promise<boolean> {
  return runQuery(query, database, async (q) => q.matches(await database.clips.get(id)));
}

/** A page and the total: {@link searchPage} and {@link countDrafts} in one transaction. */
export function searchDrafts(
  query: DraftQuery = {},
  database: IndiscretsDB = defaultDb,
): Promise<DraftPage> {
  return database.transaction('r', database.clips, async () => {
    const [drafts, total] = await Promise.all([
      searchPage(query, database),
      countDrafts(query, database),
    ]);
    return { drafts, total };
  });
}

/**
 * The order of the `listedBy` index read backwards (the walk's): newest first, then by id
 * descending, so that a page read from candidates and one walked agree.
 */
function newestFirst(listedBy: ListedBy): (a: Draft, b: Draft) => number {
  return (a, b) => {
    const [x, y] = [a[listedBy] ?? '', b[listedBy] ?? ''];
    if (x !== y) return x < y ? 1 : -1;
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  };
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Every publication name in use, in French alphabetical order, for the filter menu. */
export async function listSiteNames(database: IndiscretsDB = defaultDb): Promise<string[]> {
  const keys = await database.clips.orderBy('siteName').uniqueKeys();
  return keys.map(String).sort(collator.compare);
}

/**
 * Every tag in use, in French alphabetical order, for the filter menu: one spelling of a tag
 * written with other capitals in other drafts (« Tech », « tech »), which the filter finds all of.
 */
export async function listTags(database: IndiscretsDB = defaultDb): Promise<string[]> {
  const keys = await database.clips.orderBy('tags').uniqueKeys();
  const seen = new Set<string>();
  return keys
    .map(String)
    .sort(collator.compare)
    .filter((tag) => {
      const folded = tag.toLowerCase();
      if (seen.has(folded)) return false;
      seen.add(folded);
      return true;
    });
}
