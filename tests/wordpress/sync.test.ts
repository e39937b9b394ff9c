import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {} from '../../storage/draft-records';
import { restoreDraft, trashDraft, undo, updateDraft } from '../../storage/drafts';
import { addToIssue, createIssue, deleteIssue, issueItems, moveItem } from '../../storage/issues';
import { newsroom, serverRecord, url } from './desks';
import { php, site } from './helpers';

/**
 * The sync engine against the real WordPress with the companion plugin: each `Desk` is one
 * browser (its own IndexedDB database, its own engine) signed in as a newsroom user. Two
 * editors (`redac` and `chef`, made here) and the contributor `pigiste`.
 */

const { setUp, as, closeAll } = newsroom();

// Each test runs first syncs of two desks over every record earlier suites left on the site:
// generous limits for a loaded 2-core machine (a hang still fails).
describe('shared desk sync against the real WordPress', { timeout: 180_000 }, () => {
  beforeAll(setUp);
  afterAll(closeAll);

  it('A clips a page; B sees the draft after a sync, quote and metadata intact', async () => {
    const a = as('editor');
    const b = as('chef');
    await a.join();
    await b.join();
    const draft = await a.clip(url());
    await a.sync();
    await b.sync();
    const seen = await b.db.clips.get(draft.id);
    expect(seen).toMatchObject({
      url: draft.url,
      title: draft.title,
      siteName: 'Exemple',
      byline: 'Jeanne Reporter',
      publishedAt: '2026-03-10T08:00:00.000Z',
      lang: 'fr',
      quotes: draft.quotes,
      provenance: draft.provenance,
      body: draft.body,
      sources: draft.sources,
      desk: { createdBy: site().newsroom.editor.name },
    });
    expect(await serverRecord('drafts', draft.id)).toHaveLength(1);
  });

  it('edits of different fields on two desks both survive', async () => {
    const a = as('editor');
    const b = as('chef');
    await a.join();
    const draft = await a.clip(url());
    await a.sync();
    await b.join();
    await updateDraft(draft.id, { title: 'Titre écrit par A' }, a.db);
    await updateDraft(draft.id, { tags: ['écrit-par-b'] }, b.db);
    await a.sync();
    await b.sync();
    await a.sync();
    for (const desk of [a, b]) {
      expect(await desk.db.clips.get(draft.id)).toMatchObject({
        title: 'Titre écrit par A',
        tags: ['écrit-par-b'],
      });
    }
    expect((await serverRecord('drafts', draft.id))[0]).toMatchObject({
      title: 'Titre écrit par A',
      tags: ['écrit-par-b'],
    });
  });

  it('same field: B is asked; the version not chosen stays in WordPress’s revisions, and A is told, with their words', async () => {
    const a = as('editor');
    const b = as('chef');
    await a.join();
    const draft = await a.clip(url());
    await a.sync();
    await b.join();
    await updateDraft(draft.id, { body: '<p>Version de A</p>' }, a.db);
    await updateDraft(draft.id, { body: '<p>Version de B</p>' }, b.db);
    await a.sync();
    const status = await b.sync();
    expect(status.conflicts).toBe(1);
    const [conflict] = await b.engine.listConflicts();
    expect(conflict!.fields).toEqual([
      expect.objectContaining({
        field: 'body',
        mine: '<p>Version de B</p>',
        theirs: '<p>Version de A</p>',
      }),
    ]);
    await b.engine.resolve(conflict!.key, { body: 'mine' });
    await b.engine.whenIdle();
    const [record] = await serverRecord('drafts', draft.id);
    expect(record!.content).toBe('<p>Version de B</p>');
    // Read as an editor through REST: the overwritten text is one of the versions.
    const wp = site();
    const auth = Buffer.from(
      `${wp.newsroom.editor.user}:${wp.newsroom.editor.appPassword}`,
    ).toString('base64');
    const answer = await fetch(
      `${wp.url}/?rest_route=/indiscrets/v1/drafts/${record!.id}/versions`,
      {
        headers: { Authorization: `Basic ${auth}` },
      },
    );
    const list = (await answer.json()) as { content: string }[];
    expect(list.map((v) => v.content)).toContain('<p>Version de A</p>');
    // The plugin noted B's choice over A's version (0.1.8): A's desk says it, once.
    const rest = await fetch(`${wp.url}/?rest_route=/indiscrets/v1/drafts/${record!.id}`, {
      headers: { Authorization: `Basic ${auth}` },
    });
    const current = (await rest.json()) as { version: number };
    expect(current).toMatchObject({
      overrides: [
        {
          version: current.version,
          by: { name: 'Chef d’édition' },
          over: { name: wp.newsroom.editor.name },
          fields: ['body'],
        },
      ],
    });
    await a.sync();
    expect((await a.db.clips.get(draft.id))!.body).toBe('<p>Version de B</p>');
    expect((await a.engine.state()).overridden).toMatchObject([
      {
        recordId: draft.id,
        fields: ['body'],
        by: 'Chef d’édition',
        mine: { body: '<p>Version de A</p>' },
      },
    ]);
    expect((await b.engine.state()).overridden).toBeUndefined();
  });

  it('a contributor’s « Garder les deux », sent and undone: WordPress keeps the HTML as sent, and the box comes back with the editor’s version', async () => {
    const a = as('editor');
    const pigiste = as('contributor');
    await a.join();
    await pigiste.join();
    const draft = await pigiste.clip(url());
    await pigiste.sync();
    // What a contributor writes goes through WordPress's HTML filter (kses: no `unfiltered_html`
    // for the role): a link with a query, an English phrase marked, emphasis, no-break spaces.
    const p = (...paragraphs: string[]) => paragraphs.map((text) => `<p>${text}</p>`).join('');
    const lead =
      'Selon <a href="https://exemple.fr/a?x=1&amp;y=2">Le Monde</a>, «\u00a0<span lang="en">the deal</span>\u00a0» <em>tient</em>.';
    await updateDraft(draft.id, { body: p(lead, 'Deuxième.', 'Troisième.') }, pigiste.db);
    await pigiste.sync();
    expect((await pigiste.db.clips.get(draft.id))!.body).toBe(p(lead, 'Deuxième.', 'Troisième.'));
    await a.sync();
    const theirs = p(lead, 'Deuxième, par la rédaction.', 'Troisième.');
    const mine = p(lead, 'Deuxième, par le pigiste.', 'Troisième.');
    await updateDraft(draft.id, { body: theirs }, a.db);
    await updateDraft(draft.id, { body: mine }, pigiste.db);
    await a.sync();
    await pigiste.sync();
    const [conflict] = await pigiste.engine.listConflicts();
    expect(conflict!.fields).toMatchObject([{ field: 'body', mine, theirs }]);

    const answer = await pigiste.engine.resolve(conflict!.key, { body: 'both' });
    await pigiste.engine.whenIdle();
    const sent = (await pigiste.db.clips.get(draft.id))!.body;
    // As sent, kept as is by WordPress: the undo knows the text on the desk for its own.
    expect((await serverRecord('drafts', draft.id))[0]!.content).toBe(sent);
    expect(sent).toContain('Deuxième, par la rédaction.');
    expect(sent).toContain('Deuxième, par le pigiste.');
    expect(await undo(answer.undo!, pigiste.db)).toMatchObject({ conflict: true });

    expect((await pigiste.db.clips.get(draft.id))!.body).toBe(mine);
    const [back] = await pigiste.engine.listConflicts();
    expect(back).toMatchObject({ theirsBy: conflict!.theirsBy });
    expect(back!.fields).toMatchObject([{ field: 'body', mine, theirs }]);
  });

  it('different paragraphs of one text: both editors’ changes are kept, with no conflict', async () => {
    const a = as('editor');
    const b = as('chef');
    await a.join();
    const draft = await a.clip(url());
    const text = (...paragraphs: string[]) => paragraphs.map((p) => `<p>${p}</p>`).join('');
    await updateDraft(draft.id, { body: text('Premier.', 'Deuxième.', 'Troisième.') }, a.db);
    await a.sync();
    await b.join();
    await updateDraft(draft.id, { body: text('Premier, par A.', 'Deuxième.', 'Troisième.') }, a.db);
    await updateDraft(draft.id, { body: text('Premier.', 'Deuxième.', 'Troisième, par B.') }, b.db);
    await a.sync();

    // B's update meets A's newer version (409): merged by paragraphs, then sent.
    const status = await b.sync();

    const both = text('Premier, par A.', 'Deuxième.', 'Troisième, par B.');
    expect(status.conflicts).toBe(0);
    expect(status.textMerges).toMatchObject([
      { recordId: draft.id, fields: ['body'], by: site().newsroom.editor.name },
    ]);
    expect((await serverRecord('drafts', draft.id))[0]!.content).toBe(both);
    await a.sync();
    for (const desk of [a, b]) expect((await desk.db.clips.get(draft.id))!.body).toBe(both);
  });

  it('A goes offline, clips and writes; back online everything is pushed once', async () => {
    const a = as('editor');
    await a.join();
    a.offline = true;
    const one = await a.clip(url());
    const two = await a.clip(url());
    await updateDraft(one.id, { title: 'Écrit dans le train' }, a.db);
    const waiting = await a.engine.run();
    expect(waiting).toMatchObject({ pending: 2, lastError: { code: 'offline' } });
    a.offline = false;
    a.posts = [];
    await a.sync();
    await a.sync();
    // Both creates went up once, together, in one request of WordPress's batch API.
    expect(a.posts.filter((route) => route === '/batch/v1')).toHaveLength(1);
    expect(a.posts.filter((route) => route === '/indiscrets/v1/drafts')).toHaveLength(0);
    expect(await serverRecord('drafts', one.id)).toMatchObject([{ title: 'Écrit dans le train' }]);
    expect(await serverRecord('drafts', two.id)).toHaveLength(1);
  });

  it('B reorders the items while A edits one: order and text both survive', async () => {
    const a = as('editor');
    const b = as('chef');
    const issue = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2026-03-15' },
      a.db,
    );
    const x = await a.clip(url());
    const y = await a.clip(url());
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
      expect((await issueItems(issue.id, desk.db)).map((item) => item.id)).toEqual([y.id, x.id]);
      expect((await desk.db.clips.get(y.id))!.body).toBe('<p>Texte de A</p>');
    }
  });

  it('the contributor cannot reorder: 403, rolled back, nothing changes in WordPress', async () => {
    const a = as('editor');
    const pigiste = as('contributor');
    const issue = await createIssue({ title: 'N', date: '2026-03-15' }, a.db);
    const x = await a.clip(url());
    const y = await a.clip(url());
    await addToIssue(x.id, issue.id, a.db);
    await addToIssue(y.id, issue.id, a.db);
    await a.join();
    await pigiste.join();
    const before = await serverRecord('drafts', y.id);
    await moveItem(issue.id, y.id, 0, pigiste.db);
    const status = await pigiste.sync();
    expect(status.refusals).toBe(1);
    expect(await pigiste.db.refusals.toArray()).toMatchObject([
      { action: 'arrange', needs: 'editor', recordId: y.id },
    ]);
    expect(await serverRecord('drafts', y.id)).toEqual(before);
    expect((await issueItems(issue.id, pigiste.db)).map((item) => item.id)).toEqual([x.id, y.id]);
  });

  it('the contributor’s trash of an editor’s draft, written in: one refusal, all rolled back, nothing changes in WordPress', async () => {
    const a = as('editor');
    const pigiste = as('contributor');
    await a.join();
    const draft = await a.clip(url());
    await a.sync();
    await pigiste.join();
    const before = await serverRecord('drafts', draft.id);
    await updateDraft(draft.id, { title: 'Titre du pigiste' }, pigiste.db);
    await trashDraft(draft.id, pigiste.db);

    const status = await pigiste.sync();

    // WordPress refuses the trash; the edit is not sent to be refused a second time.
    expect(status.refusals).toBe(1);
    expect(await pigiste.db.refusals.toArray()).toMatchObject([
      { action: 'trash', recordId: draft.id, changed: ['title'] },
    ]);
    expect(await pigiste.db.clips.get(draft.id)).toMatchObject({ title: draft.title });
    expect((await pigiste.db.clips.get(draft.id))!.deletedAt).toBeUndefined();
    expect(await pigiste.db.outbox.count()).toBe(0);
    expect(await serverRecord('drafts', draft.id)).toEqual(before);
  });

  it('an Editor made Contributor in wp-admin, whose desk does not know yet, trashes a colleague’s draft written in: one refusal', async () => {
    const a = as('editor');
    const chef = as('chef');
    await a.join();
    const draft = await a.clip(url());
    await a.sync();
    await chef.join();
    const before = await serverRecord('drafts', draft.id);
    await php("(new WP_User(username_exists('chef')))->set_role('contributor');");
    try {
      await updateDraft(draft.id, { title: 'Titre du chef' }, chef.db);
      await trashDraft(draft.id, chef.db);

      const status = await chef.sync();

      expect(status.refusals).toBe(1);
      expect(await chef.db.refusals.toArray()).toMatchObject([
        { action: 'trash', recordId: draft.id, changed: ['title'] },
      ]);
      expect(await chef.db.clips.get(draft.id)).toMatchObject({ title: draft.title });
      expect(await chef.db.outbox.count()).toBe(0);
      expect(await serverRecord('drafts', draft.id)).toEqual(before);
    } finally {
      await php("(new WP_User(username_exists('chef')))->set_role('editor');");
    }
  });

  it('an issue deleted by a user WordPress does not let delete it: one refusal, the issue back with its items', async () => {
    // A desk that has not heard of a lowered role yet deletes an issue: its items go to the inbox
    // here, each a change WordPress refuses, and so is the deletion.
    const a = as('editor');
    const pigiste = as('contributor');
    await a.join();
    const issue = await createIssue({ title: 'Numéro gardé', date: '2026-03-15' }, a.db);
    const x = await a.clip(url());
    const y = await a.clip(url());
    await addToIssue(x.id, issue.id, a.db);
    await addToIssue(y.id, issue.id, a.db);
    await a.sync();
    await pigiste.join();
    const before = await Promise.all([x, y].map((item) => serverRecord('drafts', item.id)));
    await deleteIssue(issue.id, pigiste.db);

    const status = await pigiste.sync();

    expect(status.refusals).toBe(1);
    expect(await pigiste.db.refusals.toArray()).toMatchObject([
      { kind: 'issue', action: 'trash', recordId: issue.id },
    ]);
    expect(await pigiste.db.issues.get(issue.id)).toMatchObject({ title: 'Numéro gardé' });
    expect((await issueItems(issue.id, pigiste.db)).map((item) => item.id)).toEqual([x.id, y.id]);
    expect(await pigiste.db.outbox.count()).toBe(0);
    expect(await Promise.all([x, y].map((item) => serverRecord('drafts', item.id)))).toEqual(
      before,
    );
    expect((await serverRecord('issues', issue.id))[0]!.status).not.toBe('trash');
  });

  it('an Editor’s edit met by a 403 that is not about rights (a security plugin) waits, and goes once let through', async () => {
    const a = as('editor');
    await a.join();
    const draft = await a.clip(url());
    await a.sync();
    await updateDraft(draft.id, { title: 'Titre de la rédaction' }, a.db);
    // The test site's switch: the REST API refused as a security plugin refuses it (403
    // `rest_disabled`), which says nothing of the user's role.
    await php("update_option('indiscrets_test_rest_disabled', 1);");
    try {
      const status = await a.engine.run();
      expect(status).toMatchObject({ pending: 1, refusals: 0, lastError: { code: 'blocked' } });
      expect((await a.db.clips.get(draft.id))!.title).toBe('Titre de la rédaction');
    } finally {
      await php("delete_option('indiscrets_test_rest_disabled');");
    }
    await a.sync();
    expect((await serverRecord('drafts', draft.id))[0]!.title).toBe('Titre de la rédaction');
  });

  it('A trashes a draft: it goes to the trash for B too, and can be restored', async () => {
    const a = as('editor');
    const b = as('chef');
    await a.join();
    const clip = await a.clip(url());
    await a.sync();
    await b.join();
    await trashDraft(clip.id, a.db);
    await a.sync();
    expect((await serverRecord('drafts', clip.id))[0]!.status).toBe('trash');
    await b.sync();
    expect((await b.db.clips.get(clip.id))!.deletedAt).toBeDefined();
    await restoreDraft(clip.id, b.db);
    await b.sync();
    expect((await serverRecord('drafts', clip.id))[0]!.status).toBe('draft');
    await a.sync();
    expect((await a.db.clips.get(clip.id))!.deletedAt).toBeUndefined();
  });

  it('A deletes an issue, then undoes it after the sync: it is back for B, with its items', async () => {
    const a = as('editor');
    const b = as('chef');
    const issue = await createIssue(
      { title: 'Les indiscrets du 22 mars', date: '2026-03-22' },
      a.db,
    );
    const x = await a.clip(url());
    await addToIssue(x.id, issue.id, a.db);
    await a.join();
    await b.join();
    const token = await deleteIssue(issue.id, a.db);
    await a.sync();
    expect((await serverRecord('issues', issue.id))[0]!.status).toBe('trash');
    await b.sync();
    expect(await b.db.issues.get(issue.id)).toBeUndefined();

    await undo(token!, a.db);
    await a.sync();

    expect((await serverRecord('issues', issue.id))[0]!.status).not.toBe('trash');
    await b.sync();
    expect(await b.db.issues.get(issue.id)).toMatchObject({ title: 'Les indiscrets du 22 mars' });
    expect((await issueItems(issue.id, b.db)).map((item) => item.id)).toEqual([x.id]);
  });
});
