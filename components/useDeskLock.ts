import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../messaging/protocol';
import type { DeskMarkLock, SyncKind } from '../storage/sync-state';

/** A lock lasts 150 s on the server: renewed every minute while the editor stays open. */
const RENEW_MS = 60_000;

/**
 * While a shared record is open in an editor, holds its edit lock (WordPress's own post lock,
 * through the background): taken on opening, renewed every minute, released on closing. Answers
 * the name of the other editor when someone else holds it. Does nothing, and answers nobody,
 * when `active` is false (sync off, a record never shared, or one in the trash, which nobody is
 * editing: a colleague's name said before the trash is not said beside it).
 *
 * The other editor's lock is said until it lapses, not a renewal longer: a colleague whose
 * desk closed without releasing it (the browser quit) stops being named when WordPress stops
 * holding the lock for them, and this editor takes it then. `marked`: whether the record's desk
 * mark (`desk.lock`, which a refused take marks and each sync brings up to date) still names
 * another's lock; once a sync took it away, the lock is asked for again at once.
 */
export function useDeskLock(
  kind: SyncKind,
  id: string,
  active: boolean,
  marked = false,
): string | undefined {
  const [held, setHeld] = useState<DeskMarkLock>();
  // The take of the running effect, to ask again before its time.
  const again = useRef<() => void>();
  useEffect(() => {
    if (!active) return undefined;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const take = () =>
      sendMessage('deskLock', { kind, id }).then(
        (answer) => {
          if (!alive) return;
          const other = !answer.ok && 'lock' in answer ? answer.lock : undefined;
          setHeld(other);
          // Asked again when the other's lock lapses, or in a minute to renew this editor's own
          // (or when the lapse cannot be told: an expiry already past by this clock, which
          // the site's disagrees with, is not asked for again at once, over and over).
          const lapse = other ? Date.parse(other.expires) - Date.now() + 1 : NaN;
          schedule(lapse > 0 ? Math.min(RENEW_MS, lapse) : RENEW_MS);
        },
        () => {
          if (alive) schedule(RENEW_MS);
        },
      );
    const schedule = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => void take(), ms);
    };
    again.current = () => void take();
    void take();
    return () => {
      alive = false;
      again.current = undefined;
      clearTimeout(timer);
      // Named no longer once inactive (the record went to the trash): taken afresh if it
      // comes back, and said then only if the colleague holds it again.
      setHeld(undefined);
      void sendMessage('deskLock', { kind, id, release: true }).catch(() => undefined);
    };
  }, [kind, id, active]);
  // The sync saw the colleague's lock go (released: they left the draft, or closed their
  // desk): asked again now, rather than at the next renewal, up to a minute later.
  // A mark going, not one not there yet: a refused take marks the record, and its answer may
  // reach this view before the mark does.
  const wasMarked = useRef(marked);
  useEffect(() => {
    if (wasMarked.current && !marked && held) again.current?.();
    wasMarked.current = marked;
  }, [marked]);
  return active ? held?.by : undefined;
}
