import { useState } from 'preact/hooks';
import { t } from '../locales';
import type { Issue } from '../storage/db';
import { IssueFieldsForm } from './IssueFieldsForm';
import { IssueItems } from './IssueItems';
import { IssueOutput } from './IssueOutput';
import { IssuePicker, PickHint, useIssues } from './IssuePicker';
import { IssueDeletedNotice } from './TakenOutNotice';
import { NewIssueForm } from './NewIssueForm';
import { useIssueWorkspace } from './useIssueWorkspace';

interface Props {
  currentIssueId: string | null | undefined;
  onSelectIssue: (id: string | null) => void;
  onOpenDraft: (id: string) => void;
  /** The popup folds the issue's own fields (title, date…) away, to show the items first. */
  compact?: boolean;
  /** The draft open in the desk's editor, marked in the list. */
  selectedId?: string;
}

/**
 * The issue being composed, in one column (the popup): which issue, its fields, its items in
 * order with their checks and counts, then publishing, exports and the live preview. The desk
 * lays the same parts out side by side (see Desk.tsx).
 */
export function IssueView({
  currentIssueId,
  onSelectIssue,
  onOpenDraft,
  compact,
  selectedId,
}: Props) {
  const { issues, issue } = useIssues(currentIssueId);
  const [creating, setCreating] = useState(false);

  if (!issues) return <p class="muted">{t('common.loading')}</p>;

  const picker = (
    <IssuePicker
      issues={issues}
      issue={issue}
      onSelectIssue={onSelectIssue}
      onCreate={() => setCreating(true)}
    />
  );

  if (creating || issues.length === 0) {
    return (
      <section class="issue">
        {issues.length > 0 && picker}
        <IssueDeletedNotice />
        <NewIssueForm
          onCreated={(id) => {
            setCreating(false);
            onSelectIssue(id);
          }}
          onCancel={
            issues.length > 0
              ? () => {
                  setCreating(false);
                  // Back on the button that asked for the form, which stays.
                  setTimeout(() =>
                    document
                      .querySelector<HTMLElement>('.issue [data-testid="new-issue"]')
                      ?.focus(),
                  );
                }
              : undefined
          }
          // Asked for with « + Nouveau numéro »: the form takes the keyboard.
          autoFocus={creating}
        />
      </section>
    );
  }

  return (
    <section class="issue" aria-label={t('issue.heading')}>
      {picker}
      {issue ? (
        <IssueStack
          key={issue.id}
          compact={compact}
          selectedId={selectedId}
          issue={issue}
          issues={issues}
          onOpenDraft={onOpenDraft}
          onSelectIssue={onSelectIssue}
        />
      ) : (
        <>
          <IssueDeletedNotice />
          <PickHint />
        </>
      )}
    </section>
  );
}

interface StackProps {
  compact?: boolean;
  selectedId?: string;
  issue: Issue;
  issues: Issue[];
  onOpenDraft: (id: string) => void;
  onSelectIssue: (id: string | null) => void;
}

function IssueStack({
  compact,
  selectedId,
  issue,
  issues,
  onOpenDraft,
  onSelectIssue,
}: StackProps) {
  const workspace = useIssueWorkspace(issue);
  return (
    <div class="issue__editor">
      <IssueFieldsForm workspace={workspace} open={!compact} onSelectIssue={onSelectIssue} />
      <IssueItems
        workspace={workspace}
        otherIssues={issues.filter((other) => other.id !== issue.id)}
        onOpenDraft={onOpenDraft}
        selectedId={selectedId}
      />
      {workspace.items && <IssueOutput workspace={workspace} previewToggle />}
    </div>
  );
}
