import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { merge3, sameValue, type FieldConflict } from '../lib/merge';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error' | 'quota';

/**
 * Where an editor's pending edits are kept synchronously, before the database has them: one
 * entry per editor view, holding what it has not stored yet and what each of those fields was
 * based on (see `storage/journal.ts`).
 */
export interface EditJournal<P> {
  /** Journals the view's pending state after a keystroke; returns the entry's new time. */
  write(patch: P, base: P): string;
  /** Journals the view's pending state after a write, keeping the time `at`. */
  keep(patch: P, base: P, at: string): void;
  /** Drops the entry journaled at `at` (not a later one). */
  commit(at: string): void;
  /** What editor views that are gone left unresolved (changed elsewhere meanwhile). */
  orphans(): Array<{ patch: P; base?: P }>;
  /** Drops those, once taken in. */
  dropOrphans(): void;
  /** The view closes with its entry (journaled at `at`) not all stored: leaves it to others. */
  release(at: string): void;
}

export interface SyncedRecordOptions<T extends { rev?: number }, K extends keyof T> {
  /** The stored record, from a live query: `undefined` while loading, `null` once gone. */
  stored: T | null | undefined;
  /** The fields the editor types. */
  fields: readonly K[];
  /**
   * Writes the changes `patch` made from `base` (see `saveDraftEdit`): returns the record as
   * stored and the fields left unwritten because they changed elsewhere meanwhile. `at` is the
   * journal time of the latest keystroke in the patch: stamped as the record's `updatedAt`, so
   * that the journal replay knows a later keystroke (journaled after `at`) is not stored yet.
   * `held` are the fields this view has pending and leaves out of the write (in conflict, or
   * not storable yet), marked on the record with it for the journal replay.
   */
  write(
    patch: Partial<Pick<T, K>>,
    base: Partial<Pick<T, K>>,
    at: string | undefined,
    held: K[],
  ): Promise<{ record: T; conflicts: K[] }>;
  journal: EditJournal<Partial<Pick<T, K>>>;
  /** Whether a value may be stored yet: a half-typed date stays on screen, unsaved. */
  writable?: (field: K, value: T[K]) => boolean;
  /**
   * The user may not write this record (another's, on the shared desk): it is shown as stored
   * and follows changes made elsewhere; nothing is journaled or written, and what an earlier
   * view left in the journal stays there for someone who may write it.
   */
  readOnly?: boolean;
  /**
   * A text field both this view and another changed since this view read it, merged when their
   * changes are in different paragraphs (see lib/block-merge.ts); `undefined` when they meet,
   * and the field is a conflict for the editor, as any other. Without it, fields merge whole.
   */
  mergeText?: (field: K, base: T[K], mine: T[K], theirs: T[K]) => T[K] | undefined;
}

export interface SyncedRecord<T, K extends keyof T> {
  /** The editor's values; `undefined` until the record is loaded. */
  form: Pick<T, K> | undefined;
  edit(patch: Partial<Pick<T, K>>): void;
  /** Resolves once everything typed so far is in the database (or failed to be). */
  flush(): Promise<void>;
  state: SaveState;
  /** Fields changed here and elsewhere, differently: the editor chooses. */
  conflicts: FieldConflict<T, K>[];
  /** Keeps this view's value (`mine`, written over theirs) or takes the stored one. */
  resolve(field: K, choice: 'mine' | 'theirs'): void;
}

/** After a failed write (full disk, quota), what is typed is written again this much later. */
const RETRY_MS = 5000;

/** Dexie wraps the browser's error; either may say the quota is exceeded. */
export function isQuotaError(error: unknown): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { inner?: unknown }).inner) {
    if ((e as { name?: unknown }).name === 'QuotaExceededError') return true;
  }
  return false;
}

/**
 * One view's editing of one stored record, as several views (popup, desk, later other editors)
 * edit it at once.
 *
 * - Every keystroke goes to the journal synchronously, then to the database at once: one write
 *   in flight at a time, the edits typed meanwhile coalesced into the next one (a put costs
 *   1–2 ms in Chromium, 3–7 ms at the 95th percentile on a loaded machine), so a keystroke is in
 *   IndexedDB within a few tens of milliseconds and survives the browser being killed.
 * - Writes carry the values they were based on; a field changed elsewhere meanwhile is not
 *   overwritten (see `saveDraftEdit`).
 * - Changes made elsewhere arrive through the live query and are merged field by field against
 *   the version this view started from (`merge3`); a text both changed in different paragraphs
 *   is merged by them (`mergeText`); a field both changed otherwise becomes a conflict, with
 *   both values kept until the editor chooses.
 *
 * Mount one per record (key the component by the record's id).
 */
export function useSyncedRecord<T extends { rev?: number }, K extends keyof T>(
  options: SyncedRecordOptions<T, K>,
): SyncedRecord<T, K> {
  const opts = useRef(options);
  opts.current = options;
  const [, setTick] = useState(0);
  const rerender = () => setTick((n) => n + 1);
  const s = useRef({
    /** The stored values this view's edits are based on (what it last read or wrote). */
    base: undefined as Pick<T, K> | undefined,
    /** The editor's values. */
    mine: undefined as Pick<T, K> | undefined,
    /** The revision of the newest stored record taken in. */
    rev: -1,
    conflicts: new Map<K, FieldConflict<T, K>>(),
    writing: null as Promise<void> | null,
    /** A record that arrived during a write, taken in after it. */
    waiting: undefined as T | undefined,
    error: undefined as unknown,
    retry: undefined as ReturnType<typeof setTimeout> | undefined,
    /** The time of the latest journal entry. */
    journaled: undefined as string | undefined,
    unmounted: false,
  }).current;

  const pick = (record: Pick<T, K>, fields: readonly K[]) => {
    const out = {} as Pick<T, K>;
    for (const field of fields) out[field] = record[field];
    return out;
  };

  /** Fields typed here and not yet stored (conflicts wait for the editor's choice). */
  const dirty = (): K[] => {
    const { fields, writable } = opts.current;
    if (!s.base || !s.mine) return [];
    return fields.filter(
      (field) =>
        !s.conflicts.has(field) &&
        !sameValue(s.mine![field], s.base![field]) &&
        (writable?.(field, s.mine![field]) ?? true),
    );
  };

  /**
   * What the journal keeps of this view: its values of the fields not stored yet (typed, or in
   * conflict), each with the stored value it is based on (a conflict's: the value both sides
   * started from, so that a replay after a crash finds the conflict again).
   */
  const pendingState = () => {
    const { fields } = opts.current;
    const patch = {} as Partial<Pick<T, K>>;
    const base = {} as Partial<Pick<T, K>>;
    for (const field of fields) {
      const conflict = s.conflicts.get(field);
      if (!conflict && sameValue(s.mine![field], s.base![field])) continue;
      patch[field] = s.mine![field];
      base[field] = conflict ? conflict.base : s.base![field];
    }
    return { patch, base };
  };

  /** After a write or a change taken in: the journal entry follows, same keystroke time. */
  const rejournal = () => {
    if (!s.journaled || !s.mine || !s.base) return;
    const { patch, base } = pendingState();
    if (Object.keys(patch).length > 0) opts.current.journal.keep(patch, base, s.journaled);
  };

  /**
   * What editor views that are gone (a page closed or a browser killed before they stored it,
   * an editor closed with a choice pending) left for this record: taken in as this view's own
   * values. A field still as stored when it was typed is written; one changed elsewhere
   * meanwhile becomes a conflict, so the editor sees both and chooses.
   */
  const adoptOrphans = (record: T) => {
    const { fields, journal } = opts.current;
    if (opts.current.readOnly) return;
    const orphans = journal.orphans();
    if (orphans.length === 0) return;
    // Oldest first: a newer orphan of the same field wins.
    for (const { patch, base } of orphans.reverse()) {
      for (const field of fields) {
        if (!Object.hasOwn(patch, field)) continue;
        const mine = patch[field] as T[K];
        const theirs = record[field];
        s.conflicts.delete(field);
        s.mine![field] = mine;
        if (sameValue(mine, theirs)) continue;
        const known = !!base && Object.hasOwn(base, field);
        if (known && sameValue(theirs, base[field])) continue;
        s.conflicts.set(field, {
          field,
          // Unknown (an entry of before 0.2): no value both started from, as far as we know.
          base: (known ? base[field] : undefined) as T[K],
          mine,
          theirs,
        } as FieldConflict<T, K>);
      }
    }
    const { patch, base } = pendingState();
    if (Object.keys(patch).length > 0) {
      s.journaled = journal.write(patch, base);
      // What merges without conflict is written like a keystroke.
      queueMicrotask(() => void flush());
    }
    journal.dropOrphans();
  };

  /** Takes in a stored record: changes made elsewhere merge into the editor's values. */
  const absorb = (record: T) => {
    const { fields } = opts.current;
    const rev = record.rev ?? 0;
    if (!s.base || !s.mine) {
      s.base = pick(record, fields);
      s.mine = pick(record, fields);
      s.rev = rev;
      adoptOrphans(record);
      return;
    }
    // An older answer of the live query than what a write of ours returned.
    if (rev < s.rev) return;
    s.rev = rev;
    const theirs = pick(record, fields);
    for (const [field, conflict] of s.conflicts) {
      if (sameValue(theirs[field], s.mine[field])) s.conflicts.delete(field);
      else conflict.theirs = theirs[field];
    }
    const free = fields.filter((field) => !s.conflicts.has(field));
    const { merged, conflicts } = merge3<T, K>(s.base, s.mine, theirs, free);
    // A text changed here and elsewhere in different paragraphs: both changes, written as typed.
    let textMerged = false;
    for (const conflict of conflicts) {
      const { field, base, mine, theirs: other } = conflict;
      const text = opts.current.mergeText?.(field, base, mine, other);
      if (text === undefined) s.conflicts.set(field, conflict);
      else {
        merged[field] = text;
        textMerged = true;
      }
    }
    s.mine = merged;
    // Every field is now based on what is stored: a conflict's stored value is `theirs`,
    // and choosing `mine` writes over exactly that.
    s.base = theirs;
    rejournal();
    if (textMerged) queueMicrotask(() => void flush());
  };

  const settle = () => {
    if (s.waiting) {
      const record = s.waiting;
      s.waiting = undefined;
      absorb(record);
    }
    if (s.conflicts.size > 0 || dirty().length > 0) return;
    // Nothing left to write: a failed write is moot (its field was chosen from elsewhere).
    s.error = undefined;
    clearTimeout(s.retry);
    // The journal entry goes only once the database holds everything typed until now.
    if (s.journaled) {
      opts.current.journal.commit(s.journaled);
      s.journaled = undefined;
    }
  };

  const run = async () => {
    for (let todo = dirty(); todo.length > 0; todo = dirty()) {
      const patch = pick(s.mine!, todo);
      const base = pick(s.base!, todo);
      const at = s.journaled;
      try {
        // Left out of this write: in conflict, or not storable yet (a half-typed date).
        const held = Object.keys(pendingState().patch).filter(
          (field) => !todo.includes(field as K),
        ) as K[];
        const { record, conflicts } = await opts.current.write(patch, base, at, held);
        s.error = undefined;
        // What was sent is now the base of the fields written; the stored record may differ
        // (tags normalised) and is then taken in like any change.
        const written = todo.filter((field) => !conflicts.includes(field));
        s.base = { ...s.base!, ...pick(patch, written) };
        absorb(record);
        rejournal();
      } catch (error) {
        s.error = error;
        console.error('Indiscrets save', error);
        clearTimeout(s.retry);
        if (!s.unmounted) s.retry = setTimeout(() => void flush(), RETRY_MS);
        return;
      }
    }
  };

  const flush = useCallback((): Promise<void> => {
    if (!s.writing) {
      if (dirty().length === 0) {
        settle();
        return Promise.resolve();
      }
      s.writing = run().finally(() => {
        s.writing = null;
        settle();
        if (!s.unmounted) rerender();
      });
      if (!s.unmounted) rerender();
    }
    return s.writing;
  }, []);

  // Records from the live query: taken in at once, or after the write in flight.
  const { stored } = options;
  if (stored && stored !== s.waiting) {
    if (!s.mine) absorb(stored);
    else if ((stored.rev ?? 0) > s.rev) {
      if (s.writing) s.waiting = stored;
      else absorb(stored);
    }
  }

  const edit = useCallback((patch: Partial<Pick<T, K>>) => {
    if (!s.mine || opts.current.readOnly) return;
    s.mine = { ...s.mine, ...patch };
    for (const field of Object.keys(patch) as K[]) {
      const conflict = s.conflicts.get(field);
      if (conflict) conflict.mine = s.mine[field];
    }
    const state = pendingState();
    s.journaled = opts.current.journal.write(state.patch, state.base);
    rerender();
    void flush();
  }, []);

  const resolve = useCallback((field: K, choice: 'mine' | 'theirs') => {
    const conflict = s.conflicts.get(field);
    if (!conflict || !s.mine || opts.current.readOnly) return;
    s.conflicts.delete(field);
    if (choice === 'theirs') {
      s.mine = { ...s.mine, [field]: conflict.theirs };
    }
    const state = pendingState();
    s.journaled = opts.current.journal.write(state.patch, state.base);
    rerender();
    void flush();
  }, []);

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      s.unmounted = true;
      clearTimeout(s.retry);
      void flush().then(() => {
        // Left unstored (a choice pending, a failed write): the next editor of the record,
        // in this page or after the next start, takes it in.
        if (s.journaled) opts.current.journal.release(s.journaled);
      });
    };
  }, [flush]);

  const state: SaveState = s.error
    ? isQuotaError(s.error)
      ? 'quota'
      : 'error'
    : s.writing
      ? 'saving'
      : dirty().length > 0 || s.conflicts.size > 0
        ? 'pending'
        : 'saved';

  return {
    form: s.mine,
    edit,
    flush,
    state,
    conflicts: [...s.conflicts.values()],
    resolve,
  };
}
