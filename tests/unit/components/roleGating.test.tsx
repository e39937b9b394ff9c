/**
 * What each role may do on the shared desk is shown before anything is tried: every view asks
 * the one rule (components/roles.ts, deskRefusal) and greys what the role may not use, with the
 * reason in the control's tooltip and in a line read with it. Nothing here is clickable and then
 * undone by WordPress's 403. The desk's state comes from IndexedDB, as the sync writes it.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ClipPanel } from '../../../components/ClipPanel';
import { Desk } from '../../../components/Desk';
import { DraftEditor } from '../../../components/DraftEditor';
import { Inbox } from '../../../components/Inbox';
import { IssueView } from '../../../components/IssueView';
import { MergeDialog } from '../../../components/MergeDialog';
import { registerHandlers, type Handlers } from '../../../messaging/protocol';
import { db } from '../../../storage/db';
import { readJournal } from '../../../storage/journal';
import { addToIssue, createIssue } from '../../../storage/issues';
import { wordpressItem } from '../../../storage/preferences';
import type { DeskMark } from '../../../storage/sync-state';
import { deskCan, deskState, type DeskPerson } from '../desk-fixtures';
import { addDraft } from '../storage/helpers';
import { clearSharedDesk, wrap } from './desk-views';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await clearSharedDesk({ clips: true, issues: true });
  // Publishing is set up: the publish button is there, enabled or not by the role.
  await wordpressItem.setValue({
    siteUrl: 'https://monsite.fr',
    username: 'pigiste',
    category: 'Indiscrets',
    status: 'draft',
  });
});
afterEach(cleanup);

/** The desk shared as one of the newsroom (the sync's state, as the background writes it). */
const sharedAs = (who: DeskPerson) => db.syncState.put(deskState(who));

/** How the site marks a record for the current user: whose it is, and may they write it. */
const mark = (createdBy: string, mine: boolean): DeskMark => ({
  remoteId: Math.floor(Math.random() * 1e6),
  createdBy,
  canEdit: mine,
  canTrash: mine,
});

/** An issue created by the Editor, holding one of their drafts. */
async function editorsIssue() {
  const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
  await db.issues.update(issue.id, { desk: { remoteId: 90, createdBy: 'Rédac', canEdit: false } });
  // The issue list names the item by its text's first words.
  const draft = await addDraft(db, {
    title: 'OVH Data Center Fire',
    body: '<p>OVH en feu</p>',
    desk: mark('Rédac', false),
  });
  await addToIssue(draft.id, issue.id);
  return issue;
}

/** The greyed control's reason, as its tooltip and as the line read with it. */
function expectRefused(control: HTMLElement, reason: string) {
  expect(control).toHaveProperty('disabled', true);
  expect(control.title).toBe(reason);
  const described = control.getAttribute('aria-describedby');
  expect(described, 'aria-describedby').toBeTruthy();
  expect(document.getElementById(described!)?.textContent).toBe(reason);
}

const ISSUES_REFUSED =
  'Vous êtes Contributeur\u00a0: créer et modifier les numéros revient à un Éditeur.';
/** Putting a draft in the issue, or taking it out: said as that, not as ordering. */
const PLACE_REFUSED =
  'Vous êtes Contributeur\u00a0: mettre un brouillon dans le numéro ou l’en retirer revient à un Éditeur.';

describe('the issue (IssuePicker, IssueFieldsForm, IssueItems, IssueOutput) for a Contributor', () => {
  it('greys « + Nouveau numéro », the issue’s fields and deletion, the order and publishing, each with why', async () => {
    await sharedAs('contributor');
    const issue = await editorsIssue();
    wrap(<IssueView currentIssueId={issue.id} onSelectIssue={() => {}} onOpenDraft={() => {}} />);

    const create = await screen.findByRole('button', { name: '+ Nouveau numéro' });
    await waitFor(() => expect(create).toHaveProperty('disabled', true));
    expectRefused(create, ISSUES_REFUSED);

    // The issue's own fields: greyed together, the reason said once above them.
    // Each view follows the desk's state by itself: wait for this one's.
    expect((await screen.findByTestId('issue-fields-refused')).textContent).toBe(ISSUES_REFUSED);
    const title = screen.getByLabelText('Titre', { selector: '.issue__fields input' });
    expect(title.closest('fieldset')).toHaveProperty('disabled', true);
    expectRefused(screen.getByRole('button', { name: 'Supprimer le numéro' }), ISSUES_REFUSED);

    // The order: the notice says why; « Retirer » is greyed with what it would do.
    const arrange = 'Vous êtes Contributeur\u00a0: l’ordre du numéro revient à un Éditeur.';
    expect((await screen.findByTestId('role-notice')).textContent).toBe(arrange);
    expectRefused(
      screen.getByRole('button', { name: /^Retirer «\u00a0OVH en feu\u00a0»/ }),
      PLACE_REFUSED,
    );
    // The list's help does not tell how to move what the role may not move.
    const list = screen.getByRole('list', { name: 'Indiscrets du numéro' });
    expect(document.getElementById(list.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Flèches haut et bas (ou j et k)\u00a0: indiscret suivant ou précédent\u202f; Entrée l’ouvre.',
    );
    // A move from the keyboard is answered with the reason, not silently ignored.
    const item = screen.getByTestId('issue-item');
    fireEvent.keyDown(item, { key: 'ArrowDown', altKey: true });
    await waitFor(() =>
      expect(screen.getByTestId('reorder-announcement').textContent).toBe(arrange),
    );

    const publish = await screen.findByTestId('publish-button');
    await waitFor(() => expect(publish).toHaveProperty('disabled', true));
    expectRefused(publish, 'Vous êtes Contributeur\u00a0: la publication revient à un Éditeur.');
  });

  it('gives them back as soon as the desk says the user is an Editor', async () => {
    await sharedAs('contributor');
    const issue = await editorsIssue();
    wrap(<IssueView currentIssueId={issue.id} onSelectIssue={() => {}} onOpenDraft={() => {}} />);
    const create = await screen.findByRole('button', { name: '+ Nouveau numéro' });
    await waitFor(() => expect(create).toHaveProperty('disabled', true));

    // The same account promoted on the site: the next sync writes its new rights.
    await db.issues.update(issue.id, { desk: { remoteId: 90, createdBy: 'Rédac', canEdit: true } });
    await sharedAs('editor');

    await waitFor(() => {
      expect(create).toHaveProperty('disabled', false);
      expect(screen.getByRole('button', { name: 'Supprimer le numéro' })).toHaveProperty(
        'disabled',
        false,
      );
      expect(screen.getByTestId('publish-button')).toHaveProperty('disabled', false);
      expect(screen.queryByTestId('role-reason')).toBeNull();
    });
    // The moves are theirs, and the list's help tells them.
    expect(
      screen.getByRole('button', { name: /^Retirer «\u00a0OVH en feu\u00a0»/ }),
    ).toHaveProperty('disabled', false);
    expect(document.getElementById('reorder-help')?.textContent).toMatch(
      /Alt\+Flèche haut ou bas le déplace/,
    );
    expect(screen.queryByTestId('role-notice')).toBeNull();
    expect(screen.queryByTestId('issue-fields-refused')).toBeNull();
  });
});

describe('IssueItems › an empty issue', () => {
  it('asks an Editor to drop drafts into it, and tells a Contributor only that it is empty', async () => {
    await sharedAs('editor');
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
    wrap(<IssueView currentIssueId={issue.id} onSelectIssue={() => {}} onOpenDraft={() => {}} />);
    await waitFor(() =>
      expect(screen.getByTestId('issue-empty').textContent).toBe(
        'Aucun indiscret\u00a0: ajoutez des brouillons depuis la liste, ou déposez-les ici.',
      ),
    );
    cleanup();

    // A Contributor may not put drafts in an issue: « déposez-les ici » would invite a drop
    // that does nothing. The notice above says why.
    await sharedAs('contributor');
    wrap(<IssueView currentIssueId={issue.id} onSelectIssue={() => {}} onOpenDraft={() => {}} />);
    expect((await screen.findByTestId('role-notice')).textContent).toBe(
      'Vous êtes Contributeur\u00a0: l’ordre du numéro revient à un Éditeur.',
    );
    const empty = screen.getByTestId('issue-empty');
    expect(empty.textContent).toBe('Aucun indiscret dans ce numéro pour l’instant.');
    expect(empty.classList.contains('dropzone')).toBe(false);
  });
});

describe('ClipPanel', () => {
  it('greys « Couper cette page » for a Subscriber, with why, and sends nothing', async () => {
    const sent: unknown[] = [];
    const unregister = registerHandlers({
      clipTab: async (request) => {
        sent.push(request);
        throw new Error('not expected');
      },
    } as Partial<Handlers> as Handlers);
    await db.syncState.put(
      deskState('contributor', {
        user: { id: 9, name: 'Lecteur', roles: ['subscriber'] },
        can: deskCan('subscriber'),
      }),
    );
    wrap(<ClipPanel tabId={7} onClipped={() => {}} />);

    const button = await screen.findByRole('button', { name: 'Couper cette page' });
    await waitFor(() => expect(button).toHaveProperty('disabled', true));
    const reason =
      'Vous êtes Abonné\u00a0: couper des pages pour la rédaction partagée revient à un Contributeur ou plus.';
    expectRefused(button, reason);
    expect(screen.getByTestId('role-reason').textContent).toBe(reason);
    fireEvent.click(button);
    expect(sent).toEqual([]);
    unregister();
  });
});

describe('NewIssueForm for a Contributor', () => {
  it('shows the form greyed with why, and creates nothing', async () => {
    await sharedAs('contributor');
    wrap(<IssueView currentIssueId={null} onSelectIssue={() => {}} onOpenDraft={() => {}} />);

    const why = await screen.findByTestId('new-issue-refused');
    expect(why.textContent).toBe(ISSUES_REFUSED);
    const form = why.closest('form')!;
    expect(form.querySelector('fieldset')).toHaveProperty('disabled', true);
    const submit = within(form).getByRole('button', { name: 'Créer le numéro' });
    expect(submit).toHaveProperty('disabled', true);

    fireEvent.submit(form);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.issues.count()).toBe(0);
  });
});

describe('Desk with no issue yet', () => {
  it('asks an Editor to create the first issue, and tells a Contributor an Editor will', async () => {
    await sharedAs('editor');
    const desk = () => (
      <Desk header={null} currentIssueId={null} onSelectIssue={() => {}} freshId={undefined} />
    );
    wrap(desk());
    await waitFor(() =>
      expect(screen.getByTestId('desk-welcome').textContent).toBe(
        'Pas encore de numéro\u00a0: créez-le, puis ajoutez-y vos brouillons.',
      ),
    );
    cleanup();

    // « créez-le » would ask for what the form below greys, with why.
    await sharedAs('contributor');
    wrap(desk());
    await screen.findByTestId('new-issue-refused');
    expect(screen.getByTestId('desk-welcome').textContent).toBe(
      'Pas encore de numéro\u00a0: un Éditeur le créera, vos brouillons pourront alors y entrer.',
    );
  });
});

describe('DraftEditorBar for a Contributor', () => {
  it('greys deleting and merging another’s draft, with whose it is', async () => {
    await sharedAs('contributor');
    const draft = await addDraft(db, { title: 'OVH en feu', desk: mark('Rédac', false) });
    wrap(<DraftEditor id={draft.id} onClose={() => {}} />);

    const remove = await screen.findByTestId('delete-button');
    await waitFor(() => expect(remove).toHaveProperty('disabled', true));
    expectRefused(
      remove,
      'Vous êtes Contributeur\u00a0: ce brouillon est celui de Rédac, le mettre à la corbeille revient à son auteur ou à un Éditeur.',
    );
    expectRefused(
      screen.getByTestId('merge-button'),
      'Vous êtes Contributeur\u00a0: ce brouillon est celui de Rédac, le fusionner dans un autre revient à son auteur ou à un Éditeur.',
    );
  });

  it('leaves their own draft to them', async () => {
    await sharedAs('contributor');
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
    const draft = await addDraft(db, { title: 'Mon scoop', desk: mark('Pigiste', true) });
    wrap(<DraftEditor id={draft.id} currentIssueId={issue.id} onClose={() => {}} />);

    // The role is read (adding to the issue is an Editor's), and yet their own draft is theirs.
    const add = await screen.findByRole('button', { name: 'Ajouter au numéro' });
    await waitFor(() => expect(add).toHaveProperty('disabled', true));
    expectRefused(add, PLACE_REFUSED);
    expect(screen.getByTestId('delete-button')).toHaveProperty('disabled', false);
    expect(screen.getByTestId('merge-button')).toHaveProperty('disabled', false);
  });

  it('greys deleting and merging their own draft once an Editor put it in the issue, as « Retirer »', async () => {
    await sharedAs('contributor');
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
    const draft = await addDraft(db, { title: 'Mon scoop', desk: mark('Pigiste', true) });
    await addToIssue(draft.id, issue.id);
    wrap(<DraftEditor id={draft.id} currentIssueId={issue.id} onClose={() => {}} />);

    // Trashed or merged away, it would leave the issue for the whole desk: an Editor's to do.
    const remove = await screen.findByTestId('delete-button');
    await waitFor(() => expect(remove).toHaveProperty('disabled', true));
    expectRefused(
      remove,
      'Vous êtes Contributeur\u00a0: ce brouillon est dans le numéro, l’en retirer (même par la corbeille) revient à un Éditeur.',
    );
    expectRefused(
      screen.getByTestId('merge-button'),
      'Vous êtes Contributeur\u00a0: ce brouillon est dans le numéro, l’en retirer (même en le fusionnant dans un autre) revient à un Éditeur.',
    );
    expectRefused(screen.getByRole('button', { name: 'Retirer du numéro' }), PLACE_REFUSED);
    // Writing it is still theirs.
    expect(screen.getByLabelText('Statut')).toHaveProperty('disabled', false);
    cleanup();

    // An Editor takes it out by any of the three.
    await sharedAs('editor');
    wrap(<DraftEditor id={draft.id} currentIssueId={issue.id} onClose={() => {}} />);
    const button = await screen.findByRole('button', { name: 'Retirer du numéro' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    expect(screen.getByTestId('delete-button')).toHaveProperty('disabled', false);
    expect(screen.getByTestId('merge-button')).toHaveProperty('disabled', false);
  });
});

describe('Inbox for a Contributor', () => {
  it('greys trashing another’s draft and adding to the issue, and leaves their own to them', async () => {
    await sharedAs('contributor');
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
    await addDraft(db, { title: 'Chez Rédac', desk: mark('Rédac', false) });
    await addDraft(db, { title: 'Mon scoop', desk: mark('Pigiste', true) });
    wrap(<Inbox onOpen={() => {}} currentIssueId={issue.id} />);

    const theirs = (await screen.findByText('Chez Rédac')).closest('article')!;
    const mine = screen.getByText('Mon scoop').closest('article')!;
    const trashTheirs = within(theirs).getByRole('button', {
      name: /^Supprimer «\u00a0Chez Rédac\u00a0»/,
    });
    await waitFor(() => expect(trashTheirs).toHaveProperty('disabled', true));
    expectRefused(
      trashTheirs,
      'Vous êtes Contributeur\u00a0: ce brouillon est celui de Rédac, le mettre à la corbeille revient à son auteur ou à un Éditeur.',
    );
    expect(
      within(mine).getByRole('button', { name: /^Supprimer «\u00a0Mon scoop\u00a0»/ }),
    ).toHaveProperty('disabled', false);
    expectRefused(
      within(mine).getByRole('button', { name: /^Ajouter «\u00a0Mon scoop\u00a0»/ }),
      PLACE_REFUSED,
    );
  });

  it('refuses « Suppr » on another’s draft, saying why where it is seen', async () => {
    await sharedAs('contributor');
    await addDraft(db, { title: 'Chez Rédac', desk: mark('Rédac', false) });
    await addDraft(db, { title: 'Mon scoop', desk: mark('Pigiste', true) });
    wrap(<Inbox onOpen={() => {}} />);

    const row = (await screen.findByText('Chez Rédac')).closest('li')!;
    await waitFor(() =>
      expect(
        within(row).getByRole('button', { name: /^Supprimer «\u00a0Chez Rédac\u00a0»/ }),
      ).toHaveProperty('disabled', true),
    );
    row.focus();
    fireEvent.keyDown(row, { key: 'Delete' });
    // Shown in the bar (a sighted editor pressed a key and saw nothing), and spoken.
    const bar = await screen.findByTestId('undo-bar');
    expect(bar.textContent).toContain(
      'Vous êtes Contributeur\u00a0: ce brouillon est celui de Rédac, le mettre à la corbeille revient à son auteur ou à un Éditeur.',
    );
    expect(within(bar).queryByRole('button', { name: 'Annuler' })).toBeNull();
    expect((await db.clips.toArray()).filter((d) => d.deletedAt)).toEqual([]);
    expect(document.activeElement).toBe(row);
  });

  it('greys trashing their own draft in « Tous » once it is in the issue', async () => {
    await sharedAs('contributor');
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
    const placed = await addDraft(db, { title: 'Mon scoop', desk: mark('Pigiste', true) });
    await addToIssue(placed.id, issue.id);
    await addDraft(db, { title: 'Mon autre', desk: mark('Pigiste', true) });
    wrap(<Inbox onOpen={() => {}} currentIssueId={issue.id} />);
    await screen.findByText('Mon autre');
    fireEvent.change(screen.getByRole('combobox', { name: 'Où chercher' }), {
      target: { value: 'all' },
    });

    const row = (await screen.findByText('Mon scoop')).closest('article')!;
    const trash = within(row).getByRole('button', { name: /^Supprimer «\u00a0Mon scoop\u00a0»/ });
    await waitFor(() => expect(trash).toHaveProperty('disabled', true));
    expectRefused(
      trash,
      'Vous êtes Contributeur\u00a0: ce brouillon est dans le numéro, l’en retirer (même par la corbeille) revient à un Éditeur.',
    );
    const other = screen.getByText('Mon autre').closest('article')!;
    expect(
      within(other).getByRole('button', { name: /^Supprimer «\u00a0Mon autre\u00a0»/ }),
    ).toHaveProperty('disabled', false);
  });
});

describe('MergeDialog for a Contributor', () => {
  it('lists another’s draft greyed: merging into it would rewrite it', async () => {
    await sharedAs('contributor');
    const source = await addDraft(db, { title: 'Mon scoop', desk: mark('Pigiste', true) });
    await addDraft(db, { title: 'Chez Rédac', desk: mark('Rédac', false) });
    await addDraft(db, { title: 'Mon autre', desk: mark('Pigiste', true) });
    wrap(<MergeDialog sourceId={source.id} onDone={() => {}} />);

    const theirs = (await screen.findByText('Chez Rédac')).closest('button')!;
    await waitFor(() => expect(theirs).toHaveProperty('disabled', true));
    expectRefused(
      theirs,
      'Vous êtes Contributeur\u00a0: «\u00a0Chez Rédac\u00a0» n’est pas votre brouillon, y fusionner un autre revient à son auteur ou à un Éditeur.',
    );
    expect(screen.getByText('Mon autre').closest('button')).toHaveProperty('disabled', false);
  });
});

describe('DraftEditor on a draft the user may not edit', () => {
  /** The edit locks the editor asks the background for. */
  let locks: Array<{ id: string; release?: boolean }>;
  let unregister: () => void;
  beforeEach(() => {
    locks = [];
    unregister = registerHandlers({
      deskLock: async (request: { id: string; release?: boolean }) => {
        locks.push(request);
        return { ok: true, lock: null };
      },
    } as unknown as Handlers);
  });
  afterEach(() => unregister());

  it('shows another’s draft to be read, says whose it is and why, and writes nothing', async () => {
    await sharedAs('contributor');
    const draft = await addDraft(db, {
      title: 'OVH en feu',
      body: '<p>Le datacenter de Strasbourg.</p>',
      desk: mark('Rédac', false),
    });
    // What the outbox holds before (the test's own write of the draft): no write may add to it.
    const outbox = await db.outbox.toArray();
    wrap(<DraftEditor id={draft.id} onClose={() => {}} />);

    const why = await screen.findByTestId('read-only');
    expect(why.textContent).toBe(
      'Vous êtes Contributeur\u00a0: ce brouillon est celui de Rédac, le modifier revient à son auteur ou à un Éditeur. Vous pouvez le lire.',
    );
    const title = screen.getByLabelText('Titre du brouillon') as HTMLInputElement;
    expect(title.value).toBe('OVH en feu');
    const fields = title.closest('fieldset')!;
    expect(fields.disabled).toBe(true);
    expect(fields.getAttribute('aria-describedby')).toBe(why.id);
    const text = screen.getByTestId('item-text');
    expect(text.getAttribute('contenteditable')).toBe('false');
    expect(text.getAttribute('aria-readonly')).toBe('true');
    expect(text.textContent).toBe('Le datacenter de Strasbourg.');
    expect(screen.getByRole('toolbar', { hidden: true }).hidden).toBe(true);
    expect(screen.getByLabelText('Statut')).toHaveProperty('disabled', true);

    // Even an input that reached a field (a script, an extension) is neither journaled nor stored.
    fireEvent.input(title, { target: { value: 'OVH a pris feu' } });
    text.innerHTML = '<p>Autre chose</p>';
    fireEvent.input(text);
    expect(readJournal(draft.id)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await db.clips.get(draft.id)).toMatchObject({
      title: 'OVH en feu',
      body: '<p>Le datacenter de Strasbourg.</p>',
    });
    expect(await db.outbox.toArray()).toEqual(outbox);
    // Nobody is kept out of a draft only read here: no edit lock is taken.
    expect(locks).toEqual([]);
  });

  it('keeps the Contributor’s own draft editable, and holds its lock while it is open', async () => {
    await sharedAs('contributor');
    const draft = await addDraft(db, { title: 'Mon scoop', desk: mark('Pigiste', true) });
    const { unmount } = wrap(<DraftEditor id={draft.id} onClose={() => {}} />);

    await waitFor(() => expect(locks).toEqual([{ kind: 'draft', id: draft.id }]));
    expect(screen.queryByTestId('read-only')).toBeNull();
    const title = screen.getByLabelText('Titre du brouillon');
    expect(title.closest('fieldset')).toHaveProperty('disabled', false);
    expect(screen.getByTestId('item-text').getAttribute('contenteditable')).toBe('true');
    fireEvent.input(title, { target: { value: 'Mon vrai scoop' } });
    await waitFor(async () => expect((await db.clips.get(draft.id))?.title).toBe('Mon vrai scoop'));
    unmount();
    await waitFor(() =>
      expect(locks.at(-1)).toEqual({ kind: 'draft', id: draft.id, release: true }),
    );
  });

  it('lets an Editor write everyone’s drafts', async () => {
    await sharedAs('editor');
    const draft = await addDraft(db, {
      title: 'Chez Pigiste',
      desk: { ...mark('Pigiste', true) },
    });
    wrap(<DraftEditor id={draft.id} onClose={() => {}} />);

    await waitFor(() => expect(locks.length).toBeGreaterThan(0));
    expect(screen.queryByTestId('read-only')).toBeNull();
    expect(screen.getByLabelText('Titre du brouillon').closest('fieldset')).toHaveProperty(
      'disabled',
      false,
    );
  });
});

describe('Desk and IssueView with issues, none chosen', () => {
  it('asks an Editor to pick or create one, a Contributor only to pick one', async () => {
    await editorsIssue();
    const desk = () => (
      <Desk header={null} currentIssueId={null} onSelectIssue={() => {}} freshId={undefined} />
    );
    const view = () => (
      <IssueView currentIssueId={null} onSelectIssue={() => {}} onOpenDraft={() => {}} />
    );
    for (const [who, hint] of [
      ['editor', 'Choisissez ou créez un numéro.'],
      // « ou créez » would ask for what « + Nouveau numéro » greys, with why.
      ['contributor', 'Choisissez un numéro.'],
    ] as const) {
      await sharedAs(who);
      for (const ui of [desk, view]) {
        wrap(ui());
        const create = await screen.findByRole('button', { name: '+ Nouveau numéro' });
        await waitFor(() => expect(create).toHaveProperty('disabled', who === 'contributor'));
        // Each view follows the desk's state by itself: wait for this one's.
        await waitFor(() =>
          expect(
            screen.getByText(/^Choisissez.* numéro\.$/).textContent,
            `${who}, ${ui.name}`,
          ).toBe(hint),
        );
        cleanup();
      }
    }
  });
});
