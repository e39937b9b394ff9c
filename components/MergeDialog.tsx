import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../locales';
import { searchDrafts } from '../storage/draft-search';
import { mergeDrafts } from '../storage/drafts';
import { useLiveQuery } from './useLiveQuery';
import { useUndo } from './Undo';

interface Props {
  sourceId: string;
  /** Called after the merge (true) or on cancel (false). */
  onDone: (merged: boolean) => void;
  /** Saves pending edits of the source first. */
  beforeMerge?: () => Promise<void>;
}

/** "Merge into…": pick the draft that absorbs this one. Undo puts both back. */
export function MergeDialog({ sourceId, onDone, beforeMerge }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const search = useRef<HTMLInputElement>(null);
  const { offer } = useUndo();
  // `autofocus` is ignored on elements added after the page loaded.
  useEffect(() => search.current?.focus(), []);
  const result = useLiveQuery(() => searchDrafts({ text, box: 'all', limit: 20 }), [text]);
  const candidates = result?.drafts.filter((draft) => draft.id !== sourceId) ?? [];

  async function merge(targetId: string, title: string) {
    try {
      await beforeMerge?.();
      const token = await mergeDrafts(sourceId, targetId);
      offer(token, t('undo.merged', { title }));
      onDone(true);
    } catch (e) {
      setError(t('merge.failed', { error: e instanceof Error ? e.message : String(e) }));
    }
  }

  return (
    <div
      class="dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="merge-title"
      data-testid="merge-dialog"
      onKeyDown={(e) => e.key === 'Escape' && onDone(false)}
    >
      <h3 id="merge-title">{t('merge.heading')}</h3>
      <input
        type="search"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={text}
        ref={search}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
      />
      <ul class="dialog__list">
        {candidates.map((draft) => (
          <li key={draft.id}>
            <button
              type="button"
              class="linklike"
              onClick={() => void merge(draft.id, draft.title)}
            >
              {draft.title} <span class="muted">{draft.siteName}</span>
            </button>
          </li>
        ))}
      </ul>
      {result && candidates.length === 0 && <p class="muted">{t('search.none')}</p>}
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="button button--small" onClick={() => onDone(false)}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
