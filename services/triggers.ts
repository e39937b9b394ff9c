import { browser, type Browser } from 'wxt/browser';
import { setLocaleChoice, t } from '../locales';
import { uiLocale } from '../storage/settings';
import { clipTab } from './clipper';
import { notifyInTab } from './notify';

export const MENU_CLIP_PAGE = 'indiscrets-clip-page';
export const MENU_CLIP_LINK = 'indiscrets-clip-link';
export const COMMAND_CLIP = 'clip-page';

/** Creates the context menu items (on install and on update: menus persist in between). */
export async function createMenus(): Promise<void> {
  // In the language chosen in the options, which the install event may precede.
  setLocaleChoice(await uiLocale.getValue().catch(() => 'auto' as const));
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_CLIP_PAGE,
    title: t('menu.clipPage'),
    contexts: ['page', 'selection'],
  });
  browser.contextMenus.create({
    id: MENU_CLIP_LINK,
    title: t('menu.clipLink'),
    contexts: ['link'],
  });
}

/** "Clip to Indiscrets" and "Clip link" from the context menu. */
export async function onMenuClicked(
  info: Browser.contextMenus.OnClickData,
  tab?: Browser.tabs.Tab,
): Promise<void> {
  if (tab?.id === undefined || tab.id < 0) return;
  const isLink = info.menuItemId === MENU_CLIP_LINK;
  if (!isLink && info.menuItemId !== MENU_CLIP_PAGE) return;
  const outcome = await clipTab({
    tabId: tab.id,
    ...(info.selectionText ? { selectionText: info.selectionText } : {}),
    ...(isLink && info.linkUrl ? { linkUrl: info.linkUrl } : {}),
  });
  await notifyInTab(tab.id, outcome);
}

/** The keyboard command (Alt+Shift+K by default) clips the active tab. */
export async function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (command !== COMMAND_CLIP) return;
  const target =
    tab?.id !== undefined
      ? tab
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (target?.id === undefined) return;
  const outcome = await clipTab({ tabId: target.id });
  await notifyInTab(target.id, outcome);
}

/** Wires every trigger. */
export function registerTriggers(): void {
  browser.runtime.onInstalled.addListener(() => void createMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
}
