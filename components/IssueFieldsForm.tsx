import { useRef } from 'preact/hooks';
import {
  houseTitlePatterns,
  issueTitle,
  issueTitleShortened,
  parseIsoDate,
  titleAfterDateChange,
} from '../export/house-style';
import { t, type MessageKey } from '../locales';
import type { Issue } from '../storage/db';
import { DEFAULT_HOUSE_STYLE } from '../storage/house-style';
import { ISSUE_TEXT_LIMITS } from '../storage/record-values';
import { deleteIssue, isLengthBudget, type IssueField } from '../storage/issues';
import { ConflictChooser } from './ConflictChooser';
import { DateField } from './DateField';
import { oneLine } from './conflictFields';
import { describedBy, LongValue, PasteCut, shownInField } from './FieldCut';
import { LinesTextarea } from './LinesTextarea';
import { deskRefusal } from './roles';
import { useRefused } from './RoleReason';
import type { IssueWorkspace } from './useIssueWorkspace';
import { useHouseStyle } from './useSettings';
import { useSharedDesk } from './useSharedDesk';
import { useUndo } from './Undo';
import { useCutPaste } from './useCutPaste';

/**
 * Where each field is written in the folded fields: the keyboard goes back there after a choice
 * in the conflict chooser (« Garder la mienne », « Prendre l’autre »).
 */
const FIELD_CONTROLS: Record<IssueField, string> = {
  title: '[data-field="title"] input',
  date: '.date-field input',
  lengthBudget: 'input[type="number"]',
  intro: 'textarea',
};

const FIELD_LABELS: Record<IssueField, MessageKey> = {
  title: 'issue.title',
  date: 'issue.date',
  intro: 'issue.intro',
  lengthBudget: 'issue.budget',
};

interface Props {
  workspace: IssueWorkspace;
  /** Folded at first: the items come first, the issue's own fields on request. */
  open?: boolean;
  /** Shows another issue (`null`: none), as the picker does: after a deletion. */
  onSelectIssue: (id: string | null) => void;
}

/** The issue's own fields (title, date, length budget, intro), its conflicts and its deletion. */
export function IssueFieldsForm({ workspace, open, onSelectIssue }: Props) {
  const { issue, fields, setFields, synced } = workspace;
  const undo = useUndo();
  const budget = fields.lengthBudget;
  const budgetValid = budget === undefined || isLengthBudget(budget);
  // The shared desk: an issue is an Editor's; another role reads its fields greyed, with why.
  const desk = useSharedDesk();
  const target = { kind: 'issue', desk: issue.desk } as const;
  const cannotEdit = deskRefusal(desk, 'edit', target);
  const deletion = useRefused(deskRefusal(desk, 'trash', target));
  // The last valid date the issue had: the date field gives '' while a date is being typed, and
  // the title follows the date from the last valid one to the next.
  const style = useHouseStyle();
  const lastDate = useRef(fields.date);
  // The folded fields: the keyboard goes back to one after a choice in the conflict chooser.
  const form = useRef<HTMLDetailsElement>(null);
  if (parseIsoDate(fields.date)) lastDate.current = fields.date;
  // A title longer than the field takes (a backup's, the shared desk's): its start, said so.
  const title = shownInField(fields.title, ISSUE_TEXT_LIMITS.title);
  const titlePaste = useCutPaste(ISSUE_TEXT_LIMITS.title);
  return (
    <>
      {/* Outside the folded fields: a conflict or a failed save must be seen when folded too. */}
      <ConflictChooser<Issue, IssueField>
        conflicts={synced.conflicts}
        label={(field) => t(FIELD_LABELS[field])}
        // Its title held to the field's limit (a backup's may be 2,000,000 characters).
        show={(field, value) => oneLine(field, String(value))}
        onChoose={synced.resolve}
        keyboardBack={{
          title: issueTitleShortened(fields, style ?? DEFAULT_HOUSE_STYLE, ISSUE_TEXT_LIMITS.title),
          field: (field) => form.current?.querySelector<HTMLElement>(FIELD_CONTROLS[field]),
        }}
      />
      {(synced.state === 'error' || synced.state === 'quota') && (
        <p class="save-state save-state--error" role="alert" data-testid="issue-save-state">
          {t(`save.${synced.state}`)}
        </p>
      )}
      <details class="issue__fields" open={open} ref={form}>
        <summary>{t('issue.settings')}</summary>
        {cannotEdit && (
          <p
            class="notice role-notice"
            id={`issue-refused-${issue.id}`}
            data-testid="issue-fields-refused"
          >
            {cannotEdit}
          </p>
        )}
        <fieldset
          class="plain-fieldset"
          disabled={!!cannotEdit}
          aria-describedby={cannotEdit ? `issue-refused-${issue.id}` : undefined}
        >
          <label class="field" data-field="title">
            <span>{t('issue.title')}</span>
            <input
              type="text"
              value={title.shown}
              maxLength={ISSUE_TEXT_LIMITS.title}
              // Emptied, the issue goes out under the house pattern's title for its date: said
              // here, as the picker and the preview name it, rather than a blank.
              placeholder={issueTitle(
                { title: '', date: lastDate.current },
                style ?? DEFAULT_HOUSE_STYLE,
              )}
              onPaste={titlePaste.onPaste}
              onInput={(e) => {
                const typed = (e.target as HTMLInputElement).value;
                titlePaste.typed(typed);
                setFields({ ...fields, title: typed });
              }}
              aria-describedby={describedBy(
                title.cut && `issue-title-long-${issue.id}`,
                titlePaste.cut && `issue-title-cut-${issue.id}`,
              )}
            />
          </label>
          {title.cut && (
            <LongValue
              id={`issue-title-long-${issue.id}`}
              value={fields.title}
              shown={title.shown}
            />
          )}
          <PasteCut
            id={`issue-title-cut-${issue.id}`}
            cut={titlePaste.cut}
            max={ISSUE_TEXT_LIMITS.title}
          />
          <div class="field-row">
            <DateField
              label={t('issue.date')}
              value={fields.date}
              required
              onChange={(date) =>
                setFields({
                  ...fields,
                  date,
                  // A title the house pattern gave follows the date; one the editor wrote stays.
                  title: titleAfterDateChange(
                    fields.title,
                    lastDate.current,
                    date,
                    // The house pattern, or the one the title was made with if the house
                    // changed its pattern or export language since: either language's default.
                    houseTitlePatterns(style),
                  ),
                })
              }
            />
            <label class="field">
              <span>{t('issue.budget')}</span>
              <input
                type="number"
                min={1}
                step={100}
                // An invalid budget is left as typed, to be corrected: not replaced by its number.
                value={budgetValid ? (budget ?? '') : undefined}
                placeholder={t('issue.noBudget')}
                aria-invalid={!budgetValid}
                aria-describedby={budgetValid ? undefined : `issue-budget-error-${issue.id}`}
                onInput={(e) => {
                  // Empty: no budget. Anything else must be a whole number of signs above zero.
                  const field = e.target as HTMLInputElement;
                  const raw = field.value.trim();
                  // Firefox's number field takes any key, and gives '' for what is no number
                  // (« 3 000 », French thousands): that is a wrong budget, not none, which would
                  // erase the one stored while the field still shows what was typed.
                  const lengthBudget = field.validity.badInput
                    ? 0
                    : raw === ''
                      ? undefined
                      : Number(raw) || 0;
                  setFields({ ...fields, lengthBudget });
                }}
              />
              {!budgetValid && (
                <small id={`issue-budget-error-${issue.id}`} class="field-error">
                  {t('issue.badBudget')}
                </small>
              )}
            </label>
          </div>
          <label class="field">
            <span>{t('issue.intro')}</span>
            <LinesTextarea
              rows={2}
              value={fields.intro}
              onChange={(intro) => setFields({ ...fields, intro })}
              lang={(style ?? DEFAULT_HOUSE_STYLE).locale}
            />
          </label>
        </fieldset>
        <div class="issue__actions">
          <button
            type="button"
            class="button button--small button--danger"
            {...deletion.control}
            onClick={async () => {
              // No question first: the deletion can be undone, as a draft's can.
              const token = await deleteIssue(issue.id);
              onSelectIssue(null);
              if (token) {
                // Undone, the issue is shown again by the view (App's onUndone), whichever it is.
                // Named as the picker named it: a title rubbed out in its field is the one the
                // house pattern gives its date, not « ».
                const title = issueTitleShortened(
                  issue,
                  style ?? DEFAULT_HOUSE_STYLE,
                  ISSUE_TEXT_LIMITS.title,
                );
                undo.offer(token, t('undo.issueDeleted', { title }), {
                  // The button that had the keyboard is gone with the issue's form.
                  focus: true,
                });
              }
            }}
          >
            {t('issue.delete')}
          </button>
          {deletion.reason}
        </div>
      </details>
    </>
  );
}
