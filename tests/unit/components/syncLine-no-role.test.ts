import { describe, expect, it } from 'vitest';
import { syncLine } from '../../../components/SharedDeskBar';
import { deskIdentity } from '../../../components/roleSentences';
import { setLocale } from '../../../locales/core';
import { deskCan, deskState } from '../desk-fixtures';

/**
 * A desk whose account has no role on the site (a user of a network who is no member of its
 * sub-site, or one removed from it since joining): the plugin answers every route with a 403, and
 * the discovery names no role (`user.roles` []).
 */
function noRole() {
  const state = deskState('contributor', {
    lastSyncAt: undefined,
    firstSyncDone: false,
    lastError: { code: 'forbidden', at: '2026-03-15T10:00:00Z' },
    can: deskCan('subscriber'),
  });
  return { ...state, user: { ...state.user!, roles: [] } };
}

describe('the shared desk bar, an account with no role on the site', () => {
  it('says the account has no role there and what to ask for, not a bare 403', () => {
    setLocale('fr');
    expect(syncLine(noRole(), 1, true)).toBe(
      'Votre compte n’a aucun rôle sur ce site\u00a0: la rédaction partagée demande au moins le rôle Contributeur\u202f; demandez-le à un administrateur du site · 1 modification à envoyer',
    );
    setLocale('en');
    expect(syncLine(noRole(), 1, true)).toBe(
      'Your account has no role on this site: the shared desk takes at least the Contributor role; ask a site administrator for it · 1 change to send',
    );
    setLocale('fr');
  });

  it('names the account without a role it does not have (not « Abonné »)', () => {
    setLocale('fr');
    expect(deskIdentity(noRole().user)).toBe('Pigiste');
  });

  it('keeps the 403 sentence for an account with a role (a Subscriber)', () => {
    setLocale('fr');
    const subscriber = deskState('contributor', {
      lastSyncAt: undefined,
      lastError: { code: 'forbidden', at: '2026-03-15T10:00:00Z' },
      can: deskCan('subscriber'),
    });
    const state = { ...subscriber, user: { ...subscriber.user!, roles: ['subscriber' as const] } };
    expect(syncLine(state, 0, true)).toBe('WordPress refuse l’accès à la rédaction partagée (403)');
    expect(deskIdentity(state.user)).toBe('Pigiste (Abonné)');
  });
});
