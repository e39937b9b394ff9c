/**
 * « Couper cette page » in the popup: what it asks the background. The popup has just read the
 * active tab (opening it grants the tab); its address and title go with the request, so that the
 * background does not ask the browser for the tab a second time before reading the page.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ClipPanel } from '../../../components/ClipPanel';
import { registerHandlers, type Handlers, type ProtocolMap } from '../../../messaging/protocol';
import { db } from '../../../storage/db';
import { addDraft } from '../storage/helpers';

type ClipRequest = ProtocolMap['clipTab']['request'];

let sent: ClipRequest[];
let prepared: ProtocolMap['prepareClip']['request'][];
let unregister: () => void;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  await Promise.all([db.clips.clear(), db.syncState.clear()]);
  sent = [];
  prepared = [];
  const clip = await addDraft(db, { title: 'OVH en Bourse' });
  unregister = registerHandlers({
    clipTab: async (request) => {
      sent.push(request);
      return { status: 'created', clip, quoteAdded: false };
    },
    prepareClip: async (request) => {
      prepared.push(request);
      return true;
    },
  } as Partial<Handlers> as Handlers);
});
afterEach(() => {
  unregister();
  cleanup();
});

/** The active tab as the browser describes it to the popup. */
function activeTab(tab: { id: number; url?: string; title?: string }) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
    { index: 0, highlighted: true, active: true, pinned: false, incognito: false, ...tab },
  ] as never);
}

async function clip() {
  fireEvent.click(await screen.findByRole('button', { name: 'Couper cette page' }));
  await waitFor(() => expect(sent).toHaveLength(1));
  return sent[0];
}

describe('ClipPanel', () => {
  it('sends the active tab’s address and title with the request', async () => {
    activeTab({ id: 5, url: 'https://www.lemonde.fr/article', title: 'Un article' });
    render(<ClipPanel onClipped={() => {}} />);
    await waitFor(() => expect(prepared).toHaveLength(1));

    expect(await clip()).toEqual({
      tabId: 5,
      tab: { url: 'https://www.lemonde.fr/article', title: 'Un article' },
      prepared: prepared[0]!.token,
    });
  });

  it('asks for the page to be read as it opens, and names that read in its one clip', async () => {
    activeTab({ id: 5, url: 'https://www.lemonde.fr/article', title: 'Un article' });
    render(<ClipPanel onClipped={() => {}} />);

    // Before any click: the background reads the page while the editor looks at the popup.
    await waitFor(() => expect(prepared).toHaveLength(1));
    expect(prepared[0]).toEqual({
      tabId: 5,
      tab: { url: 'https://www.lemonde.fr/article', title: 'Un article' },
      token: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(sent).toHaveLength(0);

    // A second clip from the same popup reads the page anew: what was read went to the first.
    expect((await clip())?.prepared).toBe(prepared[0]!.token);
    fireEvent.click(await screen.findByRole('button', { name: 'Couper cette page' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]!.prepared).toBeUndefined();
  });

  it('sends the tab’s id alone when the browser did not tell its address', async () => {
    activeTab({ id: 5 });
    render(<ClipPanel onClipped={() => {}} />);

    expect(await clip()).toEqual({ tabId: 5 });
    // Without its address, the page is not read ahead: the background checks the address.
    expect(prepared).toHaveLength(0);
  });

  it('sends the id alone for a tab given by number (popup.html?tabId=N)', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    render(<ClipPanel tabId={9} onClipped={() => {}} />);

    expect(await clip()).toEqual({ tabId: 9 });
    expect(query).not.toHaveBeenCalled();
  });

  it('reads a tab given by number ahead too, when the browser tells its address', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({
      id: 9,
      url: 'https://www.lemonde.fr/article',
      title: 'Un article',
    } as never);
    render(<ClipPanel tabId={9} onClipped={() => {}} />);
    await waitFor(() => expect(prepared).toHaveLength(1));

    expect(prepared[0]).toMatchObject({ tabId: 9, tab: { url: 'https://www.lemonde.fr/article' } });
    expect(await clip()).toEqual({ tabId: 9, prepared: prepared[0]!.token });
  });
});
