import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportPanel } from '../../../components/ExportPanel';
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
});
