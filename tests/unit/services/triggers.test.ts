import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.mock('../../../services/clipper', () => ({
  clipTab: vi.fn(async () => ({
    status: 'merged',
    quoteAdded: true,
    clip: { id: 'c1', title: 'T', quotes: [{}, {}] },
  })),
}));
const { clipTab } = await import('../../../services/clipper');
const triggers = await import('../../../services/triggers');

/** fakeBrowser lacks contextMenus, commands and scripting: spies stand in for them. */
function stubApis() {
  const api = {
    contextMenus: {
      removeAll: vi.fn(async () => {}),
      create: vi.fn(),
      onClicked: { addListener: vi.fn() },
    },
    commands: { onCommand: { addListener: vi.fn() } },
    scripting: { executeScript: vi.fn(async () => [{ frameId: 0, result: undefined }]) },
  };
  Object.assign(fakeBrowser, api);
  return api;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(clipTab).mockClear();
});

describe('triggers', () => {
  it('creates a page/selection item and a link item', async () => {
    const api = stubApis();

    await triggers.createMenus();

    expect(api.contextMenus.create).toHaveBeenCalledWith(
      expect.objectContaining({
        id: triggers.MENU_CLIP_PAGE,
        contexts: ['page', 'selection'],
        title: 'Couper dans Indiscrets',
      }),
    );
    expect(api.contextMenus.create).toHaveBeenCalledWith(
      expect.objectContaining({
        id: triggers.MENU_CLIP_LINK,
        contexts: ['link'],
        targetUrlPatterns: ['http://*/*', 'https://*/*'],
      }),
    );
  });

  it('clips the selection from the context menu and tells the page', async () => {
    const api = stubApis();

    await triggers.onMenuClicked(
      {
        menuItemId: triggers.MENU_CLIP_PAGE,
        selectionText: 'passage',
        editable: false,
        pageUrl: 'x',
      } as never,
      { id: 4 } as never,
    );

    expect(clipTab).toHaveBeenCalledWith({ tabId: 4, selectionText: 'passage' });
    const toast = api.scripting.executeScript.mock.calls[0] as unknown as [{ args: unknown[] }];
    expect(toast[0].args[0]).toContain('la citation y a été ajoutée (2 citations)');
    // Read in the editor's language, whatever the page's.
    expect(toast[0].args[2]).toBe('fr');
  });

  it('clips a link from the link item', async () => {
    stubApis();

    await triggers.onMenuClicked(
      {
        menuItemId: triggers.MENU_CLIP_LINK,
        linkUrl: 'https://b.test/',
        editable: false,
        pageUrl: 'x',
      } as never,
      { id: 4 } as never,
    );

    expect(clipTab).toHaveBeenCalledWith({ tabId: 4, linkUrl: 'https://b.test/' });
  });

  it('passes on the frame and Firefox’s right-clicked element of a link', async () => {
    stubApis();
    const link = {
      menuItemId: triggers.MENU_CLIP_LINK,
      linkUrl: 'https://b.test/',
      editable: false,
      pageUrl: 'x',
    };

    // Firefox names the element right-clicked; Chrome the frame only.
    await triggers.onMenuClicked(
      { ...link, frameId: 3, targetElementId: 1717 } as never,
      { id: 4 } as never,
    );
    await triggers.onMenuClicked({ ...link, frameId: 0 } as never, { id: 4 } as never);
    // The page's menu item has no link to describe.
    await triggers.onMenuClicked(
      { ...link, menuItemId: triggers.MENU_CLIP_PAGE, frameId: 0, targetElementId: 9 } as never,
      { id: 4 } as never,
    );

    expect(vi.mocked(clipTab).mock.calls.map(([request]) => request)).toEqual([
      { tabId: 4, linkUrl: 'https://b.test/', linkTarget: { frameId: 3, elementId: 1717 } },
      { tabId: 4, linkUrl: 'https://b.test/', linkTarget: { frameId: 0 } },
      { tabId: 4 },
    ]);
  });

  it('clips the active tab on the keyboard command', async () => {
    stubApis();

    await triggers.onCommand('clip-page', { id: 9 } as never);
    await triggers.onCommand('something-else', { id: 9 } as never);

    expect(clipTab).toHaveBeenCalledTimes(1);
    expect(clipTab).toHaveBeenCalledWith({ tabId: 9 });
  });

  it('hands over the tab address and title the event came with, so the tab is not asked again', async () => {
    stubApis();
    const tab = { id: 4, url: 'https://a.test/story', title: 'Une histoire' };

    await triggers.onMenuClicked(
      { menuItemId: triggers.MENU_CLIP_PAGE, editable: false, pageUrl: 'x' } as never,
      tab as never,
    );
    await triggers.onCommand('clip-page', { ...tab, id: 9 } as never);

    expect(clipTab).toHaveBeenNthCalledWith(1, {
      tabId: 4,
      tab: { url: 'https://a.test/story', title: 'Une histoire' },
    });
    expect(clipTab).toHaveBeenNthCalledWith(2, {
      tabId: 9,
      tab: { url: 'https://a.test/story', title: 'Une histoire' },
    });
  });
});

describe('menus and the language chosen in the options', () => {
  it('names the menu items in English when the editor chose English', async () => {
    const api = stubApis();
    const { uiLocale } = await import('../../../storage/settings');
    const { setLocale } = await import('../../../locales');
    await uiLocale.setValue('en');

    await triggers.createMenus();

    expect(api.contextMenus.create).toHaveBeenCalledWith(
      expect.objectContaining({ id: triggers.MENU_CLIP_PAGE, title: 'Clip to Indiscrets' }),
    );
    setLocale('fr');
  });
});

describe('when the context menus are made', () => {
  it('makes them at each background start in Firefox (MV2), which forgets them on restart', async () => {
    const api = stubApis();

    triggers.registerTriggers({ eachStart: triggers.menusNeedEachStart(2) });

    await vi.waitFor(() => expect(api.contextMenus.create).toHaveBeenCalledTimes(2));
    expect(api.contextMenus.removeAll).toHaveBeenCalledTimes(1);
  });

  it('makes them on install only in Chrome (MV3), which keeps them and restarts its worker often', async () => {
    const api = stubApis();

    triggers.registerTriggers({ eachStart: triggers.menusNeedEachStart(3) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.contextMenus.create).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });

    await vi.waitFor(() => expect(api.contextMenus.create).toHaveBeenCalledTimes(2));
  });

  it('never creates an id twice when two starts overlap (the browser would refuse it)', async () => {
    // A browser-like registry: create throws on an id that exists, as Firefox and Chrome do.
    const ids = new Set<string>();
    Object.assign(fakeBrowser, {
      contextMenus: {
        removeAll: vi.fn(async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          ids.clear();
        }),
        create: vi.fn(({ id }: { id: string }) => {
          if (ids.has(id)) throw new Error(`duplicate id ${id}`);
          ids.add(id);
        }),
      },
    });

    await Promise.all([triggers.createMenus(), triggers.createMenus(), triggers.createMenus()]);

    expect([...ids].sort()).toEqual([triggers.MENU_CLIP_LINK, triggers.MENU_CLIP_PAGE].sort());
  });
});
