import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeTrash, trashDraft, updateDraft } from '../../storage/drafts';
import type { SyncPlan } from '../../storage/sync-state';
import { newsroom, serverRecord, url } from './desks';

/**
 * What a browser did without seeing a colleague's work never undoes that work, against the real
 * WordPress with the companion plugin, where it rests on the plugin's answers: a trash sent
 * with the version last seen is answered 409 when the draft was edited since, a trash moves the
 * version on by one (more is a colleague's write), and the desk answers an ids-only listing and
 * a `client_id` lookup for the count shown before a rejoin.
 */

const { setUp, as, closeAll } = newsroom();

/** Empties the trash of a browser (what the start-up purge does after 30 days). */
const emptyTrash = (db: Parameters<typeof purgeTrash>[2]) =>
  purgeTrash(new Date('2100-01-01'), 30, db);

describe(
  'a colleague’s work meets a deletion or a trash made without seeing it',
  { timeout: 180_000 },
  () => {
    beforeAll(setUp);
    afterAll(closeAll);

    it('a draft deleted for good offline and edited since is answered 409, kept, and said', async () => {
      const a = as('editor');
      const b = as('chef');
      const draft = await a.clip(url());
      await a.join();
      await b.join();

      a.offline = true;
      await trashDraft(draft.id, a.db);
      await emptyTrash(a.db);
      expect(await a.db.clips.get(draft.id)).toBeUndefined();
      await updateDraft(draft.id, { body: '<p>TEXTE-DE-CHEF</p>' }, b.db);
      await b.sync();

      a.offline = false;
      await a.sync();

      const [onServer] = await serverRecord('drafts', draft.id);
      expect(onServer).toMatchObject({ status: 'draft', content: '<p>TEXTE-DE-CHEF</p>' });
      expect((await a.db.clips.get(draft.id))!.body).toBe('<p>TEXTE-DE-CHEF</p>');
      const status = await a.engine.status();
      expect(status.pending).toBe(0);
      expect(status.keptDrafts).toEqual([
        expect.objectContaining({ recordId: draft.id, by: 'Chef d’édition' }),
      ]);

      // « Le supprimer quand même »: trashed there, now that A has seen the edit.
      await a.engine.deleteKept(`draft:${draft.id}`);
      await a.engine.whenIdle();
      expect((await serverRecord('drafts', draft.id))[0]!.status).toBe('trash');
    });

    it('a trash sent after a colleague’s edit keeps their text, and sends nothing older after it', async () => {
      const a = as('editor');
      const b = as('chef');
      const draft = await a.clip(url());
      await a.join();
      await b.join();
      await updateDraft(draft.id, { body: '<p>TEXTE-RÉCENT-DE-CHEF</p>' }, b.db);
      await b.sync();

      a.posts = [];
      await trashDraft(draft.id, a.db);
      await a.sync();

      const [onServer] = await serverRecord('drafts', draft.id);
      expect(onServer).toMatchObject({ status: 'trash', content: '<p>TEXTE-RÉCENT-DE-CHEF</p>' });
      // The trash (a DELETE) only: no update wrote A's older text back after it.
      expect(a.posts).toEqual([]);
      expect((await a.db.clips.get(draft.id))!.body).toBe('<p>TEXTE-RÉCENT-DE-CHEF</p>');
      expect((await a.engine.status()).pending).toBe(0);
    });

    it('the count before a rejoin asks the desk: a listing of ids, or a lookup by client_id', async () => {
      const a = as('editor');
      const known = [await a.clip(url()), await a.clip(url()), await a.clip(url())];
      await a.join();
      // As the previous version left a desk turned off: no sync record, no account.
      await a.engine.disable();
      await a.db.syncRecords.clear();
      await a.db.syncState.put({ ...(await a.engine.state()), siteUrl: '', cursors: {} });
      await a.clip(url());

      // Four to look up, more than one listing of the desk: the ids-only listing.
      expect(((await a.engine.plan()) as SyncPlan).localDrafts).toBe(1);

      // A single one (a copy of a desk's draft, as a backup brings): one client_id lookup.
      const c = as('chef');
      await c.db.clips.put((await a.db.clips.get(known[0]!.id))!);
      expect(((await c.engine.plan()) as SyncPlan).localDrafts).toBe(0);
    });
  },
);
