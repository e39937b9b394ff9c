import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addToIssue, createIssue, issueItems, moveItem } from '../../storage/issues';
import { askAddress, publishPost, testConnection, validateSiteUrl } from '../../wordpress/client';
import { discoverDesk, pullFirstPages, pullChanges } from '../../wordpress/desk-client';
import { Desk, url } from './desks';
import { rightsSentence } from '../../components/roleSentences';
import { deskRoleOf } from '../../services/desk-discovery';
import { at, phpOn, recordsOn, serverRules, useNetwork } from './network';

/**
 * The companion plugin and the extension on a subdirectory multisite network, as newsrooms run
 * them: « La Une » at the root, « Sport » at /sport/ (scripts/wordpress/server.mjs,
 * startNetwork), the plugin network-activated. `redac` is an Editor of both sites, `chef` of
 * « Sport » only, `pigiste` a Contributor of the main site only; `admin`, the network's super
 * admin, no member of « Sport ».
 */
const network = useNetwork();

describe(
  'the shared desk and publishing on a subdirectory multisite network',
  { timeout: 120_000 },
  () => {
    it('the sub-site answers at its own address: not taken for a moved site nor a custom REST prefix', async () => {
      const net = network();
      const sport = at(net, 'sport', 'sportsEditor');
      const found = await discoverDesk(sport);
      expect(found).toMatchObject({
        ok: true,
        desk: {
          plugin: { name: 'indiscrets' },
          user: { name: 'Chef des sports', roles: ['editor'] },
          can: { read: true, arrange: true, publish: true },
          home: net.sites.sport.url,
        },
      });
      expect(await pullChanges(sport, 'drafts', undefined, { perPage: 5 })).toMatchObject({
        ok: true,
      });
      // Publishing's check reads the REST index there: the sub-site's, its address its own.
      expect(await testConnection(sport)).toMatchObject({ ok: true });
      // Asked without the password (a redirected write's message, the publish panel's proof):
      // a WordPress answering there itself, not one moved to its folder nor a prefix of the root.
      expect(await askAddress(net.sites.sport.url)).toEqual({ kind: 'wordpress' });
      expect(await askAddress(net.url)).toEqual({ kind: 'wordpress' });
      // Typed with a slash, or as its wp-admin: the same site.
      for (const typed of [`${net.sites.sport.url}/`, `${net.sites.sport.url}/wp-admin/`]) {
        const address = validateSiteUrl(typed);
        expect(address).toEqual({ ok: true, url: net.sites.sport.url });
      }
    });

    it('a folder of the network that is no site (a sub-site deleted) is told the main site’s, nothing read there', async () => {
      const net = network();
      // WordPress answers it as the main site, under the folder, with no redirect.
      const gone = { ...at(net, 'main', 'editor'), siteUrl: `${net.url}/culture` };
      expect(await discoverDesk(gone)).toMatchObject({
        ok: false,
        code: 'site_moved',
        address: net.url,
      });
      expect(await testConnection(gone)).toMatchObject({
        ok: false,
        code: 'site_moved',
        address: net.url,
      });
      expect(await askAddress(gone.siteUrl)).toEqual({ kind: 'moved', address: net.url });
    });

    it('publishes a draft post to the sub-site, and only there', async () => {
      const net = network();
      const title = `Le derby du ${Date.now()}`;
      const result = await publishPost(at(net, 'sport', 'sportsEditor'), {
        title,
        content: '<p>Le derby a eu lieu.</p>',
      });
      expect(result).toMatchObject({ ok: true, status: 'draft', created: true });
      if (!result.ok) return;
      expect(result.editLink).toBe(
        `${net.sites.sport.url}/wp-admin/post.php?post=${result.postId}&action=edit`,
      );
      expect(result.link).toContain(`${net.sites.sport.url}/`);
      const sportPosts = await recordsOn(net, 'sport', 'posts');
      expect(sportPosts).toContainEqual(
        expect.objectContaining({ id: result.postId, title, status: 'draft' }),
      );
      expect((await recordsOn(net, 'main', 'posts')).map((p) => p.title)).not.toContain(title);
    });

    it('two Editors of the sub-site share an issue; its records are the sub-site’s, the main site’s its own', async () => {
      const net = network();
      const a = new Desk(at(net, 'sport', 'editor'));
      const b = new Desk(at(net, 'sport', 'sportsEditor'));
      const une = new Desk(at(net, 'main', 'editor'));
      try {
        const issue = await createIssue({ title: 'Sport du lundi', date: '2026-03-16' }, a.db);
        const x = await a.clip(url(), 'Le derby');
        const y = await a.clip(url(), 'Le mercato');
        await addToIssue(x.id, issue.id, a.db);
        await addToIssue(y.id, issue.id, a.db);
        await a.join();
        await b.join();
        expect(await b.db.issues.get(issue.id)).toMatchObject({ title: 'Sport du lundi' });
        await moveItem(issue.id, y.id, 0, b.db);
        await b.sync();
        await a.sync();
        for (const desk of [a, b]) {
          expect((await issueItems(issue.id, desk.db)).map((item) => item.id)).toEqual([
            y.id,
            x.id,
          ]);
        }

        // The main site's desk, the same account: its own records, none of the sub-site's.
        const front = await une.clip(url(), 'Le remaniement');
        await une.join();
        expect(await une.db.issues.get(issue.id)).toBeUndefined();
        expect(await une.db.clips.get(x.id)).toBeUndefined();
        await a.sync();
        expect(await a.db.clips.get(front.id)).toBeUndefined();

        const ids = (records: { clientId: string }[]) => records.map((r) => r.clientId);
        expect(ids(await recordsOn(net, 'sport', 'drafts'))).toEqual(
          expect.arrayContaining([x.id, y.id]),
        );
        expect(ids(await recordsOn(net, 'sport', 'issues'))).toContain(issue.id);
        expect(ids(await recordsOn(net, 'sport', 'drafts'))).not.toContain(front.id);
        expect(ids(await recordsOn(net, 'main', 'drafts'))).toEqual([front.id]);
        expect(await recordsOn(net, 'main', 'issues')).toEqual([]);
      } finally {
        for (const desk of [a, b, une]) await desk.close();
      }
    });

    it('with ?rest_route= blocked across the network, each site’s desk finds its own /wp-json/, its records its own', async () => {
      const net = network();
      const sport = new Desk(at(net, 'sport', 'editor'));
      const une = new Desk(at(net, 'main', 'editor'));
      serverRules(net, { blockRestRoute: true });
      try {
        const asked: string[] = [];
        sport.beforeRequest = (address) => asked.push(address.href);
        const derby = await sport.clip(url(), 'Le derby, sans rest_route');
        const vote = await une.clip(url(), 'Le vote, sans rest_route');
        await sport.join();
        await une.join();
        // The sub-site's REST root is its own, under /sport/: never the root's, never a prefix.
        expect(asked.filter((a) => !a.includes('rest_route='))).not.toHaveLength(0);
        for (const address of asked.filter((a) => !a.includes('rest_route=')))
          expect(address.startsWith(`${net.sites.sport.url}/wp-json/`)).toBe(true);
        const sportIds = (await recordsOn(net, 'sport', 'drafts')).map((r) => r.clientId);
        const mainIds = (await recordsOn(net, 'main', 'drafts')).map((r) => r.clientId);
        expect(sportIds).toContain(derby.id);
        expect(sportIds).not.toContain(vote.id);
        expect(mainIds).toContain(vote.id);
        expect(mainIds).not.toContain(derby.id);
        await sport.sync();
        expect(await sport.db.clips.get(vote.id)).toBeUndefined();
      } finally {
        serverRules(net, {});
        await sport.close();
        await une.close();
      }
    });

    it('a site’s writes its server sends to another site of the network are not replayed there, and go once let through', async () => {
      const net = network();
      // `redac` is an Editor of both sites: the password would be taken there.
      const sport = new Desk(at(net, 'sport', 'editor'));
      const une = new Desk(at(net, 'main', 'editor'));
      try {
        serverRules(net, { writesTo: { '/sport': '', '': '/sport' } });
        const derby = await sport.clip(url(), 'Le derby redirigé');
        const vote = await une.clip(url(), 'Le vote redirigé');
        for (const desk of [sport, une]) {
          await desk.engine.enable();
          await desk.engine.whenIdle();
        }
        const title = `Redirigé vers la Une ${Date.now()}`;
        expect(
          await publishPost(at(net, 'sport', 'editor'), { title, content: '<p>x</p>' }),
        ).toMatchObject({ ok: false, code: 'write_redirected' });
        const everywhere = async (kind: 'drafts' | 'posts') => [
          ...(await recordsOn(net, 'main', kind)),
          ...(await recordsOn(net, 'sport', kind)),
        ];
        const written = (await everywhere('drafts')).map((r) => r.clientId);
        expect(written).not.toContain(derby.id);
        expect(written).not.toContain(vote.id);
        expect((await everywhere('posts')).map((p) => p.title)).not.toContain(title);

        serverRules(net, {});
        await sport.sync();
        await une.sync();
        expect((await recordsOn(net, 'sport', 'drafts')).map((r) => r.clientId)).toContain(
          derby.id,
        );
        expect((await recordsOn(net, 'main', 'drafts')).map((r) => r.clientId)).toContain(vote.id);
        expect((await recordsOn(net, 'main', 'drafts')).map((r) => r.clientId)).not.toContain(
          derby.id,
        );
      } finally {
        serverRules(net, {});
        await sport.close();
        await une.close();
      }
    });

    it('a user of the main site who is no member of the sub-site is refused there, told the role it takes', async () => {
      const net = network();
      const outsider = at(net, 'sport', 'contributor');
      const found = await discoverDesk(outsider);
      expect(found).toMatchObject({
        ok: true,
        desk: { user: { name: 'Pigiste', roles: [] }, can: { read: false, clip: false } },
      });
      expect(await pullFirstPages(outsider)).toMatchObject({
        ok: false,
        code: 'forbidden',
        needs: 'contributor',
      });
      // The options page's sentence: no role here (not « Vous êtes Abonné »), the role the desk
      // takes, and whom to ask.
      if (found.ok) {
        const { user, can } = found.desk;
        expect(rightsSentence(deskRoleOf(user!.roles), can, user!.roles)).toBe(
          'Votre compte n’a aucun rôle sur ce site\u00a0: la rédaction partagée demande au moins le rôle Contributeur, pour la lire comme pour y écrire. Demandez-le à un administrateur du site.',
        );
      }
      // Joined anyway: refused, the local draft kept and sent nowhere.
      const desk = new Desk(outsider);
      try {
        const draft = await desk.clip(url(), 'Hors de la rubrique');
        await desk.engine.enable();
        await desk.engine.whenIdle();
        expect(await desk.engine.status()).toMatchObject({
          firstSyncDone: false,
          lastError: { code: 'forbidden' },
          pending: 1,
        });
        expect(await desk.db.clips.get(draft.id)).toBeDefined();
        for (const where of ['sport', 'main'] as const)
          expect((await recordsOn(net, where, 'drafts')).map((r) => r.clientId)).not.toContain(
            draft.id,
          );
      } finally {
        await desk.close();
      }
      const title = `Hors de la rubrique ${Date.now()}`;
      expect(await publishPost(outsider, { title, content: '<p>x</p>' })).toMatchObject({
        ok: false,
      });
      expect((await recordsOn(net, 'sport', 'posts')).map((p) => p.title)).not.toContain(title);
      // And the other way: the sports desk's Editor on the main site.
      expect(await pullFirstPages(at(net, 'main', 'sportsEditor'))).toMatchObject({
        ok: false,
        code: 'forbidden',
        needs: 'contributor',
      });
    });

    it('the network’s administrator, no member of the sub-site, is named an Administrator there', async () => {
      const net = network();
      expect(await discoverDesk(at(net, 'sport', 'admin'))).toMatchObject({
        ok: true,
        desk: { user: { roles: ['administrator'] }, can: { read: true, publish: true } },
      });
    });

    it('the network’s administrator, a member of the sub-site with a lesser role, is named an Administrator there, as their rights are', async () => {
      const net = network();
      const { id } = net.users.admin;
      await phpOn(net, 'main', `add_user_to_blog(${net.sites.sport.id}, ${id}, 'author');`);
      try {
        const found = await discoverDesk(at(net, 'sport', 'admin'));
        // WordPress gives a super admin every right on every site, whatever their role there.
        expect(found).toMatchObject({
          ok: true,
          desk: { can: { read: true, editOthers: true, arrange: true, publish: true } },
        });
        if (!found.ok) return;
        const { user, can } = found.desk;
        expect(deskRoleOf(user!.roles)).toBe('administrator');
        expect(rightsSentence(deskRoleOf(user!.roles), can, user!.roles)).toBe(
          'Vous êtes Administrateur\u00a0: vous pouvez écrire tous les brouillons, ordonner le numéro et le publier.',
        );
      } finally {
        await phpOn(net, 'main', `remove_user_from_blog(${id}, ${net.sites.sport.id});`);
      }
    });

    it('activated on the sub-site alone (not network-wide): its desk works there, the main site has none', async () => {
      const net = network();
      await phpOn(
        net,
        'main',
        `require_once ABSPATH . 'wp-admin/includes/plugin.php'; deactivate_plugins('indiscrets/indiscrets.php', true, true);`,
      );
      try {
        const activated = await phpOn(
          net,
          'sport',
          `require_once ABSPATH . 'wp-admin/includes/plugin.php'; $r = activate_plugin('indiscrets/indiscrets.php'); echo is_wp_error($r) ? $r->get_error_message() : 'activé';`,
        );
        expect(activated).toBe('activé');
        expect(await discoverDesk(at(net, 'main', 'editor'))).toMatchObject({
          ok: false,
          code: 'no_plugin',
        });
        const desk = new Desk(at(net, 'sport', 'sportsEditor'));
        try {
          const draft = await desk.clip(url(), 'Activée ici');
          await desk.join();
          expect((await recordsOn(net, 'sport', 'drafts')).map((r) => r.clientId)).toContain(
            draft.id,
          );
        } finally {
          await desk.close();
        }
      } finally {
        await phpOn(
          net,
          'sport',
          `require_once ABSPATH . 'wp-admin/includes/plugin.php'; deactivate_plugins('indiscrets/indiscrets.php', true);`,
        );
        await phpOn(
          net,
          'main',
          `require_once ABSPATH . 'wp-admin/includes/plugin.php'; $r = activate_plugin('indiscrets/indiscrets.php', '', true); if (is_wp_error($r)) { echo $r->get_error_message(); }`,
        );
      }
    });

    it('deleted from the network, it takes its capabilities (and, asked, its records) from every site', async () => {
      const net = network();
      const read = async (where: 'main' | 'sport') => {
        const out = await phpOn(
          net,
          where,
          `echo json_encode(['editor' => get_role('editor')->has_cap('read_indiscrets'), 'caps' => get_option('indiscrets_caps_version')]);`,
        );
        return JSON.parse(out.slice(out.indexOf('{'))) as { editor: boolean; caps: unknown };
      };
      // Granted on each site (the sub-site's on its first request, the plugin network-activated).
      expect(await read('sport')).toEqual({ editor: true, caps: '1' });
      expect(await read('main')).toEqual({ editor: true, caps: '1' });
      // Earlier tests left records on both sites.
      expect(await recordsOn(net, 'sport', 'drafts')).not.toEqual([]);
      expect(await recordsOn(net, 'main', 'drafts')).not.toEqual([]);
      try {
        // Network Admin › Plugins: Network Deactivate, then Delete (uninstall.php, on the main site).
        const out = await phpOn(
          net,
          'main',
          // With the records asked to go too (wp-config.php's constant).
          `define('INDISCRETS_DELETE_DATA_ON_UNINSTALL', true); require_once ABSPATH . 'wp-admin/includes/plugin.php'; deactivate_plugins('indiscrets/indiscrets.php', true, true); echo uninstall_plugin('indiscrets/indiscrets.php') ? 'désinstallée' : 'non';`,
        );
        expect(out.trim().endsWith('désinstallée')).toBe(true);
        expect(await read('main')).toEqual({ editor: false, caps: false });
        expect(await read('sport')).toEqual({ editor: false, caps: false });
        for (const where of ['main', 'sport'] as const)
          for (const kind of ['drafts', 'issues'] as const)
            expect(await recordsOn(net, where, kind)).toEqual([]);
      } finally {
        await phpOn(
          net,
          'main',
          `require_once ABSPATH . 'wp-admin/includes/plugin.php'; activate_plugin('indiscrets/indiscrets.php', '', true);`,
        );
      }
    });

    it('deleted from a network of more than a hundred sites, it takes its capabilities from the last one too', async () => {
      const net = network();
      const admin = net.users.admin.id;
      // A hundred sites first (their rows only, no tables: what get_sites counts), then one whose
      // roles have the capabilities, beyond the hundred get_sites() returns unless told.
      const made = await phpOn(
        net,
        'main',
        `remove_action('wp_initialize_site', 'wp_initialize_site', 10);
        $domain = get_network()->domain;
        for ($i = 0; $i < 100; $i++) { $r = wp_insert_site(['domain' => $domain, 'path' => "/vide$i/"]); if (is_wp_error($r)) { echo $r->get_error_message(); exit; } }
        add_action('wp_initialize_site', 'wp_initialize_site', 10, 2);
        $last = wpmu_create_blog($domain, '/derniere/', 'Dernière', ${admin});
        switch_to_blog($last); indiscrets_grant_caps(); restore_current_blog();
        echo 'INDISCRETS_LAST:', $last;`,
      );
      const last = Number(/INDISCRETS_LAST:(\d+)/.exec(made)?.[1]);
      expect(last, made).toBeGreaterThan(100);
      const lastEditor = async () => {
        const out = await phpOn(
          net,
          'main',
          `switch_to_blog(${last}); echo json_encode(get_role('editor')->has_cap('read_indiscrets'));`,
        );
        return JSON.parse(out.slice(out.search(/true|false/)));
      };
      try {
        expect(await lastEditor()).toBe(true);
        const out = await phpOn(
          net,
          'main',
          `require_once ABSPATH . 'wp-admin/includes/plugin.php'; deactivate_plugins('indiscrets/indiscrets.php', true, true); echo uninstall_plugin('indiscrets/indiscrets.php') ? 'désinstallée' : 'non';`,
        );
        expect(out.trim().endsWith('désinstallée')).toBe(true);
        expect(await lastEditor()).toBe(false);
      } finally {
        await phpOn(
          net,
          'main',
          `require_once ABSPATH . 'wp-admin/includes/plugin.php';
          foreach (get_sites(['fields' => 'ids', 'number' => 0, 'site__not_in' => [get_main_site_id(), ${net.sites.sport.id}]]) as $id) { wp_delete_site($id); }
          activate_plugin('indiscrets/indiscrets.php', '', true);`,
        );
      }
    });
  },
);
