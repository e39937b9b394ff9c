import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerHandlers, sendMessage } from '../../../messaging/protocol';
import { handlers } from '../../../services/handlers';
import { MERGE_CHECK_MS, SyncEngine } from '../../../services/sync';
import { trashDraft } from '../../../storage/drafts';
import { addToIssue, createIssue } from '../../../storage/issues';
import { addDraft } from '../storage/helpers';
import { closeDesks, TestDesk, twoDesks } from './desks';
import type { FakeDesk } from './fake-desk';

/**
 * Before publishing an issue, the engine asks WordPress who has the issue or one of its items
 * open right now (`publishCheck`): a colleague's lock, taken since the last sync or not, is
 * answered with who holds it (and marked, as a merge check marks it); this user's own locks,
 * the shared desk off, offline or a desk too slow to answer let the publication go on.
 */

describe('sync engine: who has an issue being published open, asked before publishing', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  /** An issue of A's with items X, Y and Z, on both desks; W, a draft outside it. */
  async function sharedIssue() {
    const issue = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2027-03-15' },
      a.db,
    );
    const x = await addDraft(a.db, { title: 'X', body: '<p>Texte X</p>' });
    const y = await addDraft(a.db, { title: 'Y', body: '<p>Texte Y</p>' });
    const z = await addDraft(a.db, { title: 'Z', body: '<p>Texte Z</p>' });
    const w = await addDraft(a.db, { title: 'W', body: '<p>Texte W</p>' });
    for (const item of [x, y, z]) await addToIssue(item.id, issue.id, a.db);
    await a.join();
    await b.join();
    return { issue, x, y, z, w };
  }

  it('B opened Y after A’s last sync: B named, Y said, in one read-only request; Y marked', async () => {
    const { issue, y } = await sharedIssue();
    await b.engine.lock('draft', y.id);

    server.log = [];
    const check = await a.engine.publishCheck(issue.id);

    expect(check).toEqual({
      ok: false,
      code: 'locked',
      open: [{ kind: 'draft', id: y.id, by: 'Auteur', userId: 2 }],
    });
    expect(server.log).toEqual(['GET /indiscrets/v1/changes']);
    expect((await a.db.clips.get(y.id))!.desk?.lock).toMatchObject({ by: 'Auteur' });
  });

  it('B has the issue and two items open: the issue first, then the items in the issue’s order', async () => {
    const { issue, x, z } = await sharedIssue();
    await b.engine.lock('draft', z.id);
    await b.engine.lock('draft', x.id);
    await b.engine.lock('issue', issue.id);

    const check = await a.engine.publishCheck(issue.id);

    expect(check.ok === false && check.open.map((lock) => [lock.kind, lock.id])).toEqual([
      ['issue', issue.id],
      ['draft', x.id],
      ['draft', z.id],
    ]);
  });

  it('A’s own locks (the draft open here, or in another window) never count', async () => {
    const { issue, x, y } = await sharedIssue();
    await a.engine.lock('draft', x.id);
    await a.engine.lock('issue', issue.id);

    expect(await a.engine.publishCheck(issue.id)).toEqual({ ok: true });
    // …but a colleague's beside them does.
    await b.engine.lock('draft', y.id);
    const check = await a.engine.publishCheck(issue.id);
    expect(check.ok === false && check.open.map((lock) => lock.id)).toEqual([y.id]);
  });

  it('B has a draft open that is not in the issue, or one in the trash: ok', async () => {
    const { issue, y, w } = await sharedIssue();
    await b.engine.lock('draft', w.id);
    expect(await a.engine.publishCheck(issue.id)).toEqual({ ok: true });

    // Y trashed here, not yet on the desk: not published, so not asked about.
    await b.engine.lock('draft', y.id);
    await trashDraft(y.id, a.db);
    expect(await a.engine.publishCheck(issue.id)).toEqual({ ok: true });
  });

  it('B closed Y again: ok', async () => {
    const { issue, y } = await sharedIssue();
    await b.engine.lock('draft', y.id);
    await b.engine.lock('draft', y.id, true);

    expect(await a.engine.publishCheck(issue.id)).toEqual({ ok: true });
  });

  it('offline: ok', async () => {
    const { issue, y } = await sharedIssue();
    await b.engine.lock('draft', y.id);
    server.offline = true;

    expect(await a.engine.publishCheck(issue.id)).toEqual({ ok: true });
  });

  it('the desk’s answer is lost: ok', async () => {
    const { issue, y } = await sharedIssue();
    await b.engine.lock('draft', y.id);
    server.loseAnswerOf = /\/changes$/;

    expect(await a.engine.publishCheck(issue.id)).toEqual({ ok: true });
  });

  it(
    `the desk does not answer: ok after ${MERGE_CHECK_MS} ms at most`,
    async () => {
      const { issue, y } = await sharedIssue();
      await b.engine.lock('draft', y.id);
      server.hang = /\/changes$/;

      // Bounded by the check's own wait: without it, the test's time would run out.
      expect(await a.engine.publishCheck(issue.id)).toEqual({ ok: true });
    },
    MERGE_CHECK_MS + 7000,
  );

  it('shared desk off: ok, nothing asked', async () => {
    const { issue, y } = await sharedIssue();
    await b.engine.lock('draft', y.id);
    await a.engine.disable();

    server.log = [];
    expect(await a.engine.publishCheck(issue.id)).toEqual({ ok: true });
    expect(server.log).toEqual([]);
  });
});

describe('the background’s deskPublishCheck', () => {
  afterEach(() => vi.restoreAllMocks());

  it('answers the engine’s check of the issue asked about', async () => {
    fakeBrowser.reset();
    const answer = {
      ok: false as const,
      code: 'locked' as const,
      open: [{ kind: 'draft' as const, id: 'y', by: 'Auteur', userId: 2 }],
    };
    const check = vi.spyOn(SyncEngine.prototype, 'publishCheck').mockResolvedValue(answer);
    const unregister = registerHandlers(handlers);
    try {
      expect(await sendMessage('deskPublishCheck', { issueId: 'issue-1' })).toEqual(answer);
      expect(check).toHaveBeenCalledWith('issue-1');
    } finally {
      unregister();
    }
  });
});
