import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { definedOnUse } from '../../../storage/defined-on-use';

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

describe('definedOnUse', () => {
  it('defines nothing until the item is used, then defines it once', () => {
    const define = vi.fn(() => ({ key: 'local:a', getValue: () => Promise.resolve(1) }));
    const item = definedOnUse(define);
    expect(define).not.toHaveBeenCalled();

    expect(item.key).toBe('local:a');
    void item.getValue();
    void item.getValue();

    expect(define).toHaveBeenCalledTimes(1);
  });

  it('lets the settings modules load without reading the extension storage', async () => {
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const sync = vi.spyOn(fakeBrowser.storage.sync, 'get');

    // What a page does at start: import the settings (each item once had its version read here).
    const settings = await import('../../../storage/settings');
    await import('../../../storage/preferences');
    await import('../../../storage/site-posts');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(local).not.toHaveBeenCalled();
    expect(sync).not.toHaveBeenCalled();

    // The first use reads it, the item's migrations first (WXT's order).
    await fakeBrowser.storage.sync.set({ uiLocale: 'en-GB' });
    expect(await settings.uiLocale.getValue()).toBe('en');
    expect(sync).toHaveBeenCalled();
  });
});
