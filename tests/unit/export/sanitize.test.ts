import { describe, expect, it } from 'vitest';
import {
  inlineToHtml,
  inlineToText,
  plainTextToInline,
  safeUrl,
  sanitizeHtml,
  sanitizeInline,
} from '../../../export/sanitize';
import { tokenizeHtml } from '../../../export/html-tokenizer';

/** Sanitizes then serialises, the way every format sees an item. */
const clean = (html: string): string => inlineToHtml(sanitizeInline(html));

describe('sanitizeHtml', () => {
  it('keeps p, br, strong, em and http(s)/mailto links', () => {
    const html =
      '<p>Un <strong>gras</strong>, un <em>italique</em>,<br>un <a href="https://x.fr/a">lien</a> et <a href="mailto:redac@x.fr">un mail</a></p>';

    expect(clean(html)).toBe(
      'Un <strong>gras</strong>, un <em>italique</em>,<br>un <a href="https://x.fr/a">lien</a> et <a href="mailto:redac@x.fr">un mail</a>',
    );
  });

  it('maps b to strong and i to em', () => {
    expect(clean('<b>gras</b> <i>penché</i>')).toBe('<strong>gras</strong> <em>penché</em>');
  });

  it('unwraps every other element, keeping its text but none of its attributes', () => {
    const html =
      '<span style="color:red" class="x">rouge</span> <u>souligné</u> <font face="x">police</font> <img src="x.png" alt="image">';

    expect(clean(html)).toBe('rouge souligné police');
  });

  it('unwraps an element named like a property of every object, keeping its text', () => {
    // Tag names were looked up as keys of a plain object, where "constructor" is inherited: the
    // element became a node no format writes, and its text was lost.
    expect(clean('<p>avant <constructor>dedans</constructor> après</p>')).toBe(
      'avant dedans après',
    );
  });

  it('drops the content of script, style, template and similar invisible elements', () => {
    const html =
      'a<script>alert(1)</script>b<style>p{}</style>c<template><b>t</b></template>d<noscript>n</noscript>e<title>t</title>f';

    expect(clean(html)).toBe('abcdef');
  });

  it('unwraps links whose target is not http, https or mailto', () => {
    const hrefs = [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      '&#106;avascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
      '/relative/path',
      '//evil.example/x',
      'ftp://x.fr/',
    ];
    for (const href of hrefs) {
      expect(clean(`<a href="${href}">clic</a>`), href).toBe('clic');
    }
  });

  it('neutralises attribute injection through quotes in an href', () => {
    const result = clean(`<a href='https://x.fr/" onmouseover="alert(1)'>x</a>`);

    expect(result).toBe('<a href="https://x.fr/%22%20onmouseover=%22alert(1)">x</a>');
  });

  it('collapses whitespace like a browser and trims each paragraph', () => {
    const paragraphs = sanitizeHtml('<p>  Dans cette   vidéo,\n publiée <b> ici </b> . </p>');

    expect(paragraphs.map((p) => inlineToHtml(p))).toEqual([
      'Dans cette vidéo, publiée <strong>ici </strong>.',
    ]);
  });

  it('starts a new paragraph at block elements so words are not glued together', () => {
    const paragraphs = sanitizeHtml('<div>un</div><div>deux</div><ul><li>trois</li></ul>quatre');

    expect(paragraphs.map((p) => inlineToText(p))).toEqual(['un', 'deux', 'trois', 'quatre']);
  });

  it('carries open formatting into the next paragraph', () => {
    const paragraphs = sanitizeHtml('<b>a<p>b</p></b>');

    expect(paragraphs.map((p) => inlineToHtml(p))).toEqual([
      '<strong>a</strong>',
      '<strong>b</strong>',
    ]);
  });

  it('drops empty elements, leading, trailing and doubled line breaks', () => {
    expect(clean('<br><b></b>a<br><br><br>b<br><em> </em>')).toBe('a<br>b');
  });

  it('keeps a line break at the edge of bold, a link, a quote or code, outside it', () => {
    // Typed so in the editor (bold, Shift+Enter, bold off): two lines there. Before, « xaprès ».
    expect(clean('<p><strong>x<br></strong>après</p>')).toBe('<strong>x</strong><br>après');
    expect(clean('<p>avant<a href="https://x.fr/"><br>lien</a></p>')).toBe(
      'avant<br><a href="https://x.fr/">lien</a>',
    );
    expect(clean('<p>x<em><br></em>y</p>')).toBe('x<br>y');
    expect(clean('<p><span lang="en">x<br></span>y</p>')).toBe('<span lang="en">x</span><br>y');
    // Code's empty line too (lib/purify.ts's markCode).
    expect(clean('<p><span lang="zxx">x<br><br></span>y</p>')).toBe(
      '<span lang="zxx">x</span><br><br>y',
    );
  });

  it('does not nest a link in a link or bold in bold', () => {
    expect(clean('<a href="https://a.fr">a<a href="https://b.fr">b</a></a>')).toBe(
      '<a href="https://a.fr/">a</a><a href="https://b.fr/">b</a>',
    );
    expect(clean('<b><strong>x</strong>y</b>z')).toBe('<strong>xy</strong>z');
  });

  it('decodes character references, so the serialiser escapes them exactly once', () => {
    const nodes = sanitizeInline('&lt;img&gt; &amp; &eacute;t&eacute; &#8217; &#x2019; &unknown;');

    expect(inlineToText(nodes)).toBe('<img> & été ’ ’ &unknown;');
    expect(inlineToHtml(nodes)).toBe('&lt;img&gt; &amp; été ’ ’ &amp;unknown;');
  });

  it('treats a "<" that does not open a tag as text', () => {
    expect(clean('a < b et 3<4')).toBe('a &lt; b et 3&lt;4');
  });

  it('drops an unfinished tag at the end of input, like a browser', () => {
    expect(clean('texte <a href="https://x.fr')).toBe('texte');
  });

  it('joins paragraphs with line breaks when an item is read as one paragraph', () => {
    expect(clean('<p>un</p><p>deux</p>')).toBe('un<br>deux');
  });

  it('never throws and never lets a tag through on arbitrary input', () => {
    const pieces = [
      '<',
      '>',
      '"',
      "'",
      '=',
      'a',
      'img',
      'script',
      '/',
      ' ',
      '!--',
      '&',
      '#',
      'onerror',
      'href',
    ];
    let seed = 1;
    const next = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 0; n < 2000; n++) {
      let html = '';
      for (let i = 0; i < 30; i++) html += pieces[Math.floor(next() * pieces.length)];
      const out = clean(html);
      expect(out.replace(/<\/?(strong|em|br)>|<a href="[^"<>]*">|<\/a>/g, ''), html).not.toMatch(
        /[<>]/,
      );
    }
  });
});

describe('safeUrl', () => {
  it('accepts http, https and mailto and normalises them', () => {
    expect(safeUrl('https://Example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeUrl('  http://x.fr/path?q=1#top ')).toBe('http://x.fr/path?q=1#top');
    expect(safeUrl('MAILTO:redac@x.fr')).toBe('mailto:redac@x.fr');
  });

  it("gives the URL parser's serialisation, whether or not the URL needed parsing", () => {
    // Plain URLs are returned as written, without parsing them: each of these must come out
    // exactly as the parser writes it, the tricky ones included.
    for (const url of [
      'https://www.bloomberg.com/news/articles/2021-03-10/ovh?utm_source=x&a=1#top',
      'http://x.fr',
      'https://x.fr?q=1',
      'https://x.fr/a/./b/../c',
      'https://x.fr/%2e%2E/a',
      'https://x.fr/.well-known/a',
      "https://x.fr/l'article?q='1'#l'ancre",
      'https://x.fr/a%zz%41',
      'https://x.fr:443/a',
      'http://x.fr:8080/a',
      'https://user@x.fr/',
      'https://1.2.3/',
      'https://x.0x10/',
      'https://x.fr./',
      'https://xn--e1afmkfd.xn--p1ai/',
      'https://X.fr/A',
      'https://x.fr/a|b^c`d{e}',
      'https://x.fr/a?b`c#d`e',
      'https://www2.lefigaro.fr/a_b/~c;d=e:f@g!h$i&j(k)l*m+n,o',
      'https://localhost',
    ]) {
      let parsed: string | null = null;
      try {
        parsed = new URL(url).href;
      } catch {
        // "x.0x10" ends like an IPv4 address and is not one: the parser refuses it.
      }
      expect(safeUrl(url), url).toBe(parsed);
    }
  });

  it('rejects other schemes and relative URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:,x',
      'file:///etc/passwd',
      'x.fr',
      '',
      'https://',
      'mailto:',
    ]) {
      expect(safeUrl(url), url).toBeNull();
    }
  });
});

describe('plainTextToInline', () => {
  it('keeps markup-looking text as text', () => {
    const nodes = plainTextToInline('<img src=x onerror=alert(1)>');

    expect(inlineToHtml(nodes)).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('turns newlines into line breaks, or spaces when single-line', () => {
    expect(plainTextToInline('a\n\n b  c')).toEqual([
      { type: 'text', text: 'a' },
      { type: 'br' },
      { type: 'text', text: 'b c' },
    ]);
    expect(plainTextToInline('a\nb', true)).toEqual([{ type: 'text', text: 'a b' }]);
  });
});

describe('tokenizeHtml', () => {
  it('covers every input character exactly once', () => {
    const html =
      '<p a="1" b=\'2\' c=3 d>t&amp;<!-- c --><script>x<y</script></p><br/>< x<!doctype html><a';

    expect(
      tokenizeHtml(html)
        .map((t) => t.raw)
        .join(''),
    ).toBe(html);
  });
});
