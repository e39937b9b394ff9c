import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../locales';
import { sendMessage } from '../messaging/protocol';
import { backupFilename, createBackup, serializeBackup } from '../storage/backup-format';
import { readBackupFile, type ReadProgress, type ParseResult } from '../storage/backup-read';
import {
  applyBackupSettings,
  forgetMissingCurrentIssue,
  ReplaceOnSharedDeskError,
  restoreBackup,
  restoredSiteToAllow,
  SettingsPartlyAppliedError,
  type ReplaceRefusal,
  type RestoreOptions,
  type RestoreProgress,
  type RestoreResult,
} from '../storage/backup-restore';
import { db } from '../storage/db';
import { isCancelled, type Progress } from '../storage/slices';
import { RestorePanel, type Chosen } from './BackupRestorePanel';
import {
  describeBackupError,
  describeRestore,
  hasSettings,
  settingsFailureText,
  type SettingsFailure,
} from './backupMessages';
import { downloadFile } from './download';
import { openWordPressSettings } from './openSettings';
import { rememberRestore, useRestoredReport } from './useRestoredReport';
import { FailureDetail } from './FailureDetail';
import { wordFailure } from './failureText';
import { leaveWithoutAsking, typedUnsaved } from './useLeaveGuard';
import { CodedError, toFailure } from '../messaging/errors';
import { uiLocale } from '../storage/settings';

type Status =
  | { kind: 'idle' }
  /**
   * `text` is the phase (« Restauration… »), what the status line reads out; `progress`, for
   * long work, how far it has got, carried by the bar.
   */
  | { kind: 'busy'; text: string; progress?: Progress & { count: string; full: string } }
  /** `allowSite`: the restored WordPress site is not allowed yet, the way to allow it offered. */
  | { kind: 'ok'; text: string; allowSite?: boolean }
  | { kind: 'error'; text: string; detail?: string; allowSite?: boolean };

/** Long work that « Annuler » stops: reading a chosen file, or restoring it. */
interface Job {
  kind: 'read' | 'restore';
  controller: AbortController;
}

/**
 * How often the progress bar is drawn: often enough to be seen moving, not at every draft, which
 * would spend on drawing what the work needs.
 */
const PROGRESS_EVERY_MS = 250;

/**
 * How far a read or a restore has got, in words: the phase alone, for the status line (a live
 * region: a screen reader reads it again at every change, so it changes with the phase, not
 * with each count), the count beside the bar, and both together as the bar's value.
 */
function progressWords({ step, done, total }: ReadProgress | RestoreProgress) {
  const percent = Math.floor((done / Math.max(total, 1)) * 100);
  return {
    phase: t(`backup.phase.${step}`),
    count:
      step === 'parse'
        ? t('backup.count.percent', { percent })
        : t('backup.count.drafts', { done, total }),
    full:
      step === 'parse'
        ? t('backup.progress.parse', { percent })
        : t(`backup.progress.${step}`, { done, total }),
  };
}

/** What a restore whose settings failed midway says, on this page or after its reload. */
function failedStatus(
  result: RestoreResult,
  failure: SettingsFailure,
): Extract<Status, { kind: 'error' }> {
  const worded = wordFailure(settingsFailureText(failure), new CodedError(failure.cause));
  return {
    ...worded,
    kind: 'error',
    text: `${describeRestore(result, false)} ${worded.text}`,
    allowSite: !!result.siteToAllow,
  };
}

/**
 * Reloads the page after a restore that wrote settings: the other cards read them once, and the
 * reload shows them as restored, in the restored language; what the restore did (and `failure`)
 * is said on the new page. Not over changes typed in another card and not saved, which the
 * reload would lose (`typed`: the editor is told to save them, then reload), nor without session
 * storage (said here; the other cards catch up at the next visit): false then.
 */
function showRestored(result: RestoreResult, typed: boolean, failure?: SettingsFailure): boolean {
  if (typed || !rememberRestore(result, failure)) return false;
  leaveWithoutAsking();
  location.reload();
  return true;
}

/**
 * Said after a restore that wrote settings and did not reload the page over changes typed in
 * another card: they are kept, and the cards whose setting the restore changed under them ask
 * which to keep (StoredConflict), the others showing what was restored; only the language shows
 * at the next reload, when the restore changed it (`language`).
 */
function typedKeptText(language: boolean): string {
  return [t('backup.typedKept'), ...(language ? [t('backup.reloadForLanguage')] : [])].join(' ');
}

/**
 * "Sauvegarde" on the options page: download everything the editor wrote as one JSON file, and
 * restore such a file, merging (the newer version of each record wins) or replacing everything
 * after a confirmation. A file that cannot be restored changes nothing and says why.
 */
export function BackupSettings() {
  const input = useRef<HTMLInputElement>(null);
  const message = useRef<HTMLParagraphElement>(null);
  const restoreButton = useRef<HTMLButtonElement>(null);
  /** The file just chosen was refused (unreadable, or no backup). */
  const refused = useRef(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [chosen, setChosen] = useState<Chosen>();
  const [withSettings, setWithSettings] = useState(false);
  /** Counts of this browser's records while "Replace everything" waits for a confirmation. */
  const [confirming, setConfirming] = useState<{ clips: number; issues: number }>();
  /** A replace the restore refused at the click (see `RestorePanel`'s `refusedNow`). */
  const [refusedNow, setRefusedNow] = useState<{ reason: ReplaceRefusal }>();
  /** The read or restore under way, which « Annuler » stops. */
  const [job, setJob] = useState<Job>();

  // A restore with settings reloads the page (every card shows the restored values), those
  // failing midway too: say here what it did, in the page's language (the restored one).
  useRestoredReport(message, (result, failure) =>
    setStatus(
      failure
        ? failedStatus(result, failure)
        : { kind: 'ok', text: describeRestore(result, true), allowSite: !!result.siteToAllow },
    ),
  );

  const busy = status.kind === 'busy';

  // The buttons wait while something is under way (a disabled button loses the focus) and the
  // restore's panel goes once it is done: the focus, were it left on the page's body, goes to
  // the message that says what is under way, then what came of it.
  useEffect(() => {
    if (status.kind === 'idle') return;
    // A file refused: back to the button that chose it, to choose another (the message, an
    // alert, is read all the same). Whether reading it had taken the focus from that button
    // (disabled meanwhile) depended on how fast the file was refused.
    if ((status.kind === 'error' || status.kind === 'ok') && refused.current) {
      refused.current = false;
      restoreButton.current?.focus({ preventScroll: true });
      return;
    }
    const focused = document.activeElement;
    if (!focused || focused === document.body) message.current?.focus({ preventScroll: true });
  }, [status]);

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
      setStatus({ kind: 'error', ...wordFailure(t('backup.downloadFailed'), error) });
    }
  }

  /**
   * A long job's start: its controller, and the progress callback that draws how far it has got
   * at most every {@link PROGRESS_EVERY_MS} (and always its first step).
   */
  function startJob(kind: Job['kind'], first: string) {
    const controller = new AbortController();
    setJob({ kind, controller });
    setStatus({ kind: 'busy', text: first });
    let drawn = 0;
    let step = '';
    const onProgress = (progress: ReadProgress | RestoreProgress) => {
      const now = performance.now();
      if (progress.step === step && now - drawn < PROGRESS_EVERY_MS) return;
      drawn = now;
      step = progress.step;
      const words = progressWords(progress);
      setStatus({
        kind: 'busy',
        text: words.phase,
        progress: {
          done: progress.done,
          total: progress.total,
          count: words.count,
          full: words.full,
        },
      });
    };
    return { signal: controller.signal, onProgress };
  }

  async function onFile(event: Event) {
    const field = event.target as HTMLInputElement;
    const file = field.files?.[0];
    // Emptied, so that choosing the same file again (once fixed) reads it again.
    field.value = '';
    if (!file) return;
    setChosen(undefined);
    setConfirming(undefined);
    setRefusedNow(undefined);
    const work = startJob('read', t('backup.reading'));
    let parsed: ParseResult;
    try {
      // Read and taken apart as it comes, its progress told from the first piece.
      parsed = await readBackupFile(file, work);
    } catch (error) {
      // A cancel, or a file the browser could not read (readBackupFile says any problem of the
      // file's content as a result).
      setJob(undefined);
      // « Annuler la lecture » goes with the progress: back to the button that chose the file.
      refused.current = true;
      if (isCancelled(error)) setStatus({ kind: 'ok', text: t('backup.readCancelled') });
      else setStatus({ kind: 'error', ...wordFailure(t('backup.failed'), error) });
      return;
    }
    setJob(undefined);
    if (!parsed.ok) {
      refused.current = true;
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

  async function restore(mode: RestoreOptions['mode'], forgetDesk = false) {
    if (!chosen) return;
    const settings = withSettings && hasSettings(chosen.backup);
    const work = startJob('restore', t('backup.restoring'));
    let result: RestoreResult;
    try {
      result = await restoreBackup(chosen.backup, db, {
        mode,
        settings,
        ...(forgetDesk ? { forgetDesk } : {}),
        ...work,
      });
    } catch (error) {
      setJob(undefined);
      if (isCancelled(error)) {
        // The file stays chosen, to restore later; the keyboard stays on « Annuler », which
        // stays (it forgets the file now).
        setStatus({ kind: 'ok', text: t('backup.restoreCancelled') });
        return;
      }
      if (error instanceof ReplaceOnSharedDeskError) {
        // The desk turned on (or left, its records kept) since the confirmation: said as the
        // greyed button says it, no technical detail; the confirmation goes, and the keyboard
        // to what remains to do (see RestorePanel).
        const why = error.reason === 'on' ? 'backup.replaceShared' : 'backup.replaceLeftMeanwhile';
        setConfirming(undefined);
        setRefusedNow({ reason: error.reason });
        setStatus({ kind: 'error', text: `${t(why)} ${t('backup.unchanged')}` });
        return;
      }
      setStatus({ kind: 'error', ...wordFailure(t('backup.failed'), error) });
      return;
    }
    setJob(undefined);
    setChosen(undefined);
    setConfirming(undefined);
    // The settings written so far (applyBackupSettings's names), for what a failure says.
    let applied: string[] | undefined;
    // Changes typed in another card and not saved, seen before the settings are written: a card
    // comparing its form with the stored value (the house style's) shows the restored value as
    // a change of its own once written.
    const typed = typedUnsaved();
    /** The language before the restore: one it changes shows only at the next reload. */
    let language: string | undefined;
    try {
      if (result.settings) {
        if (typed && result.settings.uiLocale) language = await uiLocale.getValue();
        applied = await applyBackupSettings(result.settings, db);
        // Said after the reload too: the editor learns their own account stayed, and whose did not.
        if (applied.includes('wordpressAccountKept'))
          result = { ...result, accountKept: result.settings.wordpress?.username ?? '' };
        if (applied.includes('wordpressSiteLeft')) {
          // The address left: completed by the background as after the options' change (its
          // permission given back, the move asked), the reload below ending nothing of it; the
          // options' WordPress section asks again as the page opens, should this be lost.
          void sendMessage('siteLeave').catch(() => {});
          // The restored site's permission cannot be asked here: only a click can, and this one
          // was spent on the restore's work. Said, with the way to the button that asks.
          const siteToAllow = await restoredSiteToAllow();
          if (siteToAllow) result = { ...result, siteToAllow };
        }
      }
      await forgetMissingCurrentIssue(db);
    } catch (error) {
      const partly = error instanceof SettingsPartlyAppliedError;
      const written = applied ?? (partly ? error.applied : []);
      // Failed after the WordPress settings were written (the current issue's), the address left
      // with them: the background completes it all the same (nothing when none was left), and the
      // restored address, when not allowed here, said as after a restore that went through.
      if (written.includes('wordpressSiteLeft')) {
        void sendMessage('siteLeave').catch(() => {});
        if (!result.siteToAllow) {
          const siteToAllow = await restoredSiteToAllow();
          if (siteToAllow) result = { ...result, siteToAllow };
        }
      }
      const failure: SettingsFailure = {
        present: Object.keys(result.settings ?? {}),
        written,
        all: applied !== undefined,
        ...(written.includes('wordpressAccountKept')
          ? { username: result.settings?.wordpress?.username ?? '' }
          : {}),
        cause: toFailure(partly ? error.cause : error),
      };
      // Some written (the language, the house style…): shown at once, as after a restore that
      // went through, the reload saying what failed.
      if (written.length > 0 && showRestored(result, typed, failure)) return;
      const status = failedStatus(result, failure);
      const languageChanged =
        written.includes('uiLocale') && result.settings?.uiLocale !== language;
      setStatus(
        written.length > 0 && typed
          ? { ...status, text: `${status.text} ${typedKeptText(languageChanged)}` }
          : status,
      );
      return;
    }
    if (result.settings && showRestored(result, typed)) return;
    setStatus({
      kind: 'ok',
      text: [
        describeRestore(result, !!result.settings),
        ...(result.settings && typed
          ? [typedKeptText(!!result.settings.uiLocale && result.settings.uiLocale !== language)]
          : []),
      ].join(' '),
      allowSite: !!result.siteToAllow,
    });
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
        <button
          type="button"
          class="button"
          ref={restoreButton}
          onClick={() => input.current?.click()}
          disabled={busy}
        >
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
        <RestorePanel
          chosen={chosen}
          busy={busy}
          withSettings={withSettings}
          onWithSettings={setWithSettings}
          confirming={confirming}
          onMerge={() => void restore('merge')}
          onAskReplace={() => void askReplace()}
          onReplace={(forgetDesk) => void restore('replace', forgetDesk)}
          refusedNow={refusedNow}
          restoring={job?.kind === 'restore'}
          onStop={() => job?.controller.abort()}
          onSaveFirst={() => void onDownload()}
          onCancel={() => {
            setChosen(undefined);
            // The panel and its buttons go: back to the button that chose the file.
            restoreButton.current?.focus();
          }}
          onKeep={() => setConfirming(undefined)}
        />
      )}

      <p
        class={`notice${status.kind === 'error' ? ' notice--error' : status.kind === 'ok' ? ' notice--ok' : ''}`}
        role={status.kind === 'error' ? 'alert' : 'status'}
        data-testid="backup-status"
        ref={message}
        // Focused after an action whose button went (see above), not reached by Tab.
        tabIndex={-1}
      >
        {status.kind !== 'idle' && status.text}
        {status.kind === 'error' && <FailureDetail detail={status.detail} />}
      </p>
      {status.kind !== 'idle' && status.kind !== 'busy' && status.allowSite && (
        // The permission is asked at « Tester la connexion »'s click: its field, on screen.
        <div class="form-actions">
          <button type="button" class="button" onClick={() => void openWordPressSettings()}>
            {t('backup.openWordPress')}
          </button>
        </div>
      )}
      {status.kind === 'busy' && status.progress && (
        <div class="backup__progress">
          <progress
            // A progressbar: its value is how far, read when the editor asks (its words with
            // the phase), never read out by itself as the live status line above would.
            max={Math.max(status.progress.total, 1)}
            value={status.progress.done}
            aria-label={t('backup.progressLabel')}
            aria-valuetext={status.progress.full}
            data-testid="backup-progress"
          />
          {/* Seen beside the bar; the bar's own words say it to a screen reader. */}
          <span class="muted" aria-hidden="true" data-testid="backup-count">
            {status.progress.count}
          </span>
        </div>
      )}
      {job?.kind === 'read' && (
        // The restore's own panel is not there yet: the read is stopped from here.
        <div class="form-actions">
          <button type="button" class="button" onClick={() => job.controller.abort()}>
            {t('backup.stopReading')}
          </button>
        </div>
      )}
    </section>
  );
}
