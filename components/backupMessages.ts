import { shortened } from '../lib/ellipsis';
import { getLocale, listOf, t, type MessageKey } from '../locales';
import type { CodedFailure } from '../messaging/errors';
import type { ParsedBackup } from '../storage/backup-format';
import type { BackupError, BackupErrorCode } from '../storage/backup-read';
import type { RestoreResult } from '../storage/backup-restore';
import { publishedWhen } from './publishedLine';

/**
 * The options page's words for backups: what is wrong with a file (which problem, which record,
 * which field), what a restore did, what a file holds.
 */

const ERROR_MESSAGES: Record<BackupErrorCode, MessageKey> = {
  empty: 'backup.error.empty',
  'not-json': 'backup.error.not-json',
  'not-backup': 'backup.error.not-backup',
  'invalid-version': 'backup.error.invalid-version',
  'newer-version': 'backup.error.newer-version',
  'missing-list': 'backup.error.missing-list',
  'invalid-record': 'backup.error.invalid-record',
  'missing-field': 'backup.error.missing-field',
  'invalid-field': 'backup.error.invalid-field',
  'duplicate-id': 'backup.error.duplicate-id',
};

const FIELD_LABELS: Record<string, MessageKey> = {
  id: 'backup.field.id',
  url: 'backup.field.url',
  title: 'backup.field.title',
  createdAt: 'backup.field.createdAt',
  updatedAt: 'backup.field.updatedAt',
  deletedAt: 'backup.field.deletedAt',
  date: 'backup.field.date',
  body: 'backup.field.body',
  sources: 'backup.field.sources',
  quotes: 'backup.field.quotes',
  tags: 'backup.field.tags',
  note: 'backup.field.note',
  status: 'backup.field.status',
  issueId: 'backup.field.issueId',
  lengthBudget: 'backup.field.lengthBudget',
};

/**
 * A field as the editor reads it: « date de création » (createdAt), or the path as is — alone
 * too when the label is the path itself (« date », “quotes”), which « date » (date) would repeat.
 */
function fieldName(field = ''): string {
  const key = FIELD_LABELS[field];
  const label = key ? t(key) : field;
  return label === field ? t('backup.fieldPath', { field }) : t('backup.field', { label, field });
}

/** How long a record's title may be in a message about the file: it names the record, no more. */
const TITLE_IN_MESSAGE = 60;

/** The editor's words for what is wrong with a file: which problem, and which record. */
export function describeBackupError(error: BackupError): string {
  if (error.list === 'settings') {
    return t('backup.error.invalid-setting', {
      field: t('backup.fieldPath', { field: error.field ?? '' }),
    });
  }
  let record = t('backup.record.file');
  if ((error.list === 'clips' || error.list === 'issues') && error.index !== undefined) {
    record = t(error.list === 'clips' ? 'backup.record.clips' : 'backup.record.issues', {
      position: String(error.index + 1),
    });
    if (error.title)
      record = t('backup.record.titled', {
        record,
        title: shortened(error.title, TITLE_IN_MESSAGE),
      });
  }
  return t(ERROR_MESSAGES[error.code], {
    record,
    field: fieldName(error.field),
    id: error.id ?? '',
    // A format's number, named as the file writes it: not a quantity (« 12 345 »).
    version: error.version === undefined ? '' : String(error.version),
    list: t(error.list === 'issues' ? 'backup.list.issues' : 'backup.list.clips'),
  });
}

/** What a restore did, in a sentence or three. */
export function describeRestore(result: RestoreResult, settingsApplied: boolean): string {
  const parts =
    result.mode === 'replace'
      ? [t('backup.replaced', { clips: result.clips.added, issues: result.issues.added })]
      : [
          t('backup.merged', {
            added: result.clips.added,
            updated: result.clips.updated,
            kept: result.clips.kept,
            issuesAdded: result.issues.added,
            issuesUpdated: result.issues.updated,
            issuesKept: result.issues.kept,
          }),
          ...(result.clips.kept + result.issues.kept > 0 ? [t('backup.keptHelp')] : []),
        ];
  if (result.copied > 0) parts.push(t('backup.copied', { count: result.copied }));
  if (result.movedToInbox > 0) parts.push(t('backup.movedToInbox', { count: result.movedToInbox }));
  if (settingsApplied)
    parts.push(
      result.accountKept !== undefined
        ? t('backup.settingsRestoredAccountKept', { username: result.accountKept })
        : t('backup.settingsRestored'),
    );
  if (result.siteToAllow) parts.push(t('backup.siteToAllow', { site: result.siteToAllow }));
  return parts.join(' ');
}

/**
 * When the backup was made, as the publish line says when an issue was published: « Sauvegarde
 * du 4 décembre à 7 h 58 » (the year only when it is not this one), « Backup of 4 December at
 * 7:58 »; not « 07:58 », which no French sentence of the extension writes.
 */
export function backupMadeOn(iso: string, now: Date = new Date()): string {
  return t('backup.madeOn', publishedWhen(new Date(iso), getLocale(), now));
}

export function hasSettings(backup: ParsedBackup): boolean {
  return Object.keys(backup.settings).length > 0;
}

/** "12 brouillons (dont 2 à la corbeille), 3 numéros et les réglages." */
export function summary(backup: ParsedBackup): string {
  const trashed = backup.clips.filter((draft) => draft.deletedAt).length;
  let clips = t('drafts.count', { count: backup.clips.length });
  if (trashed > 0) clips += ` (${t('backup.trashed', { count: trashed })})`;
  return t(hasSettings(backup) ? 'backup.contentsAndSettings' : 'backup.contents', {
    clips,
    issues: t('backup.issueCount', { count: backup.issues.length }),
  });
}

/** The settings a backup holds, in the order {@link settingsFailureText} names them. */
const SETTING_NAMES = [
  ['houseStyle', 'backup.setting.houseStyle'],
  ['draftTemplate', 'backup.setting.draftTemplate'],
  ['uiLocale', 'backup.setting.uiLocale'],
  ['characterKeys', 'backup.setting.characterKeys'],
  ['wordpress', 'backup.setting.wordpress'],
  ['currentIssueId', 'backup.setting.currentIssueId'],
] as const satisfies readonly (readonly [keyof ParsedBackup['settings'], MessageKey])[];

/** What a restore whose settings failed says, kept as is over the page's reload. */
export interface SettingsFailure {
  /** The settings the backup holds, by name (`houseStyle`, `wordpress`…). */
  present: string[];
  /**
   * Those written before the failure, as applyBackupSettings names them (`wordpressAccountKept`
   * too: the backup's account not taken, this browser's kept).
   */
  written: string[];
  /** They were all written: only what follows them failed (the current issue looked for). */
  all: boolean;
  /** The backup's WordPress user, named when this browser kept its own account. */
  username?: string;
  /** What failed, as a code (its technical text apart). */
  cause: CodedFailure;
}

/**
 * What a restore's settings failing says: which were written, which not (this browser's own
 * kept: nothing of them changed here), and how to get the rest (restored again with a merge,
 * which loses nothing here); the WordPress account and password this browser kept. Nothing
 * written: none restored, none changed. All written (`all`), only what follows them failed.
 */
export function settingsFailureText({ present, written, all, username }: SettingsFailure): string {
  const account = !written.includes('wordpress')
    ? []
    : [
        written.includes('wordpressAccountKept')
          ? t('backup.partlyAccountKept', { username: username ?? '' })
          : t('backup.partlyPasswordKept'),
      ];
  if (all) return [t('backup.settingsCheckFailed'), ...account].join(' ');
  const list = (keys: MessageKey[]) => listOf(keys.map((key) => t(key)));
  const done = SETTING_NAMES.filter(([name]) => written.includes(name)).map(([, key]) => key);
  if (done.length === 0) {
    return t(
      present.includes('wordpress') ? 'backup.settingsFailedAccount' : 'backup.settingsFailed',
    );
  }
  const missing = SETTING_NAMES.filter(
    ([name]) => present.includes(name) && !written.includes(name),
  ).map(([, key]) => key);
  return [
    t('backup.settingsPartly'),
    t('backup.settingsWritten', { count: done.length, names: list(done) }),
    ...account,
    ...(missing.length > 0
      ? [t('backup.settingsMissing', { count: missing.length, names: list(missing) })]
      : []),
  ].join(' ');
}
