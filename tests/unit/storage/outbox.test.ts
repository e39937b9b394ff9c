import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndiscretsDB } from '../../../storage/db';
import {
  mergeDrafts,
  purgeTrash,
  restoreDraft,
  trashDraft,
  undo,
  updateDraft,
} from '../../../storage/drafts';
import {
  addToIssue,
  createIssue,
  deleteIssue,
  moveItem,
  updateIssue,
} from '../../../storage/issues';
import { onOutboxWrite, quietly } from '../../../storage/outbox';
import { SYNC_OFF } from '../../../storage/sync-state';
import { addDraft, freshDatabase } from './helpers';

describe('IndiscretsDB migration v2 → v3 (shared desk tables)', () => {
  const name = `test-${crypto.randomUUID()}`;
  afterEach(() => Dexie.delete(name));

  it('keeps drafts and issues as they were and adds empty sync tables', async () => {
    // The database as version 2 of the extension left it.
    const v2 = new Dexie(name);
    v2.version(2).stores({
      clips:
        'id, url, createdAt, updatedAt, status, siteName, *tags, issueId, [issueId+sortKey], ' +
        '[issueId+createdAt], [issueId+deletedAt], deletedAt, *words, *sourceUrls',
      issues: 'id, date, createdAt, status',
    });
    const draft = {
      id: 'd1',
      url: 'https://exemple.fr/a',
      title: 'A',
      quotes: [],
      provenance: {},
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
      body: '<p>A</p>',
      sources: [],
      note: 'privé',
      tags: ['x'],
      status: 'draft',
      issueId: 'i1',
      sortKey: 'a0',
      // As every version derives them (version 5 derives them again, and rewrites a draft only
      // if they differ).
      words: ['prive'],
      sourceUrls: [],
      rev: 4,
    };
    const issue = {
      id: 'i1',
      title: 'Les indiscrets du 15 mars',
      date: '2026-03-15',
      intro: '',
      status: 'open',
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
    };
    await v2.table('clips').add(draft);
    await v2.table('issues').add(issue);
    v2.close();

    const database = new IndiscretsDB(name);
    expect(await database.clips.get('d1')).toEqual(draft);
    expect(await database.issues.get('i1')).toEqual(issue);
    expect(database.verno).toBeGreaterThanOrEqual(3);
    expect(await database.outbox.count()).toBe(0);
    expect(await database.syncRecords.count()).toBe(0);
    expect(await database.syncState.get('desk')).toBeUndefined();
    // The new index answers: the pull finds a record by the server's id.
    await database.syncRecords.add({
      key: 'draft:d1',
      kind: 'draft',
      recordId: 'd1',
      remoteId: 42,
      version: 1,
      modifiedGmt: '2026-03-01T00:00:00',
      base: {},
    });
    expect(
      await database.syncRecords.where('[kind+remoteId]').equals(['draft', 42]).first(),
    ).toMatchObject({ recordId: 'd1' });
    database.close();
  });
});

describe('outbox', () => {
  let database: IndiscretsDB;
  beforeEach(() => {
    database = freshDatabase();
  });
  afterEach(async () => {
    database.close();
    await Dexie.delete(database.name);
  });

  const turnOn = () => database.syncState.put({ ...SYNC_OFF, enabled: true });

  it('queues nothing while sync is off: writes behave exactly as before', async () => {
    const draft = await addDraft(database);
    await updateDraft(draft.id, { title: 'Nouveau' }, database);
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, database);
    await addToIssue(draft.id, issue.id, database);
    expect(await database.outbox.count()).toBe(0);
    expect(await database.clips.get(draft.id)).toMatchObject({ title: 'Nouveau', rev: 2 });
  });

  it('queues every local write of a draft or an issue once sync is on', async () => {
    await turnOn();
    const draft = await addDraft(database);
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, database);
    expect((await database.outbox.toArray()).map((e) => [e.key, e.op])).toEqual([
      [`draft:${draft.id}`, 'upsert'],
      [`issue:${issue.id}`, 'upsert'],
    ]);
  });

  it('coalesces writes to one record into one entry whose seq rises', async () => {
    await turnOn();
    const draft = await addDraft(database);
    await updateDraft(draft.id, { title: 'Un' }, database);
    await updateDraft(draft.id, { title: 'Deux' }, database);
    const entries = await database.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ key: `draft:${draft.id}`, seq: 3, op: 'upsert' });
  });

  it('queues the item whose fractional order key a move changed, and no other', async () => {
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, database);
    const a = await addDraft(database);
    const b = await addDraft(database);
    const c = await addDraft(database);
    for (const d of [a, b, c]) await addToIssue(d.id, issue.id, database);
    await turnOn();
    await moveItem(issue.id, c.id, 0, database);
    expect((await database.outbox.toArray()).map((e) => e.recordId)).toEqual([c.id]);
  });

  it('queues trash, restore, and a delete (merge, purge, deleted issue) as a delete', async () => {
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, database);
    const a = await addDraft(database);
    const b = await addDraft(database);
    const old = await addDraft(database, { deletedAt: '2020-01-01T00:00:00.000Z' });
    await addToIssue(a.id, issue.id, database);
    await turnOn();
    await trashDraft(a.id, database);
    await restoreDraft(a.id, database);
    await mergeDrafts(b.id, a.id, database);
    await purgeTrash(new Date('2026-03-01T00:00:00.000Z'), 30, database);
    await deleteIssue(issue.id, database);
    const ops = Object.fromEntries(
      (await database.outbox.toArray()).map((e) => [e.recordId, e.op]),
    );
    expect(ops).toEqual({
      [a.id]: 'upsert',
      [b.id]: 'delete',
      [old.id]: 'delete',
      [issue.id]: 'delete',
    });
  });

  it('says on a merged draft’s delete which draft it went into, and drops it when the merge is undone', async () => {
    const target = await addDraft(database);
    const source = await addDraft(database);
    const plain = await addDraft(database);
    await turnOn();
    const token = await mergeDrafts(source.id, target.id, database);
    await trashDraft(plain.id, database);
    expect(await database.outbox.get(`draft:${source.id}`)).toMatchObject({
      op: 'delete',
      mergedInto: target.id,
    });
    expect((await database.outbox.get(`draft:${plain.id}`))?.mergedInto).toBeUndefined();
    expect((await database.outbox.get(`draft:${target.id}`))?.mergedInto).toBeUndefined();
    await undo(token, database);
    const back = await database.outbox.get(`draft:${source.id}`);
    expect(back?.op).toBe('upsert');
    expect(back?.mergedInto).toBeUndefined();
  });

  it('sync off: a merged draft the desk has keeps where it went on its sync record, and nothing is queued', async () => {
    const target = await addDraft(database);
    const source = await addDraft(database);
    const local = await addDraft(database);
    const synced = {
      kind: 'draft' as const,
      remoteId: 812,
      version: 3,
      modifiedGmt: '2026-03-15T10:00:00',
      base: {},
    };
    await database.syncRecords.put({ ...synced, key: `draft:${source.id}`, recordId: source.id });
    await mergeDrafts(source.id, target.id, database);
    await mergeDrafts(local.id, target.id, database);
    expect(await database.outbox.count()).toBe(0);
    expect((await database.syncRecords.get(`draft:${source.id}`))?.mergedInto).toBe(target.id);
    expect(await database.syncRecords.get(`draft:${local.id}`)).toBeUndefined();
  });

  it('sync off: undoing the merge forgets where the draft went', async () => {
    const target = await addDraft(database);
    const source = await addDraft(database);
    await database.syncRecords.put({
      key: `draft:${source.id}`,
      kind: 'draft',
      recordId: source.id,
      remoteId: 812,
      version: 3,
      modifiedGmt: '2026-03-15T10:00:00',
      base: {},
    });
    const token = await mergeDrafts(source.id, target.id, database);
    await undo(token, database);
    const sync = await database.syncRecords.get(`draft:${source.id}`);
    expect(sync).toMatchObject({ remoteId: 812, version: 3 });
    expect(sync && 'mergedInto' in sync).toBe(false);
  });

  it('queues a deleted issue put back by Undo, and its item, as upserts', async () => {
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, database);
    const a = await addDraft(database);
    await addToIssue(a.id, issue.id, database);
    await turnOn();
    const token = await deleteIssue(issue.id, database);
    await undo(token!, database);
    const ops = Object.fromEntries(
      (await database.outbox.toArray()).map((e) => [e.recordId, e.op]),
    );
    // Pushed after its deletion, the issue is restored from the server's trash (services/sync.ts).
    expect(ops).toEqual({ [a.id]: 'upsert', [issue.id]: 'upsert' });
  });

  it('keeps a record blocked by a conflict blocked when the editor writes it again', async () => {
    await turnOn();
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, database);
    await database.outbox.update(`issue:${issue.id}`, { blocked: 'conflict' });
    await updateIssue(issue.id, { title: 'M' }, database);
    expect(await database.outbox.get(`issue:${issue.id}`)).toMatchObject({
      blocked: 'conflict',
      seq: 2,
    });
  });

  it('sees sync turned on or off by the same transaction before its next write', async () => {
    const draft = await addDraft(database);
    // The first read of drafts starts reading the sync state ahead (off here): the write of the
    // sync state that follows must win over that read.
    await database.transaction('rw', database.clips, database.syncState, async () => {
      await database.clips.get(draft.id);
      await database.syncState.put({ ...SYNC_OFF, enabled: true });
      await database.clips.update(draft.id, { title: 'Un' });
    });
    expect((await database.outbox.toArray()).map((e) => e.key)).toEqual([`draft:${draft.id}`]);
    await database.outbox.clear();
    await database.transaction('rw', database.clips, database.syncState, async () => {
      await database.clips.get(draft.id);
      await database.syncState.put({ ...SYNC_OFF });
      await database.clips.update(draft.id, { title: 'Deux' });
    });
    expect(await database.outbox.count()).toBe(0);
  });

  it('does not queue the sync engine’s own writes', async () => {
    await turnOn();
    const draft = await addDraft(database);
    await database.outbox.clear();
    await quietly(database, ['clips', 'outbox', 'syncState'], () =>
      database.clips.update(draft.id, { title: 'Du serveur' }),
    );
    expect(await database.outbox.count()).toBe(0);
    expect(await database.clips.get(draft.id)).toMatchObject({ title: 'Du serveur' });
  });

  it('tells listeners once the transaction that queued has committed', async () => {
    await turnOn();
    let calls = 0;
    const off = onOutboxWrite(() => (calls += 1));
    const draft = await addDraft(database);
    await database.clips.update(draft.id, { title: 'x' });
    off();
    await database.clips.update(draft.id, { title: 'y' });
    expect(calls).toBe(2);
  });
});
