import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../storage/db';
import {
  createRecord,
  discoverDesk,
  findRecord,
  lockRecord,
  readLock,
  pullChanges,
  pullFirstPages,
  pullPage,
  RECORD_FIELDS,
  restoreRecord,
  trashRecord,
  unlockRecord,
  updateRecord,
  type DeskSettings,
} from '../../wordpress/desk-client';
import { draftToRest, restToDraft } from '../../wordpress/desk-records';
import { php, site, sleep } from './helpers';

function as(role: 'editor' | 'contributor'): DeskSettings {
  const wp = site();
  return {
    siteUrl: wp.url,
    username: wp.newsroom[role].user,
    appPassword: wp.newsroom[role].appPassword,
  };
}

function newDraft(): Draft {
  return {
    id: randomUUID(),
    url: 'https://exemple.fr/yacht',
    title: 'Le ministre et le yacht',
    siteName: 'Exemple',
    quotes: [
      {
        text: '« Je ne savais pas »',
        html: '<p>« Je ne savais pas »</p>',
        clippedAt: '2026-03-10T10:00:00.000Z',
      },
    ],
    provenance: { title: 'og:title' },
    createdAt: '2026-03-10T10:00:00.000Z',
    updatedAt: '2026-03-10T10:00:00.000Z',
    body: '<p>Le ministre dément.</p>',
    sources: [{ url: 'https://exemple.fr/yacht', title: 'Le ministre et le yacht' }],
    note: '',
    tags: ['politique'],
    status: 'draft',
    issueId: '',
    sortKey: '',
    words: [],
    wordPairs: [],
    sourceUrls: [],
  };
}

describe('desk client against the real plugin', () => {
  it('discovers the plugin with the user’s role and rights', async () => {
    const desk = await discoverDesk(as('contributor'));
    expect(desk.ok).toBe(true);
    if (desk.ok) {
      expect(desk.desk.user?.roles).toEqual(['contributor']);
      expect(desk.desk.can).toMatchObject({ clip: true, arrange: false });
    }
  });

  it('names the site’s address, and a desk set at a folder the root answers under is told it', async () => {
    // The suite's router answers a missing folder with the root's WordPress, no redirect: a
    // network's sub-site deleted, its main site answering under the folder.
    const desk = await discoverDesk(as('editor'));
    expect(desk.ok && { home: desk.desk.home, url: desk.desk.url }).toEqual({
      home: site().url,
      url: site().url,
    });
    const blog = await discoverDesk({ ...as('editor'), siteUrl: `${site().url}/blog` });
    expect(blog).toEqual({ ok: false, code: 'site_moved', address: site().url });
  });

  it('says no_plugin when the plugin is inactive', async () => {
    await php(
      `require_once ABSPATH . 'wp-admin/includes/plugin.php'; deactivate_plugins('indiscrets/indiscrets.php');`,
    );
    try {
      const desk = await discoverDesk(as('editor'));
      expect(desk).toMatchObject({ ok: false, code: 'no_plugin' });
    } finally {
      await php(
        `require_once ABSPATH . 'wp-admin/includes/plugin.php'; activate_plugin('indiscrets/indiscrets.php');`,
      );
    }
  });

  it('creates, pulls, updates with a base version and gets a typed conflict with the server record', async () => {
    const draft = newDraft();
    const since = new Date(Date.now() - 1000).toISOString();
    const created = await createRecord(as('contributor'), 'drafts', draftToRest(draft));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(restToDraft(created.record)).toMatchObject({
      id: draft.id,
      quotes: draft.quotes,
      siteName: 'Exemple',
    });

    const again = await createRecord(as('contributor'), 'drafts', draftToRest(draft));
    expect(again).toMatchObject({ ok: false, code: 'exists', current: { id: created.record.id } });

    const pulled = await pullChanges(as('editor'), 'drafts', since);
    expect(pulled.ok && pulled.records.map((r) => r.meta.clientId)).toContain(draft.id);

    const first = await updateRecord(as('editor'), 'drafts', created.record.id, 1, {
      title: 'Titre A',
    });
    expect(first).toMatchObject({ ok: true, record: { version: 2 } });
    const stale = await updateRecord(as('contributor'), 'drafts', created.record.id, 1, {
      title: 'Titre B',
    });
    expect(stale).toMatchObject({ ok: false, code: 'conflict', status: 409 });
    if (!stale.ok) expect(stale.current?.title.raw).toBe('Titre A');
  });

  it('a refused action says which role it needs', async () => {
    const created = await createRecord(as('contributor'), 'drafts', draftToRest(newDraft()));
    if (!created.ok) throw new Error(created.code);
    const moved = await updateRecord(as('contributor'), 'drafts', created.record.id, 1, {
      meta: { sortKey: 'a0' },
    });
    expect(moved).toMatchObject({ ok: false, code: 'forbidden', needs: 'editor' });
  });

  it('trashes and restores, and pulls see the trash', async () => {
    await sleep(1100);
    const since = new Date().toISOString();
    const created = await createRecord(as('contributor'), 'drafts', draftToRest(newDraft()));
    if (!created.ok) throw new Error(created.code);
    const trashed = await trashRecord(as('contributor'), 'drafts', created.record.id);
    expect(trashed).toMatchObject({ ok: true, record: { status: 'trash' } });
    const pulled = await pullChanges(as('editor'), 'drafts', since, { perPage: 1 });
    expect(pulled.ok && pulled.records.find((r) => r.id === created.record.id)?.status).toBe(
      'trash',
    );
    if (trashed.ok) expect(restToDraft(trashed.record).deletedAt).toBeTruthy();
    const restored = await restoreRecord(as('editor'), 'drafts', created.record.id);
    expect(restored).toMatchObject({ ok: true, record: { status: 'draft' } });
  });

  it('trashes a merged draft naming its target, and without it when the plugin refuses the target', async () => {
    const [x, y, z] = await Promise.all(
      [1, 2, 3].map(() => createRecord(as('contributor'), 'drafts', draftToRest(newDraft()))),
    );
    if (!x!.ok || !y!.ok || !z!.ok) throw new Error('create');
    const merged = await trashRecord(as('contributor'), 'drafts', x!.record.id, {
      mergedInto: y!.record.id,
    });
    expect(merged).toMatchObject({
      ok: true,
      merged: true,
      record: {
        status: 'trash',
        merged_into: { id: y!.record.id, clientId: y!.record.meta.clientId },
      },
    });
    // Its target in the trash: refused by the plugin, the draft is trashed all the same.
    const refused = await trashRecord(as('contributor'), 'drafts', z!.record.id, {
      mergedInto: x!.record.id,
    });
    expect(refused).toMatchObject({
      ok: true,
      merged: false,
      record: { status: 'trash', merged_into: null },
    });
  });

  it('asks both kinds’ changes in one request, each from its own cursor, with the same records as /drafts', async () => {
    await sleep(1100);
    const since = new Date().toISOString();
    const draft = newDraft();
    const created = await createRecord(as('contributor'), 'drafts', draftToRest(draft));
    if (!created.ok) throw new Error(created.code);
    const changes = await pullFirstPages(as('editor'), { drafts: since, issues: since });
    if (!changes.ok) throw new Error(changes.code);
    expect(changes.drafts.records.map((r) => r.meta.clientId)).toEqual([draft.id]);
    expect(changes.drafts).toMatchObject({ total: 1, pages: 1 });
    expect(changes.issues).toMatchObject({ records: [], total: 0 });
    expect(changes.serverTime).toBeDefined();
    // Each record is exactly what /drafts answers with the same fields.
    const listed = await pullChanges(as('editor'), 'drafts', since);
    expect(listed.ok && listed.records).toEqual(changes.drafts.records);
    expect(Object.keys(changes.drafts.records[0]!).sort()).toEqual(
      [...new Set(RECORD_FIELDS.split(',').map((f) => f.split('.')[0]))].sort(),
    );

    // Nothing changed since a later cursor: an empty envelope, a few dozen bytes.
    let bytes = 0;
    const later = new Date(Date.now() + 2000).toISOString();
    const idle = await pullFirstPages(
      as('editor'),
      { drafts: later, issues: later },
      { onRequest: (n) => (bytes += n) },
    );
    expect(idle).toMatchObject({ ok: true, drafts: { records: [] }, issues: { records: [] } });
    expect(bytes).toBeLessThan(200);
  });

  it('refuses the changes to a Subscriber, saying the role it takes', async () => {
    const wp = site();
    const answer = await pullFirstPages({
      siteUrl: wp.url,
      username: wp.subscriberUser,
      appPassword: wp.subscriberAppPassword,
    });
    expect(answer).toMatchObject({ ok: false, code: 'forbidden', needs: 'contributor' });
  });

  it('locks and unlocks; another user is told who holds the lock', async () => {
    const created = await createRecord(as('editor'), 'drafts', draftToRest(newDraft()));
    if (!created.ok) throw new Error(created.code);
    const lock = await lockRecord(as('editor'), 'drafts', created.record.id);
    expect(lock.ok && lock.lock?.user.name).toBe(site().newsroom.editor.name);
    await unlockRecord(as('editor'), 'drafts', created.record.id);
    const other = await lockRecord(as('editor'), 'drafts', created.record.id);
    expect(other.ok).toBe(true);
  });

  it('reads who holds a lock now without taking it (before a merge)', async () => {
    const created = await createRecord(as('editor'), 'drafts', draftToRest(newDraft()));
    if (!created.ok) throw new Error(created.code);
    const id = created.record.id;
    expect(await readLock(as('contributor'), 'drafts', id)).toEqual({ ok: true, lock: null });
    const taken = await lockRecord(as('editor'), 'drafts', id);
    if (!taken.ok) throw new Error(taken.code);

    const read = await readLock(as('contributor'), 'drafts', id);
    expect(read).toEqual({ ok: true, lock: taken.lock });
    expect(read.ok && read.lock?.user.name).toBe(site().newsroom.editor.name);
    // Read-only: the editor's lock is still theirs, as it was.
    expect(await readLock(as('editor'), 'drafts', id)).toEqual({ ok: true, lock: taken.lock });
    await unlockRecord(as('editor'), 'drafts', id);
    expect(await readLock(as('contributor'), 'drafts', id)).toEqual({ ok: true, lock: null });
  });

  it('a draft trashed by who was editing it keeps no lock: a colleague sees none and takes it at once', async () => {
    const created = await createRecord(as('contributor'), 'drafts', draftToRest(newDraft()));
    if (!created.ok) throw new Error(created.code);
    const id = created.record.id;
    const held = await lockRecord(as('contributor'), 'drafts', id);
    expect(held.ok && held.lock?.user.name).toBe(site().newsroom.contributor.name);

    // The contributor, editing it, puts it in the trash (the extension's « Supprimer »).
    const trashed = await trashRecord(as('contributor'), 'drafts', id);
    expect(trashed).toMatchObject({ ok: true, record: { status: 'trash', lock: null } });
    expect(await readLock(as('editor'), 'drafts', id)).toEqual({ ok: true, lock: null });
    // Restored, the editor may edit it at once, where the contributor's lock refused them (423)
    // for up to its 150 s.
    await restoreRecord(as('editor'), 'drafts', id);
    const taken = await lockRecord(as('editor'), 'drafts', id);
    expect(taken.ok && taken.lock?.user.name).toBe(site().newsroom.editor.name);
    await unlockRecord(as('editor'), 'drafts', id);
  });

  it('finds one record whole by its clientId, in the trash too, as a pull has it; null for none', async () => {
    const draft = newDraft();
    const created = await createRecord(as('editor'), 'drafts', draftToRest(draft));
    if (!created.ok) throw new Error(created.code);
    const found = await findRecord(as('contributor'), 'drafts', draft.id, { timeoutMs: 3000 });
    if (!found.ok) throw new Error(found.code);
    expect(found.record).toMatchObject({
      id: created.record.id,
      version: created.record.version,
      title: { raw: draft.title },
      content: { raw: draft.body },
      meta: { clientId: draft.id },
    });
    expect(restToDraft(found.record!).quotes).toEqual(draft.quotes);

    await trashRecord(as('editor'), 'drafts', created.record.id);
    const trashed = await findRecord(as('editor'), 'drafts', draft.id);
    expect(trashed.ok && trashed.record?.status).toBe('trash');
    expect(await findRecord(as('editor'), 'drafts', randomUUID())).toEqual({
      ok: true,
      record: null,
    });
  });

  it('a pull asked with locks says who is editing what on the whole desk', async () => {
    const draft = newDraft();
    const created = await createRecord(as('editor'), 'drafts', draftToRest(draft));
    if (!created.ok) throw new Error(created.code);
    await lockRecord(as('editor'), 'drafts', created.record.id);
    try {
      // Nothing changed since a minute from now: the records are not sent, the locks are.
      const later = new Date(Date.now() + 60_000).toISOString();
      const pulled = await pullPage(as('contributor'), 'issues', later, 1, { locks: true });
      if (!pulled.ok) throw new Error(pulled.code);
      expect(pulled.records).toEqual([]);
      expect(pulled.locks).toContainEqual(
        expect.objectContaining({
          kind: 'drafts',
          id: created.record.id,
          clientId: draft.id,
          user: { id: expect.any(Number), name: site().newsroom.editor.name },
        }),
      );
      // The poll's own request (/changes) carries them too.
      const poll = await pullFirstPages(
        as('contributor'),
        { drafts: later, issues: later },
        { locks: true },
      );
      if (!poll.ok) throw new Error(poll.code);
      expect(poll.locks?.map((lock) => lock.clientId)).toContain(draft.id);
      const plain = await pullPage(as('contributor'), 'issues', later, 1);
      expect(plain.ok && plain.locks).toBeUndefined();
    } finally {
      await unlockRecord(as('editor'), 'drafts', created.record.id);
    }
    const after = await pullPage(as('contributor'), 'drafts', undefined, 1, { locks: true });
    expect(after.ok && after.locks?.some((lock) => lock.clientId === draft.id)).toBe(false);
  });

  it('reports a wrong password as refused: the anonymous index, the header seen by the plugin', async () => {
    const desk = await discoverDesk({
      ...as('editor'),
      appPassword: 'abcd efgh ijkl mnop qrst uvwx',
    });
    expect(desk).toEqual({ ok: false, code: 'wrong_credentials', status: 401 });
  });

  it('reports a wrong password as wrong credentials where a plugin asks who the user is first', async () => {
    await php("update_option('indiscrets_test_early_user_check', 1);");
    try {
      const desk = await discoverDesk({
        ...as('editor'),
        appPassword: 'abcd efgh ijkl mnop qrst uvwx',
      });
      expect(desk).toMatchObject({
        ok: false,
        code: 'wrong_credentials',
        status: 401,
        wpCode: 'incorrect_password',
      });
    } finally {
      await php("delete_option('indiscrets_test_early_user_check');");
    }
  });
});
