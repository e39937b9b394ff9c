import type { Draft } from '../storage/db';
import type { MergeTarget } from '../storage/draft-records';

/**
 * A draft as the inbox list shows it: the record without what a row never shows (the body,
 * every quote, the search tokens), plus its text and last quote ready to print. Small enough
 * for the inbox snapshot, and computed in the data module so that the list's own code needs
 * neither the entity decoder nor the database to paint.
 */
export type InboxRow = Omit<Draft, 'body' | 'quotes' | 'words' | 'wordPairs' | 'sourceUrls'> & {
  /**
   * The draft's tags as the row draws them (see `shownTags`, tagsShown.ts): the first ones, each
   * cut at a word; a backup's or the shared desk's may be 100,000, or 1 MB long.
   */
  tags: string[];
  /** How many tags the draft has past `tags`, said « et N autres »; none: absent. */
  moreTags?: number;
  /**
   * The start of the visible text of the body, as the editor wrote it (at most
   * ROW_PREVIEW_CHARS, see inboxData.ts); empty until they write.
   */
  text: string;
  /** How many words the whole body holds (`text` may be cut). */
  wordCount: number;
  /** The start of the last clipped quote (at most ROW_PREVIEW_CHARS), shown until the editor writes. */
  quote?: string;
  /** How many quotes the draft holds. */
  quoteCount: number;
  /**
   * With `captureNote`: a quote holds the words the context menu saw, as it keeps them (see
   * `hasMenuWords`, messaging/limit-note.ts), which the row's note says were kept. Else absent.
   */
  menuWords?: true;
  /**
   * Shared desk: another editor's draft of the same page (two clipped it offline), which the
   * row says, with a way to open it; see `pageTwins` (storage/draft-records.ts).
   */
  twin?: PageTwin;
  /**
   * Shared desk, in the trash: the draft another editor merged this one into, which the row
   * names, with a way to open it; see `mergeTargets` (storage/draft-records.ts).
   */
  mergedInto?: MergeTarget;
};

/** Another editor's draft of the same page, as a row or the editor names it. */
export interface PageTwin {
  id: string;
  title: string;
  /** Who clipped it; '' when the sync did not say. */
  by: string;
  /** It is this editor's own (the row is a colleague's draft). */
  mine: boolean;
}

/**
 * The inbox list's row (`li[data-index]`, the element the list focuses) drawn for draft `id`
 * under `root`, if any: where the keyboard goes back to a draft (after a clip, a « Supprimer »,
 * a draft left by a key).
 */
export function inboxRowElement(root: ParentNode, id: string): HTMLElement | undefined {
  return (
    root.querySelector(`.draft-list [data-id="${id}"]`)?.closest<HTMLElement>('li[data-index]') ??
    undefined
  );
}
