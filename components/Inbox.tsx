import { useEffect, useRef, useState } from 'preact/hooks';
import { shortened } from '../lib/ellipsis';
import { t } from '../locales/core';
import type { DraftStatus } from '../storage/db';
import type { DraftQuery } from '../storage/draft-search';
import { DRAFT_TEXT_LIMITS } from '../storage/record-values';
import { useAnnounce } from './Announcer';
import { loadData, useDataQuery } from './data';
import { useLockLapse } from './DeskMarks';
import { DraftRow } from './DraftRow';
import type { InboxRow } from './inboxRow';
import { readInboxSnapshot, writeInboxSnapshot } from './inboxSnapshot';
import { menuTags } from './tagsShown';
import { useDebounced } from './useDebounced';
import {
  useFilterMenus,
  useInboxFilters,
  type Box,
  type InboxFilters,
  type InboxReturn,
} from './useInboxFilters';
import { useInboxItemDrop } from './useInboxItemDrop';
import { useInboxKeys } from './useInboxKeys';
import type { TakeOutDropped } from './useTakeOutDropped';
import { focusGoesBack, takeReturn, watchReturns } from './itemReturn';
import { focusLost } from './whenDrawn';
import { useUndo } from './Undo';
import { VirtualList, type VirtualListHandle } from './VirtualList';
import { mergeLockRefusal } from './mergeLock';
import { deskRefusal } from './roles';
import { deskUser, SHARED_DESK_OFF } from './sharedDesk';
import { useSharedDeskRead } from './useSharedDesk';

/** The type a dragged draft carries (kept here too: the issue's items import it from the inbox). */
export { DRAFT_MIME } from './DraftRow';

/** A row's height before it is drawn and measured (title, meta line, two lines, buttons). */
const ROW_ESTIMATE = 118;
/** `.draft-list`'s gap. */
const ROW_GAP = 8;
/** The shortest a row is (title, meta line and buttons, no text): what fills a screen at most. */
const ROW_MIN_HEIGHT = 80;

/**
 * How many rows the first screen can show below the list's top (its place in the page, not in
 * the window: the popup opens scrolled to the top), each at least `ROW_MIN_HEIGHT` high: what the
 * snapshot keeps. The next opening paints only those before the database answers (the list
 * draws the rest once it does): rows below the window's bottom would only cost the first frame.
 */
function firstScreenRows(section: HTMLElement | null, pageSize: number): number {
  const list = section?.querySelector('.draft-list');
  const top = list ? list.getBoundingClientRect().top + scrollY : 0;
  const rows = Math.ceil((innerHeight - top + ROW_GAP) / (ROW_MIN_HEIGHT + ROW_GAP));
  // At least one: an empty snapshot would paint an empty inbox.
  return Math.max(1, Math.min(pageSize, rows));
}

interface Props {
  /** Drafts read at a time (and kept in the snapshot): the popup shows few, the desk more. */
  pageSize?: number;
  onOpen: (id: string) => void;
  currentIssueId?: string | null;
  /** The draft just clipped, highlighted. */
  freshId?: string;
  /** The draft open in the desk's editor, marked. */
  selectedId?: string;
  /**
   * The filters, when kept by a parent that outlives the inbox (the popup unmounts it while a
   * draft or the issue is shown); the inbox keeps its own otherwise.
   */
  filters?: InboxFilters;
  /** Where the editor left the inbox, taken up once when it is drawn again. */
  returnTo?: InboxReturn;
  /**
   * A draft this list put in the trash (`into`: merged into that draft), undoable: the desk's
   * editor, open on it, would say it went « ailleurs ». Called once it is done.
   */
  onTrashed?: (id: string, into?: string) => void;
  /**
   * An issue's item dragged from its list and dropped on the inbox (the desk's, the issue beside
   * it): to be taken out of its issue, as « Retirer » takes it. Resolves whether it was. Without
   * it, the inbox takes no item's drop (the popup shows one or the other).
   */
  onItemDrop?: TakeOutDropped;
  /**
   * The issue's list is beside the inbox (the desk): a draft put in it is said by that list's
   * name for it; the popup's inbox says its row's ({@link useInboxKeys}).
   */
  issueBeside?: boolean;
}

/** Rows read by one query of the list: the part drawn, rounded out to whole pages. */
interface Loaded {
  key: string;
  offset: number;
  rows: InboxRow[];
}

/**
 * The inbox: drafts newest first, searched and filtered with indexes. The whole result is one
 * scrolling list, but only the rows near the visible part are read and drawn (VirtualList).
 */
export function Inbox({
  onOpen,
  currentIssueId,
  freshId,
  selectedId,
  pageSize = 50,
  filters: kept,
  returnTo,
  onTrashed,
  onItemDrop,
  issueBeside,
}: Props) {
  // Called either way: a hook is never skipped. The parent's, when given, outlives this inbox.
  const own = useInboxFilters();
  const filters = kept ?? own;
  const { box, filtered, key: filterKey } = filters;
  const { offer, tell } = useUndo();
  // A role that may not put drafts in the issue (shared desk) sees « Ajouter » disabled, with why.
  // Until read (the popup's first instant, its rows painted from the snapshot), the desk is taken
  // as off to draw; what may not be done on a guess waits for it (trashAsked).
  const deskRead = useSharedDeskRead();
  const desk = deskRead ?? SHARED_DESK_OFF;
  const cannotPlace = deskRefusal(desk, 'place');
  const announce = useAnnounce();
  const section = useRef<HTMLElement>(null);
  // The part of the list drawn, as whole pages of `pageSize` rows from `offset`.
  const [drawn, setDrawn] = useState({ key: filterKey, offset: 0, limit: pageSize });
  // The rows the first screen shows, measured once the list is drawn (all of a page until then).
  const screenRows = useRef(pageSize);
  // What was just typed (or chosen) reads only the rows the screen shows, so that the first
  // matches are drawn after reading as few drafts as they need; the whole pages around them are
  // read once those are drawn (see onRange below).
  const current =
    drawn.key === filterKey ? drawn : { key: filterKey, offset: 0, limit: screenRows.current };
  const live = useDataQuery(
    async (data, signal): Promise<Loaded> => ({
      key: current.key,
      offset: current.offset,
      rows: await data.inboxRows(
        { ...filters.query, offset: current.offset, limit: current.limit },
        signal,
      ),
    }),
    [current.key, current.offset, current.limit],
    // The rows of what was just typed: asked for at once, not a frame later.
    { now: true },
  );
  // The rows of the previous window stay drawn while the next one is read.
  const shown = useRef<Loaded | undefined>(undefined);
  if (live && live.key === filterKey) shown.current = live;
  else if (shown.current && shown.current.key !== filterKey) shown.current = undefined;

  const isPlainInbox = box === 'inbox' && !filtered;
  const [snapshot] = useState(() => (isPlainInbox ? readInboxSnapshot() : undefined));
  // The snapshot is the first paint's only: once the database has answered, going back to the
  // plain inbox (a search cleared) waits for its rows, not for the rows of the opening.
  const answered = useRef(false);
  if (live) answered.current = true;
  useEffect(() => {
    if (!live || live.offset !== 0) return;
    // Measured after the paint, when the page is laid out already.
    screenRows.current = firstScreenRows(section.current, pageSize);
    // The rows of the plain inbox only: just back from the trash, `live` still holds its rows.
    if (isPlainInbox && live.key === filterKey) {
      writeInboxSnapshot(live.rows.slice(0, screenRows.current));
    }
  }, [live, isPlainInbox]);
  const loaded: Loaded | undefined =
    shown.current ??
    (isPlainInbox && snapshot && !answered.current
      ? { key: filterKey, offset: 0, rows: snapshot }
      : undefined);
  // A row greyed by a colleague's lock (no drop on it) is free again when the lock lapses.
  useLockLapse(loaded?.rows.map((row) => row.desk) ?? []);

  // Counting waits until typing pauses, so that it never slows the page of the next keystroke.
  const countKey = useDebounced(filterKey, 300);
  // The count says which search it counts: until this one's is read, the last one's is kept by
  // the query, and taken for this one's it drew « Aucun brouillon ne correspond » over its rows.
  const total = useDataQuery(
    async (data) => ({
      key: countKey,
      n: await data.countDrafts(JSON.parse(countKey) as DraftQuery),
    }),
    [countKey],
  );
  const totalIsCurrent = total !== undefined && total.key === filterKey;
  // Until the count is known, the list is as long as what has been read.
  const count = totalIsCurrent ? total.n : loaded ? loaded.offset + loaded.rows.length : 0;
  const countNow = useRef(count);
  countNow.current = count;
  const rowAt = (index: number): InboxRow | undefined =>
    loaded ? loaded.rows[index - loaded.offset] : undefined;

  const { sites, tags, wantMenus } = useFilterMenus(filters);
  // A backup's or the shared desk's tags may be 100,000, of any length: the menu lists the first.
  const tagMenu = tags && menuTags(tags, filters.tag);

  // A row painted from the snapshot may be acted on before the database layer is loaded.
  async function trash(draft: InboxRow) {
    // Its row goes: the keyboard on it goes on to the next draft rather than to the page's body.
    keys.leaving(draft.id);
    const data = await loadData();
    offer(await data.trashDraft(draft.id), t('undo.trashed', { title: draft.title }));
    onTrashed?.(draft.id);
  }

  /** Out of the trash: said (the row leaves the list), the keyboard on to the next row. */
  async function restore(draft: InboxRow) {
    keys.leaving(draft.id);
    const data = await loadData();
    await data.restoreDraft(draft.id);
    tell(t('trash.restored', { title: draft.title }));
  }

  async function mergeInto(sourceId: string, target: InboxRow) {
    if (sourceId === target.id) return;
    try {
      // A colleague opened one of the two since the last sync: nothing merged, and said why
      // where a drop's merge is said (the bar of « Annuler », which speaks it).
      const locked = await mergeLockRefusal(sourceId, target.id, target.title);
      if (locked) return tell(locked);
      const data = await loadData();
      const token = await data.mergeDrafts(sourceId, target.id);
      offer(token, data.mergedLabel(token, deskUser(desk)));
      onTrashed?.(sourceId, target.id);
    } catch (error) {
      console.error('Indiscrets merge', error);
    }
  }

  /** Why the user's role may not put `draft` in the trash (shared desk), if it may not. */
  const trashRefusal = (draft: InboxRow, state = desk) =>
    deskRefusal(state, 'trash', {
      kind: 'draft',
      desk: draft.desk,
      trashed: !!draft.deletedAt,
      inIssue: !!draft.issueId,
    });
  const keys = useInboxKeys({
    section,
    rowAt,
    box,
    currentIssueId,
    cannotPlace,
    announce,
    trash: (draft) => void trashAsked(draft),
    issueBeside,
  });

  /** The drafts whose « Suppr » waits for the shared desk's state ({@link trashAsked}). */
  const trashReading = useRef(new Set<string>());

  /**
   * « Suppr » on a row, or its « Supprimer »: as asked, or said why not, in the bar (seen and
   * spoken): a key pressed, nothing seen to happen, would leave a sighted editor guessing. Before
   * the shared desk's state is read (a row painted from the snapshot, the popup's first instant),
   * it is read first: a role that may not trash the draft is refused as it is once read. A press
   * again on the row meanwhile (still there, the keyboard on it) is the same press: a second
   * trashing would take the bar, and its « Annuler » would put back a draft already trashed.
   */
  async function trashAsked(draft: InboxRow) {
    if (trashReading.current.has(draft.id)) return;
    try {
      let state = deskRead;
      if (!state) {
        trashReading.current.add(draft.id);
        state = await (await loadData()).sharedDesk();
      }
      const refused = trashRefusal(draft, state);
      if (refused) tell(refused);
      else await trash(draft);
    } catch (error) {
      console.error('Indiscrets trash', error);
    } finally {
      trashReading.current.delete(draft.id);
    }
  }

  // An empty inbox is not an empty desk: say so when every draft is in an issue.
  const empty = loaded !== undefined && count === 0;
  const inboxEmpty = isPlainInbox && empty;
  const elsewhere = useDataQuery(
    (data) => (inboxEmpty ? data.countDrafts({ box: 'all' }) : 0),
    [inboxEmpty],
  );

  // The draft open in the desk's editor is scrolled into view when it is in the rows read.
  const selectedIndex =
    selectedId && loaded
      ? (() => {
          const at = loaded.rows.findIndex((row) => row.id === selectedId);
          return at < 0 ? undefined : loaded.offset + at;
        })()
      : undefined;

  // Back from a draft or the other tab: the list scrolled as it was, then the row of the draft
  // just closed focused, as if the editor had never left. Only once the whole count is known
  // (the list is as tall as its result) and until the editor does something else.
  const list = useRef<VirtualListHandle>(null);
  /**
   * The keyboard to row `index`: the row itself when drawn and read (the list, its chosen row
   * unchanged, would draw nothing anew to focus it), else drawn, read and focused by the list.
   */
  const focusAt = (index: number) => {
    const row = section.current?.querySelector<HTMLElement>(
      `.draft-list > li[data-index="${index}"][data-loaded="true"]`,
    );
    if (row) row.focus();
    else list.current?.focusRow(index);
  };
  const returning = useRef(returnTo && { ...returnTo, scrolled: false });
  useEffect(() => {
    if (!returning.current) return;
    const forget = () => (returning.current = undefined);
    const timer = setTimeout(forget, 3000);
    // A click or a key (Home, an arrow, typing a search) before the count is known: the editor
    // has moved on, and scrolling back to the draft just closed would take that away.
    addEventListener('pointerdown', forget, { capture: true, once: true });
    addEventListener('keydown', forget, { capture: true, once: true });
    return () => {
      clearTimeout(timer);
      removeEventListener('pointerdown', forget, { capture: true });
      removeEventListener('keydown', forget, { capture: true });
    };
  }, []);
  useEffect(() => {
    const wanted = returning.current;
    if (!wanted || !loaded || !totalIsCurrent) return;
    if (!wanted.scrolled) {
      wanted.scrolled = true;
      if (scrollY !== wanted.scrollY) scrollTo(scrollX, wanted.scrollY);
    }
    // The row found in the list as read now, not in its snapshot: the draft may have left the
    // inbox while it was open (merged into another, put in the issue), its row in the snapshot
    // only until the rows are read, and the keyboard would go with it.
    const now = shown.current;
    if (!now) return;
    const at = wanted.id ? now.rows.findIndex((row) => row.id === wanted.id) : -1;
    if (at >= 0) {
      returning.current = undefined;
      list.current?.focusRow(now.offset + at);
    } else if (!wanted.id) returning.current = undefined;
  });
  // Back from a draft its editor's « Supprimer » put in the trash: the keyboard, on nothing as
  // the editor went, goes where it was, once the list is read as it is now (not its snapshot, which
  // may still hold it) however long that takes; not taken from where the editor put it meanwhile.
  const gone = useRef(returnTo?.gone);
  useEffect(() => {
    const at = gone.current;
    if (at === undefined || !shown.current || !totalIsCurrent) return;
    gone.current = undefined;
    if (!focusLost()) return;
    if (count > 0) focusAt(Math.min(at, count - 1));
    else section.current?.querySelector<HTMLElement>('input[type="search"]')?.focus();
  });

  // A draft of the inbox put back from the trash by the undo bar's « Annuler » or Ctrl+Z, in
  // this view: the keyboard goes to its row once drawn ({@link focusGoesBack}).
  const loadedNow = useRef(loaded);
  loadedNow.current = loaded;
  useEffect(() => {
    const focusBack = () => {
      const now = loadedNow.current;
      const back = takeReturn('', now?.rows.map((row) => row.id) ?? []);
      if (back === undefined || !now || !focusGoesBack(back)) return;
      focusAt(now.offset + now.rows.findIndex((row) => row.id === back.id));
    };
    focusBack();
    return watchReturns(focusBack);
  }, [loaded]);

  // An issue's item dropped on the desk's inbox: taken out of its issue, the keyboard with it.
  const itemDrop = useInboxItemDrop({
    onItemDrop,
    filters,
    section,
    list,
    rowsNow: () => shown.current,
    countNow: () => countNow.current,
    focusAt,
  });

  return (
    <section
      class={`inbox${itemDrop.itemOver ? ' inbox--drop' : ''}`}
      aria-label={t('drafts.heading')}
      ref={section}
      onKeyDown={keys.onRowKey}
      // Where the keyboard goes when « a » took the inbox's last draft (useInboxKeys).
      tabIndex={-1}
      onDragOver={itemDrop.onDragOver}
      onDragLeave={itemDrop.onDragLeave}
      onDrop={itemDrop.onDrop}
    >
      <div class="inbox__search">
        <input
          type="search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={filters.text}
          data-testid="search"
          onInput={(e) => filters.setText((e.target as HTMLInputElement).value)}
          // From the search to its results without the mouse.
          onKeyDown={keys.onSearchKey}
        />
      </div>
      <div class="inbox__filters" onMouseEnter={wantMenus} onFocusCapture={wantMenus}>
        <div class="inbox__choices">
          <select
            aria-label={t('filter.box')}
            value={box}
            onChange={(e) => filters.setBox((e.target as HTMLSelectElement).value as Box)}
          >
            <option value="inbox">{t('filter.boxInbox')}</option>
            <option value="all">{t('filter.boxAll')}</option>
            <option value="trash">{t('filter.boxTrash')}</option>
          </select>
          <select
            aria-label={t('filter.status')}
            value={filters.status}
            onChange={(e) =>
              filters.setStatus((e.target as HTMLSelectElement).value as DraftStatus | '')
            }
          >
            <option value="">{t('filter.anyStatus')}</option>
            <option value="draft">{t('status.draft')}</option>
            <option value="checked">{t('status.checked')}</option>
            <option value="ready">{t('status.ready')}</option>
          </select>
        </div>
        <div class="inbox__names">
          <select
            aria-label={t('filter.site')}
            value={filters.siteName}
            onChange={(e) => filters.setSiteName((e.target as HTMLSelectElement).value)}
          >
            <option value="">{t('filter.anySite')}</option>
            {sites?.map((site) => (
              <option value={site} key={site}>
                {shortened(site, DRAFT_TEXT_LIMITS.siteName)}
              </option>
            ))}
          </select>
          <select
            aria-label={t('filter.tag')}
            value={filters.tag}
            onChange={(e) => filters.setTag((e.target as HTMLSelectElement).value)}
          >
            <option value="">{t('filter.anyTag')}</option>
            {tagMenu?.choices.map(({ value, name }) => (
              <option value={value} key={value}>
                {name}
              </option>
            ))}
            {!!tagMenu?.more && (
              // Never a tag's value: a tag is trimmed.
              <option value=" " disabled>
                {t('tags.more', { count: tagMenu.more })}
              </option>
            )}
          </select>
        </div>
      </div>
      {loaded && (
        <p class="muted inbox__count" data-testid="draft-total">
          {totalIsCurrent ? t('drafts.count', { count: total.n }) : '…'}
          {box === 'trash' && ` · ${t('trash.note')}`}
        </p>
      )}
      {empty && filtered && <NoMatch filters={filters} section={section} />}
      {empty && !filtered && (
        <p class="muted" data-testid="drafts-empty">
          {box === 'trash'
            ? t('trash.empty')
            : elsewhere
              ? t('drafts.allInIssues')
              : t('drafts.empty')}
        </p>
      )}
      <VirtualList
        class="draft-list"
        count={count}
        estimate={ROW_ESTIMATE}
        gap={ROW_GAP}
        resetKey={filterKey}
        loadingLabel={t('common.loading')}
        revealIndex={selectedIndex}
        handle={list}
        rowKey={(index) => rowAt(index)?.id ?? `row:${index}`}
        onRange={(start, end) => {
          // A new search's first screen is read first: its pages once it is drawn.
          if (drawn.key !== filterKey && live?.key !== filterKey) return;
          // Whole pages around what is drawn, so that scrolling a little reads nothing new.
          const offset = Math.floor(start / pageSize) * pageSize;
          const limit = Math.max(pageSize, Math.ceil(end / pageSize) * pageSize - offset);
          if (offset !== current.offset || limit !== current.limit || drawn.key !== filterKey)
            setDrawn({ key: filterKey, offset, limit });
        }}
        onActivate={(index) => {
          const draft = rowAt(index);
          if (draft && box !== 'trash') onOpen(draft.id);
        }}
        renderRow={(index) => {
          const draft = rowAt(index);
          return (
            draft && (
              <DraftRow
                draft={draft}
                fresh={draft.id === freshId}
                selected={draft.id === selectedId}
                trashed={box === 'trash'}
                onOpen={() => onOpen(draft.id)}
                onTrash={() => void trashAsked(draft)}
                onRestore={() => void restore(draft)}
                onAdd={
                  // Said, and the keyboard on to the next draft, as « a » does.
                  currentIssueId && !draft.issueId ? () => keys.add(draft) : undefined
                }
                onDropDraft={(sourceId) => void mergeInto(sourceId, draft)}
                onOpenTwin={onOpen}
                onOpenMerged={onOpen}
                addRefused={cannotPlace}
                // « Tous » lists the drafts of the issues too: trashed or merged, one leaves it.
                trashRefused={trashRefusal(draft)}
                mergeRefused={deskRefusal(desk, 'merge', {
                  kind: 'draft',
                  desk: draft.desk,
                  inIssue: !!draft.issueId,
                })}
                mergeIntoRefused={deskRefusal(desk, 'mergeInto', {
                  kind: 'draft',
                  desk: draft.desk,
                  title: draft.title,
                })}
              />
            )
          );
        }}
      />
    </section>
  );
}

/**
 * A search without a match: said, with what to try and the button that does it. Out of the
 * issues (« Hors numéro ») or in the trash, the draft looked for may be elsewhere: « Tous » is
 * one press away; among all drafts, the search and filters are cleared in one. The keyboard,
 * on the button that goes with the message, goes to the search box.
 */
function NoMatch({
  filters,
  section,
}: {
  filters: InboxFilters;
  section: { current: HTMLElement | null };
}) {
  const { box } = filters;
  const act = () => {
    if (box === 'all') {
      filters.setText('');
      filters.setStatus('');
      filters.setSiteName('');
      filters.setTag('');
    } else filters.setBox('all');
    section.current?.querySelector<HTMLElement>('input[type="search"]')?.focus();
  };
  return (
    <p class="muted" data-testid="drafts-empty">
      {t(
        box === 'inbox'
          ? 'search.noneInbox'
          : box === 'trash'
            ? 'search.noneTrash'
            : 'search.noneAll',
      )}{' '}
      <button type="button" class="button button--small" onClick={act}>
        {t(
          box === 'inbox' ? 'search.inAll' : box === 'trash' ? 'search.outOfTrash' : 'search.clear',
        )}
      </button>
    </p>
  );
}
