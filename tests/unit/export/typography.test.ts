import { describe, expect, it } from 'vitest';
import {
  NBSP,
  NNBSP,
  frenchTypographyHtml,
  frenchTypographyInline,
  frenchTypographyText,
} from '../../../export/typography';
import type { SafeInline } from '../../../export/sanitize';
import { readSeed } from './fixtures';

/** Small deterministic PRNG (mulberry32) so property tests are reproducible. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomStrings(fragments: readonly string[], count: number, seed: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const length = 1 + Math.floor(next() * 14);
    let s = '';
    for (let i = 0; i < length; i++) s += fragments[Math.floor(next() * fragments.length)];
    return s;
  });
}

const TEXT_FRAGMENTS = [
  'a',
  'mot',
  'é',
  "l'",
  "'",
  ' ',
  '  ',
  '\t',
  NBSP,
  NNBSP,
  '?',
  '!',
  ';',
  ':',
  ',',
  '.',
  '"',
  '“',
  '”',
  '«',
  '»',
  '’',
  '…',
  '...',
  '13',
  '%',
  '€',
  '(',
  ')',
  '\n',
  '\n\n',
  '11:30',
  '3:2',
  'https://x.com/a?b=c:d;e',
  'www.exemple.fr',
  'a@b.fr',
  '&amp;',
  '-->',
  ' -- ',
  '\uE000',
  '1',
];

describe('frenchTypographyText', () => {
  it('puts a narrow no-break space (U+202F) before ; ! and ?', () => {
    const result = frenchTypographyText('Vraiment? Oui! Enfin; bref');

    expect(result).toBe(`Vraiment${NNBSP}? Oui${NNBSP}! Enfin${NNBSP}; bref`);
  });

  it('puts a no-break space (U+00A0) before a colon', () => {
    expect(frenchTypographyText('Une évidence: tout sauvegarder')).toBe(
      `Une évidence${NBSP}: tout sauvegarder`,
    );
  });

  it('replaces the ordinary space already before ;:!? instead of adding one', () => {
    const result = frenchTypographyText('pinceaux : elle ; deux ? oui  !');

    expect(result).toBe(`pinceaux${NBSP}: elle${NNBSP}; deux${NNBSP}? oui${NNBSP}!`);
  });

  it('turns balanced straight double quotes into guillemets with no-break spaces inside', () => {
    expect(frenchTypographyText('la conférence "Advanced TV" , mitonnée')).toBe(
      `la conférence «${NBSP}Advanced TV${NBSP}», mitonnée`,
    );
    expect(frenchTypographyText('" la communication "')).toBe(`«${NBSP}la communication${NBSP}»`);
  });

  it('leaves an odd number of straight quotes alone (cannot tell which is which)', () => {
    const text = 'Sa notice rappelle ainsi "Après avoir terminé ses études';

    expect(frenchTypographyText(text)).toBe(text);
  });

  it('turns curly quotes typed the English way into guillemets', () => {
    expect(frenchTypographyText('le slogan “Think different” , repris')).toBe(
      `le slogan «${NBSP}Think different${NBSP}», repris`,
    );
    expect(frenchTypographyText('“oui”')).toBe(`«${NBSP}oui${NBSP}»`);
  });

  it('keeps curly quotes inside guillemets, the second level of quotation', () => {
    const text = `«${NBSP}il a dit “non” puis “oui”${NBSP}»`;

    expect(frenchTypographyText(text)).toBe(text);
    expect(frenchTypographyText('“il a dit “non” hier”')).toBe(
      `«${NBSP}il a dit “non” hier${NBSP}»`,
    );
  });

  it('leaves unmatched curly quotes and a pair holding guillemets alone', () => {
    for (const text of ['il a dit “non', 'il a dit non”', '”non”', `“a «${NBSP}b${NBSP}» c”`]) {
      expect(frenchTypographyText(text), text).toBe(text);
    }
  });

  it('pairs quotes within a paragraph, not across a blank line', () => {
    const result = frenchTypographyText('Il dit "oui\n\nelle dit" non');

    expect(result).toBe('Il dit "oui\n\nelle dit" non');
  });

  it('normalises the spaces inside existing guillemets', () => {
    expect(frenchTypographyText('«bonjour»')).toBe(`«${NBSP}bonjour${NBSP}»`);
    expect(frenchTypographyText(`« bonjour${NNBSP}»`)).toBe(`«${NBSP}bonjour${NBSP}»`);
  });

  it('uses the typographic apostrophe after a letter', () => {
    expect(frenchTypographyText("l'alerte d'aujourd'hui")).toBe('l’alerte d’aujourd’hui');
  });

  it('makes a double hyphen typed between spaces the dash it stands for', () => {
    // A keyboard has no « — » key: « -- » between words is the dash meant, as a word processor
    // corrects it; the spaces stay as typed.
    expect(frenchTypographyText('la télé segmentée de Canal+ -- Bouygues Telecom')).toBe(
      'la télé segmentée de Canal+ — Bouygues Telecom',
    );
    expect(frenchTypographyText('Lui -- le patron -- a signé.')).toBe('Lui — le patron — a signé.');
  });

  it('leaves a double hyphen that is not a dash between words as typed', () => {
    // The house opener « --> », an option, an arrow, a rule; and a paragraph's or a line's start,
    // where a house opener may be « -- ».
    for (const text of [
      '--> Le 10 mars',
      'lancez-le avec --help ici',
      'a --> b',
      'a --- b',
      'a--b',
      'a --',
      '-- Le 10 mars',
      'Titre\n-- Le 10 mars',
    ]) {
      expect(frenchTypographyText(text), text).toBe(text);
    }
  });

  it('keeps a number with its % or € after it: a no-break space between', () => {
    // A line must not start with the sign: « 275 » at a line's end, « € » on the next.
    expect(frenchTypographyText('valorisée 275 € et en hausse de 13 % sur un an')).toBe(
      `valorisée 275${NBSP}€ et en hausse de 13${NBSP}% sur un an`,
    );
    // Typed stuck to the number, as in English: spaced, as French writes it.
    expect(frenchTypographyText('une hausse de 2,5% en 2024, soit 40€.')).toBe(
      `une hausse de 2,5${NBSP}% en 2024, soit 40${NBSP}€.`,
    );
    // A narrow no-break space already there is kept.
    expect(frenchTypographyText(`13${NNBSP}%`)).toBe(`13${NNBSP}%`);
  });

  it('leaves a % or € that is not a number’s as typed', () => {
    for (const text of ['le signe % seul', '€ 50', 'un 100%bio', 'la marque 3€uro', 'a 13 %\nb']) {
      expect(frenchTypographyText(text), text).toBe(text.replace('13 %', `13${NBSP}%`));
    }
  });

  it('makes three dots typed the ellipsis, and leaves two or four alone', () => {
    expect(frenchTypographyText('la pépite Shadow de Blade... Et puis')).toBe(
      'la pépite Shadow de Blade… Et puis',
    );
    expect(frenchTypographyText('Et...')).toBe('Et…');
    for (const text of ['a.. b', 'a.... b', 'a..... b', 'voir https://ex.test/a...b ici']) {
      expect(frenchTypographyText(text), text).toBe(text);
    }
  });

  it('collapses runs of ordinary spaces into one', () => {
    expect(frenchTypographyText('Dans cette vidéo,  publiée   sur')).toBe(
      'Dans cette vidéo, publiée sur',
    );
  });

  it('removes a space before a comma or period that ends a word', () => {
    expect(frenchTypographyText('Jean de la Rochebrocard , de Kima')).toBe(
      'Jean de la Rochebrocard, de Kima',
    );
    expect(frenchTypographyText('sur la mesure . Mais')).toBe('sur la mesure. Mais');
  });

  it('leaves ambiguous spaced punctuation alone (". ." and decimals)', () => {
    expect(frenchTypographyText("d'achat. . Ou")).toBe('d’achat. . Ou');
    expect(frenchTypographyText('1 ,5')).toBe('1 ,5');
  });

  it('never touches URLs, e-mail addresses or times', () => {
    const text =
      "Voir https://exemple.fr/a?b=c:d;e!f et www.x.fr/l'ami ou mailto:a@b.fr ; écrire à redac@petit-web.fr à 11:30";

    const result = frenchTypographyText(text);

    expect(result).toContain('https://exemple.fr/a?b=c:d;e!f');
    expect(result).toContain("www.x.fr/l'ami");
    expect(result).toContain('mailto:a@b.fr');
    expect(result).toContain('redac@petit-web.fr');
    expect(result).toContain('11:30');
    expect(result).toContain(`a@b.fr${NNBSP};`);
  });

  it('keeps an apostrophe inside an e-mail address’s name straight, and typesets the words around', () => {
    expect(frenchTypographyText("l'adresse de Jean : jean.o'brien@exemple.fr")).toBe(
      `l’adresse de Jean${NBSP}: jean.o'brien@exemple.fr`,
    );
    // In straight quotes, an address is still an address; an apostrophe ending a word is not in it.
    expect(frenchTypographyText("'redac@petit-web.fr'")).toContain('redac@petit-web.fr');
    expect(frenchTypographyText("aujourd'hui redac@x.fr")).toBe('aujourd’hui redac@x.fr');
  });

  it('typesets an elision glued to an e-mail address, the address as written', () => {
    expect(frenchTypographyText("Écrivez à l'info@exemple.fr, puis qu'on@x.fr")).toBe(
      'Écrivez à l’info@exemple.fr, puis qu’on@x.fr',
    );
    expect(frenchTypographyText("L'équipe@x.fr, jusqu'à redac@x.fr")).toBe(
      'L’équipe@x.fr, jusqu’à redac@x.fr',
    );
    // Names: o'brien, and d' or n' (d'artagnan, n'diaye) begin names as often as elisions.
    expect(frenchTypographyText("o'brien@x.fr d'artagnan@x.fr n'diaye@x.fr")).toBe(
      "o'brien@x.fr d'artagnan@x.fr n'diaye@x.fr",
    );
    // Nor is an apostrophe before a consonant (m'baye, t'serstevens): a name's, as written.
    expect(frenchTypographyText("m'baye@x.fr T'Serstevens@x.fr")).toBe(
      "m'baye@x.fr T'Serstevens@x.fr",
    );
    // An apostrophe further in the address's name is the name's.
    expect(frenchTypographyText("l'ami.o'neil@x.fr")).toBe("l’ami.o'neil@x.fr");
  });

  it('puts the space after a URL ending the sentence, not inside it', () => {
    expect(frenchTypographyText('Lisez https://x.com/page?')).toBe(
      `Lisez https://x.com/page${NNBSP}?`,
    );
  });

  it('does not insert a space where a mark is not sentence punctuation', () => {
    for (const text of ['index.php?id=1', 'ratio 3:2', 'http://x', 'Quoi?!']) {
      const result = frenchTypographyText(text);
      expect(result.replace(NNBSP, '')).toBe(text);
    }
    expect(frenchTypographyText('Quoi?!')).toBe(`Quoi${NNBSP}?!`);
  });

  it('fixes the seed issue’s own spacing', () => {
    const seed = readSeed();

    const result = frenchTypographyText(seed);

    expect(result).toContain('Dans cette vidéo, publiée sur Linkedin');
    expect(result).toContain('Jean de la Rochebrocard, de Kima Ventures');
    expect(result).toContain('en mars dernier, dirigé');
    expect(result).toContain('des questions sur la mesure. Mais');
    expect(result).toContain(`Nos lecteurs sont des génies${NNBSP}; deux`);
    expect(result).toContain(`à 11 h${NNBSP}?`);
    expect(result).toContain(`la conférence «${NBSP}Advanced TV${NBSP}», mitonnée`);
    expect(result).toContain(`une évidence${NBSP}: tout le monde`);
    expect(result).toContain(`«${NBSP}la communication de guerre`);
    expect(result).toContain(`ce genre d’incident..${NBSP}».`);
    expect(result).toContain('Canal + Bouygues');
    expect(result).not.toMatch(/[^\n ] {2,}/);
  });

  it('is idempotent on the whole seed text', () => {
    const once = frenchTypographyText(readSeed());

    expect(frenchTypographyText(once)).toBe(once);
  });

  it('is idempotent on many random strings (property)', () => {
    for (const text of randomStrings(TEXT_FRAGMENTS, 3000, 42)) {
      const once = frenchTypographyText(text);
      expect(frenchTypographyText(once), JSON.stringify(text)).toBe(once);
    }
  });

  it('only ever changes spaces, quote marks, apostrophes, a spaced « -- » and « ... » (property)', () => {
    const skeleton = (s: string): string =>
      s
        .replace(/--(?![->])/g, '—')
        .replace(/\.\.\./g, '…')
        .replace(/[\s\u00A0\u202F"“”«»'’]/g, '');
    for (const text of randomStrings(TEXT_FRAGMENTS, 1000, 7)) {
      expect(skeleton(frenchTypographyText(text)), JSON.stringify(text)).toBe(skeleton(text));
    }
  });
});

describe('frenchTypographyHtml', () => {
  it('typesets text nodes and leaves tags and attributes untouched', () => {
    const html = `<p title="l'ami : oui ?">Il dit: <a href="https://x.fr/?a=b:c" data-x='"y"'>l'ami</a>!</p>`;

    const result = frenchTypographyHtml(html);

    expect(result).toBe(
      `<p title="l'ami : oui ?">Il dit${NBSP}: <a href="https://x.fr/?a=b:c" data-x='"y"'>l’ami</a>${NNBSP}!</p>`,
    );
  });

  it('leaves code, pre, script and style content verbatim', () => {
    const html =
      '<p>Tapez <code>a ? b : \'c\'</code> puis</p><pre>x  ;  "y"</pre><script>if (a ? b : c) {}</script><style>a:hover{}</style>';

    expect(frenchTypographyHtml(html)).toBe(html.replace(' puis', ' puis'));
  });

  it('pairs quotes across inline elements but not across paragraphs', () => {
    expect(frenchTypographyHtml('<p>"<em>oui</em>"</p>')).toBe(
      `<p>«${NBSP}<em>oui</em>${NBSP}»</p>`,
    );
    expect(frenchTypographyHtml('<p>"a</p><p>b"</p>')).toBe('<p>"a</p><p>b"</p>');
  });

  it('keeps entities meaning and escapes text again', () => {
    expect(frenchTypographyHtml('<p>&lt;script&gt; &amp; l&#39;ami &eacute;t&eacute;</p>')).toBe(
      '<p>&lt;script&gt; &amp; l’ami été</p>',
    );
  });

  it('does not pull URLs in link text apart', () => {
    const html = '<a href="https://a.fr">https://a.fr/x?y=1;z=2</a>';

    expect(frenchTypographyHtml(html)).toBe(html);
  });

  it('keeps an unfinished tag at the end verbatim', () => {
    expect(frenchTypographyHtml('<p>Quoi ?<a href="x')).toBe(`<p>Quoi${NNBSP}?<a href="x`);
  });

  it('is idempotent on many random HTML strings (property)', () => {
    const fragments = [
      ...TEXT_FRAGMENTS,
      '<em>',
      '</em>',
      '<br>',
      '<p>',
      '</p>',
      '<code>a ? b</code>',
      '<a href="http://x.fr/?q=1;r">',
      '</a>',
      '<',
      '>',
      '&lt;',
      '<!-- c ? -->',
    ];
    for (const html of randomStrings(fragments, 3000, 1234)) {
      const once = frenchTypographyHtml(html);
      expect(frenchTypographyHtml(once), JSON.stringify(html)).toBe(once);
    }
  });
});

describe('frenchTypographyInline', () => {
  it('typesets across elements and keeps the tree shape and link targets', () => {
    const nodes: SafeInline[] = [
      { type: 'text', text: 'Voir la ' },
      { type: 'link', href: "https://x.fr/l'a?b:c", children: [{ type: 'text', text: 'vidéo' }] },
      { type: 'text', text: ' : "oui"' },
    ];

    const result = frenchTypographyInline(nodes);

    expect(result).toEqual([
      { type: 'text', text: 'Voir la ' },
      { type: 'link', href: "https://x.fr/l'a?b:c", children: [{ type: 'text', text: 'vidéo' }] },
      { type: 'text', text: `${NBSP}: «${NBSP}oui${NBSP}»` },
    ]);
    expect(nodes[2]).toEqual({ type: 'text', text: ' : "oui"' });
  });

  it('does not move spacing across a line break', () => {
    const nodes: SafeInline[] = [
      { type: 'text', text: 'fin' },
      { type: 'br' },
      { type: 'text', text: '? début' },
    ];

    expect(frenchTypographyInline(nodes)).toEqual(nodes);
  });
});
