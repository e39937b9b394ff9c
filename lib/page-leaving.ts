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
 * How long a failed load waits before it is logged. Firefox can cancel a closing page's loads
 * before it fires that page's `pagehide`; a closed page runs no more timers, so a failure still
 * unreported after this wait is one of a live page.
 */
export const REPORT_DELAY_MS = 500;

/**
 * Logs a failed load (`console.error`, where the tests look for the extension's errors), unless
 * the page is going away, now or within {@link REPORT_DELAY_MS}: then the load was cut short by
 * its closing.
 */
export function reportLoadFailure(label: string, error: unknown): void {
  if (leaving) return;
  setTimeout(() => {
    if (!leaving) console.error(label, error);
  }, REPORT_DELAY_MS);
}

/** How many times {@link loadWithRetries} tries a load, and how long it waits between two. */
export const LOAD_ATTEMPTS = 3;
export const LOAD_RETRY_MS = 300;

/**
 * Runs `load` (a dynamic import), and again after a short wait if it fails, up to
 * {@link LOAD_ATTEMPTS} times, while the page stays: Firefox can cancel a page's loads (they
 * reject with `undefined`) while the extension starts or updates. Whether a module that failed
 * to load is fetched anew by the next `import()` is the browser's choice (one that keeps the
 * failure fails again, 600 ms later, and it is reported). The last failure is the one passed on.
 */
export async function loadWithRetries<T>(load: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await load();
    } catch (error) {
      if (attempt >= LOAD_ATTEMPTS || leaving) throw error;
      await new Promise((resolve) => setTimeout(resolve, LOAD_RETRY_MS));
    }
  }
}
