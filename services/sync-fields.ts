/**
 * The shared fields of a REST record (storage/shared-fields.ts builds them from a local one),
 * and the way back: a REST record applied to a local one, a local one written for REST.
 * Pure functions.
 */

import type { Draft, Issue } from '../storage/db';
import type { DeskMark } from '../storage/sync-state';
import {
  DRAFT_SHARED,
  ISSUE_SHARED,
  quotesOf,
  sourcesOf,
  type Shared,
} from '../storage/shared-fields';
import type {
  DeskUser,
  RestDraft,
  RestDraftMeta,
  RestIssue,
  RestIssueMeta,
  RestWrite,
} from '../wordpress/desk-records';
import { fromGmt } from '../wordpress/desk-records';
import { isIsoMoment } from '../storage/record-values';

/**
 * A moment the plugin holds (it takes a bare day, a space for the « T », no zone: another client
 * of its REST API may write one) as the extension writes moments, ISO 8601 in UTC; `fallback`
 * when there is none or it is no date. A zone-less one is read as UTC, as WordPress's `_gmt`
 * dates are. Stored otherwise, a record would hold what a backup of it is refused for.
 */
export function isoMoment(value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  if (isIsoMoment(value)) return value;
  const written = value.trim().replace(' ', 'T');
  const withTime = /^\d{4}-\d{2}-\d{2}$/.test(written) ? `${written}T00:00:00` : written;
  const iso = fromGmt(withTime);
  return isIsoMoment(iso) ? iso : fallback;
}

/** A server draft's shared fields. */
export function sharedFromRestDraft(record: RestDraft): Shared {
  const m = record.meta;
  const createdAt = isoMoment(m.createdAt, fromGmt(record.modified_gmt));
  return {
    title: record.title.raw,
    label: m.label ?? '',
    body: record.content.raw,
    url: m.url,
    siteName: m.siteName ?? '',
    byline: m.byline ?? '',
    publishedAt: m.publishedAt ?? '',
    lang: m.lang ?? '',
    excerpt: m.excerpt ?? '',
    imageUrl: m.imageUrl ?? '',
    // A quote another client wrote without its moment is dated as its draft.
    quotes: quotesOf(m.quotes).map((quote) => ({
      ...quote,
      clippedAt: isoMoment(quote.clippedAt, createdAt),
    })),
    provenance: Array.isArray(m.provenance) ? {} : { ...m.provenance },
    captureNote: m.captureNote ?? '',
    sources: sourcesOf(m.sources),
    sharedNote: m.note ?? '',
    tags: [...(m.tags ?? [])],
    status: m.status,
    issueId: m.issueId ?? '',
    sortKey: m.sortKey ?? '',
    createdAt,
    trashed: record.status === 'trash',
  };
}

/** A server issue's shared fields. */
export function sharedFromRestIssue(record: RestIssue): Shared {
  const m = record.meta;
  return {
    title: record.title.raw,
    intro: record.content.raw,
    date: m.date,
    lengthBudget: m.lengthBudget ?? 0,
    status: m.status,
    createdAt: isoMoment(m.createdAt, fromGmt(record.modified_gmt)),
    exportedAt: isoMoment(m.exportedAt, ''),
    wordpress: !Array.isArray(m.wordpress) && m.wordpress?.postId ? { ...m.wordpress } : null,
    trashed: record.status === 'trash',
  };
}

function setOrDelete(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === '' || value === undefined || value === null) delete target[key];
  else target[key] = value;
}

/**
 * The local draft with shared fields `s` applied. What only this browser knows (a private note,
 * the trash time) is kept from `local`; `words`/`wordPairs`/`sourceUrls` are derived by the table hooks.
 */
export function applyDraft(local: Draft | undefined, s: Shared, modifiedAt: string): Draft {
  const draft = {
    ...(local ?? { words: [], wordPairs: [], sourceUrls: [] }),
    id: local?.id ?? '',
    url: s.url,
    title: s.title,
    quotes: s.quotes,
    provenance: s.provenance,
    createdAt: s.createdAt,
    updatedAt: modifiedAt,
    body: s.body,
    sources: s.sources,
    tags: s.tags,
    status: s.status,
    issueId: s.issueId,
    sortKey: s.sortKey,
  } as Draft;
  const record = draft as unknown as Record<string, unknown>;
  for (const key of [
    'label',
    'siteName',
    'byline',
    'publishedAt',
    'lang',
    'excerpt',
    'imageUrl',
    'captureNote',
  ]) {
    setOrDelete(record, key, s[key]);
  }
  if (s.sharedNote) {
    draft.note = s.sharedNote as string;
    draft.noteShared = true;
  } else {
    draft.note = local?.note ?? '';
  }
  if (s.trashed) draft.deletedAt = local?.deletedAt ?? modifiedAt;
  else delete draft.deletedAt;
  return draft;
}

/** The local issue with shared fields `s` applied. */
export function applyIssue(local: Issue | undefined, s: Shared, modifiedAt: string): Issue {
  const issue = {
    ...(local ?? {}),
    id: local?.id ?? '',
    title: s.title,
    date: s.date,
    intro: s.intro,
    status: s.status,
    createdAt: s.createdAt,
    updatedAt: modifiedAt,
  } as Issue;
  const record = issue as unknown as Record<string, unknown>;
  setOrDelete(record, 'lengthBudget', s.lengthBudget || undefined);
  setOrDelete(record, 'exportedAt', s.exportedAt);
  setOrDelete(record, 'wordpress', s.wordpress);
  return issue;
}

/** The REST body that sends the `fields` of `s` (an update sends only what changed). */
export function restChanges(
  kind: 'draft' | 'issue',
  s: Shared,
  fields: readonly string[],
): Partial<RestWrite<Record<string, unknown>>> {
  const out: Partial<RestWrite<Record<string, unknown>>> = {};
  const meta: Record<string, unknown> = {};
  const contentField = kind === 'draft' ? 'body' : 'intro';
  for (const field of fields) {
    if (field === 'trashed') continue;
    if (field === 'title') out.title = s.title as string;
    else if (field === contentField) out.content = s[field] as string;
    else if (field === 'sharedNote') meta.note = s.sharedNote;
    else if (field === 'wordpress') meta.wordpress = s.wordpress ?? [];
    else meta[field] = s[field];
  }
  if (Object.keys(meta).length > 0) out.meta = meta;
  return out;
}

/** What a create sends: every shared field, with the record's id as `clientId`. */
export function restCreate(
  kind: 'draft' | 'issue',
  id: string,
  s: Shared,
): RestWrite<RestDraftMeta | RestIssueMeta> {
  const fields = (kind === 'draft' ? DRAFT_SHARED : ISSUE_SHARED) as readonly string[];
  const write = restChanges(kind, s, fields);
  return {
    title: write.title ?? '',
    content: write.content ?? '',
    meta: { ...(write.meta ?? {}), clientId: id } as unknown as RestDraftMeta | RestIssueMeta,
  };
}

const nameOf = (user: DeskUser | null | undefined) => user?.name || undefined;

/**
 * The desk marks of a server record, as seen by user `me` (their own lock is not shown), for
 * the `local` record they go on (none: a record new here).
 */
export function deskMarkOf(
  record: RestDraft | RestIssue,
  me: number | undefined,
  local?: { deletedAt?: string; desk?: DeskMark },
): DeskMark {
  const mark: DeskMark = { remoteId: record.id, modifiedAt: fromGmt(record.modified_gmt) };
  const createdBy = nameOf(record.clipped_by);
  const modifiedBy = nameOf(record.last_edited_by);
  // The names with their ids: the marks say « vous » by the id, never by the name (two editors
  // can share one).
  if (createdBy) {
    mark.createdBy = createdBy;
    if (record.clipped_by?.id) mark.createdById = record.clipped_by.id;
  }
  if (modifiedBy) {
    mark.modifiedBy = modifiedBy;
    if (record.last_edited_by?.id) mark.modifiedById = record.last_edited_by.id;
  }
  if (record.status === 'trash') {
    // Who put it in the trash: its last editor in the answer that brought the trash here (the
    // plugin makes the trasher the last editor). Already in the trash here, the one known is
    // kept: an edit pushed since (what the draft's editor typed before the trash reached them)
    // makes them the last editor, not the trasher.
    const trashedBy = local?.deletedAt ? local.desk?.trashedBy : modifiedBy;
    // With their id, from the same answer (the plugin sends no trasher of its own): a mark kept
    // before the id was has none, and names.
    const trashedById = local?.deletedAt ? local.desk?.trashedById : mark.modifiedById;
    if (trashedBy) {
      mark.trashedBy = trashedBy;
      if (trashedById) mark.trashedById = trashedById;
    }
    if (record.merged_into?.clientId) mark.mergedInto = record.merged_into.clientId;
  }
  // A record in the trash is edited by nobody: the plugin releases its lock when it is trashed
  // (0.1.5), but before it WordPress kept the lock its trasher held; the site's list of fresh
  // locks leaves it out too.
  const lock = record.status === 'trash' ? undefined : record.lock;
  if (lock && lock.user && lock.user.id !== me && Date.parse(lock.expires) > Date.now()) {
    mark.lock = {
      by: lock.user.name,
      userId: lock.user.id,
      since: lock.since,
      expires: lock.expires,
    };
  }
  if (record.can) {
    mark.canEdit = record.can.edit;
    mark.canTrash = record.can.trash;
  }
  return mark;
}
