import { describe, expect, it } from 'vitest';
import { shownLabel } from '../../../components/itemName';
import { DEFAULT_HOUSE_STYLE } from '../../../storage/house-style';

describe('shownLabel', () => {
  it('names an item whose editor typed the house opener by its words, as the exports write it', () => {
    const item = { title: 'OVH', body: '<p>--&gt; Le 10 mars dernier, OVH a pris feu.</p>' };

    expect(shownLabel(item, DEFAULT_HOUSE_STYLE)).toBe('Le 10 mars dernier, OVH a…');
    expect(shownLabel({ ...item, label: '--> OVH en feu' }, DEFAULT_HOUSE_STYLE)).toBe(
      'OVH en feu',
    );
  });

  it('keeps a typed opener the house does not use, and an item holding nothing else', () => {
    const item = { title: 'OVH', body: '<p>--&gt; Le feu.</p>' };

    expect(shownLabel(item, { ...DEFAULT_HOUSE_STYLE, itemOpener: '' })).toBe('--> Le feu.');
    expect(shownLabel({ title: 'OVH', body: '<p>--&gt;</p>' }, DEFAULT_HOUSE_STYLE)).toBe('-->');
  });
});

describe('shownLabel of an item still named by a page in another language', () => {
  const url = 'https://www.theguardian.com/environment/2019/jan/03/whale-strandings';
  const title = "'What is the sea telling us?': Māori tribes fearful over whale strandings";
  // A clip without a selection: the template's link to the page, titled as the page is.
  const draft = (lang: string) => ({
    title,
    url,
    lang,
    sources: [{ url, title, siteName: 'the Guardian' }],
    body: `<p><a href="${url}">${title}</a> (the Guardian)</p>`,
  });

  it('leaves the English title as written, cut or whole, as the exports write the text', () => {
    expect(shownLabel(draft('en'), DEFAULT_HOUSE_STYLE)).toBe("'What is the sea telling us?…");
    expect(
      shownLabel({ ...draft('en'), label: 'Why it matters: the deal' }, DEFAULT_HOUSE_STYLE),
    ).toBe('Why it matters\u00a0: the deal');
    expect(
      shownLabel(
        {
          ...draft('en-GB'),
          sources: [{ url, title: 'Why it matters: the deal' }],
          label: 'Why it matters: the deal',
        },
        DEFAULT_HOUSE_STYLE,
      ),
    ).toBe('Why it matters: the deal');
  });

  it('typesets a French page’s title, and one whose language is not known', () => {
    expect(shownLabel(draft('fr'), DEFAULT_HOUSE_STYLE)).toBe(
      "'What is the sea telling us\u202f?…",
    );
    expect(shownLabel({ ...draft(''), lang: undefined }, DEFAULT_HOUSE_STYLE)).toBe(
      "'What is the sea telling us\u202f?…",
    );
  });
});

describe('shownLabel of an item opening on a quote in another language', () => {
  const url = 'https://www.theguardian.com/deal';
  const draft = (body: string) => ({
    title: 'The deal',
    url,
    lang: 'en',
    sources: [{ url, title: 'The deal', siteName: 'the Guardian' }],
    body,
  });

  it('leaves the quote’s words as written, cut or whole, as the exports write the text', () => {
    const quote = (words: string) =>
      `<p>«&nbsp;<span lang="en">${words}</span>&nbsp;» (<a href="${url}">the Guardian</a>)</p>`;

    expect(
      shownLabel(draft(quote('Why it matters: the deal is off, says he.')), DEFAULT_HOUSE_STYLE),
    ).toBe('«\u00a0Why it matters: the deal is…');
    expect(
      shownLabel(draft(`<p>Il dit <span lang="en">yes: no</span>.</p>`), DEFAULT_HOUSE_STYLE),
    ).toBe('Il dit yes: no.');
    // Code is words in no language: as written too.
    expect(
      shownLabel(draft('<p>Tapez <span lang="zxx">a:b</span> puis : ok</p>'), DEFAULT_HOUSE_STYLE),
    ).toBe('Tapez a:b puis\u00a0: ok');
  });

  it('typesets French words and a quote marked French', () => {
    expect(
      shownLabel(draft('<p>Selon lui <span lang="fr">oui : non</span>.</p>'), DEFAULT_HOUSE_STYLE),
    ).toBe('Selon lui oui\u00a0: non.');
  });
});
