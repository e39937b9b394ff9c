import { useEffect } from 'preact/hooks';
import { useDataQuery } from './data';

/**
 * With no issue chosen in this browser (none yet, or the one chosen is gone) and exactly one
 * issue here, that one becomes the current issue: there is nothing to choose. A desk joined with
 * its one issue (after the first sync) asked the editor to pick it in « Numéro en cours », and
 * the inbox could add no draft to it meanwhile. Two issues or more, the editor chooses.
 */
export function useOnlyIssue(
  currentIssueId: string | null | undefined,
  onSelectIssue: (id: string) => void,
): void {
  // `undefined` while the setting is read: the issue it names may be there.
  const only = useDataQuery(
    (data) => (currentIssueId === undefined ? undefined : data.onlyIssue(currentIssueId)),
    [currentIssueId],
  );
  useEffect(() => {
    if (only && only !== currentIssueId) onSelectIssue(only);
  }, [only]);
}
