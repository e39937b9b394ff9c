import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishFailureText } from '../../../components/publishFailureText';
import { validateSiteUrl } from '../../../wordpress/client';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** The code of a refused address, or `ok` when it is accepted. */
const codeOf = (input: string) => {
  const result = validateSiteUrl(input);
  return result.ok ? 'ok' : result.code;
};

describe('validateSiteUrl', () => {
  it('keeps https hosts, local http with ports, sub-folder installs and addresses typed without https://', () => {
    expect(validateSiteUrl('https://www.monjournal.fr')).toEqual({
      ok: true,
      url: 'https://www.monjournal.fr',
    });
    expect(validateSiteUrl('monjournal.fr/blog/')).toEqual({
      ok: true,
      url: 'https://monjournal.fr/blog',
    });
    expect(validateSiteUrl('http://localhost:8080/wp/')).toEqual({
      ok: true,
      url: 'http://localhost:8080/wp',
    });
    expect(validateSiteUrl('http://127.0.0.1:8881')).toEqual({
      ok: true,
      url: 'http://127.0.0.1:8881',
    });
    expect(validateSiteUrl('https://192.168.1.20/wordpress')).toEqual({
      ok: true,
      url: 'https://192.168.1.20/wordpress',
    });
    expect(validateSiteUrl('https://[::1]:8443')).toEqual({ ok: true, url: 'https://[::1]:8443' });
    expect(validateSiteUrl('https://localhost')).toEqual({ ok: true, url: 'https://localhost' });
    // An accented domain is a web site too: the parser writes it in punycode.
    expect(validateSiteUrl('https://café-du-coin.fr')).toEqual({
      ok: true,
      url: 'https://xn--caf-du-coin-dbb.fr',
    });
  });

  it('removes a pasted /wp-admin, /wp-login.php or /wp-json whatever its case', () => {
    expect(validateSiteUrl('https://www.MonJournal.fr/WP-Admin/')).toEqual({
      ok: true,
      url: 'https://www.monjournal.fr',
    });
    expect(validateSiteUrl('https://www.monjournal.fr/blog/Wp-Login.php')).toEqual({
      ok: true,
      url: 'https://www.monjournal.fr/blog',
    });
    expect(validateSiteUrl('HTTPS://WWW.MONJOURNAL.FR/WP-ADMIN/POST.PHP?POST=3')).toEqual({
      ok: true,
      url: 'https://www.monjournal.fr',
    });
    expect(validateSiteUrl('https://www.monjournal.fr/Blog/WP-JSON/wp/v2/')).toEqual({
      ok: true,
      url: 'https://www.monjournal.fr/Blog',
    });
  });

  it('reads a host with its port and no scheme as a host, https added', () => {
    expect(validateSiteUrl('www.monjournal.fr:8443')).toEqual({
      ok: true,
      url: 'https://www.monjournal.fr:8443',
    });
    expect(validateSiteUrl('monjournal.fr:8443/blog/')).toEqual({
      ok: true,
      url: 'https://monjournal.fr:8443/blog',
    });
    // A scheme is still one: refused when it is not http(s).
    expect(codeOf('ftp://monjournal.fr')).toBe('bad_url');
  });

  it('refuses an address with spaces', () => {
    for (const input of [
      'pas une adresse',
      'https://pas une adresse',
      'https://mon journal.fr',
      'https://monjournal.fr/mon blog',
      'monjournal.fr\tblog',
    ]) {
      expect(codeOf(input), input).toBe('bad_url');
    }
  });

  it('refuses spaces even where the browser’s parser would percent-encode them into a host', () => {
    // Chromium reads `https://pas une adresse` as `https://pas%20une%20adresse`, where Node's
    // parser throws: the refusal must not depend on the engine.
    const Native = URL;
    class ChromiumLikeURL extends Native {
      constructor(input: string | URL, base?: string | URL) {
        super(String(input).replace(/ /g, ''), base);
      }
    }
    vi.stubGlobal('URL', ChromiumLikeURL);
    expect(codeOf('pas une adresse.fr')).toBe('bad_url');
    expect(codeOf('https://pas une adresse.fr')).toBe('bad_url');
  });

  it('refuses a host that cannot be a web site: no dot, and neither localhost nor an IP address', () => {
    for (const input of [
      'monsite',
      'https://monsite',
      'https://monsite/blog',
      'https://pas%20une%20adresse',
      'https://mon_site!.fr',
      'https://.fr',
      'https://monsite..fr',
      'https://-monsite.fr',
    ]) {
      expect(codeOf(input), input).toBe('bad_url');
    }
  });

  it('says what is expected, with an example, in French and in English', () => {
    const refused = validateSiteUrl('monsite');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(publishFailureText(refused.code, refused, 'fr')).toBe(
      'Adresse du site invalide. Indiquez l’adresse complète de votre WordPress, avec son nom de domaine et sans espace, par exemple https://www.monjournal.fr.',
    );
    expect(publishFailureText(refused.code, refused, 'en')).toBe(
      'Invalid site address. Enter the full address of your WordPress site, with its domain name and no spaces, e.g. https://www.example.com.',
    );
  });
});
