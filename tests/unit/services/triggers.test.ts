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
    contextMenus: { removeAll: vi.fn(async () => {}), create: vi.fn() },
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
      expect.objectContaining({ id: triggers.MENU_CLIP_LINK, contexts: ['link'] }),
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

  it('clips the active tab on the keyboard command', async () => {
    stubApis();

    await triggers.onCommand('clip-page', { id: 9 } as never);
    await triggers.onCommand('something-else', { id: 9 } as never);

    expect(clipTab).toHaveBeenCalledTimes(1);
    expect(clipTab).toHaveBeenCalledWith({ tabId: 9 });
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
