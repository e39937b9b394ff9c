import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { getLocale, t, type MessageKey } from '../locales';
import { fieldToFix, openWordPressSettings } from './openSettings';
import { sendMessage } from '../messaging/protocol';
import { db, type Draft } from '../storage/db';
import { keepsBoth, sharedName } from '../storage/shared-fields';
import {
  withMovePlace,
  type ConflictChoice,
  type SyncConflict,
  type SyncIssueBack,
  type SyncKeptDraft,
  type SyncOverridden,
  type SyncRefusal,
  type SyncState,
  type SyncTextMerge,
  type Unwritten,
} from '../storage/sync-state';
import { useAnnounce } from './Announcer';
import { ConflictChooser } from './ConflictChooser';
import {
  allChosen,
  askedFields,
  conflictFieldLabel,
  fieldList,
  showConflictValue,
  type ShownContext,
} from './conflictFields';
import { publishedWhen } from './publishedLine';
import { deskIdentity, refusalSentence } from './roleSentences';
import {
  overriddenWriting,
  refusedAlso,
  refusedWriting,
  type RefusedWriting,
} from './refusedWriting';
import { copyRichText } from './clipboard';
import { useUndo } from './Undo';
import { useHouseStyle } from './useSettings';
import { DEFAULT_HOUSE_STYLE } from '../storage/house-style';
import { ISSUE_TEXT_LIMITS } from '../storage/record-values';
import { issueTitleShortened } from '../export/house-style';
import { useLiveQuery } from './useLiveQuery';
import { draftName, recordName } from './draftName';
import { useSharedDesk } from './useSharedDesk';
import { ConflictsList } from './ConflictsList';
import { focusLost, whenDrawn } from './whenDrawn';

/**
 * Follows `navigator.onLine`: read at every render (the bar re-renders whenever the sync's state
 * moves), and the `online`/`offline` events render it again as soon as the network changes.
 */
function useOnline(): boolean {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((n) => n + 1);
    globalThis.addEventListener('online', update);
    globalThis.addEventListener('offline', update);
    return () => {
      globalThis.removeEventListener('online', update);
      globalThis.removeEventListener('offline', update);
    };
  }, []);
  return globalThis.navigator?.onLine !== false;
}

/**
 * When the desk last synced, as the publish line writes a time: « Synchronisé à 10 h 42 » today,
 * « Synchronisé le 3 mars à 10 h 42 » another day (« Synced at 10:42 », « Synced on 3 March at
 * 10:42 »).
 */
function syncedWhen(iso: string, last: 'after' | 'first' | false = false): string {
  const date = new Date(iso);
  const { date: day, time } = publishedWhen(date, getLocale());
  const today = date.toDateString() === new Date().toDateString();
  // After the failure (« … · dernière synchronisation à 10 h 42 »), or first when the failure is
  // said elsewhere (« Dernière synchronisation à 10 h 42 »).
  if (last === 'first') {
    return today
      ? t('shared.status.lastSyncedFirst', { time })
      : t('shared.status.lastSyncedOnFirst', { date: day, time });
  }
  if (today) return t(last ? 'shared.status.lastSynced' : 'shared.status.synced', { time });
  return t(last ? 'shared.status.lastSyncedOn' : 'shared.status.syncedOn', { date: day, time });
}

/** The failures of a run whose fix is in the settings: the bar offers to open them. */
const FIXED_IN_SETTINGS = new Set([
  'wrong_credentials',
  'credentials_unseen',
  'no_settings',
  'account_changed',
  'site_moved',
]);

const ERROR_KEYS: Record<string, MessageKey> = {
  offline: 'shared.error.offline',
  unreachable: 'shared.error.unreachable',
  timeout: 'shared.error.timeout',
  wrong_credentials: 'shared.error.wrongCredentials',
  credentials_unseen: 'shared.error.credentialsUnseen',
  auth_header_dropped: 'shared.error.authHeaderDropped',
  no_plugin: 'shared.error.noPlugin',
  forbidden: 'shared.error.forbidden',
  blocked: 'shared.error.blocked',
  rest_route_blocked: 'shared.error.restRouteBlocked',
  server_error: 'shared.error.serverError',
  no_settings: 'shared.error.noSettings',
  account_changed: 'shared.error.accountChanged',
  // Without the address it answers at (not given, or an error recorded before it was kept):
  // the settings' test names it. With it, see failureText.
  site_moved: 'shared.error.siteMoved',
  write_redirected: 'shared.error.writeRedirected',
};

/**
 * Why the last run stopped, in the line's words: a site that moved names the address it answers
 * at now, as the options' check does (« … répond désormais à l’adresse https://www… »), rather
 * than sending the editor to the settings' test to learn it.
 */
function failureText(state: SyncState, error: NonNullable<SyncState['lastError']>): string {
  if (error.code === 'site_moved' && error.address) {
    return t('shared.error.siteMovedTo', { address: error.address });
  }
  // Refused by an account with no role there (no member of a network's sub-site, or removed
  // from it since): said so, as the options page does, not a bare 403.
  if (error.code === 'forbidden' && state.user?.roles.length === 0) {
    return t('shared.error.forbiddenNoRole');
  }
  return t(ERROR_KEYS[error.code] ?? 'shared.error.other');
}

/**
 * How the sync stands, as the desk's dot shows it: `offline`, `failed` (the last run failed, the
 * line says why), else `ok` (in step, or running).
 */
export function syncHealth(state: SyncState, online: boolean): 'ok' | 'failed' | 'offline' {
  if (!online) return 'offline';
  const failed =
    state.phase === 'idle' && !!state.lastError && state.lastError.code !== 'cancelled';
  return failed ? 'failed' : 'ok';
}

/**
 * The sync's state in one line: running, last sync, what waits, or why it stopped. `failureSaid`:
 * why it stopped is said elsewhere on the page (the options' check of the site, just above): the
 * line then says when it last went through, not the failure again in other words.
 */
export function syncLine(
  state: SyncState,
  pending: number,
  online: boolean,
  failureSaid = false,
): string {
  const parts: string[] = [];
  if (!online) parts.push(t('shared.status.offline'));
  else if (state.phase === 'first-sync' && state.progress) {
    parts.push(
      t(`shared.progress.${state.progress.step}`, {
        done: state.progress.done,
        total: state.progress.total,
      }),
    );
  } else if (state.phase !== 'idle') parts.push(t('shared.status.syncing'));
  else if (state.lastError && state.lastError.code !== 'cancelled') {
    if (!failureSaid) parts.push(failureText(state, state.lastError));
    // What the desk shows of the colleagues' work dates from the last sync that went through:
    // said, so that an editor does not take an old view for the newsroom's.
    if (state.lastSyncAt) {
      parts.push(syncedWhen(state.lastSyncAt, failureSaid ? 'first' : 'after'));
    }
  } else if (state.lastSyncAt) {
    parts.push(syncedWhen(state.lastSyncAt));
  } else parts.push(t('shared.status.never'));
  if (pending > 0) parts.push(t('shared.status.pending', { count: pending }));
  return parts.join(' · ');
}

/**
 * The shared desk in the desk's header: when it last synced, what waits to be sent, offline;
 * then what waits for the editor: changes WordPress refused (with the role they take), texts
 * merged with a colleague's, and conflicts to settle. Nothing at all when sync is off.
 */
export function SharedDeskBar() {
  const desk = useSharedDesk();
  const online = useOnline();
  if (!desk.enabled || !desk.state) return null;
  const { state } = desk;
  const busy = state.phase !== 'idle';
  // The dot is green only while the desk is in step with WordPress: red offline, amber when the
  // last run failed (the line says why).
  const health = syncHealth(state, online);
  const dot = health === 'ok' ? '' : ` shared-desk__dot--${health}`;
  const line = syncLine(state, desk.pending, online);
  const space = line.indexOf(' ');
  const [first, rest] = space < 0 ? [line, ''] : [line.slice(0, space), line.slice(space)];
  // A password refused, or settings missing: the fix is in the settings.
  const fixInSettings = health === 'failed' && FIXED_IN_SETTINGS.has(state.lastError!.code);
  // Another editor's deletion of an issue is a notice of its own, apart from the fields' choices.
  const deletions = desk.conflicts.filter((conflict) => conflict.deletedBy !== undefined);
  const fieldConflicts = desk.conflicts.filter((conflict) => conflict.deletedBy === undefined);
  return (
    <div class="shared-desk" data-testid="sync-bar">
      {/* Focusable from script only: where the keyboard goes back when nothing else is left. */}
      <p class="shared-desk__status" role="status" data-testid="sync-status" tabIndex={-1}>
        {/* One run of text that wraps as words do: the dot kept with the first word, the
            identity whole, its « · » left at the end of the line before rather than leading. */}
        <span class="shared-desk__line">
          <span class="shared-desk__lead">
            <span class={`shared-desk__dot${dot}`} data-testid="sync-dot" />
            {first}
          </span>
          {rest}
          {state.user && (
            <span class="muted">
              {'\u00a0· '}
              <span class="shared-desk__who">{deskIdentity(state.user, state.can)}</span>
            </span>
          )}
        </span>
        {fixInSettings && (
          // As the publish failure offers: the fix is in the settings, one click away.
          <button
            type="button"
            class="button button--small"
            onClick={() => void openWordPressSettings(fieldToFix(state.lastError!.code))}
          >
            {t('nav.options')}
          </button>
        )}
        <button
          type="button"
          class="button button--small"
          disabled={busy || !online}
          onClick={() => void sendMessage('syncNow', { reason: 'manual' }).catch(() => undefined)}
        >
          {t('shared.status.syncNow')}
        </button>
        {state.phase === 'syncing' && (
          // A site that hangs holds a run for up to 20 s a request: the editor may stop it (what
          // waits is sent at the next run). A first sync is stopped from the options, where it
          // began: stopping it turns the shared desk off.
          <button
            type="button"
            class="button button--small"
            onClick={() => void sendMessage('syncCancel').catch(() => undefined)}
          >
            {t('shared.status.stop')}
          </button>
        )}
      </p>
      {desk.refusals.map((refusal) => (
        <Refusal key={refusal.key} refusal={refusal} />
      ))}
      {(state.overridden ?? []).map((notice) => (
        // Keyed by when it was learnt too: a newer choice over the same record is said afresh.
        <OverriddenNotice key={`${notice.key}@${notice.at}`} notice={notice} />
      ))}
      {(state.textMerges ?? []).map((merge) => (
        // Keyed by when it was merged too: a newer merge of the same record is said afresh.
        <TextMergeNotice key={`${merge.key}@${merge.at}`} merge={merge} />
      ))}
      {(state.keptDrafts ?? []).map((kept) => (
        <KeptNotice key={`${kept.key}@${kept.at}`} kept={kept} />
      ))}
      {(state.issuesBack ?? []).map((back) => (
        <IssueBackNotice key={`${back.key}@${back.at}`} back={back} />
      ))}
      {deletions.map((notice) => (
        <DeletionNotice key={notice.key} notice={notice} />
      ))}
      <ConflictsList
        conflicts={fieldConflicts}
        deletions={deletions.length}
        box={(conflict) => (
          // Keyed by when it was found too: a conflict put back by an undo is drawn afresh.
          <SyncConflictView key={`${conflict.key}@${conflict.detectedAt}`} conflict={conflict} />
        )}
        writingIn={() => writingIn?.deref() ?? null}
        keyboardBack={giveKeyboardBack}
      />
    </div>
  );
}

/** A change WordPress refused (403): what it was, the role it takes, and that it was undone. */
function Refusal({ refusal }: { refusal: SyncRefusal }) {
  // The words the refused change wrote, rolled back: kept nowhere else once the notice is closed.
  const writing = refusedWriting(refusal);
  // What else the refused change had changed, rolled back with it.
  const also = refusedAlso(refusal);
  return (
    <WordsNotice
      alert
      testId="sync-refusal"
      writing={writing}
      onRead={() => sendMessage('syncDismissRefusal', { key: refusal.key })}
    >
      {refusalSentence(refusal)}
      {also && ` ${also}`}
      {writing && ` ${t('shared.refusedWriting')}`}
    </WordsNotice>
  );
}

/**
 * A colleague changed the same fields as this editor at the same time and kept their version
 * (« Garder la mienne »; services/sync/notices.ts, `noteOverridden`): said once, with the editor's
 * words to copy, since the desk now has the colleague's. Nothing to choose: a status, not an alert.
 */
function OverriddenNotice({ notice }: { notice: SyncOverridden }) {
  const writing = overriddenWriting(notice);
  const params = {
    title: recordName(notice.kind, notice.title),
    fields: fieldList(notice.kind, notice.fields, true),
    // As many as are named: a move is one (its place goes with its issue).
    count: notice.fields.filter((f) => f !== 'sortKey' || !notice.fields.includes('issueId'))
      .length,
  };
  return (
    <WordsNotice
      testId="sync-overridden"
      writing={writing}
      onRead={() => sendMessage('syncDismissOverridden', { key: notice.key })}
    >
      {notice.by
        ? t('shared.overridden', { ...params, name: notice.by })
        : t('shared.overriddenAnon', params)}
      {writing && ` ${t('shared.overriddenWriting')}`}
    </WordsNotice>
  );
}

/**
 * A notice holding words of the editor's that the desk no longer has (a refused change's, a
 * version a colleague replaced): « Copier ce que vous aviez écrit » (rich and plain text), and
 * « Compris », which closes it.
 */
function WordsNotice({
  alert = false,
  testId,
  writing,
  onRead,
  children,
}: {
  /** An alert (a change undone), else a status. */
  alert?: boolean;
  testId: string;
  writing: RefusedWriting | undefined;
  onRead: () => Promise<unknown>;
  children: ComponentChildren;
}) {
  const [copied, setCopied] = useState<'copied' | 'failed'>();
  const copy = () => {
    if (!writing) return;
    copyRichText(writing.html, writing.text).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  };
  return (
    <div
      class={alert ? 'notice notice--error shared-desk__refusal' : 'notice shared-desk__merged'}
      data-testid={testId}
    >
      {/* The sentence alone is said: « Copié » below is a status of its own, said once. */}
      <p role={alert ? 'alert' : 'status'}>{children}</p>
      {writing && (
        <button type="button" class="button button--small" onClick={copy}>
          {t('shared.refusedCopy')}
        </button>
      )}{' '}
      <button
        type="button"
        class="button button--small"
        onClick={() => void onRead().catch(() => undefined)}
      >
        {t('shared.refusedOk')}
      </button>
      <span role="status" class="shared-desk__copied" data-testid={`${testId}-copied`}>
        {copied && t(copied === 'copied' ? 'shared.refusedCopied' : 'shared.refusedCopyFailed')}
      </span>
    </div>
  );
}

const MERGED_FIELD_KEYS: Record<string, MessageKey> = {
  body: 'shared.merged.body',
  intro: 'shared.merged.intro',
  note: 'shared.merged.note',
};

/** « le texte », « le texte et la note partagée »: what was merged, as the notice says it. */
function mergedFields(fields: readonly string[]): string {
  const names = fields.map((field) => t(MERGED_FIELD_KEYS[field] ?? 'shared.merged.body'));
  return names.length === 2
    ? t('shared.merged.both', { first: names[0]!, second: names[1]! })
    : names.join(', ');
}

/**
 * A colleague changed a text (an item's, a chapô, a shared note) in other paragraphs than this
 * editor at the same time: the sync kept both (services/sync/absorb.ts, `absorb`). Nothing to
 * choose, so said without interrupting (a status, not an alert), until the editor closes it.
 */
function TextMergeNotice({ merge }: { merge: SyncTextMerge }) {
  const params = { title: recordName(merge.kind, merge.title), fields: mergedFields(merge.fields) };
  return (
    <ReadNotice
      testId="sync-merged"
      onRead={() => sendMessage('syncDismissTextMerge', { key: merge.key })}
    >
      {merge.by
        ? t('shared.merged', { ...params, name: merge.by })
        : t('shared.mergedAnon', params)}
    </ReadNotice>
  );
}

/**
 * An issue known here as deleted that a colleague put back (services/sync/notices.ts,
 * `noteIssueBack`): there again in the picker, with its items, and said why, once.
 */
function IssueBackNotice({ back }: { back: SyncIssueBack }) {
  const style = useHouseStyle() ?? DEFAULT_HOUSE_STYLE;
  const title = issueTitleShortened(back, style, ISSUE_TEXT_LIMITS.title);
  return (
    <ReadNotice
      testId="sync-issue-back"
      onRead={() => sendMessage('syncDismissIssueBack', { key: back.key })}
    >
      {back.by
        ? t('shared.issueBack', { title, name: back.by })
        : t('shared.issueBackAnon', { title })}
    </ReadNotice>
  );
}

/** News with nothing to choose: a status, not an alert, with « Compris » to close it. */
function ReadNotice({
  testId,
  onRead,
  children,
}: {
  testId: string;
  onRead: () => Promise<unknown>;
  children: ComponentChildren;
}) {
  return (
    <p class="notice shared-desk__merged" role="status" data-testid={testId}>
      {children}{' '}
      <button
        type="button"
        class="button button--small"
        onClick={() => void onRead().catch(() => undefined)}
      >
        {t('shared.mergedOk')}
      </button>
    </p>
  );
}

/**
 * A draft this editor deleted for good (offline, or with the shared desk off) that a colleague
 * edited meanwhile: the sync kept it, as the desk has it (services/sync/deletions.ts,
 * `keepDeleted`). Nothing was lost, so it is said as a status; the editor may keep it (which only
 * closes the notice) or delete it anyway (which « Annuler » undoes, as any deletion).
 */
/** « supprimé », or « fusionné dans « … » » for a draft merged into another (`mergedInto`). */
export function keptSentence(kept: SyncKeptDraft): string {
  const { by: name } = kept;
  // A draft with no name is named (« Brouillon sans titre »), as its row names it.
  const title = draftName(kept.title);
  if (kept.mergedInto !== undefined) {
    const into = draftName(kept.mergedInto);
    return name
      ? t('shared.keptMerged', { title, into, name })
      : t('shared.keptMergedAnon', { title, into });
  }
  return name ? t('shared.kept', { title, name }) : t('shared.keptAnon', { title });
}

function KeptNotice({ kept }: { kept: SyncKeptDraft }) {
  const [failed, setFailed] = useState(false);
  const { offer } = useUndo();
  const keep = () =>
    void sendMessage('syncKeepKept', { key: kept.key }).catch(() => setFailed(true));
  const remove = () =>
    void sendMessage('syncDeleteKept', { key: kept.key }).then(
      (answer) =>
        answer.undo && offer(answer.undo, t('undo.draftDeleted', { title: draftName(kept.title) })),
      () => setFailed(true),
    );
  return (
    <div class="notice shared-desk__merged" role="status" data-testid="sync-kept">
      <p>{keptSentence(kept)}</p>
      <button type="button" class="button button--small" onClick={keep}>
        {t('shared.kept.keep')}
      </button>{' '}
      <button type="button" class="button button--small" onClick={remove}>
        {t('shared.kept.delete')}
      </button>
      {failed && <p class="notice notice--error">{t('shared.conflict.failed')}</p>}
    </div>
  );
}

/**
 * Another editor deleted an issue this editor had changed and not yet sent: the sync put it
 * back, with those changes (services/sync/deletions.ts, `putBack`). Said, with who deleted it, and
 * the choice the deletion asked for: keep it (which only closes the notice) or delete it too (which
 * « Annuler » undoes, as any deletion of an issue).
 */
function DeletionNotice({ notice }: { notice: SyncConflict }) {
  const [failed, setFailed] = useState(false);
  const { offer } = useUndo();
  const choose = (choice: 'mine' | 'theirs') =>
    void sendMessage('syncResolve', { key: notice.key, choose: { deleted: choice } }).then(
      // Deleted too: undoable, as a deletion made from the issue's own button.
      (answer) =>
        answer.undo && offer(answer.undo, t('undo.issueDeleted', { title: notice.title })),
      () => setFailed(true),
    );
  return (
    <div class="notice shared-desk__conflict" role="alert" data-testid="sync-deleted">
      <p>
        {notice.deletedBy
          ? t('shared.deleted.notice', { name: notice.deletedBy, title: notice.title })
          : t('shared.deleted.noticeAnon', { title: notice.title })}
      </p>
      <button type="button" class="button button--small" onClick={() => choose('mine')}>
        {t('shared.deleted.keep')}
      </button>{' '}
      <button type="button" class="button button--small" onClick={() => choose('theirs')}>
        {t('shared.deleted.deleteToo')}
      </button>
      {failed && <p class="notice notice--error">{t('shared.conflict.failed')}</p>}
    </div>
  );
}

type Field = string;
type Values = Record<Field, unknown>;

/** Whether `field` is a draft's note that `record` keeps private now (not shared). */
function notePrivate(kind: SyncConflict['kind'], record: Values, field: Field): boolean {
  return kind === 'draft' && field === 'note' && !(record as unknown as Draft).noteShared;
}

/**
 * A field of the record as stored here now: its texts (the shared note only while it is shared),
 * and a draft's sources and tags, which the editor may change too while the box is open;
 * `undefined` for other fields, shown as they were when the conflict was found.
 */
function typedNow(kind: SyncConflict['kind'], record: Values, field: Field): unknown {
  if (kind === 'draft' && field === 'note') {
    const draft = record as unknown as Draft;
    return draft.noteShared ? draft.note : undefined;
  }
  if (kind === 'draft' && field === 'sources') return (record as unknown as Draft).sources ?? [];
  if (kind === 'draft' && field === 'tags') return (record as unknown as Draft).tags;
  const value = record[field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * What the box reads a conflict's values with, as this browser holds things now (a live query):
 * for a draft's issue or place, the issues' titles and the items of the issues concerned; for an
 * issue's post, the desk's own user. `undefined` until they are read.
 */
function useShownContext(conflict: SyncConflict): ShownContext | undefined {
  const placing =
    conflict.kind === 'draft' &&
    conflict.fields.some((field) => field.field === 'issueId' || field.field === 'sortKey');
  const posted = conflict.kind === 'issue' && conflict.fields.some((f) => f.field === 'wordpress');
  const read = useLiveQuery(async () => {
    const me = posted ? ((await db.syncState.get('desk'))?.user?.id ?? null) : null;
    if (!placing) return { me };
    const draft = await db.clips.get(conflict.recordId);
    const ids = new Set<string>(draft?.issueId ? [draft.issueId] : []);
    for (const field of conflict.fields) {
      if (field.field !== 'issueId') continue;
      for (const id of [field.mine, field.theirs]) if (typeof id === 'string' && id) ids.add(id);
    }
    // Only the issues concerned: their titles.
    const concerned = (await db.issues.bulkGet([...ids])).filter((issue) => issue !== undefined);
    const issues = new Map(concerned.map((i) => [i.id, { title: i.title }]));
    const items = new Map<string, Array<{ id: string; sortKey: string }>>();
    for (const id of ids) {
      const drafts = await db.clips.where('issueId').equals(id).toArray();
      const shown = drafts
        .filter((d) => !d.deletedAt)
        .map((d) => ({ id: d.id, sortKey: d.sortKey }));
      items.set(id, shown);
    }
    return { me, issueId: draft?.issueId ?? '', issues, items };
  }, [conflict.kind, conflict.recordId, placing, posted]);
  // Nothing to read for other fields: the box is drawn at once, not first with empty values.
  if (!read && (placing || posted)) return undefined;
  return { kind: conflict.kind, recordId: conflict.recordId, ...read };
}

/** Whether `el` is a field an editor writes in (an input, a text area, a rich text). */
function writable(el: Element | null): el is HTMLElement {
  if (!(el instanceof HTMLElement) || !el.isConnected) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement) return !el.disabled;
  return (
    el instanceof HTMLInputElement &&
    !el.disabled &&
    !/^(button|submit|reset|checkbox|radio|file|hidden)$/.test(el.type)
  );
}

/**
 * The field the editor was last writing in, outside the shared desk's bar: a conflict's box comes
 * while the editor writes (the focus stays where it is), and the keyboard goes back there once the
 * choice is made. Followed from the moment the bar's code is loaded, before any box is drawn.
 */
let writingIn: WeakRef<HTMLElement> | undefined;
if (typeof document !== 'undefined') {
  const note = (el: Element | null) => {
    if (writable(el) && !el.closest('[data-testid="sync-bar"]')) writingIn = new WeakRef(el);
  };
  note(document.activeElement);
  document.addEventListener('focusin', (event) => note(event.target as Element | null));
}

/** What a choice that wrote nothing says, by why (see {@link Unwritten}). */
const UNWRITTEN: Record<Unwritten, MessageKey> = {
  settled: 'shared.conflict.settled',
  changed: 'shared.conflict.changed',
  gone: 'shared.conflict.gone',
};

/**
 * Once the chooser `box` has gone with the button that held the keyboard, gives the keyboard back:
 * to the field the editor was writing in (`field`), still on the page; else to the next conflict
 * the bar still asks about; else to the bar's status line. Nothing moves if the focus is elsewhere
 * by then (the editor went on). `bar`, the bar the box was in: read while it was there (once
 * gone, the box is in none).
 */
function giveKeyboardBack(
  box: HTMLElement,
  field: HTMLElement | null,
  bar = box.closest<HTMLElement>('[data-testid="sync-bar"]'),
) {
  if (!bar) return;
  const give = () => {
    if (!focusLost()) return;
    const to =
      (field?.isConnected && field) ||
      bar.querySelector<HTMLElement>('[data-testid="sync-conflict"] .conflict button') ||
      bar.querySelector<HTMLElement>('[data-testid="sync-status"]');
    to?.focus();
  };
  // Gone already (the bar drawn anew before the answer came): nothing more may change under it.
  if (!box.isConnected) give();
  else whenDrawn(bar, () => (box.isConnected ? null : bar), give);
}

/**
 * The same field changed here and by someone else on the shared desk: both versions, a choice
 * for each field; once every field is chosen, the choice goes to the background. Until then the
 * draft keeps this browser's version and is not sent: nothing is dropped. A choice that took the
 * other version over the editor's own text is offered to be undone (« Annuler »), as a trash or
 * a merge is: the text and the conflict come back (storage/conflict-undo.ts).
 */
function SyncConflictView({ conflict }: { conflict: SyncConflict }) {
  // A draft with no name is named (« Brouillon sans titre »), in the box and what it says after.
  const title = recordName(conflict.kind, conflict.title);
  const { offer } = useUndo();
  const announce = useAnnounce();
  const box = useRef<HTMLDivElement>(null);
  // The choices after which the keyboard goes to the next field's (one field of several chosen).
  const nextField = useRef<Record<Field, ConflictChoice>>();
  const [chosen, setChosen] = useState<Record<Field, ConflictChoice>>({});
  const [failed, setFailed] = useState(false);
  // The language a draft's text is written in, the exports' (its quotes say their own).
  const textLang = useHouseStyle()?.locale ?? DEFAULT_HOUSE_STYLE.locale;
  // The record as this browser holds it now: the editor may go on typing in it while the box is
  // open, and « Votre version », what « Garder la mienne » keeps, follows.
  const local = useLiveQuery(
    async () =>
      ((conflict.kind === 'draft'
        ? await db.clips.get(conflict.recordId)
        : await db.issues.get(conflict.recordId)) ?? null) as Values | null,
    [conflict.kind, conflict.recordId],
  );
  const context = useShownContext(conflict);
  const open = askedFields(
    conflict.fields.map((field) => {
      const now = local ? typedNow(conflict.kind, local, field.field) : undefined;
      return now === undefined ? field : { ...field, mine: now };
    }),
  ).filter((field) => !(field.field in chosen));
  const label = (field: Field) => conflictFieldLabel(conflict.kind, field);
  useEffect(() => {
    // Drawn with those choices (not an earlier render's effect, run late).
    if (nextField.current !== chosen) return;
    nextField.current = undefined;
    if (focusLost()) box.current?.querySelector<HTMLElement>('.conflict button')?.focus();
  }, [chosen]);
  // Not drawn until what its values are shown with is read (a move's issues): drawn before, the
  // box would stand empty, its questions coming a moment later.
  if (!context) return null;
  const show = (field: Field, value: unknown) => showConflictValue(context, field, value);
  const decide = (field: Field, choice: ConflictChoice) => {
    const next = { ...chosen, [field]: choice };
    setChosen(next);
    // A field chosen goes with its buttons: the keyboard to the next field's choice.
    if (!allChosen(conflict.fields, next)) {
      nextField.current = next;
      return;
    }
    // Read now: the box and what it followed go once the choice is stored.
    const shown = box.current;
    const bar = shown?.closest<HTMLElement>('[data-testid="sync-bar"]');
    const writing = writingIn?.deref() ?? null;
    // The issue's choice takes that side's place along.
    const choose = withMovePlace(conflict.fields, next);
    sendMessage('syncResolve', { key: conflict.key, choose }).then(
      (answer) => {
        if (!answer.undo) {
          // Nothing to undo: this editor's text is as it was (« Garder les deux » too, when it
          // added nothing to it), or the choice found nothing to write, and says why. Said as
          // its counterpart is, and the keyboard back where the editor was writing.
          announce(
            t(answer.unwritten ? UNWRITTEN[answer.unwritten] : 'shared.conflict.keptMine', {
              title,
            }),
          );
          if (shown) giveKeyboardBack(shown, writing, bar);
          return;
        }
        // Undoable too: « Garder les deux » rewrote the editor's text with the other's in it,
        // which asks for a reading, whatever else was chosen.
        const keptBoth = Object.values(next).includes('both');
        const label = keptBoth
          ? t('shared.conflict.keptBoth', { title })
          : conflict.theirsBy
            ? t('undo.conflictTheirsBy', { title, name: conflict.theirsBy })
            : t('undo.conflictTheirs', { title });
        // The button that had the keyboard goes with the box: « Annuler » takes it.
        offer(answer.undo, label, { focus: true });
      },
      () => {
        setFailed(true);
        setChosen({});
      },
    );
  };
  return (
    <div class="shared-desk__conflict" data-testid="sync-conflict" ref={box}>
      <ConflictChooser<Values, Field>
        conflicts={open.map((field) => ({ ...field, field: field.field }))}
        label={label}
        show={show}
        itemLang={(field) => (field === 'body' ? textLang : undefined)}
        headingId={`sync-conflict-${conflict.key}`}
        origin={{
          desk: true,
          title,
          ...(conflict.theirsBy ? { by: conflict.theirsBy } : {}),
        }}
        onChoose={decide}
        keepBoth={{
          offered: (field) => {
            const shown = open.find((asked) => asked.field === field);
            if (!shown) return false;
            // A note taken back private since: nothing of this editor's is shared to keep.
            const mine = local && notePrivate(conflict.kind, local, field) ? '' : shown.mine;
            return keepsBoth(conflict.kind, sharedName(conflict.kind, field), { ...shown, mine });
          },
          choose: (field) => decide(field, 'both'),
        }}
      />
      {failed && (
        <p class="notice notice--error" role="alert">
          {t('shared.conflict.failed')}
        </p>
      )}
    </div>
  );
}
