import { describe, expect, it } from 'vitest';
import { PASSAGE_TAGS } from '../../../capture/types';
import { cleanStoredHtml as cleanWith, disarmAttributes } from '../../../lib/purify';
import { cleanItemHtml } from '../../../storage/item-html';

/** Cleaned as a restore cleans: to the elements any stored field may hold. */
const cleanStoredHtml = (html: string) => cleanWith(html, PASSAGE_TAGS);

describe('cleanStoredHtml', () => {
  it('cleans away scripts, event handlers, images and javascript: links, keeping the text', () => {
    expect(
      cleanStoredHtml(
        '<p>ok <script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">clic</a></p>',
      ),
    ).toBe('<p>ok clic</p>');
    expect(
      cleanStoredHtml(
        '<p style="color:red" onclick="x()">a <span>b</span><iframe src="//x"></iframe></p>',
      ),
    ).toBe('<p>a b</p>');
    expect(cleanStoredHtml('<svg><a href="https://x.fr"><text>t</text></a></svg>')).not.toMatch(
      /svg/,
    );
  });

  it('cleans away data- and aria- attributes, which DOMPurify keeps unless told not to', () => {
    expect(
      cleanStoredHtml(
        '<p data-pm-slice="1 1 []" aria-hidden="true">a <a href="https://x.fr" data-id="7" aria-label="x">b</a></p>',
      ),
    ).toBe('<p>a <a href="https://x.fr">b</a></p>');
  });

  it('cleans what only looks like plain markup: another attribute, a quote, a comment', () => {
    expect(cleanStoredHtml('<p><a href="https://x.fr" onclick="y()">a</a></p>')).toBe(
      '<p><a href="https://x.fr">a</a></p>',
    );
    expect(cleanStoredHtml('<p><a href="javascript:y()">a</a></p>')).toBe('<p>a</p>');
    expect(cleanStoredHtml('<p><a href=https://x.fr onmouseover=y()>a</a></p>')).toBe(
      '<p><a href="https://x.fr">a</a></p>',
    );
    expect(cleanStoredHtml('<p>a<!-- <img src=x onerror=y()> --></p>')).toBe('<p>a</p>');
    expect(cleanStoredHtml('<p>a</p><img src=x>')).toBe('<p>a</p>');
    expect(cleanStoredHtml('<p>a</p><span>b</span>')).toBe('<p>a</p>b');
  });

  it('gives back HTML with nothing to clean away byte for byte, however it is written', () => {
    for (const html of [
      '',
      'Bercy & l’Élysée, 3 < 4',
      '<p>L’<em>Élysée</em> &amp; <strong>Bercy</strong>&nbsp;: <a href="https://www.lemonde.fr/a?b=1&amp;c=2">mémo</a></p>',
      "<p>Ligne<br/>suivante, <b>gras</b> et <i>italique</i> d'antan</p>",
      "<p><a href='mailto:redac@monjournal.fr'>écrire</a></p>",
      '<ul><li>un</li><li>deux</li></ul><blockquote><p><q>cité</q> <cite>Le Monde</cite></p></blockquote>',
      '<ol><li><code>x &lt; y</code> H<sub>2</sub>O, 1<sup>er</sup></li></ol>',
    ]) {
      expect(cleanStoredHtml(html), html).toBe(html);
    }
  });
});

describe('disarmAttributes', () => {
  /** The names of the attributes `html` has once parsed. */
  function parsedAttributes(html: string): string[] {
    const template = document.createElement('template');
    template.innerHTML = html;
    return [...template.content.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].map((attribute) => attribute.name),
    );
  }

  it.each([
    ['an image’s onerror', '<p>a <img src=x onerror="window.__p=1"></p>'],
    ['a bold run’s onclick, in capitals', '<p>a <b ONCLICK="window.__p=1">b</b></p>'],
    ['an svg’s onload', '<p>a</p><svg onload="window.__p=2"><script>window.__p=6</script></svg>'],
    ['a handler after a quoted value, without a space', '<b title="t"onclick="x()">b</b>'],
    ['a handler after a slash, without a value', '<img/onerror/src=x>'],
    ['a style and a handler', '<span style="font-weight:700" onmouseover=\'x()\'>b</span>'],
  ])('leaves no event handler nor style to parse: %s', (_name, html) => {
    const names = parsedAttributes(disarmAttributes(html));
    expect(names.filter((name) => /^on|^style$/.test(name))).toEqual([]);
    expect(names.some((name) => name.startsWith('indiscrets-'))).toBe(true);
  });

  it('leaves values, text and other attributes as they are', () => {
    const html =
      '<p lang="fr" title="onclick=x() style=y">On dit « onload » ; <a href="https://x.fr/?on=1">lien</a></p>';
    expect(disarmAttributes(html)).toBe(html);
    expect(disarmAttributes('<i>Bonjour</i>, mon ami')).toBe('<i>Bonjour</i>, mon ami');
  });
});

describe('cleaning HTML parses no event handler', () => {
  /** Every HTML string parsed into a template while `run` cleans, as the page would parse it. */
  function parsedWhile(run: () => void): string[] {
    const descriptor = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
    const parsed: string[] = [];
    Object.defineProperty(Element.prototype, 'innerHTML', {
      ...descriptor,
      set(this: Element, html: string) {
        if (this.localName === 'template') parsed.push(html);
        descriptor.set!.call(this, html);
      },
    });
    try {
      run();
    } finally {
      Object.defineProperty(Element.prototype, 'innerHTML', descriptor);
    }
    return parsed;
  }

  const hostile = [
    '<p>a <img src=x onerror="window.__p=1"></p>',
    '<p>a <b onclick="window.__p=1">b</b></p>',
    '<p>a</p><svg onload="window.__p=2"><script>window.__p=6</script></svg>',
  ];

  it.each(hostile)('neither a restore’s cleaning nor an item’s: %s', (html) => {
    const parsed = parsedWhile(() => {
      expect(cleanStoredHtml(html)).not.toMatch(/on[a-z]+=|__p/);
      expect(cleanItemHtml(html)).not.toMatch(/on[a-z]+=|__p/);
    });
    expect(parsed.length).toBeGreaterThanOrEqual(2);
    for (const text of parsed) expect(text).not.toMatch(/[\s/"']on[a-z]+=/i);
  });
});
