import { shortened } from '../lib/ellipsis';
import { t, type Locale } from '../locales/core';
import { limitNote } from './limit-note';
import type { ClipOutcome } from './protocol';

/**
 * The sentence that tells the editor what a clip did. Shared by the popup and the page toast
 * (kept apart from protocol.ts so that importing the protocol brings no translations).
 */
export function describeOutcome(outcome: ClipOutcome, locale?: Locale): string {
  const parts: string[] = [];
  if (outcome.beside !== undefined) {
    // A colleague's draft of the page, not this editor's to write: never « ajoutée » to it.
    parts.push(
      outcome.beside
        ? t('clip.beside', { name: outcome.beside }, locale)
        : t('clip.besideColleague', {}, locale),
    );
  } else if (outcome.status === 'created') {
    parts.push(t('clip.created', { title: shortTitle(outcome.clip.title) }, locale));
  } else if (outcome.addedTo !== undefined) {
    // A colleague's draft: the editor is told whose, and that the passage now is in it.
    const name = outcome.addedTo;
    const count = outcome.clip.quotes.length;
    if (!outcome.quoteAdded)
      parts.push(
        name
          ? t('clip.mergedNoQuoteInto', { name }, locale)
          : t('clip.mergedNoQuoteIntoColleague', {}, locale),
      );
    else
      parts.push(
        name
          ? t('clip.mergedInto', { name, count }, locale)
          : t('clip.mergedIntoColleague', { count }, locale),
      );
  } else if (outcome.quoteAdded)
    parts.push(t('clip.merged', { count: outcome.clip.quotes.length }, locale));
  else parts.push(t('clip.mergedNoQuote', {}, locale));
  if (outcome.limit) {
    const { limit, selectionKept, readerView } = outcome;
    parts.push(limitNote({ limit, words: selectionKept, readerView }, locale));
  }
  if (outcome.truncated) parts.push(t('clip.truncated', {}, locale));
  return parts.join(' ');
}

/** The longest title a clip's message quotes whole: a page's title can be a paragraph. */
const TITLE_MAX = 120;

/**
 * A title as a message quotes it: cut at a word when longer than TITLE_MAX, the ellipsis against
 * it (« Le… »), without the punctuation it was cut on.
 */
function shortTitle(title: string): string {
  return shortened(title, TITLE_MAX);
}
