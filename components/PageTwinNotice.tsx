import { t } from '../locales';
import type { PageTwin } from './inboxRow';
import { useRefused } from './RoleReason';

interface Props {
  twin: PageTwin;
  /** Opens the other draft. */
  onOpen: () => void;
  /** Merges the other draft into this one (undoable); none in a row, where a drop merges. */
  onMerge?: () => void;
  /** Why the role may not merge the two (shared desk), if it may not. */
  mergeRefused?: string;
}

/**
 * Two editors clipped one page (offline, each into a draft of their own), and the sync brought
 * both drafts to each desk: said on the draft's row and in its editor, with who has the other,
 * a way to open it and, in the editor, to merge it into this one (`mergeDrafts`, undoable),
 * when the role may write both.
 */
export function PageTwinNotice({ twin, onOpen, onMerge, mergeRefused }: Props) {
  const merge = useRefused(mergeRefused);
  const said = twin.mine
    ? t('twin.mine')
    : twin.by
      ? t('twin.other', { name: twin.by })
      : t('twin.otherAnon');
  return (
    <p class="notice notice--info page-twin" role="note" data-testid="page-twin">
      {said}{' '}
      <button
        type="button"
        class="linklike"
        onClick={onOpen}
        aria-label={t('twin.openNamed', { title: twin.title })}
      >
        {t('twin.open')}
      </button>
      {onMerge && (
        <>
          {' · '}
          <button type="button" class="linklike" onClick={onMerge} {...merge.control}>
            {t('twin.merge')}
          </button>
          {merge.reason}
        </>
      )}
    </p>
  );
}
