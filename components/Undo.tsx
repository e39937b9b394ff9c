import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../locales';
import { wordFailure, type WordedFailure } from './failureText';
import { FailureDetail } from './FailureDetail';
import type { UndoToken } from '../storage/drafts';
import { loadData } from './data';

interface UndoApi {
  /** Offers to undo what `token` recorded, for a few seconds. */
  offer: (token: UndoToken, label: string, options?: OfferOptions) => void;
}

const UndoContext = createContext<UndoApi>({ offer: () => {} });

export const useUndo = () => useContext(UndoContext);

const VISIBLE_MS = 10_000;

/** How many actions the bar keeps to undo, the latest shown. */
const KEPT = 10;

interface OfferOptions {
  /** Runs once the action is undone (a deleted issue is shown again). */
  onUndone?: () => void;
  /**
   * The bar's « Annuler » takes the keyboard: what had it is gone (a deleted issue's form), and
   * Enter then undoes, Tab goes on.
   */
  focus?: boolean;
}

/** An action that can be undone, as offered. */
interface Offer extends OfferOptions {
  token: UndoToken;
  label: string;
}

/**
 * Holds the last undoable actions (trash, merge, a deleted issue) and shows the latest one's
 * "Undo" bar. Undoing it shows the one before, if any, for as long again: two issues deleted one
 * after the other can both be brought back. The bar stays while the pointer or the keyboard is
 * on it; it goes, and every action with it, once left alone for {@link VISIBLE_MS}.
 */
export function UndoProvider({ children }: { children: ComponentChildren }) {
  const [offers, setOffers] = useState<readonly Offer[]>([]);
  const [error, setError] = useState<WordedFailure>();
  const [held, setHeld] = useState({ hover: false, focus: false });
  const latest = offers.at(-1);

  const shown = !!latest || !!error;
  useEffect(() => {
    // A bar taken away under the pointer or the keyboard says nothing of it: the next starts free.
    if (!shown) setHeld({ hover: false, focus: false });
  }, [shown]);

  useEffect(() => {
    if (!latest || held.hover || held.focus) return;
    const timer = setTimeout(() => setOffers([]), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [latest, held.hover, held.focus]);

  const offer = useCallback((token: UndoToken, label: string, options: OfferOptions = {}) => {
    setError(undefined);
    setOffers((before) => [...before, { token, label, ...options }].slice(-KEPT));
  }, []);

  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (latest?.focus) button.current?.focus();
  }, [latest]);

  async function doUndo() {
    if (!latest) return;
    try {
      await (await loadData()).undo(latest.token);
      setOffers((before) => before.filter((offered) => offered !== latest));
      latest.onUndone?.();
    } catch (e) {
      setError(wordFailure('undo.failed', e));
    }
  }

  return (
    <UndoContext.Provider value={{ offer }}>
      {children}
      {shown && (
        <div
          class="undo-bar"
          role="status"
          data-testid="undo-bar"
          onMouseEnter={() => setHeld((h) => ({ ...h, hover: true }))}
          onMouseLeave={() => setHeld((h) => ({ ...h, hover: false }))}
          onFocusIn={() => setHeld((h) => ({ ...h, focus: true }))}
          onFocusOut={() => setHeld((h) => ({ ...h, focus: false }))}
        >
          <span>
            {error ? error.text : latest?.label}
            <FailureDetail detail={error?.detail} />
          </span>
          {latest && (
            <button type="button" class="button button--small" onClick={doUndo} ref={button}>
              {t('undo.button')}
            </button>
          )}
        </div>
      )}
    </UndoContext.Provider>
  );
}
