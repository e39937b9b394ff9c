import { browser, type Browser } from 'wxt/browser';
import { setLocaleChoice, t } from '../locales';
import { seenTab, type SeenTab } from '../messaging/protocol';
import { COMMAND_CLIP } from '../lib/commands';
import { uiLocale } from '../storage/settings';
import { clipTab, type LinkTarget } from './clipper';
import { notifyInTab } from './notify';

export const MENU_CLIP_PAGE = 'indiscrets-clip-page';
export const MENU_CLIP_LINK = 'indiscrets-clip-link';

/** The menus being made, if any: calls run one after the other (see createMenus). */
let making: Promise<void> = Promise.resolve();

/**
 * Makes the context menu items afresh: removes every item, then creates ours. Calls are queued,
 * so that two starts close together (install, then the language setting being read) never
 * create the same id twice, which the browser refuses.
 */
export function createMenus(): Promise<void> {
  const run = making.then(makeMenus, makeMenus);
  making = run.catch(() => undefined);
  return run;
}

async function makeMenus(): Promise<void> {
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
    // A link to a page: not a `javascript:` button or a `mailto:` address.
    targetUrlPatterns: ['http://*/*', 'https://*/*'],
  });
}

/** The tab's address and title as the event gave them, when it did: clipTab need not ask. */
function knownTab(tab: Browser.tabs.Tab): { tab?: SeenTab } {
  const seen = seenTab(tab);
  return seen ? { tab: seen } : {};
}

/**
 * Where the link right-clicked is: its frame, and the element itself in Firefox, whose menus
 * name it (`targetElementId`; Chrome's give the address only).
 */
function linkTarget(info: Browser.contextMenus.OnClickData): { linkTarget?: LinkTarget } {
  const { frameId } = info;
  const { targetElementId: elementId } = info as { targetElementId?: unknown };
  const target: LinkTarget = {
    ...(typeof frameId === 'number' && frameId >= 0 ? { frameId } : {}),
    ...(typeof elementId === 'number' ? { elementId } : {}),
  };
  return Object.keys(target).length > 0 ? { linkTarget: target } : {};
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
    ...(isLink && info.linkUrl ? { linkUrl: info.linkUrl, ...linkTarget(info) } : {}),
    ...knownTab(tab),
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
  const outcome = await clipTab({ tabId: target.id, ...knownTab(target) });
  await notifyInTab(target.id, outcome);
}

/**
 * Whether the menus must be made at each start of the background. Chrome (MV3) keeps context
 * menu items across browser restarts and its service worker starts many times a session, so
 * install and update are enough there. Firefox (MV2) does not keep them: its background is a
 * persistent page started once per browser start (and on install, update, re-enable), so each
 * start makes them.
 */
export function menusNeedEachStart(manifestVersion: number = import.meta.env.MANIFEST_VERSION) {
  return manifestVersion === 2;
}

/** Wires every trigger; makes the context menus now if this browser needs it at each start. */
export function registerTriggers({ eachStart = menusNeedEachStart() } = {}): void {
  const make = () => void createMenus().catch((error) => console.error('Indiscrets menus', error));
  if (eachStart) make();
  else browser.runtime.onInstalled.addListener(make);
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
}
