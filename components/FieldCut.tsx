import { useMemo } from 'preact/hooks';
import { charCount, wholeCharEnd } from '../lib/ellipsis';
import { t, type MessageKey } from '../locales';

/**
 * What a one-line field with a `maxLength` says under it when it does not hold a whole text: a
 * paste it cut ({@link PasteCut}, with `useCutPaste`), or a stored value longer than it takes
 * ({@link shownInField}, {@link LongValue}: a backup or the shared desk may bring a title of
 * 2,000,000 characters, which the field shows the start of). Shared by the draft's title and the
 * issue's.
 */

/**
 * Under a one-line field, after a paste it cut (`useCutPaste`): how much it takes, and that the
 * end was not kept. A live region always there, so that the words are read when they come.
 */
export function PasteCut({ id, cut, max }: { id: string; cut: boolean; max: number }) {
  return (
    <small class="field__cut" id={id} role="status" data-testid="paste-cut">
      {cut ? t('editor.pasteCut', { max }) : ''}
    </small>
  );
}

/**
 * The first `max` characters of `text`, where a one-line field's `maxLength` would have cut it
 * (never between the two halves of a surrogate pair).
 */
function fieldHead(text: string, max: number): string {
  return text.slice(0, wholeCharEnd(text, max));
}

/**
 * A stored value as a field of `max` characters shows it: whole, or its start when longer
 * (`cut`). Given whole as an input's value, a title of 2,000,000 characters took the desk's
 * editor 2 s to open. The form keeps the value whole: its fields are written only once typed in
 * (useSyncedRecord), so the value stays whole until the editor types in that field, which
 * {@link LongValue} says first; then it is what the field holds.
 */
export function shownInField(value: string, max: number): { shown: string; cut: boolean } {
  const cut = value.length > max;
  return { shown: cut ? fieldHead(value, max) : value, cut };
}

/**
 * Under a field showing the start of a longer stored value ({@link shownInField}): said so, its
 * length and where it is cut counted in characters ({@link charCount}: code points, so that an
 * emoji of one is one; one joined of several, or with a variation selector, counts them), not
 * in the UTF-16 code units of `length` and `maxLength`. `notice` names
 * the value: a title (`editor.titleLong`) or an item's label (`editor.labelLong`).
 */
export function LongValue({
  id,
  value,
  shown,
  notice = 'editor.titleLong',
  testId = 'title-long',
}: {
  id: string;
  /** The value as stored, whole. */
  value: string;
  /** What the field shows of it ({@link shownInField}). */
  shown: string;
  notice?: MessageKey;
  testId?: string;
}) {
  // Counted once per value, not at each render of the form: a count walks all 2,000,000.
  const length = useMemo(() => charCount(value), [value]);
  return (
    <small class="field__cut" id={id} data-testid={testId}>
      {t(notice, { length, max: charCount(shown) })}
    </small>
  );
}

/** The ids of the notes a field is described by, for its `aria-describedby` (none: undefined). */
export function describedBy(...ids: (string | false)[]): string | undefined {
  const kept = ids.filter(Boolean);
  return kept.length > 0 ? kept.join(' ') : undefined;
}
