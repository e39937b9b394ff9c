import { describe, expect, it } from 'vitest';
import { extractJsonLdArticle, MAX_JSONLD_CHARS, parseJsonLd } from '../../../capture/jsonld';
import { pageWith } from './dom';

/** A page whose head holds one JSON-LD script per given text. */
function withJsonLd(...blocks: string[]): Document {
  return pageWith(
    blocks.map((block) => `<script type="application/ld+json">${block}</script>`).join(''),
  );
}

const article = (fields: Record<string, unknown>) =>
  JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', ...fields });

describe('extractJsonLdArticle', () => {
  it('reads headline, author, publisher, date, description and image', () => {
    const doc = withJsonLd(
      article({
        headline: 'Headline',
        author: { '@type': 'Person', name: 'Ada Lovelace' },
        publisher: { '@type': 'Organization', name: 'The Daily' },
        datePublished: '2024-05-01T10:00:00+02:00',
        description: 'What happened.',
        image: 'https://example.com/a.jpg',
      }),
    );
    expect(extractJsonLdArticle(doc)).toEqual({
      type: 'NewsArticle',
      headline: 'Headline',
      name: undefined,
      authors: ['Ada Lovelace'],
      publisher: 'The Daily',
      datePublished: '2024-05-01T10:00:00+02:00',
      description: 'What happened.',
      image: 'https://example.com/a.jpg',
    });
  });

  it('finds the article in a top-level array', () => {
    const doc = withJsonLd(
      JSON.stringify([
        { '@type': 'BreadcrumbList', itemListElement: [] },
        { '@type': 'BlogPosting', headline: 'In an array' },
      ]),
    );
    expect(extractJsonLdArticle(doc)?.headline).toBe('In an array');
  });

  it('finds the article in an @graph and follows @id references', () => {
    const doc = withJsonLd(
      JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', '@id': 'https://example.com/#page', name: 'Page' },
          { '@type': 'Organization', '@id': 'https://example.com/#org', name: 'Example Org' },
          { '@type': 'Person', '@id': 'https://example.com/#jane', name: 'Jane Doe' },
          {
            '@type': 'Article',
            headline: 'In a graph',
            author: { '@id': 'https://example.com/#jane' },
            publisher: { '@id': 'https://example.com/#org' },
          },
        ],
      }),
    );
    const found = extractJsonLdArticle(doc);
    expect(found?.headline).toBe('In a graph');
    expect(found?.authors).toEqual(['Jane Doe']);
    expect(found?.publisher).toBe('Example Org');
  });

  it('finds an article nested under a WebPage mainEntity', () => {
    const doc = withJsonLd(
      JSON.stringify({
        '@type': 'WebPage',
        name: 'Wrapper',
        mainEntity: { '@type': 'ReportageNewsArticle', headline: 'Nested' },
      }),
    );
    expect(extractJsonLdArticle(doc)).toMatchObject({
      type: 'ReportageNewsArticle',
      headline: 'Nested',
    });
  });

  it('prefers an article over a WebPage, and falls back to the WebPage alone', () => {
    const both = withJsonLd(
      JSON.stringify({ '@type': 'WebPage', name: 'The page' }),
      article({ headline: 'The article' }),
    );
    expect(extractJsonLdArticle(both)?.headline).toBe('The article');
    const pageOnly = withJsonLd(JSON.stringify({ '@type': 'WebPage', name: 'The page' }));
    expect(extractJsonLdArticle(pageOnly)).toMatchObject({ type: 'WebPage', name: 'The page' });
  });

  it('accepts @type as a URL or an array', () => {
    expect(
      extractJsonLdArticle(
        withJsonLd(JSON.stringify({ '@type': 'http://schema.org/NewsArticle', headline: 'A' })),
      )?.headline,
    ).toBe('A');
    expect(
      extractJsonLdArticle(
        withJsonLd(JSON.stringify({ '@type': ['Thing', 'BlogPosting'], headline: 'B' })),
      )?.type,
    ).toBe('BlogPosting');
  });

  it('skips malformed JSON without throwing and reads the other blocks', () => {
    const doc = withJsonLd(
      '{ "@type": "NewsArticle", "headline": ',
      'not json at all',
      article({ headline: 'Valid' }),
    );
    expect(() => parseJsonLd(doc)).not.toThrow();
    expect(extractJsonLdArticle(doc)?.headline).toBe('Valid');
  });

  it('returns undefined when there is nothing usable', () => {
    expect(extractJsonLdArticle(pageWith('<title>No JSON-LD</title>'))).toBeUndefined();
    expect(extractJsonLdArticle(withJsonLd('{broken', '42', '"a string"', 'null'))).toBeUndefined();
    expect(
      extractJsonLdArticle(withJsonLd(JSON.stringify({ '@type': 'Organization', name: 'Org' }))),
    ).toBeUndefined();
  });

  it('skips blocks over the size limit', () => {
    const huge = article({ headline: 'Huge', articleBody: 'x'.repeat(MAX_JSONLD_CHARS) });
    expect(huge.length).toBeGreaterThan(MAX_JSONLD_CHARS);
    expect(extractJsonLdArticle(withJsonLd(huge))).toBeUndefined();
    expect(extractJsonLdArticle(withJsonLd(huge, article({ headline: 'Small' })))?.headline).toBe(
      'Small',
    );
  });

  it('unwraps CDATA and HTML comment wrappers', () => {
    expect(
      extractJsonLdArticle(withJsonLd(`<![CDATA[ ${article({ headline: 'CDATA' })} ]]>`))?.headline,
    ).toBe('CDATA');
    expect(
      extractJsonLdArticle(withJsonLd(`//<![CDATA[\n${article({ headline: 'JS CDATA' })}\n//]]>`))
        ?.headline,
    ).toBe('JS CDATA');
    expect(
      extractJsonLdArticle(withJsonLd(`<!-- ${article({ headline: 'Comment' })} -->`))?.headline,
    ).toBe('Comment');
  });

  it('repairs raw line breaks inside strings', () => {
    const doc = withJsonLd(
      '{"@type": "Article", "headline": "Two\nlines", "description": "tab\there"}',
    );
    expect(extractJsonLdArticle(doc)).toMatchObject({
      headline: 'Two lines',
      description: 'tab here',
    });
  });

  it('ignores scripts of other types, and accepts a type with parameters', () => {
    const doc = pageWith(
      `<script type="application/json">${article({ headline: 'Not JSON-LD' })}</script>` +
        `<script type="Application/LD+JSON; charset=utf-8">${article({ headline: 'JSON-LD' })}</script>`,
    );
    expect(extractJsonLdArticle(doc)?.headline).toBe('JSON-LD');
  });

  describe('author shapes', () => {
    const authorsOf = (author: unknown) =>
      extractJsonLdArticle(withJsonLd(article({ author })))?.authors;

    it('reads a plain string', () => {
      expect(authorsOf('Jane Doe')).toEqual(['Jane Doe']);
    });

    it('reads an object with a name, or with given and family names', () => {
      expect(authorsOf({ '@type': 'Person', name: 'Jane Doe' })).toEqual(['Jane Doe']);
      expect(authorsOf({ '@type': 'Person', givenName: 'Jane', familyName: 'Doe' })).toEqual([
        'Jane Doe',
      ]);
    });

    it('reads an array of objects and strings, without duplicates', () => {
      expect(authorsOf([{ name: 'Jane Doe' }, 'John Roe', { name: 'Jane Doe' }])).toEqual([
        'Jane Doe',
        'John Roe',
      ]);
    });

    it('ignores authors given as URLs and empty names', () => {
      expect(
        authorsOf(['https://example.com/jane', { name: '  ' }, { url: 'https://x' }, 'Real Name']),
      ).toEqual(['Real Name']);
    });

    it('sets apart an author named like the publisher without a type, for the background', () => {
      const found = extractJsonLdArticle(
        withJsonLd(
          article({
            author: 'Jean Dupont',
            publisher: { '@type': 'Organization', name: 'Jean Dupont' },
          }),
        ),
      );
      expect(found).toMatchObject({ authors: ['Jean Dupont'], selfNamed: ['Jean Dupont'] });
    });

    it('leaves an author named like the publisher without a type in its place among the authors', () => {
      const found = extractJsonLdArticle(
        withJsonLd(
          article({
            author: ['Jean Dupont', 'Marie Martin', { '@type': 'Person', name: 'Ana Lopez' }],
            publisher: { '@type': 'Organization', name: 'Jean Dupont' },
          }),
        ),
      );
      // Every author not declared a Person is set apart, the background judging each against the
      // site's names (og:site_name may not be the publisher's).
      expect(found).toMatchObject({
        authors: ['Jean Dupont', 'Marie Martin', 'Ana Lopez'],
        selfNamed: ['Jean Dupont', 'Marie Martin'],
      });
    });

    it('does not set apart a string named like the publisher that the list declares a Person', () => {
      const found = extractJsonLdArticle(
        withJsonLd(
          article({
            author: ['Jean Dupont', { '@type': 'Person', name: 'Jean Dupont' }],
            publisher: { '@type': 'Organization', name: 'Jean Dupont' },
          }),
        ),
      );
      expect(found?.authors).toEqual(['Jean Dupont']);
      expect(found?.selfNamed).toBeUndefined();
    });

    it('sets apart an author without a type when no publisher is named, for the background', () => {
      const found = extractJsonLdArticle(
        withJsonLd(article({ author: ['Le Parisien', { '@type': 'Person', name: 'Ana Lopez' }] })),
      );
      expect(found).toMatchObject({
        authors: ['Le Parisien', 'Ana Lopez'],
        selfNamed: ['Le Parisien'],
      });
    });

    it('sets apart an author declared an organization when no publisher is named, for the background', () => {
      const found = extractJsonLdArticle(
        withJsonLd(
          article({
            author: [
              { '@type': 'NewsMediaOrganization', name: 'Le Parisien' },
              { '@type': 'Person', name: 'Ana Lopez' },
            ],
          }),
        ),
      );
      expect(found).toMatchObject({
        authors: ['Le Parisien', 'Ana Lopez'],
        selfNamed: ['Le Parisien'],
      });
    });

    it('sets apart an author named like no publisher, for the background to judge against the site’s name', () => {
      const found = extractJsonLdArticle(
        withJsonLd(
          article({
            author: [
              'Femme Actuelle',
              { '@type': 'Organization', name: 'Femme Actuelle' },
              { '@type': 'Person', name: 'Ana Lopez' },
            ],
            publisher: { '@type': 'Organization', name: 'Prisma Media' },
          }),
        ),
      );
      expect(found).toMatchObject({
        authors: ['Femme Actuelle', 'Ana Lopez'],
        selfNamed: ['Femme Actuelle'],
      });
    });

    it('keeps an author named like a publisher declared a Person', () => {
      const found = extractJsonLdArticle(
        withJsonLd(article({ author: 'Eolas', publisher: { '@type': 'Person', name: 'Eolas' } })),
      );
      expect(found?.authors).toEqual(['Eolas']);
      expect(found?.selfNamed).toBeUndefined();
    });

    it('leaves out an Organization named like the publisher, not set apart', () => {
      const found = extractJsonLdArticle(
        withJsonLd(
          article({
            author: { '@type': 'Organization', name: 'Jean Dupont' },
            publisher: { '@type': 'Organization', name: 'Jean Dupont' },
          }),
        ),
      );
      expect(found).toMatchObject({ authors: [] });
      expect(found?.selfNamed).toBeUndefined();
    });

    it('falls back to creator', () => {
      const doc = withJsonLd(article({ creator: ['Vincent Vallet'] }));
      expect(extractJsonLdArticle(doc)?.authors).toEqual(['Vincent Vallet']);
    });
  });

  describe('image shapes', () => {
    const imageOf = (image: unknown) => extractJsonLdArticle(withJsonLd(article({ image })))?.image;

    it('reads a string, an ImageObject and an array', () => {
      expect(imageOf('https://example.com/a.jpg')).toBe('https://example.com/a.jpg');
      expect(imageOf({ '@type': 'ImageObject', url: 'https://example.com/b.jpg' })).toBe(
        'https://example.com/b.jpg',
      );
      expect(imageOf({ '@type': 'ImageObject', contentUrl: 'https://example.com/c.jpg' })).toBe(
        'https://example.com/c.jpg',
      );
      expect(imageOf([{ url: 'https://example.com/d.jpg' }, 'https://example.com/e.jpg'])).toBe(
        'https://example.com/d.jpg',
      );
    });
  });
});
