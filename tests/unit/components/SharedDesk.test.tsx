import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AnnouncerProvider } from '../../../components/Announcer';
import { DeskMarks } from '../../../components/DeskMarks';
import { setLocale } from '../../../locales/core';
import { conflictFieldLabel } from '../../../components/conflictFields';
import { SharedDeskBar, syncLine } from '../../../components/SharedDeskBar';
import { SharedDeskSettings } from '../../../components/SharedDeskSettings';
import { UndoProvider } from '../../../components/Undo';
import { registerHandlers, type Handlers } from '../../../messaging/protocol';
import { conflictChoiceToken } from '../../../storage/conflict-undo';
import { db } from '../../../storage/db';
import { updateDraft } from '../../../storage/drafts';
import { createIssue, deleteIssue } from '../../../storage/issues';
import { wordpressItem, wordpressPasswordItem } from '../../../storage/preferences';
import { SYNC_OFF, type SyncConflict } from '../../../storage/sync-state';
import { deskProbe, deskState } from '../desk-fixtures';
import { clearSharedDesk } from './desk-views';
import { addDraft } from '../storage/helpers';
import { settingsFocus } from '../../../storage/settings';

/** A conflict as the sync stores it: found on the record's version 4, at a fixed time. */
function storedConflict(
  kind: SyncConflict['kind'],
  recordId: string,
  title: string,
  fields: SyncConflict['fields'],
  theirsBy?: string,
): SyncConflict {
  return {
    key: `${kind}:${recordId}`,
    kind,
    recordId,
    title,
    fields,
    ...(theirsBy ? { theirsBy } : {}),
    remoteVersion: 4,
    detectedAt: '2026-03-15T10:00:00Z',
  };
}

/**
 * What the clipboard is given, read back: a ClipboardItem of Blobs, as the browser takes. The
 * test undoes it (`vi.unstubAllGlobals`, the clipboard deleted from `navigator`).
 */
function stubClipboard(): Record<string, string>[] {
  const copied: Record<string, string>[] = [];
  vi.stubGlobal(
    'Blob',
    class {
      constructor(readonly parts: string[]) {}
    },
  );
  vi.stubGlobal(
    'ClipboardItem',
    class {
      constructor(readonly items: Record<string, { parts: string[] }>) {}
    },
  );
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      write: async (items: { items: Record<string, { parts: string[] }> }[]) => {
        const entries = Object.entries(items[0]!.items);
        copied.push(Object.fromEntries(entries.map(([type, blob]) => [type, blob.parts.join('')])));
      },
    },
  });
  return copied;
}

const contributorState = deskState('contributor');

let calls: Array<[string, unknown]>;
let unregister: () => void;

/** The background, answered by the test: records what the page asked for. */
function background(answers: Partial<Record<keyof Handlers, unknown>>) {
  const handlers = Object.fromEntries(
    Object.entries(answers).map(([type, answer]) => [
      type,
      async (request: unknown) => {
        calls.push([type, request]);
        return answer;
      },
    ]),
  );
  unregister = registerHandlers(handlers as unknown as Handlers);
}

/**
 * The background's resolve as a choice with nothing to undo leaves it: the choice recorded, the
 * conflict `key` settled, `answer` given.
 */
function settling(key: string, answer: object = contributorState) {
  unregister = registerHandlers({
    syncResolve: async (request: unknown) => {
      calls.push(['syncResolve', request]);
      await db.conflicts.delete(key);
      return answer;
    },
  } as unknown as Handlers);
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.permissions.onAdded, 'removeListener').mockImplementation(() => {});
  calls = [];
  unregister = () => {};
  await clearSharedDesk();
});
afterEach(() => {
  unregister();
  cleanup();
});

describe('DeskMarks', () => {
  const now = Date.parse('2026-03-15T10:00:00Z');

  it('says who clipped a draft, who last edited it and who is editing it now', () => {
    render(
      <DeskMarks
        kind="draft"
        now={now}
        mark={{
          remoteId: 12,
          createdBy: 'Pigiste',
          modifiedBy: 'Rédac',
          lock: {
            by: 'Rédac',
            userId: 3,
            since: '2026-03-15T09:59:00Z',
            expires: '2026-03-15T10:01:30Z',
          },
        }}
      />,
    );

    expect(screen.getByTestId('desk-marks').textContent).toBe(
      'Coupé par Pigiste · modifié par Rédac · ✎ Rédac le modifie en ce moment',
    );
    expect(screen.getByTestId('desk-lock')).toBeTruthy();
  });

  it('drops a lock past its expiry: nobody is editing any more', () => {
    render(
      <DeskMarks
        kind="issue"
        now={now}
        mark={{
          remoteId: 12,
          createdBy: 'Rédac',
          modifiedBy: 'Rédac',
          lock: {
            by: 'Pigiste',
            userId: 5,
            since: '2026-03-15T09:50:00Z',
            expires: '2026-03-15T09:52:30Z',
          },
        }}
      />,
    );

    expect(screen.getByTestId('desk-marks').textContent).toBe('Créé et modifié par Rédac');
    expect(screen.queryByTestId('desk-lock')).toBeNull();
  });

  it('names once who clipped a draft and last edited it, in both languages', () => {
    const mark = { remoteId: 12, createdBy: 'Rédac', modifiedBy: 'Rédac' };
    const { unmount } = render(<DeskMarks kind="draft" now={now} mark={mark} />);
    expect(screen.getByTestId('desk-marks').textContent).toBe('Coupé et modifié par Rédac');
    unmount();

    setLocale('en');
    try {
      render(<DeskMarks kind="draft" now={now} mark={mark} />);
      expect(screen.getByTestId('desk-marks').textContent).toBe('Clipped and edited by Rédac');
    } finally {
      setLocale('fr');
    }
  });

  describe('on the desk of one of the editors it names (Rédac, user 3)', () => {
    const marksText = () => screen.getAllByTestId('desk-marks').map((p) => p.textContent);
    beforeEach(async () => {
      await db.syncState.put(deskState('editor'));
    });

    it('says « vous » for them, whether they clipped, created or last edited it', async () => {
      render(
        <>
          <DeskMarks
            kind="draft"
            now={now}
            mark={{
              remoteId: 1,
              createdBy: 'Rédac',
              createdById: 3,
              modifiedBy: 'Paul',
              modifiedById: 8,
            }}
          />
          <DeskMarks
            kind="draft"
            now={now}
            mark={{
              remoteId: 2,
              createdBy: 'Rédac',
              createdById: 3,
              modifiedBy: 'Rédac',
              modifiedById: 3,
            }}
          />
          <DeskMarks
            kind="draft"
            now={now}
            mark={{
              remoteId: 3,
              createdBy: 'Paul',
              createdById: 8,
              modifiedBy: 'Rédac',
              modifiedById: 3,
            }}
          />
          <DeskMarks
            kind="issue"
            now={now}
            mark={{ remoteId: 4, createdBy: 'Rédac', createdById: 3 }}
          />
          <DeskMarks
            kind="issue"
            now={now}
            mark={{
              remoteId: 5,
              createdBy: 'Rédac',
              createdById: 3,
              modifiedBy: 'Rédac',
              modifiedById: 3,
            }}
          />
        </>,
      );
      await waitFor(() =>
        expect(marksText()).toEqual([
          'Coupé par vous · modifié par Paul',
          'Coupé et modifié par vous',
          'Coupé par Paul · modifié par vous',
          'Créé par vous',
          'Créé et modifié par vous',
        ]),
      );
    });

    it('tells them from a colleague of the same name by the id, and names on a mark without ids', async () => {
      render(
        <>
          {/* Another Rédac (user 9) clipped it, this one edited it last. */}
          <DeskMarks
            kind="draft"
            now={now}
            mark={{
              remoteId: 1,
              createdBy: 'Rédac',
              createdById: 9,
              modifiedBy: 'Rédac',
              modifiedById: 3,
            }}
          />
          {/* Kept before the marks kept ids: the name, as before, never guessed from it. */}
          <DeskMarks
            kind="draft"
            now={now}
            mark={{ remoteId: 2, createdBy: 'Rédac', modifiedBy: 'Rédac' }}
          />
        </>,
      );
      await waitFor(() =>
        expect(marksText()).toEqual([
          'Coupé par Rédac · modifié par vous',
          'Coupé et modifié par Rédac',
        ]),
      );
    });

    it('says « you » in English', async () => {
      setLocale('en');
      try {
        render(
          <>
            <DeskMarks
              kind="draft"
              now={now}
              mark={{
                remoteId: 1,
                createdBy: 'Rédac',
                createdById: 3,
                modifiedBy: 'Paul',
                modifiedById: 8,
              }}
            />
            <DeskMarks
              kind="draft"
              now={now}
              mark={{
                remoteId: 2,
                createdBy: 'Paul',
                createdById: 8,
                modifiedBy: 'Rédac',
                modifiedById: 3,
              }}
            />
            <DeskMarks
              kind="draft"
              now={now}
              mark={{
                remoteId: 3,
                createdBy: 'Rédac',
                createdById: 3,
                modifiedBy: 'Rédac',
                modifiedById: 3,
              }}
            />
            <DeskMarks
              kind="issue"
              now={now}
              mark={{ remoteId: 4, createdBy: 'Rédac', createdById: 3 }}
            />
            <DeskMarks
              kind="issue"
              now={now}
              mark={{
                remoteId: 5,
                createdBy: 'Rédac',
                createdById: 3,
                modifiedBy: 'Rédac',
                modifiedById: 3,
              }}
            />
          </>,
        );
        await waitFor(() =>
          expect(marksText()).toEqual([
            'Clipped by you · edited by Paul',
            'Clipped by Paul · edited by you',
            'Clipped and edited by you',
            'Created by you',
            'Created and edited by you',
          ]),
        );
      } finally {
        setLocale('fr');
      }
    });

    it('names them again once the shared desk is off', async () => {
      const mark = { remoteId: 1, createdBy: 'Rédac', createdById: 3 };
      render(<DeskMarks kind="draft" now={now} mark={mark} />);
      await waitFor(() => expect(marksText()).toEqual(['Coupé par vous']));
      await db.syncState.put({ ...deskState('editor'), enabled: false });
      await waitFor(() => expect(marksText()).toEqual(['Coupé par Rédac']));
    });
  });

  it('shows nothing on a record never shared', () => {
    const { container } = render(<DeskMarks kind="draft" mark={undefined} />);
    expect(container.textContent).toBe('');
  });
});

describe('syncLine', () => {
  it('says offline first, with what waits', () => {
    expect(syncLine(contributorState, 3, false)).toBe(
      'Hors ligne\u00a0: vos modifications partiront au retour du réseau · 3 modifications à envoyer',
    );
  });

  it('says when it last synced as the publish line writes a time, the day when not today', () => {
    const today = new Date();
    today.setHours(10, 42, 0, 0);
    expect(syncLine({ ...contributorState, lastSyncAt: today.toISOString() }, 0, true)).toBe(
      'Synchronisé à 10\u00a0h\u00a042',
    );
    const before = new Date(today.getFullYear(), 0, 1, 9, 5);
    if (before.toDateString() === today.toDateString()) before.setDate(2);
    expect(syncLine({ ...contributorState, lastSyncAt: before.toISOString() }, 0, true)).toBe(
      `Synchronisé le ${before.getDate() === 1 ? '1er' : before.getDate()}\u00a0janvier à 9\u00a0h\u00a005`,
    );
  });

  it('follows a first sync step by step', () => {
    expect(
      syncLine(
        {
          ...contributorState,
          phase: 'first-sync',
          progress: { step: 'upload', done: 4, total: 10 },
        },
        0,
        true,
      ),
    ).toBe('Envoi à la rédaction\u00a0: 4 sur 10');
  });

  it('names why the last run stopped', () => {
    expect(
      syncLine(
        {
          ...contributorState,
          lastSyncAt: undefined,
          lastError: { code: 'wrong_credentials', at: '2026-03-15T10:00:00Z' },
        },
        1,
        true,
      ),
    ).toBe(
      'WordPress refuse le mot de passe d’application (401)\u00a0: il a peut-être été révoqué\u202f; créez-en un autre dans WordPress et collez-le dans les réglages · 1 modification à envoyer',
    );
  });

  it('says, beside why the last run stopped, when the desk last synced: what it shows dates from then', () => {
    const today = new Date();
    today.setHours(10, 42, 0, 0);
    const timeout = { code: 'timeout', at: new Date().toISOString() } as const;
    expect(
      syncLine(
        { ...contributorState, lastSyncAt: today.toISOString(), lastError: timeout },
        1,
        true,
      ),
    ).toBe(
      'Le site n’a pas répondu à temps\u00a0: nouvel essai bientôt · dernière synchronisation à 10\u00a0h\u00a042 · 1 modification à envoyer',
    );
    const before = new Date(today.getFullYear(), 0, 1, 9, 5);
    if (before.toDateString() === today.toDateString()) before.setDate(2);
    expect(
      syncLine(
        { ...contributorState, lastSyncAt: before.toISOString(), lastError: timeout },
        0,
        true,
      ),
    ).toBe(
      `Le site n’a pas répondu à temps\u00a0: nouvel essai bientôt · dernière synchronisation le ${before.getDate() === 1 ? '1er' : before.getDate()}\u00a0janvier à 9\u00a0h\u00a005`,
    );
    // Stopped by the editor: no error said, the last sync as always.
    expect(
      syncLine(
        {
          ...contributorState,
          lastSyncAt: today.toISOString(),
          lastError: { code: 'cancelled', at: today.toISOString() },
        },
        0,
        true,
      ),
    ).toBe('Synchronisé à 10\u00a0h\u00a042');
  });

  it('says the site answered with a server error, which the next run retries', () => {
    expect(
      syncLine(
        {
          ...contributorState,
          lastSyncAt: undefined,
          lastError: { code: 'server_error', at: '2026-03-15T10:00:00Z' },
        },
        0,
        true,
      ),
    ).toBe('Le site a répondu par une erreur du serveur\u00a0: nouvel essai bientôt');
  });

  it('says a site blocking the desk is not the editor’s role, and that the changes wait', () => {
    expect(
      syncLine(
        {
          ...contributorState,
          lastSyncAt: undefined,
          lastError: { code: 'blocked', at: '2026-03-15T10:00:00Z' },
        },
        1,
        true,
      ),
    ).toBe(
      'Le site bloque la rédaction partagée (refus 403, sans doute une extension de sécurité ou un pare-feu)\u00a0: vos modifications attendent, nouvel essai bientôt · 1 modification à envoyer',
    );
  });
  it('says a site that answers at another address is to be fixed in the settings, and that the changes wait', () => {
    expect(
      syncLine(
        {
          ...contributorState,
          lastSyncAt: undefined,
          lastError: { code: 'site_moved', at: '2026-03-15T10:00:00Z' },
        },
        2,
        true,
      ),
    ).toBe(
      'Le site répond désormais à une autre adresse que celle des réglages\u00a0: testez la connexion dans les réglages pour la connaître\u202f; vos modifications attendent · 2 modifications à envoyer',
    );
  });

  it('names the address a moved site answers at, when the run kept it', () => {
    expect(
      syncLine(
        {
          ...contributorState,
          lastSyncAt: undefined,
          lastError: {
            code: 'site_moved',
            at: '2026-03-15T10:00:00Z',
            address: 'https://www.monjournal.fr',
          },
        },
        2,
        true,
      ),
    ).toBe(
      'Le site répond désormais à l’adresse https://www.monjournal.fr\u00a0: utilisez-la dans «\u00a0Adresse du site\u00a0» des réglages, puis testez la connexion\u202f; vos modifications attendent · 2 modifications à envoyer',
    );
  });
});

describe('SharedDeskBar', () => {
  it('is not there when sync is off', async () => {
    await db.syncState.put({ ...SYNC_OFF });
    const { container } = render(<SharedDeskBar />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).toBe('');
  });

  it('offers « Réglages » next to a refused password or missing settings, not next to a timeout', async () => {
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    await db.syncState.put({
      ...contributorState,
      lastError: { code: 'wrong_credentials', at: new Date().toISOString() },
    });
    render(<SharedDeskBar />);
    const status = await screen.findByTestId('sync-status');
    fireEvent.click(await within(status).findByRole('button', { name: 'Réglages' }));
    await waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    // At the WordPress settings, the field to fix focused there (WordPressSettings).
    expect((await settingsFocus.getValue())?.section).toBe('wordpress');

    await db.syncState.put({
      ...contributorState,
      lastError: { code: 'no_settings', at: new Date().toISOString() },
    });
    await waitFor(() => expect(status.textContent).toContain('Réglages WordPress incomplets'));
    expect(within(status).getByRole('button', { name: 'Réglages' })).toBeTruthy();

    // Answered as to an anonymous visitor (a revoked password, or a server dropping the header).
    await db.syncState.put({
      ...contributorState,
      lastError: { code: 'credentials_unseen', at: new Date().toISOString() },
    });
    await waitFor(() => expect(status.textContent).toContain('HTTP_AUTHORIZATION'));
    expect(within(status).getByRole('button', { name: 'Réglages' })).toBeTruthy();

    // A site that answers at another address: its address is changed in the settings.
    await db.syncState.put({
      ...contributorState,
      lastError: { code: 'site_moved', at: new Date().toISOString() },
    });
    await waitFor(() => expect(status.textContent).toContain('une autre adresse'));
    expect(within(status).getByRole('button', { name: 'Réglages' })).toBeTruthy();
    // Named, when the run kept the address it answers at: « Réglages » still beside it.
    await db.syncState.put({
      ...contributorState,
      lastError: {
        code: 'site_moved',
        at: new Date().toISOString(),
        address: 'https://www.monjournal.fr',
      },
    });
    await waitFor(() =>
      expect(status.textContent).toContain(
        'Le site répond désormais à l’adresse https://www.monjournal.fr',
      ),
    );
    expect(within(status).getByRole('button', { name: 'Réglages' })).toBeTruthy();

    await db.syncState.put({
      ...contributorState,
      lastError: { code: 'timeout', at: new Date().toISOString() },
    });
    await waitFor(() => expect(status.textContent).toContain('pas répondu à temps'));
    expect(within(status).queryByRole('button', { name: 'Réglages' })).toBeNull();
  });

  it('turns its dot from green to amber while the last run has failed', async () => {
    await db.syncState.put({ ...contributorState });
    render(<SharedDeskBar />);
    const dot = await screen.findByTestId('sync-dot');
    expect(dot.className).toBe('shared-desk__dot');
    await db.syncState.put({
      ...contributorState,
      lastError: { code: 'timeout', at: new Date().toISOString() },
    });
    await waitFor(() => expect(dot.className).toBe('shared-desk__dot shared-desk__dot--failed'));
    // Running again: no verdict yet.
    await db.syncState.put({
      ...contributorState,
      phase: 'syncing',
      lastError: { code: 'timeout', at: new Date().toISOString() },
    });
    await waitFor(() => expect(dot.className).toBe('shared-desk__dot'));
    // Stopped by the editor: nothing failed.
    await db.syncState.put({
      ...contributorState,
      lastError: { code: 'cancelled', at: new Date().toISOString() },
    });
    await waitFor(() => expect(dot.className).toBe('shared-desk__dot'));
  });

  it('stops a sync under way on request, and offers it only while one runs', async () => {
    await db.syncState.put({ ...contributorState, phase: 'syncing' });
    background({ syncCancel: contributorState });
    render(<SharedDeskBar />);

    fireEvent.click(await screen.findByRole('button', { name: 'Arrêter' }));

    await waitFor(() => expect(calls).toEqual([['syncCancel', undefined]]));
    await db.syncState.put({ ...contributorState, phase: 'idle' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Arrêter' })).toBeNull());
  });

  it('says a refused change takes the Editor role and dismisses it once read', async () => {
    await db.syncState.put(contributorState);
    await db.refusals.put({
      key: 'draft:d1:arrange',
      kind: 'draft',
      recordId: 'd1',
      title: 'Le ministre et Bercy',
      action: 'arrange',
      needs: 'editor',
      at: '2026-03-15T10:00:00Z',
      discarded: { issueId: 'i1' },
    });
    background({ syncDismissRefusal: contributorState });
    render(<SharedDeskBar />);

    const refusal = await screen.findByTestId('sync-refusal');
    expect(refusal.textContent).toContain(
      '«\u00a0Le ministre et Bercy\u00a0»\u00a0: WordPress a refusé le classement dans le numéro, il faut le rôle Éditeur. Votre changement a été annulé.',
    );
    // A move wrote no words: nothing to copy.
    expect(screen.queryByRole('button', { name: 'Copier ce que vous aviez écrit' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Compris' }));
    await waitFor(() =>
      expect(calls).toEqual([['syncDismissRefusal', { key: 'draft:d1:arrange' }]]),
    );
  });

  it('names what else a refused trash or move had changed, rolled back with it', async () => {
    await db.syncState.put(contributorState);
    await db.refusals.bulkPut([
      {
        key: 'draft:d1:trash',
        kind: 'draft',
        recordId: 'd1',
        title: 'Le ministre et Bercy',
        action: 'trash',
        needs: 'editor',
        at: '2026-03-15T10:00:00Z',
        discarded: { title: 'Le ministre et Bercy', tags: ['bercy'], status: 'ready' },
        changed: ['title', 'provenance', 'tags', 'status', 'issueId', 'sortKey'],
      },
      {
        key: 'draft:d2:arrange',
        kind: 'draft',
        recordId: 'd2',
        title: 'La ministre et le port',
        action: 'arrange',
        needs: 'editor',
        at: '2026-03-15T10:01:00Z',
        discarded: { sharedNote: 'À vérifier' },
        changed: ['issueId', 'sortKey', 'sharedNote'],
      },
    ]);
    render(<SharedDeskBar />);

    await waitFor(() => expect(screen.getAllByTestId('sync-refusal')).toHaveLength(2));
    const [trash, move] = screen.getAllByTestId('sync-refusal');
    // Not what the trash or the move is itself (nor a place apart from its issue, nor where the
    // metadata came from): the editor's other changes, which they would otherwise take for a slip.
    expect(trash!.textContent).toContain(
      'Votre changement a été annulé. Vos autres changements ont été annulés aussi\u00a0: titre du brouillon, tags, statut et numéro. Ce que vous aviez écrit',
    );
    expect(move!.textContent).toContain(
      'Vos autres changements ont été annulés aussi\u00a0: note partagée.',
    );
  });

  it('offers to copy the words a refused edit had written, which nothing else keeps once closed', async () => {
    await db.syncState.put(contributorState);
    await db.refusals.put({
      key: 'draft:d1:edit',
      kind: 'draft',
      recordId: 'd1',
      title: 'Le ministre et Bercy',
      action: 'edit',
      needs: 'editor',
      at: '2026-03-15T10:00:00Z',
      discarded: {
        title: 'Le ministre et Bercy',
        body: '<p>Une demi-heure <a href="https://exemple.fr/">de travail</a>.</p><p>Suite.</p>',
        sharedNote: 'À vérifier\nauprès de Bercy',
        tags: ['bercy'],
      },
      changed: ['body', 'sharedNote', 'tags'],
    });
    const copied = stubClipboard();
    render(<SharedDeskBar />);

    const refusal = await screen.findByTestId('sync-refusal');
    expect(refusal.textContent).toContain(
      'Votre changement a été annulé. Ce que vous aviez écrit n’est plus gardé que dans cet avis\u00a0: copiez-le avant de le fermer.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copier ce que vous aviez écrit' }));

    await waitFor(() =>
      expect(screen.getByTestId('sync-refusal-copied').textContent).toBe(
        'Copié\u00a0: collez-le où vous voulez le garder.',
      ),
    );
    expect(copied).toEqual([
      {
        'text/html':
          '<p>Une demi-heure <a href="https://exemple.fr/">de travail</a>.</p><p>Suite.</p>\n' +
          '<p><strong>Note partagée\u00a0:</strong> À vérifier<br>auprès de Bercy</p>',
        'text/plain':
          'Une demi-heure de travail.\nSuite.\n\nNote partagée\u00a0: À vérifier\nauprès de Bercy',
      },
    ]);
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('says a colleague kept their version over the editor’s, with the editor’s words to copy', async () => {
    await db.syncState.put({
      ...contributorState,
      overridden: [
        {
          key: 'draft:d1',
          kind: 'draft',
          recordId: 'd1',
          title: 'Le ministre et Bercy',
          fields: ['title', 'body'],
          by: 'Rédac',
          mine: { title: 'Le ministre à Bercy', body: '<p>Ma version.</p>' },
          at: '2026-03-15T10:00:00Z',
        },
        {
          key: 'issue:i1',
          kind: 'issue',
          recordId: 'i1',
          title: 'Les indiscrets du 15 mars',
          fields: ['date'],
          mine: { date: '2026-03-14' },
          at: '2026-03-15T10:01:00Z',
        },
        {
          key: 'draft:d2',
          kind: 'draft',
          recordId: 'd2',
          title: 'La ministre',
          fields: ['issueId', 'sortKey'],
          by: 'Rédac',
          mine: { issueId: 'i2', sortKey: 'a0' },
          at: '2026-03-15T10:02:00Z',
        },
      ],
    });
    background({ syncDismissOverridden: contributorState });
    const copied = stubClipboard();
    render(<SharedDeskBar />);

    const [draft, issue, move] = await screen.findAllByTestId('sync-overridden');
    // A move is one change, as the box asks it: the issue and its place.
    expect(move!.textContent).toContain(
      'vous aviez changé un champ en même temps que Rédac, qui a gardé sa version\u00a0: numéro.',
    );
    expect(draft!.textContent).toContain(
      '«\u00a0Le ministre et Bercy\u00a0»\u00a0: vous aviez changé des champs en même temps que Rédac, qui a gardé sa version\u00a0: titre du brouillon et texte de l’indiscret. Votre version n’est plus gardée que dans cet avis\u00a0: copiez-la avant de le fermer.',
    );
    // One field, no words to keep (a date), nobody named: no copy offered.
    expect(issue!.textContent).toContain(
      'vous aviez changé un champ en même temps qu’un autre membre de la rédaction, qui a gardé sa version\u00a0: date.',
    );
    expect(within(issue!).queryByRole('button', { name: 'Copier ce que vous aviez écrit' })).toBe(
      null,
    );
    // Nothing to choose: a status, not an alert.
    expect(within(draft!).getByText(/Rédac/).getAttribute('role')).toBe('status');

    fireEvent.click(within(draft!).getByRole('button', { name: 'Copier ce que vous aviez écrit' }));
    await waitFor(() =>
      expect(within(draft!).getByTestId('sync-overridden-copied').textContent).toBe(
        'Copié\u00a0: collez-le où vous voulez le garder.',
      ),
    );
    expect(copied).toEqual([
      {
        'text/html':
          '<p><strong>Titre du brouillon\u00a0:</strong> Le ministre à Bercy</p>\n<p>Ma version.</p>',
        'text/plain': 'Titre du brouillon\u00a0: Le ministre à Bercy\n\nMa version.',
      },
    ]);
    fireEvent.click(within(draft!).getByRole('button', { name: 'Compris' }));
    await waitFor(() =>
      expect(calls).toContainEqual(['syncDismissOverridden', { key: 'draft:d1' }]),
    );
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('says a colleague’s edit merged into a text quietly, and closes the notice once read', async () => {
    await db.syncState.put({
      ...contributorState,
      textMerges: [
        {
          key: 'draft:d1',
          kind: 'draft',
          recordId: 'd1',
          title: 'Le ministre et Bercy',
          fields: ['body', 'note'],
          by: 'Rédac',
          at: '2026-03-15T10:00:00Z',
        },
        {
          key: 'issue:i1',
          kind: 'issue',
          recordId: 'i1',
          title: 'Les indiscrets du 15 mars',
          fields: ['intro'],
          at: '2026-03-15T10:01:00Z',
        },
      ],
    });
    background({ syncDismissTextMerge: contributorState });
    render(<SharedDeskBar />);

    const [draft, issue] = await screen.findAllByTestId('sync-merged');
    expect(draft!.textContent).toContain(
      '«\u00a0Le ministre et Bercy\u00a0»\u00a0: Rédac a modifié le texte et la note partagée en même temps que vous, mais à d’autres endroits\u202f; ses modifications ont été ajoutées aux vôtres.',
    );
    expect(issue!.textContent).toContain(
      'un autre membre de la rédaction a modifié le chapô en même temps que vous',
    );
    // Nothing to choose: a status read in passing, not an alert.
    expect(draft!.getAttribute('role')).toBe('status');
    fireEvent.click(within(draft!).getByRole('button', { name: 'Compris' }));
    await waitFor(() => expect(calls).toEqual([['syncDismissTextMerge', { key: 'draft:d1' }]]));
  });

  it('says who put back an issue that had been deleted, named by its date when untitled, and closes the notice once read', async () => {
    await db.syncState.put({
      ...contributorState,
      issuesBack: [
        {
          key: 'issue:i1',
          issueId: 'i1',
          title: 'Les indiscrets du 15 mars',
          date: '2026-03-15',
          by: 'Rédactrice en chef',
          at: '2026-03-15T10:00:00Z',
        },
        {
          key: 'issue:i2',
          issueId: 'i2',
          title: '',
          date: '2026-03-22',
          at: '2026-03-15T10:01:00Z',
        },
      ],
    });
    background({ syncDismissIssueBack: contributorState });
    render(<SharedDeskBar />);

    const [named, anon] = await screen.findAllByTestId('sync-issue-back');
    expect(named!.textContent).toContain(
      'Rédactrice en chef a remis dans la rédaction partagée le numéro «\u00a0Les indiscrets du 15 mars\u00a0», qui avait été supprimé, avec ses indiscrets.',
    );
    expect(anon!.textContent).toContain(
      'Un autre membre de la rédaction a remis dans la rédaction partagée le numéro «\u00a0Les indiscrets du 22 mars\u00a0»',
    );
    expect(named!.getAttribute('role')).toBe('status');
    fireEvent.click(within(named!).getByRole('button', { name: 'Compris' }));
    await waitFor(() => expect(calls).toEqual([['syncDismissIssueBack', { key: 'issue:i1' }]]));
  });

  it('names an issue’s chapô and a draft’s shared note as what differs, not as their form fields', async () => {
    await db.syncState.put(contributorState);
    await db.conflicts.put(
      storedConflict('issue', 'i1', 'Les indiscrets du 15 mars', [
        { field: 'intro', base: 'a', mine: 'Mien', theirs: 'Sien' },
      ]),
    );
    await db.conflicts.put(
      storedConflict('draft', 'd1', 'Le ministre et Bercy', [
        { field: 'note', base: 'a', mine: 'Mienne', theirs: 'Sienne' },
      ]),
    );
    background({ syncResolve: contributorState });
    render(<SharedDeskBar />);

    expect(
      await screen.findByRole('button', { name: 'Garder la mienne\u00a0: Chapô' }),
    ).toBeTruthy();
    // The note in a conflict is the shared one: « privée » would say the opposite.
    expect(
      await screen.findByRole('button', {
        name: 'Garder la mienne\u00a0: Note partagée',
      }),
    ).toBeTruthy();
  });

  it('names an issue’s title as one, not as a draft’s title', async () => {
    await db.syncState.put(contributorState);
    await db.conflicts.put(
      storedConflict('issue', 'i1', 'Les indiscrets du 15 mars', [
        { field: 'title', base: 'a', mine: 'Mien', theirs: 'Sien' },
      ]),
    );
    await db.conflicts.put(
      storedConflict('draft', 'd1', 'Le ministre et Bercy', [
        { field: 'title', base: 'a', mine: 'Mien', theirs: 'Sien' },
      ]),
    );
    background({ syncResolve: contributorState });
    render(<SharedDeskBar />);

    expect(
      await screen.findByRole('button', { name: 'Garder la mienne\u00a0: Titre du numéro' }),
    ).toBeTruthy();
    expect(
      await screen.findByRole('button', { name: 'Garder la mienne\u00a0: Titre du brouillon' }),
    ).toBeTruthy();
    setLocale('en');
    try {
      expect(conflictFieldLabel('issue', 'title')).toBe('Issue title');
      expect(conflictFieldLabel('draft', 'title')).toBe('Draft title');
    } finally {
      setLocale('fr');
    }
  });

  it('shows both versions of a conflicting field and sends the choice once every field is chosen', async () => {
    await db.syncState.put(contributorState);
    await db.conflicts.put(
      storedConflict(
        'draft',
        'd1',
        'Le ministre et Bercy',
        [
          {
            field: 'title',
            base: 'Le ministre',
            mine: 'Le ministre part',
            theirs: 'Le ministre reste',
          },
          { field: 'body', base: '<p>a</p>', mine: '<p>Mien</p>', theirs: '<p>Sien</p>' },
        ],
        'Rédac',
      ),
    );
    background({ syncResolve: contributorState });
    render(<SharedDeskBar />);

    const conflict = await screen.findByTestId('sync-conflict');
    // Who and where: the other editor on the shared desk, not « another window ».
    expect(conflict.textContent).toContain(
      '«\u00a0Le ministre et Bercy\u00a0» a été modifié dans la rédaction partagée par Rédac pendant que vous écriviez.',
    );
    expect(conflict.textContent).not.toContain('fenêtre');
    expect(screen.getAllByTestId('conflict-theirs').map((p) => p.textContent)).toEqual([
      'Le ministre reste',
      'Sien',
    ]);
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Prendre l’autre\u00a0: Titre du brouillon',
      }),
    );
    // One field still open: nothing sent yet.
    expect(calls).toEqual([]);
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Garder la mienne\u00a0: Texte de l’indiscret',
      }),
    );

    await waitFor(() =>
      expect(calls).toEqual([
        ['syncResolve', { key: 'draft:d1', choose: { title: 'theirs', body: 'mine' } }],
      ]),
    );
  });

  it('« Garder la mienne » says the choice, and the keyboard goes to the next field, then back to the field written in', async () => {
    await db.syncState.put(contributorState);
    await db.conflicts.put(
      storedConflict(
        'issue',
        'i1',
        'Les indiscrets du 15 mars',
        [
          { field: 'date', base: '2026-03-15', mine: '2026-03-16', theirs: '2026-03-17' },
          { field: 'intro', base: 'Chapô', mine: 'Mon chapô', theirs: 'Son chapô' },
        ],
        'Rédac',
      ),
    );
    // The background's resolve: the conflict settled, nothing to undo (their version not taken).
    settling('issue:i1');
    render(
      <AnnouncerProvider>
        <textarea aria-label="Chapô (facultatif)" />
        <SharedDeskBar />
      </AnnouncerProvider>,
    );
    // The editor writes in the chapô when the box comes.
    const intro = screen.getByRole('textbox', { name: 'Chapô (facultatif)' });
    intro.focus();
    const first = await screen.findByRole('button', {
      name: 'Garder la mienne\u00a0: Date',
    });
    first.focus();
    fireEvent.click(first);
    // The date chosen (its buttons gone): the keyboard on the chapô's choice, not on nothing.
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Garder la mienne\u00a0: Chapô' }),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Garder la mienne\u00a0: Chapô' }));

    await waitFor(() => expect(screen.queryByTestId('sync-conflict')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(intro));
    expect(screen.getByTestId('announcement').textContent).toBe(
      'Vous avez gardé votre version de «\u00a0Les indiscrets du 15 mars\u00a0».',
    );
  });

  it('offers « Garder les deux » for a text, not for a title, and says the choice', async () => {
    await db.syncState.put(contributorState);
    await db.conflicts.put(
      storedConflict(
        'draft',
        'd1',
        'Le ministre et Bercy',
        [
          { field: 'title', base: 'Le ministre', mine: 'Le ministre part', theirs: 'Il reste' },
          { field: 'body', base: '<p>a</p>', mine: '<p>Mien</p>', theirs: '<p>Sien</p>' },
        ],
        'Rédac',
      ),
    );
    settling('draft:d1');
    render(
      <AnnouncerProvider>
        <SharedDeskBar />
      </AnnouncerProvider>,
    );

    const both = await screen.findByRole('button', {
      name: 'Garder les deux versions\u00a0: Texte de l’indiscret',
    });
    // What it keeps is said beside it, and read with it.
    expect(both.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(both.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Vos paragraphes, puis ceux que l’autre version a en plus\u00a0: à relire ensuite.',
    );
    expect(screen.getAllByTestId('conflict-keep-both')).toHaveLength(1);
    fireEvent.click(
      screen.getByRole('button', { name: 'Garder la mienne\u00a0: Titre du brouillon' }),
    );
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Garder les deux versions\u00a0: Texte de l’indiscret',
      }),
    );

    await waitFor(() =>
      expect(calls).toEqual([
        ['syncResolve', { key: 'draft:d1', choose: { title: 'mine', body: 'both' } }],
      ]),
    );
    // Answered without an undo: the text kept both added nothing to the editor's (their own
    // already held the other's words), which is said as it is.
    await waitFor(() =>
      expect(screen.getByTestId('announcement').textContent).toBe(
        'Vous avez gardé votre version de «\u00a0Le ministre et Bercy\u00a0».',
      ),
    );
  });

  it.each([
    [
      'settled',
      'Le conflit sur «\u00a0Le ministre\u00a0» était déjà réglé\u00a0: votre choix n’a rien changé.',
    ],
    [
      'gone',
      '«\u00a0Le ministre\u00a0» a été supprimé entre-temps\u00a0: votre choix n’a rien changé.',
    ],
  ])(
    'says why a choice wrote nothing (%s), not that the editor kept their version',
    async (unwritten, said) => {
      await db.syncState.put(contributorState);
      await db.conflicts.put(
        storedConflict(
          'draft',
          'd1',
          'Le ministre',
          [{ field: 'title', base: 'Le ministre', mine: 'Le ministre part', theirs: 'Il reste' }],
          'Rédac',
        ),
      );
      settling('draft:d1', { ...contributorState, unwritten });
      render(
        <AnnouncerProvider>
          <SharedDeskBar />
        </AnnouncerProvider>,
      );

      fireEvent.click(
        await screen.findByRole('button', { name: 'Prendre l’autre\u00a0: Titre du brouillon' }),
      );

      await waitFor(() => expect(screen.getByTestId('announcement').textContent).toBe(said));
    },
  );

  it.each([
    ['before', true],
    ['after', false],
  ])(
    'asks again when the conflict was found anew on other fields (its new box drawn %s the answer), the keyboard on it',
    async (_when, before) => {
      await db.syncState.put(contributorState);
      const first = storedConflict(
        'issue',
        'i1',
        'Les indiscrets du 15 mars',
        [{ field: 'date', base: '2026-03-15', mine: '2026-03-16', theirs: '2026-03-17' }],
        'Rédac',
      );
      await db.conflicts.put(first);
      // Found anew while the editor chose: the date no longer conflicts, the chapô does.
      const anew: SyncConflict = {
        ...first,
        fields: [{ field: 'intro', base: 'Chapô', mine: 'Mon chapô', theirs: 'Son chapô' }],
        remoteVersion: 5,
        detectedAt: '2026-03-15T10:01:00Z',
      };
      const asked = () => screen.getByRole('button', { name: 'Garder la mienne\u00a0: Chapô' });
      unregister = registerHandlers({
        syncResolve: async () => {
          await db.conflicts.put(anew);
          if (before) await waitFor(() => expect(asked()).toBeTruthy());
          return { ...contributorState, unwritten: 'changed' };
        },
      } as unknown as Handlers);
      render(
        <AnnouncerProvider>
          <SharedDeskBar />
        </AnnouncerProvider>,
      );
      const button = await screen.findByRole('button', { name: 'Garder la mienne\u00a0: Date' });
      button.focus();
      fireEvent.click(button);

      await waitFor(() =>
        expect(screen.getByTestId('announcement').textContent).toBe(
          '«\u00a0Les indiscrets du 15 mars\u00a0» a encore changé entre-temps\u00a0: choisissez de nouveau.',
        ),
      );
      await waitFor(() => expect(document.activeElement).toBe(asked()));
    },
  );

  it('does not offer « Garder les deux » for a note taken back private since the box opened', async () => {
    await db.syncState.put(contributorState);
    await db.clips.clear();
    const draft = await addDraft(db, { note: 'Ma note, privée', noteShared: false });
    await db.conflicts.put(
      storedConflict(
        'draft',
        draft.id,
        'Le ministre et Bercy',
        [
          { field: 'note', base: 'Note', mine: 'Ma note', theirs: 'Note, par A.' },
          { field: 'body', base: '<p>a</p>', mine: '<p>Mien</p>', theirs: '<p>Sien</p>' },
        ],
        'Rédac',
      ),
    );
    render(
      <AnnouncerProvider>
        <SharedDeskBar />
      </AnnouncerProvider>,
    );

    await screen.findByRole('button', {
      name: 'Garder les deux versions\u00a0: Texte de l’indiscret',
    });
    // Once the record is read (the box shows the note as it is now).
    await waitFor(() => expect(screen.getAllByTestId('conflict-keep-both')).toHaveLength(1));
    expect(
      screen.queryByRole('button', { name: /^Garder les deux versions\u00a0: Note/ }),
    ).toBeNull();
  });
});

describe('SharedDeskBar › the conflict box while the editor types', () => {
  it('shows as « Votre version » the text as typed since the box opened', async () => {
    await db.syncState.put(contributorState);
    const draft = await addDraft(db, { body: '<p>Mien</p>' });
    await db.conflicts.put(
      storedConflict(
        'draft',
        draft.id,
        draft.title,
        [{ field: 'body', base: '<p>a</p>', mine: '<p>Mien</p>', theirs: '<p>Sien</p>' }],
        'Rédac',
      ),
    );
    background({ syncResolve: contributorState });
    render(<SharedDeskBar />);
    const mine = async () => (await screen.findByTestId('conflict-mine')).textContent;
    await waitFor(async () => expect(await mine()).toBe('Mien'));

    await updateDraft(draft.id, { body: '<p>Mien, et la suite</p>' });

    await waitFor(async () => expect(await mine()).toBe('Mien, et la suite'));
    expect((await screen.findByTestId('conflict-theirs')).textContent).toBe('Sien');
  });

  it('shows as « Votre version » the sources and tags as changed since the box opened', async () => {
    await db.syncState.put(contributorState);
    const le = { url: 'https://exemple.fr/le', title: 'Le Monde' };
    const draft = await addDraft(db, { sources: [le], tags: ['mien'] });
    await db.conflicts.put(
      storedConflict(
        'draft',
        draft.id,
        draft.title,
        [
          {
            field: 'sources',
            base: [],
            mine: [le],
            theirs: [{ url: 'https://x.fr', title: 'Sien' }],
          },
          { field: 'tags', base: [], mine: ['mien'], theirs: ['sien'] },
        ],
        'Rédac',
      ),
    );
    background({ syncResolve: contributorState });
    render(<SharedDeskBar />);
    const mine = async () =>
      (await screen.findAllByTestId('conflict-mine')).map((el) => el.textContent);
    await waitFor(async () => expect(await mine()).toEqual(['Le Monde', 'mien']));

    await updateDraft(draft.id, {
      sources: [le, { url: 'https://exemple.fr/lib', title: 'Libération' }],
      tags: ['mien', 'ajouté'],
    });

    await waitFor(async () =>
      expect(await mine()).toEqual(['Le Monde\u202f; Libération', 'mien\u202f; ajouté']),
    );
  });
});

describe('SharedDeskBar › the versions of a text', () => {
  it('shows a text’s paragraphs, and a chapô’s lines, one a line, not run on', async () => {
    await db.syncState.put(contributorState);
    await db.conflicts.put({
      key: 'issue:i1',
      kind: 'issue',
      recordId: 'i1',
      title: 'Les indiscrets du 15 mars',
      fields: [{ field: 'intro', base: 'Un.', mine: 'Un.\nDeux, par moi.', theirs: 'Un.\nDeux.' }],
      remoteVersion: 2,
      detectedAt: '2026-03-15T10:00:00Z',
    });
    await db.conflicts.put({
      key: 'draft:d2',
      kind: 'draft',
      recordId: 'd2',
      title: 'Le ministre part',
      fields: [
        {
          field: 'body',
          base: '<p>a</p>',
          mine: '<p>La fin.</p><p>Le début &amp; la suite.</p>',
          theirs: '<p>La fin.</p><ul><li>Un</li><li>Deux</li></ul>',
        },
      ],
      remoteVersion: 2,
      detectedAt: '2026-03-15T10:00:00Z',
    });
    background({ syncResolve: contributorState });
    render(<SharedDeskBar />);

    await waitFor(() => expect(screen.getAllByTestId('conflict-mine')).toHaveLength(2));
    const field = (name: string) =>
      screen.getAllByTestId('conflict').find((el) => el.querySelector('h3')?.textContent === name);
    const [intro, body] = [field('Chapô'), field('Texte de l’indiscret')];
    // The chapô's lines, one a line.
    const text = (conflict: HTMLElement, id: string) => within(conflict).getByTestId(id);
    expect(text(intro!, 'conflict-mine').textContent).toBe('Un.\nDeux, par moi.');
    expect(text(intro!, 'conflict-theirs').textContent).toBe('Un.\nDeux.');
    // The text as it reads: its paragraphs and its list's entries.
    const blocks = (conflict: HTMLElement, id: string) =>
      [...text(conflict, id).querySelectorAll('p, li')].map(
        (el) => `${el.localName}: ${el.textContent}`,
      );
    expect(blocks(body!, 'conflict-mine')).toEqual(['p: La fin.', 'p: Le début & la suite.']);
    expect(blocks(body!, 'conflict-theirs')).toEqual(['p: La fin.', 'li: Un', 'li: Deux']);
  });
});

describe('SharedDeskBar › « Prendre l’autre » and « Garder les deux » undone', () => {
  /** A draft whose text another editor changed too: its conflict, stored as a sync leaves it. */
  async function bodyConflict() {
    await db.syncState.put(contributorState);
    await db.clips.clear();
    const draft = await addDraft(db, { title: 'Le ministre et Bercy', body: '<p>Mien</p>' });
    const conflict = storedConflict(
      'draft',
      draft.id,
      'Le ministre et Bercy',
      [{ field: 'body', base: '<p>a</p>', mine: '<p>Mien</p>', theirs: '<p>Sien</p>' }],
      'Rédac',
    );
    await db.conflicts.put(conflict);
    return { draft, conflict };
  }

  it.each([
    {
      choice: 'Prendre l’autre',
      // The other version written.
      wrote: '<p>Sien</p>',
      said: 'Vous avez pris la version de Rédac de «\u00a0Le ministre et Bercy\u00a0».',
    },
    {
      choice: 'Garder les deux versions',
      // The text holding both: the editor's words, then the other's.
      wrote: '<p>Mien</p><p>Sien</p>',
      said: 'Vous avez gardé les deux versions de «\u00a0Le ministre et Bercy\u00a0»\u00a0: relisez le texte.',
    },
  ])(
    'offers « Annuler » after $choice, which brings back the editor’s text and the box',
    async ({ choice, wrote, said }) => {
      const { draft, conflict } = await bodyConflict();
      // The background's resolve, as services/sync/conflicts.ts does it: the text written, the
      // conflict settled, and the undo of it answered (knowing the text it wrote, when not the
      // other's).
      unregister = registerHandlers({
        syncResolve: async () => {
          const before = (await db.clips.get(draft.id))!;
          await db.clips.update(draft.id, { body: wrote });
          await db.conflicts.delete(conflict.key);
          const token =
            wrote === conflict.fields[0]!.theirs
              ? conflictChoiceToken(conflict, before)
              : conflictChoiceToken(conflict, before, ['body'], { body: wrote });
          return { ...contributorState, undo: token };
        },
      } as unknown as Handlers);
      render(
        <UndoProvider>
          <SharedDeskBar />
        </UndoProvider>,
      );

      fireEvent.click(
        await screen.findByRole('button', { name: `${choice}\u00a0: Texte de l’indiscret` }),
      );
      const bar = await screen.findByTestId('undo-bar');
      expect(bar.textContent).toContain(said);
      await waitFor(() => expect(screen.queryByTestId('sync-conflict')).toBeNull());
      fireEvent.click(within(bar).getByRole('button', { name: 'Annuler' }));

      await waitFor(() => expect(screen.queryByTestId('undo-bar')).toBeNull());
      expect((await db.clips.get(draft.id))!.body).toBe('<p>Mien</p>');
      // The box is back, to choose again: both versions, both buttons.
      const back = await screen.findByTestId('sync-conflict');
      expect(within(back).getByTestId('conflict-mine').textContent).toBe('Mien');
      expect(within(back).getByTestId('conflict-theirs').textContent).toBe('Sien');
      expect(
        within(back).getByRole('button', {
          name: 'Garder la mienne\u00a0: Texte de l’indiscret',
        }),
      ).toBeTruthy();
    },
  );
});

describe('SharedDeskBar › an issue deleted elsewhere while changed here', () => {
  const notice = {
    key: 'issue:i1:deleted',
    kind: 'issue' as const,
    recordId: 'i1',
    title: 'Les indiscrets du 15 mars',
    fields: [],
    deletedBy: 'Rédac',
    remoteVersion: 5,
    detectedAt: '2026-03-15T10:00:00Z',
  };

  it('says who deleted it and that it is back with the changes, and deletes it too if asked', async () => {
    await db.syncState.put(contributorState);
    await db.conflicts.put(notice);
    background({ syncResolve: contributorState });
    render(<SharedDeskBar />);

    const told = await screen.findByTestId('sync-deleted');
    expect(told.textContent).toContain(
      'Rédac a supprimé le numéro «\u00a0Les indiscrets du 15 mars\u00a0»\u202f; vous l’aviez modifié sans l’avoir encore envoyé\u00a0: il est remis dans la rédaction partagée, avec vos modifications et ses indiscrets.',
    );
    // Not a field-by-field chooser: there is no field to choose.
    expect(screen.queryByTestId('sync-conflict')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Le supprimer aussi' }));
    await waitFor(() =>
      expect(calls).toEqual([
        ['syncResolve', { key: 'issue:i1:deleted', choose: { deleted: 'theirs' } }],
      ]),
    );
  });

  it('offers « Annuler » once deleted too, as any deletion of an issue', async () => {
    await db.syncState.put(contributorState);
    await db.conflicts.put(notice);
    // The background's answer: the issue deleted (storage/issues.ts deleteIssue), its undo. A
    // real one: a view drops an offer whose action is not in effect.
    const issue = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    const token = (await deleteIssue(issue.id))!;
    unregister = registerHandlers({
      syncResolve: async () => ({ ...contributorState, undo: token }),
    } as unknown as Handlers);
    render(
      <UndoProvider>
        <SharedDeskBar />
      </UndoProvider>,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Le supprimer aussi' }));

    const bar = await screen.findByTestId('undo-bar');
    expect(bar.textContent).toContain('«\u00a0Les indiscrets du 15 mars\u00a0» est supprimé');
  });

  it('keeps it with « Garder le numéro », and says so without a name when none is known', async () => {
    await db.syncState.put(contributorState);
    await db.conflicts.put({ ...notice, deletedBy: '' });
    background({ syncResolve: contributorState });
    render(<SharedDeskBar />);

    const told = await screen.findByTestId('sync-deleted');
    expect(told.textContent).toMatch(/^Un autre membre de la rédaction a supprimé le numéro/);
    fireEvent.click(screen.getByRole('button', { name: 'Garder le numéro' }));
    await waitFor(() =>
      expect(calls).toEqual([
        ['syncResolve', { key: 'issue:i1:deleted', choose: { deleted: 'mine' } }],
      ]),
    );
  });
});

describe('SharedDeskBar › a draft deleted here and edited there meanwhile', () => {
  const kept = {
    key: 'draft:d1',
    recordId: 'd1',
    title: 'Le ministre et le yacht',
    by: 'Rédac',
    at: '2026-03-15T10:00:00Z',
  };

  it('says it is kept, as a status, and « Le garder » only closes the notice', async () => {
    await db.syncState.put({
      ...contributorState,
      keptDrafts: [kept, { ...kept, key: 'draft:d2', by: undefined }],
    });
    background({ syncKeepKept: contributorState });
    render(<SharedDeskBar />);

    const [named, anonymous] = await screen.findAllByTestId('sync-kept');
    expect(named!.textContent).toContain(
      'Vous aviez supprimé le brouillon «\u00a0Le ministre et le yacht\u00a0», mais Rédac l’a modifié entre-temps\u00a0: il est gardé.',
    );
    expect(anonymous!.textContent).toContain(
      'mais un autre membre de la rédaction l’a modifié entre-temps',
    );
    expect(named!.getAttribute('role')).toBe('status');
    fireEvent.click(within(named!).getByRole('button', { name: 'Le garder' }));
    await waitFor(() => expect(calls).toEqual([['syncKeepKept', { key: 'draft:d1' }]]));
  });

  it('a draft merged into another says « fusionné dans « … » », not « supprimé »', async () => {
    await db.syncState.put({
      ...contributorState,
      keptDrafts: [
        { ...kept, mergedInto: 'Le yacht du ministre' },
        { ...kept, key: 'draft:d2', by: undefined, mergedInto: 'Le yacht du ministre' },
      ],
    });
    render(<SharedDeskBar />);

    const [named, anonymous] = await screen.findAllByTestId('sync-kept');
    expect(named!.textContent).toContain(
      'Vous aviez fusionné le brouillon «\u00a0Le ministre et le yacht\u00a0» dans «\u00a0Le yacht du ministre\u00a0», mais Rédac l’a modifié entre-temps\u00a0: il est gardé.',
    );
    expect(anonymous!.textContent).toContain(
      'dans «\u00a0Le yacht du ministre\u00a0», mais un autre membre de la rédaction l’a modifié',
    );
    expect(named!.textContent).not.toContain('supprimé');
  });

  it('« Le supprimer quand même » deletes it, with « Annuler » as any deletion', async () => {
    await db.syncState.put({ ...contributorState, keptDrafts: [kept] });
    // The background's answer: the draft deleted for good, its undo. A real one: a view drops
    // an offer whose action is not in effect.
    const draft = await addDraft(db, { title: 'Le ministre et le yacht' });
    await db.clips.delete(draft.id);
    const token = { label: 'trash' as const, before: [draft], after: [] };
    unregister = registerHandlers({
      syncDeleteKept: async (request: unknown) => {
        calls.push(['syncDeleteKept', request]);
        return { ...contributorState, undo: token };
      },
    } as unknown as Handlers);
    render(
      <UndoProvider>
        <SharedDeskBar />
      </UndoProvider>,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Le supprimer quand même' }));

    const bar = await screen.findByTestId('undo-bar');
    expect(bar.textContent).toContain('«\u00a0Le ministre et le yacht\u00a0» est supprimé.');
    expect(calls).toEqual([['syncDeleteKept', { key: 'draft:d1' }]]);
  });
});

describe('SharedDeskSettings › turning the shared desk on', () => {
  beforeEach(async () => {
    await wordpressItem.setValue({
      siteUrl: 'https://monsite.fr',
      username: 'pigiste',
      category: 'Indiscrets',
      status: 'draft',
    });
    await wordpressPasswordItem.setValue('abcd efgh');
  });

  it('asks first with what will be sent, then starts the first sync', async () => {
    background({
      syncDiscover: deskProbe('contributor'),
      syncPlan: { localDrafts: 12, localIssues: 1, remoteDrafts: 40, remoteIssues: 3 },
      syncEnable: contributorState,
    });
    render(<SharedDeskSettings />);

    fireEvent.click(await screen.findByRole('button', { name: 'Activer la rédaction partagée' }));

    const question = await screen.findByText(
      'Envoyer vos 12 brouillons et 1 numéro à la rédaction ?',
    );
    expect(question).toBeTruthy();
    expect(screen.getByText(/La rédaction en a déjà 40 brouillons et 3 numéros/)).toBeTruthy();
    expect(calls.map(([type]) => type)).toEqual(['syncDiscover', 'syncPlan']);
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer et activer' }));
    await waitFor(() => expect(calls.map(([type]) => type)).toContain('syncEnable'));
  });

  it('says it is turning on while the site answers, not offering « Activer la rédaction partagée » again meanwhile', async () => {
    let answer: (state: unknown) => void = () => {};
    unregister = registerHandlers({
      syncDiscover: async () => deskProbe('contributor'),
      syncPlan: async () => ({ localDrafts: 2, localIssues: 0, remoteDrafts: 40, remoteIssues: 3 }),
      // A slow site: the background answers once WordPress has.
      syncEnable: () => new Promise((resolve) => (answer = resolve)),
    } as unknown as Handlers);
    render(<SharedDeskSettings />);
    fireEvent.click(await screen.findByRole('button', { name: 'Activer la rédaction partagée' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Envoyer et activer' }));

    const waiting = await screen.findByRole('button', { name: 'Activation…' });
    expect(waiting).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: 'Activer la rédaction partagée' })).toBeNull();

    // Answered, still off with no reason to say: the button is back, to try again.
    answer(SYNC_OFF);
    await screen.findByRole('button', { name: 'Activer la rédaction partagée' });
  });

  it('offers no « Envoyer vos 0 brouillons » when nothing of this browser’s is new to the desk (a rejoin)', async () => {
    background({
      syncDiscover: deskProbe('contributor'),
      syncPlan: { localDrafts: 0, localIssues: 0, remoteDrafts: 3024, remoteIssues: 61 },
      syncEnable: contributorState,
    });
    render(<SharedDeskSettings />);

    fireEvent.click(await screen.findByRole('button', { name: 'Activer la rédaction partagée' }));

    expect(
      // The narrow no-break space before « ? » reads as a space to the matcher.
      await screen.findByText(
        'Activer la rédaction partagée ? Ce navigateur n’a rien de nouveau à lui envoyer.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/Envoyer vos/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Activer' }));
    await waitFor(() => expect(calls.map(([type]) => type)).toContain('syncEnable'));
  });

  it('shows the first sync’s progress with a Cancel button', async () => {
    await db.syncState.put({
      ...contributorState,
      phase: 'first-sync',
      firstSyncDone: false,
      progress: { step: 'download', done: 30, total: 43 },
    });
    background({ syncDiscover: { ok: false, code: 'offline' }, syncCancel: SYNC_OFF });
    render(<SharedDeskSettings />);

    const progress = await screen.findByTestId('first-sync');
    expect(progress.textContent).toContain('Réception de la rédaction\u00a0: 30 sur 43');
    expect(progress.querySelector('progress')?.getAttribute('value')).toBe('30');
    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(calls.map(([type]) => type)).toContain('syncCancel'));
  });

  it('turns off and says the drafts stay in this browser', async () => {
    await db.syncState.put(contributorState);
    background({ syncDiscover: { ok: false, code: 'timeout' }, syncDisable: SYNC_OFF });
    render(<SharedDeskSettings />);

    fireEvent.click(
      await screen.findByRole('button', { name: 'Désactiver la rédaction partagée' }),
    );

    await waitFor(() => expect(calls.map(([type]) => type)).toContain('syncDisable'));
    expect(screen.getByTestId('sync-switch').textContent).toContain(
      'laisse tous vos brouillons et numéros dans ce navigateur',
    );
  });

  it('says a 401 once, in the error colour: the sync line under it says when it last went through, amber as the desk’s dot', async () => {
    await db.syncState.put(
      deskState('contributor', {
        lastSyncAt: new Date(new Date().setHours(21, 25, 0, 0)).toISOString(),
        lastError: { code: 'wrong_credentials', at: new Date().toISOString() },
      }),
    );
    background({ syncDiscover: { ok: false, code: 'wrong_credentials' } });
    render(<SharedDeskSettings />);

    const problem = await screen.findByTestId('desk-problem');
    expect(problem.className).toContain('notice--error');
    const line = await screen.findByTestId('sync-on');
    expect(line.textContent).toBe('Dernière synchronisation à 21\u00a0h\u00a025');
    expect(line.className).toContain('notice--warn');
    expect(line.className).not.toContain('notice--ok');
    // « dans les réglages » while in them: never.
    expect(screen.getByTestId('shared-desk').textContent).not.toContain('réglages');
  });

  it('colours the sync line green in step, amber after a failure the check does not say (a timeout)', async () => {
    await db.syncState.put(
      deskState('contributor', {
        lastError: { code: 'timeout', at: new Date().toISOString() },
      }),
    );
    background({ syncDiscover: deskProbe('contributor') });
    render(<SharedDeskSettings />);
    const line = await screen.findByTestId('sync-on');
    // The check went through: the line says the failure itself.
    await waitFor(() => expect(line.textContent).toContain('Le site n’a pas répondu à temps'));
    expect(line.className).toContain('notice--warn');

    await db.syncState.put(deskState('contributor'));
    await waitFor(() => expect(line.className).toContain('notice--ok'));
  });
});
