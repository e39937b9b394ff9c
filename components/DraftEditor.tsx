import { useMemo, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../locales';
import { stripWww } from '../lib/html';
import type { Draft, DraftStatus, Source } from '../storage/db';
import { getDraft } from '../storage/draft-records';
import { saveDraftEdit, trashDraft, updateDraft, type DraftPatch } from '../storage/drafts';
import { addToIssue, issueItems, removeFromIssue } from '../storage/issues';
import { commitJournal, journalEdit } from '../storage/journal';
import { ConflictChooser } from './ConflictChooser';
import { DeskMarks } from './DeskMarks';
import { MergeDialog } from './MergeDialog';
import { Provenance } from './Provenance';
import { RichText, type LinkSuggestion, type RichTextHandle } from './RichText';
import { SourcesEditor } from './SourcesEditor';
import { TagsInput } from './TagsInput';
import { useLiveQuery } from './useLiveQuery';
import { useDeskLock } from './useDeskLock';
import { refusedReason, useSharedDesk } from './useSharedDesk';
import { useSyncedRecord } from './useSyncedRecord';
import { useUndo } from './Undo';
import { countText, itemText } from './richtext';

interface Props {
  id: string;
  /** The issue the editor is composing, if any: "Add to issue" targets it. */
  currentIssueId?: string | null;
  onClose?: () => void;
  /** What the close button says: "Back" in the popup, "Close" on the desk. */
  closeLabel?: string;
}

const STATUSES: DraftStatus[] = ['draft', 'checked', 'ready'];

const isHttp = (url: string) => /^https?:\/\/\S+$/i.test(url.trim());

/** The host of an address without `www.`, to name a page that has no title. */
function hostOf(url: string): string {
  try {
    return stripWww(new URL(url).hostname);
  } catch {
    return url;
  }
}

/**
 * What the link form offers, in order: the draft's sources, the links of its quotes, then the
 * other items of its issue (by their first source).
 */
export function linkSuggestions(
  draft: Pick<Draft, 'id' | 'sources' | 'quotes'>,
  others: readonly Draft[],
): LinkSuggestion[] {
  const out: LinkSuggestion[] = [];
  for (const source of draft.sources) {
    if (!isHttp(source.url)) continue;
    const name = source.title || source.siteName || hostOf(source.url);
    const label = source.siteName && source.title ? `${source.siteName} · ${source.title}` : name;
    out.push({ url: source.url.trim(), label, kind: t('link.kind.source') });
  }
  for (const quote of draft.quotes) {
    if (!quote.html) continue;
    const doc = new DOMParser().parseFromString(quote.html, 'text/html');
    for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
      const href = a.getAttribute('href') ?? '';
      if (!isHttp(href)) continue;
      const text = a.textContent?.replace(/\s+/g, ' ').trim();
      out.push({ url: href, label: text || hostOf(href), kind: t('link.kind.quote') });
    }
  }
  for (const other of others) {
    const url = other.sources.find((source) => isHttp(source.url))?.url;
    if (other.id !== draft.id && url) {
      out.push({ url: url.trim(), label: other.title, kind: t('link.kind.item') });
    }
  }
  return out;
}

/** The fields the editor types, merged field by field with changes made in other views. */
const FORM_FIELDS = ['title', 'body', 'sources', 'note', 'tags', 'status'] as const;
type FormField = (typeof FORM_FIELDS)[number];

const FIELD_LABELS: Record<FormField, MessageKey> = {
  title: 'editor.title',
  body: 'editor.body',
  sources: 'editor.sources',
  note: 'editor.note',
  tags: 'editor.tags',
  status: 'editor.status',
};

/** A field's value as the conflict chooser shows it: text, not markup or JSON. */
function showValue(field: FormField, value: Draft[FormField]): string {
  if (field === 'body') return itemText(value as string);
  if (field === 'sources') {
    return (value as Source[]).map((source) => source.title || source.url).join(' ; ');
  }
  if (field === 'tags') return (value as string[]).join(', ');
  if (field === 'status') return t(`status.${value as DraftStatus}`);
  return value as string;
}

/** Everything about one draft: its text, sources, quotes, tags, note and status. Saves as you type. */
export function DraftEditor(props: Props) {
  // One editing session per draft: its merge state belongs to that draft only.
  return <DraftEditorOf key={props.id} {...props} />;
}

function DraftEditorOf({ id, currentIssueId, onClose, closeLabel = t('common.back') }: Props) {
  // `null` once the draft is gone (merged into another, emptied from the trash): `undefined`
  // is only "still loading".
  const draft = useLiveQuery(async () => (await getDraft(id)) ?? null, [id]);
  const [merging, setMerging] = useState(false);
  const { form, edit, flush, state, conflicts, resolve } = useSyncedRecord<Draft, FormField>({
    stored: draft,
    fields: FORM_FIELDS,
    write: async (patch, base, at) => {
      const stamp = at ? () => at : undefined;
      const { draft: record, conflicts: unwritten } = await saveDraftEdit(
        id,
        patch,
        base,
        undefined,
        stamp,
      );
      return { record, conflicts: unwritten.filter((f): f is FormField => f in FIELD_LABELS) };
    },
    journal: {
      write: (patch) => journalEdit(id, patch).at,
      commit: (at) => commitJournal(id, at),
    },
  });
  const { offer } = useUndo();
  const text = useRef<RichTextHandle | null>(null);
  // The shared desk: who else is editing this draft (its lock is held while it is open here),
  // and what the role allows. Sync off: none of it shows.
  const desk = useSharedDesk();
  const editingElsewhere = useDeskLock('draft', id, desk.enabled && !!draft?.desk);
  const cannotArrange = refusedReason(desk, 'arrange');
  // The other items of the draft's issue (or of the issue being composed), to link to them.
  const issueId = draft?.issueId || currentIssueId || '';
  const others = useLiveQuery(() => issueItems(issueId), [issueId]);
  const suggestions = useMemo(
    () =>
      form && draft
        ? linkSuggestions({ id, sources: form.sources, quotes: draft.quotes }, others ?? [])
        : [],
    [id, form?.sources, draft?.quotes, others],
  );

  if (draft === null) {
    return (
      <section class="editor" aria-label={t('editor.heading')} data-testid="draft-editor">
        <p class="muted">{t('editor.gone')}</p>
        {onClose && (
          <button type="button" class="button button--small" onClick={onClose}>
            ← {closeLabel}
          </button>
        )}
      </section>
    );
  }
  if (!form || !draft) return <p class="muted">{t('common.loading')}</p>;

  const change = (patch: Pick<DraftPatch, FormField>) => edit(patch);

  const remove = async () => {
    await flush();
    const token = await trashDraft(id);
    offer(token, t('undo.trashed', { title: form.title }));
    onClose?.();
  };

  const inIssue = !!draft.issueId;
  const counts = countText(itemText(form.body));
  // What the editor does not type (quotes added by a later clip, metadata) follows the database.
  const live = draft;
  const addToCurrent = async (issueId: string) => {
    await flush();
    try {
      await addToIssue(id, issueId);
    } catch (error) {
      console.error('Indiscrets add to issue', error);
    }
  };

  return (
    <section class="editor" aria-label={t('editor.heading')} data-testid="draft-editor">
      <div class="editor__bar">
        <div class="editor__state">
          {onClose && (
            <button
              type="button"
              class="button button--small"
              onClick={() => void flush().then(onClose)}
            >
              ← {closeLabel}
            </button>
          )}
          <label class="editor__status">
            <span class="visually-hidden">{t('editor.status')}</span>
            <select
              value={form.status}
              onChange={(e) =>
                change({ status: (e.target as HTMLSelectElement).value as DraftStatus })
              }
              aria-label={t('editor.status')}
            >
              {STATUSES.map((status) => (
                <option value={status} key={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          </label>
          <span class={`save-state save-state--${state}`} role="status" data-testid="save-state">
            {t(`save.${state}`)}
          </span>
        </div>
        <div class="editor__actions">
          {inIssue ? (
            <button
              type="button"
              class="button button--small"
              disabled={!!cannotArrange}
              title={cannotArrange}
              onClick={() => void removeFromIssue(id)}
            >
              {t('editor.removeFromIssue')}
            </button>
          ) : (
            currentIssueId && (
              <button
                type="button"
                class="button button--small"
                disabled={!!cannotArrange}
                title={cannotArrange}
                onClick={() => void addToCurrent(currentIssueId)}
              >
                {t('editor.addToIssue')}
              </button>
            )
          )}
          <button type="button" class="button button--small" onClick={() => setMerging(true)}>
            {t('editor.mergeInto')}
          </button>
          <button
            type="button"
            class="button button--small button--danger"
            onClick={() => void remove()}
          >
            {t('editor.delete')}
          </button>
        </div>
      </div>
      {merging && (
        <MergeDialog
          sourceId={id}
          onDone={(merged) => {
            setMerging(false);
            if (merged) onClose?.();
          }}
          beforeMerge={flush}
        />
      )}
      <DeskMarks mark={draft.desk} kind="draft" />
      {editingElsewhere && (
        <p class="notice desk-lock-notice" role="status" data-testid="editing-elsewhere">
          {t('shared.lock.draft', { name: editingElsewhere })}
        </p>
      )}
      <ConflictChooser<Draft, FormField>
        conflicts={conflicts}
        label={(field) => t(FIELD_LABELS[field])}
        show={showValue}
        onChoose={resolve}
      />
      <label class="field">
        <span>{t('editor.title')}</span>
        <input
          type="text"
          value={form.title}
          onInput={(e) => change({ title: (e.target as HTMLInputElement).value })}
        />
      </label>
      <div class="field">
        <span id={`body-label-${id}`}>
          {t('editor.body')}{' '}
          <span class="muted">
            {t('counts.item', { words: counts.words, chars: counts.chars })}
          </span>
        </span>
        <RichText
          value={form.body}
          onChange={(body) => change({ body })}
          label={t('editor.body')}
          suggestions={suggestions}
          handle={text}
          autoFocus
        />
      </div>
      {live.quotes.length > 0 && (
        <div class="field">
          <span>{t('editor.quotes')}</span>
          <ul class="quotes">
            {live.quotes.map((quote, index) => (
              <li key={`${quote.clippedAt}-${index}`}>
                <blockquote>{quote.text}</blockquote>
                <div class="quotes__actions">
                  {/* The text keeps its caret: the quote goes where the editor was writing. */}
                  <button
                    type="button"
                    class="button button--small"
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => text.current?.insertQuote(quote.text, false)}
                  >
                    {t('editor.insertQuote')}
                  </button>
                  <button
                    type="button"
                    class="button button--small"
                    title={t('editor.insertQuoteBlockNamed')}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => text.current?.insertQuote(quote.text, true)}
                  >
                    {t('editor.insertQuoteBlock')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
      <SourcesEditor sources={form.sources} onChange={(sources: Source[]) => change({ sources })} />
      <TagsInput tags={form.tags} onChange={(tags) => change({ tags })} />
      {live.captureNote && (
        <p class="draft__limit" role="note">
          {t(`limit.${live.captureNote}`)}
        </p>
      )}
      <Provenance clip={live} />
      <label class="field">
        <span>{t('editor.note')}</span>
        <textarea
          rows={2}
          value={form.note}
          onInput={(e) => change({ note: (e.target as HTMLTextAreaElement).value })}
        />
      </label>
      {desk.enabled && (
        // The note is private: it leaves this browser only when the editor says so.
        <label class="checkbox" data-testid="share-note">
          <input
            type="checkbox"
            checked={live.noteShared === true}
            onChange={(e) =>
              void updateDraft(id, { noteShared: (e.target as HTMLInputElement).checked })
            }
          />
          {t('shared.note.share')}
          <small class="muted">
            {t(live.noteShared ? 'shared.note.shared' : 'shared.note.private')}
          </small>
        </label>
      )}
    </section>
  );
}
