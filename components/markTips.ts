/**
 * Where the box that says what a conflict's mark differs by goes, and which mark the arrow keys
 * move to: pure, measured rectangles in, positions out (the component measures and moves).
 */

/** A rectangle in the window's coordinates, as `getBoundingClientRect` gives one. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where the box goes: its top left corner in the window, and on which side of the mark. */
export interface TipPlace {
  left: number;
  top: number;
  side: 'below' | 'above';
}

/** The room between the mark and its box: the mark's underline stays in sight. */
export const TIP_GAP = 4;

/** The part of `a` inside `b` (empty, right before left, when they do not meet). */
export function within(a: Box, b: Box): Box {
  return {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
}

/**
 * The box of `size` (measured at most as wide as `bounds`) beside `mark`, inside `bounds` (the
 * window and the desk's column): under the mark where it fits, as it reads, else over it, and
 * when neither side has room, on the side with more, still off the mark (the words it describes
 * are never hidden by it). Its left edge is the mark's, moved left as far as the box needs to
 * end inside `bounds`, but never past their left edge.
 */
export function placeTip(
  mark: Box,
  size: { width: number; height: number },
  bounds: Box,
  gap = TIP_GAP,
): TipPlace {
  const left = Math.max(bounds.left, Math.min(mark.left, bounds.right - size.width));
  const below = bounds.bottom - (mark.bottom + gap);
  const above = mark.top - gap - bounds.top;
  const side =
    size.height <= below ? 'below' : size.height <= above || above > below ? 'above' : 'below';
  const top = side === 'below' ? mark.bottom + gap : mark.top - gap - size.height;
  return { left, top, side };
}

/**
 * The mark the key moves to, from mark `index` of `count` in one version (its marks a single
 * Tab stop, the arrow keys between them, as in a toolbar): the next with → or ↓, the previous
 * with ← or ↑, the first with Home, the last with End; no wrapping past either end. `undefined`
 * for any other key, which is left to the page.
 */
export function markMove(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
