import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DESK_POLL_MS, useDeskSync } from '../../../components/useDeskSync';
import { registerHandlers, type Handlers } from '../../../messaging/protocol';
import { db } from '../../../storage/db';
import { deskState } from '../desk-fixtures';

let reasons: string[];
let unregister: () => void;

function Desk({ layout }: { layout: 'popup' | 'desk' }) {
  useDeskSync(layout);
  return null;
}

/** The document says it is hidden (another tab in front) or visible again, as a browser does. */
function show(visible: boolean) {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (visible ? 'visible' : 'hidden'),
  });
  document.dispatchEvent(new Event('visibilitychange'));
}

/**
 * Waits for the syncs asked to be these. testing-library's `waitFor` checks again on an
 * interval, which is the test's here (the poll's): this one checks on real timeouts.
 */
async function asked(expected: string[]) {
  for (let waited = 0; waited < 5_000 && reasons.join() !== expected.join(); waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(reasons).toEqual(expected);
}

/** Drawn, and its first sync (the opening's) asked. */
async function opened(layout: 'popup' | 'desk') {
  render(<Desk layout={layout} />);
  await asked(['open']);
}

beforeEach(async () => {
  fakeBrowser.reset();
  // Only the poll's interval and the clock are the test's: Dexie's own timers stay real.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  reasons = [];
  unregister = registerHandlers({
    syncNow: async ({ reason }: { reason: string }) => {
      reasons.push(reason);
      return undefined;
    },
  } as unknown as Handlers);
  await db.syncState.put(deskState('editor'));
});
afterEach(async () => {
  cleanup();
  unregister();
  vi.useRealTimers();
  delete (document as { visibilityState?: unknown }).visibilityState;
  await db.syncState.clear();
});

describe('useDeskSync', () => {
  it('polls every 30 s while the desk is in view, and not while it is hidden', async () => {
    await opened('desk');

    await vi.advanceTimersByTimeAsync(DESK_POLL_MS);
    expect(reasons).toEqual(['open', 'poll']);
    show(false);
    await vi.advanceTimersByTimeAsync(DESK_POLL_MS);

    expect(reasons).toEqual(['open', 'poll']);
  });

  it('syncs at once when the desk comes back into view after a poll fell due while it was hidden', async () => {
    await opened('desk');
    show(false);
    await vi.advanceTimersByTimeAsync(DESK_POLL_MS + 5_000);

    show(true);

    await asked(['open', 'poll']);
  });

  it('counts from the last sync asked, even when the hidden tab’s timer never came', async () => {
    // Chrome throttles a hidden tab's timers: the clock has moved on, the interval has not.
    await opened('desk');
    show(false);
    vi.setSystemTime(Date.now() + DESK_POLL_MS);

    show(true);

    await asked(['open', 'poll']);
  });

  it('asks nothing more when the desk is back before a poll fell due: the next poll comes as usual', async () => {
    await opened('desk');
    show(false);
    await vi.advanceTimersByTimeAsync(DESK_POLL_MS - 10_000);

    show(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reasons).toEqual(['open']);
    await vi.advanceTimersByTimeAsync(10_000);

    expect(reasons).toEqual(['open', 'poll']);
  });

  it('leaves the popup to its opening: it neither polls nor syncs when shown again', async () => {
    await opened('popup');
    show(false);
    await vi.advanceTimersByTimeAsync(DESK_POLL_MS * 2);

    show(true);
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(reasons).toEqual(['open']);
  });

  it('asks nothing when the shared desk is off', async () => {
    await db.syncState.clear();
    render(<Desk layout="desk" />);
    show(false);
    await vi.advanceTimersByTimeAsync(DESK_POLL_MS * 2);

    show(true);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(reasons).toEqual([]);
  });
});
