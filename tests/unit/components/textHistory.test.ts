import { describe, expect, it } from 'vitest';
import { TextHistory, TYPING_PAUSE_MS } from '../../../components/textHistory';

/** The text `<p>…</p>` with the caret at the end of it, as the editor notes it. */
const state = (text: string) => ({ html: `<p>${text}</p>`, caret: [0, 0, text.length] });

/** Types `text` one key at a time, `gap` ms apart from `start`; returns the time after. */
function type(history: TextHistory, before: string, text: string, start = 0, gap = 50) {
  let at = start;
  for (let i = 1; i <= text.length; i++) {
    history.record(state(before + text.slice(0, i)), {
      type: 'insertText',
      data: text[i - 1],
      at,
    });
    at += gap;
  }
  return at;
}

/** The texts Ctrl+Z goes back to, one press after another, until there is none. */
function undoAll(history: TextHistory): string[] {
  const texts: string[] = [];
  for (let back = history.undo(); back; back = history.undo()) texts.push(back.html);
  return texts;
}

describe('TextHistory', () => {
  it('takes back a sentence typed in one go a word at a time, not a character', () => {
    const history = new TextHistory(state(''));
    type(history, '', 'Une phrase tapée.');

    expect(undoAll(history)).toEqual(['<p>Une phrase </p>', '<p>Une </p>', '<p></p>']);
  });

  it('ends a step at a pause in the typing', () => {
    const history = new TextHistory(state(''));
    const at = type(history, '', 'Tapé');
    type(history, 'Tapé', 'là', at + TYPING_PAUSE_MS);

    expect(undoAll(history)).toEqual(['<p>Tapé</p>', '<p></p>']);
  });

  it('ends a step when the caret was moved between two keys', () => {
    const history = new TextHistory(state(''));
    type(history, '', 'ab');
    // The caret moved to the start, then back to the end before typing on.
    history.caretAt('<p>ab</p>', [0, 0, 0]);
    history.record(state('abc'), { type: 'insertText', data: 'c', at: 200 });

    expect(undoAll(history)).toEqual(['<p>ab</p>', '<p></p>']);
  });

  it('makes a run of Backspace one step, apart from the typing before it', () => {
    const history = new TextHistory(state(''));
    type(history, '', 'abcd');
    history.record(state('abc'), { type: 'deleteContentBackward', at: 300 });
    history.record(state('ab'), { type: 'deleteContentBackward', at: 350 });

    expect(history.undo()?.html).toBe('<p>abcd</p>');
    expect(history.undo()?.html).toBe('<p></p>');
  });

  it('makes each edit of the editor’s own, or Enter, a step of its own', () => {
    const history = new TextHistory(state('a'));
    history.record(state('ab'), { type: 'own', at: 0 });
    history.record(state('abc'), { type: 'own', at: 10 });
    history.record(state('abcd'), { type: 'insertParagraph', at: 20 });
    history.record(state('abcde'), { type: 'insertText', data: 'e', at: 30 });

    expect(undoAll(history)).toEqual(['<p>abcd</p>', '<p>abc</p>', '<p>ab</p>', '<p>a</p>']);
  });

  it('goes forward again with redo, until a new edit is made', () => {
    const history = new TextHistory(state(''));
    type(history, '', 'Un deux');
    history.undo();
    expect(history.redo()?.html).toBe('<p>Un deux</p>');
    expect(history.redo()).toBeUndefined();
    history.undo();
    history.record(state('Un trois'), { type: 'insertText', data: 't', at: 5000 });

    expect(history.redo()).toBeUndefined();
    expect(history.undo()).toEqual(state('Un '));
  });

  it('puts the caret back where it was before the edit taken back', () => {
    const history = new TextHistory(state('ab'));
    history.caretAt('<p>ab</p>', [0, 0, 1]);
    history.record({ html: '<p>axb</p>', caret: [0, 0, 2] }, { type: 'own', at: 0 });

    expect(history.undo()).toEqual({ html: '<p>ab</p>', caret: [0, 0, 1] });
  });

  it('keeps its steps when the text is written again cleaned, and drops them for another’s', () => {
    const history = new TextHistory(state(''));
    type(history, '', 'Un');
    history.settle(state('Un'));
    expect(history.canUndo).toBe(true);

    history.reset(state('Changé ailleurs'));
    expect(history.canUndo).toBe(false);
    expect(history.undo()).toBeUndefined();
  });
});
