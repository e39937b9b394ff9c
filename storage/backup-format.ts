import type { HouseStyle } from './house-style';
import { db as defaultDb, type Draft, type IndiscretsDB, type Issue } from './db';
import {
  DEFAULT_WORDPRESS,
  houseStyleItem,
  wordpressItem,
  type WordPressPreferences,
} from './preferences';
import { BackupHouseStyleSchema } from './schema';
import { characterKeys, currentIssueId, draftTemplate, uiLocale, type UiLocale } from './settings';

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
 *   as documented there (a contract), without the derived `words`, `wordPairs` and `sourceUrls`, which are
 *   recomputed on restore, nor this browser's own `edits` and `undone`. Required: `id`, `url`,
 *   `title`, `createdAt`; `updatedAt` defaults to `createdAt`, `provenance` to `{}`, `quotes` to
 *   `[]`. Fields unknown to this version are kept.
 * - `issues`: every {@link Issue}. Required: `id`, `title`, `date` (`YYYY-MM-DD`), `createdAt`;
 *   `updatedAt` defaults to `createdAt`, `intro` to `''`, `lengthBudget` stays absent (no budget), `status` to
 *   `'open'`. An issue's items are the drafts whose `issueId` is its id, ordered by `sortKey`.
 * - `settings`: the options page, each one optional on restore:
 *   - `houseStyle`: the house style as stored (a partial `HouseStyle`; what it leaves out takes
 *     the defaults);
 *   - `draftTemplate`: the template of new drafts;
 *   - `uiLocale`: `'auto'`, `'fr'` or `'en'`;
 *   - `characterKeys`: whether the desk's single-key shortcuts act (`true` or `false`);
 *   - `currentIssueId`: the issue being composed, or `null`;
 *   - `wordpress`: `siteUrl`, `username`, `category`, `status` (`'draft'` or `'pending'`).
 *     **Never the application password**: it stays in this browser's `storage.local`, is not
 *     written to a backup and is not changed by a restore.
 *
 * The records' fields are checked on reading with the schemas of `schema.ts`
 * (`BackupDraftFileSchema`, `BackupIssueFileSchema`, `BackupSettingsFileSchema`): this module
 * writes the format, `backup-read.ts` reads it, `backup-restore.ts` writes it into the database.
 */

/** The `format` of every backup file. */
export const BACKUP_FORMAT = 'indiscrets-backup';
/** The version of the format this code writes, and the newest it reads. */
export const BACKUP_VERSION = 1;

/** A draft as a backup holds it: without the derived index fields and this browser's marks. */
export type BackupDraft = Omit<Draft, 'words' | 'wordPairs' | 'sourceUrls' | 'edits' | 'undone'>;
/** An issue in a backup: without the browser's own `edits` marks. */
export type BackupIssue = Omit<Issue, 'edits'>;

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
  characterKeys: boolean;
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
  issues: BackupIssue[];
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
  const [houseStyle, template, locale, keys, issueId, wordpress] = await Promise.all([
    houseStyleItem.getValue(),
    draftTemplate.getValue(),
    uiLocale.getValue(),
    characterKeys.getValue(),
    currentIssueId.getValue(),
    wordpressItem.getValue(),
  ]);
  const wp = { ...DEFAULT_WORDPRESS, ...wordpress };
  return {
    houseStyle: pickHouseStyle(houseStyle ?? {}),
    draftTemplate: template,
    uiLocale: locale,
    characterKeys: keys,
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
  delete copy.wordPairs;
  delete copy.sourceUrls;
  // Which editor views of this browser wrote last: meaningless anywhere else.
  delete copy.edits;
  // The versions this browser's undos took back: what its merges keep out (see Draft).
  delete copy.undone;
  return copy as BackupDraft;
}

function withoutMarks(issue: Issue): BackupIssue {
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

/** The house style fields a backup holds, whatever else the stored object has. */
function pickHouseStyle(stored: Partial<HouseStyle>): Partial<HouseStyle> {
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(BackupHouseStyleSchema.entries)) {
    const value = (stored as Record<string, unknown>)[field];
    if (value !== undefined) out[field] = value;
  }
  return out as Partial<HouseStyle>;
}
