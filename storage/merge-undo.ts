import { METADATA_FIELDS, type MetadataField } from '../capture/types';
import { mergeText } from '../lib/block-merge';
import { sameValue } from '../lib/merge';
import type { Draft } from './db';

/**
 * Undoing « Fusionner dans… » for the draft merged into (the target): it loses what the merge
 * added to it and keeps what was written in it since, in any view (storage/drafts.ts, `undo`).
 *
 * The merge is a function of the two drafts as they were (`mergedDraft`), so the undo knows
 * three versions of each field: before the merge, as the merge wrote it, and now. Field by
 * field, among those the merge changed:
 * - as the merge left it: it goes back to what it was before;
 * - as it was before already (written back by hand): it stays;
 * - changed since: the item's text and the note lose the merge's paragraphs (or lines) as a
 *   three-way merge by blocks takes them out (lib/block-merge.ts), the editor's changes in other
 *   paragraphs kept; sources, quotes and tags lose those the merge brought that are still there
 *   as it brought them. A text whose merged-in part was itself changed since cannot be told
 *   apart: it stays as it is now, merged-in part and all, and the undo says so (`kept`). A
 *   metadata field (byline, site…) or the item's place changed since stays as it is now.
 * Nothing typed since is dropped: at worst the merged-in words stay with it.
 */

/** The target's fields the merge writes, besides `updatedAt`. */
const TEXTS = { body: 'html', note: 'lines' } as const;
const LISTS = ['sources', 'quotes', 'tags'] as const;
/**
 * Metadata the merge fills in from the source when the target lacks it (with its provenance): a
 * clip's metadata but the page's address and title, which are the target's own.
 */
export const GAP_FIELDS = METADATA_FIELDS.filter(
  (field): field is Exclude<MetadataField, 'url' | 'title'> => field !== 'url' && field !== 'title',
);

/** A text field that kept its merged-in part (changed since, where the merge put it). */
export type KeptField = keyof typeof TEXTS;

/** What undoing the merge writes on the target, and the texts that could not lose their part. */
export interface Unmerged {
  /** The fields to write (an optional one set to `undefined` is removed). */
  changes: Partial<Draft>;
  /** Text fields kept as they are now, the merged-in part with them. */
  kept: KeptField[];
}

/**
 * What undoing a merge writes on its target: `before`, the target before the merge; `merged`,
 * as the merge wrote it; `now`, as it is. See the top of this file.
 */
export function unmergeTarget(before: Draft, merged: Draft, now: Draft): Unmerged {
  const changes: Record<string, unknown> = {};
  const kept: KeptField[] = [];
  /** The field's value back before the merge, when the merge changed it and no one has since. */
  const revert = (field: keyof Draft): 'done' | 'untouched' | 'changed' => {
    if (sameValue(merged[field], before[field])) return 'untouched';
    if (sameValue(now[field], before[field])) return 'untouched';
    if (sameValue(now[field], merged[field])) {
      changes[field] = before[field];
      return 'done';
    }
    return 'changed';
  };

  for (const [field, shape] of Object.entries(TEXTS) as [KeptField, 'html' | 'lines'][]) {
    if (revert(field) !== 'changed') continue;
    const back = mergeText(shape, merged[field], now[field], before[field]);
    if (back === undefined) kept.push(field);
    else changes[field] = back;
  }

  for (const field of LISTS) {
    if (revert(field) !== 'changed') continue;
    const list = now[field] as unknown[];
    const brought = (merged[field] as unknown[]).filter(
      (entry) => !(before[field] as unknown[]).some((was) => sameValue(was, entry)),
    );
    const left = list.filter((entry) => !brought.some((added) => sameValue(added, entry)));
    if (left.length !== list.length) changes[field] = left;
  }

  const provenance = { ...now.provenance };
  for (const field of GAP_FIELDS) {
    if (revert(field) !== 'done') continue;
    // The value goes, and where it came from with it.
    if (before.provenance[field] === undefined) delete provenance[field];
    else provenance[field] = before.provenance[field];
  }
  if (!sameValue(provenance, now.provenance)) changes.provenance = provenance;

  // The item's place, which the merge gives a target of the inbox: back to the inbox unless the
  // item was moved since.
  const placed = now.issueId === merged.issueId && now.sortKey === merged.sortKey;
  if (placed && (before.issueId !== merged.issueId || before.sortKey !== merged.sortKey)) {
    changes.issueId = before.issueId;
    changes.sortKey = before.sortKey;
  }
  return { changes: changes as Partial<Draft>, kept };
}
