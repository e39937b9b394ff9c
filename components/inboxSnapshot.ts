import type { InboxRow } from './inboxRow';

/**
 * Versioned: a snapshot of another shape is ignored, never shown half-read (4: a row of a page
 * closed to scripts says `menuWords`, which its note reads).
 */
const KEY = 'indiscrets:inbox-snapshot:4';
const OLD_KEYS = [
  'indiscrets:inbox-snapshot',
  'indiscrets:inbox-snapshot:2',
  'indiscrets:inbox-snapshot:3',
];

/**
 * The first page of the inbox as last shown, kept in localStorage (synchronous, a few kB) so
 * that the popup paints its list at once, before the database layer is even loaded. The live
 * query replaces it a moment later; it is never written back to the database.
 */
export function readInboxSnapshot(): InboxRow[] | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    return Array.isArray(parsed) && parsed.every(isRow) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function writeInboxSnapshot(rows: InboxRow[]): void {
  try {
    for (const key of OLD_KEYS) localStorage.removeItem(key);
    localStorage.setItem(KEY, JSON.stringify(rows));
  } catch {
    // A full or disabled localStorage only costs the next popup its head start.
  }
}

function isRow(value: unknown): value is InboxRow {
  const row = value as Partial<InboxRow> | null;
  return (
    typeof row === 'object' &&
    row !== null &&
    typeof row.id === 'string' &&
    typeof row.title === 'string' &&
    typeof row.text === 'string' &&
    typeof row.wordCount === 'number' &&
    typeof row.quoteCount === 'number' &&
    Array.isArray(row.tags) &&
    (row.moreTags === undefined || typeof row.moreTags === 'number') &&
    typeof row.provenance === 'object'
  );
}
