import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../export';
import type { ExportIssue } from '../../../export/model';
import { previewModel } from '../../../components/previewModel';
import { DEFAULT_HOUSE_STYLE } from '../../../storage/house-style';

const TITLE = 'Les indiscrets du grand soir '.repeat(70_000).slice(0, 2_000_000);

function issue(overrides: Partial<ExportIssue> = {}): ExportIssue {
  return {
    title: 'Les indiscrets du 15 mars',
    date: '2026-03-15',
    items: [
      {
        id: 'a',
        label: 'Le ministre et le yacht',
        bodyHtml: '<p>Un texte.</p>',
        sources: [{ url: 'https://example.com/a', title: 'Le yacht', siteName: 'Le Monde' }],
      },
    ],
    ...overrides,
  };
}

describe('previewModel', () => {
  it('gives the same model back when nothing is longer than its field', () => {
    // The preview's memo holds: the model is not copied at each drawing.
    const model = issue();
    expect(previewModel(model)).toBe(model);
  });

  it('holds a restored 2,000,000-character issue title to the field’s 1,000, cut at a word', () => {
    const shown = previewModel(issue({ title: TITLE }));
    expect(shown.title.length).toBeLessThanOrEqual(1_000);
    expect(shown.title).toMatch(/^Les indiscrets du grand soir .*\p{L}…$/u);
    // The preview's heading: the start of the title, not 2,000,000 characters.
    const html = renderHtml(shown, DEFAULT_HOUSE_STYLE);
    expect(html.length).toBeLessThan(2_000);
    expect(html).toContain('<h1>Les indiscrets du grand soir');
  });

  it('holds an item’s label and its sources’ names to theirs, and leaves the model whole', () => {
    const model = issue({
      items: [
        {
          id: 'a',
          label: TITLE,
          bodyHtml: '',
          sources: [{ url: 'https://example.com/a', title: TITLE, siteName: TITLE }],
        },
      ],
    });
    const shown = previewModel(model);
    const item = shown.items[0]!;
    expect(item.label!.length).toBeLessThanOrEqual(1_000);
    expect(item.sources[0]!.title!.length).toBeLessThanOrEqual(1_000);
    expect(item.sources[0]!.siteName!.length).toBeLessThanOrEqual(1_000);
    // The exports and WordPress read the model: it keeps every value whole.
    expect(model.items[0]!.label).toBe(TITLE);
    expect(model.items[0]!.sources[0]!.title).toBe(TITLE);
  });
});
