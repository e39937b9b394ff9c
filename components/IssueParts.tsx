import { t } from '../locales';
import type { Check, Issue } from '../storage/db';

/**
 * Pieces drawn the same by the live desk and by its first screen (DeskFirstScreen, before the
 * database layer is loaded): this module only needs the messages, so that first screen stays
 * light.
 */

interface TotalsProps {
  items: number;
  words: number;
  chars: number;
  /** The issue's length budget, in characters, if it has one. */
  budget?: number;
  /** Whether the text is longer than the budget allows. */
  over: boolean;
  /** How many checks the items fail. */
  problems: number;
}

/** The issue's totals against its budget: « 3 indiscrets · 410 mots · 2 530 / 3 000 signes ». */
export function IssueTotals({ items, words, chars, budget, over, problems }: TotalsProps) {
  return (
    <p class={`issue__totals${over ? ' issue__totals--over' : ''}`} data-testid="issue-totals">
      {budget !== undefined
        ? t('counts.issue', { items, words, chars, budget })
        : t('counts.issueNoBudget', { items, words, chars })}
      {over && budget !== undefined && ` · ${t('counts.over', { chars: chars - budget })}`}
      {problems > 0 && ` · ${t('checks.count', { count: problems })}`}
    </p>
  );
}

/** What an item's checks found (a source cited twice, in another issue…), one line each. */
export function CheckList({ checks }: { checks: readonly Check[] }) {
  if (checks.length === 0) return null;
  return (
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
  );
}

/** An issue as the picker names it: its title, and its status unless it is open. */
export function issueOptionText(issue: Pick<Issue, 'title' | 'status'>): string {
  return issue.status !== 'open'
    ? `${issue.title} (${t(`issue.status.${issue.status}`)})`
    : issue.title;
}
