import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../locales/core';
import { loadData } from './data';
import { inboxRowElement, type InboxRow } from './inboxRow';
import type { Box } from './useInboxFilters';

interface Options {
  /** The inbox's section: its `.draft-list` holds the rows (`li[data-index]`). */
  section: RefObject<HTMLElement>;
  /** The draft at a row's index, when it has been read. */
  rowAt: (index: number) => InboxRow | undefined;
  box: Box;
  /** The issue being composed, that « a » adds to. */
  currentIssueId?: string | null;
  /** Why the user’s role may not put a draft in the issue (shared desk), if it may not. */
  cannotPlace?: string;
  /** Says a sentence to screen readers. */
  announce: (text: string) => void;
  /** Puts a draft in the trash as its row's « Supprimer » does (said if refused): « Suppr ». */
  trash?: (draft: InboxRow) => void;
  /**
   * The issue's list is drawn beside the inbox (the desk): a draft put in it is said by the name
   * that list shows it by. Without it (the popup, which shows the drafts or the issue), by its
   * row's own name, its title: the one the editor was on, where the issue list's is shown nowhere.
   */
  issueBeside?: boolean;
}

/** The inbox's keyboard, beyond the list's own arrows and Enter (VirtualList). */
export interface InboxKeys {
  /**
   * On the section: « a » or « + » on a row adds its draft to the issue; « Suppr » (Delete) puts
   * it in the trash, as its « Supprimer » does.
   */
  onRowKey: (event: KeyboardEvent) => void;
  /** On the search box: ↓ goes to the results. */
  onSearchKey: (event: KeyboardEvent) => void;
  /**
   * A draft about to leave the list (« Supprimer » on its row): the keyboard, when it is on that
   * row, goes on to its neighbour, as after « a », or to the search box when it was the last.
   */
  leaving: (draftId: string) => void;
  /**
   * Adds `draft` to the issue as « a » does, for its row's « Ajouter au numéro »: said, the
   * keyboard (when on that row) going on to its neighbour.
   */
  add: (draft: InboxRow) => void;
}

/** The row of the list that takes the keyboard: the one the list marked, else the first. */
function firstRow(section: HTMLElement | null): HTMLElement | null | undefined {
  const list = section?.querySelector('.draft-list');
  return (
    list?.querySelector<HTMLElement>(':scope > li[tabindex="0"]') ??
    list?.querySelector<HTMLElement>(':scope > li')
  );
}

/**
 * The inbox's keys: « a » (or « + ») on a row adds its draft to the issue being composed, and
 * says so; the keyboard stays in the list, on the neighbour of the draft that leaves it. ↓ in
 * the search box goes to its results without the mouse.
 */
export function useInboxKeys({
  section,
  rowAt,
  box,
  currentIssueId,
  cannotPlace,
  announce,
  trash,
  issueBeside = false,
}: Options): InboxKeys {
  /**
   * After « a » (or « Supprimer »), the draft that takes the keyboard once the one added (or
   * trashed) has left the list: its
   * row may be drawn anew meanwhile (the list re-keys its rows), so it is found again by id.
   */
  const focusAfterAdd = useRef<{ added: string; next: string } | undefined>(undefined);
  useEffect(() => {
    const wanted = focusAfterAdd.current;
    const list = section.current?.querySelector('.draft-list');
    if (!wanted || !list) return;
    if (list.querySelector(`[data-id="${wanted.added}"]`)) return;
    focusAfterAdd.current = undefined;
    const row = list.querySelector(`[data-id="${wanted.next}"]`)?.closest<HTMLElement>('li');
    if (row && !row.contains(document.activeElement)) row.focus();
  });

  /**
   * The keyboard from the row `item` (of the draft `draftId`, leaving) to its neighbour's, kept
   * there once the row has gone; false when it has none (the last draft of the list).
   */
  function moveOn(item: HTMLElement, draftId: string): boolean {
    const next = (item.nextElementSibling ?? item.previousElementSibling) as HTMLElement | null;
    const nextId = next?.querySelector<HTMLElement>('[data-id]')?.dataset.id;
    if (!next || !nextId) return false;
    next.focus();
    focusAfterAdd.current = { added: draftId, next: nextId };
    return true;
  }

  function leaving(draftId: string) {
    const item = section.current && inboxRowElement(section.current, draftId);
    if (!item?.contains(document.activeElement) || moveOn(item, draftId)) return;
    section.current?.querySelector<HTMLElement>('input[type="search"]')?.focus();
  }

  function onRowKey(event: KeyboardEvent) {
    const item = event.target as HTMLElement;
    // A press of its own: a key held down repeats on the row that takes the keyboard, and took
    // the drafts after it one by one (« Suppr » into the trash, « a » into the issue).
    if (event.repeat) return;
    const toTrash = event.key === 'Delete' && !event.shiftKey && !!trash;
    if (event.key !== 'a' && event.key !== '+' && !toTrash) return;
    if (event.altKey || event.ctrlKey || event.metaKey || !item.matches('li[data-index]')) return;
    const draft = rowAt(Number(item.dataset.index));
    if (!draft || box === 'trash') return;
    event.preventDefault();
    if (toTrash) return trash(draft);
    if (!currentIssueId) return announce(t('drafts.noIssueToAdd'));
    if (draft.issueId) {
      // Named as its issue's list names it, as the add is said; as its row, in the popup.
      if (!issueBeside) return announce(t('drafts.alreadyInIssue', { title: draft.title }));
      return void loadData()
        .then((data) => data.storedItemName(draft.id))
        .then(
          (title) => announce(t('drafts.alreadyInIssue', { title: title ?? draft.title })),
          (error: unknown) => console.error('Indiscrets item name', error),
        );
    }
    if (cannotPlace) return announce(cannotPlace);
    addFrom(item, draft, currentIssueId);
  }

  function add(draft: InboxRow) {
    const item = section.current && inboxRowElement(section.current, draft.id);
    if (currentIssueId) addFrom(item, draft, currentIssueId);
  }

  /** Adds `draft`, whose row is `item`, to issue `issueId`, and says so. */
  function addFrom(item: HTMLElement | null | undefined, draft: InboxRow, issueId: string) {
    // The last draft of the inbox leaving: the keyboard stays in the inbox, on the list itself,
    // not on the page's body. Not in the search field, where the desk's next key (« 2 », to go
    // to the issue) would be typed as a search. Searched among every draft, the row stays, but
    // not its « Ajouter au numéro »: the row takes the keyboard. The keyboard elsewhere is left.
    if (item?.contains(document.activeElement)) {
      if (box !== 'inbox') item.focus();
      else if (!moveOn(item, draft.id)) section.current?.focus();
    }
    // Said by the item's name, as the issue list beside names it (its first words), not the
    // draft's; in the popup, where no issue list is shown, by its row's name.
    loadData()
      .then(async (data) => {
        const added = await data.addToIssue(draft.id, issueId);
        return issueBeside ? data.itemName(added) : draft.title;
      })
      .then(
        (title) => announce(t('drafts.added', { title })),
        (error: unknown) => console.error('Indiscrets add to issue', error),
      );
  }

  function onSearchKey(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown') return;
    const row = firstRow(section.current);
    if (row) {
      event.preventDefault();
      row.focus();
    }
  }

  return { onRowKey, onSearchKey, leaving, add };
}
