import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Draft, IndiscretsDB, Issue } from '../../../storage/db';
import { trashDraft, restoreDraft, undo, updateDraft } from '../../../storage/drafts';
import { removeItems } from '../../../storage/remove-undo';
import {
  addToIssue,
  checkIssue,
  createIssue,
  deleteIssue,
  getIssue,
  IssueNotFoundError,
  issueItems,
  listIssues,
  markExported,
  markPublished,
  moveItem,
  moveItemBy,
  updateIssue,
} from '../../../storage/issues';
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

/** An issue with drafts titled after `names`, added in that order. */
async function issueWith(
  names: string[],
  date = '2021-03-15',
): Promise<{ issue: Issue; drafts: Draft[] }> {
  const issue = await createIssue({ title: `Les indiscrets du ${date}`, date }, database, clock);
  const drafts: Draft[] = [];
  for (const title of names) {
    const draft = await addDraft(database, { title });
    drafts.push(await addToIssue(draft.id, issue.id, database, clock));
  }
  return { issue, drafts };
}

describe('createIssue and updateIssue', () => {
  it('creates an open issue with defaults', async () => {
    const issue = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2021-03-15' },
      database,
      clock,
    );

    expect(issue).toEqual({
      id: expect.any(String),
      title: 'Les indiscrets du 15 mars',
      date: '2021-03-15',
      intro: '',
      status: 'open',
      createdAt: '2021-03-20T08:00:00.000Z',
      updatedAt: '2021-03-20T08:00:00.000Z',
    });
    expect(await getIssue(issue.id, database)).toEqual(issue);
  });

  it('rejects a date that is not YYYY-MM-DD and a budget that is not a positive integer', async () => {
    await expect(createIssue({ title: 't', date: '15/03/2021' }, database)).rejects.toThrow(/date/);
    await expect(createIssue({ title: 't', date: '2021-02-30' }, database)).rejects.toThrow(/date/);
    await expect(
      createIssue({ title: 't', date: '2021-03-15', lengthBudget: 0 }, database),
    ).rejects.toThrow(/budget/);
  });

  it('updates the given fields and stamps updatedAt', async () => {
    const issue = await createIssue({ title: 'A', date: '2021-03-15' }, database, clock);

    const updated = await updateIssue(
      issue.id,
      { intro: 'Cette semaine…', lengthBudget: 3000 },
      database,
      clock,
    );

    expect(updated).toMatchObject({ title: 'A', intro: 'Cette semaine…', lengthBudget: 3000 });
    expect(updated.updatedAt > issue.updatedAt).toBe(true);
    await expect(updateIssue('nope', { title: 'x' }, database)).rejects.toBeInstanceOf(
      IssueNotFoundError,
    );
  });

  it('marks an export, then a publication', async () => {
    const issue = await createIssue({ title: 'A', date: '2021-03-15' }, database, clock);

    const exported = await markExported(issue.id, database, clock);
    const published = await markPublished(
      issue.id,
      {
        postId: 42,
        link: 'https://site.test/?p=42',
        modifiedGmt: '2021-03-15T09:00:00',
        publishedAt: '2021-03-15T09:00:00.000Z',
      },
      database,
      clock,
    );
    const exportedAgain = await markExported(issue.id, database, clock);

    expect(exported).toMatchObject({ status: 'exported', exportedAt: exported.updatedAt });
    expect(published).toMatchObject({ status: 'published', wordpress: { postId: 42 } });
    expect(exportedAgain.status).toBe('published');
  });
});

describe('listIssues', () => {
  it('lists the latest date first', async () => {
    await createIssue({ title: 'March 8', date: '2021-03-08' }, database, clock);
    await createIssue({ title: 'March 15', date: '2021-03-15' }, database, clock);
    await createIssue({ title: 'March 1', date: '2021-03-01' }, database, clock);

    expect((await listIssues(database)).map((i) => i.title)).toEqual([
      'March 15',
      'March 8',
      'March 1',
    ]);
  });
});

describe('issue items', () => {
  it('appends drafts in the order they are added', async () => {
    const { issue, drafts } = await issueWith(['A', 'B', 'C']);

    expect(titles(await issueItems(issue.id, database))).toEqual(['A', 'B', 'C']);
    expect(drafts.every((d) => d.issueId === issue.id && d.sortKey)).toBe(true);
  });

  it('leaves trashed drafts out, and puts them back in place when restored', async () => {
    const { issue, drafts } = await issueWith(['A', 'B', 'C']);

    await trashDraft(drafts[1]!.id, database, clock);
    const whileTrashed = titles(await issueItems(issue.id, database));
    await restoreDraft(drafts[1]!.id, database, clock);

    expect(whileTrashed).toEqual(['A', 'C']);
    expect(titles(await issueItems(issue.id, database))).toEqual(['A', 'B', 'C']);
  });

  it('refuses a trashed draft, a missing draft and a missing issue', async () => {
    const { issue } = await issueWith([]);
    const draft = await addDraft(database);
    await trashDraft(draft.id, database, clock);

    await expect(addToIssue(draft.id, issue.id, database)).rejects.toThrow(/trash/);
    await expect(addToIssue('nope', issue.id, database)).rejects.toThrow();
    await expect(addToIssue(draft.id, 'nope', database)).rejects.toBeInstanceOf(IssueNotFoundError);
  });

  it('sends a removed item back to the inbox', async () => {
    const { issue, drafts } = await issueWith(['A', 'B']);

    await removeItems([drafts[0]!.id], database, clock);

    expect(await database.clips.get(drafts[0]!.id)).toMatchObject({ issueId: '', sortKey: '' });
    expect(titles(await issueItems(issue.id, database))).toEqual(['B']);
  });

  it('addToIssue moves an item of another issue to this one’s end', async () => {
    const { issue, drafts } = await issueWith(['A', 'B']);
    const other = await issueWith(['X'], '2021-03-22');

    await addToIssue(drafts[0]!.id, other.issue.id, database, clock);

    expect(titles(await issueItems(issue.id, database))).toEqual(['B']);
    expect(titles(await issueItems(other.issue.id, database))).toEqual(['X', 'A']);
  });

  it('sends the items of a deleted issue back to the inbox, trashed ones too', async () => {
    const { issue, drafts } = await issueWith(['A', 'B']);
    await trashDraft(drafts[1]!.id, database, clock);

    const token = await deleteIssue(issue.id, database, clock);

    expect(token?.before.map((draft) => draft.title)).toEqual(['A', 'B']);
    expect(await getIssue(issue.id, database)).toBeUndefined();
    const after = await database.clips.bulkGet(drafts.map((d) => d.id));
    expect(after.map((d) => [d!.issueId, d!.sortKey])).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('answers nothing for an issue deleted elsewhere meanwhile', async () => {
    await expect(deleteIssue('gone', database, clock)).resolves.toBeUndefined();
  });

  it('undoes a deletion: the issue as it was, its items in their places, edits since kept', async () => {
    const { issue, drafts } = await issueWith(['A', 'B', 'C']);
    await trashDraft(drafts[1]!.id, database, clock);
    const other = await issueWith(['X'], '2021-03-22');
    const before = await getIssue(issue.id, database);
    const token = await deleteIssue(issue.id, database, clock);
    // Meanwhile, in the inbox: A is rewritten, C is added to another issue.
    await updateDraft(drafts[0]!.id, { body: '<p>A, récrit</p>' }, database, clock);
    await addToIssue(drafts[2]!.id, other.issue.id, database);

    await undo(token!, database, clock);

    expect(await getIssue(issue.id, database)).toEqual(before);
    expect(titles(await issueItems(issue.id, database))).toEqual(['A']);
    expect((await database.clips.get(drafts[0]!.id))!.body).toBe('<p>A, récrit</p>');
    // The trashed item is back in its place too, still in the trash (a restore finds it there).
    const trashed = (await database.clips.get(drafts[1]!.id))!;
    expect([trashed.issueId, trashed.sortKey]).toEqual([issue.id, drafts[1]!.sortKey]);
    expect(titles(await issueItems(other.issue.id, database))).toEqual(['X', 'C']);
  });

  it('does not undo a deletion twice: the issue and its items keep what was done after the first', async () => {
    const { issue, drafts } = await issueWith(['A', 'B']);
    const token = await deleteIssue(issue.id, database, clock);

    await expect(undo(token!, database, clock)).resolves.toEqual({ issueId: issue.id });
    await updateIssue(issue.id, { title: 'Les indiscrets, récrits' }, database, clock);
    await removeItems([drafts[1]!.id], database, clock);
    // Another view (or a second click) undoes the same deletion.
    await expect(undo(token!, database, clock)).resolves.toBeUndefined();

    expect((await getIssue(issue.id, database))!.title).toBe('Les indiscrets, récrits');
    expect(titles(await issueItems(issue.id, database))).toEqual(['A']);
  });
});

describe('moveItem', () => {
  it('moves an item to any index', async () => {
    const { issue, drafts } = await issueWith(['A', 'B', 'C', 'D']);
    const [a, , c, d] = drafts;

    await moveItem(issue.id, a!.id, 2, database, clock);
    expect(titles(await issueItems(issue.id, database))).toEqual(['B', 'C', 'A', 'D']);
    await moveItem(issue.id, d!.id, 0, database, clock);
    expect(titles(await issueItems(issue.id, database))).toEqual(['D', 'B', 'C', 'A']);
    await moveItem(issue.id, c!.id, 99, database, clock);
    expect(titles(await issueItems(issue.id, database))).toEqual(['D', 'B', 'A', 'C']);
  });

  it('writes exactly one record', async () => {
    const { issue, drafts } = await issueWith(['A', 'B', 'C', 'D', 'E']);
    const before = await database.clips.toArray();

    await moveItem(issue.id, drafts[4]!.id, 1, database, clock);

    const after = await database.clips.toArray();
    const changed = after.filter((draft) => {
      const old = before.find((b) => b.id === draft.id);
      return JSON.stringify(old) !== JSON.stringify(draft);
    });
    expect(changed.map((draft) => draft.title)).toEqual(['E']);
    expect(changed[0]!.updatedAt > drafts[4]!.updatedAt).toBe(true);
  });

  it('writes nothing when the item is already there', async () => {
    const { issue, drafts } = await issueWith(['A', 'B']);

    await moveItem(issue.id, drafts[1]!.id, 1, database, clock);

    expect(await database.clips.get(drafts[1]!.id)).toEqual(drafts[1]);
  });

  it('never gives a key that a trashed item will come back with', async () => {
    const { issue, drafts } = await issueWith(['A', 'B', 'C']);
    await trashDraft(drafts[1]!.id, database, clock);

    // Between A and C as shown, where the trashed B still holds its key.
    await moveItem(issue.id, drafts[2]!.id, 0, database, clock);
    await moveItem(issue.id, drafts[2]!.id, 1, database, clock);
    await restoreDraft(drafts[1]!.id, database, clock);

    const keys = (await issueItems(issue.id, database)).map((item) => item.sortKey);
    expect(new Set(keys).size).toBe(3);
    expect(titles(await issueItems(issue.id, database))).toEqual(['A', 'C', 'B']);
  });

  it('renumbers the issue when it must go between two equal keys', async () => {
    const { issue, drafts } = await issueWith(['A', 'B', 'C']);
    // Equal keys, as a bad import could leave them: nothing fits between two of them.
    await database.clips.bulkUpdate(drafts.map((d) => ({ key: d.id, changes: { sortKey: 'V' } })));
    const [first, second, last] = titles(await issueItems(issue.id, database));
    const moving = drafts.find((d) => d.title === last)!;

    await moveItem(issue.id, moving.id, 1, database, clock);

    const items = await issueItems(issue.id, database);
    expect(titles(items)).toEqual([first, last, second]);
    expect(new Set(items.map((i) => i.sortKey)).size).toBe(3);
  });

  it('rejects a draft that is not an item of the issue', async () => {
    const { issue } = await issueWith(['A']);
    const stray = await addDraft(database);

    await expect(moveItem(issue.id, stray.id, 0, database)).rejects.toThrow(/not an item/);
  });
});

describe('moveItemBy', () => {
  it('moves an item one step up or down, and stops at the ends', async () => {
    const { issue, drafts } = await issueWith(['A', 'B', 'C']);

    await moveItemBy(issue.id, drafts[1]!.id, -1, database, clock);
    expect(titles(await issueItems(issue.id, database))).toEqual(['B', 'A', 'C']);
    await moveItemBy(issue.id, drafts[1]!.id, -1, database, clock);
    expect(titles(await issueItems(issue.id, database))).toEqual(['B', 'A', 'C']);
    await moveItemBy(issue.id, drafts[0]!.id, +1, database, clock);
    expect(titles(await issueItems(issue.id, database))).toEqual(['B', 'C', 'A']);
  });
});

describe('checkIssue', () => {
  it('finds nothing wrong with a written, sourced item', async () => {
    const { issue, drafts } = await issueWith(['A']);

    expect(await checkIssue(issue.id, database)).toEqual({ [drafts[0]!.id]: [] });
  });

  it('reports an item without visible text', async () => {
    const { issue, drafts } = await issueWith(['A']);
    await database.clips.update(drafts[0]!.id, { body: '<p>&nbsp;</p><p><br></p>' });

    expect((await checkIssue(issue.id, database))[drafts[0]!.id]).toEqual([{ code: 'empty-text' }]);
  });

  it('reports an item with no http(s) source and no link', async () => {
    const { issue, drafts } = await issueWith(['A', 'B']);
    await database.clips.update(drafts[0]!.id, {
      sources: [{ url: 'chrome://version/', title: 'x' }],
    });
    await database.clips.update(drafts[1]!.id, {
      sources: [],
      body: '<p>Selon <a href="https://a.test/b">A</a></p>',
    });

    const checks = await checkIssue(issue.id, database);

    expect(checks[drafts[0]!.id]).toEqual([{ code: 'no-source' }]);
    expect(checks[drafts[1]!.id]).toEqual([]);
  });

  it('reports a source used by two items of the issue, however its URL is written', async () => {
    const { issue, drafts } = await issueWith(['A', 'B']);
    // Each names the other as the issue list does: by its label, else its first words.
    await database.clips.update(drafts[0]!.id, {
      body: '<p>Les baleines s’échouent</p>',
      sources: [...drafts[0]!.sources, { url: 'https://www.shared.test/x/#top', title: 'S' }],
    });
    await database.clips.update(drafts[1]!.id, {
      label: 'Les Maoris',
      sources: [...drafts[1]!.sources, { url: 'http://SHARED.test/x', title: 'S' }],
    });

    const checks = await checkIssue(issue.id, database);

    expect(checks[drafts[0]!.id]).toEqual([
      { code: 'duplicate-source', url: 'https://www.shared.test/x/#top', otherTitle: 'Les Maoris' },
    ]);
    expect(checks[drafts[1]!.id]).toEqual([
      {
        code: 'duplicate-source',
        url: 'http://SHARED.test/x',
        otherTitle: 'Les baleines s’échouent',
      },
    ]);
  });

  it('reports a source already used in an exported or published issue, not in an open one', async () => {
    const old = await issueWith(['Old item'], '2021-03-01');
    const open = await issueWith(['Open item'], '2021-03-08');
    const { issue, drafts } = await issueWith(['New item'], '2021-03-15');
    const shared = { url: 'https://shared.test/x', title: 'S' };
    for (const draft of [old.drafts[0]!, open.drafts[0]!, drafts[0]!]) {
      await database.clips.update(draft.id, { sources: [...draft.sources, shared] });
    }
    await database.clips.update(old.drafts[0]!.id, { label: 'Ancien indiscret' });
    const before = await checkIssue(issue.id, database);
    await markExported(old.issue.id, database, clock);

    const after = await checkIssue(issue.id, database);

    expect(before[drafts[0]!.id]).toEqual([]);
    expect(after[drafts[0]!.id]).toEqual([
      {
        code: 'already-exported',
        url: 'https://shared.test/x',
        otherTitle: 'Ancien indiscret',
        otherIssueTitle: 'Les indiscrets du 2021-03-01',
        otherIssueDate: '2021-03-01',
      },
    ]);
  });

  it('ignores trashed items, here and in other issues', async () => {
    const old = await issueWith(['Old item'], '2021-03-01');
    const { issue, drafts } = await issueWith(['A', 'B'], '2021-03-15');
    for (const draft of [old.drafts[0]!, ...drafts]) {
      await database.clips.update(draft.id, {
        sources: [{ url: 'https://shared.test/x', title: 'S' }],
      });
    }
    await markExported(old.issue.id, database, clock);
    await trashDraft(old.drafts[0]!.id, database, clock);
    await trashDraft(drafts[1]!.id, database, clock);

    expect(await checkIssue(issue.id, database)).toEqual({ [drafts[0]!.id]: [] });
  });
});
