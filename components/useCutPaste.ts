import { useRef, useState } from 'preact/hooks';

/**
 * A one-line field's paste that its `maxLength` cuts: the browser keeps what fits and drops the
 * rest without a word. `onPaste` weighs the paste, `typed` (from the field's input handler) says
 * whether it was cut; `cut` stays true until the next input.
 */
export function useCutPaste(max: number) {
  const [cut, setCut] = useState(false);
  /** The length the field would have had, the whole paste in it; 0 when no paste is pending. */
  const wanted = useRef(0);
  return {
    cut,
    onPaste(event: ClipboardEvent) {
      const field = event.currentTarget as HTMLInputElement;
      // A line break is one character at most in a one-line field (dropped, or a space).
      const text = (event.clipboardData?.getData('text/plain') ?? '').replace(/\r\n?/g, '\n');
      const selected = (field.selectionEnd ?? 0) - (field.selectionStart ?? 0);
      wanted.current = field.value.length - selected + text.length;
    },
    typed(value: string) {
      // Cut: more was pasted than the field took, and it is full.
      setCut(wanted.current > max && value.length >= max);
      wanted.current = 0;
    },
  };
}
