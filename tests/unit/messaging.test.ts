import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { registerHandlers, sendMessage, type Handlers } from '../../messaging/protocol';
import type { Clip } from '../../storage/db';

const clip = { id: 'c1', url: 'https://a.test/', title: 'A', quotes: [] } as unknown as Clip;

const handlers: Handlers = {
  clipTab: async ({ tabId }) => {
    if (tabId < 0) throw new Error('No such tab');
    return { status: 'created', clip, quoteAdded: false };
  },
  publishIssue: async () => ({ ok: true, postId: 1, link: '', editLink: '', created: true }),
  refreshBadge: async () => 3,
  syncDiscover: async () => ({ ok: false, code: 'no_settings' }),
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

  it('rethrows a handler failure as an Error with its message', async () => {
    await expect(sendMessage('clipTab', { tabId: -1 })).rejects.toThrow('No such tab');
  });

  it('ignores messages that are not ours', async () => {
    const answer = await browser.runtime.sendMessage({ type: 'clipTab', request: { tabId: 1 } });

    expect(answer).toBeUndefined();
  });
});
