import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DraftEditor } from '../../../components/DraftEditor';
import { UndoProvider } from '../../../components/Undo';
import { db } from '../../../storage/db';
import { updateDraft } from '../../../storage/drafts';
import { addDraft } from '../storage/helpers';
import { setLocale } from '../../../locales';

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await Promise.all([db.clips.clear(), db.issues.clear(), db.syncState.clear()]);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  setLocale('fr');
});

/** Two sources changed here and in another window at once: the conflict box lists them. */
async function sourcesConflict(): Promise<string> {
  const draft = await addDraft(db, { title: 'OVH' });
  await updateDraft(draft.id, {
    sources: [
      { url: 'https://a.test/', title: 'Le Monde' },
      { url: 'https://b.test/', title: 'Libération' },
    ],
  });
  render(
    <UndoProvider>
      <DraftEditor id={draft.id} onClose={() => {}} />
    </UndoProvider>,
  );
  const titles = await screen.findAllByDisplayValue('Le Monde');
  const full = vi
    .spyOn(db.clips, 'update')
    .mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
  fireEvent.input(titles[0]!, { target: { value: 'Le Monde (ici)' } });
  await waitFor(() => expect(full).toHaveBeenCalled());
  full.mockRestore();
  await updateDraft(draft.id, {
    sources: [
      { url: 'https://a.test/', title: 'Le Monde (ailleurs)' },
      { url: 'https://b.test/', title: 'Libération' },
    ],
  });
  await screen.findByTestId('conflicts');
  return screen.getByTestId('conflict-mine').textContent ?? '';
}

describe('DraftEditor: the sources of a draft in the conflict box', () => {
  it('are separated as French separates them (U+202F before « ; »), as conflictFields does', async () => {
    // As the shared desk's chooser separates them (conflictFields.ts).
    expect(await sourcesConflict()).toBe('Le Monde (ici)\u202f; Libération');
  });

  it('are separated the English way in English (no space before « ; »)', async () => {
    setLocale('en');
    expect(await sourcesConflict()).toBe('Le Monde (ici); Libération');
  });
});
