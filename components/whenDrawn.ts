/**
 * Giving the keyboard back once a view has drawn what it should go to: after an action whose
 * button went with it (« Créer le numéro », « Supprimer », « ← Retour »), the element to focus is
 * drawn a moment later, by another render or a query answering. One watcher for all of them.
 */

/** How long a watch waits for what it awaits: it may never come (an item that left the list). */
const WATCH_MS = 10_000;

/** Whether the focus is nowhere (on the page's body): what it held was drawn anew. */
export function focusLost(): boolean {
  return !document.activeElement || document.activeElement === document.body;
}

/**
 * Calls `then` once with what `find` returns, as soon as a change under `root` makes it return
 * something; gives up after ten seconds, never left watching. `attributes`: also watch attribute
 * changes (a list's chosen option), not only elements added and removed.
 */
export function whenDrawn<T>(
  root: Node,
  find: () => T | null | undefined,
  then: (found: T) => void,
  attributes = false,
): void {
  const settle = () => {
    const found = find();
    if (found === null || found === undefined) return;
    stop();
    then(found);
  };
  const observer = new MutationObserver(settle);
  const timer = setTimeout(() => observer.disconnect(), WATCH_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(root, { childList: true, subtree: true, attributes });
}
