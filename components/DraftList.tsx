import { t } from '../locales';
import { listClips } from '../storage/clips';
import { DraftCard } from './DraftCard';
import { useLiveQuery } from './useLiveQuery';

interface Props {
  /** The draft to highlight (the one just clipped). */
  freshId?: string;
}

/** Drafts, newest first, live: a clip from the context menu shows up while the popup is open. */
export function DraftList({ freshId }: Props) {
  const clips = useLiveQuery(() => listClips());
  if (!clips) return null;
  return (
    <section class="drafts" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">
        {t('drafts.heading')} <span class="muted">({clips.length})</span>
      </h2>
      {clips.length === 0 ? (
        <p class="muted">{t('drafts.empty')}</p>
      ) : (
        <ol class="draft-list">
          {clips.map((clip) => (
            <li key={clip.id}>
              <DraftCard clip={clip} fresh={clip.id === freshId} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
