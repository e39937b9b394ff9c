import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { reportLoadFailure } from '../lib/page-leaving';

/**
 * Subscribes a component to a Dexie query: it re-renders when any context (popup, desk,
 * background) changes the rows the query read. `undefined` until the first answer.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error) => reportLoadFailure('Indiscrets query', error),
    });
    return () => subscription.unsubscribe();
    // The query closes over `deps`; re-subscribing on their change is the point.
  }, deps);
  return value;
}
