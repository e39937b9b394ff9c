import { describe, expect, it } from 'vitest';
import { pairQuotes, quoteMarks } from '../../../lib/quotes';

/** The pairs of `text` as [opening mark, closing mark] characters, and its lone marks. */
function read(text: string) {
  const { pairs, lone } = pairQuotes(quoteMarks(text));
  return {
    pairs: [...pairs].map(([open, close]) => `${text[open]}${text[close]}`),
    lone: [...lone].map((index) => text[index]),
  };
}

describe('quoteMarks and pairQuotes', () => {
  it('pairs French, English, German and straight quotations, nested too', () => {
    expect(read('« Il a dit “oui” » puis „ja“ et "si"')).toEqual({
      pairs: ['“”', '«»', '„“', '""'],
      lone: [],
    });
  });

  it('reads apostrophes between letters as no marks, and single quotes as marks', () => {
    expect(read("l’été d'OVH, ‘quoted’")).toEqual({ pairs: ['‘’'], lone: [] });
  });

  it('lists the marks a passage cut in two left without a partner', () => {
    expect(read('« Le projet avance, a-t-il dit. Et “demain')).toEqual({
      pairs: [],
      lone: ['«', '“'],
    });
  });
});
