/**
 * The shared desk's sync engine (background only): engine.ts, with what it speaks of in
 * shared.ts. Imported from here (`services/sync`).
 */

export {
  ALIAS_RETRY_MS,
  followPosts,
  LOCK_WINDOW_S,
  movedAddress,
  nextCursor,
  ROLE_CHECK_MS,
  SyncEngine,
} from './engine';
export {
  highestRole,
  MERGE_CHECK_MARK_MS,
  MERGE_CHECK_MS,
  type EngineProbe,
  type SyncDeps,
} from './shared';
