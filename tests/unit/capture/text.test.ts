import { describe, expect, it } from 'vitest';
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

  it('keeps invalid numbers as written', () => {
    expect(decodeEntities('&#0; &#xD800; &#x110000;')).toBe('&#0; &#xD800; &#x110000;');
  });
});

describe('cleanText', () => {
  it('decodes and collapses what a page put in an attribute', () => {
    expect(cleanText('  Fish &amp;&#32;Chips &#146;s\n')).toBe('Fish & Chips ’s');
  });
});
