import { describe, expect, it } from 'vitest';
import { shownLabel } from '../../../components/itemName';
import { prepareIssue } from '../../../export/prepare';
import type { ExportIssue } from '../../../export/model';
import { DEFAULT_HOUSE_STYLE } from '../../../storage/house-style';
import { itemLabel } from '../../../storage/label';

/** The column's first paragraph as text, the item's name in the list and its JSON label. */
function named(body: string, label?: string) {
  const issue: ExportIssue = {
    title: 'Les indiscrets du 15 mars',
    date: '2021-03-15',
    items: [
      { id: 'i1', label: itemLabel({ title: 'x', body, label }), bodyHtml: body, sources: [] },
    ],
  };
  const prepared = prepareIssue(issue, DEFAULT_HOUSE_STYLE).items[0]!;
  const text = prepared.paragraphs[0]!.map((node) => (node.type === 'text' ? node.text : '')).join(
    '',
  );
  return {
    text,
    list: shownLabel({ title: 'x', body, label }, DEFAULT_HOUSE_STYLE),
    json: prepared.label,
  };
}

describe('an item named by its first words, cut inside a quotation typed with straight quotes', () => {
  it('opens it with « as the column does, when the quotation is most of the name', () => {
    const { text, list, json } = named(
      `<p>L'expert a dit "l'affaire est close et l'enquête n'ira pas plus loin" hier.</p>`,
    );

    expect(text).toContain('L’expert a dit «\u00a0l’affaire est close');
    expect(list).toBe('L’expert a dit «\u00a0l’affaire est close…');
    expect(json).toBe(list);
  });

  it('leaves straight a quote the column leaves straight, and a label the editor typed', () => {
    // Three straight quotes in the paragraph: an inch mark, which the column leaves alone.
    const inches = named(
      '<p>Un écran de 27" et un clavier "mécanique vraiment très bruyant pour tous" dit-il</p>',
    );
    expect(inches.text).toContain('27" et un clavier "mécanique');
    expect(inches.list).toBe('Un écran de 27" et un…');

    const typed = named(
      `<p>L'expert a dit "l'affaire est close" hier.</p>`,
      'Le "projet de loi sur la fin de vie en France et ses suites au Sénat',
    );
    expect(typed.list).toBe(typed.json);
    expect(typed.list).toBe('Le "projet de loi sur la fin de vie en France et ses suites au Sénat');
  });
});
