import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CLIP_KEYS, COMMAND_CLIP } from '../lib/commands';
import { getLocale, t } from '../locales/core';

/**
 * The keys the clip command is on, as the browser has it: the manifest's (`CLIP_KEYS`), or what the
 * editor chose in the browser's page of extension shortcuts, or none (`''`: taken by another
 * extension first, or removed). `undefined` until the browser has answered, and where it cannot
 * tell (no `commands` API).
 */
function useClipShortcut(): string | undefined {
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    let live = true;
    const commands = (browser as { commands?: typeof browser.commands }).commands;
    commands
      ?.getAll()
      .then((all) => {
        if (live) setShortcut(all.find((command) => command.name === COMMAND_CLIP)?.shortcut ?? '');
      })
      .catch((error: unknown) => console.error('Indiscrets shortcut', error));
    return () => {
      live = false;
    };
  }, []);
  return shortcut;
}

/** Keys as a French keyboard names them (Maj for Shift); as the browser wrote them otherwise. */
function keysNamed(shortcut: string, locale = getLocale()): string {
  return locale === 'fr' ? shortcut.replace(/\bShift\b/g, 'Maj') : shortcut;
}

/**
 * How to clip a page, said on the desk (in its own tab, where « Couper cette page » would clip
 * the desk): the keyboard shortcut named as the browser has it, or none set.
 */
export function ClipHint() {
  const shortcut = useClipShortcut();
  return (
    <p class="muted" data-testid="clip-hint">
      {shortcut === ''
        ? t('desk.clipHintNoKeys')
        : t('desk.clipHint', { keys: keysNamed(shortcut ?? CLIP_KEYS) })}
    </p>
  );
}
