/**
 * The newsroom's house style: how a title is written, how items open, how sources are credited.
 * Every export format reads the same style so that a column looks the same wherever it goes.
 */

export type ExportLocale = 'fr' | 'en';

/**
 * How the sources of an item are credited after its text, for sources the text does not already
 * link to:
 * - `none`: no credit;
 * - `parenthesis`: ` (Bloomberg)`, the name linked to the source;
 * - `via`: ` — via Bloomberg`, the name linked to the source.
 * Several sources are joined with ", ".
 */
export type CreditStyle = 'none' | 'parenthesis' | 'via';

export interface HouseStyle {
  /** Title pattern; see {@link formatIssueTitle} for the placeholders. */
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
 * Defaults of the column as published. Readonly by type but not frozen: settings code spreads
 * and stores it.
 */
export const DEFAULT_HOUSE_STYLE: Readonly<HouseStyle> = {
  titlePattern: 'Les indiscrets du {date}',
  itemOpener: '--> ',
  // The house voice credits a source by linking words of the text; the check "no link to a
  // source" catches an item that forgets. An automatic " (Source)" is an option, not the default.
  creditStyle: 'none',
  frenchTypography: true,
  locale: 'fr',
};

/**
 * Builds a complete house style from partial settings. `frenchTypography` defaults to true for
 * French and false for English, since French spacing rules would be wrong in English copy.
 * @param overrides the settings the newsroom changed.
 */
export function createHouseStyle(overrides: Partial<HouseStyle> = {}): HouseStyle {
  const locale = overrides.locale ?? DEFAULT_HOUSE_STYLE.locale;
  return {
    ...DEFAULT_HOUSE_STYLE,
    ...overrides,
    locale,
    frenchTypography: overrides.frenchTypography ?? locale === 'fr',
  };
}

const MONTHS: Record<ExportLocale, readonly string[]> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const WEEKDAYS: Record<ExportLocale, readonly string[]> = {
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

interface DateParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

/** Parses a strict YYYY-MM-DD calendar date; null if it is not one (e.g. 2021-02-30). */
export function parseIsoDate(isoDate: string): DateParts | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // UTC so that the weekday does not depend on the machine's time zone.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return { year, month, day, weekday: date.getUTCDay() };
}

/**
 * Formats an issue title from a pattern. Placeholders:
 * - `{date}`: day and month, "15 mars" / "1er mars" in French, "March 15" in English;
 * - `{day}`: the day of the month, "1er" for the first in French;
 * - `{month}`: the month name ("mars", "March");
 * - `{year}`: four-digit year;
 * - `{longdate}`: "lundi 15 mars 2021" / "Monday, March 15, 2021".
 * Unknown placeholders are left as written. If `isoDate` is not a valid YYYY-MM-DD date, every
 * placeholder is replaced by `isoDate` itself, so an export never fails on a bad date.
 * @example
 * formatIssueTitle('Les indiscrets du {date}', '2021-03-15', 'fr'); // "Les indiscrets du 15 mars"
 */
export function formatIssueTitle(
  pattern: string,
  isoDate: string,
  locale: ExportLocale = 'fr',
): string {
  const parts = parseIsoDate(isoDate);
  return pattern.replace(/\{(date|day|month|year|longdate)\}/g, (_m, key: string) => {
    if (!parts) return isoDate;
    const month = MONTHS[locale][parts.month - 1] ?? '';
    const weekday = WEEKDAYS[locale][parts.weekday] ?? '';
    const day = locale === 'fr' && parts.day === 1 ? '1er' : String(parts.day);
    switch (key) {
      case 'date':
        return locale === 'fr' ? `${day} ${month}` : `${month} ${day}`;
      case 'day':
        return day;
      case 'month':
        return month;
      case 'year':
        return String(parts.year);
      default:
        return locale === 'fr'
          ? `${weekday} ${day} ${month} ${parts.year}`
          : `${weekday}, ${month} ${day}, ${parts.year}`;
    }
  });
}
