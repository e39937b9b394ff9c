import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../locales';
import { db, type Check, type Draft, type Issue } from '../storage/db';
import type { UndoToken } from '../storage/drafts';
import type { SyncTakenOut } from '../storage/sync-state';
import { getDraft } from '../storage/draft-records';
import { addToIssue, issueItems, moveItem } from '../storage/issues';
import { moveItems, removeItems } from '../storage/remove-undo';
import { DeskMarks } from './DeskMarks';
import { takeEarlyFocus, takeEarlyRemovals } from './deskSnapshot';
import {
  CheckList,
  focusAfterRemoval,
  focusItemRemove,
  focusLost,
  IssueTotals,
} from './IssueParts';
import { useIssueNames } from './useIssueNames';
import { useItemLabel } from './useItemLabel';
import { useDragEndClears } from './useDragEndClears';
import { DRAFT_MIME } from './Inbox';
import { ReorderList, type DropPlace, type Placed } from './ReorderList';
import { itemText } from './richtext';
import type { Counts, IssueWorkspace } from './useIssueWorkspace';
import { deskRefusal } from './roles';
import { useRefused, type Refused } from './RoleReason';
import { useSharedDesk } from './useSharedDesk';
import { IssueDeletedNotice, TakenOutNotice } from './TakenOutNotice';
import { useLiveQuery } from './useLiveQuery';
import { useUndo } from './Undo';
import { useAnnounce } from './Announcer';
import { focusGoesBack, takeReturn, watchReturns } from './itemReturn';

/** Logs an action on the issue that failed (the list, read live, shows what is stored). */
const fail = (what: string) => (error: unknown) => console.error(`Indiscrets ${what}`, error);

interface Props {
  workspace: IssueWorkspace;
  /** The other issues, to move an item to one of them. */
  otherIssues: Issue[];
  onOpenDraft: (id: string) => void;
  /** The draft open in the desk's editor, marked in the list. */
  selectedId?: string;
}

/** The issue's totals against its budget, then its items in order (reordered by mouse or keys). */
export function IssueItems({ workspace, otherIssues, onOpenDraft, selectedId }: Props) {
  const { issue, items, checks, counts, total, budget, over, problems } = workspace;
  const desk = useSharedDesk();
  // « Déplacer vers… » names the issues as the picker does: « (2) » beside a namesake, who sent
  // a sent one.
  const names = useIssueNames([issue, ...otherIssues]);
  // Each item named as the exports will write its label (typeset in the house style).
  const nameOf = useItemLabel();
  const targets = otherIssues.map((other) => ({ id: other.id, name: names.get(other.id)! }));
  // The shared desk: a role that may not order the issue sees why, not a failure; nor take an
  // item out of it (« Retirer », « Déplacer vers… »), said as what was tried.
  const cannotArrange = deskRefusal(desk, 'arrange');
  const cannotPlace = deskRefusal(desk, 'place');
  // Items colleagues took out of this issue, said until closed. One brought back loses its
  // notice with the write that puts it back (storage/outbox.ts, by any view or none; a pull:
  // the sync); the list and the sync state are read by two queries, though, which answer that
  // write one after the other: an item the list shows is not said taken out meanwhile.
  const listed = (notice: SyncTakenOut) => !!items?.some((item) => item.id === notice.recordId);
  const takenOut = (desk.state?.takenOut ?? []).filter(
    (notice) => notice.issueId === issue.id && !listed(notice),
  );
  // The drafts they were merged into, as this browser has them now: one a sync brings later is
  // named then, not left « un autre brouillon ».
  const intoIds = [
    ...new Set(takenOut.flatMap((notice) => (notice.mergedInto ? [notice.mergedInto] : []))),
  ];
  const intoTitles = useLiveQuery(async () => {
    const drafts = await Promise.all(intoIds.map((id) => getDraft(id)));
    return new Map(intoIds.map((id, i) => [id, drafts[i]?.title]));
  }, [intoIds.join(' ')]);
  // The notice waits for those titles: a status is read out as it changes, and one drawn before
  // them would say « un autre brouillon », then the draft's name a moment later.
  const intoRead = intoIds.every((id) => intoTitles?.has(id));
  // The items taken out with « Retirer », and where the last one was: its button goes with it,
  // and the focus to the next item's (else the previous one's, else the empty issue's message)
  // once the list has them no more, rather than to the page's body; or back on the button the
  // editor was on, when they pressed it on the desk's first screen.
  const removed = useRef<{ ids: string[]; index: number; focus?: string } | null>(null);
  const { offer, tell } = useUndo();
  /**
   * Takes `ids` (in the list's order) out of the issue in one write, and offers to undo it in
   * the undo bar, naming the item as the list does (several: how many): « Annuler » puts them
   * back in their places (storage/remove-undo.ts).
   */
  const remove = (ids: readonly string[]) => {
    const named = items?.find((item) => item.id === ids[0]);
    const title = named ? nameOf(named) : '';
    removeItems(ids).then(
      (token) =>
        token &&
        offer(
          token,
          ids.length > 1
            ? t('undo.removedMany', { count: ids.length })
            : t('undo.removed', { title }),
        ),
      fail('remove from issue'),
    );
  };
  /**
   * Moves an item to the end of another issue, and offers to undo it as « Retirer » does:
   * « Annuler » puts it back in its place in this issue. Said in the bar either way: the item
   * leaves this list for an issue the editor is not looking at.
   */
  const moveTo = (id: string, target: MoveTarget) => {
    const named = items?.find((item) => item.id === id);
    const words = { title: named ? nameOf(named) : '', issue: target.name };
    // Not moved (failed, or nothing to move): the item stays, and the keyboard is not taken
    // from where the editor goes next when it leaves the list later (a colleague's sync).
    const stays = () => {
      if (removed.current?.ids.includes(id)) removed.current = null;
    };
    moveItems([id], target.id).then(
      (token) => (token ? offer(token, t('undo.moved', words)) : stays()),
      (error: unknown) => {
        stays();
        fail('move to issue')(error);
        tell(t('issue.moveFailed', words));
      },
    );
  };
  /**
   * Puts a draft dropped on the list where the editor saw it land: next to the item it was
   * dropped on, looked for in the issue as stored when the move is written (read and written in
   * one transaction); by `toIndex`, the place counted in the list as drawn, only if that item is
   * gone. The list drawn can be behind the stored one: a draft dropped a moment before is added
   * and placed, or an item moved, before the list is drawn again, and the index counted a place
   * that had changed: the drop landed one place off (a place high with a draft added above it,
   * low with an item moved from above it to below). `add`: a draft from outside the issue,
   * appended and moved in the same write (the list never drawn with it last in between); one of
   * another issue is taken out of it as « Déplacer vers… » takes it (`taken`: the undo that puts
   * it back there, `from`: that issue). The keys and buttons give the neighbour the item goes
   * past, placed by alike (a colleague's item stored above and not drawn yet counts in the
   * index, not in that). Resolves with the place it took, read in the same transaction (what
   * the list announces).
   */
  const place = (
    draftId: string,
    toIndex: number,
    at: DropPlace | undefined,
    add: boolean,
  ): Promise<Placed & { item: Draft; taken?: UndoToken; from?: Issue }> =>
    db.transaction('rw', db.clips, db.issues, async () => {
      let taken: UndoToken | undefined;
      let from: Issue | undefined;
      if (add) {
        const elsewhere = (await db.clips.get(draftId))?.issueId;
        if (elsewhere && elsewhere !== issue.id) {
          from = await db.issues.get(elsewhere);
          taken = await moveItems([draftId], issue.id);
        } else await addToIssue(draftId, issue.id);
      }
      let target = toIndex;
      if (at) {
        // Counted as moveItem counts: the issue's items without the one moved.
        const stored = await issueItems(issue.id);
        const others = stored.filter((other) => other.id !== draftId);
        const near = others.findIndex((other) => other.id === at.id);
        if (near >= 0) target = near + (at.after ? 1 : 0);
        // A key or button: one place that way at least, the neighbour moved past the item by a
        // colleague meanwhile (Alt+↑ had put it below that neighbour, down).
        const now = stored.findIndex((other) => other.id === draftId);
        if (at.step === -1) target = Math.min(target, now - 1);
        if (at.step === 1) target = Math.max(target, now + 1);
      }
      await moveItem(issue.id, draftId, target);
      const stored = await issueItems(issue.id);
      const index = stored.findIndex((other) => other.id === draftId);
      return { index, total: stored.length, item: stored[index]!, taken, from };
    });
  const announce = useAnnounce();
  /**
   * Puts a draft dragged in from the inbox where it was dropped (see place; on the empty issue,
   * `toIndex` past the end: last, where it is added), and says so with the place it took, as
   * « + Au numéro » says its add: a screen reader heard nothing of the mouse's drop. A draft of
   * another issue (the inbox searched among every draft) is said taken from it, in the undo bar
   * that offers to put it back there: it left that issue unsaid, with no way back.
   */
  const addDropped = (draftId: string, toIndex: number, at?: DropPlace) => {
    dropped.current = { id: draftId, from: document.activeElement };
    return place(draftId, toIndex, at, true).then(({ index, total, item, taken, from }) => {
      const words = { title: nameOf(item), position: index + 1, total };
      if (!taken) return announce(t('reorder.added', words));
      const issueName = (from && (names.get(from.id) ?? from.title)) || '';
      offer(taken, t('reorder.addedFrom', { ...words, issue: issueName }));
    }, fail('add to issue'));
  };
  /**
   * A draft dropped from the inbox, and what had the keyboard then (the inbox's row the pointer
   * was pressed on): once the item is drawn, the keyboard goes to its row, as it stays on an
   * item dragged within the issue, where it went to the page's body with the row leaving the
   * inbox (↓ then did nothing). Left where the editor took it since.
   */
  const dropped = useRef<{ id: string; from: Element | null } | null>(null);
  useEffect(() => {
    const drop = dropped.current;
    if (!drop || !items?.some((item) => item.id === drop.id)) return;
    dropped.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && active !== drop.from) return;
    [...document.querySelectorAll<HTMLElement>('li[data-item-id]')]
      .find((row) => row.dataset.itemId === drop.id)
      ?.focus();
  }, [items]);
  // Items put back by « Annuler » or Ctrl+Z in this view: the keyboard goes back to the first
  // one's row, once drawn ({@link focusGoesBack}: not taken from where the editor went since).
  const itemsNow = useRef(items);
  itemsNow.current = items;
  useEffect(() => {
    const focusBack = () => {
      const shown = itemsNow.current?.map((item) => item.id) ?? [];
      const back = takeReturn(issue.id, shown);
      if (back !== undefined && focusGoesBack(back)) focusItemRemove(back.id);
    };
    focusBack();
    return watchReturns(focusBack);
  }, [items, issue.id]);
  useEffect(() => {
    const gone = removed.current;
    if (!gone || !items || items.some((item) => gone.ids.includes(item.id))) return;
    removed.current = null;
    const left = items.map((item) => item.id);
    focusItemRemove(
      gone.focus !== undefined && left.includes(gone.focus)
        ? gone.focus
        : focusAfterRemoval(left, gone.index),
    );
  }, [items]);
  // « Retirer » pressed on the desk's first screen, before this list was drawn: the items are
  // taken out now, and the focus put back where the first screen had it.
  const first = useRef(true);
  useEffect(() => {
    if (!items || !first.current) return;
    first.current = false;
    const focus = takeEarlyFocus();
    const early = takeEarlyRemovals(issue.id);
    const ids = cannotPlace ? [] : early.filter((id) => items.some((item) => item.id === id));
    if (ids.length === 0) {
      if (focus !== undefined && focusLost()) focusItemRemove(focus);
      return;
    }
    const last = ids[ids.length - 1]!;
    const index = items
      .filter((item) => item.id === last || !ids.includes(item.id))
      .findIndex((item) => item.id === last);
    removed.current = { ids, index, focus };
    // One undo brings them all back, in their places.
    remove(items.filter((item) => ids.includes(item.id)).map((item) => item.id));
  }, [items]);
  // The items are drawn as soon as they are read; their checks (a wider query) fill in after.
  if (!items) return <p class="muted">{t('common.loading')}</p>;
  return (
    <>
      <IssueTotals
        items={items.length}
        words={total.words}
        chars={total.chars}
        budget={budget}
        over={over}
        problems={problems}
      />

      <DeskMarks mark={issue.desk} kind="issue" />
      <IssueDeletedNotice
        // Drawn afresh (open again) when another issue is deleted after one was closed.
        key={(desk.state?.issuesDeleted ?? []).map((notice) => notice.at).join(' ')}
      />
      <TakenOutNotice
        // Drawn afresh (open again) when other items are taken out after one was closed.
        key={takenOut.map((notice) => `${notice.key}@${notice.at}`).join(' ')}
        notices={intoRead ? takenOut : []}
        issueName={(id) => names.get(id)}
        draftName={(id) => intoTitles?.get(id)}
        onOpen={onOpenDraft}
      />
      {cannotArrange && (
        <p class="notice role-notice" data-testid="role-notice">
          {cannotArrange}
        </p>
      )}
      {items.length === 0 && cannotArrange ? (
        // Nothing to drop here for a role that may not arrange the issue: the empty issue says
        // only that it is empty, the notice above says why they cannot fill it.
        <p class="muted" data-testid="issue-empty" tabIndex={-1}>
          {t('issue.emptyRefused')}
        </p>
      ) : items.length === 0 ? (
        <DropZone onDrop={(draftId) => void addDropped(draftId, Number.MAX_SAFE_INTEGER)} />
      ) : (
        <ReorderList
          locked={!!cannotArrange}
          lockedReason={cannotArrange}
          resetKey={issue.id}
          revealId={selectedId}
          items={items}
          getId={(item) => item.id}
          getLabel={nameOf}
          label={t('issue.items')}
          onMove={(id, toIndex, at) =>
            // By the item dropped on, or the one the keys and buttons move past (see place).
            place(id, toIndex, at, false).catch((error: unknown) => {
              console.error('Indiscrets move', error);
              // The list then takes the item for where it is drawn (ReorderList).
              throw error;
            })
          }
          onActivate={onOpenDraft}
          // A role that may not arrange the issue cannot drop drafts into it either.
          foreignTypes={cannotArrange ? [] : [DRAFT_MIME]}
          // A draft already in the issue (the inbox searched shows it) is moved as its item.
          foreignId={(event) => event.dataTransfer?.getData(DRAFT_MIME) || undefined}
          onForeignDrop={(event, toIndex, at) => {
            const draftId = event.dataTransfer?.getData(DRAFT_MIME);
            if (!draftId) return false;
            // A draft from the inbox goes where it was dropped, not at the end.
            void addDropped(draftId, toIndex, at);
            return true;
          }}
        >
          {(item, index) => (
            <IssueItem
              item={item}
              label={nameOf(item)}
              counts={counts[index]!}
              checks={checks?.[item.id] ?? []}
              issues={targets}
              onOpen={() => onOpenDraft(item.id)}
              onRemove={() => {
                removed.current = { ids: [item.id], index };
                remove([item.id]);
              }}
              onMove={(target) => {
                // The keyboard goes on to the next item, as after « Retirer ».
                removed.current = { ids: [item.id], index };
                moveTo(item.id, target);
              }}
              selected={item.id === selectedId}
              placeRefused={cannotPlace}
            />
          )}
        </ReorderList>
      )}
    </>
  );
}

/** The empty issue, where a draft from the inbox is dropped (`onDrop`, with its id). */
function DropZone({ onDrop }: { onDrop: (draftId: string) => void }) {
  const [over, setOver] = useState(false);
  // A draft's drag given up (Escape) or dropped elsewhere: the empty issue no longer outlined.
  useDragEndClears(over, () => setOver(false));
  return (
    <p
      class={`dropzone${over ? ' dropzone--over' : ''}`}
      data-testid="issue-empty"
      // Where the focus goes when the last item is taken out.
      tabIndex={-1}
      onDragOver={(e) => {
        if (e.dataTransfer?.types.includes(DRAFT_MIME)) {
          e.preventDefault();
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const id = e.dataTransfer?.getData(DRAFT_MIME);
        if (id) {
          e.preventDefault();
          onDrop(id);
        }
      }}
    >
      {t('issue.empty')}
    </p>
  );
}

interface ItemProps {
  item: Draft;
  /**
   * The item's own name (the editor's label, else its first words), not the source page's
   * title, as the exports write it (see useItemLabel).
   */
  label: string;
  counts: Counts;
  checks: Check[];
  issues: readonly MoveTarget[];
  onOpen: () => void;
  /** « Retirer » was pressed: the item is to be taken out of the issue (undoably). */
  onRemove: () => void;
  onMove: (target: MoveTarget) => void;
  selected?: boolean;
  /** Why the user's role may not take the item out of the issue (shared desk), if it may not. */
  placeRefused?: string;
}

function IssueItem({
  item,
  label,
  counts,
  checks,
  issues,
  onOpen,
  onRemove,
  onMove,
  selected,
  placeRefused,
}: ItemProps) {
  // « Retirer » and « Déplacer vers… » greyed with the reason, read with them.
  const place = useRefused(placeRefused);
  const text = itemText(item.body);
  return (
    <div class={`issue-item${selected ? ' issue-item--selected' : ''}`}>
      <button
        type="button"
        class="linklike issue-item__title"
        onClick={onOpen}
        aria-current={selected || undefined}
        tabIndex={-1}
      >
        {label}
      </button>
      {text && <p class="issue-item__text">{text}</p>}
      <DeskMarks mark={item.desk} kind="draft" />
      <CheckList checks={checks} />
      <div class="issue-item__actions">
        <button
          type="button"
          class="button button--small issue-item__remove"
          aria-label={t('issue.removeNamed', { title: label })}
          {...place.control}
          onClick={onRemove}
        >
          {t('issue.remove')}
        </button>
        {issues.length > 0 && (
          <MoveToMenu title={label} issues={issues} refused={place.control} onMove={onMove} />
        )}
        {place.reason}
        <span class="muted issue-item__counts">{t('counts.item', counts)}</span>
      </div>
    </div>
  );
}

/** An issue an item can be moved to, named as the picker names it. */
interface MoveTarget {
  id: string;
  name: string;
}

interface MoveToMenuProps {
  /** The item's name, as the list shows it. */
  title: string;
  issues: readonly MoveTarget[];
  /** Greyed with the reason when the role may not move the item out (see useRefused). */
  refused: Refused['control'];
  onMove: (target: MoveTarget) => void;
}

/**
 * « Déplacer vers… »: the other issues to choose from, then « Déplacer » to move the item. The
 * choice alone moves nothing: on Windows and Linux, ↓ on a closed list chooses its next entry
 * (and ↓ is the desk's key for the next item), so a list that acted on its change moved an item
 * out of the issue at a keystroke. The button shows once an issue is chosen, named with it.
 *
 * Every drawn item has one, and a newsroom has hundreds of issues: the options are put in only
 * when the editor reaches for the list (pointer down, focus by Tab), which is before the browser
 * opens it or reads its keys, so that opening a long issue does not lay out issues × items
 * options nobody looks at.
 */
function MoveToMenu({ title, issues, refused, onMove }: MoveToMenuProps) {
  const [filled, setFilled] = useState(false);
  const [chosen, setChosen] = useState('');
  const fill = () => {
    if (!filled) setFilled(true);
  };
  // An issue deleted (or sent away by the desk) while chosen: the choice goes with it.
  const target = issues.find((other) => other.id === chosen);
  return (
    <>
      <select
        aria-label={t('issue.moveToNamed', { title })}
        {...refused}
        value={target ? chosen : ''}
        onFocus={fill}
        onMouseDown={fill}
        onPointerDown={fill}
        onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}
      >
        <option value="">{t('issue.moveTo')}</option>
        {filled &&
          issues.map((other) => (
            <option value={other.id} key={other.id}>
              {other.name}
            </option>
          ))}
      </select>
      {target && (
        <button
          type="button"
          class="button button--small issue-item__move"
          aria-label={t('issue.moveNamed', { title, issue: target.name })}
          {...refused}
          onClick={() => onMove(target)}
        >
          {t('issue.move')}
        </button>
      )}
    </>
  );
}
