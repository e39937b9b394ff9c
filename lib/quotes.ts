/**
 * Quotation marks in a text: which are marks (not apostrophes), whether each opens or closes a
 * quotation, and how they pair. Read by a new draft's template (storage/template.ts), which
 * unwraps and nests quotations, and by the title clean-up (capture/title.ts), for which a
 * separator inside a quotation belongs to the headline.
 */

/** A quotation mark in a passage, and what it does there. */
export interface QuoteMark {
  index: number;
  /** Marks of one family pair with each other: « with », “ „ " with ” “ ", ‘ ' with ’ '. */
  family: 'french' | 'double' | 'single';
  opens: boolean;
}

/** Spaces, and the punctuation a quotation may open right after (`(« oui »)`, `—“yes”`). */
const BEFORE_OPENING = /[\s([{«“„‘'"—–-]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The quotation marks of a passage, each read as opening or closing. « » “ ” „ ‘ say which they
 * are (a “ right after a word and before a space or the end closes a German „…“); straight quotes
 * are told by the spaces around them; ’ and ' between two letters are apostrophes, not marks.
 */
export function quoteMarks(text: string): QuoteMark[] {
  const marks: QuoteMark[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (!'«»“”„"‘’\''.includes(char)) continue;
    const before = text[index - 1];
    const after = text[index + 1];
    const afterOpening = before === undefined || BEFORE_OPENING.test(before);
    const beforeSpace = after === undefined || /\s/.test(after);
    if (char === '«' || char === '»') {
      marks.push({ index, family: 'french', opens: char === '«' });
    } else if (char === '„' || char === '”') {
      marks.push({ index, family: 'double', opens: char === '„' });
    } else if (char === '“') {
      marks.push({
        index,
        family: 'double',
        opens: afterOpening || !/[\s\p{P}]/u.test(after ?? ' '),
      });
    } else if (char === '"') {
      if (afterOpening && beforeSpace) continue; // a lone " between spaces: nothing to read
      marks.push({ index, family: 'double', opens: afterOpening });
    } else if (char === '‘') {
      marks.push({ index, family: 'single', opens: true });
    } else if (!(LETTER_OR_DIGIT.test(before ?? '') && LETTER_OR_DIGIT.test(after ?? ''))) {
      // Not an apostrophe (those are between two letters: `l’été`, `aujourd'hui`): a mark.
      if (afterOpening && beforeSpace) continue;
      marks.push({ index, family: 'single', opens: afterOpening });
    }
  }
  return marks;
}

/**
 * Pairs the marks of each family as they nest: `pairs` maps an opening mark's index to its
 * closing one's; `lone` lists the indexes of the marks left without a partner.
 */
export function pairQuotes(marks: readonly QuoteMark[]): {
  pairs: Map<number, number>;
  lone: Set<number>;
} {
  const pairs = new Map<number, number>();
  const lone = new Set<number>();
  const open: Record<QuoteMark['family'], number[]> = { french: [], double: [], single: [] };
  for (const mark of marks) {
    const stack = open[mark.family];
    if (mark.opens) stack.push(mark.index);
    else {
      const start = stack.pop();
      if (start === undefined) lone.add(mark.index);
      else pairs.set(start, mark.index);
    }
  }
  for (const stack of Object.values(open)) for (const index of stack) lone.add(index);
  return { pairs, lone };
}
