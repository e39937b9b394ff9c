import { useEffect, useRef } from 'preact/hooks';

/**
 * Clears a drop indicator (`clear`) while it is drawn (`drawn`) when any drag of the page ends:
 * dropped anywhere (`drop`) or given up (`dragend`: Escape, a drop refused, a release outside
 * the page). Chromium tells a drag given up only to its source, not to the place it was over,
 * whose outline or marker otherwise stays drawn until another drag passes over and leaves it.
 * Each of the desk's drop targets (the inbox, a draft's row, the issue list, the empty issue)
 * clears its own this one way.
 */
export function useDragEndClears(drawn: boolean, clear: () => void): void {
  const latest = useRef(clear);
  latest.current = clear;
  useEffect(() => {
    if (!drawn) return;
    const ended = () => latest.current();
    document.addEventListener('dragend', ended, true);
    document.addEventListener('drop', ended, true);
    return () => {
      document.removeEventListener('dragend', ended, true);
      document.removeEventListener('drop', ended, true);
    };
  }, [drawn]);
}
