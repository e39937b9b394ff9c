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

/** Speaks the language chosen in the options (`auto`: the browser's); returns it. */
export function setLocaleChoice(choice: Locale | 'auto'): Locale {
  const locale = choice === 'auto' ? detectLocale() : choice;
  setLocale(locale);
  return locale;
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
    template = isSingular(params.count, locale) ? one : many;
  }
  // `{words|mot|mots}`: the number, then the singular or plural word after it.
  template = template.replace(
    /\{(\w+)\|([^|}]*)\|([^}]*)\}/g,
    (whole, name: string, one: string, many: string) => {
      const value = params[name];
      if (typeof value !== 'number') return whole;
      return `${value} ${isSingular(value, locale) ? one : many}`;
    },
  );
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** French says 0 and 1 in the singular, English only 1. */
function isSingular(count: number, locale: Locale): boolean {
  return locale === 'fr' ? count < 2 : count === 1;
}
