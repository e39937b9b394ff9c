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
