import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockedBy } from '../../../components/DeskMarks';
import { MERGE_CHECK_MARK_MS, MERGE_CHECK_MS } from '../../../services/sync';
import { addDraft } from '../storage/helpers';
import { closeDesks, TestDesk, twoDesks, twoShared } from './desks';
import type { FakeDesk } from './fake-desk';

/**
 * Before a merge, the engine asks WordPress who has the two drafts open right now (`mergeCheck`):
 * a lock a colleague took after the last sync refuses it, and is marked; this user's own lock,
 * the shared desk off, offline or a desk too slow to answer let it go on.
 */

describe('sync engine: who has a draft open, asked before a merge', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  it('B opened Y after A’s last sync: refused, B named, and Y marked as open by B', async () => {
    const { x, y } = await twoShared(a, b);
    expect((await a.db.clips.get(y.id))!.desk?.lock).toBeUndefined();
    await b.engine.lock('draft', y.id);

    server.log = [];
    const check = await a.engine.mergeCheck(x.id, y.id);

    expect(check).toMatchObject({ ok: false, code: 'locked', which: 'target' });
    expect(check.ok === false && check.lock.by).toBe('Auteur');
    // Read-only: two GETs, no lock taken by A.
    expect(server.log.every((line) => line.startsWith('GET ') && line.endsWith('/lock'))).toBe(
      true,
    );
    expect(server.log).toHaveLength(2);
    expect(server.byClientId('drafts', y.id)!.lock).toMatchObject({ user: 2 });
    expect((await a.db.clips.get(y.id))!.desk?.lock).toMatchObject({ by: 'Auteur' });
    expect((await a.engine.state()).locks).toEqual([`draft:${y.id}`]);
  });

  it(`the mark lapses after ${MERGE_CHECK_MARK_MS / 1000} s, as a lock the polls saw is checked again; a sync that sees it still held gives it the lock’s own expiry, and a merge tried again marks it again`, async () => {
    // Locks last 150 s by the desk's clock: the desk reads them by this browser's.
    server.now = Date.now();
    const { x, y } = await twoShared(a, b);
    await b.engine.lock('draft', y.id);

    const asked = Date.now();
    await a.engine.mergeCheck(x.id, y.id);
    const marked = (await a.db.clips.get(y.id))!.desk!;
    const lapse = Date.parse(marked.lock!.expires);
    expect(lapse).toBeGreaterThanOrEqual(asked + MERGE_CHECK_MARK_MS);
    expect(lapse).toBeLessThanOrEqual(Date.now() + MERGE_CHECK_MARK_MS);
    // Held on WordPress for 150 s: the mark goes after 30 s all the same, the draft free again.
    expect(lockedBy(marked, lapse - 1)).toBe('Auteur');
    expect(lockedBy(marked, lapse)).toBeUndefined();

    // A sync sees it still held: marked as any lock it sees, until the lock's own expiry.
    await a.sync();
    const seen = (await a.db.clips.get(y.id))!.desk!.lock!;
    expect(Date.parse(seen.expires)).toBe(server.byClientId('drafts', y.id)!.lock!.since + 150_000);
    expect(Date.parse(seen.expires)).toBeGreaterThan(lapse);
    expect(lockedBy({ remoteId: 1, lock: seen }, lapse)).toBe('Auteur');

    // B closes Y; A's merge tried again finds it free: nothing marked, nothing greyed.
    await b.engine.lock('draft', y.id, true);
    expect(await a.engine.mergeCheck(x.id, y.id)).toEqual({ ok: true });
    // B opens it again: the merge tried again is refused again, and the mark bounded again.
    await b.engine.lock('draft', y.id);
    await a.engine.mergeCheck(x.id, y.id);
    const again = (await a.db.clips.get(y.id))!.desk!.lock!;
    expect(Date.parse(again.expires)).toBeLessThanOrEqual(Date.now() + MERGE_CHECK_MARK_MS);
  });

  it('B opened X, the draft merged: refused too, saying it is the source', async () => {
    const { x, y } = await twoShared(a, b);
    await b.engine.lock('draft', x.id);

    const check = await a.engine.mergeCheck(x.id, y.id);

    expect(check).toMatchObject({ ok: false, which: 'source', lock: { by: 'Auteur' } });
  });

  it('nobody else has them open (A has X open itself): ok', async () => {
    const { x, y } = await twoShared(a, b);
    await a.engine.lock('draft', x.id);

    expect(await a.engine.mergeCheck(x.id, y.id)).toEqual({ ok: true });
  });

  it('B closed Y again: ok', async () => {
    const { x, y } = await twoShared(a, b);
    await b.engine.lock('draft', y.id);
    await b.engine.lock('draft', y.id, true);

    expect(await a.engine.mergeCheck(x.id, y.id)).toEqual({ ok: true });
  });

  it('offline: ok at once, without asking', async () => {
    const { x, y } = await twoShared(a, b);
    await b.engine.lock('draft', y.id);
    server.offline = true;

    const started = Date.now();
    expect(await a.engine.mergeCheck(x.id, y.id)).toEqual({ ok: true });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it(`the desk does not answer: ok after ${MERGE_CHECK_MS} ms at most`, async () => {
    const { x, y } = await twoShared(a, b);
    await b.engine.lock('draft', y.id);
    server.hang = /\/lock$/;

    const started = Date.now();
    expect(await a.engine.mergeCheck(x.id, y.id)).toEqual({ ok: true });
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(MERGE_CHECK_MS - 100);
    expect(waited).toBeLessThan(MERGE_CHECK_MS + 2000);
  }, 10_000);

  it('shared desk off, or drafts the desk never had: ok, nothing asked', async () => {
    const { x, y } = await twoShared(a, b);
    await b.engine.lock('draft', y.id);
    const fresh = await addDraft(a.db, { title: 'Nouveau' });

    server.log = [];
    expect(await a.engine.mergeCheck(fresh.id, fresh.id)).toEqual({ ok: true });
    expect(server.log).toEqual([]);
    await a.engine.disable();
    expect(await a.engine.mergeCheck(x.id, y.id)).toEqual({ ok: true });
    expect(server.log).toEqual([]);
  });
});
