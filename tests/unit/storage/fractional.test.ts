import { describe, expect, it } from 'vitest';
import { isOrderKey, keyBetween, keysBetween, OrderKeyError } from '../../../storage/fractional';

/** A seeded generator, so that a failing random run can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
}

const sorted = (keys: string[]) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe('keyBetween', () => {
  it('starts a list with a one-character key', () => {
    expect(keyBetween(null, null)).toHaveLength(1);
  });

  it('returns a key strictly between its bounds', () => {
    const cases: Array<[string | null, string | null]> = [
      ['V', null],
      [null, 'V'],
      ['V', 'W'],
      ['V', 'V1'],
      ['V', 'V01'],
      ['Vz', 'W'],
      ['z', null],
      ['zz', null],
      [null, '1'],
      [null, '01'],
      [null, '0001'],
      ['1', '2'],
      ['y', 'z'],
      ['a', 'a0001'],
    ];
    for (const [a, b] of cases) {
      const key = keyBetween(a, b);
      expect(isOrderKey(key), `${a}..${b} gave ${key}`).toBe(true);
      if (a !== null) expect(a < key, `${a} < ${key}`).toBe(true);
      if (b !== null) expect(key < b, `${key} < ${b}`).toBe(true);
    }
  });

  it('keeps the order of any sequence of random insertions', () => {
    const next = random(42);
    const keys: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(next() * (keys.length + 1));
      const key = keyBetween(keys[at - 1] ?? null, keys[at] ?? null);
      keys.splice(at, 0, key);
    }
    expect(sorted(keys)).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every(isOrderKey)).toBe(true);
  });

  it('keeps keys short when appending', () => {
    const keys: string[] = [];
    let last: string | null = null;
    for (let i = 0; i < 10_000; i++) keys.push((last = keyBetween(last, null)));

    expect(sorted(keys)).toEqual(keys);
    // The width doubles each time the leading digits fill up: 4 digits for the first thousand.
    expect(keys[999]!.length).toBeLessThanOrEqual(4);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(6);
  });

  it('keeps keys short when prepending', () => {
    const keys: string[] = [];
    let first: string | null = null;
    for (let i = 0; i < 10_000; i++) keys.unshift((first = keyBetween(null, first)));

    expect(sorted(keys)).toEqual(keys);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(6);
  });

  it('grows slowly when always inserting at the same gap', () => {
    let low = keyBetween(null, null);
    const high = keyBetween(low, null);
    for (let i = 0; i < 100; i++) low = keyBetween(low, high);
    // Each insertion halves the gap: about log62(2^100) ≈ 17 digits, not 100.
    expect(low.length).toBeLessThanOrEqual(20);
  });

  it('sorts like IndexedDB keys, i.e. like plain string comparison', () => {
    const keys = keysBetween(null, null, 300);
    for (let i = 1; i < keys.length; i++) {
      expect(indexedDB.cmp(keys[i - 1]!, keys[i]!)).toBe(-1);
    }
  });

  it('throws when the bounds are equal or reversed', () => {
    expect(() => keyBetween('V', 'V')).toThrow(OrderKeyError);
    expect(() => keyBetween('W', 'V')).toThrow(OrderKeyError);
  });

  it('throws on a malformed key', () => {
    expect(() => keyBetween('V0', null)).toThrow(OrderKeyError);
    expect(() => keyBetween('', null)).toThrow(OrderKeyError);
    expect(() => keyBetween(null, 'a-b')).toThrow(OrderKeyError);
  });
});

describe('keysBetween', () => {
  it('returns n ordered keys strictly inside the bounds', () => {
    for (const [a, b] of [
      [null, null],
      ['V', null],
      [null, 'V'],
      ['V', 'W'],
      ['V', 'V1'],
    ] as Array<[string | null, string | null]>) {
      const keys = keysBetween(a, b, 50);
      expect(keys).toHaveLength(50);
      expect(sorted(keys)).toEqual(keys);
      expect(new Set(keys).size).toBe(50);
      if (a !== null) expect(a < keys[0]!).toBe(true);
      if (b !== null) expect(keys.at(-1)! < b).toBe(true);
    }
  });

  it('spreads keys evenly, so they stay short', () => {
    const keys = keysBetween('V', 'W', 1000);
    // 1000 keys fit in 2 more digits (62² > 1000) if spread, not in 1000 halvings.
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(4);
  });

  it('returns nothing for n = 0 and rejects a negative n', () => {
    expect(keysBetween(null, null, 0)).toEqual([]);
    expect(() => keysBetween(null, null, -1)).toThrow(OrderKeyError);
  });
});
