import { t } from '../locales';
import { db } from '../storage/db';
import type { DeskCan, SyncConflict, SyncRefusal, SyncState } from '../storage/sync-state';
import { roleName, strongestRole } from './roles';
import { useLiveQuery } from './useLiveQuery';

/** What the desk shows of the shared desk: the sync's state and what waits for the editor. */
export interface SharedDesk {
  /** Sync on (the shared desk is used); everything else is empty when it is off. */
  enabled: boolean;
  state?: SyncState;
  /** Records waiting to be pushed. */
  pending: number;
  conflicts: SyncConflict[];
  refusals: SyncRefusal[];
}

const OFF: SharedDesk = { enabled: false, pending: 0, conflicts: [], refusals: [] };

/**
 * Follows the shared desk's state in IndexedDB (written by the background's sync) from any
 * view. Sync off: `{ enabled: false }` and nothing else, so the desk is exactly as before.
 */
export function useSharedDesk(): SharedDesk {
  return (
    useLiveQuery(async () => {
      const state = await db.syncState.get('desk');
      if (!state?.enabled) return OFF;
      const [pending, conflicts, refusals] = await Promise.all([
        db.outbox.count(),
        db.conflicts.toArray(),
        db.refusals.toArray(),
      ]);
      return { enabled: true, state, pending, conflicts, refusals };
    }) ?? OFF
  );
}

/** An action a role may not take on the shared desk. */
export type GuardedAction = 'arrange' | 'publish' | 'editIssues';

/**
 * Why the current user may not do `action`, in one sentence naming the role it takes, or
 * `undefined` when they may (or when the desk is not shared: then everything is allowed).
 */
export function refusedReason(desk: SharedDesk, action: GuardedAction): string | undefined {
  const can: DeskCan | undefined = desk.enabled ? desk.state?.can : undefined;
  if (!can || can[action]) return undefined;
  const role = roleName(strongestRole(desk.state?.user?.roles ?? []));
  return t(`shared.cannot.${action}`, { role });
}
