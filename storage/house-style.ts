/**
 * The newsroom's house style as the settings store it: how a title is written, how items open,
 * how sources are credited. The editor sets it (storage/preferences.ts keeps it) and every
 * export format reads it, so it is declared here, upstream of export/.
 */

import type { CREDIT_STYLES, EXPORT_LOCALES } from './record-values';

export type ExportLocale = (typeof EXPORT_LOCALES)[number];

/**
 * How the sources of an item are credited after its text, for sources the text does not already
 * link to:
 * - `none`: no credit;
 * - `parenthesis`: ` (Bloomberg)`, the name linked to the source;
 * - `via`: ` — via Bloomberg`, the name linked to the source.
 * Several sources are joined with ", ".
 */
export type CreditStyle = (typeof CREDIT_STYLES)[number];

export interface HouseStyle {
  /** Title pattern; see `formatIssueTitle` (export/house-style.ts) for the placeholders. */
  titlePattern: string;
  /** Text each item paragraph opens with, verbatim (it is not typeset). */
  itemOpener: string;
  creditStyle: CreditStyle;
  /** Default intro, plain text, used when the issue has none. */
  intro?: string;
  /** Closing paragraph, plain text, after the items. */
  outro?: string;
  /** Apply French typography (see typography.ts) to titles and text. */
  frenchTypography: boolean;
  locale: ExportLocale;
}

/**
 * The title pattern each export language starts with: the column's name, then its date as that
 * language writes it (« Les indiscrets du 15 mars », “Les Indiscrets, March 15”): a French
 * pattern would give « Les indiscrets du March 15 » in English.
 */
export const DEFAULT_TITLE_PATTERNS: Readonly<Record<ExportLocale, string>> = {
  fr: 'Les indiscrets du {date}',
  en: 'Les Indiscrets, {date}',
};

/**
 * Defaults of the column as published. Readonly by type but not frozen: settings code spreads
 * and stores it.
 */
export const DEFAULT_HOUSE_STYLE: Readonly<HouseStyle> = {
  titlePattern: DEFAULT_TITLE_PATTERNS.fr,
  itemOpener: '--> ',
  // The house voice credits a source by linking words of the text; the check "no link to a
  // source" catches an item that forgets. An automatic " (Source)" is an option, not the default.
  creditStyle: 'none',
  frenchTypography: true,
  locale: 'fr',
};

/** Whether `pattern` is the default title pattern of one of the export languages. */
export function isDefaultTitlePattern(pattern: string): boolean {
  return Object.values(DEFAULT_TITLE_PATTERNS).includes(pattern);
}

/**
 * Builds a complete house style from partial settings. `frenchTypography` defaults to true for
 * French and false for English, since French spacing rules would be wrong in English copy; the
 * title pattern to that language's ({@link DEFAULT_TITLE_PATTERNS}). A pattern that is another
 * language's default is that language's default: a style saved with English exports when the
 * French pattern was the only default (and the settings migration still gives it) reads as the
 * English default, not « Les indiscrets du March 15 ».
 * @param overrides the settings the newsroom changed.
 */
export function createHouseStyle(overrides: Partial<HouseStyle> = {}): HouseStyle {
  const locale = overrides.locale ?? DEFAULT_HOUSE_STYLE.locale;
  const pattern = overrides.titlePattern;
  return {
    ...DEFAULT_HOUSE_STYLE,
    ...overrides,
    locale,
    titlePattern:
      pattern === undefined || isDefaultTitlePattern(pattern)
        ? DEFAULT_TITLE_PATTERNS[locale]
        : pattern,
    frenchTypography: overrides.frenchTypography ?? locale === 'fr',
  };
}

/**
 * The title pattern after the export language changes to `to`: the new language's default if
 * the pattern was a default (the old language's, or another's a style was saved with), else the
 * newsroom's own, kept.
 */
export function titlePatternForLocale(pattern: string, to: ExportLocale): string {
  return isDefaultTitlePattern(pattern) ? DEFAULT_TITLE_PATTERNS[to] : pattern;
}
