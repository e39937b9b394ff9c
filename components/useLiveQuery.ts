import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Subscribes a component to a Dexie query: it re-renders when any context (popup, desk,
 * background) changes the rows the query read. `undefined` until the first answer, unless
 * `initial` gives what the same query answered a moment ago (read ahead of the component).
 */
export function useLiveQuery<T>(
  query: () => Promise<T> | T,
  deps: unknown[] = [],
  initial?: () => T | undefined,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => initial?.());
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error) => console.error('Indiscrets query', error),
    });
    return () => subscription.unsubscribe();
    // The query closes over `deps`; re-subscribing on their change is the point.
  }, deps);
  return value;
}
