import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import {
  SHARED_DESK_STATE,
  readDatabase,
  storedIssue,
  syncConflict,
  syncedDraft,
} from './database';
import { launchSeeded, openDesk, squash, until, type ExtensionSession } from './harness';

/**
 * « Garder les deux » in the shared desk's conflict box, in real Chromium: the editor and the
 * editor-in-chief both rewrote the same paragraph of an item; the editor keeps both, and the
 * item's text holds the editor's paragraph, then the chief's, in the editor and in the database,
 * with nobody's words dropped; « Annuler » brings the editor's text and the box back. No WordPress needed: the conflict is written into IndexedDB as a
 * sync leaves it.
 */

const ISSUE = 'conflict-both-issue';
const DRAFT = 'conflict-both-draft';
const CHIEF = 'Rédactrice en chef';
const p = (...texts: string[]) => texts.map((text) => `<p>${text}</p>`).join('');
const BASE = p('Le ministre quitte Bercy jeudi.', 'Il rejoint le parti.');
const MINE = p('Le ministre quitte Bercy jeudi, selon Axios.', 'Il rejoint le parti.');
const THEIRS = p('Le ministre quittera Bercy vendredi.', 'Il rejoint le parti.');

function seeded() {
  const now = new Date().toISOString();
  const draft = {
    ...syncedDraft({ id: DRAFT, title: 'Le ministre et Bercy', second: 1 }),
    body: MINE,
    issueId: ISSUE,
    sortKey: 'a0',
  };
  return {
    issues: [storedIssue(ISSUE, { at: now })],
    clips: [draft],
    syncState: [SHARED_DESK_STATE],
    conflicts: [
      syncConflict(
        'draft',
        DRAFT,
        draft.title,
        [
          { field: 'title', base: 'Le ministre', mine: draft.title, theirs: 'Le ministre part' },
          { field: 'body', base: BASE, mine: MINE, theirs: THEIRS },
        ],
        { by: CHIEF, at: now },
      ),
    ],
  };
}

describe('« Garder les deux » in the shared desk’s conflict box, in Chromium', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchSeeded(seeded, { currentIssue: ISSUE });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('keeps both versions of the paragraph in the item’s text, the editor’s first, says so, and undoes it', async () => {
    const desk = await openDesk(session);
    // The issue's one item, named by its text's first words (it has no label).
    await desk.getByTestId('issue-item').locator('.issue-item__title').click();
    const box = desk.getByTestId('sync-conflict');
    await box.waitFor();
    // Offered for the text, where a union keeps both paragraphs; not for the title (one line).
    const both = box.getByRole('button', {
      name: 'Garder les deux versions\u00a0: Texte de l’indiscret',
    });
    await both.waitFor();
    expect(await box.getByTestId('conflict-keep-both').count()).toBe(1);
    expect(await axeViolations(desk)).toEqual([]);

    await box.getByRole('button', { name: 'Garder la mienne\u00a0: Titre du brouillon' }).click();
    await both.focus();
    await desk.keyboard.press('Enter');

    await box.waitFor({ state: 'detached' });
    // Said with « Annuler »: the editor's text was rewritten, and can be had back.
    const bar = desk.getByTestId('undo-bar');
    await until(
      () => bar.textContent(),
      (said) =>
        squash(said ?? '').includes(
          squash(
            'Vous avez gardé les deux versions de «\u00a0Le ministre et Bercy\u00a0»\u00a0: relisez le texte.',
          ),
        ),
      'the choice said with its undo',
    );
    const kept = p(
      'Le ministre quitte Bercy jeudi, selon Axios.',
      'Le ministre quittera Bercy vendredi.',
      'Il rejoint le parti.',
    );
    const editor = desk.getByTestId('draft-editor').locator('[contenteditable="true"]').first();
    await until(
      () => editor.evaluate((el) => [...el.querySelectorAll('p')].map((q) => q.textContent)),
      (paragraphs) => paragraphs.length === 3,
      'both paragraphs in the editor',
    );
    expect(
      await editor.evaluate((el) => [...el.querySelectorAll('p')].map((q) => q.textContent)),
    ).toEqual([
      'Le ministre quitte Bercy jeudi, selon Axios.',
      'Le ministre quittera Bercy vendredi.',
      'Il rejoint le parti.',
    ]);
    const stored = await readDatabase(desk);
    expect(stored.clips.find((draft) => draft.id === DRAFT)).toMatchObject({ body: kept });

    // « Annuler »: the editor's own text back, and the box, to choose again.
    await bar.getByRole('button', { name: 'Annuler' }).click();
    await box.waitFor();
    await until(
      () => editor.evaluate((el) => [...el.querySelectorAll('p')].map((q) => q.textContent)),
      (paragraphs) => paragraphs.length === 2,
      'the editor’s own text back in the editor',
    );
    const back = await readDatabase(desk);
    expect(back.clips.find((draft) => draft.id === DRAFT)).toMatchObject({ body: MINE });
    expect(await box.getByTestId('conflict-theirs').first().textContent()).toContain(
      'Le ministre quittera Bercy vendredi.',
    );
    await desk.close();
  });
});
