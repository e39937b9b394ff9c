import { describe, expect, it } from 'vitest';
import { languageSpan, languageTag, quoteLanguage } from '../../../lib/lang';

describe('languageTag', () => {
  it('writes a tag in its usual case: language lower, script title, region upper', () => {
    expect(languageTag('EN-us')).toBe('en-US');
    expect(languageTag('en')).toBe('en');
    expect(languageTag('PT-br')).toBe('pt-BR');
    expect(languageTag('zh_hant_tw')).toBe('zh-Hant-TW');
    expect(languageTag('es-419')).toBe('es-419');
    expect(languageTag('DE-ch-1996')).toBe('de-CH-1996');
    expect(languageTag('sl-ROZAJ')).toBe('sl-rozaj');
    expect(languageTag(' en_US ')).toBe('en-US');
  });

  it('refuses what is not a tag', () => {
    for (const junk of ['', 'english!', 'x-y z', 'e', 'en-', 'en, fr', 'en-US-u-ca-gregory']) {
      expect(languageTag(junk), junk).toBeNull();
    }
    expect(languageTag(null)).toBeNull();
    expect(languageTag(undefined)).toBeNull();
  });

  it('reads what a page declares: the first of a list, without extensions or private use', () => {
    const declared = { declared: true };
    expect(languageTag('en-GB, fr', declared)).toBe('en-GB');
    expect(languageTag('EN-us-u-ca-gregory', declared)).toBe('en-US');
    expect(languageTag('de-x-private', declared)).toBe('de');
    expect(languageTag('fr_FR', declared)).toBe('fr-FR');
    expect(languageTag('english!, fr', declared)).toBeNull();
    expect(languageTag('x-klingon', declared)).toBeNull();
  });

  it('gives two writings of one language one tag, so that they compare equal', () => {
    expect(languageTag('en-gb')).toBe(languageTag('EN_GB'));
  });
});

describe('quoteLanguage', () => {
  it('marks a quote with its page’s language when the text is in another', () => {
    expect(quoteLanguage('EN-us', 'fr')).toBe('en-US');
    expect(quoteLanguage('fr-CA', 'fr')).toBeNull();
    expect(quoteLanguage(undefined, 'fr')).toBeNull();
    expect(quoteLanguage('english!', 'fr')).toBeNull();
  });
});

describe('languageSpan', () => {
  it('marks words already escaped in a language, escaping nothing again', () => {
    expect(languageSpan('Why it &amp; &lt;b&gt; &quot;matters&quot;', 'en-US')).toBe(
      '<span lang="en-US">Why it &amp; &lt;b&gt; &quot;matters&quot;</span>',
    );
    expect(languageSpan('Why "it" matters', 'en')).toBe('<span lang="en">Why "it" matters</span>');
  });

  it('leaves the words as they are without a language', () => {
    expect(languageSpan('Le ministre &amp; la «\u00a0réforme\u00a0»', null)).toBe(
      'Le ministre &amp; la «\u00a0réforme\u00a0»',
    );
    expect(languageSpan('Why it matters', undefined)).toBe('Why it matters');
    expect(languageSpan('Why it matters', '')).toBe('Why it matters');
  });
});
