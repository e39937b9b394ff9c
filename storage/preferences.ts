import { storage } from 'wxt/utils/storage';
import { createHouseStyle, DEFAULT_HOUSE_STYLE, type HouseStyle } from './house-style';
import type { WORDPRESS_POST_STATUSES } from './record-values';

/**
 * The house style of exports, set in the options page. Synced across the editor's browsers;
 * fields an older version did not store are completed on read by {@link getHouseStyle}.
 */
export const houseStyleItem = storage.defineItem<Partial<HouseStyle>>('sync:houseStyle', {
  fallback: DEFAULT_HOUSE_STYLE,
});

export async function getHouseStyle(): Promise<HouseStyle> {
  return createHouseStyle(await houseStyleItem.getValue());
}

/** Where and how issues are published. The application password is kept apart, below. */
export interface WordPressPreferences {
  /** Address of the site, normalised (`https://monsite.fr`, no trailing slash). */
  siteUrl: string;
  /** WordPress user name of the application password. */
  username: string;
  /** Category of published issues (created when missing). */
  category: string;
  /** Status of created posts. */
  status: (typeof WORDPRESS_POST_STATUSES)[number];
}

export const DEFAULT_WORDPRESS: WordPressPreferences = {
  siteUrl: '',
  username: '',
  category: 'Indiscrets',
  status: 'draft',
};

/** WordPress settings; local to this browser, like the password. */
export const wordpressItem = storage.defineItem<WordPressPreferences>('local:wordpress', {
  fallback: DEFAULT_WORDPRESS,
});

/**
 * The WordPress application password. Only ever in `storage.local`: never synced, never in a
 * backup or an export, never in a log or an error message.
 */
export const wordpressPasswordItem = storage.defineItem<string>('local:wordpressPassword', {
  fallback: '',
});

/** The settings the WordPress client needs, or `undefined` while they are incomplete. */
export async function getWordPressSettings() {
  const [prefs, appPassword] = await Promise.all([
    wordpressItem.getValue(),
    wordpressPasswordItem.getValue(),
  ]);
  const merged = { ...DEFAULT_WORDPRESS, ...prefs };
  if (!merged.siteUrl || !merged.username || !appPassword) return undefined;
  return { ...merged, appPassword };
}

/** The match pattern of the site's origin, for `permissions.request` (ports are not part of it). */
export function originPattern(siteUrl: string): string {
  const url = new URL(siteUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
