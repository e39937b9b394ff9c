import { afterEach, describe, expect, it } from 'vitest';
import { provenanceSummary } from '../../../components/Provenance';
import { setLocale } from '../../../locales';

afterEach(() => setLocale('fr'));

describe('provenanceSummary', () => {
  const draft = {
    provenance: {
      byline: 'meta[name=author]',
      url: 'link[rel=canonical]',
      publishedAt: 'article:published_time',
      siteName: 'hostname',
    },
  };

  it('names each field as the interface does, in French with its no-break space before « : »', () => {
    // A draft row's tooltip: « byline », « publishedAt » were the code's names, English in French.
    expect(provenanceSummary(draft).split('\n')).toEqual([
      'Adresse\u00a0: link[rel=canonical]',
      'Site\u00a0: nom de domaine (déduit)',
      'Auteur\u00a0: meta[name=author]',
      'Publié le\u00a0: article:published_time',
    ]);
  });

  it('names them in English for an English editor', () => {
    setLocale('en');
    expect(provenanceSummary(draft).split('\n')).toEqual([
      'Address: link[rel=canonical]',
      'Site: host name (guessed)',
      'Author: meta[name=author]',
      'Published: article:published_time',
    ]);
  });
});
