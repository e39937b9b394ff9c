import { useMemo, useState } from 'preact/hooks';
import { t, type MessageKey } from '../locales';
import type { Check, Draft, Issue } from '../storage/db';
import {
  addToIssue,
  checkIssue,
  deleteIssue,
  getIssue,
  isIsoDate,
  isLengthBudget,
  issueItems,
  listIssues,
  moveItem,
  moveToIssue,
  removeFromIssue,
  saveIssueEdit,
  ISSUE_EDITABLE_FIELDS,
  type IssueField,
} from '../storage/issues';
import { commitIssueJournal, journalIssueEdit } from '../storage/journal';
import { ConflictChooser } from './ConflictChooser';
import { useSyncedRecord } from './useSyncedRecord';
import { renderHtml } from '../export';
import { useHouseStyle } from './useSettings';
import { DRAFT_MIME } from './Inbox';
import { ExportPanel } from './ExportPanel';
import { NewIssueForm } from './NewIssueForm';
import { DateField } from './DateField';
import { PublishPanel } from './PublishPanel';
import { ReorderList } from './ReorderList';
import { toExportIssue } from '../export/from-issue';
import { countText, itemText } from './richtext';
import { useLiveQuery } from './useLiveQuery';
import { DeskMarks } from './DeskMarks';
import { refusedReason, useSharedDesk } from './useSharedDesk';

interface Props {
  currentIssueId: string | null | undefined;
  onSelectIssue: (id: string | null) => void;
  onOpenDraft: (id: string) => void;
  /** The popup folds the issue's own fields (title, date…) away, to show the items first. */
  compact?: boolean;
  /** The draft open in the desk's editor, marked in the list. */
  selectedId?: string;
}

/** The issue being composed: its items in order, their checks, counts and the live preview. */
export function IssueView({
  currentIssueId,
  onSelectIssue,
  onOpenDraft,
  compact,
  selectedId,
}: Props) {
  const issues = useLiveQuery(() => listIssues(), []);
  const issue = useLiveQuery(
    () => (currentIssueId ? getIssue(currentIssueId) : undefined),
    [currentIssueId],
  );
  const [creating, setCreating] = useState(false);

  if (!issues) return <p class="muted">{t('common.loading')}</p>;

  const picker = (
    <div class="issue__picker">
      <label>
        <span class="visually-hidden">{t('issue.pick')}</span>
        <select
          aria-label={t('issue.pick')}
          value={issue?.id ?? ''}
          onChange={(e) => onSelectIssue((e.target as HTMLSelectElement).value || null)}
        >
          {!issue && <option value="">{t('issue.none')}</option>}
          {issues.map((item) => (
            <option value={item.id} key={item.id}>
              {item.title}
              {item.status !== 'open' ? ` (${t(`issue.status.${item.status}`)})` : ''}
            </option>
          ))}
        </select>
      </label>
      <button type="button" class="button button--small" onClick={() => setCreating(true)}>
        + {t('issue.new')}
      </button>
    </div>
  );

  if (creating || issues.length === 0) {
    return (
      <section class="issue">
        {issues.length > 0 && picker}
        <NewIssueForm
          onCreated={(id) => {
            setCreating(false);
            onSelectIssue(id);
          }}
          onCancel={issues.length > 0 ? () => setCreating(false) : undefined}
        />
      </section>
    );
  }

  return (
    <section class="issue" aria-label={t('issue.heading')}>
      {picker}
      {issue ? (
        <IssueEditor
          key={issue.id}
          compact={compact}
          selectedId={selectedId}
          issue={issue}
          issues={issues}
          onOpenDraft={onOpenDraft}
          onDeleted={() => onSelectIssue(null)}
        />
      ) : (
        <p class="muted">{t('issue.pickHint')}</p>
      )}
    </section>
  );
}

type IssueFields = Pick<Issue, IssueField>;

const FIELD_LABELS: Record<IssueField, MessageKey> = {
  title: 'issue.title',
  date: 'issue.date',
  intro: 'issue.intro',
  lengthBudget: 'issue.budget',
};

/** A date or a budget is stored once it is one; what is half typed stays on screen. */
function writable(field: IssueField, value: IssueFields[IssueField]): boolean {
  if (field === 'date') return isIsoDate(value as string);
  // No budget (`undefined`) is one choice; otherwise a whole number of signs above zero.
  if (field === 'lengthBudget') return value === undefined || isLengthBudget(value as number);
  return true;
}

interface EditorProps {
  compact?: boolean;
  selectedId?: string;
  issue: Issue;
  issues: Issue[];
  onOpenDraft: (id: string) => void;
  onDeleted: () => void;
}

function IssueEditor({ compact, selectedId, issue, issues, onOpenDraft, onDeleted }: EditorProps) {
  const items = useLiveQuery(() => issueItems(issue.id), [issue.id]);
  const checks = useLiveQuery(() => checkIssue(issue.id), [issue.id]);
  const style = useHouseStyle();
  const [preview, setPreview] = useState(true);
  // The shared desk: a role that may not order the issue or publish sees why, not a failure.
  const desk = useSharedDesk();
  const cannotArrange = refusedReason(desk, 'arrange');
  const cannotPublish = refusedReason(desk, 'publish');
  // The issue's own fields: every keystroke journaled, then written at once; changes made in
  // another view (the popup and the desk on one issue) merged field by field.
  const synced = useSyncedRecord<Issue, IssueField>({
    stored: issue,
    fields: ISSUE_EDITABLE_FIELDS,
    write: async (patch, base, at) => {
      const stamp = at ? () => at : undefined;
      const { issue: record, conflicts } = await saveIssueEdit(
        issue.id,
        patch,
        base,
        undefined,
        stamp,
      );
      return { record, conflicts };
    },
    journal: {
      write: (patch) => journalIssueEdit(issue.id, patch).at,
      commit: (at) => commitIssueJournal(issue.id, at),
    },
    writable,
  });
  const fields: IssueFields = synced.form ?? issue;
  const setFields = (next: IssueFields) => {
    const patch: Partial<IssueFields> = {};
    for (const field of ISSUE_EDITABLE_FIELDS) {
      if (next[field] !== fields[field]) (patch as Record<string, unknown>)[field] = next[field];
    }
    synced.edit(patch);
  };
  const budget = fields.lengthBudget;
  const budgetValid = budget === undefined || isLengthBudget(budget);

  const model = useMemo(
    () => (items ? toExportIssue({ ...issue, ...fields }, items) : undefined),
    [items, issue, fields],
  );
  const previewHtml = useMemo(
    () => (model && style ? renderHtml(model, style) : ''),
    [model, style],
  );

  if (!items || !checks) return <p class="muted">{t('common.loading')}</p>;

  const counts = items.map((item) => countText(itemText(item.body)));
  const total = counts.reduce(
    (sum, c) => ({ words: sum.words + c.words, chars: sum.chars + c.chars }),
    { words: 0, chars: 0 },
  );
  const over = budget !== undefined && budgetValid && total.chars > budget;
  const problems = Object.values(checks).reduce((sum, list) => sum + list.length, 0);

  return (
    <div class="issue__editor">
      {/* Outside the folded fields: a conflict or a failed save must be seen in the popup too. */}
      <ConflictChooser<Issue, IssueField>
        conflicts={synced.conflicts}
        label={(field) => t(FIELD_LABELS[field])}
        show={(_field, value) => String(value)}
        onChoose={synced.resolve}
      />
      {(synced.state === 'error' || synced.state === 'quota') && (
        <p class="save-state save-state--error" role="alert" data-testid="issue-save-state">
          {t(`save.${synced.state}`)}
        </p>
      )}
      <details class="issue__fields" open={!compact}>
        <summary>{t('issue.settings')}</summary>
        <label class="field">
          <span>{t('issue.title')}</span>
          <input
            type="text"
            value={fields.title}
            onInput={(e) => setFields({ ...fields, title: (e.target as HTMLInputElement).value })}
          />
        </label>
        <div class="field-row">
          <DateField
            label={t('issue.date')}
            value={fields.date}
            required
            onChange={(date) => setFields({ ...fields, date })}
          />
          <label class="field">
            <span>{t('issue.budget')}</span>
            <input
              type="number"
              min={1}
              step={100}
              value={budget ?? ''}
              placeholder={t('issue.noBudget')}
              aria-invalid={!budgetValid}
              onInput={(e) => {
                // Empty: no budget. Anything else must be a whole number of signs above zero.
                const raw = (e.target as HTMLInputElement).value.trim();
                setFields({ ...fields, lengthBudget: raw === '' ? undefined : Number(raw) || 0 });
              }}
            />
          </label>
        </div>
        <label class="field">
          <span>{t('issue.intro')}</span>
          <textarea
            rows={2}
            value={fields.intro}
            onInput={(e) =>
              setFields({ ...fields, intro: (e.target as HTMLTextAreaElement).value })
            }
          />
        </label>
      </details>

      <p class={`issue__totals${over ? ' issue__totals--over' : ''}`} data-testid="issue-totals">
        {budget !== undefined && budgetValid
          ? t('counts.issue', {
              items: items.length,
              words: total.words,
              chars: total.chars,
              budget,
            })
          : t('counts.issueNoBudget', {
              items: items.length,
              words: total.words,
              chars: total.chars,
            })}
        {over && ` · ${t('counts.over', { chars: total.chars - budget })}`}
        {problems > 0 && ` · ${t('checks.count', { count: problems })}`}
      </p>

      <DeskMarks mark={issue.desk} kind="issue" />
      {cannotArrange && (
        <p class="notice role-notice" data-testid="role-notice">
          {cannotArrange}
        </p>
      )}
      {items.length === 0 ? (
        <DropZone issueId={issue.id} />
      ) : (
        <ReorderList
          locked={!!cannotArrange}
          items={items}
          getId={(item) => item.id}
          getLabel={(item) => item.title}
          label={t('issue.items')}
          onMove={(id, toIndex) =>
            moveItem(issue.id, id, toIndex).catch((error) =>
              console.error('Indiscrets move', error),
            )
          }
          foreignTypes={[DRAFT_MIME]}
          onForeignDrop={(event, toIndex) => {
            const draftId = event.dataTransfer?.getData(DRAFT_MIME);
            if (!draftId) return false;
            // A draft from the inbox goes where it was dropped, not at the end.
            void addToIssue(draftId, issue.id)
              .then(() => moveItem(issue.id, draftId, toIndex))
              .catch((error) => console.error('Indiscrets add to issue', error));
            return true;
          }}
        >
          {(item, index) => (
            <IssueItem
              item={item}
              counts={counts[index]!}
              checks={checks[item.id] ?? []}
              issues={issues.filter((other) => other.id !== issue.id)}
              onOpen={() => onOpenDraft(item.id)}
              selected={item.id === selectedId}
              arrangeRefused={cannotArrange}
            />
          )}
        </ReorderList>
      )}

      <div class="issue__actions">
        <button
          type="button"
          class="button button--small"
          aria-pressed={preview}
          onClick={() => setPreview(!preview)}
        >
          {t('issue.preview')}
        </button>
        <button
          type="button"
          class="button button--small button--danger"
          onClick={async () => {
            if (confirm(t('issue.deleteConfirm', { title: issue.title }))) {
              await deleteIssue(issue.id);
              onDeleted();
            }
          }}
        >
          {t('issue.delete')}
        </button>
      </div>
      {model && style && (
        <ExportPanel issue={issue} model={model} style={style} problems={problems} />
      )}
      {model && style && (
        <PublishPanel
          issue={issue}
          model={model}
          style={style}
          problems={problems}
          refused={cannotPublish}
        />
      )}
      {preview && (
        <article class="preview" aria-label={t('issue.preview')} data-testid="preview">
          {/* The export module escapes every value: this HTML holds no markup from the page. */}
          <div dangerouslySetInnerHTML={{ __html: previewHtml }} />
        </article>
      )}
    </div>
  );
}

function DropZone({ issueId }: { issueId: string }) {
  const [over, setOver] = useState(false);
  return (
    <p
      class={`dropzone${over ? ' dropzone--over' : ''}`}
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
          void addToIssue(id, issueId);
        }
      }}
    >
      {t('issue.empty')}
    </p>
  );
}

interface ItemProps {
  item: Draft;
  counts: { words: number; chars: number };
  checks: Check[];
  issues: Issue[];
  onOpen: () => void;
  selected?: boolean;
  /** Why the user's role may not arrange the issue (shared desk), if it may not. */
  arrangeRefused?: string;
}

function IssueItem({ item, counts, checks, issues, onOpen, selected, arrangeRefused }: ItemProps) {
  const text = itemText(item.body);
  const fail = (what: string) => (error: unknown) => console.error(`Indiscrets ${what}`, error);
  return (
    <div class={`issue-item${selected ? ' issue-item--selected' : ''}`}>
      <button
        type="button"
        class="linklike issue-item__title"
        onClick={onOpen}
        aria-current={selected || undefined}
      >
        {item.title}
      </button>
      {text && <p class="issue-item__text">{text}</p>}
      <DeskMarks mark={item.desk} kind="draft" />
      {checks.length > 0 && (
        <ul class="checks" data-testid="checks">
          {checks.map((check, index) => (
            <li key={index} class="check">
              ⚠{' '}
              {t(`checks.${check.code}`, {
                url: check.url ?? '',
                title: check.otherTitle ?? '',
                issue: check.otherIssueTitle ?? '',
              })}
            </li>
          ))}
        </ul>
      )}
      <div class="issue-item__actions">
        <button
          type="button"
          class="button button--small"
          aria-label={t('issue.removeNamed', { title: item.title })}
          disabled={!!arrangeRefused}
          title={arrangeRefused}
          onClick={() => void removeFromIssue(item.id).catch(fail('remove from issue'))}
        >
          {t('issue.remove')}
        </button>
        {issues.length > 0 && (
          <select
            aria-label={t('issue.moveToNamed', { title: item.title })}
            disabled={!!arrangeRefused}
            title={arrangeRefused}
            value=""
            onChange={(e) => {
              const select = e.target as HTMLSelectElement;
              const target = select.value;
              // The menu is an action, not a state: it shows its prompt again.
              select.value = '';
              if (target) void moveToIssue(item.id, target).catch(fail('move to issue'));
            }}
          >
            <option value="">{t('issue.moveTo')}</option>
            {issues.map((other) => (
              <option value={other.id} key={other.id}>
                {other.title}
              </option>
            ))}
          </select>
        )}
        <span class="muted issue-item__counts">{t('counts.item', counts)}</span>
      </div>
    </div>
  );
}
