/**
 * The seed of the Chromium and Firefox tests of the items a colleague took out of the issue
 * (tests/browser/taken-out.test.ts, tests/firefox/taken-out.test.ts): the records and sync state
 * a sync leaves when Paul Martin took three items out of « Les indiscrets du 15 mars », and what
 * the issue's column says of them.
 */
import { SHARED_DESK_STATE, storedIssue, syncedDraft } from './database';

export const ISSUE = 'taken-out-issue-15';
export const OTHER = 'taken-out-issue-22';

const draft = (id: string, title: string, second: number, fields: object = {}) => ({
  ...syncedDraft({ id, title, second }),
  ...fields,
});

const notice = (recordId: string, title: string, fields: object = {}) => ({
  key: `draft:${recordId}`,
  recordId,
  issueId: ISSUE,
  title,
  to: 'inbox',
  by: 'Paul Martin',
  at: '2026-03-15T10:00:00.000Z',
  ...fields,
});

/** The issues, the drafts (one left in the issue) and the sync state with three notices. */
export function seeded() {
  const now = new Date().toISOString();
  return {
    issues: [
      storedIssue(ISSUE, { at: now }),
      storedIssue(OTHER, { title: 'Les indiscrets du 22 mars', at: now }),
    ],
    clips: [
      draft('stays', 'OVH reste', 1, { issueId: ISSUE, sortKey: 'a0' }),
      draft('removed', 'Bpifrance recrute', 2),
      draft('moved', 'Le ministre et le yacht', 3, { issueId: OTHER, sortKey: 'a0' }),
      draft('trashed', 'La vedette du ministre', 4, {
        issueId: ISSUE,
        sortKey: 'a1',
        deletedAt: now,
      }),
    ],
    syncState: [
      {
        ...SHARED_DESK_STATE,
        takenOut: [
          notice('removed', 'Bpifrance recrute'),
          notice('moved', 'Le ministre et le yacht', {
            to: 'issue',
            toIssueId: OTHER,
            toIssue: 'Les indiscrets du 22 mars',
          }),
          notice('trashed', 'La vedette du ministre', { to: 'trash' }),
        ],
      },
    ],
  };
}

/** What the issue's column says of them (its lines and buttons apart: compare spaces folded). */
export const SAID =
  'Paul Martin a retiré 3 indiscrets du numéro\u00a0: ' +
  '«\u00a0Bpifrance recrute\u00a0»\u00a0: remis dans les brouillons Ouvrir ' +
  '«\u00a0Le ministre et le yacht\u00a0»\u00a0: déplacé vers «\u00a0Les indiscrets du 22 mars\u00a0» Ouvrir ' +
  '«\u00a0La vedette du ministre\u00a0»\u00a0: mis à la corbeille Ouvrir Fermer';

export const LATER_ISSUE = 'taken-out-issue-29';
export const LATER_DRAFT = 'taken-out-yacht';

/**
 * Two notices naming what this browser does not have yet: an item moved to an issue, another
 * merged into a draft, both of Paul Martin's that a later sync brings ({@link laterRecords}).
 */
export function seededBeforeTargets() {
  const now = new Date().toISOString();
  return {
    issues: [storedIssue(ISSUE, { at: now })],
    clips: [draft('stays', 'OVH reste', 1, { issueId: ISSUE, sortKey: 'a0' })],
    syncState: [
      {
        ...SHARED_DESK_STATE,
        takenOut: [
          notice('moved-later', 'Bpifrance recrute', { to: 'issue', toIssueId: LATER_ISSUE }),
          notice('merged-later', 'La vedette du ministre', {
            to: 'merged',
            mergedInto: LATER_DRAFT,
          }),
        ],
      },
    ],
  };
}

/** What the later sync brings: the issue and the draft those two notices name by id. */
export function laterRecords() {
  return {
    issues: [storedIssue(LATER_ISSUE, { title: 'Les indiscrets du 29 mars' })],
    clips: [draft(LATER_DRAFT, 'Le yacht du ministre', 5)],
  };
}

export const DELETED_ISSUE = 'taken-out-issue-gone';

/**
 * Paul Martin deleted « Les indiscrets du 29 mars », which this browser had open: the sync
 * removed it and sent its three items to the inbox, and kept the notice (SyncState.issuesDeleted).
 * Two issues are left, so the app does not switch to one on its own.
 */
export function seededIssueDeleted() {
  const now = new Date().toISOString();
  return {
    issues: [
      storedIssue(ISSUE, { at: now }),
      storedIssue(OTHER, { title: 'Les indiscrets du 22 mars', at: now }),
    ],
    clips: [
      draft('back-1', 'Bpifrance recrute', 1),
      draft('back-2', 'Le ministre et le yacht', 2),
      draft('back-3', 'La vedette du ministre', 3),
    ],
    syncState: [
      {
        ...SHARED_DESK_STATE,
        issuesDeleted: [
          {
            key: `issue:${DELETED_ISSUE}`,
            issueId: DELETED_ISSUE,
            title: 'Les indiscrets du 29 mars',
            date: '2026-03-29',
            items: 3,
            by: 'Paul Martin',
            at: '2026-03-15T10:00:00.000Z',
          },
        ],
      },
    ],
  };
}

/**
 * The same, one issue left (« Les indiscrets du 15 mars », with its one item): the app takes it
 * in place of the one deleted (components/useOnlyIssue.ts).
 */
export function seededIssueDeletedOneLeft() {
  const now = new Date().toISOString();
  const { clips, syncState } = seededIssueDeleted();
  return {
    issues: [storedIssue(ISSUE, { at: now })],
    clips: [...clips, draft('stays', 'OVH reste', 4, { issueId: ISSUE, sortKey: 'a0' })],
    syncState,
  };
}

/** What the column says of it. */
export const SAID_DELETED =
  'Paul Martin a supprimé le numéro «\u00a0Les indiscrets du 29 mars\u00a0». ' +
  'Ses 3 indiscrets sont remis dans les brouillons. Fermer';
