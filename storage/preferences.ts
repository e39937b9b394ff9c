import { definedOnUse } from './defined-on-use';
import { storage } from 'wxt/utils/storage';
import { createHouseStyle, DEFAULT_HOUSE_STYLE, type HouseStyle } from './house-style';
import type { WORDPRESS_POST_STATUSES } from './record-values';

/**
 * Version 2: the stored style is complete (version 1 could hold only the fields the editor had
 * changed): the missing fields take their defaults, French typography following the language.
 */
export const HOUSE_STYLE_MIGRATIONS = {
  // Version 1 knew one default title pattern, the French one, whatever the export language: a
  // style that held none, or that one, had the default, now its export language's (see
  // createHouseStyle).
  2: (old: Partial<HouseStyle> | null): HouseStyle =>
    createHouseStyle(old && typeof old === 'object' ? old : {}),
};

/**
 * The house style of exports, set in the options page. Synced across the editor's browsers;
 * {@link getHouseStyle} still completes on read what a browser with an older extension may have
 * synced since. Versions: see storage/settings.ts.
 */
export const houseStyleItem = definedOnUse(() =>
  storage.defineItem<Partial<HouseStyle>>('sync:houseStyle', {
    fallback: DEFAULT_HOUSE_STYLE,
    version: 2,
    migrations: HOUSE_STYLE_MIGRATIONS,
  }),
);

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

/**
 * Version 2: exactly the fields of {@link WordPressPreferences}: missing ones take their
 * defaults, anything else stored beside them is dropped (a backup of the settings copies this
 * object: nothing unknown rides along).
 */
export const WORDPRESS_MIGRATIONS = {
  2: (old: Partial<WordPressPreferences> | null): WordPressPreferences => {
    const value: Partial<WordPressPreferences> = old && typeof old === 'object' ? old : {};
    return {
      siteUrl: typeof value.siteUrl === 'string' ? value.siteUrl : DEFAULT_WORDPRESS.siteUrl,
      username: typeof value.username === 'string' ? value.username : DEFAULT_WORDPRESS.username,
      category: typeof value.category === 'string' ? value.category : DEFAULT_WORDPRESS.category,
      status: value.status === 'pending' ? 'pending' : 'draft',
    };
  },
};

/** WordPress settings; local to this browser, like the password. Versions: see settings.ts. */
export const wordpressItem = definedOnUse(() =>
  storage.defineItem<WordPressPreferences>('local:wordpress', {
    fallback: DEFAULT_WORDPRESS,
    version: 2,
    migrations: WORDPRESS_MIGRATIONS,
  }),
);

/**
 * The WordPress application password. Only ever in `storage.local`: never synced, never in a
 * backup or an export, never in a log or an error message.
 */
export const wordpressPasswordItem = definedOnUse(() =>
  storage.defineItem<string>('local:wordpressPassword', {
    fallback: '',
    // Version 1: the password as typed; no change of shape yet (versions: see settings.ts).
    version: 1,
    migrations: {},
  }),
);

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

/**
 * {@link originPattern} of an address that may be none (settings never saved) or no address at
 * all (a backup's, an older version's): '' then, where originPattern throws.
 */
export function originOf(siteUrl: string): string {
  try {
    return siteUrl ? originPattern(siteUrl) : '';
  } catch {
    return '';
  }
}
