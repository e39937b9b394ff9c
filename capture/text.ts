import { decodeEntities as decodeShared } from '../lib/entities';

/**
 * Small text helpers shared by the capture functions. Everything here is pure string work so that
 * it can run inside any page without touching globals.
 */

/**
 * Decodes character references left in a string, e.g. `editor&#39;s` or `Fish &amp;amp; Chips`.
 *
 * The HTML parser already decodes attributes once; CMSs that escape twice leave references in the
 * value, which would otherwise end up verbatim in a clip. Invalid references are kept as they are.
 */
export function decodeEntities(value: string): string {
  return decodeShared(value, { invalid: 'keep' });
}

/** Collapses every run of whitespace (including no-break spaces) to one space, and trims. */
export function collapseWhitespace(value: string): string {
  return value.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/**
 * Cleans a value read from the page: entity-decoded, whitespace-collapsed. Returns `undefined` for
 * empty results so that callers can chain sources with `??`.
 */
export function cleanText(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const cleaned = collapseWhitespace(decodeEntities(value));
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
