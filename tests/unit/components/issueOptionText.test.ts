import { describe, expect, it } from 'vitest';
import { issueOptionTexts } from '../../../components/IssueParts';
import type { Issue } from '../../../storage/db';

const issue = (
  id: string,
  title: string,
  status: Issue['status'] = 'open',
  createdAt = '2026-03-15T08:00:00.000Z',
) => ({ id, title, status, createdAt });

describe('issueOptionTexts', () => {
  it('names an open issue by its title, and another by its title and status', () => {
    const names = issueOptionTexts([
      issue('a', 'Les indiscrets du 15 mars'),
      issue('b', 'Les indiscrets du 8 mars', 'exported'),
    ]);

    expect([...names.values()]).toEqual([
      'Les indiscrets du 15 mars',
      'Les indiscrets du 8 mars (exporté)',
    ]);
  });

  it('cuts a long title at a word so that its status stays in sight', () => {
    const title = 'Les indiscrets du 15 mars, spécial élections municipales et régionales';

    const name = issueOptionTexts([issue('a', title, 'published')]).get('a')!;

    // Cut at a word, the comma it ended with dropped: the ellipsis goes against the word.
    expect(name).toBe('Les indiscrets du 15 mars… (envoyé)');
    // The house pattern's longest title is whole.
    const september = issueOptionTexts([issue('s', 'Les indiscrets du 1er septembre', 'exported')]);
    expect(september.get('s')).toBe('Les indiscrets du 1er septembre (exporté)');
    // An open issue has no status to keep in sight: its title is whole.
    expect(issueOptionTexts([issue('a', title)]).get('a')).toBe(title);
  });

  it('numbers issues that share a title, in the order they were made', () => {
    const names = issueOptionTexts([
      issue('later', 'Les indiscrets du 15 mars', 'open', '2026-03-14T10:00:00.000Z'),
      issue('first', 'Les indiscrets du 15 mars', 'exported', '2026-03-13T10:00:00.000Z'),
      issue('other', 'Les indiscrets du 8 mars'),
    ]);

    expect(Object.fromEntries(names)).toEqual({
      first: 'Les indiscrets du 15 mars (exporté)',
      later: 'Les indiscrets du 15 mars (2)',
      other: 'Les indiscrets du 8 mars',
    });
  });
});
