import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../messaging/protocol';
import type { SyncKind } from '../storage/sync-state';

/** A lock lasts 150 s on the server: renewed every minute while the editor stays open. */
const RENEW_MS = 60_000;

/**
 * While a shared record is open in an editor, holds its edit lock (WordPress's own post lock,
 * through the background): taken on opening, renewed every minute, released on closing. Answers
 * the name of the other editor when someone else holds it. Does nothing when `active` is false
 * (sync off, or a record never shared).
 */
export function useDeskLock(kind: SyncKind, id: string, active: boolean): string | undefined {
  const [heldBy, setHeldBy] = useState<string>();
  useEffect(() => {
    if (!active) return undefined;
    let alive = true;
    const take = () =>
      sendMessage('deskLock', { kind, id }).then(
        (answer) => {
          if (!alive) return;
          setHeldBy(!answer.ok && 'lock' in answer ? answer.lock.by : undefined);
        },
        () => undefined,
      );
    void take();
    const timer = setInterval(() => void take(), RENEW_MS);
    return () => {
      alive = false;
      clearInterval(timer);
      void sendMessage('deskLock', { kind, id, release: true }).catch(() => undefined);
    };
  }, [kind, id, active]);
  return heldBy;
}
