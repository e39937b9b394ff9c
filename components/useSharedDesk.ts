import { useEffect, useState } from 'preact/hooks';
import { loadData } from './data';
import { SHARED_DESK_OFF, type SharedDesk } from './sharedDesk';

export type { SharedDesk } from './sharedDesk';

/** The views following the shared desk's state, each told of every new state. */
const listeners = new Set<(desk: SharedDesk) => void>();
/** The state last read, while anyone follows it. */
let last: SharedDesk | undefined;
/** Stops the one query that follows it for every view (set while anyone follows it). */
let stop: (() => void) | undefined;

/** Starts the one live query of the shared desk's state, once for all the views. */
function follow() {
  if (stop) return;
  let stopped = false;
  let subscription: { unsubscribe(): void } | undefined;
  stop = () => {
    stopped = true;
    subscription?.unsubscribe();
  };
  loadData().then(
    (data) => {
      if (stopped) return;
      subscription = data
        .liveQuery(() => data.sharedDesk())
        .subscribe({
          next: (desk) => {
            last = desk;
            for (const listener of listeners) listener(desk);
          },
          error: (error) => console.error('Indiscrets query', error),
        });
    },
    (error: unknown) => console.error('Indiscrets data', error),
  );
}

/**
 * Follows the shared desk's state in IndexedDB (written by the background's sync) from any
 * view, through the data layer loaded after the first paint (the popup paints without Dexie).
 * Sync off, or before the layer is loaded: `{ enabled: false }`, so the desk is as before.
 *
 * Every view of a page asks it (a dozen on the desk, each role-gated control): they share one
 * query, a view drawn after it answered starts from its answer, and sync off is answered with
 * the very object they started from, so that nothing is drawn twice for it.
 */
export function useSharedDesk(): SharedDesk {
  const [desk, setDesk] = useState<SharedDesk>(() => last ?? SHARED_DESK_OFF);
  useEffect(() => {
    listeners.add(setDesk);
    follow();
    if (last) setDesk(last);
    return () => {
      listeners.delete(setDesk);
      if (listeners.size > 0) return;
      // Nobody follows it any more: what was read may go stale, and is forgotten.
      stop?.();
      stop = undefined;
      last = undefined;
    };
  }, []);
  return desk;
}
