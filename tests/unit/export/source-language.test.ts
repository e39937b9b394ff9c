import { describe, expect, it } from 'vitest';
import type { Draft, Issue } from '../../../storage/db';
import type { ExportIssue, ExportSource } from '../../../export/model';
import { createHouseStyle } from '../../../export/house-style';
import { toExportIssue } from '../../../export/from-issue';
import { renderHtml } from '../../../export/html';
import { renderWordPressBlocks } from '../../../export/wordpress-blocks';
import { renderMarkdown } from '../../../export/markdown';
import { renderText } from '../../../export/text';
import { frenchTypographyInline, NBSP, NNBSP } from '../../../export/typography';

const style = createHouseStyle();
const BLOOMBERG = 'https://www.bloomberg.com/news/why-it-matters';

/** One item citing one source, its text linking the source's title as the template's {link}. */
function issueCiting(source: ExportSource, bodyHtml?: string): ExportIssue {
  return {
    title: 'Les indiscrets du 15 mars',
    date: '2021-03-15',
    items: [
      {
        id: '1',
        bodyHtml:
          bodyHtml ?? `<p>Selon l'article <a href="${source.url}">${source.title}</a> : oui ?</p>`,
        sources: [source],
      },
    ],
  };
}

describe('exports of an item citing a page in another language', () => {
  it('keep the English title of the page as written, and typeset the French prose around it', () => {
    const source = { url: BLOOMBERG, title: 'Why it matters: the deal', lang: 'en' };

    const html = renderHtml(issueCiting(source), style);

    expect(html).toContain(
      `<a href="${BLOOMBERG}">Why it matters: the deal</a>${NBSP}: oui${NNBSP}?`,
    );
    expect(html).toContain('Selon l’article');
  });

  it('leave the English question mark of a title alone, in every format', () => {
    const source = { url: BLOOMBERG, title: 'Really?', lang: 'en-US' };
    const issue = issueCiting(source, `<p>Il titre « Really? » : vraiment ?</p>`);

    const outputs = [
      renderHtml(issue, style),
      renderWordPressBlocks(issue, style).content,
      renderMarkdown(issue, style),
      renderText(issue, style),
    ];

    for (const output of outputs) {
      expect(output).toContain(`«${NBSP}Really?${NBSP}»${NBSP}: vraiment${NNBSP}?`);
    }
  });

  it('keep the straight quotes of an English title instead of making them guillemets', () => {
    const source = { url: BLOOMBERG, title: 'The "deal" is off', lang: 'en' };

    const text = renderText(issueCiting(source), style);

    expect(text).toContain('The "deal" is off[1]');
  });

  it('credit an English source by its title as written', () => {
    const source = { url: BLOOMBERG, title: 'Why it matters: the deal', lang: 'en' };
    const credited = { ...style, creditStyle: 'parenthesis' as const };

    const html = renderHtml(issueCiting(source, '<p>Texte sans lien.</p>'), credited);

    expect(html).toContain(`(<a href="${BLOOMBERG}">Why it matters: the deal</a>)`);
  });

  it('keep a title whose spaces the editor’s text turned into ordinary ones', () => {
    // The page wrote a no-break space; the editor's text keeps ordinary spaces (richtext.ts).
    const source = { url: BLOOMBERG, title: `Why it\u00a0matters: the deal`, lang: 'en' };

    const html = renderHtml(
      issueCiting(source, `<p><a href="${BLOOMBERG}">Why it matters: the deal</a></p>`),
      style,
    );

    expect(html).toContain('>Why it matters: the deal</a>');
  });

  it('typeset the same words when they are part of a longer word, which is not the title', () => {
    const source = { url: BLOOMBERG, title: 'Deal?', lang: 'en' };

    const html = renderHtml(issueCiting(source, '<p>Un Bigdeal? Non.</p>'), style);

    expect(html).toContain(`Bigdeal${NNBSP}?`);
  });

  it('typeset the title of a French page, or of a page whose language is not known', () => {
    for (const lang of ['fr-FR', undefined]) {
      const source = { url: BLOOMBERG, title: 'Pourquoi: le rachat', ...(lang ? { lang } : {}) };

      const html = renderHtml(issueCiting(source), style);

      expect(html).toContain(`>Pourquoi${NBSP}: le rachat</a>`);
    }
  });

  it('follow a change of the source’s language, not a copy prepared before it', () => {
    const english = { url: BLOOMBERG, title: 'Why it matters: the deal', lang: 'en' };
    const unknown = { url: BLOOMBERG, title: 'Why it matters: the deal' };

    const before = renderHtml(issueCiting(english), style);
    const after = renderHtml(issueCiting(unknown), style);

    expect(before).toContain('>Why it matters: the deal</a>');
    expect(after).toContain(`>Why it matters${NBSP}: the deal</a>`);
  });
});

describe('frenchTypographyInline with kept texts', () => {
  it('leaves each kept text as written and typesets the rest', () => {
    const nodes = frenchTypographyInline(
      [{ type: 'text', text: 'Lu dans Really? et Yahoo! : bof !' }],
      ['Really?', 'Yahoo!'],
    );

    expect(nodes).toEqual([
      { type: 'text', text: `Lu dans Really? et Yahoo!${NBSP}: bof${NNBSP}!` },
    ]);
  });
});

describe('toExportIssue', () => {
  it('gives the clipped page’s own source the language the clip recorded, and no other', () => {
    const issue: Issue = {
      id: 'i',
      title: 'Les indiscrets du 15 mars',
      date: '2021-03-15',
      intro: '',
      status: 'open',
      createdAt: '2021-03-01T00:00:00.000Z',
      updatedAt: '2021-03-01T00:00:00.000Z',
    };
    const draft = {
      id: 'd',
      url: BLOOMBERG,
      title: 'Why it matters: the deal',
      lang: 'en',
      body: '<p>x</p>',
      sources: [
        { url: BLOOMBERG, title: 'Why it matters: the deal', siteName: 'Bloomberg' },
        { url: 'https://www.lesechos.fr/a', title: 'Un titre' },
      ],
    } as Draft;

    const model = toExportIssue(issue, [draft]);

    expect(model.items[0]?.sources).toEqual([
      { url: BLOOMBERG, title: 'Why it matters: the deal', siteName: 'Bloomberg', lang: 'en' },
      { url: 'https://www.lesechos.fr/a', title: 'Un titre' },
    ]);
  });
});
