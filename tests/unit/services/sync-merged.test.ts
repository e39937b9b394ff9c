import { afterEach, describe, expect, it } from 'vitest';
import { mergeTargets } from '../../../storage/draft-records';
import { mergeDrafts, restoreDraft, updateDraft } from '../../../storage/drafts';
import { addDraft } from '../storage/helpers';
import { closeDesks, TestDesk, twoDesks, twoShared } from './desks';
import type { FakeDesk, FakeDeskOptions } from './fake-desk';

/**
 * A draft merged into another (« Fusionner dans… ») goes to every desk's trash saying where its
 * content went: the outbox's delete carries the target, the trash sends it (`merged_into`), and
 * the desk that pulls it keeps it on the draft's desk mark, until the draft is restored.
 */

/** A lookup of one draft by its clientId. */
const lookup = /^GET \/indiscrets\/v1\/drafts$/;

describe('sync engine: a draft merged into another', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  function start(options: FakeDeskOptions = {}) {
    ({ server, a, b } = twoDesks(TestDesk, options));
  }
  afterEach(() => closeDesks(a, b));
  /** A's X, on B's desk too, then merged by A into Y, a draft B does not have yet. */
  async function mergedIntoNew() {
    await a.join();
    const x = await addDraft(a.db, { title: 'X', body: '<p>Texte X</p>' });
    await a.sync();
    await b.join();
    const y = await addDraft(a.db, { title: 'Y', body: '<p>Texte Y</p>' });
    await mergeDrafts(x.id, y.id, a.db);
    await a.sync();
    return { x, y };
  }
  /**
   * {@link mergedIntoNew}, then B's sync pulls X's trash without Y (still committing), and its
   * lookup of Y gets no answer (the connection drops).
   */
  async function pulledWithoutY() {
    const merged = await mergedIntoNew();
    server.committing.add(merged.y.id);
    server.loseAnswerOf = lookup;
    await b.sync();
    expect((await b.db.clips.get(merged.x.id))!.desk).toMatchObject({ mergedInto: merged.y.id });
    return merged;
  }
  /** How many drafts B's next sync looks up by clientId. */
  async function lookups() {
    server.log = [];
    await b.sync();
    return server.log.filter((line) => line === 'GET /indiscrets/v1/drafts').length;
  }

  it('A merges X into Y: the server and B’s trash say X went into Y, until B restores it', async () => {
    start();
    const { x, y } = await twoShared(a, b);
    await mergeDrafts(x.id, y.id, a.db);
    await a.sync();
    const remoteY = server.byClientId('drafts', y.id)!;
    expect(server.byClientId('drafts', x.id)).toMatchObject({
      status: 'trash',
      mergedInto: remoteY.id,
    });
    expect(remoteY.content).toContain('Texte X');

    await b.sync();
    const trashed = (await b.db.clips.get(x.id))!;
    expect(trashed.deletedAt).toBeTruthy();
    expect(trashed.desk).toMatchObject({ trashedBy: 'Rédaction', mergedInto: y.id });

    await restoreDraft(x.id, b.db);
    const back = (await b.db.clips.get(x.id))!;
    expect(back.deletedAt).toBeUndefined();
    expect(back.desk?.mergedInto).toBeUndefined();
    await b.sync();
    expect(server.byClientId('drafts', x.id)).toMatchObject({ status: 'draft' });
    expect(server.byClientId('drafts', x.id)!.mergedInto).toBeUndefined();
  });

  it('B pulls X’s trash while Y, new to B, is still committing on the desk: the same sync asks for Y, and X names a draft B has', async () => {
    start();
    const { x, y } = await mergedIntoNew();
    expect(server.byClientId('drafts', x.id)!.mergedInto).toBe(
      server.byClientId('drafts', y.id)!.id,
    );
    server.committing.add(y.id);

    server.log = [];
    await b.sync();
    expect((await b.db.clips.get(x.id))!.desk).toMatchObject({ mergedInto: y.id });
    const got = (await b.db.clips.get(y.id))!;
    expect(got.title).toBe('Y');
    expect(got.body).toContain('Texte X');
    // One lookup of Y, by its clientId.
    expect(server.log.filter((line) => line === 'GET /indiscrets/v1/drafts')).toHaveLength(1);

    // Committed: the next polls bring Y again, taken as already here; nothing is asked or sent.
    server.committing.clear();
    server.log = [];
    await b.sync();
    server.now += 60_000;
    await b.sync();
    expect(server.log.every((line) => line.startsWith('GET /indiscrets/v1/changes'))).toBe(true);
    expect(await b.db.outbox.count()).toBe(0);
    expect(await b.db.conflicts.count()).toBe(0);
    expect(server.all('drafts')).toHaveLength(2);
  });

  it('Y unanswered, then B’s background starts again: its first sync asks for Y, still left out of the listings', async () => {
    start();
    const { y } = await pulledWithoutY();

    // Nor at the next sync, which brings a later draft Z: the pulls' cursor is past X's trash now.
    server.now += 60_000;
    const z = await addDraft(a.db, { title: 'Z', body: '<p>Texte Z</p>' });
    await a.sync();
    server.loseAnswerOf = lookup;
    expect(await lookups()).toBe(1);
    expect(await b.db.clips.get(z.id)).toBeTruthy();
    expect(await b.db.clips.get(y.id)).toBeUndefined();

    // B's background starts again: its first sync asks for Y, from the trash's desk marks.
    b.restart();
    expect(await lookups()).toBe(1);
    expect((await b.db.clips.get(y.id))!.body).toContain('Texte X');

    // Here now: the next start does not ask for it again.
    b.restart();
    expect(await lookups()).toBe(0);
  });

  it('Y deleted for good on the desk before B got it: asked at two polls, then X says so and no start asks again; Y sent again comes', async () => {
    start();
    const { x, y } = await pulledWithoutY();
    // The lookup unanswered again, at a poll whose cursor goes past X's trash; then Y is deleted
    // for good (which X's trash on the desk no longer says, unchanged since).
    server.now += 60_000;
    server.loseAnswerOf = lookup;
    await b.sync();
    server.committing.clear();
    server.purge('drafts', y.id);
    const gone = async () => (await b.db.clips.get(x.id))!.desk?.mergedIntoGone;

    // One answer « none » may be a write still committing: asked again at the next poll.
    expect(await lookups()).toBe(1);
    expect(await gone()).toBeUndefined();
    expect(await lookups()).toBe(1);
    expect((await b.db.clips.get(x.id))!.desk).toMatchObject({
      mergedInto: y.id,
      mergedIntoGone: true,
    });
    expect(await mergeTargets([(await b.db.clips.get(x.id))!], b.db)).toEqual(
      new Map([[x.id, { id: y.id, by: 'Rédaction', byId: 1, gone: true }]]),
    );
    expect(await lookups()).toBe(0);
    b.restart();
    expect(await lookups()).toBe(0);
    expect(await b.db.outbox.count()).toBe(0);

    // A had written on Y meanwhile: sent again, it reaches B by the pull, and X names it.
    server.offline = true;
    await updateDraft(y.id, { body: '<p>Texte Y, revu par A</p>' }, a.db);
    server.offline = false;
    await a.sync();
    expect(server.byClientId('drafts', y.id)).toBeTruthy();
    expect(await lookups()).toBe(0);
    expect((await b.db.clips.get(y.id))!.body).toBe('<p>Texte Y, revu par A</p>');
    expect(await mergeTargets([(await b.db.clips.get(x.id))!], b.db)).toEqual(
      new Map([[x.id, { id: y.id, title: 'Y', by: 'Rédaction', byId: 1 }]]),
    );
  });

  it('a target B has, or has deleted since, is not asked for', async () => {
    start();
    const { x, y } = await twoShared(a, b);
    await mergeDrafts(x.id, y.id, a.db);
    await a.sync();
    // B deleted Y for good meanwhile, offline: the desk is not asked for it back.
    server.offline = true;
    await b.db.clips.delete(y.id);
    server.offline = false;
    server.committing.add(y.id);
    server.log = [];
    await b.sync();
    expect((await b.db.clips.get(x.id))!.desk).toMatchObject({ mergedInto: y.id });
    expect(server.log.filter((line) => line === 'GET /indiscrets/v1/drafts')).toHaveLength(0);
  });

  it('a merge made offline sends its target when the outbox is flushed', async () => {
    start();
    const { x, y } = await twoShared(a, b);
    server.offline = true;
    await mergeDrafts(x.id, y.id, a.db);
    await a.sync();
    expect(await a.db.outbox.get(`draft:${x.id}`)).toMatchObject({
      op: 'delete',
      mergedInto: y.id,
    });
    server.offline = false;
    await a.sync();
    expect(server.byClientId('drafts', x.id)!.mergedInto).toBe(
      server.byClientId('drafts', y.id)!.id,
    );
    await b.sync();
    expect((await b.db.clips.get(x.id))!.desk?.mergedInto).toBe(y.id);
  });

  it('a merge made while the shared desk was off sends its target when it is turned on again', async () => {
    start();
    const { x, y } = await twoShared(a, b);
    await a.engine.disable();
    await mergeDrafts(x.id, y.id, a.db);
    expect(await a.db.outbox.count()).toBe(0);
    await a.join();
    expect(server.byClientId('drafts', x.id)).toMatchObject({
      status: 'trash',
      mergedInto: server.byClientId('drafts', y.id)!.id,
    });
    await b.sync();
    expect((await b.db.clips.get(x.id))!.desk?.mergedInto).toBe(y.id);
  });

  it('a target the desk refuses (B trashed it meanwhile) still lets the merged draft go to the trash', async () => {
    start();
    const { x, y } = await twoShared(a, b);
    server.offline = true;
    await mergeDrafts(x.id, y.id, a.db);
    // Only X's delete waits (as if Y's merged text had gone up already); then B trashes Y.
    await a.db.outbox.delete(`draft:${y.id}`);
    server.edit('drafts', y.id, 'auteur', { status: 'trash' });
    server.offline = false;
    await a.sync();
    expect(server.byClientId('drafts', x.id)!.status).toBe('trash');
    expect(server.byClientId('drafts', x.id)!.mergedInto).toBeUndefined();
    expect(
      server.log.filter(
        (line) => line === `DELETE /indiscrets/v1/drafts/${server.byClientId('drafts', x.id)!.id}`,
      ),
    ).toHaveLength(2);
    expect(await a.db.outbox.count()).toBe(0);
    expect((await a.engine.status()).pending).toBe(0);
  });

  it('with a plugin older than 0.1.3 the merged draft still goes to the trash, without the target', async () => {
    start({ olderPlugin: true });
    const { x, y } = await twoShared(a, b);
    await mergeDrafts(x.id, y.id, a.db);
    await a.sync();
    expect(server.byClientId('drafts', x.id)!.status).toBe('trash');
    expect(await a.db.outbox.count()).toBe(0);
    await b.sync();
    const trashed = (await b.db.clips.get(x.id))!;
    expect(trashed.deletedAt).toBeTruthy();
    expect(trashed.desk?.trashedBy).toBe('Rédaction');
    expect(trashed.desk?.mergedInto).toBeUndefined();
    expect((await b.db.clips.get(y.id))!.body).toContain('Texte X');
  });
});
