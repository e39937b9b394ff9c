import { t } from '../locales';
import type { FieldConflict } from '../lib/merge';
import { diffWords, type DiffPart } from '../lib/word-diff';

/** A version's text, what the other version lacks marked. */
function Marked({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.changed ? (
          <mark class="conflict__change" key={i}>
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

interface Props<T, K extends keyof T> {
  conflicts: FieldConflict<T, K>[];
  /** The field's name as the form labels it. */
  label: (field: K) => string;
  /** A value as the editor reads it (text of a body, titles of sources…). */
  show: (field: K, value: T[K]) => string;
  onChoose: (field: K, choice: 'mine' | 'theirs') => void;
  /** The heading's id, unique on the page when several records show their conflicts. */
  headingId?: string;
  /**
   * Where the other version comes from. By default another window of this browser (the popup
   * and the desk on one record); a sync conflict says the shared desk and, when known, who.
   */
  origin?: { desk: true; title: string; by?: string };
}

/**
 * Fields changed elsewhere while this view was writing them (another window of this browser, or
 * another editor on the shared desk): both versions side by side, and a choice for each. Until
 * the editor chooses, this view keeps its own value and the other stays stored: nothing is dropped.
 */
export function ConflictChooser<T, K extends keyof T>({
  conflicts,
  label,
  show,
  onChoose,
  headingId = 'conflicts-heading',
  origin,
}: Props<T, K>) {
  if (conflicts.length === 0) return null;
  const intro = !origin
    ? t('conflict.intro')
    : t(origin.by ? 'conflict.introDesk' : 'conflict.introDeskAnon', {
        title: origin.title,
        name: origin.by ?? '',
      });
  const theirsCaption = origin?.by
    ? t('conflict.theirsBy', { name: origin.by })
    : t('conflict.theirs');
  return (
    <section class="conflicts" role="region" aria-labelledby={headingId} data-testid="conflicts">
      <h3 id={headingId} class="conflicts__heading">
        {t('conflict.heading')}
      </h3>
      <p class="conflicts__intro" role="alert">
        {intro}
      </p>
      <ul class="conflicts__list">
        {conflicts.map((conflict) => {
          const name = label(conflict.field);
          const mine = show(conflict.field, conflict.mine);
          const theirs = show(conflict.field, conflict.theirs);
          // Where the two differ, marked in each: an edit is seen without comparing line by line.
          const diff = mine && theirs ? diffWords(mine, theirs) : undefined;
          return (
            <li class="conflict" key={String(conflict.field)} data-testid="conflict">
              <h4 class="conflict__field">{name}</h4>
              <div class="conflict__versions">
                <figure class="conflict__version">
                  <figcaption>{t('conflict.mine')}</figcaption>
                  <p data-testid="conflict-mine">
                    {diff ? <Marked parts={diff.mine} /> : mine || t('conflict.empty')}
                  </p>
                  <button
                    type="button"
                    class="button button--small"
                    aria-label={t('conflict.keepMineNamed', { field: name })}
                    onClick={() => onChoose(conflict.field, 'mine')}
                  >
                    {t('conflict.keepMine')}
                  </button>
                </figure>
                <figure class="conflict__version">
                  <figcaption>{theirsCaption}</figcaption>
                  <p data-testid="conflict-theirs">
                    {diff ? <Marked parts={diff.theirs} /> : theirs || t('conflict.empty')}
                  </p>
                  <button
                    type="button"
                    class="button button--small"
                    aria-label={t('conflict.takeTheirsNamed', { field: name })}
                    onClick={() => onChoose(conflict.field, 'theirs')}
                  >
                    {t('conflict.takeTheirs')}
                  </button>
                </figure>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
