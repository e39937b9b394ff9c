import { describe, expect, it } from 'vitest';
import { publishLockQuestion } from '../../../components/publishLocks';
import type { DeskPublishLock } from '../../../messaging/protocol';

/**
 * What the publish panel asks when other editors have the issue open: who, and what, in the
 * house's typography, an item named by its label in the issue list (cut to fit).
 */

const model = {
  items: [
    { id: 'a', label: 'Bpifrance recrute…', bodyHtml: '', sources: [] },
    { id: 'b', label: 'OVH prépare son entrée en Bourse…', bodyHtml: '', sources: [] },
    {
      id: 'c',
      label:
        'Le ministre de l’Économie, des Finances et de la Souveraineté industrielle et numérique, en visite',
      bodyHtml: '',
      sources: [],
    },
    { id: 'e', label: 'Selon "Le Monde", l\'affaire est close', bodyHtml: '', sources: [] },
    {
      id: 'g',
      label: "'What is the sea telling us?…",
      bodyHtml: '',
      sources: [
        {
          url: 'https://www.theguardian.com/whales',
          title: "'What is the sea telling us?': Māori tribes fearful over whale strandings",
          lang: 'en',
        },
      ],
    },
    {
      id: 'h',
      label: '« Why it matters: the deal is…',
      bodyHtml: '<p>«&nbsp;<span lang="en">Why it matters: the deal is off.</span>&nbsp;»</p>',
      sources: [],
    },
  ],
};
/** The house style of a French column: labels typeset as the exports write them. */
const FRENCH = { frenchTypography: true };
const paul = (kind: 'issue' | 'draft', id: string): DeskPublishLock => ({
  kind,
  id,
  by: 'Paul Martin',
  userId: 3,
});
const claire = (id: string): DeskPublishLock => ({
  kind: 'draft',
  id,
  by: 'Claire Dubois',
  userId: 4,
});
const END_FR = ' en ce moment\u00a0: ce qui s’y écrit encore ne sera pas dans l’article.';

describe('publishLockQuestion', () => {
  it('one editor, one item: named, the item by its label', () => {
    expect(publishLockQuestion([paul('draft', 'a')], model, FRENCH, undefined, 'fr')).toBe(
      `Paul Martin modifie «\u00a0Bpifrance recrute…\u00a0»${END_FR}`,
    );
    expect(publishLockQuestion([paul('draft', 'a')], model, FRENCH, undefined, 'en')).toBe(
      'Paul Martin is editing “Bpifrance recrute…” right now: what is still being written there will not be in the post.',
    );
  });

  it('names an item by an English page’s title as written, as the list and the exports do', () => {
    expect(publishLockQuestion([paul('draft', 'g')], model, FRENCH, undefined, 'fr')).toBe(
      `Paul Martin modifie «\u00a0'What is the sea telling us?…\u00a0»${END_FR}`,
    );
    expect(publishLockQuestion([paul('draft', 'h')], model, FRENCH, undefined, 'fr')).toBe(
      `Paul Martin modifie «\u00a0Why it matters: the deal is…\u00a0»${END_FR}`,
    );
  });

  it('a long label is cut at a word with the desk’s ellipsis', () => {
    expect(publishLockQuestion([paul('draft', 'c')], model, FRENCH, undefined, 'fr')).toBe(
      `Paul Martin modifie «\u00a0Le ministre de l’Économie, des Finances et de la…\u00a0»${END_FR}`,
    );
  });

  it('names the item as the issue list does: its label as the exports write it, in the house style', () => {
    expect(publishLockQuestion([paul('draft', 'e')], model, FRENCH, undefined, 'fr')).toBe(
      `Paul Martin modifie «\u00a0Selon “Le Monde”, l’affaire est close\u00a0»${END_FR}`,
    );
    // A house style without French typography: as typed, as the exports write it then.
    expect(
      publishLockQuestion(
        [paul('draft', 'e')],
        model,
        { frenchTypography: false },
        undefined,
        'en',
      ),
    ).toBe(
      'Paul Martin is editing “Selon "Le Monde", l\'affaire est close” right now: what is still being written there will not be in the post.',
    );
  });

  it('one editor, the issue itself: its title or intro', () => {
    expect(publishLockQuestion([paul('issue', 'n')], model, FRENCH, undefined, 'fr')).toBe(
      `Paul Martin modifie le titre ou le chapô du numéro${END_FR}`,
    );
  });

  it('one editor, several items (the issue among them): how many', () => {
    const open = [paul('issue', 'n'), paul('draft', 'a'), paul('draft', 'b')];
    expect(publishLockQuestion(open, model, FRENCH, undefined, 'fr')).toBe(
      `Paul Martin modifie 3 éléments du numéro${END_FR}`,
    );
    expect(publishLockQuestion(open, model, FRENCH, undefined, 'en')).toBe(
      'Paul Martin is editing 3 items of the issue right now: what is still being written there will not be in the post.',
    );
  });

  it('two or more editors: all named, each once, and how many items', () => {
    const open = [paul('draft', 'a'), claire('b'), paul('draft', 'c')];
    expect(publishLockQuestion(open, model, FRENCH, undefined, 'fr')).toBe(
      `Paul Martin et Claire Dubois modifient 3 éléments du numéro${END_FR}`,
    );
    expect(
      publishLockQuestion([claire('a'), paul('draft', 'b')], model, FRENCH, undefined, 'en'),
    ).toBe(
      'Claire Dubois and Paul Martin are editing 2 items of the issue right now: what is still being written there will not be in the post.',
    );
    const three = [...open, { kind: 'draft' as const, id: 'd', by: 'Luc Roy', userId: 5 }];
    expect(publishLockQuestion(three, model, FRENCH, undefined, 'fr')).toBe(
      `Paul Martin, Claire Dubois et Luc Roy modifient 4 éléments du numéro${END_FR}`,
    );
  });

  it('this user’s own locks never count: nothing asked when only they are left', () => {
    expect(publishLockQuestion([paul('draft', 'a')], model, FRENCH, 3, 'fr')).toBeUndefined();
    expect(publishLockQuestion([], model, FRENCH, 3, 'fr')).toBeUndefined();
    expect(publishLockQuestion([paul('draft', 'a'), claire('b')], model, FRENCH, 3, 'fr')).toBe(
      `Claire Dubois modifie «\u00a0OVH prépare son entrée en Bourse…\u00a0»${END_FR}`,
    );
  });
});
