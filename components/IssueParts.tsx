import { shortened } from '../lib/ellipsis';
import { t } from '../locales';
import type { Check, Issue } from '../storage/db';
import { sentStatus } from './publishedLine';

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

/**
 * How much of a title the picker shows before the status that follows it, so that « (exporté) »
 * is not the part its width hides: the house pattern's longest title (« Les indiscrets du 1er
 * septembre ») whole, and the desk's picker fits it with its status from 1,280 px.
 */
const TITLE_BEFORE_STATUS = 32;

/**
 * An issue as the picker names it: its title, and its status unless it is open (the title cut
 * at a word to leave it room). `copy` tells apart issues that share a title: « (2) ». A
 * published issue says who sent it and when, as its publish panel does, in short: « (envoyé par
 * Claire Martin le 15 mars) », « (envoyé par vous le 15 mars) » for the desk's own user (`me`,
 * their WordPress id; null without a desk: « (envoyé le 15 mars) »).
 */
export function issueOptionText(
  issue: Pick<Issue, 'title' | 'status' | 'wordpress'>,
  copy?: number,
  me: number | null = null,
): string {
  const number = copy ? ` (${copy})` : '';
  if (issue.status === 'open') return `${issue.title}${number}`;
  // A cut title ends with « … » against its last word, not after a stranded « : » or « , ».
  const title = shortened(issue.title, TITLE_BEFORE_STATUS - number.length);
  const status =
    issue.status === 'published' && issue.wordpress
      ? sentStatus(issue.wordpress, me)
      : t(`issue.status.${issue.status}`);
  return `${title}${number} (${status})`;
}

/**
 * The picker's name for each issue ({@link issueOptionText}, `me` as there), by id. Issues that
 * share a title (two made for one date) are numbered in the order they were created, the first
 * without one.
 */
export function issueOptionTexts(
  issues: readonly Pick<Issue, 'id' | 'title' | 'status' | 'createdAt' | 'wordpress'>[],
  me: number | null = null,
): Map<string, string> {
  const byTitle = new Map<string, Pick<Issue, 'id' | 'createdAt'>[]>();
  for (const issue of issues) {
    const key = issue.title.trim();
    byTitle.set(key, [...(byTitle.get(key) ?? []), issue]);
  }
  const copies = new Map<string, number>();
  for (const same of byTitle.values()) {
    // Made in the same millisecond (a restore, a sync): by id, so that every view agrees.
    const key = (issue: Pick<Issue, 'id' | 'createdAt'>) => `${issue.createdAt} ${issue.id}`;
    const oldestFirst = [...same].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    for (const [index, issue] of oldestFirst.entries())
      if (index > 0) copies.set(issue.id, index + 1);
  }
  return new Map(
    issues.map((issue) => [issue.id, issueOptionText(issue, copies.get(issue.id), me)]),
  );
}

/**
 * Where the keyboard goes once an item is taken out with « Retirer » (on the live desk and on
 * its first screen alike): the next item's « Retirer », else the previous one's, else the empty
 * issue's message, named by item id (`''` for the message). `left`: the items still listed, in
 * order; `index`: where the one taken out was.
 */
export function focusAfterRemoval(left: readonly string[], index: number): string {
  return left[Math.min(index, left.length - 1)] ?? '';
}

/** Puts the focus on item `id`'s « Retirer » (`''`: the empty issue's message), if drawn. */
export function focusItemRemove(id: string): void {
  const target = id
    ? [...document.querySelectorAll('[data-item-id]')]
        .find((row) => row.getAttribute('data-item-id') === id)
        ?.querySelector<HTMLElement>('.issue-item__remove')
    : document.querySelector<HTMLElement>('[data-testid="issue-empty"]');
  target?.focus();
}

/** The item whose « Retirer » has the focus (`''`: the empty issue's message), if one has. */
export function focusedItemRemove(): string | undefined {
  const focused = document.activeElement;
  if (focused?.matches('[data-testid="issue-empty"]')) return '';
  if (!focused?.matches('.issue-item__remove')) return undefined;
  return focused.closest('[data-item-id]')?.getAttribute('data-item-id') ?? undefined;
}

export { focusLost } from './whenDrawn';
