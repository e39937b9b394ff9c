import { useLayoutEffect } from 'preact/hooks';

/**
 * While `unsaved`, leaving the page (its tab closed, reloaded, the language changed) asks first,
 * with the browser's own question: a settings form is kept by its « Enregistrer », and what was
 * typed in it and not saved would otherwise be gone without a word. A layout effect: the guard is
 * in place in the same task that shows « Modifications non enregistrées. », where a plain effect
 * waits for the next frame, and a tab closed in between went without a question.
 */
export function useLeaveGuard(unsaved: boolean): void {
  useLayoutEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium asks only when this is set too.
      event.returnValue = '';
    };
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, [unsaved]);
}
