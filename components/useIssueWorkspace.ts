import { useEffect, useMemo, useState } from 'preact/hooks';
import { afterPaint } from '../lib/after-paint';
import { mergeTextField } from '../lib/block-merge';
import type { Check, Draft, Issue } from '../storage/db';
import {
  checkIssue,
  isIsoDate,
  isLengthBudget,
  issueItems,
  saveIssueEdit,
  ISSUE_EDITABLE_FIELDS,
  type IssueField,
} from '../storage/issues';
import { issueJournal, newJournalView } from '../storage/journal';
import type { HouseStyle } from '../export/house-style';
import type { ExportIssue } from '../export/model';
import { toExportIssue } from '../export/from-issue';
import { countText, itemText } from './richtext';
import { useHouseStyle } from './useSettings';
import { issueTitleShortened } from '../export/house-style';
import { DEFAULT_HOUSE_STYLE } from '../storage/house-style';
import { ISSUE_TEXT_LIMITS } from '../storage/record-values';
import { useLiveQuery } from './useLiveQuery';
import { useSyncedRecord, type SyncedRecord } from './useSyncedRecord';

export type IssueFields = Pick<Issue, IssueField>;
export type Counts = { words: number; chars: number };

/** Items read ahead for an issue's workspace: being read, then `read`. */
interface ItemsAhead {
  issueId: string;
  reading: Promise<Draft[]>;
  read?: Draft[];
}

/** What readItemsAhead read last, taken by the next workspace that opens. */
let ahead: ItemsAhead | undefined;

/**
 * Reads an issue's items before its workspace asks for them: the desk knows which issue it opens
 * (a setting) before it has read that issue's record, and reading both at once spares the page
 * one database round trip before its first items show. The next workspace to open takes them
 * (read, then at its first render; or still being read) as its first answer, and its live query
 * follows any change from there; a workspace of another issue leaves them, and nothing is kept
 * for later ones. Call once the data layer is ready.
 */
export async function readItemsAhead(issueId: string): Promise<void> {
  const entry: ItemsAhead = { issueId, reading: issueItems(issueId) };
  ahead = entry;
  entry.read = await entry.reading;
}

/** The items read ahead for this issue, if any; either way nothing is kept for later. */
function takeItemsAhead(issueId: string): ItemsAhead | undefined {
  const taken = ahead;
  ahead = undefined;
  return taken?.issueId === issueId ? taken : undefined;
}

/** A date or a budget is stored once it is one; what is half typed stays on screen. */
function writable(field: IssueField, value: IssueFields[IssueField]): boolean {
  if (field === 'date') return isIsoDate(value as string);
  // No budget (`undefined`) is one choice; otherwise a whole number of signs above zero.
  if (field === 'lengthBudget') return value === undefined || isLengthBudget(value as number);
  return true;
}

/** Everything shown about one issue, shared by its list, its fields and its preview. */
export interface IssueWorkspace {
  issue: Issue;
  /** The issue's own fields as typed (ahead of the database while a save is pending). */
  fields: IssueFields;
  setFields: (next: IssueFields) => void;
  synced: SyncedRecord<Issue, IssueField>;
  /** `undefined` while loading. */
  items: Draft[] | undefined;
  checks: Record<string, Check[]> | undefined;
  counts: Counts[];
  total: Counts;
  /** The length budget when it is a valid one. */
  budget: number | undefined;
  budgetValid: boolean;
  over: boolean;
  /** Open checks, all items together. */
  problems: number;
  style: HouseStyle | undefined;
  /** `undefined` while loading, and until the items have been drawn once (see below). */
  model: ExportIssue | undefined;
}

/**
 * One issue being composed: its items and checks from the database, its own fields typed with
 * every keystroke journaled then written at once (changes made in another view merged field by
 * field), the counts against its budget and the export model its preview and exports use.
 */
export function useIssueWorkspace(issue: Issue): IssueWorkspace {
  const live = useLiveQuery(() => issueItems(issue.id), [issue.id]);
  // Until the live query answers: the items read ahead, if they are this issue's.
  const [ahead] = useState(() => takeItemsAhead(issue.id));
  const [early, setEarly] = useState(() => ahead?.read);
  useEffect(() => {
    if (!ahead || ahead.read) return;
    let mounted = true;
    ahead.reading.then(
      (read) => mounted && setEarly(read),
      () => undefined, // The live query reads them too, and says why it cannot.
    );
    return () => {
      mounted = false;
    };
  }, []);
  const items = live ?? (ahead?.issueId === issue.id ? early : undefined);
  const found = useLiveQuery(() => checkIssue(issue.id), [issue.id]);
  const style = useHouseStyle();
  const checks = useMemo(
    () => found && nameIssues(found, style ?? DEFAULT_HOUSE_STYLE),
    [found, style],
  );
  // This editor's own journal entry; the journal replay tells its writes from other views'.
  const [journal] = useState(() => issueJournal(issue.id, newJournalView()));
  const synced = useSyncedRecord<Issue, IssueField>({
    stored: issue,
    fields: ISSUE_EDITABLE_FIELDS,
    write: async (patch, base, at, held) => {
      const stamp = at ? () => at : undefined;
      const source = at ? { view: journal.view, at, held } : undefined;
      const { issue: record, conflicts } = await saveIssueEdit(
        issue.id,
        patch,
        base,
        undefined,
        stamp,
        source,
      );
      return { record, conflicts };
    },
    journal,
    writable,
    // The chapô (a text area) by lines.
    mergeText: (field, base, mine, theirs) =>
      mergeTextField(field === 'intro' ? 'lines' : undefined, base, mine, theirs),
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

  // The export model (every item's text cleaned and prepared) serves the publishing, the exports
  // and the preview beside the items: it is built once the items have been drawn (after the
  // frame that shows them), not before, since preparing a long issue takes longer than drawing
  // the part of it that shows. From then on it follows every change at once.
  const [modelWanted, setModelWanted] = useState(false);
  const itemsRead = items !== undefined;
  useEffect(() => {
    if (!itemsRead || modelWanted) return;
    return afterPaint(() => setModelWanted(true));
  }, [itemsRead, modelWanted]);
  const model = useMemo(
    () => (items && modelWanted ? toExportIssue({ ...issue, ...fields }, items) : undefined),
    [items, issue, fields, modelWanted],
  );
  const counts = useMemo(
    () => (items ?? []).map((item) => countText(itemText(item.body))),
    [items],
  );
  const total = counts.reduce(
    (sum, c) => ({ words: sum.words + c.words, chars: sum.chars + c.chars }),
    { words: 0, chars: 0 },
  );
  const problems = checks ? Object.values(checks).reduce((sum, list) => sum + list.length, 0) : 0;
  return {
    issue,
    fields,
    setFields,
    synced,
    items,
    checks,
    counts,
    total,
    budget: budgetValid ? budget : undefined,
    budgetValid,
    over: budget !== undefined && budgetValid && total.chars > budget,
    problems,
    style,
    model,
  };
}

/**
 * The checks with each earlier issue named as the picker, the preview and the exports name it:
 * its title, cut to a title's limit, or, rubbed out, the house pattern's for its date (« Source
 * déjà publiée dans « Les indiscrets du 1er mars » », where it said « dans «  » »).
 */
export function nameIssues(
  checks: Record<string, Check[]>,
  style: Pick<HouseStyle, 'titlePattern' | 'locale'>,
): Record<string, Check[]> {
  const named: Record<string, Check[]> = {};
  for (const [id, list] of Object.entries(checks)) {
    named[id] = list.map((check) =>
      check.otherIssueDate === undefined
        ? check
        : {
            ...check,
            otherIssueTitle: issueTitleShortened(
              { title: check.otherIssueTitle ?? '', date: check.otherIssueDate },
              style,
              ISSUE_TEXT_LIMITS.title,
            ),
          },
    );
  }
  return named;
}
