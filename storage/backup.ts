import type { CreditStyle, ExportLocale, HouseStyle } from './house-style';
import type { CaptureLimit } from '../capture/types';
import { db as defaultDb, fillV2Fields, type Draft, type IndiscretsDB, type Issue } from './db';
import { deriveFields } from './derive';
import { DRAFT_STATUSES } from './drafts';
import { isIsoDate, isLengthBudget, ISSUE_STATUSES } from './issues';
import {
  DEFAULT_WORDPRESS,
  houseStyleItem,
  wordpressItem,
  type WordPressPreferences,
} from './preferences';
import { currentIssueId, draftTemplate, uiLocale, type UiLocale } from './settings';

/**
 * Backup and restore of everything the editor wrote: drafts, issues and the settings of the
 * options page, in one JSON file.
 *
 * ## The backup format (`format: 'indiscrets-backup'`, `version: 1`)
 *
 * One JSON object:
 *
 * - `format`: always `'indiscrets-backup'`; anything else is not one of our backups.
 * - `version`: version of this format, an integer. Readers refuse a version above the one they
 *   know ({@link BACKUP_VERSION}): a newer Indiscrets may have written fields they would drop.
 * - `exportedAt`: when the backup was made (ISO 8601).
 * - `schemaVersion`: the version of the IndexedDB schema (`db.verno`) that held the records.
 *   Records from schema 1 lack the fields version 2 added; they are filled on restore as the
 *   database upgrade fills them (see `fillV2Fields` in `db.ts`), and such a backup may have no
 *   `issues` list.
 * - `clips`: every draft, trashed ones included: {@link Draft} records, field names and meaning
 *   as documented there (a contract), without the derived `words` and `sourceUrls`, which are
 *   recomputed on restore. Required: `id`, `url`, `title`, `createdAt`; `updatedAt` defaults to
 *   `createdAt`, `provenance` to `{}`, `quotes` to `[]`. Fields unknown to this version are kept.
 * - `issues`: every {@link Issue}. Required: `id`, `title`, `date` (`YYYY-MM-DD`), `createdAt`;
 *   `updatedAt` defaults to `createdAt`, `intro` to `''`, `lengthBudget` stays absent (no budget), `status` to
 *   `'open'`. An issue's items are the drafts whose `issueId` is its id, ordered by `sortKey`.
 * - `settings`: the options page, each one optional on restore:
 *   - `houseStyle`: the house style as stored (a partial `HouseStyle`; what it leaves out takes
 *     the defaults);
 *   - `draftTemplate`: the template of new drafts;
 *   - `uiLocale`: `'auto'`, `'fr'` or `'en'`;
 *   - `currentIssueId`: the issue being composed, or `null`;
 *   - `wordpress`: `siteUrl`, `username`, `category`, `status` (`'draft'` or `'pending'`).
 *     **Never the application password**: it stays in this browser's `storage.local`, is not
 *     written to a backup and is not changed by a restore.
 */

/** The `format` of every backup file. */
export const BACKUP_FORMAT = 'indiscrets-backup';
/** The version of the format this code writes, and the newest it reads. */
export const BACKUP_VERSION = 1;

/** A draft as a backup holds it: without the derived index fields. */
export type BackupDraft = Omit<Draft, 'words' | 'sourceUrls'>;

/** The WordPress settings a backup holds: everything but the password. */
export type BackupWordPress = Pick<
  WordPressPreferences,
  'siteUrl' | 'username' | 'category' | 'status'
>;

/** The settings of the options page, as a backup holds them. */
export interface BackupSettings {
  houseStyle: Partial<HouseStyle>;
  draftTemplate: string;
  uiLocale: UiLocale;
  currentIssueId: string | null;
  wordpress: BackupWordPress;
}

/** A backup as {@link createBackup} makes it. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  schemaVersion: number;
  clips: BackupDraft[];
  issues: Issue[];
  settings: BackupSettings;
}

/** A backup as read from a file: a setting it lacks is not restored. */
export interface ParsedBackup extends Omit<Backup, 'settings' | 'exportedAt'> {
  /** Absent from a hand-made file. */
  exportedAt?: string;
  settings: Partial<Omit<BackupSettings, 'wordpress'>> & { wordpress?: Partial<BackupWordPress> };
}

/** Reads the settings a backup holds, from browser storage. Never the WordPress password. */
export async function readBackupSettings(): Promise<BackupSettings> {
  const [houseStyle, template, locale, issueId, wordpress] = await Promise.all([
    houseStyleItem.getValue(),
    draftTemplate.getValue(),
    uiLocale.getValue(),
    currentIssueId.getValue(),
    wordpressItem.getValue(),
  ]);
  const wp = { ...DEFAULT_WORDPRESS, ...wordpress };
  return {
    houseStyle: pickHouseStyle(houseStyle ?? {}),
    draftTemplate: template,
    uiLocale: locale,
    currentIssueId: issueId,
    // Field by field: whatever else the stored object holds stays out of the file.
    wordpress: {
      siteUrl: wp.siteUrl,
      username: wp.username,
      category: wp.category,
      status: wp.status,
    },
  };
}

/** Every draft (trashed ones too), every issue and the settings, at `now`. */
export async function createBackup(
  database: IndiscretsDB = defaultDb,
  now: Date = new Date(),
): Promise<Backup> {
  const [clips, issues] = await database.transaction('r', database.clips, database.issues, () =>
    Promise.all([
      database.clips.orderBy('createdAt').toArray(),
      database.issues.orderBy('createdAt').toArray(),
    ]),
  );
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    schemaVersion: database.verno,
    clips: clips.map(withoutDerived),
    issues: issues.map(withoutMarks),
    settings: await readBackupSettings(),
  };
}

function withoutDerived(draft: Draft): BackupDraft {
  const copy: Partial<Draft> = { ...draft };
  delete copy.words;
  delete copy.sourceUrls;
  // Which editor views of this browser wrote last: meaningless anywhere else.
  delete copy.edits;
  return copy as BackupDraft;
}

function withoutMarks(issue: Issue): Issue {
  const copy = { ...issue };
  delete copy.edits;
  return copy;
}

/** The file a backup is downloaded as: `indiscrets-sauvegarde-YYYY-MM-DD.json`, local date. */
export function backupFilename(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `indiscrets-sauvegarde-${day}.json`;
}

/** A backup as the text of its file. */
export function serializeBackup(backup: Backup): string {
  return JSON.stringify(backup, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Reading a file

/** Why a file cannot be restored. */
export type BackupErrorCode =
  /** The text is not JSON. */
  | 'not-json'
  /** JSON, but not an Indiscrets backup (no `format: 'indiscrets-backup'`). */
  | 'not-backup'
  /** `version` is missing or not a positive integer. */
  | 'invalid-version'
  /** Made by a newer Indiscrets (`version` above {@link BACKUP_VERSION}). */
  | 'newer-version'
  /** The `clips` or `issues` list (`list`) is missing or not an array. */
  | 'missing-list'
  /** An element of a list is not an object (`list`, `index`). */
  | 'invalid-record'
  /** A record lacks a required field (`list`, `index`, `field`). */
  | 'missing-field'
  /** A field has the wrong type or an unknown value (`list`, `index`, `field`). */
  | 'invalid-field'
  /** Two records of a list have the same id (`list`, `index` of the second, `id`). */
  | 'duplicate-id';

/** What is wrong with a file, and where. */
export interface BackupError {
  code: BackupErrorCode;
  /** The list the problem is in; absent for the file's own fields. */
  list?: 'clips' | 'issues' | 'settings';
  /** Position of the bad record in its list, from 0. */
  index?: number;
  /** The bad record's id, when it has a readable one. */
  id?: string;
  /** The bad record's title, when it has a readable one (to name it to the editor). */
  title?: string;
  /** The field concerned, as a path inside the record (`sources[1].url`). */
  field?: string;
  /** The file's `version`, for `newer-version`. */
  version?: number;
}

export type ParseResult = { ok: true; backup: ParsedBackup } | { ok: false; error: BackupError };

/** Thrown inside the parser, turned into a result at its top: `parseBackup` never throws. */
class Invalid extends Error {
  constructor(readonly error: BackupError) {
    super(error.code);
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** A moment written in ISO 8601 as the extension writes it (`2021-03-15T08:00:00.000Z`). */
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const isDate = (value: unknown) =>
  typeof value === 'string' && ISO_MOMENT.test(value) && !Number.isNaN(Date.parse(value));
const isDay = (value: unknown) => typeof value === 'string' && isIsoDate(value);

const CAPTURE_LIMITS: Record<CaptureLimit, true> = {
  'browser-page': true,
  'web-store': true,
  pdf: true,
  'view-source': true,
  file: true,
  'script-failed': true,
};
const UI_LOCALES: ReadonlySet<unknown> = new Set<UiLocale>(['auto', 'fr', 'en']);
const CREDIT_STYLES: ReadonlySet<unknown> = new Set<CreditStyle>(['none', 'parenthesis', 'via']);
const EXPORT_LOCALES: ReadonlySet<unknown> = new Set<ExportLocale>(['fr', 'en']);
const WP_STATUSES: ReadonlySet<unknown> = new Set<BackupWordPress['status']>(['draft', 'pending']);
/** Never taken from a file: recomputed, or dangerous as an own key. */
const DROPPED_KEYS = new Set(['words', 'sourceUrls', 'edits', '__proto__']);

/** Checks one record's fields; `fail` builds the error with the record's place. */
class RecordReader {
  constructor(
    readonly record: Json,
    readonly fail: (code: 'missing-field' | 'invalid-field', field: string) => Invalid,
  ) {}

  /** A required field of the right type. */
  required(field: string, valid: (value: unknown) => boolean): void {
    const value = this.record[field];
    if (value === undefined || value === null) throw this.fail('missing-field', field);
    if (!valid(value)) throw this.fail('invalid-field', field);
  }

  /** An optional field: absent or `null` (removed), else of the right type. */
  optional(field: string, valid: (value: unknown) => boolean): void {
    const value = this.record[field];
    if (value === null) delete this.record[field];
    else if (value !== undefined && !valid(value)) throw this.fail('invalid-field', field);
  }

  /** An optional array whose every element passes `check` (which throws with its own path). */
  list(field: string, check: (item: unknown, path: string) => void): void {
    const value = this.record[field];
    if (value === undefined || value === null) {
      delete this.record[field];
      return;
    }
    if (!Array.isArray(value)) throw this.fail('invalid-field', field);
    value.forEach((item, i) => check(item, `${field}[${i}]`));
  }
}

const isString = (value: unknown) => typeof value === 'string';
const isNonEmpty = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** A copy of a record's own fields, without the derived and dangerous ones. */
function copyRecord(record: Json): Json {
  const copy: Json = {};
  for (const [key, value] of Object.entries(record)) {
    if (!DROPPED_KEYS.has(key)) copy[key] = value;
  }
  return copy;
}

/**
 * Starts reading record `index` of a list: a copy of its own fields, a reader of them, and the
 * error that names the record (its id and title, when it has them) and the field at fault.
 */
function openRecord(raw: unknown, list: 'clips' | 'issues', index: number) {
  if (!isObject(raw)) throw new Invalid({ code: 'invalid-record', list, index });
  const record = copyRecord(raw);
  const fail = (code: 'missing-field' | 'invalid-field', field: string) =>
    new Invalid({
      code,
      list,
      index,
      field,
      ...(isNonEmpty(record.id) ? { id: record.id as string } : {}),
      ...(isNonEmpty(record.title) ? { title: record.title as string } : {}),
    });
  return { record, fail, r: new RecordReader(record, fail) };
}

function readDraft(raw: unknown, index: number): BackupDraft {
  const { record, fail, r } = openRecord(raw, 'clips', index);
  r.required('id', isNonEmpty);
  r.required('url', isNonEmpty);
  r.required('title', isString);
  r.required('createdAt', isDate);
  r.optional('updatedAt', isDate);
  for (const field of ['siteName', 'byline', 'publishedAt', 'lang', 'excerpt', 'imageUrl']) {
    r.optional(field, isString);
  }
  r.optional('captureNote', (v) => typeof v === 'string' && Object.hasOwn(CAPTURE_LIMITS, v));
  r.optional('provenance', (v) => isObject(v) && Object.values(v).every(isString));
  r.list('quotes', (quote, path) => {
    if (!isObject(quote)) throw fail('invalid-field', path);
    if (!isString(quote.text)) throw fail('invalid-field', `${path}.text`);
    if (quote.html !== undefined && !isString(quote.html)) {
      throw fail('invalid-field', `${path}.html`);
    }
    if (!isDate(quote.clippedAt)) throw fail('invalid-field', `${path}.clippedAt`);
  });
  r.optional('body', isString);
  r.list('sources', (source, path) => {
    if (!isObject(source)) throw fail('invalid-field', path);
    if (!isString(source.url)) throw fail('invalid-field', `${path}.url`);
    if (!isString(source.title)) throw fail('invalid-field', `${path}.title`);
    if (source.siteName !== undefined && !isString(source.siteName)) {
      throw fail('invalid-field', `${path}.siteName`);
    }
  });
  r.optional('note', isString);
  r.list('tags', (tag, path) => {
    if (!isString(tag)) throw fail('invalid-field', path);
  });
  r.optional('status', (v) => DRAFT_STATUSES.has(v));
  r.optional('issueId', isString);
  r.optional('sortKey', isString);
  r.optional('deletedAt', isDate);

  // What schema 1 lacked, and what older files may leave out, filled as the upgrade fills it.
  const draft = record as Partial<Draft> & Pick<Draft, 'id' | 'url' | 'title' | 'createdAt'>;
  draft.updatedAt ??= draft.createdAt;
  draft.provenance ??= {};
  draft.quotes = (draft.quotes ?? []).map((quote) => ({ ...quote, html: quote.html ?? '' }));
  fillV2Fields(draft);
  return draft as BackupDraft;
}

function readIssue(raw: unknown, index: number): Issue {
  const { record, fail, r } = openRecord(raw, 'issues', index);
  r.required('id', isNonEmpty);
  r.required('title', isString);
  r.required('date', isDay);
  r.required('createdAt', isDate);
  r.optional('updatedAt', isDate);
  r.optional('intro', isString);
  r.optional('lengthBudget', (v) => typeof v === 'number' && isLengthBudget(v));
  r.optional('status', (v) => ISSUE_STATUSES.has(v));
  r.optional('exportedAt', isDate);
  r.optional('wordpress', isObject);
  const post = record.wordpress as Json | undefined;
  if (post) {
    if (!(Number.isInteger(post.postId) && (post.postId as number) > 0)) {
      throw fail('invalid-field', 'wordpress.postId');
    }
    for (const field of ['link', 'modifiedGmt', 'publishedAt']) {
      if (!isString(post[field])) throw fail('invalid-field', `wordpress.${field}`);
    }
    if (post.siteUrl !== undefined && !isString(post.siteUrl)) {
      throw fail('invalid-field', 'wordpress.siteUrl');
    }
  }
  const issue = record as Partial<Issue> & Pick<Issue, 'id' | 'title' | 'date' | 'createdAt'>;
  issue.updatedAt ??= issue.createdAt;
  issue.intro ??= '';
  issue.status ??= 'open';
  return issue as Issue;
}

/** Throws `duplicate-id` for the second record that has an id already seen. */
function assertDistinct(
  records: ReadonlyArray<{ id: string; title: string }>,
  list: 'clips' | 'issues',
) {
  const seen = new Set<string>();
  records.forEach((record, index) => {
    if (seen.has(record.id)) {
      throw new Invalid({ code: 'duplicate-id', list, index, id: record.id, title: record.title });
    }
    seen.add(record.id);
  });
}

function pickHouseStyle(raw: Json | Partial<HouseStyle>): Partial<HouseStyle> {
  const source = raw as Json;
  const out: Json = {};
  for (const field of ['titlePattern', 'itemOpener', 'creditStyle', 'intro', 'outro'] as const) {
    if (source[field] !== undefined) out[field] = source[field];
  }
  if (source.frenchTypography !== undefined) out.frenchTypography = source.frenchTypography;
  if (source.locale !== undefined) out.locale = source.locale;
  return out as Partial<HouseStyle>;
}

function readSettings(raw: unknown): ParsedBackup['settings'] {
  if (raw === undefined || raw === null) return {};
  const fail = (field: string) => new Invalid({ code: 'invalid-field', list: 'settings', field });
  if (!isObject(raw)) throw fail('settings');
  const settings: ParsedBackup['settings'] = {};
  if (raw.houseStyle !== undefined) {
    const style = raw.houseStyle;
    if (!isObject(style)) throw fail('houseStyle');
    for (const field of ['titlePattern', 'itemOpener', 'intro', 'outro']) {
      if (style[field] !== undefined && !isString(style[field])) {
        throw fail(`houseStyle.${field}`);
      }
    }
    if (style.creditStyle !== undefined && !CREDIT_STYLES.has(style.creditStyle)) {
      throw fail('houseStyle.creditStyle');
    }
    if (style.frenchTypography !== undefined && typeof style.frenchTypography !== 'boolean') {
      throw fail('houseStyle.frenchTypography');
    }
    if (style.locale !== undefined && !EXPORT_LOCALES.has(style.locale)) {
      throw fail('houseStyle.locale');
    }
    settings.houseStyle = pickHouseStyle(style);
  }
  if (raw.draftTemplate !== undefined) {
    if (!isString(raw.draftTemplate)) throw fail('draftTemplate');
    settings.draftTemplate = raw.draftTemplate as string;
  }
  if (raw.uiLocale !== undefined) {
    if (!UI_LOCALES.has(raw.uiLocale)) throw fail('uiLocale');
    settings.uiLocale = raw.uiLocale as UiLocale;
  }
  if (raw.currentIssueId !== undefined) {
    if (raw.currentIssueId !== null && !isString(raw.currentIssueId)) throw fail('currentIssueId');
    settings.currentIssueId = (raw.currentIssueId as string | null) || null;
  }
  if (raw.wordpress !== undefined) {
    const wp = raw.wordpress;
    if (!isObject(wp)) throw fail('wordpress');
    // Only these four: a password someone wrote into the file is not even read.
    const picked: Partial<BackupWordPress> = {};
    for (const field of ['siteUrl', 'username', 'category'] as const) {
      if (wp[field] === undefined) continue;
      if (!isString(wp[field])) throw fail(`wordpress.${field}`);
      picked[field] = wp[field] as string;
    }
    if (wp.status !== undefined) {
      if (!WP_STATUSES.has(wp.status)) throw fail('wordpress.status');
      picked.status = wp.status as BackupWordPress['status'];
    }
    settings.wordpress = picked;
  }
  return settings;
}

/**
 * Reads a backup file's text. Never throws: a file that is not JSON, not a backup, from a newer
 * version, or with a record that is missing a required field or has one of the wrong type,
 * gives an error that says which problem and, for a record, which one (`list`, `index`, `id`,
 * `field`). Records of older backups get the fields they lack, as the database upgrade gives
 * them; derived fields in the file are ignored.
 */
export function parseBackup(text: string): ParseResult {
  try {
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return { ok: false, error: { code: 'not-json' } };
    }
    if (!isObject(json) || json.format !== BACKUP_FORMAT) {
      return { ok: false, error: { code: 'not-backup' } };
    }
    const { version } = json;
    if (!(Number.isInteger(version) && (version as number) > 0)) {
      return { ok: false, error: { code: 'invalid-version' } };
    }
    if ((version as number) > BACKUP_VERSION) {
      return { ok: false, error: { code: 'newer-version', version: version as number } };
    }
    if (json.exportedAt !== undefined && !isDate(json.exportedAt)) {
      return { ok: false, error: { code: 'invalid-field', field: 'exportedAt' } };
    }
    const { schemaVersion } = json;
    if (
      schemaVersion !== undefined &&
      !(Number.isInteger(schemaVersion) && (schemaVersion as number) > 0)
    ) {
      return { ok: false, error: { code: 'invalid-field', field: 'schemaVersion' } };
    }
    if (!Array.isArray(json.clips)) {
      return { ok: false, error: { code: 'missing-list', list: 'clips' } };
    }
    // Schema 1 had no issues: a backup made from it may have no list of them.
    const noIssues = json.issues === undefined && schemaVersion === 1;
    if (!noIssues && !Array.isArray(json.issues)) {
      return { ok: false, error: { code: 'missing-list', list: 'issues' } };
    }
    const drafts = json.clips.map(readDraft);
    const issues = noIssues ? [] : (json.issues as unknown[]).map(readIssue);
    assertDistinct(drafts, 'clips');
    assertDistinct(issues, 'issues');
    const settings = readSettings(json.settings);
    return {
      ok: true,
      backup: {
        format: BACKUP_FORMAT,
        version: version as number,
        ...(json.exportedAt !== undefined ? { exportedAt: json.exportedAt as string } : {}),
        schemaVersion: (schemaVersion as number | undefined) ?? 1,
        clips: drafts,
        issues,
        settings,
      },
    };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.error };
    // A bug of ours, not the file's fault; still no exception for the caller.
    return { ok: false, error: { code: 'not-backup' } };
  }
}

// ---------------------------------------------------------------------------------------------
// Restoring

/** What a restore did to one table. */
export interface RestoreCounts {
  /** Records whose id this browser did not have. */
  added: number;
  /** Records replaced by the backup's, which was more recent (`updatedAt`). */
  updated: number;
  /** Records of the backup not restored: this browser's version is as recent or more. */
  kept: number;
  /** Records of this browser deleted first (`replace` only). */
  removed: number;
}

export interface RestoreOptions {
  /**
   * - `merge`: a record whose id is new is added; one this browser has is replaced only when the
   *   backup's `updatedAt` is more recent, so newer work here is never lost;
   * - `replace`: drafts and issues here are all deleted first, then the backup's are written.
   *   The UI must have the editor confirm it.
   */
  mode: 'merge' | 'replace';
  /** Return the backup's settings, for the caller to apply with {@link applyBackupSettings}. */
  settings?: boolean;
}

export interface RestoreResult {
  mode: RestoreOptions['mode'];
  clips: RestoreCounts;
  issues: RestoreCounts;
  /**
   * Drafts written back to the inbox because their issue exists neither here nor in the
   * backup (otherwise they would be in no list at all).
   */
  movedToInbox: number;
  /** The backup's settings, when asked for. */
  settings?: ParsedBackup['settings'];
}

const newer = (a: string, b: string) => Date.parse(a) > Date.parse(b);
const counts = (): RestoreCounts => ({ added: 0, updated: 0, kept: 0, removed: 0 });

/**
 * Writes a backup's drafts and issues, in one transaction: all of it, or nothing when anything
 * fails. Derived fields are recomputed. Settings are not written here (browser storage is not
 * part of the transaction): ask for them with `settings: true` and apply them afterwards.
 */
export function restoreBackup(
  backup: ParsedBackup,
  database: IndiscretsDB = defaultDb,
  options: RestoreOptions = { mode: 'merge' },
): Promise<RestoreResult> {
  const { mode } = options;
  if (mode !== 'merge' && mode !== 'replace') {
    return Promise.reject(new TypeError(`Unknown restore mode: ${String(mode)}`));
  }
  return database.transaction('rw', database.clips, database.issues, async () => {
    const result: RestoreResult = {
      mode,
      clips: counts(),
      issues: counts(),
      movedToInbox: 0,
      ...(options.settings ? { settings: backup.settings } : {}),
    };
    let drafts: BackupDraft[];
    let issues: Issue[];
    let issueIds: Set<string>;
    // Read before a replace clears them: the revisions the open views have seen.
    const seenClips = await revisionsOf(backup.clips, database.clips);
    const seenIssues = await revisionsOf(backup.issues, database.issues);
    if (mode === 'replace') {
      result.clips.removed = await database.clips.count();
      result.issues.removed = await database.issues.count();
      await database.clips.clear();
      await database.issues.clear();
      drafts = backup.clips;
      issues = backup.issues;
      result.clips.added = drafts.length;
      result.issues.added = issues.length;
      issueIds = new Set(issues.map((issue) => issue.id));
    } else {
      issues = await chooseNewer(backup.issues, database.issues, result.issues);
      drafts = await chooseNewer(backup.clips, database.clips, result.clips);
      const here = await database.issues.toCollection().primaryKeys();
      issueIds = new Set([...here, ...backup.issues.map((issue) => issue.id)]);
    }
    const written = drafts.map((draft) => {
      if (!draft.issueId || issueIds.has(draft.issueId)) return draft;
      result.movedToInbox++;
      return { ...draft, issueId: '', sortKey: '' };
    });
    await database.issues.bulkPut(issues.map((issue) => aboveSeen(issue, seenIssues)));
    // The hooks derive these too; computing them here keeps the records complete as typed.
    await database.clips.bulkPut(
      written.map((draft) => aboveSeen({ ...draft, ...deriveFields(draft) }, seenClips)),
    );
    return result;
  });
}

/** The revision (`rev`) of each record this browser has with the id of a backup record. */
async function revisionsOf(
  records: ReadonlyArray<{ id: string }>,
  table: { bulkGet(ids: string[]): Promise<Array<{ rev?: number } | undefined>> },
): Promise<Map<string, number>> {
  const here = await table.bulkGet(records.map((record) => record.id));
  const revs = new Map<string, number>();
  here.forEach((record, i) => {
    if (record && typeof record.rev === 'number') revs.set(records[i]!.id, record.rev);
  });
  return revs;
}

/**
 * A restored record replacing one of this browser gets a revision above both: an open view
 * ignores a record older than the last revision it saw (see `useSyncedRecord`), so a restored
 * record with the backup's lower `rev` would not be shown, and the view's next keystroke would
 * silently write over the restore.
 */
function aboveSeen<T extends { id: string; rev?: number }>(
  record: T,
  seen: Map<string, number>,
): T {
  const here = seen.get(record.id);
  if (here === undefined) return record;
  const own = typeof record.rev === 'number' && Number.isSafeInteger(record.rev) ? record.rev : 0;
  return { ...record, rev: Math.max(own, here) + 1 };
}

/** The backup's records to write in a merge, counting each decision. */
async function chooseNewer<T extends { id: string; updatedAt: string }>(
  records: readonly T[],
  table: { bulkGet(ids: string[]): Promise<Array<{ updatedAt: string } | undefined>> },
  tally: RestoreCounts,
): Promise<T[]> {
  const here = await table.bulkGet(records.map((record) => record.id));
  return records.filter((record, i) => {
    const local = here[i];
    if (!local) tally.added++;
    else if (newer(record.updatedAt, local.updatedAt)) tally.updated++;
    else {
      tally.kept++;
      return false;
    }
    return true;
  });
}

/**
 * Applies a backup's settings with the storage items, after {@link restoreBackup}. The
 * WordPress password is never touched; the current issue is set only when it exists in the
 * database. Returns the names of the settings written.
 */
export async function applyBackupSettings(
  settings: ParsedBackup['settings'],
  database: IndiscretsDB = defaultDb,
): Promise<string[]> {
  const applied: string[] = [];
  if (settings.houseStyle) {
    await houseStyleItem.setValue(settings.houseStyle);
    applied.push('houseStyle');
  }
  if (settings.draftTemplate !== undefined) {
    await draftTemplate.setValue(settings.draftTemplate);
    applied.push('draftTemplate');
  }
  if (settings.uiLocale) {
    await uiLocale.setValue(settings.uiLocale);
    applied.push('uiLocale');
  }
  if (settings.wordpress) {
    const here = await wordpressItem.getValue();
    await wordpressItem.setValue({ ...DEFAULT_WORDPRESS, ...here, ...settings.wordpress });
    applied.push('wordpress');
  }
  if (settings.currentIssueId !== undefined) {
    const id = settings.currentIssueId;
    if (id === null || (await database.issues.get(id))) {
      await currentIssueId.setValue(id);
      applied.push('currentIssueId');
    }
  }
  return applied;
}

/**
 * Clears the current issue when it no longer exists (after a restore that replaced
 * everything): "Add to issue" would otherwise add to nothing. Returns true when it cleared it.
 */
export async function forgetMissingCurrentIssue(
  database: IndiscretsDB = defaultDb,
): Promise<boolean> {
  const id = await currentIssueId.getValue();
  if (!id || (await database.issues.get(id))) return false;
  await currentIssueId.setValue(null);
  return true;
}
