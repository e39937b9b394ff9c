import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { undo, undoable, updateDraft } from '../../../storage/drafts';
import { createIssue, updateIssue } from '../../../storage/issues';
import type { SyncConflict } from '../../../storage/sync-state';
import { addDraft } from '../storage/helpers';
import { closeDesks, coreOf, TestDesk, twoDesks } from './desks';
import type { FakeDesk } from './fake-desk';

/**
 * Many conflicts settled at once (« Garder toutes mes versions », « Prendre toutes les
 * autres »): SyncEngine.resolveAll, one transaction over every conflict the editor was shown,
 * one undo of them all.
 */

const DRAFTS = 5;

describe('settling many conflicts at once', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  /**
   * An issue and DRAFTS drafts of A's on both desks, then each changed on both, differently: B's
   * sync finds a conflict on each (the issue's chapô, each draft's title and text).
   */
  async function manyConflicts() {
    const issue = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2026-03-15', intro: 'Chapô' },
      a.db,
    );
    const drafts = [];
    for (let n = 1; n <= DRAFTS; n++) {
      drafts.push(await addDraft(a.db, { title: `Brouillon ${n}`, body: `<p>Texte ${n}</p>` }));
    }
    await a.join();
    await b.join();
    await updateIssue(issue.id, { intro: 'Chapô de A' }, a.db);
    await updateIssue(issue.id, { intro: 'Chapô de B' }, b.db);
    for (const [i, draft] of drafts.entries()) {
      const n = i + 1;
      await updateDraft(draft.id, { title: `Titre ${n} de A`, body: `<p>A ${n}</p>` }, a.db);
      await updateDraft(draft.id, { title: `Titre ${n} de B`, body: `<p>B ${n}</p>` }, b.db);
    }
    await a.sync();
    await b.sync();
    const conflicts = await b.engine.listConflicts();
    expect(conflicts).toHaveLength(DRAFTS + 1);
    return { issue, drafts, conflicts };
  }

  /** What B has of each record's conflicting fields: the chapô, then each draft's title and text. */
  async function texts(desk: TestDesk, issueId: string, ids: string[]) {
    const drafts = await desk.db.clips.bulkGet(ids);
    return [
      (await desk.db.issues.get(issueId))!.intro,
      ...drafts.map((draft) => `${draft!.title} / ${draft!.body}`),
    ];
  }
  const versions = (side: 'A' | 'B') => [
    `Chapô de ${side}`,
    ...Array.from(
      { length: DRAFTS },
      (_, i) => `Titre ${i + 1} de ${side} / <p>${side} ${i + 1}</p>`,
    ),
  ];
  const blocked = async (desk: TestDesk) =>
    (await desk.db.outbox.toArray()).filter((entry) => entry.blocked).map((entry) => entry.key);
  const keysOf = (conflicts: SyncConflict[]) => conflicts.map((conflict) => conflict.key).sort();

  it('« Prendre toutes les autres » settles every conflict with the others’ versions, sends nothing of B’s, and one undo brings every text and conflict back', async () => {
    const { issue, drafts, conflicts } = await manyConflicts();
    const ids = drafts.map((draft) => draft.id);
    expect(await blocked(b)).toHaveLength(DRAFTS + 1);
    const versionsBefore = ids.map((id) => server.byClientId('drafts', id)!.version);

    const answer = await b.engine.resolveAll(keysOf(conflicts), 'theirs');

    expect(answer.settled).toBe(DRAFTS + 1);
    expect(answer.conflicts).toBe(0);
    expect(await b.engine.listConflicts()).toEqual([]);
    expect(await blocked(b)).toEqual([]);
    expect(await texts(b, issue.id, ids)).toEqual(versions('A'));
    await b.engine.whenIdle();
    // The others' versions are the desk's already: nothing is written over them.
    expect(ids.map((id) => server.byClientId('drafts', id)!.version)).toEqual(versionsBefore);
    expect(await b.db.outbox.count()).toBe(0);

    // One undo for them all.
    const token = answer.undo!;
    expect(token.conflicts).toHaveLength(DRAFTS + 1);
    expect(await undoable(token, b.db)).toBe(true);
    expect(await undo(token, b.db)).toEqual({ issueId: '', conflict: true });

    expect(await texts(b, issue.id, ids)).toEqual(versions('B'));
    const back = await b.engine.listConflicts();
    expect(keysOf(back)).toEqual(keysOf(conflicts));
    expect(back.find((conflict) => conflict.kind === 'issue')!.fields).toMatchObject([
      { field: 'intro', mine: 'Chapô de B', theirs: 'Chapô de A' },
    ]);
    expect(back.find((conflict) => conflict.recordId === ids[0])!.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', mine: 'Titre 1 de B', theirs: 'Titre 1 de A' }),
        expect.objectContaining({ field: 'body', mine: '<p>B 1</p>', theirs: '<p>A 1</p>' }),
      ]),
    );
    // Held again, as the sync holds a conflict it finds: B's texts are not sent unasked.
    expect((await blocked(b)).sort()).toEqual(keysOf(conflicts));
    await b.sync();
    expect(server.byClientId('drafts', ids[0]!)!.content).toBe('<p>A 1</p>');
    // Undone once only: a second click, or another view, writes nothing back again.
    expect(await undoable(token, b.db)).toBe(false);
    expect(await undo(token, b.db)).toBeUndefined();
  });

  it('« Garder toutes mes versions » settles every conflict with the editor’s, frees the outbox and sends them, with nothing to undo', async () => {
    const { issue, drafts, conflicts } = await manyConflicts();
    const ids = drafts.map((draft) => draft.id);

    const answer = await b.engine.resolveAll(keysOf(conflicts), 'mine');

    expect(answer.settled).toBe(DRAFTS + 1);
    expect(answer.undo).toBeUndefined();
    expect(await b.engine.listConflicts()).toEqual([]);
    expect(await blocked(b)).toEqual([]);
    await b.engine.whenIdle();
    expect(await b.db.outbox.count()).toBe(0);
    expect(server.byClientId('drafts', ids[2]!)).toMatchObject({
      title: 'Titre 3 de B',
      content: '<p>B 3</p>',
    });
    await a.sync();
    expect(await texts(a, issue.id, ids)).toEqual(versions('B'));
  });

  it('settles only the conflicts asked about, and leaves another editor’s deletion of an issue to its own notice', async () => {
    const { conflicts } = await manyConflicts();
    const notice: SyncConflict = {
      key: 'issue:gone:deleted',
      kind: 'issue',
      recordId: 'gone',
      title: 'Les indiscrets du 8 mars',
      fields: [],
      remoteVersion: 3,
      detectedAt: new Date().toISOString(),
      deletedBy: 'Rédaction',
    };
    await b.db.conflicts.put(notice);
    const asked = keysOf(conflicts).slice(0, 3);

    const answer = await b.engine.resolveAll([...asked, notice.key], 'theirs');
    await b.engine.whenIdle();

    expect(answer.settled).toBe(3);
    expect(answer.undo!.conflicts).toHaveLength(3);
    expect(keysOf(await b.engine.listConflicts())).toEqual(
      [...keysOf(conflicts).slice(3), notice.key].sort(),
    );
  });

  it('settles nothing when it fails midway: every conflict, text and held record as before', async () => {
    const { issue, drafts, conflicts } = await manyConflicts();
    const ids = drafts.map((draft) => draft.id);
    // The third record's write fails (a full disk, a closed database).
    const { local } = coreOf(b.engine);
    const write = local.writeLocal.bind(local);
    let writes = 0;
    vi.spyOn(local, 'writeLocal').mockImplementation(async (...args) => {
      if (++writes === 3) throw new Error('QuotaExceededError');
      return write(...args);
    });

    await expect(b.engine.resolveAll(keysOf(conflicts), 'theirs')).rejects.toThrow(
      'QuotaExceededError',
    );

    expect(keysOf(await b.engine.listConflicts())).toEqual(keysOf(conflicts));
    expect(await texts(b, issue.id, ids)).toEqual(versions('B'));
    expect((await blocked(b)).sort()).toEqual(keysOf(conflicts));
  });

  it('settles each box as it asks: a move takes the other’s issue with its place, what no box asks stays this browser’s', async () => {
    // As a sync leaves it: the draft moved both here and there, its metadata's origins changed too.
    const draft = await addDraft(b.db, {
      issueId: 'issue-15',
      sortKey: 'a1',
      provenance: { title: 'og' },
    });
    const conflict: SyncConflict = {
      key: `draft:${draft.id}`,
      kind: 'draft',
      recordId: draft.id,
      title: draft.title,
      fields: [
        { field: 'issueId', base: '', mine: 'issue-15', theirs: 'issue-22' },
        { field: 'sortKey', base: '', mine: 'a1', theirs: 'a1V' },
        { field: 'provenance', base: {}, mine: { title: 'og' }, theirs: { title: 'jsonld' } },
      ],
      remoteVersion: 2,
      detectedAt: new Date().toISOString(),
    };
    await b.db.conflicts.put(conflict);

    const answer = await b.engine.resolveAll([conflict.key], 'theirs');

    expect(answer.settled).toBe(1);
    expect(await b.db.clips.get(draft.id)).toMatchObject({
      issueId: 'issue-22',
      sortKey: 'a1V',
      provenance: { title: 'og' },
    });
    expect(await b.engine.listConflicts()).toEqual([]);
  });
});
