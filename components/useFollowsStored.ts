import { useEffect, useState } from 'preact/hooks';

/** A settings card's form, as {@link useFollowsStored} keeps it. */
export interface FollowedForm<T> {
  /** What the form shows: `undefined` until the stored value is read. */
  value: T | undefined;
  /** Typed in the form. */
  set: (value: T) => void;
  /** Saved: the form shows it, as stored, nothing typed (called once it is written). */
  saved: (value: T) => void;
  /** The stored value shown, what was typed dropped (« Reprendre la version enregistrée »). */
  take: () => void;
  /**
   * The form holds a change typed and not saved: it differs from the stored value it started
   * from (one just saved counts as stored, its write heard or not yet), and from the stored one.
   */
  typed: boolean;
  /**
   * The stored value was changed elsewhere while the form held a change typed (a restore that did
   * not reload the page over it, another tab's « Enregistrer »): the form keeps what was typed,
   * which « Enregistrer » would write over that change unseen; the card asks which to keep. With
   * `merge`, only where a field typed was changed elsewhere, to another value than typed.
   */
  conflict: boolean;
}

/** The form: what it shows, and the stored value it started from, which typing is a change of. */
interface Held<T> {
  value: T;
  base: T;
}

/** Whether `value` is an object of fields (not a list, not a value of its own). */
const isFields = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The form `value` started from `base`, its stored value now `stored`, field by field (the fields
 * of the fields too): a field not typed in (as at `base`), or typed as stored, shows the stored
 * one; a field typed keeps the typing, and its `base`, which differs from the stored one only
 * where that field was changed elsewhere too (a conflict). Fields compare as their JSON.
 */
export function mergeFields<T>(value: T, base: T, stored: T, typing = false): Held<T> {
  if (isFields(value) && isFields(base) && isFields(stored)) {
    const merged: Record<string, unknown> = {};
    const from: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(stored), ...Object.keys(value)])) {
      const field = mergeFields(value[key], base[key], stored[key], typing);
      merged[key] = field.value;
      from[key] = field.base;
    }
    return { value: merged as T, base: from as T };
  }
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  // Typing (`typing`): the field keeps what is typed; typed as stored, or back to where it
  // started, it starts from the stored value (no longer changed elsewhere under the typing).
  if (typing) return { value, base: same(value, stored) || same(value, base) ? stored : base };
  return same(value, base) || same(value, stored)
    ? { value: stored, base: stored }
    : { value, base };
}

/**
 * A settings card's form: the stored value (`stored`, `undefined` while read), then the value
 * written while the page is open (a restore that did not reload it over changes typed in another
 * card, another tab) where nothing was typed in the card. Where something was, the form keeps it
 * and says the stored value changed under it ({@link FollowedForm.conflict}), until the editor
 * saves theirs or takes the stored one, or types it. `same` says when two values mean one setting.
 * `merge` (a card of several fields, {@link mergeFields}): the fields not typed in show the
 * stored value as the others keep the typing, and only a field typed in and changed elsewhere
 * asks; « Enregistrer les miennes » then writes the typing over the stored value, not the fields
 * the editor never touched as they were before (a restore's other settings undone unseen).
 */
export function useFollowsStored<T>(
  stored: T | undefined,
  same: (a: T, b: T) => boolean,
  merge?: (value: T, base: T, stored: T, typing?: boolean) => Held<T>,
): FollowedForm<T> {
  /** `seen`: the stored value the form last followed (a change of it is one to follow). */
  const [held, setHeld] = useState<Held<T> & { seen?: T }>();
  /** `now` once the stored value `to` is heard: pure, for the form drawn and the one kept alike. */
  const follow = (now: Held<T>, to: T): Held<T> => {
    if (same(now.value, now.base) || same(now.value, to)) return { value: to, base: to };
    if (!merge) return now;
    const next = merge(now.value, now.base, to);
    return same(next.value, to) ? { value: to, base: to } : next;
  };
  /** The form once it follows the stored value now, when that is one it has not followed. */
  const current = (now: (Held<T> & { seen?: T }) | undefined) =>
    now && stored !== undefined && stored !== now.seen
      ? { ...follow(now, stored), seen: stored }
      : now;
  useEffect(() => {
    if (stored === undefined) return;
    setHeld((now) => current(now) ?? { value: stored, base: stored, seen: stored });
  }, [stored]);
  // Drawn as it will be kept, from the first render that hears a new stored value: no question
  // shown for a moment over fields that merely follow it. Not again once followed: what is typed
  // since is shown as typed (a space after a word, the same template once saved).
  const form = current(held);
  const typed =
    !!form && !same(form.value, form.base) && !(stored !== undefined && same(form.value, stored));
  return {
    value: form?.value,
    // Typed back to where it started from, changed elsewhere since: a change of the stored
    // value, not nothing typed (which « Enregistrer » would write back over it unseen).
    // With `merge`, field by field: a field changed elsewhere, typed as stored, asks no more.
    set: (value) =>
      setHeld((kept) => {
        const now = current(kept);
        if (!now || stored === undefined) return now && { ...now, value };
        if (merge)
          return { value, base: merge(value, now.base, stored, true).base, seen: now.seen };
        return same(value, now.base) && !same(now.base, stored)
          ? { value, base: stored, seen: now.seen }
          : { ...now, value };
      }),
    saved: (value) => setHeld((now) => ({ value, base: value, seen: now?.seen })),
    take: () => {
      if (stored !== undefined) setHeld({ value: stored, base: stored, seen: stored });
    },
    typed,
    conflict: typed && stored !== undefined && !same(form!.base, stored),
  };
}
