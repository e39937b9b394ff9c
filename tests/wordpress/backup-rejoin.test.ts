// @vitest-environment jsdom
// (A restore cleans the backup's rich text, which takes a DOM, as in the options page.)
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../services/sync';
import { BACKUP_FORMAT, BACKUP_VERSION, type ParsedBackup } from '../../storage/backup-format';
import { ReplaceOnSharedDeskError, restoreBackup } from '../../storage/backup-restore';
import { saveDraft } from '../../storage/draft-records';
import { IndiscretsDB } from '../../storage/db';
import { updateDraft } from '../../storage/drafts';
import { SYNC_OFF } from '../../storage/sync-state';
import type { DeskSettings } from '../../wordpress/desk-client';
import { php, site } from './helpers';

/**
 * « Remplacer tout… » after leaving the shared desk, against the real WordPress: G leaves, puts
 * back a backup older than the desk's work (colleague H's later text, drafts made since by H and
 * by G), and joins again. The replace forgot the desk here (storage/backup-restore.ts,
 * `forgetSharedDesk`), so the join is a first one, as from a new browser: none of the drafts
 * the replace removed here is trashed in WordPress, H's newer text is not written over, and G
 * ends with the desk's drafts.
 */

class Desk {
  readonly db = new IndiscretsDB(`wp-backup-rejoin-${crypto.randomUUID()}`);
  readonly engine: SyncEngine;
  /** Every request this browser sent that writes (method and route), in order. */
  writes: string[] = [];
  constructor(readonly settings: DeskSettings) {
    this.engine = new SyncEngine({
      db: this.db,
      settings: async () => this.settings,
      fetch: async (input, init) => {
        if (init.method && init.method !== 'GET') {
          this.writes.push(`${init.method} ${new URL(input).searchParams.get('rest_route')}`);
        }
        return fetch(input, init);
      },
    });
  }
  async join() {
    await this.engine.enable();
    await this.engine.whenIdle();
    const status = await this.engine.status();
    expect(status).toMatchObject({ enabled: true, firstSyncDone: true });
    expect(status.lastError).toBeUndefined();
    return status;
  }
  async sync() {
    const status = await this.engine.run();
    expect(status.lastError).toBeUndefined();
    return status;
  }
  async clip(url: string, title: string) {
    const { clip } = await saveDraft(
      {
        metadata: { url, title, siteName: 'Exemple', lang: 'fr' },
        selection: { text: '« Je ne savais pas »', html: '<p>« Je ne savais pas »</p>' },
      } as never,
      this.db,
    );
    return clip;
  }
  /** A backup of this browser's drafts and issues, as the options page would read it back. */
  async backup(): Promise<ParsedBackup> {
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date().toISOString(),
      schemaVersion: this.db.verno,
      clips: await this.db.clips.toArray(),
      issues: await this.db.issues.toArray(),
      settings: {},
    } as ParsedBackup;
  }
  async close() {
    this.db.close();
    await Dexie.delete(this.db.name);
  }
}

/** The server's draft for a local id, read as the administrator would. */
async function serverDraft(clientId: string) {
  const out = await php(
    `$q = get_posts(['post_type' => 'indiscrets_draft', 'post_status' => 'any,trash', 'numberposts' => -1, 'meta_key' => 'clientId', 'meta_value' => '${clientId}']);
     echo json_encode(array_map(function ($p) { return ['id' => $p->ID, 'status' => $p->post_status, 'content' => $p->post_content, 'modified' => $p->post_modified_gmt]; }, $q));`,
  );
  const found = JSON.parse(out.slice(out.indexOf('['))) as {
    id: number;
    status: string;
    content: string;
    modified: string;
  }[];
  expect(found).toHaveLength(1);
  return found[0]!;
}

let serial = 0;
const url = () => `https://exemple.fr/backup-rejoin-${Date.now()}-${++serial}`;

describe(
  '« Remplacer tout… » after leaving the shared desk, against the real WordPress',
  { timeout: 240_000 },
  () => {
    const desks: Desk[] = [];
    let chef: { user: string; appPassword: string };
    beforeAll(async () => {
      // A second Editor, so that both desks may edit and trash any draft.
      const out = await php(`
      $id = username_exists('chef') ?: wp_insert_user(['user_login' => 'chef', 'user_pass' => wp_generate_password(), 'role' => 'editor', 'display_name' => 'Chef d’édition']);
      [$password] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'backup-rejoin-test-' . wp_generate_password(6, false)]);
      echo json_encode(['user' => 'chef', 'appPassword' => $password]);`);
      chef = JSON.parse(out.slice(out.indexOf('{')));
    });
    afterAll(async () => {
      for (const desk of desks) await desk.close();
    });

    it('an older backup put back after leaving trashes and rewrites nothing of the team’s at the next join, and G ends with the desk’s drafts', async () => {
      const wp = site();
      const editor = wp.newsroom.editor;
      const g = new Desk({
        siteUrl: wp.url,
        username: editor.user,
        appPassword: editor.appPassword,
      });
      const h = new Desk({ siteUrl: wp.url, username: chef.user, appPassword: chef.appPassword });
      desks.push(g, h);
      await g.join();
      await h.join();
      // H's draft, which G receives, and G's own: both in the backup.
      const hers = await h.clip(url(), 'Le scoop de H');
      const mine = await g.clip(url(), 'Le brouillon de G');
      await h.sync();
      await g.sync();
      expect(await g.db.clips.get(hers.id)).toBeDefined();
      const backup = await g.backup();

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
      const result = await restoreBackup(backup, g.db, { mode: 'replace', forgetDesk: true });
      expect(result.clips.removed).toBe(4);
      expect((await g.db.clips.toArray()).map((d) => d.id).sort()).toEqual(
        [hers.id, mine.id].sort(),
      );
      expect(await g.db.syncRecords.count()).toBe(0);
      expect(await g.db.syncState.get('desk')).toEqual(SYNC_OFF);

      g.writes = [];
      await g.join();

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
