import { t } from '../locales/core';
import type { MergeTarget } from '../storage/draft-records';
import { isMe, useOwnUser } from './DeskMarks';
import { draftName } from './draftName';

interface Props {
  target: MergeTarget;
  /** Opens the draft it was merged into. */
  onOpen: () => void;
}

/**
 * A draft in the trash that another editor merged into a draft (shared desk): said on its row
 * in the trash, with who did it and a way to open the draft its content went into (once this
 * browser has it). The draft's own editor says it in its trash notice (see DraftEditor). The
 * desk's own user, who merged it in another browser, is « vous » (« Fusionné par vous dans
 * « … » »), told by their WordPress id, never by the name; a mark without the id names.
 */
export function MergedIntoNotice({ target, onOpen }: Props) {
  const me = useOwnUser();
  const { by } = target;
  const where = mergedCase(target);
  // A draft with no name is named (« Brouillon sans titre »), as its row names it.
  const title = target.title === undefined ? undefined : draftName(target.title);
  const said = isMe(target.byId, me)
    ? t(`merged.row${where}You`, { title: title ?? '' })
    : by
      ? t(`merged.row${where}`, { name: by, title: title ?? '' })
      : t(`merged.row${where}Anon`, { title: title ?? '' });
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

/**
 * Where the draft it went into is, as the merged draft's notices say it (the suffix of their
 * messages' keys, here and in its editor): here (''), here but in the trash too (opened there, to
 * be restored), not here yet (to be opened once the sync brings it), or gone from the desk (it
 * will not come, unless sent to the desk again).
 */
export function mergedCase(target: MergeTarget): '' | 'Trashed' | 'Pending' | 'Gone' {
  if (target.title !== undefined) return target.trashed ? 'Trashed' : '';
  return target.gone ? 'Gone' : 'Pending';
}
