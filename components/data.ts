import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { loadWithRetries, reportLoadFailure } from '../lib/page-leaving';

/** The database layer of the extension pages, loaded on demand: see `inboxData.ts`. */
export type Data = typeof import('./inboxData');

let loading: Promise<Data> | undefined;

/**
 * Loads the database layer once and prepares it (journal replayed, old trash emptied).
 * Every view that reads the database waits for it, so none reads before the replay.
 * A failed import is tried again after a short wait (`loadWithRetries`). A load that failed all
 * the same is not kept: the next call tries again (a chunk can fail to load while the extension
 * updates, and Firefox fails the loads of a closing page).
 */
export function loadData(): Promise<Data> {
  loading ??= loadWithRetries(() => import('./inboxData'))
    .then(async (data) => {
      await data.prepare();
      return data;
    })
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

/** The database layer once loaded and prepared; `undefined` for the first paint. */
export function useData(): Data | undefined {
  const [data, setData] = useState<Data>();
  useEffect(() => {
    let live = true;
    loadData().then(
      (loaded) => live && setData(() => loaded),
      (error) => reportLoadFailure('Indiscrets data', error),
    );
    return () => {
      live = false;
    };
  }, []);
  return data;
}

/** How a query of {@link useDataQuery} is started. */
interface QueryOptions {
  /**
   * Start the query as soon as the component is drawn (a layout effect) rather than after the
   * next frame (an effect): for what the editor is waiting for, such as the results of what they
   * just typed. Dexie's `liveQuery` runs its first query on a timer, after the browser has drawn
   * a frame (5–10 ms on a loaded machine): this one is read at once, then watched. The others
   * wait, so that they never delay a paint.
   */
  now?: boolean;
}

/**
 * Subscribes a component to a Dexie query of the database layer: it re-renders when any
 * context changes the rows the query read. `undefined` until the layer is loaded and the query
 * answered, and whenever `query` answers `undefined` (nothing to ask yet).
 */
export function useDataQuery<T>(
  query: (data: Data, signal: AbortSignal) => Promise<T> | T | undefined,
  deps: unknown[],
  { now = false }: QueryOptions = {},
): T | undefined {
  const data = useData();
  const [value, setValue] = useState<T | undefined>(undefined);
  // One call site always passes the same `now`: the same hook runs at every render.
  const useSubscription = now ? useLayoutEffect : useEffect;
  useSubscription(() => {
    if (!data) return;
    let closed = false;
    // Aborted once the query is left (its deps changed: the next keystroke): a search that
    // takes it stops early, rather than running on behind the next one's.
    const left = new AbortController();
    let subscription: { unsubscribe(): void } | undefined;
    const failed = (error: unknown) => reportLoadFailure('Indiscrets query', error);
    const watch = () => {
      subscription = data
        .liveQuery(() => query(data, left.signal))
        .subscribe({ next: (next) => setValue(() => next), error: failed });
    };
    if (now) {
      // Read now; watched from then on (the live query reads again, and follows every change).
      Promise.resolve()
        .then(() => query(data, left.signal))
        .then(
          (first) => {
            if (closed) return;
            setValue(() => first);
            watch();
          },
          (error) => {
            if (closed) return;
            failed(error);
            watch();
          },
        );
    } else watch();
    return () => {
      closed = true;
      subscription?.unsubscribe();
      left.abort();
    };
    // The query closes over `deps`; re-subscribing on their change is the point.
  }, [data, ...deps]);
  return value;
}
