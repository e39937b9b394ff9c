/**
 * The shared desk's sync engine (background only). Dexie stays the working copy: local writes
 * are queued in the outbox (storage/outbox.ts) and pushed; pulls ask only what changed since the
 * last cursor. Everything it needs to go on is in IndexedDB (outbox, sync records, cursors,
 * first-sync state), so a stopped MV3 service worker loses nothing: the next trigger resumes.
 *
 * Push, per outbox entry:
 * - never synced → create with the record's id as `clientId`; `exists` (a retried create whose
 *   answer was lost, or the same backup on two desks) → adopt the server's record and merge;
 * - synced → send only the fields that changed since the merge base, with `base_version`;
 *   `conflict` → 3-way merge against the base (storage of `syncRecords`): disjoint fields are
 *   merged and pushed again, and so is a text (body, chapô, shared note) both changed in
 *   different paragraphs (lib/block-merge.ts; the editor is told, `SyncState.textMerges`); a
 *   field both changed otherwise becomes a stored conflict for the editor (the local value is
 *   kept, nothing is dropped, the record waits);
 * - 403 → the local change is rolled back to the server's state and a typed refusal is kept;
 * - offline, timeout, server trouble → the run stops, the outbox waits.
 * Pull: each kind since its cursor (`modified_after`, paged, `_fields`), trash included; a
 * record with unpushed local edits is merged the same way.
 *
 * Runs are serialised: one at a time; a trigger during a run joins it (and a write during a run
 * asks for one more).
 *
 * The modules, one part of the engine each (a class built once per engine by {@link SyncCore},
 * reaching the others through it):
 * - engine.ts: {@link SyncEngine}, the public API and the run loop;
 * - core.ts: what the parts share (the database, the state's reads and writes, request options);
 * - membership.ts: joining (a first join or a rejoin), leaving, what a first sync would move;
 * - account.ts: whether the options still name the desk's user and site (an alias, a site that
 *   moved), the role asked again;
 * - push.ts: the outbox sent; refusals.ts: what WordPress refused, rolled back and told;
 * - pull.ts: the changes fetched; absorb.ts: a server record merged into the local copy;
 * - local-records.ts: the sync's quiet writes onto drafts and issues;
 * - conflicts.ts: the editor's choices; deletions.ts: a deletion meeting unseen work;
 * - notices.ts: what colleagues did, told (taken out, deleted, put back, replaced, merged);
 * - locks.ts: edit locks, their marks, and the checks before a merge or a publication;
 * - shared.ts: types, constants and helpers of several parts.
 */

export { SyncEngine } from './engine';
export {
  highestRole,
  MERGE_CHECK_MARK_MS,
  MERGE_CHECK_MS,
  type EngineProbe,
  type SyncDeps,
} from './shared';
export { nextCursor } from './pull';
export { LOCK_WINDOW_S } from './locks';
export { ALIAS_RETRY_MS, followPosts, movedAddress, ROLE_CHECK_MS } from './account';
