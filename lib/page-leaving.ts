/**
 * Whether this page is going away: closed (the popup at a click outside it, a tab), reloaded or
 * left, from its `pagehide` on; a page shown again from the back-forward cache is back.
 *
 * Firefox cancels what a closing page is still loading and rejects its dynamic imports (with
 * `undefined`), so a popup closed while its database layer loads would report that load as
 * failed: nobody is there to see it, and it is not a fault of the extension.
 */
let leaving = false;

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => (leaving = true));
  window.addEventListener('pageshow', () => (leaving = false));
}

export function pageLeaving(): boolean {
  return leaving;
}

/**
 * Logs a failed load (`console.error`, where the tests look for the extension's errors), unless
 * the page is going away: then the load was cut short by its closing.
 */
export function reportLoadFailure(label: string, error: unknown): void {
  if (!leaving) console.error(label, error);
}
