import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  askedFields,
  conflictFieldLabel,
  conflictKeptText,
  showConflictValue,
  type ShownContext,
} from '../../../components/conflictFields';
import { SharedDeskBar } from '../../../components/SharedDeskBar';
import { setLocale, type Locale } from '../../../locales/core';
import { registerHandlers, type Handlers } from '../../../messaging/protocol';
import { DRAFT_SHARED, ISSUE_SHARED } from '../../../storage/shared-fields';
import { db } from '../../../storage/db';
import { UNASKED_FIELDS, withMovePlace, type SyncConflict } from '../../../storage/sync-state';
import { deskState } from '../desk-fixtures';
import { clearSharedDesk } from './desk-views';
import { addDraft } from '../storage/helpers';

/**
 * The shared desk's conflict box in words (components/conflictFields.ts): every shared field
 * named, every value read as an editor reads it, a move asked as one question.
 */

const contributorState = deskState('contributor');

/** In `locale`, then back to French. */
function inLocale<T>(locale: Locale, run: () => T): T {
  setLocale(locale);
  try {
    return run();
  } finally {
    setLocale('fr');
  }
}

/** A shared field as a conflict names it: the shared note is the draft's `note`. */
const conflictName = (kind: 'draft' | 'issue', field: string) =>
  kind === 'draft' && field === 'sharedNote' ? 'note' : field;

describe('conflictFieldLabel', () => {
  const asked = [
    ...DRAFT_SHARED.map((field) => ['draft', field] as const),
    ...ISSUE_SHARED.map((field) => ['issue', field] as const),
  ].filter(([, field]) => !UNASKED_FIELDS.has(field));

  it.each(['fr', 'en'] as const)(
    'names every shared field the box asks about in words, never by its code (%s)',
    (locale) => {
      inLocale(locale, () => {
        for (const [kind, field] of asked) {
          const label = conflictFieldLabel(kind, conflictName(kind, field));
          expect(label, `${kind} ${field}`).toBeTruthy();
          // The box falls back to the code name: a field added without a name fails here.
          expect(label, `${kind} ${field}`).not.toBe(conflictName(kind, field));
          expect(label, `${kind} ${field}`).not.toBe(field);
          // Not a message key left untranslated either.
          expect(label, `${kind} ${field}`).not.toMatch(/^[a-z]+(\.[a-zA-Z]+)+$/);
        }
      });
    },
  );

  it('names the fields in the house’s words, the editor’s where it has them', () => {
    expect(conflictFieldLabel('draft', 'label')).toBe('Libellé');
    expect(conflictFieldLabel('draft', 'quotes')).toBe('Citations');
    expect(conflictFieldLabel('draft', 'issueId')).toBe('Numéro');
    expect(conflictFieldLabel('draft', 'trashed')).toBe('Corbeille');
    expect(conflictFieldLabel('issue', 'date')).toBe('Date');
    expect(conflictFieldLabel('issue', 'wordpress')).toBe('Article WordPress');
    inLocale('en', () => {
      expect(conflictFieldLabel('draft', 'label')).toBe('Label');
      expect(conflictFieldLabel('draft', 'issueId')).toBe('Issue');
    });
  });

  it('never asks about where the metadata came from, nor why a capture could not read a page', () => {
    expect([...UNASKED_FIELDS].sort()).toEqual(['captureNote', 'provenance']);
    expect(
      askedFields([
        { field: 'provenance', base: {}, mine: { title: 'og:title' }, theirs: { title: 'tab' } },
        { field: 'captureNote', base: '', mine: 'pdf', theirs: '' },
        { field: 'title', base: 'a', mine: 'b', theirs: 'c' },
      ]).map((field) => field.field),
    ).toEqual(['title']);
  });
});

describe('conflictKeptText', () => {
  it('names the fields kept as the box names them, a place going with its issue', () => {
    const kept = {
      title: 'Les indiscrets du 15 mars',
      kind: 'issue' as const,
      fields: ['title', 'intro'],
      records: 1,
    };
    expect(conflictKeptText(kept)).toBe(
      'Choix annulé. Ce que vous avez écrit depuis dans «\u00a0Les indiscrets du 15 mars\u00a0» reste tel quel (Titre du numéro et Chapô)\u00a0: votre version d’avant n’y a pas été remise.',
    );
    const moved = { title: 'Yacht', kind: 'draft' as const, fields: ['issueId', 'sortKey'] };
    expect(inLocale('en', () => conflictKeptText({ ...moved, records: 1 }))).toBe(
      'Choice undone. What you wrote since in “Yacht” stays as it is (Issue): your earlier version was not put back there.',
    );
  });

  it('names the first of several records undone at once and counts the others', () => {
    const kept = { title: 'Yacht', kind: 'draft' as const, fields: ['body'], records: 3 };
    expect(conflictKeptText(kept)).toBe(
      'Choix annulés. Ce que vous avez écrit depuis dans «\u00a0Yacht\u00a0» et 2 autres reste tel quel\u00a0: vos versions d’avant n’y ont pas été remises.',
    );
  });

  it('says a text holds both what was written since and the version from before, to read over', () => {
    const both = { title: 'Yacht', kind: 'draft' as const, fields: [], both: ['body'], records: 1 };
    expect(conflictKeptText(both)).toBe(
      'Choix annulé. Ce que vous avez écrit depuis et votre version d’avant sont tous deux dans «\u00a0Yacht\u00a0» (Texte de l’indiscret)\u00a0: relisez-le.',
    );
    expect(inLocale('en', () => conflictKeptText(both))).toBe(
      'Choice undone. What you wrote since and your earlier version are both in “Yacht” (Item text): read it over.',
    );
    const chapo = { title: 'Les indiscrets du 15 mars', kind: 'issue' as const, fields: [] };
    expect(conflictKeptText({ ...chapo, both: ['intro'], records: 1 })).toBe(
      'Choix annulé. Ce que vous avez écrit depuis et votre version d’avant sont tous deux dans «\u00a0Les indiscrets du 15 mars\u00a0» (Chapô)\u00a0: relisez-le.',
    );
  });

  it('says both when a text holds both versions and another field stays as written since', () => {
    const kept = {
      title: 'Yacht',
      kind: 'draft' as const,
      fields: ['tags', 'issueId', 'sortKey'],
      both: ['body', 'note'],
      records: 1,
    };
    expect(conflictKeptText(kept)).toBe(
      'Choix annulé. Ce que vous avez écrit depuis et votre version d’avant sont tous deux dans «\u00a0Yacht\u00a0» (Texte de l’indiscret et Note partagée)\u00a0: relisez-le. Ailleurs, ce que vous avez écrit depuis reste tel quel (Tags et Numéro)\u00a0: votre version d’avant n’y a pas été remise.',
    );
    expect(inLocale('en', () => conflictKeptText(kept))).toBe(
      'Choice undone. What you wrote since and your earlier version are both in “Yacht” (Item text and Shared note): read it over. Elsewhere, what you wrote since stays as it is (Tags and Issue): your earlier version was not put back there.',
    );
  });

  it('counts the records of several undone at once whose texts hold both versions, with or without fields kept', () => {
    const both = { title: 'Yacht', kind: 'draft' as const, fields: [], both: ['body'], records: 3 };
    expect(conflictKeptText(both)).toBe(
      'Choix annulés. Ce que vous avez écrit depuis et vos versions d’avant sont tous deux dans «\u00a0Yacht\u00a0» et 2 autres\u00a0: relisez-les.',
    );
    expect(conflictKeptText({ ...both, fields: ['tags'], records: 2 })).toBe(
      'Choix annulés. Ce que vous avez écrit depuis et vos versions d’avant sont tous deux dans les textes de «\u00a0Yacht\u00a0» et 1 autre\u00a0: relisez-les. Ailleurs, ce que vous avez écrit depuis reste tel quel\u00a0: vos versions d’avant n’y ont pas été remises.',
    );
    expect(inLocale('en', () => conflictKeptText(both))).toBe(
      'Choices undone. What you wrote since and your earlier versions are both in “Yacht” and 2 others: read them over.',
    );
  });
});

describe('showConflictValue', () => {
  const draft: ShownContext = {
    kind: 'draft',
    recordId: 'd1',
    issueId: 'i1',
    issues: new Map([
      ['i1', { title: 'Les indiscrets du 15 mars' }],
      ['i2', { title: 'Les indiscrets du 22 mars' }],
    ]),
    items: new Map([
      [
        'i1',
        [
          { id: 'x', sortKey: 'a0' },
          { id: 'd1', sortKey: 'a1' },
          { id: 'y', sortKey: 'a2' },
        ],
      ],
      [
        'i2',
        [
          { id: 'z', sortKey: 'a0' },
          { id: 'w', sortKey: 'a1' },
        ],
      ],
    ]),
  };
  const issue: ShownContext = { kind: 'issue', recordId: 'i1', me: 7 };
  const show = (ctx: ShownContext, field: string, value: unknown) =>
    showConflictValue(ctx, field, value);

  it('writes dates as the desk writes them, not as ISO codes', () => {
    const at = new Date(2026, 2, 10, 9, 5).toISOString();
    expect(show(draft, 'publishedAt', at)).toMatch(
      /^10\u00a0mars(\u00a0\d{4})? à 9\u00a0h\u00a005$/,
    );
    expect(show(draft, 'createdAt', at)).toContain('10\u00a0mars');
    expect(show(issue, 'exportedAt', at)).toContain('10\u00a0mars');
    expect(show(issue, 'date', '2026-03-15')).toBe('dimanche\u00a015\u00a0mars\u00a02026');
    expect(inLocale('en', () => show(draft, 'publishedAt', at))).toMatch(
      /^10\u00a0March(\u00a0\d{4})? at 9:05$/,
    );
    // Empty: the box says « (vide) ».
    expect(show(draft, 'publishedAt', '')).toBe('');
  });

  it('shows a title, a label and an issue’s title held to their field’s 1,000 characters, cut at a word', () => {
    // A backup's or the shared desk's: 2,000,000 characters, laid out whole and compared word
    // by word, held the box for seconds.
    const huge = 'Le ministre et le yacht '.repeat(90_000).slice(0, 2_000_000);
    for (const [ctx, field] of [
      [draft, 'title'],
      [draft, 'label'],
      [issue, 'title'],
    ] as const) {
      const shown = show(ctx, field, huge);
      expect(shown.length, field).toBeLessThanOrEqual(1_000);
      expect(shown, field).toMatch(/^Le ministre et le yacht .*\p{L}…$/u);
    }
    const moved = show({ ...draft, issues: new Map([['i9', { title: huge }]]) }, 'issueId', 'i9');
    expect(moved.length).toBeLessThanOrEqual(1_000);
    // A title that fits: whole.
    expect(show(draft, 'title', 'Le ministre et Bercy')).toBe('Le ministre et Bercy');
  });

  it('shows tags within the tag field’s limits: each cut, past 20 « et N autres »', () => {
    const huge = 'affaire du yacht '.repeat(62_000);
    const tags = [huge, ...Array.from({ length: 99_999 }, (_, i) => `tag${i}`)];
    const shown = show(draft, 'tags', tags);
    expect(shown.length).toBeLessThan(1_000);
    expect(shown).toMatch(
      /^affaire du yacht .*…\u202f; tag0\u202f; .* tag18 et 99\u202f980 autres$/,
    );
    expect(show(draft, 'tags', ['élysée', 'remaniement'])).toBe('élysée\u202f; remaniement');
  });

  it('writes a page’s date as the page wrote it, in whatever zone this browser is', () => {
    const zone = process.env.TZ;
    // West of Paris: a day stored at midnight UTC would be the day before at 20 h.
    process.env.TZ = 'America/New_York';
    try {
      // A day alone (capture/dates.ts stores it at midnight UTC): the day, no time.
      expect(show(draft, 'publishedAt', '2021-03-10T00:00:00.000Z')).toBe('10\u00a0mars\u00a02021');
      // A time with the page's own offset: that time, not this browser's.
      expect(show(draft, 'publishedAt', '2021-11-01T10:52:50+01:00')).toBe(
        '1er\u00a0novembre\u00a02021 à 10\u00a0h\u00a052',
      );
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('separates a list’s entries as the interface’s language does: a narrow no-break space before « ; » in French', () => {
    const tags = ['cloud', 'Amazon'];
    expect(show(draft, 'tags', tags)).toBe('cloud\u202f; Amazon');
    expect(inLocale('en', () => show(draft, 'tags', tags))).toBe('cloud; Amazon');
  });

  it('names a language in the interface’s language', () => {
    expect(show(draft, 'lang', 'en')).toBe('anglais');
    expect(inLocale('en', () => show(draft, 'lang', 'fr'))).toBe('French');
    expect(show(draft, 'lang', '')).toBe('');
  });

  it('says a draft is in the trash or not, and an issue deleted or kept', () => {
    expect(show(draft, 'trashed', true)).toBe('Dans la corbeille');
    expect(show(draft, 'trashed', false)).toBe('Hors de la corbeille');
    expect(inLocale('en', () => show(draft, 'trashed', true))).toBe('In the trash');
    expect(show(issue, 'trashed', true)).toBe('Supprimé');
    expect(show(issue, 'trashed', false)).toBe('Gardé');
  });

  it('says a status as the lists do: a draft’s, an issue’s', () => {
    expect(show(draft, 'status', 'checked')).toBe('Vérifié');
    expect(show(issue, 'status', 'open')).toBe('en cours');
    expect(show(issue, 'status', 'published')).toBe('envoyé');
    expect(inLocale('en', () => show(issue, 'status', 'open'))).toBe('open');
  });

  it('says an issue’s post as the publish panel does, with its link', () => {
    const post = {
      postId: 12,
      link: 'https://site.test/?p=12',
      modifiedGmt: '2026-03-15T09:02:00',
      publishedAt: new Date(2026, 2, 15, 10, 2).toISOString(),
      publishedBy: { id: 3, name: 'Claire Martin' },
    };
    expect(show(issue, 'wordpress', post)).toMatch(
      /^Publié par Claire Martin le 15\u00a0mars(\u00a0\d{4})? à 10\u00a0h\u00a002 \(https:\/\/site\.test\/\?p=12\)$/,
    );
    expect(show({ ...issue, me: 3 }, 'wordpress', post)).toMatch(/^Publié par vous le/);
    expect(show(issue, 'wordpress', null)).toBe('');
  });

  it('shows quotes by their text, a budget as a number, never JSON', () => {
    const quotes = [
      { text: 'Je ne savais pas', html: '<p>Je ne savais pas</p>', clippedAt: '2026-03-10' },
      { text: 'Ni moi', html: '', clippedAt: '2026-03-11' },
    ];
    expect(show(draft, 'quotes', quotes)).toBe('Je ne savais pas\nNi moi');
    expect(show(issue, 'lengthBudget', 1200)).toMatch(/^1\s200$/);
    expect(show(issue, 'lengthBudget', 0)).toBe('aucune');
    expect(show(draft, 'provenance', { title: 'og:title' })).not.toContain('{');
  });

  it('names an issue by its title here, never by its id: none as the drafts’ list says it, one not here in words', () => {
    expect(show(draft, 'issueId', 'i2')).toBe('Les indiscrets du 22 mars');
    expect(show(draft, 'issueId', '')).toBe('Hors numéro');
    expect(show(draft, 'issueId', '01JQ9ZZZZZZZZZZZZZZZZZZZZZ')).toBe(
      'Un numéro absent de ce navigateur',
    );
    expect(inLocale('en', () => show(draft, 'issueId', 'nope'))).toBe(
      'An issue this browser does not have',
    );
    // With the place it goes to, counted among that issue's items here.
    expect(show(draft, 'issueId', { issueId: 'i2', sortKey: 'a0V' })).toBe(
      'Les indiscrets du 22 mars, 2ᵉ sur 3',
    );
    expect(show(draft, 'issueId', { issueId: 'i1', sortKey: 'a1' })).toBe(
      'Les indiscrets du 15 mars, 2ᵉ sur 3',
    );
    expect(show(draft, 'issueId', { issueId: '', sortKey: '' })).toBe('Hors numéro');
  });

  it('says a place in the issue, never its key', () => {
    expect(show(draft, 'sortKey', 'a1')).toBe('2ᵉ sur 3');
    expect(show(draft, 'sortKey', 'Zz')).toBe('1ᵉʳ sur 3');
    expect(show(draft, 'sortKey', 'a3')).toBe('3ᵉ sur 3');
    expect(inLocale('en', () => show(draft, 'sortKey', 'a3'))).toBe('position 3 of 3');
  });
});

describe('a move asked as one question', () => {
  const fields = [
    { field: 'issueId', base: '', mine: 'i1', theirs: 'i2' },
    { field: 'sortKey', base: '', mine: 'a1', theirs: 'a5' },
    { field: 'title', base: 'a', mine: 'b', theirs: 'c' },
  ];

  it('asks the issue with each side’s place, not the place apart', () => {
    expect(askedFields(fields)).toEqual([
      {
        field: 'issueId',
        base: { issueId: '', sortKey: '' },
        mine: { issueId: 'i1', sortKey: 'a1' },
        theirs: { issueId: 'i2', sortKey: 'a5' },
      },
      fields[2],
    ]);
  });

  it('sends the issue’s choice for the place too', () => {
    expect(withMovePlace(fields, { issueId: 'theirs', title: 'mine' })).toEqual({
      issueId: 'theirs',
      sortKey: 'theirs',
      title: 'mine',
    });
    // A place alone (both reordered the same issue) is asked, and sent, on its own.
    expect(withMovePlace([fields[1]!], { sortKey: 'mine' })).toEqual({ sortKey: 'mine' });
  });
});

describe('SharedDeskBar › a conflict box in words', () => {
  let calls: Array<[string, unknown]>;
  let unregister: () => void;

  beforeEach(async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.permissions.onAdded, 'removeListener').mockImplementation(() => {});
    calls = [];
    unregister = registerHandlers({
      syncResolve: async (request: unknown) => {
        calls.push(['syncResolve', request]);
        return contributorState;
      },
    } as unknown as Handlers);
    await clearSharedDesk({ clips: true, issues: true });
    await db.syncState.put(contributorState);
  });
  afterEach(() => {
    unregister();
    cleanup();
  });

  const conflictOf = (
    kind: 'draft' | 'issue',
    recordId: string,
    fields: SyncConflict['fields'],
  ): SyncConflict => ({
    key: `${kind}:${recordId}`,
    kind,
    recordId,
    title: 'Le ministre et Bercy',
    fields,
    theirsBy: 'Rédac',
    remoteVersion: 4,
    detectedAt: '2026-03-15T10:00:00Z',
  });

  /** Issues « du 15 mars » (2 items) and « du 22 mars » (1 item), and draft d moved into each. */
  async function moved() {
    const at = '2026-03-01T00:00:00.000Z';
    const issue = (id: string, title: string) => ({
      id,
      title,
      date: '2026-03-15',
      intro: '',
      status: 'open' as const,
      createdAt: at,
      updatedAt: at,
    });
    await db.issues.bulkPut([
      issue('i15', 'Les indiscrets du 15 mars'),
      issue('i22', 'Les indiscrets du 22 mars'),
    ]);
    await addDraft(db, { issueId: 'i15', sortKey: 'a0' });
    await addDraft(db, { issueId: 'i22', sortKey: 'a0' });
    await addDraft(db, { issueId: 'i22', sortKey: 'a2' });
    // Here it went last into the 15 mars; there, between the two of the 22 mars.
    const draft = await addDraft(db, {
      title: 'Le ministre et Bercy',
      issueId: 'i15',
      sortKey: 'a1',
    });
    await db.conflicts.put(
      conflictOf('draft', draft.id, [
        { field: 'issueId', base: '', mine: 'i15', theirs: 'i22' },
        { field: 'sortKey', base: '', mine: 'a1', theirs: 'a1V' },
      ]),
    );
    return draft;
  }

  it('asks a move as one question, by the issues’ titles and the places in them', async () => {
    await moved();
    render(<SharedDeskBar />);

    const box = await screen.findByTestId('sync-conflict');
    await waitFor(() =>
      expect(screen.getAllByTestId('conflict-mine').map((el) => el.textContent)).toEqual([
        'Les indiscrets du 15 mars, 2ᵉ sur 2',
      ]),
    );
    expect(screen.getAllByTestId('conflict-theirs').map((el) => el.textContent)).toEqual([
      'Les indiscrets du 22 mars, 2ᵉ sur 3',
    ]);
    expect(screen.getAllByTestId('conflict')).toHaveLength(1);
    expect(box.textContent).not.toContain('Place dans le numéro');
    expect(box.textContent).not.toMatch(/i15|i22|a1V/);

    fireEvent.click(screen.getByRole('button', { name: 'Prendre l’autre\u00a0: Numéro' }));
    await waitFor(() =>
      expect(calls).toEqual([
        [
          'syncResolve',
          {
            key: expect.stringMatching(/^draft:/),
            choose: { issueId: 'theirs', sortKey: 'theirs' },
          },
        ],
      ]),
    );
  });

  it('draws a move’s box with its question, never empty while the issues are read', async () => {
    await moved();
    // Every box as the page showed it, each time the page changed: with a question or not.
    const seen: boolean[] = [];
    const observer = new MutationObserver(() => {
      for (const box of document.querySelectorAll('[data-testid="sync-conflict"]'))
        seen.push(box.querySelector('[data-testid="conflict"]') !== null);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    render(<SharedDeskBar />);

    await screen.findAllByTestId('conflict-mine');
    observer.disconnect();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).not.toContain(false);
  });

  it('asks a reorder in one issue as the place, never the key', async () => {
    const draft = await addDraft(db, { issueId: 'i15', sortKey: 'a1' });
    await addDraft(db, { issueId: 'i15', sortKey: 'a0' });
    await addDraft(db, { issueId: 'i15', sortKey: 'a2' });
    await db.conflicts.put(
      conflictOf('draft', draft.id, [{ field: 'sortKey', base: 'a3', mine: 'a1', theirs: 'a2V' }]),
    );
    render(<SharedDeskBar />);

    await screen.findByRole('button', { name: 'Garder la mienne\u00a0: Place dans le numéro' });
    expect((await screen.findByTestId('conflict-mine')).textContent).toBe('2ᵉ sur 3');
    expect(screen.getByTestId('conflict-theirs').textContent).toBe('3ᵉ sur 3');
  });

  it('says a draft trashed on one side in words, and a language by its name', async () => {
    const draft = await addDraft(db, {});
    await db.conflicts.put(
      conflictOf('draft', draft.id, [
        { field: 'trashed', base: false, mine: false, theirs: true },
        { field: 'lang', base: '', mine: 'fr', theirs: 'en' },
        {
          field: 'publishedAt',
          base: '',
          mine: '',
          theirs: new Date(2026, 2, 10, 9, 5).toISOString(),
        },
      ]),
    );
    render(<SharedDeskBar />);

    await screen.findByRole('button', { name: 'Garder la mienne\u00a0: Corbeille' });
    expect(screen.getAllByTestId('conflict-mine').map((el) => el.textContent)).toEqual([
      'Hors de la corbeille',
      'français',
      '(vide)',
    ]);
    const theirs = screen.getAllByTestId('conflict-theirs').map((el) => el.textContent);
    expect(theirs.slice(0, 2)).toEqual(['Dans la corbeille', 'anglais']);
    expect(theirs[2]).toMatch(/^10\u00a0mars(\u00a0\d{4})? à 9\u00a0h\u00a005$/);
    expect(screen.getByRole('button', { name: 'Garder la mienne\u00a0: Langue' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Garder la mienne\u00a0: Publié le' })).toBeTruthy();
  });

  it('says an issue’s status and post as the desk says them', async () => {
    await db.conflicts.put(
      conflictOf('issue', 'i1', [
        { field: 'status', base: 'open', mine: 'exported', theirs: 'published' },
        {
          field: 'wordpress',
          base: null,
          mine: null,
          theirs: {
            postId: 12,
            link: 'https://site.test/?p=12',
            modifiedGmt: '2026-03-15T09:02:00',
            publishedAt: new Date(2026, 2, 15, 10, 2).toISOString(),
            publishedBy: { id: 99, name: 'Claire Martin' },
          },
        },
      ]),
    );
    render(<SharedDeskBar />);

    await screen.findByRole('button', { name: 'Garder la mienne\u00a0: Article WordPress' });
    expect(screen.getAllByTestId('conflict-mine').map((el) => el.textContent)).toEqual([
      'exporté',
      '(vide)',
    ]);
    const theirs = screen.getAllByTestId('conflict-theirs').map((el) => el.textContent);
    expect(theirs[0]).toBe('envoyé');
    expect(theirs[1]).toMatch(
      /^Publié par Claire Martin le 15\u00a0mars.* \(https:\/\/site\.test\/\?p=12\)$/,
    );
  });
});
