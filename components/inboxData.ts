/**
 * Everything the popup needs from the database, in one module loaded after the first paint
 * (see `data.ts`): Dexie is a third of the popup's code and the inbox first paints from its
 * snapshot. Extension pages import it through {@link loadData}, never statically.
 */
import { liveQuery } from 'dexie';
import { shortened } from '../lib/ellipsis';
import { emptyOldTrash } from '../storage/housekeeping';
import { db, type Draft } from '../storage/db';
import { bodyText } from '../storage/derive';
import { mergeTargets, pageTwins } from '../storage/draft-records';
import { searchPage, type DraftQuery } from '../storage/draft-search';
import { replayJournal } from '../storage/journal';
import { DRAFT_TEXT_LIMITS } from '../storage/record-values';
import { hasMenuWords } from '../messaging/limit-note';
import { createHouseStyle, DEFAULT_HOUSE_STYLE } from '../export/house-style';
import { houseStyleItem } from '../storage/preferences';
import { draftName } from './draftName';
import { shownLabel, type Labelled } from './itemName';
import { countText } from './counts';
import type { InboxRow } from './inboxRow';
import { SHARED_DESK_OFF, type SharedDesk } from './sharedDesk';
import { shownTags } from './tagsShown';

export {
  countDrafts,
  draftMatches,
  draftPosition,
  listSiteNames,
  listTags,
} from '../storage/draft-search';
export { mergeDrafts, restoreDraft, trashDraft, undo, undoable } from '../storage/drafts';
export { addToIssue } from '../storage/issues';
export { onOutboxWrite } from '../storage/outbox';
export { liveQuery };
export { mergedLabel } from './mergedLabel';

/**
 * An item's name as the issue list shows it ({@link shownLabel}, in this browser's house style
 * as useItemLabel reads it): what the inbox says when it puts a draft in the issue, so that the
 * one item is said as the list names it, not by its source page's title.
 */
export async function itemName(item: Labelled): Promise<string> {
  const stored = await houseStyleItem.getValue();
  return shownLabel(item, stored ? createHouseStyle(stored) : DEFAULT_HOUSE_STYLE);
}

/** {@link itemName} of the draft `id` as stored; `undefined` when it is gone. */
export async function storedItemName(id: string): Promise<string | undefined> {
  const draft = await db.clips.get(id);
  return draft && itemName(draft);
}

/** Whether the shared desk is on (`useDeskSync` asks for syncs only then). */
export async function syncEnabled(): Promise<boolean> {
  return !!(await db.syncState.get('desk'))?.enabled;
}

/**
 * The issue to take as the current one without asking: the only issue there is, when the one
 * `currentId` names (if any) is not here; `null` when there is nothing to take (the
 * current issue is here, or there are no issues, or several to choose from).
 */
export async function onlyIssue(currentId: string | null): Promise<string | null> {
  if (currentId && (await db.issues.get(currentId))) return null;
  // Read as records, not keys: Dexie tells a query of a table's keys alone of deletions, and
  // not always of a record added (one the sync puts after looking for it), which this waits for.
  const issues = await db.issues.limit(2).toArray();
  return issues.length === 1 ? issues[0]!.id : null;
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

/**
 * The desk's own user as the desk marks take it (`deskUser`): their WordPress id (0 before the
 * first sync named them), null with sync off. The sync's state alone, not `sharedDesk`'s counts:
 * the marks watch it, and an edit (a write to the outbox) changes nothing of it.
 */
export async function ownDeskUser(): Promise<number | null> {
  const state = await db.syncState.get('desk');
  return state?.enabled ? (state.user?.id ?? 0) : null;
}

/**
 * A row shows three lines of the body or of the last quote: a body or a clipped quote may be
 * 100 KB, and the first page of rows is kept in localStorage (inboxSnapshot.ts) and parsed
 * before the popup paints. The word count is taken on the whole text first.
 */
export const ROW_PREVIEW_CHARS = 600;

/**
 * The start of `text`, at most {@link ROW_PREVIEW_CHARS} long, cut as the desk cuts a text
 * ({@link shortened}: at a word, never inside an aside or quotation left open, « … » against
 * the word). The cut keeps at least half of it (300 characters), more than the row's three
 * lines hold in its widest column (some 220, the desk's columns two by two below 1100 px).
 */
function preview(text: string): string {
  return shortened(text, ROW_PREVIEW_CHARS);
}

/** A draft's tags as its row draws them ({@link shownTags}), and how many more it has. */
function rowTags(tags: readonly string[]): Pick<InboxRow, 'tags' | 'moreTags'> {
  const { shown, more } = shownTags(tags);
  return { tags: shown.map((tag) => tag.name), ...(more > 0 ? { moreTags: more } : {}) };
}

/** A draft as the inbox shows it. */
export function toRow({
  body,
  quotes,
  words: _words,
  wordPairs: _pairs,
  sourceUrls: _urls,
  ...rest
}: Draft): InboxRow {
  const text = bodyText(body);
  const quote = quotes.at(-1)?.text;
  return {
    ...rest,
    // Held to their limits where they come from; a draft stored before (a title typed or
    // restored without one) is cut here: a row lays its title out whole, and 100,000
    // characters took seconds.
    // A draft without one is named (« Brouillon sans titre »), by its row and its messages.
    title: draftName(shortened(rest.title, DRAFT_TEXT_LIMITS.title)),
    ...(rest.siteName !== undefined
      ? { siteName: shortened(rest.siteName, DRAFT_TEXT_LIMITS.siteName) }
      : {}),
    ...(rest.byline !== undefined
      ? { byline: shortened(rest.byline, DRAFT_TEXT_LIMITS.byline) }
      : {}),
    // Tags too: a row draws each, and the first page of rows is kept in localStorage.
    ...rowTags(rest.tags),
    text: preview(text),
    wordCount: countText(text).words,
    ...(quote !== undefined ? { quote: preview(quote) } : {}),
    quoteCount: quotes.length,
    ...(rest.captureNote && hasMenuWords(quotes) ? { menuWords: true } : {}),
  };
}

/**
 * A window of the inbox's rows: `offset` and `limit` in the search's order. On the shared
 * desk, a row whose page another editor also has a draft of names it (one index lookup for the
 * whole window: see `pageTwins`). `signal` aborted (the next keystroke) stops the search early.
 */
export async function inboxRows(query: DraftQuery, signal?: AbortSignal): Promise<InboxRow[]> {
  const drafts = await searchPage(query, undefined, signal);
  const [twins, targets] = await Promise.all([pageTwins(drafts), mergeTargets(drafts)]);
  return drafts.map((draft) => {
    const row = toRow(draft);
    const twin = twins.get(draft.id)?.[0];
    if (twin) {
      row.twin = {
        id: twin.draft.id,
        title: draftName(twin.draft.title),
        by: twin.by,
        mine: twin.mine,
      };
    }
    const target = targets.get(draft.id);
    if (target) row.mergedInto = target;
    return row;
  });
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
