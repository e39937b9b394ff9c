/**
 * The fields the shared desk shares, as one flat object per local record: what the 3-way merge
 * compares (base = last synced, mine = local, theirs = server). Pure functions over a Dexie
 * record; services/sync-fields.ts builds the same object from a REST record, so that equal
 * content compares equal. Here, in storage, because a local undo compares them too
 * (storage/conflict-undo.ts).
 *
 * Drafts: the private note is shared as `sharedNote` only when the editor shares it; trash is
 * the boolean `trashed` (the local `deletedAt` time and the server's `status: trash` differ in
 * form, not in meaning). Local bookkeeping (`words`, `wordPairs`, `sourceUrls`, `rev`, `updatedAt`, `desk`)
 * is not shared.
 */

import { mergeTextField, type MergeOptions, type TextShape } from '../lib/block-merge';
import type { Draft, Issue, Quote, Source } from './db';
import type { SyncKind } from './sync-state';

export const DRAFT_SHARED = [
  'title',
  'label',
  'body',
  'url',
  'siteName',
  'byline',
  'publishedAt',
  'lang',
  'excerpt',
  'imageUrl',
  'quotes',
  'provenance',
  'captureNote',
  'sources',
  'sharedNote',
  'tags',
  'status',
  'issueId',
  'sortKey',
  'createdAt',
  'trashed',
] as const;

export const ISSUE_SHARED = [
  'title',
  'intro',
  'date',
  'lengthBudget',
  'status',
  'createdAt',
  'exportedAt',
  'wordpress',
  'trashed',
] as const;

export type DraftSharedField = (typeof DRAFT_SHARED)[number];
export type IssueSharedField = (typeof ISSUE_SHARED)[number];
export type Shared = Record<string, unknown>;

/** Quotes in the shared form: the fields a quote shares, whatever else a record kept. */
export const quotesOf = (quotes: readonly Quote[] | undefined): Quote[] =>
  (quotes ?? []).map((q) => ({ text: q.text, html: q.html ?? '', clippedAt: q.clippedAt }));
/** Sources in the shared form, as quotes are. */
export const sourcesOf = (sources: readonly Source[] | undefined): Source[] =>
  (sources ?? []).map((s) => ({
    url: s.url,
    title: s.title,
    ...(s.siteName ? { siteName: s.siteName } : {}),
  }));

/**
 * How a shared text field is cut into blocks for a merge (lib/block-merge.ts): the item's HTML
 * by paragraphs and list entries, the chapô and the shared note (typed in a text area) by lines.
 * Other fields (titles, labels: one line) are merged whole, as before.
 */
export function sharedTextShape(kind: SyncKind, field: string): TextShape | undefined {
  if (kind === 'draft')
    return field === 'body' ? 'html' : field === 'sharedNote' ? 'lines' : undefined;
  return field === 'intro' ? 'lines' : undefined;
}

/** A local draft's shared fields. */
export function sharedDraft(draft: Draft): Shared {
  return {
    title: draft.title,
    label: draft.label ?? '',
    body: draft.body,
    url: draft.url,
    siteName: draft.siteName ?? '',
    byline: draft.byline ?? '',
    publishedAt: draft.publishedAt ?? '',
    lang: draft.lang ?? '',
    excerpt: draft.excerpt ?? '',
    imageUrl: draft.imageUrl ?? '',
    quotes: quotesOf(draft.quotes),
    provenance: { ...draft.provenance },
    captureNote: draft.captureNote ?? '',
    sources: sourcesOf(draft.sources),
    sharedNote: draft.noteShared ? draft.note : '',
    tags: [...draft.tags],
    status: draft.status,
    issueId: draft.issueId,
    sortKey: draft.sortKey,
    createdAt: draft.createdAt,
    trashed: !!draft.deletedAt,
  };
}

/** A local issue's shared fields. */
export function sharedIssue(issue: Issue): Shared {
  return {
    title: issue.title,
    intro: issue.intro,
    date: issue.date,
    lengthBudget: issue.lengthBudget ?? 0,
    status: issue.status,
    createdAt: issue.createdAt,
    exportedAt: issue.exportedAt ?? '',
    wordpress: issue.wordpress ? { ...issue.wordpress } : null,
    trashed: false,
  };
}

/** A local record's shared fields, of either kind. */
export function sharedOf(kind: SyncKind, record: Draft | Issue): Shared {
  return kind === 'draft' ? sharedDraft(record as Draft) : sharedIssue(record as Issue);
}

/** A shared field as a conflict names it (the shared note is the draft's `note`). */
export const conflictName = (kind: SyncKind, field: string): string =>
  kind === 'draft' && field === 'sharedNote' ? 'note' : field;

/** A conflict's field as the shared fields name it (a draft's `note` is `sharedNote`). */
export const sharedName = (kind: SyncKind, field: string): string =>
  kind === 'draft' && field === 'note' ? 'sharedNote' : field;

/**
 * Whether the two versions of a shared field, `mine` and `theirs`, can both be kept by a union
 * merge ({@link mergeSharedText} with `{ union: true }`), which then never answers `undefined`:
 * texts merged by blocks, and for a shared note, one shared on both sides.
 */
export function keepsBoth(
  kind: SyncKind,
  field: string,
  { base, mine, theirs }: { base: unknown; mine: unknown; theirs: unknown },
): boolean {
  if (sharedTextShape(kind, field) === undefined) return false;
  if ([base, mine, theirs].some((value) => typeof value !== 'string')) return false;
  return field !== 'sharedNote' || (mine !== '' && theirs !== '');
}

/**
 * A shared field both sides changed from `base`, merged by blocks when its changes are apart
 * (lib/block-merge.ts, by {@link sharedTextShape}); `undefined` when they meet, or the field is
 * no text merged so. A shared note is merged only while both share it: one side's '' is a note
 * taken back into its browser, not a note emptied, and merging into it would share it again.
 * With `{ union: true }`, changes that meet are both kept, mine first (see lib/block-merge.ts):
 * `undefined` then only for a field that is no text merged so, or a note not shared.
 */
export function mergeSharedText(
  kind: SyncKind,
  field: string,
  base: unknown,
  mine: unknown,
  theirs: unknown,
  options?: MergeOptions,
): string | undefined {
  if (field === 'sharedNote' && (mine === '' || theirs === '')) return undefined;
  return mergeTextField(sharedTextShape(kind, field), base, mine, theirs, options);
}
