import { useEffect, useState } from 'preact/hooks';
import { t } from '../locales';
import type { Clip, DraftStatus, Source } from '../storage/db';
import { getClip } from '../storage/clips';
import { trashDraft, type DraftPatch } from '../storage/drafts';
import { addToIssue, removeFromIssue } from '../storage/issues';
import { MergeDialog } from './MergeDialog';
import { Provenance } from './Provenance';
import { RichText } from './RichText';
import { SourcesEditor } from './SourcesEditor';
import { TagsInput } from './TagsInput';
import { useAutosave } from './useAutosave';
import { useLiveQuery } from './useLiveQuery';
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

function escapeHtml(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Everything about one draft: its text, sources, quotes, tags, note and status. Saves as you type. */
export function DraftEditor({ id, currentIssueId, onClose, closeLabel = t('common.back') }: Props) {
  // `null` once the draft is gone (merged into another, emptied from the trash): `undefined`
  // is only "still loading".
  const draft = useLiveQuery(async () => (await getClip(id)) ?? null, [id]);
  const [form, setForm] = useState<Clip>();
  const [merging, setMerging] = useState(false);
  const { edit, flush, state } = useAutosave(id);
  const { offer } = useUndo();

  // The form is the editor's from the moment it is loaded: later database echoes of our own
  // saves must not move the caret or undo a keystroke typed in between.
  useEffect(() => {
    if (draft && (!form || form.id !== draft.id)) setForm(draft);
  }, [draft, form]);

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
  if (!form) return <p class="muted">{t('common.loading')}</p>;

  const change = (patch: DraftPatch) => {
    setForm({ ...form, ...patch });
    edit(patch);
  };

  const insertQuote = (text: string) => {
    const body = `${form.body}<p>« ${escapeHtml(text)} »</p>`;
    change({ body });
  };

  const remove = async () => {
    await flush();
    const token = await trashDraft(id);
    offer(token, t('undo.trashed', { title: form.title }));
    onClose?.();
  };

  const inIssue = !!draft?.issueId;
  const counts = countText(itemText(form.body));
  // What the editor does not type (quotes added by a later clip, metadata) follows the database.
  const live = draft ?? form;
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
              onClick={() => void removeFromIssue(id)}
            >
              {t('editor.removeFromIssue')}
            </button>
          ) : (
            currentIssueId && (
              <button
                type="button"
                class="button button--small"
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
        />
      </div>
      {live.quotes.length > 0 && (
        <div class="field">
          <span>{t('editor.quotes')}</span>
          <ul class="quotes">
            {live.quotes.map((quote, index) => (
              <li key={`${quote.clippedAt}-${index}`}>
                <blockquote>{quote.text}</blockquote>
                <button
                  type="button"
                  class="button button--small"
                  onClick={() => insertQuote(quote.text)}
                >
                  {t('editor.insertQuote')}
                </button>
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
    </section>
  );
}
