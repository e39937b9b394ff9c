import { describe, it, expect } from 'vitest';
import { render } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';

describe('toolchain', () => {
  it('renders preact and swaps wxt/browser for the fake', async () => {
    const { getByText } = render(<p>Bonjour</p>);
    expect(getByText('Bonjour')).toBeTruthy();
    await browser.storage.local.set({ a: 1 });
    expect(await fakeBrowser.storage.local.get('a')).toEqual({ a: 1 });
  });
});
