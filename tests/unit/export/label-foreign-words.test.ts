import { describe, expect, it } from 'vitest';
import { shownLabel } from '../../../components/itemName';
import { prepareIssue } from '../../../export/prepare';
import type { ExportIssue } from '../../../export/model';
import { DEFAULT_HOUSE_STYLE } from '../../../storage/house-style';
import { itemLabel } from '../../../storage/label';

/** An item's name in the issue list, its JSON label, and the text every export writes. */
function named(body: string) {
  const issue: ExportIssue = {
    title: 'Les indiscrets du 15 mars',
    date: '2021-03-15',
    items: [{ id: 'i1', label: itemLabel({ title: 'x', body }), bodyHtml: body, sources: [] }],
  };
  const prepared = prepareIssue(issue, DEFAULT_HOUSE_STYLE).items[0]!;
  const text = JSON.stringify(prepared.paragraphs[0]);
  return {
    list: shownLabel({ title: 'x', body }, DEFAULT_HOUSE_STYLE),
    json: prepared.label,
    text,
  };
}

describe('an item named by words its text marks in another language', () => {
  it('leaves as written a quote in English that runs over a line break, as its text does', () => {
    const { list, json, text } = named(
      '<p>«&nbsp;<span lang="en">Why it matters:<br>the deal is off, says he.</span>&nbsp;»</p>',
    );

    expect(text).toContain('"Why it matters:"');
    expect(list).toBe('«\u00a0Why it matters: the deal is…');
    expect(json).toBe(list);
  });

  it('typesets words whose language the exports do not keep (not a span, no language tag)', () => {
    for (const body of [
      '<p><em lang="en">Why it matters: the deal is off, says he.</em></p>',
      '<p lang="en">Why it matters: the deal is off, says he.</p>',
      '<p><span lang="english">Why it matters: the deal is off, says he.</span></p>',
    ]) {
      const { list, json, text } = named(body);

      expect(text).toContain('Why it matters\u00a0: the deal');
      expect(list).toBe('Why it matters\u00a0: the deal is…');
      expect(json).toBe(list);
    }
  });
});

describe('the issue list naming items whose sources are in another language', () => {
  it('builds no pattern of each item’s names (the browser compiles each anew, at its first drawing)', () => {
    const draft = (i: number) => ({
      title: `The deal ${i}`,
      url: `https://www.theguardian.com/a/${i}`,
      lang: 'en',
      sources: [{ url: `https://www.theguardian.com/a/${i}`, title: `Why it matters: deal ${i}?` }],
      body: `<p>«&nbsp;<span lang="en">Why it matters: deal ${i}?</span>&nbsp;» Le ministre : non.</p>`,
    });
    shownLabel(draft(0), DEFAULT_HOUSE_STYLE);
    const Native = globalThis.RegExp;
    let built = 0;
    globalThis.RegExp = new Proxy(Native, {
      construct(target, args: [string, string?]) {
        built++;
        return new target(...args);
      },
    });
    let names: string[];
    try {
      names = Array.from({ length: 20 }, (_, i) => shownLabel(draft(i + 1), DEFAULT_HOUSE_STYLE));
    } finally {
      globalThis.RegExp = Native;
    }

    expect(names[0]).toBe('«\u00a0Why it matters: deal 1?\u00a0» Le…');
    expect(built).toBe(0);
  });
});

describe('an item opening on a link with a long address, then a quote in another language', () => {
  it('reads the quote past the address, as the column writes it', () => {
    const href = `https://news.google.com/read/1?utm_source=${'x'.repeat(2_100)}`;
    const { list, json, text } = named(
      `<p><a href="${href}">Selon lui</a> : «&nbsp;<span lang="en">Why it matters: now</span>&nbsp;»</p>`,
    );

    expect(text).toContain('"Why it matters: now"');
    expect(list).toBe('Selon lui\u00a0: «\u00a0Why it matters: now\u00a0»');
    expect(json).toBe(list);
  });
});
