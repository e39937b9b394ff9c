import { describe, expect, it } from 'vitest';
import { BLOCK_ELEMENTS, escapeHtml, stripWww } from '../../../lib/html';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('keeps an attribute value closed, whichever quote encloses it', () => {
    expect(escapeHtml('"><svg onload=x>')).toBe('&quot;&gt;&lt;svg onload=x&gt;');
    expect(escapeHtml("' onmouseover='x")).toBe('&#39; onmouseover=&#39;x');
  });

  it('keeps quotes as typed in element content, where they cannot close anything', () => {
    expect(escapeHtml(`<b>"l'an"</b> & co`, 'text')).toBe(`&lt;b&gt;"l'an"&lt;/b&gt; &amp; co`);
  });

  it('leaves French text and its typography as they are', () => {
    expect(escapeHtml('« L’État », dit-il\u00a0!')).toBe('« L’État », dit-il\u00a0!');
  });
});

describe('BLOCK_ELEMENTS', () => {
  it('holds the paragraph-making elements and no inline one', () => {
    for (const tag of ['p', 'div', 'h2', 'li', 'blockquote', 'td', 'section', 'pre'])
      expect(BLOCK_ELEMENTS.has(tag), tag).toBe(true);
    for (const tag of ['a', 'span', 'strong', 'em', 'br', 'code', 'body'])
      expect(BLOCK_ELEMENTS.has(tag), tag).toBe(false);
  });
});

describe('stripWww', () => {
  it('names a site without its www.', () => {
    expect(stripWww('www.lemonde.fr')).toBe('lemonde.fr');
    expect(stripWww('WWW.Example.com')).toBe('Example.com');
  });

  it('names a numbered mirror like its site', () => {
    expect(stripWww('www2.lefigaro.fr')).toBe('lefigaro.fr');
    expect(stripWww('www10.example.com')).toBe('example.com');
  });

  it('keeps hosts that only contain www elsewhere', () => {
    expect(stripWww('wwwx.fr')).toBe('wwwx.fr');
    expect(stripWww('news.www.fr')).toBe('news.www.fr');
    expect(stripWww('lemonde.fr')).toBe('lemonde.fr');
  });
});
