import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeTargets } from '../../storage/draft-records';
import { mergeDrafts, restoreDraft, trashDraft, updateDraft } from '../../storage/drafts';
import { addToIssue, createIssue, deleteIssue, moveItem, updateIssue } from '../../storage/issues';
import { newsroom, serverRecord, url } from './desks';
import { php } from './helpers';

/**
 * Another editor's deletion meeting offline work, against the real WordPress with the companion
 * plugin (QA pass 2, s05): each `Desk` is one browser (its own IndexedDB database, its own
 * engine), as in sync.test.ts. Two editors: `redac` and `chef` (made here).
 */

const { setUp, as, closeAll } = newsroom();

describe(
  'an issue deleted on one desk while another changed it offline',
  { timeout: 180_000 },
  () => {
    beforeAll(setUp);
    afterAll(closeAll);

    it('comes back with B’s chapô, B’s order and its items on both desks, and B is told who deleted it', async () => {
      const a = as('chef');
      const b = as('editor');
      // B made the issue: its last writer before the deletion is B, not A who deletes it.
      const issue = await createIssue(
        { title: `Numéro à supprimer ${Date.now()}`, date: '2026-03-15', intro: 'Chapô initial' },
        b.db,
      );
      const x = await b.clip(url());
      const y = await b.clip(url());
      await addToIssue(x.id, issue.id, b.db);
      await addToIssue(y.id, issue.id, b.db);
      await b.join();
      await a.join();

      b.offline = true;
      await updateIssue(issue.id, { intro: 'Chapô réécrit par B hors ligne' }, b.db);
      await updateDraft(x.id, { body: '<p>TEXTE-B-HORS-LIGNE</p>' }, b.db);
      await moveItem(issue.id, y.id, 0, b.db);
      expect((await b.engine.status()).pending).toBe(3);

      await deleteIssue(issue.id, a.db);
      await a.sync();
      expect((await serverRecord('issues', issue.id))[0]!.status).toBe('trash');

      b.offline = false;
      await b.sync();
      await b.engine.whenIdle();
      expect(await b.db.issues.get(issue.id)).toMatchObject({
        intro: 'Chapô réécrit par B hors ligne',
      });
      const [onServer] = await serverRecord('issues', issue.id);
      expect(onServer).toMatchObject({
        status: 'draft',
        content: 'Chapô réécrit par B hors ligne',
      });
      const [told] = await b.engine.listConflicts();
      // Named by the plugin as who put it in the trash (not its last writer before that).
      expect(told).toMatchObject({ recordId: issue.id, deletedBy: 'Chef d’édition' });
      expect((await b.engine.status()).pending).toBe(0);

      await a.sync();
      // A, who deleted it, is told who put it back: B, as WordPress names B's last edit.
      const [back] = (await a.engine.status()).issuesBack ?? [];
      expect(back).toMatchObject({ issueId: issue.id, title: issue.title });
      expect(back!.by).toBeTruthy();
      expect(back!.by).not.toBe('Chef d’édition');
      expect((await b.engine.status()).issuesBack).toBeUndefined();
      for (const desk of [a, b]) {
        expect(await desk.db.issues.get(issue.id)).toMatchObject({
          intro: 'Chapô réécrit par B hors ligne',
        });
        const items = await desk.db.clips.where('issueId').equals(issue.id).sortBy('sortKey');
        expect(items.map((item) => item.id)).toEqual([y.id, x.id]);
        expect(items[1]!.body).toBe('<p>TEXTE-B-HORS-LIGNE</p>');
      }
    });

    it('comes back in B’s order when B only reordered its items offline, and B is told', async () => {
      const a = as('chef');
      const b = as('editor');
      const issue = await createIssue(
        { title: `Numéro réordonné ${Date.now()}`, date: '2026-03-15', intro: 'Chapô' },
        b.db,
      );
      const x = await b.clip(url());
      const y = await b.clip(url());
      await addToIssue(x.id, issue.id, b.db);
      await addToIssue(y.id, issue.id, b.db);
      await b.join();
      await a.join();

      // The order is B's only work on the issue: no field of the issue itself changed.
      b.offline = true;
      await moveItem(issue.id, y.id, 0, b.db);
      await deleteIssue(issue.id, a.db);
      await a.sync();
      expect((await serverRecord('issues', issue.id))[0]!.status).toBe('trash');

      b.offline = false;
      await b.sync();
      await b.engine.whenIdle();
      expect((await serverRecord('issues', issue.id))[0]!.status).toBe('draft');
      const [told] = await b.engine.listConflicts();
      expect(told).toMatchObject({ recordId: issue.id, deletedBy: 'Chef d’édition', fields: [] });
      expect((await b.engine.status()).pending).toBe(0);

      await a.sync();
      for (const desk of [a, b]) {
        const items = await desk.db.clips.where('issueId').equals(issue.id).sortBy('sortKey');
        expect(items.map((item) => item.id)).toEqual([y.id, x.id]);
      }
    });
  },
);

describe('a draft merged into another on one desk', { timeout: 180_000 }, () => {
  beforeAll(setUp);
  afterAll(closeAll);
  /** Chef's draft X, on chef's desk (a) and redac's (b). */
  async function xOnBothDesks() {
    const a = as('chef');
    const b = as('editor');
    const x = await a.clip(url());
    await a.join();
    await b.join();
    return { a, b, x };
  }

  it('is in the other desk’s trash saying which draft it went into, until restored there', async () => {
    const { a, b, x } = await xOnBothDesks();
    const y = await a.clip(url());
    await a.sync();
    await b.sync();

    await mergeDrafts(x.id, y.id, a.db);
    await a.sync();
    const [remoteY] = await serverRecord('drafts', y.id);
    const [remoteX] = await serverRecord('drafts', x.id);
    expect(remoteX!.status).toBe('trash');

    await b.sync();
    const trashed = (await b.db.clips.get(x.id))!;
    expect(trashed.deletedAt).toBeTruthy();
    expect(trashed.desk).toMatchObject({
      remoteId: remoteX!.id,
      trashedBy: 'Chef d’édition',
      mergedInto: y.id,
    });
    expect((await b.db.syncRecords.get(`draft:${y.id}`))!.remoteId).toBe(remoteY!.id);

    await restoreDraft(x.id, b.db);
    expect((await b.db.clips.get(x.id))!.desk?.mergedInto).toBeUndefined();
    await b.sync();
    expect((await serverRecord('drafts', x.id))[0]!.status).toBe('draft');
    await b.sync();
    expect((await b.db.clips.get(x.id))!.desk?.mergedInto).toBeUndefined();
  });

  it('merged into a draft deleted for good before the other desk got it: that desk says so, asks no more after a restart, and takes the draft sent again', async () => {
    const { a, b, x } = await xOnBothDesks();
    const y = await a.clip(url());
    await mergeDrafts(x.id, y.id, a.db);
    await a.sync();
    const [remoteY] = await serverRecord('drafts', y.id);
    // Y's write as a poll can miss it (still committing when it listed the desk): dated before
    // B's cursor.
    await php(
      `global $wpdb; $wpdb->update($wpdb->posts, ['post_modified_gmt' => '2000-01-01 00:00:00', 'post_modified' => '2000-01-01 00:00:00'], ['ID' => ${remoteY!.id}]); clean_post_cache(${remoteY!.id});`,
    );

    // B pulls X's trash, but its lookups of Y by clientId get no answer (the network drops),
    // also at the poll after, which takes B's cursor past X's trash.
    let lookups = 0;
    let dropLookups = true;
    b.beforeRequest = (address) => {
      const route = address.searchParams.get('rest_route') ?? address.pathname;
      if (!route.endsWith('/indiscrets/v1/drafts') || !address.searchParams.has('client_id'))
        return;
      lookups += 1;
      if (dropLookups) throw new TypeError('Failed to fetch');
    };
    await b.sync();
    expect((await b.db.clips.get(x.id))!.desk).toMatchObject({ mergedInto: y.id });
    expect(await b.db.clips.get(y.id)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    await b.sync();
    expect(lookups).toBe(2);

    // Y deleted for good (WordPress's trash emptied): asked at two polls, then X says it.
    await php(`wp_delete_post(${remoteY!.id}, true);`);
    dropLookups = false;
    lookups = 0;
    await b.sync();
    expect((await b.db.clips.get(x.id))!.desk?.mergedIntoGone).toBeUndefined();
    await b.sync();
    expect(lookups).toBe(2);
    expect((await b.db.clips.get(x.id))!.desk).toMatchObject({
      mergedInto: y.id,
      mergedIntoGone: true,
    });
    expect((await mergeTargets([(await b.db.clips.get(x.id))!], b.db)).get(x.id)).toEqual({
      id: y.id,
      by: 'Chef d’édition',
      // A's WordPress user id, kept beside the name: B's desk would say « vous » for its own.
      byId: (await a.db.syncState.get('desk'))!.user!.id,
      gone: true,
    });
    b.restart();
    await b.sync();
    await b.sync();
    expect(lookups).toBe(2);

    // A had Y, and writes on it: sent again, WordPress has it back, and B's pull brings it.
    await updateDraft(y.id, { body: '<p>Texte Y, revu</p>' }, a.db);
    await a.sync();
    expect(await serverRecord('drafts', y.id)).toHaveLength(1);
    await b.sync();
    expect((await b.db.clips.get(y.id))!.body).toBe('<p>Texte Y, revu</p>');
    expect((await mergeTargets([(await b.db.clips.get(x.id))!], b.db)).get(x.id)).toMatchObject({
      id: y.id,
      title: 'Le ministre et le yacht',
    });
    expect(lookups).toBe(2);
  });

  it('merged into a draft put in the trash since, which the other desk’s poll missed: that desk finds it in WordPress’s trash and keeps it in its own, said so', async () => {
    const { a, b, x } = await xOnBothDesks();
    const y = await a.clip(url());
    await mergeDrafts(x.id, y.id, a.db);
    await a.sync();
    await trashDraft(y.id, a.db);
    await a.sync();
    const [remoteY] = await serverRecord('drafts', y.id);
    expect(remoteY!.status).toBe('trash');
    // Y's write as a poll can miss it (still committing when it listed the desk): dated before
    // B's cursor, so that only B's lookup by clientId can bring it.
    await php(
      `global $wpdb; $wpdb->update($wpdb->posts, ['post_modified_gmt' => '2000-01-01 00:00:00', 'post_modified' => '2000-01-01 00:00:00'], ['ID' => ${remoteY!.id}]); clean_post_cache(${remoteY!.id});`,
    );
    let lookups = 0;
    b.beforeRequest = (address) => {
      const route = address.searchParams.get('rest_route') ?? address.pathname;
      if (route.endsWith('/indiscrets/v1/drafts') && address.searchParams.has('client_id'))
        lookups += 1;
    };

    await b.sync();
    expect(lookups).toBe(1);
    const trashedY = await b.db.clips.get(y.id);
    expect(trashedY?.deletedAt).toBeTruthy();
    expect((await b.db.syncRecords.get(`draft:${y.id}`))!.remoteId).toBe(remoteY!.id);
    expect((await mergeTargets([(await b.db.clips.get(x.id))!], b.db)).get(x.id)).toEqual({
      id: y.id,
      title: 'Le ministre et le yacht',
      by: 'Chef d’édition',
      byId: (await a.db.syncState.get('desk'))!.user!.id,
      trashed: true,
    });

    // Y restored on B: WordPress has it among the drafts again, and so has A.
    await restoreDraft(y.id, b.db);
    await b.sync();
    expect((await serverRecord('drafts', y.id))[0]!.status).toBe('draft');
    await a.sync();
    expect((await a.db.clips.get(y.id))!.deletedAt).toBeUndefined();
  });
});
