/**
 * Publication dates come in every format; the clip stores ISO 8601.
 */

/** `2015-07-10`, `2015-07-10T09:53`, `2015-07-10 09:53:00.123456 -0400`, `…Z`, `… UTC`. */
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * `12/03/2024`, `12.03.2024`, `12-03-2024 10:30`, `le 12/03/2024 à 10h30`: day and month as
 * numbers, in an order only the page's habits tell.
 */
const NUMERIC_DATE =
  /\b(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b(?:\D{1,4}?(\d{1,2})(?::|\s?h\s?)(\d{2})(?::(\d{2}))?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?/i;

/** An offset as {@link formatOffset} writes it, within the range of real ones. */
const VALID_OFFSET = /^[+-](?:0\d|1[0-4]):[0-5]\d$/;

/** Dates outside this range are placeholders (`0001-01-01`, `9999-12-31`) rather than facts. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function isPlausible(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** Formats `±HHMM`, `±HH:MM` or `±HH` as `±HH:MM`. */
function formatOffset(offset: string): string {
  const digits = offset.slice(1).replace(':', '');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

/**
 * Normalises a date string to ISO 8601, or returns undefined when it is not a plausible date.
 *
 * - An explicit offset is kept as written (`2021-11-01T10:52:50+0100` gives
 *   `2021-11-01T10:52:50+01:00`, `Tue, 12 Mar 2024 10:30:00 +0100` gives
 *   `2024-03-12T10:30:00+01:00`): the local time of publication is information worth keeping.
 * - `Z`, `UTC` and `GMT` give a `Z` time.
 * - Without any zone, the result is the full UTC form (`toISOString`). Wall-clock values are read
 *   as UTC rather than in the reader's zone, so that the same page always gives the same value.
 * - Numeric dates (`12/03/2024`, `12.03.2024`) are read day first, as French and most of the
 *   world write them, or month first on a page in US English (`lang`, a language tag); the
 *   numbers decide when they can (`25/03/2024` and `03/25/2024` are both the 25th of March).
 *   Date.parse would read them all month first.
 * - Other formats (`January 7, 2025`, RFC 2822) go through `Date.parse`, also read as UTC when
 *   they carry no zone.
 */
export function toIsoDate(input: string | undefined, lang?: string): string | undefined {
  const value = input?.trim();
  if (!value) return undefined;
  const match = ISO_LIKE.exec(value);
  if (match) {
    const [, y, mo, d, h, mi, s, fraction, zone] = match;
    // Checked before Date.UTC, which maps years 0-99 to 1900-1999.
    if (Number(y) < MIN_YEAR || Number(y) > MAX_YEAR) return undefined;
    const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
    const parts = [
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(s ?? 0),
    ];
    const utc = new Date(
      Date.UTC(parts[0]!, parts[1]!, parts[2]!, parts[3], parts[4], parts[5], millis),
    );
    // Date.UTC rolls 2019-02-31 over to March: reject instead of inventing a date.
    if (
      !isPlausible(utc) ||
      utc.getUTCDate() !== Number(d) ||
      utc.getUTCMonth() !== Number(mo) - 1
    ) {
      return undefined;
    }
    if (zone && /^[+-]/.test(zone)) {
      const offset = formatOffset(zone);
      if (!VALID_OFFSET.test(offset)) return undefined;
      const time = `${h ?? '00'}:${mi ?? '00'}:${s ?? '00'}${fraction ? `.${pad(millis, 3)}` : ''}`;
      return `${y}-${mo}-${d}T${time}${offset}`;
    }
    return utc.toISOString();
  }
  // Only try free-form text that plausibly holds a date: a four-digit year.
  if (!/\b\d{4}\b/.test(value) || value.length > 64) return undefined;
  let text = value;
  const numeric = NUMERIC_DATE.exec(value);
  if (numeric) {
    const [whole, a, sep, b, y, h, mi, s, zone] = numeric;
    // A second number above 12 is a day; a first one, too, whatever the language.
    const monthFirst = Number(b) > 12 || (/^en-US$/i.test(lang ?? '') && Number(a) <= 12);
    const [d, mo] = monthFirst ? [b, a] : [a, b];
    // A time of 12 hours or a zone's name after it (« 2:30 PM », « 2:30 PM EST ») is Date.parse's
    // to read: the date is given to it in the one order it reads (month first), the rest as
    // written. Any other words after the date are not the date's.
    const rest = value.slice(numeric.index + whole.length);
    if (!h || !/^\s*(?:[ap]\.?m\b|[ECMP][SD]T\b)/i.test(rest)) {
      const time = h ? `T${pad(Number(h))}:${mi}${s ? `:${s}` : ''}${zone ?? ''}` : '';
      return toIsoDate(`${y}-${pad(Number(mo))}-${pad(Number(d))}${time}`);
    }
    const date = `${a}${sep}${b}${sep}${y}`;
    const after = value.slice(numeric.index + date.length).replace(/\b([ap])\.m\.?/gi, '$1m');
    text = `${value.slice(0, numeric.index)}${Number(mo)}/${Number(d)}/${y}${after}`;
  }
  const hasZone = /(?:\b(?:Z|UTC|GMT|[ECMP][SD]T)\b|[+-]\d{2}:?\d{2}\s*$)/.test(text);
  const time = Date.parse(hasZone ? text : `${text} UTC`);
  const date = new Date(Number.isNaN(time) ? Date.parse(text) : time);
  if (!isPlausible(date)) return undefined;
  // A written offset is kept, as above: the wall-clock time is the instant moved by it.
  const zone = /\s([+-]\d{2}:?\d{2})$/.exec(text)?.[1];
  const offset = zone && formatOffset(zone);
  if (offset && VALID_OFFSET.test(offset)) {
    const minutes =
      (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4))) * (offset[0] === '-' ? -1 : 1);
    return `${new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 19)}${offset}`;
  }
  return date.toISOString();
}
