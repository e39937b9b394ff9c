import { en } from './en';
import { fr, type MessageKey, type Messages } from './fr';

export type Locale = 'fr' | 'en';
export type { MessageKey };

const catalogs: Record<Locale, Messages> = { fr, en };

/** French editors first: French unless the browser asks for English. */
export function detectLocale(language = globalThis.navigator?.language ?? 'fr'): Locale {
  return language.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

let current: Locale = detectLocale();

export function setLocale(locale: Locale) {
  current = locale;
}

export function getLocale(): Locale {
  return current;
}

/** Translates a key, filling `{name}` placeholders. */
export function t(
  key: MessageKey,
  params: Record<string, string | number> = {},
  locale = current,
): string {
  const template = catalogs[locale][key] ?? fr[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
