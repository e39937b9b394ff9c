import { issueTitle } from '../export/house-style';
import type { Issue } from '../storage/db';
import { DEFAULT_HOUSE_STYLE } from '../storage/house-style';
import { issueOptionTexts } from './IssueParts';
import { deskUser } from './sharedDesk';
import { useHouseStyle } from './useSettings';
import { useSharedDesk } from './useSharedDesk';

/**
 * The issues as the picker and « Déplacer vers… » name them ({@link issueOptionTexts}), by id:
 * an issue whose title was emptied in its fields by the title it goes out with, the house
 * pattern's for its date (« Les indiscrets du 15 mars », as the preview heads it), not a blank.
 */
export function useIssueNames(issues: readonly Issue[]): Map<string, string> {
  const style = useHouseStyle() ?? DEFAULT_HOUSE_STYLE;
  const me = deskUser(useSharedDesk());
  return issueOptionTexts(
    issues.map((issue) => ({ ...issue, title: issueTitle(issue, style) })),
    me,
  );
}
