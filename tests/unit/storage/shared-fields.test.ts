import { describe, expect, it } from 'vitest';
import { keepsBoth, mergeSharedText } from '../../../storage/shared-fields';

describe('keepsBoth', () => {
  it('offers both versions of an item’s text, a chapô and a shared note', () => {
    const texts = { base: 'Un.', mine: 'Un, par moi.', theirs: 'Un, par l’autre.' };

    expect(keepsBoth('draft', 'body', texts)).toBe(true);
    expect(keepsBoth('draft', 'sharedNote', texts)).toBe(true);
    expect(keepsBoth('issue', 'intro', texts)).toBe(true);
  });

  it('does not offer both of a one-line field, which a union would make two titles', () => {
    const texts = { base: 'Titre', mine: 'Titre A', theirs: 'Titre B' };

    expect(keepsBoth('draft', 'title', texts)).toBe(false);
    expect(keepsBoth('draft', 'label', texts)).toBe(false);
    expect(keepsBoth('issue', 'title', texts)).toBe(false);
  });

  it('does not offer both of a note one side took back into its browser', () => {
    // '' is a note not shared: a union would share it again.
    expect(keepsBoth('draft', 'sharedNote', { base: 'Note', mine: '', theirs: 'Note B' })).toBe(
      false,
    );
  });

  it('does not offer both where a version is no text', () => {
    expect(
      keepsBoth('draft', 'body', { base: undefined, mine: '<p>A</p>', theirs: '<p>B</p>' }),
    ).toBe(false);
  });

  it('answers true only where the union merge has an answer', () => {
    const cases = [
      ['draft', 'body', { base: '<p>Un.</p>', mine: '<p>A.</p>', theirs: '<p>B.</p>' }],
      ['draft', 'sharedNote', { base: 'Note', mine: '', theirs: 'Note B' }],
      ['issue', 'intro', { base: 'Un', mine: 'Un A', theirs: 'Un B' }],
      ['draft', 'title', { base: 'T', mine: 'A', theirs: 'B' }],
    ] as const;

    for (const [kind, field, texts] of cases) {
      const union = mergeSharedText(kind, field, texts.base, texts.mine, texts.theirs, {
        union: true,
      });
      expect(keepsBoth(kind, field, texts)).toBe(union !== undefined);
    }
  });
});
