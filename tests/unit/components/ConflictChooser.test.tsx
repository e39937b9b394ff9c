import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { AnnouncerProvider } from '../../../components/Announcer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../../../locales';
import { COMPARE_PAUSE_MS, ConflictChooser } from '../../../components/ConflictChooser';

type Fields = { title: string };
const conflicts = [{ field: 'title' as const, base: 'Le ministre', mine: 'Part', theirs: 'Reste' }];

function chooser(origin?: { desk: true; title: string; by?: string }) {
  render(
    <ConflictChooser<Fields, 'title'>
      conflicts={conflicts}
      label={() => 'Titre'}
      show={(_field, value) => value}
      onChoose={() => undefined}
      {...(origin ? { origin } : {})}
    />,
  );
  return screen.getByRole('alert').textContent;
}

afterEach(cleanup);

describe('ConflictChooser', () => {
  it('says another window when two views of this browser wrote the same field', () => {
    expect(chooser()).toBe(
      'Ces champs ont été changés dans une autre fenêtre pendant que vous écriviez. Choisissez la version à garder\u00a0: rien n’est perdu tant que vous n’avez pas choisi.',
    );
    expect(screen.getAllByRole('figure')[1]!.querySelector('figcaption')!.textContent).toBe(
      'L’autre version',
    );
  });

  it('names the other editor and the shared desk for a sync conflict', () => {
    const intro = chooser({ desk: true, title: 'Le ministre et Bercy', by: 'Rédac' });
    expect(intro).toBe(
      '«\u00a0Le ministre et Bercy\u00a0» a été modifié dans la rédaction partagée par Rédac pendant que vous écriviez. Choisissez la version à garder pour chaque champ\u00a0: rien n’est perdu tant que vous n’avez pas choisi.',
    );
    expect(intro).not.toContain('fenêtre');
    expect(screen.getByText('Version de Rédac')).toBeTruthy();
  });

  it('says the shared desk without a name when the server did not say who wrote it', () => {
    const intro = chooser({ desk: true, title: 'Le ministre et Bercy' });
    expect(intro).toBe(
      '«\u00a0Le ministre et Bercy\u00a0» a été modifié dans la rédaction partagée par un autre membre de la rédaction pendant que vous écriviez. Choisissez la version à garder pour chaque champ\u00a0: rien n’est perdu tant que vous n’avez pas choisi.',
    );
    expect(screen.getByText('L’autre version')).toBeTruthy();
  });
});

describe('ConflictChooser’s keyboard after a choice between two windows', () => {
  type Two = { title: string; note: string };
  /** A form with its two fields and its chooser, the choice taken out of the conflicts. */
  function Form() {
    const [open, setOpen] = useState<Array<'title' | 'note'>>(['title', 'note']);
    const [values, setValues] = useState<Two>({ title: 'Mon titre', note: 'Ma note' });
    const versions = { title: ['Mon titre', 'Son titre'], note: ['Ma note', 'Sa note'] } as const;
    return (
      <div>
        <ConflictChooser<Two, 'title' | 'note'>
          conflicts={open.map((field) => ({
            field,
            base: '',
            mine: versions[field][0],
            theirs: versions[field][1],
          }))}
          label={(field) => (field === 'title' ? 'Titre' : 'Note')}
          show={(_field, value) => value}
          onChoose={(field, choice) => {
            setOpen(open.filter((f) => f !== field));
            if (choice === 'theirs') setValues({ ...values, [field]: versions[field][1] });
          }}
          keyboardBack={{
            title: values.title,
            field: (field) => document.querySelector<HTMLElement>(`[aria-label="${field}"]`),
          }}
        />
        <input aria-label="title" />
        <textarea aria-label="note" />
      </div>
    );
  }

  it('goes to the next field’s choice, then to the field chosen for, and says each choice', async () => {
    render(
      <AnnouncerProvider>
        <Form />
      </AnnouncerProvider>,
    );
    const take = screen.getByRole('button', { name: 'Prendre l’autre\u00a0: Titre' });
    take.focus();
    fireEvent.click(take);
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Garder la mienne\u00a0: Note' }),
      ),
    );
    expect(screen.getByTestId('announcement').textContent).toBe(
      'Vous avez pris l’autre version de «\u00a0Son titre\u00a0».',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Garder la mienne\u00a0: Note' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('note')));
    expect(screen.queryByTestId('conflicts')).toBeNull();
    expect(screen.getByTestId('announcement').textContent).toBe(
      'Vous avez gardé votre version de «\u00a0Son titre\u00a0».',
    );
  });
});

describe('ConflictChooser’s keyboard when the control written in goes with the choice', () => {
  type Listed = { sources: string[] };
  /** A list of sources, each a row of its own, « + Ajouter une source » after them. */
  function Sources() {
    const [open, setOpen] = useState(true);
    const [sources, setSources] = useState(['https://news.test/la-mienne']);
    return (
      <div>
        <ConflictChooser<Listed, 'sources'>
          conflicts={open ? [{ field: 'sources', base: [], mine: sources, theirs: [] }] : []}
          label={() => 'Sources'}
          show={(_field, value) => value.join(' ; ')}
          onChoose={(_field, choice) => {
            setOpen(false);
            if (choice === 'theirs') setSources([]);
          }}
          keyboardBack={{
            title: 'Le ministre et Bercy',
            field: () => document.querySelector<HTMLElement>('.sources :is(input, button)'),
          }}
        />
        <fieldset class="sources">
          {sources.map((url) => (
            <input key={url} aria-label="Adresse de la source" value={url} />
          ))}
          <button type="button">+ Ajouter une source</button>
        </fieldset>
      </div>
    );
  }

  it('goes to where the field is written once drawn: the other version has no source, « + Ajouter une source »', async () => {
    render(
      <AnnouncerProvider>
        <Sources />
      </AnnouncerProvider>,
    );
    const take = screen.getByRole('button', { name: 'Prendre l’autre\u00a0: Sources' });
    take.focus();
    fireEvent.click(take);
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: '+ Ajouter une source' }),
      ),
    );
    expect(screen.queryByLabelText('Adresse de la source')).toBeNull();
  });
});

describe('ConflictChooser’s versions', () => {
  it('marks in each version what the other lacks, and shows the text whole', () => {
    const base = 'Les députés ont adopté le projet de loi.';
    render(
      <ConflictChooser<{ body: string }, 'body'>
        conflicts={[{ field: 'body', base, mine: `${base} Ajout de A.`, theirs: `[B] ${base}` }]}
        label={() => 'Texte'}
        show={(_field, value) => value}
        onChoose={() => undefined}
      />,
    );

    const mine = screen.getByTestId('conflict-mine');
    const theirs = screen.getByTestId('conflict-theirs');

    expect([...mine.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Ajout de A.']);
    expect([...theirs.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['[B] ']);
    expect(mine.textContent).toBe(`${base} Ajout de A.`);
    expect(theirs.textContent).toBe(`[B] ${base}`);
  });
});

describe('ConflictChooser’s buttons', () => {
  afterEach(() => setLocale('fr'));

  /** Two conflicting fields, so that each button must also say which field it is for. */
  function twoFields() {
    render(
      <ConflictChooser<{ title: string; body: string }, 'title' | 'body'>
        conflicts={[
          { field: 'title', base: 'a', mine: 'Part', theirs: 'Reste' },
          { field: 'body', base: 'a', mine: 'Mien', theirs: 'Sien' },
        ]}
        label={(field) => (field === 'title' ? 'Titre du brouillon' : 'Texte de l’indiscret')}
        show={(_field, value) => value}
        onChoose={() => undefined}
        origin={{ desk: true, title: 'Le ministre et Bercy', by: 'Rédac' }}
      />,
    );
  }

  it('are named by the words they show, then the field (WCAG 2.5.3, label in name)', () => {
    twoFields();
    // Someone who speaks « Garder la mienne » to their voice control, or hears it read, finds
    // the button by the words on it; the field after them tells the two conflicts apart.
    for (const field of ['Titre du brouillon', 'Texte de l’indiscret']) {
      const keep = screen.getByRole('button', { name: `Garder la mienne\u00a0: ${field}` });
      expect(keep.textContent).toBe('Garder la mienne');
      const take = screen.getByRole('button', { name: `Prendre l’autre\u00a0: ${field}` });
      expect(take.textContent).toBe('Prendre l’autre');
    }
  });

  it('are named the same way in English', () => {
    setLocale('en');
    twoFields();
    const keep = screen.getByRole('button', { name: 'Keep mine: Texte de l’indiscret' });
    expect(keep.textContent).toBe('Keep mine');
    const take = screen.getByRole('button', { name: 'Take the other: Texte de l’indiscret' });
    expect(take.textContent).toBe('Take the other');
  });
});

describe('ConflictChooser’s item text', () => {
  afterEach(() => setLocale('fr'));

  /** An item's text in conflict, shown as it reads (the way DraftEditor's chooser shows it). */
  function itemConflict(mine: string, theirs: string) {
    render(
      <ConflictChooser<{ title: string; body: string }, 'title' | 'body'>
        conflicts={[
          { field: 'title', base: '', mine: 'Le <strong>titre</strong>', theirs: 'Un titre' },
          { field: 'body', base: '', mine, theirs },
        ]}
        label={(field) => (field === 'title' ? 'Titre' : 'Texte de l’indiscret')}
        show={(_field, value) => value}
        itemLang={(field) => (field === 'body' ? 'fr' : undefined)}
        onChoose={() => undefined}
      />,
    );
    const [, body] = screen.getAllByTestId('conflict');
    return {
      mine: within(body!).getByTestId('conflict-mine'),
      theirs: within(body!).getByTestId('conflict-theirs'),
    };
  }

  /**
   * What a screen reader hears of a mark: its words, then what differs, in the interface’s
   * language (shown on hovering them); and its title, which it would hear again.
   */
  const heard = (mark: Element) => ({
    words: mark.firstChild!.textContent,
    said: mark.querySelector('.conflict__said')?.textContent,
    lang: mark.querySelector('.conflict__said')?.getAttribute('lang'),
    title: mark.getAttribute('title'),
  });

  it('shows each version as it reads: paragraphs, lists, bold, italic, quotes in their language', () => {
    const { mine, theirs } = itemConflict(
      '<p>Le <strong>ministre</strong> part, dit «\u00a0<span lang="en">the <em>deal</em></span>\u00a0».</p><ul><li>Un</li><li>Deux</li></ul>',
      '<p>Le <strong>ministre</strong> part.</p>',
    );

    // In the text's language, as the editor says it; the quote in its own.
    expect(mine.getAttribute('lang')).toBe('fr');
    expect([...mine.children].map((el) => el.localName)).toEqual(['p', 'ul']);
    expect(mine.querySelector('strong')!.textContent).toBe('ministre');
    const quote = mine.querySelector('span[lang]:not(.conflict__said)')!;
    expect(quote.getAttribute('lang')).toBe('en');
    expect(quote.querySelector('em')!.textContent).toBe('deal');
    expect([...mine.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Un', 'Deux']);
    expect(theirs.querySelector('p')!.textContent).toBe('Le ministre part.');
    expect(theirs.querySelector('strong')!.textContent).toBe('ministre');
  });

  it('marks the words made bold in the other version, and says so in each', () => {
    const { mine, theirs } = itemConflict(
      '<p>Le ministre quitte Bercy jeudi.</p>',
      '<p>Le ministre <strong>quitte Bercy</strong> jeudi.</p>',
    );

    expect(heard(mine.querySelector('mark')!)).toEqual({
      words: 'quitte Bercy',
      said: '\u00a0(mêmes mots, ici pas en gras)',
      lang: 'fr',
      // Said once, in the text: a title would be said again, as the mark's description.
      title: null,
    });
    // Shown on hovering the words: the parentheses are for the ear only.
    const shown = mine.querySelector('.conflict__said')!.cloneNode(true) as Element;
    shown.querySelectorAll('.visually-hidden').forEach((el) => el.remove());
    expect(shown.textContent).toBe('mêmes mots, ici pas en gras');
    const bold = theirs.querySelector('strong > mark')!;
    expect(heard(bold)).toMatchObject({
      words: 'quitte Bercy',
      said: '\u00a0(mêmes mots, ici en gras)',
    });
    expect(bold.classList.contains('conflict__change--style')).toBe(true);
  });

  it('says under each version’s caption how the keyboard reaches its marks, and ties the marks to both', () => {
    const { mine, theirs } = itemConflict(
      '<p>Le ministre quitte Bercy jeudi, selon Axios.</p>',
      '<p>Le ministre quitte <strong>Bercy</strong> jeudi, selon <em>Axios</em>.</p>',
    );
    /** What `el`'s aria-describedby names: each id's element's text, or `undefined` for none. */
    const described = (el: Element) =>
      el
        .getAttribute('aria-describedby')
        ?.split(' ')
        .map((id) => document.getElementById(id)?.textContent);
    const keys =
      'Tab pour atteindre les changements de forme, ← → pour passer de l’un à l’autre, Échap pour masquer leur explication';
    for (const version of [mine, theirs]) {
      const figure = version.closest('figure')!;
      // Under the caption, before the text.
      expect([...figure.children].map((el) => el.localName)).toEqual([
        'figcaption',
        'p',
        'div',
        'button',
      ]);
      expect(within(figure).getByTestId('conflict-keys').textContent).toBe(keys);
      const caption = figure.querySelector('figcaption')!.textContent;
      const marks = [...version.querySelectorAll('mark.conflict__change--style')];
      expect(marks).toHaveLength(2);
      for (const mark of marks) expect(described(mark)).toEqual([caption, keys]);
    }
    expect(described(theirs.querySelector('mark')!)).toEqual(['L’autre version', keys]);
    // Each version's own ids: the two conflicts' and versions' ids all differ.
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows no keys’ hint where no mark is reached by keyboard: words changed, a plain field; English', () => {
    itemConflict('<p>Le ministre démissionne.</p>', '<p>Le ministre reste.</p>');
    // The marks of words changed are not Tab stops; nor is the title's (plain text).
    expect(screen.queryAllByTestId('conflict-keys')).toEqual([]);
    expect(document.querySelector('[aria-describedby]')).toBeNull();
    cleanup();
    // In English, for each version with such marks.
    setLocale('en');
    itemConflict('<p>Le ministre part.</p>', '<p>Le <em>ministre</em> part.</p>');
    expect(screen.getAllByTestId('conflict-keys').map((el) => el.textContent)).toEqual([
      'Tab to reach the formatting changes, ←/→ to move between them, Esc to hide what they say',
      'Tab to reach the formatting changes, ←/→ to move between them, Esc to hide what they say',
    ]);
  });

  it('says the same in English, the quote’s language named, the text still French', () => {
    setLocale('en');
    const { mine, theirs } = itemConflict(
      '<p>«\u00a0<span lang="en">The deal is off</span>\u00a0», dit-il.</p>',
      '<p>«\u00a0The deal is off\u00a0», dit-il.</p>',
    );

    expect(mine.getAttribute('lang')).toBe('fr');
    expect(heard(mine.querySelector('span[lang="en"] > mark')!)).toEqual({
      words: 'The deal is off',
      said: '\u00a0(same words, here in English)',
      lang: 'en',
      title: null,
    });
    expect(heard(theirs.querySelector('mark')!).said).toBe(
      '\u00a0(same words, here in the text’s language)',
    );
  });

  it('says code marked in one version only as marked as code, not as a language, in both locales', () => {
    const texts = [
      '<p>Lancez <span lang="zxx">npm run build</span>.</p>',
      '<p>Lancez npm run build.</p>',
    ] as const;
    const { mine, theirs } = itemConflict(...texts);

    // Before, « en sans contenu linguistique » and « dans la langue du texte ».
    expect(heard(mine.querySelector('mark')!).said).toBe(
      '\u00a0(mêmes mots, ici marqués comme code)',
    );
    expect(heard(theirs.querySelector('mark')!).said).toBe(
      '\u00a0(mêmes mots, ici pas marqués comme code)',
    );
    cleanup();
    setLocale('en');
    const english = itemConflict(...texts);
    expect(heard(english.mine.querySelector('mark')!).said).toBe(
      '\u00a0(same words, here marked as code)',
    );
    expect(heard(english.theirs.querySelector('mark')!).said).toBe(
      '\u00a0(same words, here not marked as code)',
    );
  });

  it('marks a paragraph made a list entry and two paragraphs joined, and says so', () => {
    const { mine, theirs } = itemConflict(
      '<p>Trois noms :</p><p>Dupont</p><p>Le ministre part.</p><p>Il dément.</p>',
      '<p>Trois noms :</p><ul><li>Dupont</li></ul><p>Le ministre part. Il dément.</p>',
    );

    const said = (el: Element) =>
      [...el.querySelectorAll('mark')].map((mark) => [
        mark.firstChild!.textContent,
        mark.querySelector('.conflict__said')?.textContent,
      ]);
    expect(said(mine)).toEqual([
      ['Dupont', '\u00a0(mêmes mots, ici dans un paragraphe)'],
      ['Il', '\u00a0(mêmes mots, ici dans un nouveau paragraphe)'],
    ]);
    expect(said(theirs)).toEqual([
      ['Dupont', '\u00a0(mêmes mots, ici dans une liste à puces)'],
      ['Il', '\u00a0(mêmes mots, ici à la suite des mots d’avant)'],
    ]);
    expect(theirs.querySelector('ul > li > mark')!.firstChild!.textContent).toBe('Dupont');

    cleanup();
    setLocale('en');
    const english = itemConflict(
      '<ul><li>Dupont Durand</li></ul><p>Un deux</p>',
      '<ol><li>Dupont</li><li>Durand</li></ol><p>Un<br>deux</p>',
    );
    expect(said(english.theirs)).toEqual([
      ['Dupont', '\u00a0(same words, here in a numbered list)'],
      ['Durand', '\u00a0(same words, here in a numbered list, in a new list entry)'],
      ['deux', '\u00a0(same words, here after a line break)'],
    ]);
    expect(said(english.mine)[1]).toEqual([
      'Durand',
      '\u00a0(same words, here in a bulleted list, run on from the words before)',
    ]);
  });

  it('shows a link’s address beside its words, not as a link, and marks a changed address', () => {
    const { mine, theirs } = itemConflict(
      '<p>Selon <a href="https://www.lemonde.fr/a">le Monde</a>.</p>',
      '<p>Selon <a href="https://www.lemonde.fr/b">le Monde</a>.</p>',
    );

    // No click on it takes the editor away from the choice.
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(mine.querySelector('.conflict__link')!.textContent).toContain('le Monde');
    expect(mine.querySelector('.conflict__address')!.textContent).toBe(
      '(lien vers https://www.lemonde.fr/a)',
    );
    expect(theirs.querySelector('.conflict__address')!.textContent).toBe(
      '(lien vers https://www.lemonde.fr/b)',
    );
    expect(heard(mine.querySelector('.conflict__link mark')!).said).toBe(
      '\u00a0(mêmes mots, ici avec un lien vers une autre adresse)',
    );
  });

  it('marks words changed as a plain field’s are, and keeps other fields plain', () => {
    const { mine, theirs } = itemConflict(
      '<p>Le ministre <strong>démissionne</strong> jeudi.</p>',
      '<p>Le ministre <strong>reste</strong> jeudi.</p>',
    );

    const changed = (el: Element) =>
      [...el.querySelectorAll('mark:not(.conflict__change--style)')].map((m) => m.textContent);
    expect(changed(mine)).toEqual(['démissionne']);
    expect(changed(theirs)).toEqual(['reste']);
    // The title is text: its angle brackets are shown, not read as markup.
    const [title] = screen.getAllByTestId('conflict-mine');
    expect(title!.localName).toBe('p');
    expect(title!.textContent).toBe('Le <strong>titre</strong>');
    expect(title!.querySelector('strong')).toBeNull();
  });

  it('shows « (vide) » for a version with no words, the other whole and unmarked', () => {
    const { mine, theirs } = itemConflict('<p><br></p>', '<p>Un <em>texte</em>.</p>');
    expect(mine.textContent).toBe('(vide)');
    expect(theirs.querySelector('em')!.textContent).toBe('texte');
    expect(theirs.querySelector('mark')).toBeNull();
  });

  it('puts nothing in the page that the stored text could run or load', () => {
    const { mine } = itemConflict(
      '<p onclick="alert(1)">Texte<img src="x" onerror="alert(1)"> <a href="javascript:alert(1)">ici</a></p><script>alert(1)</script>',
      '<p>Texte ici</p>',
    );
    expect(mine.innerHTML).toBe('<p>Texte ici</p>');
    expect(document.querySelector('img, script, [onclick], [onerror]')).toBeNull();
  });
});

describe('ConflictChooser while « Votre version » is typed in', () => {
  afterEach(() => vi.useRealTimers());

  /** An item's text in conflict, drawn again with `mine` as the editor types it. */
  function typing(mine: string, theirs: string) {
    const chooser = (value: string) => (
      <ConflictChooser<{ body: string }, 'body'>
        conflicts={[{ field: 'body', base: '', mine: value, theirs }]}
        label={() => 'Texte de l’indiscret'}
        show={(_field, value) => value}
        itemLang={() => 'fr'}
        onChoose={() => undefined}
      />
    );
    const { rerender } = render(chooser(mine));
    return (value: string) => rerender(chooser(value));
  }
  const added = () =>
    [...screen.getByTestId('conflict-mine').querySelectorAll('mark')].map((m) => m.textContent);

  it('compares at once when shown, then again only after a pause, saying meanwhile it is updating', () => {
    vi.useFakeTimers();
    const type = typing('<p>Le ministre part vite jeudi.</p>', '<p>Le ministre part jeudi.</p>');
    expect(added()).toEqual(['vite']);
    expect(screen.queryByTestId('conflict-updating')).toBeNull();

    // Keystrokes: the comparison shown is the last one, said not to be current yet.
    type('<p>Le ministre part très vite jeudi.</p>');
    act(() => {
      vi.advanceTimersByTime(COMPARE_PAUSE_MS - 50);
    });
    type('<p>Le ministre part très vite dit-on jeudi.</p>');
    act(() => {
      vi.advanceTimersByTime(COMPARE_PAUSE_MS - 50);
    });
    expect(added()).toEqual(['vite']);
    expect(screen.getByTestId('conflict-updating').textContent).toBe(
      'Mise à jour de la comparaison…',
    );
    expect(screen.getByTestId('conflict-mine').closest('[aria-busy]')).not.toBeNull();

    // The editor pauses: both compared again, the notice gone.
    act(() => {
      vi.advanceTimersByTime(50);
    });
    expect(added()).toEqual(['très vite dit-on']);
    expect(screen.queryByTestId('conflict-updating')).toBeNull();
    expect(screen.getByTestId('conflict-mine').closest('[aria-busy]')).toBeNull();
  });
});
