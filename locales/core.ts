import { shortened } from '../lib/ellipsis';
import { coreEn } from './core.en';
import { coreFr, type Catalogue, type CoreKey, type PluralMessage } from './core.fr';

/**
 * The words of the popup's first paint, and the one `t`. The modules the popup imports before
 * it paints import this module, whose `t` takes the core keys only (core.fr.ts): what they say
 * is in the first paint's chunk, and nothing more. Every other module imports `locales/index`,
 * which adds the other messages (fr.ts, en.ts) to those this `t` reads as it is evaluated, before
 * the module that imports it runs, and gives the same `t` over every key.
 */

export type Locale = 'fr' | 'en';
export type { CoreKey, PluralMessage };

/** Translates `key` (one of `Key`), as {@link translate} says. */
export type Translate<Key extends string> = (
  key: Key,
  params?: Record<string, string | number>,
  locale?: Locale,
) => string;

/** Every message this page knows, by language: the core's, and the others' once added. */
const catalogues: Record<Locale, Record<string, string | PluralMessage>> = {
  fr: { ...coreFr },
  en: { ...coreEn },
};

/** French editors first: French unless the browser asks for English. */
export function detectLocale(language = globalThis.navigator?.language ?? 'fr'): Locale {
  return language.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

let current: Locale = detectLocale();

export function setLocale(locale: Locale) {
  current = locale;
}

/**
 * Speaks the language chosen in the options (`auto`: the browser's); returns it. The choice is
 * a synced setting: another device may have written one this version does not know (« fr-FR »
 * after this browser's migration ran), read as the language it names, else as `auto`; spoken as
 * it is, every message would throw.
 */
export function setLocaleChoice(choice: Locale | 'auto'): Locale {
  const named = typeof choice === 'string' && /^(fr|en)\b/i.test(choice);
  const locale =
    choice === 'fr' || choice === 'en' ? choice : detectLocale(named ? choice : undefined);
  setLocale(locale);
  return locale;
}

export function getLocale(): Locale {
  return current;
}

/** Items joined as the language lists them: « A, B et C », "A, B, and C". */
export function listOf(items: readonly string[], locale: Locale = current): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

/** `Intl.PluralRules` per language, built once (French: 0 and 1 are `one`). */
const pluralRules: Record<Locale, Intl.PluralRules> = {
  fr: new Intl.PluralRules('fr'),
  en: new Intl.PluralRules('en'),
};

/**
 * Numbers as each language writes them: French groups thousands with a narrow no-break space
 * (« 1 897 signes », never cut at the end of a line), English with a comma (« 1,897 »).
 */
const numberFormats: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr'),
  en: new Intl.NumberFormat('en'),
};

/** The form of a plural message for `count`: its category's, or `other`. */
function pluralForm(forms: PluralMessage, count: number, locale: Locale): string {
  return pluralRules[locale].select(count) === 'one' ? forms.one : forms.other;
}

/**
 * The most of a value a message quotes: a title or label restored from a backup or brought by
 * the shared desk may hold 2,000,000 characters, and a message (the undo bar, a notice, what a
 * screen reader hears) names a record, it does not reprint it; laid out whole, such a value held
 * the page for seconds. Twice a draft's title limit (storage/record-values.ts; written here, as
 * the first paint's words import nothing from storage): a name already held to it
 * (components/itemName.ts), a little longer once typeset, passes whole. A server's answer
 * quoted as an error's detail is cut too: its start says what went wrong.
 */
const VALUE_MAX = 2000;

/**
 * Translates a key, filling `{name}` placeholders (a string longer than {@link VALUE_MAX} cut at
 * a word, with « … », as `shortened` cuts a title). A plural message takes its form from
 * `count` (`other` when no count is given); `{name|one|other}` inside a sentence puts the
 * number `name` followed by the form it needs. A number is a quantity, written the language's
 * way (thousands grouped); an identifier (a post's number, a position « n° ») is passed as a
 * string, which is put as it is.
 */
function translate(
  key: string,
  params: Record<string, string | number> = {},
  locale = current,
): string {
  // Each key in the editor's language, else in French (the reference, always complete).
  const entry = catalogues[locale][key] ?? catalogues.fr[key] ?? key;
  let template =
    typeof entry === 'string'
      ? entry
      : typeof params.count === 'number'
        ? pluralForm(entry, params.count, locale)
        : entry.other;
  template = template.replace(
    /\{(\w+)\|([^|}]*)\|([^}]*)\}/g,
    (whole, name: string, one: string, other: string) => {
      const value = params[name];
      if (typeof value !== 'number') return whole;
      return `${numberFormats[locale].format(value)} ${pluralForm({ one, other }, value, locale)}`;
    },
  );
  if (locale === 'fr') {
    // « la version de Rédac », but « la version d’admin », « en tant qu’Auteur »: de and que
    // are elided before a vowel.
    template = template.replace(/\b(de|que) \{(\w+)\}/g, (whole, word: string, name: string) => {
      const value = params[name];
      return typeof value === 'string' && /^[aeiouyàâäéèêëîïôöùûü]/iu.test(value)
        ? `${word === 'de' ? 'd' : 'qu'}’{${name}}`
        : whole;
    });
  }
  return template.replace(
    /\{(\w+)\}([\s\u00a0\u202f]*[»”])?/g,
    (whole, name: string, closing: string | undefined, at: number) => {
      if (!(name in params)) return whole;
      const given = params[name]!;
      const value =
        typeof given === 'string' && given.length > VALUE_MAX ? shortened(given, VALUE_MAX) : given;
      if (typeof value === 'number') return numberFormats[locale].format(value) + (closing ?? '');
      // A value the message quotes that opens with the same quote (an item's label drawn from a
      // text that starts with a quotation) is not opened twice: « « “Man’s greed… » reads badly.
      const opening = /([«“])[\s\u00a0\u202f]*$/u.exec(
        template.slice(Math.max(0, at - 2), at),
      )?.[1];
      const closer = opening === '«' ? '»' : '”';
      // A French quotation in an English message (« Whale whisperer… », a French house style's
      // quote in an item's label) is one quotation too: written in the message's marks, not
      // nested in them, « “« Whale whisperer…” » read badly.
      const quoted =
        opening === '“' && value.startsWith('«')
          ? `“${value.slice(1).replace(/[\s\u00a0\u202f]*»/u, closer)}`
          : value;
      if (!opening) return value + (closing ?? '');
      if (!quoted.startsWith(opening)) return nested(value, opening) + (closing ?? '');
      const inner = quoted.slice(opening.length).replace(/^[\s\u00a0\u202f]+/u, '');
      // …and when the value closes that quotation itself (« United States to Lift Sudan
      // Sanctions »…), the message's own closing quote would be one too many: it goes.
      const count = (mark: string) => inner.split(mark).length - 1;
      return count(closer) > count(opening) ? inner : inner + (closing ?? '');
    },
  );
}

/**
 * A value quoted in a message (`opening`, its quote), with the quotations inside it written as a
 * quotation in a quotation is, as the exports write one: « Incendie chez OVH : “Feu” », not
 * « Incendie chez OVH : « Feu » »; in English, “Fire at OVH: ‘Fire’”. Only whole pairs.
 */
function nested(value: string, opening: string): string {
  return opening === '«'
    ? value.replace(/«[\s\u00a0\u202f]*([^«»]*?)[\s\u00a0\u202f]*»/gu, '“$1”')
    : value.replace(/“([^“”]*)”/gu, '‘$1’');
}

/** Translates a message of the popup's first paint: see {@link translate}. */
export const t: Translate<CoreKey> = translate;

/**
 * Adds a French catalogue and its English (`locales/index.ts`: every message but the core's) to
 * the messages `t` reads; returns the same `t`, typed over their keys as well.
 */
export function addCatalogues<Reference>(
  // A key is the core's or theirs, never both (the core's would be overwritten).
  fr: Reference & Partial<Record<CoreKey, never>>,
  en: Catalogue<Reference>,
): Translate<CoreKey | Extract<keyof Reference, string>> {
  Object.assign(catalogues.fr, fr);
  Object.assign(catalogues.en, en);
  return translate;
}
