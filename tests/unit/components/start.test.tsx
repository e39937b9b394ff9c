/**
 * The popup paints before it has read anything from the extension's storage: in the language the
 * last page read (remembered in localStorage), checked in storage right after; and its inbox from
 * a snapshot that holds only what a first screen shows.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { render as renderInto } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Inbox } from '../../../components/Inbox';
import { start } from '../../../components/start';
import { rememberedUiLocale } from '../../../components/uiLocale';
import { getLocale, setLocale } from '../../../locales';
import { db } from '../../../storage/db';
import { uiLocale } from '../../../storage/settings';
import { addDraft } from '../storage/helpers';

const REMEMBERED = 'indiscrets:ui-locale';
const SNAPSHOT = 'indiscrets:inbox-snapshot:4';

let root: HTMLElement;

beforeEach(async () => {
  fakeBrowser.reset();
  localStorage.clear();
  await db.clips.clear();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  cleanup();
  // What start() drew is unmounted too: a popup left alive keeps its inbox's live query, which
  // would write its own snapshot while the next test adds drafts.
  renderInto(null, root);
  root.remove();
  // The other tests speak French (tests/setup.ts).
  setLocale('fr');
});

const clipButton = () => root.querySelector('.clip-panel button')?.textContent;

describe('start', () => {
  it('paints at once in the remembered language, then in the one chosen since', async () => {
    localStorage.setItem(REMEMBERED, 'en');
    // Chosen in the options of another browser, and synced here since the last opening.
    await uiLocale.setValue('fr');

    await start('popup', root);

    // Drawn before the extension's storage answered: in the language the last page read.
    expect(clipButton()).toBe('Clip this page');
    expect(document.documentElement.lang).toBe('en');
    // Then drawn again in the one chosen, and that one remembered for the next opening.
    await waitFor(() => expect(clipButton()).toBe('Couper cette page'));
    expect(document.documentElement.lang).toBe('fr');
    expect(rememberedUiLocale()).toBe('fr');
  });

  it('reads the choice before painting the first time, and remembers it', async () => {
    await uiLocale.setValue('en');
    expect(rememberedUiLocale()).toBeUndefined();

    await start('popup', root);

    expect(clipButton()).toBe('Clip this page');
    expect(getLocale()).toBe('en');
    expect(localStorage.getItem(REMEMBERED)).toBe('en');
  });

  it('ignores a remembered value that is not a language choice', async () => {
    localStorage.setItem(REMEMBERED, 'klingon');
    await uiLocale.setValue('fr');

    expect(rememberedUiLocale()).toBeUndefined();
    await start('popup', root);

    expect(clipButton()).toBe('Couper cette page');
  });

  it('speaks a synced choice it does not know as the language it names, not as is', async () => {
    // Written by another device after this browser's migration of the setting had run: the
    // migration does not run again, and the value comes back unchecked.
    await fakeBrowser.storage.sync.set({ uiLocale: 'en-GB', uiLocale$: { v: 2 } });

    await start('popup', root);

    await waitFor(() => expect(clipButton()).toBe('Clip this page'));
    expect(document.documentElement.lang).toBe('en');
  });

  it('speaks the browser’s language for a synced choice that names none it speaks', async () => {
    await fakeBrowser.storage.sync.set({ uiLocale: 'klingon', uiLocale$: { v: 2 } });
    const language = vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');

    await start('popup', root);

    await waitFor(() => expect(clipButton()).toBe('Clip this page'));
    expect(document.documentElement.lang).toBe('en');
    language.mockRestore();
  });
});

/** jsdom lays nothing out: the draft list is said to start `top` px down the page. */
function placeListAt(top: number) {
  return vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
    this: HTMLElement,
  ) {
    const y = this.classList.contains('draft-list') ? top : 0;
    return DOMRect.fromRect({ x: 0, y, width: 400, height: 0 });
  });
}

describe('Inbox snapshot', () => {
  it('keeps the rows a first screen can show below the list, and paints them before the database answers', async () => {
    for (let i = 0; i < 30; i++) await addDraft(db, { title: `Brève ${i}` });
    // The list starts 240 px down the page (the popup's header, search and filters above it).
    const box = placeListAt(240);
    const first = render(<Inbox onOpen={() => {}} pageSize={20} />);
    await waitFor(() => expect(localStorage.getItem(SNAPSHOT)).not.toBeNull());
    box.mockRestore();

    // jsdom's window is 768 px high: 528 px below the list. A row is at least 80 px high, 8 px
    // apart: 7 rows fill that, whatever is read; the rows below the window are left to the list.
    const rows = JSON.parse(localStorage.getItem(SNAPSHOT)!) as { title: string }[];
    expect(rows.map((row) => row.title)).toEqual(
      Array.from({ length: 7 }, (_, i) => `Brève ${29 - i}`),
    );
    first.unmount();

    // The next opening draws them from the snapshot, the database still empty.
    await db.clips.clear();
    render(<Inbox onOpen={() => {}} pageSize={20} />);
    expect(screen.getAllByTestId('draft')).toHaveLength(7);
  });

  it('keeps at least one row, even with the list below the window', async () => {
    for (let i = 0; i < 3; i++) await addDraft(db, { title: `Brève ${i}` });
    const box = placeListAt(2000);
    render(<Inbox onOpen={() => {}} pageSize={20} />);
    await waitFor(() => expect(localStorage.getItem(SNAPSHOT)).not.toBeNull());
    box.mockRestore();

    // An empty snapshot would paint « no drafts » until the database answers.
    const rows = JSON.parse(localStorage.getItem(SNAPSHOT)!) as { title: string }[];
    expect(rows.map((row) => row.title)).toEqual(['Brève 2']);
  });
});
