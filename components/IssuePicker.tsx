import { t } from '../locales';
import type { Issue } from '../storage/db';
import { getIssue, listIssues } from '../storage/issues';
import { forgetFallBack } from '../storage/settings';
import { useNewIssueStarted } from './NewIssueForm';
import { useIssueNames } from './useIssueNames';
import { deskRefusal } from './roles';
import { useRefused } from './RoleReason';
import { useLiveQuery } from './useLiveQuery';
import { useSharedDesk } from './useSharedDesk';

/**
 * Every issue (`undefined` while loading) and the one being composed, if any; `issueRead` once
 * the latter has been looked for (`issue` is `undefined` both before and when there is none).
 */
export function useIssues(currentIssueId: string | null | undefined) {
  const issues = useLiveQuery(() => listIssues(), []);
  const found = useLiveQuery(
    async () => (currentIssueId ? ((await getIssue(currentIssueId)) ?? null) : null),
    [currentIssueId],
  );
  return { issues, issue: found ?? undefined, issueRead: found !== undefined };
}

interface Props {
  issues: Issue[];
  issue: Issue | undefined;
  onSelectIssue: (id: string | null) => void;
  onCreate: () => void;
}

/** "Numéro en cours": which issue is being composed, and a way to start a new one. */
export function IssuePicker({ issues, issue, onSelectIssue, onCreate }: Props) {
  // The shared desk: a role that may not create issues sees why, on the button itself.
  const desk = useSharedDesk();
  const refused = useRefused(deskRefusal(desk, 'editIssues'));
  // A sent issue says who sent it: « vous » for this desk's user.
  const names = useIssueNames(issues);
  const started = useNewIssueStarted();
  return (
    <div class="issue__picker">
      <label>
        <span class="visually-hidden">{t('issue.pick')}</span>
        <select
          aria-label={t('issue.pick')}
          value={issue?.id ?? ''}
          onChange={(e) => {
            // The editor's own choice: no longer the column the app fell back to.
            void forgetFallBack();
            onSelectIssue((e.target as HTMLSelectElement).value || null);
          }}
        >
          {!issue && <option value="">{t('issue.none')}</option>}
          {issues.map((item) => (
            <option value={item.id} key={item.id}>
              {names.get(item.id)}
            </option>
          ))}
        </select>
      </label>
      {/* « (commencé) »: a new issue started and let go, which this button brings back. */}
      <button
        type="button"
        class="button button--small"
        onClick={onCreate}
        data-testid="new-issue"
        {...refused.control}
      >
        + {t(started ? 'issue.newStarted' : 'issue.new')}
      </button>
      {refused.reason}
    </div>
  );
}

/**
 * What to do with no issue chosen: « Choisissez ou créez un numéro. », without « ou créez » for a
 * role of the shared desk that may not create one (its « + Nouveau numéro » is greyed).
 */
export function PickHint() {
  const desk = useSharedDesk();
  const mayCreate = !deskRefusal(desk, 'editIssues');
  return <p class="muted">{t(mayCreate ? 'issue.pickHint' : 'issue.pickHintOnly')}</p>;
}
