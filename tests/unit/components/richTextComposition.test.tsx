import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RichText } from '../../../components/RichText';

afterEach(cleanup);

/** Puts the caret at `node`, `offset`. */
function caretAt(node: Node, offset: number) {
  const range = document.createRange();
  range.setStart(node, offset);
  window.getSelection()!.removeAllRanges();
  window.getSelection()!.addRange(range);
}

describe('RichText, a word composed in an empty text', () => {
  it('leaves the word being composed where the browser put it, then puts it in a paragraph, one undo step with its typing', () => {
    const onChange = vi.fn();
    render(<RichText value="" onChange={onChange} label="Texte" />);
    const area = screen.getByTestId('item-text');
    area.focus();
    caretAt(area, 0);
    const stored = () => onChange.mock.lastCall?.[0] as string | undefined;

    // A French keyboard's dead key: ^ shown while composed (right in the editor, as browsers
    // type in an empty one), then ê in its place.
    const composed = document.createTextNode('^');
    area.append(composed);
    caretAt(composed, 1);
    fireEvent.input(area, { inputType: 'insertCompositionText', data: '^', isComposing: true });
    // Moved now, the browser would leave the ^ there and type ê anew: « ^ê ».
    expect(area.firstChild).toBe(composed);
    composed.data = 'ê';
    caretAt(composed, 1);
    fireEvent.input(area, { inputType: 'insertCompositionText', data: 'ê', isComposing: true });
    expect(area.firstChild).toBe(composed);
    area.dispatchEvent(new CompositionEvent('compositionend', { data: 'ê', bubbles: true }));

    expect(area.innerHTML).toBe('<p>ê</p>');
    expect(stored()).toBe('<p>ê</p>');
    const caret = window.getSelection()!.getRangeAt(0);
    expect([caret.startContainer, caret.startOffset]).toEqual([composed, 1]);
    fireEvent.keyDown(area, { key: 'z', ctrlKey: true });
    expect(stored()).toBe('');
    fireEvent.keyDown(area, { key: 'y', ctrlKey: true });
    expect(stored()).toBe('<p>ê</p>');
  });
});
