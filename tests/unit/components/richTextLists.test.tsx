import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RichText } from '../../../components/RichText';

afterEach(cleanup);

/** The editor showing `value`, focused, and what it stored (its last change). */
function editor(value: string) {
  const onChange = vi.fn();
  render(<RichText value={value} onChange={onChange} label="Texte" />);
  const area = screen.getByTestId('item-text');
  area.focus();
  return { area, stored: () => onChange.mock.lastCall?.[0] as string | undefined };
}

/** Puts the selection from `start` to `end` (the caret when no end). */
function select(start: [Node, number], end = start) {
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  window.getSelection()!.removeAllRanges();
  window.getSelection()!.addRange(range);
}

/** A paste of `data` (type → text), as the browser sends it. */
function paste(area: HTMLElement, data: Record<string, string>) {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', {
    value: { getData: (t: string) => data[t] ?? '' },
  });
  area.dispatchEvent(event);
}

describe('RichText with a list', () => {
  it('makes the first entry a paragraph before the list on Backspace at its start, in one undo step', () => {
    const list = '<p>Avant</p><ul><li>Un <strong>fort</strong></li><li>Deux</li></ul>';
    const { area, stored } = editor(list);
    select([area.querySelector('li')!.firstChild!, 0]);

    fireEvent.keyDown(area, { key: 'Backspace' });

    // Shown as stored: a paragraph, not bare text and a <br> (Chromium's outdent).
    const unlisted = '<p>Avant</p><p>Un <strong>fort</strong></p><ul><li>Deux</li></ul>';
    expect(area.innerHTML).toBe(unlisted);
    expect(stored()).toBe(unlisted);
    expect(area.querySelector('[style]')).toBeNull();
    // The caret stays before « Un ».
    const caret = window.getSelection()!.getRangeAt(0);
    expect(caret.startContainer).toBe(area.children[1]!.firstChild);
    expect(caret.startOffset).toBe(0);

    fireEvent.keyDown(area, { key: 'z', ctrlKey: true });
    expect(area.innerHTML).toBe(list);
    expect(stored()).toBe(list);
    expect(window.getSelection()!.getRangeAt(0).startContainer).toBe(
      area.querySelector('li')!.firstChild,
    );
    fireEvent.keyDown(area, { key: 'y', ctrlKey: true });
    expect(area.innerHTML).toBe(unlisted);
    expect(stored()).toBe(unlisted);
  });

  it('drops a list of one entry when Backspace makes that entry a paragraph', () => {
    const { area, stored } = editor('<ol><li>Seul</li></ol>');
    select([area.querySelector('li')!.firstChild!, 0]);

    fireEvent.keyDown(area, { key: 'Backspace' });

    expect(stored()).toBe('<p>Seul</p>');
  });

  it('replaces a list wholly selected with the paragraphs pasted over it, in one undo step', () => {
    const list = '<ol><li>Un</li><li>Deux</li></ol>';
    const { area, stored } = editor(list);
    const entries = area.querySelectorAll('li');
    // Ctrl+A: from the start of the first entry to the end of the last.
    select([entries[0]!.firstChild!, 0], [entries[1]!.firstChild!, 4]);

    paste(area, { 'text/plain': 'A\n\nB' });

    expect(area.innerHTML).toBe('<p>A</p><p>B</p>');
    expect(stored()).toBe('<p>A</p><p>B</p>');
    fireEvent.keyDown(area, { key: 'z', ctrlKey: true });
    expect(stored()).toBe(list);
  });

  it('takes back the typing after its own edit first, then its own edit, one Ctrl+Z each', () => {
    const list = '<ul><li>Un</li><li>Deux</li></ul>';
    const { area, stored } = editor(list);
    select([area.querySelector('li')!.firstChild!, 0]);
    fireEvent.keyDown(area, { key: 'Backspace' });
    // Typed at the end of the new paragraph, as the browser does it.
    const paragraph = area.querySelector('p')!;
    select([paragraph.firstChild!, 2]);
    (paragraph.firstChild as Text).appendData(' typé');
    fireEvent.input(area, { inputType: 'insertText', data: ' typé' });

    // Prevented: the editor's steps, not the browser's.
    expect(fireEvent.keyDown(area, { key: 'z', ctrlKey: true })).toBe(false);
    expect(area.innerHTML).toBe('<p>Un</p><ul><li>Deux</li></ul>');
    fireEvent.keyDown(area, { key: 'z', ctrlKey: true });
    expect(stored()).toBe(list);
    fireEvent.keyDown(area, { key: 'z', ctrlKey: true, shiftKey: true });
    fireEvent.keyDown(area, { key: 'y', ctrlKey: true });
    expect(stored()).toBe('<p>Un typé</p><ul><li>Deux</li></ul>');
  });
});
