import { describe, expect, it } from 'vitest';
import {
  diffItemHtml,
  lookDifferences,
  type ItemNode,
  type ItemText,
  type Mark,
} from '../../../components/itemDiff';
import { MAX_PAIRS } from '../../../lib/word-diff';

/**
 * A version's nodes written out to be read in a test: its elements as tags (a link's address, a
 * quote's language), words the other lacks in [brackets], words it has too but in another look
 * in {braces}.
 */
function written(nodes: ItemNode[]): string {
  return nodes
    .map((node) => {
      if (!('tag' in node)) {
        if (!node.mark) return node.text;
        return node.mark.kind === 'words' ? `[${node.text}]` : `{${node.text}}`;
      }
      if (node.tag === 'br') return '<br>';
      const attributes =
        (node.href ? ` href="${node.href}"` : '') + (node.lang ? ` lang="${node.lang}"` : '');
      return `<${node.tag}${attributes}>${written(node.children)}</${node.tag}>`;
    })
    .join('');
}

/** The marked runs of a version, in order. */
function marks(nodes: ItemNode[]): ItemText[] {
  return nodes.flatMap((node) => ('tag' in node ? marks(node.children) : node.mark ? [node] : []));
}

/** What a style mark says this version has against the other. */
const said = (mark: Mark | undefined) =>
  mark?.kind === 'style' ? lookDifferences(mark.here, mark.there) : [];

/** The text a version gives back, its blocks apart. */
const text = (nodes: ItemNode[]): string =>
  nodes
    .map((node) =>
      'tag' in node
        ? text(node.children) + (node.tag === 'p' || node.tag === 'li' ? '|' : '')
        : node.text,
    )
    .join('');

describe('diffItemHtml', () => {
  it('marks words changed inside bold and across a link’s edge, its styles kept', () => {
    const diff = diffItemHtml(
      '<p>Le ministre <strong>quitte Bercy</strong> jeudi, selon <a href="https://a.fr/x">le rapport</a>.</p>',
      '<p>Le ministre <strong>quitte Matignon</strong> vendredi, selon <a href="https://a.fr/x">le rapport de juin</a>.</p>',
    );

    expect(written(diff.mine.nodes)).toBe(
      '<p>Le ministre <strong>quitte [Bercy]</strong>[ jeudi,] selon <a href="https://a.fr/x">le [rapport]</a>[.]</p>',
    );
    expect(written(diff.theirs.nodes)).toBe(
      '<p>Le ministre <strong>quitte [Matignon]</strong>[ vendredi,] selon <a href="https://a.fr/x">le [rapport de juin]</a>[.]</p>',
    );
  });

  it('marks words made bold in the other version, though their words are the same', () => {
    const diff = diffItemHtml(
      '<p>Le ministre quitte Bercy jeudi.</p>',
      '<p>Le ministre <strong>quitte Bercy</strong> jeudi.</p>',
    );

    // One mark over the words and the space between them, as they are read.
    expect(written(diff.mine.nodes)).toBe('<p>Le ministre {quitte Bercy} jeudi.</p>');
    expect(written(diff.theirs.nodes)).toBe(
      '<p>Le ministre <strong>{quitte Bercy}</strong> jeudi.</p>',
    );
    expect(said(marks(diff.mine.nodes)[0]!.mark)).toEqual(['notBold']);
    expect(said(marks(diff.theirs.nodes)[0]!.mark)).toEqual(['bold']);
  });

  it('marks part of a word put in italic, and words both made bold and linked', () => {
    const diff = diffItemHtml(
      '<p>Les <em>Échos</em>, et la suite.</p>',
      '<p>Les Échos, et <strong><a href="https://b.fr">la suite</a></strong>.</p>',
    );

    // The comma after « Échos » is in neither's italic: only the word is marked.
    expect(written(diff.mine.nodes)).toBe('<p>Les <em>{Échos}</em>, et {la suite}.</p>');
    const [italic, linked] = marks(diff.mine.nodes);
    expect(said(italic!.mark)).toEqual(['italic']);
    expect(said(linked!.mark)).toEqual(['notBold', 'noLink']);
    expect(said(marks(diff.theirs.nodes)[1]!.mark)).toEqual(['bold', 'link']);
  });

  it('marks a link whose address alone changed, each version with its own address', () => {
    const diff = diffItemHtml(
      '<p>Selon <a href="https://www.lemonde.fr/a">le Monde</a>, oui.</p>',
      '<p>Selon <a href="https://www.lemonde.fr/b">le Monde</a>, oui.</p>',
    );

    expect(written(diff.mine.nodes)).toBe(
      '<p>Selon <a href="https://www.lemonde.fr/a">{le Monde}</a>, oui.</p>',
    );
    expect(written(diff.theirs.nodes)).toBe(
      '<p>Selon <a href="https://www.lemonde.fr/b">{le Monde}</a>, oui.</p>',
    );
    expect(said(marks(diff.mine.nodes)[0]!.mark)).toEqual(['otherLink']);
  });

  it('keeps a quote’s language, and marks a quote only one version says is English', () => {
    const quote = 'Why it matters: the deal';
    const diff = diffItemHtml(
      `<p>Selon Axios, «\u00a0<span lang="en">${quote}</span>\u00a0», dit-il.</p>`,
      `<p>Selon Axios, «\u00a0${quote}\u00a0», a-t-il dit.</p>`,
    );

    expect(written(diff.mine.nodes)).toBe(
      `<p>Selon Axios, «\u00a0<span lang="en">{${quote}}</span>\u00a0», [dit-il.]</p>`,
    );
    expect(written(diff.theirs.nodes)).toBe(
      `<p>Selon Axios, «\u00a0{${quote}}\u00a0», [a-t-il dit.]</p>`,
    );
    const [english] = marks(diff.mine.nodes);
    expect(said(english!.mark)).toEqual(['lang']);
    expect(english!.mark).toMatchObject({ here: { lang: 'en' } });
    expect(said(marks(diff.theirs.nodes)[0]!.mark)).toEqual(['textLang']);
  });

  it('says words only one version marks as code marked as code or not, no language', () => {
    const diff = diffItemHtml(
      '<p>Lancez <span lang="zxx">npm run build</span> puis «\u00a0<span lang="en">deploy</span>\u00a0».</p>',
      '<p>Lancez npm run build puis «\u00a0<span lang="zxx">deploy</span>\u00a0».</p>',
    );

    const [mine, english] = marks(diff.mine.nodes);
    // Before, ['lang'] (« en sans contenu linguistique ») and ['textLang'].
    expect(said(mine!.mark)).toEqual(['code']);
    expect(said(english!.mark)).toEqual(['notCode', 'lang']);
    const [theirs, code] = marks(diff.theirs.nodes);
    expect(said(theirs!.mark)).toEqual(['notCode']);
    expect(said(code!.mark)).toEqual(['code']);
  });

  it('keeps a quote’s language where its words alone changed, and marks nothing else', () => {
    const diff = diffItemHtml(
      '<p>«\u00a0<span lang="en-GB">The deal is off</span>\u00a0»</p>',
      '<p>«\u00a0<span lang="en-GB">The deal is on</span>\u00a0»</p>',
    );

    expect(written(diff.theirs.nodes)).toBe(
      '<p>«\u00a0<span lang="en-GB">The deal is [on]</span>\u00a0»</p>',
    );
  });

  it('shows lists as lists, the entry changed marked, words of two entries never one', () => {
    const diff = diffItemHtml(
      '<p>Trois noms :</p><ul><li>Dupont</li><li>Durand</li><li>Martin</li></ul>',
      '<p>Trois noms :</p><ul><li>Dupont</li><li><strong>Durand</strong></li><li>Bernard</li></ul><ol><li>Fin</li></ol>',
    );

    expect(written(diff.mine.nodes)).toBe(
      '<p>Trois noms :</p><ul><li>Dupont</li><li>{Durand}</li><li>[Martin]</li></ul>',
    );
    expect(written(diff.theirs.nodes)).toBe(
      '<p>Trois noms :</p><ul><li>Dupont</li><li><strong>{Durand}</strong></li><li>[Bernard]</li></ul><ol><li>[Fin]</li></ol>',
    );
  });

  it('marks words a paragraph moved into a list entry, or from a bulleted list into a numbered one', () => {
    const diff = diffItemHtml(
      '<p>Trois noms :</p><p>Dupont</p><ul><li>Durand</li></ul>',
      '<p>Trois noms :</p><ul><li>Dupont</li></ul><ol><li>Durand</li></ol>',
    );

    expect(written(diff.mine.nodes)).toBe(
      '<p>Trois noms :</p><p>{Dupont}</p><ul><li>{Durand}</li></ul>',
    );
    expect(written(diff.theirs.nodes)).toBe(
      '<p>Trois noms :</p><ul><li>{Dupont}</li></ul><ol><li>{Durand}</li></ol>',
    );
    expect(marks(diff.mine.nodes).map((run) => said(run.mark))).toEqual([
      ['paragraph'],
      ['bulleted'],
    ]);
    expect(marks(diff.theirs.nodes).map((run) => said(run.mark))).toEqual([
      ['bulleted'],
      ['numbered'],
    ]);
  });

  it('marks the first word of a paragraph joined to the one before, in both versions', () => {
    const diff = diffItemHtml(
      '<p>Le ministre part.</p><p>Il dément jeudi.</p>',
      '<p>Le ministre part. Il dément jeudi.</p>',
    );

    expect(written(diff.mine.nodes)).toBe('<p>Le ministre part.</p><p>{Il} dément jeudi.</p>');
    expect(written(diff.theirs.nodes)).toBe('<p>Le ministre part. {Il} dément jeudi.</p>');
    expect(said(marks(diff.mine.nodes)[0]!.mark)).toEqual(['newParagraph']);
    expect(said(marks(diff.theirs.nodes)[0]!.mark)).toEqual(['joined']);
  });

  it('marks an entry split in two, a line broken, and a block change beside a style’s', () => {
    const entries = diffItemHtml(
      '<ul><li>Dupont Durand</li></ul>',
      '<ul><li>Dupont</li><li>Durand</li></ul>',
    );
    expect(written(entries.theirs.nodes)).toBe('<ul><li>Dupont</li><li>{Durand}</li></ul>');
    expect(said(marks(entries.theirs.nodes)[0]!.mark)).toEqual(['newEntry']);

    const line = diffItemHtml('<p>Un deux</p>', '<p>Un<br>deux</p>');
    expect(written(line.theirs.nodes)).toBe('<p>Un<br>{deux}</p>');
    expect(said(marks(line.theirs.nodes)[0]!.mark)).toEqual(['newLine']);
    expect(said(marks(line.mine.nodes)[0]!.mark)).toEqual(['joined']);

    const both = diffItemHtml(
      '<p>Un.</p><p>Deux.</p>',
      '<p>Un.</p><ul><li><em>Deux.</em></li></ul>',
    );
    expect(said(marks(both.theirs.nodes)[0]!.mark)).toEqual(['italic', 'bulleted']);
  });

  it('marks nothing where the blocks alone are the same and words were added between them', () => {
    const diff = diffItemHtml(
      '<p>Le ministre part.</p><p>Il dément.</p>',
      '<p>Le ministre part.</p><p>Une phrase de plus.</p><p>Il dément.</p>',
    );
    expect(written(diff.mine.nodes)).toBe('<p>Le ministre part.</p><p>Il dément.</p>');
    expect(written(diff.theirs.nodes)).toBe(
      '<p>Le ministre part.</p><p>[Une phrase de plus.]</p><p>Il dément.</p>',
    );
  });

  it('keeps a line break inside an entry', () => {
    const diff = diffItemHtml('<ul><li>Un<br>deux</li></ul>', '<ul><li>Un<br>trois</li></ul>');
    expect(written(diff.mine.nodes)).toBe('<ul><li>Un<br>[deux]</li></ul>');
  });

  it('marks the differing middle of texts too long to compare, and still a bold word before it', () => {
    // More word pairs in the middle than word-diff compares.
    const length = Math.ceil(Math.sqrt(MAX_PAIRS)) + 10;
    const middle = (letter: string) => Array.from({ length }, (_, i) => `${letter}${i}`).join(' ');
    const mine = `<p>Début <strong>gras</strong> ici.</p><p>${middle('a')}</p><p>Fin.</p>`;
    const theirs = `<p>Début gras ici.</p><p>${middle('b')}</p><p>Fin.</p>`;

    const diff = diffItemHtml(mine, theirs);

    expect(written(diff.mine.nodes)).toBe(
      `<p>Début <strong>{gras}</strong> ici.</p><p>[${middle('a')}]</p><p>Fin.</p>`,
    );
    expect(written(diff.theirs.nodes)).toBe(
      `<p>Début {gras} ici.</p><p>[${middle('b')}]</p><p>Fin.</p>`,
    );
  });

  it('gives each version’s text back whole', () => {
    const mine = '<p>Un <em>deux</em> trois.</p><ul><li>quatre</li></ul>';
    const theirs = '<p>Un deux, trois.</p><p>Cinq.</p>';
    const diff = diffItemHtml(mine, theirs);
    expect(text(diff.mine.nodes)).toBe('Un deux trois.|quatre|');
    expect(text(diff.theirs.nodes)).toBe('Un deux, trois.|Cinq.|');
  });

  it('marks nothing in the other version when one has no words', () => {
    const diff = diffItemHtml('<p><br></p>', '<p>Un <strong>texte</strong>.</p>');
    expect(diff.mine.empty).toBe(true);
    expect(diff.theirs.empty).toBe(false);
    expect(written(diff.theirs.nodes)).toBe('<p>Un <strong>texte</strong>.</p>');
  });

  it('reads only the clean text: no script, image, handler or javascript: address comes out', () => {
    const diff = diffItemHtml(
      '<p>Texte<img src="x" onerror="alert(1)"> <a href="javascript:alert(1)">ici</a></p><script>alert(1)</script>',
      '<p onclick="alert(1)">Texte <a href="https://a.fr" onmouseover="alert(1)">ici</a></p>',
    );
    expect(written(diff.mine.nodes)).toBe('<p>Texte {ici}</p>');
    expect(written(diff.theirs.nodes)).toBe('<p>Texte <a href="https://a.fr">{ici}</a></p>');
  });
});
