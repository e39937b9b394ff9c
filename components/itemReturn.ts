/**
 * Items an undo of « Retirer » (or of a trash) put back in their issue, in this view
 * (storage/remove-undo.ts): the undo bar notes them once the undo is done, and the issue's list,
 * once it draws them, gives the keyboard back to the first one's row (components/IssueItems.tsx);
 * a draft of the inbox put back from the trash is noted for the issue `''`, the inbox's
 * (components/Inbox.tsx). Kept apart from all, so that the bar, in the popup's first paint, does
 * not bring the list's code with it.
 */

let pending: { issueId: string; id: string } | undefined;
const listeners = new Set<() => void>();

/** Notes that the undo bar put item `id` back in issue `issueId` (`''`: in the inbox). */
export function noteReturn(issueId: string, id: string): void {
  pending = { issueId, id };
  for (const listener of listeners) listener();
}

/**
 * The item put back in `issueId`, if the list (the ids drawn) has it: taken once. Another
 * issue's, or one not drawn yet, stays for the list that draws it.
 */
export function takeReturn(issueId: string, drawn: readonly string[]): string | undefined {
  if (!pending || pending.issueId !== issueId || !drawn.includes(pending.id)) return undefined;
  const { id } = pending;
  pending = undefined;
  return id;
}

/** Calls `listener` whenever an item is noted put back; stops on call. */
export function watchReturns(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
