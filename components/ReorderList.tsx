import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../locales';
import { ITEM_MIME } from './dragTypes';
import { useDragEndClears } from './useDragEndClears';
import { VirtualList, type VirtualListHandle } from './VirtualList';

/** An item's height before it is drawn and measured (title, two lines of text, its actions). */
const ROW_ESTIMATE = 104;
/** `.reorder`'s gap. */
const ROW_GAP = 6;
/**
 * How long a list drawn late waits for the draw showing the last place stored (a database's
 * answer comes within milliseconds; see the layout effect of ReorderList).
 */
const LATE_DRAW_WAIT = 1000;

export { ITEM_MIME };

/**
 * Where a drop was seen to land: next to the item dropped on (`id`), above it or below it
 * (`after`). The list drawn may be behind the one stored (a draft dropped a moment before, not
 * drawn yet): an index into it counts a place the stored list no longer has there, this does not.
 */
export interface DropPlace {
  id: string;
  after: boolean;
  /**
   * A key or button's move (Alt+↑ −1, Alt+↓ +1): whatever the neighbour's place now, the item
   * goes at least one place that way from where it is stored. A colleague's sync may have moved
   * that neighbour past the item, not drawn yet: placed by it alone, Alt+↑ moved the item down.
   */
  step?: -1 | 1;
}

/**
 * Where a moved item is in the list as stored once the move is written: its 0-based `index`
 * among `total` items. What is announced, where the list drawn may still count other places.
 */
export interface Placed {
  index: number;
  total: number;
}

/**
 * Gives the keyboard back to `button`, the one of item `id`'s buttons a move was pressed on (its
 * ↑ or ↓, its « Retirer »…: the row's node is kept, and its buttons, where it goes); to the row
 * when that button is greyed now (↑ at the top, ↓ at the bottom: a disabled button cannot hold
 * the keyboard) or no longer drawn.
 */
function focusButtonOf(id: string, button: HTMLButtonElement) {
  const row = [...document.querySelectorAll<HTMLElement>('li[data-item-id]')].find(
    (each) => each.dataset.itemId === id,
  );
  const kept = row?.contains(button) && !button.disabled;
  (kept ? button : row)?.focus({ preventScroll: true });
}

interface Props<T> {
  items: T[];
  getId: (item: T) => string;
  /** Short name of an item, for the screen-reader announcements. */
  getLabel: (item: T) => string;
  /**
   * Moves an item to a new index: 0-based, the place it ends at (counted in the list without
   * it, as storage's moveItem counts). Rejects when the item was not moved. Also says the item
   * drawn next to that place (`at`: the one dropped on; for the keys and buttons, the neighbour
   * it goes past), to place it by that one rather than by the index.
   * Resolves with the place the item took ({@link Placed}) when it knows it: the announcement
   * says that one, not the index asked for.
   */
  onMove: (id: string, toIndex: number, at?: DropPlace) => void | Promise<void | Placed>;
  /** Opens an item: Enter on the focused item. */
  onActivate?: (id: string) => void;
  /**
   * Another kind of drop (a draft from the inbox dropped on the list), and where: the index in
   * the list as drawn that it goes before (`items.length`: after the last), and the item it was
   * dropped on (`at`, see {@link DropPlace}).
   */
  onForeignDrop?: (event: DragEvent, toIndex: number, at: DropPlace) => boolean;
  /**
   * The id a foreign drag carries, when it may be one of the list's items (a draft from the
   * inbox, searched, that is already in the issue): dropped, that item is moved as its own drag
   * would move it, not handed to `onForeignDrop`.
   */
  foreignId?: (event: DragEvent) => string | undefined;
  /** The drag data types `onForeignDrop` takes; other drags (files, text) are refused. */
  foreignTypes?: string[];
  children: (item: T, index: number) => ComponentChildren;
  label: string;
  /** The order may not be changed (the user's role on the shared desk): no drag, no moves. */
  locked?: boolean;
  /** Why it is locked: the move buttons' tooltip, and what Alt+↑ / Alt+↓ announce instead. */
  lockedReason?: string;
  /** An item to bring into view when it changes (the one open in the editor). */
  revealId?: string;
  /** The list's identity: another list (another issue) starts over at the top. */
  resetKey?: string;
}

/**
 * A list the editor reorders with the mouse (drag and drop) or the keyboard alone:
 * focus an item, Alt+↑ / Alt+↓ move it, and a live region says where it went. ↑ / ↓ (or k / j)
 * go from one item to the next, Page ↑ / ↓ a screen further, Home / End to either end, Enter
 * opens the focused item. Only the items near the visible part are in the DOM (VirtualList):
 * a 300-item issue costs a screenful; the keys draw and scroll to the items they reach.
 */
export function ReorderList<T>({
  items,
  getId,
  getLabel,
  onMove,
  onActivate,
  onForeignDrop,
  foreignId,
  foreignTypes = [],
  children,
  label,
  locked = false,
  lockedReason,
  revealId,
  resetKey = '',
}: Props<T>) {
  // What the live region says, and how many times it was asked to (see its drawing below).
  const [announcement, setSaid] = useState({ text: '', count: 0 });
  const setAnnouncement = (text: string) =>
    setSaid((previous) => ({ text, count: previous.count + 1 }));
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  // A drag given up (Escape) or dropped elsewhere, its source another list (a draft of the
  // inbox): the drop marker no longer drawn, where only the item's own drag cleared it.
  useDragEndClears(dropIndex !== null, () => setDropIndex(null));
  /**
   * The item a keyboard move put at `index`, until the list shows it there; `drawn`, the list as
   * it was drawn when the move was asked; `button`, the item's button the move was pressed on;
   * `places`, where it was drawn before these moves, then each place an answered move stored it
   * at (see the layout effect below).
   */
  const refocus = useRef<{
    id: string;
    index: number;
    drawn: T[];
    button?: HTMLButtonElement;
    places: Placed[];
  } | null>(null);
  /** Moves asked for and not answered yet (`onMove` not settled). */
  const moving = useRef(0);
  const list = useRef<VirtualListHandle>(null);
  /** The list drawn now, and the end of a wait for a late draw (see the layout effect). */
  const itemsNow = useRef(items);
  itemsNow.current = items;
  const lateWait = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(lateWait.current), []);

  // After a keyboard move the item re-renders elsewhere (moving a node blurs it): focus
  // follows it once the list shows it at its new place. In the drawing's own task (a layout
  // effect): an effect waited for the next paint, the keyboard on the page's body meanwhile, and
  // a key pressed then (Enter again on « Descendre », Alt+↓ held) was lost there.
  useLayoutEffect(() => {
    const pending = refocus.current;
    if (!pending) return;
    const shown = items[pending.index];
    const now = items.findIndex((item) => getId(item) === pending.id);
    // A list drawn late: every move answered, but the query answering an earlier write drawn
    // after the last one was answered, the item where an earlier move (or none) had put it. The
    // next draw shows the last; settled on this one, the next press went from there to where the
    // last move had already put it, and was lost (Alt+↓ held, in Chromium).
    const late = pending.places
      .slice(0, -1)
      .some((place) => place.index === now && place.total === items.length);
    const last = pending.places[pending.places.length - 1]!;
    const settled =
      moving.current === 0 &&
      items !== pending.drawn &&
      (!late || (last.index === now && last.total === items.length));
    // A list drawn afresh, every move answered, that shows the item elsewhere (a colleague's
    // item came above it meanwhile): where it is drawn is where it is, the keyboard goes to it
    // there (its row's node moved, the keyboard was on the page's body), and the next press
    // moves it from there (see placeOf), not from a place it never reached.
    const index =
      shown !== undefined && getId(shown) === pending.id ? pending.index : settled ? now : -1;
    if (index >= 0) {
      // Moved from one of its buttons (↑ or ↓ pressed, Alt+↑ on « Retirer »): the keyboard stays
      // on it, the next Enter moving the item again, where moving the row's node blurred it (the
      // row took the keyboard, and the next Enter opened the item); greyed now, the row takes
      // it. focusRow leaves alone a keyboard already in the row.
      if (pending.button) focusButtonOf(pending.id, pending.button);
      list.current?.focusRow(index);
    } else if (now >= 0 && (!document.activeElement || document.activeElement === document.body)) {
      // Drawn elsewhere meanwhile (a list drawn late, or before the last move is answered): the
      // row's node moved, and the keyboard with it to the page's body, where the held key's next
      // press was lost. It stays on the item where it is drawn; the next press still moves it
      // from the place stored last (see placeOf).
      if (pending.button) focusButtonOf(pending.id, pending.button);
      list.current?.focusRow(now);
    }
    if (index >= 0 || settled) refocus.current = null;
    else if (late && moving.current === 0 && items !== pending.drawn) {
      // Waiting for the draw of the last place stored. One that never comes (a colleague's sync
      // put the item back where an earlier press had: the list drawn is the last) must not hold
      // the wait: the item's ↑ (or ↓) then went from a place it was not at, to none, and did
      // nothing, for good, and the keyboard stayed on the page's body. Past the wait, where it
      // is drawn is where it is, as for a list drawn afresh.
      clearTimeout(lateWait.current);
      lateWait.current = setTimeout(() => {
        if (refocus.current !== pending) return;
        refocus.current = null;
        const at = itemsNow.current.findIndex((item) => getId(item) === pending.id);
        const active = document.activeElement;
        // Not taken from where the editor went meanwhile.
        if (at < 0 || (active && active !== document.body)) return;
        if (pending.button) focusButtonOf(pending.id, pending.button);
        list.current?.focusRow(at);
      }, LATE_DRAW_WAIT);
    }
  });

  // The item to reveal, found when it changes only: a reorder elsewhere must not scroll to it.
  const revealIndex = useMemo(
    () =>
      revealId === undefined ? undefined : items.findIndex((item) => getId(item) === revealId),
    [revealId],
  );

  /**
   * Where item `id`, drawn at `index`, is once the moves asked for and not drawn yet are made:
   * a second Alt+↓ (or ↓) pressed before the list is drawn again moves it on from there (the
   * key held down repeats faster than the database answers), where it asked again for the
   * place the first had already given it, and the item went down one place for two.
   */
  const placeOf = (id: string, index: number) =>
    refocus.current?.id === id ? refocus.current.index : index;

  /**
   * Where a key or button move puts item `id` (to `to`, counted without it, as onMove counts),
   * said as a drop says it: below the item drawn above that place (`down`), or above the item
   * drawn below it (up). The list as stored may hold items not drawn yet (a colleague's item
   * synced in above): storage found the index asked already taken by the item, wrote nothing,
   * and the place said was true but the item had not gone past its neighbour.
   */
  const nextTo = (id: string, to: number, down: boolean): DropPlace => {
    const others = items.filter((item) => getId(item) !== id);
    return down
      ? { id: getId(others[to - 1]!), after: true, step: 1 }
      : { id: getId(others[to]!), after: false, step: -1 };
  };

  async function move(
    id: string,
    from: number,
    to: number,
    at?: DropPlace,
    button?: HTMLButtonElement,
  ) {
    if (locked) return;
    if (to < 0 || to >= items.length || to === from) return;
    const places =
      refocus.current?.id === id ? refocus.current.places : [{ index: from, total: items.length }];
    refocus.current = { id, index: to, drawn: items, button, places };
    moving.current += 1;
    let placed: void | Placed;
    try {
      placed = await onMove(id, to, at ?? nextTo(id, to, to > from));
    } catch {
      // Not moved (onMove rejects then; the caller says why): the item is where it is drawn,
      // and neither the next press nor the live region take it for moved.
      if (refocus.current?.id === id) refocus.current = null;
      return;
    } finally {
      moving.current -= 1;
    }
    if (placed && refocus.current?.id === id) refocus.current.places.push(placed);
    // By its id: `from` may be a place the list has not drawn it at yet (see placeOf).
    const item = items.find((other) => getId(other) === id);
    if (item) {
      // Where it is stored: a drop placed by the item dropped on, with another drop written and
      // not drawn yet, can land elsewhere than `to` counts in the list drawn (a draft added above,
      // an item moved from above), and the total counts the drafts added since.
      setAnnouncement(
        t('reorder.moved', {
          title: getLabel(item),
          position: (placed ? placed.index : to) + 1,
          total: placed ? placed.total : items.length,
        }),
      );
    }
  }

  /**
   * Alt+↑ / Alt+↓ on an item, or on one of its buttons, move it; the other keys are the list's
   * (VirtualList), and ↓ ↑ j k on a button too. The buttons: « Annuler » and « Retirer » leave
   * the keyboard on an item's « Retirer », where the keys the key list offers did nothing.
   */
  function onKeyDown(event: KeyboardEvent, id: string, index: number) {
    // Keys typed in the item's own menus are theirs (Alt+↓ opens « Déplacer vers… »).
    const button = event.target instanceof HTMLButtonElement ? event.target : undefined;
    if (event.target !== event.currentTarget && !button) return;
    if (button && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      // ↓ ↑ j k on a button go to the next or previous item, as on its row (VirtualList): the
      // key list gives them for it, and the desk leaves the keyboard on a button (« Retirer »,
      // « Annuler », « Descendre »), where they did nothing.
      const step = ({ ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 } as Record<string, number>)[
        event.key
      ];
      if (step === undefined) return;
      // No item beyond (the last one's ↓, the first one's ↑): nothing, as on the row, where the
      // arrow scrolled the page.
      event.preventDefault();
      if (index + step >= 0 && index + step < items.length) list.current?.focusRow(index + step);
      return;
    }
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    if (locked && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      // Said rather than silently ignored: the editor pressed a move and must know why not.
      event.preventDefault();
      if (lockedReason) setAnnouncement(lockedReason);
      return;
    }
    const from = placeOf(id, index);
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      void move(id, from, from - 1, undefined, button);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      void move(id, from, from + 1, undefined, button);
    }
  }

  /** Index where a drop at this pointer position lands: before or after the hovered item. */
  function indexAt(event: DragEvent, index: number) {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    return event.clientY > box.top + box.height / 2 ? index + 1 : index;
  }

  function onDrop(event: DragEvent, index: number) {
    const target = indexAt(event, index);
    // The item dropped on, by its id: where the editor saw the drop land, found again in the
    // list as stored when it is written (an index into this one may count a place that changed).
    const at = { id: getId(items[index]!), after: target > index };
    setDropIndex(null);
    const own = event.dataTransfer?.getData(ITEM_MIME);
    // A draft of the issue dragged from the inbox is its item: handed on as a new one, it was
    // placed by `target`, counted with its own place still above, and went one place too low
    // (dropped just below itself, it moved when it should not).
    const id = own || foreignId?.(event);
    const from = id ? items.findIndex((item) => getId(item) === id) : -1;
    if (id && from >= 0) {
      event.preventDefault();
      // Dropping below itself: the item's own slot disappears from the count (onMove's index).
      const to = target > from ? target - 1 : target;
      void move(id, from, to, at);
      return;
    }
    if (own) {
      event.preventDefault();
      return;
    }
    if (onForeignDrop?.(event, target, at)) event.preventDefault();
  }

  function rowProps(index: number) {
    const item = items[index]!;
    const id = getId(item);
    const marker =
      dropIndex === index
        ? ' reorder__item--before'
        : dropIndex === index + 1 && index === items.length - 1
          ? ' reorder__item--after'
          : '';
    return {
      'data-item-id': id,
      'data-testid': 'issue-item',
      draggable: !locked,
      class: `reorder__item${marker}`,
      'aria-label': t('reorder.itemLabel', {
        title: getLabel(item),
        position: index + 1,
        total: items.length,
      }),
      onKeyDown: (e: KeyboardEvent) => onKeyDown(e, id, index),
      onDragStart: (e: DragEvent) => {
        e.dataTransfer?.setData(ITEM_MIME, id);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
      },
      onDragOver: (e: DragEvent) => {
        const types = e.dataTransfer?.types ?? [];
        if (!types.includes(ITEM_MIME) && !foreignTypes.some((type) => types.includes(type))) {
          return;
        }
        e.preventDefault();
        const at = indexAt(e, index);
        if (at !== dropIndex) setDropIndex(at);
      },
      onDragEnd: () => setDropIndex(null),
      onDrop: (e: DragEvent) => onDrop(e, index),
    };
  }

  function renderRow(index: number) {
    const item = items[index]!;
    const id = getId(item);
    return (
      <>
        <div class="reorder__handle" aria-hidden="true">
          ⋮⋮
        </div>
        <div class="reorder__body">{children(item, index)}</div>
        <div class="reorder__buttons">
          <button
            type="button"
            class="button button--small"
            aria-label={t('reorder.up', { title: getLabel(item) })}
            disabled={locked || index === 0}
            title={locked ? lockedReason : undefined}
            onClick={(event) => {
              const from = placeOf(id, index);
              void move(id, from, from - 1, undefined, event.currentTarget);
            }}
          >
            ↑
          </button>
          <button
            type="button"
            class="button button--small"
            aria-label={t('reorder.down', { title: getLabel(item) })}
            disabled={locked || index === items.length - 1}
            title={locked ? lockedReason : undefined}
            onClick={(event) => {
              const from = placeOf(id, index);
              void move(id, from, from + 1, undefined, event.currentTarget);
            }}
          >
            ↓
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      <p class="visually-hidden" id="reorder-help">
        {/* Moving is not told to whom it is refused: Alt+↑ / Alt+↓ say why when pressed. */}
        {t(locked ? 'reorder.helpLocked' : 'reorder.help')}
      </p>
      <VirtualList
        class="reorder"
        handle={list}
        count={items.length}
        estimate={ROW_ESTIMATE}
        gap={ROW_GAP}
        resetKey={resetKey}
        rowKey={(index) => getId(items[index]!)}
        renderRow={renderRow}
        // Every item is in memory: nothing to load for the rows drawn.
        onRange={() => {}}
        onActivate={(index) => {
          const item = items[index];
          if (item && onActivate) onActivate(getId(item));
        }}
        revealIndex={revealIndex !== undefined && revealIndex >= 0 ? revealIndex : undefined}
        loadingLabel={t('common.loading')}
        listProps={{
          'aria-label': label,
          'aria-describedby': 'reorder-help',
          onDragLeave: (e: DragEvent) => {
            // Out of the list (not merely onto another item): no drop marker left behind.
            const next = e.relatedTarget as Node | null;
            const own = e.currentTarget as HTMLElement;
            if (!next || !own.contains(next)) setDropIndex(null);
          },
        }}
        rowProps={rowProps}
      />
      <p class="visually-hidden" aria-live="polite" data-testid="reorder-announcement">
        {/* The same sentence again is news too (Alt+↓ pressed twice where the role may not
            order the issue: the reason each time): a counter re-keys it, as the page's
            announcer does, where a screen reader spoke only a sentence that changed. */}
        <span key={announcement.count}>{announcement.text}</span>
      </p>
    </>
  );
}
