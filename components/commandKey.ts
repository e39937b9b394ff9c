/**
 * Whether the keyboard names its shortcuts with ⌘ or Ctrl: apart from ./shortcuts, which needs
 * every page's words, so that the undo bar (drawn before the popup's first paint) can name its
 * key without them.
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
