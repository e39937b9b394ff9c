/**
 * Where each row of a long list starts, when only the rows drawn so far have been measured and
 * every other row counts for an estimate. Built in the time of the measured rows (a screenful),
 * not of the whole list: a list of 10,000 drafts does not walk 10,000 rows at each render.
 */
export interface RowOffsets {
  /** The top of row `index` from the list's top; `at(count)` is the whole height plus a gap. */
  at(index: number): number;
  /** The first index whose top is below `value`, in 0…count + 1 (as a binary search would). */
  upperBound(value: number): number;
}

export function rowOffsets(
  count: number,
  estimate: number,
  gap: number,
  heights: ReadonlyMap<number, number>,
): RowOffsets {
  const step = estimate + gap;
  // The measured rows in order, and before each the sum of the measured rows' differences from
  // the estimate: a row's top is its index times a step, plus the differences of those above.
  const measured = [...heights.keys()].filter((i) => i >= 0 && i < count).sort((a, b) => a - b);
  const before = new Float64Array(measured.length + 1);
  for (let k = 0; k < measured.length; k++)
    before[k + 1] = before[k]! + heights.get(measured[k]!)! - estimate;
  /** How many measured rows lie above row `index`. */
  const measuredAbove = (index: number) => {
    let low = 0;
    let high = measured.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (measured[middle]! < index) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const at = (index: number) => index * step + before[measuredAbove(index)]!;
  return {
    at,
    upperBound(value) {
      // Tops only grow with the index: the first of 0…count whose top is above `value`.
      let low = 0;
      let high = count + 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (at(middle) <= value) low = middle + 1;
        else high = middle;
      }
      return low;
    },
  };
}
