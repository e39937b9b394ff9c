import type { ComponentChildren, JSX, Ref } from 'preact';
import {
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'preact/hooks';
import { afterPaint } from '../lib/after-paint';
import { rowOffsets } from './rowOffsets';
import { focusLost } from './whenDrawn';

/** Rows drawn beyond each edge of the visible part, so that a quick scroll shows no gap. */
const OVERSCAN_PX = 600;

/** What a list's owner may ask of it. */
export interface VirtualListHandle {
  /** Draws row `index`, scrolls it into view and focuses it (as the arrow keys do). */
  focusRow(index: number): void;
}

interface Props {
  /** How many rows the list holds in all; only those near the visible part are in the DOM. */
  count: number;
  /** A row's height before it is measured, in pixels. */
  estimate: number;
  /** The CSS gap between rows, in pixels (`.draft-list`). */
  gap: number;
  /** A new query: the measured heights and the keyboard position start over. */
  resetKey: string;
  /** The key of row `index` (its record's id once loaded). */
  rowKey: (index: number) => string;
  /** The row's content, or `undefined` while it is not loaded yet (a placeholder is shown). */
  renderRow: (index: number) => ComponentChildren | undefined;
  /** Which rows are drawn: the caller loads those. */
  onRange: (start: number, end: number) => void;
  /** Enter on a row. */
  onActivate?: (index: number) => void;
  /** A row to bring into view when it changes (the draft open in the editor). */
  revealIndex?: number;
  class?: string;
  /** The placeholder's words for a row not loaded yet. */
  loadingLabel: string;
  /** More attributes of the list itself (its accessible name, drag handlers…). */
  listProps?: JSX.HTMLAttributes<HTMLOListElement>;
  /** More attributes of a loaded row (its `class` is added to the row's own). */
  rowProps?: (index: number) => JSX.HTMLAttributes<HTMLLIElement>;
  /** Filled with the list's handle (see VirtualListHandle). */
  handle?: Ref<VirtualListHandle>;
}

/**
 * A long list that only puts in the DOM the rows near the part of it that is visible in the
 * window: thousands of drafts cost the same as a screenful. Rows may differ in height: each is
 * measured once drawn, and rows never drawn count for `estimate`. The page keeps scrolling as
 * usual (the list is not a scroll box of its own), so it works the same in the popup and in a
 * desk column.
 *
 * Keyboard: one row is in the Tab order (roving tabindex); ↑ ↓ (j k), Page ↑ ↓, Home and End move
 * between rows, drawing and loading them on the way; Enter activates; Tab enters the row's
 * buttons. Screen readers hear each row's place in the whole list (aria-posinset/setsize).
 */
export function VirtualList({
  count,
  estimate,
  gap,
  resetKey,
  rowKey,
  renderRow,
  onRange,
  onActivate,
  revealIndex,
  class: className,
  loadingLabel,
  listProps,
  rowProps,
  handle,
}: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const heights = useRef(new Map<number, number>());
  const [measured, setMeasured] = useState(0);
  // Until the list has been painted once and measured: the rows a window's height holds from the
  // top at their estimated height (the list starts at or below the window's top), so that the
  // first paint lays nothing out ahead of the browser's own layout.
  const [range, setRange] = useState<{ start: number; end: number } | undefined>(undefined);
  const [painted, setPainted] = useState(false);
  const [active, setActive] = useState(0);
  /** The row keyboard navigation moved to, focused as soon as it is drawn. */
  const focusWanted = useRef<number | undefined>(undefined);
  /** A row to scroll into view as soon as it is drawn. */
  const revealWanted = useRef<number | undefined>(undefined);
  /**
   * The placeholder row that has the keyboard (reached by Tab, a click, the owner's focus): once
   * its record is read it is drawn anew, keyed by the record's id, and the keyboard it had goes
   * to the page's body; the row drawn loaded at the same place takes it back.
   */
  const pendingFocused = useRef<number | undefined>(undefined);

  const lastReset = useRef(resetKey);
  if (lastReset.current !== resetKey) {
    lastReset.current = resetKey;
    heights.current.clear();
  }

  // Where each row starts (rows never drawn count for the estimate): at(count) is the whole height.
  const offsets = useMemo(
    () => rowOffsets(count, estimate, gap, heights.current),
    [count, estimate, gap, measured, resetKey],
  );

  useEffect(() => setActive(0), [resetKey]);

  /** The rows overlapping the visible part of the window, plus the overscan. */
  function visibleRange(): { start: number; end: number } {
    const list = listRef.current;
    if (!list || count === 0) return { start: 0, end: 0 };
    const top = list.getBoundingClientRect().top;
    const from = Math.max(0, -top - OVERSCAN_PX);
    const to = Math.max(0, window.innerHeight - top + OVERSCAN_PX);
    const start = Math.max(0, offsets.upperBound(from) - 1);
    const end = Math.min(count, Math.max(start + 1, offsets.upperBound(to)));
    return { start: Math.min(start, count - 1), end };
  }

  const update = () =>
    setRange((current) => {
      const next = visibleRange();
      return current && next.start === current.start && next.end === current.end ? current : next;
    });

  useEffect(() => afterPaint(() => setPainted(true)), []);

  // Scrolling anywhere (the window, a desk column) or resizing may show other rows.
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          update();
        });
    };
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
    };
  });
  useLayoutEffect(() => {
    if (painted) update();
  }, [offsets, painted]);

  const shown = range ?? {
    start: 0,
    end: Math.ceil((window.innerHeight + OVERSCAN_PX) / Math.max(estimate + gap, 1)),
  };
  const start = Math.min(shown.start, count);
  const end = Math.min(Math.max(shown.end, start), count);
  useEffect(() => onRange(start, end), [start, end, resetKey]);

  // Measure the rows drawn; bring a wanted row into view and focus.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    let changed = false;
    // Not before the first paint: reading a row's height would lay the page out first.
    for (const item of painted ? (Array.from(list.children) as HTMLElement[]) : []) {
      const index = Number(item.dataset.index);
      if (item.dataset.loaded !== 'true' || !Number.isInteger(index)) continue;
      const height = item.getBoundingClientRect().height;
      if (Math.abs((heights.current.get(index) ?? -1) - height) > 0.5) {
        heights.current.set(index, height);
        changed = true;
      }
    }
    if (changed) setMeasured((n) => n + 1);
    const row = (index: number | undefined) =>
      index === undefined
        ? null
        : list.querySelector<HTMLElement>(`:scope > li[data-index="${index}"]`);
    const reveal = row(revealWanted.current);
    if (reveal) {
      revealWanted.current = undefined;
      reveal.scrollIntoView({ block: 'nearest' });
    }
    const focus = row(focusWanted.current);
    if (focus) {
      if (!focus.contains(document.activeElement)) {
        focus.scrollIntoView({ block: 'nearest' });
        focus.focus({ preventScroll: true });
      }
      // A row still loading is replaced once loaded: focus moves to the new one then.
      if (focus.dataset.loaded === 'true') focusWanted.current = undefined;
    }
    // The placeholder that had the keyboard, drawn loaded: the keyboard, gone with the
    // placeholder to the page's body, goes to it; not taken from where the editor put it.
    const pending = row(pendingFocused.current);
    if (pending?.dataset.loaded === 'true') {
      pendingFocused.current = undefined;
      if (focusLost()) pending.focus({ preventScroll: true });
    }
  });

  /** Draws row `index` (the range around it) and scrolls it into view. */
  function bringIntoView(index: number) {
    const list = listRef.current;
    if (!list) return;
    const rowTop = offsets.at(index);
    const top = list.getBoundingClientRect().top;
    // The row's place in the window: scroll the window (or the column) so that it shows.
    if (top + rowTop < 0 || top + rowTop + estimate > window.innerHeight) {
      const extra = OVERSCAN_PX / Math.max(estimate + gap, 1);
      setRange({
        start: Math.max(0, index - Math.ceil(extra)),
        end: Math.min(count, index + Math.ceil(extra) + 1),
      });
    }
    revealWanted.current = index;
  }

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    focusWanted.current = next;
    bringIntoView(next);
  }

  useImperativeHandle(handle ?? null, () => ({ focusRow: moveTo }));

  useEffect(() => {
    if (revealIndex !== undefined && revealIndex >= 0 && revealIndex < count) {
      bringIntoView(revealIndex);
    }
  }, [revealIndex]);

  function onKeyDown(event: KeyboardEvent) {
    const item = (event.target as HTMLElement).closest<HTMLElement>('li[data-index]');
    // Keys typed in a row's own controls stay theirs, except on the row itself.
    if (!item || event.target !== item || event.altKey || event.ctrlKey || event.metaKey) return;
    const index = Number(item.dataset.index);
    const page = Math.max(1, Math.floor(window.innerHeight / (estimate + gap)) - 1);
    const target = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      // As in mail readers: j and k, the hands kept on the letters.
      j: index + 1,
      k: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
    }[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' && onActivate) {
      event.preventDefault();
      onActivate(index);
    }
  }

  const rows = [];
  for (let index = start; index < end; index++) {
    const content = renderRow(index);
    const loaded = content !== undefined;
    const extra = loaded && rowProps ? rowProps(index) : undefined;
    rows.push(
      <li
        {...extra}
        key={loaded ? rowKey(index) : `pending:${index}`}
        data-index={index}
        data-loaded={loaded ? 'true' : 'false'}
        class={
          loaded
            ? `virtual-row${extra?.class ? ` ${String(extra.class)}` : ''}`
            : 'virtual-row virtual-row--pending'
        }
        tabIndex={index === Math.min(active, count - 1) ? 0 : -1}
        aria-setsize={count}
        aria-posinset={index + 1}
        aria-busy={loaded ? undefined : true}
        style={loaded ? undefined : { height: `${heights.current.get(index) ?? estimate}px` }}
        onFocus={(event) => {
          if (event.target !== event.currentTarget) return;
          setActive(index);
          pendingFocused.current = loaded ? undefined : index;
        }}
      >
        {loaded ? content : <span class="visually-hidden">{loadingLabel}</span>}
      </li>,
    );
  }

  return (
    <ol
      {...listProps}
      ref={listRef}
      class={className}
      style={{
        paddingTop: `${offsets.at(start)}px`,
        paddingBottom: `${Math.max(0, offsets.at(count) - offsets.at(end))}px`,
      }}
      onKeyDown={onKeyDown}
      onFocusOut={(event) => {
        // Leaving the list for another control: stop pulling focus back to a row.
        const next = event.relatedTarget as Node | null;
        if (next && !listRef.current?.contains(next)) {
          focusWanted.current = undefined;
          pendingFocused.current = undefined;
        }
      }}
      onMouseDown={() => {
        focusWanted.current = undefined;
      }}
    >
      {rows}
    </ol>
  );
}
