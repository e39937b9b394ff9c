import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

/**
 * The source of the page's last drag (its `dragstart` target), watched from the first drop
 * target drawn: a drag whose source left the page meanwhile (its row scrolled out of a list,
 * removed by a colleague's change) has its end told to that source alone, no longer in the
 * page, whose `dragend` then never reaches the document.
 */
let dragSource: EventTarget | null = null;
let watchingSources = false;
function watchDragSources() {
  if (watchingSources) return;
  watchingSources = true;
  document.addEventListener('dragstart', (event) => (dragSource = event.target), true);
}

/**
 * Clears a drop indicator (`clear`) while it is drawn (`drawn`) when any drag of the page ends:
 * dropped anywhere (`drop`) or given up (`dragend`: Escape, a drop refused, a release outside
 * the page), its source still in the page or not. Chromium tells a drag given up only to its
 * source, not to the place it was over, whose outline or marker otherwise stays drawn until
 * another drag passes over and leaves it. Each of the desk's drop targets (the inbox, a draft's
 * row, the issue list, the empty issue) clears its own this one way.
 *
 * A drag from another window (a second desk) tells this page nothing when it is given up over
 * it: its source, and its `dragend`, are in the other. The pointer moving here as a pointer
 * again (`mousemove`, `mousedown`: a page gets none while a drag is under way, only drag events)
 * says it is over, before the editor can reach anything.
 */
export function useDragEndClears(drawn: boolean, clear: () => void): void {
  const latest = useRef(clear);
  latest.current = clear;
  useEffect(watchDragSources, []);
  // Listening from the very commit that draws it: a drag ended between that commit and a
  // passive effect (run after the next paint) would leave it drawn for good.
  useLayoutEffect(() => {
    if (!drawn) return;
    const ended = () => latest.current();
    const source = dragSource;
    const kinds = ['dragend', 'drop', 'mousemove', 'mousedown'];
    for (const kind of kinds) document.addEventListener(kind, ended, true);
    source?.addEventListener('dragend', ended);
    return () => {
      for (const kind of kinds) document.removeEventListener(kind, ended, true);
      source?.removeEventListener('dragend', ended);
    };
  }, [drawn]);
}
