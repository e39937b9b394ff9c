/**
 * A page loads only the language it speaks (locales/index.ts, `loadMessages`): the popup's first
 * paint carries one catalogue, not both. Each test takes a fresh copy of the module, as a page
 * starts with none registered (tests/setup.ts registers both for every other test).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Locales = typeof import('../../locales');
let locales: Locales;

beforeEach(async () => {
  vi.resetModules();
  locales = await import('../../locales');
});

describe('loadMessages', () => {
  it('refuses to word a message before any catalogue is loaded, rather than show its key', () => {
    expect(() => locales.t('clip.button')).toThrow(/no messages loaded/);
  });

  it('loads the catalogue of the language asked, and speaks it', async () => {
    await locales.loadMessages('en');
    locales.setLocale('en');

    expect(locales.t('clip.button')).toBe('Clip this page');
  });

  it('loads a catalogue once, however many views ask for it', async () => {
    const first = locales.loadMessages('fr');
    const second = locales.loadMessages('fr');

    expect(second).toBe(first);
    await first;
    locales.setLocale('fr');
    expect(locales.t('clip.button')).toBe('Couper cette page');
  });

  it('words a message of a language not loaded in the one the page has, not as a key', async () => {
    await locales.loadMessages('fr');
    locales.setLocale('fr');

    expect(locales.t('clip.button', {}, 'en')).toBe('Couper cette page');
  });
});
