import { describe, expect, it } from 'vitest';
import {
  bodyText,
  deriveFields,
  hasHttpLink,
  hasVisibleText,
  indexWordPairs,
  indexWords,
  normaliseUrl,
  queryTokens,
  tokenize,
} from '../../../storage/derive';

describe('tokenize', () => {
  it('lowercases, strips accents and spells out ligatures', () => {
    expect(tokenize("L'été de l'Œuvre À PARIS")).toEqual([
      'l',
      'ete',
      'de',
      'l',
      'oeuvre',
      'a',
      'paris',
    ]);
  });

  it('writes superscripts and typographic ligatures plain: « 7ᵉ » is « 7e »', () => {
    expect(tokenize('Le 7ᵉ arrondissement, ﬁn du 2ᵈ tour')).toEqual([
      'le',
      '7e',
      'arrondissement',
      'fin',
      'du',
      '2d',
      'tour',
    ]);
  });

  it('keeps digits and splits on punctuation', () => {
    expect(tokenize('OVHcloud, 2021: +12,5 %')).toEqual(['ovhcloud', '2021', '12', '5']);
  });

  it('reads a word cut by invisible characters (a soft hyphen, a zero-width space) whole', () => {
    // Sites hyphenate long words with &shy;; Word's optional hyphens paste the same.
    expect(tokenize('Le gou\u00adver\u00adne\u00adment re\u200bcule\ufeff')).toEqual([
      'le',
      'gouvernement',
      'recule',
    ]);
  });

  it('splits at the modifier apostrophe as at the others: « lʼÉtat »', () => {
    expect(tokenize('lʼÉtat')).toEqual(['l', 'etat']);
    expect(tokenize('lʼÉtat')).toEqual(tokenize('l’État'));
  });
});

describe('indexWords', () => {
  it('keeps distinct words of two letters or more', () => {
    expect(indexWords(["l'été", undefined, 'Été à Paris'])).toEqual(['ete', 'paris']);
  });

  it('keeps numbers of one digit: « le n°7 », « article 3 »', () => {
    expect(indexWords(['Le n°7 du classement', 'article 3, G7'])).toEqual([
      'le',
      '7',
      'du',
      'classement',
      'article',
      '3',
      'g7',
    ]);
  });

  it('gives the words of a long text, kept from a write to the next, as it gives a short one', () => {
    const slow = (parts: string[]) => [
      ...new Set(
        parts.flatMap((part) => tokenize(part)).filter((w) => w.length > 1 || /\d/.test(w)),
      ),
    ];
    const text = 'Le yacht du ministre, l’été 1992 : « OVH » en n°7. '.repeat(2_000);
    const parts = [text, 'Une note'];
    expect(indexWords(parts)).toEqual(slow(parts));
    // Read again from the database: an equal text, not the same string.
    const read = (' ' + text).slice(1);
    expect(indexWords([read, 'Une autre note'])).toEqual(slow([read, 'Une autre note']));
    expect(indexWords([`${read} Corse`])).toEqual(slow([`${read} Corse`]));
  });
});

describe('indexWordPairs', () => {
  it('pairs each two words one after the other, single letters too, within one text only', () => {
    expect(indexWordPairs(["Selon nos informations, l'été", undefined, 'Été à Paris'])).toEqual([
      'selon nos',
      'nos informations',
      'informations l',
      'l ete',
      'ete a',
      'a paris',
    ]);
  });

  it('pairs the words as they are indexed: cut, and folded, invisible characters left out', () => {
    const long = 'anticonstitutionnellementdeclaree';
    expect(indexWordPairs([`Le gou\u00adver\u00adne\u00adment ${long} Œuvre 7ᵉ`])).toEqual([
      'le gouvernement',
      `gouvernement ${long.slice(0, 32)}`,
      `${long.slice(0, 32)} oeuvre`,
      'oeuvre 7e',
    ]);
  });

  it('gives the pairs of a long text, kept from a write to the next, as it gives a short one', () => {
    const slow = (parts: string[]) => [
      ...new Set(
        parts.flatMap((part) => {
          const tokens = tokenize(part);
          return tokens.slice(1).map((token, i) => `${tokens[i]} ${token}`);
        }),
      ),
    ];
    const text = 'Le yacht du ministre, l’été 1992 : « OVH » en n°7. '.repeat(2_000);
    expect(indexWordPairs([text, 'Une note'])).toEqual(slow([text, 'Une note']));
    const read = (' ' + text).slice(1);
    // The words of the kept text first, then its pairs: both kept, neither for the other.
    expect(indexWords([read])).toEqual(indexWords([text]));
    expect(indexWordPairs([read, 'Une autre note'])).toEqual(slow([read, 'Une autre note']));
    expect(indexWordPairs([`${read} Corse`])).toEqual(slow([`${read} Corse`]));
  });
});

describe('queryTokens', () => {
  it('drops single letters when the query has longer words', () => {
    expect(queryTokens("l'été")).toEqual(['ete']);
  });

  it('drops single letters beside a number: « n°7 » searches 7', () => {
    expect(queryTokens('n°7')).toEqual(['7']);
    expect(queryTokens('3')).toEqual(['3']);
  });

  it('keeps a single letter typed alone, as a prefix', () => {
    expect(queryTokens('o')).toEqual(['o']);
  });
});

describe('bodyText', () => {
  it('removes tags, decodes entities and separates paragraphs', () => {
    expect(bodyText('<p>A&nbsp;&amp;&#233;<br>B</p><p><a href="x">C</a>&#x27;</p>')).toBe(
      "A &é B C'",
    );
  });
});

describe('hasVisibleText', () => {
  it('sees no text in empty paragraphs, breaks and non-breaking spaces', () => {
    expect(hasVisibleText('<p>&nbsp;</p><p><br></p>')).toBe(false);
    expect(hasVisibleText('<p>x</p>')).toBe(true);
  });
});

describe('hasHttpLink', () => {
  it('finds http(s) links only', () => {
    expect(hasHttpLink('<p><a href="https://a.test">a</a></p>')).toBe(true);
    expect(hasHttpLink("<a class='x' href='http://a.test'>a</a>")).toBe(true);
    expect(hasHttpLink('<a href="javascript:void 0">a</a> https://a.test')).toBe(false);
  });
});

describe('normaliseUrl', () => {
  it('drops www., the hash and a trailing slash, lowercases the host and ignores the scheme', () => {
    expect(normaliseUrl('http://WWW.Example.COM/Path/?a=1#top')).toBe(
      'https://example.com/Path?a=1',
    );
    expect(normaliseUrl('https://example.com/Path/')).toBe('https://example.com/Path');
    expect(normaliseUrl('https://example.com/')).toBe('https://example.com');
  });

  it('keeps what is not an http(s) URL as typed, trimmed', () => {
    expect(normaliseUrl(' chrome://version/ ')).toBe('chrome://version/');
    expect(normaliseUrl('not a url')).toBe('not a url');
  });
});

describe('deriveFields', () => {
  it('indexes title, body text, site, author, tags, quotes and note, and normalises source URLs', () => {
    const derived = deriveFields({
      title: 'Titre',
      body: '<p>Corps <a href="https://x.test">lien</a></p>',
      siteName: 'Le Monde',
      byline: 'Ariane Chemin',
      tags: ['Économie'],
      quotes: [{ text: 'Citation' }],
      note: 'Rappeler',
      sources: [{ url: 'https://www.x.test/a/' }, { url: 'http://x.test/a' }, { url: '' }],
    });

    expect(derived.words.sort()).toEqual(
      [
        'titre',
        'corps',
        'lien',
        'le',
        'monde',
        'ariane',
        'chemin',
        'economie',
        'citation',
        'rappeler',
      ].sort(),
    );
    expect(derived.sourceUrls).toEqual(['https://x.test/a']);
  });
});
