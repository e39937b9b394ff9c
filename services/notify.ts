import { browser } from 'wxt/browser';
import { toolbarButton } from './action';
import { showToast } from '../capture/toast';
import { describeOutcome } from '../messaging/outcome';
import { getLocale } from '../locales';
import type { ClipOutcome } from '../messaging/protocol';

/**
 * After a clip from the context menu or the keyboard, says in the page what happened. Pages
 * that forbid scripts get the sentence in the toolbar button's tooltip instead.
 */
export async function notifyInTab(tabId: number, outcome: ClipOutcome): Promise<void> {
  const message = describeOutcome(outcome);
  const tone =
    outcome.limit || outcome.truncated
      ? 'warn'
      : outcome.status === 'merged' || outcome.beside !== undefined
        ? 'info'
        : 'ok';
  try {
    await browser.scripting.executeScript({
      target: { tabId },
      func: showToast,
      args: [message, tone, getLocale()],
    });
  } catch {
    await toolbarButton().setTitle({ tabId, title: message });
  }
}
