import { t } from '../locales/core';

/**
 * Characters that show nothing (a soft hyphen, zero-width spaces and joiners, direction marks,
 * a word joiner, a byte order mark): a title of only these, with spaces, is none.
 */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;

/**
 * A draft's name (`name`: its label, first words or title, as the place names it), or « Brouillon
 * sans titre » for a draft with none of them (its title emptied, one a backup or the shared desk
 * brought so): a row, a list and a sentence name it so, where they said « «  » », empty quotes.
 */
export function draftName(name: string): string {
  return name.replace(INVISIBLE, '').trim() ? name : t('drafts.untitled');
}

/**
 * A record of the shared desk's notices, named in a sentence: a draft by {@link draftName}, an
 * issue by its title as the notice has it (the sync names an untitled one by its date).
 */
export function recordName(kind: 'draft' | 'issue', title: string): string {
  return kind === 'draft' ? draftName(title) : title;
}
