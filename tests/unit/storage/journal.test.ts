import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndiscretsDB } from '../../../storage/db';
import {
  commitJournal,
  journalEdit,
  journalKey,
  pendingDrafts,
  readJournal,
  replayJournal,
} from '../../../storage/journal';
import { addDraft, freshDatabase } from './helpers';

let database: IndiscretsDB;

beforeEach(() => {
  localStorage.clear();
  database = freshDatabase();
});
afterEach(async () => {
  localStorage.clear();
  await database.delete();
});

describe('journalEdit', () => {
  it('writes the edit to localStorage at once, synchronously', () => {
    journalEdit('d1', { body: '<p>Mot</p>' }, () => '2021-03-15T08:00:00.000Z');

    expect(JSON.parse(localStorage.getItem('indiscrets:journal:d1')!)).toEqual({
      draftId: 'd1',
      patch: { body: '<p>Mot</p>' },
      at: '2021-03-15T08:00:00.000Z',
    });
  });

  it('merges successive patches, the latest winning, and stamps the latest time', () => {
    journalEdit('d1', { body: 'a', note: 'n' }, () => '2021-03-15T08:00:00.000Z');
    const entry = journalEdit('d1', { body: 'ab' }, () => '2021-03-15T08:00:01.000Z');

    expect(entry).toEqual({
      draftId: 'd1',
      patch: { body: 'ab', note: 'n' },
      at: '2021-03-15T08:00:01.000Z',
    });
    expect(readJournal('d1')).toEqual(entry);
  });

  it('keeps "remove this field" across JSON', () => {
    journalEdit('d1', { imageUrl: undefined });

    expect(readJournal('d1')!.patch).toEqual({ imageUrl: undefined });
    expect(Object.hasOwn(readJournal('d1')!.patch, 'imageUrl')).toBe(true);
  });
});

describe('commitJournal', () => {
  it('drops the entry once Dexie has it', () => {
    journalEdit('d1', { body: 'a' });

    commitJournal('d1');

    expect(localStorage.getItem(journalKey('d1'))).toBeNull();
  });

  it('keeps an edit journaled while the write was in flight', () => {
    const written = journalEdit('d1', { body: 'a' }, () => '2021-03-15T08:00:00.000Z');
    journalEdit('d1', { body: 'ab' }, () => '2021-03-15T08:00:01.000Z');

    commitJournal('d1', written.at);

    expect(readJournal('d1')!.patch).toEqual({ body: 'ab' });
  });
});

describe('replayJournal', () => {
  it('applies entries newer than the draft, stamped with their time, then clears them', async () => {
    const draft = await addDraft(database, { updatedAt: '2021-03-15T08:00:00.000Z' });
    journalEdit(
      draft.id,
      { body: '<p>Tapé avant la fermeture</p>' },
      () => '2021-03-15T08:05:00.000Z',
    );

    const applied = await replayJournal(database);

    expect(applied).toEqual([draft.id]);
    expect(await database.clips.get(draft.id)).toMatchObject({
      body: '<p>Tapé avant la fermeture</p>',
      updatedAt: '2021-03-15T08:05:00.000Z',
    });
    expect(pendingDrafts()).toEqual([]);
  });

  it('drops entries older than the draft: they were written, or overtaken', async () => {
    const draft = await addDraft(database, {
      body: '<p>Plus récent</p>',
      updatedAt: '2021-03-15T08:10:00.000Z',
    });
    journalEdit(draft.id, { body: '<p>Ancien</p>' }, () => '2021-03-15T08:05:00.000Z');

    const applied = await replayJournal(database);

    expect(applied).toEqual([]);
    expect((await database.clips.get(draft.id))!.body).toBe('<p>Plus récent</p>');
    expect(pendingDrafts()).toEqual([]);
  });

  it('drops entries of deleted drafts and unreadable entries, and leaves other keys alone', async () => {
    journalEdit('gone', { body: 'x' });
    localStorage.setItem(journalKey('broken'), '{not json');
    localStorage.setItem('someone-else', 'keep');

    expect(await replayJournal(database)).toEqual([]);
    expect(pendingDrafts()).toEqual([]);
    expect(localStorage.getItem('someone-else')).toBe('keep');
  });

  it('replays several drafts, and only their editable fields', async () => {
    const a = await addDraft(database, { updatedAt: '2021-03-15T08:00:00.000Z' });
    const b = await addDraft(database, { updatedAt: '2021-03-15T08:00:00.000Z' });
    journalEdit(a.id, { note: 'A' }, () => '2021-03-15T09:00:00.000Z');
    journalEdit(
      b.id,
      { tags: ['b'], issueId: 'sneaky' } as never,
      () => '2021-03-15T09:00:00.000Z',
    );

    const applied = await replayJournal(database);

    expect(applied.sort()).toEqual([a.id, b.id].sort());
    expect((await database.clips.get(a.id))!.note).toBe('A');
    expect(await database.clips.get(b.id)).toMatchObject({ tags: ['b'], issueId: '' });
  });
});

describe('the journal of an issue’s fields', () => {
  it('replays a title typed just before the page closed, and drops an older entry', async () => {
    const { createIssue, getIssue } = await import('../../../storage/issues');
    const { journalIssueEdit, readIssueJournal } = await import('../../../storage/journal');
    const fresh = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2021-03-15' },
      database,
      () => '2021-03-15T08:00:00.000Z',
    );
    const stale = await createIssue(
      { title: 'Ancien titre', date: '2021-03-08' },
      database,
      () => '2021-03-15T09:00:00.000Z',
    );
    journalIssueEdit(
      fresh.id,
      { title: 'Les indiscrets du 15 mars 2021' },
      () => '2021-03-15T08:30:00.000Z',
    );
    // Written to Dexie later than journaled: the journal's copy is outdated.
    journalIssueEdit(stale.id, { title: 'Plus ancien encore' }, () => '2021-03-15T08:30:00.000Z');

    const applied = await replayJournal(database);

    expect(applied).toEqual([fresh.id]);
    expect((await getIssue(fresh.id, database))?.title).toBe('Les indiscrets du 15 mars 2021');
    expect((await getIssue(stale.id, database))?.title).toBe('Ancien titre');
    expect(readIssueJournal(fresh.id)).toBeUndefined();
    expect(readIssueJournal(stale.id)).toBeUndefined();
  });
});
