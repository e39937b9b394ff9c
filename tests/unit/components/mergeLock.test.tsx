/**
 * « Fusionner dans… » and a drop of one draft on another first ask WordPress (through the
 * background's sync engine, here on the fake desk) who has the two drafts open right now: a
 * colleague who opened one since the last sync refuses the merge, said and greyed; nobody, or no
 * answer from the desk, and the merge goes on as before.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DraftEditor } from '../../../components/DraftEditor';
import { Inbox } from '../../../components/Inbox';
import { MergeDialog } from '../../../components/MergeDialog';
import { registerHandlers, type Handlers } from '../../../messaging/protocol';
import { SyncEngine } from '../../../services/sync';
import { db } from '../../../storage/db';
import { addDraft } from '../storage/helpers';
import { closeDesks, TestDesk } from '../services/desks';
import { FakeDesk } from '../services/fake-desk';
import { drag, liveRegionsSaying, recordSpoken, row, wrap } from './desk-views';

const INTO_LOCKED = (title: string, by = 'Auteur') =>
  `${by} modifie «\u00a0${title}\u00a0» en ce moment\u00a0: fusionnez-y quand il ou elle aura fini.`;

let server: FakeDesk;
let engine: SyncEngine;
let b: TestDesk;
let unregister: () => void;

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await Promise.all([
    db.clips.clear(),
    db.issues.clear(),
    db.syncState.clear(),
    db.outbox.clear(),
    db.syncRecords.clear(),
    db.conflicts.clear(),
  ]);
  server = new FakeDesk();
  // Locks last 150 s by the desk's clock: the desk greys one by this browser's.
  server.now = Date.now();
  server.addUser('redac', 'Rédaction', 'editor');
  server.addUser('auteur', 'Auteur', 'editor');
  // This browser's background: Rédaction's engine on the page's own database.
  engine = redacEngine();
  b = new TestDesk(server, 'auteur');
  const handlers: Partial<Handlers> = {
    deskLock: async () => ({ ok: true, lock: null }),
    deskMergeCheck: ({ sourceId, targetId }) => engine.mergeCheck(sourceId, targetId),
  };
  unregister = registerHandlers(handlers as Handlers);
});
afterEach(async () => {
  unregister();
  cleanup();
  await engine.disable();
  await closeDesks(b);
});

/** X and Y, on the desk and on B's; then B opens `opened` (after this browser's last sync). */
async function shared(opened?: 'x' | 'y') {
  await engine.enable();
  await engine.whenIdle();
  const x = await addDraft(db, { title: 'Le ministre part', body: '<p>Texte X</p>' });
  const y = await addDraft(db, { title: 'Le yacht du ministre', body: '<p>Texte Y</p>' });
  await engine.run();
  await b.join();
  if (opened) await b.engine.lock('draft', opened === 'x' ? x.id : y.id);
  return { x, y };
}

/**
 * Rédaction's engine on the page's own database; `mergeCheckMarkMs`: how long it marks a lock
 * found by a merge check.
 */
function redacEngine(mergeCheckMarkMs?: number) {
  return new SyncEngine({
    db,
    settings: async () => server.settings('redac'),
    fetch: server.fetch,
    isOnline: () => !server.offline,
    writeDelayMs: 10,
    ...(mergeCheckMarkMs === undefined ? {} : { mergeCheckMarkMs }),
  });
}

/** This browser's background marks a lock found by a merge check for half a second here. */
function markBriefly() {
  engine = redacEngine(500);
}

describe('« Fusionner dans… » over a draft a colleague opened since the last sync', () => {
  it('is refused, naming who has it open; nothing changes and the draft is greyed with why', async () => {
    const { x, y } = await shared('y');
    // The last sync did not see B's lock: the draft is not greyed yet.
    expect((await db.clips.get(y.id))!.desk?.lock).toBeUndefined();
    let done: boolean | undefined;
    wrap(<MergeDialog sourceId={x.id} onDone={(merged) => (done = merged)} />);

    fireEvent.click((await screen.findByText('Le yacht du ministre')).closest('button')!);

    const alert = await screen.findByTestId('merge-locked');
    expect(alert.textContent).toBe(INTO_LOCKED('Le yacht du ministre'));
    expect(alert.getAttribute('role')).toBe('alert');
    expect(done).toBeUndefined();
    expect(await db.clips.get(x.id)).toMatchObject({ body: '<p>Texte X</p>' });
    expect((await db.clips.get(y.id))!.body).toBe('<p>Texte Y</p>');
    expect(await db.outbox.count()).toBe(0);
    const target = screen.getByText('Le yacht du ministre').closest('button')!;
    await waitFor(() => expect(target).toHaveProperty('disabled', true));
    expect(target.title).toBe(INTO_LOCKED('Le yacht du ministre'));
  });

  it('the draft greyed is free again when the mark lapses, without a sync; tried again once B closed it, merged', async () => {
    markBriefly();
    const { x, y } = await shared('y');
    let done: boolean | undefined;
    wrap(<MergeDialog sourceId={x.id} onDone={(merged) => (done = merged)} />);
    fireEvent.click((await screen.findByText('Le yacht du ministre')).closest('button')!);
    const target = () => screen.getByText('Le yacht du ministre').closest('button')!;
    await waitFor(() => expect(target()).toHaveProperty('disabled', true));
    expect(screen.getByTestId('merge-locked').textContent).toBe(
      INTO_LOCKED('Le yacht du ministre'),
    );
    const syncs = server.log.filter((line) => line.includes('/changes')).length;

    // B closes Y. No sync runs: the mark lapses all the same, Y is offered again and the
    // refusal goes with the greying.
    await b.engine.lock('draft', y.id, true);
    await waitFor(() => expect(target()).toHaveProperty('disabled', false), { timeout: 2000 });
    expect(target().title).toBe('');
    expect(screen.queryByTestId('merge-locked')).toBeNull();
    expect(server.log.filter((line) => line.includes('/changes'))).toHaveLength(syncs);

    fireEvent.click(target());
    await waitFor(() => expect(done).toBe(true));
    expect((await db.clips.get(y.id))!.body).toContain('Texte X');
  });

  it('a colleague has the merged draft open: refused in the house words, nothing merged', async () => {
    const { x, y } = await shared('x');
    wrap(<MergeDialog sourceId={x.id} onDone={() => {}} />);

    fireEvent.click((await screen.findByText('Le yacht du ministre')).closest('button')!);

    expect((await screen.findByTestId('merge-locked')).textContent).toBe(
      'Auteur le modifie en ce moment\u00a0: fusionnez quand il ou elle aura fini.',
    );
    expect(await db.clips.get(x.id)).toBeDefined();
    expect((await db.clips.get(y.id))!.body).toBe('<p>Texte Y</p>');
  });

  it('a colleague has the merged draft open: the refusal goes when its mark lapses, without a sync', async () => {
    markBriefly();
    const { x } = await shared('x');
    wrap(<MergeDialog sourceId={x.id} onDone={() => {}} />);
    fireEvent.click((await screen.findByText('Le yacht du ministre')).closest('button')!);
    await screen.findByTestId('merge-locked');
    const syncs = server.log.filter((line) => line.includes('/changes')).length;

    await waitFor(() => expect(screen.queryByTestId('merge-locked')).toBeNull(), {
      timeout: 2000,
    });
    expect(server.log.filter((line) => line.includes('/changes'))).toHaveLength(syncs);
    expect(await db.clips.get(x.id)).toBeDefined();
  });

  it('nobody has them open: merged, as before', async () => {
    const { x, y } = await shared();
    let done: boolean | undefined;
    wrap(<MergeDialog sourceId={x.id} onDone={(merged) => (done = merged)} />);

    fireEvent.click((await screen.findByText('Le yacht du ministre')).closest('button')!);

    await waitFor(() => expect(done).toBe(true));
    expect(await db.clips.get(x.id)).toBeUndefined();
    expect((await db.clips.get(y.id))!.body).toContain('Texte X');
    expect(screen.queryByTestId('merge-locked')).toBeNull();
  });

  it('offline: merged at once, the next sync merges the texts', async () => {
    const { x } = await shared('y');
    server.offline = true;
    let done: boolean | undefined;
    wrap(<MergeDialog sourceId={x.id} onDone={(merged) => (done = merged)} />);

    fireEvent.click((await screen.findByText('Le yacht du ministre')).closest('button')!);

    await waitFor(() => expect(done).toBe(true));
    expect(await db.clips.get(x.id)).toBeUndefined();
  });
});

/** The inbox, its drafts drawn: what the page speaks from then on (`recordSpoken`). */
async function inboxHeard() {
  wrap(<Inbox onOpen={() => {}} />);
  const spoken = recordSpoken();
  await screen.findByText('Le yacht du ministre');
  await screen.findByText('Le ministre part');
  return spoken;
}

describe('a draft dropped on a draft a colleague opened since the last sync', () => {
  it('is not merged, and the inbox says who has it open', async () => {
    const { x, y } = await shared('y');
    const spoken = await inboxHeard();

    drag(row('Le ministre part'), row('Le yacht du ministre'));

    // Said where a drop's merge is said, the bar of « Annuler » (nothing to undo), and spoken.
    const bar = await screen.findByTestId('undo-bar');
    await waitFor(() => expect(bar.textContent).toBe(INTO_LOCKED('Le yacht du ministre')));
    expect(within(bar).queryByRole('button')).toBeNull();
    // Spoken once, by the bar through the page's announcer, its one live region.
    await waitFor(() => expect(spoken).toEqual([INTO_LOCKED('Le yacht du ministre')]));
    expect(liveRegionsSaying(INTO_LOCKED('Le yacht du ministre'))).toEqual([
      screen.getByTestId('announcement'),
    ]);
    // Not above the list, away from the drop.
    expect(screen.queryByTestId('merge-locked')).toBeNull();
    expect(await db.clips.get(x.id)).toBeDefined();
    expect((await db.clips.get(y.id))!.body).toBe('<p>Texte Y</p>');
    // Y is greyed now, as a lock the last sync saw: no drop on it is taken.
    await waitFor(() =>
      expect(within(row('Le yacht du ministre')).getByTestId('desk-lock')).toBeTruthy(),
    );
    expect(spoken).toEqual([INTO_LOCKED('Le yacht du ministre')]);
  });

  it('the told refusal makes way for the next outcome, a merge that went, with its « Annuler »', async () => {
    const { y } = await shared('y');
    const z = await addDraft(db, { title: 'Le ministre revient', body: '<p>Texte Z</p>' });
    const spoken = await inboxHeard();

    drag(row('Le ministre part'), row('Le yacht du ministre'));
    const bar = await screen.findByTestId('undo-bar');
    await waitFor(() => expect(bar.textContent).toBe(INTO_LOCKED('Le yacht du ministre')));

    drag(row('Le ministre part'), row('Le ministre revient'));
    await waitFor(() =>
      expect(screen.getByTestId('undo-bar').textContent).toContain(
        'Fusionné dans «\u00a0Le ministre revient\u00a0».',
      ),
    );
    expect(
      within(screen.getByTestId('undo-bar')).getByRole('button', { name: 'Annuler' }),
    ).toBeTruthy();
    // The offer is spoken too, after the refusal, each once.
    await waitFor(() => expect(spoken).toHaveLength(2));
    expect(spoken[0]).toBe(INTO_LOCKED('Le yacht du ministre'));
    expect(spoken[1]).toContain('Fusionné dans «\u00a0Le ministre revient\u00a0».');
    expect(await db.clips.get(z.id)).toBeDefined();
    expect((await db.clips.get(y.id))!.body).toBe('<p>Texte Y</p>');
  });

  it('nobody has it open: merged, as before', async () => {
    const { x, y } = await shared();
    wrap(<Inbox onOpen={() => {}} />);
    await screen.findByText('Le yacht du ministre');

    drag(row('Le ministre part'), row('Le yacht du ministre'));

    await waitFor(async () => expect(await db.clips.get(x.id)).toBeUndefined());
    expect((await db.clips.get(y.id))!.body).toContain('Texte X');
  });
});

describe('a drop target greyed by a lock a merge check found', () => {
  it('takes drops again once the mark lapses, without a sync', async () => {
    markBriefly();
    const { x, y } = await shared('y');
    wrap(<Inbox onOpen={() => {}} />);
    await screen.findByText('Le yacht du ministre');
    drag(row('Le ministre part'), row('Le yacht du ministre'));
    await waitFor(() =>
      expect(within(row('Le yacht du ministre')).getByTestId('desk-lock')).toBeTruthy(),
    );

    await b.engine.lock('draft', y.id, true);
    await waitFor(
      () => expect(within(row('Le yacht du ministre')).queryByTestId('desk-lock')).toBeNull(),
      { timeout: 2000 },
    );
    drag(row('Le ministre part'), row('Le yacht du ministre'));
    await waitFor(async () => expect(await db.clips.get(x.id)).toBeUndefined());
    expect((await db.clips.get(y.id))!.body).toContain('Texte X');
  });
});

describe('« Le fusionner dans celui-ci » (the other draft of a page) a colleague opened since', () => {
  it('is refused and greyed, saying who has it open in the bar, spoken once; nothing merged', async () => {
    const { x } = await shared();
    const page = (await db.clips.get(x.id))!.url;
    // B clipped the same page: after the syncs, A's editor offers to merge B's draft into X.
    const theirs = await addDraft(b.db, { url: page, title: 'Le ministre part (Auteur)' });
    await b.sync();
    await engine.run();
    await b.engine.lock('draft', theirs.id);
    wrap(<DraftEditor id={x.id} onClose={() => {}} />);
    const spoken = recordSpoken();

    const notice = await screen.findByTestId('page-twin');
    const merge = within(notice).getByRole('button', { name: 'Le fusionner dans celui-ci' });
    expect(merge).toHaveProperty('disabled', false);
    fireEvent.click(merge);

    const said = 'Auteur le modifie en ce moment\u00a0: fusionnez quand il ou elle aura fini.';
    await waitFor(() => expect(merge).toHaveProperty('disabled', true));
    expect(merge.title).toBe(said);
    expect(notice.textContent).toContain(said);
    // Said where the merge's « Annuler » would be, nothing to undo, and spoken once by the bar.
    const bar = await screen.findByTestId('undo-bar');
    expect(bar.textContent).toBe(said);
    expect(within(bar).queryByRole('button')).toBeNull();
    await waitFor(() => expect(spoken).toEqual([said]));
    expect(liveRegionsSaying(said)).toEqual([screen.getByTestId('announcement')]);
    expect(await db.clips.get(theirs.id)).toBeDefined();
    expect((await db.clips.get(theirs.id))!.deletedAt).toBeUndefined();
    expect((await db.clips.get(x.id))!.body).toBe('<p>Texte X</p>');
    expect(spoken).toEqual([said]);
  });

  it('a colleague has this draft open: refused, naming it by its title as its inbox row shows it', async () => {
    await engine.enable();
    await engine.whenIdle();
    // Its title as a clip or a colleague wrote it, straight quotes and all.
    const x = await addDraft(db, { title: 'Le "yacht" du ministre', body: '<p>Texte X</p>' });
    await engine.run();
    await b.join();
    const theirs = await addDraft(b.db, { url: x.url, title: 'Le yacht (Auteur)' });
    await b.sync();
    await engine.run();
    // B opens this draft after this browser's last sync: the editor does not know it yet.
    await b.engine.lock('draft', x.id);
    wrap(<DraftEditor id={x.id} onClose={() => {}} />);

    const notice = await screen.findByTestId('page-twin');
    fireEvent.click(within(notice).getByRole('button', { name: 'Le fusionner dans celui-ci' }));

    const said = INTO_LOCKED('Le "yacht" du ministre');
    await waitFor(() => expect(screen.getByTestId('undo-bar').textContent).toBe(said));
    expect((await db.clips.get(theirs.id))!.deletedAt).toBeUndefined();
  });
});
