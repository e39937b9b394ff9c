import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { CodedError } from '../../messaging/errors';
import { describeOutcome } from '../../messaging/outcome';
import { registerHandlers, sendMessage, type Handlers } from '../../messaging/protocol';
import type { Draft } from '../../storage/db';
import { SYNC_OFF } from '../../storage/sync-state';

const draft = { id: 'c1', url: 'https://a.test/', title: 'A', quotes: [] } as unknown as Draft;

const status = { ...SYNC_OFF, pending: 0, conflicts: 0, refusals: 0 };

const handlers: Handlers = {
  clipTab: async ({ tabId }) => {
    if (tabId === -1) throw new Error('No such tab');
    if (tabId === -2) throw new CodedError({ code: 'tab_gone', detail: 'closed' });
    if (tabId === -3) {
      // Dexie wraps the browser's QuotaExceededError in its own error (`inner`).
      const inner = new DOMException('Quota exceeded', 'QuotaExceededError');
      throw Object.assign(new Error('AbortError'), { name: 'AbortError', inner });
    }
    return { status: 'created', clip: draft, quoteAdded: false };
  },
  prepareClip: async () => true,
  publishIssue: async () => ({ ok: true, postId: 1, link: '', editLink: '', created: true }),
  publishCancel: async () => false,
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
  syncResolveAll: async () => ({ ...status, settled: 0 }),
  syncDismissRefusal: async () => status,
  syncDismissTextMerge: async () => status,
  syncDismissOverridden: async () => status,
  syncDismissIssueBack: async () => status,
  syncDismissTakenOut: async () => status,
  syncKeepKept: async () => status,
  syncDeleteKept: async () => status,
  deskLock: async () => ({ ok: false, code: 'not_synced' }),
  deskMergeCheck: async () => ({ ok: true }),
  deskPublishCheck: async () => ({ ok: true }),
  sitePosts: async ({ search }) =>
    search === 'bercy'
      ? {
          ok: true,
          posts: [{ id: 4, link: 'https://monsite.fr/bercy', title: 'Bercy', date: '' }],
          fetchedAt: '2026-12-01T09:00:00.000Z',
        }
      : { ok: false, code: 'offline' },
  postState: async () => ({ ok: false, code: 'offline' }),
  postStateCancel: async () => false,
  siteLeave: async () => 0,
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

  it('passes an unknown handler failure on as `unexpected`, its text apart as the detail', async () => {
    const error = await sendMessage('clipTab', { tabId: -1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).failure).toEqual({
      code: 'unexpected',
      detail: 'Error: No such tab',
    });
  });

  it('passes a coded failure on with its code and parameters', async () => {
    const error = await sendMessage('clipTab', { tabId: -2 }).catch((e: unknown) => e);
    expect((error as CodedError).failure).toEqual({ code: 'tab_gone', detail: 'closed' });
  });

  it('says a full storage is full, whatever wraps the browser’s error', async () => {
    const error = await sendMessage('clipTab', { tabId: -3 }).catch((e: unknown) => e);
    expect((error as CodedError).failure).toEqual({ code: 'quota' });
  });

  it('says the background did not answer when nobody listens', async () => {
    unregister();
    const error = await sendMessage('refreshBadge').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).failure.code).toBe('no_answer');
    unregister = registerHandlers(handlers);
  });

  it('ignores messages that are not ours', async () => {
    const answer = await browser.runtime.sendMessage({ type: 'clipTab', request: { tabId: 1 } });

    expect(answer).toBeUndefined();
  });
});

describe('describeOutcome', () => {
  const created = (title: string) =>
    describeOutcome({ status: 'created', clip: { ...draft, title }, quoteAdded: false });

  it('quotes the new draft’s title whole when it is short', () => {
    expect(created('OVH entre en Bourse')).toBe(
      'Nouveau brouillon\u00a0: «\u00a0OVH entre en Bourse\u00a0»',
    );
  });

  it('cuts a title as long as a paragraph at a word, with an ellipsis', () => {
    const title = `${'Le gouvernement annonce une réforme '.repeat(8)}fin`;

    const said = created(title);

    expect(said).toBe(
      `Nouveau brouillon\u00a0: «\u00a0${'Le gouvernement annonce une réforme '.repeat(3)}Le…\u00a0»`,
    );
  });

  // QA read « (1 citations) »: the count of quotes takes the language's plural.
  it.each([
    [
      'fr',
      1,
      'Cette page avait déjà un brouillon\u00a0: la citation y a été ajoutée (1 citation).',
    ],
    [
      'fr',
      3,
      'Cette page avait déjà un brouillon\u00a0: la citation y a été ajoutée (3 citations).',
    ],
    ['en', 1, 'This page already had a draft: the quote was added to it (1 quote).'],
    ['en', 3, 'This page already had a draft: the quote was added to it (3 quotes).'],
  ] as const)('counts the quotes of a draft a clip joined in %s (%i)', (locale, count, said) => {
    const quotes = Array.from({ length: count }, (_, i) => ({
      text: `q${i}`,
      html: `<p>q${i}</p>`,
      clippedAt: '2021-03-15T08:00:00.000Z',
    }));

    expect(
      describeOutcome({ status: 'merged', clip: { ...draft, quotes }, quoteAdded: true }, locale),
    ).toBe(said);
  });

  it('names the colleague whose draft the clip joined, or says a colleague when unnamed', () => {
    const quotes = [{ text: 'q', html: '<p>q</p>', clippedAt: '2021-03-15T08:00:00.000Z' }];
    const joined = (addedTo: string, quoteAdded: boolean, locale?: 'fr' | 'en') =>
      describeOutcome(
        {
          status: 'merged',
          clip: { ...draft, quotes: [...quotes, ...quotes] },
          quoteAdded,
          addedTo,
        },
        locale,
      );

    expect(joined('Pigiste', true)).toBe(
      'Pigiste avait déjà un brouillon de cette page\u00a0: votre citation y a été ajoutée (2 citations).',
    );
    expect(joined('', false)).toBe(
      'Un collègue avait déjà un brouillon de cette page\u00a0: rien de nouveau à ajouter.',
    );
    expect(joined('Pigiste', true, 'en')).toBe(
      'Pigiste already had a draft of this page: your quote was added to it (2 quotes).',
    );
  });

  it('cuts a title without spaces where the limit falls, never inside an emoji', () => {
    const said = created('🗞'.repeat(100));

    const quoted = /«\u00a0(.*)\u00a0»/.exec(said)![1]!;
    expect(quoted).toBe(`${'🗞'.repeat(59)}…`);
  });
});
