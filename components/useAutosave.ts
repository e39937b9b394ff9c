import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { updateDraft, type DraftPatch } from '../storage/drafts';
import { commitJournal, journalEdit } from '../storage/journal';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

const DELAY_MS = 400;

/**
 * Saves a draft as the editor types. Every edit goes at once to a synchronous journal in
 * localStorage (it survives the popup closing mid-sentence), then, a moment later, to Dexie.
 */
export function useAutosave(id: string) {
  const pending = useRef<DraftPatch>({});
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [state, setState] = useState<SaveState>('saved');

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const patch = pending.current;
    if (Object.keys(patch).length === 0) return;
    pending.current = {};
    setState('saving');
    try {
      await updateDraft(id, patch);
      // Edits typed during the write are still pending: the journal must keep them.
      if (Object.keys(pending.current).length === 0) {
        commitJournal(id);
        setState('saved');
      } else {
        setState('pending');
      }
    } catch (error) {
      // The journal still holds the edit; it is replayed at the next start.
      pending.current = { ...patch, ...pending.current };
      setState('error');
      console.error('Indiscrets autosave', error);
    }
  }, [id]);

  const edit = useCallback(
    (patch: DraftPatch) => {
      pending.current = { ...pending.current, ...patch };
      journalEdit(id, patch);
      setState('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    },
    [id, flush],
  );

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      void flush();
    };
  }, [flush]);

  return { edit, flush, state };
}
