import { shortened } from '../lib/ellipsis';
import { t } from '../locales/core';
import { TAG_LIMITS } from '../storage/record-values';

/**
 * A draft's tags as the views draw them (the inbox row, the editor's tag field, the conflict
 * box): within the limits the tag field takes when typing ({@link TAG_LIMITS}). A backup or the
 * shared desk may bring a tag of 1 MB or 100,000 tags, which stay stored whole; drawn whole, they
 * held the page. Pure and light: the inbox row imports it before the popup's first paint.
 */

/** A tag as drawn: whole up to the field's limit, else cut at a word with « … ». */
export function tagShown(tag: string): string {
  return shortened(tag, TAG_LIMITS.length);
}

/** The tags drawn, each with its index among the stored tags, and how many more are not. */
export interface ShownTags {
  shown: { index: number; name: string }[];
  /** How many stored tags are past the field's count, said « et N autres ». */
  more: number;
}

/**
 * The first {@link TAG_LIMITS}`.count` tags, each as {@link tagShown} draws it, and how many
 * more there are; `more` adds those already left out before (an inbox row keeps its count of
 * them, see `moreTags`).
 */
export function shownTags(tags: readonly string[], more = 0): ShownTags {
  const shown = tags
    .slice(0, TAG_LIMITS.count)
    .map((tag, index) => ({ index, name: tagShown(tag) }));
  return { shown, more: more + Math.max(0, tags.length - TAG_LIMITS.count) };
}

/**
 * The most tags the inbox's tag menu lists: every draft's tags, which a backup may make 100,000
 * (a menu lays each option out when it opens). Past them the menu says how many more there are;
 * the search box finds a draft by any of its tags.
 */
export const MENU_TAGS = 500;

/**
 * The tag menu's choices: the first {@link MENU_TAGS} of `tags` (in the menu's order), each
 * named as {@link tagShown} draws it, its value the tag whole; the tag `chosen` (the filter set)
 * listed too when it is not: past them, or in no draft now (the last one's tag removed: the
 * menu says what the empty list is filtered by, rather than nothing); and how many are not listed.
 */
export function menuTags(
  tags: readonly string[],
  chosen: string,
): { choices: { value: string; name: string }[]; more: number } {
  const listed = tags.slice(0, MENU_TAGS);
  const folded = chosen.toLowerCase();
  const chosenAt = chosen ? tags.findIndex((tag) => tag.toLowerCase() === folded) : -1;
  const more = tags.length - listed.length - (chosenAt >= MENU_TAGS ? 1 : 0);
  if (chosen) {
    // Listed in another case (the menu lists one spelling a tag: see listTags), it is listed as
    // chosen, for the menu to show it.
    const at = listed.findIndex((tag) => tag.toLowerCase() === folded);
    if (at >= 0) listed[at] = chosen;
    else listed.push(chosen);
  }
  return { choices: listed.map((tag) => ({ value: tag, name: tagShown(tag) })), more };
}

/**
 * Tags written as one line of text (the conflict box): those {@link shownTags} draws, separated
 * by `separator`, then « et N autres » when there are more.
 */
export function tagList(tags: readonly string[], separator: string): string {
  const { shown, more } = shownTags(tags);
  const names = shown.map((tag) => tag.name).join(separator);
  if (more === 0) return names;
  const others = t('tags.more', { count: more });
  return names ? `${names} ${others}` : others;
}
