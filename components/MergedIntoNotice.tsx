import { t } from '../locales/core';
import type { MergeTarget } from '../storage/draft-records';

interface Props {
  target: MergeTarget;
  /** Opens the draft it was merged into. */
  onOpen: () => void;
}

/**
 * A draft in the trash that another editor merged into a draft (shared desk): said on its row
 * in the trash, with who did it and a way to open the draft its content went into (once this
 * browser has it). The draft's own editor says it in its trash notice (see DraftEditor).
 */
export function MergedIntoNotice({ target, onOpen }: Props) {
  const { title, by, trashed, gone } = target;
  // The draft it went into may be in the trash too (opened there, to be restored); or not here
  // yet: said so, to be opened once the sync brings it; or the desk said it has it no more, and
  // it will not come (unless sent to the desk again).
  const said =
    title !== undefined
      ? trashed
        ? by
          ? t('merged.rowTrashed', { name: by, title })
          : t('merged.rowTrashedAnon', { title })
        : by
          ? t('merged.row', { name: by, title })
          : t('merged.rowAnon', { title })
      : gone
        ? by
          ? t('merged.rowGone', { name: by })
          : t('merged.rowGoneAnon')
        : by
          ? t('merged.rowPending', { name: by })
          : t('merged.rowPendingAnon');
  return (
    <p class="notice notice--info merged-into" role="note" data-testid="merged-into">
      {said}
      {title !== undefined && (
        <>
          {' '}
          <button
            type="button"
            class="linklike"
            onClick={onOpen}
            aria-label={t('merged.openNamed', { title })}
          >
            {t('merged.open')}
          </button>
        </>
      )}
    </p>
  );
}
