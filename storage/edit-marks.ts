import { EDIT_MARKS_KEPT, nextRev, type EditMark } from './db';

/** Who writes an editor's changes: its view, the journal time they carry, its open conflicts. */
export interface EditSource {
  /** The editor view (see `storage/journal.ts`). */
  view: string;
  /** The journal time of the latest keystroke written. */
  at: string;
  /** Fields the view holds in conflict, not written. */
  held: readonly string[];
}

/**
 * The marks of `current` once `source` has written `wrote` to it (the write raising `rev` by
 * one, as the table hooks do): the view's mark first, its older one and the oldest dropped.
 */
export function markEdit(
  current: { rev?: unknown; edits?: unknown },
  source: EditSource,
  wrote: readonly string[],
  unwritten: readonly string[],
): EditMark[] {
  const held = [...new Set([...source.held, ...unwritten])];
  const mark: EditMark = {
    view: source.view,
    at: source.at,
    rev: nextRev(current),
    wrote: [...wrote],
    ...(held.length > 0 ? { held } : {}),
  };
  // Only the newest mark's `wrote` is read (see `replayDecision`): the older ones go without.
  const older = Array.isArray(current.edits)
    ? (current.edits as EditMark[])
        .filter((m) => m?.view !== source.view)
        .map(({ wrote: _wrote, ...rest }) => rest)
    : [];
  return [mark, ...older].slice(0, EDIT_MARKS_KEPT);
}
