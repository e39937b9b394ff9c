import { describe, expect, it } from 'vitest';
import { typedTypography } from '../../../export/typing';
import { frenchTypographyText } from '../../../export/typography';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

/** The text after the keystroke typed last in `before` (the change made, or as typed). */
function typed(before: string): string {
  const change = typedTypography(before);
  return change ? before.slice(0, change.from) + change.text : before;
}

describe('French typography as the editor types (export/typing.ts)', () => {
  it('makes the space typed before ? ! ; a narrow no-break one, before : a no-break one', () => {
    expect(typed('Le ministre part ?')).toBe(`Le ministre part${NNBSP}?`);
    expect(typed('Quelle surprise !')).toBe(`Quelle surprise${NNBSP}!`);
    expect(typed('Il hésite ;')).toBe(`Il hésite${NNBSP};`);
    expect(typed('Le ministre a dit :')).toBe(`Le ministre a dit${NBSP}:`);
    // The space the browser types at a paragraph's end (a no-break one) too.
    expect(typed(`Le ministre part${NBSP}?`)).toBe(`Le ministre part${NNBSP}?`);
  });

  it('puts a no-break space after « and before », in place of the one typed or where none was', () => {
    expect(typed('Il a dit « o')).toBe(`Il a dit «${NBSP}o`);
    expect(typed('Il a dit «o')).toBe(`Il a dit «${NBSP}o`);
    expect(typed(`Il a dit «${NBSP}oui »`)).toBe(`Il a dit «${NBSP}oui${NBSP}»`);
    expect(typed(`«${NBSP}oui»`)).toBe(`«${NBSP}oui${NBSP}»`);
    // « typed last, nothing after it yet: its space comes with the next word.
    expect(typedTypography('Il a dit « ')).toBeNull();
    expect(typedTypography('Il a dit «')).toBeNull();
  });

  it('makes a straight apostrophe after a letter typographic', () => {
    expect(typed("l'")).toBe('l’');
    expect(typed("Le ministre d'")).toBe('Le ministre d’');
    expect(typed("aujourd'")).toBe('aujourd’');
    expect(typedTypography("dit '")).toBeNull();
  });

  it('gives what the exports give for the same keystroke, one source of truth', () => {
    for (const text of ['Le ministre part ?', 'Il a dit :', "l'", 'Il a dit « o', 'oui »']) {
      expect(frenchTypographyText(typed(text))).toBe(frenchTypographyText(text));
      expect(typed(text)).toBe(frenchTypographyText(text));
    }
  });

  it('leaves alone what the exports leave, and what typing has not yet decided', () => {
    // A URL, an address, a time.
    expect(typedTypography("https://example.fr/l'")).toBeNull();
    expect(typedTypography('https://example.fr/index.php?')).toBeNull();
    expect(typedTypography('à 11:')).toBeNull();
    // No space typed before ? : the next keystrokes may make it an address (index.php?id=1).
    expect(typedTypography('index.php?')).toBeNull();
    expect(typedTypography('Vraiment?')).toBeNull();
    // Already right.
    expect(typedTypography(`part${NNBSP}?`)).toBeNull();
    expect(typedTypography(`dit${NBSP}:`)).toBeNull();
    // What the exports do beyond typing's spaces and apostrophes stays theirs.
    expect(typedTypography('Il attend...')).toBeNull();
    expect(typedTypography('Canal+ -- ')).toBeNull();
    expect(typedTypography('la mesure .')).toBeNull();
    expect(typedTypography('Il part  ?')).toBeNull();
    expect(typedTypography('')).toBeNull();
    expect(typedTypography('Le ministre')).toBeNull();
  });

  it('gives an address’s name its straight apostrophe back when its @ is typed, as the exports keep it', () => {
    // The apostrophe was made ’ as it was typed, before the @ said it was an address.
    expect(typed("Écrire à jean.o'")).toBe('Écrire à jean.o’');
    expect(typed('Écrire à jean.o’brien@')).toBe("Écrire à jean.o'brien@");
    expect(typed('«\u00a0d’artagnan@')).toBe("«\u00a0d'artagnan@");
    expect(typed('a’b’c@')).toBe("a'b'c@");
    // An elision before the address (l’info@…) is no part of it, and stays typographic.
    expect(typedTypography('Écrivez à l’info@')).toBeNull();
    expect(typed('L’ami.o’neil@')).toBe("L’ami.o'neil@");
    expect(typed('m’baye@')).toBe("m'baye@");
    // As the exports write the address once it is whole.
    expect(frenchTypographyText("Écrire à jean.o'brien@exemple.fr ?")).toBe(
      `Écrire à jean.o'brien@exemple.fr${NNBSP}?`,
    );
    // No apostrophe inside a name: nothing to give back; a space before @ is no address.
    expect(typedTypography('jean.obrien@')).toBeNull();
    expect(typedTypography('l’ @')).toBeNull();
    expect(typedTypography('l’@')).toBeNull();
  });

  it('reads only the word before the keystroke: what was written earlier stays as written', () => {
    expect(typed("Il l'a dit d'")).toBe("Il l'a dit d’");
    expect(typed("C'est vrai ?")).toBe(`C'est vrai${NNBSP}?`);
  });
});
