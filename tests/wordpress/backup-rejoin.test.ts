// @vitest-environment jsdom
// (A restore cleans the backup's rich text, which takes a DOM, as in the options page.)
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, type ParsedBackup } from '../../storage/backup-format';
import { ReplaceOnSharedDeskError, restoreBackup } from '../../storage/backup-restore';
import { updateDraft } from '../../storage/drafts';
import { SYNC_OFF } from '../../storage/sync-state';
import { type Desk, newsroom, serverRecord, url } from './desks';

/**
 * « Remplacer tout… » after leaving the shared desk, against the real WordPress: G leaves, puts
 * back a backup older than the desk's work (colleague H's later text, drafts made since by H and
 * by G), and joins again. The replace forgot the desk here (storage/backup-restore.ts,
 * `forgetSharedDesk`), so the join is a first one, as from a new browser: none of the drafts
 * the replace removed here is trashed in WordPress, H's newer text is not written over, and G
 * ends with the desk's drafts.
 */

/** A backup of `desk`'s drafts and issues, as the options page would read it back. */
async function backupOf(desk: Desk): Promise<ParsedBackup> {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    schemaVersion: desk.db.verno,
    clips: await desk.db.clips.toArray(),
    issues: await desk.db.issues.toArray(),
    settings: {},
  } as ParsedBackup;
}

/** The server's one draft for a local id, read as the administrator would. */
async function serverDraft(clientId: string) {
  const found = await serverRecord('drafts', clientId);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe(
  '« Remplacer tout… » after leaving the shared desk, against the real WordPress',
  { timeout: 240_000 },
  () => {
    // A second Editor, so that both desks may edit and trash any draft.
    const team = newsroom();
    beforeAll(() => team.setUp());
    afterAll(() => team.closeAll());

    it('an older backup put back after leaving trashes and rewrites nothing of the team’s at the next join, and G ends with the desk’s drafts', async () => {
      const g = team.as('editor');
      const h = team.as('chef');
      await g.join();
      await h.join();
      // H's draft, which G receives, and G's own: both in the backup.
      const hers = await h.clip(url(), 'Le scoop de H');
      const mine = await g.clip(url(), 'Le brouillon de G');
      await h.sync();
      await g.sync();
      expect(await g.db.clips.get(hers.id)).toBeDefined();
      const backup = await backupOf(g);

      // After the backup: H rewrites her draft and clips another; G clips one too.
      const newer = `Texte plus récent de H ${Date.now()}`;
      await updateDraft(hers.id, { body: `<p>${newer}</p>` }, h.db);
      const hersLater = await h.clip(url(), 'Le second scoop de H');
      await h.sync();
      const mineLater = await g.clip(url(), 'Le second brouillon de G');
      await g.sync();
      await h.sync();
      const before = new Map(
        await Promise.all(
          [hers, mine, hersLater, mineLater].map(
            async (draft) => [draft.id, await serverDraft(draft.id)] as const,
          ),
        ),
      );
      expect(before.get(hers.id)!.content).toContain(newer);

      await g.engine.disable();
      // Kept for a rejoin: replacing is refused unless the editor agrees to forget the desk.
      await expect(restoreBackup(backup, g.db, { mode: 'replace' })).rejects.toBeInstanceOf(
        ReplaceOnSharedDeskError,
      );
      // The suite's other files share this WordPress: G has their drafts too, in the backup.
      const held = await g.db.clips.count();
      const result = await restoreBackup(backup, g.db, { mode: 'replace', forgetDesk: true });
      expect(result.clips.removed).toBe(held);
      const kept = (await g.db.clips.toArray()).map((d) => d.id);
      expect(kept.sort()).toEqual(backup.clips.map((d) => d.id).sort());
      expect(kept).toEqual(expect.arrayContaining([hers.id, mine.id]));
      expect(kept).not.toContain(hersLater.id);
      expect(kept).not.toContain(mineLater.id);
      expect(await g.db.syncRecords.count()).toBe(0);
      expect(await g.db.syncState.get('desk')).toEqual(SYNC_OFF);

      g.writes = [];
      expect((await g.join()).lastError).toBeUndefined();

      // Nothing trashed or written over in WordPress: every draft as it was before the join.
      for (const [id, was] of before) {
        const now = await serverDraft(id);
        expect(now, id).toEqual(was);
      }
      // No trash asked for, nothing sent as an edit or a new draft.
      expect(g.writes.filter((w) => !w.includes('/lock'))).toEqual([]);
      // The drafts the replace removed here came back from the desk.
      expect((await g.db.clips.get(hersLater.id))?.title).toBe('Le second scoop de H');
      expect((await g.db.clips.get(mineLater.id))?.title).toBe('Le second brouillon de G');
      // H's rewritten draft, different in the backup: a conflict for G, H's text kept in
      // WordPress meanwhile. Taking the desk's version, G has the desk's drafts.
      const conflicts = await g.db.conflicts.toArray();
      expect(conflicts.map((c) => [c.recordId, c.fields.map((f) => f.field)])).toEqual([
        [hers.id, ['body']],
      ]);
      await g.engine.resolve(`draft:${hers.id}`, { body: 'theirs' });
      await g.engine.whenIdle();
      await g.sync();
      await h.sync();
      expect((await g.db.clips.get(hers.id))!.body).toContain(newer);
      expect((await serverDraft(hers.id)).content).toContain(newer);
      expect((await serverDraft(hers.id)).status).not.toBe('trash');
      const shared = (draft: { title: string; body: string; deletedAt?: string }) => ({
        title: draft.title,
        body: draft.body,
        trashed: !!draft.deletedAt,
      });
      const gs = (await g.db.clips.toArray()).map((d) => [d.id, shared(d)]);
      const hs = await h.db.clips.bulkGet(gs.map(([id]) => id as string));
      expect(gs.map(([, d]) => d)).toEqual(hs.map((d) => shared(d!)));
      expect(gs.map(([id]) => id)).toEqual(
        expect.arrayContaining([hers.id, mine.id, hersLater.id, mineLater.id]),
      );
    });
  },
);
