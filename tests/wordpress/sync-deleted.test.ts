import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../services/sync';
import { saveDraft } from '../../storage/draft-records';
import { IndiscretsDB } from '../../storage/db';
import { updateDraft } from '../../storage/drafts';
import { addToIssue, createIssue, deleteIssue, moveItem, updateIssue } from '../../storage/issues';
import type { DeskSettings } from '../../wordpress/desk-client';
import { php, site } from './helpers';

/**
 * Another editor's deletion meeting offline work, against the real WordPress with the companion
 * plugin (QA pass 2, s05): each `Desk` is one browser (its own IndexedDB database, its own
 * engine), as in sync.test.ts. Two editors: `redac` and `chef` (made here).
 */

let chef: { user: string; appPassword: string };

class Desk {
  readonly db = new IndiscretsDB(`wp-sync-${crypto.randomUUID()}`);
  readonly engine: SyncEngine;
  offline = false;
  posts: string[] = [];
  constructor(readonly settings: DeskSettings) {
    this.engine = new SyncEngine({
      db: this.db,
      settings: async () => this.settings,
      isOnline: () => !this.offline,
      fetch: async (input, init) => {
        if (this.offline) throw new TypeError('Failed to fetch');
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
    return status;
  }
  async sync() {
    const status = await this.engine.run();
    expect(status.lastError).toBeUndefined();
    return status;
  }
  async clip(url: string) {
    const { clip: draft } = await saveDraft(
      {
        metadata: {
          url,
          title: 'Le ministre et le yacht',
          siteName: 'Exemple',
          byline: 'Jeanne Reporter',
          publishedAt: '2026-03-10T08:00:00.000Z',
          lang: 'fr',
          provenance: { title: 'og:title', byline: 'json-ld' },
        },
        selection: { text: '« Je ne savais pas »', html: '<p>« Je ne savais pas »</p>' },
      } as never,
      this.db,
    );
    return draft;
  }
  async close() {
    this.db.close();
    await Dexie.delete(this.db.name);
  }
}

const desks: Desk[] = [];
function as(who: 'editor' | 'contributor' | 'chef'): Desk {
  const wp = site();
  const user = who === 'chef' ? chef : wp.newsroom[who];
  const desk = new Desk({ siteUrl: wp.url, username: user.user, appPassword: user.appPassword });
  desks.push(desk);
  return desk;
}

let serial = 0;
const url = () => `https://exemple.fr/sync-${Date.now()}-${++serial}`;

/** The server's record for a local id, read as the administrator would. */
async function serverRecord(kind: 'drafts' | 'issues', clientId: string) {
  const out = await php(
    `$q = get_posts(['post_type' => 'indiscrets_${kind === 'drafts' ? 'draft' : 'issue'}', 'post_status' => 'any,trash', 'numberposts' => -1, 'meta_key' => 'clientId', 'meta_value' => '${clientId}']);
     echo json_encode(array_map(function ($p) { return ['id' => $p->ID, 'status' => $p->post_status, 'title' => $p->post_title, 'content' => $p->post_content, 'sortKey' => get_post_meta($p->ID, 'sortKey', true), 'tags' => get_post_meta($p->ID, 'tags', true)]; }, $q));`,
  );
  return JSON.parse(out.slice(out.indexOf('['))) as {
    id: number;
    status: string;
    title: string;
    content: string;
    sortKey: string;
    tags: string[];
  }[];
}

describe(
  'an issue deleted on one desk while another changed it offline',
  { timeout: 180_000 },
  () => {
    beforeAll(async () => {
      const out = await php(`
      $id = username_exists('chef') ?: wp_insert_user(['user_login' => 'chef', 'user_pass' => wp_generate_password(), 'role' => 'editor', 'display_name' => 'Chef d’édition']);
      [$password] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'sync-test-' . wp_generate_password(6, false)]);
      echo json_encode(['user' => 'chef', 'appPassword' => $password]);`);
      chef = JSON.parse(out.slice(out.indexOf('{')));
    });
    afterAll(async () => {
      for (const desk of desks) await desk.close();
    });

    it('comes back with B’s chapô, B’s order and its items on both desks, and B is told who deleted it', async () => {
      const a = as('chef');
      const b = as('editor');
      // B made the issue: its last writer before the deletion is B, not A who deletes it.
      const issue = await createIssue(
        { title: `Numéro à supprimer ${Date.now()}`, date: '2026-03-15', intro: 'Chapô initial' },
        b.db,
      );
      const x = await b.clip(url());
      const y = await b.clip(url());
      await addToIssue(x.id, issue.id, b.db);
      await addToIssue(y.id, issue.id, b.db);
      await b.join();
      await a.join();

      b.offline = true;
      await updateIssue(issue.id, { intro: 'Chapô réécrit par B hors ligne' }, b.db);
      await updateDraft(x.id, { body: '<p>TEXTE-B-HORS-LIGNE</p>' }, b.db);
      await moveItem(issue.id, y.id, 0, b.db);
      expect((await b.engine.status()).pending).toBe(3);

      await deleteIssue(issue.id, a.db);
      await a.sync();
      expect((await serverRecord('issues', issue.id))[0]!.status).toBe('trash');

      b.offline = false;
      await b.sync();
      await b.engine.whenIdle();
      expect(await b.db.issues.get(issue.id)).toMatchObject({
        intro: 'Chapô réécrit par B hors ligne',
      });
      const [onServer] = await serverRecord('issues', issue.id);
      expect(onServer).toMatchObject({
        status: 'draft',
        content: 'Chapô réécrit par B hors ligne',
      });
      const [told] = await b.engine.listConflicts();
      // Named by the plugin as who put it in the trash (not its last writer before that).
      expect(told).toMatchObject({ recordId: issue.id, deletedBy: 'Chef d’édition' });
      expect((await b.engine.status()).pending).toBe(0);

      await a.sync();
      for (const desk of [a, b]) {
        expect(await desk.db.issues.get(issue.id)).toMatchObject({
          intro: 'Chapô réécrit par B hors ligne',
        });
        const items = await desk.db.clips.where('issueId').equals(issue.id).sortBy('sortKey');
        expect(items.map((item) => item.id)).toEqual([y.id, x.id]);
        expect(items[1]!.body).toBe('<p>TEXTE-B-HORS-LIGNE</p>');
      }
    });
  },
);
