import { useEffect, useLayoutEffect, useState } from 'preact/hooks';

/** The database layer of the extension pages, loaded on demand: see `inboxData.ts`. */
export type Data = typeof import('./inboxData');

let loading: Promise<Data> | undefined;

/**
 * Loads the database layer once and prepares it (journal replayed, old trash emptied).
 * Every view that reads the database waits for it, so none reads before the replay.
 */
export function loadData(): Promise<Data> {
  loading ??= import('./inboxData').then(async (data) => {
    await data.prepare();
    return data;
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
      (error) => console.error('Indiscrets data', error),
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
   * just typed. The others wait, so that they never delay a paint.
   */
  now?: boolean;
}

/**
 * Subscribes a component to a Dexie query of the database layer: it re-renders when any
 * context changes the rows the query read. `undefined` until the layer is loaded and the query
 * answered, and whenever `query` answers `undefined` (nothing to ask yet).
 */
export function useDataQuery<T>(
  query: (data: Data) => Promise<T> | T | undefined,
  deps: unknown[],
  { now = false }: QueryOptions = {},
): T | undefined {
  const data = useData();
  const [value, setValue] = useState<T | undefined>(undefined);
  // One call site always passes the same `now`: the same hook runs at every render.
  const useSubscription = now ? useLayoutEffect : useEffect;
  useSubscription(() => {
    if (!data) return;
    const subscription = data
      .liveQuery(() => query(data))
      .subscribe({
        next: (next) => setValue(() => next),
        error: (error) => console.error('Indiscrets query', error),
      });
    return () => subscription.unsubscribe();
    // The query closes over `deps`; re-subscribing on their change is the point.
  }, [data, ...deps]);
  return value;
}
