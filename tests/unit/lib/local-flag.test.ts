import { afterEach, describe, expect, it, vi } from 'vitest';
import { localFlag } from '../../../lib/local-flag';

describe('localFlag', () => {
  afterEach(() => {
    localStorage.clear();
    vi.restoreAllMocks();
  });

  it('reads its fallback until the other value is written, then what was written', () => {
    const off = localFlag('test:off', false);
    const on = localFlag('test:on', true);

    expect([off.read(), on.read()]).toEqual([false, true]);
    off.write(true);
    on.write(false);
    expect([off.read(), on.read()]).toEqual([true, false]);
    off.write(false);
    expect(off.read()).toBe(false);
  });

  it('reads only the other value written exactly as it', () => {
    localStorage.setItem('test:on', 'false');

    expect(localFlag('test:on', true).read()).toBe(true);
  });

  it('reads its fallback, and writes nothing, when localStorage is refused', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('refused');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('full');
    });
    const flag = localFlag('test:refused', true);

    expect(() => flag.write(false)).not.toThrow();
    expect(flag.read()).toBe(true);
  });
});
