import { describe, expect, it } from 'vitest';
import { FIELD_LIMITS, boundMetadata } from '../../../capture/bounds';
import { cutAtWord } from '../../../lib/ellipsis';
import { capturePage, interpretPage } from '../../../capture/index';
import { makeWindow } from './dom';

describe('cutAtWord', () => {
  it('returns a text that fits unchanged', () => {
    expect(cutAtWord('court', 10)).toBe('court');
  });

  it('cuts at the last word that fits and ends with the mark, within the limit', () => {
    const cut = cutAtWord('un deux trois quatre cinq six sept', 20);
    expect(cut).toBe('un deux trois …');
    expect(cut.length).toBeLessThanOrEqual(20);
  });

  it('puts the mark against the last word when asked to, within the limit', () => {
    expect(cutAtWord('un deux trois quatre', 12, '…', '')).toBe('un deux…');
  });

  it('cuts a text without spaces where the limit falls', () => {
    expect(cutAtWord('x'.repeat(50), 10)).toBe(`${'x'.repeat(8)} …`);
  });

  it('never splits a surrogate pair', () => {
    const cut = cutAtWord('😀'.repeat(20), 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).toBe(`${'😀'.repeat(4)} …`);
  });
});

describe('boundMetadata', () => {
  it('cuts texts to their limit and drops an image address too long to be real', () => {
    const bounded = boundMetadata({
      url: 'https://site.example/a',
      title: 'titre '.repeat(1_000),
      excerpt: 'résumé '.repeat(2_000),
      imageUrl: `https://site.example/${'i'.repeat(10_000)}.jpg`,
      provenance: { title: 'og:title', imageUrl: 'og:image' },
    });
    expect(bounded.title.length).toBeLessThanOrEqual(FIELD_LIMITS.title);
    expect(bounded.title.endsWith('titre …')).toBe(true);
    expect(bounded.excerpt!.length).toBeLessThanOrEqual(FIELD_LIMITS.excerpt);
    expect(bounded.imageUrl).toBeUndefined();
    expect(bounded.provenance).toEqual({ title: 'og:title' });
  });
});

describe('capturePage bounds', () => {
  it('sends a 500,000-character JSON-LD headline cut to the title limit', () => {
    const headline = 'Mot '.repeat(125_000);
    const json = JSON.stringify({
      '@type': 'NewsArticle',
      headline,
      author: { name: 'A'.repeat(50_000) },
    });
    const win = makeWindow(
      `<!doctype html><html><head><script type="application/ld+json">${json}</script></head><body></body></html>`,
    );
    const { page } = capturePage(win);
    // Cut in the page, before it is sent: the background then chooses among bounded values.
    expect(page.jsonLd?.headline?.length).toBeLessThanOrEqual(FIELD_LIMITS.title);
    expect(page.jsonLd?.authors.every((name) => name.length <= FIELD_LIMITS.byline)).toBe(true);
    const metadata = interpretPage(page);
    expect(metadata.title.length).toBeLessThanOrEqual(FIELD_LIMITS.title);
    expect(metadata.title.startsWith('Mot Mot')).toBe(true);
    expect(metadata.byline?.length ?? 0).toBeLessThanOrEqual(FIELD_LIMITS.byline);
  });

  it('bounds every field of a page whose meta tags are all oversized', () => {
    const long = 'long '.repeat(40_000);
    const win = makeWindow(
      `<!doctype html><html><head><title>${long}</title>
      <meta property="og:site_name" content="${long}"><meta name="author" content="${long}">
      <meta name="description" content="${long}"></head><body></body></html>`,
    );
    const { page } = capturePage(win);
    expect(page.title?.length).toBeLessThanOrEqual(FIELD_LIMITS.title);
    expect(page.meta['og:site_name']?.[0]?.value.length).toBeLessThanOrEqual(FIELD_LIMITS.siteName);
    expect(page.meta.author?.[0]?.value.length).toBeLessThanOrEqual(FIELD_LIMITS.byline);
    expect(page.meta.description?.[0]?.value.length).toBeLessThanOrEqual(FIELD_LIMITS.excerpt);
    // Nothing the page sends is longer than the longest field.
    expect(JSON.stringify(page).length).toBeLessThan(20_000);
    const metadata = interpretPage(page);
    for (const field of ['title', 'siteName', 'byline', 'excerpt'] as const) {
      expect(metadata[field]?.length ?? 0).toBeLessThanOrEqual(FIELD_LIMITS[field]);
    }
  });
});
