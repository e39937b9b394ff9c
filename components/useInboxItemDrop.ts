import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../locales/core';
import type { DraftQuery } from '../storage/draft-search';
import { loadData } from './data';
import { ITEM_MIME } from './dragTypes';
import { useDragEndClears } from './useDragEndClears';
import type { InboxFilters } from './useInboxFilters';
import type { TakeOutDropped } from './useTakeOutDropped';
import type { VirtualListHandle } from './VirtualList';
import { focusLost } from './whenDrawn';

interface Options {
  /**
   * Takes the item out of its issue (the desk's `useTakeOutDropped`), said with what the drafts
   * then show; resolves whether it was. Without it, the inbox takes no item's drop (the popup).
   */
  onItemDrop?: TakeOutDropped;
  filters: InboxFilters;
  /** The inbox's section: where the keyboard waits when the item's row is not listed. */
  section: RefObject<HTMLElement>;
  list: RefObject<VirtualListHandle>;
  /** The rows read now (not the snapshot's), from their place in the list. */
  rowsNow: () => { offset: number; rows: readonly { id: string }[] } | undefined;
  /** How many drafts the list counts now. */
  countNow: () => number;
  /** The keyboard to the list's row `index` (drawn and read first if need be). */
  focusAt: (index: number) => void;
}

/** The inbox as a drop target of an issue's items: whether one is over it, and its handlers. */
export interface InboxItemDrop {
  /** An item dragged over the inbox: drawn as the place it can be dropped. */
  itemOver: boolean;
  /** The inbox section's drag handlers. */
  onDragOver: (event: DragEvent) => void;
  onDragLeave: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
}

/**
 * The desk's inbox taking an issue's item dropped on it (beside `useTakeOutDropped`, which takes
 * it out of its issue): outlined while such a drag is over it, as the empty issue is for a draft;
 * the item dropped, the keyboard goes with it to its row here. Dropped on the trash shown, the
 * drafts out of the issues (« Hors numéro ») are shown, where it went.
 */
export function useInboxItemDrop({
  onItemDrop,
  filters,
  section,
  list,
  rowsNow,
  countNow,
  focusAt,
}: Options): InboxItemDrop {
  const [itemOver, setItemOver] = useState(false);
  // The drag ended without leaving the inbox (Escape, a drop refused): no outline left drawn.
  useDragEndClears(itemOver, () => setItemOver(false));
  /**
   * An item dropped here, and what had the keyboard then (its row in the issue, pressed by the
   * pointer, which leaves with it): the keyboard goes with it to its row here once drawn, not to
   * the page's body. Not taken from where the editor went since; given up after a few seconds
   * (a filter that does not show it).
   */
  const droppedItem = useRef<{ id: string; from: Element | null; until: number }>();
  useEffect(() => {
    const drop = droppedItem.current;
    const now = rowsNow();
    if (!drop || !now) return;
    const at = now.rows.findIndex((row) => row.id === drop.id);
    if (at < 0) {
      if (Date.now() > drop.until) droppedItem.current = undefined;
      return;
    }
    // Its row read before the count has it (the trash left for the drafts, below): the list
    // would put the keyboard on its last row counted, another draft.
    if (now.offset + at >= countNow()) return;
    droppedItem.current = undefined;
    const active = document.activeElement;
    const free = !active || active === document.body || active === section.current;
    if (!free && active !== drop.from && active.isConnected) return;
    focusAt(now.offset + at);
  });
  const takesItem = (event: DragEvent) =>
    !!onItemDrop && !!event.dataTransfer?.types.includes(ITEM_MIME);

  function onDragOver(event: DragEvent) {
    if (!takesItem(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    if (!itemOver) setItemOver(true);
  }

  function onDragLeave(event: DragEvent) {
    // Out of the inbox (not merely onto one of its rows): no longer drawn as a target.
    const next = event.relatedTarget as Node | null;
    if (!next || !(event.currentTarget as HTMLElement).contains(next)) setItemOver(false);
  }

  function onDrop(event: DragEvent) {
    setItemOver(false);
    const id = takesItem(event) ? event.dataTransfer?.getData(ITEM_MIME) : undefined;
    if (!id || !onItemDrop) return;
    event.preventDefault();
    const drop = { id, from: document.activeElement, until: Date.now() + 3000 };
    droppedItem.current = drop;
    // Dropped on the trash shown: out of the issue as anywhere on the drafts, not trashed.
    // The drafts out of the issues shown, where it went, its row taking the keyboard: the
    // trash never lists it, and the editor took it for trashed.
    const trashShown = filters.box === 'trash';
    const query: DraftQuery = trashShown ? { ...filters.query, box: 'inbox' } : filters.query;
    const { filtered, status, siteName, tag } = filters;
    // Said with its undo (seen and spoken): the list switched under a screen reader, or a search
    // (or a filter) that does not show it, kept as the editor set it.
    const note = async () => {
      const hidden = filtered && !(await (await loadData()).draftMatches(query, id));
      const byFilter = !!(status || siteName || tag);
      const said = [
        ...(trashShown ? [t('drafts.droppedShowsInbox')] : []),
        ...(hidden ? [t(byFilter ? 'drafts.droppedFiltered' : 'drafts.droppedSearched')] : []),
      ];
      return said.length > 0 ? said.join(' ') : undefined;
    };
    void onItemDrop(id, note).then((taken) => {
      if (!taken) {
        if (droppedItem.current === drop) droppedItem.current = undefined;
        return;
      }
      if (trashShown) filters.setBox('inbox');
      // Not drawn here meanwhile. Listed beyond the rows read (a long inbox, the item clipped
      // long ago): the list draws and reads its place, and the keyboard goes to its row
      // there. Not listed (a search or a filter that does not show it): the keyboard waits
      // on the inbox, where ↓ goes to its rows, not on the page's body (its row drawn later
      // still takes it).
      const waiting = () => droppedItem.current === drop && focusLost();
      setTimeout(() => {
        if (!waiting()) return;
        void loadData()
          .then((data) => data.draftPosition(query, id))
          .then((index) => {
            if (!waiting()) return;
            // Not counted in the list yet: the inbox, its row taking the keyboard once drawn.
            if (index === undefined || index >= countNow()) {
              return section.current?.focus();
            }
            droppedItem.current = undefined;
            list.current?.focusRow(index);
          }, console.error);
      }, 300);
    });
  }

  return { itemOver, onDragOver, onDragLeave, onDrop };
}
