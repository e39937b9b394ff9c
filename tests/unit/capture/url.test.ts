import { describe, expect, it } from 'vitest';
import {
  archivedHost,
  cleanUrl,
  isArchiveAddress,
  isTrackingParam,
  resolveHttpUrl,
} from '../../../capture/url';

describe('cleanUrl', () => {
  it('removes utm_* parameters and click identifiers but keeps meaningful ones', () => {
    expect(
      cleanUrl('https://example.com/a?id=42&utm_source=x&p=3&fbclid=abc&utm_medium=social&gclid=1'),
    ).toBe('https://example.com/a?id=42&p=3');
  });

  it.each([
    'utm_campaign',
    'UTM_Source',
    'fbclid',
    'gclid',
    'dclid',
    'msclkid',
    'mc_cid',
    'mc_eid',
    'igshid',
    '_ga',
    '_gl',
    'yclid',
    'ref_src',
    'xtor',
    '_hsenc',
    'mkt_tok',
    'pk_campaign',
    'mtm_source',
  ])('removes the tracking parameter %s', (name) => {
    expect(cleanUrl(`https://example.com/story?${name}=v&page=2`)).toBe(
      'https://example.com/story?page=2',
    );
  });

  it.each(['id', 'p', 'page', 'q', 'ref', 's', 'v', 'share', 'source', 'lang'])(
    'keeps the meaningful parameter %s',
    (name) => {
      expect(isTrackingParam(name)).toBe(false);
      expect(cleanUrl(`https://example.com/story?${name}=1`)).toBe(
        `https://example.com/story?${name}=1`,
      );
    },
  );

  it('drops the "?" when no parameter is left, and an empty one', () => {
    expect(cleanUrl('https://example.com/a?utm_source=rss&utm_medium=feed')).toBe(
      'https://example.com/a',
    );
    expect(cleanUrl('https://example.com/a?')).toBe('https://example.com/a');
  });

  it('keeps the other parameters exactly as they were encoded', () => {
    expect(cleanUrl('https://example.com/s?q=a%20b+c&path=%2Fx&utm_term=z&list=1,2')).toBe(
      'https://example.com/s?q=a%20b+c&path=%2Fx&list=1,2',
    );
  });

  it('keeps an anchor hash', () => {
    expect(cleanUrl('https://example.com/a?utm_source=x#section-2')).toBe(
      'https://example.com/a#section-2',
    );
  });

  it('drops a text-fragment hash, keeping the anchor before it', () => {
    expect(cleanUrl('https://example.com/a#:~:text=some%20words')).toBe('https://example.com/a');
    expect(cleanUrl('https://example.com/a#intro:~:text=words')).toBe(
      'https://example.com/a#intro',
    );
  });

  it('drops a tracking hash', () => {
    expect(cleanUrl('https://www.lemonde.fr/article.html#xtor=RSS-3208')).toBe(
      'https://www.lemonde.fr/article.html',
    );
    expect(cleanUrl('https://example.com/a#utm_source=x&utm_medium=y')).toBe(
      'https://example.com/a',
    );
    expect(cleanUrl('https://example.com/a#')).toBe('https://example.com/a');
  });

  it('drops the share codes of newsrooms’ apps and social posts (Le Monde, Echobox, Google, Facebook)', () => {
    const article = 'https://www.lemonde.fr/politique/article/2024/03/12/titre_1_823448.html';
    expect(
      cleanUrl(
        `${article}?lmd_medium=al&lmd_campaign=envoye-par-appli&lmd_creation=android&lmd_source=default`,
      ),
    ).toBe(article);
    expect(cleanUrl(`${article}#Echobox=1710237600`)).toBe(article);
    expect(cleanUrl('https://www.example.fr/article?gad_source=1&id=3')).toBe(
      'https://www.example.fr/article?id=3',
    );
    expect(cleanUrl('https://www.example.fr/article?mibextid=Zxz2cZ')).toBe(
      'https://www.example.fr/article',
    );
  });

  it('returns the input unchanged when it is not an http(s) URL', () => {
    for (const input of [
      'not a url',
      '/relative/path?utm_source=x',
      'mailto:someone@example.com?utm_source=x',
      'ftp://example.com/file?utm_source=x',
      'javascript:alert(1)',
      '',
    ]) {
      expect(cleanUrl(input)).toBe(input);
    }
  });

  it('survives malformed percent-escapes in parameter names', () => {
    expect(cleanUrl('https://example.com/a?%E0%A4%A=1&utm_source=x')).toBe(
      'https://example.com/a?%E0%A4%A=1',
    );
  });
});

describe('cleanUrl: web archives', () => {
  // The query is the archived page's: the archive may hold the copy at that address only.
  it.each([
    'https://web.archive.org/web/20240315083012/https://www.lemonde.fr/x.html?id=3&utm_source=rss',
    'https://archive.ph/2024.03.15-083012/https://www.lemonde.fr/x.html?utm_medium=social',
  ])('keeps an archive’s address’s query, tracking parameters and all: %s', (url) => {
    expect(cleanUrl(url)).toBe(url);
  });

  it('still drops a text fragment from an archive’s address', () => {
    expect(
      cleanUrl(
        'https://web.archive.org/web/20240315083012/https://www.lemonde.fr/x.html#:~:text=fin',
      ),
    ).toBe('https://web.archive.org/web/20240315083012/https://www.lemonde.fr/x.html');
  });

  // archive.today's highlight (`#selection-…`) is a reader's, as a text fragment is.
  it.each([
    ['https://archive.ph/AbCdE#selection-1234.5-1234.60', 'https://archive.ph/AbCdE'],
    ['https://archive.is/AbCdE#selection-287.0-295.112', 'https://archive.is/AbCdE'],
    [
      'https://archive.ph/2024.03.15-083012/https://www.lemonde.fr/x.html#selection-9.3-9.41',
      'https://archive.ph/2024.03.15-083012/https://www.lemonde.fr/x.html',
    ],
  ])('drops archive.today’s highlight fragment from %s', (url, cleaned) => {
    expect(cleanUrl(url)).toBe(cleaned);
  });

  it.each([
    'https://archive.ph/AbCdE#main',
    'https://www.example.com/guide#selection-1234.5-1234.60',
    'https://www.example.com/guide#selection',
    // The archived page's own anchor, not archive.today's highlight.
    'https://web.archive.org/web/20240315083012/https://www.example.com/guide#selection-2',
    'https://archive.ph/AbCdE#selection-2-3',
  ])('keeps an anchor that is no archive’s highlight: %s', (url) => {
    expect(cleanUrl(url)).toBe(url);
  });
});

describe('isArchiveAddress and archivedHost', () => {
  it.each([
    ['https://web.archive.org/web/20240315083012/https://www.lemonde.fr/x.html', 'www.lemonde.fr'],
    ['https://web.archive.org/web/20240315083012id_/http://lemonde.fr/x.html', 'lemonde.fr'],
    ['https://web.archive.org/web/2024/www.lemonde.fr/x.html', 'www.lemonde.fr'],
    ['https://archive.ph/2024.03.15-083012/https://www.lemonde.fr/x.html', 'www.lemonde.fr'],
    ['https://arquivo.pt/wayback/20240315083012/https://www.publico.pt/x', 'www.publico.pt'],
    ['https://archive.ph/AbCdE', undefined],
    // Originals on a punycode top-level domain, or at an IP address.
    ['https://web.archive.org/web/2024/https://xn--e1afmkfd.xn--p1ai/', 'xn--e1afmkfd.xn--p1ai'],
    [
      'https://web.archive.org/web/2024/https://www.xn--80ak6aa92e.xn--p1ai/x',
      'www.xn--80ak6aa92e.xn--p1ai',
    ],
    ['https://web.archive.org/web/20240315083012/http://192.0.2.7/page', '192.0.2.7'],
    ['https://web.archive.org/web/2024/192.0.2.7:8080/page', '192.0.2.7'],
    ['https://archive.ph/2024.03.15-083012/http://[2001:db8::7]/page', '[2001:db8::7]'],
  ])('reads an archive’s address %s, the original’s host written in it', (url, host) => {
    expect(isArchiveAddress(url)).toBe(true);
    expect(archivedHost(url)).toBe(host);
  });

  it.each([
    'https://www.lemonde.fr/web/20240315083012/https://www.lemonde.fr/x.html',
    'https://archive.org/details/lemonde',
    'https://www.google.com/amp/s/www.lemonde.fr/x.amp',
    'not a url',
  ])('takes %s for no archive’s address', (url) => {
    expect(isArchiveAddress(url)).toBe(false);
    expect(archivedHost(url)).toBeUndefined();
  });
});

describe('resolveHttpUrl', () => {
  it('resolves relative and protocol-relative URLs against the base', () => {
    expect(resolveHttpUrl('../img/a.jpg', 'https://example.com/news/story/')).toBe(
      'https://example.com/news/img/a.jpg',
    );
    expect(resolveHttpUrl('//cdn.example.com/a.jpg', 'https://example.com/')).toBe(
      'https://cdn.example.com/a.jpg',
    );
  });

  it('rejects non-http(s) schemes and empty values', () => {
    expect(resolveHttpUrl('data:image/png;base64,AAAA', 'https://example.com/')).toBeUndefined();
    expect(resolveHttpUrl('javascript:void(0)', 'https://example.com/')).toBeUndefined();
    expect(resolveHttpUrl('  ', 'https://example.com/')).toBeUndefined();
    expect(resolveHttpUrl(null, 'https://example.com/')).toBeUndefined();
  });
});
