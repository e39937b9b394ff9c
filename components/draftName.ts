import { t } from '../locales/core';

/**
 * A draft's name (`name`: its label, first words or title, as the place names it), or « Brouillon
 * sans titre » for a draft with none of them (its title emptied, one a backup or the shared desk
 * brought so): a row, a list and a sentence name it so, where they said « «  » », empty quotes.
 */
export function draftName(name: string): string {
  return name.trim() ? name : t('drafts.untitled');
}
