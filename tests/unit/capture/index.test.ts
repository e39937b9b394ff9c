import { describe, expect, it } from 'vitest';
import { capturePage, interpretPage } from '../../../capture/index';
import { makeWindow } from './dom';

const HTML = `<!doctype html><html lang="fr"><head>
  <title>Le titre | Le Site</title><meta property="og:site_name" content="Le Site">
</head><body><p id="p">Un passage choisi.</p></body></html>`;

describe('capturePage', () => {
  it('returns what the page declares alone when nothing is selected', () => {
    const result = capturePage(makeWindow(HTML, 'https://site.example/a'));
    expect(result).toEqual({
      page: expect.objectContaining({
        url: 'https://site.example/a',
        title: 'Le titre | Le Site',
        lang: 'fr',
        meta: { 'og:site_name': [{ value: 'Le Site', source: 'og:site_name' }] },
      }),
    });
    expect('selection' in result).toBe(false);
    // The background makes the metadata of it.
    expect(interpretPage(result.page)).toMatchObject({
      url: 'https://site.example/a',
      title: 'Le titre',
      siteName: 'Le Site',
      lang: 'fr',
    });
  });

  it('sends the meta tags the background reads, at most ten values a key, and no other', () => {
    // Eleven authors, an image address too long to keep among the first ten, tags of no use.
    const authors = Array.from(
      { length: 11 },
      (_, i) => `<meta property="article:author" content="Auteur ${i + 1}">`,
    ).join('');
    const longImage = `https://img.example/${'a'.repeat(5000)}.jpg`;
    const images = [longImage, ...Array.from({ length: 10 }, (_, i) => `https://img.example/${i}`)]
      .map((url) => `<meta property="og:image" content="${url}">`)
      .join('');
    const html = `<!doctype html><html><head>${authors}${images}
      <meta name="google-site-verification" content="abc"><meta name="viewport" content="x">
      <meta itemprop="headline" content="Par microdonnées"><meta name="constructor" content="y">
      <meta http-equiv="Content-Language" content="fr-FR"><meta name="DC.Title" content=" ">
    </head><body></body></html>`;
    const { meta } = capturePage(makeWindow(html, 'https://site.example/a')).page;
    expect(Object.keys(meta).sort()).toEqual([
      'article:author',
      'content-language',
      'itemprop:headline',
      'og:image',
    ]);
    expect(meta['article:author']!.map((found) => found.value)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Auteur ${i + 1}`),
    );
    // The address too long is dropped, but it was one of the first ten.
    expect(meta['og:image']!.map((found) => found.value)).toEqual(
      Array.from({ length: 9 }, (_, i) => `https://img.example/${i}`),
    );
    expect(meta['itemprop:headline']).toEqual([
      { value: 'Par microdonnées', source: 'itemprop=headline' },
    ]);
    expect(meta['content-language']).toEqual([{ value: 'fr-FR', source: 'content-language' }]);
  });

  it('returns the metadata and the selection', () => {
    const win = makeWindow(HTML);
    const range = win.document.createRange();
    range.selectNodeContents(win.document.getElementById('p')!);
    win.getSelection()!.addRange(range);
    expect(capturePage(win).selection).toEqual({
      nodes: ['Un passage choisi.'],
      shown: 'Un passage choisi.',
    });
  });

  it('degrades instead of throwing when the page breaks every assumption', () => {
    const win = makeWindow(HTML, 'https://site.example/a?fbclid=1');
    const hostile = new Proxy(win, {
      get(target, key) {
        if (key === 'document') {
          const doc = target.document;
          return new Proxy(doc, {
            get(d, k) {
              if (k === 'title') return 'Tab title';
              throw new Error(`no ${String(k)}`);
            },
          });
        }
        if (key === 'getSelection') {
          return () => {
            throw new Error('no selection');
          };
        }
        return Reflect.get(target, key);
      },
    });
    const result = capturePage(hostile);
    expect(result).toEqual({
      page: {
        url: 'https://site.example/a?fbclid=1',
        base: '',
        title: 'Tab title',
        meta: {},
        headings: [],
        bylines: [],
        dates: [],
      },
    });
    // The background still knows the site by its host.
    expect(interpretPage(result.page)).toEqual({
      url: 'https://site.example/a?fbclid=1',
      title: 'Tab title',
      siteName: 'site.example',
      provenance: { url: 'location', title: '<title>', siteName: 'hostname' },
    });
  });
});
