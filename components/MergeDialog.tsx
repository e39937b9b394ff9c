import { useEffect, useRef, useState } from 'preact/hooks';
import { shortened } from '../lib/ellipsis';
import { t } from '../locales';
import { getDraft } from '../storage/draft-records';
import { searchDrafts } from '../storage/draft-search';
import { DRAFT_TEXT_LIMITS } from '../storage/record-values';
import { mergeDrafts } from '../storage/drafts';
import { wordFailure, type WordedFailure } from './failureText';
import { FailureDetail } from './FailureDetail';
import { mergedLabel, tellApartAll } from './mergedLabel';
import { mergeLockRefusal } from './mergeLock';
import { lockedBy, useLockLapse } from './DeskMarks';
import { deskRefusal } from './roles';
import { useLiveQuery } from './useLiveQuery';
import { deskUser } from './sharedDesk';
import { useSharedDesk } from './useSharedDesk';
import { useUndo } from './Undo';

/** A draft's site as the list names it: cut as its row cuts it (a backup's may be any length). */
const site = (name: string | undefined) =>
  name === undefined ? undefined : shortened(name, DRAFT_TEXT_LIMITS.siteName);

interface Props {
  sourceId: string;
  /** Called after the merge (true) or on cancel (false). */
  onDone: (merged: boolean) => void;
  /** Saves pending edits of the source first. */
  beforeMerge?: () => Promise<void>;
}

/** "Merge into…": pick the draft that absorbs this one. Undo puts both back. */
export function MergeDialog({ sourceId, onDone, beforeMerge }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<WordedFailure>();
  // A colleague opened one of the two drafts since the last sync: why nothing was merged, and
  // into which draft it was tried.
  const [refused, setRefused] = useState<{ text: string; targetId: string }>();
  const search = useRef<HTMLInputElement>(null);
  const { offer } = useUndo();
  // What had the focus when the dialog opened (« Fusionner dans… »): it gets it back on cancel.
  const opener = useRef(document.activeElement);
  // `autofocus` is ignored on elements added after the page loaded.
  useEffect(() => search.current?.focus(), []);

  /** Closes the dialog, nothing merged, the focus back where it was before it opened. */
  function cancel() {
    onDone(false);
    const back = opener.current;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  }
  const result = useLiveQuery(() => searchDrafts({ text, box: 'all', limit: 20 }), [text]);
  const candidates = result?.drafts.filter((draft) => draft.id !== sourceId) ?? [];
  // The shared desk: a draft the user may not write is listed greyed, with why; one greyed by
  // a colleague's lock is free again when the lock lapses.
  const desk = useSharedDesk();
  // Drafts of the same title (two editors clipped one page): what tells each apart, « vous »
  // for the desk's own user's.
  const me = deskUser(desk);
  const apart = tellApartAll(candidates, me);
  // The refusal goes with the lock the merge check marked (on either draft): when the mark
  // lapses, or a sync sees the lock released, as the greying goes.
  const tried = useLiveQuery(
    async () =>
      refused && {
        refused,
        marks: await Promise.all(
          [sourceId, refused.targetId].map(async (id) => (await getDraft(id))?.desk),
        ),
      },
    [refused],
  );
  const triedMarks = tried && tried.refused === refused ? tried.marks : [];
  useLockLapse([...candidates.map((draft) => draft.desk), ...triedMarks]);
  const refusal =
    refused && (tried?.refused !== refused || triedMarks.some((mark) => lockedBy(mark)))
      ? refused.text
      : undefined;

  async function merge(targetId: string, targetTitle: string) {
    try {
      await beforeMerge?.();
      setRefused(undefined);
      const locked = await mergeLockRefusal(sourceId, targetId, targetTitle);
      if (locked) {
        setRefused({ text: locked, targetId });
        return;
      }
      const token = await mergeDrafts(sourceId, targetId);
      offer(token, mergedLabel(token, me));
      onDone(true);
    } catch (e) {
      setError(wordFailure(t('merge.failed'), e));
    }
  }

  return (
    <div
      class="dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="merge-title"
      data-testid="merge-dialog"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // The desk's own Escape (back to the list) is not for this one.
        e.preventDefault();
        cancel();
      }}
    >
      <h2 id="merge-title">{t('merge.heading')}</h2>
      <input
        type="search"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={text}
        ref={search}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
      />
      <ul class="dialog__list">
        {candidates.map((draft, index) => {
          const told = apart[index];
          const refused = deskRefusal(desk, 'mergeInto', {
            kind: 'draft',
            desk: draft.desk,
            title: draft.title,
          });
          const reasonId = `merge-refused-${draft.id}`;
          return (
            <li key={draft.id}>
              <button
                type="button"
                class="linklike"
                disabled={!!refused}
                title={refused}
                aria-describedby={refused ? reasonId : undefined}
                onClick={() => void merge(draft.id, draft.title)}
              >
                {/* Cut as its row names it: a backup's title may be 2,000,000 characters. */}
                {shortened(draft.title, DRAFT_TEXT_LIMITS.title)}{' '}
                <span class="muted">
                  {told && told !== draft.siteName
                    ? [site(draft.siteName), told].filter(Boolean).join(' · ')
                    : site(draft.siteName)}
                </span>
              </button>
              {refused && (
                <span class="role-reason" id={reasonId} data-testid="role-reason">
                  {refused}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {result && candidates.length === 0 && <p class="muted">{t('search.none')}</p>}
      {refusal && (
        <p class="notice notice--error" role="alert" data-testid="merge-locked">
          {refusal}
        </p>
      )}
      {error && (
        <p class="notice notice--error" role="alert">
          {error.text}
          <FailureDetail detail={error.detail} />
        </p>
      )}
      <button type="button" class="button button--small" onClick={cancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
