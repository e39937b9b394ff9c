import { useLayoutEffect } from 'preact/hooks';

/** The forms of this page holding typed changes not saved ({@link useUnsaved}). */
const unsavedForms = new Set<object>();

/** Set by {@link leaveWithoutAsking}: the page goes, nothing asked. */
let leavingUnasked = false;

/**
 * The page is reloaded by a restore that checked first that nothing typed was unsaved
 * ({@link typedUnsaved}): a card comparing its form with the stored value (the house style's)
 * shows the restored setting as a change of its own once written, which is no editor's typing to
 * ask about.
 */
export function leaveWithoutAsking(): void {
  leavingUnasked = true;
}

/**
 * Whether a form of this page holds changes typed and not saved: a restore's settings reload the
 * page only when none does (components/BackupSettings.tsx), for nothing typed to be lost.
 */
export function typedUnsaved(): boolean {
  return unsavedForms.size > 0;
}

/** While `unsaved`, the form counts for {@link typedUnsaved}, with no question asked on leaving. */
export function useUnsaved(unsaved: boolean): void {
  useLayoutEffect(() => {
    if (!unsaved) return;
    const form = {};
    unsavedForms.add(form);
    return () => void unsavedForms.delete(form);
  }, [unsaved]);
}

/**
 * While `unsaved`, leaving the page (its tab closed, reloaded, the language changed) asks first,
 * with the browser's own question: a settings form is kept by its « Enregistrer », and what was
 * typed in it and not saved would otherwise be gone without a word. A layout effect: the guard is
 * in place in the same task that shows « Modifications non enregistrées. », where a plain effect
 * waits for the next frame, and a tab closed in between went without a question. Counts for
 * {@link typedUnsaved} too.
 */
export function useLeaveGuard(unsaved: boolean): void {
  useUnsaved(unsaved);
  useLayoutEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => {
      if (leavingUnasked) return;
      event.preventDefault();
      // Older Chromium asks only when this is set too.
      event.returnValue = '';
    };
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, [unsaved]);
}
