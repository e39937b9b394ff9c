/**
 * What every part of the shared desk's sync speaks of (services/sync/): the engine's dependencies
 * and its probe of the desk, the run's stop, record kinds and their tables, the failures a run
 * waits out, and the small helpers several parts use.
 */

import { sameValue } from '../../lib/merge';
import type { Draft, IndiscretsDB, Issue } from '../../storage/db';
import { itemLabel } from '../../storage/label';
import type { DeskCan, DeskRole, SyncKind, SyncRecord } from '../../storage/sync-state';
import type {
  DeskErrorCode,
  DeskFailure,
  DeskKind,
  DeskSettings,
} from '../../wordpress/desk-client';
import type { RestDraft, RestIssue } from '../../wordpress/desk-records';
import { sharedFromRestDraft, sharedFromRestIssue } from '../sync-fields';
import { DRAFT_SHARED, ISSUE_SHARED, type Shared } from '../../storage/shared-fields';
import type { FetchLike } from '../../wordpress/transport';

/** Who the user is on the desk and what they may do (kept in the sync state on enable). */
export type EngineProbe =
  | {
      ok: true;
      user: { id: number; name: string; roles: DeskRole[]; roleNames?: Record<string, string> };
      /** The user's highest role. */
      role: DeskRole;
      can: DeskCan;
      plugin: { version: string };
      /** Seconds an edit lock lasts. */
      lockWindow: number;
    }
  | {
      ok: false;
      code: DeskErrorCode | 'no_settings';
      /** `site_moved`: the address the site answers at (the desk client's), when it gave one. */
      address?: string;
    };

export interface SyncDeps {
  db: IndiscretsDB;
  /** The WordPress account, or undefined while the settings are incomplete. */
  settings: () => Promise<DeskSettings | undefined>;
  fetch?: FetchLike;
  isOnline?: () => boolean;
  clock?: () => string;
  /** Records per pull request (WordPress allows 100). */
  perPage?: number;
  /** Debounce of `syncNow('write')`, ms. */
  writeDelayMs?: number;
  /** How long a lock a merge check found greys its draft, ms ({@link MERGE_CHECK_MARK_MS}). */
  mergeCheckMarkMs?: number;
  /** Called after each request with its answer's size in bytes (the scale bench counts). */
  onRequest?: (bytes: number) => void;
  /**
   * Whether the options proved, as the editor changed the address, that the site at `from`
   * answers at `to` now (storage/settings.ts `provenMove`, the default): `askMove`'s word of the
   * site when its old address can no longer be read.
   */
  moved?: (from: string, to: string) => Promise<boolean>;
}

const ROLE_ORDER: DeskRole[] = ['administrator', 'editor', 'author', 'contributor', 'subscriber'];

/** The highest of a user's roles. */
export function highestRole(roles: readonly string[]): DeskRole {
  return ROLE_ORDER.find((role) => roles.includes(role)) ?? 'subscriber';
}

export const TRANSIENT: ReadonlySet<string> = new Set([
  'offline',
  'unreachable',
  'timeout',
  'cancelled',
  'server_error',
  'blocked',
  // ?rest_route= refused and the REST API found nowhere safe: so is every request of the run.
  'rest_route_blocked',
  'wrong_credentials',
  // Answered as to an anonymous visitor (a wrong password, or the header dropped on the way):
  // every request of the run would be, as for a refused password.
  'credentials_unseen',
  // The server drops the Authorization header: so it does for every request of the run.
  'auth_header_dropped',
  'no_plugin',
  // Every answer comes from another address until the settings name it: nothing to try alone.
  'site_moved',
  // The site's server redirects every write (its REST index answering here): none would go.
  'write_redirected',
]);

/** A stop of the whole run (network, credentials): the outbox waits for the next one. */
export class Stop extends Error {
  constructor(
    readonly failure:
      | DeskFailure
      // The options now name another user than the desk's (found by recheckRole mid-run).
      | { ok: false; code: 'account_changed'; detail?: undefined; address?: undefined },
  ) {
    super(failure.code);
  }
}

export const restKind = (kind: SyncKind): DeskKind => (kind === 'draft' ? 'drafts' : 'issues');

export const tableOf = (kind: SyncKind) => (kind === 'draft' ? 'clips' : 'issues');

export const fieldsOf = (kind: SyncKind) =>
  (kind === 'draft' ? DRAFT_SHARED : ISSUE_SHARED) as readonly string[];

export const SYNC_TABLES = [
  'clips',
  'issues',
  'outbox',
  'syncRecords',
  'conflicts',
  'refusals',
  'syncState',
];

export type AnyRecord = Draft | Issue;

export type RestRecord = RestDraft | RestIssue;

export function sharedOfRest(kind: SyncKind, record: RestRecord): Shared {
  return kind === 'draft'
    ? sharedFromRestDraft(record as RestDraft)
    : sharedFromRestIssue(record as RestIssue);
}

export function titleOf(shared: Shared): string {
  const title = typeof shared.title === 'string' ? shared.title : '';
  // An item of an issue is named as the issue list names it (its label, else its first words):
  // its draft's title shows only in its editor, and the notice must point at a row of the list.
  if (typeof shared.issueId === 'string' && shared.issueId && typeof shared.body === 'string') {
    return itemLabel({
      title,
      body: shared.body,
      label: typeof shared.label === 'string' ? shared.label : '',
    });
  }
  return title;
}

/**
 * The fields a browser's own pushes wrote (`SyncRecord.wrote`) that are still as it wrote them in
 * `theirs`, the server's record `remoteId`: one someone else has written since is theirs now.
 */
export function keptWrites(
  sync: SyncRecord | undefined,
  remoteId: number,
  theirs: Shared,
): Record<string, number> {
  if (!sync?.wrote || sync.remoteId !== remoteId) return {};
  return Object.fromEntries(
    Object.entries(sync.wrote).filter(([field]) => sameValue(sync.base[field], theirs[field])),
  );
}

/** Requests the count before a rejoin has under way at once: a few of a site's PHP workers. */
const LOOKUPS_AT_ONCE = 4;

/**
 * How long a merge waits for WordPress to say who has its drafts open (see `mergeCheck`): past
 * it, the merge goes on as offline.
 */
export const MERGE_CHECK_MS = 3000;

/**
 * How long a lock found by a merge check greys its draft, at most: the time a lock the sync saw
 * goes unchecked, from one poll of an open desk to the next (`DESK_POLL_MS`). The polls follow
 * it from then on and mark it with the lock's own expiry while it is held; released meanwhile,
 * or no desk open to poll, the mark lapses, and a merge tried again asks WordPress again.
 */
export const MERGE_CHECK_MARK_MS = 30_000;

/**
 * Runs `ask` on every item, {@link LOOKUPS_AT_ONCE} at a time; the first failure stops the
 * rest and is answered (undefined when all went well).
 */
export async function fewAtATime<T>(
  items: readonly T[],
  ask: (item: T) => Promise<{ ok: true } | DeskFailure>,
): Promise<DeskFailure | undefined> {
  let next = 0;
  let failure: DeskFailure | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const result = await ask(items[next++]!);
      if (!result.ok) failure ??= result;
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUPS_AT_ONCE, items.length) }, worker));
  return failure;
}

/**
 * A failure's code, with the address a moved site answers at when it gave one (`site_moved`):
 * what the views say of it, the sync line and the options alike.
 */
export function codeAndAddress<C extends string>(failure: {
  code: C;
  address?: string;
}): { code: C; address?: string } {
  return { code: failure.code, ...(failure.address ? { address: failure.address } : {}) };
}
