/**
 * What the component tests of the desk's views do alike: render a view with the announcer and
 * the undo bar around it, find a draft's row in the inbox, drag one row onto another.
 */
import type { ComponentChildren } from 'preact';
import { fireEvent, render, screen } from '@testing-library/preact';
import { AnnouncerProvider } from '../../../components/Announcer';
import { UndoProvider } from '../../../components/Undo';

/** Renders `node` with the announcer and the undo bar around it. */
export const wrap = (node: ComponentChildren) =>
  render(
    <AnnouncerProvider>
      <UndoProvider>{node}</UndoProvider>
    </AnnouncerProvider>,
  );

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
