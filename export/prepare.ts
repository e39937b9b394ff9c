/**
 * The step shared by every format: sanitize the untrusted model, apply house style (title,
 * credits, typography) and hand serialisers a safe, finished structure. Serialisers then only
 * decide syntax, which is why a hostile string cannot become markup in one format but not another.
 */
import type { ExportIssue, ExportItem, ExportSource } from './model';
import { stripWww } from '../lib/html';
import { readableHost } from '../lib/punycode';
import {
  foreignNames,
  issueTitle,
  labelAsExported,
  startsWithOpener,
  type HouseStyle,
} from './house-style';
import {
  collectLinks,
  plainTextToInline,
  safeUrl,
  sanitizeBlocks,
  type SafeInline,
  type SafeList,
  type SafeParagraph,
} from './sanitize';
import { frenchTypographyInline, frenchTypographyText } from './typography';
import { primaryLanguage } from '../lib/lang';

export interface PreparedSource {
  /** Validated, normalised http(s)/mailto URL. */
  url: string;
  title: string | null;
  siteName: string | null;
  /** Name shown in a credit: site name, else title, else host name. */
  label: string;
  /** Language of the page (BCP 47), when known. */
  lang?: string;
}

export interface PreparedItem {
  id: string;
  /** The item's short name, as given by the model (data formats only). */
  label?: string;
  /** The item's own paragraphs, typeset, without opener or credit (for data formats). */
  paragraphs: SafeParagraph[];
  /**
   * The item as displayed: its paragraphs, typeset, the credit (if any) at the end of the last
   * one. Serialisers put the opener before the first only.
   */
  blocks: SafeParagraph[];
  /**
   * Which paragraphs (and blocks: the same places) are the items of a list, as the editor shows
   * them; the others are paragraphs.
   */
  lists: SafeList[];
  sources: PreparedSource[];
}

/** A part of an item as displayed: one paragraph, or a list of items. */
export type ItemPart =
  | { kind: 'paragraph'; block: SafeParagraph }
  | { kind: 'list'; ordered: boolean; items: SafeParagraph[] };

/**
 * The parts of each prepared item, by its blocks: prepared items are shared and never mutated
 * (see {@link preparedItems}), so each export of an unchanged item reads them again.
 */
const itemPartsCache = new WeakMap<SafeParagraph[], ItemPart[]>();

/** An item's displayed blocks as paragraphs and lists, in order. */
export function itemParts(item: PreparedItem): ItemPart[] {
  let parts = itemPartsCache.get(item.blocks);
  if (!parts) {
    parts = partsOf(item);
    itemPartsCache.set(item.blocks, parts);
  }
  return parts;
}

function partsOf(item: PreparedItem): ItemPart[] {
  const parts: ItemPart[] = [];
  let index = 0;
  for (const list of item.lists) {
    for (; index < list.start; index++) {
      parts.push({ kind: 'paragraph', block: item.blocks[index] as SafeParagraph });
    }
    parts.push({
      kind: 'list',
      ordered: list.ordered,
      items: item.blocks.slice(list.start, list.end),
    });
    index = list.end;
  }
  for (; index < item.blocks.length; index++) {
    parts.push({ kind: 'paragraph', block: item.blocks[index] as SafeParagraph });
  }
  return parts;
}

export interface PreparedIssue {
  /** Title as plain text, typeset when the house style asks for it. */
  title: string;
  /** Title before typography, for file names. */
  plainTitle: string;
  date: string;
  /** Intro paragraphs (issue intro, else the house-style default), typeset; empty if none. */
  introParagraphs: SafeParagraph[];

  outro: SafeInline[] | null;
  items: PreparedItem[];
  style: HouseStyle;
}

/** Collapses whitespace in a plain-text field (source titles, site names). */
function cleanField(value: string | undefined): string | null {
  const cleaned = (value ?? '').replace(/\s+/g, ' ').trim();
  return cleaned || null;
}

/**
 * A comparison key for URLs, so that "https://www.x.com/a/" in the text and "https://x.com/a" as
 * the source count as the same link and the source is not credited twice.
 */
export function urlKey(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'mailto:') return url.toLowerCase();
    const host = stripWww(u.hostname);
    const path = u.pathname.replace(/\/+$/, '');
    return `${host}${u.port ? `:${u.port}` : ''}${path}${u.search}`;
  } catch {
    return url;
  }
}

/**
 * The parts of an http(s) URL as the WHATWG parser serialises it (lower-case scheme and host,
 * default port left out, a path that starts with "/"): user info, host, port, path, query.
 */
const SERIALISED_HTTP_URL =
  /^https?:\/\/(?:[^@/?#]*@)?(\[[^\]/?#]*\]|[^:/?#]*)(?::(\d+))?(\/[^?#]*)(\?[^#]*)?/;

/**
 * {@link urlKey} for a URL that safeUrl returned (every link and source of the prepared tree):
 * read from the serialised string instead of parsing it again, which was most of the time spent
 * on sources and credits. Anything else goes through urlKey.
 */
function serialisedUrlKey(url: string): string {
  const match = SERIALISED_HTTP_URL.exec(url);
  if (!match) return urlKey(url);
  const [, host = '', port, path = '', search] = match;
  // The parser's `search` is empty for a lone "?".
  const query = search === '?' ? '' : (search ?? '');
  return `${stripWww(host)}${port ? `:${port}` : ''}${path.replace(/\/+$/, '')}${query}`;
}

/**
 * A source's name: its site, its title, else its host as a reader writes it (`café.fr`, as a clip
 * names a site: lib/punycode.ts); the link keeps the ASCII address.
 */
function sourceLabel(url: string, title: string | null, siteName: string | null): string {
  if (siteName) return siteName;
  if (title) return title;
  const host = SERIALISED_HTTP_URL.exec(url)?.[1];
  if (host) return stripWww(readableHost(host));
  try {
    const u = new URL(url);
    if (u.protocol === 'mailto:') return decodeURIComponent(u.pathname);
    return stripWww(readableHost(u.hostname));
  } catch {
    return url;
  }
}

/** Sources with a usable URL, deduplicated; unsafe URLs (javascript:, relative) are dropped. */
export function prepareSources(sources: readonly ExportSource[]): PreparedSource[] {
  const seen = new Set<string>();
  const out: PreparedSource[] = [];
  for (const source of sources) {
    const url = safeUrl(source.url);
    if (!url) continue;
    const key = serialisedUrlKey(url);
    if (seen.has(key)) continue;
    seen.add(key);
    const title = cleanField(source.title);
    const siteName = cleanField(source.siteName);
    const lang = cleanField(source.lang);
    out.push({
      url,
      title,
      siteName,
      label: sourceLabel(url, title, siteName),
      ...(lang ? { lang } : {}),
    });
  }
  return out;
}

function joinParagraphs(paragraphs: readonly SafeParagraph[]): SafeInline[] {
  const out: SafeInline[] = [];
  for (const paragraph of paragraphs) {
    if (out.length > 0) out.push({ type: 'br' });
    out.push(...paragraph);
  }
  return out;
}

/**
 * Cuts `content` back into paragraphs shaped like `raw`. With `rest`, what follows the last
 * paragraph (the credit) stays with it.
 */
function splitParagraphs(
  content: readonly SafeInline[],
  raw: readonly SafeParagraph[],
  rest = false,
): SafeParagraph[] {
  const out: SafeParagraph[] = [];
  let at = 0;
  raw.forEach((paragraph, index) => {
    if (index > 0) at++; // the line break joinParagraphs put between paragraphs
    const last = index === raw.length - 1;
    out.push(content.slice(at, rest && last ? content.length : at + paragraph.length));
    at += paragraph.length;
  });
  // An item without text may still carry a credit.
  if (rest && raw.length === 0 && content.length > 0) out.push([...content]);
  return out;
}

function creditNodes(
  sources: readonly PreparedSource[],
  body: readonly SafeInline[],
  style: HouseStyle,
): SafeInline[] {
  if (style.creditStyle === 'none') return [];
  const linked = new Set(collectLinks(body).map(serialisedUrlKey));
  const missing = sources.filter((s) => !linked.has(serialisedUrlKey(s.url)));
  if (missing.length === 0) return [];
  const names: SafeInline[] = [];
  missing.forEach((source, index) => {
    if (index > 0) names.push({ type: 'text', text: ', ' });
    names.push({
      type: 'link',
      href: source.url,
      children: [{ type: 'text', text: source.label }],
    });
  });
  const lead = body.length > 0 ? ' ' : '';
  if (style.creditStyle === 'via') return [{ type: 'text', text: `${lead}— via ` }, ...names];
  return [{ type: 'text', text: `${lead}(` }, ...names, { type: 'text', text: ')' }];
}

/** What an item becomes, apart from its id and label: the same for every item with the same content. */
type PreparedContent = Omit<PreparedItem, 'id' | 'label'>;

/** One prepared version of a body: the settings and sources it was prepared with, and the result. */
interface PreparedVariant {
  frenchTypography: boolean;
  creditStyle: HouseStyle['creditStyle'];
  locale: HouseStyle['locale'];
  /** A copy of the item's sources, compared field by field. */
  sources: ExportSource[];
  content: PreparedContent;
}

/**
 * Prepared items by content (style, sources, text), shared by every export. The desk renders its
 * preview from the issue at each change, then copy, download and publish read the same items: an
 * item is sanitized and typeset once until its text, its sources or the style change, and an
 * edit prepares the edited item only. Prepared trees are never mutated (serialisers only read
 * them), which is what makes sharing them safe.
 *
 * Keyed by the body itself, so that a lookup hashes the item's own string (V8 keeps a string's
 * hash) instead of a new key joining style, sources and body, whose building and hashing cost
 * as much as typesetting a short item; the few versions of one body (other sources, another
 * style) are told apart by comparing their fields. Bounded: past the limit the least recently
 * used bodies go, and a body keeps its latest few versions.
 */
const preparedItems = new Map<string, PreparedVariant[]>();
const PREPARED_ITEMS_LIMIT = 1000;
const VARIANTS_PER_BODY = 4;

/** Empties the prepared-item cache (the bench measures a first export with it). */
export function forgetPreparedItems(): void {
  preparedItems.clear();
}

function sameSources(a: readonly ExportSource[], b: readonly ExportSource[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as ExportSource;
    const y = b[i] as ExportSource;
    if (x.url !== y.url || x.title !== y.title || x.siteName !== y.siteName) return false;
    if (x.lang !== y.lang) return false;
  }
  return true;
}

/**
 * A paragraph with the text marked in the export's own language as plain text: a quote's
 * language is said where it differs from the prose's (`<span lang="en">` in a French export);
 * a span saying what the document already says is noise.
 */
function withoutLanguage(nodes: SafeParagraph, locale: string): SafeParagraph {
  const own = primaryLanguage(locale);
  const same = (node: SafeInline) => node.type === 'lang' && primaryLanguage(node.lang) === own;
  const needless = (list: readonly SafeInline[]): boolean =>
    list.some((node) => same(node) || ('children' in node && needless(node.children)));
  if (!needless(nodes)) return nodes;
  const strip = (list: readonly SafeInline[]): SafeInline[] =>
    list.flatMap((node): SafeInline[] => {
      if (!('children' in node)) return [node];
      if (same(node)) return strip(node.children);
      return [{ ...node, children: strip(node.children) }];
    });
  return strip(nodes);
}

function prepareItemContent(item: ExportItem, style: HouseStyle): PreparedContent {
  // Only these two settings change an item's prepared content (opener and title are applied by
  // the serialisers and prepareIssue).
  const variants = preparedItems.get(item.bodyHtml);
  if (variants) {
    // Most recently used last, so that eviction takes the oldest.
    preparedItems.delete(item.bodyHtml);
    preparedItems.set(item.bodyHtml, variants);
    const found = variants.find(
      (variant) =>
        variant.frenchTypography === style.frenchTypography &&
        variant.creditStyle === style.creditStyle &&
        variant.locale === style.locale &&
        sameSources(variant.sources, item.sources),
    );
    if (found) return found.content;
  }
  const { paragraphs: raw, lists } = sanitizeBlocks(item.bodyHtml);
  const sources = prepareSources(item.sources);
  const body = joinParagraphs(raw);
  const credit = creditNodes(sources, body, style);
  // Typeset paragraph by paragraph (a list's entries are paragraphs too), the credit with the
  // last: quotes are paired within a paragraph, as in frenchTypographyText, so that a quote left
  // open in one (« rappelle ainsi "Après… ») is not closed by the next one's. The body's own
  // paragraphs (for data formats) are read back from the result, whose root keeps the same
  // nodes in the same places.
  // An item without text may still carry a credit: then it is the one paragraph.
  const parts =
    raw.length > 0
      ? raw.map((paragraph, index) =>
          index === raw.length - 1 ? [...paragraph, ...credit] : paragraph,
        )
      : [credit];
  const kept = style.frenchTypography ? foreignNames(sources) : [];
  const content = joinParagraphs(
    style.frenchTypography ? parts.map((part) => frenchTypographyInline(part, kept)) : parts,
  );
  const own = (paragraph: SafeParagraph) => withoutLanguage(paragraph, style.locale);
  const prepared: PreparedContent = {
    paragraphs: splitParagraphs(content, raw).map(own),
    blocks: splitParagraphs(content, raw, true).map(own),
    lists,
    sources,
  };
  const variant: PreparedVariant = {
    frenchTypography: style.frenchTypography,
    creditStyle: style.creditStyle,
    locale: style.locale,
    sources: item.sources.map(({ url, title, siteName, lang }) => ({
      url,
      title,
      siteName,
      lang,
    })),
    content: prepared,
  };
  if (variants) {
    variants.push(variant);
    if (variants.length > VARIANTS_PER_BODY) variants.shift();
  } else {
    preparedItems.set(item.bodyHtml, [variant]);
    if (preparedItems.size > PREPARED_ITEMS_LIMIT) {
      const oldest = preparedItems.keys().next().value;
      if (oldest !== undefined) preparedItems.delete(oldest);
    }
  }
  return prepared;
}

/** Spaces an editor may leave after a typed opener, the typeset no-break ones included. */
const LEADING_SPACE = /^[\s\u00a0\u202f]+/;

/**
 * The nodes of a paragraph without what `cut` removes from the start of its text, reached
 * through the formatting around it (`<strong>--></strong> Le…`); a node left empty goes. `cut`
 * returns the rest of the first text, or undefined when that text does not start as it wants.
 */
function cutStart(
  nodes: readonly SafeInline[],
  cut: (text: string) => string | undefined,
): SafeInline[] | undefined {
  const [first, ...rest] = nodes;
  if (!first) return undefined;
  if (first.type === 'text') {
    const left = cut(first.text);
    if (left === undefined) return undefined;
    return left ? [{ ...first, text: left }, ...rest] : rest;
  }
  if (!('children' in first)) return undefined;
  const children = cutStart(first.children, cut);
  if (!children) return undefined;
  return children.length > 0 ? [{ ...first, children }, ...rest] : rest;
}

/** A paragraph without its leading spaces, across the nodes they span. */
function trimStart(paragraph: SafeParagraph): SafeParagraph {
  let out = paragraph;
  for (;;) {
    const next = cutStart(out, (text) =>
      LEADING_SPACE.test(text) ? text.replace(LEADING_SPACE, '') : undefined,
    );
    if (!next) return out;
    out = next;
  }
}

/** Each prepared content without its typed opener, by marker: the same object at every export. */
const withoutOpener = new WeakMap<PreparedContent, { marker: string; content: PreparedContent }>();

/**
 * An item whose text starts with the house opener typed by hand (`--> Le 10 mars…`, as editors
 * wrote items before, or pasted from an old column) without it: every serialiser writes the
 * opener before the first paragraph, and a second one would be published as « --> --> Le… ».
 * A paragraph that held the opener alone goes, unless it is a list's entry. A new object, kept
 * for the next export (its parts are cached by identity): prepared items are never mutated.
 */
function withoutTypedOpener(content: PreparedContent, marker: string): PreparedContent {
  const known = withoutOpener.get(content);
  if (known?.marker === marker) return known.content;
  const cut = (text: string) =>
    startsWithOpener(text, marker) ? text.slice(marker.length) : undefined;
  const first = content.blocks[0] && cutStart(trimStart(content.blocks[0]), cut);
  let result = content;
  if (first) {
    const block = trimStart(first);
    const own = content.paragraphs[0] ?? [];
    const paragraph = trimStart(cutStart(trimStart(own), cut) ?? own);
    const inList = content.lists[0]?.start === 0;
    // The opener alone: its paragraph goes, and an item that was nothing else goes with it
    // (as an empty one: a bare « --> » published says nothing).
    if (block.length === 0 && !inList) {
      result = {
        ...content,
        blocks: content.blocks.slice(1),
        paragraphs: content.paragraphs.slice(1),
        lists: content.lists.map((list) => ({ ...list, start: list.start - 1, end: list.end - 1 })),
      };
    } else {
      result = {
        ...content,
        blocks: [block, ...content.blocks.slice(1)],
        paragraphs: [paragraph, ...content.paragraphs.slice(1)],
      };
    }
  }
  withoutOpener.set(content, { marker, content: result });
  return result;
}

/**
 * Sanitizes the issue and applies the house style. Pure: same input, same output.
 * @param issue the untrusted model.
 * @param style the house style to apply.
 */
export function prepareIssue(issue: ExportIssue, style: HouseStyle): PreparedIssue {
  const typeset = (nodes: SafeInline[]): SafeInline[] =>
    style.frenchTypography ? frenchTypographyInline(nodes) : nodes;

  const plainTitle = issueTitle(issue, style);
  const title = style.frenchTypography ? frenchTypographyText(plainTitle) : plainTitle;

  // The chapô is plain text, as its field is typed (see model.ts), the house style's default
  // too: what it says between « < » and « > » or after « & » is words, never markup; its lines
  // are kept as line breaks.
  const intro = plainTextToInline(issue.intro?.trim() ? issue.intro : (style.intro ?? ''));
  const introParagraphs = intro.length > 0 ? [typeset(intro)] : [];
  const outroNodes = style.outro ? plainTextToInline(style.outro) : [];

  const marker = style.itemOpener.trim();
  const items = issue.items.map((item): PreparedItem => {
    const content = prepareItemContent(item, style);
    return {
      id: item.id,
      // The label goes out as the title does (in the JSON export): typeset as its text is.
      ...(item.label
        ? { label: labelAsExported(item.label, style, content.sources, item.bodyHtml) }
        : {}),
      ...(marker ? withoutTypedOpener(content, marker) : content),
    };
  });

  return {
    title,
    plainTitle,
    date: issue.date,
    introParagraphs,
    outro: outroNodes.length > 0 ? typeset(outroNodes) : null,
    items,
    style,
  };
}
