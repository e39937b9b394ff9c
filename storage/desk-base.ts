import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { definedOnUse } from './defined-on-use';

/**
 * The REST root the shared desk found for a site whose `?rest_route=` is blocked (a hardening
 * plugin's or the server's rule answering it with a page), and for which account: where the desk
 * asks instead (wordpress/desk-client.ts, `deskBase`).
 */
export interface KeptDeskBase {
  /** The site's address as the settings name it: another site's never uses it. */
  siteUrl: string;
  /** The settings' username: another account's never uses it. */
  username: string;
  /** The site's REST root (`https://…/wp-json/`), proven its WordPress's (`deskBase`). */
  base: string;
  /** Only writes are refused at `?rest_route=`, reads answer there: only writes go to `base`. */
  writesOnly?: boolean;
}

/** Where a {@link KeptDeskBase} outlives the background's memory ({@link deskBaseKeeper}). */
export interface DeskBaseKeeper {
  get(): Promise<KeptDeskBase | null>;
  set(kept: KeptDeskBase | null): Promise<void>;
}

/**
 * The root kept in `storage.session` for the background's next life: Chromium's service worker
 * sleeps after 30 s idle and forgot it, each wake looking it up again (about three requests
 * without the password before the first answer). `storage.session` stays in memory, out of
 * content scripts' reach, and is cleared when the browser quits or the extension reloads. Where
 * it is missing (Firefox before 115), the root lives as long as the background, as before. One
 * root, of one account and site: the desk forgets it on leaving, and a root of another account
 * or site is forgotten when read.
 */
const item = definedOnUse(() =>
  storage.defineItem<KeptDeskBase | null>('session:deskBase', {
    fallback: null,
    // Version 1: the root as written here (cleared with the extension's reload at each update).
    version: 1,
    migrations: {},
  }),
);

const kept = (): boolean => !!browser.storage?.session;

export const deskBaseKeeper: DeskBaseKeeper = {
  get: async () => (kept() ? item.getValue() : null),
  set: async (value) => {
    if (!kept()) return;
    if (value) await item.setValue(value);
    else await item.removeValue();
  },
};
