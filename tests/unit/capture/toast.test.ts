/**
 * The page toast after a clip from the context menu or the keyboard stays long enough for its
 * sentence to be read: a page closed to scripts makes a long one (what was kept, and why).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showToast } from '../../../capture/toast';
import { describeOutcome } from '../../../messaging/outcome';
import type { ClipOutcome } from '../../../messaging/protocol';

const shown = () => document.getElementById('indiscrets-toast-host') !== null;

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  document.getElementById('indiscrets-toast-host')?.remove();
  vi.useRealTimers();
});

describe('showToast', () => {
  it('leaves a long sentence in the page for as long as it takes to read it', () => {
    // A PDF clipped from the context menu with words selected: about 190 characters.
    const outcome = {
      status: 'created',
      clip: { title: 'Rapport de la commission d’enquête.pdf', quotes: [{}] },
      quoteAdded: true,
      limit: 'pdf',
      selectionKept: true,
    } as unknown as ClipOutcome;
    const message = describeOutcome(outcome);
    expect(message.length).toBeGreaterThan(180);

    showToast(message, 'warn');
    // At a brisk 20 characters a second (about 4 words), it takes 9 seconds.
    vi.advanceTimersByTime(9000);
    expect(shown()).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(shown()).toBe(false);
  });

  it('leaves a short one for 4 seconds, as before', () => {
    showToast('Nouveau brouillon\u00a0: «\u00a0La loi\u00a0»', 'ok');
    vi.advanceTimersByTime(3900);
    expect(shown()).toBe(true);
    vi.advanceTimersByTime(200);
    expect(shown()).toBe(false);
  });
});
