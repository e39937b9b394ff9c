import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EditMark, IndiscretsDB } from '../../../storage/db';
import { saveDraftEdit, updateDraft } from '../../../storage/drafts';
import { createIssue, getIssue, saveIssueEdit } from '../../../storage/issues';
import {
  draftJournal,
  issueJournal,
  journalKey,
  newJournalView,
  pendingDrafts,
  readIssueJournal,
  readJournal,
  replayDecision,
  replayJournal,
} from '../../../storage/journal';
import { addDraft, freshDatabase } from './helpers';

let database: IndiscretsDB;

beforeEach(() => {
  localStorage.clear();
  database = freshDatabase();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  localStorage.clear();
  await database.delete();
});

const at = (minute: number) => `2021-03-15T08:${String(minute).padStart(2, '0')}:00.000Z`;

/** An entry as pages before 0.2 wrote it: one per draft, no view, no base. */
function legacyEntry(draftId: string, patch: object, time: string) {
  localStorage.setItem(journalKey(draftId), JSON.stringify({ draftId, patch, at: time }));
}

describe('the journal of one editor view', () => {
  it('writes the view’s pending state to localStorage at once, synchronously, under its own key', () => {
    const view = newJournalView();
    const time = draftJournal('d1', view).write({ body: '<p>Mot</p>' }, { body: '' }, () => at(0));

    expect(time).toBe(at(0));
    expect(JSON.parse(localStorage.getItem(journalKey('d1', view))!)).toEqual({
      draftId: 'd1',
      view,
      patch: { body: '<p>Mot</p>' },
      base: { body: '' },
      at: at(0),
    });
  });

  it('replaces the state at each keystroke; after a write, keeps the keystroke’s time', () => {
    const journal = draftJournal('d1', newJournalView());
    journal.write({ body: 'a', note: 'n' }, { body: '', note: '' }, () => at(0));
    journal.write({ body: 'ab' }, { body: 'a' }, () => at(1));
    journal.keep({ body: 'ab' }, { body: 'a' }, at(1));

    expect(readJournal('d1')).toMatchObject({
      patch: { body: 'ab' },
      base: { body: 'a' },
      at: at(1),
    });
  });

  it('keeps "remove this field" across JSON', () => {
    draftJournal('d1', newJournalView()).write({ imageUrl: undefined }, { imageUrl: 'x' });

    expect(readJournal('d1')!.patch).toEqual({ imageUrl: undefined });
    expect(Object.hasOwn(readJournal('d1')!.patch, 'imageUrl')).toBe(true);
  });

  it('keeps two views of one draft apart', () => {
    draftJournal('d1', newJournalView()).write({ body: 'popup' }, { body: '' }, () => at(0));
    draftJournal('d1', newJournalView()).write({ note: 'desk' }, { note: '' }, () => at(1));

    expect(pendingDrafts()).toEqual(['d1']);
    expect(readJournal('d1')!.patch).toEqual({ note: 'desk' });
  });

  it('drops the entry once Dexie has it, but not an edit journaled while the write was in flight', () => {
    const journal = draftJournal('d1', newJournalView());
    const written = journal.write({ body: 'a' }, { body: '' }, () => at(0));
    journal.write({ body: 'ab' }, { body: '' }, () => at(1));

    journal.commit(written);
    expect(readJournal('d1')!.patch).toEqual({ body: 'ab' });

    journal.commit(at(1));
    expect(readJournal('d1')).toBeUndefined();
  });
});

describe('replayDecision', () => {
  const record = (fields: Record<string, unknown>, edits?: EditMark[], rev = 3) => ({
    updatedAt: at(10),
    rev,
    ...(edits ? { edits } : {}),
    ...fields,
  });
  const entry = (patch: object, base: object) => ({ view: 'p.1', patch, base, at: at(5) });

  it('writes a field only the journal changed', () => {
    expect(
      replayDecision(entry({ body: 'typed' }, { body: 'before' }), record({ body: 'before' })),
    ).toEqual({ write: { body: 'typed' }, conflicts: [] });
  });

  it('leaves alone what only the record changed: the entry holds the fields it typed, no others', () => {
    const decision = replayDecision(
      entry({ body: 'typed' }, { body: 'before' }),
      record({ body: 'before', note: 'written elsewhere' }),
    );

    expect(decision).toEqual({ write: { body: 'typed' }, conflicts: [] });
  });

  it('makes a field both changed, differently, a conflict, and writes nothing of it', () => {
    expect(
      replayDecision(entry({ body: 'typed' }, { body: 'before' }), record({ body: 'elsewhere' })),
    ).toEqual({ write: {}, conflicts: ['body'] });
  });

  it('sees no conflict where both sides came to the same value', () => {
    expect(
      replayDecision(entry({ tags: ['a', 'b'] }, { tags: [] }), record({ tags: ['a', 'b'] })),
    ).toEqual({ write: {}, conflicts: [] });
  });

  it('drops what the view itself stored later (the copy a killed browser left behind)', () => {
    // The entry on disk is from 08:05; the view kept typing and stored its text at 08:09.
    const own: EditMark = { view: 'p.1', at: at(9), rev: 3, wrote: ['body'] };
    expect(
      replayDecision(entry({ body: 'ty' }, { body: 't' }), record({ body: 'typed on' }, [own])),
    ).toEqual({ write: {}, conflicts: [] });
    // Even when another view wrote after it: what the view stored was newer than the entry.
    const other: EditMark = { view: 'q.1', at: at(9), rev: 3, wrote: ['note'] };
    const mine = { ...own, rev: 2 };
    expect(
      replayDecision(
        entry({ body: 'ty' }, { body: 't' }),
        record({ body: 'typed on' }, [other, mine]),
      ),
    ).toEqual({ write: {}, conflicts: [] });
  });

  it('writes what was typed after the view’s own latest write, when no one wrote since', () => {
    // The write of 08:04 landed, the page closed before it heard back: the base is older.
    const own: EditMark = { view: 'p.1', at: at(4), rev: 3, wrote: ['body'] };
    expect(
      replayDecision(entry({ body: 'ab' }, { body: '' }), record({ body: 'a' }, [own])),
    ).toEqual({ write: { body: 'ab' }, conflicts: [] });
    // Someone wrote after it (rev 4): merged against the base, a conflict.
    expect(
      replayDecision(entry({ body: 'ab' }, { body: '' }), record({ body: 'a' }, [own], 4)),
    ).toEqual({ write: {}, conflicts: ['body'] });
  });

  it('keeps a field the view held in conflict a conflict, even after its own later writes', () => {
    const own: EditMark = { view: 'p.1', at: at(9), rev: 3, wrote: ['note'], held: ['body'] };
    expect(
      replayDecision(
        entry({ body: 'mine' }, { body: 'before' }),
        record({ body: 'theirs' }, [own]),
      ),
    ).toEqual({ write: {}, conflicts: ['body'] });
  });

  it('replays an entry without a base (before 0.2) by time, and never drops a differing value', () => {
    const legacy = (time: string) => ({ patch: { body: 'typed' }, at: time });
    expect(replayDecision(legacy(at(12)), record({ body: 'stored' }))).toEqual({
      write: { body: 'typed' },
      conflicts: [],
    });
    expect(replayDecision(legacy(at(5)), record({ body: 'stored' }))).toEqual({
      write: {},
      conflicts: ['body'],
    });
    expect(replayDecision(legacy(at(5)), record({ body: 'typed' }))).toEqual({
      write: {},
      conflicts: [],
    });
  });
});

describe('replayJournal', () => {
  it('writes what a closed view typed, stamped with its time, then clears it', async () => {
    const draft = await addDraft(database, { body: '<p>Avant</p>', updatedAt: at(0) });
    draftJournal(draft.id, newJournalView()).write(
      { body: '<p>Tapé avant la fermeture</p>' },
      { body: '<p>Avant</p>' },
      () => at(5),
    );

    expect(await replayJournal(database)).toEqual([draft.id]);
    expect(await database.clips.get(draft.id)).toMatchObject({
      body: '<p>Tapé avant la fermeture</p>',
      updatedAt: at(5),
    });
    expect(pendingDrafts()).toEqual([]);
  });

  it('merges with another view’s later changes: a different field keeps both, the same field waits for the editor', async () => {
    const draft = await addDraft(database, {
      title: 'Avant',
      note: 'Note',
      body: '<p>Texte</p>',
      updatedAt: at(0),
    });
    // View A typed a title and a note over what it had read, then its page closed.
    const a = newJournalView();
    draftJournal(draft.id, a).write(
      { title: 'Titre de A', note: 'Note de A' },
      { title: 'Avant', note: 'Note' },
      () => at(5),
    );
    // View B, meanwhile, changed the text and the title.
    await saveDraftEdit(
      draft.id,
      { body: '<p>Texte de B</p>', title: 'Titre de B' },
      { body: '<p>Texte</p>', title: 'Avant' },
      database,
      () => at(6),
      { view: newJournalView(), at: at(6), held: [] },
    );

    expect(await replayJournal(database)).toEqual([draft.id]);

    expect(await database.clips.get(draft.id)).toMatchObject({
      title: 'Titre de B',
      note: 'Note de A',
      body: '<p>Texte de B</p>',
    });
    // A's title is not lost: it waits, for the editor opening the draft to choose.
    expect(readJournal(draft.id)).toMatchObject({
      view: a,
      patch: { title: 'Titre de A' },
      base: { title: 'Avant' },
      orphaned: true,
    });
    expect(draftJournal(draft.id, newJournalView()).orphans()).toEqual([
      { patch: { title: 'Titre de A' }, base: { title: 'Avant' } },
    ]);
    // Replayed again (another page starting), the same: nothing written, still waiting.
    expect(await replayJournal(database)).toEqual([]);
    expect(readJournal(draft.id)?.patch).toEqual({ title: 'Titre de A' });
  });

  it('drops the older copy a killed browser left, once the view stored more since', async () => {
    const draft = await addDraft(database, { body: '<p>a</p>', updatedAt: at(0) });
    const view = newJournalView();
    const journal = draftJournal(draft.id, view);
    // The copy of localStorage that reached the disk: the view at its second keystroke.
    journal.write({ body: '<p>ab</p>' }, { body: '<p>a</p>' }, () => at(1));
    const onDisk = localStorage.getItem(journalKey(draft.id, view))!;
    // What the view then stored, keystroke after keystroke (IndexedDB reached the disk).
    for (const [minute, text] of [
      [1, '<p>ab</p>'],
      [2, '<p>abc</p>'],
      [3, '<p>abcd</p>'],
    ] as const) {
      const current = (await database.clips.get(draft.id))!;
      await saveDraftEdit(
        draft.id,
        { body: text },
        { body: current.body },
        database,
        () => at(minute),
        { view, at: at(minute), held: [] },
      );
    }
    localStorage.setItem(journalKey(draft.id, view), onDisk);

    expect(await replayJournal(database)).toEqual([]);
    expect((await database.clips.get(draft.id))!.body).toBe('<p>abcd</p>');
    expect(pendingDrafts()).toEqual([]);
  });

  it('merges against its base a copy of a replayed entry once its view is out of the marks: a conflict, nothing overwritten', async () => {
    const draft = await addDraft(database, { body: '<p>A</p>', updatedAt: at(0) });
    const view = newJournalView();
    draftJournal(draft.id, view).write({ body: '<p>AB</p>' }, { body: '<p>A</p>' }, () => at(1));
    // The removal by the replay never reaches the disk: the browser is killed within seconds.
    const onDisk = localStorage.getItem(journalKey(draft.id, view))!;
    expect(await replayJournal(database)).toEqual([draft.id]);
    // Other editors write the text on since, enough of them to push the view out of the marks.
    for (let n = 0; n < 14; n++) {
      const current = (await database.clips.get(draft.id))!;
      const next = current.body.replace('</p>', `${n}</p>`);
      await saveDraftEdit(
        draft.id,
        { body: next },
        { body: current.body },
        database,
        () => at(2 + n),
        { view: newJournalView(), at: at(2 + n), held: [] },
      );
    }
    const before = (await database.clips.get(draft.id))!;
    localStorage.setItem(journalKey(draft.id, view), onDisk);

    expect(await replayJournal(database)).toEqual([]);

    // Without its mark, the entry is merged against its base: a conflict, kept, never written.
    expect((await database.clips.get(draft.id))!.body).toBe(before.body);
    expect(readJournal(draft.id)).toMatchObject({ orphaned: true });
  });

  it('drops a copy of an entry it already replayed while the view’s mark is kept', async () => {
    const draft = await addDraft(database, { body: '<p>A</p>', updatedAt: at(0) });
    const view = newJournalView();
    draftJournal(draft.id, view).write({ body: '<p>AB</p>' }, { body: '<p>A</p>' }, () => at(1));
    const onDisk = localStorage.getItem(journalKey(draft.id, view))!;
    await replayJournal(database);
    for (let n = 0; n < 5; n++) {
      const current = (await database.clips.get(draft.id))!;
      const next = current.body.replace('</p>', `${n}</p>`);
      await saveDraftEdit(
        draft.id,
        { body: next },
        { body: current.body },
        database,
        () => at(2 + n),
        { view: newJournalView(), at: at(2 + n), held: [] },
      );
    }
    localStorage.setItem(journalKey(draft.id, view), onDisk);

    expect(await replayJournal(database)).toEqual([]);

    expect((await database.clips.get(draft.id))!.body).toBe('<p>AB01234</p>');
    expect(pendingDrafts()).toEqual([]);
  });

  it('leaves the entries of an editor still open in another page alone', async () => {
    const draft = await addDraft(database, { body: '<p>Avant</p>', updatedAt: at(0) });
    const view = newJournalView();
    draftJournal(draft.id, view).write({ body: '<p>En cours</p>' }, { body: '<p>Avant</p>' });
    const page = view.split('.')[0];
    vi.stubGlobal('navigator', {
      ...navigator,
      locks: {
        request: () => Promise.resolve(),
        query: () => Promise.resolve({ held: [{ name: `indiscrets:journal-page:${page}` }] }),
      },
    });

    expect(await replayJournal(database)).toEqual([]);
    expect((await database.clips.get(draft.id))!.body).toBe('<p>Avant</p>');
    expect(readJournal(draft.id)?.patch).toEqual({ body: '<p>En cours</p>' });
  });

  it('drops entries of deleted drafts and unreadable entries, and leaves other keys alone', async () => {
    draftJournal('gone', newJournalView()).write({ body: 'x' }, { body: '' });
    localStorage.setItem(journalKey('broken'), '{not json');
    localStorage.setItem(journalKey('broken', 'p.1'), JSON.stringify({ draftId: 'other' }));
    localStorage.setItem('someone-else', 'keep');

    expect(await replayJournal(database)).toEqual([]);
    expect(pendingDrafts()).toEqual([]);
    expect(localStorage.getItem('someone-else')).toBe('keep');
  });

  it('replays only editable fields', async () => {
    const draft = await addDraft(database, { note: '', updatedAt: at(0) });
    draftJournal(draft.id, newJournalView()).write(
      { tags: ['b'], issueId: 'sneaky' } as never,
      { tags: [], issueId: '' } as never,
      () => at(5),
    );

    await replayJournal(database);

    expect(await database.clips.get(draft.id)).toMatchObject({ tags: ['b'], issueId: '' });
  });

  it('replays an entry of before 0.2 newer than its draft, and keeps an older differing one for the editor', async () => {
    const fresh = await addDraft(database, { body: '<p>Avant</p>', updatedAt: at(0) });
    const changed = await addDraft(database, { body: '<p>Plus récent</p>', updatedAt: at(10) });
    legacyEntry(fresh.id, { body: '<p>Tapé</p>' }, at(5));
    legacyEntry(changed.id, { body: '<p>Ancien</p>' }, at(5));

    expect(await replayJournal(database)).toEqual([fresh.id]);

    expect((await database.clips.get(fresh.id))!.body).toBe('<p>Tapé</p>');
    expect((await database.clips.get(changed.id))!.body).toBe('<p>Plus récent</p>');
    expect(readJournal(fresh.id)).toBeUndefined();
    expect(readJournal(changed.id)).toMatchObject({
      patch: { body: '<p>Ancien</p>' },
      orphaned: true,
    });
  });

  it('keeps an entry whose write fails, for the next start', async () => {
    const draft = await addDraft(database, { body: '<p>Avant</p>', updatedAt: at(0) });
    draftJournal(draft.id, newJournalView()).write(
      { body: '<p>Tapé</p>' },
      { body: '<p>Avant</p>' },
      () => at(5),
    );
    const full = vi
      .spyOn(database.clips, 'update')
      .mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

    await expect(replayJournal(database)).rejects.toThrow('Journal replay failed');
    expect(readJournal(draft.id)?.patch).toEqual({ body: '<p>Tapé</p>' });

    full.mockRestore();
    expect(await replayJournal(database)).toEqual([draft.id]);
    expect((await database.clips.get(draft.id))!.body).toBe('<p>Tapé</p>');
  });
});

describe('the journal of an issue’s fields', () => {
  it('writes a title typed just before the page closed, and merges with a change made elsewhere', async () => {
    const issue = await createIssue(
      { title: 'Les indiscrets du 15 mars', date: '2021-03-15', intro: '' },
      database,
      () => at(0),
    );
    const a = newJournalView();
    issueJournal(issue.id, a).write(
      { title: 'Les indiscrets du 15 mars 2021', intro: 'Chapô de A' },
      { title: 'Les indiscrets du 15 mars', intro: '' },
      () => at(5),
    );
    // Another view changed the intro meanwhile.
    await saveIssueEdit(issue.id, { intro: 'Chapô de B' }, { intro: '' }, database, () => at(6), {
      view: newJournalView(),
      at: at(6),
      held: [],
    });

    expect(await replayJournal(database)).toEqual([issue.id]);

    expect(await getIssue(issue.id, database)).toMatchObject({
      title: 'Les indiscrets du 15 mars 2021',
      intro: 'Chapô de B',
    });
    expect(readIssueJournal(issue.id)).toMatchObject({
      patch: { intro: 'Chapô de A' },
      orphaned: true,
    });
  });

  it('drops an entry a killed browser left behind once the view stored its typing', async () => {
    const issue = await createIssue({ title: 'Titre', date: '2021-03-15' }, database, () => at(0));
    const view = newJournalView();
    issueJournal(issue.id, view).write({ title: 'Titre 2' }, { title: 'Titre' }, () => at(1));
    await saveIssueEdit(issue.id, { title: 'Titre 2' }, { title: 'Titre' }, database, () => at(1), {
      view,
      at: at(1),
      held: [],
    });
    await saveIssueEdit(
      issue.id,
      { title: 'Titre 23' },
      { title: 'Titre 2' },
      database,
      () => at(2),
      { view, at: at(2), held: [] },
    );

    expect(await replayJournal(database)).toEqual([]);
    expect((await getIssue(issue.id, database))?.title).toBe('Titre 23');
    expect(readIssueJournal(issue.id)).toBeUndefined();
  });
});

describe('edit marks', () => {
  it('mark the view’s write with the record’s new revision, newest first, the last twelve views kept', async () => {
    const draft = await addDraft(database, { body: '' });
    const views = Array.from({ length: 14 }, () => newJournalView());
    for (const [n, view] of views.entries()) {
      await saveDraftEdit(
        draft.id,
        { body: `v${n}` },
        { body: n ? `v${n - 1}` : '' },
        database,
        () => at(n),
        { view, at: at(n), held: n === 13 ? ['note'] : [] },
      );
    }
    const stored = (await database.clips.get(draft.id))!;

    expect(stored.edits?.map((mark) => mark.view)).toEqual(views.slice(2).reverse());
    // Only the newest says which fields it wrote: the replay reads no other.
    expect(stored.edits?.slice(1).some((mark) => 'wrote' in mark)).toBe(false);
    expect(stored.edits?.[0]).toEqual({
      view: views[13],
      at: at(13),
      rev: stored.rev,
      wrote: ['body'],
      held: ['note'],
    });
    // A write that is not an editor's leaves the marks, and the revision moves past them.
    await updateDraft(draft.id, { note: 'Ailleurs' }, database);
    expect((await database.clips.get(draft.id))!.rev).toBe(stored.rev! + 1);
  });
});
