import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import type { RestoreResult } from '../storage/backup-restore';
import type { SettingsFailure } from './backupMessages';

/** What survives the reload that follows restored settings, to be said on the new page. */
const DONE_KEY = 'indiscrets:backup:restored';

/**
 * After the reload that follows a restore with settings: calls `report` with what the restore
 * did, and how its settings failed when they did midway (left in session storage by
 * {@link rememberRestore}), and keeps `message` in view while the page settles.
 */
export function useRestoredReport(
  message: RefObject<HTMLElement>,
  report: (result: RestoreResult, failure?: SettingsFailure) => void,
): void {
  useEffect(() => {
    let done: { result: RestoreResult; failure?: SettingsFailure } | undefined;
    try {
      const raw = sessionStorage.getItem(DONE_KEY);
      sessionStorage.removeItem(DONE_KEY);
      done = raw ? (JSON.parse(raw) as typeof done) : undefined;
    } catch {
      done = undefined;
    }
    if (!done) return;
    report(done.result, done.failure);
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
 * Leaves what a restore did (without the settings themselves), and how its settings failed when
 * they did midway, for the page after the reload, where they are worded in its language (the
 * restored one). False when session storage refuses it: then say it on this page.
 */
export function rememberRestore(result: RestoreResult, failure?: SettingsFailure): boolean {
  const done: RestoreResult = { ...result };
  delete done.settings;
  try {
    sessionStorage.setItem(
      DONE_KEY,
      JSON.stringify({ result: done, ...(failure ? { failure } : {}) }),
    );
    return true;
  } catch {
    return false;
  }
}
