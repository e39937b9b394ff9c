import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../services/sync';
import { saveDraft } from '../../storage/draft-records';
import { IndiscretsDB } from '../../storage/db';
import type { DeskSettings } from '../../wordpress/desk-client';
import { php, site } from './helpers';

/**
 * QA against a real WordPress: an Author clipping a page an Editor had clipped was told « la
 * citation y a été ajoutée »; WordPress refused the write to the Editor's draft at the next
 * sync, which rolled it back, and the passage was lost. Here, each `Desk` is one browser (its
 * own IndexedDB database and sync engine) signed in as a newsroom user, against the plugin: the
 * Author's clip must become a draft of their own that WordPress accepts, the Editor's untouched.
 */

class Desk {
  readonly db = new IndiscretsDB(`wp-rights-${crypto.randomUUID()}`);
  readonly engine: SyncEngine;
  constructor(readonly settings: DeskSettings) {
    this.engine = new SyncEngine({
      db: this.db,
      settings: async () => this.settings,
      isOnline: () => true,
      fetch: (input, init) => fetch(input, init),
    });
  }
  async join() {
    await this.engine.enable();
    await this.engine.whenIdle();
    expect(await this.engine.status()).toMatchObject({ enabled: true, firstSyncDone: true });
  }
  async sync() {
    const status = await this.engine.run();
    expect(status.lastError).toBeUndefined();
    return status;
  }
  clip(url: string, passage: string) {
    return saveDraft(
      {
        metadata: { url, title: 'Le renseignement et le ministre', provenance: {} },
        selection: { text: passage, html: `<p>${passage}</p>` },
      } as never,
      this.db,
    );
  }
  async close() {
    this.db.close();
    await Dexie.delete(this.db.name);
  }
}

const desks: Desk[] = [];
function as(who: 'editor' | 'author' | 'contributor'): Desk {
  const user = site().newsroom[who];
  const wp = site();
  const desk = new Desk({ siteUrl: wp.url, username: user.user, appPassword: user.appPassword });
  desks.push(desk);
  return desk;
}

/** Every server draft of a page, read as the administrator would: its author and quotes. */
async function serverDrafts(url: string) {
  const out = await php(
    `$q = get_posts(['post_type' => 'indiscrets_draft', 'post_status' => 'any,trash', 'numberposts' => -1, 'meta_key' => 'url', 'meta_value' => '${url}']);
     echo json_encode(array_map(function ($p) { return ['author' => get_the_author_meta('user_login', $p->post_author), 'status' => $p->post_status, 'quotes' => array_column(get_post_meta($p->ID, 'quotes', true) ?: [], 'text')]; }, $q));`,
  );
  return JSON.parse(out.slice(out.indexOf('['))) as {
    author: string;
    status: string;
    quotes: string[];
  }[];
}

// First syncs read every record earlier suites left on the site: generous limits.
describe('a clip of a colleague’s page against the real WordPress', { timeout: 180_000 }, () => {
  afterAll(async () => {
    for (const desk of desks) await desk.close();
  });

  it.each(['author', 'contributor'] as const)(
    'keeps the %s’s passage in a draft of their own, and the Editor’s draft as it was',
    async (who) => {
      const url = `https://exemple.fr/lemonde-${who}-${Date.now()}`;
      const editor = as('editor');
      const autrice = as(who);
      const login = site().newsroom[who].user;
      await editor.join();
      const theirs = await editor.clip(url, 'Le passage de la rédaction en chef.');
      await editor.sync();
      await autrice.join();
      // The sync marked the Editor's draft: not the Author's to write.
      expect((await autrice.db.clips.get(theirs.clip.id))?.desk).toMatchObject({ canEdit: false });

      const clipped = await autrice.clip(url, 'Le passage de l’Autrice.');
      const status = await autrice.sync();

      // Nothing refused, nothing rolled back: the passage is on the site, in the Author's draft.
      expect(status.refusals).toBe(0);
      expect((await autrice.db.clips.get(clipped.clip.id))?.quotes.map((q) => q.text)).toEqual([
        'Le passage de l’Autrice.',
      ]);
      expect(clipped).toMatchObject({ merged: false, beside: site().newsroom.editor.name });
      const server = await serverDrafts(url);
      expect(
        server
          .map(({ author: login, quotes }) => ({ login, quotes }))
          .sort((a, b) => a.login.localeCompare(b.login)),
      ).toEqual(
        [
          { login, quotes: ['Le passage de l’Autrice.'] },
          { login: site().newsroom.editor.user, quotes: ['Le passage de la rédaction en chef.'] },
        ].sort((a, b) => a.login.localeCompare(b.login)),
      );

      // The Editor sees both; their next clip of the page still joins their own draft.
      await editor.sync();
      expect((await editor.db.clips.get(clipped.clip.id))?.desk).toMatchObject({
        createdBy: site().newsroom[who].name,
      });
      const again = await editor.clip(url, 'Un second passage de la rédaction.');
      expect(again).toMatchObject({ merged: true, quoteAdded: true });
      expect(again.clip.id).toBe(theirs.clip.id);
      expect((await editor.sync()).refusals).toBe(0);
    },
  );
});
