/**
 * Long work on a page's own thread (reading a big backup, restoring it) done in slices: between
 * two slices the page paints, says how far the work has got and takes a click on « Annuler ».
 */

/** How far long work has got: `done` of `total` units (drafts, or characters of a file). */
export interface Progress {
  done: number;
  total: number;
}

/**
 * How long a slice may keep the thread: well under the 100 ms past which a click or a keystroke
 * feels ignored, with room for the page's own work (a paint, Preact's render) in between.
 */
export const SLICE_MS = 40;

/** The error long work cancelled by its signal rejects with: a `DOMException` `AbortError`. */
export function cancelled(): DOMException {
  return new DOMException('The work was cancelled.', 'AbortError');
}

/** Whether `error` is a cancellation ({@link cancelled}, or any `AbortError`). */
export function isCancelled(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}

/** Throws {@link cancelled} when `signal` is aborted. */
export function checkSignal(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

/**
 * Resolves in a task of its own, after the page has had its turn (events, a paint). Through a
 * message port rather than `setTimeout`, which a tab in the background delays to a second.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * A pause to await between two units of work: it lets the page run once the current slice has
 * lasted {@link SLICE_MS}, and throws {@link cancelled} once `signal` is aborted. Not for use
 * inside a database transaction, which would commit as soon as it waits on anything else.
 */
export function slicer(signal?: AbortSignal): () => Promise<void> {
  let start = performance.now();
  return async () => {
    if (performance.now() - start >= SLICE_MS) {
      await nextTask();
      start = performance.now();
    }
    checkSignal(signal);
  };
}
