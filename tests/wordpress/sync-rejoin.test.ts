import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../services/sync';
import { saveDraft } from '../../storage/draft-records';
import { IndiscretsDB } from '../../storage/db';
import { trashDraft, updateDraft } from '../../storage/drafts';
import type { DeskSettings } from '../../wordpress/desk-client';
import { php, site } from './helpers';

/**
 * Leaving the shared desk and rejoining it, against the real WordPress (QA pass 2, s35): G turns
 * the desk off, H changes and trashes drafts G has, G turns it on again. G's old copies must not
 * be written over H's newer work: a rejoin is a sync, with its merge bases, not a re-upload.
 */

class Desk {
  readonly db = new IndiscretsDB(`wp-rejoin-${crypto.randomUUID()}`);
  readonly engine: SyncEngine;
  /** The routes this browser POSTed to (creates, updates, trash), in order. */
  posts: string[] = [];
  constructor(readonly settings: DeskSettings) {
    this.engine = new SyncEngine({
      db: this.db,
      settings: async () => this.settings,
      fetch: async (input, init) => {
        if (init.method === 'POST') this.posts.push(new URL(input).searchParams.get('rest_route')!);
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
  async clip(url: string) {
    const { clip } = await saveDraft(
      {
        metadata: { url, title: 'Le ministre et le yacht', siteName: 'Exemple', lang: 'fr' },
        selection: { text: '« Je ne savais pas »', html: '<p>« Je ne savais pas »</p>' },
      } as never,
      this.db,
    );
    return clip;
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
     echo json_encode(array_map(function ($p) { return ['id' => $p->ID, 'status' => $p->post_status, 'content' => $p->post_content]; }, $q));`,
  );
  const found = JSON.parse(out.slice(out.indexOf('['))) as {
    id: number;
    status: string;
    content: string;
  }[];
  expect(found).toHaveLength(1);
  return found[0]!;
}

let serial = 0;
const url = () => `https://exemple.fr/rejoin-${Date.now()}-${++serial}`;

describe(
  'leaving and rejoining the shared desk, against the real WordPress',
  { timeout: 180_000 },
  () => {
    const desks: Desk[] = [];
    let chef: { user: string; appPassword: string };
    beforeAll(async () => {
      // A second Editor, so that both desks may edit and trash any draft.
      const out = await php(`
      $id = username_exists('chef') ?: wp_insert_user(['user_login' => 'chef', 'user_pass' => wp_generate_password(), 'role' => 'editor', 'display_name' => 'Chef d’édition']);
      [$password] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'rejoin-test-' . wp_generate_password(6, false)]);
      echo json_encode(['user' => 'chef', 'appPassword' => $password]);`);
      chef = JSON.parse(out.slice(out.indexOf('{')));
    });
    afterAll(async () => {
      for (const desk of desks) await desk.close();
    });

    it('off → on takes a colleague’s newer text and trash, shows a both-sides change as a conflict, and re-sends nothing', async () => {
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
      const edited = await g.clip(url());
      const trashed = await g.clip(url());
      const both = await g.clip(url());
      await g.sync();
      await h.sync();
      expect(await h.db.clips.get(both.id)).toBeDefined();

      await g.engine.disable();
      const newer = `Texte plus récent de H ${Date.now()}`;
      await updateDraft(edited.id, { body: newer }, h.db);
      await trashDraft(trashed.id, h.db);
      await updateDraft(both.id, { body: 'Version de H' }, h.db);
      await h.sync();
      await updateDraft(both.id, { body: 'Version de G, écrite hors rédaction' }, g.db);
      expect((await serverDraft(edited.id)).content).toContain(newer);

      g.posts = [];
      await g.join();

      // Unchanged here since the last sync: the server's version, in WordPress and in G's browser.
      expect((await serverDraft(edited.id)).content).toContain(newer);
      expect((await g.db.clips.get(edited.id))!.body).toContain(newer);
      expect((await serverDraft(trashed.id)).status).toBe('trash');
      expect((await g.db.clips.get(trashed.id))!.deletedAt).toBeDefined();
      // Changed on both sides: H's text stays in WordPress, G chooses; G's text is kept meanwhile.
      expect((await serverDraft(both.id)).content).toContain('Version de H');
      const conflicts = await g.db.conflicts.toArray();
      expect(conflicts.map((c) => c.recordId)).toEqual([both.id]);
      expect((await g.db.clips.get(both.id))!.body).toContain('Version de G');
      // Nothing was created again, and nothing written over: at most an update of the draft
      // changed here, based on the version G had, which WordPress answers « conflict » (the
      // rejoin lists the desk first, so it finds the conflict without even that).
      const bothId = (await serverDraft(both.id)).id;
      for (const route of g.posts) expect(route).toBe(`/indiscrets/v1/drafts/${bothId}`);
    });
  },
);
