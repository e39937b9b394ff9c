/**
 * French dates for the date fields: editors type and read « 15/03/2021 » (jj/mm/aaaa) whatever
 * the browser's language, and the stored value stays ISO (`2021-03-15`). Pure: no clock unless
 * given one, no time zone (a calendar date is not an instant).
 */

/** Month names, January first, in the languages the interface and the exports speak. */
export const MONTH_NAMES = {
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
} as const satisfies Record<'fr' | 'en', readonly string[]>;

/** Weekday names, Sunday first (as `Date#getUTCDay`). */
export const WEEKDAY_NAMES = {
  fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const satisfies Record<'fr' | 'en', readonly string[]>;

/** Why a typed date was refused. */
export type DateProblem =
  /** Nothing typed. */
  | 'empty'
  /** Not a day, a month and a year in any form we read. */
  | 'format'
  /** A day that does not exist (31/04, 29/02 of a common year). */
  | 'impossible';

export type ParsedDate = { ok: true; iso: string } | { ok: false; problem: DateProblem };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Lower case, accents off: « Février », « fevrier » and « févr. » all read the same. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A month's number from its French (or English) name or an abbreviation of 3+ letters. */
function monthFromName(word: string): number | undefined {
  const typed = fold(word).replace(/\.$/, '');
  if (typed.length < 3) return undefined;
  const names = [...MONTH_NAMES.fr, ...MONTH_NAMES.en].map(fold);
  const index = names.findIndex((name) => name.startsWith(typed));
  // « ju » is ambiguous but too short anyway; « jui » is juin or juillet: refuse the guess.
  const matches = names.filter((name) => name.startsWith(typed));
  const distinct = new Set(matches.map((name) => names.indexOf(name) % 12));
  if (index < 0 || distinct.size !== 1) return undefined;
  return (index % 12) + 1;
}

/** The ISO form of a calendar date, or undefined when that day does not exist. */
export function isoFromParts(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return undefined;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Year, month and day of an ISO date (`2021-03-15`) that exists, else undefined. */
export function partsFromIso(
  iso: string,
): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isoFromParts(year, month, day) ? { year, month, day } : undefined;
}

/**
 * Reads a date as a French editor types it: `15/03/2021`, `15/3/21`, `15.03.2021`,
 * `15-03-2021`, `15 03 2021`, `15 mars 2021`, `1er mars 2021`, `15 mars` (the 15th of March
 * nearest to `today`: next year's in December), or a pasted ISO `2021-03-15`. Day first, always.
 * A two-digit year is in 2000–2099.
 */
export function parseFrenchDate(text: string, today = new Date()): ParsedDate {
  const typed = text.trim();
  if (!typed) return { ok: false, problem: 'empty' };
  const fromParts = (year: number, month: number, day: number): ParsedDate => {
    const iso = isoFromParts(year, month, day);
    return iso ? { ok: true, iso } : { ok: false, problem: 'impossible' };
  };
  const fullYear = (digits: string) =>
    digits.length <= 2 ? 2000 + Number(digits) : Number(digits);

  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) return fromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const numeric = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{2}|\d{4})$/.exec(typed);
  if (numeric) {
    const [day, month] = [Number(numeric[1]), Number(numeric[2])];
    if (month < 1 || month > 12 || day < 1 || day > 31) return { ok: false, problem: 'impossible' };
    return fromParts(fullYear(numeric[3]!), month, day);
  }

  // « 15 mars 2021 », « 1er mars », « lundi 15 mars 2021 »: the weekday is not checked.
  const named =
    /^(?:\p{L}+\.?,?\s+)??(\d{1,2})(?:er|re)?\s+(\p{L}+\.?)(?:\s+(\d{2}|\d{4}))?$/u.exec(typed);
  if (named) {
    const month = monthFromName(named[2]!);
    if (!month) return { ok: false, problem: 'format' };
    const day = Number(named[1]);
    const year = named[3] ? fullYear(named[3]) : nearestYear(month, day, today);
    return fromParts(year, month, day);
  }
  return { ok: false, problem: 'format' };
}

/**
 * The year of the day and month nearest to `today` (last year's, this year's or next year's):
 * typed in December, « 15 mars » is the coming one, not the one nine months ago. A day that a
 * year lacks (29 February) is looked for in the others; this year when none has it.
 */
function nearestYear(month: number, day: number, today: Date): number {
  const year = today.getFullYear();
  const now = Date.UTC(year, today.getMonth(), today.getDate());
  let best = year;
  let bestDistance = Infinity;
  // Next year first: a tie (never more than a day, around leap years) goes to the coming date.
  for (const candidate of [year + 1, year, year - 1]) {
    if (!isoFromParts(candidate, month, day)) continue;
    const distance = Math.abs(Date.UTC(candidate, month - 1, day) - now);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `2021-03-15` → `15/03/2021`, what the field shows; any other text is given back as is. */
export function formatFrenchDate(iso: string): string {
  const parts = partsFromIso(iso);
  return parts ? `${pad(parts.day)}/${pad(parts.month)}/${pad(parts.year, 4)}` : iso;
}

/**
 * The date in words, to confirm what was understood: « lundi 15 mars 2021 » (« 1er » for the
 * first), or "Monday 15 March 2021" in English. Undefined for an invalid ISO date.
 */
export function longDate(iso: string, locale: 'fr' | 'en' = 'fr'): string | undefined {
  const parts = partsFromIso(iso);
  if (!parts) return undefined;
  const date = new Date(Date.UTC(2000, parts.month - 1, parts.day));
  date.setUTCFullYear(parts.year);
  const weekday = WEEKDAY_NAMES[locale][date.getUTCDay()]!;
  if (locale === 'en')
    return `${weekday} ${parts.day} ${MONTH_NAMES.en[parts.month - 1]!} ${parts.year}`;
  const day = parts.day === 1 ? '1er' : String(parts.day);
  // No-break spaces inside the date, as French typography wants.
  return `${weekday}\u00a0${day}\u00a0${MONTH_NAMES.fr[parts.month - 1]!}\u00a0${parts.year}`;
}

/** The ISO date `days` days after (or before) `iso`; `iso` itself when it is not a valid date. */
export function addDays(iso: string, days: number): string {
  const parts = partsFromIso(iso);
  if (!parts) return iso;
  const date = new Date(Date.UTC(2000, parts.month - 1, parts.day));
  date.setUTCFullYear(parts.year);
  date.setUTCDate(date.getUTCDate() + days);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Today in the editor's time zone, ISO. */
export function todayIso(now = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
