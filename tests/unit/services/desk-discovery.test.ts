import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deskRoleOf, probeDesk } from '../../../services/desk-discovery';
import type { DeskDiscovery, discoverDesk } from '../../../wordpress/desk-client';
import { deskCan } from '../desk-fixtures';
import { wordpressPasswordItem } from '../../../storage/preferences';
import { allowSite, PASSWORD, SITE, storeSite } from './stored-site';

const contributorCan: DeskDiscovery['can'] = deskCan('contributor');

const discovery: DeskDiscovery = {
  plugin: { name: 'indiscrets', version: '0.1.0', wordpress: '6.1.9', revisions: true },
  user: { id: 5, name: 'Pigiste', roles: ['contributor'] },
  can: contributorCan,
  lockWindow: 150,
};

type Discover = typeof discoverDesk;

/** A stand-in for the plugin's discovery: records the settings it was given. */
function fakeDiscover(answer: Awaited<ReturnType<Discover>>) {
  return vi.fn(async () => answer) as unknown as Discover & ReturnType<typeof vi.fn>;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await storeSite('pigiste');
});

describe('probeDesk', () => {
  it('names the user, their strongest role and their rights when the plugin answers', async () => {
    allowSite();
    const discover = fakeDiscover({ ok: true, desk: discovery });

    const probe = await probeDesk({ discover, isOnline: () => true });

    expect(probe).toEqual({
      ok: true,
      siteUrl: SITE,
      user: { id: 5, name: 'Pigiste', roles: ['contributor'] },
      role: 'contributor',
      can: contributorCan,
      plugin: { version: '0.1.0' },
      lockWindow: 150,
    });
    // The background asks with the stored password; the page never had it.
    expect(discover).toHaveBeenCalledWith(
      { siteUrl: SITE, username: 'pigiste', appPassword: PASSWORD },
      expect.objectContaining({ timeoutMs: 15_000 }),
    );
  });

  it('passes on WordPress’s names of the user’s roles, for a role the desk does not know', async () => {
    allowSite();
    const roleNames = { shop_manager: 'Gestionnaire de boutique' };
    const discover = fakeDiscover({
      ok: true,
      desk: { ...discovery, user: { id: 12, name: 'Chef', roles: ['shop_manager'], roleNames } },
    });

    const probe = await probeDesk({ discover, isOnline: () => true });

    expect(probe).toMatchObject({
      ok: true,
      user: { id: 12, name: 'Chef', roles: ['shop_manager'], roleNames },
    });
  });

  it('says the settings are missing without asking anyone', async () => {
    await wordpressPasswordItem.setValue('');
    const discover = fakeDiscover({ ok: true, desk: discovery });

    await expect(probeDesk({ discover, isOnline: () => true })).resolves.toEqual({
      ok: false,
      code: 'no_settings',
    });
    expect(discover).not.toHaveBeenCalled();
  });

  it('says offline before any request when the browser is offline', async () => {
    allowSite();
    const discover = fakeDiscover({ ok: true, desk: discovery });

    await expect(probeDesk({ discover, isOnline: () => false })).resolves.toEqual({
      ok: false,
      code: 'offline',
    });
    expect(discover).not.toHaveBeenCalled();
  });

  it('asks for the origin first when it was never granted', async () => {
    allowSite(false);
    const discover = fakeDiscover({ ok: true, desk: discovery });

    await expect(probeDesk({ discover, isOnline: () => true })).resolves.toEqual({
      ok: false,
      code: 'no_permission',
    });
    expect(discover).not.toHaveBeenCalled();
  });

  it('passes on the role a 403 needs, and no text of WordPress', async () => {
    allowSite();
    const discover = fakeDiscover({
      ok: false,
      code: 'forbidden',
      status: 403,
      needs: 'contributor',
      wpCode: 'indiscrets_cannot_read',
      detail: 'Sorry, you are not allowed <script>',
    });

    await expect(probeDesk({ discover, isOnline: () => true })).resolves.toEqual({
      ok: false,
      code: 'forbidden',
      status: 403,
      needs: 'contributor',
    });
  });

  it.each([
    ['no_plugin', 404],
    ['wrong_credentials', 401],
    ['timeout', undefined],
    ['unreachable', undefined],
  ] as const)('passes on %s', async (code, status) => {
    allowSite();
    const discover = fakeDiscover({ ok: false, code, ...(status ? { status } : {}) });

    await expect(probeDesk({ discover, isOnline: () => true })).resolves.toEqual({
      ok: false,
      code,
      ...(status ? { status } : {}),
    });
  });

  it('passes on the address a moved site answers at', async () => {
    allowSite();
    const discover = fakeDiscover({
      ok: false,
      code: 'site_moved',
      address: 'https://www.monjournal.fr',
    });

    await expect(probeDesk({ discover, isOnline: () => true })).resolves.toEqual({
      ok: false,
      code: 'site_moved',
      address: 'https://www.monjournal.fr',
    });
  });

  it('answers `unexpected` rather than rejecting when the client throws', async () => {
    allowSite();
    const discover = vi.fn(async () => {
      throw new Error(`boom ${PASSWORD}`);
    }) as unknown as Discover;

    await expect(probeDesk({ discover, isOnline: () => true })).resolves.toEqual({
      ok: false,
      code: 'unexpected',
    });
  });
});

describe('deskRoleOf', () => {
  it('keeps the strongest role the desk knows', () => {
    expect(deskRoleOf(['contributor', 'editor'])).toBe('editor');
    expect(deskRoleOf(['administrator'])).toBe('administrator');
    expect(deskRoleOf(['author', 'shop_manager'])).toBe('author');
    expect(deskRoleOf(['shop_manager'])).toBe('subscriber');
  });
});
