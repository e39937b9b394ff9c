import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AnnouncerProvider } from '../../../components/Announcer';
import { bulkQuestion } from '../../../components/ConflictsList';
import { SharedDeskBar } from '../../../components/SharedDeskBar';
import { UndoProvider } from '../../../components/Undo';
import { setLocale } from '../../../locales/core';
import { registerHandlers, type Handlers } from '../../../messaging/protocol';
import { conflictChoicesToken, conflictChoiceToken } from '../../../storage/conflict-undo';
import { db, type Draft } from '../../../storage/db';
import type { UndoToken } from '../../../storage/drafts';
import type { SyncConflict } from '../../../storage/sync-state';
import { deskState } from '../desk-fixtures';
import { clearSharedDesk } from './desk-views';
import { addDraft } from '../storage/helpers';

/**
 * Many conflicts in the shared desk's bar (components/ConflictsList.tsx): the first boxes and a
 * line for the others, and one choice for them all behind a question.
 */

const editorState = deskState('editor');

let unregister: () => void;
let asked: Array<{ keys: string[]; choose: 'mine' | 'theirs' }>;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.permissions.onAdded, 'removeListener').mockImplementation(() => {});
  unregister = () => {};
  asked = [];
  await clearSharedDesk({ clips: true });
  await db.syncState.put(editorState);
});
afterEach(() => {
  unregister();
  cleanup();
});

/** `count` drafts, each with a conflict on its text (the first also on its title). */
async function seed(count: number): Promise<SyncConflict[]> {
  const conflicts: SyncConflict[] = [];
  for (let n = 1; n <= count; n++) {
    const draft = await addDraft(db, { title: `Brouillon ${n}`, body: `<p>Mien ${n}</p>` });
    const fields = [
      { field: 'body', base: '<p>a</p>', mine: `<p>Mien ${n}</p>`, theirs: `<p>Sien ${n}</p>` },
    ];
    if (n === 1) fields.push({ field: 'title', base: 'a', mine: 'Brouillon 1', theirs: 'Le sien' });
    conflicts.push({
      // Keyed so that the bar's order (the keys') is the drafts'.
      key: `draft:${String(n).padStart(2, '0')}-${draft.id}`,
      kind: 'draft',
      recordId: draft.id,
      title: `Brouillon ${n}`,
      fields,
      theirsBy: 'Rédactrice en chef',
      remoteVersion: 4,
      detectedAt: '2026-03-15T10:00:00Z',
    });
  }
  await db.conflicts.bulkPut(conflicts);
  return conflicts;
}

/**
 * The background's resolveAll, as services/sync/conflicts.ts does it, over the component's
 * database.
 */
function background(fail = false) {
  unregister = registerHandlers({
    syncResolveAll: async ({ keys, choose }: { keys: string[]; choose: 'mine' | 'theirs' }) => {
      asked.push({ keys, choose });
      if (fail) throw new Error('QuotaExceededError');
      const tokens: UndoToken[] = [];
      for (const key of keys) {
        const conflict = await db.conflicts.get(key);
        if (!conflict || conflict.deletedBy !== undefined) continue;
        const before = (await db.clips.get(conflict.recordId))!;
        if (choose === 'theirs') {
          const theirs: Partial<Draft> = Object.fromEntries(
            conflict.fields.map((f) => [f.field, f.theirs]),
          );
          await db.clips.update(conflict.recordId, theirs);
          tokens.push(conflictChoiceToken(conflict, before));
        }
        await db.conflicts.delete(key);
      }
      const status = { ...editorState, pending: 0, conflicts: 0, refusals: 0 };
      const settled = keys.length;
      return tokens.length > 0
        ? { ...status, settled, undo: conflictChoicesToken(tokens) }
        : { ...status, settled };
    },
  } as unknown as Handlers);
}

function renderBar() {
  return render(
    <AnnouncerProvider>
      <UndoProvider>
        <textarea aria-label="Chapô (facultatif)" />
        <SharedDeskBar />
      </UndoProvider>
    </AnnouncerProvider>,
  );
}

describe('SharedDeskBar › many conflicts', () => {
  it('shows every box while there are three, with no line and no choice for all', async () => {
    await seed(3);
    renderBar();
    await waitFor(() => expect(screen.getAllByTestId('sync-conflict')).toHaveLength(3));
    expect(screen.queryByTestId('sync-conflicts-more')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Prendre toutes les autres versions' })).toBeNull();
  });

  it('shows the first box and says how many more wait, all shown in place and folded again on demand', async () => {
    await seed(12);
    renderBar();
    const more = await screen.findByTestId('sync-conflicts-more');
    expect(more.textContent).toContain('11 autres conflits à régler');
    expect(screen.getAllByTestId('sync-conflict')).toHaveLength(1);
    // The first, in the bar's order.
    expect(screen.getAllByTestId('sync-conflict')[0]!.textContent).toContain('Brouillon 1');

    const showAll = within(more).getByRole('button', { name: 'Tout afficher' });
    expect(showAll.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(showAll);
    expect(screen.getAllByTestId('sync-conflict')).toHaveLength(12);
    const fold = within(more).getByRole('button', { name: 'Replier' });
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(fold);
    expect(screen.getAllByTestId('sync-conflict')).toHaveLength(1);
  });

  it('names the choice for all, and asks first how many records and fields it settles; « Ne rien changer » sends nothing', async () => {
    await seed(12);
    background();
    renderBar();
    const group = await screen.findByRole('group', {
      name: 'Régler les 12 conflits d’un coup\u00a0:',
    });
    const takeAll = within(group).getByRole('button', {
      name: 'Prendre toutes les autres versions',
    });
    expect(within(group).getByRole('button', { name: 'Garder toutes mes versions' })).toBeTruthy();

    fireEvent.click(takeAll);
    const question = await screen.findByTestId('sync-conflicts-confirm');
    expect(question.textContent).toContain(
      'Prendre les autres versions de 13 champs dans 12 brouillons\u202f? Vos versions de ces champs seront remplacées\u202f; «\u00a0Annuler\u00a0» les ramènera toutes.',
    );
    // The question is the group's name, and the keyboard on its answer.
    const yes = screen.getByRole('button', { name: 'Oui, prendre les autres versions' });
    await waitFor(() => expect(document.activeElement).toBe(yes));
    expect(screen.getByRole('group', { name: /^Prendre les autres versions de 13 champs/ })).toBe(
      question,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Ne rien changer' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Prendre toutes les autres versions' }),
      ),
    );
    expect(asked).toEqual([]);
    expect(screen.getAllByTestId('sync-conflict')).toHaveLength(1);
  });

  it('« Prendre toutes les autres » settles them all in one request, and one « Annuler », which takes the keyboard, brings every text and box back', async () => {
    const conflicts = await seed(12);
    background();
    renderBar();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Prendre toutes les autres versions' }),
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Oui, prendre les autres versions' }),
    );

    const bar = await screen.findByTestId('undo-bar');
    expect(asked).toEqual([{ keys: conflicts.map((c) => c.key), choose: 'theirs' }]);
    expect(bar.textContent).toContain('Vous avez pris les autres versions dans 12 brouillons.');
    const undoButton = within(bar).getByRole('button', { name: 'Annuler' });
    await waitFor(() => expect(document.activeElement).toBe(undoButton));
    await waitFor(() => expect(screen.queryByTestId('sync-conflict')).toBeNull());
    expect((await db.clips.get(conflicts[11]!.recordId))!.body).toBe('<p>Sien 12</p>');

    fireEvent.click(undoButton);

    await waitFor(() => expect(screen.getAllByTestId('sync-conflict')).toHaveLength(1));
    const bodies = await db.clips.bulkGet(conflicts.map((c) => c.recordId));
    expect(bodies.map((draft) => draft!.body)).toEqual(
      conflicts.map((_, i) => `<p>Mien ${i + 1}</p>`),
    );
    expect((await db.clips.get(conflicts[0]!.recordId))!.title).toBe('Brouillon 1');
    expect(await db.conflicts.count()).toBe(12);
    expect((await screen.findByTestId('sync-conflicts-more')).textContent).toContain(
      '11 autres conflits à régler',
    );
  });

  it('« Garder toutes mes versions » says so, and the keyboard goes back to the field written in', async () => {
    const conflicts = await seed(5);
    background();
    renderBar();
    const intro = screen.getByRole('textbox', { name: 'Chapô (facultatif)' });
    intro.focus();
    const keepAll = await screen.findByRole('button', { name: 'Garder toutes mes versions' });
    keepAll.focus();
    fireEvent.click(keepAll);
    expect((await screen.findByTestId('sync-conflicts-confirm')).textContent).toContain(
      'Garder vos versions de 6 champs dans 5 brouillons\u202f? Elles seront envoyées à la rédaction à la place des autres.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Oui, garder mes versions' }));

    await waitFor(() => expect(screen.queryByTestId('sync-conflicts')).toBeNull());
    expect(asked).toEqual([{ keys: conflicts.map((c) => c.key), choose: 'mine' }]);
    await waitFor(() => expect(document.activeElement).toBe(intro));
    expect(screen.getByTestId('announcement').textContent).toBe(
      'Vous avez gardé vos versions dans 5 brouillons.',
    );
    expect(screen.queryByTestId('undo-bar')).toBeNull();
    expect((await db.clips.get(conflicts[0]!.recordId))!.body).toBe('<p>Mien 1</p>');
  });

  it('says a failure in the bar and settles nothing: the question stays, to try again', async () => {
    await seed(6);
    background(true);
    renderBar();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Prendre toutes les autres versions' }),
    );
    const yes = await screen.findByRole('button', { name: 'Oui, prendre les autres versions' });
    fireEvent.click(yes);

    const question = screen.getByTestId('sync-conflicts-confirm');
    expect((await within(question).findByRole('alert')).textContent).toBe(
      'Vos choix n’ont pas pu être enregistrés\u202f; rien n’a changé. Réessayez.',
    );
    expect(question.isConnected).toBe(true);
    expect(screen.getAllByTestId('sync-conflict')).toHaveLength(1);
    expect(await db.conflicts.count()).toBe(6);
    expect(yes.getAttribute('aria-disabled')).toBeNull();
  });

  it('leaves another editor’s deletion of an issue out of the choice for all, and says so', async () => {
    const conflicts = await seed(4);
    await db.conflicts.put({
      key: 'issue:i1:deleted',
      kind: 'issue',
      recordId: 'i1',
      title: 'Les indiscrets du 8 mars',
      fields: [],
      remoteVersion: 3,
      detectedAt: '2026-03-15T10:00:00Z',
      deletedBy: 'Rédactrice en chef',
    });
    background();
    renderBar();
    // Its notice stays on its own, above the list.
    expect(await screen.findByTestId('sync-deleted')).toBeTruthy();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Prendre toutes les autres versions' }),
    );
    expect((await screen.findByTestId('sync-conflicts-confirm')).textContent).toContain(
      '1 numéro supprimé par un autre membre de la rédaction n’est pas concerné\u00a0: dites plus haut s’il faut le garder.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Oui, prendre les autres versions' }));

    await screen.findByTestId('undo-bar');
    expect(asked).toEqual([{ keys: conflicts.map((c) => c.key), choose: 'theirs' }]);
    expect(screen.getByTestId('sync-deleted')).toBeTruthy();
    expect(await db.conflicts.get('issue:i1:deleted')).toBeTruthy();
  });
});

describe('bulkQuestion', () => {
  const conflict = (kind: 'draft' | 'issue', fields: number): SyncConflict => ({
    key: `${kind}:${crypto.randomUUID()}`,
    kind,
    recordId: 'r',
    title: 'T',
    fields: Array.from({ length: fields }, (_, i) => ({
      field: `f${i}`,
      base: '',
      mine: 'a',
      theirs: 'b',
    })),
    remoteVersion: 1,
    detectedAt: '2026-03-15T10:00:00Z',
  });

  it('counts drafts and issues apart, each in the singular or plural, in both languages', () => {
    const some = [conflict('draft', 2), conflict('draft', 1), conflict('issue', 1)];
    expect(bulkQuestion(some, 'theirs', 0)).toBe(
      'Prendre les autres versions de 4 champs dans 2 brouillons et 1 numéro\u202f? Vos versions de ces champs seront remplacées\u202f; «\u00a0Annuler\u00a0» les ramènera toutes.',
    );
    expect(bulkQuestion([conflict('issue', 1), conflict('issue', 1)], 'mine', 2)).toBe(
      'Garder vos versions de 2 champs dans 2 numéros\u202f? Elles seront envoyées à la rédaction à la place des autres. Les 2 numéros supprimés par d’autres membres de la rédaction ne sont pas concernés\u00a0: dites plus haut, pour chacun, s’il faut le garder.',
    );
    setLocale('en');
    try {
      expect(bulkQuestion(some, 'theirs', 1)).toBe(
        'Take the other versions of 4 fields in 2 drafts and 1 issue? Your versions of these fields will be replaced; “Undo” brings them all back. 1 issue another member of the newsroom deleted is not included: say above whether to keep it.',
      );
      expect(bulkQuestion([conflict('draft', 1)], 'mine', 0)).toBe(
        'Keep your versions of 1 field in 1 draft? They will be sent to the newsroom in place of the others.',
      );
    } finally {
      setLocale('fr');
    }
  });

  it('counts the questions the boxes ask: a move is one, what no box asks is none', () => {
    const moved: SyncConflict = {
      ...conflict('draft', 0),
      fields: [
        { field: 'issueId', base: '', mine: 'i15', theirs: 'i22' },
        { field: 'sortKey', base: '', mine: 'a1', theirs: 'a1V' },
        { field: 'provenance', base: {}, mine: { title: 'og' }, theirs: {} },
      ],
    };
    expect(bulkQuestion([moved, conflict('draft', 1)], 'theirs', 0)).toMatch(
      /^Prendre les autres versions de 2 champs dans 2 brouillons/,
    );
  });
});
