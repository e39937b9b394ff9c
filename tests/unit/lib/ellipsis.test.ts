import { describe, expect, it } from 'vitest';
import {
  charCount,
  charsEnd,
  shortened,
  withEllipsis,
  withoutStranded,
} from '../../../lib/ellipsis';

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

describe('an aside or quotation left open by the cut', () => {
  it('cuts before the opening parenthesis, at a word, in English and French', () => {
    expect(withEllipsis('The Hidden Heroines of Chaos (Quanta')).toBe(
      'The Hidden Heroines of Chaos…',
    );
    expect(shortened('The Hidden Heroines of Chaos (Quanta Magazine)', 38)).toBe(
      'The Hidden Heroines of Chaos…',
    );
    expect(shortened('Le Sénat adopte la réforme des retraites (à une voix près)', 48)).toBe(
      'Le Sénat adopte la réforme des retraites…',
    );
    // A mark against its word takes the word with it.
    expect(withEllipsis('La liste des ministre(s')).toBe('La liste des…');
  });

  it('cuts before an opening « or “ whose quotation the cut leaves open', () => {
    expect(shortened('Le ministre dénonce une « chasse aux sorcières » à l’Assemblée', 40)).toBe(
      'Le ministre dénonce une…',
    );
    expect(shortened('Trump called the agreement “the worst deal ever made” on Tuesday', 40)).toBe(
      'Trump called the agreement…',
    );
    // Nested: before the first one left open.
    expect(withEllipsis('Le rapport sur les retraites (dit « Borloo')).toBe(
      'Le rapport sur les retraites…',
    );
  });

  it('cuts before a straight " whose quotation the cut leaves open, as typed on a keyboard', () => {
    // The exports make « » of it (French typography): left open, the name would read
    // « ainsi "Après… » where the column reads « ainsi « Après avoir… » ».
    expect(withEllipsis('Sa notice wikipedia rappelle ainsi "Après')).toBe(
      'Sa notice wikipedia rappelle ainsi…',
    );
    expect(shortened('Le ministre dénonce une "chasse aux sorcières" à l’Assemblée', 40)).toBe(
      'Le ministre dénonce une…',
    );
    // Closed before the cut: kept, and a second one opened after it is the one cut before.
    expect(withEllipsis('Selon "Le Monde", le ministre a dit "non')).toBe(
      'Selon "Le Monde", le ministre a dit…',
    );
    expect(withEllipsis('Selon "Le Monde", le ministre')).toBe('Selon "Le Monde", le ministre…');
    // Inches, against a number: no quotation opened.
    expect(withEllipsis('Un écran de 27" pour le')).toBe('Un écran de 27" pour le…');
  });

  it('keeps asides and quotations closed before the cut', () => {
    expect(withEllipsis('Le Sénat (à une voix) adopte « enfin » la')).toBe(
      'Le Sénat (à une voix) adopte « enfin » la…',
    );
    expect(withEllipsis('Chaos (Quanta) and order (again')).toBe('Chaos (Quanta) and order…');
  });

  it('keeps the cut when going back would drop most of the text', () => {
    expect(withEllipsis('« United States to Lift Sudan')).toBe('« United States to Lift Sudan…');
    expect(withEllipsis('Il dit « Nous ne partirons jamais de')).toBe(
      'Il dit « Nous ne partirons jamais de…',
    );
  });
});

describe('withoutStranded', () => {
  it('leaves a text that ends on a word as it is', () => {
    expect(withoutStranded('Le projet')).toBe('Le projet');
    expect(withoutStranded('Le projet, « ')).toBe('Le projet');
  });
});

describe('charsEnd', () => {
  it('ends after as many characters as an editor counts, an emoji one', () => {
    expect(charsEnd('yacht', 3)).toBe(3);
    expect('🛥🛥🛥'.slice(0, charsEnd('🛥🛥🛥', 2))).toBe('🛥🛥');
    expect(charsEnd('ab', 10)).toBe(2);
  });
});

describe('charCount', () => {
  it('counts characters as an editor does: an emoji is one, not two code units', () => {
    expect(charCount('yacht')).toBe(5);
    expect(charCount('🛥 à quai')).toBe(8);
    // An emoji and its variation selector: two characters, three code units.
    expect(charCount('🛥️')).toBe(2);
    expect(charCount('🛥'.repeat(600))).toBe(600);
  });

  it('counts a half of a pair left alone as one', () => {
    expect(charCount('a\ud83d')).toBe(2);
    expect(charCount('\udee5b')).toBe(2);
  });
});
