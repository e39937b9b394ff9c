/**
 * French typography as the editor types, the exports' own (export/typography.ts): what a word
 * processor set to French does at each keystroke. A plain space before `?`, `!` or `;` becomes
 * a narrow no-break space (U+202F), one before `:` a no-break space (U+00A0), as do the spaces
 * after `«` and before `»` (one put there when none was typed, as the exports put it), and a
 * straight apostrophe after a letter becomes `’`.
 *
 * The rules are the exports': the few characters around the keystroke are typeset by
 * {@link frenchTypographyText}, and only what it changes in them is taken, and only what typing
 * may change — a space made no-break, an apostrophe made typographic, a no-break space put
 * inside guillemets. Its other work (a missing space put before `?`, which `index.php?id=1`
 * being typed does not want yet; `...`, `--`, spaces before a full stop, quotes paired across a
 * paragraph) stays the exports'. What they never touch is not touched here either: a URL, an
 * e-mail address, a time (`11:30`): an apostrophe made `’` in what the `@` typed next shows to
 * be an address's name (jean.o'brien@…) is given back straight.
 */
import { ELIDED_START, ELISION, frenchTypographyText, NBSP, NNBSP } from './typography';

/** An elision at the start of an address's name as typed (l’ or l'), not part of the address. */
const ELIDED = new RegExp(String.raw`^${ELISION}['’](?=${ELIDED_START})`, 'u');

/** The change typing takes: `text` in place of what comes from `from` to the caret. */
export interface TypedChange {
  from: number;
  text: string;
}

/** The spaces a keystroke's change may make no-break. */
const SPACES = new Set([' ', '\t', NBSP, NNBSP]);
const NO_BREAK = new Set([NBSP, NNBSP]);

/**
 * The last keystroke's typography: `before` is the text of the paragraph up to the caret, the
 * character just typed last (its bold, italic or link read through). Returns the change to make
 * to its end, or null when there is none (the text is left as typed). Only the word before the
 * keystroke and the spaces between are read: what was written earlier in the paragraph, as it
 * was written, is not this keystroke's to change.
 */
export function typedTypography(before: string): TypedChange | null {
  // The word before the keystroke (a URL is one), the spaces typed after it, the keystroke.
  const match = /(\S*?)([ \t\u00A0\u202F]*)(\S)$/u.exec(before);
  if (!match) return null;
  const [window, word = '', spaces = '', typed = ''] = match;
  if (typed === '@' && spaces === '') return addressTyped(before, word);
  if (!/['?!;:«»]/.test(window)) return null;
  const set = frenchTypographyText(window);
  if (set === window) return null;
  const tail = window.slice(word.length);
  // The exports' work on the word itself (an apostrophe typed before this feature, say) is left.
  const changed = set.slice(set.length - tail.length - (set.length > window.length ? 1 : 0));
  if (set.length !== window.length) {
    // « stuck to the word typed after it, or » to the one before: the space the exports put.
    const guillemet = typed === '»' || word.endsWith('«');
    if (!guillemet || spaces !== '' || set.length !== window.length + 1) return null;
  }
  // Only what typing may change: spaces made no-break, an apostrophe made typographic.
  let j = 0;
  for (let i = 0; i < changed.length; i++) {
    const now = changed[i] as string;
    const was = tail[j];
    if (now === was) {
      j++;
      continue;
    }
    if (was !== undefined && SPACES.has(was) && NO_BREAK.has(now)) j++;
    else if (was === "'" && now === '’') j++;
    else if (NO_BREAK.has(now) && changed.length > tail.length && i === j) continue;
    else return null;
  }
  if (j !== tail.length || changed === tail) return null;
  return { from: before.length - tail.length, text: changed };
}

/**
 * `@` typed right after `word`: the name of an e-mail address, which the exports leave as
 * written. An apostrophe typing made `’` in it (`o’` as `jean.o'brien` was typed) is made
 * straight again, as the address is written; null when the name has none.
 */
function addressTyped(before: string, word: string): TypedChange | null {
  // The address's name: the end of the word that an address's name may be made of, after an
  // elision glued to it (l’info@…), which is the prose's and stays as typed.
  const tail = /[\p{L}\p{N}._%+'’-]*$/u.exec(word)?.[0] ?? '';
  const name = tail.replace(ELIDED, '');
  if (!/[\p{L}\p{N}]’[\p{L}\p{N}]/u.test(name)) return null;
  return {
    from: before.length - 1 - name.length,
    text: `${name.replace(/([\p{L}\p{N}])’(?=[\p{L}\p{N}])/gu, "$1'")}@`,
  };
}
