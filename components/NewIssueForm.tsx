import { useEffect, useRef, useState } from 'preact/hooks';
import {
  formatIssueTitle,
  issueTitleShortened,
  parseIsoDate,
  type HouseStyle,
} from '../export/house-style';
import { t } from '../locales';
import { useAnnounce } from './Announcer';
import { wordFailure, type WordedFailure } from './failureText';
import { FailureDetail } from './FailureDetail';
import { createIssue, listIssues } from '../storage/issues';
import { ISSUE_TEXT_LIMITS } from '../storage/record-values';
import { useLiveQuery } from './useLiveQuery';
import { DateField } from './DateField';
import { LinesTextarea } from './LinesTextarea';
import { deskRefusal } from './roles';
import { useHouseStyle } from './useSettings';
import { useSharedDesk } from './useSharedDesk';
import { useStorageItem } from './useStorageItem';
import { focusLost, whenDrawn } from './whenDrawn';
import { forgetFallBack, startedIssue, type StartedIssue } from '../storage/settings';

/** Today in the editor's time zone, as YYYY-MM-DD. */
export function localIsoDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What the editor typed in the form, as it is kept when let go (see {@link startedIssue}). */
type Typed = StartedIssue;

/**
 * Whether a new issue started and let go waits (« + Nouveau numéro (commencé) »); `undefined`
 * while reading.
 */
export function useNewIssueStarted(): boolean | undefined {
  const started = useStorageItem(startedIssue);
  return started === undefined ? undefined : started !== null;
}

/** Keeps what the form holds, or that nothing was started (`undefined`). */
function keepStarted(typed: Typed | undefined): void {
  void startedIssue.setValue(typed ?? null).catch((e: unknown) => {
    console.error('Indiscrets: the new issue’s form could not be kept', e);
  });
}

/**
 * The title the house pattern gives `date`; none ('') for a date still being typed, or impossible
 * (never « Les indiscrets du 152021-12-03 »: the field says what is wrong instead).
 */
function proposedTitle(date: string, style: HouseStyle): string {
  return parseIsoDate(date) ? formatIssueTitle(style.titlePattern, date, style.locale) : '';
}

/** What the editor typed, if it differs from what the form proposed on `today`. */
function startedOf(typed: Typed, today: string, style: HouseStyle): Typed | undefined {
  const titled =
    typed.customTitle !== undefined && typed.customTitle !== proposedTitle(typed.date, style);
  return typed.date !== today || titled || typed.intro.trim() !== '' ? typed : undefined;
}

/**
 * The keyboard after « Créer le numéro », the form gone with the button that had it: on the new
 * issue's empty list, once the view shows that issue (its « Numéro en cours ») and draws the list.
 * The list's message says what comes next (« Aucun indiscret : ajoutez des brouillons depuis la
 * liste, ou déposez-les ici. »), the desk having said « Numéro créé. »; being no field, it leaves
 * the desk's keys working (1 the drafts, then a to add one: a new issue composed from the
 * keyboard alone), where the list « Numéro en cours » or the title's field would take them as
 * typing (« 1 », « a » choosing an issue or written in its title). Tab goes on from there. Not
 * taken from where the editor went meanwhile; given up when the issue is not shown.
 */
function focusCreated(id: string): void {
  whenDrawn(
    document.body,
    () => {
      const picker = document.querySelector<HTMLSelectElement>('.issue__picker select');
      return picker?.value === id
        ? document.querySelector<HTMLElement>('[data-testid="issue-empty"]')
        : undefined;
    },
    (empty) => {
      if (focusLost()) empty.focus();
    },
    true,
  );
}

interface Props {
  onCreated: (id: string) => void;
  onCancel?: () => void;
  /** Asked for (« n », « + Nouveau numéro »): the form takes the keyboard once it is drawn. */
  autoFocus?: boolean;
}

/**
 * A new issue: its date gives its title through the house pattern, until the editor edits it.
 * What is typed is kept as it is typed: a form let go (Escape, « Annuler », the popup closed, the
 * popup's other tab) comes back as it was left, in the popup or the desk.
 */
export function NewIssueForm(props: Props) {
  const style = useHouseStyle();
  const started = useStorageItem(startedIssue);
  if (!style || started === undefined) return <p class="muted">{t('common.loading')}</p>;
  return <NewIssueFields {...props} style={style} started={started ?? undefined} />;
}

function NewIssueFields({
  onCreated,
  onCancel,
  autoFocus,
  style,
  started,
}: Props & { style: HouseStyle; started: Typed | undefined }) {
  const announce = useAnnounce();
  const [today] = useState(localIsoDate);
  // A new issue started and let go comes back as it was left.
  const [resumed, setResumed] = useState(started);
  const [date, setDate] = useState(resumed?.date ?? today);
  const [customTitle, setCustomTitle] = useState(resumed?.customTitle);
  const [intro, setIntro] = useState(resumed?.intro ?? '');
  const [error, setError] = useState<WordedFailure>();
  const issues = useLiveQuery(() => listIssues(), []);
  // The shared desk: a role that may not create issues sees the form greyed, with why.
  const refused = deskRefusal(useSharedDesk(), 'editIssues');
  // What was typed last, read by the submission: Enter right after the last key must not
  // submit the values of the render before it.
  const typed = useRef<Typed>({ date, customTitle, intro, dateText: resumed?.dateText });
  typed.current = { ...typed.current, date, customTitle, intro };
  // Set once the issue is created: the form is going, and what its fields still say as they go
  // (the date's field rewrites its text when it loses the keyboard, which it does as the form
  // goes after Enter in it) is no new issue started.
  const created = useRef(false);
  const keep = (next: Partial<Typed>) => {
    if (created.current) return;
    typed.current = { ...typed.current, ...next };
    keepStarted(startedOf(typed.current, today, style));
    if ('date' in next) setDate(next.date!);
    if ('customTitle' in next) setCustomTitle(next.customTitle);
    if ('intro' in next) setIntro(next.intro!);
  };

  // The date takes the focus once the fields are there: the house style and what was started
  // are read first (a line saying so meanwhile), so a focus given as the outer form mounted found
  // no field and stayed on the page's body, the key or button that asked for it gone.
  const form = useRef<HTMLFormElement>(null);
  const focusDate = () => {
    const field = form.current?.querySelector('input');
    field?.focus();
    // Selected, so that a date typed replaces the one proposed rather than adding to it.
    field?.select();
  };
  useEffect(() => {
    if (autoFocus) focusDate();
  }, [autoFocus]);

  /**
   * Escape or « Annuler »: the form closes, what was typed kept for the next time (it already
   * is, as it was typed), said so.
   */
  const letGo = () => {
    if (startedOf(typed.current, today, style)) announce(t('issue.startedKept'));
    onCancel?.();
  };

  /** « Repartir de zéro »: what the form proposes, as when nothing was started. */
  const startOver = () => {
    setResumed(undefined);
    keep({ date: today, customTitle: undefined, intro: '', dateText: undefined });
    setError(undefined);
    setTimeout(focusDate);
  };

  const dateValid = parseIsoDate(date) !== null;
  const title = customTitle ?? proposedTitle(date, style);
  // An issue of that date already: said, not forbidden (a special issue the same day is one).
  const namesake = dateValid ? issues?.find((issue) => issue.date === date) : undefined;

  async function submit(event: Event) {
    event.preventDefault();
    if (refused) return;
    const { date, customTitle, intro } = typed.current;
    const title = customTitle ?? proposedTitle(date, style);
    // A well-formed but impossible date (2027-02-30) has no title either. The keyboard goes to
    // the field to correct (the date's says what it read), not left on « Créer le numéro ».
    const [dateField, titleField] = form.current?.querySelectorAll('input') ?? [];
    if (!parseIsoDate(date)) {
      setError({ text: t('issue.badDate') });
      dateField?.focus();
      return;
    }
    if (!title.trim()) {
      setError({ text: t('issue.noTitle') });
      titleField?.focus();
      return;
    }
    setError(undefined);
    try {
      const issue = await createIssue({
        title: title.trim(),
        date,
        intro: intro.trim() || style.intro || '',
      });
      // Created: nothing waits any more.
      created.current = true;
      keepStarted(undefined);
      // The editor's own choice: no longer the column the app fell back to.
      void forgetFallBack();
      focusCreated(issue.id);
      onCreated(issue.id);
    } catch (e) {
      setError(wordFailure(t('issue.createFailed'), e));
    }
  }

  return (
    <form
      class="new-issue"
      ref={form}
      onSubmit={submit}
      aria-labelledby="new-issue-heading"
      onKeyDown={(event) => {
        // A field's own Escape (a list of suggestions, a picker) prevents it: not the form's.
        if (event.key !== 'Escape' || !onCancel || event.defaultPrevented || event.isComposing)
          return;
        event.preventDefault();
        letGo();
      }}
    >
      <h2 id="new-issue-heading">{t('issue.new')}</h2>
      {resumed && (
        <p class="muted new-issue__resumed" data-testid="new-issue-resumed">
          {t('issue.startedResumed')}{' '}
          <button type="button" class="button button--small" onClick={startOver}>
            {t('issue.startOver')}
          </button>
        </p>
      )}
      {refused && (
        <p class="notice role-notice" id="new-issue-refused" data-testid="new-issue-refused">
          {refused}
        </p>
      )}
      <fieldset
        class="plain-fieldset"
        disabled={!!refused}
        aria-describedby={refused ? 'new-issue-refused' : undefined}
      >
        <DateField
          label={t('issue.date')}
          value={date}
          required
          initialText={resumed?.dateText}
          onText={(text) => keep({ dateText: text })}
          onChange={(next) => keep({ date: next })}
        />
        <p class="muted new-issue__namesake" role="status" data-testid="new-issue-namesake">
          {namesake &&
            t('issue.dateTaken', {
              title: issueTitleShortened(namesake, style, ISSUE_TEXT_LIMITS.title),
            })}
        </p>
        <label class="field">
          <span>{t('issue.title')}</span>
          <input
            type="text"
            value={title}
            placeholder={dateValid ? undefined : t('issue.titleAfterDate')}
            onInput={(e) => keep({ customTitle: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label class="field">
          <span>{t('issue.intro')}</span>
          {/* Typed as the issue's own fields type it once created (IssueFieldsForm): in the
              exports' language, with French typography (« Pourquoi ? », « l’État »). */}
          <LinesTextarea
            rows={2}
            value={intro}
            onChange={(next) => keep({ intro: next })}
            lang={style.locale}
          />
        </label>
      </fieldset>
      {error && (
        <p class="notice notice--error" role="alert">
          {error.text}
          <FailureDetail detail={error.detail} />
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="button button--primary" disabled={!!refused}>
          {t('issue.create')}
        </button>
        {onCancel && (
          <button type="button" class="button" onClick={letGo}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
