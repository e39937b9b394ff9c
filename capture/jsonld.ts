/**
 * Defensive reading of schema.org JSON-LD blocks. Pages ship all sorts of broken JSON-LD: arrays,
 * `@graph`s, references by `@id`, comment or CDATA wrappers, invalid JSON, megabyte-sized blobs.
 * Nothing in here may throw.
 */

import { cleanText, compactKey, looksLikeUrl } from './text';

/** What the capture needs from the page's main JSON-LD object. All strings are cleaned. */
export interface JsonLdArticle {
  /** The schema.org type that was matched, e.g. `NewsArticle`. */
  type: string;
  headline?: string;
  /** `name`, kept apart from `headline` because some sites put the site name there. */
  name?: string;
  /** In the page's order, those set apart as {@link selfNamed} among them. */
  authors: string[];
  /**
   * Authors not declared a Person (a bare string, an object without `@type`, an Organization
   * not named like the publisher), the publisher not a Person: among them may be the
   * publication crediting itself under the publisher's name or its site's (og:site_name, the
   * publisher its group), or a blogger publishing under their own name. Left in `authors`, in
   * their place (a blog's author named first is its first author), for the background to tell
   * apart as it does a meta author named like the site (./metadata: kept when written as a
   * person's, or named like no site); this script stays small.
   */
  selfNamed?: string[];
  publisher?: string;
  datePublished?: string;
  description?: string;
  /** As given (may be relative); the caller resolves it. */
  image?: string;
}

type JsonObject = Record<string, unknown>;

/** Blocks bigger than this are skipped: parsing them would stall the page for little gain. */
export const MAX_JSONLD_CHARS = 1_000_000;

/** All blocks together: past this many characters, the remaining blocks are not parsed. */
export const MAX_JSONLD_TOTAL_CHARS = 2_000_000;

/** How many JSON-LD scripts are looked at, at most (some pages carry one per product tile). */
export const MAX_JSONLD_SCRIPTS = 50;

/** How many objects to visit at most, whatever the shape of the data. */
const MAX_NODES = 2_000;

/** Article-like types, best first. Anything else ending in `Article` ranks just after them. */
const ARTICLE_TYPES = [
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'Article',
  'BlogPosting',
  'LiveBlogPosting',
  'TechArticle',
  'ScholarlyArticle',
  'Report',
  'SocialMediaPosting',
  'DiscussionForumPosting',
  'Review',
  'Recipe',
  'HowTo',
  'CreativeWork',
];

/** Page types: only used when nothing article-like is present. */
const PAGE_TYPES = ['WebPage', 'ItemPage', 'AboutPage', 'ProfilePage', 'QAPage', 'CollectionPage'];

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Strips the wrappers that CMSs put around inline JSON to protect it from old parsers. */
function unwrapScriptText(text: string): string {
  return text
    .trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[/, '')
    .replace(/(?:\/\/\s*)?\]\]>$/, '')
    .trim()
    .replace(/^<!--/, '')
    .replace(/-->$/, '')
    .trim();
}

/** JSON.parse that returns undefined instead of throwing. */
function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Parses one script's text. Raw line breaks and tabs inside strings are the most common defect
 * (templates paste multi-line descriptions); JSON allows whitespace anywhere else, so turning every
 * control character into a space repairs those blocks without changing any valid one.
 */
function parseBlock(text: string): unknown {
  const body = unwrapScriptText(text);
  if (body === '') return undefined;
  const parsed = tryParse(body);
  if (parsed !== undefined) return parsed;
  return tryParse(body.replace(/[\u0000-\u001f]+/g, ' '));
}

/**
 * Every JSON-LD object on the page, flattened: top-level arrays and `@graph`s are expanded, and
 * objects nested under `mainEntity` are listed too. Malformed or oversized blocks are skipped.
 */
export function parseJsonLd(doc: Document): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (found.length >= MAX_NODES || depth > 8) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isObject(value)) return;
    found.push(value);
    visit(value['@graph'], depth + 1);
    visit(value.mainEntity, depth + 1);
  };
  let scripts = 0;
  let budget = MAX_JSONLD_TOTAL_CHARS;
  // Every <script>, not `script[type]`: a walk by tag name is the faster one on a huge page.
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    const type = script.getAttribute('type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/ld+json') continue;
    if ((scripts += 1) > MAX_JSONLD_SCRIPTS) break;
    const text = script.textContent ?? '';
    if (text.length > MAX_JSONLD_CHARS || text.length > budget) continue;
    budget -= text.length;
    visit(parseBlock(text), 0);
  }
  return found;
}

/** The schema.org type names of an object, without any `schema:` or URL prefix. */
function typesOf(node: JsonObject): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.replace(/^.*[/:#]/, ''));
}

/** The best-ranked type of an object (lower is better), or undefined if none is a candidate. */
function rankOf(node: JsonObject): { rank: number; type: string } | undefined {
  let best: { rank: number; type: string } | undefined;
  for (const type of typesOf(node)) {
    let rank = ARTICLE_TYPES.indexOf(type);
    if (rank === -1 && /Article$/.test(type)) rank = ARTICLE_TYPES.length;
    if (rank === -1) {
      const page = PAGE_TYPES.indexOf(type);
      if (page !== -1) rank = ARTICLE_TYPES.length + 1 + page;
    }
    if (rank !== -1 && (best === undefined || rank < best.rank)) best = { rank, type };
  }
  return best;
}

/** A string property, cleaned; the first usable item when the property is an array. */
function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = stringOf(item);
      if (text) return text;
    }
  }
  return undefined;
}

/** Follows an `{"@id": ...}` reference to the full object, when the page defines it. */
function resolveRef(value: unknown, byId: Map<string, JsonObject>): unknown {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
    return byId.get(value['@id']) ?? value;
  }
  return value;
}

/** The display name of a person or organisation given as a string, an object or a reference. */
function nameOf(value: unknown, byId: Map<string, JsonObject>): string | undefined {
  const resolved = resolveRef(value, byId);
  if (typeof resolved === 'string') {
    const text = cleanText(resolved);
    return text && !looksLikeUrl(text) ? text : undefined;
  }
  if (!isObject(resolved)) return undefined;
  const name = stringOf(resolved.name);
  if (name && !looksLikeUrl(name)) return name;
  const given = stringOf(resolved.givenName);
  const family = stringOf(resolved.familyName);
  const joined = [given, family].filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/**
 * Names that credit a crowd rather than a person: "Contributors to Wikimedia projects",
 * « Contributeurs aux projets Wikimedia », "the Mozilla community".
 */
const COLLECTIVE =
  /\b(?:contributors?|contributeurs?|contributrices?|contribuidores|collaborateurs|mitwirkende|autoren|community|communauté)\b/iu;

/**
 * Author names from every shape schema.org allows: string, object, array of either. A publisher
 * or a collective is not a byline: an author named like the publisher (letters and digits
 * compared, as ./metadata compares names with the site's) and declared another type than Person
 * (an Organization), or named like a crowd of contributors, is left out. One so named is kept
 * when the author or the publisher is declared a Person: a blog's author often publishes under
 * their own name. Every other author but a Person is set apart (`selfNamed`), to be judged
 * against the site's declared names, which the publisher may not be (« Prisma Media », its site
 * « Femme Actuelle »): a string is how a publication credits itself (« Le Parisien ») and how a
 * blogger signs (« Jean Dupont »), an Organization named like the site is its self-credit too.
 */
function authorsOf(
  value: unknown,
  byId: Map<string, JsonObject>,
  publisher: { name?: string; person: boolean },
): { names: string[]; selfNamed: string[] } {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  const selfNamed: string[] = [];
  const publisherKey = publisher.name && compactKey(publisher.name);
  const persons: string[] = [];
  for (const item of list) {
    const resolved = resolveRef(item, byId);
    const name = nameOf(resolved, byId);
    if (!name || COLLECTIVE.test(name)) continue;
    const types = isObject(resolved) ? typesOf(resolved) : [];
    if (types.includes('Person')) persons.push(name);
    if (names.includes(name)) continue;
    if (!types.includes('Person') && !publisher.person) {
      if (types.length > 0 && compactKey(name) === publisherKey) continue;
      // Left in its place among the authors: the background judges it against the site's
      // declared names, the publisher's and og:site_name (see JsonLdArticle).
      selfNamed.push(name);
    }
    names.push(name);
  }
  // The same name declared a Person elsewhere in the list is that person.
  return { names, selfNamed: selfNamed.filter((name) => !persons.includes(name)) };
}

/** An image URL from a string, an ImageObject (`url` or `contentUrl`), or an array of those. */
function imageOf(value: unknown, byId: Map<string, JsonObject>): string | undefined {
  const resolved = resolveRef(value, byId);
  if (typeof resolved === 'string') return cleanText(resolved);
  if (Array.isArray(resolved)) {
    for (const item of resolved) {
      const url = imageOf(item, byId);
      if (url) return url;
    }
    return undefined;
  }
  if (isObject(resolved)) {
    return stringOf(resolved.url) ?? stringOf(resolved.contentUrl) ?? stringOf(resolved['@id']);
  }
  return undefined;
}

/**
 * Finds the page's article-like JSON-LD object (NewsArticle, Article, BlogPosting... or a WebPage
 * as a last resort) and extracts the fields the capture needs. Returns undefined when the page has
 * no usable JSON-LD.
 */
export function extractJsonLdArticle(doc: Document): JsonLdArticle | undefined {
  const nodes = parseJsonLd(doc);
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    if (typeof node['@id'] === 'string' && Object.keys(node).length > 1)
      byId.set(node['@id'], node);
  }
  let best: JsonObject | undefined;
  let bestRank: { rank: number; type: string } | undefined;
  for (const node of nodes) {
    const rank = rankOf(node);
    // Among equals the first wins: pages list their main object before related ones.
    if (rank !== undefined && (bestRank === undefined || rank.rank < bestRank.rank)) {
      best = node;
      bestRank = rank;
    }
  }
  if (!best || !bestRank) return undefined;
  const { type } = bestRank;
  const publisherNode = resolveRef(
    Array.isArray(best.publisher) ? best.publisher[0] : best.publisher,
    byId,
  );
  const publisher = nameOf(publisherNode, byId);
  const person = isObject(publisherNode) && typesOf(publisherNode).includes('Person');
  const { names, selfNamed } = authorsOf(best.author ?? best.creator, byId, {
    name: publisher,
    person,
  });
  return {
    type,
    headline: stringOf(best.headline),
    name: stringOf(best.name),
    authors: names,
    ...(selfNamed.length > 0 && { selfNamed }),
    publisher,
    datePublished: stringOf(best.datePublished) ?? stringOf(best.dateCreated),
    description: stringOf(best.description),
    image: imageOf(best.image, byId) ?? stringOf(best.thumbnailUrl),
  };
}
