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

/** The sources the capture names in its own words, said in the editor's language. */
const SOURCE_KEYS = {
  tab: 'provenance.source.tab',
  hostname: 'provenance.source.hostname',
  link: 'provenance.source.link',
  'link text': 'provenance.source.linkText',
  url: 'provenance.source.url',
  location: 'provenance.source.location',
} as const;

/**
 * Where a value came from, as the editor reads it: « onglet » for `tab`; a page's own names
 * (`og:title`, `meta[name=author]`, `<title>`) as the page writes them.
 */
export function sourceName(source: string): string {
  return Object.hasOwn(SOURCE_KEYS, source)
    ? t(SOURCE_KEYS[source as keyof typeof SOURCE_KEYS])
    : source;
}

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
                  ({source ? sourceName(source) : '?'}
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

/**
 * One line a field for a tooltip, each field by its name in the interface, as the details list
 * names it: « Auteur : meta[name=author] », “Author: meta[name=author]”.
 */
export function provenanceSummary(draft: Pick<Draft, 'provenance'>): string {
  return METADATA_FIELDS.filter((field) => draft.provenance[field])
    .map((field) => {
      const source = draft.provenance[field]!;
      const line = t('provenance.line', { field: t(`field.${field}`), source: sourceName(source) });
      return GUESSED_SOURCES.has(source) ? `${line} (${t('provenance.guess')})` : line;
    })
    .join('\n');
}
