/**
 * A storage item defined the first time it is used rather than when its module loads. WXT reads
 * the extension's storage as soon as an item with a version is defined (to run its migrations),
 * and every page imports the settings: defined at load, each item cost the popup two storage
 * calls, and the browser the set-up of its storage bindings, before its first paint. Every read,
 * write or watch of the item still waits for its migrations (WXT's own guarantee), so nothing
 * ever reads a value of an older shape; migrations only run later, when the item is first used.
 */
export function definedOnUse<T extends object>(define: () => T): T {
  let item: T | undefined;
  const defined = () => (item ??= define());
  return new Proxy({} as T, {
    get(_, key) {
      const value: unknown = Reflect.get(defined(), key);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(defined())
        : value;
    },
    has: (_, key) => Reflect.has(defined(), key),
  });
}
