/**
 * Leaving and rejoining the shared desk (QA pass 2, s35 / s13): turning it off keeps what this
 * browser knows of the desk (the mapping and merge bases), so that turning it on again
 * reconciles with the same rules as a normal sync instead of re-sending every record as new;
 * cancelling the first sync leaves the browser as it was before it began.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveDraft } from '../../../storage/draft-records';
import { trashDraft, updateDraft } from '../../../storage/drafts';
import { createIssue } from '../../../storage/issues';
import { forgetSharedDesk } from '../../../storage/backup-restore';
import { DESK_RECORD_TABLES, type SyncPlan } from '../../../storage/sync-state';
import { closeDesks, leaveAsBefore, TestDesk, twoDesks } from './desks';
import type { FakeDesk } from './fake-desk';
import { SyncEngine } from '../../../services/sync';

/** One browser (see desks.ts), which clips pages. */
class Browser extends TestDesk {
  async clip(url: string, title = 'Le ministre et le yacht') {
    const selection = '« Je ne savais pas »';
    const { clip } = await saveDraft(
      {
        metadata: { url, title, siteName: 'Exemple', lang: 'fr', provenance: {} },
        selection: { text: selection, html: `<p>${selection}</p>` },
      } as never,
      this.db,
    );
    return clip;
  }
}

/** Requests that create a draft or an issue (one by one or in a batch). */
const creates = (server: FakeDesk) =>
  server.log.filter((line) => /^POST \/indiscrets\/v1\/(drafts|issues)( \(batch\))?$/.test(line));

describe('leaving and rejoining the shared desk', () => {
  let server: FakeDesk;
  let g: Browser;
  let h: Browser;

  beforeEach(() => {
    ({ server, a: g, b: h } = twoDesks(Browser));
  });
  afterEach(() => closeDesks(g, h));

  /** G clips, both sync, G turns the desk off. Returns G's draft. */
  async function gLeaves() {
    await g.join();
    await h.join();
    const draft = await g.clip('https://exemple.fr/yacht');
    await g.sync();
    await h.sync();
    expect(await h.db.clips.get(draft.id)).toBeDefined();
    await g.engine.disable();
    return draft;
  }

  it('off → on: a colleague’s newer text is taken, not overwritten by this browser’s old copy', async () => {
    const draft = await gLeaves();
    await updateDraft(draft.id, { body: 'Texte plus récent de H' }, h.db);
    await h.sync();
    const before = server.byClientId('drafts', draft.id)!;
    expect(before.content).toContain('Texte plus récent de H');

    await g.join();

    const after = server.byClientId('drafts', draft.id)!;
    expect(after.version).toBe(before.version);
    expect(after.content).toContain('Texte plus récent de H');
    expect((await g.db.clips.get(draft.id))!.body).toContain('Texte plus récent de H');
    expect(await g.db.conflicts.count()).toBe(0);
    // Known to the desk: matched by the mapping kept, never created again.
    expect(creates(server)).toHaveLength(1); // G's clip, once (H's join had nothing to send)
  });

  it('off → on: a draft a colleague trashed meanwhile stays in the trash', async () => {
    const draft = await gLeaves();
    await trashDraft(draft.id, h.db);
    await h.sync();
    expect(server.byClientId('drafts', draft.id)!.status).toBe('trash');

    await g.join();

    expect(server.byClientId('drafts', draft.id)!.status).toBe('trash');
    expect((await g.db.clips.get(draft.id))!.deletedAt).toBeDefined();
  });

  it('off → on: a field changed on both sides is a conflict for the editor, never “mine wins”', async () => {
    const draft = await gLeaves();
    await updateDraft(draft.id, { body: 'Version de H' }, h.db);
    await h.sync();
    await updateDraft(draft.id, { body: 'Version de G, écrite hors rédaction' }, g.db);

    await g.join();

    expect(server.byClientId('drafts', draft.id)!.content).toContain('Version de H');
    const conflicts = await g.db.conflicts.toArray();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.fields.map((f) => f.field)).toContain('body');
    // Nothing lost: G's text stays in G's browser until G chooses.
    expect((await g.db.clips.get(draft.id))!.body).toContain('Version de G');
  });

  it('off → on: a change made only here while off is sent, and a new clip is created', async () => {
    const draft = await gLeaves();
    await updateDraft(draft.id, { title: 'Titre revu hors rédaction' }, g.db);
    const offline = await g.clip('https://exemple.fr/hors-ligne', 'Écrit hors rédaction');

    await g.join();

    expect(server.byClientId('drafts', draft.id)!.title).toBe('Titre revu hors rédaction');
    expect(server.byClientId('drafts', offline.id)).toBeDefined();
    expect(await g.db.conflicts.count()).toBe(0);
  });

  it('off → on with a large desk: nothing already there is sent again, and the desk marks come back', async () => {
    await g.join();
    for (let i = 0; i < 40; i += 1) await g.clip(`https://exemple.fr/${i}`, `Brève ${i}`);
    await createIssue({ title: 'Numéro 12', date: '2026-03-20' }, g.db);
    await g.sync();
    expect(server.all('drafts')).toHaveLength(40);
    await g.engine.disable();
    expect(await g.db.clips.filter((c) => !!c.desk).count()).toBe(0);

    const plan = (await g.engine.plan()) as SyncPlan;
    expect(plan).toMatchObject({ localDrafts: 0, localIssues: 0, remoteDrafts: 40 });

    server.log = [];
    await g.join();
    expect(creates(server)).toEqual([]);
    // A handful of requests (discovery, the pull from the cursor kept), not one per record.
    expect(server.log.length).toBeLessThan(10);
    expect(await g.db.clips.filter((c) => !!c.desk).count()).toBe(40);
    expect(server.all('drafts')).toHaveLength(40);
  });

  it('cancelling the first sync takes back what was received and not touched; what the editor wrote stays', async () => {
    await h.join();
    for (let i = 0; i < 20; i += 1) await h.clip(`https://exemple.fr/h${i}`, `Brève de H ${i}`);
    await createIssue({ title: 'Numéro de H', date: '2026-03-20' }, h.db);
    await h.sync();
    const mine = [await g.clip('https://exemple.fr/g1'), await g.clip('https://exemple.fr/g2')];
    const touchedId = server.all('drafts')[0]!.meta.clientId as string;

    // Cancel in the middle of the download, after the editor has touched one received draft.
    let pages = 0;
    let cancelled: Promise<unknown> | undefined;
    g.beforeRequest = (url) => {
      // Pages of drafts after the first (which comes with the issues' in `/changes`).
      if (new URL(url).searchParams.get('rest_route') !== '/indiscrets/v1/drafts') return;
      if (cancelled) return;
      pages += 1;
      if (pages === 3) {
        cancelled = (async () => {
          await updateDraft(touchedId, { note: 'Ma note privée' }, g.db);
          await g.engine.cancel();
        })();
      }
    };
    await g.engine.enable();
    await g.engine.whenIdle();
    await cancelled;
    await g.engine.whenIdle();

    const state = await g.engine.state();
    expect(state.enabled).toBe(false);
    const ids = (await g.db.clips.toArray()).map((c) => c.id).sort();
    // Its own two drafts, and the received one it wrote a note on; none of H's issue.
    expect(ids).toEqual([...mine.map((c) => c.id), touchedId].sort());
    expect((await g.db.clips.get(touchedId))!.note).toBe('Ma note privée');
    expect(await g.db.issues.count()).toBe(0);

    // Turning it on again offers to send only the editor's own two drafts (the desk was listed
    // before anything was sent), none of the newsroom's it received and kept.
    const plan = (await g.engine.plan()) as SyncPlan;
    expect(plan).toMatchObject({ localDrafts: 2, localIssues: 0, remoteDrafts: 20 });

    g.beforeRequest = undefined;
    server.log = [];
    await g.join();
    expect(creates(server)).toHaveLength(2);
    expect(server.all('drafts')).toHaveLength(22);
    expect(await g.db.clips.count()).toBe(22);
    expect(await g.db.issues.count()).toBe(1);
    expect((await g.db.clips.get(touchedId))!.note).toBe('Ma note privée');
  });

  it('the plan counts as “yours to send” only the records not on the desk yet', async () => {
    await h.join();
    for (let i = 0; i < 3; i += 1) await h.clip(`https://exemple.fr/h${i}`);
    await h.sync();
    await g.clip('https://exemple.fr/g1');
    await g.join();
    await g.engine.disable();
    await g.clip('https://exemple.fr/g2');
    await createIssue({ title: 'Numéro hors rédaction', date: '2026-03-20' }, g.db);
    expect(await g.engine.plan()).toMatchObject({
      localDrafts: 1,
      localIssues: 1,
      remoteDrafts: 4,
    });
  });

  /**
   * What « Remplacer tout » that forgets the desk does (storage/backup-restore.ts), here with an
   * empty backup: every draft and issue gone, the desk forgotten, in one transaction.
   */
  const replaceForgettingDesk = (desk: Browser) =>
    desk.db.transaction('rw', ['clips', 'issues', 'syncState', ...DESK_RECORD_TABLES], async () => {
      await desk.db.clips.clear();
      await desk.db.issues.clear();
      await forgetSharedDesk(desk.db);
    });

  it('a desk forgotten while turning it on (« Remplacer tout » meanwhile) is joined as a first time: the desk’s drafts all come back', async () => {
    await h.join();
    const draft = await h.clip('https://exemple.fr/yacht');
    await h.sync();
    server.now += 60_000; // G's pull cursor goes past the draft
    await g.join();
    expect(await g.db.clips.get(draft.id)).toBeDefined();
    await g.engine.disable();
    // The options page replaces everything, forgetting the desk, as the engine, having asked
    // the desk, opens its transaction: a rejoin from the pull cursors the desk was left with
    // would never bring back the colleague's draft, unchanged since.
    const transaction = g.db.transaction.bind(g.db) as (...args: unknown[]) => Promise<unknown>;
    let replaced = false;
    vi.spyOn(g.db, 'transaction').mockImplementation(((...args: unknown[]) => {
      if (replaced) return transaction(...args);
      replaced = true;
      return replaceForgettingDesk(g).then(() => transaction(...args));
    }) as never);

    await g.join();

    expect(await g.db.clips.get(draft.id)).toBeDefined();
    expect(server.all('drafts')).toHaveLength(1);
  });

  it('joining again by the account’s e-mail, not its login, is a rejoin: a colleague’s newer text is taken', async () => {
    const draft = await gLeaves();
    await updateDraft(draft.id, { body: 'Texte plus récent de H' }, h.db);
    await h.sync();
    const before = server.byClientId('drafts', draft.id)!;
    server.aliases.set('redac@exemple.fr', 'redac');
    const byMail = new SyncEngine({
      db: g.db,
      settings: async () => ({ ...server.settings('redac'), username: 'redac@exemple.fr' }),
      fetch: server.fetch,
    });

    await byMail.enable();
    await byMail.whenIdle();

    // The same user (the site says so by their id): the merge bases kept are used, and this
    // browser's old copy is not sent over H's text as a first join's would be.
    const after = server.byClientId('drafts', draft.id)!;
    expect(after.version).toBe(before.version);
    expect(after.content).toContain('Texte plus récent de H');
    expect((await g.db.clips.get(draft.id))!.body).toContain('Texte plus récent de H');
    expect(creates(server)).toHaveLength(1);
    expect(await byMail.status()).toMatchObject({ enabled: true, username: 'redac@exemple.fr' });
  });

  it('the same account without sync records is a first join, not a rejoin from the old cursors', async () => {
    await h.join();
    const draft = await h.clip('https://exemple.fr/yacht');
    await h.sync();
    server.now += 60_000; // G's pull cursor goes past the draft
    await g.join();
    await g.engine.disable();
    const left = await g.engine.state();
    expect(left.cursors.drafts).toBeDefined();
    await g.db.transaction('rw', ['clips', 'syncRecords'], async () => {
      await g.db.clips.clear();
      await g.db.syncRecords.clear();
    });
    expect((await g.engine.state()).username).toBe('redac');

    const asked: string[] = [];
    g.beforeRequest = (url) => asked.push(url);

    await g.join();

    // No cursor kept: the whole listing pulled, the colleague's draft with it.
    expect(asked.some((url) => url.includes('/indiscrets/v1/changes'))).toBe(true);
    expect(asked.filter((url) => /(modified|drafts|issues)_after=/.test(url))).toEqual([]);
    expect(await g.db.clips.get(draft.id)).toBeDefined();
  });
});

describe('rejoining a desk left with an older version (no merge bases kept)', () => {
  let server: FakeDesk;
  let g: Browser;
  let h: Browser;

  beforeEach(() => {
    ({ server, a: g, b: h } = twoDesks(Browser));
  });
  afterEach(() => closeDesks(g, h));

  it('a record changed there meanwhile is never overwritten by the old copy: a differing field is a conflict', async () => {
    await g.join();
    await h.join();
    const changedThere = await g.clip('https://exemple.fr/1', 'Changé par H');
    const untouched = await g.clip('https://exemple.fr/2', 'Intact');
    const changedHere = await g.clip('https://exemple.fr/3', 'Changé par G');
    await g.sync();
    await h.sync();
    await leaveAsBefore(g);
    await updateDraft(changedThere.id, { body: 'Texte plus récent de H' }, h.db);
    await h.sync();
    await updateDraft(changedHere.id, { title: 'Titre revu par G, seul' }, g.db);

    server.log = [];
    await g.join();

    expect(server.byClientId('drafts', changedThere.id)!.content).toContain(
      'Texte plus récent de H',
    );
    const conflicts = await g.db.conflicts.toArray();
    expect(conflicts.map((c) => [c.recordId, c.fields.map((f) => f.field)])).toEqual([
      [changedThere.id, ['body']],
    ]);
    // Still its first version there: only G changed it, G's change goes up.
    expect(server.byClientId('drafts', changedHere.id)!.title).toBe('Titre revu par G, seul');
    expect(server.byClientId('drafts', untouched.id)!.version).toBe(1);
    // Matched by one listing of the desk, not one create answered « exists » per record.
    expect(creates(server)).toEqual([]);
    expect(server.all('drafts')).toHaveLength(3);
  });
});
