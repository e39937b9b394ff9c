import type { SyncConflict, SyncRefusal, SyncState } from '../storage/sync-state';

/**
 * What the desk shows of the shared desk: the sync's state and what waits for the editor.
 * Declared apart from the hook so that the data layer (loaded after the first paint) and the
 * views share it without the views importing the database.
 */
export interface SharedDesk {
  /** Sync on (the shared desk is used); everything else is empty when it is off. */
  enabled: boolean;
  state?: SyncState;
  /** Records waiting to be pushed. */
  pending: number;
  conflicts: SyncConflict[];
  refusals: SyncRefusal[];
}

/** The shared desk when sync is off (or not read yet). */
export const SHARED_DESK_OFF: SharedDesk = {
  enabled: false,
  pending: 0,
  conflicts: [],
  refusals: [],
};

/**
 * The desk's own user as the sentences about a publication take it (`publishedLine`,
 * `sentStatus`): their WordPress id (0 before the first sync named them), null with no desk.
 */
export function deskUser(desk: SharedDesk): number | null {
  return desk.enabled ? (desk.state?.user?.id ?? 0) : null;
}
