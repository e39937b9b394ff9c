import { METADATA_FIELDS } from '../capture/types';
import { t } from '../locales/core';
import type { Draft } from '../storage/db';

/** Sources of metadata that the page did not declare: we derived them, so they are guesses. */
export const GUESSED_SOURCES = new Set([
  'tab',
  'hostname',
  '<title>',
  '<h1>',
  'link',
  'link text',
  'url',
]);

/** Where each metadata value of a draft came from, guesses marked as such. */
export function Provenance({ clip: draft }: { clip: Draft }) {
  return (
    <details class="provenance">
      <summary>{t('provenance.label')}</summary>
      <dl>
        {METADATA_FIELDS.filter((field) => draft[field]).map((field) => {
          const source = draft.provenance[field];
          const guessed = !source || GUESSED_SOURCES.has(source);
          return (
            <div key={field} class={guessed ? 'guess' : ''}>
              <dt>{t(`field.${field}`)}</dt>
              <dd>
                <span class="provenance__value">{draft[field]}</span>{' '}
                <span class="muted">
                  ({source ?? '?'}
                  {guessed ? `, ${t('provenance.guess')}` : ''})
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}

/** One line for a tooltip: `title: og:title`… */
export function provenanceSummary(draft: Pick<Draft, 'provenance'>): string {
  return Object.entries(draft.provenance)
    .map(
      ([field, source]) =>
        `${field}: ${source}${GUESSED_SOURCES.has(source) ? ` (${t('provenance.guess')})` : ''}`,
    )
    .join('\n');
}
