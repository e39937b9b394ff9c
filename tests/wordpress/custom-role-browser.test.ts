/**
 * A role the shared desk does not know — WooCommerce's `shop_manager`, a site's own « Rédacteur
 * en chef » made with a role editor plugin — against the real WordPress of the suite: the plugin
 * names it (`user.roleNames`, WordPress's display name), and the options page and the desk bar in
 * Chromium name it so, with what its capabilities allow, where they said « Abonné ».
 * Build first: INDISCRETS_TEST_BUILD=1 npx wxt build (npm run test:wordpress does it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from '../browser/harness';
import { openDesk, type Desk, type Who } from './desk-browsers';
import { php, restAs, site } from './helpers';

/** The plugin's capabilities of a role (capabilities.php), as a role editor plugin gives them. */
const deskCaps = (of: 'editor' | 'contributor') =>
  `array_fill_keys(indiscrets_role_caps()['${of}'], true)`;

/** Adds `role` (named `label`, with `caps`, PHP) and a user of it with an application password. */
async function userOfRole(login: string, role: string, label: string, caps: string): Promise<Who> {
  const out = await php(`
    remove_role('${role}');
    add_role('${role}', '${label}', array_merge(array('read' => true, 'edit_posts' => true, 'edit_others_posts' => true, 'publish_posts' => true), ${caps}));
    $id = username_exists('${login}') ?: wp_insert_user(['user_login' => '${login}', 'user_pass' => wp_generate_password(), 'role' => '${role}', 'display_name' => 'Chef']);
    [$password] = WP_Application_Passwords::create_new_application_password($id, ['name' => 'custom-role-' . wp_generate_password(6, false)]);
    echo json_encode(['user' => '${login}', 'name' => 'Chef', 'appPassword' => $password]);`);
  return JSON.parse(out.slice(out.indexOf('{'))) as Who;
}

describe('a role the desk does not know, against a real WordPress', () => {
  let shop: Who;
  let chief: Who;
  let senior: Who;
  let session: ExtensionSession | undefined;
  let desk: Desk | undefined;

  beforeAll(async () => {
    // WooCommerce's: the posts' capabilities, none of the desk's.
    shop = await userOfRole('boutique', 'shop_manager', 'Shop manager', 'array()');
    // A site's own, given the desk's Editor capabilities with a role editor plugin.
    chief = await userOfRole(
      'chefedition',
      'redacteur_en_chef',
      'Rédacteur en chef',
      deskCaps('editor'),
    );
    // Another, given a Contributor's.
    senior = await userOfRole(
      'pigisteconfirme',
      'pigiste_confirme',
      'Pigiste confirmé',
      deskCaps('contributor'),
    );
  });

  afterAll(async () => {
    await session?.close();
    await desk?.session.close();
    await php(`
      require_once ABSPATH . 'wp-admin/includes/user.php';
      foreach (array('boutique', 'chefedition', 'pigisteconfirme', 'boutiquechef') as $login) { if ($id = username_exists($login)) wp_delete_user($id); }
      remove_role('shop_manager'); remove_role('redacteur_en_chef'); remove_role('pigiste_confirme');`);
  });

  it('is named by the plugin with WordPress’s name for it, beside what its capabilities allow', async () => {
    const index = '/indiscrets/v1?_fields=user,can';
    const shopAnswer = await restAs(shop, 'GET', index);
    expect(shopAnswer.json.user).toMatchObject({
      roles: ['shop_manager'],
      roleNames: { shop_manager: 'Shop manager' },
    });
    expect(shopAnswer.json.can).toMatchObject({ read: false, clip: false, publish: false });
    const chiefAnswer = await restAs(chief, 'GET', index);
    expect(chiefAnswer.json.user).toMatchObject({
      roles: ['redacteur_en_chef'],
      roleNames: { redacteur_en_chef: 'Rédacteur en chef' },
    });
    expect(chiefAnswer.json.can).toMatchObject({ read: true, arrange: true, publish: true });
    // A known role is named too, and a role-less answer is an object, not PHP's [].
    const editor = await restAs(site().newsroom.editor, 'GET', index);
    expect(editor.json.user.roleNames).toEqual({ editor: 'Editor' });
  });

  it('tells a shop manager in the options that their role gives no access, not that they are a Subscriber', async () => {
    session = await launchExtension();
    const options = await session.openExtensionPage('options.html');
    await options.evaluate(
      async ({ url, who }) => {
        type Local = { set(items: Record<string, unknown>): Promise<void> };
        const api = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome;
        await api.storage.local.set({
          wordpress: { siteUrl: url, username: who.user, category: 'Indiscrets', status: 'draft' },
          wordpressPassword: who.appPassword,
        });
      },
      { url: site().url, who: shop },
    );
    const role = options.getByTestId('shared-desk').getByTestId('desk-role');
    await role.filter({ hasText: 'Shop manager' }).waitFor({ timeout: 30_000 });
    const text = (await role.innerText()).trim();
    expect(text).toContain(
      'Vous avez le rôle «\u00a0Shop manager\u00a0» sur ce site, qui ne donne pas accès à la rédaction partagée\u00a0: il y faut au moins les droits d’un Contributeur',
    );
    expect(text).not.toContain('Abonné');
    await expect(
      options.getByRole('button', { name: 'Activer la rédaction partagée' }).count(),
    ).resolves.toBe(0);
  });

  it('tells a « Rédacteur en chef » in the options what they may do, and names the role in the desk bar', async () => {
    desk = await openDesk(chief, {
      // The options page's sentence, read before openDesk turns the desk on.
      session: await launchExtension(),
    });
    const options = await desk.session.openExtensionPage('options.html');
    const role = options.getByTestId('shared-desk').getByTestId('desk-role');
    await role.filter({ hasText: 'Rédacteur en chef' }).waitFor({ timeout: 30_000 });
    await expect(role.innerText()).resolves.toContain(
      'Vous avez le rôle «\u00a0Rédacteur en chef\u00a0» sur ce site\u00a0: vous pouvez écrire tous les brouillons, créer et modifier les numéros, ordonner le numéro et le publier.',
    );
    const who = desk.page.getByTestId('sync-bar').locator('.shared-desk__who');
    await who.waitFor({ timeout: 30_000 });
    await expect(who.innerText()).resolves.toBe('Chef (Rédacteur en chef)');
  });

  it('names a « Pigiste confirmé » in the reason of a control their capabilities do not open', async () => {
    await desk?.session.close();
    desk = await openDesk(senior);
    // Creating an issue, greyed, says why: the first issue's form with no issue on the desk
    // (its fields disabled), else the picker's « + Nouveau numéro » (its tooltip).
    const refused =
      'Vous êtes titulaire du rôle «\u00a0Pigiste confirmé\u00a0» sur ce site\u00a0: créer et modifier les numéros revient à un Éditeur.';
    const reason = desk.page
      .locator('[data-testid="new-issue-refused"], [data-testid="role-reason"]')
      .filter({ hasText: 'créer et modifier les numéros' })
      .first();
    await reason.waitFor({ state: 'attached', timeout: 30_000 });
    await expect(reason.textContent()).resolves.toBe(refused);
    const control = desk.page.locator(`[aria-describedby="${await reason.getAttribute('id')}"]`);
    await expect(
      control.evaluate((el) => (el as HTMLButtonElement | HTMLFieldSetElement).disabled),
    ).resolves.toBe(true);
    await expect(
      desk.page.getByTestId('sync-bar').locator('.shared-desk__who').innerText(),
    ).resolves.toBe('Chef (Pigiste confirmé)');
  });

  it('names both roles of a shop manager made « Rédacteur en chef » too, not the shop’s alone as if it gave the desk (review s65 RI)', async () => {
    const both = await userOfRole('boutiquechef', 'shop_manager', 'Shop manager', 'array()');
    // The chief's role (beforeAll) given too, second: it holds the desk's capabilities.
    await php(`(new WP_User(username_exists('boutiquechef')))->add_role('redacteur_en_chef');`);
    const own = await launchExtension();
    try {
      const options = await own.openExtensionPage('options.html');
      await options.evaluate(
        async ({ url, who }) => {
          type Local = { set(items: Record<string, unknown>): Promise<void> };
          const api = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome;
          await api.storage.local.set({
            wordpress: {
              siteUrl: url,
              username: who.user,
              category: 'Indiscrets',
              status: 'draft',
            },
            wordpressPassword: who.appPassword,
          });
        },
        { url: site().url, who: both },
      );
      const role = options.getByTestId('shared-desk').getByTestId('desk-role');
      await role.filter({ hasText: 'Rédacteur en chef' }).waitFor({ timeout: 30_000 });
      await expect(role.innerText()).resolves.toContain(
        'Vous avez les rôles «\u00a0Shop manager\u00a0» et «\u00a0Rédacteur en chef\u00a0» sur ce site\u00a0: vous pouvez écrire tous les brouillons, créer et modifier les numéros, ordonner le numéro et le publier.',
      );
    } finally {
      await own.close();
    }
  });
});
