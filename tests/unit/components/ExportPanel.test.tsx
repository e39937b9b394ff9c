import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DONE_MESSAGE_MS, ExportPanel } from '../../../components/ExportPanel';
import { createHouseStyle } from '../../../export/house-style';
import type { ExportIssue } from '../../../export/model';
import { db } from '../../../storage/db';
import { createIssue, getIssue } from '../../../storage/issues';

const model: ExportIssue = {
  title: 'Les indiscrets du 15 mars',
  date: '2021-03-15',
  items: [
    {
      id: 'a',
      bodyHtml: '<p>OVH <strong>a pris feu</strong> : <img src=x onerror=alert(1)></p>',
      sources: [{ url: 'https://www.linkedin.com/posts/klaba', siteName: 'LinkedIn' }],
    },
  ],
};
// Credits on: the clipboard text carries the source's address as a footnote.
const style = createHouseStyle({ creditStyle: 'parenthesis' });

/** jsdom has no ClipboardItem: a stand-in that keeps what it was given. */
/** jsdom's Blob has no text(): FileReader reads it. */
const readBlob = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

class FakeClipboardItem {
  constructor(readonly items: Record<string, Blob>) {}
}

beforeEach(async () => {
  await db.issues.clear();
  vi.stubGlobal('ClipboardItem', FakeClipboardItem);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ExportPanel', () => {
  it('copies the issue as rich text and plain text together, and marks it exported', async () => {
    const issue = await createIssue({ title: model.title, date: model.date });
    const write = vi.fn(async (_items: FakeClipboardItem[]) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { write }, configurable: true });
    render(<ExportPanel issue={issue} model={model} style={style} problems={0} />);

    fireEvent.click(screen.getByTestId('copy'));

    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Numéro copié (texte enrichi et texte brut).',
      ),
    );
    const [item] = write.mock.calls[0]![0];
    const html = await readBlob(item!.items['text/html']!);
    const text = await readBlob(item!.items['text/plain']!);
    expect(html).toContain('<strong>a pris feu</strong>');
    expect(html).not.toContain('<img');
    expect(text).toContain('--> OVH a pris feu');
    expect(text).toContain('https://www.linkedin.com/posts/klaba');
    expect((await getIssue(issue.id))?.status).toBe('exported');
  });

  it('downloads the chosen format as a file named after the issue', async () => {
    const issue = await createIssue({ title: model.title, date: model.date });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    render(<ExportPanel issue={issue} model={model} style={style} problems={2} />);

    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'markdown' } });
    fireEvent.click(screen.getByTestId('download'));

    await waitFor(() => expect(clicked).toEqual(['les-indiscrets-du-15-mars.md']));
    expect(screen.getByText('2 points à vérifier avant l’export.')).toBeTruthy();
  });

  it('says « Numéro copié » for a while, then no more, and not of another issue', async () => {
    // Real time runs; the test may jump ahead of it.
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const issue = await createIssue({ title: model.title, date: model.date });
      const other = await createIssue({ title: 'Les indiscrets du 22 mars', date: '2021-03-22' });
      const write = vi.fn(async (_items: FakeClipboardItem[]) => {});
      Object.defineProperty(navigator, 'clipboard', { value: { write }, configurable: true });
      const { rerender } = render(
        <ExportPanel issue={issue} model={model} style={style} problems={0} />,
      );
      const copied = 'Numéro copié (texte enrichi et texte brut).';

      fireEvent.click(screen.getByTestId('copy'));
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe(copied));
      await vi.advanceTimersByTimeAsync(DONE_MESSAGE_MS - 1000);
      expect(screen.getByRole('status').textContent).toBe(copied);
      await vi.advanceTimersByTimeAsync(1000);
      await waitFor(() => expect(screen.queryByRole('status')).toBeNull());

      // Copied again, then another issue shown: the message is not said of it.
      fireEvent.click(screen.getByTestId('copy'));
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe(copied));
      rerender(<ExportPanel issue={other} model={model} style={style} problems={0} />);
      await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    } finally {
      vi.useRealTimers();
    }
  });
});
