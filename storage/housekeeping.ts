import { purgeTrash } from './drafts';

/**
 * Empties the trash of drafts deleted more than 30 days ago. Run whenever the background
 * starts (the service worker starts often) and when the popup or desk opens.
 */
export function emptyOldTrash(): void {
  void purgeTrash().catch((error) => console.error('Indiscrets trash', error));
}
