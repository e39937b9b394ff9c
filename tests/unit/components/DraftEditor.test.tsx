import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DraftEditor } from '../../../components/DraftEditor';
import { UndoProvider } from '../../../components/Undo';
import { db } from '../../../storage/db';
import { saveDraftEdit, trashDraft, updateDraft } from '../../../storage/drafts';
import { addToIssue, createIssue, issueItems } from '../../../storage/issues';
import { quietly } from '../../../storage/outbox';
import { deskState } from '../desk-fixtures';
import { draftJournal, newJournalView, readJournal, replayJournal } from '../../../storage/journal';
import { addDraft } from '../storage/helpers';
import { setLocale } from '../../../locales';
import { recordSpoken, wrap } from './desk-views';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await Promise.all([db.clips.clear(), db.issues.clear(), db.syncState.clear()]);
});
afterEach(cleanup);

const renderEditor = (id: string) =>
  render(
    <UndoProvider>
      <DraftEditor id={id} onClose={() => {}} />
    </UndoProvider>,
  );

describe('DraftEditor › a draft put in the trash while it is open', () => {
  it('says so, greys what a trashed draft may not do, keeps what is typed and restores it', async () => {
    const draft = await addDraft(db, { title: 'OVH en feu' });
    renderEditor(draft.id);
    await screen.findByLabelText('Titre du brouillon');
    expect(screen.queryByTestId('draft-trashed')).toBeNull();

    // Another window of this browser trashes it.
    await trashDraft(draft.id, db);

    const notice = await screen.findByTestId('draft-trashed');
    expect(notice.textContent).toContain(
      'Ce brouillon a été mis à la corbeille ailleurs, où il sera supprimé au bout de 30 jours. Ce que vous y écrivez reste enregistré avec lui\u202f; remettez-le pour le garder dans les brouillons.',
    );
    expect((screen.getByTestId('delete-button') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('merge-button') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.input(screen.getByLabelText('Titre du brouillon'), {
      target: { value: 'OVH a pris feu' },
    });
    fireEvent.click(
      within(notice).getByRole('button', { name: 'Le remettre dans les brouillons' }),
    );

    await waitFor(async () => {
      const stored = await db.clips.get(draft.id);
      expect(stored?.deletedAt).toBeUndefined();
      expect(stored?.title).toBe('OVH a pris feu');
    });
    await waitFor(() => expect(screen.queryByTestId('draft-trashed')).toBeNull());
    expect((screen.getByTestId('delete-button') as HTMLButtonElement).disabled).toBe(false);
  });

  it('names the editor of the shared desk who trashed it', async () => {
    await db.syncState.put(deskState('editor'));
    const draft = await addDraft(db, { title: 'OVH en feu' });
    renderEditor(draft.id);
    await screen.findByLabelText('Titre du brouillon');

    // As the sync writes a pulled trash: quietly, with who last wrote it on the server.
    await quietly(db, ['clips', 'outbox', 'syncState'], () =>
      db.clips.update(draft.id, {
        deletedAt: '2026-03-15T10:00:00.000Z',
        desk: { remoteId: 12, modifiedBy: 'Camille' },
      }),
    );

    await waitFor(() =>
      expect(screen.getByTestId('draft-trashed').textContent).toMatch(
        /^Camille a mis ce brouillon à la corbeille, où il sera supprimé au bout de 30 jours\./,
      ),
    );
  });

  it('names who trashed it, not this editor whose typing the sync pushed after the trash', async () => {
    await db.syncState.put(deskState('editor'));
    const draft = await addDraft(db, { title: 'OVH en feu' });
    renderEditor(draft.id);
    await screen.findByLabelText('Titre du brouillon');

    // As the sync leaves it once what was typed here went up after Camille's trash: this
    // editor is its last writer, Camille the one who trashed it.
    await quietly(db, ['clips', 'outbox', 'syncState'], () =>
      db.clips.update(draft.id, {
        deletedAt: '2026-03-15T10:00:00.000Z',
        desk: { remoteId: 12, modifiedBy: 'Rédac', trashedBy: 'Camille' },
      }),
    );

    await waitFor(() =>
      expect(screen.getByTestId('draft-trashed').textContent).toMatch(
        /^Camille a mis ce brouillon à la corbeille/,
      ),
    );
  });
});

describe('DraftEditor', () => {
  it('inserts a quote of several paragraphs as several paragraphs, each opening with «', async () => {
    const draft = await addDraft(db, {
      body: '<p>Avant.</p>',
      quotes: [{ text: 'Un.\n\nDeux, « oui ».', html: '', clippedAt: '2026-03-15T08:00:00.000Z' }],
    });
    renderEditor(draft.id);
    await screen.findByTestId('item-text');

    fireEvent.click(screen.getByRole('button', { name: 'En paragraphe' }));

    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.body).toBe(
        '<p>Avant.</p><p>« Un.</p><p>« Deux, “oui”. »</p>',
      ),
    );
  });

  it('marks a quote of an English page with its language, as a paragraph or inline', async () => {
    const draft = await addDraft(db, {
      lang: 'en-US',
      body: '<p>Avant.</p>',
      quotes: [
        { text: 'Why it matters: the deal', html: '', clippedAt: '2026-03-15T08:00:00.000Z' },
      ],
    });
    renderEditor(draft.id);
    await screen.findByTestId('item-text');
    // The quote list shows the passage in its language too.
    expect(screen.getByText('Why it matters: the deal').getAttribute('lang')).toBe('en-US');

    fireEvent.click(screen.getByRole('button', { name: 'En paragraphe' }));
    // Inline, in the empty paragraph the first left the caret in, after it.
    fireEvent.click(screen.getByRole('button', { name: 'Insérer', exact: true }));

    // Inside the French « », so that the exports' typography spaces the marks but leaves the
    // English words (« the deal » keeps its colon) as written.
    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.body).toBe(
        '<p>Avant.</p><p>« <span lang="en-US">Why it matters: the deal</span> »</p><p>« <span lang="en-US">Why it matters: the deal</span> »</p>',
      ),
    );
  });

  it('keeps the language of English words its page marked in a French quote it inserts', async () => {
    const draft = await addDraft(db, {
      lang: 'fr',
      body: '<p>Avant.</p>',
      quotes: [
        {
          text: 'Selon Axios, « Why it matters: the deal ».',
          html: 'Selon Axios, « <span lang="en">Why it matters: the deal</span> ».',
          clippedAt: '2026-03-15T08:00:00.000Z',
        },
      ],
    });
    renderEditor(draft.id);
    await screen.findByTestId('item-text');

    fireEvent.click(screen.getByRole('button', { name: 'En paragraphe' }));
    // Inline, in the empty paragraph the first left the caret in, after it.
    fireEvent.click(screen.getByRole('button', { name: 'Insérer', exact: true }));

    const words = 'Selon Axios, “<span lang="en">Why it matters: the deal</span>”.';
    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.body).toBe(
        `<p>Avant.</p><p>« ${words} »</p><p>« ${words} »</p>`,
      ),
    );
  });

  it('names the buttons of each quote with its first words when there are several', async () => {
    const draft = await addDraft(db, {
      lang: 'fr',
      body: '<p>Avant.</p>',
      quotes: [
        {
          text: 'Le premier passage, assez long pour être coupé à un mot avant sa fin.',
          html: '',
          clippedAt: '2026-03-15T08:00:00.000Z',
        },
        // Its own marks go: the name puts it in « » of its own.
        { text: '« Le second. »', html: '', clippedAt: '2026-03-15T08:01:00.000Z' },
      ],
    });
    renderEditor(draft.id);
    await screen.findByTestId('item-text');

    // The visible words first, then the quote's: a screen reader's list tells them apart.
    expect(
      screen.getByRole('button', {
        name: 'Insérer « Le premier passage, assez long pour… »',
      }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'En paragraphe : « Le second. »' }));

    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.body).toBe('<p>Avant.</p><p>« Le second. »</p>'),
    );
  });

  it('tells apart by their places two quotes that begin with the same words', async () => {
    const start = 'Le ministre a confirmé jeudi soir devant les députés';
    const draft = await addDraft(db, {
      body: '<p>Avant.</p>',
      quotes: [
        { text: `${start} qu’il partait.`, html: '', clippedAt: '2026-03-15T08:00:00.000Z' },
        { text: 'Autre chose.', html: '', clippedAt: '2026-03-15T08:01:00.000Z' },
        { text: `${start} qu’il restait.`, html: '', clippedAt: '2026-03-15T08:02:00.000Z' },
      ],
    });
    renderEditor(draft.id);
    await screen.findByTestId('item-text');

    const named = screen
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label'))
      .filter((name) => name?.startsWith('Insérer'));
    expect(named).toEqual([
      'Insérer «\u00a0Le ministre a confirmé jeudi soir…\u00a0» (passage 1)',
      'Insérer «\u00a0Autre chose.\u00a0»',
      'Insérer «\u00a0Le ministre a confirmé jeudi soir…\u00a0» (passage 3)',
    ]);
    fireEvent.click(
      screen.getByRole('button', {
        name: 'En paragraphe\u00a0: «\u00a0Le ministre a confirmé jeudi soir…\u00a0» (passage 3)',
      }),
    );

    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.body).toBe(
        `<p>Avant.</p><p>« ${start} qu’il restait. »</p>`,
      ),
    );
  });

  it('inserts a quote of a French page, or of one of unknown language, unmarked', async () => {
    for (const lang of ['fr-FR', undefined]) {
      const draft = await addDraft(db, {
        ...(lang ? { lang } : {}),
        body: '<p>Avant.</p>',
        quotes: [{ text: 'Pourquoi : ça', html: '', clippedAt: '2026-03-15T08:00:00.000Z' }],
      });
      renderEditor(draft.id);
      await screen.findByTestId('item-text');

      fireEvent.click(screen.getByRole('button', { name: 'En paragraphe' }));

      await waitFor(async () =>
        expect((await db.clips.get(draft.id))?.body).toBe('<p>Avant.</p><p>« Pourquoi : ça »</p>'),
      );
      cleanup();
    }
  });

  it('calls the note shared once it is shared with the newsroom, private again when taken back', async () => {
    await db.syncState.put(deskState('editor'));
    const draft = await addDraft(db, { title: 'OVH en feu', note: 'Vérifier avec Klaba' });
    renderEditor(draft.id);
    const share = (await screen.findByTestId('share-note')).querySelector('input')!;
    expect(screen.getByLabelText('Note privée (jamais exportée)')).toBeTruthy();

    fireEvent.click(share);
    // The whole desk reads it now (as it reads a colleague's note pulled by the sync).
    const note = await screen.findByLabelText('Note partagée (jamais exportée)');
    expect((note as HTMLTextAreaElement).value).toBe('Vérifier avec Klaba');

    fireEvent.click(share);
    await screen.findByLabelText('Note privée (jamais exportée)');
  });

  it('saves the title and the note as the editor types', async () => {
    const draft = await addDraft(db, { title: 'OVH en feu' });
    renderEditor(draft.id);
    const title = await screen.findByLabelText('Titre du brouillon');

    fireEvent.input(title, { target: { value: 'OVH a pris feu' } });
    fireEvent.input(screen.getByLabelText('Note privée (jamais exportée)'), {
      target: { value: 'Vérifier avec Klaba' },
    });

    // The journal holds the keystroke at once, before any database write.
    expect(readJournal(draft.id)?.patch).toMatchObject({ title: 'OVH a pris feu' });
    await waitFor(async () =>
      expect(await db.clips.get(draft.id)).toMatchObject({
        title: 'OVH a pris feu',
        note: 'Vérifier avec Klaba',
      }),
    );
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Enregistré'));
    expect(readJournal(draft.id)).toBeUndefined();
  });

  /** A paste of `text` over the field's selection, then what the browser puts in it. */
  function paste(field: HTMLInputElement, text: string, value: string) {
    const event = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'clipboardData', {
      value: { getData: (type: string) => (type === 'text/plain' ? text : '') },
    });
    field.dispatchEvent(event);
    fireEvent.input(field, { target: { value } });
  }

  it('takes a title of 1,000 characters at most, and says when a paste was cut', async () => {
    const draft = await addDraft(db, { title: 'OVH en feu' });
    renderEditor(draft.id);
    const title = (await screen.findByLabelText('Titre du brouillon')) as HTMLInputElement;
    const cut = () => screen.getAllByTestId('paste-cut').map((notice) => notice.textContent);
    expect(title.maxLength).toBe(1_000);
    expect(cut()).toEqual(['', '']);

    // The whole title selected, a 1,500-character one pasted over it: the field keeps 1,000.
    const long = 'Le ministre et le yacht '.repeat(63).slice(0, 1_500);
    title.setSelectionRange(0, title.value.length);
    paste(title, long, long.slice(0, 1_000));

    expect(cut()).toEqual([
      '',
      'Ce champ prend au plus 1\u202f000 caractères\u00a0: la fin du texte collé n’a pas été gardée.',
    ]);
    expect(title.getAttribute('aria-describedby')).toBe(`title-cut-${draft.id}`);
    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.title).toBe(long.slice(0, 1_000)),
    );

    // The next thing typed puts it away; a paste that fits says nothing.
    fireEvent.input(title, { target: { value: long.slice(0, 999) } });
    expect(cut()).toEqual(['', '']);
    title.setSelectionRange(999, 999);
    paste(title, 'x', `${long.slice(0, 999)}x`);
    expect(cut()).toEqual(['', '']);
  });

  it('shows a stored title longer than its field cut to 1,000 characters, says so, and keeps it whole until it is typed in', async () => {
    // As a backup or the shared desk may bring it: 2,000,000 characters, stored whole.
    const title = 'Le ministre et le yacht '.repeat(90_000).slice(0, 2_000_000);
    const draft = await addDraft(db, { title, sources: [] });
    renderEditor(draft.id);
    const field = (await screen.findByLabelText('Titre du brouillon')) as HTMLInputElement;

    expect(field.value).toBe(title.slice(0, 1_000));
    const notice = screen.getByTestId('title-long');
    expect(notice.textContent).toBe(
      'Ce titre, long de 2\u202f000\u202f000 caractères, est montré coupé à 1\u202f000\u00a0: il reste entier tant que vous ne le modifiez pas\u202f; modifié, il sera ce que montre le champ.',
    );
    expect(field.getAttribute('aria-describedby')).toBe(`title-long-${draft.id}`);

    // Another field typed in: it alone is written, the title stays as stored.
    fireEvent.input(screen.getByLabelText(/^Note privée/), { target: { value: 'À vérifier' } });
    await waitFor(async () => expect((await db.clips.get(draft.id))?.note).toBe('À vérifier'));
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Enregistré'));
    expect((await db.clips.get(draft.id))?.title).toBe(title);
    expect(field.value).toBe(title.slice(0, 1_000));

    // The title typed in: what the field holds is the title, and the notice has no more to say.
    const typed = `${title.slice(0, 990).trimEnd()} en Corse`;
    fireEvent.input(field, { target: { value: typed } });
    await waitFor(async () => expect((await db.clips.get(draft.id))?.title).toBe(typed));
    expect(screen.queryByTestId('title-long')).toBeNull();
    expect(field.value).toBe(typed);
    expect(field.getAttribute('aria-describedby')).toBeNull();
  });

  it('shows a stored source title longer than a clip keeps cut, says so, and keeps the sources whole until it is typed in', async () => {
    // A source's title of 2,000,000 characters, from a backup or the shared desk.
    const long = 'Rapport de la Cour des comptes '.repeat(70_000).slice(0, 2_000_000);
    const site = 'Cour des comptes';
    const sources = [
      { url: 'https://example.org/rapport', title: long, siteName: site },
      { url: 'https://example.org/annexe', title: long },
    ];
    const draft = await addDraft(db, { title: 'Rapport', sources });
    renderEditor(draft.id);
    const titles = (await screen.findAllByLabelText('Titre de la source')) as HTMLInputElement[];

    expect(titles.map((field) => field.value)).toEqual([
      long.slice(0, 1_000),
      long.slice(0, 1_000),
    ]);
    const notices = screen.getAllByTestId('source-long');
    expect(notices).toHaveLength(2);
    expect(notices[0]!.textContent).toMatch(/^Ce champ, long de 2\u202f000\u202f000 caractères/);
    expect(titles[0]!.getAttribute('aria-describedby')).toBe(notices[0]!.id);
    expect(
      (within(screen.getByTestId('sources')).getAllByLabelText('Site')[0] as HTMLInputElement)
        .value,
    ).toBe(site);

    // The first source's title typed in: it is what the field holds; the second stays whole.
    const typed = `${long.slice(0, 990).trimEnd()} 2024`;
    fireEvent.input(titles[0]!, { target: { value: typed } });
    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.sources.map((source) => source.title)).toEqual([
        typed,
        long,
      ]),
    );
    expect(screen.getAllByTestId('source-long')).toHaveLength(1);
  });

  it('does not cut a long title between the two halves of a character', async () => {
    // An emoji (a pair of UTF-16 code units, then its variation selector) across the 1,000th: the field stops before it.
    const title = `${'a'.repeat(999)}🛥️ à quai`;
    const draft = await addDraft(db, { title, sources: [] });
    renderEditor(draft.id);
    const field = (await screen.findByLabelText('Titre du brouillon')) as HTMLInputElement;

    expect(field.value).toBe('a'.repeat(999));
    // Counted as an editor counts: the emoji and its selector are two characters, not three.
    expect(screen.getByTestId('title-long').textContent).toMatch(
      /^Ce titre, long de 1\u202f008 caractères, est montré coupé à 999\u00a0: /,
    );
  });

  it('counts a long title in characters as an editor does, an emoji one', async () => {
    // 600 emoji: 1,200 UTF-16 code units, more than the field's 1,000 (its maxLength counts
    // those); it shows 500 of them.
    const title = '🛥'.repeat(600);
    const draft = await addDraft(db, { title, sources: [] });
    renderEditor(draft.id);
    const field = (await screen.findByLabelText('Titre du brouillon')) as HTMLInputElement;

    expect(field.value).toBe('🛥'.repeat(500));
    expect(screen.getByTestId('title-long').textContent).toMatch(
      /^Ce titre, long de 600 caractères, est montré coupé à 500\u00a0: /,
    );
  });

  it('says when a paste in the label was cut to its 80 characters', async () => {
    const draft = await addDraft(db, { title: 'OVH en feu' });
    renderEditor(draft.id);
    const label = (await screen.findByTestId('item-label')) as HTMLInputElement;
    expect(label.maxLength).toBe(80);

    paste(
      label,
      'Un libellé bien trop long '.repeat(5),
      'Un libellé bien trop long '.repeat(5).slice(0, 80),
    );

    expect(screen.getAllByTestId('paste-cut')[0]!.textContent).toBe(
      'Ce champ prend au plus 80 caractères\u00a0: la fin du texte collé n’a pas été gardée.',
    );
  });

  it('keeps the text typed just before the editor closes', async () => {
    const draft = await addDraft(db, { body: '<p>Avant</p>' });
    const { unmount } = renderEditor(draft.id);
    const area = await screen.findByTestId('item-text');

    area.innerHTML = '<p>Après, <b>en gras</b><script>alert(1)</script></p>';
    fireEvent.input(area);
    unmount();

    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.body).toBe('<p>Après, <strong>en gras</strong></p>'),
    );
  });

  it('edits sources, tags and status', async () => {
    const draft = await addDraft(db, { tags: ['ovh'] });
    renderEditor(draft.id);
    await screen.findByLabelText('Titre du brouillon');

    fireEvent.click(screen.getByText('+ Ajouter une source'));
    const urls = screen.getAllByLabelText('Adresse de la source');
    fireEvent.input(urls[1]!, { target: { value: 'https://www.bloomberg.com/ovh' } });
    const tagInput = screen.getByPlaceholderText('Ajouter un tag');
    fireEvent.input(tagInput, { target: { value: 'bourse' } });
    fireEvent.keyDown(tagInput, { key: 'Enter' });
    fireEvent.change(screen.getByLabelText('Statut'), { target: { value: 'ready' } });

    await waitFor(async () => {
      const stored = await db.clips.get(draft.id);
      expect(stored?.sources.map((s) => s.url)).toEqual([
        draft.url,
        'https://www.bloomberg.com/ovh',
      ]);
      expect(stored?.tags).toEqual(['ovh', 'bourse']);
      expect(stored?.status).toBe('ready');
    });
  });

  it('says what is wrong with a source address that is not a link, and not of an empty one', async () => {
    const draft = await addDraft(db, {});
    renderEditor(draft.id);
    await screen.findByLabelText('Titre du brouillon');

    fireEvent.click(screen.getByText('+ Ajouter une source'));
    const added = screen.getAllByLabelText('Adresse de la source')[1]!;
    expect(screen.queryByText(/Adresse invalide/)).toBeNull();
    // Nor is a blank field said invalid to a screen reader.
    expect(added.getAttribute('aria-invalid')).toBe('false');
    fireEvent.input(added, { target: { value: 'bloomberg.com/ovh' } });
    await waitFor(() => expect(added.getAttribute('aria-invalid')).toBe('true'));

    const said = await screen.findByText(
      'Adresse invalide : elle doit commencer par https:// ou http://.',
    );
    expect(added.getAttribute('aria-describedby')).toBe(said.id);
    fireEvent.input(added, { target: { value: 'https://bloomberg.com/ovh' } });
    await waitFor(() => expect(screen.queryByText(/Adresse invalide/)).toBeNull());
  });

  it('adds one tag a part of a list pasted with commas', async () => {
    const draft = await addDraft(db, { tags: ['ovh'] });
    renderEditor(draft.id);
    const tagInput = await screen.findByPlaceholderText('Ajouter un tag');

    fireEvent.input(tagInput, { target: { value: 'élysée, remaniement ,#OVH,, Bourse' } });
    fireEvent.keyDown(tagInput, { key: 'Enter' });

    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.tags).toEqual([
        'ovh',
        'élysée',
        'remaniement',
        'Bourse',
      ]),
    );
    expect(tagInput).toHaveProperty('value', '');
  });

  it('draws a huge tag cut and past 20 tags « Et N autres », keeping them stored whole when one is removed', async () => {
    // As a backup or the shared desk may bring them: many tags, the first 1 MB long (laid out
    // as chips, 100,000 held the editor: the Chromium test huge-title; 1,000 here, as the fake
    // database indexes each tag slowly).
    const huge = 'affaire du yacht '.repeat(62_000).trim();
    const tags = [huge, ...Array.from({ length: 999 }, (_, i) => `tag${i}`)];
    const draft = await addDraft(db, { tags });
    renderEditor(draft.id);
    await screen.findByPlaceholderText('Ajouter un tag');

    const chips = [...document.querySelectorAll('.tags .tag')];
    expect(chips).toHaveLength(20);
    expect(chips[0]!.textContent!.length).toBeLessThanOrEqual(101);
    expect(chips[0]!.textContent).toMatch(/^affaire du yacht .*…×$/);
    expect(screen.getByTestId('tags-more').textContent).toBe(
      'Et 980 autres tags, non montrés ici\u00a0: ils restent tels quels.',
    );
    // Said to the field's reader too.
    expect(
      screen.getByPlaceholderText('Ajouter un tag').getAttribute('aria-describedby'),
    ).toContain('tags-more');

    // A chip removed: that tag alone goes, the huge one and those not shown stay whole.
    fireEvent.click(screen.getByRole('button', { name: 'Retirer le tag tag0' }));
    await waitFor(async () => expect((await db.clips.get(draft.id))?.tags).toHaveLength(999));
    const stored = (await db.clips.get(draft.id))!.tags;
    expect(stored[0] === huge).toBe(true);
    expect(stored[1]).toBe('tag1');
    expect(stored.at(-1)).toBe('tag998');
  });

  it('removes the last chip shown with Backspace, not a tag past those shown', async () => {
    const tags = Array.from({ length: 25 }, (_, i) => `tag${i}`);
    const draft = await addDraft(db, { tags });
    renderEditor(draft.id);
    const tagInput = await screen.findByPlaceholderText('Ajouter un tag');

    fireEvent.keyDown(tagInput, { key: 'Backspace' });
    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.tags).toEqual(tags.filter((t) => t !== 'tag19')),
    );
  });

  it('removes no chip with Backspace held down to rub out a tag being typed, one a press after', async () => {
    const draft = await addDraft(db, { tags: ['ovh', 'bourse', 'élysée'] });
    renderEditor(draft.id);
    const tagInput = await screen.findByPlaceholderText('Ajouter un tag');

    // « fo » typed, then rubbed out with Backspace held: the key repeats past the last letter.
    fireEvent.input(tagInput, { target: { value: 'fo' } });
    fireEvent.keyDown(tagInput, { key: 'Backspace' });
    fireEvent.input(tagInput, { target: { value: 'f' } });
    fireEvent.keyDown(tagInput, { key: 'Backspace', repeat: true });
    fireEvent.input(tagInput, { target: { value: '' } });
    fireEvent.keyDown(tagInput, { key: 'Backspace', repeat: true });
    fireEvent.keyDown(tagInput, { key: 'Backspace', repeat: true });
    expect(screen.getAllByRole('button', { name: /^Retirer le tag/ })).toHaveLength(3);

    // Pressed again in the empty field: the last chip goes.
    fireEvent.keyDown(tagInput, { key: 'Backspace' });
    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.tags).toEqual(['ovh', 'bourse']),
    );
  });

  it('takes a tag of at most 100 characters and a draft of at most 20 tags, and says so', async () => {
    const draft = await addDraft(db, { tags: Array.from({ length: 18 }, (_, i) => `tag${i}`) });
    renderEditor(draft.id);
    const tagInput = await screen.findByPlaceholderText('Ajouter un tag');

    // A pasted list: the long tag cut at 100 characters as an editor counts them (the emoji
    // one, never cut in two), the 21st and 22nd not added.
    const long = `${'a'.repeat(99)}🛥 à quai`;
    fireEvent.input(tagInput, { target: { value: `${long}, vingt, vingt et un, vingt-deux` } });
    fireEvent.keyDown(tagInput, { key: 'Enter' });

    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.tags.slice(18)).toEqual([
        `${'a'.repeat(99)}🛥`,
        'vingt',
      ]),
    );
    expect(screen.getByTestId('tags-refused').textContent).toBe(
      'Un tag prend au plus 100 caractères\u00a0: la fin du tag tapé n’a pas été gardée. ' +
        'Un brouillon prend au plus 20 tags\u00a0: 2 des tags tapés n’ont pas été ajoutés.',
    );
  });

  it('says a tag typed is already on the draft when it is one of the tags not shown', async () => {
    // A backup's draft of 25 tags: the field shows 20; « tag22 » is among the five it does not.
    const tags = Array.from({ length: 25 }, (_, i) => `tag${i}`);
    const draft = await addDraft(db, { tags });
    renderEditor(draft.id);
    const tagInput = await screen.findByPlaceholderText('Ajouter un tag');

    fireEvent.input(tagInput, { target: { value: 'TAG22' } });
    fireEvent.keyDown(tagInput, { key: 'Enter' });

    await waitFor(() =>
      expect(screen.getByTestId('tags-refused').textContent).toBe(
        'Le tag «\u00a0tag22\u00a0» est déjà sur ce brouillon, parmi ceux non montrés ici.',
      ),
    );
    expect(tagInput.getAttribute('aria-describedby')).toContain('tags-refused');
    expect((await db.clips.get(draft.id))?.tags).toEqual(tags);

    // One shown is seen as a chip: nothing to say.
    fireEvent.input(tagInput, { target: { value: 'tag3' } });
    fireEvent.keyDown(tagInput, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('tags-refused').textContent).toBe(''));
  });

  it('gives the keyboard to the next tag’s « × » once one is removed, to the field after the last, and says so', async () => {
    const draft = await addDraft(db, { tags: ['élysée', 'ovh', 'bourse'] });
    wrap(<DraftEditor id={draft.id} onClose={() => {}} />);
    const removeOvh = await screen.findByRole('button', { name: 'Retirer le tag ovh' });
    const spoken = recordSpoken();

    removeOvh.focus();
    fireEvent.click(removeOvh);

    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Retirer le tag bourse' }),
      ),
    );
    expect(spoken).toEqual(['Tag ovh retiré.']);
    fireEvent.click(screen.getByRole('button', { name: 'Retirer le tag bourse' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Retirer le tag élysée' }),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retirer le tag élysée' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByPlaceholderText('Ajouter un tag')),
    );
    await waitFor(async () => expect((await db.clips.get(draft.id))?.tags).toEqual([]));
  });

  it('gives the keyboard to the next source’s « × » once one is removed, to « + Ajouter une source » after the last', async () => {
    const draft = await addDraft(db, {
      sources: [
        { url: 'https://www.lemonde.fr/a', title: 'Le Monde' },
        { url: 'https://www.bloomberg.com/b', title: 'Bloomberg' },
      ],
    });
    wrap(<DraftEditor id={draft.id} onClose={() => {}} />);
    const removeFirst = await screen.findByRole('button', {
      name: 'Retirer la source «\u00a0Le Monde\u00a0»',
    });
    const spoken = recordSpoken();

    removeFirst.focus();
    fireEvent.click(removeFirst);

    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Retirer la source «\u00a0Bloomberg\u00a0»' }),
      ),
    );
    expect(spoken).toEqual(['Source «\u00a0Le Monde\u00a0» retirée.']);
    fireEvent.click(screen.getByRole('button', { name: '+ Ajouter une source' }));
    const empty = await screen.findByRole('button', { name: 'Retirer la source vide' });
    fireEvent.click(empty);
    fireEvent.click(
      screen.getByRole('button', { name: 'Retirer la source «\u00a0Bloomberg\u00a0»' }),
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: '+ Ajouter une source' }),
      ),
    );
  });

  it('takes a tag of 60 emoji whole: 60 characters, though 120 UTF-16 units', async () => {
    const draft = await addDraft(db, {});
    renderEditor(draft.id);
    const tagInput = await screen.findByPlaceholderText('Ajouter un tag');
    const emoji = '🛥'.repeat(60);

    fireEvent.input(tagInput, { target: { value: emoji } });
    fireEvent.keyDown(tagInput, { key: 'Enter' });

    await waitFor(async () => expect((await db.clips.get(draft.id))?.tags).toEqual([emoji]));
    expect(screen.getByTestId('tags-refused').textContent).toBe('');
  });

  it('shows a stored label longer than its field cut, says so, and keeps it whole until it is typed in', async () => {
    // A backup's or the shared desk's item label: 2,000,000 characters (the field takes 80).
    const label = 'Le yacht du ministre '.repeat(100_000).slice(0, 2_000_000);
    const draft = await addDraft(db, { label, title: 'Le yacht' });
    renderEditor(draft.id);
    const field = (await screen.findByTestId('item-label')) as HTMLInputElement;

    expect(field.value).toBe(label.slice(0, 80));
    expect(screen.getByTestId('label-long').textContent).toMatch(
      /^Ce libellé, long de 2\u202f000\u202f000 caractères, est montré coupé à 80\u00a0: /,
    );
    expect(field.getAttribute('aria-describedby')).toContain(`label-long-${draft.id}`);

    fireEvent.input(screen.getByLabelText(/^Note privée/), { target: { value: 'À vérifier' } });
    await waitFor(async () => expect((await db.clips.get(draft.id))?.note).toBe('À vérifier'));
    expect((await db.clips.get(draft.id))?.label === label).toBe(true);
  });

  it('merges the draft into another and undoes the merge', async () => {
    const source = await addDraft(db, { title: 'Bloomberg : OVH vise la Bourse' });
    const target = await addDraft(db, { title: 'OVH prévoit une IPO' });
    renderEditor(source.id);
    await screen.findByLabelText('Titre du brouillon');

    fireEvent.click(screen.getByText('Fusionner dans…'));
    fireEvent.click(await screen.findByText('OVH prévoit une IPO'));

    await waitFor(async () => expect(await db.clips.count()).toBe(1));
    const merged = await db.clips.get(target.id);
    expect(merged?.sources.map((s) => s.url)).toEqual([target.url, source.url]);

    fireEvent.click(await screen.findByRole('button', { name: 'Annuler' }));

    await waitFor(async () => expect(await db.clips.count()).toBe(2));
    expect((await db.clips.get(target.id))?.sources).toHaveLength(1);
  });

  it('closes once merged as « Supprimer » closes it, the view told its row has gone', async () => {
    // Told as a close, the view would give the keyboard back to the merged-away draft's row,
    // which goes (the popup's inbox, from its snapshot), rather than to the row where it was.
    const source = await addDraft(db, { title: 'Bloomberg : OVH vise la Bourse' });
    await addDraft(db, { title: 'OVH prévoit une IPO' });
    const onClose = vi.fn();
    const onTrashed = vi.fn();
    render(
      <UndoProvider>
        <DraftEditor id={source.id} onClose={onClose} onTrashed={onTrashed} />
      </UndoProvider>,
    );
    await screen.findByLabelText('Titre du brouillon');

    fireEvent.click(screen.getByText('Fusionner dans…'));
    fireEvent.click(await screen.findByText('OVH prévoit une IPO'));

    await waitFor(() => expect(onTrashed).toHaveBeenCalledTimes(1));
    expect(onClose).not.toHaveBeenCalled();
  });

  it('sends the draft to the trash, with undo', async () => {
    const draft = await addDraft(db, { title: 'À jeter' });
    renderEditor(draft.id);
    await screen.findByLabelText('Titre du brouillon');

    fireEvent.click(screen.getByRole('button', { name: 'Supprimer' }));

    await waitFor(async () => expect((await db.clips.get(draft.id))?.deletedAt).toBeTruthy());
    expect(screen.getByTestId('undo-bar').textContent).toContain(
      '«\u00a0À jeter\u00a0» est à la corbeille.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    await waitFor(async () => expect((await db.clips.get(draft.id))?.deletedAt).toBeUndefined());
  });

  it('names a draft of no issue sent to the trash by its title as its inbox row shows it: cut at 1,000 characters', async () => {
    // A title a backup or the shared desk may bring: 1,800,000 characters.
    const title = `Selon "Le Monde", ${'le yacht '.repeat(200_000)}`;
    const draft = await addDraft(db, { title, sources: [] });
    renderEditor(draft.id);
    await screen.findByLabelText('Titre du brouillon');

    fireEvent.click(screen.getByRole('button', { name: 'Supprimer' }));

    await waitFor(async () => expect((await db.clips.get(draft.id))?.deletedAt).toBeTruthy());
    const said = screen.getByTestId('undo-bar').textContent ?? '';
    expect(said).toMatch(
      /^«\u00a0Selon "Le Monde", le yacht le yacht (le yacht )+le yacht…\u00a0» est à la corbeille\./,
    );
    expect(said.length).toBeLessThan(1_100);
  });

  it('names an item of an issue sent to the trash as the issue list does, by its label', async () => {
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    const draft = await addDraft(db, {
      title: 'OVH Is Said to Pick Rothschild for IPO',
      body: '<p>OVH prépare son entrée en Bourse pour la rentrée.</p>',
    });
    await addToIssue(draft.id, issue.id);
    renderEditor(draft.id);
    await screen.findByLabelText('Titre du brouillon');

    fireEvent.click(screen.getByRole('button', { name: 'Supprimer' }));

    await waitFor(async () => expect((await db.clips.get(draft.id))?.deletedAt).toBeTruthy());
    expect(screen.getByTestId('undo-bar').textContent).toContain(
      '«\u00a0OVH prépare son entrée en Bourse…\u00a0» est à la corbeille.',
    );
  });

  it('takes the draft out of its issue with undo, which puts it back where it was', async () => {
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    const draft = await addDraft(db, {
      title: 'OVH Is Said to Pick Rothschild for IPO',
      body: '<p>OVH prépare son entrée en Bourse pour la rentrée.</p>',
    });
    const next = await addDraft(db, { title: 'Après' });
    await addToIssue(draft.id, issue.id);
    await addToIssue(next.id, issue.id);
    const order = async () => (await issueItems(issue.id)).map((item) => item.id);
    renderEditor(draft.id);
    await screen.findByLabelText('Titre du brouillon');

    fireEvent.click(screen.getByRole('button', { name: 'Retirer du numéro' }));

    await waitFor(async () => expect((await db.clips.get(draft.id))?.issueId).toBeFalsy());
    expect(screen.getByTestId('undo-bar').textContent).toContain(
      '«\u00a0OVH prépare son entrée en Bourse…\u00a0» retiré du numéro.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    // Back first, before the item that followed it, not at the issue's end.
    await waitFor(async () => expect(await order()).toEqual([draft.id, next.id]));
  });

  it('names the item with its « Libellé », saved like the other fields, and shows the default', async () => {
    const draft = await addDraft(db, {
      title: 'OVH Is Said to Pick Rothschild for IPO',
      body: '<p>OVH prépare son entrée en Bourse pour la rentrée.</p>',
    });
    renderEditor(draft.id);
    const label = (await screen.findByLabelText('Libellé')) as HTMLInputElement;

    // Empty: the placeholder is what the issue list shows, the first words of the text.
    expect(label.value).toBe('');
    expect(label.placeholder).toBe('OVH prépare son entrée en Bourse…');
    expect(label.maxLength).toBe(80);
    expect(label.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(label.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Le nom de l’indiscret dans la liste du numéro. Vide\u00a0: ses premiers mots.',
    );

    fireEvent.input(label, { target: { value: 'OVH en Bourse' } });
    // The journal holds the keystroke at once, before any database write.
    expect(readJournal(draft.id)?.patch).toMatchObject({ label: 'OVH en Bourse' });
    await waitFor(async () => expect((await db.clips.get(draft.id))?.label).toBe('OVH en Bourse'));
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Enregistré'));

    // Emptied again: back to the default, which follows the text.
    fireEvent.input(label, { target: { value: '' } });
    await waitFor(async () => expect((await db.clips.get(draft.id))?.label).toBe(''));
    const area = screen.getByTestId('item-text');
    area.innerHTML = '<p>Rothschild conseillera OVH</p>';
    fireEvent.input(area);
    await waitFor(() => expect(label.placeholder).toBe('Rothschild conseillera OVH'));
  });

  it('names the item of an English page still titled by its template as the list does: the title as written', async () => {
    const url = 'https://www.theguardian.com/whales';
    const title = "'What is the sea telling us?': Māori tribes fearful over whale strandings";
    const draft = await addDraft(db, {
      title,
      url,
      lang: 'en',
      sources: [{ url, title, siteName: 'the Guardian' }],
      body: `<p><a href="${url}">${title}</a> (the Guardian)</p>`,
    });
    renderEditor(draft.id);
    const label = (await screen.findByLabelText('Libellé')) as HTMLInputElement;

    // Not « us ? » with French spacing: the export writes that title as the page does.
    expect(label.placeholder).toBe("'What is the sea telling us?…");
  });

  it('keeps a label as typed in its field, and names the item as the issue list does, typeset', async () => {
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2021-03-15' });
    const draft = await addDraft(db, {
      title: 'Affaire',
      body: '<p>Selon "Le Monde", l\'affaire est close.</p>',
    });
    await addToIssue(draft.id, issue.id);
    renderEditor(draft.id);
    const label = (await screen.findByLabelText('Libellé')) as HTMLInputElement;

    // The placeholder, the issue list's name for it while the field is empty: typeset.
    expect(label.placeholder).toBe('Selon «\u00a0Le Monde\u00a0», l’affaire est close.');
    // Typed, the field keeps what the editor types; the name the undo bar gives is the list's.
    fireEvent.input(label, { target: { value: 'Selon "Le Monde", l\'affaire' } });
    expect(label.value).toBe('Selon "Le Monde", l\'affaire');
    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.label).toBe('Selon "Le Monde", l\'affaire'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retirer du numéro' }));
    await waitFor(() =>
      expect(screen.getByTestId('undo-bar').textContent).toContain(
        // The label's own quotation, inside the message's, is a quotation in a quotation.
        '«\u00a0Selon “Le Monde”, l’affaire\u00a0» retiré du numéro.',
      ),
    );
  });

  it('takes in a label given in another view while the editor is open', async () => {
    const draft = await addDraft(db, { body: '<p>OVH en Bourse</p>' });
    renderEditor(draft.id);
    const label = (await screen.findByLabelText('Libellé')) as HTMLInputElement;

    await updateDraft(draft.id, { label: 'Nom venu d’ailleurs' });

    await waitFor(() => expect(label.value).toBe('Nom venu d’ailleurs'));
  });

  it('takes in a change made in another view without touching what is typed here', async () => {
    const draft = await addDraft(db, { title: 'Avant', note: '' });
    renderEditor(draft.id);
    const title = await screen.findByLabelText('Titre du brouillon');
    fireEvent.input(title, { target: { value: 'Mon titre' } });
    await waitFor(async () => expect((await db.clips.get(draft.id))?.title).toBe('Mon titre'));

    // The desk writes the note while the popup has the draft open.
    await updateDraft(draft.id, { note: 'Écrit ailleurs' });

    const note = screen.getByLabelText('Note privée (jamais exportée)') as HTMLTextAreaElement;
    await waitFor(() => expect(note.value).toBe('Écrit ailleurs'));
    expect((title as HTMLInputElement).value).toBe('Mon titre');
    expect(screen.queryByTestId('conflicts')).toBeNull();
  });
});

describe('DraftEditor in each language', () => {
  afterEach(() => setLocale('fr'));

  it('marks the bold button with the letter of the editor’s language', async () => {
    const draft = await addDraft(db, { title: 'OVH' });

    renderEditor(draft.id);
    expect((await screen.findByRole('button', { name: 'Gras (Ctrl+B)' })).textContent).toBe('G');
    cleanup();
    setLocale('en');
    renderEditor(draft.id);
    expect((await screen.findByRole('button', { name: 'Bold (Ctrl+B)' })).textContent).toBe('B');
  });
});

describe('DraftEditor when a write fails', () => {
  /** Makes the draft writes throw what a full disk makes IndexedDB throw. */
  const fillTheDisk = () =>
    vi
      .spyOn(db.clips, 'update')
      .mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

  afterEach(() => vi.restoreAllMocks());

  it('says the disk is full in French and keeps what was typed until it can be written', async () => {
    const draft = await addDraft(db, { title: 'Avant' });
    renderEditor(draft.id);
    const title = (await screen.findByLabelText('Titre du brouillon')) as HTMLInputElement;
    const full = fillTheDisk();

    fireEvent.input(title, { target: { value: 'Tapé sur un disque plein' } });

    await waitFor(() =>
      expect(screen.getByTestId('save-state').textContent).toMatch(
        /^Plus de place pour enregistrer/,
      ),
    );
    expect(title.value).toBe('Tapé sur un disque plein');
    // The journal keeps it for the next start, should the page close before space is freed.
    expect(readJournal(draft.id)?.patch).toMatchObject({ title: 'Tapé sur un disque plein' });
    expect((await db.clips.get(draft.id))?.title).toBe('Avant');

    // Space freed: the next keystroke writes everything.
    full.mockRestore();
    fireEvent.input(title, { target: { value: 'Tapé sur un disque plein !' } });
    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.title).toBe('Tapé sur un disque plein !'),
    );
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Enregistré'));
    expect(readJournal(draft.id)).toBeUndefined();
  });

  it('shows both versions of a field changed here and elsewhere, and keeps the chosen one', async () => {
    const draft = await addDraft(db, { title: 'Avant' });
    renderEditor(draft.id);
    const title = (await screen.findByLabelText('Titre du brouillon')) as HTMLInputElement;
    // This view's write cannot land before the other view's: the two changes cross.
    const full = fillTheDisk();
    fireEvent.input(title, { target: { value: 'Mon titre' } });
    await waitFor(() => expect(full).toHaveBeenCalled());
    full.mockRestore();
    await updateDraft(draft.id, { title: 'Leur titre' });

    const conflicts = await screen.findByTestId('conflicts');
    expect(conflicts.textContent).toContain('Modifié ailleurs en même temps');
    expect(screen.getByTestId('conflict-mine').textContent).toBe('Mon titre');
    expect(screen.getByTestId('conflict-theirs').textContent).toBe('Leur titre');
    // Nothing is overwritten while the editor has not chosen.
    expect((await db.clips.get(draft.id))?.title).toBe('Leur titre');
    expect(title.value).toBe('Mon titre');

    fireEvent.click(
      screen.getByRole('button', {
        name: 'Garder la mienne\u00a0: Titre du brouillon',
      }),
    );
    await waitFor(async () => expect((await db.clips.get(draft.id))?.title).toBe('Mon titre'));
    expect(screen.queryByTestId('conflicts')).toBeNull();
  });

  it('shows both labels when the item was renamed here and elsewhere, and keeps the chosen one', async () => {
    const draft = await addDraft(db, { body: '<p>OVH en Bourse</p>' });
    renderEditor(draft.id);
    const label = (await screen.findByLabelText('Libellé')) as HTMLInputElement;
    const full = fillTheDisk();
    fireEvent.input(label, { target: { value: 'Mon nom' } });
    await waitFor(() => expect(full).toHaveBeenCalled());
    full.mockRestore();
    await updateDraft(draft.id, { label: 'Leur nom' });

    await screen.findByTestId('conflicts');
    expect(screen.getByTestId('conflict-mine').textContent).toBe('Mon nom');
    expect(screen.getByTestId('conflict-theirs').textContent).toBe('Leur nom');
    expect((await db.clips.get(draft.id))?.label).toBe('Leur nom');

    fireEvent.click(screen.getByRole('button', { name: 'Garder la mienne\u00a0: Libellé' }));
    await waitFor(async () => expect((await db.clips.get(draft.id))?.label).toBe('Mon nom'));
    expect(screen.queryByTestId('conflicts')).toBeNull();
  });

  it('names the draft, once a conflict is chosen, by its title as its inbox row shows it', async () => {
    const draft = await addDraft(db, {
      title: 'Le "yacht" du ministre',
      body: '<p>OVH en Bourse</p>',
    });
    wrap(<DraftEditor id={draft.id} onClose={() => {}} />);
    const label = (await screen.findByLabelText('Libellé')) as HTMLInputElement;
    const spoken = recordSpoken();
    const full = fillTheDisk();
    fireEvent.input(label, { target: { value: 'Mon nom' } });
    await waitFor(() => expect(full).toHaveBeenCalled());
    full.mockRestore();
    await updateDraft(draft.id, { label: 'Leur nom' });
    await screen.findByTestId('conflicts');

    fireEvent.click(screen.getByRole('button', { name: 'Garder la mienne\u00a0: Libellé' }));

    await waitFor(() =>
      expect(spoken).toEqual([
        'Vous avez gardé votre version de «\u00a0Le "yacht" du ministre\u00a0».',
      ]),
    );
  });

  it('keeps both when the text was changed here and elsewhere in different paragraphs', async () => {
    const draft = await addDraft(db, { body: '<p>Un.</p><p>Deux.</p><p>Trois.</p>' });
    renderEditor(draft.id);
    const text = await screen.findByRole('textbox', { name: 'Texte de l’indiscret' });
    // This view's write cannot land before the other view's: the two changes cross.
    const full = fillTheDisk();
    text.innerHTML = '<p>Un, ici.</p><p>Deux.</p><p>Trois.</p>';
    fireEvent.input(text);
    await waitFor(() => expect(full).toHaveBeenCalled());
    full.mockRestore();

    await updateDraft(draft.id, { body: '<p>Un.</p><p>Deux.</p><p>Trois, ailleurs.</p>' });

    const both = '<p>Un, ici.</p><p>Deux.</p><p>Trois, ailleurs.</p>';
    await waitFor(async () => expect((await db.clips.get(draft.id))?.body).toBe(both));
    await waitFor(() => expect(text.innerHTML).toBe(both));
    expect(screen.queryByTestId('conflicts')).toBeNull();
    await waitFor(() => expect(readJournal(draft.id)).toBeUndefined());
  });

  it('still asks when the text was changed here and elsewhere in the same paragraph', async () => {
    const draft = await addDraft(db, { body: '<p>Un.</p><p>Deux.</p>' });
    renderEditor(draft.id);
    const text = await screen.findByRole('textbox', { name: 'Texte de l’indiscret' });
    const full = fillTheDisk();
    text.innerHTML = '<p>Un, ici.</p><p>Deux.</p>';
    fireEvent.input(text);
    await waitFor(() => expect(full).toHaveBeenCalled());
    full.mockRestore();

    await updateDraft(draft.id, { body: '<p>Un, ailleurs.</p><p>Deux.</p>' });

    await screen.findByTestId('conflicts');
    expect((await db.clips.get(draft.id))?.body).toBe('<p>Un, ailleurs.</p><p>Deux.</p>');
    expect(text.innerHTML).toBe('<p>Un, ici.</p><p>Deux.</p>');
  });

  it('shows both texts as they read when both changed one paragraph, a word made bold marked', async () => {
    const draft = await addDraft(db, { body: '<p>Un.</p><ul><li>Deux</li></ul>' });
    renderEditor(draft.id);
    const text = await screen.findByRole('textbox', { name: 'Texte de l’indiscret' });
    const full = fillTheDisk();
    text.innerHTML = '<p>Un, ici.</p><ul><li>Deux</li></ul>';
    fireEvent.input(text);
    await waitFor(() => expect(full).toHaveBeenCalled());
    full.mockRestore();

    await updateDraft(draft.id, {
      body: '<p><strong>Un</strong>, «\u00a0<span lang="en">here</span>\u00a0».</p><ul><li>Deux</li></ul>',
    });

    const theirs = await screen.findByTestId('conflict-theirs');
    const mine = screen.getByTestId('conflict-mine');
    // The text's paragraph and its list, in the language it is written in.
    expect([...mine.children].map((el) => el.localName)).toEqual(['p', 'ul']);
    expect(theirs.getAttribute('lang')).toBe('fr');
    expect(theirs.querySelector('span[lang="en"]')!.textContent).toBe('here');
    const bold = theirs.querySelector('strong > mark')!;
    expect(bold.firstChild!.textContent).toBe('Un');
    expect(bold.querySelector('.conflict__said')!.textContent).toBe(
      '\u00a0(mêmes mots, ici en gras)',
    );
    expect(mine.querySelector('mark.conflict__change--style .conflict__said')!.textContent).toBe(
      '\u00a0(mêmes mots, ici pas en gras)',
    );
    expect(
      [...mine.querySelectorAll('mark:not(.conflict__change--style)')].map((m) => m.textContent),
    ).toEqual(['ici.']);
  });

  it('takes the other version when the editor chooses it', async () => {
    const draft = await addDraft(db, { note: '' });
    renderEditor(draft.id);
    const note = (await screen.findByLabelText(
      'Note privée (jamais exportée)',
    )) as HTMLTextAreaElement;
    const full = fillTheDisk();
    fireEvent.input(note, { target: { value: 'Ma note' } });
    await waitFor(() => expect(full).toHaveBeenCalled());
    full.mockRestore();
    await updateDraft(draft.id, { note: 'Leur note' });

    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Prendre l’autre\u00a0: Note privée (jamais exportée)',
      }),
    );
    await waitFor(() => expect(note.value).toBe('Leur note'));
    expect((await db.clips.get(draft.id))?.note).toBe('Leur note');
    await waitFor(() => expect(readJournal(draft.id)).toBeUndefined());
  });
});

describe('DraftEditor with the text focused while another view edits it', () => {
  it('shows the text changed elsewhere at once, and the next keystroke keeps it', async () => {
    const draft = await addDraft(db, { body: '<p>Le ministre quitte Bercy.</p>' });
    renderEditor(draft.id);
    const text = await screen.findByRole('textbox', { name: 'Texte de l’indiscret' });
    // jsdom focuses only what has a tab index; the browser focuses a contenteditable as is.
    text.tabIndex = 0;
    text.focus();
    expect(document.activeElement).toBe(text);

    // The desk rewrites the text while the popup has the caret in it.
    await updateDraft(draft.id, { body: '<p>Le ministre quitte Bercy jeudi.</p>' });

    await waitFor(() => expect(text.innerHTML).toBe('<p>Le ministre quitte Bercy jeudi.</p>'));
    expect(document.activeElement).toBe(text);
    // The editor types on, in the text as it now is.
    text.innerHTML = '<p>Le ministre quitte Bercy jeudi soir.</p>';
    fireEvent.input(text);
    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.body).toBe(
        '<p>Le ministre quitte Bercy jeudi soir.</p>',
      ),
    );
    expect(screen.queryByTestId('conflicts')).toBeNull();
  });

  it('leaves the text being typed alone when its own save comes back', async () => {
    const draft = await addDraft(db, { body: '<p>Avant</p>' });
    renderEditor(draft.id);
    const text = await screen.findByRole('textbox', { name: 'Texte de l’indiscret' });
    text.tabIndex = 0;
    text.focus();
    // Not yet clean (a trailing empty span): the DOM is the editor's while it types.
    text.innerHTML = '<p>Avant, après<span></span></p>';
    fireEvent.input(text);

    await waitFor(async () =>
      expect((await db.clips.get(draft.id))?.body).toBe('<p>Avant, après</p>'),
    );
    expect(text.innerHTML).toBe('<p>Avant, après<span></span></p>');
  });
});

describe('DraftEditor opening a draft a closed page typed in, changed elsewhere meanwhile', () => {
  /** A page typed a title and a note over "Avant", closed before its write; another view then wrote the title. */
  async function leftBehind() {
    const draft = await addDraft(db, { title: 'Avant', note: '' });
    draftJournal(draft.id, newJournalView()).write(
      { title: 'Tapé ici', note: 'Note tapée ici' },
      { title: 'Avant', note: '' },
    );
    await saveDraftEdit(draft.id, { title: 'Écrit ailleurs' }, { title: 'Avant' }, db);
    // What the popup or the desk does when it opens.
    await replayJournal(db);
    return draft;
  }

  it('shows the typed title next to the one written elsewhere, keeps the note, and stores the one chosen', async () => {
    const draft = await leftBehind();
    expect(await db.clips.get(draft.id)).toMatchObject({
      title: 'Écrit ailleurs',
      note: 'Note tapée ici',
    });

    renderEditor(draft.id);

    const chooser = await screen.findByTestId('conflict');
    expect(within(chooser).getByTestId('conflict-mine').textContent).toBe('Tapé ici');
    expect(within(chooser).getByTestId('conflict-theirs').textContent).toBe('Écrit ailleurs');
    fireEvent.click(
      within(chooser).getByRole('button', {
        name: 'Garder la mienne\u00a0: Titre du brouillon',
      }),
    );
    await waitFor(async () => expect((await db.clips.get(draft.id))?.title).toBe('Tapé ici'));
    await waitFor(() => expect(readJournal(draft.id)).toBeUndefined());
  });

  it('keeps both versions in the journal until the editor chooses, even if it closes again', async () => {
    const draft = await leftBehind();
    const { unmount } = renderEditor(draft.id);
    await screen.findByTestId('conflict');
    // Another field is typed and stored as usual meanwhile.
    fireEvent.input(screen.getByLabelText('Note privée (jamais exportée)'), {
      target: { value: 'Note reprise' },
    });
    await waitFor(async () => expect((await db.clips.get(draft.id))?.note).toBe('Note reprise'));

    unmount();
    await replayJournal(db);

    expect((await db.clips.get(draft.id))?.title).toBe('Écrit ailleurs');
    expect(readJournal(draft.id)).toMatchObject({
      patch: { title: 'Tapé ici' },
      base: { title: 'Avant' },
      orphaned: true,
    });
    renderEditor(draft.id);
    expect((await screen.findByTestId('conflict-mine')).textContent).toBe('Tapé ici');
  });

  it('shows no chooser when the other view wrote the same title', async () => {
    const draft = await addDraft(db, { title: 'Avant' });
    draftJournal(draft.id, newJournalView()).write({ title: 'Pareil' }, { title: 'Avant' });
    await saveDraftEdit(draft.id, { title: 'Pareil' }, { title: 'Avant' }, db);
    await replayJournal(db);

    renderEditor(draft.id);

    expect(((await screen.findByLabelText('Titre du brouillon')) as HTMLInputElement).value).toBe(
      'Pareil',
    );
    expect(screen.queryByTestId('conflicts')).toBeNull();
    expect(readJournal(draft.id)).toBeUndefined();
  });
});
