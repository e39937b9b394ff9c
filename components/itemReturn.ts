/**
 * Items an undo of « Retirer » (or of a trash) put back in their issue, in this view
 * (storage/remove-undo.ts): the undo bar notes them once the undo is done, and the issue's list,
 * once it draws them, gives the keyboard back to the first one's row (components/IssueItems.tsx);
 * a draft of the inbox put back from the trash is noted for the issue `''`, the inbox's
 * (components/Inbox.tsx). Kept apart from all, so that the bar, in the popup's first paint, does
 * not bring the list's code with it.
 */

import { focusLost } from './whenDrawn';

/** An item put back, and whether its undo was Ctrl+Z (pressed wherever the keyboard was). */
export interface Returned {
  id: string;
  byKey: boolean;
  /** When it was noted (`Date.now()`). */
  at: number;
}

/**
 * How long after Ctrl+Z the item put back takes the keyboard from wherever it is: the list on
 * screen draws it at once; one drawn later (another issue's, opened minutes after) does not.
 */
const BY_KEY_MS = 2_000;

let pending: (Returned & { issueId: string }) | undefined;
const listeners = new Set<() => void>();

/**
 * Notes that the undo bar put item `id` back in issue `issueId` (`''`: in the inbox), by its
 * « Annuler » or by Ctrl+Z (`byKey`).
 */
export function noteReturn(issueId: string, id: string, byKey = false): void {
  pending = { issueId, id, byKey, at: Date.now() };
  for (const listener of listeners) listener();
}

/**
 * The item put back in `issueId`, if the list (the ids drawn) has it: taken once. Another
 * issue's, or one not drawn yet, stays for the list that draws it.
 */
export function takeReturn(issueId: string, drawn: readonly string[]): Returned | undefined {
  if (!pending || pending.issueId !== issueId || !drawn.includes(pending.id)) return undefined;
  const { id, byKey, at } = pending;
  pending = undefined;
  return { id, byKey, at };
}

/**
 * Whether the keyboard goes to an item put back: when it was on the bar (which goes) or nowhere,
 * or when the undo was Ctrl+Z, pressed where the editor was (the item they had just taken out).
 * Not when the editor clicked « Annuler » and went on elsewhere meanwhile.
 */
export function focusGoesBack(back: Returned): boolean {
  const byKey = back.byKey && Date.now() - back.at < BY_KEY_MS;
  return byKey || focusLost() || !!document.activeElement?.closest('[data-testid="undo-bar"]');
}

/** Calls `listener` whenever an item is noted put back; stops on call. */
export function watchReturns(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
