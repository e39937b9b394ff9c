import { getLocale, listOf, t, type MessageKey } from '../locales';
import { shortened } from '../lib/ellipsis';
import { longDate } from '../lib/french-date';
import type { DraftStatus, IssueStatus, WordPressPost } from '../storage/db';
import type { Undone } from '../storage/drafts';
import { DRAFT_TEXT_LIMITS, ISSUE_TEXT_LIMITS } from '../storage/record-values';
import {
  askableFields,
  type ConflictChoice,
  type ConflictField,
  type SyncConflict,
} from '../storage/sync-state';
import { recordName } from './draftName';
import { publishedLine, publishedWhen } from './publishedLine';
import { itemLines } from './richtext';
import { tagList } from './tagsShown';

/**
 * The shared desk's conflict box in words (see `SyncConflictView` in SharedDeskBar.tsx): what each
 * shared field is called there, and how each of its values reads, never as a code, an id or
 * JSON. One place for them: a field added to what the desk shares (storage/shared-fields.ts,
 * `DRAFT_SHARED`, `ISSUE_SHARED`) is named here, or tests/unit/components/conflictFields.test.tsx
 * fails.
 */

type Kind = SyncConflict['kind'];

/** A field's name in the box, as the editor's forms and lists name it where they do. */
const FIELD_KEYS: Record<string, MessageKey> = {
  title: 'editor.title',
  label: 'editor.label',
  body: 'editor.body',
  url: 'field.url',
  siteName: 'field.siteName',
  byline: 'field.byline',
  publishedAt: 'field.publishedAt',
  lang: 'field.lang',
  excerpt: 'field.excerpt',
  imageUrl: 'field.imageUrl',
  quotes: 'editor.quotes',
  sources: 'editor.sources',
  // The shared note (a note kept private is never in a conflict), and the chapô without the
  // form's « (facultatif) »: the box names what differs, not how to fill it in.
  note: 'conflict.field.note',
  tags: 'editor.tags',
  status: 'editor.status',
  // A move is one question: the issue, the place in it going along (see `askedFields`).
  issueId: 'conflict.field.issueId',
  sortKey: 'conflict.field.sortKey',
  createdAt: 'conflict.field.createdAt',
  trashed: 'conflict.field.trashed',
  intro: 'conflict.field.intro',
  date: 'issue.date',
  lengthBudget: 'issue.budget',
  exportedAt: 'conflict.field.exportedAt',
  wordpress: 'conflict.field.wordpress',
};

/** Where an issue's field is not named as a draft's. */
const ISSUE_FIELD_KEYS: Record<string, MessageKey> = {
  // « Titre du numéro », not « Titre du brouillon ».
  title: 'conflict.field.issueTitle',
  // An issue is deleted, not put in a trash the editor sees.
  trashed: 'conflict.field.issueTrashed',
};

/**
 * A field's name in the conflict box (`field` as a conflict names it: the shared note is `note`).
 * A field without a name here is shown by its code name, which the tests catch.
 */
export function conflictFieldLabel(kind: Kind, field: string): string {
  const key = (kind === 'issue' ? ISSUE_FIELD_KEYS[field] : undefined) ?? FIELD_KEYS[field];
  return key ? t(key) : field;
}

/**
 * Fields (as a conflict names them) in a list, as the box names them (« Titre du brouillon et
 * Tags »): a move one change, its place going along with its issue (`sortKey` beside `issueId`
 * is not named). `midSentence`: each name starting lower-case (« titre du brouillon et tags »).
 */
export function fieldList(kind: Kind, fields: readonly string[], midSentence = false): string {
  const named = fields.includes('issueId') ? fields.filter((f) => f !== 'sortKey') : fields;
  const names = named.map((field) => {
    const label = conflictFieldLabel(kind, field);
    return midSentence ? label.charAt(0).toLocaleLowerCase() + label.slice(1) : label;
  });
  return listOf(names);
}

/**
 * What the undo bar says when « Annuler » after « Prendre l'autre » kept fields as the editor
 * wrote them since, or made a text hold both what they wrote since and their version from
 * before (storage/conflict-undo.ts): the record and those fields named as the box names them, a
 * place going with its issue as the box asks them, the texts to read over first; of several
 * records undone at once, one named (storage/conflict-undo.ts chooses it) and the others counted.
 */
export function conflictKeptText(kept: NonNullable<Undone['conflictKept']>): string {
  const { kind, fields, records } = kept;
  // A draft with no name is named (« Brouillon sans titre »); an issue has its title.
  const title = recordName(kind, kept.title);
  const both = kept.both ?? [];
  if (records > 1) {
    const others = records - 1;
    if (both.length === 0) return t('undo.conflictKeptMany', { title, others });
    const key = fields.length > 0 ? 'undo.conflictBothKeptMany' : 'undo.conflictBothMany';
    return t(key, { title, others });
  }
  const list = (names: readonly string[]) => fieldList(kind, names);
  if (both.length === 0) return t('undo.conflictKept', { title, fields: list(fields) });
  if (fields.length === 0) return t('undo.conflictBoth', { title, both: list(both) });
  return t('undo.conflictBothKept', { title, both: list(both), fields: list(fields) });
}

/** A draft's issue and its place in it, asked as one (see {@link askedFields}). */
export interface Placing {
  issueId: string;
  sortKey: string;
}

/** What the box reads a value with, as this browser holds things now. */
export interface ShownContext {
  kind: Kind;
  /** The record in conflict: a draft is not counted among the other items of its issue. */
  recordId: string;
  /** The issue a draft is in here: where a place alone (`sortKey`) is counted. */
  issueId?: string;
  /** The issues concerned (the draft's and each side's) this browser has, by id: their titles. */
  issues?: ReadonlyMap<string, { title: string }>;
  /** The sort keys of the items (not in the trash) of the issues concerned, by issue id. */
  items?: ReadonlyMap<string, ReadonlyArray<{ id: string; sortKey: string }>>;
  /** The desk's own user (their WordPress id): a post they published is « Publié par vous ». */
  me?: number | null;
}

/**
 * The fields the box asks about, of a conflict's `fields`: none of `UNASKED_FIELDS`; and a
 * move, when the issue conflicts, is one question (`issueId`) whose values are each side's
 * {@link Placing}: the place in that issue goes along with it (`sortKey` is not asked).
 */
export function askedFields(fields: readonly ConflictField[]): ConflictField[] {
  const asked = askableFields(fields);
  const issue = asked.find((field) => field.field === 'issueId');
  const place = asked.find((field) => field.field === 'sortKey');
  if (!issue) return asked;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const placing = (side: 'base' | 'mine' | 'theirs'): Placing => ({
    issueId: text(issue[side]),
    sortKey: text(place?.[side]),
  });
  return asked
    .filter((field) => field !== place)
    .map((field) =>
      field === issue
        ? {
            field: 'issueId',
            base: placing('base'),
            mine: placing('mine'),
            theirs: placing('theirs'),
          }
        : field,
    );
}

/** Whether every field the box asks about is chosen. */
export function allChosen(
  fields: readonly ConflictField[],
  chosen: Record<string, ConflictChoice>,
): boolean {
  return askedFields(fields).every((field) => field.field in chosen);
}

/** « 10 mars à 9 h 00 » (the year when not this one), as the publish line writes a time. */
function dateTime(value: string): string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  return t('conflict.value.dateTime', publishedWhen(at, getLocale()));
}

/**
 * A page's date (a draft's `publishedAt`, capture/dates.ts `toIsoDate`) as the page wrote it:
 * its day, and its time where the page gave one, in the page's own zone, never moved into this
 * browser's. A day alone is stored at midnight UTC: the day only (« 10 mars »), not « 1 h 00 »
 * in Paris, nor the 9th in New York.
 */
function pageDate(value: string): string {
  const written = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!written) return value;
  const [, year, month, day, hours, minutes] = written.map(Number) as number[];
  const dayOnly = written[4] === undefined || /T00:00(?::00(?:\.0+)?)?Z$/.test(value);
  const at = new Date(year!, month! - 1, day!, dayOnly ? 0 : hours, dayOnly ? 0 : minutes);
  const when = publishedWhen(at, getLocale());
  return dayOnly ? when.date : t('conflict.value.dateTime', when);
}

/** A language's name in the interface's language (`en` is « anglais »), else its tag. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([getLocale()], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * A place in an issue, counted among its items as stored here: « 3ᵉ sur 12 ». `undefined` while
 * they are read, or for a draft in no issue.
 */
function placeIn(ctx: ShownContext, issueId: string, sortKey: string): string | undefined {
  const items = issueId ? ctx.items?.get(issueId) : undefined;
  if (!items) return undefined;
  const others = items.filter((item) => item.id !== ctx.recordId);
  const position = 1 + others.filter((item) => (item.sortKey || '') < sortKey).length;
  const total = others.length + 1;
  return position === 1
    ? t('conflict.value.placeFirst', { total })
    : t('conflict.value.place', { position, total });
}

/** An issue by its title as this browser has it; « Hors numéro » for none. */
function issueName(ctx: ShownContext, issueId: string): string {
  if (!issueId) return t('filter.boxInbox');
  if (!ctx.issues) return '';
  const issue = ctx.issues.get(issueId);
  // Cut as the picker names it: a backup's or the shared desk's may be 2,000,000 characters.
  return issue ? shortened(issue.title, ISSUE_TEXT_LIMITS.title) : t('conflict.value.unknownIssue');
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The one-line texts the box shows held to what their field takes (a title, a site's name, a
 * byline: storage/record-values.ts; an item's label to a title's, as the issue list names an
 * item), cut at a word with « … »: a backup or the
 * shared desk may bring 2,000,000 characters, which the box laid out whole, and compared word by
 * word. The record keeps them whole; the box names them, as the lists do.
 */
const ONE_LINE_LIMITS: Readonly<Record<string, number>> = {
  // An issue's title takes what a draft's does (ISSUE_TEXT_LIMITS).
  title: DRAFT_TEXT_LIMITS.title,
  label: DRAFT_TEXT_LIMITS.title,
  siteName: DRAFT_TEXT_LIMITS.siteName,
  byline: DRAFT_TEXT_LIMITS.byline,
};

/** A one-line text the box shows, held to its field's limit (see {@link ONE_LINE_LIMITS}). */
export function oneLine(field: string, value: string): string {
  const max = ONE_LINE_LIMITS[field];
  return max === undefined ? value : shortened(value, max);
}

/**
 * A value of a record's field as the editor reads it: a draft's text its HTML (shown as it reads,
 * as its editor shows it: see `itemLang` in SharedDeskBar.tsx); everything else as words: dates as
 * the publish line writes them, a language by its name, an issue by its title and a place in it
 * as « 3ᵉ sur 12 », a status as the lists say it. '' for an empty value (the box says « (vide) »).
 */
export function showConflictValue(ctx: ShownContext, field: string, value: unknown): string {
  if (field === 'body') return text(value);
  if (value === undefined || value === null) return '';
  const issue = ctx.kind === 'issue';
  switch (field) {
    // A line per paragraph or line of the chapô, not one run-on text.
    case 'intro':
      return itemLines(String(value));
    case 'status': {
      const key = (
        issue ? `issue.status.${value as IssueStatus}` : `status.${value as DraftStatus}`
      ) as MessageKey;
      return t(key) === key ? String(value) : t(key);
    }
    case 'publishedAt':
      // The page's own date, as the page wrote it (not a moment of this browser's).
      return value === '' ? '' : pageDate(String(value));
    case 'createdAt':
    case 'exportedAt':
      return value === '' ? '' : dateTime(String(value));
    case 'date':
      return longDate(String(value), getLocale()) ?? String(value);
    case 'lang':
      return value === '' ? '' : languageName(String(value));
    case 'lengthBudget':
      // In signs, as the field's name says: « 1 200 », or « aucune ».
      return typeof value === 'number' && value > 0
        ? new Intl.NumberFormat(getLocale()).format(value)
        : t('issue.noBudget');
    case 'trashed':
      if (issue) return t(value ? 'conflict.value.issueTrashed' : 'conflict.value.issueKept');
      return t(value ? 'conflict.value.trashed' : 'conflict.value.notTrashed');
    case 'wordpress': {
      const post = value as Partial<WordPressPost>;
      if (!post.postId) return '';
      const line = post.publishedAt
        ? publishedLine(post as WordPressPost, ctx.me ?? null)
        : t('issue.status.published');
      return post.link ? t('conflict.value.post', { published: line, link: post.link }) : line;
    }
    case 'issueId': {
      // One question with the place (a Placing), or the issue alone.
      const placing: Placing =
        typeof value === 'object' ? (value as Placing) : { issueId: String(value), sortKey: '' };
      const name = issueName(ctx, placing.issueId);
      const place = placing.sortKey ? placeIn(ctx, placing.issueId, placing.sortKey) : undefined;
      return name && place ? t('conflict.value.inIssue', { issue: name, place }) : name;
    }
    case 'sortKey':
      // Reordered in the same issue on both sides: the place, never the key.
      return value === '' ? '' : (placeIn(ctx, ctx.issueId ?? '', String(value)) ?? '');
  }
  // Within the tag field's limits: a backup's may be 100,000 tags, or one of 1 MB.
  if (field === 'tags' && Array.isArray(value)) {
    return tagList(value.map(String), t('conflict.value.listSeparator'));
  }
  if (Array.isArray(value)) {
    // A quote is a passage, shown whole; a source by its title, held to a title's limit.
    const named = (name: string) =>
      field === 'quotes' ? name : shortened(name, DRAFT_TEXT_LIMITS.title);
    return value
      .map((entry) =>
        typeof entry === 'object' && entry
          ? named(
              String(
                (entry as Record<string, unknown>).title ??
                  (entry as Record<string, unknown>).text ??
                  (entry as Record<string, unknown>).url ??
                  '',
              ),
            )
          : named(String(entry)),
      )
      .join(field === 'quotes' ? '\n' : t('conflict.value.listSeparator'));
  }
  return typeof value === 'object' ? '' : oneLine(field, String(value));
}
