import Dexie from 'dexie';
import { db as defaultDb, type Draft, type IndiscretsDB } from './db';
import type { RemovedPlace, Undone, UndoToken } from './drafts';
import { isOrderKey, keyBetween, keysBetween } from './fractional';
import { allItems } from './issue-query';
import { IssueNotFoundError } from './issues';
import { itemLabel } from './label';

/**
 * « Retirer » undone: items taken out of an issue (back to the inbox) go back in it, each
 * between the items it was between, as the editor left the list, rather than at its end. So
 * does « Déplacer vers… » undone: items moved to the end of another issue come back from it.
 *
 * Only their issue and their key are written back: what was written in them since (in the
 * inbox, or by a colleague) is kept, as a trash's or a merge's undo keeps it. An item put in an issue again meanwhile (by hand, or by another view's undo) stays where
 * it is; one put in the trash or deleted meanwhile is not brought back from there, and the undo
 * says so; the issue deleted meanwhile, nothing is put back, and the undo says so (the items
 * stay where they are, in the inbox or the issue they were moved to: nothing is lost). A moved
 * item moved on to a third issue meanwhile stays where it is.
 */

const now = () => new Date().toISOString();

/** Why an undo of « Retirer » put nothing back: the issue is gone, or the items are. */
export type RemovalRefusal = 'issue' | 'trashed' | 'deleted';

/**
 * Thrown by {@link undoRemoval} when it put nothing back, for the undo bar to say why; its name
 * is what the bar reads (the bar does not load this module to test `instanceof`).
 */
export class RemovalNotUndone extends Error {
  override name = 'RemovalNotUndone';
  constructor(
    readonly reason: RemovalRefusal,
    /** The first item not put back, named as the issue's list named it. */
    readonly title: string,
    /** How many items were not put back. */
    readonly count: number,
    /**
     * Undoing « Déplacer vers… » with its first issue gone (`issue`): the first item is still
     * in the issue it was moved to, not in the drafts.
     */
    readonly moved = false,
  ) {
    super(`Items not put back in their issue: ${reason}`);
  }
}

/**
 * Takes items out of their issue, back to the inbox (as `removeFromIssue` does, in one write),
 * and answers what {@link undoRemoval} needs to put them back where they were; nothing when none
 * was in an issue any more. `ids` are items of one issue (the first one's: another's are left).
 */
export function removeItems(
  ids: readonly string[],
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<UndoToken | undefined> {
  return takeOut(ids, undefined, database, clock);
}

/**
 * Moves items of one issue to the end of another (`toIssueId`), in their order, in one write;
 * answers what {@link undoRemoval} needs to put them back where they were in theirs, as for
 * « Retirer ». Nothing when none was in an issue any more, or each is in that one already.
 * Throws `IssueNotFoundError` when the other issue is gone (deleted in another view).
 */
export function moveItems(
  ids: readonly string[],
  toIssueId: string,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<UndoToken | undefined> {
  return takeOut(ids, toIssueId, database, clock);
}

function takeOut(
  ids: readonly string[],
  to: string | undefined,
  database: IndiscretsDB,
  clock: () => string,
): Promise<UndoToken | undefined> {
  return database.transaction('rw', database.clips, database.issues, async () => {
    if (to !== undefined && !(await database.issues.get(to))) throw new IssueNotFoundError(to);
    const drafts = await database.clips.bulkGet([...ids]);
    const issueId = drafts.find((draft) => draft?.issueId)?.issueId;
    if (!issueId || issueId === to) return undefined;
    const visible = (await allItems(issueId, database)).filter((draft) => !draft.deletedAt);
    const taken = visible.filter((draft) => ids.includes(draft.id));
    if (taken.length === 0) return undefined;
    const places = taken.map((draft): RemovedPlace => {
      const index = visible.indexOf(draft);
      const previous = visible[index - 1]?.id;
      const next = visible[index + 1]?.id;
      return { ...(previous && { previous }), ...(next && { next }) };
    });
    const at = clock();
    // Moved: after the other issue's last item (trashed ones included, so that no key is one a
    // trashed item comes back with), in the order they had.
    const last =
      to === undefined
        ? undefined
        : await database.clips
            .where('[issueId+sortKey]')
            .between([to, Dexie.minKey], [to, Dexie.maxKey])
            .last();
    const keys = to === undefined ? [] : keysBetween(last?.sortKey || null, null, taken.length);
    for (const [index, draft] of taken.entries()) {
      const place =
        to === undefined ? { issueId: '', sortKey: '' } : { issueId: to, sortKey: keys[index]! };
      await database.clips.update(draft.id, { ...place, updatedAt: at });
    }
    return to === undefined
      ? { label: 'remove', before: taken, after: [], removed: { issueId, places } }
      : { label: 'move', before: taken, after: [], removed: { issueId, places, to } };
  });
}

/**
 * The items of `token` still out of any issue (in the inbox, the trash, or deleted), or still in
 * the issue they were moved to.
 */
async function waiting(token: UndoToken, database: IndiscretsDB) {
  const current = await database.clips.bulkGet(token.before.map((draft) => draft.id));
  const to = token.removed?.to;
  return token.before
    .map((was, index) => ({ was, index, current: current[index] }))
    .filter(({ current }) => !current?.issueId || (to !== undefined && current.issueId === to));
}

/**
 * Whether undoing the removal would still do something, or say why it cannot: an item is still
 * out of any issue. All put in an issue again (by hand, or undone in another view), the offer
 * goes.
 */
export function removalInEffect(
  token: UndoToken,
  database: IndiscretsDB = defaultDb,
): Promise<boolean> {
  return database.transaction(
    'r',
    database.clips,
    async () => (await waiting(token, database)).length > 0,
  );
}

/**
 * Puts the items of `token` back in their issue, each between the items it was between (see the
 * top of this file); answers where they are, or `undefined` when every one is in an issue
 * already (undone in another view, or by a second click). Throws {@link RemovalNotUndone} when
 * none could go back.
 */
export function undoRemoval(
  token: UndoToken,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<Undone | undefined> {
  const { issueId, places } = token.removed!;
  return database.transaction('rw', database.clips, database.issues, async () => {
    const out = await waiting(token, database);
    if (out.length === 0) return undefined;
    if (!(await database.issues.get(issueId))) {
      const [first] = out;
      const to = token.removed!.to;
      const moved = to !== undefined && first!.current?.issueId === to;
      throw new RemovalNotUndone('issue', itemLabel(first!.was), out.length, moved);
    }
    const at = clock();
    const back: string[] = [];
    const missing: { reason: 'trashed' | 'deleted'; title: string }[] = [];
    for (const { was, index, current } of out) {
      if (!current || current.deletedAt) {
        missing.push({ reason: current ? 'trashed' : 'deleted', title: itemLabel(current ?? was) });
        continue;
      }
      await putBack(current, was.sortKey, places[index] ?? {}, issueId, database, at);
      back.push(current.id);
    }
    if (back.length === 0) {
      throw new RemovalNotUndone(missing[0]!.reason, missing[0]!.title, missing.length);
    }
    return { issueId, draftId: back[0]!, ...(missing[0] && { notBack: missing[0] }) };
  });
}

/**
 * Puts `draft` in issue `issueId` between the items it was between (`place`): with the key it
 * had when that still falls between them and no other item has it; else just after the one above
 * (or before the one below) if still there, else first if it was, else at the end.
 */
async function putBack(
  draft: Draft,
  key: string,
  place: RemovedPlace,
  issueId: string,
  database: IndiscretsDB,
  at: string,
): Promise<void> {
  const all = await allItems(issueId, database);
  const find = (id?: string) => (id ? all.find((item) => item.id === id) : undefined);
  const previous = find(place.previous);
  const next = find(place.next);
  if (
    isOrderKey(key) &&
    (previous || next) &&
    (!previous || previous.sortKey < key) &&
    (!next || key < next.sortKey) &&
    !all.some((item) => item.sortKey === key)
  ) {
    await database.clips.update(draft.id, { issueId, sortKey: key, updatedAt: at });
    return;
  }
  // Where it goes in the full list (trashed items included, so that its key is never one a
  // trashed item comes back with).
  const index = previous
    ? all.indexOf(previous) + 1
    : next
      ? all.indexOf(next)
      : place.previous === undefined
        ? 0
        : all.length;
  const low = all[index - 1]?.sortKey ?? null;
  const high = all[index]?.sortKey ?? null;
  if (
    (low === null || isOrderKey(low)) &&
    (high === null || isOrderKey(high)) &&
    (low === null || high === null || low < high)
  ) {
    await database.clips.update(draft.id, {
      issueId,
      sortKey: keyBetween(low, high),
      updatedAt: at,
    });
    return;
  }
  // Keys that cannot be split (duplicates from an old import): this issue is numbered afresh.
  const order = [...all];
  order.splice(index, 0, { ...draft, issueId });
  const keys = keysBetween(null, null, order.length);
  await database.clips.bulkPut(
    order.map((item, i) => ({
      ...item,
      sortKey: keys[i]!,
      ...(item.id === draft.id ? { updatedAt: at } : {}),
    })),
  );
}
