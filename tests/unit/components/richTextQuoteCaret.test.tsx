import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RichText, type RichTextHandle } from '../../../components/RichText';

afterEach(cleanup);

/** The editor showing `value`, focused, the caret at `at` in it; what it stored; its handle. */
function editor(value: string, at: (area: HTMLElement) => [Node, number]) {
  const onChange = vi.fn();
  const handle: { current: RichTextHandle | null } = { current: null };
  render(<RichText value={value} onChange={onChange} label="Texte" handle={handle} />);
  const area = screen.getByTestId('item-text');
  area.focus();
  const caret = document.createRange();
  caret.setStart(...at(area));
  window.getSelection()!.removeAllRanges();
  window.getSelection()!.addRange(caret);
  document.dispatchEvent(new Event('selectionchange'));
  return { area, handle, stored: () => onChange.mock.lastCall?.[0] as string | undefined };
}

/** Where the caret is: its node and offset. */
const caretAt = () => {
  const caret = window.getSelection()!.getRangeAt(0);
  return [caret.startContainer, caret.startOffset];
};

describe('RichText, a quote inserted as a paragraph of its own', () => {
  it('leaves the caret in an empty paragraph after the quote, where the next key no longer joins it', () => {
    const start = '<p>Avant.</p><p>Après.</p>';
    const { area, handle, stored } = editor(start, (el) => [el.firstChild!.firstChild!, 3]);

    handle.current!.insertQuote({ text: 'Nous ne céderons pas.' }, true);

    expect(area.innerHTML).toBe(
      '<p>Avant.</p><p>« Nous ne céderons pas. »</p><p><br></p><p>Après.</p>',
    );
    expect(caretAt()).toEqual([area.children[2], 0]);
    // The empty paragraph is the caret's, not the text's: none is stored.
    expect(stored()).toBe('<p>Avant.</p><p>« Nous ne céderons pas. »</p><p>Après.</p>');
    // One step: Ctrl+Z takes the quote and the paragraph away together.
    fireEvent.keyDown(area, { key: 'z', ctrlKey: true });
    expect(area.innerHTML).toBe(start);
    expect(stored()).toBe(start);
  });

  it('uses the empty paragraph already after the quote, and puts the quote in place of the empty one the caret was in', () => {
    // Chromium's caret in an empty line, the browser's empty line after it.
    const { area, handle, stored } = editor('<p>Avant.</p><p><br></p><p><br></p>', (el) => [
      el.children[1]!,
      0,
    ]);

    handle.current!.insertQuote({ text: 'Oui.' }, true);

    expect(area.innerHTML).toBe('<p>Avant.</p><p>« Oui. »</p><p><br></p>');
    expect(caretAt()).toEqual([area.children[2], 0]);
    expect(stored()).toBe('<p>Avant.</p><p>« Oui. »</p>');
  });

  it('leaves the caret in an empty entry after a quote inserted in a list', () => {
    const { area, handle } = editor('<ul><li>Un</li><li>Deux</li></ul>', (el) => [
      el.querySelector('li')!.firstChild!,
      2,
    ]);

    handle.current!.insertQuote({ text: 'Oui.' }, true);

    expect(area.innerHTML).toBe('<ul><li>Un</li><li>« Oui. »</li><li><br></li><li>Deux</li></ul>');
    expect(caretAt()).toEqual([area.querySelectorAll('li')[2], 0]);
  });
});
