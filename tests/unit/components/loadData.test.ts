import { afterEach, describe, expect, it, vi } from 'vitest';

describe('loadData', () => {
  afterEach(() => {
    vi.doUnmock('../../../components/inboxData');
    vi.resetModules();
  });

  it('tries again after a failed load rather than failing every later view with it', async () => {
    vi.resetModules();
    const prepare = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(undefined)
      .mockResolvedValue(undefined);
    vi.doMock('../../../components/inboxData', () => ({ prepare }));
    const { loadData } = await import('../../../components/data');

    await expect(loadData()).rejects.toBeUndefined();
    const data = await loadData();

    expect(data.prepare).toBe(prepare);
    expect(prepare).toHaveBeenCalledTimes(2);
    // Loaded once: the layer is kept from then on.
    expect(await loadData()).toBe(data);
    expect(prepare).toHaveBeenCalledTimes(2);
  });
});
