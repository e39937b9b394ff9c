/**
 * What the shared desk's sync keeps in IndexedDB: the outbox, each record's sync state (the
 * merge base), the conflicts and refusals waiting for the editor, and the sync's own state.
 * Everything the sync needs to go on after the MV3 service worker stopped lives here, not in
 * memory. Types, small readers and the clearing of what the desk left here
 * ({@link clearDeskRecords}) only: the engine is `services/sync/`, the outbox is written
 * by the middleware in `storage/outbox.ts`.
 */

import type { IndiscretsDB } from './db';

/** Which kind of record: a draft (`clips` table) or an issue (`issues` table). */
export type SyncKind = 'draft' | 'issue';

/** The roles WordPress gives; the plugin maps its rights onto them. */
export type DeskRole = 'administrator' | 'editor' | 'author' | 'contributor' | 'subscriber';

/** What the current user may do on the shared desk (the plugin's discovery `can`). */
export interface DeskCan {
  read: boolean;
  clip: boolean;
  editOwn: boolean;
  editOthers: boolean;
  trashOwn: boolean;
  trashOthers: boolean;
  editIssues: boolean;
  arrange: boolean;
  publish: boolean;
  deleteForever: boolean;
}

/** The edit lock another editor holds on a record. */
export interface DeskMarkLock {
  /** Display name of the editor holding it. */
  by: string;
  /** Their WordPress user id. */
  userId: number;
  /** When they took it (ISO 8601). */
  since: string;
  /** When it lapses unless renewed (ISO 8601). */
  expires: string;
}

/**
 * Who did what on a shared record, for the desk to show. Written by the sync only; absent on a
 * record that was never synced (sync off: records are exactly as before).
 */
export interface DeskMark {
  /** WordPress's id of the record. */
  remoteId: number;
  /** Display name of who clipped the draft (created the issue). */
  createdBy?: string;
  /**
   * WordPress user id of who clipped the draft (created the issue): the marks say « vous » when
   * it is the desk's own user. Absent on a mark written before it was kept: the name is said.
   */
  createdById?: number;
  /** Display name of who last wrote it on the server. */
  modifiedBy?: string;
  /** WordPress user id of who last wrote it on the server (see `createdById`). */
  modifiedById?: number;
  /** When it was last written on the server (ISO 8601). */
  modifiedAt?: string;
  /** In the trash: display name of who put it there (`modifiedBy` may be a later writer). */
  trashedBy?: string;
  /**
   * In the trash: WordPress user id of who put it there (see `createdById`): the trash and merge
   * notices say « vous » when it is the desk's own user. Absent on a mark kept before it was.
   */
  trashedById?: number;
  /**
   * In the trash after another editor merged it into a draft (« Fusionner dans… »): that
   * draft's id (its clientId, the same in every browser). Taken off when it is restored.
   */
  mergedInto?: string;
  /**
   * The desk answered it no longer has the draft `mergedInto` names (deleted for good): said so,
   * and not asked for again. A pull that brings this draft again writes its mark afresh.
   */
  mergedIntoGone?: boolean;
  /** The edit lock, when another editor holds it. */
  lock?: DeskMarkLock;
  /** The server's answer to "may the current user edit it". */
  canEdit?: boolean;
  /** The server's answer to "may the current user trash it". */
  canTrash?: boolean;
}

/** One record waiting to be pushed: the outbox holds at most one entry per record. */
export interface OutboxEntry {
  /** `draft:<id>` or `issue:<id>`. */
  key: string;
  kind: SyncKind;
  /** The record's local id (its `clientId` on the server). */
  recordId: string;
  /** `upsert`: send the record as it is now; `delete`: it was deleted locally. */
  op: 'upsert' | 'delete';
  /** When the record was first queued since its last push (ISO 8601). */
  queuedAt: string;
  /** Raised on every local write of the record: a push compares it to know it pushed the last. */
  seq: number;
  /** Failed pushes of this entry (not counting network trouble). */
  attempts: number;
  /** Set while a conflict waits for the editor: the record is not pushed meanwhile. */
  blocked?: 'conflict';
  /** Why the last push of this entry failed, when it was refused as invalid (400). */
  error?: string;
  /**
   * `delete` of a draft merged into another: that draft's local id, sent with the trash so that
   * other desks say where the content went (see {@link noteMergedInto} in outbox.ts).
   */
  mergedInto?: string;
  /**
   * `delete` of an issue: the items its deletion let go to the inbox (their local ids), whose
   * releases, refused with it, its own refusal says (see {@link noteReleased} in outbox.ts).
   */
  released?: string[];
  /**
   * `upsert` after a conflict: the fields (as the conflict names them) the editor chose to keep
   * over a colleague's version (« Garder la mienne »), sent with the update for the plugin to
   * record, so that the colleague is told (see {@link SyncOverridden}).
   */
  overrides?: string[];
}

/** A record's state on the server as last synced: the base of the 3-way merge. */
export interface SyncRecord {
  /** Same key as the outbox: `draft:<id>` or `issue:<id>`. */
  key: string;
  kind: SyncKind;
  recordId: string;
  /** WordPress's id. */
  remoteId: number;
  /** The server's version at the last sync (what an update is based on). */
  version: number;
  /** The server's `modified_gmt` at the last sync. */
  modifiedGmt: string;
  /** The shared fields as last synced (see `storage/shared-fields.ts`). */
  base: Record<string, unknown>;
  /**
   * The shared fields this browser's own pushes wrote, each with the version its push made, as
   * long as nobody else has written that field since: whose words a colleague's « Garder la
   * mienne » replaced (services/sync/notices.ts `noteOverridden`). Absent when none (and from
   * records synced before it was kept).
   */
  wrote?: Record<string, number>;
  /**
   * While the desk is off: the fields a choice not yet sent kept over a colleague's version
   * (`OutboxEntry.overrides`, which leaving clears with the outbox), queued with the record again
   * at the rejoin.
   */
  overrides?: string[];
  /**
   * Set on a record this browser did not have before, received by the first sync (or rejoin)
   * `receivedIn` names (its `SyncState.firstSyncId`): cancelling that sync takes it back out of
   * this browser when the editor has not touched it. Dropped by the next write of the base.
   */
  receivedIn?: string;
  /**
   * The record's desk mark while the shared desk is off (the mark itself is taken off the
   * record then): put back on rejoin, so that what is known of who clipped it needs no request.
   */
  mark?: DeskMark;
  /**
   * A draft merged into another while the shared desk was off: that draft's local id, sent
   * with the trash the rejoin makes of this record.
   */
  mergedInto?: string;
}

/**
 * Shared fields a conflict box never asks about: they are not the editor's writing, and the sync
 * merges them itself (services/sync/conflicts.ts, `settleUnasked`). `provenance` (where each
 * metadata field came from) is merged key by key; `captureNote` (why a capture could not read its
 * page, `CAPTURE_LIMITS`) only ever goes from a reason to none, when a later capture of the page
 * read it: none is kept. Settling conflicts at once leaves them as this browser has them too.
 */
export const UNASKED_FIELDS: ReadonlySet<string> = new Set(['provenance', 'captureNote']);

/** The fields of a conflict a box may ask about: all but {@link UNASKED_FIELDS}. */
export function askableFields<F extends { field: string }>(fields: readonly F[]): F[] {
  return fields.filter((field) => !UNASKED_FIELDS.has(field.field));
}

/**
 * An editor's choice for one field of a conflict: their version, the other editor's, or, for a
 * text merged by blocks (an item's text, a chapô, a shared note: storage/shared-fields.ts), both,
 * as a union merge keeps them (lib/block-merge.ts): nobody's words dropped.
 */
export type ConflictChoice = 'mine' | 'theirs' | 'both';

/**
 * Why an editor's choice in a conflict box wrote nothing: the conflict was settled meanwhile
 * (another view's choice), a newer one was found since under the same key (asking about other
 * fields: the box asks again), or the record went away (deleted for good meanwhile).
 */
export type Unwritten = 'settled' | 'changed' | 'gone';

/**
 * The choices of a conflict's `fields` as they are applied: a move is one choice, the place in
 * the issue (`sortKey`) going along with the issue chosen (`issueId`) when both conflict. The
 * box asks the issue only; the sync enforces it whatever was said of the place.
 */
export function withMovePlace(
  fields: readonly { field: string }[],
  choose: Record<string, ConflictChoice>,
): Record<string, ConflictChoice> {
  const both = ['issueId', 'sortKey'].every((name) => fields.some((f) => f.field === name));
  return both && choose.issueId ? { ...choose, sortKey: choose.issueId } : choose;
}

/** A field both this browser and the server changed, differently. */
export interface ConflictField {
  /** A field of the draft (`title`, `body`, `tags`…) or of the issue (`title`, `intro`…). */
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

/** A colleague's change the editor is told of, once, about some fields of one record. */
interface SyncFieldsNotice {
  /** The record's key (`draft:<id>` | `issue:<id>`): one notice per record, the latest. */
  key: string;
  kind: SyncKind;
  recordId: string;
  /** The record's title, for the notice. */
  title: string;
  /** The fields, as a conflict names them (`title`, `body`, `intro`, `note`…). */
  fields: string[];
  /** Display name of the colleague, when the server said. */
  by?: string;
  /** When this desk learnt it (ISO 8601). */
  at: string;
}

/**
 * Another editor's change of a text (an item's body, a chapô, a shared note) taken into this
 * browser's own changes of it, both kept because they were in different paragraphs (see
 * lib/block-merge.ts): nothing to choose, but the editor is told, once. `fields`: the texts
 * merged; `by`: who wrote the other version.
 */
export type SyncTextMerge = SyncFieldsNotice;

/** How many merge notices the state keeps (the oldest go first). */
export const TEXT_MERGES_KEPT = 10;

/**
 * A colleague met this editor's change in a conflict and kept their own version of some fields
 * (« Garder la mienne »): the desk now has theirs, and the editor is told, once, with the words
 * they had written there (kept only in this notice, and in WordPress's revisions). `fields`: those
 * whose version went; `by`: who kept theirs.
 */
export interface SyncOverridden extends SyncFieldsNotice {
  /** This editor's version of those fields (shared names, see storage/shared-fields.ts). */
  mine: Record<string, unknown>;
  /** The record's version when it was said (absent from notices kept before it was). */
  version?: number;
}

/** How many override notices the state keeps (the oldest go first). */
export const OVERRIDDEN_KEPT = 10;

/**
 * A draft this browser deleted for good (emptied from its trash, offline or with the shared desk
 * off) that a colleague edited on the desk meanwhile: it was not deleted there, but kept, and
 * brought back here, and the editor is told, with the choice to delete it anyway.
 */
export interface SyncKeptDraft {
  /** The draft's key (`draft:<id>`): one notice per draft. */
  key: string;
  recordId: string;
  /** The draft's title, for the notice. */
  title: string;
  /** Display name of who edited it meanwhile, when the server said. */
  by?: string;
  /** Merged into another draft (« Fusionner dans… »): that draft's title, for the notice. */
  mergedInto?: string;
  /** When it was kept (ISO 8601). */
  at: string;
}

/**
 * Where a colleague's change took an item of an issue: back to the inbox (« Retirer »), into
 * another issue (« Déplacer vers… »), the trash, another draft (« Fusionner dans… »), or out of
 * this browser altogether (`deleted`, which the desk's own actions never do: said all the same).
 */
export type SyncTakenOutTo = 'inbox' | 'issue' | 'trash' | 'merged' | 'deleted';

/**
 * An item a colleague took out of an issue, as a pull applied it (services/sync/notices.ts,
 * `noteTakenOut`): told in that issue's column, so that an editor who was about to reorder or
 * proofread it knows who did it and where it went. Never for this desk's own changes (they are
 * not pulled back), a first sync's records (nothing was in an issue here) nor a reorder. Kept
 * until the editor closes it, or until the item is back in the issue.
 */
export interface SyncTakenOut {
  /** The draft's key (`draft:<id>`): one notice per draft, the latest. */
  key: string;
  /** The draft's id. */
  recordId: string;
  /** The issue it was taken out of: the notice shows in that issue's column. */
  issueId: string;
  /** The item as the issue list named it (its label, else its first words). */
  title: string;
  /** Where it went. */
  to: SyncTakenOutTo;
  /** `to: 'issue'`: the issue it went into (its id, and its title when this desk had it). */
  toIssueId?: string;
  toIssue?: string;
  /** `to: 'merged'`: the draft it was merged into (its id; its title when this desk had it). */
  mergedInto?: string;
  mergedIntoTitle?: string;
  /** Display name of who did it, when the server said. */
  by?: string;
  /** When the sync applied it (ISO 8601). */
  at: string;
}

/**
 * How many items taken out the state keeps (the oldest go first): more than the other notices,
 * as a colleague emptying an issue of a weekly column takes out some fifteen at once.
 */
export const TAKEN_OUT_KEPT = 30;

/**
 * A release of this desk's own edit lock that did not reach WordPress (the editor closed the
 * record offline, or the site did not answer, or failed, or answered from another address):
 * sent again at the next sync run, so that colleagues stop seeing the record as being edited
 * before the lock lapses on its own.
 * Cancelled by a new take of the record here (the editor opened it again), dropped once the
 * lock has lapsed anyway (services/sync/locks.ts, `sendReleases`).
 */
export interface SyncPendingRelease {
  /** The record's key (`draft:<id>` | `issue:<id>`): one release per record. */
  key: string;
  kind: SyncKind;
  recordId: string;
  /**
   * When the editor closed it (ISO 8601): the lock, last taken before, lapses at the latest a
   * lock window later, when there is nothing left to release.
   */
  at: string;
}

/**
 * An issue a colleague deleted, as a pull applied it (services/sync/notices.ts, `issueDeletion`):
 * the issue goes from this browser first, so its items, sent to the inbox by the deletion, are
 * not said one by one in its column (there is none left); this says it once, with who did it
 * and where its items went, to the editor who had it open. Never for this desk's own deletion,
 * nor one this desk's unsent work kept (that one is a conflict notice). Kept until closed, or
 * until the issue is back.
 */
export interface SyncIssueDeleted {
  /** The issue's key (`issue:<id>`): closed with the items' notices (`syncDismissTakenOut`). */
  key: string;
  issueId: string;
  /** Its title and date as this browser had them (a title left empty: named by its date). */
  title: string;
  date: string;
  /** How many items it had here, all sent back to the inbox (trashed ones stay in the trash). */
  items: number;
  /** Display name of who deleted it, when the server said. */
  by?: string;
  /** When the sync applied it (ISO 8601). */
  at: string;
}

/**
 * An issue this browser knew as deleted that a colleague put back on the desk: one who had changed
 * it without having sent it yet when it was deleted (their desk puts it back,
 * services/sync/deletions.ts `putBack`), or who restored it from WordPress's trash. It comes back
 * here with its items; the editor, who may have deleted it, is told why.
 */
export interface SyncIssueBack {
  /** The issue's key (`issue:<id>`): one notice an issue, the latest. */
  key: string;
  issueId: string;
  /** Its title and date as it came back (a title left empty: named by its date). */
  title: string;
  date: string;
  /** Display name of who put it back, when the server said. */
  by?: string;
  /** When the sync took it in (ISO 8601). */
  at: string;
}

/** A record where the same field was changed here and on the server: the editor chooses. */
export interface SyncConflict {
  key: string;
  kind: SyncKind;
  recordId: string;
  /** The record's title, for the list. */
  title: string;
  fields: ConflictField[];
  /** Display name of who wrote the server's version. */
  theirsBy?: string;
  /** The server's version the conflict was found against. */
  remoteVersion: number;
  /** When it was found (ISO 8601). */
  detectedAt: string;
  /**
   * Set when this is no field conflict but another editor's deletion of an issue that had
   * unsent changes here (key `issue:<id>:deleted`, `fields` empty): the issue was put back with
   * those changes, and the editor may delete it too. The name is who deleted it ('' unknown).
   */
  deletedBy?: string;
}

/** What a refused push tried to do. */
export type SyncAction = 'create' | 'edit' | 'arrange' | 'trash' | 'restore' | 'publish';

/** A change WordPress refused (403): rolled back locally, kept until the editor read it. */
export interface SyncRefusal {
  /** `<kind>:<id>:<action>`. */
  key: string;
  kind: SyncKind;
  recordId: string;
  title: string;
  action: SyncAction;
  /** The role the action takes (the plugin's `data.needs`). */
  needs?: DeskRole;
  /** WordPress's error code (`indiscrets_cannot_arrange`…). */
  wpCode?: string;
  /** When it was refused (ISO 8601). */
  at: string;
  /** The shared fields as the editor had them before the rollback: nothing is lost. */
  discarded: Record<string, unknown>;
  /**
   * The fields the refused change wrote (every field of a refused creation): those of them an
   * editor writes words in are offered to copy (components/refusedWriting.ts). Absent from
   * refusals kept before it was.
   */
  changed?: string[];
}

export type SyncPhase = 'idle' | 'first-sync' | 'syncing';

/** Where a long sync stands. */
export interface SyncProgress {
  step: 'count' | 'upload' | 'download';
  done: number;
  total: number;
}

/** The sync's own state: one record, id `desk`. */
export interface SyncState {
  id: 'desk';
  /** Sync on: local writes queue in the outbox, and runs push and pull. */
  enabled: boolean;
  /**
   * The site and account the desk is shared through (to notice a change of account). The site's
   * address follows the site when it moves (`monjournal.fr` redirected to `www.`) and the
   * settings are given the new one, proven the same desk (services/sync/account.ts, `askMove`).
   */
  siteUrl: string;
  username: string;
  /**
   * The current user, as the plugin names them. `roles` may hold a role the desk does not know
   * (`shop_manager`), which `roleNames` (WordPress's display name of each role, plugin 0.1.12;
   * absent before, and in a state stored by an older extension) names.
   */
  user?: { id: number; name: string; roles: DeskRole[]; roleNames?: Record<string, string> };
  /** What the current user may do. */
  can?: DeskCan;
  /**
   * When the desk was last asked who the user is and what their role allows (ISO 8601): at
   * joining, then every few minutes and after a refusal (services/sync/account.ts `recheckRole`),
   * since a site's administrator may change a role at any time.
   */
  roleCheckedAt?: string;
  /** Seconds an edit lock lasts unless renewed. */
  lockWindow?: number;
  phase: SyncPhase;
  /** During a first sync or a long pull. */
  progress?: SyncProgress;
  /** The first sync (upload local, download the newsroom's) finished. */
  firstSyncDone: boolean;
  /**
   * Names the first sync (or rejoin) under way, for `SyncRecord.receivedIn`: when it started
   * (ISO 8601).
   */
  firstSyncId?: string;
  /** Asked to stop: the running sync stops at its next step. */
  cancelRequested?: boolean;
  /** Per kind, the `modified_after` of the next pull (WordPress GMT). */
  cursors: { drafts?: string; issues?: string };
  /** When the last run finished without trouble (ISO 8601). */
  lastSyncAt?: string;
  /**
   * Why the last run stopped, when it did: a `DeskErrorCode` of wordpress/desk-client.ts
   * (`offline`, `timeout`, `wrong_credentials`…) or `no_settings`. `address`: for `site_moved`,
   * the address the site now answers at (the desk client's `DeskFailure.address`), which the
   * sync line names as the options' check does, and the move a desk follows when the settings
   * are given it (services/sync/account.ts, `askMove`); absent when the site did not give one the
   * settings would take, and from errors recorded before it was kept. Not indexed (the
   * `syncState` table's only index is `id`): no schema version.
   */
  lastError?: { code: string; at: string; detail?: string; address?: string };
  /** When the running run started (ISO 8601); absent when none runs. */
  runningSince?: string;
  /**
   * The records (`draft:<id>` | `issue:<id>`) whose `desk.lock` says another editor has them
   * open, as of the last poll: the next poll clears those no longer held without reading every
   * record. Absent: none marked (or a plugin that does not list its locks).
   */
  locks?: string[];
  /** Texts merged with another editor's, each said until the editor closes it; newest last. */
  textMerges?: SyncTextMerge[];
  /** Versions of this editor's replaced by a colleague's choice, each said until closed. */
  overridden?: SyncOverridden[];
  /** Drafts deleted here but kept for a colleague's edit, each said until the editor chooses. */
  keptDrafts?: SyncKeptDraft[];
  /**
   * Items colleagues took out of issues (moved, removed, trashed, merged), each said in its
   * issue's column until the editor closes it or the item is back there; newest last.
   */
  takenOut?: SyncTakenOut[];
  /**
   * Releases of this desk's edit locks that failed for want of the lock's answer (offline,
   * timeout, a 5xx, a site that moved: services/sync/locks.ts `RELEASE_RETRIED`), sent again at the
   * next run; oldest first.
   */
  releases?: SyncPendingRelease[];
  /** Issues colleagues deleted, each said where it was open until closed; newest last. */
  issuesDeleted?: SyncIssueDeleted[];
  /** Issues deleted that a colleague put back on the desk, each said until closed; newest last. */
  issuesBack?: SyncIssueBack[];
}

/**
 * The state when sync was never turned on. Turned off, the state keeps the account and the
 * pull cursors (with the sync records), for a rejoin to start from where it left.
 */
export const SYNC_OFF: SyncState = {
  id: 'desk',
  enabled: false,
  siteUrl: '',
  username: '',
  phase: 'idle',
  firstSyncDone: false,
  cursors: {},
};

/**
 * The tables that hold what this browser knows of the shared desk, apart from the sync's state:
 * which record is which there and its merge base (`syncRecords`), what is queued for it
 * (`outbox`), and the conflicts and refusals waiting for the editor. The one list of what
 * forgetting the desk clears ({@link clearDeskRecords}): a table added here is forgotten by the
 * engine (another account, `SyncEngine.enable`) and by « Remplacer tout » that forgets the desk
 * (storage/backup-restore.ts) alike, and is in the replace's transaction. A table left out would
 * let a « forgotten » desk keep records that a rejoin sends to the team.
 */
export const DESK_RECORD_TABLES = ['syncRecords', 'outbox', 'conflicts', 'refusals'] as const;

/**
 * Clears {@link DESK_RECORD_TABLES} (the sync's state is the caller's: {@link SYNC_OFF}, or the
 * new account's). Local drafts and issues stay. Call in a read-write transaction over them.
 */
export async function clearDeskRecords(database: IndiscretsDB): Promise<void> {
  await Promise.all(DESK_RECORD_TABLES.map((name) => database[name].clear()));
}

/** What the UI shows of the state: the stored record with the counts it needs. */
export interface SyncStatus extends SyncState {
  /** Outbox entries not yet pushed (blocked ones included). */
  pending: number;
  conflicts: number;
  refusals: number;
}

export const outboxKey = (kind: SyncKind, id: string) => `${kind}:${id}`;

export type SyncReason = 'open' | 'poll' | 'write' | 'online' | 'manual';

/** Counts for the first-sync confirmation. */
export interface SyncPlan {
  /**
   * This browser's drafts (not in the trash) and issues that are not on the desk yet: what
   * turning it on sends as new. Records of the desk this browser already knows (kept while it
   * was off, or received by a cancelled first sync and touched since) are not counted: a rejoin
   * merges them as a sync would. Nor are those the desk is found to have when asked (a browser
   * that last synced with an earlier version, which forgot which record was which).
   */
  localDrafts: number;
  localIssues: number;
  remoteDrafts: number;
  remoteIssues: number;
}

/**
 * Before a merge (« Fusionner dans… », a drop on a draft): whether another user has the merged
 * draft (`source`) or the one merged into (`target`) open right now, as WordPress says. `ok`
 * also when it could not ask (offline, the desk unreachable or slow): the merge goes on.
 */
export type DeskMergeCheck =
  | { ok: true }
  | {
      ok: false;
      code: 'locked';
      which: 'source' | 'target';
      lock: { by: string; userId: number; since: string; expires: string };
    };

export type DeskLockAnswer =
  | { ok: true; lock: null }
  | {
      ok: false;
      code: 'locked';
      lock: { by: string; userId: number; since: string; expires: string };
    }
  | { ok: false; code: 'not_synced' | 'no_settings' | string };
