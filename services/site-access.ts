import { browser } from 'wxt/browser';
import { getWordPressSettings, originPattern } from '../storage/preferences';

type Settings = NonNullable<Awaited<ReturnType<typeof getWordPressSettings>>>;

/** Why the background may not talk to the configured WordPress site now. */
export type SiteAccessCode = 'not_configured' | 'offline' | 'bad_url' | 'no_permission';

/** The configured site and its settings, or why it cannot be reached from here. */
export type SiteAccess = { ok: true; settings: Settings } | { ok: false; code: SiteAccessCode };

/**
 * What every request to the newsroom's WordPress checks first, in this order: the site is
 * configured, the browser is online (when `isOnline` is given: publishing lets the request say
 * so itself), its address gives an origin, and that origin's permission was granted.
 */
export async function siteAccess(isOnline?: () => boolean): Promise<SiteAccess> {
  const settings = await getWordPressSettings();
  if (!settings) return { ok: false, code: 'not_configured' };
  if (isOnline && !isOnline()) return { ok: false, code: 'offline' };
  let pattern: string;
  try {
    pattern = originPattern(settings.siteUrl);
  } catch {
    return { ok: false, code: 'bad_url' };
  }
  const allowed = await Promise.resolve()
    .then(() => browser.permissions.contains({ origins: [pattern] }))
    .catch(() => false);
  return allowed ? { ok: true, settings } : { ok: false, code: 'no_permission' };
}
