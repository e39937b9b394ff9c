import { describe, expect, it } from 'vitest';
import { rowOffsets } from '../../../components/rowOffsets';

/** The plain prefix sum over every row, which rowOffsets must agree with. */
function naive(count: number, estimate: number, gap: number, heights: Map<number, number>) {
  const sums = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) sums[i + 1] = sums[i]! + (heights.get(i) ?? estimate) + gap;
  const upperBound = (value: number) => {
    let low = 0;
    let high = sums.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sums[middle]! <= value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return { sums, upperBound };
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

describe('rowOffsets', () => {
  it('puts each row at its index times a step when nothing is measured', () => {
    const offsets = rowOffsets(10_000, 118, 8, new Map());

    expect(offsets.at(0)).toBe(0);
    expect(offsets.at(3)).toBe(3 * 126);
    expect(offsets.at(10_000)).toBe(10_000 * 126);
    expect(offsets.upperBound(-1)).toBe(0);
    expect(offsets.upperBound(126)).toBe(2);
    expect(offsets.upperBound(10_000 * 126)).toBe(10_001);
  });

  it('agrees with a prefix sum over every row, whatever rows were measured', () => {
    const next = random(42);
    for (let round = 0; round < 200; round++) {
      const count = Math.floor(next() * 300);
      const estimate = 20 + Math.floor(next() * 120);
      const gap = Math.floor(next() * 10);
      const heights = new Map<number, number>();
      // Measured rows anywhere, some beyond the list's end (a list that shrank).
      for (let k = Math.floor(next() * 40); k > 0; k--)
        heights.set(Math.floor(next() * (count + 10)), 1 + next() * 300);

      const offsets = rowOffsets(count, estimate, gap, heights);
      const expected = naive(count, estimate, gap, heights);

      for (let i = 0; i <= count; i++) expect(offsets.at(i)).toBeCloseTo(expected.sums[i]!, 6);
      for (let probe = 0; probe < 30; probe++) {
        const value = (next() * 1.1 - 0.05) * expected.sums[count]!;
        expect(offsets.upperBound(value), `round ${round}, ${value}`).toBe(
          expected.upperBound(value),
        );
      }
    }
  });
});
