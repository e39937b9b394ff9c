import { storage } from 'wxt/utils/storage';
import { DEFAULT_DRAFT_TEMPLATE } from './template';
import type { UI_LOCALES } from './record-values';

/**
 * Small settings in the browser's extension storage, readable from every context and watched
 * for changes. Drafts and issues are in IndexedDB (`db.ts`); only a few bytes belong here.
 */

/** The issue being composed, that "Add to issue" adds to; `null` when none is chosen. */
export const currentIssueId = storage.defineItem<string | null>('local:currentIssueId', {
  fallback: null,
});

/**
 * The template a new draft's body starts from (see `renderDraftTemplate`). Synced: the editor
 * writes the same way in each of their browsers.
 */
export const draftTemplate = storage.defineItem<string>('sync:draftTemplate', {
  fallback: DEFAULT_DRAFT_TEMPLATE,
});

/** The language of the interface: `auto` follows the browser's. */
export type UiLocale = (typeof UI_LOCALES)[number];

/** The language of the interface. Synced, like the other preferences of the person. */
export const uiLocale = storage.defineItem<UiLocale>('sync:uiLocale', { fallback: 'auto' });
