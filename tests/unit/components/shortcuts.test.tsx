import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DESK_KEYS } from '../../../components/Desk';
import { RichText } from '../../../components/RichText';
import { ctrlShortcut, hasCommandKey } from '../../../components/shortcuts';
import { t } from '../../../locales';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ctrlShortcut', () => {
  it('names the key a Mac presses ⌘, every other keyboard’s Ctrl', () => {
    expect(hasCommandKey({ platform: 'MacIntel' })).toBe(true);
    expect(hasCommandKey({ userAgentData: { platform: 'macOS' }, platform: 'MacIntel' })).toBe(
      true,
    );
    expect(hasCommandKey({ platform: 'iPad' })).toBe(true);
    expect(hasCommandKey({ userAgentData: { platform: 'Windows' }, platform: 'Win32' })).toBe(
      false,
    );
    expect(hasCommandKey({ platform: 'Linux x86_64' })).toBe(false);
    expect(hasCommandKey({})).toBe(false);
    expect(ctrlShortcut('B', true)).toBe('⌘B');
    expect(ctrlShortcut('B', false)).toBe('Ctrl+B');
  });

  it('gives the editor’s buttons and the desk’s help ⌘ on a Mac, which the editor takes as Ctrl', () => {
    vi.stubGlobal('navigator', { ...navigator, platform: 'MacIntel', language: 'fr-FR' });
    render(<RichText value="<p>Texte</p>" onChange={() => {}} label="Texte" />);

    expect(screen.getByRole('button', { name: 'Gras (⌘B)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Italique (⌘I)' }).title).toBe('Italique (⌘I)');
    expect(screen.getByTitle('Lien (⌘K)')).toBeTruthy();
    const link = DESK_KEYS.find(({ what }) => what === 'desk.key.link')!;
    expect(link.keys()).toBe('⌘K');
    expect(DESK_KEYS.find(({ what }) => what === 'desk.key.lists')!.keys()).toBe('⌘⇧8 ⌘⇧7');
  });

  it('keeps Ctrl elsewhere', () => {
    vi.stubGlobal('navigator', { ...navigator, platform: 'Win32', language: 'en-GB' });
    render(<RichText value="<p>Text</p>" onChange={() => {}} label="Text" />);

    expect(screen.getByRole('button', { name: 'Gras (Ctrl+B)' })).toBeTruthy();
    expect(t('editor.bold', { key: ctrlShortcut('B') }, 'en')).toBe('Bold (Ctrl+B)');
    expect(DESK_KEYS.find(({ what }) => what === 'desk.key.link')!.keys()).toBe('Ctrl+K');
    // The desk's help names the list shortcuts as the editor's buttons do, Shift in its language.
    expect(DESK_KEYS.find(({ what }) => what === 'desk.key.lists')!.keys()).toBe(
      'Ctrl+Maj+8 Ctrl+Maj+7',
    );
  });
});
