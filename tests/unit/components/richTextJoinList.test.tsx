import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RichText } from '../../../components/RichText';

afterEach(cleanup);

/** The editor showing `value`, focused, the caret at `at` in it, and what it stored. */
function editor(value: string, at: (area: HTMLElement) => [Node, number]) {
  const onChange = vi.fn();
  render(<RichText value={value} onChange={onChange} label="Texte" />);
  const area = screen.getByTestId('item-text');
  area.focus();
  const caret = document.createRange();
  caret.setStart(...at(area));
  window.getSelection()!.removeAllRanges();
  window.getSelection()!.addRange(caret);
  return { area, stored: () => onChange.mock.lastCall?.[0] as string | undefined };
}

/** Backspace (or, `forward`, Suppr) about to delete: its `beforeinput`. Whether it was taken. */
function deleteKey(area: HTMLElement, forward = false): boolean {
  const event = new InputEvent('beforeinput', {
    inputType: forward ? 'deleteContentForward' : 'deleteContentBackward',
    bubbles: true,
    cancelable: true,
  });
  return !area.dispatchEvent(event);
}

describe('RichText, Backspace and Suppr joining a paragraph and a list’s entry', () => {
  it('joins a quote’s paragraph to the list’s last entry before it on Backspace at its start, one undo step', () => {
    const start = '<ul><li>Un</li><li>Deux</li></ul><p>« <span lang="en">Yes</span> »</p>';
    const { area, stored } = editor(start, (el) => [el.lastElementChild!.firstChild!, 0]);

    expect(deleteKey(area)).toBe(true);

    // Its words as they were, the quote's span whole: Chromium's own join cut it in bare
    // <span>s (« Deux« <span lang="en">Yes</span><span> »</span> »), each refused a style.
    const joined = '<ul><li>Un</li><li>Deux« <span lang="en">Yes</span> »</li></ul>';
    expect(area.innerHTML).toBe(joined);
    expect(stored()).toBe(joined);
    const caret = window.getSelection()!.getRangeAt(0);
    expect([caret.startContainer, caret.startOffset]).toEqual([
      area.querySelectorAll('li')[1]!.firstChild,
      4,
    ]);
    fireEvent.keyDown(area, { key: 'z', ctrlKey: true });
    expect(area.innerHTML).toBe(start);
    expect(stored()).toBe(start);
  });

  it('joins the list’s first entry to the paragraph before it on Suppr at its end, the list gone with its only entry', () => {
    const { area, stored } = editor(
      '<p>Avant <strong>fort</strong></p><ul><li>« <span lang="en">Yes</span> »</li><li>Deux</li></ul>',
      (el) => [el.querySelector('strong')!.firstChild!, 4],
    );
    expect(deleteKey(area, true)).toBe(true);
    expect(stored()).toBe(
      '<p>Avant <strong>fort</strong>« <span lang="en">Yes</span> »</p><ul><li>Deux</li></ul>',
    );
    cleanup();

    const alone = editor('<p>Avant.</p><ol><li>Un</li></ol>', (el) => [
      el.firstChild!.firstChild!,
      6,
    ]);
    expect(deleteKey(alone.area, true)).toBe(true);
    expect(alone.stored()).toBe('<p>Avant.Un</p>');
  });

  it('joins the paragraph after a list to its last entry on Suppr at that entry’s end', () => {
    const { area, stored } = editor(
      '<ul><li>Un</li><li>Deux</li></ul><p>Suite <em>fin</em>.</p>',
      (el) => [el.querySelectorAll('li')[1]!.firstChild!, 4],
    );
    expect(deleteKey(area, true)).toBe(true);
    expect(stored()).toBe('<ul><li>Un</li><li>DeuxSuite <em>fin</em>.</li></ul>');
  });

  it('leaves the browser to join two entries of a list, and Backspace at a list’s first entry to the editor’s own', () => {
    for (const [html, at, forward] of [
      [
        '<ul><li>Un</li><li>Deux</li></ul>',
        (el: HTMLElement) => [el.querySelectorAll('li')[1]!.firstChild!, 0],
        false,
      ],
      [
        '<ul><li>Un</li><li>Deux</li></ul>',
        (el: HTMLElement) => [el.querySelector('li')!.firstChild!, 2],
        true,
      ],
      [
        '<p>Avant.</p><ul><li>Un</li></ul>',
        (el: HTMLElement) => [el.querySelector('li')!.firstChild!, 0],
        false,
      ],
      // Within the words, beside a list.
      [
        '<ul><li>Un</li></ul><p>Suite.</p>',
        (el: HTMLElement) => [el.lastElementChild!.firstChild!, 1],
        false,
      ],
    ] as const) {
      const { area } = editor(html, at as (el: HTMLElement) => [Node, number]);
      expect(deleteKey(area, forward)).toBe(false);
      cleanup();
    }
  });
});
