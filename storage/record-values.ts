/**
 * The values stored fields may take, declared once: the types in `db.ts`, the schemas in
 * `schema.ts` and the checks of the write functions read them from here. Plain data and
 * predicates, without valibot, so that the popup's bundle does not grow with the backup reader.
 */

import { FIELD_LIMITS } from '../capture/bounds';

/**
 * The longest free texts of a draft that its inbox row shows, in UTF-16 code units: the limits a
 * clip keeps them to (`FIELD_LIMITS`, capture/bounds.ts), held everywhere else they come from
 * by the editor: its title field takes no more. What a backup or the shared desk brings is
 * kept whole (nothing of it is lost), and the inbox row shows it cut to these: a row lays its
 * title out whole, and a title of 100,000 characters took seconds to draw.
 */
export const DRAFT_TEXT_LIMITS = {
  title: FIELD_LIMITS.title,
  siteName: FIELD_LIMITS.siteName,
  byline: FIELD_LIMITS.byline,
} as const;

/**
 * The longest title an issue's field takes, as a draft's: an issue is named in the picker, the
 * preview and every export by it. What a backup or the shared desk brings is kept whole, and
 * shown cut where it is drawn.
 */
export const ISSUE_TEXT_LIMITS = { title: FIELD_LIMITS.title } as const;

/**
 * A draft's tags as the editor's tag field takes them: each at most `length` characters (a
 * longer one typed or pasted is cut there), at most `count` of them. What a backup or the shared
 * desk brings is kept whole (a tag of 1 MB, 100,000 tags), and shown within these where tags are
 * drawn (components/tagsShown.ts): each cut at a word, and past `count` « et N autres ».
 */
export const TAG_LIMITS = { length: 100, count: 20 } as const;

/**
 * A stored record's local bookkeeping, not what an editor or an action wrote in it: its revision,
 * edit marks, derived search fields, the shared desk's mark, and an issue's publication under way
 * (`publishing`, noted without touching `updatedAt`: a backup made before it is of the same
 * version), and the versions of a draft an undo took back (`undone`). What comparing two versions
 * of a record leaves out (a backup's merge, an undo).
 */
export const RECORD_BOOKKEEPING: ReadonlySet<string> = new Set([
  'rev',
  'edits',
  'undone',
  'words',
  'wordPairs',
  'sourceUrls',
  'desk',
  'publishing',
]);

/** The editorial statuses a draft may have (see `DraftStatus`). */
export const DRAFT_STATUSES = ['draft', 'checked', 'ready'] as const;
/** Where an issue may stand (see `IssueStatus`). */
export const ISSUE_STATUSES = ['open', 'exported', 'published'] as const;
/** The languages of the interface (`auto` follows the browser). */
export const UI_LOCALES = ['auto', 'fr', 'en'] as const;
/** The languages exports are written in. */
export const EXPORT_LOCALES = ['fr', 'en'] as const;
/** How sources are credited (see `CreditStyle`). */
export const CREDIT_STYLES = ['none', 'parenthesis', 'via'] as const;
/** What the checks of an issue can find wrong with an item (see `CheckCode`). */
export const CHECK_CODES = [
  'empty-text',
  'no-source',
  'duplicate-source',
  'already-exported',
] as const;
/** The WordPress statuses a post is created with. */
export const WORDPRESS_POST_STATUSES = ['draft', 'pending'] as const;

/** A moment written in ISO 8601 as the extension writes it (`2021-03-15T08:00:00.000Z`). */
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for a moment in ISO 8601 with a time and a zone; `"1"` or a bare day is not one. */
export function isIsoMoment(value: string): boolean {
  return ISO_MOMENT.test(value) && !Number.isNaN(Date.parse(value));
}

/** True for a calendar date written `YYYY-MM-DD`. */
export function isIsoDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const day = new Date(`${date}T00:00:00Z`);
  // An impossible month is an invalid Date, whose toISOString() throws.
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
}

/** True for a length budget: a whole number of characters, above zero. */
export function isLengthBudget(budget: number): boolean {
  return Number.isInteger(budget) && budget > 0;
}
