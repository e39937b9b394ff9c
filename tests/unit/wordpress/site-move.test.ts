import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkSiteMove } from '../../../wordpress/site-move';
import { siteMoves } from '../../../storage/settings';
import { askAddress, type AddressAnswer } from '../../../wordpress/client';

const OLD = 'https://monjournal.fr';
const NEW = 'https://www.monjournal.fr';
const AT = '2026-12-07T14:00:00.000Z';
const clock = () => AT;
const answering = (answer: AddressAnswer) => vi.fn(async () => answer);

beforeEach(() => {
  fakeBrowser.reset();
  vi.unstubAllGlobals();
});

describe('checkSiteMove', () => {
  it('notes the move when the old address redirects to the new one', async () => {
    const ask = answering({ kind: 'moved', address: NEW });
    expect(await checkSiteMove(OLD, NEW, { ask, clock })).toBe(true);
    expect(ask).toHaveBeenCalledWith(OLD, expect.objectContaining({ timeoutMs: 4_000 }));
    expect(await siteMoves.getValue()).toEqual([{ from: OLD, to: NEW, at: AT }]);
  });

  it('notes nothing when the old address is a site of its own, sends elsewhere, or does not answer', async () => {
    const answers: AddressAnswer[] = [
      { kind: 'wordpress' },
      { kind: 'other' },
      { kind: 'answers' },
      { kind: 'moved', address: 'https://ailleurs.fr' },
      { kind: 'unreached', code: 'unreachable' },
    ];
    for (const answer of answers) {
      expect(await checkSiteMove(OLD, NEW, { ask: answering(answer), clock })).toBe(false);
    }
    expect(
      await checkSiteMove(OLD, NEW, { ask: vi.fn(() => Promise.reject(new Error('x'))) }),
    ).toBe(false);
    expect(await siteMoves.getValue()).toEqual([]);
  });

  it('gives up on an old address slower than its bound', async () => {
    // A host that never answers: the request ends only when aborted.
    const fetch = vi.fn(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          ),
        ),
    );
    vi.stubGlobal('fetch', fetch);
    const started = Date.now();
    expect(await checkSiteMove(OLD, NEW, { ask: askAddress, timeoutMs: 200 })).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await siteMoves.getValue()).toEqual([]);
  });

  it('reads the redirect of the real askAddress, sending no password', async () => {
    // monjournal.fr sends every request on to www.monjournal.fr's WordPress (fetch follows).
    const fetch = vi.fn(async (url: string, _init?: RequestInit) => {
      const answer = new Response(JSON.stringify({ name: 'Mon journal', namespaces: ['wp/v2'] }), {
        headers: { 'Content-Type': 'application/json' },
      });
      Object.defineProperty(answer, 'url', {
        value: url.replace('//monjournal', '//www.monjournal'),
      });
      return answer;
    });
    vi.stubGlobal('fetch', fetch);
    expect(await checkSiteMove(OLD, NEW, { clock })).toBe(true);
    expect(fetch.mock.calls[0]![0]).toBe(`${OLD}/?rest_route=/`);
    expect(JSON.stringify(fetch.mock.calls[0]![1] ?? {})).not.toContain('Authorization');
    expect(await siteMoves.getValue()).toEqual([{ from: OLD, to: NEW, at: AT }]);
  });
});
