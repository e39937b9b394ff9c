import type { VNode } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../locales';
import { sendMessage } from '../messaging/protocol';
import type { SyncConflict } from '../storage/sync-state';
import { useAnnounce } from './Announcer';
import { askedFields } from './conflictFields';
import { useUndo } from './Undo';

/**
 * Up to this many conflicts, every box is shown, as before: two or three boxes still leave the
 * desk's issue in sight. Past it, the first {@link SHOWN_FOLDED} is, then a line says how many
 * more wait, and one choice settles them all.
 */
export const FOLD_PAST = 3;

/**
 * The boxes shown, the list folded, above the line « 37 autres conflits à régler »: one, so that
 * the popup (600 px high) still shows its tab under the bar, and the desk at 1024 × 768 its issue;
 * the next comes up as it is settled.
 */
export const SHOWN_FOLDED = 1;

/** « 37 brouillons et 2 numéros », « 1 numéro »: the records the conflicts are about. */
export function recordsPhrase(conflicts: readonly SyncConflict[]): string {
  const drafts = conflicts.filter((conflict) => conflict.kind === 'draft').length;
  const issues = conflicts.length - drafts;
  const draftsText = t('shared.conflicts.drafts', { count: drafts });
  const issuesText = t('shared.conflicts.issues', { count: issues });
  if (drafts > 0 && issues > 0) {
    return t('shared.conflicts.both', { drafts: draftsText, issues: issuesText });
  }
  return issues > 0 ? issuesText : draftsText;
}

/**
 * The question before settling `conflicts` at once with `choice`: how many fields in how many
 * records, what becomes of the editor's versions, and the issues deleted elsewhere it leaves out.
 */
export function bulkQuestion(
  conflicts: readonly SyncConflict[],
  choice: 'mine' | 'theirs',
  deletions: number,
): string {
  // The questions the boxes ask: a move is one, what is never asked is none.
  const fields = conflicts.reduce((sum, conflict) => sum + askedFields(conflict.fields).length, 0);
  const records = recordsPhrase(conflicts);
  const question = t(
    choice === 'theirs' ? 'shared.conflicts.confirmTake' : 'shared.conflicts.confirmKeep',
    { fields, records },
  );
  return deletions > 0
    ? `${question} ${t('shared.conflicts.deletionsApart', { count: deletions })}`
    : question;
}

/** The bulk choice asked about: its keys and words frozen as the editor read them. */
interface Asking {
  choice: 'mine' | 'theirs';
  keys: string[];
  question: string;
  records: string;
}

interface Props {
  /** The field conflicts waiting, in the bar's order (another editor's deletions apart). */
  conflicts: readonly SyncConflict[];
  /** How many deletion notices wait beside them: the bulk choice leaves them out, and says so. */
  deletions: number;
  /** One conflict's box, keyed (SharedDeskBar.tsx, `SyncConflictView`). */
  box: (conflict: SyncConflict) => VNode;
  /** The field the editor was last writing in, outside the bar, if any. */
  writingIn: () => HTMLElement | null;
  /**
   * Gives the keyboard back once `gone` (which held it) has left the page, as after a single
   * choice kept the editor's version (SharedDeskBar.tsx, `giveKeyboardBack`).
   */
  keyboardBack: (gone: HTMLElement, field: HTMLElement | null) => void;
}

/**
 * The shared desk's conflicts, in the bar. A few are each a box, as they always were. Many (a
 * browser back from a week offline, or joining the desk again after putting an old backup back)
 * would stack dozens of boxes above the desk and push the issue out of sight: the first is
 * shown, then « 37 autres conflits à régler » with « Tout afficher », which shows the others in
 * place (« Replier » folds them again); the boxes sit in an area of their own that scrolls in
 * the desk, never taller than two fifths of it, the line under it. Settling a box brings the
 * next one up.
 *
 * And one choice for them all: « Garder toutes mes versions » or « Prendre toutes les autres
 * versions », each behind a question that says how many fields in how many records it settles;
 * one background request settles them in one transaction (services/sync/conflicts.ts,
 * `resolveAll`). The others' versions taken are undone by one « Annuler », which takes the keyboard
 * as after a single choice; keeping the editor's is said, and the keyboard goes back where the
 * editor was writing. A failure is said here, and nothing is settled: the question stays, to try
 * again.
 */
export function ConflictsList({ conflicts, deletions, box, writingIn, keyboardBack }: Props) {
  const { offer } = useUndo();
  const announce = useAnnounce();
  const [expanded, setExpanded] = useState(false);
  const [asking, setAsking] = useState<Asking>();
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const id = useId();
  const keepAll = useRef<HTMLButtonElement>(null);
  const takeAll = useRef<HTMLButtonElement>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLDivElement>(null);
  // The button the keyboard goes back to once the question is drawn away (« Ne rien changer »).
  const backTo = useRef<'mine' | 'theirs'>();

  useEffect(() => {
    if (asking) {
      yes.current?.focus();
      return;
    }
    const choice = backTo.current;
    backTo.current = undefined;
    if (choice) (choice === 'mine' ? keepAll : takeAll).current?.focus();
  }, [asking]);

  // All settled: conflicts found later start folded again.
  const none = conflicts.length === 0;
  useEffect(() => {
    if (none) setExpanded(false);
  }, [none]);

  const many = conflicts.length > FOLD_PAST;
  // Nothing left to show, unless a bulk choice is under way (its answer still to come).
  if (!asking && none) return null;

  const ask = (choice: 'mine' | 'theirs') => {
    setFailed(false);
    setAsking({
      choice,
      keys: conflicts.map((conflict) => conflict.key),
      question: bulkQuestion(conflicts, choice, deletions),
      records: recordsPhrase(conflicts),
    });
  };
  const dismiss = () => {
    if (saving || !asking) return;
    backTo.current = asking.choice;
    setFailed(false);
    setAsking(undefined);
  };
  const settle = () => {
    if (saving || !asking) return;
    const { choice, keys, records } = asking;
    // Read now: the question, with the button that has the keyboard, goes once settled.
    const field = writingIn();
    const shown = confirm.current;
    setSaving(true);
    setFailed(false);
    sendMessage('syncResolveAll', { keys, choose: choice }).then(
      (answer) => {
        setSaving(false);
        setAsking(undefined);
        if (answer.undo) {
          // The button that had the keyboard goes with the question: « Annuler » takes it.
          offer(answer.undo, t('undo.conflictsTheirs', { records }), { focus: true });
          return;
        }
        if (answer.settled > 0 && choice === 'mine') {
          announce(t('shared.conflicts.keptMine', { records }));
        }
        if (shown) keyboardBack(shown, field);
      },
      () => {
        setSaving(false);
        setFailed(true);
      },
    );
  };

  const more = many ? (
    <p class="shared-desk__more" data-testid="sync-conflicts-more">
      <span id={`${id}-more`}>
        {t('shared.conflicts.more', { count: conflicts.length - SHOWN_FOLDED })}
      </span>{' '}
      <button
        type="button"
        class="button button--small"
        aria-expanded={expanded}
        aria-describedby={`${id}-more`}
        onClick={() => setExpanded(!expanded)}
      >
        {t(expanded ? 'shared.conflicts.fold' : 'shared.conflicts.showAll')}
      </button>
    </p>
  ) : null;
  // One list of siblings, keyed: a box that moves up as one before it is settled keeps what was
  // chosen in it so far.
  const boxes = (many && !expanded ? conflicts.slice(0, SHOWN_FOLDED) : conflicts).map(box);

  return (
    <div class="shared-desk__conflicts" data-testid="sync-conflicts">
      {asking ? (
        <div
          class="shared-desk__bulk shared-desk__confirm"
          role="group"
          aria-labelledby={`${id}-question`}
          data-testid="sync-conflicts-confirm"
          ref={confirm}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              dismiss();
            }
          }}
        >
          <p id={`${id}-question`}>{asking.question}</p>
          <button
            type="button"
            class="button button--small"
            aria-disabled={saving ? 'true' : undefined}
            ref={yes}
            onClick={settle}
          >
            {t(
              asking.choice === 'theirs' ? 'shared.conflicts.yesTake' : 'shared.conflicts.yesKeep',
            )}
          </button>{' '}
          <button
            type="button"
            class="button button--small"
            aria-disabled={saving ? 'true' : undefined}
            onClick={dismiss}
          >
            {t('shared.conflicts.no')}
          </button>
          <p class="muted" role="status">
            {saving ? t('shared.conflicts.saving') : ''}
          </p>
          {failed && (
            <p class="notice notice--error" role="alert">
              {t('shared.conflicts.failed')}
            </p>
          )}
        </div>
      ) : (
        many && (
          <div
            class="shared-desk__bulk"
            role="group"
            aria-labelledby={`${id}-all`}
            data-testid="sync-conflicts-bulk"
          >
            <span id={`${id}-all`}>{t('shared.conflicts.all', { count: conflicts.length })}</span>{' '}
            <button
              type="button"
              class="button button--small"
              ref={keepAll}
              onClick={() => ask('mine')}
            >
              {t('shared.conflicts.keepAll')}
            </button>{' '}
            <button
              type="button"
              class="button button--small"
              ref={takeAll}
              onClick={() => ask('theirs')}
            >
              {t('shared.conflicts.takeAll')}
            </button>
          </div>
        )
      )}
      {boxes.length > 0 && <div class="shared-desk__boxes">{boxes}</div>}
      {/* Under the boxes' area, which may scroll: always in sight. */}
      {more}
    </div>
  );
}
