import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../locales/core';
import { useAnnounce } from './Announcer';
import { wordFailure, type WordedFailure } from './failureText';
import { FailureDetail } from './FailureDetail';
import type { Undone, UndoToken } from '../storage/drafts';
import {
  addUndoOffer,
  liveOffers,
  nextExpiry,
  readUndoOffers,
  removeUndoOffer,
  watchUndoOffers,
  type UndoOffer,
} from '../storage/undo-offers';
import { loadData } from './data';
import { noteReturn } from './itemReturn';
import { ctrlShortcut, hasCommandKey } from './commandKey';
import type { RemovalNotUndone } from '../storage/remove-undo';
import { draftName } from './draftName';

interface UndoApi {
  /** Offers to undo what `token` recorded: here for a few seconds, in any view for longer. */
  offer: (token: UndoToken, label: string, options?: OfferOptions) => void;
  /**
   * Says in the bar, in this view only, an outcome with nothing to undo (a drop that merged
   * nothing, and why): shown and dismissed as an offer is, without « Annuler », and spoken to
   * screen readers by the bar, once, through the page's announcer: the caller says nothing more.
   */
  tell: (text: string) => void;
}

const UndoContext = createContext<UndoApi>({ offer: () => {}, tell: () => {} });

export const useUndo = () => useContext(UndoContext);

const VISIBLE_MS = 10_000;

interface OfferOptions {
  /**
   * The bar's « Annuler » takes the keyboard: what had it is gone (a deleted issue's form), and
   * Enter then undoes, Tab goes on. In this view only, when offered: a view opened later, or
   * another one open, shows the bar without taking the keyboard from what the editor is doing.
   */
  focus?: boolean;
  /**
   * Said after the label, in this view's bar (shown and spoken with it) while it shows this
   * offer from then on: what this view did or shows with the action (the drafts it switched to,
   * the search that hides the item). Not kept for the other views, whose lists are their own.
   */
  note?: string;
}

interface Props {
  children: ComponentChildren;
  /**
   * Shows what an undo brought back (the issue tab, the issue it is in). Given by the view, not
   * by the offer: an undo may come from a view opened after the one that offered it.
   */
  onUndone?: (undone: Undone) => void;
}

/**
 * Holds the last undoable actions (trash, merge, a deleted issue, items taken out of an issue)
 * and shows the latest one's "Undo" bar: a newer action, made in this view or another, takes the
 * bar from whatever it showed (an older offer, an outcome told, a failed undo), so that
 * « Annuler » always undoes what the bar says. Undoing it from the bar shows the one before, if
 * any, for as long again: two issues deleted one after the other can both be brought back (a
 * double click undoes one). The action shown reverted by other means (an item put back in its
 * issue by hand), the bar goes rather than offer the one before, which the editor did not just
 * do. The bar stays while the pointer or the keyboard is on it, and goes once left alone for
 * {@link VISIBLE_MS}.
 *
 * The actions are shared by the views for two minutes (`UNDO_OFFER_MS`, storage/undo-offers.ts):
 * a view opened meanwhile (the popup opened again after a click outside closed it, the desk)
 * shows the bar again, as does a view already open that an action elsewhere adds to, or that
 * comes back into sight. An undo takes the action away from every view, and one undone already
 * (in two views at once) is not undone again (see `undo`). An expired action is never shown.
 *
 * What the bar shows (an offer, an outcome told, an undo that failed) is spoken to screen readers
 * once each time it shows it, through the page's one live region (`useAnnounce`): the view puts
 * its `AnnouncerProvider` around this one. The bar itself is no live region: it is drawn only when
 * it has something to say, so a region of its own would come with its text already in it, which
 * screen readers do not reliably speak, and would say twice what the announcer says.
 */
export function UndoProvider({ children, onUndone }: Props) {
  const [offers, setOffers] = useState<readonly UndoOffer[]>([]);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<WordedFailure>();
  // An outcome told in the bar (`tell`), shown instead of the latest offer until it goes; one
  // object per telling, so that the same outcome told twice is spoken twice.
  const [told, setTold] = useState<{ text: string }>();
  const [held, setHeld] = useState({ hover: false, focus: false });
  // An undo done from this bar with nothing to tell: said « Annulé. » (see below), one object per
  // undo, so that each is said.
  const [undid, setUndid] = useState<object>();
  const latest = shown ? offers.at(-1) : undefined;
  // The notes of offers made here (OfferOptions.note), by offer id: the latest's only.
  const notes = useRef(new Map<string, string>());
  useEffect(() => {
    for (const id of notes.current.keys()) if (id !== latest?.id) notes.current.delete(id);
  }, [latest?.id]);
  // The offer the bar shows, for the watchers below, which run apart from the drawing.
  const showing = useRef<string>();
  showing.current = latest?.id;
  // The offers undone from this bar: the one before is offered next (see above), not taken away.
  const undoneHere = useRef(new Set<string>());
  // The offer, made here, whose « Annuler » takes the keyboard once drawn.
  const focusId = useRef<string>();
  // The offers this view has had: only one it has not is news to show.
  const known = useRef(new Set<string>());
  // The latest prop: an undo answers after the view may have drawn itself again.
  const undone = useRef(onUndone);
  undone.current = onUndone;

  const visible = !!latest || !!error || told !== undefined;
  useEffect(() => {
    // A bar taken away under the pointer or the keyboard says nothing of it: the next starts free.
    if (!visible) setHeld({ hover: false, focus: false });
  }, [visible]);

  useEffect(() => {
    if ((!latest && told === undefined) || held.hover || held.focus) return;
    const timer = setTimeout(() => {
      setShown(false);
      setTold(undefined);
    }, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [latest, told, held.hover, held.focus]);

  // An offer is never shown expired: the list is read again when the first one expires.
  useEffect(() => {
    const at = nextExpiry(offers);
    if (at === undefined) return;
    const timer = setTimeout(() => setOffers((now) => liveOffers(now)), at - Date.now());
    return () => clearTimeout(timer);
  }, [offers]);

  // The offers of every view: those made before this view opened are shown at once; one added
  // by another view is shown too (it was made where the editor is), one taken away is gone.
  useEffect(() => {
    let changed = false;
    // Reads answer out of order once checked against the database: only the latest is taken.
    let reads = 0;
    /**
     * The offers whose action is still in effect: one undone meanwhile by other means (a draft
     * restored from the trash, an issue deleted again) would offer to undo what is not there,
     * and undo nothing. Those are taken away from every view.
     */
    const inEffect = async (stored: UndoOffer[]): Promise<UndoOffer[]> => {
      if (stored.length === 0) return stored;
      const data = await loadData();
      const live = await Promise.all(
        stored.map((offered) => data.undoable(offered.token).catch(() => true)),
      );
      for (const [i, offered] of stored.entries()) {
        if (!live[i]) removeUndoOffer(offered.id).catch(() => undefined);
      }
      return stored.filter((_, i) => live[i]);
    };
    const take = (stored: UndoOffer[], show: (fresh: boolean) => boolean) => {
      const read = ++reads;
      inEffect(stored).then(
        (offers) => {
          if (read !== reads) return;
          const newest = offers.at(-1);
          if (show(!!newest && !known.current.has(newest.id))) {
            // A newer action (in another view) takes the bar: a failed undo or an outcome told
            // before it goes, else the bar would say it beside the new offer's « Annuler ».
            setError(undefined);
            setTold(undefined);
            setShown(true);
          }
          for (const offered of offers) known.current.add(offered.id);
          setOffers(offers);
        },
        (e: unknown) => console.error('Indiscrets undo offers', e),
      );
    };
    // The newest offer, if new to this view, is shown; one it has shown already is not again.
    const news = (fresh: boolean) => fresh;
    const unwatch = watchUndoOffers((stored) => {
      changed = true;
      take(stored, news);
    });
    readUndoOffers().then(
      (stored) => !changed && stored.length > 0 && take(stored, news),
      (e: unknown) => console.error('Indiscrets undo offers', e),
    );
    // Back to a desk tab left meanwhile: the actions still offered are shown again.
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      readUndoOffers().then(
        (stored) => take(stored, () => stored.length > 0),
        (e: unknown) => console.error('Indiscrets undo offers', e),
      );
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      unwatch();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  /*
   * An action reverted by other means while it is offered (a draft restored from the trash, in
   * this view or another) takes its offer away at once: the offers' actions are watched in the
   * database, whose changes reach every open view, rather than read again only when the shared
   * list changes (nothing in it does) or the view comes back into sight, which left « Annuler »
   * in an open desk until its ten seconds ran out.
   */
  useEffect(() => {
    if (offers.length === 0) return;
    let live = true;
    let subscription: { unsubscribe(): void } | undefined;
    loadData().then(
      (data) => {
        if (!live) return;
        subscription = data
          .liveQuery(() =>
            Promise.all(offers.map((offered) => data.undoable(offered.token).catch(() => true))),
          )
          .subscribe({
            next: (inEffect) => {
              const gone = new Set(offers.filter((_, i) => !inEffect[i]).map((o) => o.id));
              if (gone.size === 0) return;
              // The action the bar shows, reverted by other means (an item put back in its issue
              // by hand): the bar goes, rather than offer an older action the editor did not
              // just do.
              const shownId = showing.current;
              if (shownId && gone.has(shownId) && !undoneHere.current.has(shownId)) {
                setShown(false);
              }
              for (const id of gone) removeUndoOffer(id).catch(() => undefined);
              setOffers((now) => now.filter((offered) => !gone.has(offered.id)));
            },
            error: (e: unknown) => console.error('Indiscrets undo offers', e),
          });
      },
      (e: unknown) => console.error('Indiscrets undo offers', e),
    );
    return () => {
      live = false;
      subscription?.unsubscribe();
    };
  }, [offers]);

  const offer = useCallback((token: UndoToken, label: string, options: OfferOptions = {}) => {
    const made: UndoOffer = { id: crypto.randomUUID(), token, label, at: Date.now() };
    if (options.focus) focusId.current = made.id;
    if (options.note) notes.current.set(made.id, options.note);
    known.current.add(made.id);
    setError(undefined);
    setTold(undefined);
    // Shown once kept for the other views (a few milliseconds): an editor who sees « Annuler »
    // and closes the popup finds it again in the next view. Shown here all the same if keeping
    // it fails. The shared list may have brought it here first: it is not added twice.
    const show = () => {
      setOffers((before) =>
        liveOffers([...before.filter((offered) => offered.id !== made.id), made]),
      );
      setShown(true);
    };
    addUndoOffer(made).then(show, (e: unknown) => {
      console.error('Indiscrets undo offers', e);
      show();
    });
  }, []);

  const tell = useCallback((text: string) => {
    setError(undefined);
    // The latest offer stays undoable, from this bar again once the told outcome has gone by.
    setShown(false);
    setTold({ text });
  }, []);

  // What the bar shows, spoken once as it starts showing it: a failed undo, an outcome told, or
  // an offer (by its id: the shared list read again brings the same offer as another object).
  const note = latest && notes.current.get(latest.id);
  const said = error
    ? error.text
    : (told?.text ?? (note ? `${latest.label} ${note}` : latest?.label));
  const saying = error ?? told ?? latest?.id;
  const announce = useAnnounce();
  const spoken = useRef<unknown>();
  const spokenUndo = useRef<object>();
  useEffect(() => {
    // An undo is said, or a screen reader's last word would still be the action's own (« …
    // retiré du numéro. ») with the bar gone; with the offer before it back in the bar, in one
    // sentence with it: said one after the other, the offer wrote over « Annulé. » at once, and
    // the last word was an action the editor had not just made.
    const undoNews = undid !== undefined && undid !== spokenUndo.current;
    spokenUndo.current = undid;
    if (saying === spoken.current) {
      if (undoNews) announce(t('undo.done'));
      return;
    }
    spoken.current = saying;
    if (saying !== undefined && said) {
      announce(undoNews && saying === latest?.id ? `${t('undo.done')} ${said}` : said);
    } else if (undoNews) announce(t('undo.done'));
  }, [saying, said, announce, undid]);

  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (latest && latest.id === focusId.current) {
      focusId.current = undefined;
      button.current?.focus();
    }
  }, [latest]);

  const drop = (id: string) => {
    setOffers((before) => before.filter((offered) => offered.id !== id));
    removeUndoOffer(id).catch((e: unknown) => console.error('Indiscrets undo offers', e));
  };

  async function doUndo(event: { detail: number }, byKey = false) {
    // A double click undoes one action: its second click would undo the one offered next.
    if (event.detail > 1) return;
    const chosen = latest;
    if (!chosen) return;
    // Expired while the pointer was on its button: it is not undone (see UNDO_OFFER_MS).
    if (liveOffers([chosen]).length === 0) {
      setOffers((now) => liveOffers(now));
      return;
    }
    undoneHere.current.add(chosen.id);
    // The words of a conflict's undo (the conflict box's module) load with it, not after it: a
    // notice told a module load later would come after a newer message, and push it aside.
    const conflictWords =
      chosen.token.label === 'conflict'
        ? import('./conflictFields').catch((e: unknown) => {
            console.error('Indiscrets undo', e);
            return undefined;
          })
        : undefined;
    try {
      const back = await (await loadData()).undo(chosen.token);
      drop(chosen.id);
      // Nothing came back when another view had undone it already: there is nothing to show.
      if (!back) return;
      undone.current?.(back);
      // Items put back in their issue: the keyboard goes back to the list, on the first one; so
      // does a draft of an issue put back from the trash (its editor's « Supprimer » closed it),
      // or merged away into another (« Fusionner dans… » closed its editor, a drop took its row).
      // A draft of the inbox put back from the trash or a merge: to its row in the inbox ('').
      const { label } = chosen.token;
      const returned = chosen.token.removed || label === 'trash' || label === 'merge';
      if (returned && back.draftId) noteReturn(back.issueId, back.draftId, byKey);
      // One of them could not come back: the bar says which, and why.
      if (back.notBack) tell(notBackText(back.notBack.reason, back.notBack.title, 1));
      // A merge undone whose text was changed since in its merged part: kept, and said.
      if (back.kept) tell(keptText(back.kept.fields, back.kept.title));
      // A choice undone whose fields were written in since: kept (a text holding both versions
      // where they met), and said. The fields' names are the conflict box's, loaded with it,
      // never before the popup's first paint; the undo is done whether they load or not (not
      // « Impossible d'annuler »).
      const { conflictKept } = back;
      const words = conflictKept && (await conflictWords);
      if (conflictKept && words) tell(words.conflictKeptText(conflictKept));
      // Nothing to tell: the undo is said all the same (see above), with the offer before it if
      // one comes back.
      else if (!back.notBack && !back.kept) setUndid({});
    } catch (e) {
      if (isRemovalNotUndone(e)) {
        // Nothing could go back (the issue deleted meanwhile…): said, and no longer offered.
        drop(chosen.id);
        tell(notBackText(e.reason, e.title, e.count, e.moved));
        return;
      }
      setError(wordFailure(t('undo.failed'), e));
    }
  }

  /*
   * Ctrl+Z (⌘Z) outside a text field undoes what the bar offers, as « Annuler » does: the bar is
   * last in the page, 10 to 30 Tab presses from an item just removed, and goes after ten seconds.
   * In a text field, Ctrl+Z is the text's own undo. Outside one, the key is the bar's alone: the
   * browser's own undo would undo the last typing of some field of the page (the search box's),
   * and take the keyboard there. With nothing offered, « Rien à annuler. » is said to screen
   * readers (a sighted editor sees that nothing moved); a key held down undoes once. On a text
   * editor's toolbar, with nothing offered, it is the text's (the browser's undo, which the
   * editor takes as its own step).
   */
  const undoKey = useRef<() => void>();
  undoKey.current =
    latest && told === undefined ? () => void doUndo({ detail: 1 }, true) : undefined;
  const announceKey = useRef(announce);
  announceKey.current = announce;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = event.ctrlKey !== event.metaKey && !event.altKey && !event.shiftKey;
      if (!command || event.key.toLowerCase() !== 'z') return;
      if (event.defaultPrevented || inTextField(event.target)) return;
      // Not behind a dialog the editor is answering (« Fusionner dans… »): the key is its.
      if (document.querySelector('[aria-modal="true"], dialog[open]')) return;
      // Nothing offered, on a text editor's toolbar (Shift+Tab from the item's text): the text's
      // typing is what the key undoes, the browser's undo taken by the editor as its own step.
      if (!undoKey.current && onTextToolbar(event.target)) return;
      event.preventDefault();
      if (event.repeat) return;
      if (undoKey.current) undoKey.current();
      else announceKey.current(t('undo.nothing'));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <UndoContext.Provider value={{ offer, tell }}>
      {children}
      {visible && (
        <section
          class="undo-bar"
          // A landmark, named (a screen reader's list of regions reaches it, and nothing of the
          // page is outside one); no live region: what it shows is spoken by the page's
          // announcer (see above).
          aria-label={t('undo.region')}
          data-testid="undo-bar"
          onMouseEnter={() => setHeld((h) => ({ ...h, hover: true }))}
          onMouseLeave={() => setHeld((h) => ({ ...h, hover: false }))}
          onFocusIn={() => setHeld((h) => ({ ...h, focus: true }))}
          onFocusOut={() => setHeld((h) => ({ ...h, focus: false }))}
        >
          <span>
            {said}
            <FailureDetail detail={error?.detail} />
          </span>
          {latest && told === undefined && (
            <>
              <button
                type="button"
                class="button button--small"
                onClick={(event) => void doUndo(event)}
                ref={button}
                aria-keyshortcuts={hasCommandKey() ? 'Meta+Z' : 'Control+Z'}
              >
                {t('undo.button')}
              </button>
              {/* Seen, not read out twice: the button's aria-keyshortcuts says it. */}
              <kbd class="undo-bar__key" aria-hidden="true">
                {ctrlShortcut('Z')}
              </kbd>
            </>
          )}
        </section>
      )}
    </UndoContext.Provider>
  );
}

/** Whether the keyboard is in a field whose Ctrl+Z undoes its own text. */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'range'].includes(
      target.type,
    )
  );
}

/** Whether `target` is on the toolbar of a text being edited (RichText's, beside its text). */
function onTextToolbar(target: EventTarget | null): boolean {
  const toolbar = target instanceof Element ? target.closest('[role="toolbar"]') : null;
  return !!toolbar?.parentElement?.querySelector('[contenteditable="true"]');
}

/** Whether `error` says why an undo of « Retirer » put nothing back (storage/remove-undo.ts). */
function isRemovalNotUndone(error: unknown): error is RemovalNotUndone {
  return error instanceof Error && error.name === 'RemovalNotUndone';
}

/** Why items taken out of an issue did not go back (`count` of them, the first named). */
function notBackText(
  reason: RemovalNotUndone['reason'],
  name: string,
  count: number,
  moved = false,
): string {
  const many = count > 1;
  const title = draftName(name);
  if (reason === 'issue' && moved) {
    return many ? t('undo.movedIssueGoneMany', { count }) : t('undo.movedIssueGone', { title });
  }
  if (reason === 'issue') {
    return many ? t('undo.removedIssueGoneMany', { count }) : t('undo.removedIssueGone', { title });
  }
  if (reason === 'trashed') {
    return t(many ? 'undo.removedTrashedMany' : 'undo.removedTrashed', { title });
  }
  return t(many ? 'undo.removedDeletedMany' : 'undo.removedDeleted', { title });
}

/** A merge undone that left a text (or note) of the draft merged into as it is now. */
function keptText(fields: readonly string[], name: string): string {
  const title = draftName(name);
  const key =
    fields.length > 1
      ? 'undo.mergeKeptBoth'
      : fields[0] === 'note'
        ? 'undo.mergeKeptNote'
        : 'undo.mergeKeptBody';
  return t(key, { title });
}
