import { useEffect } from 'preact/hooks';
import { sendMessage, type SyncReason } from '../messaging/protocol';
import { loadData, type Data } from './data';

/** How often an open desk asks for changes. */
export const DESK_POLL_MS = 30_000;

/** Asks for syncs at the page's moments (see useDeskSync); returns what stops them. */
function askForSyncs(data: Data, layout: 'popup' | 'desk'): () => void {
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
}

/**
 * The shared desk's triggers that belong to a page (services/sync.ts runs the sync in the
 * background): a sync when the popup or desk opens, every 30 s while a desk is open and
 * visible (no alarm: with no desk open nothing polls), on reconnect, and after this page's
 * own writes (the background waits ~2 s for more). Sync off: nothing at all is sent.
 *
 * It reads the database through the lazy data layer (`data.ts`), after the first paint: a static
 * import of the storage here would put Dexie back in the popup's first paint. It holds no state:
 * the page (App, around everything) is never drawn again for it.
 */
export function useDeskSync(layout: 'popup' | 'desk'): void {
  useEffect(() => {
    let stopped = false;
    let subscription: { unsubscribe(): void } | undefined;
    let stopAsking: (() => void) | undefined;
    loadData().then(
      (data) => {
        if (stopped) return;
        subscription = data
          .liveQuery(() => data.syncEnabled())
          .subscribe({
            next: (enabled) => {
              if (enabled && !stopAsking) stopAsking = askForSyncs(data, layout);
              if (!enabled && stopAsking) {
                stopAsking();
                stopAsking = undefined;
              }
            },
            error: (error) => console.error('Indiscrets query', error),
          });
      },
      (error: unknown) => console.error('Indiscrets data', error),
    );
    return () => {
      stopped = true;
      subscription?.unsubscribe();
      stopAsking?.();
    };
  }, [layout]);
}
