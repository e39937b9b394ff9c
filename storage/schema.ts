import * as v from 'valibot';
import { CAPTURE_LIMITS, type Provenance } from '../capture/types';
import {
  CREDIT_STYLES,
  DRAFT_STATUSES,
  EXPORT_LOCALES,
  isIsoDate,
  isIsoMoment,
  isLengthBudget,
  ISSUE_STATUSES,
  UI_LOCALES,
  WORDPRESS_POST_STATUSES,
} from './record-values';

/**
 * The one description of the stored records (drafts, issues and what they hold) as valibot
 * schemas: the backup reader checks files with them, and the record types declared in `db.ts`
 * (where each stored field is documented) are proved equal to what these schemas accept by a
 * type-level test (`tests/unit/storage/schema.test.ts`). The value lists (statuses, locales)
 * and checks are declared once in `record-values.ts` (no valibot there: the popup reads them),
 * capture limits where the flow starts (`capture/types.ts`); the types are read off them.
 *
 * Objects are `looseObject`: a field a newer version added is kept, not dropped, when a backup
 * goes through an older reader.
 */

const Moment = v.pipe(v.string(), v.check(isIsoMoment, 'an ISO 8601 moment'));
const Day = v.pipe(v.string(), v.check(isIsoDate, 'a YYYY-MM-DD date'));
const NonEmpty = v.pipe(
  v.string(),
  v.check((s) => s.trim() !== '', 'a non-empty string'),
);

const isStringRecord = (value: unknown): value is Provenance =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((item) => typeof item === 'string');

/** For each metadata field, where its value came from: any names, string values. */
export const ProvenanceSchema = v.custom<Provenance>(isStringRecord, 'a record of strings');

export const DraftStatusSchema = v.picklist(DRAFT_STATUSES);
export const IssueStatusSchema = v.picklist(ISSUE_STATUSES);
export const CaptureLimitSchema = v.picklist(CAPTURE_LIMITS);

export const QuoteSchema = v.looseObject({
  text: v.string(),
  html: v.string(),
  clippedAt: Moment,
});

export const SourceSchema = v.looseObject({
  url: v.string(),
  title: v.string(),
  siteName: v.optional(v.string()),
});

export const DeskMarkLockSchema = v.looseObject({
  by: v.string(),
  userId: v.number(),
  since: v.string(),
  expires: v.string(),
});

/** One editor view's latest write of a record, documented on `EditMark` in `db.ts`. */
export const EditMarkSchema = v.looseObject({
  view: v.string(),
  at: v.string(),
  rev: v.number(),
  wrote: v.optional(v.array(v.string())),
  held: v.optional(v.array(v.string())),
});

export const DeskMarkSchema = v.looseObject({
  remoteId: v.number(),
  createdBy: v.optional(v.string()),
  createdById: v.optional(v.number()),
  modifiedBy: v.optional(v.string()),
  modifiedById: v.optional(v.number()),
  modifiedAt: v.optional(v.string()),
  trashedBy: v.optional(v.string()),
  trashedById: v.optional(v.number()),
  mergedInto: v.optional(v.string()),
  mergedIntoGone: v.optional(v.boolean()),
  lock: v.optional(DeskMarkLockSchema),
  canEdit: v.optional(v.boolean()),
  canTrash: v.optional(v.boolean()),
});

/** Every stored field of a draft, documented on `Draft` in `db.ts`. */
export const DraftSchema = v.looseObject({
  id: NonEmpty,
  url: NonEmpty,
  title: v.string(),
  createdAt: Moment,
  updatedAt: Moment,
  siteName: v.optional(v.string()),
  byline: v.optional(v.string()),
  publishedAt: v.optional(v.string()),
  lang: v.optional(v.string()),
  excerpt: v.optional(v.string()),
  imageUrl: v.optional(v.string()),
  captureNote: v.optional(CaptureLimitSchema),
  provenance: ProvenanceSchema,
  quotes: v.array(QuoteSchema),
  rev: v.optional(v.number()),
  body: v.string(),
  label: v.optional(v.string()),
  sources: v.array(SourceSchema),
  note: v.string(),
  noteShared: v.optional(v.boolean()),
  desk: v.optional(DeskMarkSchema),
  tags: v.array(v.string()),
  status: DraftStatusSchema,
  issueId: v.string(),
  sortKey: v.string(),
  deletedAt: v.optional(Moment),
  undone: v.optional(v.array(Moment)),
  words: v.array(v.string()),
  wordPairs: v.array(v.string()),
  sourceUrls: v.array(v.string()),
  edits: v.optional(v.array(EditMarkSchema)),
});

export const WordPressPostSchema = v.looseObject({
  postId: v.pipe(v.number(), v.integer(), v.minValue(1)),
  link: v.string(),
  modifiedGmt: v.string(),
  publishedAt: v.string(),
  siteUrl: v.optional(v.string()),
  publishedBy: v.optional(
    v.object({ id: v.pipe(v.number(), v.integer(), v.minValue(1)), name: v.string() }),
  ),
  updated: v.optional(v.boolean()),
  digest: v.optional(v.string()),
});

export const PublishIntentSchema = v.looseObject({
  slug: v.string(),
  siteUrl: v.string(),
  startedAt: v.string(),
});

/** Every stored field of an issue, documented on `Issue` in `db.ts`. */
export const IssueSchema = v.looseObject({
  id: NonEmpty,
  title: v.string(),
  // An issue the shared desk brought may have none: the plugin's default, another client's.
  date: v.union([Day, v.literal('')]),
  createdAt: Moment,
  updatedAt: Moment,
  intro: v.string(),
  lengthBudget: v.optional(v.pipe(v.number(), v.check(isLengthBudget, 'a length budget'))),
  status: IssueStatusSchema,
  rev: v.optional(v.number()),
  exportedAt: v.optional(Moment),
  wordpress: v.optional(WordPressPostSchema),
  publishing: v.optional(PublishIntentSchema),
  edits: v.optional(v.array(EditMarkSchema)),
  desk: v.optional(DeskMarkSchema),
});

// ---------------------------------------------------------------------------------------------
// The records as a backup file holds them (see the format in `backup-format.ts`).

/**
 * A draft in a backup file: the stored draft without the derived `words`, `wordPairs` and `sourceUrls` and
 * the browser's own `edits` marks and `undone`,
 * where what version 1 lacked (and an older file may leave out) is optional; the reader fills
 * it as the database upgrade does. A quote's `html` defaults to `''`.
 */
export const BackupDraftFileSchema = v.looseObject({
  ...v.omit(DraftSchema, ['words', 'wordPairs', 'sourceUrls', 'edits', 'undone']).entries,
  updatedAt: v.optional(Moment),
  provenance: v.optional(DraftSchema.entries.provenance),
  quotes: v.optional(
    v.array(v.looseObject({ ...QuoteSchema.entries, html: v.optional(v.string(), '') })),
  ),
  body: v.optional(v.string()),
  sources: v.optional(DraftSchema.entries.sources),
  note: v.optional(v.string()),
  tags: v.optional(DraftSchema.entries.tags),
  status: v.optional(DraftStatusSchema),
  issueId: v.optional(v.string()),
  sortKey: v.optional(v.string()),
});

/** An issue in a backup file; `updatedAt`, `intro` and `status` take defaults when absent. */
export const BackupIssueFileSchema = v.looseObject({
  ...v.omit(IssueSchema, ['edits']).entries,
  updatedAt: v.optional(Moment),
  intro: v.optional(v.string(), ''),
  status: v.optional(IssueStatusSchema, 'open'),
});

/** The house style as a backup holds it: any part of it; what it leaves out takes the defaults. */
export const BackupHouseStyleSchema = v.object({
  titlePattern: v.optional(v.string()),
  itemOpener: v.optional(v.string()),
  creditStyle: v.optional(v.picklist(CREDIT_STYLES)),
  intro: v.optional(v.string()),
  outro: v.optional(v.string()),
  frenchTypography: v.optional(v.boolean()),
  locale: v.optional(v.picklist(EXPORT_LOCALES)),
});

/**
 * The WordPress settings as a backup holds them. A strict pick (`object`, not `looseObject`): a
 * password someone wrote into the file is not even read.
 */
export const BackupWordPressSchema = v.object({
  siteUrl: v.string(),
  username: v.string(),
  category: v.string(),
  status: v.picklist(WORDPRESS_POST_STATUSES),
});

/** The settings of a backup file: each one optional, only the known ones read. */
export const BackupSettingsFileSchema = v.object({
  houseStyle: v.optional(BackupHouseStyleSchema),
  draftTemplate: v.optional(v.string()),
  uiLocale: v.optional(v.picklist(UI_LOCALES)),
  characterKeys: v.optional(v.boolean()),
  currentIssueId: v.optional(v.nullable(v.string())),
  wordpress: v.optional(v.partial(BackupWordPressSchema)),
});
