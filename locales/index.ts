import { addCatalogues, type CoreKey } from './core';
import { en } from './en';
import { fr, type RestKey } from './fr';

/**
 * The words of every page: the first paint's (core.ts) and all the others (fr.ts, en.ts), added
 * to them as this module is evaluated. Importing it brings those catalogues into the importer's
 * chunk: the popup's first-paint modules import `locales/core` instead (see core.ts), every
 * other module this one.
 */

export { detectLocale, getLocale, setLocale, setLocaleChoice } from './core';
export type { Locale, PluralMessage } from './core';

/** Any message's key. */
export type MessageKey = CoreKey | RestKey;

/** Translates any message (the one `t` of core.ts, over every key). */
export const t = addCatalogues(fr, en);
