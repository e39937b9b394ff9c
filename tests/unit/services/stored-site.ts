import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { wordpressItem, wordpressPasswordItem } from '../../../storage/preferences';
import { PASSWORD } from '../wordpress/fake-site';

/**
 * The WordPress site the background's services find in the options, for their unit tests: its
 * address, its application password, the options stored as the options page stores them, and the
 * browser's permission for it.
 */
export { PASSWORD };
export const SITE = 'https://monsite.fr';

/** Stores the options' WordPress settings for {@link SITE} as `username`, and its password. */
export async function storeSite(username = 'redac'): Promise<void> {
  await wordpressItem.setValue({
    siteUrl: SITE,
    username,
    category: 'Indiscrets',
    status: 'draft',
  });
  await wordpressPasswordItem.setValue(PASSWORD);
}

/** fakeBrowser does not implement permissions: answers as Chrome would, the site `allowed` or not. */
export function allowSite(allowed = true) {
  return vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(allowed as never);
}
