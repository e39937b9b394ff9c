/**
 * A draft another editor merged into a draft (« Fusionner dans… ») reaches this desk in the
 * trash with the draft it went into on its desk mark: its editor and its row in the trash say
 * who merged it and where, and open that draft; restoring it takes the mark off.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DraftEditor } from '../../../components/DraftEditor';
import { Inbox } from '../../../components/Inbox';
import { setLocale } from '../../../locales';
import { registerHandlers, type Handlers } from '../../../messaging/protocol';
import { db, type Draft } from '../../../storage/db';
import type { DeskMark } from '../../../storage/sync-state';
import { deskState } from '../desk-fixtures';
import { addDraft } from '../storage/helpers';
import { wrap } from './desk-views';

let unregister: () => void;
beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  setLocale('fr');
  await Promise.all([
    db.clips.clear(),
    db.issues.clear(),
    db.syncState.clear(),
    db.outbox.clear(),
    db.conflicts.clear(),
  ]);
  await db.syncState.put(deskState('editor'));
  unregister = registerHandlers({
    deskLock: async () => ({ ok: true, lock: null }),
  } as unknown as Handlers);
});
afterEach(() => {
  unregister();
  cleanup();
  setLocale('fr');
});

/** French quotes as the messages write them, with no-break spaces inside. */
const fr = (text: string) => text.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»');

/** X as the sync leaves it after Rédac merged it into draft `yId` (`desk` adds to its mark). */
function mergedX(yId: string, desk: Partial<DeskMark> = { trashedBy: 'Rédac' }) {
  return addDraft(db, {
    title: 'Le yacht du ministre',
    deletedAt: new Date().toISOString(),
    desk: { remoteId: 1, mergedInto: yId, canTrash: true, ...desk },
  });
}

/**
 * Y, the draft X went into, as the sync brings it (with `id`, once X names it; `trashed`: found
 * in the desk's trash, or put there since).
 */
const arrives = (id?: string, trashed = false) =>
  addDraft(db, {
    ...(id ? { id } : {}),
    title: 'Le ministre et le yacht',
    desk: { remoteId: 2 },
    ...(trashed ? { deletedAt: new Date(Date.now() - 60_000).toISOString() } : {}),
  });

/** Y (in the trash too if `trashed`), and X as the sync leaves it after Rédac merged X into Y. */
async function merged(by: string | null = 'Rédac', trashed = false) {
  const y = await arrives(undefined, trashed);
  const x = await mergedX(y.id, by ? { trashedBy: by } : {});
  return { x, y };
}

/**
 * X as the sync leaves it after Rédac merged it into a draft this browser does not have (`desk`
 * adds to its mark, `mergedIntoGone` once the desk said it has that draft no more): X and that
 * draft's id.
 */
async function mergedIntoAbsent(desk?: Partial<DeskMark>) {
  const yId = crypto.randomUUID();
  return { x: await mergedX(yId, desk), yId };
}

/** X's editor, its « Ouvrir » putting what it opens in `opened`: its trash notice. */
async function editorNotice(x: Draft, opened: string[] = []) {
  wrap(<DraftEditor id={x.id} onClose={() => {}} onOpenDraft={(id) => opened.push(id)} />);
  return screen.findByTestId('draft-trashed');
}

/** Waits until `notice` says `text`. */
const says = (notice: HTMLElement, text: string) =>
  waitFor(() => expect(notice.textContent).toContain(text));

/**
 * The inbox shown on its trash (« Où chercher », or `box` in English), « Ouvrir » putting what
 * it opens in `opened`: X's row.
 */
async function trashRow(opened: string[] = [], box = 'Où chercher') {
  wrap(<Inbox onOpen={(id) => opened.push(id)} />);
  fireEvent.change(await screen.findByRole('combobox', { name: box }), {
    target: { value: 'trash' },
  });
  return (await screen.findByText('Le yacht du ministre')).closest('article')!;
}

describe('DraftEditor › a draft another editor merged into another', () => {
  it('says who merged it and into which draft, opens that draft, and restoring takes the mark off', async () => {
    const { x, y } = await merged();
    const opened: string[] = [];
    const notice = await editorNotice(x, opened);

    await says(notice, fr('Rédac a fusionné ce brouillon dans « Le ministre et le yacht ».'));
    fireEvent.click(
      within(notice).getByRole('button', {
        name: fr('Ouvrir « Le ministre et le yacht », où il a été fusionné'),
      }),
    );
    await waitFor(() => expect(opened).toEqual([y.id]));

    fireEvent.click(
      within(notice).getByRole('button', { name: 'Le remettre dans les brouillons' }),
    );
    await waitFor(async () => expect((await db.clips.get(x.id))!.deletedAt).toBeUndefined());
    expect((await db.clips.get(x.id))!.desk).toEqual({
      remoteId: 1,
      trashedBy: 'Rédac',
      canTrash: true,
    });
    await waitFor(() => expect(screen.queryByTestId('draft-trashed')).toBeNull());
  });

  it('says it in English, and without a name when the sync gave none', async () => {
    setLocale('en');
    const { x } = await merged(null);
    const notice = await editorNotice(x);
    await says(notice, 'This draft was merged into “Le ministre et le yacht” elsewhere.');
    expect(
      within(notice).getByRole('button', { name: /^Open “Le ministre et le yacht”/ }),
    ).toBeTruthy();
  });

  it('says it was merged before the draft it went into is here, and names it with « Ouvrir » as soon as it arrives', async () => {
    const { x, yId } = await mergedIntoAbsent();
    const opened: string[] = [];
    const notice = await editorNotice(x, opened);
    await says(
      notice,
      'Rédac a fusionné ce brouillon dans un autre brouillon, pas encore arrivé dans ce navigateur\u00a0: vous pourrez l’ouvrir d’ici dès qu’il sera là.',
    );
    expect(notice.textContent).not.toContain('a mis ce brouillon à la corbeille');
    expect(within(notice).queryByTestId('open-merged-into')).toBeNull();

    // The sync brings Y: the same notice names it and opens it, nothing else asked.
    await arrives(yId);
    await says(notice, fr('Rédac a fusionné ce brouillon dans « Le ministre et le yacht ».'));
    fireEvent.click(within(notice).getByTestId('open-merged-into'));
    await waitFor(() => expect(opened).toEqual([yId]));
  });

  it('says it in English before the draft arrives, without a name when the sync gave none', async () => {
    setLocale('en');
    const { x } = await mergedIntoAbsent({});
    await says(
      await editorNotice(x),
      'This draft was merged elsewhere into another draft that has not reached this browser yet',
    );
  });

  it('says the draft it went into is no longer on the desk once the desk said so, and names it if it comes back', async () => {
    const { x, yId } = await mergedIntoAbsent({ trashedBy: 'Rédac', mergedIntoGone: true });
    const notice = await editorNotice(x);
    await says(
      notice,
      'Rédac a fusionné ce brouillon dans un autre brouillon, qui a depuis été supprimé de la rédaction partagée. Celui-ci est à la corbeille, où il sera supprimé au bout de 30 jours\u202f; remettez-le dans les brouillons pour en garder le contenu.',
    );
    expect(notice.textContent).not.toContain('pas encore arrivé');
    expect(within(notice).queryByTestId('open-merged-into')).toBeNull();
    expect(
      within(notice).getByRole('button', { name: 'Le remettre dans les brouillons' }),
    ).toBeTruthy();

    // Sent to the desk again by a colleague who had written on it: the pull brings it, named.
    await arrives(yId);
    await says(notice, fr('Rédac a fusionné ce brouillon dans « Le ministre et le yacht ».'));
    expect(within(notice).getByTestId('open-merged-into')).toBeTruthy();
  });

  it('says in English that the draft it went into is no longer on the desk, without a name when the sync gave none', async () => {
    setLocale('en');
    const { x } = await mergedIntoAbsent({ mergedIntoGone: true });
    await says(
      await editorNotice(x),
      'This draft was merged elsewhere into another draft, which has since been deleted from the shared desk. This one is in the trash, where it will be deleted after 30 days; restore it to the drafts to keep what it says.',
    );
  });

  it('says the draft it went into is in the trash too, opens it there, and once it is restored says it as usual', async () => {
    const { x, y } = await merged('Rédac', true);
    const opened: string[] = [];
    const notice = await editorNotice(x, opened);
    await says(
      notice,
      fr(
        'Rédac a fusionné ce brouillon dans « Le ministre et le yacht », qui est lui aussi à la corbeille. Tous deux y seront supprimés au bout de 30 jours\u202f; remettez « Le ministre et le yacht » dans les brouillons pour garder le texte fusionné.',
      ),
    );
    fireEvent.click(within(notice).getByTestId('open-merged-into'));
    await waitFor(() => expect(opened).toEqual([y.id]));

    // Y restored (here, or by the sync): X's notice no longer says it is in the trash.
    await db.clips.update(y.id, { deletedAt: undefined });
    await says(notice, fr('Rédac a fusionné ce brouillon dans « Le ministre et le yacht ».'));
    expect(notice.textContent).not.toContain('lui aussi à la corbeille');
  });

  it('says in English that the draft it went into is in the trash too, without a name when the sync gave none', async () => {
    setLocale('en');
    const { x } = await merged(null, true);
    await says(
      await editorNotice(x),
      'This draft was merged into “Le ministre et le yacht” elsewhere, which is in the trash too. Both will be deleted there after 30 days; restore “Le ministre et le yacht” to the drafts to keep the merged text.',
    );
  });

  it('a draft merely trashed keeps the trash notice', async () => {
    const x = await addDraft(db, {
      title: 'À la corbeille',
      deletedAt: new Date().toISOString(),
      desk: { remoteId: 1, trashedBy: 'Rédac' },
    });
    const notice = await editorNotice(x);
    await says(notice, 'Rédac a mis ce brouillon à la corbeille');
    expect(within(notice).queryByTestId('open-merged-into')).toBeNull();
  });
});

describe('Inbox › the trash', () => {
  it(
    fr(
      'says on the merged draft’s row who merged it into which draft, and « Ouvrir » opens that draft',
    ),
    async () => {
      const { y } = await merged();
      await addDraft(db, {
        title: 'Simplement jeté',
        deletedAt: new Date(Date.now() - 60_000).toISOString(),
        desk: { remoteId: 3, trashedBy: 'Rédac' },
      });
      const opened: string[] = [];
      const notice = await within(await trashRow(opened)).findByTestId('merged-into');
      expect(notice.textContent).toContain(
        fr('Rédac l’a fusionné dans « Le ministre et le yacht ».'),
      );
      fireEvent.click(
        within(notice).getByRole('button', {
          name: fr('Ouvrir « Le ministre et le yacht », où il a été fusionné'),
        }),
      );
      expect(opened).toEqual([y.id]);
      const other = screen.getByText('Simplement jeté').closest('article')!;
      expect(within(other).queryByTestId('merged-into')).toBeNull();
    },
  );

  it('says on the row it was merged before the draft it went into is here, then names it with « Ouvrir »', async () => {
    const { yId } = await mergedIntoAbsent();
    const opened: string[] = [];
    const row = await trashRow(opened);
    const notice = await within(row).findByTestId('merged-into');
    expect(notice.textContent).toBe(
      'Rédac l’a fusionné dans un autre brouillon, pas encore arrivé ici.',
    );
    expect(within(notice).queryByRole('button')).toBeNull();

    await arrives(yId);
    await waitFor(() =>
      expect(within(row).getByTestId('merged-into').textContent).toContain(
        fr('Rédac l’a fusionné dans « Le ministre et le yacht ».'),
      ),
    );
    fireEvent.click(within(row).getByRole('button', { name: /^Ouvrir/ }));
    expect(opened).toEqual([yId]);
  });

  it('says on the row the draft it went into is no longer on the desk, in both languages', async () => {
    await mergedIntoAbsent({ trashedBy: 'Rédac', mergedIntoGone: true });
    const notice = await within(await trashRow()).findByTestId('merged-into');
    expect(notice.textContent).toBe(
      'Rédac l’a fusionné dans un autre brouillon, qui n’est plus dans la rédaction partagée.',
    );
    expect(within(notice).queryByRole('button')).toBeNull();
    cleanup();

    setLocale('en');
    const english = await trashRow([], 'Where to look');
    expect((await within(english).findByTestId('merged-into')).textContent).toBe(
      'Rédac merged it into another draft, no longer on the shared desk.',
    );
  });

  it('says on the row the draft it went into is in the trash too, and « Ouvrir » opens it, in both languages', async () => {
    const { y } = await merged('Rédac', true);
    const opened: string[] = [];
    const notice = await within(await trashRow(opened)).findByTestId('merged-into');
    expect(notice.textContent).toContain(
      fr('Rédac l’a fusionné dans « Le ministre et le yacht », lui aussi à la corbeille.'),
    );
    fireEvent.click(within(notice).getByRole('button', { name: /^Ouvrir/ }));
    expect(opened).toEqual([y.id]);
    cleanup();

    setLocale('en');
    const english = await trashRow([], 'Where to look');
    expect((await within(english).findByTestId('merged-into')).textContent).toContain(
      'Rédac merged it into “Le ministre et le yacht”, which is in the trash too.',
    );
  });
});

/**
 * The desk's own user (Rédac, WordPress user 3, see deskState) trashed or merged the draft in
 * another window or browser: « vous », told by the id the mark keeps beside the name, never by
 * the name (two editors can share one).
 */
describe('the desk’s own user’s trash and merge, said « vous »', () => {
  /** X trashed (not merged), its mark `desk`. */
  const trashedX = (desk: Partial<DeskMark>) =>
    addDraft(db, {
      title: 'À la corbeille',
      deletedAt: new Date().toISOString(),
      desk: { remoteId: 1, ...desk },
    });

  it('the draft’s editor says « Vous avez mis ce brouillon à la corbeille », by the id', async () => {
    const x = await trashedX({ trashedBy: 'Rédac', trashedById: 3 });
    const notice = await editorNotice(x);
    await says(notice, 'Vous avez mis ce brouillon à la corbeille, où il sera supprimé');
    expect(notice.textContent).not.toContain('Rédac');
  });

  it('says « vous » by the last editor’s id when the mark kept no trasher (trashed here, then pushed)', async () => {
    const x = await trashedX({ modifiedBy: 'Rédac', modifiedById: 3 });
    await says(await editorNotice(x), 'Vous avez mis ce brouillon à la corbeille');
  });

  it('names another editor of the same name, and names for a mark kept before the id', async () => {
    const x = await trashedX({ trashedBy: 'Rédac', trashedById: 8 });
    await says(await editorNotice(x), 'Rédac a mis ce brouillon à la corbeille');
    cleanup();
    const y = await trashedX({ trashedBy: 'Rédac', modifiedBy: 'Autrice', modifiedById: 3 });
    await says(await editorNotice(y), 'Rédac a mis ce brouillon à la corbeille');
  });

  it('says it in English', async () => {
    setLocale('en');
    const x = await trashedX({ trashedBy: 'Rédac', trashedById: 3 });
    await says(await editorNotice(x), 'You put this draft in the trash, where it will be deleted');
  });

  it('the draft’s editor says « Vous avez fusionné ce brouillon dans « … » », wherever that draft is', async () => {
    const y = await arrives();
    const x = await mergedX(y.id, { trashedBy: 'Rédac', trashedById: 3 });
    const notice = await editorNotice(x);
    await says(notice, fr('Vous avez fusionné ce brouillon dans « Le ministre et le yacht ».'));
    expect(notice.textContent).not.toContain('Rédac');

    await db.clips.update(y.id, { deletedAt: new Date().toISOString() });
    await says(
      notice,
      fr(
        'Vous avez fusionné ce brouillon dans « Le ministre et le yacht », qui est lui aussi à la corbeille.',
      ),
    );
    cleanup();

    const absent = await mergedIntoAbsent({ trashedBy: 'Rédac', trashedById: 3 });
    await says(
      await editorNotice(absent.x),
      'Vous avez fusionné ce brouillon dans un autre brouillon, pas encore arrivé dans ce navigateur',
    );
    cleanup();

    const gone = await mergedIntoAbsent({
      trashedBy: 'Rédac',
      trashedById: 3,
      mergedIntoGone: true,
    });
    await says(
      await editorNotice(gone.x),
      'Vous avez fusionné ce brouillon dans un autre brouillon, qui a depuis été supprimé de la rédaction partagée.',
    );
  });

  it('says the merge in English, and names another editor of the same name', async () => {
    const { x } = await merged();
    await db.clips.update(x.id, { 'desk.trashedById': 8 });
    await says(await editorNotice(x), fr('Rédac a fusionné ce brouillon dans « Le ministre'));
    cleanup();

    setLocale('en');
    await db.clips.update(x.id, { 'desk.trashedById': 3 });
    await says(await editorNotice(x), 'You merged this draft into “Le ministre et le yacht”.');
  });

  it('the row in the trash says « Fusionné par vous dans « … » », in both languages', async () => {
    const { x } = await merged();
    await db.clips.update(x.id, { 'desk.trashedById': 3 });
    const row = await trashRow();
    await waitFor(() =>
      expect(within(row).getByTestId('merged-into').textContent).toContain(
        fr('Fusionné par vous dans « Le ministre et le yacht ».'),
      ),
    );
    expect(within(row).getByTestId('merged-into').textContent).not.toContain('Rédac');
    cleanup();

    setLocale('en');
    const english = await trashRow([], 'Where to look');
    await waitFor(() =>
      expect(within(english).getByTestId('merged-into').textContent).toContain(
        'Merged by you into “Le ministre et le yacht”.',
      ),
    );
  });

  it('the row says « Fusionné par vous » before the draft it went into is here, and once it is gone', async () => {
    const { x } = await mergedIntoAbsent({ trashedBy: 'Rédac', trashedById: 3 });
    const row = await trashRow();
    await waitFor(() =>
      expect(within(row).getByTestId('merged-into').textContent).toBe(
        'Fusionné par vous dans un autre brouillon, pas encore arrivé ici.',
      ),
    );
    await db.clips.update(x.id, { 'desk.mergedIntoGone': true });
    await waitFor(() =>
      expect(within(row).getByTestId('merged-into').textContent).toBe(
        'Fusionné par vous dans un autre brouillon, qui n’est plus dans la rédaction partagée.',
      ),
    );
  });

  it('the row names another editor of the same name', async () => {
    const { x } = await merged();
    await db.clips.update(x.id, { 'desk.trashedById': 8 });
    const notice = await within(await trashRow()).findByTestId('merged-into');
    expect(notice.textContent).toContain(
      fr('Rédac l’a fusionné dans « Le ministre et le yacht ».'),
    );
  });
});
