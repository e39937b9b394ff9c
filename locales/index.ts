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
  let template: string = catalogs[locale][key] ?? fr[key];
  // "one|many" messages pick their form by `count`: French says 0 and 1 in the singular.
  if (template.includes('|') && typeof params.count === 'number') {
    const [one, many] = template.split('|') as [string, string];
    const singular = locale === 'fr' ? params.count < 2 : params.count === 1;
    template = singular ? one : many;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
