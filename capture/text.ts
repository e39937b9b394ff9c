import { replaceCodePoint } from 'entities/decode';
import { MAX_RAW_CHARS } from './bounds';

/**
 * Small text helpers shared by the capture functions. Everything here is pure string work so that
 * it can run inside any page without touching globals.
 */

const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/**
 * A named reference (`&eacute;`) as the browser's own HTML parser reads it: the page script
 * carries no table of the 2,000 names. The parsed string is one reference, no markup (the
 * pattern above allows letters and digits only), so nothing is created but a text node.
 * Undefined when the name is unknown or no parser is at hand.
 */
function parseReference(reference: string): string | undefined {
  if (parsed.has(reference)) return parsed.get(reference) ?? undefined;
  // Past the bound, a name not met yet is kept as written (a page can write 100,000 of them).
  if (parsed.size >= MAX_PARSED_REFERENCES) return undefined;
  let text: string | null = null;
  try {
    text = new DOMParser().parseFromString(reference, 'text/html').body.textContent;
  } catch {
    // No parser at hand: kept as written.
  }
  const decoded = text && text !== reference ? text : undefined;
  parsed.set(reference, decoded ?? null);
  return decoded;
}

/**
 * Each named reference parsed once per page read (see {@link forgetReferences}): a page writing
 * `&amp;amp;` 2,000 times in a tag cost 2,000 document parses, and the fields read hold millions
 * of characters. Null for a name the parser does not know.
 */
const parsed = new Map<string, string | null>();

/** The most distinct names parsed for one page: a page uses a few, a hostile one thousands. */
const MAX_PARSED_REFERENCES = 256;

/**
 * Starts the count of {@link MAX_PARSED_REFERENCES} again, for the next page: the page's reader
 * and the background's interpreter call it as they start. The background lives on from a clip
 * to the next (Firefox's background page, a service worker kept awake), and its 257th name,
 * over all the pages clipped, was kept as written.
 */
export function forgetReferences(): void {
  parsed.clear();
}

/**
 * Decodes character references left in a string, e.g. `editor&#39;s` or `Fish &amp;amp; Chips`.
 *
 * The HTML parser already decodes attributes once; CMSs that escape twice leave references in the
 * value, which would otherwise end up verbatim in a clip. Invalid and unknown references are kept
 * as they are; a name is matched as written, then in lower case (`&EACUTE;`). Numbers read as a
 * browser reads them: `&#146;` is ’ (only that small table of the `entities` package is bundled).
 */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(REFERENCE, (match, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) {
      return parseReference(match) ?? parseReference(match.toLowerCase()) ?? match;
    }
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    const invalid = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
    // `&#146;` is ’ for a browser (Windows-1252's meaning of the C1 range), not a control character.
    return invalid ? match : String.fromCodePoint(replaceCodePoint(code));
  });
}

/** Collapses every run of whitespace (including no-break spaces) to one space, and trims. */
export function collapseWhitespace(value: string): string {
  return value.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/**
 * Cleans a value read from the page: entity-decoded, whitespace-collapsed. Returns `undefined` for
 * empty results so that callers can chain sources with `??`. Only the first
 * {@link MAX_RAW_CHARS} characters are read: no field keeps more, and a megabyte-long attribute
 * must not cost a megabyte of regular-expression work.
 */
export function cleanText(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const raw = value.length > MAX_RAW_CHARS ? value.slice(0, MAX_RAW_CHARS) : value;
  const cleaned = collapseWhitespace(decodeEntities(raw));
  return cleaned === '' ? undefined : cleaned;
}

/**
 * Normalises text that may hold paragraphs: spaces collapsed inside lines, lines trimmed, and any
 * run of blank lines turned into a single paragraph break (`\n\n`).
 */
export function normalizeMultiline(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Maps look-alike punctuation to one form, character for character (the length is preserved, so
 * indices found in the folded string are valid in the original).
 */
export function foldPunctuation(value: string): string {
  return value
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00a0/g, ' ');
}

/** A key for comparing two human-readable strings: case, quotes, dashes and spacing ignored. */
export function textKey(value: string): string {
  return collapseWhitespace(foldPunctuation(value)).toLowerCase();
}

/**
 * A key that keeps only letters and digits, without diacritics: `Aktuálně.cz` and `aktualne.cz`
 * give the same key, as do `The Guardian` and `theguardian`.
 */
export function compactKey(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Whether a string looks like a URL rather than prose (authors are sometimes given as links). */
export function looksLikeUrl(value: string): boolean {
  return /^(?:https?:)?\/\//i.test(value) || /^www\.[^\s]+\.[a-z]{2,}/i.test(value);
}
