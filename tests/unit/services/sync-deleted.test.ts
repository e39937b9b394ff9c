import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trashDraft, undo, updateDraft } from '../../../storage/drafts';
import { addDraft } from '../storage/helpers';
import {
  addToIssue,
  createIssue,
  deleteIssue,
  moveItem,
  updateIssue,
} from '../../../storage/issues';
import { quietly } from '../../../storage/outbox';
import { closeDesks, TestDesk, twoDesks } from './desks';
import type { FakeDesk } from './fake-desk';

/**
 * Another editor's deletion meeting this desk's offline work (QA pass 2, s05 and s36): nothing
 * written here is lost, the editor is told, and every desk ends up showing the same thing.
 */

/** A browser of the newsroom, with what these tests read of its issues. */
class Desk extends TestDesk {
  /** Its issue's items, in order. */
  async items(issueId: string) {
    return (await this.db.clips.where('issueId').equals(issueId).sortBy('sortKey')).map(
      (draft) => draft.id,
    );
  }
  /** Drafts whose issueId names an issue this desk does not have. */
  async orphans() {
    const issues = new Set((await this.db.issues.toArray()).map((issue) => issue.id));
    return (await this.db.clips.toArray()).filter((d) => d.issueId && !issues.has(d.issueId));
  }
}

describe('another editor’s deletion never silently eats offline work', () => {
  let server: FakeDesk;
  let a: Desk;
  let b: Desk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(Desk));
  });
  afterEach(() => closeDesks(a, b));

  /** A's issue with two items, on both desks. */
  async function sharedIssue() {
    const issue = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2026-03-15', intro: 'Chapô initial' },
      a.db,
    );
    const x = await addDraft(a.db, { title: 'X', body: '<p>Texte X</p>' });
    const y = await addDraft(a.db, { title: 'Y', body: '<p>Texte Y</p>' });
    await addToIssue(x.id, issue.id, a.db);
    await addToIssue(y.id, issue.id, a.db);
    await a.join();
    await b.join();
    return { issue, x, y };
  }

  it('an issue B rewrote offline and A deleted is put back with B’s work and its items, and B is told', async () => {
    const { issue, x, y } = await sharedIssue();
    server.offline = true;
    await updateIssue(issue.id, { intro: 'Chapô réécrit par B hors ligne' }, b.db);
    await updateDraft(x.id, { body: '<p>Texte X, revu par B</p>' }, b.db);
    await moveItem(issue.id, y.id, 0, b.db);
    expect((await b.engine.status()).pending).toBe(3);
    server.offline = false;

    await deleteIssue(issue.id, a.db);
    await a.sync();
    expect(server.byClientId('issues', issue.id)!.status).toBe('trash');

    await b.sync();
    // B's chapô and order are on B's desk and on the server, the issue out of the trash.
    expect(await b.db.issues.get(issue.id)).toMatchObject({
      intro: 'Chapô réécrit par B hors ligne',
    });
    expect(await b.items(issue.id)).toEqual([y.id, x.id]);
    const stored = server.byClientId('issues', issue.id)!;
    expect(stored.status).toBe('draft');
    expect(stored.content).toBe('Chapô réécrit par B hors ligne');
    expect(server.byClientId('drafts', y.id)!.meta.issueId).toBe(issue.id);
    expect(server.byClientId('drafts', x.id)!.content).toBe('<p>Texte X, revu par B</p>');
    // B is told who deleted it, and may still delete it too.
    const status = await b.engine.status();
    expect(status.pending).toBe(0);
    const [told] = await b.engine.listConflicts();
    expect(told).toMatchObject({
      kind: 'issue',
      recordId: issue.id,
      deletedBy: 'Rédaction',
      title: 'Les indiscrets du 15 mars',
    });

    // A gets the issue back as B left it: every desk shows the same.
    await a.sync();
    expect(await a.db.issues.get(issue.id)).toMatchObject({
      intro: 'Chapô réécrit par B hors ligne',
    });
    expect(await a.items(issue.id)).toEqual([y.id, x.id]);
    // A, who deleted it, is told who put it back, once; B, who did, is told nothing of it.
    expect((await a.engine.status()).issuesBack).toMatchObject([
      {
        key: `issue:${issue.id}`,
        issueId: issue.id,
        title: 'Les indiscrets du 15 mars',
        by: 'Auteur',
      },
    ]);
    expect((await b.engine.status()).issuesBack).toBeUndefined();
    await a.sync();
    expect((await a.engine.status()).issuesBack).toHaveLength(1);
    const closed = await a.engine.dismissIssueBack(`issue:${issue.id}`);
    expect(closed.issuesBack).toBeUndefined();
  });

  it('« Le supprimer aussi » deletes it again, its items to the inbox on both desks', async () => {
    const { issue, x, y } = await sharedIssue();
    server.offline = true;
    await updateIssue(issue.id, { intro: 'Chapô de B' }, b.db);
    server.offline = false;
    await deleteIssue(issue.id, a.db);
    await a.sync();
    await b.sync();
    const [told] = await b.engine.listConflicts();
    const answer = await b.engine.resolve(told!.key, { deleted: 'theirs' });
    await b.engine.whenIdle();
    expect(await b.engine.listConflicts()).toEqual([]);
    expect(await b.db.issues.get(issue.id)).toBeUndefined();
    expect(server.byClientId('issues', issue.id)!.status).toBe('trash');
    await a.sync();
    for (const desk of [a, b]) {
      expect(await desk.db.issues.get(issue.id)).toBeUndefined();
      for (const id of [x.id, y.id]) expect((await desk.db.clips.get(id))!.issueId).toBe('');
    }

    // An ordinary deletion: « Annuler » brings the issue back with its items, on both desks.
    expect(answer.undo).toBeDefined();
    await undo(answer.undo!, b.db);
    await b.sync();
    await a.sync();
    for (const desk of [a, b]) {
      expect(await desk.db.issues.get(issue.id)).toMatchObject({ intro: 'Chapô de B' });
      for (const id of [x.id, y.id]) {
        expect((await desk.db.clips.get(id))!.issueId).toBe(issue.id);
      }
    }
  });

  it('« Garder le numéro » only closes the notice: the issue stays as B left it', async () => {
    const { issue } = await sharedIssue();
    server.offline = true;
    await updateIssue(issue.id, { intro: 'Chapô de B' }, b.db);
    server.offline = false;
    await deleteIssue(issue.id, a.db);
    await a.sync();
    await b.sync();
    const [told] = await b.engine.listConflicts();
    await b.engine.resolve(told!.key, { deleted: 'mine' });
    await b.engine.whenIdle();
    expect(await b.engine.listConflicts()).toEqual([]);
    expect(await b.db.issues.get(issue.id)).toMatchObject({ intro: 'Chapô de B' });
    expect(server.byClientId('issues', issue.id)!.status).toBe('draft');
  });

  it('an issue whose items B reordered offline and A deleted is put back in B’s order, and B is told', async () => {
    const { issue, x, y } = await sharedIssue();
    server.offline = true;
    await moveItem(issue.id, y.id, 0, b.db);
    server.offline = false;
    await deleteIssue(issue.id, a.db);
    await a.sync();

    await b.sync();
    // The order is work on the issue as much as its chapô: the issue comes back with it.
    expect(await b.db.issues.get(issue.id)).toMatchObject({ title: 'Les indiscrets du 15 mars' });
    expect(await b.items(issue.id)).toEqual([y.id, x.id]);
    expect(server.byClientId('issues', issue.id)!.status).toBe('draft');
    for (const id of [x.id, y.id]) {
      expect(server.byClientId('drafts', id)!.meta.issueId).toBe(issue.id);
    }
    expect(await b.engine.listConflicts()).toMatchObject([
      { kind: 'issue', recordId: issue.id, deletedBy: 'Rédaction', fields: [] },
    ]);
    expect((await b.engine.status()).pending).toBe(0);
    await a.sync();
    expect(await a.items(issue.id)).toEqual([y.id, x.id]);
  });

  it('a draft B added offline to an issue A deleted brings the issue back with it, and B is told', async () => {
    const { issue, x, y } = await sharedIssue();
    const z = await addDraft(a.db, { title: 'Z' });
    await a.sync();
    await b.sync();
    server.offline = true;
    await addToIssue(z.id, issue.id, b.db);
    server.offline = false;
    await deleteIssue(issue.id, a.db);
    await a.sync();

    await b.sync();
    expect(await b.db.issues.get(issue.id)).toBeDefined();
    expect(await b.items(issue.id)).toEqual([x.id, y.id, z.id]);
    expect(server.byClientId('issues', issue.id)!.status).toBe('draft');
    expect(server.byClientId('drafts', z.id)!.meta.issueId).toBe(issue.id);
    expect(await b.engine.listConflicts()).toMatchObject([
      { recordId: issue.id, deletedBy: 'Rédaction' },
    ]);
    await a.sync();
    expect(await a.items(issue.id)).toEqual([x.id, y.id, z.id]);
    for (const desk of [a, b]) {
      expect(await desk.orphans()).toEqual([]);
      expect((await desk.engine.status()).pending).toBe(0);
    }
  });

  it('a draft B added offline to an issue A deleted, deleted by B too, lands in the inbox on every desk', async () => {
    const { issue } = await sharedIssue();
    const z = await addDraft(a.db, { title: 'Z' });
    await a.sync();
    await b.sync();
    server.offline = true;
    await addToIssue(z.id, issue.id, b.db);
    server.offline = false;
    await deleteIssue(issue.id, a.db);
    await a.sync();
    await b.sync();
    const [told] = await b.engine.listConflicts();
    await b.engine.resolve(told!.key, { deleted: 'theirs' });
    await b.engine.whenIdle();
    await a.sync();
    await b.sync();
    for (const desk of [a, b]) {
      expect(await desk.db.issues.get(issue.id)).toBeUndefined();
      expect((await desk.db.clips.get(z.id))!.issueId).toBe('');
      expect(await desk.orphans()).toEqual([]);
      expect((await desk.engine.status()).pending).toBe(0);
    }
    expect(server.byClientId('drafts', z.id)!.meta.issueId).toBe('');
    expect(server.byClientId('issues', issue.id)!.status).toBe('trash');
  });

  it('a draft left naming a deleted issue by an earlier version goes to the inbox at the next sync', async () => {
    const { issue } = await sharedIssue();
    const z = await addDraft(a.db, { title: 'Z' });
    await a.sync();
    await deleteIssue(issue.id, a.db);
    await a.sync();
    // As the sync before this fix left it (QA s36, desk G): the draft names the deleted issue
    // here, shown in no issue and not in the inbox.
    await quietly(a.db, ['clips', 'outbox', 'syncState'], async () => {
      await a.db.clips.update(z.id, { issueId: issue.id, sortKey: 'a0' });
    });
    await a.sync();
    expect((await a.db.clips.get(z.id))!.issueId).toBe('');
    expect(await a.orphans()).toEqual([]);
    expect((await a.engine.status()).pending).toBe(0);
  });

  it('a draft B changed offline and A deleted for good comes back on the server with B’s text', async () => {
    const { x } = await sharedIssue();
    server.offline = true;
    await updateDraft(x.id, { body: '<p>Texte X, revu par B</p>' }, b.db);
    server.offline = false;
    server.purge('drafts', x.id);

    await b.sync();
    expect(await b.db.clips.get(x.id)).toMatchObject({ body: '<p>Texte X, revu par B</p>' });
    expect(server.byClientId('drafts', x.id)).toMatchObject({
      status: 'draft',
      content: '<p>Texte X, revu par B</p>',
    });
    expect((await b.engine.status()).pending).toBe(0);
  });

  it('an issue B rewrote offline and A deleted for good comes back with its items, and B is told', async () => {
    const { issue, x, y } = await sharedIssue();
    server.offline = true;
    await updateIssue(issue.id, { intro: 'Chapô de B' }, b.db);
    server.offline = false;
    await deleteIssue(issue.id, a.db);
    await a.sync();
    server.purge('issues', issue.id);

    await b.sync();
    expect(server.byClientId('issues', issue.id)).toMatchObject({
      status: 'draft',
      content: 'Chapô de B',
    });
    expect(await b.items(issue.id)).toEqual([x.id, y.id]);
    expect(server.byClientId('drafts', x.id)!.meta.issueId).toBe(issue.id);
    const [told] = await b.engine.listConflicts();
    expect(told).toMatchObject({ recordId: issue.id, deletedBy: '' });
    await a.sync();
    expect(await a.items(issue.id)).toEqual([x.id, y.id]);
  });

  it('a draft pulled naming a deleted issue goes to the inbox, there and on the server', async () => {
    const { issue } = await sharedIssue();
    const z = await addDraft(a.db, { title: 'Z' });
    await a.sync();
    await deleteIssue(issue.id, a.db);
    await a.sync();
    // Written to the deleted issue by a desk that did not know (an older version, wp-admin).
    server.edit('drafts', z.id, 'auteur', { meta: { issueId: issue.id, sortKey: 'a0' } });
    await a.sync();
    expect((await a.db.clips.get(z.id))!.issueId).toBe('');
    expect(await a.orphans()).toEqual([]);
    await a.sync();
    expect(server.byClientId('drafts', z.id)!.meta.issueId).toBe('');
  });
});

describe('drafts naming an issue this desk has never heard of', () => {
  let server: FakeDesk;
  let a: Desk;
  let b: Desk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(Desk));
  });
  afterEach(() => closeDesks(a, b));

  /** A draft of A's, on both desks; B's issues cursor moved past whatever comes next. */
  async function shared() {
    const z = await addDraft(a.db, { title: 'Z' });
    await a.join();
    await b.join();
    return z;
  }

  /**
   * As when A's issue was written between B's reading of the issues and of the drafts: B's
   * pull of the issues has gone past it (its cursor moved beyond the server's records).
   */
  async function missIssues(desk: Desk) {
    const state = (await desk.db.syncState.get('desk'))!;
    await desk.db.syncState.put({
      ...state,
      cursors: { ...state.cursors, issues: '2099-01-01T00:00:00' },
    });
  }

  it('an issue that is on the desk is taken in, its drafts shown in it', async () => {
    const z = await shared();
    await missIssues(b);
    const issue = await createIssue({ title: 'Numéro manqué', date: '2026-03-22' }, a.db);
    await addToIssue(z.id, issue.id, a.db);
    await a.sync();

    await b.sync();
    expect(await b.db.issues.get(issue.id)).toMatchObject({ title: 'Numéro manqué' });
    expect(await b.items(issue.id)).toEqual([z.id]);
    expect((await b.engine.status()).pending).toBe(0);
    expect(server.byClientId('drafts', z.id)!.meta.issueId).toBe(issue.id);
  });

  it('an issue in the desk’s trash sends its drafts to the inbox, there and on the server', async () => {
    const z = await shared();
    await missIssues(b);
    const issue = await createIssue({ title: 'Numéro jeté', date: '2026-03-22' }, a.db);
    await a.sync();
    // Trashed with the draft still in it (as an older version, or wp-admin, leaves it).
    server.edit('drafts', z.id, 'redac', { meta: { issueId: issue.id, sortKey: 'a0' } });
    server.edit('issues', issue.id, 'redac', { status: 'trash' });

    await b.sync();
    expect(await b.db.issues.get(issue.id)).toBeUndefined();
    expect((await b.db.clips.get(z.id))!.issueId).toBe('');
    expect(await b.orphans()).toEqual([]);
    expect(server.byClientId('drafts', z.id)!.meta.issueId).toBe('');
    expect((await b.engine.status()).pending).toBe(0);
  });

  it('an issue the desk does not have (deleted for good, or never there) sends its drafts to the inbox', async () => {
    const z = await shared();
    server.edit('drafts', z.id, 'auteur', {
      meta: { issueId: 'numero-efface-pour-de-bon', sortKey: 'a0' },
    });

    await a.sync();
    expect((await a.db.clips.get(z.id))!.issueId).toBe('');
    expect(await a.orphans()).toEqual([]);
    expect(server.byClientId('drafts', z.id)!.meta.issueId).toBe('');
    // Resolved once: the next poll asks nothing more than its changes.
    server.now += 60_000;
    await a.sync();
    server.log = [];
    await a.sync();
    expect(server.log).toEqual(['GET /indiscrets/v1/changes']);
  });

  it('while the desk cannot be asked, the drafts stay where they are', async () => {
    const z = await shared();
    server.edit('drafts', z.id, 'auteur', {
      meta: { issueId: 'numero-efface-pour-de-bon', sortKey: 'a0' },
    });
    server.loseAnswerOf = /^GET \/indiscrets\/v1\/issues$/;

    await a.sync();
    expect((await a.db.clips.get(z.id))!.issueId).toBe('numero-efface-pour-de-bon');
    await a.sync();
    expect((await a.db.clips.get(z.id))!.issueId).toBe('');
  });
});

describe('a draft another editor put in the trash while it was being edited here', () => {
  let server: FakeDesk;
  let a: Desk;
  let b: Desk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(Desk));
  });
  afterEach(() => closeDesks(a, b));

  it('names who trashed it, not the editor whose typing was pushed after the trash', async () => {
    await b.join();
    const x = await addDraft(b.db, { title: 'X', body: '<p>Texte X</p>' });
    await b.sync();
    await a.join();
    // B types in X, not synced yet, while A puts it in the trash (a merge into A's own draft
    // does exactly this to the draft merged).
    await updateDraft(x.id, { body: '<p>Texte X, tapé par B</p>' }, b.db);
    await trashDraft(x.id, a.db);
    await a.sync();
    await b.sync();
    await b.sync();

    const stored = (await b.db.clips.get(x.id))!;
    expect(stored.deletedAt).toBeTruthy();
    // Nothing typed is lost: it went up with the draft, in the trash.
    expect(stored.body).toBe('<p>Texte X, tapé par B</p>');
    expect(server.byClientId('drafts', x.id)!.content).toContain('tapé par B');
    // B's push made B the last editor; the one who trashed it is still the one named.
    expect(stored.desk?.modifiedBy).toBe('Auteur');
    expect(stored.desk?.trashedBy).toBe('Rédaction');
  });
});
