import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WordPressSettings } from '../../../components/WordPressSettings';
import { wordpressItem, wordpressPasswordItem } from '../../../storage/preferences';

beforeEach(async () => {
  fakeBrowser.reset();
  await wordpressItem.setValue({
    siteUrl: '',
    username: 'redac',
    category: 'Indiscrets',
    status: 'draft',
  });
  await wordpressPasswordItem.setValue('abcd efgh ijkl mnop');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('WordPressSettings', () => {
  it.each(['pas une adresse', 'monsite'])(
    'refuses « %s » at once, saying what is expected, without asking for a permission',
    async (address) => {
      const request = vi.spyOn(fakeBrowser.permissions, 'request');
      render(<WordPressSettings />);
      const field = await screen.findByLabelText(/^Adresse du site/);

      fireEvent.input(field, { target: { value: address } });
      fireEvent.click(screen.getByRole('button', { name: 'Tester la connexion' }));

      await waitFor(() =>
        expect(screen.getByRole('alert').textContent).toContain('https://www.monjournal.fr'),
      );
      expect(request).not.toHaveBeenCalled();
      expect((await wordpressItem.getValue()).siteUrl).toBe('');
    },
  );
});
