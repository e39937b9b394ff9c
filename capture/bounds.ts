/**
 * Size limits applied in the page, before anything is sent to the extension: a page can hold a
 * 500,000-character headline or a 20 MB selection, and whatever crosses the messaging boundary
 * is stored, indexed, rendered and exported. Limits are in UTF-16 code units (JavaScript's
 * `length`), close enough to bytes for the text editors clip.
 */

import { cutAtWord } from '../lib/ellipsis';
import type { MetadataField, PageMetadata } from './types';

/**
 * The longest value kept for each metadata field. `publishedAt` needs none: it is always written
 * by `toIsoDate` (./dates), a fixed-length ISO 8601 date.
 */
export const FIELD_LIMITS: Record<Exclude<MetadataField, 'publishedAt'>, number> = {
  url: 4_096,
  title: 1_000,
  siteName: 1_000,
  byline: 1_000,
  lang: 35,
  excerpt: 5_000,
  imageUrl: 4_096,
};

/** The longest quote a clip keeps: a long article, not a whole book. */
export const MAX_QUOTE_CHARS = 100_000;

/** How many separate ranges of a selection (Firefox's Ctrl+selection) are kept. */
export const MAX_QUOTE_RANGES = 20;

/**
 * How many table cells selected one by one are kept: Firefox selects a table dragged over as one
 * range per cell (a 4 × 6 table is 24 ranges), which are one passage, not 24.
 */
export const MAX_QUOTE_CELLS = 2_000;

/** The mark left where a text was shortened (the typographic sign of an elision). */
export const CUT_MARK = '[…]';

/**
 * How much of a raw value the cleaning functions look at: well above every field limit, so the
 * result is the same for any sensible value, and a megabyte-long attribute costs no more than
 * this to clean.
 */
export const MAX_RAW_CHARS = 20_000;

/**
 * Applies {@link FIELD_LIMITS} to every field. Addresses that do not fit are dropped rather than
 * cut (half a URL leads nowhere); the page URL, which a clip cannot do without, is cut.
 */
export function boundMetadata(metadata: PageMetadata): PageMetadata {
  const bounded: PageMetadata = { ...metadata, provenance: { ...metadata.provenance } };
  for (const field of Object.keys(FIELD_LIMITS) as (keyof typeof FIELD_LIMITS)[]) {
    const value = bounded[field];
    if (typeof value !== 'string') continue;
    const max = FIELD_LIMITS[field];
    if (value.length <= max) continue;
    if (field === 'url') bounded.url = value.slice(0, max);
    else if (field === 'imageUrl') {
      delete bounded.imageUrl;
      delete bounded.provenance.imageUrl;
    } else bounded[field] = cutAtWord(value, max);
  }
  return bounded;
}
