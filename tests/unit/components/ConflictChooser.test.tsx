import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../locales';
import { ConflictChooser } from '../../../components/ConflictChooser';

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
      '«\u00a0Le ministre et Bercy\u00a0» a été modifié sur le bureau partagé par Rédac pendant que vous écriviez. Choisissez la version à garder pour chaque champ\u00a0: rien n’est perdu tant que vous n’avez pas choisi.',
    );
    expect(intro).not.toContain('fenêtre');
    expect(screen.getByText('Version de Rédac')).toBeTruthy();
  });

  it('says the shared desk without a name when the server did not say who wrote it', () => {
    const intro = chooser({ desk: true, title: 'Le ministre et Bercy' });
    expect(intro).toBe(
      '«\u00a0Le ministre et Bercy\u00a0» a été modifié sur le bureau partagé par un autre membre de la rédaction pendant que vous écriviez. Choisissez la version à garder pour chaque champ\u00a0: rien n’est perdu tant que vous n’avez pas choisi.',
    );
    expect(screen.getByText('L’autre version')).toBeTruthy();
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
