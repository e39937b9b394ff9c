import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t, tParts, type MessageKey } from '../locales';
import type { Issue } from '../storage/db';
import { afterPaint } from '../lib/after-paint';
import { useAnnounce } from './Announcer';
import { DraftEditor } from './DraftEditor';
import { Inbox } from './Inbox';
import { IssueFieldsForm } from './IssueFieldsForm';
import { IssueItems } from './IssueItems';
import { IssueOutput } from './IssueOutput';
import { focusLost, whenDrawn } from './whenDrawn';
import { useIssueNames } from './useIssueNames';
import { useItemLabel } from './useItemLabel';
import { IssuePicker, PickHint, useIssues } from './IssuePicker';
import { IssueDeletedNotice } from './TakenOutNotice';
import { NewIssueForm } from './NewIssueForm';
import {
  DeskTools,
  readInboxFolded,
  SnapshotColumns,
  SnapshotItems,
  writeInboxFolded,
} from './DeskFirstScreen';
import {
  firstScreenRows,
  readDeskSnapshot,
  snapshotText,
  takeEarlyOpen,
  writeDeskSnapshot,
  type DeskSnapshot,
} from './deskSnapshot';
import { itemText } from './richtext';
import { deskRefusal } from './roles';
import { ctrlShortcut, listShortcut, SINGLE_KEYS } from './shortcuts';
import { KeyList } from './KeyList';
import { openKeyboardSettings } from './openSettings';
import { useCharacterKeys } from './useSettings';
import { loadData } from './data';
import { currentIssueId as currentIssueItem } from '../storage/settings';
import { ISSUE_TEXT_LIMITS } from '../storage/record-values';
import { shortened } from '../lib/ellipsis';
import { readItemsAhead, useIssueWorkspace } from './useIssueWorkspace';
import { useSharedDesk } from './useSharedDesk';
import { useTakeOutDropped } from './useTakeOutDropped';

/**
 * What the desk reads first, started as its page loads rather than one step after another once
 * it renders: the database layer (its journal replayed), then the open issue's items, read
 * while the desk reads the issue itself (see readItemsAhead).
 */
export async function readDeskAhead(): Promise<void> {
  const [issueId] = await Promise.all([currentIssueItem.getValue(), loadData()]);
  if (issueId) await readItemsAhead(issueId);
}

/**
 * The desk's keys, as the help lists them: what is pressed, then what it does. `single`: a key of
 * one character pressed outside a field, which the editor can turn off (see onKey in Desk).
 */
export const DESK_KEYS: Array<{ keys: () => string; what: MessageKey; single?: true }> = [
  { keys: () => '↑ ↓ · j k', what: 'desk.key.move' },
  { keys: () => t('desk.keyName.enter'), what: 'desk.key.open' },
  { keys: () => t('desk.keyName.escape'), what: 'desk.key.back' },
  { keys: () => 'a', what: 'desk.key.add' },
  { keys: () => t('desk.keyName.delete'), what: 'desk.key.trash' },
  { keys: () => 'Alt+↑ Alt+↓', what: 'desk.key.reorder' },
  { keys: () => ctrlShortcut('K'), what: 'desk.key.link' },
  { keys: () => `${listShortcut('ul')} ${listShortcut('ol')}`, what: 'desk.key.lists' },
  { keys: () => '1 2 3 4', what: 'desk.key.columns', single: true },
  { keys: () => 'i', what: 'desk.key.inbox', single: true },
  { keys: () => '/', what: 'desk.key.search', single: true },
  { keys: () => 'n', what: 'desk.key.newIssue', single: true },
  { keys: () => ctrlShortcut('Z'), what: 'desk.key.undo' },
  { keys: () => '?', what: 'desk.key.help', single: true },
];

/** Keys typed into a field are text, never shortcuts. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.matches('input, textarea, select, [contenteditable], [role="combobox"]')
  );
}

interface Props {
  header: ComponentChildren;
  currentIssueId: string | null | undefined;
  onSelectIssue: (id: string | null) => void;
  freshId?: string;
}

/**
 * The desk, in its own tab: the issue is its centre. Its items in order, the open item's editor
 * beside them, then publishing, exports and the preview, each column scrolling by itself so that
 * the publish button and the preview stay in view on a 1366×768 screen. The inbox folds away to
 * the left. Everything is reachable from the keyboard (see DESK_KEYS, shown by « ? » or the
 * « Raccourcis clavier » button, the one way there once the keys of one character are off).
 */
export function Desk({ header, currentIssueId, onSelectIssue, freshId }: Props) {
  // A draft opened on the first screen, before the desk was loaded, opens now.
  const [selectedId, setSelectedId] = useState<string | undefined>(takeEarlyOpen);
  // The draft the editor opened, until the editor has shown it: only then does its text take the
  // keyboard. Drawn again elsewhere (another issue shown, the issue deleted), it does not.
  const openedNow = useRef(selectedId);
  const open = useCallback((id: string) => {
    openedNow.current = id;
    setSelectedId(id);
  }, []);
  useEffect(() => {
    openedNow.current = undefined;
  });
  const [folded, setFolded] = useState(readInboxFolded);
  const [help, setHelp] = useState(false);
  const [creating, setCreating] = useState(false);
  const { issues, issue, issueRead } = useIssues(currentIssueId);
  // The issue's first screen as the last desk showed it, until the database answers.
  const [snapshot] = useState(readDeskSnapshot);
  const settled = issues !== undefined && currentIssueId !== undefined && issueRead;
  const early =
    !settled && snapshot && (currentIssueId === undefined || currentIssueId === snapshot.issueId)
      ? snapshot
      : undefined;
  // No issue open: the next desk opens without one too, not on the last one shown.
  useEffect(() => {
    if (settled && !issue) writeDeskSnapshot(null);
  }, [settled, issue]);
  const announce = useAnnounce();
  const cannotCreate = deskRefusal(useSharedDesk(), 'editIssues');
  // Followed as the options change it: an open desk obeys at once.
  const singleKeys = useCharacterKeys();
  const root = useRef<HTMLDivElement>(null);
  // An issue's item dragged back to the inbox leaves the issue, as with « Retirer ».
  const takeOutDropped = useTakeOutDropped();

  const fold = (next: boolean) => {
    // The keyboard stays on the desk, not on a row that disappears.
    if (next && root.current?.querySelector('.desk__inbox')?.contains(document.activeElement)) {
      setTimeout(() =>
        root.current?.querySelector<HTMLElement>('[data-testid="inbox-toggle"]')?.focus(),
      );
    }
    setFolded(next);
    writeInboxFolded(next);
    announce(t(next ? 'desk.inboxFolded' : 'desk.inboxShown'));
  };

  /** Back from the editor to the list it was opened from, on the item that was open. */
  const focusList = () => {
    const el = root.current;
    if (!el || !selectedId) return;
    const target =
      el.querySelector<HTMLElement>(`.desk__issue [data-item-id="${selectedId}"]`) ??
      // The inbox's row (the list's item around the draft) holds its keyboard place.
      el.querySelector(`.desk__inbox [data-id="${selectedId}"]`)?.closest<HTMLElement>('li');
    target?.focus();
  };

  /**
   * The draft open in the editor put in the trash by its « Supprimer »: the editor closes and the
   * draft's row leaves the list it was in (the issue's items, else the inbox). The keyboard goes
   * to where it was, the next row of that list (else the one before), else to the list itself
   * (the empty issue's message, the inbox's search), not to the page's body with the editor's
   * button. The neighbour takes it at once, and again by its id once the trashed row has gone,
   * should the list draw its rows anew; the keyboard moved on meanwhile is left where it is.
   */
  const focusAfterTrash = (id: string) => {
    const el = root.current;
    if (!el) return;
    const items = [...el.querySelectorAll<HTMLElement>('.desk__issue [data-item-id]')];
    const inIssue = items.some((row) => row.dataset.itemId === id);
    const rows = inIssue
      ? items
      : [...el.querySelectorAll<HTMLElement>('.desk__inbox .draft-list > li[data-index]')];
    const idOf = (row: HTMLElement | undefined) =>
      inIssue ? row?.dataset.itemId : row?.querySelector<HTMLElement>('[data-id]')?.dataset.id;
    const rowOf = (draftId: string) =>
      inIssue
        ? el.querySelector<HTMLElement>(`.desk__issue [data-item-id="${draftId}"]`)
        : (el.querySelector(`.desk__inbox [data-id="${draftId}"]`)?.closest<HTMLElement>('li') ??
          null);
    const at = rows.findIndex((row) => idOf(row) === id);
    const next = at < 0 ? undefined : (rows[at + 1] ?? rows[at - 1]);
    const nextId = idOf(next);
    next?.focus();
    const list = () =>
      el.querySelector<HTMLElement>(
        inIssue ? '.desk__issue [data-testid="issue-empty"]' : '.desk__inbox input[type="search"]',
      );
    // A trash that failed leaves the row, and the keyboard, where they are.
    whenDrawn(
      el,
      () => !rowOf(id) || undefined,
      () => {
        if (focusLost()) ((nextId ? rowOf(nextId) : null) ?? list())?.focus();
      },
    );
  };

  /**
   * The keyboard jumps to a column: 1 the drafts (unfolded if need be), 2 the issue's items (the
   * open one, or the first), 3 the editor's text, 4 the publish button (or the first control).
   */
  const focusColumn = (column: number) => {
    const el = root.current;
    if (!el) return;
    if (column === 1) {
      if (folded) fold(false);
      // The inbox renders once unfolded.
      setTimeout(() => {
        const row =
          el.querySelector<HTMLElement>('.desk__inbox .draft-list > li[tabindex="0"]') ??
          el.querySelector<HTMLElement>('.desk__inbox .draft-list > li');
        (row ?? el.querySelector<HTMLElement>('.desk__inbox input'))?.focus();
      });
      return;
    }
    const targets: Record<number, string[]> = {
      2: [
        `.desk__issue [data-item-id="${selectedId ?? ''}"]`,
        '.desk__issue [data-item-id]',
        '.desk__issue select',
      ],
      3: ['.desk__editor [contenteditable]', '.desk__editor input'],
      4: ['.desk__output [data-testid="publish-button"]', '.desk__output button'],
    };
    for (const selector of targets[column] ?? []) {
      const target = el.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        return;
      }
    }
  };

  /**
   * The desk's keys, as of the latest render. The document's listener is added once and calls
   * this: a listener added again after each render (effects run after paint) would, for a key
   * pressed right after « ? », still see the list closed, and Escape would leave it open.
   */
  const onKey = useRef<(event: KeyboardEvent) => void>();
  onKey.current = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape') {
      if (help) {
        setHelp(false);
        return;
      }
      if (root.current?.querySelector('.desk__editor')?.contains(event.target as Node)) {
        event.preventDefault();
        focusList();
      }
      return;
    }
    if (typing(event.target)) return;
    // WCAG 2.1.4 (Character Key Shortcuts): a key of one character pressed outside a field, as
    // speech input types words into the page or a hand slips, sets off what follows; so the
    // editor can turn them off (the options' « Clavier »), and then they do nothing at all, the
    // key left to the page. What acts above and elsewhere is no such shortcut and stays: Escape
    // is no character; a key held with Ctrl, Alt or ⌘ (returned above, left to the editor and
    // the undo bar) is not what dictation or a slip types; the keys of a list's row (the inbox's
    // « a », j k and Enter: useInboxKeys, VirtualList, ReorderList) act only while that row has
    // the focus, which the criterion leaves out.
    if (!singleKeys) return;
    if (event.key === '?') {
      event.preventDefault();
      setHelp(!help);
    } else if (event.key === 'i') {
      event.preventDefault();
      fold(!folded);
    } else if (event.key === 'n') {
      event.preventDefault();
      // A role that may not create issues hears why instead (the button says it too).
      if (cannotCreate) announce(cannotCreate);
      else setCreating(true);
    } else if (['1', '2', '3', '4'].includes(event.key)) {
      event.preventDefault();
      focusColumn(Number(event.key));
    } else if (event.key === '/') {
      event.preventDefault();
      if (folded) fold(false);
      // The inbox renders its search once unfolded.
      setTimeout(() => root.current?.querySelector<HTMLElement>('.inbox input')?.focus());
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey.current?.(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  /** The new issue's form let go: back on the button that asks for it, which stays. */
  const cancelCreating = () => {
    setCreating(false);
    setTimeout(() =>
      root.current?.querySelector<HTMLElement>('.desk__issue [data-testid="new-issue"]')?.focus(),
    );
  };

  const editor = selectedId ? (
    <DraftEditor
      key={selectedId}
      id={selectedId}
      autoFocus={openedNow.current === selectedId}
      currentIssueId={currentIssueId}
      onClose={() => {
        focusList();
        setSelectedId(undefined);
      }}
      onTrashed={() => {
        focusAfterTrash(selectedId);
        setSelectedId(undefined);
      }}
      closeLabel={t('common.close')}
      onOpenDraft={open}
    />
  ) : (
    <p class="muted desk__hint">{t(issue ? 'desk.pickItem' : 'desk.pickDraft')}</p>
  );

  let centre: ComponentChildren;
  if (!issues) {
    centre = <p class="muted">{t('common.loading')}</p>;
  } else if (creating || issues.length === 0) {
    centre = (
      <>
        {issues.length > 0 && (
          <IssuePicker
            issues={issues}
            issue={issue}
            onSelectIssue={onSelectIssue}
            onCreate={() => setCreating(true)}
          />
        )}
        <IssueDeletedNotice />
        {issues.length === 0 && (
          // A role that may not create issues is not asked to: the form below says why.
          <p class="desk__welcome" data-testid="desk-welcome">
            {t(cannotCreate ? 'desk.firstIssueAwaited' : 'desk.firstIssue')}
          </p>
        )}
        <NewIssueForm
          onCreated={(id) => {
            setCreating(false);
            onSelectIssue(id);
            announce(t('desk.issueCreated'));
          }}
          onCancel={issues.length > 0 ? cancelCreating : undefined}
          // A new issue's form asked for takes the keyboard at once.
          autoFocus={creating}
        />
      </>
    );
  }

  return (
    <div class={`desk${folded ? ' desk--folded' : ''}`} ref={root}>
      <div class="desk__top">
        {header}
        <DeskTools
          folded={folded}
          onFold={fold}
          help={help}
          onHelp={setHelp}
          singleKeys={singleKeys}
        />
      </div>
      {help && <ShortcutHelp singleKeys={singleKeys} onClose={() => setHelp(false)} />}
      <main class="desk__columns">
        {!folded && (
          <div class="desk__column desk__inbox" id="desk-inbox">
            <Inbox
              onOpen={open}
              currentIssueId={issue ? currentIssueId : undefined}
              freshId={freshId}
              selectedId={selectedId}
              // The editor goes with the draft trashed from its row, as with its own « Supprimer »
              // (the row's removal has put the keyboard in the list), and follows it merged into
              // another draft, which now holds its text.
              onTrashed={(id, into) => {
                if (id === selectedId) setSelectedId(into);
              }}
              onItemDrop={takeOutDropped}
              issueBeside
            />
          </div>
        )}
        {early ? (
          <SnapshotColumns snapshot={early} selectedId={selectedId} onOpen={open} />
        ) : centre !== undefined || !issue ? (
          <>
            <section class="desk__column desk__issue" aria-label={t('issue.heading')}>
              {centre ?? (
                <>
                  <IssuePicker
                    issues={issues ?? []}
                    issue={issue}
                    onSelectIssue={onSelectIssue}
                    onCreate={() => setCreating(true)}
                  />
                  <IssueDeletedNotice />
                  <PickHint />
                </>
              )}
            </section>
            <div class="desk__column desk__editor">{editor}</div>
            <section class="desk__column desk__output" aria-label={t('desk.output')}>
              <p class="muted">
                {t(
                  // The new issue's form open: what this column will hold once it is created.
                  centre !== undefined &&
                    issues &&
                    (creating || issues.length === 0) &&
                    !cannotCreate
                    ? 'desk.newIssueOutput'
                    : 'desk.noIssueOutput',
                )}
              </p>
            </section>
          </>
        ) : (
          <DeskIssue
            key={issue.id}
            issue={issue}
            issues={issues ?? []}
            selectedId={selectedId}
            onOpen={open}
            onSelectIssue={onSelectIssue}
            onCreate={() => setCreating(true)}
            editor={editor}
            snapshot={snapshot?.issueId === issue.id ? snapshot : undefined}
          />
        )}
      </main>
    </div>
  );
}

interface DeskIssueProps {
  issue: Issue;
  issues: Issue[];
  selectedId?: string;
  onOpen: (id: string) => void;
  onSelectIssue: (id: string | null) => void;
  onCreate: () => void;
  editor: ComponentChildren;
  /** The issue's first screen as the last desk showed it: drawn until its items are read. */
  snapshot?: DeskSnapshot;
}

/** The issue's three columns: its items, the open item's editor, and what leaves the desk. */
function DeskIssue({
  issue,
  issues,
  selectedId,
  onOpen,
  onSelectIssue,
  onCreate,
  editor,
  snapshot,
}: DeskIssueProps) {
  const workspace = useIssueWorkspace(issue);
  // The first screen's rows name the items as the list will (typeset in the house style).
  const nameOf = useItemLabel();
  const { items, checks, counts, total, budget, problems } = workspace;
  const column = useRef<HTMLElement>(null);
  // As the picker names the issue (who sent it included), for the next desk's first screen.
  const pickerName = useIssueNames(issues).get(issue.id);
  // What this column shows first, for the next desk to paint before the database answers: read
  // once painted, so that the rows that fill the column are counted from the page as drawn.
  useEffect(() => {
    if (!items) return;
    return afterPaint(() => writeSnapshot(itemsFilling(column.current) ?? firstScreenRows()));
  }, [items, checks, issue, issues.length > 1, budget, pickerName, nameOf]);
  function writeSnapshot(count: number) {
    if (!items) return;
    const rows = items.slice(0, count).map((item, index) => ({
      id: item.id,
      label: nameOf(item),
      text: snapshotText(itemText(item.body)),
      words: counts[index]!.words,
      chars: counts[index]!.chars,
      checks: checks?.[item.id] ?? [],
    }));
    writeDeskSnapshot({
      issueId: issue.id,
      // As the picker names it: a backup's title of 2,000,000 characters, kept whole, took
      // localStorage tens of milliseconds to write at every change of the column.
      title: shortened(issue.title, ISSUE_TEXT_LIMITS.title),
      status: issue.status,
      ...(pickerName ? { pickerName } : {}),
      items: items.length,
      words: total.words,
      chars: total.chars,
      ...(budget !== undefined ? { budget } : {}),
      problems,
      otherIssues: issues.length > 1,
      rows,
    });
  }
  const early = !items ? snapshot : undefined;
  return (
    <>
      <section
        class="desk__column desk__issue"
        aria-label={t('issue.heading')}
        aria-busy={early ? true : undefined}
        ref={column}
      >
        <IssuePicker
          issues={issues}
          issue={issue}
          onSelectIssue={onSelectIssue}
          onCreate={onCreate}
        />
        <IssueFieldsForm workspace={workspace} onSelectIssue={onSelectIssue} />
        {early ? (
          <SnapshotItems snapshot={early} selectedId={selectedId} onOpen={onOpen} />
        ) : (
          <IssueItems
            workspace={workspace}
            otherIssues={issues.filter((other) => other.id !== issue.id)}
            onOpenDraft={onOpen}
            selectedId={selectedId}
          />
        )}
      </section>
      <div class="desk__column desk__editor">{editor}</div>
      <section class="desk__column desk__output" aria-label={t('desk.output')}>
        {workspace.items ? (
          <IssueOutput workspace={workspace} />
        ) : (
          <p class="muted">{t('common.loading')}</p>
        )}
      </section>
    </>
  );
}

/**
 * How many of the issue's first items fill its column from its top to the window's height, read
 * from the rows drawn; `undefined` when the first ones are not drawn (the column scrolled down)
 * or those drawn do not reach that far.
 */
function itemsFilling(column: HTMLElement | null): number | undefined {
  const rows = column?.querySelectorAll<HTMLElement>('.reorder > li[data-index]');
  if (!column || !rows?.length || rows[0]!.dataset.index !== '0') return undefined;
  const top = column.getBoundingClientRect().top - column.scrollTop;
  for (let index = 0; index < rows.length; index++) {
    if (rows[index]!.getBoundingClientRect().bottom - top >= innerHeight) return index + 1;
  }
  return undefined;
}

/**
 * The desk's keyboard shortcuts, listed as they act: with the keys of one character turned off,
 * without them, saying so and where to turn them on again (the list is reached by its button
 * then, « ? » being one of them); with them on, that they can be turned off.
 */
function ShortcutHelp({ singleKeys, onClose }: { singleKeys: boolean; onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLElement>(null);
  useEffect(() => {
    // Where « ? » was pressed (an item, a draft), or the button that opened the list.
    const before = document.activeElement;
    close.current?.focus();
    return () => {
      // Closed (Escape, « ? », « Fermer »): the keyboard goes back there, not to the page's body
      // with the list's « Fermer » gone; unless it went elsewhere meanwhile (a click).
      const now = document.activeElement;
      if (now && now !== document.body && !list.current?.contains(now)) return;
      const back =
        before instanceof HTMLElement && before !== document.body && before.isConnected
          ? before
          : document.querySelector<HTMLElement>('[aria-controls="desk-help"]');
      back?.focus();
    };
  }, []);
  return (
    <section
      ref={list}
      class="desk__help"
      id="desk-help"
      role="dialog"
      aria-labelledby="desk-help-heading"
      data-testid="shortcut-help"
    >
      <h2 id="desk-help-heading">{t('desk.shortcuts')}</h2>
      {!singleKeys && <SingleKeysLine singleKeys={false} />}
      <dl>
        {DESK_KEYS.filter((key) => singleKeys || !key.single).map(({ keys, what }) => (
          <div key={what}>
            <dt>
              <kbd>{keys()}</kbd>
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
      {singleKeys && <SingleKeysLine singleKeys />}
      <button type="button" class="button button--small" ref={close} onClick={onClose}>
        {t('common.close')}
      </button>
    </section>
  );
}

/** Whether the desk's keys of one character act, and where that is chosen, with a way there. */
function SingleKeysLine({ singleKeys }: { singleKeys: boolean }) {
  return (
    <p class="desk__help-keys" data-testid="single-keys">
      {tParts(singleKeys ? 'desk.singleKeysOn' : 'desk.singleKeysOff', {
        keys: <KeyList keys={SINGLE_KEYS} />,
        settings: (
          <button
            type="button"
            class="button button--small"
            // At « Clavier », the box focused: not the page's top, to look for it.
            onClick={() => void openKeyboardSettings()}
          >
            {t('nav.options')}
          </button>
        ),
      })}
    </p>
  );
}
