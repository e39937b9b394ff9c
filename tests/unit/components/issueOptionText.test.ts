import { afterEach, describe, expect, it } from 'vitest';
import { issueOptionTexts } from '../../../components/IssueParts';
import { setLocale } from '../../../locales';
import type { Issue, WordPressPost } from '../../../storage/db';

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

describe('issueOptionTexts for a sent issue', () => {
  const NBSP = '\u00a0';
  /** 15 March of this year at 10:02 in this time zone: the day said without its year. */
  const AT = new Date(new Date().getFullYear(), 2, 15, 10, 2).toISOString();
  const CLAIRE = { id: 7, name: 'Claire Martin' };
  /** Issue `a`, published on WordPress as `post` says. */
  const sent = (post: Partial<WordPressPost> = {}) => [
    {
      ...issue('a', 'Les indiscrets du 15 mars', 'published'),
      wordpress: {
        postId: 812,
        link: 'https://redaction.test/?p=812',
        modifiedGmt: '',
        publishedAt: AT,
        ...post,
      },
    },
  ];

  afterEach(() => setLocale('fr'));

  it('names the colleague who sent it and the day, as the publish panel does', () => {
    const name = issueOptionTexts(sent({ publishedBy: CLAIRE }), 3).get('a');

    expect(name).toBe(`Les indiscrets du 15 mars (envoyé par Claire Martin le 15${NBSP}mars)`);
  });

  it('says « vous » to the desk’s user who sent it', () => {
    const name = issueOptionTexts(sent({ publishedBy: CLAIRE }), 7).get('a');

    expect(name).toBe(`Les indiscrets du 15 mars (envoyé par vous le 15${NBSP}mars)`);
  });

  it('names no one without a desk, nor for a post recorded without who published it', () => {
    const said = `Les indiscrets du 15 mars (envoyé le 15${NBSP}mars)`;

    expect(issueOptionTexts(sent({ publishedBy: CLAIRE }), null).get('a')).toBe(said);
    expect(issueOptionTexts(sent(), 3).get('a')).toBe(said);
    // Without `me` (a view that has no desk to ask), as without a desk.
    expect(issueOptionTexts(sent({ publishedBy: CLAIRE })).get('a')).toBe(said);
  });

  it('says the day of the last sending, an update as a creation', () => {
    const later = new Date(new Date().getFullYear(), 2, 16, 9, 0).toISOString();

    const name = issueOptionTexts(
      sent({ publishedAt: later, publishedBy: CLAIRE, updated: true }),
      3,
    ).get('a');

    expect(name).toBe(`Les indiscrets du 15 mars (envoyé par Claire Martin le 16${NBSP}mars)`);
  });

  it('shortens a long name at a word, so that the day stays in sight', () => {
    const name = issueOptionTexts(
      sent({ publishedBy: { id: 9, name: 'Marie-Christine de La Rochefoucauld-Liancourt' } }),
      3,
    ).get('a');

    expect(name).toBe(
      `Les indiscrets du 15 mars (envoyé par Marie-Christine de… le 15${NBSP}mars)`,
    );
  });

  it('says it in English', () => {
    setLocale('en');

    expect(issueOptionTexts(sent({ publishedBy: CLAIRE }), 3).get('a')).toBe(
      `Les indiscrets du 15 mars (sent by Claire Martin on 15${NBSP}March)`,
    );
    expect(issueOptionTexts(sent({ publishedBy: CLAIRE }), 7).get('a')).toBe(
      `Les indiscrets du 15 mars (sent by you on 15${NBSP}March)`,
    );
    expect(issueOptionTexts(sent(), null).get('a')).toBe(
      `Les indiscrets du 15 mars (sent on 15${NBSP}March)`,
    );
  });

  it('keeps « (envoyé) » for a sent issue with no post recorded, and the title cut before it', () => {
    const title = 'Les indiscrets du 15 mars, spécial élections municipales et régionales';
    const names = issueOptionTexts(
      [
        issue('bare', 'Les indiscrets du 8 mars', 'published'),
        { ...sent({ publishedBy: CLAIRE })[0]!, id: 'long', title },
      ],
      3,
    );

    expect(names.get('bare')).toBe('Les indiscrets du 8 mars (envoyé)');
    expect(names.get('long')).toBe(
      `Les indiscrets du 15 mars… (envoyé par Claire Martin le 15${NBSP}mars)`,
    );
  });
});
