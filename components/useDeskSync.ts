import { useEffect } from 'preact/hooks';
import { sendMessage, type SyncReason } from '../messaging/protocol';
import { useData, useDataQuery } from './data';

/** How often an open desk asks for changes. */
export const DESK_POLL_MS = 30_000;

/**
 * The shared desk's triggers that belong to a page (services/sync/ runs the sync in the
 * background): a sync when the popup or desk opens, every 30 s while a desk is open and
 * visible (no alarm: with no desk open nothing polls), on reconnect, after this page's own
 * writes (the background waits ~2 s for more), and when a desk comes back into view after a
 * poll fell due while it was hidden (an editor back from another tab sees the desk as it is
 * now, not up to 30 s later). Sync off: nothing at all is sent.
 *
 * It reads the database through the lazy data layer (`data.ts`), after the first paint: a static
 * import of the storage here would put Dexie back in the popup's first paint.
 */
export function useDeskSync(layout: 'popup' | 'desk'): void {
  const data = useData();
  const enabled = useDataQuery((loaded) => loaded.syncEnabled(), []);
  useEffect(() => {
    if (!data || !enabled) return;
    let lastAsked = 0;
    const ask = (reason: SyncReason) => {
      lastAsked = Date.now();
      void sendMessage('syncNow', { reason }).catch((error: unknown) =>
        console.error('Indiscrets sync', error),
      );
    };
    ask('open');
    const offWrites = data.onOutboxWrite(() => ask('write'));
    const online = () => ask('online');
    addEventListener('online', online);
    const hidden = () => document.visibilityState === 'hidden';
    const timer =
      layout === 'desk'
        ? setInterval(() => {
            if (!hidden()) ask('poll');
          }, DESK_POLL_MS)
        : undefined;
    // Read against the clock, not the skipped ticks: a hidden tab's timers are throttled (to
    // once a minute in Chrome after a while), so a tick may not even have come.
    const shown = () => {
      if (!hidden() && Date.now() - lastAsked >= DESK_POLL_MS) ask('poll');
    };
    if (timer) document.addEventListener('visibilitychange', shown);
    return () => {
      offWrites();
      removeEventListener('online', online);
      if (timer) {
        clearInterval(timer);
        document.removeEventListener('visibilitychange', shown);
      }
    };
  }, [data, enabled, layout]);
}
