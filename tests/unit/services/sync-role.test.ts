import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROLE_CHECK_MS, SyncEngine } from '../../../services/sync';
import { updateDraft } from '../../../storage/drafts';
import { addDraft } from '../storage/helpers';
import { closeDesks, TestDesk } from './desks';
import { FakeDesk } from './fake-desk';

/**
 * A role changed in WordPress while the desk is on (an administrator's reorganisation, an
 * intern's account): the desk asks again who the user is every few minutes and after a
 * refusal, so that the bar, the buttons and the records' rights follow the role they have now.
 */
describe('sync engine: a role changed in WordPress', () => {
  let server: FakeDesk;
  let editor: TestDesk;
  let pigiste: TestDesk;

  beforeEach(() => {
    server = new FakeDesk();
    server.addUser('redac', 'Rédaction', 'editor');
    server.addUser('pigiste', 'Pigiste', 'contributor');
    editor = new TestDesk(server, 'redac');
    pigiste = new TestDesk(server, 'pigiste');
  });
  afterEach(() => closeDesks(editor, pigiste));

  /** The editor's draft, on both desks: not the contributor's to write. */
  async function editorsDraft() {
    await editor.join();
    const draft = await addDraft(editor.db, { title: 'Le ministre', body: '<p>Texte</p>' });
    await editor.sync();
    await pigiste.join();
    expect((await pigiste.db.clips.get(draft.id))!.desk).toMatchObject({ canEdit: false });
    return draft;
  }

  it('reads a role raised once the last word on it is a few minutes old, and each record’s rights anew', async () => {
    const draft = await editorsDraft();
    server.setRole('pigiste', 'editor');

    // Polls within the minutes do not ask again.
    await pigiste.sync();
    expect((await pigiste.engine.status()).user?.roles).toEqual(['contributor']);

    pigiste.ahead = ROLE_CHECK_MS;
    const status = await pigiste.sync();

    expect(status.user?.roles).toEqual(['editor']);
    expect(status.can).toMatchObject({ editOthers: true, arrange: true });
    // The draft, unchanged on the desk since, read again: now the editor-made-pigiste's to write.
    expect((await pigiste.db.clips.get(draft.id))!.desk).toMatchObject({ canEdit: true });
  });

  it('asks again at once when a change is refused, so that the bar names the role the editor has now', async () => {
    server.setRole('pigiste', 'editor');
    await editor.join();
    const draft = await addDraft(editor.db, { title: 'Le ministre', body: '<p>Texte</p>' });
    await editor.sync();
    await pigiste.join();
    expect((await pigiste.db.clips.get(draft.id))!.desk).toMatchObject({ canEdit: true });
    // Offline, the editor writes in the draft; meanwhile the administrator lowers their role.
    await updateDraft(draft.id, { title: 'Titre de la pigiste' }, pigiste.db);
    server.setRole('pigiste', 'contributor');

    const status = await pigiste.sync();

    expect(status.refusals).toBe(1);
    expect(status.user?.roles).toEqual(['contributor']);
    expect(status.can).toMatchObject({ editOthers: false, arrange: false });
    expect((await pigiste.db.clips.get(draft.id))!.desk).toMatchObject({ canEdit: false });
  });

  it('takes nothing of another user the options name since the run began, and stops as for another account', async () => {
    await editorsDraft();
    const me = (await pigiste.engine.status()).user;
    // The options are saved with the editor's account between the run's start and its question.
    let asked = 0;
    const switching = new SyncEngine({
      db: pigiste.db,
      settings: async () => server.settings(asked++ === 0 ? 'pigiste' : 'redac'),
      fetch: server.fetch,
      clock: () => new Date(Date.now() + ROLE_CHECK_MS).toISOString(),
    });

    const status = await switching.run();

    expect(status.lastError?.code).toBe('account_changed');
    expect(status.user).toEqual(me);
    expect(status.phase).toBe('idle');
  });

  it('stops the run as the push would when the site does not answer who the user is', async () => {
    await editorsDraft();
    pigiste.ahead = ROLE_CHECK_MS;
    server.offline = true;

    const status = await pigiste.sync();

    expect(status.lastError?.code).toBe('offline');
    expect(status.user?.roles).toEqual(['contributor']);
  });

  it('asks again at once when the desk refuses to list its records, so that the bar says the account has no role there', async () => {
    await editorsDraft();
    // Taken off the site (a network's sub-site: Users › Remove) a minute after the last check.
    server.setRole('pigiste', 'none');

    const status = await pigiste.sync();

    expect(status.lastError?.code).toBe('forbidden');
    expect(status.user?.roles).toEqual([]);
    expect(status.can).toMatchObject({ read: false, clip: false, editOwn: false });
  });

  it('keeps the refusal said when the site then does not answer who the user is', async () => {
    await editorsDraft();
    server.setRole('pigiste', 'none');
    // The role's question finds the site gone: the refusal is what the editor is told.
    const fetch = server.fetch.bind(server);
    let listed = false;
    server.fetch = async (input, init) => {
      const url = String(input);
      if (/\/indiscrets\/v1\/changes|\/indiscrets\/v1\/(drafts|issues)\b/.test(url)) listed = true;
      else if (listed) server.offline = true;
      return fetch(input, init);
    };

    const status = await pigiste.sync();

    expect(status.lastError?.code).toBe('forbidden');
    expect(status.user?.roles).toEqual(['contributor']);
  });
});
