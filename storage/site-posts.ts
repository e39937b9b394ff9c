import { definedOnUse } from './defined-on-use';
import { storage } from 'wxt/utils/storage';

/** One of the site's published posts, kept for the link form (« Articles du site »). */
export interface SitePost {
  /** The post's id in WordPress. */
  id: number;
  /** Its public address (permalink): what a picked post links to. */
  link: string;
  /** Its title as readers see it (plain text, French typography kept, may be empty). */
  title: string;
  /** Its publication date, site time (`2026-11-30T08:15:00`), as WordPress gives it. */
  date: string;
}

/**
 * The last list of the site's recent posts the background received. The link form shows it at
 * once (and offline), marked with its date, while the background asks for a fresh one.
 */
export interface SitePostsCache {
  /** The site it came from (the WordPress settings' normalised address): another site's list is not shown. */
  siteUrl: string;
  /** When WordPress sent it (ISO 8601). */
  fetchedAt: string;
  /** The latest published posts, latest first (20 at most). */
  posts: SitePost[];
}

/**
 * Local to this browser: a cache, rebuilt from WordPress at any time; never in a backup.
 * Version 1: {@link SitePostsCache} as above; no change of shape yet. A shape change appends a
 * version and its migration, tested in tests/unit/storage/settings.test.ts (see settings.ts).
 */
export const sitePostsItem = definedOnUse(() =>
  storage.defineItem<SitePostsCache | null>('local:sitePosts', {
    fallback: null,
    version: 1,
    migrations: {},
  }),
);
