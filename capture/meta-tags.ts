/**
 * An index of the page's `<meta>` tags, built once per capture so that each field's lookups are
 * map reads rather than repeated selector queries.
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

/** Read-only lookups over the page's meta tags. */
export class MetaIndex {
  private readonly values = new Map<string, MetaValue[]>();

  /**
   * Indexes every `<meta>` of `doc` by its `property`, `name` and `itemprop` keys. A tag may list
   * several space-separated keys (`property="og:title twitter:title"`); each one is indexed.
   * `itemprop` keys are prefixed with `itemprop:` because microdata names (`name`, `url`) are
   * scoped to an item and must not be mistaken for page-level metadata. Without a document, the
   * index starts empty (see {@link MetaIndex.of}).
   */
  constructor(doc?: Document) {
    if (!doc) return;
    for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
      const content = cleanText(meta.getAttribute('content') ?? meta.getAttribute('value'));
      if (content === undefined) continue;
      for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
        const keys = meta.getAttribute(attribute);
        if (!keys) continue;
        for (const rawKey of keys.trim().split(/\s+/)) {
          const key = normalizeKey(rawKey);
          const indexKey = attribute === 'itemprop' ? `itemprop:${key}` : key;
          const label = attribute === 'itemprop' ? `itemprop=${rawKey}` : labelFor(key, attribute);
          const list = this.values.get(indexKey) ?? [];
          list.push({ value: content, source: label });
          this.values.set(indexKey, list);
        }
      }
    }
  }

  /** An index of values already read by key (as capture/page.ts sends them). */
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
