import type { Draft } from '../storage/db';

/**
 * A draft as the inbox list shows it: the record without what a row never shows (the body,
 * every quote, the search tokens), plus its text and last quote ready to print. Small enough
 * for the inbox snapshot, and computed in the data module so that the list's own code needs
 * neither the entity decoder nor the database to paint.
 */
export type InboxRow = Omit<Draft, 'body' | 'quotes' | 'words' | 'sourceUrls'> & {
  /** The visible text of the body, as the editor wrote it; empty until they write. */
  text: string;
  /** The last clipped quote, shown until the editor writes. */
  quote?: string;
  /** How many quotes the draft holds. */
  quoteCount: number;
};
