/**
 * What the sync asks an editor about, of a record both sides changed (see
 * components/conflictFields.ts): a move is one choice, the place going with the issue, and
 * where the metadata came from is merged, never asked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateDraft } from '../../../storage/drafts';
import { addToIssue, createIssue } from '../../../storage/issues';
import { closeDesks, TestDesk, twoDesks, twoShared } from './desks';
import type { FakeDesk } from './fake-desk';

describe('the sync’s conflicts, as an editor is asked them', () => {
  let server: FakeDesk;
  let a: TestDesk;
  let b: TestDesk;

  beforeEach(() => {
    ({ server, a, b } = twoDesks(TestDesk));
  });
  afterEach(() => closeDesks(a, b));

  it('takes the place in the chosen issue along with the issue, asked for the issue alone', async () => {
    const { x, y } = await twoShared(a, b);
    const i15 = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' }, a.db);
    const i22 = await createIssue({ title: 'Les indiscrets du 22 mars', date: '2026-03-22' }, a.db);
    // The 15 mars has an item already: X does not go at the same place in each.
    await addToIssue(y.id, i15.id, a.db);
    await a.sync();
    await b.sync();
    // Both move X at once: A into the 15 mars, B into the 22 mars.
    const there = await addToIssue(x.id, i15.id, a.db);
    const here = await addToIssue(x.id, i22.id, b.db);
    await a.sync();
    await b.sync();
    const [conflict] = await b.engine.listConflicts();
    expect(conflict?.fields.map((field) => field.field).sort()).toEqual(['issueId', 'sortKey']);
    expect(conflict?.fields.find((field) => field.field === 'sortKey')).toMatchObject({
      mine: here.sortKey,
      theirs: there.sortKey,
    });

    await b.engine.resolve(conflict!.key, { issueId: 'theirs' });
    await b.engine.whenIdle();
    expect(await b.db.clips.get(x.id)).toMatchObject({
      issueId: i15.id,
      sortKey: there.sortKey,
    });
    expect(server.byClientId('drafts', x.id)!.meta).toMatchObject({
      issueId: i15.id,
      sortKey: there.sortKey,
    });
    expect(await b.db.conflicts.count()).toBe(0);
  });

  it('keeps the place with the issue kept, even if told otherwise for the place', async () => {
    const { x, y } = await twoShared(a, b);
    const i15 = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' }, a.db);
    const i22 = await createIssue({ title: 'Les indiscrets du 22 mars', date: '2026-03-22' }, a.db);
    // The 15 mars has an item already: X does not go at the same place in each.
    await addToIssue(y.id, i15.id, a.db);
    await a.sync();
    await b.sync();
    const there = await addToIssue(x.id, i15.id, a.db);
    const here = await addToIssue(x.id, i22.id, b.db);
    await a.sync();
    await b.sync();
    const [conflict] = await b.engine.listConflicts();
    expect(here.sortKey).not.toBe(there.sortKey);

    await b.engine.resolve(conflict!.key, { issueId: 'mine', sortKey: 'theirs' });
    await b.engine.whenIdle();
    expect(await b.db.clips.get(x.id)).toMatchObject({ issueId: i22.id, sortKey: here.sortKey });
  });

  it('merges where the metadata came from key by key, never asking, this browser’s kept where both changed one', async () => {
    const { x } = await twoShared(a, b);
    await a.db.clips.update(x.id, { provenance: { title: 'og:title', siteName: 'og:site_name' } });
    await a.sync();
    await b.sync();
    // A finds the author, B the language, and both another source for the title.
    await a.db.clips.update(x.id, {
      provenance: { title: 'json-ld', siteName: 'og:site_name', byline: 'meta:author' },
    });
    await updateDraft(x.id, { body: '<p>Texte de A</p>' }, a.db);
    await b.db.clips.update(x.id, {
      provenance: { title: 'tab', siteName: 'og:site_name', lang: 'html:lang' },
    });
    await updateDraft(x.id, { body: '<p>Texte de B</p>' }, b.db);
    await a.sync();
    await b.sync();

    const [conflict] = await b.engine.listConflicts();
    expect(conflict?.fields.map((field) => field.field)).toEqual(['body']);
    expect((await b.db.clips.get(x.id))!.provenance).toEqual({
      title: 'tab',
      siteName: 'og:site_name',
      byline: 'meta:author',
      lang: 'html:lang',
    });
  });

  it('asks nothing when where the metadata came from is all that both changed', async () => {
    const { x } = await twoShared(a, b);
    await a.db.clips.update(x.id, { provenance: { title: 'og:title' } });
    await b.db.clips.update(x.id, { provenance: { lang: 'html:lang' } });
    await a.sync();
    await b.sync();
    await a.sync();

    expect(await b.db.conflicts.count()).toBe(0);
    const merged = { title: 'og:title', lang: 'html:lang' };
    expect((await b.db.clips.get(x.id))!.provenance).toEqual(merged);
    expect(server.byClientId('drafts', x.id)!.meta.provenance).toEqual(merged);
    expect((await a.db.clips.get(x.id))!.provenance).toEqual(merged);
  });

  it('settles, at its next run, a conflict an earlier version stored on what no box asks', async () => {
    const { x } = await twoShared(a, b);
    const key = `draft:${x.id}`;
    await b.db.conflicts.put({
      key,
      kind: 'draft',
      recordId: x.id,
      title: x.title,
      fields: [
        { field: 'provenance', base: {}, mine: { title: 'og' }, theirs: { title: 'jsonld' } },
      ],
      remoteVersion: 1,
      detectedAt: new Date().toISOString(),
    });

    await b.sync();

    expect(await b.db.conflicts.count()).toBe(0);
    expect((await b.db.outbox.toArray()).filter((entry) => entry.blocked)).toEqual([]);
  });

  it('settles nothing for a choice that names none of the fields asked: a newer conflict stays', async () => {
    const { x } = await twoShared(a, b);
    await updateDraft(x.id, { body: '<p>Texte de A</p>' }, a.db);
    await updateDraft(x.id, { body: '<p>Texte de B</p>' }, b.db);
    await a.sync();
    await b.sync();
    const [conflict] = await b.engine.listConflicts();
    expect(conflict?.fields.map((field) => field.field)).toEqual(['body']);

    // What a box answering an older conflict under the same key would send.
    await b.engine.resolve(conflict!.key, {});
    await b.engine.whenIdle();

    expect(await b.engine.listConflicts()).toHaveLength(1);
    expect(server.byClientId('drafts', x.id)!.content).toContain('Texte de A');
  });
});
