import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { registerHandlers, sendMessage, type Handlers } from '../../messaging/protocol';
import type { Draft } from '../../storage/db';
import { SYNC_OFF } from '../../storage/sync-state';

const draft = { id: 'c1', url: 'https://a.test/', title: 'A', quotes: [] } as unknown as Draft;

const status = { ...SYNC_OFF, pending: 0, conflicts: 0, refusals: 0 };

const handlers: Handlers = {
  clipTab: async ({ tabId }) => {
    if (tabId < 0) throw new Error('No such tab');
    return { status: 'created', clip: draft, quoteAdded: false };
  },
  publishIssue: async () => ({ ok: true, postId: 1, link: '', editLink: '', created: true }),
  refreshBadge: async () => 3,
  // The shared desk's messages are not what this suite is about: they answer nothing useful.
  syncDiscover: async () => ({ ok: false, code: 'no_settings' }),
  syncPlan: async () => ({ ok: false, code: 'no_settings' }),
  syncEnable: async () => status,
  syncCancel: async () => status,
  syncDisable: async () => status,
  syncStatus: async () => status,
  syncNow: async () => status,
  syncConflicts: async () => [],
  syncResolve: async () => status,
  syncDismissRefusal: async () => status,
  deskLock: async () => ({ ok: false, code: 'not_synced' }),
  sitePosts: async ({ search }) =>
    search === 'bercy'
      ? {
          ok: true,
          posts: [{ id: 4, link: 'https://monsite.fr/bercy', title: 'Bercy', date: '' }],
          fetchedAt: '2026-12-01T09:00:00.000Z',
        }
      : { ok: false, code: 'offline' },
};

describe('message protocol', () => {
  let unregister: () => void;
  beforeEach(() => {
    fakeBrowser.reset();
    unregister = registerHandlers(handlers);
  });
  afterEach(() => unregister());

  it('routes a typed request to its handler and returns the answer', async () => {
    await expect(sendMessage('clipTab', { tabId: 7 })).resolves.toMatchObject({
      status: 'created',
      clip: { id: 'c1' },
    });
    await expect(sendMessage('refreshBadge')).resolves.toBe(3);
  });

  it('carries the site posts request and its answer, failure included, as data', async () => {
    await expect(sendMessage('sitePosts', { search: 'bercy' })).resolves.toMatchObject({
      ok: true,
      posts: [{ id: 4, title: 'Bercy' }],
    });
    await expect(sendMessage('sitePosts', {})).resolves.toEqual({ ok: false, code: 'offline' });
  });

  it('rethrows a handler failure as an Error with its message', async () => {
    await expect(sendMessage('clipTab', { tabId: -1 })).rejects.toThrow('No such tab');
  });

  it('ignores messages that are not ours', async () => {
    const answer = await browser.runtime.sendMessage({ type: 'clipTab', request: { tabId: 1 } });

    expect(answer).toBeUndefined();
  });
});
