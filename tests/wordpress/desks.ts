import Dexie from 'dexie';
import { expect } from 'vitest';
import { SyncEngine } from '../../services/sync';
import { saveDraft } from '../../storage/draft-records';
import { IndiscretsDB } from '../../storage/db';
import type { DeskSettings } from '../../wordpress/desk-client';
import { php, site } from './helpers';

/**
 * Browsers on the shared desk, for the sync suites against the real WordPress with the companion
 * plugin: each `Desk` is one browser (its own IndexedDB database, its own engine) signed in as a
 * newsroom user.
 */
export class Desk {
  readonly db = new IndiscretsDB(`wp-sync-${crypto.randomUUID()}`);
  engine: SyncEngine;
  offline = false;
  /** The routes this browser POSTed to (creates, updates, trash), in order. */
  posts: string[] = [];
  /** Every request this browser sent that writes (method and route: a lock's too), in order. */
  writes: string[] = [];
  /** Called with each request's address before it goes (to count some, or fail them by throwing). */
  beforeRequest?: (url: URL) => void;
  constructor(readonly settings: DeskSettings) {
    this.engine = this.newEngine();
  }
  /**
   * The background started again (a service worker's restart): a new engine on the same
   * database, with nothing of the last one's memory.
   */
  restart() {
    this.engine = this.newEngine();
  }
  private newEngine() {
    return new SyncEngine({
      db: this.db,
      settings: async () => this.settings,
      isOnline: () => !this.offline,
      fetch: async (input, init) => {
        if (this.offline) throw new TypeError('Failed to fetch');
        this.beforeRequest?.(new URL(input));
        const route = new URL(input).searchParams.get('rest_route')!;
        if (init.method === 'POST') this.posts.push(route);
        if (init.method && init.method !== 'GET') this.writes.push(`${init.method} ${route}`);
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
  async clip(url: string, title = 'Le ministre et le yacht') {
    const { clip: draft } = await saveDraft(
      {
        metadata: {
          url,
          title,
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

/** Who signs in: the editor `redac`, the contributor `pigiste`, or the second Editor `chef`. */
export type Who = 'editor' | 'contributor' | 'chef';

/**
 * The desks of one suite. `setUp` (in `beforeAll`) makes the second Editor, `chef`, for two desks
 * that may both edit any draft; `as` signs a new browser in; `closeAll` (in `afterAll`) closes
 * and deletes their databases.
 */
export function newsroom() {
  let chef: { user: string; appPassword: string } | undefined;
  const desks: Desk[] = [];
  return {
    async setUp(): Promise<void> {
      const out = await php(`
      $id = username_exists('chef') ?: wp_insert_user(['user_login' => 'chef', 'user_pass' => wp_generate_password(), 'role' => 'editor', 'display_name' => 'Chef d’édition']);
      [$password] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'sync-test-' . wp_generate_password(6, false)]);
      echo json_encode(['user' => 'chef', 'appPassword' => $password]);`);
      chef = JSON.parse(out.slice(out.indexOf('{')));
    },
    as(who: Who): Desk {
      const wp = site();
      const user = who === 'chef' ? chef! : wp.newsroom[who];
      const desk = new Desk({
        siteUrl: wp.url,
        username: user.user,
        appPassword: user.appPassword,
      });
      desks.push(desk);
      return desk;
    },
    async closeAll(): Promise<void> {
      for (const desk of desks) await desk.close();
    },
  };
}

let serial = 0;
export const url = () => `https://exemple.fr/sync-${Date.now()}-${++serial}`;

/** The server's record for a local id, read as the administrator would. */
export async function serverRecord(kind: 'drafts' | 'issues', clientId: string) {
  const out = await php(
    `$q = get_posts(['post_type' => 'indiscrets_${kind === 'drafts' ? 'draft' : 'issue'}', 'post_status' => 'any,trash', 'numberposts' => -1, 'meta_key' => 'clientId', 'meta_value' => '${clientId}']);
     echo json_encode(array_map(function ($p) { return ['id' => $p->ID, 'status' => $p->post_status, 'title' => $p->post_title, 'content' => $p->post_content, 'sortKey' => get_post_meta($p->ID, 'sortKey', true), 'tags' => get_post_meta($p->ID, 'tags', true), 'modified' => $p->post_modified_gmt]; }, $q));`,
  );
  return JSON.parse(out.slice(out.indexOf('['))) as {
    id: number;
    status: string;
    title: string;
    content: string;
    sortKey: string;
    tags: string[];
    /** When WordPress last wrote it (GMT). */
    modified: string;
  }[];
}
