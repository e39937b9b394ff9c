import { describe, expect, it } from 'vitest';
import { shownLabel } from '../../../components/itemName';
import { withEllipsis } from '../../../lib/ellipsis';
import { DEFAULT_HOUSE_STYLE } from '../../../storage/house-style';

describe('withEllipsis, a text cut inside a quotation typed with straight quotes', () => {
  it('goes back before one opened after an elision, as the exports open it (l’« affaire)', () => {
    expect(withEllipsis(`Selon le ministre, interrogé hier, l'"affaire`)).toBe(
      'Selon le ministre, interrogé hier…',
    );
    const body = `<p>Selon le ministre, interrogé hier, l'"affaire est close" pour de bon.</p>`;
    // The column reads « hier, l’« affaire est close » » : no straight quote in the name.
    expect(shownLabel({ title: 'x', body }, DEFAULT_HOUSE_STYLE)).toBe(
      'Selon le ministre, interrogé hier…',
    );
  });

  it('still reads an apostrophe closing an English word inside a quotation as no opener', () => {
    expect(
      withEllipsis(`Il a chanté "rock 'n' roll" puis "les gars'" et bien d'autres choses`),
    ).toBe(`Il a chanté "rock 'n' roll" puis "les gars'" et bien d'autres choses…`);
  });
});
