import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../locales';
import type { ParsedBackup } from '../storage/backup-format';
import { replaceRefusal, type ReplaceRefusal } from '../storage/backup-restore';
import { db } from '../storage/db';
import { backupMadeOn, hasSettings, summary } from './backupMessages';
import { useDataQuery } from './data';
import { useRefused } from './RoleReason';

/** A file read and found to be a backup, waiting for the editor to choose how to restore it. */
export interface Chosen {
  name: string;
  backup: ParsedBackup;
}

interface Props {
  chosen: Chosen;
  /** Something is under way: every button waits. */
  busy: boolean;
  /** Restore the settings too (only offered when the file has some). */
  withSettings: boolean;
  onWithSettings: (checked: boolean) => void;
  /** This browser's counts while « Tout remplacer » waits for a confirmation. */
  confirming?: { clips: number; issues: number };
  onMerge: () => void;
  onAskReplace: () => void;
  /**
   * « Oui, tout remplacer »; `forgetDesk` when the confirmation said that this browser forgets
   * the shared desk it left (see `RestoreOptions.forgetDesk`).
   */
  onReplace: (forgetDesk: boolean) => void;
  /**
   * Set by a replace the restore refused (`ReplaceOnSharedDeskError`), a new object each time:
   * the desk was turned on (or left, its records kept) between the confirmation and the click.
   * The keyboard goes to « Fusionner » (`on`) or back to « Remplacer tout… » (`kept`).
   */
  refusedNow?: { reason: ReplaceRefusal };
  /**
   * The restore is under way: its « Annuler » buttons stay, and stop it (`onStop`), which
   * writes nothing; every other button waits.
   */
  restoring?: boolean;
  onStop?: () => void;
  /** Download a backup of this browser before replacing it. */
  onSaveFirst: () => void;
  /** Forget the chosen file. */
  onCancel: () => void;
  /** Keep everything here: back from the confirmation. */
  onKeep: () => void;
}

/**
 * The restore flow once a file is chosen: what it holds and when it was made, whether to restore
 * its settings, then merge, or replace everything after a confirmation that counts what goes.
 *
 * While the shared desk is on (`ReplaceRefusal` `on`) « Remplacer tout… » is not offered: it is
 * greyed, with why and what to do instead (« Fusionner ») beside it, and its confirmation is not
 * shown (and is dropped, should the desk be turned on meanwhile from another page). Its
 * deletions and rewrites would go to the whole newsroom (see `ReplaceOnSharedDeskError`, which
 * the restore itself throws). After leaving the desk, its records kept for a rejoin (`kept`),
 * it is offered, and its confirmation says that this browser forgets the desk too: the next
 * join is a new browser's, which trashes and rewrites nothing of the team's.
 */
export function RestorePanel({
  chosen,
  busy,
  withSettings,
  onWithSettings,
  confirming,
  onMerge,
  onAskReplace,
  onReplace,
  refusedNow,
  restoring = false,
  onStop,
  onSaveFirst,
  onCancel,
  onKeep,
}: Props) {
  const replaceButton = useRef<HTMLButtonElement>(null);
  const mergeButton = useRef<HTMLButtonElement>(null);
  const warning = useRef<HTMLParagraphElement>(null);
  const asked = useRef(false);
  const made = useRef<HTMLParagraphElement>(null);
  // Followed live: the desk turned on from its card above (or another page) greys it at once.
  const refusal = useDataQuery(() => replaceRefusal(db), [], { now: true });
  const shared = refusal === 'on';
  const refused = useRefused(shared ? t('backup.replaceShared') : undefined, true);
  const confirmShown = !!confirming && !shared;
  // Dropped for good by the desk turned on: turned off again, it does not come back unasked.
  useEffect(() => {
    if (shared && confirming) onKeep();
  }, [shared, confirming]);
  // A file just read: the focus goes to what it holds and when it was made, which a screen reader
  // then reads, and from which Tab reaches the choices. It was on the page's body (the button that
  // opened the picker waits, disabled, while the file is read), and the panel says nothing aloud.
  // Before the paint, so that a key pressed on a button of the panel meanwhile keeps its focus.
  useLayoutEffect(() => {
    made.current?.focus({ preventScroll: true });
  }, [chosen]);
  // « Remplacer tout… » gives way to the confirmation: the focus goes to what it says will be
  // lost, and back to « Remplacer tout… » when the editor keeps everything.
  // Taken away by the desk turned on meanwhile: to « Fusionner », which is what remains to do.
  useEffect(() => {
    if (confirmShown) warning.current?.focus();
    else if (asked.current) (shared ? mergeButton : replaceButton).current?.focus();
    asked.current = confirmShown;
  }, [confirmShown]);
  // A replace refused at the click (the desk turned on meanwhile; this browser's live query of
  // it may not have caught up yet): to « Fusionner », what remains to do; left meanwhile, back to
  // « Remplacer tout… », whose confirmation now says what it will also do.
  useEffect(() => {
    if (!refusedNow) return;
    (refusedNow.reason === 'on' ? mergeButton : replaceButton).current?.focus();
  }, [refusedNow]);
  return (
    <div
      class="backup__panel"
      role="group"
      aria-label={t('backup.chosen', { name: chosen.name })}
      data-testid="backup-summary"
    >
      <p class="muted">{t('backup.chosen', { name: chosen.name })}</p>
      <p ref={made} tabIndex={-1} data-testid="backup-made">
        <strong>
          {chosen.backup.exportedAt ? backupMadeOn(chosen.backup.exportedAt) : t('backup.undated')}
        </strong>
        <br />
        {summary(chosen.backup)}
      </p>
      {chosen.backup.schemaVersion > db.verno && (
        // Its records may hold fields this version does not know: reading them drops those.
        <p class="notice notice--warn" data-testid="backup-newer-schema">
          {t('backup.newerSchema')}
        </p>
      )}
      {hasSettings(chosen.backup) ? (
        <>
          <label class="checkbox backup__settings">
            <input
              type="checkbox"
              checked={withSettings}
              disabled={busy}
              aria-describedby="backup-settings-help"
              onChange={(e) => onWithSettings((e.target as HTMLInputElement).checked)}
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
      {!confirmShown ? (
        <>
          <div class="form-actions">
            <button
              type="button"
              class="button button--primary"
              ref={mergeButton}
              disabled={busy}
              onClick={onMerge}
            >
              {t('backup.merge')}
            </button>
            <button
              type="button"
              class="button"
              ref={replaceButton}
              disabled={busy}
              onClick={onAskReplace}
              {...refused.control}
            >
              {t('backup.replace')}
            </button>
            <button
              type="button"
              class="button"
              disabled={busy && !restoring}
              onClick={restoring ? onStop : onCancel}
            >
              {t('common.cancel')}
            </button>
          </div>
          {refused.reason && <p class="backup__small">{refused.reason}</p>}
          <p class="muted backup__small">{t('backup.mergeHelp')}</p>
        </>
      ) : (
        <div role="group" aria-labelledby="backup-confirm" data-testid="backup-confirm">
          <p
            id="backup-confirm"
            class="notice notice--warn backup__confirm"
            ref={warning}
            tabIndex={-1}
          >
            {/* A backup that holds no draft and no issue empties this browser: said so. */}
            {t(
              chosen.backup.clips.length + chosen.backup.issues.length === 0
                ? 'backup.replaceConfirmEmpty'
                : 'backup.replaceConfirm',
              confirming!,
            )}
            {refusal === 'kept' && <> {t('backup.replaceLeavesDesk')}</>}
          </p>
          <div class="form-actions backup__actions">
            <button
              type="button"
              class="button button--primary"
              disabled={busy}
              onClick={() => onReplace(refusal === 'kept')}
            >
              {t('backup.replaceDo')}
            </button>
            <button type="button" class="button" disabled={busy} onClick={onSaveFirst}>
              {t('backup.saveFirst')}
            </button>
            <button
              type="button"
              class="button"
              disabled={busy && !restoring}
              onClick={restoring ? onStop : onKeep}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
