import { useEffect, useState } from 'preact/hooks';
import { reportLoadFailure } from '../lib/page-leaving';
import { t } from '../locales/core';
import type { DeskMark } from '../storage/sync-state';
import { loadData } from './data';

interface Props {
  mark: DeskMark | undefined;
  /** A draft is « coupé par », an issue « créé par ». */
  kind: 'draft' | 'issue';
  /** Now, for the lock's expiry (tests pin it). */
  now?: number;
}

/** Whether another editor holds a fresh edit lock on the record. */
export function lockedBy(mark: DeskMark | undefined, now = Date.now()): string | undefined {
  const lock = mark?.lock;
  return lock && Date.parse(lock.expires) > now ? lock.by : undefined;
}

/**
 * Draws the view again when the first of these marks' locks lapses, so that what a lock greys
 * (a draft to merge into, a drop target) is free again then, not at the next change of the
 * database: a lock read once by a merge check lapses before any sync sees it (see
 * `MERGE_CHECK_MARK_MS`, services/sync/shared.ts).
 */
export function useLockLapse(marks: readonly (DeskMark | undefined)[]): void {
  const [, redraw] = useState(0);
  const now = Date.now();
  let next = Infinity;
  for (const mark of marks) {
    const at = mark?.lock ? Date.parse(mark.lock.expires) : NaN;
    if (at > now && at < next) next = at;
  }
  useEffect(() => {
    if (next === Infinity) return;
    const timer = setTimeout(() => redraw((n) => n + 1), next - Date.now() + 1);
    return () => clearTimeout(timer);
  }, [next]);
}

/**
 * The desk's own user (their WordPress id, see `ownDeskUser`), watched once for every mark the
 * page draws: a list draws a mark on each of its rows, and a query each would read the sync's
 * state as many times at each of its changes. The last id known is kept while no mark is drawn,
 * so that marks drawn again (another view) say « vous » at once.
 */
const own = {
  me: null as number | null,
  views: new Set<(me: number | null) => void>(),
  stop: undefined as (() => void) | undefined,
};

function watchOwnUser(): void {
  let stopped = false;
  let subscription: { unsubscribe(): void } | undefined;
  own.stop = () => {
    stopped = true;
    subscription?.unsubscribe();
    own.stop = undefined;
  };
  loadData().then(
    (data) => {
      if (stopped) return;
      subscription = data
        .liveQuery(() => data.ownDeskUser())
        .subscribe({
          next: (me) => {
            own.me = me;
            for (const view of own.views) view(me);
          },
          error: (error: unknown) => reportLoadFailure('Indiscrets query', error),
        });
    },
    (error: unknown) => reportLoadFailure('Indiscrets data', error),
  );
}

/**
 * The desk's own WordPress user id; null with sync off (or before the database answers). One
 * watch for every view that asks (the marks, the merged drafts' notices in the trash).
 */
export function useOwnUser(): number | null {
  const [me, setMe] = useState(own.me);
  useEffect(() => {
    own.views.add(setMe);
    if (!own.stop) watchOwnUser();
    setMe(own.me);
    return () => {
      own.views.delete(setMe);
      if (own.views.size === 0) own.stop?.();
    };
  }, []);
  return me;
}

/**
 * Whether the mark's `id` is the desk's own user (`me`): « vous » then. By the id only, never
 * by the name (two editors can share one); a mark kept before its ids were (no id) names.
 */
export const isMe = (id: number | undefined, me: number | null) => id !== undefined && id === me;

/**
 * Who clipped (created) a shared record, who last edited it (one name, said once, when it is the
 * same person) and who is editing it right now. The desk's own user is « vous » (« Coupé par
 * vous · modifié par Paul »), as elsewhere on the desk. The lock is never theirs: the sync marks
 * the locks other editors hold only.
 * Nothing on a record that was never shared: the desk looks as it did without sync.
 */
export function DeskMarks({ mark, kind, now }: Props) {
  const me = useOwnUser();
  if (!mark) return null;
  const editing = lockedBy(mark, now);
  // The same hands clipped and last edited it: said once, not « Coupé par X · modifié par X ».
  // By the ids when the mark has them (two editors may share a name), else by the names.
  const sameHands =
    !!mark.createdBy &&
    (mark.createdById !== undefined && mark.modifiedById !== undefined
      ? mark.createdById === mark.modifiedById
      : mark.createdBy === mark.modifiedBy);
  const createdByMe = isMe(mark.createdById, me);
  return (
    <p class="desk-marks" data-testid="desk-marks">
      {sameHands ? (
        <span>
          {createdByMe
            ? t(
                kind === 'draft'
                  ? 'shared.marks.clippedEditedByYou'
                  : 'shared.marks.createdEditedByYou',
              )
            : t(
                kind === 'draft' ? 'shared.marks.clippedEditedBy' : 'shared.marks.createdEditedBy',
                {
                  name: mark.createdBy!,
                },
              )}
        </span>
      ) : (
        <>
          {mark.createdBy && (
            <span>
              {createdByMe
                ? t(kind === 'draft' ? 'shared.marks.clippedByYou' : 'shared.marks.createdByYou')
                : t(kind === 'draft' ? 'shared.marks.clippedBy' : 'shared.marks.createdBy', {
                    name: mark.createdBy,
                  })}
            </span>
          )}
          {mark.modifiedBy && (
            <span>
              {mark.createdBy ? ' · ' : ''}
              {isMe(mark.modifiedById, me)
                ? t('shared.marks.editedByYou')
                : t('shared.marks.editedBy', { name: mark.modifiedBy })}
            </span>
          )}
        </>
      )}
      {editing && (
        <span
          class="desk-marks__lock"
          data-testid="desk-lock"
          title={t('shared.marks.lockHelp', { name: editing })}
        >
          {mark.createdBy || mark.modifiedBy ? ' · ' : ''}✎{' '}
          {t('shared.marks.editing', { name: editing })}
        </span>
      )}
    </p>
  );
}
