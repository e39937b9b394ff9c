/**
 * Two editors clipped one page offline, each into a draft of their own, and the sync brought
 * both to the desk: the draft's row and its editor say who has the other, open it, and (when
 * the role may write both) merge it into this one, undoably.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DraftEditor } from '../../../components/DraftEditor';
import { Inbox } from '../../../components/Inbox';
import { MergeDialog } from '../../../components/MergeDialog';
import { registerHandlers, type Handlers } from '../../../messaging/protocol';
import { db } from '../../../storage/db';
import type { DeskMark } from '../../../storage/sync-state';
import { deskState, type DeskPerson } from '../desk-fixtures';
import { addDraft } from '../storage/helpers';
import { drag, row, wrap } from './desk-views';

const PAGE = 'https://www.lemonde.fr/politique/article/2026/03/15/le-ministre.html';

let unregister: () => void;
beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await Promise.all([
    db.clips.clear(),
    db.issues.clear(),
    db.syncState.clear(),
    db.outbox.clear(),
    db.conflicts.clear(),
  ]);
  // The editor takes the edit lock of a shared draft it opens: granted.
  unregister = registerHandlers({
    deskLock: async () => ({ ok: true, lock: null }),
  } as unknown as Handlers);
});
afterEach(() => {
  unregister();
  cleanup();
});

/** Why a draft Rédac is editing may not be deleted. */
const TRASH_LOCKED =
  'Rédac le modifie en ce moment\u00a0: supprimez-le quand il ou elle aura fini.';

const sharedAs = (who: DeskPerson) => db.syncState.put(deskState(who));

/** How the site marks a draft for the current user: who clipped it, may they write it. */
const mark = (createdBy: string, writable: boolean): DeskMark => ({
  remoteId: Math.floor(Math.random() * 1e6),
  createdBy,
  canEdit: writable,
  canTrash: writable,
});

/** The same page clipped by Rédac (the Editor) and by Pigiste (a Contributor). */
async function twins(writable: { redac: boolean; pigiste: boolean }) {
  const redac = await addDraft(db, {
    url: PAGE,
    title: 'Le ministre part',
    body: '<p>Texte de Rédac</p>',
    desk: mark('Rédac', writable.redac),
  });
  const pigiste = await addDraft(db, {
    url: PAGE,
    title: 'Le ministre part (Pigiste)',
    body: '<p>Texte de Pigiste</p>',
    note: 'Vu au Sénat',
    desk: mark('Pigiste', writable.pigiste),
  });
  return { redac, pigiste };
}

/** `by` holds the draft's edit lock (WordPress's), for a few minutes more. */
const lockedBy = (by = 'Rédac') => ({
  by,
  userId: 2,
  since: new Date(Date.now() - 60_000).toISOString(),
  expires: new Date(Date.now() + 120_000).toISOString(),
});

/** The greyed control's reason, as its tooltip and as the line read with it. */
function expectRefused(control: HTMLElement, reason: string) {
  expect(control).toHaveProperty('disabled', true);
  expect(control.title).toBe(reason);
  const described = control.getAttribute('aria-describedby');
  expect(described, 'aria-describedby').toBeTruthy();
  expect(document.getElementById(described!)?.textContent).toBe(reason);
}

describe('Inbox › a page two editors clipped', () => {
  it('says on each row who has the other draft, and opens it', async () => {
    await sharedAs('editor');
    const { redac, pigiste } = await twins({ redac: true, pigiste: true });
    await addDraft(db, { title: 'Une autre page', desk: mark('Pigiste', true) });
    const opened: string[] = [];
    wrap(<Inbox onOpen={(id) => opened.push(id)} />);

    const mine = (await screen.findByText('Le ministre part')).closest('article')!;
    const theirs = screen.getByText('Le ministre part (Pigiste)').closest('article')!;
    await waitFor(() =>
      expect(within(mine).getByTestId('page-twin').textContent).toContain(
        'Pigiste a aussi un brouillon de cette page.',
      ),
    );
    // On the colleague's row, the Editor's own draft is theirs: said so.
    expect(within(theirs).getByTestId('page-twin').textContent).toContain(
      'Vous avez aussi un brouillon de cette page.',
    );
    const other = screen.getByText('Une autre page').closest('article')!;
    expect(within(other).queryByTestId('page-twin')).toBeNull();

    fireEvent.click(
      within(mine).getByRole('button', {
        name: 'Ouvrir l’autre brouillon de cette page, «\u00a0Le ministre part (Pigiste)\u00a0»',
      }),
    );
    expect(opened).toEqual([pigiste.id]);
    expect(redac.id).not.toBe(pigiste.id);
  });

  it('says, once one is dropped onto the other, whose went into whose when both have the same title', async () => {
    await sharedAs('editor');
    const { redac, pigiste } = await twins({ redac: true, pigiste: true });
    await db.clips.update(pigiste.id, { title: 'Le ministre part' });
    wrap(<Inbox onOpen={() => {}} />);

    // Two rows of one title: each told by the twin line naming the other's author.
    const rowOf = (other: string) =>
      screen
        .getAllByTestId('draft')
        .find((row) => within(row).queryByTestId('page-twin')?.textContent?.includes(other))!;
    await waitFor(() => expect(rowOf('Pigiste a aussi') && rowOf('Vous avez aussi')).toBeTruthy());
    // Pigiste's draft (whose twin line says « Vous avez aussi ») dropped onto Rédac's.
    expect(drag(rowOf('Vous avez aussi'), rowOf('Pigiste a aussi'))).toBe(true);

    await waitFor(async () => expect(await db.clips.get(pigiste.id)).toBeUndefined());
    expect(await db.clips.get(redac.id)).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId('undo-bar').textContent).toContain(
        '«\u00a0Le ministre part\u00a0» (Pigiste) fusionné dans «\u00a0Le ministre part\u00a0» (Rédac).',
      ),
    );
  });

  it('says nothing of two drafts of one page by the same editor, nor with the desk off', async () => {
    await sharedAs('editor');
    await addDraft(db, { url: PAGE, title: 'Premier', desk: mark('Rédac', true) });
    await addDraft(db, { url: PAGE, title: 'Second', desk: mark('Rédac', true) });
    wrap(<Inbox onOpen={() => {}} />);
    await screen.findByText('Premier');
    // The rows are drawn from the same read that would have found a twin.
    await waitFor(() => expect(screen.getAllByTestId('draft')).toHaveLength(2));
    expect(screen.queryByTestId('page-twin')).toBeNull();
    cleanup();

    await db.syncState.clear();
    await db.clips.clear();
    await twins({ redac: true, pigiste: true });
    wrap(<Inbox onOpen={() => {}} />);
    await screen.findByText('Le ministre part');
    await waitFor(() => expect(screen.getAllByTestId('draft')).toHaveLength(2));
    expect(screen.queryByTestId('page-twin')).toBeNull();
  });
});

describe('DraftEditor › a page two editors clipped', () => {
  it('lets an Editor merge the colleague’s draft into theirs, and undo it', async () => {
    await sharedAs('editor');
    const { redac, pigiste } = await twins({ redac: true, pigiste: true });
    wrap(<DraftEditor id={redac.id} onClose={() => {}} />);

    const notice = await screen.findByTestId('page-twin');
    expect(notice.textContent).toContain('Pigiste a aussi un brouillon de cette page.');
    fireEvent.click(within(notice).getByRole('button', { name: 'Le fusionner dans celui-ci' }));

    await waitFor(async () => expect(await db.clips.get(pigiste.id)).toBeUndefined());
    const merged = (await db.clips.get(redac.id))!;
    expect(merged.body).toBe('<p>Texte de Rédac</p><p>Texte de Pigiste</p>');
    expect(merged.note).toBe('Vu au Sénat');
    await waitFor(() => expect(screen.queryByTestId('page-twin')).toBeNull());
    const bar = screen.getByTestId('undo-bar');
    expect(bar.textContent).toContain('Fusionné dans «\u00a0Le ministre part\u00a0».');

    fireEvent.click(within(bar).getByRole('button', { name: 'Annuler' }));
    await waitFor(async () => expect(await db.clips.get(pigiste.id)).toBeTruthy());
    expect((await db.clips.get(redac.id))!.body).toBe('<p>Texte de Rédac</p>');
    await screen.findByTestId('page-twin');
  });

  it('says whose draft went into whose when both have the same title', async () => {
    await sharedAs('editor');
    const { redac, pigiste } = await twins({ redac: true, pigiste: true });
    // Both clipped the page under its own title: « Fusionné dans « Le ministre part » » would
    // not say which of the two is in the trash now.
    await db.clips.update(pigiste.id, { title: 'Le ministre part' });
    wrap(<DraftEditor id={redac.id} onClose={() => {}} />);

    const notice = await screen.findByTestId('page-twin');
    fireEvent.click(within(notice).getByRole('button', { name: 'Le fusionner dans celui-ci' }));

    await waitFor(async () => expect(await db.clips.get(pigiste.id)).toBeUndefined());
    await waitFor(() =>
      expect(screen.getByTestId('undo-bar').textContent).toContain(
        '«\u00a0Le ministre part\u00a0» (Pigiste) fusionné dans «\u00a0Le ministre part\u00a0» (Rédac).',
      ),
    );
  });

  it('opens the other draft, and greys the merge with why for a Contributor', async () => {
    await sharedAs('contributor');
    const { redac, pigiste } = await twins({ redac: false, pigiste: true });
    const opened: string[] = [];
    wrap(<DraftEditor id={pigiste.id} onClose={() => {}} onOpenDraft={(id) => opened.push(id)} />);

    const notice = await screen.findByTestId('page-twin');
    expect(notice.textContent).toContain('Rédac a aussi un brouillon de cette page.');
    const merge = within(notice).getByRole('button', { name: 'Le fusionner dans celui-ci' });
    expect(merge).toHaveProperty('disabled', true);
    expect(merge.title).toMatch(/^Vous êtes Contributeur\u00a0: ce brouillon est celui de Rédac/);
    fireEvent.click(merge);
    expect(await db.clips.get(redac.id)).toBeTruthy();

    fireEvent.click(within(notice).getByRole('button', { name: /^Ouvrir l’autre brouillon/ }));
    await waitFor(() => expect(opened).toEqual([redac.id]));
  });
});

describe('DraftEditor › merging a draft another editor has open', () => {
  const LOCKED = 'Rédac le modifie en ce moment\u00a0: fusionnez quand il ou elle aura fini.';

  it('greys « Le fusionner dans celui-ci » with why while the other draft is being edited', async () => {
    await sharedAs('editor');
    const { redac, pigiste } = await twins({ redac: true, pigiste: true });
    // Rédac is typing in their draft: merging it would trash it under their hands, without
    // what they typed since their last sync.
    await db.clips.update(redac.id, { desk: { ...redac.desk!, lock: lockedBy() } });
    wrap(<DraftEditor id={pigiste.id} onClose={() => {}} />);

    const notice = await screen.findByTestId('page-twin');
    const merge = within(notice).getByRole('button', { name: 'Le fusionner dans celui-ci' });
    await waitFor(() => expectRefused(merge, LOCKED));
    fireEvent.click(merge);
    expect(await db.clips.get(redac.id)).toBeTruthy();
  });

  it('takes no drop in the inbox of a draft another editor is editing, and merges it once free', async () => {
    await sharedAs('editor');
    const { redac, pigiste } = await twins({ redac: true, pigiste: true });
    await db.clips.update(redac.id, { desk: { ...redac.desk!, lock: lockedBy() } });
    wrap(<Inbox onOpen={() => {}} />);

    await screen.findByText('Le ministre part');
    // The desk read first (its « Supprimer » greyed by the lock): before, the row does not know
    // the draft is held, and only the drop's own check in the database refuses the merge.
    const remove = within(row('Le ministre part')).getByRole('button', {
      name: /^Supprimer «\u00a0Le ministre part\u00a0»/,
    });
    await waitFor(() => expectRefused(remove, TRASH_LOCKED));
    expect(drag(row('Le ministre part'), row('Le ministre part (Pigiste)'))).toBe(false);
    expect(await db.clips.get(redac.id)).toBeTruthy();

    // Rédac done: the lock released, the same drag merges.
    const free = { ...(await db.clips.get(redac.id))!.desk! };
    delete free.lock;
    await db.clips.update(redac.id, { desk: free });
    await waitFor(() =>
      expect(drag(row('Le ministre part'), row('Le ministre part (Pigiste)'))).toBe(true),
    );
    await waitFor(async () => expect(await db.clips.get(redac.id)).toBeUndefined());
    expect((await db.clips.get(pigiste.id))!.body).toContain('Texte de Rédac');
  });

  it('greys « Fusionner » on a draft another editor is editing, and not once the lock has lapsed', async () => {
    await sharedAs('editor');
    const { redac } = await twins({ redac: true, pigiste: true });
    await db.clips.update(redac.id, { desk: { ...redac.desk!, lock: lockedBy() } });
    wrap(<DraftEditor id={redac.id} onClose={() => {}} />);

    await waitFor(() => expectRefused(screen.getByTestId('merge-button'), LOCKED));
    cleanup();

    // A lock Rédac let lapse (they closed the draft without WordPress hearing of it) holds nothing.
    const lapsed = { ...lockedBy(), expires: new Date(Date.now() - 1000).toISOString() };
    await db.clips.update(redac.id, { desk: { ...redac.desk!, lock: lapsed } });
    wrap(<DraftEditor id={redac.id} onClose={() => {}} />);
    await waitFor(() =>
      expect(screen.getByTestId('merge-button')).toHaveProperty('disabled', false),
    );
  });
});

describe('deleting a draft another editor has open, and merging into it', () => {
  const INTO_LOCKED = (title: string, by = 'Rédac') =>
    `${by} modifie «\u00a0${title}\u00a0» en ce moment\u00a0: fusionnez-y quand il ou elle aura fini.`;

  it('greys the editor’s « Supprimer » with why while another editor has the draft open', async () => {
    await sharedAs('editor');
    const { redac } = await twins({ redac: true, pigiste: true });
    // Trashed, the draft would leave Rédac typing into the trash, and their next save would
    // bring it back without a word.
    await db.clips.update(redac.id, { desk: { ...redac.desk!, lock: lockedBy() } });
    wrap(<DraftEditor id={redac.id} onClose={() => {}} />);

    const remove = await screen.findByTestId('delete-button');
    await waitFor(() => expectRefused(remove, TRASH_LOCKED));
    cleanup();

    const lapsed = { ...lockedBy(), expires: new Date(Date.now() - 1000).toISOString() };
    await db.clips.update(redac.id, { desk: { ...redac.desk!, lock: lapsed } });
    wrap(<DraftEditor id={redac.id} onClose={() => {}} />);
    await waitFor(() =>
      expect(screen.getByTestId('delete-button')).toHaveProperty('disabled', false),
    );
  });

  it('greys « Supprimer » and « Fusionner » as soon as opening the draft finds its lock held', async () => {
    // The last sync did not see Rédac's lock (they opened it since): taking it on opening here
    // is refused, which says who has it, and that is enough.
    unregister();
    unregister = registerHandlers({
      deskLock: async () => ({ ok: false, code: 'locked', lock: lockedBy() }),
    } as unknown as Handlers);
    await sharedAs('editor');
    const { redac } = await twins({ redac: true, pigiste: true });
    wrap(<DraftEditor id={redac.id} onClose={() => {}} />);

    await screen.findByText(/Rédac modifie ce brouillon/);
    expectRefused(screen.getByTestId('delete-button'), TRASH_LOCKED);
    expectRefused(
      screen.getByTestId('merge-button'),
      'Rédac le modifie en ce moment\u00a0: fusionnez quand il ou elle aura fini.',
    );
  });

  it('greys the inbox row’s « Supprimer » and takes no drop onto it while it is open elsewhere', async () => {
    await sharedAs('editor');
    const { redac, pigiste } = await twins({ redac: true, pigiste: true });
    await db.clips.update(redac.id, { desk: { ...redac.desk!, lock: lockedBy() } });
    wrap(<Inbox onOpen={() => {}} />);

    await screen.findByText('Le ministre part');
    const remove = within(row('Le ministre part')).getByRole('button', {
      name: /^Supprimer «\u00a0Le ministre part\u00a0»/,
    });
    await waitFor(() => expectRefused(remove, TRASH_LOCKED));
    // Merged into, Rédac's draft would be rewritten under their hands: the drop is not taken.
    expect(drag(row('Le ministre part (Pigiste)'), row('Le ministre part'))).toBe(false);
    expect(await db.clips.get(pigiste.id)).toBeTruthy();
    expect((await db.clips.get(redac.id))!.body).toBe('<p>Texte de Rédac</p>');
    // The other row, which nobody holds, is still deleted as ever.
    expect(
      within(row('Le ministre part (Pigiste)')).getByRole('button', {
        name: /^Supprimer «\u00a0Le ministre part \(Pigiste\)\u00a0»/,
      }),
    ).toHaveProperty('disabled', false);
  });

  it('lists a draft another editor has open greyed in « Fusionner dans… », with why', async () => {
    await sharedAs('editor');
    const { redac, pigiste } = await twins({ redac: true, pigiste: true });
    await db.clips.update(redac.id, { desk: { ...redac.desk!, lock: lockedBy() } });
    await addDraft(db, { title: 'Une autre page', desk: mark('Pigiste', true) });
    wrap(<MergeDialog sourceId={pigiste.id} onDone={() => {}} />);

    const locked = (await screen.findByText('Le ministre part')).closest('button')!;
    await waitFor(() => expectRefused(locked, INTO_LOCKED('Le ministre part')));
    // Said under the greyed draft, not only to a screen reader or in a tooltip.
    const why = document.getElementById(locked.getAttribute('aria-describedby')!)!;
    expect(why.className).toBe('role-reason');
    expect(screen.getByText('Une autre page').closest('button')).toHaveProperty('disabled', false);
  });

  it('greys « Le fusionner dans celui-ci » while a colleague also has this draft open', async () => {
    await sharedAs('editor');
    const { pigiste } = await twins({ redac: true, pigiste: true });
    // Camille has Pigiste's draft open too: the merge would rewrite it under her hands.
    await db.clips.update(pigiste.id, { desk: { ...pigiste.desk!, lock: lockedBy('Camille') } });
    wrap(<DraftEditor id={pigiste.id} onClose={() => {}} />);

    const notice = await screen.findByTestId('page-twin');
    const merge = within(notice).getByRole('button', { name: 'Le fusionner dans celui-ci' });
    await waitFor(() => expectRefused(merge, INTO_LOCKED('Le ministre part (Pigiste)', 'Camille')));
  });

  it('still restores from the trash a draft another editor has open', async () => {
    await sharedAs('editor');
    const { redac } = await twins({ redac: true, pigiste: true });
    // Restoring takes nothing from Rédac: the draft they type in comes back.
    await db.clips.update(redac.id, {
      deletedAt: new Date().toISOString(),
      desk: { ...redac.desk!, lock: lockedBy() },
    });
    wrap(<Inbox onOpen={() => {}} />);
    fireEvent.change(await screen.findByLabelText('Où chercher'), { target: { value: 'trash' } });

    const trashed = await screen.findByText('Le ministre part');
    const restore = within(trashed.closest('article')!).getByRole('button', { name: 'Restaurer' });
    expect(restore).toHaveProperty('disabled', false);
  });
});
