import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ClipHint } from '../../../components/ClipHint';
import { setLocale } from '../../../locales';

/** fakeBrowser has no `commands`: the browser's answer, given by the test. */
function commands(shortcut: string | undefined) {
  const getAll = vi.fn(async () => [
    { name: '_execute_action', shortcut: '' },
    { name: 'clip-page', description: 'Clip', ...(shortcut === undefined ? {} : { shortcut }) },
  ]);
  Object.assign(fakeBrowser, { commands: { getAll } });
  return getAll;
}

const hint = () => screen.getByTestId('clip-hint').textContent;

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  cleanup();
  delete (fakeBrowser as { commands?: unknown }).commands;
  setLocale('fr');
});

describe('ClipHint', () => {
  it('names the clip shortcut as the browser has it, Shift said Maj in French', async () => {
    const asked = commands('Alt+Shift+K');
    render(<ClipHint />);

    await waitFor(() => expect(asked).toHaveBeenCalled());
    expect(hint()).toMatch(
      /^Pour couper une page\u00a0: le bouton Indiscrets .* ou Alt\+Maj\+K\.$/,
    );
  });

  it('names the keys the editor chose in the browser’s shortcuts instead', async () => {
    commands('Ctrl+Shift+Y');
    render(<ClipHint />);

    await waitFor(() => expect(hint()).toContain('ou Ctrl+Maj+Y.'));
  });

  it('says no shortcut is set, and where to set one, when the browser has none for it', async () => {
    // Another extension took Alt+Shift+K first, or the editor removed it.
    commands('');
    render(<ClipHint />);

    await waitFor(() => expect(hint()).toContain('Aucun raccourci clavier n’est réglé'));
    expect(hint()).not.toContain('Alt+Maj+K');
  });

  it('says the keys as the browser writes them in English', async () => {
    setLocale('en');
    commands('Alt+Shift+K');
    render(<ClipHint />);

    await waitFor(() =>
      expect(hint()).toBe(
        'To clip a page: the Indiscrets toolbar button, the context menu (“Clip to Indiscrets”) or Alt+Shift+K.',
      ),
    );
  });
});
