import { useState } from 'preact/hooks';
import { draftLimitKept, limitNote } from '../messaging/limit-note';
import { t } from '../locales/core';
import { DeskMarks } from './DeskMarks';
import type { InboxRow } from './inboxRow';
import { lazyComponent } from './lazy';
import { MergedIntoNotice } from './MergedIntoNotice';
import { GUESSED_SOURCES, provenanceSummary } from './Provenance';
import { useRefused } from './RoleReason';
import { useDragEndClears } from './useDragEndClears';
import { shownTags } from './tagsShown';

/**
 * Said only of a page two editors clipped (the shared desk, rare): loaded with the first row
 * that has one, not before the popup's first paint.
 */
const PageTwinNotice = lazyComponent(
  () => import('./PageTwinNotice').then((m) => m.PageTwinNotice),
  {
    silent: true,
  },
);

/** A title longer than this may not fit the three lines a row gives it. */
const LONG_TITLE = 150;

/** The type a dragged draft carries: the issue's items and the other rows take it. */
export const DRAFT_MIME = 'application/x-indiscrets-draft';

/**
 * The draft being dragged from this page, if any. `dataTransfer` cannot be read during
 * `dragover`, and a row must not offer itself as a merge target for its own drag.
 */
let dragging: string | undefined;
/** The dragged draft may not be merged into another (the user's role, shared desk). */
let draggingUnmergeable = false;

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
  /** Opens another draft: the draft of the same page another editor has (`draft.twin`). */
  onOpenTwin?: (id: string) => void;
  /** Opens the draft this one was merged into, in the trash (`draft.mergedInto`). */
  onOpenMerged?: (id: string) => void;
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
export function DraftRow({
  draft,
  fresh,
  selected,
  trashed,
  onOpen,
  onTrash,
  onRestore,
  onAdd,
  onDropDraft,
  onOpenTwin,
  onOpenMerged,
  addRefused,
  trashRefused,
  mergeRefused,
  mergeIntoRefused,
}: RowProps) {
  const [over, setOver] = useState(false);
  // A merge given up (Escape) or dropped elsewhere: the row no longer drawn as its target.
  useDragEndClears(over, () => setOver(false));
  const add = useRefused(addRefused);
  const trash = useRefused(trashRefused);
  const { quote, text, wordCount: words } = draft;
  // Cut already by the data module (toRow); again here for a row of an older snapshot.
  const tags = shownTags(draft.tags, draft.moreTags);
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
          // A title cut to three lines (theme.css) is read whole on hover.
          title={draft.title.length > LONG_TITLE ? draft.title : undefined}
        >
          <span class="draft__title-text">{draft.title}</span>
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
        {tags.shown.map(({ index, name }) => (
          // By place: two long tags may be cut to the same start.
          <span class="chip chip--tag" key={index}>
            #{name}
          </span>
        ))}
        {tags.more > 0 && (
          <span class="muted" data-testid="tags-more">
            {' '}
            {t('tags.more', { count: tags.more })}
          </span>
        )}
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
          {limitNote(draftLimitKept({ ...draft, captureNote: draft.captureNote }))}
        </p>
      )}
      {draft.twin && onOpenTwin && !trashed && (
        <PageTwinNotice twin={draft.twin} onOpen={() => onOpenTwin(draft.twin!.id)} />
      )}
      {draft.mergedInto && onOpenMerged && trashed && (
        <MergedIntoNotice
          target={draft.mergedInto}
          onOpen={() => onOpenMerged(draft.mergedInto!.id)}
        />
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
