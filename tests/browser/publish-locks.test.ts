import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import {
  focusedLabel,
  launchSeeded,
  openDesk,
  screenshotPath,
  squash,
  until,
  type ExtensionSession,
} from './harness';
import {
  ASKED,
  ISSUE_ID,
  lockOf,
  publications,
  seeded,
  standInSite,
  type Site,
} from './publish-locks-site';

const BUTTON = 'Publier sur WordPress (brouillon)';

/**
 * On the shared desk, « Publier sur WordPress » first asks WordPress who has the issue or its
 * items open, in real Chromium: the panel, its message, the background's sync engine and its
 * request, answered by a stand-in for WordPress on 127.0.0.1 (the test build may reach it) that
 * lists the desk's locks as the plugin does. A colleague holding an item: the panel says who and
 * what, the keyboard on the question; « Attendre » publishes nothing and gives the keyboard back
 * to the button; « Publier quand même » publishes (here to a site that fails, which the panel
 * says as always). Only this user's own locks: published at once, nothing asked.
 */

/** The editor's WordPress account on the stand-in site, as the options page saves it. */
async function signIn(session: ExtensionSession, origin: string) {
  const page = await session.openExtensionPage('desk.html');
  await page.evaluate(async (siteUrl) => {
    const api = (
      globalThis as unknown as {
        chrome: { storage: { local: { set(v: object): Promise<void> } } };
      }
    ).chrome;
    await api.storage.local.set({
      wordpress: { siteUrl, username: 'redac', category: 'Indiscrets', status: 'draft' },
      wordpressPassword: 'abcd efgh ijkl mnop qrst uvwx',
    });
  }, origin);
  await page.close();
}

describe('publishing an issue a colleague has open, in Chromium', () => {
  let session: ExtensionSession;
  let site: Site;
  let desk: Page;

  beforeAll(async () => {
    site = await standInSite();
    session = await launchSeeded(() => seeded(site.origin));
    await signIn(session, site.origin);
    desk = await openDesk(session);
    await desk.getByLabel('Numéro en cours').selectOption(ISSUE_ID);
    await desk.getByRole('button', { name: BUTTON }).waitFor();
  });

  afterAll(async () => {
    await session?.close();
    await site?.close();
  });

  it('says who has which item open, the keyboard on the question; « Attendre » publishes nothing and gives the keyboard back', async () => {
    // Paul Martin holds « Bpifrance… »; Rédac (this user) holds the other, in another window.
    site.locks = [
      lockOf('item-bpi', { id: 4, name: 'Paul Martin' }),
      lockOf('item-ovh', { id: 3, name: 'Rédac' }),
    ];
    const button = desk.getByRole('button', { name: BUTTON });
    await button.focus();
    await desk.keyboard.press('Enter');

    const question = desk.getByTestId('publish-locked');
    await question.waitFor();
    expect(squash(await question.locator('p').textContent())).toBe(ASKED);
    expect(await question.getAttribute('role')).toBe('alert');
    await until(
      () => focusedLabel(desk),
      (label) => label.startsWith('Paul Martin modifie'),
      'the keyboard on the question',
    );
    expect(publications(site)).toEqual([]);
    // axe-core finds nothing wrong with the desk while it asks (contrast of the warning colour,
    // names of its buttons).
    expect(await axeViolations(desk)).toEqual([]);
    await desk.screenshot({ path: screenshotPath('desk-publish-locked.png') });

    await desk.keyboard.press('Tab');
    await desk.keyboard.press('Tab');
    expect(await focusedLabel(desk)).toBe('Attendre');
    await desk.keyboard.press('Enter');

    await question.waitFor({ state: 'detached' });
    expect(await focusedLabel(desk)).toBe(BUTTON);
    expect(publications(site)).toEqual([]);
    expect(await desk.getByTestId('publish-message').count()).toBe(0);
  });

  it('« Publier quand même » publishes as before', async () => {
    await desk.getByRole('button', { name: BUTTON }).click();
    const question = desk.getByTestId('publish-locked');
    await question.getByRole('button', { name: 'Publier quand même' }).click();

    await question.waitFor({ state: 'detached' });
    // The stand-in site fails every publication: the panel says so, as for any failure.
    const failure = desk.getByTestId('publish-message');
    await failure.waitFor();
    expect(squash(await failure.textContent())).toContain('erreur du serveur (code 500)');
    expect(publications(site).length).toBeGreaterThan(0);
  });

  it('only this user’s own locks, or none: publishes at once, nothing asked', async () => {
    site.locks = [lockOf('item-ovh', { id: 3, name: 'Rédac' })];
    site.asked.length = 0;
    await desk.getByRole('button', { name: 'Fermer' }).click();
    await desk.getByRole('button', { name: BUTTON }).click();

    await until(
      async () => publications(site).length,
      (count) => count > 0,
      'the publication under way',
    );
    await desk.getByTestId('publish-message').waitFor();
    expect(await desk.getByTestId('publish-locked').count()).toBe(0);
    // The check came first: one read of the desk's locks, then the publication.
    expect(site.asked[0]).toBe('GET /indiscrets/v1/changes');
  });
});
