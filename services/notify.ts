import { browser } from 'wxt/browser';
import { toolbarButton } from './action';
import { showToast } from '../capture/toast';
import { t } from '../locales';
import type { ClipOutcome } from '../messaging/protocol';

/** The sentence that tells the editor what a clip did. Shared by the popup and the page toast. */
export function describeOutcome(outcome: ClipOutcome): string {
  const parts: string[] = [];
  if (outcome.status === 'created') parts.push(t('clip.created', { title: outcome.clip.title }));
  else if (outcome.quoteAdded) parts.push(t('clip.merged', { count: outcome.clip.quotes.length }));
  else parts.push(t('clip.mergedNoQuote'));
  if (outcome.limit) parts.push(t(`limit.${outcome.limit}`));
  if (outcome.truncated) parts.push(t('clip.truncated'));
  return parts.join(' ');
}

/**
 * After a clip from the context menu or the keyboard, says in the page what happened. Pages
 * that forbid scripts get the sentence in the toolbar button's tooltip instead.
 */
export async function notifyInTab(tabId: number, outcome: ClipOutcome): Promise<void> {
  const message = describeOutcome(outcome);
  const tone =
    outcome.limit || outcome.truncated ? 'warn' : outcome.status === 'merged' ? 'info' : 'ok';
  try {
    await browser.scripting.executeScript({
      target: { tabId },
      func: showToast,
      args: [message, tone],
    });
  } catch {
    await toolbarButton().setTitle({ tabId, title: message });
  }
}
