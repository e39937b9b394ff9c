/**
 * The editor's Ctrl shortcuts as the keyboard in front of them names them. The editor takes
 * Ctrl or ⌘ alike (RichText's keydown: `ctrlKey || metaKey`), and a Mac's editors press ⌘ for
 * bold and links, as in every Mac application: its hints say ⌘B there, Ctrl+B elsewhere.
 */

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
