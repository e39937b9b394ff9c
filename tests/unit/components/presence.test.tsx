/**
 * Who else is editing a shared draft, as its editor says it (« Rédac modifie ce brouillon en ce
 * moment… », once: not again on the marks line): said while Rédac holds the draft's edit lock,
 * and no longer once the draft is in the trash, which nobody is editing.
 */
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DraftEditor } from '../../../components/DraftEditor';
import { registerHandlers, type Handlers } from '../../../messaging/protocol';
import { db } from '../../../storage/db';
import { restoreDraft } from '../../../storage/drafts';
import type { DeskLockAnswer } from '../../../storage/sync-state';
import { deskState } from '../desk-fixtures';
import { addDraft } from '../storage/helpers';
import { wrap } from './desk-views';

/** Rédac's edit lock, held for two minutes more. */
const redacLock = () => ({
  by: 'Rédac',
  userId: 3,
  since: new Date(Date.now() - 30_000).toISOString(),
  expires: new Date(Date.now() + 120_000).toISOString(),
});

/** What WordPress answers the editor's lock requests, as the test sets it; every one asked. */
let answer: () => DeskLockAnswer;
let asked: { release?: boolean }[];
let unregister: () => void;
beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await Promise.all([db.clips.clear(), db.syncState.clear(), db.outbox.clear()]);
  asked = [];
  answer = () => ({ ok: false, code: 'locked', lock: redacLock() });
  unregister = registerHandlers({
    deskLock: async ({ release }: { release?: boolean }) => {
      asked.push({ release });
      return release ? { ok: true, lock: null } : answer();
    },
  } as unknown as Handlers);
  await db.syncState.put(deskState('author'));
});
afterEach(() => {
  unregister();
  cleanup();
});

/** A draft of the Author's own, shared, that Rédac (an Editor) has open. */
async function openWhileRedacEdits() {
  const draft = await addDraft(db, {
    title: 'Le ministre part',
    desk: {
      remoteId: 41,
      createdBy: 'Autrice',
      canEdit: true,
      canTrash: true,
      lock: redacLock(),
    },
  });
  wrap(<DraftEditor id={draft.id} onClose={() => {}} />);
  await screen.findByText(/^Rédac modifie ce brouillon en ce moment/);
  return draft;
}

const presence = () => [
  screen.queryByTestId('editing-elsewhere'),
  screen.queryByTestId('desk-lock'),
];

describe('DraftEditor › a colleague editing the draft', () => {
  it('is said once, by the notice that tells what to do, not again on the marks line', async () => {
    await openWhileRedacEdits();
    const notice = screen.getByTestId('editing-elsewhere');
    expect(notice.getAttribute('role')).toBe('status');
    expect(screen.queryByTestId('desk-lock')).toBeNull();
    // No other text in the editor says Rédac is editing it (the buttons' refusals, which say why
    // they are greyed, are not that).
    expect(screen.getByTestId('desk-marks').textContent).toBe('Coupé par Autrice');
    expect(screen.getByTestId('desk-marks').querySelector('[title]')).toBeNull();
    expect(
      screen
        .getAllByText(/Rédac (le )?modifie/)
        .filter((element) => element.dataset.testid !== 'role-reason'),
    ).toEqual([notice]);
  });
});

describe('DraftEditor › a colleague editing the draft, then trashing it', () => {
  it('no longer names the colleague once the trash notice shows', async () => {
    const draft = await openWhileRedacEdits();

    // Rédac trashed it (their lock, as the sync last saw it, still on the mark).
    await db.clips.update(draft.id, {
      deletedAt: new Date().toISOString(),
      desk: { ...draft.desk!, trashedBy: 'Rédac', lock: redacLock() },
    });

    await screen.findByTestId('draft-trashed');
    expect(presence()).toEqual([null, null]);
    // Nothing taken in the trash: the lock this editor asked for is given back.
    await waitFor(() => expect(asked.at(-1)).toEqual({ release: true }));
  });

  it('restored while the colleague no longer has it open: still nobody named', async () => {
    const draft = await openWhileRedacEdits();
    await db.clips.update(draft.id, {
      deletedAt: new Date().toISOString(),
      desk: { ...draft.desk!, trashedBy: 'Rédac', lock: undefined },
    });
    await screen.findByTestId('draft-trashed');

    await waitFor(() => expect(asked.at(-1)).toEqual({ release: true }));
    answer = () => ({ ok: true, lock: null });
    const before = asked.length;
    await restoreDraft(draft.id);

    await waitFor(() => expect(screen.queryByTestId('draft-trashed')).toBeNull());
    // Taken again on coming back, and granted.
    await waitFor(() => expect(asked.slice(before)).toEqual([{ release: undefined }]));
    expect(presence()).toEqual([null, null]);
  });

  it('restored while the colleague edits it again: named again', async () => {
    const draft = await openWhileRedacEdits();
    await db.clips.update(draft.id, {
      deletedAt: new Date().toISOString(),
      desk: { ...draft.desk!, trashedBy: 'Rédac', lock: undefined },
    });
    await screen.findByTestId('draft-trashed');
    expect(presence()).toEqual([null, null]);

    await restoreDraft(draft.id);

    await screen.findByText(/^Rédac modifie ce brouillon en ce moment/);
  });
});

describe('DraftEditor › a colleague leaving the draft', () => {
  it('no longer names them once the sync saw their lock go, without waiting for the renewal', async () => {
    const draft = await openWhileRedacEdits();
    // Rédac closed it: their lock released, which the next sync takes off the mark.
    answer = () => ({ ok: true, lock: null });
    const before = asked.length;
    await db.clips.update(draft.id, { desk: { ...draft.desk!, lock: undefined } });

    await waitFor(() => expect(presence()).toEqual([null, null]));
    expect(asked.slice(before)).toEqual([{ release: undefined }]);
  });

  it('waits for the mark before asking again: a refused take answered before its mark is not asked again', async () => {
    const draft = await addDraft(db, {
      title: 'Le ministre part',
      desk: { remoteId: 41, createdBy: 'Autrice', canEdit: true, canTrash: true },
    });
    wrap(<DraftEditor id={draft.id} onClose={() => {}} />);
    await screen.findByText(/^Rédac modifie ce brouillon en ce moment/);
    // The background marks the record as the refusal says (services/sync/locks.ts, markLock).
    await db.clips.update(draft.id, { desk: { ...draft.desk!, lock: redacLock() } });
    // The editor sees the mark (nothing shows it: its notice already names Rédac).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked).toEqual([{ release: undefined }]);
  });
});
