import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { UndoProvider, useUndo } from '../../../components/Undo';
import { db } from '../../../storage/db';
import type { UndoToken } from '../../../storage/drafts';
import { createIssue, deleteIssue } from '../../../storage/issues';

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all([db.clips.clear(), db.issues.clear()]);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Hands the provider's `offer` to the test. */
function Offerer({ expose }: { expose: (offer: ReturnType<typeof useUndo>['offer']) => void }) {
  expose(useUndo().offer);
  return null;
}

function renderBar() {
  let offer!: ReturnType<typeof useUndo>['offer'];
  render(
    <UndoProvider>
      <Offerer expose={(given) => (offer = given)} />
    </UndoProvider>,
  );
  return (token: UndoToken, label: string, options?: (() => void) | { focus: boolean }) =>
    act(() => offer(token, label, typeof options === 'function' ? { onUndone: options } : options));
}

const bar = () => screen.queryByTestId('undo-bar');

describe('UndoProvider', () => {
  it('undoes the latest action, then offers the one before it', async () => {
    const offer = renderBar();
    const first = await createIssue({ title: 'Les indiscrets du 15 mars', date: '2026-03-15' });
    const second = await createIssue({ title: 'Les indiscrets du 22 mars', date: '2026-03-22' });
    const undone: string[] = [];
    offer((await deleteIssue(first.id))!, 'Premier supprimé', () => undone.push(first.id));
    offer((await deleteIssue(second.id))!, 'Second supprimé', () => undone.push(second.id));

    expect(bar()!.textContent).toContain('Second supprimé');
    fireEvent.click(within(bar()!).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(bar()!.textContent).toContain('Premier supprimé'));
    fireEvent.click(within(bar()!).getByRole('button', { name: 'Annuler' }));

    await waitFor(() => expect(bar()).toBeNull());
    expect(undone).toEqual([second.id, first.id]);
    expect((await db.issues.toArray()).map((issue) => issue.title).sort()).toEqual([
      'Les indiscrets du 15 mars',
      'Les indiscrets du 22 mars',
    ]);
  });

  it('gives « Annuler » the keyboard when asked (what had it is gone), and keeps it there', async () => {
    const offer = renderBar();

    offer({ label: 'trash', before: [], after: [] }, 'Supprimé', { focus: true });

    await waitFor(() =>
      expect(document.activeElement).toBe(within(bar()!).getByRole('button', { name: 'Annuler' })),
    );
  });

  it('stays while the pointer is on it, and goes ten seconds after it is left', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const offer = renderBar();
    offer({ label: 'trash', before: [], after: [] }, 'À la corbeille');

    fireEvent.mouseEnter(bar()!);
    act(() => {
      vi.advanceTimersByTime(30_000);
    });
    expect(bar()).not.toBeNull();
    fireEvent.mouseLeave(bar()!);
    act(() => {
      vi.advanceTimersByTime(9_000);
    });
    expect(bar()).not.toBeNull();
    act(() => {
      vi.advanceTimersByTime(1_000);
    });

    expect(bar()).toBeNull();
  });
});
