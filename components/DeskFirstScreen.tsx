import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../locales';
import {
  keepEarlyFocus,
  openEarly,
  readDeskSnapshot,
  removedEarly,
  removeEarly,
  takeEarlyFocus,
  type DeskSnapshot,
} from './deskSnapshot';
import { Inbox } from './Inbox';
import {
  CheckList,
  focusAfterRemoval,
  focusedItemRemove,
  focusItemRemove,
  focusLost,
  IssueTotals,
  issueOptionText,
} from './IssueParts';
import { localFlag } from '../lib/local-flag';
import { rememberedCharacterKeys } from './shortcuts';

/**
 * Whether the desk's inbox was folded away, as the editor left it (kept in localStorage; without
 * it, the desk opens with its inbox shown).
 */
const inboxFolded = localFlag('indiscrets:desk-inbox-folded', false);
export const readInboxFolded = inboxFolded.read;
export const writeInboxFolded = inboxFolded.write;

/** `.reorder`'s row estimate and gap (ReorderList): the rows not in the snapshot take that room. */
const ROW_ESTIMATE = 104;
const ROW_GAP = 6;

interface Props {
  header: ComponentChildren;
  /** The issue open, once the setting is read: a snapshot of another issue is not shown. */
  currentIssueId: string | null | undefined;
  freshId?: string;
}

/**
 * The desk as it paints before its own code and the database layer are loaded: its frame, the
 * inbox (from its snapshot, see Inbox.tsx) and the open issue's first screen as the last desk
 * showed it (deskSnapshot.ts). The desk itself replaces it once loaded (Desk.tsx). Nothing here
 * writes to the database: the item actions wait for the live desk (greyed to assistive
 * technologies, and to the browser tests' clicks), a draft or item opened now is opened in the
 * editor once the desk is there, and an item taken out with « Retirer » leaves the list at once,
 * the focus going on as on the live desk, and the issue once the desk is there.
 */
export function DeskFirstScreen({ header, currentIssueId, freshId }: Props) {
  const [snapshot] = useState(readDeskSnapshot);
  const [folded, setFolded] = useState(readInboxFolded);
  const [selectedId, setSelectedId] = useState<string>();
  const open = (id: string) => {
    openEarly(id);
    setSelectedId(id);
  };
  // The setting read says another issue (or none) is open: the snapshot is not shown.
  const shown =
    snapshot && (currentIssueId === undefined || currentIssueId === snapshot.issueId)
      ? snapshot
      : undefined;
  return (
    <div class={`desk${folded ? ' desk--folded' : ''}`}>
      <div class="desk__top">
        {header}
        <DeskTools
          folded={folded}
          onFold={(next) => {
            setFolded(next);
            writeInboxFolded(next);
          }}
        />
      </div>
      <main class="desk__columns">
        {!folded && (
          <div class="desk__column desk__inbox" id="desk-inbox">
            <Inbox onOpen={open} freshId={freshId} selectedId={selectedId} />
          </div>
        )}
        {shown ? (
          <SnapshotColumns snapshot={shown} selectedId={selectedId} onOpen={open} />
        ) : (
          <>
            <section
              class="desk__column desk__issue"
              aria-label={t('issue.heading')}
              aria-busy="true"
            />
            <div class="desk__column desk__editor" />
            <div class="desk__column desk__output" />
          </>
        )}
      </main>
    </div>
  );
}

interface ToolsProps {
  folded: boolean;
  onFold: (folded: boolean) => void;
  /** Whether the shortcuts' help is open; absent: not yet available (the first screen). */
  help?: boolean;
  onHelp?: (open: boolean) => void;
  /**
   * Whether the desk's keys of one character act (the options can turn them off): the buttons
   * name « i » and « ? » only then. The first screen goes by what the last desk read.
   */
  singleKeys?: boolean;
}

/** The desk's top-right buttons: fold the inbox away, show the keyboard shortcuts. */
export function DeskTools({
  folded,
  onFold,
  help,
  onHelp,
  singleKeys = rememberedCharacterKeys(),
}: ToolsProps) {
  return (
    <div class="desk__tools">
      <button
        type="button"
        class="button button--small"
        aria-expanded={!folded}
        aria-controls="desk-inbox"
        aria-keyshortcuts={singleKeys ? 'i' : undefined}
        onClick={() => onFold(!folded)}
        data-testid="inbox-toggle"
      >
        {folded ? '▸' : '◂'} {t('desk.inbox')}
      </button>
      <button
        type="button"
        class="button button--small"
        aria-expanded={help ?? false}
        aria-controls="desk-help"
        aria-keyshortcuts={singleKeys ? '?' : undefined}
        aria-disabled={onHelp ? undefined : 'true'}
        onClick={onHelp && (() => onHelp(!help))}
      >
        {t('desk.shortcuts')}
        {singleKeys && (
          <>
            {' '}
            <kbd>?</kbd>
          </>
        )}
      </button>
    </div>
  );
}

interface ColumnsProps {
  snapshot: DeskSnapshot;
  selectedId?: string;
  onOpen: (id: string) => void;
}

/** The issue's three columns from the snapshot: its picker, totals and first items. */
export function SnapshotColumns({ snapshot, selectedId, onOpen }: ColumnsProps) {
  return (
    <>
      <section class="desk__column desk__issue" aria-label={t('issue.heading')} aria-busy="true">
        <div class="issue__picker">
          <label>
            <span class="visually-hidden">{t('issue.pick')}</span>
            <select aria-label={t('issue.pick')} value={snapshot.issueId} aria-disabled="true">
              <option value={snapshot.issueId}>
                {snapshot.pickerName ?? issueOptionText(snapshot)}
              </option>
            </select>
          </label>
          <button
            type="button"
            class="button button--small"
            data-testid="new-issue"
            aria-disabled="true"
          >
            + {t('issue.new')}
          </button>
        </div>
        <details class="issue__fields" onClick={(event) => event.preventDefault()}>
          <summary aria-disabled="true">{t('issue.settings')}</summary>
        </details>
        <SnapshotItems snapshot={snapshot} selectedId={selectedId} onOpen={onOpen} />
      </section>
      <div class="desk__column desk__editor">
        <p class="muted desk__hint">{t('desk.pickItem')}</p>
      </div>
      <section class="desk__column desk__output" aria-label={t('desk.output')}>
        <p class="muted">{t('common.loading')}</p>
      </section>
    </>
  );
}

/**
 * The issue's totals and first rows, as IssueItems draws them, their actions waiting; but for
 * « Retirer », which takes the row out at once and the focus on, as on the live desk, the item
 * taken out of the issue once the desk is there (removeEarly).
 */
export function SnapshotItems({ snapshot, selectedId, onOpen }: ColumnsProps) {
  const [pressed, setPressed] = useState(0);
  const gone = removedEarly(snapshot.issueId);
  const rows = snapshot.rows.filter((row) => !gone.includes(row.id));
  const taken = snapshot.rows.filter((row) => gone.includes(row.id));
  const items = snapshot.items - taken.length;
  const words = snapshot.words - taken.reduce((sum, row) => sum + row.words, 0);
  const chars = snapshot.chars - taken.reduce((sum, row) => sum + row.chars, 0);
  const problems = snapshot.problems - taken.reduce((sum, row) => sum + row.checks.length, 0);
  const { budget } = snapshot;
  // Where the focus goes after a « Retirer » here; and where it was on the first screen this one
  // replaces (the desk's own code drawing the snapshot again), put back there.
  const next = useRef<string>();
  const [restore] = useState(takeEarlyFocus);
  useLayoutEffect(() => {
    if (restore !== undefined && focusLost()) focusItemRemove(restore);
  }, []);
  useLayoutEffect(() => {
    if (next.current !== undefined) focusItemRemove(next.current);
    next.current = undefined;
  }, [pressed]);
  // Replaced by the live desk (or the snapshot drawn again), it leaves where the focus is.
  useLayoutEffect(() => () => keepEarlyFocus(focusedItemRemove()), []);
  const remove = (id: string, index: number) => {
    removeEarly(snapshot.issueId, id);
    const left = rows.filter((row) => row.id !== id).map((row) => row.id);
    next.current = focusAfterRemoval(left, index);
    setPressed((count) => count + 1);
  };
  return (
    <>
      <IssueTotals
        items={items}
        words={words}
        chars={chars}
        budget={budget}
        over={budget !== undefined && chars > budget}
        problems={problems}
      />
      {items === 0 && (
        // As the live desk's empty issue, where the focus goes when the last item is taken out.
        <p class="dropzone" data-testid="issue-empty" tabIndex={-1}>
          {t('issue.empty')}
        </p>
      )}
      <ol
        class="reorder"
        aria-label={t('issue.items')}
        aria-busy="true"
        style={{
          paddingBottom: `${(snapshot.items - snapshot.rows.length) * (ROW_ESTIMATE + ROW_GAP)}px`,
        }}
      >
        {rows.map((row, index) => {
          const selected = row.id === selectedId;
          return (
            <li
              key={row.id}
              class="virtual-row reorder__item"
              data-testid="issue-item"
              data-item-id={row.id}
              data-index={index}
              aria-setsize={items}
              aria-posinset={index + 1}
              aria-label={t('reorder.itemLabel', {
                title: row.label,
                position: index + 1,
                total: items,
              })}
            >
              <div class="reorder__handle" aria-hidden="true">
                ⋮⋮
              </div>
              <div class="reorder__body">
                <div class={`issue-item${selected ? ' issue-item--selected' : ''}`}>
                  <button
                    type="button"
                    class="linklike issue-item__title"
                    onClick={() => onOpen(row.id)}
                    aria-current={selected || undefined}
                    tabIndex={-1}
                  >
                    {row.label}
                  </button>
                  {row.text && <p class="issue-item__text">{row.text}</p>}
                  <CheckList checks={row.checks} />
                  <div class="issue-item__actions">
                    <button
                      type="button"
                      class="button button--small issue-item__remove"
                      aria-label={t('issue.removeNamed', { title: row.label })}
                      onClick={() => remove(row.id, index)}
                    >
                      {t('issue.remove')}
                    </button>
                    {snapshot.otherIssues && (
                      <select
                        aria-label={t('issue.moveToNamed', { title: row.label })}
                        aria-disabled="true"
                        value=""
                      >
                        <option value="">{t('issue.moveTo')}</option>
                      </select>
                    )}
                    <span class="muted issue-item__counts">
                      {t('counts.item', { words: row.words, chars: row.chars })}
                    </span>
                  </div>
                </div>
              </div>
              <div class="reorder__buttons">
                <button
                  type="button"
                  class="button button--small"
                  aria-label={t('reorder.up', { title: row.label })}
                  disabled={index === 0}
                  aria-disabled="true"
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="button button--small"
                  aria-label={t('reorder.down', { title: row.label })}
                  disabled={index === items - 1}
                  aria-disabled="true"
                >
                  ↓
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
