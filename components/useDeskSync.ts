import { useEffect } from 'preact/hooks';
import { sendMessage, type SyncReason } from '../messaging/protocol';
import { useData, useDataQuery } from './data';

/** How often an open desk asks for changes. */
export const DESK_POLL_MS = 30_000;

/**
 * The shared desk's triggers that belong to a page (services/sync.ts runs the sync in the
 * background): a sync when the popup or desk opens, every 30 s while a desk is open and
 * visible (no alarm: with no desk open nothing polls), on reconnect, and after this page's
 * own writes (the background waits ~2 s for more). Sync off: nothing at all is sent.
 *
 * It reads the database through the lazy data layer (`data.ts`), after the first paint: a static
 * import of the storage here would put Dexie back in the popup's first paint.
 */
export function useDeskSync(layout: 'popup' | 'desk'): void {
  const data = useData();
  const enabled = useDataQuery((loaded) => loaded.syncEnabled(), []);
  useEffect(() => {
    if (!data || !enabled) return;
    const ask = (reason: SyncReason) =>
      void sendMessage('syncNow', { reason }).catch((error: unknown) =>
        console.error('Indiscrets sync', error),
      );
    ask('open');
    const offWrites = data.onOutboxWrite(() => ask('write'));
    const online = () => ask('online');
    addEventListener('online', online);
    const timer =
      layout === 'desk'
        ? setInterval(() => {
            if (document.visibilityState !== 'hidden') ask('poll');
          }, DESK_POLL_MS)
        : undefined;
    return () => {
      offWrites();
      removeEventListener('online', online);
      if (timer) clearInterval(timer);
    };
  }, [data, enabled, layout]);
}
