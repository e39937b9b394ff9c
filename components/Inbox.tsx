import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../locales';
import type { DraftStatus } from '../storage/db';
import type { DraftQuery } from '../storage/draft-search';
import { useAnnounce } from './Announcer';
import { loadData, useDataQuery } from './data';
import type { InboxRow } from './inboxRow';
import { GUESSED_SOURCES, provenanceSummary } from './Provenance';
import { readInboxSnapshot, writeInboxSnapshot } from './inboxSnapshot';
import { useDebounced } from './useDebounced';
import { useInboxFilters, type Box } from './useInboxFilters';
import { useUndo } from './Undo';
import { VirtualList } from './VirtualList';
import { DeskMarks } from './DeskMarks';
import { deskRefusal } from './roles';
import { useRefused } from './RoleReason';
import { useSharedDesk } from './useSharedDesk';

export const DRAFT_MIME = 'application/x-indiscrets-draft';

/**
 * The draft being dragged from this page, if any. `dataTransfer` cannot be read during
 * `dragover`, and a row must not offer itself as a merge target for its own drag.
 */
let dragging: string | undefined;
/** The dragged draft may not be merged into another (the user's role, shared desk). */
let draggingUnmergeable = false;

/** A row's height before it is drawn and measured (title, meta line, two lines, buttons). */
const ROW_ESTIMATE = 118;
/** `.draft-list`'s gap. */
const ROW_GAP = 8;

interface Props {
  /** Drafts read at a time (and kept in the snapshot): the popup shows few, the desk more. */
  pageSize?: number;
  onOpen: (id: string) => void;
  currentIssueId?: string | null;
  /** The draft just clipped, highlighted. */
  freshId?: string;
  /** The draft open in the desk's editor, marked. */
  selectedId?: string;
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
export function Inbox({ onOpen, currentIssueId, freshId, selectedId, pageSize = 50 }: Props) {
  const filters = useInboxFilters();
  const { box, filtered, key: filterKey } = filters;
  const { offer } = useUndo();
  // A role that may not arrange the issue (shared desk) sees « Ajouter » disabled, with why.
  const desk = useSharedDesk();
  const cannotArrange = deskRefusal(desk, 'arrange');
  const announce = useAnnounce();
  const section = useRef<HTMLElement>(null);
  /**
   * After « a », the draft that takes the keyboard once the added one has left the list: its
   * row may be drawn anew meanwhile (the list re-keys its rows), so it is found again by id.
   */
  const focusAfterAdd = useRef<{ added: string; next: string } | undefined>(undefined);
  useEffect(() => {
    const wanted = focusAfterAdd.current;
    const list = section.current?.querySelector('.draft-list');
    if (!wanted || !list) return;
    if (list.querySelector(`[data-id="${wanted.added}"]`)) return;
    focusAfterAdd.current = undefined;
    const row = list.querySelector(`[data-id="${wanted.next}"]`)?.closest<HTMLElement>('li');
    if (row && !row.contains(document.activeElement)) row.focus();
  });

  // The part of the list drawn, as whole pages of `pageSize` rows from `offset`.
  const [drawn, setDrawn] = useState({ key: filterKey, offset: 0, limit: pageSize });
  const current = drawn.key === filterKey ? drawn : { key: filterKey, offset: 0, limit: pageSize };
  const live = useDataQuery(
    async (data): Promise<Loaded> => ({
      key: current.key,
      offset: current.offset,
      rows: await data.inboxRows({
        ...filters.query,
        offset: current.offset,
        limit: current.limit,
      }),
    }),
    [current.key, current.offset, current.limit],
  );
  // The rows of the previous window stay drawn while the next one is read.
  const shown = useRef<Loaded | undefined>(undefined);
  if (live && live.key === filterKey) shown.current = live;
  else if (shown.current && shown.current.key !== filterKey) shown.current = undefined;

  const isPlainInbox = box === 'inbox' && !filtered;
  const [snapshot] = useState(() => (isPlainInbox ? readInboxSnapshot() : undefined));
  useEffect(() => {
    if (live && isPlainInbox && live.offset === 0) writeInboxSnapshot(live.rows.slice(0, pageSize));
  }, [live, isPlainInbox]);
  const loaded: Loaded | undefined =
    shown.current ??
    (isPlainInbox && snapshot ? { key: filterKey, offset: 0, rows: snapshot } : undefined);

  // Counting waits until typing pauses, so that it never slows the page of the next keystroke.
  const countKey = useDebounced(filterKey, 300);
  const total = useDataQuery(
    (data) => data.countDrafts(JSON.parse(countKey) as DraftQuery),
    [countKey],
  );
  const totalIsCurrent = countKey === filterKey && total !== undefined;
  // Until the count is known, the list is as long as what has been read.
  const count = totalIsCurrent ? total : loaded ? loaded.offset + loaded.rows.length : 0;
  const rowAt = (index: number): InboxRow | undefined =>
    loaded ? loaded.rows[index - loaded.offset] : undefined;

  // The filter menus are read when the editor reaches for them, not on every popup opening.
  const [menusWanted, setMenusWanted] = useState(false);
  const wantMenus = () => setMenusWanted(true);
  const sites = useDataQuery(
    (data) => (menusWanted || filters.siteName ? data.listSiteNames() : undefined),
    [menusWanted, filters.siteName],
  );
  const tags = useDataQuery(
    (data) => (menusWanted || filters.tag ? data.listTags() : undefined),
    [menusWanted, filters.tag],
  );

  // A row painted from the snapshot may be acted on before the database layer is loaded.
  async function trash(draft: InboxRow) {
    const data = await loadData();
    offer(await data.trashDraft(draft.id), t('undo.trashed', { title: draft.title }));
  }

  async function mergeInto(sourceId: string, target: InboxRow) {
    if (sourceId === target.id) return;
    try {
      const data = await loadData();
      offer(await data.mergeDrafts(sourceId, target.id), t('undo.merged', { title: target.title }));
    } catch (error) {
      console.error('Indiscrets merge', error);
    }
  }

  /**
   * « a » (or « + ») on a row adds its draft to the issue being composed, and says so; the
   * keyboard stays in the list, on the neighbour of the draft that leaves it.
   */
  function onRowKey(event: KeyboardEvent) {
    const item = event.target as HTMLElement;
    if (event.key !== 'a' && event.key !== '+') return;
    if (event.altKey || event.ctrlKey || event.metaKey || !item.matches('li[data-index]')) return;
    const draft = rowAt(Number(item.dataset.index));
    if (!draft || box === 'trash') return;
    event.preventDefault();
    if (!currentIssueId) return announce(t('drafts.noIssueToAdd'));
    if (draft.issueId) return announce(t('drafts.alreadyInIssue', { title: draft.title }));
    if (cannotArrange) return announce(cannotArrange);
    if (box === 'inbox') {
      const next = (item.nextElementSibling ?? item.previousElementSibling) as HTMLElement | null;
      const nextId = next?.querySelector<HTMLElement>('[data-id]')?.dataset.id;
      if (next && nextId) {
        next.focus();
        focusAfterAdd.current = { added: draft.id, next: nextId };
      }
    }
    loadData()
      .then((data) => data.addToIssue(draft.id, currentIssueId))
      .then(
        () => announce(t('drafts.added', { title: draft.title })),
        (error: unknown) => console.error('Indiscrets add to issue', error),
      );
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

  return (
    <section class="inbox" aria-label={t('drafts.heading')} ref={section} onKeyDown={onRowKey}>
      <div class="inbox__search">
        <input
          type="search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={filters.text}
          data-testid="search"
          onInput={(e) => filters.setText((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            // From the search to its results without the mouse.
            if (e.key !== 'ArrowDown') return;
            const list = section.current?.querySelector('.draft-list');
            const row =
              list?.querySelector<HTMLElement>(':scope > li[tabindex="0"]') ??
              list?.querySelector<HTMLElement>(':scope > li');
            if (row) {
              e.preventDefault();
              row.focus();
            }
          }}
        />
      </div>
      <div class="inbox__filters" onMouseEnter={wantMenus} onFocusCapture={wantMenus}>
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
        <select
          aria-label={t('filter.site')}
          value={filters.siteName}
          onChange={(e) => filters.setSiteName((e.target as HTMLSelectElement).value)}
        >
          <option value="">{t('filter.anySite')}</option>
          {sites?.map((site) => (
            <option value={site} key={site}>
              {site}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filter.tag')}
          value={filters.tag}
          onChange={(e) => filters.setTag((e.target as HTMLSelectElement).value)}
        >
          <option value="">{t('filter.anyTag')}</option>
          {tags?.map((name) => (
            <option value={name} key={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {loaded && (
        <p class="muted inbox__count" data-testid="draft-total">
          {totalIsCurrent ? t('drafts.count', { count: total }) : '…'}
          {box === 'trash' && ` · ${t('trash.note')}`}
        </p>
      )}
      {empty && (
        <p class="muted" data-testid="drafts-empty">
          {filtered
            ? t('search.none')
            : box === 'trash'
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
        rowKey={(index) => rowAt(index)?.id ?? `row:${index}`}
        onRange={(start, end) => {
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
                onTrash={() => void trash(draft)}
                onRestore={() => void loadData().then((data) => data.restoreDraft(draft.id))}
                onAdd={
                  currentIssueId && !draft.issueId
                    ? () =>
                        void loadData()
                          .then((data) => data.addToIssue(draft.id, currentIssueId))
                          .catch((error) => console.error('Indiscrets add to issue', error))
                    : undefined
                }
                onDropDraft={(sourceId) => void mergeInto(sourceId, draft)}
                addRefused={cannotArrange}
                trashRefused={deskRefusal(desk, 'trash', { kind: 'draft', desk: draft.desk })}
                mergeRefused={deskRefusal(desk, 'merge', { kind: 'draft', desk: draft.desk })}
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

interface RowProps {
  draft: InboxRow;
  fresh: boolean;
  selected: boolean;
  trashed: boolean;
  onOpen: () => void;
  onTrash: () => void;
  onRestore: () => void;
  onAdd?: () => void;
  onDropDraft: (sourceId: string) => void;
  /** Why the user's role may not add a draft to the issue (shared desk), if it may not. */
  addRefused?: string;
  /** Why the user's role may not trash (or restore) this draft (shared desk). */
  trashRefused?: string;
  /** Why the user's role may not merge this draft into another (shared desk). */
  mergeRefused?: string;
  /** Why the user's role may not merge another draft into this one (shared desk). */
  mergeIntoRefused?: string;
}

/** One draft in the inbox. Drop another draft on it to merge the two into one item. */
function DraftRow({
  draft,
  fresh,
  selected,
  trashed,
  onOpen,
  onTrash,
  onRestore,
  onAdd,
  onDropDraft,
  addRefused,
  trashRefused,
  mergeRefused,
  mergeIntoRefused,
}: RowProps) {
  const [over, setOver] = useState(false);
  const add = useRefused(addRefused);
  const trash = useRefused(trashRefused);
  const { quote, text, wordCount: words } = draft;
  return (
    <article
      class={`draft${fresh ? ' draft--fresh' : ''}${selected ? ' draft--selected' : ''}${over ? ' draft--drop' : ''}`}
      data-testid="draft"
      data-id={draft.id}
      draggable={!trashed}
      onDragStart={(e) => {
        dragging = draft.id;
        draggingUnmergeable = !!mergeRefused;
        e.dataTransfer?.setData(DRAFT_MIME, draft.id);
        e.dataTransfer?.setData('text/plain', draft.url);
      }}
      onDragEnd={() => {
        dragging = undefined;
        draggingUnmergeable = false;
      }}
      onDragOver={(e) => {
        // A merge the role may not make is not offered: the row takes no drop.
        const mergeable = !mergeIntoRefused && !draggingUnmergeable;
        if (
          !trashed &&
          mergeable &&
          dragging !== draft.id &&
          e.dataTransfer?.types.includes(DRAFT_MIME)
        ) {
          e.preventDefault();
          if (!over) setOver(true);
        }
      }}
      onDragLeave={(e) => {
        // Moving over the row's own title or buttons is not leaving it.
        const next = e.relatedTarget as Node | null;
        if (!next || !(e.currentTarget as HTMLElement).contains(next)) setOver(false);
      }}
      onDrop={(e) => {
        setOver(false);
        dragging = undefined;
        const sourceId = e.dataTransfer?.getData(DRAFT_MIME);
        if (sourceId && sourceId !== draft.id && !mergeIntoRefused) {
          e.preventDefault();
          onDropDraft(sourceId);
        }
      }}
    >
      <header>
        <button
          type="button"
          class="draft__title linklike"
          onClick={onOpen}
          disabled={trashed}
          aria-current={selected || undefined}
        >
          {draft.title}
        </button>
        {fresh && <span class="draft__badge">{t('drafts.new')}</span>}
      </header>
      <p class="draft__meta" title={`${t('provenance.label')}\n${provenanceSummary(draft)}`}>
        <span class={GUESSED_SOURCES.has(draft.provenance.siteName ?? '') ? 'guess' : ''}>
          {draft.siteName}
        </span>
        {draft.byline && <span> · {draft.byline}</span>}
        <span class={`chip chip--${draft.status}`}> {t(`status.${draft.status}`)}</span>
        {draft.issueId && !trashed && <span class="chip chip--issue">{t('drafts.inIssue')}</span>}
        {draft.tags.map((tag) => (
          <span class="chip" key={tag}>
            #{tag}
          </span>
        ))}
        {draft.quoteCount > 1 && (
          <span data-testid="quote-count">
            {' '}
            · {t('drafts.quotes', { count: draft.quoteCount })}
          </span>
        )}
        {words > 0 && <span> · {t('counts.words', { words })}</span>}
      </p>
      {/* What the editor wrote is what they look for; the clipped quote until they write. */}
      {words > 0 ? (
        <p class="draft__text" data-testid="draft-text">
          {text}
        </p>
      ) : (
        quote && (
          <blockquote class="draft__quote" data-testid="quote">
            {quote}
          </blockquote>
        )
      )}
      {draft.captureNote && (
        <p class="draft__limit" role="note">
          {t(`limit.${draft.captureNote}`)}
        </p>
      )}
      <DeskMarks mark={draft.desk} kind="draft" />
      <div class="draft__actions">
        {trashed ? (
          <>
            <button
              type="button"
              class="button button--small"
              onClick={onRestore}
              {...trash.control}
            >
              {t('trash.restore')}
            </button>
            {trash.reason}
          </>
        ) : (
          <>
            {onAdd && (
              <button
                type="button"
                class="button button--small"
                onClick={onAdd}
                {...add.control}
                aria-label={t('issue.addNamed', { title: draft.title })}
              >
                + {t('issue.addShort')}
              </button>
            )}
            {onAdd && add.reason}
            <button
              type="button"
              class="button button--small"
              onClick={onTrash}
              {...trash.control}
              aria-label={t('editor.deleteNamed', { title: draft.title })}
            >
              {t('editor.delete')}
            </button>
            {trash.reason}
          </>
        )}
      </div>
    </article>
  );
}
