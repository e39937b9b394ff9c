import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * The keyboard after a button of a list under `root` (`buttons`, a selector) removed its own
 * entry: once the list is drawn again (`drawn` changed), it goes to the button now at that
 * place (the next entry's), the previous one's for the last, else to `fallback` (a selector),
 * as the items do (IssueParts.tsx focusAfterRemoval), not to the page's body. Returns
 * what to call with the removed entry's place, before the change that removes it.
 */
export function useFocusAfterRemoval(
  root: RefObject<HTMLElement>,
  buttons: string,
  fallback: string,
  drawn: unknown,
): (index: number) => void {
  const removed = useRef<number>();
  useEffect(() => {
    const at = removed.current;
    if (at === undefined) return;
    removed.current = undefined;
    const left = root.current?.querySelectorAll<HTMLElement>(buttons) ?? [];
    (
      left[Math.min(at, left.length - 1)] ?? root.current?.querySelector<HTMLElement>(fallback)
    )?.focus();
  }, [drawn]);
  return (index) => {
    removed.current = index;
  };
}
