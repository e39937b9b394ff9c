/**
 * The editor's Ctrl shortcuts as the keyboard in front of them names them. The editor takes
 * Ctrl or ⌘ alike (RichText's keydown: `ctrlKey || metaKey`), and a Mac's editors press ⌘ for
 * bold and links, as in every Mac application: its hints say ⌘B there, Ctrl+B elsewhere.
 */

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
