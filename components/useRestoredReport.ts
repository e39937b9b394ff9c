import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import type { RestoreResult } from '../storage/backup-restore';

/** What survives the reload that follows restored settings, to be said on the new page. */
const DONE_KEY = 'indiscrets:backup:restored';

/**
 * After the reload that follows a restore with settings: calls `report` with what the restore
 * did (left in session storage by {@link rememberRestore}), and keeps `message` in view while
 * the page settles.
 */
export function useRestoredReport(
  message: RefObject<HTMLElement>,
  report: (result: RestoreResult) => void,
): void {
  useEffect(() => {
    let done: { result: RestoreResult } | undefined;
    try {
      const raw = sessionStorage.getItem(DONE_KEY);
      sessionStorage.removeItem(DONE_KEY);
      done = raw ? (JSON.parse(raw) as { result: RestoreResult }) : undefined;
    } catch {
      done = undefined;
    }
    if (!done) return;
    report(done.result);
    // The cards above fill in as their settings load and push this one down: keep the message
    // in view while the page settles, then leave the scrolling to the editor.
    const follow = () => message.current?.scrollIntoView({ block: 'center' });
    follow();
    const observer = new ResizeObserver(follow);
    observer.observe(document.body);
    const stop = () => observer.disconnect();
    const timer = setTimeout(stop, 1500);
    addEventListener('wheel', stop, { once: true });
    addEventListener('keydown', stop, { once: true });
    return () => {
      clearTimeout(timer);
      stop();
      removeEventListener('wheel', stop);
      removeEventListener('keydown', stop);
    };
  }, []);
}

/**
 * Leaves what a restore did (without the settings themselves) for the page after the reload.
 * False when session storage refuses it: then say it on this page.
 */
export function rememberRestore(result: RestoreResult): boolean {
  const done: RestoreResult = { ...result };
  delete done.settings;
  try {
    sessionStorage.setItem(DONE_KEY, JSON.stringify({ result: done }));
    return true;
  } catch {
    return false;
  }
}
