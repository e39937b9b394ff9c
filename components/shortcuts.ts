/**
 * The editor's Ctrl shortcuts as the keyboard in front of them names them. The editor takes
 * Ctrl or ⌘ alike (RichText's keydown: `ctrlKey || metaKey`), and a Mac's editors press ⌘ for
 * bold and links, as in every Mac application: its hints say ⌘B there, Ctrl+B elsewhere.
 */

import { localFlag } from '../lib/local-flag';
import { t } from '../locales';
import type { ListKind } from './richtext';

export { ctrlShortcut, hasCommandKey, type PlatformNavigator } from './commandKey';
import { ctrlShortcut, hasCommandKey } from './commandKey';

/**
 * The list buttons' shortcuts, as Google Docs has them: Ctrl+Maj+8 bulleted, Ctrl+Maj+7
 * numbered (free in Chromium and Firefox; read from the key's place, `Digit8`, which gives « 8 »
 * under Maj on a French keyboard and « * » on an English one). « ⌘⇧8 » on a Mac.
 */
export const LIST_KEYS: Record<ListKind, string> = { ul: '8', ol: '7' };

/** A list button's shortcut as the keyboard names it (see {@link LIST_KEYS}). */
export function listShortcut(kind: ListKind, command = hasCommandKey()): string {
  const digit = LIST_KEYS[kind];
  return command ? `⌘⇧${digit}` : ctrlShortcut(`${t('editor.shiftKey')}+${digit}`, false);
}

/**
 * The desk's keys of one character, as the desk's help and the options name them: each acts when
 * pressed alone outside a field, and all can be turned off together (`characterKeys`).
 */
export const SINGLE_KEYS = ['?', 'i', 'n', '/', '1', '2', '3', '4'] as const;

/**
 * The desk's keys of one character as the last desk read their setting (`characterKeys`,
 * storage/settings.ts), kept in this browser's localStorage: the desk's first screen, painted
 * before browser storage can be asked, names « ? » on its button only when it will act, and the
 * desk ignores them from its first key when they are off. On when never read (without
 * localStorage, the first screen names « ? » until the setting is read: no key acts).
 */
const characterKeysRead = localFlag('indiscrets:desk-character-keys', true);
export const rememberedCharacterKeys = characterKeysRead.read;
export const rememberCharacterKeys = characterKeysRead.write;
