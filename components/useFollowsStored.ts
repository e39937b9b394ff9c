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
   * which « Enregistrer » would write over that change unseen; the card asks which to keep.
   */
  conflict: boolean;
}

/**
 * A settings card's form: the stored value (`stored`, `undefined` while read), then the value
 * written while the page is open (a restore that did not reload it over changes typed in another
 * card, another tab) where nothing was typed in the card. Where something was, the form keeps it
 * and says the stored value changed under it ({@link FollowedForm.conflict}), until the editor
 * saves theirs or takes the stored one, or types it. `same` says when two values mean one setting.
 */
export function useFollowsStored<T>(
  stored: T | undefined,
  same: (a: T, b: T) => boolean,
): FollowedForm<T> {
  /** `base`: the stored value the form started from, which typing is a change of. */
  const [form, setForm] = useState<{ value: T; base: T }>();
  useEffect(() => {
    if (stored === undefined) return;
    setForm((now) =>
      !now || same(now.value, now.base) || same(now.value, stored)
        ? { value: stored, base: stored }
        : now,
    );
  }, [stored]);
  const typed =
    !!form && !same(form.value, form.base) && !(stored !== undefined && same(form.value, stored));
  return {
    value: form?.value,
    // Typed back to where it started from, changed elsewhere since: a change of the stored
    // value, not nothing typed (which « Enregistrer » would write back over it unseen).
    set: (value) =>
      setForm(
        (now) =>
          now &&
          (stored !== undefined && same(value, now.base) && !same(now.base, stored)
            ? { value, base: stored }
            : { ...now, value }),
      ),
    saved: (value) => setForm({ value, base: value }),
    take: () => {
      if (stored !== undefined) setForm({ value: stored, base: stored });
    },
    typed,
    conflict: typed && stored !== undefined && !same(form!.base, stored),
  };
}
