import { useEffect, useState } from 'preact/hooks';
import { t } from '../locales';
import type { DraftStatus } from '../storage/db';
import type { DraftQuery } from '../storage/drafts';
import { loadData, useDataQuery } from './data';
import { countText } from './counts';
import type { InboxRow } from './inboxRow';
import { GUESSED_SOURCES, provenanceSummary } from './Provenance';
import { readInboxSnapshot, writeInboxSnapshot } from './inboxSnapshot';
import { useDebounced } from './useDebounced';
import { useUndo } from './Undo';

export const DRAFT_MIME = 'application/x-indiscrets-draft';

/**
 * The draft being dragged from this page, if any. `dataTransfer` cannot be read during
 * `dragover`, and a row must not offer itself as a merge target for its own drag.
 */
let dragging: string | undefined;

interface Props {
  /** Drafts per page: the popup shows few at a time, the desk more. */
  pageSize?: number;
  onOpen: (id: string) => void;
  currentIssueId?: string | null;
  /** The draft just clipped, highlighted. */
  freshId?: string;
  /** The draft open in the desk's editor, marked. */
  selectedId?: string;
}

type Box = 'inbox' | 'all' | 'trash';

/** The inbox: drafts newest first, searched and filtered with indexes, one page at a time. */
export function Inbox({ onOpen, currentIssueId, freshId, selectedId, pageSize = 50 }: Props) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<DraftStatus | ''>('');
  const [siteName, setSiteName] = useState('');
  const [tag, setTag] = useState('');
  const [box, setBox] = useState<Box>('inbox');
  const [limit, setLimit] = useState(pageSize);
  const { offer } = useUndo();

  const filters = {
    ...(text.trim() ? { text } : {}),
    ...(status ? { status } : {}),
    ...(siteName ? { siteName } : {}),
    ...(tag ? { tag } : {}),
  };
  const filtered = Object.keys(filters).length > 0;
  const filterKey = JSON.stringify({ box, ...filters });
  // The page first, the exact total apart: counting can read a whole index, the page never.
  const live = useDataQuery(
    (data) => data.inboxRows({ box, limit, ...filters }),
    [filterKey, limit],
  );
  const isFirstPage = box === 'inbox' && !filtered && limit === pageSize;
  const [snapshot] = useState(() => (isFirstPage ? readInboxSnapshot() : undefined));
  useEffect(() => {
    if (live && isFirstPage) writeInboxSnapshot(live);
  }, [live, isFirstPage]);
  const drafts = live ?? (isFirstPage ? snapshot : undefined);
  // Counting waits until typing pauses, so that it never slows the page of the next keystroke.
  const countKey = useDebounced(filterKey, 300);
  const total = useDataQuery(
    (data) => data.countDrafts(JSON.parse(countKey) as DraftQuery),
    [countKey],
  );
  const totalIsCurrent = countKey === filterKey;
  // The filter menus are read when the editor reaches for them, not on every popup opening.
  const [menusWanted, setMenusWanted] = useState(false);
  const wantMenus = () => setMenusWanted(true);
  const sites = useDataQuery(
    (data) => (menusWanted || siteName ? data.listSiteNames() : undefined),
    [menusWanted, siteName],
  );
  const tags = useDataQuery(
    (data) => (menusWanted || tag ? data.listTags() : undefined),
    [menusWanted, tag],
  );
  const result = drafts && { drafts, total: totalIsCurrent ? total : undefined };

  const reset = () => setLimit(pageSize);

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

  // An empty inbox is not an empty desk: say so when every draft is in an issue.
  const inboxEmpty = box === 'inbox' && !filtered && drafts?.length === 0;
  const elsewhere = useDataQuery(
    (data) => (inboxEmpty ? data.countDrafts({ box: 'all' }) : 0),
    [inboxEmpty],
  );

  return (
    <section class="inbox" aria-label={t('drafts.heading')}>
      <div class="inbox__search">
        <input
          type="search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={text}
          data-testid="search"
          onInput={(e) => {
            setText((e.target as HTMLInputElement).value);
            reset();
          }}
        />
      </div>
      <div class="inbox__filters" onMouseEnter={wantMenus} onFocusCapture={wantMenus}>
        <select
          aria-label={t('filter.box')}
          value={box}
          onChange={(e) => {
            setBox((e.target as HTMLSelectElement).value as Box);
            reset();
          }}
        >
          <option value="inbox">{t('filter.boxInbox')}</option>
          <option value="all">{t('filter.boxAll')}</option>
          <option value="trash">{t('filter.boxTrash')}</option>
        </select>
        <select
          aria-label={t('filter.status')}
          value={status}
          onChange={(e) => {
            setStatus((e.target as HTMLSelectElement).value as DraftStatus | '');
            reset();
          }}
        >
          <option value="">{t('filter.anyStatus')}</option>
          <option value="draft">{t('status.draft')}</option>
          <option value="checked">{t('status.checked')}</option>
          <option value="ready">{t('status.ready')}</option>
        </select>
        <select
          aria-label={t('filter.site')}
          value={siteName}
          onChange={(e) => {
            setSiteName((e.target as HTMLSelectElement).value);
            reset();
          }}
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
          value={tag}
          onChange={(e) => {
            setTag((e.target as HTMLSelectElement).value);
            reset();
          }}
        >
          <option value="">{t('filter.anyTag')}</option>
          {tags?.map((name) => (
            <option value={name} key={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {result && (
        <p class="muted inbox__count" data-testid="draft-total">
          {result.total === undefined ? '…' : t('drafts.count', { count: result.total })}
          {box === 'trash' && ` · ${t('trash.note')}`}
        </p>
      )}
      {result?.drafts.length === 0 && (
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
      <ol class="draft-list">
        {result?.drafts.map((draft) => (
          <li key={draft.id}>
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
            />
          </li>
        ))}
      </ol>
      {result && result.drafts.length === limit && (result.total ?? Infinity) > limit && (
        <button type="button" class="button inbox__more" onClick={() => setLimit(limit + pageSize)}>
          {result.total === undefined
            ? t('drafts.moreUnknown')
            : t('drafts.more', { count: result.total - result.drafts.length })}
        </button>
      )}
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
}: RowProps) {
  const [over, setOver] = useState(false);
  const { quote, text } = draft;
  const { words } = countText(text);
  return (
    <article
      class={`draft${fresh ? ' draft--fresh' : ''}${selected ? ' draft--selected' : ''}${over ? ' draft--drop' : ''}`}
      data-testid="draft"
      data-id={draft.id}
      draggable={!trashed}
      onDragStart={(e) => {
        dragging = draft.id;
        e.dataTransfer?.setData(DRAFT_MIME, draft.id);
        e.dataTransfer?.setData('text/plain', draft.url);
      }}
      onDragEnd={() => {
        dragging = undefined;
      }}
      onDragOver={(e) => {
        if (!trashed && dragging !== draft.id && e.dataTransfer?.types.includes(DRAFT_MIME)) {
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
        if (sourceId && sourceId !== draft.id) {
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
      <div class="draft__actions">
        {trashed ? (
          <button type="button" class="button button--small" onClick={onRestore}>
            {t('trash.restore')}
          </button>
        ) : (
          <>
            {onAdd && (
              <button
                type="button"
                class="button button--small"
                onClick={onAdd}
                aria-label={t('issue.addNamed', { title: draft.title })}
              >
                + {t('issue.addShort')}
              </button>
            )}
            <button
              type="button"
              class="button button--small"
              onClick={onTrash}
              aria-label={t('editor.deleteNamed', { title: draft.title })}
            >
              {t('editor.delete')}
            </button>
          </>
        )}
      </div>
    </article>
  );
}
