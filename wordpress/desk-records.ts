/**
 * The extension's records ⇄ the companion plugin's REST records (wordpress/plugin/README.md).
 * Pure functions: no network, no storage. The server keeps what the desk shares; what only this
 * browser knows (derived search fields, the private note unless shared, the local revision
 * counter) never leaves it, and a record read back gets it from the local copy.
 */

import type { CaptureLimit } from '../capture/types';
import type {
  Draft,
  Issue,
  IssueStatus,
  DraftStatus,
  Quote,
  Source,
  WordPressPost,
} from '../storage/db';

/** A user as the plugin names them. */
export interface DeskUser {
  id: number;
  name: string;
}

/** The edit lock another user holds on a record. */
export interface DeskLock {
  user: DeskUser;
  /** ISO 8601 (UTC). */
  since: string;
  expires: string;
}

/** Fields every REST record carries, drafts and issues alike. */
export interface RestRecordBase {
  id: number;
  /** `draft` (live) or `trash`. */
  status: string;
  /** GMT, without a zone: `2026-03-15T10:00:00`. */
  modified_gmt: string;
  version: number;
  title: { raw: string };
  content: { raw: string };
  clipped_by?: DeskUser | null;
  last_edited_by?: DeskUser | null;
  lock?: DeskLock | null;
  can?: { edit: boolean; trash: boolean };
  /**
   * A draft in the trash after a merge: the draft its content went into (plugin 0.1.3; absent
   * from older plugins' answers, `null` when not merged).
   */
  merged_into?: { id: number; clientId: string } | null;
  /**
   * Writes that kept their writer's version of some fields over a colleague's, as they chose in
   * a conflict (« Garder la mienne »), the newest ten, oldest first (plugin 0.1.8; absent from
   * older plugins' answers). `over` is who last wrote the record before: whose words went.
   */
  overrides?: DeskOverride[];
}

/** One write that kept its writer's fields over another user's version (see `overrides`). */
export interface DeskOverride {
  /** The record's version that write made. */
  version: number;
  by: DeskUser | null;
  over: DeskUser | null;
  /** The fields kept, as a conflict names them (`title`, `body`, `intro`…). */
  fields: string[];
  /**
   * For each field whose history WordPress could read: the version that wrote the value this
   * write replaced, and who wrote it (plugin 0.1.8). The desk that wrote that version is the one
   * whose words went.
   */
  replaced?: Record<string, { version: number; by: DeskUser | null }>;
  /** When (GMT, ISO 8601). */
  at: string;
}

/** Draft meta, as the plugin's schema has it (empty strings for absent optional fields). */
export interface RestDraftMeta {
  clientId: string;
  url: string;
  siteName: string;
  byline: string;
  publishedAt: string;
  lang: string;
  excerpt: string;
  imageUrl: string;
  quotes: Quote[];
  /** `[]` when empty (PHP's JSON for an empty map). */
  provenance: Record<string, string> | [];
  captureNote: string;
  sources: Source[];
  note: string;
  tags: string[];
  status: DraftStatus;
  issueId: string;
  sortKey: string;
  /** The item's short name in the issue list (see `Draft.label`); empty: none given. */
  label?: string;
  createdAt: string;
}

export interface RestIssueMeta {
  clientId: string;
  date: string;
  lengthBudget: number;
  status: IssueStatus;
  createdAt: string;
  exportedAt: string;
  /** `[]` when the issue was never published. */
  wordpress: WordPressPost | [];
}

export interface RestDraft extends RestRecordBase {
  meta: RestDraftMeta;
}

export interface RestIssue extends RestRecordBase {
  meta: RestIssueMeta;
}

/** What is sent to create or update a record. */
export interface RestWrite<M> {
  title: string;
  content: string;
  meta: M;
}

/** The server's record plus who did what: what a desk shows beside the local copy. */
export interface DeskInfo {
  /** WordPress's id of the record. */
  remoteId: number;
  version: number;
  modifiedGmt: string;
  clippedBy?: DeskUser;
  lastEditedBy?: DeskUser;
  lock?: DeskLock;
  canEdit?: boolean;
  canTrash?: boolean;
}

/** `2026-03-15T10:00:00` (WordPress's GMT form) → `2026-03-15T10:00:00.000Z`. */
export function fromGmt(gmt: string): string {
  const time = Date.parse(/Z|[+-]\d\d:?\d\d$/.test(gmt) ? gmt : `${gmt}Z`);
  return Number.isNaN(time) ? gmt : new Date(time).toISOString();
}

const optional = (value: string | undefined): string => value ?? '';

/**
 * A draft as the plugin stores it. The private note is sent only when the editor shares it;
 * derived fields (`words`, `wordPairs`, `sourceUrls`) and the local `rev` stay in the browser; trashing is a
 * request of its own (`deletedAt` is not a field on the server).
 */
export function draftToRest(
  draft: Draft,
  options: { shareNote?: boolean } = {},
): RestWrite<RestDraftMeta> {
  return {
    title: draft.title,
    content: draft.body,
    meta: {
      clientId: draft.id,
      url: draft.url,
      siteName: optional(draft.siteName),
      byline: optional(draft.byline),
      publishedAt: optional(draft.publishedAt),
      lang: optional(draft.lang),
      excerpt: optional(draft.excerpt),
      imageUrl: optional(draft.imageUrl),
      quotes: draft.quotes.map((q) => ({ text: q.text, html: q.html, clippedAt: q.clippedAt })),
      provenance: { ...draft.provenance } as Record<string, string>,
      captureNote: optional(draft.captureNote),
      sources: draft.sources.map((s) => ({
        url: s.url,
        title: s.title,
        ...(s.siteName ? { siteName: s.siteName } : {}),
      })),
      note: options.shareNote ? draft.note : '',
      tags: [...draft.tags],
      status: draft.status,
      issueId: draft.issueId,
      sortKey: draft.sortKey,
      createdAt: draft.createdAt,
    },
  };
}

/** Sets `key` on `target` when `value` is a non-empty string (optional fields stay absent). */
function setOptional<T extends object>(target: T, key: keyof T, value: string): void {
  if (value) (target as Record<string, unknown>)[key as string] = value;
}

/**
 * A draft read from the server, as Dexie stores it. `local` is this browser's copy, when it has
 * one: its private note is kept unless the server holds a shared one. `words` and
 * `sourceUrls` are left empty: the table hooks derive them on write.
 */
export function restToDraft(record: RestDraft, local?: Draft): Draft {
  const m = record.meta;
  const modified = fromGmt(record.modified_gmt);
  const draft: Draft = {
    id: m.clientId,
    url: m.url,
    title: record.title.raw,
    quotes: m.quotes ?? [],
    provenance: Array.isArray(m.provenance) ? {} : { ...m.provenance },
    createdAt: m.createdAt || modified,
    updatedAt: modified,
    body: record.content.raw,
    sources: m.sources ?? [],
    note: m.note || local?.note || '',
    tags: m.tags ?? [],
    status: m.status,
    issueId: m.issueId,
    sortKey: m.sortKey,
    words: [],
    wordPairs: [],
    sourceUrls: [],
  };
  setOptional(draft, 'siteName', m.siteName);
  setOptional(draft, 'byline', m.byline);
  setOptional(draft, 'publishedAt', m.publishedAt);
  setOptional(draft, 'lang', m.lang);
  setOptional(draft, 'excerpt', m.excerpt);
  setOptional(draft, 'imageUrl', m.imageUrl);
  if (m.captureNote) draft.captureNote = m.captureNote as CaptureLimit;
  if (record.status === 'trash') draft.deletedAt = local?.deletedAt ?? modified;
  return draft;
}

/** An issue as the plugin stores it. */
export function issueToRest(issue: Issue): RestWrite<RestIssueMeta> {
  return {
    title: issue.title,
    content: issue.intro,
    meta: {
      clientId: issue.id,
      date: issue.date,
      lengthBudget: issue.lengthBudget ?? 0,
      status: issue.status,
      createdAt: issue.createdAt,
      exportedAt: optional(issue.exportedAt),
      wordpress: issue.wordpress ? { ...issue.wordpress } : [],
    },
  };
}

/** An issue read from the server, as Dexie stores it. */
export function restToIssue(record: RestIssue): Issue {
  const m = record.meta;
  const modified = fromGmt(record.modified_gmt);
  const issue: Issue = {
    id: m.clientId,
    title: record.title.raw,
    date: m.date,
    intro: record.content.raw,
    status: m.status,
    createdAt: m.createdAt || modified,
    updatedAt: modified,
  };
  if (m.lengthBudget) issue.lengthBudget = m.lengthBudget;
  if (m.exportedAt) issue.exportedAt = m.exportedAt;
  if (!Array.isArray(m.wordpress) && m.wordpress?.postId) issue.wordpress = { ...m.wordpress };
  return issue;
}

/** Who did what on a record, for the desk's display. */
export function deskInfo(record: RestRecordBase): DeskInfo {
  const info: DeskInfo = {
    remoteId: record.id,
    version: record.version,
    modifiedGmt: record.modified_gmt,
  };
  if (record.clipped_by) info.clippedBy = record.clipped_by;
  if (record.last_edited_by) info.lastEditedBy = record.last_edited_by;
  if (record.lock) info.lock = record.lock;
  if (record.can) {
    info.canEdit = record.can.edit;
    info.canTrash = record.can.trash;
  }
  return info;
}
