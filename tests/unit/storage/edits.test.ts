import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndiscretsDB } from '../../../storage/db';
import { DraftNotFoundError, saveDraftEdit, updateDraft } from '../../../storage/drafts';
import { createIssue, saveIssueEdit, updateIssue } from '../../../storage/issues';
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

describe('revisions', () => {
  it('rise by one on every write of a draft or an issue, whoever makes it', async () => {
    const draft = await addDraft(database);
    expect(draft.rev).toBeUndefined();
    await updateDraft(draft.id, { title: 'Un' }, database, clock);
    await database.clips.update(draft.id, { issueId: 'i1' });
    expect((await database.clips.get(draft.id))!.rev).toBe(2);

    const issue = await createIssue({ title: 'N', date: '2021-03-15' }, database, clock);
    await updateIssue(issue.id, { title: 'N2' }, database, clock);
    expect((await database.issues.get(issue.id))!.rev).toBe(1);
  });
});

describe('saveDraftEdit', () => {
  it('writes the fields nobody else changed since the base', async () => {
    const draft = await addDraft(database, { title: 'Avant', note: '' });
    const result = await saveDraftEdit(
      draft.id,
      { title: 'Après', note: 'À vérifier' },
      { title: 'Avant', note: '' },
      database,
      clock,
    );
    expect(result.conflicts).toEqual([]);
    expect(result.draft).toMatchObject({ title: 'Après', note: 'À vérifier', rev: 1 });
  });

  it('leaves a field changed elsewhere as it is, and reports it', async () => {
    const draft = await addDraft(database, { title: 'Avant', note: '' });
    // Another view wrote the title after this one read it.
    await updateDraft(draft.id, { title: 'Leur titre' }, database, clock);

    const result = await saveDraftEdit(
      draft.id,
      { title: 'Mon titre', note: 'Ma note' },
      { title: 'Avant', note: '' },
      database,
      clock,
    );
    expect(result.conflicts).toEqual(['title']);
    expect(await database.clips.get(draft.id)).toMatchObject({
      title: 'Leur titre',
      note: 'Ma note',
    });
  });

  it('sees no conflict when the other view wrote the same value', async () => {
    const draft = await addDraft(database, { tags: ['tech'] });
    await updateDraft(draft.id, { tags: ['tech', 'cloud'] }, database, clock);
    const result = await saveDraftEdit(
      draft.id,
      { tags: ['tech', 'cloud'] },
      { tags: ['tech'] },
      database,
      clock,
    );
    expect(result.conflicts).toEqual([]);
  });

  it('rejects an edit of a draft that is gone', async () => {
    await expect(saveDraftEdit('nope', { title: 'x' }, { title: '' }, database)).rejects.toThrow(
      DraftNotFoundError,
    );
  });
});

describe('saveIssueEdit', () => {
  it('writes unchanged fields and reports those changed elsewhere', async () => {
    const issue = await createIssue({ title: 'N', date: '2021-03-15' }, database, clock);
    await updateIssue(issue.id, { intro: 'Leur chapô' }, database, clock);

    const result = await saveIssueEdit(
      issue.id,
      { title: 'Les indiscrets du 15 mars', intro: 'Mon chapô' },
      { title: 'N', intro: '' },
      database,
      clock,
    );
    expect(result.conflicts).toEqual(['intro']);
    expect(result.issue).toMatchObject({ title: 'Les indiscrets du 15 mars', intro: 'Leur chapô' });
  });
});
