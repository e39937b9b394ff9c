import type { RefObject } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../locales';

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

/**
 * A settings card whose stored value was changed elsewhere while the editor had typed in it (a
 * restore that did not reload the page over the typing, another tab's « Enregistrer »): said as
 * it appears, with the choice, where « Enregistrer » would have written the typing over that
 * change unseen. « Enregistrer les miennes » saves what was typed (`onKeepMine`, the card's own
 * save), « Reprendre la version enregistrée » shows the stored value, the typing dropped
 * (`onTake`); either way the keyboard goes to `field`, the card's first, as the choice goes.
 * The card's « Enregistrer » meanwhile writes nothing: it brings the keyboard here (`question`).
 */
export function StoredConflict({
  question,
  field,
  onKeepMine,
  onTake,
}: {
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
  return (
    <div
      class="notice notice--error"
      role="group"
      aria-labelledby={id}
      data-testid="stored-conflict"
    >
      <p role="alert" id={id} ref={question} tabIndex={-1}>
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
