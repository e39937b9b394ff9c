import Dexie from 'dexie';
import {
  db as defaultDb,
  type Check,
  type Draft,
  type IndiscretsDB,
  type Issue,
  type IssueStatus,
  type PublishIntent,
  type WordPressPost,
} from './db';
import { hasHttpLink, hasVisibleText, isHttpUrl, normaliseUrl } from './derive';
import { DraftNotFoundError, type UndoToken } from './drafts';
import { sameValue } from '../lib/merge';
import { markEdit, type EditSource } from './edit-marks';
import { isOrderKey, keyBetween, keysBetween } from './fractional';
import { allItems } from './issue-query';
import { itemLabel } from './label';
import { noteReleased } from './outbox';
import { isIsoDate, isLengthBudget, ISSUE_STATUSES } from './record-values';

export type { Check, CheckCode } from './db';

const now = () => new Date().toISOString();

/** Thrown when an id names no issue. */
export class IssueNotFoundError extends Error {
  override name = 'IssueNotFoundError';
  constructor(readonly issueId: string) {
    super(`No issue with id ${issueId}`);
  }
}

export interface NewIssue {
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  intro?: string;
  lengthBudget?: number;
}

/**
 * The fields of an issue that can be changed after creation. `lengthBudget: undefined` removes
 * the budget.
 */
export type IssuePatch = Partial<
  Pick<
    Issue,
    | 'title'
    | 'date'
    | 'intro'
    | 'lengthBudget'
    | 'status'
    | 'exportedAt'
    | 'wordpress'
    | 'publishing'
  >
>;

const ISSUE_FIELDS = [
  'title',
  'date',
  'intro',
  'lengthBudget',
  'status',
  'exportedAt',
  'wordpress',
  'publishing',
] as const satisfies ReadonlyArray<keyof IssuePatch>;
export { isIsoDate, isLengthBudget };

function validate(fields: IssuePatch): void {
  if (fields.date !== undefined && !isIsoDate(fields.date)) {
    throw new TypeError(`Not a YYYY-MM-DD date: ${fields.date}`);
  }
  if (fields.lengthBudget !== undefined && !isLengthBudget(fields.lengthBudget)) {
    throw new TypeError(`Not a length budget: ${fields.lengthBudget}`);
  }
  if (
    fields.status !== undefined &&
    !(ISSUE_STATUSES as readonly unknown[]).includes(fields.status)
  ) {
    throw new TypeError(`Unknown issue status: ${String(fields.status)}`);
  }
}

/** Creates an open issue, without items. */
export async function createIssue(
  input: NewIssue,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<Issue> {
  validate(input);
  const at = clock();
  const issue: Issue = {
    id: crypto.randomUUID(),
    title: input.title,
    date: input.date,
    intro: input.intro ?? '',
    ...(input.lengthBudget !== undefined && { lengthBudget: input.lengthBudget }),
    status: 'open',
    createdAt: at,
    updatedAt: at,
  };
  await database.issues.add(issue);
  return issue;
}

/** Changes an issue's own fields and stamps `updatedAt`; returns the issue as stored. */
export async function updateIssue(
  id: string,
  patch: IssuePatch,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
  bookkeeping: Pick<Issue, 'edits'> = {},
): Promise<Issue> {
  validate(patch);
  const changes: Record<string, unknown> = {};
  if (bookkeeping.edits) changes.edits = bookkeeping.edits;
  for (const field of ISSUE_FIELDS) {
    if (Object.hasOwn(patch, field)) changes[field] = patch[field];
  }
  return database.transaction('rw', database.issues, async () => {
    changes.updatedAt = clock();
    if (!(await database.issues.update(id, changes as Partial<Issue>))) {
      throw new IssueNotFoundError(id);
    }
    return (await database.issues.get(id))!;
  });
}

/** The issue's own fields an editor types in the issue view. */
export const ISSUE_EDITABLE_FIELDS = ['title', 'date', 'intro', 'lengthBudget'] as const;
export type IssueField = (typeof ISSUE_EDITABLE_FIELDS)[number];

/** What {@link saveIssueEdit} wrote, and which fields it left because they changed elsewhere. */
export interface IssueEditResult {
  issue: Issue;
  conflicts: IssueField[];
}

/**
 * Writes changes to an issue's own fields made from `base`, field by field as
 * `saveDraftEdit` does for a draft: a field changed elsewhere since `base` is not
 * overwritten but reported in `conflicts`. With `source`, the write is marked on the issue.
 */
export function saveIssueEdit(
  id: string,
  patch: Pick<IssuePatch, IssueField>,
  base: Pick<IssuePatch, IssueField>,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
  source?: EditSource,
): Promise<IssueEditResult> {
  return database.transaction('rw', database.issues, async () => {
    const current = await database.issues.get(id);
    if (!current) throw new IssueNotFoundError(id);
    const writable: Record<string, unknown> = {};
    const conflicts: IssueField[] = [];
    for (const field of ISSUE_EDITABLE_FIELDS) {
      if (!Object.hasOwn(patch, field)) continue;
      if (sameValue(current[field], base[field]) || sameValue(current[field], patch[field])) {
        writable[field] = patch[field];
      } else {
        conflicts.push(field);
      }
    }
    const wrote = Object.keys(writable);
    const marks = source ? { edits: markEdit(current, source, wrote, conflicts) } : {};
    const issue =
      wrote.length > 0
        ? await updateIssue(id, writable as IssuePatch, database, clock, marks)
        : current;
    return { issue, conflicts };
  });
}

/** Records an export (copy or download): the issue is `exported`, unless already published. */
export async function markExported(
  id: string,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<Issue> {
  return database.transaction('rw', database.issues, async () => {
    const issue = await getIssue(id, database);
    if (!issue) throw new IssueNotFoundError(id);
    const at = clock();
    const status = issue.status === 'published' ? 'published' : 'exported';
    return updateIssue(id, { status, exportedAt: at }, database, () => at);
  });
}

/**
 * Records the WordPress post an issue was published as, and forgets the creation in progress
 * ({@link recordPublishIntent}) in the same write.
 */
export function markPublished(
  id: string,
  wordpress: WordPressPost,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<Issue> {
  return updateIssue(
    id,
    { status: 'published', wordpress, publishing: undefined },
    database,
    clock,
  );
}

/**
 * Remembers, before the request is sent, that a WordPress post is being created for the issue
 * with this slug: if the answer is lost, the next attempt finds the post by it.
 */
export async function recordPublishIntent(
  id: string,
  publishing: PublishIntent,
  database: IndiscretsDB = defaultDb,
): Promise<void> {
  // Bookkeeping, not an edit: `updatedAt` stays.
  if (!(await database.issues.update(id, { publishing }))) throw new IssueNotFoundError(id);
}

/** Every issue, latest date first (then latest created). */
export async function listIssues(database: IndiscretsDB = defaultDb): Promise<Issue[]> {
  const issues = await database.issues.orderBy('date').reverse().toArray();
  return issues.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
  );
}

export function getIssue(id: string, database: IndiscretsDB = defaultDb) {
  return database.issues.get(id);
}

/**
 * Deletes an issue; its items (trashed ones too) go back to the inbox. Returns what `undo`
 * (./drafts) needs to put the issue back with its items in their places; nothing when there was
 * no such issue (deleted in another view meanwhile). Whoever holds the issue as
 * "current" (the `currentIssueId` setting) should clear it: this module does not touch browser
 * storage.
 */
export function deleteIssue(
  id: string,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<UndoToken | undefined> {
  return database.transaction('rw', database.clips, database.issues, database.outbox, async () => {
    const issue = await database.issues.get(id);
    if (!issue) return undefined;
    const items = await allItems(id, database);
    const at = clock();
    const released = await database.clips.where('issueId').equals(id).primaryKeys();
    await database.clips
      .where('issueId')
      .equals(id)
      .modify({ issueId: '', sortKey: '', updatedAt: at });
    await database.issues.delete(id);
    await noteReleased(database, id, released);
    return { label: 'issue', before: items, after: [], issue };
  });
}

/** The items of an issue, in order, without trashed drafts. */
export async function issueItems(
  issueId: string,
  database: IndiscretsDB = defaultDb,
): Promise<Draft[]> {
  if (!issueId) return [];
  return (await allItems(issueId, database)).filter((draft) => !draft.deletedAt);
}

/**
 * Appends a draft to an issue (after its last item, trashed ones included, so that a restored
 * draft never shares a key). From another issue, this moves it. Returns the draft as stored.
 */
export function addToIssue(
  draftId: string,
  issueId: string,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<Draft> {
  return database.transaction('rw', database.clips, database.issues, async () => {
    if (!(await database.issues.get(issueId))) throw new IssueNotFoundError(issueId);
    const draft = await database.clips.get(draftId);
    if (!draft) throw new DraftNotFoundError(draftId);
    if (draft.deletedAt) throw new Error(`Draft ${draftId} is in the trash`);
    if (draft.issueId === issueId) return draft;
    const last = await database.clips
      .where('[issueId+sortKey]')
      .between([issueId, Dexie.minKey], [issueId, Dexie.maxKey])
      .last();
    const sortKey = keyBetween(last?.sortKey || null, null);
    await database.clips.update(draftId, { issueId, sortKey, updatedAt: clock() });
    return (await database.clips.get(draftId))!;
  });
}

/**
 * Moves an item to `toIndex` in its issue's list (as shown: trashed items do not count), by
 * giving it a key between its new neighbours: one record is written, the others keep theirs.
 * `toIndex` is clamped to the list; moving an item where it already is writes nothing.
 */
export function moveItem(
  issueId: string,
  draftId: string,
  toIndex: number,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<void> {
  return database.transaction('rw', database.clips, async () => {
    const all = await allItems(issueId, database);
    const moving = all.find((draft) => draft.id === draftId);
    if (!moving || moving.deletedAt) {
      throw new Error(`Draft ${draftId} is not an item of issue ${issueId}`);
    }
    const visible = all.filter((draft) => !draft.deletedAt);
    const others = visible.filter((draft) => draft !== moving);
    const target = Math.max(0, Math.min(Math.trunc(toIndex) || 0, others.length));
    if (visible.indexOf(moving) === target) return;

    // Neighbours in the full list, trashed items included, so that the new key is never one a
    // trashed item will come back with.
    const rest = all.filter((draft) => draft !== moving);
    let before: Draft | undefined;
    let after: Draft | undefined;
    if (target === 0) {
      after = others[0];
      before = rest[rest.indexOf(after!) - 1];
    } else {
      before = others[target - 1];
      after = rest[rest.indexOf(before!) + 1];
    }
    const low = before?.sortKey ?? null;
    const high = after?.sortKey ?? null;
    const at = clock();
    if (
      (low !== null && !isOrderKey(low)) ||
      (high !== null && !isOrderKey(high)) ||
      (low !== null && high !== null && low >= high)
    ) {
      // Keys that cannot be split (duplicates from an old import): renumber this issue once.
      const order = [...rest];
      order.splice(after ? order.indexOf(after) : order.length, 0, moving);
      const keys = keysBetween(null, null, order.length);
      await database.clips.bulkPut(
        order.map((draft, i) => ({
          ...draft,
          sortKey: keys[i]!,
          ...(draft === moving ? { updatedAt: at } : {}),
        })),
      );
    } else {
      await database.clips.update(draftId, { sortKey: keyBetween(low, high), updatedAt: at });
    }
  });
}

/** Moves an item up (`delta` −1) or down (+1) in its issue, for the keyboard. */
export function moveItemBy(
  issueId: string,
  draftId: string,
  delta: number,
  database: IndiscretsDB = defaultDb,
  clock: () => string = now,
): Promise<void> {
  return database.transaction('rw', database.clips, async () => {
    const items = await issueItems(issueId, database);
    const index = items.findIndex((draft) => draft.id === draftId);
    if (index < 0) throw new Error(`Draft ${draftId} is not an item of issue ${issueId}`);
    return moveItem(issueId, draftId, index + delta, database, clock);
  });
}

const EXPORTED: ReadonlySet<IssueStatus> = new Set<IssueStatus>(['exported', 'published']);

/**
 * Checks an issue's items before export. For each item (by draft id; an empty list when all
 * is well):
 * - `empty-text`: the body shows no text;
 * - `no-source`: no source with an http(s) URL and no link in the body;
 * - `duplicate-source`: a source URL another item of this issue also uses;
 * - `already-exported`: a source URL used by an item of an issue already exported or
 *   published (found with the `*sourceUrls` index).
 * URLs are compared normalised (host without `www.`, no hash, no trailing slash).
 */
export function checkIssue(
  issueId: string,
  database: IndiscretsDB = defaultDb,
): Promise<Record<string, Check[]>> {
  return database.transaction('r', database.clips, database.issues, async () => {
    const items = await issueItems(issueId, database);
    const checks: Record<string, Check[]> = {};
    const users = new Map<string, Draft[]>();
    for (const item of items) {
      for (const url of item.sourceUrls) users.set(url, [...(users.get(url) ?? []), item]);
    }

    // Other issues' items sharing a URL with this issue, and those issues when exported.
    const elsewhere = (
      await database.clips
        .where('sourceUrls')
        .anyOf([...users.keys()])
        .toArray()
    ).filter((draft) => draft.issueId && draft.issueId !== issueId && !draft.deletedAt);
    const issueIds = [...new Set(elsewhere.map((draft) => draft.issueId))];
    const exported = new Map<string, Issue>();
    for (const issue of await database.issues.bulkGet(issueIds)) {
      if (issue && EXPORTED.has(issue.status)) exported.set(issue.id, issue);
    }
    // Latest issue first, so that a check names the most recent use.
    const earlier = elsewhere
      .filter((draft) => exported.has(draft.issueId))
      .sort((a, b) => (exported.get(a.issueId)!.date < exported.get(b.issueId)!.date ? 1 : -1));

    for (const item of items) {
      const list: Check[] = [];
      if (!hasVisibleText(item.body)) list.push({ code: 'empty-text' });
      if (!item.sources.some((source) => isHttpUrl(source.url)) && !hasHttpLink(item.body)) {
        list.push({ code: 'no-source' });
      }
      for (const normalised of item.sourceUrls) {
        const url =
          item.sources.find((s) => normaliseUrl(s.url) === normalised)?.url.trim() ?? normalised;
        const twin = users.get(normalised)!.find((other) => other !== item);
        if (twin) list.push({ code: 'duplicate-source', url, otherTitle: itemLabel(twin) });
        const used = earlier.find((draft) => draft.sourceUrls.includes(normalised));
        if (used) {
          list.push({
            code: 'already-exported',
            url,
            otherTitle: itemLabel(used),
            otherIssueTitle: exported.get(used.issueId)!.title,
            otherIssueDate: exported.get(used.issueId)!.date,
          });
        }
      }
      checks[item.id] = list;
    }
    return checks;
  });
}
