import type { Clip } from '../storage/db';

const KEY = 'indiscrets:inbox-snapshot';

/**
 * The first page of the inbox as last shown, kept in localStorage (synchronous, a few kB) so
 * that the popup paints its list at once instead of waiting for IndexedDB to open. The live
 * query replaces it a moment later; it is never written back to the database.
 */
export function readInboxSnapshot(): Clip[] | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    return Array.isArray(parsed) ? (parsed as Clip[]) : undefined;
  } catch {
    return undefined;
  }
}

export function writeInboxSnapshot(drafts: Clip[]): void {
  try {
    // The search tokens are the bulk of a record and the list does not show them.
    const light = drafts.map(({ words: _words, sourceUrls: _urls, ...rest }) => rest);
    localStorage.setItem(KEY, JSON.stringify(light));
  } catch {
    // A full or disabled localStorage only costs the next popup its head start.
  }
}
