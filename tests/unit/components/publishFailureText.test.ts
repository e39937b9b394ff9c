import { afterEach, describe, expect, it } from 'vitest';
import { fieldToFix } from '../../../components/openSettings';
import { publishFailureText } from '../../../components/publishFailureText';
import { syncLine } from '../../../components/SharedDeskBar';
import { probeFailureText } from '../../../components/SharedDeskSettings';
import { setLocale } from '../../../locales/core';
import { SYNC_OFF } from '../../../storage/sync-state';

afterEach(() => setLocale('fr'));

/**
 * A refused application password: the advice of a first setup when the settings never went
 * through, and, when they did (the shared desk synced with them), that it was refused now,
 * perhaps revoked, in the sync bar's words.
 */
describe('publishFailureText › wrong_credentials', () => {
  const barSays = () =>
    syncLine(
      { ...SYNC_OFF, enabled: true, lastError: { code: 'wrong_credentials', at: '' } },
      0,
      true,
    );

  it('advises as for a first setup when the settings never went through', () => {
    expect(publishFailureText('wrong_credentials')).toContain('pas votre mot de passe habituel');
  });

  it('says the password was refused now, perhaps revoked, as the sync bar says it (FR and EN)', () => {
    for (const locale of ['fr', 'en'] as const) {
      setLocale(locale);
      const said = publishFailureText('wrong_credentials', {}, undefined, { workedBefore: true });
      expect(said).toBe(`${barSays()}.`);
      expect(said).toContain(locale === 'fr' ? 'révoqué' : 'revoked');
    }
  });
});

describe('publishFailureText › site_moved', () => {
  it('names the address the site answers at, and sends to the address field', () => {
    expect(publishFailureText('site_moved', { address: 'https://www.monjournal.fr' })).toBe(
      'Ce site répond à l’adresse https://www.monjournal.fr\u00a0: utilisez-la dans «\u00a0Adresse du site\u00a0», puis testez la connexion.',
    );
    expect(fieldToFix('site_moved')).toBe('siteUrl');
  });

  it('sends to the settings’ test when the address is not known', () => {
    expect(publishFailureText('site_moved')).toContain('testez la connexion dans les réglages');
  });
});

/**
 * A site too slow, said by the options' WordPress card (its connection test) and by the shared
 * desk's card under it, one above the other after the same wait: one wording, not two.
 */
describe('publishFailureText › timeout', () => {
  it('says it as the shared desk’s card does (FR and EN)', () => {
    for (const locale of ['fr', 'en'] as const) {
      setLocale(locale);
      expect(publishFailureText('timeout')).toBe(probeFailureText({ ok: false, code: 'timeout' }));
    }
    setLocale('fr');
    expect(publishFailureText('timeout')).toBe(
      'Le site n’a pas répondu à temps. Réessayez dans un moment.',
    );
  });
});
