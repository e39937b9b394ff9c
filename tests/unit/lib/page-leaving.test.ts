import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageLeaving, reportLoadFailure } from '../../../lib/page-leaving';

describe('reportLoadFailure', () => {
  afterEach(() => {
    // The page is back: the next test starts from a live page.
    window.dispatchEvent(new Event('pageshow'));
    vi.restoreAllMocks();
  });

  it('logs a failed load of a live page as an error', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    reportLoadFailure('Indiscrets data', new TypeError('chunk'));

    expect(pageLeaving()).toBe(false);
    expect(logged).toHaveBeenCalledWith('Indiscrets data', new TypeError('chunk'));
  });

  it('says nothing of a load cut short by the page going away (Firefox rejects it with undefined)', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    window.dispatchEvent(new Event('pagehide'));
    reportLoadFailure('Indiscrets data', undefined);

    expect(pageLeaving()).toBe(true);
    expect(logged).not.toHaveBeenCalled();
  });

  it('logs again once the page is shown again (back from the back-forward cache)', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    window.dispatchEvent(new Event('pagehide'));

    window.dispatchEvent(new Event('pageshow'));
    reportLoadFailure('Indiscrets load', undefined);

    expect(logged).toHaveBeenCalledOnce();
  });
});
