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
import { removeItems } from '../../../storage/remove-undo';
import { SYNC_OFF, type SyncTakenOut } from '../../../storage/sync-state';
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
    // As it was, but for version 7's pairs of words (none here: one-word texts), one revision.
    expect(await database.clips.get('d1')).toEqual({ ...draft, wordPairs: [], rev: 5 });
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

  it('says on a deleted issue’s delete which items it let go, not one taken out before, and forgets them when undone', async () => {
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, database);
    const kept = await addDraft(database);
    const trashed = await addDraft(database);
    const out = await addDraft(database);
    for (const draft of [kept, trashed, out]) await addToIssue(draft.id, issue.id, database);
    await turnOn();
    await trashDraft(trashed.id, database);
    await removeItems([out.id], database);

    const token = await deleteIssue(issue.id, database);

    const entry = await database.outbox.get(`issue:${issue.id}`);
    expect(entry?.op).toBe('delete');
    expect([...(entry?.released ?? [])].sort()).toEqual([kept.id, trashed.id].sort());
    await undo(token!, database);
    const back = await database.outbox.get(`issue:${issue.id}`);
    expect(back?.op).toBe('upsert');
    expect(back?.released).toBeUndefined();
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
    // Pushed after its deletion, the issue is restored from the server's trash (services/sync/).
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

/**
 * An item a colleague took out of an issue (its notice in `SyncState.takenOut`) and put back in
 * that issue here loses its notice with the write that puts it back, whatever the way back and
 * with no view drawing it: taken out again before a sync, the old news is not said as new.
 */
describe('outbox › an item put back in its issue forgets its notice', () => {
  let database: IndiscretsDB;
  beforeEach(() => {
    database = freshDatabase();
  });
  afterEach(async () => {
    database.close();
    await Dexie.delete(database.name);
  });

  const notice = (recordId: string, issueId: string, to: SyncTakenOut['to'] = 'inbox') =>
    ({
      key: `draft:${recordId}`,
      recordId,
      issueId,
      title: 'Bpifrance recrute',
      to,
      by: 'Paul Martin',
      at: '2026-03-15T10:00:00.000Z',
    }) satisfies SyncTakenOut;

  /**
   * The 15th's issue with item `stays`; `out`, taken out of it by Paul Martin as `to` says
   * (`place` puts it there), and the notices of the sync state: `out`'s, and one in the 22nd's.
   */
  async function takenOut(to: SyncTakenOut['to'] = 'inbox', enabled = true) {
    const issue = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2026-03-15' },
      database,
    );
    const other = await createIssue(
      { title: 'Les indiscrets du 22 mars', date: '2026-03-22' },
      database,
    );
    const stays = await addDraft(database, { title: 'OVH reste' });
    await addToIssue(stays.id, issue.id, database);
    const out = await addDraft(database, { title: 'Bpifrance recrute' });
    const elsewhere = await addDraft(database, { title: 'Ailleurs' });
    await quietly(database, ['clips', 'issues', 'outbox', 'syncState'], async () => {
      // As the pull that took them out left them.
      if (to === 'issue') await addToIssue(out.id, other.id, database);
      if (to === 'trash') {
        await addToIssue(out.id, issue.id, database);
        await trashDraft(out.id, database);
      }
      await database.syncState.put({
        ...SYNC_OFF,
        enabled,
        takenOut: [notice(out.id, issue.id, to), notice(elsewhere.id, other.id)],
      });
    });
    return { issue, other, stays, out, elsewhere };
  }

  const keys = async () =>
    ((await database.syncState.get('desk'))?.takenOut ?? []).map((n) => n.recordId);

  it('« Ajouter au numéro »: goes with the write, the other issue’s notice stays', async () => {
    const { issue, out, elsewhere } = await takenOut();
    await addToIssue(out.id, issue.id, database);
    expect(await keys()).toEqual([elsewhere.id]);
  });

  it('a drop in its place (added, then moved): goes', async () => {
    const { issue, out, elsewhere } = await takenOut();
    await database.transaction('rw', database.clips, database.issues, async () => {
      await addToIssue(out.id, issue.id, database);
      await moveItem(issue.id, out.id, 0, database);
    });
    expect(await keys()).toEqual([elsewhere.id]);
  });

  it('« Annuler » of this editor’s own « Retirer » after putting it back: gone, not said again', async () => {
    const { issue, out, elsewhere } = await takenOut();
    await addToIssue(out.id, issue.id, database);
    const token = await removeItems([out.id], database);
    // Taken out again, by this editor: the colleague's notice does not come back.
    expect(await keys()).toEqual([elsewhere.id]);
    await undo(token!, database);
    expect((await database.clips.get(out.id))?.issueId).toBe(issue.id);
    expect(await keys()).toEqual([elsewhere.id]);
  });

  it('« Annuler » that puts it back (a trash undone): goes', async () => {
    const { issue, out, elsewhere } = await takenOut('trash');
    // The editor trashed it again here (in the trash already: nothing changes), then undid a
    // trash of it made when it was in the issue, as the undo bar keeps it.
    const trashed = await database.clips.get(out.id);
    await undo(
      {
        label: 'trash',
        before: [{ ...trashed!, deletedAt: undefined, issueId: issue.id }],
        after: [],
      },
      database,
    );
    expect(await keys()).toEqual([elsewhere.id]);
  });

  it('restored from the trash, back in its place in the issue: goes', async () => {
    const { out, elsewhere } = await takenOut('trash');
    await restoreDraft(out.id, database);
    expect(await keys()).toEqual([elsewhere.id]);
  });

  it('moved back from the issue it went to (« Déplacer vers… »): goes', async () => {
    const { issue, out, elsewhere } = await takenOut('issue');
    await addToIssue(out.id, issue.id, database);
    expect(await keys()).toEqual([elsewhere.id]);
  });

  it('with the shared desk off too: a notice kept from before would come back with it', async () => {
    const { issue, out, elsewhere } = await takenOut('inbox', false);
    await addToIssue(out.id, issue.id, database);
    expect(await keys()).toEqual([elsewhere.id]);
    expect(await database.outbox.count()).toBe(0);
  });

  it('stays for a write that leaves it out: edited in the inbox, put in another issue, the trash', async () => {
    const { other, out, elsewhere } = await takenOut();
    await updateDraft(out.id, { title: 'Bpifrance recrute encore' }, database);
    await addToIssue(out.id, other.id, database);
    await trashDraft(out.id, database);
    expect(await keys()).toEqual([out.id, elsewhere.id]);
  });

  it('the sync engine’s own writes leave it to the engine (services/sync/)', async () => {
    const { issue, out } = await takenOut();
    await quietly(database, ['clips', 'outbox', 'syncState'], () =>
      database.clips.update(out.id, { issueId: issue.id, sortKey: 'b0' }),
    );
    expect(await keys()).toContain(out.id);
  });
});
