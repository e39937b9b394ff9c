import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { completeSiteLeaves } from '../../../services/site-leave';
import { wordpressItem } from '../../../storage/preferences';
import {
  keepSiteLeft,
  noteSiteMove,
  siteLeaves,
  siteMoves,
  type SiteLeave,
} from '../../../storage/settings';

/** What happens as a leave is dropped, done (a settings write landing then, in a test). */
const dropping = vi.hoisted(() => ({ before: async () => {} }));
vi.mock('../../../storage/settings', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../storage/settings')>();
  return {
    ...real,
    dropSiteLeave: async (leave: SiteLeave) => {
      await dropping.before();
      return real.dropSiteLeave(leave);
    },
  };
});

const settings = (siteUrl: string) => ({
  siteUrl,
  username: 'redac',
  category: 'Indiscrets',
  status: 'draft' as const,
});
const leave: SiteLeave = {
  from: 'https://monjournal.fr',
  to: 'https://www.monjournal.fr',
  at: '2026-12-07T14:00:00.000Z',
};

beforeEach(async () => {
  fakeBrowser.reset();
  dropping.before = async () => {};
  await wordpressItem.setValue(settings('https://www.monjournal.fr'));
});

describe('completeSiteLeaves', () => {
  it('asks the address left, then gives its origin back and drops the leave', async () => {
    await siteLeaves.setValue([leave]);
    const order: string[] = [];
    const done = await completeSiteLeaves({
      check: async (from, to) => order.push(`check ${from} ${to}`),
      remove: async (origin) => order.push(`remove ${origin}`),
    });
    expect(done).toBe(1);
    expect(order).toEqual([
      'check https://monjournal.fr https://www.monjournal.fr',
      'remove https://monjournal.fr/*',
    ]);
    expect(await siteLeaves.getValue()).toEqual([]);
  });

  it('gives back nothing when a save names the address left again during the check (its leave dropped at the click)', async () => {
    await siteLeaves.setValue([leave]);
    const remove = vi.fn(async () => true);
    await completeSiteLeaves({
      check: () => keepSiteLeft('https://monjournal.fr/blog'),
      remove,
    });
    expect(remove).not.toHaveBeenCalled();
  });

  it('gives back nothing when the settings name that origin again since (another tab saved it)', async () => {
    await siteLeaves.setValue([leave]);
    const remove = vi.fn(async () => true);
    await completeSiteLeaves({
      check: () => wordpressItem.setValue(settings('https://monjournal.fr/blog')),
      remove,
    });
    expect(remove).not.toHaveBeenCalled();
    expect(await siteLeaves.getValue()).toEqual([]);
  });

  it('gives back nothing when the settings name that origin again as the leave is dropped (a restore landing then, which claims nothing)', async () => {
    await siteLeaves.setValue([leave]);
    dropping.before = () => wordpressItem.setValue(settings('https://monjournal.fr'));
    const remove = vi.fn(async () => true);
    await completeSiteLeaves({ check: async () => false, remove });
    expect(remove).not.toHaveBeenCalled();
    expect(await siteLeaves.getValue()).toEqual([]);
  });

  it('forgets the moves noted from the address named since, and gives back nothing on the same origin', async () => {
    await noteSiteMove({ from: 'https://www.monjournal.fr', to: 'https://monjournal.fr', at: 'x' });
    await siteLeaves.setValue([{ ...leave, from: 'https://www.monjournal.fr/ancien' }]);
    const check = vi.fn(async () => false);
    const remove = vi.fn(async () => true);
    await completeSiteLeaves({ check, remove });
    expect(await siteMoves.getValue()).toEqual([]);
    expect(remove).not.toHaveBeenCalled();
    expect(await siteLeaves.getValue()).toEqual([]);
  });

  it('asks a folder left for the root of its origin whether the site moved there, its origin kept', async () => {
    // WordPress moved from https://www.monjournal.fr/blog to the root: the old address's posts
    // answer at the root now, the origin's permission the root's as well.
    const folder = { ...leave, from: 'https://www.monjournal.fr/blog' };
    await siteLeaves.setValue([folder]);
    const check = vi.fn(async () => true);
    const remove = vi.fn(async () => true);
    expect(await completeSiteLeaves({ check, remove })).toBe(1);
    expect(check).toHaveBeenCalledWith(folder.from, folder.to);
    expect(remove).not.toHaveBeenCalled();
    expect(await siteLeaves.getValue()).toEqual([]);
  });

  it('still asks a folder left for the root when a second save of that origin comes before the background starts it', async () => {
    // Saved https://www.monjournal.fr/blog → the root, then saved again at once (the username
    // mended): that second click's claim named the root's origin, and the folder's leave,
    // whose permission is never given back, was dropped unasked: no move noted.
    const folder = { ...leave, from: 'https://www.monjournal.fr/blog' };
    await siteLeaves.setValue([folder]);
    await keepSiteLeft('https://www.monjournal.fr');
    const check = vi.fn(async () => true);
    await completeSiteLeaves({ check, remove: async () => true });
    expect(check).toHaveBeenCalledWith(folder.from, folder.to);
  });

  it('drops at the click a leave whose address the save names again, of its origin or not', async () => {
    const folder = { ...leave, from: 'https://www.monjournal.fr/blog' };
    await siteLeaves.setValue([folder, leave]);
    await keepSiteLeft('https://www.monjournal.fr/blog');
    expect(await siteLeaves.getValue()).toEqual([leave]);
    await keepSiteLeft('https://monjournal.fr/ancien');
    expect(await siteLeaves.getValue()).toEqual([]);
  });

  it('starts a leave under way only once, and does not keep the others waiting for it', async () => {
    const second = { from: 'https://preprod.monjournal.fr', to: leave.to, at: leave.at };
    await siteLeaves.setValue([leave, second]);
    let answer = () => {};
    const asked: string[] = [];
    const removed: string[] = [];
    const deps = {
      check: async (from: string) => {
        asked.push(from);
        if (from === leave.from) await new Promise<void>((resolve) => (answer = resolve));
      },
      remove: async (origin: string) => removed.push(origin),
    };
    const first = completeSiteLeaves(deps);
    await vi.waitFor(() => expect(removed).toEqual(['https://preprod.monjournal.fr/*']));
    expect(await completeSiteLeaves(deps)).toBe(0);
    answer();
    expect(await first).toBe(2);
    expect(asked).toEqual([leave.from, second.from]);
    expect(removed).toEqual(['https://preprod.monjournal.fr/*', 'https://monjournal.fr/*']);
  });
});
