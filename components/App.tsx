import type { ComponentChildren, ComponentType } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../locales/core';
import type { Undone } from '../storage/drafts';
import { currentIssueId as currentIssueItem } from '../storage/settings';
import { AnnouncerProvider } from './Announcer';
import { ClipHint } from './ClipHint';
import { ClipPanel } from './ClipPanel';
import { Inbox } from './Inbox';
import { inboxRowElement } from './inboxRow';
import { lazyComponent } from './lazy';
import { PopupTabs, TAB_PANEL_ID, tabButtonId, type Tab } from './PopupTabs';
import { UndoProvider } from './Undo';
import { useDeskSync } from './useDeskSync';
import { useInboxFilters, type InboxReturn } from './useInboxFilters';
import { useOnlyIssue } from './useOnlyIssue';
import { useStorageItem } from './useStorageItem';
import { focusLost, whenDrawn } from './whenDrawn';

// The inbox paints first; the editor and the issue (with exports, WordPress) load when opened.
const DraftEditor = lazyComponent(() => import('./DraftEditor').then((m) => m.DraftEditor));
const IssueView = lazyComponent(() => import('./IssueView').then((m) => m.IssueView));
// The desk tab: the issue, its items, the open item's editor and the folding inbox.
const Desk = lazyComponent(() => import('./Desk').then((m) => m.Desk));
// The shared desk's status line (empty when sync is off) brings the conflict chooser with it.
const SharedDeskBar = lazyComponent(() => import('./SharedDeskBar').then((m) => m.SharedDeskBar), {
  silent: true,
});

/**
 * A draft is opened from a tab, and "Back" returns to it; `at`: its row's place in that tab's
 * list when opened from it, where the keyboard goes should its « Supprimer » take it away.
 */
type View = { kind: Tab } | { kind: 'draft'; id: string; from: Tab; at?: number };

/** The rows of the popup's issue list, in order (IssueItems.tsx). */
const issueRows = (root: HTMLElement) => [
  ...root.querySelectorAll<HTMLElement>('.issue [data-item-id]'),
];

/** The place of draft `id`'s row in the list of tab `from`, as drawn now (undefined: not there). */
function placeOf(root: HTMLElement | null, from: Tab, id: string): number | undefined {
  if (!root) return undefined;
  if (from === 'issue') {
    const at = issueRows(root).findIndex((row) => row.dataset.itemId === id);
    return at < 0 ? undefined : at;
  }
  const row = inboxRowElement(root, id);
  return row ? Number(row.dataset.index) : undefined;
}

/**
 * « ← Retour » from a draft opened in the popup's issue tab: the keyboard, left on nothing as the
 * editor went, goes to that draft's item in the issue's list once the list (loaded with the tab)
 * draws it, as the desk's editor gives it back to its row. Not taken from where the editor went
 * meanwhile; given up when the item does not come (it left the issue).
 */
function returnToItem(root: HTMLElement | null, id: string): void {
  if (!root) return;
  whenDrawn(
    root,
    () => root.querySelector<HTMLElement>(`.issue [data-item-id="${id}"]`),
    (row) => {
      if (focusLost()) row.focus();
    },
  );
}

/**
 * The popup editor's « Supprimer » on a draft opened from the issue tab: the keyboard, left on
 * nothing as the editor went, goes where the draft was in the issue's list once the list draws
 * it without the draft, as the desk's editor does (Desk.tsx): the row that took its place (`at`),
 * else the one before, else the list itself (the empty issue's message). Not taken from where
 * the editor went meanwhile.
 */
function focusAfterTrash(root: HTMLElement | null, id: string, at = 0): void {
  if (!root) return;
  whenDrawn(
    root,
    () => {
      const rows = issueRows(root);
      if (rows.some((row) => row.dataset.itemId === id)) return null;
      return (
        rows[Math.min(at, rows.length - 1)] ??
        root.querySelector<HTMLElement>('.issue [data-testid="issue-empty"]')
      );
    },
    (target) => {
      if (focusLost()) target.focus();
    },
  );
}

/**
 * An issue put back by « Annuler » after « Supprimer le numéro »: the keyboard, left on the undo
 * bar (whose offer goes) or on nothing, goes to the issue's first item, or its empty list's
 * message, once the view shows that issue (its « Numéro en cours ») and draws its list, as after
 * « Créer le numéro » (NewIssueForm.tsx focusCreated): not to the picker, where ↓ on Windows and
 * Linux would choose another issue and the desk's keys would be typing. Not taken from where
 * the editor went meanwhile; given up when the issue is not shown.
 */
function focusRestored(issueId: string): void {
  whenDrawn(
    document.body,
    () => {
      const picker = document.querySelector<HTMLSelectElement>('.issue__picker select');
      if (picker?.value !== issueId) return undefined;
      return (
        document.querySelector<HTMLElement>('.issue [data-item-id]') ??
        document.querySelector<HTMLElement>('.issue [data-testid="issue-empty"]')
      );
    },
    (target) => {
      const focused = document.activeElement;
      if (focusLost() || focused?.closest('[data-testid="undo-bar"]')) target.focus();
    },
    true,
  );
}

/** The desk drawn before its code is loaded (DeskFirstScreen.tsx, kept out of the popup). */
export type DeskFirstScreen = ComponentType<{
  header: ComponentChildren;
  currentIssueId: string | null | undefined;
  freshId?: string;
}>;

interface Props {
  /** The popup shows one view at a time; the desk shows inbox, editor and issue side by side. */
  layout: 'popup' | 'desk';
  /** The tab that "Clip this page" clips (popup.html?tabId=N); the active tab otherwise. */
  tabId?: number;
  /** The desk's first screen, drawn until the desk is loaded. */
  firstScreen?: DeskFirstScreen;
}

/**
 * The editor's desk: clip, write drafts, compose the issue. The popup shows one view at a time;
 * the desk (its own tab) lays the same components out around the issue (Desk.tsx).
 */
export function App({ layout, tabId, firstScreen: FirstScreen }: Props) {
  const [view, setView] = useState<View>({ kind: 'drafts' });
  const [freshId, setFreshId] = useState<string>();
  const currentIssueId = useStorageItem(currentIssueItem);
  const selectIssue = (id: string | null) => void currentIssueItem.setValue(id);
  useOnlyIssue(currentIssueId, selectIssue);
  useDeskSync(layout);
  // The popup's inbox is unmounted while a draft or the issue is shown: its search and filters,
  // and where the editor was in its list, are kept here for the popup's life, so that « Retour »
  // and the tabs come back to the inbox as it was left.
  const inboxFilters = useInboxFilters();
  const inboxReturn = useRef<InboxReturn>();
  const popupRoot = useRef<HTMLDivElement>(null);

  /** Shows another view; leaving the inbox notes where the editor was in it. */
  const show = (next: View) => {
    if (view.kind === 'drafts' && next.kind !== 'drafts') {
      inboxReturn.current = { id: next.kind === 'draft' ? next.id : undefined, scrollY };
    }
    setView(next);
  };
  const openDraft = (from: Tab) => (id: string) =>
    show({ kind: 'draft', id, from, at: placeOf(popupRoot.current, from, id) });
  /**
   * An undo shows what it brought back, wherever the editor undid it from: a deleted issue, or
   * a draft back in an issue (trashed or merged away from it), in that issue, chosen (in the
   * popup, in the « Numéro » tab); a draft back in the inbox, in the popup's « Brouillons » tab
   * (the desk shows its drafts beside the issue).
   */
  const showUndone = (undone: Undone) => {
    // A conflict's choice undone: the box is back in the shared desk's bar, seen from any view.
    if (undone.conflict) return;
    if (undone.issueId) selectIssue(undone.issueId);
    // A deleted issue put back (no draft named): the keyboard goes to its list.
    if (undone.issueId && !undone.draftId) focusRestored(undone.issueId);
    if (layout === 'desk') return;
    const where: Tab = undone.issueId ? 'issue' : 'drafts';
    if (view.kind !== where) show({ kind: where });
  };
  const tab: Tab = view.kind === 'draft' ? view.from : view.kind;

  const settings = (
    <button
      type="button"
      class="button button--small"
      aria-label={t('nav.options')}
      title={t('nav.options')}
      onClick={() => void browser.runtime.openOptionsPage()}
    >
      ⚙
    </button>
  );
  const header = (
    <header class="app__header">
      {layout === 'popup' || tabId !== undefined ? (
        <>
          {/* What the page is, for a screen reader's list of headings (the tabs say the rest). */}
          <h1 class="visually-hidden">
            {t(layout === 'popup' ? 'popup.heading' : 'desk.heading')}
          </h1>
          <ClipPanel tabId={tabId} onClipped={(outcome) => setFreshId(outcome.clip.id)} />
        </>
      ) : (
        // In its own tab the desk is the active tab: "Clip this page" would clip the desk.
        <div class="desk__title">
          <h1>{t('desk.heading')}</h1>
          <ClipHint />
        </div>
      )}
      <nav class="app__nav">
        {layout === 'popup' && <PopupTabs tab={tab} onShow={(kind) => show({ kind })} />}
        {layout === 'popup' ? (
          // One group, so that a popup too narrow for the tabs and both buttons moves both under
          // the tabs, on the right, rather than the ⚙ alone on a line of its own, on the left.
          <span class="app__tools">
            <button
              type="button"
              class="button button--small"
              onClick={() =>
                void browser.tabs.create({ url: browser.runtime.getURL('/desk.html') })
              }
            >
              {t('nav.openDesk')}
            </button>
            {settings}
          </span>
        ) : (
          <>
            <span class="spacer" />
            {settings}
          </>
        )}
      </nav>
      <SharedDeskBar />
    </header>
  );

  // The page's one live region encloses the undo bar, which speaks what it shows through it.
  if (layout === 'desk') {
    return (
      <AnnouncerProvider>
        <UndoProvider onUndone={showUndone}>
          <Desk
            header={header}
            currentIssueId={currentIssueId}
            onSelectIssue={selectIssue}
            freshId={freshId}
            fallback={
              FirstScreen && (
                <FirstScreen header={header} currentIssueId={currentIssueId} freshId={freshId} />
              )
            }
          />
        </UndoProvider>
      </AnnouncerProvider>
    );
  }

  return (
    <AnnouncerProvider>
      <UndoProvider onUndone={showUndone}>
        <div class="popup" ref={popupRoot}>
          {header}
          <main>
            <div id={TAB_PANEL_ID} role="tabpanel" aria-labelledby={tabButtonId(tab)}>
              {view.kind === 'drafts' && (
                <Inbox
                  onOpen={openDraft('drafts')}
                  currentIssueId={currentIssueId}
                  freshId={freshId}
                  pageSize={20}
                  filters={inboxFilters}
                  returnTo={inboxReturn.current}
                />
              )}
              {view.kind === 'draft' && (
                <DraftEditor
                  key={view.id}
                  id={view.id}
                  currentIssueId={currentIssueId}
                  escapeCloses
                  onClose={() => {
                    if (view.from === 'issue') returnToItem(popupRoot.current, view.id);
                    show({ kind: view.from });
                  }}
                  onTrashed={() => {
                    // The keyboard where the draft was in the list it is back to: the issue's
                    // here, the inbox's when it draws itself again (Inbox.tsx, returnTo).
                    if (view.from === 'issue') focusAfterTrash(popupRoot.current, view.id, view.at);
                    else
                      inboxReturn.current = {
                        scrollY: inboxReturn.current?.scrollY ?? 0,
                        gone: view.at ?? 0,
                      };
                    show({ kind: view.from });
                  }}
                  onOpenDraft={(other) => show({ kind: 'draft', id: other, from: view.from })}
                />
              )}
              {view.kind === 'issue' && (
                <IssueView
                  currentIssueId={currentIssueId}
                  onSelectIssue={selectIssue}
                  onOpenDraft={openDraft('issue')}
                  compact
                />
              )}
            </div>
          </main>
        </div>
      </UndoProvider>
    </AnnouncerProvider>
  );
}
