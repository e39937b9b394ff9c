import { afterEach, describe, expect, it } from 'vitest';
import { menuTags, MENU_TAGS, shownTags, tagList, tagShown } from '../../../components/tagsShown';
import { setLocale } from '../../../locales/core';
import { TAG_LIMITS } from '../../../storage/record-values';

afterEach(() => setLocale('fr'));

describe('tagShown', () => {
  it('keeps a tag the field takes whole', () => {
    expect(tagShown('remaniement')).toBe('remaniement');
  });

  it('cuts a longer tag at a word, « … » within the field’s length', () => {
    // A backup's or the shared desk's: 1 MB, drawn whole in a chip, it held the page.
    const huge = 'affaire du yacht '.repeat(62_000);
    const shown = tagShown(huge);
    expect(shown.length).toBeLessThanOrEqual(TAG_LIMITS.length);
    expect(shown).toMatch(/^affaire du yacht .*[a-z]…$/);
  });
});

describe('shownTags', () => {
  it('draws every tag when there are no more than the field takes', () => {
    expect(shownTags(['élysée', 'remaniement'])).toEqual({
      shown: [
        { index: 0, name: 'élysée' },
        { index: 1, name: 'remaniement' },
      ],
      more: 0,
    });
  });

  it('draws the first tags the field takes and counts the others', () => {
    const tags = Array.from({ length: 100_000 }, (_, i) => `tag${i}`);
    const { shown, more } = shownTags(tags);
    expect(shown).toHaveLength(TAG_LIMITS.count);
    expect(shown.at(-1)).toEqual({
      index: TAG_LIMITS.count - 1,
      name: `tag${TAG_LIMITS.count - 1}`,
    });
    expect(more).toBe(100_000 - TAG_LIMITS.count);
  });

  it('adds the tags a row already left out to those it counts', () => {
    // A row keeps the tags it draws and the count of the others (toRow).
    expect(shownTags(['a', 'b'], 99_998).more).toBe(99_998);
  });
});

describe('tagList', () => {
  it('writes the tags drawn, then « et N autres »', () => {
    const tags = Array.from({ length: TAG_LIMITS.count + 2 }, (_, i) => `t${i}`);
    expect(tagList(tags, ', ')).toMatch(/^t0, t1, .*, t19 et 2 autres$/);
    expect(tagList(tags.slice(0, TAG_LIMITS.count + 1), ' ; ')).toMatch(/ ; t19 et 1 autre$/);
  });

  it('says it in English too', () => {
    setLocale('en');
    const tags = Array.from({ length: TAG_LIMITS.count + 3 }, (_, i) => `t${i}`);
    expect(tagList(tags, '; ')).toMatch(/; t19 and 3 more$/);
  });
});

describe('menuTags', () => {
  it('lists the first tags, each cut, its value whole, and counts the others', () => {
    const huge = `${'x'.repeat(1_000_000)}`;
    const tags = [huge, ...Array.from({ length: 100_000 }, (_, i) => `tag${i}`)];
    const { choices, more } = menuTags(tags, '');
    expect(choices).toHaveLength(MENU_TAGS);
    expect(choices[0]!.value).toBe(huge);
    expect(choices[0]!.name.length).toBeLessThanOrEqual(TAG_LIMITS.length);
    expect(more).toBe(tags.length - MENU_TAGS);
  });

  it('lists the tag the filter is set to, past the first ones', () => {
    const tags = Array.from({ length: 1_000 }, (_, i) => `tag${i}`);
    const { choices, more } = menuTags(tags, 'tag900');
    expect(choices.at(-1)).toEqual({ value: 'tag900', name: 'tag900' });
    expect(more).toBe(1_000 - MENU_TAGS - 1);
  });

  it('lists the tag the filter is set to when no draft has it any more, to say why the list is empty', () => {
    const { choices, more } = menuTags(['budget'], 'tech');

    expect(choices.map((choice) => choice.value)).toEqual(['budget', 'tech']);
    expect(more).toBe(0);
  });

  it('lists the tag the filter is set to as set, where the menu lists it in another case', () => {
    // The menu lists one spelling a tag (« Tech »); the filter was set to « tech ».
    const { choices } = menuTags(['budget', 'Tech'], 'tech');

    expect(choices.map((choice) => choice.value)).toEqual(['budget', 'tech']);
  });

  it('counts a tag chosen in another case past the first ones as listed', () => {
    const tags = Array.from({ length: 1_000 }, (_, i) => `Tag${i}`);
    const { choices, more } = menuTags(tags, 'tag900');
    expect(choices.at(-1)).toEqual({ value: 'tag900', name: 'tag900' });
    expect(more).toBe(1_000 - MENU_TAGS - 1);
  });
});
