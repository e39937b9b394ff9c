import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trashDraft, updateDraft } from '../../../storage/drafts';
import { createIssue, updateIssue } from '../../../storage/issues';
import { outboxKey } from '../../../storage/sync-state';
import { addDraft } from '../storage/helpers';
import { closeDesks, TestDesk, twoDesks } from './desks';
import type { FakeDesk } from './fake-desk';

/**
 * An editor whose change a colleague met in a conflict and replaced with their own version
 * (« Garder la mienne ») is told, with the words they had written (services/sync/notices.ts
 * `noteOverridden`, from the record's `overrides` the plugin keeps since 0.1.8).
 */
describe('sync engine: a version kept over a colleague’s', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  /** A draft of a's on both desks. */
  async function sharedDraft() {
    await a.join();
    const draft = await addDraft(a.db, { title: 'Le ministre', body: '<p>Texte.</p>' });
    await a.sync();
    await b.join();
    return draft;
  }

  /**
   * a and b both change `id` with `mine` and `theirs`; a's goes first, b finds the conflict and
   * settles it with `choose`.
   */
  async function bSettles(
    id: string,
    aChange: Parameters<typeof updateDraft>[1],
    bChange: Parameters<typeof updateDraft>[1],
    choose: Record<string, 'mine' | 'theirs'>,
  ) {
    await updateDraft(id, aChange, a.db);
    await updateDraft(id, bChange, b.db);
    await a.sync();
    await b.sync();
    const [conflict] = await b.engine.listConflicts();
    expect(conflict).toBeDefined();
    await b.engine.resolve(conflict!.key, choose);
    await b.engine.whenIdle();
  }

  /** a's title and b's at once; b keeps its own while offline: the choice waits to be sent. */
  async function bKeepsTitleOffline(id: string) {
    await updateDraft(id, { title: 'Titre de A' }, a.db);
    await a.sync();
    await updateDraft(id, { title: 'Titre de B' }, b.db);
    await b.sync();
    const [conflict] = await b.engine.listConflicts();
    server.offline = true;
    await b.engine.resolve(conflict!.key, { title: 'mine' });
    await b.engine.whenIdle();
  }

  it('tells the editor whose title and text went, with their words, once', async () => {
    const draft = await sharedDraft();
    await bSettles(
      draft.id,
      { title: 'Le ministre part', body: '<p>Version A.</p>' },
      { title: 'Le ministre reste', body: '<p>Version B.</p>' },
      { title: 'mine', body: 'mine' },
    );
    // The plugin recorded who kept which fields over whose version.
    expect(server.byClientId('drafts', draft.id)!.overrides).toMatchObject([
      { by: 2, over: 1, fields: ['title', 'body'] },
    ]);

    await a.sync();
    expect(await a.db.clips.get(draft.id)).toMatchObject({
      title: 'Le ministre reste',
      body: '<p>Version B.</p>',
    });
    const { overridden } = await a.engine.state();
    expect(overridden).toEqual([
      {
        key: `draft:${draft.id}`,
        kind: 'draft',
        recordId: draft.id,
        title: 'Le ministre reste',
        fields: ['title', 'body'],
        by: 'Auteur',
        mine: { title: 'Le ministre part', body: '<p>Version A.</p>' },
        version: expect.any(Number),
        at: expect.any(String),
      },
    ]);
    // Said once: the next pull of the record (another edit) does not say it again.
    await updateDraft(draft.id, { tags: ['bercy'] }, b.db);
    await b.sync();
    await a.engine.dismissOverridden(`draft:${draft.id}`);
    await a.sync();
    expect((await a.db.clips.get(draft.id))!.tags).toEqual(['bercy']);
    expect((await a.engine.state()).overridden).toBeUndefined();
    // The one who kept their version is told nothing.
    expect((await b.engine.state()).overridden).toBeUndefined();
  });

  it('names only the fields the editor lost: one taken from their version is not', async () => {
    const draft = await sharedDraft();
    await bSettles(
      draft.id,
      { title: 'Le ministre part', body: '<p>Version A.</p>' },
      { title: 'Le ministre reste', body: '<p>Version B.</p>' },
      { title: 'mine', body: 'theirs' },
    );
    await a.sync();
    expect((await a.engine.state()).overridden).toMatchObject([
      { fields: ['title'], mine: { title: 'Le ministre part' } },
    ]);
  });

  it('says nothing when the colleague took the editor’s version', async () => {
    const draft = await sharedDraft();
    await bSettles(
      draft.id,
      { body: '<p>Version A.</p>' },
      { body: '<p>Version B.</p>' },
      { body: 'theirs' },
    );
    expect(server.byClientId('drafts', draft.id)!.overrides ?? []).toEqual([]);
    await a.sync();
    expect((await a.engine.state()).overridden).toBeUndefined();
  });

  it('says nothing when the editor wrote there again since: the conflict asks them', async () => {
    const draft = await sharedDraft();
    await bSettles(
      draft.id,
      { body: '<p>Version A.</p>' },
      { body: '<p>Version B.</p>' },
      { body: 'mine' },
    );
    // a went on writing before its desk heard of b's choice.
    await updateDraft(draft.id, { body: '<p>Version A, suite.</p>' }, a.db);
    await a.sync();
    const [conflict] = await a.engine.listConflicts();
    expect(conflict?.fields).toMatchObject([
      { field: 'body', mine: '<p>Version A, suite.</p>', theirs: '<p>Version B.</p>' },
    ]);
    expect((await a.engine.state()).overridden).toBeUndefined();
  });

  it('says nothing of a version kept over one written under the same account elsewhere', async () => {
    // The same editor in two browsers: no colleague's words went.
    const elsewhere = new TestDesk(server, 'auteur');
    try {
      const draft = await sharedDraft();
      await elsewhere.join();
      await updateDraft(draft.id, { title: 'Titre, autre navigateur' }, elsewhere.db);
      await updateDraft(draft.id, { title: 'Titre de B' }, b.db);
      await elsewhere.sync();
      await b.sync();
      const [conflict] = await b.engine.listConflicts();
      await b.engine.resolve(conflict!.key, { title: 'mine' });
      await b.engine.whenIdle();
      await elsewhere.sync();
      expect((await elsewhere.db.clips.get(draft.id))!.title).toBe('Titre de B');
      expect((await elsewhere.engine.state()).overridden).toBeUndefined();
      await a.sync();
      expect((await a.engine.state()).overridden).toBeUndefined();
    } finally {
      await closeDesks(elsewhere);
    }
  });

  it('sends what was kept once, even when the editor types on before it goes', async () => {
    const draft = await sharedDraft();
    await bKeepsTitleOffline(draft.id);
    // Offline: b's tag goes into the same push as its choice.
    await updateDraft(draft.id, { tags: ['bercy'] }, b.db);
    server.offline = false;
    await b.sync();
    expect(server.byClientId('drafts', draft.id)!.overrides).toMatchObject([
      { by: 2, over: 1, fields: ['title'] },
    ]);
    // b's next edit keeps nothing over anyone.
    await updateDraft(draft.id, { title: 'Titre de B, revu' }, b.db);
    await b.sync();
    expect(server.byClientId('drafts', draft.id)!.overrides).toHaveLength(1);
    await a.sync();
    expect((await a.engine.state()).overridden).toMatchObject([
      { fields: ['title'], mine: { title: 'Titre de A' } },
    ]);
  });

  it('tells whose title went, not who saved another field in between', async () => {
    server.addUser('chef', 'Chef', 'editor');
    const c = new TestDesk(server, 'chef');
    try {
      const draft = await sharedDraft();
      await c.join();
      await updateDraft(draft.id, { title: 'Titre de A' }, a.db);
      await a.sync();
      await c.sync();
      // C, the record's last editor, saves only the tags; B then keeps its title over A's.
      await updateDraft(draft.id, { tags: ['bercy'] }, c.db);
      await c.sync();
      await updateDraft(draft.id, { title: 'Titre de B' }, b.db);
      await b.sync();
      const [conflict] = await b.engine.listConflicts();
      await b.engine.resolve(conflict!.key, { title: 'mine' });
      await b.engine.whenIdle();
      await a.sync();
      await c.sync();
      expect((await a.engine.state()).overridden).toMatchObject([
        { fields: ['title'], mine: { title: 'Titre de A' } },
      ]);
      expect((await c.engine.state()).overridden).toBeUndefined();
    } finally {
      await closeDesks(c);
    }
  });

  it('still sends a field kept « mine » when its push meets a conflict on another field', async () => {
    const draft = await sharedDraft();
    await updateDraft(draft.id, { title: 'Titre de A' }, a.db);
    await a.sync();
    await updateDraft(draft.id, { title: 'Titre de B', body: '<p>Texte de B.</p>' }, b.db);
    await b.sync();
    const [first] = await b.engine.listConflicts();
    // A writes the text while B decides: B's push of its choice meets it.
    await updateDraft(draft.id, { body: '<p>Texte de A.</p>' }, a.db);
    await a.sync();
    await b.engine.resolve(first!.key, { title: 'mine' });
    await b.engine.whenIdle();
    const [second] = await b.engine.listConflicts();
    expect(second?.fields.map((f) => f.field)).toEqual(['body']);
    await b.engine.resolve(second!.key, { body: 'theirs' });
    await b.engine.whenIdle();

    expect(server.byClientId('drafts', draft.id)!.overrides).toMatchObject([
      { by: 2, fields: ['title'] },
    ]);
    await a.sync();
    expect((await a.engine.state()).overridden).toMatchObject([
      { fields: ['title'], mine: { title: 'Titre de A' } },
    ]);
  });

  it('does not send what was kept again when the editor typed on during its push', async () => {
    const draft = await sharedDraft();
    await bKeepsTitleOffline(draft.id);
    server.offline = false;
    // B types on while the update of its choice is sent; the connection drops right after.
    let step = 0;
    b.beforeRequest = (url) => {
      if (step === 0 && /v1\/drafts\/\d+&/.test(url)) {
        step = 1;
        void updateDraft(draft.id, { title: 'Titre de B, suite' }, b.db);
      } else if (step === 1) server.offline = true;
    };
    await b.sync().catch(() => undefined);
    await b.engine.whenIdle().catch(() => undefined);
    b.beforeRequest = undefined;
    server.offline = false;
    expect(server.byClientId('drafts', draft.id)!.title).toBe('Titre de B');
    expect((await b.db.outbox.get(outboxKey('draft', draft.id)))?.overrides).toBeUndefined();
    // A is told, closes the notice, and tags the draft; B's typed-on title goes up after.
    await updateDraft(draft.id, { tags: ['bercy'] }, a.db);
    await a.sync();
    await a.engine.dismissOverridden(`draft:${draft.id}`);
    await b.sync();
    expect(server.byClientId('drafts', draft.id)!.title).toBe('Titre de B, suite');
    await a.sync();
    expect((await a.engine.state()).overridden).toBeUndefined();
  });

  it('keeps the words of a notice not yet closed when the record is kept over again', async () => {
    const draft = await sharedDraft();
    await bSettles(draft.id, { title: 'Titre de A' }, { title: 'Titre de B' }, { title: 'mine' });
    await a.sync();
    await bSettles(
      draft.id,
      { body: '<p>Texte de A.</p>' },
      { body: '<p>Texte de B.</p>' },
      { body: 'mine' },
    );
    await a.sync();
    expect((await a.engine.state()).overridden).toMatchObject([
      {
        fields: ['title', 'body'],
        mine: { title: 'Titre de A', body: '<p>Texte de A.</p>' },
      },
    ]);
  });

  it('tells of a choice sent with a trash, which made its writer the record’s last editor', async () => {
    const draft = await sharedDraft();
    await bKeepsTitleOffline(draft.id);
    await trashDraft(draft.id, b.db);
    server.offline = false;
    await b.sync();
    expect(server.byClientId('drafts', draft.id)).toMatchObject({
      status: 'trash',
      title: 'Titre de B',
    });
    await a.sync();
    expect((await a.engine.state()).overridden).toMatchObject([
      { fields: ['title'], mine: { title: 'Titre de A' } },
    ]);
  });

  describe('with a third editor', () => {
    let c: TestDesk;
    beforeEach(() => {
      server.addUser('chef', 'Chef', 'editor');
      c = new TestDesk(server, 'chef');
    });
    afterEach(() => closeDesks(c));

    /** B, from an older version, met the title in a conflict and kept its own. */
    async function bKeepsTitle(id: string) {
      await updateDraft(id, { title: 'Titre de B' }, b.db);
      await b.sync();
      const [conflict] = await b.engine.listConflicts();
      await b.engine.resolve(conflict!.key, { title: 'mine' });
      await b.engine.whenIdle();
    }

    it('tells whose version went, not a desk behind whose words an ordinary edit had replaced', async () => {
      const draft = await sharedDraft();
      await c.join();
      await updateDraft(draft.id, { title: 'Titre de A' }, a.db);
      await a.sync();
      await c.sync();
      // C rewrites A's title (A's desk, closed, hears nothing); B then keeps its own over C's.
      await updateDraft(draft.id, { title: 'Titre de C' }, c.db);
      await c.sync();
      await bKeepsTitle(draft.id);
      await c.sync();
      await a.sync();
      expect((await c.engine.state()).overridden).toMatchObject([
        { fields: ['title'], mine: { title: 'Titre de C' }, by: 'Auteur' },
      ]);
      expect((await a.engine.state()).overridden).toBeUndefined();
    });

    it('names who replaced the editor’s words, not who replaced theirs in turn', async () => {
      const draft = await sharedDraft();
      await c.join();
      await updateDraft(draft.id, { title: 'Titre de A' }, a.db);
      await a.sync();
      await c.sync();
      await bKeepsTitle(draft.id);
      // C, who wrote the title from A's version meanwhile, keeps its own over B's.
      await updateDraft(draft.id, { title: 'Titre de C' }, c.db);
      await c.sync();
      const [conflict] = await c.engine.listConflicts();
      await c.engine.resolve(conflict!.key, { title: 'mine' });
      await c.engine.whenIdle();
      await a.sync();
      expect((await a.engine.state()).overridden).toMatchObject([
        { fields: ['title'], mine: { title: 'Titre de A' }, by: 'Auteur' },
      ]);
    });
  });

  it('does not name again, in a notice left open, a field the editor has written since', async () => {
    const draft = await sharedDraft();
    await bSettles(draft.id, { title: 'Titre de A' }, { title: 'Titre de B' }, { title: 'mine' });
    await a.sync();
    // A leaves the notice open and writes a title of its own again.
    await updateDraft(draft.id, { title: 'Titre de A, encore' }, a.db);
    await a.sync();
    await bSettles(
      draft.id,
      { body: '<p>Texte de A.</p>' },
      { body: '<p>Texte de B.</p>' },
      { body: 'mine' },
    );
    await a.sync();
    expect((await a.db.clips.get(draft.id))!.title).toBe('Titre de A, encore');
    expect((await a.engine.state()).overridden).toMatchObject([
      { fields: ['body'], mine: { title: 'Titre de A', body: '<p>Texte de A.</p>' } },
    ]);
  });

  it('sends a choice made offline after the desk was turned off and on again', async () => {
    const draft = await sharedDraft();
    await bKeepsTitleOffline(draft.id);
    server.offline = false;
    await b.engine.disable();
    await b.join();
    expect(server.byClientId('drafts', draft.id)).toMatchObject({
      title: 'Titre de B',
      overrides: [{ by: 2, fields: ['title'] }],
    });
    await a.sync();
    expect((await a.engine.state()).overridden).toMatchObject([
      { fields: ['title'], mine: { title: 'Titre de A' } },
    ]);
  });

  it('tells an issue’s title and chapô as the box names them', async () => {
    await a.join();
    const issue = await createIssue({ title: 'Numéro', date: '2026-03-15', intro: 'Chapô.' }, a.db);
    await a.sync();
    await b.join();
    await updateIssue(issue.id, { title: 'Numéro de A', intro: 'Chapô de A.' }, a.db);
    await updateIssue(issue.id, { title: 'Numéro de B', intro: 'Chapô de B.' }, b.db);
    await a.sync();
    await b.sync();
    const [conflict] = await b.engine.listConflicts();
    await b.engine.resolve(conflict!.key, { title: 'mine', intro: 'mine' });
    await b.engine.whenIdle();

    await a.sync();
    expect((await a.engine.state()).overridden).toMatchObject([
      {
        kind: 'issue',
        recordId: issue.id,
        fields: ['title', 'intro'],
        by: 'Auteur',
        mine: { title: 'Numéro de A', intro: 'Chapô de A.' },
      },
    ]);
  });
});
