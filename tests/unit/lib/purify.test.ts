import { describe, expect, it } from 'vitest';
import { PASSAGE_TAGS } from '../../../capture/types';
import { cleanStoredHtml as cleanWith } from '../../../lib/purify';

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
