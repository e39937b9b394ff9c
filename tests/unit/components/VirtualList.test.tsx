import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualList } from '../../../components/VirtualList';

afterEach(cleanup);

/** The rows' records, read only when the test says so: a slow machine's loader, held. */
interface Loader {
  /** Reads the records of the rows drawn so far (as a query answering). */
  answer: () => void;
}

/**
 * A list of `count` drafts whose records are read only when `loader.answer()` is called: until
 * then every row is a placeholder (key `pending:${index}`), then drawn anew keyed by its id, as
 * the inbox's rows are.
 */
function SlowList({ count, loader }: { count: number; loader: Loader }) {
  const [asked, setAsked] = useState({ start: 0, end: 0 });
  const [read, setRead] = useState({ start: 0, end: 0 });
  loader.answer = () => setRead(asked);
  const isRead = (index: number) => index >= read.start && index < read.end;
  return (
    <VirtualList
      class="draft-list"
      count={count}
      estimate={40}
      gap={4}
      resetKey="all"
      loadingLabel="Chargement…"
      rowKey={(index) => (isRead(index) ? `draft-${index}` : `row:${index}`)}
      renderRow={(index) => (isRead(index) ? <span>Brouillon {index + 1}</span> : undefined)}
      onRange={(start, end) => setAsked({ start, end })}
    />
  );
}

/** The row at `index` as drawn now. */
const rowAt = (index: number) =>
  document.querySelector<HTMLElement>(`.draft-list > li[data-index="${index}"]`)!;

describe('VirtualList', () => {
  it('keeps the keyboard on a placeholder row once its record is read and the row drawn anew', async () => {
    const loader: Loader = { answer: () => {} };
    render(<SlowList count={50} loader={loader} />);
    await waitFor(() => expect(rowAt(0)).not.toBeNull());
    // The row in the Tab order, reached before its draft is read.
    const placeholder = rowAt(0);
    expect(placeholder.dataset.loaded).toBe('false');
    act(() => placeholder.focus());
    expect(document.activeElement).toBe(placeholder);

    act(() => loader.answer());
    await waitFor(() => expect(rowAt(0).dataset.loaded).toBe('true'));
    // Drawn anew (another element), and the keyboard on it, not on the page's body.
    expect(rowAt(0)).not.toBe(placeholder);
    expect(document.activeElement).toBe(rowAt(0));
    expect(screen.getByText('Brouillon 1')).toBeTruthy();
  });

  it('does not take the keyboard back from where the editor put it meanwhile', async () => {
    const loader: Loader = { answer: () => {} };
    render(
      <>
        <SlowList count={50} loader={loader} />
        <input aria-label="Rechercher" />
      </>,
    );
    await waitFor(() => expect(rowAt(0)).not.toBeNull());
    act(() => rowAt(0).focus());
    const search = screen.getByLabelText('Rechercher');
    act(() => search.focus());

    act(() => loader.answer());
    await waitFor(() => expect(rowAt(0).dataset.loaded).toBe('true'));
    expect(document.activeElement).toBe(search);
  });

  it('keeps the keyboard on a placeholder row reached by the arrow keys once it is read', async () => {
    const loader: Loader = { answer: () => {} };
    render(<SlowList count={50} loader={loader} />);
    await waitFor(() => expect(rowAt(1)).not.toBeNull());
    act(() => rowAt(0).focus());
    act(() => {
      rowAt(0).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    await waitFor(() => expect(document.activeElement).toBe(rowAt(1)));
    act(() => loader.answer());
    await waitFor(() => expect(rowAt(1).dataset.loaded).toBe('true'));
    expect(document.activeElement).toBe(rowAt(1));
  });
});
