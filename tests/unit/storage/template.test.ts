import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DRAFT_TEMPLATE,
  renderDraftTemplate,
  type TemplateDraft,
} from '../../../storage/template';

const quote = (text: string) => ({ text, html: '', clippedAt: '2021-03-15T08:00:00.000Z' });

const draft = (fields: Partial<TemplateDraft> = {}): TemplateDraft => ({
  url: 'https://www.bloomberg.com/news/ovh-ipo',
  title: 'OVH Weighs IPO',
  siteName: 'Bloomberg',
  quotes: [quote('OVH is weighing an IPO.')],
  ...fields,
});

describe('renderDraftTemplate', () => {
  it('puts the last quote in French quotes, followed by the linked source', () => {
    const body = renderDraftTemplate(
      DEFAULT_DRAFT_TEMPLATE,
      draft({ quotes: [quote('First.'), quote('OVH is weighing an IPO.')] }),
    );

    expect(body).toBe(
      '<p>«\u00a0OVH is weighing an IPO.\u00a0» ' +
        '(<a href="https://www.bloomberg.com/news/ovh-ipo">Bloomberg</a>)</p>',
    );
  });

  it('does not double the quotation marks a selection already has', () => {
    const body = renderDraftTemplate(DEFAULT_DRAFT_TEMPLATE, draft({ quotes: [quote('« Oui »')] }));

    expect(body).toContain('«\u00a0Oui\u00a0»');
    expect(body).not.toContain('««');
  });

  it('links the title when there is no quote', () => {
    const body = renderDraftTemplate(DEFAULT_DRAFT_TEMPLATE, draft({ quotes: [] }));

    expect(body).toBe(
      '<p><a href="https://www.bloomberg.com/news/ovh-ipo">OVH Weighs IPO</a> (Bloomberg)</p>',
    );
  });

  it('escapes every value, in text and in attributes', () => {
    const body = renderDraftTemplate(
      '{quote}|{source}|{title}|{site}|{byline}|{url}',
      draft({
        url: 'https://a.test/?q="x"&y=<1>',
        title: '<script>alert(1)</script>',
        siteName: 'A & B',
        byline: "O'Brien",
        quotes: [quote('<b>bold</b>')],
      }),
    );

    expect(body).toBe(
      '«\u00a0&lt;b&gt;bold&lt;/b&gt;\u00a0»|' +
        '<a href="https://a.test/?q=&quot;x&quot;&amp;y=&lt;1&gt;">A &amp; B</a>|' +
        '&lt;script&gt;alert(1)&lt;/script&gt;|A &amp; B|O&#39;Brien|' +
        'https://a.test/?q=&quot;x&quot;&amp;y=&lt;1&gt;',
    );
  });

  it('never links a URL that is not http(s)', () => {
    for (const url of ['javascript:alert(1)', 'chrome://version/', 'data:text/html,x']) {
      const body = renderDraftTemplate('{source}|{link}|<a href="{url}">x</a>', draft({ url }));

      expect(body).not.toContain(url);
      expect(body).toMatch(/^[^<]*\|[^<]*\|<a href="">x<\/a>$/);
    }
  });

  it('names the host when the page has no site name', () => {
    const body = renderDraftTemplate('{site}', draft({ siteName: undefined }));

    expect(body).toBe('bloomberg.com');
  });

  it('leaves unknown placeholders as typed', () => {
    expect(renderDraftTemplate('<p>{title} {nope}</p>', draft())).toBe(
      '<p>OVH Weighs IPO {nope}</p>',
    );
  });
});
