/**
 * Everything the popup needs from the database, in one module loaded after the first paint
 * (see `data.ts`): Dexie is a third of the popup's code and the inbox first paints from its
 * snapshot. Extension pages import it through {@link loadData}, never statically.
 */
import { liveQuery } from 'dexie';
import { emptyOldTrash } from '../storage/housekeeping';
import { db, type Draft } from '../storage/db';
import { bodyText } from '../storage/derive';
import { searchPage, type DraftQuery } from '../storage/drafts';
import { replayJournal } from '../storage/journal';
import type { InboxRow } from './inboxRow';
import { SHARED_DESK_OFF, type SharedDesk } from './sharedDesk';

export {
  countDrafts,
  listSiteNames,
  listTags,
  mergeDrafts,
  restoreDraft,
  trashDraft,
  undo,
} from '../storage/drafts';
export { addToIssue } from '../storage/issues';
export { onOutboxWrite } from '../storage/outbox';
export { liveQuery };

/** Whether the shared desk is on (`useDeskSync` asks for syncs only then). */
export async function syncEnabled(): Promise<boolean> {
  return !!(await db.syncState.get('desk'))?.enabled;
}

/**
 * The shared desk as the desk shows it: the sync's state and what waits for the editor.
 * Sync off: `{ enabled: false }` and nothing else, so the desk is exactly as before.
 */
export async function sharedDesk(): Promise<SharedDesk> {
  const state = await db.syncState.get('desk');
  if (!state?.enabled) return SHARED_DESK_OFF;
  const [pending, conflicts, refusals] = await Promise.all([
    db.outbox.count(),
    db.conflicts.toArray(),
    db.refusals.toArray(),
  ]);
  return { enabled: true, state, pending, conflicts, refusals };
}

/** A row shows a few lines of the quote: a clipped quote may be 100 KB. */
const QUOTE_PREVIEW = 600;

/** A draft as the inbox shows it. */
export function toRow({
  body,
  quotes,
  words: _words,
  sourceUrls: _urls,
  ...rest
}: Draft): InboxRow {
  return {
    ...rest,
    text: bodyText(body),
    quote: quotes.at(-1)?.text.slice(0, QUOTE_PREVIEW),
    quoteCount: quotes.length,
  };
}

/** A window of the inbox's rows: `offset` and `limit` in the search's order. */
export async function inboxRows(query: DraftQuery): Promise<InboxRow[]> {
  return (await searchPage(query)).map(toRow);
}

/**
 * What the popup and the desk do once they open, before any view reads the database: replay
 * edits that a closed page left in the journal, so the editor sees every keystroke, then empty
 * the trash of drafts deleted more than 30 days ago.
 */
export async function prepare(): Promise<void> {
  try {
    await replayJournal();
  } catch (error) {
    console.error('Indiscrets journal replay', error);
  }
  emptyOldTrash();
}
