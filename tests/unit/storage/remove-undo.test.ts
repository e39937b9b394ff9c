import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft, IndiscretsDB, Issue } from '../../../storage/db';
import { trashDraft, undo, undoable, updateDraft } from '../../../storage/drafts';
import {
  addToIssue,
  createIssue,
  deleteIssue,
  issueItems,
  moveItem,
} from '../../../storage/issues';
import { moveItems, RemovalNotUndone, removeItems } from '../../../storage/remove-undo';
import { addDraft, freshDatabase, steppingClock } from './helpers';

let database: IndiscretsDB;
let clock: () => string;

beforeEach(() => {
  database = freshDatabase();
  clock = steppingClock('2021-03-20T08:00:00.000Z');
});
afterEach(async () => {
  await database.delete();
});

const titles = (items: Draft[]) => items.map((item) => item.title);
const order = async (issue: Issue) => titles(await issueItems(issue.id, database));

async function issueWith(names: string[]): Promise<{ issue: Issue; drafts: Draft[] }> {
  const issue = await createIssue(
    { title: 'Les indiscrets du 15 mars', date: '2021-03-15' },
    database,
    clock,
  );
  const drafts: Draft[] = [];
  for (const title of names) {
    const draft = await addDraft(database, { title, label: title });
    drafts.push(await addToIssue(draft.id, issue.id, database, clock));
  }
  return { issue, drafts };
}

describe('removeItems and its undo', () => {
  it('takes items out to the inbox and puts them back in their places, in one undo', async () => {
    const { issue, drafts } = await issueWith(['A', 'B', 'C', 'D', 'E']);

    const token = await removeItems([drafts[3]!.id, drafts[1]!.id], database, clock);

    expect(await order(issue)).toEqual(['A', 'C', 'E']);
    expect(await database.clips.get(drafts[1]!.id)).toMatchObject({ issueId: '', sortKey: '' });
    expect(token).toMatchObject({ label: 'remove', removed: { issueId: issue.id } });
    expect(titles(token!.before)).toEqual(['B', 'D']);
    expect(await undoable(token!, database)).toBe(true);

    await expect(undo(token!, database, clock)).resolves.toEqual({
      issueId: issue.id,
      draftId: drafts[1]!.id,
    });
    expect(await order(issue)).toEqual(['A', 'B', 'C', 'D', 'E']);
    // Undone: nothing left to undo, here or in another view.
    expect(await undoable(token!, database)).toBe(false);
    await expect(undo(token!, database, clock)).resolves.toBeUndefined();
  });

  it('answers nothing for items in no issue', async () => {
    const draft = await addDraft(database, { title: 'Inbox' });
    expect(await removeItems([draft.id], database, clock)).toBeUndefined();
  });

  it('keeps what was written in the item since, and puts it between the same neighbours', async () => {
    const { issue, drafts } = await issueWith(['A', 'B', 'C']);
    const token = await removeItems([drafts[1]!.id], database, clock);
    await updateDraft(drafts[1]!.id, { title: 'B, récrit' }, database, clock);
    // Meanwhile, an item added at the end takes the key after C, and C moves first.
    const added = await addDraft(database, { title: 'N' });
    await addToIssue(added.id, issue.id, database, clock);
    await moveItem(issue.id, drafts[2]!.id, 0, database, clock);
    expect(await order(issue)).toEqual(['C', 'A', 'N']);

    await undo(token!, database, clock);

    // After A, as it was (C, its other neighbour, is elsewhere now).
    expect(await order(issue)).toEqual(['C', 'A', 'B, récrit', 'N']);
  });

  it('puts a first item back first when its neighbour below is gone', async () => {
    const { issue, drafts } = await issueWith(['A', 'B', 'C']);
    const token = await removeItems([drafts[0]!.id], database, clock);
    await removeItems([drafts[1]!.id], database, clock);
    const added = await addDraft(database, { title: 'N' });
    await addToIssue(added.id, issue.id, database, clock);

    await undo(token!, database, clock);

    expect(await order(issue)).toEqual(['A', 'C', 'N']);
  });

  it('takes a key that another item took meanwhile no more', async () => {
    const { issue, drafts } = await issueWith(['A', 'B']);
    const token = await removeItems([drafts[1]!.id], database, clock);
    // Added at the end: the key B had.
    const added = await addDraft(database, { title: 'N' });
    const stored = await addToIssue(added.id, issue.id, database, clock);
    expect(stored.sortKey).toBe(drafts[1]!.sortKey);

    await undo(token!, database, clock);

    expect(await order(issue)).toEqual(['A', 'B', 'N']);
    const keys = (await issueItems(issue.id, database)).map((item) => item.sortKey);
    expect(new Set(keys).size).toBe(3);
  });

  it('leaves an item put in an issue again meanwhile where it is', async () => {
    const { issue, drafts } = await issueWith(['A', 'B', 'C']);
    const token = await removeItems([drafts[0]!.id], database, clock);
    await addToIssue(drafts[0]!.id, issue.id, database, clock);

    expect(await undoable(token!, database)).toBe(false);
    await expect(undo(token!, database, clock)).resolves.toBeUndefined();
    expect(await order(issue)).toEqual(['B', 'C', 'A']);
  });

  it('puts nothing back, and says why, when the issue was deleted meanwhile', async () => {
    const { issue, drafts } = await issueWith(['A', 'B']);
    const token = await removeItems([drafts[0]!.id], database, clock);
    await deleteIssue(issue.id, database, clock);

    // Still offered: its undo says why it cannot.
    expect(await undoable(token!, database)).toBe(true);
    const refused = await undo(token!, database, clock).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RemovalNotUndone);
    expect(refused).toMatchObject({
      name: 'RemovalNotUndone',
      reason: 'issue',
      title: 'A',
      count: 1,
    });
    // Nothing lost: the draft is in the inbox as it was.
    expect(await database.clips.get(drafts[0]!.id)).toMatchObject({ issueId: '', title: 'A' });
  });

  it('does not bring an item back from the trash, and says so', async () => {
    const { issue, drafts } = await issueWith(['A', 'B', 'C']);
    const token = await removeItems([drafts[0]!.id, drafts[1]!.id], database, clock);
    await trashDraft(drafts[1]!.id, database, clock);

    await expect(undo(token!, database, clock)).resolves.toEqual({
      issueId: issue.id,
      draftId: drafts[0]!.id,
      notBack: { reason: 'trashed', title: 'B' },
    });
    expect(await order(issue)).toEqual(['A', 'C']);
    expect(await database.clips.get(drafts[1]!.id)).toMatchObject({ issueId: '' });
    expect((await database.clips.get(drafts[1]!.id))!.deletedAt).toBeTruthy();
  });

  it('says so when every item is gone (trashed or deleted)', async () => {
    const { drafts } = await issueWith(['A', 'B']);
    const token = await removeItems([drafts[0]!.id], database, clock);
    await database.clips.delete(drafts[0]!.id);

    await expect(undo(token!, database, clock)).rejects.toMatchObject({
      name: 'RemovalNotUndone',
      reason: 'deleted',
      title: 'A',
    });
  });
});

describe('moveItems and its undo', () => {
  async function otherIssue(names: string[] = []) {
    const issue = await createIssue(
      { title: 'Les indiscrets du 22 mars', date: '2021-03-22' },
      database,
      clock,
    );
    for (const title of names) {
      const draft = await addDraft(database, { title, label: title });
      await addToIssue(draft.id, issue.id, database, clock);
    }
    return issue;
  }

  it('moves items to the end of the other issue, in their order, and puts them back in theirs', async () => {
    const { issue, drafts } = await issueWith(['A', 'B', 'C', 'D']);
    const other = await otherIssue(['X']);

    const token = await moveItems([drafts[2]!.id, drafts[1]!.id], other.id, database, clock);

    expect(await order(issue)).toEqual(['A', 'D']);
    expect(await order(other)).toEqual(['X', 'B', 'C']);
    expect(token).toMatchObject({ label: 'move', removed: { issueId: issue.id, to: other.id } });
    expect(await undoable(token!, database)).toBe(true);

    await expect(undo(token!, database, clock)).resolves.toEqual({
      issueId: issue.id,
      draftId: drafts[1]!.id,
    });
    expect(await order(issue)).toEqual(['A', 'B', 'C', 'D']);
    expect(await order(other)).toEqual(['X']);
    expect(await undoable(token!, database)).toBe(false);
  });

  it('leaves an item moved on to a third issue meanwhile where it is', async () => {
    const { issue, drafts } = await issueWith(['A', 'B']);
    const other = await otherIssue();
    const third = await createIssue(
      { title: 'Les indiscrets du 29 mars', date: '2021-03-29' },
      database,
      clock,
    );
    const token = await moveItems([drafts[0]!.id], other.id, database, clock);
    await moveItems([drafts[0]!.id], third.id, database, clock);

    expect(await undoable(token!, database)).toBe(false);
    await expect(undo(token!, database, clock)).resolves.toBeUndefined();
    expect(await order(third)).toEqual(['A']);
    expect(await order(issue)).toEqual(['B']);
  });

  it('puts an item taken out of the other issue since back in its first one', async () => {
    const { issue, drafts } = await issueWith(['A', 'B']);
    const other = await otherIssue();
    const token = await moveItems([drafts[0]!.id], other.id, database, clock);
    await removeItems([drafts[0]!.id], database, clock);

    await undo(token!, database, clock);

    expect(await order(issue)).toEqual(['A', 'B']);
  });

  it('says the item stays where it was moved when its first issue was deleted meanwhile', async () => {
    const { issue, drafts } = await issueWith(['A']);
    const other = await otherIssue();
    const token = await moveItems([drafts[0]!.id], other.id, database, clock);
    await deleteIssue(issue.id, database, clock);

    await expect(undo(token!, database, clock)).rejects.toMatchObject({
      name: 'RemovalNotUndone',
      reason: 'issue',
      title: 'A',
      moved: true,
    });
    expect(await order(other)).toEqual(['A']);
  });

  it('refuses an issue deleted meanwhile, and moves nothing', async () => {
    const { issue, drafts } = await issueWith(['A']);
    const other = await otherIssue();
    await deleteIssue(other.id, database, clock);

    await expect(moveItems([drafts[0]!.id], other.id, database, clock)).rejects.toMatchObject({
      name: 'IssueNotFoundError',
    });
    expect(await order(issue)).toEqual(['A']);
  });

  it('answers nothing for an item in that issue already', async () => {
    const { issue, drafts } = await issueWith(['A']);
    expect(await moveItems([drafts[0]!.id], issue.id, database, clock)).toBeUndefined();
  });
});
