import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../locales';

export const ITEM_MIME = 'application/x-indiscrets-item';

interface Props<T> {
  items: T[];
  getId: (item: T) => string;
  /** Short name of an item, for the screen-reader announcements. */
  getLabel: (item: T) => string;
  /** Moves an item to a new index (0-based, in the list as it is before the move). */
  onMove: (id: string, toIndex: number) => void | Promise<void>;
  /** Opens an item: Enter on the focused item. */
  onActivate?: (id: string) => void;
  /** Another kind of drop (a draft from the inbox dropped on the list). */
  onForeignDrop?: (event: DragEvent, toIndex: number) => boolean;
  /** The drag data types `onForeignDrop` takes; other drags (files, text) are refused. */
  foreignTypes?: string[];
  children: (item: T, index: number) => ComponentChildren;
  label: string;
  /** The order may not be changed (the user's role on the shared desk): no drag, no moves. */
  locked?: boolean;
}

/**
 * A list the editor reorders with the mouse (drag and drop) or the keyboard alone:
 * focus an item, Alt+↑ / Alt+↓ move it, and a live region says where it went. ↑ / ↓ (or k / j)
 * go from one item to the next, Home / End to either end, Enter opens the focused item.
 */
export function ReorderList<T>({
  items,
  getId,
  getLabel,
  onMove,
  onActivate,
  onForeignDrop,
  foreignTypes = [],
  children,
  label,
  locked = false,
}: Props<T>) {
  const [announcement, setAnnouncement] = useState('');
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const refocus = useRef<{ id: string; index: number } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // After a keyboard move the item re-renders elsewhere (moving a node blurs it): focus
  // follows it once the list shows it at its new place.
  useEffect(() => {
    const pending = refocus.current;
    const shown = pending ? items[pending.index] : undefined;
    if (!pending || shown === undefined || getId(shown) !== pending.id) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-item-id="${pending.id}"]`);
    el?.focus();
    refocus.current = null;
  });

  async function move(id: string, from: number, to: number) {
    if (locked) return;
    if (to < 0 || to >= items.length || to === from) return;
    refocus.current = { id, index: to };
    await onMove(id, to);
    const item = items[from];
    if (item) {
      setAnnouncement(
        t('reorder.moved', { title: getLabel(item), position: to + 1, total: items.length }),
      );
    }
  }

  /** Focus on the item at `index` (clamped to the list). */
  function focusAt(index: number) {
    const nodes = listRef.current?.querySelectorAll<HTMLElement>(':scope > [data-item-id]');
    if (!nodes || nodes.length === 0) return;
    nodes[Math.max(0, Math.min(nodes.length - 1, index))]?.focus();
  }

  function onKeyDown(event: KeyboardEvent, id: string, index: number) {
    // Keys typed in the item's own buttons and menus are theirs.
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey) return;
    if (!event.altKey) {
      const step: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };
      if (event.key in step) {
        event.preventDefault();
        focusAt(index + step[event.key]!);
      } else if (event.key === 'Home' || event.key === 'End') {
        event.preventDefault();
        focusAt(event.key === 'Home' ? 0 : items.length - 1);
      } else if (event.key === 'Enter' && onActivate) {
        event.preventDefault();
        onActivate(id);
      }
      return;
    }
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      void move(id, index, index - 1);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      void move(id, index, index + 1);
    }
  }

  /** Index where a drop at this pointer position lands: before or after the hovered item. */
  function indexAt(event: DragEvent, index: number) {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    return event.clientY > box.top + box.height / 2 ? index + 1 : index;
  }

  function onDrop(event: DragEvent, index: number) {
    const target = indexAt(event, index);
    setDropIndex(null);
    const id = event.dataTransfer?.getData(ITEM_MIME);
    if (id) {
      event.preventDefault();
      const from = items.findIndex((item) => getId(item) === id);
      if (from < 0) return;
      // Dropping below itself: the item's own slot disappears from the count.
      const to = target > from ? target - 1 : target;
      void move(id, from, to);
      return;
    }
    if (onForeignDrop?.(event, target)) event.preventDefault();
  }

  return (
    <>
      <p class="visually-hidden" id="reorder-help">
        {t('reorder.help')}
      </p>
      <ol
        class="reorder"
        ref={listRef}
        aria-label={label}
        aria-describedby="reorder-help"
        onDragLeave={(e) => {
          // Out of the list (not merely onto another item): no drop marker left behind.
          const next = e.relatedTarget as Node | null;
          if (!next || !listRef.current?.contains(next)) setDropIndex(null);
        }}
      >
        {items.map((item, index) => {
          const id = getId(item);
          return (
            <li
              key={id}
              data-item-id={id}
              data-testid="issue-item"
              tabIndex={0}
              draggable={!locked}
              class={`reorder__item${dropIndex === index ? ' reorder__item--before' : ''}${dropIndex === index + 1 && index === items.length - 1 ? ' reorder__item--after' : ''}`}
              aria-label={t('reorder.itemLabel', {
                title: getLabel(item),
                position: index + 1,
                total: items.length,
              })}
              onKeyDown={(e) => onKeyDown(e, id, index)}
              onDragStart={(e) => {
                e.dataTransfer?.setData(ITEM_MIME, id);
                if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => {
                const types = e.dataTransfer?.types ?? [];
                if (
                  !types.includes(ITEM_MIME) &&
                  !foreignTypes.some((type) => types.includes(type))
                ) {
                  return;
                }
                e.preventDefault();
                const at = indexAt(e, index);
                if (at !== dropIndex) setDropIndex(at);
              }}
              onDragEnd={() => setDropIndex(null)}
              onDrop={(e) => onDrop(e, index)}
            >
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
                  onClick={() => void move(id, index, index - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="button button--small"
                  aria-label={t('reorder.down', { title: getLabel(item) })}
                  disabled={locked || index === items.length - 1}
                  onClick={() => void move(id, index, index + 1)}
                >
                  ↓
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <p class="visually-hidden" aria-live="polite" data-testid="reorder-announcement">
        {announcement}
      </p>
    </>
  );
}
