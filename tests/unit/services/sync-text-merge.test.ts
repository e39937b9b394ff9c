import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { undo, updateDraft } from '../../../storage/drafts';
import { createIssue, updateIssue } from '../../../storage/issues';
import { addDraft } from '../storage/helpers';
import { closeDesks, TestDesk, twoDesks } from './desks';
import type { FakeDesk } from './fake-desk';

/**
 * Two editors who changed different paragraphs of one text on the shared desk get both changes,
 * not a conflict to settle by hand (lib/block-merge.ts merges, services/sync/absorb.ts `absorb`
 * takes the merge in and pushes it); the same paragraph changed on both sides stays a conflict.
 */

const p = (...texts: string[]) => texts.map((text) => `<p>${text}</p>`).join('');
const BODY = p('Premier paragraphe.', 'Deuxième paragraphe.', 'Troisième paragraphe.');

describe('sync engine: a text changed in different paragraphs on two desks', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  /** A draft with a three-paragraph text, on both desks. */
  async function sharedDraft() {
    await a.join();
    const draft = await addDraft(a.db, { body: BODY });
    await a.sync();
    await b.join();
    expect((await b.db.clips.get(draft.id))!.body).toBe(BODY);
    return draft;
  }

  it('keeps both edits, on both desks and on the server, with no conflict', async () => {
    const draft = await sharedDraft();
    await updateDraft(
      draft.id,
      { body: p('Premier, par A.', 'Deuxième paragraphe.', 'Troisième paragraphe.') },
      a.db,
    );
    await updateDraft(
      draft.id,
      { body: p('Premier paragraphe.', 'Deuxième paragraphe.', 'Troisième, par B.') },
      b.db,
    );
    await a.sync();

    const status = await b.sync(); // 409 → merged by paragraphs → pushed again

    const both = p('Premier, par A.', 'Deuxième paragraphe.', 'Troisième, par B.');
    expect(status.conflicts).toBe(0);
    expect((await b.db.clips.get(draft.id))!.body).toBe(both);
    expect(server.byClientId('drafts', draft.id)!.content).toBe(both);
    expect(await b.db.outbox.count()).toBe(0);
    await a.sync();
    expect((await a.db.clips.get(draft.id))!.body).toBe(both);
  });

  it('tells the editor whose edit was merged into their text, until they close the notice', async () => {
    const draft = await sharedDraft();
    await updateDraft(
      draft.id,
      { body: p('Premier, par A.', 'Deuxième paragraphe.', 'Troisième paragraphe.') },
      a.db,
    );
    await updateDraft(
      draft.id,
      { body: p('Premier paragraphe.', 'Deuxième paragraphe.', 'Troisième, par B.') },
      b.db,
    );
    await a.sync();

    const status = await b.sync();

    expect(status.textMerges).toEqual([
      {
        key: `draft:${draft.id}`,
        kind: 'draft',
        recordId: draft.id,
        title: draft.title,
        fields: ['body'],
        by: 'Rédaction',
        at: expect.any(String),
      },
    ]);
    // A, whose text was already the server's when it synced, merged nothing: nothing to say.
    expect((await a.sync()).textMerges).toBeUndefined();

    const closed = await b.engine.dismissTextMerge(`draft:${draft.id}`);
    expect(closed.textMerges).toBeUndefined();
  });

  it('still asks the editor when both changed the same paragraph, keeping their text', async () => {
    const draft = await sharedDraft();
    const mine = p('Premier paragraphe.', 'Deuxième, par B.', 'Troisième paragraphe.');
    await updateDraft(
      draft.id,
      { body: p('Premier paragraphe.', 'Deuxième, par A.', 'Troisième paragraphe.') },
      a.db,
    );
    await updateDraft(draft.id, { body: mine }, b.db);
    await a.sync();

    const status = await b.sync();

    expect(status.conflicts).toBe(1);
    expect(status.textMerges).toBeUndefined();
    expect((await b.db.clips.get(draft.id))!.body).toBe(mine);
    expect(await b.db.outbox.get(`draft:${draft.id}`)).toMatchObject({ blocked: 'conflict' });
    expect(server.byClientId('drafts', draft.id)!.content).toBe(
      p('Premier paragraphe.', 'Deuxième, par A.', 'Troisième paragraphe.'),
    );
  });

  it('keeps both versions of the paragraph both changed when the editor chooses « Garder les deux »', async () => {
    const draft = await sharedDraft();
    const theirs = p('Premier paragraphe.', 'Deuxième, par A.', 'Troisième paragraphe.');
    await updateDraft(draft.id, { body: theirs }, a.db);
    await updateDraft(
      draft.id,
      { body: p('Premier paragraphe.', 'Deuxième, par B.', 'Troisième paragraphe.') },
      b.db,
    );
    await a.sync();
    await b.sync();
    const [conflict] = await b.engine.listConflicts();
    // B goes on writing while the box is open: what is kept is the text as it is now.
    const now = p('Premier paragraphe.', 'Deuxième, par B, revu.', 'Troisième paragraphe.');
    await updateDraft(draft.id, { body: now }, b.db);

    const answer = await b.engine.resolve(conflict!.key, { body: 'both' });
    await b.engine.whenIdle();

    // B's paragraph, then A's, in the place both changed: nobody's words dropped.
    const both = p(
      'Premier paragraphe.',
      'Deuxième, par B, revu.',
      'Deuxième, par A.',
      'Troisième paragraphe.',
    );
    expect(answer.undo).toBeDefined();
    expect((await b.db.clips.get(draft.id))!.body).toBe(both);
    expect(server.byClientId('drafts', draft.id)!.content).toBe(both);
    expect(await b.engine.listConflicts()).toEqual([]);
    await a.sync();
    expect((await a.db.clips.get(draft.id))!.body).toBe(both);
  });

  it('undoes « Garder les deux » sent already: the editor’s text back, the box again with the colleague’s', async () => {
    const draft = await sharedDraft();
    const theirs = p('Premier paragraphe.', 'Deuxième, par A.', 'Troisième paragraphe.');
    const mine = p('Premier paragraphe.', 'Deuxième, par B.', 'Troisième paragraphe.');
    await updateDraft(draft.id, { body: theirs }, a.db);
    await updateDraft(draft.id, { body: mine }, b.db);
    await a.sync();
    await b.sync();
    const [conflict] = await b.engine.listConflicts();
    const answer = await b.engine.resolve(conflict!.key, { body: 'both' });
    // The sync that follows a choice has sent the text holding both.
    await b.engine.whenIdle();
    expect(server.byClientId('drafts', draft.id)!.content).toContain('Deuxième, par B.');

    expect(await undo(answer.undo!, b.db)).toMatchObject({ draftId: draft.id, conflict: true });

    expect((await b.db.clips.get(draft.id))!.body).toBe(mine);
    const [back] = await b.engine.listConflicts();
    // The box as it was: the editor's version against the colleague's, not the text it wrote.
    expect(back).toMatchObject({ theirsBy: conflict!.theirsBy });
    expect(back!.fields).toMatchObject([{ field: 'body', mine, theirs }]);
    // Taking the colleague's version now leaves their text alone on the desk.
    await b.engine.resolve(back!.key, { body: 'theirs' });
    await b.engine.whenIdle();
    expect(server.byClientId('drafts', draft.id)!.content).toBe(theirs);
  });

  it('keeps both versions when the colleague saved again while the box was open', async () => {
    const draft = await sharedDraft();
    await updateDraft(
      draft.id,
      { body: p('Premier paragraphe.', 'Deuxième, par A.', 'Troisième paragraphe.') },
      a.db,
    );
    const mine = p('Premier paragraphe.', 'Deuxième, par B.', 'Troisième paragraphe.');
    await updateDraft(draft.id, { body: mine }, b.db);
    await a.sync();
    await b.sync();
    // A writes on in another paragraph; B's box is found again with A's newer text.
    await updateDraft(
      draft.id,
      { body: p('Premier paragraphe.', 'Deuxième, par A.', 'Troisième, par A.') },
      a.db,
    );
    await a.sync();
    await b.sync();
    const [conflict] = await b.engine.listConflicts();
    // The base is still the text both started from, not A's first version.
    expect(conflict!.fields[0]!.base).toBe(BODY);

    await b.engine.resolve(conflict!.key, { body: 'both' });
    await b.engine.whenIdle();

    expect((await b.db.clips.get(draft.id))!.body).toBe(
      p('Premier paragraphe.', 'Deuxième, par B.', 'Deuxième, par A.', 'Troisième, par A.'),
    );
  });

  it('keeps both versions of a chapô’s line both changed, the editor’s first', async () => {
    await a.join();
    const issue = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2026-03-15', intro: 'Ligne un.\nLigne deux.' },
      a.db,
    );
    await a.sync();
    await b.join();
    await updateIssue(issue.id, { intro: 'Ligne un, par A.\nLigne deux.' }, a.db);
    await updateIssue(issue.id, { intro: 'Ligne un, par B.\nLigne deux.' }, b.db);
    await a.sync();
    await b.sync();
    const [conflict] = await b.engine.listConflicts();

    await b.engine.resolve(conflict!.key, { intro: 'both' });
    await b.engine.whenIdle();

    const both = 'Ligne un, par B.\nLigne un, par A.\nLigne deux.';
    expect((await b.db.issues.get(issue.id))!.intro).toBe(both);
    expect(server.byClientId('issues', issue.id)!.content).toBe(both);
  });

  it('finds an open conflict on the text again with the newer version, rather than merging under it', async () => {
    const draft = await sharedDraft();
    const mine = p('Premier paragraphe.', 'Deuxième, par B.', 'Troisième paragraphe.');
    await updateDraft(
      draft.id,
      { body: p('Premier paragraphe.', 'Deuxième, par A.', 'Troisième paragraphe.') },
      a.db,
    );
    await updateDraft(draft.id, { body: mine }, b.db);
    await a.sync();
    await b.sync();
    // While B has not chosen, A changes another paragraph too.
    const newer = p('Premier paragraphe.', 'Deuxième, par A.', 'Troisième, par A.');
    await updateDraft(draft.id, { body: newer }, a.db);
    await a.sync();

    const status = await b.sync();

    // The box B is deciding on shows A's newest text (taking it takes all of A's changes); B's
    // stays as B wrote it, and held.
    expect(status.conflicts).toBe(1);
    expect(status.textMerges).toBeUndefined();
    expect((await b.engine.listConflicts())[0]!.fields).toMatchObject([
      { field: 'body', mine, theirs: newer },
    ]);
    expect((await b.db.clips.get(draft.id))!.body).toBe(mine);
    expect(server.byClientId('drafts', draft.id)!.content).toBe(newer);
  });

  it('holds the merged text with the record while another field waits for the editor, then sends it with the choice', async () => {
    const draft = await sharedDraft();
    await updateDraft(
      draft.id,
      {
        title: 'Titre A',
        body: p('Premier, par A.', 'Deuxième paragraphe.', 'Troisième paragraphe.'),
      },
      a.db,
    );
    await updateDraft(
      draft.id,
      {
        title: 'Titre B',
        body: p('Premier paragraphe.', 'Deuxième paragraphe.', 'Troisième, par B.'),
      },
      b.db,
    );
    await a.sync();

    const status = await b.sync();

    const both = p('Premier, par A.', 'Deuxième paragraphe.', 'Troisième, par B.');
    // The title is the editor's to choose; the text is merged here, and not sent until then.
    expect(status.conflicts).toBe(1);
    const [conflict] = await b.engine.listConflicts();
    expect(conflict!.fields.map((field) => field.field)).toEqual(['title']);
    expect((await b.db.clips.get(draft.id))!.body).toBe(both);
    expect(server.byClientId('drafts', draft.id)!.content).toBe(
      p('Premier, par A.', 'Deuxième paragraphe.', 'Troisième paragraphe.'),
    );

    await b.engine.resolve(conflict!.key, { title: 'mine' });
    await b.engine.whenIdle();
    expect(server.byClientId('drafts', draft.id)).toMatchObject({
      title: 'Titre B',
      content: both,
    });
  });

  it('undoes « Prendre l’autre » of a title without losing the merged text', async () => {
    const draft = await sharedDraft();
    await updateDraft(
      draft.id,
      {
        title: 'Titre A',
        body: p('Premier, par A.', 'Deuxième paragraphe.', 'Troisième paragraphe.'),
      },
      a.db,
    );
    await updateDraft(
      draft.id,
      {
        title: 'Titre B',
        body: p('Premier paragraphe.', 'Deuxième paragraphe.', 'Troisième, par B.'),
      },
      b.db,
    );
    await a.sync();
    await b.sync();
    const [conflict] = await b.engine.listConflicts();
    const { undo: token } = await b.engine.resolve(conflict!.key, { title: 'theirs' });
    await b.engine.whenIdle();

    await undo(token!, b.db);

    const both = p('Premier, par A.', 'Deuxième paragraphe.', 'Troisième, par B.');
    expect(await b.db.clips.get(draft.id)).toMatchObject({ title: 'Titre B', body: both });
    expect((await b.engine.listConflicts())[0]!.fields).toMatchObject([
      { field: 'title', mine: 'Titre B', theirs: 'Titre A' },
    ]);
  });

  it('merges a shared note by lines, and never a note one side keeps private', async () => {
    const draft = await sharedDraft();
    const note = 'Rappeler le cabinet.\nVérifier la date.\nSource : AFP.';
    await updateDraft(draft.id, { note, noteShared: true }, a.db);
    await a.sync();
    await b.sync();
    await updateDraft(
      draft.id,
      { note: 'Rappeler le cabinet lundi.\nVérifier la date.\nSource : AFP.' },
      a.db,
    );
    await updateDraft(
      draft.id,
      { note: 'Rappeler le cabinet.\nVérifier la date.\nSource : AFP, Reuters.' },
      b.db,
    );
    await a.sync();

    expect((await b.sync()).conflicts).toBe(0);

    const both = 'Rappeler le cabinet lundi.\nVérifier la date.\nSource : AFP, Reuters.';
    expect(await b.db.clips.get(draft.id)).toMatchObject({ note: both, noteShared: true });
    expect(server.byClientId('drafts', draft.id)!.meta.note).toBe(both);

    // B takes its note back into its browser while A adds a line: B's note stays private.
    await a.sync();
    await updateDraft(draft.id, { note: `${both}\nÀ garder pour moi.`, noteShared: false }, b.db);
    await updateDraft(draft.id, { note: `${both}\nLigne de A.` }, a.db);
    await a.sync();
    expect((await b.sync()).conflicts).toBe(1);
    expect(await b.db.clips.get(draft.id)).toMatchObject({
      note: `${both}\nÀ garder pour moi.`,
      noteShared: false,
    });
  });

  it('merges an issue’s chapô changed on different lines', async () => {
    await a.join();
    const issue = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2026-03-15', intro: 'Ligne un.\nLigne deux.' },
      a.db,
    );
    await a.sync();
    await b.join();
    await updateIssue(issue.id, { intro: 'Ligne un, revue par A.\nLigne deux.' }, a.db);
    await updateIssue(issue.id, { intro: 'Ligne un.\nLigne deux, revue par B.' }, b.db);
    await a.sync();

    const status = await b.sync();

    const both = 'Ligne un, revue par A.\nLigne deux, revue par B.';
    expect(status.conflicts).toBe(0);
    expect((await b.db.issues.get(issue.id))!.intro).toBe(both);
    expect(server.byClientId('issues', issue.id)!.content).toBe(both);
    expect(status.textMerges).toMatchObject([
      { kind: 'issue', fields: ['intro'], by: 'Rédaction' },
    ]);
  });

  it('leaves a title changed on both desks a conflict, as before', async () => {
    const draft = await sharedDraft();
    await updateDraft(draft.id, { title: 'Le ministre et son yacht' }, a.db);
    await updateDraft(draft.id, { title: 'Le ministre et le voilier' }, b.db);
    await a.sync();
    expect((await b.sync()).conflicts).toBe(1);
  });
});
