import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { t } from '../locales';
import { wordFailure, type WordedFailure } from './failureText';
import { FailureDetail } from './FailureDetail';
import type { UndoToken } from '../storage/drafts';
import { loadData } from './data';

interface UndoApi {
  /**
   * Offers to undo what `token` recorded, for a few seconds; `onUndone` runs once it is undone
   * (a deleted issue is shown again).
   */
  offer: (token: UndoToken, label: string, onUndone?: () => void) => void;
}

const UndoContext = createContext<UndoApi>({ offer: () => {} });

export const useUndo = () => useContext(UndoContext);

const VISIBLE_MS = 10_000;

/** Holds the last undoable action (delete, merge) and shows its "Undo" bar. */
export function UndoProvider({ children }: { children: ComponentChildren }) {
  const [token, setToken] = useState<UndoToken>();
  const [label, setLabel] = useState('');
  const [onUndone, setOnUndone] = useState<() => void>();
  const [error, setError] = useState<WordedFailure>();

  useEffect(() => {
    if (!token) return;
    const timer = setTimeout(() => setToken(undefined), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [token]);

  const offer = useCallback((next: UndoToken, text: string, then?: () => void) => {
    setError(undefined);
    setLabel(text);
    setToken(next);
    setOnUndone(() => then);
  }, []);

  async function doUndo() {
    if (!token) return;
    try {
      await (await loadData()).undo(token);
      setToken(undefined);
      onUndone?.();
    } catch (e) {
      setError(wordFailure('undo.failed', e));
    }
  }

  return (
    <UndoContext.Provider value={{ offer }}>
      {children}
      {(token || error) && (
        <div class="undo-bar" role="status" data-testid="undo-bar">
          <span>
            {error ? error.text : label}
            <FailureDetail detail={error?.detail} />
          </span>
          {token && (
            <button type="button" class="button button--small" onClick={doUndo}>
              {t('undo.button')}
            </button>
          )}
        </div>
      )}
    </UndoContext.Provider>
  );
}
