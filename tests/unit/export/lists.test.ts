import { describe, expect, it } from 'vitest';
import { parse } from '@wordpress/block-serialization-default-parser';
import type { ExportIssue } from '../../../export/model';
import { createHouseStyle } from '../../../export/house-style';
import { renderHtml } from '../../../export/html';
import { renderWordPressBlocks } from '../../../export/wordpress-blocks';
import { renderMarkdown } from '../../../export/markdown';
import { renderText } from '../../../export/text';
import { sanitizeBlocks, inlineToText } from '../../../export/sanitize';
import { renderDraftTemplate } from '../../../storage/template';
import { NBSP } from '../../../export/typography';

/** English, so that the expected texts read without French spacing. */
const style = createHouseStyle({ locale: 'en' });
const URL = 'https://www.lemonde.fr/a';

/** A draft's text as a template with `{quote}` in a list makes it, the editor showing a list. */
function listedItem(template: string, quote = 'Le projet est abandonné.'): string {
  return renderDraftTemplate(template, {
    url: URL,
    title: 'Un titre',
    siteName: 'Le Monde',
    quotes: [{ text: quote, html: '', clippedAt: '2021-03-15T08:00:00.000Z' }],
  });
}

function issueOf(...bodies: string[]): ExportIssue {
  return {
    title: 'Les indiscrets du 15 mars',
    date: '2021-03-15',
    items: bodies.map((bodyHtml, index) => ({ id: String(index), bodyHtml, sources: [] })),
  };
}

const TEMPLATE = '<p>Selon {source} :</p><ul><li>{quote}</li><li>{link}</li></ul>';
const QUOTE = `«${NBSP}Le projet est abandonné.${NBSP}»`;

describe('exports of an item whose template puts {quote} in a list', () => {
  it('HTML: writes the list as the editor shows it, after the item’s paragraph', () => {
    const html = renderHtml(issueOf(listedItem(TEMPLATE)), style);

    expect(html).toContain(
      [
        `<p>--&gt; Selon <a href="${URL}">Le Monde</a> :</p>`,
        '<ul>',
        `<li>${QUOTE}</li>`,
        `<li><a href="${URL}">Un titre</a></li>`,
        '</ul>',
      ].join('\n'),
    );
  });

  it('HTML: a numbered list stays numbered, and an item that opens with its list has the opener in the first entry', () => {
    const html = renderHtml(issueOf(listedItem('<ol><li>{quote}</li><li>{site}</li></ol>')), style);

    expect(html).toContain(
      ['<ol>', `<li>--&gt; ${QUOTE}</li>`, '<li>Le Monde</li>', '</ol>'].join('\n'),
    );
  });

  it('WordPress: writes the list as a list block between paragraph blocks', () => {
    const post = renderWordPressBlocks(issueOf(listedItem(TEMPLATE), '<p>Autre</p>'), style);

    const blocks = parse(post.content).filter((block) => block.blockName !== null);

    expect(blocks.map((block) => [block.blockName, block.attrs])).toEqual([
      ['core/paragraph', {}],
      ['core/list', {}],
      ['core/paragraph', {}],
    ]);
    expect(blocks[1]?.innerHTML).toBe(
      `\n<ul><li>${QUOTE}</li><li><a href="${URL}">Un titre</a></li></ul>\n`,
    );
  });

  it('WordPress: marks a numbered list as ordered', () => {
    const post = renderWordPressBlocks(issueOf(listedItem('<ol><li>{quote}</li></ol>')), style);

    const [block] = parse(post.content).filter((b) => b.blockName !== null);

    expect(block?.blockName).toBe('core/list');
    expect(block?.attrs).toEqual({ ordered: true });
    expect(block?.innerHTML).toBe(`\n<ol><li>--&gt; ${QUOTE}</li></ol>\n`);
  });

  it('Markdown: writes a Markdown list, one line per entry', () => {
    const markdown = renderMarkdown(issueOf(listedItem(TEMPLATE)), style);

    expect(markdown).toContain(
      [`--> Selon [Le Monde](${URL}) :`, '', `- ${QUOTE}`, `- [Un titre](${URL})`, ''].join('\n'),
    );
  });

  it('Markdown: numbers a numbered list and keeps a quote of several paragraphs inside its entry', () => {
    const item = listedItem('<ol><li>{quote}</li><li>{site}</li></ol>', 'Un.\n\nDeux.');

    const markdown = renderMarkdown(issueOf(item), style);

    // The template joins the quote's paragraphs with a line break in a list item.
    expect(markdown).toContain(
      [`1. --> «${NBSP}Un.\\`, `   «${NBSP}Deux.${NBSP}»`, '2. Le Monde'].join('\n'),
    );
  });

  it('Markdown: keeps the lists of two items in a row apart, with the other marker', () => {
    // CommonMark joins two lists of one marker across a blank line: the items' border would go.
    const first = '<p>Premier.</p><ul><li>Un point</li><li>Deux points</li></ul>';
    const second = '<ul><li>Liste en tête</li></ul>';
    const third = '<ol><li>Un</li></ol><ol><li>Deux</li></ol>';

    const markdown = renderMarkdown(issueOf(first, second, third), style);

    expect(markdown).toContain(
      [
        '- Un point',
        '- Deux points',
        '',
        '* --> Liste en tête',
        '',
        '1. --> Un',
        '',
        '1) Deux',
      ].join('\n'),
    );
  });

  it('text: writes one line per entry, a dash or a number first', () => {
    const text = renderText(
      issueOf(listedItem(TEMPLATE), listedItem('<ol><li>{quote}</li><li>{site}</li></ol>')),
      style,
    );

    expect(text).toContain(
      [
        '--> Selon Le Monde[1] :',
        '',
        `- ${QUOTE}`,
        '- Un titre[1]',
        '',
        `1. --> ${QUOTE}`,
        '2. Le Monde',
      ].join('\n'),
    );
  });
});

describe('sanitizeBlocks', () => {
  it('reads one entry per list item, its paragraphs joined by a line break', () => {
    const { paragraphs, lists } = sanitizeBlocks(
      '<p>a</p><ul><li><p>b</p><p>c</p></li><li>d</li></ul><p>e</p><ol><li>f</li></ol>',
    );

    expect(paragraphs.map((p) => inlineToText(p))).toEqual(['a', 'b\nc', 'd', 'e', 'f']);
    expect(lists).toEqual([
      { ordered: false, start: 1, end: 3 },
      { ordered: true, start: 4, end: 5 },
    ]);
  });

  it('reads the items of a list inside a list as items of the outer one', () => {
    const { paragraphs, lists } = sanitizeBlocks(
      '<ul><li>a<ul><li>b</li></ul>c</li><li>d</li></ul>',
    );

    expect(paragraphs.map((p) => inlineToText(p))).toEqual(['a', 'b', 'c', 'd']);
    expect(lists).toEqual([{ ordered: false, start: 0, end: 4 }]);
  });

  it('reads no list from a list item outside a list, nor from text in a list outside its items', () => {
    const { lists } = sanitizeBlocks('<li>a</li><ul>b</ul>');

    expect(lists).toEqual([]);
  });
});
