import { t } from '../locales';
import type { DeskCan } from '../storage/sync-state';
import { useDataQuery } from './data';
import { roleName, strongestRole } from './roles';
import { SHARED_DESK_OFF, type SharedDesk } from './sharedDesk';

export type { SharedDesk } from './sharedDesk';

/**
 * Follows the shared desk's state in IndexedDB (written by the background's sync) from any
 * view, through the data layer loaded after the first paint (the popup paints without Dexie).
 * Sync off, or before the layer is loaded: `{ enabled: false }`, so the desk is as before.
 */
export function useSharedDesk(): SharedDesk {
  return useDataQuery((data) => data.sharedDesk(), []) ?? SHARED_DESK_OFF;
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
