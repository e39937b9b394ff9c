import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { wordpressItem } from '../../../storage/preferences';
import type { SiteLeave } from '../../../storage/settings';

/**
 * The options page and the background each load storage/settings.ts: two module instances, each
 * with its own promises, sharing the extension's storage and its Web Locks (one origin). Here
 * two instances of the module, the storage slow to write, so that both writers read before
 * either writes unless something serializes them across contexts.
 */
type Settings = typeof import('../../../storage/settings');

async function context(): Promise<Settings> {
  vi.resetModules();
  return import('../../../storage/settings');
}

/** Web Locks as a browser shares them between an extension's contexts: one queue a name. */
function fakeLocks() {
  const queues = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const run = (queues.get(name) ?? Promise.resolve()).then(callback);
      queues.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}

const settings = (siteUrl: string) => ({
  siteUrl,
  username: 'redac',
  category: 'Indiscrets',
  status: 'draft' as const,
});
const earlier: SiteLeave = {
  from: 'https://monjournal.fr',
  to: 'https://www.monjournal.fr',
  at: '2026-12-07T14:00:00.000Z',
};

let options: Settings;
let background: Settings;

beforeEach(async () => {
  fakeBrowser.reset();
  Object.defineProperty(navigator, 'locks', { value: fakeLocks(), configurable: true });
  options = await context();
  background = await context();
  await options.siteLeaves.setValue([earlier]);
  // The settings name the address the earlier leave went to: a save leaves it in turn.
  await wordpressItem.setValue(settings(earlier.to));
  await background.siteLeaves.getValue();
  // Each write takes a while: a read made meanwhile elsewhere sees the list before it.
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    return set(items);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'locks');
});

describe('siteLeaves, written by the options page and the background', () => {
  it('keeps the leave of a save landing as the background drops an earlier one', async () => {
    const saved = options.storeWordPressSettings(settings('https://lejournal.fr'));
    const dropped = background.dropSiteLeave(earlier);
    expect(await saved).toBe(true);
    expect(await dropped).toBe(true);
    const leaves = await background.siteLeaves.getValue();
    expect(leaves.map((l) => [l.from, l.to])).toEqual([
      ['https://www.monjournal.fr', 'https://lejournal.fr'],
    ]);
  });

  it('keeps the save’s leave, and not the one dropped, when the drop starts first', async () => {
    const dropped = background.dropSiteLeave(earlier);
    const saved = options.storeWordPressSettings(settings('https://lejournal.fr'));
    expect(await dropped).toBe(true);
    expect(await saved).toBe(true);
    const leaves = await options.siteLeaves.getValue();
    expect(leaves.map((l) => [l.from, l.to])).toEqual([
      ['https://www.monjournal.fr', 'https://lejournal.fr'],
    ]);
  });

  it('keeps a claim made at a click as the background drops another leave', async () => {
    const other = { from: 'https://preprod.monjournal.fr', to: earlier.to, at: earlier.at };
    await options.siteLeaves.setValue([earlier, other]);
    const dropped = background.dropSiteLeave(other);
    const claimed = options.keepSiteLeft(earlier.from);
    expect(await dropped).toBe(true);
    await claimed;
    expect(await options.siteLeaves.getValue()).toEqual([]);
  });

  it('serializes the writes in one context too where the browser has no Web Locks', async () => {
    Reflect.deleteProperty(navigator, 'locks');
    const saved = options.storeWordPressSettings(settings('https://lejournal.fr'));
    const dropped = options.dropSiteLeave(earlier);
    await Promise.all([saved, dropped]);
    const leaves = await options.siteLeaves.getValue();
    expect(leaves.map((l) => [l.from, l.to])).toEqual([
      ['https://www.monjournal.fr', 'https://lejournal.fr'],
    ]);
  });

  it('leaves, as two options tabs save at once, the address the first saved, read as the second writes', async () => {
    await wordpressItem.setValue(settings('https://a.fr'));
    await Promise.all([
      options.storeWordPressSettings(settings('https://b.fr')),
      background.storeWordPressSettings(settings('https://c.fr')),
    ]);
    const leaves = await options.siteLeaves.getValue();
    const [first, second] =
      (await wordpressItem.getValue()).siteUrl === 'https://c.fr'
        ? ['https://b.fr', 'https://c.fr']
        : ['https://c.fr', 'https://b.fr'];
    // The address saved first is left too, its permission given back: only the last one's kept.
    expect(leaves.slice(1).map((l) => [l.from, l.to])).toEqual([
      ['https://a.fr', first],
      [first, second],
    ]);
  });
});
