import { browser } from 'wxt/browser';
import { settingsFocus, type SettingsField, type SettingsFocus } from '../storage/settings';

/**
 * Opens the options page at its WordPress settings, the field to fix focused (`field`, the one
 * the failure is about; else the first empty one of the address, the user and the password,
 * else the password): the fix of a refused
 * password, or of settings missing, is one click away and on screen, not two screens below the
 * language and the house style. An options page already open comes forward and moves there too.
 */
export function openWordPressSettings(field?: SettingsField): Promise<void> {
  return openSettingsAt({ section: 'wordpress', at: Date.now(), ...(field ? { field } : {}) });
}

/**
 * Opens the options page at its « Clavier » section, the single-key shortcuts' box focused and
 * on screen: the desk's list of keys says they are turned on or off there, and its « Réglages »
 * leads to that box, not to the page's top (the language) to look for it. An options page
 * already open comes forward and moves there too.
 */
export function openKeyboardSettings(): Promise<void> {
  return openSettingsAt({ section: 'keyboard', at: Date.now() });
}

async function openSettingsAt(focus: SettingsFocus): Promise<void> {
  // Asked first: a page opening reads it as it draws, one open already hears it change.
  await settingsFocus.setValue(focus).catch(() => undefined);
  await browser.runtime.openOptionsPage();
}

/** The field a failure of publishing or of the shared desk is about, if it is one field's. */
export function fieldToFix(code: string): SettingsField | undefined {
  const address = [
    'bad_url',
    'insecure_url',
    'not_wordpress',
    'no_permission',
    'rest_disabled',
    'site_moved',
  ];
  if (address.includes(code)) return 'siteUrl';
  // Answered as to an anonymous visitor: the password is the first thing to check there too.
  if (code === 'wrong_credentials' || code === 'credentials_unseen') return 'password';
  // Another account than the desk's: the name is what changed.
  if (code === 'account_changed') return 'username';
  return undefined;
}
