import type { Clip } from '../storage/db';
import { t } from '../locales';

/** Metadata that the page did not declare but we derived: shown as a guess. */
const GUESSED = new Set(['tab', 'hostname', '<title>', '<h1>', 'link', 'link text']);

interface Props {
  clip: Clip;
  /** Highlights the draft just clipped. */
  fresh?: boolean;
}

/** One draft in a list: title, site, latest quote, and where the metadata came from. */
export function DraftCard({ clip, fresh }: Props) {
  const quote = clip.quotes.at(-1);
  const provenance = Object.entries(clip.provenance)
    .map(([field, source]) => `${field}: ${source}${GUESSED.has(source) ? ` (${t('provenance.guess')})` : ''}`)
    .join('\n');
  return (
    <article class={`draft${fresh ? ' draft--fresh' : ''}`} data-testid="draft" data-id={clip.id}>
      <header>
        <a class="draft__title" href={clip.url} target="_blank" rel="noreferrer" title={clip.url}>
          {clip.title}
        </a>
        {fresh && <span class="draft__badge">{t('drafts.new')}</span>}
      </header>
      <p class="draft__meta" title={`${t('provenance.label')}\n${provenance}`}>
        <span class={GUESSED.has(clip.provenance.siteName ?? '') ? 'guess' : ''}>{clip.siteName}</span>
        {clip.byline && <span> · {clip.byline}</span>}
        {clip.quotes.length > 1 && (
          <span data-testid="quote-count"> · {t('drafts.quotes', { count: clip.quotes.length })}</span>
        )}
      </p>
      {quote && (
        <blockquote class="draft__quote" data-testid="quote">
          {quote.text}
        </blockquote>
      )}
      {clip.captureNote && (
        <p class="draft__limit" role="note">
          {t(`limit.${clip.captureNote}`)}
        </p>
      )}
    </article>
  );
}
