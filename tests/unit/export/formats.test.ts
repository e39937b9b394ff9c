import { describe, expect, it } from 'vitest';
import type { ExportIssue } from '../../../export/model';
import { createHouseStyle, type HouseStyle } from '../../../export/house-style';
import { renderHtml, renderHtmlDocument } from '../../../export/html';
import { escapeMarkdown, markdownUrl, renderMarkdown } from '../../../export/markdown';
import { renderText } from '../../../export/text';
import { NBSP, NNBSP } from '../../../export/typography';

const style = createHouseStyle();

function issueWith(
  bodyHtml: string,
  sources: ExportIssue['items'][number]['sources'] = [],
): ExportIssue {
  return {
    title: 'Les indiscrets du 15 mars',
    date: '2021-03-15',
    items: [{ id: '1', bodyHtml, sources }],
  };
}

describe('renderHtml', () => {
  it('renders an article with an h1, the intro and each paragraph of each item, the opener on the first', () => {
    const issue: ExportIssue = {
      title: 'Les indiscrets du 15 mars',
      date: '2021-03-15',
      intro: 'Bonjour',
      items: [
        { id: '1', bodyHtml: 'Un', sources: [] },
        { id: '2', bodyHtml: '<p>Deux</p><p>suite</p>', sources: [] },
      ],
    };

    const html = renderHtml(issue, style);

    expect(html).toBe(
      [
        '<article>',
        '<h1>Les indiscrets du 15 mars</h1>',
        '<p>Bonjour</p>',
        '<p>--&gt; Un</p>',
        '<p>--&gt; Deux</p>',
        '<p>suite</p>',
        '</article>',
      ].join('\n'),
    );
  });

  it('uses no classes, inline styles or scripts', () => {
    const html = renderHtml(issueWith('<p class="x" style="color:red" onclick="y()">a</p>'), style);

    expect(html).not.toMatch(/class=|style=|on\w+=|<script/);
  });

  it('formats the title from the pattern when the issue has none', () => {
    const html = renderHtml({ ...issueWith('a'), title: '  ', date: '2021-03-01' }, style);

    expect(html).toContain('<h1>Les indiscrets du 1er mars</h1>');
  });

  it('wraps the article in a UTF-8 document for files', () => {
    const doc = renderHtmlDocument(issueWith('a'), style);

    expect(doc).toMatch(/^<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">/);
    expect(doc).toContain('<title>Les indiscrets du 15 mars</title>');
    expect(doc).toContain('<article>');
  });
});

describe('source credits', () => {
  const sources = [
    { url: 'https://www.bloomberg.com/a', siteName: 'Bloomberg' },
    { url: 'https://www.lesechos.fr/b', title: 'Un titre' },
    { url: 'https://x.fr/c' },
  ];

  const credited = { ...style, creditStyle: 'parenthesis' as const };

  it('credits nothing by default: the house voice links its sources in the text', () => {
    const html = renderHtml(issueWith('Texte.', sources), style);

    expect(html).toContain('<p>--&gt; Texte.</p>');
  });

  it('credits sources in parentheses, linked, named by site, title or host', () => {
    const html = renderHtml(issueWith('Texte.', sources), credited);

    expect(html).toContain(
      '<p>--&gt; Texte. (<a href="https://www.bloomberg.com/a">Bloomberg</a>, <a href="https://www.lesechos.fr/b">Un titre</a>, <a href="https://x.fr/c">x.fr</a>)</p>',
    );
  });

  it('names a source by its accented domain as a reader writes it, the link left in ASCII', () => {
    const html = renderHtml(
      issueWith('Texte.', [
        { url: 'https://www.xn--caf-dma.fr/menu' },
        // Greek letters drawn as Latin ones (« νοχ », vox): as the browser writes it.
        { url: 'https://xn--yxaey.com/a' },
      ]),
      credited,
    );

    expect(html).toContain(
      '(<a href="https://www.xn--caf-dma.fr/menu">café.fr</a>, <a href="https://xn--yxaey.com/a">xn--yxaey.com</a>)',
    );
  });

  it('credits with "— via" when the style says so', () => {
    const html = renderHtml(issueWith('Texte.', sources.slice(0, 1)), {
      ...style,
      creditStyle: 'via',
    });

    expect(html).toContain(
      '<p>--&gt; Texte. — via <a href="https://www.bloomberg.com/a">Bloomberg</a></p>',
    );
  });

  it('does not credit a source the text already links to', () => {
    const body = 'Selon <a href="https://bloomberg.com/a/">Bloomberg</a>.';

    const html = renderHtml(issueWith(body, sources.slice(0, 1)), credited);

    expect(html).toBe(
      '<article>\n<h1>Les indiscrets du 15 mars</h1>\n<p>--&gt; Selon <a href="https://bloomberg.com/a/">Bloomberg</a>.</p>\n</article>',
    );
  });

  it('credits nothing with creditStyle none', () => {
    const html = renderHtml(issueWith('Texte.', sources), { ...style, creditStyle: 'none' });

    expect(html).not.toContain('<a ');
  });
});

describe('typography in formats', () => {
  it('applies French typography to title, intro and items but never to URLs', () => {
    const issue: ExportIssue = {
      title: 'Quoi de neuf ?',
      date: '2021-03-15',
      intro: 'Au menu: "OVH"',
      items: [
        {
          id: '1',
          bodyHtml: 'Voir <a href="https://x.fr/?a=b:c">ici</a> ; https://y.fr/?q=1;2',
          sources: [],
        },
      ],
    };

    const html = renderHtml(issue, style);

    expect(html).toContain(`<h1>Quoi de neuf${NNBSP}?</h1>`);
    expect(html).toContain(`<p>Au menu${NBSP}: «${NBSP}OVH${NBSP}»</p>`);
    expect(html).toContain(`<a href="https://x.fr/?a=b:c">ici</a>${NNBSP}; https://y.fr/?q=1;2`);
  });

  it('leaves text alone when French typography is off', () => {
    const html = renderHtml(issueWith('Il dit "oui" ?'), { ...style, frenchTypography: false });

    expect(html).toContain('Il dit "oui" ?');
  });

  it("pairs straight quotes within a paragraph, never across an item's paragraphs", () => {
    // A quotation cut short (the seed's « rappelle ainsi "Après… ») was closed by the next
    // paragraph's quote, and a pair after it, now odd in the item, was left straight.
    const cut = renderHtml(issueWith('<p>Il dit "oui.</p><p>Puis "non" ici.</p>'), style);
    const list = renderHtml(issueWith('<ul><li>Le "A</li><li>et B" ok</li></ul>'), style);

    expect(cut).toContain('<p>--&gt; Il dit "oui.</p>');
    expect(cut).toContain(`<p>Puis «${NBSP}non${NBSP}» ici.</p>`);
    expect(list).toContain('<li>--&gt; Le "A</li>\n<li>et B" ok</li>');
  });

  it('does not typeset the item opener', () => {
    const text = renderText(issueWith('a'), { ...style, itemOpener: '» ' });

    expect(text).toContain('\n» a\n');
  });
});

describe('renderMarkdown', () => {
  it('writes the title as "# ", items as paragraphs separated by blank lines', () => {
    const md = renderMarkdown(
      {
        title: 'T',
        date: '2021-03-15',
        intro: 'Intro',
        items: [
          { id: '1', bodyHtml: 'a', sources: [] },
          { id: '2', bodyHtml: 'b', sources: [] },
        ],
      },
      style,
    );

    expect(md).toBe('# T\n\nIntro\n\n--> a\n\n--> b\n');
  });

  it('renders bold, italic, links and line breaks', () => {
    const md = renderMarkdown(
      issueWith('<b>gras</b> <i>penché</i> <a href="https://x.fr/a">lien</a><br>suite'),
      style,
    );

    expect(md).toContain('**gras** *penché* [lien](https://x.fr/a)\\\nsuite');
  });

  it('keeps emphasis delimiters next to the text they wrap', () => {
    const md = renderMarkdown(issueWith('a<b> gras </b>b'), style);

    expect(md).toContain('a **gras** b');
  });

  it('escapes Markdown syntax in text, and only that', () => {
    expect(escapeMarkdown('*a* _b_ [c](d) # e > f \\ `g` <h> ~i~ |j| &amp;')).toBe(
      '\\*a\\* \\_b\\_ \\[c](d) # e > f \\\\ \\`g\\` \\<h> \\~i\\~ \\|j\\| \\&amp;',
    );
  });

  it('leaves parentheses, dashes and arrows of ordinary prose alone', () => {
    const md = renderMarkdown(issueWith('Le groupe (OVH) -- selon X -> Y, 2021-03-15.'), {
      ...style,
      frenchTypography: false,
    });

    expect(md).toContain('--> Le groupe (OVH) -- selon X -> Y, 2021-03-15.');
  });

  it('escapes a "]" inside a link\'s text, where it would end the link', () => {
    const md = renderMarkdown(issueWith('<a href="https://x.fr/">[sic] a</a>'), style);

    expect(md).toContain('[\\[sic\\] a](https://x.fr/)');
  });

  it('escapes list and heading markers at the start of a line only', () => {
    expect(escapeMarkdown('- a - b', true)).toBe('\\- a - b');
    expect(escapeMarkdown('+ a', true)).toBe('\\+ a');
    expect(escapeMarkdown('2021. Bilan', true)).toBe('2021\\. Bilan');
    expect(escapeMarkdown('===', true)).toBe('\\===');
    expect(escapeMarkdown('=== x', true)).toBe('=== x');
    expect(escapeMarkdown('# titre', true)).toBe('\\# titre');
    expect(escapeMarkdown('> cité', true)).toBe('\\> cité');
    expect(escapeMarkdown('3) trois', true)).toBe('3\\) trois');
    expect(escapeMarkdown('--> a', true)).toBe('--> a');
    expect(escapeMarkdown('2021. Bilan', false)).toBe('2021. Bilan');
  });

  it('escapes line starts after a break inside an item', () => {
    const md = renderMarkdown(issueWith('a<br>- b<br>1. c'), style);

    expect(md).toContain('a\\\n\\- b\\\n1\\. c');
  });

  it('escapes a "!" right before a link so it does not become an image', () => {
    const md = renderMarkdown(issueWith('Wow!<a href="https://x.fr/i.png">image</a>'), {
      ...style,
      frenchTypography: false,
    });

    expect(md).toContain('Wow\\![image](https://x.fr/i.png)');
  });

  it('escapes "&" only where it would start a character reference', () => {
    expect(escapeMarkdown('Pierre & Vacances &lt;b&gt; &#60;')).toBe(
      'Pierre & Vacances \\&lt;b\\&gt; \\&#60;',
    );
  });

  it('encodes spaces and parentheses in link targets', () => {
    expect(markdownUrl('https://fr.wikipedia.org/wiki/Paris_(ville) x')).toBe(
      'https://fr.wikipedia.org/wiki/Paris_%28ville%29%20x',
    );
    const md = renderMarkdown(issueWith('<a href="https://x.fr/a b(c)">l</a>'), style);
    expect(md).toContain('[l](https://x.fr/a%20b%28c%29)');
  });

  it('encodes other spaces as UTF-8 and keeps a character reference in an address literal', () => {
    // « %202F » read back as a space and « 2F »; « &amp; » was read as « & ».
    expect(markdownUrl('mailto:a@b.fr?subject=Une\u00a0question\u202f?')).toBe(
      'mailto:a@b.fr?subject=Une%C2%A0question%E2%80%AF?',
    );
    expect(markdownUrl('https://x.fr/?a=1&amp;b=2&c=3')).toBe('https://x.fr/?a=1\\&amp;b=2&c=3');
  });

  it("escapes a title's closing « #», which a heading would drop", () => {
    const md = (title: string) =>
      renderMarkdown({ ...issueWith('a'), title }, style).split('\n')[0];

    expect(md('Spécial langages : C #')).toBe(`# Spécial langages${NBSP}: C \\#`);
    expect(md('C# et F#')).toBe('# C# et F#');
  });

  it('escapes a « ! » before a link in words marked in another language', () => {
    const md = renderMarkdown(
      issueWith('Wow!<span lang="en"><a href="https://x.com/">the deal</a></span> et la suite'),
      style,
    );

    expect(md.split('\n')[2]).toBe('--> Wow\\![the deal](https://x.com/) et la suite');
  });

  it('writes side by side emphasis of one kind as one', () => {
    // `*Libé**ration*` shows its asterisks: the middle ones read as another delimiter.
    const md = renderMarkdown(
      issueWith('<em>Libé</em><em>ration</em> et <strong>OVH</strong><strong>cloud</strong>'),
      style,
    );

    expect(md.split('\n')[2]).toBe('--> *Libération* et **OVHcloud**');
  });

  it('writes the opener "-->" as is: it opens no Markdown block', () => {
    const md = renderMarkdown(issueWith('texte'), style);

    expect(md.split('\n')[2]).toBe('--> texte');
  });

  it('escapes an opener that would open a list', () => {
    const md = renderMarkdown(issueWith('texte'), { ...style, itemOpener: '- ' });

    expect(md.split('\n')[2]).toBe('\\- texte');
  });
});

describe('renderText', () => {
  it('writes the title, a blank line, and items as paragraphs opening with the opener', () => {
    const text = renderText(
      {
        ...issueWith('Un'),
        items: [
          { id: '1', bodyHtml: 'Un', sources: [] },
          { id: '2', bodyHtml: 'Deux<br>suite', sources: [] },
        ],
      },
      style,
    );

    expect(text).toBe('Les indiscrets du 15 mars\n\n--> Un\n\n--> Deux\nsuite\n');
  });

  it('turns links into numbered footnotes listed at the end, one number per URL', () => {
    const body =
      'La <a href="https://x.fr/v">vidéo</a> et <a href="https://y.fr/">Y</a>, encore la <a href="https://x.fr/v">vidéo</a>.';

    const text = renderText(issueWith(body), style);

    expect(text).toBe(
      'Les indiscrets du 15 mars\n\n--> La vidéo[1] et Y[2], encore la vidéo[1].\n\n[1] https://x.fr/v\n[2] https://y.fr/\n',
    );
  });

  it('does not footnote a link whose text is its URL', () => {
    const text = renderText(issueWith('Voir <a href="https://x.fr/">https://x.fr</a>'), style);

    expect(text).toBe('Les indiscrets du 15 mars\n\n--> Voir https://x.fr\n');
  });

  it('does not footnote a link whose text is its accented domain as a reader writes it', () => {
    // « café.fr », as the item's « {site} » and the credits name https://xn--caf-dma.fr/.
    const text = renderText(
      issueWith('Selon <a href="https://www.xn--caf-dma.fr/">café.fr</a>.'),
      style,
    );

    expect(text).toBe('Les indiscrets du 15 mars\n\n--> Selon café.fr.\n');
  });

  it('footnotes credited sources too', () => {
    const text = renderText(
      issueWith('Texte.', [{ url: 'https://bloomberg.com/a', siteName: 'Bloomberg' }]),
      { ...style, creditStyle: 'parenthesis' },
    );

    expect(text).toContain('--> Texte. (Bloomberg[1])\n\n[1] https://bloomberg.com/a\n');
  });

  it('does not wrap long lines', () => {
    const long = 'mot '.repeat(100).trim();

    expect(renderText(issueWith(long), style)).toContain(`--> ${long}\n`);
  });

  it('drops bold and italic markers', () => {
    expect(renderText(issueWith('<b>gras</b> <i>penché</i>'), style)).toContain(
      '--> gras penché\n',
    );
  });
});

describe('outro', () => {
  it('adds the house-style outro as a last plain-text paragraph', () => {
    const withOutro: HouseStyle = { ...style, outro: 'À la semaine prochaine <3' };

    expect(renderHtml(issueWith('a'), withOutro)).toContain(
      '<p>À la semaine prochaine &lt;3</p>\n</article>',
    );
    expect(renderText(issueWith('a'), withOutro)).toContain('\n\nÀ la semaine prochaine <3\n');
  });

  it('uses the house-style intro when the issue has none', () => {
    expect(renderHtml(issueWith('a'), { ...style, intro: 'Bonjour' })).toContain('<p>Bonjour</p>');
  });

  it('reads the issue’s chapô as the plain text its field is typed in, in every format', () => {
    // « <Orange> » and « &amp; » are what the editor wrote; a new line is a line break.
    const issue = {
      ...issueWith('a'),
      intro: 'Le groupe <Orange> recrute, écrit &amp; signé <i>Rédac</i>.\nSeconde ligne.',
    };
    const plain = createHouseStyle({ frenchTypography: false });

    expect(renderHtml(issue, plain)).toContain(
      '<p>Le groupe &lt;Orange&gt; recrute, écrit &amp;amp; signé &lt;i&gt;Rédac&lt;/i&gt;.' +
        '<br>Seconde ligne.</p>',
    );
    expect(renderText(issue, plain)).toContain(
      '\n\nLe groupe <Orange> recrute, écrit &amp; signé <i>Rédac</i>.\nSeconde ligne.\n',
    );
    expect(renderMarkdown(issue, plain)).toContain(
      'Le groupe \\<Orange> recrute, écrit \\&amp; signé \\<i>Rédac\\</i>.\\\nSeconde ligne.',
    );
    // A chapô of spaces is none: the house style's is used.
    expect(renderHtml({ ...issue, intro: '  \n ' }, { ...plain, intro: 'Bonjour' })).toContain(
      '<p>Bonjour</p>',
    );
  });
});

describe('an item opener typed by hand', () => {
  // Editors typed « --> » before each item for years, and paste items from old columns: the
  // exports write the opener themselves, so one typed in the text would be published twice.
  it('is not written a second time in any format', () => {
    const issue = issueWith('<p>--&gt; Le 10 mars, OVH a pris feu.</p>');

    expect(renderHtml(issue, style)).toContain('<p>--&gt; Le 10 mars, OVH a pris feu.</p>');
    expect(renderMarkdown(issue, style).split('\n')[2]).toBe('--> Le 10 mars, OVH a pris feu.');
    expect(renderText(issue, style).split('\n')[2]).toBe('--> Le 10 mars, OVH a pris feu.');
  });

  it('is found through formatting, without its space, after spaces and before a no-break one', () => {
    const bodies = [
      '<p><strong>--&gt;</strong> Le feu.</p>',
      '<p>--&gt;Le feu.</p>',
      '<p>  --&gt;\u00a0Le feu.</p>',
      '<p><em>--&gt; Le</em> feu.</p>',
    ];

    const lines = bodies.map((body) => renderText(issueWith(body), style).split('\n')[2]);

    expect(lines).toEqual(['--> Le feu.', '--> Le feu.', '--> Le feu.', '--> Le feu.']);
    expect(renderHtml(issueWith(bodies[3]!), style)).toContain('<p>--&gt; <em>Le</em> feu.</p>');
  });

  it('goes with its paragraph when it stood alone on the first line', () => {
    const html = renderHtml(issueWith('<p>--&gt;</p><p>Le feu.</p><ul><li>un</li></ul>'), style);

    expect(html).toContain('<p>--&gt; Le feu.</p>\n<ul>\n<li>un</li>\n</ul>');
  });

  it('leaves out an item that holds nothing else, or only spaces, as an empty one', () => {
    // A bare « --> » was published: the opener typed alone, or WordPress's empty paragraph.
    const issue = (body: string): ExportIssue => ({
      ...issueWith('<p>Un</p>'),
      items: [
        { id: '1', bodyHtml: '<p>Un</p>', sources: [] },
        { id: '2', bodyHtml: body, sources: [] },
      ],
    });
    const empty = issue('');

    for (const body of ['<p>--&gt; </p>', '<p>&nbsp;</p>', '<p><em>\u202f</em><br></p>']) {
      expect(renderHtml(issue(body), style), body).toBe(renderHtml(empty, style));
      expect(renderMarkdown(issue(body), style), body).toBe(renderMarkdown(empty, style));
      expect(renderText(issue(body), style), body).toBe(renderText(empty, style));
    }
  });

  it('is kept when it is not at the start, or when the house style has another opener', () => {
    expect(renderText(issueWith('Une flèche --&gt; ici'), style).split('\n')[2]).toBe(
      '--> Une flèche --> ici',
    );
    expect(renderText(issueWith('--&gt; a'), { ...style, itemOpener: '» ' }).split('\n')[2]).toBe(
      '» --> a',
    );
    expect(renderText(issueWith('--&gt; a'), { ...style, itemOpener: '' }).split('\n')[2]).toBe(
      '--> a',
    );
  });
});
