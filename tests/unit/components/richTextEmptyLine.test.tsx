import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RichText, type RichTextHandle } from '../../../components/RichText';

afterEach(cleanup);

/** The caret, collapsed, at `offset` of `node`. */
function caretAt(node: Node, offset: number) {
  const caret = document.createRange();
  caret.setStart(node, offset);
  window.getSelection()!.removeAllRanges();
  window.getSelection()!.addRange(caret);
}

/**
 * The editor showing `value`, focused, where the editor just pressed Enter: `typed` shown, the
 * caret in its empty block `at`. `rewrite` gives it a value from elsewhere.
 */
function typedEmptyLine(value: string, typed: string, at: (area: HTMLElement) => Element) {
  const onChange = vi.fn();
  const { rerender } = render(<RichText value={value} onChange={onChange} label="Texte" />);
  const area = screen.getByTestId('item-text');
  area.focus();
  area.innerHTML = typed;
  caretAt(at(area), 0);
  fireEvent.input(area, { inputType: 'insertParagraph' });
  return {
    area,
    stored: () => onChange.mock.lastCall?.[0] as string | undefined,
    rewrite: (next: string) =>
      rerender(<RichText value={next} onChange={onChange} label="Texte" />),
  };
}

/** The paragraph or entry the caret is in. */
function caretBlock(): Element | null | undefined {
  const caret = window.getSelection()!.getRangeAt(0);
  const node = caret.startContainer;
  return (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('p, li');
}

describe('RichText, an empty line being typed in when the text changes elsewhere', () => {
  it('keeps the empty paragraph the caret is in, in its place, when a colleague’s change is written under it', () => {
    const { area, stored, rewrite } = typedEmptyLine(
      '<p>Un.</p><p>Deux.</p>',
      '<p>Un.</p><p><br></p><p>Deux.</p>',
      (el) => el.children[1]!,
    );
    // Not stored (see cleanItemHtml): the colleague's text has none.
    expect(stored()).toBe('<p>Un.</p><p>Deux.</p>');

    rewrite('<p>Un.</p><p>Deux, ailleurs.</p>');

    // The caret still in an empty line after « Un. », where the next key goes: not at the end
    // of « Un. », whose paragraph the next word typed would have joined.
    expect(area.innerHTML).toBe('<p>Un.</p><p><br></p><p>Deux, ailleurs.</p>');
    expect(caretBlock()).toBe(area.children[1]);
  });

  it('keeps it after a paragraph added above, at the end of the text, after a list, and an empty entry of a list', () => {
    const end = typedEmptyLine('<p>Un.</p>', '<p>Un.</p><p><br></p>', (el) => el.children[1]!);
    end.rewrite('<p>Zéro.</p><p>Un.</p>');
    expect(end.area.innerHTML).toBe('<p>Zéro.</p><p>Un.</p><p><br></p>');
    expect(caretBlock()).toBe(end.area.children[2]);
    cleanup();

    const list = typedEmptyLine(
      '<ul><li>Un</li></ul>',
      '<ul><li>Un</li></ul><p><br></p>',
      (el) => el.children[1]!,
    );
    list.rewrite('<p>Avant.</p><ul><li>Un</li></ul>');
    expect(list.area.innerHTML).toBe('<p>Avant.</p><ul><li>Un</li></ul><p><br></p>');
    expect(caretBlock()).toBe(list.area.children[2]);
    cleanup();

    const entry = typedEmptyLine(
      '<ul><li>Un</li></ul><p>Après.</p>',
      '<ul><li>Un</li><li><br></li></ul><p>Après.</p>',
      (el) => el.querySelectorAll('li')[1]!,
    );
    entry.rewrite('<ul><li>Un</li></ul><p>Après, ailleurs.</p>');
    expect(entry.area.innerHTML).toBe('<ul><li>Un</li><li><br></li></ul><p>Après, ailleurs.</p>');
    expect(caretBlock()).toBe(entry.area.querySelectorAll('li')[1]);
  });

  it('puts none in twice when the text from elsewhere has the empty line too (an older draft’s)', () => {
    const { area, rewrite } = typedEmptyLine(
      '<p>Un.</p><p>Deux.</p>',
      '<p>Un.</p><p><br></p><p>Deux.</p>',
      (el) => el.children[1]!,
    );
    rewrite('<p>Un.</p><p><br></p><p>Deux, ailleurs.</p>');
    expect(area.innerHTML).toBe('<p>Un.</p><p><br></p><p>Deux, ailleurs.</p>');
    expect(caretBlock()).toBe(area.children[1]);
  });
});

describe('RichText, an empty line being typed in when the editor leaves the text', () => {
  it('still shows it when the keyboard goes to a quote’s button, and « En paragraphe » puts the quote there', () => {
    const onChange = vi.fn();
    const handle: { current: RichTextHandle | null } = { current: null };
    render(
      <RichText
        value="<p>Avant.</p><p>Après.</p>"
        onChange={onChange}
        label="Texte"
        handle={handle}
      />,
    );
    const area = screen.getByTestId('item-text');
    area.focus();
    // Enter at the end of « Avant. »: an empty line between the two paragraphs.
    const typed = '<p>Avant.</p><p><br></p><p>Après.</p>';
    area.innerHTML = typed;
    caretAt(area.children[1]!, 0);
    fireEvent.input(area, { inputType: 'insertParagraph' });
    document.dispatchEvent(new Event('selectionchange'));
    // Tab to a quote's « En paragraphe » (the quotes' list, after the text).
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();

    expect(area.innerHTML).toBe(typed);
    handle.current!.insertQuote({ text: 'Oui.' }, true);
    // In the empty line, not after « Après. » at the end of the text.
    expect(area.innerHTML).toBe('<p>Avant.</p><p>« Oui. »</p><p><br></p><p>Après.</p>');
    expect(onChange.mock.lastCall?.[0]).toBe('<p>Avant.</p><p>« Oui. »</p><p>Après.</p>');
    button.remove();
  });

  it('shows the text cleaned when it left words to clean, as before', () => {
    // What the editor typed comes back as the text's value, as in the item editor.
    function Stored() {
      const [value, setValue] = useState('<p>Avant.</p>');
      return <RichText value={value} onChange={setValue} label="Texte" />;
    }
    render(<Stored />);
    const area = screen.getByTestId('item-text');
    area.focus();
    area.innerHTML = '<p>Avant, <b>fort</b>.</p><p><br></p>';
    caretAt(area.children[1]!, 0);
    fireEvent.input(area, { inputType: 'insertParagraph' });
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    expect(area.innerHTML).toBe('<p>Avant, <strong>fort</strong>.</p>');
    button.remove();
  });
});

describe('RichText, Backspace at the start of a paragraph after a line broken at the end of the one before', () => {
  it('moves its words up to that empty line, not below it', () => {
    const onChange = vi.fn();
    // Maj+Entrée at the end of « Ligne » (Chromium's empty line: two <br>, the last holding it
    // open), then Backspace at the start of « Suite ».
    render(<RichText value="<p>Ligne<br><br></p><p>Suite</p>" onChange={onChange} label="Texte" />);
    const area = screen.getByTestId('item-text');
    area.focus();
    caretAt(area.children[1]!.firstChild!, 0);
    const backspace = new InputEvent('beforeinput', {
      inputType: 'deleteContentBackward',
      bubbles: true,
      cancelable: true,
    });
    expect(area.dispatchEvent(backspace)).toBe(false);

    // « Suite » on the empty line, as the browsers join them; not a line left empty above it.
    expect(area.innerHTML).toBe('<p>Ligne<br>Suite</p>');
    expect(onChange.mock.lastCall?.[0]).toBe('<p>Ligne<br>Suite</p>');
    const caret = window.getSelection()!.getRangeAt(0);
    expect(caretBlock()).toBe(area.firstChild);
    expect(caret.startContainer.textContent).not.toBe('Ligne');
  });

  it('keeps that empty line when Backspace takes away an empty paragraph after it', () => {
    const onChange = vi.fn();
    render(<RichText value="<p>Ligne<br><br></p><p><br></p>" onChange={onChange} label="Texte" />);
    const area = screen.getByTestId('item-text');
    area.focus();
    caretAt(area.children[1]!, 0);
    const backspace = new InputEvent('beforeinput', {
      inputType: 'deleteContentBackward',
      bubbles: true,
      cancelable: true,
    });
    expect(area.dispatchEvent(backspace)).toBe(false);

    // Only the empty paragraph goes: the line broken after « Ligne » is still there.
    expect(area.innerHTML).toBe('<p>Ligne<br><br></p>');
  });
});
