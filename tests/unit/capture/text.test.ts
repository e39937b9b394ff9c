import { describe, expect, it, vi } from 'vitest';
import { cleanText, decodeEntities } from '../../../capture/text';

describe('decodeEntities', () => {
  it('reads numbers in the C1 range as a browser does (Windows-1252), not as control characters', () => {
    // CMSs fed from Word documents write curly quotes and dashes as &#146;, &#150;…
    expect(decodeEntities('l&#146;État &#150; &#147;oui&#148; &#128;')).toBe('l’État – “oui” €');
    expect(decodeEntities('&#x92;')).toBe('’');
  });

  it('decodes ordinary numbers and keeps the C1 codes Windows-1252 leaves undefined', () => {
    expect(decodeEntities('editor&#39;s &#233;t&#xE9;')).toBe("editor's été");
    expect(decodeEntities('&#129;')).toBe('\u0081');
  });

  it('parses each name once, however often the page writes it', async () => {
    // A fresh module: what other tests decoded is not known to it.
    vi.resetModules();
    const fresh = await import('../../../capture/text');
    const parse = vi.spyOn(DOMParser.prototype, 'parseFromString');

    const decoded = fresh.decodeEntities('&amp;amp; '.repeat(2000));

    expect(decoded).toBe('&amp; '.repeat(2000));
    expect(parse).toHaveBeenCalledTimes(1);
    parse.mockRestore();
  });

  it('keeps a name as written once a page has used hundreds of others', async () => {
    vi.resetModules();
    const fresh = await import('../../../capture/text');
    const names = Array.from({ length: 300 }, (_, i) => `&nom${i};`).join(' ');
    const parse = vi.spyOn(DOMParser.prototype, 'parseFromString');

    expect(fresh.decodeEntities(names)).toBe(names);
    // The names met first are parsed; past the bound, not one more parse.
    const parses = parse.mock.calls.length;
    expect(fresh.decodeEntities('&eacute;t&eacute;')).toBe('&eacute;t&eacute;');
    expect(parse.mock.calls.length).toBe(parses);
    expect(parses).toBeLessThan(300);
    parse.mockRestore();
  });

  it('parses names again for the next page: the bound is a page’s, not the background’s', async () => {
    vi.resetModules();
    const fresh = await import('../../../capture/text');
    fresh.decodeEntities(Array.from({ length: 300 }, (_, i) => `&nom${i};`).join(' '));

    fresh.forgetReferences();

    expect(fresh.decodeEntities('&eacute;t&eacute;')).toBe('été');
  });

  it('keeps invalid numbers as written', () => {
    expect(decodeEntities('&#0; &#xD800; &#x110000;')).toBe('&#0; &#xD800; &#x110000;');
  });
});

describe('cleanText', () => {
  it('decodes and collapses what a page put in an attribute', () => {
    expect(cleanText('  Fish &amp;&#32;Chips &#146;s\n')).toBe('Fish & Chips ’s');
  });
});
