/**
 * A draft with no label, no text and no title (aa3a105's « Brouillon sans titre »), as the shared
 * desk's notices and the trash's merged-into lines name it: they said « «  » », empty quotes.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DraftEditor } from '../../../components/DraftEditor';
import { draftName } from '../../../components/draftName';
import { MergedIntoNotice } from '../../../components/MergedIntoNotice';
import { keptSentence, SharedDeskBar } from '../../../components/SharedDeskBar';
import { takenOutSentence } from '../../../components/TakenOutNotice';
import { setLocale } from '../../../locales/core';
import { registerHandlers, type Handlers } from '../../../messaging/protocol';
import { db } from '../../../storage/db';
import type { SyncConflict, SyncTakenOut } from '../../../storage/sync-state';
import { deskState } from '../desk-fixtures';
import { addDraft } from '../storage/helpers';
import { clearSharedDesk, wrap } from './desk-views';

const UNTITLED = '«\u00a0Brouillon sans titre\u00a0»';
const contributorState = deskState('contributor');

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => {});
  vi.spyOn(fakeBrowser.permissions.onAdded, 'removeListener').mockImplementation(() => {});
  await clearSharedDesk();
});
afterEach(() => {
  cleanup();
  setLocale('fr');
});

describe('a draft with no name, in the shared desk’s notices', () => {
  it('the notice of a draft deleted here and edited there names it « Brouillon sans titre »', () => {
    const kept = { key: 'draft:d1', recordId: 'd1', title: '', by: 'Rédac', at: '2026-03-15' };
    expect(keptSentence(kept)).toContain(`le brouillon ${UNTITLED}`);
    expect(keptSentence({ ...kept, mergedInto: '' })).toContain(`dans ${UNTITLED}`);
    setLocale('en');
    expect(keptSentence(kept)).toContain('“Untitled draft”');
  });

  it('a colleague taking it out of the issue is said by that name', () => {
    const notice: SyncTakenOut = {
      key: 'draft:d1',
      recordId: 'd1',
      issueId: 'i1',
      title: '',
      to: 'inbox',
      by: 'Paul Martin',
      at: '2026-03-15T10:00:00.000Z',
    };
    expect(takenOutSentence(notice, { issueName: () => undefined })).toContain(UNTITLED);
  });

  it('the overridden and merged notices of a draft name it so, an issue keeping its own', async () => {
    await db.syncState.put({
      ...contributorState,
      overridden: [
        {
          key: 'draft:d1',
          kind: 'draft',
          recordId: 'd1',
          title: '',
          fields: ['date'],
          by: 'Rédac',
          mine: {},
          at: '2026-03-15T10:00:00Z',
        },
      ],
      textMerges: [
        {
          key: 'draft:d2',
          kind: 'draft',
          recordId: 'd2',
          title: '',
          fields: ['body'],
          by: 'Rédac',
          at: '2026-03-15T10:00:00Z',
        },
      ],
    });
    render(<SharedDeskBar />);
    expect((await screen.findByTestId('sync-overridden')).textContent).toContain(UNTITLED);
    expect((await screen.findByTestId('sync-merged')).textContent).toContain(UNTITLED);
  });

  it('the conflict box of a draft names it so', async () => {
    const conflict: SyncConflict = {
      key: 'draft:d1',
      kind: 'draft',
      recordId: 'd1',
      title: '',
      fields: [{ field: 'body', base: '<p>a</p>', mine: '<p>Mien</p>', theirs: '<p>Sien</p>' }],
      theirsBy: 'Rédac',
      remoteVersion: 4,
      detectedAt: '2026-03-15T10:00:00Z',
    };
    await db.syncState.put(contributorState);
    await db.conflicts.put(conflict);
    render(<SharedDeskBar />);
    const box = await screen.findByTestId('sync-conflict');
    expect(box.textContent).toContain(`${UNTITLED} a été modifié`);
  });
});

describe('a draft merged into one with no name, on its trash row', () => {
  it('says « Brouillon sans titre », in the line and its « Ouvrir »', () => {
    render(<MergedIntoNotice target={{ id: 'd2', title: '', by: 'Rédac' }} onOpen={() => {}} />);
    expect(screen.getByTestId('merged-into').textContent).toContain(UNTITLED);
    expect(screen.getByRole('button').getAttribute('aria-label')).toContain(UNTITLED);
  });
});

describe('the editor of a draft merged into one with no name', () => {
  it('says « … dans « Brouillon sans titre » », in its notice and its « Ouvrir »', async () => {
    await db.syncState.put(deskState('editor'));
    const unregister = registerHandlers({
      deskLock: async () => ({ ok: true, lock: null }),
    } as unknown as Handlers);
    try {
      const y = await addDraft(db, { title: '', body: '', desk: { remoteId: 2 } });
      const x = await addDraft(db, {
        title: 'Le yacht du ministre',
        deletedAt: new Date().toISOString(),
        desk: { remoteId: 1, mergedInto: y.id, canTrash: true, trashedBy: 'Rédac' },
      });
      wrap(<DraftEditor id={x.id} onClose={() => {}} onOpenDraft={() => {}} />);
      const notice = await screen.findByTestId('draft-trashed');
      await waitFor(() =>
        expect(notice.textContent).toContain(`Rédac a fusionné ce brouillon dans ${UNTITLED}.`),
      );
      expect(screen.getByRole('button', { name: new RegExp(`Ouvrir ${UNTITLED}`) })).toBeTruthy();
    } finally {
      unregister();
    }
  });
});

describe('a draft whose title is only invisible characters', () => {
  it('is named « Brouillon sans titre » (draftName, which its row, the issue list and the sentences name it by)', () => {
    // A zero-width space, a soft hyphen, a no-break space: a page's title may be only that.
    const title = '\u200b\u00ad\u00a0\u2060';
    expect(draftName(title)).toBe('Brouillon sans titre');
    expect(draftName('\u200bLe ministre')).toBe('\u200bLe ministre');
  });
});
