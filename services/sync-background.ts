/**
 * The background's one sync engine and its triggers that need no page: a reconnect (`online`),
 * whose run also sends the edit-lock releases the editor's closings could not send offline
 * (`SyncState.releases`: colleagues stop seeing them edited with no desk open to poll),
 * and local writes made in the background itself (a clip from the menu or the shortcut). The
 * desk and the popup ask for the others (open, 30 s poll while a desk is open, their writes):
 * see components/useDeskSync.ts. No alarm: with no desk open, nothing polls.
 */

import { db } from '../storage/db';
import { onOutboxWrite } from '../storage/outbox';
import { deskBaseKeeper } from '../storage/desk-base';
import { getWordPressSettings } from '../storage/preferences';
import { keepDeskBasesIn } from '../wordpress/desk-client';
import { SyncEngine } from './sync';

let engine: SyncEngine | undefined;

/** The engine over the extension's database and the saved WordPress account. */
export function syncEngine(): SyncEngine {
  engine ??= new SyncEngine({
    db,
    settings: async () => {
      const settings = await getWordPressSettings();
      return settings
        ? {
            siteUrl: settings.siteUrl,
            username: settings.username,
            appPassword: settings.appPassword,
          }
        : undefined;
    },
  });
  return engine;
}

/** Wires the background's own sync triggers. */
export function registerSyncTriggers(): void {
  // The REST root of a site blocking ?rest_route=, kept while the service worker sleeps.
  keepDeskBasesIn(deskBaseKeeper);
  const sync = (reason: 'online' | 'write') =>
    void syncEngine()
      .syncNow(reason)
      .catch((error) => console.error('Indiscrets sync', error));
  globalThis.addEventListener?.('online', () => sync('online'));
  onOutboxWrite(() => sync('write'));
}
