import { t } from '../locales';
import type { DraftStatus } from '../storage/db';
import { useRefused } from './RoleReason';
import type { SaveState } from './useSyncedRecord';

const STATUSES: DraftStatus[] = ['draft', 'checked', 'ready'];

interface Props {
  status: DraftStatus;
  onStatus: (status: DraftStatus) => void;
  /** Where the typing is: saved, pending, saving, failed, disk full. */
  state: SaveState;
  inIssue: boolean;
  /** The issue being composed, if any: "Add to issue" targets it. */
  currentIssueId?: string | null;
  onClose?: () => void;
  closeLabel: string;
  onRemoveFromIssue: () => void;
  onAddToIssue: (issueId: string) => void;
  onMerge: () => void;
  onDelete: () => void;
  /** Why the user's role may not arrange the issue (shared desk), if it may not. */
  arrangeRefused?: string;
  /** Why the user's role may not write this draft (shared desk): its status is read-only. */
  editRefused?: string;
  /** Why the user's role may not put this draft in the trash (shared desk). */
  trashRefused?: string;
  /** Why the user's role may not merge this draft into another (shared desk). */
  mergeRefused?: string;
}

/** The editor's bar: back or close, status, save state, and what is done to the draft as a whole. */
export function DraftEditorBar({
  status,
  onStatus,
  state,
  inIssue,
  currentIssueId,
  onClose,
  closeLabel,
  onRemoveFromIssue,
  onAddToIssue,
  onMerge,
  onDelete,
  arrangeRefused,
  editRefused,
  trashRefused,
  mergeRefused,
}: Props) {
  // Each control the role may not use is greyed with its reason (the read-only draft's own
  // line says why once for the fields; these say it on the buttons themselves).
  const arrange = useRefused(arrangeRefused);
  const merge = useRefused(mergeRefused);
  const trash = useRefused(trashRefused);
  return (
    <div class="editor__bar">
      <div class="editor__state">
        {onClose && (
          <button type="button" class="button button--small" onClick={onClose}>
            ← {closeLabel}
          </button>
        )}
        <label class="editor__status">
          <span class="visually-hidden">{t('editor.status')}</span>
          <select
            value={status}
            disabled={!!editRefused}
            title={editRefused}
            onChange={(e) => onStatus((e.target as HTMLSelectElement).value as DraftStatus)}
            aria-label={t('editor.status')}
          >
            {STATUSES.map((option) => (
              <option value={option} key={option}>
                {t(`status.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <span class={`save-state save-state--${state}`} role="status" data-testid="save-state">
          {t(`save.${state}`)}
        </span>
      </div>
      <div class="editor__actions">
        {inIssue ? (
          <button
            type="button"
            class="button button--small"
            {...arrange.control}
            onClick={onRemoveFromIssue}
          >
            {t('editor.removeFromIssue')}
          </button>
        ) : (
          currentIssueId && (
            <button
              type="button"
              class="button button--small"
              {...arrange.control}
              onClick={() => onAddToIssue(currentIssueId)}
            >
              {t('editor.addToIssue')}
            </button>
          )
        )}
        {(inIssue || currentIssueId) && arrange.reason}
        <button
          type="button"
          class="button button--small"
          {...merge.control}
          onClick={onMerge}
          data-testid="merge-button"
        >
          {t('editor.mergeInto')}
        </button>
        {merge.reason}
        <button
          type="button"
          class="button button--small button--danger"
          {...trash.control}
          onClick={onDelete}
          data-testid="delete-button"
        >
          {t('editor.delete')}
        </button>
        {trash.reason}
      </div>
    </div>
  );
}
