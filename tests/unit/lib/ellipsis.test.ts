import { describe, expect, it } from 'vitest';
import { shortened, withEllipsis, withoutStranded } from '../../../lib/ellipsis';

describe('shortened', () => {
  it('keeps a text that fits whole, without an ellipsis', () => {
    expect(shortened('Les indiscrets du 15 mars', 40)).toBe('Les indiscrets du 15 mars');
  });

  it('cuts a long text at a word, its ellipsis within the length', () => {
    const cut = shortened('Remaniement : la liste des ministres circule déjà', 24);
    expect(cut).toBe('Remaniement : la liste…');
    expect(cut.length).toBeLessThanOrEqual(24);
  });

  it('drops the punctuation the text was cut on before the ellipsis', () => {
    // Cut right after « : », « , » or an opening quote, the title would read as a typo.
    expect(shortened('Remaniement : la liste circule', 14)).toBe('Remaniement…');
    expect(shortened('Le projet, enfin voté par le Sénat', 12)).toBe('Le projet…');
    expect(shortened('Il a dit « non » au ministre', 12)).toBe('Il a dit…');
  });
});

describe('withEllipsis', () => {
  it('takes the place of a full stop, which « .… » would repeat', () => {
    expect(withEllipsis('Fin de la phrase.')).toBe('Fin de la phrase…');
  });
});

describe('withoutStranded', () => {
  it('leaves a text that ends on a word as it is', () => {
    expect(withoutStranded('Le projet')).toBe('Le projet');
    expect(withoutStranded('Le projet, « ')).toBe('Le projet');
  });
});
