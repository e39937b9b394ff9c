import type { JsonLdArticle } from './jsonld';

/** Metadata fields that a clip records, each with where its value came from. */
export const METADATA_FIELDS = [
  'url',
  'title',
  'siteName',
  'byline',
  'publishedAt',
  'lang',
  'excerpt',
  'imageUrl',
] as const;

export type MetadataField = (typeof METADATA_FIELDS)[number];

/** The metadata fields other than the URL, which identifies the page rather than describes it. */
export const DESCRIPTIVE_FIELDS = METADATA_FIELDS.filter(
  (field): field is Exclude<MetadataField, 'url'> => field !== 'url',
);

/**
 * Where a metadata value was found, so that an editor can tell a declared fact from a guess:
 * e.g. `og:title`, `twitter:title`, `json-ld`, `<title>`, `<h1>`, `link[rel=canonical]`,
 * `meta[name=author]`, `html[lang]`, `tab` (the browser tab, when no script could run),
 * `hostname` (derived from the URL).
 */
export type Provenance = Partial<Record<MetadataField, string>>;

/** What the capture script reads off a page. Pure data: it crosses the messaging boundary. */
export interface PageMetadata {
  /**
   * Canonical URL when the page declares one. The page sends it as found; the background removes
   * tracking parameters before anything is stored.
   */
  url: string;
  /** Title without the " | Site" suffix. */
  title: string;
  siteName?: string;
  byline?: string;
  /** ISO 8601. */
  publishedAt?: string;
  /** BCP 47 language tag, e.g. `fr` or `en-US`. */
  lang?: string;
  /** The page's own description. */
  excerpt?: string;
  /** Absolute URL of the page's lead image. */
  imageUrl?: string;
  provenance: Provenance;
}

/** The elements a passage may hold: paragraphs, emphasis, links, lists, quotes, line breaks. */
export const PASSAGE_TAGS = [
  'p',
  'br',
  'a',
  'strong',
  'b',
  'em',
  'i',
  'blockquote',
  'q',
  'cite',
  'ul',
  'ol',
  'li',
  'code',
  'sub',
  'sup',
] as const;

export type PassageTag = (typeof PASSAGE_TAGS)[number];

/** An element of a passage. Links (`a`) carry an absolute http(s) `href`; nothing else has one. */
export interface PassageElement {
  /** An allowed tag, or `span` for words the page marked with a language and nothing else. */
  tag: PassageTag | 'span';
  href?: string;
  /**
   * The language the page marked the element with (its `lang`: English words quoted in a French
   * page), as the page wrote it. The background keeps it when it is a valid tag and another
   * language than the text around it, so that French typography leaves those words as written.
   */
  lang?: string;
  children: PassageNode[];
}

/**
 * One node of a selected passage: a text (whitespace already collapsed) or an allowed element.
 * The page sends this tree, never HTML: the extension writes the HTML itself, escaping every
 * text, so there is nothing for a page to smuggle through.
 */
export type PassageNode = string | PassageElement;

/**
 * A selected passage as the page reads it: the tree of allowed nodes, whitespace collapsed but
 * not yet tidied (services/passage.ts tidies it and writes its text and HTML).
 */
export interface CapturedPassage {
  nodes: PassageNode[];
  /**
   * What the browser says is selected (`Selection.toString()`), to check the tree's text
   * against: an element hidden with CSS is in the tree but not in this text.
   */
  shown?: string;
  /** True when the passage was longer than a quote may be and was cut (ends with `[…]`). */
  truncated?: boolean;
}

/** A selected passage as the extension stores it: plain text, and HTML written from the tree. */
export interface SelectedPassage {
  text: string;
  html: string;
  /** True when the page's passage was cut to the longest quote a clip keeps. */
  truncated?: boolean;
}

/**
 * What the capture script reads of a page for its metadata (capture/page.ts), every value cleaned
 * and within the limit of the field it can become; the background makes the metadata of it
 * (`interpretPage` in capture/metadata.ts).
 */
export interface PageData {
  /** The address the page was loaded from. */
  url: string;
  /** The address relative links are resolved against (`<base href>` honoured). */
  base: string;
  /** `<title>`. */
  title?: string;
  /** `<html lang>` (or `xml:lang`), as written. */
  lang?: string;
  /** The first canonical link's `href`, as written. */
  canonical?: string;
  /**
   * The value of the page's `#SHARE_LONGLINK`: on an archive.today copy, the long address of the
   * copy given to share, the original's written in it (`archive.ph/2024.03.15-083012/https://…`).
   */
  longLink?: string;
  /** Meta tags by key (`og:title`, `author`, `itemprop:headline`…), in document order. */
  meta: Record<string, { value: string; source: string }[]>;
  /** The page's article-like JSON-LD object, when it has one. */
  jsonLd?: JsonLdArticle;
  /** Texts of the first `<h1>`s. */
  headings: string[];
  /**
   * Bylines in the page's markup: the selector's label and the text, one name a line when the
   * byline marks up several authors alike (capture/page.ts).
   */
  bylines: [string, string][];
  /** Dates in the page's markup: the provenance and the text or attribute. */
  dates: [string, string][];
}

/** What the injected capture script returns to the background. */
export interface PageCapture {
  /** What the page declares about itself; the background makes the metadata of it. */
  page: PageData;
  /** The user's selection, when there is one, as a tree of allowed nodes. */
  selection?: CapturedPassage;
  /**
   * The document's MIME type when it is not HTML (a PDF shown by the browser's viewer, an
   * image, plain text): such a page has no metadata for the script to read.
   */
  contentType?: string;
}

/** A capture once the extension has written the selection's HTML: what a draft is made from. */
export interface CaptureResult {
  metadata: PageMetadata;
  /** The user's selection, when there is one. */
  selection?: SelectedPassage;
  /**
   * The document's MIME type when it is not HTML (a PDF shown by the browser's viewer, an
   * image, plain text): such a page has no metadata for the script to read.
   */
  contentType?: string;
}

/**
 * Why a page could not be read by the capture script (the background finds it out, from the
 * tab's URL or the failed injection; the flow starts here, so the type is declared here). Translated in the UI
 * (`locales/*`, keys `limit.*`). Also the values the stored `captureNote` may take.
 */
export const CAPTURE_LIMITS = [
  'browser-page',
  'web-store',
  'pdf',
  'view-source',
  'file',
  'script-failed',
] as const;

/** One of {@link CAPTURE_LIMITS}. */
export type CaptureLimit = (typeof CAPTURE_LIMITS)[number];
