/**
 * Fractional order keys: the items of an issue are ordered by a string key, so that moving one
 * item writes one record (a key between its new neighbours) instead of renumbering the issue.
 *
 * A key is read as a fraction between 0 and 1 written in base 62: the key `V5` is 0.V5. The
 * digits `0-9A-Za-z` are in ASCII order, so plain `<` on two keys (and IndexedDB's key order,
 * which is the same for ASCII strings) agrees with the order of the fractions. A key never ends
 * with `0`: `V` and `V0` would be the same fraction, and there would be nothing between them.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const TOP = BASE - 1;
const VALID_KEY = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

/** Thrown for a key that is not one this module made, or for bounds in the wrong order. */
export class OrderKeyError extends Error {
  override name = 'OrderKeyError';
}

/** True when `key` is a well-formed order key. */
export function isOrderKey(key: string): boolean {
  return VALID_KEY.test(key);
}

/**
 * A key that sorts strictly after `a` and strictly before `b`. `null` stands for "no
 * neighbour": `keyBetween(null, null)` starts a list, `keyBetween(last, null)` appends and
 * `keyBetween(null, first)` prepends. Throws when `a >= b` or a key is malformed.
 *
 * Appends and prepends use the room at the end of the range sparingly, so that adding item
 * after item keeps keys short (about 2·log62(n) characters after n appends).
 */
export function keyBetween(a: string | null, b: string | null): string {
  if (a !== null) assertKey(a);
  if (b !== null) assertKey(b);
  if (a !== null && b !== null && a >= b) {
    throw new OrderKeyError(`Order keys out of order: "${a}" is not before "${b}"`);
  }
  if (a === null && b === null) return DIGITS[BASE >> 1]!;
  if (b === null) return keyAfter(a!);
  if (a === null) return keyBefore(b);
  return midpoint(a, b);
}

/**
 * `n` keys in ascending order, all strictly between `a` and `b` (either may be `null`), for
 * inserting or renumbering several items at once. Interior keys are spread evenly, so that the
 * result stays short instead of each key being squeezed next to the previous one.
 */
export function keysBetween(a: string | null, b: string | null, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new OrderKeyError(`Cannot make ${n} keys`);
  if (n === 0) {
    // Still validate, so that a caller's bug does not pass silently when n happens to be 0.
    if (a !== null && b !== null) keyBetween(a, b);
    return [];
  }
  if (b === null) {
    const keys: string[] = [];
    let previous = a;
    for (let i = 0; i < n; i++) keys.push((previous = keyBetween(previous, null)));
    return keys;
  }
  if (a === null) {
    const keys: string[] = [];
    let next: string = b;
    for (let i = 0; i < n; i++) keys.push((next = keyBetween(null, next)));
    return keys.reverse();
  }
  const middle = keyBetween(a, b);
  const left = (n - 1) >> 1;
  return [...keysBetween(a, middle, left), middle, ...keysBetween(middle, b, n - 1 - left)];
}

function assertKey(key: string): void {
  if (!VALID_KEY.test(key)) throw new OrderKeyError(`Not an order key: "${key}"`);
}

/** Value of the digit at `position`; a fraction has implicit zeros after its last digit. */
function digitAt(key: string, position: number): number {
  return position < key.length ? DIGITS.indexOf(key[position]!) : 0;
}

function fromDigits(digits: number[]): string {
  let end = digits.length;
  while (end > 0 && digits[end - 1] === 0) end--;
  return digits
    .slice(0, end)
    .map((d) => DIGITS[d]!)
    .join('');
}

/**
 * The shortest key strictly between `a` and `b` (`null` meaning 1), close to the middle when
 * there is a choice, so that repeated insertions on either side find room.
 */
function midpoint(a: string, b: string | null): string {
  if (b === null) {
    const first = digitAt(a, 0);
    // 0.z… has no single digit above it below 1: keep the `z` and split what follows.
    if (first === TOP) return DIGITS[TOP] + midpoint(a.slice(1), null);
    return DIGITS[(first + BASE) >> 1]!;
  }
  let n = 0;
  while (digitAt(a, n) === digitAt(b, n)) n++;
  const prefix = b.slice(0, n);
  const low = digitAt(a, n);
  const high = digitAt(b, n);
  if (high - low > 1) return prefix + DIGITS[(low + high) >> 1];
  // Adjacent digits. If b goes on after this digit, the digit alone is already below b.
  if (b.length > n + 1) return prefix + DIGITS[high];
  // Otherwise stay on a's digit and go above the rest of a.
  return prefix + DIGITS[low] + midpoint(a.slice(n + 1), null);
}

/**
 * A key after `a`, for appending. With `p` leading `z`s in `a`, the key is `a` cut (or padded)
 * to `width = 2p` digits (1 when p is 0) plus one unit in the last place. Each time the leading
 * `z`s grow, the width doubles: the room left at the end is used ever more finely, so n appends
 * need O(log n) digits instead of the O(n) that "shortest key after a" would need.
 */
function keyAfter(a: string): string {
  let p = 0;
  while (p < a.length && a[p] === 'z') p++;
  const width = p === 0 ? 1 : 2 * p;
  const digits = Array.from({ length: width }, (_, i) => digitAt(a, i));
  // a[p] is below `z` (or an implicit 0), so the carry stops at p at the latest.
  for (let i = width - 1; i >= 0; i--) {
    if (digits[i]! < TOP) {
      digits[i]!++;
      break;
    }
    digits[i] = 0;
  }
  return fromDigits(digits);
}

/** The mirror of {@link keyAfter}: a key before `b`, for prepending. */
function keyBefore(b: string): string {
  let p = 0;
  while (b[p] === '0') p++;
  const width = p === 0 ? 1 : 2 * p;
  const digits = Array.from({ length: width }, (_, i) => digitAt(b, i));
  const cut = fromDigits(digits);
  if (cut !== '' && cut < b) return cut; // b had more digits: the cut is already below it.
  for (let i = width - 1; i >= 0; i--) {
    if (digits[i]! > 0) {
      digits[i]!--;
      break;
    }
    digits[i] = TOP;
  }
  const below = fromDigits(digits);
  if (below !== '') return below;
  // b is 0.0…01 at this width: nothing above 0 is left, so go one digit finer, twice as wide.
  const finer = 2 * (p + 1);
  return '0'.repeat(p + 1) + 'z'.repeat(finer - p - 1);
}
