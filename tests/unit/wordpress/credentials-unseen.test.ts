import { afterEach, describe, expect, it } from 'vitest';
import { publishFailureText } from '../../../components/publishFailureText';
import { syncLine } from '../../../components/SharedDeskBar';
import { probeFailureText } from '../../../components/SharedDeskSettings';
import { setLocale } from '../../../locales/core';
import { SYNC_OFF } from '../../../storage/sync-state';

afterEach(() => setLocale('fr'));

/**
 * Credentials sent and answered as to an anonymous visitor (`credentials_unseen`): a wrong
 * password, or a server that drops the Authorization header before WordPress, the right
 * password in it. Every place that words a refused password says both, with what the site's
 * administrator can fix, and never only « wrong password ».
 */
describe('credentials_unseen in words', () => {
  const lineSays = () =>
    syncLine(
      { ...SYNC_OFF, enabled: true, lastError: { code: 'credentials_unseen', at: '' } },
      0,
      true,
    );

  it('says, at the connection test and in publishing, to check the password, then the server', () => {
    expect(publishFailureText('credentials_unseen', { status: 401 }, 'fr')).toBe(
      'WordPress a répondu comme si aucun identifiant ne lui avait été envoyé (401). Vérifiez d’abord l’identifiant et le mot de passe d’application (Profil › Mots de passe d’application, pas votre mot de passe habituel). S’ils sont justes, c’est le serveur du site qui retire l’identification avant qu’elle n’arrive à WordPress\u00a0: votre mot de passe n’est pas en cause, et l’administrateur du site ou son hébergeur peut la laisser passer (la règle HTTP_AUTHORIZATION du fichier .htaccess de WordPress, ou un réglage de l’hébergeur).',
    );
    expect(publishFailureText('credentials_unseen', { status: 401 }, 'en')).toBe(
      'WordPress answered as if no credentials had been sent (401). First check the user name and application password (Profile › Application Passwords, not your usual password). If they are right, the site’s server removes the identification before it reaches WordPress: your password is not at fault, and the site’s administrator or host can let it through (the HTTP_AUTHORIZATION rule in WordPress’s .htaccess file, or a setting at the host).',
    );
  });

  it('says, once the settings went through, revoked or dropped since, as the sync line does (FR and EN)', () => {
    for (const locale of ['fr', 'en'] as const) {
      setLocale(locale);
      const said = publishFailureText('credentials_unseen', {}, undefined, { workedBefore: true });
      expect(said).toBe(`${lineSays()}.`);
      expect(said).toContain(locale === 'fr' ? 'révoqué' : 'revoked');
      expect(said).toContain('HTTP_AUTHORIZATION');
    }
  });

  it('is the desk’s sync line, not « la dernière synchronisation a échoué »', () => {
    expect(lineSays()).toBe(
      'WordPress ne reconnaît plus vos identifiants (401)\u00a0: le mot de passe d’application a peut-être été révoqué (créez-en un autre dans WordPress et collez-le dans les réglages), ou le serveur du site retire désormais l’identification avant qu’elle n’arrive à WordPress (l’administrateur du site ou son hébergeur peut la laisser passer\u00a0: règle HTTP_AUTHORIZATION du .htaccess de WordPress, ou réglage de l’hébergeur)',
    );
  });

  it('is the shared desk check’s sentence in the options (FR and EN)', () => {
    const failure = { ok: false as const, code: 'credentials_unseen' as const, status: 401 };
    expect(probeFailureText(failure)).toBe(
      'WordPress a répondu comme si aucun identifiant ne lui avait été envoyé (401). Vérifiez l’identifiant et le mot de passe d’application ci-dessus\u202f; s’ils sont justes, c’est le serveur du site qui retire l’identification avant qu’elle n’arrive à WordPress\u00a0: l’administrateur du site ou son hébergeur peut la laisser passer (la règle HTTP_AUTHORIZATION du fichier .htaccess de WordPress, ou un réglage de l’hébergeur).',
    );
    setLocale('en');
    expect(probeFailureText(failure)).toBe(
      'WordPress answered as if no credentials had been sent (401). Check the user name and application password above; if they are right, the site’s server removes the identification before it reaches WordPress: the site’s administrator or host can let it through (the HTTP_AUTHORIZATION rule in WordPress’s .htaccess file, or a setting at the host).',
    );
  });

  it('keeps « wrong password » for a refusal WordPress names', () => {
    expect(publishFailureText('wrong_credentials', { status: 401 }, 'fr')).toContain(
      'Identifiant ou mot de passe d’application refusé',
    );
    expect(probeFailureText({ ok: false, code: 'wrong_credentials', status: 401 })).toContain(
      'WordPress refuse l’identifiant ou le mot de passe d’application (401)',
    );
  });

  it('is not blamed on application passwords turned off, which a dropped header leaves advertised', () => {
    // WordPress lists application passwords in its REST index whatever reaches PHP
    // (tests/wordpress/connection.test.ts): a site that does not list them turned them off.
    for (const locale of ['fr', 'en'] as const) {
      const said = publishFailureText('app_passwords_unavailable', {}, locale);
      expect(said).not.toMatch(/en-tête|header/);
      expect(said).toContain(locale === 'fr' ? 'l’administrateur du site' : 'site’s administrator');
    }
  });
});
