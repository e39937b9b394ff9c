import Dexie, { type EntityTable } from 'dexie';
import type { Provenance } from '../capture/types';
import type { CaptureLimit } from '../services/limits';

/** A passage the editor selected on the page when clipping it. */
export interface Quote {
  /** The passage as plain text, whitespace normalised. */
  text: string;
  /** The passage as HTML sanitised to a small allow-list, links absolute. Empty when unknown. */
  html: string;
  /** When it was clipped (ISO 8601). */
  clippedAt: string;
}

/**
 * A draft: one clipped page, later written into an item of an issue.
 * Field names are a contract: the backup format and the tests rely on them.
 */
export interface Clip {
  /** Random UUID; stable across backups. */
  id: string;
  /** Canonical URL of the page, tracking parameters removed. One draft per URL. */
  url: string;
  /** Page title without the site suffix. */
  title: string;
  /** Name of the publication (og:site_name, JSON-LD publisher, else the host name). */
  siteName?: string;
  /** Author(s) as declared by the page. */
  byline?: string;
  /** Publication date of the page (ISO 8601). */
  publishedAt?: string;
  /** Language of the page (BCP 47). */
  lang?: string;
  /** The page's own description. */
  excerpt?: string;
  /** Lead image of the page (absolute URL). */
  imageUrl?: string;
  /** Selected passages, oldest first. */
  quotes: Quote[];
  /** For each metadata field, where its value came from (`og:title`, `json-ld`, `<title>`…). */
  provenance: Provenance;
  /**
   * Why some metadata is missing, when the page could not be read (a page that forbids
   * scripts, such as chrome:// or the web store). Absent for a normal clip.
   */
  captureNote?: CaptureLimit;
  /** When the draft was created (ISO 8601). */
  createdAt: string;
  /** When the draft last changed (ISO 8601). */
  updatedAt: string;
}

/** The extension's one IndexedDB database. Schema versions are only ever appended. */
export class IndiscretsDB extends Dexie {
  clips!: EntityTable<Clip, 'id'>;

  constructor(name = 'indiscrets') {
    super(name);
    // Version 1: drafts, looked up by URL (to merge re-clips) and listed newest first.
    this.version(1).stores({
      clips: 'id, url, createdAt, updatedAt',
    });
  }
}

/** The singleton every context uses. Tests may create their own with another name. */
export const db = new IndiscretsDB();
