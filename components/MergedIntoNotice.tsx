import { t } from '../locales/core';
import type { MergeTarget } from '../storage/draft-records';

interface Props {
  target: MergeTarget;
  /** Opens the draft it was merged into. */
  onOpen: () => void;
}

/**
 * A draft in the trash that another editor merged into a draft (shared desk): said on its row
 * in the trash, with who did it and a way to open the draft its content went into. The draft's
 * own editor says it in its trash notice (see DraftEditor).
 */
export function MergedIntoNotice({ target, onOpen }: Props) {
  const said = target.by
    ? t('merged.row', { name: target.by, title: target.title })
    : t('merged.rowAnon', { title: target.title });
  return (
    <p class="notice notice--info merged-into" role="note" data-testid="merged-into">
      {said}{' '}
      <button
        type="button"
        class="linklike"
        onClick={onOpen}
        aria-label={t('merged.openNamed', { title: target.title })}
      >
        {t('merged.open')}
      </button>
    </p>
  );
}
