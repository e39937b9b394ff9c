import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LOAD_ATTEMPTS,
  LOAD_RETRY_MS,
  REPORT_DELAY_MS,
  loadWithRetries,
  pageLeaving,
  reportLoadFailure,
} from '../../../lib/page-leaving';

describe('reportLoadFailure', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    // The page is back: the next test starts from a live page.
    window.dispatchEvent(new Event('pageshow'));
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('logs a failed load of a live page as an error', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    reportLoadFailure('Indiscrets data', new TypeError('chunk'));
    vi.advanceTimersByTime(REPORT_DELAY_MS);

    expect(pageLeaving()).toBe(false);
    expect(logged).toHaveBeenCalledWith('Indiscrets data', new TypeError('chunk'));
  });

  it('says nothing of a load cut short by the page going away (Firefox rejects it with undefined)', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    window.dispatchEvent(new Event('pagehide'));
    reportLoadFailure('Indiscrets data', undefined);
    vi.advanceTimersByTime(REPORT_DELAY_MS);

    expect(pageLeaving()).toBe(true);
    expect(logged).not.toHaveBeenCalled();
  });

  it('says nothing of a load that failed just before its page went away', () => {
    // Firefox cancels a closing page's loads before it fires pagehide.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    reportLoadFailure('Indiscrets data', undefined);
    window.dispatchEvent(new Event('pagehide'));
    vi.advanceTimersByTime(REPORT_DELAY_MS);

    expect(logged).not.toHaveBeenCalled();
  });

  it('logs again once the page is shown again (back from the back-forward cache)', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    window.dispatchEvent(new Event('pagehide'));

    window.dispatchEvent(new Event('pageshow'));
    reportLoadFailure('Indiscrets load', undefined);
    vi.advanceTimersByTime(REPORT_DELAY_MS);

    expect(logged).toHaveBeenCalledOnce();
  });
});

describe('loadWithRetries', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    window.dispatchEvent(new Event('pageshow'));
    vi.useRealTimers();
  });

  it('answers what a load answers the first time', async () => {
    const load = vi.fn(async () => 'module');

    await expect(loadWithRetries(load)).resolves.toBe('module');
    expect(load).toHaveBeenCalledOnce();
  });

  it('tries a load Firefox cancelled again after a short wait', async () => {
    const load = vi.fn().mockRejectedValueOnce(undefined).mockResolvedValueOnce('module');

    const loaded = loadWithRetries(load);
    await vi.advanceTimersByTimeAsync(LOAD_RETRY_MS);

    await expect(loaded).resolves.toBe('module');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('passes the last failure on once every attempt failed', async () => {
    const load = vi
      .fn()
      .mockRejectedValueOnce(undefined)
      .mockRejectedValueOnce(undefined)
      .mockRejectedValueOnce(new TypeError('chunk'));

    const loaded = loadWithRetries(load);
    const failed = expect(loaded).rejects.toThrow('chunk');
    await vi.advanceTimersByTimeAsync(LOAD_RETRY_MS * LOAD_ATTEMPTS);

    await failed;
    expect(load).toHaveBeenCalledTimes(LOAD_ATTEMPTS);
  });

  it('does not try again once the page is going away', async () => {
    const load = vi.fn().mockRejectedValue(undefined);
    window.dispatchEvent(new Event('pagehide'));

    await expect(loadWithRetries(load)).rejects.toBeUndefined();
    expect(load).toHaveBeenCalledOnce();
  });
});
