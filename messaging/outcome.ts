import { t } from '../locales';
import type { ClipOutcome } from './protocol';

/**
 * The sentence that tells the editor what a clip did. Shared by the popup and the page toast
 * (kept apart from protocol.ts so that importing the protocol brings no translations).
 */
export function describeOutcome(outcome: ClipOutcome): string {
  const parts: string[] = [];
  if (outcome.status === 'created') parts.push(t('clip.created', { title: outcome.clip.title }));
  else if (outcome.quoteAdded) parts.push(t('clip.merged', { count: outcome.clip.quotes.length }));
  else parts.push(t('clip.mergedNoQuote'));
  if (outcome.limit) parts.push(t(`limit.${outcome.limit}`));
  if (outcome.truncated) parts.push(t('clip.truncated'));
  return parts.join(' ');
}
