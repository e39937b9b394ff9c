import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadData, useDataQuery } from '../../../components/data';
import { db } from '../../../storage/db';
import { addDraft } from '../storage/helpers';

beforeEach(async () => {
  await db.clips.clear();
  await addDraft(db, { title: 'Premier' });
  await loadData();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** How many drafts there are, as a view that waits for it reads them (`now`) or not. */
function Count({ now }: { now: boolean }) {
  const count = useDataQuery((data) => data.countDrafts({ box: 'all' }), [], { now });
  return <p>{count === undefined ? 'en attente' : `Compte : ${count}`}</p>;
}

/** Lets the database answer (fake-indexeddb answers on setImmediate) without any timer firing. */
async function withoutTimers(until: () => boolean) {
  for (let turn = 0; turn < 200 && !until(); turn++) {
    await act(() => new Promise<void>((resolve) => setImmediate(resolve)));
  }
}

describe('useDataQuery', () => {
  it('reads what the editor waits for (now) without waiting for a timer, then follows every change', async () => {
    // No timer fires: Dexie's live query starts its first query on one, after the next frame.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<Count now />);
    await withoutTimers(() => !!screen.queryByText('Compte : 1'));
    expect(screen.getByText('Compte : 1')).toBeTruthy();

    // Watched from then on: a draft added is counted.
    await act(async () => {
      await vi.runOnlyPendingTimersAsync();
    });
    vi.useRealTimers();
    await addDraft(db, { title: 'Second' });
    await waitFor(() => expect(screen.getByText('Compte : 2')).toBeTruthy());
  });

  it('aborts the signal of a query left for the next one (a keystroke), not the one in use', async () => {
    const signals: AbortSignal[] = [];
    function Search({ text, now }: { text: string; now: boolean }) {
      const found = useDataQuery(
        (data, signal) => {
          signals.push(signal);
          return data.countDrafts({ text });
        },
        [text],
        { now },
      );
      return <p>{found === undefined ? 'en attente' : `${text} : ${found}`}</p>;
    }
    for (const now of [true, false]) {
      signals.length = 0;
      const { rerender, unmount } = render(<Search text="prem" now={now} />);
      await waitFor(() => expect(screen.getByText('prem : 1')).toBeTruthy());
      const first = signals.length;
      rerender(<Search text="premi" now={now} />);
      await waitFor(() => expect(screen.getByText('premi : 1')).toBeTruthy());
      expect(signals.slice(0, first).every((signal) => signal.aborted)).toBe(true);
      expect(signals.slice(first).some((signal) => signal.aborted)).toBe(false);
      unmount();
      expect(signals.every((signal) => signal.aborted)).toBe(true);
    }
  });
});
