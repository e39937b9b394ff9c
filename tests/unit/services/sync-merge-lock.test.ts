import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MERGE_CHECK_MS } from '../../../services/sync';
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
