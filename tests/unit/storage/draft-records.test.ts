import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptureResult } from '../../../capture/types';
import { countInbox, listDrafts, pageTwins, saveDraft } from '../../../storage/draft-records';
import { IndiscretsDB, type Draft } from '../../../storage/db';
import { deskState, type DeskPerson } from '../desk-fixtures';

let database: IndiscretsDB;
let tick = 0;
/** A clock that moves one second per call, so that "newest first" is well defined. */
const clock = () => new Date(Date.UTC(2021, 2, 15, 8, 0, tick++)).toISOString();

const capture = (url: string, text?: string, extra: Partial<CaptureResult['metadata']> = {}) =>
  ({
    metadata: {
      url,
      title: `Title of ${url}`,
      siteName: 'Bloomberg',
      provenance: { title: 'og:title', siteName: 'og:site_name' },
      ...extra,
    },
    ...(text ? { selection: { text, html: `<p>${text}</p>` } } : {}),
  }) satisfies CaptureResult;

beforeEach(() => {
  database = new IndiscretsDB(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await database.delete();
});

describe('saveDraft', () => {
  it('creates a draft with every contract field and the quote', async () => {
    const outcome = await saveDraft(capture('https://a.test/1', 'Un passage'), database, clock);

    expect(outcome.merged).toBe(false);
    const stored = await database.clips.get(outcome.clip.id);
    expect(stored).toMatchObject({
      url: 'https://a.test/1',
      title: 'Title of https://a.test/1',
      siteName: 'Bloomberg',
      quotes: [{ text: 'Un passage', html: '<p>Un passage</p>', clippedAt: stored!.createdAt }],
      provenance: { title: 'og:title', siteName: 'og:site_name' },
    });
    expect(stored!.createdAt).toBe(stored!.updatedAt);
  });

  it('starts a new draft with a body from the template, its page as source, in the inbox', async () => {
    const outcome = await saveDraft(capture('https://a.test/1', 'Un passage'), database, clock);

    expect(outcome.clip).toMatchObject({
      body: '<p>«\u00a0Un passage\u00a0» (<a href="https://a.test/1">Bloomberg</a>)</p>',
      sources: [
        { url: 'https://a.test/1', title: 'Title of https://a.test/1', siteName: 'Bloomberg' },
      ],
      note: '',
      tags: [],
      status: 'draft',
      issueId: '',
      sortKey: '',
      sourceUrls: ['https://a.test/1'],
    });
    expect(outcome.clip.words).toEqual(expect.arrayContaining(['passage', 'bloomberg']));
    expect(outcome.clip).not.toHaveProperty('deletedAt');
    // What the clip answers is what was stored, derived fields included: nothing is read back.
    expect(outcome.clip).toEqual(await database.clips.get(outcome.clip.id));
  });

  it("uses the editor's template when given one", async () => {
    const outcome = await saveDraft(
      { ...capture('https://a.test/1', 'Un passage'), template: '<p>{title}: {quote}</p>' },
      database,
      clock,
    );

    expect(outcome.clip.body).toBe('<p>Title of https://a.test/1: «\u00a0Un passage\u00a0»</p>');
  });

  it('marks the quote of a page in another language than the items’ with the page’s', async () => {
    const english = { ...capture('https://a.test/1', 'Why it matters', { lang: 'en-US' }) };
    const outcome = await saveDraft({ ...english, textLang: 'fr' }, database, clock);

    expect(outcome.clip.body).toBe(
      '<p>«\u00a0<span lang="en-US">Why it matters</span>\u00a0» ' +
        '(<a href="https://a.test/1">Bloomberg</a>)</p>',
    );
    // The same page in English items: its quote reads as the text around it.
    const own = await saveDraft(
      { ...capture('https://a.test/2', 'Why it matters', { lang: 'en-US' }), textLang: 'en' },
      database,
      clock,
    );
    expect(own.clip.body).toBe(
      '<p>“Why it matters” (<a href="https://a.test/2">Bloomberg</a>)</p>',
    );
  });

  it("never touches the body when a re-clip adds a quote: the editor's words win", async () => {
    const first = await saveDraft(capture('https://a.test/1', 'Premier'), database, clock);
    await database.clips.update(first.clip.id, { body: '<p>Mon texte</p>' });

    const second = await saveDraft(capture('https://a.test/1', 'Second'), database, clock);

    expect(second.clip.body).toBe('<p>Mon texte</p>');
    expect(second.clip.quotes.map((q) => q.text)).toEqual(['Premier', 'Second']);
    // The new quote is searchable at once.
    expect(second.clip.words).toContain('second');
  });

  it('takes a re-clipped draft back out of the trash', async () => {
    const first = await saveDraft(capture('https://a.test/1', 'Premier'), database, clock);
    await database.clips.update(first.clip.id, { deletedAt: clock() });

    const second = await saveDraft(capture('https://a.test/1', 'Second'), database, clock);

    expect(second.merged).toBe(true);
    expect(second.clip).not.toHaveProperty('deletedAt');
  });

  it('adds a second selection of the same URL to the existing draft', async () => {
    const first = await saveDraft(capture('https://a.test/1', 'Premier'), database, clock);

    const second = await saveDraft(capture('https://a.test/1', 'Second'), database, clock);

    expect(second).toMatchObject({ merged: true, quoteAdded: true });
    expect(second.clip.id).toBe(first.clip.id);
    expect(await database.clips.count()).toBe(1);
    expect(second.clip.quotes.map((q) => q.text)).toEqual(['Premier', 'Second']);
    expect(second.clip.updatedAt > second.clip.createdAt).toBe(true);
  });

  it('does not duplicate a quote clipped twice', async () => {
    await saveDraft(capture('https://a.test/1', 'Même'), database, clock);

    const again = await saveDraft(capture('https://a.test/1', 'Même'), database, clock);

    expect(again).toMatchObject({ merged: true, quoteAdded: false });
    expect(again.clip.quotes).toHaveLength(1);
  });

  it('fills metadata the draft lacked without overwriting what it had', async () => {
    await saveDraft(
      capture('https://a.test/1', undefined, { title: 'Tab title', provenance: { title: 'tab' } }),
      database,
      clock,
    );
    const outcome = await saveDraft(
      capture('https://a.test/1', undefined, {
        title: 'Declared title',
        siteName: 'Other',
        byline: 'Jane Doe',
        provenance: { title: 'og:title', byline: 'json-ld' },
      }),
      database,
      clock,
    );

    expect(outcome.clip).toMatchObject({
      title: 'Declared title',
      siteName: 'Bloomberg',
      byline: 'Jane Doe',
    });
    expect(outcome.clip.provenance).toMatchObject({ title: 'og:title', byline: 'json-ld' });
  });

  it('records why a page could not be read', async () => {
    const outcome = await saveDraft(
      { ...capture('chrome://version/'), captureNote: 'browser-page' },
      database,
      clock,
    );

    expect(outcome.clip.captureNote).toBe('browser-page');
  });
});

describe('listDrafts', () => {
  it('lists drafts newest first', async () => {
    await saveDraft(capture('https://a.test/old'), database, clock);
    await saveDraft(capture('https://a.test/new'), database, clock);

    const drafts = await listDrafts(database);

    expect(drafts.map((c) => c.url)).toEqual(['https://a.test/new', 'https://a.test/old']);
    expect(await countInbox(database)).toBe(2);
  });

  it('leaves out drafts in an issue and drafts in the trash', async () => {
    const kept = await saveDraft(capture('https://a.test/kept'), database, clock);
    const inIssue = await saveDraft(capture('https://a.test/issue'), database, clock);
    const trashed = await saveDraft(capture('https://a.test/trash'), database, clock);
    await database.clips.update(inIssue.clip.id, { issueId: 'some-issue', sortKey: 'V' });
    await database.clips.update(trashed.clip.id, { deletedAt: clock() });

    const drafts = await listDrafts(database);

    expect(drafts.map((c) => c.id)).toEqual([kept.clip.id]);
  });
});

describe('countInbox', () => {
  it('counts drafts neither in an issue nor in the trash', async () => {
    await saveDraft(capture('https://a.test/1'), database, clock);
    const inIssue = await saveDraft(capture('https://a.test/2'), database, clock);
    const trashed = await saveDraft(capture('https://a.test/3'), database, clock);
    const trashedInIssue = await saveDraft(capture('https://a.test/4'), database, clock);
    await database.clips.update(inIssue.clip.id, { issueId: 'x', sortKey: 'V' });
    await database.clips.update(trashed.clip.id, { deletedAt: clock() });
    await database.clips.update(trashedInIssue.clip.id, {
      issueId: 'x',
      sortKey: 'W',
      deletedAt: clock(),
    });

    expect(await countInbox(database)).toBe(1);
  });
});

describe('saveDraft after a merge', () => {
  it('adds the quote of a page merged into another draft to that draft', async () => {
    const { mergeDrafts } = await import('../../../storage/drafts');
    const kept = await saveDraft(capture('https://a.test/kept', 'Gardé'), database, clock);
    const merged = await saveDraft(capture('https://a.test/merged', 'Fusionné'), database, clock);
    await mergeDrafts(merged.clip.id, kept.clip.id, database, clock);

    const again = await saveDraft(
      capture('https://a.test/merged', 'Nouveau passage', { title: 'Autre titre' }),
      database,
      clock,
    );

    expect(again).toMatchObject({ merged: true, quoteAdded: true });
    expect(again.clip.id).toBe(kept.clip.id);
    expect(again.clip.title).toBe(kept.clip.title);
    expect(again.clip.quotes.map((q) => q.text)).toEqual(['Gardé', 'Fusionné', 'Nouveau passage']);
    expect(await database.clips.count()).toBe(1);
  });
});

/**
 * The shared desk: a page a colleague already clipped. WordPress refuses an Author's or a
 * Contributor's write to another's draft (the sync then rolls it back, and the passage is lost),
 * so the clip decides from what the last sync recorded, offline too: their role (`can`) and the
 * draft's mark (`desk.canEdit`, `desk.createdBy`). A draft they may not write gets a draft of
 * their own beside it; an Editor's clip still adds to the existing one.
 */
describe('saveDraft on the shared desk', () => {
  /** A draft clipped by Rédac (the Editor), as the sync marks it for `who`. */
  async function rédacsDraft(url: string, text: string, who: DeskPerson) {
    const { clip } = await saveDraft(capture(url, text), database, clock);
    const mine = who === 'editor';
    await database.clips.update(clip.id, {
      desk: { remoteId: 41, createdBy: 'Rédac', canEdit: mine, canTrash: mine },
    });
    return clip;
  }
  const sharedAs = (who: DeskPerson) => database.syncState.put(deskState(who));

  it.each(['author', 'contributor'] as const)(
    'gives the %s a draft of their own beside a colleague’s, which keeps its one quote',
    async (who) => {
      const theirs = await rédacsDraft('https://a.test/lemonde', 'Premier passage', who);
      await sharedAs(who);

      const outcome = await saveDraft(
        capture('https://a.test/lemonde', 'Mon passage'),
        database,
        clock,
      );

      expect(outcome).toMatchObject({ merged: false, quoteAdded: true, beside: 'Rédac' });
      expect(outcome.clip.id).not.toBe(theirs.id);
      expect(outcome.clip.quotes.map((q) => q.text)).toEqual(['Mon passage']);
      expect((await database.clips.get(theirs.id))!.quotes.map((q) => q.text)).toEqual([
        'Premier passage',
      ]);
      // The new draft is theirs, unmarked until the sync sends it.
      expect(outcome.clip.desk).toBeUndefined();
    },
  );

  it('adds the next clip of that page to the draft of their own, not a third draft', async () => {
    await rédacsDraft('https://a.test/lemonde', 'Premier passage', 'author');
    await sharedAs('author');
    const first = await saveDraft(
      capture('https://a.test/lemonde', 'Mon passage'),
      database,
      clock,
    );

    const second = await saveDraft(capture('https://a.test/lemonde', 'Un autre'), database, clock);

    expect(second).toMatchObject({ merged: true, quoteAdded: true });
    expect(second.beside).toBeUndefined();
    expect(second.clip.id).toBe(first.clip.id);
    expect(second.clip.quotes.map((q) => q.text)).toEqual(['Mon passage', 'Un autre']);
    expect(await database.clips.count()).toBe(2);
  });

  it('still adds an Editor’s clip to a colleague’s draft', async () => {
    const theirs = await rédacsDraft('https://a.test/lemonde', 'Premier passage', 'editor');
    await sharedAs('editor');

    const outcome = await saveDraft(
      capture('https://a.test/lemonde', 'Mon passage'),
      database,
      clock,
    );

    expect(outcome).toMatchObject({ merged: true, quoteAdded: true });
    expect(outcome.clip.id).toBe(theirs.id);
    expect(await database.clips.count()).toBe(1);
  });

  it('says whose draft an Editor’s clip joined when it is a colleague’s, and none for their own', async () => {
    await rédacsDraft('https://a.test/lemonde', 'Premier passage', 'editor');
    await database.clips.toCollection().modify((draft) => {
      draft.desk = { ...draft.desk!, createdBy: 'Pigiste', createdById: 7 };
    });
    await sharedAs('editor');
    const mine = await saveDraft(capture('https://a.test/mien', 'Mien'), database, clock);

    const intoTheirs = await saveDraft(
      capture('https://a.test/lemonde', 'Mon passage'),
      database,
      clock,
    );
    const intoMine = await saveDraft(capture('https://a.test/mien', 'Encore'), database, clock);

    expect(intoTheirs).toMatchObject({ merged: true, quoteAdded: true, addedTo: 'Pigiste' });
    expect(intoMine.clip.id).toBe(mine.clip.id);
    expect(intoMine.addedTo).toBeUndefined();
  });

  it('adds an Editor’s clip to their own draft of a page that has a colleague’s too', async () => {
    // Two drafts of one page (an Author's made beside the Editor's): the Editor may write both,
    // and their clip goes to their own, whichever the URL index lists first (by id: the
    // Author's, here).
    const mine = await saveDraft(capture('https://a.test/lemonde', 'Mien'), database, clock);
    await database.clips.update(mine.clip.id, {
      desk: { remoteId: 41, createdBy: 'Rédac', canEdit: true, canTrash: true },
    });
    const { clip } = await saveDraft(capture('https://a.test/other', 'Sien'), database, clock);
    await database.clips.delete(clip.id);
    await database.clips.add({
      ...clip,
      id: '00000000-theirs',
      url: 'https://a.test/lemonde',
      desk: { remoteId: 42, createdBy: 'Autrice', canEdit: true, canTrash: true },
    });
    await sharedAs('editor');

    const outcome = await saveDraft(capture('https://a.test/lemonde', 'Encore'), database, clock);

    expect(outcome.clip.id).toBe(mine.clip.id);
    expect(outcome.clip.quotes.map((q) => q.text)).toEqual(['Mien', 'Encore']);
  });

  it('trusts the role over an older mark: an Author made Editor adds to the draft', async () => {
    // Marked when they were an Author; their role, read since, lets them edit everyone's.
    const theirs = await rédacsDraft('https://a.test/lemonde', 'Premier passage', 'author');
    await sharedAs('editor');

    const outcome = await saveDraft(
      capture('https://a.test/lemonde', 'Mon passage'),
      database,
      clock,
    );

    expect(outcome.clip.id).toBe(theirs.id);
  });

  it('reads the author when the mark says nothing of the right: another name is a colleague', async () => {
    const { clip } = await saveDraft(capture('https://a.test/lemonde', 'Premier'), database, clock);
    await database.clips.update(clip.id, { desk: { remoteId: 41, createdBy: 'Rédac' } });
    await sharedAs('author');

    const outcome = await saveDraft(
      capture('https://a.test/lemonde', 'Mon passage'),
      database,
      clock,
    );

    expect(outcome).toMatchObject({ merged: false, beside: 'Rédac' });
  });

  it('tells an Author from a colleague of the same name by their WordPress id', async () => {
    // Two « Autrice » on the desk: the mark's id says the draft is the other one's.
    const { clip } = await saveDraft(capture('https://a.test/lemonde', 'Premier'), database, clock);
    await database.clips.update(clip.id, {
      desk: { remoteId: 41, createdBy: 'Autrice', createdById: 40 },
    });
    await sharedAs('author');

    const outcome = await saveDraft(
      capture('https://a.test/lemonde', 'Mon passage'),
      database,
      clock,
    );

    expect(outcome).toMatchObject({ merged: false, beside: 'Autrice' });
    expect(outcome.clip.id).not.toBe(clip.id);
  });

  it('adds an Editor’s clip to their own draft, not to a namesake colleague’s listed first', async () => {
    const mine = await saveDraft(capture('https://a.test/lemonde', 'Mien'), database, clock);
    await database.clips.update(mine.clip.id, {
      desk: { remoteId: 41, createdBy: 'Rédac', createdById: 3, canEdit: true, canTrash: true },
    });
    const { clip } = await saveDraft(capture('https://a.test/other', 'Sien'), database, clock);
    await database.clips.delete(clip.id);
    await database.clips.add({
      ...clip,
      id: '00000000-theirs',
      url: 'https://a.test/lemonde',
      desk: { remoteId: 42, createdBy: 'Rédac', createdById: 30, canEdit: true, canTrash: true },
    });
    await sharedAs('editor');

    const outcome = await saveDraft(capture('https://a.test/lemonde', 'Encore'), database, clock);

    expect(outcome.clip.id).toBe(mine.clip.id);
  });

  it('adds to an Author’s own synced draft', async () => {
    const { clip } = await saveDraft(capture('https://a.test/lemonde', 'Premier'), database, clock);
    await database.clips.update(clip.id, {
      desk: { remoteId: 41, createdBy: 'Autrice', canEdit: true, canTrash: true },
    });
    await sharedAs('author');

    const outcome = await saveDraft(capture('https://a.test/lemonde', 'Second'), database, clock);

    expect(outcome).toMatchObject({ merged: true, quoteAdded: true });
    expect(outcome.clip.id).toBe(clip.id);
  });

  it('leaves a colleague’s draft in the trash there, and makes the Author’s own', async () => {
    const theirs = await rédacsDraft('https://a.test/lemonde', 'Premier passage', 'author');
    await database.clips.update(theirs.id, { deletedAt: clock() });
    await sharedAs('author');

    const outcome = await saveDraft(
      capture('https://a.test/lemonde', 'Mon passage'),
      database,
      clock,
    );

    expect(outcome).toMatchObject({ merged: false, beside: 'Rédac' });
    expect((await database.clips.get(theirs.id))!.deletedAt).toBeDefined();
    expect(outcome.clip.deletedAt).toBeUndefined();
  });

  it('makes the Author’s own draft of a page merged into a colleague’s draft', async () => {
    const { mergeDrafts } = await import('../../../storage/drafts');
    const kept = await rédacsDraft('https://a.test/kept', 'Gardé', 'author');
    const merged = await saveDraft(capture('https://a.test/merged', 'Fusionné'), database, clock);
    await mergeDrafts(merged.clip.id, kept.id, database, clock);
    await sharedAs('author');

    const outcome = await saveDraft(capture('https://a.test/merged', 'Nouveau'), database, clock);

    expect(outcome).toMatchObject({ merged: false, beside: 'Rédac' });
    expect(outcome.clip.url).toBe('https://a.test/merged');
    expect((await database.clips.get(kept.id))!.quotes.map((q) => q.text)).toEqual([
      'Gardé',
      'Fusionné',
    ]);
  });

  it('adds to the colleague’s draft once the shared desk is off: every draft is then local', async () => {
    const theirs = await rédacsDraft('https://a.test/lemonde', 'Premier passage', 'author');
    await database.syncState.put(deskState('author', { enabled: false }));

    const outcome = await saveDraft(
      capture('https://a.test/lemonde', 'Mon passage'),
      database,
      clock,
    );

    expect(outcome.clip.id).toBe(theirs.id);
  });
});

describe('pageTwins', () => {
  const PAGE = 'https://a.test/lemonde';
  /** A draft of `url` as the sync marks it: clipped by `by` (no mark: clipped here since). */
  async function clipped(url: string, by?: string) {
    const { clip } = await saveDraft(capture(url, 'Un passage'), database, clock);
    if (by) await database.clips.update(clip.id, { desk: { remoteId: tick, createdBy: by } });
    return (await database.clips.get(clip.id))!;
  }

  it('finds, for each draft, another editor’s draft of the same page', async () => {
    await database.syncState.put(deskState('author'));
    const theirs = await clipped(PAGE, 'Rédac');
    // Clipped offline by the Author beside Rédac's, not synced yet: theirs to the Author.
    const mine = await database.clips.add({ ...theirs, id: 'mine', desk: undefined });
    const elsewhere = await clipped('https://a.test/autre', 'Rédac');

    const found = await pageTwins([theirs, (await database.clips.get(mine))!, elsewhere], database);

    expect([...found.keys()].sort()).toEqual([mine, theirs.id].sort());
    expect(found.get(mine)).toEqual([
      expect.objectContaining({
        by: 'Rédac',
        mine: false,
        draft: expect.objectContaining({ id: theirs.id }),
      }),
    ]);
    expect(found.get(theirs.id)).toEqual([
      expect.objectContaining({
        by: 'Autrice',
        mine: true,
        draft: expect.objectContaining({ id: mine }),
      }),
    ]);
  });

  it('tells two editors of one name apart by their WordPress ids', async () => {
    await database.syncState.put(deskState('author'));
    // Another « Autrice » (id 9) clipped the page too: a colleague's draft, not the Author's own.
    const theirs = await clipped(PAGE);
    await database.clips.update(theirs.id, {
      desk: { remoteId: 1, createdBy: 'Autrice', createdById: 9 },
    });
    const mine = await database.clips.add({
      ...theirs,
      id: 'mine',
      desk: { remoteId: 2, createdBy: 'Autrice', createdById: 4 },
    });
    const drafts = (await database.clips.bulkGet([theirs.id, mine])) as Draft[];

    const found = await pageTwins(drafts, database);

    expect(found.get(mine)).toEqual([
      expect.objectContaining({ mine: false, draft: expect.objectContaining({ id: theirs.id }) }),
    ]);
    expect(found.get(theirs.id)).toEqual([
      expect.objectContaining({ mine: true, draft: expect.objectContaining({ id: mine }) }),
    ]);
  });

  it('takes a draft clipped under the editor’s id for their own, whatever name it bears', async () => {
    await database.syncState.put(deskState('author'));
    // The Author renamed in WordPress since: the mark keeps the old name, the id is theirs.
    const old = await clipped(PAGE);
    await database.clips.update(old.id, {
      desk: { remoteId: 1, createdBy: 'Ancien nom', createdById: 4 },
    });
    const fresh = await database.clips.add({ ...old, id: 'fresh', desk: undefined });
    const drafts = (await database.clips.bulkGet([old.id, fresh])) as Draft[];

    expect((await pageTwins(drafts, database)).size).toBe(0);
  });

  it('leaves out the same editor’s drafts, the trash, and everything with the desk off', async () => {
    const first = await clipped(PAGE, 'Rédac');
    const second = await database.clips.add({ ...first, id: 'second' });
    const trashed = await database.clips.add({
      ...first,
      id: 'trashed',
      desk: { remoteId: 7, createdBy: 'Pigiste' },
      deletedAt: '2021-03-15T09:00:00.000Z',
    });
    const drafts = (await database.clips.bulkGet([first.id, second, trashed])) as Draft[];
    // Desk off: no editor is told apart.
    expect((await pageTwins(drafts, database)).size).toBe(0);

    await database.syncState.put(deskState('editor'));

    expect((await pageTwins(drafts, database)).size).toBe(0);
  });
});
