/**
 * The built test extension (Chromium) against a subdirectory multisite network
 * (tests/wordpress/network.ts), set at its sub-site, « Sport »: Options › « Rédaction partagée »
 * says each user's role there, and the shared desk joins it, its draft sent there alone.
 * Build first: INDISCRETS_TEST_BUILD=1 npx wxt build.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDraft } from '../browser/database';
import { launchExtension, launchSeeded, type ExtensionSession } from '../browser/harness';
import { openDesk, readStore, settled, type Desk } from './desk-browsers';
import { phpOn, recordsOn, useNetwork, type UserKey } from './network';

const network = useNetwork();

describe('Options › Rédaction partagée, on a network’s sub-site', () => {
  let session: ExtensionSession;
  let options: Page;

  /** Sets the sub-site's address and `who`'s password, and presses « Tester la connexion ». */
  async function connect(who: UserKey) {
    const net = network();
    const user = net.users[who];
    await options.getByLabel('Adresse du site').fill(`${net.sites.sport.url}/`);
    await options.getByLabel('Identifiant WordPress').fill(user.user);
    await options.getByLabel('Mot de passe d’application').fill(user.appPassword);
    await options.getByRole('button', { name: 'Tester la connexion' }).click();
    const status = options.getByTestId('wp-status');
    await status.filter({ hasNotText: 'Vérification…' }).filter({ hasText: /\S/ }).waitFor();
  }

  /** The section's answer once the check is over. */
  async function deskAnswer(text: string | RegExp) {
    const section = options.getByTestId('shared-desk');
    const answer = section
      .getByTestId('desk-role')
      .or(section.getByTestId('desk-problem'))
      .filter({ hasText: text });
    await answer.waitFor({ timeout: 30_000 });
    return (await answer.innerText()).trim();
  }

  beforeAll(async () => {
    session = await launchExtension();
    options = await session.openExtensionPage('options.html');
    await options.setViewportSize({ width: 900, height: 1200 });
    await options.getByTestId('shared-desk').waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('tells the sub-site’s Editor their role there', async () => {
    await connect('sportsEditor');
    await expect(deskAnswer('Éditeur')).resolves.toContain(
      'Vous êtes Éditeur\u00a0: vous pouvez écrire tous les brouillons, ordonner le numéro et le publier.',
    );
  });

  it('tells a user of the main site who is no member of the sub-site they have no role there, not « Abonné »', async () => {
    await connect('contributor');
    await expect(deskAnswer('aucun rôle')).resolves.toContain(
      'Votre compte n’a aucun rôle sur ce site\u00a0: la rédaction partagée demande au moins le rôle Contributeur, pour la lire comme pour y écrire. Demandez-le à un administrateur du site.',
    );
    await expect(
      options.getByRole('button', { name: 'Activer la rédaction partagée' }).count(),
    ).resolves.toBe(0);
  });

  it('names the network’s administrator, no member of the sub-site, an Administrator there', async () => {
    await connect('admin');
    await expect(deskAnswer('Administrateur')).resolves.toContain(
      'Vous êtes Administrateur\u00a0: vous pouvez écrire tous les brouillons, ordonner le numéro et le publier.',
    );
  });
});

describe('the shared desk in Chromium on a network’s sub-site', () => {
  it('joins « Sport » and sends its draft there once, none to the main site', async () => {
    const net = network();
    const id = `draft-${randomUUID()}`;
    const session = await launchSeeded(() => ({
      clips: [localDraft({ id, title: 'Le derby, depuis Chromium', body: '<p>Texte</p>' })],
    }));
    const desk = await openDesk(net.users.editor, { siteUrl: net.sites.sport.url, session });
    try {
      await settled(desk);
      const state = await readStore<{ lastError?: unknown }>(desk.page, 'syncState', 'desk');
      expect(state.lastError).toBeUndefined();
      const sent = (await recordsOn(net, 'sport', 'drafts')).filter((r) => r.clientId === id);
      expect(sent).toHaveLength(1);
      expect((await recordsOn(net, 'main', 'drafts')).map((r) => r.clientId)).not.toContain(id);
    } finally {
      await desk.session.close();
    }
  });

  it('says in the desk’s bar that an editor taken off « Sport » since joining has no role there, not a bare 403', async () => {
    const net = network();
    const { id } = net.users.editor;
    const sport = net.sites.sport.id;
    const desk: Desk = await openDesk(net.users.editor, { siteUrl: net.sites.sport.url });
    try {
      await settled(desk);
      // Taken off the sub-site in WordPress (Users › Remove), still a member of the main site.
      await phpOn(net, 'main', `remove_user_from_blog(${id}, ${sport});`);
      // No waiting for the role's next check (every few minutes): the refusal asks it at once.
      const bar = desk.page.getByTestId('sync-bar');
      await bar.getByRole('button', { name: 'Synchroniser' }).click();
      const status = desk.page.getByTestId('sync-status');
      await status.filter({ hasText: 'aucun rôle' }).waitFor({ timeout: 30_000 });
      const line = (await status.innerText()).trim();
      expect(line).toContain(
        'Votre compte n’a aucun rôle sur ce site\u00a0: la rédaction partagée demande au moins le rôle Contributeur\u202f; demandez-le à un administrateur du site',
      );
      expect(line).not.toContain('(403)');
      expect(line).not.toContain('Abonné');
      expect(line).toContain('Rédactrice en chef');
      // What its role may not do says the same (components/roles.ts): the new issue's form.
      const reason = desk.page.getByTestId('new-issue-refused');
      await reason.filter({ hasText: 'sans rôle' }).waitFor();
      await expect(reason.innerText()).resolves.toMatch(/^Vous êtes sans rôle sur ce site\u00a0: /);
    } finally {
      await phpOn(net, 'main', `add_user_to_blog(${sport}, ${id}, 'editor');`);
      await desk.session.close();
    }
  });
});
