import { useEffect, useRef, useState } from 'preact/hooks';
import { getLocale, t, type MessageKey } from '../locales';
import {
  backupFilename,
  createBackup,
  serializeBackup,
  type ParsedBackup,
} from '../storage/backup-format';
import { parseBackup, type BackupError, type BackupErrorCode } from '../storage/backup-read';
import {
  applyBackupSettings,
  forgetMissingCurrentIssue,
  restoreBackup,
  type RestoreOptions,
  type RestoreResult,
} from '../storage/backup-restore';
import { db } from '../storage/db';
import { downloadFile } from './download';

/** A file read and found to be a backup, waiting for the editor to choose how to restore it. */
interface Chosen {
  name: string;
  backup: ParsedBackup;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'ok'; text: string }
  | { kind: 'error'; text: string };

/** What survives the reload that follows restored settings, to be said on the new page. */
const DONE_KEY = 'indiscrets:backup:restored';

const ERROR_MESSAGES: Record<BackupErrorCode, MessageKey> = {
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

/** A field as the editor reads it: « date de création » (createdAt), or the path as is. */
function fieldName(field = ''): string {
  const key = FIELD_LABELS[field];
  return key ? t('backup.field', { label: t(key), field }) : `« ${field} »`;
}

const shorten = (text: string, max = 60) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/** The editor's words for what is wrong with a file: which problem, and which record. */
export function describeBackupError(error: BackupError): string {
  if (error.list === 'settings') {
    return t('backup.error.invalid-setting', { field: `« ${error.field ?? ''} »` });
  }
  let record = t('backup.record.file');
  if ((error.list === 'clips' || error.list === 'issues') && error.index !== undefined) {
    record = t(error.list === 'clips' ? 'backup.record.clips' : 'backup.record.issues', {
      position: error.index + 1,
    });
    if (error.title) record = t('backup.record.titled', { record, title: shorten(error.title) });
  }
  return t(ERROR_MESSAGES[error.code], {
    record,
    field: fieldName(error.field),
    id: error.id ?? '',
    version: error.version ?? '',
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
  if (result.movedToInbox > 0) parts.push(t('backup.movedToInbox', { count: result.movedToInbox }));
  if (settingsApplied) parts.push(t('backup.settingsRestored'));
  return parts.join(' ');
}

function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(getLocale() === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * "Sauvegarde" on the options page: download everything the editor wrote as one JSON file, and
 * restore such a file, merging (the newer version of each record wins) or replacing everything
 * after a confirmation. A file that cannot be restored changes nothing and says why.
 */
export function BackupSettings() {
  const input = useRef<HTMLInputElement>(null);
  const message = useRef<HTMLParagraphElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [chosen, setChosen] = useState<Chosen>();
  const [withSettings, setWithSettings] = useState(false);
  /** Counts of this browser's records while "Replace everything" waits for a confirmation. */
  const [confirming, setConfirming] = useState<{ clips: number; issues: number }>();

  // A restore with settings reloads the page (every card shows the restored values): say here
  // what it did.
  useEffect(() => {
    let done: { result: RestoreResult } | undefined;
    try {
      const raw = sessionStorage.getItem(DONE_KEY);
      sessionStorage.removeItem(DONE_KEY);
      done = raw ? (JSON.parse(raw) as { result: RestoreResult }) : undefined;
    } catch {
      done = undefined;
    }
    if (!done) return;
    setStatus({ kind: 'ok', text: describeRestore(done.result, true) });
    // The cards above fill in as their settings load and push this one down: keep the message
    // in view while the page settles, then leave the scrolling to the editor.
    const follow = () => message.current?.scrollIntoView({ block: 'center' });
    follow();
    const observer = new ResizeObserver(follow);
    observer.observe(document.body);
    const stop = () => observer.disconnect();
    const timer = setTimeout(stop, 1500);
    addEventListener('wheel', stop, { once: true });
    addEventListener('keydown', stop, { once: true });
    return () => {
      clearTimeout(timer);
      stop();
      removeEventListener('wheel', stop);
      removeEventListener('keydown', stop);
    };
  }, []);

  const busy = status.kind === 'busy';

  async function onDownload() {
    setStatus({ kind: 'busy', text: t('common.loading') });
    try {
      const now = new Date();
      const backup = await createBackup(db, now);
      const filename = backupFilename(now);
      downloadFile(filename, 'application/json', serializeBackup(backup));
      setStatus({
        kind: 'ok',
        text: t('backup.downloaded', {
          filename,
          clips: backup.clips.length,
          issues: backup.issues.length,
        }),
      });
    } catch (error) {
      setStatus({ kind: 'error', text: t('backup.downloadFailed', { error: errorText(error) }) });
    }
  }

  async function onFile(event: Event) {
    const field = event.target as HTMLInputElement;
    const file = field.files?.[0];
    // Emptied, so that choosing the same file again (once fixed) reads it again.
    field.value = '';
    if (!file) return;
    setChosen(undefined);
    setConfirming(undefined);
    setStatus({ kind: 'busy', text: t('backup.reading') });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setStatus({ kind: 'error', text: t('backup.failed', { error: errorText(error) }) });
      return;
    }
    const parsed = parseBackup(text);
    if (!parsed.ok) {
      setStatus({
        kind: 'error',
        text: `${describeBackupError(parsed.error)} ${t('backup.unchanged')}`,
      });
      return;
    }
    setWithSettings(false);
    setChosen({ name: file.name, backup: parsed.backup });
    setStatus({ kind: 'idle' });
  }

  async function askReplace() {
    const [clips, issues] = await Promise.all([db.clips.count(), db.issues.count()]);
    setConfirming({ clips, issues });
  }

  async function restore(mode: RestoreOptions['mode']) {
    if (!chosen) return;
    const settings = withSettings && hasSettings(chosen.backup);
    setStatus({ kind: 'busy', text: t('backup.restoring') });
    let result: RestoreResult;
    try {
      result = await restoreBackup(chosen.backup, db, { mode, settings });
    } catch (error) {
      setStatus({ kind: 'error', text: t('backup.failed', { error: errorText(error) }) });
      return;
    }
    setChosen(undefined);
    setConfirming(undefined);
    try {
      if (result.settings) await applyBackupSettings(result.settings, db);
      await forgetMissingCurrentIssue(db);
    } catch (error) {
      const text = `${describeRestore(result, false)} ${t('backup.settingsFailed', { error: errorText(error) })}`;
      setStatus({ kind: 'error', text });
      return;
    }
    if (result.settings) {
      // The other cards read the settings once: a reload shows them as restored, in the
      // restored language.
      const done: RestoreResult = { ...result };
      delete done.settings;
      try {
        sessionStorage.setItem(DONE_KEY, JSON.stringify({ result: done }));
        location.reload();
        return;
      } catch {
        // No session storage: say it here; the other cards catch up at the next visit.
      }
    }
    setStatus({ kind: 'ok', text: describeRestore(result, !!result.settings) });
  }

  return (
    <section class="card" aria-labelledby="backup-heading" data-testid="backup-settings">
      <h2 id="backup-heading">{t('backup.heading')}</h2>
      <p class="muted">{t('backup.help')}</p>
      <div class="form-actions">
        <button
          type="button"
          class="button button--primary"
          onClick={() => void onDownload()}
          disabled={busy}
        >
          {t('backup.download')}
        </button>
        <button type="button" class="button" onClick={() => input.current?.click()} disabled={busy}>
          {t('backup.restore')}
        </button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          aria-label={t('backup.fileLabel')}
          data-testid="backup-file"
          hidden
          onChange={(event) => void onFile(event)}
        />
      </div>

      {chosen && (
        <div
          class="backup__panel"
          role="group"
          aria-label={t('backup.chosen', { name: chosen.name })}
          data-testid="backup-summary"
        >
          <p class="muted">{t('backup.chosen', { name: chosen.name })}</p>
          <p>
            <strong>
              {chosen.backup.exportedAt
                ? t('backup.madeOn', { date: formatDate(chosen.backup.exportedAt) })
                : t('backup.undated')}
            </strong>
            <br />
            {summary(chosen.backup)}
          </p>
          {hasSettings(chosen.backup) ? (
            <>
              <label class="checkbox backup__settings">
                <input
                  type="checkbox"
                  checked={withSettings}
                  disabled={busy}
                  aria-describedby="backup-settings-help"
                  onChange={(e) => setWithSettings((e.target as HTMLInputElement).checked)}
                />
                {t('backup.withSettings')}
              </label>
              <small id="backup-settings-help" class="muted">
                {t('backup.withSettingsHelp')}
              </small>
            </>
          ) : (
            <p class="muted">{t('backup.noSettings')}</p>
          )}
          {!confirming ? (
            <>
              <div class="form-actions">
                <button
                  type="button"
                  class="button button--primary"
                  disabled={busy}
                  onClick={() => void restore('merge')}
                >
                  {t('backup.merge')}
                </button>
                <button
                  type="button"
                  class="button"
                  disabled={busy}
                  onClick={() => void askReplace()}
                >
                  {t('backup.replace')}
                </button>
                <button
                  type="button"
                  class="button"
                  disabled={busy}
                  onClick={() => setChosen(undefined)}
                >
                  {t('common.cancel')}
                </button>
              </div>
              <p class="muted backup__small">{t('backup.mergeHelp')}</p>
            </>
          ) : (
            <div role="group" aria-labelledby="backup-confirm" data-testid="backup-confirm">
              <p id="backup-confirm" class="notice notice--warn backup__confirm">
                {t('backup.replaceConfirm', confirming)}
              </p>
              <div class="form-actions backup__actions">
                <button
                  type="button"
                  class="button button--primary"
                  disabled={busy}
                  onClick={() => void restore('replace')}
                >
                  {t('backup.replaceDo')}
                </button>
                <button
                  type="button"
                  class="button"
                  disabled={busy}
                  onClick={() => void onDownload()}
                >
                  {t('backup.saveFirst')}
                </button>
                <button
                  type="button"
                  class="button"
                  disabled={busy}
                  onClick={() => setConfirming(undefined)}
                >
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          )}
        </div>
      )}

      <p
        class={`notice${status.kind === 'error' ? ' notice--error' : status.kind === 'ok' ? ' notice--ok' : ''}`}
        role={status.kind === 'error' ? 'alert' : 'status'}
        data-testid="backup-status"
        ref={message}
      >
        {status.kind !== 'idle' && status.text}
      </p>
    </section>
  );
}

function hasSettings(backup: ParsedBackup): boolean {
  return Object.keys(backup.settings).length > 0;
}

/** "12 brouillons (dont 2 à la corbeille), 3 numéros et les réglages." */
function summary(backup: ParsedBackup): string {
  const trashed = backup.clips.filter((draft) => draft.deletedAt).length;
  let clips = t('drafts.count', { count: backup.clips.length });
  if (trashed > 0) clips += ` (${t('backup.trashed', { count: trashed })})`;
  return t(hasSettings(backup) ? 'backup.contentsAndSettings' : 'backup.contents', {
    clips,
    issues: t('backup.issueCount', { count: backup.issues.length }),
  });
}
