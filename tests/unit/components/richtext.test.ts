import { describe, expect, it, vi } from 'vitest';
import { cleanItemHtml } from '../../../components/richtext';
import {
  GOOGLE_DOCS_HTML,
  GOOGLE_DOCS_RUN as RUN,
  GOOGLE_DOCS_STORED,
  WORD_HTML,
} from '../../fixtures/clipboard';

describe('cleanItemHtml', () => {
  it('takes the tracking parameters out of a link, as a clip does, and leaves other links as written', () => {
    const html = cleanItemHtml(
      '<p><a href="https://example.com/a?utm_source=x&amp;id=3&amp;fbclid=y">lien</a> et ' +
        '<a href="https://Example.com">site</a></p>',
    );

    expect(html).toBe(
      '<p><a href="https://example.com/a?id=3">lien</a> et <a href="https://Example.com">site</a></p>',
    );
  });

  it('keeps the bold and italic of a Google Docs copy, not its all-bold wrapper', () => {
    const html = cleanItemHtml(GOOGLE_DOCS_HTML);

    expect(html).toBe(GOOGLE_DOCS_STORED);
    // The spans' styles said the formatting: none of them is stored.
    expect(html).not.toMatch(/style|<span|<b[ >]|docs-internal/);
  });

  it('makes no empty line of the <br> Google Docs puts between and after paragraphs', () => {
    // A copy that stops before the end of its last paragraph ends with that paragraph's spans
    // after the <br>, out of any <p>; Safari adds a break after the copy.
    const html = cleanItemHtml(
      `<b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="${RUN}">Un.</span></p>` +
        `<br><span style="${RUN}">Deux.</span></b><br class="Apple-interchange-newline">`,
    );

    expect(html).toBe('<p>Un.</p><p>Deux.</p>');
  });

  it('reads bold from a weight of 600 and up, or bold, and a weight of 400 or normal as not bold', () => {
    expect(
      cleanItemHtml(
        '<span style="font-weight:600">mi-gras</span> <span style="FONT-WEIGHT: bold !important">gras</span> ' +
          '<span style="font-weight:500">moyen</span> <strong style="font-weight: 400">maigre</strong>',
      ),
    ).toBe('<p><strong>mi-gras gras</strong> moyen maigre</p>');
  });

  it('reads an <i> whose style says font-style: normal as upright, an oblique span as italic', () => {
    expect(
      cleanItemHtml(
        '<i style="font-style:normal">droit</i> <span style="font-style:oblique 10deg">penché</span>',
      ),
    ).toBe('<p>droit <em>penché</em></p>');
  });

  it('leaves out of the bold the words whose own style sets them back to normal', () => {
    // CSS inheritance: the innermost style decides what the reader saw.
    expect(
      cleanItemHtml('<p><b>Gras <span style="font-weight:normal">maigre</span> gras</b></p>'),
    ).toBe('<p><strong>Gras </strong>maigre<strong> gras</strong></p>');
  });

  it('keeps a Word copy as it pasted before: its <b> and <i>, its link, its paragraphs', () => {
    // `mso-bidi-font-weight: normal` is Word's setting for right-to-left text, not the weight;
    // the <style> of the page is not applied (it is dropped with its content).
    expect(cleanItemHtml(WORD_HTML)).toBe(
      '<p>Le ministre prépare une <strong>réforme</strong> <em>discrète</em>.</p>' +
        '<p>Lire <a href="https://example.com/x">un lien</a> !</p>',
    );
  });

  it('keeps the editor’s own text as it writes it: bold around a link, a line break, an empty line', () => {
    expect(
      cleanItemHtml(
        '<p>Après, <b>en gras avec <a href="https://example.com/y">un lien</a></b>.</p><p>Ligne<br>suivante</p><p><br></p>',
      ),
    ).toBe(
      '<p>Après, <strong>en gras avec <a href="https://example.com/y">un lien</a></strong>.</p><p>Ligne<br>suivante</p><p><br></p>',
    );
  });

  it('makes one <strong> of bold words side by side, and none of an empty one', () => {
    // The editor's bold button, used twice on neighbouring words, writes two <b>.
    expect(cleanItemHtml('<p><b>un</b> <b>deux</b><b></b> trois</p>')).toBe(
      '<p><strong>un deux</strong> trois</p>',
    );
  });

  it('keeps no attribute but a link’s href: none of the data- or aria- of a web page', () => {
    // A paragraph copied from a page built with ProseMirror, say.
    expect(
      cleanItemHtml(
        '<p data-pm-slice="1 1 []" aria-level="2" id="x" class="y">Un <a href="https://example.com/z" data-id="7" aria-label="z">lien</a></p>',
      ),
    ).toBe('<p>Un <a href="https://example.com/z">lien</a></p>');
  });

  it('parses no style attribute and copies none: the page’s security policy would refuse each', () => {
    // Chromium refuses a style attribute, and logs the refusal, as soon as it is parsed, even
    // in a template's inert document, and when one is copied onto an element of the page.
    // Every element the cleaner makes with the page's document is watched: what is parsed
    // into it, and any style it is given.
    const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
    const create = document.createElement.bind(document);
    const parsed: string[] = [];
    const watchers: MutationObserver[] = [];
    const spy = vi.spyOn(document, 'createElement').mockImplementation(((tag: string) => {
      const el = create(tag);
      Object.defineProperty(el, 'innerHTML', {
        get: () => innerHTML.get!.call(el) as string,
        set: (markup: string) => {
          parsed.push(markup);
          innerHTML.set!.call(el, markup);
        },
      });
      const watcher = new MutationObserver(() => {});
      watcher.observe(el, { attributeFilter: ['style'], subtree: true });
      watchers.push(watcher);
      return el;
    }) as typeof document.createElement);

    const html = cleanItemHtml(GOOGLE_DOCS_HTML);
    spy.mockRestore();

    expect(parsed).toHaveLength(1);
    expect(parsed[0]).not.toMatch(/\sstyle\s*=/i);
    expect(watchers.flatMap((watcher) => watcher.takeRecords())).toEqual([]);
    expect(html).not.toContain('style');
  });

  it('reads the style of a tag with a > in a quoted value, and leaves « style= » in the text', () => {
    // The styles are renamed in the markup before it is parsed: only attributes are renamed.
    expect(
      cleanItemHtml(
        '<p title="a > b" STYLE=\'font-weight: bold\'>Le style="x" <span title="style=1" style="font-style:italic">reste</span></p>',
      ),
    ).toBe('<p><strong>Le style="x" <em>reste</em></strong></p>');
  });
});
