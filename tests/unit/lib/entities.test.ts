import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../../lib/entities';

describe('decodeEntities', () => {
  it('decodes named, decimal and hexadecimal references', () => {
    expect(decodeEntities('Caf&eacute; &amp; th&#233; &#x2019;')).toBe('Café & thé ’');
  });

  it('knows every named reference of the HTML standard, not only Latin-1', () => {
    // A few far from Latin-1: the hand-written table knew 140 names and left these literal.
    expect(decodeEntities('&NotSquareSupersetEqual; &bigstar; &fjlig; &Zopf;')).toBe('⋣ ★ fj ℤ');
  });

  it('leaves names of Object.prototype literal instead of decoding them to functions', () => {
    // A plain-object lookup turned these into "function Object() { [native code] }".
    const text = '&constructor; &toString; &hasOwnProperty; &__proto__; &valueOf;';
    expect(decodeEntities(text)).toBe(text);
  });

  it('maps the C1 range as browsers do (Windows-1252), not to control characters', () => {
    expect(decodeEntities('l&#146;Élysée &#150; &#128;')).toBe('l’Élysée – €');
    expect(decodeEntities('&#x92;')).toBe('’');
  });

  it('turns NUL, surrogates and out-of-range code points into U+FFFD, as an HTML parser does', () => {
    expect(decodeEntities('a&#0;b&#xD800;c&#x110000;d')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
  });

  it('leaves references without a semicolon literal, so URLs keep their query strings', () => {
    expect(decodeEntities('?a=1&amp=2&copy=3 &eacute')).toBe('?a=1&amp=2&copy=3 &eacute');
  });

  it('leaves unknown names and a lone ampersand as they are', () => {
    expect(decodeEntities('R&D &nosuchname; & co')).toBe('R&D &nosuchname; & co');
  });

  it('decodes once: a double-escaped reference keeps one level', () => {
    expect(decodeEntities('Fish &amp;amp; Chips')).toBe('Fish &amp; Chips');
  });
});
