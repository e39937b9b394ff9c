import { describe, expect, it } from 'vitest';
import type { ExportIssue } from '../../../export/model';
import { createHouseStyle } from '../../../export/house-style';
import { renderHtml } from '../../../export/html';
import { renderWordPressBlocks } from '../../../export/wordpress-blocks';
import { renderMarkdown } from '../../../export/markdown';
import { renderText } from '../../../export/text';
import { buildIssueJson } from '../../../export/json';
import { prepareIssue } from '../../../export/prepare';
import { sanitizeHtml } from '../../../export/sanitize';
import {
  frenchTypographyHtml,
  frenchTypographyInline,
  NBSP,
  NNBSP,
} from '../../../export/typography';

const style = createHouseStyle();
const QUOTE = 'Why it matters: the "deal" is off!';

/** One item whose text quotes an English page, as the editor inserts the quote. */
function issueQuoting(bodyHtml: string): ExportIssue {
  return {
    title: 'Les indiscrets du 15 mars',
    date: '2021-03-15',
    items: [{ id: '1', bodyHtml, sources: [{ url: 'https://www.axios.com/a', lang: 'en' }] }],
  };
}

const INLINE = `<p>Axios l'écrit : « <span lang="en">${QUOTE}</span> » ! Vraiment ?</p>`;
/** The French prose typeset, the English quote as written. */
const TYPESET = `Axios l’écrit${NBSP}: «${NBSP}${QUOTE}${NBSP}»${NNBSP}! Vraiment${NNBSP}?`;

describe('French typography of text in another language', () => {
  it('leaves a span whose lang is not French as written, and typesets the prose around it', () => {
    const out = frenchTypographyInline(sanitizeHtml(INLINE)[0]!);

    expect(out).toEqual([
      { type: 'text', text: `Axios l’écrit${NBSP}: «${NBSP}` },
      { type: 'lang', lang: 'en', children: [{ type: 'text', text: QUOTE }] },
      { type: 'text', text: `${NBSP}»${NNBSP}! Vraiment${NNBSP}?` },
    ]);
  });

  it('typesets a span marked French (fr-CA) as the prose', () => {
    const [paragraph] = sanitizeHtml('<p>« <span lang="fr-CA">Pourquoi : ça ?</span> »</p>');

    const out = frenchTypographyInline(paragraph!);

    expect(out[1]).toEqual({
      type: 'lang',
      lang: 'fr-CA',
      children: [{ type: 'text', text: `Pourquoi${NBSP}: ça${NNBSP}?` }],
    });
  });

  it('leaves HTML in another language as written, a paragraph or a span', () => {
    const html = `<p lang="en">Why: "this"?</p><p>Dit : « <q lang="en-GB">yes: no?</q> » ?</p>`;

    expect(frenchTypographyHtml(html)).toBe(
      `<p lang="en">Why: "this"?</p><p>Dit${NBSP}: «${NBSP}<q lang="en-GB">yes: no?</q>${NBSP}»${NNBSP}?</p>`,
    );
  });
});

describe('the item sanitizer and a quote’s language', () => {
  it('keeps a span with a valid lang, and unwraps one with none, an invalid one or the same', () => {
    const [paragraph] = sanitizeHtml(
      '<p><span>a</span> <span lang="not a tag">b</span> <span lang="en">c <span lang="EN">d</span> <span>e</span> f</span></p>',
    );

    expect(paragraph).toEqual([
      { type: 'text', text: 'a b ' },
      { type: 'lang', lang: 'en', children: [{ type: 'text', text: 'c d e f' }] },
    ]);
  });
});

describe('every export of a French item quoting an English page', () => {
  const issue = issueQuoting(INLINE);

  it('HTML keeps the quote as written, marked lang="en"', () => {
    expect(renderHtml(issue, style)).toContain(
      TYPESET.replace(QUOTE, `<span lang="en">${QUOTE}</span>`),
    );
  });

  it('WordPress keeps the quote as written, marked lang="en"', () => {
    expect(renderWordPressBlocks(issue, style).content).toContain(
      `${TYPESET.replace(QUOTE, `<span lang="en">${QUOTE}</span>`)}</p>`,
    );
  });

  it('Markdown and text keep the quote as written, with no markup for its language', () => {
    expect(renderMarkdown(issue, style)).toContain(TYPESET);
    expect(renderText(issue, style)).toContain(TYPESET);
  });

  it('JSON keeps the quote as written, marked lang="en" in its html', () => {
    const item = buildIssueJson(prepareIssue(issue, style)).issue.items[0]!;

    expect(item.html).toBe(`<p>${TYPESET.replace(QUOTE, `<span lang="en">${QUOTE}</span>`)}</p>`);
    expect(item.text).toBe(TYPESET);
  });

  it('a quote made a paragraph of its own, or an entry of a list, is kept as written too', () => {
    const html = renderHtml(
      issueQuoting(
        `<p>« <span lang="en">${QUOTE}</span> »</p><ul><li>« <span lang="en">Really?</span> »</li></ul>`,
      ),
      style,
    );

    // The item opener (« --> ») leads its first paragraph.
    expect(html).toContain(`«${NBSP}<span lang="en">${QUOTE}</span>${NBSP}»</p>`);
    expect(html).toContain(`<li>«${NBSP}<span lang="en">Really?</span>${NBSP}»</li>`);
  });

  it('an English export says nothing of an English quote’s language, and types it as written', () => {
    const english = { ...style, locale: 'en' as const, frenchTypography: false };

    const html = renderHtml(issue, english);

    expect(html).toContain(`« ${QUOTE} »`);
    expect(html).not.toContain('lang="en"');
  });
});
