/**
 * What the injected script reads of a page for its metadata: the values as the page declares
 * them (meta tags, JSON-LD, `<title>`, `<h1>`s, the canonical link, byline and date markup),
 * whitespace and character references cleaned, each one cut to the limit of the field it can
 * become (./bounds) before anything is sent. Choosing among them (title clean-up, site name,
 * byline, dates) is string work that needs no page: the background does it
 * (`interpretPage` in ./metadata), which keeps this script small, since it is parsed and
 * compiled in the page at every clip.
 */

import { BYLINE_SELECTORS, authorElementText, inComments } from './byline';
import { cutAtWord } from '../lib/ellipsis';
import { FIELD_LIMITS } from './bounds';
import { finder } from './find';
import { extractJsonLdArticle, type JsonLdArticle } from './jsonld';
import { readMetaTags } from './meta-tags';
import type { PageData } from './types';
import { cleanText } from './text';

/** A date written as text is short: no format the capture reads is longer. */
const DATE_LIMIT = 100;

/** The meta keys that may give the publication date, the most trusted first (./metadata). */
export const PUBLISHED_DATE_KEYS = [
  'article:published_time',
  'article:published',
  'og:published_time',
  'parsely-pub-date',
  'dc:date',
  'dc:date.issued',
  'dc:created',
  'itemprop:datepublished',
  'date',
  'publish-date',
  'publish_date',
  'publishdate',
  'pubdate',
  'sailthru.date',
] as const;

/** The meta keys the background reads, with the limit of the field each one can become. */
const TEXT = FIELD_LIMITS.title;
const URL_LIMIT = FIELD_LIMITS.url;
export const META_LIMITS: Readonly<Record<string, number>> = {
  'og:title': TEXT,
  'twitter:title': TEXT,
  'dc:title': TEXT,
  'parsely-title': TEXT,
  'itemprop:headline': TEXT,
  'og:site_name': FIELD_LIMITS.siteName,
  'application-name': FIELD_LIMITS.siteName,
  'dc:creator': FIELD_LIMITS.byline,
  author: FIELD_LIMITS.byline,
  'article:author': FIELD_LIMITS.byline,
  'parsely-author': FIELD_LIMITS.byline,
  'og:description': FIELD_LIMITS.excerpt,
  'twitter:description': FIELD_LIMITS.excerpt,
  description: FIELD_LIMITS.excerpt,
  'dc:description': FIELD_LIMITS.excerpt,
  'itemprop:description': FIELD_LIMITS.excerpt,
  'content-language': FIELD_LIMITS.lang,
  'dc:language': FIELD_LIMITS.lang,
  'og:locale': FIELD_LIMITS.lang,
  'og:url': -URL_LIMIT,
  'og:image': -URL_LIMIT,
  'og:image:url': -URL_LIMIT,
  'og:image:secure_url': -URL_LIMIT,
  'twitter:image': -URL_LIMIT,
  'twitter:image:src': -URL_LIMIT,
  ...Object.fromEntries(PUBLISHED_DATE_KEYS.map((key) => [key, DATE_LIMIT])),
};

/** Markup that dates a page, with the provenance it gives, most structured first. */
const DATE_SELECTORS: readonly [string, string][] = [
  ['[itemprop~="datePublished"]', '[itemprop=datePublished]'],
  ['article time[datetime], main time[datetime]', 'time[datetime]'],
];

/** How many values of one meta key are kept (`article:author` may be repeated per author). */
const MAX_META_VALUES = 10;

/** How many candidates of one kind of markup (bylines, dates) are read. */
const MAX_CANDIDATES = 5;

/**
 * Cuts a value to `limit`: a text at a word (with the mark of the cut); an address (a negative
 * limit) that does not fit is dropped, since half of one leads nowhere.
 */
function bound(value: string | undefined, limit: number): string | undefined {
  if (value === undefined) return undefined;
  if (limit < 0) return value.length <= -limit ? value : undefined;
  return cutAtWord(value, limit);
}

/** The JSON-LD article's fields within the limits of the fields they can become. */
function boundArticle(article: JsonLdArticle): JsonLdArticle {
  const text = (value: string | undefined, limit = TEXT) => bound(value, limit);
  const bounded: JsonLdArticle = {
    type: cutAtWord(article.type, 100),
    authors: article.authors.slice(0, MAX_META_VALUES).map((name) => cutAtWord(name, TEXT)),
  };
  if (article.selfNamed) {
    bounded.selfNamed = article.selfNamed
      .slice(0, MAX_META_VALUES)
      .map((name) => cutAtWord(name, TEXT));
  }
  const fields: [keyof JsonLdArticle, string | undefined][] = [
    ['headline', text(article.headline)],
    ['name', text(article.name)],
    ['publisher', text(article.publisher)],
    ['datePublished', text(article.datePublished, DATE_LIMIT)],
    ['description', text(article.description, FIELD_LIMITS.excerpt)],
    ['image', bound(article.image, -URL_LIMIT)],
  ];
  for (const [key, value] of fields)
    if (value !== undefined) Object.assign(bounded, { [key]: value });
  return bounded;
}

/** Texts of the page's first `<h1>`s (headings longer than a headline are left out). */
function readHeadings(doc: Document): string[] {
  const headings: string[] = [];
  for (const h1 of Array.from(doc.getElementsByTagName('h1')).slice(0, 10)) {
    const text = cleanText(h1.textContent);
    if (text && text.length <= 300) headings.push(text);
  }
  return headings;
}

/** The `href` of the page's first canonical link, as written. */
function canonicalHref(doc: Document): string | undefined {
  // Every <link>, not `link[rel][href]`: a walk by tag name is the faster one on a huge page.
  for (const link of Array.from(doc.getElementsByTagName('link'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('canonical') || !link.hasAttribute('href')) continue;
    return link.getAttribute('href') ?? undefined;
  }
  return undefined;
}

/** The most text, spaces aside, a byline naming several authors holds (`Par X, Y et Z, à Lyon`). */
const BYLINE_CHARS = 300;

/** An element's tag and its parent's: co-authors in one byline are marked up alike. */
function shape(element: Element): string {
  return `${element.localName} ${element.parentElement?.localName}`;
}

/**
 * Whether `element` is a co-author in the byline of `anchor`, an author element before it:
 * marked up alike (`Par <a>X</a> et <a>Y</a>`, one `<li>` each), under a common ancestor a few
 * levels up that holds no more than a byline's text. The article's author and a related
 * article's are further apart, or under an ancestor holding headlines; a profile box's name
 * and its « View my complete profile » link are marked up differently.
 */
function sameByline(anchor: Element, element: Element): boolean {
  if (shape(anchor) !== shape(element)) return false;
  let node = anchor.parentElement;
  for (let depth = 0; node && depth < 4; depth += 1, node = node.parentElement) {
    if (node.contains(element)) return !textLonger(node, BYLINE_CHARS);
  }
  return false;
}

/**
 * Whether `node` holds more than `max` characters of text, spaces aside; read only until it
 * does: a live blog's `<main>` holds megabytes, and `textContent` would copy them all for every
 * author of every post.
 */
function textLonger(node: Node, max: number): boolean {
  const walker = node.ownerDocument!.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  let length = 0;
  while (walker.nextNode()) {
    const text = walker.currentNode.nodeValue ?? '';
    // A node this long is past the bound whatever its spaces: not copied to be counted.
    if (text.length > 4 * max) return true;
    length += text.replace(/\s+/g, '').length;
    if (length > max) return true;
  }
  return false;
}

/**
 * Runs a reader (here) or an extractor (./metadata) and treats any exception as "nothing found":
 * a broken page is not fatal.
 */
export function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * Reads what the metadata of a clip is made from, within the field limits. Pure: reads `doc`
 * only, never modifies it.
 *
 * @param pageUrl The address the page was loaded from; defaults to `doc.URL`.
 */
export function readPage(doc: Document, pageUrl: string = doc.URL): PageData {
  const find = finder(doc);
  const meta = attempt(() => readMetaTags(doc, META_LIMITS, bound, MAX_META_VALUES)) ?? {};
  const bylines: [string, string][] = [];
  for (const [selector, label] of BYLINE_SELECTORS) {
    // Only the first few matches: later ones are related articles, author boxes and comments.
    const elements = attempt(() => find(selector).slice(0, MAX_CANDIDATES)) ?? [];
    let anchor: Element | undefined;
    for (const element of elements) {
      // One that holds others of its kind: the names are read from those.
      if (elements.some((other) => other !== element && element.contains(other))) continue;
      const text = attempt(() => (inComments(element) ? undefined : authorElementText(element)));
      if (!text) continue;
      const name = cutAtWord(text, FIELD_LIMITS.byline);
      const first = anchor;
      const last = bylines[bylines.length - 1];
      // A co-author joins the byline's candidate, one name a line (./byline bylineFromCandidates).
      if (first && last && attempt(() => sameByline(first, element))) last[1] += `\n${name}`;
      else {
        anchor = element;
        bylines.push([label, name]);
      }
    }
  }
  const dates: [string, string][] = [];
  for (const [selector, label] of DATE_SELECTORS) {
    for (const element of attempt(() => find(selector).slice(0, MAX_CANDIDATES)) ?? []) {
      const raw = cleanText(
        element.getAttribute('datetime') ?? element.getAttribute('content') ?? element.textContent,
      );
      if (raw) dates.push([label, raw.slice(0, DATE_LIMIT)]);
    }
  }
  const root = doc.documentElement;
  const jsonLd = attempt(() => extractJsonLdArticle(doc));
  const data: PageData = {
    url: pageUrl.slice(0, URL_LIMIT),
    base: (doc.baseURI || pageUrl).slice(0, URL_LIMIT),
    meta,
    headings: attempt(() => readHeadings(doc)) ?? [],
    bylines,
    dates,
  };
  const optional: [keyof PageData, string | undefined][] = [
    ['title', bound(cleanText(doc.title), TEXT)],
    ['lang', (root?.getAttribute('lang') ?? root?.getAttribute('xml:lang'))?.slice(0, 100)],
    [
      'canonical',
      bound(
        attempt(() => canonicalHref(doc)),
        -URL_LIMIT,
      ),
    ],
    [
      'longLink',
      bound(doc.getElementById('SHARE_LONGLINK')?.getAttribute('value') ?? undefined, -URL_LIMIT),
    ],
  ];
  for (const [key, value] of optional) if (value) Object.assign(data, { [key]: value });
  if (jsonLd) data.jsonLd = boundArticle(jsonLd);
  return data;
}
