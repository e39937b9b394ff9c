import { useEffect, useState } from 'preact/hooks';
import { t } from '../locales/core';
import type { DeskMark } from '../storage/sync-state';

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
 * `MERGE_CHECK_MARK_MS`, services/sync.ts).
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
 * Who clipped (created) a shared record, who last edited it (one name, said once, when it is the
 * same person) and who is editing it right now.
 * Nothing on a record that was never shared: the desk looks as it did without sync.
 */
export function DeskMarks({ mark, kind, now }: Props) {
  if (!mark) return null;
  const editing = lockedBy(mark, now);
  // The same hands clipped and last edited it: one name, not « Coupé par X · modifié par X ».
  const sameHands =
    mark.createdBy && mark.createdBy === mark.modifiedBy ? mark.createdBy : undefined;
  return (
    <p class="desk-marks" data-testid="desk-marks">
      {sameHands ? (
        <span>
          {t(kind === 'draft' ? 'shared.marks.clippedEditedBy' : 'shared.marks.createdEditedBy', {
            name: sameHands,
          })}
        </span>
      ) : (
        <>
          {mark.createdBy && (
            <span>
              {t(kind === 'draft' ? 'shared.marks.clippedBy' : 'shared.marks.createdBy', {
                name: mark.createdBy,
              })}
            </span>
          )}
          {mark.modifiedBy && (
            <span>
              {mark.createdBy ? ' · ' : ''}
              {t('shared.marks.editedBy', { name: mark.modifiedBy })}
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
