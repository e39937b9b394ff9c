/**
 * The page's `<meta>` tags: read once per capture, in the page, for the keys the background
 * uses; looked up there by key (map reads, not selector queries).
 */

import { cleanText } from './text';

/** A meta value and the tag it came from. */
export interface MetaValue {
  value: string;
  /** A readable label for provenance, e.g. `og:title` or `meta[name=author]`. */
  source: string;
}

/**
 * Normalises a meta key: lower-cased, with Dublin Core's spellings (`DC.Title`, `dc:title`,
 * `dcterms.title`, `dcterm:title`) folded into one (`dc:title`).
 */
function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/^dc(?:terms?)?[.:]/, 'dc:');
}

/** Keys whose label would be ambiguous on its own get a `meta[name=…]` label instead. */
function labelFor(key: string, attribute: string): string {
  return key.includes(':') || key.includes('-') ? key : `meta[${attribute}=${key}]`;
}

/** The attributes that name a meta tag's keys. */
const KEY_ATTRIBUTES = ['property', 'name', 'itemprop', 'http-equiv'] as const;

/**
 * Reads the values of the page's `<meta>` tags for the keys of `limits`, each cut by `bound` to
 * its key's limit, at most `maxValues` per key (the first ones, in document order; a value that
 * `bound` drops still counts). Keys come from the `property`, `name`, `itemprop` and
 * `http-equiv` attributes; a tag may list several, space-separated
 * (`property="og:title twitter:title"`). `itemprop` keys are prefixed with `itemprop:` because
 * microdata names (`name`, `url`) are scoped to an item and must not be mistaken for page-level
 * metadata. A tag's content is cleaned only when one of its keys is wanted: most of a news
 * page's tags (verification codes, app links, viewport) are not, and this runs in the page at
 * every clip.
 */
export function readMetaTags(
  doc: Document,
  limits: Readonly<Record<string, number>>,
  bound: (value: string, limit: number) => string | undefined,
  maxValues: number,
): Record<string, MetaValue[]> {
  const found: Record<string, MetaValue[]> = {};
  const counted: Record<string, number> = {};
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    let content: string | undefined | null = null;
    for (const attribute of KEY_ATTRIBUTES) {
      const keys = meta.getAttribute(attribute);
      if (!keys) continue;
      for (const rawKey of keys.trim().split(/\s+/)) {
        const key = normalizeKey(rawKey);
        const indexKey = attribute === 'itemprop' ? `itemprop:${key}` : key;
        if (!Object.hasOwn(limits, indexKey)) continue;
        content ??= cleanText(meta.getAttribute('content') ?? meta.getAttribute('value'));
        if (content === undefined) break;
        const seen = counted[indexKey] ?? 0;
        if (seen >= maxValues) continue;
        counted[indexKey] = seen + 1;
        const value = bound(content, limits[indexKey]!);
        if (value === undefined) continue;
        const source = attribute === 'itemprop' ? `itemprop=${rawKey}` : labelFor(key, attribute);
        (found[indexKey] ??= []).push({ value, source });
      }
      if (content === undefined) break;
    }
  }
  return found;
}

/** Read-only lookups over meta values already read (as {@link readMetaTags} sends them). */
export class MetaIndex {
  private readonly values = new Map<string, MetaValue[]>();

  /** An index of values already read by key. */
  static of(values: Record<string, MetaValue[]>): MetaIndex {
    const index = new MetaIndex();
    for (const [key, list] of Object.entries(values)) index.values.set(normalizeKey(key), list);
    return index;
  }

  /** The first non-empty value for the first key that has one, in the order given. */
  first(...keys: string[]): MetaValue | undefined {
    for (const key of keys) {
      const found = this.values.get(normalizeKey(key))?.[0];
      if (found) return found;
    }
    return undefined;
  }

  /** Every non-empty value of one key, in document order. */
  all(key: string): MetaValue[] {
    return this.values.get(normalizeKey(key)) ?? [];
  }
}
