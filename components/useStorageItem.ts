import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/** Reads a small setting and follows its changes from any context. `undefined` while loading. */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let alive = true;
    // A change heard before the first read answers is newer than that answer: it is kept.
    let changed = false;
    void item.getValue().then((v) => alive && !changed && setValue(v));
    const unwatch = item.watch((v) => {
      changed = true;
      setValue(v);
    });
    return () => {
      alive = false;
      unwatch();
    };
  }, [item]);
  return value;
}
