/**
 * A yes or no a view keeps in this browser's localStorage (synchronous: read before its first
 * paint, where browser storage would answer too late), with the value it has when never written
 * or when localStorage is refused (disabled, full): `fallback`. Only the other value written
 * exactly (`'1'` or `'0'`) is read as it.
 */
export function localFlag(
  key: string,
  fallback: boolean,
): { read: () => boolean; write: (on: boolean) => void } {
  const other = fallback ? '0' : '1';
  return {
    read: () => {
      try {
        return localStorage.getItem(key) === other ? !fallback : fallback;
      } catch {
        return fallback;
      }
    },
    write: (on) => {
      try {
        localStorage.setItem(key, on ? '1' : '0');
      } catch {
        // Refused: the next view starts from `fallback`, nothing else is lost.
      }
    },
  };
}
