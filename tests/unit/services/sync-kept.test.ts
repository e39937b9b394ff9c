import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../services/sync';
import {
  mergeDrafts,
  purgeTrash,
  restoreDraft,
  trashDraft,
  undo,
  updateDraft,
} from '../../../storage/drafts';
import type { SyncPlan } from '../../../storage/sync-state';
import { addDraft } from '../storage/helpers';
import { closeDesks, leaveAsBefore, TestDesk, twoDesks } from './desks';
import type { FakeDesk } from './fake-desk';

/**
 * What a browser did without seeing a colleague's work (offline, or with the shared desk off)
 * never undoes that work when it rejoins: a draft it deleted for good that was edited since is
 * kept, a trash or restore that crossed an edit is merged, and the « what will happen » count
 * asks the desk instead of assuming.
 */

/** Empties the trash of `desk` (what the start-up purge does after 30 days). */
const emptyTrash = (desk: TestDesk) => purgeTrash(new Date('2100-01-01'), 30, desk.db);

describe('a draft deleted for good here but edited there meanwhile is kept', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  /** A's draft, on both desks. */
  async function shared() {
    const draft = await addDraft(a.db, { title: 'Le ministre et le yacht', body: '<p>Texte</p>' });
    await a.join();
    await b.join();
    return draft;
  }

  it('offline: the deletion is answered 409, the draft comes back with B’s text and A is told', async () => {
    const draft = await shared();
    server.offline = true;
    await trashDraft(draft.id, a.db);
    await emptyTrash(a);
    expect(await a.db.clips.get(draft.id)).toBeUndefined();
    server.offline = false;
    await updateDraft(draft.id, { body: '<p>Texte revu par B</p>' }, b.db);
    await b.sync();

    server.log = [];
    await a.sync();

    expect(server.log).toContain(
      `DELETE /indiscrets/v1/drafts/${server.byClientId('drafts', draft.id)!.id}`,
    );
    const stored = server.byClientId('drafts', draft.id)!;
    expect(stored.status).toBe('draft');
    expect(stored.content).toBe('<p>Texte revu par B</p>');
    const back = (await a.db.clips.get(draft.id))!;
    expect(back.body).toBe('<p>Texte revu par B</p>');
    expect(back.deletedAt).toBeUndefined();
    const status = await a.engine.status();
    expect(status.pending).toBe(0);
    expect(status.keptDrafts).toEqual([
      expect.objectContaining({
        key: `draft:${draft.id}`,
        title: 'Le ministre et le yacht',
        by: 'Auteur',
      }),
    ]);
  });

  it('merged into another offline: the notice names the draft it went into', async () => {
    const draft = await shared();
    const target = await addDraft(a.db, { title: 'Le yacht du ministre', body: '<p>Autre</p>' });
    await a.sync();
    server.offline = true;
    await mergeDrafts(draft.id, target.id, a.db);
    server.offline = false;
    await updateDraft(draft.id, { body: '<p>Texte revu par B</p>' }, b.db);
    await b.sync();

    await a.sync();

    expect(server.byClientId('drafts', draft.id)!.status).toBe('draft');
    expect((await a.db.clips.get(draft.id))!.body).toBe('<p>Texte revu par B</p>');
    expect((await a.engine.status()).keptDrafts).toEqual([
      expect.objectContaining({
        title: 'Le ministre et le yacht',
        by: 'Auteur',
        mergedInto: 'Le yacht du ministre',
      }),
    ]);
  });

  it('desk off, merged into another: the rejoin keeps it and names that draft', async () => {
    const draft = await shared();
    const target = await addDraft(a.db, { title: 'Le yacht du ministre', body: '<p>Autre</p>' });
    await a.sync();
    await a.engine.disable();
    await mergeDrafts(draft.id, target.id, a.db);
    await updateDraft(draft.id, { title: 'Le ministre, le yacht et le port' }, b.db);
    await b.sync();

    await a.join();

    expect((await a.engine.status()).keptDrafts).toEqual([
      expect.objectContaining({
        title: 'Le ministre, le yacht et le port',
        mergedInto: 'Le yacht du ministre',
      }),
    ]);
  });

  it('deleted, not merged: no `mergedInto` on the notice', async () => {
    const draft = await shared();
    server.offline = true;
    await trashDraft(draft.id, a.db);
    await emptyTrash(a);
    server.offline = false;
    await updateDraft(draft.id, { body: '<p>Texte revu par B</p>' }, b.db);
    await b.sync();

    await a.sync();

    const [notice] = (await a.engine.status()).keptDrafts!;
    expect(notice!.mergedInto).toBeUndefined();
  });

  it('desk off: the rejoin keeps it, pulled back, and does not trash it there', async () => {
    const draft = await shared();
    await a.engine.disable();
    await trashDraft(draft.id, a.db);
    await emptyTrash(a);
    await updateDraft(draft.id, { title: 'Le ministre, le yacht et le port' }, b.db);
    await b.sync();

    server.log = [];
    await a.join();

    expect(server.log.filter((line) => line.startsWith('DELETE'))).toEqual([]);
    expect(server.byClientId('drafts', draft.id)!.status).toBe('draft');
    expect((await a.db.clips.get(draft.id))!.title).toBe('Le ministre, le yacht et le port');
    expect((await a.engine.status()).keptDrafts).toEqual([
      expect.objectContaining({ title: 'Le ministre, le yacht et le port', by: 'Auteur' }),
    ]);
  });

  it('desk off, nobody edited it: the rejoin trashes it there, as before', async () => {
    const draft = await shared();
    await a.engine.disable();
    await trashDraft(draft.id, a.db);
    await emptyTrash(a);

    await a.join();

    expect(server.byClientId('drafts', draft.id)!.status).toBe('trash');
    expect(await a.db.clips.get(draft.id)).toBeUndefined();
    expect((await a.engine.status()).keptDrafts).toBeUndefined();
  });

  it('only trashed there meanwhile: nothing to keep, the deletion goes on', async () => {
    const draft = await shared();
    server.offline = true;
    await trashDraft(draft.id, a.db);
    await emptyTrash(a);
    server.offline = false;
    await trashDraft(draft.id, b.db);
    await b.sync();

    await a.sync();

    expect(server.byClientId('drafts', draft.id)!.status).toBe('trash');
    expect(await a.db.clips.get(draft.id)).toBeUndefined();
    expect((await a.engine.status()).keptDrafts).toBeUndefined();
  });

  it('« Le garder » closes the notice and leaves the draft', async () => {
    const draft = await shared();
    await a.engine.disable();
    await emptyTrash(a);
    await a.db.clips.delete(draft.id);
    await updateDraft(draft.id, { body: '<p>Texte revu par B</p>' }, b.db);
    await b.sync();
    await a.join();

    const status = await a.engine.dismissKept(`draft:${draft.id}`);

    expect(status.keptDrafts).toBeUndefined();
    expect(await a.db.clips.get(draft.id)).toBeDefined();
    await a.sync();
    expect(server.byClientId('drafts', draft.id)!.status).toBe('draft');
  });

  it('« Le supprimer quand même » deletes it for good, there too, and « Annuler » brings it back', async () => {
    const draft = await shared();
    await a.engine.disable();
    await a.db.clips.delete(draft.id);
    await updateDraft(draft.id, { body: '<p>Texte revu par B</p>' }, b.db);
    await b.sync();
    await a.join();

    const answer = await a.engine.deleteKept(`draft:${draft.id}`);
    await a.engine.whenIdle();

    expect(answer.keptDrafts).toBeUndefined();
    expect(await a.db.clips.get(draft.id)).toBeUndefined();
    expect(server.byClientId('drafts', draft.id)!.status).toBe('trash');

    expect(answer.undo).toBeDefined();
    expect(await undo(answer.undo!, a.db)).toMatchObject({ draftId: draft.id });
    await a.sync();
    expect((await a.db.clips.get(draft.id))!.body).toBe('<p>Texte revu par B</p>');
    const stored = server.byClientId('drafts', draft.id)!;
    expect(stored.status).toBe('draft');
    expect(stored.content).toBe('<p>Texte revu par B</p>');
  });
});

describe('a trash or restore that crossed a colleague’s edit is merged like a pull', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  it('a trash: B’s new text stays on the desk and comes into A’s trash', async () => {
    const draft = await addDraft(a.db, { title: 'Brève', body: '<p>Texte</p>' });
    await a.join();
    await b.join();
    await updateDraft(draft.id, { body: '<p>Texte revu par B</p>' }, b.db);
    await b.sync();
    const before = server.byClientId('drafts', draft.id)!.version;

    await trashDraft(draft.id, a.db);
    await a.sync();

    const stored = server.byClientId('drafts', draft.id)!;
    expect(stored.status).toBe('trash');
    expect(stored.content).toBe('<p>Texte revu par B</p>');
    // The trash only: no update of A's older text after it.
    expect(stored.version).toBe(before + 1);
    const local = (await a.db.clips.get(draft.id))!;
    expect(local.deletedAt).toBeDefined();
    expect(local.body).toBe('<p>Texte revu par B</p>');
    expect((await a.engine.status()).pending).toBe(0);
  });

  it('a restore: B’s text written in the trash is kept, A’s own change beside it is sent', async () => {
    const draft = await addDraft(a.db, { title: 'Brève', body: '<p>Texte</p>' });
    await a.join();
    await b.join();
    await trashDraft(draft.id, a.db);
    await a.sync();
    server.edit('drafts', draft.id, 'auteur', { content: '<p>Écrit par B dans la corbeille</p>' });

    await restoreDraft(draft.id, a.db);
    await updateDraft(draft.id, { title: 'Brève remise' }, a.db);
    await a.sync();

    const stored = server.byClientId('drafts', draft.id)!;
    expect(stored.status).toBe('draft');
    expect(stored.content).toBe('<p>Écrit par B dans la corbeille</p>');
    expect(stored.title).toBe('Brève remise');
    const local = (await a.db.clips.get(draft.id))!;
    expect(local.body).toBe('<p>Écrit par B dans la corbeille</p>');
    expect(local.deletedAt).toBeUndefined();
    expect(await a.db.conflicts.count()).toBe(0);
  });
});

describe('the plan of a browser that last synced with an earlier version', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  it('a few records of its own: each is looked up by its id, and only the new one counted', async () => {
    const known = [];
    for (let i = 0; i < 3; i += 1) known.push(await addDraft(a.db, { title: `Brève ${i}` }));
    await a.join();
    for (let i = 0; i < 6; i += 1) await addDraft(b.db, { title: `Brève de B ${i}` });
    await b.join();
    await leaveAsBefore(a);
    await addDraft(a.db, { title: 'Écrite hors rédaction' });

    server.log = [];
    const plan = (await a.engine.plan()) as SyncPlan;

    expect(plan).toMatchObject({ localDrafts: 1, localIssues: 0, remoteDrafts: 9 });
    // Two counts, then one lookup per draft it does not know (fewer than listing the desk).
    expect(server.log).toHaveLength(2 + 4);
  });

  it('thousands of its own (here 40): one ids-only listing of the desk, not one lookup each', async () => {
    for (let i = 0; i < 40; i += 1) await addDraft(a.db, { title: `Brève ${i}` });
    await a.join();
    await leaveAsBefore(a);
    await addDraft(a.db, { title: 'Écrite hors rédaction' });
    await addDraft(a.db, { title: 'Écrite hors rédaction aussi' });

    server.log = [];
    const plan = (await a.engine.plan()) as SyncPlan;

    expect(plan).toMatchObject({ localDrafts: 2, localIssues: 0, remoteDrafts: 40 });
    // Two counts, `/changes` (both kinds' first page of 2) and the 19 other pages of drafts.
    expect(server.log.filter((line) => line.includes('/changes'))).toHaveLength(1);
    expect(server.log).toHaveLength(2 + 1 + 19);

    // The pages after the first, four at a time (the counts before go two at a time).
    let inFlight = 0;
    let most = 0;
    const counting = new SyncEngine({
      db: a.db,
      settings: async () => server.settings('redac'),
      perPage: 2,
      fetch: async (input: string, init?: RequestInit) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        try {
          return await server.fetch(input, init);
        } finally {
          inFlight -= 1;
        }
      },
    });
    expect(await counting.plan()).toMatchObject({ localDrafts: 2 });
    expect(most).toBe(4);

    // And the rejoin does what the plan said: two drafts created, none again.
    server.log = [];
    await a.join();
    expect(server.all('drafts')).toHaveLength(42);
  });

  it('a browser that never synced: everything is counted, for one request per kind at most', async () => {
    await addDraft(b.db, { title: 'Brève de B' });
    await b.join();
    await addDraft(a.db, { title: 'Brève de A' });

    server.log = [];
    expect(await a.engine.plan()).toMatchObject({ localDrafts: 1, remoteDrafts: 1 });
    expect(server.log).toHaveLength(3);
  });
});
