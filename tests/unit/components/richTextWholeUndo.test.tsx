import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RichText } from '../../../components/RichText';

afterEach(cleanup);

describe('RichText, the whole text typed over then undone (Firefox)', () => {
  it('puts the caret back at the start of the first paragraph, where the next key goes in it', () => {
    const start = '<p>Modèle.</p><p>À remplacer.</p>';
    const onChange = vi.fn();
    render(<RichText value={start} onChange={onChange} label="Texte" />);
    const area = screen.getByTestId('item-text');
    area.focus();
    // Firefox's Ctrl+A: from right in the editor, before the first paragraph, to after the last.
    const all = document.createRange();
    all.setStart(area, 0);
    all.setEnd(area, 2);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(all);
    document.dispatchEvent(new Event('selectionchange'));
    // The key typed over it, as Firefox types it: the paragraphs gone, the letter right in it.
    const typed = document.createTextNode('a');
    area.replaceChildren(typed);
    const caret = document.createRange();
    caret.setStart(typed, 1);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(caret);
    fireEvent.input(area, { inputType: 'insertText', data: 'a' });
    expect(area.innerHTML).toBe('<p>a</p>');

    fireEvent.keyDown(area, { key: 'z', ctrlKey: true });

    expect(area.innerHTML).toBe(start);
    const back = window.getSelection()!.getRangeAt(0);
    expect([back.startContainer, back.startOffset]).toEqual([area.firstChild!.firstChild, 0]);
  });
});
