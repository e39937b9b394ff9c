/**
 * What the component tests of the desk's views do alike: start from an empty shared desk, render
 * a view with the announcer and the undo bar around it, find a draft's row in the inbox, drag one
 * row onto another, hear what the page says to screen readers.
 */
import type { ComponentChildren } from 'preact';
import { fireEvent, render, screen } from '@testing-library/preact';
import { AnnouncerProvider } from '../../../components/Announcer';
import { UndoProvider } from '../../../components/Undo';
import { db } from '../../../storage/db';

/**
 * Empties what the shared desk keeps here (its state, outbox, conflicts and refusals), and the
 * drafts and issues too with `records`, so that each test starts from the desk it sets up.
 */
export function clearSharedDesk(records: { clips?: boolean; issues?: boolean } = {}) {
  return Promise.all([
    db.syncState.clear(),
    db.outbox.clear(),
    db.conflicts.clear(),
    db.refusals.clear(),
    ...(records.clips ? [db.clips.clear()] : []),
    ...(records.issues ? [db.issues.clear()] : []),
  ]);
}

/** Renders `node` with the announcer and the undo bar around it. */
export const wrap = (node: ComponentChildren) =>
  render(
    <AnnouncerProvider>
      <UndoProvider>{node}</UndoProvider>
    </AnnouncerProvider>,
  );

/** The live regions (what a screen reader speaks when it changes) whose text holds `text`. */
export const liveRegionsSaying = (text: string) =>
  [
    ...document.querySelectorAll(
      '[role="status"], [role="alert"], [role="log"], [aria-live]:not([aria-live="off"])',
    ),
  ].filter((region) => region.textContent?.includes(text));

/**
 * What the page's announcer says from now on, one entry each time it speaks (it says a sentence
 * by putting it in a new element, so that the same sentence again is news to a screen reader).
 */
export function recordSpoken() {
  const said: string[] = [];
  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) if (node.textContent) said.push(node.textContent);
    }
  }).observe(screen.getByTestId('announcement'), { childList: true });
  return said;
}

/** A draft's row in the inbox, by its title. */
export const row = (title: string) => screen.getByText(title).closest('article')!;

/** Drags the row `from` onto the row `to`, as the browser fires it: whether the row took the drop. */
export function drag(from: HTMLElement, to: HTMLElement) {
  const data = new Map<string, string>();
  const dataTransfer = {
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
  };
  fireEvent.dragStart(from, { dataTransfer });
  // A row that takes the drop cancels dragover (preventDefault): fireEvent says so.
  const taken = !fireEvent.dragOver(to, { dataTransfer });
  if (taken) fireEvent.drop(to, { dataTransfer });
  fireEvent.dragEnd(from, { dataTransfer });
  return taken;
}
