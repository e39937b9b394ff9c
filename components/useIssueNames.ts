import { issueTitleShortened } from '../export/house-style';
import type { Issue } from '../storage/db';
import { DEFAULT_HOUSE_STYLE } from '../storage/house-style';
import { ISSUE_TEXT_LIMITS } from '../storage/record-values';
import { issueOptionTexts } from './IssueParts';
import { deskUser } from './sharedDesk';
import { useHouseStyle } from './useSettings';
import { useSharedDesk } from './useSharedDesk';

/**
 * The issues as the picker and « Déplacer vers… » name them ({@link issueOptionTexts}), by id:
 * an issue whose title was emptied in its fields by the title it goes out with, the house
 * pattern's for its date (« Les indiscrets du 15 mars », as the preview heads it), not a blank;
 * a longer title than its field takes (a backup's, the shared desk's) cut at a word: a menu lays
 * each option out whole.
 */
export function useIssueNames(issues: readonly Issue[]): Map<string, string> {
  const style = useHouseStyle() ?? DEFAULT_HOUSE_STYLE;
  const me = deskUser(useSharedDesk());
  return issueOptionTexts(
    issues.map((issue) => ({
      ...issue,
      title: issueTitleShortened(issue, style, ISSUE_TEXT_LIMITS.title),
    })),
    me,
  );
}
