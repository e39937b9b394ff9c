import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keptOffset, LinesTextarea } from '../../../components/LinesTextarea';

afterEach(cleanup);

describe('keptOffset', () => {
  it('follows a line past lines added or removed above it', () => {
    // After « Deux » (offset 8 of the line « Deux », offset 4 in it).
    expect(keptOffset('Un\nDeux\nTrois', 'Zéro\nUn\nDeux\nTrois', 7)).toBe(12);
    expect(keptOffset('Un\nDeux\nTrois', 'Deux\nTrois', 7)).toBe(4);
  });

  it('stays where it is when lines change below', () => {
    expect(keptOffset('Un\nDeux', 'Un\nDeux\nTrois', 5)).toBe(5);
  });

  it('follows the words around it into the part of a line split in two', () => {
    // After « suite » of « Urgent. La suite », the line split and another added above.
    const before = 'Un\nUrgent. La suite\nFin';
    const after = 'Zéro\nUn\nUrgent.\nLa suite\nFin';
    expect(keptOffset(before, after, 19)).toBe(after.indexOf('\nFin'));
  });

  it('keeps the same character of the whole text when its line is gone', () => {
    expect(keptOffset('Un\nDeux\nTrois', 'Un\nTrois', 5)).toBe(5);
  });
});

describe('LinesTextarea', () => {
  it('keeps the selection on its line when lines come in above while it is edited', () => {
    const onChange = vi.fn();
    const { container, rerender } = render(
      <LinesTextarea value={'Un\nDeux\nTrois'} onChange={onChange} />,
    );
    const field = container.querySelector('textarea')!;
    expect(field.value).toBe('Un\nDeux\nTrois');
    field.focus();
    // « eu » of « Deux » selected.
    field.setSelectionRange(4, 6);

    rerender(<LinesTextarea value={'Zéro\nUn\nDeux\nTrois'} onChange={onChange} />);

    expect(field.value).toBe('Zéro\nUn\nDeux\nTrois');
    expect(field.value.slice(field.selectionStart, field.selectionEnd)).toBe('eu');
  });

  it('sends what is typed, and leaves its echo as it is', () => {
    const onChange = vi.fn();
    const { container, rerender } = render(<LinesTextarea value="Un" onChange={onChange} />);
    const field = container.querySelector('textarea')!;
    field.focus();
    field.value = 'Un mot ';
    field.setSelectionRange(7, 7);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    expect(onChange).toHaveBeenCalledWith('Un mot ');

    rerender(<LinesTextarea value="Un mot " onChange={onChange} />);

    expect(field.value).toBe('Un mot ');
    expect(field.selectionStart).toBe(7);
  });
});

describe('LinesTextarea in French', () => {
  /** Types `key` at the end of `field`, as the browser does: the text, then its `input`. */
  function type(field: HTMLTextAreaElement, key: string) {
    field.setRangeText(key, field.selectionStart, field.selectionEnd, 'end');
    field.dispatchEvent(
      new InputEvent('input', { inputType: 'insertText', data: key, bubbles: true }),
    );
  }

  it('typesets the keystroke as the item’s text does, on the line typed, and sends that', () => {
    const onChange = vi.fn();
    const { container } = render(
      <LinesTextarea value={'Un.\nLe ministre'} onChange={onChange} lang="fr" />,
    );
    const field = container.querySelector('textarea')!;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
    for (const key of [' ', 'p', 'a', 'r', 't', ' ', '?']) type(field, key);
    expect(field.value).toBe('Un.\nLe ministre part\u202f?');
    expect(onChange).toHaveBeenLastCalledWith('Un.\nLe ministre part\u202f?');
    expect(field.selectionStart).toBe(field.value.length);
    type(field, ' ');
    type(field, "l'");
    expect(field.value).toBe('Un.\nLe ministre part\u202f? l’');
  });

  it('leaves an English text, or one with no language, as typed', () => {
    for (const lang of ['en', undefined]) {
      const { container } = render(<LinesTextarea value="Why" onChange={vi.fn()} lang={lang} />);
      const field = container.querySelector('textarea')!;
      field.setSelectionRange(3, 3);
      type(field, ' ');
      type(field, '?');
      expect(field.value).toBe('Why ?');
      cleanup();
    }
  });
});
