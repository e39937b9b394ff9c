import { describe, expect, it } from 'vitest';
import { shownLabel } from '../../../components/itemName';
import { prepareIssue } from '../../../export/prepare';
import type { ExportIssue } from '../../../export/model';
import { DEFAULT_HOUSE_STYLE } from '../../../storage/house-style';
import { itemLabel } from '../../../storage/label';

/** The column's first paragraph, as text, and the item's name in the list and the JSON label. */
function opened(body: string, itemOpener: string) {
  const style = { ...DEFAULT_HOUSE_STYLE, itemOpener };
  const issue: ExportIssue = {
    title: 'Les indiscrets du 15 mars',
    date: '2021-03-15',
    items: [{ id: 'i1', label: itemLabel({ title: 'x', body }), bodyHtml: body, sources: [] }],
  };
  const prepared = prepareIssue(issue, style).items[0]!;
  const flat = (nodes: readonly { type: string; text?: string; children?: unknown }[]): string =>
    nodes
      .map((node) =>
        node.type === 'text' ? node.text! : flat((node.children ?? []) as typeof nodes),
      )
      .join('');
  return {
    text: flat(prepared.paragraphs[0]!),
    list: shownLabel({ title: 'x', body }, style),
    json: prepared.label,
  };
}

describe('a house opener typed at an item’s start', () => {
  it('is not taken from the start of a longer mark (the old « --> » in a house of « -- »)', () => {
    const { text, list, json } = opened('<p>--&gt; Le 10 mars dernier, OVH a pris feu.</p>', '-- ');

    expect(text).toBe('--> Le 10 mars dernier, OVH a pris feu.');
    expect(list).toBe('--> Le 10 mars dernier, OVH a…');
    expect(json).toBe(list);
    expect(opened('<p>--- Le feu.</p>', '-- ').text).toBe('--- Le feu.');
  });

  it('is still taken away, followed by a space or by a word', () => {
    for (const body of ['<p>-- Le feu a pris.</p>', '<p>--Le feu a pris.</p>']) {
      const { text, list, json } = opened(body, '-- ');

      expect(text).toBe('Le feu a pris.');
      expect(list).toBe('Le feu a pris.');
      expect(json).toBe(list);
    }
    expect(opened('<p>--&gt;Le feu a pris.</p>', '--> ').list).toBe('Le feu a pris.');
  });
});
