import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { bench, describe } from 'vitest';
import { App } from '../components/App';
import { db } from '../storage/db';
import { seed } from './seed';

// The popup reads the singleton database, as in the extension.
await seed(db);

describe('popup with 10,000 drafts and 200 issues', () => {
  // Target: ≤ 100 ms from mounting the popup to the first page of drafts on screen.
  bench(
    'first render of the popup',
    async () => {
      render(<App layout="popup" />);
      await screen.findAllByTestId('draft', {}, { interval: 1 });
      cleanup();
    },
    { iterations: 20 },
  );

  // Target: ≤ 50 ms from a keystroke in the search box to the filtered list on screen.
  let round = 0;
  bench(
    'search keystroke',
    async () => {
      const input = screen.getByTestId('search') as HTMLInputElement;
      // Alternate two queries so that each keystroke changes the result.
      const query = round++ % 2 === 0 ? 'ovh' : 'bercy';
      fireEvent.input(input, { target: { value: query } });
      await waitFor(
        () => {
          const total = screen.getByTestId('draft-total').textContent ?? '';
          const first = screen.getAllByTestId('draft')[0]?.textContent ?? '';
          if (!first.toLowerCase().includes(query) || !total) throw new Error('not yet');
        },
        { interval: 1 },
      );
    },
    {
      iterations: 30,
      setup: async () => {
        cleanup();
        render(<App layout="popup" />);
        await screen.findAllByTestId('draft', {}, { interval: 1 });
      },
    },
  );
});
