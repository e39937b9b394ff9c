/**
 * The editor's Ctrl shortcuts as the keyboard in front of them names them. The editor takes
 * Ctrl or ⌘ alike (RichText's keydown: `ctrlKey || metaKey`), and a Mac's editors press ⌘ for
 * bold and links, as in every Mac application: its hints say ⌘B there, Ctrl+B elsewhere.
 */

import { t } from '../locales';
import type { ListKind } from './richtext';

/** What the shortcuts read of the browser: its platform, new (`userAgentData`) or old. */
export interface PlatformNavigator {
  platform?: string;
  userAgentData?: { platform?: string };
}

/** Whether this keyboard has ⌘ for what Ctrl does elsewhere (macOS, iPadOS). */
export function hasCommandKey(
  navigator: PlatformNavigator | undefined = globalThis.navigator,
): boolean {
  const platform = navigator?.userAgentData?.platform || navigator?.platform || '';
  return /^(mac|iphone|ipad)/i.test(platform);
}

/** A Ctrl shortcut with `letter`, as the keyboard names it: « ⌘B » on a Mac, « Ctrl+B » else. */
export function ctrlShortcut(letter: string, command = hasCommandKey()): string {
  return command ? `⌘${letter}` : `Ctrl+${letter}`;
}

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
