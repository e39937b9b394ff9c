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
  /** Canonical URL when the page declares one, tracking parameters removed. */
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

/** A selected passage: plain text, and HTML sanitised to a small allow-list with absolute links. */
export interface SelectedPassage {
  text: string;
  html: string;
}

/** What the injected capture script returns to the background. */
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
