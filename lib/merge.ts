/**
 * Three-way merge of a record's fields, for two writers of one record: two views of a draft
 * (popup and desk), and later two editors sharing a desk.
 *
 * Each writer keeps the version it started from (`base`), its own values (`mine`) and receives
 * the stored version (`theirs`). Field by field:
 * - unchanged on their side → mine is kept;
 * - unchanged on my side → theirs is taken;
 * - changed on both sides to the same value → nothing to do;
 * - changed on both sides differently → a conflict: `merged` keeps mine (nothing typed is lost)
 *   and the conflict lists both, for the editor to choose.
 *
 * Values are compared by structure ({@link sameValue}), so arrays of sources or tags that were
 * rebuilt but hold the same things are equal.
 */

/** A field both sides changed, differently. */
export interface FieldConflict<T, K extends keyof T = keyof T> {
  field: K;
  /** The value both sides started from. */
  base: T[K];
  /** This side's value. */
  mine: T[K];
  /** The other side's value. */
  theirs: T[K];
}

export interface MergeResult<T, K extends keyof T> {
  /** `mine` with every change from `theirs` taken in; conflicting fields keep mine. */
  merged: Pick<T, K>;
  /** Fields `theirs` changed and mine did not: taken from theirs into `merged`. */
  taken: K[];
  /** Fields both changed differently, in the order of `fields`. */
  conflicts: FieldConflict<T, K>[];
}

/**
 * Structural equality of stored values (JSON-like: primitives, arrays, plain objects).
 * `undefined` and a missing property are the same; so are `-0` and `0`.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    // NaN is never stored, but must not make a field conflict with itself.
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    if (!sameValue(left[key], right[key])) return false;
  }
  return true;
}

/** Whether `a` and `b` hold the same values ({@link sameValue}), leaving out the fields in `ignored`. */
export function sameFields(a: object, b: object, ignored: ReadonlySet<string>): boolean {
  const keep = (record: object) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => !ignored.has(key)));
  return sameValue(keep(a), keep(b));
}

/**
 * Merges `theirs` into `mine` against `base`, over `fields` only (the others are not read).
 * Pure: the inputs are not changed.
 */
export function merge3<T extends object, K extends keyof T>(
  base: Pick<T, K>,
  mine: Pick<T, K>,
  theirs: Pick<T, K>,
  fields: readonly K[],
): MergeResult<T, K> {
  const merged = { ...mine } as Pick<T, K>;
  const taken: K[] = [];
  const conflicts: FieldConflict<T, K>[] = [];
  for (const field of fields) {
    const b = base[field];
    const m = mine[field];
    const t = theirs[field];
    if (sameValue(t, b) || sameValue(m, t)) continue;
    if (sameValue(m, b)) {
      merged[field] = t;
      taken.push(field);
      continue;
    }
    conflicts.push({ field, base: b, mine: m, theirs: t } as FieldConflict<T, K>);
  }
  return { merged, taken, conflicts };
}

/** The fields of `next` that differ from `base`, among `fields`. */
export function changedFields<T extends object, K extends keyof T>(
  base: Pick<T, K>,
  next: Pick<T, K>,
  fields: readonly K[],
): K[] {
  return fields.filter((field) => !sameValue(base[field], next[field]));
}
