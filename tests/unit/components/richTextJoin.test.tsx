import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RichText } from '../../../components/RichText';
import { joinedParagraphs } from '../../../components/richtext';

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

/**
 * Backspace (or, `forward`, Suppr; with `word`, Ctrl held) about to delete: its `beforeinput`.
 * Whether it was taken.
 */
function deleteKey(area: HTMLElement, forward = false, word = false): boolean {
  const event = new InputEvent('beforeinput', {
    inputType: `delete${word ? 'Word' : 'Content'}${forward ? 'Forward' : 'Backward'}`,
    bubbles: true,
    cancelable: true,
  });
  return !area.dispatchEvent(event);
}

describe('RichText, Backspace at a paragraph’s start and Suppr at its end', () => {
  it('joins a quote to the paragraph before on Backspace at its start, its words as they were, one undo step', () => {
    const start = '<p>Avant <strong>fort</strong></p><p>« <span lang="en">Yes</span> »</p>';
    const { area, stored } = editor(start, (el) => [el.children[1]!.firstChild!, 0]);

    expect(deleteKey(area)).toBe(true);

    // No bare <span> around the words moved (Chromium's own join), the quote's span kept.
    const joined = '<p>Avant <strong>fort</strong>« <span lang="en">Yes</span> »</p>';
    expect(area.innerHTML).toBe(joined);
    expect(stored()).toBe(joined);
    // The caret at the join, in the words before it.
    const caret = window.getSelection()!.getRangeAt(0);
    expect([caret.startContainer, caret.startOffset]).toEqual([
      area.querySelector('strong')!.firstChild,
      4,
    ]);
    fireEvent.keyDown(area, { key: 'z', ctrlKey: true });
    expect(area.innerHTML).toBe(start);
    expect(stored()).toBe(start);
  });

  it('joins the paragraph after on Suppr at the end of one', () => {
    const { area, stored } = editor('<p>Avant.</p><p>Suite <em>fin</em>.</p>', (el) => [
      el.firstChild!.firstChild!,
      6,
    ]);

    expect(deleteKey(area, true)).toBe(true);

    expect(area.innerHTML).toBe('<p>Avant.Suite <em>fin</em>.</p>');
    expect(stored()).toBe('<p>Avant.Suite <em>fin</em>.</p>');
  });

  it('joins them on Ctrl+Retour arrière and Ctrl+Suppr at the edge too', () => {
    const { area, stored } = editor('<p>Un.</p><p>Deux.</p><p>Trois.</p>', (el) => [
      el.children[1]!.firstChild!,
      0,
    ]);

    expect(deleteKey(area, false, true)).toBe(true);
    expect(stored()).toBe('<p>Un.Deux.</p><p>Trois.</p>');
    const end = document.createRange();
    end.setStart(area.firstChild!.lastChild!, area.firstChild!.lastChild!.textContent!.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(end);
    expect(deleteKey(area, true, true)).toBe(true);
    expect(stored()).toBe('<p>Un.Deux.Trois.</p>');
  });

  it('leaves the browser to delete within the words, at a line break', () => {
    // Beside a list, a paragraph joins the entry next to it: see richTextJoinList.
    for (const [html, at, forward] of [
      ['<p>Avant.</p><p>Suite.</p>', (el: HTMLElement) => [el.children[1]!.firstChild!, 1], false],
      [
        '<p>Avant.</p><p>Un<br>deux</p>',
        (el: HTMLElement) => [el.children[1]!.lastChild!, 0],
        false,
      ],
    ] as const) {
      const { area } = editor(html, at as (el: HTMLElement) => [Node, number]);
      expect(deleteKey(area, forward)).toBe(false);
      cleanup();
    }
  });
});

describe('joinedParagraphs', () => {
  it('joins an empty paragraph as one with words, the caret on either side of its <br>', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Avant.</p><p><br></p>';
    const caret = document.createRange();
    caret.setStart(root.children[1]!, 0);
    const joined = joinedParagraphs(caret, root, false)!;
    expect([joined.startContainer, joined.startOffset]).toEqual([root.firstChild, 1]);
    caret.setStart(root.firstChild!.firstChild!, 6);
    caret.collapse(true);
    expect(joinedParagraphs(caret, root, true)).not.toBeNull();
    // Right in the editor (Firefox after Ctrl+A), nothing to join.
    caret.setStart(root, 1);
    expect(joinedParagraphs(caret, root, false)).toBeNull();
  });
});
