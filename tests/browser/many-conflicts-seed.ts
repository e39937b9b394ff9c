/**
 * The seed of the Chromium and Firefox tests of many conflicts at once in the shared desk's bar
 * (tests/browser/many-conflicts.test.ts, tests/firefox/many-conflicts.test.ts): twelve drafts of
 * « Les indiscrets du 15 mars », each in conflict over its text with the editor-in-chief's, their
 * records held in the outbox, as a sync leaves them for a browser back from a week offline.
 */
import {
  readDatabase,
  SHARED_DESK_STATE,
  storedIssue,
  syncConflict,
  syncedDraft,
  type EvaluatingPage,
} from './database';

export const ISSUE = 'many-conflicts-issue';
export const COUNT = 12;
export const id = (n: number) => `many-conflicts-${String(n).padStart(2, '0')}`;
export const mine = (n: number) => `<p>Mon texte ${n}</p>`;
export const theirs = (n: number) => `<p>Le texte de la cheffe ${n}</p>`;

/** The issue, its twelve drafts, the shared desk's state, the conflicts and the held outbox. */
export function seeded() {
  const now = new Date().toISOString();
  const drafts = Array.from({ length: COUNT }, (_, i) => ({
    ...syncedDraft({ id: id(i + 1), title: `Brouillon ${i + 1}`, second: i + 1 }),
    body: mine(i + 1),
    issueId: ISSUE,
    sortKey: `a${String(i).padStart(2, '0')}`,
  }));
  return {
    issues: [storedIssue(ISSUE, { at: now })],
    clips: drafts,
    syncState: [SHARED_DESK_STATE],
    conflicts: drafts.map((draft, i) =>
      syncConflict('draft', draft.id, draft.title, [
        { field: 'body', mine: mine(i + 1), theirs: theirs(i + 1) },
      ]),
    ),
    // Each record held until the editor chooses, as the sync holds a conflict it finds.
    outbox: drafts.map((draft) => ({
      key: `draft:${draft.id}`,
      kind: 'draft',
      recordId: draft.id,
      op: 'upsert',
      queuedAt: now,
      seq: 1,
      attempts: 0,
      blocked: 'conflict',
    })),
  };
}

/** The drafts' texts as stored. */
export async function bodies(page: EvaluatingPage): Promise<string[]> {
  const { clips } = await readDatabase<{
    clips: Array<{ id: string; body: string }>;
    issues: Array<{ id: string }>;
  }>(page);
  return clips.filter((clip) => clip.id.startsWith('many-conflicts-')).map((clip) => clip.body);
}
