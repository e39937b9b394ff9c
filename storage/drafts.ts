import type { Collection, InsertType } from 'dexie';
import { countBox, newestFirstIn } from './draft-records';
import { db as defaultDb, type Draft, type DraftStatus, type IndiscretsDB } from './db';
import { bodyText, hasVisibleText, normaliseUrl, queryTokens } from './derive';
import { sameValue } from '../lib/merge';
import { markEdit, type EditSource } from './edit-marks';
import { DRAFT_STATUSES } from './record-values';

const now = () => new Date().toISOString();
const DAY_MS = 24 * 60 * 60 * 1000;

/** Thrown when an id names no draft (deleted meanwhile, or from another database). */
export class DraftNotFoundError extends Error {
  override name = 'DraftNotFoundError';
  constructor(readonly draftId: string) {
    super(`No draft with id ${draftId}`);
  }
}

/** The fields an editor changes by hand. The rest is managed by the functions that own it. */
export const EDITABLE_FIELDS = [
  'title',
  'body',
  'sources',
  'note',
  'noteShared',
  'tags',
  'status',
  'quotes',
  'siteName',
  'byline',
  'publishedAt',
  'lang',
  'excerpt',
  'imageUrl',
] as const satisfies ReadonlyArray<keyof Draft>;

/** A change to a draft's editable fields. An optional field set to `undefined` is removed. */
export type DraftPatch = Partial<Pick<Draft, (typeof EDITABLE_FIELDS)[number]>>;

const REQUIRED_FIELDS = new Set<string>([
  'title',
  'body',
  'sources',
  'note',
  'tags',
  'status',
  'quotes',
]);

/** Trims tags, drops empty ones and keeps the first of those that differ only by case. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLocaleLowerCase('fr');
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

/**
 * Applies an edit and stamps `updatedAt`; returns the draft as stored. Fields outside
 * {@link EDITABLE_FIELDS} are ignored, not written: the patch may come from the journal, i.e.
 * from JSON that was written by an older version. Unknown statuses are rejected.
 */
export function updateDraft(
  id: string,
  patch: DraftPatch,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
  bookkeeping: Pick<Draft, 'edits'> = {},
): Promise<Draft> {
  const changes: Partial<Draft> = { ...bookkeeping };
  for (const field of EDITABLE_FIELDS) {
    if (!Object.hasOwn(patch, field)) continue;
    const value = patch[field];
    if (value === undefined && REQUIRED_FIELDS.has(field)) continue;
    (changes as Record<string, unknown>)[field] = value;
  }
  if (changes.tags) changes.tags = normaliseTags(changes.tags);
  if (
    changes.status !== undefined &&
    !(DRAFT_STATUSES as readonly unknown[]).includes(changes.status)
  ) {
    return Promise.reject(new TypeError(`Unknown draft status: ${String(changes.status)}`));
  }
  return database.transaction('rw', database.clips, async () => {
    changes.updatedAt = clock();
    // Dexie's update() removes a field set to undefined, and the hooks re-derive the indexes.
    const updated = await database.clips.update(id, changes);
    if (!updated) throw new DraftNotFoundError(id);
    return (await database.clips.get(id))!;
  });
}

/** A draft's editable field. */
export type DraftField = (typeof EDITABLE_FIELDS)[number];

/** What {@link saveDraftEdit} wrote, and what it could not. */
export interface DraftEditResult {
  /** The draft as stored after the write. */
  draft: Draft;
  /**
   * Fields of the patch that were not written: changed elsewhere since `base` (another view,
   * the background), to a value other than the patch's. The caller asks the editor to choose.
   */
  conflicts: DraftField[];
}

/**
 * Writes an editor's changes made from `base` (for each field of `patch`, the value the editor
 * started from), in one transaction: a field still as in `base` (or already as in `patch`) is
 * written; a field someone else changed meanwhile is left as they wrote it and reported in
 * `conflicts`. Nothing is overwritten unseen, whatever the order of the views' writes.
 * With `source` (an editor view), the write is marked on the draft (`edits`) for the journal
 * replay.
 */
export function saveDraftEdit(
  id: string,
  patch: DraftPatch,
  base: DraftPatch,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
  source?: EditSource,
): Promise<DraftEditResult> {
  return database.transaction('rw', database.clips, async () => {
    const current = await database.clips.get(id);
    if (!current) throw new DraftNotFoundError(id);
    const writable: DraftPatch = {};
    const conflicts: DraftField[] = [];
    for (const field of EDITABLE_FIELDS) {
      if (!Object.hasOwn(patch, field)) continue;
      if (sameValue(current[field], base[field]) || sameValue(current[field], patch[field])) {
        (writable as Record<string, unknown>)[field] = patch[field];
      } else {
        conflicts.push(field);
      }
    }
    const wrote = Object.keys(writable);
    const marks = source ? { edits: markEdit(current, source, wrote, conflicts) } : {};
    const draft =
      wrote.length > 0 ? await updateDraft(id, writable, database, clock, marks) : current;
    return { draft, conflicts };
  });
}

/** Which drafts a search looks at. */
export type DraftBox =
  /** Not in an issue, not in the trash. */
  | 'inbox'
  /** Everything but the trash. */
  | 'all'
  /** Only the trash. */
  | 'trash'
  /** The items of `issueId`, not in the trash. */
  | 'issue';

export interface DraftQuery {
  /** Words to find, each as a word prefix, all required; case and accents are ignored. */
  text?: string;
  status?: DraftStatus;
  siteName?: string;
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
 * Below this many candidates from the most selective index (a search word, a tag, a site),
 * a page is read from those candidates; above it, walking the drafts newest first and keeping
 * the matches fills a page sooner. Reading a record costs about the same either way, so the
 * crossover is where both read as many: √(page × drafts) for a page of 50 among 10,000.
 */
const WALK_ABOVE = 700;

/** The parts of a query every search function resolves the same way. */
function resolveQuery(query: DraftQuery) {
  const { box = 'all', limit = 50, offset = 0, status, siteName, tag } = query;
  if (box === 'issue' && !query.issueId) {
    throw new TypeError("searchDrafts: box 'issue' needs an issueId");
  }
  const tokens = query.text ? queryTokens(query.text) : [];
  // The issueId a box is confined to; undefined for 'all' and 'trash'.
  const issueId = box === 'inbox' ? '' : box === 'issue' ? query.issueId : undefined;
  const plain = tokens.length === 0 && !status && !siteName && !tag && box !== 'trash';
  const matches = (draft: Draft | undefined): draft is Draft =>
    !!draft &&
    (box === 'trash' ? !!draft.deletedAt : !draft.deletedAt) &&
    (issueId === undefined || draft.issueId === issueId) &&
    (!status || draft.status === status) &&
    (!siteName || draft.siteName === siteName) &&
    (!tag || draft.tags.includes(tag)) &&
    tokens.every((token) => draft.words.some((word) => word.startsWith(token)));
  return { box, limit, offset, status, siteName, tag, tokens, issueId, plain, matches };
}

/**
 * The index range of each constraint of a query. `selective` leaves out status and box, whose
 * ranges hold thousands of drafts: a page is found sooner by walking the box than by reading them.
 */
function indexRanges(
  q: ReturnType<typeof resolveQuery>,
  database: IndiscretsDB,
  which: 'selective' | 'all',
): DraftCollection[] {
  const drafts = database.clips;
  return [
    ...q.tokens.map((token) => drafts.where('words').startsWith(token)),
    ...(q.tag ? [drafts.where('tags').equals(q.tag)] : []),
    ...(q.siteName ? [drafts.where('siteName').equals(q.siteName)] : []),
    ...(which === 'all' && q.status ? [drafts.where('status').equals(q.status)] : []),
    ...(which === 'all' && q.issueId !== undefined
      ? [drafts.where('issueId').equals(q.issueId)]
      : []),
    ...(q.box === 'trash' ? [drafts.orderBy('deletedAt')] : []),
  ];
}

/** Resolves a query, then runs `body` on it in one read transaction; a bad query rejects. */
function runQuery<T>(
  query: DraftQuery,
  database: IndiscretsDB,
  body: (q: ReturnType<typeof resolveQuery>) => Promise<T>,
): Promise<T> {
  let q: ReturnType<typeof resolveQuery>;
  try {
    q = resolveQuery(query);
  } catch (error) {
    return Promise.reject(error);
  }
  return database.transaction('r', database.clips, () => body(q));
}

/** The drafts of a box, newest first, as an index walk (no record read before it is needed). */
function newestFirstInBox(issueId: string | undefined, database: IndiscretsDB) {
  return issueId === undefined
    ? database.clips.orderBy('createdAt').reverse()
    : newestFirstIn(issueId, database);
}

/**
 * One page of a search, newest first (by creation), without counting all matches: what the
 * inbox shows on each keystroke. Every path reads few records:
 * - no text and no filter (the inbox as it opens): one page from `[issueId+createdAt]`;
 * - a selective constraint (a rare word, a tag, a site: at most {@link WALK_ABOVE} drafts):
 *   only its drafts are read, checked against the rest and sorted;
 * - otherwise the box is walked newest first until the page is full: a common word fills it
 *   within a few hundred drafts.
 */
export function searchPage(
  query: DraftQuery = {},
  database: IndiscretsDB = defaultDb,
): Promise<Draft[]> {
  const clips = database.clips;
  return runQuery(query, database, async (q) => {
    if (q.plain) {
      // Trashed drafts are few: the filter skips them while the cursor walks one page.
      return newestFirstInBox(q.issueId, database)
        .filter((draft) => !draft.deletedAt)
        .offset(q.offset)
        .limit(q.limit)
        .toArray();
    }
    const selective = indexRanges(q, database, 'selective');
    if (selective.length > 0) {
      const sizes = await Promise.all(selective.map((constraint) => constraint.count()));
      const smallest = sizes.indexOf(Math.min(...sizes));
      if (sizes[smallest]! <= WALK_ABOVE) {
        const ids = [...new Set(await selective[smallest]!.primaryKeys())];
        const found = (await clips.bulkGet(ids)).filter(q.matches).sort(newestFirst);
        return found.slice(q.offset, q.offset + q.limit);
      }
    }
    return newestFirstInBox(q.issueId, database)
      .filter(q.matches)
      .offset(q.offset)
      .limit(q.limit)
      .toArray();
  });
}

/**
 * How many drafts a search matches in all. Exact, and dearer than a page on a large database
 * (it may read every key of an index): the inbox asks for it apart, after the page is shown.
 * - no text and no filter: counted from indexes;
 * - otherwise each constraint is an index range; when the smallest is small its drafts are read
 *   and checked, else primary keys are intersected without reading any record.
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
    const constraints = indexRanges(q, database, 'all');
    const sizes = await Promise.all(constraints.map((constraint) => constraint.count()));
    const smallest = sizes.indexOf(Math.min(...sizes));
    if (sizes[smallest]! <= READ_CANDIDATES_MAX) {
      const ids = [...new Set(await constraints[smallest]!.primaryKeys())];
      return (await drafts.bulkGet(ids)).filter(q.matches).length;
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
    let total = 0;
    for (const id of first!) {
      if (!trashed.has(id) && rest.every((set) => set.has(id))) total++;
    }
    return total;
  });
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

/** The order of the `createdAt` index read backwards: newest first, then by id descending. */
function newestFirst(a: Draft, b: Draft): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Every publication name in use, in French alphabetical order, for the filter menu. */
export async function listSiteNames(database: IndiscretsDB = defaultDb): Promise<string[]> {
  const keys = await database.clips.orderBy('siteName').uniqueKeys();
  return keys.map(String).sort(collator.compare);
}

/** Every tag in use, in French alphabetical order, for the filter menu. */
export async function listTags(database: IndiscretsDB = defaultDb): Promise<string[]> {
  const keys = await database.clips.orderBy('tags').uniqueKeys();
  return keys.map(String).sort(collator.compare);
}

/**
 * What an action changed, so that {@link undo} can put it back: the records as they were, and
 * the ids of drafts the action created. Meant for the "Undo" toast right after the action;
 * undoing later also reverts edits made since to those drafts.
 */
export interface UndoToken {
  /** Which action: the UI words the toast. */
  label: 'trash' | 'merge';
  /** The drafts as they were before the action, written back verbatim. */
  before: Draft[];
  /** Ids of drafts the action created, deleted on undo. */
  after: string[];
}

/** Reverts an action: in one transaction, deletes what it created and rewrites what it changed. */
export async function undo(token: UndoToken, database: IndiscretsDB = defaultDb): Promise<void> {
  await database.transaction('rw', database.clips, async () => {
    if (token.after.length > 0) await database.clips.bulkDelete(token.after);
    if (token.before.length > 0) await database.clips.bulkPut(token.before);
  });
}

async function mustGet(database: IndiscretsDB, id: string): Promise<Draft> {
  const draft = await database.clips.get(id);
  if (!draft) throw new DraftNotFoundError(id);
  return draft;
}

/**
 * Puts a draft in the trash. It keeps its issue and place there, but no longer shows in the
 * issue, the inbox or searches, and {@link purgeTrash} deletes it after 30 days.
 */
export function trashDraft(
  id: string,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<UndoToken> {
  return database.transaction('rw', database.clips, async () => {
    const before = await mustGet(database, id);
    if (!before.deletedAt) {
      const at = clock();
      await database.clips.update(id, { deletedAt: at, updatedAt: at });
    }
    return { label: 'trash', before: [before], after: [] };
  });
}

/** Takes a draft out of the trash, back where it was (the inbox, or its place in its issue). */
export function restoreDraft(
  id: string,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<Draft> {
  return database.transaction('rw', database.clips, async () => {
    const draft = await mustGet(database, id);
    if (!draft.deletedAt) return draft;
    await database.clips.update(id, { deletedAt: undefined, updatedAt: clock() });
    return mustGet(database, id);
  });
}

/** The trash, most recently trashed first. */
export function listTrash(database: IndiscretsDB = defaultDb): Promise<Draft[]> {
  return database.clips.orderBy('deletedAt').reverse().toArray();
}

/**
 * Deletes for good the drafts trashed more than `days` days before `now`; returns how many.
 * Run at start-up.
 */
export function purgeTrash(
  now: Date = new Date(),
  days = 30,
  database: IndiscretsDB = defaultDb,
): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  return database.clips.where('deletedAt').below(cutoff).delete();
}

const GAP_FIELDS = ['siteName', 'byline', 'publishedAt', 'lang', 'excerpt', 'imageUrl'] as const;

/**
 * Merges one draft into another, for two clips that make one item. The target keeps its body,
 * followed by the source's as a new paragraph when it has text the target lacks; sources are
 * concatenated (one per URL), quotes too (oldest first), tags united and notes joined. Metadata
 * the target lacks is taken from the source. The source draft is deleted.
 */
export function mergeDrafts(
  sourceId: string,
  targetId: string,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<UndoToken> {
  if (sourceId === targetId) {
    return Promise.reject(new TypeError('A draft cannot be merged into itself'));
  }
  return database.transaction('rw', database.clips, async () => {
    const [source, target] = await Promise.all([
      mustGet(database, sourceId),
      mustGet(database, targetId),
    ]);
    const merged: Draft = {
      ...target,
      body: appendParagraph(target.body, source.body),
      sources: uniqueBy([...target.sources, ...source.sources], (s) => normaliseUrl(s.url)),
      quotes: uniqueBy([...target.quotes, ...source.quotes], (q) => q.text)
        // Stable sort: quotes clipped at the same moment keep the target's first.
        .sort((a, b) => (a.clippedAt < b.clippedAt ? -1 : a.clippedAt > b.clippedAt ? 1 : 0)),
      tags: normaliseTags([...target.tags, ...source.tags]),
      note: [...new Set([target.note.trim(), source.note.trim()].filter(Boolean))].join('\n\n'),
      provenance: { ...target.provenance },
      updatedAt: clock(),
    };
    for (const field of GAP_FIELDS) {
      const value = source[field];
      if (!target[field] && value) {
        merged[field] = value;
        const from = source.provenance[field];
        if (from) merged.provenance[field] = from;
      }
    }
    await database.clips.delete(sourceId);
    await database.clips.put(merged);
    return { label: 'merge', before: [source, target], after: [] };
  });
}

/** The target body, plus the source's as a paragraph when it brings text the target lacks. */
function appendParagraph(target: string, source: string): string {
  const extra = source.trim();
  if (!hasVisibleText(extra)) return target;
  if (!hasVisibleText(target)) return extra;
  if (bodyText(target).includes(bodyText(extra))) return target;
  return target.trim() + (/^<p[\s>]/i.test(extra) ? extra : `<p>${extra}</p>`);
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
