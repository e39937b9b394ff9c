import { useDataQuery } from './data';
import { SHARED_DESK_OFF, type SharedDesk } from './sharedDesk';

export type { SharedDesk } from './sharedDesk';

/**
 * Follows the shared desk's state in IndexedDB (written by the background's sync) from any
 * view, through the data layer loaded after the first paint (the popup paints without Dexie).
 * Sync off, or before the layer is loaded: `{ enabled: false }`, so the desk is as before.
 */
export function useSharedDesk(): SharedDesk {
  return useSharedDeskRead() ?? SHARED_DESK_OFF;
}

/**
 * The shared desk's state as {@link useSharedDesk} follows it, but `undefined` until read: for
 * what may not be done on a guess (a draft put in the trash before the role is known).
 */
export function useSharedDeskRead(): SharedDesk | undefined {
  return useDataQuery((data) => data.sharedDesk(), []);
}
