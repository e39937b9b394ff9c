import { describe, expect, it } from 'vitest';
import { htmlBlocks, keptCaret, mergeBlockLists, mergeText } from '../../../lib/block-merge';

const p = (...texts: string[]) => texts.map((text) => `<p>${text}</p>`).join('');
const ul = (...entries: string[]) => `<ul>${entries.map((e) => `<li>${e}</li>`).join('')}</ul>`;
const ol = (...entries: string[]) => `<ol>${entries.map((e) => `<li>${e}</li>`).join('')}</ol>`;

describe('htmlBlocks', () => {
  it('cuts an item into paragraphs, list tags and list entries', () => {
    expect(
      htmlBlocks(`${p('Un <strong>gras</strong>')}${ul('a', '<em>b</em>')}${p('Fin')}`),
    ).toEqual([
      '<p>Un <strong>gras</strong></p>',
      '<ul>',
      '<li>a</li>',
      '<li><em>b</em></li>',
      '</ul>',
      '<p>Fin</p>',
    ]);
  });

  it('keeps the whitespace between blocks with the block after it, and at the end', () => {
    const html = '<p>A</p>\n<p>B</p>\n';
    const blocks = htmlBlocks(html)!;
    expect(blocks).toEqual(['<p>A</p>', '\n<p>B</p>', '\n']);
    expect(blocks.join('')).toBe(html);
  });

  it('reads an empty text as no block', () => {
    expect(htmlBlocks('')).toEqual([]);
  });

  it('refuses what the item editor does not write: loose text, nested lists, headings, an unclosed list', () => {
    expect(htmlBlocks('Texte nu')).toBeUndefined();
    expect(htmlBlocks('<ul><li>a<ul><li>b</li></ul></li></ul>')).toBeUndefined();
    expect(htmlBlocks('<h2>Titre</h2>')).toBeUndefined();
    expect(htmlBlocks('<ul><li>a</li>')).toBeUndefined();
    expect(htmlBlocks('<p>a')).toBeUndefined();
  });
});

describe('mergeText (item HTML)', () => {
  const base = p('Un', 'Deux', 'Trois', 'Quatre');

  it('keeps both edits when one editor changed the first paragraph and the other the third', () => {
    const mine = p('Un, revu', 'Deux', 'Trois', 'Quatre');
    const theirs = p('Un', 'Deux', 'Trois, revu', 'Quatre');
    expect(mergeText('html', base, mine, theirs)).toBe(
      p('Un, revu', 'Deux', 'Trois, revu', 'Quatre'),
    );
  });

  it('keeps both edits of paragraphs side by side', () => {
    const mine = p('Un', 'Deux, mien', 'Trois', 'Quatre');
    const theirs = p('Un', 'Deux', 'Trois, leur', 'Quatre');
    expect(mergeText('html', base, mine, theirs)).toBe(
      p('Un', 'Deux, mien', 'Trois, leur', 'Quatre'),
    );
  });

  it('is a conflict when both changed the same paragraph differently', () => {
    const mine = p('Un', 'Deux, mien', 'Trois', 'Quatre');
    const theirs = p('Un', 'Deux, leur', 'Trois', 'Quatre');
    expect(mergeText('html', base, mine, theirs)).toBeUndefined();
  });

  it('is no conflict when both made the same change', () => {
    const same = p('Un', 'Deux, pareil', 'Trois', 'Quatre');
    expect(mergeText('html', base, same, same)).toBe(same);
    // The same change among others of each side: taken once.
    const mine = p('Un, mien', 'Deux, pareil', 'Trois', 'Quatre');
    const theirs = p('Un', 'Deux, pareil', 'Trois', 'Quatre, leur');
    expect(mergeText('html', base, mine, theirs)).toBe(
      p('Un, mien', 'Deux, pareil', 'Trois', 'Quatre, leur'),
    );
  });

  it('takes the same paragraph inserted by both at one place once', () => {
    const same = p('Un', 'Deux', 'Nouveau', 'Trois', 'Quatre');
    expect(
      mergeText('html', base, same, p('Zéro', 'Un', 'Deux', 'Nouveau', 'Trois', 'Quatre')),
    ).toBe(p('Zéro', 'Un', 'Deux', 'Nouveau', 'Trois', 'Quatre'));
  });

  it('merges insertions at both ends', () => {
    const mine = p('Avant', 'Un', 'Deux', 'Trois', 'Quatre');
    const theirs = p('Un', 'Deux', 'Trois', 'Quatre', 'Après');
    expect(mergeText('html', base, mine, theirs)).toBe(
      p('Avant', 'Un', 'Deux', 'Trois', 'Quatre', 'Après'),
    );
  });

  it('merges deletions at both ends', () => {
    const mine = p('Deux', 'Trois', 'Quatre');
    const theirs = p('Un', 'Deux', 'Trois');
    expect(mergeText('html', base, mine, theirs)).toBe(p('Deux', 'Trois'));
  });

  it('merges a deletion with an edit elsewhere, and an insertion with an edit elsewhere', () => {
    expect(
      mergeText('html', base, p('Un', 'Trois', 'Quatre'), p('Un', 'Deux', 'Trois', 'Quatre, leur')),
    ).toBe(p('Un', 'Trois', 'Quatre, leur'));
    expect(
      mergeText(
        'html',
        base,
        p('Un', 'Inséré', 'Deux', 'Trois', 'Quatre'),
        p('Un', 'Deux', 'Trois, leur', 'Quatre'),
      ),
    ).toBe(p('Un', 'Inséré', 'Deux', 'Trois, leur', 'Quatre'));
  });

  it('is a conflict when both inserted different paragraphs at the same place', () => {
    const mine = p('Un', 'Deux', 'Mien', 'Trois', 'Quatre');
    const theirs = p('Un', 'Deux', 'Leur', 'Trois', 'Quatre');
    expect(mergeText('html', base, mine, theirs)).toBeUndefined();
    // At the end, too: which goes first is nobody's to guess.
    expect(
      mergeText(
        'html',
        base,
        p('Un', 'Deux', 'Trois', 'Quatre', 'Mien'),
        p('Un', 'Deux', 'Trois', 'Quatre', 'Leur'),
      ),
    ).toBeUndefined();
  });

  it('is a conflict when one edited a paragraph the other deleted', () => {
    expect(
      mergeText('html', base, p('Un', 'Trois', 'Quatre'), p('Un', 'Deux, leur', 'Trois', 'Quatre')),
    ).toBeUndefined();
  });

  it('is a conflict when an insertion falls inside a run the other rewrote', () => {
    const mine = p('Un', 'Deux et trois, fondus', 'Quatre');
    const theirs = p('Un', 'Deux', 'Inséré', 'Trois', 'Quatre');
    expect(mergeText('html', base, mine, theirs)).toBeUndefined();
  });

  it('merges edits of different entries of a list, and entries added to it elsewhere', () => {
    const listBase = `${p('Intro')}${ul('a', 'b', 'c')}${p('Fin')}`;
    const mine = `${p('Intro')}${ul('a, mien', 'b', 'c')}${p('Fin')}`;
    const theirs = `${p('Intro')}${ul('a', 'b', 'c', 'd')}${p('Fin, leur')}`;
    expect(mergeText('html', listBase, mine, theirs)).toBe(
      `${p('Intro')}${ul('a, mien', 'b', 'c', 'd')}${p('Fin, leur')}`,
    );
  });

  it('keeps paragraphs rewritten one by one apart from a paragraph inserted between them', () => {
    // Each of « Deux » and « Trois » edited in its place: two changes, and the insertion
    // between them falls inside neither.
    const mine = p('Un', 'Deux, mien', 'Trois, mien', 'Quatre');
    const theirs = p('Un', 'Deux', 'Inséré', 'Trois', 'Quatre');
    expect(mergeText('html', base, mine, theirs)).toBe(
      p('Un', 'Deux, mien', 'Inséré', 'Trois, mien', 'Quatre'),
    );
  });

  it('is a conflict when both changed the same list entry', () => {
    const listBase = ul('a', 'b');
    expect(mergeText('html', listBase, ul('a', 'b, mien'), ul('a', 'b, leur'))).toBeUndefined();
  });

  it('drops a list whose entries the two editors deleted between them', () => {
    const listBase = `${p('Intro')}${ul('a', 'b')}${p('Fin')}`;
    expect(
      mergeText(
        'html',
        listBase,
        `${p('Intro')}${ul('b')}${p('Fin')}`,
        `${p('Intro')}${ul('a')}${p('Fin')}`,
      ),
    ).toBe(p('Intro', 'Fin'));
  });

  it('is a conflict when the merged lists would not close as they open', () => {
    // One made the list numbered (its two tags changed), the other closed it after « a » to
    // put a paragraph there: side by side, but a <ol> closed by a </ul>.
    const listBase = ul('a', 'b');
    const mine = ol('a', 'b');
    const theirs = `${ul('a')}${p('milieu')}${ul('b')}`;
    expect(mergeText('html', listBase, mine, theirs)).toBeUndefined();
  });

  it('is a conflict when a text is not the shape the editor writes', () => {
    expect(
      mergeText('html', '<h2>A</h2><p>B</p>', '<h2>A!</h2><p>B</p>', '<h2>A</h2><p>B!</p>'),
    ).toBeUndefined();
  });

  it('takes the whole text of the side that alone changed it', () => {
    expect(mergeText('html', base, base, p('Autre'))).toBe(p('Autre'));
    expect(mergeText('html', base, p('Mien'), base)).toBe(p('Mien'));
  });

  it('merges edits at both ends of a long text', () => {
    const paragraphs = Array.from({ length: 3000 }, (_, n) => `Paragraphe ${n}.`);
    const edited = (n: number, text: string) =>
      p(...paragraphs.map((paragraph, k) => (k === n ? text : paragraph)));
    const merged = mergeText(
      'html',
      p(...paragraphs),
      edited(5, 'Début, mien.'),
      edited(2990, 'Fin, leur.'),
    );
    expect(merged).toBe(
      p(
        ...paragraphs.map((paragraph, k) =>
          k === 5 ? 'Début, mien.' : k === 2990 ? 'Fin, leur.' : paragraph,
        ),
      ),
    );
  });

  it('is a conflict when both wrote different texts into an empty one', () => {
    expect(mergeText('html', '', p('Mien'), p('Leur'))).toBeUndefined();
  });
});

describe('mergeText (plain text, by lines)', () => {
  it('keeps both edits of different lines of a chapô or a note', () => {
    const base = 'Ligne un\nLigne deux\nLigne trois';
    expect(
      mergeText(
        'lines',
        base,
        'Ligne un !\nLigne deux\nLigne trois',
        'Ligne un\nLigne deux\nLigne trois ?',
      ),
    ).toBe('Ligne un !\nLigne deux\nLigne trois ?');
  });

  it('is a conflict when both changed the same line', () => {
    expect(mergeText('lines', 'a\nb', 'a\nb mien', 'a\nb leur')).toBeUndefined();
  });

  it('is a conflict for a one-line text both changed', () => {
    expect(mergeText('lines', 'Chapô', 'Chapô revu', 'Chapô corrigé')).toBeUndefined();
  });
});

describe('mergeText, union (nothing of either side lost)', () => {
  const base = p('Un', 'Deux', 'Trois', 'Quatre');
  const union = { union: true } as const;

  it('repeats no paragraph neither side changed, when unrelated lists would match', () => {
    // The runs matched across two lists' tags: a union by them gave the editor's text first,
    // then both unchanged paragraphs a second time. Mine whole, then what theirs has more.
    const base = `${ul('Le ministre part.', 'Son cabinet suit.')}${p('Jeudi.', 'Matignon dément.', 'À suivre.')}`;
    const mine = `${ul('Le ministre part.', 'Son cabinet suit.')}${p('Jeudi.', 'Matignon dément.', 'À suivre de près.')}`;
    const theirs = `${p('Jeudi.', 'Matignon dément.')}${ul('À suivre, selon nos informations.')}`;

    expect(mergeText('html', base, mine, theirs, union)).toBe(
      `${mine}${ul('À suivre, selon nos informations.')}`,
    );
  });

  it('repeats no line one side moved', () => {
    expect(mergeText('lines', 'C\nE\nB\nC', 'Em\nB\nC\nC', 'Ct\nEt\nB\nC', union)).toBe(
      'Em\nB\nC\nC\nCt\nEt',
    );
  });

  it('keeps mine then theirs where the changes meet, the blocks both agree on once, the others merged', () => {
    const mine = p('Un', 'Deux, mien', 'Trois', 'Quatre, mien');
    const theirs = p('Un, leur', 'Deux, leur', 'Trois', 'Quatre');
    expect(mergeText('html', base, mine, theirs, union)).toBe(
      p('Un, leur', 'Deux, mien', 'Deux, leur', 'Trois', 'Quatre, mien'),
    );
  });

  it('merges as the ordinary merge does when no change meets another', () => {
    const mine = p('Un, mien', 'Deux', 'Trois', 'Quatre');
    const theirs = p('Un', 'Deux', 'Trois, leur', 'Quatre');
    expect(mergeText('html', base, mine, theirs, union)).toBe(
      mergeText('html', base, mine, theirs),
    );
  });

  it('does not repeat a block theirs has as mine has it, in a run both changed', () => {
    // Both rewrote « Deux » and « Trois » as one run; « Trois, pareil » is in both.
    const mine = p('Un', 'Deux et demi', 'Trois, pareil', 'Quatre');
    const theirs = p('Un', 'Deux, leur', 'Entre', 'Trois, pareil', 'Quatre');
    expect(mergeText('html', base, mine, theirs, union)).toBe(
      p('Un', 'Deux et demi', 'Trois, pareil', 'Deux, leur', 'Entre', 'Quatre'),
    );
  });

  it('keeps both versions of a list entry inside the list', () => {
    const listBase = `${p('Intro')}${ul('a', 'b', 'c')}${p('Fin')}`;
    const mine = `${p('Intro')}${ul('a', 'b, mien', 'c')}${p('Fin')}`;
    const theirs = `${p('Intro')}${ul('a', 'b, leur', 'c')}${p('Fin, leur')}`;
    expect(mergeText('html', listBase, mine, theirs, union)).toBe(
      `${p('Intro')}${ul('a', 'b, mien', 'b, leur', 'c')}${p('Fin, leur')}`,
    );
  });

  it('keeps a list theirs rewrote after the paragraph mine made of it, each list closing as it opens', () => {
    const listBase = `${p('Intro')}${ul('a', 'b')}`;
    const mine = p('Intro', 'a et b, en une phrase');
    const theirs = `${p('Intro')}${ol('a, leur', 'b')}`;
    const merged = mergeText('html', listBase, mine, theirs, union);
    expect(merged).toBe(`${p('Intro', 'a et b, en une phrase')}${ol('a, leur', 'b')}`);
    expect(htmlBlocks(merged)).toBeDefined();
  });

  it('gives mine, then the blocks theirs has more, when the merged lists would not close as they open', () => {
    const listBase = ul('a', 'b');
    const mine = ol('a', 'b');
    const theirs = `${ul('a')}${p('milieu')}${ul('b')}`;
    expect(mergeText('html', listBase, mine, theirs)).toBeUndefined();
    expect(mergeText('html', listBase, mine, theirs, union)).toBe(`${ol('a', 'b')}${p('milieu')}`);
  });

  it('gives mine, then theirs whole, when a text is not the shape the editor writes', () => {
    const mine = '<h2>A!</h2><p>B</p>';
    const theirs = '<h2>A</h2><p>B, leur</p>';
    expect(mergeText('html', '<h2>A</h2><p>B</p>', mine, theirs, union)).toBe(`${mine}\n${theirs}`);
    // A base not flat, both sides flat: mine, then theirs' blocks it has not.
    expect(mergeText('html', '<h2>A</h2>', p('Mien', 'Commun'), p('Commun', 'Leur'), union)).toBe(
      p('Mien', 'Commun', 'Leur'),
    );
  });

  it('keeps both texts written into an empty one, mine first', () => {
    expect(mergeText('html', '', p('Mien'), p('Leur'), union)).toBe(p('Mien', 'Leur'));
  });

  it('keeps mine then theirs in a line both changed, the other lines merged', () => {
    expect(
      mergeText(
        'lines',
        'Chapô\nDeux\nTrois',
        'Chapô revu\nDeux\nTrois',
        'Chapô corrigé\nDeux\nTrois ?',
        union,
      ),
    ).toBe('Chapô revu\nChapô corrigé\nDeux\nTrois ?');
    expect(mergeText('lines', 'Chapô', 'Chapô revu', 'Chapô corrigé', union)).toBe(
      'Chapô revu\nChapô corrigé',
    );
  });
});

describe('mergeBlockLists', () => {
  it('never loses a block either side added', () => {
    const base = ['a', 'b', 'c', 'd', 'e'];
    const mine = ['x', 'a', 'b', 'c', 'y', 'd', 'e'];
    const theirs = ['a', 'b', 'z', 'c', 'd', 'e', 'w'];
    expect(mergeBlockLists(base, mine, theirs)).toEqual([
      'x',
      'a',
      'b',
      'z',
      'c',
      'y',
      'd',
      'e',
      'w',
    ]);
  });
});

describe('keptCaret', () => {
  const text = ['a', 'b', 'c', 'd'];
  /** The block the caret is kept in, at its first character. */
  const keptBlock = (before: string[], after: string[], index: number) =>
    keptCaret(before, after, { index, offset: 0 }, (block) => (block.length > 1 ? '' : block))
      ?.index;

  it('follows a block past blocks inserted or deleted before it', () => {
    expect(keptBlock(text, ['new', 'other', 'a', 'b', 'c', 'd'], 2)).toBe(4);
    expect(keptBlock(text, ['b', 'c', 'd'], 2)).toBe(1);
    expect(keptBlock(text, ['a', 'x', 'y', 'b', 'c', 'd'], 1)).toBe(3);
  });

  it('keeps a block where it is when the changes come after it', () => {
    expect(keptBlock(text, ['a', 'b', 'c', 'd', 'e'], 1)).toBe(1);
    expect(keptBlock(text, ['a', 'b'], 0)).toBe(0);
  });

  it('follows a block rewritten in its place, even among others rewritten', () => {
    expect(keptBlock(text, ['new', 'a', 'B', 'c', 'd'], 1)).toBe(2);
    expect(keptBlock(text, ['a', 'B', 'C', 'd'], 2)).toBe(2);
  });

  it('finds no block for one deleted, or replaced by others that hold nothing of its text', () => {
    expect(keptBlock(text, ['a', 'c', 'd'], 1)).toBeUndefined();
    expect(keptBlock(text, ['a', 'x', 'y', 'z', 'd'], 1)).toBeUndefined();
    expect(keptBlock(text, text, 4)).toBeUndefined();
  });

  it('follows one of two equal blocks (empty paragraphs) by its place', () => {
    expect(keptBlock(['', 'a', ''], ['new', '', 'a', ''], 2)).toBe(3);
    expect(keptBlock(['', 'a', ''], ['new', '', 'a', ''], 0)).toBe(1);
  });

  it('keeps the caret at its letter of a block kept, however many came in above', () => {
    expect(keptCaret(['Un.', 'Deux.'], ['Zéro.', 'Un.', 'Deux.'], { index: 1, offset: 3 })).toEqual(
      { index: 2, offset: 3 },
    );
  });

  const split = ['Titre.', 'Le début. La suite du texte.', 'Fin.'];

  it('keeps the caret in the part of a split paragraph that holds the words around it', () => {
    const after = ['Titre.', 'Le début.', 'La suite du texte.', 'Fin.'];
    // After « La s »: in the second part, after its « La s ».
    expect(keptCaret(split, after, { index: 1, offset: 14 })).toEqual({ index: 2, offset: 4 });
    // At the end: at the end of the second part.
    expect(keptCaret(split, after, { index: 1, offset: 28 })).toEqual({ index: 2, offset: 18 });
    // After « Le d »: in the first part.
    expect(keptCaret(split, after, { index: 1, offset: 4 })).toEqual({ index: 1, offset: 4 });
    // Just where it was split, after « début. »: at the end of the first part.
    expect(keptCaret(split, after, { index: 1, offset: 9 })).toEqual({ index: 1, offset: 9 });
  });

  it('follows the caret into a split paragraph past paragraphs added above, and into a join', () => {
    const after = ['Ajouté.', 'Titre.', 'Le début.', 'La suite', 'du texte.', 'Fin.'];
    expect(keptCaret(split, after, { index: 1, offset: 27 })).toEqual({ index: 4, offset: 8 });
    // Two paragraphs joined: the caret in the one, after the same words.
    expect(
      keptCaret(split, ['Titre. Le début. La suite du texte.', 'Fin.'], { index: 1, offset: 2 }),
    ).toEqual({ index: 0, offset: 9 });
  });

  it('reads a block’s text with the function given, and skips blocks without any', () => {
    const key = (block: string) => (block.startsWith('p:') ? block.slice(2) : undefined);
    expect(
      keptCaret(
        ['p:Un deux', 'p:Trois'],
        ['p:Un', '<UL>', 'p:deux', '</UL>', 'p:Trois'],
        {
          index: 0,
          offset: 5,
        },
        key,
      ),
    ).toEqual({ index: 2, offset: 2 });
  });
});
