import { useId, useRef, useState } from 'preact/hooks';
import { getLocale, t } from '../locales';
import { addDays, formatFrenchDate, longDate, parseFrenchDate, todayIso } from '../lib/french-date';

interface Props {
  label: string;
  /** The stored date, ISO (`2021-03-15`); '' when none. */
  value: string;
  /** Called with the ISO date of what is typed, or '' while it is not a valid date. */
  onChange: (iso: string) => void;
  required?: boolean;
  /** What the field shows at first, as typed (a date half typed, kept by a form let go). */
  initialText?: string;
  /** Told what the field shows after each change, as typed, a date not yet readable included. */
  onText?: (text: string) => void;
}

/**
 * A date as French editors write it, whatever the browser's language: a text field showing
 * jj/mm/aaaa (a native date input would show mm/dd/yyyy in an English browser), that reads
 * « 15 mars 2021 » too, says in words which day it understood, and says why it cannot read
 * what was typed. ↑/↓ move one day (with Shift, one week). The value kept is always ISO; what
 * the editor typed stays in the field while it is wrong, nothing is erased.
 */
export function DateField({ label, value, onChange, required, initialText, onText }: Props) {
  const id = useId();
  const [text, setShown] = useState(() => initialText ?? formatFrenchDate(value));
  const setText = (next: string) => {
    setShown(next);
    onText?.(next);
  };
  /** The last value we sent: a new `value` from elsewhere (another window) replaces the text. */
  const sent = useRef(value);
  /** The `value` of the last render, to notice when it changes. */
  const seen = useRef(value);
  // Checked while rendering, where `value` and `sent` agree: a deferred effect could run after
  // the next keystroke, take the value of « 15/03/20 » (2020) for a foreign one because « 202 »
  // had sent '' meanwhile, and rewrite the field under the typing (« 15/03/20207 »).
  if (value !== seen.current) {
    seen.current = value;
    if (value !== sent.current) {
      sent.current = value;
      setText(formatFrenchDate(value));
    }
  }

  const parsed = parseFrenchDate(text);
  const emit = (iso: string) => {
    sent.current = iso;
    if (iso !== value) onChange(iso);
  };

  function onInput(event: Event) {
    const typed = (event.target as HTMLInputElement).value;
    setText(typed);
    const result = parseFrenchDate(typed);
    emit(result.ok ? result.iso : '');
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    // From the date typed, else from the last good one, else from today.
    const base = parsed.ok ? parsed.iso : value || todayIso();
    const step = (event.key === 'ArrowUp' ? 1 : -1) * (event.shiftKey ? 7 : 1);
    const next = addDays(base, step);
    setText(formatFrenchDate(next));
    emit(next);
  }

  const problem = parsed.ok ? undefined : parsed.problem;
  const message =
    problem === 'empty'
      ? required
        ? t('date.empty')
        : undefined
      : problem
        ? t(problem === 'format' ? 'date.format' : 'date.impossible', { text: text.trim() })
        : undefined;

  return (
    <div class="field date-field">
      <label for={id}>
        <span>{label}</span>
      </label>
      <input
        id={id}
        type="text"
        inputMode="text"
        autoComplete="off"
        spellcheck={false}
        placeholder={t('date.placeholder')}
        value={text}
        required={required}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-said`}
        onInput={onInput}
        onKeyDown={onKeyDown}
        onBlur={() => parsed.ok && setText(formatFrenchDate(parsed.iso))}
      />
      <small id={`${id}-said`} class={message ? 'date-field__error' : 'muted'} aria-live="polite">
        {message ?? (parsed.ok ? longDate(parsed.iso, getLocale()) : t('date.help'))}
      </small>
    </div>
  );
}
