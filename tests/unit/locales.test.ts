import { describe, expect, it } from 'vitest';
import { en } from '../../locales/en';
import { fr } from '../../locales/fr';
import { detectLocale, t } from '../../locales';

describe('locales', () => {
  it('has an English message for every French key, with the same placeholders', () => {
    for (const [key, message] of Object.entries(fr)) {
      const english = en[key as keyof typeof fr];
      expect(english, key).toBeTruthy();
      const names = (text: string) =>
        [...text.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((m) => m[1]).sort();
      expect(names(english), key).toEqual(names(message));
    }
  });

  it('speaks French unless the browser asks for English', () => {
    expect(detectLocale('fr-FR')).toBe('fr');
    expect(detectLocale('de-DE')).toBe('fr');
    expect(detectLocale('en-GB')).toBe('en');
  });

  it('fills placeholders', () => {
    expect(t('drafts.count', { count: 3 }, 'fr')).toBe('3 brouillons');
    expect(t('drafts.count', { count: 3 }, 'en')).toBe('3 drafts');
  });
});

describe('plurals', () => {
  it('picks the singular for 0 and 1 in French, for 1 only in English', () => {
    expect(t('drafts.count', { count: 0 }, 'fr')).toBe('0 brouillon');
    expect(t('drafts.count', { count: 1 }, 'fr')).toBe('1 brouillon');
    expect(t('drafts.count', { count: 2 }, 'fr')).toBe('2 brouillons');
    expect(t('drafts.count', { count: 0 }, 'en')).toBe('0 drafts');
    expect(t('drafts.count', { count: 1 }, 'en')).toBe('1 draft');
  });

  it('pluralises each number of a message on its own', () => {
    expect(t('counts.item', { words: 1, chars: 4 }, 'fr')).toBe('1 mot, 4 signes');
    expect(t('counts.item', { words: 2, chars: 1 }, 'en')).toBe('2 words, 1 character');
  });
});
