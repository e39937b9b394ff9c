import type { RefObject } from 'preact';
import { useEffect, useId, useLayoutEffect, useState } from 'preact/hooks';
import { listOf, t } from '../locales';

/** Where a card's « Enregistrer », refused over a {@link StoredConflict}, sends the keyboard. */
export type ConflictRef = RefObject<HTMLParagraphElement>;

/**
 * Whether a card's write of what was typed is refused over a stored value changed elsewhere
 * (`conflict`): nothing written, the keyboard to the `question`. `mine`: the write is the
 * editor's answer, « Enregistrer les miennes », which goes on.
 */
export function refusedOverConflict(
  conflict: boolean,
  question: ConflictRef,
  mine: boolean,
): boolean {
  if (!conflict || mine) return false;
  question.current?.focus();
  return true;
}

/** The cards of the page asking their question now, in the order they began to ask. */
const asking: Array<{ card: string }> = [];
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/**
 * How long the page waits after a card begins (or stops) asking before it says which ask: a
 * restore changes several cards' settings one after the other, each heard a moment apart.
 */
export const CONFLICTS_SAID_MS = 300;

/**
 * The page's one live region for the cards' questions ({@link StoredConflict}): « Les cartes
 * « Style maison » et « WordPress » demandent lesquelles garder… », said once the cards have
 * settled, where each card's question was an alert of its own, several at once after a restore,
 * over the restore's own message (a screen reader cutting one with the next). Polite: said
 * after the restore's message, not over it. Empty while no card asks.
 */
export function ConflictsSaid() {
  const [said, setSaid] = useState('');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const cards = asking.map(({ card }) => t('options.cardQuoted', { card }));
        const list = listOf(cards);
        setSaid(
          cards.length === 0
            ? ''
            : t('options.conflictsSaid', { count: cards.length, cards: list }),
        );
      }, CONFLICTS_SAID_MS);
    };
    listeners.add(listener);
    listener();
    return () => {
      clearTimeout(timer);
      listeners.delete(listener);
    };
  }, []);
  return (
    <p class="visually-hidden" role="status" data-testid="conflicts-said">
      {said}
    </p>
  );
}

/**
 * A settings card whose stored value was changed elsewhere while the editor had typed in it (a
 * restore that did not reload the page over the typing, another tab's « Enregistrer »): said as
 * it appears, with the choice, where « Enregistrer » would have written the typing over that
 * change unseen. « Enregistrer les miennes » saves what was typed (`onKeepMine`, the card's own
 * save), « Reprendre la version enregistrée » shows the stored value, the typing dropped
 * (`onTake`); either way the keyboard goes to `field`, the card's first, as the choice goes.
 * The card's « Enregistrer » meanwhile writes nothing: it brings the keyboard here (`question`).
 * The question is no live region of its own: the page says which cards ask, once
 * ({@link ConflictsSaid}), by their names (`card`, the card's heading).
 */
export function StoredConflict({
  card,
  question,
  field,
  onKeepMine,
  onTake,
}: {
  card: string;
  question: ConflictRef;
  field: RefObject<HTMLElement>;
  onKeepMine: () => void;
  onTake: () => void;
}) {
  const choose = (then: () => void) => () => {
    field.current?.focus();
    then();
  };
  // The answers grouped under the question: a screen reader reaching « Enregistrer les
  // miennes » by Tab hears what « les miennes » are, where the button alone said nothing of it.
  const id = useId();
  useLayoutEffect(() => {
    const entry = { card };
    asking.push(entry);
    changed();
    return () => {
      asking.splice(asking.indexOf(entry), 1);
      changed();
    };
  }, [card]);
  return (
    <div
      class="notice notice--error"
      role="group"
      aria-labelledby={id}
      data-testid="stored-conflict"
    >
      <p id={id} ref={question} tabIndex={-1} data-testid="conflict-question">
        {t('options.conflict')}
      </p>
      <div class="form-actions">
        <button type="button" class="button" onClick={choose(onKeepMine)}>
          {t('options.conflictKeepMine')}
        </button>
        <button type="button" class="button" onClick={choose(onTake)}>
          {t('options.conflictTake')}
        </button>
      </div>
    </div>
  );
}
