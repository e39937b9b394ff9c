import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeDrafts, restoreDraft, trashDraft, updateDraft } from '../../../storage/drafts';
import { addToIssue, createIssue, deleteIssue, moveItem } from '../../../storage/issues';
import { removeItems } from '../../../storage/remove-undo';
import { addDraft } from '../storage/helpers';
import { closeDesks, coreOf, TestDesk, twoDesks } from './desks';
import type { FakeDesk } from './fake-desk';

/**
 * A colleague taking an item out of an issue (« Retirer », « Déplacer vers… », the trash, a
 * merge) is told on the other desks, in that issue's column (SyncState.takenOut), never for
 * this desk's own changes, a first sync or a reorder; the notice goes once closed or once the
 * item is back in the issue.
 */

describe('an item a colleague takes out of an issue is told, not silent', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  /** A's issue with items X and Y (Y labelled), and a second issue, on both desks. */
  async function sharedIssue() {
    const issue = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2026-03-15' },
      a.db,
    );
    const other = await createIssue(
      { title: 'Les indiscrets du 22 mars', date: '2026-03-22' },
      a.db,
    );
    const x = await addDraft(a.db, { title: 'X', body: '<p>Texte X</p>' });
    const y = await addDraft(a.db, {
      title: 'Y',
      label: 'Bpifrance recrute',
      body: '<p>Texte Y</p>',
    });
    await addToIssue(x.id, issue.id, a.db);
    await addToIssue(y.id, issue.id, a.db);
    await a.join();
    await b.join();
    return { issue, other, x, y };
  }

  const takenOut = async (desk: TestDesk) => (await desk.engine.status()).takenOut;

  it('a colleague’s « Retirer »: back to the inbox, told with who did it and the item’s label', async () => {
    const { issue, y } = await sharedIssue();
    expect(await takenOut(b)).toBeUndefined();
    await removeItems([y.id], b.db);
    await b.sync();

    await a.sync();

    expect(await takenOut(a)).toEqual([
      expect.objectContaining({
        key: `draft:${y.id}`,
        recordId: y.id,
        issueId: issue.id,
        title: 'Bpifrance recrute',
        to: 'inbox',
        by: 'Auteur',
      }),
    ]);
    // B did it: B is not told.
    expect(await takenOut(b)).toBeUndefined();
  });

  it('« Déplacer vers… » another issue: names that issue', async () => {
    const { issue, other, x } = await sharedIssue();
    await addToIssue(x.id, other.id, b.db);
    await b.sync();

    await a.sync();

    expect(await takenOut(a)).toEqual([
      expect.objectContaining({
        recordId: x.id,
        issueId: issue.id,
        // No label: its first words, as the issue list names it.
        title: 'Texte X',
        to: 'issue',
        toIssueId: other.id,
        toIssue: 'Les indiscrets du 22 mars',
        by: 'Auteur',
      }),
    ]);
  });

  it('put in the trash: told as trashed, by who trashed it', async () => {
    const { issue, x } = await sharedIssue();
    await trashDraft(x.id, b.db);
    await b.sync();

    await a.sync();

    expect(await takenOut(a)).toEqual([
      expect.objectContaining({ recordId: x.id, issueId: issue.id, to: 'trash', by: 'Auteur' }),
    ]);
  });

  it('a trash whose mark keeps an empty trasher names its last editor, as the trash does', async () => {
    const { issue, x } = await sharedIssue();
    const before = (await a.db.clips.get(x.id))!;
    const sync = (await a.db.syncRecords.get(`draft:${x.id}`))!;
    // The draft as a pull put it in the trash, its mark's trasher empty (a mark kept by an
    // older version, or restored from a backup): storage/draft-records.ts trashedBy, which the
    // trash and the editor name the trasher with, takes its last editor.
    await a.db.clips.put({
      ...before,
      deletedAt: '2026-03-15T10:00:00.000Z',
      desk: { ...before.desk!, modifiedBy: 'Paul Martin', modifiedById: 99, trashedBy: '' },
    });
    const { notices } = coreOf(a.engine);

    await notices.noteTakenOut(before, sync, { ...sync.base, trashed: true }, undefined);

    expect(await takenOut(a)).toEqual([
      expect.objectContaining({
        recordId: x.id,
        issueId: issue.id,
        to: 'trash',
        by: 'Paul Martin',
      }),
    ]);
  });

  it('merged into another draft: names that draft', async () => {
    const { issue, x } = await sharedIssue();
    const target = await addDraft(a.db, { title: 'Le yacht du ministre', body: '<p>Autre</p>' });
    await a.sync();
    await b.sync();
    await mergeDrafts(x.id, target.id, b.db);
    await b.sync();

    await a.sync();

    expect(await takenOut(a)).toEqual([
      expect.objectContaining({
        recordId: x.id,
        issueId: issue.id,
        to: 'merged',
        mergedInto: target.id,
        mergedIntoTitle: 'Le yacht du ministre',
        by: 'Auteur',
      }),
    ]);
  });

  it('taken out while this desk was typing in it: told too (the push met the change)', async () => {
    const { issue, x, other } = await sharedIssue();
    await addToIssue(x.id, other.id, b.db);
    await b.sync();
    await updateDraft(x.id, { body: '<p>Texte X relu</p>' }, a.db);

    await a.sync();

    const draft = (await a.db.clips.get(x.id))!;
    expect(draft.issueId).toBe(other.id);
    expect(draft.body).toBe('<p>Texte X relu</p>');
    expect(await takenOut(a)).toEqual([
      expect.objectContaining({ recordId: x.id, issueId: issue.id, to: 'issue' }),
    ]);
  });

  it('several at once: one notice each, for the column to say together', async () => {
    const { issue, x, y } = await sharedIssue();
    await removeItems([x.id, y.id], b.db);
    await b.sync();

    await a.sync();

    const notices = (await takenOut(a))!;
    expect(notices.map((notice) => notice.recordId).sort()).toEqual([x.id, y.id].sort());
    expect(notices.every((notice) => notice.issueId === issue.id && notice.by === 'Auteur')).toBe(
      true,
    );
  });

  it('this desk’s own « Retirer », « Déplacer vers… » and trash are not told back', async () => {
    const { issue, other, x, y } = await sharedIssue();
    const z = await addDraft(a.db, { title: 'Z', body: '<p>Texte Z</p>' });
    await addToIssue(z.id, issue.id, a.db);
    await a.sync();
    await b.sync();
    await removeItems([x.id], a.db);
    await addToIssue(y.id, other.id, a.db);
    await trashDraft(z.id, a.db);
    await a.sync();
    // A colleague's later edits of those drafts bring them back to A's desk: no news either.
    await b.sync();
    await updateDraft(x.id, { body: '<p>X revu</p>' }, b.db);
    await updateDraft(y.id, { body: '<p>Y revu</p>' }, b.db);
    await b.sync();

    await a.sync();

    expect((await a.db.clips.get(x.id))!.body).toBe('<p>X revu</p>');
    expect(await takenOut(a)).toBeUndefined();
  });

  it('a reorder inside the issue is not told', async () => {
    const { issue, y } = await sharedIssue();
    await moveItem(issue.id, y.id, 0, b.db);
    await b.sync();

    await a.sync();

    expect(await takenOut(a)).toBeUndefined();
  });

  it('the first sync of an empty desk tells nothing of what it receives', async () => {
    const { y } = await sharedIssue();
    await removeItems([y.id], b.db);
    await b.sync();
    const c = new TestDesk(server, 'auteur');
    try {
      await c.join();
      expect(await takenOut(c)).toBeUndefined();
    } finally {
      await closeDesks(c);
    }
  });

  it('the notice goes once the item is back in the issue, by the colleague or by hand here', async () => {
    const { issue, x, y } = await sharedIssue();
    await removeItems([x.id], b.db);
    await trashDraft(y.id, b.db);
    await b.sync();
    await a.sync();
    expect((await takenOut(a))!.map((notice) => notice.recordId).sort()).toEqual(
      [x.id, y.id].sort(),
    );

    // B puts X back; A restores Y from its trash itself.
    await addToIssue(x.id, issue.id, b.db);
    await b.sync();
    await restoreDraft(y.id, a.db);
    await a.sync();

    expect(await takenOut(a)).toBeUndefined();
  });

  it('put back by hand and taken out again before a sync, no column drawn: the old notice is not said again', async () => {
    const { issue, x } = await sharedIssue();
    await removeItems([x.id], b.db);
    await b.sync();
    await a.sync();
    expect((await takenOut(a))!.map((notice) => notice.recordId)).toEqual([x.id]);

    // On A, with no view open (nothing draws the issue's list): back, then out again.
    await addToIssue(x.id, issue.id, a.db);
    expect(await takenOut(a)).toBeUndefined();
    await removeItems([x.id], a.db);
    await a.sync();

    expect(await takenOut(a)).toBeUndefined();
  });

  it('brought back by a colleague’s pull: goes at that pull, and a later « Retirer » is told afresh', async () => {
    const { issue, x } = await sharedIssue();
    await removeItems([x.id], b.db);
    await b.sync();
    await a.sync();

    await addToIssue(x.id, issue.id, b.db);
    await b.sync();
    await a.sync();
    expect(await takenOut(a)).toBeUndefined();

    // Out again by B: told again, as new.
    await removeItems([x.id], b.db);
    await b.sync();
    await a.sync();
    expect(await takenOut(a)).toEqual([
      expect.objectContaining({ recordId: x.id, issueId: issue.id, to: 'inbox' }),
    ]);
  });

  it('an issue a colleague deleted is told once, with who and how many items went to the inbox', async () => {
    const { issue, x, y } = await sharedIssue();
    await trashDraft(y.id, b.db);
    await b.sync();
    await a.sync();
    await deleteIssue(issue.id, b.db);
    await b.sync();

    await a.sync();

    expect(await a.db.issues.get(issue.id)).toBeUndefined();
    expect((await a.db.clips.get(x.id))!.issueId).toBe('');
    const status = await a.engine.status();
    expect(status.issuesDeleted).toEqual([
      expect.objectContaining({
        key: `issue:${issue.id}`,
        issueId: issue.id,
        title: 'Les indiscrets du 15 mars',
        date: '2026-03-15',
        // X; Y was in the trash, its notice kept apart.
        items: 1,
        by: 'Auteur',
      }),
    ]);
    // Its items are not said one by one (the issue went first), and Y's trash, said in the
    // issue's column, goes with it.
    expect(status.takenOut).toBeUndefined();
    // B did it: B is not told.
    expect((await b.engine.status()).issuesDeleted).toBeUndefined();

    // « Fermer » closes it with the items' notices.
    const closed = await a.engine.dismissTakenOut([`issue:${issue.id}`]);
    expect(closed.issuesDeleted).toBeUndefined();
  });

  it('an issue this desk deleted, or deleted with this desk’s work kept, is not told as deleted', async () => {
    const { issue, other, x } = await sharedIssue();
    await deleteIssue(other.id, a.db);
    await a.sync();
    await b.sync();
    // A did it: told on B, not on A.
    expect((await b.engine.status()).issuesDeleted).toHaveLength(1);
    await a.sync();
    expect((await a.engine.status()).issuesDeleted).toBeUndefined();
    // A moves X in the issue while B deletes it: A's work keeps it (a conflict notice says so).
    await moveItem(issue.id, x.id, 1, a.db);
    await deleteIssue(issue.id, b.db);
    await b.sync();

    await a.sync();

    expect(await a.db.issues.get(issue.id)).toBeDefined();
    expect((await a.engine.status()).issuesDeleted).toBeUndefined();
    expect((await takenOut(a)) ?? []).toEqual([]);
  });

  /**
   * Runs the page's `write` (in a transaction of its own, as the desk's would) when `target`'s
   * method `name` is first called: the engine has just read, and not yet written back. Returns
   * the write, to await.
   */
  function pageWriteAt<T extends object>(target: T, name: keyof T, write: () => Promise<unknown>) {
    let started: Promise<unknown> | undefined;
    const original = (target[name] as (...args: unknown[]) => unknown).bind(target);
    vi.spyOn(target, name as never).mockImplementation(((...args: unknown[]) => {
      const result = original(...args);
      started ??= Dexie.ignoreTransaction(write);
      return result;
    }) as never);
    return () => started;
  }

  it('« Fermer » while the page puts another item back: the notice the page dropped stays dropped', async () => {
    const { issue, x, y } = await sharedIssue();
    await removeItems([x.id, y.id], b.db);
    await b.sync();
    await a.sync();
    expect((await takenOut(a))!.map((notice) => notice.recordId).sort()).toEqual(
      [x.id, y.id].sort(),
    );

    // The engine reads the notices; the editor puts X back before it writes Y's closing.
    const written = pageWriteAt(coreOf(a.engine), 'state', () => addToIssue(x.id, issue.id, a.db));
    await a.engine.dismissTakenOut([`draft:${y.id}`]);
    await written();

    expect(await takenOut(a)).toBeUndefined();
  });

  it('a pull’s tidying while the page puts an item back: the notice the page dropped stays dropped', async () => {
    const { issue, x, y } = await sharedIssue();
    await removeItems([x.id, y.id], b.db);
    await b.sync();
    await a.sync();
    // Y's notice names an issue this desk no longer has: the tidying drops it (and so writes).
    const state = await a.engine.state();
    await a.db.syncState.put({
      ...state,
      takenOut: state.takenOut!.map((notice) =>
        notice.recordId === y.id ? { ...notice, issueId: 'gone' } : notice,
      ),
    });

    // The engine has read the notices and the drafts; the editor puts X back before it writes.
    const written = pageWriteAt(a.db.clips, 'bulkGet', () => addToIssue(x.id, issue.id, a.db));
    await coreOf(a.engine).notices.pruneTakenOut();
    await written();

    expect(await takenOut(a)).toBeUndefined();
  });

  it('« Fermer » closes it, and it survives the background’s restart until then', async () => {
    const { y } = await sharedIssue();
    await removeItems([y.id], b.db);
    await b.sync();
    await a.sync();

    a.restart();
    expect(await takenOut(a)).toHaveLength(1);
    const status = await a.engine.dismissTakenOut([`draft:${y.id}`]);

    expect(status.takenOut).toBeUndefined();
    await a.sync();
    expect(await takenOut(a)).toBeUndefined();
  });
});
