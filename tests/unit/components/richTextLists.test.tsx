import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RichText } from '../../../components/RichText';
import { countText, itemText } from '../../../components/richtext';
import { createHouseStyle } from '../../../export/house-style';
import { renderMarkdown } from '../../../export/markdown';

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

/** A key typed at the caret, as the browser types it: its text, then its `input` event. */
function type(area: HTMLElement, text: string) {
  const caret = window.getSelection()!.getRangeAt(0);
  const node = caret.startContainer;
  if (node.nodeType === Node.TEXT_NODE) {
    (node as Text).insertData(caret.startOffset, text);
    select([node, caret.startOffset + text.length]);
  } else {
    const typed = document.createTextNode(text);
    caret.insertNode(typed);
    select([typed, text.length]);
  }
  fireEvent.input(area, { inputType: 'insertText', data: text });
}

/** A space about to be typed: its `beforeinput`, which the editor may take. Whether it did. */
function space(area: HTMLElement): boolean {
  const event = new InputEvent('beforeinput', {
    inputType: 'insertText',
    data: ' ',
    bubbles: true,
    cancelable: true,
  });
  return !area.dispatchEvent(event);
}

describe('RichText making lists', () => {
  const bullets = () => screen.getByRole('button', { name: /^Liste à puces/ });
  const numbers = () => screen.getByRole('button', { name: /^Liste numérotée/ });

  it('names its list buttons and their shortcuts, after « Lien »', () => {
    editor('<p>Un</p>');
    const buttons = screen.getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? '');
    expect(buttons.slice(3, 5)).toEqual([
      'Liste à puces (Ctrl+Maj+8)',
      'Liste numérotée (Ctrl+Maj+7)',
    ]);
    expect(bullets().getAttribute('title')).toBe('Liste à puces (Ctrl+Maj+8)');
  });

  it('makes the caret’s paragraph an entry of a bulleted list, one undo step, the button pressed', () => {
    const text = '<p>Avant</p><p>Un <strong>fort</strong></p><p>Après</p>';
    const { area, stored } = editor(text);
    select([area.children[1]!.firstChild!, 1]);
    expect(bullets().getAttribute('aria-pressed')).toBe('false');

    fireEvent.click(bullets());

    const listed = '<p>Avant</p><ul><li>Un <strong>fort</strong></li></ul><p>Après</p>';
    expect(area.innerHTML).toBe(listed);
    expect(stored()).toBe(listed);
    expect(bullets().getAttribute('aria-pressed')).toBe('true');
    expect(numbers().getAttribute('aria-pressed')).toBe('false');
    // The caret where it was, in the same words.
    const caret = window.getSelection()!.getRangeAt(0);
    expect(caret.startContainer).toBe(area.querySelector('li')!.firstChild);
    expect(caret.startOffset).toBe(1);

    fireEvent.keyDown(area, { key: 'z', ctrlKey: true });
    expect(stored()).toBe(text);
    expect(area.innerHTML).toBe(text);
    fireEvent.keyDown(area, { key: 'y', ctrlKey: true });
    expect(stored()).toBe(listed);
  });

  it('makes the selected paragraphs one numbered list joined to the one after, switches its kind, and makes entries paragraphs again', () => {
    const { area, stored } = editor('<p>Un</p><p>Deux</p><p>Trois</p><ol><li>Quatre</li></ol>');
    // From « Un » to the start of « Trois » (three clicks on « Deux » and a drag): two paragraphs.
    select([area.children[0]!.firstChild!, 0], [area.children[2]!.firstChild!, 0]);
    fireEvent.click(numbers());
    expect(stored()).toBe('<ol><li>Un</li><li>Deux</li></ol><p>Trois</p><ol><li>Quatre</li></ol>');

    // « Trois » as an entry: the lists before and after it are one.
    select([area.children[1]!.firstChild!, 2]);
    fireEvent.keyDown(area, { key: '&', code: 'Digit7', ctrlKey: true, shiftKey: true });
    const numbered = '<ol><li>Un</li><li>Deux</li><li>Trois</li><li>Quatre</li></ol>';
    expect(stored()).toBe(numbered);
    expect(numbers().getAttribute('aria-pressed')).toBe('true');

    // Bulleted in a numbered entry: the list switches kind, entries kept.
    fireEvent.keyDown(area, { key: '*', code: 'Digit8', ctrlKey: true, shiftKey: true });
    const bulleted = numbered.replace(/ol>/g, 'ul>');
    expect(stored()).toBe(bulleted);
    expect(bullets().getAttribute('aria-pressed')).toBe('true');

    // Bulleted again over « Deux » and « Trois »: paragraphs, the list cut around them.
    const entries = area.querySelectorAll('li');
    select([entries[1]!.firstChild!, 1], [entries[2]!.firstChild!, 2]);
    fireEvent.click(bullets());
    expect(stored()).toBe('<ul><li>Un</li></ul><p>Deux</p><p>Trois</p><ul><li>Quatre</li></ul>');
    expect(bullets().getAttribute('aria-pressed')).toBe('false');
    fireEvent.keyDown(area, { key: 'z', ctrlKey: true });
    expect(stored()).toBe(bulleted);
  });

  it('turns a paragraph with « - », « * », « 1. » or « 1) » and a space at its start into an entry; Ctrl+Z gives the typed marker back', () => {
    for (const [marker, kind] of [
      ['-', 'ul'],
      ['*', 'ul'],
      ['1.', 'ol'],
      ['1)', 'ol'],
    ] as const) {
      const { area, stored } = editor('<p>Avant</p><p>Texte</p>');
      select([area.children[1]!.firstChild!, 0]);
      type(area, marker);

      expect(space(area)).toBe(true);

      const listed = `<p>Avant</p><${kind}><li>Texte</li></${kind}>`;
      expect(area.innerHTML).toBe(listed);
      expect(stored()).toBe(listed);
      const caret = window.getSelection()!.getRangeAt(0);
      expect([caret.startContainer, caret.startOffset]).toEqual([
        area.querySelector('li')!.firstChild,
        0,
      ]);
      fireEvent.keyDown(area, { key: 'z', ctrlKey: true });
      expect(stored()).toBe(`<p>Avant</p><p>${marker} Texte</p>`);
      fireEvent.keyDown(area, { key: 'z', ctrlKey: true });
      expect(stored()).toBe('<p>Avant</p><p>Texte</p>');
      fireEvent.keyDown(area, { key: 'y', ctrlKey: true });
      fireEvent.keyDown(area, { key: 'y', ctrlKey: true });
      expect(stored()).toBe(listed);
      cleanup();
    }
  });

  it('turns an empty paragraph into an empty entry after « - » and a space, joined to the list before', () => {
    const { area, stored } = editor('<ul><li>Un</li></ul><p><br></p>');
    select([area.children[1]!, 0]);
    type(area, '-');
    expect(space(area)).toBe(true);
    expect(area.innerHTML).toBe('<ul><li>Un</li><li><br></li></ul>');
    // Empty, the entry is the editor's to type in, not the text's (see cleanItemHtml).
    expect(stored()).toBe('<ul><li>Un</li></ul>');
  });

  it('leaves « - » and a space as text elsewhere: in an entry, after words, inside a quote in its language', () => {
    for (const [html, at] of [
      ['<ul><li>Un</li></ul>', (area: HTMLElement) => area.querySelector('li')!.firstChild!],
      [
        '<p>« <span lang="en">Yes</span> »</p>',
        (area: HTMLElement) => area.querySelector('span')!.firstChild!,
      ],
    ] as const) {
      const { area } = editor(html);
      select([at(area), 0]);
      type(area, '-');
      expect(space(area)).toBe(false);
      expect(area.querySelectorAll('ul, ol').length).toBe(html.startsWith('<ul>') ? 1 : 0);
      cleanup();
    }
    const { area } = editor('<p>Un</p>');
    select([area.querySelector('p')!.firstChild!, 2]);
    type(area, '-');
    expect(space(area)).toBe(false);
  });

  it('stores a list the exports write as one and the counts read as words', () => {
    const { area, stored } = editor('<p>Selon Axios :</p><p>Un</p><p>Deux</p>');
    select([area.children[1]!.firstChild!, 0], [area.children[2]!.firstChild!, 4]);
    fireEvent.click(numbers());
    const body = stored()!;
    expect(body).toBe('<p>Selon Axios :</p><ol><li>Un</li><li>Deux</li></ol>');
    const markdown = renderMarkdown(
      {
        title: 'Les indiscrets du 15 mars',
        date: '2021-03-15',
        items: [{ id: '1', bodyHtml: body, sources: [] }],
      },
      createHouseStyle({ locale: 'en' }),
    );
    expect(markdown).toContain('1. Un\n2. Deux');
    // Selon, Axios, Un, Deux: the entries' words apart, the colon no word.
    expect(countText(itemText(body)).words).toBe(4);
  });
});
