import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readDatabase,
  SHARED_DESK_STATE,
  storedIssue,
  syncConflict,
  syncedDraft,
  type SeededConflictField,
} from './database';
import {
  launchSeeded,
  openDesk,
  screenshotPath,
  squash,
  until,
  type ExtensionSession,
} from './harness';

/**
 * The shared desk's conflict box in words, in real Chromium (components/conflictFields.ts): two
 * editors moved the same item into different issues at once, which the box asks as one question
 * (« Numéro »), by the issues' titles and the places in them, never their ids or keys; the choice
 * moves the item into the chosen issue at the chosen place. A draft trashed on one side is said in
 * words. No WordPress needed: the conflicts are written into IndexedDB as a sync leaves them.
 */

const MARCH_15 = 'conflict-fields-15';
const MARCH_22 = 'conflict-fields-22';
const MOVED = 'conflict-fields-moved';
const TRASHED = 'conflict-fields-trashed';
const CHIEF = 'Rédactrice en chef';

function seeded() {
  const now = new Date().toISOString();
  const march15 = storedIssue(MARCH_15, { title: 'Les indiscrets du 15 mars', at: now });
  const march22 = {
    ...storedIssue(MARCH_22, { title: 'Les indiscrets du 22 mars', at: now }),
    date: '2026-03-22',
  };
  const item = (id: string, title: string, second: number, issueId: string, sortKey: string) => ({
    ...syncedDraft({ id, title, second }),
    issueId,
    sortKey,
  });
  // Here the item went last into the 15 mars; there (as the sync left its version), between the
  // two items of the 22 mars.
  const moved = item(MOVED, 'Le ministre et Bercy', 1, MARCH_15, 'a1');
  const trashed = syncedDraft({ id: TRASHED, title: 'La préfète et le stade', second: 5 });
  const conflict = (recordId: string, title: string, fields: SeededConflictField[]) =>
    syncConflict('draft', recordId, title, fields, { by: CHIEF, at: now });
  return {
    issues: [march15, march22],
    clips: [
      moved,
      item('conflict-fields-a', 'Le maire et le port', 2, MARCH_15, 'a0'),
      item('conflict-fields-b', 'La sénatrice et la gare', 3, MARCH_22, 'a0'),
      item('conflict-fields-c', 'Le député et la digue', 4, MARCH_22, 'a2'),
      trashed,
    ],
    syncState: [SHARED_DESK_STATE],
    conflicts: [
      conflict(MOVED, moved.title, [
        { field: 'issueId', base: '', mine: MARCH_15, theirs: MARCH_22 },
        { field: 'sortKey', base: '', mine: 'a1', theirs: 'a1V' },
      ]),
      conflict(TRASHED, trashed.title, [
        { field: 'trashed', base: false, mine: false, theirs: true },
      ]),
    ],
  };
}

describe('the shared desk’s conflict box in words, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seeded, { currentIssue: MARCH_22 });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('asks a move as one question by the issues’ titles, and the choice moves the item there at its place', async () => {
    const desk = await openDesk(session);
    const box = desk
      .getByTestId('sync-conflict')
      .filter({ hasText: '«\u00a0Le ministre et Bercy\u00a0»' });
    await until(
      () => box.getByTestId('conflict-theirs').allTextContents(),
      (theirs) => theirs.length === 1 && theirs[0] === 'Les indiscrets du 22 mars, 2ᵉ sur 3',
      'the other version, by the issue’s title and the place in it',
    );
    expect(await box.getByTestId('conflict-mine').allTextContents()).toEqual([
      'Les indiscrets du 15 mars, 2ᵉ sur 2',
    ]);
    // One question: the issue, not its id, nor the place apart, nor a key.
    expect(await box.getByTestId('conflict').count()).toBe(1);
    const said = squash(await box.textContent());
    expect(said).toContain('Numéro');
    expect(said).not.toContain('Place dans le numéro');
    expect(said).not.toMatch(/conflict-fields-|a1V|issueId|sortKey/);
    await box.screenshot({ path: screenshotPath('desk-conflict-move.png') });

    await box.getByRole('button', { name: 'Prendre l’autre\u00a0: Numéro' }).click();
    await box.waitFor({ state: 'detached' });
    // Into the 22 mars, between its two items, as there.
    await until(
      () => desk.getByTestId('issue-item').allTextContents(),
      (items) =>
        items.length === 3 &&
        items[0]!.includes('La sénatrice et la gare') &&
        items[1]!.includes('Le ministre et Bercy') &&
        items[2]!.includes('Le député et la digue'),
      'the item second of the 22 mars',
    );
    const { clips } = await readDatabase<{
      clips: Array<{ id: string; issueId: string; sortKey: string }>;
      issues: Array<{ id: string }>;
    }>(desk);
    expect(clips.find((clip) => clip.id === MOVED)).toMatchObject({
      issueId: MARCH_22,
      sortKey: 'a1V',
    });
    await desk.close();
  });

  it('says a draft trashed on one side in words', async () => {
    const desk = await openDesk(session);
    const box = desk
      .getByTestId('sync-conflict')
      .filter({ hasText: '«\u00a0La préfète et le stade\u00a0»' });
    await until(
      () => box.getByTestId('conflict-theirs').allTextContents(),
      (theirs) => theirs.length === 1 && theirs[0] === 'Dans la corbeille',
      'the other version in words',
    );
    expect(await box.getByTestId('conflict-mine').allTextContents()).toEqual([
      'Hors de la corbeille',
    ]);
    expect(
      await box.getByRole('button', { name: 'Garder la mienne\u00a0: Corbeille' }).count(),
    ).toBe(1);
    expect(squash(await box.textContent())).not.toMatch(/true|false|trashed/);
    await desk.close();
  });
});
