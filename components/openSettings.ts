import { browser } from 'wxt/browser';
import { settingsFocus } from '../storage/settings';

/**
 * Opens the options page at its WordPress settings, the field to fix focused (the first empty
 * one of the address, the user and the password, else the password): the fix of a refused
 * password, or of settings missing, is one click away and on screen, not two screens below the
 * language and the house style. An options page already open comes forward and moves there too.
 */
export async function openWordPressSettings(): Promise<void> {
  // Asked first: a page opening reads it as it draws, one open already hears it change.
  await settingsFocus.setValue({ section: 'wordpress', at: Date.now() }).catch(() => undefined);
  await browser.runtime.openOptionsPage();
}
