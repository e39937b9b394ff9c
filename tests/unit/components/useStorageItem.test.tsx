import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { useStorageItem } from '../../../components/useStorageItem';

afterEach(cleanup);

/** A storage item whose first read answers when the test says, and whose changes it sends. */
function slowItem() {
  let answer!: (value: string) => void;
  let changed!: (value: string) => void;
  const item = {
    getValue: () => new Promise<string>((resolve) => (answer = resolve)),
    watch: (callback: (value: string) => void) => {
      changed = callback;
      return () => {};
    },
  } as unknown as WxtStorageItem<string, Record<string, unknown>>;
  return { item, answer: (v: string) => answer(v), change: (v: string) => changed(v) };
}

describe('useStorageItem', () => {
  it('keeps a change heard before the first read answers, not that older answer', async () => {
    const { item, answer, change } = slowItem();
    let shown: string | undefined;
    function Reader() {
      shown = useStorageItem(item);
      return null;
    }
    render(<Reader />);

    // The editor picks another issue while the page is still reading the stored one.
    act(() => change('issue-picked'));
    await act(async () => answer('issue-stored-before'));

    expect(shown).toBe('issue-picked');
  });
});
