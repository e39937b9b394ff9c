import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusedWriting } from '../../../components/refusedWriting';
import { refusalSentence } from '../../../components/roleSentences';
import { nextCursor, SyncEngine } from '../../../services/sync';
import { saveDraft } from '../../../storage/draft-records';
import { trashDraft, restoreDraft, undo, updateDraft } from '../../../storage/drafts';
import { addToIssue, createIssue, deleteIssue, moveItem } from '../../../storage/issues';
import { removeItems } from '../../../storage/remove-undo';
import { closeDesks, TestDesk, twoDesks } from './desks';
import type { FakeDesk } from './fake-desk';

/** One browser of the newsroom (see desks.ts), which clips pages. */
class Desk extends TestDesk {
  async clip(url: string, title = 'Le ministre et le yacht', selection = '« Je ne savais pas »') {
    const { clip: draft } = await saveDraft(
      {
        metadata: {
          url,
          title,
          siteName: 'Exemple',
          byline: 'Jeanne Reporter',
          publishedAt: '2026-03-10T08:00:00.000Z',
          lang: 'fr',
          provenance: { title: 'og:title', siteName: 'og:site_name' },
        },
        selection: { text: selection, html: `<p>${selection}</p>` },
      } as never,
      this.db,
    );
    return draft;
  }
}

describe('sync engine (against an in-memory plugin)', () => {
  let server: FakeDesk;
  let a: Desk;
  let b: Desk;
  let pigiste: Desk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(Desk));
    server.addUser('pigiste', 'Pigiste', 'contributor');
    pigiste = new Desk(server, 'pigiste');
  });
  afterEach(() => closeDesks(a, b, pigiste));

  /** A's clip of a page, on both desks. */
  async function sharedClip() {
    await a.join();
    const clip = await a.clip('https://exemple.fr/1');
    await a.sync();
    await b.join();
    return clip;
  }

  /** A's issue of two clips, on both desks. */
  async function issueOnBothDesks() {
    await a.join();
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, a.db);
    const items = [];
    for (const page of ['x', 'y']) {
      const item = await a.clip(`https://exemple.fr/${page}`);
      await addToIssue(item.id, issue.id, a.db);
      items.push(item);
    }
    await a.sync();
    await b.join();
    return { issue, items };
  }

  /**
   * A writes `theirs` and B `mine` in draft `id`, then both sync, A first: the conflict B is asked
   * about.
   */
  async function conflictOn(
    id: string,
    theirs: Parameters<typeof updateDraft>[1],
    mine: Parameters<typeof updateDraft>[1],
  ) {
    await updateDraft(id, theirs, a.db);
    await updateDraft(id, mine, b.db);
    await a.sync();
    await b.sync();
    return (await b.engine.listConflicts())[0];
  }

  /** One run on `desk`'s database by an engine signed in as `username`: the bytes it received. */
  async function bytesOfRun(desk: Desk, username: string) {
    let bytes = 0;
    const counting = new SyncEngine({
      db: desk.db,
      settings: async () => server.settings(username),
      fetch: server.fetch,
      onRequest: (n) => (bytes += n),
    });
    await counting.run();
    return bytes;
  }

  it('does nothing while sync is off: no outbox, no request', async () => {
    await a.clip('https://exemple.fr/1');
    await a.sync();
    expect(server.log).toEqual([]);
    expect(await a.db.outbox.count()).toBe(0);
    expect((await a.engine.status()).enabled).toBe(false);
  });

  it('discovers the role and rights, and plans the first sync', async () => {
    await b.join();
    await b.clip('https://exemple.fr/1');
    await b.sync();
    await pigiste.clip('https://exemple.fr/2');
    await createIssue({ title: 'N', date: '2026-03-15' }, pigiste.db);
    expect(await pigiste.engine.discover()).toMatchObject({
      ok: true,
      role: 'contributor',
      user: { name: 'Pigiste' },
      can: { clip: true, arrange: false, publish: false },
    });
    expect(await pigiste.engine.plan()).toEqual({
      localDrafts: 1,
      localIssues: 1,
      remoteDrafts: 1,
      remoteIssues: 0,
    });
  });

  it('first sync uploads local drafts and issues, downloads the newsroom’s, and reports progress', async () => {
    const issue = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2026-03-15' },
      a.db,
    );
    const one = await a.clip('https://exemple.fr/1');
    await a.clip('https://exemple.fr/2');
    await addToIssue(one.id, issue.id, a.db);
    const status = await a.join();
    expect(status).toMatchObject({ enabled: true, firstSyncDone: true, phase: 'idle', pending: 0 });
    expect(status.lastError).toBeUndefined();
    expect(server.all('drafts')).toHaveLength(2);
    expect(server.all('issues')).toHaveLength(1);

    const seen: unknown[] = [];
    const watch = setInterval(
      () => void b.db.syncState.get('desk').then((s) => seen.push(s?.progress)),
      1,
    );
    const bStatus = await b.join();
    clearInterval(watch);
    expect(bStatus.firstSyncDone).toBe(true);
    expect(await b.db.clips.count()).toBe(2);
    expect(await b.db.issues.get(issue.id)).toMatchObject({ title: 'Les indiscrets du 15 mars' });
    expect(await b.db.clips.get(one.id)).toMatchObject({
      issueId: issue.id,
      sortKey: one.sortKey || expect.any(String),
    });
    // B had nothing to upload; it downloaded page by page (2 per page here).
    expect(seen.some((p) => (p as { step?: string } | undefined)?.step === 'download')).toBe(true);
  });

  it('B sees A’s clip with its quote and metadata intact, and who clipped it', async () => {
    await a.join();
    await b.join();
    const draft = await a.clip('https://exemple.fr/yacht');
    await a.sync();
    await b.sync();
    const seen = await b.db.clips.get(draft.id);
    expect(seen).toMatchObject({
      url: 'https://exemple.fr/yacht',
      title: 'Le ministre et le yacht',
      siteName: 'Exemple',
      byline: 'Jeanne Reporter',
      publishedAt: '2026-03-10T08:00:00.000Z',
      lang: 'fr',
      quotes: draft.quotes,
      provenance: draft.provenance,
      body: draft.body,
      sources: draft.sources,
      desk: { createdBy: 'Rédaction', modifiedBy: 'Rédaction' },
    });
    // Derived search fields are rebuilt locally.
    expect(seen?.words).toContain('yacht');
    expect(await b.db.outbox.count()).toBe(0);
  });

  it('pushes a burst of edits to one draft as one update, with only the changed fields', async () => {
    await a.join();
    const draft = await a.clip('https://exemple.fr/1');
    await a.sync();
    server.log = [];
    await updateDraft(draft.id, { title: 'Un' }, a.db);
    await updateDraft(draft.id, { title: 'Deux' }, a.db);
    await updateDraft(draft.id, { tags: ['politique'] }, a.db);
    await a.sync();
    const posts = server.log.filter((line) => line.startsWith('POST'));
    expect(posts).toEqual([
      `POST /indiscrets/v1/drafts/${server.byClientId('drafts', draft.id)!.id}`,
    ]);
    expect(server.byClientId('drafts', draft.id)).toMatchObject({
      title: 'Deux',
      meta: { tags: ['politique'] },
      version: 2,
    });
  });

  it('keeps the private note in the browser unless the editor shares it', async () => {
    await a.join();
    await b.join();
    const draft = await a.clip('https://exemple.fr/1');
    await updateDraft(draft.id, { note: 'source : le chauffeur' }, a.db);
    await a.sync();
    expect(server.byClientId('drafts', draft.id)!.meta.note).toBe('');
    await b.sync();
    expect((await b.db.clips.get(draft.id))!.note).toBe('');

    await updateDraft(draft.id, { noteShared: true }, a.db);
    await a.sync();
    expect(server.byClientId('drafts', draft.id)!.meta.note).toBe('source : le chauffeur');
    await b.sync();
    expect(await b.db.clips.get(draft.id)).toMatchObject({
      note: 'source : le chauffeur',
      noteShared: true,
    });
  });

  it('merges edits of different fields made on two desks: both survive', async () => {
    const draft = await sharedClip();
    await updateDraft(draft.id, { title: 'Titre de A' }, a.db);
    await updateDraft(draft.id, { tags: ['de-b'] }, b.db);
    await a.sync();
    await b.sync(); // 409 → merge → pushed again
    await a.sync();
    for (const desk of [a, b]) {
      expect(await desk.db.clips.get(draft.id)).toMatchObject({
        title: 'Titre de A',
        tags: ['de-b'],
      });
    }
    expect(server.byClientId('drafts', draft.id)).toMatchObject({
      title: 'Titre de A',
      meta: { tags: ['de-b'] },
    });
    expect(await b.db.conflicts.count()).toBe(0);
  });

  it('shares an item’s label: merged with another desk’s edit, asked when both renamed it', async () => {
    const draft = await sharedClip();
    await updateDraft(draft.id, { label: 'OVH en Bourse' }, a.db);
    await updateDraft(draft.id, { status: 'checked' }, b.db);
    await a.sync();
    await b.sync();
    await a.sync();
    for (const desk of [a, b]) {
      expect(await desk.db.clips.get(draft.id)).toMatchObject({
        label: 'OVH en Bourse',
        status: 'checked',
      });
    }
    expect(server.byClientId('drafts', draft.id)).toMatchObject({
      meta: { label: 'OVH en Bourse', status: 'checked' },
    });

    // Both rename it: B is asked, with A's name as the other version.
    await updateDraft(draft.id, { label: 'Nom de A' }, a.db);
    await updateDraft(draft.id, { label: 'Nom de B' }, b.db);
    await a.sync();
    const status = await b.sync();
    expect(status.conflicts).toBe(1);
    const [conflict] = await b.engine.listConflicts();
    expect(conflict?.fields).toMatchObject([
      { field: 'label', mine: 'Nom de B', theirs: 'Nom de A' },
    ]);
  });

  it('keeps a same-field conflict for the editor, drops nothing, and pushes the choice', async () => {
    const clip = await sharedClip();
    await updateDraft(clip.id, { body: '<p>Version A</p>' }, a.db);
    await updateDraft(clip.id, { body: '<p>Version B</p>', status: 'checked' }, b.db);
    await a.sync();
    const status = await b.sync();
    expect(status.conflicts).toBe(1);
    const [conflict] = await b.engine.listConflicts();
    expect(conflict).toMatchObject({
      recordId: clip.id,
      theirsBy: 'Rédaction',
      fields: [{ field: 'body', mine: '<p>Version B</p>', theirs: '<p>Version A</p>' }],
    });
    // B keeps its text while it decides; the server still has A's; the record waits.
    expect((await b.db.clips.get(clip.id))!.body).toBe('<p>Version B</p>');
    expect(server.byClientId('drafts', clip.id)!.content).toBe('<p>Version A</p>');
    expect(await b.db.outbox.get(`draft:${clip.id}`)).toMatchObject({ blocked: 'conflict' });
    await b.sync();
    expect(server.byClientId('drafts', clip.id)!.content).toBe('<p>Version A</p>');

    await b.engine.resolve(conflict!.key, { body: 'mine' });
    await b.engine.whenIdle();
    expect(server.byClientId('drafts', clip.id)).toMatchObject({
      content: '<p>Version B</p>',
      meta: { status: 'checked' },
    });
    expect(await b.db.conflicts.count()).toBe(0);
    await a.sync();
    expect((await a.db.clips.get(clip.id))!.body).toBe('<p>Version B</p>');
  });

  it('keeps with « mine » the text typed after the conflict was found, not the one it was found with', async () => {
    const clip = await sharedClip();
    const conflict = await conflictOn(
      clip.id,
      { body: '<p>Version A</p>' },
      { body: '<p>Version B</p>' },
    );
    expect(conflict?.fields).toMatchObject([{ field: 'body', mine: '<p>Version B</p>' }]);
    // B goes on typing while the box is open.
    await updateDraft(clip.id, { body: '<p>Version B, et la suite</p>' }, b.db);

    await b.engine.resolve(conflict!.key, { body: 'mine' });
    await b.engine.whenIdle();
    expect((await b.db.clips.get(clip.id))!.body).toBe('<p>Version B, et la suite</p>');
    expect(server.byClientId('drafts', clip.id)!.content).toBe('<p>Version B, et la suite</p>');
  });

  it('keeps with « mine » the sources and tags changed after the conflict was found', async () => {
    await a.join();
    const clip = await a.clip('https://exemple.fr/1');
    await a.sync();
    await b.join();
    const source = (title: string) => ({ url: `https://exemple.fr/${title}`, title });
    const conflict = await conflictOn(
      clip.id,
      { sources: [source('A')], tags: ['a'] },
      { sources: [source('B')], tags: ['b'] },
    );
    expect(conflict?.fields.map((field) => field.field).sort()).toEqual(['sources', 'tags']);
    // B adds a source and a tag while the box is open.
    const now = { sources: [source('B'), source('B2')], tags: ['b', 'b2'] };
    await updateDraft(clip.id, now, b.db);

    await b.engine.resolve(conflict!.key, { sources: 'mine', tags: 'mine' });
    await b.engine.whenIdle();
    expect((await b.db.clips.get(clip.id))!).toMatchObject(now);
    await a.sync();
    expect((await a.db.clips.get(clip.id))!).toMatchObject(now);
  });

  it('resolving with their version writes it locally and pushes nothing for that field', async () => {
    const draft = await sharedClip();
    const conflict = await conflictOn(draft.id, { title: 'A' }, { title: 'B' });
    const version = server.byClientId('drafts', draft.id)!.version;
    await b.engine.resolve(conflict!.key, { title: 'theirs' });
    await b.engine.whenIdle();
    expect((await b.db.clips.get(draft.id))!.title).toBe('A');
    expect(server.byClientId('drafts', draft.id)!.version).toBe(version);
    expect(await b.db.outbox.count()).toBe(0);
  });

  it('undoes « Prendre l’autre »: the editor’s text and the conflict come back, and nothing is sent', async () => {
    const clip = await sharedClip();
    const conflict = await conflictOn(
      clip.id,
      { body: '<p>Version A</p>', tags: ['Bercy'] },
      { body: '<p>Version B</p>' },
    );

    const { undo: token } = await b.engine.resolve(conflict!.key, { body: 'theirs' });
    await b.engine.whenIdle();
    expect((await b.db.clips.get(clip.id))!.body).toBe('<p>Version A</p>');
    const back = await undo(token!, b.db);

    expect(back).toEqual({ issueId: '', draftId: clip.id, conflict: true });
    // B's text is back, A's tag (merged without conflict) stays.
    expect(await b.db.clips.get(clip.id)).toMatchObject({
      body: '<p>Version B</p>',
      tags: ['Bercy'],
    });
    expect(await b.engine.listConflicts()).toMatchObject([
      {
        key: conflict!.key,
        theirsBy: 'Rédaction',
        fields: [{ field: 'body', mine: '<p>Version B</p>', theirs: '<p>Version A</p>' }],
      },
    ]);
    // Held as a conflict found by the sync is: B's text is not sent over A's unasked.
    await b.sync();
    expect(server.byClientId('drafts', clip.id)!.content).toBe('<p>Version A</p>');
    // Undone once only (another view, a second click): nothing is written back again.
    expect(await undo(token!, b.db)).toBeUndefined();

    const [again] = await b.engine.listConflicts();
    await b.engine.resolve(again!.key, { body: 'mine' });
    await b.engine.whenIdle();
    expect(server.byClientId('drafts', clip.id)!.content).toBe('<p>Version B</p>');
  });

  it('names a conflict on an item of an issue as the issue list does, by its label, not by its draft’s title', async () => {
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, a.db);
    const plain = await a.clip('https://exemple.fr/1');
    const labelled = await a.clip('https://exemple.fr/2');
    await addToIssue(plain.id, issue.id, a.db);
    await addToIssue(labelled.id, issue.id, a.db);
    await updateDraft(labelled.id, { label: 'Yacht' }, a.db);
    await a.join();
    await b.join();
    for (const id of [plain.id, labelled.id]) {
      await updateDraft(id, { body: '<p>Le ministre a dîné avec l’intéressé.</p>' }, a.db);
      await updateDraft(id, { body: '<p>Le ministre dit non.</p>' }, b.db);
    }
    await a.sync();
    await b.sync();
    const titles = (await b.engine.listConflicts()).map((c) => [c.recordId, c.title]);
    // B's list shows one by B's text's first words, the other by its label; « Le ministre et
    // le yacht », both drafts' title, is in neither row.
    expect(titles).toEqual(
      expect.arrayContaining([
        [plain.id, 'Le ministre dit non.'],
        [labelled.id, 'Yacht'],
      ]),
    );
  });

  it('undoes « Prendre l’autre » after the sync sent the choice: only what still differs from the desk is a conflict', async () => {
    const clip = await sharedClip();
    const conflict = await conflictOn(
      clip.id,
      { title: 'Titre A', body: '<p>Version A</p>' },
      { title: 'Titre B', body: '<p>Version B</p>' },
    );
    const { undo: token } = await b.engine.resolve(conflict!.key, {
      title: 'mine',
      body: 'theirs',
    });
    await b.engine.whenIdle();
    // The title kept as B's is on the desk now, and the body is A's.
    expect(server.byClientId('drafts', clip.id)).toMatchObject({
      title: 'Titre B',
      content: '<p>Version A</p>',
    });

    await undo(token!, b.db);

    expect(await b.db.clips.get(clip.id)).toMatchObject({
      title: 'Titre B',
      body: '<p>Version B</p>',
    });
    const [back] = await b.engine.listConflicts();
    expect(back!.fields).toEqual([
      expect.objectContaining({
        field: 'body',
        mine: '<p>Version B</p>',
        theirs: '<p>Version A</p>',
      }),
    ]);
    await b.sync();
    expect(server.byClientId('drafts', clip.id)!.content).toBe('<p>Version A</p>');
  });

  it('undoes « Prendre l’autre » after a newer version came: the box shows it, by whoever wrote it', async () => {
    const clip = await sharedClip();
    const conflict = await conflictOn(
      clip.id,
      { body: '<p>Version A</p>' },
      { body: '<p>Version B</p>' },
    );
    const { undo: token } = await b.engine.resolve(conflict!.key, { body: 'theirs' });
    await b.engine.whenIdle();
    server.edit('drafts', clip.id, 'pigiste', { content: '<p>Version C</p>' });
    await b.sync();
    expect((await b.db.clips.get(clip.id))!.body).toBe('<p>Version C</p>');

    await undo(token!, b.db);

    expect((await b.db.clips.get(clip.id))!.body).toBe('<p>Version B</p>');
    expect(await b.engine.listConflicts()).toMatchObject([
      {
        theirsBy: 'Pigiste',
        fields: [{ field: 'body', mine: '<p>Version B</p>', theirs: '<p>Version C</p>' }],
      },
    ]);
    await b.sync();
    expect(server.byClientId('drafts', clip.id)!.content).toBe('<p>Version C</p>');
  });

  it('undoes « Prendre l’autre » for the fields it took only: one kept « mine » and written since stays, unasked', async () => {
    const clip = await sharedClip();
    const conflict = await conflictOn(
      clip.id,
      { title: 'Titre A', body: '<p>Version A</p>' },
      { title: 'Titre B', body: '<p>Version B</p>' },
    );
    const { undo: token } = await b.engine.resolve(conflict!.key, {
      body: 'theirs',
      title: 'mine',
    });
    await updateDraft(clip.id, { title: 'Titre B, corrigé' }, b.db);

    const back = await undo(token!, b.db);

    expect(back!.conflictKept).toBeUndefined();
    expect(await b.db.clips.get(clip.id)).toMatchObject({
      title: 'Titre B, corrigé',
      body: '<p>Version B</p>',
    });
    expect((await b.engine.listConflicts())[0]!.fields.map((f) => f.field)).toEqual(['body']);
    await b.engine.whenIdle();
  });

  it('offers no undo when the editor kept their own version of every field', async () => {
    const clip = await sharedClip();
    const conflict = await conflictOn(clip.id, { title: 'A' }, { title: 'B' });

    expect((await b.engine.resolve(conflict!.key, { title: 'mine' })).undo).toBeUndefined();
    await b.engine.whenIdle();
  });

  it('says why a choice wrote nothing: the conflict settled meanwhile, found anew, or its record gone', async () => {
    const clip = await sharedClip();
    const conflict = await conflictOn(clip.id, { title: 'A' }, { title: 'B' });

    // A box asking about the body, answered after the conflict was found again on the title.
    expect((await b.engine.resolve(conflict!.key, { body: 'mine' })).unwritten).toBe('changed');
    expect(await b.engine.listConflicts()).toHaveLength(1);
    const first = await b.engine.resolve(conflict!.key, { title: 'mine' });
    expect(first.unwritten).toBeUndefined();
    // The same choice from a second view, its box drawn before the first settled it.
    expect((await b.engine.resolve(conflict!.key, { title: 'theirs' })).unwritten).toBe('settled');
    await b.engine.whenIdle();
    expect((await b.db.clips.get(clip.id))!.title).toBe('B');

    // A conflict whose record was deleted for good while its box was open.
    await a.sync();
    const again = await conflictOn(clip.id, { title: 'A2' }, { title: 'B2' });
    await b.db.clips.delete(clip.id);
    const answer = await b.engine.resolve(again!.key, { title: 'theirs' });
    expect(answer).toMatchObject({ unwritten: 'gone' });
    expect(answer.undo).toBeUndefined();
    expect(await b.db.clips.get(clip.id)).toBeUndefined();
    expect(await b.engine.listConflicts()).toEqual([]);
    await b.engine.whenIdle();
  });

  it('keeps asking about a field while the colleague saves another that conflicts too; a box drawn before answers nothing', async () => {
    const clip = await sharedClip();
    const conflict = await conflictOn(clip.id, { title: 'Titre de A' }, { title: 'Titre de B' });
    // The box open on the title, both write the body, A first.
    await updateDraft(clip.id, { body: '<p>Texte de A</p>' }, a.db);
    await a.sync();
    await updateDraft(clip.id, { body: '<p>Texte de B</p>' }, b.db);
    await b.sync();

    const [grown] = await b.engine.listConflicts();
    expect(grown!.fields).toMatchObject([
      { field: 'title', mine: 'Titre de B', theirs: 'Titre de A' },
      { field: 'body', mine: '<p>Texte de B</p>', theirs: '<p>Texte de A</p>' },
    ]);
    // The box drawn before, answering for the title alone: the body would be settled unasked.
    expect((await b.engine.resolve(conflict!.key, { title: 'theirs' })).unwritten).toBe('changed');
    expect(await b.engine.listConflicts()).toEqual([grown]);
    await b.engine.resolve(grown!.key, { title: 'theirs', body: 'mine' });
    await b.engine.whenIdle();
    expect(server.byClientId('drafts', clip.id)).toMatchObject({
      title: 'Titre de A',
      content: '<p>Texte de B</p>',
    });
  });

  it('merges a pulled change into a draft with unpushed local edits', async () => {
    await a.join();
    const draft = await a.clip('https://exemple.fr/1');
    await a.sync();
    server.edit('drafts', draft.id, 'auteur', { title: 'Titre du serveur' });
    server.offline = true;
    await updateDraft(draft.id, { tags: ['local'] }, a.db);
    await a.sync(); // offline: nothing leaves
    server.offline = false;
    await a.sync();
    expect(await a.db.clips.get(draft.id)).toMatchObject({
      title: 'Titre du serveur',
      tags: ['local'],
    });
    expect(server.byClientId('drafts', draft.id)).toMatchObject({
      title: 'Titre du serveur',
      meta: { tags: ['local'] },
    });
  });

  it('offline: the outbox waits with a typed error, then everything is pushed once', async () => {
    await a.join();
    server.offline = true;
    const one = await a.clip('https://exemple.fr/1');
    const two = await a.clip('https://exemple.fr/2');
    await updateDraft(one.id, { title: 'Écrit hors ligne' }, a.db);
    const status = await a.sync();
    expect(status).toMatchObject({ pending: 2, lastError: { code: 'offline' } });
    server.offline = false;
    server.log = [];
    const back = await a.sync();
    expect(back.pending).toBe(0);
    expect(back.lastError).toBeUndefined();
    // Both creates in one request of WordPress's batch API.
    expect(server.log.filter((l) => l === 'POST /batch/v1')).toHaveLength(1);
    expect(server.log.filter((l) => l.startsWith('POST /indiscrets/v1/drafts'))).toEqual([
      'POST /indiscrets/v1/drafts (batch)',
      'POST /indiscrets/v1/drafts (batch)',
    ]);
    expect(
      server
        .all('drafts')
        .map((r) => r.meta.clientId)
        .sort(),
    ).toEqual([one.id, two.id].sort());
    expect(server.byClientId('drafts', one.id)!.title).toBe('Écrit hors ligne');
  });

  it('a create whose answer was lost is adopted on retry (409 exists), never duplicated', async () => {
    await a.join();
    const clip = await a.clip('https://exemple.fr/1');
    server.loseAnswerOf = /^POST \/indiscrets\/v1\/drafts$/;
    const lost = await a.sync();
    expect(lost.pending).toBe(1);
    await updateDraft(clip.id, { title: 'Retouché' }, a.db);
    await a.sync();
    expect(server.all('drafts')).toHaveLength(1);
    expect(server.byClientId('drafts', clip.id)!.title).toBe('Retouché');
    expect(await a.db.syncRecords.get(`draft:${clip.id}`)).toMatchObject({
      remoteId: server.byClientId('drafts', clip.id)!.id,
    });
  });

  it('reorder on one desk and text edit on another both survive', async () => {
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, a.db);
    const x = await a.clip('https://exemple.fr/x');
    const y = await a.clip('https://exemple.fr/y');
    await addToIssue(x.id, issue.id, a.db);
    await addToIssue(y.id, issue.id, a.db);
    await a.join();
    await b.join();
    await moveItem(issue.id, y.id, 0, b.db);
    await updateDraft(y.id, { body: '<p>Texte de A</p>' }, a.db);
    await b.sync();
    await a.sync();
    await b.sync();
    for (const desk of [a, b]) {
      const items = (await desk.db.clips.where('issueId').equals(issue.id).sortBy('sortKey')).map(
        (c) => c.id,
      );
      expect(items).toEqual([y.id, x.id]);
      expect((await desk.db.clips.get(y.id))!.body).toBe('<p>Texte de A</p>');
    }
  });

  it('a contributor’s refused edit (403) is rolled back with a typed refusal naming the role', async () => {
    await a.join();
    const draft = await a.clip('https://exemple.fr/1');
    await a.sync();
    await pigiste.join();
    await updateDraft(
      draft.id,
      { title: 'Titre du pigiste', note: 'Une demi-heure de travail', noteShared: true },
      pigiste.db,
    );
    const status = await pigiste.sync();
    expect(status.refusals).toBe(1);
    expect(await pigiste.db.refusals.toArray()).toMatchObject([
      {
        recordId: draft.id,
        action: 'edit',
        needs: 'editor',
        discarded: { title: 'Titre du pigiste', sharedNote: 'Une demi-heure de travail' },
      },
    ]);
    // What the change wrote, rolled back: the notice offers to copy it, as the sync names it.
    const [refusal] = await pigiste.db.refusals.toArray();
    expect(refusedWriting(refusal!)?.text).toBe(
      'Titre du brouillon\u00a0: Titre du pigiste\n\nNote partagée\u00a0: Une demi-heure de travail',
    );
    expect((await pigiste.db.clips.get(draft.id))!.title).toBe('Le ministre et le yacht');
    expect(server.byClientId('drafts', draft.id)!.title).toBe('Le ministre et le yacht');
    expect(await pigiste.db.outbox.count()).toBe(0);
    const after = await pigiste.engine.dismissRefusal(
      (await pigiste.db.refusals.toArray())[0]!.key,
    );
    expect(after.refusals).toBe(0);
  });

  it('a contributor cannot reorder the issue: the move is undone, nothing changes on the server', async () => {
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, a.db);
    const x = await a.clip('https://exemple.fr/x');
    const y = await a.clip('https://exemple.fr/y');
    await addToIssue(x.id, issue.id, a.db);
    await addToIssue(y.id, issue.id, a.db);
    await a.join();
    await pigiste.join();
    const key = server.byClientId('drafts', y.id)!.meta.sortKey;
    await moveItem(issue.id, y.id, 0, pigiste.db);
    await pigiste.sync();
    expect(server.byClientId('drafts', y.id)!.meta.sortKey).toBe(key);
    expect((await pigiste.db.clips.get(y.id))!.sortKey).toBe(key);
    expect(await pigiste.db.refusals.toArray()).toMatchObject([
      { action: 'arrange', needs: 'editor' },
    ]);
  });

  it('a contributor’s own clip put in an issue goes up to the inbox, the arrangement refused', async () => {
    await a.join();
    await pigiste.join();
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, a.db);
    await a.sync();
    await pigiste.sync();
    const draft = await pigiste.clip('https://exemple.fr/p');
    await addToIssue(draft.id, issue.id, pigiste.db);
    await pigiste.sync();
    expect(server.byClientId('drafts', draft.id)).toMatchObject({
      meta: { issueId: '', sortKey: '' },
    });
    expect(await pigiste.db.clips.get(draft.id)).toMatchObject({ issueId: '', sortKey: '' });
    expect(await pigiste.db.refusals.toArray()).toMatchObject([{ action: 'arrange' }]);
  });

  /** A contributor's own draft, put in an issue by the editor since the contributor last synced. */
  async function putInIssueByEditor() {
    await a.join();
    await pigiste.join();
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, a.db);
    const draft = await pigiste.clip('https://exemple.fr/p');
    await a.sync();
    await pigiste.sync();
    await a.sync();
    await addToIssue(draft.id, issue.id, a.db);
    await a.sync();
    return { issue, draft };
  }

  it('a contributor’s own draft trashed while an editor put it in an issue stays in the issue, the refusal saying why', async () => {
    const { issue, draft } = await putInIssueByEditor();
    // The contributor, not yet told, trashes it (their right).
    await trashDraft(draft.id, pigiste.db);

    await pigiste.sync();

    const [refusal] = await pigiste.db.refusals.toArray();
    expect(refusal).toMatchObject({ action: 'trash', wpCode: 'indiscrets_cannot_arrange' });
    expect(refusalSentence(refusal!)).toContain('a été mis dans un numéro entre-temps');
    expect(server.byClientId('drafts', draft.id)).toMatchObject({ status: 'draft' });
    expect(await pigiste.db.clips.get(draft.id)).toMatchObject({ issueId: issue.id });
    expect((await pigiste.db.clips.get(draft.id))!.deletedAt).toBeUndefined();
  });

  it('a refused trash keeps the words written before it: they still reach the draft in the issue', async () => {
    const { issue, draft } = await putInIssueByEditor();
    // Written, then trashed, before the contributor's desk could send either.
    await updateDraft(draft.id, { body: '<p>Le texte du pigiste</p>' }, pigiste.db);
    await trashDraft(draft.id, pigiste.db);

    await pigiste.sync();

    expect(await pigiste.db.refusals.toArray()).toMatchObject([{ action: 'trash' }]);
    expect(await pigiste.db.clips.get(draft.id)).toMatchObject({
      issueId: issue.id,
      body: '<p>Le texte du pigiste</p>',
    });
    expect((await pigiste.db.clips.get(draft.id))!.deletedAt).toBeUndefined();
    expect(server.byClientId('drafts', draft.id)!.content).toBe('<p>Le texte du pigiste</p>');
    expect(await pigiste.db.outbox.count()).toBe(0);
  });

  it.each(['trash', 'restore'] as const)(
    'a refused %s of a colleague’s draft written in is one refusal, its words offered to copy',
    async (action) => {
      await a.join();
      const draft = await a.clip('https://exemple.fr/1');
      await a.sync();
      await pigiste.join();
      if (action === 'restore') {
        // The editor's trash, seen by the contributor's desk.
        await trashDraft(draft.id, a.db);
        await a.sync();
        await pigiste.sync();
      }
      // Written in and trashed (or restored) before the contributor's desk could send either.
      await updateDraft(draft.id, { title: 'Titre du pigiste' }, pigiste.db);
      if (action === 'trash') await trashDraft(draft.id, pigiste.db);
      else await restoreDraft(draft.id, pigiste.db);

      const status = await pigiste.sync();

      // One refusal, not a second one for the edit (WordPress would refuse it too).
      expect(status.refusals).toBe(1);
      const [refusal] = await pigiste.db.refusals.toArray();
      expect(refusal).toMatchObject({ recordId: draft.id, action, changed: ['title'] });
      expect(refusedWriting(refusal!)?.text).toBe('Titre du brouillon\u00a0: Titre du pigiste');
      // The whole change rolled back, nothing left to send.
      const local = (await pigiste.db.clips.get(draft.id))!;
      expect(local.title).toBe('Le ministre et le yacht');
      expect(local.deletedAt !== undefined).toBe(action === 'restore');
      expect(await pigiste.db.outbox.count()).toBe(0);
      expect(server.byClientId('drafts', draft.id)).toMatchObject({
        title: 'Le ministre et le yacht',
        status: action === 'restore' ? 'trash' : 'draft',
      });
    },
  );

  it('a refused trash of a colleague’s draft written in is one refusal for an Editor made Contributor meanwhile too', async () => {
    const draft = await sharedClip();
    // B's desk read its role (Editor) and the draft's marks (B may write it) before the change.
    await b.sync();
    server.setRole('auteur', 'contributor');
    await updateDraft(draft.id, { title: 'Titre de B' }, b.db);
    await trashDraft(draft.id, b.db);

    const status = await b.sync();

    expect(status.refusals).toBe(1);
    const [refusal] = await b.db.refusals.toArray();
    expect(refusal).toMatchObject({ action: 'trash', changed: ['title'], needs: 'editor' });
    expect(refusedWriting(refusal!)?.text).toBe('Titre du brouillon\u00a0: Titre de B');
    const local = (await b.db.clips.get(draft.id))!;
    expect(local.title).toBe('Le ministre et le yacht');
    expect(local.deletedAt).toBeUndefined();
    expect(await b.db.outbox.count()).toBe(0);
    expect(server.byClientId('drafts', draft.id)).toMatchObject({
      title: 'Le ministre et le yacht',
      status: 'draft',
    });
    // The desk knows the role now: what it says and offers follows it.
    expect((await b.db.syncState.get('desk'))!.can?.editOthers).toBe(false);
  });

  it('a refused trash is one refusal too when the run’s own role check saw the change first', async () => {
    const draft = await sharedClip();
    await b.sync();
    server.setRole('auteur', 'contributor');
    await updateDraft(draft.id, { title: 'Titre de B' }, b.db);
    await trashDraft(draft.id, b.db);
    // Back after a while: the run asks the role first, before the pull that reads the marks again.
    b.ahead = 6 * 60_000;

    await b.sync();

    expect((await b.db.refusals.toArray()).map((refusal) => refusal.action)).toEqual(['trash']);
  });

  it('two refused trashes in one run are one refusal each, the role asked once', async () => {
    await a.join();
    const one = await a.clip('https://exemple.fr/1');
    const two = await a.clip('https://exemple.fr/2');
    await a.sync();
    await b.join();
    await b.sync();
    server.setRole('auteur', 'contributor');
    for (const draft of [one, two]) {
      await updateDraft(draft.id, { title: 'Titre de B' }, b.db);
      await trashDraft(draft.id, b.db);
    }
    const before = server.log.length;

    await b.sync();

    const refusals = await b.db.refusals.toArray();
    expect(refusals.map((refusal) => refusal.action)).toEqual(['trash', 'trash']);
    expect(new Set(refusals.map((refusal) => refusal.recordId))).toEqual(new Set([one.id, two.id]));
    expect(server.log.slice(before).filter((line) => line === 'GET /indiscrets/v1')).toHaveLength(
      1,
    );
  });

  it('an issue deleted by an editor WordPress no longer counts as one is one refusal, the issue back with its items', async () => {
    await a.join();
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, a.db);
    const items = [];
    for (const page of ['x', 'y', 'z']) {
      const item = await a.clip(`https://exemple.fr/${page}`);
      await addToIssue(item.id, issue.id, a.db);
      items.push(item);
    }
    await a.sync();
    // B's own clip, in the issue too: B may write it, not take it out of the issue.
    await b.join();
    const own = await b.clip('https://exemple.fr/b');
    await addToIssue(own.id, issue.id, b.db);
    await b.sync();
    const keys = await Promise.all(
      [...items, own].map(async (item) => (await b.db.clips.get(item.id))!.sortKey),
    );
    // B made Contributor in WordPress; B's desk does not know yet, and deletes the issue.
    server.setRole('auteur', 'contributor');
    await deleteIssue(issue.id, b.db);

    const status = await b.sync();

    // The deletion's refusal alone: not one more for each item it let go.
    expect(status.refusals).toBe(1);
    expect(await b.db.refusals.toArray()).toMatchObject([
      { kind: 'issue', recordId: issue.id, action: 'trash' },
    ]);
    expect(await b.db.issues.get(issue.id)).toMatchObject({ title: 'N' });
    for (const [index, item] of [...items, own].entries()) {
      expect(await b.db.clips.get(item.id)).toMatchObject({
        issueId: issue.id,
        sortKey: keys[index],
      });
      expect(server.byClientId('drafts', item.id)!.meta.issueId).toBe(issue.id);
    }
    expect(server.byClientId('issues', issue.id)!.status).not.toBe('trash');
    expect(await b.db.outbox.count()).toBe(0);
  });

  it('the items’ refusals are said until the deletion is refused: the run stopped before it', async () => {
    const { issue, items } = await issueOnBothDesks();
    server.setRole('auteur', 'contributor');
    await deleteIssue(issue.id, b.db);
    // The connection drops as the deletion goes, after the items' releases were refused.
    const remoteId = server.byClientId('issues', issue.id)!.id;
    b.beforeRequest = (input) => {
      const route = new URL(input).searchParams.get('rest_route') ?? '';
      if (route === `/indiscrets/v1/issues/${remoteId}`) server.offline = true;
    };

    await b.sync();
    b.beforeRequest = undefined;

    // Meanwhile each item, back in an issue this desk does not show, says why.
    expect((await b.db.refusals.toArray()).map((refusal) => refusal.recordId).sort()).toEqual(
      items.map((item) => item.id).sort(),
    );
    server.offline = false;
    await b.sync();
    expect(await b.db.refusals.toArray()).toMatchObject([
      { kind: 'issue', recordId: issue.id, action: 'trash' },
    ]);
    expect(await b.db.issues.get(issue.id)).toBeDefined();
  });

  it('an item the editor took out before deleting the issue keeps its own refusal', async () => {
    const { issue, items } = await issueOnBothDesks();
    server.setRole('auteur', 'contributor');
    // « Retirer » first, then the issue deleted: the take-out is the editor's own change.
    await removeItems([items[0]!.id], b.db);
    await deleteIssue(issue.id, b.db);

    await b.sync();

    const said = (await b.db.refusals.toArray()).map((refusal) => [
      refusal.recordId,
      refusal.action,
    ]);
    expect(said).toHaveLength(2);
    expect(said).toEqual(
      expect.arrayContaining([
        [items[0]!.id, 'arrange'],
        [issue.id, 'trash'],
      ]),
    );
  });

  it('an issue deleted while the desk was off, then rejoined, is one refusal too', async () => {
    const { issue } = await issueOnBothDesks();
    await b.engine.disable();
    // Deleted with the desk off (nothing notes which items it let go); the role lowered meanwhile.
    await deleteIssue(issue.id, b.db);
    server.setRole('auteur', 'contributor');

    await b.join();

    expect((await b.db.refusals.toArray()).map((refusal) => refusal.kind)).toEqual(['issue']);
  });

  it('the items’ refusals go when the deletion is undone while it is being sent', async () => {
    const { issue } = await issueOnBothDesks();
    server.setRole('auteur', 'contributor');
    const token = await deleteIssue(issue.id, b.db);
    const remoteId = server.byClientId('issues', issue.id)!.id;
    let undone: Promise<unknown> | undefined;
    b.beforeRequest = (input) => {
      const route = new URL(input).searchParams.get('rest_route') ?? '';
      // « Annuler » as the deletion goes, after the items' releases were refused.
      if (!undone && route === `/indiscrets/v1/issues/${remoteId}`) undone = undo(token!, b.db);
    };

    await b.sync();
    await undone;
    b.beforeRequest = undefined;
    await b.sync();

    expect(await b.db.issues.get(issue.id)).toBeDefined();
    // The editor undid it: nothing of it is said, neither the deletion nor its items' releases.
    expect(await b.db.refusals.count()).toBe(0);
  });

  it('a move out of an issue refused is told, though the issue’s deletion waits too', async () => {
    await a.join();
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, a.db);
    const other = await createIssue({ title: 'Autre', date: '2026-03-22' }, a.db);
    const item = await a.clip('https://exemple.fr/x');
    await addToIssue(item.id, issue.id, a.db);
    await a.sync();
    await b.join();
    server.setRole('auteur', 'contributor');
    // Moved to another issue, then the first deleted: the move is the editor's own change.
    await addToIssue(item.id, other.id, b.db);
    await deleteIssue(issue.id, b.db);

    await b.sync();

    expect(
      (await b.db.refusals.toArray()).map((refusal) => [refusal.kind, refusal.action]).sort(),
    ).toEqual([
      ['draft', 'arrange'],
      ['issue', 'trash'],
    ]);
  });

  it('words typed while a refused trash was on its way stay in the draft, and the refusal that follows offers them', async () => {
    await a.join();
    const draft = await a.clip('https://exemple.fr/1');
    await a.sync();
    await pigiste.join();
    await updateDraft(draft.id, { title: 'Titre du pigiste' }, pigiste.db);
    await trashDraft(draft.id, pigiste.db);
    // The contributor's browser, which goes on typing while WordPress answers the trash.
    let typed = false;
    const engine = new SyncEngine({
      db: pigiste.db,
      settings: async () => server.settings('pigiste'),
      fetch: async (input: string, init?: RequestInit) => {
        if (!typed && init?.method === 'DELETE') {
          typed = true;
          await updateDraft(draft.id, { body: '<p>Écrit pendant l’envoi</p>' }, pigiste.db);
        }
        return server.fetch(input, init);
      },
      isOnline: () => true,
      writeDelayMs: 10,
      perPage: 2,
    });

    await engine.run();

    expect(typed).toBe(true);
    // Not rolled back over the words typed meanwhile: the record goes again as it is now.
    expect((await pigiste.db.clips.get(draft.id))!.body).toBe('<p>Écrit pendant l’envoi</p>');
    await engine.run();
    await engine.whenIdle();
    const [refusal] = await pigiste.db.refusals.toArray();
    expect(refusal).toMatchObject({ action: 'trash' });
    expect(refusedWriting(refusal!)?.text).toBe(
      'Titre du brouillon\u00a0: Titre du pigiste\n\nÉcrit pendant l’envoi',
    );
    expect(server.byClientId('drafts', draft.id)!.title).toBe('Le ministre et le yacht');
  });

  it('a passage clipped into a draft, the change refused, is offered to copy with the rest', async () => {
    await a.join();
    const draft = await a.clip('https://exemple.fr/1');
    await a.sync();
    await b.join();
    // B made Contributor in WordPress; B's desk does not know yet, and clips the page again.
    server.setRole('auteur', 'contributor');
    await b.clip('https://exemple.fr/1', 'Le ministre', '« Je ne démissionnerai pas »');

    await b.sync();

    const [refusal] = await b.db.refusals.toArray();
    expect(refusal).toMatchObject({ recordId: draft.id, action: 'edit', changed: ['quotes'] });
    expect(refusedWriting(refusal!)?.text).toBe(
      'Citations\u00a0: « Je ne savais pas »\n\nCitations\u00a0: « Je ne démissionnerai pas »',
    );
  });

  it('a contributor’s new issue is refused and taken back, with what it held kept in the refusal', async () => {
    await pigiste.join();
    const issue = await createIssue({ title: 'Mon numéro', date: '2026-03-15' }, pigiste.db);
    await pigiste.sync();
    expect(server.all('issues')).toHaveLength(0);
    expect(await pigiste.db.issues.get(issue.id)).toBeUndefined();
    expect(await pigiste.db.refusals.toArray()).toMatchObject([
      { action: 'create', kind: 'issue', needs: 'editor', discarded: { title: 'Mon numéro' } },
    ]);
    expect((await pigiste.db.refusals.toArray())[0]!.changed).toContain('title');
  });

  it('trash on one desk reaches the other, and so does the restore', async () => {
    const clip = await sharedClip();
    await trashDraft(clip.id, a.db);
    await a.sync();
    expect(server.byClientId('drafts', clip.id)!.status).toBe('trash');
    await b.sync();
    expect((await b.db.clips.get(clip.id))!.deletedAt).toBeDefined();
    await restoreDraft(clip.id, b.db);
    await b.sync();
    expect(server.byClientId('drafts', clip.id)!.status).toBe('draft');
    await a.sync();
    expect((await a.db.clips.get(clip.id))!.deletedAt).toBeUndefined();
  });

  it('moves the issues cursor past an issue pulled trashed, which is then not sent again', async () => {
    const issue = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2026-03-15' },
      a.db,
    );
    await a.join();
    await b.join();
    await deleteIssue(issue.id, a.db);
    await a.sync();
    const trashedAt = server.byClientId('issues', issue.id)!.modified;
    const before = (await b.engine.state()).cursors.issues!;

    // The fake server's clock moves only with writes: within five seconds of the trash, the
    // cursor stays that far behind its clock (nextCursor), and the issue comes again, skipped
    // by its version.
    await b.sync();
    expect(await b.db.issues.get(issue.id)).toBeUndefined();
    const within = (await b.engine.state()).cursors.issues!;
    expect(within > before).toBe(true);
    expect(within).toBe(new Date(server.now - 5000).toISOString().slice(0, 19));

    // Time passes: the next poll takes the cursor past the trashed issue, and the one after
    // that is sent nothing.
    server.now += 60_000;
    await b.sync();
    expect((await b.engine.state()).cursors.issues).toBe(
      new Date(trashedAt + 1000).toISOString().slice(0, 19),
    );
    server.log = [];
    const bytes = await bytesOfRun(b, 'auteur');
    expect(server.log).toEqual(['GET /indiscrets/v1/changes']);
    expect(bytes).toBeLessThanOrEqual(120);
  });

  it('an idle poll is one small request that gets nothing back', async () => {
    await a.join();
    await a.clip('https://exemple.fr/1');
    await a.sync();
    server.now += 60_000; // time passes: the cursor can move past the last record
    await a.sync();
    server.log = [];
    const bytes = await bytesOfRun(a, 'redac');
    // Both kinds' changes in one question; the answer is the empty envelope only.
    expect(server.log).toEqual(['GET /indiscrets/v1/changes']);
    expect(bytes).toBeLessThanOrEqual(120);
  });

  it('serialises runs: triggers during a run join it', async () => {
    await a.join();
    await a.clip('https://exemple.fr/1');
    server.log = [];
    await Promise.all([
      a.engine.syncNow('open'),
      a.engine.syncNow('poll'),
      a.engine.syncNow('online'),
    ]);
    expect(server.log.filter((l) => l === 'POST /indiscrets/v1/drafts')).toHaveLength(1);
  });

  it('debounces syncs asked after writes into one run', async () => {
    await a.join();
    await a.clip('https://exemple.fr/1');
    server.log = [];
    await a.engine.syncNow('write');
    await a.engine.syncNow('write');
    expect(server.log).toEqual([]);
    await a.engine.whenIdle();
    expect(server.log.filter((l) => l.startsWith('GET /indiscrets/v1/changes'))).toHaveLength(1);
  });

  it('a sync asked while one after a write waits pushes that write, and none follows it', async () => {
    await a.join();
    await a.clip('https://exemple.fr/1');
    server.log = [];
    // Asked at once, as the background does: awaiting the first's answer (a read of the
    // database) could outlast the 10 ms debounce on a loaded machine.
    const write = a.engine.syncNow('write');
    const open = a.engine.syncNow('open');
    await Promise.all([write, open]);
    await a.engine.whenIdle();
    expect(server.log.filter((l) => l === 'POST /indiscrets/v1/drafts')).toHaveLength(1);
    expect(server.log.filter((l) => l.startsWith('GET /indiscrets/v1/changes'))).toHaveLength(1);
  });

  it('cancelling the first sync stops it and turns sync off; what was sent stays', async () => {
    for (let i = 0; i < 30; i += 1) await a.clip(`https://exemple.fr/${i}`);
    const started = a.engine.enable();
    await started;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const status = await a.engine.cancel();
    expect(status).toMatchObject({ enabled: false, phase: 'idle', firstSyncDone: false });
    expect(server.all('drafts').length).toBeLessThan(30);
    // Writes are no longer queued.
    const before = await a.db.outbox.count();
    await a.clip('https://exemple.fr/after');
    expect(await a.db.outbox.count()).toBe(before);
  });

  it('disable drops the outbox and the desk marks: records stay as they are', async () => {
    await a.join();
    const draft = await a.clip('https://exemple.fr/1');
    await a.sync();
    expect((await a.db.clips.get(draft.id))!.desk).toBeDefined();
    await updateDraft(draft.id, { title: 'Pas encore envoyé' }, a.db);
    const status = await a.engine.disable();
    expect(status).toMatchObject({ enabled: false, pending: 0 });
    expect(await a.db.clips.get(draft.id)).toMatchObject({ title: 'Pas encore envoyé' });
    expect((await a.db.clips.get(draft.id))!.desk).toBeUndefined();
  });

  it('sends and takes nothing once the options name another account, and goes on when it is set back', async () => {
    await a.join();
    const clip = await a.clip('https://exemple.fr/1');
    let username = 'auteur';
    const switched = new SyncEngine({
      db: a.db,
      settings: async () => server.settings(username),
      fetch: server.fetch,
    });

    const status = await switched.run();

    // Not sent as Auteur's: the desk is Rédaction's here.
    expect(status).toMatchObject({ pending: 1, lastError: { code: 'account_changed' } });
    expect(server.byClientId('drafts', clip.id)).toBeUndefined();
    username = 'redac';
    expect(await switched.run()).toMatchObject({ pending: 0 });
    // Sent as redac's (the desk's first user, id 1), not auteur's.
    expect(server.byClientId('drafts', clip.id)?.author).toBe(1);
  });

  it('goes on when the options name the desk’s account by its e-mail, which WordPress takes too', async () => {
    await a.join();
    const clip = await a.clip('https://exemple.fr/1');
    server.aliases.set('redac@exemple.fr', 'redac');
    const byMail = new SyncEngine({
      db: a.db,
      settings: async () => ({ ...server.settings('redac'), username: 'redac@exemple.fr' }),
      fetch: server.fetch,
    });

    const status = await byMail.run();

    // The site says who that is: the desk's user, whose name as typed is kept.
    expect(status).toMatchObject({ pending: 0, username: 'redac@exemple.fr' });
    expect(status.lastError).toBeUndefined();
    expect(server.byClientId('drafts', clip.id)?.author).toBe(1);
  });

  it('asks who an e-mail is once a minute while the site will not say (a wrong password), and at once with a new password', async () => {
    const clip = await sharedClip();
    await a.clip('https://exemple.fr/2');
    server.aliases.set('redac@exemple.fr', 'redac');
    let time = Date.parse('2026-03-15T10:00:00Z');
    let appPassword = 'faux';
    const byMail = new SyncEngine({
      db: a.db,
      settings: async () => ({
        ...server.settings('redac'),
        username: 'redac@exemple.fr',
        appPassword,
      }),
      // A site a little slow to answer: the question is still out when the lock comes to it.
      fetch: async (input: string, init?: RequestInit) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return server.fetch(input, init);
      },
      clock: () => new Date(time).toISOString(),
    });
    const asked = () => server.log.filter((line) => line === 'GET /indiscrets/v1').length;
    server.log = [];

    // A run and a lock at the same moment: one question, both answered by it.
    const [first, lock] = await Promise.all([byMail.run(), byMail.lock('draft', clip.id)]);
    expect(asked()).toBe(1);
    // Said as what it is, the password refused, not as another account.
    expect(first).toMatchObject({ pending: 1, lastError: { code: 'wrong_credentials' } });
    expect(lock).toMatchObject({ ok: false, code: 'wrong_credentials' });

    // Within the minute: a merge check and runs ask nothing.
    await byMail.mergeCheck(clip.id, clip.id);
    time += 30_000;
    const later = await byMail.run();
    expect(asked()).toBe(1);
    expect(later).toMatchObject({ pending: 1, lastError: { code: 'wrong_credentials' } });

    time += 31_000;
    await byMail.run();
    expect(asked()).toBe(2);

    appPassword = 'pw-redac';
    expect(await byMail.run()).toMatchObject({ pending: 0, username: 'redac@exemple.fr' });
    expect(asked()).toBe(3);
  });

  it('asks again who an e-mail is once the clock was set back, not an hour later', async () => {
    await a.join();
    await a.clip('https://exemple.fr/1');
    server.aliases.set('redac@exemple.fr', 'redac');
    let time = Date.parse('2026-03-15T10:00:00Z');
    const byMail = new SyncEngine({
      db: a.db,
      settings: async () => ({
        ...server.settings('redac'),
        username: 'redac@exemple.fr',
        appPassword: 'faux',
      }),
      fetch: server.fetch,
      clock: () => new Date(time).toISOString(),
    });
    const asked = () => server.log.filter((line) => line === 'GET /indiscrets/v1').length;
    server.log = [];
    await byMail.run();

    time -= 60 * 60_000;
    await byMail.run();

    expect(asked()).toBe(2);
  });

  it('asks again at once who an e-mail is when the site did not answer (offline, then back)', async () => {
    await a.join();
    await a.clip('https://exemple.fr/1');
    server.aliases.set('redac@exemple.fr', 'redac');
    const byMail = new SyncEngine({
      db: a.db,
      settings: async () => ({ ...server.settings('redac'), username: 'redac@exemple.fr' }),
      fetch: server.fetch,
    });
    server.offline = true;
    const offline = await byMail.run();
    expect(offline).toMatchObject({ pending: 1 });
    expect(offline.lastError?.code).not.toBe('account_changed');

    server.offline = false;
    expect(await byMail.run()).toMatchObject({ pending: 0, username: 'redac@exemple.fr' });
  });

  it('asks nothing of the site under another account: no edit lock, no lock check', async () => {
    const clip = await sharedClip();
    const switched = new SyncEngine({
      db: a.db,
      settings: async () => server.settings('auteur'),
      fetch: server.fetch,
    });
    await switched.run();
    server.log = [];

    expect(await switched.lock('draft', clip.id)).toMatchObject({
      ok: false,
      code: 'account_changed',
    });
    expect(await switched.mergeCheck(clip.id, clip.id)).toEqual({ ok: true });

    // The site was asked once who « auteur » is (another user than the desk's), and never since.
    expect(server.log).toEqual([]);
  });

  it('stops with wrong_credentials when the password is refused, keeping the outbox', async () => {
    await a.join();
    await a.clip('https://exemple.fr/1');
    const wrong = new SyncEngine({
      db: a.db,
      settings: async () => ({ ...server.settings('redac'), appPassword: 'nope' }),
      fetch: server.fetch,
    });
    const status = await wrong.run();
    expect(status).toMatchObject({ pending: 1, lastError: { code: 'wrong_credentials' } });
  });

  it('stops with site_moved when the site answers at another address, the outbox untouched', async () => {
    await a.join();
    const clip = await a.clip('https://exemple.fr/1');
    // Every answer from www, as `redirect: 'follow'` gives it: anonymous there, so refused.
    const asked: string[] = [];
    const moved = new SyncEngine({
      db: a.db,
      settings: async () => server.settings('redac'),
      fetch: async (input, init) => {
        asked.push(`${init?.method ?? 'GET'} ${new URL(input).searchParams.get('rest_route')}`);
        const final = new URL(input);
        final.hostname = `www.${final.hostname}`;
        const answer = new Response(
          JSON.stringify({ code: 'rest_forbidden', message: 'Non', data: { status: 401 } }),
          { status: 401, headers: { 'Content-Type': 'application/json' } },
        );
        Object.defineProperty(answer, 'url', { value: final.href });
        return answer;
      },
    });

    const status = await moved.run();

    expect(status).toMatchObject({ pending: 1, lastError: { code: 'site_moved' } });
    // The run stopped at the first answer: the change was not tried, nor marked as refused.
    expect(asked).toHaveLength(1);
    expect(await a.db.outbox.get(`draft:${clip.id}`)).toMatchObject({ attempts: 0 });
    expect((await a.db.outbox.get(`draft:${clip.id}`))?.error).toBeUndefined();
  });

  it('keeps an Editor’s change waiting when a 403 is not about rights (a security plugin), and sends it once let through', async () => {
    const clip = await sharedClip();
    await updateDraft(clip.id, { title: 'Titre de la rédaction' }, a.db);
    // A firewall's or a security plugin's 403 names no right: WordPress's own refusals do
    // (rest_cannot_edit, indiscrets_cannot_edit…), and so does the plugin's `needs`.
    let blocked = true;
    const guarded = new SyncEngine({
      db: a.db,
      settings: async () => server.settings('redac'),
      fetch: async (input, init) =>
        blocked && init?.method === 'POST'
          ? new Response(
              JSON.stringify({ code: 'rest_disabled', message: 'Blocked', data: { status: 403 } }),
              { status: 403, headers: { 'Content-Type': 'application/json' } },
            )
          : server.fetch(input, init),
    });
    const status = await guarded.run();
    expect(status).toMatchObject({ pending: 1, refusals: 0, lastError: { code: 'blocked' } });
    expect((await a.db.clips.get(clip.id))!.title).toBe('Titre de la rédaction');

    blocked = false;
    expect(await guarded.run()).toMatchObject({ pending: 0, refusals: 0 });
    expect(server.byClientId('drafts', clip.id)!.title).toBe('Titre de la rédaction');
  });

  it('takes the edit lock, and tells who holds it when another editor does', async () => {
    const clip = await sharedClip();
    expect(await a.engine.lock('draft', clip.id)).toEqual({ ok: true, lock: null });
    expect(await b.engine.lock('draft', clip.id)).toMatchObject({
      ok: false,
      code: 'locked',
      lock: { by: 'Rédaction' },
    });
    expect((await b.db.clips.get(clip.id))!.desk?.lock).toMatchObject({ by: 'Rédaction' });
    await a.engine.lock('draft', clip.id, true);
    expect(await b.engine.lock('draft', clip.id)).toEqual({ ok: true, lock: null });
  });

  it('releases a lock still being taken once it is taken: a closed editor leaves no lock behind', async () => {
    const clip = await sharedClip();
    // An editor opened and closed at once (a draft deleted as soon as it is open): the take's
    // request is slow to reach WordPress, the release's is not.
    let open!: () => void;
    const slowTake = new Promise<void>((resolve) => (open = resolve));
    const engine = new SyncEngine({
      db: a.db,
      settings: async () => server.settings('redac'),
      fetch: async (input: string, init: RequestInit = {}) => {
        if (init.method === 'POST' && decodeURIComponent(input).endsWith('/lock')) await slowTake;
        return server.fetch(input, init);
      },
    });

    const taking = engine.lock('draft', clip.id);
    const releasing = engine.lock('draft', clip.id, true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    open();
    await Promise.all([taking, releasing]);

    // The release went after the take: nobody holds the draft.
    expect(await b.engine.lock('draft', clip.id)).toEqual({ ok: true, lock: null });
  });

  it('shows a lock taken or released elsewhere at the next poll, with no request of its own', async () => {
    await a.join();
    const clip = await a.clip('https://exemple.fr/1');
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, a.db);
    await a.sync();
    await b.join();
    const lockOf = async () => (await b.db.clips.get(clip.id))!.desk?.lock;
    expect(await lockOf()).toBeUndefined();

    // A opens the draft and the issue; B's desk, open all along, only polls.
    await a.engine.lock('draft', clip.id);
    await a.engine.lock('issue', issue.id);
    server.log = [];
    await b.sync();
    // The poll's one request brought the locks too.
    expect(server.log).toEqual(['GET /indiscrets/v1/changes']);
    expect(await lockOf()).toMatchObject({ by: 'Rédaction', userId: 1 });
    expect((await b.db.issues.get(issue.id))!.desk?.lock).toMatchObject({ by: 'Rédaction' });
    // A's own desk does not mark its own locks, and nothing is queued to be sent.
    await a.sync();
    expect((await a.db.clips.get(clip.id))!.desk?.lock).toBeUndefined();
    expect(await b.db.outbox.count()).toBe(0);

    await a.engine.lock('draft', clip.id, true);
    await b.sync();
    expect(await lockOf()).toBeUndefined();
    expect((await b.db.issues.get(issue.id))!.desk?.lock).toMatchObject({ by: 'Rédaction' });
    expect((await b.engine.state()).locks).toEqual([`issue:${issue.id}`]);
    expect(await b.db.outbox.count()).toBe(0);
  });
});

describe('nextCursor', () => {
  it('moves one second past the last record seen once the server clock is well past it', () => {
    expect(nextCursor(undefined, '2026-03-15T10:00:00', '2026-03-15T10:01:00.000Z')).toBe(
      '2026-03-15T10:00:01',
    );
  });
  it('stays five seconds behind the server’s clock, where a write may still be committing', () => {
    // A write dated 09:59:58 may become visible after the record of 10:00:00 was sent.
    expect(nextCursor(undefined, '2026-03-15T10:00:00', '2026-03-15T10:00:02.000Z')).toBe(
      '2026-03-15T09:59:57',
    );
  });
  it('does not follow a record dated in the future past the server’s clock', () => {
    expect(nextCursor(undefined, '2030-01-01T00:00:00', '2026-03-15T10:00:00.000Z')).toBe(
      '2026-03-15T09:59:55',
    );
  });
  it('never goes back, and stays put when nothing was seen', () => {
    expect(nextCursor('2026-03-15T11:00:00', '2026-03-15T10:00:00', undefined)).toBe(
      '2026-03-15T11:00:00',
    );
    expect(nextCursor('2026-03-15T11:00:00', undefined, '2026-03-15T12:00:00Z')).toBe(
      '2026-03-15T11:00:00',
    );
  });
});
