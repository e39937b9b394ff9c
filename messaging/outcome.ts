import { t } from '../locales';
import type { ClipOutcome } from './protocol';

/**
 * The sentence that tells the editor what a clip did. Shared by the popup and the page toast
 * (kept apart from protocol.ts so that importing the protocol brings no translations).
 */
export function describeOutcome(outcome: ClipOutcome): string {
  const parts: string[] = [];
  if (outcome.status === 'created') {
    parts.push(t('clip.created', { title: shortTitle(outcome.clip.title) }));
  } else if (outcome.quoteAdded)
    parts.push(t('clip.merged', { count: outcome.clip.quotes.length }));
  else parts.push(t('clip.mergedNoQuote'));
  if (outcome.limit) parts.push(t(`limit.${outcome.limit}`));
  if (outcome.truncated) parts.push(t('clip.truncated'));
  return parts.join(' ');
}

/** The longest title a clip's message quotes whole: a page's title can be a paragraph. */
const TITLE_MAX = 120;

/** A title as a message quotes it: cut at a word, with « … », when longer than TITLE_MAX. */
function shortTitle(title: string): string {
  if (title.length <= TITLE_MAX) return title;
  const space = title.lastIndexOf(' ', TITLE_MAX - 1);
  // A title without a space to cut at in its second half is cut where the limit falls, never
  // between the two halves of an emoji.
  let end = space > TITLE_MAX / 2 ? space : TITLE_MAX - 1;
  const code = title.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  const kept = title.slice(0, end).replace(/[\s,;:]+$/, '');
  return `${kept}…`;
}
