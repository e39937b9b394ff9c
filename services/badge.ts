import { liveQuery } from 'dexie';
import { toolbarButton } from './action';
import { t } from '../locales';
import { countInbox } from '../storage/draft-records';

/** Shows on the toolbar button how many drafts are not yet in an issue. */
export async function showInboxCount(count: number): Promise<void> {
  await toolbarButton().setBadgeText({ text: count > 0 ? String(Math.min(count, 999)) : '' });
  await toolbarButton().setBadgeBackgroundColor({ color: '#b3261e' });
  await toolbarButton().setTitle({ title: t('badge.title', { count }) });
}

/** Recounts now. */
export async function refreshBadge(): Promise<number> {
  const count = await countInbox();
  await showInboxCount(count);
  return count;
}

/**
 * Keeps the badge in step with the database, whichever context wrote to it: Dexie's liveQuery
 * hears writes from the popup and the desk too.
 */
export function watchBadge(): () => void {
  const subscription = liveQuery(() => countInbox()).subscribe({
    next: (count) => void showInboxCount(count),
    error: (error) => console.error('Indiscrets badge', error),
  });
  return () => subscription.unsubscribe();
}
