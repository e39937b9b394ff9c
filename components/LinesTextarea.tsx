import { useLayoutEffect, useRef } from 'preact/hooks';
import { keptCaret } from '../lib/block-merge';
import { isFrench } from '../lib/lang';
import { typedTypography } from '../export/typing';

interface Props {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  /**
   * The language the text is written in (the exports'): French, typed the way the item's text
   * is (see {@link typeFrench}); none, as typed.
   */
  lang?: string;
}

/**
 * French typography on the keystroke just typed in `field`, the exports' (export/typing.ts), as
 * the item editor types it: put in with the browser's editing command, which makes it a step of
 * the field's own undo after the typing's, so that Ctrl+Z right after gives back what was typed.
 */
function typeFrench(field: HTMLTextAreaElement): void {
  const caret = field.selectionStart;
  if (caret !== field.selectionEnd) return;
  const before = field.value.slice(0, caret);
  const line = before.lastIndexOf('\n') + 1;
  const change = typedTypography(before.slice(line));
  if (!change) return;
  field.setSelectionRange(line + change.from, caret);
  // (Absent outside browsers: jsdom has no editing commands.)
  const typed =
    typeof document.execCommand === 'function' &&
    document.execCommand('insertText', false, change.text);
  if (!typed) field.setRangeText(change.text, line + change.from, caret, 'end');
}

/** Where `offset` of `text` is: its line, and the character of that line. */
function lineAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, column: before[before.length - 1]!.length };
}

/**
 * Where `offset` of `before` is in `after`: the same character of the same line, that line
 * followed past the lines added or removed above it, or, split in several (or joined with
 * another), the one that holds the words around it ({@link keptCaret}); when it is gone, the
 * same character of the whole text.
 */
export function keptOffset(before: string, after: string, offset: number): number {
  const { line, column } = lineAt(before, offset);
  const lines = after.split('\n');
  const kept = keptCaret(before.split('\n'), lines, { index: line, offset: column });
  if (kept === undefined) return Math.min(offset, after.length);
  let at = 0;
  for (let k = 0; k < kept.index; k += 1) at += lines[k]!.length + 1;
  return at + Math.min(kept.offset, lines[kept.index]!.length);
}

/**
 * A text edited by lines (an issue's chapô, a draft's note), which a sync may merge with a
 * colleague's lines while the editor types in it (lib/block-merge.ts): a change made elsewhere
 * is shown at once, the selection kept on the line and at the characters where it was, lines
 * added above or not; the echo of the editor's own typing leaves the field as it is. With a
 * French `lang`, typed with French typography as the item's text is.
 */
export function LinesTextarea({ value, onChange, rows, lang }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  // The field's text is written here, not by Preact, which would put the caret at its end.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || el.value === value) return;
    if (document.activeElement !== el) {
      el.value = value;
      return;
    }
    const before = el.value;
    const { selectionStart, selectionEnd, selectionDirection } = el;
    el.value = value;
    el.setSelectionRange(
      keptOffset(before, value, selectionStart),
      keptOffset(before, value, selectionEnd),
      selectionDirection ?? undefined,
    );
  }, [value]);
  return (
    <textarea
      ref={ref}
      rows={rows}
      lang={lang}
      onInput={(e) => {
        const field = e.target as HTMLTextAreaElement;
        const { inputType, data, isComposing } = e as InputEvent;
        if (lang && isFrench(lang) && inputType === 'insertText' && data && !isComposing) {
          typeFrench(field);
        }
        onChange(field.value);
      }}
    />
  );
}
