/**
 * The item editor's undo history, kept by the editor itself: Chromium ends its run of typing, and
 * so its undo step, at any change made to the page's text between two keystrokes (the save state,
 * the word count), so that its Ctrl+Z took the text back one character at a time. Typing is
 * grouped here as in a word processor: a step ends at a word (a letter typed after a space), a
 * pause, a caret moved or another kind of edit.
 */

/** The text as it was at one point: its HTML, and where the caret was in it (see `caretPath`). */
export interface TextState {
  html: string;
  caret: number[] | undefined;
}

/** An edit made to the text, as an `input` event tells it. */
export interface TextEdit {
  /** The event's `inputType` (`insertText`, `deleteContentBackward`…); `own` for the editor's. */
  type: string;
  /** The text typed, for typing. */
  data?: string | null;
  /** When, in milliseconds. */
  at: number;
}

/** A pause in typing this long ends an undo step. */
export const TYPING_PAUSE_MS = 1000;

/** How many steps back Ctrl+Z can go. */
const DEPTH = 500;

/** The edits that run on as one step: typing, deleting. Anything else is a step of its own. */
function runKind(type: string): 'type' | 'delete' | undefined {
  if (type === 'insertText' || type === 'insertCompositionText') return 'type';
  if (type.startsWith('delete') && type !== 'deleteByDrag' && type !== 'deleteByCut') {
    return 'delete';
  }
  return undefined;
}

const samePlace = (a: number[] | undefined, b: number[] | undefined) =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((n, i) => n === b[i]);

/** The states to go back and forward to, around the present one. */
export class TextHistory {
  private back: TextState[] = [];
  private forward: TextState[] = [];
  private present: TextState;
  /** The run of typing or deleting the last edit belongs to, while it may go on. */
  private run: { kind: 'type' | 'delete' | 'drag'; endsWithSpace: boolean; at: number } | null =
    null;
  /** Where the last edit left the caret: typing elsewhere is another step. */
  private caretAfter: number[] | undefined;

  constructor(state: TextState) {
    this.present = { ...state };
  }

  /** Whether Ctrl+Z has a step to take back. */
  get canUndo(): boolean {
    return this.back.length > 0;
  }

  /** The text was replaced from elsewhere (another view): no step leads back from it. */
  reset(state: TextState): void {
    this.back = [];
    this.forward = [];
    this.present = { ...state };
    this.run = null;
  }

  /** The same text written again (cleaned, once the editor is left): the steps stay. */
  settle(state: TextState): void {
    this.present = { html: state.html, caret: state.caret ?? this.present.caret };
    this.run = null;
  }

  /**
   * The caret is at `caret` in a text whose HTML is `html`: where it goes back to when the next
   * edit is undone (nothing noted if the text has changed unrecorded).
   */
  caretAt(html: string, caret: number[] | undefined): void {
    if (caret && html === this.present.html) this.present.caret = caret;
  }

  /** The text is now `state`, after `edit`: a new step, or the same one as the edit before. */
  record(state: TextState, edit: TextEdit): void {
    if (state.html === this.present.html) {
      this.present.caret = state.caret ?? this.present.caret;
      return;
    }
    const kind =
      edit.type === 'deleteByDrag' || edit.type === 'insertFromDrop' ? 'drag' : runKind(edit.type);
    const run = this.run;
    const data = edit.data ?? '';
    const goesOn =
      run !== null &&
      kind !== undefined &&
      run.kind === kind &&
      edit.at - run.at < TYPING_PAUSE_MS &&
      // A text dragged within the editor is taken out, then dropped elsewhere: one step.
      (kind === 'drag'
        ? edit.type === 'insertFromDrop'
        : samePlace(this.present.caret, this.caretAfter)) &&
      // A word begins: a step of its own.
      !(kind === 'type' && run.endsWithSpace && /^\S/.test(data));
    if (!goesOn) {
      this.back.push(this.present);
      if (this.back.length > DEPTH) this.back.shift();
    }
    this.forward = [];
    this.present = { ...state };
    this.caretAfter = state.caret;
    this.run = kind
      ? { kind, endsWithSpace: kind === 'type' && /\s$/.test(data), at: edit.at }
      : null;
  }

  /** The state Ctrl+Z goes back to, now the present one; undefined when there is none. */
  undo(): TextState | undefined {
    const state = this.back.pop();
    if (!state) return undefined;
    this.forward.push(this.present);
    this.present = state;
    this.run = null;
    return { ...state };
  }

  /** The state Ctrl+Y goes forward to, now the present one; undefined when there is none. */
  redo(): TextState | undefined {
    const state = this.forward.pop();
    if (!state) return undefined;
    this.back.push(this.present);
    this.present = state;
    this.run = null;
    return { ...state };
  }
}
