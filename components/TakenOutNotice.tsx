import { useState } from 'preact/hooks';
import { issueTitleShortened } from '../export/house-style';
import { t, type MessageKey } from '../locales';
import { sendMessage } from '../messaging/protocol';
import { DEFAULT_HOUSE_STYLE } from '../storage/house-style';
import { ISSUE_TEXT_LIMITS } from '../storage/record-values';
import { currentIssueId as currentIssueItem, issueFellBack } from '../storage/settings';
import type { SyncIssueDeleted, SyncTakenOut, SyncTakenOutTo } from '../storage/sync-state';
import { draftName as named } from './draftName';
import { useHouseStyle } from './useSettings';
import { useSharedDesk } from './useSharedDesk';
import { useStorageItem } from './useStorageItem';

interface Props {
  /**
   * The notices of this issue's items colleagues took out (`SyncState.takenOut` of this issue,
   * less those the list shows again), oldest first.
   */
  notices: readonly SyncTakenOut[];
  /** An issue's name as the picker says it (undefined: not on this desk). */
  issueName: (id: string) => string | undefined;
  /**
   * A draft's title as this browser has it now (undefined: not here), for the draft an item
   * was merged into: named as soon as a sync brings it, and as it is called now.
   */
  draftName?: (id: string) => string | undefined;
  /** Opens a draft in the editor, wherever it is now (the inbox, another issue, the trash). */
  onOpen: (id: string) => void;
}

const SENTENCES: Record<SyncTakenOutTo, [named: MessageKey, anonymous: MessageKey]> = {
  inbox: ['shared.takenOut.inbox', 'shared.takenOut.inboxAnon'],
  issue: ['shared.takenOut.issue', 'shared.takenOut.issueAnon'],
  trash: ['shared.takenOut.trash', 'shared.takenOut.trashAnon'],
  merged: ['shared.takenOut.merged', 'shared.takenOut.mergedAnon'],
  deleted: ['shared.takenOut.deleted', 'shared.takenOut.deletedAnon'],
};

const LINES: Record<SyncTakenOutTo, MessageKey> = {
  inbox: 'shared.takenOut.line.inbox',
  issue: 'shared.takenOut.line.issue',
  trash: 'shared.takenOut.line.trash',
  merged: 'shared.takenOut.line.merged',
  deleted: 'shared.takenOut.line.deleted',
};

/** How the notice names the issues and drafts besides its items, as this browser has them now. */
interface Names {
  issueName: Props['issueName'];
  draftName?: Props['draftName'];
}

/**
 * What the sentences name besides the item: the issue it went to, the draft it went into, in
 * quotation marks when known (« Les indiscrets du 22 mars »), else in words, unquoted (« un autre
 * numéro »): the messages leave the quoting to this. Both are looked up by id as the notice is
 * drawn, so that one this browser did not have when the sync kept the notice is named once a
 * later sync brings it; the name the sync kept stands for one no longer here.
 */
function where(notice: SyncTakenOut, { issueName, draftName }: Names) {
  const quoted = (title: string) => t('shared.takenOut.quoted', { title });
  const toName = (notice.toIssueId && issueName(notice.toIssueId)) || notice.toIssue;
  const to = toName ? quoted(toName) : t('shared.takenOut.otherIssue');
  const intoName = (notice.mergedInto && draftName?.(notice.mergedInto)) || notice.mergedIntoTitle;
  const into = intoName ? quoted(intoName) : t('shared.takenOut.otherDraft');
  // An item with no name is named (« Brouillon sans titre »), as the issue list names it.
  return { title: named(notice.title), to, into };
}

/**
 * « Paul Martin a retiré « Bpifrance recrute… » du numéro. », « … a déplacé « … » vers « Les
 * indiscrets du 22 mars ». », « … mis à la corbeille », « … fusionné dans « … » »: one item a
 * colleague took out of the issue, by who did it (impersonal when the desk did not say).
 */
export function takenOutSentence(notice: SyncTakenOut, names: Names): string {
  const [named, anonymous] = SENTENCES[notice.to];
  const params = where(notice, names);
  return notice.by ? t(named, { ...params, name: notice.by }) : t(anonymous, params);
}

/** One line of a grouped notice: the item and where it is now (who did it, when not one name). */
function takenOutLine(notice: SyncTakenOut, names: Names, byEach: boolean) {
  const line = t(LINES[notice.to], where(notice, names));
  return byEach && notice.by ? t('shared.takenOut.lineBy', { line, name: notice.by }) : line;
}

/** The draft « Ouvrir » opens: the item where it is now, or the draft it was merged into. */
function openable(
  notice: SyncTakenOut,
  draftName: Props['draftName'],
): { id: string; title: string } | undefined {
  if (notice.to === 'deleted') return undefined;
  if (notice.to === 'merged') {
    if (!notice.mergedInto) return undefined;
    const title = draftName?.(notice.mergedInto) || notice.mergedIntoTitle || notice.title;
    return { id: notice.mergedInto, title: named(title) };
  }
  return { id: notice.recordId, title: named(notice.title) };
}

/**
 * In the issue's column, above its items: the items colleagues took out of it since this editor
 * last looked (services/sync/notices.ts, `noteTakenOut`), so that one who was about to reorder or
 * proofread an item that vanished knows who did it and where it went. One item: its sentence;
 * several (a colleague took out five): one notice, a line each. Each item can be opened where
 * it is now (« Ouvrir »); « Fermer » closes the notice, for every view of this browser. Said as a
 * status: nothing to decide, nothing was lost.
 */
export function TakenOutNotice({ notices, issueName, draftName, onOpen }: Props) {
  const [closing, setClosing] = useState(false);
  if (notices.length === 0) return null;
  const close = () => {
    setClosing(true);
    sendMessage('syncDismissTakenOut', { keys: notices.map((notice) => notice.key) }).catch(() =>
      setClosing(false),
    );
  };
  const names = new Set(notices.map((notice) => notice.by ?? ''));
  const oneName = names.size === 1 ? [...names][0] : undefined;
  const open = (notice: SyncTakenOut, named: boolean) => {
    const target = openable(notice, draftName);
    if (!target) return null;
    return (
      <button
        type="button"
        class="button button--small"
        aria-label={named ? t('shared.takenOut.openNamed', { title: target.title }) : undefined}
        onClick={() => onOpen(target.id)}
      >
        {t('shared.takenOut.open')}
      </button>
    );
  };
  const single = notices.length === 1 ? notices[0]! : undefined;
  return (
    <div
      class="notice notice--info taken-out"
      role="status"
      data-testid="taken-out"
      hidden={closing}
    >
      {single ? (
        <p>
          {takenOutSentence(single, { issueName, draftName })} {open(single, false)}
        </p>
      ) : (
        <>
          <p>
            {oneName
              ? t('shared.takenOut.many', { name: oneName, count: notices.length })
              : t('shared.takenOut.manyAnon', { count: notices.length })}
          </p>
          <ul class="taken-out__items">
            {notices.map((notice) => (
              <li key={notice.key}>
                {takenOutLine(notice, { issueName, draftName }, oneName === undefined)}{' '}
                {open(notice, true)}
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="notice__actions">
        <button type="button" class="button button--small" onClick={close}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}

/**
 * Whether the issue column had issue `issueId` chosen when it went: it still names it (the
 * column then shows none chosen, or the new issue's form when none is left), or the app took the
 * only issue left in its place (components/useOnlyIssue.ts, `issueFellBack`) and the column
 * shows that one still. The chosen issue is this browser's, for its every view (popup and desk),
 * kept over a reload: so is the answer. One the editor chose since is another issue's column.
 */
function hadOpen(
  notice: SyncIssueDeleted,
  chosen: string | null | undefined,
  fellBack: { from: string[]; to: string } | null | undefined,
): boolean {
  if (!chosen) return false;
  return (
    notice.issueId === chosen || (fellBack?.to === chosen && fellBack.from.includes(notice.issueId))
  );
}

/**
 * At the head of the issue column that had the issue open when it went, whichever issue it
 * shows now (none chosen, or the one left, which the app switches to when only one is): the
 * issues colleagues deleted (services/sync/notices.ts, `issueDeletion`) — « Paul Martin a supprimé
 * le numéro « Les indiscrets du 22 mars ». Ses 3 indiscrets sont remis dans les brouillons. » —
 * where that column fell back without a word, its items in the inbox. Not in a column that showed
 * another issue then, nor once the editor chose another issue: there it is someone else's news (see
 * {@link hadOpen}). « Fermer » closes them for every view. Said as a status, as the items' notice
 * is.
 */
export function IssueDeletedNotice() {
  const desk = useSharedDesk();
  const style = useHouseStyle() ?? DEFAULT_HOUSE_STYLE;
  const chosen = useStorageItem(currentIssueItem);
  const fellBack = useStorageItem(issueFellBack);
  const [closing, setClosing] = useState(false);
  const notices: readonly SyncIssueDeleted[] = (desk.state?.issuesDeleted ?? []).filter((notice) =>
    hadOpen(notice, chosen, fellBack),
  );
  if (notices.length === 0) return null;
  const close = () => {
    setClosing(true);
    sendMessage('syncDismissTakenOut', { keys: notices.map((notice) => notice.key) }).catch(() =>
      setClosing(false),
    );
  };
  return (
    <div
      class="notice notice--info taken-out"
      role="status"
      data-testid="issue-deleted"
      hidden={closing}
    >
      {notices.map((notice) => {
        const title = issueTitleShortened(notice, style, ISSUE_TEXT_LIMITS.title);
        return (
          <p key={notice.key}>
            {notice.by
              ? t('shared.takenOut.issueDeleted', { name: notice.by, title })
              : t('shared.takenOut.issueDeletedAnon', { title })}
            {notice.items > 0 &&
              ` ${t('shared.takenOut.issueDeletedItems', { count: notice.items })}`}
          </p>
        );
      })}
      <div class="notice__actions">
        <button type="button" class="button button--small" onClick={close}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
