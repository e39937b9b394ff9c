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
