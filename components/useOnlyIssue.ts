import { useEffect } from 'preact/hooks';
import { issueFellBack } from '../storage/settings';
import { useDataQuery } from './data';

/** How many gone issues a fall back remembers (one after another, each the only one left). */
const FELL_BACK_KEPT = 10;

/**
 * Notes that the column, which had issue `from` chosen (gone now), falls back to `to`: the notice
 * of its deletion is said there (components/TakenOutNotice.tsx), as where it was open. One that
 * fell back to `from` before keeps what it fell back from; so does one another open view (the
 * popup, the desk: one chosen issue for both) already moved on to `to`, for this same `from`.
 */
async function noteFallBack(from: string, to: string): Promise<void> {
  const before = await issueFellBack.getValue();
  const chain = before && (before.to === from || before.to === to);
  const gone = chain ? before.from.filter((id) => id !== from) : [];
  await issueFellBack.setValue({ from: [...gone, from].slice(-FELL_BACK_KEPT), to });
}

/**
 * With no issue chosen in this browser (none yet, or the one chosen is gone) and exactly one
 * issue here, that one becomes the current issue: there is nothing to choose. A desk joined with
 * its one issue (after the first sync) asked the editor to pick it in « Numéro en cours », and
 * the inbox could add no draft to it meanwhile. Two issues or more, the editor chooses. Taking
 * it in place of a chosen issue now gone is noted first ({@link noteFallBack}).
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
    if (!only || only === currentIssueId) return;
    if (!currentIssueId) {
      onSelectIssue(only);
      return;
    }
    noteFallBack(currentIssueId, only).then(
      () => onSelectIssue(only),
      (error: unknown) => {
        console.error('Indiscrets fall back', error);
        onSelectIssue(only);
      },
    );
  }, [only]);
}
